"""The input widget of each question type; every change is saved at once by its callback.

Widget keys: ``ans_<id>`` (the answer), ``mc_<id>_<option>`` (a box of a multi answer), ``sp_<id>_<special>``
(the "je ne sais pas" / "ne s'applique pas" boxes of number and text questions), ``note_<id>``.
A widget's state is seeded from the stored document the first time it is drawn, so a reload,
a page change or a new session shows what was saved.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import streamlit as st

from maturity.answers import value_check
from maturity.errors import Problem
from maturity.models import NA, UNKNOWN, Question, Questionnaire
from maturity.typography import cut, typed_text

from . import logic, session
from .texts import tr

_SPECIAL_KEYS = {UNKNOWN: "unknown_option", NA: "na_option"}


def _seed(key: str, value: Any) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


# --- callbacks ------------------------------------------------------------------------------------
# A request can reach the server after the page moved to another part, carrying no state for the previous
# part's widgets: Streamlit then calls their callbacks with the widgets' defaults (no choice, unticked,
# empty), which cleared every answer of that part (seen in the load test). So a question's callback acts
# only while its part is the one shown, and a radio, which no one can untick, never clears an answer.


def _shown(qid: str) -> bool:
    q = session.questionnaire()
    step = st.session_state.get("step")
    if q is None or not isinstance(step, int):
        return True
    found = q.question_index.get(qid)
    return found is not None and 0 <= step < len(q.sections) and found[0] is q.sections[step]


def _on_choice(q: Questionnaire, qid: str) -> None:
    question = q.question(qid)
    raw = st.session_state.get(f"ans_{qid}")
    if raw is None or not _shown(qid):  # a radio cannot be unticked: no choice is a default, not an answer
        return
    value = logic.choice_of(q, question, raw) if question is not None else None
    if value is None:  # a label no option has (see logic.option_of): nothing was chosen
        return
    session.save_answer(qid, value)


def _on_multi(qid: str, options: list[str], changed: str) -> None:
    if not _shown(qid):
        return
    merged = session.toggle_option(qid, changed, bool(st.session_state.get(f"mc_{qid}_{changed}")))
    for v in options:
        st.session_state[f"mc_{qid}_{v}"] = v in logic.multi_widget_value(merged)


def _on_free(q: Questionnaire, qid: str) -> None:
    if not _shown(qid):
        return
    question = q.question(qid)
    value = st.session_state.get(f"ans_{qid}")
    if isinstance(value, str):
        value = typed_text(value).strip()[:5000] or None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    found = value_check(question, value) if value is not None and question is not None else None
    if found is not None:  # said in the page's language, as the answers reader's refusals are
        message, code, params = found
        st.session_state["_save_error"] = logic.problem_said(Problem(message, code=code, params=params),
                                                             session.lang())
        return
    for special in _SPECIAL_KEYS:
        st.session_state[f"sp_{qid}_{special}"] = False
    session.save_answer(qid, value)


def _on_special(qid: str, special: str, empty: Any) -> None:
    if not _shown(qid):
        return
    checked = bool(st.session_state.get(f"sp_{qid}_{special}"))
    for other in _SPECIAL_KEYS:
        if other != special:
            st.session_state[f"sp_{qid}_{other}"] = False
    if checked:
        st.session_state[f"ans_{qid}"] = empty
        session.save_answer(qid, special)
    else:
        session.save_answer(qid, None)


def _on_note(qid: str) -> None:
    if not _shown(qid):
        return
    session.save_note(qid, st.session_state.get(f"note_{qid}"))


# --- drawing ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Texts:
    """What a question says in one language, the same at every draw."""

    q: Questionnaire  # the questionnaire they were read from (the memo's key holds its id only)
    text: str
    help: str
    values: list[Any]  # a single-choice widget's values, and their labels
    labels: dict[Any, str]
    note_label: str
    note_expander: str
    note_expander_has: str


_TEXTS: dict[tuple[int, str, str], _Texts] = {}  # the questionnaire's own words only, never an answer


def _texts(q: Questionnaire, question: Question, lang: str) -> _Texts:
    """A question's texts, read once per questionnaire and language (an answer click draws the part's
    questions again: their texts and option labels were looked up at every draw)."""
    key = (id(q), question.id, lang)
    found = _TEXTS.get(key)
    if found is not None and found.q is q:
        return found
    if len(_TEXTS) > 20_000:  # questionnaires loaded and dropped (tests, a changed file): start afresh
        _TEXTS.clear()
    # French's space before ? : ; ! is a no-break one (q.t, maturity.typography): chromium breaks a line at a
    # plain space before them, and a phone drew a question's « ? » alone on its last line (fresh-eyes trial 9)
    text = q.t(question.text, lang)
    values = logic.choice_values(question) if question.type in ("scale", "single", "boolean") else []
    found = _TEXTS[key] = _Texts(
        q=q, text=text, help=q.t(question.help, lang) if question.help else "", values=values,
        labels={v: logic.value_label(q, question, v, lang) for v in values},
        note_label=tr("note_label", lang, question=cut(text, 60)), note_expander=tr("note_expander", lang),
        note_expander_has=tr("note_expander_has", lang))
    return found


def question(q: Questionnaire, question: Question, value: Any, note: str | None, lang: str) -> None:
    """One question: its text (the widget's label), the answer widget, the help text, the note."""
    texts = _texts(q, question, lang)
    text = texts.text
    label = text  # plain: Streamlit copies the label into aria-label, markdown marks included
    help_text = texts.help
    qid = question.id
    with st.container(border=True, key=f"q_{qid}"):  # CSS class st-key-q_<id>, for the browser tests
        if question.type in ("scale", "single", "boolean"):
            values = texts.values
            _seed(f"ans_{qid}", value if value in values else None)
            chosen = st.radio(label, values, index=None, key=f"ans_{qid}", on_change=_on_choice, args=(q, qid),
                              format_func=texts.labels.__getitem__)
            chosen = logic.choice_of(q, question, chosen)
            if chosen is not None and chosen != value and not session.unsaved(qid):
                # the screen shows a choice the store never got (a click lost while the server was away)
                session.save_answer(qid, chosen)
        elif question.type == "multi":
            _multi(q, question, value, text, lang)
        else:
            _free(q, question, value, label, lang)
        if session.unsaved(qid):
            st.warning(tr("answer_not_saved", lang), icon=":material/sync_problem:")
        if help_text:
            st.caption(help_text)
        with st.expander(texts.note_expander_has if note else texts.note_expander, icon=":material/edit_note:"):
            _seed(f"note_{qid}", note or "")
            st.text_area(texts.note_label, key=f"note_{qid}", on_change=_on_note, args=(qid,), max_chars=5000,
                         height=80)


def _multi(q: Questionnaire, question: Question, value: Any, text: str, lang: str) -> None:
    """A multi question as checkboxes (plain, keyboard-friendly), then "je ne sais pas" / "ne s'applique pas"."""
    qid = question.id
    st.markdown(f"<p class='q-text'>{html.escape(text)}</p>", unsafe_allow_html=True)  # styled like a radio's label
    if not question.help:
        st.caption(tr("multi_hint", lang))
    options = question.option_ids + logic.special_values(question)
    chosen = logic.multi_widget_value(value)
    for v in options:
        _seed(f"mc_{qid}_{v}", v in chosen)
        st.checkbox(logic.value_label(q, question, v, lang), key=f"mc_{qid}_{v}", on_change=_on_multi,
                    args=(qid, options, v))


def _free(q: Questionnaire, question: Question, value: Any, label: str, lang: str) -> None:
    qid = question.id
    special = value if value in _SPECIAL_KEYS else None
    if question.type == "number":
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        _seed(f"ans_{qid}", number)
        is_int = all(v is None or float(v).is_integer() for v in (question.min, question.max))
        kwargs: dict[str, Any] = {"step": 1 if is_int else 0.1, "format": "%d" if is_int else "%.2f"}
        if question.min is not None:
            kwargs["min_value"] = int(question.min) if is_int else question.min
        if question.max is not None:
            kwargs["max_value"] = int(question.max) if is_int else question.max
        st.number_input(label, value=None, key=f"ans_{qid}", on_change=_on_free, args=(q, qid),
                        placeholder=tr("number_label", lang), **kwargs)
        empty: Any = None
    else:
        _seed(f"ans_{qid}", value if isinstance(value, str) and value not in _SPECIAL_KEYS else "")
        st.text_input(label, key=f"ans_{qid}", on_change=_on_free, args=(q, qid), max_chars=5000,
                      placeholder=tr("text_placeholder", lang))
        empty = ""
    cols = st.columns(len(logic.special_values(question)) + 1)
    for col, sp in zip(cols, logic.special_values(question), strict=False):
        _seed(f"sp_{qid}_{sp}", special == sp)
        col.checkbox(tr(_SPECIAL_KEYS[sp], lang), key=f"sp_{qid}_{sp}", on_change=_on_special, args=(qid, sp, empty))


def scroll_to_part(moves: int) -> None:
    """After "Partie suivante" (or any change of part): show the new part from its top and put the
    keyboard focus on its heading, so that the next click is never the same button by accident.
    ``moves`` makes each script new, so the browser runs it once per change of part."""
    st.html(
        f"<script>/* part change {int(moves)} */\n"
        "(() => {\n"
        "  const heading = document.getElementById('part');\n"
        "  const main = document.querySelector('[data-testid=\"stMain\"]');\n"
        "  if (main) main.scrollTo({top: 0});\n"
        "  window.scrollTo({top: 0});\n"
        "  if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus({preventScroll: true}); }\n"
        "})();</script>",
        unsafe_allow_javascript=True,
    )
