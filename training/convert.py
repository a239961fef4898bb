"""Convert the datasets in ../shared/data into spaCy DocBins under training/corpus/ (git-ignored).

    .venv/bin/python training/convert.py [--kumparan-max-tokens N]

Writes
  corpus/train/{ud,kumparan,idner,nergrit,nerp}.spacy   training data (one shared-tok2vec pipeline learns all)
  corpus/dev/{ud,kumparan,idner,nergrit,nerp}.spacy     held-out data for model selection
  corpus/report.json                                   sizes, the kumparan->UPOS agreement with UD, exceptions

Splits (fixed seeds, see the model card):
  UD: CSUI train + GSD dev + PUD, 10% of each held out as dev (seed 13); GSD test and CSUI test are never
      read here (training/evaluate.py reads them from the .conllu files).
  kumparan: deduplicated, 4% held out as dev (seed 13).
  NER: each dataset's own train / dev split; the test splits are never read here.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict

import spacy
from common import (
    CORPUS,
    SHARED_DATA,
    Sentence,
    dedupe,
    detokenize,
    iob_spans,
    load_labels,
    merge_mwts,
    read_conllu,
    read_two_col,
    seeded_split,
)
from spacy.tokens import Doc, DocBin, Span

SEED = 13
UD_TRAIN_SOURCES = [
    ("csui", SHARED_DATA / "ud-indonesian-csui" / "id_csui-ud-train.conllu"),
    ("gsd-dev", SHARED_DATA / "ud-indonesian-gsd" / "id_gsd-ud-dev.conllu"),
    ("pud", SHARED_DATA / "ud-indonesian-pud" / "id_pud-ud-test.conllu"),
]
NER_SOURCES = {
    "idner": (SHARED_DATA / "idner-news-2k", "train.txt", "dev.txt", " ", 2),
    "nergrit": (SHARED_DATA / "indonlu-nergrit", "train_preprocess.txt", "valid_preprocess.txt", "\t", 1),
    "nerp": (SHARED_DATA / "indonlu-nerp", "train_preprocess.txt", "valid_preprocess.txt", "\t", 1),
}


def nn_compound(sent: Sentence) -> Sentence:
    """GSD's convention in a CSUI/PUD sentence: a NOUN that modifies a preceding noun with no preposition
    ("transfer senjata") is `compound`, not `nmod` (GSD dev: 744 compound vs 40 such nmod; CSUI and PUD use nmod
    throughout). PROPN modifiers stay nmod in both conventions."""
    with_case = {w.head for w in sent.words if w.deprel == "case"}
    for i, w in enumerate(sent.words, 1):
        if (
            w.deprel == "nmod"
            and w.upos == "NOUN"
            and 0 < w.head < i
            and sent.words[w.head - 1].upos in ("NOUN", "PROPN")
            and i not in with_case
        ):
            w.deprel = "compound"
    return sent


def ud_doc(vocab, sent: Sentence) -> Doc:
    toks = merge_mwts(sent)
    return Doc(
        vocab,
        words=[t.text for t in toks],
        spaces=[t.space_after for t in toks],
        pos=[t.upos for t in toks],
        morphs=[t.feats if t.feats != "_" else "" for t in toks],
        heads=[t.head for t in toks],
        deps=[t.deprel for t in toks],
    )


class PlaceClassifier:
    """GPE or LOC for a place mention, from the word lists in labels.yaml (see there)."""

    def __init__(self, rules: dict) -> None:
        self.first = {w.lower() for w in rules["loc_first_words"]}
        self.names = {w.lower() for w in rules["loc_names"]}

    def __call__(self, text: str) -> str:
        low = " ".join(text.lower().split())
        if low in self.names:
            return "LOC"
        first = low.split(" ", 1)[0]
        return "LOC" if first in self.first else "GPE"


class Recaser:
    """Give lower-cased NERP sentences a plausible original casing, so the shipped (cased) NER can learn from them.

    A word takes its most frequent non-sentence-initial form in the cased corpora (kumparan, UD, idner,
    NERGrit); words inside a gold entity that the corpora do not know get a capital initial (names are
    capitalised in Indonesian news), except the function words listed in labels.yaml; the first word of a
    sentence is capitalised. Without this, lower-cased NERP taught the model that lower-case words continue
    names, which cost precision on cased text.
    """

    def __init__(self, labels: dict) -> None:
        counts: dict[str, Counter] = defaultdict(Counter)
        sources = [read_two_col(SHARED_DATA / "kumparan-postag" / "postag.tsv")]
        for folder, train_f, _, sep, col in (NER_SOURCES["idner"], NER_SOURCES["nergrit"]):
            sources.append(read_two_col(folder / train_f, sep=sep, tag_col=col))
        for sents in sources:
            for s in sents:
                for i, (w, _) in enumerate(s):
                    if i > 0 and s[i - 1][0] not in {".", "!", "?", '"', "“"}:
                        counts[w.lower()][w] += 1
        for _name, path in UD_TRAIN_SOURCES:
            for sent in read_conllu(path):
                for i, w in enumerate(sent.words):
                    if i > 0:
                        counts[w.form.lower()][w.form] += 1
        self.forms = {k: c.most_common(1)[0][0] for k, c in counts.items() if sum(c.values()) >= 2}
        self.keep_lower = {w.lower() for w in labels.get("recase_keep_lower") or []}

    def __call__(self, sent: list[tuple[str, str]]) -> list[tuple[str, str]]:
        in_ent = [t != "O" for _, t in sent]
        out = []
        for i, (w, tag) in enumerate(sent):
            form = self.forms.get(w.lower())
            if in_ent[i] and (form is None or form == w.lower()) and w.lower() not in self.keep_lower:
                form = w[:1].upper() + w[1:]
            form = form or w
            if i == 0 or sent[i - 1][0] in {".", "!", "?"}:
                form = form[:1].upper() + form[1:]
            out.append((form, tag))
        return out


def ner_doc(vocab, sent: list[tuple[str, str]], mapping: dict, places: PlaceClassifier) -> Doc:
    words = [w for w, _ in sent]
    doc = Doc(vocab, words=words, spaces=detokenize(words))
    spans = []
    for start, end, label in iob_spans([t for _, t in sent]):
        target = mapping.get(label)
        if target is None:
            continue
        if target == "PLACE":
            target = places(" ".join(words[start:end]))
        spans.append(doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label=target))
    doc.set_ents([s for s in spans if s is not None], default="outside")
    return doc


def kumparan_sentences(labels: dict) -> list[list[tuple[str, str]]]:
    """kumparan sentences with clitics glued back (tag of the host word kept)."""
    clitics = set(labels["kumparan_clitics"])
    sents = read_two_col(SHARED_DATA / "kumparan-postag" / "postag.tsv")
    out = []
    for s in dedupe(sents):
        merged: list[tuple[str, str]] = []
        for tok, tag in s:
            if tok in clitics and merged and merged[-1][0][-1:].isalpha():
                prev, ptag = merged[-1]
                merged[-1] = (prev + tok, ptag)
            else:
                merged.append((tok, tag))
        out.append(merged)
    return out


def kumparan_exceptions(labels: dict, ud_sents: list[Sentence]) -> tuple[dict[str, str], dict]:
    """Word-level corrections of the tag mapping, learnt from the UD training part, and agreement figures."""
    ud_counts: dict[str, Counter] = defaultdict(Counter)
    for s in ud_sents:
        for t in merge_mwts(s):
            ud_counts[t.text.lower()][t.upos] += 1
    table = labels["kumparan_to_upos"]
    exceptions: dict[str, str] = {}
    for word, c in ud_counts.items():
        total = sum(c.values())
        tag, n = c.most_common(1)[0]
        if total >= 5 and n / total >= 0.9:
            exceptions[word] = tag
    # agreement of the plain table with the UD majority reading, over kumparan tokens of words seen in UD
    agree = total_seen = 0
    confusions: Counter = Counter()
    for sent in kumparan_sentences(labels):
        for tok, tag in sent:
            c = ud_counts.get(tok.lower())
            if not c:
                continue
            ud_tag = c.most_common(1)[0][0]
            mapped = table.get(tag, "X")
            total_seen += 1
            if mapped == ud_tag:
                agree += 1
            else:
                confusions[f"{tag}->{mapped} vs UD {ud_tag}"] += 1
    stats = {
        "kumparan_tokens_with_ud_word": total_seen,
        "table_agrees_with_ud_majority": round(agree / max(total_seen, 1), 4),
        "top_disagreements": confusions.most_common(15),
        "word_exceptions": len(exceptions),
    }
    return exceptions, stats


def kumparan_doc(vocab, sent: list[tuple[str, str]]) -> Doc:
    """A kumparan sentence with its own tags as ``tag_`` (the tagger learns kumparan's tagset natively)."""
    words = [w for w, _ in sent]
    return Doc(vocab, words=words, spaces=detokenize(words), tags=[t.upper() for _, t in sent])


def write_nerp_native(vocab, labels: dict) -> dict:
    """corpus/nerp/{train,dev}.spacy for the NERP-specific model: NERP's own labels (FNB included), plus the
    cased sets lower-cased with their labels mapped into NERP's scheme (nerp_native_from in labels.yaml)."""
    out = CORPUS / "nerp"
    (out / "train").mkdir(parents=True, exist_ok=True)
    (out / "dev").mkdir(parents=True, exist_ok=True)
    folder, train_f, dev_f, sep, col = NER_SOURCES["nerp"]
    ident = {k: k for k in ("PPL", "PLC", "IND", "EVT", "FNB")}

    def native(sents: list, mapping: dict) -> list[Doc]:
        docs = []
        for s in sents:
            words = [w.lower() for w, _ in s]
            doc = Doc(vocab, words=words, spaces=detokenize(words))
            spans = [
                Span(doc, a, b, label=mapping[lab])
                for a, b, lab in iob_spans([t for _, t in s])
                if mapping.get(lab)
            ]
            doc.set_ents(spans, default="outside")
            docs.append(doc)
        return docs

    train = native(list(dedupe(read_two_col(folder / train_f, sep=sep, tag_col=col))), ident)
    extra = 0
    for name, mapping in (labels.get("nerp_native_from") or {}).items():
        f, tr, _, sp, c = NER_SOURCES[name]
        docs = native(list(dedupe(read_two_col(f / tr, sep=sp, tag_col=c))), mapping)
        extra += len(docs)
        train += docs
    DocBin(docs=train).to_disk(out / "train" / "nerp.spacy")
    DocBin(docs=native(read_two_col(folder / dev_f, sep=sep, tag_col=col), ident)).to_disk(
        out / "dev" / "nerp.spacy"
    )
    return {"train": len(train), "of_which_lowercased_cased_sets": extra}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--kumparan-max-tokens", type=int, default=0, help="cap on kumparan training tokens (0 = all)"
    )
    ap.add_argument(
        "--ud-repeat", type=int, default=1, help="how many times the UD training part is repeated"
    )
    ap.add_argument(
        "--ud-source-repeat",
        default="",
        help="e.g. gsd-dev=2: repeat one UD source's training part again (on top of --ud-repeat)",
    )
    ap.add_argument(
        "--ud-nn-compound",
        action="store_true",
        help="relabel CSUI/PUD noun-noun nmod as compound, GSD's convention (see nn_compound)",
    )
    ap.add_argument("--kumparan-dev-sents", type=int, default=600)
    ap.add_argument(
        "--nerp-recase", action="store_true", help="restore a plausible casing of NERP (see Recaser)"
    )
    ap.add_argument("--nerp-native", action="store_true", help="also write corpus/nerp/ in NERP's own labels")
    ap.add_argument("--check-kumparan", action="store_true", help="measure the kumparan->UPOS mapping on UD")
    ap.add_argument("--ner-repeat", default="", help="e.g. idner=2,nergrit=3: repeat a NER training set")
    ap.add_argument("--nerp-dev-sents", type=int, default=300)
    ap.add_argument(
        "--lowercase-aug", type=float, default=0.0, help="share of cased NER sentences added lower-cased"
    )
    args = ap.parse_args()

    labels = load_labels()
    nlp = spacy.blank("id")
    vocab = nlp.vocab
    (CORPUS / "train").mkdir(parents=True, exist_ok=True)
    (CORPUS / "dev").mkdir(parents=True, exist_ok=True)
    report: dict = {}

    # UD
    ud_train: list[Sentence] = []
    ud_dev: list[Sentence] = []
    ud_weights = {k: int(v) for k, v in (x.split("=") for x in args.ud_source_repeat.split(",") if x)}
    for name, path in UD_TRAIN_SOURCES:
        sents = read_conllu(path)
        if args.ud_nn_compound and not name.startswith("gsd"):
            sents = [nn_compound(s) for s in sents]
        rest, held = seeded_split(sents, 0.10, SEED)
        ud_train += rest * ud_weights.get(name, 1)
        ud_dev += held
        report[f"ud_{name}"] = {"train": len(rest) * ud_weights.get(name, 1), "dev": len(held)}
    DocBin(docs=[ud_doc(vocab, s) for s in ud_train] * args.ud_repeat).to_disk(CORPUS / "train" / "ud.spacy")
    DocBin(docs=[ud_doc(vocab, s) for s in ud_dev]).to_disk(CORPUS / "dev" / "ud.spacy")

    # kumparan (tags only). The UPOS mapping is only measured (see the model card): mapped tags taught the
    # UPOS tagger UD-incompatible conventions and scored below the UD-only morphologizer, so the tagger learns
    # kumparan's own tagset (token.tag_) and UPOS comes from the morphologizer.
    if args.check_kumparan:
        _, stats = kumparan_exceptions(labels, ud_train)
        report["kumparan_mapping"] = stats
    ksents = kumparan_sentences(labels)
    krest, kheld = seeded_split(ksents, 0.04, SEED)
    kheld = kheld[: args.kumparan_dev_sents]
    if args.kumparan_max_tokens:
        random.Random(SEED).shuffle(krest)
        capped, n = [], 0
        for s in krest:
            if n >= args.kumparan_max_tokens:
                break
            capped.append(s)
            n += len(s)
        krest = capped
    DocBin(docs=[kumparan_doc(vocab, s) for s in krest]).to_disk(CORPUS / "train" / "kumparan.spacy")
    DocBin(docs=[kumparan_doc(vocab, s) for s in kheld]).to_disk(CORPUS / "dev" / "kumparan.spacy")
    report["kumparan"] = {
        "train_sents": len(krest),
        "train_tokens": sum(map(len, krest)),
        "dev_sents": len(kheld),
    }

    # NER
    places = PlaceClassifier(labels["place"])
    repeats = {k: int(v) for k, v in (x.split("=") for x in args.ner_repeat.split(",") if x)}
    rng = random.Random(SEED)
    for name, (folder, train_f, dev_f, sep, col) in NER_SOURCES.items():
        mapping = labels["ner_to_sorot"][name]
        train = list(dedupe(read_two_col(folder / train_f, sep=sep, tag_col=col)))
        if name == "nerp" and args.nerp_recase:
            recase = Recaser(labels)
            train = [recase(s) for s in train]
        dev = read_two_col(folder / dev_f, sep=sep, tag_col=col)
        if name == "nerp":
            dev = dev[: args.nerp_dev_sents]
        docs = [ner_doc(vocab, s, mapping, places) for s in train] * repeats.get(name, 1)
        if args.lowercase_aug and name != "nerp":
            k = int(len(train) * args.lowercase_aug)
            for s in rng.sample(train, k):
                docs.append(ner_doc(vocab, [(w.lower(), t) for w, t in s], mapping, places))
        DocBin(docs=docs).to_disk(CORPUS / "train" / f"{name}.spacy")
        DocBin(docs=[ner_doc(vocab, s, mapping, places) for s in dev]).to_disk(
            CORPUS / "dev" / f"{name}.spacy"
        )
        ents = Counter(e.label_ for d in docs for e in d.ents)
        report[name] = {"train": len(docs), "dev": len(dev), "train_entities": dict(ents)}
    if args.nerp_native:
        report["nerp_native"] = write_nerp_native(vocab, labels)
    (CORPUS / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
