"""Readers for the datasets under ../shared/data and the conventions shared by conversion and evaluation.

Conventions (documented in src/sorot/models/README.md):
- UD multiword tokens (clitics: "katanya" = kata + nya) are merged into ONE token, because Sorot's tokenizer
  keeps clitics attached. The merged token takes the UPOS, features, head and relation of the word inside it
  whose head lies outside it (the syntactic head of the group); dependents of the other words attach to it.
- kumparan's separated clitics (nya, lah, kah, ku, mu) are glued back onto the previous word the same way.
- Token lists without spacing (the NER sets, kumparan) get their text back by a detokeniser that knows
  Indonesian punctuation spacing; training re-tokenises that text with Sorot's tokenizer and aligns.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

TRAINING = Path(__file__).resolve().parent
ROOT = TRAINING.parent
SHARED_DATA = (ROOT / ".." / "shared" / "data").resolve()
CORPUS = TRAINING / "corpus"
LABELS_YAML = TRAINING / "labels.yaml"

sys.path.insert(0, str(ROOT / "src"))


def load_labels() -> dict:
    with open(LABELS_YAML, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


# ------------------------------------------------------------------------------------------------- CoNLL-U


@dataclass
class Word:
    form: str
    upos: str
    xpos: str
    feats: str
    head: int  # 0 = root, else 1-based index into the sentence's words
    deprel: str
    space_after: bool = True


@dataclass
class Sentence:
    sent_id: str
    text: str
    words: list[Word] = field(default_factory=list)  # syntactic words (MWT expanded)
    mwts: list[tuple[int, int, str, bool]] = field(default_factory=list)  # (start, end, form, space_after)


def read_conllu(path: Path) -> list[Sentence]:
    """Read a CoNLL-U file: sentences with their syntactic words and their multiword-token ranges."""
    sents: list[Sentence] = []
    cur: Sentence | None = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if cur is not None and cur.words:
                    sents.append(cur)
                cur = None
                continue
            if cur is None:
                cur = Sentence(sent_id="", text="")
            if line.startswith("#"):
                if line.startswith("# sent_id"):
                    cur.sent_id = line.split("=", 1)[1].strip()
                elif line.startswith("# text =") or line.startswith("# text="):
                    cur.text = line.split("=", 1)[1].strip()
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                continue
            space_after = "SpaceAfter=No" not in cols[9]
            if "-" in cols[0]:
                a, b = (int(x) for x in cols[0].split("-"))
                cur.mwts.append((a, b, cols[1], space_after))
                continue
            if "." in cols[0]:  # empty nodes
                continue
            cur.words.append(
                Word(
                    cols[1],
                    cols[3],
                    cols[4],
                    cols[5],
                    int(cols[6]) if cols[6] != "_" else 0,
                    cols[7],
                    space_after,
                )
            )
    if cur is not None and cur.words:
        sents.append(cur)
    return sents


@dataclass
class Token:
    """A surface token (MWT merged) with the annotation of its syntactic head word."""

    text: str
    space_after: bool
    upos: str
    feats: str
    head: int  # 0-based index into the sentence's tokens; == own index for the root
    deprel: str


def merge_mwts(sent: Sentence) -> list[Token]:
    """Surface tokens of a UD sentence, each multiword token merged into one (see module docstring)."""
    n = len(sent.words)
    word_to_tok = list(range(n))  # 0-based word -> 0-based token
    groups: list[tuple[int, int, str, bool]] = sorted(sent.mwts)
    tokens_spec: list[tuple[list[int], str, bool]] = []  # (word indices, form, space_after)
    i = 0
    gi = 0
    while i < n:
        if gi < len(groups) and groups[gi][0] == i + 1:
            a, b, form, sp = groups[gi]
            tokens_spec.append((list(range(a - 1, b)), form, sp))
            i = b
            gi += 1
        else:
            w = sent.words[i]
            tokens_spec.append(([i], w.form, w.space_after))
            i += 1
    for t_idx, (idxs, _, _) in enumerate(tokens_spec):
        for w in idxs:
            word_to_tok[w] = t_idx
    out: list[Token] = []
    for t_idx, (idxs, form, sp) in enumerate(tokens_spec):
        inside = set(idxs)
        main = next((w for w in idxs if sent.words[w].head - 1 not in inside), idxs[0])
        mw = sent.words[main]
        if mw.head == 0:
            head = t_idx
            dep = "ROOT"
        else:
            head = word_to_tok[mw.head - 1]
            dep = mw.deprel
            if head == t_idx:  # cannot happen for a well-formed tree; keep safe
                dep = "ROOT"
        out.append(Token(form, sp, mw.upos, mw.feats, head, dep))
    return out


# ---------------------------------------------------------------------------------------------- token lists

_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "”", "’", "...", "…", "'s"}
_NO_SPACE_AFTER = {"(", "[", "{", "“", "‘", "$", "#"}


def detokenize(tokens: list[str]) -> list[bool]:
    """Whether each token is followed by a space, by Indonesian typographic convention.

    Straight double quotes alternate: an opening one sticks to the next token, a closing one to the previous.
    """
    n = len(tokens)
    spaces = [True] * n
    quote_open = False
    for i, tok in enumerate(tokens):
        if tok in _NO_SPACE_AFTER:
            spaces[i] = False
        if i + 1 < n and tokens[i + 1] in _NO_SPACE_BEFORE:
            spaces[i] = False
        if tok == '"':
            if not quote_open:
                spaces[i] = False  # opening: glue to next
            elif i > 0:
                spaces[i - 1] = False  # closing: glue to previous
            quote_open = not quote_open
    if n:
        spaces[-1] = False
    return spaces


def read_two_col(path: Path, *, sep: str = "\t", tag_col: int = 1) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag) from a one-token-per-line file; split on the separator, never on NBSP."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line.strip(" \t"):
                if cur:
                    sents.append(cur)
                cur = []
                continue
            cols = line.split(sep)
            if len(cols) <= tag_col:
                continue
            tok = cols[0]
            if not tok.strip():
                tok = tok.replace("\u00a0", "_") or "_"  # an NBSP token: keep a placeholder
                tok = tok.strip() or "_"
            cur.append((tok, cols[tag_col].strip()))
    if cur:
        sents.append(cur)
    return sents


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans from IOB2 tags; a stray I- starts a new span (conlleval behaviour)."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        if prefix == "B" or prefix == "O" or (prefix == "I" and lab != label):
            if start >= 0:
                spans.append((start, i, label))
                start, label = -1, ""
            if prefix in ("B", "I"):
                start, label = i, lab
    return spans


def seeded_split(items: list, fraction: float, seed: int) -> tuple[list, list]:
    """A deterministic (rest, held_out) split."""
    idx = list(range(len(items)))
    random.Random(seed).shuffle(idx)
    k = int(round(len(items) * fraction))
    held = set(idx[:k])
    return [x for i, x in enumerate(items) if i not in held], [x for i, x in enumerate(items) if i in held]


def dedupe(sents: Iterable[list[tuple[str, str]]]) -> Iterator[list[tuple[str, str]]]:
    seen: set[str] = set()
    for s in sents:
        key = " ".join(t for t, _ in s)
        if key in seen:
            continue
        seen.add(key)
        yield s


WORD_RE = re.compile(r"\w", re.UNICODE)
