"""The base pipeline loader: the shipped model, and the blank fallback when no model is present.

Sentences are written for these tests. Checks on the trained model are about structure and easy, unambiguous
cases, so they hold for any reasonable retraining, not for one set of weights.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from spacy.language import Language

from sorot.nlp.model import ENTITY_LABELS, MODEL_DIR, UPOS, load_base, model_available


def test_fallback_without_model(tmp_path: Path) -> None:
    # a handler on the module's own logger: other tests may reconfigure root logging
    records: list[logging.LogRecord] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("sorot.nlp.model")
    old_level = logger.level
    logger.setLevel(logging.WARNING)  # other test modules quieten the "sorot" logger
    logger.addHandler(handler)
    try:
        nlp = load_base(tmp_path / "missing")
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    assert any("no trained Sorot model" in r.getMessage() for r in records)
    assert nlp.lang == "id"
    assert "sorot_sentences" in nlp.pipe_names
    doc = nlp('"Sidang ditunda," kata hakim, Senin (2/9). Jaksa keberatan.')
    assert [t.text for t in doc][-7:-3] == ["(", "2/9", ")", "."]
    assert len(list(doc.sents)) == 2


needs_model = pytest.mark.skipif(not model_available(), reason="no trained model in src/sorot/models")

TEXT = (
    "JAKARTA – Presiden Joko Widodo meresmikan Bendungan Jatigede di Sumedang, Jawa Barat, Senin (31/8). "
    '"Bendungan ini akan mengairi sawah petani," katanya. '
    "Menurut Kementerian Pekerjaan Umum, proyek itu menelan biaya Rp 4,1 triliun. "
    "Sementara itu, tim nasional Indonesia kalah 1-2 dari Vietnam di Hanoi."
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_base()


@needs_model
def test_pipeline_components(nlp: Language) -> None:
    for name in ("sorot_sentences", "tok2vec", "tagger", "morphologizer", "parser", "ner"):
        assert name in nlp.pipe_names
    assert nlp.pipe_names[0] == "sorot_sentences"
    assert set(nlp.get_pipe("ner").labels) <= set(ENTITY_LABELS)


@needs_model
def test_annotations_present(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert all(t.pos_ in UPOS for t in doc if not t.is_space)
    assert all(t.tag_ for t in doc if not t.is_space)
    assert any(str(t.morph) for t in doc)
    assert all(t.dep_ for t in doc if not t.is_space)
    assert all(e.label_ in ENTITY_LABELS for e in doc.ents)
    # punctuation and numbers get the obvious tags
    assert {t.pos_ for t in doc if t.text in {".", ",", "–"}} == {"PUNCT"}


@needs_model
def test_parser_keeps_rule_sentences(nlp: Language) -> None:
    """The parser must not move the rule-based boundaries: the quote stays with its sentence."""
    doc = nlp(TEXT)
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0].endswith("(31/8).")
    assert sents[1] == '"Bendungan ini akan mengairi sawah petani," katanya.'
    assert len(sents) == 4
    for sent in doc.sents:
        roots = [t for t in sent if t.head.i == t.i]
        assert len(roots) == 1
        assert all(sent.start <= t.head.i < sent.end for t in sent)


@needs_model
def test_clear_entities(nlp: Language) -> None:
    doc = nlp(TEXT)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Joko Widodo", "PER") in ents
    assert any(text in {"Vietnam", "Hanoi", "Sumedang", "Jawa Barat"} and lab == "GPE" for text, lab in ents)
    # ORG recall of the small CNN is the weak spot (see the model card); the linker's gazetteer covers it


@needs_model
def test_clitic_cue_is_one_verb_token(nlp: Language) -> None:
    doc = nlp('"Harga beras turun," katanya kepada wartawan.')
    cue = next(t for t in doc if t.text == "katanya")
    assert cue.pos_ == "VERB"


@needs_model
def test_model_size_under_budget() -> None:
    size = sum(p.stat().st_size for p in MODEL_DIR.parent.rglob("*") if p.is_file())
    assert size < 50 * 1024 * 1024


def test_vectors_table_shares_rows_across_case(tmp_path: Path) -> None:
    """training/vectors.py's word table: the floret vector of each frequent word, under its case forms too."""
    import sys

    import numpy as np
    import spacy
    from spacy.vectors import Vectors

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
    from vectors import write_table

    nlp = spacy.blank("id")
    data = np.arange(200, dtype="float32").reshape(50, 4) / 200
    floret = Vectors(strings=nlp.vocab.strings, mode="floret", data=data, minn=3, maxn=4, hash_count=2)
    nlp.vocab.vectors = floret
    nlp.to_disk(tmp_path / "floret")
    lines = ["banjir melanda kota itu", "banjir surut di kota", "hakim membacakan putusan"]
    write_table(tmp_path / "floret", lines, 2, tmp_path / "table")

    table = spacy.load(tmp_path / "table").vocab
    assert table.vectors.shape[0] == 2  # the two most frequent words: banjir, kota
    assert table.vectors.mode == "default"
    assert np.allclose(table.get_vector("Banjir"), table.get_vector("banjir"))
    assert np.allclose(table.get_vector("KOTA"), floret.get_batch([nlp.vocab.strings.add("kota")])[0])
    assert not table.has_vector("hakim")
