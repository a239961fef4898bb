"""Persistent storage of analysed documents, claims, runs and errors (SQLite or PostgreSQL).

``Store(url)`` opens (and migrates) the database; the default is a SQLite file in the working directory, so
Sorot needs no server. ``postgresql+psycopg://user@host/db`` stores the same in PostgreSQL.

Saving is idempotent: the document id is the key, and a hash of the whole record decides whether a
re-analysis changed anything, so running ``sorot analyze`` twice over the same input never duplicates rows::

    with Store("sqlite:///sorot.db") as store:
        run = store.start_run({"inputs": ["berita/"]})
        store.save_document(doc, run_id=run)      # "inserted", later "unchanged" or "updated"
        store.finish_run(run, {"documents": 1})
        store.events(entity="North Korea")         # the entity's timeline, oldest first
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from sqlalchemy import create_engine, delete, event, func, or_, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from sorot.contract import Claim, Document, ErrorRecord
from sorot.store.migrate import upgrade
from sorot.store.models import (
    Base,
    ClaimRow,
    DocumentRow,
    EntityRow,
    ErrorRow,
    EventRow,
    MentionRow,
    QuoteRow,
    RunRow,
    SignalsRow,
    utcnow,
)

__all__ = ["DEFAULT_URL", "Base", "SaveStatus", "Store", "content_hash", "normalise_url"]

DEFAULT_URL = "sqlite:///sorot.db"
SaveStatus = Literal["inserted", "updated", "unchanged"]


def normalise_url(url: str) -> str:
    """Accept the URL forms people type: a bare file path means SQLite; plain ``postgresql://`` means psycopg 3.

    SQLAlchemy's default PostgreSQL driver is psycopg2, which Sorot does not depend on.
    """
    if "://" not in url:
        return f"sqlite:///{url}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def content_hash(text: str) -> str:
    """Hash of a document's clean text (finds the same article saved under another id)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _record_hash(data: Mapping[str, Any]) -> str:
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _make_engine(url: str) -> Engine:
    """Engine with the per-backend settings the store relies on (SQLite: foreign keys on, WAL for files)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    database = parsed.database
    in_memory = not database or database == ":memory:"
    if in_memory:
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        Path(database or "").expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if not in_memory:
            cur.execute("PRAGMA journal_mode=WAL")  # readers (the web app) do not block the writer
        cur.close()

    return engine


def _fill_view(row: DocumentRow, doc: Document) -> None:
    """(Re)build the normalised tables of one document from its contract record."""
    row.entities = [
        EntityRow(
            document_id=doc.id,
            position=i,
            entity_id=ent.id,
            name=ent.name,
            type=ent.type,
            mentions=[
                MentionRow(document_id=doc.id, char_start=m.start, char_end=m.end, text=m.text)
                for m in ent.mentions
            ],
        )
        for i, ent in enumerate(doc.entities)
    ]
    row.quotes = [
        QuoteRow(
            document_id=doc.id,
            position=i,
            kind=q.kind,
            text=q.text,
            char_start=q.start,
            char_end=q.end,
            speaker=q.speaker,
            speaker_name=q.speaker_name,
            speaker_text=q.speaker_text,
            cue=q.cue,
            via=q.via,
        )
        for i, q in enumerate(doc.quotes)
    ]
    row.events = [
        EventRow(
            document_id=doc.id,
            position=i,
            type=ev.type,
            mode=ev.mode,
            actor=ev.actor,
            target=ev.target,
            item=ev.item,
            status=ev.status,
            source=ev.source,
            date=ev.date,
            text=ev.text,
            char_start=ev.start,
            char_end=ev.end,
        )
        for i, ev in enumerate(doc.events)
    ]
    sig = doc.signals
    row.signals = SignalsRow(
        document_id=doc.id,
        anonymous_sources=sig.anonymous_sources,
        duplicate_paragraphs=sig.duplicate_paragraphs,
        boilerplate_chars=sig.boilerplate_chars,
        named_sources=sig.named_sources,
        uncorroborated_events=list(sig.uncorroborated_events),
        contradicted_events=list(sig.contradicted_events),
        notes=list(sig.notes),
    )


class Store:
    """Documents, claims, runs and errors in one SQL database, schema migrated on open."""

    def __init__(self, url: str = DEFAULT_URL, *, migrate: bool = True) -> None:
        self.url = normalise_url(url)
        self.engine = _make_engine(self.url)
        if migrate:
            upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    # -- lifecycle -------------------------------------------------------------------------------------

    def close(self) -> None:
        """Release every pooled connection (the SQLite file can then be moved or deleted)."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    def session(self) -> Session:
        """A new ORM session, for queries this class does not offer (the caller closes it)."""
        return self._sessions()

    # -- documents -------------------------------------------------------------------------------------

    def save_document(self, doc: Document, run_id: str | None = None) -> SaveStatus:
        """Insert or update one document by id; returns what happened.

        ``unchanged`` when the stored record is identical (nothing is written), ``updated`` when the same id
        was analysed differently (the normalised rows are rebuilt), ``inserted`` for a new id.
        """
        data = doc.model_dump(by_alias=True, mode="json")
        record_hash = _record_hash(data)
        with self._sessions.begin() as s:
            row = s.get(DocumentRow, doc.id)
            if row is not None and row.record_hash == record_hash:
                return "unchanged"
            status: SaveStatus
            if row is None:
                row = DocumentRow(id=doc.id, created_at=utcnow())
                s.add(row)
                status = "inserted"
            else:
                row.entities.clear()
                row.quotes.clear()
                row.events.clear()
                row.signals = None
                s.flush()  # old view rows go before the new ones arrive
                status = "updated"
            row.content_hash = content_hash(doc.text)
            row.record_hash = record_hash
            row.title = doc.title
            row.published = doc.published
            row.language = doc.language
            row.outlet = doc.source.outlet
            row.source_path = doc.source.path
            row.source_url = doc.source.url
            row.text = doc.text
            row.data = data
            row.run_id = run_id
            row.updated_at = utcnow()
            _fill_view(row, doc)
        return status

    def get_document(self, doc_id: str) -> Document | None:
        """The stored record exactly as it was saved, or None."""
        with self._sessions() as s:
            data = s.scalar(select(DocumentRow.data).where(DocumentRow.id == doc_id))
        return None if data is None else Document.model_validate(data)

    def iter_documents(self, batch_size: int = 200) -> Iterator[Document]:
        """Every stored document in id order, streamed in batches (corpora larger than memory)."""
        with self._sessions() as s:
            stmt = select(DocumentRow.data).order_by(DocumentRow.id).execution_options(yield_per=batch_size)
            for data in s.scalars(stmt):
                yield Document.model_validate(data)

    def count_documents(self) -> int:
        with self._sessions() as s:
            return s.scalar(select(func.count()).select_from(DocumentRow)) or 0

    def find_by_content(self, text: str) -> list[str]:
        """Ids of stored documents whose clean text is exactly ``text`` (the same article under other ids)."""
        with self._sessions() as s:
            return list(
                s.scalars(select(DocumentRow.id).where(DocumentRow.content_hash == content_hash(text)))
            )

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and its normalised rows; False when it was not stored."""
        with self._sessions.begin() as s:
            row = s.get(DocumentRow, doc_id)
            if row is None:
                return False
            s.delete(row)
        return True

    # -- claims ----------------------------------------------------------------------------------------

    def save_claims(self, claims: Iterable[Claim], *, replace: bool = False) -> dict[str, int]:
        """Upsert claims by id; with ``replace`` also drop stored claims absent from ``claims``.

        Claims are recomputed over the whole corpus, so ``replace=True`` is what a fresh ``sorot claims``
        run wants: a claim that no longer holds must disappear.
        """
        counts = {"inserted": 0, "updated": 0, "unchanged": 0, "deleted": 0}
        with self._sessions.begin() as s:
            seen: set[str] = set()
            for claim in claims:
                data = claim.model_dump(by_alias=True, mode="json")
                seen.add(claim.id)
                row = s.get(ClaimRow, claim.id)
                if row is not None and row.data == data:
                    counts["unchanged"] += 1
                    continue
                if row is None:
                    row = ClaimRow(id=claim.id)
                    s.add(row)
                    counts["inserted"] += 1
                else:
                    counts["updated"] += 1
                row.type = claim.type
                row.mode = claim.mode
                row.actor = claim.actor
                row.target = claim.target
                row.verdict = claim.verdict
                row.first_date = claim.first_date
                row.last_date = claim.last_date
                row.data = data
                row.updated_at = utcnow()
            if replace:
                stale = delete(ClaimRow).where(ClaimRow.id.not_in(seen)) if seen else delete(ClaimRow)
                counts["deleted"] = s.execute(stale).rowcount or 0  # type: ignore[attr-defined]
        return counts

    def iter_claims(self) -> Iterator[Claim]:
        with self._sessions() as s:
            for data in s.scalars(select(ClaimRow.data).order_by(ClaimRow.id)):
                yield Claim.model_validate(data)

    # -- runs and errors -------------------------------------------------------------------------------

    def start_run(self, meta: Mapping[str, Any] | None = None) -> str:
        """Record the start of an analysis run; returns its id (documents and errors point to it)."""
        run_id = uuid.uuid4().hex
        with self._sessions.begin() as s:
            s.add(RunRow(id=run_id, started_at=utcnow(), meta=dict(meta or {})))
        return run_id

    def finish_run(self, run_id: str, stats: Mapping[str, Any] | None = None) -> None:
        with self._sessions.begin() as s:
            row = s.get(RunRow, run_id)
            if row is None:
                raise KeyError(f"no run {run_id!r} in {self!r}")
            row.finished_at = utcnow()
            row.stats = dict(stats or {})

    def get_run(self, run_id: str) -> dict[str, Any] | None:
        with self._sessions() as s:
            row = s.get(RunRow, run_id)
            if row is None:
                return None
            return {
                "id": row.id,
                "started_at": row.started_at,
                "finished_at": row.finished_at,
                "meta": row.meta,
                "stats": row.stats,
            }

    def save_error(self, err: ErrorRecord, run_id: str | None = None) -> int:
        """Keep a document that failed, so a run's losses can be listed later; returns the row id."""
        with self._sessions.begin() as s:
            row = ErrorRow(
                run_id=run_id,
                path=err.path,
                reason=err.reason,
                stage=err.stage,
                data=err.model_dump(by_alias=True, mode="json"),
                created_at=utcnow(),
            )
            s.add(row)
            s.flush()
            return row.id

    def iter_errors(self, run_id: str | None = None) -> Iterator[ErrorRecord]:
        with self._sessions() as s:
            stmt = select(ErrorRow.data).order_by(ErrorRow.id)
            if run_id is not None:
                stmt = stmt.where(ErrorRow.run_id == run_id)
            for data in s.scalars(stmt):
                yield ErrorRecord.model_validate(data)

    # -- queries for the web app -----------------------------------------------------------------------

    def entity_mentions(self, name: str) -> list[dict[str, Any]]:
        """Every mention of the entity with canonical ``name``, across documents, in text order."""
        stmt = (
            select(MentionRow, EntityRow.entity_id, EntityRow.type)
            .join(EntityRow, MentionRow.entity_row_id == EntityRow.id)
            .where(EntityRow.name == name)
            .order_by(MentionRow.document_id, MentionRow.char_start)
        )
        with self._sessions() as s:
            return [
                {
                    "document_id": m.document_id,
                    "entity_id": eid,
                    "type": etype,
                    "start": m.char_start,
                    "end": m.char_end,
                    "text": m.text,
                }
                for m, eid, etype in s.execute(stmt)
            ]

    def entity_quotes(self, name: str) -> list[dict[str, Any]]:
        """Every quote whose speaker is the entity with canonical ``name``."""
        stmt = (
            select(QuoteRow)
            .where(QuoteRow.speaker_name == name)
            .order_by(QuoteRow.document_id, QuoteRow.position)
        )
        with self._sessions() as s:
            return [
                {
                    "document_id": q.document_id,
                    "position": q.position,
                    "kind": q.kind,
                    "text": q.text,
                    "start": q.char_start,
                    "end": q.char_end,
                    "speaker_name": q.speaker_name,
                    "speaker_text": q.speaker_text,
                    "cue": q.cue,
                    "via": q.via,
                }
                for q in s.scalars(stmt)
            ]

    def events(self, entity: str | None = None, *, dated_only: bool = False) -> list[dict[str, Any]]:
        """Events in timeline order (event date, then publication date; undated last).

        With ``entity``, only events where it is the actor, the target or the source.
        """
        stmt = select(EventRow, DocumentRow.published).join(
            DocumentRow, EventRow.document_id == DocumentRow.id
        )
        if entity is not None:
            stmt = stmt.where(
                or_(EventRow.actor == entity, EventRow.target == entity, EventRow.source == entity)
            )
        if dated_only:
            stmt = stmt.where(EventRow.date.is_not(None))
        stmt = stmt.order_by(
            EventRow.date.is_(None),
            EventRow.date,
            DocumentRow.published.is_(None),
            DocumentRow.published,
            EventRow.document_id,
            EventRow.position,
        )
        with self._sessions() as s:
            return [
                {
                    "document_id": e.document_id,
                    "position": e.position,
                    "published": published,
                    "type": e.type,
                    "mode": e.mode,
                    "actor": e.actor,
                    "target": e.target,
                    "item": e.item,
                    "status": e.status,
                    "source": e.source,
                    "date": e.date,
                    "text": e.text,
                    "start": e.char_start,
                    "end": e.char_end,
                }
                for e, published in s.execute(stmt)
            ]
