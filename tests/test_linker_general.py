"""The linker on stories it was not developed on: maritime incidents, trade disputes, epidemics,
disasters, conflicts in Africa, the Middle East and Latin America, Indonesian regional government and
companies. Every sentence was written for these tests.

Each case lists (canonical name, type) pairs that must be linked, and names that must NOT appear
(the statistical NER's usual mistakes: pieces of company or organisation names typed PER, programme
names typed GPE, maritime features typed PER). The full pipeline with the shipped model is used,
because those mistakes come from the model.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sorot.nlp.linker import MENTIONS_KEY

pytestmark = pytest.mark.slow


def mentions(doc: Doc) -> set[tuple[str, str]]:
    """(canonical name, type) of every mention, nested ones included."""
    ents = doc._.entities
    return {(ents[s.kb_id_].name, ents[s.kb_id_].type) for s in doc.spans[MENTIONS_KEY]}


CASES: list[tuple[str, list[tuple[str, str]], list[str]]] = [
    # --- maritime
    (
        "Kapal Penjaga Pantai Filipina dihadang dua kapal China di dekat Beting Scarborough pada Selasa.",
        [("Philippine Coast Guard", "ORG"), ("China", "GPE"), ("Scarborough Shoal", "LOC")],
        ["Beting Scarborough"],
    ),
    (
        "Angkatan Bersenjata Filipina menyebut manuver kapal itu membahayakan awak kapal pemasok.",
        [("Armed Forces of the Philippines", "ORG"), ("Philippines", "GPE")],
        [],
    ),
    (
        "Juru bicara Penjaga Pantai China menuding Manila memasuki perairan Huangyan Dao secara ilegal.",
        [("China Coast Guard", "ORG"), ("Philippines", "GPE"), ("Scarborough Shoal", "LOC")],
        ["Huangyan Dao"],
    ),
    (
        "Kapal logistik itu berlayar menuju Beting Second Thomas (Ayungin) di Kepulauan Spratly.",
        [("Second Thomas Shoal", "LOC"), ("Spratly Islands", "LOC")],
        ["Ayungin", "Beting Second Thomas"],
    ),
    (
        "Badan Keamanan Laut (Bakamla) mengerahkan tiga kapal patroli ke Laut Natuna Utara.",
        [("Indonesian Maritime Security Agency", "ORG"), ("North Natuna Sea", "LOC")],
        [],
    ),
    (
        "Latihan gabungan angkatan laut digelar di Selat Malaka dan Teluk Benggala bulan depan.",
        [("Strait of Malacca", "LOC"), ("Bay of Bengal", "LOC")],
        [],
    ),
    (
        "Kapal induk Angkatan Laut Amerika Serikat berlayar menuju Semenanjung Korea.",
        [("United States Navy", "ORG"), ("United States", "GPE"), ("Korean Peninsula", "LOC")],
        [],
    ),
    (
        "Nelayan dari Pulau Miangas melaporkan kapal asing di perairan Beting Karangsari.",
        [("Karangsari Shoal", "LOC")],
        ["Beting Karangsari"],
    ),
    # --- trade
    (
        "Badan Banding WTO lumpuh sejak Amerika Serikat memblokir pengangkatan hakim baru.",
        [("WTO Appellate Body", "ORG"), ("World Trade Organization", "ORG"), ("United States", "GPE")],
        [],
    ),
    (
        "Pemerintah mengajukan banding atas putusan panel dalam sengketa Indonesia-Uni Eropa soal nikel.",
        [("Indonesia", "GPE"), ("European Union", "ORG")],
        ["Europe"],
    ),
    (
        "Peneliti Center of Reform on Economics (CORE) Yusuf Rendy menilai larangan ekspor bijih efektif.",
        [("Center of Reform on Economics", "ORG"), ("Yusuf Rendy", "PER")],
        ["Center"],
    ),
    (
        "Ekonom Institute for Development of Economics and Finance (Indef) Tauhid Ahmad mengingatkan "
        "risiko balasan dari mitra dagang.",
        [("Institute for Development of Economics and Finance", "ORG"), ("Tauhid Ahmad", "PER")],
        [],
    ),
    (
        "PT Sinar Terang Energi Tbk membukukan laba bersih Rp 2 triliun tahun lalu.",
        [("PT Sinar Terang Energi Tbk", "ORG")],
        ["Energi", "Sinar Terang"],
    ),
    (
        "Direktur Utama PT Daya Mineral Nusantara, Hendra Wijaya, membantah tuduhan pencemaran sungai.",
        [("PT Daya Mineral Nusantara", "ORG"), ("Hendra Wijaya", "PER")],
        ["Daya Mineral"],
    ),
    (
        "Smelter milik PT Nikel Indonesia Makmur Tbk di Morowali kembali beroperasi.",
        [("PT Nikel Indonesia Makmur Tbk", "ORG")],
        ["Makmur"],
    ),
    (
        "Kementerian Ekonomi, Perdagangan dan Industri Jepang mencabut pembatasan ekspor ke Korea Selatan.",
        [("Ministry of Economy, Trade and Industry", "ORG"), ("South Korea", "GPE")],
        [],
    ),
    # --- health and regional government
    (
        "Warga menggelar program “Kampung Bebas Jentik” di Kota Cimahi sejak Januari.",
        [("Cimahi", "GPE")],
        ["Kampung Bebas Jentik", "Kampung Bebas"],
    ),
    (
        "Menteri Kesehatan Budi Gunadi Sadikin meninjau rumah sakit rujukan di Bandung.",
        [("Budi Gunadi Sadikin", "PER"), ("Bandung", "GPE")],
        [],
    ),
    (
        "Majelis Kesehatan Dunia membahas pendanaan WHO untuk penanganan demam berdarah.",
        [("World Health Assembly", "ORG"), ("World Health Organization", "ORG")],
        [],
    ),
    # --- Sudan and other conflicts
    (
        "Utusan Khusus PBB untuk Sudan Ramtane Lamamra bertemu kedua pihak di Jeddah.",
        [("United Nations", "ORG"), ("Sudan", "GPE"), ("Ramtane Lamamra", "PER"), ("Jeddah", "GPE")],
        ["Utusan Khusus"],
    ),
    (
        "Pasukan Dukungan Cepat (RSF) menguasai kota El Fasher di Darfur Utara.",
        [("Rapid Support Forces", "ORG"), ("El Fasher", "GPE"), ("North Darfur", "GPE")],
        ["Pasukan Dukungan Cepat"],
    ),
    (
        "Angkatan Bersenjata Sudan membalas dengan serangan udara ke Khartoum.",
        [("Sudanese Armed Forces", "ORG"), ("Khartoum", "GPE")],
        ["Armed Forces of Sudan"],
    ),
    (
        "Panglima militer Sudan Jenderal Abdel Fattah al-Burhan menolak gencatan senjata.",
        [("Abdel Fattah al-Burhan", "PER"), ("Sudan", "GPE")],
        ["Abdel Fattah"],
    ),
    (
        "Komandan RSF Mohamed Hamdan Dagalo menyatakan siap berunding di Jeddah.",
        [("Rapid Support Forces", "ORG"), ("Mohamed Hamdan Dagalo", "PER")],
        [],
    ),
    (
        "Koordinator bantuan darurat PBB Martin Griffiths menyerukan akses kemanusiaan tanpa syarat.",
        [("Martin Griffiths", "PER"), ("United Nations", "ORG")],
        [],
    ),
    (
        "Juru bicara Kementerian Luar Negeri Iran Rahim Darvish menolak tuduhan itu.",
        [("Ministry of Foreign Affairs of Iran", "ORG"), ("Rahim Darvish", "PER")],
        [],
    ),
    (
        "Kelompok M23 merebut kota Goma di timur Republik Demokratik Kongo.",
        [("M23", "ORG"), ("Goma", "GPE"), ("Democratic Republic of the Congo", "GPE")],
        ["Kelompok M23"],
    ),
    (
        "Milisi Al-Shabaab melancarkan serangan bom di sebuah pasar di Mogadishu.",
        [("Al-Shabaab", "ORG"), ("Mogadishu", "GPE")],
        ["Milisi Al-Shabaab"],
    ),
    (
        "Presiden Kolombia Gustavo Petro menawarkan perundingan damai dengan kelompok ELN.",
        [("Colombia", "GPE"), ("Gustavo Petro", "PER"), ("National Liberation Army (Colombia)", "ORG")],
        [],
    ),
    # --- Iran and the IAEA
    (
        "Dewan Gubernur IAEA mengesahkan resolusi yang mengecam Iran pada Rabu.",
        [("IAEA Board of Governors", "ORG"), ("International Atomic Energy Agency", "ORG"), ("Iran", "GPE")],
        [],
    ),
    (
        "Organisasi Energi Atom Iran menyatakan akan memasang sentrifus baru di Fordow.",
        [("Atomic Energy Organization of Iran", "ORG"), ("Fordow Fuel Enrichment Plant", "LOC")],
        [],
    ),
    # --- Latin America, central banks, parliaments
    (
        "Presiden Brasil Luiz Inacio Lula da Silva menghadiri KTT G20 di Rio de Janeiro.",
        [("Luiz Inácio Lula da Silva", "PER"), ("Brazil", "GPE"), ("Rio de Janeiro", "GPE")],
        [],
    ),
    (
        "Bank Sentral Brasil menaikkan suku bunga acuan untuk menekan inflasi.",
        [("Central Bank of Brazil", "ORG"), ("Brazil", "GPE")],
        ["Bank Sentral Brasil"],
    ),
    (
        "Bank Sentral Filipina mempertahankan suku bunga acuannya pada Kamis.",
        [("Bangko Sentral ng Pilipinas", "ORG")],
        [],
    ),
    (
        "Parlemen Turki menyetujui keanggotaan Swedia di NATO.",
        [("Grand National Assembly of Turkey", "ORG"), ("Sweden", "GPE"), ("NATO", "ORG")],
        [],
    ),
    (
        "Angkatan Bersenjata Belanda mengirim dua fregat untuk patroli di Laut Merah.",
        [("Armed Forces of the Netherlands", "ORG"), ("Red Sea", "LOC")],
        ["Armed Forces of Netherlands"],
    ),
    # --- Turkey earthquake
    (
        "Badan Penanggulangan Bencana dan Darurat Turki (AFAD) mengerahkan ribuan relawan ke Hatay.",
        [("Disaster and Emergency Management Presidency", "ORG"), ("Hatay", "GPE")],
        [],
    ),
    (
        "Bulan Sabit Merah Turki membuka dapur umum bagi korban gempa di Antakya.",
        [("Turkish Red Crescent", "ORG"), ("Antakya", "GPE")],
        ["Sabit Merah"],
    ),
    # --- palaces, police, Japan-Korea
    (
        "Presiden Joko Widodo menerima Perdana Menteri Australia Anthony Albanese di Istana Merdeka.",
        [("Joko Widodo", "PER"), ("Anthony Albanese", "PER"), ("Merdeka Palace", "LOC")],
        ["Presidential Palace of Indonesia"],
    ),
    (
        "Polis Diraja Malaysia akan bekerja sama dengan Polri untuk memburu bandar narkoba.",
        [("Royal Malaysia Police", "ORG"), ("Indonesian National Police", "ORG")],
        ["Polis Diraja"],
    ),
    (
        "Penyidik Polda Jawa Timur, Kombes Wira Satya, menyebut paket sabu dikirim dari Malaysia.",
        [("Wira Satya", "PER"), ("Malaysia", "GPE")],
        ["Kombes Wira Satya"],
    ),
    # --- round 3: regional police, embassies, initials, ports, organs named again, summits
    (
        "Polda Sumut menangkap dua pengedar sabu, kata juru bicara Kepolisian Daerah Sumatera Utara.",
        [("North Sumatra Regional Police", "ORG")],
        ["North Sumatra", "Polda Sumut"],
    ),
    (
        "KBRI Kuala Lumpur memulangkan 40 pekerja migran yang terjebak banjir di Johor.",
        [("Embassy of Indonesia in Kuala Lumpur", "ORG"), ("Johor", "GPE")],
        ["KBRI"],
    ),
    (
        "Jaksa mendakwa dua terdakwa berinisial AS dan TW dalam kasus korupsi dana desa.",
        [("AS", "PER"), ("TW", "PER")],
        ["United States"],
    ),
    (
        "Polisi menahan pengemudi truk, YK (52), setelah kecelakaan di jalan tol Cipali.",
        [("YK", "PER")],
        [],
    ),
    (
        "Kapal tanker itu bersandar di Pelabuhan Tanjung Emas setelah ditolak masuk Pelabuhan Hodeidah.",
        [("Port of Tanjung Emas", "LOC"), ("Port of Hodeidah", "LOC")],
        ["Pelabuhan Tanjung Emas", "Hodeidah"],
    ),
    (
        "Dewan Gubernur Bank Dunia bersidang di Marrakesh. Keputusan Dewan Gubernur diumumkan Jumat.",
        [("World Bank Board of Governors", "ORG")],
        ["Dewan Gubernur"],
    ),
    (
        "Para menteri keuangan bertemu menjelang KTT G20 di Rio de Janeiro.",
        [("G20 summit", "EVENT"), ("Rio de Janeiro", "GPE")],
        ["G20"],
    ),
    (
        "Partai Demokrat Korea menolak rencana anggaran pertahanan pemerintah Seoul.",
        [("Democratic Party of Korea", "ORG")],
        ["Democratic Party (Indonesia)", "Korea"],
    ),
    (
        "Direktorat Jenderal Imigrasi mendeportasi warga asing yang melanggar izin tinggal di Bali.",
        [("Directorate General of Immigration", "ORG"), ("Bali", "GPE")],
        [],
    ),
    # --- round 3: actors of border, junta, shipping, haze, cyber and rice stories
    (
        "Tentara India dan Pakistan kembali baku tembak di sepanjang Garis Kontrol di Kashmir.",
        [("Indian Armed Forces", "ORG"), ("Line of Control", "LOC"), ("Kashmir", "LOC")],
        [],
    ),
    (
        "Angkatan Udara Myanmar mengebom sebuah desa di Wilayah Sagaing, kata Pemerintah Persatuan Nasional.",
        [
            ("Myanmar Air Force", "ORG"),
            ("Sagaing Region", "GPE"),
            ("National Unity Government of Myanmar", "ORG"),
        ],
        [],
    ),
    (
        "Kelompok Houthi menyerang kapal kargo di Laut Merah dekat Selat Bab el-Mandeb.",
        [("Houthis", "ORG"), ("Red Sea", "LOC"), ("Bab-el-Mandeb", "LOC")],
        [],
    ),
    (
        "Manggala Agni dan BNPB memadamkan kebakaran lahan gambut yang asapnya sampai ke Sarawak.",
        [("Manggala Agni", "ORG"), ("National Disaster Management Authority", "ORG"), ("Sarawak", "GPE")],
        [],
    ),
    (
        "BSSN menyatakan serangan ransomware melumpuhkan Pusat Data Nasional Sementara di Surabaya.",
        [("National Cyber and Crypto Agency", "ORG"), ("National Data Centre", "ORG"), ("Surabaya", "GPE")],
        [],
    ),
    (
        "Perum Bulog mengimpor beras dari Vietnam atas penugasan Badan Pangan Nasional.",
        [("Bulog", "ORG"), ("Vietnam", "GPE"), ("National Food Agency", "ORG")],
        [],
    ),
    (
        "Dewan Pemilihan Nasional Venezuela menyatakan Nicolas Maduro menang, tetapi oposisi menolak.",
        [("National Electoral Council (Venezuela)", "ORG"), ("Nicolás Maduro", "PER")],
        [],
    ),
    (
        "Perdana Menteri Jepang Fumio Kishida dan Presiden Korea Selatan Yoon Suk Yeol bertemu di Tokyo.",
        [("Fumio Kishida", "PER"), ("Yoon Suk Yeol", "PER"), ("Japan", "GPE"), ("Tokyo", "GPE")],
        [],
    ),
    # a state's troops, border guards and warships are composed into that state's force (linker.yaml bodies)
    (
        "Pasukan Kolombia menyerbu markas kelompok pemberontak di dekat perbatasan Venezuela.",
        [("Armed Forces of Colombia", "ORG"), ("Venezuela", "GPE")],
        [],
    ),
    (
        "Penjaga Perbatasan Malaysia menahan 40 pekerja migran di Tebedu.",
        [("Border Guard of Malaysia", "ORG")],
        [],
    ),
    (
        "Pasukan Dukungan Cepat (RSF) menguasai kota El Fasher.",
        [("Rapid Support Forces", "ORG")],
        ["Armed Forces of Sudan"],
    ),
]


@pytest.mark.parametrize(("text", "expected", "absent"), CASES, ids=[c[0][:40] for c in CASES])
def test_unseen_stories(full_nlp, text: str, expected: list[tuple[str, str]], absent: list[str]) -> None:  # type: ignore[no-untyped-def]
    found = mentions(full_nlp(text))
    missing = [pair for pair in expected if pair not in found]
    assert not missing, f"missing {missing}; linked {sorted(found)}"
    names = {name for name, _ in found}
    wrong = [name for name in absent if name in names]
    assert not wrong, f"should not be linked: {wrong}; linked {sorted(found)}"


def test_defined_abbreviation_links_the_indonesian_long_form(full_nlp) -> None:  # type: ignore[no-untyped-def]
    """An abbreviation the gazetteer knows, defined in brackets after an Indonesian long form, makes
    the long form that entity, and later bare uses follow."""
    doc = full_nlp(
        "Gerakan 23 Maret (M23) menguasai bandara. Juru bicara M23 mengatakan pasukannya bertahan."
    )
    m23 = [s for s in doc.spans[MENTIONS_KEY] if doc._.entities[s.kb_id_].name == "M23"]
    assert [s.text for s in m23] == ["Gerakan 23 Maret", "M23", "M23"]


def test_bracketed_place_alias_is_followed_later(full_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = full_nlp(
        "Kapal itu kandas di Beting Karangsari (Sandbar Tujuh). Nelayan menyebut Sandbar Tujuh "
        "sebagai tempat mencari ikan."
    )
    names = [doc._.entities[s.kb_id_].name for s in doc.spans[MENTIONS_KEY]]
    assert names.count("Karangsari Shoal") == 3


def test_unknown_company_name_is_one_organisation_with_places_inside(full_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = full_nlp("Saham PT Bumi Jawa Timur Sentosa Tbk turun 5 persen pada perdagangan Senin.")
    found = mentions(doc)
    assert ("PT Bumi Jawa Timur Sentosa Tbk", "ORG") in found
    assert ("East Java", "GPE") not in found


@pytest.mark.parametrize(
    ("text", "body", "person"),
    [
        (
            "“Stok vaksin cukup sampai akhir bulan,” kata Kepala Dinas Kesehatan Jawa Barat Rina Wulandari.",
            "Dinas Kesehatan Jawa Barat",
            "Rina Wulandari",
        ),
        (
            "Kepala Dinas Pendidikan Kabupaten Sleman Budi Santoso mengatakan sekolah dibuka kembali.",
            "Dinas Pendidikan Kabupaten Sleman",
            "Budi Santoso",
        ),
        (
            "“Jalur evakuasi sudah ditutup,” ujar Kepala Badan Penanggulangan Bencana Daerah Kota Padang "
            "Andi Rahman.",
            "Badan Penanggulangan Bencana Daerah Kota Padang",
            "Andi Rahman",
        ),
        (
            "“Harga gabah stabil,” ujar Kepala Dinas Pertanian Sulawesi Selatan Made Wirawan.",
            "Dinas Pertanian Sulawesi Selatan",
            "Made Wirawan",
        ),
        (
            "Ketua KPU Kota Bandung Hendra Wijaya mengatakan surat suara sudah dicetak.",
            "KPU Kota Bandung",
            "Hendra Wijaya",
        ),
    ],
)
def test_place_scoped_body_then_its_official(full_nlp, text: str, body: str, person: str) -> None:  # type: ignore[no-untyped-def]
    """A regional body's name ends with its place; the capitalised words after it are its official."""
    doc = full_nlp(text)
    found = {s.text: s.label_ for s in doc.spans[MENTIONS_KEY]}
    assert found.get(body) == "ORG", found
    assert found.get(person) == "PER", found
    assert [q.speaker_name for q in doc._.quotes] == [person]


def test_credit_line_cues_come_from_the_data_file() -> None:
    """The credit-line cue words live in linker.yaml (outlet_cues.credit_line)."""
    from sorot.nlp.linker import credited_outlet, load_linker_data

    cues = load_linker_data().raw["outlet_cues"]["credit_line"]
    assert "disadur dari" in cues
    assert credited_outlet("Disadur dari: tempo.co") == "tempo.co"
    assert credited_outlet("(Dilansir dari Antara)") is not None
    assert credited_outlet("Penulis: Rina Wulandari") is None


def test_sentence_opening_ordinary_word_is_not_a_first_name(full_nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Pendapat Hamdani" opening a sentence: the article writes "pendapatnya", so "Pendapat" is an
    ordinary word and the person is Hamdani."""
    doc = full_nlp(
        "Hamdani dikenal sebagai ekonom yang kritis. Media sering mengutip pendapatnya. Pendapat Hamdani "
        "yang tegas menjadi pegangan banyak mahasiswa."
    )
    names = {doc._.entities[s.kb_id_].name for s in doc.spans[MENTIONS_KEY] if s.label_ == "PER"}
    # whether the model finds the bare "Hamdani" at all varies between trained models; "Pendapat" is never a name
    assert names <= {"Hamdani"}, names
    texts = {s.text for s in doc.spans[MENTIONS_KEY]}
    assert not any(t.startswith("Pendapat") for t in texts), texts


def test_holiday_word_inside_a_person_name(full_nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Ramadhan" is a holiday after "menjelang" and a person's name in "Rizki Ramadhan" / "kata Ramadhan"."""
    doc = full_nlp(
        "Ketua Panitia Zakat Kota Medan Rizki Ramadhan meminta warga menyalurkan zakat lebih awal. "
        "“Antrean biasanya memanjang,” kata Ramadhan. Pasar di Medan ramai menjelang Ramadhan."
    )
    found = [
        (s.text, doc._.entities[s.kb_id_].name, s.label_)
        for s in doc.spans[MENTIONS_KEY]
        if "Ramadhan" in s.text
    ]
    assert found[0] == ("Rizki Ramadhan", "Rizki Ramadhan", "PER")
    assert found[1] == ("Ramadhan", "Rizki Ramadhan", "PER")
    assert found[2][2] == "EVENT"
    assert [q.speaker_name for q in doc._.quotes if q.kind == "direct"] == ["Rizki Ramadhan"]


@pytest.mark.parametrize(
    ("text", "place", "person"),
    [
        (
            "Camat Tobelo Utara Yusuf Abdullah menyebut jalan menuju desa itu rusak parah.",
            "Tobelo Utara",
            "Yusuf Abdullah",
        ),
        (
            "Kepala Desa Sukamaju Ahmad Fauzi mengaku belum menerima bantuan dari pemerintah daerah.",
            "Desa Sukamaju",
            "Ahmad Fauzi",
        ),
        (
            "Bupati Mamberamo Hulu Marthen Kogoya mengatakan jembatan itu putus sejak Senin.",
            "Mamberamo Hulu",
            "Marthen Kogoya",
        ),
        (
            "Kapolres Lembah Hijau AKBP Rudi Santoso mengatakan empat orang ditahan.",
            "Lembah Hijau",
            "Rudi Santoso",
        ),
    ],
)
def test_regional_office_place_then_holder(full_nlp, text: str, place: str, person: str) -> None:  # type: ignore[no-untyped-def]
    """After a regional office the place the gazetteer lacks comes first, then the holder's name; the
    holder speaks the quote."""
    doc = full_nlp(text)
    found = {s.text: s.label_ for s in doc.spans[MENTIONS_KEY]}
    assert found.get(place) == "GPE", found
    assert found.get(person) == "PER", found
    assert [q.speaker_name for q in doc._.quotes] in ([], [person])


def test_regional_office_before_a_two_word_name_keeps_it_whole(full_nlp) -> None:  # type: ignore[no-untyped-def]
    """'Bupati Ahmad Fauzi' with no place: one word is not guessed to be a place unless the article
    uses it on its own."""
    doc = full_nlp("Bupati Ahmad Fauzi meresmikan pasar baru itu pada Senin pagi.")
    found = {s.text: s.label_ for s in doc.spans[MENTIONS_KEY]}
    assert found.get("Ahmad Fauzi") == "PER", found
    assert "Ahmad" not in found


def test_first_words_of_a_full_name_are_that_person(full_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = full_nlp(
        "Menteri Perikanan Malaysia Ahmad Zulkifli Rahman menolak tuduhan itu. Menurut Ahmad Zulkifli, "
        "kapal itu berada di perairan Malaysia."
    )
    ents = doc._.entities
    people = {ents[s.kb_id_].name for s in doc.spans[MENTIONS_KEY] if ents[s.kb_id_].type == "PER"}
    assert people == {"Ahmad Zulkifli Rahman"}, people


def test_capitalised_run_with_a_bracketed_acronym_is_an_organisation(full_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = full_nlp("Koalisi oposisi Gerakan Rakyat Bersatu Demokratik (GRBD) menolak hasil pemilu itu.")
    found = mentions(doc)
    assert ("Gerakan Rakyat Bersatu Demokratik", "ORG") in found, found


def test_weapon_model_names_are_no_entities(full_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = full_nlp(
        "Polandia membeli rudal Patriot buatan AS dan Sky Sabre buatan Inggris, serta jet tempur Rafale Marine."
    )
    found = {s.text for s in doc.spans[MENTIONS_KEY]}
    assert {"Patriot", "Sky Sabre", "Rafale Marine"}.isdisjoint(found), found
    assert {"Polandia", "AS", "Inggris"} <= found


def test_en_dash_ticket_is_two_people_and_listed_place_is_a_place(full_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = full_nlp(
        "Pasangan Bima Arya dan Dedie Rachim unggul di Kota Bogor. Tim Bima–Dedie menolak tudingan itu. "
        "Banjir merendam sejumlah desa di wilayah Kharkiv dan Zaporizhzhia."
    )
    ents = doc._.entities
    people = {ents[s.kb_id_].name for s in doc.spans[MENTIONS_KEY] if ents[s.kb_id_].type == "PER"}
    assert not any("–" in p for p in people), people
    found = mentions(doc)
    assert ("Zaporizhzhia", "PER") not in found


def test_district_named_like_a_regency_is_not_that_regency(full_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = full_nlp("Banjir merendam tiga desa di Kecamatan Bantul, Kabupaten Grobogan, Jawa Tengah.")
    ents = doc._.entities
    linked = {ents[s.kb_id_].name for s in doc.spans[MENTIONS_KEY] if s.text == "Kecamatan Bantul"}
    assert linked and not any("Regency" in n for n in linked), linked


def test_headline_place_run_is_cut_to_the_body_form(full_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = full_nlp(
        "Tanggul Sungai Serang Segera Ditinggikan\n\nKULON PROGO – Pemerintah memperkuat tanggul Sungai Serang "
        "yang jebol pekan lalu."
    )
    names = {s.text for s in doc.spans[MENTIONS_KEY]}
    assert "Sungai Serang Segera Ditinggikan" not in names and "Sungai Serang Segera" not in names, names


def test_role_acronym_then_person_on_the_model_route(full_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = full_nlp("Peneliti LIPS Rahmat Hidayat menilai kebijakan itu keliru.")
    found = {s.text: s.label_ for s in doc.spans[MENTIONS_KEY]}
    assert found.get("Rahmat Hidayat") == "PER", found
    assert "LIPS Rahmat Hidayat" not in found


def test_wire_dateline_credits_the_agency(full_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = full_nlp(
        "Gempa Guncang Cianjur\n\nCIANJUR (ANTARA) - Gempa bermagnitudo 5,6 mengguncang Cianjur, Senin."
    )
    assert "Antara" in doc._.cited_outlets


def test_role_word_that_is_a_given_name_opens_the_name(full_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = full_nlp(
        "Menurut Irjen Imam Sugianto, polisi menangkap tiga tersangka. Imam Besar Masjid Istiqlal "
        "Nasaruddin Umar menyambut rombongan itu."
    )
    people = {s.text for s in doc.spans[MENTIONS_KEY] if s.label_ == "PER"}
    assert "Imam Sugianto" in people and "Sugianto" not in people, people
    assert "Nasaruddin Umar" in people and not any(p.startswith("Imam Besar") for p in people), people


def test_regional_police_chief_acts_for_the_regional_police(full_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = full_nlp(
        "Kapolda Jawa Timur Irjen Rudi Hartanto mengatakan pihaknya menangkap tiga tersangka penyelundupan "
        "narkoba."
    )
    ents = doc._.entities
    person = next(ents[s.kb_id_] for s in doc.spans[MENTIONS_KEY] if s.text == "Rudi Hartanto")
    assert person.affiliations == ["East Java Regional Police"], person
    assert {(e.type, e.actor) for e in doc._.events} == {("COERCE", "East Java Regional Police")}


def test_service_word_after_a_rank_is_not_part_of_the_name(full_nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Kombes Pol Siti Rahmawati", "Mayjen TNI Agus Darmawan": "Pol"/"TNI" belong to the rank."""
    for text, person in [
        (
            "Kabid Humas Polda Riau Kombes Pol Siti Rahmawati mengatakan tersangka sudah ditahan.",
            "Siti Rahmawati",
        ),
        ("Pangdam Jaya Mayjen TNI Agus Darmawan meninjau lokasi banjir.", "Agus Darmawan"),
    ]:
        found = mentions(full_nlp(text))
        names = {name for name, label in found if label == "PER"}
        assert person in names and not any(n.startswith(("Pol ", "TNI ")) for n in names), found


def test_head_of_an_agency_role_leaves_the_agency_name_whole(full_nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Kepala Dinas Perhubungan (Dishub) Kota Medan Andi Lubis": the role is "Kepala", the body starts at
    "Dinas", its bracketed acronym is the same body, and the official is affiliated with it."""
    doc = full_nlp(
        "Kepala Dinas Perhubungan (Dishub) Kota Medan Andi Lubis mengatakan Dishub akan menambah armada bus."
    )
    found = mentions(doc)
    assert ("Dinas Perhubungan", "ORG") in found, found
    assert ("Medan", "GPE") in found, found  # the place scoping the body, cut off its holder's name
    assert {name for name, label in found if label == "PER"} == {"Andi Lubis"}, found
    info = next(i for i in doc._.entities.values() if i.name == "Andi Lubis")
    assert info.affiliations and info.affiliations[0] == "Dinas Perhubungan", info.affiliations


def test_place_after_a_bodys_acronym_then_its_holder(full_nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Bupati Kabupaten Garut Rudy Gunawan", "... (Disdik) Kabupaten Garut Asep Saepudin": a listed place
    behind its administrative head word is cut from the holder's name that follows it."""
    for text, person in [
        ("Bupati Kabupaten Garut Rudy Gunawan meninjau lokasi longsor.", "Rudy Gunawan"),
        (
            "Kepala Dinas Pendidikan (Disdik) Kabupaten Garut Asep Saepudin mengatakan sekolah dibuka.",
            "Asep Saepudin",
        ),
    ]:
        found = mentions(full_nlp(text))
        assert ("Garut", "GPE") in found and (person, "PER") in found, found


def test_headline_capitals_do_not_make_verbs_a_person(full_nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Jepang Jatuhkan Sanksi ..." (headline): the body writes "menjatuhkan sanksi", so no person."""
    doc = full_nlp(
        "Jepang Jatuhkan Sanksi pada Perusahaan Pelayaran Iran\n\n"
        "TOKYO – Pemerintah Jepang menjatuhkan sanksi terhadap tiga perusahaan pelayaran Iran, Jumat (4/4)."
    )
    found = mentions(doc)
    assert not any(label == "PER" for _, label in found), found
    assert ("Japan", "GPE") in found, found


def test_acronym_then_officer_in_one_model_span(full_nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Ketua Umum APKLI Joko Pranoto": when the article uses the acronym on its own, it is the body and the
    name after it the officer, whatever span the model drew."""
    doc = full_nlp(
        "Asosiasi Pedagang Kaki Lima Indonesia (APKLI) menolak rencana itu.\n\n"
        '"Kami akan turun ke jalan," kata Ketua Umum APKLI Joko Pranoto di Jakarta.'
    )
    found = mentions(doc)
    assert ("Joko Pranoto", "PER") in found, found
    assert not any(label == "PER" and name.startswith("APKLI") for name, label in found), found
