"""Web addresses given with a figure's source (an imported campaign's publication): which ones are links, and
how one is printed.

An address comes from a file the install did not write (a campaign's published aggregates), so it is a link
only when it is one plain ``http://`` or ``https://`` address with a host: no other scheme (``javascript:``,
``data:``, ``file:``), no space, quote, angle bracket, backslash, control or invisible formatting character (a
right-to-left override would show another address than the one opened). Anything else gives no
link at all, never a repaired one. The benchmark loader checks the same (contract §5); the sheet and the app
check again, since a radar line may carry an address from elsewhere.
"""

from __future__ import annotations

import re
import unicodedata

_WEB = re.compile(r"https?://[^\s/?#<>\"'`\\\x00-\x1f\x7f]+(?:[/?#][^\s<>\"'`\\\x00-\x1f\x7f]*)?", re.IGNORECASE)
MAX_URL = 500  # as the benchmark sets' sources (contract §5)


def web_url(value: object) -> str:
    """``value`` when it is a plain http(s) address (see the module's doc), else ""."""
    if not isinstance(value, str) or len(value) > MAX_URL:
        return ""
    if not _WEB.fullmatch(value) or any(unicodedata.category(c)[0] in "CZ" for c in value):
        return ""
    return value


def shown_address(url: str, limit: int = 90) -> str:
    """The address as a reader types it from a printed page: without its scheme nor a closing slash
    (``smartregion.wallonie.be/campagne-2027``), cut at ``limit`` with "…" (the link keeps it whole); "" when
    ``url`` is no web address."""
    url = web_url(url)
    if not url:
        return ""
    text = url.split("://", 1)[1].rstrip("/")
    return text if len(text) <= limit else text[: limit - 1] + "…"
