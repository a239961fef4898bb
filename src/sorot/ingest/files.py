"""Files and folders: pick the reader by extension, sniff the content when the extension says nothing.

Folders are walked recursively in sorted order (runs are reproducible); hidden files and folders and
documentation/code files (README.md, *.yaml, ...) are skipped, every other file becomes documents or a
clear error. Whole files are read into memory only under ``settings.max_file_bytes``; WARC archives
and large JSON Lines files are streamed and the limit applies to each record instead.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from sorot.config import Settings
from sorot.ingest.decode import ReadProblem, decode_bytes, format_size, guard, too_large
from sorot.ingest.feeds import looks_like_feed, read_feed
from sorot.ingest.html import parse_html
from sorot.ingest.jsonl import read_json_text, read_jsonl_lines
from sorot.ingest.text import parse_text
from sorot.ingest.warc import read_warc
from sorot.records import IngestError, RawDoc

EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "xml",
    ".rss": "xml",
    ".atom": "xml",
    ".warc": "warc",
    ".warc.gz": "warc",
}
# Files in a folder that are not articles: documentation, configuration, code.
SKIP_IN_FOLDERS = {".md", ".rst", ".py", ".yaml", ".yml", ".toml", ".cfg", ".ini", ".lock", ".sh"}

_GZIP_MAGIC = b"\x1f\x8b"


def kind_of(path: str | Path) -> str | None:
    """The reader for a file name, or None when the extension is unknown (the content is sniffed)."""
    name = str(path).lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return EXTENSIONS.get(Path(name).suffix)


def _is_warc(data: bytes) -> bool:
    if data.startswith(b"WARC/"):
        return True
    if data.startswith(_GZIP_MAGIC):
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data[:65536])) as fh:
                return fh.read(5) == b"WARC/"
        except (OSError, EOFError):
            return False
    return False


def sniff(text: str) -> str:
    """The reader for a decoded text whose extension said nothing."""
    head = text.lstrip()[:2000].lower()
    if head.startswith("<"):
        if looks_like_feed(head):
            return "xml"
        return "html"
    if head.startswith(("{", "[")):
        return "json"
    return "txt"


def read_bytes_as(
    kind: str | None,
    data: bytes,
    where: str,
    settings: Settings,
    *,
    url: str | None = None,
    hint: str | None = None,
    doc_id: str | None = None,
) -> Iterator[RawDoc | IngestError]:
    """Documents from the bytes of one file (or one downloaded page) read as ``kind``."""
    if not data.strip():
        raise ReadProblem(where, f"file {where}: empty")
    if kind == "warc" or (kind is None and _is_warc(data)):
        yield from read_warc(io.BytesIO(data), where, settings.max_file_bytes)
        return
    text, encoding = decode_bytes(data, where, hint)
    if not text.strip():
        raise ReadProblem(where, f"file {where}: empty")
    kind = kind or sniff(text)
    is_file = url is None and not where.startswith("<")
    path = where if url is None else None
    if kind == "txt":
        raw = parse_text(text, path)
        raw.id = Path(where).stem if is_file else doc_id
        if url is not None:
            raw.url, raw.kind = url, "url"
        raw.meta["encoding"] = encoding
        yield raw
    elif kind == "html":
        raw = parse_html(
            text,
            path,
            url=url,
            kind="html" if url is None else "url",
            doc_id=Path(where).stem if is_file else doc_id,
        )
        raw.meta["encoding"] = encoding
        yield raw
    elif kind == "json":
        yield from read_json_text(text, where)
    elif kind == "jsonl":
        yield from read_jsonl_lines(iter(text.split("\n")), where, settings.max_file_bytes)
    elif kind == "xml":
        if looks_like_feed(text):
            yield from read_feed(data, where)
        elif "<html" in text[:4000].lower():
            yield from read_bytes_as("html", data, where, settings, url=url, hint=hint, doc_id=doc_id)
        else:
            raise ReadProblem(where, f"file {where}: XML but not an RSS or Atom feed")
    else:
        raise ReadProblem(where, f"file {where}: unsupported input kind {kind!r}")


def read_file(path: str, settings: Settings) -> Iterator[RawDoc | IngestError]:
    """Documents of one file; every problem becomes an :class:`IngestError` naming the file."""
    yield from guard(path, _read_file(path, settings))


def _read_file(path: str, settings: Settings) -> Iterator[RawDoc | IngestError]:
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        raise ReadProblem(path, f"file {path}: not found") from None
    except OSError as exc:
        raise ReadProblem(path, f"file {path}: cannot read ({exc.strerror or exc})") from None
    kind = kind_of(path)
    if size == 0:
        raise ReadProblem(path, f"file {path}: empty")
    try:
        if kind == "warc":
            with open(path, "rb") as fh:
                if not _is_warc(fh.read(65536)):
                    raise ReadProblem(path, f"file {path}: not a WARC archive")
                fh.seek(0)
                yield from read_warc(fh, path, settings.max_file_bytes)
            return
        if kind == "jsonl" and size > settings.max_file_bytes:
            # stream a large JSON Lines file; the limit applies per line
            with open(path, encoding="utf-8", errors="replace", newline=None) as fh:
                yield from read_jsonl_lines(fh, path, settings.max_file_bytes)
            return
        if size > settings.max_file_bytes:
            raise ReadProblem(path, too_large(f"file {path}", size, settings.max_file_bytes))
        with open(path, "rb") as fh:
            data = fh.read()
    except PermissionError:
        raise ReadProblem(path, f"file {path}: cannot read (permission denied)") from None
    except IsADirectoryError:
        raise ReadProblem(path, f"file {path}: is a folder") from None
    yield from read_bytes_as(kind, data, path, settings)


def read_folder(root: str, settings: Settings) -> Iterator[RawDoc | IngestError]:
    """Every file under a folder, recursively, in sorted order."""
    found = False
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or Path(name).suffix.lower() in SKIP_IN_FOLDERS:
                continue
            found = True
            yield from read_file(os.path.join(dirpath, name), settings)
    if not found:
        yield IngestError(root, f"folder {root}: no files to read")


def read_stdin(settings: Settings) -> Iterator[RawDoc | IngestError]:
    """``-`` as a path: one document from standard input, its kind sniffed."""
    data = sys.stdin.buffer.read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        yield IngestError(
            "<stdin>", f"<stdin>: larger than the {format_size(settings.max_file_bytes)} limit (--max-size)"
        )
        return
    yield from guard("<stdin>", read_bytes_as(None, data, "<stdin>", settings))


def read_local(path: str, settings: Settings) -> Iterator[RawDoc | IngestError]:
    """A file, a folder or ``-``."""
    if path == "-":
        yield from read_stdin(settings)
    elif os.path.isdir(path):
        yield from read_folder(path, settings)
    else:
        yield from read_file(path, settings)
