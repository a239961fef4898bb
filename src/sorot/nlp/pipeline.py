"""Assemble the full analysis pipeline: trained base model + registered rule components.

The component list comes from ``data/settings.yaml`` (``pipeline:``), so one file describes the
pipeline, as a spaCy config does; each name is a factory registered by its module.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sorot.nlp import extensions  # noqa: F401  (registers Doc extensions)

# Where each rule component's factory is registered.
COMPONENT_MODULES: dict[str, str] = {
    "sorot_linker": "sorot.nlp.linker",
    "sorot_dates": "sorot.extract.dates",
    "sorot_quotes": "sorot.extract.quotes",
    "sorot_events": "sorot.extract.events",
}


@Language.component("sorot_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and paragraphs never run into each other."""
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws and (tok.is_space or tok.whitespace_ == "" or "\n" in tok.whitespace_):
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


def add_paragraph_boundaries(nlp: Language) -> None:
    """Put ``sorot_paragraphs`` where it constrains sentence splitting: before the parser, or after
    whatever sets sentences when there is no parser."""
    if "sorot_paragraphs" in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sorot_paragraphs", before="parser")
    else:
        nlp.add_pipe("sorot_paragraphs", last=True)


def build_nlp(
    components: Iterable[str],
    *,
    model_path: Path | None = None,
    gazetteer_paths: Iterable[Path] = (),
) -> Language:
    """Load the base model and add the rule components in order."""
    from sorot.nlp import model

    nlp = model.load_base(model_path)
    add_paragraph_boundaries(nlp)
    for name in components:
        module = COMPONENT_MODULES.get(name)
        if module is None:
            raise ValueError(f"unknown pipeline component {name!r}; known: {sorted(COMPONENT_MODULES)}")
        importlib.import_module(module)
        config: dict = {}
        if name == "sorot_linker":
            config["gazetteer_paths"] = [str(p) for p in gazetteer_paths]
        nlp.add_pipe(name, config=config)
    return nlp
