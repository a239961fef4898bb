"""The base pipeline loader: the shipped model, and the blank fallback when no model is present."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from sorot.nlp.model import ENTITY_LABELS, MODEL_DIR, load_base, model_available


def test_fallback_without_model(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        nlp = load_base(tmp_path / "missing")
    assert "no trained Sorot model" in caplog.text
    assert nlp.lang == "id"
    assert "sorot_sentences" in nlp.pipe_names
    doc = nlp('"Sidang ditunda," kata hakim, Senin (2/9). Jaksa keberatan.')
    assert [t.text for t in doc][-7:-3] == ["(", "2/9", ")", "."]
    assert len(list(doc.sents)) == 2
