"""``http(s)://`` inputs through httpx: a timeout, a size cap, then the reader the content type asks for.

The body is streamed and the download stops as soon as it passes ``settings.max_url_bytes`` (a page
that large is refused, not truncated, so a half page is never analysed as if it were whole).
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx

from sorot.config import Settings
from sorot.ingest.decode import ReadProblem, format_size, guard
from sorot.records import IngestError, RawDoc


def _user_agent() -> str:
    try:
        from importlib.metadata import version

        return f"sorot/{version('sorot')} (news analysis)"
    except Exception:  # not installed as a package (running from a checkout)
        return "sorot (news analysis)"


USER_AGENT = _user_agent()

_TYPES: dict[str, str] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "xml",
    "application/atom+xml": "xml",
    "application/rdf+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
    "text/plain": "txt",
    "application/warc": "warc",
}


def is_url(path: str) -> bool:
    """True for ``http://`` and ``https://`` inputs."""
    return path.lower().startswith(("http://", "https://"))


def fetch(url: str, settings: Settings) -> tuple[bytes, str, str]:
    """Download ``url``; returns ``(body, content type, final url)`` or raises :class:`ReadProblem`."""
    limit = settings.max_url_bytes
    too_big = f"url {url}: response exceeds the {format_size(limit)} limit (max_url_bytes)"
    try:
        with (
            httpx.Client(
                timeout=settings.url_timeout_s, follow_redirects=True, headers={"User-Agent": USER_AGENT}
            ) as client,
            client.stream("GET", url) as resp,
        ):
            if resp.status_code >= 400:
                raise ReadProblem(url, f"url {url}: HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise ReadProblem(url, too_big)
            chunks: list[bytes] = []
            total = 0
            for chunk in resp.iter_bytes():
                total += len(chunk)
                if total > limit:
                    raise ReadProblem(url, too_big)
                chunks.append(chunk)
            return b"".join(chunks), resp.headers.get("content-type", ""), str(resp.url)
    except httpx.TimeoutException:
        raise ReadProblem(url, f"url {url}: timed out after {settings.url_timeout_s:g} s") from None
    except httpx.InvalidURL as exc:
        raise ReadProblem(url, f"url {url}: invalid URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise ReadProblem(url, f"url {url}: could not be fetched ({type(exc).__name__}: {exc})") from None


def read_url(url: str, settings: Settings) -> Iterator[RawDoc | IngestError]:
    """Documents from one URL (a page, a feed, a JSON dump, a text file)."""
    yield from guard(url, _read_url(url, settings))


def _read_url(url: str, settings: Settings) -> Iterator[RawDoc | IngestError]:
    from sorot.ingest.files import read_bytes_as

    data, content_type, final_url = fetch(url, settings)
    mime, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"')
    kind = _TYPES.get(mime.strip().lower())
    if not data.strip():
        raise ReadProblem(url, f"url {url}: empty response")
    try:
        for item in read_bytes_as(kind, data, url, settings, url=final_url, hint=charset, doc_id=final_url):
            if isinstance(item, RawDoc) and item.url is None:
                item.url = final_url
            yield item
    except ReadProblem as problem:  # the readers say "file X"; here X is a URL
        raise ReadProblem(url, problem.reason.replace(f"file {url}", f"url {url}", 1)) from None
