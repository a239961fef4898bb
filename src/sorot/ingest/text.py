"""Plain-text articles: the first line is the headline, the rest is the body.

A first line that is boilerplate (a photo credit such as "Sumber foto: google", a share label, a date
line) is not the headline: the headline is the first line the cleaning rules would keep. Datelines
("JAKARTA -", "Cianjur –") are part of the body and stay in the text.
"""

from __future__ import annotations

from pathlib import Path

from sorot.clean import MAX_HEADLINE_CHARS, collapse, load_rules, match_line, split_paragraphs
from sorot.ingest.decode import normalise_text
from sorot.records import RawDoc


def find_headline(text: str) -> str | None:
    """The headline of a plain-text article: its first paragraph that is not boilerplate.

    None when that paragraph looks like body text instead (very long, or opening with a dateline),
    so a text pasted without a headline does not lose its first paragraph to the title.
    """
    for index, paragraph in enumerate(split_paragraphs(text)):
        if match_line(paragraph, index) is not None:
            continue
        line = collapse(paragraph)
        if len(line) > MAX_HEADLINE_CHARS or load_rules().dateline.match(line):
            return None
        return line
    return None


def parse_text(text: str, path: str | None) -> RawDoc:
    """One plain-text article as a :class:`RawDoc` (headline from the first real line, id = file stem)."""
    text = normalise_text(text)
    doc_id = Path(path).stem if path else None
    title = find_headline(text)
    return RawDoc(text=text, kind="txt", id=doc_id, title=title, path=path, title_in_text=title is not None)
