"""Small helpers readers share for metadata: dates to ``YYYY-MM-DD``, tidy strings."""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

_ISO = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)")
_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def iso_date(value: Any) -> str | None:
    """A publication date from metadata as ``YYYY-MM-DD``, or None when it is not a date.

    Accepts what readers meet: ``datetime``/``date``, ``time.struct_time`` (feedparser), ISO 8601
    strings, RFC 2822 strings (RSS, HTTP, WARC), day-first numeric dates (Indonesian usage) and,
    last, free text through dateparser (Indonesian and English month names).
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, int | float):
        if 0 < value < 1e11:  # a Unix timestamp
            return datetime.fromtimestamp(float(value)).date().isoformat()
        return None
    text = str(value).strip()
    if not text:
        return None
    match = _ISO.match(text)
    if match:
        return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _DMY.match(text)
    if match:
        return _valid(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        import dateparser

        parsed = dateparser.parse(
            text, languages=["id", "en", "ms"], settings={"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"}
        )
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date().isoformat() if parsed else None


def tidy(value: Any) -> str | None:
    """A metadata string with collapsed whitespace, or None when empty or not a string."""
    if value is None:
        return None
    if not isinstance(value, str):
        value = str(value)
    text = " ".join(value.split())
    return text or None
