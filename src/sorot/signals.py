"""Per-document credibility signals (the corpus-level ones are filled in by ``sorot.verify``).

Counting rules follow the annotation guidelines: an anonymous source is a distinct source whose
identity is withheld; an office speaking on record is named, not anonymous.
"""

from __future__ import annotations

from collections.abc import Sequence

from sorot.contract import Event, Quote, Signals
from sorot.records import CleanDoc

ANONYMOUS = "anonymous"


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def document_signals(clean: CleanDoc, quotes: Sequence[Quote], events: Sequence[Event]) -> Signals:
    """Signals that one document shows on its own."""
    anonymous: dict[str, str] = {}
    named: dict[str, None] = {}
    for q in quotes:
        if q.speaker_name is None:
            key = _norm(q.speaker_text) or f"quote@{q.start}"
            anonymous.setdefault(key, q.speaker_text or "unnamed source")
        else:
            named[q.speaker_name] = None
    for ev in events:
        if ev.source == ANONYMOUS:
            continue
        if ev.source:
            named[ev.source] = None
    # events credited to "anonymous" without a matching anonymous quote still count as one source
    if any(ev.source == ANONYMOUS for ev in events) and not anonymous:
        anonymous["anonymous"] = "unnamed source"
    notes = [
        "named sources: " + ("; ".join(named) if named else "none"),
        "anonymous/unnamed sources: " + ("; ".join(anonymous.values()) if anonymous else "none"),
    ]
    if clean.duplicate_paragraphs:
        notes.append(f"{clean.duplicate_paragraphs} paragraph(s) repeated verbatim")
    return Signals(
        anonymous_sources=len(anonymous),
        duplicate_paragraphs=clean.duplicate_paragraphs,
        boilerplate_chars=clean.boilerplate_chars,
        named_sources=len(named),
        uncorroborated_events=[],
        contradicted_events=[],
        notes=notes,
    )
