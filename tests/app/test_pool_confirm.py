"""An open-pool entry counts only once the admin has confirmed it (SECURITY.md « Who speaks for a commune »):
the admin page confirms and warns about a group that would change by one commune; the commune's pool box
says its entry waits."""

from __future__ import annotations

import os
from datetime import date, timedelta

from conftest import goto, new_app, part_button, started

from maturity.admin import hash_password
from maturity.storage import Store

PASSWORD = "correct horse battery"
NAMUR_PROVINCE = ["91005", "91013", "91015", "91030", "91034", "91054", "91059", "91064"]  # Anhée, Beauraing…


def share(store: Store, nis: str, score: float) -> None:
    token = store.open_space(nis, "mini", "1.0", "fr")
    store.submit(token, {"questionnaire": {"id": "mini", "version": "1.0"}, "commune": {"nis_code": nis},
                         "answers": {}}, {"dimensions": {"alpha": {"score": score}, "beta": {"score": score}}},
                 "mini", "1.0", True)


def admin(monkeypatch):
    monkeypatch.setenv("MATURITY_ADMIN_PASSWORD_HASH", hash_password(PASSWORD, n=2**4))
    at = new_app()
    at.run()
    goto(at, "admin")
    at.text_input[0].input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception and not at.error
    return at


def pending_ids(store: Store) -> list[int]:
    return sorted(e["id"] for e in store.pool_entries() if e["status"] == "pending")


def wallonie_groups(lang_at=None) -> list[str]:
    at = lang_at or new_app()
    at.run()
    goto(at, "wallonie")
    return [t.value.iloc[i, 0] for t in at.table if "Groupe" in t.value.columns for i in range(len(t.value))]


def test_the_figures_appear_once_the_admin_has_confirmed_5(mini, store, monkeypatch):
    for i, nis in enumerate(NAMUR_PROVINCE[:5]):
        share(store, nis, 40.0 + i)
    assert store.pool_rows() == [] and wallonie_groups() == []  # five shared, none confirmed: no figure
    at = admin(monkeypatch)
    assert "5 entrées attendent votre confirmation" in [h.value for h in at.subheader]
    assert list(at.dataframe[0].value["État"]) == ["en attente"] * 5
    four = pending_ids(store)[:4]
    at.multiselect(key="admin_confirm_pick").set_value(four).run()
    at.button(key="admin_confirm").click().run()
    assert any("4 entrées confirmées" in s.value for s in at.success), [s.value for s in at.success]
    assert len(store.pool_rows()) == 4 and wallonie_groups() == []  # four communes: still no figure
    assert "1 entrée attend votre confirmation" in [h.value for h in at.subheader]
    at.button(key="admin_confirm_all").click().run()
    assert any("1 entrée confirmée\u00a0: elle compte désormais" in s.value for s in at.success)
    assert not [h.value for h in at.subheader if "confirmation" in h.value]  # nothing waits any more
    assert len(store.pool_rows()) == 5
    assert wallonie_groups() == ["Wallonie", "Province\u00a0: Namur"]  # the label as the page gives it


def test_one_entry_confirmed_alone_counts_but_waits_to_be_published(mini, store, monkeypatch):
    for i, nis in enumerate(NAMUR_PROVINCE[:6]):
        share(store, nis, 40.0 + i)
    store.confirm_pool_entries(pending_ids(store))  # six communes counted: Wallonia and Namur published
    share(store, NAMUR_PROVINCE[6], 90.0)
    share(store, NAMUR_PROVINCE[7], 10.0)
    at = admin(monkeypatch)
    assert "Rien n'attend : les chiffres publiés sont à jour." in [m.value for m in at.markdown]
    one = pending_ids(store)[0]
    at.multiselect(key="admin_confirm_pick").set_value([one]).run()
    said = [i.value for i in at.info]
    assert ("Cette entrée comptera, mais les chiffres publiés ne la montreront pas encore : « Wallonie » "
            "et « Province : Namur » changeraient d'une seule commune, et qui a vu leurs chiffres avant "
            "pourrait en déduire ses scores.") in said[0], said
    # both at once: each group changes by two communes, published at once: nothing said
    at.multiselect(key="admin_confirm_pick").set_value(pending_ids(store)).run()
    assert not [i.value for i in at.info if "comptera" in i.value or "compteront" in i.value]
    # the admin confirms the one alone: it counts, the published figures wait, and the page says why
    at.multiselect(key="admin_confirm_pick").set_value([one]).run()
    at.button(key="admin_confirm").click().run()
    assert [e["status"] for e in store.pool_entries() if e["id"] == one] == ["counted"]
    assert wallonie_groups() == ["Wallonie", "Province : Namur"]
    states = dict(zip(at.dataframe[0].value["N°"], at.dataframe[0].value["État"], strict=True))
    assert states[one] == "à publier" and states[one - 1] == "comptée", states
    warned = [w.value for w in at.warning]
    assert any(w.startswith("Depuis la dernière publication, 1 commune a changé (« Hamois ») ; ce changement "
                            "attend : « Wallonie » et « Province : Namur » changeraient d'une seule commune")
               and
               "Vous pouvez tout de même publier" in w for w in warned), warned
    # in German too
    at.sidebar.radio(key="_lang_choice").set_value("de").run()
    warned = [w.value for w in at.warning]
    assert any(w.startswith("Seit der letzten Veröffentlichung hat sich 1 Gemeinde geändert („Hamois“); diese "
                            "Änderung wartet: „Wallonie“ und „Provinz: Namur“ würden sich um eine einzige Gemeinde ändern")
               for w in warned), warned
    # the admin publishes anyway: named, and ticking a box that says what it gives away
    assert at.button(key="admin_publish").disabled
    [sure] = [c for c in at.checkbox if c.label.startswith("Ich veröffentliche trotzdem")]
    assert sure.label == ("Ich veröffentliche trotzdem und weiß, dass sich „Wallonie“ und „Provinz: Namur“ um eine "
                          "einzige Gemeinde ändern und sich daraus die Werte von „Hamois“ ableiten lassen.")
    at.text_input(key="admin_publish_name").input("Anne Dupont").run()
    [sure] = [c for c in at.checkbox if c.label.startswith("Ich veröffentliche trotzdem")]
    sure.check().run()
    assert not at.button(key="admin_publish").disabled
    at.button(key="admin_publish").click().run()
    assert any("Zahlen veröffentlicht." in s.value for s in at.success)
    assert store.pool_release_state()["released_by"] == "admin"
    assert not [w.value for w in at.warning if "wartet" in w.value]
    assert "Nichts wartet: die veröffentlichten Zahlen sind aktuell." in [m.value for m in at.markdown]


def test_publishing_anyway_asks_for_a_name_and_a_box_naming_the_commune_and_keeps_them(mini, store, monkeypatch):
    """Publishing despite the warning cannot be prevented; it is deliberate (a box naming what it gives away, a
    name) and kept with the release: who, when, the warning shown, what the check found it gave away."""
    for i, nis in enumerate(NAMUR_PROVINCE[:7]):
        share(store, nis, 40.0 + i)
    store.confirm_pool_entries(pending_ids(store))
    gone = next(e for e in store.pool_entries() if e["nis_code"] == NAMUR_PROVINCE[2])  # Bièvre
    store.withdraw_pool_entry(gone["id"])
    at = admin(monkeypatch)
    [warning] = [w.value for w in at.warning if w.value.startswith("Depuis la dernière publication")]
    [sure] = [c for c in at.checkbox if c.label.startswith("Je publie quand même")]
    assert sure.label == ("Je publie quand même, en sachant que «\u00a0Wallonie\u00a0» et «\u00a0Province\u00a0: "
                          "Namur\u00a0» changent d'une seule commune et que les scores de «\u00a0Bièvre\u00a0» "
                          "pourront en être déduits.")
    assert "La publication gardera votre nom" in " ".join(c.value for c in at.caption)
    assert at.button(key="admin_publish").disabled  # neither name nor box
    sure.check().run()
    assert at.button(key="admin_publish").disabled  # no name yet
    at.text_input(key="admin_publish_name").input("   ").run()
    assert at.button(key="admin_publish").disabled  # blanks are no name
    at.text_input(key="admin_publish_name").input("Anne Dupont").run()
    at.button(key="admin_publish").click().run()
    assert any("Chiffres publiés." in s.value for s in at.success)
    kept = store.pool_release_history()[-1]
    assert kept["released_by"] == "admin" and kept["published_by"] == "Anne Dupont"
    assert kept["warning"] == warning + "\n" + sure.label and kept["read"] == [NAMUR_PROVINCE[2]]
    assert kept["client_fingerprint"]  # the address's fingerprint, never the address
    assert at.expander[-1].label == "Publications faites malgré l'avertissement (1)"  # listed on the page
    said = " ".join(m.value for m in at.markdown)
    assert "Anne Dupont" in said and "«\u00a0Bièvre\u00a0»" in said


def test_a_withdrawal_hides_the_groups_and_the_page_says_why(mini, store, monkeypatch):
    for i, nis in enumerate(NAMUR_PROVINCE[:7]):
        share(store, nis, 40.0 + i)
    store.confirm_pool_entries(pending_ids(store))
    store.withdraw_pool_entry(store.pool_entries()[0]["id"])
    assert wallonie_groups() == []  # six are left, but the seventh would be read by difference
    at = admin(monkeypatch)
    warned = [w.value for w in at.warning]
    assert any(w.startswith("Masqués depuis un retrait ou un effacement : « Wallonie » et "
                            "« Province : Namur ».") for w in warned), warned
    at = new_app()
    at.run()
    goto(at, "wallonie")
    said = [i.value for i in at.info]
    assert ("Chiffres masqués depuis qu'une commune a retiré son auto-évaluation\u00a0: «\u00a0Wallonie\u00a0» et "
            "«\u00a0Province\u00a0: Namur\u00a0».") in said[0], said
    assert not [t for t in said if "Moins de 5 communes" in t]


def test_the_commune_reads_that_its_shared_scores_wait(mini, store):
    at = started()
    at.radio(key="ans_a1").set_value("full").run()
    goto(at, "resultats")
    assert not [i.value for i in at.info if "administrateur" in i.value]
    at.checkbox(key="pool_opt_in").check().run()
    said = " ".join(i.value for i in at.info)
    assert "Vos scores partagés ne compteront qu'une fois que l'administrateur du site aura confirmé l'envoi" in said
    at.button(key="submit").click().run()
    rows = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert any("scores partagés, en attente de la confirmation de l'administrateur\u00a0: ils ne comptent pas "
               "encore" in r for r in rows), rows
    store.confirm_pool_entries(pending_ids(store))
    at.run()
    rows = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert any("scores partagés\u00a0: ils comptent dans les chiffres mis en commun" in r for r in rows), rows


def test_a_counted_entry_that_waits_for_company_says_so(mini, store):
    for i, nis in enumerate(NAMUR_PROVINCE[:6]):
        share(store, nis, 40.0 + i)
    store.confirm_pool_entries(pending_ids(store))  # Wallonia published with six communes
    at = started()
    at.radio(key="ans_a1").set_value("full").run()
    part_button(at, "next").click().run()
    for key, value in (("ans_b1", "o2"), ("ans_b2", "o1")):  # a score in the second dimension too
        at.radio(key=key).set_value(value).run()
    goto(at, "resultats")
    at.checkbox(key="pool_opt_in").check().run()
    assert any("Les chiffres publiés les montreront avec d'autres changements, jamais seuls" in i.value
               for i in at.info)
    at.button(key="submit").click().run()
    store.confirm_pool_entries(pending_ids(store))  # alone, it would change Wallonia by one commune: it waits
    at.run()
    rows = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert any("scores partagés\u00a0: ils comptent, et paraîtront dans les chiffres publiés avec d'autres "
               "changements" in r for r in rows), rows



def test_the_wallonie_page_says_the_pools_kind_and_that_the_campaign_is_the_reference(mini, store):
    """The pool's « Wallonie » line (5 communes of one province) read as Wallonia's, beside the campaign's, with
    no word of what it is (fresh-eyes trial 14): its kind is said, as on the radar (contract §7)."""
    for i, nis in enumerate(NAMUR_PROVINCE[:5]):
        share(store, nis, 40.0 + i)
    store.confirm_pool_entries(pending_ids(store))
    at = new_app()
    at.run()
    goto(at, "wallonie")
    kind = [c.value for c in at.caption if c.value.startswith("Nature")]
    assert kind == ["Nature\u00a0: auto-évaluations déclarées, non vérifiées. Ce sont les moyennes des communes qui "
                    "ont choisi de partager leurs scores, pas un échantillon de toutes les communes\u00a0: la ligne "
                    "«\u00a0Wallonie\u00a0» est la moyenne de celles-là, de quelque province qu'elles soient."], kind
    # once a campaign is imported, the page says which « Wallonie » the radars draw
    from maturity.aggregates import aggregates_set, dump_yaml, read_aggregates
    from maturity.communes import registry_at
    from maturity.coordination import campaign_report
    from maturity.questionnaire import load_questionnaire
    from maturity.storage import FileResponse, Invitee

    opens = date.today() - timedelta(days=5)
    store.create_campaign("wal-test", "Baromètre test", "mini", opens, opens + timedelta(days=60))
    store.invite("wal-test", [Invitee(c.nis_code, c.name_fr) for c in registry_at(opens)], "1.0")
    store.submit_files("wal-test", [FileResponse(nis, {"questionnaire": {"id": "mini", "version": "1.0"}, "answers": {}},
                                                 {"dimensions": {"alpha": {"score": 50.0}, "beta": {"score": 50.0}}},
                                                 f"{nis}.json") for nis in NAMUR_PROVINCE[:5]])
    report = campaign_report(store, store.campaign("wal-test"), load_questionnaire(os.environ["MATURITY_QUESTIONNAIRE"]), [])
    text = dump_yaml(aggregates_set(report, publisher="Smart City Institute", url="https://example.org"))
    ref = read_aggregates(text, "wal-test.yaml")
    store.import_aggregates(campaign=ref.campaign, title=ref.title("fr"), published=ref.date, respondents=ref.n,
                            population=ref.N, source="wal-test.yaml", text=text)
    goto(at, "wallonie")
    assert not at.exception
    kind = [c.value for c in at.caption if c.value.startswith("Nature")]
    assert len(kind) == 1 and kind[0].endswith(
        "Le repère «\u00a0Wallonie\u00a0» des radars est celui de la campagne ci-dessus\u00a0; ces moyennes-ci "
        "ne servent qu'aux groupes qu'elle ne publie pas."), kind
    at.sidebar.radio(key="_lang_choice").set_value("de").run()
    assert [c.value for c in at.caption if c.value.startswith("Art: gemeldete, nicht überprüfte Selbstbewertungen.")]
