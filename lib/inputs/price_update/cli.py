"""`python -m lib prices urls|update`: the command line of the price-book update."""

from __future__ import annotations

import argparse
import sys

from ...core.i18n import _
from .. import price_lists as pl, regions as regionmap
from ..price_lists import PriceListError
from .from_lists import update
from .plausible import MAX_CHANGE


def _regions_arg(args: argparse.Namespace) -> list[str]:
    """--regions a,b: only these regions' AmazonEC2 files (each is hundreds of MB); default: all mapped."""
    known = sorted(regionmap.load())
    if not getattr(args, "regions", None):
        return known
    wanted = [r.strip() for r in args.regions.split(",") if r.strip()]
    bad = [r for r in wanted if r not in known]
    if bad:
        raise PriceListError(
            _("--regions: unknown region(s) {regions} (known: {known})").format(
                regions=", ".join(bad), known=", ".join(known)
            )
        )
    return wanted


def _urls(args: argparse.Namespace) -> int:
    wanted = _regions_arg(args)
    print(
        "# " + _("AWS Price List Bulk API offer files (public, no credentials). Save each at the path shown under DIR.")
    )
    print("# " + _("AmazonEC2 is read per region; its region_index.json lists each region's current file."))
    for url, rel in pl.download_plan(wanted):
        if rel.startswith("azure/"):
            continue
        print(f"{url}  ->  {rel}")
    # one sentence over two comment lines: the line break and its "# " are part of the message
    print(
        "# "
        + _(
            "Azure Retail Prices API (public, no credentials): save the first page as <name>-1.json, then follow\n"
            "# each page's NextPageLink, saving page n as <name>-n.json, until NextPageLink is null."
        )
    )
    for url, rel in pl.download_plan([]):
        if rel.startswith("azure/"):
            print(f"{url}  ->  {rel}")
    print(
        "# "
        + _("Google Cloud: no price list without credentials covers Artifact Registry; its entries stay hand-kept.")
    )
    return 0


def _update(args: argparse.Namespace) -> int:
    def progress(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    r = update(
        args.src,
        args.prices,
        args.history,
        do_fetch=args.fetch,
        progress=progress,
        dry_run=args.dry_run,
        fetch_regions=_regions_arg(args),
        accept_changes=args.accept_changes,
    )
    print(r.report)
    if args.dry_run:
        print(_("(dry run: nothing written)"))
    elif r.changed:
        print(_("Wrote price book {version}.").format(version=r.new_version))
    return 0


def add_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`python -m lib prices urls|update`: registered by lib/cli.py."""
    pr = sub.add_parser("prices", help=_("rebuild the price book from the vendors' price lists"))
    psub = pr.add_subparsers(dest="prices_command", required=True)
    u = psub.add_parser("urls", help=_("print every file the update reads, with where to save it"))
    u.add_argument(
        "--regions", metavar="A,B", help=_("only these regions' AmazonEC2 files (default: every mapped region)")
    )
    u.set_defaults(func=_urls)
    up = psub.add_parser("update", help=_("write a new dated price book from downloaded price lists"))
    up.add_argument("--from", dest="src", required=True, metavar="DIR", help=_("folder holding the downloaded files"))
    up.add_argument(
        "--fetch", action="store_true", help=_("download the files into DIR first (needs the vendors' hosts)")
    )
    up.add_argument("--regions", metavar="A,B", help=_("with --fetch: only these regions' AmazonEC2 files"))
    up.add_argument("--dry-run", action="store_true", help=_("print the changes, write nothing"))
    up.add_argument(
        "--accept-changes",
        action="store_true",
        help=_("write prices that changed more than {factor}x against the current book (checked by hand)").format(
            factor=f"{MAX_CHANGE:g}"
        ),
    )
    up.add_argument("--prices", default=None, help=_("the price book to update (default: data/prices.yaml)"))
    up.add_argument("--history", default=None, help=_("where superseded books go (default: data/price_history/)"))
    up.set_defaults(func=_update)
