"""Cleaning: take boilerplate, captions, share widgets, comment forms, bylines and repeated paragraphs
out of an article body, and say what was taken (nothing disappears silently).

The patterns live in ``data/cleaning.yaml``; this module only applies them. The clean text is what
every character offset of the analysis refers to: the headline as the first paragraph, then the body
paragraphs, separated by exactly one blank line, whitespace inside a paragraph collapsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sorot.config import load_yaml
from sorot.contract import Removed
from sorot.records import CleanDoc, RawDoc

_VOCAB_REF = re.compile(r"\{(\w+)\}")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")
# Longest headline we accept from the first line of a plain-text file; longer first lines are body text.
MAX_HEADLINE_CHARS = 250
# A date line an HTML extractor dropped is the article's own only above its first body paragraphs
# (index of the extracted paragraph that follows it: 0 or 1 when the headline is the first).
DROPPED_DATE_MAX_BEFORE = 1


@dataclass(frozen=True)
class Rule:
    """One compiled cleaning rule from ``cleaning.yaml``."""

    name: str
    kind: str
    regex: re.Pattern[str]
    max_words: int | None = None
    max_position: int | None = None
    date: bool = False
    next_line: bool = False


@dataclass(frozen=True)
class Rules:
    """All rules of ``cleaning.yaml``, compiled once."""

    line: tuple[Rule, ...]
    suffix: tuple[Rule, ...]
    copyright_prefix: re.Pattern[str]
    copyright_stop: re.Pattern[str]
    outlet_line: re.Pattern[str]
    domain: re.Pattern[str]
    dateline: re.Pattern[str]
    date_in_line: re.Pattern[str]
    day_names: frozenset[str]


def _expand(pattern: str, vocab: dict[str, list[str]]) -> str:
    """Replace ``{name}`` by the alternation of the vocab list ``name`` (longest first)."""

    def sub(match: re.Match[str]) -> str:
        words = vocab.get(match.group(1))
        if words is None:
            return match.group(0)  # a regex quantifier such as {4}
        return "(?:" + "|".join(sorted((str(w) for w in words), key=len, reverse=True)) + ")"

    return _VOCAB_REF.sub(sub, pattern)


def _compile_rule(spec: dict[str, Any], vocab: dict[str, list[str]], suffix: bool) -> Rule:
    flags = 0 if spec.get("case_sensitive") else re.IGNORECASE
    pattern = _expand(spec["pattern"], vocab)
    if suffix:
        pattern = f"(?:{pattern})\\s*$"
    return Rule(
        name=spec["name"],
        kind=spec["kind"],
        regex=re.compile(pattern, flags),
        max_words=spec.get("max_words"),
        max_position=spec.get("max_position"),
        date=bool(spec.get("date", False)),
        next_line=bool(spec.get("next_line", False)),
    )


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Compile ``data/cleaning.yaml`` once per process."""
    data = load_yaml("cleaning.yaml")
    vocab = {k: list(v) for k, v in (data.get("vocab") or {}).items()}
    outlet = data["outlet"]
    return Rules(
        line=tuple(_compile_rule(s, vocab, suffix=False) for s in data.get("line") or []),
        suffix=tuple(_compile_rule(s, vocab, suffix=True) for s in data.get("suffix") or []),
        copyright_prefix=re.compile(outlet["copyright_prefix"], re.IGNORECASE),
        copyright_stop=re.compile(outlet["copyright_stop"], re.IGNORECASE),
        outlet_line=re.compile(outlet["outlet_line"]),
        domain=re.compile(outlet["domain"]),
        dateline=re.compile(_expand(data["dateline"], vocab)),
        date_in_line=re.compile(_expand(data["date_in_line"], vocab), re.IGNORECASE),
        day_names=frozenset(str(d).lower() for d in vocab.get("day", [])),
    )


def collapse(text: str) -> str:
    """Whitespace inside a paragraph collapsed to single spaces."""
    return " ".join(text.split())


def match_line(paragraph: str, position: int | None = None) -> Rule | None:
    """The first line rule that removes this whole paragraph, or None when it is body text.

    ``position`` is the paragraph's index in the input; rules with ``max_position`` only apply near
    the top (captions under the headline). None means "anywhere" is not assumed: such rules are skipped.
    """
    text = collapse(paragraph)
    if not text:
        return None
    n_words = len(text.split())
    for rule in load_rules().line:
        if rule.max_words is not None and n_words > rule.max_words:
            continue
        if rule.max_position is not None and (position is None or position >= rule.max_position):
            continue
        if rule.regex.fullmatch(text):
            return rule
    return None


# -- paragraphs -------------------------------------------------------------------------------------


def _hard_wrapped(lines: list[str]) -> bool:
    """True when a block's lines are one paragraph wrapped at a fixed width (e-mail, Gutenberg style)."""
    if len(lines) < 2:
        return False
    widths = [len(line) for line in lines[:-1]]
    if min(widths) < 40 or max(widths) > 100 or max(widths) - min(widths) > 35:
        return False
    lower_starts = sum(1 for line in lines[1:] if line[:1].islower())
    return lower_starts * 2 >= len(lines) - 1


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a raw text: every non-empty line, except that hard-wrapped blocks are re-joined.

    News text pasted from the web has one paragraph per line, with or without blank lines between;
    a block wrapped at ~72 columns is the exception and is detected by its even line widths.
    """
    paragraphs: list[str] = []
    for block in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if not _hard_wrapped(lines):
            paragraphs.extend(lines)
            continue
        width = max(len(line) for line in lines)
        current = [lines[0]]
        for prev, line in zip(lines, lines[1:], strict=False):
            if _SENTENCE_END.search(prev) and len(prev) < 0.8 * width:
                paragraphs.append(" ".join(current))
                current = [line]
            else:
                current.append(line)
        paragraphs.append(" ".join(current))
    return paragraphs


def _headline_like(paragraph: str) -> bool:
    """A short line without final punctuation: the text of a link under "Baca juga:"."""
    text = collapse(paragraph)
    return 0 < len(text.split()) <= 25 and not re.search(r"[.!?]$", text)


# -- metadata found in the text ---------------------------------------------------------------------


def _outlet_from_copyright(line: str, rules: Rules) -> str | None:
    rest = rules.copyright_prefix.sub("", collapse(line), count=1)
    domain = rules.domain.search(rest)
    if domain and domain.start() < 40:
        return domain.group(0)
    name = rules.copyright_stop.split(rest, maxsplit=1)[0].strip(" .,-–|")
    if not name or len(name.split()) > 6 or not re.search(r"[A-Za-z]", name):
        return None
    return name


def _dateline(paragraph: str, rules: Rules) -> tuple[str | None, str | None]:
    """(place, outlet) from a dateline such as "JAKARTA, KOMPAS.com -" at the start of a paragraph."""
    match = rules.dateline.match(paragraph)
    if not match:
        return None, None
    place = match.group("place").strip(" .")
    extra = (match.group("extra") or "").strip()
    outlet = None
    if extra:
        domain = rules.domain.fullmatch(extra)
        if domain or (
            not re.search(r"\d", extra)
            and len(extra.split()) <= 4
            and extra.split()[0].lower().strip(",") not in rules.day_names
        ):
            outlet = extra
    return place, outlet


# -- the cleaner ------------------------------------------------------------------------------------


def _captions_of(raw: RawDoc) -> list[str]:
    """Caption texts a reader found by structure (HTML ``<figcaption>``): never part of the clean text."""
    found = [collapse(str(c)) for c in raw.meta.get("captions", []) or []]
    found += [collapse(str(b.get("text", ""))) for b in _dropped_of(raw) if b.get("caption")]
    return [c for c in dict.fromkeys(found) if c]


def _dropped_of(raw: RawDoc) -> list[dict[str, Any]]:
    """The page lines the HTML reader found left out of ``raw.text``, in page order."""
    items = [b for b in raw.meta.get("dropped_blocks", []) or [] if isinstance(b, dict)]
    return sorted(items, key=lambda b: int(b.get("before", 0)))


def _strip_caption(text: str, captions: list[str]) -> tuple[str, str | None]:
    """The paragraph without a caption that the extractor kept at its start or end, and that caption."""
    for cap in captions:
        if text == cap:
            return "", cap
        if text.startswith(cap + " "):
            return text[len(cap) + 1 :].strip(), cap
        if text.endswith(" " + cap):
            return text[: -len(cap) - 1].strip(), cap
    return text, None


def clean(raw: RawDoc) -> CleanDoc:
    """Clean one raw document: remove boilerplate by the rules, drop verbatim repeats, keep the body.

    The headline (``raw.title``) becomes the first paragraph. When the text itself starts with the
    headline (a .txt file, or an HTML page whose extracted text repeats its ``<h1>``), that line is the
    headline, not a duplicate; any later copy of it is a duplicate.

    For HTML pages the lines the main-text extractor dropped (``raw.meta["dropped_blocks"]``) are
    judged by the same rules, and those a rule recognises are listed in reading order; captions
    (``<figcaption>``) are always listed and never stay in the text.
    """
    rules = load_rules()
    paragraphs = split_paragraphs(raw.text)
    title = collapse(raw.title) if raw.title else None
    if title == "":
        title = None

    removed: list[Removed] = []
    date_lines: list[str] = []
    body: list[str] = []
    seen: set[str] = {title} if title else set()
    duplicates = 0
    headline_placed = False
    copyright_outlet: str | None = None
    skip_next_headline_like = False
    captions = _captions_of(raw)
    reported_captions: set[str] = set()
    dropped = _dropped_of(raw)
    extracted = {collapse(p) for p in paragraphs}
    next_dropped = 0

    def record(text: str, rule: Rule, dated: bool = True) -> None:
        nonlocal copyright_outlet
        removed.append(Removed(kind=rule.kind, text=text))  # type: ignore[arg-type]
        if dated and (rule.date or (rule.kind == "byline" and rules.date_in_line.search(text))):
            date_lines.append(text)
        if rule.name == "copyright" and copyright_outlet is None:
            copyright_outlet = _outlet_from_copyright(text, rules)

    def emit_dropped(upto: int | None) -> None:
        """The dropped page lines that stood before extracted paragraph ``upto`` (None: all the rest)."""
        nonlocal next_dropped
        label_at: int | None = None  # a bare "Baca juga:" label: the next short line is its link
        while next_dropped < len(dropped):
            block = dropped[next_dropped]
            before = int(block.get("before", 0))
            if upto is not None and before > upto:
                break
            next_dropped += 1
            text = collapse(str(block.get("text", "")))
            at, label_at = label_at, None
            if not text or text == title or text in extracted:
                continue
            if block.get("caption") or text in captions:
                if text not in reported_captions:
                    reported_captions.add(text)
                    removed.append(Removed(kind="caption", text=text))
                continue
            rule = match_line(text, before)
            if rule is not None:
                # a page's date line belongs to the article only at its top (not a sidebar's post dates)
                record(text, rule, dated=before <= DROPPED_DATE_MAX_BEFORE)
                if rule.next_line and len(text.split()) <= 4:
                    label_at = before
            elif at == before and _headline_like(text):
                removed.append(Removed(kind="boilerplate", text=text))

    for index, paragraph in enumerate(paragraphs):
        emit_dropped(index)
        text = collapse(paragraph)
        text, caption = _strip_caption(text, captions)
        if caption is not None:
            if caption not in reported_captions:
                reported_captions.add(caption)
                removed.append(Removed(kind="caption", text=caption))
            if not text:
                continue
            paragraph = text
        if skip_next_headline_like:
            skip_next_headline_like = False
            if _headline_like(text) and match_line(text, index) is None:
                removed.append(Removed(kind="boilerplate", text=paragraph))
                continue
        # the headline line itself (before any body text): not a duplicate
        if title and not headline_placed and not body:
            if text == title:
                headline_placed = True
                continue
            if text.startswith(title + " ") and raw.title_in_text:
                headline_placed = True  # a hard-wrapped block swallowed the headline line
                text = text[len(title) + 1 :].strip()
                paragraph = text
        rule = match_line(text, index)
        if rule is not None:
            record(paragraph, rule)
            if rule.next_line and len(text.split()) <= 4:
                skip_next_headline_like = True  # a bare "Baca juga:" label: its link text follows
            continue
        # a credit at the end of a paragraph goes; the rest of the paragraph stays
        changed = True
        while changed:
            changed = False
            for srule in rules.suffix:
                match = srule.regex.search(text)
                if match and match.start() > 0:
                    removed.append(Removed(kind=srule.kind, text=match.group(0).strip()))  # type: ignore[arg-type]
                    text = text[: match.start()].rstrip()
                    changed = True
        if not text:
            continue
        if text in seen:
            removed.append(Removed(kind="duplicate", text=paragraph))
            duplicates += 1
            continue
        seen.add(text)
        body.append(text)
    emit_dropped(None)

    outlet = copyright_outlet
    dateline: str | None = None
    if body:
        first = 0
        line_match = rules.outlet_line.fullmatch(body[0])
        if line_match:
            outlet = outlet or line_match.group("outlet")
            first = 1
        if first < len(body):
            dateline, dateline_outlet = _dateline(body[first], rules)
            outlet = outlet or dateline_outlet

    # captions a reader found outside the text and that no dropped line carried: listed all the same
    for cap in captions:
        if cap not in reported_captions:
            removed.append(Removed(kind="caption", text=cap))

    paragraphs_out = ([title] if title else []) + body
    return CleanDoc(
        text="\n\n".join(paragraphs_out),
        title=title,
        removed=removed,
        duplicate_paragraphs=duplicates,
        boilerplate_chars=sum(len(r.text) for r in removed),
        dateline=dateline,
        date_lines=date_lines,
        outlet=outlet,
    )
