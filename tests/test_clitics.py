"""Clitic expansion (sorot.nlp.clitics): which tokens are host + clitic, and the UD words / CoNLL-U they give."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from sorot.nlp.clitics import host_class, split_clitic, syntactic_words, to_conllu
from sorot.nlp.model import load_base, model_available

needs_model = pytest.mark.skipif(not model_available(), reason="no trained model in src/sorot/models")


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("katanya", ("kata", "nya")),
        ("Katanya", ("Kata", "nya")),
        ("rumahnya", ("rumah", "nya")),  # productive: any host + nya
        ("menyerahkannya", ("menyerahkan", "nya")),
        ("apakah", ("apa", "kah")),
        ("itulah", ("itu", "lah")),
        ("hanya", None),  # whole words that end like a clitic
        ("punya", None),
        ("sebelumnya", None),  # lexicalised adverbs: one word in UD and kumparan
        ("biasanya", None),
        ("sekolah", None),  # lah/kah/pun/ku/mu split only where the data says so
        ("masalah", None),
        ("buku", None),
        ("bertemu", None),
        ("nya", None),
        ("Kenya", None),
        ("RI-nya", None),  # no letter before the clitic
    ],
)
def test_split_clitic(token: str, expected: tuple[str, str] | None) -> None:
    assert split_clitic(token) == expected


def test_host_class_refines_verbs_by_prefix() -> None:
    assert host_class("VERB", "dikatakan") == "VERB:di"
    assert host_class("VERB", "Mengatakan") == "VERB:me"
    assert host_class("VERB", "kata") == "VERB"
    assert host_class("NOUN", "dinas") == "NOUN"


def _doc(nlp: Language, words: list[str], heads: list[int], pos: list[str], deps: list[str]) -> Doc:
    spaces = [words[k + 1] not in "?." for k in range(len(words) - 1)] + [False]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        pos=pos,
        deps=deps,
        sent_starts=[True] + [False] * (len(words) - 1),
    )


def test_syntactic_words_annotated_doc() -> None:
    import spacy

    nlp = spacy.blank("id")
    # "Rumahnya besar" : rumahnya <- besar (nsubj), besar root
    doc = _doc(nlp, ["Rumahnya", "besar"], [1, 1], ["NOUN", "ADJ"], ["nsubj", "ROOT"])
    words = syntactic_words(doc)
    assert [w.form for w in words] == ["Rumah", "nya", "besar"]
    assert [w.multi for w in words] == [True, True, False]
    rumah, nya, besar = words
    assert (rumah.upos, rumah.deprel, rumah.head) == ("NOUN", "nsubj", 2)
    assert nya.head == 0 and nya.upos in ("PRON", "DET")  # the clitic hangs on its host, tag from the table
    assert (besar.head, besar.deprel) == (-1, "root")


def test_conllu_has_multiword_ranges_and_valid_heads() -> None:
    import spacy

    nlp = spacy.blank("id")
    doc = _doc(
        nlp,
        ["Apakah", "rumahnya", "besar", "?"],
        [2, 2, 2, 2],
        ["PRON", "NOUN", "ADJ", "PUNCT"],
        ["obl", "nsubj", "ROOT", "punct"],
    )
    text = to_conllu(doc)
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert [r[0] for r in rows] == ["1-2", "1", "2", "3-4", "3", "4", "5", "6"]
    assert [r[1] for r in rows] == ["Apakah", "Apa", "kah", "rumahnya", "rumah", "nya", "besar", "?"]
    word_rows = [r for r in rows if "-" not in r[0]]
    assert all(len(r) == 10 for r in rows)
    heads = {int(r[0]): int(r[6]) for r in word_rows}
    assert [i for i, h in heads.items() if h == 0] == [5]  # one root: "besar"
    assert heads[3] == 5 and heads[4] == 3  # rumah -> besar, nya -> rumah
    assert rows[0][9] == "_" and rows[1][9] == "_"  # the space is recorded on the multiword token
    assert rows[-2][9] == "SpaceAfter=No"  # "besar?"


@needs_model
def test_expansion_on_the_shipped_model() -> None:
    nlp = load_base()
    doc = nlp('"Kami tidak pernah menjual senjata," katanya kepada wartawan di kantornya.')
    words = syntactic_words(doc)
    assert len(words) == len(doc) + 2  # katanya, kantornya
    forms = [w.form for w in words]
    assert forms[forms.index("kata") + 1] == "nya" and "kantor" in forms
    for k, w in enumerate(words):
        assert w.head == -1 or 0 <= w.head < len(words)
        if w.form == "nya":
            assert w.head == k - 1 or w.head == words[k - 1].head
    conllu = to_conllu(doc)
    assert "\tkatanya\t" in conllu and conllu.count("\n\n") == len(list(doc.sents))
