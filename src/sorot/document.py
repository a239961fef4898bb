"""Turn an analysed spaCy ``Doc`` into a contract ``Document``.

This is the only place where the internal layers (doc.ents + doc._.entities, quotes, events, time
expressions) cross the contract boundary, so the mapping rules live here and nowhere else.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sorot.contract import Document, Entity, Event, Mention, Quote, Source
from sorot.records import CleanDoc, RawDoc
from sorot.signals import document_signals

MENTIONS_KEY = "sorot_mentions"  # span group the linker fills with every mention, nested ones included


def collect_entities(doc: Doc) -> list[Entity]:
    """One entity per linked id, with every mention span, in order of first mention.

    The linker's span group holds nested mentions too (the country inside "Kementerian Pertahanan
    Korea Selatan"), which ``doc.ents`` cannot; fall back to ``doc.ents`` when it is absent."""
    infos = doc._.entities or {}
    by_id: dict[str, Entity] = {}
    spans = (
        sorted(doc.spans[MENTIONS_KEY], key=lambda s: (s.start_char, -s.end_char))
        if MENTIONS_KEY in doc.spans
        else list(doc.ents)
    )
    for ent in spans:
        key = ent.kb_id_ or f"sorot:{ent.label_.lower()}:{ent.text.lower()}"
        info = infos.get(ent.kb_id_) if ent.kb_id_ else None
        if key not in by_id:
            name = info.name if info else ent.text
            etype = info.type if info else ent.label_
            if etype not in ("PER", "ORG", "GPE", "LOC", "NORP", "EVENT"):
                continue
            by_id[key] = Entity(id=info.id if info else key, name=name, type=etype, mentions=[])  # type: ignore[arg-type]
        by_id[key].mentions.append(Mention(start=ent.start_char, end=ent.end_char, text=ent.text))
    return list(by_id.values())


def _credits_in_removed(clean: CleanDoc) -> list[str]:
    """Outlets credited in lines cleaning took out ("(sumber: cnnindonesia.com)") still count."""
    try:
        from sorot.nlp.linker import credited_outlet
    except ModuleNotFoundError:
        return []
    found = []
    for piece in clean.removed:
        if piece.kind == "boilerplate":
            name = credited_outlet(piece.text)
            if name:
                found.append(name)
    return found


def build_document(raw: RawDoc, clean: CleanDoc, doc: Doc, *, doc_id: str, published: str | None) -> Document:
    """Assemble the ``sorot.document/1`` record of one article."""
    quotes: list[Quote] = list(doc._.quotes or [])
    events: list[Event] = list(doc._.events or [])
    entities = collect_entities(doc)
    cited = list(dict.fromkeys([*(doc._.cited_outlets or []), *_credits_in_removed(clean)]))
    outlet = raw.outlet or clean.outlet
    signals = document_signals(
        clean, quotes, events, getattr(doc._, "quote_meta", None) if doc.has_extension("quote_meta") else None
    )
    return Document(
        id=doc_id,
        source=Source(path=raw.path, url=raw.url, outlet=outlet),
        title=clean.title,
        published=published,
        language=clean.language,
        text=doc.text,
        removed=clean.removed,
        cited_outlets=cited,
        entities=entities,
        quotes=quotes,
        events=events,
        signals=signals,
    )
