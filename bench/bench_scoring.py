"""Scoring 100,000 answer sets of the default questionnaire, set by set (``score``) and all at once
(``score_many``, numpy), each against a plain loop of weighted sums in the same round."""

from __future__ import annotations

import random
import time

from bench import Row
from maturity.batch import encode, score_matrix
from maturity.models import CHOICE_TYPES
from maturity.questionnaire import load_questionnaire
from maturity.scoring import score

N = 100_000


def _answer_sets(q, n: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    questions = [qu for s in q.sections for qu in s.questions if qu.type in CHOICE_TYPES]
    sets = []
    for _ in range(n):
        answers = {}
        for qu in questions:
            r = rnd.random()
            if r < 0.05:
                answers[qu.id] = "unknown"
            elif r < 0.08 and qu.na_allowed:
                answers[qu.id] = "na"
            elif qu.type == "multi":
                answers[qu.id] = rnd.sample(qu.option_ids, rnd.randint(0, len(qu.option_ids)))
            else:
                answers[qu.id] = rnd.choice(qu.option_ids)
        sets.append(answers)
    return sets


def _baseline(q, sets: list[dict]) -> float:
    """Only the weighted sums: option scores looked up in prebuilt tables, no rules, no objects."""
    tables = []
    for section in q.dimensions:
        for qu in section.questions:
            if qu.type in CHOICE_TYPES and qu.options:
                top = max(o.score or 0 for o in qu.options) or 1
                tables.append((section.id, qu.id, qu.weight, {o.id: (o.score or 0) / top for o in qu.options}))
    start = time.perf_counter()
    for answers in sets:
        sums: dict[str, list[float]] = {}
        for dim, qid, weight, values in tables:
            v = values.get(answers.get(qid)) if not isinstance(answers.get(qid), list) else 0.5
            if v is not None:
                acc = sums.setdefault(dim, [0.0, 0.0])
                acc[0] += weight * v
                acc[1] += weight
        for acc in sums.values():
            _ = acc[0] / acc[1]
    return time.perf_counter() - start


def run() -> list[Row]:
    q = load_questionnaire()
    sets = _answer_sets(q, N)
    score(q, sets[0])  # build the scoring plan once
    rounds = []
    for _ in range(3):
        start = time.perf_counter()
        for answers in sets:
            score(q, answers)
        engine = time.perf_counter() - start
        start = time.perf_counter()
        matrix = encode(q, sets)
        encoding = time.perf_counter() - start
        start = time.perf_counter()
        score_matrix(q, matrix)
        batch = time.perf_counter() - start
        rounds.append((engine, encoding, batch, _baseline(q, sets)))

    def median(k: int) -> tuple[float, float]:  # the median round by the ratio to its own baseline
        r = sorted(rounds, key=lambda r: r[k] / r[3])[1]
        return r[k], r[3]

    base = "plain loop of weighted sums"
    return [Row(f"scoring: {N:,} answer sets, one by one (score)", *median(0), base, note="median of 3"),
            Row(f"scoring: {N:,} answer sets read into a matrix (encode)", *median(1), base, note="median of 3"),
            Row(f"scoring: the {N:,} × questions matrix (score_matrix)", *median(2), base,
                note="median of 3; target ≤ 0.5x")]
