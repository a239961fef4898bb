"""End-to-end: the `sorot` command as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sorot.cli import app

runner = CliRunner()


def _norm(s: str) -> str:
    return " ".join(s.split())


def _write_mixed_folder(folder: Path) -> None:
    """Good articles beside every kind of bad input."""
    (folder / "baik.txt").write_text(
        "Banjir Rendam Ribuan Rumah di Demak\n\n"
        "DEMAK - Banjir merendam ribuan rumah di Kabupaten Demak, Jawa Tengah, pada Senin (5/2). "
        "Badan Nasional Penanggulangan Bencana mengirimkan bantuan makanan kepada warga.\n\n"
        '"Kami akan terus menyalurkan bantuan," kata Kepala BNPB Suharyanto.\n',
        encoding="utf-8",
    )
    (folder / "latin1.txt").write_bytes(
        "Café di Bandung Ramai Dikunjungi\n\nBANDUNG - Sebuah café baru di Bandung ramai dikunjungi "
        "wisatawan pada akhir pekan, kata pemiliknya.\n".encode("latin-1")
    )
    (folder / "kosong.txt").write_text("", encoding="utf-8")
    (folder / "biner.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "rusak.html").write_text(
        "<html><head><title>Harga Beras Naik</title></head><body><article><h1>Harga Beras Naik</h1>"
        "<p>JAKARTA - Harga beras di pasar tradisional naik sepuluh persen pekan ini, menurut pedagang.</p>"
        "<p>Pemerintah berjanji akan menggelar operasi pasar untuk menekan harga di tingkat",
        encoding="utf-8",
    )
    lines = [
        json.dumps(
            {
                "id": "j1",
                "title": "Timnas Menang",
                "published": "2024-03-01",
                "text": "Timnas Indonesia menang 2-0 atas Vietnam dalam laga kualifikasi.",
            }
        ),
        '{"id": "j2", "title": "Rusak", "text": ',
        json.dumps(
            {
                "id": "j3",
                "title": "Gempa di Sulawesi",
                "text": "Gempa berkekuatan 5,2 mengguncang Sulawesi Tengah pada Rabu pagi.",
            }
        ),
    ]
    (folder / "kumpulan.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.slow
def test_mixed_folder_analyses_good_reports_bad(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write_mixed_folder(folder)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["analyze", str(folder), "--jsonl", str(out), "--quiet"])
    assert result.exit_code == 1, result.output  # partial: some failed
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ids = {d["id"] for d in docs}
    assert {"baik", "latin1", "j1", "j3", "rusak"} <= ids
    latin = next(d for d in docs if d["id"] == "latin1")
    assert "Café" in latin["text"]
    errors = [json.loads(line) for line in out.with_suffix(".errors.jsonl").read_text().splitlines()]
    reasons = {Path(e["path"]).name.split("#")[0] + ":" + e["reason"] for e in errors}
    text = " ".join(reasons).lower()
    assert "kosong.txt" in text and "empty" in text
    assert "biner.txt" in text and "binary" in text
    assert "kumpulan.jsonl" in text and "json" in text
    assert len(errors) == 3


@pytest.mark.slow
def test_seeds_end_to_end_removed_lines(tmp_path: Path, shared_dir: Path, seeds_dir: Path) -> None:
    out = tmp_path / "seeds.jsonl"
    result = runner.invoke(app, ["analyze", str(seeds_dir), "--jsonl", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    docs = {d["id"]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert len(docs) == 5
    for gold_path in sorted((shared_dir / "gold" / "seeds").glob("0*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = docs[gold["id"]]
        removed = [_norm(r["text"]) for r in doc["removed"]]
        for line in gold["removed"]:
            assert _norm(line) in removed, (gold["id"], line)
        # every sentence of the raw body that is not removed survives in the clean text
        raw = (seeds_dir / f"{gold['id']}.txt").read_text(encoding="utf-8")
        clean = _norm(doc["text"])
        for para in raw.split("\n"):
            para = _norm(para)
            if not para or any(para == _norm(r) for r in gold["removed"]):
                continue
            for piece in para.replace("(sumber: cnnindonesia.com)", "").split(". "):
                piece = piece.strip(" .")
                if len(piece) > 20:
                    assert piece in clean, (gold["id"], piece)


@pytest.mark.slow
def test_db_twice_stores_once(tmp_path: Path) -> None:
    from sorot.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    _write_mixed_folder(folder)
    url = f"sqlite:///{tmp_path / 'sorot.db'}"
    for _ in range(2):
        runner.invoke(app, ["analyze", str(folder), "--db", url, "--quiet"])
    with Store(url) as store:
        assert store.count_documents() == 5


@pytest.mark.slow
def test_report_is_written_and_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "xss.txt").write_text(
        "Judul <script>alert(1)</script>\n\nJAKARTA - Menteri mengatakan <b>harga</b> akan turun.\n",
        encoding="utf-8",
    )
    report = tmp_path / "r.html"
    result = runner.invoke(app, ["analyze", str(folder), "--report", str(report), "--quiet"])
    assert result.exit_code == 0, result.output
    html = report.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_eval_requires_arguments() -> None:
    result = runner.invoke(app, ["eval"])
    assert result.exit_code == 2


def test_help_reads_well() -> None:
    result = runner.invoke(app, ["analyze", "--help"])
    assert result.exit_code == 0
    assert "--jsonl" in result.output and "--db" in result.output


def test_parse_prints_conllu_with_clitic_words(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Katanya rumah itu besar.\n\nApakah Rusia membeli amunisi?", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(src)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [ln for ln in lines if ln.startswith("# sent_id")] == ["# sent_id = 1", "# sent_id = 2"]
    rows = [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]
    assert all(len(r) == 10 for r in rows)
    assert rows[0][:2] == ["1-2", "Katanya"] and rows[1][1] == "Kata" and rows[2][1] == "nya"
    roots = [r for r in rows if "-" not in r[0] and r[6] == "0"]
    assert len(roots) == 2  # one root per sentence


def test_parse_reports_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Menurut Kemlu, \xe9t\xe9".encode("latin-1"))
    result = runner.invoke(app, ["parse", str(bad)])
    assert result.exit_code == 2 and "not UTF-8" in _norm(result.output)
    result = runner.invoke(app, ["parse", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "not found" in _norm(result.output)
