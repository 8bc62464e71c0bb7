"""Session glue between Streamlit and the core: the questionnaire, the store, the resume token.

Rules kept here:
- shared caches hold only what is the same for everyone (the questionnaire, the store object,
  benchmark sets, the commune list); a commune's answers live in the store and in this
  session's ``st.session_state`` only;
- the resume token is in the URL (``?t=``) and in the session, so a reload finds the space again;
- every answer is written to the store by the widget's callback, as it is given.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

from maturity.display import minutes_to_wait
from maturity.errors import InvalidInput
from maturity.lazy import OnFirstUse
from maturity.typography import typed_text

from . import names
from .texts import LANG_NAMES, LANGS, TEXTS, normalize_lang, tr

if TYPE_CHECKING:
    from maturity.answers import AnswersFile
    from maturity.models import Questionnaire

log = logging.getLogger("maturity.app")


# Imported when first used (issue 16: the app's cold start). maturity.storage (SQLAlchemy): the first page
# of a visit without a space never opens the store, and importing SQLAlchemy was the largest part of the
# cold start; only the store raises a StorageError. maturity.app.logic (pydantic and the models): the
# first page without a space reads no questionnaire.
storage: Any = OnFirstUse("maturity.storage")
logic: Any = OnFirstUse("maturity.app.logic")
_STORAGE_NAMES = ("CommuneLocked", "SpaceNotFound", "StorageError", "Store")


def __getattr__(name: str) -> Any:  # ``session.StorageError`` in the pages, as before
    if name in _STORAGE_NAMES:
        return getattr(storage, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

ROOT = Path(__file__).resolve().parent.parent.parent
PAGES_DIR = "maturity/app/pages"  # relative to streamlit_app.py, as st.navigation registers them
QUESTIONNAIRE_ENV = "MATURITY_QUESTIONNAIRE"


# --- shared, commune-independent resources ------------------------------------------------------


_MADE: dict[tuple, Any] = {}  # the questionnaire by path, the store by configuration: one per process
_MADE_LOCK = threading.Lock()


def _once(key: tuple, make: Callable[[], Any]) -> Any:
    """What ``make`` made for ``key``, made once per process (two sessions starting together share it;
    a failure keeps nothing, so the next call tries again). Asked several times a run: a dict lookup
    (``st.cache_resource`` hashed its key at each call, about 0.1 ms)."""
    found = _MADE.get(key)
    if found is None:
        with _MADE_LOCK:
            found = _MADE.get(key)
            if found is None:
                found = _MADE[key] = make()
    return found


def _load_questionnaire(path: str | None) -> Questionnaire:
    from maturity.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire

    return load_questionnaire(path or DEFAULT_QUESTIONNAIRE)


def questionnaire() -> Questionnaire | None:
    """The questionnaire (``MATURITY_QUESTIONNAIRE`` or the default file); None when it cannot be loaded."""
    path = os.environ.get(QUESTIONNAIRE_ENV) or None
    try:
        return _once(("questionnaire", path), lambda: _load_questionnaire(path))
    except (InvalidInput, OSError) as exc:
        log.error("questionnaire not loaded: %s", exc)
        return None


_STORE_ENV = ("MATURITY_DATABASE_URL", "MATURITY_DATA_DIR")


def store() -> Any | None:
    """The store for this process (one per database configuration); None when the database cannot be
    used (read-only, full, corrupted), after showing why."""
    config = tuple((k, os.environ[k]) for k in _STORE_ENV if k in os.environ)  # asked many times a run
    try:
        found = _once(("store", config), lambda: storage.Store.from_env(dict(config)))
    except storage.StorageError as exc:  # read-only, full or corrupted database: say so, never a traceback
        show_storage_error(exc)  # nothing is kept: the next call tries again (recovery)
        return None
    st.session_state.pop("_storage_down", None)
    _erase_expired(found)
    return found


_RETENTION_CHECKED: dict[int, float] = {}


def _erase_expired(s: Any) -> None:
    """Erase the spaces left untouched beyond the retention period and the rate counters past their
    window, at most once an hour per process."""
    import time

    from maturity.privacy import PrivacySettings

    now = time.monotonic()
    if now - _RETENTION_CHECKED.get(id(s), -1e9) < 3600:
        return
    _RETENTION_CHECKED[id(s)] = now
    try:
        erased = s.erase_untouched(PrivacySettings.from_env().retention_days)
        s.prune_rate_events()  # rate counters (client fingerprints) older than 2 days
    except storage.StorageError as exc:
        _log_once(exc)
        return
    if erased:
        log.info("retention: %d untouched space(s) erased", erased)


def export_json() -> Callable[[], bytes]:
    """What builds everything stored about this session's assessment, as a JSON file (an empty object without
    one), for a download button. The token and the store are read now, in the page's run: Streamlit calls the
    builder when the button is clicked, in a thread with no script run, where the URL and the session state are
    not there (it read no token, and « Vos données » downloaded « {} »)."""
    import json

    token = current_token()
    s = store()

    def build() -> bytes:
        data = s.export_space(token) if s is not None and token else None
        return (json.dumps(data or {}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    return build


@st.cache_resource(show_spinner=False)
def benchmark_sets() -> list[Any]:
    from maturity import benchmarks

    try:
        return list(benchmarks.load_benchmark_sets())
    except InvalidInput as exc:
        log.error("benchmarks not loaded: %s", exc)
        return []


@st.cache_resource(show_spinner=False, max_entries=16)
def _campaign_reference(text: str, name: str) -> Any:
    from maturity.aggregates import read_aggregates

    return read_aggregates(text, name)


def campaign_references() -> list[Any]:
    """The imported campaign aggregates (public figures, shared by every replica through the store),
    read once per text; a file that no longer reads (a later, stricter check) is logged and left out."""
    s = store()
    if s is None:
        return []
    try:
        rows = s.campaign_aggregates()
    except storage.StorageError as exc:
        log.error("campaign aggregates not read: %s", exc.detail)
        return []
    refs = []
    for row in rows:
        try:
            refs.append(_campaign_reference(row["text"], row["source"]))
        except InvalidInput as exc:
            log.error("campaign aggregates %s left out: %s", row["campaign"], exc)
    return refs


@st.cache_data(show_spinner=False)
def commune_choices() -> list[str]:
    return names.commune_choices()


# --- language ------------------------------------------------------------------------------------


def lang() -> str:
    """The interface language: the URL's ``lang`` (a reload keeps a switch), else this session's, else
    the open assessment's (set when it is loaded), else the browser's."""
    url_lang = st.query_params.get("lang")
    if url_lang in LANGS and url_lang != st.session_state.get("lang"):
        st.session_state["lang"] = url_lang
        st.session_state["lang_chosen"] = True
    if "lang" not in st.session_state:
        guess = "fr"
        try:
            locale = (st.context.locale or "").lower()
            if locale.startswith("de"):
                guess = "de"
        except Exception:
            guess = "fr"
        st.session_state["lang"] = guess
    chosen = normalize_lang(st.session_state["lang"])
    if st.session_state.get("lang_chosen") and st.query_params.get("lang") != chosen:
        st.query_params["lang"] = chosen
    return chosen


def _on_lang_change() -> None:
    """Only the interface changes: the commune, the answers and the assessment's own language stay."""
    chosen = normalize_lang(st.session_state.get("_lang_choice"))
    st.session_state["lang"] = chosen
    st.session_state["lang_chosen"] = True
    st.query_params["lang"] = chosen
    _forget_widgets()  # their labels change, so Streamlit makes new widgets: seed them again from the answers


def _forget_widgets() -> None:
    prefixes = ("ans_", "note_", "mc_", "sp_", "fin_", "why_", "team_my_")
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefixes)]:
        del st.session_state[key]


def use_lang(chosen: str) -> None:
    st.session_state["_lang_choice"] = normalize_lang(chosen)
    _on_lang_change()


def language_selector() -> None:
    current = lang()
    st.session_state["_lang_choice"] = current
    st.sidebar.radio(
        "Langue · Sprache · Language", list(LANGS), key="_lang_choice", format_func=LANG_NAMES.__getitem__,
        on_change=_on_lang_change,
    )


def assessment_lang() -> str | None:
    """The language stored with the open assessment (the one its resume link opens in)."""
    meta = st.session_state.get("space_meta") or {}
    return meta.get("lang")


def set_assessment_lang(chosen: str) -> None:
    """Make ``chosen`` the assessment's language, when the user asks for it."""
    token = current_token()
    s = store()
    if not token or s is None:
        return
    try:
        s.set_lang(token, chosen)
    except (storage.StorageError, storage.SpaceNotFound):
        return
    meta = dict(st.session_state.get("space_meta") or {})
    meta["lang"] = chosen
    st.session_state["space_meta"] = meta


def resume_step(q: Questionnaire, doc: AnswersFile) -> int:
    """The part (0-based) where this assessment's holder goes on: the one last opened while unfinished,
    else the next unfinished one (:func:`logic.resume_step`)."""
    return logic.resume_step(q, doc.answers, (st.session_state.get("space_meta") or {}).get("last_part"))


def remember_part(section_id: str) -> None:
    """Keep the part the holder has open in the space (server-side), so that the resume link, which
    names no part, brings them back to it from any browser. Written only when it changes."""
    meta = st.session_state.get("space_meta")
    if meta is None or meta.get("last_part") == section_id:  # the common case: asks nothing of the store
        return
    token = current_token()
    s = store()
    if not token or s is None:
        return
    try:
        s.set_last_part(token, section_id)
    except (storage.StorageError, storage.SpaceNotFound) as exc:
        _log_once(exc)
        return
    meta["last_part"] = section_id


# --- the resume token and the space -------------------------------------------------------------


def member_token() -> str | None:
    """A colleague's own link (``?m=``, see :mod:`maturity.app.team`): it opens their own answers on
    the questionnaire page and nothing else. Kept in the session (and put back in the URL) while the
    colleague moves between pages; a holder's link (``?t=``) in the URL ends it."""
    url_m = st.query_params.get("m")
    if url_m:
        token = names.token_from_input(url_m)
        if token and st.session_state.get("member_token") != token:
            _forget_space()
            st.session_state["member_token"] = token
        return token
    if st.query_params.get("t"):
        if st.session_state.pop("member_token", None):
            _forget_space()
        return None
    token = st.session_state.get("member_token")
    if token:
        st.query_params["m"] = token
    return token


def current_token() -> str | None:
    """The token of this session, taken from the URL on first sight; kept in the URL. None on a
    colleague's link: it never opens the space itself."""
    if member_token():
        return None
    url_token = st.query_params.get("t")
    token = st.session_state.get("token")
    if url_token and url_token != token:
        token = names.token_from_input(url_token)
        _forget_space()
        st.session_state["token"] = token
    if token and st.query_params.get("t") != token:
        st.query_params["t"] = token
    return token


def _forget_space() -> None:
    _forget_widgets()
    for key in ("doc", "doc_token", "doc_version", "space_meta", "member_meta", "step"):
        st.session_state.pop(key, None)


def set_token(token: str | None) -> None:
    _forget_space()
    if token:
        st.session_state["token"] = token
        st.query_params["t"] = token
    else:
        st.session_state.pop("token", None)
        st.query_params.pop("t", None)


def document() -> AnswersFile | None:
    """This session's answers document (loaded from the store once per token); None without a space.
    On a colleague's link: their own answers (``respondent.role`` set), never the space's."""
    member = member_token()
    if member:
        return _member_document(member)
    token = current_token()
    if not token:
        return None
    q = questionnaire()
    s = store()
    if st.session_state.get("doc_token") == token and "doc" in st.session_state:
        # the store is asked whether the draft changed elsewhere once per run (the menu, the page's title
        # and the page each want the document)
        if s is None or st.session_state.get(_CHECKED) == token or not _changed_elsewhere(s, token):
            st.session_state[_CHECKED] = token
            _retry_unsaved()
            return st.session_state["doc"]
        _reload_space()
    if q is None:
        return None
    if s is None:
        return st.session_state.get("doc")
    try:
        space = s.load_space(token)
    except storage.StorageError as exc:
        show_storage_error(exc)
        return None
    if space is None:
        return None
    doc = logic.document_of(space.draft, q)
    if space.nis_code and not doc.nis_code:
        doc.commune = {"nis_code": space.nis_code, "name": space.commune_name or ""}
    st.session_state["doc"] = doc
    st.session_state["doc_token"] = token
    st.session_state["doc_version"] = space.version
    st.session_state["space_meta"] = {"nis_code": space.nis_code, "name": space.commune_name,
                                      "lang": normalize_lang(space.lang), "last_part": space.last_part}
    if "lang_from_space" not in st.session_state and not st.session_state.get("lang_chosen"):
        st.session_state["lang"] = normalize_lang(space.lang)  # a resume link opens in the assessment's language
    st.session_state["lang_from_space"] = True
    st.session_state[_CHECKED] = token
    _retry_unsaved()
    return doc


_CHECKED = "_version_checked"  # the token whose stored version this run has already compared


def new_run() -> None:
    """Called first in every run (before the navigation): the next :func:`document` compares the stored
    version again."""
    st.session_state.pop(_CHECKED, None)


def _changed_elsewhere(s: Any, token: str) -> bool:
    """Whether another tab, person or replica changed the draft since this session read it."""
    if st.session_state.pop("_stale", False):
        return True
    try:
        stored = s.space_version(token)
    except storage.StorageError:
        return False  # the error shows on the next save; keep what is on screen
    return stored is not None and stored != st.session_state.get("doc_version")


def _reload_space() -> None:
    """Drop this session's copy (and its widgets) to read the stored draft again, keeping the page
    and the part; the page says so."""
    _forget_widgets()
    for key in ("doc", "doc_version"):
        st.session_state.pop(key, None)
    st.session_state["_reloaded"] = True


def _mark_saved(version: Any) -> None:
    """After this session's own write: its copy stays current unless someone else wrote in between."""
    if not isinstance(version, int) or isinstance(version, bool):
        return
    known = st.session_state.get("doc_version")
    if known is not None and version != known + 1:
        st.session_state["_stale"] = True
    st.session_state["doc_version"] = version


_CLEAR = {"cleared": True}  # stands for "no answer" in the list of unsaved answers


def unsaved(question_id: str) -> bool:
    """Whether this question's last answer could not be saved (it is retried at the next action)."""
    return question_id in (st.session_state.get("_unsaved") or {})


def _retry_unsaved() -> None:
    pending = dict(st.session_state.get("_unsaved") or {})
    for qid, value in pending.items():
        value = None if value == _CLEAR else value
        if _write(lambda s, token, q=qid, v=value: s.save_answer(token, q, v)):
            st.session_state["_unsaved"].pop(qid, None)
        else:
            break


def invitation() -> Any | None:
    """The campaign invitation whose link opened this space (None for an ordinary space); asked once
    per token. Such a space belongs to its commune: the store refuses another one."""
    token = current_token()
    s = store()
    if not token or s is None:
        return None
    remembered = st.session_state.get("_invitation")
    if remembered is not None and remembered[0] == token:
        return remembered[1]
    try:
        info = s.invitation_of(token)
    except storage.StorageError:
        info = None
    st.session_state["_invitation"] = (token, info)
    return info


def invitation_banner(main: bool = False) -> None:
    """In a space opened by a campaign invitation: which campaign, which commune, until when it counts. In
    the sidebar; ``main``: in the page too, where a phone shows it (its menu, and the banner in it, is closed
    under 768 px: an invited commune saw nothing of the campaign until its results page). The style hides
    the page's copy where the sidebar is open beside the page."""
    info = invitation()
    if info is None:
        return
    from maturity.display import format_date

    la = lang()
    key = "campaign_banner" if info.open else "campaign_banner_closed"
    text = tr(key, la, title=logic.escape_markdown(info.title), **logic.commune_in_text(info.commune_name, la),
              closes=format_date(info.closes, la))
    if not main:
        st.sidebar.info(text, icon=":material/campaign:")
        return
    with st.container(key="campaign_banner_main"):
        st.info(text, icon=":material/campaign:")


def _member_document(member: str) -> AnswersFile | None:
    key = "m:" + member
    if st.session_state.get("doc_token") == key and "doc" in st.session_state:
        return st.session_state["doc"]
    q = questionnaire()
    s = store()
    if q is None or s is None:
        return None
    try:
        space = s.load_member(member)
    except storage.StorageError as exc:
        show_storage_error(exc)
        return None
    if space is None:
        return None
    doc = logic.document_of(space.document(), q)
    st.session_state["doc"] = doc
    st.session_state["doc_token"] = key
    st.session_state["space_meta"] = {"nis_code": space.nis_code, "name": space.commune_name}
    st.session_state["member_meta"] = {"role": space.role, "sections": space.sections}
    if "lang_from_space" not in st.session_state:
        st.session_state["lang_from_space"] = True
        st.session_state["lang"] = normalize_lang(space.lang)
    return doc


def start(nis_code: str, chosen_lang: str) -> str | None:
    """Open a new space for this commune; returns the token (None on a storage problem)."""
    q = questionnaire()
    s = store()
    if q is None:
        return None
    from maturity import communes

    commune = communes.get(nis_code)
    if s is None:  # no storage: a session-only document
        token = "session-" + os.urandom(16).hex()
        set_token(token)
        from maturity.answers import AnswersFile

        doc = AnswersFile.new(q, nis_code)
        st.session_state["doc"] = doc
        st.session_state["doc_token"] = token
        return token
    from maturity.storage import RateLimited

    try:
        token = s.open_space(nis_code, q.id, q.version, chosen_lang, client=client_address())
        if commune is not None:
            s.set_commune(token, nis_code, commune.name_fr)
    except storage.StorageError as exc:
        show_storage_error(exc)
        return None
    except RateLimited as exc:  # a script opening spaces by the thousand; a commune never meets it
        st.error(tr("open_limited", lang(), minutes=minutes_to_wait(exc.retry_after)), icon=":material/block:")
        return None
    set_token(token)
    st.session_state["lang_from_space"] = True
    st.session_state["space_meta"] = {"nis_code": nis_code, "name": commune.name_fr if commune else None,
                                      "lang": chosen_lang}
    return token


def delete_current() -> bool:
    """Delete this session's space (draft, submissions and pool entries) for good; forget the token."""
    token = current_token()
    s = store()
    if not token or s is None:
        return False
    try:
        deleted = s.delete_space(token)
    except storage.StorageError as exc:
        show_storage_error(exc)
        return False
    set_token(None)
    return deleted


def submit_stored(q: Questionnaire, opt_in: bool) -> tuple[Any, bool]:
    """Submit what is stored (never this session's copy): read the draft, score it and freeze it,
    unless it changed meanwhile (then read again). Returns the snapshot and whether the stored draft
    differed from what this session showed (the session then reloads it). Raises StorageError,
    SpaceNotFound or RateLimited."""
    from maturity.scoring import score
    from maturity.storage import StaleDraft

    token = current_token()
    s = store()
    if not token or s is None:
        raise storage.StorageError("unavailable")
    for _attempt in range(5):
        space = s.load_space(token)
        if space is None:
            raise storage.SpaceNotFound()
        doc = logic.document_of(space.draft, q)
        if space.nis_code and not doc.nis_code:
            doc.commune = {"nis_code": space.nis_code, "name": space.commune_name or ""}
        assessment = score(q, doc.answers)
        try:
            snap = s.submit(token, doc.to_dict(), assessment.to_json(), q.id, q.version, opt_in,
                            client=client_address(), expected_version=space.version)
        except StaleDraft:
            continue
        shown = st.session_state.get("doc")
        changed = (shown is None or shown.answers != doc.answers or shown.notes != doc.notes
                   or bool(st.session_state.get("_reloaded_run")))
        if changed or st.session_state.get("doc_version") != space.version:
            _forget_space()
        return snap, changed
    raise storage.StorageError("busy")


def commune_of(doc: AnswersFile | None, lang: str | None = None) -> str:
    """The commune's name as the page in ``lang`` shows it (:func:`maturity.app.names.commune_name`)."""
    meta = st.session_state.get("space_meta") or {}
    nis = (doc.nis_code if doc else None) or meta.get("nis_code")
    return names.commune_name(nis, (doc.commune.get("name") if doc else None) or meta.get("name"), lang)


def save_answer(question_id: str, value: Any) -> None:
    doc = st.session_state.get("doc")
    if doc is None:
        return
    if value is None:
        doc.answers.pop(question_id, None)
    else:
        doc.answers[question_id] = value
    doc.touch()
    if _write(lambda s, token: s.save_answer(token, question_id, value),
              lambda s, member: s.save_member_answer(member, question_id, value)):
        (st.session_state.get("_unsaved") or {}).pop(question_id, None)
    else:
        st.session_state.setdefault("_unsaved", {})[question_id] = _CLEAR if value is None else value


def toggle_option(question_id: str, option: str, checked: bool) -> Any:
    """Tick or untick one box of a multi question, on the stored answer (read and written in one
    transaction): a box ticked in another tab stays ticked. Returns the answer now stored."""
    doc = st.session_state.get("doc")
    if doc is None:
        return None
    s = store()
    token = current_token()
    result: list[Any] = []

    def change(s: Any, t: str) -> int:
        value, version = s.change_answer(t, question_id, lambda stored: logic.toggle_option(stored, option, checked))
        result.append(value)
        return version

    if s is not None and token and _write(change):
        value = result[0]
        if value is None:
            doc.answers.pop(question_id, None)
        else:
            doc.answers[question_id] = value
        doc.touch()
        (st.session_state.get("_unsaved") or {}).pop(question_id, None)
        return value
    value = logic.toggle_option(doc.answers.get(question_id), option, checked)
    save_answer(question_id, value)  # no store, or it failed: kept in this session, retried later
    return value


def save_note(question_id: str, note: str | None) -> None:
    doc = st.session_state.get("doc")
    if doc is None:
        return
    note = typed_text(note or "").strip() or None
    if note is None:
        doc.notes.pop(question_id, None)
    else:
        doc.notes[question_id] = note[:5000]
    _write(lambda s, token: s.save_note(token, question_id, note[:5000] if note else None),
           lambda s, member: s.save_member_note(member, question_id, note[:5000] if note else None))


def replace_document(doc: AnswersFile) -> bool:
    """Replace the whole draft (after an upload). True when saved."""
    token = current_token()
    current = st.session_state.get("doc")
    meta = st.session_state.get("space_meta") or {}
    here = dict(current.commune) if current is not None and current.nis_code else (
        {"nis_code": meta["nis_code"], "name": meta.get("name") or ""} if meta.get("nis_code") else {})
    logic.keep_commune(doc, here)
    try:
        ok = _write(lambda s, t: s.save_draft(t, doc.to_dict()))
    except Exception:  # an upload never raises: say it was not saved, log the cause once
        log.exception("replacing the draft failed")
        st.session_state["_save_error"] = tr("upload_unreadable", lang())
        return False
    if ok:
        version = st.session_state.get("doc_version")
        step = st.session_state.get("step")
        _forget_space()
        st.session_state.pop("_stale", None)
        st.session_state.pop("_unsaved", None)
        st.session_state["doc"] = doc
        st.session_state["doc_token"] = token
        st.session_state["doc_version"] = version
        if step is not None:
            st.session_state["step"] = step
    return ok


def _write(action: Any, member_action: Any = None) -> bool:
    """Run ``action(store, token)``; on a colleague's link ``member_action(store, member_token)`` instead
    (None: nothing a colleague may change, e.g. replacing the whole draft)."""
    member = member_token()
    if member:
        if member_action is None:
            return False
        action = member_action
    token = member or current_token()
    s = store()
    if not token or s is None:
        return s is None
    try:
        _mark_saved(action(s, token))
    except storage.StorageError as exc:
        _log_once(exc)
        st.session_state["_save_error"] = storage_message(exc, lang())
        return False
    except storage.SpaceNotFound:  # a colleague's own link (removed, or its commune's link revoked) says so
        st.session_state["_save_error"] = tr("team_member_unknown" if member else "unknown_token", lang())
        return False
    except storage.CommuneLocked as exc:  # an invited commune's space: its commune stays
        st.session_state["_save_error"] = exc.message(lang())
        return False
    st.session_state.pop("_save_error", None)
    return True


_LOGGED: set[tuple[str, str]] = set()


def _log_once(exc: Exception) -> None:
    """The technical cause (with the server's path) goes to the log once per process, never to the page."""
    kind = getattr(exc, "kind", type(exc).__name__)
    detail = f"{getattr(exc, 'where', '')}: {getattr(exc, 'detail', '') or exc}"
    if (kind, detail) in _LOGGED:
        return
    if len(_LOGGED) > 200:
        _LOGGED.clear()
    _LOGGED.add((kind, detail))
    log.error("database problem (%s) at %s", kind, detail)


def storage_message(exc: Exception, la: str) -> str:
    """What the user reads: the kind of problem in plain words, that saved answers and the resume link
    are safe; never a server path or a technical detail."""
    kind = getattr(exc, "kind", "io")
    key = f"storage_{kind}" if f"storage_{kind}" in TEXTS else "storage_io"
    return tr(key, la) + " " + tr("storage_link_kept", la)


def begin_run() -> None:
    """Called once at the top of every run (a storage problem is shown once per run)."""
    st.session_state.pop("_storage_error_shown", None)


def show_storage_error(exc: Exception) -> None:
    _log_once(exc)
    kind = getattr(exc, "kind", "io")
    st.session_state["_storage_down"] = kind
    if st.session_state.get("_storage_error_shown") == kind:
        return
    st.session_state["_storage_error_shown"] = kind
    st.error(storage_message(exc, lang()), icon=":material/error:")


def show_pending_errors() -> None:
    message = st.session_state.get("_save_error")
    if message:
        st.error(tr("storage_error", lang(), message=message), icon=":material/error:")
    if store() is None:
        st.warning(tr("storage_missing", lang()), icon=":material/warning:")


def page_drawn() -> None:
    """Called by a page right before its fragment, in a run of the whole page: the fragment then uses
    the document the page just read, and knows which save error the page shows."""
    st.session_state["_page_drawn"] = {"fresh": True, "error": st.session_state.get("_save_error")}


def fragment_document() -> AnswersFile | None:
    """The document a fragment draws: in a run of the whole page, the one the page read; in a rerun of
    the fragment alone (a click in it), the session's copy checked against the store. None when the
    whole page must be drawn again: another tab or person changed the assessment (the page says it
    reloaded), or a save failed or recovered since the page was drawn (its message is at the top)."""
    drawn = st.session_state.get("_page_drawn")
    if not isinstance(drawn, dict):
        return None
    if drawn.pop("fresh", False):
        return st.session_state.get("doc")
    new_run()  # a rerun of the fragment alone is a run: the entry script, which says so, did not run
    doc = document()
    if doc is None or st.session_state.get("_reloaded") or drawn.get("error") != st.session_state.get("_save_error"):
        return None
    return doc


def client_address() -> str:
    """The client's address: the connection's peer, or the forwarded one behind a trusted proxy
    (``MATURITY_TRUSTED_PROXIES``); used for rate limits and never stored as such."""
    from maturity import clients

    try:
        peer = st.context.ip_address
        headers = st.context.headers
        forwarded = headers.get_all("X-Forwarded-For") if headers is not None else []
    except Exception:
        peer, forwarded = None, []
    return clients.client_address(peer, forwarded, clients.trusted_from_env())


POOL_CONTACT_ENV = "MATURITY_POOL_CONTACT"


def pool_contact(la: str) -> str:
    """Whom a commune writes to for a withdrawal from the pool: ``MATURITY_POOL_CONTACT`` (env, or the
    same key in ``st.secrets``; e.g. "smartcity@region.example, 081 00 00 00"), else a plain description."""
    contact = os.environ.get(POOL_CONTACT_ENV)
    if not contact:
        try:
            contact = st.secrets.get(POOL_CONTACT_ENV)
        except Exception:
            contact = None
    text = " ".join(str(contact or "").split())[:200]
    if not text:
        return tr("pool_contact_default", la)
    from maturity.markdown import contact  # the one escaper: shown as typed, its e-mail a link

    return contact(text)


def base_url() -> str | None:
    try:
        return st.context.url
    except Exception:
        return None


def require_space(title_key: str, member_ok: bool = False) -> tuple[Questionnaire, AnswersFile] | None:
    """The questionnaire and this session's document, or the page's title, a clear message and None.
    A colleague's link opens only the pages that say ``member_ok`` (the questionnaire)."""
    la = lang()
    member = member_token()
    if member:
        if document() is None:
            st.title(tr(title_key, la))
            st.warning(tr("team_member_unknown", la))
            return None
        if not member_ok:
            st.title(tr(title_key, la))
            st.info(tr("team_member_only", la), icon=":material/group:")
            page_link("questionnaire", tr("nav_questionnaire", la), ":material/checklist:")
            return None
        q = questionnaire()
        doc = document()
        if q is None or doc is None:
            return None
        show_pending_errors()
        return q, doc
    q = questionnaire()
    if q is None:
        st.title(tr(title_key, la))
        st.error(tr("no_questionnaire", la))
        return None
    token = current_token()
    if not token:
        st.title(tr(title_key, la))
        if st.query_params.get("t"):  # a link whose token is not one (cut, too long, altered): said as such
            st.warning(tr("unknown_token", la), icon=":material/link_off:")
        else:
            st.info(tr("need_start", la))
        st.page_link(f"{PAGES_DIR}/accueil.py", label=tr("go_home", la), icon=":material/home:")
        return None
    doc = document()
    if doc is None and st.session_state.get("_storage_down"):
        st.title(tr(title_key, la))  # the problem was said plainly; the link stays in the address bar
        return None
    if doc is None:
        st.title(tr(title_key, la))
        st.warning(tr("unknown_token", la))
        st.page_link(f"{PAGES_DIR}/accueil.py", label=tr("go_home", la), icon=":material/home:")
        return None
    show_pending_errors()
    st.session_state["_reloaded_run"] = st.session_state.pop("_reloaded", False)
    if st.session_state["_reloaded_run"]:
        st.info(tr("reloaded_notice", la), icon=":material/sync:")
    return q, doc


def _link_params(step: int | None = None, with_token: bool = True) -> dict[str, str] | None:
    if not with_token and step is None:  # the menu's links: the language only
        return {"lang": lang()} if st.session_state.get("lang_chosen") else None
    member = member_token()  # a colleague's link (team) travels as ``m``, never as ``t``
    token = None if member else current_token()
    params: dict[str, str] = {}
    if with_token:
        params = {"m": member} if member else {"t": token} if token else {}
    if (token or member) and step is not None:
        params["s"] = str(step)
    if st.session_state.get("lang_chosen"):
        params["lang"] = lang()
    return params or None


def page_link(name: str, label: str, icon: str | None = None, step: int | None = None,
              with_token: bool = True) -> None:
    """A link to a page of this assessment (``step``: a part of the questionnaire, from 1).

    ``with_token=False`` for the menu: its links are on every page, public ones included, and the
    session keeps the token anyway (the assessment's pages put it back in their address)."""
    st.page_link(f"{PAGES_DIR}/{name}.py", label=label, icon=icon, query_params=_link_params(step, with_token))


def hide_token_from_address() -> None:
    """On a public page (Wallonie, Administration) the address carries no resume token, so that a
    link to it shared with another commune never opens this assessment. The session keeps it."""
    st.query_params.pop("t", None)
    st.query_params.pop("s", None)


def switch_page(name: str, step: int | None = None) -> None:
    st.switch_page(f"{PAGES_DIR}/{name}.py", query_params=_link_params(step))


def resume_link_box(expanded: bool) -> None:
    """The resume link with a visible copy button: in full (``expanded``), else behind a button that
    stays at the top of the page. Only on this assessment's own pages, never on a public one."""
    token = current_token()
    if not token:
        return
    la = lang()
    url = names.resume_url(base_url(), token)
    box = st.container(border=True, key="resume_box") if expanded else st.popover(
        tr("resume_link_header", la), icon=":material/link:", key="resume_pop")
    with box:
        if expanded:
            st.markdown(f"**{tr('resume_link_header', la)}**")
        st.caption(tr("resume_link_help", la))
        st.html(names.copy_box_html(url, tr("copy_link", la), tr("copied_link", la)), unsafe_allow_javascript=True)


Reads = tuple[list[dict[str, Any]] | None, list[Any], list[Any]]


def comparison_reads() -> Reads:
    """What the comparisons read from the store: the pooled rows, the imported campaign references and
    this space's submissions. The rows are None without a store or a space, or when the store failed
    to give them (the problem is then shown)."""
    s = store()
    token = current_token()
    if s is None or not token:
        return None, [], []
    try:
        rows = s.pool_rows()
        refs = campaign_references()
    except storage.StorageError as exc:
        show_storage_error(exc)
        return None, [], []
    try:
        return rows, refs, s.history(token)
    except storage.StorageError as exc:  # the pooled series still show
        show_storage_error(exc)
    except storage.SpaceNotFound:
        pass
    return rows, refs, []


def comparison_series(q: Questionnaire, doc: AnswersFile, assessment: Any, lang: str, reads: Reads | None = None
                      ) -> tuple[list[logic.SeriesInfo], str | None, list[Any], Any | None]:
    """This assessment, the pooled references (groups of 5 communes or more) and the previous
    assessment, as series; plus the note shown when there is no regional series, the history of
    submissions and the previous snapshot. ``reads``: :func:`comparison_reads`, when already done."""
    series = [logic.commune_series(q, assessment, commune_of(doc, lang), lang)]
    regional_note = None
    pool, refs, history = comparison_reads() if reads is None else reads
    if pool is not None:
        pooled, regional_note = logic.pooled_series(q, pool, doc.nis_code, lang, refs)
        series += pooled
    previous = logic.previous_for(history, doc.answers)
    prev_series = logic.previous_series(previous, lang) if previous is not None else None
    if prev_series is not None:
        series.append(prev_series)
    return series, regional_note, history, previous


def radar_spec(q: Questionnaire, series: list[logic.SeriesInfo], lang: str) -> dict:
    """The shared radar's Vega-Lite spec, remembered in this session while its numbers do not change.

    Building the Altair chart takes about 0.4 s (schema validation); the memo lives in this session's
    state only, never in a shared cache (it holds the commune's scores)."""
    from maturity.charts import radar_chart

    key = (q.id, q.version, lang, tuple((s.name, s.kind, s.note, tuple(sorted(s.scores.items())),
                                         tuple(sorted((s.band or {}).items()))) for s in series))
    memo = st.session_state.get("_radar_memo")
    if memo is not None and memo[0] == key:
        return memo[1]
    spec = radar_chart(q, logic.radar_series(series), lang).to_dict()
    st.session_state["_radar_memo"] = (key, spec)
    return spec
