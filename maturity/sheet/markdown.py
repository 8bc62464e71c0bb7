"""The sheet as Markdown (CommonMark). Text from outside is escaped by the one Markdown escaper
(:mod:`maturity.markdown`): markup in a commune's name or note (``<script>``, ``**``,
``[x](javascript:...)``) comes out as text."""

from __future__ import annotations

from ..markdown import escape, escape_block
from ..markdown import link as _link
from .content import SheetContent, collapse_spaces, priority_name


def _cell(text: str) -> str:
    return escape(collapse_spaces(text))  # one line, its no-break spaces kept ("48 % (38–59 %)")


def render_markdown(c: SheetContent) -> str:
    out: list[str] = []
    add = out.append
    add(f"*{escape(c.kicker)}*")
    add("")
    add(f"# {escape(c.commune)}")
    add("")
    add(f"**{escape(c.title)}** — {escape(c.dateline)}" + (f" · {escape(c.respondent)}" if c.respondent else ""))
    add("")
    colon = c.labels["colon"]  # French: a no-break space before it
    # in brief, as page 1 of the PDF and the DOCX: the overall score, the three lines, what a score means
    add(f"## {escape(c.summary_title)}")
    add("")
    add(f"**{escape(c.overall_label)}{colon}** {escape(c.overall_value)}"
        + (f" ({escape(c.overall_detail)})" if c.overall_detail else ""))
    add("")
    for label, text in c.summary:
        add(f"- **{escape(label)}{colon}** {escape(text)}")
    add("")
    add(f"*{escape(c.score_meaning)}*")
    add("")
    add(f"## {escape(c.scores_title)}")
    add("")
    aligns = [":--", "--:", *["--:"] * c.comparison_columns, ":--", "--:", "--:"] + (["--:"] if c.show_change else [])
    add("| " + " | ".join(_cell(h) for h in c.score_headers) + " |")
    add("| " + " | ".join(aligns) + " |")
    for r in c.scores:
        cells = [r.label, r.score, *r.comparisons, f"*{_cell(r.level)}*" if r.insufficient else r.level, r.coverage,
                 r.na]
        if c.show_change:
            cells.append(r.change)
        add("| " + " | ".join(x if x.startswith("*") else _cell(x) for x in cells) + " |")
    add("")
    # the radar's other series, named under the table that has their columns; not the targets, which have no
    # column here and their own section (« - Objectifs de Ciney (niveau visé par dimension) » stood alone)
    others = [s for s in c.series[1:] if s.kind != "target"]
    if others:
        for s in others:
            add(f"- {escape(s.name)}" + (f" — {escape(s.note)}" if s.note else ""))
        add("")
    if c.reference_note:
        add(f"*{escape(c.reference_note)}*")
        add("")
    add(f"### {escape(c.levels_title)}")
    add("")
    for lv in c.levels:
        reached = f" — **{escape(', '.join(lv.reached_by))}**" if lv.reached_by else ""
        add(f"- **{escape(lv.label)}** ({escape(lv.range)}){colon} {escape(lv.description)}{reached}")
    add("")
    add(f"## {escape(c.next_steps_title)}")
    add("")
    add(f"*{escape(c.next_steps_intro)}*")
    add("")
    for step in c.next_steps:
        add(f"- **{escape(step.label)}** — {escape(step.text)}")
    add("")
    add(f"## {escape(c.comparisons_title)}")
    add("")
    if not c.comparisons:
        add(escape(c.labels["no_comparisons"]))
    elif c.comparisons_scope:
        add(f"*{escape(c.comparisons_scope)}*")
        add("")
    for text, _ref in c.comparisons:
        add(f"- {escape(text)}")  # its source's number in it
    add("")
    add(f"## {escape(c.obstacles_title)}")
    add("")
    if not c.obstacles and not c.also_cited:
        add(escape(c.labels["no_obstacles"]))
        add("")
    if c.obstacles:
        add("| " + " | ".join(_cell(h) for h in c.obstacle_headers) + " |")
        add("| :-- | :-- | :-- |" + (" :-- |" if c.campaign_column else ""))
        for o in c.obstacles:
            add(f"| {_cell(o.label)} | {_cell(o.severity)} | {_cell(o.barometer)} |"
                + (f" {_cell(o.campaign)} |" if c.campaign_column else ""))
        add("")
    if c.also_cited:
        add(escape(c.also_cited))
        add("")
    add(f"*{escape(c.obstacles_note)}*")
    add("")
    add(f"## {escape(c.priorities_title)}")
    add("")
    add(escape(c.priorities_intro))
    add("")
    for p in c.priorities:
        add(f"### {p.rank}\\. {escape(p.title)}")
        add("")
        meta = " · ".join(x for x in (p.target, priority_name(c, p.priority)) if x)
        add(f"*{escape(meta)}*")
        add("")
        if p.because:  # what made it apply, from the commune's answers
            add(escape(p.because))
            add("")
        if p.check:  # resting on « je ne sais pas »: said before why it applies
            add(f"**{escape(p.check)}**")
            add("")
        add(f"**{escape(c.labels['why'])}** — {escape(p.why)}")
        add("")
        add(f"**{escape(c.labels['actions'])}**")
        add("")
        for action in p.actions:
            add(f"- {escape(action)}")
        if p.resources:
            add("")
            add(f"**{escape(c.labels['resources'])}**")
            add("")
            for res in p.resources:
                add(f"- {_link(res.label, res.url)}")
        add("")
    if c.topics:
        add(f"## {escape(c.topics_title)}")
        add("")
        for question, said, settled in c.topics:
            # the answer kept and why (contract §8 ``reason``) on a line of its own in the topic's bullet: a
            # backslash at the end of a line breaks it (CommonMark), the escaped text never ends with a lone one
            add(f"- **{escape(question)}** — {escape(said)}" + ("\\" if settled else ""))
            if settled:
                add(f"  {escape(settled)}")
        add("")
    if c.roadmap is not None:  # the targets, then the actions by year (issue 14)
        r = c.roadmap
        add(f"## {escape(r.title)}")
        add("")
        if r.targets:
            add("| " + " | ".join(_cell(h) for h in r.target_headers) + " |")
            add("|:--|--:|:--|--:|:--|")
            for row in r.targets:
                add("| " + " | ".join(_cell(x) for x in row) + " |")
            add("")
        for year, lines in r.years:
            add(f"**{escape(year)}**")
            add("")
            for line in lines:
                add(f"- {escape(line)}")
            add("")
        if r.more:
            add(f"*{escape(r.more)}*")
            add("")
        if r.dropped:
            add(f"*{escape(c.label('roadmap_dropped', n=r.dropped, pst=r.pst_title))}*")
            add("")
    if c.notes or c.more_notes:  # every note: the PDF shows the first ones and counts the rest
        add(f"## {escape(c.notes_title)}")
        add("")
        for question, note in c.notes + c.more_notes:
            add(f"**{escape(question)}**")
            add("")
            add("> " + escape_block(note).replace("\n", "\n> "))
            add("")
    if c.warnings:
        add(f"## {escape(c.labels['warnings_title'])}")
        add("")
        for w in c.warnings:
            add(f"- {escape(w)}")
        add("")
    add(f"## {escape(c.method_title)}")
    add("")
    add(escape(c.method))
    add("")
    add(f"## {escape(c.sources_title)}")
    add("")
    if not c.sources:
        add(escape(c.labels["no_sources"]))
    for src in c.sources:
        links = "".join(f" — {_link(link.label, link.url)}" for link in src.links)
        add(f"- \\[{src.ref}\\] {escape(src.text)}{links}")
    add("")
    add("---")
    add("")
    add(f"*{escape(c.footer)}*")
    add("")
    return "\n".join(out)
