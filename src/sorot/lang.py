"""Language identification with lingua, restricted to the configured ISO 639-1 codes.

Why the bias towards Indonesian: Indonesian and Malay are two standard forms of one language; most of
their vocabulary is shared, and on news prose a detector often gives Malay a probability close to
Indonesian's even for plainly Indonesian text. Sorot is built for Indonesian outlets and its whole
pipeline (tokenizer, lexicons, rules) is Indonesian, so calling an Indonesian article "ms" costs far
more than the reverse (Malay is close enough to be analysed by the Indonesian pipeline anyway). We
therefore return "ms" only when lingua is clearly more confident in Malay than in Indonesian
(``MALAY_MARGIN``), and "id" for very short or undecidable text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# How much more confident (probability points) lingua must be in Malay than in Indonesian; short texts
# (a headline, one sentence) share almost all their words between the two and need a wider margin.
MALAY_MARGIN = 0.30
MALAY_MARGIN_SHORT = 0.40
SHORT_CHARS = 200
# Texts shorter than this (letters) are too short to decide; the default language is returned.
MIN_LETTERS = 20
# Detection looks at the start of the text only: a few thousand characters decide the language, and
# long documents would otherwise cost time for nothing.
SAMPLE_CHARS = 1000
DEFAULT = "id"


@lru_cache(maxsize=8)
def _detector(codes: tuple[str, ...]) -> Any:
    """One lingua detector per language set, built once (building loads the models)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = []
    for code in codes:
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is None:
            raise ValueError(f"unknown ISO 639-1 language code {code!r} in settings.languages")
        languages.append(Language.from_iso_code_639_1(iso))
    if len(languages) == 1:
        return None
    return LanguageDetectorBuilder.from_languages(*languages).build()


def _code(language: Any) -> str:
    return str(language.iso_code_639_1.name).lower()


def detect_language(text: str, languages: list[str]) -> str:
    """The ISO 639-1 code of ``text`` among ``languages``; "id" (or the first configured) if undecidable."""
    codes = tuple(dict.fromkeys(c.lower() for c in languages)) or (DEFAULT,)
    default = DEFAULT if DEFAULT in codes else codes[0]
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return default
    detector = _detector(codes)
    if detector is None:
        return codes[0]
    confidences = {_code(v.language): v.value for v in detector.compute_language_confidence_values(sample)}
    if not confidences:
        return default
    best = max(confidences, key=lambda c: confidences[c])
    if confidences[best] <= 0:
        return default
    margin = MALAY_MARGIN_SHORT if len(sample) < SHORT_CHARS else MALAY_MARGIN
    if best == "ms" and "id" in confidences and confidences["ms"] - confidences["id"] < margin:
        return "id"
    return best
