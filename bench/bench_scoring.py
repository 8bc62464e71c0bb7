"""Scoring 100,000 answer sets of the default questionnaire, against a plain loop of weighted sums."""

from __future__ import annotations

import random
import time

from bench import Row
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
        rounds.append((engine, _baseline(q, sets)))
    engine, base = sorted(rounds)[1]
    return [Row(f"scoring: {N:,} answer sets (why-this-score built on demand)", engine, base, "plain loop of weighted sums",
                note="median of 3")]


if __name__ == "__main__":
    for row in run():
        print(row.name, f"{row.value:.2f} s", f"baseline {row.baseline:.2f} s", f"{row.ratio:.1f}x")
