"""Records passed between the early stages: ingest -> clean -> nlp.

They are plain dataclasses (not contract models) because they carry what only the next stage needs:
raw text before cleaning, metadata found by the readers, the lines cleaning removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sorot.contract import Removed


@dataclass
class RawDoc:
    """One document as a reader found it, before cleaning."""

    text: str  # the article text; for HTML the extracted main text; paragraphs separated by blank lines
    kind: str  # txt, html, json, jsonl, rss, atom, warc, url
    id: str | None = None  # the input's own id (JSON id, feed guid, file stem) if it has one
    title: str | None = None  # headline from metadata; for .txt the first line
    published: str | None = None  # YYYY-MM-DD from metadata (HTML meta, JSON field, feed, WARC date)
    url: str | None = None
    path: str | None = None  # the file it came from (for members of archives: "file.warc.gz#3")
    outlet: str | None = None  # site or publication name from metadata
    meta: dict[str, Any] = field(default_factory=dict)  # anything else a reader found (encoding, charset...)
    title_in_text: bool = False  # True when ``text`` already starts with the headline line


@dataclass
class IngestError:
    """A document that could not be read, with a reason a person can act on."""

    path: str
    reason: str
    stage: str = "ingest"

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class CleanDoc:
    """A document after cleaning: the text every offset refers to, and what was taken out."""

    text: str  # headline as first paragraph (when known), then the clean body
    title: str | None
    removed: list[Removed] = field(default_factory=list)
    duplicate_paragraphs: int = 0
    boilerplate_chars: int = 0
    dateline: str | None = None  # place of the dateline ("JAKARTA", "Cianjur"), if any
    date_lines: list[str] = field(default_factory=list)  # removed lines that carry a publication date
    outlet: str | None = None  # outlet found in the text (copyright line, "BERITABALI.COM, DUNIA.")
    language: str = "id"
