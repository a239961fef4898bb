"""Assemble the full analysis pipeline: trained base model + registered rule components.

The component list comes from ``data/settings.yaml`` (``pipeline:``), so one file describes the
pipeline, as a spaCy config does; each name is a factory registered by its module.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language

from sorot.nlp import extensions  # noqa: F401  (registers Doc extensions)

log = logging.getLogger(__name__)

# Where each rule component's factory is registered.
COMPONENT_MODULES: dict[str, str] = {
    "sorot_linker": "sorot.nlp.linker",
    "sorot_dates": "sorot.extract.dates",
    "sorot_quotes": "sorot.extract.quotes",
    "sorot_events": "sorot.extract.events",
}


def build_nlp(
    components: Iterable[str],
    *,
    model_path: Path | None = None,
    gazetteer_paths: Iterable[Path] = (),
) -> Language:
    """Load the base model and add the rule components in order."""
    from sorot.nlp import model

    nlp = model.load_base(model_path)
    for name in components:
        module = COMPONENT_MODULES.get(name)
        if module is None:
            raise ValueError(f"unknown pipeline component {name!r}; known: {sorted(COMPONENT_MODULES)}")
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            log.warning("pipeline component %s is not available (%s missing); skipped", name, module)
            continue
        config: dict = {}
        if name == "sorot_linker":
            config["gazetteer_paths"] = [str(p) for p in gazetteer_paths]
        nlp.add_pipe(name, config=config)
    return nlp
