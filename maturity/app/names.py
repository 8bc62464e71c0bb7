"""Names and links the app shows before any questionnaire is read: a commune's name and label, the resume
token and link.

Apart from :mod:`maturity.app.logic` (which re-exports them), because they need neither pydantic nor the
models: the home page, the menu and the frame draw with them alone (issue 16: the app's cold start).
"""

from __future__ import annotations

import re

from maturity import communes

from .texts import tr

# --- communes -------------------------------------------------------------------------------


def commune_choices() -> list[str]:
    """NIS codes of the 262 communes, in alphabetical order of their displayed name."""
    import unicodedata

    def fold(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))

    return sorted(communes.communes(), key=lambda nis: fold(communes.communes()[nis].display_name))


def commune_label(nis: str, lang: str) -> str:
    c = communes.get(nis)
    if c is None:
        return str(nis)
    return tr("commune_option", lang, name=c.display_name, province=c.province_name(lang))


def commune_name(nis: str | None, fallback: str | None = None, lang: str | None = None) -> str:
    """The commune's name as a page shows it. In German, a German-speaking commune's German name alone, as the
    sheet has it (« Büllingen », where « Büllingen (Bullange) » put its French name on every German page);
    otherwise both names, the German one first (:attr:`maturity.communes.Commune.display_name`)."""
    c = communes.get(nis)
    if c is not None:
        return c.name(lang) if lang == "de" else c.display_name
    # a name typed by a user (not from the official list) is shown in Markdown titles: no markup characters
    return " ".join(_MARKUP_CHARS.sub(" ", fallback or "").split())[:120] or "—"


_MARKUP_CHARS = re.compile(r"[\\`*_{}\[\]()<>#|!~\x00-\x1f\x7f]")


# --- resume token -------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{20,200}")


def token_from_input(text: str) -> str | None:
    """The resume token from a pasted link (``...?t=TOKEN``) or the bare code."""
    text = (text or "").strip()
    if not text:
        return None
    return _link_token(text, "t") or _token(text)


def member_from_input(text: str) -> str | None:
    """A colleague's own link pasted where a resume link is asked for (``...?m=TOKEN``): its token."""
    return _link_token((text or "").strip(), "m")


def _link_token(text: str, param: str) -> str | None:
    """The token a pasted link carries in its ``param`` (``t``: a holder's link, ``m``: a colleague's)."""
    match = re.search(rf"[?&]{param}=([A-Za-z0-9_-]+)", text)
    return _token(match.group(1)) if match else None


def _token(candidate: str) -> str | None:
    return candidate if _TOKEN_RE.fullmatch(candidate) else None


# the address path of every page (``shell.PAGES`` names them, a test keeps both lists the same)
PAGE_PATHS = ("accueil", "questionnaire", "equipe", "resultats", "recommandations", "wallonie", "vie-privee",
              "admin", "campagnes")


# a page name Streamlit registers and finds as typed: no slash, no control character, no space at either end
_PAGE_NAME = re.compile(r"(?!\s)[^/\x00-\x1f\x7f]{1,100}(?<!\s)")


def unknown_page(page_url: str | None) -> str | None:
    """The page name an address asks for when no page of the app has it (``https://x.be/equipes?t=…`` →
    ``equipes``, decoded as Streamlit reads it), else None: the app shows its own « Page introuvable » there, where
    Streamlit opened its English « Page not found » dialog over the home page. None for the app's own address, a
    page's, or a name Streamlit could not register (a slash inside, a control character, over 100 characters).
    « accueil » is one too: Streamlit serves the home page at the app's own address, and /accueil opened the
    same English dialog."""
    from urllib.parse import unquote, urlsplit

    if not page_url:
        return None
    name = unquote(urlsplit(page_url.strip()).path.rstrip("/").rpartition("/")[2])
    return name if (name not in PAGE_PATHS or name == "accueil") and _PAGE_NAME.fullmatch(name) else None


def app_address(page_url: str | None) -> str:
    """The app's own address from the address a page was opened at: without its query, fragment and page
    name (``https://x.be/ville/equipe?t=…`` → ``https://x.be/ville``); "" when it is not known. Every link
    the app writes starts with it (a resume link, a colleague's link, a campaign invitation)."""
    url = (page_url or "").strip().split("#", 1)[0].split("?", 1)[0].rstrip("/")
    head, _, last = url.rpartition("/")
    return head if last in PAGE_PATHS and "//" in head else url


def resume_url(base_url: str | None, token: str, page: str = "questionnaire") -> str:
    base = app_address(base_url) or "http://localhost:8501"
    return f"{base}/{page}?t={token}"


def copy_box_html(url: str, copy_label: str, done_label: str) -> str:
    """The link as selectable text and a visible button that copies it (labels in the page's language;
    the clipboard API when the page is secure, else the selection and ``execCommand``)."""
    from html import escape

    return (
        "<div class='resume-link' style='display:flex;flex-wrap:wrap;gap:.5rem;align-items:center'>"
        f"<code style='flex:1 1 16rem;overflow-wrap:anywhere;padding:.5rem;border-radius:.4rem;"
        f"background:#f0f2f6;color:#1b1d24'>{escape(url)}</code>"
        f"<button type='button' class='resume-copy' data-url='{escape(url, quote=True)}' "
        f"data-done='{escape(done_label, quote=True)}' style='padding:.4rem .9rem;border:1px solid #1f4e79;"
        f"border-radius:.5rem;background:#fff;color:#1f4e79;font:inherit;cursor:pointer'>{escape(copy_label)}</button>"
        "</div><script>(() => {\n"
        "for (const b of document.querySelectorAll('button.resume-copy:not([data-ready])')) {\n"
        "  b.dataset.ready = '1';\n"
        "  b.addEventListener('click', async () => {\n"
        "    const text = b.dataset.url;\n"
        "    try { await navigator.clipboard.writeText(text); }\n"
        "    catch (e) { const t = document.createElement('textarea'); t.value = text; document.body.append(t);\n"
        "      t.select(); document.execCommand('copy'); t.remove(); }\n"
        "    b.textContent = b.dataset.done;\n"
        "  });\n"
        "}})();</script>"
    )
