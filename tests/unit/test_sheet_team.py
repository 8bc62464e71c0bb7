"""The sheet of a team's assessment (issue 13, contract §8): who took part, and the three most
divergent questions as topics for the Collège; a one-person sheet does not change."""

from __future__ import annotations

import io
from datetime import date

import docx
import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maturity.merge import merge_documents
from maturity.sheet import build, build_content

from .sheet_helpers import answers_at_rank, questionnaire

DAY = date(2026, 12, 1)
ROLES = ["échevin", "directeur général", "CPAS", "mobilité"]


@pytest.fixture(scope="module")
def q():
    return questionnaire()


@pytest.fixture(scope="module")
def consensus(q):
    docs = []
    for rank, role in zip((0, 3, 1, 2), ROLES, strict=True):
        doc = answers_at_rank(q, rank)
        doc.respondent = {"role": role}
        docs.append(doc)
    merged, result = merge_documents(q, docs)
    assert len(result.divergent) >= 3
    return merged, result


def test_the_sheet_names_the_roles_and_the_three_most_divergent_questions(q, consensus):
    merged, result = consensus
    content = build_content(q, merged, "fr", generated=DAY)
    assert content.respondent == "Réponses d'une équipe\u00a0: échevin, directeur général, CPAS, mobilité"
    assert len(content.topics) == 3
    first = q.question(result.divergent[0].question)
    assert content.topics[0][0] == q.t(first.short or first.text, "fr")
    assert all(role in content.topics[0][1] for role in ROLES)
    md = build(q, merged, "fr", "md", generated=DAY).decode()
    assert "Sujets pour le Collège" in md and "échevin, directeur général, CPAS, mobilité" in md
    reader = pypdf.PdfReader(io.BytesIO(build(q, merged, "fr", "pdf", generated=DAY)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Sujets pour le Collège" in text and "directeur général" in text
    assert 2 <= len(reader.pages) <= 3
    document = docx.Document(io.BytesIO(build(q, merged, "de", "docx", generated=DAY)))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Themen für das Gemeindekollegium: wo das Team auseinanderliegt" in paragraphs


def test_the_holders_own_role_comes_first_among_the_teams(q, consensus):
    """Eupen's Schöffe answered two parts himself before inviting two colleagues: his answers set two dimensions,
    and the sheet said « Antworten eines Teams: Generaldirektor, Umweltberaterin » (fresh-eyes trial 8)."""
    import copy

    merged = copy.deepcopy(consensus[0])  # the module's consensus stays as it is
    merged.respondent = {"role": "Schöffe", "team": ["Generaldirektor", "Umweltberaterin"]}
    assert build_content(q, merged, "de", generated=DAY).respondent == (
        "Antworten eines Teams: Schöffe, Generaldirektor, Umweltberaterin")
    merged.respondent = {"role": "Generaldirektor", "team": ["Generaldirektor", "Umweltberaterin"]}  # not twice
    assert build_content(q, merged, "de", generated=DAY).respondent.endswith(": Generaldirektor, Umweltberaterin")


def test_a_one_person_sheet_has_no_team_block(q):
    doc = answers_at_rank(q, 1)
    content = build_content(q, doc, "en", generated=DAY)
    assert content.respondent == "Answered by: échevin" and content.topics == []
    assert "Topics for the Collège" not in build(q, doc, "en", "md", generated=DAY).decode()


def test_a_teams_pdf_leaves_topics_to_the_editable_versions_rather_than_take_a_fourth_page(monkeypatch):
    """A consensus of three roles on the default questionnaire (found in an expert review, 27 November
    2026): with every other last resort taken, its three topics put the sources on a fourth page. The
    PDF now shows fewer topics and says how many the editable versions keep; those keep all three."""
    from maturity.answers import load_answers
    from maturity.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
    from maturity.sheet import pdf as sheet_pdf

    from .sheet_helpers import DATA

    default = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    doc, warnings = load_answers(DATA / "answers" / "team-consensus-bastogne.json", default)
    assert not warnings

    def pages_and_text(data: bytes) -> tuple[int, str]:
        reader = pypdf.PdfReader(io.BytesIO(data))
        return len(reader.pages), " ".join(page.extract_text() for page in reader.pages)

    with monkeypatch.context() as m:  # without this last resort, the sheet needed a fourth page
        m.setattr(sheet_pdf, "PDF_TOPICS_STEPS", ())
        tries = sheet_pdf._compact_tries  # (nor the priorities' resources, the resort after it)
        m.setattr(sheet_pdf, "_compact_tries", lambda c, resources=True: tries(c, resources=False))
        assert pages_and_text(build(default, doc, "fr", "pdf", generated=DAY))[0] == 4
    for lang, title, elsewhere in (("fr", "Sujets pour le Collège", "version modifiable (DOCX)"),
                                   ("de", "Themen für das Gemeindekollegium", "bearbeitbaren Fassung (DOCX)"),
                                   ("en", "Topics for the Collège", "editable version (DOCX)")):
        pages, text = pages_and_text(build(default, doc, lang, "pdf", generated=DAY))
        assert pages <= 3, lang
        # the topics the PDF leaves out are counted and found: "1 autre sujet … dans la version modifiable"
        after = " ".join(text.split(title, 1)[1].split())
        assert elsewhere in after.split("Méthode")[0].split("Methode")[0].split("Method")[0], lang
    content = build_content(default, doc, "fr", generated=DAY)
    assert len(content.topics) == 3 and content.topics_hidden == 0  # the editable versions keep them all
    markdown = build(default, doc, "fr", "md", generated=DAY).decode()
    assert all(question in markdown for question, _said, _settled in content.topics)


def _team_sheet_pages(docs: list, lang: str) -> int:
    from maturity.questionnaire import load_questionnaire

    default = load_questionnaire()
    merged, _result = merge_documents(default, docs)
    return len(pypdf.PdfReader(io.BytesIO(build(default, merged, lang, "pdf", generated=DAY))).pages)


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_heaviest_team_sheet_stays_on_three_pages(lang):
    """The heaviest answers file (every obstacle major, 8 long notes, a very long name) beside three
    colleagues with long roles who answered otherwise: three long topics on top of everything."""
    from maturity.questionnaire import load_questionnaire

    from .sheet_helpers import heavy_answers

    default = load_questionnaire()
    docs = [heavy_answers(default)]
    for rank, role in ((0, "Directrice générale f.f. " * 3), (3, "Conseiller en mobilité " * 3), (2, "CPAS " * 8)):
        doc = answers_at_rank(default, rank, name=docs[0].commune["name"], nis=None)
        doc.respondent = {"role": role}
        docs.append(doc)
    assert _team_sheet_pages(docs, lang) <= 3


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data(), lang=st.sampled_from(["fr", "de", "en"]), count=st.integers(2, 4))
def test_any_team_sheet_stays_on_three_pages(data, lang, count):
    """Any two to four colleagues' answers on the default questionnaire, merged as the team page does."""
    from maturity.answers import AnswersFile
    from maturity.questionnaire import load_questionnaire

    from ..strategies import answer_sets

    default = load_questionnaire()
    roles = data.draw(st.lists(st.text(min_size=1, max_size=80).filter(str.strip), min_size=count, max_size=count,
                               unique_by=str.strip))
    docs = [AnswersFile(default.id, default.version, commune={"nis_code": "82003"}, respondent={"role": role},
                        answers=data.draw(answer_sets(default))) for role in roles]
    assert _team_sheet_pages(docs, lang) <= 3


@pytest.mark.parametrize(("lang", "said"), [("fr", "répondant 2"), ("de", "Person 2"), ("en", "respondent 2")])
def test_a_respondent_without_a_role_is_named_in_the_sheets_language(q, lang, said):
    """`maturity answers merge` names a respondent whose file has no role « respondent 2 » in the consensus file
    (contract §8; the file does not depend on --lang): a French sheet read « Réponses d'une équipe : échevin,
    respondent 2 », and « respondent 2 : … » under each topic for the Collège. The file keeps the name (the files a
    commune keeps read as before); the sheet says it in its language."""
    docs = []
    for rank, role in ((0, "échevin"), (3, None)):
        doc = answers_at_rank(q, rank)
        doc.respondent = {"role": role} if role else {}
        docs.append(doc)
    merged, _ = merge_documents(q, docs)
    assert merged.respondent["team"] == ["échevin", "respondent 2"]
    assert all(seen["role"] in ("échevin", "respondent 2") for item in merged.extra["divergent"]
               for seen in item["answers"])
    content = build_content(q, merged, lang, generated=DAY)
    assert content.respondent.endswith(f"échevin, {said}")
    assert content.topics and all(said in lines for _, lines, *_ in content.topics)
    if lang != "en":
        shown = content.respondent + " ".join(lines for _, lines, *_ in content.topics)
        assert "respondent" not in shown
        assert said in build(q, merged, lang, "md", generated=DAY).decode()
