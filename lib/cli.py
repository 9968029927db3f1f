"""`python -m lib estimate SCENARIO.yaml [--format table|json|csv]` and `python -m lib fields`."""
from __future__ import annotations

import argparse
import json
import sys

from . import engine, pricebook, report, scenario
from .errors import InputError, PriceBookError
from .workload import SPECS


def _estimate(args) -> int:
    book = pricebook.load(args.prices) if args.prices else pricebook.load()
    w, _meta = scenario.load(args.scenario) if args.scenario != "-" else scenario.loads(sys.stdin.read(), "stdin")
    e = engine.estimate(w, book)
    if args.format == "json":
        print(json.dumps(report.to_dict(e), indent=2))
    elif args.format == "csv":
        sys.stdout.write(report.to_csv(e))
    else:
        print(report.to_text(e))
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
    f = sub.add_parser("fields", help="list the scenario fields, defaults and ranges")
    f.set_defaults(func=_fields)
    return ap


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (InputError, PriceBookError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
