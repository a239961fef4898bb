"""The pipeline is built exactly as settings.yaml describes it: every listed component must exist."""

from __future__ import annotations

import pytest

from sorot.config import Settings
from sorot.nlp.pipeline import COMPONENT_MODULES, build_nlp


def test_unknown_component_is_an_error_not_a_silent_skip() -> None:
    with pytest.raises(ValueError, match="unknown pipeline component 'sorot_nothing'"):
        build_nlp(["sorot_nothing"])


def test_configured_pipeline_holds_every_listed_component_in_order() -> None:
    names = list(Settings.load().pipeline)
    assert names, "settings.yaml lists no pipeline components"
    assert set(names) <= set(COMPONENT_MODULES)
    nlp = build_nlp(names)
    present = [n for n in nlp.pipe_names if n in COMPONENT_MODULES]
    assert present == names
    # paragraphs constrain the parser, so they must come before it
    assert nlp.pipe_names.index("sorot_paragraphs") < nlp.pipe_names.index("parser")
