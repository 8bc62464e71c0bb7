"""The campaign in the app: the coordinator's page (login, create, the map and the tables, the estimates,
the publication), a space opened by an invitation link, and the radar's regional reference."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta

import pytest
from conftest import goto, new_app

from maturity.questionnaire import load_questionnaire
from maturity.storage import FileResponse, Invitee

OPENS = date.today() - timedelta(days=5)
CLOSES = date.today() + timedelta(days=30)
RESPONDENTS = ["25005", "25014", "57081", "55004", "62063", "61003", "82039", "84009", "92094", "91013"]


@pytest.fixture
def admin(mini, monkeypatch):
    from maturity.admin import hash_password

    monkeypatch.setenv("MATURITY_ADMIN_PASSWORD_HASH", hash_password("correct horse battery", n=2**4))
    return mini


def login(at):
    at.text_input[0].input("correct horse battery")
    at.button[0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]


def campaigns_page(lang: str | None = None, signed_in: bool = True):
    """The Campagnes page as a coordinator opens it: the app (in ``lang``, else French), the page, then the admin
    password (``signed_in``)."""
    at = new_app()
    if lang:
        at.query_params["lang"] = lang
    at.run()
    goto(at, "campagnes")
    if signed_in:
        login(at)
    return at


def scores(alpha: float, beta: float) -> dict:
    return {"dimensions": {"alpha": {"score": alpha}, "beta": {"score": beta}}, "obstacles": {}}


def campaign_with_responses(store, respondents=RESPONDENTS) -> dict[str, str]:
    from maturity.communes import registry_at

    store.create_campaign("wal-test", "Baromètre test", "mini", OPENS, CLOSES)
    issued = store.invite("wal-test", [Invitee(c.nis_code, c.name_fr) for c in registry_at(OPENS)], "1.0")
    files = [FileResponse(nis, {"questionnaire": {"id": "mini", "version": "1.0"}, "answers": {}},
                          scores(30 + 4 * i, 60 - 3 * i), f"{nis}.json") for i, nis in enumerate(respondents)]
    store.submit_files("wal-test", files)
    return {i.nis_code: i.token for i in issued}


def test_the_campaigns_page_is_closed_without_the_admin_password(mini):
    at = campaigns_page(signed_in=False)
    assert not at.get("vega_lite_chart") and not at.tabs
    assert any("admin" in i.value.lower() or "administr" in i.value.lower() for i in at.info)


def test_the_login_says_whom_the_campaigns_page_is_for(admin):
    """A commune that landed on /campagnes read « Mot de passe » and nothing else (fresh-eyes trial 7)."""
    at = campaigns_page(signed_in=False)
    assert any("coordination régionale" in m.value and "Une commune n'a rien à y faire" in m.value
               for m in at.markdown)
    login(at)
    assert not any("Une commune n'a rien à y faire" in m.value for m in at.markdown)


def test_the_coordinator_creates_a_campaign(admin, store):
    at = campaigns_page()
    assert any("Aucune campagne" in i.value for i in at.info)
    at.text_input(key="camp_new_id").input("wal-2027")
    at.text_input(key="camp_new_title").input("Baromètre 2027")
    at.button[1].click().run()  # the form's submit button (after "sign out")
    assert not at.exception
    created = store.campaign("wal-2027")
    assert created is not None and created.questionnaire == "mini"
    assert any("Invitations" in s.value for s in at.success)  # the next step, on the page itself
    # a bad id is refused with the problem, nothing created
    at.text_input(key="camp_new_id").input("bad id!")
    at.button[1].click().run()
    assert any("Identifiant" in e.value and "sans espace" in e.value for e in at.error)
    assert [c.id for c in store.campaigns()] == ["wal-2027"]


def test_a_refused_campaign_is_said_in_the_pages_language_by_its_field(admin, store):
    """Each refusal of the form is said in French and names the form's field: the page read « ID: 'Baromètre
    2027' is not a campaign id (…) » and « --closes: the campaign closes (2026-10-25) before it opens
    (2026-11-27) » (the command line's English and its options; fresh-eyes trial 11)."""
    at = campaigns_page()
    at.text_input(key="camp_new_id").input("Baromètre 2027")
    at.text_input(key="camp_new_title").input("  ")
    at.date_input(key="camp_new_closes").set_value(date.today() - timedelta(days=3))
    at.button[1].click().run()
    said = [e.value for e in at.error]
    assert said == [
        "Identifiant\u00a0: seulement des lettres sans accent, des chiffres, des tirets, des points ou des traits bas, "
        "sans espace, 80 au plus (par ex. wal-2027).",
        "Titre\u00a0: donnez un titre à la campagne (les communes le lisent).",
        "Clôture\u00a0: elle tombe avant l'ouverture. Choisissez un jour de clôture égal ou postérieur à l'ouverture."]
    assert store.campaigns() == []
    store.create_campaign("wal-2027", "Baromètre 2027", "mini", OPENS, CLOSES)
    at.text_input(key="camp_new_id").input("wal-2027")
    at.text_input(key="camp_new_title").input("Un autre")
    at.date_input(key="camp_new_closes").set_value(CLOSES)
    at.button[1].click().run()
    assert [e.value for e in at.error] == [
        "Identifiant\u00a0: une campagne wal-2027 existe déjà. Choisissez-la dans la liste plus bas, ou donnez un "
        "autre identifiant."]


def test_follow_up_map_and_tables_give_the_same_counts(admin, store):
    links = campaign_with_responses(store)
    store.save_answer(links["57096"], "a1", "full")  # Mons started, not submitted
    at = campaigns_page()
    # in progress: started and not sent, as the map's "commencé" (the core's funnel counted the 10 that
    # responded as started too: "Ont commencé 11, Ont répondu 10" beside a map with one commune started)
    assert [m.value for m in at.metric] == ["261", "1", "10", "4\u00a0%"]
    assert [m.label for m in at.metric] == ["Communes invitées", "En cours", "Ont répondu", "Taux de réponse"]
    assert "sur les communes invitées" in at.metric[3].proto.help
    (chart,) = at.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    assert spec["mark"]["type"] == "geoshape"
    communes = spec["data"]["values"]["objects"]["communes"]["geometries"]
    assert len(communes) == 261  # the registry of the opening: Bastogne and Bertogne drawn as one
    state = {g["properties"]["nis"]: g["properties"]["state"] for g in communes}
    assert state["92094"] == "réponse envoyée" and state["57096"] == "commencé" and state["57081"] == "réponse envoyée"
    assert sum(s == "réponse envoyée" for s in state.values()) == 10
    province, by_class = at.table[0], at.table[1]
    rows = province.value.to_dict("records")
    assert rows[-1]["Province"] == "Wallonie" and rows[-1]["Ont répondu"] == "10"
    assert sum(int(r["Ont répondu"]) for r in rows[:-1]) == 10
    assert sum(int(r["Invitées"]) for r in rows[:-1]) == 261
    assert by_class.value.to_dict("records")[-1]["En cours"] == "1"
    assert sum(int(r["En cours"]) for r in rows[:-1]) == sum(s == "commencé" for s in state.values()) == 1
    # the estimates, with the interval: 2 respondents per province, none published on its own, so one
    # stratum (a plain mean) and the page says why
    estimates = at.table[2].value.to_dict("records")
    assert estimates[0]["Pondération"].startswith("moyenne non pondérée : aucune province")
    assert "–" in estimates[0]["Intervalle à 95\u00a0%"]
    assert estimates[0]["n (communes)"] == "10"
    # the publication: the files are prepared on demand, then offered for download
    at.text_input(key="camp_publisher").input("Smart City Institute")
    at.text_input(key="camp_url").input("https://example.org/campagne")
    at.button(key="camp_prepare").click().run()
    assert not at.error, [e.value for e in at.error]
    names = sorted(b.proto.label for b in at.get("download_button"))
    assert len(names) == 3 and any(".yaml" in n for n in names) and any(".pdf" in n for n in names)


def test_the_coordinator_invites_a_few_communes_then_all_from_the_page(admin, store, monkeypatch):
    """The page made no link: "Les liens d'invitation … passent par la ligne de commande" sent a coordinator
    who is not a technician to a terminal (fresh-eyes trial 7)."""
    monkeypatch.setenv("MATURITY_PUBLIC_URL", "https://smartcity.example.be/")
    store.create_campaign("wal-test", "Baromètre test", "mini", OPENS, CLOSES)
    at = campaigns_page()
    assert any("0 commune invitée sur 261\u00a0; 261 communes pas encore invitées" in m.value for m in at.markdown)
    from maturity.app.texts import tr

    assert tr("camp_inv_state", "de", live=1, N=261, left=260) == \
        "1 von 261 Gemeinden eingeladen; 260 Gemeinden noch nicht eingeladen."  # was « 1 Gemeinde eingeladen von 261 »
    # 261, where the tool speaks of 262 communes elsewhere: the page says why; and the questionnaire by its
    # title and version, not its id
    assert any("Bastogne et Bertogne" in c.value and "262" in c.value for c in at.caption)
    period = next(c.value for c in at.caption if "inclus, questionnaire" in c.value)
    assert period.endswith("questionnaire «\u00a0Mini\u00a0» 1.0."), period
    at.radio(key="camp_inv_which").set_value("some").run()
    picker = at.multiselect(key="camp_inv_pick_0")
    # under it, in French, what its list holds and what Streamlit's English « No results » means (a commune already
    # invited is not in it; « liege » finds nothing, « Liège » does: no option changes that text)
    note = next(c.value for c in at.caption if "No results" in c.value)
    assert note.startswith("La liste propose les communes pas encore invitées (une commune déjà invitée reçoit un "
                           "nouveau lien plus bas), trouvées par le début de leur nom, accents compris"), note
    assert note.endswith("«\u00a0No results\u00a0»\u00a0: aucune ne commence ainsi."), note
    # typing "Namur" and Enter picked the whole province (its name is in every label) through an English
    # "Select all": no "select all", names matched from their start
    assert not picker.proto.select_all and picker.proto.filter_mode == 2, picker.proto.filter_mode  # FILTER_MODE_PREFIX
    picker.set_value(["63023", "92094"]).run()  # Eupen, Namur
    at.button(key="camp_inv_button").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert sorted(r["nis_code"] for r in store.invitations("wal-test")) == ["63023", "92094"]
    assert any("2 liens créés" in s.value for s in at.success)
    # the picker starts afresh (the browser showed the invited names still picked) and offers no empty click
    assert at.multiselect(key="camp_inv_pick_1").value == []
    assert at.button(key="camp_inv_button").disabled
    assert [b.proto.label for b in at.get("download_button")] == ["Liens d'invitation (CSV, pour un publipostage)"]
    # the links as text to copy, not links: a click to try one left the page, where they are shown once
    assert not any("Lien" in t.value.columns for t in at.table)
    lines = at.code[0].value.splitlines()
    assert [line.split(" : ")[0] for line in lines] == ["Eupen (Liège)", "Namur (Namur)"], lines
    assert any("Ci-dessous, les mêmes liens à copier" in c.value for c in at.caption)  # the frame above is there
    eupen = lines[0].split(" : ")[1]
    assert eupen.startswith("https://smartcity.example.be/?t="), eupen
    info = store.invitation_of(eupen.split("?t=")[1])
    assert info is not None and info.nis_code == "63023"  # the link opens Eupen's space
    assert store.load_space(eupen.split("?t=")[1]).lang == "de"  # in German, a German-speaking commune
    # then every other commune, in one click; the two keep their links
    assert any("2 communes invitées sur 261\u00a0; 259 communes" in m.value for m in at.markdown)
    at.radio(key="camp_inv_which").set_value("all").run()
    assert at.button(key="camp_inv_button").proto.label == "Créer les 259 liens d'invitation"
    at.button(key="camp_inv_button").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert len(store.invitations("wal-test")) == 261
    assert any("259 liens créés" in s.value for s in at.success)
    # 259 links: the file only, and the note under it promises no frame of links « ci-dessous » (it did, above
    # nothing: fresh-eyes trial 11)
    assert not at.code
    note = next(c.value for c in at.caption if c.value.startswith("Le fichier a une ligne par commune"))
    assert "Ci-dessous" not in note and "N'ouvrez pas un de ces liens vous-même" in note, note
    assert any("Toutes les communes sont invitées" in s.value for s in at.success)
    assert store.invitation_of(eupen.split("?t=")[1]) is not None
    # a commune that lost its link gets a new one; the old one opens nothing
    at.selectbox(key="camp_reissue_pick_2").set_value("63023").run()
    at.button(key="camp_reissue_button").click().run()
    assert not at.exception and not at.error
    (line,) = at.code[0].value.splitlines()
    name, new = line.split(" : ")
    assert name == "Eupen (Liège)" and new != eupen
    assert store.invitation_of(eupen.split("?t=")[1]) is None
    assert store.invitation_of(new.split("?t=")[1]).nis_code == "63023"



def test_the_coordinator_revokes_links_from_the_page(admin, store, monkeypatch):
    """Revoking a link took a terminal (`maturity campaign revoke`): a coordinator who is not a technician
    withdraws a leaked or misdirected link from the page, after saying they know it is final, and reads
    what became of the commune's responses (earlier trials)."""
    monkeypatch.setenv("MATURITY_PUBLIC_URL", "https://smartcity.example.be/")
    links = campaign_with_responses(store)  # 261 invited; 10 responses received as files, Namur's among them
    at = campaigns_page()
    help_text = next(m.value for m in at.markdown if "C'est définitif" in m.value)
    assert "cessent de compter" in help_text and "en fichier" in help_text and "Rien n'est effacé" in help_text
    button = at.button(key="camp_revoke_button")
    assert button.disabled and button.proto.label == "Retirer des liens (choisissez d'abord des communes)"
    picker = at.multiselect(key="camp_revoke_pick_0")
    assert any(c.value.startswith("La liste propose les communes dont le lien est actif, trouvées par le début")
               for c in at.caption), [c.value for c in at.caption]
    assert not picker.proto.select_all and picker.proto.filter_mode == 2  # names from their start, no "Select all"
    picker.set_value(["63023", "92094"]).run()  # Eupen (not answered), Namur (answered)
    button = at.button(key="camp_revoke_button")
    assert button.proto.label == "Retirer les 2 liens" and button.disabled  # not before the box is ticked
    box = at.checkbox(key="camp_revoke_confirm_0")
    assert box.label.startswith("Je retire ces 2 liens\u00a0: ils ne serviront plus jamais"), box.label
    box.check().run()
    at.button(key="camp_revoke_button").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any(s.value.startswith("2 liens retirés\u00a0: Eupen (Liège), Namur (Namur). Ils n'ouvrent plus rien")
               for s in at.success), [s.value for s in at.success]
    assert store.invitation_of(links["92094"]) is None and store.invitation_of(links["63023"]) is None
    assert store.invitation_of(links["57081"]) is not None  # the others untouched
    # Namur's response no longer counts: the counts above and the follow-up say so at once
    assert "92094" not in {r["nis_code"] for r in store.campaign_responses("wal-test")}
    assert [m.value for m in at.metric][:3] == ["259", "0", "9"], [m.value for m in at.metric]
    assert any("259 communes invitées sur 261" in m.value for m in at.markdown)
    # and which two are missing from that count, and why: the success message is gone at the next click
    assert any(c.value == "Liens retirés pour 2 communes\u00a0: Eupen (Liège), Namur (Namur). Leurs réponses ne "
               "comptent pas. «\u00a0Une commune a perdu son lien\u00a0?\u00a0» peut leur en donner de nouveaux." for c in at.caption), \
        [c.value for c in at.caption]
    # the picker and the box start afresh, and the revoked communes are no longer offered
    assert at.multiselect(key="camp_revoke_pick_1").value == [] and not at.checkbox(key="camp_revoke_confirm_1").value
    assert "Namur (Namur)" not in at.multiselect(key="camp_revoke_pick_1").options
    # a revoked commune can get a new link (the help says so): its response received as a file counts again
    reissue = at.selectbox(key="camp_reissue_pick_1")
    assert "Namur (Namur)" in reissue.options
    reissue.set_value("92094").run()
    at.button(key="camp_reissue_button").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "92094" in {r["nis_code"] for r in store.campaign_responses("wal-test")}
    # another coordinator revoked one of the picked links meanwhile: it is no longer offered, the other one
    # is revoked, and the message names only that one
    at.multiselect(key="camp_revoke_pick_2").set_value(["25005", "57081"]).run()
    at.checkbox(key="camp_revoke_confirm_2").check().run()
    store.revoke("wal-test", ["25005"])
    at.button(key="camp_revoke_button").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    said = next(s.value for s in at.success if "retiré" in s.value)
    from maturity.app.coordinator import commune_label

    assert said.startswith(f"Lien retiré\u00a0: {commune_label('57081', 'fr')}. Il n'ouvre plus rien"), said
    assert commune_label("25005", "fr") not in said, said
    assert store.invitation_of(links["57081"]) is None
    # the storage fails: the page says so in plain words (attempt()), nothing revoked, no success
    from maturity.storage import StorageError, Store

    def full(self, *args, **kwargs):
        raise StorageError("disk_full", "/srv/secret-place/maturity.sqlite3", detail="OSError: [Errno 28]")

    monkeypatch.setattr(Store, "revoke", full)
    at.multiselect(key="camp_revoke_pick_3").set_value(["25014"]).run()
    at.checkbox(key="camp_revoke_confirm_3").check().run()
    at.button(key="camp_revoke_button").click().run()
    assert not at.exception
    assert at.error and not any("secret-place" in e.value for e in at.error), [e.value for e in at.error]
    assert not any("retiré" in s.value for s in at.success)
    assert store.invitation_of(links["25014"]) is not None


def test_the_revoke_texts_are_complete_in_german_and_english(admin, store):
    from maturity.app.texts import tr

    assert tr("camp_revoke_done", "de", n=1, names="Eupen (Lüttich)") == \
        "Link zurückgezogen: Eupen (Lüttich). Er öffnet nichts mehr, und die Antworten dieser Gemeinde zählen nicht mehr."
    assert tr("camp_revoke_done", "en", n=2, names="Eupen (Liège), Namur (Namur)") == \
        "2 links revoked: Eupen (Liège), Namur (Namur). They open nothing any more, and these communes' responses " \
        "no longer count."
    store.create_campaign("wal-test", "Baromètre test", "mini", OPENS, CLOSES)
    store.invite("wal-test", [Invitee("63023", "Eupen", "de")], "1.0")
    at = campaigns_page(lang="de")
    assert any("Das ist endgültig" in m.value for m in at.markdown), [m.value[:40] for m in at.markdown]
    at.multiselect(key="camp_revoke_pick_0").set_value(["63023"]).run()
    assert at.checkbox(key="camp_revoke_confirm_0").label.startswith("Ich ziehe diesen Link zurück")
    assert at.button(key="camp_revoke_button").proto.label == "Den Link zurückziehen"


def test_the_links_table_names_provinces_in_the_pages_language():
    """The German page's picker said « Eupen (Lüttich) » and its table of links « Provinz: Liège »."""
    from maturity.app import coordinator
    from maturity.coordination import invitation_rows
    from maturity.storage import Issued

    rows = invitation_rows([Issued("63023", "Eupen", "tok")], "https://x.be")
    assert rows[0]["province"] == "Liège"  # the file stays French, as the command line writes it
    assert coordinator.links_text(rows, "de") == "Eupen (Lüttich): https://x.be/?t=tok"
    assert coordinator.commune_label("63023", "de") == "Eupen (Lüttich)"


def test_a_local_address_is_flagged_before_links_are_made(admin, store, monkeypatch):
    """The page's own address prefills the links: opened as http://127.0.0.1:8771 (or an intranet name), the
    trial's 261 links all pointed at the coordinator's own computer, without a word (fresh-eyes trial 7)."""
    from maturity.coordination import local_address

    assert local_address("http://127.0.0.1:8771") and local_address("http://localhost:8501/")
    assert local_address("http://10.1.2.3") and local_address("http://intranet:8501")
    assert not local_address("https://smartcity.wallonie.be") and not local_address("https://193.191.245.10")
    monkeypatch.setenv("MATURITY_PUBLIC_URL", "http://localhost:8501")
    store.create_campaign("wal-test", "Baromètre test", "mini", OPENS, CLOSES)
    at = campaigns_page()
    assert any("ne s'ouvre que sur cet ordinateur" in w.value for w in at.warning)
    at.text_input(key="camp_inv_base").input("https://smartcity.example.be").run()
    assert not any("ne s'ouvre que sur cet ordinateur" in w.value for w in at.warning)


def test_the_map_tells_communes_not_invited_from_those_not_started(admin, store):
    store.create_campaign("wal-test", "Baromètre test", "mini", OPENS, CLOSES)
    store.invite("wal-test", [Invitee("63023", "Eupen", "de"), Invitee("92094", "Namur")], "1.0")
    at = campaigns_page()
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    states = [g["properties"]["state"] for g in spec["data"]["values"]["objects"]["communes"]["geometries"]]
    assert states.count("pas commencé") == 2 and states.count("pas invitée") == 259, set(states)
    assert spec["encoding"]["color"]["scale"]["domain"][-1] == "pas invitée"


def test_invitation_links_need_the_tools_address(admin, store, monkeypatch):
    monkeypatch.delenv("MATURITY_PUBLIC_URL", raising=False)
    store.create_campaign("wal-test", "Baromètre test", "mini", OPENS, CLOSES)
    at = campaigns_page()
    at.text_input(key="camp_inv_base").input("").run()
    at.button(key="camp_inv_button").click().run()
    assert any("adresse de cet outil" in e.value for e in at.error)
    assert store.invitations("wal-test") == []
    # an address with a query made links that open nothing, shown once (hostile review 10)
    at.text_input(key="camp_inv_base").input("https://smartcity.example.be/?page=1").run()
    at.button(key="camp_inv_button").click().run()
    assert any("sans « ? » ni « # »" in e.value.replace("\u00a0", " ") for e in at.error)
    assert store.invitations("wal-test") == []


def test_a_published_reference_is_imported_from_the_page(admin, store):
    """Importing the published figures took `maturity benchmarks import-aggregates` on a server."""
    campaign_with_responses(store)
    at = campaigns_page()
    at.text_input(key="camp_publisher").input("SPW")
    at.text_input(key="camp_url").input("https://example.org/campagne")
    at.button(key="camp_prepare").click().run()
    assert store.campaign_aggregates() == []
    at.button(key="camp_import_this").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    (imported,) = store.campaign_aggregates()
    assert imported["campaign"] == "wal-test" and imported["respondents"] == 10
    assert any("Importé\u00a0: Wallonie (campagne Baromètre test, n = 10 sur 261)" in s.value for s in at.success)


def test_a_published_reference_is_uploaded_on_a_fresh_install(admin, store, tmp_path):
    from maturity import coordination
    from maturity.app import coordinator

    campaign_with_responses(store)
    campaign = store.campaign("wal-test")
    q = load_questionnaire(os.environ["MATURITY_QUESTIONNAIRE"])
    report = coordination.campaign_report(store, campaign, q)
    files, problems = coordinator.publication(report, q, "SPW", "https://example.org", "fr")
    assert not problems
    name, data = next((n, d) for n, d, _ in files if n.endswith(".yaml"))
    at = campaigns_page()
    at.get("file_uploader")[0].upload("broken.yaml", b"kind: [", "application/yaml").run()
    at.button(key="camp_import_button").click().run()
    # the core's problems are English and technical: the page first says, in its language, which file it takes
    assert any("n'a pas été importé" in e.value and "broken.yaml" in e.value
               and "«\u00a0Chiffres ouverts (YAML, à importer)\u00a0» d'une campagne publiée" in e.value for e in at.error)
    # its uploader says YAML, where the app's line for the answers file says JSON
    assert any(".st-key-camp_import_file" in h.proto.body and "YAML, 1 Mo au plus" in h.proto.body
               for h in at.get("html"))
    # and a file its uploader refuses itself is not called « un fichier .json » (the app's tooltip, fresh-eyes trial 7)
    assert any("stTooltipErrorContent" in h.proto.body and "le type de fichier et la taille indiqués" in h.proto.body
               for h in at.get("html"))
    # nor by what a screen reader hears of it, the chip's alert (REPORT-leftovers: « un fichier .json » there)
    assert any(".st-key-camp_import_file [data-testid='stFileChip'] [role='alert']::after{content:\"Fichier refusé\u00a0: "
               "ce champ prend le type de fichier" in h.proto.body for h in at.get("html"))
    assert store.campaign_aggregates() == []
    at.get("file_uploader")[0].upload(name, data, "application/yaml").run()
    at.button(key="camp_import_button").click().run()
    assert not at.error, [e.value for e in at.error]
    assert [a["campaign"] for a in store.campaign_aggregates()] == ["wal-test"]
    # the line above the uploader says the reference now in use, in the same screen as « Importé »
    assert any("Importé\u00a0: Wallonie (campagne Baromètre test" in m.value for m in at.success)
    assert any(c.value.startswith("Repère wallon actuel\u00a0: Wallonie (campagne Baromètre test") for c in at.caption)
    assert not any("Aucune campagne importée" in c.value for c in at.caption)


def test_the_estimates_say_what_they_mean_in_plain_words(admin, store):
    """Under the table, the estimator's formula was the only explanation; a median left out was « – » beside
    quartiles left out as « — », and nothing said why (fresh-eyes trial 7)."""
    campaign_with_responses(store, RESPONDENTS[:6])
    at = campaigns_page()
    rows = at.table[2].value.to_dict("records")
    assert rows[0]["n (communes)"] == "6"
    assert rows[0]["Médiane des répondantes (non pondérée)"] == rows[0]["Q1 – Q3 des répondantes"] == "—", rows[0]
    plain = next(m.value for m in at.markdown if "Ce que disent ces chiffres" in m.value)
    assert "marge d'incertitude" in plain and "à partir de 10 répondantes" in plain and "sous 5 communes" in plain
    assert not any(sign in plain for sign in ("√", "N_h", "ŷ", "Σ"))
    assert not any("√" in c.value for c in at.caption)  # the formula only in the expander, for who checks it
    (method,) = [e for e in at.expander if e.label.startswith("Méthode détaillée")]
    assert any("1,96" in m.value for m in method.markdown)


def test_the_estimates_give_each_province_and_size_and_say_what_is_withheld(admin, store):
    """The page showed Wallonia's figures only: which provinces and sizes of commune get figures, with their
    interval, and which are withheld (under 5, or hidden with a smaller group), was in the PDF alone (fresh-eyes
    trial 11)."""
    liege = ["62063", "61003", "62096", "62003", "62100", "61028"]
    namur = ["92094", "91013", "92003", "91015", "91030"]
    campaign_with_responses(store, liege + namur + ["57081"])
    at = campaigns_page()
    assert any(h.value == "Par province et par taille de commune" for h in at.subheader)
    rows = {r["Groupe"]: r for r in at.table[3].value.to_dict("records")}
    assert rows["Liège"]["Ont répondu"] == "6 sur 84" and rows["Hainaut"]["Ont répondu"] == "— sur 69"
    from maturity.coordination import campaign_report

    q = load_questionnaire(os.environ["MATURITY_QUESTIONNAIRE"])
    report = campaign_report(store, store.campaign("wal-test"), q, [])
    from maturity.display import format_estimate

    for kind in ("province", "population_class"):
        for group in report["groups"][kind].values():
            e = group["dimensions"]["alpha"]
            shown = rows[group["label"]["fr"]]["Alpha"]
            assert shown == ("—" if e["suppressed"] else format_estimate(  # kept whole: word joiners by the dash
                e["estimate"], (e["ci_low"], e["ci_high"]), "fr").replace("–", "\u2060–\u2060")), (group["label"], shown)
    assert "(" in rows["Liège"]["Alpha"] and rows["Hainaut"]["Alpha"] == "—"
    note = next(c.value for c in at.caption if c.value.startswith("Chaque case"))
    assert "moins de 5 communes du groupe ont répondu" in note
    masked = [g for kind in ("province", "population_class") for g in report["groups"][kind].values()
              if (g["n"] or 0) >= 5 and g["dimensions"]["alpha"]["suppressed"]]
    assert [(g["label"]["fr"], g["n"]) for g in masked] == [("Namur", 5)]  # hidden with Hainaut's one
    assert "aussi masqué" in note and rows["Namur"]["Alpha"] == "—", note


def test_the_publication_fields_say_what_to_type(admin, store):
    campaign_with_responses(store)
    at = campaigns_page()
    # the campaign is still open: publishing now is said to be a mid-way point (trial 7 published 14 of 261)
    assert any("ouverte jusqu'au" in w.value and "10 communes ont répondu jusqu'ici, sur 261 invitées" in w.value
               for w in at.warning), [w.value for w in at.warning]
    publisher, url = at.text_input(key="camp_publisher"), at.text_input(key="camp_url")
    assert publisher.placeholder.startswith("par ex.") and "source" in publisher.help
    assert url.placeholder == "https://…" and "page web" in url.help


def test_an_install_that_only_imports_a_reference_is_not_asked_to_create_a_campaign(admin, store, tmp_path):
    """An install that imports a published campaign and runs none read « Aucune campagne pour l'instant. Créez-en
    une ci-dessous. » above the import (fresh-eyes trial 11, #12): it now says the reference it uses, and whom
    creating a campaign is for."""
    from maturity import coordination
    from maturity.app import coordinator
    from maturity.storage import Store

    other = Store(data_dir=tmp_path / "coordinator")  # the coordinator's install, which ran the campaign
    campaign_with_responses(other)
    q = load_questionnaire(os.environ["MATURITY_QUESTIONNAIRE"])
    report = coordination.campaign_report(other, other.campaign("wal-test"), q)
    files, problems = coordinator.publication(report, q, "SPW", "https://example.org", "fr")
    assert not problems
    name, data = next((n, d) for n, d, _ in files if n.endswith(".yaml"))
    coordination.import_published(store, data.decode("utf-8"), name)
    assert store.campaigns() == []
    for lang, said, create in [
        ("fr", "Aucune campagne n'est menée sur cette installation. Elle compare les communes à la référence wallonne "
               "importée\u00a0: Wallonie (campagne Baromètre test, n = 10 sur 261)", "Créer une campagne ne sert qu'au "
               "coordinateur régional qui en mène une"),
        ("de", "Auf dieser Installation wird keine Kampagne geführt", "nur Sache der regionalen Koordination"),
        ("en", "No campaign is run on this install. It compares the communes with the imported Walloon reference: "
               "Wallonia (campaign Baromètre test", "only for the regional coordinator who runs one"),
    ]:
        at = campaigns_page(lang=lang)
        infos = [i.value for i in at.info]
        assert any(said in i and create in i for i in infos), infos
        assert not any("Créez-en une" in i or "Legen Sie unten" in i or "Create one below" in i for i in infos)
        assert not at.expander[0].proto.expanded  # « Nouvelle campagne » stays closed


def test_responses_received_as_files_are_recorded_from_the_page(admin, store):
    """A commune that e-mailed its answers file took `maturity campaign submit` on a server (trial 7)."""
    campaign_with_responses(store, respondents=[])
    at = campaigns_page()

    def answers(nis, value):
        return (f"{nis}.json", json.dumps({"questionnaire": {"id": "mini", "version": "1.0"},
                                           "commune": {"nis_code": nis}, "answers": {"a1": value}}).encode(),
                "application/json")

    (uploader,) = [u for u in at.get("file_uploader") if u.proto.multiple_files]
    # one bad file among good ones: nothing recorded, each problem named after a plain sentence
    uploader.set_value([answers("63023", "full"), answers("99999", "full")]).run()
    at.button(key="camp_files_button").click().run()
    assert any("Aucune réponse n'a été enregistrée" in e.value and "99999" in e.value for e in at.error)
    assert store.campaign_responses("wal-test") == []
    (uploader,) = [u for u in at.get("file_uploader") if u.proto.multiple_files]
    uploader.set_value([answers("63023", "full"), answers("92094", "some")]).run()
    assert at.button(key="camp_files_button").proto.label == "Enregistrer ces 2 réponses"
    at.button(key="camp_files_button").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert sorted(r["nis_code"] for r in store.campaign_responses("wal-test")) == ["63023", "92094"]
    assert any("2 réponses enregistrées\u00a0: Eupen (Liège), Namur (Namur)" in s.value for s in at.success)
    assert [m.value for m in at.metric][2] == "2"  # the follow-up above counts them at once


def test_a_file_that_names_no_commune_is_given_its_commune_on_the_page(admin, store):
    """A file naming no commune was refused with « the file names no commune: ask the commune for a file that names
    it (one file at a time) », in English on the French page, « one file at a time » being the command line's
    --nis, which the page does not offer (fresh-eyes trial 11, #11). Alone, it now gets its commune from a picker
    of the communes whose link is live; among others, the page says in its language to drop it alone."""
    campaign_with_responses(store, respondents=[])
    store.revoke("wal-test", ["63023"])  # Eupen's link withdrawn: a file may no longer count for it
    at = campaigns_page()

    def answers(name, nis=None):
        doc = {"questionnaire": {"id": "mini", "version": "1.0"}, "answers": {"a1": "full"}}
        if nis:
            doc["commune"] = {"nis_code": nis}
        return (name, json.dumps(doc).encode(), "application/json")

    (uploader,) = [u for u in at.get("file_uploader") if u.proto.multiple_files]
    uploader.set_value([answers("namur.json", "92094"), answers("sans-nom.json")]).run()
    at.button(key="camp_files_button").click().run()
    errors = [e.value for e in at.error]
    assert any(e.startswith("Aucune réponse n'a été enregistrée. Le détail, fichier par fichier") and
               "«\u00a0sans-nom.json\u00a0» ne nomme aucune commune\u00a0: déposez ce fichier seul, la page demandera "
               "alors de quelle commune il vient." in e for e in errors), errors
    assert not any("--nis" in e or "names no commune" in e or "en anglais" in e for e in errors), errors
    assert store.campaign_responses("wal-test") == []

    (uploader,) = [u for u in at.get("file_uploader") if u.proto.multiple_files]
    uploader.set_value([answers("sans-nom.json")]).run()
    assert any("«\u00a0sans-nom.json\u00a0» ne nomme aucune commune. Choisissez ci-dessous celle qui vous l'a envoyé"
               in i.value for i in at.info)
    assert at.button(key="camp_files_button").disabled  # nothing to record before its commune is picked
    whose = at.selectbox(key="camp_files_whose_0")
    assert "Namur (Namur)" in whose.options and "Eupen (Liège)" not in whose.options and len(whose.options) == 260
    whose.set_value("92094").run()
    at.button(key="camp_files_button").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert [(r["nis_code"], r["channel"]) for r in store.campaign_responses("wal-test")] == [("92094", "file")]
    assert any("1 réponse enregistrée\u00a0: Namur (Namur)" in s.value for s in at.success)

    for lang, said in [("de", "„sans-nom.json“ nennt keine Gemeinde: Legen Sie diese Datei allein ab"),
                       ("en", "\u201csans-nom.json\u201d names no commune: drop this file on its own")]:
        at = campaigns_page(lang=lang)
        (uploader,) = [u for u in at.get("file_uploader") if u.proto.multiple_files]
        uploader.set_value([answers("namur.json", "92094"), answers("sans-nom.json")]).run()
        at.button(key="camp_files_button").click().run()
        assert any(said in e.value for e in at.error), [e.value for e in at.error]


def test_the_files_boxs_other_refusals_are_said_in_the_pages_language(admin, store):
    """Another questionnaire's file, two files of one commune and a commune whose link
    was withdrawn were refused in the command line's English under « Le détail (en anglais) » (coordleft's report):
    each is now said in the page's words, the commune by its name."""
    campaign_with_responses(store, respondents=[])
    store.revoke("wal-test", ["63023"])

    def answers(name, nis, questionnaire="mini"):
        doc = {"questionnaire": {"id": questionnaire, "version": "1.0"}, "answers": {"a1": "full"},
               "commune": {"nis_code": nis}}
        return (name, json.dumps(doc).encode(), "application/json")

    drops = [[answers("autre.json", "92094", "autre")], [answers("a.json", "92094"), answers("b.json", "92094")], [answers("eupen.json", "63023")]]
    expected = {
        "fr": ["«\u00a0autre.json\u00a0» répond à un autre questionnaire (autre) que celui de la campagne (mini)",
               "«\u00a0b.json\u00a0» est une deuxième réponse de Namur (Namur) dans ce dépôt",
               "«\u00a0eupen.json\u00a0»\u00a0: Eupen (Liège) n'a pas de lien actif pour cette campagne"],
        "de": ["„autre.json“ beantwortet einen anderen Fragebogen (autre)",
               "„b.json“ ist eine zweite Antwort von Namur (Namur)", "„eupen.json“: Eupen (Lüttich) hat keinen aktiven"],
    }
    for lang, said in expected.items():
        at = campaigns_page(lang=lang)
        for files, words in zip(drops, said, strict=True):
            (uploader,) = [u for u in at.get("file_uploader") if u.proto.multiple_files]
            uploader.set_value(files).run()
            at.button(key="camp_files_button").click().run()
            errors = [e.value for e in at.error]
            assert any(words in e for e in errors), (words, errors)
            assert not any("anglais" in e or "Englisch" in e or "--nis" in e for e in errors), errors
    assert store.campaign_responses("wal-test") == []


def test_the_files_boxs_refusals_name_the_question_and_the_dimension(admin, store):
    """A refused file's place was the file's ids alone on the coordinator's page, « namur-2026.json: answers.a1 »,
    « t.json: targets.alpha.level », where the questionnaire page says the question's words (left13; closing13,
    left 5). The files box now says them too, and a target's dimension by its name, in the page's language."""
    campaign_with_responses(store, respondents=[])

    def answers(name, **extra):
        doc = {"questionnaire": {"id": "mini", "version": "1.0"}, "answers": {"a1": "full"},
               "commune": {"nis_code": "92094"}, **extra}
        return (name, json.dumps(doc).encode(), "application/json")

    drops = [[answers("namur-2026.json", answers={"a1": "maybe"})],
             [answers("t.json", targets={"alpha": {"level": "zzz", "by": 2030}})]]
    expected = {"fr": ["namur-2026.json: answers.a1 («\u00a0Question a1\u00a0»)\u00a0: \"maybe\" n'est pas une réponse",
                       "t.json: targets.alpha.level («\u00a0Alpha\u00a0»)\u00a0: \"zzz\" n'est pas un niveau"],
                "en": ["namur-2026.json: answers.a1 (“Question a1”): \"maybe\" is not a possible answer",
                       "t.json: targets.alpha.level (“Alpha”): \"zzz\" is not a level"]}
    for lang, said in expected.items():
        at = campaigns_page(lang=lang)
        for files, words in zip(drops, said, strict=True):
            (uploader,) = [u for u in at.get("file_uploader") if u.proto.multiple_files]
            uploader.set_value(files).run()
            at.button(key="camp_files_button").click().run()
            errors = [e.value for e in at.error]
            assert any(words in e for e in errors), (words, errors)
    assert store.campaign_responses("wal-test") == []


def test_an_invitation_link_opens_its_communes_space_and_its_submission_counts(mini, store):
    links = campaign_with_responses(store, respondents=[])
    at = new_app(links["92094"])
    at.run()
    assert not at.exception
    banner = [i.value for i in at.sidebar.info]
    assert any("Baromètre test" in b and "Namur" in b for b in banner), banner
    # and in the page, for a phone whose menu is closed (fresh-eyes trial 7): the home page and the questionnaire
    assert [i.value for i in at.main.info if "Baromètre test" in i.value] == [b for b in banner if "Baromètre test" in b]
    goto(at, "questionnaire")
    assert any("Baromètre test" in i.value and "Namur" in i.value for i in at.main.info)
    at.radio(key="ans_a1").set_value("full").run()
    goto(at, "resultats")
    assert any("réponse de **Namur**" in i.value or "réponse de Namur" in i.value for i in at.info)
    at.button(key="submit").click().run()
    assert not at.exception
    # the page says the response reached the campaign, not only « Bilan enregistré » (fresh-eyes trial 7)
    assert any("La réponse de **Namur** est bien arrivée à la campagne «\u00a0Baromètre test" in s.value for s in at.success), \
        [s.value for s in at.success]
    (response,) = store.campaign_responses("wal-test")
    assert (response["nis_code"], response["channel"]) == ("92094", "link")
    assert store.campaign_progress("wal-test")["submitted"] == ["92094"]


def test_an_invited_communes_empty_space_says_how_to_bring_the_answers_it_gave_before(mini, store):
    """Waremme's team had answered in its own space; the campaign's link opened a space of 0 answers, and nothing
    said that the answers file of the other space can be loaded here (fresh-eyes trial 13). The home page now
    says where, until the space has an answer; an ordinary space never says it."""
    links = campaign_with_responses(store, respondents=[])
    said = {"fr": "Inutile de tout recommencer\u00a0: dans ce bilan-là, page Questionnaire, «\u00a0Fichier de réponses\u00a0»",
            "de": "Laden Sie in jener Bewertung auf der Seite Fragebogen unter „Antwortdatei“",
            "en": "on the Questionnaire page under “Answers file”"}
    for lang, words in said.items():
        at = new_app(links["92094"])
        at.query_params["lang"] = lang
        at.run()
        assert not at.exception
        assert any(words in c.value for c in at.main.caption), [c.value for c in at.main.caption]
    goto(at, "questionnaire")
    at.radio(key="ans_a1").set_value("full").run()
    goto(at, "accueil")
    assert not any(said["en"] in c.value for c in at.main.caption)
    plain = new_app()
    plain.run()
    plain.text_input(key="home_query").input("namur").run()
    plain.button(key="home_start").click().run()
    goto(plain, "accueil")
    assert not plain.exception
    assert not any(said["fr"] in c.value for c in plain.main.caption)


def test_an_invited_communes_home_page_says_its_answers_count_for_the_campaign(mini, store):
    """« Elles ne rejoignent les chiffres régionaux que si vous le demandez » read oddly above the campaign's
    banner: an invited space's saved answers are its commune's response, and count for the campaign. The home
    page says so in such a space; an ordinary space, a first visit and a closed campaign's space keep the
    sentence, which is true for them."""
    links = campaign_with_responses(store, respondents=[])
    own = {"fr": "Elles ne rejoignent les chiffres régionaux que si vous le demandez.",
           "de": "Sie fließen nur auf Ihren Wunsch in die regionalen Zahlen ein.",
           "en": "They join the regional figures only if you ask for it."}
    campaign = {
        "fr": "Ce que vous enregistrez depuis la page Résultats est la réponse de votre commune à la campagne "
              "«\u00a0Baromètre test\u00a0», qui n'en tire que des chiffres anonymes, jamais un chiffre par commune. "
              "Les chiffres ouverts de ce serveur ne reçoivent vos scores que si vous le demandez.",
        "de": "Was Sie über die Seite Ergebnisse speichern, ist die Antwort Ihrer Gemeinde auf die Kampagne "
              "„Baromètre test“; daraus entstehen nur anonyme Zahlen",
        "en": "What you save from the Results page is your commune's response to the campaign “Baromètre test”, "
              "which draws only anonymous figures from it"}

    def intro(at) -> str:
        assert not at.exception, at.exception
        return next(m.value for m in at.main.markdown if "lien de reprise" in m.value or "Link zum Fortsetzen"
                    in m.value or "resume link" in m.value)

    for lang in ("fr", "de", "en"):
        at = new_app(links["92094"])
        at.query_params["lang"] = lang
        at.run()
        said = intro(at)
        assert campaign[lang] in said and own[lang] not in said, said
    first = new_app()
    first.run()
    assert intro(first).endswith(" " + own["fr"])
    first.text_input(key="home_query").input("namur").run()
    first.button(key="home_start").click().run()
    goto(first, "accueil")
    assert intro(first).endswith(" " + own["fr"]) and "campagne" not in intro(first)
    # a closed campaign's space: its submissions count no more (its banner says so), the sentence is true again
    import sqlalchemy as sa

    with store.engine.begin() as conn:  # the campaign closed yesterday
        conn.execute(sa.text("UPDATE campaigns SET closes = :d"), {"d": date.today() - timedelta(days=1)})
    at = new_app(links["92094"])
    at.run()
    assert any("close le" in i.value for i in at.sidebar.info), [i.value for i in at.sidebar.info]
    assert intro(at).endswith(" " + own["fr"])


def test_a_commune_whose_name_starts_with_a_vowel_reads_d_before_it(mini, store):
    """« la réponse de Arlon » on every page of Arlon's invited space (and of Andenne, Ath, Ellezelles, Oupeye…):
    French elides « de » before a vowel (fresh-eyes trial 11)."""
    links = campaign_with_responses(store, respondents=[])
    at = new_app(links["81001"])  # Arlon
    at.run()
    assert any("ce bilan est la réponse d'**Arlon**." in i.value for i in at.sidebar.info), [i.value for i in at.sidebar.info]
    goto(at, "questionnaire")
    at.radio(key="ans_a1").set_value("full").run()
    goto(at, "resultats")
    assert any("envoie la réponse d'**Arlon** à la campagne" in i.value for i in at.info)
    at.button(key="submit").click().run()
    assert any(s.value.startswith("La réponse d'**Arlon** est bien arrivée") for s in at.success), \
        [s.value for s in at.success]
    assert not any("de **Arlon**" in e.value or "de Arlon" in e.value for e in [*at.info, *at.success])
    roeulx = new_app(links["55035"])  # Le Roeulx: « du », the article contracted (not « de Le Roeulx »)
    roeulx.run()
    assert any("ce bilan est la réponse du **Roeulx**." in i.value for i in roeulx.sidebar.info), \
        [i.value for i in roeulx.sidebar.info]
    roeulx.query_params["lang"] = "de"
    roeulx.run()
    assert any("**Le Roeulx**" in i.value for i in roeulx.sidebar.info), [i.value for i in roeulx.sidebar.info]
    from maturity.typography import french_de

    names = ("Namur", "Écaussinnes", "Yvoir", "Herstal", "Huy", "Ottignies-Louvain-la-Neuve", "Le Roeulx",
             "Les Bons Villers", "La Hulpe", "La Louvière")
    assert ["".join(french_de(n)) for n in names] == [
        "de Namur", "d'Écaussinnes", "d'Yvoir", "de Herstal", "de Huy", "d'Ottignies-Louvain-la-Neuve", "du Roeulx",
        "des Bons Villers", "de La Hulpe", "de La Louvière"]


def test_a_revoked_link_opens_nothing(mini, store):
    links = campaign_with_responses(store, respondents=[])
    store.revoke("wal-test", ["92094"])
    at = new_app(links["92094"])
    at.run()
    assert not at.exception
    assert not at.sidebar.info
    goto(at, "resultats")
    assert not [b for b in at.button if b.key == "submit"]
    assert any("ne correspond" in w.value for w in at.warning)
    assert store.campaign_responses("wal-test") == []
    # the commune whose link was replaced is sent to whoever sent it, not only to « commencez un nouveau bilan »,
    # which would count for no campaign (fresh-eyes trial 11: Namur's old link after a new one was made)
    goto(at, "accueil")
    said = next(w.value for w in at.warning if "ne correspond" in w.value)
    # a revoked link, as a replaced one; a new one asked for (a revoked commune has none yet); « commencez un
    # nouveau bilan » last, for whoever holds no campaign link, not first (#5 of the same trial)
    for lang, campaign_said, new_one in [
        ("fr", "il a pu être remplacé ou retiré\u00a0: demandez-en un nouveau à qui vous l'a envoyé (un bilan commencé "
               "sans ce lien ne compterait pas pour la campagne)", "Sinon, vous pouvez commencer un nouveau bilan."),
        ("de", "kann er ersetzt oder zurückgezogen worden sein: Bitten Sie die Stelle, die ihn Ihnen geschickt hat, "
               "um einen neuen (eine ohne diesen Link begonnene Bewertung würde nicht für die Kampagne zählen)",
         "Andernfalls können Sie eine neue Bewertung beginnen."),
        ("en", "it may have been replaced or withdrawn: ask whoever sent it to you for a new one (an assessment "
               "started without that link would not count for the campaign)", "Otherwise, you can start a new assessment."),
    ]:
        at.query_params["lang"] = lang
        at.run()
        said = next(w.value for w in at.warning if w.icon == ":material/link_off:")
        assert campaign_said in said and said.endswith(new_one), said


def _results_with_imported_campaign(store, publisher: str = "Smart City Institute", edit=lambda text: text):
    """Namur's results page once the campaign's aggregates file (``edit``: as another install wrote it)
    is imported."""
    from maturity.aggregates import aggregates_set, dump_yaml, read_aggregates
    from maturity.coordination import campaign_report

    campaign_with_responses(store)
    q = load_questionnaire(os.environ["MATURITY_QUESTIONNAIRE"])
    report = campaign_report(store, store.campaign("wal-test"), q, [])
    text = edit(dump_yaml(aggregates_set(report, publisher=publisher, url="https://example.org")))
    ref = read_aggregates(text, "wal-test.yaml")
    store.import_aggregates(campaign=ref.campaign, title=ref.title("fr"), published=ref.date, respondents=ref.n,
                            population=ref.N, source="wal-test.yaml", text=text)
    token = store.open_space("92094", "mini", "1.0", "fr")
    store.save_answer(token, "a1", "full")
    at = new_app(token)
    at.run()
    goto(at, "resultats")
    return at


def test_the_note_under_the_radar_names_the_communes_groups_the_campaign_does_not_publish(mini, store):
    """2 respondents a province: neither the province of Namur nor the communes of 50 000 inhabitants and more
    are published, and Namur's radar had no line for them with nothing to say why (fresh-eyes trial 11: Wavre,
    whose size was hidden with a smaller one)."""
    at = _results_with_imported_campaign(store)
    note = next(i.value for i in at.info if "Baromètre test" in i.value)
    assert "Sans chiffre publié par la campagne\u00a0: Province de Namur\u00a0; Communes de 50\u202f000 habitants et " \
           "plus. Moins de 5 de leurs communes ont répondu, ou le groupe est masqué" in note, note
    assert "Province de Namur (campagne" not in json.dumps(json.loads(at.get("vega_lite_chart")[0].proto.spec))


def test_the_radar_shows_the_imported_campaign_reference_with_its_interval(mini, store):
    at = _results_with_imported_campaign(store)
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    names = {row["series"] for layer in spec["layer"] for row in (layer.get("data") or {}).get("values", [])
             if isinstance(row, dict) and "series" in row}
    assert any(n.startswith("Wallonie (campagne Baromètre test, n = 10 sur 261)") for n in names), names
    bands = [layer for layer in spec["layer"] if isinstance(layer.get("mark"), dict) and layer["mark"].get("filled")]
    assert bands and len(bands[0]["data"]["values"]) >= 4  # the interval drawn as a band around the line
    series_rows = next(t.value for t in at.table if "Nature" in t.value.columns).to_dict("records")  # the lines' table
    assert any("campagne" in r["Nature"] for r in series_rows), series_rows
    note = next(i.value for i in at.info if "Baromètre test" in i.value)  # where the numbers come from
    # and what the band means, in plain words: never the estimator's formula (it is in docs/benchmarks.md)
    assert "95\u00a0%" in note and "bande" in note and "marge d'incertitude" in note, note
    assert not any(sign in note for sign in ("√", "N_h", "ŷ", "Σ", "s_h", "1,96")), note
    # true to what was computed: the respondents, weighted or not by province, and what the band leaves out
    assert "communes qui ont répondu" in note and "peut-être les plus avancées" in note, note
    from maturity.aggregates import read_aggregates
    from maturity.display import format_number, format_range

    (imported,) = store.campaign_aggregates()
    walloon = [f for f in read_aggregates(imported["text"], "x.yaml").set.figures
               if f.group == "wallonia" and f.dimension]
    weighted = all(f.weighting == "province" for f in walloon)
    assert ("chaque province y pèse selon son nombre de communes" in note) is weighted, note
    assert ("trop peu de communes ont répondu dans certaines provinces" in note) is not weighted, note
    # the numbers table gives the interval the band draws, in numbers: "50 (41–60)"
    row = at.table[0].value.to_dict("records")[0]
    low, high = walloon[0].ci_low, walloon[0].ci_high
    assert row["Wallonie"].replace("\u2060", "") == \
        f"{format_number(walloon[0].value, 'fr')} ({format_range(low, high, 'fr')})", row
    # the range never broken at its dash on a narrow column (word joiners, not read by screen readers)
    assert "\u2060–\u2060" in row["Wallonie"], row


def test_the_obstacles_table_gives_the_imported_campaigns_share_beside_the_barometers(mini, store):
    """The campaign computes the share of communes citing each obstacle, every install imports it, and the
    commune's obstacles table compared with the 2021 barometer only (statistical review): the campaign's
    column and, under the table, where it comes from. Here no respondent rated the obstacle: not published."""
    at = _results_with_imported_campaign(store)
    table = next(t.value for t in at.table if "Pour votre commune" in t.value.columns)
    year = str(CLOSES.year)  # the year its communes answered (its title names none), not the publication's
    column = f"Communes qui le citent (campagne {year})"
    assert column in table.columns, list(table.columns)
    assert table[column].tolist() == ["pas de chiffre publié"]  # the barometer's column's words
    # four columns: in a narrow column (a phone) the same rows as a list, where the German table scrolled sideways
    listed = [m.value for m in at.markdown if column in m.value]
    assert listed and f"{column}\u00a0: pas de chiffre publié" in listed[0], listed
    note = next(c.value for c in at.caption if "Colonne de la campagne" in c.value)
    assert "10 communes répondantes sur 261" in note and "marge d'incertitude à 95\u00a0%" in note, note
    # the heading names the campaign beside the 2021 barometer (it said « baromètre 2021 » above a 2026 column)
    assert any(h.value == f"Vos freins, ceux du baromètre 2021 et de la campagne {year}" for h in at.header), \
        [h.value for h in at.header]


def test_a_campaign_titled_with_a_year_is_named_by_it_on_the_results_page(mini, store):
    """« Baromètre 2027 » published in 2026: the radar said « Wallonie (campagne Baromètre 2027, …) » and, under
    it, the obstacles « campagne 2026 » (the year of its file), as if two campaigns (earlier trials)."""
    named = CLOSES.year + 1  # the title's year, a year after the one the file was published and closed in
    at = _results_with_imported_campaign(store, edit=lambda text: text.replace("Baromètre test", f"Baromètre {named}"))
    assert not at.exception
    series = next(t.value for t in at.table if "Nature" in t.value.columns)  # the table of the radar's lines
    walloon = next(r for r in series.to_dict("records") if f"campagne Baromètre {named}" in str(r))
    assert walloon["Année"] == str(named), walloon  # the table of the radar's lines says the same year
    table = next(t.value for t in at.table if "Pour votre commune" in t.value.columns)
    assert f"Communes qui le citent (campagne {named})" in table.columns, list(table.columns)
    assert any(h.value == f"Vos freins, ceux du baromètre 2021 et de la campagne {named}" for h in at.header), \
        [h.value for h in at.header]
    assert not any(f"campagne {CLOSES.year}" in str(c) for c in table.columns)


def test_the_results_pages_campaign_notes_link_to_where_it_was_published(mini, store):
    """The notes under the radar and under the obstacles table named the campaign and gave no link, though its
    file says where its coordinator published the figures: they now end with that address, a link."""
    url = "https://www.example.org/campagnes/wal-test/"
    at = _results_with_imported_campaign(store, edit=lambda text: text.replace("https://example.org", url))
    assert not at.exception
    link = "Publication\u00a0: [www.example.org/campagnes/wal-test](<https://www.example.org/campagnes/wal-test/>)"
    radar = next(i.value for i in at.info if "Baromètre test" in i.value)
    obstacles = next(c.value for c in at.caption if "Colonne de la campagne" in c.value)
    assert radar.endswith(f" {link}") and obstacles.endswith(f" {link}"), (radar, obstacles)


def test_an_imported_campaigns_publisher_and_title_are_shown_as_typed(mini, store):
    """The aggregates file comes from another install: its publisher under the radar (an st.info, Markdown)
    was a bold and a link of the file's choosing on every commune's results page."""
    hostile = "SPW **y** [lien](https://evil.example)"
    # the title, as another install wrote it
    at = _results_with_imported_campaign(store, hostile, lambda text: text.replace("Baromètre test", "Baromètre _test_"))
    assert not at.exception
    note = next(i.value for i in at.info if "SPW" in i.value)
    assert "SPW \\*\\*y\\*\\* \\[lien\\]\\(https&NoBreak;://evil.example)" in note, note
    assert "Baromètre \\_test\\_" in note and "[lien](" not in note, note
    cells = [str(v) for t in at.table for v in t.value.to_numpy().ravel()]
    assert any("Baromètre \\_test\\_" in c for c in cells), cells
    assert not any("_test_" in c.replace("\\_test\\_", "") for c in cells), cells


def test_the_wallonie_page_shows_the_imported_campaign(mini, store):
    """Every radar drew the imported campaign as "Wallonie (campagne …, n = 10 sur 261)" while the
    Wallonie page said no regional mean was published: the page shows the campaign's estimates, each
    with its interval, n of N, and where they come from."""
    from maturity.aggregates import aggregates_set, dump_yaml, read_aggregates
    from maturity.coordination import campaign_report

    campaign_with_responses(store)
    q = load_questionnaire(os.environ["MATURITY_QUESTIONNAIRE"])
    report = campaign_report(store, store.campaign("wal-test"), q, [])
    text = dump_yaml(aggregates_set(report, publisher="Smart City Institute", url="https://example.org"))
    at = new_app()
    at.run()
    goto(at, "wallonie")
    assert not any("campagne" in str(h.value).lower() for h in at.header)
    ref = read_aggregates(text, "wal-test.yaml")
    store.import_aggregates(campaign=ref.campaign, title=ref.title("fr"), published=ref.date, respondents=ref.n,
                            population=ref.N, source="wal-test.yaml", text=text)
    goto(at, "wallonie")
    assert not at.exception
    assert any(h.value == "La campagne régionale" for h in at.header)
    rows = at.table[0].value.to_dict("records")
    wallonia = next(r for r in rows if r["Groupe"] == "Wallonie")
    assert wallonia["n (communes)"] == "10 sur 261"
    alpha = report["dimensions"]["alpha"]
    from maturity.display import format_number
    assert wallonia["Alpha"].replace("\u2060", "") == (f"{format_number(alpha['estimate'], 'fr')} ({format_number(alpha['ci_low'], 'fr')}"
                                 f"–{format_number(alpha['ci_high'], 'fr')})"), wallonia
    note = next(c.value for c in at.caption if "Baromètre test" in c.value)
    assert "Smart City Institute" in note and "95\u00a0%" in note and "CC BY 4.0" in note, note
    assert note.endswith(" Publication\u00a0: [example.org](<https://example.org>)"), note  # where it was published
    # two respondents in each province: none is published, and the page says which and why (an échevine of
    # Vielsalm found no line for Luxembourg and no word about it: fresh-eyes trial)
    assert not any(r["Groupe"].startswith("Province") for r in rows), rows
    # « Chaque case » said of what a phone shows as a list: each figure
    assert note.startswith("Chaque chiffre\u00a0: l'estimation sur 100"), note
    unpublished = next(c.value for c in at.caption if "Pas de chiffre publié" in c.value)
    assert "Brabant wallon, Hainaut, Liège, Luxembourg et Namur" in unpublished, unpublished
    assert "5 communes" in unpublished and "comptent dans le chiffre de la Wallonie" in unpublished, unpublished


def test_a_campaigns_title_is_shown_as_typed_on_its_page(admin, store):
    """The caption under the campaign picker read the title as Markdown ("**2027**" in bold, a link)."""
    store.create_campaign("wal-2027", "Baromètre **2027** [x](https://e.x)", "mini", OPENS, CLOSES)
    at = campaigns_page()
    period = next(c.value for c in at.caption if "Baromètre" in c.value)
    assert "Baromètre \\*\\*2027\\*\\* \\[x\\]\\(https&NoBreak;://e.x)" in period, period


def test_the_files_box_says_the_readers_own_refusals_in_the_pages_language_with_their_place(admin, store):
    """A file the answers reader refuses (not JSON, a foreign JSON, a code that is no commune, an answer the
    questionnaire has not) was still shown in English under « Le détail (en anglais) » (trialleft, item 8 left):
    each is said in the page's language after its place, the file, its line and its field."""
    campaign_with_responses(store, respondents=[])
    answers = {"questionnaire": {"id": "mini", "version": "1.0"}, "answers": {"a1": "maybe"},
               "commune": {"nis_code": "92094"}}
    drops = [("casse.json", b'{"questionnaire": {"id": "mini",\n  "version": }'),
             ("carte.json", json.dumps({"type": "FeatureCollection", "features": []}).encode()),
             ("inconnue.json", json.dumps({**answers, "commune": {"nis_code": "99999"}}, indent=1).encode()),
             ("reponse.json", json.dumps(answers, indent=1).encode())]
    expected = {
        "fr": ["casse.json:2\u00a0: le texte n'est pas du JSON valide à cet endroit (colonne 14)",
               "carte.json: questionnaire\u00a0: il manque le questionnaire auquel ce fichier répond",
               "inconnue.json:10: commune.nis\\_code\u00a0: «\u00a099999\u00a0» n'est le code INS d'aucune commune wallonne",
               'reponse.json:7: answers.a1 («\u00a0Question a1\u00a0»)\u00a0: "maybe" n\'est pas une réponse possible à cette question '
               '(«\u00a0Rien\u00a0» (none), «\u00a0Un peu\u00a0» (some), «\u00a0Moitié\u00a0» (half), «\u00a0Tout\u00a0» (full))'],
        "de": ["casse.json:2: der Text ist an dieser Stelle kein gültiges JSON (Spalte 14)",
               "carte.json: questionnaire: es fehlt der Fragebogen, den diese Datei beantwortet",
               "inconnue.json:10: commune.nis\\_code: „99999“ ist die NIS-Kennziffer keiner wallonischen Gemeinde",
               'reponse.json:7: answers.a1 („Question a1“): "maybe" ist keine mögliche Antwort auf diese Frage'],
    }
    for lang, said in expected.items():
        at = campaigns_page(lang=lang)
        for (name, raw), words in zip(drops, said, strict=True):
            (uploader,) = [u for u in at.get("file_uploader") if u.proto.multiple_files]
            uploader.set_value([(name, raw, "application/json")]).run()
            at.button(key="camp_files_button").click().run()
            errors = [e.value for e in at.error]
            assert any(words in e for e in errors), (words, errors)
            assert not any("anglais" in e or "Englisch" in e or "not valid JSON" in e or "missing" in e
                           for e in errors), errors
    assert store.campaign_responses("wal-test") == []
