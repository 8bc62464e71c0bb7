"""The two answers that are not one of a question's options (contract §2): ``na``, the question does not
apply to the commune, and ``unknown``, the commune does not know; and how an answer is read when a
multi question's option ``none`` stands beside other options (:func:`effective_answer`).

Apart from :mod:`maturity.models`, so that the shared labels and the app's texts name them without
importing pydantic and the models (the app's first page draws without them; issue 16: cold start).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

NA = "na"
UNKNOWN = "unknown"

# In a multi question, the option ``none`` (« Aucune : l'essentiel se fait sur papier ») says that none of
# the others is in place (contract §1): the app unticks the others when it is ticked, and it when another is.
NONE = "none"


def none_beside_others(value: object) -> bool:
    """Whether a multi answer holds ``none`` beside another option (``["none", "decisions"]``), as files
    and drafts saved before « Aucune » became exclusive may."""
    return type(value) is list and len(value) > 1 and NONE in value


def effective_answer(value: object) -> object:
    """An answer as it is read (contract §2): a multi answer holding ``none`` beside other options is
    those options (what the commune ticked says what it does; the « none » beside them is left over
    from before, and neither triggers a step written for « none » nor counts against the commune);
    any other value is itself. The stored answer is not changed."""
    if none_beside_others(value):
        return [v for v in value if v != NONE]  # type: ignore[attr-defined]
    return value


def effective_answers(answers: Mapping[str, Any]) -> Mapping[str, Any]:
    """The answers as they are read (:func:`effective_answer` of each): the mapping itself when no
    answer holds ``none`` beside other options (the usual case, no copy), else a new dict."""
    if not any(map(none_beside_others, answers.values())):
        return answers
    return {qid: effective_answer(value) for qid, value in answers.items()}
