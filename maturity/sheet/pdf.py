"""The sheet as an A4 PDF (fpdf2, the bundled DejaVu fonts).

Layout: generous margins, one accent colour (the commune's series colour on the radar),
greys for structure. Page 1: who and when, the overall score, the radar beside the levels,
the scores table, the obstacles. Then the priorities (a block never splits across pages),
the commune's notes, the method and the sources. Every page has its number and the
questionnaire id and version.

Characters the fonts cannot draw (emoji, ...) are dropped before layout, so nothing
crashes and no empty boxes appear.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from copy import copy, deepcopy
from dataclasses import replace
from functools import cache
from io import BytesIO
from typing import Any, NamedTuple

from fontTools import ttLib
from fpdf import FPDF
from fpdf.enums import Align, TableBordersLayout, WrapMode, XPos, YPos
from fpdf.errors import FPDFException
from fpdf.fonts import FontFace, SubsetMap, TTFFont
from fpdf.line_break import (
    BREAKING_SPACE_SYMBOLS_STR,
    FORM_FEED,
    HYPHEN,
    NBSP,
    NEWLINE,
    SOFT_HYPHEN,
    SPACE,
    Fragment,
    MultiLineBreak,
    TextLine,
)
from fpdf.util import FloatTolerance

from ..charts import PDF_LAYOUT, radar_spec
from ..models import Questionnaire
from ..typography import french_spaces
from .content import (
    PDF_NOTES_STEPS,
    PDF_SETTLED_SHOWN,
    PDF_TOPICS_STEPS,
    Priority,
    SheetContent,
    priority_name,
)
from .fonts import FAMILY, FILES, WHOLE_FACES, NeedsWholeFaces, charset, common_charset, parsed_fonts
from .radar import RadarDrawing

INK = (31, 42, 55)
MUTED = (91, 101, 115)
ACCENT = (0, 114, 178)  # Okabe–Ito blue, the commune's colour on the radar
RULE = (215, 220, 227)
SOFT = (242, 245, 248)
WARN = (166, 60, 0)

MARGIN_X = 18.0
MARGIN_TOP = 16.0
MARGIN_BOTTOM = 18.0
BASE = 9.0  # body size, pt
HEADING_KEEP = 24.0  # mm a heading needs below it (itself and a first item), else it starts the next page
RADAR_MAX_H = 80.0  # mm, the radar with its legend in the last resorts (the commune alone: 77-86)


@cache
def _charsets() -> dict[str, frozenset[int]]:
    """Per style, the code points the whole face draws, and the line feed (a line break, kept)."""
    return {style: charset(style) | {ord("\n")} for style in FILES}


@cache
def _common_charsets() -> dict[str, frozenset[int]]:
    """Per style, the code points the common face draws, and the line feed."""
    return {style: common_charset(style) | {ord("\n")} for style in FILES}


def drawable(text: str, style: str = "") -> str:
    """The text without the characters the face cannot draw (emoji and other symbols are dropped),
    with the space of French typography before ? ! : ; » and after « made non-breaking
    (:func:`maturity.typography.french_spaces`), so that a lone "?" or "«" never starts or ends a line."""
    if " " in text:
        text = french_spaces(text)
    style = style.replace("U", "") or ""
    if _common_charsets()[style].issuperset(map(ord, text)):
        return text
    if not _charsets()[style].issuperset(map(ord, text)):
        drawn = _charsets()[style]
        text = " ".join("".join(ch for ch in text if ord(ch) in drawn).split(" ")).replace("  ", " ")
    if not WHOLE_FACES.get() and not _common_charsets()[style].issuperset(map(ord, text)):
        raise NeedsWholeFaces(style)
    return text


class _FastWidthFont(TTFFont):
    """fpdf2's TTF font with a faster text width (same numbers) for the unshaped text of the sheet:
    line breaking asks for it tens of thousands of times per sheet."""

    __slots__ = ()

    def get_text_width(self, text: str, font_size_pt: float, text_shaping_params: Any) -> tuple[int, float]:
        if text_shaping_params or self.is_symbol:
            return super().get_text_width(text, font_size_pt, text_shaping_params)
        if font_size_pt > self.biggest_size_pt:
            self.biggest_size_pt = font_size_pt
        return len(text), sum(map(self.cw.__getitem__, map(ord, text))) * font_size_pt * 0.001


class _FastFragment(Fragment):
    """fpdf2's text fragment with faster widths (the same numbers) for plain text in our TTF faces.

    Line breaking asks, for every character, its width and then the width of the whole line so far
    (a sum over the line: quadratic in Python calls). Here a character's width is one dict lookup and
    the line's width adds the new character to the integer sum kept from the previous call. The
    arithmetic is fpdf2's, in its order (integer sum x size x 0.001, then / k), so the floats are equal.
    Anything else (character spacing, stretching, sub/superscript, shaping) goes to fpdf2's code.
    """

    _sum_text = ""
    _sum = 0
    _plain: Any = False  # not looked at yet
    _breaks: dict | None = None  # the sheet's recorded line breaks (``_ReplayLineBreak``)

    def _plain_font(self) -> _FastWidthFont | None:
        font = self._plain
        if font is False:  # the graphics state of a fragment does not change: looked at once
            gs = self.graphics_state
            font = gs.current_font
            if not (type(font) is _FastWidthFont and not gs.char_spacing and gs.font_stretching == 100
                    and not gs.text_shaping and not font.is_symbol and self.font_size_pt == gs.font_size_pt):
                font = None
            self._plain = font
        return font

    def has_same_style(self, other: Fragment) -> bool:
        if other.graphics_state is self.graphics_state and self.k == other.k and self.__class__ == other.__class__:
            return True
        return super().has_same_style(other)

    def get_width(self, start: int = 0, end: int | None = None, chars: str | None = None,
                  initial_cs: bool = True) -> float:
        font = self._plain_font()
        if font is None:
            return super().get_width(start, end, chars, initial_cs)
        if chars is None:
            chars = "".join(self.characters[start:end] if (start or end is not None) else self.characters)
        size = self.graphics_state.font_size_pt
        if size > font.biggest_size_pt:
            font.biggest_size_pt = size
        previous = self._sum_text
        if len(chars) == len(previous) + 1 and chars.startswith(previous):
            total = self._sum + font.cw[ord(chars[-1])]
        else:
            total = sum(map(font.cw.__getitem__, map(ord, chars)))
        self._sum_text, self._sum = chars, total
        return total * size * 0.001 / self.k

    def render_pdf_text_ttf(self, frag_ws: float, word_spacing: float) -> str:
        """fpdf2's, for a line without word spacing: each character's code in the document's subset (picked
        in the same order), in one pass instead of a string grown character by character."""
        font = self._plain_font()
        if font is None or word_spacing:
            return super().render_pdf_text_ttf(frag_ws, word_spacing)
        pick = font.subset.pick
        mapped = "".join([chr(code) for code in map(pick, map(ord, "".join(self.characters))) if code])
        return f"({font.escape_text(mapped)}) Tj"

    def get_character_width(self, character: str, print_sh: bool = False, initial_cs: bool = True) -> float:
        font = self._plain_font()
        if font is None:
            return super().get_character_width(character, print_sh, initial_cs)
        if character == SOFT_HYPHEN and not print_sh:
            character = HYPHEN
        size = self.graphics_state.font_size_pt
        if size > font.biggest_size_pt:
            font.biggest_size_pt = size
        return sum(map(font.cw.__getitem__, map(ord, character))) * size * 0.001 / self.k


# --- the lines of a text, broken once per sheet --------------------------------------------------
#
# Choosing the sheet's layout lays its texts out several times (the first sections, measuring documents,
# the last resorts): the same text, in the same face, size and width, breaks into the same lines every
# time. fpdf2's line breaker walks the text character by character; ``_ReplayLineBreak`` records the
# lines it returns for a text of one of the sheet's documents and gives the next document asking for
# the same text, face, size and widths a copy of them, with the fragments made from its own text (its
# own fonts): the same lines, as fpdf2 would compute them. The recordings belong to one sheet (one call
# of ``layout_pdf``, see ``_LINE_BREAKS``): a commune's texts are never kept beyond its sheet.

_LINE_BREAKS: ContextVar[dict | None] = ContextVar("sheet_line_breaks", default=None)
# The questionnaire's own texts (the priorities: recommendation titles, reasons, actions, resources, fixed
# labels), the same for every commune, are recorded once per process (a batch of sheets, the app).
_QUESTIONNAIRE_BREAKS: dict[tuple, list] = {}
_QUESTIONNAIRE_BREAKS_MAX = 5_000


@contextmanager
def _questionnaire_texts(pdf: SheetPDF) -> Iterator[None]:
    """What is laid out inside says only the questionnaire's and the sheet's own texts, the same for
    every commune (a priority block, the levels, the method and the sources): their lines are recorded
    for the process (``_QUESTIONNAIRE_BREAKS``), not only for this sheet."""
    sheet_breaks = pdf._breaks
    if sheet_breaks is not None:
        pdf._breaks = _QUESTIONNAIRE_BREAKS
    try:
        yield
    finally:
        pdf._breaks = sheet_breaks


@contextmanager
def _commune_text(pdf: SheetPDF) -> Iterator[None]:
    """A text of the commune inside a block of the questionnaire's texts (a priority's « D'après vos réponses »):
    its lines are recorded for this sheet only, never for the process (:func:`_questionnaire_texts`)."""
    inner = pdf._breaks
    pdf._breaks = pdf._sheet_breaks
    try:
        yield
    finally:
        pdf._breaks = inner


class _ReplayLineBreak(MultiLineBreak):
    """fpdf2's ``MultiLineBreak``, replaying the lines of a text the same sheet has already broken.

    Only for the sheet's own plain text (one ``_FastFragment`` made by a ``SheetPDF`` during a sheet's
    layout, no link, no indent): anything else is fpdf2's code, untouched. A recording is replayed
    line by line while each line is asked for with the width it was recorded with; from the first
    line that is not, the rest is computed by fpdf2's code from where the recording was."""

    def __init__(self, fragments: Any, max_width: Any, margins: Any, align: Align = Align.L,
                 print_sh: bool = False, wrapmode: WrapMode = WrapMode.WORD, line_height: float = 1.0,
                 skip_leading_spaces: bool = False, first_line_indent: float = 0) -> None:
        super().__init__(fragments, max_width, margins, align, print_sh, wrapmode, line_height,
                         skip_leading_spaces, first_line_indent)
        self._source: _FastFragment | None = None  # the text, when its lines may be recorded or replayed
        self._plain: _FastFragment | None = None  # the same, kept: its lines are broken by ``_fast_line``
        self._recording: list | None = None
        self._replay: list | None = None
        self._position = 0
        if len(fragments) != 1 or skip_leading_spaces or first_line_indent:
            return
        source = fragments[0]
        if type(source) is _FastFragment and source._breaks is not None and source.link is None \
                and source._plain_font() is not None:
            self._source = source
            if wrapmode == WrapMode.WORD:
                self._plain = source

    def _start(self, source: _FastFragment, width: float) -> None:
        """At the first line (``write`` gives its width only then): replay a recording, or record."""
        self._source = None
        font = source._plain_font()
        size = source.graphics_state.font_size_pt
        key = ("".join(source.characters), font.fontkey, size, source.k, tuple(self.margins), self.align,
               self.print_sh, self.wrapmode, self.line_height, width)
        found = source._breaks.get(key)
        if found is None:
            self._recording = []
            self._key = key
            self._text = source
            return
        self._replay = found
        self._text = source
        if size > font.biggest_size_pt:  # as measuring the text would
            font.biggest_size_pt = size

    def get_line(self) -> TextLine | None:
        if self._source is not None:
            self._start(self._source, self.get_width(0.0))
        replay = self._replay
        if replay is not None:
            i = self._position
            if i == len(replay):
                return None
            width, state, line = replay[i]
            if i == 0 or self.get_width(0.0) == width:
                self._position = i + 1
                self.fragment_index, self.character_index, self.idx_last_forced_break, self._is_first_line = state
                characters, rest = line
                fragments = [] if characters is None else [self._text.clone(characters=list(characters))]
                return TextLine(fragments, *rest)
            self._replay = None  # asked with another width: fpdf2 breaks the rest, from here
        recording = self._recording
        if recording is None:
            return super().get_line() if self._plain is None else self._fast_line()
        width = self.get_width(0.0)
        line = self._fast_line()
        if line is None:
            breaks = self._text._breaks
            if breaks is _QUESTIONNAIRE_BREAKS and len(breaks) >= _QUESTIONNAIRE_BREAKS_MAX:
                breaks.clear()
            breaks[self._key] = recording
            self._recording = None
            return None
        fragments = line.fragments
        if len(fragments) > 1 or (fragments and fragments[0].graphics_state is not self._text.graphics_state):
            self._recording = None  # not one run of the text's own style: not recorded
            return line
        characters = "".join(fragments[0].characters) if fragments else None
        state = (self.fragment_index, self.character_index, self.idx_last_forced_break, self._is_first_line)
        recording.append((width, state, (characters, tuple(line)[1:])))
        return line


    def _fast_line(self) -> TextLine | None:
        """fpdf2's ``get_line`` (word wrapping) for the one plain fragment of this text, in one loop over its characters: the
        same lines, widths, spaces, heights and state after each line (the same float arithmetic: a line's
        width is the integer sum of its characters' widths × size × 0.001 / k, as ``_FastFragment``'s).
        fpdf2 builds the line character by character through objects and re-measures it at every space;
        here a character costs a dict lookup and a comparison."""
        source = self._plain
        chars = source.characters
        count = len(chars)
        idx_last_forced_break = self.idx_last_forced_break
        self.idx_last_forced_break = None
        if self.fragment_index == 1:
            return None
        cw = source._plain_font().cw
        size = source.graphics_state.font_size_pt
        k = source.k
        tolerance = FloatTolerance.TOLERANCE
        align, print_sh = self.align, self.print_sh
        left_if_justified = Align.L if align == Align.J else align
        indent = self.first_line_indent if self._is_first_line else 0
        font_height = 0.0
        line_max = max_width = self.get_width(font_height)
        for margin in self.margins:
            max_width -= float(margin)
        if self._is_first_line:
            max_width -= self.first_line_indent
        line: list[str] = []
        total = 0  # the integer sum of the line's character widths
        has_fragment = False  # fpdf2's line has its fragment from its first character on, soft hyphen included
        spaces = 0
        height: float = 0
        space_hint: tuple | None = None  # (character index, line length, line width, spaces)
        hyphen_hint: tuple | None = None
        i = self.character_index
        trailing = ""
        while i < count:
            ch = chars[i]
            if not font_height:  # the first character: fpdf2 asks the width again with the font's height
                font_height = source.font_size
                line_max = max_width = self.get_width(font_height)
                for margin in self.margins:
                    max_width -= float(margin)
                if self._is_first_line:
                    max_width -= self.first_line_indent
            if ch == SOFT_HYPHEN and not print_sh:
                ch_width = cw[ord(HYPHEN)] * size * 0.001 / k
            else:
                ch_width = cw[ord(ch)] * size * 0.001 / k
            if ch in (NEWLINE, FORM_FEED):
                i += 1
                height = max(height, font_height * self.line_height)
                self._is_first_line = False
                trailing = ch
                break
            width = total * size * 0.001 / k if has_fragment else 0
            if (width + ch_width) - max_width > tolerance:
                self._is_first_line = False
                if ch in BREAKING_SPACE_SYMBOLS_STR:
                    i += 1
                    left_if_justified = align
                elif hyphen_hint is not None and (space_hint is None or hyphen_hint[2] > space_hint[2]):
                    i, length, _w, spaces = hyphen_hint
                    del line[length:]
                    line.append(HYPHEN)
                    total = sum(map(cw.__getitem__, map(ord, line)))
                    i += 1
                    left_if_justified = align
                elif space_hint is not None:
                    i, length, _w, spaces = space_hint
                    del line[length:]
                    total = sum(map(cw.__getitem__, map(ord, line)))
                    i += 1
                    left_if_justified = align
                else:
                    if idx_last_forced_break == (0, i):
                        raise FPDFException("Not enough horizontal space to render a single character")
                    self.idx_last_forced_break = (0, i)
                self.character_index = i
                font = source._plain_font()
                if size > font.biggest_size_pt:
                    font.biggest_size_pt = size
                return self._line(line, total, has_fragment, spaces, left_if_justified, height, line_max, indent)
            height = font_height * self.line_height
            has_fragment = True
            if ch in BREAKING_SPACE_SYMBOLS_STR:
                space_hint = (i, len(line), total * size * 0.001 / k, spaces)
                spaces += 1
            elif ch == NBSP:
                ch = SPACE
                spaces += 1
            elif ch == SOFT_HYPHEN and not print_sh:
                hyphen_hint = (i, len(line), total * size * 0.001 / k, spaces)
                i += 1
                continue
            line.append(ch)
            total += cw[ord(ch)]
            i += 1
        if font_height:  # as measuring the characters would
            font = source._plain_font()
            if size > font.biggest_size_pt:
                font.biggest_size_pt = size
        if trailing:
            self.character_index = i
            return self._line(line, total, has_fragment, spaces, left_if_justified, height, line_max, indent,
                              trailing_nl=trailing == NEWLINE, trailing_form_feed=trailing == FORM_FEED)
        self.character_index = 0
        self.fragment_index = 1
        if has_fragment and total:
            self._is_first_line = False
            return self._line(line, total, has_fragment, spaces, left_if_justified, height, line_max, indent)
        return None

    def _line(self, line: list[str], total: int, has_fragment: bool, spaces: int, align: Align, height: float,
              line_max: float, indent: float, trailing_nl: bool = False, trailing_form_feed: bool = False,
              ) -> TextLine:
        source = self._plain
        if not has_fragment:
            return TextLine([], 0, spaces, align, height, line_max - indent, trailing_nl, trailing_form_feed,
                            indent)
        width = total * source.graphics_state.font_size_pt * 0.001 / source.k
        return TextLine([source.clone(characters=line)], width, spaces, align, height, line_max - indent,
                        trailing_nl, trailing_form_feed, indent)


_fpdf_module = importlib.import_module("fpdf.fpdf")
if _fpdf_module.MultiLineBreak is MultiLineBreak:  # where fpdf2's multi_cell and write find it
    _fpdf_module.MultiLineBreak = _ReplayLineBreak


_parsed_fonts = parsed_fonts  # the DejaVu faces parsed by fpdf2 once per process (see .fonts)


# Tables the embedded subset never keeps: fpdf2 drops these (its ``drop_tables``), fontTools drops ``kern``
# by default (no ``legacy_kern``). Removed before subsetting, they are never read (fontTools otherwise
# decompiles GSUB/GPOS just to check their offsets): the embedded font is the same, byte for byte.
_NOT_EMBEDDED = ("FFTM", "GDEF", "GPOS", "GSUB", "MATH", "hdmx", "meta", "sbix", "CBDT", "CBLC", "EBDT", "EBLC",
                 "EBSC", "SVG ", "CPAL", "COLR", "kern", "BASE", "JSTF", "DSIG", "PCLT", "LTSH")


@cache
def _font_bytes(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


class _Widths(dict):
    """A face's character widths (1/1000 em): fpdf2's, with its default width for a character the face
    lacks, given without being stored (fpdf2's defaultdict stores it: each document needed its own copy)."""

    __slots__ = ("default",)

    def __missing__(self, key: int) -> int:
        return self.default


_WIDTHS: dict[int, tuple[TTFFont, _Widths]] = {}


def _widths(pristine: TTFFont) -> _Widths:
    """The widths of a pristine parsed face, made once per process and shared by its documents' fonts."""
    found = _WIDTHS.get(id(pristine))
    if found is None:
        widths = _Widths(pristine.cw)
        widths.default = pristine.cw.default_factory()
        found = _WIDTHS[id(pristine)] = (pristine, widths)  # the face kept: its id stays its own
    return found[1]


def _sharing(font: TTFFont, cls: type) -> TTFFont:
    """A new ``cls`` font whose every slot is ``font``'s own object (shared): the caller replaces the parts
    its document changes."""
    new = cls.__new__(cls)
    for name in TTFFont.__slots__:
        if hasattr(font, name):  # a few slots are never set by fpdf2 (unicode_range)
            setattr(new, name, getattr(font, name))
    return new


def _document_font(pristine: TTFFont, index: int) -> TTFFont:
    """A font for one document: what fpdf2 only reads (metrics, cmap, glyph ids, the widths) is shared
    with the pristine parsed face; what it changes while writing is the document's own: the glyphs used
    (``subset``, ``missing_glyphs``, ``biggest_size_pt``), the font descriptor (given its object id when
    written) and the fontTools font, which fpdf2 subsets in place on output."""
    font = _sharing(pristine, _FastWidthFont)
    font.i = index
    font.cw = _widths(pristine)
    font.desc = copy(pristine.desc)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font.ttfont = None  # the document's own, made when it is written (``_font_to_subset``)
    font.subset = SubsetMap(font)
    return font


def _font_to_subset(font: TTFFont) -> ttLib.TTFont:
    """The fontTools font fpdf2 subsets (in place) and embeds for one document, read from the face the
    document was laid out with (the common face, a few hundred glyphs, or the whole one, about 6,000)."""
    ttfont = ttLib.TTFont(BytesIO(_font_bytes(str(font.ttffile))), recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    for tag in _NOT_EMBEDDED:
        if tag in ttfont:
            del ttfont[tag]
    return ttfont


# where a measuring document's line leaves x without its drawn width (SheetPDF._render_styled_text_line)
_MOVES_X = frozenset((XPos.LEFT, XPos.RIGHT, XPos.LMARGIN, XPos.RMARGIN))


class SheetPDF(FPDF):
    def output(self, *args: Any, **kwargs: Any) -> Any:
        for font in self.fonts.values():
            if isinstance(font, _FastWidthFont) and font.ttfont is None:
                font.ttfont = _font_to_subset(font)
        return super().output(*args, **kwargs)

    def __init__(self, content: SheetContent) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.content = content
        self.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
        self.set_auto_page_break(True, margin=MARGIN_BOTTOM)
        # parsed once per process (the common faces unless the sheet needs the whole ones); mutable parts
        # per document
        for key, font in _parsed_fonts(not WHOLE_FACES.get()).items():
            self.fonts[key] = _document_font(font, len(self.fonts) + 1)
        self._measures: dict[tuple, int] = {}
        self._breaks = _LINE_BREAKS.get()  # the lines already broken in this sheet's layouts
        self._sheet_breaks = self._breaks  # the same, kept while a block of the questionnaire's texts is laid out
        self.because = True  # each priority's « D'après vos réponses » (False: the very last resorts)
        self.compact = False  # tighter spacing, priorities may split across pages: the last resort
        self.brief = False  # smaller sizes, the method in one sentence: the last resorts
        self.why = True  # the priorities' "why" paragraph (False: the very last resorts)
        self.resources = True  # the priorities' resources (False: after every other last resort, said in one line)
        # how many of the priorities (the first) show the actions they suggest; None: all. The last resorts of a
        # sheet whose roadmap shows the commune's own actions, after the resources (said in the same one line)
        self.actions: int | None = None
        self.scratch = False  # a layout only measured, never written (no radar drawn)
        self.page_budget: int | None = None  # a layout tried and dropped past this many pages: stops there
        self.set_title(drawable(f"{content.title} — {content.commune}"))
        self.set_lang({"fr": "fr-BE", "de": "de-BE", "en": "en-GB"}[content.lang])
        self.set_creator("maturity")
        self.set_author("maturity")
        self.alias_nb_pages("{nb}")

    def add_page(self, *args: Any, **kwargs: Any) -> None:
        if self.page_budget is not None and self.page >= self.page_budget:
            raise _OverBudget
        super().add_page(*args, **kwargs)

    def _render_styled_text_line(self, text_line: TextLine, h: float | None = None, border: Any = 0,
                                 new_x: XPos = XPos.RIGHT, new_y: YPos = YPos.TOP, fill: bool = False,
                                 link: Any = "", center: bool = False, padding: Any = None,
                                 prevent_font_change: bool = False) -> bool:
        """A line of text. A measuring document (``scratch``) only moves: the page break, the position
        after the line and the last line's height as fpdf2 sets them, without writing the line (the
        predictions' lines were a tenth of a cold sheet's layout). A line whose place after it depends
        on its drawn width (``XPos.WCONT``, ``END``, ``CENTER``), with a border, a fill or centred is
        written as usual."""
        if (not self.scratch or border or fill or center or new_x not in _MOVES_X or not text_line.fragments
                or text_line.max_width is None or text_line.align == Align.X):
            return super()._render_styled_text_line(text_line, h, border, new_x, new_y, fill, link, center,
                                                    padding, prevent_font_change)
        w = text_line.max_width or self.w - self.r_margin - self.x
        if h is None:  # the tallest fragment, as fpdf2 finds it
            h = 0.0
            for frag in text_line.get_ordered_fragments():
                if FloatTolerance.greater_than(frag.font_size, h):
                    h = frag.font_size
        broke = self._perform_page_break_if_need_be(h)
        self._lasth = h or self.font_size
        if new_x == XPos.RIGHT:
            self.x += w
        elif new_x == XPos.LMARGIN:
            self.x = self.l_margin
        elif new_x == XPos.RMARGIN:
            self.x = self.w - self.r_margin
        if new_y == YPos.NEXT:
            self.y += h
        elif new_y == YPos.TMARGIN:
            self.y = self.t_margin
        elif new_y == YPos.BMARGIN:
            self.y = self.h - self.b_margin
        return broke

    def _preload_font_styles(self, text: str | None, markdown: bool, _initial_emphasis: Any = None) -> Any:
        frags = super()._preload_font_styles(text, markdown, _initial_emphasis)
        frags = tuple(_FastFragment(f.characters, f.graphics_state, f.k, f.link) if type(f) is Fragment else f
                      for f in frags)
        breaks = self._breaks
        if breaks is not None:
            for f in frags:
                if type(f) is _FastFragment:
                    f._breaks = breaks
        return frags

    # --- helpers -----------------------------------------------------------------------------

    @property
    def width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def font(self, size: float = BASE, style: str = "", color: tuple[int, int, int] = INK) -> None:
        self.set_font(FAMILY, style, size)
        self.set_text_color(*color)

    def para(self, text: str, size: float = BASE, style: str = "", color: tuple[int, int, int] = INK,
             w: float = 0, h: float | None = None, align: str = "L", link: str | None = None) -> None:
        self.font(size, style, color)
        self.multi_cell(w or self.width, h or size * 0.48, drawable(text, style), align=align,
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT, link=link)

    def heading(self, text: str, space_before: float = 6) -> None:
        keep = HEADING_KEEP * (0.75 if self.compact else 1)
        if self.get_y() > self.h - MARGIN_BOTTOM - keep:  # no heading alone at the foot of a page
            self.add_page()
        elif self.get_y() > self.t_margin + 1:  # no extra space at the top of a page
            self.ln(space_before * (0.5 if self.compact else 1))
        self.font(12.5, "B", INK)
        self.cell(0, 7, drawable(text, "B"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        y = self.get_y()
        self.set_draw_color(*ACCENT)
        self.set_line_width(0.6)
        self.line(self.l_margin, y, self.l_margin + 14, y)
        self.ln(2.5)

    def footer(self) -> None:
        c = self.content
        self.set_y(-12)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(self.l_margin, self.get_y() - 1.5, self.w - self.r_margin, self.get_y() - 1.5)
        self.font(7.5, "", MUTED)
        page = {"fr": "Page {n} / {nb}", "de": "Seite {n} / {nb}", "en": "Page {n} / {nb}"}[c.lang]
        page = page.replace("{n}", str(self.page_no()))
        right_w = self.get_string_width(page.replace("{nb}", "99")) + 2
        # too long for the line (Ottignies-Louvain-la-Neuve in German): the questionnaire's title loses its last words,
        # its version stays; then, a title of one word, the line's end
        title, footer = c.questionnaire_title, c.footer
        left = drawable(f"{c.commune} · {footer}")
        while self.get_string_width(left) > self.width - right_w - 4 and " " in title.strip() and title in footer:
            shorter = title.removesuffix("…").rsplit(" ", 1)[0].rstrip(" ,;:–-") + "…"
            footer, title = footer.replace(title, shorter, 1), shorter
            left = drawable(f"{c.commune} · {footer}")
        while self.get_string_width(left) > self.width - right_w - 4 and len(left) > 4:
            left = left[:-2].rstrip() + "…"
        self.cell(self.width - right_w, 5, left)
        self.cell(right_w, 5, page, align="R")


# --- the sections ------------------------------------------------------------------------------


SUMMARY_LABEL_W = 30.0  # mm, the labels of the three summary lines


def _name(pdf: SheetPDF, name: str) -> None:
    """The commune's name, large, on at most two lines: a long name gets a smaller size, then is cut."""
    for size in (22, 18, 15):
        if _lines(pdf, pdf.width, name, size, "B") <= 2:
            break
    else:
        while len(name) > 8 and _lines(pdf, pdf.width, name, size, "B") > 2:
            name = name[: max(8, int(len(name) * 0.9))].rstrip() + "…"
            name = name.replace("……", "…")
    pdf.para(name, size, "B", INK, h=size * 0.43)


def _header(pdf: SheetPDF, c: SheetContent) -> None:
    pdf.para(c.kicker.upper(), 8, "B", ACCENT)
    pdf.ln(1.5)
    _name(pdf, c.commune)
    pdf.ln(0.5)
    pdf.para(c.title, 12.5, "", INK, h=6)
    pdf.para(c.dateline + (f" · {c.respondent}" if c.respondent else ""), 8.5, "", MUTED)
    pdf.ln(3)
    _summary(pdf, c)


def _summary(pdf: SheetPDF, c: SheetContent) -> None:
    """The overall score and the three lines in words, in a soft band; what a score means below it."""
    inner = pdf.width - 5 - 4
    text_w = inner - SUMMARY_LABEL_W
    line_h = 4.3
    lines = [_lines(pdf, text_w, text, 9) for _label, text in c.summary]
    band_h = 2 + 6 + (4 if c.overall_detail else 0) + 1.5 + sum(lines) * line_h + 2.5
    y = pdf.get_y()
    pdf.set_fill_color(*SOFT)
    pdf.rect(pdf.l_margin, y, pdf.width, band_h, style="F")
    pdf.set_fill_color(*ACCENT)
    pdf.rect(pdf.l_margin, y, 1.4, band_h, style="F")
    x = pdf.l_margin + 5
    pdf.set_xy(x, y + 2)
    pdf.font(8, "B", MUTED)
    label = drawable(c.overall_label.upper(), "B")
    pdf.cell(SUMMARY_LABEL_W, 6, label)
    pdf.font(12, "B", INK)
    pdf.cell(0, 6, drawable(c.overall_value, "B"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if c.overall_detail:
        pdf.set_x(x + SUMMARY_LABEL_W)
        pdf.font(7.5, "", MUTED)
        pdf.cell(0, 4, drawable(c.overall_detail), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1.5)
    for label, text in c.summary:
        top = pdf.get_y()
        pdf.set_xy(x, top)
        pdf.font(8.4, "B", ACCENT)
        pdf.cell(SUMMARY_LABEL_W, line_h, drawable(label, "B"))
        pdf.set_xy(x + SUMMARY_LABEL_W, top)
        pdf.font(9, "", INK)
        pdf.multi_cell(text_w, line_h, drawable(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(y + band_h + 1.5)
    pdf.para(c.score_meaning, 7.8, "I", MUTED, h=3.6)
    pdf.ln(1.5)


def _profile(pdf: SheetPDF, c: SheetContent, radar: RadarDrawing) -> None:
    pdf.heading(c.profile_title, space_before=2)
    top = pdf.get_y()
    aspect = radar.aspect
    img_w = 88.0 if pdf.compact else 96.0  # the last resorts: a slightly smaller radar
    if pdf.compact and img_w * aspect > RADAR_MAX_H:  # and a long legend (several series) no taller
        img_w = RADAR_MAX_H / aspect
    if not pdf.scratch:  # a measuring layout draws nothing (the radar is placed, y does not move)
        radar.draw(pdf, pdf.l_margin - 2, top, img_w)
    img_h = img_w * aspect
    # the levels, beside the radar
    col_x = pdf.l_margin + img_w + 2
    col_w = pdf.w - pdf.r_margin - col_x
    pdf.set_xy(col_x, top)
    pdf.font(9.5, "B", INK)
    pdf.cell(col_w, 5, drawable(c.levels_title, "B"), new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.ln(1)
    with _questionnaire_texts(pdf):  # the levels and their descriptions: the questionnaire's
        _levels(pdf, c, col_x, col_w)
    pdf.set_xy(pdf.l_margin, max(top + img_h, pdf.get_y()) + 0.5)
    if c.reference_note:  # at most two lines, full width
        pdf.para(c.reference_note, 7, "I", MUTED, h=3.2)


def _levels(pdf: SheetPDF, c: SheetContent, col_x: float, col_w: float) -> None:
    for level in reversed(c.levels):  # the highest first, as on the radar
        pdf.set_x(col_x)
        pdf.font(8.4, "B", INK)
        name = drawable(level.label, "B")
        pdf.cell(pdf.get_string_width(name) + 2, 4.2, name)
        pdf.font(7.4, "", MUTED)
        pdf.cell(0, 4.2, drawable(level.range), new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_x(col_x)
        pdf.font(7.4, "", INK)
        pdf.multi_cell(col_w, 3.4, drawable(level.description), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.ln(1.2)


def _table(pdf: SheetPDF, headers: list[str], rows: list[list[tuple[str, str, tuple[int, int, int]]]],
           widths: tuple[float, ...], aligns: tuple[str, ...], size: float = 8.6, padding: float = 1.2) -> None:
    heading = FontFace(family=FAMILY, emphasis="BOLD", size_pt=7.6, color=MUTED, fill_color=SOFT)
    pdf.font(size)
    pdf.set_fill_color(255, 255, 255)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    with pdf.table(col_widths=widths, width=pdf.width, text_align=aligns, headings_style=heading,
                   borders_layout=TableBordersLayout.HORIZONTAL_LINES, line_height=size * 0.47,
                   padding=(padding, 1.6, padding, 1.6), align=Align.L, v_align="MIDDLE") as table:
        row = table.row()
        for text in headers:
            row.cell(drawable(text, "B"))
        for cells in rows:
            row = table.row()
            for text, style, color in cells:
                row.cell(drawable(text, style), style=FontFace(family=FAMILY, emphasis=style or None,
                                                              size_pt=size, color=color, fill_color=(255, 255, 255)))


def _scores(pdf: SheetPDF, c: SheetContent) -> None:
    pdf.heading(c.scores_title, space_before=3)
    rows = []
    for r in c.scores:
        cells = [(r.label, "B", INK), (r.score, "B" if not r.insufficient else "", INK if not r.insufficient else MUTED),
                 *[(text, "", INK) for text in r.comparisons],
                 (r.level, "" if not r.insufficient else "I", INK if not r.insufficient else WARN),
                 (r.coverage, "", MUTED), (r.na, "", MUTED)]
        if c.show_change:
            cells.append((r.change, "", INK))
        rows.append(cells)
    comparisons = c.comparison_columns
    # each column but the dimension's as wide as its cells and its header, the dimension the rest. With the
    # Walloon line after the score ("45 (41–50)") a header may take two lines (never breaking inside a word,
    # in any language); without, one line: « Verwertbare Antworten » broke inside its word in a fixed 22 mm,
    # and a header on two lines or a dimension's name on two lines more pushed a full sheet's last priority
    # off its third page
    pdf.font(7.6, "B")
    one_line = [pdf.get_string_width(drawable(h, "B")) + 2 * 1.6 + 1.0 for h in c.score_headers]
    widths = [0.0] + [_column_width(pdf, c.score_headers[i], [row[i][0] for row in rows]) if comparisons
                      else max(one_line[i], _column_width(pdf, "", [row[i][0] for row in rows]))
                      for i in range(1, len(c.score_headers))]
    widths[0] = pdf.width - sum(widths)
    aligns = ("LEFT", "RIGHT", *["RIGHT"] * comparisons, "LEFT", "RIGHT", "RIGHT") + (("RIGHT",) if c.show_change
                                                                                       else ())
    _table(pdf, c.score_headers, rows, widths, aligns)


def _column_width(pdf: SheetPDF, header: str, cells: list[str]) -> float:
    """A scores table column as wide as its longest header word (7.6 pt bold; the header on two lines at
    most) or cell (8.6 pt bold), with the table's padding."""
    pdf.font(7.6, "B")
    widest = max([pdf.get_string_width(drawable(word, "B")) for word in header.split() or [""]]
                 + [pdf.get_string_width(drawable(header, "B")) / 2])
    pdf.font(8.6, "B")
    widest = max([widest] + [pdf.get_string_width(drawable(cell, "B")) for cell in cells])
    return widest + 2 * 1.6 + 1.0


def _next_steps(pdf: SheetPDF, c: SheetContent) -> None:
    pdf.heading(c.next_steps_title)
    pdf.para(c.next_steps_intro, 7.8, "I", MUTED, h=3.6)
    pdf.ln(1)
    left = pdf.l_margin
    size, lh = (7.4, 3.5) if pdf.brief else (8, 3.8)
    for step in c.next_steps:
        _keep_together(pdf, lh * _lines(pdf, pdf.width - 5, f"{step.label} — {step.text}", size, "B") + 1)
        pdf.font(8, "B", ACCENT)
        pdf.cell(5, lh, "•")
        pdf.set_left_margin(left + 5)  # so that a wrapped line keeps the indent
        pdf.font(size, "B", INK)
        pdf.write(lh, drawable(step.label, "B"))
        pdf.font(size, "", INK)
        pdf.write(lh, drawable(f" — {step.text}"))
        pdf.set_left_margin(left)
        pdf.ln(lh)
        pdf.ln(0.6 if pdf.compact else 1)


def _obstacles(pdf: SheetPDF, c: SheetContent) -> None:
    _keep_together(pdf, 16 + 7 * min(len(c.obstacles) + 1, 3))  # the heading and a few rows; the table may then split
    pdf.heading(c.obstacles_title)
    if not c.obstacles and not c.also_cited:
        pdf.para(c.labels["no_obstacles"], 8, "", MUTED)
        return
    # the rows only an imported campaign quantifies are rows here too, unless a last resort says them in one
    # sentence (SheetContent.without_campaign_rows)
    if c.obstacles:
        rows = [[(o.label, "B", INK), (o.severity, "B" if o.cited else "", WARN if o.cited else INK),
                 (o.barometer, "", INK)] + ([(o.campaign, "", INK)] if c.campaign_column else [])
                for o in c.obstacles]
        widths = (40, 40, 58, 36) if c.campaign_column else (44, 52, 78)
        _table(pdf, c.obstacle_headers, rows, widths, ("LEFT",) * len(widths), size=8, padding=0.8)
        pdf.ln(1.5)
    if c.also_cited:
        pdf.para(c.also_cited, 8, "", INK, h=3.8)
        pdf.ln(0.8)
    pdf.para(c.obstacles_note, 7.3, "I", MUTED, h=3.4)


def _comparisons(pdf: SheetPDF, c: SheetContent) -> None:
    pdf.heading(c.comparisons_title)
    if not c.comparisons:
        pdf.para(c.labels["no_comparisons"], 8, "", MUTED)
        return
    # what a comparison with the barometer's respondents means, once. The last resorts that leave the priorities'
    # "why" paragraphs to the editable versions leave it there too (the questionnaire's words before the
    # commune's notes; each sentence's source still says the study, its year and n): drawn there, its line took
    # the tightest German sheet's notes out
    if c.comparisons_scope and pdf.why:
        pdf.para(c.comparisons_scope, 7.3, "I", MUTED, h=3.4)
        pdf.ln(0.8)
    size, lh = (7.4, 3.5) if pdf.brief else (8, 3.8)
    for text, _ref in c.comparisons:
        body = text  # its source's number in it, before the earlier editions' figures
        _keep_together(pdf, lh * _lines(pdf, pdf.width - 5, body, size) + 1)
        pdf.font(size, "B", ACCENT)
        pdf.cell(5, lh, "•")
        pdf.font(size, "", INK)
        pdf.multi_cell(pdf.width - 5, lh, drawable(body), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(0.6 if pdf.compact else 1)


# Line counts of the questionnaire's own texts (recommendation titles, reasons, actions, resources),
# the same for every commune: measured once per process. A commune's texts (name, notes, comparisons)
# are only ever kept in the one sheet's ``_measures``.
_QUESTIONNAIRE_LINES: dict[tuple, int] = {}
_QUESTIONNAIRE_LINES_MAX = 20_000


def _lines(pdf: SheetPDF, w: float, text: str, size: float, style: str = "", *, questionnaire_text: bool = False) -> int:
    key = (w, text, size, style)
    found = pdf._measures.get(key)
    if found is None and questionnaire_text:
        found = _QUESTIONNAIRE_LINES.get(key)
    if found is None:
        pdf.font(size, style)
        # aligned left as the sheet's paragraphs are (where a line breaks does not depend on the alignment):
        # the lines measured here are those the paragraph replays when it is laid out
        found = len(pdf.multi_cell(w, 4, drawable(text, style), align="L", dry_run=True, output="LINES")) or 1
        if questionnaire_text:
            if len(_QUESTIONNAIRE_LINES) >= _QUESTIONNAIRE_LINES_MAX:
                _QUESTIONNAIRE_LINES.clear()
            _QUESTIONNAIRE_LINES[key] = found
    pdf._measures[key] = found
    return found


def _write_link(pdf: SheetPDF, h: float, label: str, url: str) -> None:
    """A link in the running text, in the current font. fpdf2 breaks a write's first word where the line ends
    when it does not fit there (it cannot see the space before it, written by the call before): "Digita" /
    "l Wallonia" (expert review), "www.d" / "igitalwallonia.be/…" (a campaign's address): such a word starts the
    next line. What fits is what fpdf2's write() gives the line: up to the right margin, less a cell margin
    each side."""
    label = drawable(label)
    first = label.split(" ", 1)[0]
    room = pdf.w - pdf.r_margin - pdf.get_x() - 2 * pdf.c_margin
    if pdf.get_x() > pdf.l_margin and pdf.get_string_width(first) > room:
        pdf.ln(h)
    pdf.write(h, label, link=url)


def _keep_together(pdf: SheetPDF, height: float) -> None:
    """A page break now when a block of ``height`` mm would not fit on this page."""
    if pdf.get_y() + height > pdf.h - MARGIN_BOTTOM:
        pdf.add_page()


INDENT = 9.0


PT, PL = 8.2, 3.85  # priority body size and line height


def _resource_line(p: Priority) -> str:
    return "↗ " + "  ·  ".join(r.label for r in p.resources)


def _because_height(pdf: SheetPDF, p: Priority) -> float:
    """The height (mm) of a priority's « D'après vos réponses » line and the space after it, as laid out uncompact;
    the commune's own text, measured for this sheet only (0 without one)."""
    return PL * _lines(pdf, pdf.width - INDENT, p.because, PT) + 0.6 if p.because else 0.0


def _priority_height(pdf: SheetPDF, c: SheetContent, p: Priority) -> float:
    w = pdf.width - INDENT
    meta = " · ".join(x for x in (p.target, priority_name(c, p.priority)) if x)
    shared = True  # a priority says only the questionnaire's texts and fixed labels, nothing of the commune
    h = (4.9 * _lines(pdf, w, p.title, 10, "B", questionnaire_text=shared)
         + 3.6 * _lines(pdf, w, meta, 7.3, questionnaire_text=shared) + 0.6)
    h += _because_height(pdf, p)
    if p.check:
        h += PL * _lines(pdf, w, p.check, PT, "B", questionnaire_text=shared) + 0.6
    h += PL * _lines(pdf, w, p.why, PT, "I", questionnaire_text=shared) + 0.6
    h += sum(PL * _lines(pdf, w - 4, a, PT, questionnaire_text=shared) for a in p.actions)
    if p.resources:
        h += 0.6 + 3.7 * _lines(pdf, w, _resource_line(p), 7.5, questionnaire_text=shared)
    return h + 3.0


def _priorities(pdf: SheetPDF, c: SheetContent) -> None:
    pdf.heading(c.priorities_title)
    pdf.para(c.priorities_intro, 8, "", MUTED)
    pdf.ln(2)
    w = pdf.width - INDENT
    for place, p in enumerate(c.priorities):
        if pdf.compact:  # the title, its line and two more stay together; the rest may go on
            _keep_together(pdf, 4.9 * _lines(pdf, w, p.title, 10, "B") + 3.6 + 2 * PL + 1.2)
        else:
            _keep_together(pdf, _priority_height(pdf, c, p))
        _priority_block(pdf, c, p, w, actions=pdf.actions is None or place < pdf.actions)
        pdf.ln(1.8 if pdf.compact else 3.0)
        pdf.set_x(pdf.l_margin)
    if pdf.actions is not None and any(p.actions for p in c.priorities[pdf.actions:]):
        pdf.para(c.label("actions_elsewhere", n=pdf.actions + 1) if pdf.actions else c.labels["all_actions_elsewhere"],
                 7.8, "I", MUTED)
    elif not pdf.resources and any(p.resources for p in c.priorities):
        pdf.para(c.labels["resources_elsewhere"], 7.8, "I", MUTED)


def _priority_block(pdf: SheetPDF, c: SheetContent, p: Priority, w: float, actions: bool = True) -> None:
    """One priority, drawn from the current position (the page break before it is the caller's); ``actions``:
    with the actions it suggests."""
    with _questionnaire_texts(pdf):
        _priority_lines(pdf, c, p, w, actions)


def _priority_lines(pdf: SheetPDF, c: SheetContent, p: Priority, w: float, actions: bool = True) -> None:
    pt, pl = (7.6, 3.5) if pdf.brief else (PT, PL)
    y = pdf.get_y()
    # the rank in a small accent square
    pdf.set_fill_color(*ACCENT)
    pdf.rect(pdf.l_margin, y + 0.1, 5.6, 5.6, style="F")
    pdf.font(8.6, "B", (255, 255, 255))
    pdf.set_xy(pdf.l_margin, y + 0.1)
    pdf.cell(5.6, 5.6, str(p.rank), align="C")
    pdf.set_xy(pdf.l_margin + INDENT, y)
    pdf.font(10, "B", INK)
    pdf.multi_cell(w, 4.9, drawable(p.title, "B"), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    meta = " · ".join(x for x in (p.target, priority_name(c, p.priority)) if x)
    pdf.font(7.3, "", ACCENT)
    pdf.multi_cell(w, 3.6, drawable(meta), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.ln(0.6)
    if p.because and pdf.because:  # what made it apply, from the commune's answers: the Collège can check it
        with _commune_text(pdf):
            pdf.set_x(pdf.l_margin + INDENT)
            pdf.font(pt, "", INK)
            pdf.multi_cell(w, pl, drawable(p.because), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.ln(0.6)
    if p.check:  # resting on « je ne sais pas »: said before why it applies, even where the why is left out
        pdf.set_x(pdf.l_margin + INDENT)
        pdf.font(pt, "B", INK)
        pdf.multi_cell(w, pl, drawable(p.check, "B"), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.ln(0.6)
    if pdf.why:
        pdf.set_x(pdf.l_margin + INDENT)
        pdf.font(pt, "I", INK)
        pdf.multi_cell(w, pl, drawable(p.why, "I"), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.ln(0.6)
    for action in p.actions if actions else ():
        pdf.set_x(pdf.l_margin + INDENT)
        pdf.font(pt, "B", ACCENT)
        pdf.cell(4, pl, "›")
        pdf.font(pt, "", INK)
        pdf.multi_cell(w - 4, pl, drawable(action), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    if p.resources and pdf.resources:
        pdf.ln(0.6)
        left = pdf.l_margin
        pdf.set_left_margin(left + INDENT)  # so that a wrapped line keeps the indent
        pdf.set_x(left + INDENT)
        pdf.font(7.5, "B", MUTED)
        pdf.write(3.7, "↗ ")
        for k, res in enumerate(p.resources):
            if k:
                pdf.font(7.5, "", MUTED)
                pdf.write(3.7, "  ·  ")
            pdf.font(7.5, "U", ACCENT)
            _write_link(pdf, 3.7, res.label, res.url)
        pdf.set_left_margin(left)
        pdf.ln(3.7)


YEAR_COLUMN = 11.0  # mm: the roadmap's years, beside their actions


def _roadmap(pdf: SheetPDF, c: SheetContent) -> None:
    """The commune's targets (a table), then its actions by year (issue 14); absent without either."""
    r = c.roadmap
    if r is None:
        return
    if r.elsewhere:  # the last resort: the section in one line, under no heading (as the notes')
        pdf.ln(1)
        pdf.para(f"{r.title} — {r.more}", 7.8, "I", MUTED)
        return
    _keep_together(pdf, 16 + 7 * min(len(r.targets) + 1, 3))
    pdf.heading(r.title)
    if r.targets:
        rows = [[(dim, "B", INK), (score, "", INK), (level, "", INK), (year, "", INK), (gap, "", MUTED)]
                for dim, score, level, year, gap in r.targets]
        aligns = ("LEFT", "RIGHT", "LEFT", "RIGHT", "LEFT")
        small = pdf.compact  # the last resorts, tighter: rows of one line, smaller, each column but the dimension
        if small:  # as wide as its words (6 rows about 28 mm shorter in German, the Walloon column kept in English)
            widths = [0.0] + [_column_width(pdf, r.target_headers[i], [row[i][0] for row in rows]) for i in range(1, 5)]
            widths[0] = pdf.width - sum(widths)
            _table(pdf, r.target_headers, rows, tuple(widths), aligns, size=7.8, padding=0.5)
        else:
            _table(pdf, r.target_headers, rows, (62, 16, 40, 18, 38), aligns)
        pdf.ln(1.2 if small else 2)
    left = pdf.l_margin
    size, lh = (7.4, 3.5) if pdf.brief else (8, 3.8)
    # the year in a column of its own, on its first action's line, rather than a heading line over them: a
    # line saved per year, so that a campaign's sheet shows its commune's whole roadmap (it showed 2 of 5)
    text_w = pdf.width - YEAR_COLUMN - 4
    for index, (year, lines) in enumerate(r.years):
        if index:
            pdf.ln(0.8 if pdf.compact else 1.2)
        for place, line in enumerate(lines):
            _keep_together(pdf, lh * _lines(pdf, text_w, line, size) + 1)
            pdf.font(8.6, "B", ACCENT)
            pdf.cell(YEAR_COLUMN, lh, "" if place else year)  # the year on its first action's line
            pdf.font(8, "B", ACCENT)
            pdf.cell(4, lh, "•")
            pdf.set_left_margin(left + YEAR_COLUMN + 4)  # so that a wrapped line keeps the indent
            pdf.font(size, "", INK)
            pdf.write(lh, drawable(line))
            pdf.set_left_margin(left)
            pdf.ln(lh)
            pdf.ln(0.6 if pdf.compact else 1)
    if r.more:
        pdf.para(r.more, 7.8, "I", MUTED)
    if r.dropped:
        pdf.para(c.label("roadmap_dropped", n=r.dropped, pst=r.pst_title), 7.8, "I", MUTED)


def _notes(pdf: SheetPDF, c: SheetContent) -> None:
    if c.topics or c.topics_hidden:  # a team's assessment: where the team differed, as topics for the Collège
        _questions(pdf, c, c.topics_title, c.topics, c.topics_hidden, "topics_more", "topics_elsewhere")
    if c.notes or c.notes_hidden:
        _questions(pdf, c, c.notes_title, c.notes, c.notes_hidden, "notes_more", "notes_elsewhere")
    if c.warnings:
        pdf.heading(c.labels["warnings_title"])
        for w in c.warnings:
            pdf.para(w, 7.8, "", MUTED)


def _questions(pdf: SheetPDF, c: SheetContent, title: str, items: Sequence[tuple[str, ...]], hidden: int,
               more: str, elsewhere: str) -> None:
    """The commune's notes or a team's topics: each question and its text under a heading (a topic's answer kept
    and why on a line of its own, when it has them), then how many the PDF leaves to the DOCX ("2 autres
    remarques…"). With none shown (the very last resorts) that is said in one line without a heading, as
    "2 remarques, dans la version modifiable", never "2 autres"."""
    if pdf.brief and hidden and not items:
        pdf.ln(1)
        pdf.para(f"{title} — {c.label(elsewhere, n=hidden)}", 7.8, "I", MUTED)
        return
    pdf.heading(title)
    for question, text, *settled in items:
        _keep_together(pdf, _item_height(pdf, question, text, *settled))
        pdf.para(question, 8, "B", MUTED)
        pdf.para(text, 8.4, "", INK)
        for line in filter(None, settled):
            pdf.para(line, 8.4, "", INK)
        pdf.ln(1.5)
    if hidden:
        pdf.para(c.label(more if items else elsewhere, n=hidden), 7.8, "I", MUTED)


def _item_height(pdf: SheetPDF, question: str, text: str, *settled: str) -> float:
    """How far a note or a topic (its question, then its text, then a topic's answer kept and why) moves down,
    without the space after it."""
    return (4 * _lines(pdf, pdf.width, question, 8, "B") + 4.1 * _lines(pdf, pdf.width, text, 8.4)
            + sum(4.1 * _lines(pdf, pdf.width, line, 8.4) for line in settled if line))


def _method(pdf: SheetPDF, c: SheetContent) -> None:
    with _questionnaire_texts(pdf):  # the method and the sources: the same for every commune
        _method_lines(pdf, c)


def _method_lines(pdf: SheetPDF, c: SheetContent) -> None:
    pdf.heading(c.method_title)
    # the very last resort keeps one sentence: the method in full is in the editable versions and the docs
    method = c.labels["method_short"] if pdf.brief else c.method
    if c.trends_hidden:  # the very last resort left the barometer's earlier editions to the editable versions
        method += " " + c.labels["trends_more"]
    pdf.para(method, 7.6, "", INK, align="L", h=3.7)
    pdf.ln(1)
    pdf.heading(c.sources_title, space_before=3)
    if not c.sources:
        pdf.para(c.labels["no_sources"], 8.2, "", MUTED)
    left = pdf.l_margin
    size, lh = (7.2, 3.4) if pdf.brief else (7.6, 3.7)
    for src in c.sources:
        links = "".join(f" — {link.label}" for link in src.links)
        _keep_together(pdf, lh * _lines(pdf, pdf.width - 7, src.text + links, size) + 1)
        pdf.font(size, "B", INK)
        pdf.cell(7, lh, f"[{src.ref}]")
        pdf.set_left_margin(left + 7)  # so that a wrapped line keeps the indent
        pdf.font(size, "", INK)
        pdf.write(lh, drawable(src.text))
        for link in src.links:
            pdf.write(lh, " — ")
            pdf.font(size, "U", ACCENT)
            _write_link(pdf, lh, link.label, link.url)
            pdf.font(size, "", INK)
        pdf.set_left_margin(left)
        pdf.ln(lh)
        pdf.ln(0.4 if pdf.compact else 0.8)


def radar_png(q: Questionnaire, c: SheetContent) -> tuple[bytes, float]:
    """The radar as PNG (vl-convert) and its height/width ratio: the DOCX's picture (the PDF draws the
    same spec as vector paths, :mod:`maturity.sheet.radar`)."""
    from ..charts import chart_png

    png = chart_png(radar_spec(q, c.series, c.lang, layout=PDF_LAYOUT), scale=2)
    width = int.from_bytes(png[16:20], "big")
    height = int.from_bytes(png[20:24], "big")
    return png, height / width


def radar_drawing(q: Questionnaire, c: SheetContent) -> RadarDrawing:
    """The radar of the PDF: the one radar spec (``PDF_LAYOUT``) as vector paths."""
    return RadarDrawing(radar_spec(q, c.series, c.lang, layout=PDF_LAYOUT))


MAX_PAGES = 3
MIN_PRIORITIES = 6


def _layout(c: SheetContent, radar: RadarDrawing, measures: dict | None = None,
            compact: bool = False, brief: bool = False, why: bool = True, budget: int | None = None,
            begun: SheetPDF | None = None, resources: bool = True, actions: int | None = None,
            because: bool = True) -> SheetPDF:
    """The sheet laid out; with a ``budget`` of pages, ``_OverBudget`` as soon as it needs one more.
    ``begun``: its first sections already laid out (``_begin`` with the same ``compact``, no budget), copied
    instead of laid out again."""
    if begun is None:
        pdf = _begin(c, radar, compact, budget)
    else:
        if budget is not None and begun.page_no() > budget:  # as _begin with the budget would have stopped
            raise _OverBudget
        pdf = _copy_begun(begun)
        pdf.page_budget = budget
    pdf.brief = brief
    pdf.why = why
    pdf.resources = resources
    pdf.actions = actions
    pdf.because = because
    if measures is not None:
        pdf._measures = measures
    return _finish(pdf, c)


def _begin(c: SheetContent, radar: RadarDrawing, compact: bool = False, budget: int | None = None) -> SheetPDF:
    """The first sections: the same whatever priorities and barometer sentences are shown."""
    pdf = SheetPDF(c)
    pdf.page_budget = budget
    pdf.compact = compact
    pdf.add_page()
    _header(pdf, c)
    _profile(pdf, c, radar)
    _scores(pdf, c)
    return pdf


def _copy_begun(begun: SheetPDF) -> SheetPDF:
    """A copy of a document of which only the first sections are laid out (``_begin``), to be finished
    like the original: a tenth of the time of laying them out again. What its documents share stays
    shared (the content, the line breaks recorded for the sheet, the parts of the fonts read from the
    parsed faces); what a document changes is its own (pages, positions, the glyphs used, the fonts'
    descriptors)."""
    memo: dict[int, Any] = {id(begun.content): begun.content, id(begun._breaks): begun._breaks}
    for font in begun.fonts.values():
        memo[id(font)] = _copy_font(font)
    return deepcopy(begun, memo)


def _copy_font(font: TTFFont) -> TTFFont:
    """A document's font (``_document_font``) for a copy of the document: the parts read from the parsed
    face shared, the glyphs used so far (``subset``, ``missing_glyphs``, ``biggest_size_pt``) and the
    font descriptor copied (fpdf2's own deep copy would share the descriptor and make a plain TTFFont)."""
    new = _sharing(font, type(font))
    new.desc = copy(font.desc)
    new.missing_glyphs = list(font.missing_glyphs)
    subset = new.subset = copy(font.subset)
    subset.font = new
    subset._reserved = list(font.subset._reserved)
    subset._char_id_per_glyph = dict(font.subset._char_id_per_glyph)
    return new


def _finish(pdf: SheetPDF, c: SheetContent) -> SheetPDF:
    """The other sections, for ``c`` (the content of ``_begin`` with the priorities and sentences shown)."""
    pdf.content = c
    _next_steps(pdf, c)
    _comparisons(pdf, c)
    _obstacles(pdf, c)
    _priorities(pdf, c)
    _roadmap(pdf, c)
    _notes(pdf, c)
    _method(pdf, c)
    return pdf


def _tries(c: SheetContent) -> list[tuple[int, int]]:
    """The configurations (priorities shown, notes shown) tried, in order, after the full one: fewer
    priorities first (never fewer than 6); the summary, next steps and barometer sentences always stay."""
    n, k = len(c.priorities), len(c.notes)
    tries = [(min(n, 7), k), (min(n, MIN_PRIORITIES), k)]
    return [t for t in dict.fromkeys(tries) if t != (n, k)]


class Resort(NamedTuple):
    """One of the PDF's last resorts (:func:`_compact_tries`): what it shows, in tighter spacing."""

    limit: int  # the priorities shown
    notes: int  # the commune's notes shown
    brief: bool  # smaller sizes and the method in one sentence
    why: bool  # the priorities' "why" paragraph
    trends: bool  # the barometer sentences' earlier editions' figures
    topics: int  # a team's topics where it differs shown
    column: bool = True  # the scores table's Walloon column
    resources: bool = True  # the priorities' resources
    actions: int | None = None  # the actions the priorities suggest, shown for the first ``actions`` (None: all)
    settled: int | None = None  # a team's topics' answer kept and why, cut at that many characters (None: whole)
    because: bool = True  # each priority's « D'après vos réponses » line
    rows: bool = True  # the obstacles only an imported campaign quantifies as rows (False: in one sentence)


def _compact_tries(c: SheetContent, resources: bool = True) -> list[Resort]:
    """The last resorts, with tighter spacing and priorities that may split across pages: 6 priorities;
    then smaller sizes and the method in one sentence; then the priorities without their "why" paragraph,
    then without their « D'après vos réponses » line too (the commune's answers the rule rests on: the DOCX,
    the Markdown and the tool have it), then with both and fewer of the commune's notes, then without them
    again, and so on: as many of the notes
    as fit first, the "why" paragraphs where they fit beside them (those are the questionnaire's words, in
    the DOCX and the tool: a Collège would rather read its commune's own; the DOCX and the Markdown keep
    every note, the PDF says how many it leaves out); then the barometer's sentences without the earlier
    editions' figures (said in one line); then, for a team, its topics' answer kept and why begun (200
    characters, "…": three topics settled with reasons of 500 characters showed one in German), then fewer of the
    topics where it differs (said in one line, as the notes); then the scores table without the Walloon line's column (the radar still
    draws it); then the priorities without their resources (said in one line: the DOCX and the tool have
    them), for the heaviest German sheet with an imported campaign's every column, and before a roadmap is
    cut (``_layout_pdf``: links are of little use on paper, the Collège's own actions are not; with a
    campaign's reference the PDF showed 2 of a commune's 5 actions). A sheet showing actions of the commune's
    roadmap gives its generic texts up first, after the team's topics: the priorities' resources, then the
    actions the priorities suggest for the first 3 priorities only, then for none (said in the same one line),
    and only then the Walloon column (the heavy German sheet of a campaign, six targets and five actions, showed
    none of them, and kept the suggested actions of 6 priorities). ``resources`` False: neither of those. The
    resorts after the notes leave the « D'après vos réponses » lines out, as the "why" paragraphs."""
    n, k, m = len(c.priorities), len(c.notes), len(c.topics)
    limit = min(n, MIN_PRIORITIES)
    # each count of notes: with the "why" paragraphs and the « D'après vos réponses » lines, without the why,
    # without either (the commune's notes are kept before those lines, as before the why paragraphs); the
    # resorts after the notes keep neither (the barometer's trends, the team's topics, the roadmap's actions,
    # the campaign's figures go after them, as they did)
    tries = ([Resort(limit, k, brief=False, why=True, trends=True, topics=m)]
             + [Resort(limit, notes, brief=True, why=why, trends=True, topics=m, because=because)
                for notes in dict.fromkeys((k, *(min(k, keep) for keep in PDF_NOTES_STEPS)))
                for why, because in ((True, True), (False, True), (False, False))]
             + [Resort(limit, 0, brief=True, why=False, trends=False, topics=m, because=False)])
    # a team's topics with long reasons: those begun (the DOCX and the Markdown whole), before fewer topics
    settled = PDF_SETTLED_SHOWN if any(len(line) > PDF_SETTLED_SHOWN for _q, _s, line in c.topics) else None
    tries += [Resort(limit, 0, brief=True, why=False, trends=False, topics=min(m, keep), settled=settled, because=False)
              for keep in (m, *PDF_TOPICS_STEPS)]
    tries = list(dict.fromkeys(tries))
    last = tries[-1]
    column = bool(c.scores and c.scores[0].comparisons)
    rows = bool(c.also_cited_pdf)
    links = resources and any(p.resources for p in c.priorities[:limit])
    if resources and c.roadmap is not None and c.roadmap.actions:  # a roadmap showing the commune's own actions:
        # the generic texts give way before it, and before the campaign's figures in the scores table
        suggested = [keep for keep in PDF_ACTIONS_STEPS if any(p.actions for p in c.priorities[keep:limit])]
        if links or suggested:
            tries += [last._replace(resources=False)] if links else []
            tries += [last._replace(resources=False, actions=keep) for keep in suggested]
            if rows:
                tries.append(tries[-1]._replace(rows=False))
            if column:
                tries.append(tries[-1]._replace(column=False))
            return tries
    if rows:  # the campaign's figures last: the obstacles only it quantifies in one sentence, then
        tries.append(last._replace(rows=False))
    if column:  # at the very last, the scores table without the Walloon column
        tries.append(tries[-1]._replace(column=False))
    if links:  # after all, the priorities without their resources
        tries.append(tries[-1]._replace(resources=False))
    return tries


def _saved(pdf: SheetPDF, c: SheetContent, limit: int, notes: int) -> float:
    """The height (mm) showing only ``limit`` priorities and ``notes`` notes saves, as measured."""
    gain = sum(_priority_height(pdf, c, p) for p in c.priorities[limit:])
    gain += sum(_item_height(pdf, question, note) + 1.5 for question, note in c.notes[notes:])
    return gain


def _overflow(pdf: SheetPDF, pages: int, y: float) -> float:
    usable = pdf.h - MARGIN_TOP - MARGIN_BOTTOM
    return (pages - MAX_PAGES - 1) * usable + y - MARGIN_TOP


# --- choosing the configuration without laying out each candidate ---------------------------------
#
# The sheet's pagination depends only on where each element starts (every page has the same margins,
# no running header), so the end of a layout is predicted from its parts: the sections before the
# priorities and those after them are laid out for real in measuring documents (no radar drawn, never
# written) from the position where they start; the priorities, blocks that never split, are placed by
# the same arithmetic as ``_keep_together`` with each block's height measured once. A prediction too
# close to a threshold to be sure (within EPS) gives up, and the real layout is checked against the
# prediction: any doubt falls back to laying out each candidate (``_choose`` with real layouts).

EPS = 1e-6


class _Unsure(Exception):
    pass


# Height of a priority block (questionnaire texts and fixed labels only), measured once per process.
_BLOCK_HEIGHTS: dict[tuple, float] = {}


def _scratch(c: SheetContent, measures: dict, y: float | None = None) -> SheetPDF:
    pdf = SheetPDF(c)
    pdf.scratch = True
    pdf._measures = measures
    pdf.add_page()
    if y is not None:
        pdf.set_y(y)
    return pdf


def _block_height(pdf: SheetPDF, c: SheetContent, p: Priority) -> float:
    """How far a priority block (without the space after it) moves down, from the top of a page: its
    questionnaire's texts measured once per process, its « D'après vos réponses » line (the commune's) for
    this sheet only."""
    own = _because_height(pdf, p)
    if p.because:
        p = replace(p, because="")
    meta = " · ".join(x for x in (p.target, priority_name(c, p.priority)) if x)
    key = (pdf.width, p.title, meta, p.check, p.why, tuple(p.actions), tuple(r.label for r in p.resources))
    found = _BLOCK_HEIGHTS.get(key)
    if found is None:
        scratch = _scratch(c, pdf._measures)
        top = scratch.get_y()
        _priority_block(scratch, c, p, scratch.width - INDENT)
        if scratch.page_no() != 1:
            raise _Unsure
        found = max(scratch.get_y() - top, 0.1 + 5.6)  # the rank square's cell reaches y + 5.7
        if len(_BLOCK_HEIGHTS) >= 2000:
            _BLOCK_HEIGHTS.clear()
        _BLOCK_HEIGHTS[key] = found
    return found + own


class _Predictor:
    """Where the layout of a configuration ends (page, y), from measured parts."""

    def __init__(self, c: SheetContent, measures: dict, page: int, y: float) -> None:
        """``page`` and ``y``: where the first sections (``_begin``) end."""
        self.c = c
        self.measures = measures
        self.pdf = _scratch(c, measures)  # the measuring document for line counts
        self.page, self.y = page, y
        self._after: tuple[int, float] | None = None  # where the obstacles end
        self._ends: dict[tuple[int, int] | None, tuple[int, float]] = {}

    def content(self, config: tuple[int, int] | None) -> SheetContent:
        return self.c if config is None else self.c.with_limit(*config)

    def end(self, config: tuple[int, int] | None) -> tuple[int, float]:
        if config not in self._ends:
            self._ends[config] = self._end(config)
        return self._ends[config]

    def _end(self, config: tuple[int, int] | None) -> tuple[int, float]:
        c = self.content(config)
        if self._after is None:  # next steps, comparisons, obstacles: the same for every configuration
            pdf = _scratch(c, self.measures, self.y)
            _next_steps(pdf, c)
            _comparisons(pdf, c)
            page = self.page + pdf.page_no() - 1
            pdf = _scratch(c, self.measures, pdf.get_y())
            _obstacles(pdf, c)
            self._after = (page + pdf.page_no() - 1, pdf.get_y())
        page, y = self._priorities(c, *self._after)
        pdf = _scratch(c, self.measures, y)
        _roadmap(pdf, c)
        _notes(pdf, c)
        _method(pdf, c)
        return page + pdf.page_no() - 1, pdf.get_y()

    def _priorities(self, c: SheetContent, page: int, y: float) -> tuple[int, float]:
        pdf = self.pdf
        bottom = pdf.h - MARGIN_BOTTOM
        # the heading (SheetPDF.heading)
        for threshold in (bottom - HEADING_KEEP, pdf.t_margin + 1):
            if abs(y - threshold) < EPS:
                raise _Unsure
        if y > bottom - HEADING_KEEP:
            page, y = page + 1, pdf.t_margin
        elif y > pdf.t_margin + 1:
            y += 6
        y += 7 + 2.5
        # the introduction, one paragraph, then 2 mm
        h = 8 * 0.48
        for _ in range(_lines(pdf, pdf.width, c.priorities_intro, 8)):
            if abs(y + h - bottom) < EPS:
                raise _Unsure
            if y + h > bottom:
                page, y = page + 1, pdf.t_margin
            y += h
        y += 2
        for p in c.priorities:
            need = _priority_height(pdf, c, p)
            if abs(y + need - bottom) < EPS:
                raise _Unsure
            if y + need > bottom:
                page, y = page + 1, pdf.t_margin
            block = _block_height(pdf, c, p)
            if y + block > bottom - EPS:  # a line of it could break the page: not predicted
                raise _Unsure
            y += block + 3.0
        return page, y


def _choose(c: SheetContent, end: Any, probe: SheetPDF) -> tuple[tuple[int, int] | None, bool]:
    """The configuration the sheet is laid out with (None: the full content) and whether compact.
    ``end(config)`` gives where its layout ends (page, y)."""
    pages, y = end(None)
    if pages <= MAX_PAGES:
        return None, False
    overflow = _overflow(probe, pages, y)
    tries = _tries(c)
    savings = [_saved(probe, c, *t) for t in tries]
    if any(abs(s - overflow) < EPS for s in savings):
        raise _Unsure
    # skip the candidates that cannot save enough (measured, not laid out), then lay out
    start = next((i for i, s in enumerate(savings) if s >= overflow), len(tries) - 1)
    for t in tries[start:]:
        if end(t)[0] <= MAX_PAGES:
            return t, False
    return None, True


def _compact(c: SheetContent, radar: RadarDrawing, measures: dict, resources: bool = True) -> SheetPDF:
    """The last resort: tighter spacing, then fewer notes, until the sheet fits (real layouts). A try but
    the last stops as soon as it needs a page more than the sheet has (it would be dropped)."""
    tries = _compact_tries(c, resources)
    begun = {}  # the first sections, the same for every try with the same scores table (laid out once, copied)
    for i, t in enumerate(tries):
        shown = c.with_limit(t.limit, t.notes).with_topics(t.topics, t.settled)
        shown = shown if t.trends else shown.without_trends()
        shown = shown if t.column else shown.without_reference_column()
        shown = shown if t.rows else shown.without_campaign_rows()
        if t.column not in begun:
            begun[t.column] = _begin(shown, radar, compact=True)
        try:
            pdf = _layout(shown, radar, measures, compact=True, brief=t.brief, why=t.why,
                          budget=None if i == len(tries) - 1 else MAX_PAGES, begun=begun[t.column],
                          resources=t.resources, actions=t.actions, because=t.because)
        except _OverBudget:
            continue
        if pdf.page_no() <= MAX_PAGES:
            break
    return pdf


class _OverBudget(Exception):
    """A layout tried needs more pages than its budget."""


# the priorities (the first) whose suggested actions the PDF shows, tried in order after their resources, when the
# roadmap shows actions of the commune's own
PDF_ACTIONS_STEPS = (3, 0)
ROADMAP_ACTIONS = (12, 6, 0)  # actions of the roadmap the PDF shows, tried in order, before leaving it out


def render_pdf(q: Questionnaire, c: SheetContent) -> bytes:
    """The PDF, on at most 3 pages, with the roadmap when there is one: its targets and its first 12
    actions, else 6, else as many of its first actions as fit (the targets alone when none does), else no
    roadmap section (the editable versions and the PST table carry it all); within each, the sheet
    shortens itself as without a roadmap, down to the priorities without their resources (said in one line),
    then without the actions they suggest (of the priorities after the third, then of all; said in the same line):
    the commune's own actions before the links and the questionnaire's generic actions."""
    return bytes(layout_pdf(q, c).output())


def layout_pdf(q: Questionnaire, c: SheetContent) -> SheetPDF:
    """The PDF laid out as :func:`render_pdf` writes it; its ``content`` is what it shows (its
    ``priorities``: the recommendations on the PDF, which may be fewer than the editable versions')."""
    with _set(_LINE_BREAKS, {}) as breaks:
        try:
            with _set(WHOLE_FACES, False):  # the common faces, unless a text needs a character they lack
                pdf = _layout_pdf(q, c)
            if not any(font.missing_glyphs and set(font.missing_glyphs) & charset(style)
                       for style, font in _document_faces(pdf)):
                return pdf
        except NeedsWholeFaces:
            pass
        breaks.clear()
        with _set(WHOLE_FACES, True):
            return _layout_pdf(q, c)


@contextmanager
def _set(var: ContextVar, value: Any) -> Iterator[Any]:
    """``var`` set to ``value`` inside the block, as it was after it."""
    token = var.set(value)
    try:
        yield value
    finally:
        var.reset(token)


def _document_faces(pdf: SheetPDF) -> Iterator[tuple[str, TTFFont]]:
    """The document's DejaVu fonts, with their style."""
    for style in FILES:
        font = pdf.fonts.get(f"{FAMILY.lower()}{style}")
        if font is not None:
            yield style, font


def _layout_pdf(q: Questionnaire, c: SheetContent) -> SheetPDF:
    if c.roadmap is None:
        return _render(q, c, resources=True)
    first = min(c.roadmap.actions, ROADMAP_ACTIONS[0])
    over = None  # the fewest actions tried that did not fit
    for actions in [first, *[a for a in ROADMAP_ACTIONS[1:] if a < first]]:
        pdf = _render(q, c.with_roadmap(actions), resources=True)
        if pdf.page_no() > MAX_PAGES:
            over = actions
            continue
        # between the count that fits and the one that did not (7 actions where 6 did not fit and 0 did:
        # often 4 or 5 fit, and the Collège saw none of the commune's actions), the most that fit, halving
        while over is not None and over - actions > 1:
            middle = (actions + over) // 2
            tried = _render(q, c.with_roadmap(middle), resources=True)
            if tried.page_no() <= MAX_PAGES:
                actions, pdf = middle, tried
            else:
                over = middle
        return pdf
    pdf = _render(q, c.with_roadmap(None))  # the section in one line, else not at all
    if pdf.page_no() <= MAX_PAGES:
        return pdf
    bare = _render(q, c.with_roadmap(None, line=False), resources=True)
    if bare.resources:
        return bare
    # the last layout left the priorities' resources out all the same: the section's line, where it fits beside
    # that (Sankt Vith's team with a campaign, 3 targets and 6 actions: a Collège's sheet without a word of them,
    # page 3 a sixth empty; fresh-eyes trial). The targets alone were tried so, above.
    lined = _render(q, c.with_roadmap(None), resources=True)
    return lined if lined.page_no() <= MAX_PAGES else bare


def _render(q: Questionnaire, c: SheetContent, resources: bool = False) -> SheetPDF:
    """The PDF, on at most 3 pages. It shows the first 8 priorities when they fit, else 7, else 6
    (issue 4: "the first 6 to 8"), then tightens the spacing and leaves the commune's notes to the
    editable versions; the Markdown, the DOCX and the CSV always carry all that the content holds.
    ``resources``: whether its very last resort may leave the priorities' resources out (every layout of
    ``_layout_pdf``: before its roadmap is cut)."""
    radar = radar_drawing(q, c)
    measures: dict[tuple, int] = {}
    try:  # predicted: laid out once (the first sections before the prediction, which starts where they end)
        pdf = _begin(c, radar)
        predictor = _Predictor(c, measures, pdf.page_no(), pdf.get_y())
        config, compact = _choose(c, predictor.end, predictor.pdf)
        if compact:
            return _compact(c, radar, measures, resources)
        # the full content measures its texts in its own layout, as when it was laid out first
        pdf._measures = {} if config is None else measures
        _finish(pdf, c if config is None else c.with_limit(*config))
        pages, y = predictor.end(config)
        if pdf.page_no() == pages <= MAX_PAGES and abs(pdf.get_y() - y) < EPS:  # as predicted
            return pdf
    except _Unsure:
        pass
    # the prediction was unsure or wrong: a real layout of each candidate, as they come
    measures = {}
    layouts: dict[tuple[int, int] | None, SheetPDF] = {}

    def end(config: tuple[int, int] | None) -> tuple[int, float]:
        pdf = layouts[config] = _layout(c if config is None else c.with_limit(*config), radar, measures)
        return pdf.page_no(), pdf.get_y()

    probe = _scratch(c, measures)
    config, compact = _choose(c, end, probe)
    return _compact(c, radar, measures, resources) if compact else layouts[config]
