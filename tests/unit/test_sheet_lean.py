"""`maturity sheet` imports fpdf2 without numpy and fontTools' variable-font instancer (maturity.sheet.lean):
they are imported on first use, and the sheet is the same."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import re, sys
    from datetime import date
    from maturity.sheet.lean import import_pdf
    import_pdf()
    import fpdf.fonts, fpdf.image_parsing
    assert "numpy" not in sys.modules
    assert type(sys.modules["fontTools.varLib.instancer"]).__name__ == "_LazyModule"
    builders = ("fontTools.varLib.merger", "fontTools.designspaceLib")  # varLib's __init__ imports them
    assert not any(name in sys.modules for name in builders), [n for n in builders if n in sys.modules]
    from maturity.questionnaire import load_questionnaire
    from maturity.sheet import build
    sys.path.insert(0, "tests/unit")
    from sheet_helpers import answers_at_rank
    q = load_questionnaire()
    data = build(q, answers_at_rank(q, 1, name="Fontaine-l'Évêque"), "de", "pdf", generated=date(2026, 12, 1))
    assert "numpy" not in sys.modules  # a sheet never used it
    assert not any(name in sys.modules for name in builders)
    sys.stdout.buffer.write(data)
    # used, both are there: fpdf2 finds numpy (image decoding) and the instancer (variable fonts)
    assert fpdf.image_parsing.numpy.uint32(7) == 7 and "numpy" in sys.modules
    assert callable(fpdf.fonts.instancer.instantiateVariableFont)
    # and the variable-font builders are there once asked for
    import fontTools.varLib
    assert callable(fontTools.varLib.build) and "fontTools.varLib.merger" in sys.modules
    from fontTools.varLib import build, varStore
    assert build is sys.modules["fontTools.varLib"].build and varStore.OnlineVarStoreBuilder
""")


def _undated(data: bytes) -> bytes:
    import re

    data = re.sub(rb"/CreationDate \(D:[^)]*\)", b"", data)
    return re.sub(rb"/ID \[<[0-9A-F]*><[0-9A-F]*>\]", b"", data)


def test_lean_import_puts_off_numpy_and_the_instancer_and_changes_no_byte():
    from datetime import date

    from maturity.questionnaire import load_questionnaire
    from maturity.sheet import build

    from .sheet_helpers import answers_at_rank

    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    q = load_questionnaire()
    here = build(q, answers_at_rank(q, 1, name="Fontaine-l'Évêque"), "de", "pdf", generated=date(2026, 12, 1))
    assert done.stdout.startswith(b"%PDF") and _undated(done.stdout) == _undated(here)


PUT_OFF_SCRIPT = textwrap.dedent("""
    import sys
    from datetime import date
    from maturity.sheet.lean import import_pdf
    import_pdf()
    import fpdf.sign, fpdf.svg
    never = ("unittest", "unittest.mock", "asyncio", "defusedxml", "defusedxml.ElementTree")
    assert not any(name in sys.modules for name in never), [n for n in never if n in sys.modules]
    from maturity.questionnaire import load_questionnaire
    from maturity.sheet import build
    sys.path.insert(0, "tests/unit")
    from sheet_helpers import answers_at_rank
    q = load_questionnaire()
    build(q, answers_at_rank(q, 1), "fr", "pdf", generated=date(2026, 12, 1))
    assert not any(name in sys.modules for name in never)  # a sheet never used them
    # called, the functions fpdf2 took are the modules' own: an SVG is read by defusedxml, a patch patches
    assert fpdf.svg.parse_xml_str("<svg width='2'/>").get("width") == "2"
    import defusedxml.ElementTree
    assert type(sys.modules["defusedxml.ElementTree"]).__name__ == "module"
    import os
    with fpdf.sign.patch("os.sep", "#"):
        assert os.sep == "#"
    assert os.sep != "#" and "unittest.mock" in sys.modules
    from unittest.mock import patch
    assert patch.object is not None
""")


def test_lean_import_puts_off_the_modules_fpdf2_takes_one_function_from():
    """unittest.mock (with asyncio) and defusedxml are imported at the first call of the function fpdf2
    took from them (signing a PDF, reading an SVG), never for a sheet."""
    done = subprocess.run([sys.executable, "-c", PUT_OFF_SCRIPT], cwd=ROOT, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
