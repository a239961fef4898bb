"""Rebuild Sorot's Indonesian pipeline (src/sorot/models/id_sorot) from ../shared/data, with fixed seeds.

    .venv/bin/python training/build_model.py            # convert, train, assemble, evaluate (make model)
    .venv/bin/python training/build_model.py --quick    # a tiny run to check the machinery (~1 min; the
                                                        # result goes to training/output/quick_model)

Steps
  0. (--vectors only, an experiment that is not shipped) training/vectors.py: floret subword vectors (100 dims) trained on the raw text of the
     training splits and kumparan (training/output/vectors/model), and a 30k-word table of them
  1. training/convert.py: datasets -> training/corpus/{train,dev}/*.spacy (seed 13 for every split/sample)
  2. training/train.py with training/configs/sorot.cfg (seed 0): one shared tok2vec, tagger (kumparan tagset), morphologizer (UPOS+features),
     parser and NER, trained jointly; the best checkpoint on the mixed dev set is kept
  3. assemble: + sorot_sentences (rule-based sentences, first); with --vectors the floret vectors are replaced
     by the word table (the same vectors for frequent words, much faster to look up; see the model card); the
     stock spaCy scorers are written back into the config; saved to src/sorot/models/id_sorot
  4. training/evaluate.py: GSD/CSUI test from raw text, NER test splits -> src/sorot/models/scores.json

Everything runs on one CPU thread (OMP/OPENBLAS threads = 1); see the model card for timings.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

TRAINING = Path(__file__).resolve().parent
ROOT = TRAINING.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(TRAINING))

CONFIG = TRAINING / "configs" / "sorot.cfg"
OUTPUT = TRAINING / "output"
MODELS = ROOT / "src" / "sorot" / "models"

# The recipe (also recorded in the model's meta.json). Change here, not on the command line, for `make model`.
RECIPE: dict[str, Any] = {
    "vectors": ["--dim", "100", "--bucket", "30000", "--epoch", "5", "--table", "30000"],
    "convert": [
        "--ud-repeat",
        "5",
        "--ud-source-repeat",
        "gsd-dev=3",
        "--ud-nn-compound",
        "--kumparan-max-tokens",
        "120000",
        "--kumparan-dev-sents",
        "300",
        "--nerp-dev-sents",
        "200",
        "--ner-repeat",
        "idner=2,nergrit=3",
        "--check-kumparan",
        "--nerp-native",
    ],
    "train": {"training.max_steps": 8000, "training.eval_frequency": 1000, "system.seed": 0},
}
NERP_STEPS = 3000

QUICK: dict[str, Any] = {
    "vectors": ["--dim", "100", "--bucket", "5000", "--epoch", "1", "--table", "2000"],
    "convert": [
        "--ud-repeat",
        "1",
        "--kumparan-max-tokens",
        "5000",
        "--kumparan-dev-sents",
        "50",
        "--nerp-dev-sents",
        "50",
    ],
    "train": {"training.max_steps": 30, "training.eval_frequency": 15, "system.seed": 0},
}


def run(cmd: list[str]) -> None:
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)


def assemble(best: Path, target: Path, recipe: dict, table: Path | None = None) -> None:
    """The trained checkpoint + Sorot's rule components (+ the vectors table), saved as the shipped pipeline."""
    import sorot_training
    import spacy

    from sorot.nlp import model as sorot_model  # noqa: F401  (registers sorot_pos_from_tag)
    from sorot.nlp import tokenizer  # noqa: F401

    nlp = spacy.load(best)
    if table is not None:
        nlp.vocab.vectors = spacy.load(table).vocab.vectors
    nlp.add_pipe("sorot_sentences", first=True)
    nlp.meta.update(
        {
            "name": "sorot",
            "version": "0.1.0",
            "description": "Sorot's Indonesian news pipeline: tokenizer, rule-based sentences, UPOS tagger, "
            "morphologizer, dependency parser, NER (PER ORG GPE LOC EVENT). See README.md.",
            "license": "CC BY-SA 4.0",
            "author": "Sorot contributors",
            "sources": [
                {"name": "UD_Indonesian-CSUI train", "license": "CC BY-SA 4.0"},
                {"name": "UD_Indonesian-GSD dev", "license": "CC BY-SA 4.0"},
                {"name": "UD_Indonesian-PUD", "license": "CC BY-SA 3.0"},
                {"name": "kumparan POS corpus (nlp-id)", "license": "MIT"},
                {"name": "idner-news-2k", "license": "MIT"},
                {"name": "IndoNLU NERGrit", "license": "Apache-2.0 / NERGrit attribution"},
                {"name": "IndoNLU NERP", "license": "CC BY-SA 4.0"},
            ],
            "sorot_recipe": recipe,
        }
    )
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    cfg = (target / "config.cfg").read_text(encoding="utf-8")
    for ours, stock in sorot_training.STOCK_SCORERS.items():
        cfg = cfg.replace(ours, stock)
    (target / "config.cfg").write_text(cfg, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="tiny data and 30 steps: checks the machinery only")
    ap.add_argument(
        "--target", default=None, help="default: src/sorot/models/id_sorot (--quick: training/output)"
    )
    ap.add_argument(
        "--vectors",
        action="store_true",
        help="experiment V1: the shared tok2vec also reads the self-trained static vectors (no measurable gain, "
        "-5%% speed, +13 MB; see the model card), output in training/output/vectors_model unless --target",
    )
    ap.add_argument("--skip-vectors", action="store_true", help="reuse training/output/vectors")
    ap.add_argument("--skip-convert", action="store_true")
    ap.add_argument("--skip-train", action="store_true")
    ap.add_argument("--skip-eval", action="store_true")
    ap.add_argument(
        "--nerp",
        action="store_true",
        help="also train the NERP-specific model (lower-cased input, NERP labels) in training/output/nerp",
    )
    args = ap.parse_args()
    recipe = QUICK if args.quick else RECIPE
    py = sys.executable
    t0 = time.time()
    times = {}
    vec_dir = OUTPUT / ("vectors_quick" if args.quick else "vectors")
    if args.vectors and not args.skip_vectors:
        run([py, str(TRAINING / "vectors.py"), *recipe["vectors"], "--out", str(vec_dir)])
        times["vectors_s"] = round(time.time() - t0)
    if not args.skip_convert:
        t = time.time()
        run([py, str(TRAINING / "convert.py"), *recipe["convert"]])
        times["convert_s"] = round(time.time() - t)
    run_dir = OUTPUT / ("quick" if args.quick else ("main_vectors" if args.vectors else "main"))
    if not args.skip_train:
        t = time.time()
        overrides = [x for k, v in recipe["train"].items() for x in (f"--{k}", str(v))]
        if args.vectors:
            overrides += ["--paths.vectors", str(vec_dir / "model")]
            overrides += ["--components.tok2vec.model.embed.include_static_vectors", "true"]
        run([py, str(TRAINING / "train.py"), str(CONFIG), str(run_dir), *overrides])
        times["train_s"] = round(time.time() - t)
    if args.nerp and not args.skip_train:
        t = time.time()
        nerp_steps = 30 if args.quick else NERP_STEPS
        run(
            [
                py,
                str(TRAINING / "train.py"),
                str(TRAINING / "configs" / "nerp.cfg"),
                str(OUTPUT / "nerp"),
                "--training.max_steps",
                str(nerp_steps),
                "--system.seed",
                "0",
            ]
        )
        times["train_nerp_s"] = round(time.time() - t)
    t = time.time()
    if args.target:
        target = Path(args.target)
    else:
        target = OUTPUT / "quick_model" if args.quick else MODELS / "id_sorot"
        if args.vectors and not args.quick:
            target = OUTPUT / "vectors_model"
    assemble(run_dir / "model-best", target, recipe, vec_dir / "table" if args.vectors else None)
    times["assemble_s"] = round(time.time() - t)
    if not args.skip_eval:
        t = time.time()
        import evaluate

        extra = ["--ner-model", f"nerp={OUTPUT / 'nerp' / 'model-best'}"] if args.nerp else []
        scores = evaluate.main([str(target), *extra])
        times["evaluate_s"] = round(time.time() - t)
        scores["build_times"] = times
        out = target.parent / ("scores_quick.json" if args.quick else "scores.json")
        out.write_text(json.dumps(scores, indent=1), encoding="utf-8")
    print(f"built {target} in {round(time.time() - t0)} s: {times}", flush=True)


if __name__ == "__main__":
    main()
