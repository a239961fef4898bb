"""The quote extractor's knowledge, read once from ``data/quotes.yaml``.

Keeping cue words, relay phrases and role nouns in a reviewed data file lets a journalist extend what
Sorot recognises without touching the rules; this module only turns the lists into sets and phrase
indexes that the rules can test in constant time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_PATH = Path(__file__).resolve().parents[1] / "data" / "quotes.yaml"

Phrase = tuple[str, ...]


class PhraseIndex:
    """Multi-word phrases indexed by first word; ``match`` returns the longest phrase at a position."""

    def __init__(self, phrases: Iterable[Sequence[str]]) -> None:
        self._by_first: dict[str, list[Phrase]] = {}
        for phrase in phrases:
            words = tuple(str(w).lower() for w in phrase)
            if words:
                self._by_first.setdefault(words[0], []).append(words)
        for items in self._by_first.values():
            items.sort(key=len, reverse=True)

    def match(self, words: Sequence[str], i: int) -> Phrase | None:
        """The longest phrase that starts at ``words[i]``, or None."""
        if i >= len(words):
            return None
        for phrase in self._by_first.get(words[i], ()):
            n = len(phrase)
            if tuple(words[i : i + n]) == phrase:
                return phrase
        return None

    def __contains__(self, word: str) -> bool:
        return word in self._by_first


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in (values or []))


def _section(data: dict[str, Any], key: str) -> dict[str, Any]:
    """A nested mapping of quotes.yaml ({} when the file leaves it out)."""
    value = data.get(key)
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class QuoteLexicon:
    """Sets and phrase indexes built from quotes.yaml (see that file for what each list means)."""

    double_open: frozenset[str]
    double_close: frozenset[str]
    double_either: frozenset[str]
    single_open: frozenset[str]
    single_close: frozenset[str]
    single_either: frozenset[str]
    post_cues: frozenset[str]
    post_cue_lead: frozenset[str]
    passive_cues: frozenset[str]
    say_verbs: frozenset[str]
    object_verbs: frozenset[str]
    request_verbs: frozenset[str]
    attitude_verbs: frozenset[str]
    ruling_verbs: frozenset[str]
    clause_markers: frozenset[str]
    irrealis_before: frozenset[str]
    min_indirect_words: int
    request_verb_prefixes: tuple[str, ...]
    request_verb_suffixes: tuple[str, ...]
    direct_share_for_no_indirect: float
    complement_openers: frozenset[str]
    addressee_preps: frozenset[str]
    according_to: frozenset[str]
    noun_cues: frozenset[str]
    noun_cue_markers: frozenset[str]
    relay: PhraseIndex
    relay_skip: frozenset[str]
    anonymity: PhraseIndex
    indefinites: frozenset[str]
    quantities: frozenset[str]
    place_kinds: frozenset[str]
    narration_subordinators: frozenset[str]
    naming_cues_agentive: frozenset[str]
    naming_cues_bare: frozenset[str]
    naming_cues_active: frozenset[str]
    anonymous_new_markers: frozenset[str]
    singular_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    party_pronouns: frozenset[str]
    demonstratives: frozenset[str]
    role_words: frozenset[str]
    citizen_nouns: frozenset[str]
    place_nouns: frozenset[str]
    institution_words: frozenset[str]
    place_continuations: frozenset[str]
    person_roles: frozenset[str]
    name_titles: frozenset[str]
    role_compounds: frozenset[tuple[str, str]]
    document_nouns: frozenset[str]
    body_heads: frozenset[str]
    government_heads: frozenset[str]
    body_expansions: dict[str, tuple[str, ...]]
    title_triggers: frozenset[str]
    max_label_words: int
    subject_adverbs: frozenset[str]
    time_words: frozenset[str]
    occasions: PhraseIndex
    speaker_stops: frozenset[str]
    speaker_inner: frozenset[str]
    leading_connectives: frozenset[str]
    subordinators: frozenset[str]
    prepositions: frozenset[str]
    verb_coordinators: frozenset[str]
    not_verbs: frozenset[str]
    rank_brackets: frozenset[str] = field(default=frozenset())
    channel_preps: frozenset[str] = field(default=frozenset())
    all_marks: frozenset[str] = field(default=frozenset())

    @property
    def speech_verbs(self) -> frozenset[str]:
        return (
            self.say_verbs | self.object_verbs | self.request_verbs | self.attitude_verbs | self.ruling_verbs
        )

    def verb_class(self, word: str) -> str | None:
        """'say', 'object', 'request', 'attitude' or 'ruling' for a speech verb, else None."""
        if word in self.say_verbs:
            return "say"
        if word in self.object_verbs:
            return "object"
        if word in self.request_verbs:
            return "request"
        if word in self.attitude_verbs:
            return "attitude"
        if word in self.ruling_verbs:
            return "ruling"
        return None

    def post_cue(self, word: str) -> tuple[str, bool] | None:
        """(cue, points_back) for 'kata' / 'katanya' style words, else None."""
        if word in self.post_cues:
            return word, word.endswith("nya") and word[:-3] in self.post_cues
        if word.endswith("nya") and word[:-3] in self.post_cues:
            return word, True
        return None


def from_mapping(data: dict[str, Any]) -> QuoteLexicon:
    """Build a lexicon from the parsed YAML mapping."""
    marks = _section(data, "marks")
    double = _section(marks, "double")
    single = _section(marks, "single")
    verbs = _section(data, "speech_verbs")
    pronouns = _section(data, "pronouns")
    naming = _section(data, "naming_cues")
    bodies = _section(data, "body_descriptions")
    lex = QuoteLexicon(
        double_open=frozenset(double.get("open") or []),
        double_close=frozenset(double.get("close") or []),
        double_either=frozenset(double.get("either") or []),
        single_open=frozenset(single.get("open") or []),
        single_close=frozenset(single.get("close") or []),
        single_either=frozenset(single.get("either") or []),
        post_cues=_words(data.get("post_cues")),
        post_cue_lead=_words(data.get("post_cue_lead")),
        passive_cues=_words(data.get("passive_cues")),
        say_verbs=_words(verbs.get("say")),
        object_verbs=_words(verbs.get("object")),
        request_verbs=_words(verbs.get("request")),
        attitude_verbs=_words(verbs.get("attitude")),
        ruling_verbs=_words(verbs.get("ruling")),
        clause_markers=_words(data.get("clause_markers")),
        irrealis_before=_words(data.get("irrealis_before")),
        min_indirect_words=int(data.get("min_indirect_words", 4)),
        request_verb_prefixes=tuple(
            str(x) for x in (data.get("request_clause_verb") or {}).get("prefixes") or ()
        ),
        request_verb_suffixes=tuple(
            str(x) for x in (data.get("request_clause_verb") or {}).get("suffixes") or ()
        ),
        direct_share_for_no_indirect=float(data.get("direct_share_for_no_indirect", 0.34)),
        complement_openers=_words(data.get("complement_openers")),
        addressee_preps=_words(data.get("addressee_preps")),
        according_to=_words(data.get("according_to")),
        noun_cues=_words(data.get("noun_cues")),
        noun_cue_markers=_words(data.get("noun_cue_markers")),
        relay=PhraseIndex(data.get("relay_phrases") or []),
        relay_skip=_words(data.get("relay_skip")),
        anonymity=PhraseIndex(data.get("anonymity_phrases") or []),
        indefinites=_words(data.get("indefinites")),
        quantities=_words(data.get("quantities")),
        place_kinds=_words(data.get("place_kinds")),
        narration_subordinators=_words(data.get("narration_subordinators")),
        naming_cues_agentive=_words(naming.get("agentive")),
        naming_cues_bare=_words(naming.get("bare")),
        naming_cues_active=_words(naming.get("active")),
        anonymous_new_markers=_words(data.get("anonymous_new_markers")),
        singular_pronouns=_words(pronouns.get("singular")),
        plural_pronouns=_words(pronouns.get("plural")),
        party_pronouns=_words(pronouns.get("party")),
        demonstratives=_words(data.get("demonstratives")),
        role_words=_words(data.get("role_words")) | _words(data.get("citizen_nouns")),
        citizen_nouns=_words(data.get("citizen_nouns")),
        place_nouns=_words(data.get("place_nouns")),
        institution_words=_words(data.get("institution_words")),
        place_continuations=_words(data.get("place_continuations")),
        person_roles=_words(data.get("person_roles")),
        name_titles=_words(data.get("name_titles")),
        role_compounds=frozenset(
            (str(pair[0]).lower(), str(pair[1]).lower())
            for pair in data.get("role_compounds") or []
            if len(pair) == 2
        ),
        document_nouns=_words(data.get("document_nouns")),
        body_heads=_words(bodies.get("heads")) | _words(bodies.get("government")),
        government_heads=_words(bodies.get("government")),
        body_expansions={
            str(k).lower(): tuple(str(x).lower() for x in (vals or []))
            for k, vals in _section(bodies, "expansions").items()
        },
        title_triggers=_words(data.get("title_triggers")),
        max_label_words=int(data.get("max_label_words", 5)),
        subject_adverbs=_words(data.get("subject_adverbs")),
        time_words=_words(data.get("time_words")),
        occasions=PhraseIndex(data.get("occasion_phrases") or []),
        speaker_stops=_words(data.get("speaker_stops")),
        speaker_inner=_words(data.get("speaker_inner")),
        leading_connectives=_words(data.get("leading_connectives")),
        subordinators=_words(data.get("subordinators")),
        prepositions=_words(data.get("prepositions")),
        verb_coordinators=_words(data.get("verb_coordinators")),
        not_verbs=_words(data.get("not_verbs")),
        rank_brackets=_words(data.get("rank_brackets")),
        channel_preps=_words(data.get("channel_preps")),
    )
    all_marks = (
        lex.double_open
        | lex.double_close
        | lex.double_either
        | lex.single_open
        | lex.single_close
        | lex.single_either
    )
    object.__setattr__(lex, "all_marks", frozenset(all_marks))
    return lex


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> QuoteLexicon:
    """Read quotes.yaml (cached per path: the file is parsed once per process)."""
    with open(path or DATA_PATH, encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh) or {}
    return from_mapping(data)
