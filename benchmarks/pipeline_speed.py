"""End-to-end throughput: ingest + clean + full NLP pipeline + extraction on the demo corpus.

Prints documents/s and words/s for the whole ``sorot analyze`` path (without writing output), and
peak memory. Run: ``.venv/bin/python benchmarks/pipeline_speed.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from sorot.runner import Analyzer, RunStats

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the corpus")
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples" / "corpus"), str(ROOT / "examples" / "varied")])
    args = parser.parse_args()

    t0 = time.perf_counter()
    analyzer = Analyzer()
    _ = analyzer.nlp
    load_s = time.perf_counter() - t0
    print(f"pipeline load: {load_s:.2f} s; components: {analyzer.nlp.pipe_names}")

    list(analyzer.analyze_paths(args.paths))  # warm-up
    docs = words = 0
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        stats = RunStats()
        for rec in analyzer.analyze_paths(args.paths, stats):
            if hasattr(rec, "text"):
                docs += 1
                words += len(rec.text.split())
    elapsed = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents: {docs} in {elapsed:.2f} s -> {docs / elapsed:.1f} documents/s, {words / elapsed:,.0f} words/s")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
