"""How long building the recommendation sheet takes (issue 4 item 5).

Measures, in the same run, medians over repeated runs (warm: one build first):
- ``fpdf2 one page``: fpdf2 writing a one-page A4 document alone (core font, a few lines),
- ``sheet pdf``: building the PDF sheet with its radar chart (content, radar drawn as vector paths, layout),
  in French and in German (longer texts: more configurations predicted before the one layout),
- ``radar paths``: the PDF's radar alone (the spec read and drawn into a page, ``maturity.sheet.radar``),
- ``radar png``: the same spec rendered by vl-convert (the DOCX's picture; the PDF's until issue 16),
- ``sheet md`` / ``sheet csv``: the other renderings.

Run: ``python bench/bench_sheet.py`` (prints ms and the ratio to fpdf2 alone). ``measure()`` returns
``[(name, median_ms, ratio_to_fpdf2_alone), ...]``; ``run()`` returns the same as ``bench.Row``s
(seconds, baseline = fpdf2 alone) for ``python -m bench`` / ``make bench``.
Targets (issue 16 point 3): the PDF under 300 ms warm; a cold `maturity sheet` at most 2.5× a cold
`maturity validate`; 262 sheets in one call under 2 minutes.
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

TARGET_MS = 300.0


_CPU_MS: dict[str, float] = {}  # the CPU-time medians of the last ``measure()``, by figure


def _median_ms(fn: Callable[[], object], repeat: int, name: str = "") -> float:
    """Median wall milliseconds of ``fn`` (warm: one run first); its median CPU milliseconds go into
    ``_CPU_MS[name]`` (on a machine shared with other work, the wall time waits for a core)."""
    fn()  # warm
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    if name:
        _CPU_MS[name] = statistics.median(cpu)
    return statistics.median(times)


def _load() -> str:
    """The machine's load (1-minute average) and its cores, said next to times measured on it."""
    import os

    try:
        return f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    except OSError:  # pragma: no cover - no load average on this system
        return "load unknown"


def _fpdf_one_page() -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for i in range(20):
        pdf.cell(0, 6, f"Line {i}: a one-page document written by fpdf2 alone.", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _radar_paths(spec: dict) -> bytes:
    from fpdf import FPDF

    from maturity.sheet.radar import RadarDrawing

    pdf = FPDF(format="A4")
    pdf.add_page()
    RadarDrawing(spec).draw(pdf, 16, 90, 96)
    return bytes(pdf.pages[1].contents)


def _inputs():
    from maturity.answers import AnswersFile
    from maturity.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire

    path = DEFAULT_QUESTIONNAIRE if DEFAULT_QUESTIONNAIRE.exists() else ROOT / "tests/data/sheet_questionnaire.yaml"
    q = load_questionnaire(path)
    doc = AnswersFile(q.id, q.version, commune={"nis_code": "52022", "name": "Fontaine-l'Évêque"},
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
    name = "sheet pdf (chart included)"
    results.append((name, _median_ms(lambda: sheet.build(q, doc, "fr", "pdf", generated=day), repeat, name)))
    # German: the longest texts, the most layouts tried before the sheet fits on 3 pages
    name = "sheet pdf de (chart incl.)"
    results.append((name, _median_ms(lambda: sheet.build(q, doc, "de", "pdf", generated=day), repeat, name)))
    results.append(("radar paths", _median_ms(lambda: _radar_paths(radar_spec(q, content.series, "fr")), repeat)))
    results.append(("radar png", _median_ms(lambda: chart_png(radar_spec(q, content.series, "fr")), repeat)))
    results.append(("sheet md", _median_ms(lambda: sheet.build(q, doc, "fr", "md", generated=day), repeat)))
    results.append(("sheet csv", _median_ms(lambda: sheet.build(q, doc, "fr", "csv", generated=day), repeat)))
    return [(name, ms, ms / base) for name, ms in results]


COLD_TARGET = 2.5  # a cold `maturity sheet` at most this many times a cold `maturity validate`
BATCH_TARGET_S = 120.0  # the 262 sheets of a campaign in one call


def _cli(*args: str) -> float:
    """Seconds for one `python -m maturity ...` in a new process (cold: imports, fonts, first layout)."""
    return _cli_times(*args)[0]


def _cli_times(*args: str) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the child) of one `python -m maturity ...` in a new process.
    On a machine shared with other work the wall time grows with the load; the CPU time much less."""
    import resource
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "maturity", *args], cwd=ROOT, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _answers_files(folder: Path, count: int) -> list[Path]:
    """``count`` answers files, one per commune of the registry, with answers that vary."""
    import json

    from maturity import communes

    q, doc = _inputs()
    codes = [c.nis_code for c in communes.registry_at("2026-03-01")][:count]
    paths = []
    choice = [(qid, question) for qid, (_s, question) in q.question_index.items()
              if question.options and question.show_if is None]
    for k, code in enumerate(codes):
        data = doc.to_dict()
        data["commune"] = {"nis_code": code}
        for i, (qid, question) in enumerate(choice):
            option = question.options[(k + i) % len(question.options)]
            data["answers"][qid] = [option.id] if question.type == "multi" else option.id
        path = folder / f"c{code}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def measure_cold(repeat: int = 5) -> tuple[float, float, float, float]:
    """Medians of a cold `maturity sheet` (one PDF) and of a cold `maturity validate`, alternated: wall
    seconds of each, then CPU seconds of each."""
    import json
    import tempfile

    from bench import current_bytecode

    current_bytecode()
    _q, doc = _inputs()
    with tempfile.TemporaryDirectory() as tmp:
        answers = Path(tmp) / "answers.json"
        answers.write_text(json.dumps(doc.to_dict(), ensure_ascii=False), encoding="utf-8")
        sheet_s, validate_s = [], []
        for _ in range(repeat):
            validate_s.append(_cli_times("validate"))
            sheet_s.append(_cli_times("sheet", str(answers), "--out", str(Path(tmp) / "sheet.pdf")))
    return (statistics.median(w for w, _c in sheet_s), statistics.median(w for w, _c in validate_s),
            statistics.median(c for _w, c in sheet_s), statistics.median(c for _w, c in validate_s))


def measure_batch(count: int = 262) -> tuple[float, float]:
    """Wall and CPU seconds of one `maturity sheet` call writing ``count`` PDF sheets into a folder."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "sheets"
        out.mkdir()
        files = _answers_files(Path(tmp), count)
        return _cli_times("sheet", *map(str, files), "--out", str(out))


def run() -> list:
    """The figures as ``bench.Row`` (value and baseline in seconds)."""
    from bench import Row

    rows = measure()
    base_ms = rows[0][1]
    out = [Row(f"sheet: {name}", ms / 1000, base_ms / 1000, "fpdf2 writing a one-page document alone",
               note="median, warm" + (f"; CPU {_CPU_MS[name]:.0f} ms; target < {TARGET_MS:.0f} ms; {_load()}"
                                      if name.startswith("sheet pdf") else ""))
           for name, ms, _ratio in rows[1:]]
    cold, validate, cold_cpu, validate_cpu = measure_cold()
    out.append(Row("sheet: cold `maturity sheet` (one PDF, new process)", cold, validate,
                   "cold `maturity validate`",
                   note=f"median of 5, alternated; CPU {cold_cpu:.2f} s / {validate_cpu:.2f} s = "
                        f"{cold_cpu / validate_cpu:.2f}×; target ≤ {COLD_TARGET}×; {_load()}"))
    batch, batch_cpu = measure_batch()
    warm_pdf = rows[1][1] / 1000
    out.append(Row("sheet: 262 PDF sheets in one `maturity sheet` call", batch, 262 * warm_pdf,
                   "262 × the warm PDF build",
                   note=f"CPU {batch_cpu:.0f} s; target < {BATCH_TARGET_S:.0f} s; {_load()} at its end"))
    return out


def main() -> int:
    rows = measure()
    print(f"{'bench':<30} {'median ms':>10} {'× fpdf2 alone':>14}")
    for name, ms, ratio in rows:
        cpu = f"  (CPU {_CPU_MS[name]:.0f} ms)" if name in _CPU_MS else ""
        print(f"{name:<30} {ms:>10.1f} {ratio:>14.1f}{cpu}")
    print(_load())
    pdf_ms = rows[1][1]
    verdict = "ok" if pdf_ms < TARGET_MS else "SLOW"
    print(f"sheet pdf warm: {pdf_ms:.0f} ms (target < {TARGET_MS:.0f} ms): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
