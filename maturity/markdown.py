"""The one Markdown escaper: text from outside (a commune's name, a note, a campaign's title, a problem
found in an uploaded file, a configured contact) shown as typed wherever Markdown is read: the sheet's
editable .md file (CommonMark, GitHub) and the app's Streamlit Markdown (CommonMark, GitHub tables and
strikethrough, ``:name[...]`` directives, ``:emoji:`` and ``:material/...:`` codes, ``$...$`` math).

The escapes are CommonMark's own (``\\*``, entities for ``<``, ``>``, ``&``), so every renderer shows the
text as it was typed, and the .md file stays readable to edit: marks that only count at the start of a
line (headings, lists, quotes, rules) are escaped there only, a colon only before a letter or a bracket
(where Streamlit would read a code or a directive; "Objectif : …" and "10:30" are left alone). A typed web or
e-mail address stays text, never a link (a word joiner breaks what GitHub's autolinks look for). The space
inside French guillemets becomes a no-break space (:func:`maturity.typography.french_guillemets`), as in
every text of the tool, so that a typed « zéro papier » never breaks inside on a page.
"""

from __future__ import annotations

import re

from .typography import french_guillemets, typed_text

# read anywhere in a line: emphasis, code, links and images, tables, strikethrough, mentions, math
_INLINE = re.compile(r"([\\`*_\[\]|~@$])")
# GitHub's autolinks: Streamlit (remark-gfm) and GitHub make a link of a "https://…", "http://…", "www.…" or
# "name@host.tld" found in the text itself, once its escapes are read (a backslash before "//" or "." did not
# stop it: a phishing address typed in a colleague's note was a link on the holder's page, seen in chromium). A
# word joiner (U+2060, written "&NoBreak;": no width, no line break) before "://", before an "@" followed by a
# domain with a dot (GFM's e-mail autolinks need one: "Safeonweb@Work" is no link, and the .md file shows it
# without an entity inside) and after a "www" breaks the pattern: the text shows as typed and is no link. An
# address the install's operator gives to write to is made a link on purpose (:func:`contact`)
_AUTOLINK = re.compile(r"(?i)(?=://|@[-\w]+(?:\.[-\w]+)+)|(?<=www)(?=\.)")  # any "www.": "_www.x.be" was linked too
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
    return _escaped(text, joiners=True)


def _escaped(text: object, joiners: bool) -> str:
    """:func:`escape`; without ``joiners``, for a link's label (an autolink is never made inside a link: the
    address shown in a label copies as shown)."""
    text = french_guillemets(typed_text(str(text))).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if joiners:
        text = _AUTOLINK.sub("&NoBreak;", text)  # before the inline marks: "@" becomes "&NoBreak;\@"
    text = _INLINE.sub(r"\\\1", text).replace("\\](", "\\]\\(")  # no "](" left: never a link target
    text = _CODE.sub("&#58;", text)
    return _LEADING.sub(lambda m: m.group(1) + (f"\\{m.group(2)}" if m.group(2) else f"{m.group(3)}\\{m.group(4)}"),
                        text)


def escape_block(text: str) -> str:
    """A multi-line text kept as one paragraph (line breaks kept as hard breaks)."""
    return "  \n".join(escape(line) for line in text.split("\n"))


# an e-mail address in a contact the operator configured (MATURITY_PRIVACY_CONTACT, MATURITY_POOL_CONTACT)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def contact(text: str) -> str:
    """A contact the install's operator configured (« dpo@namur.be, 081 00 00 00 »), escaped as typed text is,
    its e-mail addresses written as links to write to (``mailto:``): they were links by GitHub's autolinks before
    typed text lost them, and an address copied from the text would carry its word joiner. Operator's text only,
    never a colleague's or a file's."""
    out, at = [], 0
    for found in _EMAIL.finditer(text):
        address = found.group(0)
        out += [escape(text[at:found.start()]), f"[{_escaped(address, joiners=False)}](<mailto:{address}>)"]
        at = found.end()
    return "".join(out) + escape(text[at:])


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
    return f"[{_escaped(label, joiners=False)}](<{safe}>)"
