"""The Python API: sorot.analyze(text_or_path) -> Document."""

from __future__ import annotations

from pathlib import Path

import pytest

import sorot
from sorot.contract import Document

ARTICLE = (
    "Menteri Perdagangan Kunjungi Tokyo\n\n"
    "JAKARTA - Menteri Perdagangan Indonesia bertemu dengan Menteri Ekonomi Jepang di Tokyo pada Senin (4/3). "
    '"Kami sepakat memperluas ekspor kopi," kata menteri itu kepada wartawan.\n'
)


@pytest.mark.slow
def test_analyze_text_returns_document() -> None:
    doc = sorot.analyze(ARTICLE)
    assert isinstance(doc, Document)
    assert doc.title == "Menteri Perdagangan Kunjungi Tokyo"
    assert doc.text.startswith("Menteri Perdagangan Kunjungi Tokyo")
    assert doc.language == "id"
    assert doc.id.startswith("sha1-")
    # the same text gives the same id (content hash): re-analysis updates, never duplicates
    assert sorot.analyze(ARTICLE).id == doc.id


@pytest.mark.slow
def test_analyze_path_uses_file_stem_as_id(tmp_path: Path) -> None:
    path = tmp_path / "artikel_42.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = sorot.analyze(path)
    assert doc.id == "artikel_42"
    assert doc.source.path and doc.source.path.endswith("artikel_42.txt")


def test_analyze_unreadable_path_raises_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "kosong.txt"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="empty"):
        sorot.analyze(path)


@pytest.mark.slow
def test_analyze_long_one_line_text_is_text_not_a_path() -> None:
    # a one-paragraph article longer than a file name may be (255 bytes) once raised OSError from stat()
    one_line = " ".join(ARTICLE.split("\n")) * 3
    assert len(one_line) > 300 and "\n" not in one_line
    doc = sorot.analyze(one_line)
    assert doc.language == "id"
    assert doc.source.path is None
