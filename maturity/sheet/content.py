"""The content of the recommendation sheet, built ONCE and rendered to PDF, Markdown and CSV.

Everything the sheet says is decided here: which texts, which numbers (formatted for the
language), which recommendations, which benchmark figures (each with kind, source, year, n).
The renderers only lay it out. All the fixed wording of the sheet, in French, German and
English, is in :data:`TEXTS`.

Texts coming from outside (the commune's name, its notes) are kept as plain text here;
each renderer escapes them for its format.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .. import benchmarks, plan, targets
from ..answers import MAX_REASON, AnswersFile
from ..charts import RadarSeries
from ..display import format_date, format_estimate, format_number, format_percent, plural_text, round_int
from ..errors import InvalidInput
from ..labels import (
    FIGURE_WORDS,
    PHRASES,
    RESULTS_WORDS,
    SCORE_STATES,
    UNANSWERED,
    answer_state,
    answer_state_label,
    answer_words,
    in_lang,
    join_and,
    shown_role,
)
from ..labels import (
    overall_detail as mean_of,
)
from ..merge import divergent_of, reason_holds, same_answer, team_roles
from ..models import Questionnaire
from ..recommendations import SHEET_LIMIT, Selected, asked, check_first, reasons, select
from ..scoring import Assessment, score
from ..special import effective_answer
from ..typography import cut, french_guillemets, join_answers, quoted
from ..weblinks import shown_address, web_url

log = logging.getLogger(__name__)

LANGS = ("fr", "de", "en")

TEXTS: dict[str, dict[str, str]] = {
    "kicker": {"fr": "Auto-évaluation Smart City · Wallonie", "de": "Smart-City-Selbstbewertung · Wallonie",
               "en": "Smart City self-assessment · Wallonia"},
    "sheet_title": {"fr": "Fiche de recommandations", "de": "Empfehlungsblatt", "en": "Recommendation sheet"},
    "unnamed": {"fr": "Commune non précisée", "de": "Gemeinde nicht angegeben", "en": "Commune not given"},
    "assessed_on": {"fr": "Évaluation du {date}", "de": "Bewertung vom {date}", "en": "Assessment of {date}"},
    "generated_on": {"fr": "fiche établie le {date}", "de": "Blatt erstellt am {date}", "en": "sheet made on {date}"},
    "respondent": {"fr": "Répondant : {role}", "de": "Ausgefüllt von: {role}", "en": "Answered by: {role}"},
    # answering as a team (contract §8): who took part, and where they differed
    "respondent_team": {"fr": "Réponses d'une équipe : {roles}", "de": "Antworten eines Teams: {roles}",
                        "en": "Answered by a team: {roles}"},
    "topics_title": {"fr": "Sujets pour le Collège : là où l'équipe diverge",
                     "de": "Themen für das Gemeindekollegium: wo das Team auseinanderliegt",
                     "en": "Topics for the Collège: where the team differs"},
    # under a topic the meeting settled with a reason (contract §8 ``reason``): the answer the assessment keeps (its
    # answers file's) and why; the German as the team page's « Vorschlag übernehmen »
    "topic_kept": {"fr": "Réponse retenue", "de": "Übernommene Antwort", "en": "Answer kept"},
    # a topic the meeting settled by joining the colleagues (everyone now gives the answer kept): said once, where
    # every role's same answer then « Réponse retenue » with it again read oddly under « là où l'équipe diverge »
    "topic_agreed": {"fr": "Réponse convenue en réunion", "de": "In der Besprechung vereinbarte Antwort",
                     "en": "Answer agreed at the meeting"},
    # a topic whose answer was changed after the meeting (contract §8 ``kept``): the meeting's answer, then the one the
    # file gives now; the meeting's reason, given for the first, is not printed beside the second
    "topic_meeting": {"fr": "Réponse retenue en réunion", "de": "In der Besprechung übernommene Antwort",
                      "en": "Answer kept at the meeting"},
    "topic_changed": {"fr": "Réponse actuelle, changée depuis", "de": "Aktuelle Antwort, seitdem geändert",
                      "en": "Current answer, changed since"},
    "overall": {"fr": "Score global", "de": "Gesamtwert", "en": "Overall score"},
    "overall_value": {"fr": "{score} · niveau {level}", "de": "{score} · Stufe {level}",
                      "en": "{score} · level {level}"},
    "overall_none": {"fr": "pas de score global : trop peu de réponses",
                     "de": "kein Gesamtwert: zu wenige Antworten", "en": "no overall score: too few answers"},
    "score_meaning": {
        "fr": "Un score n'est pas une note : il situe la commune sur un chemin en {n} niveaux, de 0 ({first}) "
              "à 100 ({last}).",
        "de": "Ein Wert ist keine Schulnote: Er zeigt, wo die Gemeinde auf einem Weg in {n} Stufen steht, von "
              "0 ({first}) bis 100 ({last}).",
        "en": "A score is not a mark: it places the commune on a path of {n} levels, from 0 ({first}) to 100 "
              "({last}).",
    },
    "summary_title": {"fr": "En bref", "de": "Auf einen Blick", "en": "In brief"},
    "summary_strong": {"fr": "Point fort", "de": "Stärke", "en": "Strongest"},
    # every scored dimension at one level: no strength to name ("Point fort : … au même niveau (Éveil)"
    # praised a commune at the first level everywhere)
    "summary_flat": {"fr": "Profil", "de": "Profil", "en": "Profile"},
    "summary_weak": {"fr": "À renforcer", "de": "Ausbauen", "en": "To strengthen"},
    # the lowest dimension when it is at the top level too: "À renforcer : …, niveau Optimisation (94)" named as
    # a weakness a dimension where the commune is at the best level there is
    "summary_lowest": {"fr": "Score le plus bas", "de": "Niedrigster Wert", "en": "Lowest score"},
    # short: the PDF's label column is 30 mm (pdf.SUMMARY_LABEL_W); « Einzige bewertete Dimension » ran into its text
    "summary_only": {"fr": "Seule notée", "de": "Einzig bewertet", "en": "Only scored"},
    "summary_only_text": {"fr": "{dimension} ; les {others} autres manquent de réponses",
                          "de": "{dimension}; den {others} anderen fehlen Antworten",
                          "en": "{dimension}; the other {others} lack answers"},
    "summary_first": {"fr": "Premier pas", "de": "Erster Schritt", "en": "First step"},
    "summary_dimension": {"fr": "{label}, niveau {level} ({score})", "de": "{label}, Stufe {level} ({score})",
                          "en": "{label}, level {level} ({score})"},
    "summary_even": {"fr": "les {n} dimensions notées sont au même niveau ({level})",
                     "de": "die {n} bewerteten Dimensionen stehen auf derselben Stufe ({level})",
                     "en": "the {n} scored dimensions are at the same level ({level})"},
    "summary_none": {"fr": "trop peu de réponses pour situer la commune : complétez le questionnaire",
                     "de": "zu wenige Antworten, um die Gemeinde einzuordnen: Fragebogen vervollständigen",
                     "en": "too few answers to place the commune: complete the questionnaire"},
    # no recommendation applies and every scored dimension already has the best answer to each question
    "summary_first_top": {"fr": "aucune priorité d'action : garder le cap, et refaire cette auto-évaluation dans un an",
                          "de": "keine Handlungspriorität: Kurs halten und diese Selbstbewertung in einem Jahr wiederholen",
                          "en": "no priority for action: keep it up, and repeat this self-assessment in a year"},
    # one of the numbered list "Priorités d'action" (its own priority level may be 3: never "priorité 1"): the
    # first, or the first that rests on an answer other than « je ne sais pas » (Priority.unsure)
    "summary_first_priority": {"fr": "{title} (n° {n} des priorités d'action ci-dessous)",
                               "de": "{title} (Nr. {n} der Handlungsprioritäten unten)",
                               "en": "{title} (no. {n} of the priorities for action below)"},
    "next_steps_title": {"fr": "La prochaine étape, dimension par dimension",
                         "de": "Der nächste Schritt, Dimension für Dimension",
                         "en": "The next step, dimension by dimension"},
    "next_steps_intro": {
        "fr": "Pour chaque dimension, la réponse un cran plus haut sur la question qui la ferait le plus progresser.",
        "de": "Für jede Dimension die nächsthöhere Antwort bei der Frage, die sie am stärksten voranbringen würde.",
        "en": "For each dimension, the answer one step up on the question that would raise it most.",
    },
    "next_step": {"fr": "{question} : viser «\u00a0{next}\u00a0»", "de": "{question}: Ziel „{next}“",
                  "en": "{question}: aim for “{next}”"},
    "next_step_add": {"fr": "{question} : ajouter «\u00a0{next}\u00a0»", "de": "{question}: „{next}“ hinzufügen",
                      "en": "{question}: add “{next}”"},
    "next_step_answer": {"fr": "répondre d'abord à «\u00a0{question}\u00a0» (aujourd'hui : {state}).",
                         "de": "zuerst „{question}“ beantworten (heute: {state}).",
                         "en": "first answer “{question}” (today: {state})."},
    # the answer a next step asks to replace, as the commune gave it: "Je ne sais pas" quoted, or none
    "quoted_state": {"fr": "«\u00a0{state}\u00a0»", "de": "„{state}“", "en": "“{state}”"},
    "next_step_top": {"fr": "déjà la meilleure réponse à chaque question : garder le cap.",
                      "de": "schon die beste Antwort auf jede Frage: Kurs halten.",
                      "en": "already the best answer to every question: keep it up."},
    "profile_title": {"fr": "Profil de maturité", "de": "Reifeprofil", "en": "Maturity profile"},
    "your_commune": {"fr": "Votre commune", "de": "Ihre Gemeinde", "en": "Your commune"},
    "self_assessment": {"fr": "auto-évaluation, 1 commune", "de": "Selbstbewertung, 1 Gemeinde",
                        "en": "self-assessment, 1 commune"},
    "previous_series": {"fr": "Évaluation précédente ({date})", "de": "Frühere Bewertung ({date})",
                        "en": "Previous assessment ({date})"},
    "previous_series_nodate": {"fr": "Évaluation précédente", "de": "Frühere Bewertung", "en": "Previous assessment"},
    "no_reference": {
        "fr": "Pas encore de repère wallon par dimension : le baromètre publié n'en donne pas ; il viendra des "
              "chiffres publiés d'une campagne régionale ou de 5 évaluations mises en commun au moins "
              "(explication dans l'outil, page «\u00a0Résultats\u00a0»).",
        "de": "Noch kein wallonischer Vergleichswert je Dimension: Das veröffentlichte Barometer nennt keinen; "
              "er kommt aus den veröffentlichten Zahlen einer regionalen Kampagne oder aus mindestens 5 "
              "geteilten Bewertungen (Erklärung im Werkzeug, Seite „Ergebnisse“).",
        "en": "No Walloon reference per dimension yet: the published barometer gives none; it will come from "
              "the published figures of a regional campaign or from at least 5 pooled assessments (explained "
              "in the tool, “Results” page).",
    },
    "scores_title": {"fr": "Scores et niveaux", "de": "Werte und Stufen", "en": "Scores and levels"},
    # the results' headings the app says too are the core's (maturity.labels)
    "col_dimension": RESULTS_WORDS["dimension"],
    "col_score": RESULTS_WORDS["score"],
    "col_level": RESULTS_WORDS["level"],
    "col_coverage": RESULTS_WORDS["coverage"],
    "col_range": {"fr": "Scores", "de": "Werte", "en": "Scores"},
    "col_meaning": {"fr": "Ce que cela veut dire", "de": "Was das bedeutet", "en": "What it means"},
    "col_na": RESULTS_WORDS["na_count"],  # the option's words, quoted, as the app's table heads its column
    "col_reference": {"fr": "Wallonie", "de": "Wallonie", "en": "Wallonia"},  # the app's short header
    "col_change": RESULTS_WORDS["change"],
    "series_target": RESULTS_WORDS["target_series"],  # the core's (maturity.labels), as the results page says
    "insufficient": SCORE_STATES["insufficient"],  # the core's (maturity.labels), as the app and the CLI say
    "levels_title": {"fr": "Les niveaux", "de": "Die Stufen", "en": "The levels"},
    "level_range": {"fr": "{low} à {high}", "de": "{low} bis {high}", "en": "{low} to {high}"},
    "obstacles_title": {"fr": "Freins", "de": "Hemmnisse", "en": "Obstacles"},
    "col_obstacle": RESULTS_WORDS["obstacle"],
    "col_severity": {"fr": "Votre commune", "de": "Ihre Gemeinde", "en": "Your commune"},
    "col_campaign_cites": {"fr": "Campagne {year}", "de": "Kampagne {year}", "en": "{year} campaign"},
    "col_barometer": {"fr": "Communes répondantes qui le citent", "de": "Antwortende Gemeinden, die es nennen",
                      "en": "Responding communes citing it"},
    # a cell with no figure, the barometer's or the campaign's (under 5 communes): the core's (maturity.labels),
    # as the app says
    "no_figure": FIGURE_WORDS["none"],
    "obstacle_rank": FIGURE_WORDS["obstacle_rank"],  # the core's (maturity.labels), as the app says
    # without any severity shown (no obstacle rated), the same note without its brackets' half
    "obstacles_note_cited": {
        "fr": "«\u00a0Cité\u00a0» : «\u00a0Frein important\u00a0» (2/3) ou «\u00a0Frein majeur\u00a0» (3/3).",
        "de": "„Genannt“: „Erhebliches Hemmnis“ (2/3) oder „Großes Hemmnis“ (3/3).",
        "en": "“Cited”: “Significant obstacle” (2/3) or “Major obstacle” (3/3).",
    },
    "obstacles_note": {
        "fr": "Entre parenthèses, la gravité sur 3 ; «\u00a0cité\u00a0» : «\u00a0Frein important\u00a0» (2/3) ou «\u00a0Frein majeur\u00a0» (3/3).",
        "de": "In Klammern die Schwere von 3; „genannt“: „Erhebliches Hemmnis“ (2/3) oder „Großes Hemmnis“ (3/3).",
        "en": "In brackets, the severity out of 3; “cited”: “Significant obstacle” (2/3) or “Major obstacle” (3/3).",
    },
    # the PDF's sentence, as a last resort, when the campaign quantifies some of them: the editable versions have them
    # as rows
    "also_cited_campaign": {
        "fr": "Aussi cités par la commune (sans chiffre du baromètre ; la part de la campagne {year} est dans la "
              "version modifiable de la fiche) : {items}.",
        "de": "Von der Gemeinde ebenfalls genannt (ohne Zahl des Barometers; der Anteil der Kampagne {year} steht in "
              "der bearbeitbaren Fassung des Blatts): {items}.",
        "en": "Also cited by the commune (with no barometer figure; the campaign {year}'s share is in the sheet's "
              "editable version): {items}."},
    "also_cited": {"fr": "Aussi cités par la commune, sans chiffre publié : {items}.",
                   "de": "Von der Gemeinde ebenfalls genannt, ohne veröffentlichte Zahl: {items}.",
                   "en": "Also cited by the commune, with no published figure: {items}."},
    "no_obstacles": {
        "fr": "La commune ne cite aucun frein et le baromètre n'en chiffre aucun de ceux du questionnaire.",
        "de": "Die Gemeinde nennt kein Hemmnis, und das Barometer beziffert keines der Hemmnisse des Fragebogens.",
        "en": "The commune cites no obstacle and the barometer quantifies none of the questionnaire's.",
    },
    "no_comparisons": {
        "fr": "Aucune réponse du profil ne peut encore être comparée au baromètre : répondez aux questions du "
              "profil (démarche, stratégie, initiateur, avancement) pour voir où la commune se situe.",
        "de": "Noch keine Antwort des Profils lässt sich mit dem Barometer vergleichen: Beantworten Sie die "
              "Profilfragen (Ansatz, Strategie, Initiator, Fortschritt), um die Gemeinde einzuordnen.",
        "en": "No profile answer can be compared with the barometer yet: answer the profile questions "
              "(approach, strategy, initiator, progress) to see where the commune stands.",
    },
    "trends_more": {"fr": "Les chiffres des éditions précédentes du baromètre (2018, 2020) : version modifiable (DOCX).",
                    "de": "Die Zahlen früherer Ausgaben des Barometers (2018, 2020): bearbeitbare Fassung (DOCX).",
                    "en": "The figures of the barometer's earlier editions (2018, 2020): editable version (DOCX)."},
    # the PDF's "more" lines point to the DOCX, the version a Collège opens ("Markdown" is a word for
    # technicians; the .md carries the same)
    "notes_more": {"fr": "{n:# autre remarque|# autres remarques} dans la version modifiable (DOCX) de la fiche.",
                   "de": "{n:# weitere Anmerkung|# weitere Anmerkungen} in der bearbeitbaren Fassung (DOCX).",
                   "en": "{n:# more note|# more notes} in the editable version (DOCX) of the sheet."},
    "notes_elsewhere": {"fr": "{n:# remarque|# remarques}, dans la version modifiable (DOCX) de la fiche.",
                        "de": "{n:# Anmerkung|# Anmerkungen} in der bearbeitbaren Fassung (DOCX).",
                        "en": "{n:# note|# notes} in the editable version (DOCX) of the sheet."},
    "topics_more": {"fr": "{n:# autre sujet|# autres sujets} où l'équipe diverge dans la version modifiable (DOCX) "
                          "de la fiche.",
                    "de": "{n:# weiteres Thema|# weitere Themen}, bei denen das Team auseinanderliegt, in der "
                          "bearbeitbaren Fassung (DOCX).",
                    "en": "{n:# more topic|# more topics} where the team differs in the editable version (DOCX) of "
                          "the sheet."},
    "topics_elsewhere": {"fr": "{n:# sujet|# sujets}, dans la version modifiable (DOCX) de la fiche.",
                         "de": "{n:# Thema|# Themen} in der bearbeitbaren Fassung (DOCX).",
                         "en": "{n:# topic|# topics} in the editable version (DOCX) of the sheet."},
    "comparisons_title": RESULTS_WORDS["comparisons"],
    "priorities_title": {"fr": "Priorités d'action", "de": "Handlungsprioritäten", "en": "Priorities for action"},
    "priorities_intro": {
        "fr": "{n:La première recommandation|Les # premières recommandations} qui s'appliquent à votre commune, la priorité la plus haute et "
              "les dimensions les plus faibles d'abord ({total} au total dans l'outil).",
        "de": "{n:Die erste Empfehlung|Die ersten # Empfehlungen}, die für Ihre Gemeinde gelten, höchste Priorität und schwächste "
              "Dimensionen zuerst ({total} insgesamt im Werkzeug).",
        "en": "{n:The first recommendation|The first # recommendations} that apply to your commune, highest priority and weakest "
              "dimensions first ({total} in all in the tool).",
    },
    "no_priorities": {
        "fr": "Aucune recommandation ne s'applique à ces réponses.",
        "de": "Für diese Antworten gilt keine Empfehlung.",
        "en": "No recommendation applies to these answers.",
    },
    "priority": {"fr": "Priorité {n}", "de": "Priorität {n}", "en": "Priority {n}"},
    "priority_names": {"fr": "1 haute|2 moyenne|3 normale", "de": "1 hoch|2 mittel|3 normal",
                       "en": "1 high|2 medium|3 normal"},
    # a label and its colon, a label and what follows it: French puts a (no-break, :func:`t`) space before the colon
    "colon": {"fr": " :", "de": ":", "en": ":"},
    "label_value": PHRASES["label_value"],  # the core's (maturity.labels), as the app says it
    "why": {"fr": "Pourquoi", "de": "Warum", "en": "Why"},
    "actions": {"fr": "Actions", "de": "Maßnahmen", "en": "Actions"},
    "resources": {"fr": "Ressources", "de": "Ressourcen", "en": "Resources"},
    # the PDF's very last resort: the priorities without their resources, said once
    "resources_elsewhere": {"fr": "Les ressources de chaque priorité (liens) : version modifiable (DOCX) de la fiche, et "
                                  "dans l'outil, page «\u00a0Recommandations\u00a0».",
                            "de": "Die Ressourcen jeder Priorität (Links): bearbeitbare Fassung (DOCX) des Blatts und im "
                                  "Werkzeug, Seite „Empfehlungen“.",
                            "en": "Each priority's resources (links): the editable version (DOCX) of the sheet, and in the "
                                  "tool, “Recommendations” page."},
    "all_actions_elsewhere": {
        "fr": "Les actions proposées par chaque priorité et ses ressources (liens) : version modifiable (DOCX) de la "
              "fiche, et dans l'outil, page «\u00a0Recommandations\u00a0». Les actions retenues par la commune : sa "
              "feuille de route, ci-dessous.",
        "de": "Die vorgeschlagenen Maßnahmen jeder Priorität und ihre Ressourcen (Links): bearbeitbare Fassung (DOCX) "
              "des Blatts und im Werkzeug, Seite „Empfehlungen“. Die Maßnahmen, die die Gemeinde gewählt hat: ihr "
              "Fahrplan, unten.",
        "en": "The actions each priority suggests and its resources (links): the editable version (DOCX) of the sheet, "
              "and in the tool, “Recommendations” page. The actions the commune chose: its roadmap, below."},
    "actions_elsewhere": {
        "fr": "Les actions proposées à partir de la priorité {n} et les ressources de chaque priorité (liens) : version "
              "modifiable (DOCX) de la fiche, et dans l'outil, page «\u00a0Recommandations\u00a0». Les actions retenues "
              "par la commune : sa feuille de route, ci-dessous.",
        "de": "Die vorgeschlagenen Maßnahmen ab Priorität {n} und die Ressourcen jeder Priorität (Links): bearbeitbare "
              "Fassung (DOCX) des Blatts und im Werkzeug, Seite „Empfehlungen“. Die Maßnahmen, die die Gemeinde "
              "gewählt hat: ihr Fahrplan, unten.",
        "en": "The actions suggested from priority {n} on and each priority's resources (links): the editable version "
              "(DOCX) of the sheet, and in the tool, “Recommendations” page. The actions the commune chose: its "
              "roadmap, below."},
    "lifts_dimension": {"fr": "Dimension : {label}", "de": "Dimension: {label}", "en": "Dimension: {label}"},
    "lifts_obstacle": {"fr": "Frein : {label}", "de": "Hemmnis: {label}", "en": "Obstacle: {label}"},
    "notes_title": {"fr": "Remarques de la commune", "de": "Anmerkungen der Gemeinde", "en": "The commune's notes"},
    "method_title": {"fr": "Méthode", "de": "Methode", "en": "Method"},
    "method": {
        "fr": "Chaque réponse vaut une part de la meilleure réponse possible (de 0 à 1) ; le score d'une "
              "dimension est la moyenne pondérée de ces parts, sur 100. Une question «\u00a0Ne s'applique pas\u00a0» sort "
              "du calcul ; «\u00a0Je ne sais pas\u00a0» ou une question sans réponse compte comme manquante. La part "
              "«\u00a0Réponses utiles\u00a0» (couverture) est le poids des questions répondues sur celui des questions "
              "applicables ; en dessous de {min} la dimension n'est pas notée («\u00a0réponses insuffisantes\u00a0») "
              "plutôt que de recevoir 0. Le niveau est la bande dont le minimum est atteint. Le score global "
              "est la moyenne des dimensions notées. Les freins sont notés de 0 («\u00a0Pas un frein\u00a0») à 3 («\u00a0Frein majeur\u00a0»).",
        "de": "Jede Antwort zählt als Anteil der bestmöglichen Antwort (0 bis 1); der Wert einer Dimension ist "
              "der gewichtete Mittelwert dieser Anteile, auf 100. Eine Frage „Trifft nicht zu“ fällt aus der "
              "Berechnung; „Weiß ich nicht“ oder eine unbeantwortete Frage zählt als fehlend. Der Anteil "
              "„Nutzbare Antworten“ (Abdeckung) ist das Gewicht der beantworteten an dem der zutreffenden Fragen; unter "
              "{min} wird die Dimension nicht bewertet („zu wenige Antworten“) statt 0 zu erhalten. Die Stufe "
              "ist das Band, dessen Minimum erreicht ist. Der Gesamtwert ist der Mittelwert der bewerteten "
              "Dimensionen. Hemmnisse werden von 0 („Kein Hemmnis“) bis 3 („Großes Hemmnis“) eingestuft.",
        "en": "Each answer is worth a share of the best possible answer (0 to 1); a dimension's score is the "
              "weighted mean of these shares, out of 100. A question answered “Does not apply” leaves the "
              "calculation; “I don't know” or no answer counts as missing. The “Usable answers” share (coverage) is the "
              "weight of the answered questions over that of the applicable ones; below {min} the dimension is "
              "not scored (“not enough answers”) rather than given 0. The level is the band whose minimum is "
              "reached. The overall score is the mean of the scored dimensions. Obstacles are rated from 0 "
              "(“Not an obstacle”) to 3 (“Major obstacle”).",
    },
    "method_short": {
        "fr": "Le score d'une dimension est la moyenne pondérée des réponses, sur 100 ; «\u00a0Ne s'applique pas\u00a0» sort "
              "du calcul. La méthode complète : version modifiable (DOCX) de la fiche, et dans l'outil, page "
              "«\u00a0Résultats\u00a0», «\u00a0Pourquoi ce score ?\u00a0».",
        "de": "Der Wert einer Dimension ist der gewichtete Mittelwert der Antworten, auf 100; „Trifft nicht zu“ "
              "fällt aus der Berechnung. Die vollständige Methode: bearbeitbare Fassung (DOCX) des Blatts und im "
              "Werkzeug, Seite „Ergebnisse“, „Warum dieser Wert?“.",
        "en": "A dimension's score is the weighted mean of the answers, out of 100; “Does not apply” leaves the "
              "calculation. The full method: the editable version (DOCX) of the sheet, and in the tool, “Results” "
              "page, “Why this score?”.",
    },
    "source_same_note": {"fr": "même source et même méthode que [{ref}]", "de": "gleiche Quelle und Methode wie [{ref}]",
                         "en": "same source and method as [{ref}]"},
    "sources_title": {"fr": "Sources des chiffres de comparaison", "de": "Quellen der Vergleichszahlen",
                      "en": "Sources of the comparison figures"},
    "no_sources": {"fr": "Aucun chiffre de comparaison n'est montré sur cette fiche.",
                   "de": "Auf diesem Blatt werden keine Vergleichszahlen gezeigt.",
                   "en": "No comparison figure is shown on this sheet."},
    # the footer: the questionnaire by its title in the sheet's language (its id, « smart-city-wallonie », read as a
    # code to a Collège)
    "questionnaire": {"fr": "Questionnaire {title}, version {version}", "de": "Fragebogen {title}, Version {version}",
                      "en": "Questionnaire {title}, version {version}"},
    "page": {"fr": "Page {n} / {total}", "de": "Seite {n} / {total}", "en": "Page {n} / {total}"},
    "warnings_title": {"fr": "À noter", "de": "Hinweis", "en": "Note"},
    # the PST actions table (CSV)
    "pst_priority": {"fr": "Priorité", "de": "Priorität", "en": "Priority"},
    "pst_resource": {"fr": "Ressource", "de": "Ressource", "en": "Resource"},
    "pst_default_objective": {"fr": "Progresser en «\u00a0{label}\u00a0»", "de": "Fortschritte im Bereich „{label}“",
                              "en": "Make progress in {label}"},
    "pst_obstacle_objective": {"fr": "Lever le frein «\u00a0{label}\u00a0»", "de": "Das Hemmnis „{label}“ abbauen",
                               "en": "Remove the obstacle: {label}"},
    # the roadmap (issue 14): the commune's targets, then its actions by year
    "roadmap_title": {"fr": "Objectifs et feuille de route", "de": "Ziele und Fahrplan",
                      "en": "Targets and roadmap"},
    "roadmap_headers": {"fr": "Dimension|Score|Niveau visé|Échéance|Écart", "de": "Dimension|Wert|Zielstufe|Zieljahr|Abstand",
                        "en": "Dimension|Score|Target level|Target year|Gap"},
    "roadmap_pst_title": {"fr": "Pour le PST", "de": "Für das PST", "en": "For the PST"},
    "roadmap_pst_help": {
        "fr": "Toutes les actions de la feuille de route dans la structure du Programme Stratégique Transversal, "
              "à copier dans son tableau.",
        "de": "Alle Maßnahmen des Fahrplans in der Struktur des strategischen Querschnittsprogramms der "
              "wallonischen Gemeinden (PST), zum Übernehmen in dessen Tabelle oder in den Strategieplan einer "
              "Gemeinde der Deutschsprachigen Gemeinschaft.",
        "en": "Every action of the roadmap in the structure of the Walloon communes' cross-cutting strategic "
              "programme (PST), to copy into its table."},
    # the PDF's lines for what it leaves to the editable versions, named as the notes' lines name them
    "roadmap_more": {"fr": "Et {n:# autre action|# autres actions} : voir la version modifiable (DOCX) de la fiche et "
                           "le tableau PST.",
                     "de": "Und {n:# weitere Maßnahme|# weitere Maßnahmen}: siehe die bearbeitbare Fassung (DOCX) und "
                           "die PST-Tabelle.",
                     "en": "And {n:# more action|# more actions}: see the editable version (DOCX) of the sheet and the "
                           "PST table."},
    # none of the actions shown (the targets alone fit): not "and 7 more" beside no action
    "roadmap_elsewhere": {"fr": "{n:# action|# actions} : voir la version modifiable (DOCX) de la fiche et le tableau PST.",
                          "de": "{n:# Maßnahme|# Maßnahmen}: siehe die bearbeitbare Fassung (DOCX) und die PST-Tabelle.",
                          "en": "{n:# action|# actions}: see the editable version (DOCX) of the sheet and the PST "
                                "table."},
    # no room for the section at all (the PDF's last resort): one line under no heading, as the notes' is
    "roadmap_section_elsewhere": {"fr": "{what}, dans la version modifiable (DOCX) de la fiche et le tableau PST.",
                                  "de": "{what} in der bearbeitbaren Fassung (DOCX) und der PST-Tabelle.",
                                  "en": "{what}, in the editable version (DOCX) of the sheet and the PST table."},
    "roadmap_targets_count": {"fr": "{n:# objectif|# objectifs}", "de": "{n:# Ziel|# Ziele}",
                              "en": "{n:# target|# targets}"},
    "roadmap_actions_count": {"fr": "{n:# action|# actions}", "de": "{n:# Maßnahme|# Maßnahmen}",
                              "en": "{n:# action|# actions}"},
    # the actions the commune dropped (status "abandonnée"): left out of the list by year, said in one line
    "roadmap_dropped": {"fr": "{n:# action abandonnée|# actions abandonnées}, hors de cette liste : voir le tableau "
                              "«\u00a0{pst}\u00a0» de la version modifiable (DOCX).",
                        "de": "{n:# verworfene Maßnahme|# verworfene Maßnahmen}, nicht in dieser Liste: siehe die "
                              "Tabelle „{pst}“ der bearbeitbaren Fassung (DOCX).",
                        "en": "{n:# dropped action|# dropped actions}, not in this list: see the “{pst}” table of the "
                              "editable version (DOCX)."},
    "roadmap_dropped_here": {"fr": "{n:# action abandonnée|# actions abandonnées}, hors de cette liste : voir le "
                                   "tableau «\u00a0{pst}\u00a0» à la fin de ce document.",
                             "de": "{n:# verworfene Maßnahme|# verworfene Maßnahmen}, nicht in dieser Liste: siehe die "
                                   "Tabelle „{pst}“ am Ende dieses Dokuments.",
                             "en": "{n:# dropped action|# dropped actions}, not in this list: see the “{pst}” table at "
                                   "the end of this document."},
}


def t(key: str, lang: str, **values: Any) -> str:
    """The sheet's text ``key`` in ``lang`` (French when missing), its French with the no-break space before ? ! : ;
    (:func:`maturity.labels.in_lang`, the app's lookup: the PDF made it at layout, but the Markdown shown in a
    browser put a lone « : » or « ; » at the start of a line), ``{placeholders}`` filled."""
    text = in_lang(TEXTS[key], lang)
    return plural_text(text, lang, values).format(**values) if values else text  # {n:one|other}: plural forms


# --- plain text from outside: cleaned once, escaped by each renderer --------------------------

MAX_NAME = 120
MAX_NOTE_SHOWN = 400
MAX_SERIES_NAME = 300  # a comparison line's name in the sources (a campaign's title comes from its file)
MAX_SERIES_NOTE = 1200  # its note: the longest, the German Walloon line's with the obstacles' column, with a
# 300-character publisher
MAX_NOTES = 6
MAX_TOPICS = 3  # the most divergent questions of a team's assessment
# a topic's answer kept and its reason: the reason whole (contract §8: at most 500 characters) after the answer
MAX_SETTLED = MAX_NOTE_SHOWN + MAX_REASON
MIN_SHEET_PRIORITIES = 6
MAX_PROFILE_SENTENCES = 8  # one per profile question, in the questionnaire's order
MAX_OBSTACLE_SENTENCES = 3  # the obstacles the commune cites, in the questionnaire's order
PDF_TOPICS_STEPS = (2, 1, 0)  # the PDF's very last resort: fewer of a team's topics (the DOCX and Markdown keep all)
# the PDF's last resort before fewer topics: a topic's answer kept and why cut at 200 characters ("…"; the DOCX and
# the Markdown whole): three topics with their reasons begun rather than one with its reason whole
PDF_SETTLED_SHOWN = 200
PDF_NOTES_STEPS = (3, 0)  # the PDF's last resort: fewer of the commune's notes (the DOCX and Markdown keep all)


# the no-break spaces the sheet's own numbers carry ("95 %", "12 500 €", "1 234 – 2 345"), which the bundled
# DejaVu faces draw and fpdf2 never breaks a line at (nor Word, LibreOffice, a Markdown viewer)
NO_BREAK_SPACES = frozenset("\u00a0\u202f\u2007")
_WHITESPACE = re.compile(r"\s+")


def collapse_spaces(line: str) -> str:
    """A line's runs of whitespace each made one space, a run of no-break spaces alone one no-break space
    (its first): "95\u00a0%" stays whole on a line; the ends stripped."""
    return _WHITESPACE.sub(lambda m: m[0][0] if NO_BREAK_SPACES.issuperset(m[0]) else " ", line).strip()


def clean_text(value: Any, limit: int | None = None, *, one_line: bool = False) -> str:
    """Text from a file, made safe to lay out: no control characters, no lone surrogates,
    normalized (NFC), whitespace collapsed (on one line when asked) but no-break spaces kept, the space inside
    French guillemets made one (:func:`maturity.typography.french_guillemets`), cut at ``limit`` with "…"."""
    text = "" if value is None else str(value)
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = unicodedata.normalize("NFC", text)
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch in "\n\t":
            out.append(" " if one_line or ch == "\t" else "\n")
        elif cat in ("Cc", "Cs", "Co", "Cn") or (cat == "Cf" and ch not in "\u200d"):
            continue  # controls, bidi overrides, private use, unassigned
        elif cat in ("Zl", "Zp"):
            out.append(" " if one_line else "\n")
        else:
            out.append(ch)
    text = "".join(out)
    lines = [collapse_spaces(line) for line in text.split("\n")]
    text = "\n".join(line for line in lines if line) if not one_line else collapse_spaces(" ".join(lines))
    text = french_guillemets(text)  # "« zéro papier »" never broken inside, in the PDF, the DOCX or the .md
    return text if limit is None else cut(text, limit)


# --- the neutral structure ---------------------------------------------------------------------


@dataclass
class ScoreRow:
    dimension_id: str
    label: str
    score: str  # formatted, "—" when insufficient
    level: str  # level label, or "réponses insuffisantes"
    coverage: str
    insufficient: bool
    change: str = ""  # vs the previous assessment, e.g. "+12"
    value: float | None = None
    na: str = "0"  # how many questions were answered "not applicable"
    comparisons: tuple[str, ...] = ()  # the Walloon line in numbers, "45 (41–50)", after the score


@dataclass
class NextStep:
    dimension_id: str
    label: str  # the dimension
    text: str  # one sentence, from the questionnaire's own question and option labels
    at_best: bool = False  # every question of the dimension already has its best answer: nothing to take up


@dataclass
class LevelRow:
    label: str
    range: str
    description: str
    reached_by: list[str] = field(default_factory=list)  # dimension labels at this level


@dataclass
class ObstacleRow:
    obstacle_id: str
    label: str
    severity: str  # the commune's answer, e.g. "Frein majeur (3/3)"
    cited: bool
    barometer: str  # e.g. "50 % [1]" or "pas de chiffre publié"
    source_ref: int | None = None
    campaign: str = ""  # the imported campaign's share citing it, "48 % (38–59 %) [1]", or "pas de chiffre publié"


@dataclass
class Link:
    label: str
    url: str


@dataclass
class Priority:
    rank: int
    recommendation_id: str
    title: str
    why: str
    actions: list[str]
    resources: list[Link]
    priority: int
    target: str  # "Dimension : Mobilité" / "Frein : Budget" / ""
    target_label: str  # "Mobilité" / "Budget" / ""
    objective: str  # strategic objective (PST)
    # the answers it names are all « je ne sais pas » (recommendations.Selected.unsure): never the first step
    # when another one rests on what the commune really answered
    unsure: bool = False
    # the questions it rests on that the commune answered « je ne sais pas », in a sentence (recommendations.check_first)
    check: str = ""
    # what made it apply, from the commune's answers (recommendations.reasons): « D'après vos réponses : … »
    because: str = ""


@dataclass
class SourceRow:
    ref: int
    text: str  # "Baromètre wallon Smart City 2021 — chiffre publié, 113 communes répondantes sur 262"
    links: list[Link]


@dataclass
class Roadmap:
    """The commune's targets (one row per dimension with a target) and its actions by year."""

    title: str
    target_headers: list[str]
    targets: list[list[str]]  # dimension, score, target level, year, gap
    years: list[tuple[str, list[str]]]  # (year, lines "action — owner · budget · status")
    more: str = ""  # what the PDF leaves to the editable versions, in words
    dropped: int = 0  # the actions the commune dropped, left out of ``years`` (every version says how many)
    # the PDF's last resort: no targets nor actions shown, the section said in one line under no heading (``more``)
    elsewhere: bool = False
    # every action (dropped ones too, with their status) in the PST's structure, header first
    # (:func:`maturity.plan.pst_rows`): the editable version's table to paste into the PST
    pst: list[list[str]] = field(default_factory=list)
    pst_title: str = ""
    pst_help: str = ""

    @property
    def actions(self) -> int:
        return sum(len(lines) for _, lines in self.years)


@dataclass
class SheetContent:
    lang: str
    kicker: str
    title: str
    commune: str
    dateline: str
    respondent: str
    overall_label: str
    overall_value: str
    overall_detail: str
    score_meaning: str
    summary_title: str
    summary: list[tuple[str, str]]  # (label, sentence): strongest, weakest, first step
    profile_title: str
    series: list[RadarSeries]
    reference_note: str
    scores_title: str
    score_headers: list[str]
    scores: list[ScoreRow]
    show_change: bool
    levels_title: str
    levels: list[LevelRow]
    obstacles_title: str
    obstacle_headers: list[str]
    obstacles: list[ObstacleRow]
    obstacles_note: str
    also_cited: str  # the cited obstacles without a published figure, in one sentence
    next_steps_title: str
    next_steps_intro: str
    next_steps: list[NextStep]
    comparisons_title: str
    comparisons: list[tuple[str, int]]  # sentence (its source's number, the earlier editions'), source ref
    priorities_title: str
    priorities_intro: str
    priorities: list[Priority]
    all_priorities: list[Priority]
    notes_title: str
    notes: list[tuple[str, str]]
    warnings: list[str]
    method_title: str
    method: str
    sources_title: str
    sources: list[SourceRow]
    footer: str  # « Questionnaire « <title> », version <version> »
    questionnaire_id: str
    questionnaire_version: str
    questionnaire_title: str  # as the footer quotes it: a footer too long for a PDF line shortens it, not the version
    labels: dict[str, str] = field(default_factory=dict)  # other fixed wording the renderers need
    shortened: dict[int, list[Priority]] = field(default_factory=dict)  # the sheet's selection for 6, 7, 8

    notes_hidden: int = 0  # notes the PDF leaves to the editable versions
    # the notes after the first MAX_NOTES: the editable versions carry them after ``notes``, the PDF counts them
    more_notes: list[tuple[str, str]] = field(default_factory=list)
    # a team's assessment (contract §8): its three most divergent questions, (question, who said what, the answer
    # kept and why: « Réponse retenue : … — Pourquoi : … », "" without a reason)
    topics_title: str = ""
    topics: list[tuple[str, str, str]] = field(default_factory=list)
    topics_hidden: int = 0  # topics the PDF leaves to the editable versions (its very last resort)
    # the obstacles the commune cites that only an imported campaign quantifies, said in one sentence with those
    # without any figure: the PDF's last resort instead of their rows (:meth:`without_campaign_rows`); "" when
    # there are none such
    also_cited_pdf: str = ""
    roadmap: Roadmap | None = None  # targets and actions (issue 14); None when the answers have neither
    pst: list[list[str]] = field(default_factory=list)  # the PST table's rows (header first), see pst.py
    # the sentences without the earlier editions' figures, and the sources before theirs: the PDF's very
    # last resort (:meth:`without_trends`); ``trends_hidden`` then says so in one line
    untrended: list[tuple[str, int]] = field(default_factory=list)
    sources_before_trends: int | None = None
    trends_hidden: bool = False
    # an imported campaign's Walloon line: its source row's number, and its text by whether the scores table has
    # the line's column (the PDF's very last resort leaves it out: :meth:`without_reference_column`)
    reference_ref: int | None = None
    reference_sources: dict[bool, str] = field(default_factory=dict)
    # where the compared figures come from, above their sentences: "Ces chiffres viennent des 113 communes sur
    # 262 qui ont répondu en 2021, pas de toute la Wallonie d'aujourd'hui." (maturity.benchmarks.scope_note); "" without a sentence
    comparisons_scope: str = ""

    def without_trends(self) -> SheetContent:
        """The same content without the barometer's earlier editions (2018, 2020) in its sentences, nor
        their sources, for a PDF that must fit on its pages; the editable versions keep them."""
        from dataclasses import replace

        if self.sources_before_trends is None or self.untrended == self.comparisons:
            return self
        return replace(self, comparisons=self.untrended, sources=self.sources[:self.sources_before_trends],
                       trends_hidden=True)

    @property
    def comparison_columns(self) -> int:
        """How many comparison lines the scores table gives in numbers after the score (0 or 1: Wallonia)."""
        return len(self.scores[0].comparisons) if self.scores else 0

    @property
    def campaign_column(self) -> bool:
        """Whether the obstacles table has the imported campaign's column after the barometer's."""
        return len(self.obstacle_headers) > 3

    def without_reference_column(self) -> SheetContent:
        """The same content without the Walloon line's column in the scores table, for a PDF that must fit
        on its pages (the very last resort: the radar still draws the line, the editable versions keep it)."""
        from dataclasses import replace

        k = self.comparison_columns
        if not k:
            return self
        text = self.reference_sources.get(False)  # the Walloon line's source then speaks of no brackets
        sources = self.sources if text is None else [replace(r, text=text) if r.ref == self.reference_ref else r
                                                     for r in self.sources]
        return replace(self, scores=[replace(r, comparisons=()) for r in self.scores],
                       score_headers=self.score_headers[:2] + self.score_headers[2 + k:], sources=sources)

    def without_campaign_rows(self) -> SheetContent:
        """The same content with the obstacles only the imported campaign quantifies (no barometer figure) said in
        one sentence instead of rows, for a PDF that must fit on its pages (one of its last resorts: the sentence
        says where the campaign's share is); the editable versions keep the rows."""
        from dataclasses import replace

        if not self.also_cited_pdf:
            return self
        return replace(self, obstacles=[o for o in self.obstacles if o.source_ref is not None],
                       also_cited=self.also_cited_pdf, also_cited_pdf="")

    def with_topics(self, shown: int, settled: int | None = None) -> SheetContent:
        """The same content showing only the first ``shown`` of a team's topics, for a PDF that must fit
        on its pages; the editable versions keep them all, and the PDF says how many it leaves out. ``settled``:
        each topic's answer kept and why cut at that many characters ("…"; None: whole)."""
        from dataclasses import replace

        topics = self.topics if settled is None else [
            (question, said, clean_text(line, settled)) for question, said, line in self.topics]
        if shown >= len(topics):
            return self if settled is None else replace(self, topics=topics)
        return replace(self, topics=topics[:shown], topics_hidden=len(topics) - shown)

    def label(self, key: str, **values: Any) -> str:
        """A fixed wording of :attr:`labels` filled with ``values``, in the plural form they take."""
        return plural_text(self.labels[key], self.lang, values).format(**values)

    def with_roadmap(self, actions: int | None, *, line: bool = True) -> SheetContent:
        """The same content showing the first ``actions`` actions of the roadmap, for a PDF that must fit on its
        pages; the rest is said in one line. ``actions`` None: neither targets nor actions, the section said in
        one line (how many targets and actions, and where), or not at all without ``line``."""
        from dataclasses import replace

        if self.roadmap is None:
            return self
        if actions is None:
            if not line:
                return replace(self, roadmap=None)
            r = self.roadmap
            what = [t("roadmap_targets_count", self.lang, n=len(r.targets))] if r.targets else []
            what += [t("roadmap_actions_count", self.lang, n=r.actions)] if r.actions else []
            more = t("roadmap_section_elsewhere", self.lang, what=join_and(what, self.lang))
            return replace(self, roadmap=replace(r, targets=[], years=[], more=more, dropped=0, elsewhere=True))
        years, left = [], actions
        for year, lines in self.roadmap.years:
            if left > 0:
                years.append((year, lines[:left]))
                left -= len(lines[:left])
        hidden = self.roadmap.actions - sum(len(lines) for _, lines in years)
        more = t("roadmap_more" if hidden < self.roadmap.actions else "roadmap_elsewhere", self.lang, n=hidden) \
            if hidden else ""
        return replace(self, roadmap=replace(self.roadmap, years=years, more=more))

    def with_limit(self, limit: int, notes: int | None = None) -> SheetContent:
        """The same content showing only the first ``limit`` priorities (and ``notes`` of the
        commune's notes), for a PDF that must fit on its pages. The summary, the next steps and
        the barometer comparison are never shortened."""
        from dataclasses import replace

        shown = self.shortened.get(limit) or self.priorities[:limit]
        kept = self.notes if notes is None else self.notes[:notes]
        first = t("summary_first", self.lang)
        summary = [(label, _first_priority(shown, self.lang) if label == first and shown else text)
                   for label, text in self.summary]
        return replace(self, priorities=shown, notes=kept, summary=summary,
                       notes_hidden=len(self.notes) - len(kept) + len(self.more_notes),
                       priorities_intro=_priorities_intro(self.lang, shown, self.all_priorities))


# --- benchmarks ------------------------------------------------------------------------------


@functools.cache
def _benchmark_sets() -> tuple[benchmarks.BenchmarkSet, ...]:
    """The published benchmark sets (the same for every commune: read once per process)."""
    try:
        return tuple(benchmarks.load_benchmark_sets())
    except InvalidInput as exc:  # the sheet still builds; `maturity validate` names the broken file
        log.error("benchmark files not loaded: %s", exc)
        return ()


def _find_figure(sets: Sequence[Any], figure_id: str) -> tuple[Any, Any] | None:
    """(figure, its set) for a figure id, or None."""
    ref = benchmarks.find_figure(sets, figure_id)
    return (ref.figure, ref.set) if ref is not None else None


class _Sources:
    """Numbered sources of the benchmark figures shown, one entry per (set, source, kind)."""

    def __init__(self, q: Questionnaire, lang: str) -> None:
        self.q, self.lang = q, lang
        self.rows: list[SourceRow] = []
        self._index: dict[tuple, int] = {}
        self._notes: dict[str, int] = {}  # a comparison line's note -> the row that says it whole

    def ref(self, fig: benchmarks.Figure, bset: benchmarks.BenchmarkSet) -> int:
        lang = self.lang
        kind, n = fig.kind, fig.n
        key = (bset.id, fig.source, kind, n)
        if key in self._index:
            return self._index[key]
        # the set's source this figure names (by id or label); urls are http(s), the loader checks
        links = [Link(clean_text(src.name(lang), 200, one_line=True), src.url) for src in bset.sources
                 if src.id in (None, fig.source) or src.label == fig.source]
        # the base as the core says it: "113 communes répondantes sur 262", "n = 40", or the size not
        # published (each sentence citing such a figure names its group: this line may stand for several)
        ref_of = benchmarks.FigureRef(fig, bset)
        base_text = ref_of.base_text(lang, with_base=False)
        kind_text = ref_of.kind_text(lang)  # the core's words, as the app's table of figures says it
        title = clean_text(self.q.t(bset.title, lang), 160, one_line=True)
        year = "" if str(bset.year) in title else str(bset.year)  # "Baromètre … 2021" says its year
        parts = [p for p in (title, kind_text, year, base_text) if p]
        if kind == "estimate" and fig.method:
            parts.append(clean_text(self.q.t(fig.method, lang), 300, one_line=True))
        ref = len(self.rows) + 1
        self.rows.append(SourceRow(ref, " — ".join(parts[:1]) + (", " + ", ".join(parts[1:]) if parts[1:] else ""),
                                   links[:1]))
        self._index[key] = ref
        return ref

    def campaign(self, campaign: Any, column: str) -> int:
        """The row of an imported campaign's obstacles column (``column``: its header), where no Walloon line of
        that campaign has a row to share."""
        ref = len(self.rows) + 1
        self.rows.append(SourceRow(ref, clean_text(campaign.obstacles_source(column, self.lang), MAX_SERIES_NOTE),
                                   address_links(campaign.url)))
        return ref

    def series(self, s: RadarSeries) -> int:
        """A comparison line's row: its name, then its note whole. A campaign line's note is the source and
        what its band and brackets mean (about 420 characters in French with an ordinary publisher); the row
        cut at 400 ended the Walloon line's at "est la marge…" on the Collège's sheet. Each part is bounded
        on its own (the title and publisher come from an imported file). A note already written whole in an
        earlier line's row (the pool's Wallonia, province and same size; a campaign's province and same size)
        is not repeated: the row names that one (the sources fill the sheet's last page). A line published at
        an address (an imported campaign's) gives it as the row's link."""
        ref = len(self.rows) + 1
        text = series_source(s)
        note = s.note if s.note and s.note not in s.name else None
        if note is not None and note in self._notes:
            text = f"{clean_text(s.name, MAX_SERIES_NAME)} — {t('source_same_note', self.lang, ref=self._notes[note])}"
        elif note is not None:
            self._notes[note] = ref
        self.rows.append(SourceRow(ref, text, address_links(s.url)))
        return ref


def address_links(url: str) -> list[Link]:
    """A source's address as its row's link, shown as typed from a printed page (``example.org/baro-2026``: the
    PDF is printed for the Collège), or no link when ``url`` is no plain http(s) address."""
    shown = shown_address(url)
    return [Link(clean_text(shown, one_line=True), web_url(url))] if shown else []


def series_source(s: RadarSeries, note: str | None = None) -> str:
    """A comparison line's row in the sources: its name, then its note (``note``: another wording of it)."""
    note = s.note if note is None else note
    note = note if note and note not in s.name else ""  # the app's pooled names already say it
    return clean_text(s.name, MAX_SERIES_NAME) + (f" — {clean_text(note, MAX_SERIES_NOTE)}" if note else "")


# --- building ----------------------------------------------------------------------------------


def _date_of(value: Any, lang: str) -> str:
    if not value:
        return ""
    try:
        return format_date(value, lang)
    except (ValueError, TypeError):
        return ""


def commune_name(doc: AnswersFile, lang: str) -> str:
    from .. import communes

    commune = doc.commune or {}
    found = communes.get(doc.nis_code) if doc.nis_code else None
    name = commune.get("name")
    name = clean_text(name, MAX_NAME, one_line=True) if isinstance(name, str) else ""
    if found is not None and (not name or name in (found.name_fr, found.name_nl, found.display_name)
                              or not communes.names_it(name, found)):
        # the official name, in the sheet's language (Büllingen in German); also when the file's name is another
        # commune's: the code decides which commune the answers are (contract §2), and its figures are the code's
        return found.name(lang)
    return name or t("unnamed", lang)


def _severity_text(q: Questionnaire, obstacle_id: str, answer: Any, severity: float | None, lang: str) -> str:
    question = q.question(obstacle_id)
    if severity is None or question is None:
        return answer_state_label(answer_state(answer) or UNANSWERED, lang)
    option = question.option(answer) if isinstance(answer, str) else None
    top = max((o.score or 0) for o in question.options or ()) or 1
    label = q.t(option.label, lang) if option else ""
    return f"{label} ({format_number(severity, lang)}/{format_number(top, lang)})".strip()


def _priority(rank: int, sel: Selected, q: Questionnaire, lang: str, finished: Sequence[plan.PlanItem] = ()) -> Priority:
    """A priority of the sheet; its actions leave out those the roadmap marks done (``finished``, read by
    :func:`plan.picked`: another language or an earlier wording too): Ciney's sheet proposed « Inscrire dans le PST
    un objectif stratégique… » as its first priority's action while its roadmap, on the same sheet, said it done
    (team trial). An action planned or started stays proposed."""
    rec = sel.recommendation
    done = plan.picked(rec, finished) if finished else set()
    target = target_label = ""
    if sel.dimension:
        section = next((s for s in q.dimensions if s.id == sel.dimension), None)
        if section is not None:
            target_label = q.t(section.label, lang)
            target = t("lifts_dimension", lang, label=target_label)
    elif sel.obstacle:
        question = q.question(sel.obstacle)
        if question is not None:  # its name of a few words, as the obstacles table names it: « Frein : Expertise »
            target_label = q.t(question.short or question.text, lang)
            target = t("lifts_obstacle", lang, label=target_label)
    if rec.objective:
        objective = q.t(rec.objective, lang)
    elif sel.dimension and target_label:
        objective = t("pst_default_objective", lang, label=target_label)
    elif sel.obstacle and target_label:
        objective = t("pst_obstacle_objective", lang, label=target_label)
    else:
        objective = plan.label("cross", lang)  # as the PST table names it
    return Priority(
        rank=rank,
        recommendation_id=rec.id,
        title=q.t(rec.title, lang),
        why=q.t(rec.text, lang),
        actions=[q.t(a, lang) for index, a in enumerate(rec.actions) if index not in done],
        resources=[Link(q.t(r.label, lang), r.url) for r in rec.resources],
        priority=rec.priority,
        target=target,
        target_label=target_label,
        objective=objective,
        unsure=sel.unsure,
        check=check_first(q, sel, lang),
        because=reasons(q, sel, lang),
    )


def build_content(
    q: Questionnaire,
    doc: AnswersFile,
    lang: str = "fr",
    *,
    assessment: Assessment | None = None,
    reference: RadarSeries | None = None,
    peer: RadarSeries | None = None,
    previous: Assessment | None = None,
    previous_label: str | None = None,
    generated: date | datetime | None = None,
    limit: int = SHEET_LIMIT,
    campaign: Any = None,
    peers: Sequence[RadarSeries] = (),
) -> SheetContent:
    """``campaign``: the imported campaign (a ``CampaignReference``) whose share of the communes citing each
    obstacle stands beside the barometer's in the obstacles table (the results page's column). ``peers``: the
    other peer groups after ``peer`` (the communes of the same size beside the province's), as the results
    page's radar draws them."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r} (one of {', '.join(LANGS)})")
    answers = doc.answers
    assessment = assessment or score(q, answers)
    generated = generated or date.today()
    name = commune_name(doc, lang)

    # header
    when = _date_of(doc.updated_at or doc.created_at, lang)
    made = _date_of(generated, lang)
    dateline = " · ".join(p for p in (t("assessed_on", lang, date=when) if when else "",
                                      t("generated_on", lang, date=made)) if p)
    dateline = dateline[0].upper() + dateline[1:]
    role = clean_text((doc.respondent or {}).get("role"), 80, one_line=True)
    respondent = t("respondent", lang, role=role) if role else ""
    roles = [shown_role(r, lang) for r in team_roles(doc.respondent)]
    if roles:
        # the holder's role first: their own answers and decisions are the final ones (Eupen's sheet credited the
        # answers to the Generaldirektor and the Umweltberaterin alone, the Schöffe's own setting two dimensions)
        if role and role not in roles:
            roles = [role, *roles]
        respondent = t("respondent_team", lang, roles=clean_text(", ".join(roles), 300, one_line=True))

    dims = q.dimensions
    scored = [d for d in assessment.dimensions.values() if d.score is not None]
    if assessment.overall is None:
        overall_value, overall_detail = t("overall_none", lang), ""
    else:
        from ..scoring import plan_for

        level = q.level(plan_for(q).level_of(assessment.overall))
        overall_value = t("overall_value", lang, score=format_number(assessment.overall, lang),
                          level=q.t(level.label, lang) if level else "")
        overall_detail = mean_of(len(scored), len(dims), lang)
    ordered = sorted(q.levels, key=lambda lv: lv.min)
    meaning = t("score_meaning", lang, n=len(ordered), first=q.t(ordered[0].label, lang),
                last=q.t(ordered[-1].label, lang))

    # radar series: the commune first, then the comparisons
    series = [RadarSeries(f"{t('your_commune', lang)} — {name} ({t('self_assessment', lang)})", assessment.scores(),
                          "commune")]
    if previous is not None:
        label = previous_label or t("previous_series_nodate", lang)
        series.append(RadarSeries(label, previous.scores(), "previous"))
    sources = _Sources(q, lang)
    reference_ref = None  # the Walloon line's source number, which the obstacles' campaign column cites too
    for extra in (reference, peer, *peers):
        if extra is not None:
            series.append(extra)
            ref_no = sources.series(extra)
            reference_ref = ref_no if extra is reference else reference_ref
    aimed = targets.radar_scores(q, doc)  # the targets' ring, as the results page draws it
    if aimed is not None:
        series.append(RadarSeries(t("series_target", lang, name=name), aimed, "target"))
    note = t("no_reference", lang) if reference is None else ""
    # the Walloon line in numbers too, beside the score; the peer group's stays on the radar (a table of
    # eight columns, with the change, broke its headers inside words and a heavy sheet ran to four pages)
    comparisons = [reference] if reference is not None else []

    # scores table
    rows = []
    for section in dims:
        d = assessment.dimensions[section.id]
        level = q.level(d.level)
        change = ""
        if previous is not None:
            before = previous.dimensions.get(section.id)
            if before is not None and before.score is not None and d.score is not None:
                delta = round_int(d.score) - round_int(before.score)  # the difference of the shown scores
                change = ("+" if delta > 0 else "±" if delta == 0 else "−") + format_number(abs(delta), lang)
            else:
                change = "—"
        rows.append(ScoreRow(
            section.id, q.t(section.label, lang),
            format_number(d.score, lang) if d.score is not None else "—",
            q.t(level.label, lang) if level else t("insufficient", lang),
            format_percent(d.coverage, lang), d.score is None, change, d.score, format_number(d.na_count, lang),
            tuple(format_estimate(s.scores.get(section.id), (s.band or {}).get(section.id), lang)
                  for s in comparisons)))
    headers = [t("col_dimension", lang), t("col_score", lang),
               *[s.short or t("col_reference", lang) for s in comparisons],
               t("col_level", lang), t("col_coverage", lang), t("col_na", lang)]
    if previous is not None:
        headers.append(t("col_change", lang))

    # levels
    levels = []
    for k, lv in enumerate(ordered):
        high = ordered[k + 1].min if k + 1 < len(ordered) else 100
        reached = [r.label for r in rows if not r.insufficient and assessment.dimensions[r.dimension_id].level == lv.id]
        rng = t("level_range", lang, low=format_number(lv.min, lang), high=format_number(high, lang))
        levels.append(LevelRow(q.t(lv.label, lang), rng, q.t(lv.description, lang), reached))

    # the profile and the cited obstacles compared with the barometer, in sentences (numbered first:
    # they come before the obstacles table)
    sets = _benchmark_sets() if any(qq.benchmark for s_ in q.sections if s_.kind != "dimension"
                                    for qq in s_.questions) else ()
    # the campaign's estimate of each compared figure cites the Walloon line's source, as its obstacles column
    compared = campaign.set if campaign is not None and reference_ref is not None else None
    sentences = _comparison_sentences(q, answers, assessment, sets, lang, sources, compared)

    # obstacles beside the barometer: those the barometer quantifies in the table; those the commune
    # cites without a published figure in one sentence below it
    obstacles, without_figure = [], []
    # the Walloon line is this campaign's (as the app passes them): its source serves the obstacles' column too
    walloon_campaign = campaign is not None and reference_ref is not None \
        and reference.note == campaign.series_note("wallonia", lang)
    campaign_ref = reference_ref if walloon_campaign else None
    rated = False  # a severity "(2/3)" shown: only then does the note explain the brackets
    for question in q.obstacles:
        result = assessment.obstacles.get(question.id)
        severity = result.severity if result else None
        rated = rated or severity is not None
        cited = bool(result and result.cited)
        label = q.t(question.short or question.text, lang)
        severity_text = _severity_text(q, question.id, answers.get(question.id), severity, lang)
        found = _find_figure(sets, question.benchmark) if question.benchmark else None
        text = campaign.obstacle_text(question.id, lang) if campaign is not None else None
        if found is None and (text is None or not cited):
            # no figure anywhere: a cited one is said in the sentence below the table; a campaign's figure for an
            # obstacle the commune cites makes it a row (the sentence would say « sans chiffre publié » of it)
            if cited:
                without_figure.append((severity or 0, severity_text, label))
            continue
        ref, shown = None, t("no_figure", lang)  # only the campaign quantifies it
        if found is not None:
            fig, bset = found
            ref = sources.ref(fig, bset)
            shown = benchmarks.FigureRef(fig, bset).formatted(lang)  # the one place figures are formatted
            if fig.unit == "rank":
                shown = t("obstacle_rank", lang, rank=shown)
            shown = f"{shown} [{ref}]"
        share = ""
        if campaign is not None:  # the campaign's Walloon line is the reference's source, numbered above
            if text is not None and campaign_ref is None:  # no such line: the column's own source
                campaign_ref = sources.campaign(campaign, t("col_campaign_cites", lang, year=campaign.year))
            share = t("no_figure", lang) if text is None else f"{text} [{campaign_ref}]"
        obstacles.append(ObstacleRow(question.id, label, severity_text, cited, shown, ref, share))
    def said(cited_obstacles: list[tuple[int, str, str]]) -> str:
        """Grouped by the commune's answer, the most severe first: "Frein majeur (3/3) : Données, Cybersécurité"."""
        by_answer: dict[str, list[str]] = {}
        for _severity, severity_text, label in sorted(cited_obstacles, key=lambda item: -item[0]):
            by_answer.setdefault(severity_text, []).append(label)
        return join_answers((t("label_value", lang, label=answer, value=", ".join(labels))
                             for answer, labels in by_answer.items()), lang)

    items = said(without_figure)
    also_cited = t("also_cited", lang, items=items) if items else ""
    campaign_only = [(sev, o.severity, o.label) for o in obstacles if o.source_ref is None
                     for sev in [assessment.obstacles[o.obstacle_id].severity or 0]]
    also_cited_pdf = t("also_cited_campaign", lang, year=campaign.year, items=said(without_figure + campaign_only)) \
        if campaign_only else ""
    campaign_header = [t("col_campaign_cites", lang, year=campaign.year)] if campaign is not None and obstacles \
        else []
    reference_sources = {}  # the Walloon line's source row by what the PDF prints of what it serves
    if walloon_campaign:
        # its source serves the obstacles' campaign column and the campaign's figures in the sentences too: the
        # source says so, and which table's brackets its band is; without the scores table's column (the PDF's
        # very last resort), it speaks of no brackets there
        column = campaign_header[0] if campaign_header else None
        label = t("col_campaign_cites", lang, year=campaign.year)
        in_sentences = compared is not None and any(c.campaign is not None for c, _text, _ref in sentences)
        reference_sources = {table: series_source(reference, campaign.series_note(
            "wallonia", lang, obstacles=column, sentences=label if in_sentences else None, table=table))
            for table in (True, False)}
        sources.rows[reference_ref - 1].text = reference_sources[True]
    # the barometer's earlier editions last: their sources numbered after all others. Without them (the PDF's
    # very last resort) a sentence keeps the campaign's figure, this year's, numbered before
    campaign_mark = f" [{reference_ref}]" if compared is not None else ""
    untrended = [(clean_text(" ".join(part for part in (_numbered(text, ref), comp.campaign_text(campaign_mark)) if part),
                             600, one_line=True), ref) for comp, text, ref in sentences]
    before_trends = len(sources.rows)
    comparisons = _with_trends(sentences, sources, campaign_mark)

    # priorities: the sheet's selection (select(..., limit) spreads it over dimensions and cited
    # obstacles), also for 6 and 7 in case the PDF must shorten it; every match for the PST table
    finished = [item for item in plan.of(doc) if item.status == "done"]
    all_priorities = [_priority(i + 1, s, q, lang, finished) for i, s in enumerate(select(q, assessment, answers))]
    shortened = {k: [_priority(i + 1, s, q, lang, finished)
                     for i, s in enumerate(select(q, assessment, answers, limit=k))]
                 for k in range(MIN_SHEET_PRIORITIES, limit + 1)}
    priorities = shortened[limit] if limit in shortened else all_priorities[:limit]
    intro = _priorities_intro(lang, priorities, all_priorities)

    next_steps = [_next_step(q, section, assessment, answers, lang) for section in dims]
    summary = _summary(q, assessment, rows, priorities, next_steps, lang)

    # the commune's notes, short
    notes = []
    for qid, text in (doc.notes or {}).items():
        question = q.question(qid)
        body = clean_text(text, MAX_NOTE_SHOWN)
        if question is None or not body:
            continue
        notes.append((clean_text(q.t(question.text, lang), 160, one_line=True), body))
    notes, more_notes = notes[:MAX_NOTES], notes[MAX_NOTES:]

    questionnaire_title = clean_text(q.t(q.title, lang), 120, one_line=True)
    footer = t("questionnaire", lang, title=quoted(questionnaire_title, lang), version=q.version)
    topics = _topics(q, doc, lang) if roles else []
    roadmap = _roadmap(q, doc, assessment, lang)
    pst = _pst(q, doc, all_priorities, lang)
    return SheetContent(
        lang=lang, kicker=t("kicker", lang), title=t("sheet_title", lang), commune=name, dateline=dateline,
        respondent=respondent, overall_label=t("overall", lang), overall_value=overall_value,
        overall_detail=overall_detail, score_meaning=meaning, summary_title=t("summary_title", lang),
        summary=summary, profile_title=t("profile_title", lang), series=series,
        reference_note=note, scores_title=t("scores_title", lang), score_headers=headers, scores=rows,
        show_change=previous is not None, levels_title=t("levels_title", lang), levels=levels,
        obstacles_title=t("obstacles_title", lang),
        obstacle_headers=[t("col_obstacle", lang), t("col_severity", lang), t("col_barometer", lang), *campaign_header],
        obstacles=obstacles, obstacles_note=t("obstacles_note" if rated else "obstacles_note_cited", lang), also_cited=also_cited, also_cited_pdf=also_cited_pdf,
        next_steps_title=t("next_steps_title", lang), next_steps_intro=t("next_steps_intro", lang),
        next_steps=next_steps,
        comparisons_title=t("comparisons_title", lang), comparisons=comparisons,
        priorities_title=t("priorities_title", lang), priorities_intro=intro, priorities=priorities,
        shortened=shortened, roadmap=roadmap, reference_ref=reference_ref if reference_sources else None,
        reference_sources=reference_sources, pst=pst,
        comparisons_scope=benchmarks.scope_note([comp for comp, _text, _ref in sentences], lang),
        untrended=untrended, sources_before_trends=before_trends,
        all_priorities=all_priorities, notes_title=t("notes_title", lang), notes=notes,
        more_notes=more_notes, notes_hidden=len(more_notes),
        topics_title=t("topics_title", lang), topics=topics,
        warnings=[clean_text(w, 300, one_line=True) for w in assessment.warnings],
        method_title=t("method_title", lang),
        method=t("method", lang, min=format_percent(q.min_coverage, lang)),
        sources_title=t("sources_title", lang), sources=sources.rows, footer=footer,
        questionnaire_id=q.id, questionnaire_version=q.version, questionnaire_title=questionnaire_title,
        labels={k: t(k, lang) for k in ("colon", "why", "actions", "resources", "no_sources", "warnings_title",
                                         "priority", "priority_names", "no_obstacles", "no_comparisons",
                                         "notes_more", "notes_elsewhere", "topics_more", "topics_elsewhere",
                                         "method_short", "col_range", "col_meaning", "trends_more", "col_level",
                                         "roadmap_dropped", "roadmap_dropped_here", "resources_elsewhere",
                                         "actions_elsewhere", "all_actions_elsewhere")},
    )


def _topics(q: Questionnaire, doc: AnswersFile, lang: str) -> list[tuple[str, str, str]]:
    """The three most divergent questions a team's answers file lists, each with every role's answer, then, for a
    question the meeting settled with a reason (contract §8 ``reason``), the answer the file keeps and why:
    « Réponse retenue : … — Pourquoi : … ». The reason is the meeting's (the holder's, typed at « Pourquoi ce choix »), never a
    colleague's note: those reach the sheet only as the commune's notes, kept one by one (f626ed6). A reason is the
    reason of the answer the meeting kept (``kept``): the answer changed since, the line says the meeting's answer
    and the answer of now, without it (:func:`maturity.merge.reason_holds`)."""
    out = []
    for entry in divergent_of(doc):
        question = q.question(entry["question"])
        if question is None:
            continue
        said = [t("label_value", lang, label=shown_role(seen["role"], lang),
                  value=answer_words(q, question, seen["answer"], lang)) for seen in entry["answers"]]
        settled = []  # only for a topic the meeting settled with a reason: a team sheet without any is as before
        # (a line more under each topic cost Bastogne's PDF one of its two topics)
        now = doc.answers.get(question.id)
        if entry.get("reason") and not reason_holds(entry, now):
            # the answer was changed after the meeting (on the questionnaire): the reason explains the answer the
            # meeting kept, never the one the file gives now; the Collège reads both, and that it changed
            settled += [t("label_value", lang, label=t("topic_meeting", lang),
                          value=answer_words(q, question, entry["kept"], lang)),
                        t("label_value", lang, label=t("topic_changed", lang),
                          value=answer_words(q, question, now, lang))]
        elif entry.get("reason"):
            if (kept := effective_answer(now)) is not None:
                kept_text = answer_words(q, question, kept, lang)
                if entry["answers"] and all(same_answer(seen["answer"], kept) for seen in entry["answers"]):
                    said = [t("label_value", lang, label=t("topic_agreed", lang), value=kept_text)]
                else:
                    settled.append(t("label_value", lang, label=t("topic_kept", lang), value=kept_text))
            settled.append(t("label_value", lang, label=t("why", lang), value=entry["reason"]))
        title = q.t(question.short, lang) if question.short else q.t(question.text, lang)
        out.append((clean_text(title, 160, one_line=True), clean_text(" · ".join(said), MAX_NOTE_SHOWN),
                    clean_text(" — ".join(settled), MAX_SETTLED, one_line=True)))
        if len(out) == MAX_TOPICS:
            break
    return out


def _roadmap(q: Questionnaire, doc: AnswersFile, assessment: Assessment, lang: str) -> Roadmap | None:
    """The targets against the scores, then the actions of the roadmap by year (dropped ones left out)."""
    goals = targets.of(doc)
    items = [item for item in plan.of(doc) if item.status != "dropped"]
    if not goals and not items:
        return None
    dropped = sum(item.status == "dropped" for item in plan.of(doc))
    rows = []
    for section in q.dimensions:
        status = targets.evaluate(q, assessment, goals).get(section.id)
        level = q.level(status.level) if status else None
        if status is None or level is None:
            continue
        gap = targets.gap_text(status, lang)
        rows.append([q.t(section.label, lang), format_number(status.score, lang), q.t(level.label, lang),
                     str(status.by), gap])
    years = []
    for year, actions in plan.by_year(items):
        lines = []
        for item in actions:
            details = [clean_text(item.owner, 120, one_line=True) or plan.label("no_owner", lang)]
            if isinstance(item.budget, str):
                details.append(clean_text(item.budget, 120, one_line=True))
            elif item.budget is not None:  # an amount, formatted here (its narrow no-break space kept)
                details.append(plan.format_budget(item.budget, lang))
            details.append(plan.label(item.status, lang))
            lines.append(f"{clean_text(item.action, 400, one_line=True)} — {' · '.join(details)}")
        years.append((str(year), lines))
    from dataclasses import replace

    safe = [replace(item, action=clean_text(item.action, 400, one_line=True),
                    owner=clean_text(item.owner, 120, one_line=True),
                    budget=clean_text(item.budget, 120, one_line=True) if isinstance(item.budget, str) else item.budget)
            for item in plan.of(doc)]  # the commune's own words made safe; amounts formatted as in the CSV
    pst = plan.pst_rows(q, safe, lang, goals) if safe else []
    return Roadmap(t("roadmap_title", lang), t("roadmap_headers", lang).split("|"), rows, years, pst=pst,
                   pst_title=t("roadmap_pst_title", lang), pst_help=t("roadmap_pst_help", lang),
                   dropped=dropped)


def _pst(q: Questionnaire, doc: AnswersFile, every: list[Priority], lang: str) -> list[list[str]]:
    """The PST table: strategic objective (the dimension, with its target), operational objective (the
    recommendation), action, owner, deadline, budget, status, then priority and resources. The
    roadmap's actions first, in its order; then the actions of every matching recommendation not in
    the roadmap yet (owner, deadline, budget and status left to fill)."""
    from .. import targets

    goals = targets.of(doc)
    items = plan.of(doc)
    by_rec = {p.recommendation_id: p for p in every}
    names = dict(item.split(" ", 1) for item in t("priority_names", lang).split("|"))
    recs = {r.id: r for r in q.recommendations}

    def extra(rec_id: str | None) -> list[str]:
        p = by_rec.get(rec_id or "")
        if p is None:
            rec = recs.get(rec_id or "")
            return ["", "\n".join(f"{q.t(r.label, lang)} — {r.url}" for r in rec.resources)] if rec else ["", ""]
        return [f"{p.priority} — {names.get(str(p.priority), '')}".rstrip(" —"), "\n".join(f"{r.label} — {r.url}" for r in p.resources)]

    table = plan.pst_rows(q, items, lang, goals)
    out = [table[0] + [t("pst_priority", lang), t("pst_resource", lang)]]
    out += [row + extra(item.recommendation) for row, item in zip(table[1:], items, strict=True)]
    for p in every:
        # an action in the roadmap, in any language or an earlier wording (plan.picked), is not proposed again
        rec = recs.get(p.recommendation_id)
        # by their places in the recommendation's actions (the priority's leave out those done)
        done = plan.picked(rec, items) if rec is not None else set()
        proposals = p.actions if rec is None else [q.t(a, lang) for index, a in enumerate(rec.actions)
                                                   if index not in done]
        if not proposals:
            continue
        strategic = plan.pst_rows(q, [plan.PlanItem("", "", "", 0, recommendation=p.recommendation_id)], lang,
                                  goals)[1][0]
        for action in proposals:
            out.append([strategic, p.title, action, "", "", "", "", *extra(p.recommendation_id)])
    return out


def _priorities_intro(lang: str, shown: list[Priority], every: list[Priority]) -> str:
    return t("priorities_intro", lang, n=len(shown), total=len(every)) if shown else t("no_priorities", lang)


def _comparison_sentences(q: Questionnaire, answers: Any, assessment: Assessment, sets: Sequence[Any], lang: str,
                          sources: _Sources, campaign: Any = None) -> list[tuple[Any, str, int]]:
    """One sentence per profile question compared with the barometer, then one per obstacle the commune
    cites, in the core's reading order (:data:`maturity.benchmarks.READING_ORDER`, as the results page says
    them); each (comparison, sentence, its source's number), the trend not yet added (:func:`_with_trends`)."""
    if not sets:
        return []
    obstacle_ids = {o.id for o in q.obstacles}
    kept: list[tuple[Any, int]] = []
    counts = {True: 0, False: 0}  # sentences kept, obstacles and profile
    seen: set[str] = set()
    found = benchmarks.comparisons(q, answers, assessment, list(sets), lang, campaign=campaign)
    # one sentence per question: where several figures share it (the two triggers, the three topics), the
    # first that the commune's answer matches ("Vous ne citez pas le développement des TI…" hid "Les appels
    # à projets, que vous citez…" from a commune that cited one of the two published triggers)
    matched = {c.question for c in found if c.matches}
    found = [c for c in found if c.matches or c.question not in matched]
    for comp in found:
        if comp.question in seen:
            continue
        is_obstacle = comp.question in obstacle_ids
        if is_obstacle and not comp.matches:
            continue  # the obstacles the commune does not cite are in the table, with their figure
        if counts[is_obstacle] >= (MAX_OBSTACLE_SENTENCES if is_obstacle else MAX_PROFILE_SENTENCES):
            continue
        seen.add(comp.question)
        counts[is_obstacle] += 1
        kept.append((comp, sources.ref(comp.figure.figure, comp.figure.set)))
    # the source's parenthesis (study, kind, base) once per source in the section: the sentences after
    # the first carry its number only
    out: list[tuple[str, int]] = []
    said: set[int] = set()
    for comp, ref in kept:
        text = comp.text
        if ref in said:
            text = text.replace(f" ({comp.figure.cite(lang)})", "")
        said.add(ref)
        out.append((comp, text, ref))
    return out


def _with_trends(found: list[tuple[Any, str, int]], sources: _Sources, campaign_mark: str = "") -> list[tuple[str, int]]:
    """Each sentence with the earlier editions' figures (2018, 2020) in a clause, each value with its own
    source's number: "…, comme 49 % des communes répondantes ; 38 % en 2018 [8]." Numbered after every
    other source, so that a sheet leaving the trends out (the PDF's very last resort) keeps its numbers.
    Then the imported campaign's figure, ``campaign_mark`` after it: "Campagne 2026 : 48 % (38–59 %), n = 63 [1]."."""
    return [(clean_text(comp.with_trend(_numbered(text, ref), mark=lambda r: f" [{sources.ref(r.figure, r.set)}]",
                                        campaign_mark=campaign_mark), 600, one_line=True), ref)
            for comp, text, ref in found]


def _numbered(sentence: str, ref: int) -> str:
    """The sentence with its source's number before the full stop: "…, comme 49 % des communes [3]."."""
    body = sentence.rstrip()
    return f"{body.removesuffix('.')} [{ref}]{'.' if body.endswith('.') else ''}"


def _bare(label: str) -> str:
    """An option label quoted inside a sentence: without its final full stop."""
    return label.rstrip().removesuffix(".").rstrip()


def _next_step(q: Questionnaire, section: Any, assessment: Assessment, answers: Any, lang: str) -> NextStep:
    """The next option up on the question that would raise the dimension most (weight x gap, gap = 1 - v);
    ties go to the question first in the questionnaire. When no scored answer has room, the heaviest
    question left without an answer ("don't know" or none)."""
    label = q.t(section.label, lang)
    contributions = assessment.dimensions[section.id].contributions
    best = None
    for c in contributions:
        question = q.question(c.question)
        if c.status != "scored" or c.v is None or question is None or not question.options or c.v >= 1 - 1e-9:
            continue
        gain = c.weight * (1 - c.v)
        if gain > 1e-12 and (best is None or gain > best[0] + 1e-12):
            best = (gain, question, c.answer)
    if best is not None:
        _gain, question, answer = best
        text = asked(q.t(question.text, lang))
        scores = {o.id: (o.score or 0) for o in question.options}
        if question.type == "multi":
            chosen = set(answer) if isinstance(answer, list) else set()
            left = [o for o in question.options if o.id not in chosen and (o.score or 0) > 0]
            option = max(left, key=lambda o: o.score or 0) if left else None
            if option is not None:
                return NextStep(section.id, label, t("next_step_add", lang, question=text,
                                                         next=_bare(q.t(option.label, lang))))
        else:
            now = scores.get(answer, 0) if isinstance(answer, str) else 0
            up = sorted((o for o in question.options if (o.score or 0) > now), key=lambda o: o.score or 0)
            if up:
                return NextStep(section.id, label, t("next_step", lang, question=text,
                                                     next=_bare(q.t(up[0].label, lang))))
    missing = [c for c in contributions if c.status in ("unknown", "unanswered") and q.question(c.question)]
    if missing:
        heaviest = max(missing, key=lambda c: c.weight)  # max keeps the first of equals
        question = q.question(heaviest.question)
        state = answer_state_label(heaviest.status, lang)  # "Je ne sais pas" said as it was answered
        if heaviest.status != UNANSWERED:
            state = t("quoted_state", lang, state=state)
        return NextStep(section.id, label, t("next_step_answer", lang, question=asked(q.t(question.text, lang)),
                                             state=state))
    return NextStep(section.id, label, t("next_step_top", lang), at_best=True)


def _summary(q: Questionnaire, assessment: Assessment, rows: list[ScoreRow], priorities: list[Priority],
             steps: list[NextStep], lang: str) -> list[tuple[str, str]]:
    """Three lines in words: the strongest dimension, the weakest, the first thing to do."""
    scored = [r for r in rows if r.value is not None]

    def words(r: ScoreRow) -> str:
        return t("summary_dimension", lang, label=r.label, level=r.level, score=r.score)

    out: list[tuple[str, str]] = []
    if not scored:
        out.append((t("summary_weak", lang), t("summary_none", lang)))
    elif len(scored) == 1:  # one dimension is neither a strength nor a weakness: it is all there is
        out.append((t("summary_only", lang),
                    t("summary_only_text", lang, dimension=words(scored[0]), others=len(rows) - 1)))
    else:
        strong = max(scored, key=lambda r: r.value)  # the first of equals, in the questionnaire's order
        weak = min(scored, key=lambda r: r.value)
        if strong.level == weak.level and len(scored) > 1:
            out.append((t("summary_flat", lang), t("summary_even", lang, n=len(scored), level=strong.level)))
        else:
            out.append((t("summary_strong", lang), words(strong)))
        if weak is not strong:
            at_top = assessment.dimensions[weak.dimension_id].level == q.levels[-1].id
            out.append((t("summary_lowest" if at_top else "summary_weak", lang), words(weak)))
    if priorities:
        first = _first_priority(priorities, lang)
    else:
        weakest = min(scored, key=lambda r: r.value).dimension_id if scored else steps[0].dimension_id if steps else ""
        step = next((s for s in steps if s.dimension_id == weakest), None)
        if step is not None and step.at_best:
            # the weakest scored dimension has nothing left to take up, so neither has any scored one: the first
            # step is a dimension still to answer, or none (never a dimension named only for coming first)
            step = next((s for s in steps if not s.at_best), None)
            first = f"{step.label} — {step.text}" if step else t("summary_first_top", lang)
        else:
            first = f"{step.label} — {step.text}" if step else t("summary_none", lang)
    out.append((t("summary_first", lang), first))
    return out


def _first_priority(priorities: list[Priority], lang: str) -> str:
    """The first step among the sheet's priorities: the first, unless it rests only on « je ne sais pas »
    and another rests on what the commune really answered (a Collège reading « Premier pas » takes it as
    the tool's advice, not as a question to check)."""
    n, first = next(((n, p) for n, p in enumerate(priorities, 1) if not p.unsure), (1, priorities[0]))
    return t("summary_first_priority", lang, title=first.title, n=n)


def priority_name(content: SheetContent, level: int) -> str:
    """A recommendation's level as the sheet says it: "Priorité 3 — normale" (a bare "3" says nothing)."""
    names = dict(item.split(" ", 1) for item in content.labels["priority_names"].split("|"))
    return f"{content.labels['priority'].format(n=level)} — {names.get(str(level), '')}".rstrip(" —")
