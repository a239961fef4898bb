"""Training-time helpers registered with spaCy (imported by train.py / build_model.py, never at run time).

The training and dev corpora mix documents annotated for different tasks (UD trees, kumparan POS tags, NER
spans). spaCy's stock scorers would count, e.g., every entity predicted in a UD sentence as a false positive
and report UAS 0 when most dev documents have no trees, so model selection would be wrong. These scorers
first keep only the examples annotated for the component's task. build_model.py puts spaCy's stock scorers
back into the shipped config, so the shipped model never needs this module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import spacy
from spacy.pipeline.dep_parser import parser_score
from spacy.pipeline.morphologizer import morphologizer_score
from spacy.pipeline.ner import ner_score
from spacy.pipeline.tagger import tagger_score
from spacy.training import Example

STOCK_SCORERS = {
    "sorot.tagger_scorer.v1": "spacy.tagger_scorer.v1",
    "sorot.morphologizer_scorer.v1": "spacy.morphologizer_scorer.v1",
    "sorot.parser_scorer.v1": "spacy.parser_scorer.v1",
    "sorot.ner_scorer.v1": "spacy.ner_scorer.v1",
}


def _filtered(score: Callable[..., dict[str, Any]], annotation: str) -> Callable[..., dict[str, Any]]:
    def scorer(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        kept = [eg for eg in examples if eg.reference.has_annotation(annotation)]
        return score(kept, **kwargs)

    return scorer


@spacy.registry.scorers("sorot.tagger_scorer.v1")
def make_tagger_scorer() -> Callable[..., dict[str, Any]]:
    return _filtered(tagger_score, "TAG")


@spacy.registry.scorers("sorot.morphologizer_scorer.v1")
def make_morphologizer_scorer() -> Callable[..., dict[str, Any]]:
    return _filtered(morphologizer_score, "MORPH")


@spacy.registry.scorers("sorot.parser_scorer.v1")
def make_parser_scorer() -> Callable[..., dict[str, Any]]:
    return _filtered(parser_score, "DEP")


@spacy.registry.scorers("sorot.ner_scorer.v1")
def make_ner_scorer() -> Callable[..., dict[str, Any]]:
    return _filtered(ner_score, "ENT_IOB")
