"""A read-only view of an analysed ``Doc`` shaped for the quote rules.

The rules ask the same few questions of every token many times (is it a verb, a name, a time word,
inside which sentence and paragraph, which linked entity covers it); answering them from arrays built
once per document keeps the extractor fast (it must add little to the pipeline's own time) and keeps the
rule code free of spaCy details.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from sorot.extract.quotes_lexicon import QuoteLexicon

ENTITY_LABELS = frozenset({"PER", "ORG", "GPE", "LOC", "NORP", "EVENT"})
_VERB_PREFIXES = ("me", "ber", "di", "ter", "bel", "bek")
_SENT_END = frozenset({".", "!", "?", "…"})


@dataclass
class EntRef:
    """A linked (or at least labelled) entity mention."""

    start: int  # token indexes
    end: int
    id: str | None
    name: str
    type: str
    kind: str | None
    text: str


class DocView:
    """Token arrays and small predicates over one document."""

    def __init__(self, doc: Doc, lex: QuoteLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.doc_text = doc.text  # spaCy rebuilds Doc.text on every access
        toks = list(doc)
        self.n = n = len(toks)
        self.text = [t.text for t in toks]
        self.low = [t.lower_ for t in toks]
        self.idx = [t.idx for t in toks]
        self.ws = [bool(t.whitespace_) for t in toks]
        self.space = [t.is_space for t in toks]
        self.punct = [t.is_punct for t in toks]
        self.has_pos = doc.has_annotation("POS")
        self.pos = [t.pos_ for t in toks] if self.has_pos else []
        self.has_dep = doc.has_annotation("DEP")
        self.dep = [t.dep_ for t in toks] if self.has_dep else []
        # sentences
        self.sent = [0] * n
        self.sent_bounds: list[tuple[int, int]] = []
        try:
            sents = list(doc.sents)
        except ValueError:
            sents = [doc[:]]
        for k, s in enumerate(sents):
            self.sent_bounds.append((s.start, s.end))
            for i in range(s.start, s.end):
                self.sent[i] = k
        # paragraphs: a line break starts a new one
        self.par = [0] * n
        self.par_bounds: list[tuple[int, int]] = []
        p = 0
        start = 0
        for i, t in enumerate(toks):
            self.par[i] = p
            if "\n" in t.text or "\n" in t.whitespace_:
                self.par_bounds.append((start, i + 1))
                p += 1
                start = i + 1
        if start < n or not self.par_bounds:
            self.par_bounds.append((start, n))
        # entities
        infos = doc._.entities or {}
        self.ents: list[EntRef] = []
        self.ent_at = [-1] * n
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            # a mention that runs over a speech verb or a quotation mark is a tagging error
            if any(
                lex.verb_class(t.lower_) is not None
                or lex.post_cue(t.lower_) is not None
                or t.text in lex.all_marks
                for t in ent
                if t.text[:1].islower() or not t.is_alpha
            ):
                continue
            info = infos.get(ent.kb_id_) if ent.kb_id_ else None
            ref = EntRef(
                start=ent.start,
                end=ent.end,
                id=info.id if info else (ent.kb_id_ or None),
                name=info.name if info else ent.text,
                type=info.type if info else ent.label_,
                kind=info.kind if info else None,
                text=ent.text,
            )
            for i in range(ent.start, ent.end):
                self.ent_at[i] = len(self.ents)
            self.ents.append(ref)
        cited = doc._.cited_outlets or []
        self.cited = {c.lower() for c in cited}
        # time expressions from sorot_dates, plus the lexicon's time words and date-like tokens
        self.time = [False] * n
        for tx in doc._.timexes or []:
            span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    self.time[i] = True
        for i, w in enumerate(self.low):
            if w in lex.time_words or (w[:1].isdigit() and any(c.isdigit() for c in w)):
                self.time[i] = True
        # occasion phrases ("dalam jumpa pers", "saat dikonfirmasi")
        self.occasion = [False] * n
        i = 0
        while i < n:
            ph = lex.occasions.match(self.low, i)
            if ph:
                for k in range(i, min(n, i + len(ph))):
                    self.occasion[k] = True
                i += len(ph)
            else:
                i += 1
        self.in_quote = [False] * n

    # -- predicates ------------------------------------------------------------------------------

    def is_cap(self, i: int) -> bool:
        t = self.text[i]
        return bool(t) and t[0].isupper()

    def is_mark(self, i: int) -> bool:
        return self.text[i] in self.lex.all_marks

    def is_sent_end(self, i: int) -> bool:
        return self.text[i] in _SENT_END

    def is_verb(self, i: int) -> bool:
        """A verb: the tagger's VERB when a trained model ran, else a prefix heuristic."""
        w = self.low[i]
        lex = self.lex
        if lex.verb_class(w) is not None or w in lex.passive_cues:
            return True
        if self.has_pos:
            return (
                self.pos[i] == "VERB"
                and self.ent_at[i] < 0
                and w not in lex.role_words
                and w not in lex.not_verbs
                and self.text[i][:1].islower()
            )
        if not self.text[i][:1].islower() or len(w) < 5 or w in lex.not_verbs or w in lex.role_words:
            return False
        if self.ent_at[i] >= 0:
            return False
        return w.startswith(_VERB_PREFIXES) and w.isalpha()

    def is_predicate(self, i: int) -> bool:
        """A verb heading a clause, not a verb the parser attached inside a noun phrase ("nomor urut")."""
        if not self.has_dep:
            return True
        return self.dep[i] not in ("nmod", "amod", "flat", "compound", "nsubj", "obj", "obl", "nmod:poss")

    def ent(self, i: int) -> EntRef | None:
        k = self.ent_at[i]
        return self.ents[k] if k >= 0 else None

    def span_text(self, a: int, b: int) -> str:
        """Text of tokens [a, b) as written."""
        if a >= b:
            return ""
        return self.doc_text[self.idx[a] : self.idx[b - 1] + len(self.text[b - 1])]

    def char_end(self, i: int) -> int:
        return self.idx[i] + len(self.text[i])

    def word_count(self, a: int, b: int) -> int:
        return sum(1 for i in range(a, b) if not self.punct[i] and not self.space[i])

    def sent_start(self, i: int) -> int:
        return self.sent_bounds[self.sent[i]][0]

    def sent_end(self, i: int) -> int:
        return self.sent_bounds[self.sent[i]][1]

    def is_outlet(self, e: EntRef) -> bool:
        return (
            e.kind in ("outlet", "news_agency")
            or e.name.lower() in self.cited
            or e.text.lower() in self.cited
        )
