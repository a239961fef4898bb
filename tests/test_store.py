"""Storage tests, run against both SQLite (a file in tmp_path) and the PostgreSQL server at 127.0.0.1:5432.

PostgreSQL tests use a throwaway database created for this test session and dropped at its end. When the
server cannot be reached they fail, unless ``SOROT_SKIP_PG=1`` says this machine has no PostgreSQL.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from sorot.contract import (
    Claim,
    Document,
    Entity,
    ErrorRecord,
    Event,
    Mention,
    Quote,
    Removed,
    Signals,
    Source,
    Stance,
)
from sorot.store import Store, content_hash, normalise_url
from sorot.store.migrate import current_revision, head_revision
from sorot.store.models import Base, EntityRow, EventRow, MentionRow, QuoteRow, SignalsRow

PG_HOST = os.environ.get("SOROT_PG_HOST", "127.0.0.1")
PG_ADMIN_DSN = f"host={PG_HOST} port=5432 user=postgres dbname=postgres connect_timeout=5"


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped afterwards."""
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(PG_ADMIN_DSN, autocommit=True)
    except psycopg.OperationalError as exc:
        if os.environ.get("SOROT_SKIP_PG") == "1":
            pytest.skip(f"PostgreSQL unreachable and SOROT_SKIP_PG=1: {exc}")
        pytest.fail(f"PostgreSQL at {PG_HOST}:5432 unreachable (set SOROT_SKIP_PG=1 to skip): {exc}")
    name = f"sorot_test_{uuid.uuid4().hex[:12]}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"postgresql+psycopg://postgres@{PG_HOST}:5432/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _drop_everything(store: Store) -> None:
    """Leave the shared PostgreSQL database empty, so the next test migrates from scratch."""
    Base.metadata.drop_all(store.engine)
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'nested' / 'sorot.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    st = Store(db_url)
    try:
        yield st
    finally:
        if st.engine.dialect.name == "postgresql":
            _drop_everything(st)
        st.close()


def make_doc(doc_id: str = "banjir-001") -> Document:
    """A small analysed article of my own about a flood, with every layer filled."""
    body = (
        "Banjir merendam 300 rumah di Demak, Jawa Tengah, Senin (5/2).\n\n"
        "“Kami sudah mengirim perahu karet dan makanan,” kata Kepala BPBD Jawa Tengah Bergas Penanggungan.\n\n"
        "Menurut seorang warga yang enggan disebut namanya, tanggul jebol sejak pagi."
    )
    demak = body.index("Demak")
    jateng = body.index("Jawa Tengah")
    bpbd = body.index("BPBD Jawa Tengah")
    bergas = body.index("Bergas Penanggungan")
    quote_start = body.index("Kami sudah")
    return Document(
        id=doc_id,
        source=Source(path="berita/banjir.txt", outlet="Kabar Pantura"),
        title="Banjir Rendam Ratusan Rumah di Demak",
        published="2024-02-06",
        text=body,
        removed=[Removed(kind="share", text="Bagikan ke WhatsApp")],
        cited_outlets=["Antara"],
        entities=[
            Entity(
                id="Q3707",
                name="Demak",
                type="GPE",
                mentions=[Mention(start=demak, end=demak + 5, text="Demak")],
            ),
            Entity(
                id="Q3557",
                name="Central Java",
                type="GPE",
                mentions=[Mention(start=jateng, end=jateng + 11, text="Jawa Tengah")],
            ),
            Entity(
                id="sorot:bpbd-jawa-tengah",
                name="BPBD Central Java",
                type="ORG",
                mentions=[Mention(start=bpbd, end=bpbd + 16, text="BPBD Jawa Tengah")],
            ),
            Entity(
                id="sorot:bergas-penanggungan",
                name="Bergas Penanggungan",
                type="PER",
                mentions=[Mention(start=bergas, end=bergas + 19, text="Bergas Penanggungan")],
            ),
        ],
        quotes=[
            Quote(
                kind="direct",
                text="Kami sudah mengirim perahu karet dan makanan,",
                start=quote_start,
                end=quote_start + 45,
                speaker="sorot:bergas-penanggungan",
                speaker_name="Bergas Penanggungan",
                speaker_text="Kepala BPBD Jawa Tengah Bergas Penanggungan",
                cue="kata",
            ),
            Quote(kind="indirect", text="tanggul jebol sejak pagi", speaker_name=None, cue="menurut"),
        ],
        events=[
            Event(
                type="AID",
                mode="humanitarian",
                actor="BPBD Central Java",
                target="Demak",
                item="food",
                status="asserted",
                source="Bergas Penanggungan",
                date="2024-02-05",
                text="Kami sudah mengirim perahu karet dan makanan",
            ),
            Event(type="REQUEST", actor="Demak", target="Central Java", status="potential", date=None),
        ],
        signals=Signals(
            anonymous_sources=1, named_sources=1, uncorroborated_events=[0], notes=["satu sumber anonim"]
        ),
    )


def test_migrations_create_schema(store: Store) -> None:
    tables = set(inspect(store.engine).get_table_names())
    expected = {
        "documents",
        "entities",
        "mentions",
        "quotes",
        "events",
        "signals",
        "claims",
        "runs",
        "errors",
    }
    assert expected <= tables
    assert "alembic_version" in tables
    assert current_revision(store.engine) == head_revision() is not None
    index_cols = {tuple(ix["column_names"]) for ix in inspect(store.engine).get_indexes("events")}
    assert {("actor",), ("target",), ("type",)} <= index_cols
    assert ("name",) in {tuple(ix["column_names"]) for ix in inspect(store.engine).get_indexes("entities")}


def test_migrations_match_models(store: Store) -> None:
    """The shipped migration produces exactly what the ORM models describe (no forgotten column)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_reopen_does_not_remigrate(db_url: str) -> None:
    with Store(db_url) as first:
        first.save_document(make_doc())
    with Store(db_url) as second:
        try:
            assert second.count_documents() == 1
        finally:
            if second.engine.dialect.name == "postgresql":
                _drop_everything(second)


def test_save_twice_is_stored_once(store: Store) -> None:
    doc = make_doc()
    assert store.save_document(doc) == "inserted"
    assert store.save_document(doc) == "unchanged"
    assert store.save_document(Document.model_validate(doc.to_json_dict())) == "unchanged"
    assert store.count_documents() == 1
    with store.session() as s:
        assert len(s.scalars(select(EntityRow)).all()) == 4
        assert len(s.scalars(select(EventRow)).all()) == 2


def test_reanalysis_updates_and_rebuilds_view(store: Store) -> None:
    doc = make_doc()
    store.save_document(doc)
    changed = doc.model_copy(deep=True)
    changed.events = changed.events[:1]
    changed.events[0].status = "planned"
    changed.entities = changed.entities[:2]
    assert store.save_document(changed) == "updated"
    assert store.count_documents() == 1
    assert store.get_document(doc.id) == changed
    with store.session() as s:
        events = s.scalars(select(EventRow)).all()
        assert [(e.type, e.status) for e in events] == [("AID", "planned")]
        assert sorted(s.scalars(select(EntityRow.name)).all()) == ["Central Java", "Demak"]
        assert len(s.scalars(select(MentionRow)).all()) == 2
        assert len(s.scalars(select(SignalsRow)).all()) == 1


def test_round_trip_equals_original(store: Store) -> None:
    doc = make_doc()
    store.save_document(doc)
    back = store.get_document(doc.id)
    assert back == doc
    assert back is not None and back.to_json_dict() == doc.to_json_dict()
    assert store.get_document("no-such-id") is None


def test_extra_fields_round_trip(store: Store) -> None:
    """The contract allows added fields; the store must not lose them."""
    data = make_doc().to_json_dict()
    data["analyser"] = {"version": "0.1.0", "pipeline": ["sorot_quotes"]}
    data["events"][0]["confidence"] = 0.75
    doc = Document.model_validate(data)
    store.save_document(doc)
    back = store.get_document(doc.id)
    assert back is not None
    assert back.to_json_dict()["analyser"] == {"version": "0.1.0", "pipeline": ["sorot_quotes"]}
    assert back.to_json_dict()["events"][0]["confidence"] == 0.75


def test_entity_event_quote_tables_filled(store: Store) -> None:
    doc = make_doc()
    store.save_document(doc)
    with store.session() as s:
        ents = {e.name: (e.entity_id, e.type) for e in s.scalars(select(EntityRow))}
        assert ents["Demak"] == ("Q3707", "GPE")
        assert ents["Bergas Penanggungan"] == ("sorot:bergas-penanggungan", "PER")
        quotes = s.scalars(select(QuoteRow).order_by(QuoteRow.position)).all()
        assert [q.speaker_name for q in quotes] == ["Bergas Penanggungan", None]
        sig = s.get(SignalsRow, doc.id)
        assert sig is not None and (sig.anonymous_sources, sig.named_sources) == (1, 1)
        assert sig.uncorroborated_events == [0]
    mentions = store.entity_mentions("Demak")
    assert [(m["start"], m["end"], m["text"]) for m in mentions] == [
        (doc.text.index("Demak"), doc.text.index("Demak") + 5, "Demak")
    ]
    assert doc.text[mentions[0]["start"] : mentions[0]["end"]] == "Demak"
    assert [q["cue"] for q in store.entity_quotes("Bergas Penanggungan")] == ["kata"]
    demak_events = store.events("Demak")
    assert [(e["type"], e["date"]) for e in demak_events] == [("AID", "2024-02-05"), ("REQUEST", None)]


def test_timeline_orders_by_date(store: Store) -> None:
    later = make_doc("pemilu-2")
    later.events = [Event(type="CONSULT", actor="Demak", target="Central Java", date="2024-03")]
    earlier = make_doc("pemilu-1")
    earlier.events = [Event(type="AGREE", actor="Central Java", target="Demak", date="2023-11-20")]
    undated = make_doc("pemilu-3")
    undated.events = [Event(type="SUPPORT", actor="Demak", target="Central Java")]
    for d in (later, undated, earlier):
        store.save_document(d)
    assert [e["type"] for e in store.events()] == ["AGREE", "CONSULT", "SUPPORT"]
    assert [e["type"] for e in store.events(dated_only=True)] == ["AGREE", "CONSULT"]


def test_iter_documents_and_content_hash(store: Store) -> None:
    for i in range(5):
        store.save_document(make_doc(f"doc-{i}"))
    ids = [d.id for d in store.iter_documents(batch_size=2)]
    assert ids == [f"doc-{i}" for i in range(5)]
    assert store.count_documents() == 5
    assert sorted(store.find_by_content(make_doc().text)) == ids
    with store.session() as s:
        hashes = set(s.scalars(text("SELECT content_hash FROM documents")))
    assert hashes == {content_hash(make_doc().text)}


def test_delete_document_removes_view_rows(store: Store) -> None:
    store.save_document(make_doc("a"))
    store.save_document(make_doc("b"))
    assert store.delete_document("a") is True
    assert store.delete_document("a") is False
    with store.session() as s:
        assert set(s.scalars(select(EntityRow.document_id))) == {"b"}
        assert set(s.scalars(select(MentionRow.document_id))) == {"b"}


def test_unicode_text(store: Store) -> None:
    doc = make_doc("unicode-ü")
    doc.text = "Pelatih Timnas berkata: “Kami siap!” — skor 2–1 ⚽, 東京 dan Zürich; emoji 🇮🇩."
    doc.title = "Timnas Menang 2–1 ⚽"
    doc.entities = [Entity(id="Q72", name="Zürich", type="GPE", mentions=[Mention(start=0, end=1, text="Z")])]
    store.save_document(doc)
    back = store.get_document("unicode-ü")
    assert back is not None
    assert back.text == doc.text and back.title == doc.title
    assert store.entity_mentions("Zürich")[0]["document_id"] == "unicode-ü"


def test_errors_stored_with_run(store: Store) -> None:
    run = store.start_run({"inputs": ["data/pemilu/"], "pipeline": ["sorot_quotes"]})
    store.save_error(ErrorRecord(path="data/pemilu/rusak.html", reason="tidak bisa dibaca: bukan UTF-8"), run)
    store.save_error(ErrorRecord(path="data/lain.txt", reason="kosong", stage="clean"))
    store.save_document(make_doc(), run_id=run)
    store.finish_run(run, {"documents": 1, "errors": 1})
    errors = list(store.iter_errors(run))
    assert [(e.path, e.stage) for e in errors] == [("data/pemilu/rusak.html", "ingest")]
    assert len(list(store.iter_errors())) == 2
    info = store.get_run(run)
    assert info is not None
    assert info["meta"]["inputs"] == ["data/pemilu/"]
    assert info["stats"] == {"documents": 1, "errors": 1}
    assert info["finished_at"] is not None
    with pytest.raises(KeyError):
        store.finish_run("missing", {})


def test_claims_upsert_and_replace(store: Store) -> None:
    def claim(cid: str, verdict: str) -> Claim:
        return Claim.model_validate(
            {
                "id": cid,
                "type": "SANCTION",
                "actor": "European Union",
                "target": "Belarus",
                "support": [Stance(doc="a", source="European Union", status="asserted").model_dump()],
                "verdict": verdict,
            }
        )

    assert store.save_claims([claim("c1", "single-source"), claim("c2", "unverified")])["inserted"] == 2
    counts = store.save_claims([claim("c1", "corroborated"), claim("c2", "unverified")])
    assert (counts["updated"], counts["unchanged"]) == (1, 1)
    assert {c.id: c.verdict for c in store.iter_claims()} == {"c1": "corroborated", "c2": "unverified"}
    assert store.save_claims([claim("c2", "unverified")], replace=True)["deleted"] == 1
    back = list(store.iter_claims())
    assert [c.id for c in back] == ["c2"]
    assert back[0] == claim("c2", "unverified")


def test_normalise_url() -> None:
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("out/sorot.db") == "sqlite:///out/sorot.db"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"


def test_in_memory_sqlite_shares_one_database() -> None:
    with Store("sqlite://") as st:
        st.save_document(make_doc())
        assert st.count_documents() == 1


def test_session_helper_is_plain_orm(store: Store) -> None:
    store.save_document(make_doc())
    with store.session() as s:
        assert isinstance(s, Session)
        assert s.scalar(select(EventRow.actor).where(EventRow.type == "AID")) == "BPBD Central Java"
