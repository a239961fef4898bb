"""External benchmark: Sorot's quotes against PFSA-ID (Indonesian public-figure statement attribution).

PFSA-ID (Purnomo W.P. et al. 2022/2024, CC BY-NC-SA, **evaluation only**) marks, token by token in Kompas
articles, the STATEMENT a public figure made (mostly direct quotes, quotation marks included), the
PERSON / PERSONCOREF who made it and the CUE word. Measuring Sorot on it tells whether the quote rules
generalise beyond the articles they were written with.

What this module does, for each article of the corpus file (an article starts at its ISSUE sentence):

1. rebuild the article text from its tokens (light detokenisation; a paragraph break wherever a sentence
   ends outside quotation marks), keeping every token's character offsets;
2. run the ordinary Sorot pipeline on it (the Analyzer's ``nlp`` or any spaCy ``Language``);
3. map Sorot's *direct* quotes back onto corpus tokens and compare with the STATEMENT spans (quotation
   marks and edge punctuation ignored on both sides): exact and overlap precision / recall / F1;
4. speaker accuracy on matched statements: the gold speaker is the PERSON or PERSONCOREF attached to the
   statement's CUE (after the cue for "kata X", before it for "X mengatakan"); for a CUECOREF such as
   "katanya" / "ujarnya", the last named speaker before the statement; a short form or pronoun is taken
   to the full PERSON name it stands for. Sorot's speaker counts as right when its canonical name shares
   a name word (titles and ranks ignored) with that PERSON;
5. CUE F1 (Sorot's cue token of each direct quote against CUE / CUECOREF spans);
6. the same figures for a naive floor: every span in curly quotes, speaker = the nearest capitalised
   name outside quotes.

PFSA-ID does not annotate reported speech without quotation marks, so Sorot's indirect quotes are only
counted, never scored. The corpus text is read at run time and never copied.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

PUBLISHED = {
    "PFSA-ID-BLWCA (BiLSTM, micro F1 over all labels)": 81.34,
    "PFSA-ID-TWCA (transformer, micro F1 over all labels)": 81.01,
    "PFSA-ID corpus baseline (micro F1 over all labels)": 82.03,
}

_QUOTE_TOKENS = frozenset({"”", "“", '"', "''", "``", "„", "«", "»"})
_SINGLE_QUOTES = frozenset({"'", "’", "‘"})
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "…"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{"})
_EDGE_PUNCT = frozenset({",", ".", ";", ":", "!", "?", "…", "-", "—", "–"}) | _QUOTE_TOKENS | _SINGLE_QUOTES
_PRONOUNS = frozenset({"ia", "dia", "beliau", "mereka", "saya", "kami"})


# ---------------------------------------------------------------------------------------------- corpus


@dataclass
class Article:
    """One article of the corpus: its tokens, BILOU tags and sentence boundaries."""

    tokens: list[str]
    tags: list[str]
    sentences: list[tuple[int, int]]


def read_corpus(path: Path) -> list[Article]:
    """Read a PFSA-ID file (token TAB tag, blank line between sentences) into articles."""
    sentences: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    sentences.append(cur)
                    cur = []
                continue
            parts = line.split("\t")
            cur.append((parts[0], parts[1] if len(parts) > 1 else "O"))
    if cur:
        sentences.append(cur)
    articles: list[Article] = []
    for sent in sentences:
        starts_issue = any(tag in ("B-ISSUE", "U-ISSUE") for _w, tag in sent)
        if starts_issue or not articles:
            articles.append(Article([], [], []))
        art = articles[-1]
        s0 = len(art.tokens)
        for w, tag in sent:
            art.tokens.append(w)
            art.tags.append(tag)
        art.sentences.append((s0, len(art.tokens)))
    return articles


def spans(tags: list[str], labels: Iterable[str]) -> list[tuple[int, int, str]]:
    """BILOU spans [start, end) with their label."""
    wanted = set(labels)
    out: list[tuple[int, int, str]] = []
    start: int | None = None
    for i, tag in enumerate(tags):
        if tag == "O" or "-" not in tag:
            start = None
            continue
        pre, label = tag.split("-", 1)
        if label not in wanted:
            start = None
            continue
        if pre == "U":
            out.append((i, i + 1, label))
            start = None
        elif pre == "B":
            start = i
        elif pre == "L" and start is not None:
            out.append((start, i + 1, label))
            start = None
    return out


def _quote_roles(tokens: list[str]) -> list[str | None]:
    """'open' / 'close' for each double quotation mark: alternation, re-synchronised where a mark
    after a comma is followed by a cue word (',” kata X' always closes)."""
    from sorot.extract.quotes_lexicon import load_lexicon

    lex = load_lexicon()
    roles: list[str | None] = [None] * len(tokens)
    is_open = False
    for i, w in enumerate(tokens):
        if w not in _QUOTE_TOKENS:
            continue
        prev = tokens[i - 1] if i > 0 else ""
        nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if w in ("“", "„", "«", "``"):
            role = "open"
        elif is_open or (prev in (",", ".") and lex.post_cue(nxt) is not None):
            role = "close"
        else:
            role = "open"
        roles[i] = role
        is_open = role == "open"
    return roles


def rebuild(article: Article) -> tuple[str, list[tuple[int, int]]]:
    """Article text from its tokens, with each token's (start, end) character offsets."""
    toks = article.tokens
    roles = _quote_roles(toks)
    sent_end = {e for _s, e in article.sentences}
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    depth_open = False
    prev: str | None = None
    prev_role: str | None = None
    for i, w in enumerate(toks):
        if prev_role == "open":
            sep = ""
        elif i in sent_end and i > 0:
            sep = "\n" if not depth_open else " "
        elif prev is None or (
            w in _NO_SPACE_BEFORE
            or roles[i] == "close"
            or prev in _NO_SPACE_AFTER
            or prev_role == "open"
            or (w in ("-", "/") and prev[-1:].isalnum() and i + 1 < len(toks) and toks[i + 1][:1].isalnum())
            or (prev in ("-", "/") and i >= 2 and toks[i - 2][-1:].isalnum() and w[:1].isalnum())
        ):
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        pos += len(sep)
        parts.append(w)
        offsets.append((pos, pos + len(w)))
        pos += len(w)
        if roles[i] == "open":
            depth_open = True
        elif roles[i] == "close":
            depth_open = False
        prev = w
        prev_role = roles[i]
    return "".join(parts), offsets


# ---------------------------------------------------------------------------------------------- gold


def _norm_span(tokens: list[str], a: int, b: int) -> tuple[int, int]:
    while a < b and tokens[a] in _EDGE_PUNCT:
        a += 1
    while b > a and tokens[b - 1] in _EDGE_PUNCT:
        b -= 1
    return a, b


def _name_words(words: Iterable[str], titles: frozenset[str]) -> set[str]:
    return {w.lower() for w in words if len(w) > 1 and w.lower() not in titles and w[:1].isalpha()}


def gold_speaker(
    article: Article,
    stmt: tuple[int, int],
    statements: list[tuple[int, int]],
    cues: list[tuple[int, int, str]],
    persons: list[tuple[int, int, str]],
) -> list[str] | None:
    """The words of the full PERSON name a reader assigns to a statement, or None if not annotated."""
    s, e = stmt
    toks = article.tokens
    later = [st for st, _en in statements if st >= e]
    next_stmt = min(later) if later else len(toks)
    earlier = [en for _st, en in statements if en <= s]
    prev_stmt = max(earlier) if earlier else 0
    after = [c for c in cues if e <= c[0] < min(next_stmt, e + 12)]
    before = [c for c in cues if max(prev_stmt, s - 25) <= c[0] and c[1] <= s]
    cue = after[0] if after else (before[-1] if before else None)
    person = None
    if cue is not None and cue[2] != "CUECOREF":
        lo, hi = cue[0] - 10, cue[1] + 10
        near = [p for p in persons if lo <= p[0] < hi and not any(st <= p[0] < en for st, en in statements)]
        if near:
            if cue in after:
                post = [p for p in near if p[0] >= cue[1]]
                person = post[0] if post else near[-1]
            else:
                pre = [p for p in near if p[1] <= cue[0]]
                person = pre[-1] if pre else near[0]
    if person is None:
        prior = [p for p in persons if p[1] <= s]
        if not prior:
            return None
        person = prior[-1]
    return _full_name(article, person, persons)


def _full_name(
    article: Article, person: tuple[int, int, str], persons: list[tuple[int, int, str]]
) -> list[str]:
    toks = article.tokens
    words = toks[person[0] : person[1]]
    full = [p for p in persons if p[2] == "PERSON" and p[0] <= person[0]]
    if person[2] == "PERSON" and len(words) > 1:
        return words
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return toks[full[-1][0] : full[-1][1]] if full else words
    low = {w.lower() for w in words}
    for p in reversed(full):
        cand = toks[p[0] : p[1]]
        if low & {w.lower() for w in cand}:
            return cand
    return words


# ---------------------------------------------------------------------------------------------- scoring


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def row(self) -> str:
        return f"{self.value:.3f}  ({self.correct}/{self.total})"


@dataclass
class SystemScores:
    """The figures of one system (Sorot or the naive floor)."""

    exact: PRF = field(default_factory=PRF)
    overlap: PRF = field(default_factory=PRF)
    speaker: Accuracy = field(default_factory=Accuracy)
    cue: PRF = field(default_factory=PRF)


@dataclass
class PfsaReport:
    """Result of :func:`evaluate_pfsa`; ``format()`` gives the table a person reads."""

    path: str
    articles: int = 0
    statements: int = 0
    sorot: SystemScores = field(default_factory=SystemScores)
    sorot_all: SystemScores = field(default_factory=SystemScores)
    floor: SystemScores = field(default_factory=SystemScores)
    indirect_quotes: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def format(self) -> str:
        lines = [
            f"PFSA-ID evaluation: {self.path}",
            f"  {self.articles} articles, {self.statements} gold STATEMENT spans "
            "(direct quotes scored; quote marks and edge punctuation ignored)",
            "",
            "  Sorot, public-figure statements (direct quotes whose speaker is not introduced as a private",
            "  person: PFSA-ID annotates public figures only)",
            f"    STATEMENT exact    {self.sorot.exact.row()}",
            f"    STATEMENT overlap  {self.sorot.overlap.row()}",
            f"    speaker accuracy   {self.sorot.speaker.row()}  (on overlap-matched statements)",
            f"    CUE                {self.sorot.cue.row()}",
            "  Sorot, every direct quote",
            f"    STATEMENT exact    {self.sorot_all.exact.row()}",
            f"    STATEMENT overlap  {self.sorot_all.overlap.row()}",
            f"    speaker accuracy   {self.sorot_all.speaker.row()}",
            f"    CUE                {self.sorot_all.cue.row()}",
            f"  indirect quotes found (not annotated in PFSA-ID, not scored): {self.indirect_quotes}",
            "",
            "  Naive floor (every span in curly quotes; speaker = nearest capitalised name)",
            f"    STATEMENT exact    {self.floor.exact.row()}",
            f"    STATEMENT overlap  {self.floor.overlap.row()}",
            f"    speaker accuracy   {self.floor.speaker.row()}",
            "",
            "  Published models (micro F1 over all 11 labels, not directly comparable to one label):",
        ]
        for name, value in PUBLISHED.items():
            lines.append(f"    {name}: {value:.2f}")
        return "\n".join(lines)


def _match(gold: list[tuple[int, int]], pred: list[tuple[int, int]], exact: bool) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, pred index), exact spans or any token overlap."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            if pi in used:
                continue
            ok = (gs, ge) == (ps, pe) if exact else (ps < ge and gs < pe)
            if ok:
                pairs.append((gi, pi))
                used.add(pi)
                break
    return pairs


def _tokens_of(offsets: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    idx = [i for i, (s, e) in enumerate(offsets) if s < end and e > start]
    if not idx:
        return None
    return idx[0], idx[-1] + 1


def _naive(article: Article) -> tuple[list[tuple[int, int]], list[list[str] | None]]:
    """Every span between curly/straight double quotes; speaker = nearest capitalised token run."""
    toks = article.tokens
    roles = _quote_roles(toks)
    found: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, r in enumerate(roles):
        if r == "open":
            open_at = i
        elif r == "close" and open_at is not None:
            found.append((open_at + 1, i))
            open_at = None
    inside: set[int] = set()
    for a, b in found:
        inside.update(range(a - 1, b + 1))
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if toks[i][:1].isupper() and i not in inside:
            j = i
            while j < len(toks) and toks[j][:1].isupper() and j not in inside:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    speakers: list[list[str] | None] = []
    for a, b in found:
        best = None
        dist = 10**9
        for rs, re_ in runs:
            d = rs - b if rs >= b else a - re_
            if 0 <= d < dist:
                best, dist = (rs, re_), d
        speakers.append(toks[best[0] : best[1]] if best else None)
    return found, speakers


def _get_nlp(analyzer_or_nlp: Any) -> Callable[[str], Any]:
    nlp = getattr(analyzer_or_nlp, "nlp", analyzer_or_nlp)
    return nlp  # type: ignore[no-any-return]


def _iter_docs(nlp: Any, texts: list[str], batch_size: int = 16) -> Iterator[Any]:
    if hasattr(nlp, "pipe"):
        docs = []
        for t in texts:
            doc = nlp.make_doc(t)
            doc._.meta = {"title": None, "outlet": "Kompas", "url": None, "path": None}
            docs.append(doc)
        yield from nlp.pipe(docs, batch_size=batch_size)
    else:
        for t in texts:
            yield nlp(t)


def evaluate_pfsa(
    path: Path, analyzer_or_nlp: Any, *, limit: int | None = None, keep_errors: bool = False
) -> PfsaReport:
    """Run Sorot on every article of a PFSA-ID file and score it (see the module docstring)."""
    from sorot.extract.quotes_lexicon import load_lexicon

    titles = load_lexicon().name_titles
    articles = read_corpus(Path(path))
    if limit is not None:
        articles = articles[:limit]
    report = PfsaReport(path=str(path), articles=len(articles))
    nlp = _get_nlp(analyzer_or_nlp)
    rebuilt = [rebuild(a) for a in articles]
    docs = _iter_docs(nlp, [t for t, _o in rebuilt])
    for art_i, (article, (_text, offsets), doc) in enumerate(zip(articles, rebuilt, docs, strict=True)):
        toks = article.tokens
        statements = [(s, e) for s, e, _l in spans(article.tags, ["STATEMENT"])]
        cues = spans(article.tags, ["CUE", "CUECOREF"])
        persons = spans(article.tags, ["PERSON", "PERSONCOREF"])
        report.statements += len(statements)
        gold_norm = [_norm_span(toks, s, e) for s, e in statements]
        gold_speakers = [gold_speaker(article, st, statements, cues, persons) for st in statements]
        # Sorot
        quotes = list(doc._.quotes or [])
        metas = list(getattr(doc._, "quote_meta", None) or [])
        report.indirect_quotes += sum(1 for q in quotes if q.kind == "indirect")
        found: list[tuple[tuple[int, int], Any, tuple[int, int] | None, bool]] = []
        seen: set[tuple[int, int]] = set()
        for qi, q in enumerate(quotes):
            if q.kind != "direct" or q.start is None or q.end is None:
                continue
            span = _tokens_of(offsets, q.start, q.end)
            if span is None:
                continue
            ns = _norm_span(toks, *span)
            if ns in seen or ns[0] >= ns[1]:
                continue
            seen.add(ns)
            meta = metas[qi] if qi < len(metas) else None
            cue_span = getattr(meta, "cue_span", None)
            cs = _tokens_of(offsets, cue_span[0], cue_span[1]) if cue_span is not None else None
            citizen = getattr(meta, "speaker_standing", None) == "citizen"
            found.append((ns, q, cs, citizen))
        gold_cues = [(s, e) for s, e, _l in cues]
        for scores, keep in ((report.sorot_all, found), (report.sorot, [f for f in found if not f[3]])):
            pred = [f[0] for f in keep]
            pred_q = [f[1] for f in keep]
            _score(scores, gold_norm, pred, gold_speakers, [_pred_words(q, titles) for q in pred_q], titles)
            pred_cue = list(dict.fromkeys(f[2] for f in keep if f[2] is not None))
            cue_pairs = _match(gold_cues, pred_cue, exact=False)
            scores.cue.tp += len(cue_pairs)
            scores.cue.fp += len(pred_cue) - len(cue_pairs)
            scores.cue.fn += len(gold_cues) - len(cue_pairs)
        pred = [f[0] for f in found if not f[3]]
        pred_q = [f[1] for f in found if not f[3]]
        # floor
        nspans, nspk = _naive(article)
        npred = [_norm_span(toks, a, b) for a, b in nspans]
        _score(
            report.floor,
            gold_norm,
            npred,
            gold_speakers,
            [_name_words(s or [], titles) for s in nspk],
            titles,
        )
        if keep_errors:
            _collect_errors(report, art_i, toks, gold_norm, pred, pred_q, gold_speakers, titles)
    return report


def _score(
    scores: SystemScores,
    gold: list[tuple[int, int]],
    pred: list[tuple[int, int]],
    gold_speakers: list[list[str] | None],
    pred_speakers: list[set[str]],
    titles: frozenset[str],
) -> None:
    exact = _match(gold, pred, exact=True)
    scores.exact.tp += len(exact)
    scores.exact.fp += len(pred) - len(exact)
    scores.exact.fn += len(gold) - len(exact)
    overlap = _match(gold, pred, exact=False)
    scores.overlap.tp += len(overlap)
    scores.overlap.fp += len(pred) - len(overlap)
    scores.overlap.fn += len(gold) - len(overlap)
    for gi, pi in overlap:
        gs = gold_speakers[gi]
        if gs is None:
            continue
        scores.speaker.total += 1
        if _speaker_ok(gs, pred_speakers[pi], titles):
            scores.speaker.correct += 1


def _speaker_ok(gold: list[str], pred: set[str], titles: frozenset[str]) -> bool:
    """Gold and predicted speaker share a name word; a gold speaker written only as a title
    ("kata Presiden") is compared on that title (the prediction then carries its speaker_text too)."""
    words = _name_words(gold, titles)
    if not words:
        words = {w.lower() for w in gold if len(w) > 1}
    return bool(words & pred)


def _pred_words(q: Any, titles: frozenset[str]) -> set[str]:
    """Name words of Sorot's canonical speaker and of the gazetteer's other names for that person
    ("Jokowi" for Joko Widodo), plus the title words of how the text names them."""
    words = _name_words((q.speaker_name or "").split(), titles)
    for alias in _person_aliases(q.speaker_name or ""):
        words |= _name_words(alias.split(), titles)
    text = (q.speaker_text or "").split()
    words |= {w.lower() for w in text if w.lower() in titles}
    return words


@lru_cache(maxsize=4096)
def _person_aliases(name: str) -> tuple[str, ...]:
    """Every listed name of the gazetteer person whose canonical name is ``name`` (none if unlisted)."""
    if not name:
        return ()
    from sorot.nlp.gazetteer import load_gazetteer

    for entry in load_gazetteer().lookup(name):
        if entry.type == "PER" and entry.name == name:
            return tuple(dict.fromkeys([*entry.surface_forms(), *entry.exact_forms()]))
    return ()


def _collect_errors(
    report: PfsaReport,
    art_i: int,
    toks: list[str],
    gold: list[tuple[int, int]],
    pred: list[tuple[int, int]],
    pred_q: list[Any],
    gold_speakers: list[list[str] | None],
    titles: frozenset[str],
) -> None:
    """Error records for inspection at the console (never written into the project)."""
    exact = dict(_match(gold, pred, exact=True))
    overlap = dict(_match(gold, pred, exact=False))
    matched_p = set(overlap.values())
    for gi, g in enumerate(gold):
        if gi not in overlap:
            report.errors.append({"article": art_i, "type": "missed", "gold": " ".join(toks[g[0] : g[1]])})
            continue
        pi = overlap[gi]
        if gi not in exact:
            report.errors.append(
                {
                    "article": art_i,
                    "type": "boundary",
                    "gold": " ".join(toks[g[0] : g[1]]),
                    "pred": " ".join(toks[pred[pi][0] : pred[pi][1]]),
                }
            )
        gs = gold_speakers[gi]
        q = pred_q[pi]
        if gs is not None and not _speaker_ok(gs, _pred_words(q, titles), titles):
            report.errors.append(
                {
                    "article": art_i,
                    "type": "speaker",
                    "gold_speaker": " ".join(gs),
                    "pred_speaker": q.speaker_name,
                    "speaker_text": q.speaker_text,
                    "cue": q.cue,
                    "pred": " ".join(toks[pred[pi][0] : pred[pi][1]])[:120],
                }
            )
    for pi, p in enumerate(pred):
        if pi not in matched_p:
            report.errors.append(
                {
                    "article": art_i,
                    "type": "spurious",
                    "pred": " ".join(toks[p[0] : p[1]]),
                    "speaker": pred_q[pi].speaker_name,
                    "cue": pred_q[pi].cue,
                }
            )
