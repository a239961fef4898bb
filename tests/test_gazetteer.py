"""The gazetteer: shipped files are schema-valid, coherent and large enough; lookups and user files work."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sorot.nlp.gazetteer import (
    Gazetteer,
    GazetteerError,
    load_gazetteer,
    normalize,
    project_id,
    read_file,
    shipped_files,
    slugify,
    validate_file_data,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_every_shipped_file_validates() -> None:
    files = shipped_files()
    assert {f.name for f in files} >= {"countries.yaml", "organizations.yaml", "outlets.yaml", "people.yaml"}
    for path in files:
        with path.open(encoding="utf-8") as fh:
            validate_file_data(yaml.safe_load(fh), str(path))  # raises on the first bad entry


def test_required_coverage(gaz: Gazetteer) -> None:
    states = [e for e in gaz if e.kind in ("country", "territory")]
    bodies = [e for e in gaz if e.type == "ORG" and e.kind in ("igo", "agency", "ministry")]
    outlets = [e for e in gaz if e.kind in ("outlet", "news_agency")]
    people = [e for e in gaz if e.type == "PER"]
    assert len(states) >= 250
    assert len([e for e in bodies if e.kind == "igo"]) >= 60
    assert len(outlets) >= 80
    assert len(people) >= 150


def test_qids_are_sourced_and_unique(gaz: Gazetteer) -> None:
    seen: dict[str, str] = {}
    for e in gaz:
        if e.qid:
            assert e.qid_source == "wikidata", e.name
            assert e.qid not in seen, (e.qid, e.name, seen.get(e.qid))
            seen[e.qid] = e.name


def test_references_name_existing_entries(gaz: Gazetteer) -> None:
    """country, capital, metonym_of and role affiliations must point at entries, or the actor
    an event coder gets would be a dangling name."""
    for e in gaz:
        refs = [e.country, e.capital, e.metonym_of, *e.affiliations]
        refs += [r.affiliation for r in e.roles] + [r.country for r in e.roles]
        for ref in refs:
            if ref:
                assert ref in gaz, f"{e.name} -> {ref}"


def test_capitals_stand_for_their_state(gaz: Gazetteer) -> None:
    for e in gaz.of_kind("country"):
        if e.capital:
            city = gaz.get(e.capital)
            assert city is not None and city.country == e.name, e.name


@pytest.mark.parametrize(
    ("form", "name"),
    [
        ("Korut", "North Korea"),
        ("korea utara", "North Korea"),
        ("DPRK", "North Korea"),
        ("Negeri Paman Sam", "United States"),
        ("Tiongkok", "China"),
        ("Cina", "China"),
        ("Inggris", "United Kingdom"),
        ("UE", "European Union"),
        ("DK PBB", "United Nations Security Council"),
        ("Selandia Baru", "New Zealand"),  # CLDR Indonesian name
        ("Pantai Gading", "Ivory Coast"),
        ("Kantor Berita Pusat Korea", "Korean Central News Agency"),
        ("KCNA", "Korean Central News Agency"),
        ("cnnindonesia.com", "CNN Indonesia"),
        ("Gedung Putih", "White House"),
        ("Sri Mulyani", "Sri Mulyani Indrawati"),
        ("Kemenkes", "Ministry of Health of Indonesia"),
    ],
)
def test_lookup_by_alias(gaz: Gazetteer, form: str, name: str) -> None:
    assert name in [e.name for e in gaz.lookup(form)]


def test_abbreviations_are_exact(gaz: Gazetteer) -> None:
    assert gaz.lookup("AS")[0].name == "United States"
    assert gaz.lookup("as") == []  # the common word
    assert gaz.lookup("Un") == []  # "UN" is matched only in capitals


def test_lookup_by_canonical_name_and_id(gaz: Gazetteer) -> None:
    e = gaz.get("united states department of state")
    assert e is not None and e.country == "United States"
    assert gaz.by_id("Q423") is gaz.get("North Korea")
    assert gaz.by_id(project_id("John Kirby")) is gaz.get("John Kirby")


def test_entity_info_of_a_spokesperson(gaz: Gazetteer) -> None:
    info = gaz.get("Ned Price").to_info()  # type: ignore[union-attr]
    assert info.type == "PER"
    assert "spokesperson" in info.roles
    assert info.affiliations[0] == "United States Department of State"
    assert info.actor() == "United States"


def test_state_media_act_for_their_state_but_wire_services_do_not(gaz: Gazetteer) -> None:
    assert gaz.get("Korean Central News Agency").to_info().actor() == "North Korea"  # type: ignore[union-attr]
    assert gaz.get("Reuters").to_info().actor() == "Reuters"  # type: ignore[union-attr]
    assert gaz.get("NATO").to_info().actor() == "NATO"  # type: ignore[union-attr]


def test_user_file_adds_and_extends(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "entries:\n"
        "- {name: Siti Rahayu, type: PER, aliases: [Bu Siti Rahayu],\n"
        "   roles: [{role: mayor, affiliation: Bogor, country: Indonesia, start: 2025}]}\n"
        "- {name: Bogor, type: GPE, aliases: {id: [Kota Hujan]}}\n",
        encoding="utf-8",
    )
    gaz = load_gazetteer([user])
    person = gaz.get("Siti Rahayu")
    assert person is not None and person.to_info().country == "Indonesia"
    assert [e.name for e in gaz.lookup("Kota Hujan")] == ["Bogor"]
    assert gaz.get("Bogor").country == "Indonesia"  # type: ignore[union-attr]  # shipped field kept
    assert load_gazetteer().lookup("Kota Hujan") == []  # the shipped gazetteer is untouched


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "X", "type": "PER", "qid": "Q1"}, "qid without qid_source"),
        ({"name": "X", "type": "PERSON"}, "PERSON"),
        ({"name": "X"}, "no type"),
        ({"name": "X", "type": "ORG", "qid": "1", "qid_source": "wikidata"}, "does not match"),
        ({"name": "X", "type": "ORG", "alias": ["Y"]}, "alias"),
    ],
)
def test_invalid_entries_are_rejected(tmp_path: Path, entry: dict, message: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({"entries": [entry]}), encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        read_file(bad)


def test_project_ids_are_stable_slugs() -> None:
    assert project_id("Ned Price") == "sorot:ned-price"
    assert project_id("  Ned  Price ") == project_id("Ned Price")
    assert slugify("Volker Türk") == "volker-turk"
    assert normalize("Kim Jong–un") == normalize("kim jong-un")


def test_indonesian_regencies_and_cities(gaz: Gazetteer) -> None:
    """Second-level regions: every province has some, a regency sharing its name with a city takes only
    the 'Kabupaten X' forms, and ambiguous bare names (common words) are not aliases."""
    regions = [e for e in gaz if e.country == "Indonesia" and e.kind in ("regency", "city")]
    assert len([e for e in regions if e.kind == "regency"]) >= 400
    provinces = {e.name for e in gaz if e.country == "Indonesia" and e.kind == "province"}
    assert {e.province for e in regions if e.province} >= provinces - {"Jakarta"}
    assert [e.name for e in gaz.lookup("Halmahera Barat")] == ["West Halmahera Regency"]
    assert [e.name for e in gaz.lookup("Kabupaten Bekasi")] == ["Bekasi Regency"]
    assert {e.name for e in gaz.lookup("Bekasi")} == {"Bekasi"}
    assert not [e for e in gaz.lookup("Bone") if e.kind == "regency"]  # 'bone' is also a word and a name
    assert [e.name for e in gaz.lookup("Kabupaten Bone")] == ["Bone Regency"]


def test_security_forces_under_their_english_names(gaz: Gazetteer) -> None:
    """National armed forces, police and intelligence bodies link from their Indonesian forms and act
    for their state."""
    lebanon = [e for e in gaz.lookup("Angkatan Bersenjata Lebanon") if e.kind == "military"]
    assert [e.name for e in lebanon] == ["Lebanese Armed Forces"] and lebanon[0].country == "Lebanon"
    assert {e.name for e in gaz.lookup("Tentara Nasional Indonesia")} == {"Indonesian National Armed Forces"}
    assert not gaz.lookup("Angkatan Darat")  # no country named: no body


def test_indonesian_institutions(gaz: Gazetteer) -> None:
    """Commissions, universities, civil-society groups and state companies link from their Indonesian forms;
    acronyms that are also ordinary words or another body's do not."""
    assert [e.name for e in gaz.lookup("KontraS")] and all(
        e.country == "Indonesia" for e in gaz.lookup("KontraS")
    )
    assert {e.kind for e in gaz.lookup("Universitas Gadjah Mada")} == {"organisation"}
    assert not [
        e for e in gaz.lookup("Garuda") if e.kind == "company"
    ]  # 'garuda' is also the national emblem


def test_world_regions_belong_to_their_state(gaz: Gazetteer) -> None:
    """Regions and cities abroad carry their state, so an attack on them is an attack on it."""
    assert {(e.name, e.country) for e in gaz.lookup("Saratov")} == {("Saratov", "Russia")}
    assert {e.country for e in gaz.lookup("wilayah Kursk")} == {"Russia"}
    assert {e.name for e in gaz.lookup("Dnipro")} == {"Dnipro"}  # the city; the river is "Sungai Dnipro"
    assert not gaz.lookup("Lebanon selatan")  # a loose area is the state itself in event coding
