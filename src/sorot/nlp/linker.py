"""``sorot_linker``: find the named actors of an article and give each one canonical identity.

Runs after the statistical NER (when the pipeline has one) and combines four sources of evidence:

1. the gazetteer (``sorot.nlp.gazetteer``), matched with spaCy ``PhraseMatcher``\\s — names and
   aliases ignoring case (but a capitalised alias must start capitalised in the text), abbreviations
   exactly as written, because "AS" (United States) is also a common word;
2. composition patterns from ``sorot/data/linker.yaml``: "<ministry/body> <country>" ("Kementerian
   Pertahanan Rusia" -> "Ministry of Defence of Russia") and "<summit word> <organisation>" ("KTT
   NATO" -> "NATO summit"), so bodies link even when the exact phrase is not listed;
3. the trained NER's ``doc.ents`` (labels mapped through ``label_map``), for names nobody listed;
4. without a trained NER, capitalisation heuristics (datelines, web domains, name-like sequences).

Then, within the document: metonymy (a capital acting or speaking is its state, "di/ke Pyongyang" is
the city), abbreviations defined in brackets ("Dewan Keamanan Nasional (NSC)"), name parts of people
("Presiden Rusia Vladimir Putin" ... "Putin", "(Vladimir) Putin"), titles stripped from names and
roles kept as attributes, and the outlets the article credits (``doc._.cited_outlets``).

Entities the gazetteer does not know get the project id ``sorot:<slug of the name>`` so the same
unknown person is one entity across articles. Mention spans stay on ``doc.ents`` (kb_id_ = id).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.lang.id.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from sorot.nlp.extensions import EntityInfo, register_extensions
from sorot.nlp.gazetteer import GazEntry, Gazetteer, load_gazetteer, normalize, project_id

LINKER_DATA = Path(__file__).resolve().parents[1] / "data" / "linker.yaml"
ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "NORP", "EVENT")
OUTLET_KINDS = ("outlet", "news_agency")

# Ranks break ties between candidates of equal length: lower wins.
_RANK = {"gaz": 0, "compose": 1, "abbr": 2, "ner": 3, "heur": 4, "coref": 5}
_DOMAIN = re.compile(
    r"^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)*\.(com|co\.id|id|net|org|tv|news|co\.uk|co)$", re.I
)
_DASH_TOKENS = {"-", "\u2013", "\u2014", "--"}
_PUNCT_EDGE = set("\"'“”‘’()[],.:;!?")


def _lower_set(values: Iterable[Any]) -> set[str]:
    return {normalize(str(v)) for v in values}


@dataclass
class LinkerData:
    """The lexicons of ``linker.yaml`` in the shapes the linker uses."""

    label_map: dict[str, str]
    titles: set[str]
    roles: dict[str, str]
    role_fillers: set[str]
    place_before: list[list[str]]
    place_after: list[list[str]]
    bodies: list[dict[str, Any]]
    event_patterns: list[dict[str, Any]]
    event_generic_after: set[str]
    outlet_before: list[list[str]]
    outlet_fillers: set[str]
    outlet_after: set[str]
    outlet_window: int
    not_names: set[str]
    org_heads: set[str]
    place_heads: set[str]
    place_cues: set[str]
    name_connectors: set[str]
    org_connectors: set[str]
    ambiguous: set[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    max_role_len: int = 1

    @classmethod
    def load(cls, path: str | Path = LINKER_DATA) -> LinkerData:
        """Read ``linker.yaml`` (or a replacement file with the same keys)."""
        with Path(path).open(encoding="utf-8") as fh:
            raw = yaml.safe_load(fh)
        roles = {normalize(k): v for k, v in (raw.get("roles") or {}).items()}
        meto = raw.get("metonymy") or {}
        cues = raw.get("outlet_cues") or {}

        def phrases(values: Iterable[str]) -> list[list[str]]:
            return sorted(
                ([w for w in normalize(v).replace(",", " , ").split()] for v in values),
                key=len,
                reverse=True,
            )

        return cls(
            label_map={str(k): str(v) for k, v in (raw.get("label_map") or {}).items()},
            titles=_lower_set(raw.get("titles") or []),
            roles=roles,
            role_fillers=_lower_set(raw.get("role_fillers") or []),
            place_before=phrases(meto.get("place_before") or []),
            place_after=phrases(meto.get("place_after") or []),
            bodies=list(raw.get("bodies") or []),
            event_patterns=list(raw.get("event_patterns") or []),
            event_generic_after=_lower_set(raw.get("event_generic_after") or []),
            outlet_before=phrases(cues.get("before") or []),
            outlet_fillers=_lower_set(cues.get("fillers") or []),
            outlet_after=_lower_set(cues.get("after") or []),
            outlet_window=int(cues.get("window") or 3),
            not_names=_lower_set(raw.get("not_names") or []),
            org_heads=_lower_set(raw.get("org_heads") or []),
            place_heads=_lower_set(raw.get("place_heads") or []),
            place_cues=_lower_set(raw.get("place_cues") or []),
            name_connectors=_lower_set(raw.get("name_connectors") or []),
            org_connectors=_lower_set(raw.get("org_connectors") or []),
            ambiguous=_lower_set(raw.get("ambiguous") or []),
            prefixes=tuple((raw.get("common_word_affixes") or {}).get("prefixes") or ()),
            suffixes=tuple((raw.get("common_word_affixes") or {}).get("suffixes") or ()),
            max_role_len=max((len(k.split()) for k in roles), default=1),
        )


@lru_cache(maxsize=4)
def load_linker_data(path: str = str(LINKER_DATA)) -> LinkerData:
    """Cached :meth:`LinkerData.load`."""
    return LinkerData.load(path)


@dataclass
class Cand:
    """A candidate mention: token span, type, and what it refers to."""

    start: int
    end: int
    label: str
    source: str
    entry: GazEntry | None = None
    name: str | None = None  # canonical name when no gazetteer entry (composed or unknown)
    kind: str | None = None
    country: str | None = None
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Cand) -> bool:
        return self.start < other.end and other.start < self.end

    def key_name(self) -> str:
        return self.entry.name if self.entry is not None else (self.name or "")


def _is_cap(token: Token) -> bool:
    text = token.text
    return bool(text) and (text[0].isupper() or text[0].isdigit())


def _is_word_cap(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)


class EntityLinker:
    """The ``sorot_linker`` pipeline component (see the module docstring for what it does)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "sorot_linker",
        gazetteer_paths: Sequence[str] = (),
        use_ner: bool = True,
        heuristics: str = "auto",
        gazetteer: Gazetteer | None = None,
        linker_data: str | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.nlp = nlp
        self.gazetteer_paths = list(gazetteer_paths)
        self.use_ner = use_ner
        self.heuristics = heuristics  # "auto" (only without a trained NER), "always", "never"
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
        self.body_matcher = PhraseMatcher(vocab, attr="LOWER")
        for i, body in enumerate(self.data.bodies):
            self.body_matcher.add(f"body{i}", [make(p) for p in body.get("phrases") or []])
        self.event_matcher = PhraseMatcher(vocab, attr="LOWER")
        for i, pat in enumerate(self.data.event_patterns):
            self.event_matcher.add(f"event{i}", [make(p) for p in pat.get("phrases") or []])

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        ner_ents = list(doc.ents) if self.use_ner else []
        has_ner = self.use_ner and any(p in ("ner", "beam_ner") for p in self.nlp.pipe_names)
        ctx = _DocContext(doc)
        cands = self._gazetteer_cands(doc, ctx)
        cands += self._composed_cands(doc, cands)
        cands += self._event_cands(doc, cands)
        cands += self._ner_cands(doc, ner_ents, cands)
        cands += self._dateline_cands(doc, ctx, cands)
        if self.heuristics == "always" or (self.heuristics == "auto" and not has_ner and not ner_ents):
            cands += self._heuristic_cands(doc, ctx, cands)
        chosen = self._resolve(doc, cands)
        chosen = self._drop_generic_events(doc, chosen)
        self._apply_metonymy(doc, ctx, chosen)
        chosen += self._bracket_abbreviations(doc, chosen)
        chosen += self._name_parts(doc, ctx, chosen)
        chosen.sort(key=lambda c: c.start)
        self._finish(doc, chosen)
        return doc

    # ------------------------------------------------------------------ candidates
    def _gazetteer_cands(self, doc: Doc, ctx: _DocContext) -> list[Cand]:
        out: list[Cand] = []
        strings = doc.vocab.strings
        for match_id, start, end in self.alias_matcher(doc):
            key = strings[match_id]
            span = doc[start:end]
            if not self._lower_ok.get(key, False) and not _is_cap(span[0]):
                continue
            if key in self.data.ambiguous and (ctx.is_sent_start(start) or ctx.in_title[start]):
                continue
            entries = self.gaz.alias_index.get(key) or []
            if not entries:
                continue
            entry = self._pick(entries, doc, start)
            out.append(Cand(start, end, entry.type, "gaz", entry=entry))
        for match_id, start, end in self.abbrev_matcher(doc):
            key = strings[match_id]
            if normalize(key) in self.data.ambiguous and (ctx.is_sent_start(start) or ctx.in_title[start]):
                continue
            entries = self.gaz.abbrev_index.get(key) or []
            if not entries:
                continue
            entry = self._pick(entries, doc, start)
            out.append(Cand(start, end, entry.type, "gaz", entry=entry))
        return out

    def _pick(self, entries: list[GazEntry], doc: Doc, start: int) -> GazEntry:
        """Several entities share a name: prefer a sovereign state, then the first listed."""
        if len(entries) == 1:
            return entries[0]
        for kind in ("country", "igo", "outlet", "news_agency"):
            for e in entries:
                if e.kind == kind:
                    return e
        return entries[0]

    def _country_at(self, cands: list[Cand], index: int) -> Cand | None:
        """The longest gazetteer country/territory candidate starting at token ``index``."""
        best: Cand | None = None
        for c in cands:
            if c.start == index and c.entry is not None and c.entry.kind in ("country", "territory", "igo"):
                if best is None or c.length > best.length:
                    best = c
        return best

    def _composed_cands(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        out: list[Cand] = []
        strings = doc.vocab.strings
        seen_bodies: dict[int, str] = {}
        for match_id, start, end in sorted(self.body_matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            if not _is_word_cap(doc[start]):
                continue
            body_index = int(strings[match_id][4:])
            body = self.data.bodies[body_index]
            after = end
            abbrev: str | None = None
            if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
                abbrev = doc[after + 1].text
                after += 3
            country_cand = self._country_at(cands, after)
            if country_cand is not None and country_cand.entry is not None:
                country = country_cand.entry.name
                if country_cand.entry.kind == "igo":
                    continue
                span_end = country_cand.end if abbrev is None else end
            else:
                country = seen_bodies.get(body_index) or body.get("default_country")
                if not country:
                    continue
                span_end = end
            name = (body.get("override") or {}).get(country) or str(body["name"]).format(country=country)
            seen_bodies[body_index] = country
            entry = self.gaz.get(name)
            cand = Cand(
                start, span_end, "ORG", "compose", entry=entry, name=name, kind="ministry", country=country
            )
            if abbrev:
                cand.info["abbrev"] = abbrev
            out.append(cand)
        return out

    def _event_cands(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        out: list[Cand] = []
        strings = doc.vocab.strings
        for match_id, start, end in self.event_matcher(doc):
            pat = self.data.event_patterns[int(strings[match_id][5:])]
            org = None
            for c in cands:
                if c.start == end and c.entry is not None and c.entry.type in ("ORG", "GPE"):
                    if org is None or c.length > org.length:
                        org = c
            if org is None or org.entry is None:
                continue
            name = str(pat["name"]).format(org=org.entry.name)
            out.append(
                Cand(start, org.end, "EVENT", "compose", entry=self.gaz.get(name), name=name, kind="event")
            )
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
        return start, end

    def _role_or_title_at(self, doc: Doc, start: int, limit: int) -> int:
        """Length of a title or role phrase starting at ``start`` (0 if none)."""
        for n in range(min(self.data.max_role_len, limit - start), 0, -1):
            phrase = normalize(doc[start : start + n].text)
            if phrase in self.data.roles or phrase in self.data.titles:
                return n
        return 0

    def _ner_cands(self, doc: Doc, ents: list[Span], cands: list[Cand]) -> list[Cand]:
        out: list[Cand] = []
        for ent in ents:
            label = self.data.label_map.get(ent.label_)
            if label is None:
                continue
            start, end = self._strip_span(doc, ent.start, ent.end)
            if start >= end:
                continue
            text = doc[start:end].text
            if end - start == 1 and normalize(text) in self.data.not_names:
                continue
            entries = self.gaz.lookup(text)
            if entries:
                entry = self._pick(entries, doc, start)
                out.append(Cand(start, end, entry.type, "ner", entry=entry))
                continue
            out.append(Cand(start, end, label, "ner", name=text))
        return out

    def _dateline_cands(self, doc: Doc, ctx: _DocContext, cands: list[Cand]) -> list[Cand]:
        """ "JAKARTA -", "Cianjur –" at the start of a line name a place; "KOMPAS.com," an outlet."""
        out: list[Cand] = []
        for i, tok in enumerate(doc):
            if _DOMAIN.match(tok.text):
                entries = self.gaz.lookup(tok.text)
                entry = entries[0] if entries else None
                out.append(Cand(i, i + 1, "ORG", "heur", entry=entry, name=tok.text, kind="outlet"))
        for start in ctx.line_starts:
            end = start
            while end < len(doc) and end - start < 4 and _is_word_cap(doc[end]) and not doc[end].is_space:
                end += 1
            if end == start or end >= len(doc):
                continue
            if doc[end].text not in _DASH_TOKENS:
                continue
            if _DOMAIN.match(doc[end - 1].text):
                continue
            covered = [c for c in cands if c.start < end and c.end > start]
            if covered:
                for c in covered:
                    c.info["dateline"] = True
                continue
            words = doc[start:end].text
            if normalize(words) in self.data.not_names:
                continue
            name = words.title() if words.isupper() else words
            entries = self.gaz.lookup(words)
            entry = entries[0] if entries else None
            cand = Cand(start, end, "GPE", "heur", entry=entry, name=name)
            cand.info["dateline"] = True
            out.append(cand)
        return out

    def _heuristic_cands(self, doc: Doc, ctx: _DocContext, cands: list[Cand]) -> list[Cand]:
        """Capitalised sequences outside known names, typed by their head word and context."""
        covered = [False] * len(doc)
        for c in cands:
            for i in range(c.start, c.end):
                covered[i] = True
        out: list[Cand] = []
        d = self.data
        parts = set(self._part_index(doc, [c for c in cands if c.label == "PER"]))
        i = 0
        n = len(doc)
        while i < n:
            tok = doc[i]
            if covered[i] or ctx.in_title[i] or not _is_word_cap(tok):
                i += 1
                continue
            role_len = self._role_or_title_at(doc, i, n)
            if role_len:
                i += role_len
                continue
            if normalize(tok.text) in d.not_names:
                i += 1
                continue
            if ctx.is_sent_start(i) and self._common_word(tok.text):
                i += 1
                continue
            j = i + 1
            is_org = normalize(tok.text) in d.org_heads
            while j < n and not covered[j] and not doc[j].is_space:
                t = doc[j]
                low = normalize(t.text)
                if _is_word_cap(t) and low not in d.not_names:
                    j += 1
                elif (
                    (low in d.name_connectors or (is_org and low in d.org_connectors))
                    and j + 1 < n
                    and _is_word_cap(doc[j + 1])
                    and not covered[j + 1]
                ):
                    j += 2
                else:
                    break
            start, end = i, j
            i = j
            text = doc[start:end].text
            prev = doc[start - 1] if start > 0 else None
            prev_low = normalize(prev.text) if prev is not None else ""
            sent_initial = ctx.is_sent_start(start)
            head = normalize(doc[start].text)
            label: str | None = None
            if head in d.org_heads and end - start > 1:
                label = "ORG"
            elif head in d.place_heads and end - start > 1:
                label = "GPE" if head in ("kota", "kabupaten", "provinsi", "negara bagian") else "LOC"
            elif prev is not None and (prev_low in d.titles or self._ends_with_role(doc, start)):
                label = "PER"
            elif prev_low in d.place_cues and not sent_initial:
                label = "GPE"
            elif (
                end - start >= 2
                and not sent_initial
                and all(doc[k].text[:1].isupper() and not doc[k].text.isupper() for k in range(start, end))
            ):
                label = "PER"
            elif (
                end - start >= 2
                and sent_initial
                and all(
                    doc[k].text[:1].isupper() and not doc[k].text.isupper() for k in range(start + 1, end)
                )
                and end - start <= 4
            ):
                label = "PER"
            if label is None:
                continue
            if end - start == 1 and text in parts:
                continue  # a surname of someone named in full: left to name-part coreference
            out.append(Cand(start, end, label, "heur", name=text))
        return out

    def _common_word(self, text: str) -> bool:
        """A capitalised word at a sentence start that is an ordinary Indonesian word: a stop word, a
        listed non-name, or an affixed form ("Pernyataan", "Menurut", "Dikatakan")."""
        low = normalize(text)
        if low in self.data.not_names or low in STOP_WORDS:
            return True
        if len(low) < 6:
            return False
        return any(low.startswith(p) for p in self.data.prefixes) and any(
            low.endswith(x) for x in self.data.suffixes
        )

    def _ends_with_role(self, doc: Doc, start: int) -> bool:
        """Is the name at ``start`` preceded by a role noun ("kata juru bicara ...", "Presiden")?"""
        for n in range(min(self.data.max_role_len, start), 0, -1):
            if normalize(doc[start - n : start].text) in self.data.roles:
                return True
        return False

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
        kept.sort(key=lambda c: (-c.length, _RANK[c.source], c.start))
        chosen: list[Cand] = []
        for c in kept:
            if any(c.overlaps(o) for o in chosen):
                continue
            chosen.append(c)
        chosen.sort(key=lambda c: c.start)
        return chosen

    def _only_roles_outside(self, doc_tokens: Doc, cand: Cand, inner: list[Cand]) -> bool:
        covered = set()
        for k in inner:
            covered.update(range(k.start, k.end))
        i = cand.start
        while i < cand.end:
            if i in covered:
                i += 1
                continue
            tok = doc_tokens[i]
            low = normalize(tok.text)
            if tok.is_punct or low in self.data.titles or low in self.data.role_fillers:
                i += 1
                continue
            n = self._role_or_title_at(doc_tokens, i, cand.end)
            if n:
                i += n
                continue
            return False
        return True

    def _drop_generic_events(self, doc: Doc, chosen: list[Cand]) -> list[Cand]:
        out = []
        for c in chosen:
            if (
                c.label == "EVENT"
                and c.end < len(doc)
                and normalize(doc[c.end].text) in self.data.event_generic_after
            ):
                continue
            out.append(c)
        return out

    # ------------------------------------------------------------------ context rules
    def _apply_metonymy(self, doc: Doc, ctx: _DocContext, chosen: list[Cand]) -> None:
        """A capital used as a place stays the city; as an actor it becomes its state."""
        for c in chosen:
            entry = c.entry
            if entry is None or not entry.metonym_of:
                continue
            if c.info.get("dateline") or self._place_context(doc, c.start, c.end):
                continue
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

    def _bracket_abbreviations(self, doc: Doc, chosen: list[Cand]) -> list[Cand]:
        """ "Dewan Keamanan Nasional (NSC)", "Joko Widodo (Jokowi)": the bracketed form, and its
        later uses, name the same entity."""
        taken = {i for c in chosen for i in range(c.start, c.end)}
        local: dict[str, Cand] = {}
        for c in chosen:
            abbrev = c.info.get("abbrev")
            pos = c.end
            if abbrev is None and pos + 2 < len(doc) and doc[pos].text == "(" and doc[pos + 2].text == ")":
                tok = doc[pos + 1]
                if (
                    _is_word_cap(tok)
                    and pos + 1 not in taken
                    and normalize(tok.text) not in self.data.not_names
                ):
                    abbrev = tok.text
            if abbrev and abbrev not in local:
                local[abbrev] = c
        out: list[Cand] = []
        if not local:
            return out
        for i, tok in enumerate(doc):
            if i in taken:
                continue
            ref = local.get(tok.text)
            if ref is None:
                continue
            new = Cand(
                i,
                i + 1,
                ref.label,
                "abbr",
                entry=ref.entry,
                name=ref.name,
                kind=ref.kind,
                country=ref.country,
            )
            new.info["ref"] = ref
            out.append(new)
            taken.add(i)
        return out

    def _name_parts(self, doc: Doc, ctx: _DocContext, chosen: list[Cand]) -> list[Cand]:
        """Surnames and given names of the people named in full elsewhere in the article."""
        parts = self._part_index(doc, chosen)
        if not parts:
            return []
        taken = {i for c in chosen for i in range(c.start, c.end)}
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
            if i >= 3 and doc[i - 1].text == ")" and doc[i - 3].text == "(" and doc[i - 2].text in parts:
                if i - 3 not in taken and i - 2 not in taken:
                    start = i - 3
            new = Cand(start, i + 1, "PER", "coref", entry=ref.entry, name=ref.name)
            new.info["ref"] = ref
            out.append(new)
            taken.update(range(start, i + 1))
        return out

    def _part_index(self, doc: Doc, cands: list[Cand]) -> dict[str, list[Cand]]:
        """First and last words of the full names of people -> the mentions that carry them."""
        parts: dict[str, list[Cand]] = {}
        for c in cands:
            if c.label != "PER" or c.source in ("abbr", "coref"):
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
        for c in chosen:
            ref = c.info.get("ref")
            base = ref if ref is not None else c
            info = self._info_for(doc, base)
            if info.id in entities:
                info = entities[info.id]
            else:
                entities[info.id] = info
            c.info["id"] = info.id
            spans.append(Span(doc, c.start, c.end, label=info.type, kb_id=info.id))
        self._context_roles(doc, chosen, entities)
        doc.ents = spans
        doc._.entities = entities
        doc._.cited_outlets = self._cited_outlets(doc, chosen, entities)

    def _info_for(self, doc: Doc, c: Cand) -> EntityInfo:
        if c.entry is not None:
            return c.entry.to_info()
        name = c.name or doc[c.start : c.end].text
        label = c.label if c.label in ENTITY_TYPES else "ORG"
        return EntityInfo(
            id=project_id(name),
            name=name,
            type=label,
            kind=c.kind or ("person" if label == "PER" else None),
            country=c.country,
        )

    def _context_roles(self, doc: Doc, chosen: list[Cand], entities: dict[str, EntityInfo]) -> None:
        """Roles and affiliations written next to a person ("juru bicara Departemen Luar Negeri AS
        Ned Price") become attributes of that person, unless the gazetteer already knows them."""
        by_start = {c.start: c for c in chosen}
        by_end = {c.end: c for c in chosen}
        for c in chosen:
            if c.label != "PER" or c.source in ("coref", "abbr"):
                continue
            info = entities.get(c.info.get("id", ""))
            if info is None:
                continue
            role, affs, country = self._role_before(doc, c, by_end)
            if role is None:
                role, affs, country = self._role_after(doc, c, by_start)
            if role is None:
                continue
            gaz_known = c.entry is not None and bool(c.entry.roles)
            if role not in info.roles and not gaz_known:
                info.roles.append(role)
            for aff in affs:
                if aff not in info.affiliations and not gaz_known:
                    info.affiliations.append(aff)
            if info.country is None and country:
                info.country = country

    def _role_window(
        self, doc: Doc, start: int, end: int, ents: dict[int, Cand]
    ) -> tuple[str | None, list[str], str | None]:
        role: str | None = None
        affs: list[str] = []
        country: str | None = None
        i = start
        while i < end:
            c = ents.get(i)
            if c is not None:
                ent_entry = c.entry.to_info() if c.entry is not None else None
                if c.label == "ORG":
                    affs.append(c.key_name())
                    country = country or (ent_entry.country if ent_entry else c.country)
                elif c.label == "GPE":
                    country = country or (ent_entry.actor() if ent_entry else c.key_name())
                i = c.end
                continue
            n = 0
            for k in range(min(self.data.max_role_len, end - i), 0, -1):
                if normalize(doc[i : i + k].text) in self.data.roles:
                    n = k
                    break
            if n:
                found = self.data.roles[normalize(doc[i : i + n].text)]
                role = found if role is None else role
                i += n
                continue
            i += 1
        return role, affs, country

    def _role_before(
        self, doc: Doc, c: Cand, by_end: dict[int, Cand]
    ) -> tuple[str | None, list[str], str | None]:
        i = c.start
        if i > 0 and doc[i - 1].text == ",":
            i -= 1
        ents_by_start: dict[int, Cand] = {}
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
            if tok.is_punct or tok.is_space or (prev is not None):
                break
            if low in self.data.role_fillers or any(
                low == r.split()[-1] or low in r.split() for r in self.data.roles
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
            if info is None or info.type != "ORG":
                continue
            if info.kind not in OUTLET_KINDS and not _DOMAIN.match(doc[c.start : c.end].text):
                continue
            if c.info.get("dateline"):
                continue
            if self._credited(doc, c):
                if _DOMAIN.match(doc[c.start : c.end].text) and c.entry is None:
                    name = doc[c.start : c.end].text
                else:
                    name = info.name
                if own and normalize(name) == own:
                    continue
                if name not in out:
                    out.append(name)
        return out

    def _credited(self, doc: Doc, c: Cand) -> bool:
        d = self.data
        # walk back over fillers
        i = c.start
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
            if i > 0 and "sumber" in normalize(doc[i - 1].text):  # '"(sumber' glued by the tokenizer
                return True
            break
        j = c.end
        while j < len(doc) and (doc[j].is_punct and doc[j].text not in ".!?" or doc[j].is_space):
            j += 1
        return j < len(doc) and normalize(doc[j].text) in d.outlet_after


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
            while j < n and doc[j].text in ('"', "“", "'", "(", "‘", "-", "–"):
                j += 1
                self.sent_starts.add(j)
        self.in_title = [False] * n
        starts = self.line_starts + [n]
        for a, b in zip(starts, starts[1:], strict=False):
            words = [t for t in doc[a:b] if t.is_alpha]
            if len(words) >= 3:
                caps = sum(1 for t in words if t.text[:1].isupper())
                if caps / len(words) >= 0.6:
                    for k in range(a, b):
                        self.in_title[k] = True

    def is_sent_start(self, i: int) -> bool:
        return i in self.sent_starts


@Language.factory(
    "sorot_linker",
    default_config={"gazetteer_paths": [], "use_ner": True, "heuristics": "auto", "linker_data": None},
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
