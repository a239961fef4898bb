"""Quality harness of the event coder: run the full analyser on annotated articles and score the events
layer against their gold (``python -m sorot.extract.events_eval DIR...``).

A gold directory holds ``<doc-id>.json`` files (docs/annotation-guidelines.md); the articles are either in
the same directory or in a sibling text directory (``../shared/gold/seeds`` pairs with
``../shared/seeds``). Scores come from :mod:`sorot.evaluate`, so they are the figures ``sorot eval``
reports: F1 on (type, actor, target), and status/source accuracy on the matched events.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

TEXT_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".xml")


def find_articles(gold_dir: Path, ids: Iterable[str]) -> dict[str, Path]:
    """The article file of each gold id: next to the gold, or in the matching text folder."""
    wanted = set(ids)
    out: dict[str, Path] = {}
    candidates = []
    # ../shared/gold/seeds <-> ../shared/seeds ; examples/gold/corpus <-> examples/corpus
    parts = gold_dir.resolve().parts
    if "gold" in parts:
        i = len(parts) - 1 - parts[::-1].index("gold")
        root = Path(*parts[:i])
        rest = Path(*parts[i + 1 :]) if i + 1 < len(parts) else Path()
        candidates += [root / rest, root / "examples" / rest, root.parent / rest]
    candidates.append(gold_dir)  # articles kept beside their gold (never the gold .json itself)
    for folder in candidates:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if folder == gold_dir and path.suffix.lower() == ".json":
                continue
            if path.suffix.lower() in TEXT_SUFFIXES and path.stem in wanted and path.stem not in out:
                out[path.stem] = path
    return out


def _jsonl_files(gold_dir: Path) -> list[Path]:
    """JSONL article files in the text folders that pair with a gold folder."""
    found = find_articles(gold_dir, [])
    del found
    out: list[Path] = []
    parts = gold_dir.resolve().parts
    if "gold" in parts:
        i = len(parts) - 1 - parts[::-1].index("gold")
        root = Path(*parts[:i])
        rest = Path(*parts[i + 1 :]) if i + 1 < len(parts) else Path()
        for folder in (root / rest, root / "examples" / rest, root.parent / rest):
            if folder.is_dir():
                out += sorted(folder.glob("*.jsonl"))
    return out


def load_gold_events(gold_dir: Path) -> dict[str, dict[str, Any]]:
    docs: dict[str, dict[str, Any]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        if path.name == "claims.json":
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        docs[str(data.get("id") or path.stem)] = data
    return docs


def predict(paths: Sequence[Path]) -> dict[str, dict[str, Any]]:
    """Analyse files with the project's analyser; records keyed by file stem."""
    from sorot.contract import Document
    from sorot.runner import Analyzer

    analyzer = Analyzer()
    out: dict[str, dict[str, Any]] = {}
    for path in paths:
        records = [rec for rec in analyzer.analyze_paths([str(path)]) if isinstance(rec, Document)]
        for rec in records:
            data = rec.to_json_dict()
            # a file of one article is named after its gold; a JSONL file carries its records' own ids
            data["id"] = path.stem if len(records) == 1 else str(rec.id)
            out[data["id"]] = data
    return out


def score(gold_dirs: Sequence[Path]) -> tuple[Any, dict[str, dict[str, Any]]]:
    """(sorot.evaluate report restricted to events, predictions) over several gold directories."""
    from sorot.evaluate import evaluate_records

    gold: dict[str, dict[str, Any]] = {}
    preds: dict[str, dict[str, Any]] = {}
    for gdir in gold_dirs:
        g = load_gold_events(gdir)
        arts = find_articles(gdir, g)
        paths = set(arts.values())
        missing = [gid for gid in g if gid not in arts]
        if missing:
            # a JSONL file holds several articles, each with its own id
            paths |= set(_jsonl_files(gdir))
        got = predict(sorted(paths))
        g = {k: val for k, val in g.items() if k in got}
        gold.update(g)
        preds.update({k: val for k, val in got.items() if k in g})
    # score the events layer only: strip the other layers from the gold
    gold_ev = {k: {"id": k, "events": d.get("events") or []} for k, d in gold.items()}
    pred_ev = [{"id": k, "events": d.get("events") or []} for k, d in preds.items()]
    return evaluate_records(gold_ev, pred_ev), preds


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--show", action="store_true", help="print every predicted event")
    args = ap.parse_args(argv)
    rep, preds = score(args.gold)
    summary = rep.to_dict()
    for key in ("events.type", "events.type_actor_target", "events.strict"):
        prf = rep.prf(key)
        print(
            f"{key:28s} P={prf.precision:.3f} R={prf.recall:.3f} F1={prf.f1:.3f} (tp={prf.tp} fp={prf.fp} fn={prf.fn})"
        )
    for key in ("events.status", "events.source", "events.item", "events.mode", "events.date_all"):
        acc = rep.acc(key)
        print(
            f"{key:28s} {acc.value if acc.value is None else round(acc.value, 3)} ({acc.correct}/{acc.total})"
        )
    print()
    for err in rep.errors:
        if err.layer == "events":
            print(f"{err.doc[:12]:12s} {err.kind:5s} {err.detail}")
    if args.show:
        for doc_id, rec in preds.items():
            print("==", doc_id)
            for e in rec.get("events") or []:
                print(
                    f"  {e['type']:9s} {e['actor']!s:22s} -> {e['target']!s:22s} {e['item']!s:20s} "
                    f"{e['status']:12s} src={e['source']} date={e['date']}"
                )
    del summary
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
