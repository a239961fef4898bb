"""The quote extractor (``sorot_quotes``): one test per construction, on sentences written for these tests.

The stories are varied on purpose (elections, floods, football, trade, courts, health): the rules must not
depend on the vocabulary of the founding articles. The pipeline is the real one (base model or its blank
fallback, the entity linker, the date tagger), so speakers are checked against the canonical names the
linker gives; the seed articles and the project's own gold are scored at the end.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from sorot.contract import Quote
from sorot.extract.quotes import quote_for_span, reporting_source
from sorot.extract.quotes_lexicon import DATA_PATH, PhraseIndex, load_lexicon

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def nlp() -> Language:
    from sorot.nlp.pipeline import build_nlp

    logging.getLogger("sorot").setLevel(logging.ERROR)
    return build_nlp(["sorot_linker", "sorot_dates", "sorot_quotes"])


def quotes(nlp: Language, text: str) -> list[Quote]:
    return list(nlp(text)._.quotes)


def find(qs: list[Quote], prefix: str) -> Quote:
    """The quote whose text starts with ``prefix`` (quotation marks and spacing ignored)."""
    want = _norm(prefix)
    hits = [q for q in qs if _norm(q.text).startswith(want)]
    assert hits, f"no quote starting with {prefix!r} in {[q.text for q in qs]}"
    return hits[0]


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[“”\"'‘’]", "", s)).strip().lower()


def entity_name(doc: Doc, surface: str) -> str:
    """The canonical name the linker gave the mention written ``surface``."""
    for ent in doc.ents:
        if ent.text == surface:
            return doc._.entities[ent.kb_id_].name
    raise AssertionError(f"{surface!r} is not an entity: {[e.text for e in doc.ents]}")


# ---------------------------------------------------------------------------------------------- data file


def test_lexicon_lives_in_data_file() -> None:
    lex = load_lexicon()
    assert DATA_PATH.name == "quotes.yaml"
    assert lex.verb_class("mengatakan") == "say"
    assert lex.verb_class("mengecam") == "object"
    assert lex.verb_class("mendesak") == "request"
    assert lex.post_cue("katanya") == ("katanya", True)
    assert lex.post_cue("ujar") == ("ujar", False)
    assert lex.post_cue("rumah") is None
    assert "”" in lex.all_marks and "'" in lex.all_marks


def test_phrase_index_prefers_longest_phrase() -> None:
    idx = PhraseIndex([["seperti", "dikutip"], ["seperti", "dikutip", "dari"], ["dikutip"]])
    words = ["seperti", "dikutip", "dari", "antara"]
    assert idx.match(words, 0) == ("seperti", "dikutip", "dari")
    assert idx.match(words, 1) == ("dikutip",)
    assert idx.match(words, 3) is None


# ---------------------------------------------------------------------------------------------- direct


def test_straight_quotes_with_cue_after(nlp: Language) -> None:
    qs = quotes(
        nlp,
        '"Penghitungan suara di tingkat kecamatan selesai malam ini," kata Budi Santoso, '
        "Ketua Panitia Pemilihan Kecamatan Cibeber.",
    )
    q = find(qs, "Penghitungan suara di tingkat kecamatan")
    assert q.kind == "direct"
    assert q.cue == "kata"
    assert q.speaker_name == "Budi Santoso"
    assert q.text.endswith("malam ini,")


def test_curly_quotes_spanning_several_sentences(nlp: Language) -> None:
    text = (
        "“Air naik dengan cepat sejak subuh. Kami mengungsikan 300 warga ke balai desa. Perahu karet masih "
        "kurang,” ujar Kepala Desa Sukamaju Darsono di posko pengungsian."
    )
    doc = nlp(text)
    q = find(doc._.quotes, "Air naik dengan cepat sejak subuh")
    assert "Perahu karet masih kurang" in q.text
    assert q.speaker_name == "Darsono"
    assert q.cue == "ujar"
    assert doc.text[q.start : q.end] == q.text  # offsets cover the quoted words without the marks


def test_quote_split_by_its_attribution_gives_two_quotes(nlp: Language) -> None:
    text = (
        "“Kami menghormati keputusan wasit,” kata pelatih Persija Carlos Pena. “Namun tim harus belajar "
        "menjaga konsentrasi sampai menit terakhir.”"
    )
    qs = quotes(nlp, text)
    first = find(qs, "Kami menghormati keputusan wasit")
    second = find(qs, "Namun tim harus belajar")
    assert first.speaker_name == second.speaker_name == "Carlos Pena"
    assert first.start is not None and second.start is not None and first.start < second.start


def test_quote_opening_a_paragraph_attributed_after_it(nlp: Language) -> None:
    text = (
        "Harga beras di Pasar Induk Cipinang naik untuk pekan ketiga.\n"
        "“Pasokan dari Karawang berkurang karena banyak sawah terendam. Pedagang terpaksa menaikkan "
        "harga,” ujar Ketua Koperasi Pedagang Pasar Induk Zulkifli Rasyid."
    )
    q = find(quotes(nlp, text), "Pasokan dari Karawang berkurang")
    assert q.speaker_name == "Zulkifli Rasyid"


def test_cue_with_nya_goes_back_to_last_speaker(nlp: Language) -> None:
    text = (
        "Menteri Perdagangan Budi Santoso mengatakan bahwa ekspor kopi naik 12 persen tahun ini. "
        "“Permintaan dari Jepang dan Eropa sangat kuat,” katanya."
    )
    qs = quotes(nlp, text)
    q = find(qs, "Permintaan dari Jepang dan Eropa")
    assert q.speaker_name == "Budi Santoso"
    assert q.speaker_text == "-nya"
    assert q.cue == "katanya"


def test_single_quotes_as_quotation_marks_inside_reported_speech(nlp: Language) -> None:
    text = (
        "Kuasa hukum terdakwa, Robertus Siregar, meminta majelis hakim untuk 'melihat fakta persidangan' "
        "dan tidak terpengaruh tekanan publik."
    )
    qs = quotes(nlp, text)
    partial = find(qs, "melihat fakta persidangan")
    assert partial.kind == "direct"
    assert partial.speaker_name == "Robertus Siregar"
    assert partial.cue == "meminta"
    assert all("Jum" not in q.text for q in qs)


def test_apostrophe_inside_a_word_is_not_a_quotation_mark(nlp: Language) -> None:
    qs = quotes(nlp, "Salat Jum'at di masjid itu diikuti ribuan jemaah, kata pengurus masjid Ma'ruf Hidayat.")
    assert all(q.kind == "indirect" for q in qs)


def test_partial_quote_after_a_naming_verb(nlp: Language) -> None:
    text = (
        "Menyebutnya sebagai “pelanggaran berat”, Ketua Badan Pengawas Pemilu Rahmat Bagja kemudian "
        "menegaskan, “semua laporan akan kami periksa satu per satu.”"
    )
    qs = quotes(nlp, text)
    label = find(qs, "pelanggaran berat")
    assert label.kind == "direct" and label.cue == "Menyebutnya"
    assert label.speaker_name == "Rahmat Bagja"
    main = find(qs, "semua laporan akan kami periksa")
    assert main.speaker_name == "Rahmat Bagja" and main.cue == "menegaskan"


def test_partial_quotes_and_the_paraphrase_around_them(nlp: Language) -> None:
    text = (
        "Gubernur Jawa Tengah pada Senin memperingatkan para pengembang untuk 'berhenti menimbun lahan' dan "
        "menghentikan praktik yang disebutnya 'merampas' hak petani di pesisir utara."
    )
    qs = quotes(nlp, text)
    assert find(qs, "berhenti menimbun lahan").kind == "direct"
    assert find(qs, "merampas").kind == "direct"
    # the quoted words are a small part of the clause, so the paraphrase is an indirect quote too
    assert find(qs, "para pengembang untuk").kind == "indirect"


def test_quotation_marks_around_titles_and_labels_are_not_quotes(nlp: Language) -> None:
    text = (
        "Diskusi bertajuk “Masa Depan Pangan Lokal” digelar di Universitas Gadjah Mada, Kamis. Program "
        '"Kampung Tangguh" juga dibahas. Warga menyebut jembatan itu "jembatan gantung" sejak lama.'
    )
    qs = quotes(nlp, text)
    texts = [_norm(q.text) for q in qs]
    assert "masa depan pangan lokal" not in texts
    assert "kampung tangguh" not in texts


def test_scare_quotes_with_no_speaker_are_not_quotes(nlp: Language) -> None:
    qs = quotes(nlp, 'Di tengah musim hujan, banyak pedagang kaki lima memilih "libur" selama sepekan.')
    assert qs == []


def test_unattributed_quote_continues_the_previous_speaker(nlp: Language) -> None:
    text = (
        "“Kami menargetkan 500 rumah selesai sebelum Lebaran,” kata Kepala Dinas Perumahan Kota Palu "
        "Hasanuddin Lataka.\n"
        "“Setiap keluarga akan mendapat sertifikat tanah.”"
    )
    q = find(quotes(nlp, text), "Setiap keluarga akan mendapat sertifikat")
    assert q.speaker_name == "Hasanuddin Lataka"
    assert q.cue is None


def test_paragraph_left_open_continues_in_the_next(nlp: Language) -> None:
    text = (
        "“Tanggul di sisi timur sudah jebol di dua titik. Kami sedang menutupnya dengan karung pasir.\n"
        "“Bantuan alat berat baru tiba besok pagi,” kata Kepala BPBD Kabupaten Demak Agus Nugroho."
    )
    qs = quotes(nlp, text)
    first = find(qs, "Tanggul di sisi timur sudah jebol")
    assert first.speaker_name == "Agus Nugroho"


# ---------------------------------------------------------------------------------------------- indirect


@pytest.mark.parametrize(
    ("text", "prefix", "cue"),
    [
        (
            "Ketua Mahkamah Konstitusi Suhartoyo mengatakan bahwa putusan sengketa pilkada akan dibacakan pekan depan.",
            "putusan sengketa pilkada akan dibacakan",
            "mengatakan",
        ),
        (
            "Asosiasi Petani Tebu Rakyat menuduh pabrik gula menahan pembayaran panen selama tiga bulan.",
            "pabrik gula menahan pembayaran panen",
            "menuduh",
        ),
        (
            "Bank Indonesia mencatat bahwa cadangan devisa naik menjadi 150 miliar dolar AS pada akhir Juni.",
            "cadangan devisa naik menjadi",
            "mencatat",
        ),
        (
            "Kapolda Sumatera Utara Whisnu Hermawan menegaskan tidak ada warga yang ditahan tanpa surat perintah.",
            "tidak ada warga yang ditahan",
            "menegaskan",
        ),
        (
            "Komisi Pemberantasan Korupsi dalam sebuah pernyataan menyebutkan penyidik telah memeriksa 12 saksi.",
            "penyidik telah memeriksa 12 saksi",
            "menyebutkan",
        ),
    ],
)
def test_reported_speech_with_a_speech_verb(nlp: Language, text: str, prefix: str, cue: str) -> None:
    q = find(quotes(nlp, text), prefix)
    assert q.kind == "indirect"
    assert q.cue == cue
    assert q.speaker_name is not None


def test_menurut_x(nlp: Language) -> None:
    text = (
        "Menurut pengamat sepak bola Tommy Welly, kekalahan itu disebabkan lini tengah yang terlalu lambat."
    )
    q = find(quotes(nlp, text), "kekalahan itu disebabkan lini tengah")
    assert q.kind == "indirect" and q.cue == "Menurut"
    assert q.speaker_name == "Tommy Welly"


def test_kata_x_without_quotation_marks(nlp: Language) -> None:
    text = (
        "SURABAYA - Sebanyak 40 ton ikan mati di tambak warga akibat limbah pabrik, kata Kepala Dinas "
        "Lingkungan Hidup Jawa Timur Nurkholis."
    )
    q = find(quotes(nlp, text), "Sebanyak 40 ton ikan mati")  # the dateline is not part of the quote
    assert q.kind == "indirect" and q.cue == "kata"
    assert q.speaker_name == "Nurkholis"


def test_object_verbs_need_a_clause(nlp: Language) -> None:
    qs = quotes(nlp, "Serikat buruh mengecam dan menolak rancangan peraturan itu.")
    assert qs == []
    qs = quotes(
        nlp, "Serikat buruh mengecam pemerintah karena menaikkan iuran tanpa berunding dengan pekerja."
    )
    assert find(qs, "pemerintah karena menaikkan iuran").cue == "mengecam"


def test_intentions_and_negated_speech_are_not_quotes(nlp: Language) -> None:
    qs = quotes(
        nlp, "Pemerintah kota akan mengumumkan bahwa jalan protokol ditutup selama perayaan tahun baru."
    )
    assert qs == []
    qs = quotes(nlp, "Manajemen klub belum pernah mengakui bahwa gaji pemain terlambat dibayar.")
    assert qs == []


def test_report_noun_with_bahwa(nlp: Language) -> None:
    text = "Harga cabai turun setelah laporan Bloomberg bahwa panen di Jawa Timur melimpah tahun ini."
    doc = nlp(text)
    q = find(doc._.quotes, "panen di Jawa Timur melimpah")
    assert q.kind == "indirect" and q.cue == "laporan"
    assert q.speaker_name == entity_name(doc, "Bloomberg")


def test_participial_and_coordinated_speech_verbs_share_the_subject(nlp: Language) -> None:
    text = (
        "Pemerintah Malaysia membantah tuduhan itu dan menuntut Indonesia untuk menunjukkan bukti "
        "pembakaran lahan di Sarawak."
    )
    doc = nlp(text)
    q = find(doc._.quotes, "Indonesia untuk menunjukkan bukti")
    assert q.cue == "menuntut"
    assert q.speaker_name == entity_name(doc, "Malaysia")
    assert not any(_norm(x.text).startswith("tuduhan itu") for x in doc._.quotes)  # too short to be a clause


# ---------------------------------------------------------------------------------------------- speakers


def test_description_before_the_name_and_short_form_later(nlp: Language) -> None:
    text = (
        "Juru bicara Kementerian Kesehatan Siti Nadia Tarmizi mengatakan stok vaksin masih cukup. "
        "Tarmizi menambahkan bahwa distribusi ke Papua dipercepat bulan ini."
    )
    qs = quotes(nlp, text)
    assert find(qs, "stok vaksin masih cukup").speaker_name == "Siti Nadia Tarmizi"
    later = find(qs, "distribusi ke Papua dipercepat")
    assert later.speaker_name == "Siti Nadia Tarmizi"
    assert later.speaker_text == "Tarmizi"


def test_apposition_with_commas(nlp: Language) -> None:
    text = "Ketua Persatuan Guru Republik Indonesia, Unifah Rosyidi, mengatakan sekolah harus tetap dibuka."
    q = find(quotes(nlp, text), "sekolah harus tetap dibuka")
    assert q.speaker_name == "Unifah Rosyidi"
    assert q.speaker_text is not None and q.speaker_text.startswith("Ketua Persatuan Guru")


def test_role_anaphor_and_pronouns(nlp: Language) -> None:
    text = (
        "Direktur Utama PT Kereta Api Indonesia Didiek Hartantyo mengatakan jadwal kereta kembali normal. "
        "Pejabat itu juga menegaskan bahwa tiket yang batal akan dikembalikan penuh. "
        "Dia menjelaskan bahwa perbaikan rel di Brebes selesai Minggu malam."
    )
    qs = quotes(nlp, text)
    assert find(qs, "tiket yang batal akan dikembalikan").speaker_name == "Didiek Hartantyo"
    assert find(qs, "tiket yang batal akan dikembalikan").speaker_text == "Pejabat itu"
    assert find(qs, "perbaikan rel di Brebes selesai").speaker_name == "Didiek Hartantyo"


def test_bare_title_goes_to_the_person_introduced_with_it(nlp: Language) -> None:
    text = (
        "Presiden Prabowo Subianto meninjau lumbung pangan di Merauke, Senin. "
        "“Kita harus berdaulat pangan dalam lima tahun,” kata Presiden."
    )
    q = find(quotes(nlp, text), "Kita harus berdaulat pangan")
    assert q.speaker_name == "Prabowo Subianto"
    assert q.speaker_text == "Presiden"


def test_office_speaks_for_its_body(nlp: Language) -> None:
    text = (
        "“Stok minyak goreng aman sampai akhir tahun,” kata juru bicara Kementerian Perdagangan dalam "
        "keterangan tertulis."
    )
    doc = nlp(text)
    q = find(doc._.quotes, "Stok minyak goreng aman")
    assert q.speaker_name == entity_name(doc, "Kementerian Perdagangan")
    assert q.speaker_text == "juru bicara Kementerian Perdagangan"


def test_plural_pronoun_gives_one_quote_per_party(nlp: Language) -> None:
    text = (
        "Hubungan Thailand dan Kamboja memburuk sejak insiden perbatasan. "
        "Mereka membantah telah mengerahkan pasukan tambahan ke kuil itu."
    )
    doc = nlp(text)
    qs = [q for q in doc._.quotes if _norm(q.text).startswith("telah mengerahkan pasukan")]
    assert {q.speaker_name for q in qs} == {entity_name(doc, "Thailand"), entity_name(doc, "Kamboja")}


def test_document_speaks_for_its_authors(nlp: Language) -> None:
    text = (
        "“Kami mendesak semua pihak menahan diri,” demikian bunyi pernyataan bersama Jepang dan Korea "
        "Selatan, Selasa."
    )
    doc = nlp(text)
    q = find(doc._.quotes, "Kami mendesak semua pihak menahan diri")
    assert q.cue == "bunyi"
    assert q.speaker_name == entity_name(doc, "Jepang")


@pytest.mark.parametrize(
    "text",
    [
        "Sumber anonim di kepolisian mengatakan bahwa tersangka sudah meninggalkan Batam sejak Jumat.",
        "Seorang pejabat yang enggan disebut namanya mengatakan kontrak tambang itu akan diperpanjang.",
        "“Negosiasi hampir selesai,” kata seorang diplomat yang tidak mau disebut namanya.",
    ],
)
def test_withheld_identity_stays_anonymous(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert doc._.quotes
    for q, meta in zip(doc._.quotes, doc._.quote_meta, strict=True):
        assert q.speaker_name is None and q.speaker is None
        assert meta.anonymous
    q = doc._.quotes[0]
    assert q.start is not None and q.end is not None
    assert reporting_source(doc, q.start, q.end) == "anonymous"


def test_citizen_and_official_standing(nlp: Language) -> None:
    text = (
        "“Sudah tiga hari kami tidak bisa melaut,” kata Rahmat (52), nelayan di Muara Angke. "
        "“Bantuan beras akan dibagikan besok,” kata Kepala Dinas Sosial DKI Jakarta Premi Lasari."
    )
    doc = nlp(text)
    standing = {
        q.speaker_name: m.speaker_standing for q, m in zip(doc._.quotes, doc._.quote_meta, strict=True)
    }
    assert standing["Rahmat"] == "citizen"
    assert standing["Premi Lasari"] == "official"


# ---------------------------------------------------------------------------------------------- relay


def test_relay_seperti_dikutip(nlp: Language) -> None:
    text = (
        "“Kami tidak akan menaikkan tarif listrik tahun ini,” kata Direktur Utama PLN Darmawan Prasodjo "
        "seperti dikutip kantor berita Antara."
    )
    doc = nlp(text)
    q = find(doc._.quotes, "Kami tidak akan menaikkan tarif")
    assert q.via == entity_name(doc, "Antara")


def test_relay_melansir_and_menurut_laporan(nlp: Language) -> None:
    text = (
        "Menurut laporan Al Jazeera, Kementerian Luar Negeri Qatar menegaskan bahwa perundingan gencatan "
        "senjata akan dilanjutkan pekan depan. "
        "Perdana Menteri Thailand mengatakan perbatasan tetap ditutup, melansir Reuters."
    )
    doc = nlp(text)
    first = find(doc._.quotes, "perundingan gencatan senjata akan dilanjutkan")
    assert first.via == entity_name(doc, "Al Jazeera")
    second = find(doc._.quotes, "perbatasan tetap ditutup")
    assert second.via == entity_name(doc, "Reuters")
    assert reporting_source(doc, first.start or 0, first.end or 0) == first.speaker_name


def test_outlet_after_menurut_is_a_relay_not_a_speaker(nlp: Language) -> None:
    text = "Menurut Reuters, harga nikel dunia turun tajam karena pasokan dari Indonesia berlimpah."
    doc = nlp(text)
    assert all(q.speaker_name != entity_name(doc, "Reuters") for q in doc._.quotes)
    start = text.index("harga nikel")
    assert reporting_source(doc, start, start + 20) == entity_name(doc, "Reuters")


def test_quote_for_span_and_own_voice(nlp: Language) -> None:
    text = (
        "Banjir merendam 2.000 rumah di Kabupaten Bandung. “Kami membuka dapur umum di tiga kecamatan,” "
        "kata Bupati Bandung Dadang Supriatna."
    )
    doc = nlp(text)
    start = text.index("dapur umum")
    q = quote_for_span(doc, start, start + len("dapur umum"))
    assert q is not None and q.speaker_name == "Dadang Supriatna"
    assert reporting_source(doc, start, start + 10) == "Dadang Supriatna"
    own = text.index("Banjir")
    assert quote_for_span(doc, own, own + 6) is None
    assert reporting_source(doc, own, own + 6) is None


def test_component_output_is_contract_shaped(nlp: Language) -> None:
    doc = nlp("“Bendungan ini siap menampung hujan deras,” kata Menteri Pekerjaan Umum Dody Hanggodo.")
    assert doc._.quotes and all(isinstance(q, Quote) for q in doc._.quotes)
    for q in doc._.quotes:
        data = q.model_dump()
        assert set(data) >= {
            "kind",
            "text",
            "start",
            "end",
            "speaker",
            "speaker_name",
            "speaker_text",
            "cue",
            "via",
        }
        assert doc.text[q.start : q.end] == q.text
    assert nlp.pipe_names.index("sorot_quotes") > nlp.pipe_names.index("sorot_linker")


def test_empty_and_quote_free_documents(nlp: Language) -> None:
    assert quotes(nlp, "") == []
    assert quotes(nlp, "Hujan turun sepanjang sore di Bogor.") == []
    assert quotes(nlp, "“") == []


# ---------------------------------------------------------------------------------------------- gold sets


def _score_gold(docs: dict[str, list[Quote]], gold_files: list[Path]) -> tuple[float, float]:
    tp = fp = fn = ok = 0
    for gp in gold_files:
        gold = json.loads(gp.read_text(encoding="utf-8"))
        preds = list(docs[gold["id"]])
        used: set[int] = set()
        for gq in gold["quotes"]:
            cands = [
                i
                for i, p in enumerate(preds)
                if i not in used and _norm(p.text).startswith(_norm(gq["text_prefix"]))
            ]
            best = [i for i in cands if preds[i].speaker_name == gq["speaker_name"]] or cands
            if not best:
                fn += 1
                continue
            used.add(best[0])
            tp += 1
            ok += preds[best[0]].speaker_name == gq["speaker_name"]
        fp += len(preds) - len(used)
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    f1 = 2 * p * r / max(1e-9, p + r)
    return f1, ok / max(1, tp)


def _analyse(path: Path) -> dict[str, list[Quote]]:
    """Run ingest, cleaning and the pipeline up to the quotes (the event coder is not needed here)."""
    from sorot.config import Settings
    from sorot.contract import Document
    from sorot.runner import Analyzer

    analyzer = Analyzer(Settings.load(pipeline=["sorot_linker", "sorot_dates", "sorot_quotes"]))
    return {d.id: d.quotes for d in analyzer.analyze_paths([str(path)]) if isinstance(d, Document)}


@pytest.mark.slow
def test_seed_articles_against_gold(seeds_dir: Path, shared_dir: Path) -> None:
    gold_dir = shared_dir / "gold" / "seeds"
    docs = _analyse(seeds_dir)
    gold_files = sorted(p for p in gold_dir.glob("*.json") if p.name != "claims.json")
    if not gold_files or any(json.loads(p.read_text())["id"] not in docs for p in gold_files):
        pytest.skip("seed documents and gold ids do not line up")
    f1, speaker = _score_gold(docs, gold_files)
    assert f1 >= 0.90
    assert speaker >= 0.90


@pytest.mark.slow
@pytest.mark.parametrize("name", ["corpus", "varied"])
def test_project_gold(name: str) -> None:
    src, gold_dir = ROOT / "examples" / name, ROOT / "examples" / "gold" / name
    if not gold_dir.is_dir():
        pytest.skip("examples/gold not present")
    docs = _analyse(src)
    gold_files = sorted(p for p in gold_dir.glob("*.json") if p.name != "claims.json")
    f1, speaker = _score_gold(docs, gold_files)
    assert f1 >= 0.90
    assert speaker >= 0.90
