"""Hard cases for Sorot's Indonesian tokenizer and sentence splitter.

Sentences are written for these tests (varied stories); each row says what the tokens or sentences must be.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from sorot.nlp.tokenizer import blank_pipeline, load_rules, ordinary_words, place_first_words


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_pipeline()


# (text, a run of consecutive tokens that must appear exactly so)
TOKEN_CASES: list[tuple[str, list[str]]] = [
    # abbreviations and acronyms
    ("Sidang DK PBB membahas banjir di Pakistan.", ["DK", "PBB", "membahas"]),
    ("Menteri dari AS dan UE tiba di Kemlu pagi ini.", ["AS", "dan", "UE", "tiba", "di", "Kemlu"]),
    ("Kantor KPU berada di Jl. Imam Bonjol No. 29, Jakarta.", ["Jl.", "Imam", "Bonjol", "No.", "29", ","]),
    ("Pasien dirawat oleh Dr. Siti Rahma di RSUD Garut.", ["Dr.", "Siti", "Rahma"]),
    (
        "Gugatan diajukan Prof. Ir. Hendra Wijaya, S.H., M.H. ke PTUN.",
        ["Prof.", "Ir.", "Hendra", "Wijaya", ",", "S.H.", ",", "M.H."],
    ),
    ("Saham PT Bank Rakyat Indonesia Tbk. naik tajam.", ["Tbk.", "naik"]),
    ("Kontrak diteken PT. Kereta Api Indonesia kemarin.", ["PT.", "Kereta", "Api"]),
    # dates in parentheses
    ("Hakim membacakan putusan, Kamis (31/8).", ["(", "31/8", ")", "."]),
    ("Tim SAR menemukan korban, Selasa (14/09/2024), di hilir sungai.", ["(", "14/09/2024", ")"]),
    # hyphenated names and reduplication stay whole
    ("Persib mengontrak pemain asal Korea, Lee Sang-hoon, pekan lalu.", ["Lee", "Sang-hoon", ","]),
    ("Negara-negara ASEAN sepakat menurunkan tarif.", ["Negara-negara", "ASEAN"]),
    ("Restoran Lai-Lai di Medan tutup sementara.", ["Lai-Lai", "di"]),
    ("Ia menjadi juara ke-5 pada era 1990-an.", ["ke-5", "pada", "era", "1990-an"]),
    # a hyphen between two places is split so each can be an entity
    ("Hubungan Korea Utara-Rusia makin erat.", ["Utara", "-", "Rusia"]),
    ("Perang dagang AS-China menekan rupiah.", ["AS", "-", "China"]),
    ("Kereta cepat Jakarta-Bandung beroperasi lagi.", ["Jakarta", "-", "Bandung"]),
    # clitics stay attached (the quote extractor looks for these cues)
    ('"Stok beras aman," katanya.', ["katanya", "."]),
    ('"Kami akan banding," tambahnya.', ["tambahnya"]),
    ("Polisi menggeledah kamarnya semalam.", ["kamarnya"]),
    # curly and straight quotes
    ("“Pertandingan belum selesai,” ujar pelatih.", ["selesai", ",", "”", "ujar"]),
    ('"Harga cabai turun," kata pedagang.', ["turun", ",", '"', "kata"]),
    # datelines
    ("Cianjur – Gempa mengguncang wilayah selatan.", ["Cianjur", "–", "Gempa"]),
    ("JAKARTA - Bank Indonesia menahan suku bunga.", ["JAKARTA", "-", "Bank"]),
    ("SURABAYA—Ribuan buruh berunjuk rasa.", ["SURABAYA", "—", "Ribuan"]),
    # numbers and money
    ("Sebanyak 51.900 warga mengungsi.", ["51.900", "warga"]),
    ("Kerugian mencapai Rp 80 miliar.", ["Rp", "80", "miliar", "."]),
    ("Anggaran naik menjadi Rp80 miliar atau 3,5 persen.", ["Rp", "80", "miliar", "atau", "3,5", "persen"]),
    # URLs and e-mails
    ("Jadwal ada di https://www.kpu.go.id/berita/jadwal.", ["https://www.kpu.go.id/berita/jadwal", "."]),
    ("Kirim laporan ke pengaduan@ojk.go.id sebelum Jumat.", ["pengaduan@ojk.go.id", "sebelum"]),
]


@pytest.mark.parametrize(("text", "expected"), TOKEN_CASES)
def test_token_cases(nlp: Language, text: str, expected: list[str]) -> None:
    tokens = [t.text for t in nlp(text)]
    # the expected tokens must appear as a contiguous run
    n = len(expected)
    assert any(tokens[i : i + n] == expected for i in range(len(tokens) - n + 1)), tokens


def test_tokens_cover_text(nlp: Language) -> None:
    """Tokenization never loses or adds characters (offsets stay valid for the contract)."""
    for text, _ in TOKEN_CASES:
        doc = nlp(text)
        assert doc.text == text


# (text, expected sentences)
SENTENCE_CASES: list[tuple[str, list[str]]] = [
    (
        '"Kami menolak kenaikan harga BBM." Mahasiswa lalu membubarkan diri.',
        ['"Kami menolak kenaikan harga BBM."', "Mahasiswa lalu membubarkan diri."],
    ),
    (
        '"Pemungutan suara berjalan lancar," kata Ketua KPU. Penghitungan dimulai sore.',
        ['"Pemungutan suara berjalan lancar," kata Ketua KPU.', "Penghitungan dimulai sore."],
    ),
    (
        "“Banjir sudah surut.” Warga kembali ke rumah, Senin (4/3).",
        ["“Banjir sudah surut.”", "Warga kembali ke rumah, Senin (4/3)."],
    ),
    (
        "Timnas menang 2-1 di Stadion GBK, Sabtu (12/10). Pelatih memuji pemainnya.",
        ["Timnas menang 2-1 di Stadion GBK, Sabtu (12/10).", "Pelatih memuji pemainnya."],
    ),
    (
        "Sidang dipimpin Dr. Arief Hidayat di Jl. Medan Merdeka Barat No. 6. Putusan dibacakan sore.",
        ["Sidang dipimpin Dr. Arief Hidayat di Jl. Medan Merdeka Barat No. 6.", "Putusan dibacakan sore."],
    ),
    (
        '"Apa dasarnya?" tanya pengacara itu. Hakim diam.',
        ['"Apa dasarnya?" tanya pengacara itu.', "Hakim diam."],
    ),
    (
        "Harga saham PT Aneka Tambang Tbk. Turun tiga persen.",
        ["Harga saham PT Aneka Tambang Tbk.", "Turun tiga persen."],
    ),
    (
        "Judul Berita Tanpa Titik\nIsi berita dimulai di sini. Lalu berlanjut.",
        ["Judul Berita Tanpa Titik", "Isi berita dimulai di sini.", "Lalu berlanjut."],
    ),
    (
        "Vaksin tiba... lalu dibagikan ke puskesmas.",
        ["Vaksin tiba... lalu dibagikan ke puskesmas."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_sentence_cases(nlp: Language, text: str, expected: list[str]) -> None:
    sents = [s.text.strip() for s in nlp(text).sents if s.text.strip()]
    assert sents == expected


def test_place_words_come_from_data() -> None:
    """Country names in Indonesian come from Babel, so states not typed in the YAML still split."""
    words = place_first_words(load_rules())
    assert "Rusia" in words and "Jepang" in words and "Belanda" in words
    assert "Republik" not in words  # a generic first word listed in hyphen_split_exclude


def test_blank_pipeline_has_sentences(nlp: Language) -> None:
    assert "sorot_sentences" in nlp.pipe_names
    doc = nlp("Satu kalimat. Dua kalimat.")
    assert doc.has_annotation("SENT_START")


def test_seed_articles_tokenize_cleanly(nlp: Language, seeds_dir) -> None:
    """On the real seed articles: no date or hyphenated name is broken into pieces."""
    import re

    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        assert doc.text == text
        tokens = {t.text for t in doc}
        for m in re.finditer(r"\((\d{1,2}/\d{1,2})\)", text):
            assert m.group(1) in tokens
        for m in re.finditer(r"\b[A-Z][a-z]+-[a-z]+\b", text):
            assert m.group(0) in tokens
        # every sentence that ends with a closing quote keeps it
        for sent in doc.sents:
            assert not sent.text.lstrip().startswith(('"', "”")) or len(sent) > 1


def test_ordinary_words_see_the_host_under_an_enclitic(nlp: Language) -> None:
    doc = nlp(
        "Pendapat Hakim Surya dibacakan Senin. Menurut pendapatnya, putusan itu adil, entah apakah banding diajukan."
    )
    words = ordinary_words(doc)
    assert "pendapat" in words  # host of "pendapatnya": a sentence-opening "Pendapat" is no first name
    assert "Surya" not in words and "surya" not in words
    assert "apa" not in words  # hosts shorter than enclitic_min_host do not count
    assert ordinary_words(doc) is words  # computed once per document
