"""Tests of ``sorot.evaluate``: hand-built gold and predictions with known figures, and the seed gold as a
perfect prediction (read from ../shared at run time, skipped when absent)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from sorot.contract import Claim, Document
from sorot.evaluate import (
    PRF,
    evaluate,
    evaluate_records,
    greedy_match,
    load_jsonl,
    quote_match_strength,
)

# -- helpers -------------------------------------------------------------------------------------------


def gold_doc(doc_id: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": doc_id,
        "title": None,
        "published": None,
        "outlet": None,
        "cited_outlets": [],
        "entities": [],
        "quotes": [],
        "events": [],
        "signals": {"anonymous_sources": 0, "duplicate_paragraphs": 0, "named_sources": 0},
        "removed": [],
    }
    base.update(fields)
    return base


def pred_doc(doc_id: str, **fields: Any) -> dict[str, Any]:
    """A prediction record that passes the contract model (so tests feed realistic records)."""
    return Document.model_validate({"schema": "sorot.document/1", "id": doc_id, **fields}).to_json_dict()


def write_case(
    tmp_path: Path,
    gold: list[dict[str, Any]],
    preds: list[dict[str, Any]],
    gold_claims: list[dict[str, Any]] | None = None,
) -> tuple[Path, Path]:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for g in gold:
        (gold_dir / f"{g['id']}.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    if gold_claims is not None:
        (gold_dir / "claims.json").write_text(json.dumps(gold_claims), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    return gold_dir, pred


def ev(type_: str, actor: str | None, target: str | None, **kw: Any) -> dict[str, Any]:
    out = {"type": type_, "mode": None, "actor": actor, "target": target, "item": None, "status": "asserted"}
    out.update({"source": None, "date": None})
    out.update(kw)
    return out


# -- events --------------------------------------------------------------------------------------------

ELECTION_EVENTS = [
    ev(
        "CONSULT",
        "General Elections Commission",
        "Indonesia",
        status="planned",
        source="Hasyim Asyari",
        date="2024-01-15",
    ),
    ev("REQUEST", "Bawaslu", "General Elections Commission", source="Rahmat Bagja"),
    ev("ACCUSE", "Democratic Party", "General Elections Commission", source="Democratic Party"),
]


def test_events_two_of_three_matched(tmp_path: Path) -> None:
    gold = gold_doc("pemilu-01", events=ELECTION_EVENTS)
    pred = pred_doc(
        "pemilu-01",
        events=[
            # matched; source wrong (null for a named source); date right
            ev("CONSULT", "general elections commission", "Indonesia", status="planned", date="2024-01-15"),
            # matched; all attributes right except a date the gold does not have
            ev("REQUEST", "Bawaslu", "General Elections Commission", source="Rahmat Bagja", date="2024-01"),
            # spurious
            ev("SUPPORT", "Bawaslu", "Democratic Party"),
        ],
    )
    report = evaluate(*write_case(tmp_path, [gold], [pred]))
    s = report.scores["events.type_actor_target"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    assert round(s.recall, 3) == 0.667
    assert round(s.precision, 3) == 0.667
    assert report.accuracies["events.status"].value == 1.0
    assert report.accuracies["events.source"].value == 0.5
    assert (report.accuracies["events.date"].correct, report.accuracies["events.date"].total) == (1, 1)
    assert (report.accuracies["events.date_all"].correct, report.accuracies["events.date_all"].total) == (
        1,
        2,
    )
    # looser variant: type only still leaves ACCUSE unmatched and SUPPORT spurious
    loose = report.scores["events.type"]
    assert (loose.tp, loose.fp, loose.fn) == (2, 1, 1)
    fn = [m.detail for m in report.errors if m.layer == "events" and m.kind == "FN"]
    fp = [m.detail for m in report.errors if m.layer == "events" and m.kind == "FP"]
    assert len(fn) == 1 and fn[0].startswith("ACCUSE Democratic Party -> General Elections Commission")
    assert len(fp) == 1 and fp[0].startswith("SUPPORT Bawaslu -> Democratic Party")
    per_doc = report.per_doc["pemilu-01"]["events.type_actor_target"]
    assert isinstance(per_doc, PRF) and round(per_doc.recall, 3) == 0.667


def test_strict_event_variant_needs_item(tmp_path: Path) -> None:
    gold = gold_doc("dagang-01", events=[ev("SANCTION", "China", "Australia", item="wine")])
    pred = pred_doc("dagang-01", events=[ev("SANCTION", "China", "Australia", item="barley")])
    report = evaluate(*write_case(tmp_path, [gold], [pred]))
    assert report.scores["events.type_actor_target"].tp == 1
    assert report.scores["events.strict"].tp == 0
    assert report.accuracies["events.item"].value == 0.0


def test_event_matching_prefers_agreeing_candidate() -> None:
    """Two gold attacks with different dates: each pairs with the prediction of its own date."""
    gold = gold_doc(
        "serang-01",
        events=[
            ev("ASSAULT", "Israel", "Lebanon", date="2024-09-23"),
            ev("ASSAULT", "Israel", "Lebanon", date="2024-09-20"),
        ],
    )
    pred = pred_doc(
        "serang-01",
        events=[
            ev("ASSAULT", "Israel", "Lebanon", date="2024-09-20"),
            ev("ASSAULT", "Israel", "Lebanon", date="2024-09-23"),
        ],
    )
    report = evaluate_records({"serang-01": gold}, [pred])
    assert report.accuracies["events.date"].value == 1.0


def test_greedy_match_is_one_to_one() -> None:
    pairs = greedy_match(2, 1, lambda gi, pi: (1.0,))
    assert pairs == [(0, 0)]
    pairs = greedy_match(2, 2, lambda gi, pi: (float(gi == pi),) if gi == 1 or gi == pi else None)
    assert pairs == [(0, 0), (1, 1)]


# -- quotes --------------------------------------------------------------------------------------------


def test_quote_prefix_strengths() -> None:
    prefix = "Kami akan menurunkan harga tiket kereta api bulan depan"
    assert quote_match_strength(prefix, "kami akan menurunkan harga tiket kereta api bulan depan") == 5
    assert (
        quote_match_strength(prefix, "Kami akan menurunkan harga tiket kereta api bulan depan, kata dia.")
        == 4
    )
    assert quote_match_strength(prefix, "Ya, kami akan menurunkan harga tiket kereta api bulan depan") == 3
    assert quote_match_strength(prefix, "Kami akan menurunkan harga tiket kereta mulai Senin") == 2
    assert quote_match_strength(prefix, "Tahun depan kami akan menurunkan harga tiket kereta listrik") == 1
    assert quote_match_strength(prefix, "Kami akan menurunkan harga tiket pesawat") == 0
    # the six-word head fallback only applies to longer prefixes
    assert quote_match_strength("tidak ada komentar", "tidak ada") == 0


def test_quote_curly_vs_straight_quotes(tmp_path: Path) -> None:
    gold = gold_doc(
        "bola-01",
        quotes=[
            {
                "kind": "direct",
                "speaker_name": "Shin Tae-yong",
                "text_prefix": "Para pemain sudah bekerja keras malam ini",
                "cue": "kata",
                "via": None,
            },
            {
                "kind": "direct",
                "speaker_name": "Shin Tae-yong",
                "text_prefix": "'kerja keras'",
                "cue": "ujar",
                "via": None,
            },
            {
                "kind": "indirect",
                "speaker_name": None,
                "text_prefix": "beberapa pemain mengalami cedera ringan",
                "cue": "menurut",
                "via": None,
            },
        ],
    )
    pred = pred_doc(
        "bola-01",
        quotes=[
            {
                "kind": "direct",
                "text": "“Para pemain sudah bekerja keras malam ini, saya bangga,”",
                "speaker_name": "shin tae-yong",
                "cue": "kata",
            },
            {"kind": "direct", "text": "‘Kerja Keras’", "speaker_name": "Shin Tae-yong", "cue": "ujar"},
            {
                "kind": "indirect",
                "text": "beberapa pemain mengalami cedera ringan usai laga",
                "speaker_name": None,
                "cue": "Menurut",
                "via": "Antara",
            },
            {
                "kind": "direct",
                "text": "Kami akan kembali lebih kuat",
                "speaker_name": "Pratama Arhan",
                "cue": "kata",
            },
        ],
    )
    report = evaluate(*write_case(tmp_path, [gold], [pred]))
    s = report.scores["quotes.detection"]
    assert (s.tp, s.fp, s.fn) == (3, 1, 0)
    assert report.accuracies["quotes.speaker"].value == 1.0  # null speaker == null speaker counts as right
    assert report.accuracies["quotes.cue"].value == 1.0
    via = report.accuracies["quotes.via"]
    assert (via.correct, via.total) == (2, 3)
    assert report.accuracies["quotes.kind"].value == 1.0


def test_partial_quote_pairs_with_exact_text_not_containing_quote() -> None:
    """A short partial quote pairs with the prediction that is exactly it, leaving the long one for the
    reported speech that contains the same words."""
    gold = gold_doc(
        "sidang-01",
        quotes=[
            {
                "kind": "indirect",
                "speaker_name": "Attorney General",
                "text_prefix": "terdakwa harus 'dihukum berat' karena merugikan negara",
                "cue": "menuntut",
                "via": None,
            },
            {
                "kind": "direct",
                "speaker_name": "Attorney General",
                "text_prefix": "dihukum berat",
                "cue": "menuntut",
                "via": None,
            },
        ],
    )
    pred = pred_doc(
        "sidang-01",
        quotes=[
            {
                "kind": "indirect",
                "text": 'terdakwa harus "dihukum berat" karena merugikan negara triliunan rupiah',
                "speaker_name": "Attorney General",
                "cue": "menuntut",
            },
            {
                "kind": "direct",
                "text": "dihukum berat",
                "speaker_name": "Attorney General",
                "cue": "menuntut",
            },
        ],
    )
    report = evaluate_records({"sidang-01": gold}, [pred])
    assert report.scores["quotes.detection"].tp == 2
    assert report.accuracies["quotes.kind"].value == 1.0


# -- metadata, nulls, missing documents ----------------------------------------------------------------


def test_published_null_handling_and_title(tmp_path: Path) -> None:
    gold = [
        gold_doc("a", published=None, title="Harga Cabai Melonjak"),
        gold_doc("b", published="2024-03-01", title="Timnas Lolos  ke Final"),
        gold_doc("c", published=None, title="Sidang Ditunda"),
    ]
    preds = [
        pred_doc("a", published=None, title="Harga Cabai Melonjak"),  # null == null: right
        pred_doc("b", published="2024-03-01", title="Timnas Lolos ke Final"),  # whitespace-only difference
        pred_doc("c", published="2024-03-02", title="Sidang Ditunda Pekan Depan"),
    ]
    report = evaluate(*write_case(tmp_path, gold, preds))
    pub = report.accuracies["metadata.published"]
    title = report.accuracies["metadata.title"]
    assert (pub.correct, pub.total) == (2, 3)
    assert (title.correct, title.total) == (2, 3)
    wrong = [m.detail for m in report.errors if m.layer == "metadata"]
    assert wrong == [
        "published: gold None, predicted '2024-03-02'",
        "title: gold 'Sidang Ditunda', predicted 'Sidang Ditunda Pekan Depan'",
    ]


def test_missing_document_counts_as_all_missed(tmp_path: Path) -> None:
    gold = [
        gold_doc(
            "hadir",
            entities=[{"name": "Surabaya", "type": "GPE", "mentions": ["Surabaya"]}],
            events=[ev("AID", "Surabaya", "Madura", item="food")],
        ),
        gold_doc(
            "hilang",
            published=None,
            entities=[
                {"name": "World Health Organization", "type": "ORG", "mentions": ["WHO"]},
                {"name": "Tedros Adhanom Ghebreyesus", "type": "PER", "mentions": ["Tedros"]},
            ],
            quotes=[
                {
                    "kind": "direct",
                    "speaker_name": "Tedros Adhanom Ghebreyesus",
                    "text_prefix": "Vaksin harus sampai ke semua negara",
                    "cue": "kata",
                    "via": None,
                }
            ],
            events=[ev("REQUEST", "World Health Organization", None)],
            signals={"anonymous_sources": 0, "duplicate_paragraphs": 0, "named_sources": 2},
        ),
    ]
    preds = [
        pred_doc(
            "hadir",
            entities=[
                {
                    "id": "Q8678",
                    "name": "Surabaya",
                    "type": "GPE",
                    "mentions": [{"start": 0, "end": 8, "text": "Surabaya"}],
                }
            ],
            events=[ev("AID", "Surabaya", "Madura", item="food")],
        ),
        {"schema": "sorot.error/1", "path": "rusak.html", "reason": "tidak terbaca", "stage": "ingest"},
    ]
    report = evaluate(*write_case(tmp_path, gold, preds))
    assert report.missing_docs == ["hilang"]
    assert report.skipped_records == 1
    ents = report.scores["entities.name"]
    assert (ents.tp, ents.fp, ents.fn) == (1, 0, 2)
    assert round(ents.recall, 3) == 0.333
    evs = report.scores["events.type_actor_target"]
    assert (evs.tp, evs.fn) == (1, 1)
    q = report.scores["quotes.detection"]
    assert (q.tp, q.fp, q.fn) == (0, 0, 1)
    assert q.precision == 0.0 and q.recall == 0.0
    # a missing document's null published date is not "right"
    assert (
        report.accuracies["metadata.published"].correct,
        report.accuracies["metadata.published"].total,
    ) == (1, 2)
    named = report.accuracies["signals.named_sources"]
    assert (named.correct, named.total, named.abs_error) == (1, 2, 2.0)
    text = report.format()
    assert "hilang" in text and "Missing from the prediction" in text


# -- entities, outlets, removed, signals ---------------------------------------------------------------


def test_entities_name_and_typed(tmp_path: Path) -> None:
    gold = gold_doc(
        "pilkada-01",
        entities=[
            {
                "name": "General Elections Commission",
                "type": "ORG",
                "mentions": ["KPU", "Komisi Pemilihan Umum"],
            },
            {"name": "Ridwan Kamil", "type": "PER", "mentions": ["Ridwan Kamil", "Kang Emil"]},
            {"name": "West Java", "type": "GPE", "mentions": ["Jawa Barat"]},
        ],
    )
    pred = pred_doc(
        "pilkada-01",
        entities=[
            {
                "id": "Q1",
                "name": "general  elections commission",
                "type": "ORG",
                "mentions": [{"start": 0, "end": 3, "text": "KPU"}],
            },
            {
                "id": "Q2",
                "name": "Ridwan Kamil",
                "type": "ORG",
                "mentions": [{"start": 10, "end": 22, "text": "Ridwan Kamil"}],
            },
            {
                "id": "Q3",
                "name": "Bandung",
                "type": "GPE",
                "mentions": [{"start": 30, "end": 37, "text": "Bandung"}],
            },
        ],
    )
    report = evaluate(*write_case(tmp_path, [gold], [pred]))
    name = report.scores["entities.name"]
    typed = report.scores["entities.typed"]
    assert (name.tp, name.fp, name.fn) == (2, 1, 1)
    assert (typed.tp, typed.fp, typed.fn) == (1, 2, 2)
    mentions = report.scores["entities.mentions"]
    assert (mentions.tp, mentions.fp, mentions.fn) == (2, 1, 3)
    fn = sorted(m.detail for m in report.errors if m.layer == "entities" and m.kind == "FN")
    fp = sorted(m.detail for m in report.errors if m.layer == "entities" and m.kind == "FP")
    assert fn == ["Ridwan Kamil (PER)", "West Java (GPE)"]
    assert fp == ["Bandung (GPE)", "Ridwan Kamil (ORG)"]


def test_outlets_removed_and_gone_from_text(tmp_path: Path) -> None:
    gold = gold_doc(
        "ekspor-01",
        title="Ekspor Batu Bara Turun",
        cited_outlets=["Antara", "Bloomberg"],
        removed=[
            "Baca juga: Harga emas naik lagi",
            "Bagikan:",
            "Ekspor Batu Bara Turun",
            "Copyright PT Kabar",
            "All rights reserved",
        ],
    )
    pred = pred_doc(
        "ekspor-01",
        title="Ekspor Batu Bara Turun",
        cited_outlets=["antara.", "Reuters"],
        text="Ekspor Batu Bara Turun\n\nNilai ekspor batu bara turun 12 persen.\n\nBaca juga: Harga emas naik lagi",
        removed=[
            {"kind": "share", "text": "Bagikan:"},
            {"kind": "duplicate", "text": "Ekspor Batu Bara Turun"},
            {"kind": "boilerplate", "text": "Copyright PT Kabar\nAll rights reserved"},
            {"kind": "boilerplate", "text": "Iklan"},
        ],
    )
    report = evaluate(*write_case(tmp_path, [gold], [pred]))
    out = report.scores["cited_outlets.names"]
    assert (out.tp, out.fp, out.fn) == (1, 1, 1)
    rem = report.scores["removed.pieces"]
    # four gold strings covered (the copyright block covers two), "Baca juga" missed, "Iklan" spurious
    assert (rem.tp, rem.fp, rem.fn) == (4, 1, 1)
    gone = report.accuracies["removed.gone_from_text"]
    # the headline may stay once; "Baca juga" is still in the text
    assert (gone.correct, gone.total) == (4, 5)


def test_repeated_removed_string_needs_one_piece_each() -> None:
    gold = gold_doc("ulang-01", removed=["Paragraf yang diulang.", "Paragraf yang diulang."])
    one = pred_doc("ulang-01", removed=[{"kind": "duplicate", "text": "Paragraf yang diulang."}])
    rep = evaluate_records({"ulang-01": gold}, [one])
    assert (rep.scores["removed.pieces"].tp, rep.scores["removed.pieces"].fn) == (1, 1)


def test_signals_accuracy_and_abs_error(tmp_path: Path) -> None:
    gold = [
        gold_doc("s1", signals={"anonymous_sources": 2, "duplicate_paragraphs": 1, "named_sources": 4}),
        gold_doc("s2", signals={"anonymous_sources": 0, "duplicate_paragraphs": 0, "named_sources": 1}),
    ]
    preds = [
        pred_doc("s1", signals={"anonymous_sources": 1, "duplicate_paragraphs": 1, "named_sources": 4}),
        pred_doc("s2", signals={"anonymous_sources": 0, "duplicate_paragraphs": 0, "named_sources": 4}),
    ]
    report = evaluate(*write_case(tmp_path, gold, preds))
    anon = report.accuracies["signals.anonymous_sources"]
    named = report.accuracies["signals.named_sources"]
    assert (anon.correct, anon.total, anon.mean_abs_error) == (1, 2, 0.5)
    assert (named.correct, named.total, named.mean_abs_error) == (1, 2, 1.5)
    assert report.accuracies["signals.duplicate_paragraphs"].value == 1.0


# -- claims --------------------------------------------------------------------------------------------


def test_claims_matching_and_verdict(tmp_path: Path) -> None:
    gold_claims = [
        {
            "type": "SANCTION",
            "actor": "European Union",
            "target": "Belarus",
            "items": [],
            "verdict": "corroborated",
        },
        {
            "type": "AID",
            "actor": "Japan",
            "target": "Philippines",
            "items": ["ships"],
            "verdict": "single-source",
        },
        {
            "type": "AID",
            "actor": "Japan",
            "target": "Philippines",
            "items": ["food"],
            "verdict": "unverified",
        },
    ]
    pred_claims = [
        Claim(id="c1", type="AID", actor="Japan", target="Philippines", items=["food"], verdict="unverified"),
        Claim(id="c2", type="AID", actor="Japan", target="Philippines", items=["ships"], verdict="contested"),
        Claim(id="c3", type="PROTEST", actor="Belarus", target=None, verdict="single-source"),
    ]
    gold_dir, pred = write_case(tmp_path, [gold_doc("x")], [pred_doc("x")], gold_claims=gold_claims)
    claims_path = tmp_path / "claims.jsonl"
    claims_path.write_text(
        "".join(json.dumps(c.to_json_dict()) + "\n" for c in pred_claims), encoding="utf-8"
    )
    report = evaluate(gold_dir, pred, claims_path)
    s = report.scores["claims.type_actor_target"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    verdict = report.accuracies["claims.verdict"]
    assert (verdict.correct, verdict.total) == (1, 2)  # items decide which AID claim pairs with which
    assert report.accuracies["claims.verdict_all"].total == 3
    no_claims = evaluate(gold_dir, pred)
    assert "claims.type_actor_target" not in no_claims.scores
    assert "Claims: not evaluated" in no_claims.format()


# -- report output and loading -------------------------------------------------------------------------


def test_report_format_and_dict(tmp_path: Path) -> None:
    gold = gold_doc("pemilu-01", events=ELECTION_EVENTS, title="Debat")
    pred = pred_doc("pemilu-01", title="Debat", events=[ev("PROTEST", f"Partai {i}", None) for i in range(5)])
    report = evaluate(*write_case(tmp_path, [gold], [pred]))
    data = json.loads(json.dumps(report.to_dict()))
    assert data["scores"]["events.type_actor_target"] == {
        "tp": 0,
        "fp": 5,
        "fn": 3,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert data["documents"]["matched"] == 1
    text = report.format(max_errors=2)
    header = next(line for line in text.splitlines() if line.startswith("layer"))
    assert header.split() == ["layer", "metric", "P", "R", "F1", "acc", "counts"]
    assert re.search(r"events\s+type_actor_target\s+0\.000\s+0\.000\s+0\.000\s+tp=0 fp=5 fn=3", text)
    assert re.search(r"metadata\s+title\s+1\.000\s+1/1", text)
    assert "[events] 8" in text and "... 6 more" in text
    assert "Per document" not in text
    assert "Per document" in report.format(details=True)
    assert len(report.summary_rows()) == len(report.scores) + len(report.accuracies)


def test_load_jsonl_reports_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "a"}\n\n{oops\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"pred\.jsonl:3"):
        load_jsonl(path)


def test_duplicate_prediction_ids_keep_first(tmp_path: Path) -> None:
    gold = gold_doc("dup", published="2024-05-05")
    preds = [pred_doc("dup", published="2024-05-05"), pred_doc("dup", published="2024-05-06")]
    report = evaluate(*write_case(tmp_path, [gold], preds))
    assert report.duplicate_pred_ids == ["dup"]
    assert report.accuracies["metadata.published"].value == 1.0


# -- seeds gold as a perfect prediction ----------------------------------------------------------------


def _perfect_prediction(gold: dict[str, Any], seed_text: str) -> dict[str, Any]:
    """Build what a perfect analyser would output for a seed, from its gold and its raw text."""
    title = gold.get("title")
    removed = [r for r in gold.get("removed") or []]
    lines = [ln for ln in seed_text.splitlines() if ln.strip() not in removed]
    text = "\n".join(lines)
    for piece in removed:
        text = text.replace(piece, "")
    if title:
        text = f"{title}\n\n{text}"
    entities = []
    for i, ent in enumerate(gold["entities"]):
        mentions = []
        for surface in ent["mentions"]:
            start = text.find(surface)
            assert start >= 0, f"{surface!r} not in the text of {gold['id']}"
            mentions.append({"start": start, "end": start + len(surface), "text": surface})
        entities.append({"id": f"sorot:e{i}", "name": ent["name"], "type": ent["type"], "mentions": mentions})
    quotes = [
        {k: q.get(k) for k in ("kind", "speaker_name", "speaker_text", "cue", "via")}
        | {"text": q["text_prefix"]}
        for q in gold["quotes"]
    ]
    events = [
        {k: v for k, v in e.items() if k != "evidence"} | {"text": e.get("evidence", "")}
        for e in gold["events"]
    ]
    signals = {k: v for k, v in gold["signals"].items() if k != "notes"}
    return pred_doc(
        gold["id"],
        title=title,
        published=gold.get("published"),
        source={"outlet": gold.get("outlet")},
        text=text,
        removed=[{"kind": "duplicate" if r == title else "boilerplate", "text": r} for r in removed],
        cited_outlets=gold.get("cited_outlets") or [],
        entities=entities,
        quotes=quotes,
        events=events,
        signals=signals,
    )


def test_seed_gold_as_perfect_prediction(shared_dir: Path, tmp_path: Path) -> None:
    gold_dir = shared_dir / "gold" / "seeds"
    seeds = shared_dir / "seeds"
    if not gold_dir.is_dir() or not seeds.is_dir():
        pytest.skip("seed gold not available")
    preds = []
    for path in sorted(gold_dir.glob("*.json")):
        if path.name == "claims.json":
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        preds.append(_perfect_prediction(gold, (seeds / f"{path.stem}.txt").read_text(encoding="utf-8")))
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    claims_path = None
    if (gold_dir / "claims.json").is_file():
        gold_claims = json.loads((gold_dir / "claims.json").read_text(encoding="utf-8"))
        claims_path = tmp_path / "claims.jsonl"
        claims_path.write_text(
            "".join(
                json.dumps(Claim.model_validate({**c, "id": f"claim-{i}"}).to_json_dict()) + "\n"
                for i, c in enumerate(gold_claims)
            ),
            encoding="utf-8",
        )
    report = evaluate(gold_dir, pred_path, claims_path)
    assert report.missing_docs == []
    assert len(report.gold_docs) == len(preds) >= 1
    for key, score in report.scores.items():
        assert score.f1 == 1.0, (key, score)
    for key, acc in report.accuracies.items():
        assert acc.value in (None, 1.0), (key, acc)
    assert report.scores["events.type_actor_target"].tp == sum(len(p["events"]) for p in preds)
    assert [m for m in report.errors] == []
    assert "Errors: none" in report.format()
