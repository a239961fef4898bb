"""Bytes -> clean Unicode text, and the one exception readers raise for a bad input.

Every reader goes through :func:`decode_bytes` so that encodings, byte-order marks, line endings and
Unicode normalisation are handled once, the same way, whatever the input kind.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from sorot.records import IngestError, RawDoc

log = logging.getLogger(__name__)


class ReadProblem(Exception):
    """A document that cannot be read; the message is the reason a person reads.

    Readers raise it; :func:`sorot.ingest.read_paths` turns it into an :class:`~sorot.records.IngestError`
    so a bad document never stops a run.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason


# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Legacy encodings of Latin-script text in the order we trust them when detection ties. News in
# Indonesian, Malay and English that is not UTF-8 is almost always Windows-1252 / Latin-1, while
# charset-normalizer scores cp1257, cp1250 and cp1252 the same on a short mostly-ASCII text.
_PREFERRED_LEGACY = ("cp1252", "windows-1252", "latin_1", "iso8859_15", "iso-8859-1")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def display(path: str | Path) -> str:
    """The path as the user gave it, for messages."""
    return str(path)


def format_size(n_bytes: int) -> str:
    """Human size in decimal units ("25.3 MB", "20 MB", "50 kB"), the units of the ``--max-size`` flag."""
    for unit, scale in (("MB", 1_000_000), ("kB", 1000)):
        if n_bytes >= scale or unit == "kB":
            value = n_bytes / scale
            return (
                f"{int(round(value))} {unit}" if abs(value - round(value)) < 1e-9 else f"{value:.1f} {unit}"
            )
    raise AssertionError("unreachable")


def too_large(what: str, size: int, limit: int, flag: str = "--max-size") -> str:
    """The message for an input over its size limit."""
    return f"{what}: {format_size(size)} exceeds the {format_size(limit)} limit ({flag})"


def _normalise(text: str) -> str:
    """One text shape for every input: no BOM, LF line endings, NFC, no stray control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def _looks_binary(text: str) -> bool:
    """True when a decoded text is mostly control characters: a binary file decoded by force."""
    if not text:
        return False
    bad = len(_CONTROL.findall(text[:20000]))
    return bad / min(len(text), 20000) > 0.02


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first bytes, if it is a codec Python knows."""
    head = data[:4096]
    match = _META_CHARSET.search(head) or re.search(rb"""<\?xml[^>]+encoding=["']([A-Za-z0-9_.:-]+)""", head)
    if not match:
        return None
    return _known_codec(match.group(1).decode("ascii", "ignore"))


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def detect_encoding(data: bytes, where: str, hint: str | None = None) -> str:
    """The encoding of ``data``: a BOM, then UTF-8, then a declared charset, then detection.

    ``hint`` is a charset declared outside the bytes (an HTTP Content-Type header); the document's
    own ``<meta charset>`` / XML declaration comes after it.

    Raises :class:`ReadProblem` for binary data (NUL bytes or nothing that decodes sensibly).
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if b"\x00" in data[:65536]:
        raise ReadProblem(where, f"file {where}: not text (binary)")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    for declared in (_known_codec(hint), _declared_charset(data)):
        if declared and declared != "utf-8":
            try:
                data.decode(declared)
                return declared
            except UnicodeDecodeError:
                pass
    matches = list(from_bytes(data[:200_000]))
    if not matches:
        raise ReadProblem(where, f"file {where}: not text (binary)")
    least_chaos = min(m.chaos for m in matches)
    calm = [m.encoding for m in matches if m.chaos <= least_chaos + 1e-9]
    for name in _PREFERRED_LEGACY:
        if name in calm:
            return name
    return matches[0].encoding


def decode_bytes(data: bytes, where: str, hint: str | None = None) -> tuple[str, str]:
    """Decode and normalise ``data``; returns ``(text, encoding)``.

    Raises :class:`ReadProblem` for binary or undecodable input (the run goes on without it).
    """
    encoding = detect_encoding(data, where, hint)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        try:
            text = data.decode(encoding, errors="replace")
        except LookupError:
            raise ReadProblem(where, f"file {where}: not text (unknown encoding {encoding})") from None
    text = text.lstrip("\ufeff")
    if _looks_binary(text):
        raise ReadProblem(where, f"file {where}: not text (binary)")
    return _normalise(text), encoding


def normalise_text(text: str) -> str:
    """Apply the same normalisation to a string that did not come from bytes (API input, JSON fields)."""
    return _normalise(text.lstrip("\ufeff"))


def guard(where: str, items: Iterator[RawDoc | IngestError]) -> Iterator[RawDoc | IngestError]:
    """Yield from a reader, turning any failure into an :class:`IngestError` so the run goes on.

    Documents yielded before the failure are kept (readers are generators, consumed lazily).
    """
    try:
        yield from items
    except ReadProblem as problem:
        yield IngestError(problem.path, problem.reason)
    except MemoryError:
        yield IngestError(where, f"file {where}: too large to read into memory")
    except Exception as exc:  # a reader bug must not stop the run; it is logged with its traceback
        log.exception("reading %s failed", where)
        yield IngestError(where, f"file {where}: could not be read ({type(exc).__name__}: {exc})")
