"""The sheet as an editable Word document (python-docx), for the "note au Collège".

The same content as the PDF, in the same order, as a document someone edits: real headings (Title,
Heading 1, Heading 2, so that Word and LibreOffice build the navigation pane and a table of contents),
real tables (the scores, the levels, the obstacles), lists, clickable links, the radar as a picture.
Nothing is left out for length: every priority of the sheet's selection and every note of the commune.
The document's language is set (fr-BE, de-BE, en-GB) so that the spelling checker works.

Text from outside (the commune's name, its notes) is already cleaned by the content (no control
characters); python-docx escapes it for XML.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from ..models import Questionnaire
from .content import SheetContent, priority_name

ACCENT = RGBColor(0x00, 0x72, 0xB2)
MUTED = RGBColor(0x5B, 0x65, 0x73)
LANG_TAGS = {"fr": "fr-BE", "de": "de-BE", "en": "en-GB"}
RADAR_WIDTH = Cm(13)


def _set_language(document, lang: str) -> None:
    """The language of the default text style (and so of the whole document, for the spelling checker)."""
    styles = document.styles.element
    r_pr = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if r_pr is None:  # the default template has one; a minimal one may not
        r_pr = document.styles["Normal"].element.get_or_add_rPr()
    for old in r_pr.findall(qn("w:lang")):
        r_pr.remove(old)
    tag = OxmlElement("w:lang")
    tag.set(qn("w:val"), LANG_TAGS[lang])
    r_pr.append(tag)


def _hyperlink(paragraph: Paragraph, text: str, url: str) -> None:
    """A clickable link (python-docx has no API for it: a w:hyperlink with an external relationship)."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    r_pr.append(style)
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0072B2")
    r_pr.append(color)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    r_pr.append(underline)
    run.append(r_pr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _muted(paragraph: Paragraph, text: str, *, italic: bool = True, size: float = 9) -> None:
    run = paragraph.add_run(text)
    run.italic = italic
    run.font.size = Pt(size)
    run.font.color.rgb = MUTED


def _table(document, headers: list[str], rows: list[list[str]], widths: list[float] | None = None,
           bold_first: bool = True, size: float = 9.5) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = Pt(min(9, size))
    _repeat_header(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for k, (cell, text) in enumerate(zip(cells, values, strict=True)):
            run = cell.paragraphs[0].add_run(text)
            run.font.size = Pt(size)
            run.bold = bold_first and k == 0
    if widths:  # Word reads the cells' widths, LibreOffice the columns': both are set
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)


def _repeat_header(row) -> None:
    """The header row repeats at the top of each page the table runs onto."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _pst_annex(document, r) -> None:
    """Every action of the roadmap in the PST's seven columns, on a landscape page of its own at the
    end: a table to copy into the commune's PST (its columns too many for a portrait page)."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    heading = document.add_heading(r.pst_title, level=1)
    help_ = document.add_paragraph()
    _muted(help_, r.pst_help)
    for paragraph in (heading, help_):  # never alone at the foot of a page
        paragraph.paragraph_format.keep_with_next = True
    # the owner's column wide enough for a title in one word ("Generaldirektorin" broke at 3.2 cm), taken
    # from the action's, the budget's and the status's, which had room to spare; the deadline's holds a year
    # and its heading whole ("Échéance", bold)
    _table(document, r.pst[0], r.pst[1:], widths=[4.2, 3.8, 6.0, 4.0, 2.2, 2.5, 2.3], bold_first=False, size=9)


def render_docx(q: Questionnaire, c: SheetContent) -> bytes:
    from .pdf import radar_png  # the same picture as the PDF's

    document = Document()
    _set_language(document, c.lang)
    props = document.core_properties
    props.title = f"{c.title} — {c.commune}"
    props.subject = c.kicker
    props.language = LANG_TAGS[c.lang]
    props.author = "maturity"
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    section.top_margin = section.bottom_margin = Cm(1.8)
    footer = section.footer.paragraphs[0]
    _muted(footer, f"{c.commune} · {c.footer}", italic=False, size=8)

    kicker = document.add_paragraph()
    run = kicker.add_run(c.kicker.upper())
    run.bold = True
    run.font.size = Pt(8)
    run.font.color.rgb = ACCENT
    document.add_heading(c.commune, level=0)
    subtitle = document.add_paragraph()
    subtitle.add_run(c.title).font.size = Pt(13)
    _muted(document.add_paragraph(), c.dateline + (f" · {c.respondent}" if c.respondent else ""), italic=False)

    # in brief: the overall score, the three lines, what a score means
    document.add_heading(c.summary_title, level=1)
    overall = document.add_paragraph()
    overall.add_run(f"{c.overall_label}{c.labels['colon']} ").bold = True
    overall.add_run(c.overall_value).bold = True
    if c.overall_detail:
        _muted(overall, f" ({c.overall_detail})", italic=False)
    for label, text in c.summary:
        line = document.add_paragraph(style="List Bullet")
        line.add_run(f"{label}{c.labels['colon']} ").bold = True
        line.add_run(text)
    _muted(document.add_paragraph(), c.score_meaning)

    # the radar and the levels
    document.add_heading(c.profile_title, level=1)
    png, _aspect = radar_png(q, c)
    document.add_picture(BytesIO(png), width=RADAR_WIDTH)
    if c.reference_note:
        _muted(document.add_paragraph(), c.reference_note, size=8.5)
    document.add_heading(c.levels_title, level=2)
    _table(document, [c.labels["col_level"], c.labels["col_range"], c.labels["col_meaning"]],
           [[lv.label, lv.range, lv.description] for lv in reversed(c.levels)], widths=[3.2, 2.4, 11.4])

    document.add_heading(c.scores_title, level=1)
    comparisons = c.comparison_columns
    widths = [5.6, 1.6, 3.4, 2.2, 2.2, 2.0] if c.show_change else [6.6, 1.8, 3.6, 2.5, 2.5]
    if comparisons:  # the Walloon line after the score, 2.3 cm, taken from the first column
        widths = [widths[0] - 2.3 * comparisons, widths[1], *[2.3] * comparisons, *widths[2:]]
    _table(document, c.score_headers,
           [[r.label, r.score, *r.comparisons, r.level, r.coverage, r.na] + ([r.change] if c.show_change else [])
            for r in c.scores], widths=widths)

    document.add_heading(c.next_steps_title, level=1)
    _muted(document.add_paragraph(), c.next_steps_intro)
    for step in c.next_steps:
        item = document.add_paragraph(style="List Bullet")
        item.add_run(f"{step.label} — ").bold = True
        item.add_run(step.text)

    document.add_heading(c.comparisons_title, level=1)
    if not c.comparisons:
        _muted(document.add_paragraph(), c.labels["no_comparisons"], italic=False)
    elif c.comparisons_scope:
        _muted(document.add_paragraph(), c.comparisons_scope)
    for text, _ref in c.comparisons:
        document.add_paragraph(text, style="List Bullet")  # its source's number in it

    document.add_heading(c.obstacles_title, level=1)
    if not c.obstacles and not c.also_cited:
        _muted(document.add_paragraph(), c.labels["no_obstacles"], italic=False)
    if c.obstacles:
        _table(document, c.obstacle_headers,
               [[o.label, o.severity, o.barometer] + ([o.campaign] if c.campaign_column else []) for o in c.obstacles],
               widths=[4, 4, 6, 3] if c.campaign_column else [4.5, 5, 7.5])
    if c.also_cited:
        document.add_paragraph(c.also_cited)
    _muted(document.add_paragraph(), c.obstacles_note, size=8.5)

    document.add_heading(c.priorities_title, level=1)
    _muted(document.add_paragraph(), c.priorities_intro, italic=False)
    for p in c.priorities:
        document.add_heading(f"{p.rank}. {p.title}", level=2)
        meta = " · ".join(x for x in (p.target, priority_name(c, p.priority)) if x)
        if meta:
            line = document.add_paragraph()
            run = line.add_run(meta)
            run.font.size = Pt(9)
            run.font.color.rgb = ACCENT
        if p.because:  # what made it apply, from the commune's answers
            document.add_paragraph().add_run(p.because)
        if p.check:  # resting on « je ne sais pas »: said before why it applies
            document.add_paragraph().add_run(p.check).bold = True
        why = document.add_paragraph()
        why.add_run(f"{c.labels['why']} — ").bold = True
        why.add_run(p.why).italic = True
        document.add_paragraph().add_run(c.labels["actions"]).bold = True
        for action in p.actions:
            document.add_paragraph(action, style="List Bullet")
        if p.resources:
            resources = document.add_paragraph()
            resources.add_run(f"{c.labels['resources']}{c.labels['colon']} ").bold = True
            for k, res in enumerate(p.resources):
                if k:
                    resources.add_run(" · ")
                _hyperlink(resources, res.label, res.url)

    if c.topics:
        document.add_heading(c.topics_title, level=1)
        for question, said, settled in c.topics:
            document.add_paragraph().add_run(question).bold = True
            document.add_paragraph(said)
            if settled:  # the answer kept and why (contract §8 ``reason``)
                document.add_paragraph(settled)
    if c.roadmap is not None:  # the targets, then the actions by year (issue 14)
        r = c.roadmap
        document.add_heading(r.title, level=1)
        if r.targets:
            _table(document, r.target_headers, r.targets, widths=[5.5, 1.5, 3.5, 2.2, 2.8])  # « Échéance » whole
        for year, lines in r.years:
            document.add_heading(year, level=2)
            for line in lines:
                document.add_paragraph(line, style="List Bullet")
        if r.more:
            _muted(document.add_paragraph(), r.more)
        if r.dropped and len(r.pst) > 1:  # the PST page ends this document
            _muted(document.add_paragraph(), c.label("roadmap_dropped_here", n=r.dropped, pst=r.pst_title))

    if c.notes or c.more_notes:  # the editable version keeps every note, those the PDF only counts too
        document.add_heading(c.notes_title, level=1)
        for question, note in c.notes + c.more_notes:
            document.add_paragraph().add_run(question).bold = True
            document.add_paragraph(note)
    if c.warnings:
        document.add_heading(c.labels["warnings_title"], level=1)
        for warning in c.warnings:
            document.add_paragraph(warning, style="List Bullet")

    document.add_heading(c.method_title, level=1)
    document.add_paragraph(c.method)
    document.add_heading(c.sources_title, level=1)
    if not c.sources:
        _muted(document.add_paragraph(), c.labels["no_sources"], italic=False)
    for src in c.sources:
        line = document.add_paragraph()
        line.add_run(f"[{src.ref}] ").bold = True
        line.add_run(src.text)
        for link in src.links:
            line.add_run(" — ")
            _hyperlink(line, link.label, link.url)
    _muted(document.add_paragraph(), c.footer, size=8)
    if c.roadmap is not None and len(c.roadmap.pst) > 1:
        _pst_annex(document, c.roadmap)

    out = BytesIO()
    document.save(out)
    return out.getvalue()
