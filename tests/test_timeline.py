"""The story timeline (sorot.verify.timeline) on small corpora written for these tests."""

from __future__ import annotations

from sorot.contract import Document, Event, Source
from sorot.verify.timeline import build_timeline, format_timeline, item_family


def _doc(doc_id: str, outlet: str, events: list[Event], published: str | None = None) -> Document:
    return Document(
        id=doc_id,
        source=Source(path=f"{doc_id}.txt", outlet=outlet),
        title=f"Berita {doc_id}",
        published=published,
        events=events,
    )


def _corpus() -> list[Document]:
    a = _doc(
        "a",
        "Harian Satu",
        [
            Event(
                type="AID",
                mode="military",
                actor="Iran",
                target="Russia",
                item="drones",
                status="asserted",
                source="United States",
                date="2024-06",
                text="AS menuduh Iran memasok drone ke Rusia.",
            ),
            Event(
                type="CONSULT",
                actor="Indonesia",
                target="Malaysia",
                status="asserted",
                date="2024-06-03",
                text="Menlu RI bertemu Menlu Malaysia pada 3 Juni 2024.",
            ),
            Event(
                type="SANCTION",
                actor="European Union",
                target="Iran",
                status="planned",
                date=None,
                text="Uni Eropa akan menjatuhkan sanksi baru.",
            ),
        ],
        published="2024-06-10",
    )
    b = _doc(
        "b",
        "Kabar Dua",
        [
            # same claim, same date, a more specific item of the same family: one entry with a
            Event(
                type="AID",
                mode="military",
                actor="Iran",
                target="Russia",
                item="ballistic missiles",
                status="asserted",
                source="Reuters",
                date="2024-06",
                text="Iran mengirim rudal balistik ke Rusia.",
            ),
            # the denial of the same claim at the same date joins it too
            Event(
                type="AID",
                mode="military",
                actor="Iran",
                target="Russia",
                item="weapons",
                status="denied",
                source="Iran",
                date="2024-06",
                text="Teheran membantah memasok senjata ke Rusia.",
            ),
            # nuclear weapons never merge with conventional arms
            Event(
                type="AID",
                mode="military",
                actor="Iran",
                target="Russia",
                item="nuclear weapons",
                status="potential",
                source="anonymous",
                date="2024-06",
                text="Sumber menyebut tawaran nuklir.",
            ),
            Event(
                type="ASSAULT",
                actor="Russia",
                target="Ukraine",
                status="asserted",
                date="2023-12-30",
                text="Rusia menyerang Kharkiv pada 30 Desember 2023.",
            ),
            Event(
                type="SANCTION",
                actor="European Union",
                target="Iran",
                status="planned",
                date=None,
                text="UE bersiap menjatuhkan sanksi.",
            ),
        ],
    )
    return [a, b]


def test_entries_are_in_date_order_with_undated_last() -> None:
    entries = build_timeline(_corpus())
    dates = [e.date for e in entries]
    assert dates == ["2023-12-30", "2024-06", "2024-06", "2024-06-03", None]
    assert entries[0].type == "ASSAULT"
    assert entries[-1].type == "SANCTION"


def test_same_claim_collapses_across_documents() -> None:
    entries = build_timeline(_corpus())
    aid = [e for e in entries if e.type == "AID" and e.family == "weapons"]
    assert len(aid) == 1
    entry = aid[0]
    assert entry.documents == ["a", "b"]
    assert entry.sources == ["United States", "Reuters", "Iran"]
    assert entry.statuses == ["asserted", "denied"]
    assert entry.items[0] == "ballistic missiles"  # the most specific name first
    assert set(entry.items) == {"drones", "ballistic missiles", "weapons"}
    undated = [e for e in entries if e.date is None]
    assert len(undated) == 1 and undated[0].documents == ["a", "b"]


def test_weapons_of_mass_destruction_stay_apart() -> None:
    entries = build_timeline(_corpus())
    nuclear = [e for e in entries if e.family == "weapons of mass destruction"]
    assert len(nuclear) == 1 and nuclear[0].documents == ["b"]
    assert item_family("rockets") == item_family("artillery ammunition") == "weapons"
    assert item_family("nuclear weapons") != item_family("missiles")
    assert item_family("rice seedlings") == "rice seedlings"  # unknown items are their own family
    assert item_family(None) is None


def test_different_dates_stay_apart() -> None:
    docs = [
        _doc("x", "Pos Tiga", [Event(type="ASSAULT", actor="Russia", target="Ukraine", date="2023-12-30")]),
        _doc("y", "Pos Empat", [Event(type="ASSAULT", actor="Russia", target="Ukraine", date="2024-01-02")]),
    ]
    entries = build_timeline(docs)
    assert [(e.date, e.documents) for e in entries] == [("2023-12-30", ["x"]), ("2024-01-02", ["y"])]


def test_undated_can_be_left_out() -> None:
    entries = build_timeline(_corpus(), include_undated=False)
    assert all(e.date for e in entries)
    assert len(entries) == 4


def test_coarse_date_sorts_before_finer_dates_inside_it() -> None:
    docs = [
        _doc(
            "p",
            "Warta",
            [
                Event(type="PROTEST", actor="Indonesia", date="2024-06-15"),
                Event(type="AGREE", actor="Indonesia", target="Japan", date="2024"),
                Event(type="CONSULT", actor="Indonesia", target="Japan", date="2024-06"),
            ],
        )
    ]
    assert [e.date for e in build_timeline(docs)] == ["2024", "2024-06", "2024-06-15"]


def test_format_timeline_is_a_plain_table() -> None:
    text = format_timeline(build_timeline(_corpus()))
    lines = text.splitlines()
    assert lines[0].split() == ["DATE", "EVENT", "STATUS", "SOURCES", "DOCUMENTS"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[2].startswith("2023-12-30")
    assert "ASSAULT Russia -> Ukraine" in lines[2]
    assert lines[-1].startswith("undated")
    assert any("asserted/denied" in line for line in lines)
    assert len(lines) == 2 + 5
    assert format_timeline([]) == "(no events)"


def test_to_dict_is_json_ready() -> None:
    import json

    entries = build_timeline(_corpus())
    data = json.loads(json.dumps([e.to_dict() for e in entries]))
    assert data[1]["documents"] == ["a", "b"] or data[2]["documents"] == ["a", "b"]
    assert all("mentions" in d and d["mentions"] for d in data)


def test_read_documents_skips_error_records(tmp_path) -> None:
    import json

    from sorot.verify.timeline import read_documents

    path = tmp_path / "out.jsonl"
    lines = [json.dumps(d.to_json_dict()) for d in _corpus()]
    lines.insert(1, json.dumps({"schema": "sorot.error/1", "path": "rusak.html", "reason": "tidak terbaca"}))
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    docs = list(read_documents(path))
    assert [d.id for d in docs] == ["a", "b"]
    assert len(build_timeline(docs)) == 5


def test_symmetric_claims_collapse_in_either_order() -> None:
    """An agreement or cooperation has no direction: outlets naming the parties in a different order
    report one happening; a directed act (a visit) keeps its direction."""
    docs = [
        _doc(
            "m",
            "Warta Niaga",
            [
                Event(
                    type="AGREE",
                    actor="Indonesia",
                    target="Australia",
                    status="asserted",
                    date="2024-07",
                    text="Indonesia dan Australia meneken perjanjian pertahanan pada Juli 2024.",
                ),
                Event(type="CONSULT", mode="visit", actor="Indonesia", target="Australia", date="2024-07"),
            ],
        ),
        _doc(
            "n",
            "Kabar Selatan",
            [
                Event(
                    type="AGREE",
                    actor="Australia",
                    target="Indonesia",
                    status="asserted",
                    date="2024-07",
                    text="Australia dan Indonesia menandatangani pakta pertahanan, Juli 2024.",
                ),
                Event(type="CONSULT", mode="visit", actor="Australia", target="Indonesia", date="2024-07"),
            ],
        ),
    ]
    entries = build_timeline(docs)
    agree = [e for e in entries if e.type == "AGREE"]
    assert len(agree) == 1 and agree[0].documents == ["m", "n"]
    assert (agree[0].actor, agree[0].target) == ("Indonesia", "Australia")  # as first reported
    assert len([e for e in entries if e.type == "CONSULT"]) == 2


def test_demo_corpus_timeline_from_its_jsonl(tmp_path) -> None:
    """The bundled demo corpus end to end: analysed to JSONL, read back, ordered by date with sources;
    the Armed Forces Day parade both Korean reports date to 1 October is one entry with two documents."""
    import json
    from pathlib import Path

    from sorot.runner import Analyzer
    from sorot.verify.timeline import read_documents

    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    out = tmp_path / "demo.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for record in Analyzer().analyze_paths([str(corpus)]):
            if isinstance(record, Document):
                fh.write(json.dumps(record.to_json_dict()) + "\n")
    entries = build_timeline(read_documents(out))
    dated = [e.date for e in entries if e.date]
    assert dated and dated == sorted(dated, key=lambda d: [int(p) for p in d.split("-")])
    assert all(e.sources for e in entries)
    parade = [e for e in entries if e.type == "MOBILIZE" and e.date == "2024-10-01"]
    assert len(parade) == 1 and len(parade[0].documents) == 2
