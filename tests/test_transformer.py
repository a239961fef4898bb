"""The optional transformer backbone (docs/transformer.md), end to end on a tiny model the test creates.

No weights are downloaded: the test writes its own WordPiece vocabulary, builds a randomly initialised BERT
with tiny sizes, trains training/configs/transformer.cfg on it for a few steps through the documented
training code (training/build_transformer.py) on sentences written for this test, assembles the pipeline as
build_model.py does, loads it through Sorot's loader and runs `sorot analyze --model` on it. Skipped only when
the extra (`pip install 'sorot[transformers]'`) is not installed; .ci/run installs it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("spacy_transformers")
torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

import spacy  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from sorot.cli import app  # noqa: E402
from sorot.contract import Document  # noqa: E402
from sorot.nlp.model import check_model_dir, load_base, needs_transformers  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training"
SCHEMA = ROOT.parent / "shared" / "contract" / "document.schema.json"

# One sentence per entry, written for this test: words, kumparan tags, UPOS, morphology ("_" = none),
# heads (token indices), dependency labels, entity IOB; each field space-separated.
SENTENCES: list[tuple[str, str, str, str, str, str, str]] = [
    (
        "Hakim Ratna membacakan putusan di Surabaya .",
        "NN NNP VB NN IN NNP Z",
        "NOUN PROPN VERB NOUN ADP PROPN PUNCT",
        "Number=Sing _ Voice=Act Number=Sing _ _ _",
        "2 0 2 2 5 2 2",
        "nsubj flat root obj case obl punct",
        "O B-PER O O O B-GPE O",
    ),
    (
        "Banjir merendam Kabupaten Demak .",
        "NN VB NNP NNP Z",
        "NOUN VERB PROPN PROPN PUNCT",
        "Number=Sing Voice=Act _ _ _",
        "1 1 1 2 1",
        "nsubj root obj flat punct",
        "O O B-GPE I-GPE O",
    ),
    (
        "Menteri Budi bertemu Presiden Prancis di Paris .",
        "NN NNP VB NN NNP IN NNP Z",
        "NOUN PROPN VERB NOUN PROPN ADP PROPN PUNCT",
        "Number=Sing _ Voice=Act Number=Sing _ _ _ _",
        "2 0 2 2 3 6 2 2",
        "nsubj flat root obj nmod case obl punct",
        "O B-PER O O B-GPE O B-GPE O",
    ),
    (
        "Timnas Indonesia menang di Stadion Gelora Bung Karno .",
        "NNP NNP VB IN NN NNP NNP NNP Z",
        "PROPN PROPN VERB ADP NOUN PROPN PROPN PROPN PUNCT",
        "_ _ _ _ Number=Sing _ _ _ _",
        "2 0 2 4 2 4 4 4 2",
        "nsubj flat root case obl flat flat flat punct",
        "B-ORG I-ORG O O B-LOC I-LOC I-LOC I-LOC O",
    ),
    (
        "KPU menetapkan hasil pemilu pada Selasa .",
        "NNP VB NN NN IN NNP Z",
        "PROPN VERB NOUN NOUN ADP PROPN PUNCT",
        "_ Voice=Act Number=Sing Number=Sing _ _ _",
        "1 1 1 2 5 1 1",
        "nsubj root obj nmod case obl punct",
        "B-ORG O O O O O O",
    ),
    (
        "Warga Jepang memprotes kenaikan harga beras .",
        "NN NNP VB NN NN NN Z",
        "NOUN PROPN VERB NOUN NOUN NOUN PUNCT",
        "Number=Sing _ Voice=Act Number=Sing Number=Sing Number=Sing _",
        "2 0 2 2 3 4 2",
        "nsubj nmod root obj nmod nmod punct",
        "O B-NORP O O O O O",
    ),
]


ARTICLE = (
    "Hakim Tolak Gugatan Warga\n\n"
    "SURABAYA - Hakim Ratna membacakan putusan di Surabaya pada Selasa (4/3). Menteri Budi bertemu "
    "Presiden Prancis di Paris.\n\n"
    '"Putusan ini sudah final," kata Ratna kepada wartawan.\n'
)


def _write_tiny_bert(folder: Path) -> Path:
    """A randomly initialised BERT with tiny sizes and a WordPiece vocabulary written here."""
    words = {w.lower() for s in SENTENCES for w in s[0].split()} | set(
        'abcdefghijklmnopqrstuvwxyz0123456789.,"-()/'
    )
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *sorted(words)]
    vocab += [f"##{c}" for c in "abcdefghijklmnopqrstuvwxyz"]
    folder.mkdir(parents=True)
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    torch.manual_seed(0)
    config = transformers.BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=512,
    )
    transformers.BertModel(config).save_pretrained(folder)
    transformers.BertTokenizerFast(vocab_file=str(folder / "vocab.txt"), do_lower_case=True).save_pretrained(
        folder
    )
    return folder


def _write_corpus(path: Path) -> None:
    nlp = spacy.blank("id")
    docs = []
    for fields in SENTENCES:
        words, tags, pos, morphs, heads, deps, ents = (f.split() for f in fields)
        docs.append(
            Doc(
                nlp.vocab,
                words=words,
                spaces=[i + 1 < len(words) and words[i + 1] != "." for i in range(len(words))],
                tags=tags,
                pos=pos,
                morphs=[m.replace("_", "") for m in morphs],
                heads=[int(h) for h in heads],
                deps=deps,
                ents=ents,
            )
        )
    DocBin(docs=docs * 2).to_disk(path)


@pytest.fixture(scope="module")
def trf_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Train the transformer config on the tiny BERT and assemble it like the shipped model."""
    sys.path.insert(0, str(TRAINING))
    import build_model
    import build_transformer

    base = tmp_path_factory.mktemp("trf")
    weights = _write_tiny_bert(base / "tiny_bert")
    _write_corpus(base / "train.spacy")
    _write_corpus(base / "dev.spacy")
    best = build_transformer.train(
        build_transformer.check_weights(weights),
        base / "run",
        overrides={
            "paths.train": str(base / "train.spacy"),
            "paths.dev": str(base / "dev.spacy"),
            "training.max_steps": 8,
            "training.eval_frequency": 4,
            "training.accumulate_gradient": 1,
            "training.optimizer.learn_rate.warmup_steps": 2,
            "training.optimizer.learn_rate.initial_rate": 1e-3,
            "components.parser.min_action_freq": 1,
        },
    )
    target = base / "pipeline"
    build_model.assemble(best, target, {"test": "tiny random BERT"})
    return target


def test_config_has_the_shipped_components() -> None:
    ours = spacy.util.load_config(TRAINING / "configs" / "transformer.cfg", interpolate=False)
    shipped = spacy.util.load_config(TRAINING / "configs" / "sorot.cfg", interpolate=False)
    assert ours["nlp"]["pipeline"] == ["transformer", *shipped["nlp"]["pipeline"][1:]]
    assert ours["nlp"]["tokenizer"] == shipped["nlp"]["tokenizer"]
    for name in shipped["nlp"]["pipeline"][1:]:
        assert ours["components"][name]["model"]["tok2vec"]["upstream"] == "transformer"


def test_weights_must_be_a_local_directory(tmp_path: Path) -> None:
    sys.path.insert(0, str(TRAINING))
    import build_transformer

    with pytest.raises(SystemExit, match="local Hugging Face model directory"):
        build_transformer.check_weights(tmp_path / "indobert-base-p1")


def test_loader_runs_the_transformer_pipeline(trf_pipeline: Path) -> None:
    assert needs_transformers(trf_pipeline)
    # the saved pipeline holds the transformer itself: the weights directory is not needed any more
    cfg = (trf_pipeline / "config.cfg").read_text(encoding="utf-8")
    assert "sorot.tagger_scorer" not in cfg
    nlp = load_base(trf_pipeline)
    assert nlp.pipe_names == ["sorot_sentences", "transformer", "tagger", "morphologizer", "parser", "ner"]
    doc = nlp("Banjir merendam Kabupaten Demak. Warga memprotes kenaikan harga beras.")
    assert len(list(doc.sents)) == 2
    assert all(t.tag_ for t in doc)
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "GPE", "LOC", "NORP"}


def test_sorot_analyze_with_transformer_model(trf_pipeline: Path, tmp_path: Path) -> None:
    article = tmp_path / "putusan.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app, ["analyze", str(article), "--model", str(trf_pipeline), "--jsonl", str(out), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1
    record = records[0]
    assert record["schema"] == "sorot.document/1"
    Document.model_validate(record)
    if SCHEMA.is_file():
        import jsonschema

        jsonschema.validate(record, json.loads(SCHEMA.read_text(encoding="utf-8")))
    # the rule components ran on the transformer pipeline: the quote and its speaker cue are found
    assert any("final" in q["text"] for q in record["quotes"]), record["quotes"]


def test_model_option_refuses_a_non_pipeline(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(article), "--model", str(tmp_path / "nope"), "--quiet"])
    assert result.exit_code == 2
    assert "model directory not found" in result.output
    with pytest.raises(RuntimeError, match="not a spaCy pipeline"):
        check_model_dir(tmp_path)


def test_missing_extra_is_a_clear_error(trf_pipeline: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the extra is installed here; hiding the package is how a user without it sees the pipeline
    monkeypatch.setitem(sys.modules, "spacy_transformers", None)
    with pytest.raises(RuntimeError, match=r"pip install 'sorot\[transformers\]'"):
        check_model_dir(trf_pipeline)
