"""Answering as a team through AppTest: invitations, a colleague's link, the consensus meeting."""

from __future__ import annotations

from conftest import MINI, PAGES, goto, new_app, started
from google.protobuf import text_format
from streamlit.testing.v1 import AppTest

from maturity.storage import Store


def _everything(at: AppTest) -> str:
    """Every text a page shows (titles, markdown, captions, tables, codes, widget labels and values)."""
    parts: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(text_format.MessageToString(proto, as_utf8=True))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    parts += [t.value.to_string() for t in at.table]  # a table's cells travel as Arrow bytes
    parts += [t.value.to_string() for t in at.dataframe]
    return "\n".join(parts)


def member_app(member_token: str, page: str = "questionnaire") -> AppTest:
    at = new_app()
    at.query_params["m"] = member_token
    at.switch_page(f"{PAGES}/{page}.py").run()
    assert not at.exception, at.exception
    return at


def _invite(at: AppTest, role: str) -> str:
    at.text_input(key="team_role").input(role)
    next(b for b in at.button if "Créer son lien" in b.label).click().run()
    assert not at.exception, at.exception
    link = at.session_state["_team_new_link"]
    assert link[0] == role and "/questionnaire?m=" in link[1]
    return link[1].split("?m=")[1]


def test_the_holder_invites_and_a_colleague_answers_their_own_sections(mini, store: Store):
    at = started()
    holder = at.session_state["token"]
    goto(at, "equipe")
    a = _invite(at, "échevin")
    assert any(a in c.value for c in at.code)  # the link is shown (once)
    member = member_app(a)
    assert any("échevin" in i.value for i in member.info)
    member.radio(key="ans_a1").set_value("full").run()
    member.text_area(key="note_a1").input("secret-note-of-échevin").run()
    assert store.load_member(a).answers == {"a1": "full"}
    assert store.load_space(holder).draft["answers"] == {}  # the holder's draft is not touched
    # the parts' pickers (the holder's invitation, the colleague's own) have no « Select all », Streamlit's English
    # first option on a French page (fresh-eyes trial, Ciney); empty already means the whole questionnaire
    assert not at.multiselect(key="team_sections").proto.select_all
    assert not member.multiselect(key="team_my_sections").proto.select_all
    # the colleague chooses the parts they answer: the step list follows
    member.multiselect(key="team_my_sections").set_value(["beta"]).run()
    assert len(next(s for s in member.selectbox if str(s.key).startswith("step_pick_")).options) == 1
    assert "Beta" in next(s for s in member.selectbox if str(s.key).startswith("step_pick_")).options[0]
    assert store.load_member(a).sections == ["beta"]
    # no file, no deletion, no resume link of the space for a colleague
    assert not [b for b in member.button if b.key == "delete_space"]
    assert holder not in _everything(member)


def test_a_colleague_link_never_shows_another_colleagues_answers(mini, store: Store):
    at = started()
    holder = at.session_state["token"]
    a = store.invite_member(holder, "échevin")
    b = store.invite_member(holder, "CPAS")
    store.save_member_answer(b, "a1", "none")
    store.save_member_note(b, "a1", "secret-note-of-CPAS")
    store.save_member_answer(b, "who", "secret-text-of-CPAS")
    store.save_answer(holder, "b1", "o2")
    store.save_note(holder, "b1", "secret-note-of-holder")
    for page in ("questionnaire", "equipe", "resultats", "recommandations", "accueil", "wallonie"):
        member = member_app(a, page)
        shown = _everything(member)
        assert "secret-note-of-CPAS" not in shown and "secret-text-of-CPAS" not in shown, page
        assert "secret-note-of-holder" not in shown and holder not in shown and b not in shown, page
        assert "CPAS" not in shown, page
    # the same helper does see B's answers where they belong: on the holder's meeting page
    store.save_member_answer(a, "a1", "full")
    assert "secret-note-of-CPAS" in _everything(goto(at, "equipe"))
    # the questionnaire of colleague A shows A's own answers, not B's
    member = member_app(a)
    assert member.radio(key="ans_a1").value == "full"
    # a wrong colleague link opens nothing
    stranger = member_app("x" * 43)
    assert any("ne correspond à aucune équipe" in w.value for w in stranger.warning)


def test_the_consensus_meeting_shows_divergences_and_decides(mini, store: Store):
    at = started()
    holder = at.session_state["token"]
    roles = ["échevin", "directeur général", "CPAS", "mobilité"]
    tokens = [store.invite_member(holder, r) for r in roles]
    for tok, (a1, b1, note) in zip(tokens, [("full", "o1", "PST voté"), ("none", "o1", ""), ("half", "o1", ""),
                                            ("some", "na", "")], strict=True):
        store.save_member_answer(tok, "a1", a1)
        store.save_member_answer(tok, "b1", b1)
        if note:
            store.save_member_note(tok, "a1", note)
    goto(at, "equipe")
    shown = _everything(at)
    assert "PST voté" in shown and "directeur général" in shown
    # divergent first: a1 (spread 1) and b1 ("na" beside real answers)
    assert at.radio(key="fin_a1") is not None and at.radio(key="fin_b1") is not None
    at.radio(key="fin_a1").set_value("half").run()
    at.text_input(key="why_a1").input("Le plan est adopté mais pas évalué").run()
    assert store.load_space(holder).draft["answers"]["a1"] == "half"
    assert store.decisions(holder) == {"a1": "Le plan est adopté mais pas évalué"}
    at.button(key="team_apply_all").click().run()
    draft = store.load_space(holder).draft
    assert draft["answers"]["a1"] == "half"  # a decision is kept
    assert draft["answers"]["b1"] == "o1"  # the proposal
    assert draft["respondent"]["team"] == roles
    assert [d["question"] for d in draft["divergent"]] == ["a1", "b1"]
    assert "a1" not in draft["notes"]  # a colleague's note is the Collège's only when kept in so many words
    at.button(key="keep_notes_a1").click().run()
    assert store.load_space(holder).draft["notes"]["a1"] == "échevin: PST voté"
    # results: each respondent's shape by role, and the spread per dimension
    goto(at, "resultats")
    tables = [str(t.value) for t in at.table]
    assert any("mobilité" in t and "Écart" in t for t in tables)
    # the team's table has a column per colleague, headed by their role: in a narrow column (a phone) its rows
    # as a list instead, each score next to the role; the results table has no colleague's column (it had them
    # too: each colleague's scores shown twice, team trial)
    lists = [m.value for m in at.markdown if m.value.startswith("- **")]
    assert any("mobilité\u00a0: " in m and "Écart" in m for m in lists), lists
    assert not any("Votre score\u00a0: " in m and "mobilité\u00a0: " in m for m in lists), lists


def test_the_team_table_never_reads_a_date_or_a_role_as_markdown():
    """st.table reads cells as Markdown: "26. November 2026" (German) was drawn as a list item numbered 26."""
    from datetime import UTC, datetime
    from types import SimpleNamespace

    from maturity.app import team_logic
    from maturity.questionnaire import load_questionnaire

    q = load_questionnaire()
    member = SimpleNamespace(role="1. **Schöffe**", sections=None, answers={"x": "a"}, notes={},
                             updated_at=datetime(2026, 11, 26, 22, 0, tzinfo=UTC))
    [row] = team_logic.member_rows(q, [member], "de")
    assert row["Zuletzt gespeichert"] == "26\\. November 2026"
    assert row["Rolle"] == "1\\. \\*\\*Schöffe\\*\\*"
    [row] = team_logic.member_rows(q, [member], "fr")
    assert row["Dernier enregistrement"] == "26 novembre 2026"


HOSTILE_ROLE = "**DG** [x](https://evil.example)"
ESCAPED_ROLE = "\\*\\*DG\\*\\* \\[x\\]\\(https&NoBreak;://evil.example)"


def _no_markup(texts: list[str]) -> None:
    """No text the page draws as Markdown holds the role's marks unescaped (a bold, a link)."""
    for text in texts:
        assert "**DG**" not in text and "[x](" not in text, text


def test_a_role_is_shown_as_typed_wherever_the_pages_read_markdown(mini, store: Store):
    """A role is free text: the link message, the colleague's banner, the meeting's table and the results'
    tables (their column headers too) read Markdown, where "**DG** [x](…)" was a bold and a link."""
    at = started()
    holder = at.session_state["token"]
    goto(at, "equipe")
    a = _invite(at, HOSTILE_ROLE)
    assert any(ESCAPED_ROLE in s.value for s in at.success), [s.value for s in at.success]
    _no_markup([s.value for s in at.success])
    member = member_app(a)
    assert any(ESCAPED_ROLE in i.value for i in member.info)
    _no_markup([i.value for i in member.info])
    member.radio(key="ans_a1").set_value("full").run()
    member.text_area(key="note_a1").input("voir [le site](https://evil.example)").run()
    b = store.invite_member(holder, "CPAS")
    store.save_member_answer(b, "a1", "none")
    goto(at, "equipe")
    meeting = [t.value for t in at.table]
    cells = [str(v) for table in meeting for v in table.to_numpy().ravel()]
    assert ESCAPED_ROLE in cells and "voir \\[le site\\]\\(https&NoBreak;://evil.example)" in cells, cells
    _no_markup(cells)
    goto(at, "resultats")
    assert not at.exception
    shown = [str(v) for t in at.table for v in [*t.value.columns, *t.value.to_numpy().ravel()]]
    assert ESCAPED_ROLE in shown, shown
    _no_markup(shown + [m.value for m in at.markdown])


def test_a_colleagues_note_reaches_the_sheet_only_when_the_holder_keeps_it(mini, store: Store):
    """Ciney's directrice générale wrote « Entre nous : le bourgmestre bloque », told that only the holder sees
    her answers; « Garder toutes les propositions » made it a note of the commune, printed for the Collège in the
    DOCX and the Markdown (fresh-eyes trial). The button keeps answers; a question's notes are kept by their own
    button, which says where they go, and the colleague is told a note reaches the sheet only that way."""
    from datetime import date

    from maturity.app import logic
    from maturity.questionnaire import load_questionnaire
    from maturity.sheet import build_content

    at = started()
    holder = at.session_state["token"]
    dg = store.invite_member(holder, "directrice générale")
    eco = store.invite_member(holder, "éco-conseiller")
    store.save_member_answer(dg, "a1", "full")
    store.save_member_note(dg, "a1", "Entre nous : le bourgmestre bloque")
    store.save_member_answer(eco, "a1", "none")
    store.save_member_note(eco, "a1", "Le PAEDC date de 2015")
    goto(at, "equipe")
    at.button(key="team_apply_all").click().run()
    assert not at.exception, at.exception
    draft = store.load_space(holder).draft
    assert draft["answers"]["a1"] == "none" and draft.get("notes", {}) == {}
    q = load_questionnaire(MINI)
    content = build_content(q, logic.document_of(draft, q), "fr", generated=date(2026, 12, 1))
    assert not content.notes and not content.more_notes
    assert at.button(key="team_apply_all").disabled  # every proposal kept: the notes are not its business
    keep = at.button(key="keep_notes_a1")
    assert keep.label == "Reprendre ces notes dans la fiche du Collège"
    assert "fiche remise au Collège" in keep.help
    keep.click().run()
    notes = store.load_space(holder).draft["notes"]
    assert notes == {"a1": "directrice générale: Entre nous : le bourgmestre bloque\néco-conseiller: Le PAEDC date de 2015"}
    assert not [b for b in at.button if b.key == "keep_notes_a1"]  # kept: nothing left to keep there
    banner = next(i.value for i in member_app(dg).info if "directrice générale" in i.value)
    assert "Une note n'entre dans la fiche remise au Collège que si cette personne l'y reprend." in banner


def test_a_colleagues_page_elides_que_before_a_role_starting_with_a_vowel(mini, store: Store):
    """Ciney's colleagues read « Vous répondez en tant que agent mobilité » and « en tant que éco-conseiller »
    (fresh-eyes trial): French writes « qu'agent », « qu'éco-conseiller », and « que directrice générale »."""
    at = started()
    holder = at.session_state["token"]
    said = {}
    for role in ("agent mobilité", "éco-conseiller", "directrice générale", "Échevine"):
        member = member_app(store.invite_member(holder, role))
        said[role] = next(i.value for i in member.info if "Vous répondez" in i.value)
    assert said["agent mobilité"].startswith("Vous répondez en tant qu'**agent mobilité** pour ")
    assert said["éco-conseiller"].startswith("Vous répondez en tant qu'**éco-conseiller** pour ")
    assert said["directrice générale"].startswith("Vous répondez en tant que **directrice générale** pour ")
    assert said["Échevine"].startswith("Vous répondez en tant qu'**Échevine** pour ")


def test_the_meeting_leaves_out_a_question_the_final_answers_hide(mini, store: Store):
    """Ciney's agent mobilité answered the triggers of a Smart City approach the final answers say is « Non »: the
    meeting read « Réponses finales 56 / 57 », one short for ever, and « Garder toutes les propositions » stored an
    answer to a question the assessment hides (fresh-eyes trial). Here a4 shows only when a2 is « yes »."""
    at = started()
    holder = at.session_state["token"]
    store.save_answer(holder, "a2", "no")
    colleague = store.invite_member(holder, "mobilité")
    store.save_member_answer(colleague, "a2", "yes")
    store.save_member_answer(colleague, "a4", "yes")
    store.save_member_answer(colleague, "b1", "o1")
    goto(at, "equipe")
    at.toggle(key="team_show_all").set_value(True).run()
    assert next(m for m in at.metric if m.label == "Réponses finales").value == "1 / 2"  # a2 and b1, not a4
    assert "fin_a2" in at.session_state and "fin_a4" not in at.session_state  # a4's block, its final answer, not shown
    at.button(key="team_apply_all").click().run()
    assert "a4" not in store.load_space(holder).draft["answers"]
    assert next(m for m in at.metric if m.label == "Réponses finales").value == "2 / 2"
    assert at.button(key="team_apply_all").disabled
    # the proposal for a2 kept (no final answer yet): its follow-up a4 shows, and is kept in the same click
    store.save_answer(holder, "a2", None)
    goto(at, "equipe")
    at.button(key="team_apply_all").click().run()
    answers = store.load_space(holder).draft["answers"]
    assert answers["a2"] == "yes" and answers["a4"] == "yes"
    assert next(m for m in at.metric if m.label == "Réponses finales").value == "3 / 3"


def test_a_divergence_settled_at_the_meeting_stays_in_its_place_for_its_reason(mini, store: Store):
    """Ciney's échevine kept the proposal on the PAEDC question: her final answer joined the colleagues', the
    question was no longer divergent and its block vanished; the next question moved up under her cursor, and the
    reason she typed, « Le référent énergie est en place depuis 2024 », was kept for it (fresh-eyes trial). The
    block stays where it was, now « accord », its reason field there."""
    at = started()
    holder = at.session_state["token"]
    store.save_answer(holder, "a1", "none")
    store.save_answer(holder, "b1", "o0")
    for role in ("directrice générale", "éco-conseiller"):
        tok = store.invite_member(holder, role)
        store.save_member_answer(tok, "a1", "full")
        store.save_member_answer(tok, "b1", "o2")
    goto(at, "equipe")
    assert next(m for m in at.metric if m.label == "Questions divergentes").value == "2"
    at.button(key="keep_a1").click().run()
    assert store.load_space(holder).draft["answers"]["a1"] == "full"
    assert next(m for m in at.metric if m.label == "Questions divergentes").value == "1"
    assert any("accord" in c.value for c in at.caption)  # a1's block, still there, says so
    at.text_input(key="why_a1").input("Le référent énergie est en place depuis 2024").run()
    assert store.decisions(holder) == {"a1": "Le référent énergie est en place depuis 2024"}
    assert at.text_input(key="why_b1").value == ""


def test_the_final_answers_count_only_the_questions_colleagues_answered(mini, store: Store):
    """The holder had answered everything, one colleague one question: the meeting read "Réponses finales
    3 / 1" (every final answer over the questions colleagues answered)."""
    at = started()
    holder = at.session_state["token"]
    for qid, value in (("a1", "full"), ("a2", "yes"), ("b1", "o1")):
        store.save_answer(holder, qid, value)
    colleague = store.invite_member(holder, "CPAS")
    store.save_member_answer(colleague, "b2", "o2")
    goto(at, "equipe")
    decided = next(m for m in at.metric if m.label == "Réponses finales")
    assert decided.value == "0 / 1"
    at.button(key="team_apply_all").click().run()
    decided = next(m for m in at.metric if m.label == "Réponses finales")
    assert decided.value == "1 / 1"


def test_keep_every_proposal_is_greyed_once_nothing_is_left_to_keep(mini, store: Store):
    """Sankt Vith's meeting (fresh-eyes trial 10): 43 / 43 final answers, and « Alle noch offenen Vorschläge
    übernehmen » stood there to be clicked, doing nothing. It is greyed once no proposal and no note is left."""
    at = started()
    holder = at.session_state["token"]
    tok = store.invite_member(holder, "directeur général")
    store.save_member_answer(tok, "a1", "full")
    store.save_member_note(tok, "a1", "PST voté")
    goto(at, "equipe")
    assert not at.button(key="team_apply_all").disabled
    at.button(key="team_apply_all").click().run()
    assert store.load_space(holder).draft["answers"]["a1"] == "full"
    assert at.button(key="team_apply_all").disabled
    # a colleague's answer given since is a proposal to keep again
    store.save_member_answer(tok, "b1", "o1")
    goto(at, "equipe")
    assert not at.button(key="team_apply_all").disabled


def test_one_colleague_alone_is_not_a_team_that_agrees(mini, store: Store):
    """With one respondent the meeting said "Aucune divergence : l'équipe s'accorde sur toutes les
    questions": there was nobody to disagree with."""
    at = started()
    holder = at.session_state["token"]
    first = store.invite_member(holder, "CPAS")
    store.save_member_answer(first, "a1", "full")
    goto(at, "equipe")
    assert not any("s'accorde" in s.value for s in at.success)
    assert any("Un seul collègue a répondu" in i.value for i in at.info)
    second = store.invite_member(holder, "mobilité")
    store.save_member_answer(second, "a1", "full")
    goto(at, "equipe")
    assert any("sur chaque question, les réponses sont à moins" in s.value for s in at.success)
    assert not any("Un seul collègue" in i.value for i in at.info)


def test_a_colleague_who_pastes_their_link_on_the_home_page_gets_their_answers(mini, store: Store):
    """"Reprendre un bilan" with a colleague's own link (or its code) said "Ce lien de reprise ne
    correspond à aucun bilan (lien incomplet ou bilan supprimé)", as if their answers were lost."""
    at = started()
    holder = at.session_state["token"]
    colleague = store.invite_member(holder, "CPAS")
    store.save_member_answer(colleague, "a1", "full")
    for pasted in (f"https://commune.example/questionnaire?m={colleague}", colleague):
        home = new_app()
        home.run()
        home.text_input(key="home_resume").input(pasted)
        home.button(key="home_resume_go").click().run()
        assert not home.exception and not home.error, [e.value for e in home.error]
        assert home.session_state["member_token"] == colleague
        assert any("Vous répondez en tant que **CPAS**" in i.value for i in home.info), [i.value for i in home.info]
        assert holder not in _everything(home)
    # the holder's own code still opens the assessment
    home = new_app()
    home.run()
    home.text_input(key="home_resume").input(holder)
    home.button(key="home_resume_go").click().run()
    assert not home.error and home.session_state["token"] == holder


def test_the_meeting_counts_the_holders_own_answers_as_a_view(mini, store: Store):
    """Gesves's échevine answered everything, her directrice générale differed on 14 questions: the meeting said
    « Questions divergentes 0 » (« Un seul collègue a répondu : rien à comparer »), her own answers being no view
    (fresh-eyes trial). They are now one view among the team's, first, named « Vous (échevine) »: the divergence
    shows, with the colleague's proposal, and once settled the team agrees."""
    at = started()
    holder = at.session_state["token"]
    store.save_answer(holder, "a1", "none")
    store.save_answer(holder, "a2", "yes")
    store.save_answer(holder, "a3", ["x"])
    dg = store.invite_member(holder, "directrice générale")
    for qid, value in (("a1", "full"), ("a2", "yes"), ("a3", ["x", "y"])):
        store.save_member_answer(dg, qid, value)
    goto(at, "equipe")
    at.text_input(key="team_own_role").input("échevine").run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Répondants"] == "2" and metrics["Questions divergentes"] == "1", metrics
    assert not any("Un seul collègue" in i.value for i in at.info)
    card = at.get("caption")
    assert any("divergente · écart de 100 points sur 100" in c.value.replace("\u00a0", " ") for c in card)
    rows = next(t.value for t in at.table if "Réponse" in t.value.columns)
    # her row is the assessment's answer, the final one: said so (fresh-eyes trial 10: read as her first answer)
    assert rows.iloc[:, :2].values.tolist() == [["Vous (échevine)", "Rien (finale)"], ["directrice générale", "Tout"]]
    assert [r.key for r in at.radio if r.key.startswith("fin_")] == ["fin_a1"]
    assert at.radio(key="fin_a1").value == "none"
    # the sheet's topics name her by her role (a3, 25 points apart, is a small difference: not divergent)
    assert store.load_space(holder).draft["divergent"] == [{"question": "a1", "spread": 1.0, "answers": [
        {"role": "échevine", "answer": "none"}, {"role": "directrice générale", "answer": "full"}]}]
    assert store.load_space(holder).draft["respondent"] == {"team": ["directrice générale"], "role": "échevine"}
    # she keeps her colleague's answer: settled, nothing diverges any more; a3 still differs a little
    at.button(key="keep_a1").click().run()
    assert not at.exception, at.exception
    assert store.load_space(holder).draft["answers"]["a1"] == "full"
    goto(at, "equipe")
    assert {m.label: m.value for m in at.metric}["Questions divergentes"] == "0"
    box = next(i.value for i in at.info if "Aucune divergence" in i.value)
    assert "1 de vos propres réponses diffère pourtant des propositions" in box, box
    # once decided, her row shows the decided answer, marked final, in each language
    at.toggle(key="team_show_all").set_value(True).run()
    for lang, rows in (("fr", [["Vous (échevine)", "Tout (finale)"], ["directrice générale", "Tout"]]),
                       ("de", [["Sie selbst (échevine)", "Tout (endgültig)"], ["directrice générale", "Tout"]]),
                       ("en", [["You (échevine)", "Tout (final)"], ["directrice générale", "Tout"]])):
        at.session_state["lang"] = lang
        at.run()
        tables = [t.value.iloc[:, :2].values.tolist() for t in at.table if t.value.shape[1] == 3]
        assert tables[0] == rows, (lang, tables)
    assert store.load_space(holder).draft["divergent"] == []


def test_a_question_one_colleague_alone_answered_is_not_called_an_agreement(mini, store: Store):
    """Gesves's meeting, « Montrer aussi les questions … » on: every question only the directrice générale
    answered read « accord · écart de 0 point sur 100 », the échevine's own different answer selected below
    (fresh-eyes trial 9). It now says one colleague alone answered; two who agree still read « accord »."""
    at = started()
    holder = at.session_state["token"]
    first = store.invite_member(holder, "directrice générale")
    store.save_member_answer(first, "a1", "full")
    goto(at, "equipe")
    at.toggle(key="team_show_all").set_value(True).run()
    card = " ".join(c.value for c in at.get("caption") if "·" in c.value)
    assert "un seul collègue a répondu : rien à comparer" in card.replace("\u00a0", " "), card
    assert "accord" not in card and "écart de 0 point" not in card, card
    store.save_answer(holder, "a1", "full")  # the holder's own answer, the same: a view that agrees
    goto(at, "equipe")
    at.toggle(key="team_show_all").set_value(True).run()
    card = " ".join(c.value for c in at.get("caption") if "·" in c.value)
    assert "accord · écart de 0 point sur 100" in card.replace("\u00a0", " "), card
    store.save_member_answer(store.invite_member(holder, "CPAS"), "a1", "full")
    goto(at, "equipe")
    at.toggle(key="team_show_all").set_value(True).run()
    card = " ".join(c.value for c in at.get("caption") if "·" in c.value)
    assert "accord · écart de 0 point sur 100" in card.replace("\u00a0", " "), card


def test_the_meeting_says_the_holders_own_answers_stay_final(mini, store: Store):
    """An échevin who answered alone, then invited colleagues, found every divergent question's final answer
    already set to their own, with nothing saying why."""
    at = started()
    holder = at.session_state["token"]
    store.save_answer(holder, "a1", "none")
    for role, value in (("CPAS", "full"), ("mobilité", "none")):
        store.save_member_answer(store.invite_member(holder, role), "a1", value)
    goto(at, "equipe")
    assert at.radio(key="fin_a1").value == "none"  # the holder's own answer is the final one
    assert any("la vôtre, si vous avez répondu vous-même" in c.value for c in at.caption)


def test_the_holder_may_take_the_teams_proposals_in_place_of_their_own_earlier_answers(mini, store: Store):
    """An échevin who answered alone before inviting colleagues kept their own answers as the final ones, with no
    way but one question at a time to take the team's proposals instead: now one confirmed click."""
    at = started()
    holder = at.session_state["token"]
    store.save_answer(holder, "a1", "none")
    store.save_answer(holder, "a2", "yes")
    for role in ("CPAS", "mobilité"):
        colleague = store.invite_member(holder, role)
        store.save_member_answer(colleague, "a1", "full")
        store.save_member_answer(colleague, "a2", "yes")  # the same as the holder's: nothing to replace
    goto(at, "equipe")
    at.toggle(key="team_show_all").set_value(True).run()  # the team agrees: a1 is not divergent
    assert at.radio(key="fin_a1").value == "none"
    assert [e.label for e in at.expander if "diffère" in e.label] == [
        "1 réponse finale diffère de la proposition de l'équipe"]
    replace = at.button(key="team_replace")
    assert replace.disabled  # not without saying so
    at.checkbox(key="team_replace_sure").check().run()
    at.button(key="team_replace").click().run()
    assert not at.exception
    assert store.load_space(holder).draft["answers"] == {"a1": "full", "a2": "yes"}
    assert at.radio(key="fin_a1").value == "full"
    assert not [e for e in at.expander if "diffère" in e.label]  # nothing left that differs


def test_a_colleague_counts_their_own_parts_and_is_told_when_they_are_done(mini, store: Store):
    """Eupen's Generaldirektor, his four parts all answered, read "31 von 56 Fragen beantwortet" over a
    half-full bar and no word that he was done (fresh-eyes trial 8): the count is over his parts, and
    a line says he may close the page."""
    at = started()
    goto(at, "equipe")
    a = _invite(at, "directeur général")
    member = member_app(a)
    member.multiselect(key="team_my_sections").set_value(["beta"]).run()
    progress = " ".join(p.proto.text for p in member.get("progress"))
    assert "0 question répondue sur 3 dans vos parties" in progress, progress
    assert not member.success
    member.radio(key="ans_b1").set_value("o1").run()
    member.radio(key="ans_b2").set_value("o2").run()
    member.number_input(key="ans_b_count").set_value(4).run()
    assert not member.exception, member.exception
    progress = " ".join(p.proto.text for p in member.get("progress"))
    assert "3 questions répondues sur 3 dans vos parties" in progress, progress
    assert any("Vos parties sont toutes répondues" in s.value for s in member.success)


def test_colleagues_on_different_parts_are_not_a_team_that_agrees(mini, store: Store):
    """Eupen: the Generaldirektor answered alpha, the Umweltberaterin beta, the Schöffe alpha himself before
    inviting them; the meeting said « Keine Abweichung: Das Team stimmt bei allen Fragen überein » while his
    answers stood 25 points from his colleague's (fresh-eyes trial 8). Nothing compared: it says so; his own
    answers a little apart from the proposals (a wide difference is a divergence): it names them."""
    at = started()
    holder = at.session_state["token"]
    store.save_answer(holder, "b2", "o2")  # a question no colleague answered
    store.save_member_answer(store.invite_member(holder, "directeur général"), "a1", "none")
    store.save_member_answer(store.invite_member(holder, "conseillère environnement"), "b1", "o1")
    goto(at, "equipe")
    shown = [i.value for i in at.info] + [s.value for s in at.success]
    assert not any("l'équipe s'accorde" in text for text in shown), shown
    assert any("Aucune question n'a reçu deux réponses (les vôtres comprises)" in text for text in shown), shown
    store.save_answer(holder, "a1", "some")  # 25 points from the Generaldirektor's
    goto(at, "equipe")
    shown = [i.value for i in at.info] + [s.value for s in at.success]
    assert not any("s'accorde" in s.value for s in at.success), shown
    assert any("Aucune divergence" in text and "1 de vos propres réponses diffère" in text for text in shown), shown
    # « l'équipe s'accorde sur toutes les questions » beside an answer that differs read as a contradiction (Amel,
    # fresh-eyes trial 15): the line says what « divergence » means, as the text above the meeting defines it
    assert not any("s'accorde" in text for text in shown), shown
    assert any("les réponses sont à moins d'une demi-échelle" in text for text in shown), shown


def test_the_spread_table_has_the_holders_own_column_beside_the_colleagues(mini, store: Store):
    """Eupen's Schöffe answered two parts himself, then invited colleagues: « Die Sichtweisen des Teams » had a
    column for the Generaldirektor and one for the Umweltberaterin, none for him, and « Abstand — » on a dimension
    where his 100 stood beside his Generaldirektor's 0 (closing review 7). His column comes first, named as the
    holder with his role, and counts in the spread; a colleague's link shows none of it."""
    at = started()
    holder = at.session_state["token"]
    store.save_answer(holder, "a1", "full")
    store.save_answer(holder, "a2", "yes")
    dg = store.invite_member(holder, "directeur général")
    store.save_member_answer(dg, "a1", "none")
    store.save_member_answer(dg, "a2", "no")
    store.save_member_answer(store.invite_member(holder, "conseillère environnement"), "b1", "o1")
    goto(at, "resultats")
    table = next(t.value for t in at.table if "Écart (points)" in t.value.columns)
    assert list(table.columns) == ["Dimension", "Vous", "directeur général", "conseillère environnement",
                                   "Écart (points)"]
    alpha = table[table["Dimension"] == "Alpha"].iloc[0]
    assert (alpha["Vous"], alpha["directeur général"], alpha["Écart (points)"]) == ("100", "0", "100")
    assert any("«\u00a0Vous\u00a0»\u00a0: les réponses de l'évaluation elle-même" in c.value for c in at.caption)
    # each colleague's scores once: in this table, not again as columns of « Les chiffres » (team trial, Ciney)
    numbers = [t.value for t in at.table if "Niveau" in t.value.columns and "Dimension" in t.value.columns]
    assert numbers and all("directeur général" not in t.columns and "conseillère environnement" not in t.columns
                           for t in numbers), [list(t.columns) for t in numbers]
    # the radar's colleagues' shapes stay the colleagues' (the holder's is the commune's own)
    assert not any("Vous" in s.name for s in at.session_state["_results_view"][1].series if s.kind == "respondent")
    # what each series stands for: a colleague is a person, no count of communes (it read « n (communes) : 1 »)
    legend = next(t.value for t in at.table if "Série" in t.value.columns)
    respondents = legend[legend["Nature"] == "répondant de l'équipe"]
    assert len(respondents) == 2 and set(respondents["n (communes)"]) == {"—"}, legend
    # named with the holder's role when the draft has one (as the sheet names them), in German too
    store.save_draft(holder, {**store.load_space(holder).draft, "respondent": {"role": "Schöffe"}})
    at = new_app(holder)
    at.query_params["lang"] = "de"
    at.switch_page(f"{PAGES}/resultats.py").run()
    assert not at.exception, at.exception
    columns = next(t.value for t in at.table if "Abstand (Punkte)" in t.value.columns).columns
    assert list(columns)[1] == "Sie selbst (Schöffe)"
    # a colleague's link: no team table, no holder's column
    member = member_app(dg, "resultats")
    shown = _everything(member)
    assert "Écart (points)" not in shown and "les réponses de l'évaluation elle-même" not in shown


def test_the_holder_gives_their_own_role_and_the_sheet_names_it_before_the_teams(mini, store: Store):
    """Gesves's échevine answered all 57 questions herself, her directrice générale 19: the sheet's header said
    « Réponses d'une équipe : directrice générale », the holder's role being asked nowhere (fresh-eyes trial 9).
    The team page asks it; the draft keeps it; the sheet and the results' team table name it."""
    from datetime import date

    from maturity.app import logic
    from maturity.questionnaire import load_questionnaire
    from maturity.sheet import build_content

    q = load_questionnaire(MINI)
    at = started()
    holder = at.session_state["token"]
    store.save_answer(holder, "a1", "none")
    store.save_member_answer(store.invite_member(holder, "directrice générale"), "a1", "full")
    goto(at, "equipe")
    at.text_input(key="team_own_role").input("échevine").run()
    assert not at.exception, at.exception
    draft = store.load_space(holder).draft
    assert draft["respondent"] == {"team": ["directrice générale"], "role": "échevine"}
    content = build_content(q, logic.document_of(draft, q), "fr", generated=date(2026, 12, 1))
    assert "Réponses d'une équipe : échevine, directrice générale" in content.respondent.replace("\u00a0", " "), \
        content.respondent
    goto(at, "equipe")  # a new visit shows it, and the meeting keeps it
    assert at.text_input(key="team_own_role").value == "échevine"
    assert store.load_space(holder).draft["respondent"]["role"] == "échevine"
    at.text_input(key="team_own_role").input("").run()
    assert "role" not in store.load_space(holder).draft["respondent"]


def test_keeping_every_proposal_never_overwrites_an_answer_given_meanwhile_elsewhere(mini, store: Store):
    """The meeting's « Garder toutes les propositions » decided from the page's own copy: an answer or a note
    the holder gave meanwhile in another tab (the questionnaire open beside the meeting) was overwritten by the
    team's proposal (hostile review 10). The page now reads the draft again first, and says it changed."""
    at = started()
    holder = at.session_state["token"]
    colleague = store.invite_member(holder, "CPAS")
    store.save_member_answer(colleague, "b2", "o2")
    store.save_member_answer(colleague, "a1", "none")
    store.save_member_note(colleague, "a1", "selon le CPAS")
    goto(at, "equipe")
    store.save_answer(holder, "b2", "o1")  # another tab
    store.save_note(holder, "a1", "ma note")
    at.button(key="team_apply_all").click().run()
    assert not at.exception, at.exception
    draft = store.load_space(holder).draft
    assert draft["answers"]["b2"] == "o1" and draft["notes"]["a1"] == "ma note"
    assert any("autre onglet" in i.value for i in at.info)
    at.button(key="team_apply_all").click().run()  # again, on the page that now shows them: the rest is kept
    draft = store.load_space(holder).draft
    assert draft["answers"] == {"b2": "o1", "a1": "none"} and draft["notes"]["a1"] == "ma note"


RLO_NOTE = "voir evil\u202eexe.txt\u202c\x07\x1b[31m fin"


def test_control_characters_and_bidi_overrides_typed_by_a_colleague_are_not_kept(mini, store: Store):
    """A right-to-left override typed in a colleague's note turned the rest of its line around on the holder's
    meeting page (« evil.exe » read « exe.live », the page's own words after it reversed), a control character
    showed as a box (hostile review 10). What a person types is kept without them (typography.typed_text)."""
    at = started()
    holder = at.session_state["token"]
    goto(at, "equipe")
    link = _invite(at, "CPAS\u202e inversé")
    member = member_app(link)
    member.text_area(key="note_a1").input(RLO_NOTE).run()
    profile = new_app()  # the last part: « Qui ? », a text answer
    profile.query_params["m"] = link
    profile.query_params["s"] = "4"
    profile.switch_page(f"{PAGES}/questionnaire.py").run()
    profile.radio(key="ans_approach").set_value("started").run()
    profile.text_input(key="ans_who").input("la\u2066 DG\u2069\x00").run()
    (colleague,) = store.team_answers(holder)
    assert colleague.role == "CPAS inversé"
    assert colleague.notes == {"a1": "voir evilexe.txt[31m fin"}
    assert colleague.answers["who"] == "la DG"
    goto(at, "questionnaire")
    at.text_area(key="note_a1").input("ma note\r\n\u202ea l'envers").run()  # the holder's own, the same
    assert store.load_space(holder).draft["notes"]["a1"] == "ma note\na l'envers"


def test_a_removed_colleague_who_answers_is_told_their_own_link_is_gone(mini, store: Store):
    """Removed from the team while their page is open, a colleague's next answer is refused with the words for
    their own link (« Ce lien de collègue… »), not a resume link's, which they never had (hostile review 10)."""
    at = started()
    holder = at.session_state["token"]
    token = store.invite_member(holder, "CPAS")
    member = member_app(token)
    member.radio(key="ans_a1").set_value("full").run()
    assert store.load_member(token).answers == {"a1": "full"}
    (colleague,) = store.team_members(holder)
    assert store.remove_member(holder, colleague.id)
    member.radio(key="ans_a1").set_value("none").run()
    assert not member.exception, member.exception
    said = _everything(member)
    assert "Ce lien de collègue ne correspond à aucune équipe" in said and "lien de reprise" not in said


def test_texts_stored_before_they_were_kept_clean_show_clean(mini, store: Store):
    """A draft and a colleague's notes saved before typed text lost its control characters and bidi overrides
    (bfb00ae) showed them as stored in the note field and the meeting (hostile review 10): read as kept now."""
    at = started()
    holder = at.session_state["token"]
    draft = store.load_space(holder).draft
    draft["notes"] = {"a1": "evil\u202eexe.txt\x07"}
    draft["plan"] = [{"id": "a1", "action": "Agir\u202e vite", "owner": "DG\x1b[2J", "year": 2027,
                      "status": "planned"}]
    store.save_draft(holder, draft)
    store.invite_member(holder, "CPAS")
    from maturity.app import logic, team_logic
    from maturity.questionnaire import load_questionnaire

    doc = logic.document_of(store.load_space(holder).draft, load_questionnaire(MINI))
    assert doc.notes == {"a1": "evilexe.txt"}
    assert doc.extra["plan"][0]["action"] == "Agir vite" and doc.extra["plan"][0]["owner"] == "DG[2J"
    (member,) = store.team_members(holder)
    member.notes["a1"] = "avis\u202e inversé"  # as an older version stored it
    (respondent,) = team_logic.respondents([member])
    assert respondent.notes == {"a1": "avis inversé"}


def test_an_invitation_that_makes_no_link_says_why(mini, store: Store):
    """Hostile review 11: the 31st colleague, and a colleague invited from a page whose assessment was deleted in
    another tab, made no link and said nothing: the click emptied the form and the page stayed as it was."""
    at = started()
    holder = at.session_state["token"]
    goto(at, "equipe")
    for i in range(30):
        store.invite_member(holder, f"service {i}")
    at.text_input(key="team_role").input("directeur financier")
    next(b for b in at.button if "Créer son lien" in b.label).click().run()
    assert not at.exception, at.exception
    assert "_team_new_link" not in at.session_state
    said = " ".join(e.value for e in at.error)
    assert "Aucun lien n'a été créé" in said and "déjà 30 collègues" in said, said
    assert len(store.team_members(holder)) == 30

    store.delete_space(holder)  # deleted in another tab
    at.text_input(key="team_role").input("CPAS")
    next(b for b in at.button if "Créer son lien" in b.label).click().run()
    assert not at.exception, at.exception
    assert "_team_new_link" not in at.session_state
    assert any("ne correspond à aucun bilan" in e.value for e in at.error), [e.value for e in at.error]


def test_the_reasons_typed_at_the_meeting_reach_the_answers_file_the_sheet_and_come_back_with_it(mini, store: Store):
    """Ciney's échevine typed « Le PCM date de 2009 ; l'actualisation est prévue avec le GAL » at the meeting: the
    reason was kept beside the decision, but neither the answers file a commune keeps nor the sheet's « Sujets pour
    le Collège » said it (fresh-eyes trial, finding 8). Now the draft's divergent questions carry the meeting's
    reasons (contract §8), a question settled and divergent no more included, and a file uploaded back keeps them,
    in the store too. A colleague's note never takes this path."""
    import json
    from datetime import date

    from maturity.app import logic
    from maturity.questionnaire import load_questionnaire
    from maturity.sheet import build, build_content

    at = started()
    holder = at.session_state["token"]
    store.save_answer(holder, "a1", "none")
    for role, a1, b1, note in (("directrice générale", "full", "o2", "Entre nous : le bourgmestre bloque"),
                               ("éco-conseiller", "full", "o0", "")):
        tok = store.invite_member(holder, role)
        store.save_member_answer(tok, "a1", a1)
        store.save_member_answer(tok, "b1", b1)
        if note:
            store.save_member_note(tok, "b1", note)
    goto(at, "equipe")
    at.radio(key="fin_b1").set_value("o0").run()
    at.text_input(key="why_b1").input("  Le PCM date de 2009 ; l'actualisation est prévue avec le GAL  ").run()
    at.button(key="keep_a1").click().run()  # the holder joins her colleagues: a1 is divergent no more
    at.text_input(key="why_a1").input("Le référent énergie est en place depuis 2024").run()
    assert not at.exception, at.exception
    reasons = {"b1": "Le PCM date de 2009 ; l'actualisation est prévue avec le GAL",
               "a1": "Le référent énergie est en place depuis 2024"}
    assert store.decisions(holder) == reasons
    # the answers file downloaded from the app (Recommandations, Questionnaire: logic.answers_json_bytes)
    written = json.loads(logic.answers_json_bytes(at.session_state["doc"]))
    assert [(d["question"], d.get("reason")) for d in written["divergent"]] == [("b1", reasons["b1"]),
                                                                              ("a1", reasons["a1"])]
    assert written["answers"]["a1"] == "full" and written["answers"]["b1"] == "o0"
    assert store.load_space(holder).draft["divergent"] == written["divergent"]  # the draft says the same
    # the sheet's topic says what was kept and why; the colleague's note is not on the sheet
    q = load_questionnaire(MINI)
    doc = logic.document_of(store.load_space(holder).draft, q)
    content = build_content(q, doc, "fr", generated=date(2026, 12, 1))
    assert content.topics[0][2] == ("Réponse retenue\u00a0: 0 — Pourquoi\u00a0: Le PCM date de 2009 ; "
                                    "l'actualisation est prévue avec le GAL")  # a reason is kept as typed
    assert content.topics[1][2].endswith("Pourquoi\u00a0: Le référent énergie est en place depuis 2024")
    markdown = build(q, doc, "fr", "md", generated=date(2026, 12, 1)).decode()
    assert "Le PCM date de 2009" in markdown and "bourgmestre" not in markdown
    # uploaded back (a new assessment's space, or this one): the reasons come back, in the store too
    goto(at, "questionnaire")
    at.get("file_uploader")[0].upload("bilan.json", logic.answers_json_bytes(at.session_state["doc"]),
                                      "application/json").run()
    store.decide(holder, "b1", "o2", "Une autre raison, avant l'import")
    at.button(key="upload_apply").click().run()
    assert not at.exception, at.exception
    assert store.decisions(holder) == reasons
    assert json.loads(logic.answers_json_bytes(at.session_state["doc"]))["divergent"] == written["divergent"]
    goto(at, "equipe")  # the meeting writes its list again from the store: the same
    assert store.load_space(holder).draft["divergent"] == written["divergent"]
    assert at.text_input(key="why_b1").value == reasons["b1"]


def test_a_reason_stays_with_the_answer_it_was_given_for_when_the_answer_changes_on_the_questionnaire(
        mini, store: Store):
    """The meeting kept « 2 » for b1 with a reason; the holder then answered « 1 » on the questionnaire. The reason
    stayed, and the answers file, the sheet and the meeting page gave it for « 1 » (« Réponse retenue : 1 — Pourquoi :
    Le PCM date de 2009 »). Now the reason keeps the answer it was given for: the sheet says the answer changed since
    the meeting, without it; the meeting page says it for its own answer, with an empty field for the new one."""
    import json
    from datetime import date

    from maturity.app import logic
    from maturity.questionnaire import load_questionnaire
    from maturity.sheet import build_content

    q = load_questionnaire(MINI)
    at = started()
    holder = at.session_state["token"]
    store.save_answer(holder, "b1", "o2")
    for role in ("directrice générale", "éco-conseiller"):
        store.save_member_answer(store.invite_member(holder, role), "b1", "o0")
    goto(at, "equipe")
    at.text_input(key="why_b1").input("Le PCM date de 2009").run()
    assert store.decided(holder) == {"b1": ("Le PCM date de 2009", "o2")}
    goto(at, "questionnaire")
    next(s for s in at.selectbox if str(s.key).startswith("step_pick_")).set_value(1).run()  # Beta
    at.radio(key="ans_b1").set_value("o1").run()
    assert not at.exception, at.exception
    for page in ("questionnaire", "equipe"):  # before the meeting page is drawn again, and after
        goto(at, page)
        written = json.loads(logic.answers_json_bytes(at.session_state["doc"]))
        assert written["answers"]["b1"] == "o1"
        assert [(d["question"], d.get("reason"), d.get("kept")) for d in written["divergent"]] == [
            ("b1", "Le PCM date de 2009", "o2")]  # kept in the file, for the answer it was given for
        doc = logic.document_of(store.load_space(holder).draft, q)
        assert build_content(q, doc, "fr", generated=date(2026, 12, 1)).topics[0][2] == (
            "Réponse retenue en réunion\u00a0: 2 — Réponse actuelle, changée depuis\u00a0: 1")
    # the meeting page: not the new answer's reason; the meeting's said for its own answer
    assert at.text_input(key="why_b1").value == ""
    assert any("qui avait retenu «\u00a02\u00a0» pour cette raison\u00a0: Le PCM date de 2009" in c.value
               for c in at.caption)
    # uploaded back: the reason still goes with « 2 »
    goto(at, "questionnaire")
    at.get("file_uploader")[0].upload("bilan.json", logic.answers_json_bytes(at.session_state["doc"]),
                                      "application/json").run()
    at.button(key="upload_apply").click().run()
    assert not at.exception, at.exception
    assert store.decided(holder) == {"b1": ("Le PCM date de 2009", "o2")}
    # a new decision: a reason typed for « 1 » is the reason of « 1 »
    goto(at, "equipe")
    at.text_input(key="why_b1").input("Le plan est en cours d'actualisation").run()
    assert store.decided(holder) == {"b1": ("Le plan est en cours d'actualisation", "o1")}
    doc = logic.document_of(store.load_space(holder).draft, q)
    assert build_content(q, doc, "fr", generated=date(2026, 12, 1)).topics[0][2] == (
        "Réponse retenue\u00a0: 1 — Pourquoi\u00a0: Le plan est en cours d'actualisation")
    assert not any("qui avait retenu" in c.value for c in at.caption)


def test_a_reason_stored_longer_than_the_contracts_is_said_cut_never_silently(mini, store: Store):
    """The meeting's field took 2,000 characters before the contract's 500 (0475ed6): such a reason, still in the
    store, went into the answers file and onto the sheet cut at 500, and nothing said so. The page now says how long
    it is and what the file keeps; the file's reason ends in « … »; the store keeps it whole until it is changed."""
    import json

    import sqlalchemy as sa

    from maturity.app import logic

    at = started()
    holder = at.session_state["token"]
    store.save_answer(holder, "a1", "none")
    for role in ("directrice générale", "éco-conseiller"):
        store.save_member_answer(store.invite_member(holder, role), "a1", "full")
    store.decide(holder, "a1", "none", "court")
    long = ("Le Collège en a parlé en 2025. " * 70).strip()
    with store.engine.begin() as conn:  # as the field stored it before
        conn.execute(sa.text("UPDATE team_decisions SET reason = :r"), {"r": long})
    goto(at, "equipe")
    warning = next(w.value for w in at.warning if "limite" in w.value)
    assert "2\u202f169 caractères" in warning and "500 caractères terminés par «\u00a0…\u00a0»" in warning
    [entry] = json.loads(logic.answers_json_bytes(at.session_state["doc"]))["divergent"]
    assert len(entry["reason"]) <= 500 and entry["reason"].endswith("…") and entry["reason"][:-1] in long
    assert store.decisions(holder) == {"a1": long}  # whole, until the holder changes it
    at.text_input(key="why_a1").input("Le Collège en a parlé en 2025.").run()
    assert not [w for w in at.warning if "limite" in w.value]


def test_a_reason_typed_just_before_leaving_the_meeting_reaches_the_answers_file(mini, store: Store):
    """A reason is saved when its field loses focus: typed, then a click in the menu, the meeting page is not drawn
    again, and it was there that the draft's divergent questions were written. The decision writes them itself."""
    import json

    from maturity.app import logic

    at = started()
    holder = at.session_state["token"]
    store.save_answer(holder, "a1", "none")
    for role, a1 in (("directrice générale", "full"), ("éco-conseiller", "half")):
        store.save_member_answer(store.invite_member(holder, role), "a1", a1)
    goto(at, "equipe")
    at.text_input(key="why_a1").input("Le plan n'est pas adopté")
    at.switch_page(f"{PAGES}/recommandations.py").run()
    assert not at.exception, at.exception
    assert store.decisions(holder) == {"a1": "Le plan n'est pas adopté"}
    written = json.loads(logic.answers_json_bytes(at.session_state["doc"]))
    assert [(d["question"], d.get("reason")) for d in written["divergent"]] == [("a1", "Le plan n'est pas adopté")]
    assert store.load_space(holder).draft["divergent"] == written["divergent"]


def test_an_obstacle_two_colleagues_see_differently_is_proposed_as_the_bigger_one(mini, store: Store):
    """Waremme (fresh-eyes trial 13): the DG said the budget is a major obstacle, the IT lead that it is none, and
    the meeting proposed « Pas un frein », the lower answer: kept, it dropped the budget recommendation. An obstacle's
    prudent proposal on a tie is the bigger obstacle, and the page says so beside it (contract §8)."""
    at = started()
    holder = at.session_state["token"]
    for role, answer in (("directeur général", "major"), ("informatique", "none")):
        store.save_member_answer(store.invite_member(holder, role), "budget", answer)
    goto(at, "equipe")
    shown = _everything(at)
    assert "Proposition prudente (la réponse du milieu des collègues, le frein le plus fort à égalité)\u00a0: **Majeur**" \
        in shown, shown
    at.button(key="team_apply_all").click().run()
    assert store.load_space(holder).draft["answers"]["budget"] == "major"


def test_a_colleague_who_lost_their_link_gets_a_new_one_and_keeps_their_answers(mini, store: Store):
    """Waremme (fresh-eyes trial 13): a colleague who lost their link could only be removed and invited again,
    which erased their answers. « Nouveau lien pour un collègue » makes a link that opens their answers; the old
    one says it is unknown."""
    at = started()
    holder = at.session_state["token"]
    old = store.invite_member(holder, "directeur général")
    store.save_member_answer(old, "a1", "full")
    goto(at, "equipe")
    at.button(key="team_reissue").click().run()
    links = [c.value for c in at.code]  # in the box clicked, not at the page's top
    assert len(links) == 1 and "directeur général" in _everything(at), _everything(at)
    assert "_team_new_link" not in at.session_state and at.session_state["_team_reissued"][1] == links[0]
    assert any("l'ancien n'ouvre plus rien" in c.value for c in at.caption)
    fresh = links[0].rsplit("=", 1)[-1]
    assert fresh != old and store.load_member(old) is None
    assert store.load_member(fresh).answers == {"a1": "full"}
    colleague = member_app(fresh).run()
    assert not colleague.exception and colleague.radio(key="ans_a1").value == "full"


def test_the_sheets_topics_say_who_answered_what_as_the_answers_are_now_not_as_the_meeting_page_last_saw_them(
        mini, store: Store):
    """A team's topics for the Collège (« Sujets pour le Collège ») say who answered what: the draft's ``divergent``
    list (contract §8), written only when the meeting page was drawn. The holder changed a final answer on the
    questionnaire, a colleague changed theirs on their link, a new colleague answered: the sheet still said the
    answers and the roles of the last visit to Équipe (« responsable du bilan : Rien · directrice générale : Tout »).
    The Recommandations page, where every version of the sheet is downloaded, now writes them again from the answers
    of now when they changed (the answers file downloaded there too), and writes nothing when nothing changed."""
    import json
    from datetime import date

    from maturity.app import logic
    from maturity.questionnaire import load_questionnaire
    from maturity.sheet import build_content

    q = load_questionnaire(MINI)
    at = started()
    holder = at.session_state["token"]
    store.save_answer(holder, "a1", "none")
    director = store.invite_member(holder, "directrice générale")
    store.save_member_answer(director, "a1", "full")
    goto(at, "equipe")

    def topic(doc) -> tuple[str, str, str]:
        return build_content(q, doc, "fr", generated=date(2026, 12, 1)).topics[0]

    assert topic(at.session_state["doc"])[1] == "responsable du bilan\u00a0: Rien · directrice générale\u00a0: Tout"
    goto(at, "questionnaire")
    at.radio(key="ans_a1").set_value("half").run()
    assert not at.exception, at.exception
    store.save_member_answer(director, "a1", "some")
    store.save_member_answer(store.invite_member(holder, "éco-conseiller"), "a1", "full")
    goto(at, "recommandations")
    now = "responsable du bilan\u00a0: Moitié · directrice générale\u00a0: Un peu · éco-conseiller\u00a0: Tout"
    doc = at.session_state["doc"]
    assert topic(doc)[1] == now
    assert doc.respondent["team"] == ["directrice générale", "éco-conseiller"]
    written = json.loads(logic.answers_json_bytes(doc))
    assert written["divergent"][0]["answers"] == [{"role": "responsable du bilan", "answer": "half"},
                                                  {"role": "directrice générale", "answer": "some"},
                                                  {"role": "éco-conseiller", "answer": "full"}]
    stored = store.load_space(holder)
    assert topic(logic.document_of(stored.draft, q))[1] == now  # the store's draft too: the next session's sheet
    goto(at, "recommandations")  # nothing changed: nothing written
    assert store.load_space(holder).version == stored.version


def test_the_questionnaire_pages_answers_file_says_who_answered_what_as_the_answers_are_now(
        mini, store: Store, monkeypatch):
    """The answers file downloaded on the Questionnaire page (the one a commune keeps, « Télécharger mes réponses »)
    carried the team record (``respondent.team``, ``divergent``, contract §8) of the last visit to Équipe: a
    colleague who answered since was missing from it, and so was a final answer the holder changed on this very
    page. It is made at the click from the answers of now, as the Équipe and Recommandations pages make it."""
    import json

    import streamlit

    built = {}
    original = streamlit.download_button

    def spy(*args, **kwargs):  # Streamlit keeps a download's builder only with a server behind (not in AppTest)
        built[kwargs.get("key")] = kwargs.get("data")
        return original(*args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", spy)
    at = started()
    holder = at.session_state["token"]
    store.save_answer(holder, "a1", "none")
    director = store.invite_member(holder, "directrice générale")
    store.save_member_answer(director, "a1", "full")
    goto(at, "equipe")
    assert at.session_state["doc"].respondent["team"] == ["directrice générale"]
    store.save_member_answer(director, "a1", "some")  # after the meeting page: on her link
    store.save_member_answer(store.invite_member(holder, "éco-conseiller"), "a1", "full")
    goto(at, "questionnaire")
    at.radio(key="ans_a1").set_value("half").run()  # the holder's final answer, changed here
    assert not at.exception, at.exception
    written = json.loads(built["dl_answers_q"]())  # clicked now: Streamlit calls it outside the page's run
    assert written["respondent"]["team"] == ["directrice générale", "éco-conseiller"]
    assert written["answers"]["a1"] == "half"
    assert written["divergent"][0]["answers"] == [{"role": "responsable du bilan", "answer": "half"},
                                                  {"role": "directrice générale", "answer": "some"},
                                                  {"role": "éco-conseiller", "answer": "full"}]
    version = store.load_space(holder).version
    built["dl_answers_q"]()
    assert store.load_space(holder).version == version  # the click writes nothing


def test_removing_the_last_colleague_who_answered_takes_the_team_record_out_of_the_sheet_and_the_file(
        mini, store: Store):
    """« Ses réponses seront effacées », said the page of a colleague removed: the last colleague who answered gone,
    the draft still named their role (``respondent.team``) and kept their answers in ``divergent`` (contract §8), so
    the sheet's « Sujets pour le Collège » and the answers file said what a person no longer in the team answered.
    The record follows the colleagues still in the team: one who answered left, the record is theirs; none left, no
    team record (the holder's own role kept). The meeting's reasons stay in the store, for a colleague invited again."""
    import json
    from datetime import date

    from maturity.app import logic
    from maturity.questionnaire import load_questionnaire
    from maturity.sheet import build_content

    q = load_questionnaire(MINI)
    at = started()
    holder = at.session_state["token"]
    store.save_answer(holder, "a1", "none")
    store.set_holder_role(holder, "échevine")
    director, cpas = store.invite_member(holder, "directrice générale"), store.invite_member(holder, "CPAS")
    store.save_member_answer(director, "a1", "full")
    store.save_member_answer(cpas, "a1", "some")
    store.decide(holder, "a1", "none", "Rien n'est signé")
    goto(at, "equipe")
    assert at.session_state["doc"].respondent["team"] == ["directrice générale", "CPAS"]

    def remove(role: str) -> None:
        member = next(m for m in store.team_members(holder) if m.role == role)
        at.selectbox(key="team_remove_choice").set_value(member.id)
        at.checkbox(key="team_remove_sure").check().run()
        at.button(key="team_remove").click().run()
        assert not at.exception, at.exception

    remove("directrice générale")
    doc = at.session_state["doc"]
    assert doc.respondent["team"] == ["CPAS"]
    assert [a["role"] for a in doc.extra["divergent"][0]["answers"]] == ["échevine", "CPAS"]
    remove("CPAS")
    for doc in (at.session_state["doc"], logic.document_of(store.load_space(holder).draft, q)):  # this session, the next
        assert doc.respondent == {"role": "échevine"}
        assert "divergent" not in doc.extra
        assert build_content(q, doc, "fr", generated=date(2026, 12, 1)).topics == []
        assert "CPAS" not in logic.answers_json_bytes(doc).decode()
    assert store.decisions(holder) == {"a1": "Rien n'est signé"}
    assert "CPAS" not in json.dumps(store.load_space(holder).draft)


def test_removing_a_colleague_who_never_answered_keeps_an_uploaded_team_files_record(mini, store: Store):
    """A consensus file uploaded (``maturity answers merge``'s, its roles and topics), then a colleague invited by
    mistake and removed before answering: the file's record is not theirs and stays."""
    at = started()
    holder = at.session_state["token"]
    store.record_team(holder, ["échevin", "CPAS"], [{"question": "a1", "spread": 1.0, "answers": [
        {"role": "échevin", "answer": "none"}, {"role": "CPAS", "answer": "full"}]}])
    store.invite_member(holder, "stagiaire")
    goto(at, "equipe")
    at.selectbox(key="team_remove_choice").set_value(store.team_members(holder)[0].id)
    at.checkbox(key="team_remove_sure").check().run()
    at.button(key="team_remove").click().run()
    assert not at.exception, at.exception
    assert store.team_members(holder) == []
    assert store.load_space(holder).draft["respondent"]["team"] == ["échevin", "CPAS"]
    assert at.session_state["doc"].respondent["team"] == ["échevin", "CPAS"]


def test_a_double_click_on_create_makes_one_colleague_and_no_error(mini, store: Store):
    """« Créer son lien » clicked twice (a double click, a habit of many): the first click made the link and emptied
    the form, the second sent the empty form, and the page said « Lien créé pour « mobilité » » above « Indiquez le
    rôle de ce collègue. » (seen in chromium). One colleague was made, rightly; the second click now says nothing.
    An empty form sent on its own is still told what is missing."""
    at = started()
    holder = at.session_state["token"]
    goto(at, "equipe")
    next(b for b in at.button if "Créer son lien" in b.label).click().run()
    assert [e.value for e in at.error] == ["Indiquez le rôle de ce collègue."]
    _invite(at, "mobilité")
    next(b for b in at.button if "Créer son lien" in b.label).click().run()  # the double click's second
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == []
    assert at.session_state["_team_new_link"][0] == "mobilité"
    assert [m.role for m in store.team_members(holder)] == ["mobilité"]
