"""HTML pages: what trafilatura drops is listed in `removed` by the cleaning rules, the body stays whole.

Three outlets' markup written for these tests (a WordPress blog, a news CMS with figure/figcaption, a
page whose share bar and "Baca juga" box sit inside the article body).
"""

from __future__ import annotations

import lxml.html

from sorot.clean import clean
from sorot.ingest.blocks import dropped_blocks, visible_blocks
from sorot.ingest.html import parse_html
from sorot.records import CleanDoc, RawDoc

WORDPRESS = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Warga Desa Sukamaju Gotong Royong Perbaiki Jembatan &#8211; Warta Desa</title>
<meta property="og:title" content="Warga Desa Sukamaju Gotong Royong Perbaiki Jembatan">
<meta property="og:site_name" content="Warta Desa">
<meta property="article:published_time" content="2024-03-12T09:00:00+07:00">
<script>var ajaxurl = "/wp-admin/admin-ajax.php";</script>
<style>.site-title{font-size:2em}</style>
</head><body class="post-template-default single single-post">
<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Warta Desa</a></p>
<p class="site-description">Kabar dari kampung untuk semua</p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu"><li><a href="/">Beranda</a></li><li><a href="/kabar">Kabar</a></li><li><a href="/budaya">Budaya</a></li></ul></nav>
</header>
<div id="content" class="site-content"><main id="main" class="site-main">
<article id="post-88" class="post-88 post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">Warga Desa Sukamaju Gotong Royong Perbaiki Jembatan</h1>
<div class="entry-meta"><span class="posted-on">Diposting pada 12 Maret 2024</span></div></header>
<div class="entry-content">
<div id="attachment_90" class="wp-caption aligncenter"><img src="/wp-content/uploads/jembatan.jpg" alt=""><p class="wp-caption-text">Warga mengangkut papan kayu untuk lantai jembatan. (Foto: Dok. Warta Desa)</p></div>
<p>GARUT &#8211; Ratusan warga Desa Sukamaju, Kabupaten Garut, bergotong royong memperbaiki jembatan gantung yang rusak diterjang banjir bulan lalu.</p>
<p>Kepala Desa Sukamaju, Ujang Permana, mengatakan perbaikan dilakukan secara swadaya karena bantuan dari pemerintah kabupaten belum turun. &#8220;Anak-anak harus menyeberang sungai untuk ke sekolah, jadi kami tidak bisa menunggu lagi,&#8221; ujarnya.</p>
<p>Menurut Ujang, warga mengumpulkan dana sekitar Rp15 juta untuk membeli kawat baja dan papan kayu. Pekerjaan ditargetkan selesai dalam dua pekan.</p>
<p>Camat setempat berjanji akan mengusulkan anggaran perbaikan permanen pada tahun depan.</p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Bagikan ini:</h3><ul><li><a href="#" class="share-facebook">Facebook</a></li><li><a href="#" class="share-x">X</a></li><li><a href="#" class="share-wa">WhatsApp</a></li></ul></div>
<div class="sharedaddy sd-like"><h3 class="sd-title">Suka ini:</h3><p>Suka Memuat...</p></div>
</div>
<footer class="entry-footer"><span class="cat-links">Kategori: <a href="/kabar">Kabar</a></span> <span class="tags-links">Tag: <a href="/tag/garut">garut</a>, <a href="/tag/jembatan">jembatan</a></span></footer>
</article>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan</h3>
<form id="commentform" class="comment-form"><p class="comment-notes">Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *</p><p><label>Komentar *</label><textarea name="comment"></textarea></p><p><input type="submit" value="Kirim Komentar"></p></form></div></div>
</main>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Pos-pos Terbaru</h2><ul><li><a href="/a">Panen Raya Padi di Sukamaju</a></li><li><a href="/b">Lomba Bedug Sambut Ramadan</a></li></ul></section></aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; 2024 Warta Desa. Dibuat dengan WordPress.</div></footer>
</div></body></html>"""

NEWS_CMS = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Persib Tekuk Bali United 2-1 di Stadion GBLA - Bola Nusantara</title>
<meta property="og:title" content="Persib Tekuk Bali United 2-1 di Stadion GBLA">
<meta property="og:site_name" content="Bola Nusantara">
<meta property="article:published_time" content="2024-03-10T21:30:00+07:00">
</head><body>
<div class="topbar"><span class="today">Minggu, 10 Maret 2024</span> <a href="/login">Masuk</a></div>
<header class="header"><a class="logo" href="/">Bola Nusantara</a>
<ul class="kanal"><li><a href="/liga-1">Liga 1</a></li><li><a href="/timnas">Timnas</a></li><li><a href="/dunia">Bola Dunia</a></li></ul></header>
<div class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/liga-1">Liga 1</a></div>
<div class="read__content">
<h1 class="read__title">Persib Tekuk Bali United 2-1 di Stadion GBLA</h1>
<div class="read__info"><div class="read__author">Reporter: Rina Marlina | Editor: Taufik Hidayat</div><div class="read__time">Minggu, 10 Maret 2024 | 21:30 WIB</div></div>
<figure class="photo"><img src="/foto/persib.jpg" alt="Persib"><figcaption>Pemain Persib merayakan gol kedua ke gawang Bali United. <span class="photo__credit">FOTO: Dok. Persib</span></figcaption></figure>
<div class="read__body">
<p>BANDUNG, BolaNusantara.id &ndash; Persib Bandung mengalahkan Bali United dengan skor 2-1 dalam lanjutan Liga 1 di Stadion Gelora Bandung Lautan Api, Minggu (10/3/2024) malam.</p>
<p>Gol kemenangan Persib dicetak David da Silva pada menit ke-78 setelah memanfaatkan umpan silang dari sisi kiri.</p>
<div class="baca-juga-box"><h4>Baca Juga</h4><a href="/liga-1/klasemen">Klasemen Liga 1 Usai Pekan ke-26</a></div>
<p>Pelatih Persib, Bojan Hodak, memuji kerja keras para pemainnya. "Kami bermain disiplin dan sabar menunggu peluang," kata Hodak seusai laga.</p>
<p>Dengan hasil ini Persib naik ke puncak klasemen sementara dengan 52 poin.</p>
</div>
<div class="read__tags"><span>Tags:</span> <a href="/tag/persib">Persib</a> <a href="/tag/bali-united">Bali United</a> <a href="/tag/liga-1">Liga 1</a></div>
<div class="related"><h3>Berita Terkait</h3><ul><li><a href="/r1">Bali United Incar Kebangkitan di Kandang</a></li><li><a href="/r2">Hodak Puas dengan Lini Belakang</a></li></ul></div>
</div>
<div class="ad-slot">ADVERTISEMENT</div>
<footer class="footer"><p>Dilarang mengambil dan/atau menayangkan ulang sebagian atau keseluruhan artikel di atas untuk konten akun media sosial komersil tanpa seizin redaksi.</p>
<p>Copyright &copy; 2024 Bola Nusantara. All rights reserved.</p></footer>
</body></html>"""

INLINE_WIDGETS = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Harga Beras Medium Naik di Pasar Induk Cipinang</title>
<meta property="og:title" content="Harga Beras Medium Naik di Pasar Induk Cipinang">
<meta property="og:site_name" content="Pasar Kita">
</head><body>
<article>
<h1>Harga Beras Medium Naik di Pasar Induk Cipinang</h1>
<div class="article-body">
<p>JAKARTA &ndash; Harga beras medium di Pasar Induk Beras Cipinang naik menjadi Rp13.500 per kilogram pada pekan ini, tertinggi sejak awal tahun.</p>
<div class="share-inline">Bagikan: <a href="#"><i class="icon-fb"></i></a> <a href="#">WhatsApp</a> <a href="#">Salin Link</a></div>
<p>Ketua Koperasi Pedagang Pasar Induk, Zulkifli Rasyid, mengatakan pasokan dari sentra produksi di Jawa Tengah berkurang karena panen mundur. &ldquo;Stok di gudang pedagang hanya cukup untuk dua minggu,&rdquo; katanya.</p>
<div class="inline-related"><strong>Baca juga:</strong> <a href="/bulog-operasi-pasar">Bulog Gelar Operasi Pasar di 50 Titik</a></div>
<p>Badan Pangan Nasional menyatakan akan menyalurkan beras cadangan pemerintah untuk menahan kenaikan harga.</p>
<p>Pedagang berharap harga kembali turun setelah panen raya pada April mendatang.</p>
<p><em>Editor: Yuliana Sari</em></p>
</div>
</article>
<div style="display:none">Bagikan: Facebook</div>
<footer>Hak cipta &copy; 2024 Pasar Kita</footer>
</body></html>"""


def _clean(html: str, name: str) -> tuple[RawDoc, CleanDoc]:
    raw = parse_html(html, name)
    return raw, clean(raw)


def _body_paragraphs(html: str, container: str) -> list[str]:
    """The <p> texts of the article body as a reader sees them (whitespace collapsed)."""
    tree = lxml.html.document_fromstring(html)
    [node] = tree.xpath(f"//*[contains(concat(' ', @class, ' '), ' {container} ')]")
    return [" ".join(p.text_content().split()) for p in node.iter("p") if p.text_content().strip()]


def test_wordpress_page_lists_what_was_dropped() -> None:
    raw, cleaned = _clean(WORDPRESS, "jembatan.html")
    assert [(r.kind, r.text) for r in cleaned.removed] == [
        ("byline", "Diposting pada 12 Maret 2024"),
        ("caption", "Warga mengangkut papan kayu untuk lantai jembatan. (Foto: Dok. Warta Desa)"),
        ("share", "Bagikan ini:"),
        ("share", "Suka ini:"),
        ("share", "Suka Memuat..."),
        ("boilerplate", "Kategori: Kabar Tag: garut, jembatan"),
        ("boilerplate", "© 2024 Warta Desa. Dibuat dengan WordPress."),
    ]
    paragraphs = cleaned.text.split("\n\n")
    assert paragraphs[0] == "Warga Desa Sukamaju Gotong Royong Perbaiki Jembatan"
    body = [
        p
        for p in _body_paragraphs(WORDPRESS, "entry-content")
        if p.startswith(("GARUT", "Kepala", "Menurut", "Camat"))
    ]
    assert paragraphs[1:] == body and len(body) == 4
    # menus, the site name, widget titles, link lists and the comment form are not listed
    listed = " ".join(r.text for r in cleaned.removed)
    for left_out in (
        "Beranda",
        "Kabar dari kampung",
        "Pos-pos Terbaru",
        "Panen Raya",
        "Tinggalkan Balasan",
        "Alamat email",
        "Facebook",
        "WhatsApp",
    ):
        assert left_out not in listed
    assert cleaned.date_lines == ["Diposting pada 12 Maret 2024"]
    assert cleaned.boilerplate_chars == sum(len(r.text) for r in cleaned.removed)


def test_news_cms_page_with_figcaption_byline_and_related_box() -> None:
    raw, cleaned = _clean(NEWS_CMS, "persib.html")
    assert [(r.kind, r.text) for r in cleaned.removed] == [
        ("byline", "Reporter: Rina Marlina | Editor: Taufik Hidayat"),
        ("byline", "Minggu, 10 Maret 2024 | 21:30 WIB"),
        ("caption", "Pemain Persib merayakan gol kedua ke gawang Bali United. FOTO: Dok. Persib"),
        ("boilerplate", "Baca Juga"),
        ("boilerplate", "Klasemen Liga 1 Usai Pekan ke-26"),  # the link the bare label introduces
        ("boilerplate", "Tags: Persib Bali United Liga 1"),
        ("boilerplate", "Berita Terkait"),  # its list of links is not listed
        ("boilerplate", "ADVERTISEMENT"),
        (
            "boilerplate",
            "Dilarang mengambil dan/atau menayangkan ulang sebagian atau keseluruhan artikel di atas "
            "untuk konten akun media sosial komersil tanpa seizin redaksi.",
        ),
        ("boilerplate", "Copyright © 2024 Bola Nusantara. All rights reserved."),
    ]
    assert cleaned.text.split("\n\n")[1:] == _body_paragraphs(NEWS_CMS, "read__body")
    assert "Pemain Persib merayakan" not in cleaned.text
    # the page's "today" bar is not an article date line; the article's own date line is
    assert cleaned.date_lines == ["Minggu, 10 Maret 2024 | 21:30 WIB"]
    assert cleaned.dateline == "BANDUNG"


def test_share_bar_and_read_also_inside_the_body() -> None:
    raw, cleaned = _clean(INLINE_WIDGETS, "beras.html")
    assert [(r.kind, r.text) for r in cleaned.removed] == [
        ("share", "Bagikan:"),  # the share buttons (an icon, WhatsApp, Salin Link) are not listed
        ("boilerplate", "Baca juga: Bulog Gelar Operasi Pasar di 50 Titik"),
        ("byline", "Editor: Yuliana Sari"),
        ("boilerplate", "Hak cipta © 2024 Pasar Kita"),  # the hidden duplicate share bar is not visible
    ]
    body = [p for p in _body_paragraphs(INLINE_WIDGETS, "article-body") if not p.startswith("Editor")]
    assert cleaned.text.split("\n\n") == ["Harga Beras Medium Naik di Pasar Induk Cipinang", *body]


def test_removed_items_are_not_in_the_text_and_keep_page_order() -> None:
    for html in (WORDPRESS, NEWS_CMS, INLINE_WIDGETS):
        raw, cleaned = _clean(html, "page.html")
        paragraphs = cleaned.text.split("\n\n")
        for item in cleaned.removed:
            assert item.text not in paragraphs
        page_text = " ".join(lxml.html.document_fromstring(html).text_content().split())
        positions = [page_text.find(r.text) for r in cleaned.removed]
        assert -1 not in positions and positions == sorted(positions)


# -- the block walker -------------------------------------------------------------------------------

WALKER_PAGE = """<html><head><title>x</title><style>p{color:red}</style></head><body>
<script>document.write("iklan")</script><noscript>Aktifkan JavaScript</noscript>
<template><p>Bagikan:</p></template>
<nav><a href="/">Beranda</a></nav><div role="navigation"><p>Tag: menu</p></div>
<p>Gubernur meresmikan <b>rumah sakit</b> baru di Kupang.<br>Rumah sakit itu punya 200 tempat tidur.</p>
<div>Teks div <p>paragraf dalam</p> ekor div</div>
<p hidden>Copyright 2024 Tersembunyi</p><span aria-hidden="true">Bagikan:</span>
<ul><li><a href="/a">Satu</a></li><li><a href="/b">Dua</a></li></ul>
<section class="komentar-area"><h3>Kirim Komentar</h3></section>
<div><h4>Tinggalkan Balasan</h4><form><textarea></textarea><button>Kirim</button></form></div>
</body></html>"""


def test_visible_blocks_are_lines_as_a_browser_lays_them_out() -> None:
    tree = lxml.html.document_fromstring(WALKER_PAGE)
    assert [b.text for b in visible_blocks(tree)] == [
        "Gubernur meresmikan rumah sakit baru di Kupang.",
        "Rumah sakit itu punya 200 tempat tidur.",
        "Teks div",
        "paragraf dalam",
        "ekor div",
        "Satu",
        "Dua",
    ]


def test_dropped_blocks_skip_link_lists_and_what_the_extractor_kept() -> None:
    tree = lxml.html.document_fromstring(WALKER_PAGE)
    extracted = "Gubernur meresmikan rumah sakit baru di Kupang.\nRumah sakit itu punya 200 tempat tidur."
    dropped = dropped_blocks(tree, extracted)
    assert [(d["text"], d["before"]) for d in dropped] == [
        ("Teks div", 2),
        ("paragraf dalam", 2),
        ("ekor div", 2),
    ]


def test_short_line_inside_a_body_sentence_is_not_taken_for_kept_text() -> None:
    page = (
        "<html><body><p>Warga membagikan foto banjir. Komentar warga ramai di media sosial.</p>"
        "<p>Komentar</p><p>Bagikan:</p></body></html>"
    )
    tree = lxml.html.document_fromstring(page)
    dropped = dropped_blocks(tree, "Warga membagikan foto banjir. Komentar warga ramai di media sosial.")
    # "Komentar" stands as a word in the body: it is taken as kept (never reported); "Bagikan:" is not
    assert [d["text"] for d in dropped] == ["Bagikan:"]


def test_dropped_body_prose_is_never_listed() -> None:
    raw = RawDoc(
        text="Pemerintah Kota Medan membuka 30 lowongan guru honorer tahun ini.",
        kind="html",
        title="Lowongan Guru di Medan",
        meta={
            "dropped_blocks": [
                {
                    "text": "Sementara itu, Dinas Pendidikan Sumatera Utara menyebut kebutuhan guru masih tinggi "
                    "di daerah terpencil.",
                    "before": 1,
                    "caption": False,
                },
                {"text": "Terpopuler", "before": 1, "caption": False},
                {"text": "Share this:", "before": 1, "caption": False},
            ]
        },
    )
    cleaned = clean(raw)
    assert [(r.kind, r.text) for r in cleaned.removed] == [("share", "Share this:")]
    assert (
        cleaned.text
        == "Lowongan Guru di Medan\n\nPemerintah Kota Medan membuka 30 lowongan guru honorer tahun ini."
    )
