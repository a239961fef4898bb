"""Consistency checks for the hand-written example corpora and their gold annotations.

The gold files under ``examples/gold`` are the project's own evaluation sets. These tests make
sure they stay usable: valid shapes and enum values, every quoted or cited string really occurs
in its input document, claims point at real documents and events, and every verdict follows
from its support/deny entries under the party rules of the contract (shared/contract/README.md).
"""

from __future__ import annotations

import difflib
import html
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = (ROOT / ".." / "shared").resolve()
SETS = ("corpus", "varied", "dev", "dev3")

ENTITY_TYPES = {"PER", "ORG", "GPE", "LOC", "NORP", "EVENT"}
EVENT_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
STATUSES = {"asserted", "denied", "planned", "potential", "hypothetical"}
VERDICTS = {"corroborated", "contested", "single-source", "denied", "unverified"}
DOC_KEYS = {
    "id",
    "title",
    "published",
    "outlet",
    "cited_outlets",
    "entities",
    "quotes",
    "events",
    "signals",
    "removed",
}
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EVENT_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# ---------------------------------------------------------------- loading the inputs


def _html_visible(raw: str) -> str:
    """Visible text of an HTML page: tags dropped, entities decoded, whitespace collapsed."""
    body = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", raw)
    return _norm(html.unescape(re.sub(r"<[^>]+>", " ", body)))


def _html_meta(raw: str, prop: str) -> str | None:
    m = re.search(rf'<meta\s+(?:property|name)="{re.escape(prop)}"\s+content="([^"]*)"', raw)
    return html.unescape(m.group(1)) if m else None


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _load_inputs(folder: Path) -> dict[str, dict[str, Any]]:
    """Every input document of a folder, by document id: kind, raw text, paragraphs, metadata."""
    docs: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".txt":
            raw = path.read_text(encoding="utf-8")
            paras = [p.strip() for p in re.split(r"\n\s*\n", raw) if p.strip()]
            docs[path.stem] = {
                "kind": "txt",
                "raw": raw,
                "paras": paras,
                "title": raw.splitlines()[0].strip(),
            }
        elif path.suffix == ".html":
            raw = path.read_text(encoding="utf-8")
            paras = [
                _norm(html.unescape(re.sub(r"<[^>]+>", " ", p)))
                for p in re.findall(r"(?is)<p\b[^>]*>(.*?)</p>", raw)
            ]
            docs[path.stem] = {
                "kind": "html",
                "raw": _html_visible(raw),
                "paras": paras,
                "title": _html_meta(raw, "og:title"),
                "published": _html_meta(raw, "article:published_time"),
                "outlet": _html_meta(raw, "og:site_name"),
            }
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                rec = json.loads(line)
                assert set(rec) >= {"id", "url", "title", "published", "outlet", "text"}, path
                paras = [p.strip() for p in re.split(r"\n\s*\n", rec["text"]) if p.strip()]
                docs[rec["id"]] = {
                    "kind": "jsonl",
                    "raw": rec["title"] + "\n" + rec["text"],
                    "paras": paras,
                    "title": rec["title"],
                    "published": rec["published"],
                    "outlet": rec["outlet"],
                }
    return docs


def _contains(doc: dict[str, Any], needle: str) -> bool:
    return needle in doc["raw"] or _norm(needle) in _norm(doc["raw"])


def _gold_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.json") if p.name != "claims.json")


def _gold_dirs() -> list[tuple[str, Path]]:
    dirs = [(name, EXAMPLES / "gold" / name) for name in SETS]
    seeds = SHARED / "gold" / "seeds"
    if seeds.is_dir():
        dirs.append(("seeds", seeds))
    return dirs


INPUTS = {name: _load_inputs(EXAMPLES / name) for name in SETS}
GOLD = {name: {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in _gold_files(EXAMPLES / "gold" / name)}
        for name in SETS}  # fmt: skip
CLAIMS = {  # a set of unrelated stories (dev) has no cross-document claims file
    name: json.loads((EXAMPLES / "gold" / name / "claims.json").read_text(encoding="utf-8"))
    for name in SETS
    if (EXAMPLES / "gold" / name / "claims.json").is_file()
}
OWN_DOCS = [(name, doc_id) for name in SETS for doc_id in sorted(GOLD[name])]


# ---------------------------------------------------------------- shape of gold documents


def _check_shape(gold: dict[str, Any], where: str) -> None:
    assert set(gold) >= DOC_KEYS, f"{where}: missing {DOC_KEYS - set(gold)}"
    assert isinstance(gold["id"], str) and gold["id"], where
    assert gold["title"] is None or isinstance(gold["title"], str), where
    assert gold["published"] is None or DAY.match(gold["published"]), where
    assert gold["outlet"] is None or isinstance(gold["outlet"], str), where
    assert all(isinstance(o, str) for o in gold["cited_outlets"]), where
    names = [e["name"] for e in gold["entities"]]
    assert len(names) == len(set(names)), f"{where}: duplicate entity names"
    for ent in gold["entities"]:
        assert ent["type"] in ENTITY_TYPES, (where, ent)
        assert ent["mentions"] and all(isinstance(m, str) and m for m in ent["mentions"]), (where, ent)
        if "id" in ent:
            assert re.match(r"^(Q\d+|sorot:.+)$", ent["id"]), (where, ent)
    for q in gold["quotes"]:
        assert q["kind"] in {"direct", "indirect"}, (where, q)
        assert isinstance(q["text_prefix"], str) and q["text_prefix"], (where, q)
        for key in ("speaker_name", "speaker_text", "cue", "via"):
            assert q.get(key) is None or isinstance(q[key], str), (where, q)
    for ev in gold["events"]:
        assert ev["type"] in EVENT_TYPES, (where, ev)
        assert ev["status"] in STATUSES, (where, ev)
        assert ev["date"] is None or EVENT_DATE.match(ev["date"]), (where, ev)
        for key in ("mode", "actor", "target", "item", "source"):
            assert ev.get(key) is None or isinstance(ev[key], str), (where, ev)
        assert isinstance(ev["evidence"], str) and ev["evidence"], (where, ev)
    sig = gold["signals"]
    for key in ("anonymous_sources", "duplicate_paragraphs", "named_sources"):
        assert isinstance(sig[key], int) and sig[key] >= 0, (where, key)
    assert all(isinstance(n, str) for n in sig.get("notes", [])), where
    assert all(isinstance(r, str) and r for r in gold["removed"]), where


@pytest.mark.parametrize("name,folder", _gold_dirs(), ids=[n for n, _ in _gold_dirs()])
def test_gold_shapes(name: str, folder: Path) -> None:
    files = _gold_files(folder)
    assert files, f"no gold files in {folder}"
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        _check_shape(gold, f"{name}/{path.name}")
        assert gold["id"] == path.stem


@pytest.mark.parametrize("name", SETS)
def test_every_input_has_gold_and_back(name: str) -> None:
    assert set(INPUTS[name]) == set(GOLD[name])


# ---------------------------------------------------------------- gold strings occur in the input


@pytest.mark.parametrize("name,doc_id", OWN_DOCS)
def test_gold_strings_are_verbatim(name: str, doc_id: str) -> None:
    doc, gold = INPUTS[name][doc_id], GOLD[name][doc_id]
    for q in gold["quotes"]:
        assert _contains(doc, q["text_prefix"]), q["text_prefix"]
        if q["speaker_text"] and not q["speaker_text"].startswith("-"):
            assert _contains(doc, q["speaker_text"]), q["speaker_text"]
    for ev in gold["events"]:
        assert _contains(doc, ev["evidence"]), ev["evidence"]
    for ent in gold["entities"]:
        for mention in ent["mentions"]:
            assert _contains(doc, mention), (ent["name"], mention)
    for line in gold["removed"]:
        assert _contains(doc, line), line
    assert gold["title"] == doc["title"]


@pytest.mark.parametrize("name,doc_id", OWN_DOCS)
def test_metadata_agrees_with_input(name: str, doc_id: str) -> None:
    doc, gold = INPUTS[name][doc_id], GOLD[name][doc_id]
    if doc.get("published"):
        assert gold["published"] == doc["published"][:10]
    if doc.get("outlet"):
        assert gold["outlet"] == doc["outlet"]
    words = len(" ".join(p for p in doc["paras"] if not p.startswith(("Baca juga", "Bagikan"))).split())
    assert 140 <= words <= 470, words


@pytest.mark.parametrize("name,doc_id", OWN_DOCS)
def test_signals_agree_with_annotations(name: str, doc_id: str) -> None:
    doc, gold = INPUTS[name][doc_id], GOLD[name][doc_id]
    repeats = sum(n - 1 for p, n in Counter(doc["paras"]).items() if n > 1 and len(p) > 80)
    assert gold["signals"]["duplicate_paragraphs"] == repeats
    named = {q["speaker_name"] for q in gold["quotes"] if q["speaker_name"]}
    named |= {e["source"] for e in gold["events"] if e["source"] not in (None, "anonymous")}
    assert gold["signals"]["named_sources"] == len(named)
    anonymous = any(q["speaker_name"] is None for q in gold["quotes"]) or any(
        e["source"] == "anonymous" for e in gold["events"]
    )
    assert (gold["signals"]["anonymous_sources"] > 0) == anonymous
    names = {e["name"] for e in gold["entities"]}
    for ev in gold["events"]:
        for role in ("actor", "target"):
            assert ev[role] is None or ev[role] in names, (role, ev)


def test_syndicated_copy_is_near_verbatim() -> None:
    """sorot_demo_02 is another outlet's copy of sorot_demo_01: the claim rules must see one party."""
    original = INPUTS["corpus"]["sorot_demo_01"]["paras"]
    copy = [p for p in INPUTS["corpus"]["sorot_demo_02"]["paras"] if len(p) > 80]
    best = [max(difflib.SequenceMatcher(None, p, q).ratio() for q in original) for p in copy]
    assert len(copy) >= 4 and sum(r > 0.95 for r in best) >= 0.75 * len(copy), best


# ---------------------------------------------------------------- claims


def _verdict(claim: dict[str, Any]) -> str:
    """The verdict the contract's party rules give for a claim's support and deny entries."""
    asserted = {s["party"] for s in claim["support"] if s["status"] == "asserted" and s["party"]}
    denying = {s["party"] for s in claim["deny"] if s["party"]}
    if asserted and denying:
        return "contested"
    if len(asserted) >= 2:
        return "corroborated"
    if asserted:
        return "single-source"
    return "denied" if denying else "unverified"


def _claims_files() -> list[tuple[str, Path]]:
    out = [(name, EXAMPLES / "gold" / name / "claims.json") for name in SETS if name in CLAIMS]
    seeds = SHARED / "gold" / "seeds" / "claims.json"
    if seeds.is_file():
        out.append(("seeds", seeds))
    return out


@pytest.mark.parametrize("name,path", _claims_files(), ids=[n for n, _ in _claims_files()])
def test_claims_basic_consistency(name: str, path: Path) -> None:
    claims = json.loads(path.read_text(encoding="utf-8"))
    docs = {p.stem for p in _gold_files(path.parent)}
    for claim in claims:
        assert claim["schema"] == "sorot.claim/1"
        assert claim["type"] in EVENT_TYPES and claim["verdict"] in VERDICTS, claim
        for stance in claim["support"] + claim["deny"]:
            assert stance["doc"] in docs, stance
        assert all(s["status"] == "denied" for s in claim["deny"]), claim
        assert all(s["status"] != "denied" for s in claim["support"]), claim
        has_assert = any(s["status"] == "asserted" for s in claim["support"])
        if claim["verdict"] in {"corroborated", "single-source", "contested"}:
            assert has_assert, claim
        if claim["verdict"] == "contested":
            assert claim["deny"], claim
        if claim["verdict"] in {"denied", "unverified"}:
            assert not has_assert, claim
        if claim["verdict"] == "unverified":
            assert not claim["deny"], claim


@pytest.mark.parametrize("name", [n for n in SETS if n in CLAIMS])
def test_claims_follow_party_rules(name: str) -> None:
    claims, gold = CLAIMS[name], GOLD[name]
    used: Counter[tuple[str, int]] = Counter()
    for claim in claims:
        stances = claim["support"] + claim["deny"]
        assert stances, claim
        items: list[str] = []
        for stance in stances:
            if stance["source"] == "anonymous":
                assert stance["party"] is None, stance
            else:
                assert isinstance(stance["party"], str) and stance["party"], stance
            matches = [
                i
                for i, ev in enumerate(gold[stance["doc"]]["events"])
                if (ev["type"], ev["actor"], ev["target"]) == (claim["type"], claim["actor"], claim["target"])
                and (ev["source"], ev["status"], ev["item"], ev["date"])
                == (stance["source"], stance["status"], stance["item"], stance["date"])
            ]
            assert matches, (
                f"no gold event behind {stance} in {claim['type']} {claim['actor']}->{claim['target']}"
            )
            used[(stance["doc"], matches[0])] += 1
            if stance["item"] and stance["item"] not in items:
                items.append(stance["item"])
        assert sorted(claim["items"]) == sorted(items), claim
        dates = sorted(s["date"] for s in stances if s["date"])
        assert (claim["first_date"], claim["last_date"]) == ((dates[0], dates[-1]) if dates else (None, None))
        assert claim["verdict"] == _verdict(claim), (claim["verdict"], _verdict(claim), claim.get("note"))
    for doc_id, doc in gold.items():
        for i, _ in enumerate(doc["events"]):
            assert used[(doc_id, i)] >= 1, f"{doc_id} event {i} belongs to no claim"


def test_syndicated_documents_share_a_party() -> None:
    """An own-voice claim repeated only by the syndicated copy stays single-source."""
    parties: dict[str, set[str]] = {"sorot_demo_01": set(), "sorot_demo_02": set()}
    for claim in CLAIMS["corpus"]:
        for stance in claim["support"] + claim["deny"]:
            if stance["doc"] in parties and stance["source"] is None:
                parties[stance["doc"]].add(stance["party"])
    assert parties["sorot_demo_01"] and parties["sorot_demo_01"] == parties["sorot_demo_02"]


def test_demo_corpus_exercises_every_verdict() -> None:
    assert {c["verdict"] for c in CLAIMS["corpus"]} == VERDICTS
