"""`python -m lib measure FILE_OR_FOLDER ...`: a scenario measured from a registry's own exports.

lib/__main__.py starts this without lib.cli, so measuring never loads the pricing engine (pandas, the
decision tree, the price lists) before the first file is read; lib.cli adds the same subcommand to
the full parser, so `python -m lib --help` lists it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..core import cli_words, i18n
from ..core.errors import DashboardError
from ..core.i18n import N_, _
from .output import dumps, report_lines
from .statistics import measure_paths

HELP = N_("a scenario measured from a registry inventory (ECR, manifests, Docker Hub, GitHub) and its pulls")
INPUTS = N_(
    "`aws ecr describe-images` output, a REPOSITORY/TAG.json manifest tree (or a zip of it), Docker Hub tags "
    "pages, GitHub package versions; pulls: `aws cloudwatch get-metric-statistics` / `get-metric-data` "
    "output of RepositoryPullCount, a CloudTrail JSON export with AWS's ip-ranges.json, Docker Hub's pull "
    "usage CSV"
)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    me = sub.add_parser("measure", help=_(HELP))
    me.add_argument("inputs", nargs="+", metavar="FILE_OR_FOLDER", help=_(INPUTS))
    me.add_argument("--format", choices=("yaml", "json"), default="yaml")
    me.set_defaults(func=run)
    return me


def run(args: argparse.Namespace) -> int:
    result = measure_paths(args.inputs)
    print("\n".join(report_lines(result)), file=sys.stderr)  # the report; stdout stays a scenario file
    print(dumps(result, args.format).rstrip("\n"))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """The measure subcommand alone; every failure is one line on stderr and exit status 2."""
    with i18n.using(cli_words.asked_language(sys.argv[1:] if argv is None else argv)):  # --help in that language
        ap = argparse.ArgumentParser(prog="python -m lib", description=_("Container registry cost and decision tools."))
        me = add_parser(ap.add_subparsers(dest="command", required=True))
        cli_words.add_lang(me)
        cli_words.words_of_argparse(ap)
        args = ap.parse_args(argv)
    with i18n.using(args.lang):
        try:
            return run(args)
        except DashboardError as e:  # every project error: its message is written for a person
            print(_("error: {message}").format(message=" ".join(str(e).split())), file=sys.stderr)
        except OSError as e:
            where = f"{e.filename}: " if e.filename else ""
            print(_("error: {message}").format(message=where + (e.strerror or str(e))), file=sys.stderr)
        except (RecursionError, MemoryError, ValueError, ArithmeticError) as e:
            print(
                _("error: the input cannot be used ({kind}: {detail})").format(
                    kind=type(e).__name__, detail=" ".join(str(e).split())[:200]
                ),
                file=sys.stderr,
            )
        return 2
