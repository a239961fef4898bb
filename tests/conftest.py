"""Shared fixtures: the ../shared folder (seeds, gold, datasets) and the loaded pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    path = shared_dir / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is not available")
    return path


@pytest.fixture(scope="session")
def analyzer():
    """One analyzer (full pipeline) for the whole session: loading the model is the slow part."""
    from sorot.runner import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def full_nlp(analyzer):
    return analyzer.nlp
