"""Quote speakers, cues and anonymous sources on stories the rules were not written for.

Every text here was written for these tests (maritime incidents, trade disputes, health, ceasefires,
nuclear inspections, police, summits, disasters). Each case lists what a careful analyst would extract:
the start of the quote, its speaker's canonical name (None for a withheld identity), the cue word,
whether the identity is withheld, and a group letter: quotes with the same letter come from the same
source (``QuoteMeta.source_key``), quotes with different letters from different sources.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import pytest
from spacy.language import Language

from sorot.contract import Quote
from sorot.extract.quotes import QuoteMeta


@pytest.fixture(scope="module")
def nlp() -> Language:
    from sorot.nlp.pipeline import build_nlp

    logging.getLogger("sorot").setLevel(logging.ERROR)
    return build_nlp(["sorot_linker", "sorot_dates", "sorot_quotes"])


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[“”\"'‘’]", "", s)).strip().lower()


@dataclass
class Want:
    prefix: str
    speaker: str | None
    cue: str | None = None
    anonymous: bool = False
    group: str | None = None  # same letter = same source_key


def analyse(nlp: Language, text: str) -> list[tuple[Quote, QuoteMeta]]:
    doc = nlp(text)
    return list(zip(doc._.quotes, doc._.quote_meta, strict=True))


def pick(found: list[tuple[Quote, QuoteMeta]], prefix: str) -> tuple[Quote, QuoteMeta]:
    want = _norm(prefix)
    hits = [(q, m) for q, m in found if _norm(q.text).startswith(want)]
    assert hits, f"no quote starting with {prefix!r} in {[q.text for q, _ in found]}"
    return hits[0]


def check(nlp: Language, text: str, wants: list[Want], absent: tuple[str, ...] = ()) -> None:
    found = analyse(nlp, text)
    keys: dict[str, str | None] = {}
    for w in wants:
        q, m = pick(found, w.prefix)
        assert q.speaker_name == w.speaker, (w.prefix, q.speaker_name, q.speaker_text)
        if w.cue is not None:
            assert q.cue is not None and q.cue.lower() == w.cue.lower(), (w.prefix, q.cue)
        assert m.anonymous is w.anonymous, (w.prefix, m.anonymous)
        assert m.source_key is not None, w.prefix
        if w.speaker is None:
            assert m.source_key.startswith("anon:"), (w.prefix, m.source_key)
        if w.group is not None:
            keys[w.group + "|" + w.prefix] = m.source_key
    groups: dict[str, set[str | None]] = {}
    for label, key in keys.items():
        groups.setdefault(label.split("|")[0], set()).add(key)
    for letter, ks in groups.items():
        assert len(ks) == 1, f"group {letter} split over sources {ks}"
    distinct = [next(iter(ks)) for ks in groups.values()]
    assert len(set(distinct)) == len(distinct), f"different groups share a source: {groups}"
    for prefix in absent:
        assert not [q for q, _ in found if _norm(q.text).startswith(_norm(prefix))], (
            f"{prefix!r} is not a quote"
        )


def anonymous_count(nlp: Language, text: str) -> int:
    """Distinct withheld sources, as the document signals count them."""
    return len({m.source_key for q, m in analyse(nlp, text) if m.anonymous and q.speaker_name is None})


# ------------------------------------------------------------------ 1. back-references to an anonymous source

MARITIME = (
    "BATAM – Sebuah kapal tanker berbendera Panama kandas di perairan Selat Malaka pada Senin dini hari. "
    "Kepala Bakamla Aan Kurnia mengatakan bahwa tim penyelamat sudah dikerahkan sejak pagi untuk "
    "mengevakuasi awak kapal.\n\n"
    "Seorang pejabat keamanan pelabuhan yang enggan disebut namanya mengatakan bahwa kapal itu membawa "
    "muatan melebihi batas yang diizinkan. Pejabat itu menambahkan bahwa nakhoda kapal sudah diperiksa "
    "oleh penyidik sejak siang.\n\n"
    '"Kami masih menunggu hasil pemeriksaan laboratorium atas tumpahan minyaknya," ujarnya.'
)


def test_anonymous_official_keeps_back_references(nlp: Language) -> None:
    check(
        nlp,
        MARITIME,
        [
            Want("tim penyelamat sudah dikerahkan", "Aan Kurnia", "mengatakan", group="a"),
            Want("kapal itu membawa muatan", None, "mengatakan", anonymous=True, group="b"),
            Want("nakhoda kapal sudah diperiksa", None, "menambahkan", anonymous=True, group="b"),
            Want("Kami masih menunggu hasil", None, "ujarnya", anonymous=True, group="b"),
        ],
    )
    assert anonymous_count(nlp, MARITIME) == 1


CEASEFIRE = (
    "KAIRO – Gencatan senjata di Gaza utara kembali dilanggar pada Selasa malam. Juru bicara Hamas Hazem "
    "Qassem menuduh Israel melanggar kesepakatan dengan menembaki warga sipil di kamp pengungsi.\n\n"
    "Seorang diplomat Mesir yang tidak mau disebut namanya mengatakan perundingan di Kairo akan "
    "dilanjutkan pekan depan. Ia mengatakan kedua pihak sudah menyetujui pertukaran tahanan tahap kedua.\n\n"
    '"Masalahnya tinggal soal jadwal penarikan pasukan," katanya.'
)


def test_pronoun_after_anonymous_diplomat_stays_anonymous(nlp: Language) -> None:
    check(
        nlp,
        CEASEFIRE,
        [
            Want("Israel melanggar kesepakatan", "Hazem Qassem", "menuduh", group="a"),
            Want("perundingan di Kairo akan dilanjutkan", None, "mengatakan", anonymous=True, group="b"),
            Want("kedua pihak sudah menyetujui", None, "mengatakan", anonymous=True, group="b"),
            Want("Masalahnya tinggal soal jadwal", None, "katanya", anonymous=True, group="b"),
        ],
    )
    assert anonymous_count(nlp, CEASEFIRE) == 1


NUCLEAR = (
    "WINA – Tim inspektur IAEA tiba di Teheran pada Minggu untuk memeriksa fasilitas pengayaan uranium. "
    "Direktur Jenderal IAEA Rafael Grossi mengatakan ia berharap kerja sama dengan Iran akan membaik.\n\n"
    "Seorang diplomat Barat, yang enggan disebut namanya, mengatakan bahwa Iran belum memberikan akses ke "
    "situs Fordow. Diplomat itu juga mengatakan bahwa hasil inspeksi akan dibahas bulan depan.\n\n"
    '"Waktunya semakin sempit bagi semua pihak," tambahnya.'
)


def test_anonymous_diplomat_and_named_chief(nlp: Language) -> None:
    check(
        nlp,
        NUCLEAR,
        [
            Want("ia berharap kerja sama", "Rafael Grossi", "mengatakan", group="a"),
            Want("Iran belum memberikan akses", None, "mengatakan", anonymous=True, group="b"),
            Want("hasil inspeksi akan dibahas", None, "mengatakan", anonymous=True, group="b"),
            Want("Waktunya semakin sempit", None, "tambahnya", anonymous=True, group="b"),
        ],
    )
    assert anonymous_count(nlp, NUCLEAR) == 1


HEALTH = (
    "Seorang dokter di rumah sakit daerah itu, yang meminta namanya tidak disebutkan, mengatakan bahwa "
    'stok oksigen hanya cukup untuk dua hari. "Kami sudah meminta tambahan dari dinas sejak pekan lalu," '
    "katanya.\n\n"
    "Menteri Kesehatan Budi Gunadi Sadikin mengatakan pasokan oksigen akan dikirim dari Surabaya besok "
    "pagi. Sumber lain di kementerian mengatakan bahwa pengiriman itu terhambat izin angkutan darat."
)


def test_two_distinct_anonymous_sources(nlp: Language) -> None:
    check(
        nlp,
        HEALTH,
        [
            Want("stok oksigen hanya cukup", None, "mengatakan", anonymous=True, group="a"),
            Want("Kami sudah meminta tambahan", None, "katanya", anonymous=True, group="a"),
            Want("pasokan oksigen akan dikirim", "Budi Gunadi Sadikin", "mengatakan", group="b"),
            Want("pengiriman itu terhambat izin", None, "mengatakan", anonymous=True, group="c"),
        ],
    )
    assert anonymous_count(nlp, HEALTH) == 2


SUMMIT = (
    "Presiden Prabowo Subianto tiba di Vientiane untuk menghadiri KTT ASEAN. Prabowo mengatakan Indonesia "
    "akan mendorong penyelesaian konflik Myanmar secara damai.\n\n"
    "Seorang pejabat senior Kementerian Luar Negeri yang tidak bersedia disebut namanya mengatakan bahwa "
    'rancangan pernyataan bersama masih diperdebatkan. "Beberapa negara keberatan dengan satu paragraf '
    'soal Laut China Selatan," ujarnya.\n\n'
    "Pejabat tersebut menambahkan bahwa para menteri akan bertemu lagi malam ini."
)


def test_named_leader_then_anonymous_official(nlp: Language) -> None:
    check(
        nlp,
        SUMMIT,
        [
            Want("Indonesia akan mendorong penyelesaian", "Prabowo Subianto", "mengatakan", group="a"),
            Want("rancangan pernyataan bersama", None, "mengatakan", anonymous=True, group="b"),
            Want("Beberapa negara keberatan", None, "ujarnya", anonymous=True, group="b"),
            Want("para menteri akan bertemu", None, "menambahkan", anonymous=True, group="b"),
        ],
    )
    assert anonymous_count(nlp, SUMMIT) == 1


DISASTER = (
    "Banjir bandang melanda tiga kecamatan di Kabupaten Luwu pada Kamis. Muhammad Safri, Kepala BPBD "
    "Luwu, mengatakan 120 rumah rusak berat.\n\n"
    "Seorang relawan yang enggan disebutkan identitasnya mengatakan bantuan logistik belum sampai ke desa "
    'di hulu sungai. "Jalannya putus, kami harus berjalan kaki tiga jam," ujar relawan itu.\n\n'
    "Safri membantah bahwa bantuan tersendat karena kurangnya koordinasi antarlembaga."
)


def test_anonymous_volunteer_and_named_official(nlp: Language) -> None:
    check(
        nlp,
        DISASTER,
        [
            Want("120 rumah rusak berat", "Muhammad Safri", "mengatakan", group="a"),
            Want("bantuan logistik belum sampai", None, "mengatakan", anonymous=True, group="b"),
            Want("Jalannya putus", None, "ujar", anonymous=True, group="b"),
            Want("bantuan tersendat karena kurangnya", "Muhammad Safri", "membantah", group="a"),
        ],
    )


def test_named_speaker_has_stable_source_key(nlp: Language) -> None:
    text = (
        "Menteri Perdagangan Budi Santoso mengatakan ekspor minyak sawit naik sepuluh persen tahun ini. "
        '"Permintaan dari India sangat kuat," kata Budi. Ia menambahkan bahwa harga acuan akan diumumkan '
        "pekan depan."
    )
    found = analyse(nlp, text)
    keys = {m.source_key for _q, m in found}
    assert len(keys) == 1 and None not in keys
    assert all(not m.anonymous for _q, m in found)


# ------------------------------------------------------------------ 2. bodies and documents are not anonymous


def test_panel_ruling_is_an_indirect_quote_of_the_body(nlp: Language) -> None:
    text = (
        "JENEWA – Panel sengketa WTO memutuskan bahwa larangan ekspor bijih nikel Indonesia melanggar "
        "aturan perdagangan internasional. Putusan panel WTO itu juga menyebutkan bahwa Indonesia harus "
        "menyesuaikan kebijakannya dalam waktu satu tahun.\n\n"
        "Menteri Perdagangan Budi Santoso mengatakan pemerintah akan mengajukan banding atas putusan itu."
    )
    check(
        nlp,
        text,
        [
            Want("larangan ekspor bijih nikel", "World Trade Organization", "memutuskan"),
            Want("Indonesia harus menyesuaikan", "World Trade Organization", "menyebutkan"),
            Want("pemerintah akan mengajukan banding", "Budi Santoso", "mengatakan"),
        ],
    )
    assert anonymous_count(nlp, text) == 0


def test_board_of_governors_speaks_for_itself(nlp: Language) -> None:
    text = (
        "Dewan Gubernur IAEA menilai bahwa Iran tidak memenuhi kewajiban pelaporan bahan nuklirnya. "
        "Laporan itu menyebutkan bahwa cadangan uranium yang diperkaya terus bertambah."
    )
    found = analyse(nlp, text)
    q1, m1 = pick(found, "Iran tidak memenuhi kewajiban")
    assert (
        q1.speaker_name is not None
        and "IAEA" in q1.speaker_name
        or q1.speaker_name
        and "Atomic" in q1.speaker_name
    )
    assert not m1.anonymous
    for q, m in found:
        assert not m.anonymous, q.text
    assert anonymous_count(nlp, text) == 0


def test_provincial_government_resolves_to_the_body(nlp: Language) -> None:
    text = (
        "Pemerintah Provinsi Jawa Tengah menetapkan status tanggap darurat banjir selama 14 hari. "
        "Gubernur Jawa Tengah Ahmad Luthfi mengatakan dana darurat sudah dicairkan.\n\n"
        "Pemprov juga menyatakan bahwa sekolah di daerah terdampak diliburkan sampai air surut."
    )
    found = analyse(nlp, text)
    q, m = pick(found, "sekolah di daerah terdampak")
    assert q.speaker_name is not None and q.speaker_name != "Ahmad Luthfi"
    assert not m.anonymous
    assert anonymous_count(nlp, text) == 0


def test_report_anaphor_goes_back_to_its_author(nlp: Language) -> None:
    text = (
        "Laporan WHO yang dirilis Senin menyebutkan bahwa kasus demam berdarah di Asia Tenggara naik dua "
        "kali lipat. Laporan itu juga mencatat bahwa perubahan iklim memperpanjang musim penularan nyamuk."
    )
    check(
        nlp,
        text,
        [
            Want("kasus demam berdarah di Asia", "World Health Organization", "menyebutkan", group="a"),
            Want("perubahan iklim memperpanjang", "World Health Organization", "mencatat", group="a"),
        ],
    )


def test_unresolvable_document_is_not_an_anonymous_source(nlp: Language) -> None:
    text = (
        "Kajian itu menyebutkan bahwa harga beras di pasar tradisional naik delapan persen dalam sebulan "
        "terakhir."
    )
    for q, m in analyse(nlp, text):
        assert not m.anonymous, q.text
    assert anonymous_count(nlp, text) == 0


# ------------------------------------------------------------------ 3. cues


def test_post_cue_wins_over_speech_verb_inside_quote(nlp: Language) -> None:
    text = (
        'Kapolres Bogor AKBP Rio Wahyu Anggoro menjelaskan kronologi penangkapan. "Tersangka mengatakan '
        'kepada penyidik bahwa ia menjual motor curian itu di Cianjur," kata Rio.'
    )
    check(nlp, text, [Want("Tersangka mengatakan kepada penyidik", "Rio Wahyu Anggoro", "kata")])


def test_continuation_quote_takes_the_cue_of_its_attribution(nlp: Language) -> None:
    text = (
        '"Semua jalur pendakian ditutup sampai status gunung turun," kata Kepala Balai Taman Nasional '
        'Gunung Rinjani Yarman. "Pendaki yang sudah di atas kami turunkan hari ini juga."'
    )
    check(
        nlp,
        text,
        [
            Want("Semua jalur pendakian ditutup", "Yarman", "kata", group="a"),
            Want("Pendaki yang sudah di atas", "Yarman", "kata", group="a"),
        ],
    )


def test_disebutnya_partial_quote(nlp: Language) -> None:
    text = (
        "Pelatih timnas Patrick Kluivert menilai permainan lini tengah timnya masih lambat, dengan umpan "
        'yang disebutnya "terlalu aman" sepanjang babak pertama.'
    )
    check(nlp, text, [Want("terlalu aman", "Patrick Kluivert", "disebutnya")])


def test_disebutnya_in_clause_of_another_subject_goes_to_last_speaker(nlp: Language) -> None:
    text = (
        "Menteri Keuangan Sri Mulyani Indrawati mengatakan defisit anggaran tetap terkendali. Namun, "
        "lembaga pemeringkat Moody's menurunkan prospek utang Indonesia, langkah yang disebutnya "
        '"tidak mencerminkan fundamental ekonomi".'
    )
    check(nlp, text, [Want("tidak mencerminkan fundamental", "Sri Mulyani Indrawati", "disebutnya")])


def test_menyebutnya_partial_quote(nlp: Language) -> None:
    text = (
        "Ketua KPU Mochammad Afifudin mengakui adanya kesalahan input data di 40 TPS dan menyebutnya "
        '"kekeliruan teknis" yang sudah diperbaiki.'
    )
    check(nlp, text, [Want("kekeliruan teknis", "Mochammad Afifudin", "menyebutnya")])


def test_ujar_x_after_previous_sentence_with_speech_verb(nlp: Language) -> None:
    text = (
        "Direktur Utama PLN Darmawan Prasodjo mengumumkan pemadaman bergilir di Sumatera Utara. "
        '"Kami mohon maaf kepada pelanggan, perbaikan pembangkit butuh dua minggu," ujar Darmawan.'
    )
    check(nlp, text, [Want("Kami mohon maaf kepada pelanggan", "Darmawan Prasodjo", "ujar")])


# ------------------------------------------------------------------ 4. "kabar bahwa" / "laporan bahwa"


def test_report_noun_clause_starts_at_embedded_content(nlp: Language) -> None:
    text = (
        "Juru bicara Kementerian Luar Negeri Tiongkok Mao Ning membantah kabar bahwa kapal penjaga pantai "
        "Tiongkok menabrak kapal nelayan Filipina. Ia juga mengatakan bahwa laporan bahwa Beijing "
        "mengirim kapal perang ke Scarborough tidak berdasar."
    )
    check(
        nlp,
        text,
        [
            Want("kapal penjaga pantai Tiongkok menabrak", "Mao Ning", "membantah"),
            Want("Beijing mengirim kapal perang", "Mao Ning", "mengatakan"),
        ],
    )


def test_statement_with_kabar_bahwa_after_say_verb(nlp: Language) -> None:
    text = (
        "Kepala Basarnas Kusworo menyatakan kabar bahwa tim SAR menghentikan pencarian korban kapal "
        "tenggelam di Selat Bali tidak benar."
    )
    check(nlp, text, [Want("tim SAR menghentikan pencarian", "Kusworo", "menyatakan")])


# ------------------------------------------------------------------ 5. plans are not speech; charges are


def test_considering_and_planning_are_not_speech(nlp: Language) -> None:
    text = (
        "Pemerintah Jepang mempertimbangkan menolak kapal ikan asing yang masuk tanpa izin ke perairannya. "
        "Kementerian Perdagangan berencana menyampaikan keberatan bahwa bea masuk baja dari Tiongkok "
        "terlalu rendah. Jakarta juga mempertimbangkan untuk menyatakan bahwa wabah itu bencana nasional."
    )
    found = analyse(nlp, text)
    for prefix in ("kapal ikan asing", "keberatan bahwa bea", "bea masuk baja", "wabah itu bencana"):
        assert not [q for q, _m in found if _norm(q.text).startswith(_norm(prefix))], prefix


def test_charges_with_kata_are_an_indirect_quote(nlp: Language) -> None:
    text = (
        "Polisi menangkap dua pria yang membobol minimarket di Bekasi. Kedua tersangka dijerat Pasal 363 "
        "KUHP tentang pencurian dengan pemberatan dengan ancaman tujuh tahun penjara, kata Kabid Humas "
        "Polda Metro Jaya Kombes Ade Ary Syam Indradi."
    )
    check(nlp, text, [Want("Kedua tersangka dijerat Pasal 363", "Ade Ary Syam Indradi", "kata")])


def test_charges_sentence_after_police_spokesman_quote(nlp: Language) -> None:
    text = (
        '"Pelaku sudah kami tahan sejak Rabu," kata Kasat Reskrim Polres Sleman AKP Riski Adrian. '
        "Pelaku dijerat Pasal 378 KUHP tentang penipuan dengan ancaman empat tahun penjara, kata Riski."
    )
    check(
        nlp,
        text,
        [
            Want("Pelaku sudah kami tahan", "Riski Adrian", "kata", group="a"),
            Want("Pelaku dijerat Pasal 378", "Riski Adrian", "kata", group="a"),
        ],
    )


# ------------------------------------------------------------------ 6. long offices, ranks, junk names


def test_capitalised_time_word_inside_an_office_name(nlp: Language) -> None:
    """ "Lalu" in "Direktur Lalu Lintas" is part of the office, not "last" (a time word ending the phrase)."""
    text = (
        "“Kami menambah personel di jalur wisata selama libur panjang,” kata Direktur Lalu Lintas Polda "
        "Bali Komisaris Besar Wayan Sudarsana kepada wartawan."
    )
    check(nlp, text, [Want("Kami menambah personel", "Wayan Sudarsana", "kata")])


def test_bracketed_rank_stays_in_the_speaker_phrase(nlp: Language) -> None:
    text = (
        "“Dana nasabah dihimpun dengan skema piramida,” ujar Direktur Tindak Pidana Siber Bareskrim Polri "
        "Brigjen (Pol) Hendra Kurniawan."
    )
    check(nlp, text, [Want("Dana nasabah dihimpun", "Hendra Kurniawan", "ujar")])


def test_given_name_before_a_linked_surname_belongs_to_it(nlp: Language) -> None:
    text = (
        "“Kapal cadangan sudah kami siapkan,” kata Kepala Syahbandar Pelabuhan Merak Kolonel Dodi "
        "Prasetyo di Cilegon."
    )
    check(nlp, text, [Want("Kapal cadangan sudah", "Dodi Prasetyo", "kata")])


def test_nya_does_not_follow_a_capitalised_ordinary_word(nlp: Language) -> None:
    """A sentence opened by a capitalised ordinary word ("Kedua", "Berdasarkan") names nobody, so a
    later "katanya" stays with the official who spoke."""
    text = (
        "Wali Kota Bogor Dedie Rachim mengatakan dua gedung sekolah disiapkan untuk pengungsi. "
        "Kedua RSUD menampung ratusan pasien. "
        "“Kami akan tambah tenda darurat di lapangan kota,” katanya. "
        "Berdasarkan Peraturan Daerah Nomor 5, setiap kelurahan wajib punya posko. "
        "“Posko dibuka dua puluh empat jam,” ujarnya."
    )
    check(
        nlp,
        text,
        [
            Want("Kami akan tambah tenda", "Dedie Rachim", "katanya", group="a"),
            Want("Posko dibuka", "Dedie Rachim", "ujarnya", group="a"),
        ],
    )


def test_indefinite_subject_with_relative_clause_is_anonymous(nlp: Language) -> None:
    """ "Seorang dokter yang bertugas di rumah sakit itu mengatakan": the subject is the unnamed doctor,
    not the hospital; "Ia" after it stays with that source."""
    text = (
        "“Kami butuh pasokan oksigen tambahan,” kata Menteri Kesehatan Budi Gunadi Sadikin. "
        "Seorang dokter yang bertugas di rumah sakit itu mengatakan bahwa stok oksigen hanya cukup "
        "untuk dua hari. Ia menambahkan, apabila pasokan terlambat, pasien kritis harus dirujuk."
    )
    check(
        nlp,
        text,
        [
            Want("Kami butuh pasokan", "Budi Gunadi Sadikin", group="a"),
            Want("stok oksigen hanya cukup", None, anonymous=True, group="b"),
            Want("apabila pasokan terlambat", None, anonymous=True, group="b"),
        ],
    )


def test_named_subject_with_relative_clause(nlp: Language) -> None:
    text = (
        "Pelatih tim nasional Shin Tae-yong yang ditemui seusai latihan mengatakan bahwa semua pemain "
        "dalam kondisi bugar menjelang laga melawan Vietnam."
    )
    check(nlp, text, [Want("semua pemain dalam kondisi bugar", "Shin Tae-yong", "mengatakan")])


def test_according_to_an_unnamed_official_then_ia(nlp: Language) -> None:
    text = (
        "“Pemungutan suara berjalan damai,” kata Ketua KPU Hasyim Asy'ari. Menurut seorang pejabat KPU "
        "yang enggan disebut namanya, penghitungan suara akan selesai pekan depan. Ia menyebut langkah "
        "itu perlu agar hasil bisa diumumkan tepat waktu."
    )
    check(
        nlp,
        text,
        [
            Want("Pemungutan suara berjalan damai", "Hasyim Asy'ari", group="a"),
            Want("penghitungan suara akan selesai", None, anonymous=True, group="b"),
            Want("langkah itu perlu", None, anonymous=True, group="b"),
        ],
    )


def test_indefinite_role_with_a_capitalised_adjective_is_anonymous(nlp: Language) -> None:
    text = (
        "“Sanksi tambahan tidak akan mengubah apa pun,” kata Menteri Luar Negeri Iran Abbas Araghchi. "
        "Seorang diplomat Eropa yang mengikuti sidang itu mengatakan bahwa resolusi akan diajukan pekan "
        "depan."
    )
    check(
        nlp,
        text,
        [
            Want("Sanksi tambahan tidak", "Abbas Araghchi", group="a"),
            Want("resolusi akan diajukan", None, anonymous=True, group="b"),
        ],
    )


def test_trailing_nya_skips_the_person_who_opens_the_reported_words(nlp: Language) -> None:
    text = (
        "Wali Kota Bogor Dedie Rachim mengatakan pemerintah kota menyiapkan dapur umum di tiga kecamatan. "
        "Menteri Sosial Tri Rismaharini juga dijadwalkan mengunjungi pengungsi pekan depan, tambahnya."
    )
    check(
        nlp,
        text,
        [
            Want("pemerintah kota menyiapkan", "Dedie Rachim", group="a"),
            Want("Menteri Sosial Tri Rismaharini juga", "Dedie Rachim", "tambahnya", group="a"),
        ],
    )


def test_body_with_apposition_after_a_dateline(nlp: Language) -> None:
    """ "<dateline> – <body>, <its description with 'nomor urut'>, menuding": the body speaks."""
    text = (
        "MEKAR SARI – Aliansi Warga Peduli, tim relawan pasangan calon nomor urut 3 dalam Pilkada Kota "
        "Mekar Sari, menuding petugas memindahkan kotak suara tanpa pengawasan saksi."
    )
    check(nlp, text, [Want("petugas memindahkan kotak suara", "Aliansi Warga Peduli", "menuding")])


def test_denial_through_a_spokesperson_whose_relative_clause_reports_speech(nlp: Language) -> None:
    """ "Moskow menolak tuduhan itu melalui juru bicara X, yang mengatakan bahwa ...": the reported words
    are the spokesperson's; the denial itself has no content of its own."""
    text = (
        "Moskow menolak tuduhan itu melalui juru bicara Kremlin Dmitry Peskov, yang mengatakan bahwa "
        "latihan militer di perbatasan itu hanya bersifat defensif."
    )
    check(
        nlp,
        text,
        [Want("latihan militer di perbatasan", "Dmitry Peskov", "mengatakan")],
        absent=("tuduhan itu melalui",),
    )


def test_closing_and_message_cues(nlp: Language) -> None:
    """ "tutup X" (closing words) and "pesannya" (a message) attribute like "kata"."""
    text = (
        "“Stok vaksin cukup sampai akhir tahun,” kata Kepala Dinas Kesehatan Kota Bogor Sri Nowo. "
        "“Kami hanya memastikan distribusi tidak terlambat,” tutup Sri Nowo. "
        "Menteri Kesehatan Budi Gunadi Sadikin mengatakan kampanye imunisasi dimulai Senin. "
        "“Orang tua jangan ragu membawa anaknya ke puskesmas,” pesannya dalam siaran pers."
    )
    check(
        nlp,
        text,
        [
            Want("Kami hanya memastikan distribusi", "Sri Nowo", "tutup", group="a"),
            Want("Orang tua jangan ragu", "Budi Gunadi Sadikin", "pesannya", group="b"),
        ],
    )


def test_protest_subject_not_the_city_in_apposition(nlp: Language) -> None:
    """'... di depan kantor X, Jakarta, Selasa, menuntut ...': the city sets the place; the body protests."""
    check(
        nlp,
        "Ribuan anggota Serikat Nelayan Tradisional Indonesia (SNTI) berunjuk rasa di depan kantor Kementerian "
        "Kelautan dan Perikanan, Jakarta, Selasa, menuntut pemerintah mencabut aturan kuota tangkap ikan.",
        [Want("pemerintah mencabut aturan kuota", "Serikat Nelayan Tradisional Indonesia", "menuntut")],
    )


def test_officer_after_a_body_and_its_acronym(nlp: Language) -> None:
    check(
        nlp,
        '"Upah kami belum dibayar selama tiga bulan," ujar Ketua Serikat Buruh Pelabuhan Tanjung Emas '
        "(SBPTE) Rudi Santoso di depan kantor perusahaan, Kamis (6/3).",
        [Want("Upah kami belum dibayar", "Rudi Santoso", "ujar")],
    )


def test_cardinal_is_a_title(nlp: Language) -> None:
    check(
        nlp,
        "Uskup Agung Medan Kardinal Yohanes Sinaga menyebut kunjungan itu sebagai tanda persahabatan antarumat.",
        [Want("kunjungan itu sebagai tanda", "Yohanes Sinaga", "menyebut")],
    )


def test_they_after_a_dateline_are_no_city(nlp: Language) -> None:
    """'SEMARANG – ... Mereka menuntut ...': a plural pronoun never resolves to the dateline's city."""
    found = analyse(
        nlp,
        "SEMARANG – Serikat Buruh Tekstil Jawa Tengah menggelar aksi di depan kantor gubernur. Mereka menuntut "
        "pemerintah provinsi menaikkan upah minimum tahun depan.",
    )
    q, _ = pick(found, "pemerintah provinsi menaikkan")
    assert q.speaker_name != "Semarang", q.speaker_name


def test_narrated_temporal_clause_ends_the_reported_words(nlp: Language) -> None:
    found = analyse(
        nlp,
        "Kelompok Hamas mengancam akan menghentikan perundingan setelah Israel menyerang sebuah sekolah di Gaza.",
    )
    q, _ = pick(found, "akan menghentikan perundingan")
    assert "menyerang" not in q.text, q.text


def test_a_thing_asked_for_is_no_reported_clause(nlp: Language) -> None:
    """ "meminta tambahan anggaran darurat dari pemerintah pusat": a bare word the tagger may call a verb
    ("darurat") does not turn the thing asked for into an indirect quote; an affixed verb does."""
    doc = nlp("Bupati Garut Rudy Gunawan meminta tambahan anggaran darurat dari pemerintah pusat.")
    assert not [q for q in doc._.quotes if q.kind == "indirect"], [q.text for q in doc._.quotes]
    doc = nlp("Bupati Garut Rudy Gunawan meminta pemerintah pusat segera menambah anggaran darurat bencana.")
    assert [q for q in doc._.quotes if q.kind == "indirect"], "a request with its clause is reported speech"
