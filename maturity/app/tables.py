"""Tables that fit the screen: a table of many columns where its column is wide enough for it; in a
narrower column (a phone, a tablet), the same rows as a list, each value next to its column's name (a
table of five or more columns cannot fit 390 px without breaking its words or scrolling sideways).
:func:`fitting_table` draws ``st.table``; :func:`fitting_grid` draws ``st.dataframe`` (sorted and searched
by a click, scrolling in its own frame: many rows) with the same list.

Both are drawn; the page's style (:func:`css`, through :func:`maturity.app.shell.css`) shows one by the
width of the column they stand in (a CSS container query), and hides the other from screen readers too
(``display: none``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from .texts import tr

# the column widths (px) from which a table is shown rather than its list; a container's key is written
# by Streamlit as the CSS class st-key-<key>
WIDTHS = (560, 640, 760, 800)
GRID_MIN = 760  # px: the roadmap's editable grid from this column width (its six columns fit it), a list under
# Not lower: a 1024 px laptop with the menu open has a 564 px column (the wide layout's 5rem margins), far
# under any grid of six columns; tried at 700 px (columns 110/210/96/58/80/90), headers were cut
# (« Objectif stratégiqu », « Anné »), owners and budget articles broken inside a word and a long objective
# cut at its fourth line: the list and its form read better there.


def rows_as_list(rows: Sequence[Mapping[str, str]], lang: str) -> str:
    """The rows as a Markdown list: the first column's value in bold, then each other value on a line of
    its own after its column's name ("Beitrag (Punkte): 4", "Votre score : 61"); empty values left out.
    The values are the table's (Markdown, as ``st.table`` draws them)."""
    items = []
    for row in rows:
        cells = [(str(name), _one_line(value)) for name, value in row.items()]
        if not cells:
            continue
        head = cells[0][1]
        rest = "  \n  ".join(tr("label_value", lang, label=name, value=value) for name, value in cells[1:] if value)
        item = f"- **{head}**" if head else "-"
        items.append(item + (f"  \n  {rest}" if rest else ""))
    return "\n".join(items)


def _one_line(value: Any) -> str:
    """A cell on one line: its line breaks and runs of spaces made one space, its no-break spaces and word
    joiners kept (« 48 % (38–59 %) » broke after « 48 » in a phone's list: ``str.split`` takes U+00A0 for a
    space)."""
    return _SPACES.sub(" ", str(value)).strip(" ")


_SPACES = re.compile(r"[ \t\r\n\f\v]+")


@dataclass(frozen=True)
class Fitting:
    """A table built once (an Arrow table, or the rows) with its list (:func:`rows_as_list`)."""

    table: Any
    as_list: str


def fitting(rows: Sequence[Mapping[str, str]], lang: str, table: Any = None) -> Fitting:
    """The rows as a :class:`Fitting`; ``table``: the rows already built for ``st.table`` (Arrow)."""
    return Fitting(rows if table is None else table, rows_as_list(rows, lang))


def fitting_table(rows: Fitting | Sequence[Mapping[str, str]], key: str, min_width: int = 640,
                  lang: str | None = None) -> None:
    """``st.table`` in a column of ``min_width`` px or more, else :func:`rows_as_list` (rows: in ``lang``)."""
    if min_width not in WIDTHS:
        raise ValueError(f"min_width is one of {WIDTHS}")
    if not isinstance(rows, Fitting) and lang is None:
        raise ValueError("rows need their language")
    fit = rows if isinstance(rows, Fitting) else fitting(rows, lang)
    # one container, not three: a container of its own around the table and the list cost every rerun
    # about 0.1 ms each (14 on the results page); the style finds each by the element it is drawn in
    with st.container(key=f"fit_{min_width}_{key}"):
        st.table(fit.table, hide_index=True)
        st.markdown(fit.as_list)


def fitting_grid(rows: Sequence[Mapping[str, Any]], key: str, lang: str, min_width: int = 760,
                 listed: Sequence[Mapping[str, str]] | None = None, search: str | None = None,
                 **dataframe: Any) -> None:
    """``st.dataframe(rows, key=key, **dataframe)`` in a column of ``min_width`` px or more, else the rows
    as a list (:func:`rows_as_list`; its values escaped: the grid draws text, the list reads Markdown).
    ``listed``: the list's rows when the grid's are typed (numbers and dates, which sort as such) or
    shortened to fit its columns; by default the grid's own. ``search``: the label of a search field over
    the list (the grid has its own), which keeps the rows holding every word typed (:func:`matches`)."""
    from maturity.markdown import escape

    if min_width not in WIDTHS:
        raise ValueError(f"min_width is one of {WIDTHS}")
    listed = listed or rows
    with st.container(key=f"fit_{min_width}_{key}"):
        st.dataframe(rows, hide_index=True, key=key, **dataframe)
        if search is not None:
            # the field and its count in a block of their own, which the style hides beside the grid
            with st.container(key=f"fitlist_{key}"):
                query = st.text_input(search, key=f"{key}_search", icon=":material/search:", max_chars=100)
                found = [row for row in listed if matches(row, query)]
                if query.strip():
                    st.caption(tr("list_found", lang, n=len(found), total=len(listed)) if found
                               else tr("list_none", lang, query=escape(" ".join(query.split()))))
            listed = found
        st.markdown(rows_as_list([{k: escape(v) for k, v in row.items()} for row in listed], lang))


def _fold(text: str) -> str:
    """Lower case, without accents; hyphens and apostrophes read as spaces ("ecaussinnes" finds
    "Écaussinnes", "mont saint" finds "Mont-Saint-Guibert")."""
    import unicodedata

    folded = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    for mark in "-'’":
        folded = folded.replace(mark, " ")
    return " ".join(folded.split())


def matches(row: Mapping[str, Any], query: str) -> bool:
    """Whether every word of ``query`` is in one of the row's values (any case, any accent)."""
    values = [_fold(str(value)) for value in row.values()]
    return all(any(word in value for value in values) for word in _fold(query).split())


# a date in a grid (a DatetimeColumn's format, Moment.js): short and in the page's language, where the
# browser's own locale ("localized") may be another
GRID_DATE = {"fr": "DD/MM/YYYY", "de": "DD.MM.YYYY", "en": "DD/MM/YYYY"}


# st.dataframe stands in a full-screen frame of its own
_TABLE = ("[data-testid='stElementContainer']:has(> [data-testid='stTable'],"
          "> [data-testid='stFullScreenFrame'] > [data-testid='stDataFrame'])")
_LIST = "[data-testid='stElementContainer']:has(> [data-testid='stMarkdown'])"
# a list's search field (fitting_grid): its block, and the wrapper around it (hidden too, or its empty box
# takes a gap under the grid)
_SEARCH = "[data-testid='stLayoutWrapper']:has(> [class*='st-key-fitlist_']),[class*='st-key-fitlist_']"


def css() -> str:
    out = ["[class*='st-key-fit_']{container-type:inline-size}",
           f"[class*='st-key-fit_'] {_LIST} li{{margin-bottom:0.5rem}}",
           # the space the table had below it, the list above it (the empty block of the other, in a column
           # with a 1rem gap, when each stood in a container of its own)
           f"[class*='st-key-fit_'] {_TABLE}{{margin-bottom:1rem}}",
           f"[class*='st-key-fit_'] {_LIST}{{margin-top:1rem}}",
           # a little less padding: nine columns of German words fit a desktop's 820 px
           f"[class*='st-key-fit_'] {_TABLE} :is(th,td){{padding-left:6px !important;padding-right:5px !important}}"]
    for width in WIDTHS:
        out.append(f"@container (max-width:{width - 0.02}px){{[class*='st-key-fit_{width}_'] {_TABLE}{{display:none !important}}}}")
        out.append(f"@container (min-width:{width}px){{[class*='st-key-fit_{width}_'] :is({_LIST},{_SEARCH})"
                   "{display:none !important}}")
    return "".join(out)
