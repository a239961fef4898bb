"""Throughput of the event coder on one core, on top of the NLP pipeline.

The coder's budget is what it adds to the pipeline: the documents are analysed once by every earlier
component (tokenizer ... sorot_quotes), then ``sorot_events`` alone is timed over them, several rounds.
The target is >= 100 documents/s for the coder (issue 7).

    .venv/bin/python benchmarks/events_speed.py [--rounds 5] [--docs N] [PATH ...]

PATH defaults to the project's example corpora and ``../shared/seeds`` when present.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core
os.environ.setdefault("MKL_NUM_THREADS", "1")


def default_paths() -> list[Path]:
    paths = [ROOT / "examples" / "corpus", ROOT / "examples" / "varied"]
    seeds = (ROOT / ".." / "shared" / "seeds").resolve()
    if seeds.is_dir():
        paths.append(seeds)
    return [p for p in paths if p.exists()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--docs", type=int, default=200, help="documents to time (the inputs are cycled)")
    args = ap.parse_args(argv)
    logging.disable(logging.WARNING)

    from sorot.contract import Document
    from sorot.extract.events import EventCoder
    from sorot.extract.events_lexicon import load_lexicon
    from sorot.ingest import read_paths
    from sorot.runner import Analyzer

    analyzer = Analyzer()
    nlp = analyzer.nlp
    texts: list[tuple[str, str | None]] = []
    for raw in read_paths([str(p) for p in (args.paths or default_paths())], analyzer.settings):
        if isinstance(raw, Document) or not hasattr(raw, "text"):
            continue
        try:
            _raw, cleaned, published = analyzer.prepare(raw)
        except Exception:  # noqa: BLE001 - a broken input is not the coder's business here
            continue
        texts.append((cleaned.text, published))
    if not texts:
        print("no documents found", file=sys.stderr)
        return 1
    # analyse once with everything before the coder
    before = [name for name in nlp.pipe_names if name != "sorot_events"]
    docs = []
    t0 = time.perf_counter()
    with nlp.select_pipes(enable=before):
        for text, published in texts:
            doc = nlp.make_doc(text)
            doc._.published = published
            docs.append(nlp(doc))
    pipeline_s = time.perf_counter() - t0
    coder = EventCoder(load_lexicon())
    work = [docs[i % len(docs)] for i in range(max(args.docs, len(docs)))]
    rates = []
    n_events = 0
    for _ in range(args.rounds):
        t1 = time.perf_counter()
        for doc in work:
            # each call pays for its own per-document memo (the time layer's cached text and bounds)
            doc.user_data.pop("sorot.dates.cache", None)
            n_events += len(coder.code(doc))
        rates.append(len(work) / (time.perf_counter() - t1))
    chars = sum(len(d.text) for d in docs) / len(docs)
    print(
        f"documents: {len(docs)} distinct (mean {chars:.0f} chars), {len(work)} per round, {args.rounds} rounds"
    )
    print(f"pipeline before the coder: {len(docs) / pipeline_s:.1f} docs/s")
    print(
        f"sorot_events alone: median {statistics.median(rates):.0f} docs/s (min {min(rates):.0f}, max {max(rates):.0f})"
    )
    print(f"events per document: {n_events / (len(work) * args.rounds):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
