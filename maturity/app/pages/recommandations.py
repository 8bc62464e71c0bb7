"""Recommandations: what to do first, and every download (sheet PDF/DOCX/Markdown, PST CSV, scores, answers)."""

import streamlit as st

from maturity import sheet
from maturity.app import logic, roadmap, session, team
from maturity.app.texts import tr
from maturity.markdown import escape
from maturity.recommendations import check_first, reasons, select
from maturity.scoring import score

lang = session.lang()
found = session.require_space("nav_recommendations")
if found is None:
    st.stop()
q, doc = found
name = session.commune_of(doc, lang)
assessment = score(q, doc.answers)
# a team's topics for the Collège (who answered what) as the answers are now, not as the meeting page last saw them
team.brought_up_to_date(q, doc, lang)

st.title(tr("recs_title", lang, name=name))
st.caption(tr("recs_intro", lang))

st.header(tr("downloads_header", lang))
st.caption(tr("dl_help", lang) + " " + tr("pst_explained", lang))
# who answered, named under the sheet's title: asked only on the team page, a commune answering alone gave
# the Collège a sheet that named nobody (fresh-eyes trial 14). The team page's field, under a key of its own:
# one key for two widgets showed a blank field on the page switched to (Streamlit keeps the key, not its value)
if "sheet_role" not in st.session_state:
    st.session_state["sheet_role"] = (doc.respondent or {}).get("role") or ""
st.text_input(tr("sheet_role_label", lang), max_chars=80, key="sheet_role",
              placeholder=tr("team_role_placeholder", lang), help=tr("sheet_role_help", lang),
              on_change=lambda: team.set_own_role(st.session_state.get("sheet_role") or ""))
reads = session.comparison_reads()
series, _regional_note, _history, previous = session.comparison_series(q, doc, assessment, lang, reads)
kwargs = logic.sheet_kwargs(q, series, previous, lang, reads[1])  # the imported campaigns: its obstacles column


def build(fmt: str) -> bytes:
    return sheet.build(q, doc, lang, fmt, assessment=assessment, **kwargs)


# buttons as wide as their label, wrapping to the next line when needed: no label is ever cut
row = st.container(horizontal=True, key="downloads")
row.download_button(tr("dl_pdf", lang), data=lambda: build("pdf"), file_name=logic.download_name("pdf", lang, name),
                    mime="application/pdf", on_click="ignore", key="dl_pdf", type="primary",
                    icon=":material/picture_as_pdf:")
row.download_button(tr("dl_docx", lang), data=lambda: build("docx"), file_name=logic.download_name("docx", lang, name),
                    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    on_click="ignore", key="dl_docx", icon=":material/edit_document:")
row.download_button(tr("dl_pst", lang), data=lambda: build("csv"), file_name=logic.download_name("pst", lang, name),
                    mime="text/csv", on_click="ignore", key="dl_pst", icon=":material/table:")
row2 = st.container(horizontal=True, key="downloads_more")
row2.download_button(tr("dl_scores", lang), data=lambda: logic.scores_csv(q, assessment, lang, name),
                     file_name=logic.download_name("scores", lang, name), mime="text/csv", on_click="ignore", key="dl_scores",
                     icon=":material/table_chart:")
row2.download_button(tr("dl_answers", lang), data=lambda: logic.answers_json_bytes(doc),
                     file_name=logic.download_name("answers", lang, name), mime="application/json", on_click="ignore",
                     key="dl_answers", icon=":material/data_object:")
row2.download_button(tr("dl_md", lang), data=lambda: build("md"), file_name=logic.download_name("md", lang, name),
                     mime="text/markdown", on_click="ignore", key="dl_md", icon=":material/article:")

roadmap.roadmap_section(q, doc, lang)

selected = select(q, assessment, doc.answers)
# the list gets a heading of its own: after the roadmap's table, on a phone, its first card read as part of it
st.header(tr("recs_list_header", lang))
if not selected:
    st.info(tr("recs_none", lang))
else:
    st.caption(tr("recs_list_help", lang, n=len(selected)))
for sel in selected:
    rec = sel.recommendation
    with st.container(border=True):
        st.subheader(q.t(rec.title, lang))
        st.caption(tr("priority", lang, p=rec.priority))
        if because := reasons(q, sel, lang):  # what made it apply, from the commune's answers (the sheet says it too)
            st.markdown(escape(because))
        if check := check_first(q, sel, lang):  # it rests on « je ne sais pas »: said before why it applies
            st.info(escape(check), icon=":material/help:")
        st.markdown(q.t(rec.text, lang))
        st.markdown(f"**{tr('actions', lang)}**")
        roadmap.pick_buttons(q, doc, rec, sel.dimension, lang)
        if rec.resources:
            st.markdown(f"**{tr('resources', lang)}**")
            st.markdown("\n".join(f"- [{q.t(r.label, lang)}]({r.url})" for r in rec.resources))
