"""The Streamlit app (AppTest) with hostile text in the commune name, the notes, the text answers and an
uploaded file: nothing is rendered as HTML, no user text becomes a link, no page raises."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
MINI = str(ROOT / "tests" / "data" / "mini.yaml")
PAGES = "maturity/app/pages"

HOSTILE = "<script>alert(1)</script> [clic](javascript:alert(1)) [site](https://evil.example) <img src=x onerror=alert(1)>"
LINK_PAYLOADS = ("[clic](javascript:alert(1))", "[site](https://evil.example)")


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("MATURITY_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MATURITY_QUESTIONNAIRE", MINI)
    monkeypatch.delenv("MATURITY_DATABASE_URL", raising=False)
    monkeypatch.delenv("MATURITY_ADMIN_PASSWORD_HASH", raising=False)
    from maturity.storage import Store

    with Store.from_env() as s:
        yield s


def _texts(at: AppTest) -> list[tuple[str, object]]:
    """Every element that Streamlit renders as Markdown, with its proto."""
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "error", "warning", "info", "success"):
        for element in getattr(at, kind):
            out.append((element.value, element.proto))
    for element in at.sidebar.markdown:
        out.append((element.value, element.proto))
    return out


def _unescaped(body: str, needle: str) -> bool:
    """``needle`` occurs in ``body`` with its first character not escaped by a backslash."""
    for m in re.finditer(re.escape(needle), body):
        i, slashes = m.start() - 1, 0
        while i >= 0 and body[i] == "\\":
            slashes, i = slashes + 1, i - 1
        if slashes % 2 == 0:
            return True
    return False


def assert_shown_as_text(at: AppTest) -> None:
    assert not at.exception, at.exception
    for body, proto in _texts(at):
        if "<script" in body or "<img" in body:
            assert not getattr(proto, "allow_html", False), body  # never unsafe_allow_html with user text
        for link in LINK_PAYLOADS:
            assert not _unescaped(body, link), f"user text would become a link: {body!r}"


def _space(store, nis: str | None, name: str) -> str:
    token = store.open_space(nis, "mini", "1.0", "fr")
    draft = {"questionnaire": {"id": "mini", "version": "1.0"}, "commune": {"name": name},
             "respondent": {"role": HOSTILE}, "answers": {"a1": "half", "a2": "yes", "approach": "started",
                                                         "who": HOSTILE, "budget": "major"},
             "notes": {"a1": HOSTILE, "who": HOSTILE}}
    if nis is None:
        store.set_commune(token, None, name)
    store.save_draft(token, draft)
    return token


def _open(token: str, page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["t"] = token
    at.run()
    at.switch_page(f"{PAGES}/{page}.py").run()
    return at


@pytest.mark.parametrize("page", ["questionnaire", "resultats", "recommandations"])
@pytest.mark.parametrize("nis", [None, "92094"], ids=["no-commune-code", "namur"])
def test_pages_show_hostile_names_notes_and_answers_as_text(store, page, nis):
    token = _space(store, nis, HOSTILE)
    at = _open(token, page)
    assert_shown_as_text(at)
    if page == "questionnaire":
        next(s for s in at.selectbox if str(s.key).startswith("step_pick_")).set_value(3).run()  # the profile step, with the text answer
        assert_shown_as_text(at)
        assert any(t.value == HOSTILE for t in at.text_input)  # the text answer, back as typed, in a text box
        assert any(t.value == HOSTILE for t in at.text_area)  # the note


def test_downloads_of_a_hostile_space_build(store):
    token = _space(store, None, "=HYPERLINK(\"https://evil.example\";\"x\") " + HOSTILE)
    at = _open(token, "recommandations")
    assert_shown_as_text(at)
    from maturity.app import logic
    from maturity.questionnaire import load_questionnaire
    from maturity.scoring import score

    q = load_questionnaire(MINI)
    data = logic.scores_csv(q, score(q, {"a1": "half"}), "fr", "=1+1")
    assert b"=1+1" not in data.replace(b"'=1+1", b"")


def test_an_uploaded_file_with_hostile_keys_and_values_is_refused_as_text(store):
    token = store.open_space("92094", "mini", "1.0", "fr")
    at = _open(token, "questionnaire")
    hostile = {"questionnaire": {"id": "mini", "version": "1.0"},
               "answers": {"[clic](javascript:alert(1))": "x", "a1": "[site](https://evil.example)",
                           "<script>alert(1)</script>": 1},
               "notes": {"[site](https://evil.example)": "x"}}
    at.get("file_uploader")[0].upload("h.json", json.dumps(hostile).encode(), "application/json").run()
    assert at.error, "the file should be refused"
    assert_shown_as_text(at)
    other_version = dict(hostile, questionnaire={"id": "mini", "version": "0.9"})
    at.get("file_uploader")[0].upload("w.json", json.dumps(other_version).encode(), "application/json").run()
    assert_shown_as_text(at)  # the same keys as warnings (another version: answers dropped, not refused)


def test_a_huge_number_answer_does_not_break_the_results(store):
    token = store.open_space("92094", "mini", "1.0", "fr")
    store.save_draft(token, {"questionnaire": {"id": "mini", "version": "1.0"}, "commune": {"nis_code": "92094"},
                             "answers": {"b_count": 1e300, "a1": "full"}, "notes": {}})
    for page in ("resultats", "recommandations", "questionnaire"):
        at = _open(token, page)
        assert not at.exception, (page, at.exception)
