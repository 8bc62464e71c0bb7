"""``maturity`` command line (contract §6): one module per command group.

- :mod:`.assess` — ``validate``, ``score``, ``sheet``
- :mod:`.benchmarks` — ``benchmarks`` (list, compare, pool, import, import-aggregates)
- :mod:`.campaign` — ``campaign`` (create, list, invite, revoke, reissue, submit, status, report, publish)
- :mod:`.recommendations` — ``recommendations`` (which apply, and why)
- :mod:`.answers` — ``answers merge`` (several respondents into one proposal)
- :mod:`.plan` — ``plan`` (the roadmap as the structure of a PST)

Each group module has ``register(subparsers)`` and imports only :mod:`.common` and :mod:`.texts` (the one
catalog of what the commands print, in fr/de/en) of this package, never a sibling group. Called without a command,
``maturity`` and each group print their help and exit 2. Exit codes: 0 success, 1 invalid input (every problem on stderr, naming
its place; nothing written), 2 usage error, 3 internal error (a bug). Bad input never shows a
traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

from ..errors import InvalidInput
from . import answers, assess, benchmarks, campaign, plan, recommendations
from .common import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, group_help, print_problems

GROUPS = (assess, benchmarks, recommendations, answers, campaign, plan)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="maturity", description="Smart City self-assessment for Walloon communes")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    parser.set_defaults(func=group_help(parser))  # `maturity` alone: its help, exit 2
    for group in GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # the program itself (the console script, ``python -m maturity``), not a caller in a process
        # the objects of the imports live as long as the command: the cycle collector skips them from now on
        # (a tenth of a cold `validate` or `sheet` was spent walking them again; docs/performance.md)
        gc.freeze()
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on a usage error
    try:
        return int(args.func(args) or 0)
    except InvalidInput as exc:
        print_problems(exc.problems)
        return EXIT_INVALID
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except BrokenPipeError:  # the reader went away (`maturity benchmarks | head`): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that Python's exit flush does not fail again
        return EXIT_OK
    except Exception as exc:  # a bug, not bad input: short message, traceback only on request
        if os.environ.get("MATURITY_DEBUG"):
            raise
        print(f"internal error: {type(exc).__name__}: {exc} (set MATURITY_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_INTERNAL
