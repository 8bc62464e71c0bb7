"""``maturity recommendations``: the recommendations that apply to an answers file, in the
sheet's order, each with why it applies (contract §6)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .. import communes
from ..labels import label_value
from ..typography import semicolons
from .common import EXIT_OK, LANG_HELP, LANGS, load_for_answers, print_problems
from .texts import t


def cmd_recommendations(args: argparse.Namespace) -> int:
    from ..recommendations import SHEET_LIMIT, describe, select
    from ..scoring import score
    from ..sheet import build_content
    from ..sheet.pdf import layout_pdf

    q, doc, warnings = load_for_answers(args.answers, args.questionnaire)
    lang = args.lang if args.lang in q.languages else q.default_language
    assessment = score(q, doc.answers)
    selected = select(q, assessment, doc.answers)
    # what `maturity sheet` writes in this language: the editable versions (DOCX, Markdown) show the
    # content's priorities; the PDF, kept to 3 pages, may show fewer (laid out, not guessed)
    content = build_content(q, doc, lang, assessment=assessment)
    on_sheet = {p.recommendation_id for p in content.priorities}
    on_pdf = {p.recommendation_id for p in layout_pdf(q, content).content.priorities}
    if args.json:
        out: dict[str, Any] = {"questionnaire": {"id": q.id, "version": q.version}, "lang": lang}
        if doc.commune:
            out["commune"] = doc.commune
        out["sheet_limit"] = SHEET_LIMIT
        out["pdf_shows"] = len(on_pdf)
        out["recommendations"] = [
            {**s.to_json(q, lang), "on_sheet": s.recommendation.id in on_sheet, "on_pdf": s.recommendation.id in on_pdf}
            for s in selected]
        out["warnings"] = [str(w) for w in warnings]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    print_problems(warnings)
    # a commune of the registry by its name in the output's language, as the sheet names it (« Büllingen » in
    # German, where the file's « Bullange » was printed: German-speaking trial)
    known = communes.get(doc.commune.get("nis_code"))
    name = known.name(lang) if known else doc.commune.get("name") or doc.commune.get("nis_code") or "?"
    print(f"{q.t(q.title, lang)} {q.version} — {name}")
    if not selected:
        print(t("recs_none", lang))
    else:
        print(t("recs_shows", lang, pdf=len(on_pdf), docx=len(on_sheet)))
    for rank, s in enumerate(selected, 1):
        rec = s.recommendation
        mark = ("" if rec.id in on_pdf else f"  [{t('recs_docx_only', lang)}]" if rec.id in on_sheet
                else f"  [{t('recs_off_sheet', lang)}]")
        said = semicolons((t("recs_priority", lang, n=rec.priority), rec.id), lang)  # French: « priorité 1 ; id »
        print(f"{rank:>2}. {q.t(rec.title, lang)} ({said}){mark}")
        print("    " + label_value(t("recs_because", lang), semicolons((describe(q, fact, lang) for fact in s.because),
                                                                   lang), lang))
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``recommendations`` to ``maturity``'s sub-commands."""
    p = sub.add_parser("recommendations", help="list the recommendations that apply, and why")
    p.add_argument("answers", help="ANSWERS.json")
    p.add_argument("--questionnaire", help="questionnaire YAML (default: the one the answers name)")
    p.add_argument("--lang", choices=LANGS, default="fr", help=LANG_HELP)
    p.add_argument("--json", action="store_true", help="print them as JSON (contract §6)")
    p.set_defaults(func=cmd_recommendations)
