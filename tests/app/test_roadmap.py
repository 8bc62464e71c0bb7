"""Targets and the roadmap through AppTest (issue 14): results → targets → roadmap → download, saved in the draft."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from conftest import goto, new_app, started

from maturity import plan, targets
from maturity.app.logic import document_of


def _answered(store):
    at = started()
    at.radio(key="ans_a1").set_value("none").run()  # alpha: a1 0, a2 0 → score 0, level "low"
    at.radio(key="ans_a2").set_value("no").run()
    return at, at.session_state["token"]


def _set_target(at, dim: str, level: str, year: int):
    at.selectbox(key=f"tg_level_{dim}").select(level)
    at.number_input(key=f"tg_by_{dim}").set_value(year)
    next(b for b in at.button if b.label == "Enregistrer les objectifs").click().run()
    assert not at.exception, at.exception


def test_targets_are_set_on_the_results_page_saved_and_drawn(mini, store):
    at, token = _answered(store)
    goto(at, "resultats")
    _set_target(at, "alpha", "mid", 2028)
    assert store.load_space(token).draft["targets"] == {"alpha": {"level": "mid", "by": 2028}}
    assert any("Objectifs enregistrés" in s.value for s in at.success)
    gap_table = [t for t in at.table if "Écart" in str(t.value.columns.tolist())]
    assert gap_table and gap_table[0].value.iloc[0].tolist()[-1] == "encore 40 points"  # min 40 − score 0
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    values = [row for layer in spec["layer"] for row in layer.get("data", {}).get("values", [])]
    target_points = [r for r in values if r.get("kind") == "target" and "dimension" in r]
    assert [(r["dimension"], r["score"]) for r in target_points] == [("Alpha", "40")]
    # a refresh (a new session with the link) finds the target again
    again = new_app(token)
    again.switch_page("maturity/app/pages/resultats.py").run()
    assert again.selectbox(key="tg_level_alpha").value == "mid"
    assert again.number_input(key="tg_by_alpha").value == 2028
    # removing the target removes the field
    _set_target(again, "alpha", "", 2028)
    assert "targets" not in store.load_space(token).draft


def test_the_target_years_field_says_what_the_year_is(mini, store):
    """« D'ici » alone (de „Bis“) over the year was terse: the year by which the level is to be reached.
    Each field is named with its dimension: a screen reader read « À atteindre d'ici » for every one of them
    (the row shows the dimension; the style draws the words alone, checked in tests/e2e/test_roadmap_browser)."""
    at, token = _answered(store)
    goto(at, "resultats")
    assert at.number_input(key="tg_by_alpha").label == "Alpha — À atteindre d'ici"
    assert at.number_input(key="tg_by_beta").label == "Beta — À atteindre d'ici"
    for lang, label in (("de", "Alpha — Zu erreichen bis"), ("en", "Alpha — To reach by")):
        other = new_app(token)
        other.query_params["lang"] = lang
        other.switch_page("maturity/app/pages/resultats.py").run()
        assert not other.exception, other.exception
        assert other.number_input(key="tg_by_alpha").label == label


def test_saving_targets_draws_the_results_page_once(mini, store, monkeypatch):
    """Issue 16: the form's button saves before the page runs (a callback), so a click draws the page once
    with the new targets; saving inside the run then asking for another drew it twice."""
    from maturity.app import results

    at, token = _answered(store)
    goto(at, "resultats")
    runs = []
    view = results.view
    monkeypatch.setattr(results, "view", lambda *a, **k: runs.append(1) or view(*a, **k))
    _set_target(at, "alpha", "mid", 2028)
    assert len(runs) == 1
    assert store.load_space(token).draft["targets"] == {"alpha": {"level": "mid", "by": 2028}}
    assert any("Objectifs enregistrés" in s.value for s in at.success)


def test_targets_saved_in_one_tab_never_undo_a_roadmap_written_in_another(mini, store):
    """The save reads the draft as a run does: a roadmap written meanwhile elsewhere stays, the page says it
    reloaded, and the targets are set again on what is now stored."""
    from maturity.storage import Store

    at, token = _answered(store)
    goto(at, "resultats")
    elsewhere = [{"id": "x1", "action": "Écrit ailleurs", "owner": "", "year": 2027,
                  "status": "planned"}]
    Store.from_env().save_meta(token, {"plan": elsewhere})  # another tab, colleague or replica
    _set_target(at, "alpha", "mid", 2028)
    assert store.load_space(token).draft["plan"] == elsewhere
    assert any("autre onglet" in i.value for i in at.info)
    _set_target(at, "alpha", "mid", 2028)
    draft = store.load_space(token).draft
    assert draft["plan"] == elsewhere and draft["targets"] == {"alpha": {"level": "mid", "by": 2028}}


def test_a_year_typed_without_a_level_is_said_not_saved(mini, store):
    """Gouvy typed 2027 for a dimension left at « pas d'objectif » and saved: "Objectifs enregistrés", the
    field still showing 2027, and nothing kept of it (fresh-eyes trial). The page says which year was not."""
    at, token = _answered(store)
    goto(at, "resultats")
    _set_target(at, "alpha", "", 2027)
    assert "targets" not in store.load_space(token).draft
    (note,) = [i.value for i in at.info if "Année non enregistrée" in i.value]
    assert "Alpha" in note and "Beta" not in note
    _set_target(at, "alpha", "mid", 2027)  # with a level, the year is the target's: nothing more to say
    assert store.load_space(token).draft["targets"] == {"alpha": {"level": "mid", "by": 2027}}
    assert not [i for i in at.info if "Année non enregistrée" in i.value]


def test_a_target_levels_number_says_it_is_the_score(mini, store):
    """« Intégration (≥ 60) » in the targets form: a number that did not say what it was (fresh-eyes trial)."""
    at, _token = _answered(store)
    goto(at, "resultats")
    options = at.selectbox(key="tg_level_alpha").options
    assert "Moyen (score ≥ 40)" in options and not [o for o in options if "(≥" in o]


def test_each_target_field_says_where_the_dimension_stands_today(mini, store):
    """Gesves's échevine chose « Planification » for Mobilité, the level its 25 had already reached, and only the
    table under the form then said « atteint » (fresh-eyes trial 9): each field names today's level and score."""
    at, _token = _answered(store)
    goto(at, "resultats")
    assert at.selectbox(key="tg_level_alpha").label.endswith("Niveau visé (aujourd'hui\u00a0: Bas, 0)"), \
        at.selectbox(key="tg_level_alpha").label


def _roadmap_links(at) -> list:
    return [link for link in at.main.get("page_link") if link.proto.label == "Construire la feuille de route"]


def test_saved_targets_point_to_where_the_roadmap_is_built(mini, store):
    """After "Objectifs enregistrés", the page's only link to the roadmap stood at its foot, after the
    obstacles, the barometer and the submit box: on a phone, the official did not know where to go on
    (fresh-eyes trial). Under the targets' table, a sentence and a link to the recommendations page."""
    at, _token = _answered(store)
    goto(at, "resultats")
    assert not _roadmap_links(at)  # no target yet: no next step to point to
    _set_target(at, "alpha", "mid", 2028)
    (link,) = _roadmap_links(at)
    assert link.proto.page == "recommandations"
    assert any("Étape suivante" in c.value and "«\u00a0Recommandations\u00a0»" in c.value for c in at.caption)


def test_actions_picked_from_the_recommendations_make_a_saved_roadmap(mini, store):
    at, token = _answered(store)
    goto(at, "resultats")
    _set_target(at, "alpha", "high", 2029)
    goto(at, "recommandations")
    assert any("Aucune action" in i.value for i in at.info)
    # the button is named with its action (a screen reader said « Ajouter » for every action); the page shows
    # « Ajouter » alone (shell.css, checked in tests/e2e/test_roadmap_browser.py)
    assert at.button(key="pick_rec_alpha_low_0").label == "Ajouter «\u00a0Agir\u00a0» à la feuille de route"
    at.button(key="pick_rec_alpha_low_0").click().run()
    assert not at.exception, at.exception
    draft = store.load_space(token).draft
    # the first action next year (the target's, 2029, only if sooner): a 2030 target dated every action in 2030
    # ("Refaire cette auto-évaluation après un an" too; fresh-eyes trial)
    next_year = min(date.today().year + 1, 2029)
    assert draft["plan"] == [{"id": "a1", "recommendation": "rec_alpha_low", "action": "Agir", "owner": "",
                              "year": next_year, "status": "planned"}]
    assert not any(b.key == "pick_rec_alpha_low_0" for b in at.button)  # shown as added, not twice
    (editor,) = at.dataframe  # the roadmap's editable table
    # the status in the page's words, not its id: the grid's accessible cells (a screen reader's) hold the
    # values, and read "planned" on a French page (fresh-eyes trial)
    assert editor.value[["objective", "action", "year", "status"]].values.tolist() == [["Alpha", "Agir", next_year,
                                                                                       "prévue"]]
    # the list a phone shows instead of the grid (the style hides it on a wider screen): each action, then what is saved
    (listed,) = [m.value for m in at.markdown if m.value.startswith("- **Agir**")]
    assert f"Année\u00a0: {next_year}" in listed and "Statut\u00a0: prévue" in listed
    # a new action then takes the year after, towards the 2029 the commune set (every one read next year: trial)
    _phone(at, "pick").set_value("").run()
    assert _phone(at, "year").value == min(date.today().year + 2, 2029)
    assert "Responsable\u00a0: à désigner" in listed  # none typed: said, as the sheet says it
    assert any(b.proto.label == "Actions pour le PST (tableur CSV)" for b in at.get("download_button"))
    # what that download holds (AppTest cannot read a download's bytes): the roadmap first, in the PST's structure
    from maturity import sheet

    q = _mini()
    lines = sheet.build(q, document_of(draft, q), "fr", "csv").decode("utf-8-sig").splitlines()
    assert lines[0] == ("Objectif stratégique;Objectif opérationnel;Action;Responsable;Échéance;Budget;Statut;"
                        "Priorité;Ressource")
    assert lines[1] == f"Alpha : viser «\u00a0Haut\u00a0» d'ici 2029;Alpha bas;Agir;;{next_year};;prévue;2 — moyenne;"
    # a new session finds the roadmap, the action still marked as added
    again = new_app(token)
    again.switch_page("maturity/app/pages/recommandations.py").run()
    assert not any(b.key == "pick_rec_alpha_low_0" for b in again.button)
    assert plan.of(document_of(store.load_space(token).draft, _mini()))[0].recommendation == "rec_alpha_low"


def test_progress_chart_appears_after_a_submission(mini, store):
    at, token = _answered(store)
    goto(at, "resultats")
    _set_target(at, "alpha", "mid", 2030)
    assert any("au prochain bilan" in c.value for c in at.caption)
    at.button(key="submit").click().run()

    def panels():  # one per dimension (a phone stacks them), titled with the dimension
        return {tuple(spec["title"]["text"]): chart for chart in at.get("vega_lite_chart")
                if isinstance((spec := json.loads(chart.proto.spec)).get("title"), dict)}

    # saved, nothing changed since: no chart of one point drawn twice (the save and « aujourd'hui », same day,
    # same scores: fresh-eyes trial, Durbuy), a caption saying when one comes
    assert not panels()
    assert any(c.value.startswith("Ce bilan est enregistré. Au prochain bilan") for c in at.caption), \
        [c.value for c in at.caption]
    goto(at, "questionnaire")
    at.radio(key="ans_a2").set_value("yes").run()
    goto(at, "resultats")
    assert list(panels()) == [(_mini().t(s.label, "fr"),) for s in _mini().dimensions]
    import pyarrow as pa

    rows = pa.ipc.open_stream(panels()[("Alpha",)].proto.data.data).read_pandas().to_dict("records")  # Streamlit's copy
    alpha = [r for r in rows if r["dimension"] == "Alpha"]
    assert [r["when"] for r in alpha][-1] == "aujourd'hui" and len(alpha) == 2
    assert all(r["target"] == 40 for r in alpha) and alpha[0]["score"] == 0 and alpha[1]["score"] > 0
    assert targets.of(document_of(store.load_space(token).draft, _mini()))["alpha"].by == 2030


def test_before_any_saved_assessment_the_progress_caption_points_to_no_chart(mini, store):
    """The fresh-eyes trial (Durbuy): « D'un bilan à l'autre » said « … ce graphique montrera l'évolution … »
    where no chart is drawn yet: « ce » pointed at nothing on the page."""
    from maturity.app.texts import tr

    at, _token = _answered(store)
    goto(at, "resultats")
    assert not [c for c in at.get("vega_lite_chart")
                if isinstance(json.loads(c.proto.spec).get("title"), dict)]  # no progress panel yet
    said = [c.value for c in at.caption if "au prochain bilan" in c.value]
    assert said and "ce graphique" not in said[0] and "un graphique montrera ici" in said[0], said
    assert "diese Grafik" not in tr("progress_none", "de") and "this chart" not in tr("progress_none", "en")


def _mini():
    from maturity.questionnaire import load_questionnaire

    return load_questionnaire(Path(__file__).resolve().parents[1] / "data" / "mini.yaml")


def test_an_action_picked_in_french_stays_marked_as_added_in_english(data_dir, monkeypatch, tmp_path, store):
    text = (Path(__file__).resolve().parents[1] / "data" / "mini.yaml").read_text(encoding="utf-8")
    assert "    actions: [Agir]\n" in text
    bilingual = tmp_path / "mini-bilingual.yaml"
    bilingual.write_text(text.replace("    actions: [Agir]\n", "    actions: [{fr: Agir, en: Act}]\n", 1),
                         encoding="utf-8")
    monkeypatch.setenv("MATURITY_QUESTIONNAIRE", str(bilingual))
    at, token = _answered(store)
    goto(at, "recommandations")
    at.button(key="pick_rec_alpha_low_0").click().run()
    assert [i["action"] for i in store.load_space(token).draft["plan"]] == ["Agir"]
    english = new_app(token)
    english.query_params["lang"] = "en"
    english.switch_page("maturity/app/pages/recommandations.py").run()
    assert not english.exception, english.exception
    assert any(m.value.startswith("- Act") for m in english.markdown)  # the action, in English
    assert not any(b.key == "pick_rec_alpha_low_0" for b in english.button)  # not offered a second time
    (editor,) = english.dataframe
    assert editor.value["status"].tolist() == ["planned"]  # the English word, read back as the id
    assert store.load_space(token).draft["plan"][0]["status"] == "planned"


def _phone(at, field: str):
    """The phone form's widget ``field`` (its key carries the action and the plan's version)."""
    kinds = {"pick": at.selectbox, "status": at.selectbox, "action": at.text_area, "year": at.number_input}
    found = [w for w in kinds.get(field, at.text_input) if str(w.key).startswith(f"ph_{field}_")]
    assert len(found) == 1, (field, [w.key for w in found])
    return found[0]


def _phone_button(at, label: str) -> None:
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, at.exception


def test_the_roadmaps_list_is_said_to_follow_the_pages_width_not_a_narrow_screen(mini, store):
    """A tablet held sideways (1180 px) showed the list, the main column beside the menu being under the grid's
    760 px, with « Sur cet écran étroit » and « sur un téléphone, « Nouvelle action » » (fresh-eyes trial 14):
    the words say the page's width, and that a wider page shows the table."""
    at, _token = _answered(store)
    goto(at, "recommandations")
    said = " ".join(c.value for c in at.caption)
    assert "À cette largeur de page, la feuille de route est une liste (un tableau sur une page plus large)" in said
    assert "quand la feuille de route est une liste, «\u00a0Nouvelle action\u00a0»" in said
    assert "écran étroit" not in said and "téléphone" not in said
    at.sidebar.radio(key="_lang_choice").set_value("de").run()
    said = " ".join(c.value for c in at.caption)
    assert "Bei dieser Seitenbreite ist der Fahrplan eine Liste" in said and "Smartphone" not in said


def test_on_a_phone_the_roadmap_is_a_list_edited_one_action_at_a_time(mini, store):
    """The grid's six columns scrolled sideways on a phone: there (the page's style shows one or the other)
    the roadmap is a list and a form for one action, which saves through the grid's own rules."""
    at, token = _answered(store)
    goto(at, "recommandations")
    at.button(key="pick_rec_alpha_low_0").click().run()
    assert _phone(at, "pick").value == "a1"  # the action picked is the one the form shows
    (picked,) = store.load_space(token).draft["plan"]
    # no owner yet: the list says so, as the sheet does, where it left the line out (fresh-eyes trial 8)
    assert any("Responsable\u00a0: à désigner" in m.value for m in at.markdown)
    _phone(at, "owner").input("DG")
    _phone(at, "budget").input("15 000")
    _phone(at, "status").set_value("started")
    _phone_button(at, "Enregistrer l'action")
    assert store.load_space(token).draft["plan"] == [dict(picked, owner="DG", budget=15000, status="started")]
    (editor,) = at.dataframe  # the grid shows the same, and the list too
    assert editor.value[["owner", "status"]].values.tolist() == [["DG", "en cours"]]
    assert any("Responsable\u00a0: DG" in m.value and "Statut\u00a0: en cours" in m.value for m in at.markdown)
    # a new action, written freely; a blank one is refused with a word, nothing saved
    _phone(at, "pick").set_value("").run()  # "Nouvelle action"
    _phone_button(at, "Enregistrer l'action")
    assert any("Une action a un texte" in e.value for e in at.error)
    assert len(store.load_space(token).draft["plan"]) == 1
    _phone(at, "action").input("Former les agents au numérique")
    _phone_button(at, "Enregistrer l'action")
    saved = store.load_space(token).draft["plan"]
    assert [(a["id"], a["action"], a["status"]) for a in saved] == [
        ("a1", "Agir", "started"), ("a2", "Former les agents au numérique", "planned")]
    assert _phone(at, "pick").value == "a2"  # the new action stays in the form
    # an action added from a recommendation is the one the form shows (not the first of the list)
    store.save_answer(token, "approach", "none")  # another recommendation, « Démarrer »
    goto(at, "recommandations")
    at.button(key="pick_rec_no_approach_0").click().run()
    assert not at.exception, at.exception
    added = store.load_space(token).draft["plan"][-1]
    assert added["id"] == "a3" and _phone(at, "pick").value == "a3"
    assert _phone(at, "action").value == added["action"]
    # deleted
    _phone(at, "pick").set_value("a1").run()
    _phone_button(at, "Supprimer l'action")
    assert [a["id"] for a in store.load_space(token).draft["plan"]] == ["a2", "a3"]
    (editor,) = at.dataframe
    assert editor.value["action"].tolist() == ["Former les agents au numérique", "Commencer"]


def test_an_action_saved_in_its_earlier_wording_stays_marked_and_is_not_offered_again(data_dir, monkeypatch,
                                                                                        tmp_path, store):
    """Roadmaps are kept for years; an action reworded since (« Lui confier … » became « Confier au comité de
    pilotage … ») lost its « Dans la feuille de route » mark, and its button added it a second time."""
    text = (Path(__file__).resolve().parents[1] / "data" / "mini.yaml").read_text(encoding="utf-8")
    reworded = tmp_path / "mini-reworded.yaml"
    reworded.write_text(text.replace("    actions: [Agir]\n", "    actions: [Agir]\n    former_actions: [{action: 1, "
                                     "text: {fr: Agir vite, en: Act fast}}]\n", 1), encoding="utf-8")
    monkeypatch.setenv("MATURITY_QUESTIONNAIRE", str(reworded))
    _at, token = _answered(store)
    draft = store.load_space(token).draft
    saved = {"id": "a1", "recommendation": "rec_alpha_low", "action": "Agir vite", "owner": "DG", "year": 2027,
             "status": "started"}
    store.save_draft(token, dict(draft, plan=[saved]))
    for lang in ("fr", "en"):
        page = new_app(token)
        page.query_params["lang"] = lang
        page.switch_page("maturity/app/pages/recommandations.py").run()
        assert not page.exception, page.exception
        assert not any(b.key == "pick_rec_alpha_low_0" for b in page.button)
        assert any(c.value.endswith(("Dans la feuille de route", "In the roadmap")) for c in page.caption)
    assert store.load_space(token).draft["plan"] == [saved]  # the commune's own text, kept as saved


def test_a_roadmap_changed_in_another_tab_is_never_written_over(mini, store):
    """Two tabs on one roadmap (hostile review 10): an action added in one tab was lost when the other, opened
    before, added one too, or merely ran again (its table saved the roadmap it had started from). Each page's
    change is now applied to the roadmap as stored."""
    from maturity.storage import Store

    at, token = _answered(store)
    store.save_answer(token, "approach", "none")  # a second recommendation, « Démarrer »
    goto(at, "recommandations")
    at.button(key="pick_rec_alpha_low_0").click().run()
    (mine,) = store.load_space(token).draft["plan"]
    elsewhere = {"id": "a2", "action": "Écrit ailleurs", "owner": "", "year": 2027, "status": "planned"}
    Store.from_env().save_meta(token, {"plan": [mine, elsewhere]})  # another tab, colleague or replica
    at.run()  # any click on this page
    assert not at.exception, at.exception
    assert store.load_space(token).draft["plan"] == [mine, elsewhere]
    (editor,) = at.dataframe  # the table shows what is stored
    assert editor.value["action"].tolist() == ["Agir", "Écrit ailleurs"]
    # an action picked in a tab that has not seen a change made elsewhere keeps that change
    Store.from_env().save_meta(token, {"plan": [mine, elsewhere, dict(elsewhere, id="a3", action="Encore ailleurs")]})
    at.button(key="pick_rec_no_approach_0").click().run()
    assert not at.exception, at.exception
    saved = store.load_space(token).draft["plan"]
    assert [a["action"] for a in saved] == ["Agir", "Écrit ailleurs", "Encore ailleurs", "Commencer"]
    assert len({a["id"] for a in saved}) == 4
    # the phone's form: an owner given to one action keeps an action deleted elsewhere deleted, and one added there
    Store.from_env().save_meta(token, {"plan": [a for a in saved if a["action"] != "Encore ailleurs"]
                                       + [dict(elsewhere, id="a9", action="Ajouté ailleurs")]})
    _phone(at, "pick").set_value("a1").run()
    _phone(at, "owner").input("DG")
    _phone_button(at, "Enregistrer l'action")
    saved = store.load_space(token).draft["plan"]
    assert [(a["action"], a["owner"]) for a in saved] == [
        ("Agir", "DG"), ("Écrit ailleurs", ""), ("Commencer", ""), ("Ajouté ailleurs", "")]



def test_a_full_roadmap_says_so_and_adds_nothing_its_file_would_refuse(mini, store):
    at, token = _answered(store)
    full = [{"id": f"a{i}", "action": f"Action {i}", "owner": "", "year": 2027, "status": "planned"}
            for i in range(1, plan.MAX_ITEMS + 1)]
    store.save_meta(token, {"plan": full})
    goto(at, "recommandations")
    assert any("500 actions" in w.value for w in at.warning)
    at.button(key="pick_rec_alpha_low_0").click().run()
    assert not at.exception, at.exception
    assert store.load_space(token).draft["plan"] == full


def test_each_proposed_actions_button_is_named_with_its_action_in_the_pages_language(mini, store):
    _at, token = _answered(store)
    for lang, name in (("fr", "Ajouter «\u00a0Agir\u00a0» à la feuille de route"), ("de", "Hinzufügen zum Fahrplan: „Agir“"),
                       ("en", "Add “Agir” to the roadmap")):
        page = new_app(token)
        page.query_params["lang"] = lang
        page.switch_page("maturity/app/pages/recommandations.py").run()
        assert not page.exception, page.exception
        labels = {str(b.key): b.label for b in page.button if str(b.key).startswith("pick_")}
        assert labels["pick_rec_alpha_low_0"] == name, labels
        assert len(set(labels.values())) == len(labels), labels  # no two alike
