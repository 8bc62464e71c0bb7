"""Administration: review, confirm and withdraw pool entries, export the pooled means (password protected)."""

import hashlib
from datetime import UTC, datetime

import streamlit as st

from maturity import pool, poolrelease, poolstatus
from maturity.app import coordinator, logic, session, tables
from maturity.app.tables import fitting_grid
from maturity.app.texts import tr
from maturity.display import format_date
from maturity.storage.pool import ASSESSMENT_SOURCE

lang = session.lang()
st.title(tr("admin_title", lang))


coordinator.require_admin(lang)

store = session.store()
q = session.questionnaire()
if store is None or q is None:
    st.warning(tr("storage_missing", lang))
    st.stop()

st.header(tr("admin_entries", lang))
try:
    entries = store.pool_entries()
    pool_rows = store.pool_rows()
    release = store.pool_release_state()
    history = store.pool_release_history()
except session.StorageError as exc:
    session.show_storage_error(exc)
    st.stop()
# before the first release, the store records the figures as they stand just before the first change
state = release or poolrelease.release(entries, datetime.now(UTC), None)
# every release kept: an observer who noted them all combines them, so the check reads them all
shown_before = [h["cells"] for h in history]
if st.session_state.pop("_publish_changed", None):
    st.warning(tr("admin_publish_changed", lang))
for key in ("_withdrawn", "_settled", "_confirmed", "_published"):
    if key in st.session_state:
        done = st.session_state.pop(key)
        st.success(tr("admin_withdrawn", lang, id=done) if key == "_withdrawn" else tr("admin_published", lang)
                   if key == "_published" else tr("admin_confirmed" if key == "_confirmed" else "admin_settled",
                                                  lang, n=done))


def why(plan: poolrelease.Plan) -> str:
    """What a release would give away, in words (the admin page's warnings)."""
    revealing = plan.revealing()
    if revealing:
        labels = [pool.group_label(g.key, lang) for g in revealing]
        return tr("admin_why_one", lang, n=len(labels), groups=logic.quoted_list(labels, lang))
    names = [logic.commune_name(nis) if nis else tr("admin_erased_commune", lang) for nis in plan.read]
    return tr("admin_why_combined", lang, communes=logic.quoted_list(names, lang))


def confirmation(plan: poolrelease.Plan) -> str:
    """The box the admin ticks to publish anyway: it names the communes the release gives away, and the groups
    that change by one commune."""
    communes = logic.quoted_list([logic.commune_name(nis) if nis else tr("admin_erased_commune", lang)
                                  for nis in plan.read], lang)
    revealing = [pool.group_label(g.key, lang) for g in plan.revealing()]
    if revealing:
        return tr("admin_publish_confirm_groups", lang, n=len(revealing), groups=logic.quoted_list(revealing, lang),
                  communes=communes)
    return tr("admin_publish_confirm", lang, communes=communes)


st.caption(tr("admin_provenance_help", lang))
if not entries:
    st.info(tr("admin_none", lang))
else:
    # a column under 800 px (a phone, a tablet) gets the entries as a list: eight columns scrolled sideways
    # past a phone's screen. The grid's columns add up to less than that (a 1280 px screen's column is 820 px
    # with the menu; a wider one shares the rest): at their natural widths, long dates and headers scrolled it
    # 70 px sideways there. In the grid dates are dates and numbers numbers (sorted as such: "9 mars" never
    # after "27 novembre"); the status and fingerprint headers are short, their words in their help
    published = set(release.get("ids") or ()) if release is not None else None

    def row(e: dict, listed: bool) -> dict:
        status = e["status"] if listed or e["status"] != "superseded" else "superseded_short"
        if status == "counted" and published is not None and e["id"] not in published:
            status = "unpublished"  # counted, the published figures wait for company (« Chiffres publiés »)
        return {
            tr("col_id", lang): str(e["id"]) if listed else e["id"],
            tr("col_commune", lang): logic.commune_name(e["nis_code"]),
            tr("col_date", lang): format_date(e["submitted_at"], lang) if listed else e["submitted_at"],
            # an entry from a submitted assessment says so in the page's language ("assessment" is the
            # store's label); an imported survey keeps the label it was imported with
            tr("col_source", lang): tr("admin_source_assessment", lang) if e["source"] == ASSESSMENT_SOURCE
            else e["source"],
            tr("col_status", lang): tr(f"status_{status}", lang),
            tr("col_space_fp", lang): e["space_fingerprint"] or "",
            tr("col_client_fp", lang): e["client_fingerprint"] or "",
            tr("col_received", lang): e["created_at"].strftime("%Y-%m-%d %H:%M:%S UTC") if listed
            else e["created_at"],
        }

    day, column = tables.GRID_DATE[lang], st.column_config
    fitting_grid([row(e, False) for e in entries], "admin_table", lang, min_width=800,
                 listed=[row(e, True) for e in entries], search=tr("admin_search", lang), column_config={
        tr("col_id", lang): column.NumberColumn(width=40, format="%d"),
        tr("col_commune", lang): column.TextColumn(width=120),
        tr("col_date", lang): column.DatetimeColumn(width=84, format=day, timezone="UTC"),
        tr("col_source", lang): column.TextColumn(width=136),
        tr("col_status", lang): column.TextColumn(width=100, help=tr("col_status_help", lang)),
        tr("col_space_fp", lang): column.TextColumn(tr("col_space", lang), width=96, help=tr("col_space_help", lang)),
        tr("col_client_fp", lang): column.TextColumn(tr("col_client", lang), width=96,
                                                     help=tr("col_client_help", lang)),
        tr("col_received", lang): column.DatetimeColumn(tr("col_received_utc", lang), width=118,
                                                        format=f"{day} HH:mm", timezone="UTC"),
    })
    active = [e for e in entries if not e["withdrawn"]]

    pending = [e for e in entries if e["status"] == "pending"]
    if pending:
        # an open-pool entry counts only once confirmed; before the click, the page says which published group
        # would change by one commune only (whoever saw its figures before reads that commune's scores)
        st.subheader(tr("admin_pending_header", lang, n=len(pending)))
        st.caption(tr("admin_pending_help", lang))

        def warn(ids: list[int]) -> None:
            plan = poolrelease.plan(poolstatus.with_confirmed(entries, ids), state, shown_before=shown_before)
            if plan.waiting and not plan.safe:  # confirmed, but the published figures wait
                st.info(tr("admin_confirm_waits", lang, n=len(ids), why=why(plan)), icon=":material/hourglass_top:")
            disputed = poolstatus.newly_disputed(entries, ids)
            if disputed:
                st.warning(tr("admin_confirm_disputes", lang, n=len(disputed), communes=logic.quoted_list(
                    [logic.commune_name(nis) for nis in disputed], lang)), icon=":material/gavel:")

        names = {e["id"]: f"{e['id']} — {logic.commune_name(e['nis_code'])} — {format_date(e['submitted_at'], lang)}"
                 for e in pending}
        picked = st.multiselect(tr("admin_confirm_select", lang), list(names), key="admin_confirm_pick",
                                placeholder=tr("admin_bulk_placeholder", lang), select_all=False,
                                format_func=names.get)
        if picked:
            warn([int(i) for i in picked])
        if st.button(tr("admin_confirm_button", lang), key="admin_confirm", disabled=not picked):
            st.session_state["_confirmed"] = store.confirm_pool_entries([int(i) for i in picked])
            st.rerun()
        every = [e["id"] for e in pending]
        if sorted(int(i) for i in picked) != sorted(every):  # else said just above
            warn(every)
        if st.button(tr("admin_confirm_all", lang, n=len(pending)), key="admin_confirm_all"):
            st.session_state["_confirmed"] = store.confirm_pool_entries(every)
            st.rerun()

    disputed: dict[str, list[dict]] = {}
    for e in active:
        if e["status"] == "disputed":
            disputed.setdefault(e["nis_code"], []).append(e)
    if disputed:
        st.subheader(tr("admin_disputes", lang))
        for nis, group in sorted(disputed.items()):
            name = logic.commune_name(nis)
            spaces = sorted({e["space_fingerprint"] or "" for e in group})
            cols = st.columns([3, 1], vertical_alignment="bottom")
            keep = cols[0].selectbox(f"{name} — {tr('admin_dispute_keep', lang)}", [*spaces, None],
                                     format_func=lambda fp: tr("admin_dispute_none", lang) if fp is None else fp,
                                     key=f"dispute_{nis}")
            if cols[1].button(tr("admin_dispute_settle", lang, name=name), key=f"settle_{nis}"):
                st.session_state["_settled"] = store.settle_dispute(nis, keep)
                st.rerun()

    if active:
        st.subheader(tr("admin_bulk_header", lang))
        chosen = st.multiselect(tr("admin_bulk_select", lang), [e["id"] for e in active], key="admin_bulk",
                                placeholder=tr("admin_bulk_placeholder", lang), select_all=False,
                                format_func=lambda i: f"{i} — " + next(
                                    logic.commune_name(e["nis_code"]) for e in active if e["id"] == i))
        if st.button(tr("admin_bulk_button", lang), key="admin_withdraw", disabled=not chosen):
            st.session_state["_settled"] = store.withdraw_pool_entries([int(i) for i in chosen])
            st.rerun()
        by_client: dict[str, list[int]] = {}
        for e in active:
            if e["client_fingerprint"]:
                by_client.setdefault(e["client_fingerprint"], []).append(e["id"])
        if by_client:
            ranked = sorted(by_client, key=lambda fp: (-len(by_client[fp]), fp))
            fp = st.selectbox(tr("admin_bulk_client", lang), ranked, key="admin_client",
                              format_func=lambda f: tr("admin_bulk_client_option", lang, fp=f, n=len(by_client[f])))
            if st.button(tr("admin_bulk_client_button", lang, n=len(by_client[fp]), fp=fp), key="admin_withdraw_client"):
                st.session_state["_settled"] = store.withdraw_pool_entries(by_client[fp])
                st.rerun()
    # the published figures: what waits, what is hidden since a withdrawal, and the admin's « publish »
    st.subheader(tr("admin_release_header", lang))
    st.caption(tr("admin_release_help", lang))
    if release is not None:
        when = format_date(poolrelease.released_at(release), lang)
        st.markdown(tr("admin_release_last", lang, date=when, by=tr(f"admin_release_by_{release['released_by']}", lang)))
    now = poolrelease.plan(entries, state, shown_before=shown_before)
    if now.held:
        st.warning(tr("admin_release_held", lang, groups=logic.quoted_list([pool.group_label(g, lang)
                                                                             for g in now.held], lang)),
                   icon=":material/visibility_off:")
    if not now.waiting:
        st.markdown(tr("admin_release_none", lang))
    else:
        warning = label = None
        name, sure = "", False
        if not now.safe:
            names = [logic.commune_name(nis) if not nis.startswith("#") else tr("admin_erased_commune", lang)
                     for nis in now.changed]
            warning = (tr("admin_release_waiting", lang, n=len(names), communes=logic.quoted_list(names, lang),
                          why=why(now)) + " " + tr("admin_publish_anyway", lang))
            st.warning(warning, icon=":material/visibility:")
            # publishing anyway is deliberate and kept: a confirmation naming what it gives away, the admin's name
            label = confirmation(now)
            name = st.text_input(tr("admin_publish_name", lang), key="admin_publish_name", max_chars=80)
            # a box ticked for one warning is not ticked for the next (its key is the warning's)
            sure = st.checkbox(label, key="admin_publish_sure_" + hashlib.sha256(label.encode()).hexdigest()[:12])
            st.caption(tr("admin_publish_kept", lang))
        if st.button(tr("admin_publish", lang), key="admin_publish", disabled=not now.safe and not (sure and name.strip())):
            done = store.publish_pool(by=name or None, warning=None if warning is None else f"{warning}\n{label}",
                                      client=session.client_address(), expected=now.read)
            st.session_state["_published" if done else "_publish_changed"] = True
            st.rerun()
    forced = [h for h in history if h["released_by"] == "admin" and h["warning"]]
    if forced:
        with st.expander(tr("admin_release_forced", lang) + f" ({len(forced)})"):
            for h in reversed(forced):
                # the date in bold: a German one (« 28. November ») must not start a numbered list
                st.markdown("- " + tr("admin_release_forced_line", lang, date=format_date(h["released_at"], lang),
                                      name=coordinator.plain(h["published_by"] or tr("admin_release_forced_unnamed",
                                                                                     lang)),
                                      fp=h["client_fingerprint"] or "—", warning=coordinator.plain(h["warning"])))
st.download_button(tr("admin_export", lang), data=lambda: logic.pool_csv(q, pool_rows), file_name=logic.download_name("pool", lang),
                   mime="text/csv", on_click="ignore", key="admin_export", icon=":material/download:")
