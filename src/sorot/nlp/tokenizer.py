"""Sorot's Indonesian tokenizer and rule-based sentence splitter.

spaCy's blank ``id`` tokenizer splits "Jong-un" into three tokens, "(31/8)" into ``( 31 / 8)`` and "Jl." into
two, which hurts every later step (names, dates, sentence ends). This module builds a spaCy ``Tokenizer``
whose prefix/suffix/infix rules follow the conventions of the UD Indonesian treebanks and the kumparan POS
corpus (hyphenated words stay whole, clitics stay attached), with abbreviations and place names read from
``src/sorot/data/tokenizer.yaml``. Because it is a plain ``spacy.tokenizer.Tokenizer`` the rules are saved
with a trained pipeline, and the registered factory ``sorot.id_tokenizer.v1`` lets a pipeline config refer
to it so ``spacy.load`` works offline once this module is imported.

The sentence splitter ``sorot_sentences`` is a registered component. It runs before the parser and fixes
every sentence boundary from punctuation, quotes and line breaks, so a closing quote stays with its sentence
('."' and ',"'), and abbreviations or dates never end one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import numpy
import spacy
import yaml
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.lang.char_classes import (
    ALPHA,
    ALPHA_LOWER,
    ALPHA_UPPER,
    CONCAT_QUOTES,
    LIST_ELLIPSES,
    LIST_ICONS,
)
from spacy.lang.id import Indonesian
from spacy.lang.id.punctuation import TOKENIZER_PREFIXES as ID_PREFIXES
from spacy.lang.id.punctuation import TOKENIZER_SUFFIXES as ID_SUFFIXES
from spacy.lang.id.tokenizer_exceptions import TOKENIZER_EXCEPTIONS as ID_EXCEPTIONS
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

DATA_PATH = Path(__file__).resolve().parents[1] / "data" / "tokenizer.yaml"

# Suffixes of spaCy's id defaults that split clitics after a hyphen ("rumah-nya"); Sorot keeps clitics.
_DROPPED_SUFFIXES = {r"\-[Nn]ya", "-[KkMm]u"}

# Characters that open / close a quotation or a bracket.
OPENING = {"“", "‘", "«", "(", "[", "{"}
CLOSING = {"”", "’", "»", ")", "]", "}"}
AMBIGUOUS_QUOTES = {'"', "'", "`", "``", "''"}
_TERMINAL_RE = re.compile(r"^(?:[.!?…]+|\.\.\.+)$")
# token categories for the sentence splitter
_OTHER, _TERMINAL, _CLOSING, _QUOTE, _NEWLINE, _SPACE = range(6)


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> dict[str, Any]:
    """Read tokenizer.yaml (cached: the file is read once per process)."""
    with open(path or DATA_PATH, encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh) or {}
    return data


def _case_variants(abbr: str) -> set[str]:
    """The spellings an abbreviation is accepted in: as written, UPPER and Title case."""
    variants = {abbr, abbr.upper()}
    if abbr[:1].isalpha():
        variants.add(abbr[:1].upper() + abbr[1:])
    return variants


def abbreviations(rules: dict[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """(titles, terminal abbreviations), each with its case variants."""
    titles: set[str] = set()
    for a in rules.get("titles") or []:
        titles |= _case_variants(str(a))
    terminal: set[str] = set()
    for a in rules.get("terminal") or []:
        terminal |= _case_variants(str(a))
    return frozenset(titles - terminal), frozenset(terminal)


def place_first_words(rules: dict[str, Any]) -> list[str]:
    """Words that start a place name, for the hyphen-split rule.

    Country names in Indonesian come from Babel and province names from pycountry, so the list covers
    every state without being typed in by hand; tokenizer.yaml adds short forms and cities.
    """
    names: set[str] = {str(n) for n in rules.get("hyphen_split_names") or []}
    try:
        from babel import Locale

        names.update(Locale("id").territories.values())
    except Exception:  # pragma: no cover - Babel is a declared dependency; stay usable without it
        pass
    try:
        import pycountry

        names.update(s.name for s in pycountry.subdivisions.get(country_code="ID") or [])
    except Exception:  # pragma: no cover
        pass
    exclude = {str(w) for w in rules.get("hyphen_split_exclude") or []}
    words = set()
    for name in names:
        first = name.split()[0] if name.split() else ""
        if (
            len(first) >= 2
            and first[0].isupper()
            and first.replace("-", "").isalpha()
            and first not in exclude
        ):
            words.add(first)
    return sorted(words, key=lambda w: (-len(w), w))


def build_rules(rules: dict[str, Any]) -> dict[str, Any]:
    """The prefix/suffix/infix patterns and special cases for a spaCy ``Tokenizer``."""
    prefixes = list(ID_PREFIXES)
    suffixes = [s for s in ID_SUFFIXES if s not in _DROPPED_SUFFIXES]
    places = "|".join(re.escape(w) for w in place_first_words(rules))
    infixes = [
        *LIST_ELLIPSES,
        *LIST_ICONS,
        # arithmetic between digits, but not the hyphen: "2019-2020", "42-300" stay whole (UD convention)
        r"(?<=[0-9])[+\*^](?=[0-9])",
        # a period glued between two words: "kemarin.Dia"
        rf"(?<=[{ALPHA_LOWER}{CONCAT_QUOTES}])\.(?=[{ALPHA_UPPER}{CONCAT_QUOTES}])",
        rf"(?<=[{ALPHA}]),(?=[{ALPHA}])",
        rf"(?<=[{ALPHA}0-9])[:<>=](?=[{ALPHA}])",
        # a slash between words ("dan/atau"), not between digits ("31/8", "34/PMK.011/2007")
        rf"(?<=[{ALPHA}])/(?=[{ALPHA}])",
        # en and em dashes are always tokens of their own (datelines, asides, ranges)
        r"[–—]",
        # a hyphen in front of a place name: "Korea Utara-Rusia", "AS-China"
        rf"(?<=[{ALPHA}])-(?=(?:{places})(?![{ALPHA}]))",
        # a quote glued after sentence punctuation: 'katanya."Kami'
        r'(?<=[0-9)][.,])"(?=[0-9])',
        rf'(?<=[{ALPHA})][.,\'])["”](?=[{ALPHA}])',
    ]
    titles, terminal = abbreviations(rules)
    exceptions: dict[str, list[dict[int, str]]] = {}
    for orth, value in ID_EXCEPTIONS.items():
        # spaCy's id list is mostly hyphenated words; those are whole tokens anyway under our infixes.
        if "-" not in orth:
            exceptions[orth] = value
    for abbr in titles | terminal:
        exceptions[abbr] = [{ORTH: abbr}]
    return {"prefixes": prefixes, "suffixes": suffixes, "infixes": infixes, "exceptions": exceptions}


def create_tokenizer(nlp: Language, data_path: str | None = None) -> Tokenizer:
    """A spaCy Tokenizer with Sorot's Indonesian rules for ``nlp``'s vocab."""
    parts = build_rules(load_rules(data_path))
    defaults = Indonesian.Defaults
    return Tokenizer(
        nlp.vocab,
        rules=parts["exceptions"],
        prefix_search=compile_prefix_regex(parts["prefixes"]).search,
        suffix_search=compile_suffix_regex(parts["suffixes"]).search,
        infix_finditer=compile_infix_regex(parts["infixes"]).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


@spacy.registry.tokenizers("sorot.id_tokenizer.v1")
def make_sorot_tokenizer(data_path: str | None = None) -> Callable[[Language], Tokenizer]:
    """Registered factory so a pipeline config can say ``@tokenizers = "sorot.id_tokenizer.v1"``."""

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        return create_tokenizer(nlp, data_path)

    return tokenizer_factory


# ---------------------------------------------------------------------------------------------------------
# Sentences


def _can_start(token_text: str) -> bool:
    """Can a sentence start with this token? Lower-case words and inner punctuation cannot."""
    first = token_text[:1]
    if not first:
        return False
    if first.isalpha():
        return first.isupper()
    if first.isdigit():
        return True
    return token_text in OPENING or token_text in AMBIGUOUS_QUOTES or first in "-–—•*#@"


class SentenceSplitter:
    """Rule-based sentence boundaries for Indonesian news text.

    A sentence ends after '.', '!', '?', '…' (plus any closing quotes or brackets glued to it) when the next
    word can start a sentence, after an abbreviation listed as ``terminal`` under the same condition, and
    always at a line break. Every token gets an explicit ``is_sent_start`` so the parser keeps these
    boundaries.
    """

    def __init__(self, data_path: str | None = None) -> None:
        self.data_path = data_path
        rules = load_rules(data_path)
        titles, terminal = abbreviations(rules)
        self.terminal = terminal
        self.no_break = titles | {str(t) for t in rules.get("no_break_after") or []}
        self._cache: dict[int, int] = {}

    def _ends_sentence(self, text: str) -> bool:
        if text in self.no_break:
            return False
        return bool(_TERMINAL_RE.match(text)) or text in self.terminal

    def _category(self, orth: int, strings: StringStore) -> int:
        """What a token string can do for sentence splitting (cached per string)."""
        cat = self._cache.get(orth)
        if cat is None:
            text = strings[orth]
            if "\n" in text and not text.strip():
                cat = _NEWLINE
            elif self._ends_sentence(text):
                cat = _TERMINAL
            elif text in CLOSING:
                cat = _CLOSING
            elif text in AMBIGUOUS_QUOTES:
                cat = _QUOTE
            elif not text.strip():
                cat = _SPACE
            else:
                cat = _OTHER
            self._cache[orth] = cat
        return cat

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        # Work on arrays: creating a Token object per token costs more than the rules themselves.
        arr = doc.to_array([ORTH, SPACY])
        strings = doc.vocab.strings
        cats = [self._category(int(o), strings) for o in arr[:, 0]]
        space_after = arr[:, 1]
        starts = numpy.full((n, 1), -1, dtype="int64")
        starts[0, 0] = 1
        i = 0
        while i < n:
            cat = cats[i]
            if cat == _NEWLINE:
                k = i + 1
                while k < n and cats[k] in (_NEWLINE, _SPACE):
                    k += 1
                if k < n:
                    starts[k, 0] = 1
                i = k
                continue
            if cat == _TERMINAL:
                j = i + 1
                # closing quotes/brackets glued to the punctuation stay in this sentence
                while j < n and (cats[j] == _CLOSING or (cats[j] == _QUOTE and not space_after[j - 1])):
                    j += 1
                k = j
                while k < n and cats[k] in (_NEWLINE, _SPACE):
                    k += 1
                if k < n and _can_start(strings[int(arr[k, 0])]):
                    starts[k, 0] = 1
                i = max(j, i + 1)
                continue
            i += 1
        doc.from_array([SENT_START], cast(Any, starts.astype("uint64")))  # -1 wraps, as spaCy expects
        return doc

    # serialisation: the rules live in tokenizer.yaml, nothing to save
    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        """Nothing to write: the rules are read from tokenizer.yaml."""

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> SentenceSplitter:
        """Nothing to read (see ``to_disk``)."""
        return self


_ORDINARY_KEY = "sorot.ordinary_words"


def ordinary_words(doc: Doc) -> frozenset[str]:
    """The words this article writes in lower case, bare or as the host of an enclitic ("pendapatnya" ->
    "pendapat"). A capitalised one of them that opens a sentence is an ordinary word, not a name, and the
    linker and the quote extractor must agree on that, so both ask here. Computed once per document."""
    cached = doc.user_data.get(_ORDINARY_KEY)
    if cached is None:
        rules = load_rules()
        enclitics = tuple(str(x) for x in rules.get("enclitics") or ())
        min_host = int(rules.get("enclitic_min_host", 4))
        lowers = {t.text for t in doc if t.text[:1].islower()}
        hosts = {
            w[: -len(x)] for w in lowers for x in enclitics if w.endswith(x) and len(w) - len(x) >= min_host
        }
        cached = frozenset(lowers | hosts)
        doc.user_data[_ORDINARY_KEY] = cached
    return cast(frozenset[str], cached)


@Language.factory("sorot_sentences", default_config={"data_path": None})
def make_sentence_splitter(nlp: Language, name: str, data_path: str | None) -> SentenceSplitter:
    """Factory for the ``sorot_sentences`` component."""
    return SentenceSplitter(data_path)


def blank_pipeline() -> Language:
    """spacy.blank("id") with Sorot's tokenizer and sentence splitter: the fallback base pipeline."""
    # build with our tokenizer from the start: spaCy's default id tokenizer (16k exceptions) costs seconds
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "sorot.id_tokenizer.v1"}}})
    nlp.add_pipe("sorot_sentences")
    return nlp
