"""The words the app, the sheet and the command line share: one catalog per kind of text.

A label that names the same thing wherever it is read (an answer that is "Je ne sais pas", say) is
written once, here, in French, German and English; the app's texts, the sheet's content and the
CLI read it from here. Texts that only one of them shows stay in its own catalog
(:mod:`maturity.app.texts`, :data:`maturity.sheet.content.TEXTS`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .special import NA, UNKNOWN, effective_answer
from .typography import french_spaces, join_answers, quoted

if TYPE_CHECKING:
    from .models import Question, Questionnaire

LANGS = ("fr", "de", "en")

UNANSWERED = "unanswered"

# an answer that is not one of the question's options, as every screen and file shows it: the two
# the respondent can pick (written as the options are, capital first: they stand among them) and
# no answer at all. The keys are those of a scoring contribution's status (maturity.scoring).
ANSWER_STATES: dict[str, dict[str, str]] = {
    UNKNOWN: {"fr": "Je ne sais pas", "de": "Weiß ich nicht", "en": "I don't know"},
    NA: {"fr": "Ne s'applique pas", "de": "Trifft nicht zu", "en": "Does not apply"},
    UNANSWERED: {"fr": "sans réponse", "de": "unbeantwortet", "en": "unanswered"},
}


# a dimension with too few answers (or too few that apply) to be scored, where its score or level would stand
SCORE_STATES: dict[str, dict[str, str]] = {
    "insufficient": {"fr": "réponses insuffisantes", "de": "zu wenige Antworten", "en": "not enough answers"},
}

# a benchmark figure in a table, or its absence: "none" is every such cell with no figure (the barometer
# published none, or a campaign did not publish its share: fewer than 5 communes), on the page and the sheet
FIGURE_WORDS: dict[str, dict[str, str]] = {
    "none": {"fr": "pas de chiffre publié", "de": "keine veröffentlichte Zahl", "en": "no published figure"},
    # an obstacle's figure published as a rank only ("3e"): what the rank counts, said in full
    "obstacle_rank": {
        "fr": "{rank} frein le plus cité (pas de pourcentage publié)",
        "de": "{rank} meistgenanntes Hemmnis (kein Prozentsatz veröffentlicht)",
        "en": "{rank} most cited obstacle (no percentage published)",
    },
    # a campaign's published figure, as a series' and a citation's kind: « auto-évaluations mises en commun » in the
    # sentences' sources beside « estimation de campagne » for the same campaign on the radar (fresh-eyes trial 11)
    "campaign_estimate": {"fr": "estimation de campagne (intervalle à 95\u00a0%)", "de": "Kampagnenschätzung (95-%-Intervall)",
                          "en": "campaign estimate (95\u00a0% interval)"},
    # the self-declared pool of this server (no campaign behind it), as a series' kind
    "pooled_unverified": {"fr": "auto-évaluations déclarées, non vérifiées",
                          "de": "gemeldete, nicht überprüfte Selbstbewertungen",
                          "en": "self-declared assessments, not verified"},
}

# a campaign's tables: its estimates (the coordinator's page, the published report, `maturity campaign report`) and
# its follow-up (the coordinator's page and `maturity campaign status`)
CAMPAIGN_WORDS: dict[str, dict[str, str]] = {
    "invited": {"fr": "Invitées", "de": "Eingeladen", "en": "Invited"},
    "started": {"fr": "En cours", "de": "In Bearbeitung", "en": "In progress"},  # started, not sent
    "submitted": {"fr": "Ont répondu", "de": "Geantwortet", "en": "Responded"},
    "rate": {"fr": "Taux de réponse", "de": "Rücklaufquote", "en": "Response rate"},
    "group_province": {"fr": "Par province", "de": "Nach Provinz", "en": "By province"},
    "group_class": {"fr": "Par taille de commune", "de": "Nach Gemeindegröße", "en": "By size of commune"},
    "report_summary": {
        "fr": "{n:# réponse|# réponses} sur {invited:# commune invitée|# communes invitées} ({N} communes en Wallonie à l'ouverture).",
        "de": "{n:# Antwort|# Antworten} von {invited:# eingeladenen Gemeinde|# eingeladenen Gemeinden} ({N} Gemeinden in der Wallonie bei Beginn).",
        "en": "{n:# response|# responses} from {invited:# invited commune|# invited communes} ({N} communes in Wallonia at the opening).",
    },
    # a no-break space before "%", so that a narrow column never leaves the "%" alone on a line
    "interval": {"fr": "Intervalle à 95\u00a0%", "de": "95-%-Intervall", "en": "95\u00a0% interval"},
    "weighting": {"fr": "Pondération", "de": "Gewichtung", "en": "Weighting"},
    "by_province": {"fr": "par province", "de": "nach Provinz", "en": "by province"},
    # "non publié" alone is read as the text before " (" where a cell is short (publish.py)
    "suppressed": {"fr": "non publié (moins de 5 communes)", "de": "nicht veröffentlicht (weniger als 5 Gemeinden)",
                   "en": "not published (fewer than 5 communes)"},
}


# answering as a team: how far colleagues' answers to a question lie apart, out of 100 (the team meeting's page and
# `maturity answers merge`)
TEAM_WORDS: dict[str, dict[str, str]] = {
    "spread": {"fr": "écart de {points:# point|# points} sur 100", "de": "Abstand: {points} von 100 Punkten",
               "en": "{points:# point|# points} apart out of 100"},
    "spread_none": {"fr": "écart non mesuré", "de": "Abstand nicht gemessen", "en": "spread not measured"},
    # a respondent whose file has no role, as contract §8 names it in a consensus file (« respondent N ») when read
    "respondent_n": {"fr": "répondant {n}", "de": "Person {n}", "en": "respondent {n}"},
}


# the results as the app's results page and the sheet (and the campaign report) head them
RESULTS_WORDS: dict[str, dict[str, str]] = {
    "dimension": {"fr": "Dimension", "de": "Dimension", "en": "Dimension"},
    "score": {"fr": "Score", "de": "Wert", "en": "Score"},
    "level": {"fr": "Niveau", "de": "Stufe", "en": "Level"},
    "change": {"fr": "Évolution", "de": "Veränderung", "en": "Change"},
    "target_series": {"fr": "Objectifs de {name} (niveau visé par dimension)",
                      "de": "Ziele von {name} (angestrebte Stufe je Dimension)",
                      "en": "Targets of {name} (level aimed for in each dimension)"},
    "obstacle": {"fr": "Frein", "de": "Hemmnis", "en": "Obstacle"},
    "comparisons": {"fr": "Votre commune et le baromètre wallon", "de": "Ihre Gemeinde und das wallonische Barometer",
                    "en": "Your commune and the Walloon barometer"},
    # a dimension's share of usable answers: « Réponses » on the sheet, « Réponses utiles » in the app (trial 11)
    "coverage": {"fr": "Réponses utiles", "de": "Nutzbare Antworten", "en": "Usable answers"},
    # how many of a dimension's questions were answered "Ne s'applique pas": the option itself, quoted (the sheet
    # said « Sans objet », « Not applicable », where the app and the questionnaire say the option's words)
    "na_count": {lang: quoted(ANSWER_STATES[NA][lang], lang) for lang in ("fr", "de", "en")},
    # what the overall score is the mean of: « Score moyen de 6 dimensions notées sur 6 » read as dimensions
    # marked out of 6 (trial 11); said by overall_detail, in the app's caption and on the sheet
    "overall_all": {"fr": "moyenne des {total} dimensions", "de": "Mittelwert der {total} Dimensionen",
                    "en": "mean of the {total} dimensions"},
    "overall_some": {"fr": "moyenne de {n} dimensions sur {total} ; {missing:l'autre a|les # autres ont} trop peu "
                           "de réponses",
                     "de": "Mittelwert von {n} der {total} Dimensionen; {missing:die andere hat|die # anderen haben} "
                           "zu wenige Antworten",
                     "en": "mean of {n} of the {total} dimensions; {missing:the other one has|the other # have} too "
                           "few answers"},
    "overall_none": {"fr": "aucune des {total} dimensions n'a assez de réponses",
                     "de": "keine der {total} Dimensionen hat genügend Antworten",
                     "en": "none of the {total} dimensions has enough answers"},
    "overall_one": {"fr": "score de la seule des {total} dimensions qui a assez de réponses",
                    "de": "Wert der einzigen der {total} Dimensionen mit genügend Antworten",
                    "en": "score of the only one of the {total} dimensions with enough answers"},
}

# how a text is put together around its words
PHRASES: dict[str, dict[str, str]] = {
    # a value after its label, « Votre score : 61 » (French: a no-break space before the colon, from in_lang): the
    # app's tables drawn as lists and its problems, the sheet's team topics and cited obstacles, the radar's
    # description
    "label_value": {"fr": "{label} : {value}", "de": "{label}: {value}", "en": "{label}: {value}"},
    # the last two items of a list a sentence says (« A, B et C »; no comma before it in any of the three, as the
    # EU's style guides write them): the admin page's quoted communes, a figure's earlier editions, the sheet's
    # « 2 objectifs et 5 actions »
    "and": {"fr": " et ", "de": " und ", "en": " and "},
}


def overall_detail(scored: int, total: int, lang: str) -> str:
    """What the overall score is the mean of, as a phrase (lower case): « moyenne des 6 dimensions »,
    « moyenne de 5 dimensions sur 6 ; l'autre manque de réponses »."""
    from .display import plural_text

    key = ("overall_all" if scored >= total else "overall_none" if scored == 0 else "overall_one" if scored == 1
           else "overall_some")
    values = {"n": scored, "total": total, "missing": total - scored}
    return plural_text(in_lang(RESULTS_WORDS[key], lang), lang, values).format(**values)


def in_lang(entry: dict[str, str], lang: str) -> str:
    """An entry of a catalog in ``lang`` (French when the language is not one of fr, de, en; French with its
    no-break spaces before ? ! : ;, as :func:`maturity.models.localize` gives it)."""
    return entry[lang] if lang != "fr" and entry.get(lang) else french_spaces(entry["fr"])


def shown_role(role: str, lang: str) -> str:
    """A team's role as people read it: ``respondent N``, the name contract §8 gives in a consensus file to a
    respondent whose file had no role (`maturity answers merge`: the file does not depend on ``--lang``), said in
    ``lang`` (« répondant 2 », « Person 2 »); any other role as it is. A French sheet read « Réponses d'une équipe :
    échevin, respondent 2 »."""
    found = _RESPONDENT_N.fullmatch(role)
    return in_lang(TEAM_WORDS["respondent_n"], lang).format(n=found.group(1)) if found else role


_RESPONDENT_N = re.compile(r"respondent ([1-9][0-9]{0,5})")


def label_value(label: str, value: str, lang: str) -> str:
    """``value`` after its ``label`` and a colon (``PHRASES["label_value"]``): « Namur (ce bilan)\u00a0: … »."""
    return in_lang(PHRASES["label_value"], lang).format(label=label, value=value)


def join_and(items: list[str], lang: str) -> str:
    """``items`` as a sentence lists them: « A », « A et B », « A, B et C » (``PHRASES["and"]``; French when the
    language is not one of fr, de, en); "" for none."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + in_lang(PHRASES["and"], lang) + items[-1]


def answer_state(value: Any) -> str | None:
    """The state of an answer value that is no option: ``"unknown"``, ``"na"``, ``"unanswered"`` (none,
    an empty list, an empty text); ``None`` for a real answer."""
    if value is None or value == [] or value == "":
        return UNANSWERED
    if isinstance(value, str) and value in (UNKNOWN, NA):
        return value
    return None


def answer_state_label(state: str, lang: str) -> str:
    """The words for an answer state (French when the language is not one of fr, de, en)."""
    return in_lang(ANSWER_STATES[state], lang)


def answer_words(q: Questionnaire, question: Question | None, value: Any, lang: str) -> str:
    """An answer in words, as the pages, the recommendations' « parce que » and the sheet's team topics all say it:
    the state (« Je ne sais pas », « Ne s'applique pas », « sans réponse »), the option's words, the options ticked
    in the questionnaire's order (as the respondent saw them; « none » beside others is those others, contract §2)
    joined by semicolons (:func:`maturity.typography.join_answers`), a number as the language writes it (« 7,5 »),
    a text as typed. ``question`` None (not in this questionnaire): the values as they are."""
    from .display import format_number

    value = effective_answer(value)
    if (state := answer_state(value)) is not None:
        return answer_state_label(state, lang)
    if isinstance(value, list):
        options = [o for o in (question.options or ()) if o.id in value] if question is not None else []
        known = {o.id for o in options}
        others = [v for v in value if not (isinstance(v, str) and v in known)]  # no option of it: as they are
        return join_answers([q.t(o.label, lang) for o in options] + [answer_words(q, None, v, lang) for v in others],
                            lang)
    if isinstance(value, str):
        option = question.option(value) if question is not None else None
        return q.t(option.label, lang) if option is not None else value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value, lang, 2, trim=True)
    return str(value)
