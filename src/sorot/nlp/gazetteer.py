"""The gazetteer: what Sorot knows about named actors before it reads an article.

Claims can only be compared across outlets when every way of naming an actor ("Korut", "Korea
Utara", "DPRK", "Pyongyang" as a government) ends at one canonical entity. That knowledge lives in
reviewed YAML files under ``sorot/data/gazetteer/`` (checked against ``gazetteer.schema.json``), so a
journalist can read and extend it; users add their own files with ``load_gazetteer([my.yaml])``.

A file is a mapping ``{defaults: {...}, entries: [...]}``; ``defaults`` fill fields an entry leaves
out (most files hold one kind of thing). An entry::

    - name: North Korea            # canonical English name (what the output shows)
      type: GPE                    # PER ORG GPE LOC NORP EVENT
      kind: country                # country, territory, city, region, igo, ministry, agency, outlet...
      qid: Q423                    # Wikidata id, only when sure; else null
      qid_source: wikidata         # where the QID was checked (required with a QID)
      aliases: {id: [Korea Utara, Korut], en: [North Korea]}   # matched ignoring case
      abbrev: [DPRK, RRDK]         # matched exactly as written ("AS" is also a common word)
      country: North Korea         # the state it belongs to / acts for
      capital: Pyongyang           # countries: the city whose name stands for the government
      metonym_of: North Korea      # cities / seats: the state they stand for as a subject
      match_name: true             # false: the canonical name itself is not matched in text
      roles: [{role: spokesperson, affiliation: United States Department of State,
               country: United States, start: 2021, end: 2023}]

Entries from later files with the same canonical name extend earlier ones (aliases are merged,
scalar fields are replaced), so a user file can both add entities and correct the shipped ones.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sorot.nlp.extensions import EntityInfo

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
SCHEMA_PATH = DATA_DIR / "gazetteer.schema.json"
ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "NORP", "EVENT")

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_QUOTES = re.compile(r"[\u2018\u2019\u201a\u201b\u2032`]")
_SPACES = re.compile(r"\s+")


def _is_acronym(form: str) -> bool:
    """ "UN", "ABC", "NYC": short all-capital forms, which collide with ordinary words ignoring case."""
    letters = [ch for ch in form if ch.isalpha()]
    return 0 < len(form) <= 5 and bool(letters) and all(ch.isupper() for ch in letters)


class GazetteerError(ValueError):
    """A gazetteer file that does not follow the schema (the message names file and entry)."""


def normalize(text: str) -> str:
    """Key used to compare surface forms: NFKC, case-folded, one kind of dash, quote and space."""
    text = unicodedata.normalize("NFKC", text)
    text = _DASHES.sub("-", text)
    text = _QUOTES.sub("'", text)
    text = _SPACES.sub(" ", text).strip()
    return text.casefold()


def slugify(name: str) -> str:
    """ASCII slug of a name, stable across documents ("Ned Price" -> "ned-price")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text or "x"


def project_id(name: str) -> str:
    """Stable id of an entity the gazetteer does not know: the same name gives the same id in
    every document, which is what lets an unknown person be followed across articles."""
    return f"sorot:{slugify(name)}"


@dataclass
class Role:
    """A position someone holds (or held): the role noun, the body, its state and the years."""

    role: str
    affiliation: str | None = None
    country: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class GazEntry:
    """One entity of the gazetteer with every name it goes by."""

    name: str
    type: str
    kind: str | None = None
    qid: str | None = None
    qid_source: str | None = None
    aliases_id: list[str] = field(default_factory=list)
    aliases_en: list[str] = field(default_factory=list)
    abbrev: list[str] = field(default_factory=list)
    country: str | None = None
    province: str | None = None  # a regency's or city's first-level region
    capital: str | None = None
    metonym_of: str | None = None
    roles: list[Role] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    note: str | None = None
    match_name: bool = True  # False when the canonical name is also a common word ("RT")
    source_file: str | None = None

    @property
    def id(self) -> str:
        """QID when known, else the stable project id of the canonical name."""
        return self.qid or project_id(self.name)

    def surface_forms(self) -> list[str]:
        """Case-insensitive names: the canonical name and all aliases (no duplicates). Short
        all-capital aliases ("UN", "ABC") are exact forms instead: see :meth:`exact_forms`."""
        seen: dict[str, str] = {}
        names = [self.name] if self.match_name else []
        for form in [*names, *self.aliases_id, *self.aliases_en]:
            if _is_acronym(form):
                continue
            seen.setdefault(normalize(form), form)
        return list(seen.values())

    def exact_forms(self) -> list[str]:
        """Forms matched only exactly as written: abbreviations and short all-capital aliases."""
        forms = list(self.abbrev)
        names = [self.name] if self.match_name else []
        for form in [*names, *self.aliases_id, *self.aliases_en]:
            if _is_acronym(form) and form not in forms:
                forms.append(form)
        return forms

    def current_roles(self) -> list[Role]:
        """Roles without an end year first: the newest description of the person."""
        return sorted(self.roles, key=lambda r: (r.end is not None, -(r.start or 0)))

    def to_info(self) -> EntityInfo:
        """The shared-interface record the other components read."""
        roles = [r.role for r in self.current_roles()]
        affiliations = list(self.affiliations)
        for r in self.current_roles():
            if r.affiliation and r.affiliation not in affiliations:
                affiliations.append(r.affiliation)
        country = self.country
        if country is None and self.kind == "country":
            country = self.name
        if country is None:
            for r in self.current_roles():
                if r.country:
                    country = r.country
                    break
        return EntityInfo(
            id=self.id,
            name=self.name,
            type=self.type,
            kind=self.kind,
            country=country,
            roles=list(dict.fromkeys(roles)),
            affiliations=affiliations,
        )

    def merge(self, other: GazEntry) -> None:
        """Extend this entry with a later definition of the same entity (user files)."""
        for attr in ("aliases_id", "aliases_en", "abbrev", "affiliations"):
            mine: list[str] = getattr(self, attr)
            for value in getattr(other, attr):
                if value not in mine:
                    mine.append(value)
        for attr in ("type", "kind", "qid", "qid_source", "country", "capital", "metonym_of", "note"):
            value = getattr(other, attr)
            if value is not None:
                setattr(self, attr, value)
        if other.roles:
            self.roles = other.roles + [r for r in self.roles if r not in other.roles]


class Gazetteer:
    """All known entities, indexed by canonical name, alias and exact abbreviation."""

    def __init__(self, entries: Iterable[GazEntry] = ()) -> None:
        self._by_name: dict[str, GazEntry] = {}
        self._order: list[GazEntry] = []
        self._alias_index: dict[str, list[GazEntry]] | None = None
        self._abbrev_index: dict[str, list[GazEntry]] | None = None
        for entry in entries:
            self.add(entry)

    def add(self, entry: GazEntry) -> GazEntry:
        """Add an entry, or merge it into the existing one with the same canonical name."""
        key = normalize(entry.name)
        existing = self._by_name.get(key)
        self._alias_index = self._abbrev_index = None
        if existing is not None:
            existing.merge(entry)
            return existing
        self._by_name[key] = entry
        self._order.append(entry)
        return entry

    def __len__(self) -> int:
        return len(self._order)

    def __iter__(self) -> Iterator[GazEntry]:
        return iter(self._order)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalize(name) in self._by_name

    def get(self, name: str) -> GazEntry | None:
        """The entry with this canonical name (case-insensitive), if any."""
        return self._by_name.get(normalize(name))

    def by_id(self, entity_id: str) -> GazEntry | None:
        """The entry with this QID or project id."""
        for entry in self._order:
            if entry.id == entity_id:
                return entry
        return None

    def _build(self) -> None:
        alias_index: dict[str, list[GazEntry]] = {}
        abbrev_index: dict[str, list[GazEntry]] = {}
        for entry in self._order:
            for form in entry.surface_forms():
                bucket = alias_index.setdefault(normalize(form), [])
                if entry not in bucket:
                    bucket.append(entry)
            for form in entry.exact_forms():
                bucket = abbrev_index.setdefault(form.strip(), [])
                if entry not in bucket:
                    bucket.append(entry)
        self._alias_index, self._abbrev_index = alias_index, abbrev_index

    @property
    def alias_index(self) -> dict[str, list[GazEntry]]:
        """normalised alias -> entries (built lazily, rebuilt after ``add``)."""
        if self._alias_index is None:
            self._build()
        assert self._alias_index is not None
        return self._alias_index

    @property
    def abbrev_index(self) -> dict[str, list[GazEntry]]:
        """exact abbreviation -> entries."""
        if self._abbrev_index is None:
            self._build()
        assert self._abbrev_index is not None
        return self._abbrev_index

    def lookup(self, text: str) -> list[GazEntry]:
        """Entries a surface form can name: exact abbreviations first, then case-insensitive
        names and aliases. An empty list when the form is unknown."""
        found = list(self.abbrev_index.get(text.strip(), []))
        for entry in self.alias_index.get(normalize(text), []):
            if entry not in found:
                found.append(entry)
        return found

    def of_kind(self, *kinds: str) -> list[GazEntry]:
        """Entries of the given kinds, in file order."""
        return [e for e in self._order if e.kind in kinds]


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    with SCHEMA_PATH.open(encoding="utf-8") as fh:
        schema: dict[str, Any] = json.load(fh)
    return schema


def validate_file_data(data: Any, source: str = "<data>") -> None:
    """Check one parsed gazetteer file against the JSON schema and the rules the schema cannot
    say (a QID needs a source note). Raises :class:`GazetteerError` naming the offending entry."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.path)
        raise GazetteerError(f"{source}: {where}: {err.message}")
    defaults = data.get("defaults") or {}
    for i, raw in enumerate(data.get("entries") or []):
        merged = {**defaults, **raw}
        if "type" not in merged:
            raise GazetteerError(f"{source}: entries/{i} ({raw.get('name')}): no type")
        if merged.get("qid") and not merged.get("qid_source"):
            raise GazetteerError(f"{source}: entries/{i} ({raw.get('name')}): qid without qid_source")


def _entry_from_raw(raw: dict[str, Any], defaults: dict[str, Any], source: str) -> GazEntry:
    merged = {**defaults, **raw}
    aliases = merged.get("aliases") or {}
    if isinstance(aliases, list):  # a flat list is allowed for user files
        aliases = {"id": aliases}
    roles = [
        Role(
            role=r["role"],
            affiliation=r.get("affiliation"),
            country=r.get("country"),
            start=r.get("start"),
            end=r.get("end"),
        )
        for r in merged.get("roles") or []
    ]
    return GazEntry(
        name=str(merged["name"]),
        type=str(merged["type"]),
        kind=merged.get("kind"),
        qid=merged.get("qid"),
        qid_source=merged.get("qid_source"),
        aliases_id=[str(a) for a in aliases.get("id") or []],
        aliases_en=[str(a) for a in aliases.get("en") or []],
        abbrev=[str(a) for a in merged.get("abbrev") or []],
        country=merged.get("country"),
        province=merged.get("province"),
        capital=merged.get("capital"),
        metonym_of=merged.get("metonym_of"),
        roles=roles,
        affiliations=[str(a) for a in merged.get("affiliations") or []],
        note=merged.get("note"),
        match_name=bool(merged.get("match_name", True)),
        source_file=source,
    )


def read_file(path: str | Path, validate: bool = True) -> list[GazEntry]:
    """Entries of one gazetteer YAML file (validated unless told otherwise)."""
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if isinstance(data, list):  # a bare list of entries is accepted for user files
        data = {"entries": data}
    if validate:
        validate_file_data(data, str(path))
    defaults = data.get("defaults") or {}
    return [_entry_from_raw(raw, defaults, path.name) for raw in data.get("entries") or []]


def shipped_files() -> list[Path]:
    """The gazetteer files that ship with Sorot, in load order (file name order)."""
    return sorted(DATA_DIR.glob("*.yaml"))


@lru_cache(maxsize=8)
def _load_cached(paths: tuple[str, ...]) -> Gazetteer:
    gaz = Gazetteer()
    for path in [*shipped_files(), *(Path(p) for p in paths)]:
        for entry in read_file(path):
            gaz.add(entry)
    return gaz


def load_gazetteer(extra_paths: Sequence[str | Path] = ()) -> Gazetteer:
    """The shipped gazetteer extended with the user's files (``--gazetteer my.yaml``).

    Loading is cached per list of paths; treat the result as read-only (call ``Gazetteer.add`` on a
    copy built with ``Gazetteer(list(g))`` if you need to change it)."""
    return _load_cached(tuple(str(Path(p).resolve()) for p in extra_paths))
