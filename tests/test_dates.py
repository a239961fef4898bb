"""Time expressions, publication dates and event dates (sorot.extract.dates).

Every sentence here was written for these tests, on varied stories (floods, elections, courts, trade,
football, health); the seed articles are read from ../shared at run time only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sorot.extract.dates import (
    date_for_span,
    dates_for_span,
    find_timexes,
    publication_date,
    story_date,
)
from sorot.records import CleanDoc, RawDoc

NOTHING = "<no expression>"

# (text, publication date, expected value of the first time expression; None = found but unresolved)
EXPRESSIONS: list[tuple[str, str | None, str | None]] = [
    # absolute dates resolve without a publication date
    ("Banjir bandang melanda Kabupaten Garut pada 30 Desember 2023.", None, "2023-12-30"),
    ("Pemungutan suara ulang digelar 2 Januari 2024 di tiga TPS.", "2024-03-06", "2024-01-02"),
    ("Sidang perdana kasus korupsi itu dibuka pada 14 Jul 2024 di PN Jakarta Pusat.", None, "2024-07-14"),
    ("Harga cabai melonjak sejak 9/1/2024 menurut pedagang Pasar Induk.", None, "2024-01-09"),
    ("KPU menetapkan hasil rekapitulasi pada Rabu, 20 Maret 2024.", None, "2024-03-20"),
    # a range of days has the precision both ends share
    ("Rapat dengar pendapat berlangsung 5-7 Februari 2024 di Senayan.", None, "2024-02"),
    ("Pasukan diberangkatkan dari pelabuhan antara 8 dan 13 Oktober.", "2024-10-18", "2024-10"),
    ("The tribunal ruled on January 9, 2024 that the contract was void.", None, "2024-01-09"),
    ("Data BPS per 2024-02-01 menunjukkan inflasi turun.", None, "2024-02-01"),
    ("Gempa susulan tercatat tanggal 21 Nov 2022 pukul 13.21 WIB.", None, "2022-11-21"),
    ("Timnas U-23 menang adu penalti pada 29 Februari 2024.", None, "2024-02-29"),
    ("Tim SAR menemukan korban, Selasa (14/09/2024), di hilir sungai.", None, "2024-09-14"),
    # month and year
    ("Kesepakatan dagang itu diteken pada Juni 2024 di Brussel.", None, "2024-06"),
    ("Musim kemarau diperkirakan berlangsung hingga September 2023.", None, "2023-09"),
    ("Harga beras naik sejak akhir Oktober 2023.", None, "2023-10"),
    ("Stadion itu direnovasi pada bulan Mei 2019.", None, "2019-05"),
    # years alone
    ("Klub itu terakhir menjuarai liga pada 2006.", None, "2006"),
    ("Undang-undang tersebut berlaku sejak tahun 2014.", None, "2014"),
    ("Proyek jalan tol itu ditargetkan rampung akhir 2025.", "2024-03-06", "2025"),
    ("Target eliminasi tuberkulosis hingga 2030 belum berubah.", None, "2030"),
    ("Ekspor nikel melonjak pada kuartal I 2024.", None, "2024"),
    ("Masa bakti anggota dewan periode 2019-2024 segera berakhir.", None, "2019"),
    # not dates
    ("Kapal itu mengangkut hingga 2000 orang pengungsi.", None, NOTHING),
    ("Peringatan Perang Korea ke-70 tahun digelar meriah.", None, NOTHING),
    ("Skor akhir 2-1 untuk tuan rumah setelah laga sengit.", "2024-03-06", NOTHING),
    ("Ia sudah bekerja selama 25 tahun di pabrik tekstil itu.", "2024-03-06", NOTHING),
    ("Musik dangdut koplo populer sejak 2000-an di pantura.", None, NOTHING),
    # day and number: the year comes from the publication date
    ("Hakim membacakan vonis, Selasa (30/8).", "2022-08-31", "2022-08-30"),
    ("Korban banjir dievakuasi ke posko, Kamis (14/09).", "2023-09-15", "2023-09-14"),
    ("Polisi menggelar konferensi pers pada Sabtu (13/7).", "2024-07-14", "2024-07-13"),
    ("Menurut laporan kantor berita itu (31/8), kapal tenggelam.", "2022-09-01", "2022-08-31"),
    ("Pasar induk tutup lebih awal, Jumat (30/12).", "2023-01-05", "2022-12-30"),
    ("Laga final akan digelar Minggu (21/7) di Gelora Bung Karno.", "2024-07-14", "2024-07-21"),
    ("Sidang lanjutan ditunda hingga Kamis (18/7).", "2024-07-14", "2024-07-18"),
    ("Hakim membacakan vonis, Selasa (30/8).", None, None),
    # weekdays: the most recent one on or before publication (forward in a clause about the future)
    ("Gubernur meninjau lokasi longsor pada hari Kamis.", "2023-08-31", "2023-08-31"),
    ("Warga memprotes kenaikan tarif air Selasa lalu.", "2023-08-31", "2023-08-29"),
    ("Pelatih mengumumkan skuad di hari Selasa.", "2024-03-06", "2024-03-05"),
    ("Presiden melantik menteri baru Senin pagi.", "2024-03-06", "2024-03-04"),
    ("Pasar murah digelar pada hari Minggu di alun-alun.", "2024-03-06", "2024-03-03"),
    ("Konser amal itu akan digelar Sabtu di Yogyakarta.", "2024-03-06", "2024-03-09"),
    ("Juru bicara itu berbicara pada Kamis pekan lalu.", "2023-08-31", "2023-08-24"),
    ("Rapat paripurna dijadwalkan Rabu depan.", "2024-03-06", "2024-03-13"),
    ("KPK memeriksa tiga saksi Jumat ini.", "2024-03-06", "2024-03-08"),
    ("Banjir di kawasan itu surut Selasa lalu.", "2024-03-05", "2024-02-27"),
    ("Gubernur meninjau lokasi longsor pada hari Kamis.", None, None),
    # relative references
    ("Harga emas antam turun kemarin.", "2024-03-06", "2024-03-05"),
    ("Tanggul sungai jebol kemarin lusa.", "2024-03-06", "2024-03-04"),
    ("Hari ini bursa saham dibuka menguat.", "2024-03-06", "2024-03-06"),
    ("Laga tandang itu dimainkan besok.", "2024-03-06", "2024-03-07"),
    ("Bendungan darurat jebol tadi malam.", "2024-03-06", "2024-03-05"),
    ("Tim medis tiba di lokasi dua hari lalu.", "2024-03-06", "2024-03-04"),
    ("Pabrik sepatu itu ditutup tiga tahun lalu.", "2024-03-06", "2021"),
    ("Banjir merendam ratusan rumah pekan lalu.", "2023-08-31", "2023-08"),
    ("Ribuan buruh berunjuk rasa minggu lalu.", "2024-03-06", "2024-02"),
    ("Minggu kemarin tim itu kalah telak di kandang.", "2024-03-06", "2024-02"),
    ("Harga bawang merah turun minggu ini.", "2024-03-06", "2024-03"),
    ("Dua pekan lalu pemerintah membuka keran impor.", "2024-03-06", "2024-02"),
    ("Ribuan pendaki memadati Gunung Gede akhir pekan lalu.", "2024-03-06", "2024-03"),
    ("Inflasi bulan lalu tercatat 2,5 persen.", "2024-03-06", "2024-02"),
    ("Menteri Keuangan mengumumkan paket stimulus awal bulan ini.", "2024-03-06", "2024-03"),
    ("Tarif listrik naik bulan depan.", "2023-12-20", "2024-01"),
    ("Tarif impor baja dinaikkan Maret lalu.", "2024-07-14", "2024-03"),
    ("Tarif impor baja dinaikkan Maret lalu.", "2024-03-06", "2023-03"),
    ("Bank sentral menaikkan suku bunga Mei tahun lalu.", "2024-03-06", "2023-05"),
    ("Jembatan gantung itu diresmikan pada Juni.", "2024-07-14", "2024-06"),
    ("Hasil panen raya diumumkan pada Juni.", "2024-03-06", "2023-06"),
    ("Turnamen bulu tangkis itu dimulai Agustus mendatang.", "2024-03-06", "2024-08"),
    ("Perusahaan itu merugi tahun lalu.", "2024-03-06", "2023"),
    ("Pemilihan kepala daerah digelar tahun ini.", "2024-03-06", "2024"),
    ("Harga gas melon naik sejak 1 Mei lalu.", "2024-03-06", "2023-05-01"),
    ("The ministry said last week that exports fell.", "2024-03-06", "2024-02"),
    ("Banjir merendam ratusan rumah pekan lalu.", None, None),
    ("Tarif impor baja dinaikkan Maret lalu.", None, None),
    # year-less dates
    ("Kapal feri berangkat 30 Agustus dari Surabaya.", "2023-09-03", "2023-08-30"),
    ("Kapal feri berangkat 30 Agustus dari Surabaya.", None, None),
    ("Pelantikan presiden akan dilaksanakan 20 Oktober.", "2024-03-06", "2024-10-20"),
    ("Gempa bermagnitudo 5,6 terjadi 28 Desember.", "2024-01-03", "2023-12-28"),
    # vague: found, no value
    ("Kasus demam berdarah meningkat baru-baru ini.", "2024-03-06", None),
    ("Harga tiket pesawat melambung belakangan ini.", "2024-03-06", None),
    # anchored to another happening: no value of their own (resolved from the anchor, see below)
    ("Sehari setelah pencoblosan, saksi partai menggugat hasil rekapitulasi.", "2024-02-20", None),
    ("Tiga hari sebelum laga final, pelatih memanggil dua pemain muda.", "2024-03-06", None),
    ("Keesokan harinya, warga kembali membersihkan lumpur.", "2024-03-06", None),
    ("Pengungsi dipulangkan beberapa hari setelah banjir surut.", "2024-03-06", None),
]

# (text, publication date, expression, expected value): anchored expressions count from the latest
# earlier date of the paragraph (or the one before it), not from publication
ANCHORED: list[tuple[str, str | None, str, str | None]] = [
    (
        "Longsor menimbun jalan di Banjarnegara pada Sabtu (9/3). Keesokan harinya, relawan membuka jalur.",
        "2024-03-12",
        "Keesokan harinya",
        "2024-03-10",
    ),
    (
        "Gempa mengguncang Cianjur pada 21 November 2022. Dua hari kemudian, tim SAR menemukan korban.",
        None,
        "Dua hari kemudian",
        "2022-11-23",
    ),
    (
        "Sidang vonis digelar 4 Maret 2024.\n\nSepekan sebelumnya, jaksa membacakan tuntutan.",
        None,
        "Sepekan sebelumnya",
        "2024-02-26",
    ),
    (
        "Tarif ekspor sawit naik pada Januari 2024. Sebulan kemudian, pemerintah merevisinya.",
        None,
        "Sebulan kemudian",
        "2024-02",
    ),
    (
        "Stadion itu ditutup pada Juni 2023. Dua hari kemudian, polisi memasang garis.",
        None,
        "Dua hari kemudian",
        None,
    ),  # days from a month: no value
    ("Dua hari kemudian, polisi memasang garis di lokasi.", "2024-03-06", "Dua hari kemudian", None),
    (
        "Kapal tenggelam di Selat Bali pada 3 Maret 2024. 48 jam kemudian, penyelam menemukan bangkainya.",
        None,
        "48 jam kemudian",
        "2024-03-05",
    ),
    (
        "Kapal tenggelam di Selat Bali pada 3 Maret 2024. Beberapa jam kemudian, nelayan melapor.",
        None,
        "Beberapa jam kemudian",
        "2024-03-03",
    ),
    (
        "Kapal ditambatkan pada 2 Mei 2024.\n\nLain paragraf.\n\nSehari kemudian, muatan dibongkar.",
        None,
        "Sehari kemudian",
        None,
    ),  # only the paragraph itself or the one before
]


@pytest.mark.parametrize(("text", "published", "expr", "expected"), ANCHORED)
def test_anchored_to_the_previous_date(
    text: str, published: str | None, expr: str, expected: str | None
) -> None:
    found = {t.text: t for t in find_timexes(text, published)}
    assert expr in found, list(found)
    assert found[expr].kind == "anchored" and found[expr].value == expected


@pytest.mark.parametrize(("text", "published", "expected"), EXPRESSIONS)
def test_expression_table(text: str, published: str | None, expected: str | None) -> None:
    found = find_timexes(text, published)
    if expected == NOTHING:
        assert found == [], [(t.text, t.value) for t in found]
        return
    assert found, f"no time expression found in {text!r}"
    assert found[0].value == expected, (found[0].text, found[0].value)


def test_table_is_large_and_varied() -> None:
    assert len(EXPRESSIONS) >= 60
    assert len({row[0] for row in EXPRESSIONS}) >= 55


def test_kinds_precision_and_ranges() -> None:
    pub = "2024-03-06"
    by_text = {
        t.text: t
        for t in find_timexes(
            "Pada 5-7 Februari 2024, Kamis pekan lalu, baru-baru ini, pada 2006, Juni 2024 dan kemarin.", pub
        )
    }
    assert by_text["5-7 Februari 2024"].is_range and by_text["5-7 Februari 2024"].precision == "month"
    assert by_text["Kamis pekan lalu"].kind == "weekday" and by_text["Kamis pekan lalu"].value == "2024-02-29"
    assert by_text["baru-baru ini"].kind == "vague" and by_text["baru-baru ini"].value is None
    assert by_text["2006"].precision == "year" and by_text["2006"].kind == "year"
    assert by_text["Juni 2024"].precision == "month"
    assert by_text["kemarin"].value == "2024-03-05" and by_text["kemarin"].kind == "relative"


def test_minggu_is_sunday_or_week_by_context() -> None:
    pub = "2024-03-06"  # a Wednesday
    sunday = find_timexes("Pawai budaya digelar pada hari Minggu.", pub)
    week = find_timexes("Pawai budaya digelar Minggu lalu oleh warga.", pub)
    assert sunday[0].value == "2024-03-03" and sunday[0].kind == "weekday"
    assert week[0].value == "2024-02" and week[0].kind == "relative"


def test_two_dates_in_one_sentence_are_two_expressions() -> None:
    found = find_timexes("Serangan udara terjadi pada 30 Desember 2023 dan 2 Januari 2024.")
    assert [t.value for t in found] == ["2023-12-30", "2024-01-02"]
    text = "Serangan udara terjadi pada 30 Desember 2023 dan 2 Januari 2024."
    assert [text[t.start : t.end] for t in found] == ["30 Desember 2023", "2 Januari 2024"]


# ----------------------------------------------------------------------------------------------------
# publication dates
# ----------------------------------------------------------------------------------------------------


def _docs(
    text: str, *, published: str | None = None, date_lines: list[str] | None = None
) -> tuple[RawDoc, CleanDoc]:
    raw = RawDoc(text=text, kind="txt", published=published)
    clean = CleanDoc(text=text, title=text.splitlines()[0], date_lines=date_lines or [])
    return raw, clean


BODY = (
    "Ratusan warga mengungsi setelah sungai meluap dan merendam permukiman di tiga kecamatan, "
    "kata kepala badan penanggulangan bencana setempat."
)


@pytest.mark.parametrize(
    ("text", "meta", "date_lines", "expected"),
    [
        # metadata wins over a date line in the text
        (
            f"Banjir Rendam Tiga Kecamatan\nTanggal: 14 Jul 2024 09:54 wib.\n{BODY}",
            "2024-05-02",
            [],
            "2024-05-02",
        ),
        (f"Banjir Rendam Tiga Kecamatan\n{BODY}", "2024-07-14T09:54:00+07:00", [], "2024-07-14"),
        (f"Banjir Rendam Tiga Kecamatan\n{BODY}", "Sun, 14 Jul 2024 02:54:00 GMT", [], "2024-07-14"),
        # implausible or unreadable metadata is ignored
        (
            f"Banjir Rendam Tiga Kecamatan\nTanggal: 14 Jul 2024 09:54 wib.\n{BODY}",
            "2099-01-01",
            [],
            "2024-07-14",
        ),
        (f"Banjir Rendam Tiga Kecamatan\n{BODY}", "bukan tanggal", [], None),
        # date lines removed by cleaning; an update line loses to the publication line
        (
            f"Banjir Rendam Tiga Kecamatan\n{BODY}",
            None,
            ["Diperbarui: 15 Juli 2024 10:00 WIB", "Tanggal: 14 Jul 2024 09:54 wib."],
            "2024-07-14",
        ),
        # a date line near the top
        (f"Banjir Rendam Tiga Kecamatan\nSelasa, 9 Januari 2024\n{BODY}", None, [], "2024-01-09"),
        (f"Harga Beras Naik\nDiterbitkan 03/02/2024 pukul 07.15 WIB\n{BODY}", None, [], "2024-02-03"),
        # a dateline with a full date
        (f"Harga Beras Naik\nJAKARTA, 14 Juli 2024 - {BODY}", None, [], "2024-07-14"),
        # dates inside body prose are not publication dates
        (
            f"Harga Beras Naik\nJAKARTA - Harga beras naik lagi, melansir Reuters 22 September 2023. {BODY}",
            None,
            [],
            None,
        ),
        (
            f"Harga Beras Naik\n{BODY} Pernyataan bersama itu dirilis Selasa, 9 Januari 2024, di Jenewa. {BODY}",
            None,
            [],
            None,
        ),
        (f"Harga Beras Naik\n{BODY}", None, [], None),
    ],
)
def test_publication_date(text: str, meta: str | None, date_lines: list[str], expected: str | None) -> None:
    raw, clean = _docs(text, published=meta, date_lines=date_lines)
    assert publication_date(raw, clean) == expected


def _prepare(path: Path) -> tuple[RawDoc, CleanDoc]:
    """The real reader and cleaner when they are installed, else the raw text as the clean text."""
    text = path.read_text(encoding="utf-8")
    try:
        from sorot.clean import clean
        from sorot.ingest.text import parse_text
    except ImportError:
        return _docs(text)
    raw = parse_text(text, path=str(path))
    return raw, clean(raw)


def test_seed_publication_dates(seeds_dir: Path, shared_dir: Path) -> None:
    gold_dir = shared_dir / "gold" / "seeds"
    checked = 0
    for path in sorted(seeds_dir.glob("*.txt")):
        gold_file = gold_dir / f"{path.stem}.json"
        if not gold_file.exists():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        raw, clean = _prepare(path)
        assert publication_date(raw, clean) == gold.get("published"), path.name
        checked += 1
    assert checked >= 1


def test_seed_publication_dates_from_raw_text(seeds_dir: Path, shared_dir: Path) -> None:
    """Without the cleaner (date lines still in the text) the answer is the same."""
    for path in sorted(seeds_dir.glob("*.txt")):
        gold_file = shared_dir / "gold" / "seeds" / f"{path.stem}.json"
        if gold_file.exists():
            raw, clean = _docs(path.read_text(encoding="utf-8"))
            assert publication_date(raw, clean) == json.loads(gold_file.read_text())["published"], path.name


# ----------------------------------------------------------------------------------------------------
# the component and event dates
# ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipe = spacy.blank("id")
    pipe.add_pipe("sentencizer")
    pipe.add_pipe("sorot_dates")
    return pipe


def _doc(nlp: Language, text: str, published: str | None, title: str | None = None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.meta = {"title": title}
    return nlp(doc)


def _span(text: str, phrase: str) -> tuple[int, int]:
    i = text.index(phrase)
    return i, i + len(phrase)


def test_component_sets_token_aligned_timexes(nlp: Language) -> None:
    text = "Hakim membacakan vonis, Selasa (5/3), dan sidang banding digelar pada Juni 2024."
    doc = _doc(nlp, text, "2024-03-06")
    values = [(t.text, t.value) for t in doc._.timexes]
    assert values == [("Selasa (5/3)", "2024-03-05"), ("Juni 2024", "2024-06")]
    for t in doc._.timexes:
        assert doc.char_span(t.start, t.end) is not None, t.text


def test_component_without_publication_date(nlp: Language) -> None:
    doc = _doc(nlp, "Pasien dirujuk ke RSUD pekan lalu dan pulang pada 3 Maret 2024.", None)
    assert [(t.text, t.value) for t in doc._.timexes] == [
        ("pekan lalu", None),
        ("3 Maret 2024", "2024-03-03"),
    ]


# (text, publication date, event phrase, is the event a speech act, expected dates)
EVENT_CASES: list[tuple[str, str | None, str, bool, list[str | None]]] = [
    # the span decides between two dates of one sentence
    (
        "Polisi menangkap dua tersangka pada Senin (4/3), setelah kebakaran gudang pada Sabtu (2/3).",
        "2024-03-06",
        "menangkap dua tersangka",
        False,
        ["2024-03-04"],
    ),
    (
        "Polisi menangkap dua tersangka pada Senin (4/3), setelah kebakaran gudang pada Sabtu (2/3).",
        "2024-03-06",
        "kebakaran gudang",
        False,
        ["2024-03-02"],
    ),
    # coordinated dates: one per date
    (
        "Serangan udara menghantam Rafah pada 6 Februari 2024 dan 9 Februari 2024.",
        None,
        "Serangan udara menghantam Rafah",
        False,
        ["2024-02-06", "2024-02-09"],
    ),
    # a date inside a relative clause does not date the main clause
    ("KPU membantah laporan yang terbit pada 2 Maret 2024 itu.", None, "KPU membantah laporan", False, []),
    ("KPU membantah laporan yang terbit pada 2 Maret 2024 itu.", None, "terbit", False, ["2024-03-02"]),
    # a vague expression of the clause blocks any other date
    (
        "Menteri itu menyebut harga beras naik baru-baru ini, Selasa (5/3).",
        "2024-03-06",
        "harga beras naik",
        False,
        [None],
    ),
    # another sentence is not borrowed from
    (
        "Banjir melanda Demak pada 9 Februari 2024. Pemerintah mengirim bantuan logistik.",
        None,
        "Pemerintah mengirim bantuan logistik",
        False,
        [],
    ),
    # ... unless it is a broken-off fragment that carries the date
    (
        "Delegasi dagang bertemu pejabat Uni Eropa. Di Brussel pada Maret 2024 kedua pihak membahas tarif.",
        None,
        "Delegasi dagang bertemu pejabat Uni Eropa",
        False,
        ["2024-03"],
    ),
    # a fronted date scopes over both conjuncts; a date inside the first conjunct does not
    (
        "Pada Senin, polisi menangkap pelaku dan menyita barang bukti.",
        "2024-03-06",
        "menyita barang bukti",
        False,
        ["2024-03-04"],
    ),
    (
        "Wali kota meresmikan pasar pada Januari 2024 dan warga mulai berjualan di sana.",
        None,
        "warga mulai berjualan",
        False,
        [],
    ),
    # the date of the attribution carries into the quote
    (
        '"Kami akan menaikkan gaji guru honorer," kata menteri itu, Selasa (5/3).',
        "2024-03-06",
        "menaikkan gaji guru honorer",
        True,
        ["2024-03-05"],
    ),
    # ... but not into a happening the speaker reports
    (
        "Pabrik itu sudah mencemari sungai, kata warga, Selasa (5/3).",
        "2024-03-06",
        "Pabrik itu sudah mencemari sungai",
        False,
        [],
    ),
    (
        "Pabrik itu sudah mencemari sungai, kata warga, Selasa (5/3).",
        "2024-03-06",
        "Pabrik itu sudah mencemari sungai",
        True,
        ["2024-03-05"],
    ),
    # a date in a clause before the event's verb dates that clause
    (
        "Puing pesawat yang jatuh di Selat Sunda pada Sabtu (2/3) berasal dari mesin buatan Rusia.",
        "2024-03-06",
        "berasal dari mesin buatan Rusia",
        False,
        [],
    ),
    (
        "Puing pesawat yang jatuh di Selat Sunda pada Sabtu (2/3) berasal dari mesin buatan Rusia.",
        "2024-03-06",
        "pesawat yang jatuh di Selat Sunda",
        False,
        ["2024-03-02"],
    ),
    # concessive and purpose clauses have their own time
    (
        "Kedua klub membantah ada pengaturan skor, meskipun pengurus liga bertemu pada Januari 2024.",
        None,
        "membantah ada pengaturan skor",
        False,
        [],
    ),
    (
        "PSSI akan meminta agar laga kandang melawan Bahrain tahun depan digelar di tempat netral.",
        "2024-10-11",
        "PSSI akan meminta agar laga kandang melawan Bahrain",
        True,
        [],
    ),
    # an elaboration whose subject points back continues the event's sentence
    (
        "BNPB menyalurkan bantuan logistik bagi korban banjir. Bantuan itu tiba di posko pada Senin (18/3) sore.",
        "2024-03-19",
        "BNPB menyalurkan bantuan logistik",
        False,
        ["2024-03-18"],
    ),
    (
        "Menurut polisi, tersangka menyelundupkan sabu dari Malaysia. Menurut jaksa, penyelundupan itu terjadi "
        "antara 8 dan 13 Oktober.",
        "2024-10-18",
        "tersangka menyelundupkan sabu dari Malaysia",
        False,
        ["2024-10"],
    ),
    # ... but the date of a denial does not date the denied happening
    (
        "Kementerian membantah bahwa beras impor itu rusak. Bantahan itu disampaikan kepada wartawan pada Kamis (3/10).",
        "2024-10-04",
        "beras impor itu rusak",
        False,
        [],
    ),
    # a dateline date is the publication date, never an event's
    (
        "JAKARTA, 20 Agustus 2024 - Jaksa menuntut terdakwa sembilan tahun penjara.",
        "2024-08-20",
        "Jaksa menuntut terdakwa",
        True,
        [],
    ),
    # a semicolon separates
    (
        "Pabrik itu ditutup pada 2019; karyawan kini menuntut pesangon.",
        None,
        "karyawan kini menuntut pesangon",
        False,
        [],
    ),
    # "N <unit> setelah/sebelum": X = Y + N; each side counts from the other side's date
    (
        "Gubernur meresmikan jembatan itu pada Jumat (8/3), dua hari setelah banjir surut di Demak.",
        "2024-03-10",
        "banjir surut",
        False,
        ["2024-03-06"],
    ),
    (
        "Gubernur meresmikan jembatan itu pada Jumat (8/3), dua hari setelah banjir surut di Demak.",
        "2024-03-10",
        "meresmikan jembatan",
        False,
        ["2024-03-08"],
    ),
    (
        "Gudang arsip itu terbakar tiga hari sebelum audit dimulai pada Kamis (14/3).",
        "2024-03-15",
        "terbakar",
        False,
        ["2024-03-11"],
    ),
    (
        "Gudang arsip itu terbakar tiga hari sebelum audit dimulai pada Kamis (14/3).",
        "2024-03-15",
        "audit dimulai",
        False,
        ["2024-03-14"],
    ),
    # the expression opening the sentence: Y runs to the comma, the main clause X follows it
    (
        "Sehari setelah longsor menimbun jalan pada Senin (4/3), relawan membuka jalur darurat.",
        "2024-03-08",
        "membuka jalur darurat",
        False,
        ["2024-03-05"],
    ),
    (
        "Sehari setelah longsor menimbun jalan pada Senin (4/3), relawan membuka jalur darurat.",
        "2024-03-08",
        "menimbun jalan",
        False,
        ["2024-03-04"],
    ),
    (
        "Dua hari sebelum tim tamu tiba, panitia menutup stadion pada Jumat (8/3).",
        "2024-03-12",
        "tim tamu tiba",
        False,
        ["2024-03-10"],
    ),
    (
        "Kontrak pemain itu diputus sebulan setelah klub terdegradasi pada Mei 2023.",
        None,
        "Kontrak pemain itu diputus",
        False,
        ["2023-06"],
    ),
    (
        "Warga mengungsi beberapa hari setelah tanggul jebol pada Senin (4/3).",
        "2024-03-08",
        "mengungsi",
        False,
        [None],
    ),  # an unknown count: the clause has its own, unknown, time
    # what a speaker said on the anchor side is dated by the saying, not the happening reported
    (
        "Jaksa menuntut terdakwa pada Rabu (6/3), sehari setelah auditor menyebut dana desa telah diselewengkan.",
        "2024-03-08",
        "diselewengkan",
        False,
        [],
    ),
    (
        "Jaksa menuntut terdakwa pada Rabu (6/3), sehari setelah auditor menyebut dana desa telah diselewengkan.",
        "2024-03-08",
        "menyebut dana desa",
        True,
        ["2024-03-05"],
    ),
    # a date before a topic word dates the talk, not its topic
    (
        "Komisi III menggelar rapat pada Selasa (5/3) untuk membahas penggusuran warga Kampung Pulo.",
        "2024-03-06",
        "penggusuran",
        False,
        [],
    ),
    (
        "Komisi III menggelar rapat pada Selasa (5/3) untuk membahas penggusuran warga Kampung Pulo.",
        "2024-03-06",
        "menggelar rapat",
        False,
        ["2024-03-05"],
    ),
    (
        "Menteri menuduh importir menimbun gula soal kenaikan harga, Selasa (5/3).",
        "2024-03-06",
        "menuduh importir",
        True,
        ["2024-03-05"],
    ),
    # a decimal comma closes no clause: "setelah" still cuts the date off
    (
        "Tim SAR dikerahkan ke Cianjur setelah gempa bermagnitudo 5,6 mengguncang wilayah itu pada Senin (21/11).",
        "2022-11-23",
        "dikerahkan",
        False,
        [],
    ),
    (
        "Tim SAR dikerahkan ke Cianjur setelah gempa bermagnitudo 5,6 mengguncang wilayah itu pada Senin (21/11).",
        "2022-11-23",
        "mengguncang",
        False,
        ["2022-11-21"],
    ),
    # "keesokan harinya" counts from the earlier date of the paragraph
    (
        "Longsor menimbun jalan di Banjarnegara pada Sabtu (9/3). Keesokan harinya, relawan membuka jalur darurat.",
        "2024-03-12",
        "membuka jalur darurat",
        False,
        ["2024-03-10"],
    ),
    # a date in one conjunct carries to the next only when it goes on with the same subject
    (
        "Wali kota meresmikan pasar baru pada Senin (4/3) dan langsung meninjau los pedagang.",
        "2024-03-06",
        "meninjau los pedagang",
        False,
        ["2024-03-04"],
    ),
    (
        "Wali kota meresmikan pasar baru pada Senin (4/3) dan pedagang mulai menempati los.",
        "2024-03-06",
        "mulai menempati los",
        False,
        [],
    ),
    # never the publication date by default
    ("Harga minyak goreng turun di pasar tradisional.", "2024-03-06", "Harga minyak goreng turun", False, []),
]


@pytest.mark.parametrize(("text", "published", "phrase", "speech_act", "expected"), EVENT_CASES)
def test_dates_for_span(
    nlp: Language, text: str, published: str | None, phrase: str, speech_act: bool, expected: list[str | None]
) -> None:
    doc = _doc(nlp, text, published)
    start, end = _span(text, phrase)
    assert dates_for_span(doc, start, end, speech_act=speech_act, lead_fallback=False) == expected
    assert date_for_span(doc, start, end, speech_act=speech_act, lead_fallback=False) == (
        expected[0] if expected else None
    )


def test_date_for_span_without_sentence_boundaries(nlp: Language) -> None:
    """Tokens only, no sentence boundaries at all: the module's own sentence split is used."""
    text = "Banjir melanda Demak pada 9 Februari 2024. Pemerintah mengirim bantuan pada Sabtu (10/2)."
    doc = nlp.make_doc(text)
    doc._.published = "2024-02-12"
    doc = nlp.get_pipe("sorot_dates")(doc)
    assert not doc.has_annotation("SENT_START")
    assert date_for_span(doc, *_span(text, "Banjir melanda Demak")) == "2024-02-09"
    assert date_for_span(doc, *_span(text, "Pemerintah mengirim bantuan")) == "2024-02-10"


LEAD = (
    "Kejaksaan Tolak Banding Terdakwa Korupsi Bansos\n\n"
    "Kejaksaan menolak permohonan banding terdakwa korupsi bansos, Jumat (1/3), setelah sidang yang "
    "berlangsung sejak 12 Februari 2024.\n\n"
    "Jaksa juga menuduh terdakwa menyembunyikan aset di luar negeri.\n\n"
    "Sebelumnya, pengacara terdakwa mengecam putusan pengadilan tingkat pertama."
)


def test_lead_fallback_gives_the_story_date(nlp: Language) -> None:
    doc = _doc(nlp, LEAD, "2024-03-06", title="Kejaksaan Tolak Banding Terdakwa Korupsi Bansos")
    assert story_date(doc) == "2024-03-01"  # the latest day in the lead, not the earlier 12 Februari
    in_lead = _span(LEAD, "menuduh terdakwa menyembunyikan aset")
    assert date_for_span(doc, *in_lead) is None
    assert date_for_span(doc, *in_lead, speech_act=True) == "2024-03-01"
    after_lead = _span(LEAD, "mengecam putusan pengadilan")
    assert date_for_span(doc, *after_lead, speech_act=True) is None


VERDICT = (
    "Hakim Vonis Mantan Bupati Lima Tahun Penjara\n\n"
    "Pengadilan Tipikor Semarang menjatuhkan vonis lima tahun penjara kepada mantan bupati itu, Kamis (7/3).\n\n"
    '"Hari ini keadilan ditegakkan," kata jaksa. "Kami sudah menyita asetnya di Jepara."\n\n'
    "Pernyataan itu disampaikan sehari setelah terdakwa membacakan pleidoi. Penyidik menggeledah rumahnya "
    "beberapa jam sebelum ia ditangkap."
)


def test_story_date_and_anchors_from_the_story(nlp: Language) -> None:
    doc = _doc(nlp, VERDICT, "2024-03-08", title="Hakim Vonis Mantan Bupati Lima Tahun Penjara")
    # "Hari ini" inside a quotation is the speaker's day: it is not the story's date
    assert story_date(doc) == "2024-03-07"
    # a happening told inside a quotation does not take the story's date
    assert date_for_span(doc, *_span(VERDICT, "menyita asetnya"), lead_fallback=True) is None
    # the anchor side names no date but points back to the story ("Pernyataan itu", "ia")
    assert date_for_span(doc, *_span(VERDICT, "membacakan pleidoi")) == "2024-03-06"
    assert date_for_span(doc, *_span(VERDICT, "menggeledah rumahnya")) == "2024-03-07"


def test_anchor_without_a_story_link_stays_unresolved(nlp: Language) -> None:
    text = "Harga cabai melonjak sehari setelah pasar induk terbakar."
    doc = _doc(nlp, text, "2024-03-08")
    assert date_for_span(doc, *_span(text, "pasar induk terbakar")) is None
    assert date_for_span(doc, *_span(text, "Harga cabai melonjak")) is None


def test_story_date_needs_a_publication_date_for_relative_forms(nlp: Language) -> None:
    doc = _doc(nlp, LEAD, None, title="Kejaksaan Tolak Banding Terdakwa Korupsi Bansos")
    # without publication date "Jumat (1/3)" is unresolved; the absolute date is the only one left
    assert story_date(doc) == "2024-02-12"


def test_with_the_project_pipeline() -> None:
    """The project's base pipeline (trained model when shipped, else the rule tokenizer) gives the same."""
    from sorot.nlp.model import load_base

    pipe = load_base()
    if "sorot_dates" not in pipe.pipe_names:
        pipe.add_pipe("sorot_dates")
    text = "Polisi menangkap dua tersangka pada Senin (4/3), setelah kebakaran gudang pada Sabtu (2/3)."
    doc = _doc(pipe, text, "2024-03-06")
    assert date_for_span(doc, *_span(text, "menangkap dua tersangka")) == "2024-03-04"
    assert date_for_span(doc, *_span(text, "kebakaran gudang")) == "2024-03-02"


def test_dependency_parse_breaks_ties(nlp: Language) -> None:
    """With a parse, the date hanging from the event's verb wins over a nearer one hanging from a noun."""
    words = ["Pada", "Senin", ",", "polisi", "menangkap", "pencuri", "motor", "Selasa", "."]
    spaces = [True, False, True, True, True, True, True, False, False]
    heads = [1, 4, 4, 4, 4, 4, 5, 5, 4]
    deps = ["case", "obl", "punct", "nsubj", "ROOT", "obj", "compound", "nmod", "punct"]
    pos = ["ADP", "PROPN", "PUNCT", "NOUN", "VERB", "NOUN", "NOUN", "PROPN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    doc._.published = "2024-03-06"
    doc = nlp.get_pipe("sorot_dates")(doc)
    assert doc.has_annotation("DEP")
    span = _span(doc.text, "menangkap pencuri motor")
    assert date_for_span(doc, *span) == "2024-03-04"  # Senin governs "menangkap"
    blank = nlp(nlp.make_doc(doc.text))
    blank._.published = "2024-03-06"
    blank = nlp.get_pipe("sorot_dates")(blank)
    assert date_for_span(blank, *span) == "2024-03-05"  # without a parse: the nearest, Selasa


def test_public_api_for_other_components(nlp: Language) -> None:
    """Other components ask the time layer through ``doc._.timexes_at`` / ``span._.timexes`` (declared in
    sorot.nlp.extensions), never through its private memo."""
    text = "Tim SAR menemukan korban terakhir pada Kamis (7/3), dua hari setelah longsor di Bogor."
    doc = _doc(nlp, text, "2024-03-08")
    start, end = _span(text, "menemukan korban terakhir")
    found = doc._.timexes_at(start, end)
    assert [t.value for t in found] == ["2024-03-07"]
    assert found[0].text == "Kamis (7/3)"
    assert [t.value for t in doc.char_span(start, end)._.timexes] == ["2024-03-07"]
    assert (
        doc._.timexes_at(*_span(text, "Tim SAR"), speech_act=True, lead_fallback=False)[0].value
        == "2024-03-07"
    )


def test_a_welcome_in_the_lead_takes_the_story_date() -> None:
    """SUPPORT (welcoming, endorsing) is a stand taken in a statement: in the lead without a date of its
    own it takes the story's date, like the statement the story reports."""
    from sorot.runner import Analyzer

    text = (
        "Jepang Sambut Baik Tawaran Dialog Korea Selatan\n\n"
        "TOKYO – Pemerintah Jepang menyambut baik usulan Korea Selatan untuk membuka kembali dialog "
        "perikanan di Laut Timur.\n\n"
        "“Kami siap duduk bersama secepatnya,” kata Menteri Luar Negeri Jepang Yoko Kamikawa di Tokyo, "
        "Selasa (5/3).\n"
    )
    record = Analyzer().analyze_text(
        text, title="Jepang Sambut Baik Tawaran Dialog Korea Selatan", published="2024-03-06"
    )
    support = [e for e in record.events if e.type == "SUPPORT"]
    assert support and support[0].date == "2024-03-05"
