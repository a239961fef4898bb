"""Initial schema: documents with their normalised view, claims, runs and errors.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 08:34:07.748629
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "claims",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(), nullable=True),
        sa.Column("actor", sa.String(), nullable=True),
        sa.Column("target", sa.String(), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("first_date", sa.String(length=10), nullable=True),
        sa.Column("last_date", sa.String(length=10), nullable=True),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    op.create_index(op.f("ix_claims_actor"), "claims", ["actor"], unique=False)
    op.create_index("ix_claims_actor_target_type", "claims", ["actor", "target", "type"], unique=False)
    op.create_index(op.f("ix_claims_target"), "claims", ["target"], unique=False)
    op.create_index(op.f("ix_claims_type"), "claims", ["type"], unique=False)
    op.create_index(op.f("ix_claims_verdict"), "claims", ["verdict"], unique=False)
    op.create_table(
        "runs",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "meta",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "stats",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_runs")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("record_hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("language", sa.String(length=3), nullable=False),
        sa.Column("outlet", sa.String(), nullable=True),
        sa.Column("source_path", sa.Text(), nullable=True),
        sa.Column("source_url", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("run_id", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name=op.f("fk_documents_run_id_runs"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    op.create_index(op.f("ix_documents_content_hash"), "documents", ["content_hash"], unique=False)
    op.create_index(op.f("ix_documents_outlet"), "documents", ["outlet"], unique=False)
    op.create_index(op.f("ix_documents_published"), "documents", ["published"], unique=False)
    op.create_index(op.f("ix_documents_run_id"), "documents", ["run_id"], unique=False)
    op.create_table(
        "errors",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.String(length=32), nullable=True),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name=op.f("fk_errors_run_id_runs"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_errors")),
    )
    op.create_index(op.f("ix_errors_run_id"), "errors", ["run_id"], unique=False)
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("type", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_entities_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entities")),
    )
    op.create_index(op.f("ix_entities_document_id"), "entities", ["document_id"], unique=False)
    op.create_index(op.f("ix_entities_entity_id"), "entities", ["entity_id"], unique=False)
    op.create_index(op.f("ix_entities_name"), "entities", ["name"], unique=False)
    op.create_index(op.f("ix_entities_type"), "entities", ["type"], unique=False)
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(), nullable=True),
        sa.Column("actor", sa.String(), nullable=True),
        sa.Column("target", sa.String(), nullable=True),
        sa.Column("item", sa.String(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(), nullable=True),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=True),
        sa.Column("char_end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_events_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_index(op.f("ix_events_actor"), "events", ["actor"], unique=False)
    op.create_index("ix_events_actor_target_type", "events", ["actor", "target", "type"], unique=False)
    op.create_index(op.f("ix_events_date"), "events", ["date"], unique=False)
    op.create_index(op.f("ix_events_document_id"), "events", ["document_id"], unique=False)
    op.create_index(op.f("ix_events_source"), "events", ["source"], unique=False)
    op.create_index(op.f("ix_events_status"), "events", ["status"], unique=False)
    op.create_index(op.f("ix_events_target"), "events", ["target"], unique=False)
    op.create_index(op.f("ix_events_type"), "events", ["type"], unique=False)
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=True),
        sa.Column("char_end", sa.Integer(), nullable=True),
        sa.Column("speaker", sa.String(), nullable=True),
        sa.Column("speaker_name", sa.String(), nullable=True),
        sa.Column("speaker_text", sa.Text(), nullable=True),
        sa.Column("cue", sa.String(), nullable=True),
        sa.Column("via", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_quotes_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
    )
    op.create_index(op.f("ix_quotes_document_id"), "quotes", ["document_id"], unique=False)
    op.create_index(op.f("ix_quotes_speaker"), "quotes", ["speaker"], unique=False)
    op.create_index(op.f("ix_quotes_speaker_name"), "quotes", ["speaker_name"], unique=False)
    op.create_table(
        "signals",
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("anonymous_sources", sa.Integer(), nullable=False),
        sa.Column("duplicate_paragraphs", sa.Integer(), nullable=False),
        sa.Column("boilerplate_chars", sa.Integer(), nullable=False),
        sa.Column("named_sources", sa.Integer(), nullable=False),
        sa.Column(
            "uncorroborated_events",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "contradicted_events",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "notes",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_signals_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_signals")),
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity_row_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_mentions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_row_id"],
            ["entities.id"],
            name=op.f("fk_mentions_entity_row_id_entities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
    )
    op.create_index(op.f("ix_mentions_document_id"), "mentions", ["document_id"], unique=False)
    op.create_index(op.f("ix_mentions_entity_row_id"), "mentions", ["entity_row_id"], unique=False)


def downgrade() -> None:

    op.drop_index(op.f("ix_mentions_entity_row_id"), table_name="mentions")
    op.drop_index(op.f("ix_mentions_document_id"), table_name="mentions")
    op.drop_table("mentions")
    op.drop_table("signals")
    op.drop_index(op.f("ix_quotes_speaker_name"), table_name="quotes")
    op.drop_index(op.f("ix_quotes_speaker"), table_name="quotes")
    op.drop_index(op.f("ix_quotes_document_id"), table_name="quotes")
    op.drop_table("quotes")
    op.drop_index(op.f("ix_events_type"), table_name="events")
    op.drop_index(op.f("ix_events_target"), table_name="events")
    op.drop_index(op.f("ix_events_status"), table_name="events")
    op.drop_index(op.f("ix_events_source"), table_name="events")
    op.drop_index(op.f("ix_events_document_id"), table_name="events")
    op.drop_index(op.f("ix_events_date"), table_name="events")
    op.drop_index("ix_events_actor_target_type", table_name="events")
    op.drop_index(op.f("ix_events_actor"), table_name="events")
    op.drop_table("events")
    op.drop_index(op.f("ix_entities_type"), table_name="entities")
    op.drop_index(op.f("ix_entities_name"), table_name="entities")
    op.drop_index(op.f("ix_entities_entity_id"), table_name="entities")
    op.drop_index(op.f("ix_entities_document_id"), table_name="entities")
    op.drop_table("entities")
    op.drop_index(op.f("ix_errors_run_id"), table_name="errors")
    op.drop_table("errors")
    op.drop_index(op.f("ix_documents_run_id"), table_name="documents")
    op.drop_index(op.f("ix_documents_published"), table_name="documents")
    op.drop_index(op.f("ix_documents_outlet"), table_name="documents")
    op.drop_index(op.f("ix_documents_content_hash"), table_name="documents")
    op.drop_table("documents")
    op.drop_table("runs")
    op.drop_index(op.f("ix_claims_verdict"), table_name="claims")
    op.drop_index(op.f("ix_claims_type"), table_name="claims")
    op.drop_index(op.f("ix_claims_target"), table_name="claims")
    op.drop_index("ix_claims_actor_target_type", table_name="claims")
    op.drop_index(op.f("ix_claims_actor"), table_name="claims")
    op.drop_table("claims")
