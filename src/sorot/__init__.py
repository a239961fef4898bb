"""Sorot: trace every claim in the news back to who made it, who backs it and who denies it.

Python API::

    import sorot
    doc = sorot.analyze("Korea Utara Bantah ...\n\nJAKARTA - ...")   # text
    doc = sorot.analyze("examples/corpus/sorot_demo_01.txt")          # or a path
    print(doc.events)
"""

from __future__ import annotations

from pathlib import Path

from sorot.contract import Claim, Document, ErrorRecord

__version__ = "0.1.0"
__all__ = ["Claim", "Document", "ErrorRecord", "analyze", "get_analyzer"]

_ANALYZER = None


def get_analyzer():  # type: ignore[no-untyped-def]
    """The process-wide analyzer (the pipeline is loaded once and reused)."""
    global _ANALYZER
    if _ANALYZER is None:
        from sorot.runner import Analyzer

        _ANALYZER = Analyzer()
    return _ANALYZER


def analyze(text_or_path: str | Path) -> Document:
    """Analyse one article: a path to a file holding one article, or the article text itself."""
    analyzer = get_analyzer()
    candidate = Path(text_or_path) if isinstance(text_or_path, Path) or "\n" not in text_or_path else None
    if candidate is not None and _is_file(candidate):
        results = list(analyzer.analyze_paths([str(candidate)]))
        docs = [r for r in results if isinstance(r, Document)]
        if not docs:
            reason = results[0].reason if results else "nothing could be read"
            raise ValueError(f"{candidate}: {reason}")
        return docs[0]
    return analyzer.analyze_text(str(text_or_path))


def _is_file(path: Path) -> bool:
    """Whether ``path`` names an existing file; a one-line article is not a path, however long it is
    (the OS refuses names over 255 bytes with an error instead of saying no)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False
