"""The story timeline: the events of a corpus in date order, with who reported them where.

A reader following a story wants to see what happened when, and which outlets and sources carry each
happening. The same claim reported by several documents (same type, actor, target, item family and date)
is one line of the timeline listing all of them; events without a date are kept, listed after the dated
ones, so nothing disappears silently.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sorot.contract import Document, Event

UNDATED = "undated"


@dataclass
class TimelineMention:
    """One document's report of a timeline entry."""

    doc: str
    status: str
    source: str | None = (
        None  # who vouches for it (speaker, cited outlet, "anonymous"), None = article's voice
    )
    outlet: str | None = None  # the outlet of the document
    title: str | None = None
    published: str | None = None
    item: str | None = None
    text: str = ""  # the evidence sentence
    event_index: int = 0  # index into the document's events


@dataclass
class TimelineEntry:
    """One happening (a claim at a date) and every report of it."""

    date: str | None
    type: str
    actor: str | None
    target: str | None
    family: str | None
    mode: str | None = None
    items: list[str] = field(default_factory=list)
    mentions: list[TimelineMention] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(m.doc for m in self.mentions))

    @property
    def sources(self) -> list[str]:
        """Who vouches for it, each once: the named source, else the document's outlet."""
        out = [m.source or m.outlet or "(article)" for m in self.mentions]
        return list(dict.fromkeys(out))

    @property
    def statuses(self) -> list[str]:
        return list(dict.fromkeys(m.status for m in self.mentions))

    def to_dict(self) -> dict:
        """Plain JSON form (for ``sorot timeline --json`` and the web app)."""
        return {
            "date": self.date,
            "type": self.type,
            "mode": self.mode,
            "actor": self.actor,
            "target": self.target,
            "family": self.family,
            "items": self.items,
            "statuses": self.statuses,
            "sources": self.sources,
            "documents": self.documents,
            "mentions": [m.__dict__.copy() for m in self.mentions],
        }


@lru_cache(maxsize=1)
def _family_table() -> dict[str, str]:
    from sorot.extract.dates import load_rules

    table = load_rules().raw.get("item_families", {}) or {}
    return {item.lower(): fam for fam, items in table.items() for item in items}


@lru_cache(maxsize=1)
def _symmetric_types() -> frozenset[str]:
    """Event types whose two parties play the same role (an agreement, cooperation)."""
    from sorot.extract.dates import load_rules

    return frozenset(str(t) for t in load_rules().raw.get("symmetric_types", []) or [])


def _claims_item_family() -> Callable[[str | None], str | None] | None:
    """The claims module's own item families, when it provides them (one source of truth)."""
    try:
        from sorot.verify import claims  # type: ignore[attr-defined]
    except ImportError:
        return None
    fn = getattr(claims, "item_family", None)
    return fn if callable(fn) else None


def item_family(item: str | None) -> str | None:
    """The family an item belongs to ("rockets" -> "weapons"); an unknown item is its own family."""
    if item is None:
        return None
    fn = _claims_item_family()
    if fn is not None:
        try:
            fam = fn(item)
        except Exception:  # a foreign helper failing must not lose the timeline
            fam = None
        if fam:
            return str(fam)
    key = item.strip().lower()
    return _family_table().get(key, key)


def _date_key(date: str | None) -> tuple[int, int, int, int]:
    """Dated before undated; a coarser date before the finer dates inside it ("2024-06" < "2024-06-03")."""
    if not date:
        return (1, 0, 0, 0)
    parts = [int(p) for p in date.split("-")] + [0, 0]
    return (0, parts[0], parts[1], parts[2])


def _specificity(item: str) -> int:
    """Prefer the more specific item name of a family ("artillery ammunition" over "weapons")."""
    return len(item.split())


def build_timeline(documents: Iterable[Document], *, include_undated: bool = True) -> list[TimelineEntry]:
    """Order the events of a corpus by date, one entry per claim and date across documents.

    Events collapse when type, actor, target, item family and date are equal (for symmetric types such as
    AGREE, actor and target in either order); each entry keeps every
    report (document, source, status, evidence). Undated events come last (or are left out with
    ``include_undated=False``). Within one date, entries keep the order in which the corpus first
    mentions them.
    """
    entries: dict[tuple, TimelineEntry] = {}
    for doc in documents:
        outlet = doc.source.outlet if doc.source else None
        for i, ev in enumerate(doc.events):
            if ev.date is None and not include_undated:
                continue
            family = item_family(ev.item)
            actor, target = ev.actor, ev.target
            if ev.type in _symmetric_types() and actor and target and target < actor:
                actor, target = target, actor  # one order for both parties of an agreement
            key = (ev.type, actor, target, family, ev.date)
            entry = entries.get(key)
            if entry is None:
                entry = TimelineEntry(
                    date=ev.date, type=ev.type, actor=ev.actor, target=ev.target, family=family, mode=ev.mode
                )
                entries[key] = entry
            _add(entry, doc, ev, i, outlet)
    ordered = sorted(enumerate(entries.values()), key=lambda p: (_date_key(p[1].date), p[0]))
    return [e for _, e in ordered]


def read_documents(path: str | Path) -> Iterator[Document]:
    """The ``sorot.document/1`` records of a JSONL file (error records and blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            data = json.loads(line)
            if data.get("schema", "sorot.document/1") != "sorot.document/1":
                continue
            yield Document.model_validate(data)


def _add(entry: TimelineEntry, doc: Document, ev: Event, index: int, outlet: str | None) -> None:
    if entry.mode is None and ev.mode:
        entry.mode = ev.mode
    if ev.item and ev.item not in entry.items:
        entry.items.append(ev.item)
        entry.items.sort(key=_specificity, reverse=True)
    entry.mentions.append(
        TimelineMention(
            doc=doc.id,
            status=ev.status,
            source=ev.source,
            outlet=outlet,
            title=doc.title,
            published=doc.published,
            item=ev.item,
            text=ev.text,
            event_index=index,
        )
    )


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def _describe(entry: TimelineEntry) -> str:
    kind = entry.type + (f"/{entry.mode}" if entry.mode else "")
    who = entry.actor or "?"
    if entry.target:
        who += f" -> {entry.target}"
    what = f" [{', '.join(entry.items)}]" if entry.items else ""
    return f"{kind} {who}{what}"


def format_timeline(entries: Iterable[TimelineEntry], *, max_width: int = 48) -> str:
    """A plain-text table: date, event, status, sources, documents (one line per entry)."""
    header = ("DATE", "EVENT", "STATUS", "SOURCES", "DOCUMENTS")
    rows = [header]
    for e in entries:
        rows.append(
            (
                e.date or UNDATED,
                _describe(e),
                "/".join(e.statuses),
                ", ".join(e.sources),
                f"{len(e.documents)}: " + ", ".join(e.documents),
            )
        )
    if len(rows) == 1:
        return "(no events)"
    widths = [min(max_width, max(len(r[c]) for r in rows)) for c in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        cells = [_clip(cell, widths[c]).ljust(widths[c]) for c, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


__all__ = [
    "TimelineEntry",
    "TimelineMention",
    "build_timeline",
    "format_timeline",
    "item_family",
    "read_documents",
]
