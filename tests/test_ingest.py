"""Readers: every input kind, robust input, and a folder mixing good and bad files."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from sorot.config import Settings
from sorot.ingest import read_paths
from sorot.ingest.text import parse_text
from sorot.records import IngestError, RawDoc

ELECTION_TXT = (
    "KPU Tetapkan Jadwal Pemungutan Suara Ulang di Tiga Kecamatan\n"
    "MAKASSAR - Komisi Pemilihan Umum Kota Makassar menetapkan pemungutan suara ulang di tiga kecamatan "
    "setelah ditemukan kotak suara yang rusak.\n"
    '"Kami ingin memastikan setiap suara warga dihitung dengan benar," kata Ketua KPU Makassar, Rudi Hartono.\n'
    "Pemungutan suara ulang dijadwalkan pada Sabtu pekan depan.\n"
)

FLOOD_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Banjir Rendam Ratusan Rumah di Bekasi | Kabar Kota</title>
<meta property="og:title" content="Banjir Rendam Ratusan Rumah di Bekasi">
<meta property="og:site_name" content="Kabar Kota">
<meta property="og:url" content="https://kabarkota.example/banjir-bekasi">
<link rel="canonical" href="https://kabarkota.example/banjir-bekasi-kanonik">
<meta property="article:published_time" content="2024-02-03T08:15:00+07:00">
</head><body><nav><a href="/">Beranda</a> <a href="/politik">Politik</a> <a href="/olahraga">Olahraga</a></nav>
<article><h1>Banjir Rendam Ratusan Rumah di Bekasi</h1>
<figure><img src="a.jpg"><figcaption>Warga mengungsi dengan perahu karet. (Foto: Dok. BPBD)</figcaption></figure>
<p>BEKASI - Banjir setinggi satu meter merendam ratusan rumah di tiga kecamatan di Bekasi sejak Sabtu pagi.</p>
<p>"Kami sudah mengerahkan perahu karet untuk mengevakuasi warga lanjut usia," kata Kepala BPBD Bekasi,
Siti Rahma.</p>
<p>Hujan deras diperkirakan masih turun hingga Senin, menurut prakiraan BMKG untuk wilayah Jawa Barat.</p>
</article><div class="comments"><h3>Tinggalkan Balasan</h3><form><textarea></textarea></form></div>
<footer>Copyright © 2024 Kabar Kota. All rights reserved.</footer></body></html>"""


def texts(items: list[RawDoc | IngestError]) -> list[RawDoc]:
    return [i for i in items if isinstance(i, RawDoc)]


def errors(items: list[RawDoc | IngestError]) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError)]


@pytest.fixture()
def settings() -> Settings:
    return Settings.load()


# -- plain text -------------------------------------------------------------------------------------


def test_parse_text_first_line_is_headline_and_dateline_stays() -> None:
    raw = parse_text(ELECTION_TXT, "data/012_pemilu.txt")
    assert raw.title == "KPU Tetapkan Jadwal Pemungutan Suara Ulang di Tiga Kecamatan"
    assert raw.id == "012_pemilu"
    assert raw.title_in_text
    assert "MAKASSAR - Komisi Pemilihan Umum" in raw.text


def test_parse_text_skips_boilerplate_first_line() -> None:
    text = "Foto: Istimewa\n\nTimnas Putri Lolos ke Semifinal Piala AFF\n\nJAKARTA - Tim nasional putri menang 2-0.\n"
    raw = parse_text(text, None)
    assert raw.title == "Timnas Putri Lolos ke Semifinal Piala AFF"
    assert raw.id is None


def test_parse_text_without_headline_keeps_first_paragraph_as_body() -> None:
    text = (
        "SEMARANG - Harga cabai rawit di pasar tradisional Semarang naik hingga dua kali lipat dalam sepekan "
        "terakhir karena pasokan dari petani berkurang akibat hujan."
    )
    assert parse_text(text, None).title is None


def test_text_file_robust_encodings(tmp_path: Path, settings: Settings) -> None:
    body = "Kafé di Belém\r\nPemilik kafé itu, José Ramos, membuka cabang baru di Jakarta.\r\n"
    (tmp_path / "latin1.txt").write_bytes(body.encode("latin-1"))
    (tmp_path / "cp1252.txt").write_bytes(
        ("Harga “naik” lagi\nPedagang menyebut harga naik 5 € per kilo.").encode("cp1252")
    )
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + b"Judul Berita\nIsi berita pendek.\n")
    (tmp_path / "utf16.txt").write_bytes("Judul UTF-16\nIsi berita dalam UTF-16.\n".encode("utf-16"))
    (tmp_path / "nfd.txt").write_bytes("Cafe\u0301 Baru\nKafe\u0301 itu ramai.\n".encode())
    items = list(read_paths([str(tmp_path)], settings))
    assert not errors(items)
    by_id = {r.id: r for r in texts(items)}
    assert by_id["latin1"].title == "Kafé di Belém"
    assert "José Ramos" in by_id["latin1"].text and "\r" not in by_id["latin1"].text
    assert by_id["cp1252"].title == "Harga “naik” lagi"
    assert "5 €" in by_id["cp1252"].text
    assert by_id["bom"].title == "Judul Berita" and "\ufeff" not in by_id["bom"].text
    assert by_id["utf16"].title == "Judul UTF-16"
    assert by_id["nfd"].title == "Café Baru"  # NFC: one code point for é


# -- HTML -------------------------------------------------------------------------------------------


def test_html_reader_uses_og_meta_and_trafilatura(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "banjir-bekasi.html").write_text(FLOOD_HTML, encoding="utf-8")
    [raw] = list(read_paths([str(tmp_path / "banjir-bekasi.html")], settings))
    assert isinstance(raw, RawDoc)
    assert raw.kind == "html"
    assert raw.id == "banjir-bekasi"
    assert raw.title == "Banjir Rendam Ratusan Rumah di Bekasi"
    assert raw.outlet == "Kabar Kota"
    assert raw.url == "https://kabarkota.example/banjir-bekasi"
    assert raw.published == "2024-02-03"
    assert "Banjir setinggi satu meter" in raw.text
    assert "Beranda" not in raw.text and "Tinggalkan Balasan" not in raw.text
    assert raw.meta["captions"] == ["Warga mengungsi dengan perahu karet. (Foto: Dok. BPBD)"]
    # what trafilatura left out, for the cleaner: the caption and the footer; not the menu or the comment form
    assert [(d["text"], d["caption"]) for d in raw.meta["dropped_blocks"]] == [
        ("Warga mengungsi dengan perahu karet. (Foto: Dok. BPBD)", True),
        ("Copyright © 2024 Kabar Kota. All rights reserved.", False),
    ]


def test_html_canonical_when_no_og_url(tmp_path: Path, settings: Settings) -> None:
    page = FLOOD_HTML.replace(
        '<meta property="og:url" content="https://kabarkota.example/banjir-bekasi">', ""
    )
    (tmp_path / "a.htm").write_text(page, encoding="utf-8")
    [raw] = list(read_paths([str(tmp_path / "a.htm")], settings))
    assert isinstance(raw, RawDoc)
    assert raw.url == "https://kabarkota.example/banjir-bekasi-kanonik"


def test_html_latin1_declared_charset(tmp_path: Path, settings: Settings) -> None:
    page = (
        FLOOD_HTML.replace('charset="utf-8"', 'charset="iso-8859-1"')
        .replace("Siti Rahma", "Siti Raméh")
        .replace("©", "(c)")
    )
    (tmp_path / "latin.html").write_bytes(page.encode("latin-1"))
    [raw] = list(read_paths([str(tmp_path / "latin.html")], settings))
    assert isinstance(raw, RawDoc)
    assert "Siti Raméh" in raw.text


# -- JSON, JSON Lines -------------------------------------------------------------------------------


def test_json_list_and_single_object(tmp_path: Path, settings: Settings) -> None:
    records = [
        {
            "id": "sidang-7",
            "url": "https://hukum.example/sidang",
            "title": "Hakim Tunda Sidang Korupsi",
            "published": "2024-05-06T10:00:00Z",
            "outlet": "Warta Hukum",
            "text": "Majelis hakim menunda sidang karena saksi utama sakit.",
        },
        {
            "id": 42,
            "title": "Ekspor Kopi Naik",
            "date": "6 Mei 2024",
            "text": "Ekspor kopi Lampung naik 12 persen.",
        },
        {"title": "Tanpa Isi"},
        {
            "id": "html-1",
            "title": "Isi HTML",
            "content": "<p>Paragraf pertama.</p><p>Paragraf <b>kedua</b>.</p>",
        },
    ]
    (tmp_path / "list.json").write_text(json.dumps(records), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps(records[0]), encoding="utf-8")
    items = list(read_paths([str(tmp_path / "list.json"), str(tmp_path / "one.json")], settings))
    docs = texts(items)
    assert [d.id for d in docs] == ["sidang-7", "42", "html-1", "sidang-7"]
    assert docs[2].text == "Paragraf pertama.\nParagraf kedua."  # an HTML body is flattened to paragraphs
    assert docs[0].published == "2024-05-06" and docs[0].outlet == "Warta Hukum"
    assert docs[0].url == "https://hukum.example/sidang" and docs[0].kind == "json"
    assert docs[1].published == "2024-05-06"
    [err] = errors(items)
    assert "item 3" in err.reason and "no text" in err.reason


def test_jsonl_broken_line_reported_others_read(tmp_path: Path, settings: Settings) -> None:
    lines = [
        json.dumps(
            {"id": "a1", "title": "Persib Menang", "text": "Persib menang 2-1 atas Persija di Bandung."}
        ),
        '{"id": "a2", "title": "Rusak", "text": "baris ini terpotong',
        json.dumps({"id": "a3", "title": "Harga Beras", "text": "Harga beras medium turun di Surabaya."}),
    ]
    path = tmp_path / "berita.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([str(path)], settings))
    assert [d.id for d in texts(items)] == ["a1", "a3"]
    [err] = errors(items)
    assert err.reason.startswith(f"file {path} line 2: invalid JSON (")


def test_malformed_json_is_an_error(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "rusak.json").write_text('{"id": "x", "text": "tidak ditutup"', encoding="utf-8")
    [err] = list(read_paths([str(tmp_path / "rusak.json")], settings))
    assert isinstance(err, IngestError)
    assert "invalid JSON" in err.reason


# -- RSS / Atom -------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Warta Pangan</title><link>https://pangan.example</link><description>x</description>
<item><title>Harga Gula Stabil Jelang Lebaran</title><link>https://pangan.example/gula</link>
<guid>pangan-001</guid><pubDate>Tue, 02 Apr 2024 09:00:00 +0700</pubDate>
<description>Ringkasan singkat.</description>
<content:encoded><![CDATA[<p>Harga gula pasir di Medan stabil menjelang Lebaran.</p>
<p>Pedagang menyebut pasokan dari pabrik lancar.</p>]]></content:encoded></item>
<item><title>Stok Beras Aman</title><link>https://pangan.example/beras</link>
<pubDate>Wed, 03 Apr 2024 10:00:00 +0700</pubDate>
<description>&lt;p&gt;Bulog memastikan stok beras aman hingga Juni.&lt;/p&gt;</description></item>
<item><title>Kosong</title><link>https://pangan.example/kosong</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Kabar Sehat</title><id>urn:kabar-sehat</id>
<updated>2024-03-01T00:00:00Z</updated>
<entry><title>Kasus DBD Menurun</title><id>urn:kabar-sehat:dbd</id>
<link href="https://sehat.example/dbd"/><published>2024-03-01T07:00:00Z</published>
<content type="html">&lt;p&gt;Kasus demam berdarah di Kupang menurun bulan ini.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_feed(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "pangan.xml").write_text(RSS, encoding="utf-8")
    items = list(read_paths([str(tmp_path / "pangan.xml")], settings))
    docs = texts(items)
    assert [d.id for d in docs] == ["pangan-001", "https://pangan.example/beras"]
    first = docs[0]
    assert first.kind == "rss" and first.outlet == "Warta Pangan" and first.published == "2024-04-02"
    assert first.title == "Harga Gula Stabil Jelang Lebaran"
    assert first.text.split("\n") == [
        "Harga gula pasir di Medan stabil menjelang Lebaran.",
        "Pedagang menyebut pasokan dari pabrik lancar.",
    ]
    assert docs[1].text == "Bulog memastikan stok beras aman hingga Juni."
    [err] = errors(items)
    assert "entry 3" in err.reason


def test_atom_feed_with_rss_extension(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "sehat.atom").write_text(ATOM, encoding="utf-8")
    (tmp_path / "no-extension").write_text(ATOM, encoding="utf-8")
    items = list(read_paths([str(tmp_path / "sehat.atom"), str(tmp_path / "no-extension")], settings))
    docs = texts(items)
    assert len(docs) == 2 and not errors(items)
    for doc in docs:
        assert doc.kind == "atom" and doc.id == "urn:kabar-sehat:dbd" and doc.outlet == "Kabar Sehat"
        assert doc.url == "https://sehat.example/dbd" and doc.published == "2024-03-01"
        assert doc.text == "Kasus demam berdarah di Kupang menurun bulan ini."


# -- WARC -------------------------------------------------------------------------------------------


def _write_warc(path: Path, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        page = FLOOD_HTML.replace(
            '<meta property="article:published_time" content="2024-02-03T08:15:00+07:00">', ""
        ).encode("utf-8")
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            "https://kabarkota.example/banjir-bekasi",
            "response",
            payload=io.BytesIO(page),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-02-05T01:02:03Z"},
        )
        writer.write_record(record)
        img_headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://kabarkota.example/a.png",
                "response",
                payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
                http_headers=img_headers,
            )
        )
        writer.write_record(
            writer.create_warc_record(
                "https://kabarkota.example/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
        )


@pytest.mark.parametrize("name,gz", [("arsip.warc", False), ("arsip.warc.gz", True)])
def test_warc_html_responses_only(tmp_path: Path, settings: Settings, name: str, gz: bool) -> None:
    _write_warc(tmp_path / name, gz)
    items = list(read_paths([str(tmp_path / name)], settings))
    assert not errors(items)
    [doc] = texts(items)
    assert doc.kind == "warc"
    assert doc.id == "https://kabarkota.example/banjir-bekasi"
    assert doc.path == f"{tmp_path / name}#1"
    assert doc.title == "Banjir Rendam Ratusan Rumah di Bekasi"
    assert "Banjir setinggi satu meter" in doc.text


# -- robust input: the mixed folder -----------------------------------------------------------------


def test_mixed_folder_reads_good_and_reports_bad(tmp_path: Path) -> None:
    settings = Settings.load(max_file_bytes=50_000)
    folder = tmp_path / "campur"
    (folder / "sub").mkdir(parents=True)
    (folder / "01_pemilu.txt").write_text(ELECTION_TXT, encoding="utf-8")
    (folder / "sub" / "02_banjir.html").write_text(FLOOD_HTML, encoding="utf-8")
    (folder / "03_latin1.txt").write_bytes(
        "Festival Kopi di Café Ubud\nPemilik café, André Wijaya, menyambut 500 pengunjung.\n".encode(
            "latin-1"
        )
    )
    (folder / "04_kosong.txt").write_bytes(b"")
    (folder / "05_spasi.txt").write_text("   \n\n  \n", encoding="utf-8")
    (folder / "06_gambar.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "07_terpotong.html").write_text(
        FLOOD_HTML[: FLOOD_HTML.index("Hujan deras") + 40], encoding="utf-8"
    )
    (folder / "08_menu.html").write_text(
        "<html><body><nav><a href='/'>Beranda</a></nav></body></html>", encoding="utf-8"
    )
    (folder / "09_berita.jsonl").write_text(
        json.dumps({"id": "j1", "title": "Tarif Ekspor", "text": "Pemerintah memangkas tarif ekspor sawit."})
        + "\n{rusak\n",
        encoding="utf-8",
    )
    (folder / "10_besar.txt").write_text(
        "Judul\n" + "Kalimat panjang tentang pasar saham. " * 3000, encoding="utf-8"
    )
    (folder / "README.md").write_text("# not an article\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("Rahasia\nTidak dibaca.\n", encoding="utf-8")

    items = list(read_paths([str(folder)], settings))
    good = {d.id: d for d in texts(items)}
    assert set(good) == {"01_pemilu", "02_banjir", "03_latin1", "07_terpotong", "j1"}
    assert good["03_latin1"].title == "Festival Kopi di Café Ubud"
    assert "Hujan deras" in good["07_terpotong"].text  # truncated page: what is there is kept

    reasons = {Path(e.path.split("#")[0]).name: e.reason for e in errors(items)}
    assert set(reasons) == {
        "04_kosong.txt",
        "05_spasi.txt",
        "06_gambar.bin",
        "08_menu.html",
        "09_berita.jsonl",
        "10_besar.txt",
    }
    assert reasons["04_kosong.txt"].endswith(": empty")
    assert reasons["05_spasi.txt"].endswith(": empty")
    assert reasons["06_gambar.bin"].endswith(": not text (binary)")
    assert "no extractable text" in reasons["08_menu.html"]
    assert "line 2: invalid JSON" in reasons["09_berita.jsonl"]
    assert reasons["10_besar.txt"].endswith(": 111.0 kB exceeds the 50 kB limit (--max-size)")
    assert all(r.startswith("file ") for r in reasons.values())


def test_size_limit_message(tmp_path: Path) -> None:
    settings = Settings.load(max_file_bytes=20_000_000)
    big = tmp_path / "besar.txt"
    with open(big, "wb") as fh:
        fh.truncate(25_300_000)  # sparse: no real 25 MB written
    [err] = list(read_paths([str(big)], settings))
    assert isinstance(err, IngestError)
    assert err.reason == f"file {big}: 25.3 MB exceeds the 20 MB limit (--max-size)"


def test_missing_file_and_lazy_reading(tmp_path: Path, settings: Settings) -> None:
    good = tmp_path / "ada.txt"
    good.write_text(ELECTION_TXT, encoding="utf-8")
    stream = read_paths([str(good), str(tmp_path / "hilang.txt")], settings)
    first = next(stream)  # read before the missing file is even looked at
    assert isinstance(first, RawDoc) and first.id == "ada"
    [err] = list(stream)
    assert isinstance(err, IngestError) and err.reason == f"file {tmp_path / 'hilang.txt'}: not found"


def test_gzip_that_is_not_warc_and_unknown_extension(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "catatan.dat").write_text(ELECTION_TXT, encoding="utf-8")
    (tmp_path / "palsu.warc.gz").write_bytes(gzip.compress(b"bukan arsip web"))
    items = list(read_paths([str(tmp_path / "catatan.dat"), str(tmp_path / "palsu.warc.gz")], settings))
    [doc] = texts(items)
    assert doc.title.startswith("KPU Tetapkan") and doc.kind == "txt"
    [err] = errors(items)
    assert "not a WARC archive" in err.reason
