"""The merge of several respondents' answers into one proposal, and the report of their differences.

A pure core module (contract §8): plain data in, plain data out; no files, no database, no UI.

Rules, per question of the questionnaire (a respondent's *real* answer is one that is neither
``"na"``, ``"unknown"`` nor missing):

- ``scale``, ``single``, ``boolean``: the lower median of the real answers ordered by option
  score, i.e. the answer at position ⌊(k − 1) / 2⌋ of the k real answers sorted from the lowest
  score to the highest (prudent on ties). Options without a score are ordered by their place in
  the question; two options of equal score by their place too. An obstacle (a question of the
  obstacles section, scored: the higher, the bigger the obstacle): the upper median, position ⌊k / 2⌋,
  prudent there too (a tie keeps the obstacle a colleague sees, and the recommendation it brings).
- ``multi``: the options chosen by more than half of the respondents who gave a real answer, in
  the question's order (possibly none: ``[]``).
- ``number``: the lower median of the real answers.
- ``text``: the distinct texts (blank ones left out), each prefixed by the role of those who gave it.
- no real answer: ``"na"`` when at least half of those who answered said ``"na"``, otherwise
  ``"unknown"``; nobody answered: missing.
- notes: each respondent's note prefixed by their role.

With a single respondent nothing is prefixed: they get back their own answers and notes.

Targets and the roadmap (contract §2 ``targets``, ``plan``) are the team's decisions, not answers, so
they are carried, not merged: each dimension's target comes from the first file (in the order given)
that sets one; the roadmap, as a whole, from the first file that has one. A later file that says
otherwise is reported in a warning and left out (:func:`carry_targets_and_plan`).

The report, per question: each respondent's answer (with its v and note), the proposal and the
``spread`` = highest − lowest v of the real answers (v as in contract §3, for every question whose
options all have a score; null otherwise or without real answers). A question is *divergent* when
its spread is 0.5 or more, or when some said ``"na"`` while others gave a real answer. Divergent
questions come first, by spread × weight (highest first), then the others in questionnaire order.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from . import plan as roadmap
from . import targets as targets_
from .answers import DIVERGENT, MAX_NOTE, MAX_TEXT, AnswersFile, clean_reason
from .display import plural
from .errors import InvalidInput, Problem
from .models import NA, UNKNOWN, Question, Questionnaire
from .scoring import score
from .special import effective_answer
from .typography import typed_text

DIVERGENT_SPREAD = 0.5
TEAM_KEY = "team"  # respondent.team of a consensus file: the roles of those who took part
DIVERGENT_KEY = DIVERGENT  # top-level key of a consensus file: its divergent questions, most first
SUMMARY_LIMIT = 10
MISSING_ROLE = "respondent {n}"  # the role of a file whose respondent.role is missing or blank
MAX_ROLE = 80


@dataclass(frozen=True)
class Respondent:
    """One person's answers. ``role`` is what the merge writes before their texts and notes."""

    role: str
    answers: Mapping[str, Any]
    notes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AnswerSeen:
    """One respondent's answer to one question, as the report shows it."""

    respondent: int  # index in the list of respondents
    role: str
    answer: Any  # None: missing
    v: float | None
    note: str | None

    def to_json(self) -> dict[str, Any]:
        return {"respondent": self.respondent, "role": self.role, "answer": self.answer, "v": self.v,
                "note": self.note}


@dataclass(frozen=True)
class QuestionReport:
    question: str
    section: str
    type: str
    weight: float
    answers: list[AnswerSeen]
    proposal: Any  # None: missing (nobody answered)
    spread: float | None
    divergent: bool
    na_beside_real: bool
    holder: bool = False  # answers[0] is the holder's view: counted in the spread, not in the proposal

    @property
    def priority(self) -> float:
        """spread × weight: the order of the divergent questions."""
        return (self.spread or 0.0) * self.weight

    @property
    def answered(self) -> int:
        """How many views answered (the holder's included)."""
        return sum(a.answer is not None for a in self.answers)

    @property
    def colleagues_answered(self) -> int:
        """How many of the colleagues (those whose answers make the proposal) answered."""
        return sum(a.answer is not None for a in self.answers[1 if self.holder else 0:])

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "section": self.section, "type": self.type, "weight": self.weight,
                "answers": [a.to_json() for a in self.answers], "proposal": self.proposal,
                "spread": self.spread, "divergent": self.divergent}


@dataclass(frozen=True)
class Carried:
    """The targets and the roadmap a consensus file takes over from the respondents' files."""

    targets: dict[str, targets_.Target]  # in the order of the questionnaire's dimensions, then the files'
    target_sources: dict[str, int]  # dimension -> index of the file it comes from
    plan: list[roadmap.PlanItem]
    plan_source: int | None  # index of the file the roadmap comes from (None: no file has one)
    warnings: list[Problem]


def _target_text(target: targets_.Target) -> str:
    return f"{target.level} by {target.by}"


def carry_targets_and_plan(docs: Sequence[AnswersFile], names: Sequence[str],
                           questionnaire: Questionnaire | None = None) -> Carried:
    """The targets and roadmap of a merge (contract §8): carried, not merged.

    - each dimension's target is the first file's (in the order given) that sets one for it: two
      colleagues may each have set the targets of their own dimensions;
    - the roadmap is the first file's that has one, whole: two roadmaps are not mixed (an action
      would come twice, with two owners or statuses);
    - a later file whose target for a dimension, or whose roadmap, differs from the one kept gets a
      warning naming the file kept: to keep another, give it first. The same target or roadmap in
      several files is no conflict."""
    kept: dict[str, targets_.Target] = {}
    sources: dict[str, int] = {}
    warnings: list[Problem] = []
    for index, doc in enumerate(docs):
        for dim, target in targets_.of(doc).items():
            if dim not in kept:
                kept[dim], sources[dim] = target, index
            elif kept[dim] != target:
                warnings.append(Problem(
                    f"target {_target_text(target)} left out: {names[sources[dim]]} sets "
                    f"{_target_text(kept[dim])}, which is kept (the first file given wins)",
                    path=f"{targets_.FIELD}.{dim}", file=names[index], severity="warning"))
    if questionnaire is not None:  # the questionnaire's order of dimensions, as the app writes them
        order = {s.id: i for i, s in enumerate(questionnaire.dimensions)}
        kept = dict(sorted(kept.items(), key=lambda kv: order.get(kv[0], len(order))))
        sources = {dim: sources[dim] for dim in kept}
    plan: list[roadmap.PlanItem] = []
    plan_source: int | None = None
    for index, doc in enumerate(docs):
        items = roadmap.of(doc)
        if not items:
            continue
        if plan_source is None:
            plan, plan_source = items, index
        elif items != plan:
            warnings.append(Problem(
                f"its roadmap ({plural(len(items), '# action', '# actions')}) left out: the roadmap of {names[plan_source]} "
                f"({plural(len(plan), '# action', '# actions')}) is kept whole (the first file given that has one wins)",
                path=roadmap.FIELD, file=names[index], severity="warning"))
    return Carried(kept, sources, plan, plan_source, warnings)


@dataclass
class MergeResult:
    answers: dict[str, Any]
    notes: dict[str, str]
    report: list[QuestionReport]  # divergent first (spread × weight), then questionnaire order
    roles: list[str]  # every view's, told apart: the holder's first when ``holder``
    carried: Carried | None = None  # targets and roadmap (merge_documents only)
    holder: bool = False  # the holder of the team's space is a view (roles[0], each report's answers[0])

    @property
    def divergent(self) -> list[QuestionReport]:
        return [r for r in self.report if r.divergent]

    @property
    def team(self) -> list[str]:
        """The roles of the colleagues whose answers make the proposal (``respondent.team``)."""
        return self.roles[1:] if self.holder else list(self.roles)

    def report_json(self, questionnaire: Questionnaire, commune: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {
            "questionnaire": {"id": questionnaire.id, "version": questionnaire.version},
            "commune": dict(commune or {}),
            "respondents": [{"respondent": i, "role": role} for i, role in enumerate(self.roles)],
            "divergent": len(self.divergent),
            "questions": [r.to_json() for r in self.report],
        }


# --- roles -----------------------------------------------------------------------------------


def clean_role(role: object) -> str | None:
    """A role as it is shown and kept: on one line, spaces collapsed, at most :data:`MAX_ROLE` characters, without
    control characters or bidi overrides (a right-to-left override in a file's role turned the rest of the
    radar's legend line around); None when it is not a text or blank."""
    if not isinstance(role, str):
        return None
    return " ".join(typed_text(role).split())[:MAX_ROLE] or None


def role_of(respondent: Mapping[str, Any] | None, n: int) -> str:
    """``respondent.role`` of an answers file (contract §2), trimmed; ``"respondent N"`` (N counted
    from 1 in the order given) when it is missing, blank or not a text."""
    return clean_role((respondent or {}).get("role")) or MISSING_ROLE.format(n=n)


def distinct_roles(roles: Sequence[str]) -> list[str]:
    """Roles told apart: a role held by several respondents is numbered in order ("CPAS (1)", "CPAS (2)")."""
    counts: dict[str, int] = {}
    for r in roles:
        counts[r.casefold()] = counts.get(r.casefold(), 0) + 1
    seen: dict[str, int] = {}
    out = []
    for r in roles:
        key = r.casefold()
        if counts[key] > 1:
            seen[key] = seen.get(key, 0) + 1
            out.append(f"{r} ({seen[key]})")
        else:
            out.append(r)
    return out


# --- values ----------------------------------------------------------------------------------


def is_real(value: Any) -> bool:
    """A real answer: neither "na", "unknown" nor missing."""
    return value is not None and value != NA and value != UNKNOWN


def _scored(question: Question) -> bool:
    return bool(question.options) and all(o.score is not None for o in question.options or ())


def answer_value(question: Question, answer: Any) -> float | None:
    """v in [0, 1] as in contract §3, for a question whose options all have a score; None otherwise
    (numbers, texts, unscored options, "na", "unknown", missing)."""
    if not is_real(answer) or not _scored(question):
        return None
    scores = {o.id: float(o.score or 0.0) for o in question.options or ()}
    if question.type == "multi":
        if not isinstance(answer, list):
            return None
        total = sum(scores.values())
        return min(1.0, sum(scores.get(a, 0.0) for a in answer) / total) if total else 0.0
    if not isinstance(answer, str) or answer not in scores:
        return None
    top = max(scores.values())
    return scores[answer] / top if top else 0.0


def _lower_median(items: list[Any], key: Any) -> Any:
    ordered = sorted(items, key=key)
    return ordered[(len(ordered) - 1) // 2]


def _upper_median(items: list[Any], key: Any) -> Any:
    ordered = sorted(items, key=key)
    return ordered[len(ordered) // 2]


def _propose(question: Question, real: list[Any], roles_of_real: list[str], prefix: bool,
             obstacle: bool = False) -> Any:
    """``obstacle``: a question of the obstacles section, whose higher options say a bigger obstacle. Prudent
    there is not to hide an obstacle a colleague sees: a tie goes to the bigger one (the upper median)."""
    kind = question.type
    if kind in ("scale", "single", "boolean"):
        place = {o.id: i for i, o in enumerate(question.options or ())}
        scored = _scored(question)

        def rank(option_id: str) -> tuple[float, int]:
            opt = question.option(option_id)
            return ((float(opt.score) if scored and opt is not None and opt.score is not None else 0.0),
                    place.get(option_id, len(place)))

        return (_upper_median if obstacle and scored else _lower_median)(real, rank)
    if kind == "multi":
        k = len(real)
        counts: dict[str, int] = {}
        for chosen in real:
            for option_id in set(chosen) if isinstance(chosen, list) else ():
                counts[option_id] = counts.get(option_id, 0) + 1
        return [o.id for o in question.options or () if 2 * counts.get(o.id, 0) > k]
    if kind == "number":
        return _lower_median(real, float)
    # text: the distinct texts, each with the roles of those who gave it
    if not prefix:
        return real[0]
    by_text: dict[str, list[str]] = {}
    for text, role in zip(real, roles_of_real, strict=True):
        cleaned = text.strip()
        if cleaned:
            by_text.setdefault(cleaned, []).append(role)
    if not by_text:
        return real[0]
    return _clip("\n".join(f"{', '.join(roles)}: {text}" for text, roles in by_text.items()), MAX_TEXT)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def merge(questionnaire: Questionnaire, respondents: Sequence[Respondent],
          holder: Respondent | None = None) -> MergeResult:
    """The proposal and the report for these respondents (contract §8). Answers are taken as given
    (check them against the questionnaire first); answers to questions the questionnaire does not
    have are left out.

    ``holder``: the holder of a team's space, whose answers are the assessment's own (theirs, and the final
    answers settled at the meeting). Once they gave a real answer they are a view among the team's, first:
    their answers count in each question's spread and divergence (Gesves's échevine differed from her
    directrice générale on 14 questions while the meeting said « 0 divergentes »), never in the proposal
    nor the merged notes, which stay the colleagues' (the holder's answer is the final one the proposal is
    offered against: counted in it, every decision would move the proposal)."""
    with_holder = holder is not None and any(is_real(v) for v in holder.answers.values())
    views: list[Respondent] = [holder, *respondents] if with_holder and holder is not None else list(respondents)
    first_voter = 1 if with_holder else 0
    roles = distinct_roles([r.role for r in views])
    prefix = len(respondents) > 1
    answers: dict[str, Any] = {}
    notes: dict[str, str] = {}
    reports: list[QuestionReport] = []
    for section in questionnaire.sections:
        for question in section.questions:
            qid = question.id
            seen: list[AnswerSeen] = []
            real: list[Any] = []
            real_roles: list[str] = []
            said_na = answered = 0
            any_na = any_real = False  # among every view, the holder's included
            note_lines: list[str] = []
            for i, (resp, role) in enumerate(zip(views, roles, strict=True)):
                value = effective_answer(resp.answers.get(qid))  # « none » beside options: those options (§2)
                note = resp.notes.get(qid)
                note = note.strip() if isinstance(note, str) and note.strip() else None
                seen.append(AnswerSeen(i, role, value, answer_value(question, value), note))
                any_na = any_na or value == NA
                any_real = any_real or is_real(value)
                if i < first_voter:
                    continue
                if note:
                    note_lines.append(f"{role}: {note}" if prefix else note)
                if value is None:
                    continue
                answered += 1
                if value == NA:
                    said_na += 1
                elif value != UNKNOWN:
                    real.append(value)
                    real_roles.append(role)
            if real:
                proposal: Any = _propose(question, real, real_roles, prefix, obstacle=section.kind == "obstacles")
            elif answered:
                proposal = NA if 2 * said_na >= answered else UNKNOWN
            else:
                proposal = None
            if proposal is not None:
                answers[qid] = proposal
            if note_lines:
                notes[qid] = _clip("\n".join(note_lines), MAX_NOTE)
            vs = [a.v for a in seen if a.v is not None]
            spread = (max(vs) - min(vs)) if vs else None
            na_beside_real = any_na and any_real
            divergent = na_beside_real or (spread is not None and spread >= DIVERGENT_SPREAD - 1e-9)
            reports.append(QuestionReport(qid, section.id, question.type, question.weight, seen, proposal,
                                          spread, divergent, na_beside_real, with_holder))
    order = questionnaire.order
    reports.sort(key=lambda r: (not r.divergent, -r.priority if r.divergent else 0.0, order[r.question]))
    return MergeResult(answers, notes, reports, roles, holder=with_holder)


# --- answers files ---------------------------------------------------------------------------


def check_same(docs: Sequence[AnswersFile], names: Sequence[str]) -> None:
    """Raise InvalidInput (every problem together) unless the files answer the same questionnaire
    (id and version) for the same commune (a file without a commune fits any)."""
    if not docs:
        raise InvalidInput([Problem("no answers file to merge")])
    problems: list[Problem] = []
    first, first_name = docs[0], names[0]
    communes = {d.nis_code for d in docs if d.nis_code}
    for doc, name in zip(docs[1:], names[1:], strict=True):
        if (doc.questionnaire_id, doc.questionnaire_version) != (first.questionnaire_id, first.questionnaire_version):
            problems.append(Problem(
                f"answers to questionnaire {doc.questionnaire_id} {doc.questionnaire_version}, "
                f"but {first_name} answers {first.questionnaire_id} {first.questionnaire_version}: "
                "only answers to the same questionnaire can be merged", "questionnaire", name))
    if len(communes) > 1:
        for doc, name in zip(docs, names, strict=True):
            if doc.nis_code:
                problems.append(Problem(
                    f"commune {doc.nis_code} ({doc.commune.get('name') or '?'}): the files are of "
                    f"{len(communes)} different communes; only one commune's answers can be merged",
                    "commune.nis_code", name))
    if problems:
        raise InvalidInput(problems)


def respondents_of(docs: Sequence[AnswersFile]) -> list[Respondent]:
    return [Respondent(role_of(d.respondent, n), dict(d.answers), dict(d.notes)) for n, d in enumerate(docs, 1)]


def merge_documents(questionnaire: Questionnaire, docs: Sequence[AnswersFile], names: Sequence[str] | None = None,
                    now: datetime | None = None) -> tuple[AnswersFile, MergeResult]:
    """The consensus answers file (contract §2; ``respondent.team`` lists the roles; the targets and
    roadmap carried by :func:`carry_targets_and_plan`) and the merge (``result.carried``: what was
    carried, with its warnings)."""
    names = list(names) if names is not None else [f"<answers {n}>" for n in range(1, len(docs) + 1)]
    check_same(docs, names)
    result = merge(questionnaire, respondents_of(docs))
    result.carried = carry_targets_and_plan(docs, names, questionnaire)
    result.carried.warnings.extend(_reasons_left_out(docs, names))
    commune: dict[str, Any] = {}
    for doc in docs:
        if doc.nis_code:
            commune = dict(doc.commune)
            break
    stamp = (now or datetime.now().astimezone()).isoformat(timespec="seconds")
    created = _moment([d.created_at for d in docs], min) or stamp
    updated = _moment([d.updated_at or d.created_at for d in docs], max) or stamp
    first = docs[0]
    extra: dict[str, Any] = {DIVERGENT_KEY: divergent_summary(result)} if len(docs) > 1 else {}
    if result.carried.targets:
        extra[targets_.FIELD] = targets_.to_raw(result.carried.targets)
    if result.carried.plan:
        extra[roadmap.FIELD] = roadmap.to_raw(result.carried.plan)
    consensus = AnswersFile(
        questionnaire_id=first.questionnaire_id,
        questionnaire_version=first.questionnaire_version,
        answers=result.answers,
        notes=result.notes,
        commune=commune,
        respondent={TEAM_KEY: list(result.roles)},
        created_at=created,
        updated_at=updated,
        questionnaire_extra=dict(first.questionnaire_extra),
        extra=extra,
    )
    return consensus, result


def _reasons_left_out(docs: Sequence[AnswersFile], names: Sequence[str]) -> list[Problem]:
    """A warning for each file whose divergent questions carry a meeting's reasons (contract §8): the merge makes
    its own list of divergent questions from the answers and has no meeting, so a reason is not carried into the
    consensus (its file keeps it). Said, never a silent loss."""
    out = []
    for doc, name in zip(docs, names, strict=True):
        count = sum(1 for entry in divergent_of(doc) if entry.get("reason"))
        if count:
            out.append(Problem(
                f"{plural(count, '# reason', '# reasons')} typed at a team meeting left out: the merge lists the "
                "divergent questions again from the answers and has no meeting (the file keeps them)",
                DIVERGENT_KEY, name, severity="warning"))
    return out


def _moment(stamps: Sequence[str | None], pick: Any) -> str | None:
    """The earliest (``min``) or latest (``max``) of the respondents' timestamps, as written (None
    without any): a consensus is dated by its answers, so that merging the same files again gives the
    same file, and its sheet the day the answers were last changed rather than the day of the merge.
    A time without an offset (a file written by hand) is read as local time."""
    known = [s for s in stamps if s]
    return pick(known, key=lambda s: datetime.fromisoformat(s).astimezone()) if known else None


def divergent_summary(result: MergeResult, limit: int = SUMMARY_LIMIT,
                      reasons: Mapping[str, str] | None = None,
                      kept: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """The divergent questions, most divergent first, as a consensus file keeps them (contract §8):
    ``[{"question", "spread", "answers": [{"role", "answer"}]}]`` (respondents without an answer left out).

    ``reasons``: why the meeting settled a question (the app's; ``maturity merge`` has none). Each listed question
    with a reason carries it (``reason``), and every other question of the merge with a reason follows the first
    ``limit`` (in the report's order, whatever its spread now): a question settled at the meeting, the holder's
    final answer joining the colleagues', is divergent no more (§8), and its reason would have no place in the file
    (Ciney's « Le PCM date de 2009 » on the mobility plan).

    ``kept``: the final answer each reason was given for (the store's, beside the reason): written with the reason
    (``kept``), so that a reader can tell a reason for an answer changed since (:func:`reason_holds`)."""
    reasons = {qid: text for qid, text in ((qid, clean_reason(r)) for qid, r in (reasons or {}).items()) if text}
    listed = list(result.divergent[:limit])
    first = {item.question for item in listed}
    listed += [item for item in result.report if item.question in reasons and item.question not in first]
    out = []
    for item in listed:
        entry: dict[str, Any] = {
            "question": item.question, "spread": item.spread,
            "answers": [{"role": seen.role, "answer": seen.answer} for seen in item.answers if seen.answer is not None]}
        if item.question in reasons:
            entry["reason"] = reasons[item.question]
            if kept and kept.get(item.question) is not None:
                entry["kept"] = kept[item.question]
        out.append(entry)
    return out


def divergent_of(document: AnswersFile | Mapping[str, Any]) -> list[dict[str, Any]]:
    """The divergent questions a consensus file lists (``divergent``, contract §8); [] when absent.
    Entries that are not of the documented shape are left out. An entry has ``reason`` (why the meeting settled
    the question, :func:`maturity.answers.clean_reason`) only when the file gives one as a text not blank."""
    raw = document.extra.get(DIVERGENT_KEY) if isinstance(document, AnswersFile) else document.get(DIVERGENT_KEY)
    if not isinstance(raw, list):
        return []
    out = []
    for entry in raw:
        if not isinstance(entry, dict) or not isinstance(entry.get("question"), str):
            continue
        spread = entry.get("spread")
        answers = entry.get("answers") if isinstance(entry.get("answers"), list) else []
        item: dict[str, Any] = {
            "question": entry["question"],
            "spread": float(spread) if isinstance(spread, int | float) and not isinstance(spread, bool) else None,
            "answers": [{"role": a["role"], "answer": a.get("answer")} for a in answers
                        if isinstance(a, dict) and isinstance(a.get("role"), str)],
        }
        reason = clean_reason(entry.get("reason"))
        if reason:
            item["reason"] = reason
            if _answer_like(entry.get("kept")):
                item["kept"] = entry["kept"]
        out.append(item)
    return out


def _answer_like(value: Any) -> bool:
    """A value an answer may have (§2): a text, a number, a list of texts; anything else is no ``kept``."""
    if isinstance(value, str):
        return True
    if isinstance(value, int | float) and not isinstance(value, bool):
        return math.isfinite(value)
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def same_answer(a: Any, b: Any) -> bool:
    """Two answers alike as §2 reads them (« none » beside other options is those options; a checklist's options
    in any order)."""
    a, b = effective_answer(a), effective_answer(b)
    if isinstance(a, list) and isinstance(b, list):
        return sorted(a) == sorted(b)
    return a == b


def reason_holds(entry: Mapping[str, Any], answer: Any) -> bool:
    """Whether a ``divergent`` entry's reason (contract §8) is the reason for ``answer``, the file's answer now: the
    meeting gave it for the answer it kept (``kept``), and an answer changed since (on the questionnaire, after the
    meeting) is not the one it explains. An entry without ``kept`` (a file written before it) holds, as read before;
    an entry without a reason holds nothing."""
    if not entry.get("reason"):
        return False
    return "kept" not in entry or same_answer(entry["kept"], answer)


def team_roles(respondent: Mapping[str, Any] | None) -> list[str]:
    """The roles a consensus file says took part (``respondent.team``); [] for a single respondent's file."""
    team = (respondent or {}).get(TEAM_KEY)
    if not isinstance(team, list):
        return []
    return [role for role in map(clean_role, team) if role]


# --- spread of the dimension scores ----------------------------------------------------------


@dataclass(frozen=True)
class DimensionSpread:
    dimension: str
    scores: list[float | None]  # one per respondent, in their order
    low: float | None
    high: float | None

    @property
    def spread(self) -> float | None:
        return None if self.low is None or self.high is None else self.high - self.low

    @property
    def scored(self) -> int:
        return sum(s is not None for s in self.scores)


def dimension_spreads(questionnaire: Questionnaire, respondents: Sequence[Respondent]) -> dict[str, DimensionSpread]:
    """Each dimension's score per respondent (contract §3 on their own answers) and the spread
    between the highest and the lowest score (null when fewer than two respondents have a score)."""
    per = [score(questionnaire, r.answers) for r in respondents]
    out: dict[str, DimensionSpread] = {}
    for section in questionnaire.dimensions:
        scores = [a.dimensions[section.id].score for a in per]
        known = [s for s in scores if s is not None and math.isfinite(s)]
        if len(known) >= 2:
            out[section.id] = DimensionSpread(section.id, scores, min(known), max(known))
        else:
            out[section.id] = DimensionSpread(section.id, scores, None, None)
    return out


@dataclass(frozen=True)
class TeamSpreads:
    """The dimension spreads of a team as its holder reads them: ``spreads`` has one score per entry of
    ``roles`` (told apart, in that order), the holder's first when ``holder`` is true."""

    spreads: dict[str, DimensionSpread]
    roles: list[str]
    holder: bool


def team_spreads(questionnaire: Questionnaire, colleagues: Sequence[Respondent],
                 holder: Respondent | None = None) -> TeamSpreads:
    """Each dimension's score per respondent and their spread, with the holder of the team's space first
    when they gave at least one real answer (Eupen's Schöffe answered two parts himself: his 50 stood beside
    his Generaldirektor's 25 nowhere, and the spread said « — »). The holder's answers are the assessment's
    own (theirs, and the final answers settled at the meeting); ``holder.role`` is how the reader names
    them. Only the spread counts them: the merge's proposal is the colleagues' alone (contract §8)."""
    people = list(colleagues)
    with_holder = holder is not None and any(is_real(v) for v in holder.answers.values())
    if with_holder:
        assert holder is not None
        people = [holder, *people]
    return TeamSpreads(dimension_spreads(questionnaire, people), distinct_roles([p.role for p in people]),
                       with_holder)


def holder_role(respondent: Mapping[str, Any] | None) -> str | None:
    """The role of the holder of a team's space (``respondent.role`` of its draft, trimmed), None without one:
    the colleagues' roles are ``respondent.team``."""
    return clean_role((respondent or {}).get("role"))
