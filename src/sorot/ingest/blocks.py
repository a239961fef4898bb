"""The visible text blocks of an HTML page, and which of them the main-text extractor dropped.

trafilatura leaves out share bars, "Baca juga" boxes, tag lines, captions, bylines and footers, but it
does not say what it left out. The contract wants every removal listed, so the reader walks the page
as a browser lays it out (one line per run of text between block boundaries), finds which lines are
not in the extracted text, and hands those to the cleaner (``RawDoc.meta["dropped_blocks"]``), which
applies the same ``cleaning.yaml`` rules to them as to lines of a text file.

Navigation, forms and comment sections are not looked at (the examples leave them out of ``removed``),
nor are lists made only of links (menus, "related" lists): they would make ``removed`` unreadable.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sorot.clean import collapse, split_paragraphs
from sorot.config import load_yaml
from sorot.ingest.decode import normalise_text

# Keys shorter than this (characters without spaces) are matched as whole words in the extracted text;
# longer ones as a substring that ignores whitespace (the extractor may join or split inline spaces).
_SHORT_KEY = 20
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_VOCAB_REF = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class HtmlConfig:
    """The ``html:`` section of ``cleaning.yaml``, compiled."""

    skip_tags: frozenset[str]
    skip_containers: frozenset[str]
    skip_class: re.Pattern[str]
    comment_section_max_words: int
    block_tags: frozenset[str]
    caption_tags: frozenset[str]
    share_button: re.Pattern[str]


@lru_cache(maxsize=1)
def html_config() -> HtmlConfig:
    """Compile the ``html:`` section of ``cleaning.yaml`` once per process."""
    data = load_yaml("cleaning.yaml")
    html = data["html"]
    vocab = {k: [str(w) for w in v] for k, v in (data.get("vocab") or {}).items()}

    def expand(pattern: str) -> str:
        def sub(match: re.Match[str]) -> str:
            words = vocab.get(match.group(1))
            if words is None:
                return match.group(0)
            return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"

        return _VOCAB_REF.sub(sub, pattern)

    words = "|".join(re.escape(str(w)) for w in html["skip_class_words"])
    buttons = "|".join(expand(str(p)) for p in html["share_button"])
    return HtmlConfig(
        skip_tags=frozenset(html["skip_tags"]),
        skip_containers=frozenset(html["skip_containers"]),
        skip_class=re.compile(rf"(?:^|[-_])(?:{words})(?:$|[-_])", re.IGNORECASE),
        comment_section_max_words=int(html["comment_section_max_words"]),
        block_tags=frozenset(html["block_tags"]),
        caption_tags=frozenset(html["caption_tags"]),
        share_button=re.compile(rf"\W*(?:{buttons})?\W*", re.IGNORECASE),
    )


@dataclass
class Block:
    """One visible line of a page: a run of text between two block boundaries."""

    parts: list[tuple[str, bool]] = field(default_factory=list)  # (text, inside a link)
    element: Any = None  # the innermost block element holding the run
    caption: bool = False  # inside a <figcaption>/<caption>

    @property
    def text(self) -> str:
        return collapse("".join(t for t, _ in self.parts))

    def links(self) -> list[str]:
        """The texts of the links in the run (adjacent link parts are one link)."""
        out: list[str] = []
        previous = False
        for text, in_link in self.parts:
            if in_link and previous:
                out[-1] += text
            elif in_link:
                out.append(text)
            previous = in_link
        return [collapse(t) for t in out]

    def plain(self) -> str:
        """The run's text outside links."""
        return collapse("".join(t for t, in_link in self.parts if not in_link))


def _tag(node: Any) -> str | None:
    tag = node.tag
    return tag.lower() if isinstance(tag, str) else None


def _hidden(node: Any) -> bool:
    return (
        node.get("hidden") is not None
        or (node.get("aria-hidden") or "").lower() == "true"
        or bool(_HIDDEN_STYLE.search(node.get("style") or ""))
    )


def _skipped_by_class(node: Any, config: HtmlConfig) -> bool:
    tokens = f"{node.get('id') or ''} {node.get('class') or ''}".split()
    return (node.get("role") or "").lower() == "navigation" or any(
        config.skip_class.search(t) for t in tokens
    )


def _comment_sections(body: Any, config: HtmlConfig) -> set[Any]:
    """Each form with a text area, grown to the container that holds only it and a short heading."""
    found: set[Any] = set()
    stop = {"body", "html", "main", "article"}
    for form in body.iter("form"):
        if next(form.iter("textarea"), None) is None:
            continue
        container = form
        while True:
            parent = container.getparent()
            if parent is None or _tag(parent) in stop:
                break
            inside = len(container.text_content().split())
            if len(parent.text_content().split()) - inside > config.comment_section_max_words:
                break
            container = parent
        found.add(container)
    return found


def visible_blocks(tree: Any) -> list[Block]:
    """The page's visible lines of text in reading order, outside navigation, forms and comment sections."""
    config = html_config()
    body = tree.find(".//body")
    if body is None:
        body = tree
    skip = _comment_sections(body, config)
    blocks: list[Block] = []
    current = Block()

    def flush() -> None:
        nonlocal current
        if current.text:
            blocks.append(current)
        current = Block()

    def add(text: str | None, in_link: bool, element: Any, caption: bool) -> None:
        if not text:
            return
        if not current.parts:
            current.element = element
            current.caption = caption
        current.parts.append((text, in_link))

    def visit(node: Any, element: Any, in_link: bool, caption: bool) -> None:
        tag = _tag(node) or ""
        if tag in config.block_tags:
            flush()
            if tag != "br":
                element = node
        caption = caption or tag in config.caption_tags
        in_link = in_link or tag == "a"
        add(node.text, in_link, element, caption)
        for child in node:
            child_tag = _tag(child)
            if child_tag is not None:
                if (
                    child_tag in config.skip_tags
                    or child_tag in config.skip_containers
                    or child in skip
                    or _hidden(child)
                    or _skipped_by_class(child, config)
                ):
                    flush()
                else:
                    visit(child, element, in_link, caption)
            add(child.tail, in_link, element, caption)
        if tag in config.block_tags and tag != "br":
            flush()

    visit(body, body, False, False)
    flush()
    return blocks


def _link_list(block: Block) -> bool:
    """A line that is only links (two or more), or one link item of a list made only of links."""
    links = block.links()
    if re.search(r"\w", block.plain()):
        return False
    if len(links) >= 2:
        return True
    item = block.element
    if item is None or _tag(item) != "li":
        return False
    parent = item.getparent()
    items = [c for c in parent if _tag(c) == "li"] if parent is not None else []
    if len(items) < 2:
        return False
    for li in items:
        text = "".join(li.text_content().split())
        linked = "".join("".join(a.text_content().split()) for a in li.iter("a"))
        if text != linked:
            return False
    return True


def _candidate(block: Block, config: HtmlConfig) -> str | None:
    """The text of a dropped line as it should be judged: the label of a share bar, else the whole line."""
    if block.caption:
        return block.text
    if _link_list(block):
        return None
    links = block.links()
    if links and all(config.share_button.fullmatch(link) for link in links):
        plain = block.plain()
        return plain or None
    return block.text


def dropped_blocks(tree: Any, extracted: str) -> list[dict[str, Any]]:
    """The visible lines the extractor left out of ``extracted``, in page order.

    Each item is ``{"text": ..., "before": i, "caption": bool}``: ``before`` is the index of the
    extracted paragraph (as :func:`sorot.clean.split_paragraphs` splits it) that follows the line on
    the page, so the cleaner can list removals in reading order.
    """
    config = html_config()
    paragraphs = [collapse(p) for p in split_paragraphs(extracted)]
    squeezed = ["".join(p.split()) for p in paragraphs]
    joined = "\x00".join(squeezed)
    starts: list[int] = []
    offset = 0
    for s in squeezed:
        starts.append(offset)
        offset += len(s) + 1

    def paragraph_at(pos: int) -> int:
        return bisect_right(starts, pos) - 1

    def find(text: str, after: int) -> tuple[bool, int | None]:
        """(kept, the extracted paragraph where this line ends when that is certain).

        A short line found as words inside a longer paragraph ("Liga 1" of a menu, "Komentar") is
        taken as kept, so it is never reported, but says nothing about where the reader is.
        """
        key = "".join(text.split())
        if not key:
            return True, None
        if len(key) >= _SHORT_KEY:
            pos = joined.find(key, starts[after] if starts else 0)
            if pos < 0:
                pos = joined.find(key)
            return (False, None) if pos < 0 else (True, paragraph_at(pos + len(key) - 1))
        order = list(range(after, len(paragraphs))) + list(range(0, after))
        for i in order:
            if squeezed[i] == key:
                return True, i
        word = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")
        return any(word.search(p) for p in paragraphs), None

    out: list[dict[str, Any]] = []
    last = -1
    for block in visible_blocks(tree):
        text = normalise_text(block.text)
        kept, where = find(text, max(last, 0))
        if kept:
            last = max(last, where if where is not None else last)
            continue
        candidate = _candidate(block, config)
        if candidate:
            out.append({"text": normalise_text(candidate), "before": last + 1, "caption": block.caption})
    return out
