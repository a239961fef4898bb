"""JSON and JSON Lines: one article per object, fields ``id, url, title, published, text, outlet``.

A ``.json`` file holds one object or a list of objects; a ``.jsonl`` file one object per line. A broken
line is reported on its own ("file X line N: invalid JSON (...)") and the other lines are still read.
A few common alternative field names are accepted (``content``/``body`` for the text, ``headline`` for
the title, ``date`` for the publication date, ``source``/``site_name`` for the outlet) because
scrapers and dataset dumps differ on them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from sorot.ingest.decode import ReadProblem, normalise_text, too_large
from sorot.ingest.html import fragment_text
from sorot.ingest.meta import iso_date, tidy
from sorot.records import IngestError, RawDoc

_HTML_HINT = re.compile(r"</(?:p|div|br|li|h[1-6])\s*>|<br\s*/?>", re.IGNORECASE)
_TEXT_KEYS = ("text", "content", "body", "article", "maintext")
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("published", "date", "date_publish", "published_at", "pubdate", "datetime")
_OUTLET_KEYS = ("outlet", "source", "site_name", "sitename", "publisher")
_URL_KEYS = ("url", "link")
_ID_KEYS = ("id", "guid", "doc_id")


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def record_to_raw(record: Any, where: str, kind: str, label: str) -> RawDoc:
    """One JSON object as a :class:`RawDoc`; raises :class:`ReadProblem` when it carries no text.

    ``where`` is the record's path ("file.jsonl#3"), ``label`` how messages name it ("file X line 3").
    """
    if not isinstance(record, dict):
        raise ReadProblem(where, f"{label}: not a JSON object (got {type(record).__name__})")
    text = _first(record, _TEXT_KEYS)
    if isinstance(text, list):
        text = "\n\n".join(str(t) for t in text)
    if not isinstance(text, str) or not text.strip():
        raise ReadProblem(where, f'{label}: no text (expected a non-empty "text" field)')
    if _HTML_HINT.search(text):  # scrapers often store the article body as HTML
        text = fragment_text(text)
    outlet = _first(record, _OUTLET_KEYS)
    if isinstance(outlet, dict):  # {"source": {"name": ...}}
        outlet = outlet.get("name")
    record_id = _first(record, _ID_KEYS)
    return RawDoc(
        text=normalise_text(text),
        kind=kind,
        id=str(record_id) if record_id is not None else None,
        title=tidy(_first(record, _TITLE_KEYS)),
        published=iso_date(_first(record, _DATE_KEYS)),
        url=tidy(_first(record, _URL_KEYS)),
        path=where,
        outlet=tidy(outlet),
        meta={
            k: v
            for k, v in record.items()
            if k not in (*_TEXT_KEYS, *_TITLE_KEYS, *_DATE_KEYS, *_OUTLET_KEYS, *_URL_KEYS, *_ID_KEYS)
            and isinstance(v, str | int | float | bool)
        },
        title_in_text=False,
    )


def read_json_text(text: str, path: str) -> Iterator[RawDoc | IngestError]:
    """A ``.json`` document: one object or a list of objects (JSON Lines content is accepted too)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = [line for line in text.split("\n") if line.strip()]
        if len(lines) > 1 and lines[0].lstrip().startswith("{"):
            yield from read_jsonl_lines(iter(text.split("\n")), path)  # JSON Lines saved as .json
            return
        raise ReadProblem(
            path, f"file {path}: invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    if isinstance(data, dict) and not any(k in data for k in _TEXT_KEYS):
        for key in ("articles", "items", "documents", "data", "records"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, dict):
        yield record_to_raw(data, path, "json", f"file {path}")
        return
    if not isinstance(data, list):
        raise ReadProblem(
            path, f"file {path}: JSON holds a {type(data).__name__}, not an article object or list"
        )
    if not data:
        raise ReadProblem(path, f"file {path}: empty (a JSON list with no articles)")
    for number, record in enumerate(data, start=1):
        where = f"{path}#{number}"
        try:
            yield record_to_raw(record, where, "json", f"file {path} item {number}")
        except ReadProblem as problem:
            yield IngestError(where, problem.reason)


def read_jsonl_lines(
    lines: Iterator[str], path: str, max_bytes: int | None = None
) -> Iterator[RawDoc | IngestError]:
    """JSON Lines, one article per line; each bad line becomes its own error."""
    count = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        count += 1
        where = f"{path}#{number}"
        if max_bytes is not None and len(line.encode("utf-8")) > max_bytes:
            yield IngestError(
                where, too_large(f"file {path} line {number}", len(line.encode("utf-8")), max_bytes)
            )
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(
                where, f"file {path} line {number}: invalid JSON ({exc.msg} at column {exc.colno})"
            )
            continue
        try:
            yield record_to_raw(record, where, "jsonl", f"file {path} line {number}")
        except ReadProblem as problem:
            yield IngestError(where, problem.reason)
    if count == 0:
        yield IngestError(path, f"file {path}: empty")
