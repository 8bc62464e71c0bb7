"""Every text of the web app, in French (first), German and English.

``tr(key, lang, **values)`` returns the text in ``lang`` (French when missing) with
``{placeholders}`` filled. A test checks that every key has fr, de and en.
Texts of the questionnaire itself live in its YAML file, not here.
"""

from __future__ import annotations

from maturity.display import plural_text
from maturity.labels import (
    ANSWER_STATES,
    CAMPAIGN_WORDS,
    FIGURE_WORDS,
    PHRASES,
    RESULTS_WORDS,
    SCORE_STATES,
    TEAM_WORDS,
    in_lang,
)
from maturity.special import NA, UNKNOWN

LANGS = ("fr", "de", "en")
LANG_NAMES = {"fr": "Français", "de": "Deutsch", "en": "English"}

TEXTS: dict[str, dict[str, str]] = {
    # --- answering as a team (issue 13; page equipe.py, member links, results)
    "nav_team": {"fr": "Équipe", "de": "Team", "en": "Team"},
    "team_title": {"fr": "Répondre en équipe : {name}", "de": "Im Team antworten: {name}",
                   "en": "Answer as a team: {name}"},
    "team_intro": {
        "fr": "Personne ne connaît seul les six dimensions. Invitez vos collègues : chacun reçoit son propre "
        "lien et répond de son côté, à tout le questionnaire ou aux seules parties qu'il connaît. Leurs "
        "divergences apparaissent ensuite ci-dessous, et vous arrêtez ensemble la réponse finale, "
        "qui est celle de l'évaluation de la commune. Vos propres réponses, données dans le questionnaire, "
        "entrent dans la comparaison comme un point de vue de plus.",
        "de": "Niemand kennt allein alle sechs Dimensionen. Laden Sie Ihre Kolleginnen und Kollegen ein: Jede "
        "Person erhält einen eigenen Link und antwortet für sich, auf den ganzen Fragebogen oder nur auf die "
        "Teile, die sie kennt. Ihre Abweichungen erscheinen dann unten, und Sie legen gemeinsam die endgültige "
        "Antwort fest, die der Bewertung der Gemeinde. Ihre eigenen Antworten im Fragebogen gehen als eine "
        "Sichtweise mehr in den Vergleich ein.",
        "en": "No one knows all six dimensions alone. Invite your colleagues: each gets a link of their own and "
        "answers on their own, the whole questionnaire or only the parts they know. Where they differ then "
        "shows below, and you settle the final answer together: the commune's assessment. "
        "Your own answers, given in the questionnaire, enter the comparison as one more view.",
    },
    "team_invite_header": {"fr": "Inviter un collègue", "de": "Eine Kollegin, einen Kollegen einladen",
                           "en": "Invite a colleague"},
    "team_invite_help": {
        "fr": "Le lien ouvre uniquement les réponses de ce collègue : jamais celles des autres, ni les résultats.",
        "de": "Der Link öffnet nur die Antworten dieser Person: nie die der anderen, nie die Ergebnisse.",
        "en": "The link opens this colleague's own answers only: never the others', nor the results.",
    },
    "team_role_label": {"fr": "Rôle (texte libre)", "de": "Rolle (freier Text)", "en": "Role (free text)"},
    "team_role_placeholder": {
        "fr": "échevin, directeur général, chef de projet, CPAS, mobilité…",
        "de": "Schöffe, Generaldirektor, Projektleitung, ÖSHZ, Mobilität…",
        "en": "alderman, director general, project lead, CPAS, mobility…",
    },
    "team_sections_label": {"fr": "Parties proposées (vide : tout le questionnaire)",
                            "de": "Vorgeschlagene Teile (leer: der ganze Fragebogen)",
                            "en": "Parts suggested (empty: the whole questionnaire)"},
    "team_all_sections": {"fr": "tout le questionnaire", "de": "der ganze Fragebogen", "en": "the whole questionnaire"},
    "team_invite_button": {"fr": "Créer son lien", "de": "Link erstellen", "en": "Create their link"},
    "team_role_missing": {"fr": "Indiquez le rôle de ce collègue.", "de": "Geben Sie die Rolle an.",
                          "en": "Give this colleague's role."},
    "team_full": {
        "fr": "Aucun lien n'a été créé : l'équipe compte déjà {n} collègues, le maximum. Retirez un collègue "
              "qui n'a plus à répondre («\u00a0Retirer un collègue\u00a0», plus bas) pour en inviter un autre.",
        "de": "Es wurde kein Link erstellt: Das Team hat bereits {n} Personen, das Maximum. Entfernen Sie eine Person, "
              "die nicht mehr antworten muss („Eine Person entfernen“, weiter unten), um eine andere einzuladen.",
        "en": "No link was created: the team already has {n} colleagues, the most it can have. Remove a colleague who "
              "no longer needs to answer (“Remove a colleague”, further down) to invite another.",
    },
    "team_link_ready": {"fr": "Lien créé pour «\u00a0{role}\u00a0». Envoyez-le-lui :", "de": "Link für „{role}“ erstellt. Senden Sie ihn:",
                        "en": "Link created for “{role}”. Send it to them:"},
    "team_link_once": {
        "fr": "Ce lien n'est montré qu'une fois (seule son empreinte est conservée). Perdu ? « Nouveau lien pour "
        "un collègue », plus bas, en crée un autre : ses réponses restent.",
        "de": "Dieser Link wird nur einmal angezeigt (nur sein Fingerabdruck wird gespeichert). Verloren? „Neuer Link "
        "für eine Person“ weiter unten erstellt einen anderen: Die Antworten bleiben erhalten.",
        "en": "This link is shown once only (only its fingerprint is kept). Lost? “New link for a colleague”, below, "
        "makes another: their answers stay.",
    },
    "team_members_header": {"fr": "L'équipe", "de": "Das Team", "en": "The team"},
    "team_none": {"fr": "Personne n'est encore invité.", "de": "Noch niemand ist eingeladen.",
                  "en": "No one is invited yet."},
    "team_col_role": {"fr": "Rôle", "de": "Rolle", "en": "Role"},
    "team_col_sections": {"fr": "Parties", "de": "Teile", "en": "Parts"},
    "team_col_given": {"fr": "Réponses données", "de": "Gegebene Antworten", "en": "Answers given"},
    "team_col_saved": {"fr": "Dernier enregistrement", "de": "Zuletzt gespeichert", "en": "Last saved"},
    "team_col_answer": {"fr": "Réponse", "de": "Antwort", "en": "Answer"},
    # the holder's row in the meeting: the assessment's answer, the final one (decided here, or her own)
    "team_final_mark": {"fr": "{answer} (finale)", "de": "{answer} (endgültig)", "en": "{answer} (final)"},
    "team_col_note": {"fr": "Note", "de": "Notiz", "en": "Note"},
    "team_col_spread": {"fr": "Écart (points)", "de": "Abstand (Punkte)", "en": "Spread (points)"},
    "team_reissue_header": {"fr": "Nouveau lien pour un collègue", "de": "Neuer Link für eine Person",
                            "en": "New link for a colleague"},
    "team_reissue_help": {"fr": "Pour un collègue qui a perdu son lien : ses réponses sont gardées, l'ancien lien ne "
                                "fonctionnera plus.",
                          "de": "Für eine Person, die ihren Link verloren hat: Ihre Antworten bleiben erhalten, der alte "
                                "Link funktioniert nicht mehr.",
                          "en": "For a colleague who lost their link: their answers are kept, the old link will no "
                                "longer work."},
    "team_reissue_once": {"fr": "Ce lien n'est montré qu'une fois ; l'ancien n'ouvre plus rien.",
                          "de": "Dieser Link wird nur einmal angezeigt; der alte öffnet nichts mehr.",
                          "en": "This link is shown once only; the old one opens nothing any more."},
    "team_reissue_button": {"fr": "Créer un nouveau lien", "de": "Neuen Link erstellen", "en": "Make a new link"},
    "team_remove_header": {"fr": "Retirer un collègue", "de": "Eine Person entfernen", "en": "Remove a colleague"},
    "team_remove_label": {"fr": "Collègue", "de": "Person", "en": "Colleague"},
    "team_remove_confirm": {"fr": "Ses réponses seront effacées et son lien ne fonctionnera plus.",
                            "de": "Die Antworten werden gelöscht und der Link funktioniert nicht mehr.",
                            "en": "Their answers will be erased and their link will stop working."},
    "team_remove_button": {"fr": "Retirer", "de": "Entfernen", "en": "Remove"},
    "team_meeting_header": {"fr": "Réunion de consensus", "de": "Konsenssitzung", "en": "Consensus meeting"},
    "team_meeting_empty": {
        "fr": "Dès qu'un collègue aura répondu, ses réponses et les divergences apparaîtront ici.",
        "de": "Sobald eine Person geantwortet hat, erscheinen hier ihre Antworten und die Abweichungen.",
        "en": "As soon as a colleague has answered, their answers and the differences show here.",
    },
    "team_metric_people": {"fr": "Répondants", "de": "Antwortende", "en": "Respondents"},
    "team_metric_people_help": {"fr": "Vous compris : vos propres réponses sont un point de vue parmi ceux de l'équipe.",
                                "de": "Sie selbst mitgezählt: Ihre eigenen Antworten sind eine Sichtweise unter denen "
                                "des Teams.",
                                "en": "You included: your own answers are one view among the team's."},
    "team_metric_divergent": {"fr": "Questions divergentes", "de": "Abweichende Fragen", "en": "Divergent questions"},
    "team_metric_decided": {"fr": "Réponses finales", "de": "Endgültige Antworten", "en": "Final answers"},
    "team_metric_decided_help": {
        "fr": "Parmi les questions auxquelles au moins un collègue a répondu, celles qui ont déjà leur réponse finale.",
        "de": "Von den Fragen, die mindestens eine Kollegin oder ein Kollege beantwortet hat, die mit endgültiger Antwort.",
        "en": "Of the questions at least one colleague answered, those that already have their final answer.",
    },
    "team_meeting_help": {
        "fr": "Une question diverge quand les réponses sont éloignées d'au moins la moitié de l'échelle, ou quand "
        "certains disent «\u00a0ne s'applique pas\u00a0» et d'autres répondent. La proposition est prudente : la réponse du "
        "milieu des réponses des collègues, la plus basse en cas d'égalité (pour un frein, le plus fort). Vos propres réponses (ligne «\u00a0Vous\u00a0») "
        "comptent pour l'écart, comme un point de vue de plus. Choisissez la réponse finale ou gardez la proposition. "
        "Une réponse déjà donnée dans le bilan (la vôtre, si vous avez répondu vous-même) reste la réponse finale "
        "tant que vous n'en choisissez pas une autre ici.",
        "de": "Eine Frage weicht ab, wenn die Antworten mindestens eine halbe Skala auseinanderliegen oder wenn "
        "einige „trifft nicht zu“ sagen und andere antworten. Der Vorschlag ist vorsichtig: die mittlere Antwort "
        "der Eingeladenen, bei Gleichstand die niedrigere (bei einem Hemmnis das stärkere). Ihre eigenen Antworten (Zeile „Sie selbst“) zählen für "
        "den Abstand als eine Sichtweise mehr. Wählen Sie die endgültige Antwort oder behalten Sie den Vorschlag. Eine "
        "Antwort, die schon in der Bewertung steht (Ihre eigene, wenn Sie selbst geantwortet haben), bleibt die "
        "endgültige, bis Sie hier eine andere wählen.",
        "en": "A question diverges when answers are at least half the scale apart, or when some say “does not "
        "apply” while others answer. The proposal is prudent: the colleagues' middle answer, the lower one on a "
        "tie (for an obstacle, the bigger one). Your own answers (the “You” row) count in the spread as one more view. Pick the final answer or keep the proposal. An answer already in the assessment (yours, if you answered "
        "yourself) stays the final one until you pick another here.",
    },
    "team_apply_all": {"fr": "Garder toutes les propositions pas encore décidées",
                       "de": "Alle noch offenen Vorschläge übernehmen", "en": "Keep every proposal not yet decided"},
    # a colleague's note went onto the Collège's sheet with « Garder toutes les propositions », though the colleague
    # was told only the holder sees it (fresh-eyes trial, Ciney): kept one question at a time, saying where it goes
    "team_keep_notes": {"fr": "Reprendre {n:cette note|ces notes} dans la fiche du Collège",
                        "de": "{n:Diese Notiz|Diese Notizen} in das Blatt für das Gemeindekollegium übernehmen",
                        "en": "Put {n:this note|these notes} on the Collège's sheet"},
    "team_keep_notes_help": {
        "fr": "{n:La note devient|Les notes deviennent} une remarque de la commune, précédée du rôle de son auteur, "
        "dans la fiche remise au Collège (versions Word et Markdown). Sans ce clic, les notes des collègues "
        "restent sur cette page.",
        "de": "{n:Die Notiz wird|Die Notizen werden} zu einer Anmerkung der Gemeinde, mit der Rolle der Person "
        "davor, im Blatt für das Gemeindekollegium (Word- und Markdown-Fassung). Ohne diesen Klick bleiben die "
        "Notizen der Eingeladenen auf dieser Seite.",
        "en": "{n:The note becomes|The notes become} one of the commune's notes, after its author's role, on the "
        "sheet for the Collège (Word and Markdown versions). Without this click the colleagues' notes stay on this "
        "page.",
    },
    "team_replace_header": {
        "fr": "{n:# réponse finale diffère|# réponses finales diffèrent} de la proposition de l'équipe",
        "de": "{n:# endgültige Antwort weicht|# endgültige Antworten weichen} vom Vorschlag des Teams ab",
        "en": "{n:# final answer differs|# final answers differ} from the team's proposal",
    },
    "team_replace_help": {
        "fr": "{n:Cette réponse était|Ces réponses étaient} déjà dans le bilan ({n:souvent la vôtre, donnée|souvent les vôtres, données} "
        "avant d'inviter vos collègues). {n:Elle reste la réponse finale|Elles restent les réponses finales}, sauf si vous préférez les propositions de l'équipe : cochez puis "
        "remplacez. Vous pourrez encore changer chaque réponse ici ou dans le questionnaire.",
        "de": "{n:Diese Antwort stand|Diese Antworten standen} schon in der Bewertung (oft Ihre {n:eigene|eigenen}, gegeben "
        "bevor Sie Ihr Team eingeladen haben). {n:Sie bleibt die endgültige|Sie bleiben die endgültigen}, außer Sie ziehen die Vorschläge des Teams vor: ankreuzen "
        "und ersetzen. Jede Antwort können Sie danach hier oder im Fragebogen noch ändern.",
        "en": "{n:This answer was|These answers were} already in the assessment (often yours, given before you invited "
        "your colleagues). {n:It stays the final answer|They stay the final answers} unless you prefer the team's proposals: tick, then replace. You can still "
        "change each answer here or in the questionnaire.",
    },
    "team_replace_sure": {
        "fr": "Remplacer {n:cette réponse|ces # réponses} par {n:la proposition|les propositions} de l'équipe",
        "de": "{n:Diese Antwort|Diese # Antworten} durch {n:den Vorschlag|die Vorschläge} des Teams ersetzen",
        "en": "Replace {n:this answer|these # answers} with the team's {n:proposal|proposals}",
    },
    "team_replace_button": {"fr": "Remplacer", "de": "Ersetzen", "en": "Replace"},
    "team_show_all": {"fr": "Montrer aussi les questions sur lesquelles l'équipe s'accorde",
                      "de": "Auch die Fragen zeigen, bei denen das Team übereinstimmt",
                      "en": "Also show the questions the team agrees on"},
    # what "divergence" means above, not "the team agrees on every question": Amel's Schöffe read that beside « 7 de
    # vos propres réponses diffèrent pourtant des propositions », his answers one step from the Generaldirektor's
    # (fresh-eyes trial 15)
    "team_no_divergence": {"fr": "Aucune divergence : sur chaque question, les réponses sont à moins d'une "
                           "demi-échelle les unes des autres.",
                           "de": "Keine Abweichung: Bei jeder Frage liegen die Antworten weniger als eine halbe Skala "
                           "auseinander.",
                           "en": "No divergence: on every question, the answers are less than half a scale apart."},
    # colleagues who each answered other parts (Eupen: economy… for one, mobility… for the other) compared
    # nothing, and the holder's own answers, 25 points away, stayed out of sight: "the team agrees on every
    # question" claimed too much (fresh-eyes trial 8)
    "team_no_overlap": {
        "fr": "Aucune question n'a reçu deux réponses (les vôtres comprises) : rien à comparer. Les réponses des "
        "collègues sont les propositions.",
        "de": "Keine Frage wurde zweimal beantwortet (Ihre eigenen Antworten mitgezählt): Es gibt nichts zu "
        "vergleichen. Die Antworten der Eingeladenen sind die Vorschläge.",
        "en": "No question got two answers (yours included): nothing to compare. The colleagues' answers are "
        "the proposals.",
    },
    "team_own_differ": {
        "fr": "{n:# de vos propres réponses diffère|# de vos propres réponses diffèrent} pourtant des "
        "propositions : voyez «\u00a0réponses finales\u00a0» ci-dessus.",
        "de": "{n:# Ihrer eigenen Antworten weicht|# Ihrer eigenen Antworten weichen} jedoch von den "
        "Vorschlägen ab: siehe „endgültige Antworten“ oben.",
        "en": "{n:# of your own answers differs|# of your own answers differ} from the proposals, though: see "
        "“final answers” above.",
    },
    "team_one_respondent": {
        "fr": "Un seul collègue a répondu : rien à comparer encore entre collègues. Ses réponses sont les "
        "propositions ; les divergences apparaîtront ici dès qu'un deuxième aura répondu.",
        "de": "Erst eine Person aus dem Team hat geantwortet: unter den Eingeladenen noch nichts zu vergleichen. Die "
        "Antworten dieser Person sind die Vorschläge; "
        "Abweichungen erscheinen hier, sobald eine zweite Person geantwortet hat.",
        "en": "Only one colleague has answered: nothing to compare between colleagues yet. Their answers are the "
        "proposals; divergences will show here once a second colleague has answered.",
    },
    "team_divergent": {"fr": "divergente", "de": "abweichend", "en": "divergent"},
    "team_agreed": {"fr": "accord", "de": "Übereinstimmung", "en": "agreed"},
    # a question one colleague alone answered: nobody to agree with (« accord · écart de 0 point » said otherwise)
    "team_single_answer": {"fr": "un seul collègue a répondu : rien à comparer",
                           "de": "nur eine Person hat geantwortet: nichts zu vergleichen",
                           "en": "one colleague alone answered: nothing to compare"},
    "team_spread": TEAM_WORDS["spread"],  # the core's (maturity.labels), as `maturity answers merge` says it
    "team_spread_none": TEAM_WORDS["spread_none"],
    # what the proposal is, said where it is read: the lower of two colleagues' answers read as « the team's »
    # when one person alone gave it (fresh-eyes trial 10)
    "team_proposal": {"fr": "Proposition prudente (la réponse du milieu des collègues, la plus basse à égalité) : "
                            "**{answer}**",
                      "de": "Vorsichtiger Vorschlag (die mittlere Antwort der Eingeladenen, bei Gleichstand die "
                            "niedrigere): **{answer}**",
                      "en": "Prudent proposal (the colleagues' middle answer, the lower one on a tie): **{answer}**"},
    # an obstacle: the lower of two answers hid the obstacle a colleague saw, and the recommendation it brings
    # (fresh-eyes trial 13: « Pas un frein » proposed where the DG said the budget is a major one)
    "team_proposal_obstacle": {"fr": "Proposition prudente (la réponse du milieu des collègues, le frein le plus fort à "
                                     "égalité) : **{answer}**",
                               "de": "Vorsichtiger Vorschlag (die mittlere Antwort der Eingeladenen, bei Gleichstand das "
                                     "stärkere Hemmnis): **{answer}**",
                               "en": "Prudent proposal (the colleagues' middle answer, the bigger obstacle on a tie): "
                                     "**{answer}**"},
    "team_final_label": {"fr": "Réponse finale", "de": "Endgültige Antwort", "en": "Final answer"},
    "team_final_is": {"fr": "Réponse finale : **{answer}**", "de": "Endgültige Antwort: **{answer}**",
                      "en": "Final answer: **{answer}**"},
    "team_keep": {"fr": "Garder la proposition", "de": "Vorschlag übernehmen", "en": "Keep the proposal"},
    "team_reason_label": {"fr": "Pourquoi ce choix (facultatif)", "de": "Warum diese Wahl (freiwillig)",
                          "en": "Why this choice (optional)"},
    # the final answer changed on the questionnaire after the meeting gave it a reason (contract §8 ``kept``)
    "team_reason_changed": {
        "fr": "La réponse finale a changé depuis la réunion, qui avait retenu «\u00a0{answer}\u00a0» pour cette raison : "
        "{reason}. La fiche remise au Collège dit ce changement, sans cette raison. Une raison tapée ici sera celle "
        "de la réponse actuelle.",
        "de": "Die endgültige Antwort wurde seit der Besprechung geändert; dort wurde „{answer}“ aus diesem Grund "
        "übernommen: {reason}. Das Blatt für das Gemeindekollegium nennt die Änderung, ohne diesen Grund. Ein hier "
        "eingegebener Grund gilt für die aktuelle Antwort.",
        "en": "The final answer was changed since the meeting, which kept “{answer}” for this reason: {reason}. "
        "The sheet for the Collège says it changed, without that reason. A reason typed here is the current "
        "answer's.",
    },
    # a reason stored when the field took 2,000 characters, longer than the contract's 500 (§8)
    "team_reason_too_long": {
        "fr": "Cette raison a été écrite quand la limite était plus haute : elle compte {count} caractères. Le fichier "
        "de réponses et la fiche n'en gardent que le début, {max} caractères terminés par «\u00a0…\u00a0». "
        "Raccourcissez-la ici à {max} caractères au plus. Tant que vous ne la changez pas, elle reste entière dans "
        "le bilan.",
        "de": "Dieser Grund wurde geschrieben, als die Grenze höher lag: Er hat {count} Zeichen. Die Antwortdatei und "
        "das Blatt enthalten nur seinen Anfang, {max} Zeichen mit „…“ am Ende. Kürzen Sie ihn hier auf höchstens "
        "{max} Zeichen. Solange Sie ihn nicht ändern, bleibt er vollständig gespeichert.",
        "en": "This reason was written when the limit was higher: it has {count} characters. The answers file and "
        "the sheet keep only its beginning, {max} characters ending in “…”. Shorten it here to {max} characters at "
        "most. Until you change it, it stays whole in the assessment.",
    },
    "team_to_results": {"fr": "Voir les résultats de l'équipe", "de": "Ergebnisse des Teams ansehen",
                        "en": "See the team's results"},
    "team_member_banner": {
        "fr": "Vous répondez en tant {fr_que}**{role}** pour {name}. Vos réponses et vos notes sont enregistrées au fur "
        "et à mesure ; seule la personne qui vous a envoyé ce lien les voit, pour la réunion de consensus. Une note "
        "n'entre dans la fiche remise au Collège que si cette personne l'y reprend.",
        "de": "Sie antworten als **{role}** für {name}. Ihre Antworten und Notizen werden laufend gespeichert; nur "
        "die Person, die Sie eingeladen hat, sieht sie, für die Konsenssitzung. Eine Notiz kommt nur in das Blatt "
        "für das Gemeindekollegium, wenn diese Person sie übernimmt.",
        "en": "You are answering as **{role}** for {name}. Your answers and notes are saved as you go; only the "
        "person who invited you sees them, for the consensus meeting. A note goes on the sheet for the Collège "
        "only if that person puts it there.",
    },
    "team_member_link": {"fr": "Votre lien personnel (pour reprendre plus tard)",
                         "de": "Ihr persönlicher Link (um später weiterzumachen)",
                         "en": "Your own link (to carry on later)"},
    "team_member_sections": {"fr": "Les parties auxquelles je réponds", "de": "Die Teile, auf die ich antworte",
                             "en": "The parts I answer"},
    "team_member_only": {
        "fr": "Ce lien sert à répondre au questionnaire. Les résultats de l'équipe sont montrés à la personne "
        "qui vous a envoyé ce lien.",
        "de": "Dieser Link dient zum Beantworten des Fragebogens. Die Ergebnisse des Teams sieht die Person, "
        "die Sie eingeladen hat.",
        "en": "This link is for answering the questionnaire. The team's results are shown to the person who "
        "invited you.",
    },
    "team_member_unknown": {
        "fr": "Ce lien de collègue ne correspond à aucune équipe (lien erroné, ou vous avez été retiré de l'équipe).",
        "de": "Dieser Link passt zu keinem Team (falscher Link, oder Sie wurden aus dem Team entfernt).",
        "en": "This colleague link matches no team (wrong link, or you were removed from the team).",
    },
    "series_respondent": {"fr": "{role} (réponses propres)", "de": "{role} (eigene Antworten)",
                          "en": "{role} (own answers)"},
    "kind_respondent": {"fr": "répondant de l'équipe", "de": "Teammitglied", "en": "team respondent"},
    "series_note_respondent": {"fr": "les réponses de ce seul répondant, avant le consensus",
                               "de": "die Antworten dieser einen Person, vor dem Konsens",
                               "en": "this respondent's own answers, before the consensus"},
    "team_results_header": {"fr": "Les points de vue de l'équipe", "de": "Die Sichtweisen des Teams",
                            "en": "The team's points of view"},
    "team_results_caption": {
        "fr": "Score de chaque dimension selon les seules réponses de chaque répondant (par rôle), et l'écart "
        "entre le plus haut et le plus bas. Un grand écart est un sujet pour le Collège.",
        "de": "Wert jeder Dimension nach den Antworten jeder einzelnen Person (nach Rolle) und der Abstand zwischen "
        "dem höchsten und dem niedrigsten. Ein großer Abstand ist ein Thema für das Gemeindekollegium.",
        "en": "Each dimension's score on each respondent's own answers (by role), and the spread between the "
        "highest and the lowest. A wide spread is a topic for the Collège.",
    },
    # the holder's own column in the spread table (the assessment's answers: their own and the meeting's final
    # ones), named as the sheet names the holder, their role first (Eupen's Schöffe found his 50 nowhere beside
    # his Generaldirektor's 25: closing review 7)
    "team_holder": {"fr": "Vous", "de": "Sie selbst", "en": "You"},
    # the holder without a role, in the divergent questions the draft keeps for the sheet's topics
    "team_holder_unnamed": {"fr": "responsable du bilan", "de": "Verantwortliche Person der Bewertung",
                            "en": "assessment lead"},
    # Gesves's échevine answered all 57 questions, her directrice générale 19: the sheet said « Réponses d'une
    # équipe : directrice générale », the holder's role being asked nowhere (fresh-eyes trial 9)
    "team_own_role_label": {"fr": "Votre propre rôle (facultatif)", "de": "Ihre eigene Rolle (freiwillig)",
                            "en": "Your own role (optional)"},
    "team_own_role_help": {
        "fr": "Vous répondez aussi ? La fiche nomme alors votre rôle avant ceux de l'équipe (« Réponses d'une "
        "équipe : échevine, directrice générale »), et le tableau de l'équipe sur la page des résultats aussi.",
        "de": "Sie antworten auch? Dann nennt das Blatt Ihre Rolle vor denen des Teams („Antworten eines Teams: "
        "Schöffin, Generaldirektor“), ebenso die Tabelle des Teams auf der Ergebnisseite.",
        "en": "Answering too? The sheet then names your role before the team's (“Answered by a team: alderwoman, "
        "director general”), and so does the team's table on the results page.",
    },
    # the same field on the Recommandations page, above the downloads (fresh-eyes trial 14)
    "sheet_role_label": {"fr": "Votre rôle, nommé sur la fiche (facultatif)",
                         "de": "Ihre Rolle, auf dem Blatt genannt (freiwillig)",
                         "en": "Your role, named on the sheet (optional)"},
    "sheet_role_help": {
        "fr": "Par exemple «\u00a0échevin du numérique\u00a0» : la fiche l'écrit sous son titre («\u00a0Répondant : "
        "échevin du numérique\u00a0») ; en équipe, avant les rôles de vos collègues. Votre rôle, jamais votre nom.",
        "de": "Zum Beispiel „Schöffe für Digitales“: Das Blatt nennt sie unter seinem Titel („Ausgefüllt von: "
        "Schöffe für Digitales“), im Team vor den Rollen Ihrer Kolleginnen und Kollegen. Ihre Rolle, nie Ihr Name.",
        "en": "For instance “alderman for digital affairs”: the sheet gives it under its title (“Answered by: "
        "alderman for digital affairs”), in a team before your colleagues' roles. Your role, never your name.",
    },
    "team_holder_role": {"fr": "Vous ({role})", "de": "Sie selbst ({role})", "en": "You ({role})"},
    "team_results_holder": {
        "fr": "«\u00a0{name}\u00a0» : les réponses de l'évaluation elle-même, les vôtres et les réponses finales arrêtées "
        "en réunion.",
        "de": "„{name}“: die Antworten der Bewertung selbst, Ihre eigenen und die in der Sitzung festgelegten "
        "endgültigen.",
        "en": "“{name}”: the assessment's own answers, yours and the final answers settled at the meeting.",
    },
    # --- shell and navigation
    # the browser tab: the page, then the tool (in the page's language)
    "tab_title": {"fr": "{page} — Auto-évaluation Smart City", "de": "{page} — Smart-City-Selbstbewertung",
                  "en": "{page} — Smart City self-assessment"},
    # Streamlit's own "Skip to main content" link (keyboard users), replaced in the page's language
    "st_skip": {"fr": "Aller au contenu principal", "de": "Zum Hauptinhalt springen", "en": "Skip to main content"},
    # the name a screen reader gives a field's help icon (Streamlit's own: "Help for Budget"); {label}: the field's
    "st_help_for": {"fr": "Aide : {label}", "de": "Hilfe: {label}", "en": "Help for {label}"},
    "st_help": {"fr": "Aide", "de": "Hilfe", "en": "Help"},
    # the names a screen reader gives Streamlit's own controls (English in every language: "Expand sidebar"), each
    # renamed in the page's language; the English text is Streamlit's own, by which the control is found
    "st_sidebar": {"fr": "Menu", "de": "Menü", "en": "Sidebar"},
    "st_sidebar_expand": {"fr": "Ouvrir le menu", "de": "Menü öffnen", "en": "Expand sidebar"},
    "st_sidebar_collapse": {"fr": "Fermer le menu", "de": "Menü schließen", "en": "Collapse sidebar"},
    "st_heading_link": {"fr": "Lien vers ce titre", "de": "Link zu dieser Überschrift", "en": "Link to heading"},
    "st_download_png": {"fr": "Télécharger en image PNG", "de": "Als PNG-Bild herunterladen", "en": "Download as PNG"},
    "st_copy_spec": {"fr": "Copier la définition du graphique (Vega-Lite)",
                     "de": "Definition der Grafik kopieren (Vega-Lite)", "en": "Copy Vega-Lite spec"},
    "st_fullscreen": {"fr": "Plein écran", "de": "Vollbild", "en": "Fullscreen"},
    "st_close_fullscreen": {"fr": "Quitter le plein écran", "de": "Vollbild beenden", "en": "Close fullscreen"},
    "st_add_row": {"fr": "Ajouter une ligne", "de": "Zeile hinzufügen", "en": "Add row"},
    "st_columns": {"fr": "Afficher ou masquer des colonnes", "de": "Spalten ein- oder ausblenden",
                   "en": "Show/hide columns"},
    "st_download_csv": {"fr": "Télécharger en tableur CSV", "de": "Als CSV-Tabelle herunterladen",
                        "en": "Download as CSV"},
    "st_search": {"fr": "Rechercher", "de": "Suchen", "en": "Search"},
    # a number field's − and + (the targets' years, the roadmap's year on a phone, a numeric answer)
    "st_decrement": {"fr": "Diminuer", "de": "Verringern", "en": "Decrement"},
    "st_increment": {"fr": "Augmenter", "de": "Erhöhen", "en": "Increment"},
    "app_title": {
        "fr": "Smart City : l'auto-évaluation des communes wallonnes",
        "de": "Smart City: die Selbstbewertung der wallonischen Gemeinden",
        "en": "Smart City: the self-assessment of Walloon communes",
    },
    "lang_label": {"fr": "Langue", "de": "Sprache", "en": "Language"},
    "nav_home": {"fr": "Accueil", "de": "Start", "en": "Home"},
    "nav_questionnaire": {"fr": "Questionnaire", "de": "Fragebogen", "en": "Questionnaire"},
    "nav_results": {"fr": "Résultats", "de": "Ergebnisse", "en": "Results"},
    "nav_recommendations": {"fr": "Recommandations", "de": "Empfehlungen", "en": "Recommendations"},
    "nav_wallonia": {"fr": "Wallonie", "de": "Wallonie", "en": "Wallonia"},
    "nav_admin": {"fr": "Administration", "de": "Verwaltung", "en": "Administration"},
    "nav_section_assessment": {"fr": "Votre bilan", "de": "Ihre Bewertung", "en": "Your assessment"},
    "nav_section_public": {"fr": "Pour tous", "de": "Für alle", "en": "For everyone"},
    "sidebar_commune": {"fr": "Commune : **{name}**", "de": "Gemeinde: **{name}**", "en": "Commune: **{name}**"},
    "no_questionnaire": {
        "fr": "Le questionnaire n'a pas pu être chargé. Prévenez l'administrateur du service.",
        "de": "Der Fragebogen konnte nicht geladen werden. Bitte benachrichtigen Sie den Administrator.",
        "en": "The questionnaire could not be loaded. Please tell the service administrator.",
    },
    "storage_missing": {
        "fr": "L'enregistrement des réponses n'est pas disponible sur ce serveur : vos réponses seront "
        "perdues en fermant l'onglet. Téléchargez le fichier de réponses avant de partir.",
        "de": "Das Speichern der Antworten ist auf diesem Server nicht verfügbar: Ihre Antworten gehen beim "
        "Schließen des Tabs verloren. Laden Sie vorher die Antwortdatei herunter.",
        "en": "Saving answers is not available on this server: your answers will be lost when you close "
        "the tab. Download the answers file before you leave.",
    },
    "storage_error": {
        "fr": "Problème d'enregistrement : {message}",
        "de": "Problem beim Speichern: {message}",
        "en": "Saving problem: {message}",
    },
    "storage_read_only": {
        "fr": "La base de données du service est en lecture seule : rien ne peut être enregistré pour l'instant.",
        "de": "Die Datenbank des Dienstes ist schreibgeschützt: im Moment kann nichts gespeichert werden.",
        "en": "The service's database is read-only: nothing can be saved for now.",
    },
    "storage_disk_full": {
        "fr": "Le disque du serveur est plein : la dernière modification n'a pas été enregistrée.",
        "de": "Die Festplatte des Servers ist voll: die letzte Änderung wurde nicht gespeichert.",
        "en": "The server's disk is full: the last change was not saved.",
    },
    "storage_corrupt": {
        "fr": "La base de données du service est endommagée ; elle n'a été ni modifiée ni remplacée.",
        "de": "Die Datenbank des Dienstes ist beschädigt; sie wurde weder geändert noch ersetzt.",
        "en": "The service's database is damaged; it was neither changed nor replaced.",
    },
    "storage_busy": {
        "fr": "La base de données est occupée : réessayez dans un instant.",
        "de": "Die Datenbank ist ausgelastet: versuchen Sie es gleich noch einmal.",
        "en": "The database is busy: try again in a moment.",
    },
    "storage_unavailable": {
        "fr": "La base de données du service est inaccessible pour l'instant.",
        "de": "Die Datenbank des Dienstes ist im Moment nicht erreichbar.",
        "en": "The service's database cannot be reached for now.",
    },
    "storage_schema_newer": {
        "fr": "La base de données a été créée par une version plus récente de l'outil ; elle n'a pas été modifiée.",
        "de": "Die Datenbank stammt von einer neueren Version des Werkzeugs; sie wurde nicht geändert.",
        "en": "The database was made by a newer version of the tool; it was not changed.",
    },
    "storage_io": {
        "fr": "Erreur d'accès à la base de données : la dernière modification n'a peut-être pas été enregistrée.",
        "de": "Fehler beim Zugriff auf die Datenbank: die letzte Änderung wurde vielleicht nicht gespeichert.",
        "en": "Database access error: the last change may not have been saved.",
    },
    "storage_link_kept": {
        "fr": "Vos réponses déjà enregistrées sont intactes et votre lien de reprise reste valable : revenez plus "
        "tard ou prévenez l'administrateur du service.",
        "de": "Ihre bereits gespeicherten Antworten sind unversehrt und Ihr Link bleibt gültig: kommen Sie später "
        "wieder oder benachrichtigen Sie den Betreiber des Dienstes.",
        "en": "Your answers saved before are intact and your resume link stays valid: come back later or tell "
        "the service's administrator.",
    },
    "need_start": {
        "fr": "Aucun bilan n'est ouvert. Choisissez d'abord votre commune sur la page d'accueil.",
        "de": "Keine Bewertung geöffnet. Wählen Sie zuerst Ihre Gemeinde auf der Startseite.",
        "en": "No assessment is open. First choose your commune on the home page.",
    },
    "unknown_token": {
        # a campaign's link replaced or revoked opens nothing: its commune is sent to whoever sent it, before
        # « commencez un nouveau bilan », which would count for no campaign (fresh-eyes trial 11, #5)
        "fr": "Ce lien de reprise ne correspond à aucun bilan : il est incomplet, ou son bilan a été supprimé. "
        "Vérifiez que le lien a été copié en entier. S'il vous a été envoyé pour une campagne régionale, il a pu "
        "être remplacé ou retiré : demandez-en un nouveau à qui vous l'a envoyé (un bilan commencé sans ce lien ne "
        "compterait pas pour la campagne). Sinon, vous pouvez commencer un nouveau bilan.",
        "de": "Dieser Link zum Fortsetzen gehört zu keiner Bewertung: Er ist unvollständig, oder seine Bewertung "
        "wurde gelöscht. Prüfen Sie, ob der Link vollständig kopiert wurde. Wurde er Ihnen für eine regionale "
        "Kampagne geschickt, kann er ersetzt oder zurückgezogen worden sein: Bitten Sie die Stelle, die ihn Ihnen "
        "geschickt hat, um einen neuen (eine ohne diesen Link begonnene Bewertung würde nicht für die Kampagne "
        "zählen). Andernfalls können Sie eine neue Bewertung beginnen.",
        "en": "This resume link matches no assessment: it is incomplete, or its assessment was deleted. Check "
        "that the whole link was copied. If it was sent to you for a regional campaign, it may have been replaced "
        "or withdrawn: ask whoever sent it to you for a new one (an assessment started without that link would "
        "not count for the campaign). Otherwise, you can start a new assessment.",
    },
    "go_home": {"fr": "Aller à l'accueil", "de": "Zur Startseite", "en": "Go to the home page"},
    # an address that names no page of the app (« /equipes », a link cut or mistyped): the app's own page there
    "nav_unknown": {"fr": "Page introuvable", "de": "Seite nicht gefunden", "en": "Page not found"},
    "unknown_page": {
        "fr": "Aucune page de l'outil ne se trouve à cette adresse : elle a peut-être été mal recopiée. Choisissez "
              "une page dans le menu, ou allez à l'accueil.",
        "de": "Unter dieser Adresse gibt es keine Seite des Werkzeugs: Vielleicht wurde sie falsch abgeschrieben. "
              "Wählen Sie eine Seite im Menü, oder gehen Sie zur Startseite.",
        "en": "No page of the tool is at this address: it may have been copied wrongly. Choose a page in the menu, "
              "or go to the home page.",
    },
    "assessment_lang_note": {
        "fr": "Ce bilan est enregistré en {language} : son lien de reprise l'ouvre dans cette langue.",
        "de": "Diese Bewertung ist auf {language} gespeichert: Ihr Link öffnet sie in dieser Sprache.",
        "en": "This assessment is saved in {language}: its resume link opens it in that language.",
    },
    "assessment_lang_button": {
        "fr": "Ouvrir désormais ce bilan en {language}",
        "de": "Diese Bewertung künftig auf {language} öffnen",
        "en": "Open this assessment in {language} from now on",
    },
    "lang_fr": {"fr": "français", "de": "Französisch", "en": "French"},
    "lang_de": {"fr": "allemand", "de": "Deutsch", "en": "German"},
    "lang_en": {"fr": "anglais", "de": "Englisch", "en": "English"},
    # --- Streamlit's own texts, in the page's language
    "st_enter": {"fr": "Entrée pour valider", "de": "Eingabetaste zum Bestätigen", "en": "Press Enter to apply"},
    # under a text area (a question's note), where Enter starts a new line (Streamlit says "Press Ctrl+Enter", a key
    # a phone has not): the note is applied when its field is left (fresh-eyes trial 15, Amel's note on a phone)
    "st_enter_area": {"fr": "Enregistré dès que vous quittez le champ", "de": "Wird gespeichert, sobald Sie das Feld "
                      "verlassen", "en": "Saved as soon as you leave the field"},
    "st_drop_limit": {"fr": "JSON, {limit} au plus", "de": "JSON, höchstens {limit}", "en": "JSON, {limit} at most"},
    "st_browse": {"fr": "Choisir un fichier", "de": "Datei auswählen", "en": "Browse files"},
    "st_file_refused": {"fr": "Fichier refusé : un fichier de réponses est un fichier .json d'au plus {limit}.",
                        "de": "Datei abgelehnt: Eine Antwortdatei ist eine .json-Datei von höchstens {limit}.",
                        "en": "File refused: an answers file is a .json file of {limit} at most."},
    # --- home
    "home_intro": {
        "fr": "Cet outil aide votre commune à situer sa démarche **Smart City** (ville intelligente) : "
        "où en êtes-vous, qu'est-ce qui vous freine, par quoi commencer ?\n\n"
        "- **Durée** : environ 25 minutes, en une ou plusieurs fois. Chaque réponse est enregistrée "
        "aussitôt donnée.\n"
        "- **Vous obtenez** : la maturité de la commune sur six dimensions, ses freins comparés au "
        "baromètre wallon 2021, et une fiche de recommandations à présenter au Collège communal (PDF).\n"
        "- **Vos données** : vos réponses ne sont visibles que par qui détient le lien de reprise.",
        "de": "Dieses Werkzeug hilft Ihrer Gemeinde, ihren **Smart-City**-Ansatz einzuordnen: Wo stehen Sie, "
        "was bremst Sie, womit anfangen?\n\n"
        "- **Dauer**: etwa 25 Minuten, in einer oder mehreren Sitzungen. Jede Antwort wird sofort "
        "gespeichert.\n"
        "- **Sie erhalten**: den Reifegrad der Gemeinde in sechs Dimensionen, ihre Hemmnisse im "
        "Vergleich zum wallonischen Barometer 2021 und ein Empfehlungsblatt für das Gemeindekollegium (PDF).\n"
        "- **Ihre Daten**: Ihre Antworten sieht nur, wer den Link zum Fortsetzen besitzt.",
        "en": "This tool helps your commune place its **Smart City** approach: where do you stand, what "
        "holds you back, where to start?\n\n"
        "- **Time**: about 25 minutes, in one go or several. Every answer is saved as soon as it is given.\n"
        "- **You get**: the commune's maturity on six dimensions, its obstacles compared with the 2021 "
        "Walloon barometer, and a recommendation sheet to present to the Collège communal (PDF).\n"
        "- **Your data**: only whoever holds the resume link can see your answers.",
    },
    # the end of home_intro's « Vos données », by the kind of space: an ordinary one (or none yet), and one opened
    # by an open campaign's invitation, whose saved answers are its commune's response and count for the campaign
    # (« ne rejoignent les chiffres régionaux que si vous le demandez » read oddly above the campaign's banner)
    "home_data_own": {
        "fr": "Elles ne rejoignent les chiffres régionaux que si vous le demandez.",
        "de": "Sie fließen nur auf Ihren Wunsch in die regionalen Zahlen ein.",
        "en": "They join the regional figures only if you ask for it.",
    },
    "home_data_campaign": {
        "fr": "Ce que vous enregistrez depuis la page Résultats est la réponse de votre commune à la campagne "
        "«\u00a0{title}\u00a0», qui n'en tire que des chiffres anonymes, jamais un chiffre par commune. Les chiffres "
        "ouverts de ce serveur ne reçoivent vos scores que si vous le demandez.",
        "de": "Was Sie über die Seite Ergebnisse speichern, ist die Antwort Ihrer Gemeinde auf die Kampagne „{title}“; "
        "daraus entstehen nur anonyme Zahlen, nie eine Zahl je Gemeinde. In die offenen Zahlen dieses Servers "
        "fließen Ihre Werte nur auf Ihren Wunsch ein.",
        "en": "What you save from the Results page is your commune's response to the campaign “{title}”, which draws "
        "only anonymous figures from it, never a figure per commune. This server's open figures get your scores "
        "only if you ask for it.",
    },
    "home_start_header": {"fr": "Commencer un bilan", "de": "Eine Bewertung beginnen", "en": "Start an assessment"},
    "commune_label": {
        "fr": "Votre commune",
        "de": "Ihre Gemeinde",
        "en": "Your commune",
    },
    "commune_placeholder": {
        "fr": "Tapez son nom, par exemple : liege, st hubert",
        "de": "Geben Sie den Namen ein, zum Beispiel: Eupen, Sankt Vith",
        "en": "Type its name, for example: liege, st hubert",
    },
    "commune_results": {
        "fr": "Communes trouvées : choisissez la vôtre",
        "de": "Gefundene Gemeinden: Wählen Sie Ihre",
        "en": "Communes found: choose yours",
    },
    "commune_close": {
        "fr": "Aucune commune ne s'écrit «\u00a0{query}\u00a0». Au nom proche : choisissez la vôtre",
        "de": "Keine Gemeinde heißt „{query}“. Ähnliche Namen: Wählen Sie Ihre",
        "en": "No commune is spelt “{query}”. Close names: choose yours",
    },
    "commune_none": {
        "fr": "Aucune commune ne correspond à «\u00a0{query}\u00a0». Vérifiez l'orthographe, ou tapez le code INS.",
        "de": "Keine Gemeinde passt zu „{query}“. Prüfen Sie die Schreibweise oder geben Sie den NIS-Code ein.",
        "en": "No commune matches “{query}”. Check the spelling, or type the NIS code.",
    },
    "commune_chosen": {
        "fr": "Commune choisie : {name}",
        "de": "Gewählte Gemeinde: {name}",
        "en": "Chosen commune: {name}",
    },
    "commune_option": {"fr": "{name} — {province}", "de": "{name} — {province}", "en": "{name} — {province}"},
    "german_hint": {
        "fr": "{name} est une commune germanophone : le questionnaire existe aussi en allemand.",
        "de": "{name} ist eine deutschsprachige Gemeinde: Der Fragebogen ist auf Deutsch verfügbar.",
        "en": "{name} is a German-speaking commune: the questionnaire is also available in German.",
    },
    "start_button": {"fr": "Commencer le bilan", "de": "Bewertung beginnen", "en": "Start the assessment"},
    "choose_commune_first": {
        "fr": "Choisissez d'abord votre commune.",
        "de": "Wählen Sie zuerst Ihre Gemeinde.",
        "en": "First choose your commune.",
    },
    "home_resume_header": {"fr": "Reprendre un bilan", "de": "Eine Bewertung fortsetzen", "en": "Resume an assessment"},
    "resume_help": {
        "fr": "Collez le lien de reprise (ou seulement le code qui suit «\u00a0t=\u00a0»).",
        "de": "Fügen Sie den Link zum Fortsetzen ein (oder nur den Code nach „t=“).",
        "en": "Paste the resume link (or only the code after “t=”).",
    },
    "resume_label": {"fr": "Lien ou code de reprise", "de": "Link oder Code", "en": "Resume link or code"},
    "resume_button": {"fr": "Reprendre", "de": "Fortsetzen", "en": "Resume"},
    "current_assessment": {
        "fr": "Bilan en cours pour **{name}** : {counter}.",
        "de": "Laufende Bewertung für **{name}**: {counter}.",
        "en": "Assessment in progress for **{name}**: {counter}.",
    },
    # added after a counter while a question that depends on an answer not given yet is hidden: the total grew
    # from 56 to 63 as a commune answered its profile (fresh-eyes trial 9)
    "progress_may_grow": {
        "fr": "{counter} (d'autres questions peuvent s'ajouter selon vos réponses)",
        "de": "{counter} (je nach Ihren Antworten können weitere Fragen hinzukommen)",
        "en": "{counter} (more questions may appear depending on your answers)",
    },
    "continue_button": {"fr": "Continuer le questionnaire", "de": "Fragebogen fortsetzen", "en": "Continue the questionnaire"},
    "new_assessment_button": {
        "fr": "Commencer un autre bilan",
        "de": "Eine andere Bewertung beginnen",
        "en": "Start another assessment",
    },
    "resume_link_header": {"fr": "Votre lien de reprise", "de": "Ihr Link zum Fortsetzen", "en": "Your resume link"},
    "copy_link": {"fr": "Copier le lien", "de": "Link kopieren", "en": "Copy the link"},
    "copied_link": {"fr": "Lien copié ✓", "de": "Link kopiert ✓", "en": "Link copied ✓"},
    "resume_link_help": {
        "fr": "Gardez ce lien (bouton «\u00a0Copier le lien\u00a0») : il permet de reprendre le bilan plus tard, "
        "sur cet ordinateur ou un autre. Toute personne qui l'a peut voir et modifier les réponses.",
        "de": "Bewahren Sie diesen Link auf (Schaltfläche „Link kopieren“): Damit setzen Sie die Bewertung "
        "später fort, auf diesem oder einem anderen Computer. Wer ihn hat, kann die Antworten sehen und ändern.",
        "en": "Keep this link (button “Copy the link”): it lets you resume the assessment later, "
        "on this computer or another. Anyone who has it can see and change the answers.",
    },
    # --- questionnaire
    "q_title": {"fr": "Questionnaire — {name}", "de": "Fragebogen — {name}", "en": "Questionnaire — {name}"},
    "progress_overall": {
        "fr": "{answered:# question répondue|# questions répondues} sur {total}",
        "de": "{answered} von {total} Fragen beantwortet",
        "en": "{answered} of {total} questions answered",
    },
    # a colleague (team link) counts the parts they answer, not the whole questionnaire: "31 von 56" read as
    # unfinished to Eupen's Generaldirektor whose four parts were all answered (fresh-eyes trial 8)
    "progress_member": {
        "fr": "{answered:# question répondue|# questions répondues} sur {total} dans vos parties",
        "de": "{answered} von {total} Fragen Ihrer Teile beantwortet",
        "en": "{answered} of {total} questions of your parts answered",
    },
    "team_member_done": {
        "fr": "Vos parties sont toutes répondues : vous pouvez fermer cette page. La personne qui vous a envoyé ce lien "
        "retrouve vos réponses pour la réunion ; votre lien vous permet encore de les modifier.",
        "de": "Alle Ihre Teile sind beantwortet: Sie können diese Seite schließen. Die Person, die Sie eingeladen "
        "hat, findet Ihre Antworten für die Sitzung; mit Ihrem Link können Sie sie noch ändern.",
        "en": "All your parts are answered: you may close this page. The person who invited you finds your "
        "answers for the meeting; your link still lets you change them.",
    },
    "step_label": {"fr": "Partie du questionnaire", "de": "Teil des Fragebogens", "en": "Part of the questionnaire"},
    "step_help": {
        "fr": "Entre parenthèses : questions répondues / questions de la partie.",
        "de": "In Klammern: beantwortete Fragen / Fragen des Teils.",
        "en": "In brackets: questions answered / questions in the part.",
    },
    "step_option": {
        "fr": "{n}. {label} ({answered}/{total})",
        "de": "{n}. {label} ({answered}/{total})",
        "en": "{n}. {label} ({answered}/{total})",
    },
    "step_heading": {"fr": "Partie {n} sur {count} : {label}", "de": "Teil {n} von {count}: {label}",
                     "en": "Part {n} of {count}: {label}"},
    "section_progress": {
        "fr": "Dans cette partie : {answered:# question répondue|# questions répondues} sur {total}",
        "de": "In diesem Teil: {answered} von {total} beantwortet",
        "en": "In this part: {answered} of {total} answered",
    },
    "saved_auto": {
        "fr": "Chaque réponse est enregistrée dès qu'elle est donnée.",
        "de": "Jede Antwort wird sofort gespeichert.",
        "en": "Every answer is saved as soon as it is given.",
    },
    # the answer states are the core's (maturity.labels: the same words on the sheet and in the CLI);
    # widgets.py reads them by these keys
    "unknown_option": ANSWER_STATES[UNKNOWN],
    "na_option": ANSWER_STATES[NA],
    "multi_placeholder": {
        "fr": "Choisir une ou plusieurs réponses",
        "de": "Eine oder mehrere Antworten wählen",
        "en": "Choose one or more answers",
    },
    "multi_hint": {
        "fr": "Plusieurs réponses possibles.",
        "de": "Mehrere Antworten möglich.",
        "en": "Several answers possible.",
    },
    "number_label": {"fr": "Nombre", "de": "Zahl", "en": "Number"},
    "text_placeholder": {"fr": "Votre réponse", "de": "Ihre Antwort", "en": "Your answer"},
    "special_label": {"fr": "Ou bien", "de": "Oder", "en": "Or"},
    "special_none": {"fr": "(répondre ci-dessus)", "de": "(oben antworten)", "en": "(answer above)"},
    "note_label": {
        "fr": "Note (facultative) sur «\u00a0{question}\u00a0»",
        "de": "Notiz (freiwillig) zu „{question}“",
        "en": "Note (optional) on “{question}”",
    },
    "note_expander": {"fr": "Ajouter une note", "de": "Notiz hinzufügen", "en": "Add a note"},
    "note_expander_has": {"fr": "Note ajoutée", "de": "Notiz vorhanden", "en": "Note added"},
    "prev_button": {"fr": "← Partie précédente", "de": "← Vorheriger Teil", "en": "← Previous part"},
    "next_button": {"fr": "Partie suivante →", "de": "Nächster Teil →", "en": "Next part →"},
    "to_results": {"fr": "Voir les résultats", "de": "Ergebnisse ansehen", "en": "See the results"},
    "file_header": {"fr": "Fichier de réponses", "de": "Antwortdatei", "en": "Answers file"},
    "file_help": {
        "fr": "Le fichier de réponses (JSON) contient toutes vos réponses et notes. Gardez-le pour vos "
        "archives, ou chargez un fichier gardé plus tôt pour reprendre ses réponses.",
        "de": "Die Antwortdatei (JSON) enthält alle Antworten und Notizen. Bewahren Sie sie auf, oder laden Sie "
        "eine früher gespeicherte Datei, um deren Antworten zu übernehmen.",
        "en": "The answers file (JSON) holds all your answers and notes. Keep it for your records, or load a "
        "file kept earlier to take over its answers.",
    },
    "download_answers": {
        "fr": "Télécharger le fichier de réponses (JSON)",
        "de": "Antwortdatei herunterladen (JSON)",
        "en": "Download the answers file (JSON)",
    },
    "upload_label": {
        "fr": "Charger un fichier de réponses (JSON, {limit} au plus)",
        "de": "Antwortdatei laden (JSON, höchstens {limit})",
        "en": "Load an answers file (JSON, {limit} at most)",
    },
    "upload_apply": {
        "fr": "Remplacer mes réponses par celles du fichier",
        "de": "Meine Antworten durch die der Datei ersetzen",
        "en": "Replace my answers with those of the file",
    },
    "upload_ok": {
        "fr": "Fichier chargé : {count:# réponse reprise|# réponses reprises}.",
        "de": "Datei geladen: {count:# Antwort übernommen|# Antworten übernommen}.",
        "en": "File loaded: {count:# answer taken over|# answers taken over}.",
    },
    "upload_refused": {
        "fr": "Ce fichier n'a pas été chargé ; vos réponses n'ont pas changé. Ce qui ne va pas :",
        "de": "Diese Datei wurde nicht geladen; Ihre Antworten sind unverändert. Was nicht stimmt:",
        "en": "This file was not loaded; your answers have not changed. What is wrong:",
    },
    # an uploaded file's notes (maturity.answers.check_answers: a Problem's code), as the page says them
    "problem_other_version": {
        "fr": "réponses données à la version {given} du questionnaire, lues avec la version {read} : les "
              "réponses aux questions qui existent toujours sont reprises",
        "de": "Antworten zur Version {given} des Fragebogens, gelesen mit Version {read}: Die Antworten auf "
              "Fragen, die es noch gibt, werden übernommen",
        "en": "answers given to version {given} of the questionnaire, read with version {read}: the answers to "
              "questions that still exist are kept",
    },
    "problem_name_not_code": {
        "fr": "le nom «\u00a0{given}\u00a0» n'est pas celui de la commune du code INS {code} ({commune}) : c'est le code "
              "qui compte",
        "de": "Der Name „{given}“ ist nicht der der Gemeinde mit dem NIS-Code {code} ({commune}): Es zählt der Code",
        "en": "the name “{given}” is not that of the commune with NIS code {code} ({commune}): the code decides",
    },
    "problem_answer_question_gone": {
        "fr": "cette question n'existe plus dans cette version : sa réponse n'est pas reprise",
        "de": "Diese Frage gibt es in dieser Version nicht mehr: Ihre Antwort wird nicht übernommen",
        "en": "this question no longer exists in this version: its answer is not kept",
    },
    "problem_answer_no_longer_fits": {
        "fr": "cette réponse ne fait plus partie des choix de la question dans cette version : elle n'est pas "
              "reprise",
        "de": "Diese Antwort gehört in dieser Version nicht mehr zu den Möglichkeiten der Frage: Sie wird nicht "
              "übernommen",
        "en": "this answer is no longer one of the question's choices in this version: it is not kept",
    },
    "problem_duplicate_key": {
        "fr": "donné deux fois dans le fichier : la dernière valeur est lue, la précédente est laissée de côté",
        "de": "zweimal in der Datei angegeben: Der letzte Wert wird gelesen, der vorherige bleibt unberücksichtigt",
        "en": "given twice in the file: the last value is read, the one before it is set aside",
    },
    "problem_duplicate_key_lines": {
        "fr": "donné deux fois dans le fichier (la première fois à la ligne {first}) : la dernière valeur est lue, "
              "la précédente est laissée de côté",
        "de": "zweimal in der Datei angegeben (zuerst in Zeile {first}): Der letzte Wert wird gelesen, der vorherige "
              "bleibt unberücksichtigt",
        "en": "given twice in the file (first at line {first}): the last value is read, the one before it is set aside",
    },
    "problem_none_beside_others": {
        "fr": "«\u00a0Aucune\u00a0» est cochée avec d'autres options : la réponse est lue comme les options "
              "cochées ({kept}) ; le fichier reste tel quel",
        "de": "„Keine“ ist neben anderen Optionen angekreuzt: Die Antwort wird als die angekreuzten Optionen "
              "gelesen ({kept}); die Datei bleibt unverändert",
        "en": "“None” is ticked beside other options: the answer is read as the options ticked ({kept}); the "
              "file is kept as it is",
    },
    "problem_note_question_gone": {
        "fr": "cette question n'existe plus dans cette version : sa note est mise de côté",
        "de": "Diese Frage gibt es in dieser Version nicht mehr: Ihre Notiz wird beiseitegelegt",
        "en": "this question no longer exists in this version: its note is set aside",
    },
    "problem_target_dropped": {
        "fr": "la dimension ou le niveau de cet objectif n'existe plus dans cette version : l'objectif n'est "
              "pas repris",
        "de": "Die Dimension oder die Stufe dieses Ziels gibt es in dieser Version nicht mehr: Das Ziel wird "
              "nicht übernommen",
        "en": "this target's dimension or level no longer exists in this version: the target is not kept",
    },
    "problem_action_kept": {
        "fr": "la recommandation de cette action n'existe plus dans cette version : l'action est gardée comme "
              "action libre",
        "de": "Die Empfehlung dieser Maßnahme gibt es in dieser Version nicht mehr: Die Maßnahme bleibt als "
              "freie Maßnahme erhalten",
        "en": "this action's recommendation no longer exists in this version: the action is kept as a free "
              "action",
    },
    # an answers file the reader refuses (maturity.answers, targets, plan: a Problem's code), as a page says it after
    # its place (the file, its line, the field); the command line keeps its English (contract §6)
    "problem_read_not_object": {
        "fr": "ce n'est pas un fichier de réponses : il faut un objet JSON avec «\u00a0questionnaire\u00a0», «\u00a0commune\u00a0», "
              "«\u00a0answers\u00a0»…",
        "de": "das ist keine Antwortdatei: Erwartet wird ein JSON-Objekt mit „questionnaire“, „commune“, „answers“ …",
        "en": "this is not an answers file: it takes a JSON object with “questionnaire”, “commune”, “answers”…",
    },
    "problem_read_no_questionnaire": {
        "fr": "il manque le questionnaire auquel ce fichier répond (son identifiant et sa version)",
        "de": "es fehlt der Fragebogen, den diese Datei beantwortet (seine Kennung und Version)",
        "en": "the questionnaire this file answers is missing (its id and version)",
    },
    "problem_read_missing_text": {"fr": "manquant, ou pas un texte", "de": "fehlt oder ist kein Text",
                                  "en": "missing, or not a text"},
    "problem_read_not_object_field": {"fr": "doit être un objet JSON", "de": "muss ein JSON-Objekt sein",
                                      "en": "must be a JSON object"},
    "problem_read_not_text": {"fr": "doit être un texte", "de": "muss ein Text sein", "en": "must be a text"},
    "problem_read_not_commune": {
        "fr": "«\u00a0{code}\u00a0» n'est le code INS d'aucune commune wallonne",
        "de": "„{code}“ ist die NIS-Kennziffer keiner wallonischen Gemeinde",
        "en": "“{code}” is the NIS code of no Walloon commune",
    },
    "problem_read_answers_not_object": {
        "fr": "doit être un objet JSON qui donne, pour chaque identifiant de question, sa réponse",
        "de": "muss ein JSON-Objekt sein, das zu jeder Fragekennung ihre Antwort gibt",
        "en": "must be a JSON object giving each question id its answer",
    },
    "problem_read_notes_not_object": {
        "fr": "doit être un objet JSON qui donne, pour chaque identifiant de question, sa note",
        "de": "muss ein JSON-Objekt sein, das zu jeder Fragekennung ihre Notiz gibt",
        "en": "must be a JSON object giving each question id its note",
    },
    "problem_read_note_too_long": {"fr": "une note a au plus {max} caractères",
                                   "de": "eine Notiz hat höchstens {max} Zeichen",
                                   "en": "a note has at most {max} characters"},
    "problem_read_not_datetime": {
        "fr": "doit être une date et une heure au format ISO 8601 (2026-11-27T10:00:00+01:00)",
        "de": "muss Datum und Uhrzeit im Format ISO 8601 sein (2026-11-27T10:00:00+01:00)",
        "en": "must be a date and time in ISO 8601 (2026-11-27T10:00:00+01:00)",
    },
    "problem_read_too_large": {
        "fr": "fichier trop volumineux ({size} ; un fichier de réponses fait au plus {limit})",
        "de": "Datei zu groß ({size}; eine Antwortdatei hat höchstens {limit})",
        "en": "file too large ({size}; an answers file is at most {limit})",
    },
    "problem_read_too_large_text": {
        "fr": "fichier trop volumineux (un fichier de réponses fait au plus {limit})",
        "de": "Datei zu groß (eine Antwortdatei hat höchstens {limit})",
        "en": "file too large (an answers file is at most {limit})",
    },
    "problem_read_not_utf8": {
        "fr": "ce n'est pas un texte encodé en UTF-8 (octet {byte}) : enregistrez le fichier en UTF-8",
        "de": "das ist kein UTF-8-kodierter Text (Byte {byte}): Speichern Sie die Datei als UTF-8",
        "en": "this is not UTF-8 text (byte {byte}): save the file as UTF-8",
    },
    "problem_read_too_many_keys": {"fr": "trop de champs (un fichier de réponses en a au plus {max})",
                                   "de": "zu viele Felder (eine Antwortdatei hat höchstens {max})",
                                   "en": "too many fields (an answers file has at most {max})"},
    "problem_read_too_many_values": {"fr": "trop de valeurs (un fichier de réponses en a au plus {max})",
                                     "de": "zu viele Werte (eine Antwortdatei hat höchstens {max})",
                                     "en": "too many values (an answers file has at most {max})"},
    "problem_read_too_deep": {"fr": "trop de niveaux imbriqués (un fichier de réponses en a au plus {max})",
                              "de": "zu tief verschachtelt (eine Antwortdatei hat höchstens {max} Ebenen)",
                              "en": "nested too deeply (an answers file has at most {max} levels)"},
    "problem_read_not_json": {
        "fr": "le texte n'est pas du JSON valide à cet endroit (colonne {column}) : une virgule, un guillemet ou une "
              "accolade manque ou est en trop",
        "de": "der Text ist an dieser Stelle kein gültiges JSON (Spalte {column}): Ein Komma, ein Anführungszeichen "
              "oder eine Klammer fehlt oder ist zu viel",
        "en": "the text is not valid JSON here (column {column}): a comma, a quote or a brace is missing or too many",
    },
    "problem_read_not_usable": {
        "fr": "ce fichier JSON ne peut pas être lu (une valeur comme NaN ou Infinity, ou un nombre trop long)",
        "de": "diese JSON-Datei kann nicht gelesen werden (ein Wert wie NaN oder Infinity, oder eine zu lange Zahl)",
        "en": "this JSON file cannot be read (a value such as NaN or Infinity, or a number too long)",
    },
    "problem_read_not_found": {"fr": "fichier introuvable", "de": "Datei nicht gefunden", "en": "file not found"},
    "problem_read_folder": {"fr": "c'est un dossier, pas un fichier", "de": "das ist ein Ordner, keine Datei",
                            "en": "this is a folder, not a file"},
    "problem_read_cannot_read": {"fr": "le fichier ne peut pas être lu", "de": "die Datei kann nicht gelesen werden",
                                 "en": "the file cannot be read"},
    "problem_read_reason_not_text": {"fr": "une raison est un texte, pas {value}",
                                     "de": "eine Begründung ist ein Text, nicht {value}",
                                     "en": "a reason is a text, not {value}"},
    "problem_read_reason_too_long": {"fr": "une raison a au plus {max} caractères",
                                     "de": "eine Begründung hat höchstens {max} Zeichen",
                                     "en": "a reason has at most {max} characters"},
    "problem_read_other_questionnaire": {
        "fr": "ce fichier répond au questionnaire «\u00a0{found}\u00a0», pas à «\u00a0{asked}\u00a0»",
        "de": "diese Datei beantwortet den Fragebogen „{found}“, nicht „{asked}“",
        "en": "this file answers the questionnaire “{found}”, not “{asked}”",
    },
    "problem_read_unknown_question": {
        "fr": "cette question n'existe pas dans ce questionnaire",
        "de": "diese Frage gibt es in diesem Fragebogen nicht",
        "en": "this question does not exist in this questionnaire",
    },
    "problem_value_na_not_offered": {
        "fr": "«\u00a0ne s'applique pas\u00a0» (\"na\") n'est pas proposé pour cette question",
        "de": "„trifft nicht zu“ (\"na\") wird für diese Frage nicht angeboten",
        "en": "“does not apply” (\"na\") is not offered for this question",
    },
    "problem_value_not_option": {
        "fr": "{value} n'est pas une réponse possible à cette question ({options})",
        "de": "{value} ist keine mögliche Antwort auf diese Frage ({options})",
        "en": "{value} is not a possible answer to this question ({options})",
    },
    "problem_value_not_list": {
        "fr": "{value} n'est pas une liste de réponses ({options})",
        "de": "{value} ist keine Liste von Antworten ({options})",
        "en": "{value} is not a list of answers ({options})",
    },
    "problem_value_twice": {"fr": "une réponse est choisie deux fois", "de": "eine Antwort ist zweimal gewählt",
                            "en": "an answer is chosen twice"},
    "problem_value_not_number": {"fr": "{value} n'est pas un nombre", "de": "{value} ist keine Zahl",
                                 "en": "{value} is not a number"},
    "problem_value_below": {"fr": "{value} est sous le minimum, {min}", "de": "{value} liegt unter dem Minimum {min}",
                            "en": "{value} is below the minimum, {min}"},
    "problem_value_above": {"fr": "{value} dépasse le maximum, {max}", "de": "{value} liegt über dem Maximum {max}",
                            "en": "{value} is above the maximum, {max}"},
    "problem_value_not_text": {"fr": "{value} n'est pas un texte", "de": "{value} ist kein Text",
                               "en": "{value} is not a text"},
    "problem_value_text_too_long": {"fr": "une réponse écrite a au plus {max} caractères",
                                    "de": "eine Textantwort hat höchstens {max} Zeichen",
                                    "en": "a written answer has at most {max} characters"},
    "problem_year_outside": {"fr": "{value} n'est pas entre {first} et {last}", "de": "{value} liegt nicht zwischen {first} "
                             "und {last}", "en": "{value} is not between {first} and {last}"},
    "problem_year_not_year": {"fr": "une année est un nombre entier de {first} à {last}, pas {value}",
                              "de": "ein Jahr ist eine ganze Zahl von {first} bis {last}, nicht {value}",
                              "en": "a year is a whole number from {first} to {last}, not {value}"},
    "problem_targets_not_object": {
        "fr": "doit être un objet JSON qui donne, pour chaque dimension, son objectif («\u00a0level\u00a0», «\u00a0by\u00a0»)",
        "de": "muss ein JSON-Objekt sein, das zu jeder Dimension ihr Ziel gibt („level“, „by“)",
        "en": "must be a JSON object giving each dimension its target (“level”, “by”)",
    },
    "problem_target_not_object": {
        "fr": "un objectif est un objet JSON avec son niveau («\u00a0level\u00a0») et son année («\u00a0by\u00a0»)",
        "de": "ein Ziel ist ein JSON-Objekt mit seiner Stufe („level“) und seinem Jahr („by“)",
        "en": "a target is a JSON object with its level (“level”) and year (“by”)",
    },
    "problem_target_no_level": {"fr": "il manque le niveau visé", "de": "die angestrebte Stufe fehlt",
                                "en": "the level aimed for is missing"},
    "problem_target_no_year": {"fr": "il manque l'année visée (de {first} à {last})",
                               "de": "das angestrebte Jahr fehlt (von {first} bis {last})",
                               "en": "the year aimed for is missing ({first} to {last})"},
    "problem_target_unknown_field": {"fr": "champ inconnu (un objectif a «\u00a0level\u00a0» et «\u00a0by\u00a0»)",
                                     "de": "unbekanntes Feld (ein Ziel hat „level“ und „by“)",
                                     "en": "unknown field (a target has “level” and “by”)"},
    "problem_unknown_dimension": {"fr": "{value} n'est pas une dimension de ce questionnaire ({options})",
                                  "de": "{value} ist keine Dimension dieses Fragebogens ({options})",
                                  "en": "{value} is not a dimension of this questionnaire ({options})"},
    "problem_unknown_level": {"fr": "{value} n'est pas un niveau de ce questionnaire ({options})",
                              "de": "{value} ist keine Stufe dieses Fragebogens ({options})",
                              "en": "{value} is not a level of this questionnaire ({options})"},
    "problem_unknown_recommendation": {"fr": "{value} n'est pas une recommandation de ce questionnaire",
                                       "de": "{value} ist keine Empfehlung dieses Fragebogens",
                                       "en": "{value} is not a recommendation of this questionnaire"},
    "problem_plan_not_list": {"fr": "doit être une liste d'actions", "de": "muss eine Liste von Maßnahmen sein",
                              "en": "must be a list of actions"},
    "problem_plan_too_many": {"fr": "une feuille de route a au plus {max} actions",
                              "de": "ein Fahrplan hat höchstens {max} Maßnahmen",
                              "en": "a roadmap has at most {max} actions"},
    "problem_action_not_object": {"fr": "une action est un objet JSON (id, action, owner, year, status…)",
                                  "de": "eine Maßnahme ist ein JSON-Objekt (id, action, owner, year, status …)",
                                  "en": "an action is a JSON object (id, action, owner, year, status…)"},
    "problem_action_missing": {"fr": "manquant", "de": "fehlt", "en": "missing"},
    "problem_action_unknown_field": {"fr": "champ inconnu (une action a : {fields})",
                                     "de": "unbekanntes Feld (eine Maßnahme hat: {fields})",
                                     "en": "unknown field (an action has: {fields})"},
    "problem_action_bad_id": {"fr": "un identifiant est un texte de 1 à 64 caractères, sans espace",
                              "de": "eine Kennung ist ein Text von 1 bis 64 Zeichen ohne Leerzeichen",
                              "en": "an id is a text of 1 to 64 characters, without spaces"},
    "problem_action_id_twice": {"fr": "{value} est déjà l'identifiant d'une action plus haut",
                                "de": "{value} ist schon die Kennung einer Maßnahme weiter oben",
                                "en": "{value} is already the id of an action above"},
    "problem_action_empty": {"fr": "l'action est un texte, pas vide", "de": "die Maßnahme ist ein Text, nicht leer",
                             "en": "the action is a text, not empty"},
    "problem_action_too_long": {"fr": "une action a au plus {max} caractères",
                                "de": "eine Maßnahme hat höchstens {max} Zeichen",
                                "en": "an action has at most {max} characters"},
    "problem_action_bad_owner": {"fr": "le responsable est un texte d'au plus {max} caractères (il peut être vide)",
                                 "de": "die verantwortliche Stelle ist ein Text von höchstens {max} Zeichen (darf "
                                       "leer sein)",
                                 "en": "the owner is a text of at most {max} characters (it may be empty)"},
    "problem_action_bad_status": {"fr": "{value} n'est pas un état possible ({options})",
                                  "de": "{value} ist kein möglicher Stand ({options})",
                                  "en": "{value} is not a possible status ({options})"},
    "problem_action_bad_budget": {"fr": "le budget est un montant (0 ou plus) ou un texte, comme un article budgétaire",
                                  "de": "das Budget ist ein Betrag (0 oder mehr) oder ein Text, etwa ein "
                                        "Haushaltsartikel",
                                  "en": "the budget is an amount (0 or more) or a text, such as a budget article"},
    "problem_action_budget_too_long": {"fr": "un budget écrit a au plus {max} caractères",
                                       "de": "ein Budget als Text hat höchstens {max} Zeichen",
                                       "en": "a budget text has at most {max} characters"},
    "problem_action_id_or_null": {"fr": "un identifiant, ou null", "de": "eine Kennung oder null",
                                  "en": "an id, or null"},
    "upload_warnings": {
        "fr": "Remarques sur le fichier chargé :",
        "de": "Hinweise zur geladenen Datei:",
        "en": "Notes on the loaded file:",
    },
    "answer_not_saved": {
        "fr": "Réponse pas encore enregistrée : elle sera réessayée à votre prochaine action. Si ce message "
        "reste, téléchargez vos réponses (fichier) pour ne rien perdre.",
        "de": "Antwort noch nicht gespeichert: sie wird bei Ihrer nächsten Aktion erneut versucht. Bleibt diese "
        "Meldung, laden Sie Ihre Antworten (Datei) herunter, um nichts zu verlieren.",
        "en": "Answer not saved yet: it will be retried at your next action. If this message stays, download "
        "your answers (file) so that nothing is lost.",
    },
    "reloaded_notice": {
        "fr": "Ce bilan a été modifié dans un autre onglet ou par un autre membre de l'équipe : les réponses "
        "affichées sont maintenant à jour.",
        "de": "Diese Bewertung wurde in einem anderen Tab oder von einem anderen Teammitglied geändert: die "
        "angezeigten Antworten sind jetzt aktuell.",
        "en": "This assessment was changed in another tab or by another team member: the answers shown are now "
        "up to date.",
    },
    "upload_unreadable": {
        "fr": "ce fichier n'a pas pu être lu ; vos réponses n'ont pas été modifiées",
        "de": "diese Datei konnte nicht gelesen werden; Ihre Antworten wurden nicht geändert",
        "en": "this file could not be read; your answers were not changed",
    },
    "problems_more": {
        "fr": "… et {n:# autre problème|# autres problèmes} du même fichier",
        "de": "… und {n:# weiteres Problem|# weitere Probleme} in derselben Datei",
        "en": "… and {n:# more problem|# more problems} in the same file",
    },
    "upload_lead_not_answers": {
        "fr": "Ce fichier n'est pas un fichier de réponses de cet outil : chargez le fichier .json que donne "
        "«\u00a0Télécharger le fichier de réponses (JSON)\u00a0». Le détail technique suit.",
        "de": "Diese Datei ist keine Antwortdatei dieses Werkzeugs: Laden Sie die .json-Datei, die „Antwortdatei "
        "herunterladen (JSON)“ liefert. Technische Einzelheiten folgen.",
        "en": "This file is not an answers file of this tool: load the .json file that \"Download the answers "
        "file (JSON)\" gives. The technical details follow.",
    },
    "upload_lead_questionnaire": {
        "fr": "Ce fichier ne répond pas au questionnaire «\u00a0{title}\u00a0» et ne peut pas être chargé ici. Le détail "
        "technique suit.",
        "de": "Diese Datei beantwortet nicht den Fragebogen „{title}“ und kann hier nicht geladen werden. "
        "Technische Einzelheiten folgen.",
        "en": "This file does not answer the questionnaire \"{title}\" and cannot be loaded here. The technical "
        "details follow.",
    },
    "upload_lead_answers": {
        "fr": "Des réponses du fichier ne correspondent pas aux questions de ce questionnaire, peut-être parce que "
        "le fichier a été modifié à la main. Le détail, question par question, suit.",
        "de": "Antworten der Datei passen nicht zu den Fragen dieses Fragebogens, vielleicht weil die Datei von "
        "Hand geändert wurde. Die Einzelheiten, Frage für Frage, folgen.",
        "en": "Answers in the file do not fit this questionnaire's questions, perhaps because the file was edited "
        "by hand. The details, question by question, follow.",
    },
    "upload_other_commune": {
        "fr": "le fichier concerne {file} (INS {nis}), ce bilan concerne {here} (INS {here_nis})",
        "de": "die Datei betrifft {file} (NIS {nis}), diese Bewertung {here} (NIS {here_nis})",
        "en": "the file is about {file} (NIS {nis}), this assessment about {here} (NIS {here_nis})",
    },
    "upload_too_big": {
        "fr": "fichier trop volumineux ({size} ; un fichier de réponses fait au plus {limit})",
        "de": "Datei zu groß ({size}; eine Antwortdatei hat höchstens {limit})",
        "en": "file too large ({size}; an answers file is at most {limit})",
    },
    # --- results
    "results_title": {"fr": "Résultats — {name}", "de": "Ergebnisse — {name}", "en": "Results — {name}"},
    "overall_metric": {"fr": "Maturité globale (sur 100)", "de": "Gesamtreife (von 100)", "en": "Overall maturity (out of 100)"},
    # {detail}: what the overall score is the mean of (maturity.labels.overall_detail, the sheet's words), capitalised
    "overall_caption": {
        "fr": "{detail}. Une dimension n'est notée qu'avec au moins {needed} de réponses utiles.",
        "de": "{detail}. Eine Dimension wird erst ab {needed} nutzbaren Antworten bewertet.",
        "en": "{detail}. A dimension is scored only with at least {needed} usable answers.",
    },
    "overall_help": {
        "fr": "Moyenne des dimensions qui ont assez de réponses.",
        "de": "Mittelwert der Dimensionen mit genügend Antworten.",
        "en": "Mean of the dimensions with enough answers.",
    },
    "radar_header": {"fr": "Les six dimensions", "de": "Die sechs Dimensionen", "en": "The six dimensions"},
    "radar_caption": {
        "fr": "Score de 0 à 100 par dimension. Le même tableau de chiffres suit le graphique.",
        "de": "Wert von 0 bis 100 je Dimension. Die gleichen Zahlen stehen in der Tabelle unter der Grafik.",
        "en": "Score from 0 to 100 per dimension. The same numbers are in the table below the chart.",
    },
    "series_commune": {"fr": "{name} (ce bilan)", "de": "{name} (diese Bewertung)", "en": "{name} (this assessment)"},
    "series_previous": {
        "fr": "Bilan précédent ({date})",
        "de": "Vorherige Bewertung ({date})",
        "en": "Previous assessment ({date})",
    },
    "series_note_commune": {
        "fr": "vos réponses, non publiées",
        "de": "Ihre Antworten, nicht veröffentlicht",
        "en": "your answers, not published",
    },
    "series_note_previous": {
        "fr": "bilan enregistré par la commune le {date}",
        "de": "von der Gemeinde am {date} gespeicherte Bewertung",
        "en": "assessment saved by the commune on {date}",
    },
    "series_table_header": {
        "fr": "Ce que désigne chaque colonne du tableau (et chaque série du graphique)",
        "de": "Wofür jede Spalte der Tabelle (und jede Reihe der Grafik) steht",
        "en": "What each column of the table (and each series of the chart) stands for",
    },
    # the results table's headers: short words that fit a phone's column; the table below names each in full
    "col_column": {"fr": "Colonne", "de": "Spalte", "en": "Column"},
    "short_commune": {"fr": "Votre score", "de": "Ihr Wert", "en": "Your score"},
    "short_previous": {"fr": "Avant", "de": "Vorher", "en": "Before"},
    "short_wallonia": {"fr": "Wallonie", "de": "Wallonie", "en": "Wallonia"},
    "short_province": {"fr": "Province", "de": "Provinz", "en": "Province"},
    "short_size": {"fr": "Même taille", "de": "Gleiche Größe", "en": "Same size"},
    "col_series": {"fr": "Série", "de": "Reihe", "en": "Series"},
    "col_kind": {"fr": "Nature", "de": "Art", "en": "Kind"},
    "col_source": {"fr": "Source", "de": "Quelle", "en": "Source"},
    "source_line": {"fr": "Source : {source}", "de": "Quelle: {source}", "en": "Source: {source}"},
    # a value after its column's name, in a table drawn as a list on a phone (tables.py)
    "label_value": PHRASES["label_value"],  # the core's (maturity.labels), as the sheet and the radar's description say it
    "col_year": {"fr": "Année", "de": "Jahr", "en": "Year"},
    "col_n": {"fr": "n (communes)", "de": "n (Gemeinden)", "en": "n (communes)"},
    "col_note": {"fr": "À savoir", "de": "Hinweis", "en": "Note"},
    "changes_header": {
        "fr": "Ce qui a changé depuis le bilan du {date}",
        "de": "Was sich seit der Bewertung vom {date} geändert hat",
        "en": "What changed since the assessment of {date}",
    },
    "changes_answers": {
        "fr": "{n:# réponse différente|# réponses différentes} de celles du bilan précédent.",
        "de": "{n:# Antwort anders|# Antworten anders} als bei der vorigen Bewertung.",
        "en": "{n:# answer differs|# answers differ} from the previous assessment.",
    },
    "changes_version": {
        "fr": "Le bilan précédent a été fait avec une autre version du questionnaire : comparez avec prudence.",
        "de": "Die vorige Bewertung wurde mit einer anderen Version des Fragebogens erstellt: vorsichtig vergleichen.",
        "en": "The previous assessment used another version of the questionnaire: compare with care.",
    },
    "col_before": {"fr": "Avant", "de": "Vorher", "en": "Before"},
    "col_now": {"fr": "Maintenant", "de": "Jetzt", "en": "Now"},
    "col_change": RESULTS_WORDS["change"],
    "delete_header": {"fr": "Supprimer ce bilan", "de": "Diese Bewertung löschen", "en": "Delete this assessment"},
    "delete_help": {
        "fr": "Efface définitivement le brouillon, les bilans enregistrés et leur part dans les moyennes "
        "wallonnes. Le lien de reprise ne fonctionnera plus. Téléchargez d'abord le fichier de réponses si "
        "vous voulez le garder.",
        "de": "Löscht den Entwurf, die gespeicherten Bewertungen und ihren Anteil an den wallonischen "
        "Mittelwerten endgültig. Der Link zum Fortsetzen funktioniert danach nicht mehr. Laden Sie vorher die "
        "Antwortdatei herunter, wenn Sie sie behalten möchten.",
        "en": "Permanently erases the draft, the saved assessments and their share in the Walloon means. The "
        "resume link will stop working. Download the answers file first if you want to keep it.",
    },
    "delete_confirm": {
        "fr": "Je confirme : supprimer définitivement",
        "de": "Ich bestätige: endgültig löschen",
        "en": "I confirm: delete permanently",
    },
    "delete_button": {"fr": "Supprimer", "de": "Löschen", "en": "Delete"},
    "delete_done": {
        "fr": "Le bilan a été supprimé. Vous pouvez en commencer un nouveau.",
        "de": "Die Bewertung wurde gelöscht. Sie können eine neue beginnen.",
        "en": "The assessment was deleted. You can start a new one.",
    },
    # the results' headings the sheet says too are the core's (maturity.labels)
    "col_dimension": RESULTS_WORDS["dimension"],
    "col_score": RESULTS_WORDS["score"],
    "col_level": RESULTS_WORDS["level"],
    "col_coverage": RESULTS_WORDS["coverage"],
    "col_na": RESULTS_WORDS["na_count"],
    "insufficient_na": {
        "fr": "Pas de score : trop de questions de cette dimension ont reçu «\u00a0Ne s'applique pas\u00a0» "
        "({na}) ; celles qui s'appliquent ne pèsent que {applicable} de la dimension.",
        "de": "Kein Wert: zu viele Fragen dieser Dimension wurden mit „Trifft nicht zu“ beantwortet "
        "({na}); die zutreffenden Fragen machen nur {applicable} der Dimension aus.",
        "en": "No score: too many questions of this dimension were answered “Does not apply” "
        "({na}); those that apply weigh only {applicable} of the dimension.",
    },
    "col_question": {"fr": "Question", "de": "Frage", "en": "Question"},
    "col_answer": {"fr": "Réponse", "de": "Antwort", "en": "Answer"},
    "col_weight": {"fr": "Poids", "de": "Gewicht", "en": "Weight"},
    "col_points": {"fr": "Points apportés", "de": "Beitrag (Punkte)", "en": "Points brought"},
    "col_value": {"fr": "Valeur (0 à 1)", "de": "Wert (0 bis 1)", "en": "Value (0 to 1)"},
    "col_obstacle": RESULTS_WORDS["obstacle"],
    "col_severity": {"fr": "Pour votre commune", "de": "Für Ihre Gemeinde", "en": "For your commune"},
    "col_barometer": {"fr": "Communes répondantes qui le citent (baromètre 2021)",
                      "de": "Antwortende Gemeinden, die es nennen (Barometer 2021)",
                      "en": "Responding communes citing it (2021 barometer)"},
    "col_campaign_cites": {"fr": "Communes qui le citent (campagne {year})", "de": "Gemeinden, die es nennen "
                           "(Kampagne {year})", "en": "Communes citing it ({year} campaign)"},
    "campaign_obstacles_note": {
        "fr": "Colonne de la campagne : {title}, estimation pour toutes les communes à partir des {n} communes "
              "répondantes sur {N} ; entre parenthèses, la marge d'incertitude à 95\u00a0%.",
        "de": "Spalte der Kampagne: {title}, Schätzung für alle Gemeinden aus den {n} antwortenden von {N} "
              "Gemeinden; in Klammern die Unsicherheit der Schätzung (95\u00a0%).",
        "en": "The campaign's column: {title}, an estimate for all communes from the {n} responding communes of "
              "{N}; in brackets, the 95\u00a0% margin of uncertainty."},
    # a province where no commune answered: the estimate is not for all communes, the sentence after says which
    "campaign_obstacles_note_without": {
        "fr": "Colonne de la campagne : {title}, estimation à partir des {n} communes répondantes sur {N} ; entre "
              "parenthèses, la marge d'incertitude à 95\u00a0%. {coverage}",
        "de": "Spalte der Kampagne: {title}, Schätzung aus den {n} antwortenden von {N} Gemeinden; in Klammern die "
              "Unsicherheit der Schätzung (95\u00a0%). {coverage}",
        "en": "The campaign's column: {title}, an estimate from the {n} responding communes of {N}; in brackets, the "
              "95\u00a0% margin of uncertainty. {coverage}"},
    # after a campaign's source note: where its coordinator published the figures (a link, when the file gives one)
    "campaign_published_at": {"fr": "Publication : {link}", "de": "Veröffentlichung: {link}",
                              "en": "Publication: {link}"},
    "barometer_rank": FIGURE_WORDS["obstacle_rank"],  # the core's (maturity.labels), as the sheet says
    "kind_commune": {"fr": "vos réponses", "de": "Ihre Antworten", "en": "your answers"},
    # under the radar: the commune's province or size that the campaign does not publish (maturity.app.logic)
    "campaign_group_unpublished": {
        "fr": "Sans chiffre publié par la campagne : {groups}. Moins de 5 de leurs communes ont répondu, ou le groupe "
        "est masqué pour que les chiffres d'un groupe plus petit ne puissent pas se déduire des autres : le radar "
        "n'a pas de ligne pour lui.",
        "de": "Ohne von der Kampagne veröffentlichte Zahl: {groups}. Weniger als 5 ihrer Gemeinden haben geantwortet, "
        "oder die Gruppe ist ausgeblendet, damit sich die Zahlen einer kleineren Gruppe nicht aus den anderen ableiten "
        "lassen: Das Radar hat keine Linie für sie.",
        "en": "No figure published by the campaign for: {groups}. Fewer than 5 of their communes answered, or the group "
        "is hidden so that a smaller group's figures cannot be worked out from the others: the radar has no line for "
        "it.",
    },
    "kind_campaign": FIGURE_WORDS["campaign_estimate"],  # the core's (maturity.labels), as the citations say it
    "kind_pooled_unverified": FIGURE_WORDS["pooled_unverified"],  # as the series' name says (aggregates)
    "kind_previous": {"fr": "bilan précédent", "de": "vorherige Bewertung", "en": "previous assessment"},
    "table_header": {"fr": "Les chiffres", "de": "Die Zahlen", "en": "The numbers"},
    "levels_header": {
        "fr": "Niveau atteint par dimension",
        "de": "Erreichte Stufe je Dimension",
        "en": "Level reached per dimension",
    },
    "insufficient": {
        "fr": "Pas assez de réponses pour calculer ce score ({coverage} des questions utiles répondues ; "
        "il en faut {needed}).",
        "de": "Nicht genug Antworten für diesen Wert ({coverage} der Fragen beantwortet; {needed} nötig).",
        "en": "Not enough answers to compute this score ({coverage} of the questions answered; "
        "{needed} needed).",
    },
    "insufficient_short": SCORE_STATES["insufficient"],  # the core's (maturity.labels), as the sheet and CLI say
    "why_header": {"fr": "Pourquoi ce score ?", "de": "Warum dieser Wert?", "en": "Why this score?"},
    "why_help": {
        "fr": "Chaque réponse vaut une part de la meilleure réponse possible (de 0 à 1), multipliée par son poids ; "
        "le score est la moyenne pondérée de ces parts, sur 100. «\u00a0Je ne sais pas\u00a0» et les questions sans réponse "
        "ne comptent pas dans ce calcul mais font baisser les «\u00a0réponses utiles\u00a0» ; «\u00a0Ne s'applique pas\u00a0» est "
        "retiré de l'un comme de l'autre. Les points sont arrondis à l'unité de façon que leur total donne le score : "
        "deux réponses de même valeur et de même poids peuvent apporter l'une 2 points, l'autre 3.",
        "de": "Jede Antwort zählt als Anteil an der bestmöglichen Antwort (0 bis 1), mal ihrem Gewicht; der Wert "
        "ist der gewichtete Mittelwert dieser Anteile, auf 100. „Weiß ich nicht“ und unbeantwortete Fragen zählen "
        "dabei nicht, senken aber die „nutzbaren Antworten“; „Trifft nicht zu“ wird aus beidem herausgenommen. Die "
        "Punkte sind so auf ganze Zahlen gerundet, dass ihre Summe den Wert ergibt: Zwei Antworten mit gleichem Anteil "
        "und Gewicht können die eine 2, die andere 3 Punkte bringen.",
        "en": "Each answer is worth a share of the best possible answer (0 to 1), times its weight; the score is "
        "the weighted mean of these shares, out of 100. “I don't know” and unanswered questions do not count in "
        "it but lower the “usable answers”; “Does not apply” is left out of both. The points "
        "are rounded to whole numbers so that they add up to the score: two answers of the same value and weight may "
        "bring one 2 points, the other 3.",
    },
    "why_total": {
        "fr": "Total : le score de la dimension",
        "de": "Summe: der Wert der Dimension",
        "en": "Total: the dimension's score",
    },
    "obstacles_header": {
        "fr": "Vos freins et ceux du baromètre 2021",
        "de": "Ihre Hemmnisse und die des Barometers 2021",
        "en": "Your obstacles and those of the 2021 barometer",
    },
    # with an imported campaign the table has its column too: the heading names both
    "obstacles_header_campaign": {
        "fr": "Vos freins, ceux du baromètre 2021 et de la campagne {year}",
        "de": "Ihre Hemmnisse, die des Barometers 2021 und der Kampagne {year}",
        "en": "Your obstacles, those of the 2021 barometer and of the {year} campaign",
    },
    "obstacles_caption": {
        "fr": "Un frein est «\u00a0cité\u00a0» quand vous répondez «\u00a0Frein important\u00a0» ou «\u00a0Frein majeur\u00a0», comme dans "
        "le baromètre.",
        "de": "Ein Hemmnis gilt als „genannt“, wenn Sie „Erhebliches Hemmnis“ oder „Großes Hemmnis“ antworten, "
        "wie im Barometer.",
        "en": "An obstacle counts as “cited” when you answer “Significant obstacle” or “Major obstacle”, as in the "
        "barometer.",
    },
    "figures_source": {
        "fr": "Source de ces chiffres : {cites}.",
        "de": "Quelle dieser Zahlen: {cites}.",
        "en": "Source of these figures: {cites}.",
    },
    # a cell of the obstacles table with no figure, the barometer's or the campaign's (under 5 communes): the
    # core's (maturity.labels), as the sheet says
    "no_figure": FIGURE_WORDS["none"],
    "comparisons_header": RESULTS_WORDS["comparisons"],
    "comparisons_none": {
        "fr": "Répondez aux questions du profil et des freins pour vous comparer au baromètre.",
        "de": "Beantworten Sie die Fragen zu Profil und Hemmnissen, um sich mit dem Barometer zu vergleichen.",
        "en": "Answer the profile and obstacle questions to compare yourself with the barometer.",
    },
    "benchmarks_missing": {
        "fr": "Les chiffres du baromètre ne sont pas encore disponibles dans cet outil.",
        "de": "Die Zahlen des Barometers sind in diesem Werkzeug noch nicht verfügbar.",
        "en": "The barometer figures are not yet available in this tool.",
    },
    "no_reference": {
        "fr": "Pas encore de référence régionale.",
        "de": "Noch kein regionaler Vergleichswert.",
        "en": "No regional reference yet.",
    },
    "submit_header": {"fr": "Enregistrer ce bilan", "de": "Diese Bewertung speichern", "en": "Save this assessment"},
    "submit_help": {
        "fr": "Enregistrer fige une copie datée de vos réponses et scores : vous pourrez la comparer au "
        "prochain bilan. Vous pouvez continuer à modifier vos réponses ensuite.",
        "de": "Speichern legt eine datierte, unveränderliche Kopie Ihrer Antworten und Werte an, die Sie mit der "
        "nächsten Bewertung vergleichen können. Danach können Sie weiter Antworten ändern.",
        "en": "Saving keeps a dated, unchangeable copy of your answers and scores, to compare with the next "
        "assessment. You can keep changing your answers afterwards.",
    },
    "pool_opt_in": {
        "fr": "Partager les scores de ce bilan (sans les réponses) pour les moyennes wallonnes",
        "de": "Die Werte dieser Bewertung (ohne Antworten) für die wallonischen Mittelwerte teilen",
        "en": "Share this assessment's scores (not the answers) for the Walloon averages",
    },
    "pool_opt_in_help": {
        "fr": "Seuls les six scores et le code de la commune sont partagés, jamais les réponses. Une moyenne n'est "
        "publiée que pour un groupe d'au moins 5 communes, et les chiffres publiés ne changent jamais d'une seule "
        "commune à la fois : comparer un groupe avant et après votre partage ne donne pas vos scores. Cela ne les "
        "rend pas tout à fait secrets : qui connaîtrait les scores des autres communes d'un groupe pourrait encore "
        "les déduire. Ne partagez que des "
        "scores que la commune accepte de voir connus. Pour retirer des scores partagés, écrivez à {contact} en donnant le nom de la commune et la date "
        "du bilan.",
        "de": "Nur die sechs Werte und der Gemeindecode werden geteilt, nie die Antworten. Ein Mittelwert wird nur "
        "für eine Gruppe von mindestens 5 Gemeinden veröffentlicht, und die veröffentlichten Zahlen ändern sich nie "
        "um eine einzige Gemeinde: Wer eine Gruppe vor und nach Ihrem Teilen vergleicht, erhält Ihre Werte nicht. "
        "Ganz geheim sind sie damit nicht: Wer die Werte der anderen Gemeinden einer Gruppe kennt, könnte sie noch "
        "ableiten. Teilen Sie nur Werte, "
        "die die Gemeinde bekannt werden lassen kann. Um geteilte Werte "
        "zurückzuziehen, schreiben Sie an {contact} mit dem Namen der Gemeinde und dem Datum der Bewertung.",
        "en": "Only the six scores and the commune code are shared, never the answers. An average is published only "
        "for a group of at least 5 communes, and the published figures never change by a single commune: "
        "comparing a group before and after you share does not give your scores. That does not keep them "
        "wholly secret: someone who knew the scores of a group's other communes could still work them out. "
        "Share only scores the commune accepts "
        "may become known. To withdraw shared scores, write to "
        "{contact} with the commune's name and the date of the assessment.",
    },
    "pool_contact_default": {
        "fr": "l'administrateur de ce site (la personne ou le service qui vous a donné son adresse)",
        "de": "den Administrator dieser Seite (die Person oder Stelle, die Ihnen die Adresse gegeben hat)",
        "en": "the administrator of this site (the person or office that gave you its address)",
    },
    "submit_button": {"fr": "Enregistrer ce bilan", "de": "Bewertung speichern", "en": "Save this assessment"},
    # a campaign's invited space: the submission is its commune's response, and the page says it arrived
    "campaign_submit_done": {
        "fr": "La réponse {fr_de}**{commune}** est bien arrivée à la campagne «\u00a0{title}\u00a0». Vous pouvez encore la "
        "remplacer par un nouvel envoi jusqu'au {closes} inclus.",
        "de": "Die Antwort von **{commune}** ist bei der Kampagne „{title}“ angekommen. Bis einschließlich {closes} "
        "können Sie sie durch eine neue Sendung ersetzen.",
        "en": "**{commune}**'s response has reached the campaign “{title}”. You can still replace it by submitting "
        "again until {closes} included.",
    },
    "submit_done": {
        "fr": "Bilan enregistré le {date}.",
        "de": "Bewertung am {date} gespeichert.",
        "en": "Assessment saved on {date}.",
    },
    "history_header": {"fr": "Bilans enregistrés", "de": "Gespeicherte Bewertungen", "en": "Saved assessments"},
    "history_row": {
        "fr": "{date} — maturité globale {overall}{shared}",
        "de": "{date} — Gesamtreife {overall}{shared}",
        "en": "{date} — overall maturity {overall}{shared}",
    },
    "history_shared": {"fr": " (scores partagés)", "de": " (Werte geteilt)", "en": " (scores shared)"},
    # the shared entry's state (Store.pool_statuses): an open-pool entry waits for the admin's confirmation
    "history_shared_pending": {
        "fr": " (scores partagés, en attente de la confirmation de l'administrateur : ils ne comptent pas encore)",
        "de": " (Werte geteilt, warten auf die Bestätigung des Administrators: sie zählen noch nicht)",
        "en": " (scores shared, waiting for the administrator's confirmation: they do not count yet)"},
    "history_shared_counted": {"fr": " (scores partagés : ils comptent dans les chiffres mis en commun)",
                               "de": " (Werte geteilt: sie zählen in den gemeinsamen Zahlen)",
                               "en": " (scores shared: they count in the pooled figures)"},
    "history_shared_unpublished": {
        "fr": " (scores partagés : ils comptent, et paraîtront dans les chiffres publiés avec d'autres changements)",
        "de": " (Werte geteilt: sie zählen und erscheinen mit anderen Änderungen in den veröffentlichten Zahlen)",
        "en": " (scores shared: they count, and will appear in the published figures with other changes)"},
    "history_shared_superseded": {"fr": " (scores partagés, remplacés par un partage plus récent)",
                                  "de": " (Werte geteilt, durch eine neuere geteilte Bewertung ersetzt)",
                                  "en": " (scores shared, replaced by a more recent one)"},
    "history_shared_disputed": {
        "fr": " (scores partagés, qui ne comptent pas pour l'instant : un autre envoi au nom de la commune attend "
        "la décision de l'administrateur)",
        "de": " (Werte geteilt, zählen vorerst nicht: eine andere Sendung im Namen der Gemeinde wartet auf die "
        "Entscheidung des Administrators)",
        "en": " (scores shared, not counted for now: another submission in the commune's name awaits the "
        "administrator's decision)"},
    "history_shared_withdrawn": {"fr": " (scores partagés, retirés par l'administrateur)",
                                 "de": " (Werte geteilt, vom Administrator zurückgezogen)",
                                 "en": " (scores shared, withdrawn by the administrator)"},
    # shown under the pool box once ticked: what happens to the shared scores
    "pool_pending_note": {
        "fr": "Vos scores partagés ne compteront qu'une fois que l'administrateur du site aura confirmé l'envoi : "
        "n'importe qui peut envoyer un bilan au nom d'une commune, il vérifie donc d'abord qu'il vient bien de la "
        "vôtre. En attendant, ils ne figurent dans aucun chiffre. La liste des bilans enregistrés, ci-dessous, "
        "dit où ils en sont.",
        "de": "Ihre geteilten Werte zählen erst, wenn der Administrator dieser Seite die Sendung bestätigt hat: "
        "Jeder kann im Namen einer Gemeinde eine Bewertung senden, deshalb prüft er zuerst, dass sie wirklich "
        "von Ihrer Gemeinde stammt. Bis dahin erscheinen sie in keiner Zahl. Die Liste der gespeicherten "
        "Bewertungen unten zeigt, wo sie stehen.",
        "en": "Your shared scores count only once the site's administrator has confirmed the submission: anyone "
        "can send an assessment in a commune's name, so the administrator first checks that it came from yours. "
        "Until then they are in no figure. The list of saved assessments below says where they stand.",
    },
    "pool_invited_note": {
        "fr": "Ce bilan est envoyé par le lien d'invitation de votre commune : ses scores partagés comptent dès "
        "leur arrivée, sans attendre l'administrateur.",
        "de": "Diese Bewertung wird über den Einladungslink Ihrer Gemeinde gesendet: Ihre geteilten Werte zählen "
        "sofort, ohne auf den Administrator zu warten.",
        "en": "This assessment is sent through your commune's invitation link: its shared scores count on "
        "arrival, without waiting for the administrator.",
    },
    # after « pool_invited_note » and « pool_pending_note »: published with others, never alone (poolrelease)
    "pool_release_note": {
        "fr": "Les chiffres publiés les montreront avec d'autres changements, jamais seuls : qui comparerait les "
        "chiffres d'avant et d'après ne pourra pas en déduire vos scores.",
        "de": "Die veröffentlichten Zahlen zeigen sie zusammen mit anderen Änderungen, nie allein: Wer die Zahlen "
        "von vorher und nachher vergleicht, kann daraus Ihre Werte nicht ableiten.",
        "en": "The published figures will show them together with other changes, never alone: whoever compares "
        "the figures before and after cannot work out your scores.",
    },
    # --- recommendations
    "recs_title": {"fr": "Recommandations — {name}", "de": "Empfehlungen — {name}", "en": "Recommendations — {name}"},
    "recs_intro": {
        "fr": "Les recommandations qui correspondent à vos réponses, les plus urgentes d'abord.",
        "de": "Die Empfehlungen, die zu Ihren Antworten passen, die dringendsten zuerst.",
        "en": "The recommendations that match your answers, the most urgent first.",
    },
    "recs_none": {
        "fr": "Aucune recommandation ne correspond encore à vos réponses. Répondez à plus de questions.",
        "de": "Noch keine Empfehlung passt zu Ihren Antworten. Beantworten Sie weitere Fragen.",
        "en": "No recommendation matches your answers yet. Answer more questions.",
    },
    "recs_list_header": {"fr": "Les recommandations", "de": "Die Empfehlungen", "en": "The recommendations"},
    "recs_list_help": {
        "fr": "{n:# recommandation correspond|# recommandations correspondent} à vos réponses, les plus urgentes "
        "d'abord : priorité 1 (haute), 2 (moyenne), 3 (normale). «\u00a0Ajouter\u00a0» met une action dans la feuille de "
        "route ci-dessus.",
        "de": "{n:# Empfehlung passt|# Empfehlungen passen} zu Ihren Antworten, die dringendsten zuerst: Priorität 1 "
        "(hoch), 2 (mittel), 3 (normal). „Hinzufügen“ übernimmt eine Maßnahme in den Fahrplan oben.",
        "en": "{n:# recommendation matches|# recommendations match} your answers, the most urgent first: priority 1 "
        "(high), 2 (medium), 3 (normal). \"Add\" puts an action into the roadmap above.",
    },
    "priority": {"fr": "Priorité {p}", "de": "Priorität {p}", "en": "Priority {p}"},
    "actions": {"fr": "Actions proposées", "de": "Vorgeschlagene Maßnahmen", "en": "Suggested actions"},
    "resources": {"fr": "Pour aller plus loin", "de": "Weiterführende Hilfe", "en": "Going further"},
    "downloads_header": {"fr": "Téléchargements", "de": "Downloads", "en": "Downloads"},
    "dl_pdf": {
        "fr": "Fiche pour le Collège (PDF)",
        "de": "Blatt für das Gemeindekollegium (PDF)",
        "en": "Sheet for the Collège (PDF)",
    },
    "dl_docx": {"fr": "Fiche modifiable (Word, DOCX)", "de": "Blatt zum Bearbeiten (Word, DOCX)",
                "en": "Editable sheet (Word, DOCX)"},
    "dl_md": {"fr": "Fiche (texte Markdown)", "de": "Blatt (Markdown-Text)", "en": "Sheet (Markdown text)"},
    "dl_pst": {
        "fr": "Actions pour le PST (tableur CSV)",
        "de": "Maßnahmen für das PST (CSV-Tabelle)",
        "en": "Actions for the PST (CSV spreadsheet)",
    },
    "dl_scores": {"fr": "Scores (tableur CSV)", "de": "Werte (CSV-Tabelle)", "en": "Scores (CSV spreadsheet)"},
    "dl_answers": {"fr": "Réponses (JSON)", "de": "Antworten (JSON)", "en": "Answers (JSON)"},
    # the words of downloaded file names (ASCII after logic.safe_filename), in the page's language
    "file_sheet": {"fr": "fiche", "de": "blatt", "en": "sheet"},
    "file_pst": {"fr": "actions-pst", "de": "massnahmen-pst", "en": "pst-actions"},
    "file_scores": {"fr": "scores", "de": "werte", "en": "scores"},
    "file_answers": {"fr": "reponses", "de": "antworten", "en": "answers"},
    "file_everything": {"fr": "donnees-conservees", "de": "gespeicherte-daten", "en": "stored-data"},
    "file_pool": {"fr": "pot-commun-moyennes", "de": "gemeinsamer-pool-mittelwerte", "en": "pool-means"},
    "dl_help": {
        "fr": "La fiche PDF reprend le graphique, les niveaux, les freins et les recommandations ; la même "
              "fiche en Word (DOCX) se modifie, par exemple pour la note au Collège.",
        "de": "Das PDF-Blatt enthält die Grafik, die Stufen, die Hemmnisse und die Empfehlungen; dasselbe "
              "Blatt in Word (DOCX) lässt sich bearbeiten, etwa für die Vorlage an das Gemeindekollegium.",
        "en": "The PDF sheet holds the chart, the levels, the obstacles and the recommendations; the same sheet "
              "in Word (DOCX) can be edited, for instance for the note to the Collège.",
    },
    "pst_explained": {
        "fr": "Le PST est le Programme Stratégique Transversal de la commune.",
        "de": "Das PST (strategisches Querschnittsprogramm) ist der Strategieplan der wallonischen Gemeinden; die "
              "Tabelle passt auch zum Strategieplan einer Gemeinde der Deutschsprachigen Gemeinschaft.",
        "en": "The PST is the commune's cross-cutting strategic programme.",
    },
    # --- wallonia
    "wal_title": {
        "fr": "La Wallonie en chiffres",
        "de": "Wallonie in Zahlen",
        "en": "Wallonia in figures",
    },
    "wal_intro": {
        "fr": "Les chiffres publiés du baromètre wallon des Smart Cities, et les moyennes des bilans que les "
        "communes ont choisi de partager (seulement pour des groupes d'au moins 5 communes).",
        "de": "Die veröffentlichten Zahlen des wallonischen Smart-City-Barometers und die Mittelwerte der "
        "Bewertungen, die Gemeinden geteilt haben (nur für Gruppen von mindestens 5 Gemeinden).",
        "en": "The published figures of the Walloon Smart City barometer, and the means of the assessments "
        "communes chose to share (only for groups of at least 5 communes).",
    },
    "wal_campaign_header": {
        "fr": "La campagne régionale",
        "de": "Die regionale Kampagne",
        "en": "The regional campaign",
    },
    "wal_campaign_intro": {
        "fr": "Les estimations publiées par la dernière campagne de toutes les communes wallonnes : le repère "
        "«\u00a0Wallonie\u00a0» des radars de cette installation.",
        "de": "Die von der letzten Kampagne aller wallonischen Gemeinden veröffentlichten Schätzungen: der "
        "Vergleichswert „Wallonie“ der Radare dieser Installation.",
        "en": "The estimates published by the latest campaign of every Walloon commune: the \"Wallonia\" "
        "reference of this installation's radars.",
    },
    "wal_campaign_unpublished": {
        "fr": "Pas de chiffre publié pour {provinces} : une province n'est publiée qu'à partir de 5 communes "
        "répondantes, et une province qui en compte plus est parfois tue avec elles, pour que leurs chiffres ne "
        "puissent pas se déduire des autres. Les communes qui y ont répondu comptent dans le chiffre de la "
        "Wallonie.",
        "de": "Keine veröffentlichte Zahl für {provinces}: Eine Provinz wird erst ab 5 antwortenden Gemeinden "
        "veröffentlicht, und eine Provinz mit mehr Antworten wird manchmal mit ihnen zurückgehalten, damit sich "
        "deren Zahlen nicht aus den anderen ableiten lassen. Die Gemeinden, die dort geantwortet haben, zählen "
        "in der Zahl der Wallonie.",
        "en": "No figure published for {provinces}: a province is published only from 5 responding communes, "
        "and a province with more is sometimes withheld with them, so that their figures cannot be worked out "
        "from the others. The communes that answered there count in Wallonia's figure.",
    },
    "wal_campaign_note": {
        "fr": "Chaque chiffre : l'estimation sur 100 et, entre parenthèses, son intervalle de confiance à 95\u00a0% (la "
        "vraie moyenne du groupe s'y trouve avec une confiance de 95\u00a0%) ; sans parenthèses quand toutes les communes "
        "du groupe ont répondu (il n'y a plus rien à estimer). n : les communes qui ont répondu, sur "
        "celles du groupe{by_dimension}. Source : {title}, publié par {publisher} le {date} ({licence}).",
        "de": "Jede Zahl: die Schätzung (0 bis 100) und in Klammern ihr 95-%-Konfidenzintervall (der wahre "
        "Mittelwert der Gruppe liegt mit 95\u00a0% Sicherheit darin); ohne Klammern, wenn alle Gemeinden der Gruppe "
        "geantwortet haben (es bleibt nichts zu schätzen). n: die Gemeinden, die geantwortet haben, von "
        "denen der Gruppe{by_dimension}. Quelle: {title}, veröffentlicht von {publisher} am {date} ({licence}).",
        "en": "Each figure: the estimate out of 100 and, in brackets, its 95\u00a0% confidence interval (the group's "
        "true mean lies in it with 95\u00a0% confidence); no brackets when every commune of the group answered (nothing "
        "is left to estimate). n: the communes that answered, of those in the group{by_dimension}. "
        "Source: {title}, published by {publisher} on {date} ({licence}).",
    },
    # after wal_campaign_note's n, only where a group's n differs by dimension, with that group's own range
    "wal_campaign_n_by_dimension": {
        "fr": " ; «\u00a0{n_range}\u00a0» : selon la dimension (une commune qui n'a pas assez répondu sur une dimension n'y "
        "compte pas)",
        "de": "; „{n_range}“: je nach Dimension (eine Gemeinde, die zu einer Dimension zu wenig geantwortet hat, "
        "zählt dort nicht)",
        "en": "; “{n_range}”: depending on the dimension (a commune that answered too little on a dimension does "
        "not count there)",
    },
    "n_of": {"fr": "{n} sur {N}", "de": "{n} von {N}", "en": "{n} of {N}"},
    "n_range": {"fr": "{low} à {high}", "de": "{low} bis {high}", "en": "{low} to {high}"},
    "wal_pool_header": {
        "fr": "Moyennes des bilans partagés",
        "de": "Mittelwerte der geteilten Bewertungen",
        "en": "Means of shared assessments",
    },
    # the open pool's kind, said on the Wallonie page as on the radar (contract §7: labelled unverified): its
    # « Wallonie » line was read as Wallonia's while 5 communes of one province made it (fresh-eyes trial 14)
    "wal_pool_kind": {
        "fr": "Nature : {kind}. Ce sont les moyennes des communes qui ont choisi de partager leurs scores, pas "
        "un échantillon de toutes les communes : la ligne «\u00a0Wallonie\u00a0» est la moyenne de celles-là, "
        "de quelque province qu'elles soient.",
        "de": "Art: {kind}. Es sind die Mittelwerte der Gemeinden, die ihre Werte teilen wollten, keine "
        "Stichprobe aller Gemeinden: Die Zeile „Wallonie“ ist der Mittelwert dieser Gemeinden, aus welcher "
        "Provinz sie auch kommen.",
        "en": "Kind: {kind}. These are the means of the communes that chose to share their scores, not a sample "
        "of all communes: the “Wallonia” line is the mean of those, whatever their province.",
    },
    "wal_pool_kind_campaign": {
        "fr": "Le repère «\u00a0Wallonie\u00a0» des radars est celui de la campagne ci-dessus ; ces moyennes-ci "
        "ne servent qu'aux groupes qu'elle ne publie pas.",
        "de": "Der Bezugswert „Wallonie“ der Radardiagramme ist der der Kampagne oben; diese Mittelwerte dienen "
        "nur den Gruppen, die sie nicht veröffentlicht.",
        "en": "The radars' “Wallonia” reference is the campaign's above; these means serve only the groups it "
        "does not publish.",
    },
    "wal_pool_none": {
        "fr": "Moins de 5 communes ont un bilan partagé qui compte (un partage compte une fois confirmé par "
        "l'administrateur du site) : aucune moyenne n'est publiée pour l'instant.",
        "de": "Weniger als 5 Gemeinden haben eine geteilte Bewertung, die zählt (eine geteilte Bewertung zählt, "
        "sobald der Administrator dieser Seite sie bestätigt hat): noch kein Mittelwert veröffentlicht.",
        "en": "Fewer than 5 communes have a shared assessment that counts (a shared assessment counts once the "
        "site's administrator has confirmed it): no mean is published yet.",
    },
    # a group the last release showed and a withdrawal or an erasure took a commune out of (maturity.poolrelease)
    "wal_pool_held": {
        "fr": "Chiffres masqués depuis qu'une commune a retiré son auto-évaluation\u00a0: {groups}. Les montrer sans "
        "elle permettrait de retrouver ses scores par différence\u00a0; ils reviendront quand le groupe aura changé "
        "d'au moins deux communes, ou quand l'administrateur les publiera.",
        "de": "Zahlen ausgeblendet, seit eine Gemeinde ihre Selbstbewertung zurückgezogen hat: {groups}. Sie ohne "
        "sie zu zeigen, verriete ihre Werte durch Vergleich; sie erscheinen wieder, wenn sich die Gruppe um "
        "mindestens zwei Gemeinden geändert hat oder die Verwaltung sie veröffentlicht.",
        "en": "Figures hidden since a commune withdrew its self-assessment: {groups}. Showing them without it "
        "would give its scores away by difference; they return once the group has changed by two communes or "
        "more, or when the administrator publishes them.",
    },
    "wal_barometer_header": {
        "fr": "Le baromètre wallon",
        "de": "Das wallonische Barometer",
        "en": "The Walloon barometer",
    },
    "col_figure": {"fr": "Indicateur", "de": "Kennzahl", "en": "Figure"},
    "col_figure_value": {"fr": "Valeur", "de": "Wert", "en": "Value"},
    "wal_estimate_note": {
        "fr": "Chaque chiffre indique sa nature (publié, moyenne de bilans partagés), sa source, son année et "
        "le nombre de communes (n) sur lequel il porte.",
        "de": "Jede Zahl nennt ihre Art (veröffentlicht, Mittelwert geteilter Bewertungen), ihre Quelle, ihr "
        "Jahr und die Zahl der Gemeinden (n), auf die sie sich stützt.",
        "en": "Each figure states its kind (published, mean of shared assessments), its source, its year and "
        "the number of communes (n) it rests on.",
    },
    "col_group": {"fr": "Groupe", "de": "Gruppe", "en": "Group"},
    "group_region": {"fr": "Wallonie", "de": "Wallonie", "en": "Wallonia"},
    # --- admin
    "admin_title": {"fr": "Administration", "de": "Verwaltung", "en": "Administration"},
    "admin_source_assessment": {"fr": "bilan envoyé ici", "de": "hier eingereicht",
                                "en": "assessment sent here"},
    "admin_password": {"fr": "Mot de passe", "de": "Passwort", "en": "Password"},
    "admin_login": {"fr": "Se connecter", "de": "Anmelden", "en": "Sign in"},
    "admin_logout": {"fr": "Se déconnecter", "de": "Abmelden", "en": "Sign out"},
    "admin_wrong": {"fr": "Mot de passe incorrect.", "de": "Falsches Passwort.", "en": "Wrong password."},
    "admin_throttled": {
        "fr": "Trop d'essais : réessayez dans {seconds:# seconde|# secondes}.",
        "de": "Zu viele Versuche: erneut in {seconds:# Sekunde|# Sekunden}.",
        "en": "Too many attempts: try again in {seconds:# second|# seconds}.",
    },
    "admin_not_configured": {
        "fr": "L'administration est désactivée : aucun mot de passe n'est configuré "
        "(MATURITY_ADMIN_PASSWORD_HASH).",
        "de": "Die Verwaltung ist deaktiviert: kein Passwort konfiguriert (MATURITY_ADMIN_PASSWORD_HASH).",
        "en": "Administration is disabled: no password is configured (MATURITY_ADMIN_PASSWORD_HASH).",
    },
    "admin_entries": {"fr": "Entrées partagées", "de": "Geteilte Einträge", "en": "Shared entries"},
    "admin_none": {"fr": "Aucune entrée.", "de": "Keine Einträge.", "en": "No entries."},
    "admin_withdrawn": {"fr": "Entrée n° {id} retirée.", "de": "Eintrag Nr. {id} zurückgezogen.",
                        "en": "Entry no. {id} withdrawn."},
    "admin_export": {
        "fr": "Exporter les moyennes (CSV, groupes de 5 communes au moins)",
        "de": "Mittelwerte exportieren (CSV, Gruppen ab 5 Gemeinden)",
        "en": "Export the means (CSV, groups of 5 communes or more)",
    },
    "col_id": {"fr": "N°", "de": "Nr.", "en": "No."},
    "col_commune": {"fr": "Commune", "de": "Gemeinde", "en": "Commune"},
    "col_date": {"fr": "Date", "de": "Datum", "en": "Date"},
    "col_status": {"fr": "État", "de": "Status", "en": "Status"},
    "status_withdrawn": {"fr": "retirée", "de": "zurückgezogen", "en": "withdrawn"},
    "status_counted": {"fr": "comptée", "de": "gezählt", "en": "counted"},
    # counted, not yet in the published figures (maturity.poolrelease): it waits for company or the admin
    "status_unpublished": {"fr": "à publier", "de": "zu veröffentlichen", "en": "to publish"},
    "status_superseded": {"fr": "remplacée (même espace)", "de": "ersetzt (gleicher Bereich)",
                          "en": "superseded (same space)"},
    "status_disputed": {"fr": "contestée", "de": "strittig", "en": "disputed"},
    "status_pending": {"fr": "en attente", "de": "wartet", "en": "pending"},
    "col_space_fp": {"fr": "Espace (empreinte)", "de": "Bereich (Kennung)", "en": "Space (fingerprint)"},
    "col_client_fp": {"fr": "Client (empreinte)", "de": "Client (Kennung)", "en": "Client (fingerprint)"},
    "col_received": {"fr": "Reçue le", "de": "Eingegangen am", "en": "Received"},
    # the admin's grid: short headers and words (its columns fit a 1280 px screen), what they mean in their help
    "status_superseded_short": {"fr": "remplacée", "de": "ersetzt", "en": "superseded"},
    "col_status_help": {
        "fr": "en attente : ne compte dans aucun chiffre tant que vous ne l'avez pas confirmée ; "
        "comptée : dans les chiffres ; à publier : comptée, les chiffres publiés la montreront avec d'autres "
        "changements («\u00a0Chiffres publiés\u00a0») ; remplacée : une entrée plus récente du même espace compte à sa place ; "
        "contestée : la commune a des entrées de plusieurs espaces, aucune ne compte tant que vous n'avez pas "
        "tranché ; retirée : vous l'avez retirée.",
        "de": "wartet: zählt in keiner Zahl, bis Sie ihn bestätigt haben; "
        "gezählt: in den Zahlen; zu veröffentlichen: gezählt, die veröffentlichten Zahlen zeigen ihn mit "
        "anderen Änderungen („Veröffentlichte Zahlen“); ersetzt: ein neuerer Eintrag desselben Bereichs zählt an seiner Stelle; "
        "strittig: die Gemeinde hat Einträge aus mehreren Bereichen, keiner zählt, bis Sie entschieden haben; "
        "zurückgezogen: von Ihnen zurückgezogen.",
        "en": "pending: counts in no figure until you confirm it; "
        "counted: in the figures; to publish: counted, the published figures will show it with other changes "
        "(“Published figures”); superseded: a newer entry from the same space counts instead; disputed: "
        "the commune has entries from several spaces, none counts until you settle it; withdrawn: you withdrew "
        "it.",
    },
    "col_space": {"fr": "Espace", "de": "Bereich", "en": "Space"},
    "col_client": {"fr": "Client", "de": "Client", "en": "Client"},
    "col_space_help": {"fr": "Empreinte de l'espace (le lien de reprise) qui a envoyé l'entrée.",
                       "de": "Kennung des Bereichs (Link zum Fortsetzen), der den Eintrag gesendet hat.",
                       "en": "Fingerprint of the space (resume link) that sent the entry."},
    "col_client_help": {"fr": "Empreinte du client (adresse réseau hachée ; l'adresse n'est pas conservée).",
                        "de": "Kennung des Clients (gehashte Netzwerkadresse; die Adresse wird nicht gespeichert).",
                        "en": "Fingerprint of the client (hashed network address; the address is not kept)."},
    "admin_search": {"fr": "Rechercher une entrée (commune, source, empreinte…)",
                     "de": "Eintrag suchen (Gemeinde, Quelle, Kennung …)",
                     "en": "Search the entries (commune, source, fingerprint…)"},
    # a list searched on a phone (the grid it stands for has its own search)
    "list_found": {"fr": "{n} sur {total}", "de": "{n} von {total}", "en": "{n} of {total}"},
    "list_none": {"fr": "Rien ne correspond à «\u00a0{query}\u00a0».", "de": "Nichts entspricht „{query}“.",
                  "en": "Nothing matches “{query}”."},
    "col_received_utc": {"fr": "Reçue le (UTC)", "de": "Eingang (UTC)", "en": "Received (UTC)"},
    "admin_provenance_help": {
        "fr": "Chaque entrée dit d'où elle vient : l'empreinte de l'espace (le lien de reprise) qui l'a "
        "envoyée et celle du client (adresse réseau hachée, l'adresse n'est pas conservée). Une commune dont "
        "les entrées viennent de plusieurs espaces est **contestée** : aucune ne compte dans les chiffres tant "
        "que vous n'avez pas tranché.",
        "de": "Jeder Eintrag nennt seine Herkunft: die Kennung des Bereichs (Link zum Fortsetzen), der ihn "
        "gesendet hat, und die des Clients (gehashte Netzwerkadresse, die Adresse wird nicht gespeichert). "
        "Eine Gemeinde mit Einträgen aus mehreren Bereichen ist **strittig**: keiner zählt, bis Sie "
        "entschieden haben.",
        "en": "Each entry says where it came from: the fingerprint of the space (resume link) that sent it and "
        "that of the client (hashed network address; the address is not kept). A commune whose entries come "
        "from several spaces is **disputed**: none counts in the figures until you settle it.",
    },
    "admin_disputes": {"fr": "Communes contestées", "de": "Strittige Gemeinden", "en": "Disputed communes"},
    "admin_dispute_keep": {"fr": "Garder les entrées de l'espace", "de": "Einträge dieses Bereichs behalten",
                           "en": "Keep the entries of space"},
    "admin_dispute_none": {"fr": "(aucun : tout retirer)", "de": "(keinen: alle zurückziehen)",
                           "en": "(none: withdraw all)"},
    "admin_dispute_settle": {"fr": "Trancher pour {name}", "de": "Für {name} entscheiden", "en": "Settle {name}"},
    "admin_settled": {"fr": "{n:# entrée retirée|# entrées retirées}.", "de": "{n:# Eintrag zurückgezogen|# Einträge zurückgezogen}.",
                      "en": "{n:# entry withdrawn|# entries withdrawn}."},
    "admin_bulk_header": {"fr": "Retirer en bloc", "de": "Sammelweise zurückziehen", "en": "Withdraw in bulk"},
    "admin_bulk_select": {"fr": "Entrées à retirer", "de": "Zurückzuziehende Einträge", "en": "Entries to withdraw"},
    "admin_bulk_placeholder": {"fr": "Choisissez des entrées", "de": "Einträge wählen", "en": "Choose entries"},
    "admin_bulk_button": {"fr": "Retirer les entrées choisies", "de": "Gewählte Einträge zurückziehen",
                          "en": "Withdraw the chosen entries"},
    "admin_bulk_client": {"fr": "Ou toutes les entrées actives d'un client",
                          "de": "Oder alle aktiven Einträge eines Clients",
                          "en": "Or every active entry from one client"},
    "admin_bulk_client_option": {"fr": "{fp} ({n:# entrée|# entrées})", "de": "{fp} ({n:# Eintrag|# Einträge})",
                                 "en": "{fp} ({n:# entry|# entries})"},
    "admin_bulk_client_button": {"fr": "{n:Retirer l'entrée|Retirer les # entrées} de {fp}",
                                 "de": "{n:Den Eintrag|Die # Einträge} von {fp} zurückziehen",
                                 "en": "{n:Withdraw the entry|Withdraw the # entries} from {fp}"},
    # an open-pool entry counts only once the admin has confirmed it (SECURITY.md « Who speaks for a commune »)
    "admin_pending_header": {"fr": "{n:# entrée attend|# entrées attendent} votre confirmation",
                             "de": "{n:# Eintrag wartet|# Einträge warten} auf Ihre Bestätigung",
                             "en": "{n:# entry waits|# entries wait} for your confirmation"},
    "admin_pending_help": {
        "fr": "N'importe qui peut envoyer un bilan au nom de n'importe quelle commune. Une entrée partagée depuis un "
        "espace ordinaire ne compte donc dans aucun chiffre, ni dans le nombre de communes d'aucun groupe, tant que "
        "vous ne l'avez pas confirmée. Avant de confirmer, vérifiez auprès de la commune que l'entrée vient bien "
        "d'elle (sa date, son empreinte d'espace). Les entrées reçues par le lien d'invitation d'une campagne "
        "comptent dès leur arrivée (le lien prouve la commune), les imports aussi (c'est vous qui les faites).",
        "de": "Jeder kann im Namen jeder Gemeinde eine Bewertung senden. Ein aus einem gewöhnlichen Bereich "
        "geteilter Eintrag zählt deshalb in keiner Zahl und in keiner Gruppengröße, bis Sie ihn bestätigt haben. "
        "Prüfen Sie vor der Bestätigung bei der Gemeinde, dass der Eintrag wirklich von ihr stammt (Datum, "
        "Kennung des Bereichs). Einträge über den Einladungslink einer Kampagne zählen sofort (der Link belegt "
        "die Gemeinde), Importe ebenso (Sie nehmen sie selbst vor).",
        "en": "Anyone can send an assessment in any commune's name. So an entry shared from an ordinary space "
        "counts in no figure, nor in any group's number of communes, until you confirm it. Before confirming, "
        "check with the commune that the entry really came from it (its date, its space fingerprint). Entries "
        "received through a campaign's invitation link count on arrival (the link proves the commune), and so do "
        "imports (you make them yourself).",
    },
    "admin_confirm_select": {"fr": "Entrées à confirmer", "de": "Zu bestätigende Einträge",
                             "en": "Entries to confirm"},
    "admin_confirm_button": {"fr": "Confirmer les entrées choisies", "de": "Gewählte Einträge bestätigen",
                             "en": "Confirm the chosen entries"},
    "admin_confirm_all": {"fr": "{n:Confirmer l'entrée en attente|Confirmer les # entrées en attente}",
                          "de": "{n:Den wartenden Eintrag bestätigen|Alle # wartenden Einträge bestätigen}",
                          "en": "{n:Confirm the pending entry|Confirm all # pending entries}"},
    "admin_confirmed": {"fr": "{n:# entrée confirmée : elle compte|# entrées confirmées : elles comptent} "
                        "désormais (les chiffres publiés {n:la|les} montrent dès la prochaine publication).",
                        "de": "{n:# Eintrag bestätigt: er zählt|# Einträge bestätigt: sie zählen} jetzt (die "
                        "veröffentlichten Zahlen zeigen {n:ihn|sie} ab der nächsten Veröffentlichung).",
                        "en": "{n:# entry confirmed: it now counts|# entries confirmed: they now count} (the "
                        "published figures show {n:it|them} from the next release)."},
    # the published figures change in releases (maturity.poolrelease; SECURITY.md « Who speaks for a commune »)
    "admin_confirm_waits": {
        "fr": "{n:Cette entrée comptera|Ces # entrées compteront}, mais les chiffres publiés ne {n:la|les} "
        "montreront pas encore : {why} {n:Elle attendra|Elles attendront} d'autres changements qui "
        "{n:l'accompagnent|les accompagnent}, ou que vous publiiez («\u00a0Chiffres publiés\u00a0», plus bas).",
        "de": "{n:Dieser Eintrag zählt|Diese # Einträge zählen}, aber die veröffentlichten Zahlen zeigen "
        "{n:ihn|sie} noch nicht: {why} {n:Er wartet|Sie warten} auf weitere Änderungen, die {n:ihn|sie} "
        "begleiten, oder bis Sie "
        "veröffentlichen („Veröffentlichte Zahlen“, weiter unten).",
        "en": "{n:This entry will count|These # entries will count}, but the published figures will not show "
        "{n:it|them} yet: {why} {n:It waits|They wait} for other changes to go with {n:it|them}, or until you "
        "publish (“Published "
        "figures”, below).",
    },
    "admin_why_one": {
        "fr": "{groups} {n:changerait|changeraient} d'une seule commune, et qui a vu {n:ses|leurs} chiffres avant "
        "pourrait en déduire ses scores.",
        "de": "{groups} {n:würde sich|würden sich} um eine einzige Gemeinde ändern, und wer die Zahlen vorher "
        "gesehen hat, könnte daraus ihre Werte ableiten.",
        "en": "{groups} would {n:change|each change} by a single commune, and anyone who saw the figures before "
        "could work out its scores.",
    },
    "admin_why_combined": {
        "fr": "en combinant les groupes de cette publication et de n'importe quelle publication d'avant (la "
        "Wallonie moins une province, par exemple), on pourrait déduire les scores de {communes}.",
        "de": "durch Verrechnen der Gruppen dieser Veröffentlichung mit denen einer beliebigen früheren (etwa die "
        "Wallonie minus eine Provinz) ließen sich die Werte von {communes} ableiten.",
        "en": "by combining the groups of this release with those of any earlier one (Wallonia minus a province, "
        "for instance), one could work out the scores of {communes}.",
    },
    "admin_erased_commune": {"fr": "une commune effacée", "de": "eine gelöschte Gemeinde", "en": "an erased commune"},
    "admin_release_header": {"fr": "Chiffres publiés", "de": "Veröffentlichte Zahlen", "en": "Published figures"},
    "admin_release_help": {
        "fr": "Les chiffres que voient les communes changent par publications. Une publication se fait d'elle-même "
        "dès que rien ne permet d'en déduire les scores d'une commune : aucun groupe publié ne change d'une seule "
        "commune, ni une combinaison de groupes. Sinon, les changements (entrées confirmées, reçues par un lien "
        "d'invitation, importées, retirées) attendent d'autres changements, ou que vous publiiez. Un retrait ou un "
        "effacement sort la commune de tous les chiffres aussitôt : ses groupes sont alors masqués.",
        "de": "Die Zahlen, die die Gemeinden sehen, ändern sich in Veröffentlichungen. Eine Veröffentlichung "
        "geschieht von selbst, sobald sich daraus die Werte keiner Gemeinde ableiten lassen: keine "
        "veröffentlichte Gruppe ändert sich um eine einzige Gemeinde, auch keine Kombination von Gruppen. Sonst "
        "warten die Änderungen (bestätigte, über einen Einladungslink erhaltene, importierte, zurückgezogene "
        "Einträge) auf weitere Änderungen oder auf Ihre Veröffentlichung. Ein Rückzug oder eine Löschung nimmt die "
        "Gemeinde sofort aus allen Zahlen: ihre Gruppen werden dann ausgeblendet.",
        "en": "The figures communes see change in releases. A release happens by itself as soon as nothing in it "
        "gives a commune's scores away: no published group changes by a single commune, nor any combination of "
        "groups. Otherwise the changes (entries confirmed, received through an invitation link, imported, "
        "withdrawn) wait for other changes, or until you publish. A withdrawal or an erasure takes the commune out "
        "of every figure at once: its groups are then hidden.",
    },
    "admin_release_last": {"fr": "Dernière publication : {date}, {by}.", "de": "Letzte Veröffentlichung: {date}, {by}.",
                           "en": "Last release: {date}, {by}."},
    "admin_release_by_initial": {"fr": "les chiffres tels qu'ils étaient avant les publications",
                                 "de": "die Zahlen, wie sie vor den Veröffentlichungen waren",
                                 "en": "the figures as they were before releases"},
    "admin_release_by_auto": {"fr": "d'elle-même", "de": "von selbst", "en": "by itself"},
    "admin_release_by_admin": {"fr": "par l'administrateur", "de": "durch die Verwaltung", "en": "by the administrator"},
    "admin_release_none": {"fr": "Rien n'attend : les chiffres publiés sont à jour.",
                           "de": "Nichts wartet: die veröffentlichten Zahlen sind aktuell.",
                           "en": "Nothing waits: the published figures are up to date."},
    "admin_release_waiting": {
        "fr": "Depuis la dernière publication, {n:# commune a changé|# communes ont changé} ({communes})\u00a0; "
        "{n:ce changement attend|ces changements attendent}\u00a0: {why}",
        "de": "Seit der letzten Veröffentlichung {n:hat sich # Gemeinde|haben sich # Gemeinden} geändert "
        "({communes}); {n:diese Änderung wartet|diese Änderungen warten}: {why}",
        "en": "Since the last release {n:# commune has|# communes have} changed ({communes}); {n:this change "
        "waits|these changes wait}: {why}",
    },
    "admin_release_held": {
        "fr": "Masqués depuis un retrait ou un effacement : {groups}. Les montrer sans la commune sortie donnerait "
        "ses scores par différence ; ils reviendront quand ils auront changé d'au moins deux communes, ou quand "
        "vous publierez.",
        "de": "Ausgeblendet seit einem Rückzug oder einer Löschung: {groups}. Sie ohne die ausgeschiedene "
        "Gemeinde zu zeigen, verriete ihre Werte durch Vergleich; sie erscheinen wieder, wenn sie sich um "
        "mindestens zwei Gemeinden geändert haben oder wenn Sie veröffentlichen.",
        "en": "Hidden since a withdrawal or an erasure: {groups}. Showing them without the commune that left "
        "would give its scores away by difference; they return once they have changed by two communes or more, "
        "or when you publish.",
    },
    "admin_publish": {"fr": "Publier maintenant", "de": "Jetzt veröffentlichen", "en": "Publish now"},
    "admin_publish_anyway": {
        "fr": "Vous pouvez tout de même publier : faites-le quand personne ne peut comparer (au début d'une "
        "campagne, après un long délai), ou pour montrer à nouveau des groupes masqués.",
        "de": "Veröffentlichen können Sie trotzdem: tun Sie es, wenn niemand vergleichen kann (zu Beginn einer "
        "Kampagne, nach langer Zeit), oder um ausgeblendete Gruppen wieder zu zeigen.",
        "en": "You can still publish: do so when nobody can compare (at the start of a campaign, after a long "
        "while), or to show hidden groups again.",
    },
    "admin_published": {"fr": "Chiffres publiés.", "de": "Zahlen veröffentlicht.", "en": "Figures published."},
    # publishing despite the warning: deliberate (a confirmation naming what it gives away) and kept (poolrelease)
    "admin_publish_confirm": {
        "fr": "Je publie quand même, en sachant que les scores de {communes} pourront être déduits des chiffres "
        "publiés.",
        "de": "Ich veröffentliche trotzdem und weiß, dass sich die Werte von {communes} aus den veröffentlichten "
        "Zahlen ableiten lassen.",
        "en": "I publish anyway, knowing that the scores of {communes} can be worked out from the published "
        "figures.",
    },
    "admin_publish_confirm_groups": {
        "fr": "Je publie quand même, en sachant que {groups} {n:change|changent} d'une seule commune et que "
        "les scores de {communes} pourront en être déduits.",
        "de": "Ich veröffentliche trotzdem und weiß, dass sich {groups} um eine einzige Gemeinde "
        "{n:ändert|ändern} und sich daraus die Werte von {communes} ableiten lassen.",
        "en": "I publish anyway, knowing that {groups} {n:changes|change} by a single commune and that the "
        "scores of {communes} can be worked out from it.",
    },
    "admin_publish_name": {"fr": "Votre nom", "de": "Ihr Name", "en": "Your name"},
    "admin_publish_kept": {
        "fr": "La publication gardera votre nom, sa date, l'empreinte de votre adresse et l'avertissement "
        "ci-dessus.",
        "de": "Die Veröffentlichung speichert Ihren Namen, ihr Datum, den Fingerabdruck Ihrer Adresse und die "
        "Warnung oben.",
        "en": "The release will keep your name, its date, your address's fingerprint and the warning above.",
    },
    "admin_publish_changed": {
        "fr": "Les chiffres ont changé depuis que la page s'est affichée : rien n'a été publié. Relisez "
        "l'avertissement.",
        "de": "Die Zahlen haben sich geändert, seit die Seite angezeigt wurde: nichts wurde veröffentlicht. Lesen "
        "Sie die Warnung noch einmal.",
        "en": "The figures changed since the page was shown: nothing was published. Read the warning again.",
    },
    "admin_release_forced": {
        "fr": "Publications faites malgré l'avertissement",
        "de": "Trotz Warnung vorgenommene Veröffentlichungen",
        "en": "Releases made despite the warning",
    },
    "admin_release_forced_line": {
        "fr": "**{date}**, par {name} (empreinte de l'adresse {fp}) : {warning}",
        "de": "**{date}**, von {name} (Fingerabdruck der Adresse {fp}): {warning}",
        "en": "**{date}**, by {name} (address fingerprint {fp}): {warning}",
    },
    "admin_release_forced_unnamed": {"fr": "sans nom", "de": "ohne Namen", "en": "no name"},
    "admin_confirm_disputes": {
        "fr": "Après cette confirmation, {n:cette commune sera contestée|ces communes seront contestées} : "
        "{communes}. Une entrée venue d'un autre espace y compte déjà ; plus aucune ne comptera tant que vous "
        "n'aurez pas tranché («\u00a0Communes contestées\u00a0»).",
        "de": "Nach dieser Bestätigung {n:ist diese Gemeinde|sind diese Gemeinden} strittig: {communes}. Dort "
        "zählt schon ein Eintrag aus einem anderen Bereich; keiner zählt mehr, bis Sie entschieden haben "
        "(„Strittige Gemeinden“).",
        "en": "After this confirmation {n:this commune is|these communes are} disputed: {communes}. An entry from "
        "another space already counts there; none will count until you settle it (“Disputed communes”).",
    },
    "open_limited": {
        "fr": "Trop de bilans ouverts depuis cette adresse en peu de temps : aucun nouveau bilan n'a été ouvert. "
        "Reprenez un bilan existant avec son lien, ou réessayez dans {minutes:# minute|# minutes}.",
        "de": "Zu viele neue Bewertungen von dieser Adresse in kurzer Zeit: keine neue Bewertung wurde angelegt. "
        "Setzen Sie eine bestehende mit ihrem Link fort oder versuchen Sie es in {minutes:# Minute|# Minuten} erneut.",
        "en": "Too many assessments opened from this address in a short time: no new one was opened. Resume an "
        "existing one with its link, or try again in {minutes:# minute|# minutes}.",
    },
    "submit_limited": {
        "fr": "Trop d'envois en peu de temps : ce bilan n'a pas été enregistré. Réessayez dans {minutes:# minute|# minutes}.",
        "de": "Zu viele Sendungen in kurzer Zeit: diese Bewertung wurde nicht gespeichert. Erneut in "
        "{minutes:# Minute|# Minuten}.",
        "en": "Too many submissions in a short time: this assessment was not saved. Try again in "
        "{minutes:# minute|# minutes}.",
    },
    "submit_refreshed": {
        "fr": "Les réponses avaient changé dans un autre onglet ou par un autre membre de l'équipe : le bilan "
        "enregistré reprend les réponses à jour, affichées ci-dessous.",
        "de": "Die Antworten wurden in einem anderen Tab oder von einem anderen Teammitglied geändert: die "
        "gespeicherte Bewertung enthält die aktuellen Antworten, unten angezeigt.",
        "en": "The answers had changed in another tab or by another team member: the saved assessment holds the "
        "current answers, shown below.",
    },
    # --- privacy
    "nav_privacy": {"fr": "Vie privée", "de": "Datenschutz", "en": "Privacy"},
    "privacy_title": {"fr": "Vie privée : ce que ce service conserve", "de": "Datenschutz: was dieser Dienst speichert",
                      "en": "Privacy: what this service keeps"},
    "privacy_controller": {"fr": "**Responsable du traitement** : {controller}", "de": "**Verantwortlicher**: {controller}",
                           "en": "**Controller**: {controller}"},
    "privacy_contact": {"fr": "**Contact (protection des données)** : {contact}",
                        "de": "**Kontakt (Datenschutz)**: {contact}", "en": "**Contact (data protection)**: {contact}"},
    "privacy_unconfigured": {
        "fr": "L'exploitant de ce service n'a pas encore indiqué qui est responsable de vos données ni comment le "
        "joindre. Demandez-le à la personne ou au service qui vous a donné l'adresse de ce site.",
        "de": "Der Betreiber dieses Dienstes hat noch nicht angegeben, wer für Ihre Daten verantwortlich ist und wie "
        "er zu erreichen ist. Fragen Sie die Person oder Stelle, von der Sie die Adresse dieser Website haben.",
        "en": "The operator of this service has not yet stated who is responsible for your data or how to reach "
        "them. Ask the person or service who gave you the address of this site.",
    },
    "privacy_body": {
        "fr": "**Pourquoi** : permettre à une commune d'évaluer sa maturité Smart City, de reprendre son bilan et "
        "de le comparer, et publier des chiffres wallons groupés (mission d'intérêt public).\n\n"
        "**Ce qui est conservé** : la commune choisie, les réponses et notes du questionnaire, la langue, les "
        "bilans enregistrés (réponses et scores) ; du répondant, seulement sa **fonction** et, s'il la donne, "
        "un **nom** (les autres champs d'un fichier importé, comme un e-mail ou un téléphone, restent dans "
        "votre fichier et ne sont pas enregistrés ici). Si vous cochez le partage, les **six scores** de "
        "la commune rejoignent les chiffres wallons une fois que l'administrateur a confirmé l'envoi, ou dès "
        "l'envoi par le lien d'invitation d'une campagne (jamais les réponses ni les notes).\n\n"
        "**Ce qui n'est pas conservé** : le lien de reprise (seulement une empreinte), votre adresse IP (seulement "
        "une empreinte chiffrée, pour limiter les abus : 2 jours pour les compteurs, et avec une entrée partagée "
        "tant qu'elle existe). Aucun compte, aucune mesure d'audience, aucun service tiers : tout est servi par "
        "ce serveur.\n\n"
        "**Qui voit quoi** : seule la personne qui a le lien voit le bilan ; l'administrateur voit les entrées "
        "partagées (commune, date, scores), jamais les réponses ; tout le monde voit les chiffres wallons, "
        "seulement pour des groupes de 5 communes au moins.",
        "de": "**Wozu**: damit eine Gemeinde ihre Smart-City-Reife bewerten, ihre Bewertung fortsetzen und "
        "vergleichen kann, und um zusammengefasste wallonische Zahlen zu veröffentlichen (Aufgabe im öffentlichen "
        "Interesse).\n\n"
        "**Was gespeichert wird**: die gewählte Gemeinde, die Antworten und Notizen, die Sprache, die "
        "gespeicherten Bewertungen (Antworten und Werte); von der antwortenden Person nur ihre **Funktion** "
        "und, falls angegeben, ein **Name** (andere Felder einer hochgeladenen Datei, etwa E-Mail oder Telefon, "
        "bleiben in Ihrer Datei und werden hier nicht gespeichert). Wenn Sie das Teilen ankreuzen, fließen die "
        "**sechs Werte** der Gemeinde in die wallonischen Zahlen ein, sobald der Administrator die Sendung "
        "bestätigt hat, oder sofort bei einer Sendung über den Einladungslink einer Kampagne (nie Antworten oder "
        "Notizen).\n\n"
        "**Was nicht gespeichert wird**: der Link zum Fortsetzen (nur ein Fingerabdruck), Ihre IP-Adresse (nur "
        "ein verschlüsselter Fingerabdruck gegen Missbrauch: 2 Tage für die Zähler, und bei einem geteilten "
        "Eintrag so lange wie dieser). Kein Konto, keine Reichweitenmessung, kein Drittdienst: alles kommt von "
        "diesem Server.\n\n"
        "**Wer sieht was**: nur wer den Link hat, sieht die Bewertung; der Administrator sieht die geteilten "
        "Einträge (Gemeinde, Datum, Werte), nie die Antworten; alle sehen die wallonischen Zahlen, nur für "
        "Gruppen ab 5 Gemeinden.",
        "en": "**Why**: so that a commune can assess its Smart City maturity, resume and compare its assessment, "
        "and so that grouped Walloon figures can be published (a task in the public interest).\n\n"
        "**What is kept**: the commune chosen, the answers and notes, the language, the saved assessments "
        "(answers and scores); of the respondent, only their **role** and, if given, a **name** (other fields "
        "of an uploaded file, such as an e-mail or a phone number, stay in your file and are not stored here). "
        "If you tick sharing, the commune's **six scores** join the Walloon figures once the administrator has "
        "confirmed the submission, or at once when sent through a campaign's invitation link (never the answers "
        "or notes).\n\n"
        "**What is not kept**: the resume link (only a fingerprint), your IP address (only a keyed fingerprint, "
        "against abuse: 2 days for the counters, and with a shared entry as long as it exists). No account, no "
        "audience measurement, no third-party service: everything is served by this server.\n\n"
        "**Who sees what**: only whoever holds the link sees the assessment; the administrator sees shared "
        "entries (commune, date, scores), never answers; everyone sees the Walloon figures, only for groups of "
        "5 communes or more.",
    },
    "privacy_team": {
        "fr": "**En équipe** : pour chaque collègue invité, sa **fonction** (le rôle saisi), les parties qu'il a "
        "choisies, ses propres réponses et notes, et les raisons notées en réunion de consensus ; son lien n'est "
        "pas conservé (seulement une empreinte). Un collègue ne voit que ses propres réponses ; la personne qui a "
        "le lien du bilan voit celles de toute l'équipe. Tout cela se télécharge avec «\u00a0Vos données\u00a0» et "
        "s'efface avec le bilan.",
        "de": "**Im Team**: für jede eingeladene Person ihre **Funktion** (die eingegebene Rolle), die gewählten "
        "Teile, ihre eigenen Antworten und Notizen sowie die in der Konsenssitzung notierten Gründe; ihr Link wird "
        "nicht gespeichert (nur ein Fingerabdruck). Eine eingeladene Person sieht nur ihre eigenen Antworten; wer "
        "den Link der Bewertung hat, sieht die des ganzen Teams. All das lässt sich mit „Ihre Daten“ "
        "herunterladen und wird mit der Bewertung gelöscht.",
        "en": "**As a team**: for each invited colleague, their **role** (as typed), the parts they chose, their "
        "own answers and notes, and the reasons written down in the consensus meeting; their link is not stored "
        "(only a fingerprint). A colleague sees only their own answers; whoever holds the assessment's link sees "
        "the whole team's. All of it is downloaded with \"Your data\" and erased with the assessment.",
    },
    "privacy_campaign": {
        "fr": "**Campagne régionale** : si votre commune a reçu du coordinateur un lien d'invitation, le bilan ouvert "
        "par ce lien est celui de votre commune, et ce que vous y envoyez avant la clôture est sa réponse à la "
        "campagne. Le coordinateur en calcule des chiffres wallons anonymes (jamais un chiffre par commune, ni pour "
        "un groupe de moins de 5 communes) ; sa page montre quelles communes ont commencé ou répondu, jamais "
        "les réponses.",
        "de": "**Regionale Kampagne**: Hat Ihre Gemeinde vom Koordinator einen Einladungslink erhalten, gehört die "
        "damit geöffnete Bewertung Ihrer Gemeinde, und was Sie dort vor dem Ende senden, ist ihre Antwort auf die "
        "Kampagne. Der Koordinator berechnet daraus anonyme wallonische Zahlen (nie eine Zahl je Gemeinde oder "
        "für eine Gruppe unter 5 Gemeinden); seine Seite zeigt, welche Gemeinden begonnen oder geantwortet "
        "haben, nie die Antworten.",
        "en": "**Regional campaign**: if your commune received an invitation link from the coordinator, the "
        "assessment that link opens is your commune's, and what you submit there before the close is its "
        "response to the campaign. The coordinator computes anonymous Walloon figures from it (never a figure "
        "per commune, nor for a group of fewer than 5 communes); the coordinator's page shows which communes "
        "started or responded, never the answers.",
    },
    "privacy_retention": {
        "fr": "**Combien de temps** : un bilan que personne n'a modifié ni enregistré pendant **{span}** est "
        "effacé, avec tout ce qu'il contient.",
        "de": "**Wie lange**: eine Bewertung, die **{span}** lang niemand geändert oder gespeichert hat, "
        "wird mit allem, was sie enthält, gelöscht.",
        "en": "**How long**: an assessment nobody changed or saved for **{span}** is erased, with everything "
        "it holds.",
    },
    # the retention period in the privacy notice: in years when it is a whole number of them (the default, 1095
    # days, read as « 1095 jours » alone: German-speaking trial), with the days the setting counts
    "retention_days": {"fr": "{days:# jour|# jours}", "de": "{days:# Tag|# Tage}", "en": "{days:# day|# days}"},
    "retention_years": {"fr": "{years:# an|# ans} ({days:# jour|# jours})", "de": "{years:# Jahr|# Jahre} ({days:# Tag|# Tage})",
                        "en": "{years:# year|# years} ({days:# day|# days})"},
    "privacy_retention_none": {
        "fr": "**Combien de temps** : jusqu'à ce que le détenteur du lien efface le bilan.",
        "de": "**Wie lange**: bis die Person mit dem Link die Bewertung löscht.",
        "en": "**How long**: until the link's holder erases the assessment.",
    },
    "privacy_rights": {
        "fr": "**Vos droits** : sur la page Questionnaire, «\u00a0Vos données\u00a0» permet de **télécharger tout ce qui est "
        "conservé** sur votre bilan et de l'**effacer** définitivement. Pour toute autre demande (rectification, "
        "opposition, réclamation), contactez le responsable ci-dessus ; vous pouvez aussi saisir l'Autorité de "
        "protection des données (www.autoriteprotectiondonnees.be).",
        "de": "**Ihre Rechte**: auf der Seite Fragebogen können Sie unter „Ihre Daten“ **alles herunterladen, was "
        "zu Ihrer Bewertung gespeichert ist**, und sie endgültig **löschen**. Für andere Anliegen (Berichtigung, "
        "Widerspruch, Beschwerde) wenden Sie sich an den oben genannten Verantwortlichen; Sie können sich auch "
        "an die Datenschutzbehörde wenden (www.datenschutzbehorde.be).",
        "en": "**Your rights**: on the Questionnaire page, \"Your data\" lets you **download everything kept** about "
        "your assessment and **erase** it for good. For anything else (rectification, objection, complaint), "
        "contact the controller above; you may also turn to the Data Protection Authority "
        "(www.dataprotectionauthority.be).",
    },
    "data_header": {"fr": "Vos données", "de": "Ihre Daten", "en": "Your data"},
    "download_everything": {
        "fr": "Télécharger tout ce qui est conservé sur ce bilan (JSON)",
        "de": "Alles herunterladen, was zu dieser Bewertung gespeichert ist (JSON)",
        "en": "Download everything kept about this assessment (JSON)",
    },
    # --- campaigns: the coordinator's page, and the banner of a space opened by an invitation
    "nav_campaigns": {"fr": "Campagnes", "de": "Kampagnen", "en": "Campaigns"},
    "camp_title": {"fr": "Campagnes régionales", "de": "Regionale Kampagnen", "en": "Regional campaigns"},
    "camp_intro": {
        "fr": "Menez une campagne wallonne : invitez les communes, suivez qui a commencé et qui a répondu, lisez "
        "les estimations avec leur intervalle, puis publiez les chiffres.",
        "de": "Führen Sie eine wallonische Kampagne: Gemeinden einladen, verfolgen, wer begonnen und wer geantwortet "
        "hat, die Schätzungen mit ihrem Intervall lesen, dann die Zahlen veröffentlichen.",
        "en": "Run a Walloon campaign: invite the communes, follow who started and who answered, read the "
        "estimates with their interval, then publish the figures.",
    },
    "camp_login_intro": {
        "fr": "Cette page sert à la coordination régionale des campagnes (inviter les communes, suivre leurs "
        "réponses, publier les chiffres wallons). Une commune n'a rien à y faire : son bilan commence à "
        "l'[accueil](/).",
        "de": "Diese Seite dient der regionalen Koordination der Kampagnen (Gemeinden einladen, ihre Antworten "
        "verfolgen, die wallonischen Zahlen veröffentlichen). Eine Gemeinde braucht sie nicht: Ihre Bewertung "
        "beginnt auf der [Startseite](/?lang=de).",
        "en": "This page is for the regional coordination of campaigns (inviting the communes, following their "
        "responses, publishing the Walloon figures). A commune has nothing to do here: its assessment starts on "
        "the [home page](/?lang=en).",
    },
    "camp_none": {
        "fr": "Aucune campagne pour l'instant. Créez-en une ci-dessous.",
        "de": "Noch keine Kampagne. Legen Sie unten eine an.",
        "en": "No campaign yet. Create one below.",
    },
    "camp_none_imported": {
        "fr": "Aucune campagne n'est menée sur cette installation. Elle compare les communes à la référence "
        "wallonne importée : {label}. Créer une campagne ne sert qu'au coordinateur régional qui en mène une "
        "(inviter les communes, suivre leurs réponses, publier les chiffres).",
        "de": "Auf dieser Installation wird keine Kampagne geführt. Sie vergleicht die Gemeinden mit dem importierten "
        "wallonischen Vergleichswert: {label}. Eine Kampagne anzulegen, ist nur Sache der regionalen Koordination, "
        "die eine führt (Gemeinden einladen, ihre Antworten verfolgen, die Zahlen veröffentlichen).",
        "en": "No campaign is run on this install. It compares the communes with the imported Walloon reference: "
        "{label}. Creating a campaign is only for the regional coordinator who runs one (inviting the communes, "
        "following their responses, publishing the figures).",
    },
    "camp_choose": {"fr": "Campagne", "de": "Kampagne", "en": "Campaign"},
    "camp_create_header": {"fr": "Nouvelle campagne", "de": "Neue Kampagne", "en": "New campaign"},
    "camp_field_id": {
        "fr": "Identifiant (lettres, chiffres, tirets ; par ex. wal-2027)",
        "de": "Kennung (Buchstaben, Ziffern, Bindestriche; z. B. wal-2027)",
        "en": "Identifier (letters, digits, hyphens; e.g. wal-2027)",
    },
    "camp_field_title": {"fr": "Titre", "de": "Titel", "en": "Title"},
    "camp_field_opens": {
        "fr": "Ouverture (les communes existant ce jour-là sont invitées)",
        "de": "Beginn (eingeladen werden die an diesem Tag bestehenden Gemeinden)",
        "en": "Opens (the communes that exist that day are invited)",
    },
    "camp_field_closes": {
        "fr": "Clôture (dernier jour où une réponse compte)",
        "de": "Ende (letzter Tag, an dem eine Antwort zählt)",
        "en": "Closes (last day on which a response counts)",
    },
    "camp_create_button": {"fr": "Créer la campagne", "de": "Kampagne anlegen", "en": "Create the campaign"},
    # a new campaign refused (maturity.storage.campaigns: a Problem's code), as the page says it: its field, not the
    # command line's option (it read « --closes: the campaign closes (2026-10-25) before it opens (2026-11-27) »)
    "problem_campaign_bad_id": {
        "fr": "Identifiant : seulement des lettres sans accent, des chiffres, des tirets, des points ou des traits bas, "
              "sans espace, 80 au plus (par ex. wal-2027).",
        "de": "Kennung: nur Buchstaben ohne Akzente, Ziffern, Bindestriche, Punkte oder Unterstriche, ohne Leerzeichen, "
              "höchstens 80 (z. B. wal-2027).",
        "en": "Identifier: only letters without accents, digits, hyphens, dots or underscores, no spaces, at most 80 "
              "(e.g. wal-2027).",
    },
    "problem_campaign_title_required": {
        "fr": "Titre : donnez un titre à la campagne (les communes le lisent).",
        "de": "Titel: Geben Sie der Kampagne einen Titel (die Gemeinden lesen ihn).",
        "en": "Title: give the campaign a title (the communes read it).",
    },
    "problem_campaign_closes_before_opens": {
        "fr": "Clôture : elle tombe avant l'ouverture. Choisissez un jour de clôture égal ou postérieur à l'ouverture.",
        "de": "Abschluss: Er liegt vor der Eröffnung. Wählen Sie einen Abschlusstag am oder nach dem Eröffnungstag.",
        "en": "Closing: it falls before the opening. Pick a closing day on or after the opening day.",
    },
    "problem_campaign_exists": {
        "fr": "Identifiant : une campagne {id} existe déjà. Choisissez-la dans la liste plus bas, ou donnez un autre "
              "identifiant.",
        "de": "Kennung: Eine Kampagne {id} gibt es schon. Wählen Sie sie unten in der Liste oder geben Sie eine andere "
              "Kennung an.",
        "en": "Identifier: a campaign {id} already exists. Pick it in the list below, or give another identifier.",
    },
    "camp_created": {
        "fr": "Campagne {id} créée. Étape suivante : l'onglet «\u00a0Invitations\u00a0», pour créer le lien de chaque commune.",
        "de": "Kampagne {id} angelegt. Nächster Schritt: der Reiter „Einladungen“, um den Link jeder Gemeinde "
        "zu erstellen.",
        "en": "Campaign {id} created. Next step: the “Invitations” tab, to make each commune's link.",
    },
    "camp_period": {
        "fr": "{title} : du {opens} au {closes} inclus, questionnaire {questionnaire}.",
        "de": "{title}: vom {opens} bis einschließlich {closes}, Fragebogen {questionnaire}.",
        "en": "{title}: from {opens} to {closes} included, questionnaire {questionnaire}.",
    },
    "camp_tab_invite": {"fr": "Invitations", "de": "Einladungen", "en": "Invitations"},
    "camp_inv_state": {
        "fr": "{live:# commune invitée|# communes invitées} sur {N} ; {left:# commune pas encore invitée|# communes pas encore invitées}.",
        "de": "{live} von {N} Gemeinden eingeladen; {left:# Gemeinde noch nicht eingeladen|# Gemeinden noch nicht eingeladen}.",
        "en": "{live:# commune invited|# communes invited} of {N}; {left:# commune not invited yet|# communes not invited yet}.",
    },
    "camp_inv_registry": {
        "fr": "La Wallonie compte {N} communes à l'ouverture de la campagne ({opens}) : Bastogne et Bertogne, "
        "fusionnées le 2 décembre 2024, n'en forment plus qu'une (le baromètre 2021 en comptait 262).",
        "de": "Die Wallonie zählt bei Beginn der Kampagne ({opens}) {N} Gemeinden: Bastogne und Bertogne, am "
        "2. Dezember 2024 fusioniert, bilden nur noch eine (das Barometer 2021 zählte 262).",
        "en": "Wallonia has {N} communes when the campaign opens ({opens}): Bastogne and Bertogne, merged on "
        "2 December 2024, now form one (the 2021 barometer counted 262).",
    },
    "camp_inv_help": {
        "fr": "Chaque commune reçoit son propre lien : il ouvre son questionnaire, déjà lié à elle, et ce qu'elle "
        "envoie depuis ses résultats compte dans la campagne. Envoyez chaque lien à sa commune seulement. Les "
        "liens ne sont montrés qu'une fois : téléchargez le fichier aussitôt (une commune qui perd le sien en "
        "reçoit un nouveau plus bas).",
        "de": "Jede Gemeinde erhält ihren eigenen Link: Er öffnet ihren Fragebogen, schon mit ihr verbunden, und "
        "was sie von ihren Ergebnissen aus sendet, zählt in der Kampagne. Senden Sie jeden Link nur an seine "
        "Gemeinde. Die Links werden nur einmal gezeigt: Laden Sie die Datei sofort herunter (eine Gemeinde, die "
        "ihren verliert, erhält unten einen neuen).",
        "en": "Each commune gets its own link: it opens its questionnaire, already tied to it, and what it sends "
        "from its results counts in the campaign. Send each link to its commune only. The links are shown once: "
        "download the file straight away (a commune that loses its link gets a new one below).",
    },
    "camp_inv_base": {
        "fr": "Adresse de cet outil (le début de chaque lien)", "de": "Adresse dieses Werkzeugs (der Anfang jedes Links)",
        "en": "Address of this tool (the start of each link)",
    },
    "camp_inv_local": {
        "fr": "Cette adresse ne s'ouvre que sur cet ordinateur ou son réseau : les communes ne pourraient pas ouvrir "
        "leurs liens. Indiquez l'adresse publique de l'outil (https://…), celle que les communes ouvrent.",
        "de": "Diese Adresse öffnet sich nur auf diesem Computer oder in seinem Netz: Die Gemeinden könnten ihre "
        "Links nicht öffnen. Geben Sie die öffentliche Adresse des Werkzeugs an (https://…), die die Gemeinden öffnen.",
        "en": "This address opens only on this computer or its network: the communes could not open their links. "
        "Give the tool's public address (https://…), the one the communes open.",
    },
    "camp_inv_which": {"fr": "Qui inviter ?", "de": "Wen einladen?", "en": "Whom to invite?"},
    "camp_inv_all": {
        "fr": "Toutes les communes pas encore invitées ({n})", "de": "Alle noch nicht eingeladenen Gemeinden ({n})",
        "en": "Every commune not invited yet ({n})",
    },
    "camp_inv_some": {"fr": "Certaines communes", "de": "Einzelne Gemeinden", "en": "Some communes"},
    "camp_inv_pick": {"fr": "Communes à inviter", "de": "Einzuladende Gemeinden", "en": "Communes to invite"},
    # under each commune picker of the campaigns page: which communes it lists and how a name is found; its own
    # « No results » is Streamlit's, in English, with no option to say it otherwise (docs/app.md, « Languages »)
    "camp_pick_note": {
        "fr": "La liste propose {which}, trouvées par le début de leur nom, accents compris («\u00a0Liège\u00a0», "
              "«\u00a0La Louvière\u00a0») ; «\u00a0No results\u00a0» : aucune ne commence ainsi.",
        "de": "Die Liste bietet {which} an, gefunden über den Anfang ihres Namens, mit Akzenten („Liège“, „La "
              "Louvière“); „No results“: keine beginnt so.",
        "en": "The list offers {which}, found by the start of their name, accents included (“Liège”, “La "
              "Louvière”); “No results”: none starts that way.",
    },
    "camp_pick_not_yet": {"fr": "les communes pas encore invitées (une commune déjà invitée reçoit un nouveau lien "
                                "plus bas)",
                          "de": "die noch nicht eingeladenen Gemeinden (eine bereits eingeladene Gemeinde erhält "
                                "weiter unten einen neuen Link)",
                          "en": "the communes not yet invited (a commune already invited gets a new link further "
                                "down)"},
    "camp_pick_invited": {"fr": "les communes déjà invitées", "de": "die bereits eingeladenen Gemeinden",
                          "en": "the communes already invited"},
    "camp_pick_live": {"fr": "les communes dont le lien est actif", "de": "die Gemeinden mit gültigem Link",
                       "en": "the communes whose link is live"},
    "camp_inv_pick_placeholder": {
        "fr": "Tapez le début du nom d'une commune", "de": "Anfang eines Gemeindenamens eingeben",
        "en": "Type the start of a commune's name",
    },
    "camp_inv_button": {
        "fr": "{n:Créer le lien d'invitation|Créer les # liens d'invitation}",
        "de": "{n:Den Einladungslink erstellen|Die # Einladungslinks erstellen}",
        "en": "{n:Make the invitation link|Make the # invitation links}",
    },
    "camp_inv_need_base": {
        "fr": "Indiquez l'adresse de cet outil (https://…, sans espace, sans «\u00a0?\u00a0» ni «\u00a0#\u00a0») : chaque lien "
        "commence par elle. Aucun lien n'a été créé.",
        "de": "Geben Sie die Adresse dieses Werkzeugs an (https://…, ohne Leerzeichen, ohne „?“ oder „#“): Jeder "
        "Link beginnt damit. Es wurde kein Link erstellt.",
        "en": "Give the address of this tool (https://…, no spaces, no “?” or “#”): each link starts with it. "
        "No link was made.",
    },
    "camp_inv_button_none": {
        "fr": "Créer les liens d'invitation (choisissez d'abord des communes)",
        "de": "Einladungslinks erstellen (zuerst Gemeinden wählen)",
        "en": "Make the invitation links (choose communes first)",
    },
    "camp_inv_everyone": {
        "fr": "Toutes les communes sont invitées.", "de": "Alle Gemeinden sind eingeladen.",
        "en": "Every commune is invited.",
    },
    "camp_inv_closed": {
        "fr": "La campagne est close depuis le {closes} : plus aucun lien ne peut être créé.",
        "de": "Die Kampagne ist seit dem {closes} beendet: Es kann kein Link mehr erstellt werden.",
        "en": "The campaign closed on {closes}: no more links can be made.",
    },
    "camp_inv_made": {
        "fr": "{n:# lien créé|# liens créés}. Téléchargez le fichier maintenant : ces liens ne seront plus montrés.",
        "de": "{n:# Link erstellt|# Links erstellt}. Laden Sie die Datei jetzt herunter: Diese Links werden nicht "
        "mehr gezeigt.",
        "en": "{n:# link made|# links made}. Download the file now: these links will not be shown again.",
    },
    "camp_inv_download": {
        "fr": "Liens d'invitation (CSV, pour un publipostage)", "de": "Einladungslinks (CSV, für einen Serienbrief)",
        "en": "Invitation links (CSV, for a mail merge)",
    },
    "camp_inv_file_note": {
        "fr": "Le fichier a une ligne par commune : code INS, commune, province, lien. Ci-dessous, les mêmes liens "
        "à copier (bouton en haut à droite du cadre) ; n'en ouvrez pas un ici : il ouvre le questionnaire de la "
        "commune, et ce qui y serait répondu compterait pour elle.",
        "de": "Die Datei hat eine Zeile je Gemeinde: NIS-Code, Gemeinde, Provinz, Link. Unten dieselben Links zum "
        "Kopieren (Schaltfläche oben rechts im Rahmen); öffnen Sie keinen hier: Er öffnet den Fragebogen der "
        "Gemeinde, und was dort beantwortet würde, zählte für sie.",
        "en": "The file has one line per commune: NIS code, commune, province, link. Below, the same links to copy "
        "(button at the frame's top right); do not open one here: it opens the commune's questionnaire, and what "
        "would be answered there would count for it.",
    },
    # more than 20 links: no frame of links below, only the file (it said « Ci-dessous, les mêmes liens » above
    # nothing; fresh-eyes trial 11)
    "camp_inv_file_note_many": {
        "fr": "Le fichier a une ligne par commune : code INS, commune, province, lien. N'ouvrez pas un de ces liens "
        "vous-même : il ouvre le questionnaire de la commune, et ce qui y serait répondu compterait pour elle.",
        "de": "Die Datei hat eine Zeile je Gemeinde: NIS-Code, Gemeinde, Provinz, Link. Öffnen Sie keinen dieser Links "
        "selbst: Er öffnet den Fragebogen der Gemeinde, und was dort beantwortet würde, zählte für sie.",
        "en": "The file has one line per commune: NIS code, commune, province, link. Do not open one of these links "
        "yourself: it opens the commune's questionnaire, and what would be answered there would count for it.",
    },
    "camp_reissue_header": {
        "fr": "Une commune a perdu son lien ?", "de": "Eine Gemeinde hat ihren Link verloren?",
        "en": "A commune lost its link?",
    },
    # "keeps its answers": its draft, yes; a response it had sent through the old link no longer counts
    # (the storage counts a link's response only while that link is the commune's current one)
    "camp_reissue_help": {
        "fr": "Un nouveau lien remplace l'ancien, qui n'ouvre plus rien (un lien retiré aussi). La commune garde "
        "ses réponses en cours ; une réponse déjà envoyée par l'ancien lien doit être envoyée à nouveau.",
        "de": "Ein neuer Link ersetzt den alten, der nichts mehr öffnet (auch einen zurückgezogenen Link). Die "
        "Gemeinde behält ihre begonnenen Antworten; eine bereits über den alten Link gesendete Antwort muss "
        "erneut gesendet werden.",
        "en": "A new link replaces the old one, which opens nothing any more (a revoked link too). The commune "
        "keeps its answers in progress; a response already sent through the old link must be sent again.",
    },
    "camp_reissue_pick": {"fr": "Commune", "de": "Gemeinde", "en": "Commune"},
    "camp_reissue_button": {"fr": "Créer un nouveau lien", "de": "Einen neuen Link erstellen", "en": "Make a new link"},
    # what revoking does, as the storage does it: the link re-keyed for good; no response of the commune
    # counts while it has no live link (file ones included); its space and draft kept; a new link brings
    # its file responses back, not those sent through the revoked link
    "camp_revoke_header": {
        "fr": "Retirer le lien d'une commune", "de": "Den Link einer Gemeinde zurückziehen",
        "en": "Revoke a commune's link",
    },
    "camp_revoke_help": {
        "fr": "Pour un lien envoyé à la mauvaise adresse, ou qui a circulé hors de la commune. **C'est "
        "définitif**\u00a0: le lien retiré n'ouvrira plus rien et n'enregistrera plus rien, pas plus que les liens de "
        "collègues donnés depuis ce lien. Les réponses déjà reçues "
        "de cette commune, par ce lien ou en fichier, cessent de compter : elles sortent du suivi, de la carte "
        "et des estimations. Rien n'est effacé : ses réponses en cours restent dans son espace. Tant que la "
        "campagne est ouverte, «\u00a0Une commune a perdu son lien ?\u00a0» peut lui donner un nouveau lien, qui rouvre "
        "cet espace ; une réponse reçue en fichier compte alors de nouveau, une réponse envoyée par le lien "
        "retiré doit être envoyée à nouveau.",
        "de": "Für einen Link, der an die falsche Adresse ging oder außerhalb der Gemeinde weitergegeben wurde. "
        "**Das ist endgültig**: Der zurückgezogene Link öffnet nichts mehr und speichert nichts mehr, ebenso wenig die "
        "damit vergebenen Kollegen-Links. Die "
        "bereits eingegangenen Antworten dieser Gemeinde, über diesen Link oder als Datei, zählen nicht mehr: "
        "Sie verschwinden aus dem Fortschritt, der Karte und den Schätzungen. Nichts wird gelöscht: Die "
        "begonnenen Antworten der Gemeinde bleiben in ihrem Bereich. Solange die Kampagne läuft, kann „Eine Gemeinde hat "
        "ihren Link verloren?“ ihr einen neuen Link geben, der diesen Bereich wieder öffnet; eine als Datei "
        "eingegangene Antwort zählt dann wieder, eine über den zurückgezogenen Link gesendete Antwort muss "
        "erneut gesendet werden.",
        "en": "For a link sent to the wrong address, or passed around outside the commune. **This is final**: "
        "the revoked link will open nothing and record nothing, nor will the colleague "
        "links given through it. The responses already received from this "
        "commune, through this link or as a file, stop counting: they leave the follow-up, the map and the "
        "estimates. Nothing is erased: its answers in progress stay in its space. While the campaign is open, "
        "“A commune lost its link?” can give it a new link, which opens that space again; a response received "
        "as a file then counts again, one sent through the revoked link must be sent again.",
    },
    "camp_inv_revoked": {
        "fr": "{n:Lien retiré pour # commune|Liens retirés pour # communes} : {names}. {n:Ses|Leurs} réponses "
        "ne comptent pas.",
        "de": "{n:Link zurückgezogen für # Gemeinde|Links zurückgezogen für # Gemeinden}: {names}. Die Antworten "
        "{n:dieser Gemeinde|dieser Gemeinden} zählen nicht.",
        "en": "{n:Link revoked for # commune|Links revoked for # communes}: {names}. {n:Its|Their} responses do "
        "not count.",
    },
    "camp_inv_revoked_new": {
        "fr": "«\u00a0Une commune a perdu son lien ?\u00a0» peut {n:lui en donner un nouveau|leur en donner de nouveaux}.",
        "de": "„Eine Gemeinde hat ihren Link verloren?“ kann {n:ihr einen neuen geben|ihnen neue geben}.",
        "en": "“A commune lost its link?” can give {n:it a new one|them new ones}.",
    },
    "camp_revoke_pick": {
        "fr": "Communes dont le lien est à retirer", "de": "Gemeinden, deren Link zurückgezogen wird",
        "en": "Communes whose link is to be revoked",
    },
    "camp_revoke_confirm": {
        "fr": "{n:Je retire ce lien : il ne servira plus jamais, et les réponses de cette commune ne compteront "
        "plus.|Je retire ces # liens : ils ne serviront plus jamais, et les réponses de ces communes ne "
        "compteront plus.}",
        "de": "{n:Ich ziehe diesen Link zurück: Er kann nie wieder benutzt werden, und die Antworten dieser "
        "Gemeinde zählen nicht mehr.|Ich ziehe diese # Links zurück: Sie können nie wieder benutzt werden, und "
        "die Antworten dieser Gemeinden zählen nicht mehr.}",
        "en": "{n:I revoke this link: it can never be used again, and this commune's responses will no longer "
        "count.|I revoke these # links: they can never be used again, and these communes' responses will no "
        "longer count.}",
    },
    "camp_revoke_button": {
        "fr": "{n:Retirer le lien|Retirer les # liens}", "de": "{n:Den Link zurückziehen|Die # Links zurückziehen}",
        "en": "{n:Revoke the link|Revoke the # links}",
    },
    "camp_revoke_button_none": {
        "fr": "Retirer des liens (choisissez d'abord des communes)",
        "de": "Links zurückziehen (zuerst Gemeinden wählen)", "en": "Revoke links (choose communes first)",
    },
    "camp_revoke_done": {
        "fr": "{n:Lien retiré|# liens retirés} : {names}. {n:Il n'ouvre|Ils n'ouvrent} plus rien, et les réponses "
        "{n:de cette commune|de ces communes} ne comptent plus.",
        "de": "{n:Link zurückgezogen|# Links zurückgezogen}: {names}. {n:Er öffnet|Sie öffnen} nichts mehr, und "
        "die Antworten {n:dieser Gemeinde|dieser Gemeinden} zählen nicht mehr.",
        "en": "{n:Link revoked|# links revoked}: {names}. {n:It opens|They open} nothing any more, and "
        "{n:this commune's|these communes'} responses no longer count.",
    },
    "camp_tab_status": {"fr": "Suivi", "de": "Fortschritt", "en": "Follow-up"},
    "camp_tab_report": {"fr": "Estimations", "de": "Schätzungen", "en": "Estimates"},
    "camp_tab_publish": {"fr": "Publication", "de": "Veröffentlichung", "en": "Publication"},
    "camp_metric_invited": {"fr": "Communes invitées", "de": "Eingeladene Gemeinden", "en": "Communes invited"},
    "camp_metric_started": CAMPAIGN_WORDS["started"],
    "camp_metric_invited_help": {
        "fr": "Communes qui ont reçu un lien encore valable.", "de": "Gemeinden mit einem noch gültigen Link.",
        "en": "Communes holding a link that still works.",
    },
    "camp_metric_started_help": {
        "fr": "Ont commencé leur questionnaire sans avoir encore envoyé leur réponse («\u00a0commencé\u00a0» sur la carte).",
        "de": "Haben ihren Fragebogen begonnen, ihre Antwort aber noch nicht gesendet („begonnen“ auf der Karte).",
        "en": "Started their questionnaire but have not sent their response yet (\u201cstarted\u201d on the map).",
    },
    "camp_metric_submitted_help": {
        "fr": "Ont envoyé leur réponse avant la clôture (la dernière envoyée compte).",
        "de": "Haben ihre Antwort vor dem Ende gesendet (die zuletzt gesendete zählt).",
        "en": "Sent their response before the close (the last one sent counts).",
    },
    "camp_metric_rate_help": {
        "fr": "Communes qui ont répondu, sur les communes invitées.",
        "de": "Gemeinden, die geantwortet haben, von den eingeladenen Gemeinden.",
        "en": "Communes that responded, out of the communes invited.",
    },
    "camp_metric_submitted": {"fr": "Ont répondu", "de": "Haben geantwortet", "en": "Responded"},
    "camp_metric_rate": CAMPAIGN_WORDS["rate"],
    "camp_map_caption": {
        "fr": "Chaque commune invitée selon son état. Bastogne et Bertogne, fusionnées le 2 décembre 2024, sont "
        "dessinées comme une seule commune pour une campagne ouverte depuis. Les mêmes chiffres figurent dans les "
        "tableaux ci-dessous.",
        "de": "Jede eingeladene Gemeinde nach ihrem Stand. Bastogne und Bertogne, am 2. Dezember 2024 fusioniert, "
        "sind für eine seitdem eröffnete Kampagne als eine Gemeinde gezeichnet. Dieselben Zahlen stehen in den "
        "Tabellen unten.",
        "en": "Each invited commune by its state. Bastogne and Bertogne, merged on 2 December 2024, are drawn as "
        "one commune for a campaign opened since. The same counts are in the tables below.",
    },
    "camp_map_not_invited": {"fr": "pas invitée", "de": "nicht eingeladen", "en": "not invited"},
    "camp_map_title": {
        "fr": "État des réponses par commune", "de": "Stand der Antworten je Gemeinde",
        "en": "Responses by commune",
    },
    # the follow-up's words `maturity campaign status` says too are the core's (maturity.labels)
    "camp_by_province": CAMPAIGN_WORDS["group_province"],
    "camp_by_class": CAMPAIGN_WORDS["group_class"],
    "camp_all": {"fr": "Wallonie", "de": "Wallonie", "en": "Wallonia"},
    "col_province": {"fr": "Province", "de": "Provinz", "en": "Province"},
    "col_invited": CAMPAIGN_WORDS["invited"],
    "col_started": CAMPAIGN_WORDS["started"],
    "col_submitted": CAMPAIGN_WORDS["submitted"],
    "col_rate": CAMPAIGN_WORDS["rate"],
    "col_estimate": {"fr": "Estimation (sur 100)", "de": "Schätzung (von 100)", "en": "Estimate (out of 100)"},
    # the words the published report (PDF) says too are the core's (maturity.labels)
    "col_interval": CAMPAIGN_WORDS["interval"],
    # beside the weighted estimate: the respondents' own figures, unweighted (as the report's PDF says)
    "col_median": {"fr": "Médiane des répondantes (non pondérée)", "de": "Median der Antwortenden (ungewichtet)",
                   "en": "Respondents' median (unweighted)"},
    "col_quartiles": {"fr": "Q1 – Q3 des répondantes", "de": "Q1 – Q3 der Antwortenden",
                      "en": "Respondents' Q1 – Q3"},
    "col_weighting": CAMPAIGN_WORDS["weighting"],
    "camp_weighting_province": CAMPAIGN_WORDS["by_province"],
    "camp_suppressed": CAMPAIGN_WORDS["suppressed"],
    "camp_report_summary": CAMPAIGN_WORDS["report_summary"],
    "camp_report_plain": {
        "fr": "**Ce que disent ces chiffres.** L'estimation est le score moyen des communes wallonnes sur 100, "
        "calculé à partir des communes qui ont répondu ; quand chaque province compte assez de répondantes, "
        "chacune pèse selon son nombre de communes (colonne «\u00a0Pondération\u00a0»). L'intervalle à 95\u00a0% est la marge "
        "d'incertitude due au fait que toutes les communes n'ont pas répondu : il se resserre quand plus de "
        "communes répondent. Il ne corrige pas un autre biais possible : les communes qui répondent sont "
        "peut-être les plus avancées. La médiane et les quartiles ne sont montrés qu'à partir de {quartiles} "
        "répondantes (en dessous, ils seraient presque les scores de communes) ; aucun chiffre sous {min_n} communes.",
        "de": "**Was diese Zahlen sagen.** Die Schätzung ist der mittlere Wert der wallonischen Gemeinden von 100, "
        "berechnet aus den Gemeinden, die geantwortet haben; hat jede Provinz genug Antwortende, zählt jede nach "
        "der Zahl ihrer Gemeinden (Spalte „Gewichtung“). Das 95-%-Intervall ist die Unsicherheit, weil nicht alle "
        "Gemeinden geantwortet haben: Es wird enger, wenn mehr Gemeinden antworten. Es korrigiert eine andere "
        "mögliche Verzerrung nicht: Die antwortenden Gemeinden sind vielleicht die weiter fortgeschrittenen. "
        "Median und Quartile werden erst ab {quartiles} Antwortenden gezeigt (darunter wären sie fast die Werte "
        "einzelner Gemeinden); keine Zahl unter {min_n} Gemeinden.",
        "en": "**What these figures say.** The estimate is the Walloon communes' mean score out of 100, computed "
        "from the communes that responded; when every province has enough respondents, each weighs by its number "
        "of communes (\u201cWeighting\u201d column). The 95\u00a0% interval is the uncertainty due to not every commune "
        "responding: it narrows as more communes respond. It does not correct another possible bias: the communes "
        "that respond may be the most advanced. The median and quartiles are shown from {quartiles} respondents "
        "(below, they would nearly be communes' own scores); no figure under {min_n} communes.",
    },
    "camp_groups_header": {"fr": "Par province et par taille de commune", "de": "Nach Provinz und Gemeindegröße",
                           "en": "By province and size of commune"},
    "camp_groups_note": {
        "fr": "Chaque case : l'estimation (sur 100) et, entre parenthèses, son intervalle à 95\u00a0%. «\u00a0—\u00a0» : non "
        "publié, moins de 5 communes du groupe ont répondu.",
        "de": "Jedes Feld: die Schätzung (von 100) und in Klammern ihr 95-%-Intervall. „—“: nicht veröffentlicht, "
        "weniger als 5 Gemeinden der Gruppe haben geantwortet.",
        "en": "Each cell: the estimate (out of 100) and, in brackets, its 95\u00a0% interval. “—”: not published, "
        "fewer than 5 of the group's communes answered.",
    },
    "camp_groups_masked": {
        "fr": "Un groupe d'au moins 5 communes est aussi masqué («\u00a0—\u00a0») quand, sans cela, les chiffres d'un groupe "
        "plus petit se déduiraient des autres.",
        "de": "Eine Gruppe mit mindestens 5 Gemeinden wird ebenfalls ausgeblendet („—“), wenn sich sonst die Zahlen "
        "einer kleineren Gruppe aus den anderen ableiten ließen.",
        "en": "A group of 5 communes or more is also hidden (“—”) when a smaller group's figures could otherwise be "
        "worked out from the others.",
    },
    "camp_report_method": {
        "fr": "Méthode détaillée (formules, telles que publiées)", "de": "Ausführliche Methode (Formeln, wie veröffentlicht)",
        "en": "Detailed method (formulas, as published)",
    },
    "camp_publisher_placeholder": {
        "fr": "par ex. Service public de Wallonie", "de": "z. B. Öffentlicher Dienst der Wallonie",
        "en": "e.g. Public Service of Wallonia",
    },
    "camp_publisher_help": {
        "fr": "L'organisme qui publie les chiffres : il est cité comme source sous chaque radar qui les montre.",
        "de": "Die Stelle, die die Zahlen veröffentlicht: Sie wird unter jedem Radar, das sie zeigt, als Quelle genannt.",
        "en": "The body that publishes the figures: it is cited as the source under every radar that shows them.",
    },
    "camp_url_help": {
        "fr": "La page web où vous mettrez ces fichiers à disposition (par ex. celle de la campagne sur le site de "
        "votre organisme) : elle est citée avec la source.",
        "de": "Die Webseite, auf der Sie diese Dateien bereitstellen (z. B. die der Kampagne auf der Website Ihrer "
        "Stelle): Sie wird mit der Quelle genannt.",
        "en": "The web page where you will make these files available (e.g. the campaign's page on your body's "
        "website): it is cited with the source.",
    },
    "camp_publish_help": {
        "fr": "Les chiffres ouverts (YAML et CSV, licence CC BY 4.0) ne contiennent aucun chiffre par commune ni "
        "aucun groupe de moins de 5 communes. Le fichier YAML devient le repère wallon du radar de chaque commune "
        "là où on l'importe : ici avec le bouton qui apparaîtra sous les fichiers, dans une autre installation sur "
        "sa page Campagnes («\u00a0Importer une référence wallonne publiée\u00a0») ou avec "
        "`maturity benchmarks import-aggregates FICHIER`. Le rapport PDF montre le radar wallon avec son "
        "intervalle, les distributions, la carte des provinces et les items du baromètre.",
        "de": "Die offenen Zahlen (YAML und CSV, Lizenz CC BY 4.0) enthalten keine Zahl je Gemeinde und keine "
        "Gruppe unter 5 Gemeinden. Die YAML-Datei wird dort, wo man sie importiert, der wallonische "
        "Vergleichswert im Radar jeder Gemeinde: hier mit der Schaltfläche, die unter den Dateien erscheint, in "
        "einer anderen Installation auf ihrer Seite Kampagnen („Veröffentlichten wallonischen Vergleichswert "
        "importieren“) oder mit `maturity benchmarks import-aggregates DATEI`. Der PDF-Bericht zeigt das "
        "wallonische Radar mit seinem Intervall, die Verteilungen, die Provinzkarte und die Barometer-Items.",
        "en": "The open figures (YAML and CSV, CC BY 4.0 licence) hold no figure per commune and no group under 5 "
        "communes. The YAML file becomes the Walloon reference of every commune's radar wherever it is imported: "
        "here with the button that will appear under the files, on another install on its Campaigns page "
        "(\u201cImport a published Walloon reference\u201d) or with `maturity benchmarks import-aggregates FILE`. "
        "The PDF report shows the Walloon radar with its interval, the distributions, the province map and the "
        "barometer items.",
    },
    "camp_files_header": {
        "fr": "Enregistrer des réponses reçues par fichier", "de": "Per Datei erhaltene Antworten speichern",
        "en": "Record responses received as files",
    },
    "camp_files_help": {
        "fr": "Une commune qui vous a envoyé son fichier de réponses (.json, «\u00a0Télécharger le fichier de réponses\u00a0») au lieu "
        "d'envoyer depuis son lien : déposez-le ici, un ou plusieurs à la fois. Chaque fichier compte comme la "
        "réponse de la commune qu'il nomme ; un nouveau fichier remplace le précédent. Rien n'est enregistré si "
        "un seul fichier pose problème. Un fichier qui ne nomme aucune commune se dépose seul : la page demande "
        "alors de quelle commune il vient.",
        "de": "Eine Gemeinde hat Ihnen ihre Antwortdatei (.json, „Antwortdatei herunterladen“) geschickt, statt "
        "über ihren Link zu senden: Legen Sie sie hier ab, eine oder mehrere auf einmal. Jede Datei zählt als "
        "Antwort der Gemeinde, die sie nennt; eine neue Datei ersetzt die vorherige. Nichts wird gespeichert, "
        "wenn auch nur eine Datei ein Problem hat. Eine Datei, die keine Gemeinde nennt, wird allein abgelegt: "
        "Die Seite fragt dann, von welcher Gemeinde sie kommt.",
        "en": "A commune sent you its answers file (.json, \u201cDownload the answers file\u201d) instead of sending from "
        "its link: drop it here, one or several at a time. Each file counts as the response of the commune it "
        "names; a new file replaces the previous one. Nothing is recorded if a single file has a problem. A file "
        "that names no commune is dropped on its own: the page then asks which commune it comes from.",
    },
    "camp_files_pick": {"fr": "Fichiers de réponses (.json)", "de": "Antwortdateien (.json)",
                        "en": "Answers files (.json)"},
    "camp_files_button": {
        "fr": "{n:Enregistrer cette réponse|Enregistrer ces # réponses}",
        "de": "{n:Diese Antwort speichern|Diese # Antworten speichern}",
        "en": "{n:Record this response|Record these # responses}",
    },
    "camp_files_refused": {
        "fr": "Aucune réponse n'a été enregistrée. Le détail (en anglais), fichier par fichier :",
        "de": "Keine Antwort wurde gespeichert. Die Einzelheiten (auf Englisch), Datei für Datei:",
        "en": "No response was recorded. The details, file by file:",
    },
    "camp_files_refused_said": {
        "fr": "Aucune réponse n'a été enregistrée. Le détail, fichier par fichier :",
        "de": "Keine Antwort wurde gespeichert. Die Einzelheiten, Datei für Datei:",
        "en": "No response was recorded. The details, file by file:",
    },
    "problem_answers_no_commune": {
        "fr": "«\u00a0{file}\u00a0» ne nomme aucune commune : déposez ce fichier seul, la page demandera alors de "
        "quelle commune il vient.",
        "de": "„{file}“ nennt keine Gemeinde: Legen Sie diese Datei allein ab, die Seite fragt dann, von welcher "
        "Gemeinde sie kommt.",
        "en": "\u201c{file}\u201d names no commune: drop this file on its own, the page will then ask which commune "
        "it comes from.",
    },
    # the other refusals of the files box, in the page's words (they were in English under « Le détail (en
    # anglais) », coordleft's report): coordination.file_responses' and the store's codes
    "problem_answers_other_questionnaire": {
        "fr": "«\u00a0{file}\u00a0» répond à un autre questionnaire ({found}) que celui de la campagne ({asked}) : "
        "demandez à la commune de remplir celui de la campagne.",
        "de": "„{file}“ beantwortet einen anderen Fragebogen ({found}) als den der Kampagne ({asked}): Bitten Sie "
        "die Gemeinde, den der Kampagne auszufüllen.",
        "en": "\u201c{file}\u201d answers another questionnaire ({found}) than the campaign's ({asked}): ask the "
        "commune to fill in the campaign's.",
    },
    "problem_answers_unknown_commune": {
        "fr": "«\u00a0{file}\u00a0» nomme le code {code}, qui n'est celui d'aucune commune wallonne : demandez à la "
        "commune un fichier qui la nomme.",
        "de": "„{file}“ nennt den Code {code}, der zu keiner wallonischen Gemeinde gehört: Bitten Sie die Gemeinde "
        "um eine Datei, die sie nennt.",
        "en": "\u201c{file}\u201d names the code {code}, which is no Walloon commune's: ask the commune for a file "
        "that names it.",
    },
    "problem_answers_merged_commune": {
        "fr": "«\u00a0{file}\u00a0» est la réponse de {nis}, qui n'existait plus à l'ouverture de la campagne : "
        "elle fait partie de {successor}. Demandez à {successor} un fichier à son nom.",
        "de": "„{file}“ ist die Antwort von {nis}, die es bei der Eröffnung der Kampagne nicht mehr gab: Sie gehört "
        "zu {successor}. Bitten Sie {successor} um eine Datei in ihrem Namen.",
        "en": "\u201c{file}\u201d is the response of {nis}, which no longer existed when the campaign opened: it is "
        "part of {successor}. Ask {successor} for a file in its name.",
    },
    "problem_answers_not_in_registry": {
        "fr": "«\u00a0{file}\u00a0» est la réponse de {nis}, qui ne figure pas parmi les communes à l'ouverture de "
        "la campagne.",
        "de": "„{file}“ ist die Antwort von {nis}, die bei der Eröffnung der Kampagne nicht unter den Gemeinden ist.",
        "en": "\u201c{file}\u201d is the response of {nis}, which is not among the communes when the campaign "
        "opened.",
    },
    "problem_answers_twice": {
        "fr": "«\u00a0{file}\u00a0» est une deuxième réponse de {nis} dans ce dépôt (l'autre : «\u00a0{other}\u00a0») "
        ": déposez-en une seule.",
        "de": "„{file}“ ist eine zweite Antwort von {nis} in dieser Ablage (die andere: „{other}“): Legen Sie nur "
        "eine ab.",
        "en": "\u201c{file}\u201d is a second response of {nis} in this drop (the other: \u201c{other}\u201d): "
        "drop only one.",
    },
    "problem_answers_no_live_invitation": {
        "fr": "«\u00a0{file}\u00a0» : {nis} n'a pas de lien actif pour cette campagne (pas invitée, ou son lien a "
        "été retiré) ; sa réponse ne peut pas compter.",
        "de": "„{file}“: {nis} hat keinen aktiven Link für diese Kampagne (nicht eingeladen, oder ihr Link wurde "
        "zurückgezogen); ihre Antwort kann nicht zählen.",
        "en": "\u201c{file}\u201d: {nis} has no live link for this campaign (not invited, or its link was "
        "withdrawn); its response cannot count.",
    },
    "problem_campaign_closed_files": {
        "fr": "La campagne est close : plus aucune réponse ne peut être enregistrée.",
        "de": "Die Kampagne ist abgeschlossen: Es kann keine Antwort mehr gespeichert werden.",
        "en": "The campaign is closed: no response can be recorded any more.",
    },
    "camp_files_nameless": {
        "fr": "«\u00a0{file}\u00a0» ne nomme aucune commune. Choisissez ci-dessous celle qui vous l'a envoyé : il "
        "comptera comme sa réponse. En cas de doute, demandez à la commune un fichier qui la nomme.",
        "de": "„{file}“ nennt keine Gemeinde. Wählen Sie unten die Gemeinde, die sie Ihnen geschickt hat: Die Datei "
        "zählt dann als ihre Antwort. Im Zweifel bitten Sie die Gemeinde um eine Datei, die sie nennt.",
        "en": "\u201c{file}\u201d names no commune. Pick below the commune that sent it to you: it will count as "
        "that commune's response. If in doubt, ask the commune for a file that names it.",
    },
    "camp_files_whose": {
        "fr": "Commune qui vous a envoyé ce fichier", "de": "Gemeinde, die Ihnen diese Datei geschickt hat",
        "en": "Commune that sent you this file",
    },
    "camp_files_done": {
        "fr": "{n:# réponse enregistrée|# réponses enregistrées} : {names}.",
        "de": "{n:# Antwort gespeichert|# Antworten gespeichert}: {names}.",
        "en": "{n:# response recorded|# responses recorded}: {names}.",
    },
    "camp_files_warnings": {"fr": "À noter :", "de": "Hinweis:", "en": "Note:"},
    "camp_import_header": {
        "fr": "Importer une référence wallonne publiée", "de": "Veröffentlichten wallonischen Vergleichswert importieren",
        "en": "Import a published Walloon reference",
    },
    "camp_import_help": {
        "fr": "Le fichier «\u00a0Chiffres ouverts (YAML, à importer)\u00a0» d'une campagne publiée devient le repère "
        "«\u00a0Wallonie\u00a0» du radar de chaque commune de cette installation, avec son intervalle. Importer à nouveau "
        "la même campagne la remplace.",
        "de": "Die Datei „Offene Zahlen (YAML, zum Import)“ einer veröffentlichten Kampagne wird der Vergleichswert "
        "„Wallonie“ im Radar jeder Gemeinde dieser Installation, mit seinem Intervall. Dieselbe Kampagne erneut "
        "zu importieren, ersetzt sie.",
        "en": "The \u201cOpen figures (YAML, to import)\u201d file of a published campaign becomes the \u201cWallonia\u201d "
        "reference of every commune's radar on this install, with its interval. Importing the same campaign again "
        "replaces it.",
    },
    "camp_import_current": {
        "fr": "Repère wallon actuel : {label}.", "de": "Aktueller wallonischer Vergleichswert: {label}.",
        "en": "Current Walloon reference: {label}.",
    },
    "camp_import_none": {
        "fr": "Aucune campagne importée : le radar compare aux bilans partagés (non vérifiés) quand il y en a assez.",
        "de": "Keine Kampagne importiert: Das Radar vergleicht mit den geteilten (nicht geprüften) Bewertungen, "
        "wenn es genug gibt.",
        "en": "No campaign imported: the radar compares with the shared (unverified) assessments when there are enough.",
    },
    "camp_import_file": {
        "fr": "Fichier des chiffres ouverts (YAML)", "de": "Datei der offenen Zahlen (YAML)",
        "en": "Open figures file (YAML)",
    },
    "camp_import_button": {"fr": "Importer", "de": "Importieren", "en": "Import"},
    "camp_import_this": {
        "fr": "Utiliser ces chiffres comme repère wallon de cette installation",
        "de": "Diese Zahlen als wallonischen Vergleichswert dieser Installation verwenden",
        "en": "Use these figures as this install's Walloon reference",
    },
    "camp_import_done": {
        "fr": "Importé : {label}. C'est désormais le repère «\u00a0Wallonie\u00a0» du radar de chaque commune.",
        "de": "Importiert: {label}. Das ist ab jetzt der Vergleichswert „Wallonie“ im Radar jeder Gemeinde.",
        "en": "Imported: {label}. It is now the \u201cWallonia\u201d reference of every commune's radar.",
    },
    "camp_import_limit": {"fr": "YAML, 1 Mo au plus", "de": "YAML, höchstens 1 MB", "en": "YAML, 1 MB at most"},
    # the tooltip of a file the uploader refuses itself: the app's says "a .json answers file", and this page
    # takes a YAML reference too
    "camp_file_refused": {"fr": "Fichier refusé : ce champ prend le type de fichier et la taille indiqués dans son cadre.",
                          "de": "Datei abgelehnt: Dieses Feld nimmt den Dateityp und die Größe an, die in seinem "
                          "Rahmen stehen.",
                          "en": "File refused: this field takes the file type and size shown in its box."},
    "camp_import_refused_hint": {
        "fr": "Il faut le fichier «\u00a0Chiffres ouverts (YAML, à importer)\u00a0» d'une campagne publiée, tel quel. Le détail "
        "(en anglais, pour la personne qui a préparé le fichier) :",
        "de": "Nötig ist die Datei „Offene Zahlen (YAML, zum Import)“ einer veröffentlichten Kampagne, unverändert. "
        "Die Einzelheiten (auf Englisch, für die Person, die die Datei erstellt hat):",
        "en": "It takes the \u201cOpen figures (YAML, to import)\u201d file of a published campaign, as it is. "
        "The details (for whoever prepared the file):",
    },
    "camp_import_refused": {
        "fr": "Ce fichier n'a pas été importé ; rien n'a changé.", "de": "Diese Datei wurde nicht importiert; "
        "nichts hat sich geändert.", "en": "This file was not imported; nothing changed.",
    },
    "camp_publish_open": {
        "fr": "La campagne est ouverte jusqu'au {closes} inclus : {n:# commune a répondu|# communes ont répondu} "
        "jusqu'ici, sur {invited:# invitée|# invitées}. Des chiffres publiés maintenant deviennent le repère "
        "wallon partout où on les importe, et d'autres réponses peuvent encore arriver : publiez après la "
        "clôture, sauf pour un point d'étape annoncé comme tel.",
        "de": "Die Kampagne läuft bis einschließlich {closes}: {n:# Gemeinde hat|# Gemeinden haben} bisher "
        "geantwortet, von {invited:# eingeladenen|# eingeladenen}. Jetzt veröffentlichte Zahlen werden überall, wo "
        "man sie importiert, der wallonische Vergleichswert, und weitere Antworten können noch kommen: "
        "Veröffentlichen Sie nach dem Ende, außer für einen als solchen angekündigten Zwischenstand.",
        "en": "The campaign is open until {closes} included: {n:# commune has|# communes have} responded so far, "
        "of {invited:# invited|# invited}. Figures published now become the Walloon reference wherever they are "
        "imported, and more responses may still come: publish after the close, except for an interim "
        "point announced as such.",
    },
    "camp_publisher": {"fr": "Publié par", "de": "Herausgegeben von", "en": "Published by"},
    "camp_url": {
        "fr": "Adresse où les chiffres sont publiés", "de": "Adresse der Veröffentlichung",
        "en": "Address where the figures are published",
    },
    "camp_prepare": {"fr": "Préparer les fichiers", "de": "Dateien erstellen", "en": "Prepare the files"},
    "camp_publish_need": {
        "fr": "Indiquez qui publie et l'adresse (https://…) où les chiffres seront publiés.",
        "de": "Geben Sie an, wer veröffentlicht und unter welcher Adresse (https://…).",
        "en": "Say who publishes and the address (https://…) where the figures will be published.",
    },
    "camp_publish_refused": {
        "fr": "Rien ne peut encore être publié :", "de": "Noch kann nichts veröffentlicht werden:",
        "en": "Nothing can be published yet:",
    },
    "camp_download_yaml": {
        "fr": "Chiffres ouverts (YAML, à importer)", "de": "Offene Zahlen (YAML, zum Import)",
        "en": "Open figures (YAML, to import)",
    },
    "camp_download_csv": {"fr": "Chiffres ouverts (CSV)", "de": "Offene Zahlen (CSV)", "en": "Open figures (CSV)"},
    "camp_download_pdf": {"fr": "Rapport (PDF)", "de": "Bericht (PDF)", "en": "Report (PDF)"},
    "campaign_banner": {
        "fr": "Campagne «\u00a0{title}\u00a0» : ce bilan est la réponse {fr_de}**{commune}**. Ce que vous envoyez depuis la page "
        "Résultats jusqu'au {closes} inclus compte ; un nouvel envoi remplace le précédent.",
        "de": "Kampagne „{title}“: Diese Bewertung ist die Antwort von **{commune}**. Was Sie bis einschließlich "
        "{closes} über die Seite Ergebnisse senden, zählt; eine neue Sendung ersetzt die vorherige.",
        "en": "Campaign “{title}”: this assessment is the response of **{commune}**. What you submit from the "
        "Results page until {closes} included counts; a new submission replaces the previous one.",
    },
    # an invited commune's empty space: a commune that already answered here (alone or as a team) need not start
    # again (fresh-eyes trial 13: Waremme's team had answered, its invitation link opened 0 answers, and nothing
    # said how to bring them)
    "campaign_bring_file": {
        "fr": "Votre commune a déjà répondu dans cet outil, seule ou en équipe ? Inutile de tout recommencer : dans ce "
        "bilan-là, page Questionnaire, «\u00a0Fichier de réponses\u00a0», téléchargez le fichier (JSON) ; puis ici, "
        "au même endroit, chargez-le. Ses réponses, ses objectifs et sa feuille de route sont repris.",
        "de": "Ihre Gemeinde hat in diesem Werkzeug schon geantwortet, allein oder im Team? Sie müssen nicht neu "
        "beginnen: Laden Sie in jener Bewertung auf der Seite Fragebogen unter „Antwortdatei“ die Datei (JSON) "
        "herunter und laden Sie sie hier an derselben Stelle. Ihre Antworten, Ziele und ihr Fahrplan werden "
        "übernommen.",
        "en": "Has your commune already answered in this tool, alone or as a team? No need to start again: in that "
        "assessment, on the Questionnaire page under “Answers file”, download the file (JSON); then load it here, "
        "in the same place. Its answers, targets and roadmap are taken over.",
    },
    "campaign_submit_note": {
        "fr": "Enregistrer ce bilan envoie la réponse {fr_de}**{commune}** à la campagne «\u00a0{title}\u00a0» (elle compte "
        "jusqu'au {closes} inclus ; un nouvel envoi la remplace). Le partage ci-dessous concerne seulement les "
        "chiffres ouverts de ce serveur.",
        "de": "Das Speichern dieser Bewertung sendet die Antwort von **{commune}** an die Kampagne „{title}“ (sie "
        "zählt bis einschließlich {closes}; eine neue Sendung ersetzt sie). Das Teilen unten betrifft nur die "
        "offenen Zahlen dieses Servers.",
        "en": "Saving this assessment sends **{commune}**'s response to the campaign “{title}” (it counts until "
        "{closes} included; a new submission replaces it). The sharing below only concerns this server's open "
        "figures.",
    },
    "campaign_banner_closed": {
        "fr": "Campagne «\u00a0{title}\u00a0» : close le {closes}. Vos envois restent dans votre historique mais ne comptent "
        "plus pour la campagne.",
        "de": "Kampagne „{title}“: am {closes} abgeschlossen. Ihre Sendungen bleiben in Ihrem Verlauf, zählen aber "
        "nicht mehr für die Kampagne.",
        "en": "Campaign “{title}”: closed on {closes}. Your submissions stay in your history but no longer count "
        "for the campaign.",
    },
    "footer": {
        "fr": "Outil libre (EUPL-1.2). Cadre : baromètre wallon des Smart Cities (Smart City Institute, "
        "HEC Liège, avec Digital Wallonia).",
        "de": "Freies Werkzeug (EUPL-1.2). Rahmen: wallonisches Smart-City-Barometer (Smart City Institute, "
        "HEC Lüttich, mit Digital Wallonia).",
        "en": "Free tool (EUPL-1.2). Framework: the Walloon Smart City barometer (Smart City Institute, "
        "HEC Liège, with Digital Wallonia).",
    },
}


# --- targets and the roadmap (issue 14)
TEXTS.update({
    "targets_header": {"fr": "Vos objectifs", "de": "Ihre Ziele", "en": "Your targets"},
    "targets_help": {
        "fr": "Pour chaque dimension, le niveau que la commune vise et l'année d'ici laquelle (par exemple la fin "
        "de la législature, 2030). Le radar montre ces objectifs en tirets noirs.",
        "de": "Für jede Dimension die angestrebte Stufe und das Jahr, bis zu dem sie erreicht sein soll (zum "
        "Beispiel das Ende der Legislaturperiode, 2030). Das Radar zeigt diese Ziele schwarz gestrichelt.",
        "en": "For each dimension, the level the commune aims for and by which year (for instance the end of the "
        "legislature, 2030). The radar shows these targets as a black dashed line.",
    },
    "target_level": {"fr": "Niveau visé", "de": "Angestrebte Stufe", "en": "Target level"},
    # a no-break space before the colon: at 390 px chromium put « : Déploiement, 44) » at the start of a line
    "target_now": {"fr": "(aujourd'hui\u00a0: {level}, {score})", "de": "(heute: {level}, {score})",
                   "en": "(today: {level}, {score})"},
    # the year's field beside "Niveau visé": "D'ici" alone was terse (fresh-eyes trial)
    "target_by": {"fr": "À atteindre d'ici", "de": "Zu erreichen bis", "en": "To reach by"},
    "target_none": {"fr": "pas d'objectif", "de": "kein Ziel", "en": "no target"},
    "target_level_option": {"fr": "{level} (score ≥ {min})", "de": "{level} (Wert ≥ {min})",
                            "en": "{level} (score ≥ {min})"},
    "targets_save": {"fr": "Enregistrer les objectifs", "de": "Ziele speichern", "en": "Save the targets"},
    "targets_saved": {"fr": "Objectifs enregistrés.", "de": "Ziele gespeichert.", "en": "Targets saved."},
    "targets_year_alone": {
        "fr": "Année non enregistrée pour {names} : une année compte avec un niveau visé. Choisissez ce niveau, "
        "puis enregistrez.",
        "de": "Jahr nicht gespeichert für {names}: Ein Jahr gilt nur mit einer angestrebten Stufe. Wählen Sie die "
        "Stufe und speichern Sie dann.",
        "en": "Year not saved for {names}: a year counts only with a target level. Choose the level, then save.",
    },
    # under the targets' table: where the roadmap is built (the only link to it stood at the page's foot)
    "targets_next": {
        "fr": "Étape suivante : choisissez les actions qui mèneront à ces objectifs et datez-les dans la feuille "
        "de route, page «\u00a0Recommandations\u00a0».",
        "de": "Nächster Schritt: Wählen Sie auf der Seite „Empfehlungen“ die Maßnahmen, die zu diesen Zielen "
        "führen, und planen Sie sie im Fahrplan ein.",
        "en": "Next step: on the Recommendations page, pick the actions that lead to these targets and date them "
        "in the roadmap.",
    },
    "targets_next_link": {"fr": "Construire la feuille de route", "de": "Den Fahrplan erstellen",
                          "en": "Build the roadmap"},
    # where a target stands is the core's (targets.LABELS); with no score, the app's table also says why
    "target_no_score": {lang: prefix + "(" + SCORE_STATES["insufficient"][lang] + ")"
                        for lang, prefix in {"fr": "pas de score ", "de": "kein Wert ", "en": "no score "}.items()},
    "col_target": {"fr": "Objectif", "de": "Ziel", "en": "Target"},
    "col_gap": {"fr": "Écart", "de": "Abstand", "en": "Gap"},
    "series_target": RESULTS_WORDS["target_series"],  # the core's (maturity.labels), as the sheet's radar says
    "series_note_target": {"fr": "minimum du niveau visé", "de": "Untergrenze der angestrebten Stufe",
                           "en": "lower bound of the target level"},
    "progress_header": {"fr": "D'un bilan à l'autre", "de": "Von Bewertung zu Bewertung",
                        "en": "From one assessment to the next"},
    "progress_help": {
        "fr": "Le score de chaque dimension à chaque bilan enregistré, et aujourd'hui ; le trait noir en tirets "
        "est le minimum du niveau visé, comme les objectifs du radar.",
        "de": "Der Wert jeder Dimension bei jeder gespeicherten Bewertung und heute; die schwarz gestrichelte Linie "
        "ist die Untergrenze der angestrebten Stufe, wie die Ziele im Radar.",
        "en": "Each dimension's score at every saved assessment, and today; the black dashed line is the lower "
        "bound of the target level, as the radar's targets.",
    },
    "progress_none": {
        "fr": "Enregistrez ce bilan («\u00a0Enregistrer ce bilan\u00a0», plus bas) : au prochain bilan, par exemple dans un "
        "an, un graphique montrera ici l'évolution de chaque dimension face à son objectif.",
        "de": "Speichern Sie diese Bewertung („Bewertung speichern“, weiter unten): Bei der nächsten Bewertung, "
        "etwa in einem Jahr, zeigt hier eine Grafik die Entwicklung jeder Dimension gegenüber ihrem Ziel.",
        "en": "Save this assessment (“Save this assessment”, further down): at the next one, a year from now for "
        "instance, a chart will appear here with each dimension's progress against its target.",
    },
    "progress_once": {
        "fr": "Ce bilan est enregistré. Au prochain bilan, par exemple dans un an (ou dès que vous changez une réponse), "
        "un graphique montrera ici l'évolution de chaque dimension face à son objectif.",
        "de": "Diese Bewertung ist gespeichert. Bei der nächsten Bewertung, etwa in einem Jahr (oder sobald Sie eine "
        "Antwort ändern), zeigt hier eine Grafik die Entwicklung jeder Dimension gegenüber ihrem Ziel.",
        "en": "This assessment is saved. At the next one, a year from now for instance (or as soon as you change an "
        "answer), a chart will appear here with each dimension's progress against its target.",
    },
    "progress_today": {"fr": "aujourd'hui", "de": "heute", "en": "today"},
    "roadmap_header": {"fr": "Votre feuille de route", "de": "Ihr Fahrplan", "en": "Your roadmap"},
    "roadmap_help": {
        "fr": "Les actions que la commune retient, avec un responsable, une année, une ligne budgétaire (montant ou "
        "article) et un statut. Ajoutez-les depuis les recommandations ci-dessous, ou écrivez les vôtres (la dernière "
        "ligne du tableau ; quand la feuille de route est une liste, «\u00a0Nouvelle action\u00a0») ; chaque modification est enregistrée. Le tableau «\u00a0Actions pour le PST\u00a0» "
        "reprend ces actions d'abord, dans la structure du Programme Stratégique Transversal.",
        "de": "Die Maßnahmen, die die Gemeinde beschließt, mit Verantwortlichen, Jahr, Haushaltsposten (Betrag oder "
        "Artikel) und Status. Fügen Sie sie aus den Empfehlungen unten hinzu oder schreiben Sie eigene (in die letzte "
        "Zeile der Tabelle; ist der Fahrplan eine Liste, „Neue Maßnahme“); jede Änderung wird gespeichert. Die PST-Tabelle "
        "führt diese Maßnahmen zuerst auf, in der Struktur des strategischen Querschnittsprogramms der "
        "wallonischen Gemeinden (PST); sie passt auch zum Strategieplan einer Gemeinde der Deutschsprachigen "
        "Gemeinschaft.",
        "en": "The actions the commune adopts, with an owner, a year, a budget line (an amount or an article) and a "
        "status. Add them from the recommendations below, or write your own (the table's last row; when the roadmap is a list, “New "
        "action”); every change is saved. The PST actions table lists these "
        "actions first, in the structure of the Walloon communes' cross-cutting strategic programme (PST).",
    },
    "roadmap_full": {
        "fr": "La feuille de route compte {n} actions, le maximum qu'un fichier de réponses peut garder : une "
        "action de plus n'est pas enregistrée. Regroupez ou supprimez des actions pour en ajouter.",
        "de": "Der Fahrplan hat {n} Maßnahmen, das Höchste, was eine Antwortdatei aufnehmen kann: eine weitere "
        "Maßnahme wird nicht gespeichert. Fassen Sie Maßnahmen zusammen oder löschen Sie welche, um neue hinzuzufügen.",
        "en": "The roadmap has {n} actions, the most an answers file can keep: one more is not saved. Merge or "
        "delete actions to add others.",
    },
    "roadmap_empty": {
        "fr": "Aucune action pour l'instant : ajoutez-en depuis les recommandations ci-dessous.",
        "de": "Noch keine Maßnahme: Fügen Sie welche aus den Empfehlungen unten hinzu.",
        "en": "No action yet: add some from the recommendations below.",
    },
    "roadmap_add": {"fr": "Ajouter à la feuille de route", "de": "In den Fahrplan aufnehmen",
                    "en": "Add to the roadmap"},
    "roadmap_add_short": {"fr": "Ajouter", "de": "Hinzufügen", "en": "Add"},
    # a proposed action's button, as a screen reader names it (the page shows « Ajouter » alone, shell.css): each
    # said « Ajouter », a hundred times on the page. It starts with the word shown (WCAG 2.5.3, label in name)
    "roadmap_add_named": {"fr": "Ajouter {action} à la feuille de route", "de": "Hinzufügen zum Fahrplan: {action}",
                          "en": "Add {action} to the roadmap"},
    "roadmap_added": {"fr": "Dans la feuille de route", "de": "Im Fahrplan", "en": "In the roadmap"},
    "roadmap_saved": {"fr": "Feuille de route enregistrée.", "de": "Fahrplan gespeichert.", "en": "Roadmap saved."},
    "roadmap_phone_help": {
        "fr": "À cette largeur de page, la feuille de route est une liste (un tableau sur une page plus large) : choisissez une action pour changer son "
        "texte, son responsable, son année, son budget ou son statut, ou «\u00a0Nouvelle action\u00a0» pour en écrire une.",
        "de": "Bei dieser Seitenbreite ist der Fahrplan eine Liste (auf einer breiteren Seite eine Tabelle): Wählen Sie eine Maßnahme, um Text, "
        "Verantwortliche, Jahr, Haushalt oder Status zu ändern, oder „Neue Maßnahme“, um eine zu schreiben.",
        "en": "At this page width the roadmap is a list (a table on a wider page): pick an action to change its text, owner, year, budget "
        "or status, or “New action” to write one.",
    },
    "roadmap_phone_pick": {"fr": "Action à modifier", "de": "Zu bearbeitende Maßnahme", "en": "Action to edit"},
    "roadmap_phone_new": {"fr": "Nouvelle action", "de": "Neue Maßnahme", "en": "New action"},
    "roadmap_phone_save": {"fr": "Enregistrer l'action", "de": "Maßnahme speichern", "en": "Save the action"},
    "roadmap_phone_delete": {"fr": "Supprimer l'action", "de": "Maßnahme löschen", "en": "Delete the action"},
    "roadmap_phone_blank": {"fr": "Une action a un texte : écrivez-le, ou supprimez l'action.",
                            "de": "Eine Maßnahme hat einen Text: Schreiben Sie ihn, oder löschen Sie die Maßnahme.",
                            "en": "An action has a text: write it, or delete the action."},
    "col_budget_help": {"fr": "Un montant en euros (15 000) ou un article budgétaire (104/123-01).",
                        "de": "Ein Betrag in Euro (15 000) oder ein Haushaltsartikel (104/123-01).",
                        "en": "An amount in euros (15 000) or a budget article (104/123-01)."},
    "col_objective_help": {"fr": "L'objectif stratégique du PST : la dimension que l'action fait progresser ou le "
                                 "frein qu'elle lève (le tableau PST le dit en entier).",
                           "de": "Das strategische Ziel des PST: die Dimension, die die Maßnahme voranbringt, oder "
                                 "das Hemmnis, das sie abbaut (die PST-Tabelle nennt es vollständig).",
                           "en": "The PST's strategic objective: the dimension the action moves forward or the "
                                 "obstacle it removes (the PST table states it in full)."},
})


def tr(key: str, lang: str = "fr", **values: object) -> str:
    """The text ``key`` in ``lang`` (French when missing), with ``{placeholders}`` filled."""
    text = in_lang(TEXTS[key], lang)  # French with its no-break spaces before ? ! : ; (maturity.typography)
    return plural_text(text, lang, values).format(**values) if values else text


def normalize_lang(lang: object) -> str:
    return lang if isinstance(lang, str) and lang in LANGS else "fr"
