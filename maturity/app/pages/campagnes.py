"""Campagnes (the coordinator, behind the admin login): create a campaign, follow it on the map of
Wallonia and in tables, read the estimates, download the publication."""

import os
from datetime import UTC, date, datetime, timedelta

import streamlit as st

from maturity import coordination
from maturity.app import coordinator, session
from maturity.app.tables import fitting_table
from maturity.app.texts import TEXTS, tr
from maturity.display import format_date
from maturity.errors import InvalidInput

lang = session.lang()
st.title(tr("camp_title", lang))
coordinator.require_admin(lang, intro="camp_login_intro")  # a commune landing here reads whom it is for

store = session.store()
if store is None:
    st.warning(tr("storage_missing", lang))
    st.stop()
st.markdown(tr("camp_intro", lang))


def attempt(call):
    """A store call's result, or None once the page has said why it was refused (each problem in plain
    words) or failed (the storage's own message): creating a campaign and issuing its links."""
    try:
        return call()
    except InvalidInput as exc:
        for problem in exc.problems:
            st.error(coordinator.problem_text(problem, lang))
    except session.StorageError as exc:
        session.show_storage_error(exc)
    return None


try:
    campaigns = store.campaigns()
except session.StorageError as exc:
    session.show_storage_error(exc)
    st.stop()

if "_camp_created" in st.session_state:
    st.success(tr("camp_created", lang, id=st.session_state.pop("_camp_created")), icon=":material/check:")
imported = [] if campaigns else session.campaign_references()
if imported:  # an install that only imports a published campaign read « Aucune campagne. Créez-en une » (trial 11)
    st.info(tr("camp_none_imported", lang, label=coordinator.plain(imported[0].label(lang))))
elif not campaigns:
    st.info(tr("camp_none", lang))

with st.expander(tr("camp_create_header", lang), expanded=not campaigns and not imported):
    with st.form("camp_create"):
        new_id = st.text_input(tr("camp_field_id", lang), key="camp_new_id", max_chars=80)
        new_title = st.text_input(tr("camp_field_title", lang), key="camp_new_title", max_chars=300)
        today = date.today()
        opens = st.date_input(tr("camp_field_opens", lang), value=today, key="camp_new_opens", format="DD/MM/YYYY")
        closes = st.date_input(tr("camp_field_closes", lang), value=today + timedelta(days=90), key="camp_new_closes",
                               format="DD/MM/YYYY")
        create = st.form_submit_button(tr("camp_create_button", lang))
    if create:
        q = session.questionnaire()
        created = attempt(lambda: store.create_campaign(new_id.strip(), new_title, q.id if q else "", opens, closes))
        if created is not None:
            st.session_state["_camp_created"] = created.id
            st.session_state["camp_choice"] = created.id
            st.rerun()



def import_reference(text: str, name: str, where: str) -> None:
    """Import a published YAML as this install's Walloon reference and keep what to say, and where. A button's
    callback: it runs before the page is drawn, so that the page above the button already shows the new
    reference (it said « Aucune campagne importée » above « Importé : … »: trial 7)."""
    try:
        reference, _ = coordination.import_published(store, text, name)
    except InvalidInput as exc:
        said = ("error", refused(exc.problems))
    except session.StorageError as exc:
        said = ("error", exc.message(lang))
    else:
        said = ("success", tr("camp_import_done", lang, label=coordinator.plain(reference.label(lang))))
    st.session_state["_camp_import_said"] = (where, *said)


def refused(problems: list) -> str:
    return (tr("camp_import_refused", lang) + " " + tr("camp_import_refused_hint", lang) + "\n\n"
            + "\n".join(f"- {coordinator.plain(p)}" for p in problems))


def import_upload() -> None:
    uploaded = st.session_state.get("camp_import_file")
    if uploaded is None:
        return
    try:
        text = uploaded.getvalue().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        st.session_state["_camp_import_said"] = ("upload", "error", refused(
            [f"{uploaded.name}: not UTF-8 text (byte {exc.start})"]))
    else:
        import_reference(text, uploaded.name, "upload")


def import_said(where: str) -> None:
    said = st.session_state.get("_camp_import_said")
    if said and said[0] == where:
        del st.session_state["_camp_import_said"]
        if said[1] == "error":
            st.error(said[2])
        else:
            st.success(said[2], icon=":material/check:")


with st.expander(tr("camp_import_header", lang), expanded=False):
    st.markdown(tr("camp_import_help", lang))
    current = session.campaign_references()
    st.caption(tr("camp_import_current", lang, label=coordinator.plain(current[0].label(lang))) if current
               else tr("camp_import_none", lang))
    # the app's uploader line says "JSON, 1 Mo au plus" (the answers file, shell.css): this one takes YAML
    limit = tr("camp_import_limit", lang).replace('"', "'")
    tooltip = tr("camp_file_refused", lang).replace('"', "'")  # a refused file's tooltip: YAML here, JSON there
    st.html("<style>.st-key-camp_import_file [data-testid='stFileUploaderDropzoneInstructions'] span::after"
            f'{{content:"{limit}"}}'
            f"[data-testid='stTooltipErrorContent']::after{{content:\"{tooltip}\" !important}}"
            # and what a screen reader hears of a refused file (shell.css: « un fichier .json » there)
            f".st-key-camp_import_file [data-testid='stFileChip'] [role='alert']::after{{content:\"{tooltip}\" !important}}"
            "</style>")
    # 1 MB, as its box says (the server's ceiling, .streamlit/config.toml, is the answers files' 2)
    uploaded = st.file_uploader(tr("camp_import_file", lang), type=["yaml", "yml"], key="camp_import_file",
                                max_upload_size=1)
    if uploaded is not None:
        st.button(tr("camp_import_button", lang), key="camp_import_button", icon=":material/upload:",
                  on_click=import_upload)
    import_said("upload")

if not campaigns:
    st.stop()

ids = [c.id for c in campaigns]
if st.session_state.get("camp_choice") not in ids:
    st.session_state["camp_choice"] = ids[0]
chosen = st.selectbox(tr("camp_choose", lang), ids, key="camp_choice",
                      format_func=lambda i: f"{i} — " + next(c.title for c in campaigns if c.id == i))
campaign = next(c for c in campaigns if c.id == chosen)
try:  # its questionnaire by title and version, as the communes see it ("smart-city-wallonie" was its id)
    campaign_q = coordination.campaign_questionnaire(campaign, session.questionnaire())
    left, right = {"de": ("„", "“"), "en": ("“", "”")}.get(lang, ("«\u00a0", "\u00a0»"))
    q_name = f"{left}{campaign_q.t(campaign_q.title, lang)}{right} {campaign_q.version}"
except InvalidInput:
    campaign_q, q_name = None, campaign.questionnaire
st.caption(tr("camp_period", lang, title=coordinator.plain(campaign.title), opens=format_date(campaign.opens, lang),
              closes=format_date(campaign.closes, lang), questionnaire=coordinator.plain(q_name)))

tab_names = [tr("camp_tab_invite", lang), tr("camp_tab_status", lang), tr("camp_tab_report", lang),
             tr("camp_tab_publish", lang)]
# the first visit of a campaign opens where its coordinator starts: the invitations while nobody is invited,
# else the follow-up; kept for the session, so that making links never flips the page to another tab
if f"_camp_first_tab_{campaign.id}" not in st.session_state:
    try:
        st.session_state[f"_camp_first_tab_{campaign.id}"] = 1 if store.campaign_progress(campaign.id)["invited"] else 0
    except session.StorageError as exc:
        session.show_storage_error(exc)
        st.stop()
first_tab = st.session_state[f"_camp_first_tab_{campaign.id}"]
invite, follow, estimates, publication = st.tabs(tab_names, default=tab_names[first_tab])

with invite:
    try:
        invitations = store.invitations(campaign.id)
    except session.StorageError as exc:
        session.show_storage_error(exc)
        st.stop()
    # the pickers are new widgets once their communes have links: the browser kept the picked names shown
    # (already invited, no longer offered) when only their state was cleared (trial 7)
    generation = st.session_state.get("_camp_inv_gen", 0)
    everyone = coordination.invitees(campaign)
    ever = {r["nis_code"] for r in invitations}
    live = [r["nis_code"] for r in invitations if r["live"]]
    not_yet = [i for i in everyone if i.nis_code not in ever]
    st.markdown(tr("camp_inv_state", lang, live=len(set(live)), N=len(everyone), left=len(not_yet)))
    closed = not campaign.is_open(datetime.now(UTC))
    withdrawn_links = sorted(ever - set(live))  # invited, their link revoked and none given since
    if withdrawn_links:  # « 259 invitées sur 261 ; 0 pas encore invitée » left two communes unaccounted for
        names = ", ".join(sorted(coordinator.commune_label(code, lang) for code in withdrawn_links)[:10])
        said = tr("camp_inv_revoked", lang, n=len(withdrawn_links), names=names + (", …" if len(withdrawn_links) > 10 else ""))
        st.caption(said if closed else f"{said} {tr('camp_inv_revoked_new', lang, n=len(withdrawn_links))}")
    if len(everyone) < 262:  # the page said « sur 261 » where every text of the tool speaks of 262 communes
        st.caption(tr("camp_inv_registry", lang, N=len(everyone), opens=format_date(campaign.opens, lang)))
    st.markdown(tr("camp_inv_help", lang))
    if closed:
        st.info(tr("camp_inv_closed", lang, closes=format_date(campaign.closes, lang)))
    else:
        base = st.text_input(tr("camp_inv_base", lang), key="camp_inv_base",
                             value=coordinator.app_address(session.base_url(), os.environ.get("MATURITY_PUBLIC_URL")))
        if coordination.local_address(base):  # the address the page was opened at may be this computer's own
            st.warning(tr("camp_inv_local", lang), icon=":material/warning:")
        version = coordination.campaign_questionnaire(campaign, session.questionnaire()).version

        def issue(make) -> None:
            if coordination.base_url_problem(base):  # a query or a fragment made links that open nothing
                st.error(tr("camp_inv_need_base", lang))
                return
            issued = attempt(make)
            if issued is not None:
                st.session_state["_camp_links"] = (campaign.id, coordination.invitation_rows(issued, base.strip()))
                st.session_state["_camp_inv_gen"] = generation + 1  # the picked communes are invited: afresh
                st.rerun()

        if not_yet:
            which = st.radio(tr("camp_inv_which", lang), ["all", "some"], key="camp_inv_which",
                             format_func=lambda w: tr("camp_inv_all", lang, n=len(not_yet)) if w == "all"
                             else tr("camp_inv_some", lang))
            picked: list[str] = []
            if which == "some":
                picked = st.multiselect(tr("camp_inv_pick", lang), [i.nis_code for i in not_yet], key=f"camp_inv_pick_{generation}",
                                        format_func=lambda code: coordinator.commune_label(code, lang),
                                        placeholder=tr("camp_inv_pick_placeholder", lang),
                                        # no "Select all" (English), and a name typed matches names that start
                                        # with it: "Namur" + Enter picked the whole province of Namur (its
                                        # name is in every label), 154 communes with "Liège" (trial 7)
                                        select_all=False, filter_mode="prefix")
                st.caption(tr("camp_pick_note", lang, which=tr("camp_pick_not_yet", lang)))
            chosen_invitees = not_yet if which == "all" else [i for i in not_yet if i.nis_code in set(picked)]
            if st.button(tr("camp_inv_button", lang, n=len(chosen_invitees)) if chosen_invitees
                         else tr("camp_inv_button_none", lang), key="camp_inv_button", type="primary",
                         icon=":material/link:", disabled=not chosen_invitees):
                issue(lambda: store.invite(campaign.id, chosen_invitees, version))
        else:
            st.success(tr("camp_inv_everyone", lang), icon=":material/check:")
    made = st.session_state.get("_camp_links")
    if made and made[0] == campaign.id:
        st.success(tr("camp_inv_made", lang, n=len(made[1])), icon=":material/check:")
        st.download_button(tr("camp_inv_download", lang), data=coordination.invitations_csv(made[1], excel=True).encode("utf-8"),
                           file_name=f"invitations-{campaign.id}.csv", mime="text/csv", key="camp_inv_dl",
                           on_click="ignore", icon=":material/download:", type="primary")
        shown = len(made[1]) <= 20  # a frame of 261 links to copy by hand: the file is the way
        st.caption(tr("camp_inv_file_note" if shown else "camp_inv_file_note_many", lang))
        if shown:
            st.code(coordinator.links_text(made[1], lang), language=None, wrap_lines=True)
    if ever and not closed:  # a revoked link too: the commune gets a new one, its draft kept
        with st.expander(tr("camp_reissue_header", lang)):
            st.markdown(tr("camp_reissue_help", lang))
            lost = st.selectbox(tr("camp_reissue_pick", lang), sorted(ever), index=None, key=f"camp_reissue_pick_{generation}",
                                format_func=lambda code: coordinator.commune_label(code, lang),
                                placeholder=tr("camp_inv_pick_placeholder", lang), filter_mode="prefix")
            st.caption(tr("camp_pick_note", lang, which=tr("camp_pick_invited", lang)))
            if st.button(tr("camp_reissue_button", lang), key="camp_reissue_button", disabled=lost is None):
                issue(lambda: store.reissue(campaign.id, [lost], version))
    revoked_said = st.session_state.get("_camp_revoked")
    if live or (revoked_said and revoked_said[0] == campaign.id):
        # revoking took a terminal (`maturity campaign revoke`): a leaked or misdirected link is the coordinator's
        # to withdraw, from here; open or closed (a response that came through a leaked link must stop counting)
        with st.expander(tr("camp_revoke_header", lang), icon=":material/link_off:",
                         expanded=bool(revoked_said and revoked_said[0] == campaign.id)):
            st.markdown(tr("camp_revoke_help", lang))
            if revoked_said and revoked_said[0] == campaign.id:  # above the pickers, emptied for the next ones
                st.success(st.session_state.pop("_camp_revoked")[1], icon=":material/link_off:")
            if live:
                withdrawn = st.multiselect(tr("camp_revoke_pick", lang), sorted(set(live)), key=f"camp_revoke_pick_{generation}",
                                           format_func=lambda code: coordinator.commune_label(code, lang),
                                           placeholder=tr("camp_inv_pick_placeholder", lang),
                                           select_all=False, filter_mode="prefix")
                st.caption(tr("camp_pick_note", lang, which=tr("camp_pick_live", lang)))
                sure = st.checkbox(tr("camp_revoke_confirm", lang, n=max(len(withdrawn), 1)),
                                   key=f"camp_revoke_confirm_{generation}", disabled=not withdrawn)
                if st.button(tr("camp_revoke_button", lang, n=len(withdrawn)) if withdrawn
                             else tr("camp_revoke_button_none", lang), key="camp_revoke_button",
                             icon=":material/link_off:", disabled=not (withdrawn and sure)):
                    count = attempt(lambda: store.revoke(campaign.id, withdrawn))
                    if count is not None:
                        st.session_state["_camp_revoked"] = (campaign.id, tr(
                            "camp_revoke_done", lang, n=count,
                            names=", ".join(coordinator.commune_label(code, lang) for code in withdrawn)))
                        st.session_state["_camp_inv_gen"] = generation + 1  # the pickers and the box afresh
                        st.rerun()  # the counts above, the follow-up and the estimates without them

with follow:
    try:
        status = coordination.campaign_status(store, campaign)
    except session.StorageError as exc:
        session.show_storage_error(exc)
        st.stop()
    for column, (key, value) in zip(st.columns(4), coordinator.status_metrics(status, lang), strict=True):
        column.metric(tr(key, lang), value, help=tr(f"{key}_help", lang))
    st.subheader(tr("camp_map_title", lang))
    # as wide as the column: at its own 560 px the map ran past a phone's screen (the east cut off)
    st.vega_lite_chart(coordinator.status_map(status, campaign, lang), width="stretch")
    st.caption(tr("camp_map_caption", lang))
    st.subheader(tr("camp_by_province", lang))
    st.table(coordinator.status_rows(status, "by_province", lang))
    st.subheader(tr("camp_by_class", lang))
    st.table(coordinator.status_rows(status, "by_population_class", lang))
    if not closed:  # a commune that e-mailed its answers file: it took `maturity campaign submit` on a server
        with st.expander(tr("camp_files_header", lang), icon=":material/upload_file:"):
            st.markdown(tr("camp_files_help", lang))
            files_key = f"camp_files_{st.session_state.get('_camp_files_gen', 0)}"
            from maturity.app.logic import UPLOAD_MB

            received = st.file_uploader(tr("camp_files_pick", lang), type=["json"], accept_multiple_files=True,
                                        key=files_key, max_upload_size=UPLOAD_MB)  # as the questionnaire's
            from maturity.answers import parse_answers_json

            # a file that names no commune was refused in English, pointing to the command line's --nis (trial
            # 11): alone, its commune is picked here, among those whose link is live (the only ones it may count for)
            nameless = len(received or []) == 1 and coordinator.names_no_commune(received[0], parse_answers_json)
            whose = None
            if nameless:
                st.info(tr("camp_files_nameless", lang, file=coordinator.plain(received[0].name)))
                whose = st.selectbox(tr("camp_files_whose", lang), sorted(set(live)), index=None,
                                     key=f"camp_files_whose_{st.session_state.get('_camp_files_gen', 0)}",
                                     format_func=lambda code: coordinator.commune_label(code, lang),
                                     placeholder=tr("camp_inv_pick_placeholder", lang), filter_mode="prefix")
                st.caption(tr("camp_pick_note", lang, which=tr("camp_pick_live", lang)))
            if received and st.button(tr("camp_files_button", lang, n=len(received)), key="camp_files_button",
                                      icon=":material/save:", disabled=nameless and whose is None):
                from maturity.app.logic import problem_said

                try:
                    responses, warnings = coordination.file_responses(
                        campaign, [(f.name, f.name, lambda f=f: parse_answers_json(f.getvalue(), f.name))
                                   for f in received], whose if nameless else None,
                        nis_hint="ask the commune for a file that names it", known=session.questionnaire())
                    count = store.submit_files(campaign.id, responses)
                except InvalidInput as exc:
                    # a place in a file names its question or dimension by its words, as on the questionnaire
                    said = [coordinator.problem_text(p, lang, session.questionnaire()) for p in exc.problems]
                    english = any(not p.code or f"problem_{p.code}" not in TEXTS for p in exc.problems)
                    st.error(tr("camp_files_refused" if english else "camp_files_refused_said", lang) + "\n\n"
                             + "\n".join(f"- {line}" for line in said))
                except session.StorageError as exc:
                    session.show_storage_error(exc)
                else:
                    st.session_state["_camp_files_said"] = (campaign.id, tr(
                        "camp_files_done", lang, n=count, names=", ".join(
                            coordinator.commune_label(r.nis_code, lang) for r in responses)),
                        [problem_said(w, lang) for w in warnings])
                    st.session_state["_camp_files_gen"] = st.session_state.get("_camp_files_gen", 0) + 1
                    st.rerun()  # the counts, the map and the tables above take the new responses
            said = st.session_state.get("_camp_files_said")
            if said and said[0] == campaign.id:
                st.success(said[1], icon=":material/check:")
                if said[2]:
                    st.caption(tr("camp_files_warnings", lang) + " " + coordinator.plain("; ".join(said[2])))

with estimates:
    try:
        questionnaire = coordination.campaign_questionnaire(campaign, session.questionnaire())
        report = coordination.campaign_report(store, campaign, questionnaire)
    except (session.StorageError, InvalidInput) as exc:
        st.error(coordinator.plain(str(exc)))
        st.stop()
    st.markdown(tr("camp_report_summary", lang, n=report["n_submitted"], invited=report["n_invited"],
                   N=report["campaign"]["N"]))
    # seven columns: in a column under 760 px (a phone), the same rows as a list (tables.py)
    fitting_table(coordinator.report_rows(report, questionnaire, lang), "estimates", 760, lang)
    groups, masked = coordinator.group_rows(report, questionnaire, lang)
    if groups:  # what a province or a size of commune gets, and what is withheld, before anything is published
        st.subheader(tr("camp_groups_header", lang))
        fitting_table(groups, "estimates_groups", 760, lang)
        st.caption(tr("camp_groups_note", lang) + (" " + tr("camp_groups_masked", lang) if masked else ""))
    # what the numbers mean in plain words; the estimator's formula for whoever checks it (it printed
    # "ŷ ± 1,96 · √V, V = Σ (N_h / N)² …" as the only explanation under the table: trial 7)
    st.markdown(tr("camp_report_plain", lang, quartiles=report["method"].get("min_n_quartiles", 10),
                   min_n=report["method"].get("min_n", 5)))
    with st.expander(tr("camp_report_method", lang)):
        st.markdown(coordinator.plain(report["method"]["text"].get(lang) or report["method"]["text"]["fr"]))

with publication:
    st.markdown(tr("camp_publish_help", lang))
    if not closed:  # figures published mid-way become the Walloon reference wherever they are imported
        st.warning(tr("camp_publish_open", lang, closes=format_date(campaign.closes, lang), n=report["n_submitted"],
                      invited=report["n_invited"]), icon=":material/schedule:")
    publisher = st.text_input(tr("camp_publisher", lang), value=os.environ.get("MATURITY_PUBLISHER", ""),
                              key="camp_publisher", placeholder=tr("camp_publisher_placeholder", lang),
                              help=tr("camp_publisher_help", lang))
    url = st.text_input(tr("camp_url", lang), value=os.environ.get("MATURITY_PUBLIC_URL", ""), key="camp_url",
                        placeholder="https://…", help=tr("camp_url_help", lang))
    if st.button(tr("camp_prepare", lang), key="camp_prepare", icon=":material/description:"):
        if not publisher.strip() or not url.strip().startswith(("https://", "http://")):
            st.error(tr("camp_publish_need", lang))
        else:
            files, problems = coordinator.publication(report, questionnaire, publisher.strip(), url.strip(), lang)
            if problems:
                st.error(tr("camp_publish_refused", lang) + "\n\n" + "\n".join(
                    f"- {coordinator.plain(p)}" for p in problems))
            else:
                st.session_state["_camp_files"] = (campaign.id, files)
                st.session_state.pop("_camp_imported", None)
    prepared = st.session_state.get("_camp_files")
    if prepared and prepared[0] == campaign.id:
        labels = {".yaml": "camp_download_yaml", ".csv": "camp_download_csv", ".pdf": "camp_download_pdf"}
        for name, data, mime in prepared[1]:
            suffix = name[name.rfind("."):]
            st.download_button(tr(labels.get(suffix, "camp_download_csv"), lang) + f" — {name}", data=data,
                               file_name=name, mime=mime, key=f"camp_dl{suffix}", on_click="ignore",
                               icon=":material/download:")
        yaml_file = next(((name, data) for name, data, _ in prepared[1] if name.endswith(".yaml")), None)
        if yaml_file:
            st.button(tr("camp_import_this", lang), key="camp_import_this", icon=":material/radar:",
                      on_click=import_reference, args=(yaml_file[1].decode("utf-8"), yaml_file[0], "publication"))
            import_said("publication")
