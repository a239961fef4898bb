"""The shared vocabulary between Sorot's spaCy components.

Each rule component (linker, dates, quotes, events) reads what the earlier ones wrote on the ``Doc``
and adds its own layer. Keeping these few records and extension names in one module is what lets the
components be developed, tested and replaced independently: this file is the interface, the
components are implementations.

Order of the pipeline (see ``sorot.nlp.pipeline``)::

    tokenizer -> tagger/morphologizer/parser/ner (trained) -> sorot_linker -> sorot_dates
              -> sorot_quotes -> sorot_events

What each layer provides:

- before the pipeline runs, ``doc._.published`` (``YYYY-MM-DD`` or None) and ``doc._.meta`` (dict with
  ``title``, ``outlet``, ``url``, ``path``) are set by ``sorot.pipeline``;
- ``sorot_linker`` sets ``doc.ents`` (each span has ``label_`` in PER/ORG/GPE/LOC/NORP/EVENT and
  ``kb_id_`` = the entity id) and ``doc._.entities`` (id -> :class:`EntityInfo`), and
  ``doc._.cited_outlets`` (canonical names of outlets the article credits);
- ``sorot_dates`` sets ``doc._.timexes`` (list of :class:`TimeExpr`); the date of an event is asked
  with ``doc._.timexes_at(start_char, end_char, speech_act=..., lead_fallback=...)`` (see
  :func:`timexes_at`), never by reading the time layer's internals;
- ``sorot_quotes`` sets ``doc._.quotes`` (list of :class:`sorot.contract.Quote` with offsets);
- ``sorot_events`` sets ``doc._.events`` (list of :class:`sorot.contract.Event` with offsets).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span


@dataclass
class EntityInfo:
    """A real-world entity as the gazetteer (or the linker's fallback) knows it."""

    id: str  # Wikidata QID ("Q423") or a stable project id ("sorot:ned-price")
    name: str  # canonical English name
    type: str  # PER, ORG, GPE, LOC, NORP, EVENT
    kind: str | None = (
        None  # country, city, region, igo, ministry, agency, military, outlet, person, party,...
    )
    country: str | None = None  # canonical name of the state it belongs to / acts for (None if none)
    roles: list[str] = field(default_factory=list)  # e.g. ["spokesperson"]
    affiliations: list[str] = field(default_factory=list)  # canonical names of bodies it works for

    def actor(self) -> str | None:
        """The actor an event coder should use: states act for themselves, officials and national
        bodies for their state, intergovernmental bodies and unaffiliated groups for themselves."""
        if self.kind == "country":
            return self.name
        if self.country:
            return self.country
        if self.type in ("ORG", "NORP"):
            return self.name
        if self.type == "GPE":
            return self.name
        if self.type == "PER" and self.affiliations:
            return self.affiliations[0]  # "Anggota parlemen dari Hizbullah, Hassan Fadlallah": his body
        return None


@dataclass
class TimeExpr:
    """A time expression found in the text and its resolved calendar value."""

    start: int  # character offsets into doc.text
    end: int
    text: str
    value: str | None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"; None when it cannot be resolved
    precision: str | None = None  # "year", "month", "day"
    kind: str = "date"  # date, relative, weekday, vague, year, dateline, anchored
    is_range: bool = False
    # "anchored" expressions count from another happening, not from publication ("sehari setelah ...",
    # "dua hari kemudian"): ``offset_days`` (or ``offset_months``) from their anchor, which is the clause
    # on the other side of the conjunction ("clause") or the latest earlier date ("previous")
    anchor: str | None = None
    offset_days: int = 0
    offset_months: int = 0


def register_extensions() -> None:
    """Register the Doc/Span extension attributes once (idempotent)."""
    defaults: dict[str, Any] = {
        "published": None,
        "meta": None,
        "entities": None,
        "cited_outlets": None,
        "timexes": None,
        "quotes": None,
        "events": None,
    }
    for name, default in defaults.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("timexes_at"):
        Doc.set_extension("timexes_at", method=timexes_at)
    if not Span.has_extension("entity"):
        Span.set_extension("entity", getter=_span_entity)
    if not Span.has_extension("timexes"):
        Span.set_extension("timexes", getter=_span_timexes)


def timexes_at(
    doc: Doc, start_char: int, end_char: int, *, speech_act: bool = False, lead_fallback: bool | None = None
) -> list[TimeExpr]:
    """The time expressions that date the event whose trigger (and arguments) span
    ``[start_char, end_char)``: usually one, several when its own dates are coordinated, none when
    undated. ``speech_act`` marks statements (they take the date of the saying); ``lead_fallback`` lets
    an undated event of the lead take the story's date. Also ``doc._.timexes_at(start, end, ...)``.

    This is the time layer's public interface for other components (its memo of sentence bounds, lead
    and story date stays private to it)."""
    from sorot.extract.dates import timexes_for_span  # the time layer imports this module: import late

    return timexes_for_span(doc, start_char, end_char, speech_act=speech_act, lead_fallback=lead_fallback)


def _span_timexes(span: Span) -> list[TimeExpr]:
    """``span._.timexes``: the dates of an event phrase (see :func:`timexes_at`)."""
    return timexes_at(span.doc, span.start_char, span.end_char)


def _span_entity(span: Span) -> EntityInfo | None:
    """The EntityInfo behind an entity span (via its kb_id), if the linker ran."""
    ents = span.doc._.entities or {}
    return ents.get(span.kb_id_) if span.kb_id_ else None


def entity_at(doc: Doc, start_char: int, end_char: int) -> tuple[Span, EntityInfo] | None:
    """The first linked entity span overlapping a character range, with its info."""
    ents = doc._.entities or {}
    for ent in doc.ents:
        if ent.start_char < end_char and ent.end_char > start_char and ent.kb_id_ in ents:
            return ent, ents[ent.kb_id_]
    return None


register_extensions()
