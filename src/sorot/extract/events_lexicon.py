"""The event coder's lexicon: triggers, items and cue words read from ``data/events.yaml`` and
``data/items.yaml``, with Indonesian morphology applied so that one stem covers its verb and noun forms.

Indonesian builds its verbs and event nouns from a stem with a small set of affixes, and the nasal
prefix ``meN-``/``peN-`` changes the first sound of the stem (``jual`` -> ``menjual``, ``pasok`` ->
``memasok``, ``kirim`` -> ``mengirim``, ``serang`` -> ``menyerang``). Generating the forms from the
stem (rather than stemming every word of every article) keeps the look-up a dictionary hit, and keeps
the analysis precise: only the derivations an entry allows exist, so ``pertahanan`` (defence) never
reads as a form of ``tahan`` (detain).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
EVENTS_PATH = DATA_DIR / "events.yaml"
ITEMS_PATH = DATA_DIR / "items.yaml"

VOWELS = "aiueo"
# Consonant clusters whose first sound survives meN-/peN- ("mengkritik", "memprotes", "mentransfer").
_CLUSTER_SECOND = set("rlwy")
_CLITICS = ("nya", "lah", "kah", "pun")

# Form name -> (kind of prefix, suffix, word class). Word classes: "active" (subject is the agent),
# "passive" (subject is the patient, agent after the verb or after "oleh"), "noun" (an event noun),
# "base" (the bare stem: a verb or a noun depending on the entry).
FORMS: dict[str, tuple[str, str, str]] = {
    "base": ("", "", "base"),
    "meN": ("meN", "", "active"),
    "meN-kan": ("meN", "kan", "active"),
    "meN-i": ("meN", "i", "active"),
    "di": ("di", "", "passive"),
    "di-kan": ("di", "kan", "passive"),
    "di-i": ("di", "i", "passive"),
    "ter": ("ter", "", "passive"),
    "ber": ("ber", "", "active"),
    "peN-an": ("peN", "an", "noun"),
    "per-an": ("per", "an", "noun"),
    "ke-an": ("ke", "an", "noun"),
    "-an": ("", "an", "noun"),
}


def _syllables(stem: str) -> int:
    """Vowel count: enough to tell the one-syllable stems ("bom", "tes") that take menge-/penge-."""
    return len(re.findall(r"[aiueo]", stem))


def nasal_prefix(stem: str, base: str = "me", keep_initial: bool = False) -> str:
    """``meN-`` (base "me") or ``peN-`` (base "pe") + stem with the Indonesian sound changes.

    >>> nasal_prefix("jual"), nasal_prefix("pasok"), nasal_prefix("kirim"), nasal_prefix("serang")
    ('menjual', 'memasok', 'mengirim', 'menyerang')
    >>> nasal_prefix("tolak"), nasal_prefix("bom"), nasal_prefix("kritik"), nasal_prefix("beli", "pe")
    ('menolak', 'mengebom', 'mengkritik', 'pembeli')
    """
    s = stem
    if not s:
        return base
    if _syllables(s) == 1 and " " not in s:
        return base + "nge" + s
    c = s[0]
    # per- stems keep their p: "memperluas", "memperkuat" (a vowel after per- is a plain stem: "perintah")
    if s.startswith("per") and len(s) > 4 and s[3] not in VOWELS:
        keep_initial = True
    cluster = (
        keep_initial
        or (len(s) > 1 and s[1] in _CLUSTER_SECOND and c not in VOWELS)
        or (c == "s" and len(s) > 1 and s[1] in "tpk")
    )
    if c in VOWELS:
        return base + "ng" + s
    if s.startswith(("kh", "ng", "ny")):
        return base + ("ng" if s.startswith("kh") else "") + s
    if c == "k":
        return base + "ng" + (s if cluster else s[1:])
    if c in "gh":
        return base + "ng" + s
    if c == "t":
        return base + "n" + (s if cluster else s[1:])
    if c in "dcjz":
        return base + "n" + s
    if c == "s":
        if s.startswith("sy"):
            return base + "n" + s
        return base + ("n" + s if cluster else "ny" + s[1:])
    if c == "p":
        return base + "m" + (s if cluster else s[1:])
    if c in "bfv":
        return base + "m" + s
    return base + s  # l m n r w y


def derive(stem: str, form: str, keep_initial: bool = False) -> str:
    """The surface word of ``stem`` in derivation ``form`` (a key of :data:`FORMS`).

    >>> derive("kunjung", "meN-i"), derive("jual", "peN-an"), derive("janji", "per-an")
    ('mengunjungi', 'penjualan', 'perjanjian')
    >>> derive("sepakat", "ke-an"), derive("temu", "ber"), derive("tandatangan", "meN-i")
    ('kesepakatan', 'bertemu', 'menandatangani')
    """
    prefix, suffix, _ = FORMS[form]
    if prefix == "meN":
        word = nasal_prefix(stem, "me", keep_initial)
    elif prefix == "peN":
        word = nasal_prefix(stem, "pe", keep_initial)
    elif prefix == "ber":
        # ber- loses its r before r and in "bekerja"
        word = ("be" + stem) if stem.startswith(("r", "kerja")) else "ber" + stem
    elif prefix == "per":
        word = ("pe" + stem) if stem.startswith("r") else "per" + stem
    else:
        word = prefix + stem
    return word + suffix


@dataclass
class Trigger:
    """One lexicon entry: a stem (or phrase) and what it means."""

    lemma: str
    type: str | None
    mode: str | None = None
    frame: str = "directed"
    needs: str | None = None
    base: str = "verb"
    preps: tuple[str, ...] = ()
    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    modifiers: dict[str, dict[str, Any]] = field(default_factory=dict)
    speech: bool = False
    control: bool = False
    opaque: bool = False
    status: str | None = None  # the least certain status the trigger itself implies ("memburu": potential)
    prep_only: bool = False  # the target is only ever named by a preposition ("melaporkan X ke Y": Y)
    trade: bool = False  # a sale or purchase: civilian goods traded are economic AID ("mengimpor beras")
    # a target named by its parent body stands for the organ where the act happens ("memveto ... PBB": the UNSC)
    target_as: dict[str, str] = field(default_factory=dict)
    # words right after the trigger that name the threatener's own act, so the act stands with nobody
    # named as its target ("mengancam akan menggugat hasil pilkada")
    open_after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Form:
    """A surface form of a trigger: the words it spans and its word class."""

    words: tuple[str, ...]
    trigger: Trigger
    cls: str  # active, passive, noun (base resolved to "active" or "noun")


@dataclass
class Item:
    """A normalised item (``artillery ammunition``) with its place in the item hierarchy."""

    name: str
    parent: str | None
    family: str
    aid_mode: str | None
    assault_mode: str | None
    type: str | None = None
    assault_type: str | None = None  # using it against people is this type instead of ASSAULT (tear gas)


@dataclass
class Lexicon:
    """Everything the coder looks up, indexed for speed."""

    forms: dict[str, list[Form]]  # first word -> forms starting with it (longest first)
    # the bare stems of the di- passives ("kirim", "kirimkan", "tindak"), passives only after an agent
    # pronoun ("akan kami kirim", "yang kami intimidasi"): first word -> forms
    agentive: dict[str, list[Form]]
    items: dict[str, Item]  # canonical name -> item
    item_words: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> (words, item name)
    cues: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> (words, "cat1|cat2")
    light_agent: set[str]
    light_patient: set[str]
    agreement_nouns: set[str]
    captive_nouns: set[str]
    deal_nouns: set[str]
    reporting_before: set[str]
    reporting_after: set[str]
    anaphora: dict[str, set[str]]
    anaphor_determiners: set[str]
    grammar: dict[str, set[str]]
    requires_target: set[str]
    modes_for: set[str]
    items_for: set[str]
    weapon_families: set[str]
    raw: dict[str, Any]

    # -- look-ups ------------------------------------------------------------------------------------
    def phrase_at(
        self, table: dict[str, list[tuple[tuple[str, ...], str]]], words: list[str], i: int
    ) -> tuple[int, str] | None:
        """Longest phrase of ``table`` starting at word ``i``: (length, value)."""
        for phrase, value in table.get(words[i], ()):
            n = len(phrase)
            if tuple(words[i : i + n]) == phrase:
                return n, value
        return None

    def trigger_at(
        self, words: list[str], i: int, table: dict[str, list[Form]] | None = None
    ) -> tuple[int, Form] | None:
        """Longest trigger form starting at word ``i`` (words are lower-cased, clitics kept); ``table``
        is another form index (the agentive passives) to look in."""
        w = words[i]
        for cand in _word_variants(w):
            for form in (self.forms if table is None else table).get(cand, ()):
                n = len(form.words)
                if n == 1 or tuple([cand, *words[i + 1 : i + n]]) == form.words:
                    return n, form
                # a clitic on the last word of a phrase: "menarik pasukannya"
                if (
                    n > 1
                    and i + n <= len(words)
                    and tuple(words[i + 1 : i + n - 1]) == form.words[1:-1]
                    and (form.words[-1] in _word_variants(words[i + n - 1]))
                    and cand == form.words[0]
                ):
                    return n, form
        return None

    def is_ancestor(self, general: str, specific: str) -> bool:
        """True when item ``general`` is ``specific`` or one of its parents (weapons > ammunition)."""
        seen = 0
        cur: str | None = specific
        while cur is not None and seen < 20:
            if cur == general:
                return True
            item = self.items.get(cur)
            cur = item.parent if item else None
            seen += 1
        return False

    def family(self, item: str | None) -> str | None:
        return self.items[item].family if item in self.items else None

    def depth(self, item: str | None) -> int:
        """How specific an item is (0 = none, 1 = a root such as ``weapons``)."""
        if item is None:
            return 0
        d, seen = 0, 0
        cur: str | None = item
        while cur is not None and seen < 20:
            d += 1
            it = self.items.get(cur)
            cur = it.parent if it else None
            seen += 1
        return d


def _word_variants(word: str) -> list[str]:
    """The word and the word without a clitic ("mengekspornya" -> "mengekspor") or reduplication."""
    out = [word]
    for clitic in _CLITICS:
        if word.endswith(clitic) and len(word) > len(clitic) + 3:
            out.append(word[: -len(clitic)])
    if "-" in word:
        a, _, b = word.partition("-")
        if a and (b == a or b.startswith(a)):
            out.append(a)
    return out


def _phrases(values: list[str], tag: str) -> list[tuple[tuple[str, ...], str]]:
    return [(tuple(str(v).lower().split()), tag) for v in values]


def _index(pairs: list[tuple[tuple[str, ...], str]]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, value in pairs:
        if words:
            table.setdefault(words[0], []).append((words, value))
    for key in table:
        table[key].sort(key=lambda p: -len(p[0]))
    return table


def _entry_forms(entry: dict[str, Any], sets: dict[str, list[str]]) -> list[Form]:
    lemma = str(entry["lemma"]).lower().strip()
    trig = Trigger(
        lemma=lemma,
        type=entry.get("type"),
        mode=entry.get("mode"),
        frame=entry.get("frame", "directed"),
        needs=entry.get("needs"),
        base=entry.get("base", "verb"),
        preps=tuple(entry.get("preps") or ()),
        objects={str(k).lower(): (v or {}) for k, v in (entry.get("objects") or {}).items()},
        modifiers={str(k).lower(): (v or {}) for k, v in (entry.get("modifiers") or {}).items()},
        speech=bool(entry.get("speech", False)),
        control=bool(entry.get("control", False)),
        opaque=bool(entry.get("opaque", False)),
        status=entry.get("status"),
        prep_only=bool(entry.get("prep_only", False)),
        trade=bool(entry.get("trade", False)),
        target_as={str(k): str(v) for k, v in (entry.get("target_as") or {}).items()},
        open_after=tuple(str(w) for w in entry.get("open_after") or ()),
    )
    keep = bool(entry.get("keep_initial", False))
    names: list[str] = []
    for f in entry.get("forms", ["verb"]) or []:
        names.extend(sets.get(f, [f]))
    base_cls = "noun" if trig.base == "noun" else "active"
    out: list[Form] = []
    parts = lemma.split()
    for name in names:
        if name not in FORMS:
            raise ValueError(f"events.yaml: unknown form {name!r} in entry {lemma!r}")
        cls = FORMS[name][2]
        if cls == "base":
            # a phrase is a noun phrase ("dukungan militer") unless it opens with a verb ("menyambut baik")
            guessed = _guess_class(parts[0], "noun" if len(parts) > 1 else base_cls)
            out.append(Form(tuple(parts), trig, guessed if guessed != "passive" else base_cls))
            continue
        if len(parts) == 1:
            out.append(Form((derive(parts[0], name, keep),), trig, cls))
        else:
            # affixes on the first word ("bekerja sama", "memperluas hubungan") ...
            out.append(Form((derive(parts[0], name, keep), *parts[1:]), trig, cls))
            # ... and on the closed compound ("menandatangani", "penandatanganan")
            out.append(Form((derive("".join(parts), name, keep),), trig, cls))
    for word in entry.get("words") or []:
        ws = tuple(str(word).lower().split())
        cls = entry.get("word_class") or _guess_class(ws[0], base_cls)
        out.append(Form(ws, trig, cls))
    return out


def _guess_class(word: str, default: str) -> str:
    if word.startswith("di") and len(word) > 5:
        return "passive"
    if word.startswith(("me", "ber", "be")) and len(word) > 5:
        return "active"
    if word.endswith("an") and word.startswith(("pe", "per", "ke")):
        return "noun"
    return default


def _load_items(data: dict[str, Any]) -> tuple[dict[str, Item], list[tuple[tuple[str, ...], str]]]:
    items: dict[str, Item] = {}
    words: list[tuple[tuple[str, ...], str]] = []
    for entry in data.get("items") or []:
        name = str(entry["name"])
        items[name] = Item(
            name=name,
            parent=entry.get("parent"),
            family=str(entry.get("family") or ""),
            aid_mode=entry.get("aid_mode"),
            assault_mode=entry.get("assault_mode"),
            type=entry.get("type"),
            assault_type=entry.get("assault_type"),
        )
        for w in entry.get("words") or []:
            words.append((tuple(str(w).lower().split()), name))
    # inherit family and modes from parents
    for item in items.values():
        cur, seen = item, 0
        while (
            (not item.family or item.aid_mode is None or item.assault_mode is None)
            and cur.parent
            and seen < 20
        ):
            parent = items.get(cur.parent)
            if parent is None:
                break
            item.family = item.family or parent.family
            item.aid_mode = item.aid_mode if item.aid_mode is not None else parent.aid_mode
            item.assault_mode = item.assault_mode if item.assault_mode is not None else parent.assault_mode
            cur, seen = parent, seen + 1
    for item in items.values():
        if item.parent and item.parent not in items:
            raise ValueError(f"items.yaml: parent {item.parent!r} of {item.name!r} is not an item")
    return items, words


@lru_cache(maxsize=8)
def load_lexicon(events_path: str | None = None, items_path: str | None = None) -> Lexicon:
    """Read and index the two data files (cached per path pair)."""
    with open(events_path or EVENTS_PATH, encoding="utf-8") as fh:
        ev: dict[str, Any] = yaml.safe_load(fh) or {}
    with open(items_path or ITEMS_PATH, encoding="utf-8") as fh:
        it: dict[str, Any] = yaml.safe_load(fh) or {}
    sets = {k: list(v) for k, v in (ev.get("form_sets") or {}).items()}
    forms: dict[str, list[Form]] = {}
    for entry in ev.get("triggers") or []:
        for form in _entry_forms(entry, sets):
            forms.setdefault(form.words[0], []).append(form)
    agentive: dict[str, list[Form]] = {}
    for group in list(forms.values()):
        for form in group:
            first = form.words[0]
            if form.cls == "passive" and first.startswith("di") and len(first) > 5:
                bare = Form((first[2:], *form.words[1:]), form.trigger, "passive")
                agentive.setdefault(bare.words[0], []).append(bare)
    for table in (forms, agentive):
        for key in table:
            # longest first; among equal lengths keep the first entry (data order decides)
            table[key].sort(key=lambda f: -len(f.words))
    items, item_pairs = _load_items(it)
    cue_pairs: list[tuple[tuple[str, ...], str]] = []
    for cat, values in (ev.get("status") or {}).items():
        cue_pairs += _phrases(values, cat)
    cue_pairs += _phrases(ev.get("not_cues") or [], "none")
    cue_pairs += _phrases(ev.get("generic") or [], "generic")
    cue_pairs += _phrases(ev.get("suppress") or [], "suppress")
    cue_pairs += _phrases(ev.get("reportive") or [], "reportive")
    cue_pairs += _phrases(ev.get("anonymous") or [], "anonymous")
    merged: dict[tuple[str, ...], list[str]] = {}
    for words, tag in cue_pairs:
        tags = merged.setdefault(words, [])
        if tag not in tags:
            tags.append(tag)
    cue_pairs = [(words, "|".join(tags)) for words, tags in merged.items()]
    # A phrase listed in several categories: keep every category (status + generic for "setiap").
    grammar = {k: {str(x).lower() for x in v} for k, v in (ev.get("grammar") or {}).items()}
    rep = ev.get("reporting") or {}
    return Lexicon(
        forms=forms,
        agentive=agentive,
        items=items,
        item_words=_index(item_pairs),
        cues=_index(cue_pairs),
        light_agent={w.lower() for w in (ev.get("light_verbs") or {}).get("agent", [])},
        light_patient={w.lower() for w in (ev.get("light_verbs") or {}).get("patient", [])},
        agreement_nouns={w.lower() for w in ev.get("agreement_nouns") or []},
        captive_nouns={w.lower() for w in ev.get("captive_nouns") or []},
        deal_nouns={w.lower() for w in ev.get("deal_nouns") or []},
        reporting_before={w.lower() for w in rep.get("before", [])},
        reporting_after={w.lower() for w in rep.get("after", [])},
        anaphora={str(k).lower(): {str(x).lower() for x in v} for k, v in (ev.get("anaphora") or {}).items()},
        anaphor_determiners={w.lower() for w in ev.get("anaphor_determiners") or []},
        grammar=grammar,
        requires_target={str(t) for t in ev.get("requires_target") or []},
        modes_for={str(t) for t in ev.get("modes_for") or []},
        items_for={str(t) for t in ev.get("items_for") or []},
        weapon_families={str(t) for t in ev.get("weapon_families") or []},
        raw=ev,
    )
