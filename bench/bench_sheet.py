"""How long building the recommendation sheet takes (issue 4 item 5).

Measures, in the same run, medians over repeated runs (warm: one build first):
- ``fpdf2 one page``: fpdf2 writing a one-page A4 document alone (core font, a few lines),
- ``sheet pdf``: building the PDF sheet with its radar chart (content, chart via vl-convert, layout),
  in French and in German (longer texts: more configurations predicted before the one layout),
- ``radar png``: the chart alone,
- ``sheet md`` / ``sheet csv``: the other renderings.

Run: ``python bench/bench_sheet.py`` (prints ms and the ratio to fpdf2 alone). ``measure()`` returns
``[(name, median_ms, ratio_to_fpdf2_alone), ...]``; ``run()`` returns the same as ``bench.Row``s
(seconds, baseline = fpdf2 alone) for ``python -m bench`` / ``make bench``.
Target: the PDF under 500 ms warm.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_MS = 500.0


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _fpdf_one_page() -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for i in range(20):
        pdf.cell(0, 6, f"Line {i}: a one-page document written by fpdf2 alone.", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _inputs():
    from maturity.answers import AnswersFile
    from maturity.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire

    path = DEFAULT_QUESTIONNAIRE if DEFAULT_QUESTIONNAIRE.exists() else ROOT / "tests/data/sheet_questionnaire.yaml"
    q = load_questionnaire(path)
    doc = AnswersFile(q.id, q.version, commune={"nis_code": "56086", "name": "Fontaine-l'Évêque"},
                      updated_at="2026-11-25T10:40:00+01:00")
    for i, (qid, (_s, question)) in enumerate(q.question_index.items()):
        if question.options and question.show_if is None:
            option = question.options[min(1 + i % 2, len(question.options) - 1)]
            doc.answers[qid] = [option.id] if question.type == "multi" else option.id
    return q, doc


def measure(repeat: int = 7) -> list[tuple[str, float, float]]:
    from maturity import sheet
    from maturity.charts import chart_png, radar_spec
    from maturity.sheet.content import build_content

    q, doc = _inputs()
    day = date(2026, 12, 1)
    base = _median_ms(_fpdf_one_page, repeat * 3)
    content = build_content(q, doc, "fr", generated=day)
    results = [("fpdf2 one page", base)]
    results.append(("sheet pdf (chart included)", _median_ms(lambda: sheet.build(q, doc, "fr", "pdf", generated=day), repeat)))
    # German: the longest texts, the most layouts tried before the sheet fits on 3 pages
    results.append(("sheet pdf de (chart incl.)", _median_ms(lambda: sheet.build(q, doc, "de", "pdf", generated=day), repeat)))
    results.append(("radar png", _median_ms(lambda: chart_png(radar_spec(q, content.series, "fr")), repeat)))
    results.append(("sheet md", _median_ms(lambda: sheet.build(q, doc, "fr", "md", generated=day), repeat)))
    results.append(("sheet csv", _median_ms(lambda: sheet.build(q, doc, "fr", "csv", generated=day), repeat)))
    return [(name, ms, ms / base) for name, ms in results]


def run() -> list:
    """The figures as ``bench.Row`` (value and baseline in seconds)."""
    from bench import Row

    rows = measure()
    base_ms = rows[0][1]
    return [Row(f"sheet: {name}", ms / 1000, base_ms / 1000, "fpdf2 writing a one-page document alone",
                note="median, warm" + (f"; target < {TARGET_MS:.0f} ms" if name.startswith("sheet pdf") else ""))
            for name, ms, _ratio in rows[1:]]


def main() -> int:
    rows = measure()
    print(f"{'bench':<30} {'median ms':>10} {'× fpdf2 alone':>14}")
    for name, ms, ratio in rows:
        print(f"{name:<30} {ms:>10.1f} {ratio:>14.1f}")
    pdf_ms = rows[1][1]
    verdict = "ok" if pdf_ms < TARGET_MS else "SLOW"
    print(f"sheet pdf warm: {pdf_ms:.0f} ms (target < {TARGET_MS:.0f} ms): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
