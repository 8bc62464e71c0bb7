"""The command line's package (CONTRIBUTING: « one module per command group with ``register(subparsers)``, each
importing only ``cli/common.py`` and the CLI's one text catalog ``cli/texts.py``, never a sibling group »): read from the sources, so that a group importing
another (at its top or inside a function) is named here, not found when the two drift apart."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CLI = Path(__file__).resolve().parents[2] / "maturity" / "cli"
SHARED = ("common", "texts")  # what every group may import: the helpers and the one catalog of the CLI's texts
GROUPS = sorted(p.stem for p in CLI.glob("*.py") if p.stem not in ("__init__", *SHARED))


def cli_modules_imported(path: Path) -> set[str]:
    """The modules of maturity.cli that ``path`` (a module of that package) imports, by their names."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[2] for a in node.names if a.name.startswith("maturity.cli.")}
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 1 or (node.level == 0 and (module + ".").startswith("maturity.cli.")) \
                    or (node.level == 2 and module.split(".")[0] == "cli"):
                # from . import x / from .x import y / from maturity.cli.x import y / from ..cli.x import y
                inside = module.removeprefix("maturity.").removeprefix("cli").lstrip(".") if node.level != 1 else module
                found |= {inside.split(".")[0]} if inside else {a.name for a in node.names}
    return found


def test_the_groups_are_the_packages_modules():
    assert {"answers", "assess", "benchmarks", "campaign", "plan", "recommendations"} <= set(GROUPS)


@pytest.mark.parametrize("group", GROUPS)
def test_a_command_group_imports_no_other_group(group):
    path = CLI / f"{group}.py"
    siblings = cli_modules_imported(path) - set(SHARED)
    assert not siblings, (f"maturity/cli/{group}.py imports {sorted(siblings)}: a group imports only cli/common.py "
                          "and cli/texts.py")
    assert "def register(" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("shared", SHARED)
def test_the_shared_modules_import_no_group(shared):
    assert not cli_modules_imported(CLI / f"{shared}.py") & set(GROUPS)


def test_the_reader_finds_every_way_of_importing_a_sibling(tmp_path):
    """The check above finds what it looks for: each way of writing the import."""
    for line in ("from . import plan", "from .plan import run", "from maturity.cli.plan import run",
                 "from maturity.cli import plan", "import maturity.cli.plan", "from ..cli.plan import run",
                 "from ..cli import plan", "def f():\n    from .plan import run"):
        path = tmp_path / "x.py"
        path.write_text(line + "\n", encoding="utf-8")
        assert cli_modules_imported(path) == {"plan"}, line
    path.write_text("from ..plan import run\nfrom .common import LANGS\nimport maturity.plan\n", encoding="utf-8")
    assert cli_modules_imported(path) == {"common"}
