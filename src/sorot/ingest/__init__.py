"""Readers: every input kind the contract names becomes :class:`sorot.records.RawDoc` records.

``read_paths`` is the one entry point; each input kind has its own small module (``text``, ``html``,
``jsonl``, ``feeds``, ``warc``, ``url``; ``files`` walks folders and picks the reader). A document that
cannot be read becomes an :class:`~sorot.records.IngestError` with a reason a person can act on, and
reading goes on: nothing here raises for a bad input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sorot.config import Settings
from sorot.records import IngestError, RawDoc

__all__ = ["read_paths"]


def read_paths(paths: Iterable[str], settings: Settings) -> Iterator[RawDoc | IngestError]:
    """Every document under the given files, folders, ``http(s)://`` URLs (or ``-`` for stdin).

    Lazy: documents are yielded as they are read, so a consumer keeps everything read before a later
    file fails, and a large folder never sits in memory at once.
    """
    from sorot.ingest.decode import guard
    from sorot.ingest.files import read_local
    from sorot.ingest.url import is_url, read_url

    for path in paths:
        path = str(path)
        if is_url(path):
            yield from read_url(path, settings)
        else:
            yield from guard(path, read_local(path, settings))
