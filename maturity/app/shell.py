"""What every page shares: the navigation (titles in the chosen language), the sidebar and the style."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from . import names, session, tables
from .texts import LANGS, tr

# the favicon: a file of the app in the folder Streamlit serves at /app/static/ (server.enableStaticServing),
# named to the browser by its address (set_favicon)
FAVICON = Path(__file__).resolve().parent.parent.parent / "static" / "favicon.png"
FAVICON_URL = "/app/static/favicon.png"

PAGES = (
    # (file, url path, title key, icon, in the menu)
    ("accueil", "accueil", "nav_home", ":material/home:", True),
    ("questionnaire", "questionnaire", "nav_questionnaire", ":material/checklist:", True),
    ("equipe", "equipe", "nav_team", ":material/groups:", True),
    ("resultats", "resultats", "nav_results", ":material/radar:", True),
    ("recommandations", "recommandations", "nav_recommendations", ":material/task_alt:", True),
    ("wallonie", "wallonie", "nav_wallonia", ":material/public:", True),
    ("vie_privee", "vie-privee", "nav_privacy", ":material/shield_person:", True),
    # the coordinator's page: reachable by its own address (/admin), never in a commune's menu
    ("admin", "admin", "nav_admin", ":material/admin_panel_settings:", False),
    # the coordinator's campaigns, behind the same login: by its own address (/campagnes) too
    ("campagnes", "campagnes", "nav_campaigns", ":material/campaign:", False),
)
MEMBER_PAGES = ("questionnaire", "wallonie")


def pages() -> list:
    """The pages for ``st.navigation`` (drawn hidden: the menu is drawn by :func:`sidebar`, with
    links that carry the resume token and the language)."""
    session.new_run()
    # take the token from the URL and load its document before any title is written: the document
    # carries the assessment's language, so that a reload or a resume link keeps the menu in it
    if session.member_token() or session.current_token():
        session.document()
    lang = session.lang()
    # made once per language in this session (each checks its file on disk): a rerun draws faster
    memo = st.session_state.get("_pages")
    if memo is not None and memo[0] == lang:
        out = memo[1]
    else:
        out = [
            # the home page at the app's own address (its name free for /accueil, below)
            st.Page(f"{session.PAGES_DIR}/{name}.py", title=tr(title_key, lang), icon=icon,
                    url_path="" if name == "accueil" else url_path, default=name == "accueil")
            for name, url_path, title_key, icon, _in_menu in PAGES
        ]
        st.session_state["_pages"] = (lang, out)
    # an address that names no page (« /equipes »): our page, hidden, at that name for this run, where Streamlit
    # opened its English « Page not found » dialog over the home page (it has no option to say it otherwise)
    unknown = names.unknown_page(st.context.url)
    if unknown is None:
        return out
    if unknown == "accueil":  # the home page's own name: the home page
        return [*out, st.Page(f"{session.PAGES_DIR}/accueil.py", title=tr("nav_home", lang), icon=":material/home:",
                              url_path=unknown, visibility="hidden")]
    return [*out, st.Page(f"{session.PAGES_DIR}/introuvable.py", title=tr("nav_unknown", lang),
                          icon=":material/link_off:", url_path=unknown, visibility="hidden")]


# pages another commune may see: never the resume token in their address
PUBLIC = ("wallonie", "vie-privee", "admin", "campagnes")


def frame(page: object | None = None) -> None:
    """The style and the sidebar, drawn once ``st.navigation`` knows the pages (and which one runs)."""
    session.begin_run()
    style(session.lang())
    sidebar()
    if getattr(page, "url_path", None) in PUBLIC:  # last: drawing the sidebar reads the token
        session.hide_token_from_address()


def sidebar() -> None:
    member = session.member_token()  # a colleague's link (team): their questionnaire only
    doc = session.document() if member or session.current_token() else None  # loaded once per token
    lang = session.lang()
    with st.sidebar:
        with st.container(key="menu"):
            for name, _url, title_key, icon, in_menu in PAGES:
                if in_menu and (not member or name in MEMBER_PAGES):
                    session.page_link(name, tr(title_key, lang), icon, with_token=False)
        session.language_selector()
        if doc is not None:
            st.markdown(tr("sidebar_commune", lang, name=session.commune_of(doc, lang)))
            session.invitation_banner()
            stored = session.assessment_lang()
            if stored and stored != lang:
                st.caption(tr("assessment_lang_note", lang, language=tr(f"lang_{stored}", lang)))
                st.button(tr("assessment_lang_button", lang, language=tr(f"lang_{lang}", lang)), key="assessment_lang",
                          on_click=session.set_assessment_lang, args=(lang,))
        st.caption(tr("footer", lang))
        document_language(lang)


def style(lang: str) -> None:
    """Streamlit's own English texts replaced in the page's language, and a few visual adjustments."""
    st.html(f"<style>{css(lang)}</style>")


def document_language(lang: str) -> None:
    """The page's language for browsers, screen readers and translators: ``<html lang>`` (Streamlit
    ships ``en``) and the name of Streamlit's "Skip to main content" link, set on every page in the
    page's language (the link's visible text is replaced by :func:`css`)."""
    from json import dumps

    st.html("<script>(() => {\n"
            f"document.documentElement.lang = {dumps(lang)};\n"
            "const skip = document.querySelector(\"[data-testid='stSkipToContent']\");\n"
            f"if (skip) skip.setAttribute('aria-label', {dumps(tr('st_skip', lang))});\n"
            # a help icon's name, which Streamlit writes in English ("Help for Budget") as each field is drawn:
            # renamed in the page's language by one watcher per browser tab, told the language at every run
            f"window.maturityHelpNames = [{dumps(tr('st_help_for', lang, label='{label}'))}, "
            f"{dumps(tr('st_help', lang))}];\n"
            # and Streamlit's other controls ("Expand sidebar", a chart's "Download as PNG"), by their name in any
            # language (a control named in French keeps its name when the page turns German)
            f"window.maturityNames = {dumps(control_names(lang), ensure_ascii=False)};\n"
            "const renameHelp = (root) => root.querySelectorAll && root.querySelectorAll('[aria-label]')"
            ".forEach((icon) => {\n"
            "  const name = icon.getAttribute('aria-label');\n"
            "  const [named, bare] = window.maturityHelpNames;\n"
            "  const wanted = window.maturityNames[name] || (name === 'Help' ? bare : name.startsWith('Help for ') ? "
            "named.replace('{label}', name.slice(9)) : name);\n"
            "  if (wanted !== name) icon.setAttribute('aria-label', wanted);\n"
            "});\n"
            # and the tooltip a control shows on hover, which is also its description for a screen reader: the
            # roadmap grid's « + » read « Add row » on a French page (fresh-eyes trial, Ciney)
            "const renameTips = (root) => root.querySelectorAll && root.querySelectorAll("
            "\"[data-testid='stTooltipContent'] p\").forEach((tip) => {\n"
            "  const wanted = window.maturityNames[tip.textContent];\n"
            "  if (wanted && wanted !== tip.textContent) tip.textContent = wanted;\n"
            "});\n"
            "renameHelp(document);\n"
            "renameTips(document);\n"
            "if (!window.maturityHelpWatch) {\n"
            "  window.maturityHelpWatch = new MutationObserver(() => { renameHelp(document); renameTips(document); });\n"
            "  window.maturityHelpWatch.observe(document.body, {childList: true, subtree: true, attributes: true, "
            "attributeFilter: ['aria-label']});\n"
            "}\n"
            # on a phone the menu covers the page: a tap on one of its pages closes it, as Streamlit's own
            # menu does (the app draws its menu with st.page_link, which leaves it open); once per browser tab
            "if (!window.maturityMenuCloses) {\n"
            "  window.maturityMenuCloses = true;\n"
            "  document.addEventListener('click', (event) => {\n"
            "    const link = event.target.closest && event.target.closest(\"[data-testid='stSidebar'] a[href]\");\n"
            f"    if (!link || window.innerWidth >= {PHONE_MENU_WIDTH}) return;\n"
            "    const close = document.querySelector(\"[data-testid='stSidebarCollapseButton'] button\");\n"
            "    if (close) close.click();\n"
            "  });\n"
            "}\n"
            # a note, a text answer or a meeting's reason is applied (saved) when its field is left: a click on the
            # menu right after typing left the page before it arrived (Streamlit sends only the menu's values with
            # a change of page; 2 of 4 notes lost, hostile review 11), so that click waits for it; a reload or a
            # closed tab before it is applied asks first (the browser's own « leave the page? »). Once per tab
            "if (!window.maturityPending) {\n"
            "  const pending = window.maturityPending = {field: null, left: 0};\n"
            "  const saved = (el) => el && el.closest && el.matches('textarea, input') && el.closest(\""
            f"{SAVED_FIELDS}\");\n"
            "  const applied = () => { pending.field = null; pending.left = Date.now(); };\n"
            "  document.addEventListener('input', (event) => { if (saved(event.target)) pending.field = event.target; },"
            " true);\n"
            "  document.addEventListener('focusout', (event) => { if (event.target === pending.field) applied(); }, "
            "true);\n"
            "  document.addEventListener('keydown', (event) => {\n"
            "    if (event.target === pending.field && event.key === 'Enter' && (event.ctrlKey || event.metaKey || "
            "event.target.tagName === 'INPUT')) applied();\n"
            "  }, true);\n"
            "  window.addEventListener('beforeunload', (event) => {\n"
            "    if (pending.field) { event.preventDefault(); event.returnValue = ''; }\n"
            "  });\n"
            "  document.addEventListener('click', (event) => {\n"
            "    const link = event.target.closest && event.target.closest(\"[data-testid='stSidebar'] a[href]\");\n"
            f"    const wait = {NOTE_ARRIVES_MS} - (Date.now() - pending.left);\n"
            "    if (!link || link.dataset.maturityWaited || wait <= 0) return;\n"
            "    event.preventDefault();\n"
            "    event.stopImmediatePropagation();\n"
            "    link.dataset.maturityWaited = '1';\n"
            "    setTimeout(() => { link.click(); delete link.dataset.maturityWaited; }, wait);\n"
            "  }, true);\n"
            "}\n"
            "})();</script>", unsafe_allow_javascript=True)


# the fields whose value is saved when they are left (their keys: widgets.py, pages/equipe.py)
SAVED_FIELDS = "[class*='st-key-note_'], [class*='st-key-ans_'], [class*='st-key-why_']"
NOTE_ARRIVES_MS = 400  # a menu click this soon after such a field was left waits until then


CONTROL_NAMES = ("st_sidebar", "st_sidebar_expand", "st_sidebar_collapse", "st_heading_link", "st_download_png",
                 "st_copy_spec", "st_fullscreen", "st_close_fullscreen", "st_add_row", "st_columns", "st_download_csv",
                 "st_search", "st_decrement", "st_increment")


def control_names(lang: str) -> dict[str, str]:
    """Streamlit's controls' names (``aria-label``), each in every language, to its name in ``lang``."""
    return {tr(key, other): tr(key, lang) for key in CONTROL_NAMES for other in LANGS if tr(key, other) != tr(key, lang)}


PHONE_MENU_WIDTH = 768  # below it Streamlit's menu covers the page (its "md" breakpoint)


def set_favicon() -> None:
    """The browser tab's icon, :data:`FAVICON` by its address: the message ``st.set_page_config(page_icon=...)``
    sends, without its reading of the image (``image_to_url`` imports numpy and PIL for any icon that is
    not an emoji or a Material icon, a fifth of the app's cold start; a Material icon is fetched from a
    third-party font server). The favicon alone is set: the page's title and layout stay as
    ``st.set_page_config`` set them."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is None:  # not run by Streamlit (imported by a test)
        return
    from streamlit.proto.PageConfig_pb2 import PageConfig

    msg = ForwardMsg()
    msg.page_config_changed.favicon = FAVICON_URL
    # unset, as st.set_page_config leaves what it is not given: the enums' zero values are "centered" and
    # "auto", which turned the wide layout back to a 736 px column
    msg.page_config_changed.layout = PageConfig.LAYOUT_UNSET
    msg.page_config_changed.initial_sidebar_state = PageConfig.SIDEBAR_UNSET
    ctx.enqueue(msg)


def roadmap_css() -> str:
    """The targets form's rows (``roadmap.targets_section``): its twelve fields in one container, drawn
    as ``st.columns([3, 1])`` draws a row: a wrapping flex row with a 1rem gap, the level 3/4 and the year
    1/4 of the width, each column full width on a screen of 640 px or less (Streamlit's own rule)."""
    rows, fit = ".st-key-tg_rows", ".st-key-roadmap_fit"
    grid = "[data-testid='stElementContainer']:has(> [data-testid='stFullScreenFrame'] > [data-testid='stDataFrame'])"
    return (f"{rows}{{flex-direction:row !important;flex-wrap:wrap !important;gap:1rem !important}}"
            f"{rows}>:nth-child(odd){{flex:1 1 calc(75% - 1rem) !important}}"
            f"{rows}>:nth-child(even){{flex:1 1 calc(25% - 1rem) !important}}"
            f"@media (max-width:640px){{{rows}>*{{min-width:calc(100% - 24px) !important}}}}"
            # the roadmap: its grid in a column of tables.GRID_MIN px or more, else its list and form (a phone, where
            # the grid's six columns scrolled sideways)
            + fit + "{container-type:inline-size}"
            f"@container (max-width:{tables.GRID_MIN - 0.02}px){{{fit} {grid}{{display:none !important}}}}"
            f"@container (min-width:{tables.GRID_MIN}px){{{fit} .st-key-roadmap_phone{{display:none !important}}}}")


def tab_title(page_title: str, lang: str) -> str:
    """The browser tab's title: the page, then the tool, in the page's language."""
    return tr("tab_title", lang, page=page_title)


def css(lang: str) -> str:
    from maturity.display import format_megabytes
    from maturity.fileio import (
        MAX_ANSWERS_BYTES,  # answers.MAX_BYTES, without the reader (the home page's start)
    )

    limit = format_megabytes(MAX_ANSWERS_BYTES, lang)  # the texts of every uploader but the campaigns' YAML import's

    def content(key: str) -> str:
        return '"' + tr(key, lang, limit=limit).replace("\\", "").replace('"', "'") + '"'

    return (
        # the menu, once closed (a phone's, off the screen to the left): out of the keyboard's way, where Tab went
        # through its eight links and the language choice, all out of sight, before reaching the page
        "section[data-testid='stSidebar'][data-collapsed='true']{visibility:hidden}"
        # a visible keyboard focus (WCAG 2.4.7, 2.4.11): a focused menu link showed only the light grey of the
        # current page's, a text field or a list only a change of its border's colour (a11y review, finding 7).
        # The theme's blue, 2 px, outside the element; the mouse's clicks on links and buttons draw none
        "a:focus-visible,[data-testid='stSidebarNav'] a:focus-visible,[data-testid='stPageLink'] a:focus-visible"
        "{outline:2px solid #1f4e79 !important;outline-offset:2px;border-radius:4px}"
        ":is([data-testid='stTextInputRootElement'],[data-testid='stTextAreaRootElement'],"
        "[data-testid='stNumberInputContainer'],[data-testid='stDateInputField'],"
        ":is([data-testid='stSelectbox'],[data-testid='stMultiSelect']) [role='group'])"
        ":has(:is(input,textarea):focus-visible){outline:2px solid #1f4e79 !important;outline-offset:2px}"
        # "Skip to main content", the first link of the page (shown when a keyboard user tabs to it)
        "a[data-testid='stSkipToContent']{font-size:0 !important}"
        f"a[data-testid='stSkipToContent']::after{{content:{content('st_skip')};font-size:0.875rem}}"
        # "Press Enter to apply" under text and number inputs
        "[data-testid='InputInstructions']{font-size:0}"
        f"[data-testid='InputInstructions']::after{{content:{content('st_enter')};font-size:0.75rem}}"
        ".st-key-home_query [data-testid='InputInstructions']{display:none}"  # a live search needs no Enter
        # a text area: Enter starts a new line; a note is applied when its field is left, and the roadmap form's action
        # by the form's own button, beside it
        f"[data-testid='stTextArea'] [data-testid='InputInstructions']::after{{content:{content('st_enter_area')}}}"
        "[data-testid='stForm'] [data-testid='stTextArea'] [data-testid='InputInstructions']{display:none}"
        # the file uploader: "Upload" and "1MB per file • JSON"
        "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p{font-size:0}"
        "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p::after"
        f"{{content:{content('st_browse')};font-size:0.875rem}}"
        "[data-testid='stFileUploaderDropzoneInstructions'] span{font-size:0}"
        "[data-testid='stFileUploaderDropzoneInstructions'] span::after"
        f"{{content:{content('st_drop_limit')};font-size:0.75rem}}"
        # a file the uploader refuses itself (another type, over 1 MB; the app never sees it): its red chip's
        # tooltip said "application/x-yaml files are not allowed." or "File must be 1.0MB or smaller."
        "[data-testid='stTooltipErrorContent']{font-size:0 !important}"
        f"[data-testid='stTooltipErrorContent']::after{{content:{content('st_file_refused')};font-size:0.875rem}}"
        # and what a screen reader says of it, the chip's alert (drawn for screen readers only): "Error: File must be
        # 1.0MB or smaller." Hidden, its text is out of the accessibility tree; the words after it, shown, are in
        # it (checked in chromium's tree). Streamlit (1.67) has no option for these words (docs/app.md)
        "[data-testid='stFileChip'] [role='alert']{visibility:hidden}"
        f"[data-testid='stFileChip'] [role='alert']::after{{content:{content('st_file_refused')};visibility:visible}}"
        # the targets form's year fields: each is named with its dimension (« Smart Mobility – Mobilité — À atteindre
        # d'ici », roadmap.targets_section), for a screen reader, which read six times « À atteindre d'ici »; the row
        # shows the dimension already, so the label shows the words alone, as before. The words drawn here are
        # left out of the accessibility tree (« / "" »): the label's own text is there, as the field's name
        ".st-key-tg_rows [data-testid='stNumberInput'] [data-testid='stWidgetLabel'] p{font-size:0}"
        ".st-key-tg_rows [data-testid='stNumberInput'] [data-testid='stWidgetLabel'] p::after"
        f"{{content:{content('target_by')} / \"\";font-size:0.875rem}}"
        # a proposed action's « Ajouter » (roadmap.pick_buttons): named with its action for a screen reader, which
        # heard « Ajouter » a hundred times on the Recommandations page, not knowing what each added; the action is
        # written beside it, so the button shows the word alone, as before (the drawn word is out of the tree)
        "[class*='st-key-pick_'] button [data-testid='stMarkdownContainer'] p{font-size:0}"
        "[class*='st-key-pick_'] button [data-testid='stMarkdownContainer'] p::after"
        f"{{content:{content('roadmap_add_short')} / \"\";font-size:0.875rem}}"
        # the team's roles are typed freely: one without spaces ("Directeur ZZZ…") breaks anywhere in its cell
        # rather than widen its column past the screen (the other columns off a phone, cut on a desktop)
        ".st-key-team_members td:first-child,.st-key-team_members td:first-child *{overflow-wrap:anywhere}"
        # but "anywhere" lets the column shrink to one letter's width: a phone drew « directric / e / générale »
        # (fresh-eyes trial 9); wide enough for a role's usual words, the other columns still on the screen
        ".st-key-team_members td:first-child{min-width:6rem}"
        # a campaign's banner in the page: for a phone, whose menu (with the same banner) is closed
        f"@media (min-width:{PHONE_MENU_WIDTH}px){{.st-key-campaign_banner_main{{display:none !important}}}}"
        # a page's title on a phone: "Recommandations" (the longest word of a title) fits 358 px whole, where
        # Streamlit's 2.75rem broke it into "Recommandation" and "s" (seen in chromium at 390 px)
        "@media (max-width:640px){[data-testid='stMain'] h1{font-size:2.25rem !important}}"
        # tables on a phone: the text wraps (hyphenated in the page's language) instead of running off the
        # screen; a table still wider than the screen scrolls inside its own frame
        "@media (max-width:640px){"
        "[data-testid='stTableStyledTable'] th,[data-testid='stTableStyledTable'] td"
        "{white-space:normal !important;overflow-wrap:break-word;hyphens:auto;padding:4px 3px;font-size:0.75rem}"
        "[data-testid='stTableStyledTable'] :is(th,td) *{white-space:normal !important;hyphens:auto}"
        "}"
        # the results table fits its column: the series' headers are short words (logic.column_labels, each
        # said in full in the table below it), never broken inside a word; each column is as wide as its
        # longest word. Level, coverage and "does not apply" only in a column of 700 px or more (a desktop;
        # the levels section below gives them)
        ".st-key-score_table{container-type:inline-size}"
        ".st-key-score_table th,.st-key-score_table th *"
        "{overflow-wrap:normal !important;word-break:normal !important;hyphens:manual !important}"
        "@container (max-width:699.98px){"
        ".st-key-score_table table{width:100% !important}"
        ".st-key-score_table :is(th,td):nth-last-child(-n+3):not(.st-key-score_more *){display:none}"
        "}"
        # ... and given under it, in a table of their own, in such a column only: the share of usable answers
        # appeared nowhere on a phone (fresh-eyes trial 12)
        "@container (min-width:700px){.st-key-score_more{display:none !important}}"
        # a table of many columns: the table in a column wide enough for it, else its rows as a list
        + tables.css() + roadmap_css() +
        # question texts: the same weight above radios and checkboxes
        "[class*='st-key-q_'] [data-testid='stWidgetLabel'] p,[class*='st-key-q_'] .q-text"
        "{font-size:1rem;font-weight:600}"
        # ... and a multiple choice's options (each a checkbox, with a label of its own) as a single choice's
        "[class*='st-key-q_'] [data-testid='stCheckbox'] [data-testid='stWidgetLabel'] p"
        "{font-size:0.875rem;font-weight:400}"
    )
