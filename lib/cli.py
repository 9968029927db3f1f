"""`python -m lib estimate|recommend SCENARIO.yaml [--format ...]` and `python -m lib fields`."""
from __future__ import annotations

import argparse
import json
import sys

from . import decision, engine, pricebook, report, scenario, setups
from .errors import InputError, PriceBookError
from .workload import SPECS


def _estimate(args) -> int:
    w, book = _read(args)
    e = engine.estimate(w, book)
    if args.format == "json":
        print(json.dumps(report.to_dict(e, setups.cheaper_setups(w, book, e)), indent=2))
    elif args.format == "csv":
        sys.stdout.write(report.to_csv(e))
    else:
        print(report.to_text(e))
    return 0


def _read(args):
    book = pricebook.load(args.prices) if args.prices else pricebook.load()
    w, _meta = scenario.load(args.scenario) if args.scenario != "-" else scenario.loads(sys.stdin.read(), "stdin")
    return w, book


def _recommend(args) -> int:
    w, book = _read(args)
    r = decision.recommend(w, book)
    if args.format == "json":
        print(json.dumps(r.to_dict(), indent=2))
        return 0
    names = engine.registries.NAMES
    print(decision.headline(r))
    print(f"  {r.summary}")
    if r.runner_up:
        print(f"Runner-up:   {names[r.runner_up]} (${r.costs[r.runner_up]:,.2f}/month)")
    print("\nWhy:")
    for i, step in enumerate(r.path, 1):
        print(f"  {i}. {step.question}\n     -> {step.answer}: {' '.join(step.reasons)}")
    if r.cost_note:
        print(f"  {r.cost_note}")
    print("\nThe others:")
    for x in r.rejected:
        print(f"  {x.name:<36} {x.why}")
    return 0


def _export(args) -> int:
    from . import adr, deck, export
    w, book = _read(args)
    e = engine.estimate(w, book)
    wanted = {k: getattr(args, k) for k in ("pptx", "xlsx", "csv", "json", "adr", "png", "svg") if getattr(args, k)}
    if not wanted:
        print("error: name at least one output, e.g. --pptx out.pptx", file=sys.stderr)
        return 2
    for kind, path in wanted.items():
        if kind == "pptx":
            data, missing = deck.build(w, book, args.link)
            for m in missing:
                print(f"note: picture missing in the deck: {m}", file=sys.stderr)
        elif kind == "xlsx":
            data = export.xlsx_table(e, book)
        elif kind == "csv":
            data = export.csv_table(e)
        elif kind == "json":
            data = export.full_json(e, book, args.link)
        elif kind == "adr":
            data = adr.adr(w, book, args.link)
        else:
            from . import charts
            fig = export.slide_figure(charts.cost_breakdown(e), charts.scenario_title(e))
            try:
                data = export.image(fig, kind)
            except export.ImageExportError as err:
                print(f"error: {err}", file=sys.stderr)
                return 3
        with open(path, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        print(f"wrote {path}")
    return 0


def _fields(args) -> int:
    for name, s in SPECS.items():
        rng = f"{', '.join(map(str, s.choices))}" if s.choices else (
            f"{s.min:g}..{s.max:g}" if s.min is not None else "true/false")
        print(f"{name:<28} default {s.default!s:<10} {rng:<32} {s.help}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m lib", description="Container registry cost and decision tools.")
    sub = ap.add_subparsers(dest="command", required=True)
    est = sub.add_parser("estimate", help="every registry's monthly cost, with its components")
    est.add_argument("scenario", help="scenario YAML file ('-' for standard input)")
    est.add_argument("--format", choices=("table", "json", "csv"), default="table")
    est.add_argument("--prices", help="a price book YAML (default: data/prices.yaml)")
    est.set_defaults(func=_estimate)
    rec = sub.add_parser("recommend", help="the decision tree's recommendation, with its reasons")
    rec.add_argument("scenario", help="scenario YAML file ('-' for standard input)")
    rec.add_argument("--format", choices=("text", "json"), default="text")
    rec.add_argument("--prices", help="a price book YAML (default: data/prices.yaml)")
    rec.set_defaults(func=_recommend)
    ex = sub.add_parser("export", help="slides, tables, JSON, an ADR and pictures for a scenario")
    ex.add_argument("scenario", help="scenario YAML file ('-' for standard input)")
    ex.add_argument("--prices", help="a price book YAML (default: data/prices.yaml)")
    for kind, what in (("pptx", "PowerPoint deck"), ("xlsx", "cost table (Excel)"), ("csv", "cost table (CSV)"),
                       ("json", "full result (JSON)"), ("adr", "architecture decision record (Markdown)"),
                       ("png", "cost chart, 1920x1080 PNG"), ("svg", "cost chart, SVG")):
        ex.add_argument(f"--{kind}", metavar="FILE", help=what)
    ex.add_argument("--link", default="", help="the share link to print in the deck, JSON and ADR")
    ex.set_defaults(func=_export)
    f = sub.add_parser("fields", help="list the scenario fields, defaults and ranges")
    f.set_defaults(func=_fields)
    return ap


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (InputError, PriceBookError, decision.DecisionTreeError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
