"""sorot_linker: alias families, metonymy, name parts, roles, composition, credits, cross-document ids.

The sentences are written for these tests (varied stories); the seed articles and gold are read from
``../shared`` at run time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import sorot.nlp.linker  # noqa: F401  (registers the factory)
from sorot.nlp.extensions import EntityInfo
from sorot.nlp.linker import MENTIONS_KEY, credited_outlet


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipe = spacy.blank("id")
    pipe.add_pipe("sentencizer")
    pipe.add_pipe("sorot_linker")
    return pipe


def linked(doc: Doc) -> list[tuple[str, str, str]]:
    """(surface, canonical name, type) of every mention, in text order."""
    ents = doc._.entities
    return [(e.text, ents[e.kb_id_].name, ents[e.kb_id_].type) for e in doc.ents]


def name_of(doc: Doc, surface: str, nth: int = 0) -> str | None:
    hits = [n for s, n, _ in linked(doc) if s == surface]
    return hits[nth] if len(hits) > nth else None


def info_of(doc: Doc, name: str) -> EntityInfo:
    found = [i for i in doc._.entities.values() if i.name == name]
    assert found, f"{name} not linked in {linked(doc)}"
    return found[0]


# ---------------------------------------------------------------- alias families
@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("Korut kembali menembakkan rudal ke laut pada Minggu pagi.", "Korut", "North Korea"),
        ("Delegasi Korea Utara tiba untuk perundingan pangan.", "Korea Utara", "North Korea"),
        ("Pabrik baja milik DPRK dilaporkan berhenti beroperasi.", "DPRK", "North Korea"),
        ("Harga kedelai impor dari AS naik tajam bulan ini.", "AS", "United States"),
        ("Ekspor kopi ke Amerika Serikat meningkat 12 persen.", "Amerika Serikat", "United States"),
        ("Petani kelapa sawit menunggu kebijakan Negeri Paman Sam.", "Negeri Paman Sam", "United States"),
        ("Tiongkok menjadi pembeli terbesar nikel Indonesia.", "Tiongkok", "China"),
        ("Turis asal Cina memadati pantai Kuta saat libur panjang.", "Cina", "China"),
        ("Klub dari Inggris itu merekrut pemain muda asal Papua.", "Inggris", "United Kingdom"),
        ("UE menunda aturan antideforestasi selama setahun.", "UE", "European Union"),
        ("Perundingan dagang dengan Uni Eropa dilanjutkan di Brussel.", "Uni Eropa", "European Union"),
        (
            "Sidang DK PBB membahas bantuan kemanusiaan untuk Sudan.",
            "DK PBB",
            "United Nations Security Council",
        ),
        ("Laporan WHO menyebut kasus demam berdarah melonjak.", "WHO", "World Health Organization"),
        ("Kapolri meminta Polri menindak tegas pelaku tawuran.", "Polri", "Indonesian National Police"),
        (
            "Prajurit TNI membantu evakuasi korban longsor di Garut.",
            "TNI",
            "Indonesian National Armed Forces",
        ),
        (
            "Kemlu memastikan tidak ada WNI yang menjadi korban gempa.",
            "Kemlu",
            "Ministry of Foreign Affairs of Indonesia",
        ),
    ],
)
def test_alias_families(nlp: Language, text: str, surface: str, name: str) -> None:
    assert name_of(nlp(text), surface) == name


def test_short_acronym_is_case_sensitive(nlp: Language) -> None:
    doc = nlp("Mekanik mengganti as roda truk yang patah di Tol Cipali.")
    assert "United States" not in {n for _, n, _ in linked(doc)}
    doc = nlp("Bengkel itu menjual suku cadang dari AS dan Jepang.")
    assert name_of(doc, "AS") == "United States"


def test_neighbourhood_unit_is_not_a_tv_channel(nlp: Language) -> None:
    doc = nlp("Ketua RT Budi Santoso mengatakan banjir merendam 40 rumah warga.")
    assert "RT" not in {n for _, n, _ in linked(doc)}
    assert "Budi Santoso" in {n for _, n, _ in linked(doc)}


def test_ambiguous_name_is_not_linked_at_a_sentence_start(nlp: Language) -> None:
    doc = nlp("Lima orang tewas dalam kecelakaan bus di jalur Puncak.")
    assert "Lima" not in {n for _, n, _ in linked(doc)}
    doc = nlp("Pertemuan iklim tahun ini digelar di Lima.")
    assert name_of(doc, "Lima") == "Lima"


# ---------------------------------------------------------------- metonymy
def test_capital_as_actor_is_its_state_and_as_place_is_the_city(nlp: Language) -> None:
    doc = nlp("Beijing menolak tuduhan itu. Delegasi dagang Indonesia tiba di Beijing pada Senin.")
    assert name_of(doc, "Beijing", 0) == "China"
    assert name_of(doc, "Beijing", 1) == "Beijing"


def test_metonymy_with_possessive_and_movement(nlp: Language) -> None:
    doc = nlp("Sanksi baru itu merusak citra Moskow. Tim sepak bola junior berangkat ke Moskow besok.")
    assert name_of(doc, "Moskow", 0) == "Russia"
    assert name_of(doc, "Moskow", 1) == "Moscow"
    doc = nlp("Washington mengecam keputusan itu, sementara ribuan orang berunjuk rasa di Washington.")
    assert [n for s, n, _ in linked(doc) if s == "Washington"] == ["United States", "Washington, D.C."]


def test_dateline_is_a_place(nlp: Language) -> None:
    doc = nlp("JAKARTA - Harga beras medium naik di sejumlah pasar tradisional.")
    assert linked(doc)[0] == ("JAKARTA", "Jakarta", "GPE")
    doc = nlp("SURABAYA, 3 Mei 2024 – Ribuan buruh berunjuk rasa menuntut kenaikan upah.")
    assert linked(doc)[0] == ("SURABAYA", "Surabaya", "GPE")
    doc = nlp("MARGAHAYU – Warga desa menggelar kerja bakti membersihkan saluran air.")
    assert linked(doc)[0] == ("MARGAHAYU", "Margahayu", "GPE")


def test_seats_of_government_are_organisations_of_their_state(nlp: Language) -> None:
    doc = nlp("Gedung Putih dan Kremlin belum menanggapi laporan itu.")
    white, kremlin = info_of(doc, "White House"), info_of(doc, "Kremlin")
    assert white.type == kremlin.type == "ORG"
    assert white.actor() == "United States" and kremlin.actor() == "Russia"


def test_country_that_plays_is_its_national_team(nlp: Language) -> None:
    doc = nlp(
        "Timnas Indonesia mengalahkan Vietnam 3-0 dalam laga kualifikasi di Stadion Gelora Bung Karno. "
        "Pelatih memuji gol kedua. Pertandingan itu disaksikan 60 ribu penonton."
    )
    assert name_of(doc, "Timnas Indonesia") == "Indonesia national football team"
    assert name_of(doc, "Vietnam") == "Vietnam national football team"
    assert name_of(doc, "Stadion Gelora Bung Karno") == "Gelora Bung Karno Stadium"
    doc = nlp("Vietnam menaikkan ekspor beras ke Filipina tahun ini.")
    assert name_of(doc, "Vietnam") == "Vietnam"


# ---------------------------------------------------------------- people
def test_name_parts_corefer_with_the_full_name(nlp: Language) -> None:
    doc = nlp(
        "Ketua RT Budi Santoso mengatakan banjir merendam 40 rumah. "
        '"Air naik sangat cepat," kata Budi. Santoso meminta bantuan perahu karet.'
    )
    ids = {e.kb_id_ for e in doc.ents if e.text in ("Budi Santoso", "Budi", "Santoso")}
    assert len(ids) == 1 and ids == {"sorot:budi-santoso"}


def test_surname_before_the_full_name_and_bracketed_given_name(nlp: Language) -> None:
    doc = nlp(
        "Putin Tolak Gencatan Senjata\n"
        "Presiden Rusia Vladimir Putin menolak usulan itu. "
        "Menurut analis, Tuan (Vladimir) Putin ingin menunda perundingan."
    )
    surfaces = {s for s, n, _ in linked(doc) if n == "Vladimir Putin"}
    assert surfaces == {"Putin", "Vladimir Putin", "(Vladimir) Putin"}
    assert "Presiden" not in " ".join(surfaces)


def test_korean_family_name_links_to_the_nearest_full_name(nlp: Language) -> None:
    doc = nlp(
        "Pemimpin Korea Utara Kim Jong-un menerima surat itu. Sementara, Pemimpin Kim juga mengirim balasan."
    )
    assert [n for s, n, _ in linked(doc) if s.startswith("Kim")] == ["Kim Jong Un", "Kim Jong Un"]


def test_titles_are_stripped_and_roles_kept(nlp: Language) -> None:
    doc = nlp("Juru bicara Departemen Luar Negeri AS Tammy Bruce mengatakan tarif tidak akan dicabut.")
    assert name_of(doc, "Tammy Bruce") == "Tammy Bruce"
    info = info_of(doc, "Tammy Bruce")
    assert info.id == "sorot:tammy-bruce"
    assert info.roles == ["spokesperson"]
    assert info.affiliations == ["United States Department of State"]
    assert info.country == "United States" and info.actor() == "United States"


def test_role_after_the_name_and_role_anchored_single_name(nlp: Language) -> None:
    doc = nlp("Menurut Dewi Lestari, juru bicara Kementerian Kesehatan, vaksin tiba pekan depan.")
    info = info_of(doc, "Dewi Lestari")
    assert info.roles == ["spokesperson"] and info.country == "Indonesia"
    doc = nlp("Kepala BNPB Suharyanto meninjau posko pengungsian di Sukabumi.")
    assert name_of(doc, "Suharyanto") == "Suharyanto"


def test_known_person_keeps_gazetteer_roles(nlp: Language) -> None:
    doc = nlp("Menkes Budi Gunadi Sadikin menyebut Kemenkes siap menangani lonjakan kasus.")
    info = info_of(doc, "Budi Gunadi Sadikin")
    assert info.roles[0] == "health minister"
    assert info.actor() == "Indonesia"


# ---------------------------------------------------------------- composition
@pytest.mark.parametrize(
    ("text", "surface", "name", "country"),
    [
        (
            "Kementerian Luar Negeri Malaysia memanggil duta besar Tiongkok.",
            "Kementerian Luar Negeri Malaysia",
            "Ministry of Foreign Affairs of Malaysia",
            "Malaysia",
        ),
        (
            "Kementerian Pertahanan Rusia mengklaim menembak jatuh 30 drone.",
            "Kementerian Pertahanan Rusia",
            "Ministry of Defence of Russia",
            "Russia",
        ),
        (
            "Kementerian Perdagangan Vietnam menaikkan harga acuan beras.",
            "Kementerian Perdagangan Vietnam",
            "Ministry of Trade of Vietnam",
            "Vietnam",
        ),
        (
            "Departemen Luar Negeri AS menyetujui penjualan pesawat tempur.",
            "Departemen Luar Negeri AS",
            "United States Department of State",
            "United States",
        ),
    ],
)
def test_ministry_composition(nlp: Language, text: str, surface: str, name: str, country: str) -> None:
    doc = nlp(text)
    assert name_of(doc, surface) == name
    info = info_of(doc, name)
    assert info.type == "ORG" and info.country == country and info.actor() == country
    nested = [(s.text, doc._.entities[s.kb_id_].name) for s in doc.spans[MENTIONS_KEY]]
    assert any(n == country for _, n in nested)  # the state inside the ministry's name is a mention


def test_bare_ministry_after_a_composed_one_is_the_same(nlp: Language) -> None:
    doc = nlp(
        "Kementerian Kesehatan Singapura melaporkan 12 kasus baru. "
        "Kementerian Kesehatan juga meminta warga memakai masker."
    )
    names = [n for s, n, _ in linked(doc) if s.startswith("Kementerian Kesehatan")]
    assert names == ["Ministry of Health of Singapore", "Ministry of Health of Singapore"]


def test_bracketed_abbreviation_is_a_mention(nlp: Language) -> None:
    doc = nlp(
        "Dewan Keamanan Nasional (NSC) Filipina menggelar rapat darurat. "
        "Badan Penanggulangan Kabut Asap (BPKA) Riau menambah personel. Kepala BPKA mengatakan api padam."
    )
    bpka = [n for s, n, _ in linked(doc) if s == "BPKA"]
    assert len(bpka) == 2 and bpka[0] == bpka[1] == "Badan Penanggulangan Kabut Asap"
    assert name_of(doc, "Dewan Keamanan Nasional") == "National Security Council of the Philippines"


def test_summit_is_an_event_and_the_organisation_inside_is_no_mention(nlp: Language) -> None:
    # annotators list the bloc only where the article names it on its own
    doc = nlp("Para pemimpin membahas perdagangan dalam KTT ASEAN di Vientiane.")
    assert linked(doc)[0] == ("KTT ASEAN", "ASEAN summit", "EVENT")
    nested = {doc._.entities[s.kb_id_].name for s in doc.spans[MENTIONS_KEY]}
    assert "ASEAN" not in nested
    doc = nlp("Sekretaris Jenderal ASEAN membuka KTT ASEAN di Vientiane.")
    names = {doc._.entities[s.kb_id_].name for s in doc.spans[MENTIONS_KEY]}
    assert {"ASEAN", "ASEAN summit"} <= names


def test_generic_new_war_is_not_the_cold_war(nlp: Language) -> None:
    assert (
        name_of(nlp("Sejarawan menulis buku tentang Perang Dingin dan dampaknya."), "Perang Dingin")
        == "Cold War"
    )
    assert name_of(nlp("Analis khawatir pada Perang Dingin baru di Asia."), "Perang Dingin") is None


def test_local_branch_and_places_with_head_words(nlp: Language) -> None:
    doc = nlp(
        "Banjir merendam Kabupaten Grobak sejak Minggu. Warga Grobak mengungsi ke Sungai Lor. "
        "Komisi Pemilihan Umum (KPU) Kota Bukit Asri menunda rekapitulasi. Ketua KPU Kota Bukit Asri "
        "Rina Marlina mengatakan KPU akan menghitung ulang."
    )
    assert name_of(doc, "Kabupaten Grobak") == "Grobak Regency"
    assert name_of(doc, "Grobak") == "Grobak Regency"
    assert name_of(doc, "Sungai Lor") == "Lor River"
    branch = [n for s, n, _ in linked(doc) if "KPU" in s or "Komisi" in s]
    assert set(branch) == {"KPU Kota Bukit Asri"}
    assert name_of(doc, "Rina Marlina") == "Rina Marlina"


# ---------------------------------------------------------------- outlets
@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Harga minyak turun dua persen, melansir Reuters.", ["Reuters"]),
        ("Gempa itu tidak berpotensi tsunami, seperti dikutip kantor berita Antara.", ["Antara"]),
        ("Menurut laporan Al Jazeera, gencatan senjata dimulai Senin.", ["Al Jazeera"]),
        (
            "Pernyataan itu disiarkan Kantor Berita Pusat Korea (KCNA) pada Kamis.",
            ["Korean Central News Agency"],
        ),
        ("Bloomberg melaporkan bank sentral akan memangkas suku bunga.", ["Bloomberg"]),
        ("CNN digugat mantan presenternya di pengadilan Atlanta.", []),
    ],
)
def test_cited_outlets(nlp: Language, text: str, cited: list[str]) -> None:
    assert nlp(text)._.cited_outlets == cited


def test_own_outlet_is_not_a_credit(nlp: Language) -> None:
    doc = nlp.make_doc("Harga cabai naik, dikutip dari Kompas.com pada Senin.")
    doc._.meta = {"outlet": "Kompas"}
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert doc._.cited_outlets == []


def test_credit_line_removed_by_the_cleaner() -> None:
    assert credited_outlet("(sumber: cnnindonesia.com)") == "cnnindonesia.com"
    assert credited_outlet("Sumber: Reuters") == "Reuters"
    assert credited_outlet("Editor: Redaksi") is None


# ---------------------------------------------------------------- documents and pipelines
def test_unknown_person_has_the_same_id_in_two_articles(nlp: Language) -> None:
    a = nlp("Petani cabai Slamet Riyadi mengeluhkan harga pupuk yang naik.")
    b = nlp("Di Temanggung, Slamet Riyadi kini menanam tembakau.")
    ids = {e.kb_id_ for d in (a, b) for e in d.ents if e.text == "Slamet Riyadi"}
    assert ids == {"sorot:slamet-riyadi"}


def test_statistical_ner_entities_are_kept_and_cleaned() -> None:
    """With a NER in front, its spans are linked when listed, stripped of titles, and kept with the
    surface form as name when unknown."""
    pipe = spacy.blank("id")
    ruler = pipe.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "PER", "pattern": "Presiden Joko Widodo"},
            {"label": "PER", "pattern": "Arif Hidayat"},
            {"label": "LOC", "pattern": "Kali Code"},
        ]
    )
    pipe.add_pipe("sorot_linker")
    doc = pipe("Presiden Joko Widodo meninjau Kali Code bersama pegiat lingkungan Arif Hidayat.")
    assert linked(doc) == [
        ("Joko Widodo", "Joko Widodo", "PER"),
        ("Kali Code", "Kali Code", "LOC"),
        ("Arif Hidayat", "Arif Hidayat", "PER"),
    ]


def test_user_gazetteer_through_the_factory_config(tmp_path: Path) -> None:
    user = tmp_path / "local.yaml"
    user.write_text(
        "entries:\n- {name: Koperasi Tani Makmur, type: ORG, kind: organisation, aliases: [KTM Makmur]}\n",
        encoding="utf-8",
    )
    pipe = spacy.blank("id")
    pipe.add_pipe("sorot_linker", config={"gazetteer_paths": [str(user)]})
    doc = pipe("Anggota KTM Makmur memanen padi lebih awal.")
    assert linked(doc) == [("KTM Makmur", "Koperasi Tani Makmur", "ORG")]


def test_every_entity_has_contract_fields(nlp: Language) -> None:
    doc = nlp("Presiden Prabowo Subianto bertemu Perdana Menteri Jepang di Tokyo, melansir Kyodo.")
    for ent in doc.ents:
        info = doc._.entities[ent.kb_id_]
        assert info.type in ("PER", "ORG", "GPE", "LOC", "NORP", "EVENT")
        assert info.id.startswith(("Q", "sorot:"))
        assert ent.label_ == info.type


# ---------------------------------------------------------------- gold
def _gold_f1(nlp: Language, gold_dir: Path, texts: dict[str, str]) -> tuple[float, float]:
    tp = fp = fn = ttp = tfp = tfn = 0
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(gold, dict) or "entities" not in gold or gold["id"] not in texts:
            continue
        text = texts[gold["id"]]
        for piece in gold.get("removed") or []:
            text = text.replace(piece, "")
        doc = nlp(text)
        pred = {
            (doc._.entities[s.kb_id_].name, doc._.entities[s.kb_id_].type) for s in doc.spans[MENTIONS_KEY]
        }
        gset = {(e["name"], e["type"]) for e in gold["entities"]}
        pn, gn = {n for n, _ in pred}, {n for n, _ in gset}
        tp, fp, fn = tp + len(pn & gn), fp + len(pn - gn), fn + len(gn - pn)
        ttp, tfp, tfn = ttp + len(pred & gset), tfp + len(pred - gset), tfn + len(gset - pred)
    assert tp + fn > 0

    def f1(a: int, b: int, c: int) -> float:
        return 2 * a / (2 * a + b + c)

    return f1(tp, fp, fn), f1(ttp, tfp, tfn)


def test_entity_f1_on_the_seed_gold(nlp: Language, shared_dir: Path) -> None:
    seeds = shared_dir / "seeds"
    texts = {p.stem: p.read_text(encoding="utf-8") for p in seeds.glob("*.txt")}
    name_f1, typed_f1 = _gold_f1(nlp, shared_dir / "gold" / "seeds", texts)
    assert name_f1 >= 0.9 and typed_f1 >= 0.85


@pytest.mark.slow
def test_entity_f1_on_the_project_gold(analyzer) -> None:  # type: ignore[no-untyped-def]
    """The examples shipped with the project, read and cleaned by the real pipeline."""
    root = Path(__file__).resolve().parents[1] / "examples"
    pairs = [(root / "corpus", root / "gold" / "corpus"), (root / "varied", root / "gold" / "varied")]
    pairs = [(src, gold) for src, gold in pairs if src.is_dir() and gold.is_dir()]
    if not pairs:
        pytest.skip("examples/ is not available")
    tp = fp = fn = 0
    for src, gold_dir in pairs:
        predicted = {d.id: d for d in analyzer.analyze_paths([str(src)]) if hasattr(d, "entities")}
        for path in sorted(gold_dir.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(gold, dict) or gold.get("id") not in predicted:
                continue
            pn = {e.name for e in predicted[gold["id"]].entities}
            gn = {e["name"] for e in gold.get("entities") or []}
            tp, fp, fn = tp + len(pn & gn), fp + len(pn - gn), fn + len(gn - pn)
    assert tp + fn > 0
    assert 2 * tp / (2 * tp + fp + fn) >= 0.9


@pytest.mark.slow
def test_with_the_shipped_model(full_nlp) -> None:  # type: ignore[no-untyped-def]
    """With the trained NER in front, its spans are repaired rather than trusted blindly."""
    doc = full_nlp(
        "Korut Tepis Tuduhan Pasok Senjata ke Rusia\n\n"
        "JAKARTA - Korea Utara membantah memasok senjata ke Rusia, melansir Reuters 22 September. "
        "Juru bicara KPK Tessa Mahardhika mengatakan lembaganya memeriksa mantan Direktur Utama "
        "PT Sinar Jaya Makmur, Rudi Hartono, pada Senin."
    )
    ents = doc._.entities
    names = {ents[e.kb_id_].name for e in doc.ents}
    assert {"North Korea", "Russia", "Jakarta", "Reuters", "Corruption Eradication Commission"} <= names
    assert {"Tessa Mahardhika", "Rudi Hartono", "PT Sinar Jaya Makmur"} <= names
    unknown = [ents[e.kb_id_].name for e in doc.ents if ents[e.kb_id_].id.startswith("sorot:")]
    assert not [n for n in unknown if any(w[:1].islower() for w in n.split())]
    assert doc._.cited_outlets == ["Reuters"]
