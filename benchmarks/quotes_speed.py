"""Throughput of the quote extractor on one core, on top of the NLP pipeline.

The extractor's budget is what it adds to the pipeline: the documents are analysed once by every component
before it (tokenizer, tagger, parser, NER, sorot_linker, sorot_dates), then ``sorot_quotes`` alone is timed
over them, several rounds. The target is >= 200 documents/s for the extractor (issue 14).

    .venv/bin/python benchmarks/quotes_speed.py [--rounds 5] [--docs N] [PATH ...]

PATH defaults to the demo corpus (``examples/corpus``), plus ``examples/varied`` with ``--all``.
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

TARGET_DOCS_PER_S = 200.0


def default_paths(everything: bool) -> list[Path]:
    paths = [ROOT / "examples" / "corpus"]
    if everything:
        paths.append(ROOT / "examples" / "varied")
    return [p for p in paths if p.exists()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--docs", type=int, default=500, help="documents to time per round (the inputs are cycled)")
    ap.add_argument("--all", action="store_true", help="also the varied example corpus")
    args = ap.parse_args(argv)
    logging.disable(logging.WARNING)

    from sorot.config import Settings
    from sorot.extract.quotes import QuoteExtractor
    from sorot.extract.quotes_lexicon import load_lexicon
    from sorot.ingest import read_paths
    from sorot.records import RawDoc
    from sorot.runner import Analyzer

    analyzer = Analyzer(Settings.load(pipeline=["sorot_linker", "sorot_dates"]))
    nlp = analyzer.nlp
    texts: list[tuple[str, str | None]] = []
    for raw in read_paths([str(p) for p in (args.paths or default_paths(args.all))], analyzer.settings):
        if not isinstance(raw, RawDoc):
            continue
        _raw, cleaned, published = analyzer.prepare(raw)
        texts.append((cleaned.text, published))
    if not texts:
        print("no documents found", file=sys.stderr)
        return 1
    docs = []
    t0 = time.perf_counter()
    for text, published in texts:
        doc = nlp.make_doc(text)
        doc._.published = published
        docs.append(nlp(doc))
    pipeline_s = time.perf_counter() - t0
    extractor = QuoteExtractor(load_lexicon())
    extractor(docs[0])  # warm caches (lexicon, gazetteer) outside the timing
    work = [docs[i % len(docs)] for i in range(max(args.docs, len(docs)))]
    rates = []
    n_quotes = 0
    for _ in range(args.rounds):
        t1 = time.perf_counter()
        for doc in work:
            n_quotes += len(extractor(doc)[0])
        rates.append(len(work) / (time.perf_counter() - t1))
    chars = sum(len(d.text) for d in docs) / len(docs)
    median = statistics.median(rates)
    print(f"documents: {len(docs)} distinct (mean {chars:.0f} chars), {len(work)} per round, {args.rounds} rounds")
    print(f"pipeline before the extractor: {len(docs) / pipeline_s:.1f} docs/s")
    print(f"sorot_quotes alone: median {median:.0f} docs/s (min {min(rates):.0f}, max {max(rates):.0f}); "
          f"target {TARGET_DOCS_PER_S:.0f}: {'met' if median >= TARGET_DOCS_PER_S else 'NOT met'}")
    print(f"quotes per document: {n_quotes / (len(work) * args.rounds):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
