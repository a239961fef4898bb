"""Throughput of ingest + clean (and, reported apart, language detection), in documents per second.

Usage::

    python benchmarks/ingest_speed.py [PATH ...] [--repeat N]

Without a path it reads ``examples/corpus``; if that is missing, ``../shared/seeds``. The inputs are
copied ``--repeat`` times into a temporary folder, so the figure includes real file reading, decoding,
sniffing and HTML extraction, not only cleaning. Not part of the test run.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sorot.clean import clean  # noqa: E402
from sorot.config import Settings  # noqa: E402
from sorot.ingest import read_paths  # noqa: E402
from sorot.lang import detect_language  # noqa: E402
from sorot.records import RawDoc  # noqa: E402


def default_inputs() -> list[Path]:
    for candidate in (ROOT / "examples" / "corpus", ROOT / ".." / "shared" / "seeds"):
        if candidate.is_dir():
            return [candidate.resolve()]
    raise SystemExit("no input: pass a path (examples/corpus and ../shared/seeds are both missing)")


def replicate(inputs: list[Path], repeat: int, into: Path) -> None:
    """Copy every input file ``repeat`` times under ``into`` (distinct names, same content)."""
    files = [f for p in inputs for f in (sorted(p.rglob("*")) if p.is_dir() else [p]) if f.is_file()]
    for i in range(repeat):
        target = into / f"r{i:04d}"
        target.mkdir()
        for f in files:
            shutil.copy(f, target / f.name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    inputs = args.paths or default_inputs()
    settings = Settings.load()

    with tempfile.TemporaryDirectory() as tmp:
        replicate(inputs, args.repeat, Path(tmp))
        list(read_paths([str(Path(tmp) / "r0000")], settings))  # warm-up: imports, rule compilation
        detect_language("Pemanasan detektor bahasa sebelum pengukuran dimulai.", settings.languages)

        start = time.perf_counter()
        raws: list[RawDoc] = []
        n_errors = 0
        for item in read_paths([tmp], settings):
            if isinstance(item, RawDoc):
                raws.append(item)
            else:
                n_errors += 1
        read_s = time.perf_counter() - start

        start = time.perf_counter()
        cleaned = [clean(raw) for raw in raws]
        clean_s = time.perf_counter() - start

        start = time.perf_counter()
        for doc in cleaned:
            detect_language(doc.text, settings.languages)
        lang_s = time.perf_counter() - start

    n = len(raws)
    chars = sum(len(c.text) for c in cleaned)
    print(f"inputs: {', '.join(str(p) for p in inputs)} x{args.repeat}")
    print(f"documents: {n} read, {n_errors} errors, {chars / max(n, 1):.0f} clean chars/doc")
    print(f"ingest (read+decode+extract): {read_s:.2f} s  {n / read_s:.0f} docs/s")
    print(f"clean:                        {clean_s:.2f} s  {n / clean_s:.0f} docs/s")
    print(f"ingest + clean:               {read_s + clean_s:.2f} s  {n / (read_s + clean_s):.0f} docs/s")
    print(f"language detection (apart):   {lang_s:.2f} s  {n / lang_s:.0f} docs/s")


if __name__ == "__main__":
    main()
