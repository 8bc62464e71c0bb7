"""The roadmap (issue 14): dated actions with an owner, picked from the recommendations or written freely.

Stored in the answers file as the optional top-level field (contract §2)::

    "plan": [{"id": "a1", "recommendation": "mobility_plan_and_fund", "action": "…",
              "owner": "Service travaux", "year": 2027, "budget": "421/733-60", "status": "planned"}]

``recommendation``, ``budget`` and ``dimension`` (the dimension a free action serves) are
optional; ``status`` is one of :data:`STATUSES`. The order of the list is the commune's and is
kept. Pure functions over plain data: :func:`structure_problems` checks the list without a
questionnaire, :func:`questionnaire_problems` the recommendation and dimension ids against one,
and :func:`pst_rows` maps the roadmap to the structure of a Programme Stratégique Transversal:
strategic objective (the dimension, with its target), operational objective (the
recommendation), action, owner, deadline, budget, status.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .errors import Problem, labelled_options
from .models import Questionnaire, Recommendation
from .recommendations import target_of
from .targets import LEGISLATURE_END, YEAR_MAX, YEAR_MIN, Target, year_code, year_problem
from .typography import plain_spaces, typed_text

FIELD = "plan"
STATUSES = ("planned", "started", "done", "dropped")
MAX_ITEMS = 500
MAX_ACTION = 1000
MAX_SHORT = 200  # owner, budget, id
MAX_AMOUNT_DIGITS = 12  # a budget amount below a thousand billion euros; a longer number is a reference
_KEYS = ("id", "recommendation", "dimension", "action", "owner", "year", "budget", "status")
_REQUIRED = ("id", "action", "owner", "year", "status")
_ID = re.compile(r"^\S{1,64}$")

# the one catalog of the roadmap's words (PST columns and statuses), per language
LABELS: dict[str, dict[str, str]] = {
    "strategic": {"fr": "Objectif stratégique", "de": "Strategisches Ziel", "en": "Strategic objective"},
    "operational": {"fr": "Objectif opérationnel", "de": "Operatives Ziel", "en": "Operational objective"},
    "action": {"fr": "Action", "de": "Maßnahme", "en": "Action"},
    "owner": {"fr": "Responsable", "de": "Verantwortlich", "en": "Owner"},
    "no_owner": {"fr": "responsable à désigner", "de": "Verantwortliche noch offen", "en": "owner to be named"},
    # the same, after the « Responsable » label (« Responsable : responsable à désigner » said it twice)
    "owner_unset": {"fr": "à désigner", "de": "noch offen", "en": "to be named"},
    "deadline": {"fr": "Échéance", "de": "Frist", "en": "Deadline"},
    "budget": {"fr": "Budget", "de": "Budget", "en": "Budget"},
    "status": {"fr": "Statut", "de": "Status", "en": "Status"},
    "planned": {"fr": "prévue", "de": "geplant", "en": "planned"},
    "started": {"fr": "en cours", "de": "begonnen", "en": "started"},
    "done": {"fr": "réalisée", "de": "erledigt", "en": "done"},
    "dropped": {"fr": "abandonnée", "de": "verworfen", "en": "dropped"},
    "cross": {"fr": "Transversal", "de": "Übergreifend", "en": "Cross-cutting"},
    "free": {"fr": "Action libre", "de": "Freie Maßnahme", "en": "Own action"},
    # an obstacle's action in the app's narrow grid column (the PST table gives the objective in full)
    "obstacle": {"fr": "Frein : {name}", "de": "Hemmnis: {name}", "en": "Obstacle: {name}"},
    "target": {"fr": "{dimension} : viser «\u00a0{level}\u00a0» d'ici {year}",
               "de": "{dimension}: Stufe „{level}“ bis {year}",
               "en": "{dimension}: reach “{level}” by {year}"},
}
COLUMNS = ("strategic", "operational", "action", "owner", "deadline", "budget", "status")


def label(key: str, lang: str, **values: Any) -> str:
    texts = LABELS[key]
    text = texts.get(lang) or texts["fr"]
    return text.format(**values) if values else text


@dataclass(frozen=True, slots=True)
class PlanItem:
    id: str
    action: str
    owner: str
    year: int
    status: str = "planned"
    recommendation: str | None = None
    budget: str | float | None = None
    dimension: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id}
        if self.recommendation is not None:
            out["recommendation"] = self.recommendation
        if self.dimension is not None:
            out["dimension"] = self.dimension
        out.update(action=self.action, owner=self.owner, year=self.year)
        if self.budget is not None:
            out["budget"] = self.budget
        out["status"] = self.status
        return out


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 40 else text[:37] + "..."


def _item_problems(item: Any, place: str, name: str, seen: set[str]) -> list[Problem]:
    if not isinstance(item, dict):
        return [Problem('an action is an object {"id", "action", "owner", "year", "status", ...}', place, name,
                        code="action_not_object")]
    problems: list[Problem] = []
    for key in _REQUIRED:
        if key not in item:
            problems.append(Problem("missing", f"{place}.{key}", name, code="action_missing"))
    for key in item:
        if key not in _KEYS:
            problems.append(Problem(f"unknown field (an action has {', '.join(_KEYS)})", f"{place}.{key}", name,
                                    code="action_unknown_field", params=(("fields", ", ".join(_KEYS)),)))
    ident = item.get("id")
    if "id" in item:
        if not isinstance(ident, str) or not _ID.match(ident):
            problems.append(Problem("an id is a text of 1 to 64 characters without spaces", f"{place}.id", name,
                                    code="action_bad_id"))
        elif ident in seen:
            problems.append(Problem(f"{_show(ident)} is the id of an earlier action", f"{place}.id", name,
                                    code="action_id_twice", params=(("value", _show(ident)),)))
        else:
            seen.add(ident)
    action = item.get("action")
    if "action" in item and (not isinstance(action, str) or not action.strip()):
        problems.append(Problem("the action is a text, not empty", f"{place}.action", name, code="action_empty"))
    elif isinstance(action, str) and len(action) > MAX_ACTION:
        problems.append(Problem(f"an action has at most {MAX_ACTION} characters", f"{place}.action", name,
                                code="action_too_long", params=(("max", str(MAX_ACTION)),)))
    if "owner" in item and (not isinstance(item["owner"], str) or len(item["owner"]) > MAX_SHORT):
        problems.append(Problem(f"the owner is a text of at most {MAX_SHORT} characters (may be empty)",
                                f"{place}.owner", name, code="action_bad_owner", params=(("max", str(MAX_SHORT)),)))
    if "year" in item:
        why = year_problem(item["year"])
        if why:
            code, params = year_code(item["year"])
            problems.append(Problem(why, f"{place}.year", name, code=code, params=params))
    if "status" in item and item["status"] not in STATUSES:
        problems.append(Problem(f"{_show(item['status'])} is not a status ({', '.join(STATUSES)})",
                                f"{place}.status", name, code="action_bad_status",
                                params=(("value", _show(item["status"])), ("options", ", ".join(STATUSES)),
                                        *labelled_options((status, LABELS[status]) for status in STATUSES))))
    budget = item.get("budget")
    if budget is not None:
        if isinstance(budget, bool) or not isinstance(budget, str | int | float):
            problems.append(Problem("the budget is an amount (≥ 0) or a text such as a budget article",
                                    f"{place}.budget", name, code="action_bad_budget"))
        elif isinstance(budget, str) and len(budget) > MAX_SHORT:
            problems.append(Problem(f"a budget text has at most {MAX_SHORT} characters", f"{place}.budget", name,
                                    code="action_budget_too_long", params=(("max", str(MAX_SHORT)),)))
        elif not isinstance(budget, str) and not (budget >= 0 and budget != float("inf")):
            problems.append(Problem("a budget amount is a number ≥ 0", f"{place}.budget", name, code="action_bad_budget"))
    for key in ("recommendation", "dimension"):
        value = item.get(key)
        if value is not None and (not isinstance(value, str) or not _ID.match(value)):
            problems.append(Problem("an id, or null", f"{place}.{key}", name, code="action_id_or_null"))
    return problems


def structure_problems(raw: Any, name: str = "<answers>") -> list[Problem]:
    """What is wrong with a ``plan`` value, without the questionnaire (every problem, with its place)."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        return [Problem("must be a list of actions", FIELD, name, code="plan_not_list")]
    if len(raw) > MAX_ITEMS:
        return [Problem(f"a roadmap has at most {MAX_ITEMS} actions", FIELD, name, code="plan_too_many",
                        params=(("max", str(MAX_ITEMS)),))]
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        problems.extend(_item_problems(item, f"{FIELD}[{index}]", name, seen))
    return problems


def questionnaire_problems(raw: Any, q: Questionnaire, name: str = "<answers>") -> list[Problem]:
    """Recommendation and dimension ids of a structurally valid ``plan`` that the questionnaire lacks."""
    if not isinstance(raw, list):
        return []
    recs = {r.id for r in q.recommendations}
    dims = [s.id for s in q.dimensions]
    problems: list[Problem] = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            continue
        rec = item.get("recommendation")
        if isinstance(rec, str) and rec not in recs:
            problems.append(Problem(f"{_show(rec)} is not a recommendation of this questionnaire",
                                    f"{FIELD}[{index}].recommendation", name, code="unknown_recommendation",
                                    params=(("value", _show(rec)),)))
        dim = item.get("dimension")
        if isinstance(dim, str) and dim not in dims:
            problems.append(Problem(f"{_show(dim)} is not a dimension of this questionnaire ({', '.join(dims)})",
                                    f"{FIELD}[{index}].dimension", name, code="unknown_dimension",
                                    params=(("value", _show(dim)), ("options", ", ".join(dims)),
                                            *labelled_options((d.id, d.label) for d in q.dimensions))))
    return problems


def read(raw: Any) -> list[PlanItem]:
    """The actions of a checked ``plan`` value, in order (entries that are not objects skipped)."""
    out: list[PlanItem] = []
    if not isinstance(raw, list):
        return out
    for item in raw:
        if not isinstance(item, dict):
            continue
        out.append(PlanItem(
            id=str(item.get("id", "")), action=str(item.get("action", "")), owner=str(item.get("owner", "")),
            year=item.get("year") if isinstance(item.get("year"), int) else 0,
            status=item.get("status") if item.get("status") in STATUSES else "planned",
            recommendation=item.get("recommendation"), budget=item.get("budget"), dimension=item.get("dimension")))
    return out


def to_raw(items: Iterable[PlanItem]) -> list[dict[str, Any]]:
    return [item.to_json() for item in items]


def new_id(items: Sequence[PlanItem]) -> str:
    """The id after the highest ``aN`` of the list (``a1`` for the first): never one in use."""
    used = {i.id for i in items}
    return f"a{1 + max((int(i[1:]) for i in used if re.fullmatch(r'a[0-9]{1,9}', i)), default=0)}"


def add_action(items: Sequence[PlanItem], action: str, year: int, *, recommendation: str | None = None,
               dimension: str | None = None, owner: str = "") -> list[PlanItem]:
    """The list with one more planned action at the end (the same list when that action of that
    recommendation is already in it)."""
    for item in items:
        if plain_spaces(item.action) == plain_spaces(action) and item.recommendation == recommendation:
            return list(items)
    if len(items) >= MAX_ITEMS:  # full: one more would make a file its own reader refuses
        return list(items)
    return [*items, PlanItem(new_id(items), action, owner, year, "planned", recommendation, None, dimension)]


def _same_action(a: PlanItem, b: PlanItem) -> bool:
    return a.recommendation == b.recommendation and plain_spaces(a.action) == plain_spaces(b.action)


def rebase(base: Sequence[PlanItem], mine: Sequence[PlanItem], stored: Sequence[PlanItem]) -> list[PlanItem]:
    """The changes one page made to the roadmap (from ``base``, what it showed, to ``mine``), applied to the
    roadmap as ``stored`` now, so that what another tab, colleague or replica saved meanwhile stays: an action
    changed here takes its new values (one deleted elsewhere stays deleted), one deleted here goes, one added
    here comes at the end (with a new id when another page took its id; not again when the same action of the
    same recommendation was added elsewhere). The stored order is kept. ``stored`` equal to ``base``: ``mine``."""
    if list(stored) == list(base):
        return list(mine)
    before = {item.id: item for item in base}
    now = {item.id: item for item in mine}
    out: list[PlanItem] = []
    for item in stored:
        if item.id in before and item.id not in now:
            continue  # deleted on this page
        changed = now.get(item.id) if item.id in before else None
        out.append(changed if changed is not None and changed != before[item.id] else item)
    for item in mine:
        if item.id in before or len(out) >= MAX_ITEMS:
            continue
        if item.recommendation is not None and any(_same_action(item, other) for other in out):
            continue  # the same recommended action, added on another page too
        taken = {other.id for other in out} | set(before)
        out.append(item if item.id not in taken else replace(item, id=new_id([*base, *out])))
    return out


OPEN = ("planned", "started")  # the statuses of an action still to be carried out


def default_year(items: Sequence[PlanItem], goals: Mapping[str, Target], dimension: str | None, this_year: int,
                 q: Questionnaire | None = None, priority: int | None = None) -> int:
    """The year a new action is first planned for, as the commune set its horizon: from next year to the
    target's year of the action's ``dimension``; without one, to the furthest year of the commune's targets
    (the horizon of its PST), or the end of the legislature (2030) when it set none. Within those years, the
    earliest that holds the fewest open actions (planned or started) of the same dimension (of the whole
    roadmap for an action without one), so that actions picked one after the other take 2027, 2028, 2029,
    2030, then 2027 again: spread over the horizon, never after the target's year. A target's year this
    year or past gives that year.

    Every action once dated next year (2027) under a 2030 target, and before that every one in 2030, « Refaire
    cette auto-évaluation après un an » among them (fresh-eyes trials); the commune still moves each to its year.
    ``q``: to find the dimension of an action picked from a recommendation (:func:`dimension_of`).

    ``priority`` 1 (a recommendation of high priority): next year, the first of the horizon, whatever is
    planned then: an urgent action spread to the emptiest year landed in 2029 and 2030 under a 2030 target
    while the medium ones took 2027 (fresh-eyes trial 10, Sankt Vith)."""
    start = min(max(this_year + 1, YEAR_MIN), YEAR_MAX)
    if dimension and dimension in goals:
        end = goals[dimension].by
    elif goals:
        end = max(t.by for t in goals.values())
    else:
        end = max(LEGISLATURE_END, start)
    end = min(max(end, YEAR_MIN), YEAR_MAX)
    if end <= start:
        return end
    if priority == 1:
        return start
    load: dict[int, int] = {}
    for item in items:
        if item.status not in OPEN:
            continue
        if dimension and (dimension_of(item, q) if q is not None else item.dimension) != dimension:
            continue
        load[item.year] = load.get(item.year, 0) + 1
    return min(range(start, end + 1), key=lambda year: (load.get(year, 0), year))


def picked(rec: Recommendation, items: Sequence[PlanItem]) -> set[int]:
    """The places (from 0) of ``rec``'s actions that are in the roadmap: by their text in any language of
    the questionnaire, or in an earlier wording (``former_actions``: a roadmap is kept for years); a text that
    differs only by its no-break spaces is the same (the guillemets around Territoire intelligent got them).
    An action picked from another recommendation is this one when its text is this action's current one: an
    action two recommendations listed is now in one only, and a roadmap that picked it from the other has it
    (not proposed again). A free action, or another recommendation's with an earlier wording, is not."""
    here = {plain_spaces(i.action) for i in items if i.recommendation == rec.id}
    elsewhere = {plain_spaces(i.action) for i in items if i.recommendation and i.recommendation != rec.id}
    found = set()
    for index in range(len(rec.actions)):
        current = rec.actions[index]
        now = {plain_spaces(t) for t in ([current] if isinstance(current, str) else current.values())}
        if {plain_spaces(text) for text in rec.action_texts(index)} & here or now & elsewhere:
            found.add(index)
    return found


def dimension_of(item: PlanItem, q: Questionnaire) -> str | None:
    """The dimension an action serves: its own ``dimension``, else its recommendation's."""
    if item.dimension:
        return item.dimension
    rec = recommendation_of(q, item.recommendation)
    return target_of(rec)[0] if rec is not None else None


def objective_of(item: PlanItem, q: Questionnaire, lang: str, short: bool = False) -> str:
    """The strategic objective an action serves, in words: its dimension's name; for a recommendation that
    lifts an obstacle (it has no dimension), the objective it states ("Être une commune qui …"), where
    "Transversal" said nothing (Eupen's seven actions, all from obstacles: a PST column of "Übergreifend");
    else "Transversal". ``short``: for a narrow column, an obstacle's action says "Frein : expertise"."""
    dim = dimension_of(item, q)
    section = next((s for s in q.dimensions if s.id == dim), None) if dim else None
    if section is not None:
        return q.t(section.label, lang)
    rec = recommendation_of(q, item.recommendation)
    if rec is None:
        return label("cross", lang)
    obstacle = q.question(target_of(rec)[1] or "") if short else None
    if obstacle is not None and obstacle.short is not None:
        return label("obstacle", lang, name=q.t(obstacle.short, lang))
    return q.t(rec.objective, lang) if rec.objective else label("cross", lang)


def recommendation_of(q: Questionnaire, rec_id: str | None) -> Recommendation | None:
    if not rec_id:
        return None
    return next((r for r in q.recommendations if r.id == rec_id), None)


def format_budget(budget: str | float | None, lang: str) -> str:
    if budget is None:
        return ""
    if isinstance(budget, str):
        return budget
    from .display import format_number

    # an amount typed with its cents keeps them (« 15 000,50 € »: it read « 15 001 € »)
    return f"{format_number(budget, lang, 0 if float(budget).is_integer() else 2)} €"


def pst_rows(q: Questionnaire, items: Sequence[PlanItem], lang: str,
             targets: Mapping[str, Target] | None = None) -> list[list[str]]:
    """The roadmap as PST rows (header first): strategic objective, operational objective, action,
    owner, deadline, budget, status; in the roadmap's order."""
    targets = targets or {}
    out = [[label(c, lang) for c in COLUMNS]]
    for item in items:
        dim = dimension_of(item, q)
        strategic = objective_of(item, q, lang)
        target = targets.get(dim or "")
        level = q.level(target.level) if target else None
        if target is not None and level is not None:
            strategic = label("target", lang, dimension=strategic, level=q.t(level.label, lang), year=target.by)
        rec = recommendation_of(q, item.recommendation)
        operational = q.t(rec.title, lang) if rec is not None else label("free", lang)
        out.append([strategic, operational, item.action, item.owner, str(item.year) if item.year else "",
                    format_budget(item.budget, lang), label(item.status, lang)])
    return out


def by_year(items: Sequence[PlanItem]) -> list[tuple[int, list[PlanItem]]]:
    """The actions grouped by year, years ascending, the roadmap's order within a year."""
    years: dict[int, list[PlanItem]] = {}
    for item in items:
        years.setdefault(item.year, []).append(item)
    return sorted(years.items())


def of(doc: Any) -> list[PlanItem]:
    """The roadmap of an answers document (:class:`~maturity.answers.AnswersFile`)."""
    return read(doc.extra.get(FIELD))


def set_on(doc: Any, items: Sequence[PlanItem]) -> None:
    """Write the roadmap into an answers document (the field is left out when it is empty)."""
    if items:
        doc.extra[FIELD] = to_raw(items)
    else:
        doc.extra.pop(FIELD, None)


_AMOUNT = re.compile(r"^\s*(\d{1,3}(?:[ .\u202f\xa0]\d{3})+|\d+)(?:[,.](\d{1,2}))?\s*€?\s*$")


def parse_budget(text: Any) -> str | float | None:
    """What a person typed in the budget cell: an amount in euros ("15000", "15 000,50 €") becomes a
    number, anything else (a budget article such as "104/123-48") stays text; blank is None. More than
    :data:`MAX_AMOUNT_DIGITS` digits is no commune's budget but a reference typed without separators: it
    stays text, where it became 1.23457e+19 € (a float has no more digits to keep it)."""
    if text is None or isinstance(text, bool):
        return None
    if isinstance(text, int | float):
        return float(text) if text == text and text >= 0 else None  # NaN (an empty cell) is None
    text = typed_text(str(text)).strip()[:MAX_SHORT]
    if not text:
        return None
    m = _AMOUNT.match(text)
    if not m:
        return text
    whole = re.sub(r"[ .\u202f\xa0]", "", m.group(1))
    if len(whole.lstrip("0")) > MAX_AMOUNT_DIGITS:  # a reference made of digits, not euros: kept as typed
        return text
    amount = float(f"{whole}.{m.group(2) or 0}")
    return int(amount) if amount.is_integer() else amount


def budget_text(budget: str | float | None) -> str:
    """A budget as the table cell shows it for editing (an amount without grouping, so it reads back)."""
    if budget is None:
        return ""
    if isinstance(budget, str):
        return budget
    return str(int(budget)) if float(budget).is_integer() else f"{budget:.2f}"


def from_rows(rows: Iterable[Mapping[str, Any]], previous: Sequence[PlanItem], default_year: int) -> list[PlanItem]:
    """The roadmap from the rows of an edited table (id, action, owner, year, budget, status), in the
    table's order. A row without an action is left out; a new row gets a new id; a year out of
    2025–2040 or blank becomes ``default_year``; an unknown status becomes "planned". The
    recommendation and dimension of an existing action are kept from ``previous``. At most
    :data:`MAX_ITEMS` actions, the most an answers file keeps (rows pasted beyond are left out)."""
    by_id = {item.id: item for item in previous}
    out: list[PlanItem] = []
    for row in rows:
        action = row.get("action")
        if not isinstance(action, str) or not action.strip():
            continue
        if len(out) >= MAX_ITEMS:  # rows pasted beyond the most an answers file keeps (structure_problems)
            break
        ident = row.get("id")
        before = by_id.get(ident) if isinstance(ident, str) else None
        if before is None or any(i.id == ident for i in out):
            ident = new_id([*previous, *out])
        year = row.get("year")
        try:
            year = int(year) if year is not None and year == year else default_year
        except (TypeError, ValueError):
            year = default_year
        if year_problem(year):
            year = default_year
        owner = row.get("owner")
        owner = typed_text(owner).strip()[:MAX_SHORT] if isinstance(owner, str) else ""
        status = row.get("status") if row.get("status") in STATUSES else "planned"
        out.append(PlanItem(ident, typed_text(action).strip()[:MAX_ACTION], owner, year, status,
                            before.recommendation if before else None, parse_budget(row.get("budget")),
                            before.dimension if before else None))
    return out
