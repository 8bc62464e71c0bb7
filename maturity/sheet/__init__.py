"""The recommendation sheet (issue 4): one content, three renderings.

``build(q, doc, lang="fr", fmt="pdf", *, reference=None, peer=None, previous=None, generated=None)``
returns the bytes of the sheet: ``pdf`` (A4, at most 3 pages), ``docx`` (the same content, editable:
Word, LibreOffice), ``md`` (Markdown, UTF-8) or ``csv`` (the PST actions table, UTF-8 with BOM,
``;``-separated). See docs/sheet.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from ..answers import AnswersFile
from ..charts import RadarSeries
from ..models import Questionnaire
from ..scoring import Assessment
from .content import TEXTS, SheetContent, build_content

FORMATS = ("pdf", "md", "csv", "docx")

__all__ = ["FORMATS", "TEXTS", "SheetContent", "build", "build_content"]


def build(
    q: Questionnaire,
    doc: AnswersFile,
    lang: str = "fr",
    fmt: str = "pdf",
    *,
    reference: RadarSeries | None = None,
    peer: RadarSeries | None = None,
    previous: Assessment | None = None,
    generated: date | datetime | None = None,
    previous_label: str | None = None,
    assessment: Assessment | None = None,
    campaign: Any = None,
    peers: Sequence[RadarSeries] = (),
) -> bytes:
    """The sheet for these answers, as bytes in ``fmt`` (pdf | docx | md | csv)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown sheet format {fmt!r} (one of {', '.join(FORMATS)})")
    content = build_content(q, doc, lang, assessment=assessment, reference=reference, peer=peer,
                            previous=previous, previous_label=previous_label,
                            generated=generated, campaign=campaign, peers=peers)
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(content).encode("utf-8")
    if fmt == "csv":
        from .pst import render_csv

        return render_csv(content)
    if fmt == "docx":
        from .docxfile import render_docx

        return render_docx(q, content)
    from .pdf import render_pdf

    return render_pdf(q, content)
