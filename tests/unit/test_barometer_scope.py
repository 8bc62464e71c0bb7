"""What a comparison with the barometer's respondents means, said once above its sentences on the sheet (PDF,
DOCX, Markdown), from the benchmark set itself: its 113 respondents of 262 communes, in 2021 (expert review:
« comme 84 % des communes répondantes » alone read as where Wallonia stands now)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf

from maturity.answers import load_answers
from maturity.benchmarks import comparisons, load_benchmark_sets, scope_note
from maturity.questionnaire import load_questionnaire
from maturity.scoring import score
from maturity.sheet import build, build_content
from maturity.sheet.pdf import layout_pdf

ROOT = Path(__file__).resolve().parents[2]
Q = load_questionnaire()
TENNEVILLE = ROOT / "tests" / "data" / "answers" / "rural-tenneville-2027.json"
DURBUY = ROOT / "tests" / "data" / "answers" / "unsure-durbuy-2027.json"
SAID = {
    "fr": "Ces chiffres viennent des 113 communes sur 262 qui ont répondu en 2021, pas de toute la Wallonie "
          "d'aujourd'hui.",
    "de": "Diese Zahlen stammen von den 113 von 262 Gemeinden, die 2021 geantwortet haben, nicht von der ganzen "
          "Wallonie von heute.",
    "en": "These figures come from the 113 of 262 communes that answered in 2021, not from the whole of Wallonia "
          "today.",
}


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def test_the_note_is_the_compared_surveys_own_n_population_and_year():
    doc, _ = load_answers(TENNEVILLE, Q)
    for lang, said in SAID.items():
        found = comparisons(Q, doc.answers, score(Q, doc.answers), load_benchmark_sets(), lang)
        assert found and scope_note(found, lang) == said, lang
    assert scope_note([], "fr") == ""  # no sentence, nothing to say


def test_every_sheet_says_it_once_above_the_barometer_sentences():
    drawn_once = False
    for path, lang in [(TENNEVILLE, lang) for lang in SAID] + [(DURBUY, "fr")]:
        said = SAID[lang]
        doc, _ = load_answers(path, Q)
        content = build_content(Q, doc, lang)
        assert content.comparisons and content.comparisons_scope == said, lang
        markdown = build(Q, doc, lang, "md").decode("utf-8")
        section = markdown.split(f"## {content.comparisons_title}")[1].split("\n## ")[0]
        assert _flat(section).count(_flat(said)) == 1, lang
        assert section.index(said.split(".")[0]) < section.index("\n- "), lang  # above the sentences
        # the PDF says it while it keeps the priorities' "why" paragraphs; its last resorts leave both to the DOCX
        pdf = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(build(Q, doc, lang, "pdf"))).pages)
        drawn = layout_pdf(Q, content).why
        drawn_once |= drawn
        assert (_flat(said) in _flat(re.sub(r"-\n", "-", pdf))) is drawn, lang
        from docx import Document

        paragraphs = [p.text for p in Document(io.BytesIO(build(Q, doc, lang, "docx"))).paragraphs]
        assert sum(_flat(said) == _flat(p) for p in paragraphs) == 1, lang
    assert drawn_once  # Durbuy's French PDF keeps the why paragraphs, and says it
