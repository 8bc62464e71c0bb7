"""Hypothesis strategies: valid answer sets for any questionnaire."""

from __future__ import annotations

from hypothesis import strategies as st

from maturity.models import CHOICE_TYPES, Question, Questionnaire


def value_for(question: Question) -> st.SearchStrategy:
    special = [st.just("unknown")] + ([st.just("na")] if question.na_allowed else [])
    if question.type == "multi":
        real = st.lists(st.sampled_from(question.option_ids), unique=True)
    elif question.type in CHOICE_TYPES:
        real = st.sampled_from(question.option_ids)
    elif question.type == "number":
        low = question.min if question.min is not None else -1e6
        high = question.max if question.max is not None else 1e6
        real = st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)
    else:
        real = st.text(max_size=50)
    return st.one_of(real, *special)


@st.composite
def answer_sets(draw, questionnaire: Questionnaire, kinds=("dimension", "obstacles", "profile")):
    answers = {}
    for section in questionnaire.sections:
        if section.kind not in kinds:
            continue
        for question in section.questions:
            if draw(st.booleans()):
                answers[question.id] = draw(value_for(question))
    return answers
