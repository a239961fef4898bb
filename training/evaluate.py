"""Evaluate a Sorot pipeline on the held-out test splits, the way published figures are computed.

    .venv/bin/python training/evaluate.py [MODEL_DIR] [--out scores.json] [--ner-model nerp=PATH]

UD (GSD test, CSUI test) FROM RAW TEXT: ten consecutive test sentences are joined by a space into one
document; the pipeline tokenizes, splits sentences, tags and parses it; system words are aligned to gold
syntactic words by character offsets (CoNLL 2018 shared-task method, re-implemented here: multiword tokens are
aligned by the longest common subsequence of their words). Reported as F1: Tokens, Words, Sentences, UPOS,
UFeats, UAS, LAS (LAS on universal relations without subtypes, as the shared task; LAS_full with subtypes).

NER: each dataset's own test split, gold tokenization (as the published IndoNLU / IndoLEM numbers), Sorot's
labels mapped back to the dataset's scheme (training/labels.yaml: sorot_to_ner), exact-span micro F1 over all
gold labels of the dataset (conlleval / seqeval). NERP's FNB (food) class is never predicted by Sorot, so it
costs recall; the score without FNB is reported too.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from common import ROOT, SHARED_DATA, Sentence, detokenize, iob_spans, load_labels, read_conllu, read_two_col

UD_TESTS = {
    "gsd_test": SHARED_DATA / "ud-indonesian-gsd" / "id_gsd-ud-test.conllu",
    "csui_test": SHARED_DATA / "ud-indonesian-csui" / "id_csui-ud-test.conllu",
}
NER_TESTS = {
    "idner": (SHARED_DATA / "idner-news-2k" / "test.txt", " ", 2),
    "nergrit": (SHARED_DATA / "indonlu-nergrit" / "test_preprocess.txt", "\t", 1),
    "nerp": (SHARED_DATA / "indonlu-nerp" / "test_preprocess.txt", "\t", 1),
}


# ------------------------------------------------------------------------------------------ UD, raw text


@dataclass
class EWord:
    start: int  # offsets in the text with all whitespace removed
    end: int
    form: str
    upos: str
    feats: str
    head: int  # index of the head word in the same list, -1 for root
    deprel: str
    multi: bool  # part of a multiword token
    sent: int


def _gold_words(
    sents: Sequence[Sentence],
) -> tuple[list[EWord], list[tuple[int, int]], list[tuple[int, int]]]:
    """Gold syntactic words, token spans and sentence spans (in whitespace-free character offsets)."""
    words: list[EWord] = []
    tokens: list[tuple[int, int]] = []
    sent_spans: list[tuple[int, int]] = []
    pos = 0
    for si, s in enumerate(sents):
        base = len(words)
        mwt_at = {a: (a, b, form) for a, b, form, _ in s.mwts}
        s_start = pos
        i = 1
        while i <= len(s.words):
            if i in mwt_at:
                a, b, form = mwt_at[i]
                span = (pos, pos + len("".join(form.split())))
                tokens.append(span)
                for k in range(a, b + 1):
                    w = s.words[k - 1]
                    words.append(EWord(span[0], span[1], w.form, w.upos, w.feats, -1, w.deprel, True, si))
                pos = span[1]
                i = b + 1
            else:
                w = s.words[i - 1]
                span = (pos, pos + len("".join(w.form.split())))
                tokens.append(span)
                words.append(EWord(span[0], span[1], w.form, w.upos, w.feats, -1, w.deprel, False, si))
                pos = span[1]
                i += 1
        for k, w in enumerate(s.words):
            words[base + k].head = base + w.head - 1 if w.head > 0 else -1
        sent_spans.append((s_start, pos))
    return words, tokens, sent_spans


def _system_words(
    docs: list, offset_texts: list[str], expand: bool = True
) -> tuple[list[EWord], list[tuple[int, int]], list[tuple[int, int]]]:
    """System words (clitic groups expanded into UD words by sorot.nlp.clitics unless ``expand`` is off),
    token spans and sentence spans, in the same whitespace-free offsets as the gold."""
    from sorot.nlp.clitics import syntactic_words

    words: list[EWord] = []
    tokens: list[tuple[int, int]] = []
    sent_spans: list[tuple[int, int]] = []
    pos = 0
    for doc in docs:
        sw = syntactic_words(doc, expand)
        base = len(words)
        span_of: dict[int, tuple[int, int]] = {}
        for w in sw:
            if w.token not in span_of:
                tok = doc[w.token]
                n = len("".join(tok.text.split()))
                span_of[w.token] = (pos, pos + n)
                tokens.append(span_of[w.token])
                pos += n
            start, end = span_of[w.token]
            words.append(
                EWord(
                    start,
                    end,
                    w.form,
                    w.upos,
                    w.feats,
                    -1 if w.head == -1 else base + w.head,
                    w.deprel,
                    w.multi,
                    0,
                )
            )
        for sent in doc.sents:
            toks = [t for t in sent if not t.is_space]
            if toks:
                sent_spans.append((span_of[toks[0].i][0], span_of[toks[-1].i][1]))
    return words, tokens, sent_spans


def _lcs_align(g: list[int], s: list[int], gw: list[EWord], sw: list[EWord]) -> list[tuple[int, int]]:
    """Align words of a multiword region by LCS of lower-cased forms."""
    n, m = len(g), len(s)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if gw[g[i]].form.lower() == sw[s[j]].form.lower():
                table[i][j] = 1 + table[i + 1][j + 1]
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    pairs = []
    i = j = 0
    while i < n and j < m:
        if gw[g[i]].form.lower() == sw[s[j]].form.lower():
            pairs.append((g[i], s[j]))
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def align_words(gw: list[EWord], sw: list[EWord]) -> dict[int, int]:
    """gold word index -> system word index (CoNLL 2018 alignment)."""
    aligned: dict[int, int] = {}
    gi = si = 0
    while gi < len(gw) and si < len(sw):
        if gw[gi].multi or sw[si].multi:
            # the region covered by overlapping multiword tokens
            end = max(gw[gi].end, sw[si].end)
            g_end, s_end = gi, si
            changed = True
            while changed:
                changed = False
                while g_end < len(gw) and gw[g_end].start < end:
                    end = max(end, gw[g_end].end)
                    g_end += 1
                    changed = True
                while s_end < len(sw) and sw[s_end].start < end:
                    end = max(end, sw[s_end].end)
                    s_end += 1
                    changed = True
            for a, b in _lcs_align(list(range(gi, g_end)), list(range(si, s_end)), gw, sw):
                aligned[a] = b
            gi, si = g_end, s_end
        elif (gw[gi].start, gw[gi].end) == (sw[si].start, sw[si].end):
            aligned[gi] = si
            gi += 1
            si += 1
        elif gw[gi].start < sw[si].start or (gw[gi].start == sw[si].start and gw[gi].end < sw[si].end):
            gi += 1
        else:
            si += 1
    return aligned


def _f1(correct: int, gold: int, system: int) -> float:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    return round(100 * 2 * p * r / (p + r), 2) if p + r else 0.0


def _span_f1(gold: list[tuple[int, int]], system: list[tuple[int, int]]) -> float:
    return _f1(len(set(gold) & set(system)), len(gold), len(system))


def evaluate_ud(nlp, path: Path, group: int = 10, expand: bool = True) -> dict:
    """End-to-end UD scores of ``nlp`` on one CoNLL-U test file (see module docstring)."""
    sents = read_conllu(path)
    gw, gtok, gsent = _gold_words(sents)
    texts = []
    for i in range(0, len(sents), group):
        texts.append(" ".join(s.text for s in sents[i : i + group]))
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    elapsed = time.perf_counter() - t0
    sw, stok, ssent = _system_words(docs, texts, expand)
    if "".join(w.form for w in sw).replace(" ", "") != "".join(t.replace(" ", "") for t in texts):
        raise ValueError("system text differs from the input text")
    al = aligned = align_words(gw, sw)
    upos = feats = uas = las = las_full = 0
    for g, s in aligned.items():
        gwd, swd = gw[g], sw[s]
        if gwd.upos == swd.upos:
            upos += 1
        if (gwd.feats or "_") == (swd.feats or "_"):
            feats += 1
        head_ok = (gwd.head == -1 and swd.head == -1) or (
            gwd.head != -1 and al.get(gwd.head) == swd.head and swd.head != -1
        )
        if head_ok:
            uas += 1
            if gwd.deprel.split(":")[0] == swd.deprel.split(":")[0]:
                las += 1
            if gwd.deprel == swd.deprel:
                las_full += 1
    ng, ns = len(gw), len(sw)
    return {
        "sentences_in": len(sents),
        "gold_words": ng,
        "Tokens": _span_f1(gtok, stok),
        "Words": _f1(len(aligned), ng, ns),
        "Sentences": _span_f1(gsent, ssent),
        "UPOS": _f1(upos, ng, ns),
        "UFeats": _f1(feats, ng, ns),
        "UAS": _f1(uas, ng, ns),
        "LAS": _f1(las, ng, ns),
        "LAS_full": _f1(las_full, ng, ns),
        "words_per_s": round(ns / elapsed),
    }


# --------------------------------------------------------------------------------------------------- NER


def evaluate_ner(nlp, name: str) -> dict:
    """Exact-span F1 on one NER test split in that dataset's own label scheme."""
    from spacy.tokens import Doc

    path, sep, col = NER_TESTS[name]
    labels = load_labels()
    back = dict(labels["sorot_to_ner"][name])
    # a model trained in the dataset's own scheme (the NERP-specific model) keeps its labels
    back.update({lab: lab for lab in labels["ner_to_sorot"][name]})
    sents = read_two_col(path, sep=sep, tag_col=col)
    docs = []
    for s in sents:
        words = [w for w, _ in s]
        docs.append(Doc(nlp.vocab, words=words, spaces=detokenize(words)))
    t0 = time.perf_counter()
    preds = list(nlp.pipe(docs, batch_size=64))
    elapsed = time.perf_counter() - t0
    tp = n_gold = n_sys = 0
    per: dict[str, list[int]] = {}
    gold_labels = set()
    for s, doc in zip(sents, preds, strict=True):
        gold = {(a, b, lab) for a, b, lab in iob_spans([t for _, t in s])}
        system = {(e.start, e.end, back[e.label_]) for e in doc.ents if e.label_ in back}
        tp += len(gold & system)
        n_gold += len(gold)
        n_sys += len(system)
        for a, b, lab in gold:
            gold_labels.add(lab)
            per.setdefault(lab, [0, 0, 0])[1] += 1
            if (a, b, lab) in system:
                per[lab][0] += 1
        for _, _, lab in system:
            per.setdefault(lab, [0, 0, 0])[2] += 1
    out = {
        "sentences": len(sents),
        "F1": _f1(tp, n_gold, n_sys),
        "P": round(100 * tp / n_sys, 2) if n_sys else 0.0,
        "R": round(100 * tp / n_gold, 2) if n_gold else 0.0,
        "per_label": {k: _f1(v[0], v[1], v[2]) for k, v in sorted(per.items())},
        "words_per_s": round(sum(len(s) for s in sents) / elapsed),
    }
    predicted_labels = {lab for lab in nlp.get_pipe("ner").labels} if "ner" in nlp.pipe_names else set()
    mapped = {back[lab] for lab in predicted_labels if lab in back}
    unpredictable = gold_labels - mapped
    if unpredictable:
        tp2 = sum(per[k][0] for k in per if k in mapped)
        g2 = sum(per[k][1] for k in per if k in mapped)
        s2 = sum(per[k][2] for k in per if k in mapped)
        out[f"F1_without_{'_'.join(sorted(unpredictable))}"] = _f1(tp2, g2, s2)
    return out


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", nargs="?", default=str(ROOT / "src" / "sorot" / "models" / "id_sorot"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--only", default="", help="comma list: ud,ner")
    ap.add_argument(
        "--no-expand", action="store_true", help="UD: keep clitic groups as one word (no sorot.nlp.clitics)"
    )
    ap.add_argument(
        "--ner-model", action="append", default=[], help="NAME=PATH: another model for one dataset"
    )
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from sorot.nlp.model import load_base

    nlp = load_base(Path(args.model))
    scores: dict = {"model": args.model, "pipeline": nlp.pipe_names}
    only = set(filter(None, args.only.split(",")))
    if not only or "ud" in only:
        for name, path in UD_TESTS.items():
            scores[name] = evaluate_ud(nlp, path, expand=not args.no_expand)
            print(name, json.dumps(scores[name]), flush=True)
    if not only or "ner" in only:
        others = dict(x.split("=", 1) for x in args.ner_model)
        for name in NER_TESTS:
            res = evaluate_ner(nlp, name)
            res["model"] = args.model
            scores[f"ner_{name}"] = res
            print(name, json.dumps(res), flush=True)
            if name in others:
                res = evaluate_ner(load_base(Path(others[name])), name)
                res["model"] = others[name]
                scores[f"ner_{name}_specific_model"] = res
                print(name, "specific model", json.dumps(res), flush=True)
    if args.out:
        Path(args.out).write_text(json.dumps(scores, indent=1))
    return scores


if __name__ == "__main__":
    main()
