"""Each recommendation says what made it apply, from the commune's own answers (« D'après vos réponses : … »):
the sheet (PDF, DOCX, Markdown) and the app's list, so that a Collège can check a recommendation against what the
commune answered (fresh-eyes trial 14: the words existed only in ``maturity recommendations``)."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from maturity.answers import load_answers
from maturity.markdown import escape
from maturity.questionnaire import load_questionnaire
from maturity.recommendations import describe, is_unknown, reasons, select
from maturity.scoring import score
from maturity.sheet import build, build_content

ANSWERS = Path(__file__).resolve().parents[1] / "data" / "answers"
Q = load_questionnaire()
LEAD = {"fr": "D'après vos réponses\u00a0: ", "de": "Laut Ihren Antworten: ", "en": "From your answers: "}


def _selected(name: str):
    doc, _ = load_answers(ANSWERS / name, Q)
    return doc, select(Q, score(Q, doc.answers), doc.answers)


def test_the_line_names_the_answers_and_scores_the_rule_rests_on():
    doc, selected = _selected("rural-tenneville-2027.json")
    budget = next(s for s in selected if s.obstacle == "budget")
    severity = doc.answers["budget"]
    label = next(o for o in Q.question("budget").options if o.id == severity).label
    assert reasons(Q, budget, "fr") == f"D'après vos réponses\u00a0: Budget\u00a0: {Q.t(label, 'fr')}"
    assert reasons(Q, budget, "de").startswith(LEAD["de"]) and Q.t(label, "de") in reasons(Q, budget, "de")
    for s in selected:  # every fact of its rule the commune answered, in the order the rule gives them, by « ; »
        said = [describe(Q, f, "fr").removesuffix(".") for f in s.because
                if not is_unknown(f) and f.get("answer", f.get("severity", "")) is not None]
        assert reasons(Q, s, "fr") == (LEAD["fr"] + "\u00a0; ".join(said) if said else "")


def test_answers_i_do_not_know_are_left_to_the_sentence_that_says_them():
    _doc, selected = _selected("unsure-durbuy-2027.json")
    unsure = [s for s in selected if s.unsure]
    assert unsure, "the file has recommendations resting only on « je ne sais pas »"
    for s in unsure:  # what it rests on besides (a dimension's score) is said; the questions, by check_first
        assert "→" not in reasons(Q, s, "fr")
        assert [f for f in s.because if "question" in f] and all(is_unknown(f) for f in s.because if "question" in f)
    for s in selected:
        assert "vérifier d'abord" not in reasons(Q, s, "fr") and ".\u00a0;" not in reasons(Q, s, "fr")


def test_the_editable_sheets_say_it_under_each_priority():
    for name, lang in (("rural-tenneville-2027.json", "fr"), ("german-buellingen-2027.json", "de"),
                       ("urban-charleroi-2027.json", "en")):
        doc, _ = load_answers(ANSWERS / name, Q)
        content = build_content(Q, doc, lang)
        lines = [p.because for p in content.priorities if p.because]
        assert lines and all(line.startswith(LEAD[lang]) for line in lines), name
        paragraphs = [p.text for p in Document(io.BytesIO(build(Q, doc, lang, "docx"))).paragraphs]
        markdown = build(Q, doc, lang, "md").decode("utf-8")
        for p in content.priorities:
            if p.because:
                assert p.because in paragraphs, (name, p.title)
                assert f"*\n\n{escape(p.because)}\n\n" in markdown, (name, p.title)  # under the priority's line


def test_the_pdf_says_it_and_keeps_it_for_this_sheet_only():
    """The PDF draws the line under each priority's line (while its last resorts keep it); its lines are
    broken for the sheet, never recorded with the questionnaire's texts that every commune's sheet shares."""
    import pypdf

    from maturity.sheet import pdf as sheet_pdf

    doc, _ = load_answers(ANSWERS / "rural-tenneville-2027.json", Q)
    content = build_content(Q, doc, "fr")
    laid = sheet_pdf.layout_pdf(Q, content)
    assert laid.because
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(bytes(laid.output()))).pages)
    lines = [p.because for p in laid.content.priorities if p.because]
    assert lines and all(" ".join(line.split())[:60] in text for line in lines)
    recorded = {key[0] for key in sheet_pdf._QUESTIONNAIRE_BREAKS}
    assert recorded and not any(key.startswith("D'après") or "→" in key for key in recorded)


def test_a_question_the_commune_was_never_asked_is_not_among_its_answers():
    """Amel (fresh-eyes trial 15), thinking about an approach but not started, with a rural development programme:
    « Den digitalen Wandel in das KPLE aufnehmen » rests on the guard « not: strategy_written = yes », which holds
    because that question is only asked once an approach has started. Its line said « Ist Ihr Smart-City-Ansatz in
    einer schriftlichen Strategie festgehalten? → unbeantwortet »: a question the Schöffe never saw, among « Laut
    Ihren Antworten »."""
    doc, _ = load_answers(ANSWERS / "german-buellingen-2027.json", Q)
    answers = {**doc.answers, "approach": "considering", "rural_instruments": ["pcdr", "cldr"]}
    answers.pop("strategy_written", None)
    rural = next(s for s in select(Q, score(Q, answers), answers) if s.recommendation.id == "rural_strategy_in_pcdr")
    assert {"question": "strategy_written", "answer": None} in rural.because  # the CLI's full list still says it
    for lang, blank, asked in (("de", "unbeantwortet", "KPLE"), ("fr", "sans réponse", "PCDR"),
                               ("en", "unanswered", "PCDR")):
        line = reasons(Q, rural, lang)
        assert line.startswith(LEAD[lang]) and asked in line, line  # the answers it rests on are still said
        hidden = Q.question("strategy_written")
        assert blank not in line and Q.t(hidden.short or hidden.text, lang) not in line, line
