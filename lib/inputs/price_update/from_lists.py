"""The update from the vendors' price lists (AWS offer files, Azure Retail Prices pages): the new
book's document built from what they price, and `update`, which reads DIR with the reader its
contents call for (a folder of AWS pricing-page JSON goes to from_pages)."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from ...core.i18n import _
from .. import price_lists as pl, pricebook, regions as regionmap
from ..price_lists import Founds, PriceListError
from ..price_pages import is_pages_dir
from ..regions import RegionMatch
from .from_pages import update_from_pages
from .plausible import check_plausible
from .writing import Result, next_version, write_book

AUTO_NOTE = re.compile(r"^Read from the [^()]*\([^()]*\)\.\s*")
AUTO_NOTE_KO = re.compile(r"^\S+ 가격표에서 읽음\([^()]*\)\.\s*")


def _source_of(founds: Sequence[pl.Found]) -> str:
    srcs = sorted({f.source for f in founds})
    if len(srcs) == 1:
        return srcs[0]
    # regional files (EC2): the region index lists each region's file
    return re.sub(r"/current/[^/]+/index\.json$", "/current/region_index.json", srcs[0])


def _note(founds: Sequence[pl.Found], old_note: str | dict[str, str], vendor: str) -> str | dict[str, str]:
    """Where the figure was read, then the note a person wrote (kept in each language it has)."""
    f = founds[0]
    dates = sorted({x.as_of for x in founds})
    when = "published" if vendor == "AWS" else "read"  # Retail Prices pages carry no publication date
    auto = f"Read from the {vendor} price list ({when} {dates[-1]}; page {f.page})."
    if isinstance(old_note, dict):  # {en, ko}: the same fact in Korean before the Korean note
        when_ko = "게시일" if vendor == "AWS" else "읽은 날"
        auto_ko = f"{vendor} 가격표에서 읽음({when_ko} {dates[-1]}, 페이지 {f.page})."
        human_en = AUTO_NOTE.sub("", old_note.get("en", "")).strip()
        human_ko = AUTO_NOTE_KO.sub("", old_note.get("ko", "")).strip()
        return {"en": f"{auto} {human_en}".strip(), "ko": f"{auto_ko} {human_ko}".strip()}
    human = AUTO_NOTE.sub("", old_note or "").strip()
    return f"{auto} {human}".strip()


def _require_old_regions(old: pricebook.PriceBook, sourced: set[str], found: pl.Founds) -> None:
    """Old regions must stay fully priced: a file without them is a partial update, refused whole."""
    for r in old.regions:
        for k in sorted(sourced):
            if old.prices[k].by is None and r not in found[k]:
                raise PriceListError(
                    _(
                        "no price for {key} in {region} (a region of the current book) in the files read; "
                        "the update is partial, so the current book stays"
                    ).format(key=k, region=r)
                )


def _new_regions(
    old: pricebook.PriceBook, sourced: set[str], found: pl.Founds, offered: dict[str, str]
) -> tuple[list[str], list[tuple[str, str]]]:
    """The offered regions every price can be given in (from the lists or by hand), and the others with why."""
    region_keyed_hand = {
        k: p.value for k, p in old.prices.items() if k not in sourced and p.by is None and isinstance(p.value, dict)
    }
    added, left_out = [], []
    for r in offered:
        if r in old.regions:
            continue
        gaps = [k for k in sorted(sourced) if old.prices[k].by is None and r not in found[k]]
        hand = [k for k, v in region_keyed_hand.items() if r not in v]
        why = [f"no price in the lists for {', '.join(gaps)}"] if gaps else []
        why += [f"no hand-kept price for {', '.join(hand)}"] if hand else []
        if why:
            left_out.append((r, "; ".join(why)))
        else:
            added.append(r)
    return added, left_out


def _read_value(
    key: str, price: pricebook.Price, found: pl.Founds, regions: list[str]
) -> tuple[float | dict[str, float], list[pl.Found]]:
    """The entry's new value as the lists give it (10 decimals, as the lists have them), and the figures used."""
    if price.by is not None:
        assert isinstance(price.value, dict)  # parse() refuses a keyed price without a map
        missing = [c for c in price.value if c not in found[key]]
        if missing:
            raise PriceListError(
                _("no price for {key} ({by} {choices}) in the files read").format(
                    key=key, by=price.by, choices=", ".join(missing)
                )
            )
        return {c: round(found[key][c].value, 10) for c in price.value}, [found[key][c] for c in price.value]
    vals = {r: round(found[key][r].value, 10) for r in regions}
    scalar = not isinstance(price.value, dict) and len({round(v, 12) for v in vals.values()}) == 1
    return (next(iter(vals.values())) if scalar else vals), [found[key][r] for r in regions]


def _updated_entry(entry: dict[str, Any], value: float | dict[str, float], used: list[pl.Found]) -> dict[str, Any]:
    """The book entry with its new value, source and date; its unit (bilingual {en, ko} stays so: its
    English is what was matched) and the note a person wrote kept."""
    vendor = "Azure" if "azure" in used[0].source else "AWS"
    new = {"value": value, "unit": entry["unit"], "source": _source_of(used), "as_of": max(f.as_of for f in used)}
    if "by" in entry:
        new = {"value": value, "by": entry["by"], **{f: new[f] for f in ("unit", "source", "as_of")}}
    new["note"] = _note(used, entry.get("note", ""), vendor)
    return new


def build(
    old_doc: dict[str, Any],
    old: pricebook.PriceBook,
    found: pl.Founds,
    offered: dict[str, str],
    today: str,
    region_names: dict[str, str],
) -> tuple[dict[str, Any], tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The new book's document, the regions added and the regions left out (with why)."""
    sourced = {k for k in found if k in old.prices}
    _require_old_regions(old, sourced, found)
    added, left_out = _new_regions(old, sourced, found, offered)
    final = list(old.regions) + added
    doc = dict(old_doc)
    doc["version"] = today
    doc["regions"] = {**{r: old.regions[r] for r in old.regions}, **{r: region_names[r] for r in added}}
    prices = {}
    for k, entry in old_doc["prices"].items():
        if k not in sourced:
            prices[k] = entry
            continue
        value, used = _read_value(k, old.prices[k], found, final)
        prices[k] = _updated_entry(entry, value, used)
    doc["prices"] = prices
    return doc, tuple(added), tuple(left_out)


# ---- writing YAML in the book's own layout ---------------------------------------------------


def update(
    src: str | Path,
    book_path: str | Path | None = None,
    history_dir: str | Path | None = None,
    today: str | None = None,
    do_fetch: bool = False,
    progress: pl.Progress | None = None,
    dry_run: bool = False,
    fetch_regions: Sequence[str] | None = None,
    accept_changes: bool = False,
) -> Result:
    book_path = Path(book_path or pricebook.DEFAULT_PATH)
    history_dir = Path(history_dir or (book_path.parent / "price_history"))
    today = today or _dt.date.today().isoformat()
    src = Path(src)
    old_text = book_path.read_text(encoding="utf-8")
    old = pricebook.load(book_path)
    old_doc = yaml.safe_load(old_text)
    rmap = regionmap.load()
    if not do_fetch and is_pages_dir(src):  # AWS's pricing-page JSON and sourced figures
        return update_from_pages(src, book_path, history_dir, today, progress, dry_run, accept_changes)
    if do_fetch:
        pl.fetch(src, fetch_regions or sorted(rmap), progress=progress)
    if not src.is_dir():
        raise PriceListError(
            _("{path}: no such folder (download the files `python -m lib prices urls` lists into it)").format(path=src)
        )
    found, offered, unmapped, notes = _read_lists(src, old, rmap, today, progress)
    check_plausible(old, found, today, accept_changes)
    names = {r: rmap[r].name for r in offered}
    new_version = next_version(old, history_dir, today)
    doc, added, left_out = build(old_doc, old, found, offered, new_version, names)
    tail = _tail(names, added, left_out, unmapped, notes, left=sorted(set(old.prices) - set(found)))
    return write_book(book_path, history_dir, old_text, old_doc, old, doc, today, tail, added, left_out, dry_run)


def _read_lists(
    src: Path, old: pricebook.PriceBook, rmap: Mapping[str, RegionMatch], today: str, progress: pl.Progress | None
) -> tuple[Founds, dict[str, str], list[str], list[str]]:
    """(figures read, {region offered: name}, regions the map lacks, notes) from the AWS offer files and the
    Azure pages; every region of the current book must still sell ECR."""
    aws_found, aws_regions, notes = pl.read_aws(src, old.hours_per_month, progress)
    for r in old.regions:
        if r not in aws_regions:
            raise PriceListError(
                _("{path}: no ECR product in {region}, a region of the current book").format(
                    path=src / "aws" / "AmazonECR.json", region=r
                )
            )
    offered = {r: aws_regions[r] for r in aws_regions if r in rmap}
    unmapped = sorted(set(aws_regions) - set(rmap))
    ref = next(iter(old.regions))
    free = old.prices.get("acr.internet_egress_free_gb")  # the book's allowance: the lists' is compared with it
    az_found, az_notes = pl.read_azure(
        src, offered, rmap, ref, old.hours_per_month, today, float(free.resolve(ref)) if free else None
    )
    return {**aws_found, **az_found}, offered, unmapped, notes + az_notes


def _tail(
    names: Mapping[str, str],
    added: Sequence[str],
    left_out: Sequence[tuple[str, str]],
    unmapped: list[str],
    notes: list[str],
    left: list[str],
) -> list[str]:
    """The report's lines after the changes: regions added and left out, regions the map lacks, the readers'
    notes, and the entries no list was read for."""
    tail = (
        [_("Regions added: {regions}").format(regions=", ".join(f"{r} ({names[r]})" for r in added))] if added else []
    )
    tail += [
        _("Region left out: {region} ({name}): {why}").format(region=r, name=names[r], why=why) for r, why in left_out
    ]
    if unmapped:
        tail.append(
            _("Regions in the ECR list but not in data/region_map.yaml (left out): {regions}").format(
                regions=", ".join(unmapped)
            )
        )
    tail += [_("Note: {note}").format(note=n) for n in notes]
    tail.append(_("Kept by hand (no list read for them): {keys}").format(keys=", ".join(left)))
    return tail
