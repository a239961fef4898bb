"""WARC and WARC.gz web archives through warcio: every HTML response goes through the HTML reader.

Records are streamed (an archive can be far larger than memory); the size limit applies to each
response, not to the archive. Requests, metadata and non-HTML responses are skipped. The record's
WARC-Date is the publication date when the page itself has none.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sorot.ingest.decode import ReadProblem, decode_bytes, format_size
from sorot.ingest.html import parse_html
from sorot.ingest.meta import iso_date
from sorot.records import IngestError, RawDoc

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[RawDoc | IngestError]:
    """Each HTML response of a WARC file; a bad record is reported and the rest still read."""
    found = 0
    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if not content_type.startswith(_HTML_TYPES):
                continue
            found += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{path}#{number}"
            status = record.http_headers.get_statuscode() or ""
            if status and not status.startswith("2"):
                yield IngestError(where, f"file {path} record {number} ({uri}): HTTP status {status}")
                continue
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield IngestError(
                    where,
                    f"file {path} record {number} ({uri}): response larger than the "
                    f"{format_size(max_bytes)} limit (--max-size)",
                )
                continue
            try:
                html, _encoding = decode_bytes(payload, where)
                yield parse_html(
                    html,
                    where,
                    url=uri,
                    kind="warc",
                    doc_id=uri,
                    fallback_date=iso_date(record.rec_headers.get_header("WARC-Date")),
                )
            except ReadProblem as problem:
                yield IngestError(where, problem.reason)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        # a truncated or corrupt archive: what was read before the damage has been yielded already
        yield IngestError(path, f"file {path}: broken WARC archive after record {number} ({exc})")
        return
    if found == 0:
        yield IngestError(path, f"file {path}: no HTML responses in the WARC archive")
