"""Load Sorot's shipped Indonesian base pipeline (tokenizer, sentences, tagger, morphology, parser, NER).

The trained pipeline lives in ``src/sorot/models/id_sorot`` (rebuilt by ``training/build_model.py``; see the
model card ``src/sorot/models/README.md``). Everything needed to load it ships with the package, so loading
works with the network off. When no trained model is present (a fresh checkout before ``make model``), the
fallback is a blank Indonesian pipeline with Sorot's tokenizer and rule-based sentence splitter, so the rule
components downstream still run.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language

from sorot.nlp import tokenizer as sorot_tokenizer  # registers sorot.id_tokenizer.v1 and sorot_sentences

log = logging.getLogger(__name__)

MODEL_NAME = "id_sorot"
MODEL_DIR: Path = Path(__file__).resolve().parents[1] / "models" / MODEL_NAME

# The entity labels the base pipeline's NER predicts (one scheme for all training sets).
ENTITY_LABELS: tuple[str, ...] = ("PER", "ORG", "GPE", "LOC", "NORP", "EVENT")

UPOS: frozenset[str] = frozenset(
    [
        "ADJ",
        "ADP",
        "ADV",
        "AUX",
        "CCONJ",
        "DET",
        "INTJ",
        "NOUN",
        "NUM",
        "PART",
        "PRON",
        "PROPN",
        "PUNCT",
        "SCONJ",
        "SYM",
        "VERB",
        "X",
    ]
)


def model_available(path: Path | None = None) -> bool:
    """True when a trained pipeline (a spaCy model directory) exists at ``path`` (default MODEL_DIR)."""
    p = Path(path) if path is not None else MODEL_DIR
    return (p / "config.cfg").is_file() and (p / "meta.json").is_file()


class ModelError(RuntimeError):
    """A user-supplied pipeline cannot be loaded; the message says why and what to do."""


TRANSFORMERS_HINT = "pip install 'sorot[transformers]'  (spacy-transformers + torch; see docs/transformer.md)"


def needs_transformers(path: Path) -> bool:
    """True when the pipeline at ``path`` has a spacy-transformers component (e.g. an IndoBERT backbone)."""
    cfg = Path(path) / "config.cfg"
    if not cfg.is_file():
        return False
    text = cfg.read_text(encoding="utf-8")
    return 'factory = "transformer"' in text or "spacy-transformers." in text


def _prepare_transformers(path: Path) -> None:
    """Make a transformer pipeline loadable offline, or say clearly what is missing.

    The saved pipeline holds the transformer's config, weights and tokenizer itself, so loading never needs
    the original weights directory; the Hugging Face libraries are still told never to reach the network.
    """
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    if importlib.util.find_spec("spacy_transformers") is None:
        raise ModelError(
            f"the pipeline at {path} runs on a transformer, which needs the optional extra: {TRANSFORMERS_HINT}"
        )
    import spacy_transformers  # noqa: F401  (registers the transformer factory and its architectures)


def check_model_dir(path: Path) -> None:
    """Refuse a ``--model`` that is not a trained spaCy pipeline directory, or one whose extra is missing."""
    p = Path(path)
    if not p.is_dir():
        raise ModelError(f"model directory not found: {p}")
    if not model_available(p):
        raise ModelError(f"{p} is not a spaCy pipeline directory (config.cfg and meta.json are needed)")
    if needs_transformers(p):
        _prepare_transformers(p)


def load_base(path: Path | None = None, *, exclude: Iterable[str] = ()) -> Language:
    """Load the shipped Indonesian pipeline (custom tokenizer + tagger/morph/parser/ner).

    If no trained model is present, return ``spacy.blank("id")`` with the Sorot tokenizer and the
    rule-based sentence splitter, and log a warning.

    The tokenizer is always rebuilt from ``src/sorot/data/tokenizer.yaml`` (the pipeline config names the
    registered ``sorot.id_tokenizer.v1``), so edits to that file take effect without retraining; the
    trained components were trained with the same conventions.

    ``path`` may be any pipeline trained with Sorot's tokenizer and labels, e.g. one on a transformer
    backbone built by ``training/build_transformer.py``; that one needs ``sorot[transformers]`` and raises
    :class:`ModelError` with the install command when the extra is missing.
    """
    p = Path(path) if path is not None else MODEL_DIR
    excluded = list(exclude)
    if not model_available(p):
        log.warning(
            "no trained Sorot model at %s; using a blank Indonesian pipeline (tokenizer + sentences only, "
            "no POS/parse/NER). Run `make model` to build it.",
            p,
        )
        nlp = sorot_tokenizer.blank_pipeline()
        for name in excluded:
            if name in nlp.pipe_names:
                nlp.remove_pipe(name)
        return nlp
    if needs_transformers(p):
        _prepare_transformers(p)
    nlp = spacy.load(p, exclude=[*excluded, "tokenizer"])
    if "sorot_sentences" not in nlp.pipe_names and "sorot_sentences" not in excluded:
        nlp.add_pipe("sorot_sentences", first=True)
    return nlp
