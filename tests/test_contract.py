"""Real output validates against the contract's JSON Schemas (../shared/contract)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from sorot.contract import Claim, Document, Event, Quote


def _schema(shared_dir: Path, name: str) -> dict:
    path = shared_dir / "contract" / name
    if not path.is_file():
        pytest.skip(f"{path} missing")
    return json.loads(path.read_text(encoding="utf-8"))


def test_model_defaults_are_schema_valid(shared_dir: Path) -> None:
    schema = _schema(shared_dir, "document.schema.json")
    doc = Document(id="x1", text="Halo.")
    jsonschema.validate(doc.to_json_dict(), schema)


def test_invalid_values_are_rejected() -> None:
    with pytest.raises(ValueError):
        Event(type="INVADE", actor="A", target="B", status="asserted", source=None, date=None)
    with pytest.raises(ValueError):
        Event(type="AID", status="maybe")
    with pytest.raises(ValueError):
        Event(type="AID", date="30/8/2024")
    with pytest.raises(ValueError):
        Quote(kind="reported", text="x", speaker_name=None, cue=None)


def test_claim_model_is_schema_valid(shared_dir: Path) -> None:
    schema = _schema(shared_dir, "claim.schema.json")
    claim = Claim(
        id="c1",
        type="AID",
        actor="North Korea",
        target="Russia",
        verdict="single-source",
        support=[{"doc": "d1", "source": None, "status": "asserted"}],
    )
    jsonschema.validate(claim.to_json_dict(), schema)


@pytest.mark.slow
def test_analysed_seeds_are_schema_valid(shared_dir: Path, seeds_dir: Path, analyzer) -> None:
    schema = _schema(shared_dir, "document.schema.json")
    results = list(analyzer.analyze_paths([str(seeds_dir)]))
    docs = [r for r in results if isinstance(r, Document)]
    assert len(docs) == 5, [getattr(r, "reason", None) for r in results]
    for doc in docs:
        data = doc.to_json_dict()
        jsonschema.validate(data, schema)
        for ent in data["entities"]:
            for m in ent["mentions"]:
                assert data["text"][m["start"] : m["end"]] == m["text"]
        for q in data["quotes"]:
            if q.get("start") is not None:
                assert data["text"][q["start"] : q["end"]] == q["text"]
        for ev in data["events"]:
            if ev.get("start") is not None:
                assert data["text"][ev["start"] : ev["end"]] == ev["text"]
