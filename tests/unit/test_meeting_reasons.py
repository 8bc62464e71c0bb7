"""Why the team meeting settled a divergent question (contract §8 ``divergent[i].reason``): read, checked, merged,
and said on the sheet's « Sujets pour le Collège » (fresh-eyes trial, Ciney, finding 8: the reasons typed at the
meeting reached neither the answers file nor the sheet)."""

from __future__ import annotations

import copy
import io
import json
from datetime import date

import docx
import pypdf
import pytest

from maturity.answers import MAX_REASON, check_answers, clean_reason, parse_answers_json, typed_texts
from maturity.cli import main
from maturity.errors import InvalidInput
from maturity.merge import Respondent as R
from maturity.merge import divergent_of, divergent_summary, merge, merge_documents, reason_holds
from maturity.questionnaire import load_questionnaire
from maturity.sheet import build, build_content

from .sheet_helpers import DATA, answers_at_rank, heavy_answers, questionnaire

DAY = date(2026, 12, 1)
MINI = DATA / "mini.yaml"
PCM = "Le PCM date de 2009 ; l'actualisation est prévue avec le GAL"


def _file(divergent: list, **answers) -> str:
    return json.dumps({"questionnaire": {"id": "mini", "version": "1.0"}, "commune": {"nis_code": "92094"},
                       "respondent": {"role": "échevine", "team": ["DG", "CPAS"]},
                       "answers": {"a1": "full", "b1": "o0", **answers}, "divergent": divergent},
                      ensure_ascii=False, indent=2)


def _entry(question: str = "a1", **more) -> dict:
    return {"question": question, "spread": 1.0,
            "answers": [{"role": "DG", "answer": "full"}, {"role": "CPAS", "answer": "none"}], **more}


@pytest.fixture(scope="module")
def mini():
    return load_questionnaire(MINI)


# --- the reader ---------------------------------------------------------------------------------


def test_a_file_without_reasons_reads_as_before(mini):
    doc = parse_answers_json(_file([_entry()]), "old.json")
    assert check_answers(doc, mini, "old.json") == []
    assert divergent_of(doc) == [_entry()]  # no "reason" key: what the readers saw before
    assert json.loads(doc.to_json())["divergent"] == [_entry()]


def test_a_reason_is_read_trimmed_and_written_back_as_it_was(mini):
    raw = _file([_entry(reason=f"  {PCM}\n"), _entry("b1", reason="   "), _entry("a2", reason=None)])
    doc = parse_answers_json(raw, "ciney.json")
    assert check_answers(doc, mini, "ciney.json") == []
    assert [e.get("reason") for e in divergent_of(doc)] == [PCM, None, None]  # blank or null: no reason
    assert json.loads(doc.to_json())["divergent"] == json.loads(raw)["divergent"]  # a round trip loses nothing
    # the app keeps an uploaded file's texts as typed text: trimmed, without bidi overrides; a blank one left out
    kept = typed_texts(parse_answers_json(_file([_entry(reason=" Le PCM\u202e date de 2009 "), _entry("b1", reason=" ")]),
                                          "u.json"))
    assert kept.extra["divergent"][0]["reason"] == "Le PCM date de 2009"
    assert "reason" not in kept.extra["divergent"][1]


@pytest.mark.parametrize(("reason", "message"), [
    (42, "a reason is a text, got 42"),
    (["Le PCM"], 'a reason is a text, got ["Le PCM"]'),
    ("x" * (MAX_REASON + 1), f"a reason has at most {MAX_REASON} characters"),
])
def test_a_reason_that_is_not_a_short_text_is_an_error_naming_its_place(mini, reason, message):
    raw = _file([_entry(), _entry("b1", reason=reason)])
    line = next(n for n, text in enumerate(raw.splitlines(), 1) if '"reason"' in text)
    with pytest.raises(InvalidInput) as caught:
        parse_answers_json(raw, "bad.json")
    assert [str(p) for p in caught.value.problems] == [f"bad.json:{line}: divergent[1].reason: {message}"]


def test_a_reason_of_the_longest_length_is_valid_and_a_divergent_list_of_another_shape_still_reads(mini):
    doc = parse_answers_json(_file([_entry(reason=" " + "x" * MAX_REASON + " "), "a1", {"question": 3}]), "f.json")
    assert check_answers(doc, mini, "f.json") == []
    assert [e["question"] for e in divergent_of(doc)] == ["a1"]


def test_maturity_validate_reads_a_file_with_reasons_and_names_a_bad_one(tmp_path, capsys):
    data = json.loads((DATA / "answers" / "team-consensus-bastogne.json").read_text(encoding="utf-8"))
    data["divergent"][0]["reason"] = PCM
    good = tmp_path / "bastogne.json"
    good.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    assert main(["validate", str(good)]) == 0
    assert f"ok  {good}" in capsys.readouterr().out
    data["divergent"][1]["reason"] = {"fr": PCM}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "divergent[1].reason: a reason is a text" in err and "Traceback" not in err


# --- the merge ----------------------------------------------------------------------------------


def test_the_meetings_reasons_go_with_their_questions_and_a_settled_one_follows_the_divergent_ones(mini):
    """The holder kept her colleagues' answer to a1 (divergent no more) and settled b1, where they still differ."""
    colleagues = [R("DG", {"a1": "full", "b1": "o2"}), R("CPAS", {"a1": "full", "b1": "o0"})]
    result = merge(mini, colleagues, R("échevine", {"a1": "full", "b1": "o0"}))
    assert [item.question for item in result.divergent] == ["b1"]
    listed = divergent_summary(result, reasons={"b1": f" {PCM} ", "a1": "Le référent est en place", "a2": " "})
    assert [(e["question"], e.get("reason")) for e in listed] == [("b1", PCM), ("a1", "Le référent est en place")]
    assert listed[1]["spread"] == 0.0  # what it is now: the sheet says the answer kept and why
    assert divergent_summary(result) == [{k: v for k, v in listed[0].items() if k != "reason"}]  # no meeting


def test_a_reason_keeps_the_answer_it_was_given_for_and_holds_for_that_answer_only(mini):
    """A reason stayed when the answer was later changed on the questionnaire, and the sheet printed it beside the new
    answer (« Réponse retenue : 1 — Pourquoi : Le PCM date de 2009 », the meeting having kept 2). Each reason now
    goes with the final answer it was given for (``kept``), and holds for that answer only."""
    colleagues = [R("DG", {"a1": "full", "b1": "o2"}), R("CPAS", {"a1": "full", "b1": "o0"})]
    result = merge(mini, colleagues, R("échevine", {"a1": "full", "b1": "o0"}))
    listed = divergent_summary(result, reasons={"b1": PCM, "a1": "Le référent est en place"},
                               kept={"b1": "o0", "a1": "full", "a3": "x"})
    assert [(e["question"], e["reason"], e["kept"]) for e in listed] == [
        ("b1", PCM, "o0"), ("a1", "Le référent est en place", "full")]
    # read back, and written back as it was; a ``kept`` of another shape is no ``kept`` (never refused)
    doc = parse_answers_json(_file([*listed, _entry("a2", reason="Vu", kept={"x": 1})], b1="o1"), "ciney.json")
    assert check_answers(doc, mini, "ciney.json") == []
    assert [e.get("kept") for e in divergent_of(doc)] == ["o0", "full", None]
    assert json.loads(doc.to_json())["divergent"][:2] == listed
    b1, a1, a2 = divergent_of(doc)
    assert not reason_holds(b1, doc.answers["b1"])  # the answer changed since the meeting: not its reason
    assert reason_holds(b1, "o0") and reason_holds(a1, doc.answers["a1"])
    assert reason_holds(a2, "anything")  # no ``kept`` (a file written before): read as before
    assert not reason_holds(_entry(), "full")  # no reason, nothing to hold
    checklist = {"reason": "Vu", "kept": ["y", "x"]}
    assert reason_holds(checklist, ["x", "y"]) and reason_holds(checklist, ["none", "x", "y"])  # as §2 reads it
    assert not reason_holds(checklist, ["x"]) and not reason_holds(checklist, None)


def test_a_reason_longer_than_the_contracts_is_cut_saying_so(mini):
    """The meeting's field took 2,000 characters before the contract's 500: such a reason, still in the store, went
    into the answers file cut at 500, with nothing saying so. It is now begun, « … » at the end, within the 500."""
    long = "Le Collège en a parlé en 2025. " * 60
    cut = clean_reason(long)
    assert len(cut) <= MAX_REASON and cut.endswith("…") and cut[:-1] == long[:MAX_REASON - 1].rstrip()
    assert clean_reason("x" * MAX_REASON) == "x" * MAX_REASON  # the longest reason is whole
    result = merge(mini, [R("DG", {"a1": "full"}), R("CPAS", {"a1": "none"})])
    [entry] = divergent_summary(result, reasons={"a1": long})
    assert entry["reason"] == cut
    doc = parse_answers_json(_file([entry]), "ciney.json")
    assert check_answers(doc, mini, "ciney.json") == []  # a file the reader takes back


def test_maturity_merge_of_a_file_with_reasons_leaves_them_out_and_says_so(tmp_path, capsys):
    """``maturity merge`` has no meeting: a consensus file merged again (with this year's colleagues' files) lists
    its divergent questions again from the answers; the reasons of the file given are not carried, a warning
    names the file (which keeps them), and nothing breaks."""
    first = tmp_path / "2026.json"
    first.write_text(_file([_entry(reason=PCM), _entry("b1", reason="Vu avec le CPAS")]), encoding="utf-8")
    other = tmp_path / "dg.json"
    other.write_text(json.dumps({"questionnaire": {"id": "mini", "version": "1.0"}, "respondent": {"role": "DG"},
                                 "answers": {"a1": "none", "b1": "o0"}}), encoding="utf-8")
    out = tmp_path / "merged.json"
    assert main(["answers", "merge", str(first), str(other), "--out", str(out), "--questionnaire", str(MINI)]) == 0
    err = capsys.readouterr().err
    assert f"warning: {first}: divergent: 2 reasons typed at a team meeting left out" in err
    merged = json.loads(out.read_text(encoding="utf-8"))
    assert [e["question"] for e in merged["divergent"]] == ["a1"]
    assert all("reason" not in e for e in merged["divergent"])


# --- the sheet ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def q():
    return questionnaire()


@pytest.fixture(scope="module")
def consensus(q):
    docs = []
    for rank, role in zip((0, 3, 1, 2), ["échevin", "directeur général", "CPAS", "mobilité"], strict=True):
        doc = answers_at_rank(q, rank)
        doc.respondent = {"role": role}
        docs.append(doc)
    return merge_documents(q, docs)[0]


def _with_reasons(doc, *reasons):
    doc = copy.deepcopy(doc)
    for entry, reason in zip(doc.extra["divergent"], reasons, strict=False):
        entry["reason"] = reason
    return doc


@pytest.mark.parametrize(("lang", "kept", "why"), [("fr", "Réponse retenue\u00a0: ", "Pourquoi\u00a0: "),
                                                   ("de", "Übernommene Antwort: ", "Warum: "),
                                                   ("en", "Answer kept: ", "Why: ")])
def test_a_settled_topic_says_the_answer_kept_and_why(q, consensus, lang, kept, why):
    doc = _with_reasons(consensus, PCM)
    first = q.question(doc.extra["divergent"][0]["question"])
    answer = q.t(first.option(doc.answers[first.id]).label, lang)
    content = build_content(q, doc, lang, generated=DAY)
    assert content.topics[0][2] == f"{kept}{answer} — {why}{PCM}"
    assert content.topics[1][2] == ""  # no reason: the topic as before (who answered what)
    markdown = build(q, doc, lang, "md", generated=DAY).decode()
    assert f"{why}{PCM}".replace("\u00a0", "") in markdown.replace("\u00a0", "")
    paragraphs = [p.text for p in docx.Document(io.BytesIO(build(q, doc, lang, "docx", generated=DAY))).paragraphs]
    assert content.topics[0][2] in paragraphs
    reader = pypdf.PdfReader(io.BytesIO(build(q, doc, lang, "pdf", generated=DAY)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "l'actualisation est prévue avec le GAL" in text and len(reader.pages) <= 3


@pytest.mark.parametrize(("lang", "agreed", "why"), [("fr", "Réponse convenue en réunion\u00a0: ", "Pourquoi\u00a0: "),
                                                     ("de", "In der Besprechung vereinbarte Antwort: ", "Warum: "),
                                                     ("en", "Answer agreed at the meeting: ", "Why: ")])
def test_a_topic_settled_by_joining_the_colleagues_says_the_answer_once(q, consensus, lang, agreed, why):
    """A question the holder settled by joining the colleagues' answer, with a reason, follows the divergent
    ones (its ``answers`` those of now: everyone alike). Its topic said every role's same answer, then
    « Réponse retenue » with that answer again (reasons' report): it now says the answer agreed once, and why."""
    doc = _with_reasons(consensus, PCM)
    entry = doc.extra["divergent"][0]
    first = q.question(entry["question"])
    for seen in entry["answers"]:
        seen["answer"] = doc.answers[first.id]
    answer = q.t(first.option(doc.answers[first.id]).label, lang)
    topic = build_content(q, doc, lang, generated=DAY).topics[0]
    assert topic[1:] == (f"{agreed}{answer}", f"{why}{PCM}")
    # one colleague still apart: who answered what, then the answer kept and why, as before
    entry["answers"][-1]["answer"] = next(o.id for o in first.options if o.id != doc.answers[first.id])
    kept = {"fr": "Réponse retenue\u00a0: ", "de": "Übernommene Antwort: ", "en": "Answer kept: "}[lang]
    assert build_content(q, doc, lang, generated=DAY).topics[0][2] == f"{kept}{answer} — {why}{PCM}"


@pytest.mark.parametrize(("lang", "meeting", "now"), [
    ("fr", "Réponse retenue en réunion\u00a0: ", "Réponse actuelle, changée depuis\u00a0: "),
    ("de", "In der Besprechung übernommene Antwort: ", "Aktuelle Antwort, seitdem geändert: "),
    ("en", "Answer kept at the meeting: ", "Current answer, changed since: ")])
def test_a_topic_whose_answer_changed_since_the_meeting_says_so_and_not_the_old_reason(q, consensus, lang, meeting,
                                                                                        now):
    """The meeting kept an answer for a reason; the answer was changed afterwards on the questionnaire. The sheet
    printed « Réponse retenue : <the new answer> — Pourquoi : <the reason given for the old one> »: a Collège read a
    reason the commune never gave for its answer. It now says the meeting's answer and the answer of now, without
    the reason (kept in the file, for the answer it explains)."""
    doc = _with_reasons(consensus, PCM)
    entry = doc.extra["divergent"][0]
    first = q.question(entry["question"])
    entry["kept"] = doc.answers[first.id]
    assert build_content(q, doc, lang, generated=DAY).topics[0][2].endswith(PCM)  # still its answer: as before
    other = next(o for o in first.options if o.id != doc.answers[first.id])
    doc.answers[first.id] = other.id  # changed on the questionnaire after the meeting
    before = q.t(first.option(entry["kept"]).label, lang)
    content = build_content(q, doc, lang, generated=DAY)
    assert content.topics[0][2] == f"{meeting}{before} — {now}{q.t(other.label, lang)}"
    assert "GAL" not in build(q, doc, lang, "md", generated=DAY).decode()
    paragraphs = [p.text for p in docx.Document(io.BytesIO(build(q, doc, lang, "docx", generated=DAY))).paragraphs]
    assert content.topics[0][2] in paragraphs and not any("GAL" in p for p in paragraphs)
    reader = pypdf.PdfReader(io.BytesIO(build(q, doc, lang, "pdf", generated=DAY)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "GAL" not in text and len(reader.pages) <= 3
    assert " ".join(f"{now}{q.t(other.label, lang)}".replace("\u00a0", " ").split()) in text.replace("\u00a0", " ")
    # the answer back to the meeting's: the reason is its own again
    doc.answers[first.id] = entry["kept"]
    assert build_content(q, doc, lang, generated=DAY).topics[0][2].endswith(PCM)


def test_a_team_sheet_without_reasons_is_as_before(q, consensus):
    """A consensus file without reasons (every file written before, every ``maturity merge``) gets the sheet it
    had: no line more under its topics (one more line under each cost Bastogne's PDF one of its two topics)."""
    content = build_content(q, consensus, "fr", generated=DAY)
    assert [settled for _q, _said, settled in content.topics] == ["", "", ""]
    assert "Réponse retenue" not in build(q, consensus, "fr", "md", generated=DAY).decode()


def test_a_markdown_topic_puts_its_answer_kept_on_a_line_of_its_own(q, consensus):
    markdown = build(q, _with_reasons(consensus, PCM), "fr", "md", generated=DAY).decode()
    topic = markdown.split("## Sujets pour le Collège", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in topic.splitlines()[1:] if line.strip()]
    assert lines[0].startswith("- **") and lines[0].endswith("\\")  # a hard line break (CommonMark)
    assert lines[1].startswith("  Réponse retenue") and "Le PCM date de 2009" in lines[1]


HOSTILE = ("[clic](javascript:alert(1)) <script>alert(1)</script> **gras** `code` :material/home: "
           "https://phishing.example/x @DG\n# Titre\n- liste\n| a | b |\n 😀🇧🇪 שלום עולם مرحبا بالعالم "
           "\u202eà l'envers\u202c fin " + "Wörterbuchgemeindeverwaltungsdigitalisierungsbeauftragter" * 8)


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_a_hostile_reason_is_text_in_every_rendering(q, consensus, lang):
    """A reason is typed freely (or in a file): links, HTML, Markdown marks, a very long word, emoji, right-to-left
    scripts and a bidi override go through the one escaper and the PDF's text handling, as a note does."""
    doc = _with_reasons(consensus, HOSTILE[:MAX_REASON], HOSTILE[:MAX_REASON], HOSTILE[:MAX_REASON])
    content = build_content(q, doc, lang, generated=DAY)
    assert "\u202e" not in content.topics[0][2] and "\n" not in content.topics[0][2]
    markdown = build(q, doc, lang, "md", generated=DAY).decode()
    topic = markdown.split("\n## ", 3)[-1]
    assert "<script>" not in markdown and "](javascript:" not in markdown and "\n# Titre" not in markdown
    assert "&lt;script&gt;" in topic and "\\*\\*gras\\*\\*" in topic
    pdf = pypdf.PdfReader(io.BytesIO(build(q, doc, lang, "pdf", generated=DAY)))
    assert len(pdf.pages) <= 3
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Wörterbuchgemeinde" in text  # the very long word is broken where it must, not lost
    document = docx.Document(io.BytesIO(build(q, doc, lang, "docx", generated=DAY)))
    assert any("<script>alert(1)</script>" in p.text for p in document.paragraphs)  # plain text in Word


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_heaviest_team_sheet_with_three_long_reasons_stays_on_three_pages(lang):
    """The heaviest answers file beside three colleagues with long roles, its three topics each settled with a
    reason of the longest length (500 characters): the PDF keeps its 3 pages; the editable versions say it all."""
    default = load_questionnaire()
    docs = [heavy_answers(default)]
    for rank, role in ((0, "Directrice générale f.f. " * 3), (3, "Conseiller en mobilité " * 3), (2, "CPAS " * 8)):
        doc = answers_at_rank(default, rank, name=docs[0].commune["name"], nis=None)
        doc.respondent = {"role": role}
        docs.append(doc)
    merged = merge_documents(default, docs)[0]
    reason = ("Motif. " + "Le Collège a validé ce choix après la réunion d'équipe du 12 novembre, en attendant. " * 6
              )[:MAX_REASON]
    merged = _with_reasons(merged, reason, reason, reason)
    assert len(pypdf.PdfReader(io.BytesIO(build(default, merged, lang, "pdf", generated=DAY))).pages) <= 3
    markdown = build(default, merged, lang, "md", generated=DAY).decode()
    assert markdown.count("Motif. Le Collège a validé") == 3


def test_the_pdf_begins_long_reasons_before_it_leaves_topics_out():
    """A team of four on the default questionnaire, its three topics settled with reasons of 500 characters: the
    German PDF showed one topic and left two to the DOCX. It now shows each reason's first 200 characters (« … »)
    first; the DOCX and the Markdown keep them whole."""
    default = load_questionnaire()
    docs = [answers_at_rank(default, 1, name="Ciney", nis="91030")]
    for rank, role in ((0, "directrice générale"), (3, "agent mobilité"), (2, "éco-conseiller")):
        doc = answers_at_rank(default, rank, name="Ciney", nis=None)
        doc.respondent = {"role": role}
        docs.append(doc)
    reason = ("Motif. " + "Le PCM date de 2009 ; l'actualisation est prévue avec le GAL en 2027, après l'enquête. " * 6
              )[:MAX_REASON]
    merged = _with_reasons(merge_documents(default, docs)[0], reason, reason, reason)
    pdf = pypdf.PdfReader(io.BytesIO(build(default, merged, "de", "pdf", generated=DAY)))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert len(pdf.pages) <= 3
    assert text.count("Übernommene Antwort") >= 2 and text.count("Motif. Le PCM") == text.count("Übernommene Antwort")
    first = text.split("Übernommene Antwort", 2)[1]
    assert first.split("Warum", 1)[1].rstrip().endswith("…") or "…" in first.split("Warum", 1)[1][:230]
    docx_text = " ".join(p.text for p in docx.Document(io.BytesIO(build(default, merged, "de", "docx",
                                                                          generated=DAY))).paragraphs)
    assert docx_text.count(reason) == 3
