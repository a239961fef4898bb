"""Words per second, per CPU core, of Sorot's tokenizer and of the whole shipped base pipeline; peak memory.

    .venv/bin/python benchmarks/nlp_speed.py [--corpus DIR] [--model DIR] [--min-words 20000]

The corpus is the demo corpus (examples/corpus: .txt files, the "text" field of .jsonl, the text of .html
through trafilatura when installed), or ../shared/seeds when that is absent. Everything runs on ONE thread
(OMP/OpenBLAS limited to 1 before numpy loads), so the figures are per core. Rates use the process's CPU
time (robust on a shared machine) and wall time is shown beside it. The corpus is processed repeatedly
until ``--min-words`` words have been seen; the tokenizer is rebuilt for every pass so its cache never
makes a pass cheaper than real text would be.
"""

from __future__ import annotations

import os

os.environ["OMP_NUM_THREADS"] = "1"
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["MKL_NUM_THREADS"] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def load_texts(corpus: Path) -> list[str]:
    """Plain texts of the corpus files (txt, jsonl, html)."""
    texts: list[str] = []
    for path in sorted(corpus.glob("*")):
        if path.suffix == ".txt":
            texts.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    rec = json.loads(line)
                    body = rec.get("text") or rec.get("body") or rec.get("content")
                    if isinstance(body, str):
                        texts.append(body)
        elif path.suffix in (".html", ".htm"):
            try:
                import trafilatura

                extracted = trafilatura.extract(path.read_text(encoding="utf-8", errors="replace"))
            except ImportError:  # pragma: no cover
                extracted = None
            if extracted:
                texts.append(extracted)
    return [t for t in texts if t.strip()]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--model", default=None)
    ap.add_argument("--min-words", type=int, default=20000)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    corpus = Path(args.corpus) if args.corpus else ROOT / "examples" / "corpus"
    if not corpus.is_dir() or not load_texts(corpus):
        corpus = (ROOT / ".." / "shared" / "seeds").resolve()
    texts = load_texts(corpus)

    from sorot.nlp.model import load_base
    from sorot.nlp.tokenizer import create_tokenizer

    rss_before = peak_rss_mb()
    t = time.perf_counter()
    nlp = load_base(Path(args.model) if args.model else None)
    load_s = time.perf_counter() - t
    rss_loaded = peak_rss_mb()
    words = sum(1 for text in texts for tok in nlp.make_doc(text) if not tok.is_space)
    passes = max(1, -(-args.min_words // max(words, 1)))

    # tokenizer alone: a fresh tokenizer per pass (no cache carried over)
    cpu = wall = 0.0
    for _ in range(passes):
        tok = create_tokenizer(nlp)
        c0, w0 = time.process_time(), time.perf_counter()
        for text in texts:
            tok(text)
        cpu += time.process_time() - c0
        wall += time.perf_counter() - w0
    tok_rate = words * passes / cpu

    # whole pipeline (warm-up pass first, not counted)
    list(nlp.pipe(texts[:2]))
    c0, w0 = time.process_time(), time.perf_counter()
    n_docs = 0
    for _ in range(passes):
        for _doc in nlp.pipe(texts, batch_size=args.batch_size):
            n_docs += 1
    pipe_cpu = time.process_time() - c0
    pipe_wall = time.perf_counter() - w0

    result = {
        "corpus": str(corpus),
        "texts": len(texts),
        "words_per_pass": words,
        "passes": passes,
        "pipeline": nlp.pipe_names,
        "model_load_s": round(load_s, 2),
        "tokenizer_words_per_s_per_core": round(tok_rate),
        "tokenizer_words_per_s_wall": round(words * passes / wall),
        "pipeline_words_per_s_per_core": round(words * passes / pipe_cpu),
        "pipeline_words_per_s_wall": round(words * passes / pipe_wall),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "rss_model_load_mb": round(rss_loaded - rss_before, 1),
    }
    for key, value in result.items():
        print(f"{key:34s} {value}")


if __name__ == "__main__":
    main()
