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
