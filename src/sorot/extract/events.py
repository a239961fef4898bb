"""``sorot_events``: code the events of an article in PLOVER -- who did what to whom, with what, when,
according to whom, and how sure the text is.

The component runs last in the pipeline and reads every earlier layer: linked entities (an official
acts for the state: ``EntityInfo.actor()``), time expressions (``sorot.extract.dates``) and quotes
(``sorot.extract.quotes``: who vouches for a clause). It writes ``doc._.events``, a list of
:class:`sorot.contract.Event` whose ``text``/``start``/``end`` are the evidence sentence.

How a sentence is coded (the rules behind each step are written down in ``docs/coding-rules.md``):

1. triggers -- verbs and event nouns from ``data/events.yaml`` in any of their Indonesian forms
   (``menjual``, ``dijual``, ``penjualan``; ``menjatuhkan sanksi`` is a light verb + event noun);
2. arguments -- by linear order, prepositions and clause boundaries, so the coder works on a blank
   pipeline: the subject before the verb group (skipping adjuncts, following ``yang`` to its antecedent,
   the object of a control verb such as ``mendesak X untuk``), the object and target prepositions after
   it, the possessor of an event noun (``ekspor senjata Pyongyang ke Rusia``), items from
   ``data/items.yaml``; coordinated arguments give one event each;
3. status -- cue words with a scope (``tidak``, ``akan``, ``menawarkan``, ``jika``, ``setiap``), denial
   verbs that turn what they govern into ``denied`` events sourced to the denier, and content that is
   demanded, feared or prohibited, which is not coded at all;
4. source -- the speaker of a speech act, the speaker of the quote or reporting clause around the event,
   a credited outlet, ``anonymous``, or null for the article's own voice;
5. one event per proposition per document: repeats merge, keeping the strongest status, the most
   specific item and the most specific source.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sorot.contract import Event
from sorot.extract.events_lexicon import Form, Lexicon, Trigger, load_lexicon
from sorot.extract.events_text import Mention, TextView
from sorot.nlp.extensions import register_extensions

log = logging.getLogger(__name__)

ANONYMOUS = "anonymous"
# Dated incidents: two attacks on different dates are two events (a transfer or a statement repeated
# with different dates is still one proposition).
INCIDENTS = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "CONSULT"})
# Asserted happenings dated by the story date when they sit in the lead without a date of their own.
# (SUPPORT: welcoming or endorsing is a stand taken in a statement, dated like the story's statement)
LEAD_DATED = frozenset({"ASSAULT", "COERCE", "CONSULT", "AGREE", "SANCTION", "PROTEST", "CONCEDE", "SUPPORT"})
STATUS_RANK = {"asserted": 0, "planned": 1, "potential": 2, "hypothetical": 3, "denied": 4}
# When repeats of one proposition merge, the strongest status wins (asserted and denied are never merged).
MERGE_STRENGTH = {"hypothetical": 0, "planned": 1, "potential": 2, "asserted": 3, "denied": 3}
Unit = list[Mention]  # adjacent mentions naming one party ("Presiden Ukraina Volodymyr Zelensky")


@dataclass
class Party:
    """One side of an event: what it acts for, and the name under which it speaks."""

    actor: str | None
    name: str | None
    pos: int  # token index of the mention (order of mention decides reciprocal events)
    pronoun: bool = False
    at: int = -1  # where the phrase that names it starts in the clause (pronouns: the pronoun)
    org: str | None = None  # the body itself, for events inside one state


@dataclass(frozen=True)
class GenericBody:
    """A kind of body named by a bare noun (``generic_bodies`` in events.yaml)."""

    nouns: frozenset[str]
    name_words: tuple[str, ...]
    kinds: frozenset[str]
    national: dict[str, str]
    state: bool
    introduced_by: frozenset[str] = frozenset()  # words right before a mention that make it this body


@dataclass
class Trig:
    """A trigger occurrence in a sentence."""

    start: int
    end: int
    form: Form
    cls: str  # active, passive, noun
    light: int | None = None  # index of the light verb governing a nominal trigger
    light_patient: bool = False
    head: int = 0  # token the verb group starts at (light verb or trigger)
    clitic: bool = False
    preset: list[Party] = field(default_factory=list)  # targets the pattern that found it already knows
    agent_at: int = -1  # the agent pronoun of an agentive passive ("akan kami kirim")

    @property
    def frame(self) -> str:
        return self.form.trigger.frame


@dataclass
class Cand:
    """An event candidate before the document-level merge."""

    type: str
    mode: str | None
    actor: str | None
    target: str | None
    item: str | None
    status: str
    source: str | None
    sent: int
    lo: int  # token range of trigger + arguments (dates are looked up on it)
    hi: int
    trig: int
    speech: bool = False
    reciprocal: bool = False
    order: tuple[int, int] = (0, 0)  # mention positions of actor, target (reciprocal orientation)
    keys: set[str] = field(default_factory=set)
    date: str | None = None
    when: str | None = None  # the time expression that dates it, resolved or not
    copy: bool = False  # a denial copy of an earlier event
    incomplete: bool = False  # a transfer whose giver or receiver the document names elsewhere
    passive: bool = False  # coded from a passive verb ("akan dikirim ke Jambi"): the agent may be unnamed
    target_org: str | None = None  # the body or place itself that the target names


def _designation_form(etype: str, mode: str | None) -> Form:
    return Form(("<designation>",), Trigger(lemma="designation", type=etype, mode=mode), "active")


_BREACH_FORM = Form(
    ("<breach>",),
    Trigger(lemma="breach", type="ACCUSE", mode="allege", speech=True, opaque=True),
    "active",
)

_REJECT_STATEMENT_FORM = Form(
    ("<reject-statement>",),
    Trigger(lemma="reject statement", type="REJECT", speech=True, opaque=True),
    "active",
)

_LABEL_FORM = Form(
    ("<label>",),
    Trigger(lemma="label", type="ACCUSE", mode="disapprove", speech=True, opaque=True),
    "active",
)


def _consecutive_days(values: list[str]) -> bool:
    """Are these ISO dates one run of consecutive days ("Senin dan Selasa")?"""
    try:
        days = sorted({datetime.date.fromisoformat(x) for x in values})
    except ValueError:
        return False  # month or year precision: not days
    return all((b - a).days == 1 for a, b in zip(days, days[1:], strict=False))


# ------------------------------------------------------------------------------------------- coder
class EventCoder:
    """The coder: stateless between documents; all knowledge comes from the lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    # -- public -------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.code(doc)
        return doc

    def code(self, doc: Doc) -> list[Event]:
        """All events of ``doc`` as contract records, one per proposition."""
        run = _DocRun(doc, self.lex)
        return run.run()


# ------------------------------------------------------------------------------------------- one document
class _DocRun:
    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.g = lex.grammar
        self.v = TextView(doc, lex)
        self.cands: list[Cand] = []
        self.sent_subject: dict[int, list[Party]] = {}
        self.cited = list(doc._.cited_outlets or [])
        ents = doc._.entities or {}
        self.party_of: dict[str, str] = {}
        self.rank_of: dict[str, int] = {}
        for info in ents.values():
            self.party_of[info.name] = info.actor() or info.name
            kind = info.kind or ""
            if info.type == "PER":
                rank = 3
            elif kind in ("outlet", "news_agency"):
                rank = 1
            elif info.type == "ORG" or kind in ("ministry", "agency", "military", "igo"):
                rank = 2
            else:
                rank = 1
            self.rank_of[info.name] = rank
        self.reporters: dict[int, list[tuple[int, str, str]]] = {}
        self.actor_freq: dict[str, int] = {}
        for m in self.v.mentions:
            if m.actor:
                self.actor_freq[m.actor] = self.actor_freq.get(m.actor, 0) + 1
        self.sent_cands: list[Cand] = []
        self._bare_government = False
        self.outlets = {i.name for i in ents.values() if (i.kind or "") in ("outlet", "news_agency")}
        self.quotes = list(doc._.quotes or [])
        raw = lex.raw
        self.owner_targets = {str(t) for t in raw.get("owner_targets") or ()}
        acting = raw.get("self_acting") or {}
        self.self_acting_types = {str(t) for t in acting.get("types") or ()}
        self.self_acting_kinds = {str(k) for k in acting.get("kinds") or ()}
        self.self_acting_words = tuple(str(w).lower() for w in acting.get("name_words") or ())
        self.self_targets = {str(k) for k in raw.get("self_target_kinds") or ()}
        self.merge_families = {str(f) for f in raw.get("merge_families") or ()}
        patient = raw.get("patient_possessors") or {}
        self.patient_types = {str(t) for t in patient.get("types") or ()}
        self.patient_nouns = {str(w).lower() for w in patient.get("nouns") or ()}
        self.state_organ_kinds = {str(k) for k in raw.get("state_organ_kinds") or ()}
        self.facing = {tuple(str(p).lower().split()) for p in raw.get("protest_facing") or ()}
        self.aims = {tuple(str(p).lower().split()) for p in raw.get("show_of_force_aims") or ()}
        self.generic_bodies = [
            GenericBody(
                nouns=frozenset(str(w).lower() for w in spec.get("nouns") or ()),
                name_words=tuple(str(w).lower() for w in spec.get("name_words") or ()),
                kinds=frozenset(str(k) for k in spec.get("kinds") or ()),
                national={str(k): str(x) for k, x in (spec.get("national") or {}).items()},
                state=bool(spec.get("state")),
                introduced_by=frozenset(str(w).lower() for w in spec.get("introduced_by") or ()),
            )
            for spec in raw.get("generic_bodies") or ()
        ]
        self.kind_of = {info.name: (info.kind or "") for info in ents.values()}
        self.country_of = {info.name: info.country for info in ents.values() if info.country}
        self.state_organ_words = tuple(str(w).lower() for w in raw.get("state_organ_words") or ())
        place_kinds = {str(k) for k in raw.get("place_kinds") or ()}
        # places, not parties: place kinds, LOC entities, and territories that belong to a state
        self.places = {
            info.name
            for info in ents.values()
            if info.kind in place_kinds or info.type == "LOC" or (info.kind == "territory" and info.country)
        }
        # what counts as a state party: countries and the states that officials and bodies act for
        self.states = {info.name for info in ents.values() if info.kind == "country"} | {
            info.country for info in ents.values() if info.country
        }
        self.quote_meta = (
            list(getattr(doc._, "quote_meta", None) or []) if doc.has_extension("quote_meta") else []
        )

    # ------------------------------------------------------------------ driver
    def run(self) -> list[Event]:
        v = self.v
        for si in range(len(v.sents)):
            self._code_sentence(si)
        self._complete_transfers()
        self._complete_addressees()
        self._fold_open_threats()
        self._fold_headline()
        self._orient_reciprocal()
        merged = self._merge(self.cands)
        return [self._to_event(c) for c in merged]

    # ------------------------------------------------------------------ sentence
    def _code_sentence(self, si: int) -> None:
        v = self.v
        a, b = v.sents[si]
        trigs = self._triggers(a, b)
        self.sent_subject[si] = self._topic(a, b)
        if not trigs:
            return
        governor: dict[int, Trig] = {}
        regions: list[tuple[Trig, int, int]] = []
        for t in trigs:
            if t.frame in ("deny", "allege") or t.form.trigger.control or t.form.trigger.opaque:
                lo, hi = t.end, self._complement_end(t.end, b)
                regions.append((t, lo, hi))
        for t in trigs:
            best: tuple[Trig, int, int] | None = None
            for g, lo, hi in regions:
                if g is not t and lo <= t.start < hi and (best is None or g.start > best[0].start):
                    best = (g, lo, hi)
            if best is not None:
                governor[id(t)] = best[0]

        produced: dict[int, list[Cand]] = {}
        self.sent_cands = []
        for t in trigs:
            if t.frame == "deny":
                continue
            produced[id(t)] = self._code_trigger(t, si, a, b, governor.get(id(t)))
            self.sent_cands.extend(produced[id(t)])
        # governors act on what they govern
        for t in trigs:
            gov = governor.get(id(t))
            if gov is None or id(t) not in produced:
                continue
            inner = produced[id(t)]
            trig_g = gov.form.trigger
            if (
                trig_g.type == "REQUEST"
                and trig_g.control
                and inner
                and all(c.type == "THREATEN" for c in inner)
            ):
                # "memperingatkan China akan mengambil langkah tegas jika ...": a warning that carries a threat
                # reports the threat; it demands nothing
                produced[id(gov)] = []
            elif trig_g.type == "REQUEST" and trig_g.control and gov.frame != "allege":
                # a demand's content is not an event; its item tells what is demanded
                for g_c in produced.get(id(gov), []):
                    if g_c.item is None:
                        g_c.item = next((c.item for c in inner if c.item), None)
                produced[id(t)] = []
            elif gov.frame == "allege":
                src = self._speaker_name(gov, si)
                for c in inner:
                    if src:
                        c.source = src
                    c.keys |= {v.low[gov.start]}
                if inner:
                    produced[id(gov)] = []  # the allegation is carried by what it alleges
            elif trig_g.opaque and trig_g.speech and t.cls == "noun":
                # what is condemned or rejected is coded when it is a material act (a transfer, an attack);
                # a relationship or a meeting named as the object of criticism is not a claim of its own
                # (a demand named in its rejection, "menolak tuntutan HPPN", was coded where it was made)
                inner = [
                    c for c in inner if c.type not in ("COOPERATE", "CONSULT", "AGREE", "SUPPORT", "REQUEST")
                ]
                produced[id(t)] = inner
                src = self._speaker_name(gov, si)
                for c in inner:
                    if src:
                        c.source = src
        for g, lo, hi in regions:
            # "menjangkau China untuk mendapatkan dukungan untuk amunisi": what is asked for
            if g.form.trigger.type == "REQUEST" and g.form.trigger.control:
                found = self._items(lo, hi)
                for g_c in produced.get(id(g), []):
                    if g_c.item is None and found:
                        g_c.item = found[0]
        # ACCUSE/REJECT without a named target: the actors of the event it condemns
        for t in trigs:
            tr = t.form.trigger
            if tr.type not in ("ACCUSE", "REJECT") or id(t) not in produced:
                continue
            if produced[id(t)] or t.frame == "allege":
                continue
            g0 = governor.get(id(t))
            if g0 is not None and g0.form.trigger.type == "REQUEST" and g0.form.trigger.control:
                continue  # "mendesak Rusia untuk menolak tawaran itu": what is demanded, not done
            inner_actors = [c for u in trigs if governor.get(id(u)) is t for c in produced.get(id(u), [])]
            produced[id(t)] = self._code_trigger(
                t, si, a, b, governor.get(id(t)), fallback_targets=inner_actors
            )
        self._ruled_complaints(trigs, produced, a, b)
        self._drop_threat_conditions(trigs, produced, b)
        self._drop_purposes(trigs, produced, governor, b)
        self._drop_mediated_talks(trigs, produced)
        for t in trigs:
            if t.frame == "deny":
                self._deny(t, si, a, b, trigs, produced, governor)
        for t in trigs:
            self.cands.extend(produced.get(id(t), []))

    def _drop_threat_conditions(self, trigs: list[Trig], produced: dict[int, list[Cand]], b: int) -> None:
        """The condition of a threat ("... jika AS menyerang fasilitas nuklirnya") is what the threatener
        fears, not a claim: its events are not coded."""
        v = self.v
        for t in trigs:
            if t.form.trigger.type != "THREATEN" or not produced.get(id(t)):
                continue
            if t.cls == "passive":
                # "setiap serangan Israel ... tidak akan dibiarkan tanpa jawaban": what will be answered
                subj_at = min(c.lo for c in produced[id(t)])
                for u in trigs:
                    if u is not t and id(u) in produced and u.start < t.start and u.start >= subj_at - 8:
                        produced[id(u)] = [c for c in produced[id(u)] if c.status != "hypothetical"]
            k = t.end
            while k < b and v.cls[k] != "END" and not (v.cls[k] == "B" and "hypothetical" in v.tags(k)):
                k += 1
            if k >= b or v.cls[k] == "END":
                continue
            for u in trigs:
                if u.start > k and id(u) in produced:
                    produced[id(u)] = [c for c in produced[id(u)] if c.status != "hypothetical"]

    def _ruled_complaints(self, trigs: list[Trig], produced: dict[int, list[Cand]], a: int, b: int) -> None:
        """ "Panel WTO memenangkan gugatan Kanada terhadap AS": the ruling body that upholds a complaint
        accuses its target too (ACCUSE body -> target, besides the complainant's own ACCUSE)."""
        v = self.v
        rulers = {str(x) for x in self.lex.raw.get("ruling_verbs") or ()}
        for t in trigs:
            if t.form.trigger.type != "ACCUSE" or t.cls != "noun" or not produced.get(id(t)):
                continue
            k = self._skip_left(t.start - 1, a, {"S", "T"})
            if k < a or v.low[k] not in rulers:
                continue
            judges = self._subject(k, a)
            extra = [
                replace(c, actor=p.actor, source=None, keys=set(c.keys))
                for c in produced[id(t)]
                for p in judges
                if p.actor and p.actor not in (c.actor, c.target)
            ]
            produced[id(t)] = produced[id(t)] + extra

    def _drop_purposes(
        self, trigs: list[Trig], produced: dict[int, list[Cand]], governor: dict[int, Trig], b: int
    ) -> None:
        """ "A dan B menandatangani gencatan senjata untuk memungkinkan pengiriman bantuan": what a main
        event is for is an aim, not a second fact between the same parties -- not coded as asserted."""
        v = self.v
        purpose = self.g.get("purpose", set())
        for n, t in enumerate(trigs):
            if id(t) in governor or not produced.get(id(t)):
                continue
            for u in reversed(trigs[:n]):
                main = produced.get(id(u))
                if not main or u.form.trigger.control or u.end > t.start:
                    continue
                gap = range(u.end, t.start)
                if any(v.cls[k] == "END" for k in gap):
                    break
                opened = [k for k in gap if v.low[k] in purpose]
                if not opened or any(
                    v.cls[k] == "B" and v.low[k] not in purpose for k in range(opened[0], t.start)
                ):
                    continue
                sides = {x for c in main for x in (c.actor, c.target) if x}
                produced[id(t)] = [
                    c
                    for c in produced[id(t)]
                    if not (
                        c.status == "asserted"
                        and c.actor in sides
                        and (c.target in sides or c.target is None)
                    )
                ]
                break

    def _drop_mediated_talks(self, trigs: list[Trig], produced: dict[int, list[Cand]]) -> None:
        """Talks a mediator hosts are coded as the mediator consulting each party; the parties' own
        meeting named in the same phrase is not coded a second time."""
        for t in trigs:
            if t.frame != "mediate" or not produced.get(id(t)):
                continue
            parties = {c.target for c in produced[id(t)]}
            for u in trigs:
                if u is t or id(u) not in produced:
                    continue
                produced[id(u)] = [
                    c
                    for c in produced[id(u)]
                    if not (c.type == "CONSULT" and c.actor in parties and c.target in parties)
                ]

    def _triggers(self, a: int, b: int) -> list[Trig]:
        v, lex = self.v, self.lex
        out: list[Trig] = []
        i = a
        while i < b:
            hit = v.trig[i]
            if hit is None:
                i += 1
                continue
            n, form = hit
            cls = form.cls
            t = Trig(i, min(b, i + n), form, cls, head=i)
            t.clitic = v.low[i].endswith("nya") and not form.words[0].endswith("nya")
            if (
                cls == "passive"
                and i - 1 >= a
                and not v.low[i].startswith(("di", "ter"))
                and v.agentive_at(i)
            ):
                t.agent_at = t.head = (
                    i - 1
                )  # "bantuan itu akan kami kirim": the patient is before the pronoun
            if cls == "noun":
                j = self._skip_left(i - 1, a, {"S", "T"})
                if j >= a:
                    w = v.low[j]
                    w2 = f"{v.low[j - 1]} {w}" if j - 1 >= a else ""
                    if w2 in lex.light_agent:
                        t.light, t.head = j - 1, j - 1
                    elif w2 in lex.light_patient:
                        t.light, t.head, t.light_patient = j - 1, j - 1, True
                    elif w in lex.light_agent or (
                        (fj := v.form(j)) is not None and fj.trigger.lemma == "beri"
                    ):
                        t.light, t.head = j, j
                    elif w in lex.light_patient:
                        t.light, t.head, t.light_patient = j, j, True
            out.append(t)
            i += n
        taken = {t.start for t in out}
        out.extend(self._label_triggers(a, b, taken))
        out.extend(self._breach_triggers(a, b, taken))
        out.extend(self._designation_triggers(a, b, taken))
        out.sort(key=lambda t: t.start)
        # a light verb that is itself a trigger ("memberikan bantuan") is consumed by its noun
        lights = {t.light for t in out if t.light is not None}
        return [t for t in out if t.start not in lights]

    def _label_triggers(self, a: int, b: int, taken: set[int]) -> list[Trig]:
        """ "menyebut laporan Seoul sebagai fantasi", "menilai X sebagai ancaman": naming someone's act by a
        word of blame accuses them (ACCUSE, the verb's subject against the object's owner)."""
        v, lex = self.v, self.lex
        verbs = {str(w).lower() for w in lex.raw.get("label_verbs") or []}
        if not verbs:
            return []
        labels = [tuple(str(w).lower().split()) for w in lex.raw.get("label_nouns") or []]
        out: list[Trig] = []
        for k in range(a, b):
            if v.low[k] not in verbs or k in taken:
                continue
            j = k + 1
            while j < b and v.cls[j] not in ("END", "B", "V") and v.low[j] != "sebagai":
                if v.quote_id[j] >= 0 and j > k + 1:
                    break  # 'menyebut tuduhan itu "propaganda murahan"': the label in quotes, no "sebagai"
                j += 1
            if j < b and v.quote_id[j] >= 0 and v.low[j] != "sebagai":
                j -= 1  # the quoted label starts right after the object
            elif j >= b or v.low[j] != "sebagai":
                continue
            x = self._skip_right(j + 1, b, {"Q", "S"})
            if any(tuple(v.low[x : x + len(lab)]) == lab for lab in labels):
                out.append(Trig(k, k + 1, _LABEL_FORM, "active", head=k))
            elif x > j + 1 and v.quote_id[x] >= 0:
                # a quoted label: 'menyebut pertemuan itu sebagai "diplomasi yang memalukan"'
                q = x
                while q < b and v.quote_id[q] == v.quote_id[x]:
                    if any(tuple(v.low[q : q + len(lab)]) == lab for lab in labels):
                        out.append(Trig(k, k + 1, _LABEL_FORM, "active", head=k))
                        break
                    q += 1
        return out

    def _breach_triggers(self, a: int, b: int, taken: set[int]) -> list[Trig]:
        """A judgement that someone breaks a rule ("Uni Eropa menilai larangan ekspor Indonesia melanggar
        aturan WTO", "panel memutuskan bahwa bea masuk AS melanggar ...") accuses the breaker: ACCUSE, the
        judge against the owner of what breaks the rule."""
        v, lex = self.v, self.lex
        spec = lex.raw.get("breach") or {}
        judges = {str(w).lower() for w in spec.get("judges") or ()}
        breaches = [tuple(str(w).lower().split()) for w in spec.get("verbs") or ()]
        if not judges or not breaches:
            return []
        out: list[Trig] = []
        for k in range(a, b):
            if v.low[k] not in judges or k in taken:
                continue
            j = k + 1
            while j < b and j - k <= 25:
                c = v.cls[j]
                if c == "END" or (c == "B" and v.low[j] not in ("bahwa", "yang")):
                    break
                if any(tuple(v.low[j : j + len(w)]) == w for w in breaches):
                    break
                j += 1
            else:
                continue
            if j >= b or not any(tuple(v.low[j : j + len(w)]) == w for w in breaches):
                continue
            e = self._skip_left(j - 1, k + 1, {"S", "T"})
            if e <= k or v.cls[e] not in ("E", "PAR"):
                continue
            _start, units, _led = self._np_left(e, k + 1)
            parties = self._parties(units)
            if parties:
                out.append(Trig(k, k + 1, _BREACH_FORM, "active", head=k, preset=parties))
        return out

    def _designation_triggers(self, a: int, b: int, taken: set[int]) -> list[Trig]:
        """Naming someone a suspect or a persona non grata ("KPK menetapkan PT X sebagai tersangka",
        "X ditetapkan sebagai tersangka oleh polisi"): the act the designation noun names."""
        v, lex = self.v, self.lex
        spec = lex.raw.get("designation") or {}
        verbs = {str(w).lower() for w in spec.get("verbs") or ()}
        nouns = {tuple(str(k).lower().split()): val for k, val in (spec.get("nouns") or {}).items()}
        if not verbs or not nouns:
            return []
        out: list[Trig] = []
        for k in range(a, b):
            if v.low[k] not in verbs or k in taken:
                continue
            j = k + 1
            while j < b and j - k <= 12 and v.cls[j] not in ("END", "B", "V") and v.low[j] != "sebagai":
                j += 1
            if j >= b or v.low[j] != "sebagai":
                continue
            x = self._skip_right(j + 1, b, {"S", "Q"})
            hit = next((val for n, val in nouns.items() if tuple(v.low[x : x + len(n)]) == n), None)
            if not hit:
                continue
            form = _designation_form(str(hit.get("type")), hit.get("mode"))
            cls = "passive" if v.low[k].startswith("di") else "active"
            out.append(Trig(k, k + 1, form, cls, head=k))
        return out

    # ------------------------------------------------------------------ scanning helpers
    def _skip_left(self, j: int, a: int, classes: set[str]) -> int:
        v = self.v
        while j >= a and (
            v.cls[j] in classes or v.cue[j] is not None and v.cls[j] not in ("E", "V", "P", "B")
        ):
            j -= 1
        return j

    def _skip_right(self, j: int, b: int, classes: set[str]) -> int:
        v = self.v
        while j < b and v.cls[j] in classes:
            j += 1
        return j

    def _complement_end(self, start: int, b: int) -> int:
        """Where the reach of a governing verb (deny, allege, demand, condemn) ends."""
        v = self.v
        comps = self.g.get("complementizers", set())
        # "membantah bahwa polisi dan Garda Nasional menembaki ...": until its verb, a "bahwa" clause's
        # conjunction joins subjects and starts no new clause
        open_clause = start < b and v.low[start] in comps
        j = start
        while j < b:
            c = v.cls[j]
            if c == "END" or (c == "B" and v.low[j] not in comps):
                return j
            if c == "V":
                open_clause = False
            if c == "C" and open_clause:
                j += 1
                continue
            if c in ("C", ",") and j > start:
                k = self._skip_right(j + 1, b, {"S", "T"})
                if k < b and v.cls[k] == "V" and not self._is_cue_word(k) and c == "C":
                    return j
                if k < b and self._new_subject_at(k, b):
                    return j
            j += 1
        return b

    def _new_subject_at(self, k: int, b: int) -> bool:
        """A pronoun or a name followed by its own verb: a new clause starts at k."""
        v, g = self.v, self.g
        if v.low[k] in g.get("person_pronouns", set()) | g.get("group_pronouns", set()) | g.get(
            "speaker_pronouns", set()
        ):
            j = k + 1
        elif v.cls[k] == "E":
            m = v.mention(k)
            j = m.end if m is not None else k + 1
        else:
            return False
        while j < b and (
            v.cls[j] in ("S", "T", "PAR") or v.cue[j] is not None and v.cls[j] not in ("E", "P", "B")
        ):
            j += 1
        return j < b and v.cls[j] == "V"

    def _is_cue_word(self, k: int) -> bool:
        cue = self.v.cue[k]
        return cue is not None and any(tag in ("denied", "planned", "potential") for tag in cue[1].split("|"))

    # ------------------------------------------------------------------ noun phrases and parties
    def _unit_ending_at(self, j: int, a: int) -> tuple[int, Unit]:
        """The run of adjacent mentions (with role nouns between) ending at token j: (start, unit)."""
        v = self.v
        roles = self.g.get("role_nouns", set())
        unit: Unit = []
        k = j
        while k >= a:
            m = v.mention(k)
            if m is not None:
                if not unit or unit[0] is not m:
                    unit.insert(0, m)
                k = m.start - 1
                continue
            if v.cls[k] == "PAR":
                # "Dia (Putin)", "DPRK (nama resmi Korut)": skip a bracketed aside
                depth, kk = 0, k
                while kk >= a:
                    if v.text[kk] in (")", "]"):
                        depth += 1
                    elif v.text[kk] in ("(", "["):
                        depth -= 1
                        if depth <= 0:
                            break
                    kk -= 1
                if v.text[k] in (")", "]") and kk >= a:
                    k = kk - 1
                    continue
                break
            if v.low[k] in roles or (
                v.cls[k] == "," and unit and unit[0].type == "PER" and self._title_org_before(k, a)
            ):
                k -= 1
                continue
            break
        return k + 1, unit

    def _title_org_before(self, k: int, a: int) -> bool:
        """ "Pemimpin NSC, John Kirby": a title and a body before a comma name the person after it."""
        v = self.v
        m = v.mention(k - 1) if k - 1 >= a else None
        if m is None or m.type == "PER" or (m.kind or "") in ("outlet", "news_agency"):
            return False
        return m.start - 1 >= a and v.low[m.start - 1] in self.g.get("role_nouns", set())

    def _np_left(self, j: int, a: int) -> tuple[int, list[Unit], bool]:
        """The noun phrase ending at token j, read right to left: (start, coordinated units, entity-led).

        ``entity-led`` is False when a common noun heads the phrase ("sekutu dekat Korea Utara"), so its
        mentions are possessors, not the phrase itself. After "seperti"/"termasuk" the listed members are
        the phrase ("sekutu Korea Utara seperti Rusia, Cina, hingga Iran")."""
        v = self.v
        roles = self.g.get("role_nouns", set())
        units: list[Unit] = []
        k = j
        listed: list[Unit] | None = None
        lead_entity = False
        seen_conj = False
        while k >= a:
            c = v.cls[k]
            if c == "E" or v.low[k] in roles or c == "PAR":
                start, unit = self._unit_ending_at(k, a)
                if unit:
                    units.insert(0, unit)
                    lead_entity = True
                    k = start - 1
                    continue
                if start <= k:
                    k = start - 1
                    continue
                break
            if c in ("C", ",", "-"):
                p = k - 1
                while p >= a and v.cls[p] in ("C", ","):  # ", hingga", ", dan"
                    p -= 1
                # a comma lists only inside "A, B dan C" (read right to left: after the conjunction);
                # "Menurut X, Y mengecam" is two phrases
                if (
                    p >= a
                    and (v.cls[p] in ("E", "N", "PAR") or v.low[p] in roles)
                    and (c != "," or (units and seen_conj))
                    and v.cue[p] is None
                ):
                    seen_conj = seen_conj or c == "C" or any(v.cls[x] == "C" for x in range(p + 1, k))
                    k -= 1
                    continue
                break
            if c == "L":
                listed = list(units)
                units = []
                lead_entity = False
                k -= 1
                continue
            if c == "N" and v.cue[k] is None:
                lead_entity = False
                k -= 1
                continue
            break
        start = k + 1
        if listed:
            return start, listed, True
        return start, units, lead_entity

    def _parties(self, units: Iterable[Unit]) -> list[Party]:
        out: list[Party] = []
        for unit in units:
            # "Ketua Umum PSSI Erick Thohir", "Presiden Rusia Vladimir Putin": the body or state named in the
            # person's title is what the person acts for here
            body = next((m for m in unit if m.type != "PER" and m.actor), None)
            if (
                body is not None
                and unit[-1].type == "PER"
                and body.name in self.places
                and body.name in (unit[-1].org or "")
            ):
                body = None  # "Kapolda Jawa Timur Irjen X": X's office is a body of the place, X acts for it
            if body is not None and unit[-1].type == "PER":
                actor, org = body.actor, body.org
            else:
                actor = next((m.actor for m in reversed(unit) if m.actor), None)
                org = next((m.org for m in reversed(unit) if m.org), None)
            head = unit[-1]
            if len(unit) == 1 and head.kind is None and head.type == "ORG":
                # a capitalised generic noun the gazetteer does not know ("Garda Nasional", "Polisi Nasional"):
                # the body of that kind, as for the bare noun
                spec = next((s for s in self.generic_bodies if head.name.lower() in s.nouns), None)
                if spec is not None:
                    found = self._resolve_generic(spec, head.start, head.start)
                    if found:
                        out.extend(self._at(found, head.start))
                        continue
            if actor is None:
                continue  # an unaffiliated person or a place that acts for nobody
            out.append(Party(actor, head.name, head.start, at=unit[0].start, org=org))
        return out

    def _at(self, parties: list[Party], j: int) -> list[Party]:
        """Mark resolved parties with the clause position of the phrase that named them."""
        return [replace(p, at=j) for p in parties]

    # ------------------------------------------------------------------ subjects
    def _subject(self, head: int, a: int, depth: int = 0) -> list[Party]:
        """The parties that act in the clause whose verb group starts at token ``head``."""
        v, g = self.v, self.g
        j = head - 1
        crossed = False  # passed a coordination or a same-subject connective ("..., serta menuding")
        while j >= a:
            c = v.cls[j]
            w = v.low[j]
            if w in g.get("self_pronouns", set()) or (
                w in g.get("self_possessives", set()) and self._skip_right(j + 1, head, {"S", "T"}) >= head
            ):
                # "menepis laporan bahwa negaranya memasok": the subject of the clause around it
                prev_v = next((k for k in range(j - 1, a - 1, -1) if v.cls[k] == "V"), None)
                if prev_v is not None and depth < 3:
                    return self._at(self._subject(prev_v, a, depth + 1), j)
                return []
            if c in ("S", "T", "Q") or (v.cue[j] is not None and c not in ("E", "B", "P", "N")):
                j -= 1
                continue
            if w == ")":
                k = j - 1
                while k >= a and v.low[k] != "(" and (v.cls[k] == "T" or v.low[k][:1].isdigit()):
                    k -= 1
                if k >= a and v.low[k] == "(" and k < j - 1:
                    j = k - 1  # "Blinken, Senin (29/7), meminta": a date in brackets
                    continue
            if (
                w in g.get("speaker_pronouns", set())
                or w in g.get("person_pronouns", set())
                or w in g.get("group_pronouns", set())
            ):
                return self._at(self._resolve_pronoun(j, a), j)
            pair = self._pair_phrase_at(j)
            if pair:
                return self._at(self._pair_parties(j, a), j - 1)
            if c == "E" or (c == "N" and v.cue[j] is None) or c == "PAR":
                start, units, led = self._np_left(j, a)
                before = self._skip_left(start - 1, a, {"S", "T", "Q"})
                bc = v.cls[before] if before >= a else "START"
                if bc == "P":
                    # inside a prepositional phrase (an adjunct): not the subject
                    j = before - 1
                    continue
                if crossed and bc == "B" and v.low[before] == "bahwa":
                    # the subject of a reported clause, not of the verb coordinated with the reporting one
                    j = before - 1
                    continue
                if bc == "V":
                    # right after an earlier verb: that verb's object -- the subject here only when the
                    # verb is a control verb ("mendesak X untuk ...", "menuduh X memasok ...")
                    tr = v.trig[before]
                    takes_clause = v.low[before] in self.lex.reporting_before or (
                        tr is not None and tr[1].trigger.control
                    )
                    reported = v.low[before] in self.lex.reporting_before
                    if takes_clause and units and (led or reported) and not (crossed and tr is not None):
                        # (after a reporting verb a possessed subject speaks of its owner: "mengatakan setiap
                        # pelanggaran Hizbullah akan dibalas")
                        # (a verb coordinated after the complement belongs to the controller's subject:
                        # "Seoul mendesak Pyongyang untuk ... dan memperingatkan ...")
                        return self._parties(units)
                    adjacent = self._skip_right(j + 1, head, {"S", "T"}) >= head
                    near = adjacent or all(
                        v.cls[x] in ("S", "T") or v.cue[x] is not None for x in range(j + 1, head)
                    )  # "pemerintah provinsi akan mengucurkan": a modal may stand between
                    if takes_clause and not units and near and not (crossed and tr is not None):
                        # "menuduh militer membombardir ...": a body named by a bare noun
                        generic = self._generic_body(start, j + 1, head)
                        if generic:
                            return self._at(generic, start)
                    if takes_clause and not units and adjacent and v.low[before] in self.lex.reporting_before:
                        # "X mengatakan federasi telah ...": the speaker's own body, else nobody named
                        return self._at(self._org_noun(start, j, before, a), start)
                    j = before
                    continue
                if units and bc == "," and all(m.name in self.places for u in units for m in u):
                    pp = self._pp_before(before, a)
                    if pp is not None:  # "di depan kantor X, Jakarta, Selasa, menuntut": where, not who
                        j = pp - 1
                        continue
                if units and (led or bc in ("START", "B", ",", "C", "END", "Q", "L", "-", "N")):
                    return self._parties(units)
                if not units and bc in ("START", "B", ",", "C", "END", "Q", "L", "-"):
                    return self._at(self._generic_body(start, j + 1, head), start)
                return []
            if c == "V":
                j -= 1
                continue
            if c == "P":
                # a preposition right before the verb group ("dengan memberikan", "untuk menjual")
                j -= 1
                continue
            if c == ",":
                crossed = True
                j -= 1
                continue
            if c == "B":
                if w == "yang":
                    k = self._skip_left(j - 1, a, {","})
                    if k >= a and (v.cls[k] == "E" or v.cls[k] == "PAR"):
                        _, units, _ = self._np_left(k, a)
                        return self._parties(units)
                    docs = {str(x) for x in self.lex.raw.get("document_nouns") or ()}
                    if k >= a and v.low[k] in docs and depth < 3:
                        # "Parlemen Eropa mengesahkan resolusi yang mengecam X": the body that adopts it
                        prev_v = self._skip_left(k - 1, a, {"S", "T", "N"})
                        tr_prev = v.trig[prev_v] if prev_v >= a else None
                        if tr_prev is not None and tr_prev[1].trigger.frame == "deny":
                            return []  # "Iran menepis laporan yang menyebut ...": the report is not Iran's
                        if prev_v >= a and v.cls[prev_v] == "V":
                            return self._at(self._subject(prev_v, a, depth + 1), k)
                    return []
                if w in g.get("object_subject", set()):
                    obj = self._object_of_control(j, a)
                    if obj is not None:
                        return obj
                if w in g.get("same_subject", set()) or w in g.get("complementizers", set()):
                    crossed = crossed or w in g.get("same_subject", set())
                    j -= 1
                    continue
                return []
            if c == "C":
                crossed = True
                j -= 1
                continue
            if c in ("END", "L", "-"):
                break
            j -= 1
        # nothing before the verb but adjuncts: a broken-off sentence continues the previous one
        if depth == 0 and head < v.n:
            si = v.sent_of[head]
            if si > 0 and self._only_adjuncts(a, head):
                pa, pb = v.sents[si - 1]
                if v.low[self._skip_right(a, head, {"S", "T", "Q"})] == "yang":
                    # "... memakai rudal balistik. Yang ... untuk serang Ukraina": the last clause's subject
                    last_v = next((k for k in range(pb - 1, pa - 1, -1) if v.cls[k] == "V"), None)
                    if last_v is not None:
                        return self._at(self._subject(last_v, pa, depth=1), a)
                prev = self.sent_subject.get(si - 1) or []
                return [replace(p, pronoun=True, at=a) for p in prev[:2]]
        return []

    def _traveller_before(self, head: int, a: int) -> bool:
        """Is the subject of a travel verb a person or a delegation ("Utusan khusus AS Amos Hochstein
        dijadwalkan tiba", "Delegasi Israel ... hadir di Doha"), not goods or troops?"""
        v = self.v
        travellers = self.g.get("traveller_nouns", set())
        for p in self._subject(head, a):
            m = v.mention(p.pos) if 0 <= p.pos < v.n else None
            if m is not None and m.type == "PER":
                return True
            start = p.at if p.at >= 0 else p.pos
            if any(v.low[k] in travellers for k in range(max(a, start - 1), min(v.n, p.pos + 1))):
                return True
        return False

    def _pp_before(self, k: int, a: int) -> int | None:
        """The preposition that opens the phrase ending just before token ``k`` (a comma), if that phrase
        is a prepositional one ("di depan kantor Kementerian Perdagangan"); else None."""
        v = self.v
        x = k - 1
        while x >= a and v.cls[x] in ("N", "E", "S", "T", "PAR", "-"):
            x -= 1
        return x if x >= a and v.cls[x] == "P" else None

    def _generic_body(self, start: int, end: int, head: int) -> list[Party]:
        """A subject that names a body by a bare common noun ("Polisi", "militer", "pemerintah provinsi"):
        the nearest body of that kind named before ``head`` (``generic_bodies`` in events.yaml), else the
        national body of the home state or the home state itself."""
        v = self.v
        drop = self.lex.anaphor_determiners | self.g.get("quantity_words", set())
        words = [v.low[k] for k in range(start, end) if v.low[k] not in drop]
        phrase = " ".join(words)
        spec = next((s for s in self.generic_bodies if phrase in s.nouns), None)
        if spec is None and len(words) > 1 and words[0] in self.g.get("role_nouns", set()):
            # "perwakilan serikat", "juru bicara perusahaan": the body a role noun is of
            rest = " ".join(words[1:])
            spec = next((s for s in self.generic_bodies if rest in s.nouns), None)
        if spec is None:
            # "polisi dan tentara": each bare noun of a coordination names its own body
            conjunctions = self.g.get("conjunctions", set()) | {","}
            parts: list[list[str]] = [[]]
            for w in words:
                if w in conjunctions:
                    parts.append([])
                else:
                    parts[-1].append(w)
            if len(parts) < 2:
                return []
            found: list[Party] = []
            for part in parts:
                ps = next((s for s in self.generic_bodies if " ".join(part) in s.nouns), None)
                for p in self._resolve_generic(ps, start, head) if ps is not None else []:
                    if all(p.actor != q.actor for q in found):
                        found.append(p)
            return found
        return self._resolve_generic(spec, start, head)

    def _resolve_generic(self, spec: GenericBody, start: int, head: int) -> list[Party]:
        """The body a generic noun names: the nearest such body before ``head``, else the home state's."""
        v = self.v
        name_words, kinds = spec.name_words, spec.kinds
        for m in reversed(v.mentions):
            if m.start >= head:
                continue
            low = m.name.lower()
            introduced = bool(spec.introduced_by) and any(
                v.low[x] in spec.introduced_by for x in range(max(0, m.start - 2), m.start)
            )  # "koalisi oposisi Platform Kesatuan Demokratik": the article says which body it is
            if (
                introduced
                or (kinds and m.kind in kinds)
                or (name_words and any(w in low for w in name_words))
            ):
                if m.type in (
                    "GPE",
                    "LOC",
                ):  # "pemerintah provinsi": a regional government acts as its region
                    return [Party(m.name, m.name, m.start, pronoun=True, org=m.name)]
                found = self._parties([[m]])
                if found:
                    return [replace(p, pronoun=True) for p in found]
        home = self._home_country()
        if home is None:
            return []
        national = spec.national.get(home)
        if national:
            return [Party(home, national, start, pronoun=True, org=national)]
        if spec.state:
            return [Party(home, home, start, pronoun=True, org=home)]
        return []

    def _generic_body_at(self, k: int, b: int, head: int) -> list[Party]:
        """The longest bare-noun body phrase starting at token k ("pemerintah pusat", "polisi")."""
        for n in (3, 2, 1):
            found = self._generic_body(k, min(b, k + n), head)
            if found:
                return found
        return []

    def _home_country(self) -> str | None:
        """The state the article is about: the one its mentions act for most often."""
        counts: dict[str, int] = {}
        for m in self.v.mentions:
            state = m.actor if m.actor in self.states else self.country_of.get(m.name)
            if state and self.kind_of.get(state, "country") == "country":  # a union of states is no home
                counts[state] = counts.get(state, 0) + 1
        default = str(self.lex.raw.get("home_country") or "")
        if not counts:
            return None
        return max(counts, key=lambda a: (counts[a], a == default, -len(a)))

    def _only_adjuncts(self, a: int, head: int) -> bool:
        """True when tokens [a, head) hold only prepositional phrases, time words and conjunctions."""
        v = self.v
        in_pp = False
        for k in range(a, head):
            c = v.cls[k]
            if c == "P":
                in_pp = True
            elif c in ("S", "T", "Q", "-", "PAR"):
                continue
            elif c in ("C", ","):
                in_pp = False
            elif (c == "B" and v.low[k] == "yang" and k == self._skip_right(a, head, {"S", "T", "Q"})) or (
                c in ("E", "N") and in_pp
            ):
                continue
            else:
                return False
        return True

    def _org_noun(self, start: int, end: int, verb: int, a: int) -> list[Party]:
        """A reported clause whose subject is a common noun for a body ("federasi", "lembaganya"): the body
        the speaker works for."""
        v = self.v
        words = {v.low[k] for k in range(start, end + 1)}
        if not words & self.g.get("org_nouns", set()):
            return []
        for p in self._subject(verb, a, depth=1):
            m = next((x for x in v.mentions if x.name == p.name), None)
            if m is not None and m.type == "PER" and m.org and m.org != m.actor:
                return [Party(m.org, m.org, m.start, pronoun=True, org=m.org)]
            if m is not None and m.type == "ORG":
                return [replace(p, pronoun=True)]
        return []

    def _object_of_control(self, j: int, a: int) -> list[Party] | None:
        """For "mendesak X untuk ...", "mengecam X karena ...": X, when the verb is a control verb."""
        v = self.v
        k = self._skip_left(j - 1, a, {","})
        if k < a or v.cls[k] not in ("E", "PAR"):
            return None
        start, units, led = self._np_left(k, a)
        if not units or not led:
            return None
        before = self._skip_left(start - 1, a, {"S", "T"})
        if before >= a and (fb := v.form(before)) is not None and fb.trigger.control:
            return self._parties(units)
        return None

    def _pair_phrase_at(self, j: int) -> bool:
        v = self.v
        two = f"{v.low[j - 1]} {v.low[j]}" if j > 0 else ""
        three = f"{v.low[j - 2]} {two}" if j > 1 else ""
        pairs = self.g.get("pair_phrases", set())
        return two in pairs or three in pairs or v.low[j] in pairs  # "keduanya"

    def _pair_object(self, k: int, b: int, actors: list[Party]) -> list[Party]:
        """An object that names the two sides ("kedua belah pihak", "kedua tim") after the verb at ``k``:
        the two organisations other than the actor that the last sentences name most."""
        j = next((x for x in range(k, min(b, k + 4)) if self._pair_phrase_at(x)), None)
        if j is None:
            return []
        own = {p.actor for p in actors} | {p.org for p in actors if p.org}
        seen = self._recent_actors(
            j,
            8,
            # the two sides of a dispute between bodies ("kedua negara" is apart)
            lambda m: m.type == "ORG" and m.actor not in own and m.name not in self.places,
        )
        return [replace(p, at=k) for p in self._most_named(seen)]

    def _recent_actors(self, j: int, back: int, keep: Callable[[Mention], bool]) -> dict[str, Party]:
        """The distinct actors of the mentions before token ``j`` in its sentence and the ``back`` sentences
        before it, nearest first, among the mentions ``keep`` accepts."""
        v = self.v
        seen: dict[str, Party] = {}
        k = j - 1
        limit = v.sents[max(0, v.sent_of[j] - back)][0]
        while k >= limit:
            m = v.mention(k)
            if m is not None:
                if m.actor and m.actor not in seen and keep(m):
                    seen[m.actor] = Party(m.actor, m.name, m.start, pronoun=True)
                k = m.start - 1
                continue
            k -= 1
        return seen

    def _most_named(self, seen: dict[str, Party]) -> list[Party]:
        """The two of these parties the article names most (the later one on a tie), in order of mention."""
        if len(seen) < 2:
            return []
        freq = self.actor_freq
        ranked = sorted(seen.values(), key=lambda p: (-freq.get(p.actor or "", 0), -p.pos))[:2]
        return sorted(ranked, key=lambda p: p.pos)

    def _pair_parties(self, j: int, a: int) -> list[Party]:
        """ "kedua negara": the two most recently named distinct actors, in order of mention."""
        v = self.v
        seen = self._recent_actors(j, 3, lambda m: True)
        if len(seen) < 2:
            return []
        limit = v.sents[max(0, v.sent_of[j] - 3)][0]
        freq = self.actor_freq
        # a pair the text has already named as a pair ("Pyongyang dan Moskow") -- the one the article is
        # most about when there are several -- else the two states named most often lately
        pairs = self._named_pairs(v.sents[v.sent_of[j]][0], j) or self._named_pairs(limit, j)
        if pairs:
            best = max(
                pairs,
                key=lambda pq: (freq.get(pq[0].actor or "", 0) + freq.get(pq[1].actor or "", 0), pq[1].pos),
            )
            last = {p.actor: p for p in seen.values()}
            chosen = [last.get(p.actor, p) for p in best]
            return sorted(chosen, key=lambda p: p.pos)
        return self._most_named(seen)

    def _named_pairs(self, lo: int, hi: int) -> list[tuple[Party, Party]]:
        """Two states named together with "dan"/"serta"/"-" in tokens [lo, hi)."""
        v = self.v
        out: list[tuple[Party, Party]] = []
        k = lo
        while k < hi:
            m = v.mention(k)
            if m is None or not m.actor:
                k += 1
                continue
            j = m.end
            if j + 1 < hi and v.cls[j] in ("C", "-") and v.low[j] not in ("atau", "ataupun"):
                n = v.mention(j + 1)
                if n is not None and n.actor and n.actor != m.actor:
                    out.append(
                        (
                            Party(m.actor, m.name, m.start, pronoun=True),
                            Party(n.actor, n.name, n.start, pronoun=True),
                        )
                    )
            k = m.end
        return out

    def _resolve_pronoun(self, j: int, a: int) -> list[Party]:
        v, g = self.v, self.g
        w = v.low[j]
        # "Dia (Putin)": the bracketed name says who
        if j + 2 < v.n and v.text[j + 1] == "(":
            m = v.mention(j + 2)
            if m is not None:
                return [Party(m.actor, m.name, m.start, pronoun=True)]
        if w in g.get("speaker_pronouns", set()):
            spk = self._quote_speaker(j)
            return [spk] if spk else []
        si = v.sent_of[j]
        if w in g.get("person_pronouns", set()):
            k = j - 1
            limit = v.sents[max(0, si - 2)][0]
            while k >= limit:
                m = v.mention(k)
                if m is not None and m.type == "PER":
                    # "Juru bicara Kementerian X, Budi, ... Ia meminta": the person acts for the body named
                    # in their title (which also tells events inside one state apart)
                    titled = self._titled_mention(m.name, k + 1)
                    if titled is not None and titled.actor:
                        return [replace(titled, name=m.name, pos=m.start)]
                    if m.actor:
                        return [Party(m.actor, m.name, m.start, pronoun=True)]
                k -= 1
            return []
        # "mereka": a named body earlier in the same sentence ("Mengutip juru bicara X, mereka ..."),
        # else the topic of the previous sentence
        k = j - 1
        while k >= a:
            m = v.mention(k)
            if m is not None and m.actor and m.type != "PER":
                return [Party(m.actor, m.name, m.start, pronoun=True)]
            k -= 1
        for back in (1, 2):
            prev = self.sent_subject.get(si - back)
            if prev:
                return [replace(p, pronoun=True) for p in prev]
        return []

    def _topic(self, a: int, b: int) -> list[Party]:
        """The parties named before the first verb of a sentence (what "mereka" can refer back to)."""
        v = self.v
        out: list[Party] = []
        seen: set[str] = set()
        for k in range(a, b):
            if v.cls[k] in ("V", "P") or ((fk := v.form(k)) is not None and fk.cls != "noun"):
                break
            m = v.mention(k)
            if m is not None and m.actor and m.actor not in seen and k == m.start:
                seen.add(m.actor)
                out.append(Party(m.actor, m.name, m.start))
        return out

    # ------------------------------------------------------------------ quotes and speakers
    def _quote_speaker(self, j: int) -> Party | None:
        """Who speaks the quotation around token j (the quotes layer first, then the reporting verb)."""
        v = self.v
        q = self._quote_at(v.idx[j], v.end_char[j])
        if q is not None and (q.speaker_name or q.speaker):
            titled = self._titled_mention(q.speaker_name, j)
            if titled is not None:
                return titled
            info = (self.doc._.entities or {}).get(q.speaker) if q.speaker else None
            actor = info.actor() if info else self.party_of.get(q.speaker_name or "", None)
            return Party(actor or q.speaker_name, q.speaker_name or (info.name if info else None), j)
        qid = v.quote_id[j]
        if qid < 0:
            return None
        # after the closing mark: '," kata Kirby' / '," tambahnya'
        k = j
        while k < v.n and v.quote_id[k] == qid:
            k += 1
        k = self._skip_right(k, v.n, {"Q", ",", "S"})
        if k < v.n and (v.low[k] in self.lex.reporting_after or v.low[k] in self.lex.reporting_before):
            m_k = self._skip_right(k + 1, v.n, {"S", "T"})
            m = v.mention(m_k) if m_k < v.n else None
            if m is not None:
                _, unit = self._unit_ending_at(m.end - 1, m_k)
                unit = unit or [m]
                return self._parties([unit])[0]
            subj = self._subject(k, v.sents[v.sent_of[k]][0], depth=1)
            if subj:
                return subj[0]
            if v.low[k].endswith("nya"):
                return self._last_speaker_before(j)
        # before the opening mark: 'X mengatakan, "...'
        k = j
        while k >= 0 and v.quote_id[k] == qid:
            k -= 1
        k = self._skip_left(k, 0, {"Q", ",", "S", "B"})
        if k >= 0 and v.cls[k] == "V":
            subj = self._subject(k, v.sents[v.sent_of[k]][0], depth=1)
            if subj:
                return subj[0]
        return None

    def _titled_mention(self, name: str | None, j: int) -> Party | None:
        """The party of the latest mention of a person before token j, read with its title."""
        if not name:
            return None
        v = self.v
        best: Party | None = None
        for m in v.mentions:
            if m.name != name or m.start >= j and best is not None:
                continue
            a = v.sents[v.sent_of[m.start]][0]
            _start, unit = self._unit_ending_at(m.end - 1, a)
            parties = self._parties([unit or [m]])
            if parties:
                best = parties[0]
        return replace(best, pronoun=True) if best else None

    def _last_speaker_before(self, j: int) -> Party | None:
        v = self.v
        k = j - 1
        while k >= 0:
            m = v.mention(k)
            if m is not None and m.type == "PER":
                return Party(m.actor, m.name, m.start)
            k -= 1
        return None

    def _quote_at(self, start: int, end: int) -> Any:
        best = None
        for q in self.quotes:
            if q.start is None or q.end is None:
                continue
            if (
                q.start <= start
                and end <= q.end
                and (best is None or (q.end - q.start) < (best.end - best.start))
            ):
                best = q
        return best

    def _speaker_name(self, t: Trig, si: int) -> str | None:
        """The name of who performs a speech act (the source of what it says). A bare speech noun
        ("Tepis Tuduhan Pasok Senjata") is nobody's words: its owner follows it ("tuduhan Seoul") or it has none;
        the subject of the clause around it is who answers it, not who made it."""
        if t.cls == "noun" and t.light is None:
            _d, poss, _pps, _e, _o = self._right(t.end, self.v.sents[si][1])
            owners = [p.name for p in self._parties(poss) if p.name]
            return owners[0] if owners else None
        if t.cls == "passive":
            # "Korea Utara dituding (oleh) AS memasok ...": the accuser is the agent after the verb; the
            # subject is who is accused, never the source
            agents = [p.name for p in self._agents_after(t, self.v.sents[si][1]) if p.name]
            return agents[0] if agents else None
        subj = self._subject(t.head, self.v.sents[si][0])
        names = [p.name for p in subj if p.name]
        return names[0] if names else None

    # ------------------------------------------------------------------ right side
    def _right(
        self, start: int, b: int
    ) -> tuple[list[Unit], list[Unit], list[tuple[str, list[Unit], int]], int, int]:
        """After a verb: (direct-object units, possessor units, [(preposition, units, pos)], clause end,
        end of the object phrase)."""
        v = self.v
        j = self._skip_right(start, b, {"S", "T"})
        # "mengecam dan menolak deklarasi NATO": coordinated verbs share the object
        while j + 1 < b and v.cls[j] in ("C", ",") and v.cls[self._skip_right(j + 1, b, {"S", "T"})] == "V":
            j = self._skip_right(self._skip_right(j + 1, b, {"S", "T"}) + 1, b, {"S", "T"})
        direct: list[Unit] = []
        poss: list[Unit] = []
        pps: list[tuple[str, list[Unit], int]] = []
        # object noun phrase
        k = j
        first = True
        while k < b:
            c = v.cls[k]
            if c == "E" or (first and v.low[k] in self.g.get("role_nouns", set())):
                units, k2 = self._units_right(k, b)
                if units:
                    (direct if first else poss).extend(units)
                    k = k2
                    first = False
                    continue
                k = k2 if k2 > k else k + 1
                first = False
                continue
            if c == "L":
                units, k2 = self._units_right(k + 1, b)
                (direct if (first or direct) else poss).extend(units)
                k = k2
                continue
            if c in ("N", "S", "T", "-", "PAR", "Q") or (
                c == "C" and k + 1 < b and v.cls[k + 1] in ("N", "E")
            ):
                if c == "N":
                    first = False
                k += 1
                continue
            if c == "," and k + 1 < b and v.cls[k + 1] in ("L",):
                k += 1
                continue
            if c == "," and self._item_follows(k + 1, b):
                k += 1  # "tenda, selimut, dan makanan": a list of items goes on
                continue
            if c == "B" and v.low[k] == "yang" and self._short_relative(k, b):
                k = self._short_relative(k, b)
                continue
            break
        end = obj_end = k
        # "mendesak pemerintah membawa ...": the government, unnamed, of the state the clause is about
        gov_words = self.g.get("bare_government", set())
        self._bare_government = bool(
            not direct
            and not poss
            and j < b
            and v.low[j] in gov_words
            and (j + 1 >= b or v.cls[j + 1] != "E")
        )
        # prepositional phrases until the clause ends
        while k < b:
            c = v.cls[k]
            if c == "B" and v.low[k] == "yang" and self._short_relative(k, b):
                k = self._short_relative(k, b)
                continue
            if c == "L":
                units, k2 = self._units_right(k + 1, b, pp=True)
                if units and pps:
                    pps[-1] = (pps[-1][0], pps[-1][1] + units, pps[-1][2])
                    k = end = k2
                    continue
                pps.append(("termasuk", [], k))  # ", termasuk amunisi": more of the object
            if (
                c == "END"
                or c == "B"
                or c == "V"
                or (c == "," and k + 1 < b and v.cls[k + 1] in ("V", "B", "C"))
            ):
                break
            if c == "P":
                prep = v.low[k]
                kk = k + 1
                while kk < b and v.cls[kk] == "P":  # "di antara", "ke arah"
                    prep = v.low[kk]
                    kk += 1
                kk = self._skip_right(kk, b, {"S", "T"})
                units, k2 = self._units_right(kk, b, pp=True)
                if not units and prep in self.g.get("place_aim_preps", set()):
                    # "ke sejumlah kota di Ukraina", "untuk korban gempa di Vanuatu": the place named after
                    # "di" is where it aims
                    x = kk
                    while x < b and x - kk < 5 and v.cls[x] in ("N", "S"):
                        x += 1
                    if x < b and v.low[x] == "di":
                        units, k2 = self._units_right(x + 1, b, pp=True)
                pps.append((prep, units, k))
                k = max(k2, kk)
                end = k
                continue
            k += 1
            end = k
        return direct, poss, pps, end, obj_end

    def _units_right(self, k: int, b: int, pp: bool = False) -> tuple[list[Unit], int]:
        """Coordinated mention units starting at token k (titles before a name are allowed; in a
        prepositional phrase a few common nouns too: "terhadap perusahaan pelayaran Rusia")."""
        v = self.v
        roles = self.g.get("role_nouns", set()) | self.g.get("place_nouns", set())
        units: list[Unit] = []
        cur: Unit = []
        j = k
        if pp:
            lead = k
            while (
                lead < b
                and lead - k < 4
                and (v.cls[lead] in ("N", "S") or v.text[lead][:1].isdigit())  # "kepada 3 pemain Persib"
                and v.trig[lead] is None
                and (v.cue[lead] is None)
            ):
                lead += 1
            if lead < b and lead > k and v.mention(lead) is not None:
                j = lead
        while j < b:
            m = v.mention(j)
            if m is not None:
                if not cur or cur[-1] is not m:
                    cur.append(m)
                j = m.end
                continue
            w = v.low[j]
            c = v.cls[j]
            if w in roles and not cur:
                j += 1
                continue
            if c == "PAR":
                # bracketed aside after a name: "DPRK (nama resmi Korut)"
                depth = 0
                while j < b:
                    if v.text[j] in ("(", "["):
                        depth += 1
                    elif v.text[j] in (")", "]"):
                        depth -= 1
                        if depth <= 0:
                            j += 1
                            break
                    j += 1
                continue
            if cur and (c in ("C", ",", "-", "L") or w in roles):
                if c in ("C", ",", "-", "L"):
                    if c == "," and self._starts_clause(j + 1, b):
                        break  # "menyerang Polandia, NATO akan ...": a new subject, not a list
                    if c == "," and self._place_apposition(cur, j + 1, b):
                        break  # "Kabupaten Demak, Jawa Tengah": where it is, not a second party
                    units.append(cur)
                    cur = []
                j += 1
                continue
            if not cur and c in ("C", ",", "L") and units:
                j += 1
                continue
            if pp and not cur and not units and c == "N" and w in ("negara", "pihak", "pemerintah", "rezim"):
                j += 1
                continue
            break
        if cur:
            units.append(cur)
        # a trailing conjunction consumed without a following name is given back
        while j > k and v.cls[j - 1] in ("C", ",", "-", "L"):
            j -= 1
        return units, j

    def _item_follows(self, k: int, b: int) -> bool:
        """An item word (after an optional conjunction) at token k: the next member of a list of goods."""
        v = self.v
        if k < b and v.cls[k] == "C":
            k += 1
        return k < b and v.item[k] is not None

    def _short_relative(self, k: int, b: int) -> int:
        """ "sanksi yang kuat terhadap X": a relative clause of one or two words without a verb is an
        adjective; the phrase goes on after it. Returns the token after it, or 0."""
        v = self.v
        j = k + 1
        while j < b and j - k <= 3 and v.cls[j] in ("N", "S") and v.trig[j] is None:
            j += 1
        if j - k >= 2 and j < b and v.cls[j] in ("P", ","):
            return j
        return 0

    def _place_apposition(self, cur: Unit, k: int, b: int) -> bool:
        """A place after a comma that names where the previous place lies, with no "dan" closing a list."""
        v = self.v
        m = v.mention(k) if k < b else None
        if m is None or not cur or cur[-1].type not in ("GPE", "LOC") or m.type not in ("GPE", "LOC"):
            return False
        if (cur[-1].kind or "") == "country" or (m.kind or "") == "country":
            return False
        j = m.end
        while j < b and v.cls[j] not in ("END", "B", "V", "P"):
            if v.cls[j] == "C":
                return False
            j += 1
        return True

    def _starts_clause(self, k: int, b: int) -> bool:
        """A name followed by its own verb ("..., NATO akan membela")."""
        v = self.v
        k = self._skip_right(k, b, {"S", "T"})
        m = v.mention(k) if k < b else None
        if m is None:
            return False
        j = m.end
        while j < b and (v.cls[j] in ("S", "T") or v.cue[j] is not None and v.cls[j] not in ("E", "P", "B")):
            j += 1
        return j < b and v.cls[j] == "V"

    # ------------------------------------------------------------------ items
    def _item_windows(
        self, start: int, obj_end: int, pps: list[tuple[str, list[Unit], int]], end: int
    ) -> list[str]:
        """Items of the object phrase and of the phrases that name what moves or is used ("berupa X",
        "dengan X", ", termasuk X") -- not those of a reason or a comparison further on."""
        item_preps = {
            "berupa",
            "berisi",
            "bermuatan",
            "dengan",
            "termasuk",
            "seperti",
            "sebanyak",
            "antara",
            "oleh",
            "dari",
            "buatan",
            "produksi",
        }
        items = self._items(start, obj_end)
        bounds = [pos for _p, _u, pos in pps] + [end]
        for n, (prep, _units, pos) in enumerate(pps):
            if prep in item_preps:
                for it in self._items(pos + 1, bounds[n + 1]):
                    if it not in items and not any(self.lex.is_ancestor(o, it) for o in items if o != it):
                        items.append(it)
        return items

    def _one_per_family(self, items: list[str]) -> list[str]:
        """One event per item family (guidelines) where the family's members are one delivery: "tenda,
        selimut, dan makanan" is humanitarian aid -- siblings merge into their nearest common parent
        (events.yaml ``merge_families``; arms stay apart: "amunisi dan rudal" are two claims)."""
        lex = self.lex
        out: list[str] = []
        for it in items:
            fam = lex.family(it)
            k = next(
                (n for n, o in enumerate(out) if fam in self.merge_families and lex.family(o) == fam), None
            )
            if k is None:
                out.append(it)
                continue
            common: str | None = out[k]
            while common is not None and not lex.is_ancestor(common, it):
                known = lex.items.get(common)
                common = known.parent if known else None
            out[k] = common or out[k]
        return out

    def _items(self, lo: int, hi: int) -> list[str]:
        """Items mentioned in tokens [lo, hi): a general and a specific item coordinated ("senjata atau
        amunisi") are one general statement; items after "termasuk"/"seperti" stay apart."""
        v, lex = self.v, self.lex
        found: list[tuple[str, bool]] = []
        k = lo
        listed = False
        while k < hi:
            if v.cls[k] == "L":
                listed = True
            if v.cls[k] == "E":
                k += 1
                continue
            hit = v.item[k]
            if hit is not None:
                n, name = hit
                found.append((name, listed))
                k += n
                continue
            k += 1
        out: list[str] = []
        plain = [n for n, lst in found if not lst]
        for name, lst in found:
            if not lst and any(o != name and lex.is_ancestor(o, name) for o in plain):
                continue
            if name not in out:
                out.append(name)
        return out

    # ------------------------------------------------------------------ status
    def _negative_existential(self, rel: int, a: int) -> str | None:
        """ "tidak ada (satu pun) saksi yang ...": the phrase that denies the relative clause at ``rel``
        ("yang") by saying nothing it describes exists."""
        v = self.v
        phrases = [tuple(str(p).lower().split()) for p in self.lex.raw.get("negative_existentials") or ()]
        for j in range(rel - 1, max(a, rel - 10) - 1, -1):
            if v.cls[j] in ("END", "B", ","):
                return None
            for ph in phrases:
                if tuple(v.low[j : j + len(ph)]) == ph and j + len(ph) < rel:
                    return " ".join(ph)
        return None

    def _status(
        self, t: Trig, a: int, b: int, subj_lo: int, args_hi: int, subj_at: int = -1, speech: bool = False
    ) -> tuple[str | None, set[str]]:
        """(status or None when the event must not be coded, the cue words seen). Cues count between the
        clause's subject and the verb; before the subject only a conditional ("Jika ...") does."""
        v = self.v
        tags: set[str] = set()
        words: set[str] = set()
        if any("reportive" in v.tags(k) for k in range(a, t.start)):
            words.add("reportive")
        opaque_words = self.lex.raw.get("opaque") or []
        opaque = {str(w).lower() for w in opaque_words}
        negation_open = True
        j = t.start - 1  # a light verb's own cue counts ("menawarkan bantuan", "dalam proses pembelian")
        while j >= a:
            c = v.cls[j]
            if c == "B" and "hypothetical" in v.tags(j):
                tags.add("hypothetical")
            if c == "B" and v.low[j] == "yang" and negation_open:
                neg = self._negative_existential(j, a)
                if neg:
                    tags.add("denied")  # "tidak ada satu pun saksi yang kami intimidasi"
                    words.add(neg)
            if c == "END" or (c == "B" and v.low[j] not in ("untuk", "agar", "supaya")):
                break
            if v.low[j] in opaque and j != t.head:
                break
            tr = v.trig[j]
            if tr is not None and (tr[1].trigger.opaque or tr[1].trigger.frame in ("deny", "allege")):
                break
            if c == "," or (c == "C" and j + 1 < b and v.cls[self._skip_right(j + 1, b, {"S"})] == "V"):
                negation_open = False
            cue = v.cue[j]
            if cue is not None and 0 <= j < subj_at and not (j == subj_at - 1 and v.cls[j] == "N"):
                cue = None  # before the subject: another clause's (but "upaya Rusia untuk ..." counts)
            if cue is not None:
                n, tag_s = cue
                if j + n <= t.start or j + n <= t.head + 1:
                    for tag in tag_s.split("|"):
                        if tag == "denied" and not negation_open:
                            continue
                        tags.add(tag)
                    words.add(" ".join(v.low[j : j + n]))
            j -= 1
        # after the trigger: "pembelian potensial", "... jika diserang"
        k = self._skip_right(t.end, b, {"S", "T"})
        post = self.lex.raw.get("post_cues") or {}
        if k < b and v.low[k] in post:
            tags.add(str(post[v.low[k]]))
        for k in range(t.end, b if not speech else t.end):
            # a demand or a warning made on a condition is still made: only what it asks is conditional
            c = v.cls[k]
            if c == "END":
                break
            if c == "B":
                cue = v.cue[k]
                if cue is not None and "hypothetical" in cue[1]:
                    tags.add("hypothetical")
                break
        # generic arguments: "setiap pihak", "kesepakatan senjata apa pun"
        for k in range(max(a, subj_lo), min(b, args_hi)):
            cue = v.cue[k]
            if cue is not None and "generic" in cue[1]:
                tags.add("hypothetical")
        if "suppress" in tags:
            return None, words
        if "denied" in tags:
            return "denied", words
        for st in ("hypothetical", "potential", "planned"):
            if st in tags:
                return st, words
        return "asserted", words

    # ------------------------------------------------------------------ one trigger
    def _code_trigger(
        self,
        t: Trig,
        si: int,
        a: int,
        b: int,
        gov: Trig | None,
        fallback_targets: list[Cand] | None = None,
    ) -> list[Cand]:
        v, lex = self.v, self.lex
        tr = t.form.trigger
        etype, mode = tr.type, tr.mode
        speech = tr.speech
        if etype is None and not tr.objects:
            return []
        frame = tr.frame
        # what follows the trigger
        direct, poss, pps, args_end, obj_end = self._right(t.end, b)
        bare_government = self._bare_government
        # the head noun after the verb decides some types ("mengirim surat" is a letter, not aid)
        j = self._skip_right(t.end, b, {"S", "T"})
        hj = j
        while hj < b and (v.low[hj][:1].isdigit() or v.low[hj] in self.g.get("quantity_words", set())):
            hj += 1  # "mengerahkan sekitar 5.000 personel": the noun after the number
        head_word = v.low[hj] if hj < b else ""
        head_two = f"{head_word} {v.low[hj + 1]}" if hj + 1 < b else ""
        if tr.objects and (head_two in tr.objects or head_word in tr.objects):
            spec = tr.objects[head_two] if head_two in tr.objects else tr.objects[head_word]
            etype = spec.get("type", etype)
            mode = spec.get("mode")
            speech = bool(spec.get("speech", speech))
            frame = spec.get("frame") or ("directed" if etype != "AID" else frame)
        mod_word = head_word if t.cls == "noun" or t.light is not None else ""
        if tr.modifiers and mod_word in tr.modifiers:
            spec = tr.modifiers[mod_word]
            if "type" in spec and spec["type"] is None:
                return []
            etype = spec.get("type", etype)
            mode = spec.get("mode", mode)
        if etype is None:
            return []
        items = self._item_windows(t.end, obj_end, pps, args_end)
        if t.cls == "passive":
            lo_items = self._skip_left(t.start - 1, a, {"S", "T"})
            items = items or self._items(max(a, lo_items - 4), t.start)
        items = self._one_per_family(items)
        # deals in arms are AID, not AGREE
        if etype == "AGREE" and v.low[t.start] in lex.deal_nouns and items:
            etype, frame, mode = "AID", "reciprocal", None
        if etype == "AID" and frame != "reciprocal" and tr.frame == "reciprocal":
            frame = "reciprocal"
        needs = tr.needs
        if needs == "item" and not items and etype == "AID" and not t.clitic:
            return []
        if needs == "weapon" and not any(lex.family(i) in lex.weapon_families for i in items):
            return []
        if needs == "agreement" and head_word not in lex.agreement_nouns:
            return []
        if needs == "traveller" and not self._traveller_before(t.head, a):
            return []  # "bantuan tiba di Gaza": goods arrive, nobody visits
        if needs == "captives" and not any(v.low[k] in lex.captive_nouns for k in range(t.end, args_end)):
            return []
        if needs == "condition" and not any(
            v.cls[k] == "B" and "hypothetical" in v.tags(k) for k in range(t.end, b)
        ):
            return []  # "bertindak" alone is no threat; "akan bertindak bila ..." is
        if needs == "complement":
            comps = self.g.get("complementizers", set())
            verb_next = any(
                v.cls[k] == "V" for k in range(obj_end, min(b, obj_end + 3))
            )  # "mengajak X mendorong"
            if not verb_next and not any(v.low[k] in comps for k in range(t.end, min(b, args_end + 2))):
                return []
        # item-driven type changes (balloons sent to harass are COERCE)
        for it in items:
            known = lex.items.get(it)
            if known is not None and known.type and etype == "AID":
                etype, mode = known.type, None
        if etype == "ASSAULT" and items and all(lex.items[i].assault_type for i in items if i in lex.items):
            etype, mode = lex.items[items[0]].assault_type or etype, None  # tear gas on a crowd: repression

        # ---- arguments
        actors: list[Party] = []
        targets: list[Party] = []
        reciprocal = False
        prep_units = {p: u for p, u, _ in reversed(pps)}
        tpreps = tr.preps or self._default_preps(etype, frame)
        owner_preps = tuple(self.g.get("owner_preps", set()))
        if t.cls == "noun" and t.light is None and etype == "CONSULT":
            tpreps = tuple(p for p in tpreps if p != "di")  # "perundingan ... di Doha": where, not with whom

        via_place: list[bool] = [False]

        def pp_targets() -> list[Party]:
            for n, (p, units, _pos) in enumerate(pps):
                if p in tpreps and units:
                    if p == "di" and etype == "ASSAULT" and not all(m.name in self.places for m in units[0]):
                        continue  # "di depan gedung DPR": where it happened, not who was hit
                    if p == "di":
                        # "bertemu di Tokyo": where, never whom -- the host state at most
                        via_place[0] = True
                        return [replace(x, org=x.actor) for x in self._parties(units)]
                    return self._parties(units)
                if p in tpreps and n + 1 < len(pps) and pps[n + 1][0] in owner_preps and pps[n + 1][1]:
                    # "terhadap panel surya buatan Vietnam", "ke kapal milik Filipina": the owner or maker
                    return self._parties(pps[n + 1][1])
                if p in tpreps and not units and p != "di":
                    # "meminta tambahan anggaran dari pemerintah pusat": a body named by a bare noun
                    found = self._generic_body_at(_pos + 1, b, t.start)
                    if found:
                        return found
            return []

        def pp_generic() -> bool:
            return any(p in tpreps and not units and self._generic_at(pos + 1) for p, units, pos in pps)

        subj: list[Party] = []
        if t.cls in ("active", "passive") or t.light is not None:
            subj = self._subject(t.head, a)
        patients: list[Party] = []
        if t.cls == "noun" and t.light is None:
            # the possessor of an event noun is its agent ("ekspor senjata Pyongyang", "serangan Rusia") --
            # unless it names the people it befalls ("penangkapan seorang jurnalis Belanda"): then it is the
            # target and only "oleh" names the agent
            owner = self._parties(poss or direct)
            if owner and self._patient_possessor(t, poss or direct, etype):
                patients, owner = owner, []
            agent = prep_units.get("oleh")
            if agent:
                owner_agent = self._parties(agent)
                if owner and frame == "transfer":
                    pass  # the item's owner is the giver; "oleh" in a translated text is unreliable
                else:
                    owner = owner_agent
            src_units = prep_units.get("dari")
            if frame == "acquire":
                targets = owner or self._clause_subject_for_noun(t, a)
                actors = self._parties(src_units) if src_units else []
            else:
                actors = owner
                if not actors and etype not in ("CONSULT", "AGREE", "COOPERATE"):
                    rel, rel_end = self._relative_agent_end(obj_end, b)
                    if rel:
                        # "pembatasan ekspor ... yang diberlakukan Jepang terhadap Korea Selatan"
                        actors = rel
                        _d, _p, more, args_end2, _o = self._right(rel_end, b)
                        pps = pps + more
                        args_end = max(args_end, args_end2)
                if not actors and src_units and frame == "transfer":
                    actors = self._parties(src_units)
                if not actors and self._noun_is_predicate(t, a):
                    actors = self._clause_subject_for_noun(t, a)
                targets = pp_targets() or patients
            pair = prep_units.get("antara")
            pair_ps: list[Party] = []
            if frame == "reciprocal" or etype == "AID":
                pair_ps = (
                    self._parties(pair) if pair and len(pair) >= 2 else self._pair_after_antara(pps, b, t.end)
                )
            if pair_ps:
                actors, targets, reciprocal = [pair_ps[0]], pair_ps[1:], True
            elif len(actors) >= 2 and not targets and etype == "AID" and self._hyphen_pair(poss or direct):
                # "perdagangan senjata Rusia-Korea Utara": a pair, direction from the rest of the text
                actors, targets, reciprocal = [actors[0]], actors[1:], True
            elif (
                frame == "reciprocal"
                and len(actors) >= 2
                and not targets
                and not self._hyphen_pair(poss or direct)
            ):
                actors, targets, reciprocal = [actors[0]], actors[1:], True
        elif t.cls == "passive":
            agent_units = prep_units.get("oleh")
            if t.agent_at >= 0:
                actors = self._resolve_pronoun(t.agent_at, a)
            elif not agent_units:
                k = self._skip_right(t.end, b, {"S", "T"})
                if k < b and (v.cls[k] == "E" or v.low[k] in self.g.get("role_nouns", set())):
                    agent_units, _ = self._units_right(k, b)  # "diterima Presiden Joko Widodo"
            actors = actors or self._parties(agent_units or [])
            if not actors and not agent_units and speech:
                # "setiap serangan X tidak akan dibiarkan tanpa jawaban, kata Peskov": the speaker's side acts
                quoted = self._quote_speaker(t.start)
                name = self._reporter_for(t, si) or (quoted.name if quoted else None)
                side = self.party_of.get(name or "")
                if side:
                    actors = [Party(side, name, t.start, pronoun=True)]
            if not actors and not agent_units:
                # "ditangkap polisi", "ditahan oleh aparat keamanan": an agent named by a bare noun
                actors = self._generic_body_at(self._agent_start(t, b), b, t.start)
            if not actors and etype == "ASSAULT":
                # "memasok rudal kepada Rusia, yang kemudian ditembakkan ke Ukraina": the receiver fires them
                before = self._skip_left(t.start - 1, a, {"S", "T", ","})
                if before >= a and v.low[before] == "yang":
                    given = [c for c in self.sent_cands if c.type == "AID" and c.target]
                    if given:
                        actors = [Party(given[-1].target, None, given[-1].trig)]
                        items = items or ([given[-1].item] if given[-1].item else [])
            if frame == "acquire":
                actors, targets = self._parties(prep_units.get("dari") or []), subj
            elif frame == "received":
                actors, targets = (
                    subj,
                    actors,
                )  # "Paus diterima Presiden Joko Widodo": the guest visits the host
            elif frame == "transfer":
                targets = pp_targets()
                if not actors and prep_units.get("dari"):
                    actors = self._parties(prep_units["dari"])  # "dikirim dari Pyongyang"
            else:
                targets = subj
        else:
            if t.light_patient:
                targets = subj
                # "menerima kunjungan Perdana Menteri Malaysia", "terkena sanksi AS": the owner of the noun acts
                actors = self._parties(
                    prep_units.get("dari") or prep_units.get("oleh") or poss or direct or []
                )
            elif frame == "acquire":
                targets = subj
                actors = self._parties(prep_units.get("dari") or [])
            else:
                actors = subj
                if t.light is not None:
                    owner = self._parties(poss or direct)
                    if not actors and owner:
                        actors = owner
                    targets = pp_targets()
                elif frame == "transfer":
                    targets = pp_targets() or self._parties(direct)
                elif etype in ("ACCUSE", "REJECT"):
                    # "mengecam serangan Israel ke Gaza": the one condemned owns the object
                    targets = self._parties(direct) or self._parties(poss) or pp_targets()
                    if not targets and t.cls == "active":
                        # "menuding oposisi ...", "menolak permintaan perusahaan": a body named by a bare noun
                        targets = self._generic_body_at(self._skip_right(t.end, b, {"S", "T"}), b, t.start)
                elif tr.prep_only:
                    targets = pp_targets()
                else:
                    targets = self._parties(direct) or pp_targets()
                    # the object names a thing, not an item that is used or moved ("menggunakan roket Korea
                    # Utara"); a facility that merely names a good ("kilang minyak Rusia") is still a thing
                    obj_is_item = bool(self._items(t.end, obj_end)) and (j >= b or v.item[j] is not None)
                    if (
                        not targets
                        and etype in self.owner_targets
                        and tr.needs != "weapon"
                        and not obj_is_item
                    ):
                        if poss:
                            # "menabrak kapal nelayan Indonesia", "mencabut pembatasan ekspor Jepang": the owner
                            # of what is hit, blocked, seized or released is the one the act is aimed at
                            targets = self._parties(poss)
                        elif pps and pps[0][0] in owner_preps and pps[0][1] and pps[0][2] <= obj_end + 1:
                            # "menabrak kapal-kapal karet milik Angkatan Laut Kamboja": the owner named by
                            # "milik/asal" right after the object
                            targets = self._parties(pps[0][1])
                        else:
                            # "menyerang sistem energi kami" in a quote: the speaker's side owns what is hit
                            own = next(
                                (
                                    k
                                    for k in range(t.end, min(obj_end + 1, b))
                                    if v.low[k] in self.g.get("speaker_owner_pronouns", set())
                                ),
                                None,
                            )
                            spk = (
                                self._quote_speaker(own)
                                if own is not None and v.cls[own - 1] == "N"
                                else None
                            )
                            if (
                                own is not None
                                and spk is not None
                                and all(spk.actor != p.actor for p in actors)
                            ):
                                targets = [replace(spk, pos=own, at=own)]
            if not targets and t.cls == "active" and frame != "transfer" and actors:
                # "memanggil kedua belah pihak", "mempertemukan kedua tim": the two sides named lately
                targets = self._pair_object(self._skip_right(t.end, b, {"S", "T"}), b, actors)
            if frame == "reciprocal" and (not targets or via_place[0]) and len(actors) >= 2:
                actors, targets, reciprocal = [actors[0]], actors[1:], True
            pair = prep_units.get("antara")
            if frame == "reciprocal" and not targets:
                ps = (
                    self._parties(pair) if pair and len(pair) >= 2 else self._pair_after_antara(pps, b, t.end)
                )
                if ps:
                    actors, targets, reciprocal = [ps[0]], ps[1:], True
        if t.preset:
            targets = list(t.preset)
        if frame == "mediate":
            # the parties of mediated talks are states and groups; "perundingan Gaza" names what they are about
            targets = [p for p in targets if p.name not in self.places]
            # "menjadi tuan rumah KTT G7": hosting a summit is not meeting the body it is named after; the
            # invited guests are the ones consulted
            targets = [p for p in targets if not self._names_event(p)]
            if not targets and t.cls == "passive":
                # "Perundingan tersebut dimediasi oleh Qatar": the talks named earlier, between their parties
                for k in range(a, t.start):
                    ref = self._anaphor_referents(k, t.start, si)
                    if ref:
                        names = [n for c in ref[:1] for n in (c.actor, c.target) if n]
                        targets = [Party(n, None, k) for n in dict.fromkeys(names)]
                        break
        if (
            not targets
            and not direct
            and not poss
            and actors
            and t.cls == "active"
            and j < b
            and v.item[j] is None
        ):
            # "menuntut perusahaan membayar ...", "menemui manajemen": a body named by a bare noun
            targets = self._generic_body_at(j, b, t.start)
        if not targets and bare_government and actors and t.cls != "noun":
            home = self._home_state(actors[0])
            if home:
                targets = [Party(home, home, j, org=home)]
        if not targets and etype == "PROTEST" and actors:
            targets = self._protest_target(t, a, b, mode, actors[0])
        if not targets and etype == "MOBILIZE" and actors:
            targets = self._aimed_at(t.end, b, actors[0])
        # "menolak proposal terbaru yang diajukan Washington": the one whose proposal it is
        if not targets and etype in ("ACCUSE", "REJECT"):
            targets = self._relative_agent(obj_end, b)
        # transfer with no target in its clause: the "ke X" of the clause it continues
        if etype == "AID" and not targets and frame == "transfer":
            targets = self._earlier_recipient(t.start, a)
        # an anaphoric object ("mengutuk tawaran tersebut") stands for the actor of the earlier event
        if not targets and etype in ("ACCUSE", "REJECT"):
            ref = self._anaphor_referents(j, b, si)
            targets = [Party(c.actor, None, 0) for c in ref if c.actor][:1]
        if not targets and etype in ("ACCUSE", "REJECT"):
            # "menolak tawaran itu", "menghargai tawaran itu, tetapi menolaknya": whoever made the offer
            targets = self._maker_of(self._referent_noun(t, j, a, b), a)
        if not targets and speech and subj:
            # "Seoul mendesak Pyongyang ... dan memperingatkan bahwa ...": the same addressee
            same = [
                c
                for c in self.sent_cands
                if (c.speech or etype == "THREATEN") and c.target and c.actor == subj[0].actor
            ]
            if same:
                targets = [Party(same[-1].target, None, same[-1].trig)]
        if not targets and etype == "THREATEN":
            targets = self._conditional_subject(t.end, b)
        if not targets and fallback_targets:
            seen_t: set[str] = set()
            for c in fallback_targets:
                for name in (c.actor, c.target if c.reciprocal else None):
                    if name and name not in seen_t:
                        seen_t.add(name)
                        targets.append(Party(name, None, c.trig))
        # a transfer whose giver is a ship or a container: the owner of the goods gives them
        if etype == "AID" and not actors and frame == "transfer" and poss:
            actors = self._parties(poss)
        incomplete = etype == "AID" and bool(items) and (not actors) != (not targets)
        if etype == "AID" and not targets and actors and items and pp_generic():
            incomplete = True  # "tidak pernah mengekspor senjata ke negara mana pun"
        if etype == "AID" and incomplete and actors and not targets:
            # "siap mengirim tim penyelamat apabila diminta oleh pemerintah Turki": the one who would ask
            asker = self._conditional_requester(t.end, b)
            if asker:
                targets, incomplete = asker, False
        if (
            needs == "weapon"
            and not targets
            and actors
            and etype == "ASSAULT"
            and tr.lemma in {str(x) for x in lex.raw.get("launch_lemmas") or ()}
        ):
            # a missile fired with no one to hit ("ke Laut Jepang", a test) is a show of force
            etype, mode = "MOBILIZE", "weapons"
            needs = None
        if not actors and not incomplete:
            return []
        # "mengancam akan menggugat ...": the threat names the threatener's act and nobody as its target
        open_act = not targets and t.cls == "active" and t.end < b and v.low[t.end] in tr.open_after
        if etype in lex.requires_target and not targets and not incomplete and not open_act:
            return []
        if tr.needs == "target" and not targets and not open_act:
            return []

        # ---- status, mode, source
        subj_lo = min([p.pos for p in actors if not p.pronoun] + [t.head])
        subj_at = min([p.at for p in subj if p.at >= 0] or [-1])
        status, cue_words = self._status(t, a, b, subj_lo, args_end, subj_at, speech=speech)
        if status is None:
            return []
        if etype == "THREATEN" and status != "denied":
            status = "asserted"  # a threat is made now, whatever future or condition it names
        if etype == "REQUEST" and not targets and status == "hypothetical":
            return []  # "apabila diminta": the condition of another act, with nobody asked
        if tr.status and STATUS_RANK.get(status, 0) < STATUS_RANK.get(tr.status, 0) and status != "denied":
            status = tr.status  # "memburu" (a hunt) is an arrest that may happen
        if etype == "MOBILIZE" and tr.needs == "weapon":
            mode = "weapons"
        if etype == "AID" and mode is None:
            modes = [lex.items[i].aid_mode for i in items if i in lex.items and lex.items[i].aid_mode]
            mode = modes[0] if modes else None
            if tr.trade and mode != "military":
                mode = "economic"  # goods bought and sold are trade, whatever relief they could also be
        if etype == "ASSAULT":
            with_units = [i for i in items if i in lex.items and lex.items[i].assault_mode]
            used = lex.items[with_units[0]].assault_mode if with_units else None
            if mode is None or (mode == "explosives" and used == "aerial"):
                mode = used or mode  # bombs dropped from aircraft are an air strike
        if etype not in lex.modes_for:
            mode = None
        if etype not in lex.items_for:
            items = []
        if etype == "ASSAULT":
            # an attack is coded with what it is made with, not what it hits ("menghantam kilang minyak")
            items = [i for i in items if lex.family(i) in lex.weapon_families]
        if needs == "weapon" and not targets:
            return []
        if etype == "MOBILIZE":
            items = []
        source = self._source(t, si, a, b, actors, etype, speech, gov, cue_words)
        keys = {v.low[t.start], tr.lemma} | cue_words
        out: list[Cand] = []
        lo = t.head if not speech else min(t.head, subj_lo)
        for actor0 in actors or [Party(None, None, 0)]:
            for target0 in targets or [Party(None, None, 0)]:
                actor, target = self._domestic(actor0, target0)
                target = self._territory(target)
                actor = self._acts_for_itself(etype, actor, target)
                if target.actor in tr.target_as:
                    target = replace(target, actor=tr.target_as[target.actor])
                if etype in ("ASSAULT", "COERCE") and actor.actor and actor.actor == target.actor:
                    target = self._home_place(target)
                if etype == "AID" and mode == "humanitarian":
                    target = self._relief_city(target)
                if (actor.actor is None and not incomplete) or actor.actor == target.actor:
                    continue
                item_list: list[str | None] = [*items] or [None]
                for item in item_list:
                    out.append(
                        Cand(
                            type=etype,
                            mode=mode,
                            actor=actor.actor,
                            target=target.actor,
                            item=item,
                            status=status,
                            source=source,
                            sent=si,
                            lo=lo,
                            hi=max(args_end, t.end),
                            trig=t.start,
                            speech=speech,
                            reciprocal=reciprocal,
                            order=(actor.pos, target.pos),
                            keys=set(keys),
                            incomplete=incomplete,
                            passive=t.cls == "passive",
                            target_org=target.org,
                        )
                    )
        if etype == "ASSAULT":
            out += self._made_by(pps, out, items)
        return out

    def _names_event(self, p: Party) -> bool:
        """A party named through an event mention ("KTT G7" speaks as the G7)."""
        m = self.v.mention(p.pos) if 0 <= p.pos < self.v.n else None
        return m is not None and (m.kind or "") == "event"

    def _conditional_requester(self, k: int, b: int) -> list[Party]:
        """ "... apabila diminta (oleh) X": the party whose request the conditional transfer waits for."""
        v = self.v
        while k < b and v.cls[k] != "END":
            if v.cls[k] == "B" and "hypothetical" in v.tags(k):
                j = self._skip_right(k + 1, b, {"S", "T"})
                f = v.form(j) if j < b else None
                if f is None or f.trigger.type != "REQUEST" or f.cls != "passive":
                    return []
                x = self._skip_right(j + 1, b, {"S", "T"})
                if x < b and v.low[x] == "oleh":
                    x += 1
                units, _ = self._units_right(x, b)
                return self._parties(units)
            k += 1
        return []

    def _conditional_subject(self, k: int, b: int) -> list[Party]:
        """ "... apabila Seoul terus menerbangkan selebaran": whoever the threat's condition is about."""
        v = self.v
        while k < b and v.cls[k] != "END":
            if v.cls[k] == "B" and "hypothetical" in v.tags(k):
                units, _ = self._units_right(self._skip_right(k + 1, b, {"S", "T"}), b)
                return self._parties(units)
            k += 1
        return []

    def _home_state(self, party: Party) -> str | None:
        """The state a party belongs to (for "pemerintah" with no name); a party that is no state's
        (an association, a union, a company) addresses the government of the state the article is about."""
        if party.actor in self.states:
            return party.actor
        own = self.country_of.get(party.org or "") or self.country_of.get(party.name or "")
        return own or self._home_country()

    def _relative_agent_end(self, k: int, b: int) -> tuple[list[Party], int]:
        """ "... yang diberlakukan Jepang": (the agent of a passive relative clause right after the object,
        where the agent ends)."""
        v = self.v
        k = self._skip_right(k, b, {","})
        if k + 1 >= b or v.low[k] != "yang":
            return [], k
        j = self._skip_right(k + 1, b, {"S"})
        if j >= b or not v.low[j].startswith("di") or v.cls[j] != "V":
            return [], k
        x = self._skip_right(j + 1, b, {"S"})
        if x < b and v.low[x] == "oleh":
            x += 1
        units, end = self._units_right(x, b)
        return self._parties(units), end

    def _relative_agent(self, k: int, b: int) -> list[Party]:
        """ "... yang diajukan Washington": the agent of a passive relative clause right after the object."""
        v = self.v
        k = self._skip_right(k, b, {","})
        if k + 1 >= b or v.low[k] != "yang":
            return []
        j = self._skip_right(k + 1, b, {"S"})
        if j >= b or not v.low[j].startswith("di") or v.cls[j] != "V":
            return []
        x = self._skip_right(j + 1, b, {"S"})
        if x < b and v.low[x] == "oleh":
            x += 1
        units, _ = self._units_right(x, b)
        return self._parties(units)

    def _patient_possessor(self, t: Trig, units: list[Unit], etype: str) -> bool:
        """True when an event noun's possessor phrase opens with a noun for the people or vessels it befalls
        ("penangkapan seorang jurnalis Belanda", "penculikan warga Malaysia"): events.yaml patient_nouns."""
        if etype not in self.patient_types or not units or not units[0]:
            return False
        v = self.v
        return any(v.low[k] in self.patient_nouns for k in range(t.end, min(units[0][0].start, t.end + 4)))

    def _domestic(self, actor: Party, target: Party) -> tuple[Party, Party]:
        """Inside one state (a prosecutor and a court, an association and its government, a ministry and a
        province) the state-level coding says nothing: the target is coded as the body or place itself.
        The actor stays its state when it is an organ of that state (a ministry, an agency, the military:
        "Kemenkes mengirim obat ke Jawa Barat" is Indonesia -> West Java); law enforcement and courts,
        and bodies that are not the state (associations, companies, parties) act as themselves."""
        if (
            actor.actor
            and actor.actor == target.actor
            and actor.org
            and target.org
            and actor.org != target.org
        ):
            if self._state_organ(actor.org) and not self._law_body(actor.org):
                return actor, replace(target, actor=target.org)
            return replace(actor, actor=actor.org), replace(target, actor=target.org)
        home = self.country_of.get(actor.org or "") or self.country_of.get(actor.actor or "")
        if actor.actor and home and home == target.actor and target.org and target.org != target.actor:
            # a region or body acting at home ("pemerintah provinsi ... ke Kabupaten Demak"): the place itself
            return actor, replace(target, actor=target.org)
        return actor, target

    def _territory(self, target: Party) -> Party:
        """A territory the gazetteer files under a state ("Jalur Gaza") is hit or left as itself: its
        people, not the state's government, are on the receiving end."""
        m = self.v.mention(target.pos) if target.actor and 0 <= target.pos < self.v.n else None
        if m is not None and (m.kind or "") in self.self_targets and m.actor != m.name:
            return replace(target, actor=m.name)
        return target

    def _protest_target(self, t: Trig, a: int, b: int, mode: str | None, actor: Party) -> list[Party]:
        """Whom a protest or strike is against: the body it is held in front of ("berunjuk rasa di depan
        kantor Kementerian Perdagangan"), the one its demand in the same sentence goes to ("..., menuntut
        pemerintah ..."), the employer a strike is against, or the government of the state the article
        is about when a group protests at home."""
        v = self.v
        for k in range(a, b - 1):
            if k > a and (v.low[k - 1], v.low[k]) in self.facing:
                for x in range(k + 1, min(b, k + 5)):
                    m = v.mention(x)
                    if m is not None:
                        found = self._parties([[m]])
                        if found and found[0].actor != actor.actor:
                            return found
                        break
        demands = [c for c in self.sent_cands if c.type == "REQUEST" and c.target and c.actor == actor.actor]
        if demands:
            return [Party(demands[0].target, None, demands[0].trig)]
        if mode == "strike":
            for m in reversed(v.mentions):
                if m.start < t.start and (m.kind or "") == "company" and m.name != actor.name:
                    return self._parties([[m]])
        if actor.actor not in self.states:
            home = self._home_country()
            if home and home != actor.actor:
                return [Party(home, home, t.start, org=home)]
        return []

    def _aimed_at(self, k: int, b: int, actor: Party) -> list[Party]:
        """A show of force held around or towards another state ("menggelar latihan militer di sekitar
        Taiwan", "mengerahkan kapal perang ke arah ...")."""
        v = self.v
        aims = self.aims
        for x in range(k, b - 2):
            if v.cls[x] in ("END", "B"):
                break
            if (v.low[x], v.low[x + 1]) in aims:
                y = x + 2
                while y < b and v.low[y] in self.g.get("place_nouns", set()):
                    y += 1  # "di dekat perbatasan Polandia"
                m = v.mention(y) if y < b else None
                if m is not None:
                    found = self._parties([[m]])
                    if found and found[0].actor in self.states and found[0].actor != actor.actor:
                        return found
        return []

    def _relief_city(self, target: Party) -> Party:
        """Relief sent to a city ("konvoi bantuan kemanusiaan ke Khartoum") goes to the city and its people,
        not to the government the capital stands for elsewhere."""
        m = self.v.mention(target.pos) if 0 <= target.pos < self.v.n else None
        if m is not None and (m.kind or "") in ("city", "seat") and m.name != target.actor:
            return replace(target, actor=m.name)
        return target

    def _home_place(self, target: Party) -> Party:
        """A state's forces striking or raiding a place of their own state ("militer membombardir permukiman
        di Khartoum", "junta menyerang desa di Sagaing"): the place itself is on the receiving end."""
        m = self.v.mention(target.pos) if 0 <= target.pos < self.v.n else None
        if m is not None and m.name in self.places:
            return replace(target, actor=m.name)
        return target

    def _state_organ(self, org: str) -> bool:
        """A ministry, agency, armed force or government that acts for its state (events.yaml)."""
        if self.kind_of.get(org, "") in self.state_organ_kinds:
            return True
        # a person's affiliation that the article does not name itself ("Menteri Pertanian Amran")
        low = org.lower()
        return org not in self.kind_of and any(low.startswith(w) for w in self.state_organ_words)

    def _law_body(self, org: str) -> bool:
        """Police, prosecutors, courts, anti-graft and narcotics bodies: they act as themselves at home."""
        if self.kind_of.get(org, "") in self.self_acting_kinds:
            return True
        low = org.lower()
        return any(w in low for w in self.self_acting_words)

    def _acts_for_itself(self, etype: str, actor: Party, target: Party) -> Party:
        """Law enforcement at home (police, anti-graft and narcotics agencies, prosecutors, courts) acts for
        itself: an arrest, a seizure or a naming as suspect of people or companies is the body's act, not a
        move of the state against another state (docs/coding-rules.md). Against a foreign state's party
        ("Penjaga pantai Filipina mengusir kapal China") the state acts."""
        if etype not in self.self_acting_types or not actor.org or actor.org == actor.actor:
            return actor
        if not self._law_body(actor.org):
            return actor
        if target.actor is not None and target.actor in self.states and target.actor != actor.actor:
            return actor
        return replace(actor, actor=actor.org)

    def _made_by(
        self, pps: list[tuple[str, list[Unit], int]], attacks: list[Cand], items: list[str]
    ) -> list[Cand]:
        """ "menembakkan rudal ... buatan Korea Utara": weapons made by one state and fired by another were
        transferred -- an AID event with the attack's status and source."""
        out: list[Cand] = []
        makers = [
            p for prep, units, _pos in pps if prep in ("buatan", "produksi") for p in self._parties(units)
        ]
        for atk in attacks:
            for maker in makers:
                if maker.actor and atk.actor and maker.actor != atk.actor:
                    out.append(
                        replace(
                            atk,
                            type="AID",
                            mode="military",
                            actor=maker.actor,
                            target=atk.actor,
                            speech=False,
                            reciprocal=False,
                            keys=set(atk.keys),
                        )
                    )
        return out

    def _generic_at(self, k: int) -> bool:
        """A target phrase such as "negara mana pun", "pihak mana pun", "siapa pun"."""
        v = self.v
        if k < 0:
            return False
        return any("generic" in v.tags(j) for j in range(k, min(v.n, k + 4)))

    def _pair_after_antara(
        self, pps: list[tuple[str, list[Unit], int]], b: int, start: int = -1
    ) -> list[Party]:
        """ "antara A dan B", "antara kedua negara" after an event noun, possibly past a list of nouns
        ("kerja sama, dukungan, dan solidaritas ... antara kedua negara")."""
        v = self.v
        positions = [pos for prep, _u, pos in pps if prep == "antara"]
        if start >= 0:
            k = start
            while k < b and v.cls[k] not in ("END", "B", "V"):
                if v.low[k] == "antara":
                    positions.append(k)
                    break
                k += 1
        for pos in positions:
            k = self._skip_right(pos + 1, b, {"S", "T", "Q"})
            if k + 1 < b and self._pair_phrase_at(k + 1):
                return self._pair_parties(k + 1, v.sents[v.sent_of[k]][0])
            units, _ = self._units_right(k, b, pp=True)
            if len(units) >= 2:
                return self._parties(units)
        return []

    def _default_preps(self, etype: str, frame: str) -> tuple[str, ...]:
        if frame in ("transfer", "acquire"):
            return ("ke", "kepada", "untuk", "bagi", "menuju")
        if frame == "reciprocal":
            return ("dengan",)
        if etype == "ASSAULT":
            return ("ke", "terhadap", "atas", "di")  # "membombardir permukiman di Khartoum": where it hits
        if etype == "COERCE":
            return ("ke", "terhadap", "atas")
        if etype in ("MOBILIZE", "PROTEST"):
            return ("terhadap",)
        return ("kepada", "terhadap", "ke", "atas", "dengan")

    def _hyphen_pair(self, units: list[Unit]) -> bool:
        if len(units) < 2:
            return False
        v = self.v
        return any(v.cls[u[-1].end] == "-" for u in units[:-1] if u[-1].end < v.n)

    def _noun_is_predicate(self, t: Trig, a: int) -> bool:
        """An event noun right after its subject or a cue ("Rusia sedang dalam proses pembelian")."""
        v = self.v
        j = self._skip_left(t.start - 1, a, {"S", "T"})
        return j >= a and (v.cls[j] == "E" or v.cue[j] is not None)

    def _clause_subject_for_noun(self, t: Trig, a: int) -> list[Party]:
        if not self._noun_is_predicate(t, a):
            return []
        return self._subject(t.start, a)

    def _earlier_recipient(self, start: int, a: int) -> list[Party]:
        """ "mengirimkan surat ke Rusia, menawarkan untuk menjual senjata": the recipient named earlier in the
        same clause chain (commas and infinitives only; a clause boundary stops the search)."""
        v = self.v
        k = start - 1
        while k >= a:
            c = v.cls[k]
            if c in ("END", "B", "Q"):
                return []
            if c == "P" and v.low[k] in ("ke", "kepada"):
                units, _ = self._units_right(k + 1, start, pp=True)
                if units:
                    return self._parties(units)
            k -= 1
        return []

    # ------------------------------------------------------------------ sources
    def _is_outlet(self, name: str | None) -> bool:
        return name is not None and (name in self.outlets or name in self.cited)

    def _source(
        self,
        t: Trig,
        si: int,
        a: int,
        b: int,
        actors: list[Party],
        etype: str,
        speech: bool,
        gov: Trig | None,
        cue_words: set[str],
    ) -> str | None:
        """Who vouches for an event (see docs/coding-rules.md, "Sources")."""
        v = self.v
        start, end = v.char_span(t.start, t.end)
        quoted: str | None = None
        q = self._quote_at(start, end)
        if q is not None:
            if q.speaker_name:
                quoted = str(q.speaker_name)
            else:
                k = self.quotes.index(q)
                if k < len(self.quote_meta) and getattr(self.quote_meta[k], "anonymous", False):
                    quoted = ANONYMOUS
                elif q.via:
                    quoted = str(q.via)
        if quoted is None and v.quote_id[t.start] >= 0:
            spk = self._quote_speaker(t.start)
            if spk and spk.name:
                quoted = spk.name
        reporter = self._reporter_for(t, si)
        if reporter is None and si > 0 and self._only_adjuncts(a, t.head):
            # a broken-off continuation is reported by whoever reported the sentence before
            prev = [name for _pos, name, kind in self._sentence_reporters(si - 1) if kind != "headline"]
            reporter = prev[0] if prev else None
        if speech:
            # a speech act is vouched for by its speaker, unless a person or body is quoted reporting it
            for outer in (quoted, reporter):
                if outer and outer != ANONYMOUS and not self._is_outlet(outer):
                    return outer
            if ANONYMOUS in (quoted, reporter):
                # "Menurut seorang diplomat yang enggan disebut namanya, Qatar menuduh ...": only an unnamed
                # source vouches that the accusation was made
                return ANONYMOUS
            named = [p.name for p in actors if p.name]
            if named:
                return named[0]
        if quoted:
            return quoted
        if reporter:
            return reporter
        if "reportive" in cue_words:
            prev_reporters = self._sentence_reporters(si - 1)
            if prev_reporters:
                return prev_reporters[0][1]
            if len(self.cited) == 1:
                return self.cited[0]
        return None

    def _reporter_for(self, t: Trig, si: int) -> str | None:
        """The reporting clause of the trigger's sentence that covers it."""
        v = self.v
        for pos, name, kind in self._sentence_reporters(si):
            if kind == "verb" and (pos >= t.start or v.quote_id[pos] != v.quote_id[t.start]):
                continue
            if kind == "after" and pos <= t.end:
                continue
            return name
        return None

    def _sentence_reporters(self, si: int) -> list[tuple[int, str, str]]:
        """Reporting clauses of a sentence, computed once: (token, source name, kind) for
        "X mengatakan (bahwa) ..." (verb), "... kata X" (after), "Menurut X, ..." / "laporan X bahwa"
        (according) and a headline "X: ..." (headline)."""
        if si < 0:
            return []
        if si in self.reporters:
            return self.reporters[si]
        v, lex = self.v, self.lex
        a, b = v.sents[si]
        anon = self._anonymous_in(a, b)
        out: list[tuple[int, str, str]] = []
        report_nouns = {"laporan", "pernyataan", "keterangan", "informasi", "data", "klaim", "menurut"}
        for k in range(a, b):
            w = v.low[k]
            if w in lex.reporting_before and v.cls[k] == "V":
                subj = self._subject(k, a, depth=1)
                names = [p.name for p in subj if p.name]
                if names:
                    out.append((k, names[0], "verb"))
                elif anon:
                    out.append((k, ANONYMOUS, "verb"))
            elif w in ("menurut", "mengutip", "melansir", "dilansir", "dikutip", "laporan") or (
                w in lex.reporting_after and v.cls[k] != "V"
            ):
                kk = self._skip_right(k + 1, b, {"S", "T"})
                while (
                    kk < b
                    and v.cls[kk] == "N"
                    and v.low[kk] in ("laporan", "kantor", "berita", "media", "harian")
                ):
                    kk += 1
                units, k2 = self._units_right(kk, b, pp=True)
                kind = (
                    "according" if w in report_nouns or w in ("mengutip", "melansir", "dilansir") else "after"
                )
                if w == "laporan" and not (k2 < b and v.low[k2] == "bahwa"):
                    continue
                if units:
                    out.append((k, units[0][-1].name, kind))
                elif anon and w == "menurut":
                    out.append((k, ANONYMOUS, kind))
        # a headline or lead attributed with a colon: "AS: ...", "Menhan Korsel: ..."
        for k in range(a, min(b, a + 6)):
            if v.text[k] == ":":
                named = [m for m in (v.mention(x) for x in range(a, k)) if m is not None]
                if named and all(v.cls[x] in ("E", "N", "S") for x in range(a, k)):
                    out.append((a, named[-1].name, "headline"))
                break
            if v.cls[k] in ("V", "END", "Q"):
                break
        self.reporters[si] = out
        return out

    def _anonymous_in(self, a: int, b: int) -> bool:
        v = self.v
        return any("anonymous" in v.tags(k) for k in range(a, b))

    # ------------------------------------------------------------------ denials
    def _deny(
        self,
        t: Trig,
        si: int,
        a: int,
        b: int,
        trigs: list[Trig],
        produced: dict[int, list[Cand]],
        governor: dict[int, Trig],
    ) -> None:
        v = self.v
        deniers: list[Party] = []
        governed: list[Cand] = []
        relative = False
        if t.cls == "passive":
            # "..., yang dibantah Teheran": the denier follows the verb; what is denied comes before "yang"
            deniers = self._agents_after(t, b)
            before = self._skip_left(t.start - 1, a, {"S", "T"})
            relative = before >= a and v.low[before] == "yang"
            if relative:
                governed = [
                    c for u in trigs if u.start < before for c in produced.get(id(u), []) if not c.speech
                ]
        else:
            deniers = self._subject(t.head, a) or self._speaking_person(t.head, a)
            governed = [c for u in trigs if governor.get(id(u)) is t for c in produced.get(id(u), [])]
            if not governed:
                k = self._skip_right(t.end, b, {"S", "T"})
                governed = [replace(c) for c in self._anaphor_referents(k, b, si)]
                if not governed and k < b and v.low[k] in self.g.get("rejected_statements", set()):
                    # "membantah tuduhan Korea Selatan bahwa Pyongyang memasok ...": the statement's content
                    # is denied (its owner still asserts it); a statement with no event is rejected
                    governed = [
                        replace(c)
                        for u in trigs
                        if u.start > k
                        for c in produced.get(id(u), [])
                        if not c.speech
                    ]
                    j = self._skip_right(k + 1, b, {"S", "T"})
                    owner = v.mention(j) if j < b else None  # "tuduhan Korea Selatan"
                    if not governed:
                        produced[id(t)] = self._rejected_statement(t, owner, si, a, b)
                        return
                    if owner is None:
                        # "menepis laporan yang menyebut ...": nobody named asserts what is denied
                        for u in trigs:
                            if u.start > k:
                                produced[id(u)] = []
        if not deniers or not governed:
            return
        for u in trigs:
            if governor.get(id(u)) is t:
                produced[id(u)] = []
        copies: list[Cand] = []
        for c in governed:
            for d in deniers:
                if not d.name:
                    continue
                copies.append(
                    replace(
                        c,
                        status="denied",
                        source=d.name,
                        sent=si,
                        trig=t.start,
                        lo=min(c.lo, t.head) if c.sent == si else t.head,
                        hi=max(c.hi, t.end) if c.sent == si else t.end,
                        copy=True,
                        keys=set(c.keys),
                    )
                )
        produced[id(t)] = copies

    def _rejected_statement(self, t: Trig, owner: Mention | None, si: int, a: int, b: int) -> list[Cand]:
        """Denying a statement that names no event ("menepis keluhan Malaysia", "membantah tuduhan Amerika
        Serikat"): the guidelines' rejection of a statement, REJECT denier -> the statement's owner."""
        if owner is None:
            return []
        owners = self._parties([[owner]])
        if not owners:
            return []
        trig = Trig(t.start, t.end, _REJECT_STATEMENT_FORM, "active", head=t.head, preset=owners)
        return self._code_trigger(trig, si, a, b, None)

    def _agent_start(self, t: Trig, b: int) -> int:
        """Where the agent of a passive verb starts: right after it, or after "oleh"."""
        k = self._skip_right(t.end, b, {"S", "T"})
        return k + 1 if k < b and self.v.low[k] == "oleh" else k

    def _agents_after(self, t: Trig, b: int) -> list[Party]:
        """The parties named as the agent of a passive verb ("dibantah Teheran", "dituding oleh AS")."""
        units, _ = self._units_right(self._agent_start(t, b), b)
        return self._parties(units)

    def _speaking_person(self, head: int, a: int) -> list[Party]:
        """The person right before a speech verb when they act for no party the gazetteer knows ("Jaksa
        Agung Tarek William Saab membantah ..."): a denial still has its denier as source."""
        v = self.v
        j = self._skip_left(head - 1, a, {"S", "T"})
        m = v.mention(j) if j >= a else None
        if m is None or m.type != "PER":
            return []
        return [Party(None, m.name, m.start, at=m.start)]

    def _anaphor_referents(self, k: int, b: int, si: int) -> list[Cand]:
        """Earlier events named by an anaphoric phrase at token k ("tuduhan itu", "tawaran tersebut")."""
        v, lex = self.v, self.lex
        if k >= b:
            return []
        noun = v.low[k]
        keys = lex.anaphora.get(noun)
        if keys is None:
            return []
        d = self._skip_right(k + 1, b, {"N"}) if noun not in lex.anaphor_determiners else k
        if (d >= b or v.low[d] not in lex.anaphor_determiners) and noun not in lex.anaphor_determiners:
            return []
        # "itu"/"hal itu" point at the last few sentences; a named act ("latihan tersebut") at the whole story
        window = 3 if "*" in keys else 10_000
        pool = [c for c in self.cands if not c.copy and c.sent >= si - window and not c.speech]
        if not pool:
            return []
        if "*" in keys:
            last = pool[-1]
            return [c for c in pool if c.sent == last.sent and c.trig == last.trig]
        hits = [c for c in pool if c.keys & keys]
        if not hits:
            return []
        last = hits[-1]
        return [c for c in hits if c.sent == last.sent and c.trig == last.trig]

    def _referent_noun(self, t: Trig, j: int, a: int, b: int) -> int:
        """The noun an anaphoric object stands on: the object itself ("tawaran itu"), or for a clitic object
        ("menolaknya") the last "<noun> itu/tersebut" before the verb in its sentence; -1 if none."""
        v, lex = self.v, self.lex
        if not t.clitic:
            return j if j < b and v.low[j] in lex.anaphora else -1
        for k in range(t.start - 1, a, -1):
            if v.low[k] in lex.anaphor_determiners and v.low[k - 1] in lex.anaphora:
                return k - 1
        return -1

    def _maker_of(self, k: int, a: int) -> list[Party]:
        """The subject of the latest verb that the anaphoric noun at k names ("tawaran" -> "menawarkan"):
        the one who made the offer, the claim or the accusation, in this sentence or the two before."""
        v, lex = self.v, self.lex
        if k < 0:
            return []
        verbs = {w for w in lex.anaphora.get(v.low[k], ()) if w != "*"}
        si = v.sent_of[k]
        lo = v.sents[max(0, si - 2)][0]
        for x in range(k - 1, lo - 1, -1):
            if v.low[x] in verbs and v.cls[x] == "V":
                sa = v.sents[v.sent_of[x]][0]
                return self._subject(x, sa, depth=1)
        return []

    # ------------------------------------------------------------------ document level
    def _headline_sents(self) -> set[int]:
        """Sentences of the title line: the first line of the text when it ends without a full stop."""
        v = self.v
        text = v.doc_text
        nl = text.find("\n")
        if nl <= 0 or text[:nl].rstrip().endswith((".", "!", "?", '"', "”")):
            return set()
        return {si for si, (a, _b) in enumerate(v.sents) if a < v.n and v.idx[a] < nl}

    def _fold_headline(self) -> None:
        """A headline event without a target adds nothing to the body's event of the same type and actor
        (it merges into it), and alone it is too elliptic to code ("Ditahan Bahrain 2-2") -- unless its
        type has no target by nature (a weapons test, a protest)."""
        heads = self._headline_sents()
        if not heads:
            return
        targetless = {str(t) for t in self.lex.raw.get("targetless_types") or ()}
        kept: list[Cand] = []
        for c in self.cands:
            if c.sent in heads and c.target is None and c.type not in targetless:
                continue
            kept.append(c)
        self.cands = kept

    def _complete_transfers(self) -> None:
        """A transfer named with one side only ("amunisi telah dikirim ke Rusia", "Pyongyang dapat mengirim
        12.000 tentara") takes the other side from the document's other transfers, when they name exactly
        one (those of the same giver first, then all of them: "pemerintah provinsi akan mengucurkan dana" in a
        story where all aid goes to one flooded regency); otherwise it is dropped -- never guessed."""
        complete = [c for c in self.cands if c.type == "AID" and not c.incomplete and c.actor and c.target]
        kept: list[Cand] = []
        for c in self.cands:
            if not c.incomplete:
                kept.append(c)
                continue
            if c.actor is None and c.target is not None:
                options = {x.actor for x in complete if x.target == c.target}
                if not options and c.passive and c.source and c.source != ANONYMOUS:
                    # "Suharyanto mengatakan enam helikopter akan dikirim ke Jambi": the speaker's side sends
                    # (a region that speaks, "Gubernur Nusa Tenggara Timur mengatakan", sends as itself)
                    options = {c.source if c.source in self.places else self._party(c.source)} - {None}
                if len(options) == 1:
                    c.actor = options.pop()
            elif c.target is None and c.actor is not None:
                options = {x.target for x in complete if x.actor == c.actor}
                home = self._home_country()
                foreign = home is not None and c.actor != home and self.country_of.get(c.actor) != home
                if not options and self._relief(c) and foreign:
                    options = {
                        home
                    }  # "Singapura menawarkan bantuan dua pesawat": relief for the stricken state
                if not options:
                    # another giver, the same story: the one recipient every other transfer goes to
                    options = {x.target for x in complete}
                if not options and self._relief(c):
                    # relief at home with nobody named: the giver's own place the story names most
                    options = {self._stricken(c.actor)} - {None}
                if len(options) == 1:
                    c.target = options.pop()
            at_home = c.actor is not None and c.target in (c.actor, self.country_of.get(c.actor))
            if at_home and c.target_org and c.target_org != c.target:
                c.target = (
                    c.target_org
                )  # "dikirim ke Jambi" by the state of Jambi or its region: the place itself
            if c.actor and c.target and c.actor != c.target:
                c.incomplete = False
                kept.append(c)
        self.cands = kept

    def _relief(self, c: Cand) -> bool:
        """Is this transfer relief (humanitarian mode or a humanitarian item)?"""
        return c.mode == "humanitarian" or (
            c.item is not None and self.lex.family(c.item) in self.merge_families
        )

    def _stricken(self, giver: str | None) -> str | None:
        """Where relief with no recipient goes: the state the story is about when the giver is another
        state; for a giver at home, the place of its own state the story names most."""
        home = self._home_country()
        if giver is None or home is None:
            return None
        if home != giver and self.country_of.get(giver) != home:
            return home
        counts: dict[str, int] = {}
        for m in self.v.mentions:
            if m.name in self.places and self.country_of.get(m.name) == home and m.kind != "city":
                counts[m.name] = counts.get(m.name, 0) + 1
        return max(counts, key=lambda n: counts[n], default=None)

    def _complete_addressees(self) -> None:
        """A demand with nobody named ("PSSI juga mempertimbangkan untuk meminta agar ...") is addressed to
        whoever the same party's nearest earlier statement in the story was addressed to."""
        spoken = ("REQUEST", "THREATEN", "ACCUSE", "REJECT")
        for i, c in enumerate(self.cands):
            if c.type != "REQUEST" or c.target is not None or c.actor is None:
                continue
            earlier = [x for x in self.cands[:i] if x.actor == c.actor and x.target and x.type in spoken]
            same = [x for x in earlier if x.type == c.type] or earlier
            if same and same[-1].target != c.actor:
                c.target = same[-1].target

    def _fold_open_threats(self) -> None:
        """A threat that names only the threatener's act ("Houthi mengancam akan memperluas serangan") is
        the same threat as the one the story reports with its addressees, when it reports one; only a
        threat made to nobody named anywhere in the story stands alone."""
        aimed = {c.actor for c in self.cands if c.type == "THREATEN" and c.target is not None}
        self.cands = [
            c for c in self.cands if not (c.type == "THREATEN" and c.target is None and c.actor in aimed)
        ]

    def _orient_reciprocal(self) -> None:
        """Undirected mentions ("perdagangan senjata antara A dan B") take the direction the document gives
        the same pair elsewhere; otherwise the order of the first mention of the pair."""
        directed: dict[frozenset[str], tuple[str, str]] = {}
        for c in self.cands:
            if not c.reciprocal and c.actor and c.target and c.type == "AID":
                directed.setdefault(frozenset((c.actor, c.target)), (c.actor, c.target))
        first: dict[tuple[str, frozenset[str]], tuple[str, str]] = {}
        for c in self.cands:
            if not c.reciprocal or not c.actor or not c.target:
                continue
            pair = frozenset((c.actor, c.target))
            if c.type == "AID" and pair in directed:
                c.actor, c.target = directed[pair]
                continue
            if c.type != "AID":
                continue  # meetings and agreements keep the order the text names the sides in
            key = (c.type, pair)
            if key in first:
                c.actor, c.target = first[key]
            else:
                first[key] = (c.actor, c.target)

    def _party(self, source: str | None) -> str | None:
        if source is None:
            return None
        return self.party_of.get(source, source)

    def _rank(self, source: str | None) -> int:
        if source is None:
            return -1
        if source == ANONYMOUS:
            return 0
        return self.rank_of.get(source, 2)

    def _merge(self, cands: list[Cand]) -> list[Cand]:
        """One event per proposition: same type, actor and target; compatible status, source party, item
        and date. The merged event keeps the strongest status, the most specific item and source."""
        lex = self.lex
        for c in cands:
            c.date, c.when = None, None
        self._date_all(cands)
        expanded: list[Cand] = []
        for c in cands:
            expanded.extend(c._dates if hasattr(c, "_dates") else [c])  # type: ignore[attr-defined]
        kept: list[Cand] = []
        for c in expanded:
            target_known = c.target is not None
            merged = False
            for k in kept:
                if (k.type, k.actor, k.target) != (c.type, c.actor, c.target):
                    continue
                same_status = k.status == c.status
                hyp = (
                    target_known
                    and "hypothetical" in (k.status, c.status)
                    and "denied" not in (k.status, c.status)
                )
                if not (same_status or hyp):
                    continue
                pk, pc = self._party(k.source), self._party(c.source)
                if pk is not None and pc is not None and pk != pc:
                    continue
                if (
                    k.item
                    and c.item
                    and not (lex.is_ancestor(k.item, c.item) or lex.is_ancestor(c.item, k.item))
                ):
                    continue
                if c.type in INCIDENTS and k.date and c.date and k.date != c.date:
                    continue
                if (
                    c.type in INCIDENTS
                    and k.when
                    and c.when
                    and k.when != c.when
                    and not (k.date and k.date == c.date)
                ):
                    continue  # "pada 30 Desember" and "minggu kemarin": two attacks, not one
                # merge c into k
                if MERGE_STRENGTH[c.status] > MERGE_STRENGTH[k.status]:
                    k.status = c.status
                if lex.depth(c.item) > lex.depth(k.item):
                    k.item = c.item
                    k.sent, k.lo, k.hi = c.sent, c.lo, c.hi
                    if c.mode:
                        k.mode = c.mode
                if self._rank(c.source) > self._rank(k.source):
                    k.source = c.source
                k.date = k.date or c.date
                k.mode = k.mode or c.mode
                k.keys |= c.keys
                merged = True
                break
            if not merged:
                kept.append(c)
        # "AS menjatuhkan sanksi" beside "AS menjatuhkan sanksi terhadap Rusia": the same act, named fully once
        targeted = {(k.type, k.actor, k.status) for k in kept if k.target is not None}
        return [k for k in kept if k.target is not None or (k.type, k.actor, k.status) not in targeted]

    def _date_all(self, cands: list[Cand]) -> None:
        """Date each candidate from the time expression governing its trigger: the time layer's public
        ``doc._.timexes_at`` (see sorot.nlp.extensions)."""
        if cands:
            self._date_each(cands, self.doc)

    def _date_each(self, cands: list[Cand], doc: Doc) -> None:
        v = self.v
        for c in cands:
            # the trigger's own clause dates it (not the dates of what a speech act talks about)
            start, end = v.char_span(c.lo if c.speech else c.trig, c.trig + 1)
            try:
                # a happening the lead reports (an attack, a signing, a meeting, an arrest) took place on the
                # story's date when its own clause names none; a transfer or a plan does not
                lead = c.speech or (c.status == "asserted" and c.type in LEAD_DATED)
                found = list(doc._.timexes_at(start, end, speech_act=c.speech, lead_fallback=lead))
            except Exception:  # a bug in another layer must not lose the events
                log.exception("timexes_at failed")
                found = []
            if not found:
                continue
            if found[0].kind != "vague":  # "baru-baru ini" tells nothing apart
                c.when = (found[0].text or "").lower() or None
            values = [t.value for t in found if t.value]
            if not values:
                continue
            c.date = values[0]
            if len(values) > 1 and c.type in INCIDENTS and not _consecutive_days(values):
                # "menyerang ... pada 30 Desember 2023 dan 2 Januari 2024": one event per date; "berunjuk rasa
                # pada Senin dan Selasa" is one protest that went on for two days
                c._dates = [replace(c, date=d) for d in dict.fromkeys(values)]  # type: ignore[attr-defined]

    def _to_event(self, c: Cand) -> Event:
        v = self.v
        a, b = v.sents[c.sent]
        start, end = v.char_span(a, b)
        text = self.v.doc_text[start:end]
        stripped = text.strip()
        start += len(text) - len(text.lstrip())
        end = start + len(stripped)
        return Event(
            type=c.type,  # type: ignore[arg-type]
            mode=c.mode,
            actor=c.actor,
            target=c.target,
            item=c.item,
            status=c.status,  # type: ignore[arg-type]
            source=c.source,
            date=c.date,
            text=stripped,
            start=start,
            end=end,
        )


# ------------------------------------------------------------------------------------------- component
@Language.factory(
    "sorot_events",
    default_config={"events_path": None, "items_path": None},
)
def make_event_coder(nlp: Language, name: str, events_path: str | None, items_path: str | None) -> EventCoder:
    """spaCy factory: ``nlp.add_pipe("sorot_events")`` (last, after linker, dates and quotes)."""
    register_extensions()
    return EventCoder(load_lexicon(events_path, items_path))


def code_events(doc: Doc, lexicon: Lexicon | None = None) -> list[Event]:
    """Code the events of an analysed ``Doc`` without adding a pipeline component."""
    return EventCoder(lexicon or load_lexicon()).code(doc)


__all__ = ["ANONYMOUS", "EventCoder", "code_events", "make_event_coder"]
