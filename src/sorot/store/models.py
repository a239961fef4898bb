"""SQLAlchemy 2 ORM models of the store.

Every document is kept twice on purpose: the full ``sorot.document/1`` JSON (``documents.data``) is the
record of truth that round-trips exactly, and the normalised tables (entities, mentions, quotes, events,
signals) are a query view of the same record for the web app and the timeline. The view is rebuilt from the
record whenever the document is saved again, so the two never drift apart.

Column types are portable: the same models serve SQLite (default, no server) and PostgreSQL. ``JSON`` becomes
``JSONB`` on PostgreSQL. Offsets are called ``char_start``/``char_end`` because ``end`` is a reserved word in
SQL and would need quoting in every hand-written query.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

JSONType = JSON().with_variant(postgresql.JSONB(), "postgresql")

# Deterministic constraint names, so later migrations can alter them on both backends.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Timezone-aware now, so SQLite and PostgreSQL store the same instant."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RunRow(Base):
    """One analysis run: what was asked (``meta``) and what came out (``stats``)."""

    __tablename__ = "runs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    meta: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    stats: Mapped[dict[str, Any] | None] = mapped_column(JSONType)


class DocumentRow(Base):
    """One analysed article: the full contract record plus the columns worth filtering on."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    record_hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    language: Mapped[str] = mapped_column(String(3))
    outlet: Mapped[str | None] = mapped_column(String, index=True)
    source_path: Mapped[str | None] = mapped_column(Text)
    source_url: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)
    run_id: Mapped[str | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    entities: Mapped[list[EntityRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="EntityRow.position"
    )
    quotes: Mapped[list[QuoteRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="QuoteRow.position"
    )
    events: Mapped[list[EventRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="EventRow.position"
    )
    signals: Mapped[SignalsRow | None] = relationship(
        back_populates="document", cascade="all, delete-orphan", uselist=False
    )


class EntityRow(Base):
    """One entity of one document, with its canonical name, type and id (QID or ``sorot:...``)."""

    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    entity_id: Mapped[str] = mapped_column(String, index=True)
    name: Mapped[str] = mapped_column(String, index=True)
    type: Mapped[str] = mapped_column(String(8), index=True)

    document: Mapped[DocumentRow] = relationship(back_populates="entities")
    mentions: Mapped[list[MentionRow]] = relationship(
        back_populates="entity", cascade="all, delete-orphan", order_by="MentionRow.char_start"
    )


class MentionRow(Base):
    """One surface form of an entity, with its character offsets into ``documents.text``."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity_row_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    entity: Mapped[EntityRow] = relationship(back_populates="mentions")


class QuoteRow(Base):
    """One direct or indirect quote with its speaker."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int | None] = mapped_column(Integer)
    char_end: Mapped[int | None] = mapped_column(Integer)
    speaker: Mapped[str | None] = mapped_column(String, index=True)
    speaker_name: Mapped[str | None] = mapped_column(String, index=True)
    speaker_text: Mapped[str | None] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(String)
    via: Mapped[str | None] = mapped_column(String)

    document: Mapped[DocumentRow] = relationship(back_populates="quotes")


class EventRow(Base):
    """One coded event; ``position`` is its index in the document's ``events`` list (signals refer to it)."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_actor_target_type", "actor", "target", "type"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(16), index=True)
    mode: Mapped[str | None] = mapped_column(String)
    actor: Mapped[str | None] = mapped_column(String, index=True)
    target: Mapped[str | None] = mapped_column(String, index=True)
    item: Mapped[str | None] = mapped_column(String)
    status: Mapped[str] = mapped_column(String(16), index=True)
    source: Mapped[str | None] = mapped_column(String, index=True)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    text: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int | None] = mapped_column(Integer)
    char_end: Mapped[int | None] = mapped_column(Integer)

    document: Mapped[DocumentRow] = relationship(back_populates="events")


class SignalsRow(Base):
    """The credibility signals of one document; the counts as columns, the lists as JSON."""

    __tablename__ = "signals"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    anonymous_sources: Mapped[int] = mapped_column(Integer)
    duplicate_paragraphs: Mapped[int] = mapped_column(Integer)
    boilerplate_chars: Mapped[int] = mapped_column(Integer)
    named_sources: Mapped[int] = mapped_column(Integer)
    uncorroborated_events: Mapped[list[int]] = mapped_column(JSONType)
    contradicted_events: Mapped[list[int]] = mapped_column(JSONType)
    notes: Mapped[list[str]] = mapped_column(JSONType)

    document: Mapped[DocumentRow] = relationship(back_populates="signals")


class ClaimRow(Base):
    """One cross-document claim (``sorot.claim/1``): full JSON plus the columns to look it up by."""

    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_actor_target_type", "actor", "target", "type"),)

    id: Mapped[str] = mapped_column(String, primary_key=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    mode: Mapped[str | None] = mapped_column(String)
    actor: Mapped[str | None] = mapped_column(String, index=True)
    target: Mapped[str | None] = mapped_column(String, index=True)
    verdict: Mapped[str] = mapped_column(String(16), index=True)
    first_date: Mapped[str | None] = mapped_column(String(10))
    last_date: Mapped[str | None] = mapped_column(String(10))
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ErrorRow(Base):
    """A document that could not be read or analysed (``sorot.error/1``), tied to its run when known."""

    __tablename__ = "errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[str | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"), index=True)
    path: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    stage: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
