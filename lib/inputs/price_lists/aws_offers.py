"""Read the vendors' machine-readable price lists and turn them into price-book figures.

Sources (what `python -m lib prices urls` prints, and where each file goes under DIR):
  * AWS Price List Bulk API offer files (JSON): `products` by SKU, each with `productFamily`
    and `attributes`; `terms` -> `OnDemand` -> SKU -> offer term -> `priceDimensions` ->
    rate code -> `unit`, `pricePerUnit.USD`, `beginRange`/`endRange`, `description`.
    AmazonEC2 is read per region (the all-region file is several GB).
  * Azure Retail Prices API pages (JSON): `Items[]` with `retailPrice`, `unitOfMeasure`,
    `armRegionName`, `meterName`, `productName`, `skuName`, `tierMinimumUnits`, and
    `NextPageLink` to the next page (null on the last).
Google Cloud publishes no price list without credentials that covers Artifact Registry, so its
entries stay hand-kept, like GitHub's, Docker Hub's, Nexus's caps and the assumptions.

Offer files are read with a streaming JSON parser (ijson): only the products a rule wants are
kept, so memory stays bounded by what is kept, not by the file (EC2's regional files are
hundreds of MB). A file that is truncated, not JSON, or lacks a field a rule needs is an error
naming the file, the SKU and the field; nothing is written then.
"""

from __future__ import annotations

import json
import math
import re
import statistics
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ijson

from ...core import bounded
from ...core.errors import PriceBookError
from ...core.i18n import _
from ..regions import RegionMatch

AWS_BASE = "https://pricing.us-east-1.amazonaws.com"
AWS_INDEX = f"{AWS_BASE}/offers/v1.0/aws/index.json"
AZURE_API = "https://prices.azure.com/api/retail/prices"
AZURE_API_VERSION = "2023-01-01-preview"
MAX_DEPTH = 32  # offer files and Retail Prices pages nest ~6 levels
MAX_OFFER_BYTES = 8 << 30  # the largest AmazonEC2 regional file is ~0.5 GB
MAX_OFFER_VALUES = 1 << 40  # depth is what ijson's memory grows with; values are streamed, not kept
MAX_PAGE_BYTES = 64 << 20  # a Retail Prices page of 100 items is ~50 KB
_DECIMAL = re.compile(r"[0-9]{1,20}(\.[0-9]{1,20})?", re.ASCII)
MAX_AZURE_PAGES = 500  # a bound on following NextPageLink; the two services need a handful
REGIONAL_OFFERS = ("AmazonEC2",)  # read per region: the all-region file is too large to fetch
NON_COMMERCIAL = ("us-gov-", "cn-", "us-iso", "eusc-")


class PriceListError(PriceBookError):
    """A price list file that cannot be used: names the file, the SKU or item, and the field."""


# a vendor's JSON object (an AWS product or term, an Azure item): its fields are checked where they are read
Json = dict[str, Any]
# {price-book key: {region (or choice, for `by:` entries): Found}}
Founds = dict[str, dict[str, "Found"]]
Progress = Callable[[str], None]


# ---- the rules: which product in which file is which price-book entry ------------------------


@dataclass(frozen=True)
class AwsRule:
    key: str
    offers: tuple[str, ...]
    family: str | None
    attrs: tuple[tuple[str, str], ...]
    usagetype: str  # regular expression searched in attributes.usagetype
    units: tuple[str, ...]  # accepted priceDimensions units
    to: str  # the price book's unit base: GB-month, hour, GB, image
    page: str  # the vendor page a person reads
    probe: float = 0.0  # a quantity inside the wanted tier (in the file's unit)
    tier: tuple[float | None, float | None] = (None, None)  # (beginRange, endRange) of that tier; None: not checked
    region_attr: str = "regionCode"
    pick: str = "one"  # one: exactly one product per region; mode: most common rate

    def matches(self, product: Json) -> bool:
        a = product.get("attributes") or {}
        if self.family is not None and product.get("productFamily") != self.family:
            return False
        if any(a.get(k) != v for k, v in self.attrs):
            return False
        u = a.get("usagetype", "")
        return isinstance(u, str) and re.search(self.usagetype, u) is not None

    def describe(self) -> str:
        parts = ([f"productFamily '{self.family}'"] if self.family else []) + [f"{k} '{v}'" for k, v in self.attrs]
        return ", ".join(parts + [f"usagetype ~ /{self.usagetype}/"])


_EGRESS: dict[str, Any] = dict(
    offers=("AWSDataTransfer",),
    family="Data Transfer",
    attrs=(("transferType", "AWS Outbound"), ("toLocation", "External")),
    usagetype=r"(^|-)DataTransfer-Out-Bytes$",
    units=("GB",),
    to="GB",
    page="https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer",
    region_attr="fromRegionCode",
)
_EC2_LINUX = (
    ("instanceType", "c6i.xlarge"),
    ("operatingSystem", "Linux"),
    ("tenancy", "Shared"),
    ("preInstalledSw", "NA"),
    ("capacitystatus", "Used"),
    ("licenseModel", "No License required"),
)

AWS_RULES: tuple[AwsRule, ...] = (
    AwsRule(
        "ecr.storage_gb_month",
        ("AmazonECR",),
        "EC2 Container Registry",
        (),
        r"(^|-)TimedStorage-ByteHrs$",
        ("GB-Mo",),
        "GB-month",
        "https://aws.amazon.com/ecr/pricing/",
    ),
    AwsRule(
        "aws.nat_hourly",
        ("AmazonEC2", "AmazonVPC"),
        "NAT Gateway",
        (),
        r"(^|-)NatGateway-Hours$",
        ("Hrs",),
        "hour",
        "https://aws.amazon.com/vpc/pricing/",
    ),
    AwsRule(
        "aws.nat_gb",
        ("AmazonEC2", "AmazonVPC"),
        "NAT Gateway",
        (),
        r"(^|-)NatGateway-Bytes$",
        ("GB",),
        "GB",
        "https://aws.amazon.com/vpc/pricing/",
    ),
    AwsRule(
        "aws.endpoint_hourly",
        ("AmazonVPC",),
        "VpcEndpoint",
        (),
        r"(^|-)VpcEndpoint-Hours$",
        ("Hrs",),
        "hour",
        "https://aws.amazon.com/privatelink/pricing/",
    ),
    AwsRule(
        "aws.endpoint_gb",
        ("AmazonVPC",),
        "VpcEndpoint",
        (),
        r"(^|-)VpcEndpoint-Bytes$",
        ("GB",),
        "GB",
        "https://aws.amazon.com/privatelink/pricing/",
        probe=1,
        tier=(0, None),
    ),
    AwsRule(
        "aws.s3_storage_gb_month",
        ("AmazonS3",),
        "Storage",
        (("volumeType", "Standard"), ("storageClass", "General Purpose")),
        r"(^|-)TimedStorage-ByteHrs$",
        ("GB-Mo",),
        "GB-month",
        "https://aws.amazon.com/s3/pricing/",
        probe=1,
        tier=(0, 51200),
    ),
    AwsRule(
        "aws.ebs_gp3_gb_month",
        ("AmazonEC2",),
        "Storage",
        (("volumeApiName", "gp3"),),
        r"EBS:VolumeUsage\.gp3$",
        ("GB-Mo",),
        "GB-month",
        "https://aws.amazon.com/ebs/pricing/",
    ),
    AwsRule(
        "aws.ec2_4vcpu_8gb_hourly",
        ("AmazonEC2",),
        "Compute Instance",
        _EC2_LINUX,
        r"BoxUsage:c6i\.xlarge$",
        ("Hrs",),
        "hour",
        "https://aws.amazon.com/ec2/pricing/on-demand/",
    ),
    AwsRule("aws.internet_egress_tier1_gb", probe=1, tier=(None, 10240), **_EGRESS),
    AwsRule("aws.internet_egress_tier2_gb", probe=10241, tier=(10240, 51200), **_EGRESS),
    AwsRule("aws.internet_egress_tier3_gb", probe=51201, tier=(51200, 153600), **_EGRESS),
    AwsRule("aws.internet_egress_tier4_gb", probe=153601, tier=(153600, math.inf), **_EGRESS),
    AwsRule(
        "aws.inter_region_gb",
        ("AWSDataTransfer",),
        "Data Transfer",
        (("transferType", "InterRegion Outbound"),),
        r"-AWS-Out-Bytes$",
        ("GB",),
        "GB",
        "https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer",
        region_attr="fromRegionCode",
        pick="mode",
    ),
    AwsRule(
        "aws.cross_az_gb",
        ("AWSDataTransfer",),
        "Data Transfer",
        (("transferType", "IntraRegion"),),
        r"(^|-)DataTransfer-Regional-Bytes$",
        ("GB",),
        "GB",
        "https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer_within_the_same_AWS_Region",
        region_attr="fromRegionCode",
    ),
    # Inspector's ECR image scans. NOTE: the usage types below follow Inspector's billing names
    # for container images; they were not checked against a downloaded AmazonInspectorV2 file
    # (none could be fetched where this was written). A mismatch is a loud "no product" error.
    AwsRule(
        "ecr.scan_first",
        ("AmazonInspectorV2",),
        None,
        (),
        r"(?i)(ECR|ContainerImage).*Initial",
        ("Images", "Image", "Count", "Quantity", "scans", "Scans"),
        "image",
        "https://aws.amazon.com/inspector/pricing/",
    ),
    AwsRule(
        "ecr.scan_rescan",
        ("AmazonInspectorV2",),
        None,
        (),
        r"(?i)(ECR|ContainerImage).*Re-?scan",
        ("Images", "Image", "Count", "Quantity", "scans", "Scans"),
        "image",
        "https://aws.amazon.com/inspector/pricing/",
    ),
)
AWS_OFFERS = tuple(sorted({o for r in AWS_RULES for o in r.offers} | {"AmazonECR"}))


@dataclass(frozen=True)
class AzureRule:
    key: str
    service: str  # the file set: container-registry or bandwidth
    where: tuple[tuple[str, str], ...]
    units: tuple[str, ...]
    to: str
    page: str
    by_choice: tuple[tuple[str, str], ...] = ()  # (price-book choice, skuName) for `by:` entries
    probe: float = 0.0  # quantity inside the wanted tier (tierMinimumUnits ladder)
    next_tier: float | None = None  # where the next tier must start; None: not checked

    def matches(self, item: Json) -> bool:
        return item.get("type", "Consumption") == "Consumption" and all(item.get(k) == v for k, v in self.where)


AZURE_SERVICES = {"container-registry": "Container Registry", "bandwidth": "Bandwidth"}
AZURE_RULES: tuple[AzureRule, ...] = (
    AzureRule(
        "acr.tier_daily",
        "container-registry",
        (("serviceName", "Container Registry"),),
        ("1/Day",),
        "day",
        "https://azure.microsoft.com/en-us/pricing/details/container-registry/",
        by_choice=(("basic", "Basic"), ("standard", "Standard"), ("premium", "Premium")),
    ),
    AzureRule(
        "acr.extra_storage_gb_day",
        "container-registry",
        (("serviceName", "Container Registry"), ("meterName", "Data Stored")),
        ("1 GB/Month",),
        "GB-day",
        "https://azure.microsoft.com/en-us/pricing/details/container-registry/",
    ),
    AzureRule(
        "acr.internet_egress_gb",
        "bandwidth",
        (("productName", "Rtn Preference: MGN"), ("skuName", "Standard"), ("meterName", "Standard Data Transfer Out")),
        ("1 GB",),
        "GB",
        "https://azure.microsoft.com/en-us/pricing/details/bandwidth/",
        probe=101,
        next_tier=10240,
    ),
)


# ---- units ---------------------------------------------------------------------------------

_UNIT_BASE = {  # a file's unit -> (base, scale): the price is per `scale` of `base`
    "GB-Mo": ("GB-month", 1),
    "Hrs": ("hour", 1),
    "GB": ("GB", 1),
    "Images": ("image", 1),
    "Image": ("image", 1),
    "Count": ("image", 1),
    "Quantity": ("image", 1),
    "scans": ("image", 1),
    "Scans": ("image", 1),
}
_AZURE_UNIT = re.compile(r"^\s*(\d+(?:\.\d+)?)?\s*(K|M)?\s*(GB/Month|GB|Hour|/Day|/Month|/Hour)?\s*$")


def unit_base(unit: str) -> tuple[str, float]:
    """('GB-month', 1) for 'GB-Mo' or '1 GB/Month'; ('GB-month', 100) for '100 GB/Month'."""
    if unit in _UNIT_BASE:
        return _UNIT_BASE[unit]
    m = _AZURE_UNIT.match(unit or "")
    if not m or not m.group(3):
        raise ValueError(f"unknown unit {unit!r}")
    scale = float(m.group(1) or 1) * {"K": 1e3, "M": 1e6, None: 1}[m.group(2)]
    base = {"GB/Month": "GB-month", "GB": "GB", "Hour": "hour", "/Hour": "hour", "/Day": "day", "/Month": "month"}[
        m.group(3)
    ]
    return base, scale


def convert(value: float, unit: str, to: str, hours_per_month: float) -> float:
    """A price per `unit` as a price per `to`. Months are hours_per_month long (730), days 24 h."""
    base, scale = unit_base(unit)
    v = value / scale
    days = hours_per_month / 24.0
    if base == to:
        return v
    table = {
        ("GB-month", "GB-day"): 1 / days,
        ("hour", "month"): hours_per_month,
        ("day", "month"): days,
        ("hour", "day"): 24.0,
        ("GB-day", "GB-month"): days,
        ("month", "day"): 1 / days,
    }
    if (base, to) not in table:
        raise ValueError(f"cannot convert a price per {unit} to one per {to}")
    return v * table[(base, to)]


# ---- AWS offer files: streaming ------------------------------------------------------------


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
    meta, products, ondemand, seen = {}, {}, {}, 0
    terms_started = False
    try:
        with open(path, "rb") as fh:
            # ijson keeps a prefix string per level: 200,000 nested brackets made that quadratic (21 GB
            # from 400 KB); the guard refuses past MAX_DEPTH levels before ijson sees them
            guard = bounded.JsonGuard(max_depth=MAX_DEPTH, max_values=MAX_OFFER_VALUES, max_bytes=MAX_OFFER_BYTES)
            events = ijson.parse(bounded.GuardedReader(fh, guard))
            skus: set[str] = set()
            for prefix, event, value in events:
                if event == "map_key" and prefix == "products":
                    if value in skus:  # a JSON object's last duplicate would win silently
                        raise PriceListError(_("{path}: SKU {sku} appears twice").format(path=path, sku=value))
                    skus.add(value)
                    if terms_started:
                        raise PriceListError(
                            _("{path}: 'terms' come before 'products'; cannot filter in one pass").format(path=path)
                        )
                    product = _take(events, True)
                    seen += 1
                    if isinstance(product, dict) and not isinstance(product.get("attributes", {}), dict):
                        raise PriceListError(
                            _("{path}: SKU {sku}: 'attributes' is not an object").format(path=path, sku=value)
                        )
                    if isinstance(product, dict) and want(product):
                        products[value] = product
                elif event == "map_key" and prefix == "terms.OnDemand":
                    terms_started = True
                    if value in products:
                        ondemand[value] = _take(events, True)
                    else:
                        _take(events, False)
                elif prefix == "terms" and event == "start_map":
                    terms_started = True
                elif prefix in ("formatVersion", "offerCode", "version", "publicationDate") and event == "string":
                    meta[prefix] = value
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


def is_plain_decimal(text: str) -> bool:
    """ASCII digits with an optional point: how price lists write a price. float() would also
    take "１", "٠.١", "1_0", " 1", "NaN" and "1e400"; both readers (offer files, pricing pages) refuse them."""
    return _DECIMAL.fullmatch(text) is not None


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
    dims = [d for d in dimensions(offer, sku) if d.unit in rule.units]
    if not dims:
        units = ", ".join(sorted({d.unit for d in dimensions(offer, sku)}))
        raise PriceListError(
            _("{path}: SKU {sku} ({key}): no price in {wanted} (has {units})").format(
                path=offer.path, sku=sku, key=rule.key, wanted=" or ".join(rule.units), units=units
            )
        )
    hit = [d for d in dims if d.begin <= rule.probe < d.end] or ([dims[0]] if len(dims) == 1 else [])
    if len(hit) != 1:
        raise PriceListError(
            _("{path}: SKU {sku} ({key}): {n} tiers cover {probe:g} {unit}").format(
                path=offer.path, sku=sku, key=rule.key, n=len(hit), probe=rule.probe, unit=dims[0].unit
            )
        )
    d = hit[0]
    lo, hi = rule.tier
    if (lo is not None and d.begin != lo) or (hi is not None and d.end != hi):
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
    return d


@dataclass(frozen=True)
class Found:
    """One price read from a list, converted to the price book's unit."""

    value: float
    source: str  # the machine-readable file's URL
    page: str  # the vendor's page for people
    as_of: str
    detail: str  # where exactly: file, SKU, rate code or meter


def offer_url(code: str, region: str | None = None) -> str:
    tail = f"{region}/index.json" if region else "index.json"
    return f"{AWS_BASE}/offers/v1.0/aws/{code}/current/{tail}"


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
            as_of = offer.published[:10]
            url = offer_url(code, path.stem if path.parent.name == code else None)
            if code == "AmazonECR":
                for p in offer.products.values():
                    a = p.get("attributes") or {}
                    r = a.get("regionCode")
                    if (
                        isinstance(r, str)
                        and r
                        and not r.startswith(NON_COMMERCIAL)
                        and a.get("locationType", "AWS Region") == "AWS Region"
                    ):
                        regions[r] = a.get("location", r)
            for rule in rules:
                by_region = defaultdict(list)
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
                for region, skus in by_region.items():
                    if rule.pick == "one":
                        if len(skus) > 1:
                            raise PriceListError(
                                _(
                                    "{path}: {n} products match {key} in {region} (SKUs {skus}); the rule needs one"
                                ).format(
                                    path=path, n=len(skus), key=rule.key, region=region, skus=", ".join(sorted(skus))
                                )
                            )
                        d = _tier(offer, skus[0], rule)
                        detail = f"{path.name} SKU {skus[0]} rate {d.rate}"
                    else:  # the most common rate to the other regions; a tie takes the higher
                        ds = [_tier(offer, s, rule) for s in skus]
                        counts = statistics.multimode([d.usd for d in ds])
                        best = max(counts)
                        d = next(x for x in ds if x.usd == best)
                        detail = (
                            f"{path.name}: most common of {len(ds)} destinations "
                            f"({sum(x.usd == best for x in ds)} at this rate)"
                        )
                    value = convert(d.usd, d.unit, rule.to, hours_per_month)
                    prev = found[rule.key].get(region)
                    if prev is not None and abs(prev.value - value) > 1e-12:
                        raise PriceListError(
                            _("{path}: {key} in {region} is {value:g}, another file says {other:g}").format(
                                path=path, key=rule.key, region=region, value=value, other=prev.value
                            )
                        )
                    found[rule.key][region] = Found(value, url, rule.page, as_of, detail)
    return dict(found), regions, notes


# ---- Azure Retail Prices pages ---------------------------------------------------------------

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


def azure_url(service: str) -> str:
    flt = f"serviceName eq '{AZURE_SERVICES[service]}' and priceType eq 'Consumption'"
    return f"{AZURE_API}?" + urllib.parse.urlencode(
        {"api-version": AZURE_API_VERSION, "$filter": flt}, quote_via=urllib.parse.quote, safe="$'"
    )


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
    rows = [
        i for i in items if rule.matches(i) and i["armRegionName"] == region and (sku is None or i["skuName"] == sku)
    ]
    if sku is not None and rule.key == "acr.tier_daily":
        rows = [i for i in rows if i["meterName"] == f"{sku} Registry Unit"]
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
    ladder = sorted(rows, key=lambda i: float(i["tierMinimumUnits"]))
    free = float(ladder[1]["tierMinimumUnits"]) if len(ladder) > 1 and float(ladder[0]["retailPrice"]) == 0 else 0.0
    inside = [i for i in ladder if float(i["tierMinimumUnits"]) <= rule.probe]
    if len({float(i["tierMinimumUnits"]) for i in rows}) != len(rows):
        prices = sorted({float(i["retailPrice"]) for i in rows})
        if len(prices) > 1:
            raise PriceListError(
                _("{where}: {n} items for {key} in {region} with different prices {prices}; the rule needs one").format(
                    where=where, n=len(rows), key=rule.key, region=region, prices=", ".join(map(str, prices))
                )
            )
    item = inside[-1]
    if rule.next_tier is not None:
        later = [
            float(i["tierMinimumUnits"])
            for i in ladder
            if float(i["tierMinimumUnits"]) > float(item["tierMinimumUnits"])
        ]
        if not later or later[0] != rule.next_tier:
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
                    start=float(item["tierMinimumUnits"]),
                    end=later[0] if later else "",
                    next_tier=rule.next_tier,
                )
            )
    return float(item["retailPrice"]), item, free


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


# ---- what to download, and downloading ---------------------------------------------------------


def download_plan(regions: Iterable[str]) -> list[tuple[str, str]]:
    """(URL, path under DIR) for every file the update reads."""
    plan = [(AWS_INDEX, "aws/index.json")]
    for code in AWS_OFFERS:
        if code in REGIONAL_OFFERS:
            plan.append(
                (f"{AWS_BASE}/offers/v1.0/aws/{code}/current/region_index.json", f"aws/{code}/region_index.json")
            )
            plan += [(offer_url(code, r), f"aws/{code}/{r}.json") for r in regions]
        else:
            plan.append((offer_url(code), f"aws/{code}.json"))
    for service in AZURE_SERVICES:
        plan.append((azure_url(service), f"azure/{service}-1.json"))
    return plan


def fetch(dest: Path, regions: Iterable[str], timeout: float = 60.0, progress: Progress | None = None) -> None:
    """Download every file of the plan into DEST, following Azure's NextPageLink. Any failure
    raises PriceListError naming the URL; files land under a .partial name first."""
    dest = Path(dest)
    for url, rel in download_plan(regions):
        if rel.startswith("azure/"):
            service = rel.split("/")[1].rsplit("-", 1)[0]
            for old in (dest / "azure").glob(f"{service}-*.json"):
                old.unlink()
            n, next_url = 1, url
            while next_url:
                if n > MAX_AZURE_PAGES:
                    raise PriceListError(_("{url}: more than {n} pages; stopped").format(url=url, n=MAX_AZURE_PAGES))
                body = _get(next_url, timeout, progress)
                try:
                    next_url = json.loads(body).get("NextPageLink")
                except ValueError:
                    raise PriceListError(_("{url}: the answer is not JSON").format(url=next_url)) from None
                _save(dest / "azure" / f"{service}-{n}.json", [body])
                n += 1
        else:
            _save(dest / rel, _stream(url, timeout, progress))


def _open(url: str, timeout: float) -> Any:
    try:
        return urllib.request.urlopen(
            urllib.request.Request(url, headers={"User-Agent": "registry-dashboard"}), timeout=timeout
        )
    except OSError as e:  # URLError, HTTPError, timeouts
        reason = getattr(e, "reason", None) or e
        raise PriceListError(
            _(
                "cannot download {url}: {reason}. This machine may be offline or not allowed to reach "
                "the vendor; download the files `python -m lib prices urls` lists into DIR yourself "
                "and run `python -m lib prices update --from DIR` without --fetch"
            ).format(url=url, reason=reason)
        ) from None


def _get(url: str, timeout: float, progress: Progress | None) -> bytes:
    if progress:
        progress(_("downloading {url}").format(url=url))
    with _open(url, timeout) as r:
        return bytes(r.read())


def _stream(url: str, timeout: float, progress: Progress | None) -> Iterator[bytes]:
    if progress:
        progress(_("downloading {url}").format(url=url))
    with _open(url, timeout) as r:
        while True:
            chunk = r.read(1 << 20)
            if not chunk:
                return
            yield chunk


def _save(path: Path, chunks: Iterable[bytes]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".partial")
    try:
        with open(part, "wb") as f:
            for c in chunks:
                f.write(c)
    except BaseException:
        part.unlink(missing_ok=True)  # never leave half a file that looks like a download
        raise
    part.replace(path)
