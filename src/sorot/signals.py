"""Per-document credibility signals (the corpus-level ones are filled in by ``sorot.verify``).

Counting rules follow the annotation guidelines: an anonymous source is a distinct source whose
identity is withheld; an office speaking on record is named, not anonymous.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sorot.contract import Event, Quote, Signals
from sorot.records import CleanDoc

ANONYMOUS = "anonymous"


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def document_signals(
    clean: CleanDoc, quotes: Sequence[Quote], events: Sequence[Event], quote_meta: Sequence[Any] | None = None
) -> Signals:
    """Signals that one document shows on its own.

    ``quote_meta`` (from the quote extractor, one record per quote) tells a withheld identity from an
    unresolved one and groups back-references ("pejabat itu", "ia") with the source they point to,
    so one anonymous official quoted three times counts once."""
    anonymous: dict[str, str] = {}
    named: dict[str, None] = {}
    metas = list(quote_meta) if quote_meta is not None and len(quote_meta) == len(quotes) else None
    for i, q in enumerate(quotes):
        meta = metas[i] if metas is not None else None
        if q.speaker_name is None:
            if meta is not None and not getattr(meta, "anonymous", True):
                continue  # unresolved speaker, not a withheld identity
            key = getattr(meta, "source_key", None) or _norm(q.speaker_text) or f"quote@{q.start}"
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
