"""The one Markdown escaper: text from outside (a commune's name, a note, a campaign's title, a problem
found in an uploaded file, a configured contact) shown as typed wherever Markdown is read: the sheet's
editable .md file (CommonMark, GitHub) and the app's Streamlit Markdown (CommonMark, GitHub tables and
strikethrough, ``:name[...]`` directives, ``:emoji:`` and ``:material/...:`` codes, ``$...$`` math).

The escapes are CommonMark's own (``\\*``, entities for ``<``, ``>``, ``&``), so every renderer shows the
text as it was typed, and the .md file stays readable to edit: marks that only count at the start of a
line (headings, lists, quotes, rules) are escaped there only, a colon only before a letter or a bracket
(where Streamlit would read a code or a directive; "Objectif : …" and "10:30" are left alone). The space
inside French guillemets becomes a no-break space (:func:`maturity.typography.french_guillemets`), as in
every text of the tool, so that a typed « zéro papier » never breaks inside on a page.
"""

from __future__ import annotations

import re

from .typography import french_guillemets, typed_text

# read anywhere in a line: emphasis, code, links and images, tables, strikethrough, mentions, math
_INLINE = re.compile(r"([\\`*_\[\]|~@$])")
# GitHub-style autolinks: a typed "https://..." or "www...." must stay text
_AUTOLINK = re.compile(r"(?i)(://|\bwww\.)")
# Streamlit's codes (":material/home:", ":smile:") and directives (":red[...]") start with a colon right
# before a name or a bracket. Streamlit finds the codes in the Markdown source itself, before reading
# escapes (a backslash does not stop them; seen in chromium), so such a colon becomes an entity.
_CODE = re.compile(r":(?=[A-Za-z_\[])")
# only at the start of a line: headings, lists, quotes (">" is an entity already), rules, setext lines
_LEADING = re.compile(r"^([ \t]*)(?:([#+\-=])|(\d+)([.)]))", re.MULTILINE)


def escape(text: object) -> str:
    """Plain text that no Markdown or HTML renderer reads as markup (every line of it), without control
    characters or bidi overrides (:func:`maturity.typography.typed_text`: a right-to-left override in an
    imported title turned the page's own words after it around)."""
    text = french_guillemets(typed_text(str(text))).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text).replace("\\](", "\\]\\(")  # no "](" left: never a link target
    text = _AUTOLINK.sub(lambda m: ":\\/\\/" if m.group(1) == "://" else m.group(1)[:3] + "\\.", text)
    text = _CODE.sub("&#58;", text)
    return _LEADING.sub(lambda m: m.group(1) + (f"\\{m.group(2)}" if m.group(2) else f"{m.group(3)}\\{m.group(4)}"),
                        text)


def escape_block(text: str) -> str:
    """A multi-line text kept as one paragraph (line breaks kept as hard breaks)."""
    return "  \n".join(escape(line) for line in text.split("\n"))


def link(label: str, url: str) -> str:
    """A Markdown link to ``url`` shown as ``label`` (escaped, shown as typed); the label alone when ``url`` is
    no plain http(s) address (:func:`maturity.weblinks.web_url`). Inside the angle brackets of the target, a
    backslash or an entity would still be read (CommonMark) and Streamlit finds its ``:code:`` anywhere in the
    source: those characters are percent-encoded or written as an entity, so the link opens the address given."""
    from .weblinks import web_url

    url = web_url(url)
    if not url:
        return escape(label)
    scheme, rest = url.split("://", 1)
    host, sep, path = rest.partition("/")  # a port's colon stays ("example.org:8080"); the path's are encoded
    safe = (scheme + "://" + host + sep + path.replace(":", "%3A")).replace("&", "&amp;").replace("(", "%28") \
        .replace(")", "%29")
    return f"[{escape(label)}](<{safe}>)"
