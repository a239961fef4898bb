"""Train Sorot's own static subword vectors (floret) on in-domain raw text, for the tok2vec to read.

    .venv/bin/python training/vectors.py [--dim 100 --bucket 30000 --epoch 5]

Why: the NER and UD training sets are small (a few thousand sentences each); vectors learnt on all the raw text
we may use give the model word similarity it could not learn from the labelled sentences alone.

Raw text (lower-cased, one sentence a line, our token convention: clitics glued on):
  kumparan-postag, minus the 4% held out (the same seed-13 split as training/convert.py);
  the training splits of UD CSUI, UD GSD dev, UD PUD (minus the 10% held out), idner-news-2k, NERGrit, NERP.
No test split is read. PFSA-ID is not used.

Writes training/output/vectors/{floret.vec, model/, table/}:
  model/  a spaCy pipeline holding only the vectors in floret mode (attribute LOWER): every word gets a vector
          from its character n-grams; the training config reads it through [paths] vectors.
  table/  the same vectors for the --table most frequent words of the raw text, as a plain word table (default
          mode), with the capitalised and upper-case forms sharing the lower-case word's row (spaCy does not save
          the LOWER attribute of a default-mode table, so the case forms are listed). The shipped model carries
          this table: a table lookup costs ~0.3 us a token where spaCy's floret n-gram hashing costs ~8 us, and
          other words get a zero vector (the hash embeddings still see them).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from common import TRAINING, load_labels, merge_mwts, read_conllu, read_two_col, seeded_split
from convert import NER_SOURCES, SEED, UD_TRAIN_SOURCES, kumparan_sentences

OUT = TRAINING / "output" / "vectors"


def raw_sentences() -> list[str]:
    """Lower-cased, space-joined training sentences of every set (deduplicated, order fixed)."""
    sents: list[list[str]] = []
    labels = load_labels()
    krest, _ = seeded_split(kumparan_sentences(labels), 0.04, SEED)
    sents += [[t for t, _ in s] for s in krest]
    for _name, path in UD_TRAIN_SOURCES:
        rest, _ = seeded_split(read_conllu(path), 0.10, SEED)
        sents += [[t.text for t in merge_mwts(s)] for s in rest]
    for folder, train_f, _dev, sep, col in NER_SOURCES.values():
        sents += [[t for t, _ in s] for s in read_two_col(folder / train_f, sep=sep, tag_col=col)]
    seen: set[str] = set()
    out = []
    for s in sents:
        line = " ".join(s).lower()
        if line not in seen:
            seen.add(line)
            out.append(line)
    return out


def main(argv: list[str] | None = None) -> Path:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--bucket", type=int, default=30000)
    ap.add_argument("--epoch", type=int, default=5)
    ap.add_argument("--minn", type=int, default=3)
    ap.add_argument("--maxn", type=int, default=5)
    ap.add_argument("--table", type=int, default=30000, help="words in the shipped table (0: no table)")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    import floret

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    lines = raw_sentences()
    raw = out / "raw.txt"
    raw.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"raw text: {len(lines)} sentences, {sum(len(x.split()) for x in lines)} tokens", flush=True)
    model = floret.train_unsupervised(
        str(raw),
        model="cbow",
        mode="floret",
        hashCount=2,
        bucket=args.bucket,
        minn=args.minn,
        maxn=args.maxn,
        dim=args.dim,
        epoch=args.epoch,
        minCount=2,
        thread=1,  # one thread: fastText/floret is then deterministic (it has no seed argument)
        verbose=0,
    )
    vec = out / "floret.vec"
    model.save_floret_vectors(str(vec))
    print(f"floret trained in {time.time() - t0:.0f} s", flush=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "init",
            "vectors",
            "id",
            str(vec),
            str(out / "model"),
            "--mode",
            "floret",
            "--attr",
            "LOWER",
            "--name",
            "sorot_floret",
        ],
        check=True,
        env={**os.environ, "OMP_NUM_THREADS": "1"},
    )
    (out / "raw.txt").unlink()
    if args.table:
        write_table(out / "model", lines, args.table, out / "table")
    return out / "model"


def write_table(floret_model: Path, lines: list[str], n: int, target: Path) -> None:
    """A default-mode vectors table for the n most frequent words, computed from the floret vectors."""
    import numpy as np
    import spacy
    from spacy.vectors import Vectors

    counts = Counter(w for line in lines for w in line.split())
    top = [w for w, _ in counts.most_common(n)]
    fv = spacy.load(floret_model).vocab.vectors
    data = np.asarray(fv.get_batch([fv.strings.add(w) for w in top]), dtype="float32")
    nlp = spacy.blank("id")
    strings = nlp.vocab.strings
    table = Vectors(strings=strings, data=data, keys=[strings.add(w) for w in top], name="sorot_table")
    for row, w in enumerate(top):
        for form in sorted({w.capitalize(), w.title(), w.upper()} - {w}):
            table.add(strings.add(form), row=row)
    nlp.vocab.vectors = table
    nlp.to_disk(target)
    covered = sum(counts[w] for w in top) / sum(counts.values())
    print(
        f"table: {len(top)} words, {len(table.key2row)} keys, {100 * covered:.1f}% of raw tokens", flush=True
    )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
