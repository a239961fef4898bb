"""Direct and indirect quotes with their speaker, cue and relay (the ``sorot_quotes`` component).

Who said what is the backbone of Sorot: an event is only as credible as the source that vouches for it,
so every quotation and every piece of reported speech must end at a canonical speaker. The rules work on
the pipeline's own layers — tokens, sentences, paragraphs, the linked entities of ``sorot_linker``, the
time expressions of ``sorot_dates`` and the tagger's verbs when a trained model ran — and read all their
words (speech verbs, cue words, relay phrases, role nouns, anonymity phrases) from ``data/quotes.yaml``.

Three passes over a document:

1. *Quotation marks* are paired per paragraph (curly, straight, Kompas' ” at both ends, single quotes at
   word edges; a quote left open runs to the end of its paragraph, a closing mark with no opener starts at
   the paragraph's start). Each quoted span is attributed from the words after it (``"...," kata X``),
   before it (``X mengatakan, "..."``), from the speech verb whose clause holds it (partial quotes:
   ``memperingatkan AS untuk 'tutup mulut'``), or continues the previous quote; short spans with no cue
   and spans after a title word are labels, not quotes.
2. *Reported speech*: a speech verb with a subject and a clause (``X mengatakan bahwa ...``,
   ``X menuduh ...``), ``Menurut X, ...``, ``..., kata X`` without marks, and report nouns
   (``laporan X bahwa ...``).
3. *Resolution* in text order: pronouns and ``-nya`` go to the last person who spoke, ``mereka`` to the
   last group, role nouns with a demonstrative (``Pejabat NSC itu``) to the last matching speaker, an
   office with no name to its body; withheld identities stay anonymous.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc

from sorot.contract import Quote
from sorot.extract.quotes_lexicon import QuoteLexicon, load_lexicon
from sorot.extract.quotes_view import DocView, EntRef
from sorot.nlp import extensions  # noqa: F401  (registers the shared Doc extensions)
from sorot.nlp.tokenizer import ordinary_words

log = logging.getLogger(__name__)

ANONYMOUS = "anonymous"
_SMALL_TITLE_WORDS = frozenset(
    {
        "dan",
        "di",
        "ke",
        "dari",
        "untuk",
        "dengan",
        "yang",
        "atau",
        "of",
        "the",
        "and",
        "for",
        "in",
        "on",
        "a",
        "an",
        "to",
        "&",
        "-",
        ":",
        "?",
    }
)


@dataclass
class QuoteMeta:
    """What Sorot knows about one quote beyond the contract fields (own extension ``quote_meta``)."""

    anonymous: bool = False
    speaker_type: str | None = None
    sentence: tuple[int, int] | None = None  # character span of the attribution sentence
    cue_span: tuple[int, int] | None = None  # character span of the cue word
    # "official" (speaks for an office or a body), "citizen" (a private person: vox pop), or None
    speaker_standing: str | None = None
    # which distinct source said it: the entity id or canonical name of a named speaker, "anon:N" for
    # the N-th withheld identity (shared by its back-references "pejabat itu", "ia", "-nya"), None when
    # the speaker is unknown; lets the signals count distinct anonymous sources
    source_key: str | None = None


@dataclass
class SpeakerRef:
    """A phrase naming (or pointing to) a speaker, before resolution."""

    start: int
    end: int
    kind: str  # entity | named | pronoun | plural | party | anaphor | anonymous | role | inherit
    ents: list[EntRef] = field(default_factory=list)
    name: str | None = None


@dataclass
class Resolved:
    id: str | None
    name: str | None
    type: str | None
    anonymous: bool = False
    text: str | None = None
    key: str | None = None  # "anon:N" for a withheld identity, shared by its back-references


@dataclass
class _Cand:
    kind: Literal["direct", "indirect", "mention"]
    a: int  # content tokens [a, b)
    b: int
    cue_tok: int | None
    speaker: SpeakerRef | None
    anchor: int
    via: str | None = None
    via_generic: bool = False
    unclosed: bool = False
    short: bool = False
    resolved: list[Resolved] = field(default_factory=list)
    text_override: str | None = None
    cue_text: str | None = None  # the cue of the attribution a continuation quote shares
    drop: bool = False  # a body or document speaker that nothing in the text resolves


@dataclass
class _Quoted:
    open_tok: int | None
    close_tok: int | None
    a: int
    b: int
    unclosed: bool


def _register() -> None:
    if not Doc.has_extension("quote_meta"):
        Doc.set_extension("quote_meta", default=None)


_register()


class QuoteExtractor:
    """Finds the quotes of one document; stateless between documents."""

    def __init__(self, lexicon: QuoteLexicon) -> None:
        self.lex = lexicon

    # ------------------------------------------------------------------ public entry point

    def __call__(self, doc: Doc) -> tuple[list[Quote], list[QuoteMeta]]:
        v = DocView(doc, self.lex)
        run = _DocRun(v, self.lex)
        out = run.extract()
        _remember(v)
        return out


class _DocRun:
    """All the rules, applied to one document view."""

    def __init__(self, v: DocView, lex: QuoteLexicon) -> None:
        self.v = v
        self.lex = lex
        self._names: list[tuple[int, list[str]]] | None = None
        self._consumed: set[int] = set()  # speech verbs whose clause is part of an earlier quote
        self._suspects: dict[int, bool] = {}
        self._relay_cache: dict[int, tuple[str | None, bool, bool]] = {}
        self._anon_count = 0
        self._salient: list[tuple[int, Resolved]] | None = None

    # ================================================================== quotation marks

    def _family(self, t: str) -> str | None:
        lex = self.lex
        if t in lex.double_open or t in lex.double_close or t in lex.double_either:
            return "d"
        if t in lex.single_open or t in lex.single_close or t in lex.single_either:
            return "s"
        return None

    def _role(self, i: int) -> str:
        """'open', 'close' or 'either' for a quotation mark, from its glyph and its spacing."""
        v, lex = self.v, self.lex
        t = v.text[i]
        if t in lex.double_open or t in lex.single_open:
            return "open"
        if t in lex.double_close or t in lex.single_close:
            return "close"
        left_tight = i > 0 and not v.ws[i - 1] and not v.space[i - 1] and v.text[i - 1] not in "([{"
        right_tight = i + 1 < v.n and not v.ws[i] and not v.space[i + 1]
        nxt = v.text[i + 1] if i + 1 < v.n else ""
        if left_tight and not right_tight:
            return "close"
        if right_tight and not left_tight:
            if nxt in ",.;:!?)":
                return "close"
            return "open"
        if left_tight and right_tight:
            if nxt in ",.;:!?)":
                return "close"
            return "either"
        return "either"

    def find_quoted(self) -> list[_Quoted]:
        """Pair quotation marks paragraph by paragraph."""
        v = self.v
        out: list[_Quoted] = []
        for ps, pe in v.par_bounds:
            marks = [i for i in range(ps, pe) if self._family(v.text[i]) == "d"]
            open_at: int | None = None
            for m in marks:
                role = self._role(m)
                if open_at is None:
                    if role == "close":
                        if not out or out[-1].b <= ps or out[-1].close_tok is None or out[-1].close_tok < ps:
                            out.append(_Quoted(None, m, self._first_word(ps, m), m, False))
                    else:
                        open_at = m
                else:
                    if role in ("close", "either"):
                        out.append(_Quoted(open_at, m, open_at + 1, m, False))
                        open_at = None
                    else:  # a second opener: the first quote was left open
                        out.append(_Quoted(open_at, None, open_at + 1, m, True))
                        open_at = m
            if open_at is not None:
                end = pe
                while end > open_at + 1 and (v.space[end - 1] or not v.text[end - 1].strip()):
                    end -= 1
                out.append(_Quoted(open_at, None, open_at + 1, end, True))
        doubles = [q for q in out if q.b > q.a]
        singles = self._single_quoted(doubles)
        result = []
        for q in doubles + singles:
            a, b = q.a, q.b
            while a < b and v.space[a]:
                a += 1
            while b > a and v.space[b - 1]:
                b -= 1
            if b > a and v.word_count(a, b) > 0:
                q.a, q.b = a, b
                result.append(q)
        result.sort(key=lambda q: q.a)
        return result

    def _first_word(self, ps: int, m: int) -> int:
        v = self.v
        i = ps
        while i < m and (v.space[i] or self._family(v.text[i])):
            i += 1
        return i

    def _single_quoted(self, doubles: list[_Quoted]) -> list[_Quoted]:
        """Single marks at word edges ('tutup mulut'); never inside a double-quoted span."""
        v = self.v
        inside: set[int] = set()
        for q in doubles:
            inside.update(range(q.a, q.b))
        out: list[_Quoted] = []
        for ps, pe in v.par_bounds:
            marks = [i for i in range(ps, pe) if self._family(v.text[i]) == "s" and i not in inside]
            open_at: int | None = None
            for m in marks:
                role = self._role(m)
                if role == "open" and (m + 1 < v.n and v.text[m + 1][:1].isalnum()):
                    open_at = m
                elif role == "close" and open_at is not None:
                    if 0 < m - open_at - 1 <= 20:
                        out.append(_Quoted(open_at, m, open_at + 1, m, False))
                    open_at = None
        return out

    # ================================================================== noun phrases and subjects

    def _np_token(self, i: int) -> bool:
        """Can token i be part of a speaker phrase (walking left from a verb)?"""
        v, lex = self.v, self.lex
        w = v.low[i]
        if v.space[i] or v.in_quote[i]:
            return False
        if v.ent_at[i] >= 0:
            return True
        if v.is_mark(i):
            return False
        if v.punct[i]:
            return w in ("(", ")", "&", "/")
        if w in lex.subordinators or w in lex.verb_coordinators and w != "dan":
            return False
        if w == "yang":
            return False
        if w in lex.prepositions:
            # "Duta Besar AS untuk PBB Linda Thomas-Greenfield": a preposition inside a description
            if w not in lex.speaker_inner or i == 0 or i + 1 >= v.n:
                return False
            left_ok = (
                v.is_cap(i - 1)
                or v.ent_at[i - 1] >= 0
                or v.low[i - 1] in lex.role_words
                or (not v.punct[i - 1] and not v.is_verb(i - 1) and v.low[i - 1] not in lex.subordinators)
            )
            right_ok = (
                v.is_cap(i + 1)
                or v.ent_at[i + 1] >= 0
                or (not v.punct[i + 1] and not v.is_verb(i + 1) and v.low[i + 1] not in lex.subject_adverbs)
            )
            return left_ok and right_ok
        if v.is_verb(i) and (v.is_predicate(i) or lex.verb_class(w) is not None):
            return False
        return not (v.has_pos and v.pos[i] in ("SCONJ", "AUX") and w not in lex.role_words)

    def _skip_fillers_left(self, j: int, lo: int) -> int:
        """Step left over adverbs, time phrases and occasion phrases between a subject and its verb."""
        v, lex = self.v, self.lex
        while j >= lo:
            w = v.low[j]
            if v.space[j]:
                j -= 1
                continue
            if v.occasion[j] or w in lex.subject_adverbs:
                j -= 1
                continue
            if v.time[j] and v.ent_at[j] < 0:
                # "awal bulan ini", "pada hari Kamis", "(30/8)"
                if w in lex.demonstratives and not (j - 1 >= lo and v.time[j - 1]):
                    break
                j -= 1
                continue
            if w in (")",) and j - 1 >= lo and v.time[j - 1]:
                j -= 1
                continue
            if w == "(" and j + 1 < v.n and v.time[j + 1]:
                j -= 1
                continue
            break
        return j

    def _chunk_has_verb(self, a: int, b: int) -> int | None:
        """The last predicate verb in tokens [a, b), if any."""
        v = self.v
        for k in range(b - 1, a - 1, -1):
            if not v.in_quote[k] and v.is_verb(k) and v.is_predicate(k):
                return k
        return None

    def subject_left(self, verb: int, depth: int = 0) -> SpeakerRef | None:
        """The speaker phrase in subject position before a speech verb: the rules first (they know
        appositions, relative clauses, datelines and adjuncts), the dependency parse when they find none."""
        ref = self._subject_rules(verb, depth)
        if ref is None and depth == 0:
            ref = self._subject_from_parse(verb)
        return ref

    def _subject_rules(self, verb: int, depth: int) -> SpeakerRef | None:
        v, lex = self.v, self.lex
        s0 = v.sent_start(verb)
        j = self._skip_fillers_left(verb - 1, s0)
        # ", di Lombok Utara, Jumat (31/7/2020), mengatakan": step over comma-delimited adjuncts
        while j >= s0 and v.low[j] == ",":
            c0 = j - 1
            while c0 >= s0 and v.low[c0] != "," and not v.is_sent_end(c0):
                c0 -= 1
            if c0 >= s0 and v.low[c0] == "," and self._is_adjunct(c0 + 1, j):
                j = c0
                continue
            if c0 >= s0 and v.low[c0] == "," and v.low[c0 + 1] == "yang":
                # "Pejabat itu, yang enggan disebut namanya, menambahkan": the clause describes the subject
                ref = self._np_left(c0 - 1, s0)
                if ref is not None and self._anonymous_in(c0 + 1, j):
                    ref.kind = "anonymous"
                return ref
            break
        if j < s0:
            return None
        w = v.low[j]
        if w == "yang":
            return self._relative_antecedent(j, s0)
        if w in lex.verb_coordinators or w == ",":
            k = j - 1
            # coordinated or serial verb: take the earlier verb's subject
            if w == ",":
                c0 = k
                while c0 >= s0 and v.low[c0] != "," and not v.is_sent_end(c0):
                    c0 -= 1
                chunk_verb = self._chunk_has_verb(c0 + 1, j)
                if chunk_verb is not None and depth < 4:
                    return self.subject_left(chunk_verb, depth + 1)
                if c0 + 1 >= j:
                    return None
                ref = self._np_left(j - 1, s0)
                # apposition: "Pemimpin NSC, John Kirby, mengatakan" / "Koalisi X, tim pemenangan ..., menuding"
                if c0 >= s0 and v.low[c0] == ",":
                    p0 = c0 - 1
                    while p0 >= s0 and v.low[p0] != "," and not v.is_sent_end(p0):
                        p0 -= 1
                    pa, pb = p0 + 1, c0
                    if pa == s0:
                        pa = self._skip_dateline(pa, pb)  # "SUMBER JAYA – Koalisi X, tim ..., menuding"
                    if (
                        pb > pa
                        and self._chunk_has_verb(pa, pb) is None
                        and not all(v.low[t] in lex.leading_connectives or v.punct[t] for t in range(pa, pb))
                        and not self._is_relay_chunk(pa, pb)
                        and pb - pa <= 12
                        and v.low[pa] not in lex.prepositions
                    ):
                        first = self._make_ref(pa, pb)
                        later = ref
                        if first is not None and self._prefer_first(first, later, c0 + 1):
                            first.end = j
                            return first
                        if later is not None:
                            later.start = pa
                            return later
                if ref is None:
                    return None
                return ref
            if depth < 4:
                prev = self._previous_speech_verb(s0, j)
                if prev is None:
                    prev = self._first_verb(s0, j)
                if prev is not None:
                    return self.subject_left(prev, depth + 1)
            return SpeakerRef(verb, verb, "inherit")
        return self._np_left(j, s0)

    def _prefer_first(self, first: SpeakerRef, later: SpeakerRef | None, later_start: int) -> bool:
        """In "X, Y, mengatakan", which phrase names the speaker: the person over the description
        ("Abdian Saputra, Koordinator Ekajaya Fast Boat" / "Pemimpin NSC, John Kirby")."""
        v, lex = self.v, self.lex
        if later is None:
            return True

        def person(r: SpeakerRef) -> bool:
            return r.kind == "named" or r.kind == "entity" and any(e.type == "PER" for e in r.ents)

        if person(first) != person(later):
            return person(first)
        if person(first):
            return v.low[later_start] in lex.role_words or v.low[later_start] in lex.name_titles
        return not v.is_cap(later_start) or later.kind in ("role", "anaphor")

    def _previous_speech_verb(self, a: int, b: int) -> int | None:
        v, lex = self.v, self.lex
        for k in range(b - 1, a - 1, -1):
            if not v.in_quote[k] and lex.verb_class(v.low[k]) is not None:
                return k
        return None

    def _first_verb(self, a: int, b: int) -> int | None:
        v = self.v
        for k in range(a, b):
            if not v.in_quote[k] and v.is_verb(k):
                return k
        return None

    def _is_adjunct(self, a: int, b: int) -> bool:
        """A time, place or occasion phrase set off by commas ("Jumat (31/7/2020)", "di Jakarta")."""
        v, lex = self.v, self.lex
        if a >= b:
            return False
        if all(v.time[k] or v.occasion[k] or v.punct[k] or v.space[k] for k in range(a, b)):
            return True
        first = v.low[a]
        if (
            first in lex.prepositions or first in ("saat", "ketika", "usai", "seusai", "sebelum", "setelah")
        ) and first not in ("dari",):
            return not any(v.is_verb(k) and not v.occasion[k] for k in range(a, b))
        # "berunjuk rasa di depan kantor X, Jakarta, Senin, menuntut": a place in apposition says where
        e = v.ent_at[a]
        return (
            e >= 0 and v.ents[e].end == b and v.ents[e].kind in self.lex.place_kinds and self._after_pp(a - 1)
        )

    def _after_pp(self, comma: int) -> bool:
        """Does the phrase that ends just before this comma open with a preposition ("di depan kantor X")?"""
        v, lex = self.v, self.lex
        k = comma - 1
        s0 = v.sent_start(comma) if comma < v.n else 0
        while k >= s0 and not v.punct[k] and not v.is_verb(k):
            if v.low[k] in lex.prepositions:
                return True
            k -= 1
        return False

    def _subject_from_parse(self, verb: int) -> SpeakerRef | None:
        """nsubj of the verb from the dependency parse, when a trained parser ran."""
        v = self.v
        doc = v.doc
        if not doc.has_annotation("DEP"):
            return None
        tok = doc[verb]
        head = tok
        for _ in range(3):
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb]
            if subj:
                s = subj[0]
                a, b = s.left_edge.i, s.right_edge.i + 1
                if s.lower_ in ("yang", "itu", "ini") or v.low[a] in self.lex.prepositions:
                    return None
                if b <= verb and not any(v.in_quote[k] for k in range(a, b)):
                    ref = self._make_ref(a, b)
                    if ref is not None:
                        return ref
                return None
            if head.dep_ in ("conj", "xcomp", "advcl") and head.head.i != head.i:
                head = head.head
            else:
                break
        return None

    def _is_relay_chunk(self, a: int, b: int) -> bool:
        v, lex = self.v, self.lex
        return v.low[a] in lex.according_to or lex.relay.match(v.low, a) is not None

    def _relative_antecedent(self, j: int, s0: int) -> SpeakerRef | None:
        """'..., yang menuduh': the noun phrase before 'yang'; a document's author for 'surat ... yang'."""
        v, lex = self.v, self.lex
        k = j - 1
        while k >= s0 and v.low[k] in (",",):
            k -= 1
        if k < s0:
            return None
        ref = self._np_left(k, s0, allow_pp=True)
        if ref is None:
            return None
        # "mengirim surat kepada Presiden Putin yang mengatakan": the letter speaks for its sender
        p = ref.start - 1
        if p >= s0 and v.low[p] in lex.prepositions:
            q = p - 1
            while q >= s0 and not v.is_verb(q) and v.low[q] not in lex.document_nouns:
                q -= 1
            if q >= s0 and v.low[q] in lex.document_nouns:
                gov = self._chunk_has_verb(s0, q)
                if gov is not None:
                    owner = self.subject_left(gov, 3)
                    if owner is not None:
                        return owner
        if v.low[ref.start] in lex.document_nouns and ref.kind not in ("entity", "named"):
            gov = self._chunk_has_verb(s0, ref.start)
            if gov is not None:
                owner = self.subject_left(gov, 3)
                if owner is not None:
                    return owner
        # prefer the entity after an inner preposition: "kemarahan dari AS, yang"
        return ref

    def _np_left(self, j: int, s0: int, allow_pp: bool = False) -> SpeakerRef | None:
        v = self.v
        # "Seorang pejabat ... yang enggan disebut namanya mengatakan"
        for y in range(j, max(s0 - 1, j - 9), -1):
            if v.low[y] == "yang":
                if self._anonymous_in(y, j + 1):
                    ref = self._np_left(y - 1, s0, allow_pp) if y - 1 >= s0 else None
                    if ref is not None:
                        ref.kind = "anonymous"
                        ref.end = j + 1
                    return ref
                if y - 1 >= s0 and any(v.is_verb(t) for t in range(y + 1, j + 1)):
                    # "Seorang dokter yang bertugas di rumah sakit itu mengatakan": the sentence opens with
                    # the subject, the relative clause only describes it
                    ref = self._np_left(y - 1, s0, allow_pp)
                    if ref is not None and self._opens_sentence(ref.start):
                        ref.end = j + 1
                        return ref
                break
        a = j
        while a >= s0 and self._np_token(a):
            a -= 1
        a += 1
        if a > j:
            return None
        if (
            not allow_pp
            and a - 1 >= s0
            and v.low[a - 1] in self.lex.prepositions
            and v.low[a - 1] not in self.lex.speaker_inner
        ):
            # the phrase sits in a prepositional phrase: not a subject
            return None
        return self._make_ref(a, j + 1)

    def _trim(self, a: int, b: int) -> tuple[int, int]:
        v, lex = self.v, self.lex
        if a == v.sent_start(a):
            a = self._skip_dateline(a, b)
        while (
            a < b
            and v.ent_at[a] < 0
            and (
                v.low[a] in lex.leading_connectives
                or v.punct[a]
                or v.space[a]
                or (v.time[a] and v.low[a] not in lex.demonstratives)
            )
        ):
            if v.low[a] in ("(",) and a + 1 < b and not v.time[a + 1]:
                break
            a += 1
        while b > a and v.ent_at[b - 1] < 0:
            w = v.low[b - 1]
            if (
                v.punct[b - 1]
                and w != ")"
                or v.space[b - 1]
                or w in lex.subject_adverbs
                or v.occasion[b - 1]
                or w == ")"
                and b - 2 >= a
                and v.time[b - 2]
                or w == "("
            ):
                b -= 1
            elif v.time[b - 1]:
                if w in lex.demonstratives and not (
                    b - 2 >= a and v.time[b - 2] and v.low[b - 2] not in lex.demonstratives
                ):
                    break
                b -= 1
            else:
                break
        return a, b

    def _make_ref(self, a: int, b: int) -> SpeakerRef | None:
        """Classify a speaker phrase: entity, name, pronoun, anaphor, anonymous or bare role."""
        v, lex = self.v, self.lex
        a, b = self._trim(a, b)
        if a >= b:
            return None
        words = v.low[a:b]
        if self._anonymous_in(a, b):
            return SpeakerRef(a, b, "anonymous")
        ents_here = self._ents_in(a, b)
        seg0 = self._name_segment(a, b)
        if (
            words[0] in lex.indefinites
            and not any(e.type == "PER" for e in ents_here)
            and (seg0 is None or len(seg0) == 1 and seg0[0] - 1 >= a and v.low[seg0[0] - 1] in lex.role_words)
        ):
            # "seorang pejabat NIS", "seorang diplomat Barat": an official nobody names
            return SpeakerRef(a, b, "anonymous")
        if b - a == 1:
            w = words[0]
            if w in lex.singular_pronouns:
                return SpeakerRef(a, b, "pronoun")
            if w in lex.plural_pronouns:
                return SpeakerRef(a, b, "plural")
            if w in lex.party_pronouns:
                return SpeakerRef(a, b, "party")
        ents = self._ents_in(a, b)
        if b - a >= 2 and words[-1] in lex.demonstratives and not (ents and ents[-1].end == b):
            return SpeakerRef(a, b, "anaphor", ents)
        # the head of "Salehudin dari KKP Mataram" is before the prepositional phrase
        hb = b
        for k in range(a + 1, b):
            if v.low[k] in lex.speaker_inner and v.ent_at[k] < 0:
                if any(e.type == "PER" and e.start < k for e in ents) or self._name_segment(a, k) is not None:
                    hb = k
                break
        seg = self._name_segment(a, hb)
        if seg is not None:
            ents = [
                e for e in ents if not (seg[0] <= e.start < seg[-1] + 1 and self._suspect(v.ent_at[e.start]))
            ]
        head_ents = [e for e in ents if e.start < hb]
        pers = [e for e in head_ents if e.type == "PER" and self._plausible_person(e)]
        # the name closest to the end of the description is the speaker ("Manajer Humas PT KAI Suprapto")
        if seg is not None and (not pers or seg[0] > pers[-1].start):
            name = self._seg_name(seg, a, hb)
            if name:
                return SpeakerRef(a, b, "named", [], name)
        if pers:
            last = pers[-1]
            j = last.start
            while (
                j - 1 >= a
                and v.ent_at[j - 1] < 0
                and self._name_word(j - 1)
                and not self._common_word(j - 1)
                and v.low[j - 1] not in lex.rank_brackets
            ):
                j -= 1
            if (
                j < last.start
                and last.end - j <= 4
                and not any(v.text[t].isupper() for t in range(j, last.start))
            ):
                # "Komisaris Besar Dodi Prasetyo" with only "Prasetyo" linked: the given name belongs to it
                return SpeakerRef(
                    a, b, "named", [], self._canonical_name([v.text[t] for t in range(j, last.end)], j)
                )
            chosen = [e for e in pers[:-1] if self._coordinated(e, last)] + [last]
            return SpeakerRef(a, b, "entity", chosen)
        tail = self._person_after_place(a, hb) or self._swallowed_person(head_ents)
        if tail is not None:
            return SpeakerRef(a, b, "named", [], tail)
        bodies = [e for e in (head_ents or ents) if e.type in ("ORG", "GPE", "NORP", "LOC")]
        if bodies:
            chosen = [bodies[0]] + [e for e in bodies[1:] if self._coordinated(bodies[0], e)]
            if words[0] in lex.document_nouns:
                chosen = chosen[:1]  # a joint statement speaks as one party, named first
            return SpeakerRef(a, b, "entity", chosen)
        if ents:
            return SpeakerRef(a, b, "entity", [ents[0]])
        if any(w in lex.role_words or w in lex.document_nouns for w in words):
            return SpeakerRef(a, b, "role")
        if v.has_pos and not any(v.pos[k] in ("NOUN", "PROPN", "PRON") for k in range(a, b)):
            return None
        return SpeakerRef(a, b, "role")

    def _anonymous_in(self, a: int, b: int) -> bool:
        """An anonymity phrase ("sumber anonim", "enggan disebut namanya") in lower-case words."""
        v, lex = self.v, self.lex
        return any(
            v.ent_at[k] < 0 and (not v.is_cap(k) or self._opens_sentence(k)) and lex.anonymity.match(v.low, k)
            for k in range(a, b)
        )

    def _opens_sentence(self, k: int) -> bool:
        """Token k is the first word of its sentence (after connectives and punctuation): its capital
        says nothing about it being a name ("Sumber lain di kementerian mengatakan")."""
        v, lex = self.v, self.lex
        j = k - 1
        s0 = v.sent_start(k)
        while j >= s0 and (v.punct[j] or v.space[j] or v.low[j] in lex.leading_connectives):
            j -= 1
        return j < s0

    def _in_anonymity_phrase(self, i: int) -> bool:
        """Token i belongs to an anonymity phrase ("yang meminta namanya tidak disebutkan"): a speech verb
        there asks for anonymity, it reports nothing."""
        v, lex = self.v, self.lex
        for k in range(max(0, i - 3), i + 1):
            ph = lex.anonymity.match(v.low, k)
            if ph and k + len(ph) > i:
                return True
        return False

    def _ents_in(self, a: int, b: int) -> list[EntRef]:
        v = self.v
        ents: list[EntRef] = []
        seen: set[int] = set()
        for k in range(a, b):
            e = v.ent_at[k]
            if e >= 0 and e not in seen:
                seen.add(e)
                ents.append(v.ents[e])
        return ents

    def _coordinated(self, first: EntRef, other: EntRef) -> bool:
        """'Rusia dan Korea Utara': two entities joined by 'dan' / ',' only."""
        v, lex = self.v, self.lex
        between = [v.low[k] for k in range(first.end, other.start)]
        return "dan" in between and all(
            w in ("dan", ",", "serta") or w in lex.role_words or w in lex.name_titles for w in between
        )

    def _name_segment(self, a: int, b: int) -> list[int] | None:
        """The last run of capitalised name words in [a, b) outside linked entities."""
        v = self.v
        segs: list[list[int]] = []
        cur: list[int] = []
        for k in range(a, b):
            if (
                (v.ent_at[k] < 0 or self._suspect(v.ent_at[k]))
                and self._name_word(k)
                and not (k == v.sent_start(k) and self._common_word(k))
            ):
                cur.append(k)
            else:
                if cur:
                    segs.append(cur)
                cur = []
        if cur:
            segs.append(cur)
        return segs[-1] if segs else None

    def _suspect(self, e_index: int) -> bool:
        """A body or place mention that is only name words and unknown to the gazetteer ("Didiek
        Hartantyo" tagged ORG): treated as a possible person's name."""
        cached = self._suspects.get(e_index)
        if cached is not None:
            return cached
        v = self.v
        e = v.ents[e_index]
        ok = False
        defined = (
            e.end + 2 < v.n
            and v.text[e.end] == "("
            and v.text[e.end + 1].isupper()
            and v.text[e.end + 2] == ")"
        )
        if e.type != "PER" and e.kind is None and e.end - e.start <= 4 and not defined:
            # (a name the article gives an acronym, "Himpunan Petani Padi Nusantara (HPPN)", is a body)
            _gazetteer()
            known = e.id is not None and _known_id(e.id)
            ok = not known and all(
                self._name_word(k) and not v.text[k].isupper() for k in range(e.start, e.end)
            )
        self._suspects[e_index] = ok
        return ok

    def _swallowed_person(self, ents: list[EntRef]) -> str | None:
        """A name at the end of a body the gazetteer does not know, after a part it does know
        ("Kementerian Kesehatan Siti Nadia Tarmizi"): the linker's capitalisation heuristics can run
        a body and the person who speaks for it together."""
        v, lex = self.v, self.lex
        _gazetteer()
        for e in reversed(ents):
            if e.type == "PER" or e.end - e.start < 3 or e.kind not in (None, "place"):
                continue
            if e.id and _known_id(e.id):
                continue
            if (
                e.end + 2 < v.n
                and v.text[e.end] == "("
                and v.text[e.end + 1].isupper()
                and v.text[e.end + 2] == ")"
            ):
                continue  # "Himpunan Petani Padi Nusantara (HPPN)": the acronym names the whole body
            t = e.end
            while t > e.start and self._name_word(t - 1) and not v.text[t - 1].isupper():
                t -= 1
            tail = list(range(t, e.end))
            head = v.low[e.start : t]
            acronym = t > e.start and v.text[t - 1].isupper() and len(v.text[t - 1]) >= 2
            if (
                2 <= len(tail) <= 4
                and head
                and (acronym or any(w in lex.institution_words or w in lex.role_words for w in head))
            ):
                return self._canonical_name([v.text[k] for k in tail], t)
        return None

    def _person_after_place(self, a: int, b: int) -> str | None:
        """The name after an administrative place ("Kepala Desa Sukamaju Darsono",
        "Kepala BPBD Kabupaten Demak Agus Nugroho"), even when a body's mention swallowed it."""
        v, lex = self.v, self.lex
        last_place = None
        for k in range(a, b - 1):
            if v.low[k] in lex.place_nouns and v.is_cap(k) and v.is_cap(k + 1):
                last_place = k
        if last_place is None:
            return None
        k = last_place + 2  # the place noun and the first word of the place's name
        while k < b and v.low[k] in lex.place_continuations:
            k += 1
        rest = list(range(k, b))
        if not rest or not all(self._name_word(t) and not v.text[t].isupper() for t in rest):
            return None
        if any(
            v.ent_at[t] >= 0 and v.ents[v.ent_at[t]].type in ("GPE", "LOC") and v.ents[v.ent_at[t]].start >= k
            for t in rest
        ):
            return None  # the rest is itself a known place
        if len(rest) == 1 and v.low[a] not in lex.person_roles:
            return None
        return self._canonical_name([v.text[t] for t in rest], rest[0])

    def _seg_name(self, seg: list[int], a: int, b: int) -> str | None:
        """A person's name written in capitals that the linker did not catch ("Roland Manurung")."""
        v = self.v
        while len(seg) > 1 and self._common_word(seg[0]):
            seg = seg[1:]  # "Pendapat Azyumardi", "Kedua RIT": an ordinary word opens the run
        # a lone capitalised word directly before an entity is part of the body's name, not a person
        if len(seg) == 1 and seg[-1] + 1 < b and v.ent_at[seg[-1] + 1] >= 0:
            return None
        if (
            len(seg) == 1
            and v.text[seg[0]].isupper()
            and any(v.ent_at[k] >= 0 and v.ents[v.ent_at[k]].type != "PER" for k in range(a, b))
        ):
            return None  # an acronym beside a body ("NSC") is not a person
        if len(seg) == 1 and self._common_word(seg[0]):
            return None
        k = seg[0]
        if (
            len(seg) == 1
            and k - 2 >= a
            and v.low[k - 1] in ("dan", "serta")
            and v.ent_at[k - 2] >= 0
            and v.ents[v.ent_at[k - 2]].type != "PER"
        ):
            return None  # "AS dan Sekutu": a body coordinated with a body
        return self._canonical_name([v.text[k] for k in seg], seg[0])

    def _fallback_name(self, a: int, b: int) -> str | None:
        seg = self._name_segment(a, b)
        return self._seg_name(seg, a, b) if seg is not None else None

    def _lower_words(self) -> frozenset[str]:
        """Words the article writes in lower case, bare or under an enclitic (shared with the linker)."""
        return ordinary_words(self.v.doc)

    def _common_word(self, k: int) -> bool:
        """A capitalised word that the same article also writes in lower case ("Kembali", "Tak")."""
        return self.v.low[k] in self._lower_words()

    def _plausible_person(self, e: EntRef) -> bool:
        """A PER mention that is not a bare role ("Humas", "Managing Director"), a common word, or a
        body's partner ("AS dan Sekutu")."""
        v, lex = self.v, self.lex
        words = [v.low[k] for k in range(e.start, e.end) if not v.punct[k]]
        if not words or all(w in lex.role_words or w in lex.name_titles for w in words):
            return False
        if any(w in lex.institution_words or w in lex.place_nouns for w in words):
            return False  # "Puskesmas Cilincing" tagged as a person
        lowers = self._lower_words()
        if len(words) > 1 and (
            all(w in lowers for w in words) or words[0] in lowers and self._opens_sentence(e.start)
        ):
            return (
                False  # "Undang-Undang Nomor", "Berdasarkan Undang-Undang": ordinary words tagged as a person
            )
        if len(words) == 1:
            if self._common_word(e.start):
                return False
            k = e.start
            if (
                k >= 2
                and v.low[k - 1] in ("dan", "serta")
                and v.ent_at[k - 2] >= 0
                and v.ents[v.ent_at[k - 2]].type not in ("PER",)
            ):
                return False
        return True

    def _name_word(self, k: int) -> bool:
        """A capitalised word that can be part of a person's name (not a title, role, function word)."""
        v, lex = self.v, self.lex
        if not v.is_cap(k):
            return False
        w = v.low[k]
        if not any(c.isalpha() for c in w) or v.time[k] or v.punct[k]:
            return False
        if k > 0 and (v.low[k - 1], w) in lex.role_compounds:
            return False  # "Jaksa Agung", "Komisaris Besar": the second word belongs to the office
        return not (
            w in lex.name_titles
            or w in lex.role_words
            or w in lex.institution_words
            or w in lex.place_nouns
            or w in lex.leading_connectives
            or w in lex.document_nouns
            or w in lex.according_to
            or w in lex.prepositions
            or w in lex.subordinators
            or w in lex.verb_coordinators
            or lex.post_cue(w) is not None
            or lex.verb_class(w) is not None
            or w in lex.singular_pronouns
            or w in lex.plural_pronouns
            or w in lex.demonstratives
            or w in lex.indefinites
            or w in lex.quantities
        )

    def _name_runs(self) -> list[tuple[int, list[str]]]:
        if self._names is None:
            v, _lex = self.v, self.lex
            runs: list[tuple[int, list[str]]] = []
            cur: list[str] = []
            start = 0
            for k in range(v.n):
                e = v.ent_at[k]
                if self._name_word(k) and (e < 0 or v.ents[e].type == "PER" or self._suspect(e)):
                    if not cur:
                        start = k
                    cur.append(v.text[k])
                else:
                    if cur:
                        runs.append((start, cur))
                    cur = []
            if cur:
                runs.append((start, cur))
            self._names = runs
        return self._names

    def _canonical_name(self, words: list[str], at: int) -> str:
        """Expand a short form to the fullest earlier run that contains it ("Price" -> "Ned Price")."""
        best = words
        for _start, run in self._name_runs():
            if len(run) > len(best) and len(run) <= 4 and _contains(run, words):
                best = run
                break
        return " ".join(best)

    # ================================================================== attribution of quotations

    def _speaker_right(self, k: int) -> SpeakerRef | None:
        """The speaker phrase after a cue: 'kata juru bicara departemen Ned Price, Selasa'."""
        v, lex = self.v, self.lex
        end = v.sent_end(k) if k < v.n else v.n
        while k < v.n and v.space[k]:
            k += 1
        if k >= v.n:
            return None
        if v.low[k] in lex.singular_pronouns or v.low[k] in lex.plural_pronouns:
            return SpeakerRef(k, k + 1, "pronoun" if v.low[k] in lex.singular_pronouns else "plural")
        m = k
        person = False  # a name seen yet: after it a comma or "dan" ends the phrase
        has_per = False
        described = v.low[k] in lex.role_words or v.low[k] in lex.name_titles  # starts with an office
        while m < min(v.n, end + 2):
            w = v.low[m]
            e = v.ent_at[m]
            if e >= 0:
                ent = v.ents[e]
                if ent.type == "PER" and self._plausible_person(ent):
                    person = has_per = True
                m = ent.end
                continue
            if v.space[m] or v.is_mark(m):
                break
            if (
                w in (",", "dan")
                and not person
                and m > k
                and m + 1 < v.n
                and (v.is_cap(m + 1) or v.ent_at[m + 1] >= 0)
                and not v.time[m + 1]
            ):
                m += 1  # "Menteri Koordinator Bidang Politik, Hukum, dan Keamanan Mahfud MD"
                continue
            if w == "," and described and not has_per and self._appositive_name(m + 1):
                m += 1  # "juru bicara Koalisi Sumber Jaya Maju, Dewi Anggraini,"
                continue
            if w in (",", "dan") and described and not has_per and self._person_ahead(m + 1):
                m += 1  # "Direktur Jenderal Pencegahan dan Pengendalian Penyakit ... Maxi Rein Rondonuwu"
                continue
            if w == ",":
                break
            if (
                w in lex.speaker_inner
                and not person
                and m + 1 < v.n
                and (v.is_cap(m + 1) or v.ent_at[m + 1] >= 0)
                and m > k
            ):
                m += 1
                continue
            if (
                w == "("
                and m > k
                and m + 2 < v.n
                and v.low[m + 2] == ")"
                and (
                    v.low[m + 1] in lex.rank_brackets or (v.text[m + 1].isupper() and v.text[m + 1].isalpha())
                )
            ):
                # "Brigjen (Pol) Ani Rahayu": the bracket belongs to the rank; "Ketua Serikat Pekerja X (SPX)
                # Agus": an office's acronym
                m += 3
                continue
            if w in lex.speaker_stops or (v.punct[m] and w not in ("-", "&", "/")):
                break
            if lex.relay.match(v.low, m) or (v.is_verb(m) and (v.is_predicate(m) or lex.verb_class(w))):
                break
            if (
                v.time[m]
                and v.is_cap(m)
                and m > k
                and not (m + 1 < end and v.is_cap(m + 1) and not v.time[m + 1] and v.ent_at[m + 1] < 0)
            ):
                break  # "kata Budi Senin": a day; "Direktur Lalu Lintas Polda ...": a capitalised office name
            if self._name_word(m):
                person = True
            m += 1
        if m <= k:
            return None
        ref = self._make_ref(k, m)
        # "kata seorang pejabat, yang enggan disebut namanya, ..."
        t = m + 1 if m < v.n and v.low[m] == "," else m
        if ref is not None and t < v.n and v.low[t] == "yang" and self._anonymous_in(t, min(v.n, t + 8)):
            ref.kind = "anonymous"
            for q in range(t, min(v.n, t + 8)):
                ph = lex.anonymity.match(v.low, q)
                if (
                    ph
                ):  # the phrase runs to the end of the anonymity clause ("Menurut X yang enggan ..., ...")
                    end_ph = q + len(ph)
                    while end_ph < v.n and end_ph < q + len(ph) + 2 and v.low[end_ph].endswith("nya"):
                        end_ph += 1  # "enggan disebut | namanya"
                    ref.end = max(ref.end, end_ph)
                    break
        return ref

    def _person_ahead(self, k: int) -> bool:
        """A plausible person mention follows within a run of capitalised words (an office's name)."""
        v = self.v
        m = k
        while m < v.n and m < k + 12:
            e = v.ent_at[m]
            if e >= 0:
                if v.ents[e].type == "PER" and self._plausible_person(v.ents[e]):
                    return True
                m = v.ents[e].end
                continue
            if not (v.is_cap(m) or v.low[m] in ("dan", ",")):
                return False
            m += 1
        return False

    def _appositive_name(self, k: int) -> bool:
        """Tokens from k are a name set off by commas: 1-4 name words, then a comma, a verb or the end."""
        v = self.v
        m = k
        while (
            m < v.n
            and m < k + 5
            and (self._name_word(m) or v.ent_at[m] >= 0 and v.ents[v.ent_at[m]].type == "PER")
        ):
            m += 1
        if m == k or m - k > 4:
            return False
        return (
            m >= v.n
            or v.low[m] in (",", ".")
            or v.is_verb(m)
            or v.space[m]
            or v.low[m] in self.lex.speaker_stops
        )

    def _post(self, c: int) -> tuple[int, SpeakerRef | None, int] | None:
        """Attribution after a closing mark: (cue token, speaker, end of the attribution)."""
        v, lex = self.v, self.lex
        k = c + 1
        limit = min(v.n, c + 4)
        while k < limit and (v.space[k] and "\n" not in v.text[k] or v.low[k] in (",", "—", "-", "–")):
            k += 1
        if k >= v.n or v.space[k] or v.is_mark(k):
            return None
        if v.low[k] in lex.post_cue_lead and k + 1 < v.n and lex.post_cue(v.low[k + 1]):
            k += 1
        pc = lex.post_cue(v.low[k])
        if pc is not None and not v.is_cap(k) or pc is not None and v.par[k] == v.par[c] and k == c + 1:
            if pc[1]:
                return k, SpeakerRef(k, k + 1, "pronoun"), k + 1
            ref = self._speaker_right(k + 1)
            end = ref.end if ref else k + 1
            if ref is not None and end < v.n and v.low[end] == "mengutip":
                inner = self._speaker_right(end + 1)
                if inner is not None:
                    return k, inner, inner.end
            return k, ref, end
        if v.low[k] == "menurut":
            ref = self._speaker_right(k + 1)
            return k, ref, ref.end if ref else k + 1
        # "..." pengakuan bersama itu dipertambah / "..." Kirby menambahkan
        m = k
        while m < min(v.n, k + 14) and not v.is_sent_end(m) and not v.is_mark(m) and not v.space[m]:
            w = v.low[m]
            if w in lex.passive_cues or (v.is_verb(m) and lex.verb_class(w) == "say"):
                if m > k:
                    ref = self._make_ref(k, m)
                    if (
                        ref is not None
                        and ref.kind != "role"
                        or ref is not None
                        and any(
                            v.low[t] in lex.document_nouns or v.low[t] in lex.role_words for t in range(k, m)
                        )
                    ):
                        return m, ref, m + 1
                return None
            if v.is_verb(m) or w in (",", ";") or w in lex.subordinators:
                return None
            m += 1
        return None

    def _pre(self, o: int) -> int | None:
        """A speech verb just before an opening mark: 'X mengatakan, "..."' / 'X menjelaskan: "..."'."""
        v, lex = self.v, self.lex
        j = o - 1
        s0 = max(0, v.sent_start(o) - 1)
        steps = 0
        while j >= 0 and steps < 12:
            w = v.low[j]
            if v.space[j] and "\n" in v.text[j]:
                return None
            if lex.verb_class(w) or lex.post_cue(w) and not v.is_cap(j):
                return j
            if w in (",", ":", "bahwa", "kalau") or v.space[j] or v.occasion[j] or v.time[j]:
                j -= 1
                steps += 1
                continue
            if w in lex.addressee_preps or not v.punct[j] and steps > 0:
                # "mengatakan kepada wartawan, ..."
                k = j
                while k >= 0 and k > j - 8 and not lex.verb_class(v.low[k]) and not v.is_sent_end(k):
                    if v.low[k] in lex.addressee_preps:
                        break
                    k -= 1
                if k >= 0 and v.low[k] in lex.addressee_preps and k - 1 >= 0 and lex.verb_class(v.low[k - 1]):
                    return k - 1
                return None
            return None
        del s0
        return None

    def _enclosing(self, o: int) -> int | None:
        """The speech verb whose clause holds a partial quote: 'memperingatkan AS untuk 'tutup mulut''."""
        v, lex = self.v, self.lex
        s0 = v.sent_start(o + 1 if o + 1 < v.n else o)
        j = o - 1
        while j >= s0:
            if v.is_sent_end(j) or (v.space[j] and "\n" in v.text[j]):
                return None
            if not v.in_quote[j] and (lex.verb_class(v.low[j]) or (v.low[j] in lex.according_to and j == s0)):
                return j
            j -= 1
        return None

    def _speaker_of_verb(self, verb: int) -> SpeakerRef | None:
        """Subject before the verb, or, for a sentence-opening participle, the main clause's subject."""
        v, lex = self.v, self.lex
        if v.low[verb] in lex.according_to:
            ref = self._speaker_right(verb + 1)
            return ref
        ref = self.subject_left(verb)
        if ref is not None:
            return ref
        # "Menyebutnya sebagai "...", juru bicara ... John Kirby kemudian mengklarifikasi"
        e = v.sent_end(verb)
        k = verb + 1
        while k < e:
            if v.low[k] == "," and not v.in_quote[k]:
                m = k + 1
                while (
                    m < e
                    and (self._np_token(m) or v.low[m] in lex.subject_adverbs or v.occasion[m] or v.time[m])
                    and not v.is_verb(m)
                ):
                    m += 1
                if m > k + 1 and m < e and v.is_verb(m):
                    r = self._make_ref(k + 1, m)
                    if r is not None:
                        return r
                break
            k += 1
        s0 = v.sent_start(verb)
        if s0 > 0:
            return SpeakerRef(verb, verb, "inherit")
        return None

    def direct_quotes(self, quoted: list[_Quoted]) -> list[_Cand]:
        v, lex = self.v, self.lex
        for q in quoted:
            for k in range(q.a, q.b):
                v.in_quote[k] = True
            if q.open_tok is not None:
                v.in_quote[q.open_tok] = True
            if q.close_tok is not None:
                v.in_quote[q.close_tok] = True
        cands: list[_Cand] = []
        for q in quoted:
            nwords = v.word_count(q.a, q.b)
            short = nwords <= lex.max_label_words and not any(v.is_sent_end(k) for k in range(q.a, q.b))
            o = q.open_tok if q.open_tok is not None else q.a
            if self._is_title(q, short):
                continue
            post = self._post(q.close_tok) if q.close_tok is not None else None
            pre = self._pre(o) if q.open_tok is not None else None
            enclosing = None
            if pre is None and q.open_tok is not None and not self._after_sentence_end(o):
                enclosing = self._enclosing(o)
            cue_tok: int | None = None
            speaker: SpeakerRef | None = None
            anchor = q.a
            naming = self._naming_cue(o) if q.open_tok is not None else None
            if naming is not None:
                # 'yang disebutnya "..."', 'yang ia sebut "..."': the naming word is the cue and its
                # agent the speaker, whatever the clause around it is about
                cue_tok, speaker = naming
                anchor = speaker.start if speaker.kind != "inherit" else cue_tok
                cands.append(
                    _Cand("direct", q.a, q.b, cue_tok, speaker, anchor, unclosed=q.unclosed, short=short)
                )
                continue
            if short and (pre is not None or enclosing is not None):
                cue_tok = pre if pre is not None else enclosing
                assert cue_tok is not None
                speaker = self._speaker_of_verb(cue_tok)
                if (
                    (speaker is None or speaker.kind == "inherit")
                    and post is not None
                    and post[1] is not None
                ):
                    speaker = post[1]
                anchor = speaker.start if speaker is not None and speaker.kind != "inherit" else cue_tok
            elif post is not None:
                cue_tok, speaker = post[0], post[1]
                anchor = speaker.start if speaker is not None else cue_tok
            elif pre is not None or enclosing is not None:
                cue_tok = pre if pre is not None else enclosing
                assert cue_tok is not None
                speaker = self._speaker_of_verb(cue_tok)
                anchor = speaker.start if speaker is not None and speaker.kind != "inherit" else cue_tok
            elif short:
                continue  # a label or scare quote: nobody is said to have said it
            else:
                speaker = SpeakerRef(q.a, q.a, "inherit")
            cand = _Cand("direct", q.a, q.b, cue_tok, speaker, anchor, unclosed=q.unclosed, short=short)
            cands.append(cand)
        return cands

    def _naming_cue(self, o: int) -> tuple[int, SpeakerRef] | None:
        """A naming word right before an opening mark: "disebutnya" (agent -nya), "yang ia sebut"
        (agent before the bare verb), "menyebutnya" (agent is the verb's subject)."""
        v, lex = self.v, self.lex
        j = o - 1
        while j >= 0 and v.space[j] and "\n" not in v.text[j]:
            j -= 1
        if j < 0:
            return None
        w = v.low[j]
        if w in lex.naming_cues_agentive:
            return j, SpeakerRef(j, j + 1, "pronoun")
        if (
            w in lex.naming_cues_bare
            and j - 1 >= 0
            and (v.low[j - 1] in lex.singular_pronouns or v.low[j - 1] in lex.plural_pronouns)
        ):
            kind = "pronoun" if v.low[j - 1] in lex.singular_pronouns else "plural"
            return j, SpeakerRef(j - 1, j, kind)
        if w in lex.naming_cues_active:
            ref = self._speaker_of_verb(j)
            if ref is not None:
                return j, ref
        return None

    def _after_sentence_end(self, o: int) -> bool:
        v = self.v
        j = o - 1
        while j >= 0 and v.space[j] and "\n" not in v.text[j]:
            j -= 1
        return j < 0 or v.is_sent_end(j) or "\n" in v.text[j] or v.par[j] != v.par[o]

    def _is_title(self, q: _Quoted, short: bool) -> bool:
        """Quotation marks around a title or a label ('diskusi bertema "..."', 'program "..."')."""
        v, lex = self.v, self.lex
        o = q.open_tok if q.open_tok is not None else q.a
        j = o - 1
        while j >= 0 and (v.space[j] or v.low[j] in (":",)):
            j -= 1
        if j >= 0 and v.low[j] in lex.title_triggers and q.open_tok is not None:
            return True
        if any(v.text[k] in ".!" for k in range(q.a, q.b)) or v.text[q.b - 1] == ",":
            return False
        words = [v.text[k] for k in range(q.a, q.b) if not v.punct[k] and not v.space[k]]
        content = [w for w in words if w.lower() not in _SMALL_TITLE_WORDS]
        if not short and len(content) > 12:
            return False
        return len(content) >= 2 and all(w[:1].isupper() or w[:1].isdigit() or w[:1] == "#" for w in content)

    # ================================================================== reported speech

    def _complement(self, verb: int, cls: str) -> tuple[int, int] | None:
        """The reported clause after a speech verb, as tokens [a, b)."""
        v, lex = self.v, self.lex
        e = v.sent_end(verb)
        k = verb + 1
        if cls == "ruling":
            # "memutuskan bahwa X melanggar ...": a finding reported like speech; "memutuskan untuk ..."
            # is a decision to act, not something said
            t = k
            while t < e and (v.space[t] or v.low[t] == ","):
                t += 1
            if t >= e or v.low[t] != "bahwa":
                return None
        while k < e and (v.low[k] in lex.complement_openers or v.space[k]):
            k += 1
        if k < e and v.low[k] in lex.addressee_preps:
            m = k
            while m < min(e, k + 10) and v.low[m] != ",":
                m += 1
            if m < e and v.low[m] == ",":
                k = m + 1
            elif cls == "say":
                return None
        while k < e and (v.low[k] in lex.complement_openers or v.space[k] or v.occasion[k]):
            k += 1
        if k >= e:
            return None
        w = v.low[k]
        if cls == "attitude" and (w == "akan" or verb > 0 and v.low[verb - 1] == "yang"):
            return None  # "yang khawatir akan serangan": a state of mind, not something said
        if w in lex.verb_coordinators or (w in lex.prepositions and w not in ("bahwa",)) or w == "sebagai":
            return None  # "menyebutnya sebagai ...", "menjelaskan tentang ...": naming or topic, no clause
        if w == "hal" and k + 1 < e and v.low[k + 1] in lex.demonstratives:
            return None
        # "membantah kabar bahwa ...", "menyatakan kekhawatiran bahwa ...": the clause follows 'bahwa'
        for t in range(k + 1, min(e, k + 4)):
            if v.low[t] == "bahwa":
                if not any(v.is_verb(x) or v.is_cap(x) or v.in_quote[x] for x in range(k, t)):
                    k = t + 1
                break
        if k >= e:
            return None
        b = e
        cut_verb: int | None = None
        m = k
        while m < e:
            lw = v.low[m]
            if lw == "," and m + 1 < e:
                nxt = v.low[m + 1]
                if (
                    lex.relay.match(v.low, m + 1)
                    or lex.post_cue(nxt)
                    or nxt in ("sambil", "seraya", "sembari")
                ):
                    b = m
                    break
                if nxt == "yang" and any(lex.verb_class(v.low[t]) for t in range(m + 2, min(e, m + 4))):
                    b = m  # "..., yang mengatakan bahwa ...": a relative clause reports someone else's words
                    break
            if lw in lex.narration_subordinators and m > k + 2 and m + 1 < e and v.ent_at[m + 1] >= 0:
                b = m  # "mengancam akan memperluas serangan setelah AS dan Inggris menggempur ...": narration
                break
            if (
                lw in lex.channel_preps
                and m > k
                and m + 1 < e
                and (v.low[m + 1] in lex.role_words or v.ent_at[m + 1] >= 0)
            ):
                b = m  # "membantah tuduhan itu melalui juru bicara X": who carried the denial, not its content
                break
            if (
                cut_verb is None
                and lw in lex.verb_coordinators
                and m > k
                and m + 1 < e
                and lex.verb_class(v.low[m + 1])
            ):
                cut_verb = m + 1  # "membantah tuduhan itu dan menuntut ...": maybe its own clause
            m += 1
        full_b = self._trim_end(k, b)
        b = self._trim_end(k, cut_verb - 1) if cut_verb is not None else full_b
        if b <= k:
            return None
        short_ok = cls == "say" and not any(v.in_quote[t] for t in range(k, b))
        if v.word_count(k, b) < lex.min_indirect_words - (1 if short_ok else 0):
            return None
        if cls in ("object", "request"):
            markers = any(v.low[t] in lex.clause_markers for t in range(k, b))
            if not markers and not (
                cls == "request"
                and any(
                    v.is_verb(t)
                    and (
                        v.low[t].startswith(lex.request_verb_prefixes)
                        or v.low[t].endswith(lex.request_verb_suffixes)
                    )
                    for t in range(k + 1, b)
                )
            ):
                return None  # "meminta tambahan anggaran darurat": a thing asked for, not a reported clause
        if cut_verb is not None:
            # the first clause stands on its own: the quote runs on over the coordinated verb, which
            # also gets its own quote
            b = full_b
        return k, b

    def _skip_dateline(self, a: int, b: int) -> int:
        """Start after a dateline ("JAKARTA -", "LUKSEMBURG –", "JAKARTA, 20 Agustus 2024 –")."""
        v = self.v
        k = a
        while k < b and k < a + 10:
            t = v.text[k]
            if t in ("-", "–", "—", "--"):
                if k > a and v.text[a].isupper() and len(v.text[a]) > 1:
                    return k + 1
                return a
            if not (t.isupper() or v.time[k] or t in (",", "(", ")", "/") or t[:1].isdigit()):
                return a
            k += 1
        return a

    def _trim_end(self, a: int, b: int) -> int:
        """Drop trailing punctuation, keeping a closing bracket whose opener is inside."""
        v = self.v
        while b > a:
            t = v.text[b - 1]
            if v.space[b - 1]:
                b -= 1
            elif t == ")" and "(" in v.text[a : b - 1]:
                break
            elif v.punct[b - 1] and not v.is_mark(b - 1):
                b -= 1
            else:
                break
        return b

    def indirect_quotes(self, directs: list[_Cand]) -> list[_Cand]:
        v, lex = self.v, self.lex
        out: list[_Cand] = []
        covered = [False] * v.n
        for i in range(v.n):
            if not v.in_quote[i] and v.low[i] in ("menurut", "mengutip", "menurutnya"):
                cand = self._according_to(i)
                if cand is not None:
                    out.append(cand)
                    for t in range(cand.a, cand.b):
                        covered[t] = True
        for i in range(v.n):
            if v.in_quote[i] or covered[i]:
                continue
            w = v.low[i]
            cls = lex.verb_class(w)
            if cls is not None:
                if self._in_anonymity_phrase(i):
                    continue
                cand = self._indirect_from_verb(i, cls, directs)
                if cand is not None:
                    out.append(cand)
                continue
            if w in ("menurut", "mengutip", "menurutnya"):
                continue
            if w in lex.noun_cues:
                cand = self._noun_cue(i)
                if cand is not None:
                    out.append(cand)
                continue
            if lex.post_cue(w) and i > 0 and v.low[i - 1] == "," and not v.is_cap(i):
                cand = self._unmarked_post(i)
                if cand is not None:
                    out.append(cand)
        return out

    def _indirect_from_verb(self, i: int, cls: str, directs: list[_Cand]) -> _Cand | None:
        v, lex = self.v, self.lex
        if i in self._consumed:
            return self._mention(i)
        j = i - 1
        while j >= 0 and j > i - 4:
            if v.low[j] in lex.irrealis_before:
                return None  # "untuk menanggapi", "belum pernah mengakui": not speech that happened
            if v.low[j] not in lex.subject_adverbs:
                break
            j -= 1
        nxt = i + 1
        if (
            nxt < v.n
            and v.low[nxt] in lex.verb_coordinators
            and nxt + 1 < v.n
            and lex.verb_class(v.low[nxt + 1])
        ):
            return None  # "mengecam dan menolak X": the last verb carries the clause
        comp = self._complement(i, cls)
        if comp is None or any(d.a <= comp[0] < d.b for d in directs):
            return self._mention(i)
        ca, cb = comp
        quoted_words = 0
        inside: list[_Cand] = []
        for d in directs:
            if d.a >= ca and d.b <= cb + 1:
                quoted_words += v.word_count(d.a, d.b)
                inside.append(d)
        total = v.word_count(ca, cb)
        if inside and quoted_words >= lex.direct_share_for_no_indirect * total:
            return self._mention(i)
        speaker = self._speaker_of_verb(i)
        if speaker is None:
            return None
        anchor = speaker.start if speaker.kind != "inherit" else i
        return _Cand("indirect", ca, cb, i, speaker, anchor)

    def _mention(self, verb: int) -> _Cand | None:
        """A speaker who speaks without a quotable clause still becomes the referent of a later
        'katanya' ("Budi menjelaskan hal itu. "...," katanya.")."""
        speaker = self.subject_left(verb)
        if speaker is None or speaker.kind in ("inherit", "pronoun", "plural", "party", "role"):
            return None
        return _Cand("mention", verb, verb, None, speaker, speaker.start)

    def _according_to(self, i: int) -> _Cand | None:
        """'Menurut X, ...' and 'Mengutip X, ...' (a relay when X is an outlet)."""
        v, lex = self.v, self.lex
        s0, e = v.sent_start(i), v.sent_end(i)
        if v.low[i].endswith("nya"):  # "Menurutnya, ..."
            ref: SpeakerRef | None = SpeakerRef(i, i + 1, "pronoun")
        else:
            ref = self._speaker_right(i + 1)
        if ref is None or ref.kind == "inherit":
            return None
        if ref.end > i + 1 and self._relay_target(i + 1, ref.end)[0] is not None:
            return None
        lead = all(v.low[t] in lex.leading_connectives or v.punct[t] or v.space[t] for t in range(s0, i))
        m = ref.end
        while m < e and (v.time[m] or v.punct[m] and v.low[m] not in (",",) or v.space[m]):
            m += 1
        if lead:
            if m >= e or v.low[m] != ",":
                return None
            a = m + 1
            b = e
        else:
            if i - 1 < s0 or v.low[i - 1] != ",":
                return None
            a, b = s0, i - 1
        b = self._trim_end(a, b)
        while a < b and (v.punct[a] or v.space[a] or v.low[a] in lex.leading_connectives and not lead):
            a += 1
        if v.word_count(a, b) < lex.min_indirect_words or any(v.in_quote[t] for t in range(a, b)):
            return None
        return _Cand("indirect", a, b, i, ref, ref.start)

    def _noun_cue(self, i: int) -> _Cand | None:
        """'laporan Financial Times bahwa ...': a report noun, its author, and 'bahwa'."""
        v, lex = self.v, self.lex
        e = v.sent_end(i)
        k = i + 1
        if k >= e or v.ent_at[k] < 0:
            return None
        m = v.ents[v.ent_at[k]].end
        if m >= e or v.low[m] not in lex.noun_cue_markers:
            return None
        ref = self._make_ref(k, m)
        if ref is None:
            return None
        a = m + 1
        b = self._trim_end(a, e)
        if v.word_count(a, b) < lex.min_indirect_words or any(v.in_quote[t] for t in range(a, b)):
            return None
        return _Cand("indirect", a, b, i, ref, k)

    def _unmarked_post(self, i: int) -> _Cand | None:
        """'..., kata X.' without quotation marks; the clause is the rest of the sentence."""
        v, lex = self.v, self.lex
        s0, e = v.sent_start(i), v.sent_end(i)
        j = i - 2
        while j >= s0 and v.space[j]:
            j -= 1
        if j >= s0 and v.is_mark(j):
            return None
        pc = lex.post_cue(v.low[i])
        assert pc is not None
        if pc[1]:
            ref: SpeakerRef | None = SpeakerRef(i, i + 1, "pronoun")
            end = i + 1
        else:
            ref = self._speaker_right(i + 1)
            end = ref.end if ref else i + 1
        if ref is None:
            return None
        a, b = self._skip_dateline(s0, i - 1), i - 1
        while a < b and (v.punct[a] or v.space[a]):
            a += 1
        text = v.span_text(a, b).strip()
        if end < e and v.low[end] == ",":
            rest_a, rest_b = end + 1, e
            while rest_b > rest_a and (v.punct[rest_b - 1] or v.space[rest_b - 1]):
                rest_b -= 1
            if rest_b > rest_a:
                text = text + " " + v.span_text(rest_a, rest_b)
                b = rest_b
        if len(text.split()) < lex.min_indirect_words or any(v.in_quote[t] for t in range(a, b)):
            return None
        return _Cand("indirect", a, b, i, ref, ref.start, text_override=text)

    # ================================================================== relay (via)

    def _relay_target(self, k: int, limit: int) -> tuple[str | None, bool]:
        """The outlet named at token k (after a relay phrase), and whether only a generic one is."""
        v, lex = self.v, self.lex
        generic = False
        while k < limit and (v.low[k] in lex.relay_skip or v.space[k]) and v.ent_at[k] < 0:
            generic = generic or v.low[k] in ("media", "kantor", "berita", "harian", "situs", "laman")
            k += 1
        if k >= limit:
            return None, generic
        e = v.ent(k)
        if e is not None:
            if v.is_outlet(e) or e.type == "ORG" and generic:
                return e.name, False
            return None, generic
        return None, generic

    def _relay_in(self, a: int, b: int, outlet_required: bool = False) -> tuple[str | None, bool]:
        """First relay phrase in tokens [a, b) outside quotes: (outlet, generic-only)."""
        v, lex = self.v, self.lex
        k = a
        generic_seen = False
        while k < b:
            if v.in_quote[k]:
                k += 1
                continue
            ph = lex.relay.match(v.low, k)
            if ph:
                end = k + len(ph)
                name, generic = self._relay_target(end, min(v.n, end + 8))
                if name is None and not generic and ph[0] not in ("mengutip", "menurut"):
                    name = self._capitalised_after(end, min(v.n, end + 6))
                if name is not None:
                    return name, False
                generic_seen = generic_seen or generic
                k = end
                continue
            k += 1
        return None, generic_seen

    def _capitalised_after(self, k: int, limit: int) -> str | None:
        v, lex = self.v, self.lex
        while k < limit and v.low[k] in lex.relay_skip:
            k += 1
        words = []
        while k < limit and (v.is_cap(k) or "." in v.text[k] and v.text[k][:1].isalpha()) and not v.time[k]:
            words.append(v.text[k])
            k += 1
        return " ".join(words) if words else None

    def _sentence_lead_relay(self, s: int) -> str | None:
        """A relay that opens sentence s ('Menurut laporan X, ...', 'Dilansir X, ...')."""
        v, lex = self.v, self.lex
        s0, e = v.sent_bounds[s]
        k = s0
        while k < e and (v.space[k] or v.low[k] in lex.leading_connectives or v.punct[k]):
            k += 1
        if k >= e:
            return None
        ph = lex.relay.match(v.low, k)
        if ph or v.low[k] in ("menurut", "mengutip"):
            end = k + (len(ph) if ph else 1)
            name, _generic = self._relay_target(end, min(e, end + 10))
            if name is None and ph and ph[0] not in ("mengutip", "menurut"):
                name = self._capitalised_after(end, min(e, end + 6))
            return name
        return None

    def _via(self, c: _Cand) -> tuple[str | None, bool]:
        v = self.v
        s = v.sent[c.cue_tok] if c.cue_tok is not None else v.sent[c.a]
        s0, e = v.sent_bounds[s]
        # "sebut KCNA mengutip ...": the outlet that quotes the speaker
        if c.speaker is not None and c.speaker.start - 1 >= 0 and v.low[c.speaker.start - 1] == "mengutip":
            j = c.speaker.start - 2
            while j >= s0 and v.ent_at[j] < 0 and not v.is_mark(j) and j > c.speaker.start - 6:
                j -= 1
            if j >= s0 and v.ent_at[j] >= 0:
                return v.ents[v.ent_at[j]].name, False
        name, generic = self._relay_in(s0, e)
        if name is not None:
            return name, False
        # a relay opening an earlier sentence of the same paragraph
        p = v.par[s0]
        t = s - 1
        while t >= 0 and v.par[v.sent_bounds[t][0]] == p:
            lead = self._sentence_lead_relay(t)
            if lead is not None:
                return lead, False
            t -= 1
        return None, generic

    def _first_outlet(self) -> str | None:
        v = self.v
        for e in v.ents:
            if v.is_outlet(e):
                return e.name
        return None

    # ================================================================== resolution

    def _resolve_entity(self, e: EntRef) -> Resolved:
        return Resolved(e.id, e.name, e.type)

    def resolve(self, cands: list[_Cand]) -> None:
        """Give every candidate its speaker(s), in text order, following pronouns back."""
        v, lex = self.v, self.lex
        history: list[tuple[int, Resolved, str]] = []  # (token, speaker, speaker_text lower)
        people: list[Resolved] = []  # persons resolved so far, for short forms ("Tarmizi")
        done_direct: list[_Cand] = []
        for c in sorted(cands, key=lambda c: (c.anchor, c.a)):
            ref = c.speaker
            res: list[Resolved] = []
            if ref is None:
                res = []
            elif ref.kind == "anonymous":
                res = [self._anonymous_source(ref, history)]
            elif ref.kind == "entity":
                res = [self._resolve_entity(e) for e in ref.ents]
            elif ref.kind == "named":
                res = [Resolved(None, ref.name, "PER")]
            elif ref.kind in ("pronoun", "party"):
                # "dia" is a person; "-nya" is the last person who spoke nearby, else the last speaker
                res = self._last(
                    history,
                    ref.start,
                    person=True,
                    window=None if v.low[ref.start] in lex.singular_pronouns else 3,
                )
                res = self._more_salient(res, history, ref.start)
            elif ref.kind == "plural":
                res = self._plural(ref.start, history)
            elif ref.kind == "anaphor":
                res = self._anaphor(ref, history)
            elif ref.kind == "role":
                res = self._role_only(ref, history)
            elif ref.kind == "inherit":
                res = self._inherit(c, done_direct, history)
            if (
                ref is not None
                and ref.kind in ("role", "anaphor")
                and not any(r.name or r.anonymous for r in res)
            ):
                head = self._description_head(ref)
                if head is not None:
                    # "Pemprov menyatakan", "Kajian itu menyebutkan": a body or a document speaks for
                    # whoever it belongs to; never an anonymous person
                    res = self._body_antecedent(ref, head)
                    if not res and c.kind == "indirect":
                        c.drop = True
            text = v.span_text(ref.start, ref.end) if ref is not None and ref.end > ref.start else None
            res = [self._full_person(r, people) for r in res]
            for r in res:
                r.text = text
                if r.type == "PER" and r.name and r not in people:
                    people.append(r)
            c.resolved = res
            if c.kind == "direct":
                done_direct.append(c)
            if ref is not None and ref.kind != "inherit":
                pos = ref.start
                for r in res:
                    history.append((pos, r, (text or "").lower()))
            elif res:
                for r in res:
                    history.append((c.anchor, r, (r.text or "").lower()))
        del lex

    def _full_person(self, r: Resolved, people: list[Resolved]) -> Resolved:
        """A short form of a person already named in full ("Tarmizi" after "Siti Nadia Tarmizi",
        "Kim" after "Kim Jong-un")."""
        if r.type != "PER" or not r.name:
            return r
        words = r.name.split()
        cands = [(p.id, p.name or "") for p in people]
        cands += [(e.id, e.name) for e in self.v.ents if e.type == "PER" and self._plausible_person(e)]
        for pid, name in cands:
            full = name.split()
            if len(full) > len(words) and _contains(full, words):
                return Resolved(pid, name, "PER", False, r.text)
        return r

    def _last(
        self, history: list[tuple[int, Resolved, str]], pos: int, person: bool, window: int | None = None
    ) -> list[Resolved]:
        """The last speaker before ``pos``: a person when ``person`` (within ``window`` paragraphs when
        given), else the most recent speaker that is not a place."""
        v = self.v
        best = None
        for p, r, _t in reversed(history):
            if p > pos:
                continue
            near = window is None or v.par[pos] - v.par[min(p, v.n - 1)] <= window
            if r.anonymous:
                # "Seorang pejabat yang enggan disebut namanya ... Ia menambahkan": a withheld person is
                # still the person the pronoun points back to
                if person and near and r.key:
                    return [_copy(r)]
                continue
            if r.name is None:
                continue
            if person and r.type == "PER" and near:
                return [_copy(r)]
            if best is None and r.type not in ("GPE", "LOC"):
                best = r
        if best is not None:
            return [_copy(best)]
        # nobody spoke yet: the last person mentioned
        for e in reversed(v.ents):
            if e.end <= pos and e.type == "PER" and self._plausible_person(e):
                return [self._resolve_entity(e)]
        return []

    def _salient_people(self) -> list[tuple[int, Resolved]]:
        """Persons named in subject position of a sentence outside quotes ("Marullah Matali, Wali Kota X,
        yang dihubungi, juga membenarkan ..."), or as the agent of a passive speech verb ("Hal senada
        dikemukakan Ketua X Budi"): the people a later "-nya" can point to even when their own words were
        not caught as speech."""
        if self._salient is not None:
            return self._salient
        v, lex = self.v, self.lex
        out: list[tuple[int, Resolved]] = []
        for s0, e in v.sent_bounds:
            k = s0
            while (
                k < e
                and v.ent_at[k] < 0
                and (
                    v.space[k]
                    or v.punct[k]
                    or v.low[k] in lex.leading_connectives
                    or v.time[k]
                    or v.occasion[k]
                )
            ):
                k += 1
            if (
                k < e
                and not v.in_quote[k]
                and v.low[k] not in lex.according_to
                and lex.relay.match(v.low, k) is None
            ):
                m = k
                while m < e and m - k < 16 and v.low[m] != "," and self._np_token(m):
                    m += 1
                ref = self._make_ref(k, m) if m > k else None
                r = self._person_of(ref, strict=True)
                if r is not None:
                    out.append((k, r))
            for t in range(s0, e):
                if v.low[t] in lex.passive_cues and not v.in_quote[t]:
                    r = self._person_of(self._speaker_right(t + 1))
                    if r is not None:
                        out.append((t + 1, r))
        self._salient = out
        return out

    def _person_of(self, ref: SpeakerRef | None, strict: bool = False) -> Resolved | None:
        """The person a speaker phrase names; ``strict``: a name the linker did not catch must have two
        words (a sentence's capitalised first word is no name: "Ironisnya", "Setahun")."""
        if ref is None:
            return None
        if ref.kind == "named" and ref.name:
            words = ref.name.split()
            if strict and (
                len(words) < 2
                or self.v.low[ref.start] in self._lower_words()
                and ref.start == self.v.sent_start(ref.start)
                or any(len(w) > 1 and w.isupper() for w in words)
            ):
                return None  # an acronym ("Kedua RIT") names a body, not a person
            return Resolved(None, ref.name, "PER")
        if ref.kind == "entity":
            pers = [e for e in ref.ents if e.type == "PER" and self._plausible_person(e)]
            if pers:
                return self._resolve_entity(pers[-1])
        return None

    def _more_salient(
        self, res: list[Resolved], history: list[tuple[int, Resolved, str]], pos: int
    ) -> list[Resolved]:
        """'-nya' / 'dia' point to the person most recently in focus: a person named in subject position
        after the last speaker (same or previous paragraph) wins over that speaker."""
        v = self.v
        last_speaker = -1
        for p, r, _t in reversed(history):
            if (
                p < pos
                and res
                and (
                    r.name is not None
                    and r.name == res[0].name
                    or r.anonymous
                    and r.key is not None
                    and r.key == res[0].key
                )
            ):
                last_speaker = p
                break
        for p, r in reversed(self._salient_people()):
            if p >= pos or v.sent[p] == v.sent[pos] and v.low[pos].endswith("nya"):
                continue  # "X juga dijadwalkan ..., tambahnya": X opens the reported words, not the speaker
            if p <= last_speaker or v.par[pos] - v.par[p] > 1:
                break
            return [_copy(r)]
        return res

    def _plural(self, pos: int, history: list[tuple[int, Resolved, str]]) -> list[Resolved]:
        """'mereka': the group or coordinated pair that opens a recent sentence."""
        v = self.v
        s = v.sent[pos]
        for t in range(s - 1, max(-1, s - 4), -1):
            group = self._sentence_topic(t)
            if group:
                return [self._resolve_entity(e) for e in group]
        for p, r, _t in reversed(history):
            if p < pos and r.type in ("ORG", "GPE", "NORP") and not self._is_place(r):
                return [_copy(r)]
        return self._last(history, pos, person=False)

    def _is_place(self, r: Resolved) -> bool:
        """A resolved speaker that is a city, region or village (which never speaks as 'mereka')."""
        return any(e.kind in self.lex.place_kinds and e.name == r.name for e in self.v.ents)

    def _sentence_topic(self, s: int) -> list[EntRef]:
        """The first bodies of sentence s outside relay and prepositional phrases."""
        v, lex = self.v, self.lex
        s0, e = v.sent_bounds[s]
        k = s0
        while k < e and (v.space[k] or v.punct[k] or v.low[k] in lex.leading_connectives):
            k += 1
        if k < e and (v.low[k] in ("menurut", "mengutip") or lex.relay.match(v.low, k)):
            while k < e and v.low[k] != ",":
                k += 1
            k += 1
        while k < e:
            if v.in_quote[k]:
                k += 1
                continue
            ent = v.ent(k)
            if ent is not None and ent.type in ("ORG", "GPE", "NORP", "PER"):
                if (k - 1 >= s0 and v.low[k - 1] in lex.prepositions) or ent.kind in lex.place_kinds:
                    k = ent.end  # a place ("BEKASI –", "di Jakarta") is no group that speaks
                    continue
                group = [ent]
                m = ent.end
                while m + 1 < e and v.low[m] in ("dan", ",", "serta") and v.ent_at[m + 1] >= 0:
                    nxt = v.ents[v.ent_at[m + 1]]
                    group.append(nxt)
                    m = nxt.end
                if ent.type == "PER" and len(group) == 1:
                    return []
                return group
            if v.is_verb(k):
                return []
            k += 1
        return []

    def _anonymous_source(self, ref: SpeakerRef, history: list[tuple[int, Resolved, str]]) -> Resolved:
        """A withheld identity: a new anonymous source, or an earlier one when the phrase points back
        ("sumber tersebut", "pejabat itu, yang enggan disebut namanya") or repeats its description."""
        v, lex = self.v, self.lex
        words = [w for k, w in enumerate(v.low[ref.start : ref.end], ref.start) if not v.punct[k]]
        cut = words.index("yang") if "yang" in words else len(words)
        head_words = words[:cut]
        earlier = [(r, t) for p, r, t in history if p < ref.start and r.anonymous and r.key]
        if earlier:
            other = any(w in lex.anonymous_new_markers for w in head_words)  # "sumber lain"
            full = " ".join(v.low[ref.start : ref.end])
            if not other:
                for r, t in reversed(earlier):
                    if t == full:  # the same description again
                        return _copy(r)
            fresh = other or any(w in lex.indefinites for w in head_words)
            if not fresh and any(w in lex.demonstratives for w in head_words[1:4]):
                for r, t in reversed(earlier):
                    if head_words and head_words[0] in t.replace(",", " ").split():
                        return _copy(r)
                return _copy(earlier[-1][0])
        self._anon_count += 1
        return Resolved(None, None, None, anonymous=True, key=f"anon:{self._anon_count}")

    def _anaphor(self, ref: SpeakerRef, history: list[tuple[int, Resolved, str]]) -> list[Resolved]:
        """'Pejabat NSC itu', 'pengakuan bersama itu': the last speaker described by the same noun."""
        v = self.v
        head = v.low[ref.start]
        for p, r, t in reversed(history):
            if p < ref.start and (r.name or r.anonymous) and head in t.split():
                return [_copy(r)]
        described = self._described(ref, history)
        if described:
            return described
        if self._description_head(ref) is not None:
            return []  # a body or a document: resolved by _body_antecedent, not by the last speaker
        person = head in self.lex.role_words
        res = self._last(history, ref.start, person=person)
        if res:
            return res
        if ref.ents:
            return [self._resolve_entity(ref.ents[0])]
        return []

    def _description_head(self, ref: SpeakerRef) -> str | None:
        """The head noun when a speaker phrase describes a body or a document ("Pemprov", "panel itu",
        "Kajian tersebut"), else None (a person's role, a pronoun)."""
        v, lex = self.v, self.lex
        for k in range(ref.start, ref.end):
            w = v.low[k]
            if v.punct[k] or w in lex.demonstratives or w in ("sang", "para"):
                continue
            if w in lex.body_heads or w in lex.document_nouns:
                return w
            return None
        return None

    def _body_antecedent(self, ref: SpeakerRef, head: str) -> list[Resolved]:
        """The body a description stands for: an earlier mention written with the same words
        ("Pemerintah Provinsi Jawa Tengah" for "Pemprov"), else, for a document, the nearest
        organisation before it in the last paragraphs (its author)."""
        v, lex = self.v, self.lex
        forms = [(head,)] + [tuple(f.split()) for f in lex.body_expansions.get(head, ())]
        candidates = [
            e
            for e in v.ents
            if e.end <= ref.start and e.type in ("ORG", "GPE", "NORP") and not v.is_outlet(e)
        ]
        for e in reversed(candidates):
            before = v.low[max(v.sent_start(e.start), e.start - 3) : e.start]
            words = before + v.low[e.start : e.end]
            if any(_contains(words, list(f)) for f in forms):
                return [self._resolve_entity(e)]
        if head not in lex.document_nouns:
            return []  # a body's organ named by other words ("badan ... setempat") is not the last body
        for e in reversed(candidates):
            if e.type == "ORG" and v.par[ref.start] - v.par[e.start] <= 2:
                return [self._resolve_entity(e)]
        return []

    def _role_only(self, ref: SpeakerRef, history: list[tuple[int, Resolved, str]]) -> list[Resolved]:
        """A bare role ('juru bicara itu' handled as anaphor): a later mention of an earlier speaker's
        role ('sang menteri') goes back to them; otherwise the speaker is unnamed."""
        v, lex = self.v, self.lex
        words = [w for w in v.low[ref.start : ref.end] if w in lex.role_words]
        if v.low[ref.start] in ("sang",) and words:
            for p, r, t in reversed(history):
                if p < ref.start and not r.anonymous and any(w in t.split() for w in words if w != "sang"):
                    return [_copy(r)]
        described = self._described(ref, history)
        if described:
            return described
        return [Resolved(None, None, None)]

    def _description_before(self, start: int) -> set[str]:
        """Role words and names written right before a name ("Presiden" in "Presiden Joko Widodo")."""
        v, lex = self.v, self.lex
        lo = v.sent_start(start)
        k = start - 1
        out: set[str] = set()
        while k >= lo and start - k <= 10:
            w = v.low[k]
            if v.is_cap(k) or w in lex.role_words or w in lex.name_titles or v.ent_at[k] >= 0:
                out.add(w)
                k -= 1
                continue
            break
        return out

    def _described(self, ref: SpeakerRef, history: list[tuple[int, Resolved, str]]) -> list[Resolved]:
        """A role with no name ("kata Presiden", "Panglima TNI") goes to the person last introduced
        with that role ("Presiden Joko Widodo")."""
        v, lex = self.v, self.lex
        want = [
            w
            for k, w in enumerate(v.low[ref.start : ref.end], ref.start)
            if w not in lex.demonstratives and w not in ("sang", "para", "seorang", "si") and not v.punct[k]
        ]
        if not want:
            return []
        for p, r, t in reversed(history):
            if p < ref.start and (r.name or r.anonymous) and all(w in t.split() for w in want):
                return [_copy(r)]
        for e in reversed(v.ents):
            if e.end > ref.start or e.type != "PER":
                continue
            desc = self._description_before(e.start) | {w.lower() for w in e.text.split()}
            if all(w in desc for w in want):
                return [self._resolve_entity(e)]
        for start, run in reversed(self._name_runs()):
            if start + len(run) > ref.start:
                continue
            if v.ent_at[start] >= 0:
                continue
            desc = self._description_before(start)
            if all(w in desc for w in want):
                return [Resolved(None, self._canonical_name(run, start), "PER")]
        return []

    def _inherit(
        self, c: _Cand, done: list[_Cand], history: list[tuple[int, Resolved, str]]
    ) -> list[Resolved]:
        """A quote with no cue continues the previous quote of this or the previous paragraph."""
        v = self.v
        par = v.par[c.a]
        if c.speaker is not None and c.cue_tok is not None and c.speaker.start == c.cue_tok:
            # a speech verb with no subject of its own ("... dan menuntut ..."): the last speaker
            for p, r, _t in reversed(history):
                if p < c.cue_tok and (r.name or r.anonymous):
                    return [_copy(r)]
        for d in reversed(done):
            if d.a < c.a and par - v.par[d.a] <= 2 and d.resolved:
                # '"...," kata X. "..."': the second half of a split quote shares the attribution's cue
                if (
                    c.kind == "direct"
                    and c.cue_tok is None
                    and d.cue_tok is not None
                    and v.par[d.a] == par
                    and d.b <= d.cue_tok < c.a
                    and self.lex.post_cue(v.low[d.cue_tok])
                ):
                    c.cue_text = v.text[d.cue_tok]
                return [_copy(r) for r in d.resolved]
        for p, r, _t in reversed(history):
            if p < c.a and v.par[min(p, v.n - 1)] >= par - 2:
                return [_copy(r)]
        return []

    # ================================================================== standing of a speaker

    def _standing(self, c: _Cand, r: Resolved) -> str | None:
        """Whether the speaker speaks for an office ("official") or as a private person ("citizen"),
        from how the article introduces them ("Kepala Dinas X, Budi" / "Lusia (45), warga Desa Y")."""
        v, lex = self.v, self.lex
        if r.anonymous:
            return None
        if r.type in ("ORG", "GPE", "NORP"):
            return "official"
        words: set[str] = set()
        ref = c.speaker
        if ref is not None and ref.end > ref.start and ref.kind != "inherit":
            words |= set(v.low[ref.start : ref.end])
        first = self._first_mention(r)
        if first is not None:
            fa, fb = first
            words |= self._description_before(fa)
            after, age = self._apposition_after(fb)
            if age:
                return "citizen"
            words |= after
        if words & lex.citizen_nouns:
            return "citizen"
        if words & lex.role_words:
            return "official"
        return None

    def _first_mention(self, r: Resolved) -> tuple[int, int] | None:
        v = self.v
        if r.id:
            for e in v.ents:
                if e.id == r.id:
                    return e.start, e.end
        if r.name:
            last = r.name.split()[-1]
            for start, run in self._name_runs():
                if last in run:
                    return start, start + len(run)
        return None

    def _apposition_after(self, b: int) -> tuple[set[str], bool]:
        """Words of an apposition after a name (", warga Desa X,", "yang merupakan ..."); and whether
        an age in brackets follows ("Amir (45)")."""
        v = self.v
        e = v.sent_end(b) if b < v.n else v.n
        if b + 2 < e and v.text[b] == "(" and v.text[b + 1].isdigit() and v.text[b + 2] == ")":
            return set(), True
        out: set[str] = set()
        if b >= e or v.low[b] not in (",", "yang", "("):
            return out, False
        k = b + 1
        while k < min(e, b + 10):
            w = v.low[k]
            if v.is_verb(k) and w not in ("merupakan", "menjadi", "bekerja", "berprofesi"):
                break
            if w == "," and k > b + 1:
                break
            out.add(w)
            k += 1
        return out, False

    # ================================================================== assembly

    def extract(self) -> tuple[list[Quote], list[QuoteMeta]]:
        v, lex = self.v, self.lex
        quoted = self.find_quoted()
        directs = self.direct_quotes(quoted)
        indirects = self.indirect_quotes(directs)
        cands = directs + indirects
        self.resolve(cands)
        # a quote left open at a paragraph's end takes the speaker of the quote that continues it
        by_pos = sorted(directs, key=lambda c: c.a)
        for k, c in enumerate(by_pos):
            if c.unclosed and c.cue_tok is None and k + 1 < len(by_pos):
                nxt = by_pos[k + 1]
                if nxt.resolved and v.par[nxt.a] == v.par[c.a] + 1:
                    c.resolved = [_copy(r) for r in nxt.resolved]
        quotes: list[Quote] = []
        metas: list[QuoteMeta] = []
        first_outlet: str | None = None
        for c in sorted(cands, key=lambda c: (c.a, c.kind)):
            if c.kind == "mention":
                continue
            via, generic = self._via(c)
            if via is None and generic:
                first_outlet = first_outlet or self._first_outlet()
                via = first_outlet
            start, end = v.idx[c.a], v.char_end(c.b - 1)
            text = c.text_override or v.doc_text[start:end]
            if c.drop:
                continue
            cue = v.text[c.cue_tok] if c.cue_tok is not None else c.cue_text
            speakers = c.resolved or [Resolved(None, None, None)]
            ref = c.speaker
            speaker_text = (
                v.span_text(ref.start, ref.end)
                if ref is not None and ref.end > ref.start and ref.kind != "inherit"
                else None
            )
            if ref is not None and ref.kind == "pronoun" and c.cue_tok is not None and ref.start == c.cue_tok:
                speaker_text = "-nya"
            s = v.sent[c.cue_tok] if c.cue_tok is not None else v.sent[c.a]
            sent_span = (v.idx[v.sent_bounds[s][0]], v.char_end(v.sent_bounds[s][1] - 1))
            for r in speakers:
                quotes.append(
                    Quote(
                        kind="direct" if c.kind == "direct" else "indirect",
                        text=text,
                        start=start,
                        end=end,
                        speaker=r.id,
                        speaker_name=r.name,
                        speaker_text=speaker_text,
                        cue=cue,
                        via=via,
                    )
                )
                cue_span = (v.idx[c.cue_tok], v.char_end(c.cue_tok)) if c.cue_tok is not None else None
                key = r.key if r.anonymous else (r.id or r.name)
                metas.append(
                    QuoteMeta(
                        anonymous=r.anonymous,
                        speaker_type=r.type,
                        sentence=sent_span,
                        cue_span=cue_span,
                        speaker_standing=self._standing(c, r),
                        source_key=key,
                    )
                )
        del lex
        return quotes, metas


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    """The shipped gazetteer (to tell a known body from a heuristic mention), or None."""
    try:
        from sorot.nlp.gazetteer import load_gazetteer

        return load_gazetteer()
    except Exception:  # a broken or missing gazetteer must not stop quote extraction
        return None


@lru_cache(maxsize=4096)
def _known_id(entity_id: str) -> bool:
    """Whether the gazetteer lists this entity (a known body, not a heuristic mention)."""
    gaz = _gazetteer()
    return gaz is not None and gaz.by_id(entity_id) is not None


def _copy(r: Resolved) -> Resolved:
    return Resolved(r.id, r.name, r.type, r.anonymous, r.text, r.key)


def _contains(run: list[str], words: list[str]) -> bool:
    n = len(words)
    return any(run[i : i + n] == words for i in range(len(run) - n + 1))


# ====================================================================== spaCy component


class QuotesComponent:
    """The ``sorot_quotes`` pipeline component: sets ``doc._.quotes`` (and ``doc._.quote_meta``)."""

    def __init__(self, data_path: str | None = None) -> None:
        self.data_path = data_path
        self.extractor = QuoteExtractor(load_lexicon(data_path))

    def __call__(self, doc: Doc) -> Doc:
        try:
            quotes, metas = self.extractor(doc)
        except Exception:  # a rule bug on one odd document must not cost the document its analysis
            log.exception("quote extraction failed on a document starting %r", doc.text[:60])
            quotes, metas = [], []
        doc._.quotes = quotes
        doc._.quote_meta = metas
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:  # rules live in the package
        return None

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> QuotesComponent:
        return self


@Language.factory("sorot_quotes", default_config={"data_path": None})
def make_quotes(nlp: Language, name: str, data_path: str | None) -> QuotesComponent:
    """Factory of the ``sorot_quotes`` component (after ``sorot_linker`` and ``sorot_dates``)."""
    return QuotesComponent(data_path)


_VIEWS: dict[int, DocView] = {}


def _view_for(doc: Doc, lex: QuoteLexicon) -> DocView:
    """The view the extractor built for this doc (quotation marks already known), else a new one;
    the event coder asks about many clauses of the same document."""
    v = _VIEWS.get(id(doc))
    if v is not None and v.doc is doc:
        return v
    v = DocView(doc, lex)
    _remember(v)
    return v


def _remember(v: DocView) -> None:
    if len(_VIEWS) >= 8:
        _VIEWS.pop(next(iter(_VIEWS)))
    _VIEWS[id(v.doc)] = v


def extract_quotes(doc: Doc, data_path: str | None = None) -> list[Quote]:
    """Quotes of an already analysed Doc (for callers outside a pipeline)."""
    quotes, metas = QuoteExtractor(load_lexicon(data_path))(doc)
    doc._.quotes = quotes
    doc._.quote_meta = metas
    return quotes


# ====================================================================== helpers for the event coder


def quote_for_span(doc: Doc, start_char: int, end_char: int) -> Quote | None:
    """The quote whose text covers the character span (the innermost one when several do)."""
    best: Quote | None = None
    for q in doc._.quotes or []:
        if q.start is None or q.end is None:
            continue
        if (
            q.start <= start_char
            and end_char <= q.end
            and (best is None or (q.end - q.start) < ((best.end or 0) - (best.start or 0)))
        ):
            best = q
    return best


def reporting_source(doc: Doc, start_char: int, end_char: int) -> str | None:
    """Who vouches for a clause: the speaker of the quote around it, else an outlet credited in its
    sentence, else ``"anonymous"`` for a withheld source, else None (the article's own voice)."""
    metas: list[QuoteMeta] = doc._.quote_meta or []
    quotes: list[Quote] = doc._.quotes or []
    best_i: int | None = None
    for i, q in enumerate(quotes):
        if q.start is None or q.end is None:
            continue
        if (
            q.start <= start_char
            and end_char <= q.end
            and (
                best_i is None
                or (q.end - q.start) < ((quotes[best_i].end or 0) - (quotes[best_i].start or 0))
            )
        ):
            best_i = i
    if best_i is not None:
        q = quotes[best_i]
        if q.speaker_name:
            return q.speaker_name
        if best_i < len(metas) and metas[best_i].anonymous:
            return ANONYMOUS
        if q.via:
            return q.via
        return None
    # an outlet credited in the sentence ("menurut laporan Al Jazeera")
    lex = load_lexicon()
    v = _view_for(doc, lex)
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    run = _DocRun(v, lex)
    s = v.sent[span.start]
    s0, e = v.sent_bounds[s]
    name, generic = run._relay_in(s0, e)
    if name is None:
        name = run._sentence_lead_relay(s)
    if name is None and generic:
        name = run._first_outlet()
    if name is not None:
        return name
    for k in range(s0, e):
        if lex.anonymity.match(v.low, k):
            return ANONYMOUS
    return None
