"""Score predicted ``sorot.document/1`` records (and claims) against gold annotations: ``sorot eval``.

Gold files follow ``docs/annotation-guidelines.md``: one ``<doc-id>.json`` per document (mentions as surface
strings, quotes as ``text_prefix``) and an optional ``claims.json``. Every layer is scored micro over
documents (counts summed, then P/R/F1), with the per-document figures and the concrete misses kept so that a
score can always be traced back to the items behind it.

Matching rules, each in one small function below:

- names (entities, outlets, speakers, actors) compare case-insensitively with whitespace collapsed;
- a predicted quote matches a gold quote when its words start with or contain the gold ``text_prefix``
  (quote characters, punctuation and case ignored), or start with / contain its first six words;
- events match one-to-one on (type, actor, target); among several candidates the one agreeing on most
  attributes is taken, so attribute accuracies do not depend on list order;
- ``null`` is a value: gold null and predicted null agree (published, speaker, source, via, date).

A gold document absent from the prediction counts as entirely missed and is listed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "PRF",
    "Accuracy",
    "EvalReport",
    "Miss",
    "evaluate",
    "evaluate_records",
    "greedy_match",
    "load_gold",
    "load_jsonl",
    "quote_match_strength",
]

DOCUMENT_SCHEMA = "sorot.document/1"
CLAIM_SCHEMA = "sorot.claim/1"
PREFIX_WORDS = 6  # the guidelines' text_prefix is "the first six or more words"
SIGNAL_FIELDS = ("anonymous_sources", "duplicate_paragraphs", "named_sources")
QUOTE_CHARS = "\"'`´“”„‟‘’‚‛«»‹›「」『』"

# -- scores --------------------------------------------------------------------------------------------


@dataclass
class PRF:
    """Counts of one detection layer; precision, recall and F1 derive from them.

    Nothing expected and nothing predicted is a perfect score (1.0); otherwise an empty denominator gives 0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def empty(self) -> bool:
        return self.tp + self.fp + self.fn == 0

    @property
    def precision(self) -> float:
        if self.empty:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.empty:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    """Share of correct decisions; ``abs_error`` sums |gold - pred| for count-valued fields (signals)."""

    correct: int = 0
    total: int = 0
    abs_error: float = 0.0

    def record(self, ok: bool, abs_error: float = 0.0) -> None:
        self.total += 1
        self.correct += int(ok)
        self.abs_error += abs_error

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total
        self.abs_error += other.abs_error

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    @property
    def mean_abs_error(self) -> float | None:
        return self.abs_error / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "correct": self.correct,
            "total": self.total,
            "accuracy": None if self.value is None else round(self.value, 4),
        }
        if self.abs_error:
            out["mean_abs_error"] = round(self.abs_error / self.total, 4)
        return out


@dataclass
class Miss:
    """One concrete error: a missed gold item (FN), a spurious prediction (FP) or a wrong attribute."""

    layer: str
    doc: str
    kind: str  # FN, FP, wrong, missing-doc
    detail: str

    def to_dict(self) -> dict[str, str]:
        return {"layer": self.layer, "doc": self.doc, "kind": self.kind, "detail": self.detail}


# Display order of the summary: (key, label). Keys are "<layer>.<metric>".
PRF_KEYS: tuple[str, ...] = (
    "removed.pieces",
    "cited_outlets.names",
    "entities.name",
    "entities.typed",
    "entities.mentions",
    "quotes.detection",
    "events.type",
    "events.type_actor_target",
    "events.strict",
    "claims.type_actor_target",
)
ACC_KEYS: tuple[str, ...] = (
    "metadata.published",
    "metadata.title",
    "removed.gone_from_text",
    "quotes.speaker",
    "quotes.kind",
    "quotes.cue",
    "quotes.via",
    "events.status",
    "events.source",
    "events.date",
    "events.date_all",
    "events.item",
    "events.mode",
    "signals.anonymous_sources",
    "signals.duplicate_paragraphs",
    "signals.named_sources",
    "claims.verdict",
    "claims.verdict_all",
)


@dataclass
class EvalReport:
    """Everything ``sorot eval`` measured; ``format()`` for people, ``to_dict()`` for machines."""

    gold_docs: list[str] = field(default_factory=list)
    pred_docs: list[str] = field(default_factory=list)
    missing_docs: list[str] = field(default_factory=list)
    extra_docs: list[str] = field(default_factory=list)
    duplicate_pred_ids: list[str] = field(default_factory=list)
    skipped_records: int = 0
    scores: dict[str, PRF] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    per_doc: dict[str, dict[str, PRF | Accuracy]] = field(default_factory=dict)
    errors: list[Miss] = field(default_factory=list)
    claims_evaluated: bool = False

    def prf(self, key: str) -> PRF:
        """The micro-averaged counts of ``key`` (created empty on first use)."""
        return self.scores.setdefault(key, PRF())

    def acc(self, key: str) -> Accuracy:
        return self.accuracies.setdefault(key, Accuracy())

    def _doc_prf(self, doc: str, key: str, part: PRF) -> None:
        self.prf(key).add(part)
        slot = self.per_doc.setdefault(doc, {}).setdefault(key, PRF())
        assert isinstance(slot, PRF)
        slot.add(part)

    def _doc_acc(self, doc: str, key: str, part: Accuracy) -> None:
        self.acc(key).add(part)
        slot = self.per_doc.setdefault(doc, {}).setdefault(key, Accuracy())
        assert isinstance(slot, Accuracy)
        slot.add(part)

    # -- output ----------------------------------------------------------------------------------------

    def summary_rows(self) -> list[dict[str, Any]]:
        """One row per metric, in display order (the CLI renders these as a rich table)."""
        rows: list[dict[str, Any]] = []
        ordered = [k for k in PRF_KEYS if k in self.scores] + [k for k in self.scores if k not in PRF_KEYS]
        for key in ordered:
            s = self.scores[key]
            layer, _, metric = key.partition(".")
            rows.append(
                {
                    "layer": layer,
                    "metric": metric,
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                    "accuracy": None,
                    "counts": f"tp={s.tp} fp={s.fp} fn={s.fn}",
                }
            )
        ordered = [k for k in ACC_KEYS if k in self.accuracies] + [
            k for k in self.accuracies if k not in ACC_KEYS
        ]
        for key in ordered:
            a = self.accuracies[key]
            layer, _, metric = key.partition(".")
            counts = f"{a.correct}/{a.total}"
            if a.abs_error and a.total:
                counts += f" mae={a.abs_error / a.total:.2f}"
            rows.append(
                {
                    "layer": layer,
                    "metric": metric,
                    "precision": None,
                    "recall": None,
                    "f1": None,
                    "accuracy": a.value,
                    "counts": counts,
                }
            )
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": {
                "gold": len(self.gold_docs),
                "predicted": len(self.pred_docs),
                "matched": len(self.gold_docs) - len(self.missing_docs),
                "missing": list(self.missing_docs),
                "extra": list(self.extra_docs),
                "duplicate_pred_ids": list(self.duplicate_pred_ids),
                "skipped_records": self.skipped_records,
            },
            "scores": {k: v.to_dict() for k, v in self.scores.items()},
            "accuracies": {k: v.to_dict() for k, v in self.accuracies.items()},
            "per_doc": {
                doc: {k: v.to_dict() for k, v in layers.items()} for doc, layers in self.per_doc.items()
            },
            "errors": [m.to_dict() for m in self.errors],
        }

    def format(self, details: bool = False, max_errors: int = 20) -> str:
        """Plain-text report: header, summary table, then the first ``max_errors`` misses of each layer.

        ``details`` adds a per-document table of the main figures.
        """
        matched = len(self.gold_docs) - len(self.missing_docs)
        lines = [
            f"Sorot evaluation: {len(self.gold_docs)} gold documents, {len(self.pred_docs)} predicted, "
            f"{matched} matched"
        ]
        if self.missing_docs:
            lines.append(
                f"Missing from the prediction (scored as all missed): {', '.join(self.missing_docs)}"
            )
        if self.extra_docs:
            lines.append(f"Predicted but not in gold (ignored): {len(self.extra_docs)}")
        if self.duplicate_pred_ids:
            lines.append(f"Duplicate predicted ids (first kept): {', '.join(self.duplicate_pred_ids)}")
        if self.skipped_records:
            lines.append(f"Skipped non-document records: {self.skipped_records}")
        if not self.claims_evaluated:
            lines.append("Claims: not evaluated (needs gold claims.json and predicted claims)")
        lines.append("")
        lines.append(_table(["layer", "metric", "P", "R", "F1", "acc", "counts"], self._summary_cells()))
        if details:
            lines += ["", "Per document", _table(*self._per_doc_cells())]
        lines += ["", self._format_errors(max_errors)]
        return "\n".join(lines).rstrip() + "\n"

    def _summary_cells(self) -> list[list[str]]:
        return [
            [
                r["layer"],
                r["metric"],
                _fmt(r["precision"]),
                _fmt(r["recall"]),
                _fmt(r["f1"]),
                _fmt(r["accuracy"]),
                r["counts"],
            ]
            for r in self.summary_rows()
        ]

    def _per_doc_cells(self) -> tuple[list[str], list[list[str]]]:
        prf_cols = ["entities.typed", "quotes.detection", "events.type_actor_target"]
        acc_cols = ["metadata.published", "quotes.speaker", "events.status", "events.date"]
        header = ["doc", *(f"{k} F1" for k in prf_cols), *acc_cols]
        rows = []
        for doc in self.gold_docs:
            layers = self.per_doc.get(doc, {})
            cells = [doc + (" (missing)" if doc in self.missing_docs else "")]
            for k in prf_cols:
                s = layers.get(k)
                cells.append(_fmt(s.f1) if isinstance(s, PRF) else "-")
            for k in acc_cols:
                a = layers.get(k)
                cells.append(f"{a.correct}/{a.total}" if isinstance(a, Accuracy) and a.total else "-")
            rows.append(cells)
        return header, rows

    def _format_errors(self, max_errors: int) -> str:
        if not self.errors:
            return "Errors: none"
        by_layer: dict[str, list[Miss]] = {}
        for m in self.errors:
            by_layer.setdefault(m.layer, []).append(m)
        out = [f"Errors (first {max_errors} per layer)"]
        for layer, misses in by_layer.items():
            out.append(f"[{layer}] {len(misses)}")
            for m in misses[:max_errors]:
                out.append(f"  {m.doc}  {m.kind:<7} {m.detail}")
            if len(misses) > max_errors:
                out.append(f"  ... {len(misses) - max_errors} more")
        return "\n".join(out)


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{x:.3f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=False)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    sep = "  ".join("-" * w for w in widths)
    body = ["  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join([line.rstrip(), sep, *body])


# -- normalisation and matching helpers --------------------------------------------------------------


def norm_space(text: str | None) -> str:
    """Whitespace collapsed and NFC-normalised (gold was typed, predictions were extracted)."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def norm_name(name: str | None) -> str | None:
    """Case- and whitespace-insensitive form of a canonical name; None stays None (null is a value)."""
    if name is None:
        return None
    return norm_space(name).casefold()


def norm_outlet(name: str | None) -> str | None:
    """Outlet names also ignore edge punctuation ("Reuters." and "Reuters" are one outlet)."""
    n = norm_name(name)
    return None if n is None else n.strip(" .,;:()[]\"'")


def quote_words(text: str | None) -> tuple[str, ...]:
    """The words of a quote: case, quote characters (straight or curly) and punctuation ignored."""
    s = unicodedata.normalize("NFKC", text or "").casefold()
    for ch in QUOTE_CHARS:
        s = s.replace(ch, " ")
    return tuple(re.findall(r"\w+", s))


def _contains(seq: Sequence[str], sub: Sequence[str]) -> bool:
    n = len(sub)
    if n == 0 or n > len(seq):
        return False
    return any(tuple(seq[i : i + n]) == tuple(sub) for i in range(len(seq) - n + 1))


def quote_match_strength(gold_prefix: str, pred_text: str) -> int:
    """How well a predicted quote text fits a gold ``text_prefix``: 0 (no match) to 5 (identical).

    5 equal, 4 starts with the prefix, 3 contains it, 2 starts with its first six words, 1 contains them.
    """
    g, p = quote_words(gold_prefix), quote_words(pred_text)
    if not g or not p:
        return 0
    if g == p:
        return 5
    if p[: len(g)] == g:
        return 4
    if _contains(p, g):
        return 3
    if len(g) > PREFIX_WORDS:
        head = g[:PREFIX_WORDS]
        if p[:PREFIX_WORDS] == head:
            return 2
        if _contains(p, head):
            return 1
    return 0


def greedy_match(
    n_gold: int, n_pred: int, score: Callable[[int, int], tuple[float, ...] | None]
) -> list[tuple[int, int]]:
    """One-to-one matching: best-scoring pairs first, ties by list order; ``score`` None means no pair."""
    cands: list[tuple[tuple[float, ...], int, int]] = []
    for gi in range(n_gold):
        for pi in range(n_pred):
            s = score(gi, pi)
            if s is not None:
                cands.append((s, gi, pi))
    cands.sort(key=lambda c: (tuple(-x for x in c[0]), c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _s, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def set_prf(gold: Iterable[Any], pred: Iterable[Any]) -> tuple[PRF, set[Any], set[Any]]:
    """P/R/F1 counts of two sets, with the misses (gold only) and false positives (pred only)."""
    g, p = set(gold), set(pred)
    return PRF(tp=len(g & p), fp=len(p - g), fn=len(g - p)), g - p, p - g


def _event_key(ev: Mapping[str, Any], fields: Sequence[str]) -> tuple[str | None, ...]:
    return tuple(norm_name(ev.get(f)) for f in fields)


EVENT_ATTRS = ("item", "status", "source", "date", "mode")


def _event_agreement(g: Mapping[str, Any], p: Mapping[str, Any]) -> tuple[float, ...]:
    return (float(sum(norm_name(g.get(a)) == norm_name(p.get(a)) for a in EVENT_ATTRS)),)


def match_events(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]], fields: Sequence[str]
) -> list[tuple[int, int]]:
    """Events paired one-to-one on equal ``fields``; the most agreeing candidate wins a contested gold event."""

    def score(gi: int, pi: int) -> tuple[float, ...] | None:
        if _event_key(gold[gi], fields) != _event_key(pred[pi], fields):
            return None
        return _event_agreement(gold[gi], pred[pi])

    return greedy_match(len(gold), len(pred), score)


def match_quotes(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int]]:
    """Quotes paired by text strength first, then by agreeing speaker and kind."""

    def score(gi: int, pi: int) -> tuple[float, ...] | None:
        g, p = gold[gi], pred[pi]
        strength = quote_match_strength(g.get("text_prefix") or g.get("text") or "", p.get("text") or "")
        if not strength:
            return None
        same_speaker = norm_name(g.get("speaker_name")) == norm_name(p.get("speaker_name"))
        return (float(strength), float(same_speaker), float(g.get("kind") == p.get("kind")))

    return greedy_match(len(gold), len(pred), score)


def removed_texts(items: Iterable[Any]) -> list[str]:
    """Removed pieces as normalised strings (gold lists strings, predictions ``{kind, text}`` objects)."""
    out = []
    for it in items:
        t = it.get("text") if isinstance(it, Mapping) else it
        if isinstance(t, str) and norm_space(t):
            out.append(norm_space(t))
    return out


def match_removed(gold: Sequence[str], pred: Sequence[str]) -> tuple[list[bool], list[bool]]:
    """Which gold removed strings a predicted piece covers (equal or containing), and which pieces are used.

    A predicted piece may cover several different gold strings (one block "Copyright ... All rights reserved"
    covers two lines), but each repetition of the same gold string (a duplicated paragraph) needs its own piece.
    """
    found = [False] * len(gold)
    used = [False] * len(pred)
    covered: list[set[str]] = [set() for _ in pred]
    for gi, g in enumerate(gold):
        candidates = [pi for pi, p in enumerate(pred) if g == p or g in p]
        candidates.sort(key=lambda pi: (used[pi], pred[pi] != g))
        for pi in candidates:
            if g in covered[pi]:
                continue
            covered[pi].add(g)
            used[pi] = True
            found[gi] = True
            break
    return found, used


def gone_from_text(piece: str, text: str, *, keep_one: bool) -> bool:
    """True when a removed piece no longer stands in the clean text.

    The headline and a duplicated paragraph legitimately keep one copy (the contract keeps the headline as
    the first paragraph), so for those ``keep_one`` allows a single paragraph equal to the piece.
    """
    if keep_one:
        paragraphs = [norm_space(line) for line in text.splitlines()]
        return sum(p == piece for p in paragraphs) <= 1
    return piece not in norm_space(text)


# -- loading -------------------------------------------------------------------------------------------


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """Objects of a JSONL file (a ``.json`` file holding one object or a list is accepted too)."""
    raw = path.read_text(encoding="utf-8")
    stripped = raw.lstrip()
    if path.suffix == ".json" and stripped.startswith(("[", "{")):
        data = json.loads(raw)
        return list(data) if isinstance(data, list) else [data]
    records = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not a JSON object ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise ValueError(f"{path}:{n}: expected a JSON object, got {type(obj).__name__}")
        records.append(obj)
    return records


def load_gold(gold_dir: Path) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]] | None]:
    """Gold documents by id (``<id>.json``) and the gold claims (``claims.json``) if present."""
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"gold directory not found: {gold_dir}")
    docs: dict[str, dict[str, Any]] = {}
    claims = None
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if path.name == "claims.json":
            claims = list(data)
            continue
        if not isinstance(data, dict):
            raise ValueError(f"{path}: a gold document must be a JSON object")
        docs[str(data.get("id") or path.stem)] = data
    return docs, claims


# -- layer scorers -------------------------------------------------------------------------------------


def _score_metadata(
    rep: EvalReport, doc: str, gold: Mapping[str, Any], pred: Mapping[str, Any] | None
) -> None:
    for fld in ("published", "title"):
        acc = Accuracy()
        g = gold.get(fld)
        p = None if pred is None else pred.get(fld)
        ok = pred is not None and (norm_space(g) == norm_space(p) if g and p else g == p)
        acc.record(ok)
        rep._doc_acc(doc, f"metadata.{fld}", acc)
        if not ok and pred is not None:
            rep.errors.append(Miss("metadata", doc, "wrong", f"{fld}: gold {g!r}, predicted {p!r}"))


def _score_removed(
    rep: EvalReport, doc: str, gold: Mapping[str, Any], pred: Mapping[str, Any] | None
) -> None:
    g_items = removed_texts(gold.get("removed") or [])
    p_raw = [] if pred is None else list(pred.get("removed") or [])
    p_items = removed_texts(p_raw)
    found, used = match_removed(g_items, p_items)
    rep._doc_prf(doc, "removed.pieces", PRF(tp=sum(found), fp=used.count(False), fn=found.count(False)))
    for g, ok in zip(g_items, found, strict=True):
        if not ok and pred is not None:
            rep.errors.append(Miss("removed", doc, "FN", repr(g[:80])))
    for p, ok in zip(p_items, used, strict=True):
        if not ok:
            rep.errors.append(Miss("removed", doc, "FP", repr(p[:80])))
    # A gold string that must vanish: everything except the headline and duplicated paragraphs.
    dup_kinds = {
        norm_space(it.get("text"))
        for it in p_raw
        if isinstance(it, Mapping) and it.get("kind") == "duplicate"
    }
    title = norm_space(gold.get("title"))
    text = "" if pred is None else str(pred.get("text") or "")
    acc = Accuracy()
    for g in dict.fromkeys(g_items):
        ok = pred is not None and gone_from_text(g, text, keep_one=g == title or g in dup_kinds)
        acc.record(ok)
        if not ok and pred is not None:
            rep.errors.append(Miss("removed", doc, "in-text", f"still in the clean text: {g[:80]!r}"))
    rep._doc_acc(doc, "removed.gone_from_text", acc)


def _score_outlets(
    rep: EvalReport, doc: str, gold: Mapping[str, Any], pred: Mapping[str, Any] | None
) -> None:
    g = {norm_outlet(x) for x in gold.get("cited_outlets") or []}
    p = {norm_outlet(x) for x in (pred or {}).get("cited_outlets") or []}
    counts, fn, fp = set_prf(g, p)
    rep._doc_prf(doc, "cited_outlets.names", counts)
    if pred is not None:
        rep.errors += [Miss("cited_outlets", doc, "FN", str(x)) for x in sorted(map(str, fn))]
        rep.errors += [Miss("cited_outlets", doc, "FP", str(x)) for x in sorted(map(str, fp))]


def _score_entities(
    rep: EvalReport, doc: str, gold: Mapping[str, Any], pred: Mapping[str, Any] | None
) -> None:
    g_ents = list(gold.get("entities") or [])
    p_ents = list((pred or {}).get("entities") or [])
    counts, _, _ = set_prf(
        (norm_name(e.get("name")) for e in g_ents), (norm_name(e.get("name")) for e in p_ents)
    )
    rep._doc_prf(doc, "entities.name", counts)
    display = {(norm_name(e.get("name")), e.get("type")): e.get("name") for e in [*p_ents, *g_ents]}
    typed, fn, fp = set_prf(
        ((norm_name(e.get("name")), e.get("type")) for e in g_ents),
        ((norm_name(e.get("name")), e.get("type")) for e in p_ents),
    )
    rep._doc_prf(doc, "entities.typed", typed)
    if pred is not None:
        rep.errors += [Miss("entities", doc, "FN", f"{display[k]} ({k[1]})") for k in sorted(fn, key=str)]
        rep.errors += [Miss("entities", doc, "FP", f"{display[k]} ({k[1]})") for k in sorted(fp, key=str)]
    g_mentions = {
        (norm_name(e.get("name")), norm_name(m if isinstance(m, str) else m.get("text")))
        for e in g_ents
        for m in e.get("mentions") or []
    }
    p_mentions = {
        (norm_name(e.get("name")), norm_name(m.get("text") if isinstance(m, Mapping) else m))
        for e in p_ents
        for m in e.get("mentions") or []
    }
    mentions, _, _ = set_prf(g_mentions, p_mentions)
    rep._doc_prf(doc, "entities.mentions", mentions)


def _short(text: Any, n: int = 70) -> str:
    s = norm_space(str(text or ""))
    return s if len(s) <= n else s[: n - 1] + "…"


def _score_quotes(rep: EvalReport, doc: str, gold: Mapping[str, Any], pred: Mapping[str, Any] | None) -> None:
    g_q = list(gold.get("quotes") or [])
    p_q = list((pred or {}).get("quotes") or [])
    pairs = match_quotes(g_q, p_q)
    rep._doc_prf(
        doc, "quotes.detection", PRF(tp=len(pairs), fp=len(p_q) - len(pairs), fn=len(g_q) - len(pairs))
    )
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    if pred is not None:
        for gi, q in enumerate(g_q):
            if gi not in matched_g:
                rep.errors.append(
                    Miss(
                        "quotes",
                        doc,
                        "FN",
                        f"{q.get('kind')} {q.get('speaker_name')!r}: {_short(q.get('text_prefix'))!r}",
                    )
                )
        for pi, q in enumerate(p_q):
            if pi not in matched_p:
                rep.errors.append(
                    Miss(
                        "quotes",
                        doc,
                        "FP",
                        f"{q.get('kind')} {q.get('speaker_name')!r}: {_short(q.get('text'))!r}",
                    )
                )
    checks: dict[str, Callable[[Any], Any]] = {
        "speaker": lambda q: norm_name(q.get("speaker_name")),
        "kind": lambda q: q.get("kind"),
        "cue": lambda q: norm_name(q.get("cue")),
        "via": lambda q: norm_outlet(q.get("via")),
    }
    for name, get in checks.items():
        acc = Accuracy()
        for gi, pi in pairs:
            ok = get(g_q[gi]) == get(p_q[pi])
            acc.record(ok)
            if not ok:
                field_name = "speaker_name" if name == "speaker" else name
                rep.errors.append(
                    Miss(
                        "quotes",
                        doc,
                        "wrong",
                        f"{name}: gold {g_q[gi].get(field_name)!r}, predicted {p_q[pi].get(field_name)!r} "
                        f"for {_short(g_q[gi].get('text_prefix'), 50)!r}",
                    )
                )
        rep._doc_acc(doc, f"quotes.{name}", acc)


def _describe_event(ev: Mapping[str, Any]) -> str:
    parts = [f"{ev.get('type')} {ev.get('actor')} -> {ev.get('target')}"]
    if ev.get("item"):
        parts.append(f"[{ev.get('item')}]")
    parts.append(str(ev.get("status") or "asserted"))
    parts.append(f"src={ev.get('source')}")
    if ev.get("date"):
        parts.append(f"date={ev.get('date')}")
    return " ".join(parts)


def _score_events(rep: EvalReport, doc: str, gold: Mapping[str, Any], pred: Mapping[str, Any] | None) -> None:
    g_ev = list(gold.get("events") or [])
    p_ev = list((pred or {}).get("events") or [])
    variants = {
        "events.type": ("type",),
        "events.type_actor_target": ("type", "actor", "target"),
        "events.strict": ("type", "actor", "target", "item"),
    }
    main: list[tuple[int, int]] = []
    for key, fields in variants.items():
        pairs = match_events(g_ev, p_ev, fields)
        rep._doc_prf(doc, key, PRF(tp=len(pairs), fp=len(p_ev) - len(pairs), fn=len(g_ev) - len(pairs)))
        if key == "events.type_actor_target":
            main = pairs
    matched_g = {gi for gi, _ in main}
    matched_p = {pi for _, pi in main}
    if pred is not None:
        rep.errors += [
            Miss("events", doc, "FN", _describe_event(e)) for i, e in enumerate(g_ev) if i not in matched_g
        ]
        rep.errors += [
            Miss("events", doc, "FP", _describe_event(e)) for i, e in enumerate(p_ev) if i not in matched_p
        ]
    status_of: Callable[[Mapping[str, Any]], Any] = lambda e: e.get("status") or "asserted"  # noqa: E731
    attrs: dict[str, Callable[[Mapping[str, Any]], Any]] = {
        "status": status_of,
        "source": lambda e: norm_name(e.get("source")),
        "item": lambda e: norm_name(e.get("item")),
        "mode": lambda e: norm_name(e.get("mode")),
        "date_all": lambda e: e.get("date"),
    }
    for name, get in attrs.items():
        acc = Accuracy()
        for gi, pi in main:
            ok = get(g_ev[gi]) == get(p_ev[pi])
            acc.record(ok)
            if not ok and name != "date_all":
                rep.errors.append(
                    Miss(
                        "events",
                        doc,
                        "wrong",
                        f"{name}: gold {g_ev[gi].get(name)!r}, predicted {p_ev[pi].get(name)!r} "
                        f"for {g_ev[gi].get('type')} {g_ev[gi].get('actor')} -> {g_ev[gi].get('target')}",
                    )
                )
        rep._doc_acc(doc, f"events.{name}", acc)
    dated = Accuracy()
    for gi, pi in main:
        if g_ev[gi].get("date") is not None:
            ok = g_ev[gi].get("date") == p_ev[pi].get("date")
            dated.record(ok)
            if not ok:
                rep.errors.append(
                    Miss(
                        "events",
                        doc,
                        "wrong",
                        f"date: gold {g_ev[gi].get('date')!r}, predicted {p_ev[pi].get('date')!r} "
                        f"for {g_ev[gi].get('type')} {g_ev[gi].get('actor')} -> {g_ev[gi].get('target')}",
                    )
                )
    rep._doc_acc(doc, "events.date", dated)


def _score_signals(
    rep: EvalReport, doc: str, gold: Mapping[str, Any], pred: Mapping[str, Any] | None
) -> None:
    g_sig = gold.get("signals") or {}
    p_sig = (pred or {}).get("signals") or {}
    for name in SIGNAL_FIELDS:
        if name not in g_sig:
            continue
        g = int(g_sig[name])
        p = p_sig.get(name)
        acc = Accuracy()
        if pred is None or p is None:
            acc.record(False, abs_error=abs(g))
        else:
            acc.record(int(p) == g, abs_error=abs(int(p) - g))
            if int(p) != g:
                rep.errors.append(Miss("signals", doc, "wrong", f"{name}: gold {g}, predicted {p}"))
        rep._doc_acc(doc, f"signals.{name}", acc)


def _describe_claim(c: Mapping[str, Any]) -> str:
    items = ", ".join(c.get("items") or [])
    return f"{c.get('type')} {c.get('actor')} -> {c.get('target')} [{items}] {c.get('verdict')}"


def _score_claims(
    rep: EvalReport, gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]
) -> None:
    fields = ("type", "actor", "target")

    def score(gi: int, pi: int) -> tuple[float, ...] | None:
        g, p = gold[gi], pred[pi]
        if _event_key(g, fields) != _event_key(p, fields):
            return None
        g_items = {norm_name(i) for i in g.get("items") or []}
        p_items = {norm_name(i) for i in p.get("items") or []}
        overlap = len(g_items & p_items) / len(g_items | p_items) if g_items | p_items else 1.0
        return (overlap, float(g.get("verdict") == p.get("verdict")))

    pairs = greedy_match(len(gold), len(pred), score)
    rep.prf("claims.type_actor_target").add(
        PRF(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
    )
    verdict = rep.acc("claims.verdict")
    verdict_all = rep.acc("claims.verdict_all")
    matched_g = {gi: pi for gi, pi in pairs}
    for gi, g in enumerate(gold):
        pi = matched_g.get(gi)
        if pi is None:
            verdict_all.record(False)
            rep.errors.append(Miss("claims", "*", "FN", _describe_claim(g)))
            continue
        ok = g.get("verdict") == pred[pi].get("verdict")
        verdict.record(ok)
        verdict_all.record(ok)
        if not ok:
            rep.errors.append(
                Miss(
                    "claims",
                    "*",
                    "wrong",
                    f"verdict: gold {g.get('verdict')}, predicted "
                    f"{pred[pi].get('verdict')} for {g.get('type')} {g.get('actor')} -> {g.get('target')}",
                )
            )
    used = set(matched_g.values())
    rep.errors += [
        Miss("claims", "*", "FP", _describe_claim(p)) for pi, p in enumerate(pred) if pi not in used
    ]


LAYER_SCORERS: tuple[Callable[[EvalReport, str, Mapping[str, Any], Mapping[str, Any] | None], None], ...] = (
    _score_metadata,
    _score_removed,
    _score_outlets,
    _score_entities,
    _score_quotes,
    _score_events,
    _score_signals,
)


# -- entry points --------------------------------------------------------------------------------------


def evaluate_records(
    gold_docs: Mapping[str, Mapping[str, Any]],
    pred_records: Iterable[Mapping[str, Any]],
    gold_claims: Sequence[Mapping[str, Any]] | None = None,
    pred_claims: Sequence[Mapping[str, Any]] | None = None,
) -> EvalReport:
    """Score in-memory records (what ``evaluate`` does after reading the files)."""
    rep = EvalReport(gold_docs=list(gold_docs))
    preds: dict[str, Mapping[str, Any]] = {}
    for rec in pred_records:
        schema = rec.get("schema")
        if schema not in (None, DOCUMENT_SCHEMA) or "id" not in rec:
            rep.skipped_records += 1
            continue
        doc_id = str(rec["id"])
        if doc_id in preds:
            rep.duplicate_pred_ids.append(doc_id)
            continue
        preds[doc_id] = rec
    rep.pred_docs = list(preds)
    rep.extra_docs = [d for d in preds if d not in gold_docs]
    for doc_id, gold in gold_docs.items():
        pred = preds.get(doc_id)
        if pred is None:
            rep.missing_docs.append(doc_id)
            rep.errors.append(
                Miss("documents", doc_id, "missing", "not in the prediction: every item missed")
            )
        for scorer in LAYER_SCORERS:
            scorer(rep, doc_id, gold, pred)
    if gold_claims is not None and pred_claims is not None:
        rep.claims_evaluated = True
        claims = [c for c in pred_claims if c.get("schema") in (None, CLAIM_SCHEMA)]
        _score_claims(rep, gold_claims, claims)
    return rep


def evaluate(gold_dir: Path, pred_path: Path, pred_claims: Path | None = None) -> EvalReport:
    """Score a prediction JSONL (and optionally a claims JSONL) against a gold directory.

    Claims are scored only when the gold directory has ``claims.json`` and ``pred_claims`` is given.
    """
    gold_docs, gold_claims = load_gold(Path(gold_dir))
    preds = load_jsonl(Path(pred_path))
    claims = load_jsonl(Path(pred_claims)) if pred_claims is not None else None
    return evaluate_records(gold_docs, preds, gold_claims, claims)
