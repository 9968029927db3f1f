"""Azure Retail Prices API pages, read whole and checked (no duplicate keys, no NaN, every field a
rule needs): their items become price-book figures (read_azure)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
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
    items = []
    for i, p in enumerate(pages):
        if _page_no(p) != i + 1:
            raise PriceListError(_("{path}: expected page {page} here; a page is missing").format(path=p, page=i + 1))
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
        last = i == len(pages) - 1
        if last and doc["NextPageLink"]:
            raise PriceListError(
                _("{path}: has a NextPageLink but no page {page} was downloaded (partial download)").format(
                    path=p, page=i + 2
                )
            )
        for n, item in enumerate(doc["Items"]):
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
            if item["currencyCode"] != "USD":
                raise PriceListError(
                    _("{path}: Items[{n}] is priced in {currency}, not USD").format(
                        path=p, n=n, currency=item["currencyCode"]
                    )
                )
            items.append(item)
    return items, pages


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
        items, pages = cache[rule.service]
        where = f"{src / 'azure'}/{rule.service}-*.json"
        url = azure_url(rule.service)
        if rule.by_choice:
            az = region_map[ref_region].azure
            for choice, sku in rule.by_choice:
                v, item, _free = _azure_value(items, rule, az, sku, where)
                found[rule.key][choice] = Found(
                    convert(v, item["unitOfMeasure"], rule.to, hours_per_month),
                    url,
                    rule.page,
                    today,
                    f"{item['meterName']} in {az}",
                )
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
            continue
        for r in aws_regions:
            m = region_map.get(r)
            if m is None or not _has(items, rule, m.azure, None):
                continue
            v, item, free = _azure_value(items, rule, m.azure, None, where)
            found[rule.key][r] = Found(
                convert(v, item["unitOfMeasure"], rule.to, hours_per_month),
                url,
                rule.page,
                today,
                f"{item['meterName']} in {m.azure}",
            )
            if rule.key == "acr.internet_egress_gb" and assumed_free_gb is not None and free != assumed_free_gb:
                notes.append(
                    _(
                        "Azure's free internet egress in {azure} is {free:g} GB a month; "
                        "the price book (acr.internet_egress_free_gb) assumes {assumed:g} GB"
                    ).format(azure=m.azure, free=free, assumed=assumed_free_gb)
                )
    return dict(found), notes


def _has(items: list[Json], rule: AzureRule, region: str, sku: str | None) -> bool:
    return any(rule.matches(i) and i["armRegionName"] == region and (sku is None or i["skuName"] == sku) for i in items)
