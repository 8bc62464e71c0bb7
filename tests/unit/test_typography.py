"""French guillemets never separated from their words: a no-break space inside « … » in every text of the tool
(the catalogs, the questionnaire's, the recommendations' and the barometer's YAML) and in the sheet's text
from outside; and between a number and its % sign. A Collège read « viser « / Planification » » across two lines of its
sheet."""

from __future__ import annotations

import ast
import io
import re
import zipfile
from pathlib import Path

import pytest

from maturity.answers import read_answers_file
from maturity.questionnaire import load_questionnaire
from maturity.sheet import build
from maturity.sheet.content import clean_text
from maturity.typography import french_guillemets, french_spaces
from maturity.yamlio import line_for, load_yaml_file

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = sorted((ROOT / "tests" / "data" / "answers").glob("*.json"))
# a plain space after an opening French guillemet, or before a closing one (German's »Wort« is not: its
# opening » is followed by its word, its closing « preceded by it)
PLAIN = re.compile(r"(?<!\w)« | »(?!\w)")
# a plain space between a number and its percent sign ("66 %": "66" at the end of a line, "%" starting the next)
PERCENT = re.compile(r"\d %")


def _docstrings(tree: ast.AST) -> set[int]:
    """The strings standing alone as a statement: docstrings (of a module, class, function or attribute)."""
    return {id(node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)}


def _python_strings():
    """Every string of the code a reader may see (f-strings' fixed parts included), docstrings aside."""
    for path in sorted((ROOT / "maturity").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value


def _yaml_strings(obj, loc=()):
    if isinstance(obj, str):
        yield loc, obj
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from _yaml_strings(value, (*loc, key))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from _yaml_strings(value, (*loc, i))


YAML_FILES = sorted([*(ROOT / "questionnaires").glob("*.yaml"), *(ROOT / "data").rglob("*.yaml"),
                     ROOT / "tests" / "data" / "sheet_questionnaire.yaml"])  # the sheet tests' questionnaire


def test_the_files_scanned_are_the_tools_texts():
    names = {p.name for p in YAML_FILES}
    assert {"smart-city-wallonie.yaml", "smart-city-wallonie.recommendations.yaml",
            "barometre-wallon-2021.yaml"} <= names
    places = {where.split(":")[0] for where, _text in _python_strings()}
    assert {"maturity/app/texts.py", "maturity/sheet/content.py", "maturity/plan.py", "maturity/labels.py",
            "maturity/benchmarks.py", "maturity/aggregates.py", "maturity/publish.py"} <= places


def test_no_plain_space_before_a_percent_sign_in_the_code_or_the_yaml():
    found = [f"{where}: {text[:80]!r}" for where, text in _python_strings() if PERCENT.search(text)]
    for path in YAML_FILES:
        data, lines = load_yaml_file(path)
        found += [f"{path.name}:{line_for(lines, loc)}: {text[:80]!r}" for loc, text in _yaml_strings(data)
                  if PERCENT.search(text)]
    assert not found, ("write a number and its % with a no-break space between them, 95\\u00a0% (U+00A0; in the YAML the "
                       "character itself):\n" + "\n".join(found))


def test_no_plain_space_inside_guillemets_in_the_code():
    found = [f"{where}: {text[:80]!r}" for where, text in _python_strings() if PLAIN.search(text)]
    assert not found, ("write « and » with a no-break space inside, «\\u00a0…\\u00a0» (U+00A0):\n"
                       + "\n".join(found))


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.name)
def test_no_plain_space_inside_guillemets_in_the_yaml(path):
    data, lines = load_yaml_file(path)
    found = [f"{path.name}:{line_for(lines, loc)}: {'.'.join(map(str, loc))}: {text[:80]!r}"
             for loc, text in _yaml_strings(data) if PLAIN.search(text)]
    assert not found, ("write « and » with a no-break space inside (U+00A0, typed as such in the YAML):\n"
                       + "\n".join(found))


def test_the_scan_sees_a_plain_space():
    assert PLAIN.search("viser « Planification »") and PLAIN.search("« Planification\u00a0»")
    assert not PLAIN.search("viser «\u00a0Planification\u00a0» d'ici 2028")
    assert not PLAIN.search("Er sagte »Hallo« und ging") and not PLAIN.search("„Planung“")


def test_french_guillemets_takes_the_space_inside_only():
    assert french_guillemets("viser « Planification » d'ici 2028") == "viser «\u00a0Planification\u00a0» d'ici 2028"
    assert french_guillemets("(« Cité » : « Frein majeur »)") == "(«\u00a0Cité\u00a0» : «\u00a0Frein majeur\u00a0»)"
    assert french_guillemets("«\u00a0déjà\u00a0»") == "«\u00a0déjà\u00a0»"
    # German: „…“ and »…« have no space inside, and the space outside stays breakable
    assert french_guillemets("Ziel „Planung“ und »Planung« oder") == "Ziel „Planung“ und »Planung« oder"
    # the PDF's rule adds the space before ? ! : ; and a number's % (its layout would break a line there)
    assert french_spaces("Objectif : « zéro » ?") == "Objectif\u00a0: «\u00a0zéro\u00a0»\u00a0?"
    assert french_spaces("66 %, soit 10 % de plus") == "66\u00a0%, soit 10\u00a0% de plus"
    assert french_spaces("le % des communes") == "le % des communes"


def test_text_from_outside_gets_it_once_on_its_way_into_the_sheet():
    assert clean_text("Objectif  « zéro papier »\n en 2028") == "Objectif «\u00a0zéro papier\u00a0»\nen 2028"
    assert clean_text("« zéro papier »", one_line=True) == "«\u00a0zéro papier\u00a0»"


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


@pytest.mark.parametrize("path", ANSWERS, ids=lambda p: p.stem)
def test_the_french_sheet_never_separates_a_guillemet_from_its_word(path):
    """The sheet in all three forms, with every text the sample communes' answers bring (next steps
    "viser « … »", sentences, priorities with « Territoire intelligent », sources, a note with guillemets)."""
    import pypdf

    q = load_questionnaire()
    doc = read_answers_file(path)
    doc.notes = dict(doc.notes or {}, **{q.sections[0].questions[0].id: "Notre objectif « zéro papier » en 2028"})
    md = build(q, doc, "fr", "md").decode("utf-8")
    docx = _docx_text(build(q, doc, "fr", "docx"))
    pdf = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(build(q, doc, "fr", "pdf"))).pages)
    assert "«" in pdf
    for name, text in (("md", md), ("docx", docx)):  # (the PDF's text gives its no-break spaces back as spaces)
        assert "«" in text, name
        assert not PLAIN.search(text), (name, [text[max(0, m.start() - 40):m.end() + 40]
                                               for m in PLAIN.finditer(text)][:5])
    assert "«\u00a0zéro papier\u00a0»" in md and "«\u00a0zéro papier\u00a0»" in docx
    # in the PDF, no line ends with an opening guillemet nor starts with a closing one
    assert not re.search(r"«\s*\n|\n\s*»", pdf), re.findall(r".{0,30}«\s*\n.{0,30}|.{0,30}\n\s*».{0,30}", pdf)


# a plain space before ? ! : ; (chromium breaks a line there: « visé » / « ? » on a phone)
BEFORE_PUNCTUATION = re.compile(r" [?!:;](?=\s|$|[»)\"'.,])")


def test_every_french_text_the_app_looks_up_keeps_its_punctuation_with_its_word():
    """Every French text the pages read (the app's catalog, the labels, the questionnaire's and recommendations'
    texts) comes with a no-break space before ? ! : ;, whatever its source has; German and English as written."""
    from maturity.app.texts import TEXTS, tr
    from maturity.labels import ANSWER_STATES, in_lang

    found = [key for key in TEXTS if BEFORE_PUNCTUATION.search(tr(key, "fr"))]
    found += [key for key, entry in ANSWER_STATES.items() if BEFORE_PUNCTUATION.search(in_lang(entry, "fr"))]
    q = load_questionnaire()
    texts = [q.title, q.description, *(s.label for s in q.sections),
             *(t for _s, question in q.question_index.values() for t in (question.text, question.help) if t),
             *(o.label for _s, question in q.question_index.values() for o in question.options or ()),
             *(t for r in q.recommendations for t in (r.title, r.text, *r.actions))]
    found += [q.t(text, "fr")[:60] for text in texts if BEFORE_PUNCTUATION.search(q.t(text, "fr"))]
    assert not found, found
    assert any(" :" in (text.get("fr", "") if isinstance(text, dict) else text) for text in texts)  # the sources'
    assert "\u00a0" not in tr("upload_ok", "de", count=1) and "\u00a0" not in tr("upload_ok", "en", count=1)
    assert tr("upload_ok", "fr", count=1).startswith("Fichier chargé\u00a0: 1 ")


def test_typed_text_keeps_what_was_typed_but_controls_and_bidi_overrides():
    from maturity.plan import from_rows
    from maturity.typography import typed_text

    assert typed_text("a\u202eevil.exe\u202c b\x01\x07\x1b[31m\x7f\x85 fin") == "aevil.exe b[31m fin"
    assert typed_text("ligne\r\nautre\rtroisième\t\u2066isolé\u2069") == "ligne\nautre\ntroisième\tisolé"
    kept = "مرحبا « Zéro papier » 66\u00a0% \u200d👩\u200d💻 Œ ß"
    assert typed_text(kept) == kept
    (item,) = from_rows([{"action": "\u202eAgir\x07", "owner": "DG\u202e", "budget": "104/\u202e12"}], [], 2027)
    assert (item.action, item.owner, item.budget) == ("Agir", "DG", "104/12")


def _nested_parentheses(text: str) -> list[str]:
    """Each line of ``text`` where a parenthesis opens inside another."""
    found = []
    for line in text.splitlines():
        depth = 0
        for ch in line:
            if ch == "(":
                depth += 1
                if depth > 1:
                    found.append(line[:200])
                    break
            elif ch == ")":
                depth = max(0, depth - 1)
    return found


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_no_parenthesis_of_the_sheet_sits_inside_another(lang):
    """Ciney's sheet cited « (Baromètre wallon Smart City 2021, chiffre publié, communes répondantes (113 sur
    262)) » (team trial): the base says its count without a parenthesis of its own, in every language and form."""
    import pypdf

    q = load_questionnaire()
    for path in ANSWERS:
        doc = read_answers_file(path)
        md = build(q, doc, lang, "md").decode("utf-8")
        with zipfile.ZipFile(io.BytesIO(build(q, doc, lang, "docx"))) as z:  # a paragraph a line
            xml = z.read("word/document.xml").decode("utf-8")
        docx = "\n".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in xml.split("</w:p>"))
        assert not _nested_parentheses(md), (path.stem, _nested_parentheses(md))
        assert not _nested_parentheses(docx), (path.stem, _nested_parentheses(docx))
    doc = read_answers_file(ROOT / "tests" / "data" / "answers" / "gedinne-2026.1.json")
    pdf = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(build(q, doc, lang, "pdf"))).pages)
    assert not _nested_parentheses(pdf.replace("\n", " ")), _nested_parentheses(pdf.replace("\n", " "))
    said = {"fr": "113 communes répondantes sur 262", "de": "113 antwortende Gemeinden von 262",
            "en": "113 responding communes of 262"}[lang]
    assert said in md
