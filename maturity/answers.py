"""Answers files (contract §2): read, check against a questionnaire, write.

Reading then writing a file loses nothing: unknown-but-valid metadata, notes and the
order of multi answers are kept as they were. Every problem comes with its place
(``answers.gov_strategy: "maybe" is not an option of this question (...)``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from . import communes
from . import plan as roadmap
from . import targets as targets_
from .errors import InvalidInput, Problem, labelled_options
from .fileio import MAX_ANSWERS_BYTES, read_at_most
from .jsonplaces import duplicate_keys, with_lines
from .models import CHOICE_TYPES, NA, UNKNOWN, Question, Questionnaire
from .special import NONE, effective_answer, none_beside_others
from .typography import cut, typed_text

# The most an answers file may weigh, the one source of the command line's, the app's and a campaign's limit (a
# page says it « 1 Mo », maturity.display.format_megabytes; its uploaders take it, maturity.app.logic.UPLOAD_MB).
MAX_BYTES = MAX_ANSWERS_BYTES
# Shape bounds, checked on the text before it is parsed or copied: an answers file nests 3 levels
# (answers → a multi answer's list) and holds a few hundred keys; metadata may add a little.
MAX_DEPTH = 20
MAX_KEYS = 5_000
MAX_VALUES = 20_000
MAX_TEXT = 5000
MAX_NOTE = 5000
# why the meeting settled a divergent question (``divergent[i].reason``, contract §8): a sentence or two, as the
# team page's « Pourquoi ce choix » takes it; the sheet prints it under the topic for the Collège
MAX_REASON = 500
DIVERGENT = "divergent"  # the top-level list of a team's divergent questions (contract §8; maturity.merge)
_KNOWN_KEYS = ("questionnaire", "commune", "respondent", "created_at", "updated_at", "answers", "notes")


@dataclass
class AnswersFile:
    """An answers document. ``extra`` keeps unknown top-level keys so a round trip loses nothing."""

    questionnaire_id: str
    questionnaire_version: str
    answers: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    commune: dict[str, Any] = field(default_factory=dict)
    respondent: dict[str, Any] = field(default_factory=dict)
    created_at: str | None = None
    updated_at: str | None = None
    questionnaire_extra: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    # the JSON text read, when read from one: problems found later then name their line
    source_text: str | None = field(default=None, repr=False, compare=False)
    # what reading the text found that the document cannot show (a key given twice): warnings of check_answers
    read_warnings: list[Problem] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def new(cls, questionnaire: Questionnaire, nis_code: str | None = None) -> AnswersFile:
        now = datetime.now().astimezone().isoformat(timespec="seconds")
        commune: dict[str, Any] = {}
        found = communes.get(nis_code)
        if found:
            commune = {"nis_code": found.nis_code, "name": found.name_fr}
        return cls(questionnaire.id, questionnaire.version, commune=commune, created_at=now, updated_at=now)

    @property
    def nis_code(self) -> str | None:
        code = self.commune.get("nis_code")
        return str(code) if code else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "questionnaire": {"id": self.questionnaire_id, "version": self.questionnaire_version,
                              **self.questionnaire_extra},
            "commune": dict(self.commune),
            "respondent": dict(self.respondent),
        }
        if self.created_at is not None:
            out["created_at"] = self.created_at
        if self.updated_at is not None:
            out["updated_at"] = self.updated_at
        out["answers"] = dict(self.answers)
        out["notes"] = dict(self.notes)
        out.update(self.extra)
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def touch(self) -> None:
        self.updated_at = datetime.now().astimezone().isoformat(timespec="seconds")


# --- structure ------------------------------------------------------------------------------


def _check_timestamp(value: Any, key: str, problems: list[Problem], name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        problems.append(Problem(f"must be a date-time text (ISO 8601), got {type(value).__name__}", key, name,
                                code="read_not_datetime"))
        return None
    try:
        datetime.fromisoformat(value)
    except ValueError:
        problems.append(Problem(f"{value[:40]!r} is not an ISO 8601 date-time", key, name, code="read_not_datetime"))
    return value


def _metadata_mapping(data: dict, key: str, problems: list[Problem], name: str) -> dict[str, Any]:
    value = data.get(key, {})
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(Problem("must be an object", key, name, code="read_not_object_field"))
        return {}
    return value


def answers_from_dict(data: Any, name: str = "<answers>") -> AnswersFile:
    """Check the structure only (no questionnaire needed)."""
    if not isinstance(data, dict):
        raise InvalidInput([Problem("an answers file is a JSON object (questionnaire, commune, answers, ...)", file=name,
                                    code="read_not_object")])
    problems: list[Problem] = []
    qref = data.get("questionnaire")
    qid = qversion = ""
    qextra: dict[str, Any] = {}
    if not isinstance(qref, dict):
        problems.append(Problem('missing: {"id": ..., "version": ...} of the questionnaire answered', "questionnaire", name,
                                code="read_no_questionnaire"))
    else:
        qid, qversion = qref.get("id"), qref.get("version")
        if not isinstance(qid, str) or not qid:
            problems.append(Problem("missing or not a text", "questionnaire.id", name, code="read_missing_text"))
        if not isinstance(qversion, str) or not qversion:
            problems.append(Problem("missing or not a text", "questionnaire.version", name, code="read_missing_text"))
        qextra = {k: v for k, v in qref.items() if k not in ("id", "version")}
    commune = _metadata_mapping(data, "commune", problems, name)
    respondent = _metadata_mapping(data, "respondent", problems, name)
    code = commune.get("nis_code")
    if code is not None and (
        not isinstance(code, str | int) or isinstance(code, bool) or communes.get(str(code)) is None
    ):
        problems.append(Problem(f"{str(code)[:20]!r} is not the NIS code of a Walloon commune", "commune.nis_code", name,
                                code="read_not_commune", params=(("code", str(code)[:20]),)))
    if "name" in commune and not isinstance(commune["name"], str):
        problems.append(Problem("must be a text", "commune.name", name, code="read_not_text"))
    answers = data.get("answers", {})
    if not isinstance(answers, dict):
        problems.append(Problem("must be an object {question id: answer}", "answers", name, code="read_answers_not_object"))
        answers = {}
    notes = data.get("notes", {}) or {}
    if not isinstance(notes, dict):
        problems.append(Problem("must be an object {question id: text}", "notes", name, code="read_notes_not_object"))
        notes = {}
    for qkey, note in notes.items():
        if not isinstance(note, str):
            problems.append(Problem("a note is a text", f"notes.{qkey}", name, code="read_not_text"))
        elif len(note) > MAX_NOTE:
            problems.append(Problem(f"a note has at most {MAX_NOTE} characters", f"notes.{qkey}", name,
                                    code="read_note_too_long", params=(("max", str(MAX_NOTE)),)))
    created = _check_timestamp(data.get("created_at"), "created_at", problems, name)
    updated = _check_timestamp(data.get("updated_at"), "updated_at", problems, name)
    problems.extend(targets_.structure_problems(data.get(targets_.FIELD), name))  # optional (issue 14)
    problems.extend(roadmap.structure_problems(data.get(roadmap.FIELD), name))
    problems.extend(reason_problems(data.get(DIVERGENT), name))
    readable = isinstance(qref, dict) and isinstance(qid, str) and qid and isinstance(qversion, str) and qversion \
        and isinstance(data.get("answers", {}), dict)
    if problems and not readable:
        raise InvalidInput(problems)
    doc = AnswersFile(
        questionnaire_id=qid,
        questionnaire_version=qversion,
        answers=dict(answers),
        notes={k: v for k, v in notes.items() if isinstance(v, str)},
        commune=dict(commune),
        respondent=dict(respondent),
        created_at=created,
        updated_at=updated,
        questionnaire_extra=qextra,
        extra={k: v for k, v in data.items() if k not in _KNOWN_KEYS},
    )
    if problems:  # the answers can still be read: the caller checks them too and reports every problem
        raise AnswersProblems(problems, document=doc)
    return doc


@dataclass
class AnswersProblems(InvalidInput):
    """Problems of an answers file whose questionnaire and answers could still be read (a wrong NIS
    code, a bad note or date): ``document`` holds what was read, so that the answers can be checked
    too and every problem reported at once. Never use ``document`` as if the file were valid."""

    document: Any = None


def reason_problems(raw: Any, name: str = "<answers>") -> list[Problem]:
    """What is wrong with the meeting's reasons of a ``divergent`` list (contract §8): a ``reason`` is a text of at
    most :data:`MAX_REASON` characters once trimmed. The rest of the list is read as before (entries not of its
    shape are left out by :func:`maturity.merge.divergent_of`, never refused: files written before stay valid)."""
    if not isinstance(raw, list):
        return []
    problems = []
    for index, entry in enumerate(raw):
        if not isinstance(entry, dict) or "reason" not in entry or entry["reason"] is None:
            continue
        reason = entry["reason"]
        if not isinstance(reason, str):
            problems.append(Problem(f"a reason is a text, got {_show(reason)}", f"{DIVERGENT}[{index}].reason", name,
                                    code="read_reason_not_text", params=(("value", _show(reason)),)))
        elif len(reason.strip()) > MAX_REASON:
            problems.append(Problem(f"a reason has at most {MAX_REASON} characters",
                                    f"{DIVERGENT}[{index}].reason", name, code="read_reason_too_long",
                                    params=(("max", str(MAX_REASON)),)))
    return problems


def clean_reason(value: Any) -> str | None:
    """A meeting's reason as it is kept (a file's, or typed at the meeting): typed text
    (:func:`maturity.typography.typed_text`), trimmed, at most :data:`MAX_REASON` characters; None for no text
    or a blank one. A longer one (the store kept up to 2,000 before the contract's 500) is cut, and says so: its
    first characters then « … », so that the file and the sheet never pass a cut reason off as whole."""
    if not isinstance(value, str):
        return None
    return cut(typed_text(value).strip(), MAX_REASON) or None


def parse_answers_json(raw: bytes | str, name: str = "<answers>") -> AnswersFile:
    if isinstance(raw, bytes):
        if len(raw) > MAX_BYTES:
            raise InvalidInput([Problem(f"file too large ({len(raw):,} bytes; an answers file is at most {MAX_BYTES:,})", file=name,
                                        code="read_too_large", params=_sizes(len(raw)))])
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidInput([Problem(f"not UTF-8 text (byte {exc.start})", file=name, code="read_not_utf8",
                                        params=(("byte", str(exc.start)),))]) from None
    if len(raw) > MAX_BYTES:
        raise InvalidInput([Problem(f"file too large (an answers file is at most {MAX_BYTES:,} bytes)", file=name,
                                    code="read_too_large_text", params=_sizes(None))])
    shape = _shape_problem(raw)
    if shape:
        raise InvalidInput([Problem(shape[0], file=name, code=shape[1], params=shape[2])])
    twice: list[bool] = []
    try:
        data = json.loads(raw, parse_constant=_no_constant, object_pairs_hook=lambda pairs: _object(pairs, twice))
    except json.JSONDecodeError as exc:
        raise InvalidInput([Problem(f"not valid JSON: {exc.msg}", file=name, line=exc.lineno, code="read_not_json",
                                    params=(("column", str(exc.colno)),))]) from None
    except (RecursionError, ValueError) as exc:
        raise InvalidInput([Problem(f"not a usable JSON file ({str(exc)[:80]})", file=name, code="read_not_usable")]) from None
    warnings = _duplicate_warnings(raw, name) if twice else []
    try:
        doc = answers_from_dict(data, name)
    except AnswersProblems as exc:  # still readable: keep what was read, with the lines of its problems
        if exc.document is not None:
            exc.document.source_text = raw
            exc.document.read_warnings = warnings
        raise AnswersProblems(with_lines(exc.problems, raw), document=exc.document) from None
    except InvalidInput as exc:
        raise InvalidInput(with_lines(exc.problems, raw)) from None
    doc.source_text = raw
    doc.read_warnings = warnings
    return doc


def _object(pairs: list[tuple[str, Any]], twice: list[bool]) -> dict[str, Any]:
    """A JSON object as ``json.loads`` makes it (a key given twice keeps its last value), noting in ``twice``
    that some key was given twice."""
    made = dict(pairs)
    if len(made) != len(pairs):
        twice.append(True)
    return made


def _duplicate_warnings(raw: str, name: str) -> list[Problem]:
    """A warning for each key given twice in one object: the file is read as every JSON reader reads it (the
    last value), but a hand-edited file said two things and one was set aside without a word (hostile review 11)."""
    if "\n" not in raw.strip():  # a file on one line: its line numbers would tell nothing
        return [Problem("given twice: the last value is read, the one before it is set aside", path, name,
                        severity="warning", code="duplicate_key") for path, _, _ in duplicate_keys(raw)]
    return [Problem(f"given twice (first at line {first}): the last value is read, the one before it is set aside",
                    path, name, line=line, severity="warning", code="duplicate_key_lines",
                    params=(("first", str(first)),))
            for path, first, line in duplicate_keys(raw)]


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKETS = re.compile(r"[\[\]{}]")


def _sizes(size: int | None) -> tuple[tuple[str, str], ...]:
    """A too-large file's size and the limit, in bytes, for a page that says them in its reader's words."""
    return (("limit_bytes", str(MAX_BYTES)),) + ((("size_bytes", str(size)),) if size is not None else ())


def _shape_problem(text: str) -> tuple[str, str, tuple[tuple[str, str], ...]] | None:
    """Why the JSON text is too deep or has too many keys or values (None when it is not), found in
    one pass over the text with its strings blanked, before anything is parsed or copied: the message, its code
    and its values."""
    bare = _JSON_STRING.sub('""', text)
    if bare.count(":") > MAX_KEYS:
        return (f"too many keys (an answers file has at most {MAX_KEYS:,})", "read_too_many_keys",
                (("max", str(MAX_KEYS)),))
    if bare.count(",") >= MAX_VALUES:
        return (f"too many values (an answers file has at most {MAX_VALUES:,})", "read_too_many_values",
                (("max", str(MAX_VALUES)),))
    depth = 0
    for m in _BRACKETS.finditer(bare):
        if m.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return (f"nested too deeply (an answers file has at most {MAX_DEPTH} levels)", "read_too_deep",
                        (("max", str(MAX_DEPTH)),))
        else:
            depth -= 1
    return None


def _no_constant(token: str) -> Any:
    raise ValueError(f"{token} is not allowed in an answers file")


def typed_texts(doc: AnswersFile) -> AnswersFile:
    """``doc`` with its free texts as the app keeps typed text (:func:`maturity.typography.typed_text`): its
    notes, its text answers, its roadmap's action, owner and budget texts, its meeting's reasons (trimmed too),
    without control characters or bidi overrides. An uploaded file's texts reached the draft as they were, where a right-to-left override turned
    the rest of a line around on the page. Ids and numbers are left alone (a valid option id has none)."""
    doc.notes = {qid: typed_text(note) if isinstance(note, str) else note for qid, note in doc.notes.items()}
    doc.answers = {qid: typed_text(value) if isinstance(value, str) else value for qid, value in doc.answers.items()}
    raw = doc.extra.get(roadmap.FIELD)
    if isinstance(raw, list):
        doc.extra[roadmap.FIELD] = [
            {**item, **{key: typed_text(item[key]) for key in ("action", "owner", "budget")
                        if isinstance(item.get(key), str)}} if isinstance(item, dict) else item
            for item in raw]
    listed = doc.extra.get(DIVERGENT)
    if isinstance(listed, list):  # the meeting's reasons (contract §8)
        doc.extra[DIVERGENT] = [_with_reason(entry) for entry in listed]
    return doc


def _with_reason(entry: Any) -> Any:
    """A ``divergent`` entry with its reason kept clean (:func:`clean_reason`; a blank one left out)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("reason"), str):
        return entry
    reason = clean_reason(entry["reason"])
    return {**entry, "reason": reason} if reason else {k: v for k, v in entry.items() if k != "reason"}


def read_answers_file(path: Path | str) -> AnswersFile:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InvalidInput([Problem(f"file too large ({size:,} bytes; at most {MAX_BYTES:,})", file=str(path),
                                        code="read_too_large", params=_sizes(size))])
        raw = read_at_most(path, MAX_BYTES)
    except FileNotFoundError:
        raise InvalidInput([Problem("file not found", file=str(path), code="read_not_found")]) from None
    except IsADirectoryError:
        raise InvalidInput([Problem("is a folder, not a file", file=str(path), code="read_folder")]) from None
    except OSError as exc:
        raise InvalidInput([Problem(f"cannot read the file ({exc.strerror})", file=str(path), code="read_cannot_read")]) from None
    if len(raw) > MAX_BYTES:  # not a regular file (a pipe, a device): its size was unknown
        raise InvalidInput([Problem(f"file too large (more than {MAX_BYTES:,} bytes)", file=str(path),
                                    code="read_too_large_text", params=_sizes(None))])
    return parse_answers_json(raw, str(path))


# --- against the questionnaire ----------------------------------------------------------------


def value_problem(question: Question, value: Any) -> str | None:
    """Why ``value`` is not a valid answer to ``question`` (None when it is)."""
    found = value_check(question, value)
    return None if found is None else found[0]


def value_check(question: Question, value: Any) -> tuple[str, str, tuple[tuple[str, str], ...]] | None:
    """Why ``value`` is not a valid answer to ``question`` (None when it is): the command line's message, its
    code and its values, for a page that says it in its reader's language."""
    options = (("options", ", ".join(question.option_ids)),
               *labelled_options((o.id, o.label) for o in question.options or ()))
    if value == NA:
        return None if question.na_allowed else ('"na" (not applicable) is not offered for this question',
                                                 "value_na_not_offered", ())
    if value == UNKNOWN:
        return None
    if question.type in CHOICE_TYPES - {"multi"}:
        if not isinstance(value, str) or value not in question.option_ids:
            return (f"{_show(value)} is not an option of this question ({', '.join(question.option_ids)})",
                    "value_not_option", (("value", _show(value)), *options))
    elif question.type == "multi":
        if not isinstance(value, list):
            return (f"{_show(value)} is not a list of options ({', '.join(question.option_ids)})",
                    "value_not_list", (("value", _show(value)), *options))
        bad = [v for v in value if not isinstance(v, str) or v not in question.option_ids]
        if bad:
            return (f"{_show(bad[0])} is not an option of this question ({', '.join(question.option_ids)})",
                    "value_not_option", (("value", _show(bad[0])), *options))
        if len(set(value)) != len(value):
            return "an option is chosen twice", "value_twice", ()
    elif question.type == "number":
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return f"{_show(value)} is not a number", "value_not_number", (("value", _show(value)),)
        if question.min is not None and value < question.min:
            return (f"{value:g} is below the minimum {question.min:g}", "value_below",
                    (("value", f"{value:g}"), ("min", f"{question.min:g}")))
        if question.max is not None and value > question.max:
            return (f"{value:g} is above the maximum {question.max:g}", "value_above",
                    (("value", f"{value:g}"), ("max", f"{question.max:g}")))
    elif question.type == "text":
        if not isinstance(value, str):
            return f"{_show(value)} is not a text", "value_not_text", (("value", _show(value)),)
        if len(value) > MAX_TEXT:
            return f"a text answer has at most {MAX_TEXT} characters", "value_text_too_long", (("max", str(MAX_TEXT)),)
    return None


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "..."


def check_answers(doc: AnswersFile, questionnaire: Questionnaire, name: str = "<answers>") -> list[Problem]:
    """Errors raise :class:`InvalidInput` (all together); warnings are returned.

    A different questionnaire version is a warning: answers to questions that still
    exist (and are still valid) are kept, the others are dropped with a warning each.
    """
    problems: list[Problem] = []
    warnings: list[Problem] = list(doc.read_warnings)
    if doc.questionnaire_id != questionnaire.id:
        raise InvalidInput([Problem(
            f"answers to questionnaire {doc.questionnaire_id!r}, not to {questionnaire.id!r}", "questionnaire.id", name,
            code="read_other_questionnaire", params=(("found", str(doc.questionnaire_id)), ("asked", questionnaire.id)))])
    known = communes.get(doc.nis_code) if doc.nis_code else None
    given = doc.commune.get("name") if isinstance(doc.commune, dict) else None
    if known is not None and isinstance(given, str) and given.strip() and not communes.names_it(given, known):
        # the code decides which commune the answers are (its figures, its groups); a name of another commune
        # beside it is most often a file copied from a neighbour's and edited (the bench's file said both)
        warnings.append(Problem(
            f"the name {given[:80]!r} is not that of the commune of NIS code {known.nis_code} ({known.name_fr}): "
            "the code decides", "commune.name", name, severity="warning", code="name_not_code",
            params=(("given", given[:80]), ("code", known.nis_code), ("commune", known.display_name))))
    other_version = doc.questionnaire_version != questionnaire.version
    if other_version:
        warnings.append(Problem(
            f"answers given to version {doc.questionnaire_version}, read with version {questionnaire.version}: "
            "answers to questions that still exist are kept",
            "questionnaire.version", name, severity="warning", code="other_version",
            params=(("given", str(doc.questionnaire_version)), ("read", questionnaire.version))))
    for key in list(doc.answers):
        question = questionnaire.question(key)
        place = f"answers.{key}"
        if question is None:
            if other_version:
                warnings.append(Problem("question no longer in this version: answer dropped", place, name,
                                        severity="warning", code="answer_question_gone"))
                del doc.answers[key]
            else:
                problems.append(Problem("unknown question id", place, name, code="read_unknown_question"))
            continue
        found = value_check(question, doc.answers[key])
        if found:
            why, code, params = found
            if other_version:
                warnings.append(Problem(f"{why}: answer dropped", place, name, severity="warning",
                                        code="answer_no_longer_fits"))
                del doc.answers[key]
            else:
                problems.append(Problem(why, place, name, code=code, params=params))
        elif question.type == "multi" and none_beside_others(doc.answers[key]):
            kept = ", ".join(f'"{v}"' for v in effective_answer(doc.answers[key]))  # type: ignore[union-attr]
            warnings.append(Problem(
                f'"{NONE}" is ticked beside other options: read as the options ticked ({kept}), "{NONE}" set aside '
                "(the file is kept as it is)", place, name, severity="warning", code="none_beside_others",
                params=(("kept", kept),)))
    for key in list(doc.notes):
        if questionnaire.question(key) is None:
            if other_version:
                warnings.append(Problem("question no longer in this version: note kept aside", f"notes.{key}", name,
                                        severity="warning", code="note_question_gone"))
            else:
                problems.append(Problem("unknown question id", f"notes.{key}", name, code="read_unknown_question"))
    _check_targets_and_plan(doc, questionnaire, name, other_version, problems, warnings)
    if problems:
        raise InvalidInput(with_lines(problems, doc.source_text))
    return with_lines(warnings, doc.source_text)


def _check_targets_and_plan(doc: AnswersFile, questionnaire: Questionnaire, name: str, other_version: bool,
                            problems: list[Problem], warnings: list[Problem]) -> None:
    """Targets and roadmap ids against the questionnaire. Read with another version, a target
    whose dimension or level is gone is dropped with a warning, and an action whose
    recommendation is gone is kept (as a free action) with a warning."""
    raw_targets = doc.extra.get(targets_.FIELD)
    for problem in targets_.questionnaire_problems(raw_targets, questionnaire, name):
        if other_version:
            warnings.append(Problem(f"{problem.message}: target dropped", problem.path, name, severity="warning",
                                    code="target_dropped"))
            gone = [d for d in raw_targets if problem.path in (f"{targets_.FIELD}.{d}", f"{targets_.FIELD}.{d}.level")]
            for dim in gone:
                raw_targets.pop(dim, None)
        else:
            problems.append(problem)
    for problem in roadmap.questionnaire_problems(doc.extra.get(roadmap.FIELD), questionnaire, name):
        if other_version:
            warnings.append(Problem(f"{problem.message}: action kept", problem.path, name, severity="warning",
                                    code="action_kept"))
        else:
            problems.append(problem)


def load_answers(path_or_raw: Path | str | bytes, questionnaire: Questionnaire, name: str | None = None
                 ) -> tuple[AnswersFile, list[Problem]]:
    """Read and check an answers file; returns the document and the warnings."""
    if isinstance(path_or_raw, bytes):
        doc = parse_answers_json(path_or_raw, name or "<upload>")
    else:
        doc = read_answers_file(path_or_raw)
        name = name or str(path_or_raw)
    return doc, check_answers(doc, questionnaire, name or "<answers>")


def answers_mapping(doc: AnswersFile | Mapping[str, Any]) -> Mapping[str, Any]:
    return doc.answers if isinstance(doc, AnswersFile) else doc
