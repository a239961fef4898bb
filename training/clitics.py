"""Learn the clitic-expansion rules (src/sorot/data/clitics.yaml) from the UD training parts and kumparan.

    .venv/bin/python training/clitics.py            # rewrites src/sorot/data/clitics.yaml

Sorot's tokenizer keeps clitics on their host ("katanya" is one token, the extractors look for it), while UD
splits them into syntactic words ("kata" + "nya"). `sorot.nlp.clitics` expands a token into those words only
when a parse is written out as CoNLL-U (and for the UD evaluation), with the clitic's tag, relation and head
predicted from the host's predicted tag by the table learnt here. No test split is read.

Which words are host + clitic:
  * a form seen in the UD training parts (CSUI train, GSD dev, PUD, minus the held-out 10%) follows UD's
    majority there (multiword token or plain word);
  * otherwise a form seen in kumparan follows kumparan (it writes clitics as separate tokens, so a word it
    keeps whole, such as "hanya", "sebelumnya" or "misalnya", is not host + clitic);
  * otherwise a word ending in "nya" is split (the productive case) and a word ending in another clitic
    ("lah", "kah", "pun", "ku", "mu", which end many plain words: "sekolah", "buku") is not.
The file lists only the exceptions to that last default.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict

import yaml
from common import ROOT, SHARED_DATA, read_conllu, read_two_col, seeded_split

sys.path.insert(0, str(ROOT / "src"))
from convert import SEED, UD_TRAIN_SOURCES  # noqa: E402

from sorot.config import load_yaml  # noqa: E402
from sorot.nlp.clitics import clitic_inventory, host_class  # noqa: E402

OUT = ROOT / "src" / "sorot" / "data" / "clitics.yaml"
# The reviewed inventory (clitics, the verb prefixes that refine a host's class, the clitics split by
# default) is kept from the current data file; this script learns the rest from the data.
REVIEWED = ("clitics", "host_verb_prefixes", "default_split")
DEFAULT_SPLIT = tuple((load_yaml("clitics.yaml") or {}).get("default_split") or ("nya",))
CLITICS = clitic_inventory()
KUMPARAN_MIN_WHOLE = 3


def _suffix(form: str) -> str | None:
    for c in CLITICS:
        if form.endswith(c) and len(form) > len(c) + 1:
            return c
    return None


def learn() -> dict:
    """Counts from the data -> the rules dict written to clitics.yaml."""
    ud_split: Counter = Counter()
    ud_whole: Counter = Counter()
    tags: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for _name, path in UD_TRAIN_SOURCES:
        train, _held = seeded_split(read_conllu(path), 0.10, SEED)
        for s in train:
            inside: set[int] = set()
            for a, b, form, _ in s.mwts:
                inside.update(range(a, b + 1))
                if b != a + 1:
                    continue
                host, clitic = s.words[a - 1], s.words[b - 1]
                low = form.lower()
                if clitic.form.lower() not in CLITICS or not low.endswith(clitic.form.lower()):
                    continue
                ud_split[low] += 1
                attach = "host" if clitic.head == a else ("host_head" if clitic.head == host.head else None)
                if attach:
                    key = (clitic.form.lower(), host_class(host.upos, host.form))
                    tags[key][(clitic.upos, clitic.deprel, clitic.feats or "_", attach)] += 1
            for i, w in enumerate(s.words, 1):
                low = w.form.lower()
                if i not in inside and _suffix(low):
                    ud_whole[low] += 1
    k_split: Counter = Counter()
    k_whole: Counter = Counter()
    for sent in read_two_col(SHARED_DATA / "kumparan-postag" / "postag.tsv"):
        for i, (tok, _tag) in enumerate(sent):
            low = tok.lower()
            if low in CLITICS and i > 0 and sent[i - 1][0][-1:].isalpha():
                k_split[sent[i - 1][0].lower() + low] += 1
            elif _suffix(low):
                k_whole[low] += 1

    whole: list[str] = []
    split: list[str] = []
    for form in sorted(set(ud_split) | set(ud_whole) | set(k_split) | set(k_whole)):
        suffix = _suffix(form)
        if suffix is None:
            continue
        if ud_split[form] or ud_whole[form]:
            is_split = ud_split[form] > ud_whole[form]
        elif suffix in DEFAULT_SPLIT:
            # kumparan writes a few hosts + "nya" whole by mistake ("fiturnya" once): only a word it keeps
            # whole often and mostly is a word of its own
            is_split = not (k_whole[form] >= KUMPARAN_MIN_WHOLE and k_whole[form] > k_split[form])
        else:
            is_split = k_split[form] > k_whole[form]
        default = suffix in DEFAULT_SPLIT
        if is_split and not default:
            split.append(form)
        elif not is_split and default:
            whole.append(form)

    table: dict[str, dict[str, dict]] = defaultdict(dict)
    for (clitic, cls), counts in sorted(tags.items()):
        (upos, deprel, feats, attach), n = counts.most_common(1)[0]
        table[clitic][cls] = {"upos": upos, "deprel": deprel, "feats": feats, "attach": attach, "n": n}
    # a clitic-level fallback: its most frequent analysis over all hosts
    for clitic in CLITICS:
        total: Counter = Counter()
        for (c, _cls), counts in tags.items():
            if c == clitic:
                total.update(counts)
        if total:
            (upos, deprel, feats, attach), n = total.most_common(1)[0]
            table[clitic]["*"] = {"upos": upos, "deprel": deprel, "feats": feats, "attach": attach, "n": n}
    current = load_yaml("clitics.yaml") or {}
    reviewed = {key: current[key] for key in REVIEWED if key in current}
    return {**reviewed, "whole": whole, "split": split, "analysis": dict(table)}


def main() -> None:
    rules = learn()
    header = (
        "# Clitic expansion rules for CoNLL-U output (sorot.nlp.clitics). GENERATED by training/clitics.py\n"
        "# from the UD training parts and kumparan. 'clitics', 'host_verb_prefixes' and 'default_split' are reviewed\n"
        "# input the script keeps; the rest is learnt: 'whole': words ending in a default clitic that are one\n"
        "# word; 'split': other words that are host + clitic; 'analysis': the\n"
        "# clitic's UPOS, relation, features and attachment by the host's class (n = training count).\n"
    )
    OUT.write_text(header + yaml.safe_dump(rules, allow_unicode=True, sort_keys=False, width=110), "utf-8")
    print(
        f"{OUT}: {len(rules['whole'])} whole, {len(rules['split'])} split, "
        f"{sum(len(v) for v in rules['analysis'].values())} analyses"
    )


if __name__ == "__main__":
    main()
