"""Train one spaCy pipeline from a config, with Sorot's tokenizer registered (thin wrapper on spacy train).

    .venv/bin/python training/train.py training/configs/sorot.cfg training/output/run [--key value ...]

Run from the repository root (the config's paths are relative to it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import sorot_training  # noqa: E402,F401  (registers the filtered scorers)
from spacy.cli._util import parse_config_overrides  # noqa: E402
from spacy.cli.train import train  # noqa: E402

import sorot.nlp.tokenizer  # noqa: E402,F401  (registers sorot.id_tokenizer.v1)


def main(argv: list[str]) -> None:
    config, output, *rest = argv
    overrides = parse_config_overrides(rest)
    train(Path(config), Path(output), overrides=overrides)


if __name__ == "__main__":
    main(sys.argv[1:])
