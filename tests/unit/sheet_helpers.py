"""Answers built from the questionnaire itself (no hand-written ids), for the sheet tests."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from maturity.answers import AnswersFile
from maturity.models import Questionnaire
from maturity.questionnaire import load_questionnaire

DATA = Path(__file__).resolve().parent.parent / "data"
SHEET_Q = DATA / "sheet_questionnaire.yaml"


@cache
def questionnaire() -> Questionnaire:
    return load_questionnaire(SHEET_Q)


def answers_at_rank(q: Questionnaire, rank: int, name: str = "Écaussinnes", nis: str | None = "55050",
                    **overrides) -> AnswersFile:
    """For each choice question, the option at ``rank`` (clamped); overrides by question id."""
    commune = {"name": name}
    if nis:
        commune["nis_code"] = nis
    doc = AnswersFile(q.id, q.version, commune=commune, respondent={"role": "échevin"},
                      created_at="2026-11-25T10:00:00+01:00", updated_at="2026-11-25T10:40:00+01:00")
    for qid, (_section, question) in q.question_index.items():
        if question.options and question.show_if is None:
            option = question.options[min(rank, len(question.options) - 1)]
            doc.answers[qid] = [option.id] if question.type == "multi" else option.id
    doc.answers.update(overrides)
    return doc


def heavy_answers(q: Questionnaire) -> AnswersFile:
    """Every obstacle major, every profile question answered, 8 long notes, a long name: the most a
    questionnaire can put on a sheet (the page-budget tests' worst case)."""
    doc = AnswersFile(q.id, q.version, commune={"name": "Wörterbuchgemeinde-Sankt-Vith " * 5},
                      respondent={"role": "Schöffin für Digitales " * 5})
    for qid, (section, question) in q.question_index.items():
        if question.type == "number":
            doc.answers[qid] = 3
        elif question.options:
            if section.kind == "obstacles":
                doc.answers[qid] = question.options[-1].id
            elif question.type == "multi":
                doc.answers[qid] = [o.id for o in question.options]
            else:
                doc.answers[qid] = question.options[0 if section.kind == "profile" else 1].id
    for qid in list(q.question_index)[:8]:
        doc.notes[qid] = ("Une remarque longue de la commune, avec des mots. " * 12)[:500]
    return doc
