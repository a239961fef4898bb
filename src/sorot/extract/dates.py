"""Time: publication dates, time expressions in the body, and the date of an event.

A claim without a date cannot be placed in a story, so every time expression an article uses is found
and resolved into a calendar value of the precision the text supports (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``). Relative forms ("Selasa (30/8)", "pekan lalu", "Maret lalu") are resolved against the
publication date; without one they stay unresolved rather than guessed.

The knowledge (month and weekday names, relative phrases and their offsets, clause barriers, date-line
labels) lives in ``data/dates.yaml``; this module is the logic:

- :func:`publication_date` -- metadata first (validated), else a date line at the top of the text;
- :func:`find_timexes` -- every time expression of a text, resolved;
- the spaCy component ``sorot_dates`` -- sets ``doc._.timexes``;
- :func:`date_for_span` / :func:`dates_for_span` / :func:`timex_for_span` -- the date of an event
  span; other components ask through ``doc._.timexes_at`` (declared in ``sorot.nlp.extensions``);
  :func:`story_date` -- the news peg of the lead (dates inside quotations are the speaker's, not its).

Anchored expressions ("sehari setelah ...", "beberapa jam sebelum ...", "dua hari kemudian") count from
another happening: from the clause on the other side of the conjunction, or from the latest earlier
date of the paragraph (see ``anchored`` in the YAML).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Token

from sorot.nlp.extensions import TimeExpr, register_extensions
from sorot.records import CleanDoc, RawDoc

DATA_PATH = Path(__file__).resolve().parents[1] / "data" / "dates.yaml"

Date = dt.date
Resolved = tuple[str | None, str | None, str, bool]  # value, precision, kind, is_range


# ---------------------------------------------------------------------------------------------------
# Rules: the YAML turned into lookup tables and compiled patterns
# ---------------------------------------------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first, with any run of spaces in a phrase matching any whitespace."""
    uniq = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in uniq)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


_B = r"(?<![\w-])"  # start of a word
_E = r"(?![\w])"  # end of a word


@dataclass
class Rules:
    """The compiled content of ``dates.yaml``."""

    raw: dict[str, Any]
    month_of: dict[str, int]
    abbrevs: set[str]
    weekday_of: dict[str, int]
    relative_after: dict[str, int]
    unit_of: dict[str, str]
    day_phrases: dict[str, int]
    period_phrases: dict[str, tuple[str, int]]
    numbers: dict[str, int]
    ago: set[str]
    ahead: set[str]
    future_re: re.Pattern[str]
    barrier_re: re.Pattern[str]
    cue_re: re.Pattern[str]
    inner_barrier_re: re.Pattern[str]
    date_prepositions: set[str]
    anaphor_re: re.Pattern[str]
    coordinator_re: re.Pattern[str]
    hard_barriers: list[str]
    patterns: list[tuple[str, re.Pattern[str]]]
    year_min: int
    year_max: int
    tolerance: int
    weekday_year_ahead: int
    anchor_signs: dict[str, int]
    anchor_units: dict[str, tuple[str, int]]
    anchor_phrases: dict[str, int]
    story_anaphor_re: re.Pattern[str]
    topic_re: re.Pattern[str]
    shared_subject_re: re.Pattern[str]
    anchor_conj_re: re.Pattern[str]

    @property
    def pub(self) -> dict[str, Any]:
        return self.raw.get("publication", {})


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> Rules:
    """Read and compile ``dates.yaml`` (cached: the patterns are compiled once per process)."""
    data = yaml.safe_load(Path(path or DATA_PATH).read_text(encoding="utf-8"))
    month_of = {_norm(n): int(m) for m, names in data["months"].items() for n in names}
    abbrevs = {_norm(a) for a in data.get("month_abbreviations", [])}
    weekday_of = {_norm(n): int(w) for w, names in data["weekdays"].items() for n in names}
    relative_after = {_norm(k): int(v) for k, v in data["relative_after"].items()}
    unit_of = {_norm(w): unit for unit, words in data["periods"].items() for w in words}
    day_phrases = {_norm(k): int(v) for k, v in data["day_phrases"].items()}
    period_phrases = {_norm(k): (str(v[0]), int(v[1])) for k, v in data["period_phrases"].items()}
    numbers = {_norm(k): int(v) for k, v in data["numbers"].items()}
    ago = {_norm(w) for w in data["ago_words"]}
    ahead = {_norm(w) for w in data["ahead_words"]}

    months_all = _alt(month_of)
    months_full = _alt(n for n in month_of if n not in abbrevs)
    wd = _alt(weekday_of)
    rel = _alt(relative_after)
    tod = _alt(data["times_of_day"])
    mod = _alt(data["period_modifiers"])
    units_rel = _alt(w for w, u in unit_of.items() if u in ("week", "month", "year"))
    units_num = _alt(
        list(unit_of)
        + [w + "s" for w in unit_of if w.isascii() and w.endswith(("day", "week", "month", "year"))]
    )
    se = re.escape(data.get("one_prefix", "se"))
    nums = _alt(list(numbers) + ["beberapa", "sejumlah"])
    direction = _alt(ago | ahead)
    se_units = _alt(data.get("one_prefix_units", ["hari", "pekan", "minggu", "bulan", "tahun"]))
    day = (
        r"(?:(?P<ant>antara)\s+)?(?P<d>[0-3]?\d)"
        r"(?:\s*(?P<rsep>[-–]|hingga|sampai|s\.?\s?d\.?|dan)\s*(?P<d2>[0-3]?\d))?"
    )
    tanggal = r"(?:(?:tanggal|tgl\.?)\s+)?"
    wd_lead = rf"(?:(?P<w>{wd})\s*,?\s+)?"
    year_before = _alt(data["year_before"])
    count_nouns = _alt(data["count_nouns"])
    month_before = _alt(data["month_alone_before"])
    year_parts = _alt(data["year_parts"])
    not_quantity = rf"(?!\s*(?:{count_nouns}){_E})(?![.,]\d)(?!-an{_E})"  # nor a decade ("1990-an")
    anch = data.get("anchored", {})
    anchor_signs = {
        _norm(k): int(v) for key in ("conjunctions", "adverbs") for k, v in anch.get(key, {}).items()
    }
    anchor_units = {_norm(k): (str(v[0]), int(v[1])) for k, v in anch.get("units", {}).items()}
    anchor_phrases = {_norm(k): int(v) for k, v in anch.get("phrases", {}).items()}

    specs: list[tuple[str, str]] = [
        ("full", rf"{_B}{wd_lead}{tanggal}{day}\s+(?P<m>{months_all})\.?,?\s+(?P<y>\d{{4}}){_E}"),
        ("mdy", rf"{_B}(?P<m>{months_all})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,\s*(?P<y>\d{{4}}){_E}"),
        (
            "num",
            rf"{_B}{wd_lead}(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<mo>[01]?\d)(?P=sep)(?P<y>\d{{4}})(?![\w/.-]\d)",
        ),
        ("iso", rf"{_B}(?P<y>\d{{4}})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
        (
            "paren",
            rf"(?:{_B}(?:(?P<hari>hari)\s+)?(?P<w>{wd})(?:\s+(?P<tod>{tod}))?\s*,?\s*)?"
            rf"\(\s*(?P<d>[0-3]?\d)\s*/\s*(?P<mo>[01]?\d)(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)"
            rf"(?:\s+(?P<tod2>{tod}){_E})?",
        ),
        (
            "dm",
            rf"{_B}{wd_lead}{tanggal}{day}\s+(?P<m>{months_all})\.?"
            rf"(?:\s+(?:tahun\s+(?P<yrel>{rel})|(?P<rel>{rel})))?{_E}",
        ),
        ("my", rf"{_B}(?:(?P<mod>{mod})\s+)?(?:bulan\s+)?(?P<m>{months_all})\.?\s+(?P<y>\d{{4}}){_E}"),
        (
            "mrel",
            rf"{_B}(?:(?P<mod>{mod})\s+)?(?:(?P<bulan>bulan)\s+)?(?P<m>{months_full})\s+"
            rf"(?:tahun\s+(?P<yrel>{rel})|(?P<rel>{rel})){_E}",
        ),
        (
            "malone",
            rf"{_B}(?P<pre>{month_before})\s+(?P<core>(?:(?P<bulan>bulan)\s+)?(?P<m>{months_full})){_E}(?!\s*\d)",
        ),
        (
            "weekday",
            rf"{_B}(?:(?P<hari>hari)\s+)?(?P<w>{wd})(?:\s+(?P<tod>{tod}))?"
            rf"(?:\s+(?P<wk>{_alt(w for w, u in unit_of.items() if u == 'week')})\s+(?P<wkrel>{rel})"
            rf"|\s+(?P<rel>{rel}))?(?:\s+(?P<tod2>{tod}))?{_E}",
        ),
        ("periodphrase", rf"{_B}(?P<ph>{_alt(period_phrases)}){_E}"),
        ("period", rf"{_B}(?:(?P<mod>{mod})\s+)?(?P<unit>{units_rel})\s+(?P<rel>{rel}){_E}"),
        ("offset", rf"{_B}(?P<n>\d{{1,3}}|{nums})\s+(?P<unit>{units_num})\s+(?P<dir>{direction}){_E}"),
        ("seoffset", rf"{_B}{se}(?P<unit>{se_units})\s+(?P<dir>{direction}){_E}"),
        ("dayphrase", rf"{_B}(?P<ph>{_alt(day_phrases)}){_E}"),
        ("vague", rf"{_B}(?P<ph>{_alt(data['vague'])}){_E}"),
        # the conjunction stays outside the expression: it still opens the clause the count is about
        (
            "anchored",
            rf"{_B}(?P<core>(?:(?P<n>\d{{1,3}}|{nums})\s+|{se})(?P<unit>{_alt(anchor_units)}))\s+"
            rf"(?P<conj>{_alt(anch.get('conjunctions', {}))}){_E}",
        ),
        (
            "anchoredadv",
            rf"{_B}(?:(?P<n>\d{{1,3}}|{nums})\s+|{se})(?P<unit>{_alt(anchor_units)})\s+"
            rf"(?P<adv>{_alt(anch.get('adverbs', {}))}){_E}",
        ),
        ("anchoredphrase", rf"{_B}(?P<ph>{_alt(anchor_phrases)}){_E}"),
        (
            "yeart",
            rf"{_B}(?:(?P<mod>{mod})\s+)?tahun\s+(?P<y>\d{{4}})"
            rf"(?:\s*(?:[-–/]|hingga|sampai)\s*(?P<y2>\d{{4}}))?{_E}{not_quantity}",
        ),
        (
            "yearp",
            rf"{_B}(?P<pre>{year_before})\s+(?P<core>(?P<y>\d{{4}})(?:\s*[-–]\s*(?P<y2>\d{{4}}))?){_E}{not_quantity}",
        ),
        (
            "yearpart",
            rf"{_B}(?P<part>{year_parts})\s+(?:ke-?)?(?:[IVX]+|\d|pertama|kedua|ketiga|keempat)\s+"
            rf"(?:tahun\s+)?(?P<y>\d{{4}}){_E}",
        ),
    ]
    patterns = [(name, re.compile(rx, re.IGNORECASE)) for name, rx in specs]
    barrier_re = re.compile(rf"{_B}(?:{_alt(data['barriers'])}){_E}", re.IGNORECASE)
    cue_re = re.compile(rf"{_B}(?:{_alt(data.get('reporting_cues', ['kata']))}){_E}", re.IGNORECASE)
    anaphor_re = re.compile(rf"{_B}(?:{_alt(data.get('anaphors', ['itu', 'tersebut']))}){_E}", re.IGNORECASE)
    coordinator_re = re.compile(rf"{_B}(?:{_alt(data.get('coordinators', ['dan']))}){_E}", re.IGNORECASE)
    future_re = re.compile(rf"{_B}(?:{_alt(data['future_cues'])}){_E}", re.IGNORECASE)
    lo, hi = data.get("year_range", [1900, 2100])
    return Rules(
        raw=data,
        month_of=month_of,
        abbrevs=abbrevs,
        weekday_of=weekday_of,
        relative_after=relative_after,
        unit_of=unit_of,
        day_phrases=day_phrases,
        period_phrases=period_phrases,
        numbers=numbers,
        ago=ago,
        ahead=ahead,
        future_re=future_re,
        barrier_re=barrier_re,
        cue_re=cue_re,
        anaphor_re=anaphor_re,
        inner_barrier_re=re.compile(
            rf"{_B}(?:{_alt(data.get('inner_barriers', ['agar']))}){_E}", re.IGNORECASE
        ),
        date_prepositions={_norm(w) for w in data.get("date_prepositions", [])},
        coordinator_re=coordinator_re,
        hard_barriers=list(data.get("hard_barriers", [])),
        patterns=patterns,
        year_min=int(lo),
        year_max=int(hi),
        tolerance=int(data.get("tolerance_days", 2)),
        weekday_year_ahead=int(data.get("weekday_agreement_ahead_days", 14)),
        anchor_signs=anchor_signs,
        anchor_units=anchor_units,
        anchor_phrases=anchor_phrases,
        shared_subject_re=re.compile(
            rf"\s+(?:{_alt(data.get('shared_subject_starts', ['akan']))}){_E}", re.IGNORECASE
        ),
        topic_re=re.compile(rf"{_B}(?:{_alt(data.get('topic_barriers', ['membahas']))}){_E}", re.IGNORECASE),
        anchor_conj_re=re.compile(rf"\s*(?:{_alt(anch.get('conjunctions', {}))}){_E}", re.IGNORECASE),
        story_anaphor_re=re.compile(
            rf"{_B}(?:{_alt(anch.get('story_anaphors', ['itu', 'tersebut']))}){_E}", re.IGNORECASE
        ),
    )


# ---------------------------------------------------------------------------------------------------
# Calendar helpers
# ---------------------------------------------------------------------------------------------------


def _ymd(d: Date) -> str:
    return d.isoformat()


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _safe_date(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def _monday(d: Date) -> Date:
    return d - dt.timedelta(days=d.weekday())


def _week_value(pub: Date, offset: int) -> str:
    """A week has no contract precision: give the month of its Thursday (the ISO-week rule)."""
    thursday = _monday(pub) + dt.timedelta(days=7 * offset + 3)
    return _ym(thursday.year, thursday.month)


def parse_iso(value: str | None) -> Date | None:
    """``YYYY-MM-DD`` (optionally followed by a time) as a date, or None."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


# ---------------------------------------------------------------------------------------------------
# Finding and resolving time expressions
# ---------------------------------------------------------------------------------------------------


@dataclass
class _Ctx:
    """What a resolver may look at: the publication date and whether the clause points to the future."""

    pub: Date | None
    future: bool
    rules: Rules


def _year4(y: str) -> int:
    n = int(y)
    return 2000 + n if len(y) == 2 else n


def _pick_year(month: int, day: int | None, ctx: _Ctx, weekday: int | None = None) -> Date | None:
    """The year of a year-less date: the most recent one not after publication (plus a small tolerance),
    or, in a clause about the future, the first one not before it. A weekday given beside the date
    ("Selasa (30/8)") picks the year it agrees with, when one of the nearby years does."""
    pub = ctx.pub
    if pub is None:
        return None
    cands = [c for y in (pub.year - 1, pub.year, pub.year + 1) if (c := _safe_date(y, month, day or 1))]
    if weekday is not None and day is not None:
        ahead = dt.timedelta(days=ctx.rules.weekday_year_ahead)
        agreeing = [
            c
            for c in cands
            if c.weekday() == weekday
            and (c >= pub - dt.timedelta(days=ctx.rules.tolerance) if ctx.future else c <= pub + ahead)
        ]
        if agreeing:  # the weekday settles the year, even a little ahead of publication
            return min(agreeing, key=lambda c: abs((c - pub).days))
    tol = dt.timedelta(days=ctx.rules.tolerance)
    if ctx.future:
        later = [c for c in cands if c >= pub - tol]
        return min(later) if later else None
    earlier = [c for c in cands if c <= pub + tol]
    return max(earlier) if earlier else None


def _resolve(name: str, m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    """Turn one pattern match into (value, precision, kind, is_range); None rejects the match."""
    r = ctx.rules
    g = m.groupdict()
    pub = ctx.pub
    low = {k: (v.lower() if isinstance(v, str) else v) for k, v in g.items()}
    w = r.weekday_of.get(_norm(g["w"])) if g.get("w") else None
    d: Date | None

    if g.get("d2") and (int(g["d2"]) <= int(g["d"]) or (_norm(g["rsep"]) == "dan" and not g.get("ant"))):
        return None  # "2 dan 3 Januari" are two dates, not a range; the shorter match takes over
    if name in ("full", "mdy", "num", "iso"):
        month = r.month_of[_norm(g["m"].rstrip("."))] if g.get("m") else int(g["mo"])
        d = _safe_date(int(g["y"]), month, int(g["d"]))
        if d is None or not (r.year_min <= d.year <= r.year_max):
            return None
        if g.get("d2"):  # a range of days gives the precision both ends share: the month
            return _ym(d.year, d.month), "month", "date", True
        return _ymd(d), "day", "date", False

    if name == "paren":
        if g.get("w") and not g.get("hari") and not g["w"][0].isupper() and not g.get("tod"):
            return None
        month, day = int(g["mo"]), int(g["d"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        if g.get("y"):
            d = _safe_date(_year4(g["y"]), month, day)
            return (_ymd(d), "day", "date", False) if d else None
        d = _pick_year(month, day, _Ctx(pub, ctx.future, r), w)
        return (_ymd(d) if d else None), "day", "date", False

    if name == "dm":
        month = r.month_of[_norm(g["m"].rstrip("."))]
        day = int(g["d"])
        if _safe_date(2024, month, day) is None:  # 2024: a leap year, so 29 Februari passes
            return None
        if _norm(g["m"].rstrip(".")) in r.abbrevs and not g["m"][0].isupper():
            return None
        if pub is None:
            return None, ("month" if g.get("d2") else "day"), "date", bool(g.get("d2"))
        if g.get("yrel"):
            d = _safe_date(pub.year + r.relative_after[_norm(g["yrel"])], month, day)
        elif g.get("rel"):
            off = r.relative_after[_norm(g["rel"])]
            d = _pick_year(month, day, _Ctx(pub, off > 0, r))
            if off == 0:
                d = _safe_date(pub.year, month, day)
        else:
            d = _pick_year(month, day, ctx, w)
        if g.get("d2"):
            return (_ym(d.year, d.month) if d else None), "month", "date", True
        return (_ymd(d) if d else None), "day", "date", False

    if name == "my":
        if _norm(g["m"].rstrip(".")) in r.abbrevs and not g["m"][0].isupper():
            return None
        y = int(g["y"])
        if not (r.year_min <= y <= r.year_max):
            return None
        return _ym(y, r.month_of[_norm(g["m"].rstrip("."))]), "month", "date", False

    if name in ("mrel", "malone"):
        if not g.get("bulan") and not g["m"][0].isupper():
            return None
        month = r.month_of[_norm(g["m"])]
        if pub is None:
            return None, "month", "relative", False
        if g.get("yrel"):
            return _ym(pub.year + r.relative_after[_norm(g["yrel"])], month), "month", "relative", False
        off = r.relative_after[_norm(g["rel"])] if g.get("rel") else (1 if ctx.future else -1)
        if off == 0:
            y = pub.year
        elif off < 0:
            strictly = bool(g.get("rel"))  # "Maret lalu" is before this month; bare "pada Juni" may be it
            y = pub.year if (month < pub.month or (month == pub.month and not strictly)) else pub.year - 1
        else:
            y = pub.year if (month > pub.month or (month == pub.month and not g.get("rel"))) else pub.year + 1
        return _ym(y, month), "month", "relative", False

    if name == "weekday":
        word = _norm(g["w"])
        ambiguous = word in {_norm(x) for x in r.raw.get("ambiguous_week_weekday", [])}
        has_context = bool(g.get("hari") or g.get("tod") or g.get("tod2") or g.get("wk"))
        if not has_context and not g["w"][0].isupper():
            return None  # "minggu ini" is a week, a lower-case bare weekday is not a date
        if ambiguous and not has_context and g.get("rel"):
            return None  # "Minggu kemarin" = last week: left to the period pattern
        if pub is None or w is None:
            return None, "day", "weekday", False
        if g.get("wk"):
            off = r.relative_after[_norm(g["wkrel"])]
            d = _monday(pub) + dt.timedelta(days=7 * off + w)
        elif g.get("rel"):
            off = r.relative_after[_norm(g["rel"])]
            delta = (pub.weekday() - w) % 7
            if off < 0:
                d = pub - dt.timedelta(days=delta or 7)
            elif off == 0:
                d = _monday(pub) + dt.timedelta(days=w)
            else:
                d = pub + dt.timedelta(days=((w - pub.weekday()) % 7) or 7)
        elif ctx.future:
            d = pub + dt.timedelta(days=(w - pub.weekday()) % 7)
        else:
            d = pub - dt.timedelta(days=(pub.weekday() - w) % 7)
        return _ymd(d), "day", "weekday", False

    if name == "period":
        unit = r.unit_of[_norm(g["unit"])]
        off = r.relative_after[_norm(g["rel"])]
        return _period(unit, off, pub, "relative")

    if name in ("offset", "seoffset"):
        unit_word = _norm(g["unit"])
        found_unit = r.unit_of.get(unit_word) or r.unit_of.get(unit_word[:-1])
        if found_unit is None:
            return None
        unit = found_unit
        if name == "seoffset":
            n = 1
        elif low["n"].isdigit():
            n = int(low["n"])
        elif _norm(low["n"]) in r.numbers:
            n = r.numbers[_norm(low["n"])]
        else:
            return None, None, "vague", False  # "beberapa hari lalu"
        sign = -1 if _norm(g["dir"]) in r.ago else 1
        if pub is None:
            return None, None, "relative", False
        if unit == "day":
            return _ymd(pub + dt.timedelta(days=sign * n)), "day", "relative", False
        if unit == "week":
            d = pub + dt.timedelta(days=7 * sign * n)
            return _ym(d.year, d.month), "month", "relative", False
        return _period(unit, sign * n, pub, "relative")

    if name == "dayphrase":
        if pub is None:
            return None, "day", "relative", False
        return _ymd(pub + dt.timedelta(days=r.day_phrases[_norm(g["ph"])])), "day", "relative", False

    if name == "periodphrase":
        unit, off = r.period_phrases[_norm(g["ph"])]
        return _period(unit, off, pub, "relative")

    if name == "vague":
        return None, None, "vague", False

    if name in ("anchored", "anchoredadv", "anchoredphrase"):
        if _anchor_of(name, m, r) is None:
            return None, None, "vague", False  # "beberapa hari setelah ...": its own, unknown, time
        return None, None, "anchored", False

    if name in ("yeart", "yearp", "yearpart"):
        y = int(g["y"])
        if not (r.year_min <= y <= r.year_max):
            return None
        return str(y), "year", "year", bool(g.get("y2"))
    return None


def _anchor_of(name: str, m: re.Match[str], r: Rules) -> tuple[str, int, int] | None:
    """What an anchored expression counts from and how far: (anchor, days, months). The anchor is
    "clause" for "N <unit> setelah/sebelum <clause>", "previous" for "N <unit> kemudian" and the fixed
    phrases ("keesokan harinya"). None when the distance is unknown ("beberapa hari setelah")."""
    g = m.groupdict()
    if name == "anchoredphrase":
        return "previous", r.anchor_phrases[_norm(g["ph"])], 0
    unit, size = r.anchor_units[_norm(g["unit"])]
    word = _norm(g.get("n") or "")
    if not word:
        n = 1  # "sehari", "sepekan"
    elif word.isdigit():
        n = int(word)
    elif word in r.numbers:
        n = r.numbers[word]
    elif unit in ("hour", "minute"):
        n = 0  # "beberapa jam sebelum ...": the same day
    else:
        return None
    sign = r.anchor_signs[_norm(g.get("conj") or g.get("adv") or "")]
    anchor = "clause" if g.get("conj") else "previous"
    if unit == "month":
        return anchor, 0, sign * n * size
    if unit == "hour":
        return anchor, sign * (n * size // 24), 0
    if unit == "minute":
        return anchor, 0, 0
    return anchor, sign * n * size, 0


def _shift(t: TimeExpr, anchor_value: str | None, anchor_precision: str | None) -> TimeExpr | None:
    """An anchored expression resolved from its anchor's value; None when the anchor cannot carry it
    (a count of days from a month-precise date)."""
    if not anchor_value:
        return None
    if t.offset_months:
        y, mo = int(anchor_value[:4]), int(anchor_value[5:7]) if len(anchor_value) >= 7 else 0
        if not mo:
            return None
        y, mo = _add_months(y, mo, t.offset_months)
        return replace(t, value=_ym(y, mo), precision="month")
    if anchor_precision != "day":
        return None
    d = parse_iso(anchor_value)
    if d is None:
        return None
    return replace(t, value=_ymd(d + dt.timedelta(days=t.offset_days)), precision="day")


def _paragraph_start(text: str, pos: int) -> int:
    """Start of the paragraph (line) holding ``pos``."""
    return text.rfind("\n", 0, pos) + 1


def _previous_paragraph_start(text: str, here: int) -> int:
    """Start of the non-blank paragraph before the one starting at ``here``."""
    end = len(text[:here].rstrip())
    return text.rfind("\n", 0, end) + 1 if end else 0


def _resolve_previous(text: str, out: list[TimeExpr]) -> None:
    """Give "dua hari kemudian"-type expressions the value counted from the latest earlier date of the
    same paragraph or the paragraph before it (in text order, so a chain of them resolves)."""
    for i, t in enumerate(out):
        if t.anchor != "previous":
            continue
        here = _paragraph_start(text, t.start)
        before = _previous_paragraph_start(text, here)
        for prev in reversed(out[:i]):
            if prev.start < before:
                break
            if prev.value and prev.kind not in ("vague", "dateline") and prev.anchor != "clause":
                shifted = _shift(t, prev.value, prev.precision)
                if shifted is not None:
                    out[i] = shifted
                break


def _period(unit: str, off: int, pub: Date | None, kind: str) -> Resolved:
    """A week, weekend, month or year ``off`` steps from the publication date."""
    if pub is None:
        return (
            None,
            ("day" if unit == "day" else "month" if unit in ("week", "weekend", "month") else "year"),
            kind,
            False,
        )
    if unit == "day":
        return _ymd(pub + dt.timedelta(days=off)), "day", kind, False
    if unit == "week":
        return _week_value(pub, off), "month", kind, False
    if unit == "weekend":
        saturday = _monday(pub) + dt.timedelta(days=7 * off + 5)
        return _ym(saturday.year, saturday.month), "month", kind, False
    if unit == "month":
        y, m = _add_months(pub.year, pub.month, off)
        return _ym(y, m), "month", kind, False
    return str(pub.year + off), "year", kind, False


_SENT_END = re.compile(r"[.!?\n][\"”’')]*\s")
_QUOTE_CHARS = '"“”'


def _clause_before(text: str, start: int, limit: int = 120) -> str:
    """The stretch of the same clause before ``start``: back to the sentence start, a quotation mark or
    a comma, at most ``limit`` characters (where a future cue such as "akan" is looked for)."""
    lo = max(0, start - limit)
    window = text[lo:start]
    cut = 0
    for m in _SENT_END.finditer(window):
        cut = m.end()
    for ch in _QUOTE_CHARS + ",;":
        pos = window.rfind(ch)
        if pos + 1 > cut:
            cut = pos + 1
    return window[cut:]


def find_timexes(text: str, published: str | None = None, rules: Rules | None = None) -> list[TimeExpr]:
    """Every time expression in ``text``, resolved against ``published`` (``YYYY-MM-DD`` or None).

    Overlapping matches are settled longest first ("Kamis pekan lalu" beats "pekan lalu").
    """
    r = rules or load_rules()
    pub = parse_iso(published)
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for name, rx in r.patterns:
        for m in rx.finditer(text):
            s, e = m.span("core") if "core" in rx.groupindex and m.group("core") else m.span()
            if text[e - 1] == "." and _norm(text[s : e - 1].split()[-1]) not in r.abbrevs:
                e -= 1  # a sentence's full stop, not an abbreviation's ("13 Oktober." vs "14 Jul. 2024")
            found.append((s, e, name, m))
    found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))  # stable: on a tie the earlier pattern wins
    taken: list[tuple[int, int]] = []
    out: list[TimeExpr] = []
    for s, e, name, m in found:
        if any(s < te and e > ts for ts, te in taken):
            continue
        future = bool(r.future_re.search(_clause_before(text, s))) or bool(
            r.future_re.search(text[e : e + 12].split(",")[0])
        )
        res = _resolve(name, m, _Ctx(pub, future, r))
        if res is None:
            continue
        value, precision, kind, is_range = res
        if kind == "date" and _in_dateline(text, s, e):
            kind = "dateline"  # "JAKARTA, 20 Agustus 2024 -": the publication date, never an event's
        taken.append((s, e))
        tx = TimeExpr(
            start=s, end=e, text=text[s:e], value=value, precision=precision, kind=kind, is_range=is_range
        )
        if kind == "anchored":
            anchor = _anchor_of(name, m, r)
            if anchor is not None:
                tx.anchor, tx.offset_days, tx.offset_months = anchor
        out.append(tx)
    out.sort(key=lambda t: t.start)
    _resolve_previous(text, out)
    return out


def _in_dateline(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_DATELINE_RE.fullmatch(text[line_start:start])) and bool(
        re.match(r"\s*(?:\([^)]{1,30}\)\s*)?[-–—]", text[end : end + 40])
    )


def resolve_expression(expr: str, published: str | None = None) -> str | None:
    """The value of the first time expression in a short string (handy in tests and the CLI)."""
    found = find_timexes(expr, published)
    return found[0].value if found else None


# ---------------------------------------------------------------------------------------------------
# Publication date
# ---------------------------------------------------------------------------------------------------

_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\b")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def _valid_pub(d: Date | None, rules: Rules, today: Date | None = None) -> bool:
    if d is None:
        return False
    today = today or Date.today()
    return d.year >= int(rules.pub.get("earliest_year", 1990)) and d <= today + dt.timedelta(days=2)


def parse_metadata_date(value: str | None) -> Date | None:
    """A publication date from metadata: ISO first, then anything dateparser reads with day, month and
    year (RFC 822 feed dates, "14 Jul 2024 09:54 WIB")."""
    if not value or not value.strip():
        return None
    d = parse_iso(value)
    if d:
        return d
    line = date_from_line(value, strict=False)
    if line:
        return parse_iso(line)
    try:
        import dateparser

        parsed = dateparser.parse(
            value,
            languages=["id", "en"],
            settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except Exception:  # dateparser raises on some odd inputs; metadata is then just not usable
        return None
    return parsed.date() if parsed else None


def date_from_line(line: str, *, strict: bool = True) -> str | None:
    """The date of a publication date line ("Tanggal: 14 Jul 2024 09:54 wib.", "Selasa, 9 Januari 2024").

    ``strict`` requires the line to be mostly the date: besides it only a label, times, time zones and a
    few other words (a place, a name) may remain -- a sentence that mentions a date is not a date line.
    """
    r = load_rules()
    p = r.pub
    if strict and len(line.strip()) > int(p.get("max_line_chars", 90)):
        return None
    exprs = [t for t in find_timexes(line, None, r) if t.value and t.precision == "day"]
    if not exprs:
        return None
    t = exprs[0]
    if not strict:
        return t.value
    rest = line[: t.start] + " " + line[t.end :]
    rest = _TIME_RE.sub(" ", rest)
    ignore = {
        _norm(w)
        for w in list(p.get("labels", [])) + list(p.get("update_labels", [])) + list(p.get("filler", []))
    }
    ignore |= set(r.weekday_of)
    words = [w for w in _WORD_RE.findall(rest) if _norm(w) not in ignore]
    if len(words) > int(p.get("max_other_words", 3)):
        return None
    return t.value


def _is_update_line(line: str, rules: Rules) -> bool:
    labels = rules.pub.get("update_labels", [])
    return bool(labels) and re.search(rf"{_B}(?:{_alt(labels)}){_E}", line, re.IGNORECASE) is not None


_DATELINE_RE = re.compile(r"^\s*[A-ZÀ-Ý][\w .'’-]{1,40}?,\s*")


def _dateline_date(paragraph: str) -> str | None:
    """ "JAKARTA, 14 Juli 2024 - ..." : a full date right after the dateline's place, before the dash."""
    m = _DATELINE_RE.match(paragraph)
    if not m:
        return None
    head = paragraph[m.end() : m.end() + 60]
    for t in find_timexes(head):
        if (
            t.start == 0
            and t.value
            and t.precision == "day"
            and re.match(r"\s*(?:\([^)]{1,30}\)\s*)?[-–—]", head[t.end :])
        ):
            return t.value
        break
    return None


def publication_date(raw: RawDoc, clean: CleanDoc, *, today: Date | None = None) -> str | None:
    """The publication date (``YYYY-MM-DD``) of one document, or None.

    Metadata (``raw.published``: HTML meta, JSON field, feed entry, WARC date) wins when it is a real,
    plausible date. Else the text: a removed date line (``clean.date_lines``), a short date line near the
    top of the text, or a date in the dateline ("JAKARTA, 14 Juli 2024 -"). A date inside body prose
    ("melansir Reuters 22 September", "..., Selasa, 9 Januari 2024. ...") is never a publication date.
    """
    rules = load_rules()
    meta = parse_metadata_date(raw.published)
    if _valid_pub(meta, rules, today):
        return _ymd(meta)  # type: ignore[arg-type]
    candidates: list[tuple[bool, str]] = []  # (is an update line, value)
    for line in clean.date_lines:
        value = date_from_line(line, strict=False)
        if value:
            candidates.append((_is_update_line(line, rules), value))
    lines = [ln for ln in clean.text.splitlines() if ln.strip()]
    for line in lines[: int(rules.pub.get("top_lines", 8))]:
        value = date_from_line(line) or _dateline_date(line)
        if value:
            candidates.append((_is_update_line(line, rules), value))
    for is_update in (False, True):
        for upd, value in candidates:
            if upd == is_update and _valid_pub(parse_iso(value), rules, today):
                return value
    return None


# ---------------------------------------------------------------------------------------------------
# The spaCy component
# ---------------------------------------------------------------------------------------------------


class DateTagger:
    """Finds the time expressions of a Doc and resolves them against ``doc._.published``."""

    def __init__(self, nlp: Language, name: str = "sorot_dates", rules_path: str | None = None) -> None:
        register_extensions()
        self.name = name
        self.rules = load_rules(rules_path)

    def __call__(self, doc: Doc) -> Doc:
        timexes = find_timexes(doc.text, doc._.published, self.rules)
        for t in timexes:  # snap to token boundaries where the tokenizer agrees
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and span.text.strip(" .,") == t.text.strip(" .,"):
                t.start, t.end = span.start_char, span.end_char
                t.text = doc.text[t.start : t.end]
        doc._.timexes = timexes
        return doc


@Language.factory("sorot_dates", default_config={"rules_path": None})
def make_date_tagger(nlp: Language, name: str, rules_path: str | None) -> DateTagger:
    """spaCy factory: ``nlp.add_pipe("sorot_dates")``."""
    return DateTagger(nlp, name, rules_path)


# ---------------------------------------------------------------------------------------------------
# The date of an event
# ---------------------------------------------------------------------------------------------------


def _timexes(doc: Doc) -> list[TimeExpr]:
    if doc._.timexes is None:
        doc._.timexes = find_timexes(doc.text, doc._.published)
    return list(doc._.timexes)


_SPLIT_RE = re.compile(r"(?<=[.!?])[\"”’')]*\s+|\n+")


_CACHE_KEY = "sorot.dates.cache"


def _doc_cache(doc: Doc) -> dict[str, Any]:
    """Per-document memo of what every span look-up needs (text, sentence bounds, lead, story date).

    ``Doc.text`` joins every token on each access and the sentence bounds walk the whole parse, while the
    event coder asks for a date once per event: computing them once per document keeps dating an
    article's events cheap. The memo lives in ``doc.user_data`` (plain strings and tuples) and is keyed by
    the token count, so a different document never reads another's values."""
    cache = doc.user_data.get(_CACHE_KEY)
    if not isinstance(cache, dict) or cache.get("n") != len(doc):
        cache = {"n": len(doc), "text": doc.text}
        doc.user_data[_CACHE_KEY] = cache
    return cache


def _doc_text(doc: Doc) -> str:
    return str(_doc_cache(doc)["text"])


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the sentences: the parser's or sentencizer's when present, else a split on
    sentence-final punctuation and line breaks (the blank pipeline). Computed once per document."""
    cache = _doc_cache(doc)
    if "bounds" not in cache:
        cache["bounds"] = [tuple(b) for b in _sentence_bounds(doc, str(cache["text"]))]
    return list(cache["bounds"])


def _sentence_bounds(doc: Doc, text: str) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START"):
        bounds = [(s.start_char, s.end_char) for s in doc.sents]
        # a sentence never runs across a paragraph break
        out: list[tuple[int, int]] = []
        for s, e in bounds:
            pos = s
            for m in re.finditer(r"\n+", text[s:e]):
                out.append((pos, s + m.start()))
                pos = s + m.end()
            out.append((pos, e))
        return [(s, e) for s, e in out if e > s]
    out, pos = [], 0
    for m in _SPLIT_RE.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _sentence_index(bounds: list[tuple[int, int]], pos: int) -> int | None:
    for i, (s, e) in enumerate(bounds):
        if s <= pos < e or (pos == e and i == len(bounds) - 1):
            return i
    for i, (s, _e) in enumerate(bounds):
        if s > pos:
            return max(0, i - 1)
    return len(bounds) - 1 if bounds else None


_PREP_TAIL = re.compile(r"^\s*(?:(?:pada|tanggal|tgl\.?|hari|bulan|tahun)\s+)*$", re.IGNORECASE)


def _own_preposition(word: str, tail: str, rules: Rules) -> bool:
    """Is a barrier word just the date's preposition ("sejak 9 Januari", "setelah Senin (4/3)")?"""
    return _norm(word) in rules.date_prepositions and bool(_PREP_TAIL.match(tail))


_CLAUSE_COMMA = re.compile(r",(?!\d)")  # a comma that closes a clause, not a decimal one ("7,8")


def _barrier_count(
    text: str, rules: Rules, *, speech_act: bool = False, date_follows: bool = True
) -> int | None:
    """Open clause barriers in the text between an event and a date; None when a hard barrier (";")
    separates them. A barrier closed again by a comma ("..., setelah rapat panjang, ...") does not count,
    nor one that is the date's own preposition ("sejak 9 Januari"). Unless the event is a speech act, a
    reporting cue ("..., kata menteri, Selasa (5/3)") counts too: the date is when it was said, not when
    the reported happening took place."""
    if any(h in text for h in rules.hard_barriers):
        return None
    count = 0
    for m in rules.barrier_re.finditer(text):
        if _CLAUSE_COMMA.search(text[m.end() :]):
            continue
        if date_follows and _own_preposition(m.group(), text[m.end() :], rules):
            continue
        count += 1
    if not speech_act:
        count += len(rules.cue_re.findall(text))
    if not date_follows:  # "pada Senin (21/10) untuk membahas <event>": the event is the talk's topic
        count += len(rules.topic_re.findall(text))
    return count


def _subordinate_before(text: str, lo: int, t: TimeExpr, rules: Rules) -> bool:
    """Is the date inside a clause opened before it ("puing rudal yang ditembakkan ... pada Selasa (1/10)
    berasal dari ...")? Then it dates that clause, not what follows the date."""
    before = text[lo : t.start]
    cut = before.rfind(",")
    before = before[cut + 1 :] if cut >= 0 else before
    return any(
        not _own_preposition(m.group(), before[m.end() :], rules) for m in rules.barrier_re.finditer(before)
    )


def _fronted(before: str, rules: Rules) -> bool:
    """Is a date at the front of its sentence ("Pada Senin, ...")? Then it scopes over every conjunct."""
    words = _WORD_RE.findall(before)
    return len(words) <= 1 and not re.search(r"[,;]", before)


_CLAUSE_DEPS = {"acl", "acl:relcl", "relcl", "advcl", "csubj", "parataxis"}


def _governs(doc: Doc, t: TimeExpr, start: int, end: int) -> bool:
    """With a dependency parse: does the date attach to the span's head word, or to a word above it
    without crossing into a relative or adverbial clause? A date hanging from a noun inside the span
    ("pencuri motor Selasa") modifies that noun, not the event."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    ev = doc.char_span(start, end, alignment_mode="expand")
    if span is None or ev is None or len(span) == 0 or len(ev) == 0:
        return False
    head = span.root.head
    if head.i == span.root.i:
        return False
    cur: Token = ev.root
    for _ in range(50):
        if cur.i == head.i:
            return True
        if cur.dep_ in _CLAUSE_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\n+", text):
        if text[pos : m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def lead_range(doc: Doc) -> tuple[int, int] | None:
    """The character range of the lead: the first ``lead_paragraphs`` body paragraphs, skipping the
    headline (first paragraph without final punctuation, or equal to the title) and short lines."""
    cache = _doc_cache(doc)
    title = ((doc._.meta or {}).get("title") or "").strip()
    key = ("lead", title)
    if cache.get("lead_key") != key:
        found = _lead_range(doc, str(cache["text"]), title)
        cache["lead_key"], cache["lead"] = key, (tuple(found) if found else None)
    lead = cache["lead"]
    return (int(lead[0]), int(lead[1])) if lead else None


def _lead_range(doc: Doc, text: str, title: str) -> tuple[int, int] | None:
    rules = load_rules()
    n = int(rules.raw.get("lead_paragraphs", 2))
    body: list[tuple[int, int]] = []
    for i, (s, e) in enumerate(_paragraphs(text)):
        para = text[s:e].strip()
        if i == 0 and (para == title or not para.endswith((".", "!", "?", '"', "”"))):
            continue
        words = len(para.split())
        if words < 6 or date_from_line(para):
            continue
        body.append((s, e))
        if len(body) == n:
            break
    if not body:
        return None
    return body[0][0], body[-1][1]


@lru_cache(maxsize=1)
def _quotation_re() -> re.Pattern[str]:
    """A double-quoted stretch of one paragraph, with the quotation marks of quotes.yaml (one source for
    what counts as a quotation mark)."""
    from sorot.extract.quotes_lexicon import load_lexicon

    lex = load_lexicon()
    either = sorted(m for m in lex.double_either if len(m) == 1)  # these close only what they opened
    opens = "".join(sorted(m for m in lex.double_open if len(m) == 1))
    closes = "".join(sorted(m for m in lex.double_close if len(m) == 1)) + "".join(either)
    alternatives = [rf"[{re.escape(opens)}][^{re.escape(closes)}\n]*[{re.escape(closes)}]"]
    alternatives += [rf"{re.escape(m)}[^{re.escape(m)}\n]*{re.escape(m)}" for m in either]
    return re.compile("|".join(alternatives))


def quote_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the direct quotations ("...", “...”), computed once per document."""
    cache = _doc_cache(doc)
    if "quotes" not in cache:
        cache["quotes"] = [m.span() for m in _quotation_re().finditer(str(cache["text"]))]
    return list(cache["quotes"])


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(lo <= pos < hi for lo, hi in ranges)


def story_date(doc: Doc) -> str | None:
    """The news peg: the latest day-precise date the lead mentions (not after publication), i.e. when
    the reported statement or happening took place. None when the lead has no such date."""
    cache = _doc_cache(doc)
    key = (
        "story",
        doc._.published,
        ((doc._.meta or {}).get("title") or "").strip(),
        len(doc._.timexes or []),
    )
    if cache.get("story_key") != key:
        cache["story_key"], cache["story"] = key, _story_date(doc)
    story = cache["story"]
    return str(story) if story else None


def _story_date(doc: Doc) -> str | None:
    lead = lead_range(doc)
    if lead is None:
        return None
    pub = parse_iso(doc._.published)
    tol = dt.timedelta(days=load_rules().tolerance)
    best: Date | None = None
    quotes = quote_ranges(doc)
    for t in _timexes(doc):
        if _inside(quotes, t.start):
            continue  # "hari ini" in a quote is the speaker's day, not the story's
        if lead[0] <= t.start < lead[1] and t.value and t.precision == "day" and t.kind != "dateline":
            d = parse_iso(t.value)
            if d and (pub is None or d <= pub + tol) and (best is None or d > best):
                best = d
    return _ymd(best) if best else None


def _coordinated(text: str, timexes: list[TimeExpr], first: TimeExpr) -> list[TimeExpr]:
    """``first`` and the dates coordinated with it ("30 Desember 2023 dan 2 Januari 2024")."""
    group = [first]
    ordered = sorted(timexes, key=lambda t: t.start)
    i = ordered.index(first)
    if first.kind == "vague":
        return group
    for nxt in ordered[i + 1 :]:
        sep = text[group[-1].end : nxt.start]
        if nxt.kind == "vague":
            break
        if re.fullmatch(r"\s*,?\s*(?:dan|serta|atau|and|or|&)\s*", sep, re.IGNORECASE) or (
            re.fullmatch(r"\s*,\s*", sep) and nxt.kind == first.kind
        ):
            group.append(nxt)
        else:
            break
    return group


def _next_sentence_date(
    doc: Doc, bounds: list[tuple[int, int]], si: int, timexes: list[TimeExpr], rules: Rules, speech_act: bool
) -> TimeExpr | None:
    """A date from the sentence right after the event's, when that sentence continues it:

    - a fragment broken off by a stray full stop, starting with a preposition and carrying a date right
      away ("... bertemu Putin. Di Vladivostok pada Juni 2024 ...");
    - an elaboration whose subject points back to the event ("Bantuan itu tiba di posko pada Senin (18/3)",
      "Menurut NIS, pasukan itu diberangkatkan antara 8 dan 13 Oktober").

    Only within one paragraph, and only with a date not cut off from the start by a clause barrier.
    """
    if si + 1 >= len(bounds):
        return None
    text = _doc_text(doc)
    s_hi = bounds[si][1]
    n_lo, n_hi = bounds[si + 1]
    if "\n" in text[s_hi:n_lo]:
        return None
    frag = text[n_lo:n_hi]
    dated = [t for t in timexes if n_lo <= t.start < n_hi and t.kind not in ("vague", "dateline") and t.value]
    if not dated:
        return None
    first_word = frag.split(None, 1)[0].lower() if frag.strip() else ""
    starts = [w.lower() for w in rules.raw.get("continuation_starts", [])]
    if first_word in starts:
        limit = n_lo + int(rules.raw.get("continuation_max_offset", 60))
        t = dated[0]
        if t.start < limit and _barrier_count(text[n_lo : t.start], rules, speech_act=speech_act) == 0:
            return t
        return None
    # elaboration: "<noun> itu/tersebut" among the first words (after an opening "Menurut X,")
    head = frag
    lead_in = re.match(
        rf"\s*(?:{_alt(rules.raw.get('attribution_openers', ['menurut']))})\b[^,]{{1,60}},\s*",
        head,
        re.IGNORECASE,
    )
    offset = lead_in.end() if lead_in else 0
    words = list(_WORD_RE.finditer(head[offset:]))[: int(rules.raw.get("anaphor_window_words", 4))]
    anaphor = next((w for w in words if rules.anaphor_re.fullmatch(w.group())), None)
    if anaphor is None or anaphor is words[0]:
        return None
    a_end = n_lo + offset + anaphor.end()
    for t in dated:
        if t.start < a_end:
            continue
        barriers = _barrier_count(text[a_end : t.start], rules, speech_act=speech_act)
        if barriers == 0:
            return t
        break
    return None


def _anchor_regions(text: str, t: TimeExpr, s_lo: int, s_hi: int, rules: Rules) -> tuple[int, int, int, int]:
    """The main clause X and the clause Y of "N <unit> setelah Y" (see :func:`_anchored`)."""
    conj = rules.anchor_conj_re.match(text, t.end)
    y_lo = conj.end() if conj else t.end
    comma = _CLAUSE_COMMA.search(text, y_lo, s_hi)
    y_hi = comma.start() if comma else s_hi
    if _fronted(text[s_lo : t.start], rules):
        return (comma.end(), s_hi, y_lo, y_hi) if comma else (s_hi, s_hi, y_lo, y_hi)
    return s_lo, t.start, y_lo, y_hi


def _anchored(
    doc: Doc, t: TimeExpr, bounds: list[tuple[int, int]], timexes: list[TimeExpr], start_char: int
) -> TimeExpr:
    """Resolve "N <unit> setelah/sebelum" for an event on one side of it: X, the main clause, = Y, the
    clause the conjunction opens, + offset. X stands before the expression ("Pernyataan itu disampaikan
    sehari setelah ...") or, when the expression opens the sentence, after Y's comma ("Sehari setelah
    gempa pada Senin (6/2), tim SAR tiba ..."). An event in X takes Y's date plus the offset, one in Y
    X's date minus it. A side's date is its nearest date in the sentence; a side that names none but
    points back to the story ("Pernyataan itu", "ia") counts from the story's date."""
    rules = load_rules()
    text = _doc_text(doc)
    si = _sentence_index(bounds, t.start)
    if si is None:
        return t
    s_lo, s_hi = bounds[si]
    x_lo, x_hi, y_lo, y_hi = _anchor_regions(text, t, s_lo, s_hi, rules)
    in_x = x_lo <= start_char < x_hi
    usable = [x for x in timexes if x.value and x.anchor is None and x.kind not in ("vague", "dateline")]
    lo, hi = (y_lo, s_hi if x_hi <= t.start else y_hi) if in_x else (x_lo, x_hi)
    side = [x for x in usable if lo <= x.start and x.end <= hi]
    # the nearest date of the other side: Y's first, or X's last when X stands before the expression
    anchor = (side[-1] if x_hi <= t.start else side[0]) if side and not in_x else (side[0] if side else None)
    value, precision = (anchor.value, anchor.precision) if anchor else (None, None)
    if anchor is None and rules.story_anaphor_re.search(text[lo:hi]):
        value, precision = story_date(doc), "day"
    sign = 1 if in_x else -1
    shifted = _shift(
        replace(t, offset_days=sign * t.offset_days, offset_months=sign * t.offset_months), value, precision
    )
    return shifted if shifted is not None else t


def timexes_for_span(
    doc: Doc, start_char: int, end_char: int, *, speech_act: bool = False, lead_fallback: bool | None = None
) -> list[TimeExpr]:
    """The time expressions that date an event span (usually one; several when the span's own dates are
    coordinated). Order of preference:

    1. a date inside the span (with the dates coordinated with it);
    2. a date of the same sentence that governs the span: the nearest one not separated from the span by
       an open clause barrier ("yang", "setelah", "termasuk", "meskipun", ";"; with a parse, one hanging
       from the span's verb or a verb above it comes first) -- and, unless ``speech_act``, not by a reporting
       cue ("..., kata menteri, Selasa (5/3)" dates the saying, not what was said). A vague expression
       ("baru-baru ini") counts: the clause has its own, unknown, time and nothing else is borrowed;
    3. the next sentence when it continues this one (see :func:`_next_sentence_date`);
    4. for a ``speech_act`` (accusing, rejecting, threatening, demanding...) inside the lead: the story
       date (see :func:`story_date`), the date of the statement the story is about.

    Never the publication date by default. ``lead_fallback`` overrides step 4 on its own.
    """
    rules = load_rules()
    text = _doc_text(doc)
    use_lead = speech_act if lead_fallback is None else lead_fallback
    timexes = [t for t in _timexes(doc) if t.kind != "dateline"]
    bounds = sentence_bounds(doc)
    si = _sentence_index(bounds, start_char)
    if si is None:
        return []
    s_lo, s_hi = bounds[si]
    timexes = [_anchored(doc, t, bounds, timexes, start_char) if t.anchor == "clause" else t for t in timexes]
    for t in timexes:  # an event inside the Y clause of "sehari setelah Y, X ..." is dated within Y only
        if t.anchor == "clause" and s_lo <= t.start < s_hi:
            _x_lo, _x_hi, y_lo, y_hi = _anchor_regions(text, t, s_lo, s_hi, rules)
            if y_lo <= start_char < y_hi:
                timexes = [
                    x for x in timexes if x is t or not (s_lo <= x.start < s_hi) or y_lo <= x.start < y_hi
                ]
                break
    inside = [t for t in timexes if t.start < end_char and t.end > start_char]
    # a date inside the span but within a clause of its own ("meminta agar laga ... tahun depan") is not its
    own = [
        t for t in inside if not rules.inner_barrier_re.search(text[start_char : max(start_char, t.start)])
    ]
    if own:
        return _coordinated(text, timexes, own[0])
    same = [t for t in timexes if s_lo <= t.start and t.end <= max(s_hi, end_char) and t not in inside]
    parsed = doc.has_annotation("DEP")
    scored: list[tuple[int, int, int, TimeExpr]] = []
    for t in same:
        before = t.start < start_char
        gap = text[t.end : start_char] if before else text[end_char : t.start]
        if before and t.anchor == "clause":  # "sehari | setelah ...": the count's own conjunction
            own_conj = rules.anchor_conj_re.match(gap)
            gap = gap[own_conj.end() :] if own_conj else gap
        governs = parsed and _governs(doc, t, start_char, end_char)
        barriers = _barrier_count(gap, rules, speech_act=speech_act, date_follows=not before)
        if barriers == 0 and not before and rules.inner_barrier_re.search(text[start_char:end_char]):
            barriers = (
                1  # the span ends inside a purpose clause ("meminta agar laga ...") the date belongs to
            )
        if barriers == 0 and before:
            if _subordinate_before(text, s_lo, t, rules):
                barriers = 1
            elif not _fronted(text[s_lo : t.start], rules):
                # "X pada September 2023 dan Y ...": a date inside one conjunct does not carry to the next
                barriers = sum(
                    not rules.shared_subject_re.match(gap, m.end())
                    for m in rules.coordinator_re.finditer(gap)
                )
        if barriers == 0:  # the parse only breaks ties: a shaky parse must not undo a clause barrier
            # a date of the event's own side beats a count from the other side ("tiga hari sebelum audit
            # dimulai pada Kamis (14/3)": the audit is Kamis)
            scored.append((0 if governs else 1, int(t.anchor == "clause"), len(gap), t))
    if scored:
        scored.sort(key=lambda x: (x[0], x[1], x[2]))
        return _coordinated(text, timexes, scored[0][3])
    if not any(t.kind == "vague" for t in same):
        nxt = _next_sentence_date(doc, bounds, si, timexes, rules, speech_act)
        if nxt is not None:
            return _coordinated(text, timexes, nxt)
    if use_lead and (speech_act or not _inside(quote_ranges(doc), start_char)):
        # a happening told inside a quotation is timed by the speaker, not by the story's peg
        lead = lead_range(doc)
        if lead and lead[0] <= start_char < lead[1]:
            peg = story_date(doc)
            if peg:
                return [TimeExpr(start=-1, end=-1, text="", value=peg, precision="day", kind="story")]
    return []


def timex_for_span(
    doc: Doc, start_char: int, end_char: int, *, speech_act: bool = False, lead_fallback: bool | None = None
) -> TimeExpr | None:
    """The one time expression that dates an event span (first of :func:`timexes_for_span`)."""
    found = timexes_for_span(doc, start_char, end_char, speech_act=speech_act, lead_fallback=lead_fallback)
    return found[0] if found else None


def date_for_span(
    doc: Doc, start_char: int, end_char: int, *, speech_act: bool = False, lead_fallback: bool | None = None
) -> str | None:
    """The date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) of the event whose trigger or evidence phrase
    spans ``[start_char, end_char)``, or None. Pass the tightest span you have (trigger and arguments),
    not the whole sentence: the span decides between two dates of one sentence. Set ``speech_act`` for
    events that are statements (ACCUSE, REJECT, THREATEN, REQUEST, ...): they take the date of the saying."""
    t = timex_for_span(doc, start_char, end_char, speech_act=speech_act, lead_fallback=lead_fallback)
    return t.value if t else None


def dates_for_span(
    doc: Doc, start_char: int, end_char: int, *, speech_act: bool = False, lead_fallback: bool | None = None
) -> list[str | None]:
    """All dates of an event span: one per coordinated date ("pada 30 Desember 2023 dan 2 Januari 2024"
    gives two), so the event coder can emit one event per date. Empty when undated."""
    found = timexes_for_span(doc, start_char, end_char, speech_act=speech_act, lead_fallback=lead_fallback)
    return [t.value for t in found]


__all__ = [
    "DateTagger",
    "date_for_span",
    "date_from_line",
    "dates_for_span",
    "find_timexes",
    "lead_range",
    "load_rules",
    "parse_metadata_date",
    "publication_date",
    "resolve_expression",
    "sentence_bounds",
    "story_date",
    "timex_for_span",
    "timexes_for_span",
]
