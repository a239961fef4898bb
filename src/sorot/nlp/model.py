"""Load Sorot's shipped Indonesian base pipeline (tokenizer, sentences, tagger, morphology, parser, NER).

The trained pipeline lives in ``src/sorot/models/id_sorot`` (rebuilt by ``training/build_model.py``; see the
model card ``src/sorot/models/README.md``). Everything needed to load it ships with the package, so loading
works with the network off. When no trained model is present (a fresh checkout before ``make model``), the
fallback is a blank Indonesian pipeline with Sorot's tokenizer and rule-based sentence splitter, so the rule
components downstream still run.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language

from sorot.nlp import tokenizer as sorot_tokenizer  # registers sorot.id_tokenizer.v1 and sorot_sentences

log = logging.getLogger(__name__)

MODEL_NAME = "id_sorot"
MODEL_DIR: Path = Path(__file__).resolve().parents[1] / "models" / MODEL_NAME

# The entity labels the base pipeline's NER predicts (one scheme for all training sets).
ENTITY_LABELS: tuple[str, ...] = ("PER", "ORG", "GPE", "LOC", "NORP", "EVENT")

UPOS: frozenset[str] = frozenset(
    [
        "ADJ",
        "ADP",
        "ADV",
        "AUX",
        "CCONJ",
        "DET",
        "INTJ",
        "NOUN",
        "NUM",
        "PART",
        "PRON",
        "PROPN",
        "PUNCT",
        "SCONJ",
        "SYM",
        "VERB",
        "X",
    ]
)


def model_available(path: Path | None = None) -> bool:
    """True when a trained pipeline (a spaCy model directory) exists at ``path`` (default MODEL_DIR)."""
    p = Path(path) if path is not None else MODEL_DIR
    return (p / "config.cfg").is_file() and (p / "meta.json").is_file()


def load_base(path: Path | None = None, *, exclude: Iterable[str] = ()) -> Language:
    """Load the shipped Indonesian pipeline (custom tokenizer + tagger/morph/parser/ner).

    If no trained model is present, return ``spacy.blank("id")`` with the Sorot tokenizer and the
    rule-based sentence splitter, and log a warning.

    The tokenizer is always rebuilt from ``src/sorot/data/tokenizer.yaml`` (the pipeline config names the
    registered ``sorot.id_tokenizer.v1``), so edits to that file take effect without retraining; the
    trained components were trained with the same conventions.
    """
    p = Path(path) if path is not None else MODEL_DIR
    excluded = list(exclude)
    if not model_available(p):
        log.warning(
            "no trained Sorot model at %s; using a blank Indonesian pipeline (tokenizer + sentences only, "
            "no POS/parse/NER). Run `make model` to build it.",
            p,
        )
        nlp = sorot_tokenizer.blank_pipeline()
        for name in excluded:
            if name in nlp.pipe_names:
                nlp.remove_pipe(name)
        return nlp
    nlp = spacy.load(p, exclude=[*excluded, "tokenizer"])
    if "sorot_sentences" not in nlp.pipe_names and "sorot_sentences" not in excluded:
        nlp.add_pipe("sorot_sentences", first=True)
    return nlp
