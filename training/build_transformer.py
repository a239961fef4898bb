"""Build Sorot's pipeline on a transformer backbone (optional; see docs/transformer.md).

    .venv/bin/python training/build_transformer.py --weights /path/to/indobert-base-p1 [--gpu-id 0]

Same data, components and labels as the shipped CNN pipeline (`make model`), on training/configs/transformer.cfg:
  1. training/convert.py with the shipped recipe (build_model.RECIPE) -> training/corpus/{train,dev}
     (skip with --skip-convert when `make model` already wrote them)
  2. spacy train on the transformer config; `--weights` is a LOCAL Hugging Face model directory (config.json,
     weights, tokenizer files). Nothing is downloaded: the Hugging Face libraries run offline.
  3. assemble exactly as build_model.py does (+ sorot_sentences, stock scorers) into --target
Then: `sorot analyze --model <target> ...`. Needs `pip install 'sorot[transformers]'`; a GPU is strongly
advised (a base-size BERT trains at a few hundred words/s on this machine's CPU).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

TRAINING = Path(__file__).resolve().parent
ROOT = TRAINING.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(TRAINING))

CONFIG = TRAINING / "configs" / "transformer.cfg"
OUTPUT = TRAINING / "output"


def check_weights(weights: Path) -> Path:
    """A local Hugging Face model directory, or a clear error (no model name is ever looked up online)."""
    weights = weights.expanduser().resolve()
    if not (weights / "config.json").is_file():
        raise SystemExit(
            f"--weights must be a local Hugging Face model directory with config.json, weights and tokenizer "
            f"files; not found: {weights / 'config.json'}"
        )
    return weights


def train(
    weights: Path,
    output: Path,
    *,
    gpu_id: int = -1,
    overrides: dict[str, object] | None = None,
    config: Path = CONFIG,
) -> Path:
    """spacy train on the transformer config with Sorot's tokenizer and filtered scorers; returns model-best."""
    import sorot_training  # noqa: F401  (registers the filtered scorers)
    import spacy_transformers  # noqa: F401  (registers the transformer factory)
    from spacy.cli.train import train as spacy_train

    import sorot.nlp.tokenizer  # noqa: F401  (registers sorot.id_tokenizer.v1)

    values: dict[str, object] = {"paths.transformer": str(weights)}
    values.update(overrides or {})
    spacy_train(config, output, overrides=values, use_gpu=gpu_id)
    return output / "model-best"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weights", type=Path, required=True, help="local Hugging Face model directory")
    ap.add_argument("--gpu-id", type=int, default=-1, help="GPU to train on (-1 = CPU)")
    ap.add_argument("--max-steps", type=int, default=None, help="default: the config's (20000)")
    ap.add_argument("--output", type=Path, default=OUTPUT / "transformer", help="training run directory")
    ap.add_argument("--target", type=Path, default=OUTPUT / "transformer_model", help="assembled pipeline")
    ap.add_argument("--skip-convert", action="store_true", help="reuse training/corpus from an earlier build")
    args = ap.parse_args(argv)
    weights = check_weights(args.weights)

    import build_model

    t0 = time.time()
    if not args.skip_convert:
        build_model.run([sys.executable, str(TRAINING / "convert.py"), *build_model.RECIPE["convert"]])
    overrides: dict[str, object] = {"system.seed": 0}
    if args.max_steps is not None:
        overrides["training.max_steps"] = args.max_steps
    best = train(weights, args.output, gpu_id=args.gpu_id, overrides=overrides)
    recipe = {
        "convert": build_model.RECIPE["convert"],
        "train": {"config": "training/configs/transformer.cfg", "transformer": weights.name, **overrides},
    }
    build_model.assemble(best, args.target, recipe)
    print(f"built {args.target} in {round(time.time() - t0)} s; run: sorot analyze --model {args.target} ...")


if __name__ == "__main__":
    main()
