"""`python -m lib bill FILE... [--scenario S.yaml] [--share nat=60]`: the model against a bill.

The report goes to stdout (text) or the comparison as JSON; with `--format yaml` stdout is the
scenario with the measured inputs applied (the report on stderr), as `measure` does."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import yaml

from ..core.errors import InputError
from ..core.i18n import _
from ..inputs import pricebook, scenario
from ..inputs.workload import DEFAULT, lenient
from . import compare, inputs_from_paths, read, shared_groups, words
from .mapping import SHARE_GROUPS


def add_parser(sub: Any, func: Any) -> argparse.ArgumentParser:
    bi: argparse.ArgumentParser = sub.add_parser(
        "bill", help=_("the model against a cloud bill (FOCUS, AWS CUR, GitHub usage report)")
    )
    bi.add_argument(
        "files",
        nargs="+",
        metavar=_("FILE"),
        help=_("FOCUS 1.0+, AWS CUR 2.0 or legacy CUR (CSV, gzip, Parquet), GitHub usage report CSV"),
    )
    bi.add_argument("--scenario", help=_("the scenario YAML the model prices (default: the default scenario)"))
    bi.add_argument(
        "--share",
        action="append",
        default=[],
        metavar="GROUP=PERCENT",
        help=_(
            "the registry's share of a shared line: nat=100, endpoints=100, transfer=50 "
            "(shared lines are not counted until a share is given)"
        ),
    )
    bi.add_argument("--provider", choices=("aws", "azure", "gcp", "github"), help=_("compare this provider's lines"))
    bi.add_argument("--format", choices=("text", "json", "yaml"), default="text")
    bi.add_argument("--prices", help=_("a price book YAML (default: data/prices.yaml)"))
    bi.set_defaults(func=func)
    return bi


def parse_shares(items: list[str]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or key not in SHARE_GROUPS:
            raise InputError(
                _("--share {item}: write GROUP=PERCENT with GROUP one of {groups}").format(
                    item=item, groups=", ".join(SHARE_GROUPS)
                )
            )
        try:
            pct = float(value.rstrip("%"))
        except ValueError:
            pct = -1.0
        if not 0 <= pct <= 100:
            raise InputError(_("--share {item}: the share is a percentage from 0 to 100").format(item=item))
        out[key] = pct / 100
    return out


def run(args: argparse.Namespace) -> int:
    book = pricebook.load(args.prices) if args.prices else pricebook.load()
    w = scenario.load(args.scenario)[0] if args.scenario else DEFAULT
    shares = parse_shares(args.share)
    bill = read(inputs_from_paths(args.files))
    c = compare(bill, w, book, shares, args.provider)
    present = shared_groups(bill)
    shares = {g: shares.get(g) for g in present}  # the groups this bill has shared lines in
    if args.format == "json":
        print(json.dumps(words.to_dict(bill, c, shares), indent=2, ensure_ascii=False))
        return 0
    lines = words.report(bill, c, shares)
    if args.format == "yaml":
        print("\n".join(lines), file=sys.stderr)
        applied, problems = lenient(c.values(), w)
        for p in problems:
            print(_("note: {problem}").format(problem=p), file=sys.stderr)
        print(yaml.safe_dump(applied.to_dict(), sort_keys=False, allow_unicode=True).rstrip("\n"))
        return 0
    print("\n".join(lines))
    return 0
