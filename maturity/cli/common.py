"""What every command group of ``maturity`` shares: exit codes, problem printing, reading an
answers file with its questionnaire, reading a campaign's published aggregates, opening the store.
Imports no command group."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from ..errors import InvalidInput, Problem

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
LANGS = ("fr", "de", "en")
LANG_HELP = "language: fr (default), de or en"


def group_help(parser: Any) -> Any:
    """What ``maturity`` or a command group (``maturity campaign``) does when called without a command: print its
    help (the commands it has, each with what it does) on stdout and exit 2, a usage error (README, contract §6)."""

    def run(_args: Any) -> int:
        parser.print_help()
        return EXIT_USAGE

    return run


def print_problems(problems: Sequence[Problem], stream: Any = None) -> None:
    stream = stream or sys.stderr
    for problem in problems:
        print(str(problem), file=stream)


def load_for_answers(answers_path: str, questionnaire_path: str | None, loaded: dict | None = None):
    """Read an answers file and its questionnaire; returns (questionnaire, doc, warnings).

    ``loaded`` keeps the questionnaires read, for a command that reads many answers files."""
    from ..answers import AnswersProblems, check_answers, read_answers_file
    from ..questionnaire import find_questionnaire, load_questionnaire

    try:
        doc, problems = read_answers_file(answers_path), []
    except AnswersProblems as exc:  # e.g. a wrong NIS code: the answers are checked too, every problem told
        doc, problems = exc.document, list(exc.problems)
    try:
        key = questionnaire_path or (doc.questionnaire_id, doc.questionnaire_version)
        q = (loaded or {}).get(key)
        if q is None:
            q = load_questionnaire(questionnaire_path) if questionnaire_path else find_questionnaire(
                doc.questionnaire_id, doc.questionnaire_version)
            if loaded is not None:
                loaded[key] = q
        warnings = check_answers(doc, q, answers_path)
    except InvalidInput as exc:
        raise InvalidInput(problems + exc.problems) from None
    if problems:
        raise InvalidInput(problems + warnings)
    return q, doc, warnings


def read_campaign_reference(file: str) -> tuple[str, Any]:
    """A campaign's published aggregates file (contract §7.3: what ``maturity campaign publish`` writes), read
    and checked as an import does: (its text, its ``CampaignReference``), or InvalidInput with every problem
    and its place (``file:line: figures[3].n: …``; a missing, too large or non-UTF-8 file named too)."""
    from pathlib import Path

    from ..aggregates import read_aggregates
    from ..yamlio import read_text

    path = Path(file)
    text = read_text(path)
    return text, read_aggregates(text, str(path))


def open_store() -> Any:
    """The store the environment names (MATURITY_DATABASE_URL or MATURITY_DATA_DIR)."""
    from ..storage import Store

    return Store.from_env()
