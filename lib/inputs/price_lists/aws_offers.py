"""AWS Price List Bulk API offer files, streamed (ijson): only the products a rule wants are kept;
their OnDemand price dimensions and tiers become price-book figures (read_aws)."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import ijson

from ...core import bounded
from ...core.i18n import _
from .download import NON_COMMERCIAL, offer_url
from .rules import AWS_OFFERS, AWS_RULES, AwsRule
from .shared import MAX_DEPTH, Found, Founds, Json, PriceListError, Progress, is_plain_decimal
from .units import convert

MAX_OFFER_BYTES = 8 << 30  # the largest AmazonEC2 regional file is ~0.5 GB
MAX_OFFER_VALUES = 1 << 40  # depth is what ijson's memory grows with; values are streamed, not kept


@dataclass
class Offer:
    path: str
    code: str
    version: str
    published: str
    products: dict[str, Json] = field(default_factory=dict)  # kept SKU -> product
    ondemand: dict[str, Json] = field(default_factory=dict)  # kept SKU -> {offer term code: term}
    seen: int = 0


def _take(events: Iterator[tuple[str, str, Any]], build: bool) -> Any:
    """Consume one JSON value from an ijson event stream; return it when `build`."""
    builder = ijson.ObjectBuilder() if build else None
    depth = 0
    for _prefix, event, value in events:
        if builder is not None:
            builder.event(event, value)
        if event in ("start_map", "start_array"):
            depth += 1
        elif event in ("end_map", "end_array"):
            depth -= 1
        if depth == 0:
            return builder.value if builder is not None else None
    raise PriceListError(_("the file ends in the middle of a value (truncated download?)"))


def scan_offer(path: str | Path, want: Callable[[Json], bool], expect_code: str | None = None) -> Offer:
    """Stream an offer file, keeping products for which want(product) is true and their
    OnDemand terms. Raises PriceListError naming the file when it is broken or truncated."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            meta, products, ondemand, seen = _stream(path, fh, want)
    except bounded.BoundExceeded as e:
        raise PriceListError(_("{path}: {why}; not a vendor's price list").format(path=path, why=e)) from None
    except ijson.JSONError as e:  # includes IncompleteJSONError: a truncated download
        raise PriceListError(
            _("{path}: not valid JSON or cut short ({why}); download it again").format(path=path, why=e)
        ) from None
    except OSError as e:
        raise PriceListError(_("{path}: cannot read ({why})").format(path=path, why=e.strerror)) from None
    except PriceListError as e:
        if str(e).startswith(str(path)):
            raise
        raise PriceListError(_("{path}: {why}").format(path=path, why=e)) from None
    for f in ("formatVersion", "offerCode", "publicationDate"):
        if f not in meta:
            raise PriceListError(
                _("{path}: missing top-level field '{field}' (is this an AWS offer file?)").format(path=path, field=f)
            )
    if expect_code and meta["offerCode"] != expect_code:
        raise PriceListError(
            _("{path}: offerCode is '{code}', expected '{expected}'").format(
                path=path, code=meta["offerCode"], expected=expect_code
            )
        )
    if seen == 0:
        raise PriceListError(_("{path}: no 'products' in the file").format(path=path))
    return Offer(
        str(path), meta["offerCode"], meta.get("version", ""), meta["publicationDate"], products, ondemand, seen
    )


def _stream(
    path: Path, fh: BinaryIO, want: Callable[[Json], bool]
) -> tuple[dict[str, str], dict[str, Json], dict[str, Json], int]:
    """One pass over the file: its top-level facts, the products wanted, their OnDemand terms, and how many
    products it has."""
    meta: dict[str, str] = {}
    products: dict[str, Json] = {}
    ondemand: dict[str, Json] = {}
    seen = 0
    terms_started = False
    # ijson keeps a prefix string per level: 200,000 nested brackets made that quadratic (21 GB
    # from 400 KB); the guard refuses past MAX_DEPTH levels before ijson sees them
    guard = bounded.JsonGuard(max_depth=MAX_DEPTH, max_values=MAX_OFFER_VALUES, max_bytes=MAX_OFFER_BYTES)
    events = ijson.parse(bounded.GuardedReader(fh, guard))
    skus: set[str] = set()
    for prefix, event, value in events:
        if event == "map_key" and prefix == "products":
            _check_new_sku(path, value, skus, terms_started)
            product = _take(events, True)
            seen += 1
            if _wanted(path, value, product, want):
                products[value] = product
        elif event == "map_key" and prefix == "terms.OnDemand":
            terms_started = True
            if value in products:
                ondemand[value] = _take(events, True)
            else:
                _take(events, False)  # a product not kept: its terms are skipped, not built
        elif prefix == "terms" and event == "start_map":
            terms_started = True
        elif prefix in ("formatVersion", "offerCode", "version", "publicationDate") and event == "string":
            meta[prefix] = value
    return meta, products, ondemand, seen


def _check_new_sku(path: Path, sku: str, skus: set[str], terms_started: bool) -> None:
    """A product's SKU is new (noted in `skus`), and no terms came before it (they could not be filtered)."""
    if sku in skus:  # a JSON object's last duplicate would win silently
        raise PriceListError(_("{path}: SKU {sku} appears twice").format(path=path, sku=sku))
    skus.add(sku)
    if terms_started:
        raise PriceListError(_("{path}: 'terms' come before 'products'; cannot filter in one pass").format(path=path))


def _wanted(path: Path, sku: str, product: object, want: Callable[[Json], bool]) -> bool:
    """Whether a product is kept; its attributes, when it has some, must be an object for `want` to read."""
    if isinstance(product, dict) and not isinstance(product.get("attributes", {}), dict):
        raise PriceListError(_("{path}: SKU {sku}: 'attributes' is not an object").format(path=path, sku=sku))
    return isinstance(product, dict) and want(product)


def _num(text: Any, path: str, sku: str, rate: str, name: str) -> float:
    if text in (None, ""):
        raise PriceListError(
            _("{path}: SKU {sku} rate {rate}: missing field '{name}'").format(path=path, sku=sku, rate=rate, name=name)
        )
    if str(text) == "Inf":
        return math.inf
    if not isinstance(text, str) or not is_plain_decimal(text):
        raise PriceListError(
            _("{path}: SKU {sku} rate {rate}: '{name}' is not a plain decimal number: {text!r}").format(
                path=path, sku=sku, rate=rate, name=name, text=str(text)[:40]
            )
        )
    try:
        return float(text)
    except (TypeError, ValueError):
        raise PriceListError(
            _("{path}: SKU {sku} rate {rate}: '{name}' is not a number: {text!r}").format(
                path=path, sku=sku, rate=rate, name=name, text=text
            )
        ) from None


@dataclass(frozen=True)
class Dimension:
    rate: str
    unit: str
    usd: float
    begin: float
    end: float
    description: str


def dimensions(offer: Offer, sku: str) -> list[Dimension]:
    """The OnDemand price dimensions of one SKU, lowest tier first."""
    terms = offer.ondemand.get(sku)
    if not terms:
        raise PriceListError(_("{path}: SKU {sku} has no terms.OnDemand entry").format(path=offer.path, sku=sku))
    out = []
    for code, term in terms.items():
        pds = term.get("priceDimensions") if isinstance(term, dict) else None
        if not pds:
            raise PriceListError(
                _("{path}: SKU {sku} term {code}: missing field 'priceDimensions'").format(
                    path=offer.path, sku=sku, code=code
                )
            )
        if not isinstance(pds, dict):
            raise PriceListError(
                _("{path}: SKU {sku} term {code}: 'priceDimensions' is not an object").format(
                    path=offer.path, sku=sku, code=code
                )
            )
        for rate, d in pds.items():
            if not isinstance(d, dict):
                raise PriceListError(
                    _("{path}: SKU {sku} rate {rate}: not an object").format(path=offer.path, sku=sku, rate=rate)
                )
            if not isinstance(d.get("pricePerUnit", {}), dict):
                raise PriceListError(
                    _("{path}: SKU {sku} rate {rate}: 'pricePerUnit' is not an object").format(
                        path=offer.path, sku=sku, rate=rate
                    )
                )
            if "unit" not in d:
                raise PriceListError(
                    _("{path}: SKU {sku} rate {rate}: missing field 'unit'").format(path=offer.path, sku=sku, rate=rate)
                )
            usd = _num((d.get("pricePerUnit") or {}).get("USD"), offer.path, sku, rate, "pricePerUnit.USD")
            begin = _num(d.get("beginRange", "0"), offer.path, sku, rate, "beginRange")
            end = _num(d.get("endRange", "Inf"), offer.path, sku, rate, "endRange")
            out.append(Dimension(rate, d["unit"], usd, begin, end, str(d.get("description", ""))))
    return sorted(out, key=lambda d: d.begin)


def _tier(offer: Offer, sku: str, rule: AwsRule) -> Dimension:
    """The one price dimension of a SKU that a rule reads: in its units, covering its probe, and with the
    price book's tier bounds."""
    dims = _in_units(offer, sku, rule)
    hit = [d for d in dims if d.begin <= rule.probe < d.end] or ([dims[0]] if len(dims) == 1 else [])
    if len(hit) != 1:
        raise PriceListError(
            _("{path}: SKU {sku} ({key}): {n} tiers cover {probe:g} {unit}").format(
                path=offer.path, sku=sku, key=rule.key, n=len(hit), probe=rule.probe, unit=dims[0].unit
            )
        )
    _check_tier_bounds(offer, sku, rule, hit[0])
    return hit[0]


def _in_units(offer: Offer, sku: str, rule: AwsRule) -> list[Dimension]:
    """A SKU's dimensions in the rule's units; none is an error naming the units the SKU has."""
    dims = [d for d in dimensions(offer, sku) if d.unit in rule.units]
    if not dims:
        units = ", ".join(sorted({d.unit for d in dimensions(offer, sku)}))
        raise PriceListError(
            _("{path}: SKU {sku} ({key}): no price in {wanted} (has {units})").format(
                path=offer.path, sku=sku, key=rule.key, wanted=" or ".join(rule.units), units=units
            )
        )
    return dims


def _check_tier_bounds(offer: Offer, sku: str, rule: AwsRule, d: Dimension) -> None:
    """The tier read begins and ends where the price book's does (a bound the rule leaves open is not checked):
    a vendor's new tiers are for a person to carry into the book."""
    lo, hi = rule.tier
    if (lo is None or d.begin == lo) and (hi is None or d.end == hi):
        return
    raise PriceListError(
        _(
            "{path}: SKU {sku} ({key}): tier is {begin:g}-{end:g} {unit}, the price book's is {low}-{high}: "
            "the vendor changed its tiers; update the price book's tiers by hand"
        ).format(
            path=offer.path,
            sku=sku,
            key=rule.key,
            begin=d.begin,
            end=d.end,
            unit=d.unit,
            low="?" if lo is None else f"{lo:g}",
            high="?" if hi is None else f"{hi:g}",
        )
    )


def aws_files(src: Path) -> dict[str, list[Path]]:
    """Offer code -> files present under DIR/aws (regional EC2 files as aws/AmazonEC2/<region>.json)."""
    out = {}
    for code in AWS_OFFERS:
        files = []
        whole = src / "aws" / f"{code}.json"
        if whole.is_file():
            files.append(whole)
        sub = src / "aws" / code
        if sub.is_dir():
            files += sorted(p for p in sub.glob("*.json") if p.name != "region_index.json")
        out[code] = files
    return out


def read_aws(
    src: Path, hours_per_month: float, progress: Progress | None = None
) -> tuple[Founds, dict[str, str], list[str]]:
    """Read every AWS offer file under DIR/aws. Returns ({key: {region: Found}},
    {region: name} for commercial regions where ECR is sold, notes)."""
    files = aws_files(src)
    notes: list[str] = []
    for code in AWS_OFFERS:
        if not files[code]:
            raise PriceListError(
                _("{path}: missing (see `python -m lib prices urls`)").format(path=src / "aws" / (code + ".json"))
            )
    found: defaultdict[str, dict[str, Found]] = defaultdict(dict)
    regions: dict[str, str] = {}
    for code in AWS_OFFERS:
        rules = [r for r in AWS_RULES if code in r.offers]
        for path in files[code]:
            if progress:
                progress(_("reading {path}").format(path=path))

            def want(p: Json, rules: list[AwsRule] = rules, code: str = code) -> bool:
                return any(r.matches(p) for r in rules) or (
                    code == "AmazonECR" and p.get("productFamily") == "EC2 Container Registry"
                )

            offer = scan_offer(path, want, expect_code=code)
            url = offer_url(code, path.stem if path.parent.name == code else None)
            if code == "AmazonECR":
                regions.update(_ecr_regions(offer))
            for rule in rules:
                for region, skus in _skus_by_region(offer, rule, path).items():
                    d, detail = _rate(offer, rule, skus, path, region)
                    value = convert(d.usd, d.unit, rule.to, hours_per_month)
                    prev = found[rule.key].get(region)
                    if prev is not None and abs(prev.value - value) > 1e-12:
                        raise PriceListError(
                            _("{path}: {key} in {region} is {value:g}, another file says {other:g}").format(
                                path=path, key=rule.key, region=region, value=value, other=prev.value
                            )
                        )
                    found[rule.key][region] = Found(value, url, rule.page, offer.published[:10], detail)
    return dict(found), regions, notes


def _ecr_regions(offer: Offer) -> dict[str, str]:
    """The commercial AWS Regions where ECR is sold, by code, with their names."""
    out: dict[str, str] = {}
    for p in offer.products.values():
        a = p.get("attributes") or {}
        r = a.get("regionCode")
        if (
            isinstance(r, str)
            and r
            and not r.startswith(NON_COMMERCIAL)
            and a.get("locationType", "AWS Region") == "AWS Region"
        ):
            out[r] = a.get("location", r)
    return out


def _skus_by_region(offer: Offer, rule: AwsRule, path: Path) -> dict[str, list[str]]:
    """The products a rule matches, by the region its attribute names."""
    by_region: defaultdict[str, list[str]] = defaultdict(list)
    for sku, p in offer.products.items():
        if rule.matches(p):
            r = (p.get("attributes") or {}).get(rule.region_attr)
            if not r or not isinstance(r, str):
                raise PriceListError(
                    _("{path}: SKU {sku} ({key}): attribute '{region_attr}' is missing or not text").format(
                        path=path, sku=sku, key=rule.key, region_attr=rule.region_attr
                    )
                )
            by_region[r].append(sku)
    return by_region


def _rate(offer: Offer, rule: AwsRule, skus: list[str], path: Path, region: str) -> tuple[Dimension, str]:
    """The rate a rule reads from a region's products, and where it was read: the one product's, or the
    most common rate to the other regions (a tie takes the higher)."""
    if rule.pick == "one":
        if len(skus) > 1:
            raise PriceListError(
                _("{path}: {n} products match {key} in {region} (SKUs {skus}); the rule needs one").format(
                    path=path, n=len(skus), key=rule.key, region=region, skus=", ".join(sorted(skus))
                )
            )
        d = _tier(offer, skus[0], rule)
        return d, f"{path.name} SKU {skus[0]} rate {d.rate}"
    ds = [_tier(offer, s, rule) for s in skus]
    best = max(statistics.multimode([d.usd for d in ds]))
    d = next(x for x in ds if x.usd == best)
    return d, f"{path.name}: most common of {len(ds)} destinations ({sum(x.usd == best for x in ds)} at this rate)"
