"""Clitic expansion: UD syntactic words and CoNLL-U from a parsed Doc.

Sorot's tokens keep clitics on their host ("katanya", "rumahnya", "apakah") because the quote, date and event
extractors look for those words. UD treebanks split them into syntactic words ("kata" + "nya"), so a parse
written for UD tools (and the UD evaluation, `training/evaluate.py`) expands such a token into a multiword
token, the way Stanza's MWT expander does. The host keeps the token's predicted tag, features, head and
relation; the clitic's tag, features, relation and attachment come from a table learnt from the UD training
parts by `training/clitics.py` (`data/clitics.yaml`), keyed by the host's predicted class. No gold is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from sorot.config import load_yaml

_MIN_HOST = 2
# a clitic the table has never seen (every listed clitic has a "*" row): a particle on its host
_UNKNOWN = {"upos": "PART", "deprel": "advmod", "feats": "_", "attach": "host"}


@dataclass
class Word:
    """One syntactic word of a sentence (CoNLL-U row)."""

    form: str
    upos: str
    feats: str
    head: int  # index in the Doc's word list, -1 for the root
    deprel: str
    token: int  # index of the spaCy token it comes from
    multi: bool  # part of a multiword token
    space_after: bool = True
    xpos: str = "_"  # the tagger's kumparan tag (hosts and plain words)


def clitic_inventory() -> tuple[str, ...]:
    """The suffix clitics UD Indonesian writes as separate words, longest first (data/clitics.yaml)."""
    return _rules()["clitics"]


def host_class(upos: str, form: str) -> str:
    """The key of the clitic table: the host's UPOS, verbs refined by their voice prefix (di-: passive)."""
    if upos == "VERB":
        low = form.lower()
        for prefix in _rules()["host_verb_prefixes"]:
            if low.startswith(prefix):
                return f"VERB:{prefix}"
    return upos


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    raw = load_yaml("clitics.yaml") or {}
    return {
        "clitics": tuple(sorted((str(c) for c in raw.get("clitics") or ()), key=len, reverse=True)),
        "host_verb_prefixes": tuple(str(p) for p in raw.get("host_verb_prefixes") or ()),
        "default": tuple(raw.get("default_split") or ()),
        "whole": frozenset(raw.get("whole") or ()),
        "split": frozenset(raw.get("split") or ()),
        "analysis": raw.get("analysis") or {},
    }


def split_clitic(text: str) -> tuple[str, str] | None:
    """(host, clitic) when the token is a host with a suffix clitic, else None ("katanya" -> kata + nya)."""
    low = text.lower()
    rules = _rules()
    for clitic in rules["clitics"]:
        if not low.endswith(clitic) or len(low) < len(clitic) + _MIN_HOST:
            continue
        host = text[: -len(clitic)]
        if not host[-1].isalpha():
            return None
        if low in rules["split"] or (clitic in rules["default"] and low not in rules["whole"]):
            return host, text[-len(clitic) :]
        return None
    return None


def _analysis(clitic: str, host_upos: str, host_form: str) -> dict[str, Any]:
    table = _rules()["analysis"].get(clitic.lower(), {})
    cls = host_class(host_upos, host_form)
    found = table.get(cls) or table.get(cls.split(":")[0]) or table.get("*")
    return found or _UNKNOWN


def syntactic_words(doc: Doc, expand: bool = True) -> list[Word]:
    """The Doc's UD words: each token one word, a host + clitic token two unless ``expand`` is off
    (whitespace tokens dropped)."""
    words: list[Word] = []
    first: dict[int, int] = {}  # token index -> index of its (host) word
    clitic_of: dict[int, tuple[int, dict[str, Any]]] = {}
    for tok in doc:
        if tok.is_space:
            continue
        first[tok.i] = len(words)
        dep = "root" if tok.dep_ in ("ROOT", "") and tok.head.i == tok.i else tok.dep_
        space = bool(tok.whitespace_)
        parts = split_clitic(tok.text) if expand else None
        feats = str(tok.morph) or "_"
        if parts is None:
            words.append(Word(tok.text, tok.pos_, feats, -1, dep, tok.i, False, space, tok.tag_ or "_"))
            continue
        host, clitic = parts
        words.append(Word(host, tok.pos_, feats, -1, dep, tok.i, True, False, tok.tag_ or "_"))
        info = _analysis(clitic, tok.pos_, host)
        clitic_of[len(words)] = (tok.i, info)
        words.append(Word(clitic, info["upos"], info["feats"], -1, info["deprel"], tok.i, True, space))
    for tok in doc:
        if tok.is_space:
            continue
        w = first[tok.i]
        if tok.head.i != tok.i and tok.head.i in first:
            words[w].head = first[tok.head.i]
    for index, (tok_i, info) in clitic_of.items():
        host_i = first[tok_i]
        if info.get("attach") == "host_head" and words[host_i].head != -1:
            words[index].head = words[host_i].head
        else:
            words[index].head = host_i
    return words


def to_conllu(doc: Doc, first_sent_id: int = 1) -> str:
    """The Doc as CoNLL-U: one block per sentence (ids from ``first_sent_id``), clitic groups as multiword-token
    ranges, the tagger's kumparan tag as XPOS."""
    words = syntactic_words(doc)
    by_token: dict[int, list[int]] = {}
    for k, w in enumerate(words):
        by_token.setdefault(w.token, []).append(k)
    blocks: list[str] = []
    for n, sent in enumerate(doc.sents, first_sent_id):
        ids: dict[int, int] = {}
        for tok in sent:
            for k in by_token.get(tok.i, []):
                ids[k] = len(ids) + 1
        lines = [f"# sent_id = {n}", f"# text = {sent.text.strip()}"]
        for tok in sent:
            ks = by_token.get(tok.i, [])
            if len(ks) > 1:
                misc = "_" if tok.whitespace_ else "SpaceAfter=No"
                lines.append(f"{ids[ks[0]]}-{ids[ks[-1]]}\t{tok.text}\t_\t_\t_\t_\t_\t_\t_\t{misc}")
            for k in ks:
                w = words[k]
                head = ids.get(w.head, 0) if w.head != -1 else 0
                deprel = "root" if head == 0 else w.deprel
                misc = "SpaceAfter=No" if len(ks) == 1 and not w.space_after else "_"
                cols = [str(ids[k]), w.form, "_", w.upos or "_", w.xpos, w.feats or "_", str(head), deprel]
                lines.append("\t".join([*cols, "_", misc]))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n\n" if blocks else ""
