"""HTML pages: the main text through trafilatura, metadata from og/article meta, the date via htmldate.

trafilatura already leaves out navigation, menus, footers and comment forms; what we add is the page's
own metadata (og:title, og:site_name, og:url / canonical), the captions (``<figcaption>``) it drops and
every other visible line it drops (``meta["dropped_blocks"]``, see :mod:`sorot.ingest.blocks`), so
cleaning can list them as removed.
"""

from __future__ import annotations

import logging
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from sorot.ingest.blocks import dropped_blocks
from sorot.ingest.decode import ReadProblem, normalise_text
from sorot.ingest.meta import iso_date, tidy
from sorot.records import RawDoc

log = logging.getLogger(__name__)

# Fewer words than this is a menu or an empty template, not an article.
MIN_WORDS = 5

# Block elements that end a paragraph when a fragment (feed summary) is flattened to text.
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
    "figure",
    "figcaption",
    "pre",
    "ul",
    "ol",
    "table",
    "header",
    "footer",
}


def _page_meta(tree: Any) -> dict[str, str]:
    """og:/article:/twitter: meta values and the canonical link of a parsed page."""
    found: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        value = node.get("content")
        if key and value and key not in found:
            found[key] = value.strip()
    for node in tree.iter("link"):
        if (node.get("rel") or "").lower() == "canonical" and node.get("href"):
            found.setdefault("canonical", node.get("href").strip())
    return found


def _captions(tree: Any) -> list[str]:
    out = []
    for node in tree.iter("figcaption"):
        text = tidy(node.text_content())
        if text:
            out.append(text)
    return out


def _dropped(tree: Any, text: str, where: str) -> list[dict[str, Any]]:
    """The page lines trafilatura left out; best effort (a freak page never costs the document)."""
    try:
        return dropped_blocks(tree, text)
    except (RecursionError, ValueError, TypeError) as exc:
        log.warning("%s: could not list the lines the extractor dropped (%s)", where, type(exc).__name__)
        return []


def fragment_text(fragment: str) -> str:
    """Flatten an HTML fragment (a feed summary) to text, one paragraph per block element."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _BLOCKS:
            parts.append("\n")
        if node.text and tag:
            parts.append(node.text)
        for child in node:
            walk(child)
        if tag in _BLOCKS:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(root)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _extract(html: str, url: str | None) -> Any:
    """trafilatura's main text; with recall favoured when the precise pass finds nothing."""
    doc: Any = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True, include_images=False
    )
    if doc is None or not (doc.text or "").strip():
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_recall=True
        )
    return doc


def parse_html(
    html: str,
    path: str | None,
    *,
    url: str | None = None,
    kind: str = "html",
    doc_id: str | None = None,
    fallback_date: str | None = None,
) -> RawDoc:
    """One HTML page as a :class:`RawDoc`.

    A truncated page still gives whatever text it has; a page with no extractable text raises
    :class:`ReadProblem`. ``fallback_date`` (e.g. a WARC-Date) is used when the page carries none.
    """
    where = path or url or "<html>"
    if not html.strip():
        raise ReadProblem(where, f"file {where}: empty")
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise ReadProblem(where, f"file {where}: not parseable as HTML ({exc})") from None
    meta = _page_meta(tree)
    doc = _extract(html, url)
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        # last resort for tiny or broken pages: every paragraph-like block, as trafilatura's baseline does
        try:
            _, text, _ = trafilatura.baseline(html)
        except Exception:  # baseline is best effort
            text = ""
        text = text.strip()
    if len(text.split()) < MIN_WORDS:
        raise ReadProblem(where, f"file {where}: no extractable text in the HTML page")

    title = tidy(meta.get("og:title")) or tidy(getattr(doc, "title", None)) or tidy(meta.get("twitter:title"))
    outlet = tidy(meta.get("og:site_name")) or tidy(getattr(doc, "sitename", None))
    page_url = (
        tidy(meta.get("og:url")) or tidy(meta.get("canonical")) or url or tidy(getattr(doc, "url", None))
    )
    published = iso_date(meta.get("article:published_time")) or iso_date(getattr(doc, "date", None))
    if published is None:
        try:
            from htmldate import find_date

            published = iso_date(find_date(tree, url=url, original_date=True, extensive_search=False))
        except Exception:  # htmldate is best effort
            published = None
    published = published or fallback_date
    return RawDoc(
        text=normalise_text(text),
        kind=kind,
        id=doc_id,
        title=title,
        published=published,
        url=page_url,
        path=path,
        outlet=outlet,
        meta={
            "captions": _captions(tree),
            "author": tidy(getattr(doc, "author", None)),
            "dropped_blocks": _dropped(tree, normalise_text(text), where),
        },
        title_in_text=False,
    )
