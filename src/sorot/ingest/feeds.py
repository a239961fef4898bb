"""RSS and Atom feeds through feedparser: one article per entry.

An entry's id is its guid (or link); its text the full content when the feed carries it, else the
summary (HTML flattened to paragraphs); the feed's title is the outlet.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import feedparser

from sorot.ingest.decode import ReadProblem, normalise_text
from sorot.ingest.html import fragment_text
from sorot.ingest.meta import iso_date, tidy
from sorot.records import IngestError, RawDoc


def looks_like_feed(text: str) -> bool:
    """True when an XML text's root is an RSS, RDF or Atom feed."""
    head = text[:2000].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    best = ""
    for content in contents:
        value = content.get("value") or ""
        if len(value) > len(best):
            best = value
    if not best:
        best = entry.get("summary") or entry.get("description") or ""
    return fragment_text(best).strip()


def read_feed(data: bytes, path: str) -> Iterator[RawDoc | IngestError]:
    """Every entry of an RSS/Atom feed; an entry without text becomes its own error.

    The bytes go to feedparser as a stream: given a ``str`` it would try to open it as a URL or file.
    """
    parsed = feedparser.parse(io.BytesIO(data))
    version = parsed.get("version") or ""
    if not parsed.entries:
        if parsed.get("bozo") and not version:
            reason = parsed.get("bozo_exception")
            raise ReadProblem(path, f"file {path}: not a valid RSS/Atom feed ({reason})")
        raise ReadProblem(path, f"file {path}: empty (a feed with no entries)")
    kind = "atom" if version.startswith("atom") else "rss"
    outlet = tidy(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{path}#{number}"
        text = _entry_text(entry)
        if not text:
            yield IngestError(where, f"file {path} entry {number}: no text (no content or summary)")
            continue
        published = None
        for key in ("published_parsed", "updated_parsed", "created_parsed"):
            if entry.get(key):
                published = iso_date(entry.get(key))
                break
        if published is None:
            published = iso_date(entry.get("published") or entry.get("updated"))
        link = tidy(entry.get("link"))
        yield RawDoc(
            text=normalise_text(text),
            kind=kind,
            id=tidy(entry.get("id")) or link,
            title=tidy(entry.get("title")),
            published=published,
            url=link,
            path=where,
            outlet=outlet,
            meta={"author": tidy(entry.get("author"))},
            title_in_text=False,
        )
