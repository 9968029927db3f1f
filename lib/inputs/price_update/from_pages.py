"""The update from AWS's pricing-page JSON and a file of sourced figures (lib/inputs/price_pages/)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

from ...core.i18n import _
from .. import price_lists as pl, price_pages as pp, pricebook, regions as regionmap
from ..price_pages.figures import ChoiceFigures, Figures
from ..regions import RegionMatch
from .plausible import check_plausible
from .writing import Result, next_version, write_book


def update_from_pages(
    src: Path,
    book_path: Path,
    history_dir: Path,
    today: str,
    progress: pl.Progress | None = None,
    dry_run: bool = False,
    accept_changes: bool = False,
) -> Result:
    """The update from AWS's pricing-page JSON and a file of sourced figures (lib/inputs/price_pages/):
    new regions priced from them, a figure no file gives standing in (recorded as such); the
    figures pass the offer-file reader's plausibility rules (check_plausible) before anything is built."""
    old_text = book_path.read_text(encoding="utf-8")
    old = pricebook.load(book_path)
    old_doc = yaml.safe_load(old_text)
    rmap = regionmap.load()
    listed = pp.sourced_regions(src)
    unmapped = [r for r in listed if r not in rmap]
    offered = [r for r in listed if r in rmap]
    figures, choices = _read(src, {r: rmap[r] for r in offered}, progress)
    # `by:` figures only decide whether a region cites its own source; they are checked all the same
    per_choice = {k: {f"{r} {c}": f for r, cs in rs.items() for c, f in cs.items()} for k, rs in choices.items()}
    check_plausible(
        old, {**figures, **{k: {**figures.get(k, {}), **v} for k, v in per_choice.items()}}, today, accept_changes
    )
    built = pp.build(old_doc, old, figures, choices, offered, rmap, next_version(old, history_dir, today))
    tail = _tail(built, {r: rmap[r].name for r in offered}, unmapped)
    return write_book(
        book_path, history_dir, old_text, old_doc, old, built.doc, today, tail, built.added, built.left_out, dry_run
    )


def _read(src: Path, regions: Mapping[str, RegionMatch], progress: pl.Progress | None) -> tuple[Figures, ChoiceFigures]:
    """The pages' figures with the sourced ones over them, and the sourced `by:` figures per choice."""
    if progress:
        progress(_("reading {path}").format(path=src / pp.PAGES))
    figures = pp.read_pages(src, regions)
    if progress:
        progress(_("reading {path}").format(path=src / pp.SOURCED))
    sourced, choices = pp.read_sourced(src, regions)
    for k, per in sourced.items():
        figures.setdefault(k, {}).update(per)
    return figures, choices


def _tail(built: pp.Built, names: Mapping[str, str], unmapped: list[str]) -> list[str]:
    """The report's lines after the changes: regions added and left out, regions the map lacks, and the
    stand-ins (one line per figure and the region it stands in from)."""
    tail = (
        [_("Regions added: {regions}").format(regions=", ".join(f"{r} ({names[r]})" for r in built.added))]
        if built.added
        else []
    )
    tail += [
        _("Region left out: {region} ({name}): {why}").format(region=r, name=names[r], why=why)
        for r, why in built.left_out
    ]
    if unmapped:
        tail.append(
            _("Regions in the sourced figures but not in data/region_map.yaml (left out): {regions}").format(
                regions=", ".join(unmapped)
            )
        )
    grouped: dict[tuple[str, str], list[str]] = {}
    for r, k, other in built.stand_ins:
        grouped.setdefault((k, other), []).append(r)
    tail += [
        _("Stand-in (no file gives these regions' figure): {key} in {regions} uses {other}'s").format(
            key=k, regions=", ".join(rs), other=other
        )
        for (k, other), rs in grouped.items()
    ]
    return tail
