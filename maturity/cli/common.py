"""What every command group of ``maturity`` shares: exit codes, problem printing, reading an
answers file with its questionnaire, opening the store. Imports no command group."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from ..errors import Problem

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
LANGS = ("fr", "de", "en")


def print_problems(problems: Sequence[Problem], stream: Any = None) -> None:
    stream = stream or sys.stderr
    for problem in problems:
        print(str(problem), file=stream)


def load_for_answers(answers_path: str, questionnaire_path: str | None):
    """Read an answers file and its questionnaire; returns (questionnaire, doc, warnings)."""
    from ..answers import check_answers, read_answers_file
    from ..questionnaire import find_questionnaire, load_questionnaire

    doc = read_answers_file(answers_path)
    if questionnaire_path:
        q = load_questionnaire(questionnaire_path)
    else:
        q = find_questionnaire(doc.questionnaire_id, doc.questionnaire_version)
    warnings = check_answers(doc, q, answers_path)
    return q, doc, warnings


def open_store() -> Any:
    """The store the environment names (MATURITY_DATABASE_URL or MATURITY_DATA_DIR)."""
    from ..storage import Store

    return Store.from_env()
