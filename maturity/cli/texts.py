"""Every text the command line prints for a person to read, in French (first), German and English: one catalog.

``t(key, lang, **values)`` returns the text in ``lang`` (French when the language is not one of fr, de, en), with
French's no-break spaces before ? ! : ; (:func:`maturity.labels.in_lang`), its plural forms chosen
(``{n:# lien|# liens}``, :func:`maturity.display.plural_text`) and its ``{placeholders}`` filled.

What this catalog does not hold:
- the words the app, the sheet or the published report say too (a dimension's « réponses insuffisantes », a
  campaign's table): they are the core's (:mod:`maturity.labels`), read from there;
- the ``--json`` output, the binding form (contract §6, §7), and the problems and warnings on stderr, whose messages
  stay English with their place and ids (contract §6);
- argparse's own help texts (``--help``, usage errors), in English.
A test checks that every key has fr, de and en.
"""

from __future__ import annotations

from ..display import plural_text
from ..labels import SCORE_STATES, in_lang

TEXTS: dict[str, dict[str, str]] = {
    # --- shared by the groups
    # a file a command wrote (the sheet, the plan's CSV, the merge's consensus, a campaign's publication)
    "written": {"fr": "écrit : {path}", "de": "geschrieben: {path}", "en": "written: {path}"},

    # --- score (maturity/cli/assess.py)
    # a dimension's share of usable answers (the app's and the sheet's « Réponses utiles »)
    "score_coverage": {"fr": "{share} de réponses utiles", "de": "{share} nutzbare Antworten",
                       "en": "{share} usable answers"},
    "score_overall": {"fr": "Global", "de": "Gesamt", "en": "Overall"},
    # why a dimension has no score, after the core's « réponses insuffisantes » (maturity.labels.SCORE_STATES)
    "score_too_many_na": {lang: SCORE_STATES["insufficient"][lang] + reason for lang, reason in {
        "fr": " : trop de questions ne s'appliquent pas", "de": ": zu viele Fragen treffen nicht zu",
        "en": ": too many questions do not apply"}.items()},

    # --- sheet (assess.py)
    # the campaign whose published aggregates every sheet of the call compares with (--reference)
    "sheet_reference": {"fr": "référence : {label}", "de": "Vergleichswert: {label}", "en": "reference: {label}"},

    # --- recommendations (maturity/cli/recommendations.py)
    "recs_none": {"fr": "Aucune recommandation ne s'applique.", "de": "Keine Empfehlung trifft zu.",
                  "en": "No recommendation applies."},
    "recs_priority": {"fr": "priorité {n}", "de": "Priorität {n}", "en": "priority {n}"},
    "recs_because": {"fr": "parce que", "de": "weil", "en": "because"},
    "recs_off_sheet": {"fr": "hors de la fiche", "de": "nicht auf dem Blatt", "en": "not on the sheet"},
    "recs_docx_only": {"fr": "dans la fiche modifiable (DOCX), pas dans le PDF",
                       "de": "im bearbeitbaren Blatt (DOCX), nicht im PDF",
                       "en": "in the editable sheet (DOCX), not in the PDF"},
    "recs_shows": {"fr": "Sur la fiche : {pdf} dans le PDF, {docx} dans la version modifiable (DOCX).",
                   "de": "Auf dem Blatt: {pdf} im PDF, {docx} in der bearbeitbaren Fassung (DOCX).",
                   "en": "On the sheet: {pdf} in the PDF, {docx} in the editable version (DOCX)."},

    # --- answers merge (maturity/cli/answers.py)
    "merge_done": {"fr": "Réponses de {n:# répondant|# répondants} réunies ({roles}) : "
                         "{k:# question divergente|# questions divergentes}",
                   "de": "Antworten von {n:# Person|# Personen} zusammengeführt ({roles}): "
                         "{k:# abweichende Frage|# abweichende Fragen}",
                   "en": "merged {n:# respondent|# respondents} ({roles}): {k:# divergent question|# divergent questions}"},
    # a file without respondent.role, by its place in the list (the files keep the core's "respondent N")
    "merge_respondent": {"fr": "répondant {n}", "de": "Person {n}", "en": "respondent {n}"},
    # the divergent questions after the first three, which the report lists
    "merge_more": {"fr": "… et {n:# autre|# autres} : le rapport (--report) les donne toutes",
                   "de": "… und {n:# weitere|# weitere}: der Bericht (--report) nennt alle",
                   "en": "… and {n:# other|# others}: the report (--report) lists them all"},
    # what was carried, not merged (contract §8): each dimension's target, the roadmap whole, with the file it came from
    "merge_targets": {"fr": "objectifs repris", "de": "Ziele übernommen", "en": "targets carried"},
    "merge_roadmap": {"fr": "feuille de route reprise : {n:# action|# actions} ({file})",
                      "de": "Fahrplan übernommen: {n:# Maßnahme|# Maßnahmen} ({file})",
                      "en": "roadmap carried: {n:# action|# actions} ({file})"},

    # --- campaign (maturity/cli/campaign.py); the tables' words the coordinator's page says too are the core's
    # (maturity.labels.CAMPAIGN_WORDS)
    "camp_created": {
        "fr": "Campagne {id} créée : {title} ; questionnaire {questionnaire} ; ouverte du {opens} au {closes} (dernier "
              "jour compris) ; {n} communes à inviter",
        "de": "Kampagne {id} erstellt: {title}; Fragebogen {questionnaire}; offen vom {opens} bis {closes} (letzter "
              "Tag eingeschlossen); {n} Gemeinden einzuladen",
        "en": "campaign {id} created: {title}; questionnaire {questionnaire}; open {opens} to {closes} (last day "
              "included); {n} communes to invite"},
    "camp_none": {"fr": "Aucune campagne pour l'instant (maturity campaign create …)",
                  "de": "Noch keine Kampagne (maturity campaign create …)",
                  "en": "no campaign yet (maturity campaign create …)"},
    "camp_row": {"fr": "{id} : {title} — {questionnaire}, du {opens} au {closes}",
                 "de": "{id}: {title} — {questionnaire}, vom {opens} bis {closes}",
                 "en": "{id}: {title} — {questionnaire}, {opens} to {closes}"},
    "camp_invited": {
        "fr": "{n:# invitation écrite|# invitations écrites} dans {out} ({N} communes au registre le {date}). Chaque lien "
              "ouvre l'espace de sa commune : envoyez-le à cette commune seulement.",
        "de": "{n:# Einladung|# Einladungen} in {out} geschrieben ({N} Gemeinden im Register am {date}). Jeder Link "
              "öffnet den Bereich seiner Gemeinde: Senden Sie ihn nur an diese Gemeinde.",
        "en": "{n:# invitation|# invitations} written to {out} ({N} communes in the registry on {date}). Each link "
              "opens its commune's space: send it to that commune only."},
    "camp_revoked": {
        "fr": "{n:# lien révoqué : il n'ouvre|# liens révoqués : ils n'ouvrent} plus rien, et ce qui est passé par "
              "{n:lui|eux} ne compte plus",
        "de": "{n:# Link zurückgezogen: Er öffnet|# Links zurückgezogen: Sie öffnen} nichts mehr, und was darüber kam, "
              "zählt nicht mehr",
        "en": "{n:# link revoked: it opens|# links revoked: they open} nothing any more, and what came through "
              "{n:it|them} no longer counts"},
    "camp_reissued": {
        "fr": "{n:# nouveau lien écrit|# nouveaux liens écrits} dans {out} ; {n:l'ancien n'ouvre|les anciens n'ouvrent} "
              "plus rien (les brouillons sont gardés ; une réponse envoyée par un ancien lien doit être renvoyée)",
        "de": "{n:# neuer Link|# neue Links} in {out} geschrieben; {n:der alte öffnet|die alten öffnen} nichts mehr "
              "(Entwürfe bleiben erhalten; eine über einen alten Link gesendete Antwort muss erneut gesendet werden)",
        "en": "{n:# new link|# new links} written to {out}; the old {n:one opens|ones open} nothing any more (drafts "
              "are kept; a response sent through an old link must be sent again)"},
    "camp_submitted": {"fr": "{n:# réponse enregistrée|# réponses enregistrées} pour {id} : {files}",
                       "de": "{n:# Antwort|# Antworten} für {id} gespeichert: {files}",
                       "en": "{n:# response|# responses} recorded for {id}: {files}"},
    "camp_head": {"fr": "{id} : {title} (du {opens} au {closes})", "de": "{id}: {title} (vom {opens} bis {closes})",
                  "en": "{id}: {title} ({opens} to {closes})"},
    # communes whose responses count nowhere: no invitation that still works
    "camp_uninvited": {"fr": "non comptées (pas d'invitation valable) : {nis}",
                       "de": "nicht gezählt (keine gültige Einladung): {nis}",
                       "en": "not counted (no live invitation): {nis}"},
    "camp_estimate": {"fr": "Estimation", "de": "Schätzung", "en": "Estimate"},
    "camp_median": {"fr": "Médiane", "de": "Median", "en": "Median"},
    "camp_quartiles": {"fr": "Quartiles", "de": "Quartile", "en": "Quartiles"},
    # the barometer's questions the campaign asked again: its figure, then the barometer's published editions
    "camp_items": {"fr": "Les questions du baromètre : cette campagne, puis les éditions publiées",
                   "de": "Die Fragen des Barometers: diese Kampagne, dann die veröffentlichten Ausgaben",
                   "en": "The barometer's questions: this campaign, then the published editions"},
    "camp_published": {
        "fr": "Rien par commune et aucun groupe de moins de 5 communes dans ces fichiers. Toute installation lit le "
              "YAML avec la commande maturity benchmarks import-aggregates FICHIER",
        "de": "Nichts je Gemeinde und keine Gruppe unter 5 Gemeinden in diesen Dateien. Jede Installation liest die "
              "YAML-Datei mit dem Befehl maturity benchmarks import-aggregates DATEI",
        "en": "Nothing per commune and no group under 5 communes in these files. Any install reads the YAML with: "
              "maturity benchmarks import-aggregates FILE"},

    # --- benchmarks (maturity/cli/benchmarks.py): figure ids, source ids and URLs stay as they are
    # the list's columns
    "bench_col_figure": {"fr": "indicateur", "de": "Kennzahl", "en": "figure"},
    "bench_col_value": {"fr": "valeur", "de": "Wert", "en": "value"},
    "bench_col_kind": {"fr": "nature", "de": "Art", "en": "kind"},
    "bench_col_year": {"fr": "année", "de": "Jahr", "en": "year"},
    "bench_col_n": {"fr": "n", "de": "n", "en": "n"},
    "bench_col_id": {"fr": "id", "de": "ID", "en": "id"},
    "bench_col_source": {"fr": "source", "de": "Quelle", "en": "source"},
    # one word each for the list's 14-wide "kind" column; sentences and the app's and the sheet's tables say the
    # core's words (maturity.benchmarks, FigureRef.kind_text: "estimation, pas une mesure")
    "bench_kind_published": {"fr": "publié", "de": "veröffentlicht", "en": "published"},
    "bench_kind_pooled": {"fr": "mis en commun", "de": "gepoolt", "en": "pooled"},
    "bench_kind_estimate": {"fr": "estimation", "de": "Schätzung", "en": "estimate"},
    "bench_communes": {"fr": "communes", "de": "Gemeinden", "en": "communes"},
    "bench_mean": {"fr": "moyenne", "de": "Mittelwert", "en": "mean"},
    # the open pool gives the mean only: its median and quartiles, compared release after release, could give a
    # commune's score (SECURITY.md); below 10 communes they would be communes' own scores
    "bench_no_quartiles": {"fr": "pas de médiane ni de quartiles pour les chiffres ouverts",
                           "de": "kein Median und keine Quartile für die offenen Zahlen",
                           "en": "no median or quartiles for the open figures"},
    "bench_imported": {"fr": "{count} lignes importées comme données mises en commun (source : {source})",
                       "de": "{count} Zeilen als gepoolte Daten importiert (Quelle: {source})",
                       "en": "{count} rows imported as pooled data (source: {source})"},
    # a campaign's aggregates imported (or replacing the same campaign's): the sentence around its label
    "bench_campaign_imported": {"fr": "importé", "de": "importiert", "en": "imported"},
    "bench_campaign_replaced": {"fr": "remplacé", "de": "ersetzt", "en": "replaced"},
    "bench_campaign_reference": {
        "fr": "{done} : {label} — désormais le repère wallon du radar de chaque commune (les bilans partagés "
              "restent, marqués non vérifiés, là seulement où la campagne ne publie rien)",
        "de": "{done}: {label} — ab jetzt der wallonische Vergleichswert im Radar jeder Gemeinde (die "
              "geteilten Bewertungen bleiben, als nicht geprüft gekennzeichnet, nur wo die Kampagne nichts "
              "veröffentlicht)",
        "en": "{done}: {label} — from now on the Walloon reference of every commune's radar (the open pool "
              "stays, labelled unverified, only where the campaign publishes nothing)"},
    # the open pool's entries that wait for the admin's confirmation: in no figure the command prints
    "bench_pending": {
        "fr": "{n:# entrée partagée attend|# entrées partagées attendent} la confirmation de l'administrateur "
              "(page Administration) : {n:elle ne compte|elles ne comptent} dans aucun chiffre ci-dessous.",
        "de": "{n:# geteilter Eintrag wartet|# geteilte Einträge warten} auf die Bestätigung durch den "
              "Administrator (Seite Verwaltung): {n:er zählt|sie zählen} in keiner Zahl unten.",
        "en": "{n:# shared entry waits|# shared entries wait} for the administrator's confirmation "
              "(Administration page): {n:it counts|they count} in no figure below."},

    # --- plan (maturity/cli/plan.py): the Markdown's headings; the table's are the core's (maturity.plan)
    "plan_targets": {"fr": "Objectifs", "de": "Ziele", "en": "Targets"},
    "plan_roadmap": {"fr": "Feuille de route", "de": "Fahrplan", "en": "Roadmap"},
    "plan_empty": {"fr": "Aucune action dans la feuille de route.", "de": "Noch keine Maßnahme im Fahrplan.",
                   "en": "No action in the roadmap yet."},
}


def t(key: str, lang: str, **values: object) -> str:
    """The text ``key`` in ``lang`` (French when the language is not one of fr, de, en), plural forms chosen and
    ``{placeholders}`` filled; French with its no-break spaces before ? ! : ;."""
    text = in_lang(TEXTS[key], lang)
    return plural_text(text, lang, values).format(**values) if values else text
