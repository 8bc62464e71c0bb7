"""The coordinator's login, shared by the admin pages (pool review, campaigns).

The admin password's scrypt hash comes from ``MATURITY_ADMIN_PASSWORD_HASH`` or the same key in
Streamlit secrets; failed logins are counted in the database per client and per account (:mod:`maturity.admin`). A login holds for
this browser session only.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from maturity import admin

from .texts import TEXTS, tr


def secret_hash() -> str | None:
    try:
        return st.secrets.get(admin.ENV_VAR)
    except Exception:
        return None


def require_admin(lang: str, intro: str | None = None) -> None:
    """Stop the page unless this session has logged in as the coordinator; draw the login form, under the
    text ``intro`` when given (whom the page is for)."""
    stored = admin.configured_hash(secret_hash())
    if not stored:
        st.info(tr("admin_not_configured", lang))
        st.stop()
    if intro and not st.session_state.get("admin_ok"):
        st.markdown(tr(intro, lang))
    if st.session_state.get("admin_ok"):
        if st.button(tr("admin_logout", lang), key="admin_logout"):
            st.session_state.pop("admin_ok", None)
            st.rerun()
        return
    with st.form("admin_login"):
        password = st.text_input(tr("admin_password", lang), type="password")
        submitted = st.form_submit_button(tr("admin_login", lang))
    if submitted:
        from . import session

        login_store = session.store()
        if login_store is None:  # failures are counted in the database: no database, no login
            st.warning(tr("storage_missing", lang))
            st.stop()
        try:
            result = admin.check_admin_login(password, admin.LoginThrottle(login_store),
                                             key=session.client_address(), stored=stored)
        except admin.AdminConfigError:
            st.error(tr("admin_not_configured", lang))
            st.stop()
        except session.StorageError as exc:
            session.show_storage_error(exc)
            st.stop()
        if result.ok:
            st.session_state["admin_ok"] = True
            st.rerun()
        elif result.retry_after > 0:
            st.error(tr("admin_throttled", lang, seconds=int(result.retry_after) + 1))
        else:
            st.error(tr("admin_wrong", lang))
    st.stop()


# --- the campaigns page's tables, map and files (plain functions, tested without a browser) ---------------


def plain(text: object) -> str:
    """A message for st.error (Markdown) with every markup character escaped (ids and file names come
    from outside)."""
    from maturity.markdown import escape

    return escape(text)


def problem_text(problem: object, lang: str, q: Any = None) -> str:
    """A refused request's problem as the campaigns page says it (Markdown, escaped): in ``lang`` when the page has
    words for its code (a new campaign's fields), without the command line's place (« --closes: »), which names
    no field of the page; else as the command line says it. A new campaign refused read « --closes: the campaign
    closes (2026-10-25) before it opens (2026-11-27) » on the French page (trial 11). ``q``: the questionnaire whose
    question or dimension a place in an answers file names, said by its words (``logic.problem_place``)."""
    code = getattr(problem, "code", "")
    if code and f"problem_{code}" in TEXTS and getattr(problem, "file", None) and "file" not in dict(
            getattr(problem, "params", ())):  # the answers reader's: its place first (file, line, field)
        from .logic import problem_said

        return plain(problem_said(problem, lang, q))
    if code and f"problem_{code}" in TEXTS:
        # a commune's code (« nis », « successor ») said as its name, as the page's tables name it
        return tr(f"problem_{code}", lang, **{k: plain(commune_label(v, lang) if k in ("nis", "successor") else v)
                                              for k, v in getattr(problem, "params", ())})
    return plain(str(problem))


def names_no_commune(uploaded: Any, parse: Any) -> bool:
    """Whether an uploaded answers file reads as one and names no commune (``parse``: the app's reader); a file
    that does not read is not nameless: its problems are said when it is recorded."""
    from maturity.errors import InvalidInput

    try:
        return not parse(uploaded.getvalue(), uploaded.name).nis_code
    except InvalidInput:
        return False


def _label(labels: dict[str, str], lang: str) -> str:
    return labels.get(lang) or labels.get("fr") or ""


def _rate(value: float | None, lang: str) -> str:
    from maturity.display import format_percent

    return "–" if value is None else format_percent(value, lang)


def status_metrics(status: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """(text key, value) of the four headline numbers: invited, in progress (started, not yet sent: the map's
    "started"), responded, response rate. The core's "started" counts the communes that responded too (a
    funnel); beside "responded" it read as another 8 communes, and the map showed none "started" (trial 7)."""
    from maturity.display import format_number

    return [("camp_metric_invited", format_number(status["invited"], lang)),
            ("camp_metric_started", format_number(status["started"] - status["submitted"], lang)),
            ("camp_metric_submitted", format_number(status["submitted"], lang)),
            ("camp_metric_rate", _rate(status["response_rate"], lang))]


def status_rows(status: dict[str, Any], key: str, lang: str) -> list[dict[str, str]]:
    """The counts of a breakdown (``by_province`` or ``by_population_class``) as table rows, with the
    whole of Wallonia last: the same numbers as the map and the headline (in progress: started, not sent)."""
    from maturity.display import format_number

    first = tr("col_province" if key == "by_province" else "col_group", lang)

    def row(name: str, counts: dict[str, Any]) -> dict[str, str]:
        return {first: name,
                tr("col_invited", lang): format_number(counts["invited"], lang),
                tr("col_started", lang): format_number(counts["started"] - counts["submitted"], lang),
                tr("col_submitted", lang): format_number(counts["submitted"], lang),
                tr("col_rate", lang): _rate(counts["response_rate"], lang)}

    rows = [row(_label(counts["label"], lang), counts) for counts in status[key].values()]
    rows.append(row(tr("camp_all", lang), status))
    return rows


def status_map(status: dict[str, Any], campaign: Any, lang: str) -> dict[str, Any]:
    """The map of Wallonia (the registry on the opening: a merged commune drawn as one), each commune
    coloured by its state: the core's Vega-Lite spec (a geoshape from data/belgium.topojson)."""
    from maturity.maps import commune_status_map_spec

    spec = commune_status_map_spec(status["communes"], lang, when=campaign.opens)
    # a commune not invited was drawn « pas commencé » (the core's default): with 4 communes invited, the map
    # showed 261 communes waiting beside « Communes invitées 4 » (trial 7); it gets its own, lighter state
    outside = [g for g in spec["data"]["values"]["objects"]["communes"]["geometries"]
               if g["properties"]["nis"] not in status["communes"]]
    if outside:
        label = tr("camp_map_not_invited", lang)
        for geometry in outside:
            geometry["properties"]["state"] = label
        scale = spec["encoding"]["color"]["scale"]
        scale["domain"], scale["range"] = [*scale["domain"], label], [*scale["range"], NOT_INVITED]
    return spec


NOT_INVITED = "#F4F5F7"  # lighter than « pas commencé » (#D9DDE3), on the white page


def report_rows(report: dict[str, Any], questionnaire: Any, lang: str) -> list[dict[str, str]]:
    """One row per dimension: estimate, 95 % interval, n, median, quartiles, weighting (and why not by
    province); a dimension with fewer than 5 responses says so and shows no number."""
    from maturity.campaign import reason_text
    from maturity.display import format_number, format_range

    def num(value: float | None) -> str:  # "—" when missing, as format_range writes it (the row had both dashes)
        return "—" if value is None else format_number(value, lang)

    rows = []
    for dim_id, d in report["dimensions"].items():
        section = next((s for s in questionnaire.dimensions if s.id == dim_id), None)
        name = questionnaire.t(section.label, lang) if section else dim_id
        if d["suppressed"]:
            rows.append({tr("col_dimension", lang): name, tr("col_estimate", lang): tr("camp_suppressed", lang),
                         tr("col_interval", lang): "", tr("col_n", lang): "", tr("col_median", lang): "",
                         tr("col_quartiles", lang): "", tr("col_weighting", lang): ""})
            continue
        weighting = (tr("camp_weighting_province", lang) if d["weighting"] == "province"
                     else reason_text(d.get("thin_provinces") or {}, lang))
        rows.append({tr("col_dimension", lang): name, tr("col_estimate", lang): num(d["estimate"]),
                     tr("col_interval", lang): format_range(d["ci_low"], d["ci_high"], lang), tr("col_n", lang): format_number(d["n"], lang),
                     tr("col_median", lang): num(d["median"]),
                     tr("col_quartiles", lang): format_range(d["q1"], d["q3"], lang),
                     tr("col_weighting", lang): weighting})
    return rows


def group_rows(report: dict[str, Any], questionnaire: Any, lang: str) -> tuple[list[dict[str, str]], bool]:
    """One row per province, then per size of commune, as the published report's table has them: the group, its
    respondents of its communes, and each dimension's estimate with its 95 % interval; « — » where the group is
    not published. And whether a group of 5 or more is hidden with a smaller one (complementary suppression). The
    page showed Wallonia's six figures only: what a province or a size gets, and what is withheld under 5, was in
    the PDF alone (fresh-eyes trial 11)."""
    from maturity.display import format_estimate, format_number

    from .logic import whole_range  # "50 (46–54)" broke after its dash in a narrow column

    min_n = report.get("method", {}).get("min_n", 5)
    rows, masked = [], False
    for kind in ("province", "population_class"):
        for group in report.get("groups", {}).get(kind, {}).values():
            if not group.get("N"):
                continue
            n = group.get("n")
            row = {tr("col_group", lang): _label(group.get("label") or {}, lang),
                   tr("camp_metric_submitted", lang): tr("n_of", lang, n="—" if n is None else format_number(n, lang),
                                                        N=format_number(group["N"], lang))}
            for section in questionnaire.dimensions:
                e = group.get("dimensions", {}).get(section.id) or {}
                hidden = e.get("suppressed") or e.get("estimate") is None
                masked = masked or bool(hidden and (n or 0) >= min_n)
                row[questionnaire.t(section.label, lang).split(" – ")[-1]] = "—" if hidden else whole_range(format_estimate(
                    e["estimate"], (e["ci_low"], e["ci_high"]) if e.get("ci_low") is not None else None, lang))
            rows.append(row)
    return rows, masked


MIME = {".yaml": "application/yaml", ".csv": "text/csv", ".pdf": "application/pdf"}


def publication(report: dict[str, Any], questionnaire: Any, publisher: str, url: str, lang: str
                ) -> tuple[list[tuple[str, bytes, str]], list[str]]:
    """The files ``maturity campaign publish`` writes (the core's :func:`maturity.publish.publish`, into a
    temporary folder), as (name, bytes, mime) for the download buttons; or the problems that stop it."""
    import tempfile
    from pathlib import Path

    from maturity.errors import InvalidInput
    from maturity.publish import publish

    with tempfile.TemporaryDirectory() as tmp:
        try:
            paths = publish(report, Path(tmp), questionnaire=questionnaire, publisher=publisher,
                            url=url, lang=lang)
        except InvalidInput as exc:
            return [], [str(p) for p in exc.problems]
        return [(p.name, p.read_bytes(), MIME.get(p.suffix, "application/octet-stream")) for p in paths], []


# --- invitations and the import of a published reference -----------------------------------------------

def app_address(page_url: str | None, configured: str | None = None) -> str:
    """The start of every invitation link: ``MATURITY_PUBLIC_URL`` when set, else the address this page
    was opened at without the page's name, query or fragment (``https://x.be/campagnes?lang=de`` →
    ``https://x.be``); "" when neither is known."""
    from .names import app_address as address

    return address((configured or "").strip() or page_url)


def commune_label(nis_code: str, lang: str) -> str:
    """"Eupen (Liège)": a commune in the pickers, its province in the page's language."""
    from maturity.communes import get

    commune = get(nis_code)
    if commune is None:
        return nis_code
    return f"{commune.display_name} ({commune.province_name(lang)})"


def links_text(rows: list[dict[str, str]], lang: str) -> str:
    """The links just made as lines to copy, "Eupen (Lüttich) : https://…" (the province in the page's
    language; the file keeps its own, French). Text, not links: in a table each was a link, and a click to
    try one left the page, where links are shown once, for the commune's own space (trial 7)."""
    from maturity.communes import get

    def province(row: dict[str, str]) -> str:
        commune = get(row["nis_code"])
        return commune.province_name(lang) if commune else row["province"]

    colon = " : " if lang == "fr" else ": "
    return "\n".join(f"{r['commune']} ({province(r)}){colon}{r['link']}" for r in rows)
