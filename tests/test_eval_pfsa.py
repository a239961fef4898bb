"""The PFSA-ID benchmark harness (``sorot.eval_pfsa``).

The unit tests run on a tiny corpus in the PFSA-ID file format written for these tests; the real test split
(evaluation only, CC BY-NC-SA) is read from ``../shared/data/pfsa-id`` at run time when it is there.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from spacy.language import Language

from sorot.eval_pfsa import PUBLISHED, evaluate_pfsa, gold_speaker, read_corpus, rebuild, spans

# Two short articles (token TAB tag, blank line between sentences), written for this test.
TINY = """\
SEMARANG\tO
,\tO
KOMPAS\tO
—\tO
Banjir\tB-ISSUE
merendam\tI-ISSUE
ratusan\tI-ISSUE
rumah\tL-ISSUE
.\tO

Kepala\tB-ROLE
BPBD\tL-ROLE
Kota\tB-AFFILIATION
Semarang\tL-AFFILIATION
Budi\tB-PERSON
Santoso\tL-PERSON
mengatakan\tO
,\tO
air\tO
mulai\tO
surut\tO
.\tO
”\tB-STATEMENT

Kami\tI-STATEMENT
menyiapkan\tI-STATEMENT
perahu\tI-STATEMENT
karet\tI-STATEMENT
.\tI-STATEMENT

Warga\tI-STATEMENT
diminta\tI-STATEMENT
waspada\tI-STATEMENT
,\tI-STATEMENT
”\tL-STATEMENT
kata\tU-CUE
Budi\tU-PERSONCOREF
.\tO

Program\tO
”\tO
Kampung\tO
Siaga\tO
”\tO
digelar\tO
di\tO
tiap\tO
kelurahan\tO
.\tO

”\tB-STATEMENT
Hujan\tI-STATEMENT
masih\tI-STATEMENT
turun\tI-STATEMENT
,\tI-STATEMENT
”\tL-STATEMENT
katanya\tU-CUECOREF
.\tO

Pemerintah\tB-ISSUE
menaikkan\tI-ISSUE
tarif\tI-ISSUE
tol\tL-ISSUE
.\tO

Menteri\tB-ROLE
Pekerjaan\tI-ROLE
Umum\tL-ROLE
Dody\tB-PERSON
Hanggodo\tL-PERSON
menyatakan\tU-CUE
,\tO
”\tB-STATEMENT
Kenaikan\tI-STATEMENT
ini\tI-STATEMENT
sudah\tI-STATEMENT
dihitung\tI-STATEMENT
cermat\tI-STATEMENT
.\tI-STATEMENT
”\tL-STATEMENT
"""


@pytest.fixture()
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.txt"
    path.write_text(TINY, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def nlp() -> Language:
    from sorot.nlp.pipeline import build_nlp

    logging.getLogger("sorot").setLevel(logging.ERROR)
    return build_nlp(["sorot_linker", "sorot_dates", "sorot_quotes"])


def test_articles_start_at_their_issue_sentence(tiny: Path) -> None:
    arts = read_corpus(tiny)
    assert len(arts) == 2
    assert arts[0].tokens[:4] == ["SEMARANG", ",", "KOMPAS", "—"]
    assert arts[1].tokens[0] == "Pemerintah"
    assert len(arts[0].sentences) == 6


def test_bilou_spans(tiny: Path) -> None:
    art = read_corpus(tiny)[0]
    stmts = spans(art.tags, ["STATEMENT"])
    assert len(stmts) == 2
    s, e, label = stmts[0]
    assert label == "STATEMENT" and art.tokens[s] == "”" and art.tokens[e - 1] == "”"
    assert [art.tokens[s] for s, _e, _l in spans(art.tags, ["CUE", "CUECOREF"])] == ["kata", "katanya"]


def test_rebuilt_text_keeps_token_offsets(tiny: Path) -> None:
    art = read_corpus(tiny)[0]
    text, offsets = rebuild(art)
    assert len(offsets) == len(art.tokens)
    for tok, (s, e) in zip(art.tokens, offsets, strict=True):
        assert text[s:e] == tok
    # quotation marks hug the quoted words; a quote spanning sentences stays in one paragraph
    assert "”Kami menyiapkan perahu karet. Warga diminta waspada,” kata Budi." in text
    assert "surut.\n" not in text
    assert "Program ”Kampung Siaga” digelar" in text
    assert text.startswith("SEMARANG, KOMPAS — Banjir")


def test_gold_speaker_follows_cue_and_coreference(tiny: Path) -> None:
    art = read_corpus(tiny)[0]
    stmts = [(s, e) for s, e, _l in spans(art.tags, ["STATEMENT"])]
    cues = spans(art.tags, ["CUE", "CUECOREF"])
    persons = spans(art.tags, ["PERSON", "PERSONCOREF"])
    # "kata Budi" -> the full name introduced earlier; "katanya" -> the last named speaker
    assert gold_speaker(art, stmts[0], stmts, cues, persons) == ["Budi", "Santoso"]
    assert gold_speaker(art, stmts[1], stmts, cues, persons) == ["Budi", "Santoso"]


def test_evaluate_on_the_tiny_corpus(tiny: Path, nlp: Language) -> None:
    report = evaluate_pfsa(tiny, nlp, keep_errors=True)
    assert report.articles == 2 and report.statements == 3
    assert (report.sorot.exact.tp, report.sorot.exact.fp, report.sorot.exact.fn) == (3, 0, 0)
    assert report.sorot.speaker.correct == report.sorot.speaker.total == 3
    assert report.sorot.cue.tp == 3
    # the floor also takes the programme name in quotation marks for a statement
    assert report.floor.exact.fp == 1 and report.floor.exact.tp == 3
    assert report.errors == []
    out = report.format()
    assert "STATEMENT exact" in out and "Naive floor" in out
    assert f"{PUBLISHED['PFSA-ID-BLWCA (BiLSTM, micro F1 over all labels)']:.2f}" in out


def test_accepts_an_analyzer(tiny: Path, nlp: Language) -> None:
    class Holder:  # anything with an ``nlp`` attribute, like sorot.runner.Analyzer
        def __init__(self, pipeline: Language) -> None:
            self.nlp = pipeline

    report = evaluate_pfsa(tiny, Holder(nlp), limit=1)
    assert report.articles == 1 and report.statements == 2


@pytest.mark.slow
def test_pfsa_test_split_targets(shared_dir: Path) -> None:
    from sorot.nlp.pipeline import build_nlp

    path = shared_dir / "data" / "pfsa-id" / "test.txt"
    if not path.is_file():
        pytest.skip("PFSA-ID test split not available")
    nlp = build_nlp(["sorot_linker", "sorot_dates", "sorot_quotes"])
    report = evaluate_pfsa(path, nlp)
    assert report.articles >= 100
    # regression floors at the measured levels (exact F1 0.931, speaker 0.929, CUE F1 0.934)
    assert report.sorot.exact.f1 >= 0.93
    assert report.sorot.speaker.value >= 0.925
    assert report.sorot.cue.f1 >= 0.925
    assert report.sorot.exact.f1 > report.floor.exact.f1
    assert report.sorot.speaker.value > report.floor.speaker.value


def test_speaker_words_include_the_gazetteer_names_of_the_person() -> None:
    """A gold speaker written "Presiden Jokowi" is Joko Widodo: the canonical speaker's listed names count."""
    from types import SimpleNamespace

    from sorot.eval_pfsa import _pred_words, _speaker_ok
    from sorot.extract.quotes_lexicon import load_lexicon

    titles = load_lexicon().name_titles
    q = SimpleNamespace(speaker_name="Joko Widodo", speaker_text="Presiden Jokowi")
    words = _pred_words(q, titles)
    assert {"joko", "widodo", "jokowi"} <= words
    assert _speaker_ok(["Presiden", "Jokowi"], words, titles)
    unlisted = SimpleNamespace(speaker_name="Rina Wulandari", speaker_text="Rina")
    assert not _speaker_ok(["Presiden", "Jokowi"], _pred_words(unlisted, titles), titles)
