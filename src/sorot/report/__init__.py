"""HTML report of a run.

This is the first-stage report: a plain, honest summary of what was analysed (documents, entities,
quotes, events, failures). The full story report (claims, verdicts, timeline, network) comes with the
report issue; the page says so instead of pretending.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from sorot.contract import Document, ErrorRecord


def render_report(documents: Sequence[Document], errors: Sequence[ErrorRecord]) -> str:
    """Render the report page (all text escaped: article text is untrusted input)."""
    env = Environment(
        loader=PackageLoader("sorot", "report/templates"), autoescape=select_autoescape(["html", "j2"])
    )
    template = env.get_template("report.html.j2")
    return template.render(documents=documents, errors=errors)


def write_report(documents: Sequence[Document], errors: Sequence[ErrorRecord], path: Path) -> None:
    """Write the report page to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(documents, errors), encoding="utf-8")
