"""French typography's no-break spaces, the one rule for them.

French writes a space inside guillemets (« Planification »), before ? ! : ; (« Objectif : … ») and between a
number and its percent sign (« 95 % »). Where that space is a plain one, a line may break at it: « alone at
the end of a line, » or a lone ? or % at the start of the next. The texts of the tool carry a no-break space
(U+00A0) inside guillemets and before a number's % at their source, the catalogs and the questionnaire's and
barometer's YAML (``tests/unit/test_typography.py`` scans every one of them); text from outside (a commune's
name, notes, roadmap, a campaign's title) gets the guillemets' here on its way into the sheet
(``maturity.sheet.content.clean_text``) and into a page's Markdown (``maturity.markdown.escape``); the PDF's
layout, which breaks a line at any plain space, gets them all (``maturity.sheet.pdf.drawable``). Chromium,
too, breaks a line at a plain space before ? ! : ; (measured: « visé » / « ? » at 185-197 px; Unicode's rules
say not to, Word and LibreOffice follow them): every French text the app reads from its catalogs or the YAML
gets that no-break space as it is looked up, ``maturity.app.texts.tr``, ``maturity.labels.in_lang`` and
``maturity.models.localize`` (``Questionnaire.t``), so the sources keep their plain spaces there. German's „…“
and »…« have no space inside: left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

NBSP = "\u00a0"
# an opening guillemet and the space after it (not a German closing « after its word: »Wort« und), a
# closing one and the space before it (not a German opening » before its word: und »Wort«)
_GUILLEMETS = re.compile(r"(?<!\w)«[ ]|[ ]»(?!\w)")
_BEFORE_PUNCTUATION = re.compile(r" (?=[?!:;])|(?<=\d) (?=%)")  # and between a number and its % sign


def french_de(name: str) -> tuple[str, str]:
    """French's « de » before a commune's name, and the name as it then reads: elided before a vowel
    (« d' » Arlon, Ellezelles, Yvoir, Écaussinnes), « de » with its space for Namur or Huy (a Walloon place
    name's h is not elided: « de Herstal »), and contracted with the name's own article: « du » Roeulx (Le
    Roeulx), « des » Bons Villers (Les Bons Villers); « de » La Hulpe. « la réponse de Arlon » read wrong on
    every page of the 40-odd communes whose name starts with a vowel, « de Le Roeulx » as wrong."""
    import unicodedata

    name = name.strip()
    for article, contracted in (("Le ", "du "), ("Les ", "des ")):
        if name.startswith(article) and name[len(article):].strip():
            return contracted, name[len(article):].lstrip()
    first = unicodedata.normalize("NFD", name[:1])[:1].lower()
    return ("d'" if first and first in "aeiouy" else "de "), name


def french_que(word: str) -> str:
    """French's « que » before a word as French writes it: « qu' » before a vowel (« en tant qu'agent
    mobilité », « qu'éco-conseiller », « qu'échevine »), « que » with its space otherwise (« que directrice
    générale »; an h is not elided, as :func:`french_de` does not). « en tant que agent » read wrong on a
    colleague's page for every role starting with a vowel."""
    import unicodedata

    first = unicodedata.normalize("NFD", word.strip()[:1])[:1].lower()
    return "qu'" if first and first in "aeiouyœæ" else "que "


# the superscript letters of a French ordinal, as characters (every font the sheet uses has them; a Markdown page,
# a PDF line, a DOCX run and a table cell show them alike, where <sup> is HTML's alone)
SUPERSCRIPT_E = "\u1d49"  # ᵉ
SUPERSCRIPT_ER = "\u1d49\u02b3"  # ᵉʳ


def french_ordinal(k: int) -> str:
    """A French ordinal in figures as French writes it, its letters raised: « 1ᵉʳ », « 3ᵉ » (never « 3e », nor
    « 3ème »). The one place they are written (``maturity.benchmarks.ordinal``: « le 3ᵉ frein le plus cité »)."""
    return f"{k}{SUPERSCRIPT_ER if k == 1 else SUPERSCRIPT_E}"


_QUOTES = {"fr": ("«\u00a0", "\u00a0»"), "de": ("„", "“"), "en": ("“", "”")}


def cut(text: str, limit: int) -> str:
    """``text`` when it has at most ``limit`` characters; else its beginning, without the spaces it ends on,
    and « … », ``limit`` characters at most: a text cut says so."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quoted(text: str, lang: str) -> str:
    """``text`` in the language's quotation marks: « … » with no-break spaces in French, „…“ in German, “…” in
    English (another language: English's)."""
    left, right = _QUOTES.get(lang, _QUOTES["en"])
    return f"{left}{text}{right}"


def french_guillemets(text: str) -> str:
    """The space inside French guillemets made a no-break space: "« Planification »" never breaks inside."""
    if "«" not in text and "»" not in text:
        return text
    return _GUILLEMETS.sub(lambda m: m[0].replace(" ", NBSP), text)


@lru_cache(maxsize=8192)  # the same few thousand texts of the catalogs and the questionnaire, at every page run
def french_spaces(text: str) -> str:
    """:func:`french_guillemets`, and the space before ? ! : ; and between a number and its % made a no-break
    space (for a layout that would break a line there: "66 %" never split)."""
    text = french_guillemets(text)
    return _BEFORE_PUNCTUATION.sub(NBSP, text) if " " in text else text


# control characters (but the tab and the line feed) and the bidi embeddings, overrides and isolates: a right-to-
# left override typed in a note or a role turned the rest of its line around on the page (« evil.exe » read
# « exe.live », the app's own words after it reversed), and a control character showed as a box
_TYPED_OUT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def control_character(text: str) -> str | None:
    """The first character of ``text`` that :func:`typed_text` would drop (a control character but tab, line feed
    and carriage return, or a bidi override), None when there is none: for files, which are refused rather than
    changed (a title « \\e[2J… » cleared the terminal that printed it)."""
    found = _TYPED_OUT.search(text)
    return found.group(0) if found else None


def typed_text(text: str) -> str:
    """Free text a person typed or pasted (a note, a role, a roadmap action, a reason), as it is kept: without
    control characters (a carriage return ends a line) nor bidi overrides; everything else as typed. The sheet
    cleans text from files on its own (:func:`maturity.sheet.content.clean_text`)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _TYPED_OUT.sub("", text)


def plain_spaces(text: str) -> str:
    """``text`` with its no-break spaces (U+00A0, the narrow U+202F) as plain ones: two texts that differ only
    there are the same text (an action a roadmap kept before its wording got its no-break spaces)."""
    return text.replace(NBSP, " ").replace("\u202f", " ")


def semicolons(parts: Iterable[str], lang: str) -> str:
    """``parts`` joined by a semicolon; French puts a no-break space before it (« Namur : … ; Wallonie : … »)."""
    return ((NBSP if lang == "fr" else "") + "; ").join(parts)


def join_answers(labels: Iterable[str], lang: str) -> str:
    """The options ticked in a multi question, read as one answer: each label without its closing full stop,
    joined by a semicolon (« … sur papier ; Les décisions … »), where a comma read « … sur papier., Les
    décisions … ». French puts a no-break space before the semicolon."""
    parts = [label[:-1] if label.endswith(".") and not label.endswith("..") else label
             for label in (str(label).rstrip() for label in labels)]
    return semicolons(parts, lang)
