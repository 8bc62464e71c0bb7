"""Administration: review and withdraw pool entries, export the pooled means (password protected)."""

import streamlit as st

from maturity import admin
from maturity.app import logic, session
from maturity.app.texts import tr
from maturity.display import format_date

lang = session.lang()
st.title(tr("admin_title", lang))


@st.cache_resource(show_spinner=False)
def throttle() -> "admin.LoginThrottle":
    return admin.LoginThrottle()


def secret_hash() -> str | None:
    try:
        return st.secrets.get(admin.ENV_VAR)
    except Exception:
        return None


stored = admin.configured_hash(secret_hash())
if not stored:
    st.info(tr("admin_not_configured", lang))
    st.stop()

if not st.session_state.get("admin_ok"):
    with st.form("admin_login"):
        password = st.text_input(tr("admin_password", lang), type="password")
        submitted = st.form_submit_button(tr("admin_login", lang))
    if submitted:
        try:
            client = st.context.ip_address or "global"
        except Exception:
            client = "global"
        try:
            result = admin.check_admin_login(password, throttle(), key=client, stored=stored)
        except admin.AdminConfigError:
            st.error(tr("admin_not_configured", lang))
            st.stop()
        if result.ok:
            st.session_state["admin_ok"] = True
            st.rerun()
        elif result.retry_after > 0:
            st.error(tr("admin_throttled", lang, seconds=int(result.retry_after) + 1))
        else:
            st.error(tr("admin_wrong", lang))
    st.stop()

if st.button(tr("admin_logout", lang), key="admin_logout"):
    st.session_state.pop("admin_ok", None)
    st.rerun()

store = session.store()
q = session.questionnaire()
if store is None or q is None:
    st.warning(tr("storage_missing", lang))
    st.stop()

st.header(tr("admin_entries", lang))
try:
    entries = store.pool_entries()
    pool_rows = store.pool_rows()
except session.StorageError as exc:
    session.show_storage_error(exc)
    st.stop()
if "_withdrawn" in st.session_state:
    st.success(tr("admin_withdrawn", lang, id=st.session_state.pop("_withdrawn")))
if not entries:
    st.info(tr("admin_none", lang))
else:
    st.table([{
        tr("col_id", lang): str(e["id"]),
        tr("col_commune", lang): logic.commune_name(e["nis_code"]),
        tr("col_date", lang): format_date(e["submitted_at"], lang),
        tr("col_source", lang): e["source"],
        tr("col_status", lang): tr("status_withdrawn" if e["withdrawn"] else "status_active", lang),
    } for e in entries])
    active = [e for e in entries if not e["withdrawn"]]
    if active:
        entry_id = st.selectbox(tr("admin_withdraw_label", lang), [e["id"] for e in active], key="admin_entry",
                                format_func=lambda i: f"{i} — " + next(
                                    logic.commune_name(e["nis_code"]) for e in active if e["id"] == i))
        if st.button(tr("admin_withdraw", lang, id=entry_id), key="admin_withdraw"):
            store.withdraw_pool_entry(int(entry_id))
            st.session_state["_withdrawn"] = entry_id
            st.rerun()
st.download_button(tr("admin_export", lang), data=lambda: logic.pool_csv(q, pool_rows), file_name="pool-moyennes.csv",
                   mime="text/csv", on_click="ignore", key="admin_export", icon=":material/download:")
