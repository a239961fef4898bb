"""Cleaning: the seeds' gold `removed` lists, other outlets' boilerplate, and nothing of the body lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sorot.clean import clean, collapse, load_rules
from sorot.ingest.text import parse_text
from sorot.records import RawDoc

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []


def _gold(seed: Path) -> dict:
    return json.loads((SHARED / "gold" / "seeds" / f"{seed.stem}.json").read_text(encoding="utf-8"))


# -- the five seeds ---------------------------------------------------------------------------------


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds is not available")
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_removed_lines_match_gold(seed: Path) -> None:
    gold = _gold(seed)
    raw = parse_text(seed.read_text(encoding="utf-8"), str(seed))
    cleaned = clean(raw)
    assert raw.id == gold["id"]
    assert cleaned.title == gold["title"]
    assert [r.text for r in cleaned.removed] == gold["removed"]
    assert cleaned.duplicate_paragraphs == gold["signals"]["duplicate_paragraphs"]
    assert cleaned.boilerplate_chars == sum(len(t) for t in gold["removed"])
    body_paragraphs = cleaned.text.split("\n\n")[1:]
    for text in gold["removed"]:
        # a removed line never stays as a paragraph (a title repeat is only the title paragraph)
        assert text not in body_paragraphs
        assert all(text not in p for p in body_paragraphs) or text == gold["title"]
    if gold.get("outlet"):
        assert cleaned.outlet == gold["outlet"]


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds is not available")
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_no_body_sentence_lost(seed: Path) -> None:
    gold = _gold(seed)
    cleaned = clean(parse_text(seed.read_text(encoding="utf-8"), str(seed)))
    text = cleaned.text
    assert text.startswith(gold["title"] + "\n\n")
    assert "\n\n\n" not in text and "  " not in text
    removed = set(gold["removed"])
    for line in seed.read_text(encoding="utf-8").splitlines():
        line = collapse(line)
        if not line or line in removed:
            continue
        for fragment in removed:  # a credit removed from the end of a paragraph: the rest must stay
            if line.endswith(fragment):
                line = line[: -len(fragment)].rstrip()
        assert line in text, f"lost: {line[:80]}"


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds is not available")
def test_seed_date_line_dateline_and_outlet_line() -> None:
    by_stem = {p.stem: clean(parse_text(p.read_text(encoding="utf-8"), str(p))) for p in SEEDS}
    dated = [c for c in by_stem.values() if c.date_lines]
    assert len(dated) == 1 and dated[0].date_lines[0].startswith("Tanggal:")
    datelines = sorted(c.dateline for c in by_stem.values() if c.dateline)
    assert datelines == ["Cianjur", "JAKARTA"]
    outlet_line = [c for c in by_stem.values() if c.outlet == "BERITABALI.COM"]
    assert len(outlet_line) == 1 and "\n\nBERITABALI.COM, DUNIA.\n\n" in outlet_line[0].text


# -- other outlets' boilerplate ---------------------------------------------------------------------

SALT = """Foto: ANTARA/Budi Santoso

Petani Garam Madura Keluhkan Harga Anjlok
Senin, 15 Juli 2024 | 10:30 WIB
Penulis: Dewi Lestari | Editor: Agus Salim
Share this:
Facebook Twitter WhatsApp
SUMENEP, KabarMadura.com - Harga garam di tingkat petani di Sumenep turun menjadi Rp500 per kilogram.
Baca Juga: Cuaca Ekstrem Ancam Produksi Garam Nasional
"Kami rugi karena biaya angkut lebih mahal dari harga jual," kata Haji Mahfud, petani di Desa Karanganyar.
Petani garam di Madura mengeluhkan harga anjlok.
Oleh karena itu, petani meminta pemerintah membeli garam rakyat dengan harga dasar. (ant/red)
Petani garam di Madura mengeluhkan harga anjlok.
Dinas Perdagangan berjanji meninjau harga pekan depan (Sumber: Antara)
Ikuti berita terkini dari Kabar Madura di Google News
Tinggalkan Balasan
Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *
Komentar *
Simpan nama, email, dan situs web saya pada peramban ini untuk komentar saya berikutnya.
© 2024 Kabar Madura. Hak cipta dilindungi undang-undang.
"""


def test_indonesian_outlet_boilerplate() -> None:
    cleaned = clean(parse_text(SALT, "garam.txt"))
    kinds = [(r.kind, r.text) for r in cleaned.removed]
    assert kinds == [
        ("caption", "Foto: ANTARA/Budi Santoso"),
        ("byline", "Senin, 15 Juli 2024 | 10:30 WIB"),
        ("byline", "Penulis: Dewi Lestari | Editor: Agus Salim"),
        ("share", "Share this:"),
        ("share", "Facebook Twitter WhatsApp"),
        ("boilerplate", "Baca Juga: Cuaca Ekstrem Ancam Produksi Garam Nasional"),
        ("byline", "(ant/red)"),
        ("duplicate", "Petani garam di Madura mengeluhkan harga anjlok."),
        ("boilerplate", "(Sumber: Antara)"),
        ("boilerplate", "Ikuti berita terkini dari Kabar Madura di Google News"),
        ("comment_form", "Tinggalkan Balasan"),
        ("comment_form", "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *"),
        ("comment_form", "Komentar *"),
        (
            "comment_form",
            "Simpan nama, email, dan situs web saya pada peramban ini untuk komentar saya berikutnya.",
        ),
        ("boilerplate", "© 2024 Kabar Madura. Hak cipta dilindungi undang-undang."),
    ]
    assert cleaned.title == "Petani Garam Madura Keluhkan Harga Anjlok"
    assert cleaned.date_lines == ["Senin, 15 Juli 2024 | 10:30 WIB"]
    assert cleaned.dateline == "SUMENEP"
    assert cleaned.outlet == "Kabar Madura"  # the copyright line wins over the dateline's domain
    assert cleaned.duplicate_paragraphs == 1
    assert cleaned.text.split("\n\n") == [
        "Petani Garam Madura Keluhkan Harga Anjlok",
        "SUMENEP, KabarMadura.com - Harga garam di tingkat petani di Sumenep turun menjadi Rp500 per kilogram.",
        '"Kami rugi karena biaya angkut lebih mahal dari harga jual," kata Haji Mahfud, petani di Desa '
        "Karanganyar.",
        "Petani garam di Madura mengeluhkan harga anjlok.",
        "Oleh karena itu, petani meminta pemerintah membeli garam rakyat dengan harga dasar.",
        "Dinas Perdagangan berjanji meninjau harga pekan depan",
    ]


ENGLISH_BLOG = """Ilustrasi kapal nelayan (Foto: Shutterstock)
Harbour Workers Strike Over Unpaid Wages
Posted: July 3, 2024 at 8:15 am
By Maria Gomez
JAKARTA, Harbour Daily -- Dock workers at Tanjung Priok stopped loading ships on Wednesday.
Related Posts:
Port Authority Raises Fees
The union said talks with the operator would resume on Friday.
ADVERTISEMENT
Read more: Shipping costs climb for a third month
Share on Facebook
Tags: strike, port, wages
Leave a Comment
Your email address will not be published. Required fields are marked *
Save my name, email, and website in this browser for the next time I comment.
Copyright 2024 Harbour Daily | All rights reserved
"""


def test_english_blog_boilerplate_and_dateline_outlet() -> None:
    cleaned = clean(parse_text(ENGLISH_BLOG, None))
    assert cleaned.title == "Harbour Workers Strike Over Unpaid Wages"
    assert cleaned.text.split("\n\n") == [
        "Harbour Workers Strike Over Unpaid Wages",
        "JAKARTA, Harbour Daily -- Dock workers at Tanjung Priok stopped loading ships on Wednesday.",
        "The union said talks with the operator would resume on Friday.",
    ]
    kinds = {r.text: r.kind for r in cleaned.removed}
    assert kinds["Ilustrasi kapal nelayan (Foto: Shutterstock)"] == "caption"
    assert kinds["Posted: July 3, 2024 at 8:15 am"] == "byline"
    assert kinds["By Maria Gomez"] == "byline"
    assert kinds["Related Posts:"] == kinds["Port Authority Raises Fees"] == "boilerplate"
    assert kinds["ADVERTISEMENT"] == kinds["Tags: strike, port, wages"] == "boilerplate"
    assert kinds["Share on Facebook"] == "share"
    assert (
        kinds["Leave a Comment"]
        == kinds["Your email address will not be published. Required fields are marked *"]
        == "comment_form"
    )
    assert kinds["Copyright 2024 Harbour Daily | All rights reserved"] == "boilerplate"
    assert cleaned.date_lines == ["Posted: July 3, 2024 at 8:15 am"]
    assert cleaned.dateline == "JAKARTA"
    assert cleaned.outlet == "Harbour Daily"


@pytest.mark.parametrize(
    "sentence",
    [
        "Oleh karena itu, kepolisian memperketat penjagaan di perbatasan.",
        "Foto-foto yang beredar di media sosial menunjukkan jalan yang retak.",
        "Editor senior itu mengatakan redaksi akan memeriksa ulang data tersebut.",
        "Tanggal pemungutan suara ditetapkan pada 14 Februari 2024 oleh KPU.",
        "Sumber di kepolisian menyebut tersangka sudah ditahan sejak Senin.",
        "Komentar Menteri itu memicu protes dari serikat buruh di Bekasi.",
        "Baca buku di perpustakaan kini bisa dilakukan secara daring, kata kepala dinas.",
        "- Pemerintah daerah menyiapkan 20 tenda pengungsian di lapangan desa.",
        "Harga minyak goreng naik 10 persen (data BPS), menurut laporan terbaru.",
        "Share pasar ponsel lokal naik tahun ini, kata analis dari Jakarta.",
    ],
)
def test_body_sentences_are_never_rules(sentence: str) -> None:
    text = f"Judul Berita Hari Ini\n{sentence}\nParagraf penutup berita ini ditulis sendiri.\n"
    cleaned = clean(parse_text(text, None))
    assert sentence in cleaned.text.split("\n\n"), [r.text for r in cleaned.removed]
    assert cleaned.removed == []


def test_byline_with_a_date_is_a_date_line() -> None:
    text = "Banjir Bandang di Garut\nOleh: Tim Redaksi Jabar | 2 Oktober 2024\nGARUT - Banjir bandang melanda dua desa.\n"
    cleaned = clean(parse_text(text, None))
    assert [(r.kind, r.text) for r in cleaned.removed] == [
        ("byline", "Oleh: Tim Redaksi Jabar | 2 Oktober 2024")
    ]
    assert cleaned.date_lines == ["Oleh: Tim Redaksi Jabar | 2 Oktober 2024"]
    assert cleaned.dateline == "GARUT"


def test_caption_dash_credit_only_near_the_top() -> None:
    top = clean(
        parse_text("Gempa Guncang Cianjur\n- Humas BPBD\nGempa magnitudo 5 mengguncang Cianjur.\n", None)
    )
    assert [(r.kind, r.text) for r in top.removed] == [("caption", "- Humas BPBD")]
    lines = [
        "Daftar Juara Liga",
        "Berikut klub yang lolos ke babak final musim ini:",
        "Paragraf dua.",
        "Paragraf tiga.",
        "Paragraf empat.",
        "- Persib Bandung",
        "- Bali United",
    ]
    listed = clean(parse_text("\n".join(lines), None))
    assert "- Persib Bandung" in listed.text and listed.removed == []


def test_whitespace_collapsed_and_paragraphs_separated() -> None:
    raw = RawDoc(
        text="  Hakim   membacakan\tputusan.  \n\n\n\nJaksa  akan banding.\n",
        kind="json",
        title="Putusan   Kasus Tambang",
    )
    cleaned = clean(raw)
    assert cleaned.text == "Putusan Kasus Tambang\n\nHakim membacakan putusan.\n\nJaksa akan banding."


def test_json_text_starting_with_title_is_not_a_duplicate() -> None:
    raw = RawDoc(
        text="Vaksin Polio Digelar Serentak\nDinas Kesehatan Kupang menggelar vaksinasi polio.\n"
        "Vaksin Polio Digelar Serentak",
        kind="json",
        title="Vaksin Polio Digelar Serentak",
    )
    cleaned = clean(raw)
    assert (
        cleaned.text == "Vaksin Polio Digelar Serentak\n\nDinas Kesehatan Kupang menggelar vaksinasi polio."
    )
    assert cleaned.duplicate_paragraphs == 1  # only the later copy
    assert [(r.kind, r.text) for r in cleaned.removed] == [("duplicate", "Vaksin Polio Digelar Serentak")]


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    text = (
        "Sengketa Lahan Sawit di Riau\n\n"
        "PEKANBARU - Warga tiga desa di Kabupaten Kampar menggugat perusahaan\n"
        "perkebunan sawit yang dinilai menyerobot lahan adat seluas 400 hektare\n"
        "sejak tahun lalu, menurut kuasa hukum warga.\n\n"
        "Sidang perdana dijadwalkan digelar pada bulan depan di pengadilan negeri\n"
        "setempat dengan agenda pembacaan gugatan dari pihak warga desa.\n"
    )
    cleaned = clean(parse_text(text, None))
    paragraphs = cleaned.text.split("\n\n")
    assert paragraphs[0] == "Sengketa Lahan Sawit di Riau"
    assert len(paragraphs) == 3
    assert paragraphs[1].startswith("PEKANBARU - Warga") and paragraphs[1].endswith("kuasa hukum warga.")


def test_html_captions_are_recorded() -> None:
    raw = RawDoc(
        text="Banjir merendam 300 rumah di Bekasi sejak Sabtu pagi.",
        kind="html",
        title="Banjir di Bekasi",
        meta={"captions": ["Warga mengungsi dengan perahu karet. (Foto: BPBD)"]},
    )
    cleaned = clean(raw)
    assert [(r.kind, r.text) for r in cleaned.removed] == [
        ("caption", "Warga mengungsi dengan perahu karet. (Foto: BPBD)")
    ]
    assert cleaned.boilerplate_chars == len("Warga mengungsi dengan perahu karet. (Foto: BPBD)")


def test_caption_kept_by_the_extractor_never_stays_in_the_text() -> None:
    caption = "Petugas memeriksa surat suara di gudang logistik KPU. (Foto: Antara)"
    raw = RawDoc(
        text=f"Logistik Pemilu Tiba di Sorong\n{caption}\nSORONG - Surat suara tiba di gudang KPU.\n"
        f"Distribusi ke distrik dimulai Senin. {caption}",
        kind="html",
        title="Logistik Pemilu Tiba di Sorong",
        meta={"dropped_blocks": [{"text": caption, "before": 1, "caption": True}]},
    )
    cleaned = clean(raw)
    assert cleaned.text.split("\n\n") == [
        "Logistik Pemilu Tiba di Sorong",
        "SORONG - Surat suara tiba di gudang KPU.",
        "Distribusi ke distrik dimulai Senin.",
    ]
    assert [(r.kind, r.text) for r in cleaned.removed] == [("caption", caption)]  # listed once


def test_dropped_page_lines_use_the_same_rules_in_page_order() -> None:
    raw = RawDoc(
        text="Judul Laga\nPSM Makassar menang 3-0 atas Arema.\nGol ketiga lahir dari penalti.",
        kind="html",
        title="Judul Laga",
        meta={
            "dropped_blocks": [
                {"text": "Selasa, 5 Maret 2024 20:15 WIB", "before": 1, "caption": False},
                {"text": "Baca juga:", "before": 2, "caption": False},
                {"text": "Pelatih PSM Puji Mental Pemain", "before": 2, "caption": False},
                {"text": "Judul Laga", "before": 3, "caption": False},
                {"text": "Copyright © 2024 Sulsel Sport", "before": 3, "caption": False},
            ]
        },
    )
    cleaned = clean(raw)
    assert [(r.kind, r.text) for r in cleaned.removed] == [
        ("byline", "Selasa, 5 Maret 2024 20:15 WIB"),
        ("boilerplate", "Baca juga:"),
        ("boilerplate", "Pelatih PSM Puji Mental Pemain"),
        ("boilerplate", "Copyright © 2024 Sulsel Sport"),
    ]
    assert cleaned.date_lines == ["Selasa, 5 Maret 2024 20:15 WIB"]
    assert cleaned.outlet == "Sulsel Sport"
    assert cleaned.text.split("\n\n") == [
        "Judul Laga",
        "PSM Makassar menang 3-0 atas Arema.",
        "Gol ketiga lahir dari penalti.",
    ]


def test_every_rule_kind_is_a_contract_kind() -> None:
    from sorot.contract import RemovedKind

    allowed = set(RemovedKind.__args__)  # type: ignore[attr-defined]
    rules = load_rules()
    assert {r.kind for r in (*rules.line, *rules.suffix)} <= allowed


def test_a_dropped_date_line_below_the_body_is_not_the_article_date() -> None:
    raw = RawDoc(
        text="Kapal Feri Tertahan di Merak\nGelombang tinggi menahan 12 kapal feri.\nPenumpang diminta bersabar.\n"
        "Pelabuhan dibuka kembali sore hari.",
        kind="html",
        title="Kapal Feri Tertahan di Merak",
        meta={
            "dropped_blocks": [
                {"text": "Jumat, 2 Februari 2024", "before": 1, "caption": False},
                {"text": "Rabu, 31 Januari 2024", "before": 4, "caption": False},
            ]
        },
    )
    cleaned = clean(raw)
    assert [r.text for r in cleaned.removed] == ["Jumat, 2 Februari 2024", "Rabu, 31 Januari 2024"]
    assert cleaned.date_lines == ["Jumat, 2 Februari 2024"]  # a sidebar's post date is not the article's
