"""Azure Retail Prices API pages, read whole and checked (no duplicate keys, no NaN, every field a
rule needs): their items become price-book figures (read_azure)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...core import bounded
from ...core.i18n import _
from ..regions import RegionMatch
from .download import azure_url
from .rules import AZURE_RULES, AZURE_SERVICES, AzureRule
from .shared import MAX_DEPTH, Found, Founds, Json, PriceListError
from .units import convert

MAX_PAGE_BYTES = 64 << 20  # a Retail Prices page of 100 items is ~50 KB

AZURE_ITEM_FIELDS = (
    "retailPrice",
    "unitPrice",
    "unitOfMeasure",
    "armRegionName",
    "meterName",
    "productName",
    "skuName",
    "serviceName",
    "tierMinimumUnits",
    "currencyCode",
)
AZURE_NUMBER_FIELDS = ("retailPrice", "unitPrice", "tierMinimumUnits")


def _page_no(p: Path) -> int:
    m = re.search(r"-(\d+)\.json$", p.name)
    return int(m.group(1)) if m else 0


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _v in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError(
            _("the key {key!r} appears twice in one object").format(key=next(k for k in keys if keys.count(k) > 1))
        )
    return dict(pairs)


def _no_constant(name: str) -> Any:
    raise ValueError(_("{name} is not a price").format(name=name))


def load_json(raw: bytes, max_bytes: int) -> Any:
    """A vendor's JSON file, bounded before it is parsed (bounded.BoundExceeded) and strict
    (ValueError): a duplicate key (the last would win silently) or NaN/Infinity is refused."""
    bounded.check_json(raw, max_depth=MAX_DEPTH, max_bytes=max_bytes)
    return json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant)


def read_azure_pages(src: Path, service: str) -> tuple[list[Json], list[Path]]:
    """Every item of DIR/azure/<service>-<n>.json, in page order; the chain must be complete."""
    pages = sorted((src / "azure").glob(f"{service}-*.json"), key=_page_no)
    if not pages:
        raise PriceListError(
            _("{path}: missing (see `python -m lib prices urls`)").format(path=src / "azure" / (service + "-1.json"))
        )
    items: list[Json] = []
    for i, p in enumerate(pages):
        # pages are checked one after the other, each item as it comes: the first problem is the one named
        items += (_checked_item(p, n, item) for n, item in enumerate(_page_items(p, i + 1, last=i == len(pages) - 1)))
    return items, pages


def _page_items(p: Path, page: int, last: bool) -> list[object]:
    """The Items of page number `page` (1-based) of a chain, once the page is known to be whole and in place."""
    if _page_no(p) != page:
        raise PriceListError(_("{path}: expected page {page} here; a page is missing").format(path=p, page=page))
    try:
        doc = load_json(p.read_bytes(), MAX_PAGE_BYTES)
    except bounded.BoundExceeded as e:
        raise PriceListError(_("{path}: {why}; not a Retail Prices API page").format(path=p, why=e)) from None
    except (OSError, ValueError) as e:
        raise PriceListError(_("{path}: not a readable JSON page ({why})").format(path=p, why=e)) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("Items"), list):
        raise PriceListError(_("{path}: missing field 'Items' (is this a Retail Prices API page?)").format(path=p))
    if "NextPageLink" not in doc:
        raise PriceListError(_("{path}: missing field 'NextPageLink'").format(path=p))
    if last and doc["NextPageLink"]:  # the API said there is more: the download stopped early
        raise PriceListError(
            _("{path}: has a NextPageLink but no page {page} was downloaded (partial download)").format(
                path=p, page=page + 1
            )
        )
    items: list[object] = doc["Items"]
    return items


def _checked_item(p: Path, n: int, item: object) -> Json:
    """Items[n] of page p, once known to be an object with every field a rule reads, each of its type,
    priced in USD."""
    if not isinstance(item, dict):
        raise PriceListError(
            _("{path}: Items[{n}] is not an object (is this a Retail Prices API page?)").format(path=p, n=n)
        )
    gone = [f for f in AZURE_ITEM_FIELDS if f not in item]
    if gone:
        raise PriceListError(
            _("{path}: Items[{n}] (meter {meter!r}) lacks {fields}").format(
                path=p, n=n, meter=item.get("meterName", "?"), fields=", ".join(gone)
            )
        )
    for f in AZURE_ITEM_FIELDS:  # the rules compare and convert these: a wrong type is named here
        _check_field_type(p, n, item, f)
    if item["currencyCode"] != "USD":
        raise PriceListError(
            _("{path}: Items[{n}] is priced in {currency}, not USD").format(path=p, n=n, currency=item["currencyCode"])
        )
    return item


def _check_field_type(p: Path, n: int, item: Json, f: str) -> None:
    """A number field holds a number (a bool is not one), any other field text."""
    v = item[f]
    number = f in AZURE_NUMBER_FIELDS
    if (not isinstance(v, (int, float)) or isinstance(v, bool)) if number else not isinstance(v, str):
        raise PriceListError(
            (
                _("{path}: Items[{n}] (meter {meter!r}): '{field}' is not a number: {got!r}")
                if number
                else _("{path}: Items[{n}] (meter {meter!r}): '{field}' is not text: {got!r}")
            ).format(path=p, n=n, meter=str(item.get("meterName", "?"))[:60], field=f, got=str(v)[:60])
        )


def _azure_value(
    items: list[Json], rule: AzureRule, region: str, sku: str | None, where: str
) -> tuple[float, Json, float]:
    """The price a rule reads in a region (its item, and the GB its free first tier covers)."""
    rows = [
        i for i in items if rule.matches(i) and i["armRegionName"] == region and (sku is None or i["skuName"] == sku)
    ]
    if sku is not None and rule.key == "acr.tier_daily":
        rows = [i for i in rows if i["meterName"] == f"{sku} Registry Unit"]
    _check_rows(rows, rule, region, sku, where)
    ladder = sorted(rows, key=lambda i: float(i["tierMinimumUnits"]))
    free = float(ladder[1]["tierMinimumUnits"]) if len(ladder) > 1 and float(ladder[0]["retailPrice"]) == 0 else 0.0
    item = [i for i in ladder if float(i["tierMinimumUnits"]) <= rule.probe][-1]
    if rule.next_tier is not None:
        _check_next_tier(ladder, item, rule, region, where)
    return float(item["retailPrice"]), item, free


def _check_rows(rows: list[Json], rule: AzureRule, region: str, sku: str | None, where: str) -> None:
    """The items found: at least one, each in the rule's units, and one price for each tier."""
    if not rows:
        what = ", ".join(f"{k} '{v}'" for k, v in rule.where) + (f", skuName '{sku}'" if sku else "")
        raise PriceListError(
            _("{where}: no item for {key} in Azure region {region} ({what})").format(
                where=where, key=rule.key, region=region, what=what
            )
        )
    bad = [i for i in rows if i["unitOfMeasure"] not in rule.units]
    if bad:
        raise PriceListError(
            _("{where}: {key} in {region}: unit {unit!r}, expected {wanted}").format(
                where=where, key=rule.key, region=region, unit=bad[0]["unitOfMeasure"], wanted=" or ".join(rule.units)
            )
        )
    if len({float(i["tierMinimumUnits"]) for i in rows}) != len(rows):
        prices = sorted({float(i["retailPrice"]) for i in rows})
        if len(prices) > 1:
            raise PriceListError(
                _("{where}: {n} items for {key} in {region} with different prices {prices}; the rule needs one").format(
                    where=where, n=len(rows), key=rule.key, region=region, prices=", ".join(map(str, prices))
                )
            )


def _check_next_tier(ladder: list[Json], item: Json, rule: AzureRule, region: str, where: str) -> None:
    """The tier read ends where the price book's does; a tier boundary that moved is updated by hand."""
    start = float(item["tierMinimumUnits"])
    later = [float(i["tierMinimumUnits"]) for i in ladder if float(i["tierMinimumUnits"]) > start]
    if later and later[0] == rule.next_tier:
        return
    raise PriceListError(
        (
            _(
                "{where}: {key} in {region}: the tier from {start:g} GB now ends at {end}, "
                "the price book's at {next_tier:g} GB; update the price book's tiers by hand"
            )
            if later
            else _(
                "{where}: {key} in {region}: the tier from {start:g} GB now ends at no limit, "
                "the price book's at {next_tier:g} GB; update the price book's tiers by hand"
            )
        ).format(
            where=where,
            key=rule.key,
            region=region,
            start=start,
            end=later[0] if later else "",
            next_tier=rule.next_tier,
        )
    )


def read_azure(
    src: Path,
    aws_regions: Iterable[str],
    region_map: Mapping[str, RegionMatch],
    ref_region: str,
    hours_per_month: float,
    today: str,
    assumed_free_gb: float | None = None,
) -> tuple[Founds, list[str]]:
    """({key: {aws region or choice: Found}}, notes). Azure values for an AWS region are read at
    its nearest Azure region; `by:` entries (per tier) at the reference region's."""
    found: defaultdict[str, dict[str, Found]] = defaultdict(dict)
    notes: list[str] = []
    cache = {s: read_azure_pages(src, s) for s in AZURE_SERVICES}
    for rule in AZURE_RULES:
        read = _Reading(cache[rule.service][0], rule, f"{src / 'azure'}/{rule.service}-*.json", hours_per_month, today)
        got: dict[str, Found] = {}
        if rule.by_choice:
            _read_by_choice(read, region_map[ref_region].azure, aws_regions, region_map, got, notes)
        else:
            _read_by_region(read, aws_regions, region_map, assumed_free_gb, got, notes)
        if got:  # a key no region has stays out of the result
            found[rule.key].update(got)
    return dict(found), notes


@dataclass(frozen=True)
class _Reading:
    """One rule read from its service's items: where they came from, and what a Found is dated and sized by."""

    items: list[Json]
    rule: AzureRule
    where: str
    hours_per_month: float
    today: str

    def found(self, item: Json, value: float, azure_region: str) -> Found:
        """A price read from `item`, in the book's unit, with its source."""
        rule = self.rule
        return Found(
            convert(value, item["unitOfMeasure"], rule.to, self.hours_per_month),
            azure_url(rule.service),
            rule.page,
            self.today,
            f"{item['meterName']} in {azure_region}",
        )


def _read_by_choice(
    read: _Reading,
    az: str,
    aws_regions: Iterable[str],
    region_map: Mapping[str, RegionMatch],
    found: dict[str, Found],
    notes: list[str],
) -> None:
    """A `by:` entry (one price per tier, say): each choice's SKU read at the reference Azure region `az`;
    a note when another region of the book prices it differently (the book keeps one figure)."""
    items, rule, where = read.items, read.rule, read.where
    for choice, sku in rule.by_choice:
        v, item, _free = _azure_value(items, rule, az, sku, where)
        found[choice] = read.found(item, v, az)
        others = {
            r: _azure_value(items, rule, region_map[r].azure, sku, where)[0]
            for r in aws_regions
            if r in region_map and _has(items, rule, region_map[r].azure, sku)
        }
        if any(abs(o - v) > 1e-12 for o in others.values()):
            notes.append(
                _("{key} ({choice}) differs between Azure regions; the book keeps {region}'s {value:g}").format(
                    key=rule.key, choice=choice, region=az, value=v
                )
            )


def _read_by_region(
    read: _Reading,
    aws_regions: Iterable[str],
    region_map: Mapping[str, RegionMatch],
    assumed_free_gb: float | None,
    found: dict[str, Found],
    notes: list[str],
) -> None:
    """A regional entry: each AWS region's price read at its nearest Azure region (when it has the item); a
    note when Azure's free internet egress there is not the allowance the book assumes."""
    items, rule, where = read.items, read.rule, read.where
    for r in aws_regions:
        m = region_map.get(r)
        if m is None or not _has(items, rule, m.azure, None):
            continue
        v, item, free = _azure_value(items, rule, m.azure, None, where)
        found[r] = read.found(item, v, m.azure)
        if rule.key == "acr.internet_egress_gb" and assumed_free_gb is not None and free != assumed_free_gb:
            notes.append(
                _(
                    "Azure's free internet egress in {azure} is {free:g} GB a month; "
                    "the price book (acr.internet_egress_free_gb) assumes {assumed:g} GB"
                ).format(azure=m.azure, free=free, assumed=assumed_free_gb)
            )


def _has(items: list[Json], rule: AzureRule, region: str, sku: str | None) -> bool:
    return any(rule.matches(i) and i["armRegionName"] == region and (sku is None or i["skuName"] == sku) for i in items)
