"""Token-level view of a document for the event coder: word classes, entity mentions, sentences,
quotes and time expressions, computed once per document.

The coder asks the same few questions of every token many times (is it a verb, a preposition, a
clause boundary, part of which entity, inside which quote); precomputing the answers as arrays keeps
the coder fast (it must add little to the pipeline's own time) and keeps the rules free of spaCy
details. Without a trained model, word classes come from the lexicon and the shape of Indonesian verbs
(meN-, di-, ber-, ter-); with one, the tagger's POS refines them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from sorot.extract.events_lexicon import Form, Lexicon

QUOTE_CHARS = frozenset({'"', "“", "”", "„", "«", "»", "'", "‘", "’", "``", "''"})
OPEN_QUOTES = frozenset({"“", "«", "„"})
CLOSE_QUOTES = frozenset({"”", "»"})
SENT_END = frozenset({".", "!", "?", "…"})
DASHES = frozenset({"-", "–", "—", "--"})
_VERB_PREFIXES = ("mem", "men", "meng", "meny", "me", "di", "ber", "ter", "be")


@dataclass
class Mention:
    """An entity mention that can fill an event argument."""

    start: int  # token indexes [start, end)
    end: int
    id: str
    name: str  # canonical name of the entity itself (a source is named this way)
    actor: str | None  # what it acts for (EntityInfo.actor())
    type: str
    kind: str | None
    org: str | None = None  # the body itself (a person's first affiliation): who acts in a domestic event


class TextView:
    """Arrays over the tokens of one ``Doc``."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.doc_text = doc.text
        self.lex = lex
        g = lex.grammar
        toks = list(doc)
        self.n = n = len(toks)
        self.text = [t.text for t in toks]
        self.low = [t.lower_ for t in toks]
        self.idx = [t.idx for t in toks]
        self.end_char = [t.idx + len(t.text) for t in toks]
        self.has_pos = doc.has_annotation("POS")
        self.pos = [t.pos_ for t in toks] if self.has_pos else [""] * n
        self.has_dep = doc.has_annotation("DEP")

        # entity mentions
        self.mentions: list[Mention] = []
        self.ment_at: list[int] = [-1] * n
        entities = doc._.entities or {}
        nested = list(doc.spans.get("sorot_mentions", [])) if "sorot_mentions" in doc.spans else []
        for ent in doc.ents:
            info = entities.get(ent.kb_id_) if ent.kb_id_ else None
            if info is None:
                continue
            if self._is_dateline(ent.start, ent.end):
                continue
            actor, name = info.actor(), info.name
            if actor is None:
                # "KTT NATO" (an event named after who holds it) acts and speaks as the body inside it
                for sp in nested:
                    inner = entities.get(sp.kb_id_) if sp.kb_id_ else None
                    if (
                        inner is not None
                        and inner.id != info.id
                        and ent.start <= sp.start
                        and sp.end <= ent.end
                        and inner.actor()
                    ):
                        actor, name = inner.actor(), inner.name
                        break
            if info.type == "PER":
                org = info.affiliations[0] if info.affiliations else actor
            else:
                org = name if actor is not None else None
            m = Mention(ent.start, ent.end, info.id, name, actor, info.type, info.kind, org)
            for k in range(ent.start, ent.end):
                self.ment_at[k] = len(self.mentions)
            self.mentions.append(m)

        # sentences
        self.sents: list[tuple[int, int]] = []
        if doc.has_annotation("SENT_START"):
            self.sents = [(s.start, s.end) for s in doc.sents]
        else:
            start = 0
            for i, w in enumerate(self.text):
                if w in SENT_END or "\n" in w:
                    self.sents.append((start, i + 1))
                    start = i + 1
            if start < n:
                self.sents.append((start, n))
        self.sent_of = [0] * n
        for si, (a, b) in enumerate(self.sents):
            for k in range(a, b):
                self.sent_of[k] = si

        self._definite_anaphors()

        # time expressions (tokens inside one are skipped when looking for arguments)
        self.in_time = [False] * n
        for tx in doc._.timexes or []:
            span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is not None:
                for k in range(span.start, span.end):
                    self.in_time[k] = True

        # quotation marks: which tokens lie inside a quotation (per sentence-independent pairing)
        self.quote_id = [-1] * n
        self._pair_quotes()

        # word classes
        self.cls = [self._classify(i, g) for i in range(n)]
        # lexicon matches
        self.trig: list[tuple[int, Form] | None] = [None] * n
        self.cue: list[tuple[int, str] | None] = [None] * n
        self.item: list[tuple[int, str] | None] = [None] * n
        self._match()

    # -- construction helpers -----------------------------------------------------------------------
    def _is_dateline(self, start: int, end: int) -> bool:
        """ "JAKARTA - ..." / "Cianjur – ..." / "SANAA (ANTARA) – ...": a place name opening a line before
        a dash, with the agency in brackets between them (the agency is part of the dateline too)."""
        text = self.text
        if start > 1 and end + 1 < self.n and text[start - 1] == "(" and text[end] == ")":
            if text[end + 1] not in DASHES:
                return False
            p = start - 1  # the agency: the capitalised place before its bracket must open the line
            while p > 0 and text[p - 1][:1].isupper() and not self._line_start(p):
                p -= 1
            return p < start - 1 and self._line_start(p)
        j = end
        if j < self.n and text[j] == "(":
            close = next((k for k in range(j + 1, min(self.n, j + 6)) if text[k] == ")"), None)
            if close is not None:
                j = close + 1
        if j >= self.n or text[j] not in DASHES:
            return False
        return self._line_start(start)

    def _line_start(self, start: int) -> bool:
        """Token ``start`` opens a line, a text or a sentence."""
        if start == 0:
            return True
        prev = self.text[start - 1]
        return bool(
            "\n" in prev or prev in SENT_END or self.doc[start - 1].is_space or self.doc[start].is_sent_start
        )

    def _definite_anaphors(self) -> None:
        """ "kelompok itu", "negara tersebut", "negeri jiran itu": a kind noun and a determiner name the
        nearest earlier party of that kind in the last three sentences; they become mentions of it, so
        every argument finder sees them ("menggempur 36 sasaran milik kelompok itu": the Houthis)."""
        table = self.lex.raw.get("definite_anaphors") or {}
        if not table or not self.mentions:
            return
        dets = {str(w).lower() for w in self.lex.raw.get("definite_determiners") or ()}
        plural = {str(w).lower() for w in self.lex.raw.get("definite_not_after") or ()}
        nouns = sorted(
            ((tuple(str(k).lower().split()), {str(x) for x in v}) for k, v in table.items()),
            key=lambda kv: -len(kv[0]),
        )
        added: list[Mention] = []
        i = 0
        while i < self.n:
            hit = next(
                (
                    (words, kinds)
                    for words, kinds in nouns
                    if tuple(self.low[i : i + len(words)]) == words
                    and i + len(words) < self.n
                    and self.low[i + len(words)] in dets
                ),
                None,
            )
            if hit is None or self.ment_at[i] >= 0 or (i > 0 and self.low[i - 1] in plural):
                i += 1  # "kedua negara itu" is two parties, not one
                continue
            words, kinds = hit
            end = i + len(words) + 1
            if any(self.ment_at[k] >= 0 for k in range(i, end)):
                i += 1
                continue
            lo = self.sents[max(0, self.sent_of[i] - 2)][0]
            ref = next(
                (
                    m
                    for m in sorted(self.mentions, key=lambda m: -m.start)
                    if lo <= m.start and m.end <= i and m.actor and m.kind in kinds
                ),
                None,
            )
            if ref is not None:
                added.append(replace(ref, start=i, end=end))
            i = end
        if not added:
            return
        self.mentions = sorted(self.mentions + added, key=lambda m: m.start)
        self.ment_at = [-1] * self.n
        for idx, m in enumerate(self.mentions):
            for k in range(m.start, m.end):
                self.ment_at[k] = idx

    def _pair_quotes(self) -> None:
        """Mark tokens between paired quotation marks (straight quotes alternate; curly ones nest)."""
        open_at: int | None = None
        qid = 0
        for i, w in enumerate(self.text):
            if w in ('"', "“", "”", "«", "»", "„", "``", "''"):
                is_open = w in OPEN_QUOTES or (w in ('"', "``", "''") and open_at is None)
                if w in CLOSE_QUOTES or (w in ('"', "''") and open_at is not None):
                    is_open = False
                if is_open and open_at is None:
                    open_at = i
                elif not is_open and open_at is not None:
                    for k in range(open_at + 1, i):
                        self.quote_id[k] = qid
                    qid += 1
                    open_at = None
            elif "\n\n" in w and open_at is not None:
                open_at = None  # a quotation never runs across a paragraph break unclosed

    def _classify(self, i: int, g: dict[str, set[str]]) -> str:
        w = self.low[i]
        t = self.text[i]
        if self.ment_at[i] >= 0:
            return "E"
        if t.isspace():
            return "END" if "\n" in t else "S"
        if t in SENT_END:
            return "END"
        if t in (";", ":"):
            return "B"
        if t == ",":
            return ","
        if t in QUOTE_CHARS:
            return "Q"
        if t in ("(", ")", "[", "]"):
            return "PAR"
        if t in DASHES:
            return "-"
        if self.in_time[i]:
            return "T"
        if w == "dari" and i > 0 and self.low[i - 1] in ("lebih", "kurang"):
            return "S"  # "lebih dari 10.000": a quantity, not a source
        if w in g.get("conjunctions", ()):
            return "C"
        if w in g.get("prepositions", ()):
            return "P"
        if w in g.get("boundaries", ()):
            return "B"
        if w in g.get("list_intro", ()):
            return "L"
        if w in g.get("skip", ()):
            return "S"
        if self._looks_verb(w, g):
            return "V"
        # the tagger only refines what the lexicon and the word's shape leave open: its verb/noun calls on
        # news text are less reliable than Indonesian morphology ("delegasinya" is not a verb)
        if self.has_pos and self.pos[i] in ("ADV", "PART", "DET") and t.isalpha() and t.islower():
            return "S"
        return "N"

    def _looks_verb(self, w: str, g: dict[str, set[str]]) -> bool:
        """Indonesian verb shape without a tagger: meN-/di-/ber-/ter- words that are not known nouns."""
        if w in g.get("not_verbs", ()) or len(w) < 5 or not w.isalpha():
            return False
        if w in self.lex.reporting_before or w in self.lex.light_agent or w in self.lex.light_patient:
            return True
        return w.startswith(("mem", "men", "meng", "meny", "di", "ber", "ter")) or (
            w.startswith("me") and w[2:3] in "lrwy"
        )

    def _match(self) -> None:
        lex = self.lex
        low = self.low
        cue_free = 0
        item_free = 0
        no_item = 0
        for i in range(self.n):
            if self.cls[i] in ("E", "END", "Q", "PAR", ",", "-"):
                continue
            hit = lex.trigger_at(low, i) if self.cls[i] not in ("P", "B", "C", "L") else None
            if self.agentive_at(i):
                hit = lex.trigger_at(low, i, lex.agentive) or hit  # "akan kami kirim": a passive
            if self.cls[i] not in ("P", "B", "C", "L") and any(
                self.cls[k] == "Q" for k in range(i + 1, min(self.n, i + 3))
            ):
                # 'mengambil "langkah yang lebih tegas"': a quoted phrase inside a multi-word trigger
                idx = [k for k in range(i, min(self.n, i + 10)) if self.cls[k] != "Q"]
                inner = lex.trigger_at([low[k] for k in idx], 0)
                if inner is not None and inner[0] > 1 and inner[0] > (hit[0] if hit else 0):
                    hit = (idx[inner[0] - 1] - i + 1, inner[1])
            if hit is not None:
                n, form = hit
                # a multi-word trigger must not swallow an entity or cross a sentence end
                if all(self.cls[k] not in ("E", "END") for k in range(i, min(self.n, i + n))):
                    self.trig[i] = hit
                    if n > 1 and form.trigger.type not in lex.items_for and form.trigger.frame != "transfer":
                        # "gencatan senjata" (a truce) names no weapons: no item inside the phrase
                        no_item = max(no_item, i + n)
                    if form.cls in ("active", "passive"):
                        self.cls[i] = "V"
            if i >= cue_free:
                cue = lex.phrase_at(lex.cues, low, i)
                if (
                    cue is not None
                    and cue[0] == 1
                    and i + 1 < self.n
                    and low[i + 1] in lex.anaphor_determiners
                    and low[i] in lex.anaphora
                ):
                    cue = None  # "menghargai tawaran itu": a noun that points back, not a modality
                if cue is not None:
                    self.cue[i] = cue
                    cue_free = i + cue[0]  # a phrase consumes its words ("dalam upaya" is not "upaya")
            elif self.cue[i] is None:
                self.cue[i] = (1, "cont")  # inside a multi-word cue: a cue word, with no category of its own
            item = lex.phrase_at(lex.item_words, low, i) if i >= no_item else None
            if item is None and "-" in low[i] and i >= no_item:
                a, _, b = low[i].partition("-")
                if b == a or b.startswith(a):  # reduplication: "senjata-senjata"
                    item = lex.phrase_at(lex.item_words, [a], 0)
            if item is not None:
                self.item[i] = item
                if self.cls[i] == "V" and self.trig[i] is None:
                    self.cls[i] = "N"  # "beras" (rice) is not a ber- verb
                for k in range(i + 1, min(self.n, i + item[0])):
                    self.trig[k] = None  # "drone serang" is a weapon, not an attack
                    item_free = k + 1
            if i < item_free and self.trig[i] is not None and item is None:
                self.trig[i] = None

    def agentive_at(self, i: int) -> bool:
        """Word ``i`` follows an agent pronoun that follows an auxiliary, "yang" or a demonstrative in its
        sentence: the pronoun + bare stem of the agentive passive ("bantuan itu akan kami kirim")."""
        if i < 2 or self.cls[i - 2] in ("END", "Q"):
            return False
        g = self.lex.grammar
        pronouns = (
            g.get("speaker_pronouns", set())
            | g.get("person_pronouns", set())
            | g.get("group_pronouns", set())
        )
        return self.low[i - 1] in pronouns and self.low[i - 2] in g.get("agentive_after", set())

    # -- small predicates ----------------------------------------------------------------------------
    def sent_span(self, si: int) -> tuple[int, int]:
        return self.sents[si]

    def char_span(self, a: int, b: int) -> tuple[int, int]:
        """Character offsets of tokens [a, b)."""
        b = max(a + 1, b)
        return self.idx[a], self.end_char[b - 1]

    def tags(self, i: int) -> str:
        """The cue categories of the cue starting at token i ("" when none)."""
        cue = self.cue[i]
        return cue[1] if cue is not None else ""

    def form(self, i: int) -> Form | None:
        """The trigger form starting at token i, if any."""
        hit = self.trig[i]
        return hit[1] if hit is not None else None

    def mention(self, i: int) -> Mention | None:
        k = self.ment_at[i]
        return self.mentions[k] if k >= 0 else None
