"""`python -m lib estimate|recommend SCENARIO.yaml [--format ...]` and `python -m lib fields`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import yaml

from .analyses.analysis import analyse
from .bill import cli as bill_cli, inputs_from_paths, read
from .bill.cli import add_parser as _bill_parser, parse_shares
from .bill.section import section
from .core import cli_words, i18n, numbers
from .core.errors import DashboardError, InputError
from .core.i18n import N_, _
from .decide import decision
from .decide.decision_text import step_reasons
from .inputs import pricebook, scenario, won_rate
from .inputs.price_update.cli import add_cli as _prices_cli
from .inputs.pricebook import PriceBook
from .inputs.workload import SPECS, Workload
from .measure import cli as measure_cli
from .presentation import report
from .pricing import engine, labels, registries, setups

if TYPE_CHECKING:
    from .bill.section import Section


def _estimate(args: argparse.Namespace) -> int:
    w, book = _read(args)
    e = engine.estimate(w, book)
    if args.format == "json":
        print(json.dumps(report.to_dict(e, setups.cheaper_setups(w, book, e)), indent=2))
    elif args.format == "csv":
        sys.stdout.write(report.to_csv(e))
    else:
        print(report.to_text(e))
    return 0


def _read(args: argparse.Namespace) -> tuple[Workload, PriceBook]:
    book = pricebook.load(args.prices) if args.prices else pricebook.load()
    w, _meta = scenario.load(args.scenario) if args.scenario != "-" else scenario.loads(sys.stdin.read(), "stdin")
    return w, book


def _recommend(args: argparse.Namespace) -> int:
    w, book = _read(args)
    if args.format == "json":
        print(json.dumps(decision.recommend(w, book).to_dict(), indent=2))
        return 0
    a = analyse(w, book)
    r = a.recommendation
    names = {rid: registries.name(rid) for rid in registries.IDS}  # in the language of the run
    print(decision.headline(r))
    if r.summary:  # the serving step's answer says it all in the headline: no empty line under it
        print(f"  {labels.strength_words(r.summary)}")
    if r.runner_up:
        # at the figure it was compared at (its cheapest setup that serves), as on every page and slide:
        # r.costs holds it as set up, where the open-source project's Docker Hub read $0.00 on Personal
        # beside "costs $9.00/month more" on Pro (issue 24)
        print(
            _("Runner-up:   {registry} ({cost}/month)").format(
                registry=names[r.runner_up], cost=labels.money(a.shown[r.runner_up].monthly_cost, prose=True)
            )
        )
    print("\n" + _("Why:"))
    for i, step in enumerate(r.path, 1):
        arrow = "→" if i18n.lang() == "ko" else "->"  # an ASCII arrow inside Korean reads as code
        print(
            f"  {i}. {step.question}\n     {arrow} {step.answer}: "
            + labels.strength_words(" ".join(step_reasons(step.answer, step.reasons)))
        )
    if r.cost_note:
        print(f"  {r.cost_note}")
    print("\n" + _("The others:"))
    for x in r.rejected:
        print(f"  {report.pad(x.name, 36)} {x.why}")  # by display width: Hangul takes two columns
    return 0


def _export(args: argparse.Namespace) -> int:
    from .exports import adr, deck, export

    w, book = _read(args)
    wanted = {k: getattr(args, k) for k in ("pptx", "xlsx", "csv", "json", "adr", "png", "svg") if getattr(args, k)}
    if not wanted:
        print(_("error: name at least one output, e.g. --pptx out.pptx"), file=sys.stderr)
        return 2
    a = analyse(w, book)  # priced once; every output below reads this
    e = a.shown  # each registry in its best setup (the recommended one at the answer), or as set up now
    bill = _bill_section(args, w, book)
    for kind, path in wanted.items():
        data: str | bytes
        if kind == "pptx":
            data, missing = deck.build(a, args.link, bill=bill)
            for m in missing:
                print(_("note: picture missing in the deck: {problem}").format(problem=m), file=sys.stderr)
        elif kind == "xlsx":
            data = export.xlsx_table(e, book, a)
        elif kind == "csv":
            data = export.csv_table(e)
        elif kind == "json":
            data = export.full_json(a, args.link)
        elif kind == "adr":
            data = adr.adr(a, args.link, bill=bill)
        else:
            from .presentation import charts, wording

            fig = export.slide_figure(
                charts.cost_breakdown(
                    e,
                    recommended=a.recommendation.recommended,
                    other=a.other_totals(),
                    other_name=wording.other_view(a.as_set_up),
                ),
                charts.scenario_title(e),
            )
            try:
                data = export.image(fig, kind)
            except export.ImageExportError as err:
                print(_("error: {message}").format(message=err), file=sys.stderr)
                return 3
        with open(path, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        print(_("wrote {path}").format(path=path))
    return 0


def _bill_section(args: argparse.Namespace, w: Workload, book: PriceBook) -> Section | None:
    """`export --bill FILE... [--share nat=100]`: the deck's slide and the ADR's section on that bill."""
    if not args.bill:
        if args.share:
            raise InputError(_("--share needs --bill: the share is of a bill's shared lines"))
        return None
    shares = parse_shares(args.share)
    return section(read(inputs_from_paths(args.bill)), w, book, shares)


def _bill(args: argparse.Namespace) -> int:
    return bill_cli.run(args)


def _fields(args: argparse.Namespace) -> int:
    for name, s in SPECS.items():
        if s.kind == "text":  # the pattern a value must match (an account id, a name)
            rng = _("text matching {pattern}").format(pattern=s.pattern) if s.pattern else _("text")
        elif s.choices:
            rng = ", ".join(map(str, s.choices))
        elif s.min is not None and s.max is not None:
            rng = _("{low}..{high}").format(low=numbers.number(s.min), high=numbers.number(s.max))
        else:
            rng = "true/false"
        default = _("default {value}").format(value=report.pad(_default_words(s.default), 10))
        print(f"{report.pad(name, 28)} {default} {report.pad(rng, 32)} {s.help}")
    return 0


def _default_words(value: object) -> str:
    """A field's default as the reader takes it, never Python's repr ("False", "()", "1e+06"): a scenario
    file's value in English (false, 1,000), the sidebar's words in Korean (아니요, 없음); choice keys stay
    keys, as the list of choices beside them has them (ninth Korean review W3)."""
    if isinstance(value, bool):
        if i18n.lang() == "en":
            return "true" if value else "false"  # as a scenario file writes it, beside "true/false"
        return _("yes") if value else _("no")
    if isinstance(value, int | float):
        return numbers.number(value)
    if isinstance(value, tuple | list | frozenset | set):
        return ", ".join(map(str, value)) if value else _("none")
    return str(value)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m lib", description=_("Container registry cost and decision tools."))
    sub = ap.add_subparsers(dest="command", required=True)
    est = sub.add_parser("estimate", help=_("every registry's monthly cost, with its components"))
    est.add_argument("scenario", help=_("scenario YAML file ('-' for standard input)"))
    est.add_argument("--format", choices=("table", "json", "csv"), default="table")
    est.add_argument("--prices", help=_("a price book YAML (default: data/prices.yaml)"))
    est.set_defaults(func=_estimate)
    rec = sub.add_parser("recommend", help=_("the decision tree's recommendation, with its reasons"))
    rec.add_argument("scenario", help=_("scenario YAML file ('-' for standard input)"))
    rec.add_argument("--format", choices=("text", "json"), default="text")
    rec.add_argument("--prices", help=_("a price book YAML (default: data/prices.yaml)"))
    rec.set_defaults(func=_recommend)
    ex = sub.add_parser("export", help=_("slides, tables, JSON, an ADR and pictures for a scenario"))
    ex.add_argument("scenario", help=_("scenario YAML file ('-' for standard input)"))
    ex.add_argument("--prices", help=_("a price book YAML (default: data/prices.yaml)"))
    for kind, what in (
        ("pptx", N_("PowerPoint deck")),
        ("xlsx", N_("cost table (Excel)")),
        ("csv", N_("cost table (CSV)")),
        ("json", N_("full result (JSON)")),
        ("adr", N_("architecture decision record (Markdown)")),
        ("png", N_("cost chart, 1920x1080 PNG")),
        ("svg", N_("cost chart, SVG")),
    ):
        ex.add_argument(f"--{kind}", metavar=_("FILE"), help=_(what))
    ex.add_argument("--link", default="", help=_("the share link to print in the deck, JSON and ADR"))
    ex.add_argument(
        "--bill",
        nargs="+",
        metavar=_("FILE"),
        help=_("a cloud bill (FOCUS, AWS CUR, GitHub usage report): the deck and the ADR hold it against the model"),
    )
    ex.add_argument(
        "--share",
        action="append",
        default=[],
        metavar="GROUP=PERCENT",
        help=_("with --bill: the registry's share of a shared line (nat=100, endpoints=100, transfer=50)"),
    )
    ex.set_defaults(func=_export)
    me = measure_cli.add_parser(sub)  # also started alone by lib/__main__.py, without the engine
    bi = _bill_parser(sub, _bill)  # `bill FILE...`: the model against a cloud bill (issue 27)
    f = sub.add_parser("fields", help=_("list the scenario fields, defaults and ranges"))
    f.set_defaults(func=_fields)
    _prices_cli(sub)  # `prices urls|update`: the vendors' price lists
    for command in (est, rec, ex, me, bi, f):  # every command that prints words or writes a file
        cli_words.add_lang(command)
    for command in (est, rec, ex):  # every command that writes amounts
        command.add_argument(
            "--krw-rate",
            metavar=_("RATE"),
            help=_(
                "amounts in won at this rate (won per US dollar, from your bank or treasury); default: US dollars; "
                "JSON, CSV and the spreadsheet stay in US dollars"
            ),
        )
        command.add_argument(
            "--krw-date", metavar="YYYY-MM-DD", help=_("the day of that rate (default: today); the files name it")
        )
    cli_words.words_of_argparse(ap)
    return ap


def _krw(args: argparse.Namespace) -> i18n.Krw | None:
    """The won rate asked for, checked as a link's is (lib/inputs/won_rate): a bad rate or day is said on
    stderr and not used, the amounts then in US dollars (eighth Korean review: the CLI's exports could not be
    in won, as the app's downloads are)."""
    rate_text, day_text = getattr(args, "krw_rate", None), getattr(args, "krw_date", None)
    if rate_text is None:
        if day_text is not None:
            _note(_("{field}: a date without a rate (krw_rate) is not used").format(field=won_rate.DATE_FIELD))
        return None
    rate, why = won_rate.parse_rate(rate_text)
    day, why_day = won_rate.parse_date(day_text) if day_text is not None else (won_rate.today(), None)
    for problem in (why, why_day):
        if problem:
            _note(problem)
    return i18n.Krw(rate, day) if rate is not None and day is not None else None


def _note(text: str) -> None:
    print(_("note: {problem}").format(problem=text), file=sys.stderr)


def _one_line(text: object, limit: int | None = None) -> str:
    text = " ".join(str(text).split())
    return text[: limit - 1] + "…" if limit and len(text) > limit else text


def main(argv: Sequence[str] | None = None) -> int:
    """Every failure is one line on stderr and exit status 2, never a traceback."""
    with i18n.using(
        cli_words.asked_language(sys.argv[1:] if argv is None else argv)
    ):  # --help in the language asked for
        args = build_parser().parse_args(argv)
    with i18n.using(getattr(args, "lang", i18n.DEFAULT)):
        krw = _krw(args)  # its notes in the language asked for
    with i18n.using(getattr(args, "lang", i18n.DEFAULT), krw=krw):
        try:
            return int(args.func(args))
        except DashboardError as e:  # every project error: its message is written for a person
            print(_("error: {message}").format(message=_one_line(e)), file=sys.stderr)
        except OSError as e:  # reading a file, or writing an output
            where = f"{e.filename}: " if e.filename else ""
            print(_("error: {message}").format(message=_one_line(where + (e.strerror or str(e)), 300)), file=sys.stderr)
        except (yaml.YAMLError, RecursionError, MemoryError, ValueError, ArithmeticError) as e:
            # the readers turn these into messages; this is the net under them
            print(
                _("error: the input cannot be used ({kind}: {detail})").format(
                    kind=type(e).__name__, detail=_one_line(e, 200)
                ),
                file=sys.stderr,
            )
        return 2
