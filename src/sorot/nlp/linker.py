"""``sorot_linker``: find the named actors of an article and give each one canonical identity.

Runs after the statistical NER (when the pipeline has one) and combines four sources of evidence:

1. the gazetteer (``sorot.nlp.gazetteer``), matched with spaCy ``PhraseMatcher``\\s: names and
   aliases ignoring case (but a capitalised alias must start capitalised in the text), abbreviations
   exactly as written, because "AS" (United States) is also a common word;
2. composition patterns from ``sorot/data/linker.yaml``: "<ministry/body> <country>" ("Kementerian
   Pertahanan Rusia" -> "Ministry of Defence of Russia"), "<summit word> <organisation>" ("KTT NATO"
   -> "NATO summit"), "<national body> Kota <place>" (a local branch), "<head> <name>" places
   ("Kabupaten Demak" -> "Demak Regency"), so names link even when the exact phrase is not listed;
3. the trained NER's ``doc.ents`` (labels mapped through ``label_map``), for names nobody listed;
4. capitalisation heuristics (datelines, web domains, name-like sequences typed by their head word
   or by a role noun before them) for what neither the gazetteer nor the NER found; the NER's own
   spans are repaired first (titles, lowercase edges, headline words, ordinary words opening a
   sentence are its usual mistakes).

Then, within the document: metonymy (a capital acting or speaking is its state, "di/ke Pyongyang" is
the city; in a sports story a country that plays is its national team), abbreviations defined in
brackets ("Dewan Keamanan Nasional (NSC)"), bare place names after a headed one, name parts of
people ("Presiden Rusia Vladimir Putin" ... "Putin", "(Vladimir) Putin"), titles stripped from names
and roles kept as attributes, and the outlets the article credits (``doc._.cited_outlets``).

Output: ``doc.ents`` (flat, kb_id_ = entity id), ``doc._.entities`` (id -> EntityInfo),
``doc._.cited_outlets``, and ``doc.spans["sorot_mentions"]``: every mention including nested ones
(the country inside "Kementerian Pertahanan Korea Selatan", NATO inside "KTT NATO"), which
``doc.ents`` cannot hold because its spans may not overlap.

Entities the gazetteer does not know get the project id ``sorot:<slug of the name>`` so the same
unknown person is one entity across articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import yaml
from spacy.lang.id.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from sorot.nlp.extensions import EntityInfo, register_extensions
from sorot.nlp.gazetteer import GazEntry, Gazetteer, load_gazetteer, normalize, project_id
from sorot.nlp.tokenizer import ordinary_words

LINKER_DATA = Path(__file__).resolve().parents[1] / "data" / "linker.yaml"
MENTIONS_KEY = "sorot_mentions"
ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "NORP", "EVENT")
OUTLET_KINDS = ("outlet", "news_agency")
STATE_KINDS = ("country", "territory")

# Ranks break ties between candidates of equal length: lower wins.
_RANK = {"gaz": 0, "compose": 1, "abbr": 2, "dateline": 2, "ner": 3, "heur": 4, "coref": 5}
_DOMAIN = re.compile(
    r"^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)*\.(com|co\.id|id|net|org|tv|news|co\.uk|co)$", re.I
)
_YEAR = re.compile(r"^(19|20)\d\d$")
_INITIALS = re.compile(r"^(?:[A-Z]{2,4}|(?:[A-Z]\.){2,4})$")  # "RH", "A.S." (suspects named by initials)
_AGE = re.compile(r"^\d{1,2}$")
_SCORE = re.compile(r"^\d{1,2}-\d{1,2}$")
_PARTICLE_NAME = re.compile(r"^(al|el|ad|ash|as|ar|at|az|an|ul|bin|ibn)-[A-Z]\w+$")  # "al-Burhan"
_DASH_TOKENS = {"-", "\u2013", "\u2014", "--"}
_PUNCT_EDGE = set("\"'“”‘’()[],.:;!?")
_QUOTE_OPEN = ('"', "“", "'", "‘", "(", "-", "–")
_QUOTE_CLOSE = ('"', "”", "'", "’")


def _lower_set(values: Iterable[Any]) -> set[str]:
    return {normalize(str(v)) for v in values}


def _phrases(values: Iterable[Any]) -> list[list[str]]:
    """Phrases as token lists, longest first (matched against normalised token texts)."""
    return sorted((normalize(str(v)).split() for v in values), key=len, reverse=True)


@dataclass
class LinkerData:
    """The lexicons of ``linker.yaml`` in the shapes the linker uses."""

    raw: dict[str, Any]
    label_map: dict[str, str]
    titles: set[str]
    roles: dict[str, str]
    role_modifiers: dict[str, str]
    role_fillers: set[str]
    place_before: list[list[str]]
    place_after: list[list[str]]
    bodies: list[dict[str, Any]]
    event_patterns: list[dict[str, Any]]
    event_stages: dict[str, str]
    event_heads: set[str]
    election_patterns: list[dict[str, Any]]
    place_patterns: dict[str, dict[str, str]]
    branch_heads: set[str]
    branch_kinds: set[str]
    sports: dict[str, Any]
    event_generic_after: set[str]
    outlet_before: list[list[str]]
    outlet_fillers: set[str]
    outlet_after: set[str]
    outlet_window: int
    not_names: set[str]
    calendar: set[str]
    org_heads: set[str]
    place_heads: set[str]
    place_cues: set[str]
    name_connectors: set[str]
    org_connectors: set[str]
    ambiguous: set[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    verb_prefixes: tuple[str, ...]
    inflection_prefixes: frozenset[str] = frozenset()
    max_role_len: int = 1
    countries_with_the: set[str] = field(default_factory=set)
    sub_bodies: list[dict[str, Any]] = field(default_factory=list)
    company_prefixes: set[str] = field(default_factory=set)
    company_suffixes: set[str] = field(default_factory=set)
    english_org_heads: set[str] = field(default_factory=set)
    english_connectors: set[str] = field(default_factory=set)
    not_person_words: set[str] = field(default_factory=set)
    loc_heads: set[str] = field(default_factory=set)
    loc_tails: set[str] = field(default_factory=set)
    person_not_after: list[list[str]] = field(default_factory=list)
    generic_org_nouns: set[str] = field(default_factory=set)
    initials_cues: set[str] = field(default_factory=set)
    place_scoped_bodies: set[str] = field(default_factory=set)
    event_context: set[str] = field(default_factory=set)
    regional_roles: set[str] = field(default_factory=set)
    place_tails: set[str] = field(default_factory=set)
    regional_fillers: set[str] = field(default_factory=set)
    office_bodies: dict[str, str] = field(default_factory=dict)  # "kapolda" -> "polda"
    name_roles: set[str] = field(default_factory=set)
    rank_suffixes: set[str] = field(default_factory=set)
    member_of: set[str] = field(default_factory=set)
    model_heads: set[str] = field(default_factory=set)
    weapon_model_heads: set[str] = field(default_factory=set)
    sub_region_heads: set[str] = field(default_factory=set)
    model_modifiers: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, path: str | Path = LINKER_DATA) -> LinkerData:
        """Read ``linker.yaml`` (or a replacement file with the same keys)."""
        with Path(path).open(encoding="utf-8") as fh:
            raw: dict[str, Any] = yaml.safe_load(fh) or {}
        modifiers = {normalize(str(k)): str(v) for k, v in (raw.get("role_modifiers") or {}).items()}
        roles = {normalize(str(k)): str(v) for k, v in (raw.get("roles") or {}).items()}
        for k, v in modifiers.items():
            roles.setdefault(k, v)  # a modifier alone still marks a role position ("mantan Rudi")
        meto = raw.get("metonymy") or {}
        cues = raw.get("outlet_cues") or {}
        affixes = raw.get("common_word_affixes") or {}
        return cls(
            raw=raw,
            label_map={str(k): str(v) for k, v in (raw.get("label_map") or {}).items()},
            titles=_lower_set(raw.get("titles") or []),
            roles=roles,
            role_modifiers=modifiers,
            role_fillers=_lower_set(raw.get("role_fillers") or []),
            place_before=_phrases(meto.get("place_before") or []),
            place_after=_phrases(meto.get("place_after") or []),
            bodies=list(raw.get("bodies") or []),
            event_patterns=list(raw.get("event_patterns") or []),
            event_stages={normalize(str(k)): str(v) for k, v in (raw.get("event_stages") or {}).items()},
            event_heads=_lower_set(raw.get("event_heads") or []),
            election_patterns=list(raw.get("election_patterns") or []),
            place_patterns={normalize(str(k)): v for k, v in (raw.get("place_patterns") or {}).items()},
            branch_heads=_lower_set(raw.get("branch_heads") or []),
            branch_kinds={str(k) for k in raw.get("branch_kinds") or []},
            sports=dict(raw.get("sports") or {}),
            event_generic_after=_lower_set(raw.get("event_generic_after") or []),
            outlet_before=_phrases(cues.get("before") or []),
            outlet_fillers=_lower_set(cues.get("fillers") or []),
            outlet_after=_lower_set(cues.get("after") or []),
            outlet_window=int(cues.get("window") or 3),
            not_names=_lower_set(raw.get("not_names") or []),
            calendar=_lower_set(raw.get("calendar_words") or []),
            org_heads=_lower_set(raw.get("org_heads") or []),
            place_heads=_lower_set(raw.get("place_heads") or []),
            place_cues=_lower_set(raw.get("place_cues") or []),
            name_connectors=_lower_set(raw.get("name_connectors") or []),
            org_connectors=_lower_set(raw.get("org_connectors") or []),
            ambiguous=_lower_set(raw.get("ambiguous") or []),
            prefixes=tuple(str(p) for p in affixes.get("prefixes") or ()),
            suffixes=tuple(str(x) for x in affixes.get("suffixes") or ()),
            verb_prefixes=tuple(str(x) for x in affixes.get("verb_prefixes") or ()),
            inflection_prefixes=frozenset(str(x) for x in affixes.get("inflection_prefixes") or ()),
            max_role_len=max((len(k.split()) for k in roles), default=1),
            countries_with_the={str(c) for c in raw.get("countries_with_the") or []},
            sub_bodies=list(raw.get("sub_bodies") or []),
            company_prefixes={str(x) for x in raw.get("company_prefixes") or []},
            company_suffixes={str(x) for x in raw.get("company_suffixes") or []},
            english_org_heads=_lower_set(raw.get("english_org_heads") or []),
            english_connectors=_lower_set(raw.get("english_connectors") or []),
            not_person_words=_lower_set(raw.get("not_person_words") or []),
            loc_heads=_lower_set(raw.get("loc_heads") or []),
            loc_tails=_lower_set(raw.get("loc_tails") or []),
            person_not_after=_phrases(raw.get("person_not_after") or []),
            generic_org_nouns=_lower_set(raw.get("generic_org_nouns") or []),
            initials_cues=_lower_set(raw.get("initials_cues") or []),
            place_scoped_bodies=_lower_set(raw.get("place_scoped_bodies") or []),
            event_context=_lower_set(raw.get("event_context") or []),
            regional_roles=_lower_set((raw.get("regional_offices") or {}).get("roles") or []),
            place_tails=_lower_set((raw.get("regional_offices") or {}).get("place_tails") or []),
            regional_fillers=_lower_set((raw.get("regional_offices") or {}).get("fillers") or []),
            office_bodies={
                normalize(str(k)): normalize(str(v))
                for k, v in ((raw.get("regional_offices") or {}).get("office_bodies") or {}).items()
            },
            name_roles=_lower_set(raw.get("name_roles") or []),
            rank_suffixes=_lower_set(raw.get("rank_suffixes") or []),
            member_of=_lower_set(raw.get("member_of") or []),
            model_heads=_lower_set(raw.get("model_heads") or []),
            weapon_model_heads=_lower_set(raw.get("weapon_model_heads") or []),
            sub_region_heads=_lower_set(raw.get("sub_region_heads") or []),
            model_modifiers=_lower_set(raw.get("model_modifiers") or []),
        )


@lru_cache(maxsize=4)
def load_linker_data(path: str = str(LINKER_DATA)) -> LinkerData:
    """Cached :meth:`LinkerData.load`."""
    return LinkerData.load(path)


@dataclass(eq=False)
class Cand:
    """A candidate mention: token span, type, and what it refers to."""

    start: int
    end: int
    label: str
    source: str
    entry: GazEntry | None = None
    name: str | None = None  # canonical name when there is no gazetteer entry (composed or unknown)
    kind: str | None = None
    country: str | None = None
    ref: Cand | None = None  # the mention this one corefers with (name part, abbreviation, ...)
    nested: list[Cand] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Cand) -> bool:
        return self.start < other.end and other.start < self.end

    def key_name(self) -> str:
        return self.entry.name if self.entry is not None else (self.name or "")

    def root(self) -> Cand:
        """The mention that carries the identity (follows ``ref`` links)."""
        c = self
        seen = 0
        while c.ref is not None and seen < 10:
            c = c.ref
            seen += 1
        return c


_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_AFFIXED_KEY = "sorot_affixed_stems"  # doc.user_data cache of _affixed_stems


def _is_cap(token: Token) -> bool:
    text = token.text
    return bool(text) and (text[0].isupper() or text[0].isdigit())


def _is_word_cap(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)


def _initials_match(abbrev: str, names: Iterable[str]) -> bool:
    """Is the bracketed form plausibly short for one of the names? Its capitals must follow the
    initials of the name's words in order ("NSC" for "National Security Council", "Bawaslu" for
    "Badan Pengawas Pemilu"), or, for a single-word nickname, start like one of the words."""
    caps = [ch for ch in abbrev if ch.isupper() or ch.isdigit()]
    for name in names:
        words = [w for w in re.split(r"[\s\-/]+", name) if w]
        initials = [w[0].upper() for w in words if w[0].isalnum()]
        if not caps:
            continue
        it = iter(initials)
        if all(any(ch == x for x in it) for ch in caps) and caps[0] == (initials[0] if initials else ""):
            return True
        if len(caps) == 1 and any(w.upper().startswith(abbrev[:2].upper()) for w in words):
            return True
    return False


class EntityLinker:
    """The ``sorot_linker`` pipeline component (see the module docstring for what it does)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "sorot_linker",
        gazetteer_paths: Sequence[str] = (),
        use_ner: bool = True,
        heuristics: str = "always",
        gazetteer: Gazetteer | None = None,
        linker_data: str | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.nlp = nlp
        self.gazetteer_paths = list(gazetteer_paths)
        self.use_ner = use_ner
        # "always": capitalisation heuristics also fill what a trained NER missed (measured better on
        # the gold with the shipped model); "auto": only without a NER; "never"
        self.heuristics = heuristics
        self.gaz = gazetteer if gazetteer is not None else load_gazetteer(self.gazetteer_paths)
        self.data = load_linker_data(linker_data or str(LINKER_DATA))
        self._build_matchers()

    # ------------------------------------------------------------------ set-up
    def _build_matchers(self) -> None:
        vocab = self.nlp.vocab
        make = self.nlp.make_doc
        self.alias_matcher = PhraseMatcher(vocab, attr="LOWER")
        self.abbrev_matcher = PhraseMatcher(vocab, attr="ORTH")
        # alias key -> does some listed form start lowercase (then any case is accepted)?
        self._lower_ok: dict[str, bool] = {}
        for key, entries in self.gaz.alias_index.items():
            forms = [f for e in entries for f in e.surface_forms() if normalize(f) == key]
            self._lower_ok[key] = any(f[:1].islower() for f in forms)
            self.alias_matcher.add(key, [make(forms[0] if forms else key)])
        for form in self.gaz.abbrev_index:
            self.abbrev_matcher.add(form, [make(form)])

        def phrase_matcher(groups: list[dict[str, Any]], prefix: str) -> PhraseMatcher:
            matcher = PhraseMatcher(vocab, attr="LOWER")
            for i, group in enumerate(groups):
                matcher.add(f"{prefix}{i}", [make(str(p)) for p in group.get("phrases") or []])
            return matcher

        self.body_matcher = phrase_matcher(self.data.bodies, "body")
        self.event_matcher = phrase_matcher(self.data.event_patterns, "event")
        self.sub_body_matcher = phrase_matcher(self.data.sub_bodies, "sub")
        self.election_matcher = phrase_matcher(self.data.election_patterns, "elect")
        sports = self.data.sports
        self._sport_doc_cues = _lower_set(sports.get("doc_cues") or [])
        self._sport_sent_cues = _phrases(sports.get("sentence_cues") or [])
        self._sport_kinds = {k: _phrases(v) for k, v in (sports.get("sports") or {}).items()}

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        self._split_compounds(doc)
        ner_ents = list(doc.ents) if self.use_ner else []
        has_ner = self.use_ner and any(p in ("ner", "beam_ner") for p in self.nlp.pipe_names)
        ctx = _DocContext(doc)
        cands = self._gazetteer_cands(doc, ctx)
        cands += self._composed_cands(doc, ctx, cands)
        cands += self._company_cands(doc, ctx, cands)
        cands += self._english_org_cands(doc, ctx, cands)
        cands += self._event_cands(doc, cands)
        cands += self._dateline_cands(doc, ctx, cands)
        cands += self._ner_cands(doc, ctx, ner_ents, cands)
        if self.heuristics == "always" or (self.heuristics == "auto" and not has_ner and not ner_ents):
            cands += self._heuristic_cands(doc, ctx, cands)
        cands += self._place_cands(doc, ctx, cands)
        cands += self._initials_cands(doc, cands)
        cands = self._names_with_holidays(doc, cands)
        chosen = self._resolve(doc, cands)
        chosen = [c for c in chosen if not self._generic_event(doc, c)]
        self._link_defined_abbreviations(doc, chosen)
        chosen += self._bracketed_place_aliases(doc, chosen)
        self._apply_metonymy(doc, ctx, chosen)
        self._apply_teams(doc, ctx, chosen)
        self._attach_nested(chosen, cands)
        chosen += self._local_aliases(doc, ctx, chosen)
        chosen += self._name_parts(doc, chosen)
        chosen.sort(key=lambda c: c.start)
        self._finish(doc, chosen)
        return doc

    # ------------------------------------------------------------------ candidates
    def _gazetteer_cands(self, doc: Doc, ctx: _DocContext) -> list[Cand]:
        out: list[Cand] = []
        strings = doc.vocab.strings
        for match_id, start, end in self.alias_matcher(doc):
            key = strings[match_id]
            if not self._lower_ok.get(key, False) and not _is_cap(doc[start]):
                continue
            if key in self.data.ambiguous and (ctx.is_sent_start(start) or ctx.in_title[start]):
                continue
            if (
                ctx.in_title[start]
                and start not in ctx.sent_starts
                and normalize(doc[start].text) in self.data.not_names
            ):
                continue  # "Kerja Sama Militer Korea Utara": headline capitals, not the army's name
            entries = self.gaz.alias_index.get(key) or []
            if entries:
                entry = self._pick(entries)
                out.append(Cand(start, end, entry.type, "gaz", entry=entry))
        for match_id, start, end in self.abbrev_matcher(doc):
            key = strings[match_id]
            if normalize(key) in self.data.ambiguous and (ctx.is_sent_start(start) or ctx.in_title[start]):
                continue
            entries = self.gaz.abbrev_index.get(key) or []
            if entries:
                entry = self._pick(entries)
                out.append(Cand(start, end, entry.type, "gaz", entry=entry))
        return out

    @staticmethod
    def _pick(entries: list[GazEntry]) -> GazEntry:
        """Several entities share a name: prefer a sovereign state, then the first listed."""
        if len(entries) == 1:
            return entries[0]
        for kind in ("country", "igo", "news_agency", "outlet"):
            for e in entries:
                if e.kind == kind:
                    return e
        return entries[0]

    @staticmethod
    def _longest_at(cands: list[Cand], index: int, kinds: tuple[str, ...] | None = None) -> Cand | None:
        best: Cand | None = None
        for c in cands:
            if c.start != index or c.entry is None:
                continue
            if kinds is not None and c.entry.kind not in kinds:
                continue
            if best is None or c.length > best.length:
                best = c
        return best

    def _composed_cands(self, doc: Doc, ctx: _DocContext, cands: list[Cand]) -> list[Cand]:
        """ "<body> <country>" (ministries, councils, armed forces) and "<national body> Kota <place>"."""
        out: list[Cand] = []
        strings = doc.vocab.strings
        seen_bodies: dict[int, str] = {}
        matches = sorted(self.body_matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        for match_id, start, end in matches:
            if not _is_word_cap(doc[start]):
                continue
            if ctx.in_title[start] and normalize(doc[start].text) in self.data.not_names:
                continue  # "Kerja Sama Militer Korea Utara": headline capitals
            body_index = int(strings[match_id][4:])
            body = self.data.bodies[body_index]
            after = end
            abbrev: str | None = None
            if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
                abbrev = doc[after + 1].text
                after += 3
            # a body of a state by default; "Polda <province>", "KBRI <city>" name other kinds
            of_kinds = tuple(str(k) for k in body.get("kinds") or ()) or (*STATE_KINDS, "igo")
            state = self._longest_at(cands, after, of_kinds)
            nested: list[Cand] = []
            owner: str | None = None
            if state is not None and state.entry is not None:
                if state.entry.kind == "igo":
                    continue
                country = state.entry.name
                if state.entry.kind not in STATE_KINDS:
                    owner = state.entry.country
                span_end = state.end if abbrev is None else end
                if abbrev is None and owner is None:  # a province inside "Polda Jatim" is no mention
                    nested.append(state)
            else:
                if after < len(doc) and _is_word_cap(doc[after]) and not doc[after].is_sent_start:
                    continue  # "Dewan Keamanan Nasional Filipina"-like: a name we cannot compose
                default = body.get("default_country")
                found = seen_bodies.get(body_index) or (str(default) if default else None)
                if not found:
                    continue
                country = found
                span_end = end
            name = (body.get("override") or {}).get(country) or self._with_country(str(body["name"]), country)
            seen_bodies[body_index] = country
            entry = self.gaz.get(name)
            cand = Cand(
                start,
                span_end,
                "ORG",
                "compose",
                entry=entry,
                name=name,
                kind=str(body.get("kind") or "ministry"),
                country=owner or body.get("country") or country,
            )
            cand.nested = nested
            if abbrev:
                cand.info["abbrev"] = abbrev
            out.append(cand)
        out += self._sub_body_cands(doc, cands)
        out += self._branch_cands(doc, cands)
        return out

    def _with_country(self, template: str, country: str) -> str:
        """Fill a body template: "Armed Forces of {country}" -> "Armed Forces of the Philippines"."""
        if country in self.data.countries_with_the and "of {country}" in template:
            return template.replace("of {country}", f"of the {country}")
        return template.format(country=country)

    def _sub_body_cands(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """ "Badan Banding WTO" -> "WTO Appellate Body", "Dewan Gubernur IAEA" -> "IAEA Board of
        Governors": a body noun before a known organisation names that organisation's organ."""
        out: list[Cand] = []
        strings = doc.vocab.strings
        earlier: dict[str, Cand] = {}  # template -> the organ composed last ("Dewan Gubernur IAEA")
        for match_id, start, end in sorted(self.sub_body_matcher(doc), key=lambda m: m[1]):
            if not _is_word_cap(doc[start]):
                continue
            template = str(self.data.sub_bodies[int(strings[match_id][3:])]["name"])
            org = self._longest_at(cands, end)
            if org is None or org.entry is None or org.entry.type != "ORG" or org.entry.kind in STATE_KINDS:
                prev = earlier.get(template)
                if prev is not None and not (end < len(doc) and _is_word_cap(doc[end])):
                    # the bare organ later in the article ("di Dewan Gubernur") is the same organ
                    again = Cand(
                        start,
                        end,
                        "ORG",
                        "compose",
                        entry=prev.entry,
                        name=prev.name,
                        kind=prev.kind,
                        country=prev.country,
                    )
                    again.info["prefer"] = True
                    out.append(again)
                continue
            surface = doc[org.start : org.end].text
            short = surface if surface in org.entry.exact_forms() else org.entry.name
            names = list(dict.fromkeys([template.format(org=short), template.format(org=org.entry.name)]))
            entry = None
            for form in names:
                found = [e for e in self.gaz.lookup(form) if e.type == "ORG"]
                if found:
                    entry = found[0]
                    break
            info = org.entry.to_info()
            cand = Cand(
                start,
                org.end,
                "ORG",
                "compose",
                entry=entry,
                name=names[0],
                kind="organisation",
                country=info.country,
            )
            cand.nested = [org]
            cand.info["prefer"] = True  # over the same span from the gazetteer: it keeps the nested org
            out.append(cand)
            earlier[template] = cand
        return out

    def _company_cands(self, doc: Doc, ctx: _DocContext, cands: list[Cand]) -> list[Cand]:
        """A legal form ("PT", "CV" before, "Tbk", "(Persero)" after) makes the whole capitalised run
        one company, place names and ordinary words included ("PT Energi Daya Mineral Indonesia Tbk")."""
        d = self.data
        n = len(doc)
        out: list[Cand] = []
        taken: set[int] = set()
        ner_per = [e.start for e in doc.ents if e.label_ == "PER"] if self.use_ner else []
        for i, tok in enumerate(doc):
            start = end = -1
            if tok.text in d.company_prefixes and i + 1 < n and _is_word_cap(doc[i + 1]):
                start, end = i, self._company_end(doc, i + 1)
                end = self._company_person_cut(doc, start, end, ner_per)
            elif tok.text in d.company_suffixes and i > 0 and i not in taken and _is_word_cap(doc[i - 1]):
                k = i
                while (
                    k > 0
                    and i - k < 6
                    and _is_word_cap(doc[k - 1])
                    and "\n" not in doc[k - 1].whitespace_
                    and not self._role_or_title_at(doc, k - 1, i)
                    and normalize(doc[k - 1].text) not in d.not_names
                    and not (ctx.is_sent_start(k - 1) and self._common_word(doc[k - 1].text))
                ):
                    k -= 1
                    if ctx.is_sent_start(k):
                        break
                if k == i:
                    continue
                start, end = k, self._company_end(doc, i)
            if start < 0 or end - start < 2 or ctx.in_title[start]:
                continue
            taken.update(range(start, end))
            text = doc[start:end].text
            entries = [e for e in self.gaz.lookup(text) if e.type == "ORG"]
            entry = entries[0] if entries else None
            out.append(Cand(start, end, "ORG", "compose", entry=entry, name=text, kind="company"))
        return out

    def _company_person_cut(self, doc: Doc, start: int, end: int, ner_per: list[int]) -> int:
        """A company run without a closing legal form can swallow the name of the person who speaks
        for it ("Ketua Koperasi Pedagang X Zulkifli Rasyid", "Dirut PT Kereta Api Indonesia Didiek
        Hartantyo"). End it where the statistical NER starts a person, or after the longest prefix
        that is a company the gazetteer knows when capitalised words follow it."""
        if any(normalize(t.text) in self.data.roles for t in doc[max(0, start - 6) : start]):
            # "Direktur SDM PT Sinar Cakra Elektrindo Hendro Gunawan ... tegas Hendro": after a role, a
            # two- or three-word tail whose first or last word the article uses on its own is the person
            def alone(k: int) -> bool:  # the word doc[k] elsewhere, not inside a repeat of this run
                return any(
                    t.text == doc[k].text
                    and not start <= t.i < end
                    and (t.i == 0 or doc[t.i - 1].text != doc[k - 1].text)
                    and (t.i + 1 >= len(doc) or not _is_word_cap(doc[t.i + 1]))
                    for t in doc
                )

            for cut in range(max(start + 2, end - 3), end - 1):
                found = alone(cut) or alone(end - 1)
                if found and self._name_like(doc, cut, end):
                    return cut
        for k in ner_per:
            if start + 1 < k < end:
                return k
        for cut in range(end - 1, start + 1, -1):
            if any(e.type == "ORG" for e in self.gaz.lookup(doc[start:cut].text)):
                rest = end - cut
                if 1 <= rest <= 3 and all(_is_word_cap(t) for t in doc[cut:end]):
                    return cut
                break
        return end

    def _company_end(self, doc: Doc, j: int) -> int:
        d = self.data
        n = len(doc)
        while j < n and not doc[j].is_space:
            t = doc[j]
            low = normalize(t.text)
            if (
                t.text == "("
                and j + 2 < n
                and f"({doc[j + 1].text})" in d.company_suffixes
                and doc[j + 2].text == ")"
            ):
                j += 3
                break
            if (_is_word_cap(t) or t.text in d.company_suffixes) and low not in d.calendar:
                j += 1
                if t.text in d.company_suffixes or "\n" in t.whitespace_:
                    break
                continue
            if (
                (low in d.org_connectors or low in d.name_connectors)
                and j + 1 < n
                and _is_word_cap(doc[j + 1])
            ):
                j += 2
                continue
            break
        return j

    def _english_org_cands(self, doc: Doc, ctx: _DocContext, cands: list[Cand]) -> list[Cand]:
        """English organisation names inside Indonesian text ("Center of Reform on Economics (CORE)",
        "Indonesia Corruption Watch"): a capitalised run joined by English connectors that holds an
        English head word, or is followed by a bracketed acronym made of its initials."""
        d = self.data
        n = len(doc)
        out: list[Cand] = []
        i = 0
        while i < n:
            if not _is_word_cap(doc[i]) or ctx.in_title[i]:
                i += 1
                continue
            skip = self._role_or_title_at(doc, i, n)
            if skip:
                i += skip
                continue
            low0 = normalize(doc[i].text)
            if (
                low0 in d.not_names
                or low0 in STOP_WORDS
                or (ctx.is_sent_start(i) and self._common_word(doc[i].text))
            ):
                i += 1
                continue
            j = i
            has_conn = False
            heads: list[int] = []
            while j < n and "\n" not in (doc[j - 1].whitespace_ if j > i else ""):
                t = doc[j]
                low = normalize(t.text)
                if _is_word_cap(t) and low not in d.calendar:
                    if low in d.english_org_heads:
                        heads.append(j)
                    j += 1
                    continue
                if low in d.english_connectors and j > i and j + 1 < n and _is_word_cap(doc[j + 1]):
                    has_conn = True
                    j += 1
                    continue
                break
            size = j - i
            abbrev = doc[j + 1].text if j + 2 < n and doc[j].text == "(" and doc[j + 2].text == ")" else None
            text = doc[i:j].text
            english = has_conn and (bool(heads) or (abbrev is not None and _initials_match(abbrev, [text])))
            headed = bool(heads) and heads[-1] == j - 1 and heads[0] != i
            inside_longer = any(c.start <= i and j <= c.end and c.length > size for c in cands)
            if size >= 2 and (english or headed) and not inside_longer:
                entries = [e for e in self.gaz.lookup(text) if e.type == "ORG"]
                entry = entries[0] if entries else None
                out.append(Cand(i, j, "ORG", "compose", entry=entry, name=text, kind="organisation"))
            i = max(j, i + 1)
        return out

    def _branch_cands(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """ "KPU Kota Sumber Jaya", "Badan Pengawas Pemilu (Bawaslu) Kota Sumber Jaya": the local branch
        of a national body, named as the article writes it."""
        out: list[Cand] = []
        d = self.data
        for c in cands:
            if c.entry is None or c.entry.type != "ORG" or c.entry.kind not in d.branch_kinds:
                continue
            after = c.end
            short = doc[c.start : c.end].text
            if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
                short = doc[after + 1].text
                after += 3
            if after >= len(doc) or normalize(doc[after].text) not in d.branch_heads:
                continue
            j = self._place_end(doc, after, self._run_end(doc, after), cands)
            if j == after + 1:
                continue
            place_words = doc[after + 1 : j].text
            cand = Cand(
                c.start, j, "ORG", "compose", name=f"{short} {doc[after].text} {place_words}", kind="branch"
            )
            cand.country = c.entry.to_info().country
            cand.info["branch_of"] = c.entry.name
            known = self._longest_at(cands, after + 1, (*STATE_KINDS, "city", "province"))
            if known is not None and known.end == j:
                place = Cand(after, j, known.label, "compose", entry=known.entry)
            else:
                pat = d.place_patterns.get(normalize(doc[after].text)) or {"name": "{name}"}
                place = Cand(after, j, "GPE", "compose", name=str(pat["name"]).format(name=place_words))
                place.info["bare"] = place_words
            cand.nested = [place]
            out.append(cand)
        return out

    def _event_cands(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        out: list[Cand] = []
        strings = doc.vocab.strings
        for match_id, start, end in self.event_matcher(doc):
            pat = self.data.event_patterns[int(strings[match_id][5:])]
            org = self._longest_at(cands, end)
            if org is None or org.entry is None or org.entry.type not in ("ORG", "GPE"):
                continue
            name = str(pat["name"]).format(org=org.entry.name)
            cand = Cand(start, org.end, "EVENT", "compose", entry=self.gaz.get(name), name=name, kind="event")
            cand.nested = [org]
            out.append(cand)
        # an edition of a listed event: "Piala Dunia 2026", "Kualifikasi Piala Dunia 2026"
        for c in cands:
            if (
                c.entry is None
                or c.entry.type != "EVENT"
                or c.end >= len(doc)
                or not _YEAR.match(doc[c.end].text)
            ):
                continue
            start = c.start
            name = f"{doc[c.end].text} {c.entry.name}"
            for stage, template in self.data.event_stages.items():
                n = len(stage.split())
                if start - n >= 0 and normalize(doc[start - n : start].text) == stage:
                    name = template.format(event=name)
                    start -= n
                    break
            out.append(
                Cand(start, c.end + 1, "EVENT", "compose", entry=self.gaz.get(name), name=name, kind="event")
            )
        for match_id, start, end in self.election_matcher(doc):
            pat = self.data.election_patterns[int(strings[match_id][5:])]
            j = end
            while (
                j < len(doc)
                and j - end < 3
                and _is_word_cap(doc[j])
                and normalize(doc[j].text) not in self.data.calendar
            ):
                j += 1
            if j == end or not _is_word_cap(doc[start]):
                continue
            place = self._longest_at(cands, end)
            place_name = place.key_name() if place is not None and place.end == j else doc[end:j].text
            name = str(pat["name"]).format(place=place_name)
            out.append(Cand(start, j, "EVENT", "compose", entry=self.gaz.get(name), name=name, kind="event"))
        return out

    def _strip_span(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """Remove leading titles/role nouns and edge punctuation from a name span."""
        changed = True
        while changed and start < end:
            changed = False
            while start < end and (doc[start].text in _PUNCT_EDGE or doc[start].is_space):
                start += 1
                changed = True
            while end > start and (doc[end - 1].text in _PUNCT_EDGE or doc[end - 1].is_space):
                end -= 1
                changed = True
            n = self._role_or_title_at(doc, start, end)
            if n and start + n < end:
                start += n
                changed = True
            elif (
                start + 1 < end
                and normalize(doc[start].text) in self.data.rank_suffixes
                and start > 0
                and normalize(doc[start - 1].text) in self.data.titles
            ):
                start += 1  # "Kombes | Pol Arief Wicaksono": the service word belongs to the rank
                changed = True
        return start, end

    def _role_or_title_at(self, doc: Doc, start: int, limit: int) -> int:
        """Length of a title or role phrase starting at ``start`` (0 if none)."""
        for n in range(min(self.data.max_role_len, limit - start), 0, -1):
            phrase = normalize(doc[start : start + n].text)
            if phrase in self.data.roles or phrase in self.data.titles:
                if (
                    n == 1
                    and phrase in self.data.name_roles
                    and start + 1 < limit
                    and _is_word_cap(doc[start])
                    and _is_word_cap(doc[start + 1])
                ):
                    return 0  # "Imam Sugianto": a given name ("Imam Besar ..." matched as longer above)
                if (
                    n >= 2
                    and start + n < limit
                    and normalize(doc[start + n - 1].text) in self.data.org_heads
                    and _is_word_cap(doc[start + n - 1])
                    and _is_word_cap(doc[start + n])
                ):
                    return n - 1  # "Kepala Dinas | Tenaga Kerja": the role's last word opens the body's name
                return n
        return 0

    def _ner_cands(self, doc: Doc, ctx: _DocContext, ents: list[Span], known: list[Cand]) -> list[Cand]:
        """The statistical NER's spans, repaired: titles, roles, lowercase edges and trailing numbers
        cut off ("pelabuhan Dunai", "Reuters 22"); a span that runs from a known name into
        ordinary words ("Korut Tepis Tuduhan", "NATO mengecam Korea Utara") gives way to the known
        name, and a name-like remainder ("KPK Tessa Mahardhika") stands on its own."""
        out: list[Cand] = []
        has_pos = doc.has_annotation("POS")
        org_forms = {
            tuple(normalize(t.text) for t in doc[e.start : e.end])
            for e in ents
            if self.data.label_map.get(e.label_) == "ORG" and e.end - e.start >= 2
        }
        ents = [part for e in ents for part in (self._split_org_person(doc, e, org_forms) or (e,))]
        ents = [part for e in ents for part in self._split_at_title(doc, e)]
        ner_places = [
            Cand(e.start, e.end, "GPE", "ner")
            for e in ents
            if self.data.label_map.get(e.label_) in ("GPE", "LOC")
        ]
        for ent in ents:
            label = self.data.label_map.get(ent.label_)
            if label is None:
                continue
            start, end = self._trim(doc, ent.start, ent.end, label)
            if (
                label in ("ORG", "GPE", "LOC")
                and start > ent.start
                and any(normalize(doc[k].text) in self.data.titles for k in range(ent.start, start))
                and self._name_like(doc, start, end)
            ):
                label = "PER"  # "Kombes Wira Satya" typed ORG: a rank opens a person's name
            if start >= end:
                continue
            inside = [k for k in known if k.start < end and k.end > start]
            if any(k.source == "dateline" for k in inside):
                continue
            if label in ("PER", "GPE", "LOC"):  # "Rizki Ramadhan": a holiday's name inside a person's name
                inside = [k for k in inside if not self._holiday_in_name(doc, k)]
            text = doc[start:end].text
            head_word = normalize(doc[start].text) in self.data.place_heads  # "Kabupaten | Garut ..."
            only_place = all(
                (k.start == start or (head_word and k.start == start + 1))
                and (k.entry.type if k.entry else k.label) in ("GPE", "LOC")
                for k in inside
            )
            cut = (
                None
                if not only_place or ctx.in_title[start]
                else self._regional_cut(doc, start, end, ner_places)
            )
            if cut is not None:  # "Bupati Halmahera Barat James Uang": the office's place, then its holder
                out += [
                    Cand(start, cut, "GPE", "ner", name=doc[start:cut].text),
                    Cand(cut, end, "PER", "ner", name=doc[cut:end].text),
                ]
                continue
            entries = self.gaz.lookup(text)
            if (
                not entries
                and end - start >= 3
                and _ACRONYM.match(doc[start].text)
                and normalize(doc[start].text) not in self.data.titles
                and start > 0
                and self._role_or_title_at(doc, start - 1, start)
                and self._name_like(doc, start + 1, end)
            ):  # "Peneliti ICW Kurnia Ramadhana": the body's acronym, then its officer
                out += [
                    Cand(start, start + 1, "ORG", "ner", name=doc[start].text),
                    Cand(start + 1, end, "PER", "ner", name=doc[start + 1 : end].text),
                ]
                continue
            if entries:
                entry = self._pick(entries)
                out.append(Cand(start, end, entry.type, "ner", entry=entry))
                continue
            if inside:
                out += self._ner_remainders(doc, ctx, start, end, label, inside, known)
                continue
            if ctx.in_title[start] and end - start >= 3:
                end = self._body_form_end(doc, ctx, start, end)  # "Sungai Wulan Segera Diperbaiki" (headline)
                text = doc[start:end].text
            retyped = self._retype(doc, start, end, label, known, ctx.in_title[start])
            if retyped is None:
                continue
            label = retyped
            if self._plausible(doc, ctx, start, end, label, has_pos):
                out.append(Cand(start, end, label, "ner", name=text))
        return out

    def _body_form_end(self, doc: Doc, ctx: _DocContext, start: int, end: int) -> int:
        """A headline's capitals run a name into the words after it; keep the longest prefix of the span
        that the body writes as well (the whole span when the body has none)."""
        body = " " + " ".join(t.text for t in doc if not ctx.in_title[t.i]) + " "
        for k in range(end, start + 1, -1):
            if f" {doc[start:k].text} " in body:
                return k
        return end

    def _regional_office_before(self, doc: Doc, start: int) -> bool:
        """Does a regional office ("Bupati", "Kepala Desa", "Kapolres") end just before ``start``?"""
        while start > 0 and normalize(doc[start - 1].text) in self.data.regional_fillers:
            start -= 1  # "Gubernur wilayah Saratov ...", "Bupati Kabupaten ..."
        return any(
            normalize(doc[start - n : start].text) in self.data.regional_roles
            for n in range(1, min(3, start) + 1)
        )

    def _body_before(self, doc: Doc, start: int) -> bool:
        """Does a body's name, or its bracketed acronym, end just before ``start`` ("Kepala Dinas Pendidikan
        (Disdik) | Kabupaten Garut Asep Saepudin", "Ketua Panitia Zakat | Kota Medan Rizki Ramadhan")? The
        place scopes the body, and its holder's name follows."""
        end = start
        if start >= 4 and doc[start - 1].text == ")" and doc[start - 3].text == "(":
            if not _is_word_cap(doc[start - 2]):
                return False
            end = start - 3
        k = end - 1
        while k >= 0 and end - k <= 8 and _is_word_cap(doc[k]):
            if normalize(doc[k].text) in self.data.org_heads:
                return True
            k -= 1
        return False

    def _regional_cut(self, doc: Doc, start: int, end: int, cands: Iterable[Cand] = ()) -> int | None:
        """Where the place ends in a name run after a regional office ("Bupati Halmahera Barat James Uang",
        "Kepala Desa Sukamaju Ahmad Fauzi"): the office is held for a place, and news names the place
        before the holder. The model's or the gazetteer's place boundary wins; otherwise the place is the
        first word with the direction words after it, and a one-word place before a one-word name needs
        the article to use one of them on its own elsewhere ("Bupati Ahmad Fauzi" is one name)."""
        d = self.data
        if end - start < 2:
            return None
        office = self._regional_office_before(doc, start) or (
            # "Kepala | Desa Sukamaju Ahmad Fauzi": the model's span took the office's place word
            normalize(doc[start].text) in d.place_heads and self._regional_office_before(doc, start + 1)
        )
        if not office and not self._body_before(doc, start):
            return None
        if any(e.type == "PER" for e in self.gaz.lookup(doc[start:end].text)):
            return None
        known = [
            c.end for c in cands if c.start == start and start < c.end < end and c.label in ("GPE", "LOC")
        ]
        # a listed place, also behind its administrative head word ("Kabupaten Garut": Garut)
        inner = start + 1 if normalize(doc[start].text) in d.place_heads else start
        listed = [
            k
            for k in range(end - 1, start, -1)
            if any(e.type in ("GPE", "LOC") for e in self.gaz.lookup(doc[start:k].text))
            or (
                inner > start
                and k > inner
                and any(e.type in ("GPE", "LOC") for e in self.gaz.lookup(doc[inner:k].text))
            )
        ]
        guessed = not known and not listed
        if not office and not listed:
            return None  # after a body's acronym only a place the gazetteer knows is cut off
        if listed:
            cut = max(listed)
        else:
            cut = max(known) if known else start + 1
            if not known and normalize(doc[start].text) in d.place_heads and cut < end:
                cut += 1  # "Kepulauan Sula", "Desa Sukamaju"
            while cut < end and normalize(doc[cut].text) in d.place_tails:
                cut += 1  # "Mamberamo Hulu", "Tobelo Utara": a direction word goes with the place
        if cut >= end or end - cut > 4 or not self._name_like(doc, cut, end):
            return None
        if not all(_is_word_cap(doc[k]) for k in range(start, cut)):
            return None
        if guessed and cut - start == 1 and end - cut == 1:
            place, person = doc[start].text, doc[cut].text
            alone = any(
                (t.text == place and (t.i + 1 >= len(doc) or doc[t.i + 1].text != person))
                or (t.text == person and t.i > 0 and doc[t.i - 1].text != place)
                for t in doc
                if not start <= t.i < end
            )
            if not alone:
                return None
        return cut

    def _split_at_title(self, doc: Doc, ent: Span) -> tuple[Span, ...]:
        """A statistical span with a rank or title inside ("Pelabuhan Merak Kolonel Dodi Prasetyo") is a name
        and then a person: split it at the title (the title itself belongs to neither)."""
        for k in range(ent.start + 1, ent.end - 1):
            if normalize(doc[k].text) in self.data.titles and self._name_like(doc, k + 1, ent.end):
                return (
                    Span(doc, ent.start, k, label=ent.label_),
                    Span(doc, k + 1, ent.end, label="PER"),
                )
        return (ent,)

    def _split_org_person(
        self, doc: Doc, ent: Span, org_forms: set[tuple[str, ...]]
    ) -> tuple[Span, Span] | None:
        """A statistical ORG span made of an organisation the article names on its own elsewhere and
        a person's name ("Ketua Koalisi Rakyat Bersatu Bambang Sutejo") is two names."""
        label = self.data.label_map.get(ent.label_)
        first = ent[0]
        if (
            label in ("PER", "ORG")
            and len(ent) >= 3
            and _ACRONYM.match(first.text)
            and normalize(first.text) not in self.data.titles
            and self._name_like(doc, ent.start + 1, ent.end)
            and any(t.text == first.text for t in doc if not ent.start <= t.i < ent.end)
        ):
            # "Ketua Umum HPPN Sutrisno Hadiwijoyo": a body's acronym the article uses on its own, then its officer
            return (
                Span(doc, ent.start, ent.start + 1, label="ORG"),
                Span(doc, ent.start + 1, ent.end, label="PER"),
            )
        if label != "ORG":
            return None
        words = [normalize(t.text) for t in ent]
        for form in sorted(org_forms, key=len, reverse=True):
            k = len(form)
            if (
                k < len(words)
                and tuple(words[:k]) == form
                and 2 <= len(words) - k <= 4
                and self._name_like(doc, ent.start + k, ent.end)
            ):
                return (
                    Span(doc, ent.start, ent.start + k, label=ent.label_),
                    Span(doc, ent.start + k, ent.end, label="PER"),
                )
        return None

    def _retype(
        self, doc: Doc, start: int, end: int, label: str, known: list[Cand], title: bool = False
    ) -> str | None:
        """Check a statistical span's type against its shape (None: not a name). The model's usual
        mistakes: a quoted programme name typed as a place or person, pieces of company and
        organisation names typed PER, maritime features typed PER or GPE, and a person named after
        a role noun typed ORG ("utusan khusus PBB Martin Griffiths")."""
        d = self.data
        n = len(doc)
        toks = [normalize(t.text) for t in doc[start:end]]
        first, last = toks[0], toks[-1]
        size = end - start
        quoted = (
            start > 0 and end < n and doc[start - 1].text in _QUOTE_OPEN[:4] and doc[end].text in _QUOTE_CLOSE
        )
        if quoted and label in ("PER", "GPE", "LOC") and first not in d.place_heads:
            return None  # “Kampung Bebas Jentik”: a programme, a brand, a title
        if title:  # headline capitals say nothing about the shape of a name
            return None if label == "PER" and any(t in d.not_person_words for t in toks) else label
        if doc[start].text in d.company_prefixes or doc[end - 1].text in d.company_suffixes:
            return "ORG" if size > 1 else None
        if any(t in d.english_org_heads for t in toks) or (first in d.org_heads and first != "tim"):
            return "ORG" if size > 1 else None
        if first in d.loc_heads or last in d.loc_tails:
            return "LOC" if size > 1 else None
        if label in ("GPE", "LOC") and any(
            t in d.not_person_words and t not in d.loc_heads and t not in d.place_heads for t in toks[1:]
        ):
            return None  # "Kampung Bebas Sampah": a programme named like a place
        if label == "PER":
            if any(t in d.not_person_words for t in toks):
                return None
            if self._after_phrase(doc, start, d.person_not_after):
                return "GPE"
            if (
                start >= 2
                and doc[start - 1].text == "dan"
                and any(
                    k.end == start - 1
                    and (k.entry.type if k.entry else k.label) in ("GPE", "LOC")
                    and k.length <= 3
                    and not any(o.start < k.start and o.end >= k.end and o.label != k.label for o in known)
                    for k in known
                )
            ):
                return "GPE"  # "wilayah Lviv dan Ivano-Frankivsk": a place listed with a place
        elif (
            2 <= size <= 4
            and self._name_like(doc, start, end)
            and not any(doc[k].text.isupper() for k in range(start, end))
            and self._role_precedes(doc, start, known)
            and not self._regional_office_before(doc, start)
        ):
            return "PER"
        return label

    @staticmethod
    def _after_phrase(doc: Doc, start: int, phrases: list[list[str]]) -> bool:
        for phrase in phrases:
            k = len(phrase)
            if start - k >= 0 and [normalize(t.text) for t in doc[start - k : start]] == phrase:
                return True
        return False

    def _role_precedes(self, doc: Doc, start: int, known: list[Cand]) -> bool:
        """Is the name at ``start`` introduced by a person's role ("Utusan Khusus PBB untuk Sudan X",
        "juru bicara Kementerian Luar Negeri Iran X")? Known bodies and places may stand between."""
        ends: dict[int, Cand] = {}
        for k in known:
            if k.label in ("ORG", "GPE") and (k.end not in ends or k.length > ends[k.end].length):
                ends[k.end] = k
        i = start
        if i > 1 and doc[i - 1].text == "," and i - 1 in ends:
            i -= 1  # "Direktur Utama PT Sinar Jaya, Rudi Hartono,": the name in apposition
        steps = 0
        while i > 0 and steps < 10:
            steps += 1
            prev = ends.get(i)
            if prev is not None:
                i = prev.start
                continue
            for size in range(min(self.data.max_role_len, i), 0, -1):
                phrase = normalize(doc[i - size : i].text)
                if phrase in self.data.roles and phrase not in self.data.role_modifiers:
                    return True
            if (
                normalize(doc[i - 1].text) in self.data.role_fillers
                or normalize(doc[i - 1].text) in self.data.member_of
            ):
                i -= 1  # "Anggota parlemen dari Hamas, Basem Naim"
                continue
            return False
        return False

    def _trim(self, doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
        for k in range(start + 1, end):
            # "Dinas Tenaga Kerja (Disnaker", "Indeks Pencemaran Udara (IPU)": the name ends before a bracket
            # it does not close inside, or that only holds its abbreviation at the end
            if doc[k].text == "(" and not any(doc[x].text == ")" for x in range(k + 1, end - 1)):
                end = k
                break
        while True:
            start, end = self._strip_span(doc, start, end)
            before = (start, end)
            while start < end and doc[start].text[:1].islower():
                start += 1
            if (
                label == "PER"
                and end - start >= 2
                and doc[start].is_sent_start
                and self._lower_elsewhere(doc, start)
            ):
                start += 1  # "Pendapat Azyumardi ...": the sentence's first word is an ordinary word
            while end > start and (
                (doc[end - 1].text[:1].islower() and not _PARTICLE_NAME.match(doc[end - 1].text))
                or (label != "EVENT" and doc[end - 1].like_num)
            ):
                end -= 1
            if (start, end) == before:
                return start, end

    def _lower_elsewhere(self, doc: Doc, i: int) -> bool:
        """The article writes this capitalised word in lower case too, bare or under an enclitic
        ("pendapatnya"): an ordinary word, not a name."""
        return doc[i].text.lower() in ordinary_words(doc)

    def _after_model_head(self, doc: Doc, start: int, weapons_only: bool = False) -> bool:
        """Does a weapon or vehicle noun (with its modifiers) stand right before ``start``?"""
        heads = self.data.weapon_model_heads if weapons_only else self.data.model_heads
        k = start - 1
        if k >= 0 and normalize(doc[k].text) in ("dan", ",", "serta", "atau"):
            # "rudal ATACMS buatan AS dan Storm Shadow": a second model in a list
            k -= 1
            steps = 0
            while k >= 0 and steps < 5 and (_is_cap(doc[k]) or normalize(doc[k].text) == "buatan"):
                k -= 1
                steps += 1
            if steps == 0:
                return False
        while k >= 0 and normalize(doc[k].text) in self.data.model_modifiers:
            k -= 1
        if k >= 0 and normalize(doc[k].text) in heads:
            return True
        return k >= 1 and normalize(doc[k - 1 : k + 1].text) in heads

    def _plausible(self, doc: Doc, ctx: _DocContext, start: int, end: int, label: str, has_pos: bool) -> bool:
        """Is a NER span a name? Headline words, sentence-initial common words and people's
        "names" made of ordinary words are the statistical model's usual mistakes."""
        text = doc[start:end].text
        low = normalize(text)
        if label == "ORG" and self._after_model_head(doc, start, weapons_only=True):
            return False  # "rudal Patriot": a weapon's model name typed as an organisation
        if label in ("PER", "GPE", "LOC") and self._after_model_head(doc, start):
            return False  # "rudal Storm Shadow", "sistem IRIS-T": a model name
        if label == "PER" and "–" in text:
            return False  # "pasangan Yusuf–Dedi": a ticket of two people named elsewhere, not a name
        if low in self.data.not_names or low in STOP_WORDS or low in self.data.roles:
            return False
        first_pos = ctx.is_sent_start(start) or ctx.in_title[start]
        if end - start == 1 and first_pos:
            if self._common_word(text) or (has_pos and doc[start].pos_ not in ("PROPN", "X")):
                return False
            # a capitalised word that opens a sentence and never appears again mid-sentence is more
            # likely an ordinary word ("Negosiasi ...", "Larang ...") than an unknown name
            elsewhere = any(
                t.text == text and not ctx.is_sent_start(t.i) and not ctx.in_title[t.i]
                for t in doc
                if t.i != start
            )
            if not elsewhere:
                return False
        if ctx.in_title[start] and not self._name_like(doc, start, end):
            head = normalize(doc[start].text)
            if head not in self.data.org_heads and head not in self.data.place_heads:
                return False
        if label == "PER" and ctx.in_title[start]:
            # a headline's capitals make verbs and nouns look like names ("AS Jatuhkan Sanksi", "Saling Tuding
            # Melanggar"): a "person" whose every word the body writes in lower case, or that is an ordinary
            # affixed word, is none
            lower = ordinary_words(doc)
            stems = self._affixed_stems(doc)
            if all(
                t.text.lower() in lower or self._common_word(t.text) or t.text.lower() in stems
                for t in doc[start:end]
            ):
                return False
        return label != "PER" or self._name_like(doc, start, end)

    def _ner_remainders(
        self,
        doc: Doc,
        ctx: _DocContext,
        start: int,
        end: int,
        label: str,
        inside: list[Cand],
        known: list[Cand],
    ) -> list[Cand]:
        covered = {i for k in inside for i in range(k.start, k.end)}
        head = normalize(doc[start].text)
        capitalised = all(_is_cap(t) or normalize(t.text) in self.data.org_connectors for t in doc[start:end])
        cut = (
            None if ctx.in_title[start] or not capitalised else self._body_person_cut(doc, start, end, inside)
        )
        if cut is not None:  # "Dinas Sosial DKI Jakarta Premi Lasari": the body, then its head
            return [
                Cand(start, cut, label, "ner", name=doc[start:cut].text),
                Cand(cut, end, "PER", "ner", name=doc[cut:end].text),
            ]
        whole_name = (
            not ctx.in_title[start]
            and start not in covered
            and (head in self.data.org_heads or head in self.data.place_heads)
            and all(_is_cap(t) or normalize(t.text) in self.data.org_connectors for t in doc[start:end])
            and all(start <= k.start and k.end <= end for k in inside)
        )
        if whole_name:  # "Universitas Indonesia", "Dinas Kesehatan Jawa Barat"
            return [Cand(start, end, label, "ner", name=doc[start:end].text)]
        out: list[Cand] = []
        i = start
        while i < end:
            if i in covered:
                i += 1
                continue
            j = i
            while j < end and j not in covered:
                j += 1
            a, b = self._trim(doc, i, j, label)
            if a < b and not ctx.in_title[a] and self._name_like(doc, a, b):
                part_label = self._retype(doc, a, b, label, known)
                after_place = any(k.end == a and k.label == "GPE" for k in inside)
                after_company = any(k.end == a and k.kind == "company" for k in inside)
                if part_label in ("GPE", "LOC") and after_place and 2 <= b - a <= 4:
                    part_label = "PER"  # "blogger militer Ukraina Taras Melnyk"
                elif part_label == "ORG" and after_company and 2 <= b - a <= 4:
                    part_label = "PER"  # "Direktur SDM PT Sinar Cakra Elektrindo Hendro Gunawan"
                if part_label is not None:
                    out.append(Cand(a, b, part_label, "ner", name=doc[a:b].text))
            i = j
        return out

    def _body_person_cut(self, doc: Doc, start: int, end: int, inside: list[Cand]) -> int | None:
        """Where a government body's name ends inside a longer span: a body scoped to a place
        ("Dinas Sosial DKI Jakarta", "Badan Pendapatan Kota Padang") ends with that place, so
        capitalised name-like words after it are its official's name, not part of the body."""
        d = self.data
        if normalize(doc[start].text) not in d.place_scoped_bodies:
            return None
        cut = max(
            (k.end for k in inside if (k.entry.type if k.entry else k.label) in ("GPE", "LOC")),
            default=None,
        )
        for k in range(start + 1, end - 1):  # "Kota Padang": a place the gazetteer lacks
            if (
                normalize(doc[k].text) in d.place_heads
                and _is_word_cap(doc[k + 1])
                and (cut is None or cut < k + 2)
            ):
                cut = k + 2
        if cut is None or cut >= end or end - cut > 4 or not self._name_like(doc, cut, end):
            return None
        if not self._person_tail(doc, cut, end):
            return None
        if end - cut == 1 and not any(t.text == doc[cut].text for t in doc if not start <= t.i < end):
            return None  # one word is a name only when the article uses it again on its own
        return cut

    def _dateline_cands(self, doc: Doc, ctx: _DocContext, cands: list[Cand]) -> list[Cand]:
        """ "JAKARTA -", "Cianjur –", "JAKARTA, 20 Agustus 2024 –" at the start of a line name a place;
        web domains ("KOMPAS.com", "cnnindonesia.com") name outlets."""
        out: list[Cand] = []
        for i, tok in enumerate(doc):
            if _DOMAIN.match(tok.text) and not any(c.start <= i < c.end for c in cands):
                entries = self.gaz.lookup(tok.text)
                entry = entries[0] if entries else None
                out.append(Cand(i, i + 1, "ORG", "heur", entry=entry, name=tok.text, kind="outlet"))
        for start in ctx.line_starts:
            end = start
            while end < len(doc) and end - start < 4 and _is_word_cap(doc[end]) and not doc[end].is_space:
                end += 1
            if end == start or end >= len(doc) or _DOMAIN.match(doc[end - 1].text):
                continue
            words = doc[start:end].text
            is_upper = words.isupper()
            if doc[end].text in _DASH_TOKENS:
                pass
            elif not (is_upper and doc[end].text == "," and self._dash_follows(doc, end)):
                continue
            covered = [c for c in cands if c.start < end and c.end > start]
            if covered:
                for c in covered:
                    c.info["dateline"] = True
                continue
            if normalize(words) in self.data.not_names:
                continue
            name = words.title() if is_upper else words
            cand = Cand(start, end, "GPE", "dateline", name=name)
            cand.info["dateline"] = True
            out.append(cand)
        return out

    @staticmethod
    def _dash_follows(doc: Doc, index: int, window: int = 8) -> bool:
        for k in range(index + 1, min(index + window, len(doc))):
            if doc[k].text in _DASH_TOKENS:
                return True
            if "\n" in doc[k].text_with_ws:
                return False
        return False

    # -------------------------------------------------------------- heuristics
    def _heuristic_cands(self, doc: Doc, ctx: _DocContext, cands: list[Cand]) -> list[Cand]:
        """Capitalised sequences outside known names, typed by their head word and context."""
        n = len(doc)
        covered = [False] * n
        for c in cands:
            if c.source != "ner":  # a longer run may repair a NER span cut short ("PT Maju" + "Sejahtera")
                for i in range(c.start, c.end):
                    covered[i] = True
        d = self.data
        parts = set(self._part_index(doc, [c for c in cands if c.label == "PER"]))
        known_orgs: list[list[str]] = []  # token texts of ORG names found so far (to split runs)
        for c in cands:
            if c.label == "ORG" and c.length >= 2 and c.source != "ner":
                known_orgs.append([normalize(t.text) for t in doc[c.start : c.end]])
        person_at: set[int] = set()
        places_at = {
            c.start: c.end
            for c in cands
            if c.entry is not None and c.entry.type == "GPE" and c.source == "gaz"
        }
        out: list[Cand] = []
        i = 0
        while i < n:
            tok = doc[i]
            if covered[i] or ctx.in_title[i] or not _is_word_cap(tok):
                if covered[i] or not tok.is_punct:
                    pass
                i += 1
                continue
            role_len = self._role_or_title_at(doc, i, n)
            if role_len:
                k = self._after_role(doc, i + role_len, covered)
                if k is not None:
                    person_at.add(k)
                i += role_len
                continue
            low = normalize(tok.text)
            headed = low in d.org_heads or low in d.place_heads or low in d.event_heads
            if not headed and (low in d.not_names or low in d.calendar):
                i += 1
                continue
            if (
                not headed
                and ctx.is_sent_start(i)
                and (self._common_word(tok.text) or self._lower_elsewhere(doc, i))
                and i not in person_at
            ):
                i += 1
                continue
            j = self._extend(doc, i, covered, headed)
            if normalize(tok.text) in d.org_heads and j in places_at and j < n:
                j = places_at[j]  # "Universitas Indonesia", "Dinas Kesehatan Jawa Barat"
            j = self._split_known_org(doc, i, j, known_orgs)
            start, end = i, j
            i = j
            label = self._type_run(doc, ctx, start, end, person_at)
            if (
                label == "LOC"
                and end < n
                and normalize(doc[end].text) in d.titles
                and self._regional_office_before(doc, start)
            ):
                label = "GPE"  # "Kapolres Lembah Hijau | AKBP Rudi Santoso": the office's area, not a valley
            if (
                label is None
                and end - start >= 2
                and end + 2 < n
                and doc[end].text == "("
                and _ACRONYM.match(doc[end + 1].text)
                and doc[end + 2].text == ")"
                and not ctx.is_sent_start(start)
            ):
                label = "ORG"  # "Platform Kesatuan Demokratik (PUD)": a name the article gives an acronym
            if label is None:
                continue
            if (
                start in person_at
                and end - start >= 2
                and _ACRONYM.match(doc[start].text)
                and normalize(doc[start].text) not in d.titles
                and self._name_like(doc, start + 1, end)
            ):  # "Ketua Umum HPPN Sutrisno Hadiwijoyo": the body's acronym, then its officer
                out.append(Cand(start, start + 1, "ORG", "heur", name=doc[start].text))
                start += 1
            cut = self._regional_cut(doc, start, end, cands)
            if cut is not None:  # "Bupati Halmahera Barat James Uang": the office's place, then its holder
                out.append(Cand(start, cut, "GPE", "heur", name=doc[start:cut].text))
                start, end = self._strip_span(doc, cut, end)  # "... AKBP Rudi Santoso": the rank is a title
                label = "PER"
            text = doc[start:end].text
            if end - start == 1 and text in parts:
                continue  # a surname of someone named in full: left to name-part coreference
            if label == "ORG" and end - start >= 2:
                known_orgs.append([normalize(t.text) for t in doc[start:end]])
            out.append(Cand(start, end, label, "heur", name=text))
        return out

    def _after_role(self, doc: Doc, k: int, covered: list[bool]) -> int | None:
        """Where the name after a role phrase starts: "Kepala BNPB Suharyanto", "juru bicara
        keamanan nasional Gedung Putih John Kirby", "Ketua Umum PSSI Erick Thohir"."""
        steps = 0
        while k < len(doc) and steps < 10:
            tok = doc[k]
            low = normalize(tok.text)
            if covered[k] or tok.text == "," or (low in self.data.role_fillers and not _is_word_cap(tok)):
                k += 1
            elif self._role_or_title_at(doc, k, len(doc)):
                k += self._role_or_title_at(doc, k, len(doc))
            else:
                break
            steps += 1
        if k < len(doc) and _is_word_cap(doc[k]) and not covered[k]:
            return k
        return None

    def _extend(self, doc: Doc, i: int, covered: list[bool], headed: bool) -> int:
        d = self.data
        n = len(doc)
        is_org = normalize(doc[i].text) in d.org_heads
        j = i + 1
        while j < n and not covered[j] and not doc[j].is_space and "\n" not in doc[j - 1].whitespace_:
            t = doc[j]
            low = normalize(t.text)
            if _is_word_cap(t):
                if low in d.calendar or (not headed and low in d.not_names):
                    break
                if not headed and self._role_or_title_at(doc, j, n):
                    break
                if headed and low in d.titles and j + 1 < n and _is_word_cap(doc[j + 1]):
                    break  # "Pelabuhan Merak | Kolonel Dodi Prasetyo": a rank opens the next name
                j += 1
            elif (
                (low in d.name_connectors or (is_org and low in d.org_connectors))
                and t.text not in ("–", "—")  # "Yusuf–Dedi": an en dash joins two people, not one name
                and j + 1 < n
                and _is_word_cap(doc[j + 1])
                and not covered[j + 1]
            ):
                j += 2
            else:
                break
        return j

    @staticmethod
    def _split_known_org(doc: Doc, i: int, j: int, known: list[list[str]]) -> int:
        """A run that starts with an organisation already named ends there ("Koalisi Rakyat Bersatu
        Bambang Sutejo" after "Koalisi Rakyat Bersatu")."""
        words = [normalize(t.text) for t in doc[i:j]]
        best = j
        for form in known:
            if len(form) < len(words) and words[: len(form)] == form:
                best = min(best, i + len(form)) if best != j else i + len(form)
        return best

    def _type_run(self, doc: Doc, ctx: _DocContext, start: int, end: int, person_at: set[int]) -> str | None:
        d = self.data
        head = normalize(doc[start].text)
        size = end - start
        if self._after_model_head(doc, start):
            return None  # "rudal Storm Shadow": a model name
        prev = doc[start - 1] if start > 0 else None
        prev_low = normalize(prev.text) if prev is not None else ""
        sent_initial = ctx.is_sent_start(start)
        if head in d.org_heads and size > 1:
            return "ORG"
        if head in d.event_heads and size > 1:
            return "EVENT"
        if head in d.place_heads and size > 1:
            return (
                "GPE" if head in d.place_patterns and d.place_patterns[head].get("type") == "GPE" else "LOC"
            )
        if _DOMAIN.match(doc[start].text):
            return "ORG"
        name_like = self._name_like(doc, start, end)
        if start in person_at or (prev is not None and prev_low in d.titles):
            acronym = all(doc[k].text.isupper() for k in range(start, end))
            return "PER" if name_like and size <= 5 and not acronym else None
        if prev_low in d.place_cues and not sent_initial and not doc[start].text.isupper():
            return "GPE" if size <= 3 else None
        if 2 <= size <= 4 and name_like and not any(doc[k].text.isupper() for k in range(start, end)):
            return "PER"
        return None

    def _name_like(self, doc: Doc, start: int, end: int) -> bool:
        """Could these tokens be a person's name? No ordinary words, roles or organisation words."""
        d = self.data
        for k in range(start, end):
            low = normalize(doc[k].text)
            if "–" in low:
                return False  # "Yusuf–Dedi": a ticket of two people, not one name
            if low in d.name_connectors:
                continue
            if "-" in low and any(
                e.type != "PER" for part in doc[k].text.split("-") if part for e in self.gaz.lookup(part)
            ):
                return False  # "Indonesia-Uni": a compound of place names, not a person
            if _PARTICLE_NAME.match(doc[k].text) and k > start:
                continue
            if (
                not _is_word_cap(doc[k])
                or low in d.role_fillers
                or low in d.org_heads
                or low in d.place_heads
            ):
                return False
            if low in d.roles and low in d.name_roles and k + 1 < end:
                continue  # "Imam Sugianto": a role word that is also a given name, opening a name
            if low in d.not_names or low in STOP_WORDS or self._common_word(doc[k].text) or low in d.roles:
                return False
            if low in d.not_person_words:
                return False
        return True

    def _affixed_stems(self, doc: Doc) -> frozenset[str]:
        """Stems of 4+ letters the article writes with a verb prefix ("jatuhkan" from "menjatuhkan", "tahan"
        from "ditahan"); computed once per document."""
        cached = doc.user_data.get(_AFFIXED_KEY)
        if cached is None:
            prefixes = self.data.inflection_prefixes
            cached = frozenset(
                w[len(p) :]
                for w in ordinary_words(doc)
                for p in prefixes
                if w.startswith(p) and len(w) - len(p) >= 4
            )
            doc.user_data[_AFFIXED_KEY] = cached
        return cast(frozenset[str], cached)

    def _common_word(self, text: str) -> bool:
        """A capitalised word that is an ordinary Indonesian word: a stop word, a listed non-name, or
        an affixed form ("Pernyataan", "Kebijakan", "Dikatakan")."""
        low = normalize(text)
        if low in self.data.not_names or low in STOP_WORDS:
            return True
        if len(low) < 6 or not low.isalpha():
            return False
        if len(low) >= 7 and any(low.startswith(p) for p in self.data.verb_prefixes):
            return True
        return any(low.startswith(p) for p in self.data.prefixes) and any(
            low.endswith(x) for x in self.data.suffixes
        )

    def _place_cands(self, doc: Doc, ctx: _DocContext, cands: list[Cand]) -> list[Cand]:
        """ "Kabupaten Demak" -> "Demak Regency", "Sungai Wulan" -> "Wulan River" (and the bare
        name stays findable for the rest of the article)."""
        out: list[Cand] = []
        d = self.data
        n = len(doc)
        for i, tok in enumerate(doc):
            pat = d.place_patterns.get(normalize(tok.text))
            if pat is None or not _is_word_cap(tok) or i + 1 >= n:
                continue
            j = self._run_end(doc, i)
            if j == i + 1:
                continue
            inner = self._longest_at(cands, i + 1)
            head = normalize(tok.text)
            if (
                inner is not None
                and inner.entry is not None
                and head in self.data.sub_region_heads
                and inner.entry.kind in ("regency", "city", "province")
            ):
                inner = None  # "Kecamatan Karanganyar" in Demak is not Karanganyar Regency: a lower level
            if pat.get("compose_known") and inner is not None and inner.end > j:
                j = inner.end  # "Pelabuhan Hodeidah": a port, airport or base named after a known place
            if (
                not pat.get("compose_known")
                and inner is not None
                and inner.entry is not None
                and inner.end >= j
            ):
                # "Kota Bandung": the listed place itself, with its head word
                cand = Cand(i, inner.end, inner.entry.type, "compose", entry=inner.entry)
                out.append(cand)
                continue
            # a person's or organisation's name can follow ("Kota Sumber Jaya Hendra Wijaya"): keep
            # the shortest run this article uses after the same head word
            cut = self._place_end(doc, i, j, cands)
            if cut < j:  # "Kabupaten Sleman Budi Santoso": the place ends where a person's name starts
                j = cut
                if inner is not None and inner.entry is not None and inner.end == j:
                    out.append(Cand(i, j, inner.entry.type, "compose", entry=inner.entry))
                    continue
            bare = doc[i + 1 : j].text
            name = str(pat["name"]).format(name=bare)
            cand = Cand(i, j, str(pat.get("type") or "GPE"), "compose", name=name, kind="place")
            cand.info["bare"] = bare
            out.append(cand)
        return out

    def _initials_cands(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """Suspects, victims and minors are named by initials: "tersangka berinisial RH (41), DS dan
        MF" or "AS (35)". An initials token after such a cue, or followed by an age in brackets, is a
        person even though it looks like an acronym (unless it is a known abbreviation)."""
        cues = self.data.initials_cues
        out: list[Cand] = []
        known = {(c.start, c.end) for c in cands if c.source == "gaz"}
        in_list = False
        for i, tok in enumerate(doc):
            low = normalize(tok.text)
            if low in cues:
                in_list = True
                continue
            if not _INITIALS.match(tok.text):
                if in_list and not (tok.is_punct or tok.like_num or low in {"dan", "serta", "atau"}):
                    in_list = False
                continue
            aged = (
                i + 3 < len(doc)
                and doc[i + 1].text == "("
                and _AGE.match(doc[i + 2].text) is not None
                and doc[i + 3].text == ")"
            )
            if in_list or (aged and (i, i + 1) not in known):
                cand = Cand(i, i + 1, "PER", "compose", name=tok.text, kind="person")
                cand.info["prefer"] = in_list  # "berinisial AS": a person, not the United States
                out.append(cand)
        return out

    def _run_end(self, doc: Doc, head: int) -> int:
        """End of the capitalised name after a head word ("Kota Sumber Jaya"). A person's name can
        follow without punctuation ("Ketua Bawaslu Kota Sumber Jaya Hendra Wijaya"), so the run is
        cut to the shortest form the article uses after the same head word elsewhere."""
        runs = self._head_runs(doc)
        key = normalize(doc[head].text)
        j = self._raw_run_end(doc, head)
        words = [normalize(t.text) for t in doc[head + 1 : j]]
        for form in runs.get(key, []):
            if len(form) < len(words) and words[: len(form)] == form:
                return head + 1 + len(form)
        return j

    def _raw_run_end(self, doc: Doc, head: int) -> int:
        d = self.data
        j = head + 1
        while (
            j < len(doc)
            and j - head <= 3
            and _is_word_cap(doc[j])
            and normalize(doc[j].text) not in d.calendar
        ):
            if normalize(doc[j].text) in d.place_patterns or "\n" in doc[j - 1].whitespace_:
                break
            if normalize(doc[j].text) in d.titles and j > head + 1:
                break  # "Pelabuhan Merak | Kolonel Dodi Prasetyo": a rank opens a person's name
            j += 1
        return j

    def _place_end(self, doc: Doc, head: int, j: int, cands: list[Cand]) -> int:
        """Cut a place run ("Kota Padang Andi Rahman") where a person's name starts: at a person the
        article already knows, or after a known place followed by name-like words."""
        person = min((c.start for c in cands if c.label == "PER" and head + 1 < c.start < j), default=None)
        if person is not None:
            return person
        places = [
            c for c in cands if c.start == head + 1 and c.entry is not None and c.entry.type in ("GPE", "LOC")
        ]
        known = max(places, key=lambda c: c.length, default=None)
        if (
            known is not None
            and known.end < j
            and j - known.end >= 2
            and self._name_like(doc, known.end, j)
            and self._person_tail(doc, known.end, j)
        ):
            return known.end
        return j

    def _person_tail(self, doc: Doc, start: int, end: int) -> bool:
        """Words after a place that are no continuation of it or of a body ("Barat", "Daya")."""
        if any(e.type != "PER" for e in self.gaz.lookup(doc[start:end].text)):
            return False
        return not any(
            e.type in ("GPE", "LOC", "ORG") for t in doc[start:end] for e in self.gaz.lookup(t.text)
        )

    def _head_runs(self, doc: Doc) -> dict[str, list[list[str]]]:
        cached = doc.user_data.get("_sorot_head_runs")
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        runs: dict[str, list[list[str]]] = {}
        heads = set(self.data.place_patterns) | self.data.branch_heads
        for i, tok in enumerate(doc):
            key = normalize(tok.text)
            if key in heads and _is_word_cap(tok):
                j = self._raw_run_end(doc, i)
                if j > i + 1:
                    form = [normalize(t.text) for t in doc[i + 1 : j]]
                    if form not in runs.setdefault(key, []):
                        runs[key].append(form)
        for forms in runs.values():
            forms.sort(key=len)
        doc.user_data["_sorot_head_runs"] = runs
        return runs

    # ------------------------------------------------------------------ resolution
    def _resolve(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """Keep non-overlapping candidates: longer first, then by source rank. A NER/heuristic span
        that only adds titles or roles around known names gives way to those names."""
        known = [c for c in cands if c.source in ("gaz", "compose")]
        kept: list[Cand] = []
        for c in cands:
            if c.source in ("ner", "heur") and c.entry is None:
                inner = [k for k in known if k.start >= c.start and k.end <= c.end and k.length < c.length]
                if inner and self._only_roles_outside(doc, c, inner):
                    continue
            kept.append(c)
        kept.sort(key=lambda c: (-c.length, -1 if c.info.get("prefer") else _RANK[c.source], c.start))
        chosen: list[Cand] = []
        for c in kept:
            if any(c.overlaps(o) for o in chosen):
                continue
            chosen.append(c)
        chosen.sort(key=lambda c: c.start)
        return chosen

    def _only_roles_outside(self, doc: Doc, cand: Cand, inner: list[Cand]) -> bool:
        covered: set[int] = set()
        for k in inner:
            covered.update(range(k.start, k.end))
        i = cand.start
        while i < cand.end:
            if i in covered:
                i += 1
                continue
            tok = doc[i]
            low = normalize(tok.text)
            if (
                tok.is_punct
                or low in self.data.titles
                or low in self.data.role_fillers
                or low in self.data.generic_org_nouns
            ):
                i += 1
                continue
            n = self._role_or_title_at(doc, i, cand.end)
            if n:
                i += n
                continue
            return False
        return True

    def _link_defined_abbreviations(self, doc: Doc, chosen: list[Cand]) -> None:
        """An unknown long form followed by a known abbreviation in brackets is that entity under its
        Indonesian name: "Pasukan Dukungan Cepat (RSF)" is the Rapid Support Forces."""
        n = len(doc)
        for c in chosen:
            if c.entry is not None or c.ref is not None or c.length < 2 or c.label == "EVENT":
                continue
            pos = c.end
            if not (pos + 2 < n and doc[pos].text == "(" and doc[pos + 2].text == ")"):
                continue
            entries = [e for e in self.gaz.abbrev_index.get(doc[pos + 1].text, []) if e.type == "ORG"]
            if not entries:
                continue
            entry = self._pick(entries)
            c.entry, c.label, c.name = entry, entry.type, None

    def _bracketed_place_aliases(self, doc: Doc, chosen: list[Cand]) -> list[Cand]:
        """A place followed by an unknown name in brackets gives its other name ("Beting Second
        Thomas (Ayungin)"): the bracketed name is the same place, here and later in the article."""
        n = len(doc)
        out: list[Cand] = []
        for c in chosen:
            if (
                c.label not in ("LOC", "GPE")
                or c.info.get("dateline")
                or c.end >= n
                or doc[c.end].text != "("
            ):
                continue
            close = next((k for k in range(c.end + 2, min(n, c.end + 6)) if doc[k].text == ")"), None)
            if close is None:
                continue
            inner = doc[c.end + 1 : close]
            if not all(_is_word_cap(t) or t.text in ("'", "’", "-") for t in inner) or inner.text.isupper():
                continue
            if normalize(inner.text) in self.data.not_names:
                continue
            inside = [o for o in chosen if o.start < close and o.end > c.end + 1]
            if any(o.entry is not None or o.ref is not None for o in inside):
                continue  # "Jeddah (Arab Saudi)": a different, known entity
            target = c.root()
            target.info.setdefault("aliases", []).append(inner.text)
            if inside:
                for o in inside:
                    o.ref, o.label = target, target.label
            else:
                out.append(Cand(c.end + 1, close, target.label, "abbr", ref=target))
        return out

    def _split_compounds(self, doc: Doc) -> None:
        """Split hyphenated compounds of known names ("Indonesia-Uni Eropa", "Korsel-Jepang") into
        their parts so each can be linked; a compound that is itself a name ("Asia-Pasifik",
        "Thomas-Greenfield") stays whole."""
        splits: list[tuple[Token, list[str]]] = []
        for tok in doc:
            text = tok.text
            if "-" not in text or not _is_word_cap(tok) or text.startswith("-") or text.endswith("-"):
                continue
            parts = text.split("-")
            if len(parts) < 2 or not all(p[:1].isupper() for p in parts) or self.gaz.lookup(text):
                continue
            nxt = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
            known = [bool(self.gaz.lookup(p)) or bool(self.gaz.lookup(f"{p} {nxt}")) for p in parts]
            if not (known[0] and any(known[1:])):
                continue
            orths: list[str] = []
            for k, part in enumerate(parts):
                if k:
                    orths.append("-")
                orths.append(part)
            splits.append((tok, orths))
        if not splits:
            return
        with doc.retokenize() as retokenizer:
            for tok, orths in splits:
                last = len(orths) - 1
                heads = [(tok, last)] * last + [tok.head if tok.head.i != tok.i else (tok, last)]
                retokenizer.split(tok, orths, heads=heads)

    def _names_with_holidays(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """ "Ahmad Ramadhan", "Rizki Ramadhan": a one-word holiday name inside a person's name the NER
        found is part of that name, unless a calendar word stands before it ("bulan Ramadhan")."""
        people = [c for c in cands if c.label == "PER" and c.source == "ner" and c.length >= 2]
        if not people:
            return cands
        return [
            c
            for c in cands
            if not (
                self._holiday_in_name(doc, c) and any(p.start <= c.start and c.end <= p.end for p in people)
            )
        ]

    def _holiday_in_name(self, doc: Doc, c: Cand) -> bool:
        """A one-word holiday name ("Ramadhan") with no calendar word before it: it may be a name."""
        return (
            c.entry is not None
            and c.entry.type == "EVENT"
            and c.length == 1
            and not (c.start > 0 and normalize(doc[c.start - 1].text) in self.data.event_context)
        )

    def _generic_event(self, doc: Doc, c: Cand) -> bool:
        """ "Perang Dingin baru" is a new cold war, not the Cold War."""
        return (
            c.label == "EVENT"
            and c.end < len(doc)
            and normalize(doc[c.end].text) in self.data.event_generic_after
        )

    # ------------------------------------------------------------------ context rules
    def _apply_metonymy(self, doc: Doc, ctx: _DocContext, chosen: list[Cand]) -> None:
        """A capital used as a place stays the city; as an actor it becomes its state."""
        for c in chosen:
            entry = c.entry
            if entry is None or not entry.metonym_of:
                continue
            if c.info.get("dateline") or self._place_context(doc, c.start, c.end):
                continue
            prev = c.start - 1
            if (
                prev >= 0
                and _is_word_cap(doc[prev])
                and not ctx.is_sent_start(prev)
                and not ctx.in_title[prev]
            ):
                continue  # the end of a longer name ("Persija Jakarta"), not the government
            state = self.gaz.get(entry.metonym_of)
            if state is None:
                continue
            c.info["metonym"] = entry.name
            c.entry = state
            c.label = state.type

    def _place_context(self, doc: Doc, start: int, end: int) -> bool:
        for phrase in self.data.place_before:
            n = len(phrase)
            if start - n >= 0 and [normalize(t.text) for t in doc[start - n : start]] == phrase:
                return True
        for phrase in self.data.place_after:
            n = len(phrase)
            if end + n <= len(doc) and [normalize(t.text) for t in doc[end : end + n]] == phrase:
                return True
        return False

    def _apply_teams(self, doc: Doc, ctx: _DocContext, chosen: list[Cand]) -> None:
        """In a sports story, a country that plays ("Indonesia ditahan imbang Bahrain 2-2",
        "menghadapi China") is its national team."""
        words = [normalize(t.text) for t in doc]
        if sum(1 for w in words if w in self._sport_doc_cues) < int(
            self.data.sports.get("min_doc_cues") or 3
        ):
            return
        sport = str(self.data.sports.get("default_sport") or "football")
        best = 0
        for kind, phrases in self._sport_kinds.items():
            hits = sum(1 for i in range(len(words)) for p in phrases if words[i : i + len(p)] == p)
            if hits > best:
                sport, best = kind, hits
        template = str(self.data.sports.get("team_name") or "{country} national {sport} team")
        for c in chosen:
            if (
                c.entry is None
                or c.entry.kind not in STATE_KINDS
                or c.info.get("dateline")
                or c.info.get("metonym")
            ):
                continue
            sent = (
                doc[c.start].sent
                if doc.has_annotation("SENT_START")
                else doc[max(0, c.start - 12) : c.end + 12]
            )
            sent_words = [normalize(t.text) for t in sent]
            if not (
                any(_SCORE.match(w) for w in sent_words)
                or any(
                    sent_words[k : k + len(p)] == p
                    for p in self._sport_sent_cues
                    for k in range(len(sent_words))
                )
            ):
                continue
            if self._place_context(doc, c.start, c.end):
                continue
            country = c.entry.name
            name = template.format(country=country, sport=sport)
            team = self.gaz.get(name)
            c.info["team_of"] = country
            c.entry = team
            c.name = name
            c.label = "ORG"
            c.kind = "team"
            c.country = None

    def _attach_nested(self, chosen: list[Cand], cands: list[Cand]) -> None:
        """The state named inside an organisation's name ("Departemen Luar Negeri AS") is also a
        mention of that state; doc.ents cannot hold it, doc.spans["sorot_mentions"] does."""
        states = [
            c for c in cands if c.source == "gaz" and c.entry is not None and c.entry.kind in STATE_KINDS
        ]
        for c in chosen:
            if c.label == "EVENT":
                # "KTT G7": the summit is the mention; the organisation inside its name is not one
                # (annotators list G7 only where the article names it on its own)
                c.nested = []
                continue
            if c.label != "ORG" or c.nested:
                continue
            for s in states:
                if c.start <= s.start and s.end <= c.end and s.length < c.length and s.end == c.end:
                    info = c.entry.to_info() if c.entry is not None else None
                    country = info.country if info is not None else c.country
                    if country == s.entry.name if s.entry is not None else False:
                        c.nested.append(s)

    def _local_aliases(self, doc: Doc, ctx: _DocContext, chosen: list[Cand]) -> list[Cand]:
        """Forms an article introduces for its own use: "Dewan Keamanan Nasional (NSC)" then "NSC";
        "Kabupaten Demak" then "Demak"/"DEMAK"; "Bawaslu Kota Sumber Jaya" then "Bawaslu"."""
        taken = {i for c in chosen for i in range(c.start, c.end)}
        exact: dict[str, Cand] = {}  # bracketed abbreviations, matched as written
        bare: dict[str, Cand] = {}  # bare place names, matched ignoring case
        for c in chosen:
            abbrev = c.info.get("abbrev")
            pos = c.end
            if abbrev is None and pos + 2 < len(doc) and doc[pos].text == "(" and doc[pos + 2].text == ")":
                tok = doc[pos + 1]
                if _is_word_cap(tok) and normalize(tok.text) not in self.data.not_names:
                    names = [doc[c.start : c.end].text, c.key_name()]
                    nickname = c.label == "PER" and tok.text[:1] == doc[c.start].text[:1]
                    # an unknown organisation's acronym may come from its name in another language
                    # ("Platform Kesatuan Demokratik (PUD)"), unless it names a place ("(AS)")
                    foreign = (
                        c.label == "ORG"
                        and c.entry is None
                        and c.length >= 2
                        and _ACRONYM.match(tok.text) is not None
                        and not any(e.type != "ORG" for e in self.gaz.abbrev_index.get(tok.text, []))
                    )
                    if _initials_match(tok.text, names) or nickname or foreign:
                        abbrev = tok.text
            if abbrev and abbrev not in exact:
                exact[abbrev] = c
                if pos + 1 < len(doc) and doc[pos + 1].text == abbrev:
                    c.info["defines"] = pos + 1
            for holder in (c, *c.nested):
                if holder.info.get("bare") and holder.entry is None:
                    bare.setdefault(normalize(holder.info["bare"]), holder)
            for alias in c.info.get("aliases") or []:
                bare.setdefault(normalize(alias), c)
        # bare body names refer to the local branch named in the same article
        branches = {c.info["branch_of"]: c for c in chosen if c.info.get("branch_of")}
        for c in chosen:
            if c.entry is not None and c.entry.name in branches and c is not branches[c.entry.name]:
                c.ref = branches[c.entry.name]
        # an abbreviation the article defines wins over the gazetteer's reading of it ("Dewan
        # Keamanan Nasional (NSC) Filipina" then "NSC" is the Philippine council, not the American one)
        for c in chosen:
            if c.length == 1 and c.entry is not None:
                definer = exact.get(doc[c.start].text)
                if definer is not None and definer is not c and definer.key_name() != c.entry.name:
                    c.ref = definer
                    c.label = definer.label
        if not exact and not bare:
            return []
        # unknown names already chosen that equal a local form join it (the "DEMAK –" dateline)
        for c in chosen:
            if c.entry is None and c.ref is None and "bare" not in c.info:
                text = doc[c.start : c.end].text
                ref = bare.get(normalize(text)) or (exact.get(text) if c.length == 1 else None)
                if ref is not None and ref is not c:
                    c.ref = ref
        out: list[Cand] = []
        i = 0
        while i < len(doc):
            if i in taken or not _is_word_cap(doc[i]):
                i += 1
                continue
            found = None
            for size in (4, 3, 2, 1):
                if i + size > len(doc) or any(k in taken for k in range(i, i + size)):
                    continue
                text = doc[i : i + size].text
                ref = bare.get(normalize(text)) or (exact.get(text) if size == 1 else None)
                if ref is None:
                    continue
                if (
                    size == 1
                    and ref is bare.get(normalize(text))
                    and ctx.is_sent_start(i)
                    and self._common_word(text)
                ):
                    continue
                found = Cand(i, i + size, ref.label, "abbr", ref=ref)
                break
            if found is None:
                i += 1
                continue
            out.append(found)
            taken.update(range(found.start, found.end))
            i = found.end
        return out

    def _name_parts(self, doc: Doc, chosen: list[Cand]) -> list[Cand]:
        """Surnames and given names of the people named in full elsewhere in the article."""
        parts = self._part_index(doc, chosen)
        if not parts:
            return []
        # a lone given name or surname the NER found on its own ("Kim", "Borrell") is that person
        for c in chosen:
            if c.entry is None and c.ref is None and c.length == 1 and c.source in ("ner", "heur"):
                same = [r for r in parts.get(doc[c.start].text, []) if r is not c]
                if same:
                    c.ref = self._nearest(same, c.start)
                    c.label = "PER"
        # "Siti Nurbaya" after "Siti Nurbaya Bakar", "Nik Nazmi" after "Nik Nazmi Nik Ahmad": the first or
        # last words of a person named in full
        full = [f for f in chosen if f.label == "PER" and f.ref is None and f.length >= 3]
        for c in chosen:
            if c.entry is not None or c.ref is not None or c.label != "PER" or c.length < 2:
                continue
            words = [t.text for t in doc[c.start : c.end]]
            for f in full:
                if f is c or f.length <= c.length:
                    continue
                names = [[t.text for t in doc[f.start : f.end]]]
                if f.entry is not None:
                    names += [f.entry.name.split(), *(a.split() for a in f.entry.aliases_id)]
                if any(len(n) > len(words) and words in (n[: len(words)], n[-len(words) :]) for n in names):
                    c.ref = f
                    break
        # "kata Ramadhan" after "Brigjen Ahmad Ramadhan": a holiday's name that is this person's name
        for c in chosen:
            if (
                c.ref is None
                and self._holiday_in_name(doc, c)
                and any(r.start < c.start for r in parts.get(doc[c.start].text, []) if r is not c)
            ):
                c.ref = self._nearest([r for r in parts[doc[c.start].text] if r.start < c.start], c.start)
                c.entry = None
                c.label = "PER"
        # "(Vladimir)" tagged on its own by the NER before "Putin"
        for c in chosen:
            if (
                c.entry is None
                and c.length == 1
                and c.source in ("ner", "heur")
                and c.start >= 1
                and c.end + 1 < len(doc)
                and doc[c.start - 1].text == "("
                and doc[c.end].text == ")"
                and doc[c.start].text in parts
                and any(o.start == c.end + 1 and o.label == "PER" for o in chosen)
            ):
                c.info["drop"] = True
        chosen[:] = [c for c in chosen if not c.info.get("drop")]
        taken = {i for c in chosen for i in range(c.start, c.end)}
        for c in chosen:  # "(Vladimir) Putin" when "Putin" itself is listed
            i = c.start
            if (
                c.label == "PER"
                and i >= 3
                and doc[i - 1].text == ")"
                and doc[i - 3].text == "("
                and doc[i - 2].text in parts
                and not any(k in taken for k in range(i - 3, i))
            ):
                c.start = i - 3
                taken.update(range(i - 3, i))
        out: list[Cand] = []
        for i, tok in enumerate(doc):
            if i in taken:
                continue
            refs = parts.get(tok.text)
            if not refs:
                continue
            if (
                i + 1 < len(doc)
                and _is_word_cap(doc[i + 1])
                and doc[i + 1].text not in parts
                and i + 1 not in taken
            ):
                continue  # "Kim Yo Jong" is not "Kim" of "Kim Jong Un"
            ref = self._nearest(refs, i)
            start = i
            # "(Vladimir) Putin": the bracketed given name belongs to the mention
            if (
                i >= 3
                and doc[i - 1].text == ")"
                and doc[i - 3].text == "("
                and doc[i - 2].text in parts
                and i - 3 not in taken
                and i - 2 not in taken
            ):
                start = i - 3
            out.append(Cand(start, i + 1, "PER", "coref", ref=ref))
            taken.update(range(start, i + 1))
        return out

    def _part_index(self, doc: Doc, cands: list[Cand]) -> dict[str, list[Cand]]:
        """First and last words of the full names of people -> the mentions that carry them."""
        parts: dict[str, list[Cand]] = {}
        for c in cands:
            if c.label != "PER" or c.ref is not None or c.source in ("abbr", "coref"):
                continue
            names = [doc[c.start : c.end].text]
            if c.entry is not None:
                names += [c.entry.name, *c.entry.aliases_id, *c.entry.aliases_en]
            for full in names:
                words = [w for w in re.split(r"[\s\-]+", full) if w]
                if len(words) < 2:
                    continue
                for w in (words[0], words[-1]):
                    if len(w) >= 3 and w[0].isupper() and normalize(w) not in self.data.not_names:
                        bucket = parts.setdefault(w, [])
                        if c not in bucket:
                            bucket.append(c)
        return parts

    @staticmethod
    def _nearest(refs: list[Cand], index: int) -> Cand:
        before = [r for r in refs if r.start < index]
        if before:
            return max(before, key=lambda r: r.start)
        return min(refs, key=lambda r: r.start)

    # ------------------------------------------------------------------ output
    def _finish(self, doc: Doc, chosen: list[Cand]) -> None:
        entities: dict[str, EntityInfo] = {}
        spans: list[Span] = []
        all_spans: list[Span] = []

        def register(c: Cand) -> EntityInfo:
            base = c.root()
            info = self._info_for(doc, base)
            if info.id in entities:
                return entities[info.id]
            entities[info.id] = info
            return info

        for c in chosen:
            info = register(c)
            c.info["id"] = info.id
            span = Span(doc, c.start, c.end, label=info.type, kb_id=info.id)
            spans.append(span)
            all_spans.append(span)
            for inner in c.nested:
                inner_info = register(inner)
                all_spans.append(
                    Span(doc, inner.start, inner.end, label=inner_info.type, kb_id=inner_info.id)
                )
        self._context_roles(doc, chosen, entities)
        doc.ents = spans
        doc.spans[MENTIONS_KEY] = sorted(all_spans, key=lambda s: (s.start, -len(s)))
        doc._.entities = entities
        doc._.cited_outlets = self._cited_outlets(doc, chosen, entities)

    def _info_for(self, doc: Doc, c: Cand) -> EntityInfo:
        if c.entry is not None:
            return c.entry.to_info()
        name = c.name or doc[c.start : c.end].text
        label = c.label if c.label in ENTITY_TYPES else "ORG"
        kind = c.kind or ("person" if label == "PER" else None)
        words = name.split()
        if (
            kind is None
            and label == "ORG"
            and words
            and (words[0] in self.data.company_prefixes or words[-1] in self.data.company_suffixes)
        ):
            kind = "company"  # "PT X" found by the model (in a headline, say) is a company all the same
        return EntityInfo(id=project_id(name), name=name, type=label, kind=kind, country=c.country)

    def _context_roles(self, doc: Doc, chosen: list[Cand], entities: dict[str, EntityInfo]) -> None:
        """Roles and affiliations written next to a person ("juru bicara Departemen Luar Negeri AS
        Ned Price") become attributes of that person, unless the gazetteer already knows them."""
        by_start = {c.start: c for c in chosen}
        by_end = {c.end: c for c in chosen}
        for c in chosen:
            if c.label != "PER" or c.ref is not None:
                continue
            info = entities.get(c.info.get("id", ""))
            if info is None:
                continue
            role, affs, country = self._role_before(doc, c, by_end)
            if role is None:
                role, affs, country = self._role_after(doc, c, by_start)
            if role is None:
                continue
            if c.entry is not None and c.entry.roles:
                continue
            if role not in info.roles:
                info.roles.append(role)
            for aff in affs:
                if aff not in info.affiliations:
                    info.affiliations.append(aff)
            if info.country is None and country:
                info.country = country

    def _role_window(
        self, doc: Doc, start: int, end: int, ents: dict[int, Cand]
    ) -> tuple[str | None, list[str], str | None]:
        role: str | None = None
        modifier: str | None = None
        affs: list[str] = []
        country: str | None = None
        i = start
        while i < end:
            c = ents.get(i)
            if c is not None:
                base = c.root()
                ent_info = base.entry.to_info() if base.entry is not None else None
                if c.label == "ORG":
                    affs.append(base.key_name())
                    country = country or (ent_info.country if ent_info else base.country)
                elif c.label == "GPE":
                    country = country or (ent_info.actor() if ent_info else base.key_name())
                i = c.end
                continue
            n = 0
            for k in range(min(self.data.max_role_len, end - i), 0, -1):
                if any(i + x in ents for x in range(1, k)):
                    continue  # "Kepala | Dinas Pekerjaan Umum ...": a role never swallows the body's first word
                if normalize(doc[i : i + k].text) in self.data.roles:
                    n = k
                    break
            if n:
                phrase = normalize(doc[i : i + n].text)
                found = self.data.roles[phrase]
                if phrase in self.data.office_bodies:
                    body = self._office_body(self.data.office_bodies[phrase], ents.get(i + n))
                    if body is not None:  # "Kapolda Jawa Timur ...": the regional police, in Indonesia
                        affs.append(body[0])
                        country = country or body[1]
                        ents = {k: e for k, e in ents.items() if k != i + n}  # the place is the body's
                        i += n
                        role = role or found
                        continue
                if phrase in self.data.role_modifiers:
                    modifier = found if modifier is None else modifier
                elif role is None:
                    role = found
                i += n
                continue
            i += 1
        if modifier is not None:
            role = f"{modifier} {role}" if role is not None else modifier
        return role, affs, country

    def _office_body(self, phrase: str, place: Cand | None) -> tuple[str, str | None] | None:
        """(name, state) of the body the 'bodies' template for ``phrase`` ("polda") composes with the place
        after an office ("Kapolda Jawa Timur" -> East Java Regional Police), when the place is of a kind
        the template takes."""
        if place is None or place.label != "GPE":
            return None
        entry = place.root().entry
        if entry is None:
            return None
        for body in self.data.bodies:
            if phrase not in {normalize(str(p)) for p in body.get("phrases") or ()}:
                continue
            if entry.kind not in {str(k) for k in body.get("kinds") or ()}:
                return None
            name = self._with_country(str(body["name"]), entry.name)
            known = self.gaz.get(name)
            return (known.name if known else name), str(body.get("country") or entry.country or "") or None
        return None

    def _role_before(
        self, doc: Doc, c: Cand, by_end: dict[int, Cand]
    ) -> tuple[str | None, list[str], str | None]:
        i = c.start
        if i > 0 and doc[i - 1].text == ",":
            i -= 1
        ents_by_start: dict[int, Cand] = {}
        role_words = {w for r in self.data.roles for w in r.split()}
        steps = 0
        while i > 0 and steps < 12:
            prev = by_end.get(i)
            if prev is not None and prev.label in ("ORG", "GPE"):
                ents_by_start[prev.start] = prev
                i = prev.start
                steps += 1
                continue
            tok = doc[i - 1]
            low = normalize(tok.text)
            bracketed = by_end.get(i - 1)
            if (
                tok.text == ")"
                and i >= 3
                and doc[i - 3].text == "("
                and (
                    _ACRONYM.match(doc[i - 2].text)
                    or (
                        bracketed is not None and bracketed.root().label == "ORG" and bracketed.start == i - 2
                    )
                )
            ):
                i -= 3  # "Ketua Serikat Pekerja X (SPX) Agus": the body's acronym between body and officer
                steps += 1
                continue
            if tok.is_punct or tok.is_space or prev is not None:
                break
            if (
                low in self.data.role_fillers
                or low in role_words
                or low in self.data.member_of
                or low in self.data.titles  # "Kapolda Jawa Timur Irjen Imam Sugianto": a rank between
            ):
                i -= 1
                steps += 1
                continue
            break
        if i == c.start:
            return None, [], None
        return self._role_window(doc, i, c.start, ents_by_start)

    def _role_after(
        self, doc: Doc, c: Cand, by_start: dict[int, Cand]
    ) -> tuple[str | None, list[str], str | None]:
        if c.end + 1 >= len(doc) or doc[c.end].text != ",":
            return None, [], None
        i = c.end + 1
        if not self._role_or_title_at(doc, i, len(doc)):
            return None, [], None
        j = i
        ents: dict[int, Cand] = {}
        while j < len(doc) and j - i < 12:
            nxt = by_start.get(j)
            if nxt is not None and nxt.label in ("ORG", "GPE"):
                ents[j] = nxt
                j = nxt.end
                continue
            if doc[j].is_punct or doc[j].is_space or nxt is not None:
                break
            j += 1
        return self._role_window(doc, i, j, ents)

    def _cited_outlets(self, doc: Doc, chosen: list[Cand], entities: dict[str, EntityInfo]) -> list[str]:
        """Outlets the article credits: an outlet mention right after a credit cue ("melansir",
        "dikutip kantor berita", "Menurut laporan") or right before a reporting verb."""
        own = None
        meta = doc._.meta or {}
        if isinstance(meta, dict) and meta.get("outlet"):
            own = normalize(str(meta["outlet"]))
        out: list[str] = []
        for c in chosen:
            info = entities.get(c.info.get("id", ""))
            text = doc[c.start : c.end].text
            if info is None or info.type != "ORG" or c.info.get("dateline"):
                continue
            if info.kind not in OUTLET_KINDS and not _DOMAIN.match(text):
                continue
            if not self._credited(doc, c.start, c.end):
                continue
            name = text if _DOMAIN.match(text) else info.name
            if own and own in (normalize(name), normalize(info.name)):
                continue  # the article's own outlet, not a credit
            if name not in out:
                out.append(name)
        return out

    def _credited(self, doc: Doc, start: int, end: int) -> bool:
        d = self.data
        i = start
        skipped = 0
        while True:
            for phrase in d.outlet_before:
                n = len(phrase)
                if i - n >= 0 and [normalize(t.text) for t in doc[i - n : i]] == phrase:
                    return True
            if i > 0 and normalize(doc[i - 1].text) in d.outlet_fillers and skipped < d.outlet_window:
                i -= 1
                skipped += 1
                continue
            break
        if (
            start >= 2
            and end < len(doc) - 1
            and doc[start - 1].text == "("
            and doc[end].text == ")"
            and doc[end + 1].text in ("-", "–", "—")
            and doc[start - 2].text.isupper()
        ):
            return True  # "SANAA (ANTARA) –": a wire dateline credits the agency
        j = end
        while j < len(doc) and ((doc[j].is_punct and doc[j].text not in ".!?") or doc[j].is_space):
            j += 1
        return j < len(doc) and normalize(doc[j].text) in d.outlet_after


@lru_cache(maxsize=1)
def _credit_line_pattern() -> re.Pattern[str]:
    """The credit-line cue words of ``linker.yaml`` (outlet_cues.credit_line) as one pattern."""
    cues = (load_linker_data().raw.get("outlet_cues") or {}).get("credit_line") or []
    words = sorted((str(c) for c in cues), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in cue.split()) for cue in words)
    return re.compile(rf"(?i)\b(?:{alternatives})\s*:?\s*([^\s()]+(?:\s[^\s()]+){{0,3}})")


def credited_outlet(text: str, gazetteer: Gazetteer | None = None) -> str | None:
    """The outlet a removed credit line names ("(sumber: cnnindonesia.com)", "Sumber: Reuters"), so
    the cleaner's removed pieces still count as credits: the domain as written, else the canonical
    name of a listed outlet."""
    m = _credit_line_pattern().search(text)
    if not m:
        return None
    found = m.group(1).strip(" .,;)")
    for token in found.split():
        if _DOMAIN.match(token.strip(" .,;)")):
            return token.strip(" .,;)")
    gaz = gazetteer or load_gazetteer()
    words = found.split()
    for size in range(len(words), 0, -1):
        for entry in gaz.lookup(" ".join(words[:size])):
            if entry.kind in OUTLET_KINDS:
                return entry.name
    return None


class _DocContext:
    """Per-document facts the rules share: line and sentence starts, headline-style lines."""

    def __init__(self, doc: Doc) -> None:
        n = len(doc)
        self.line_starts: list[int] = []
        self.sent_starts: set[int] = set()
        new_line = True
        for i, tok in enumerate(doc):
            if tok.is_space:
                if "\n" in tok.text:
                    new_line = True
                continue
            if new_line:
                self.line_starts.append(i)
                self.sent_starts.add(i)
                new_line = False
            if "\n" in tok.whitespace_:
                new_line = True
        if doc.has_annotation("SENT_START"):
            for i, tok in enumerate(doc):
                if tok.is_sent_start:
                    self.sent_starts.add(i)
        else:
            for i, tok in enumerate(doc[:-1]):
                if tok.text in (".", "!", "?"):
                    self.sent_starts.add(i + 1)
        # an opening quote or bracket does not stop a sentence start
        for i in sorted(self.sent_starts):
            j = i
            while j < n and doc[j].text in _QUOTE_OPEN:
                j += 1
                self.sent_starts.add(j)
        self.in_title = [False] * n
        starts = sorted({*self.line_starts, *self.sent_starts, n})
        for a, b in zip(starts, starts[1:], strict=False):
            words = [t for t in doc[a:b] if t.is_alpha]
            ends_sentence = any(t.text in (".", "!", "?") for t in doc[a:b][-3:])
            if 3 <= len(words) <= 24:
                caps = sum(1 for t in words if t.text[:1].isupper())
                if (
                    (caps / len(words) >= 0.85 and len(words) >= 8)
                    if ends_sentence
                    else caps / len(words) >= 0.6
                ):
                    for k in range(a, b):
                        self.in_title[k] = True

    def is_sent_start(self, i: int) -> bool:
        return i in self.sent_starts


@Language.factory(
    "sorot_linker",
    default_config={"gazetteer_paths": [], "use_ner": True, "heuristics": "always", "linker_data": None},
)
def make_sorot_linker(
    nlp: Language,
    name: str,
    gazetteer_paths: list[str],
    use_ner: bool,
    heuristics: str,
    linker_data: str | None,
) -> EntityLinker:
    """spaCy factory: ``nlp.add_pipe("sorot_linker", config={"gazetteer_paths": ["my.yaml"]})``."""
    return EntityLinker(
        nlp,
        name,
        gazetteer_paths=gazetteer_paths,
        use_ner=use_ner,
        heuristics=heuristics,
        linker_data=linker_data,
    )
