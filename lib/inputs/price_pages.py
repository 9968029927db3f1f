"""Read AWS's pricing-page JSON and a file of sourced figures: the price book's regions beyond the
offer files' reach.

Two inputs under DIR (`python -m lib prices update --from DIR` picks this reader when DIR holds
`aws-pricing-json/`):

  * `aws-pricing-json/<service>.json`: the JSON AWS publishes for its pricing pages
    (b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/...): `manifest` with
    `hawkFilePublicationDate`, and `regions` -> "<location name>" -> "<description>" ->
    {rateCode: "SKU.TERM.RATE", price: "0.0120000000"}: the offer files' SKUs and rate codes in
    another layout. EC2 comes per region (`ec2/<region>-ondemand.json`), its entries carrying the
    instance's attributes.
  * `sourced-prices.yaml`: per region, figures read in a named source, each with value, unit,
    source, quote and as-of date: AWS's feeds as republished by others (NAT gateway, data
    transfer: secondary sources, recorded as such), Azure and Google Cloud figures. An entry that
    carries a CAUTION or WARNING (sources that disagree) is not used.

A figure no input gives for a region is never guessed: the update prices that region with the
figure of the region data/region_map.yaml names as its `stand_in`, and the book records it as a
stand-in, which every estimate that uses it flags.

Validation is the offer-file reader's: a missing file, a file that is not JSON, a location or
description that is absent, a price that is not a number, a rate code that is not SKU.TERM.RATE,
an as-of that is not a date: each is an error naming the file and the entry, and nothing is written.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..core import bounded, safeyaml
from ..core.i18n import _
from . import price_lists as pl
from .price_lists import PriceListError
from .regions import RegionMatch

PAGES = "aws-pricing-json"
SOURCED = "sourced-prices.yaml"
METERED = "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps"
# the vendors' own pricing pages and feeds; any other source (a blog, a repository that republishes
# a feed) is recorded as secondary in the book's source field
VENDOR_HOSTS = (
    "aws.amazon.com",
    "b0.p.awsstatic.com",
    "pricing.us-east-1.amazonaws.com",
    "azure.microsoft.com",
    "prices.azure.com",
    "learn.microsoft.com",
    "cloud.google.com",
)
RATE_CODE = re.compile(r"^[A-Z0-9]+\.[A-Z0-9]+\.[A-Z0-9]+$")
MAX_BYTES = 8 << 20  # the cut files are kilobytes; AWS's whole S3 file is 2.6 MB
MAX_SOURCED_TOKENS = 200_000  # lines and YAML indicators (safeyaml.prescan): the full 245 KB sourced file has ~9,100


@dataclass(frozen=True)
class PageRule:
    """One price-book entry in one pricing-page file: the entry under an exact description, or
    (EC2) the entry whose attributes match."""

    key: str
    file: str  # under aws-pricing-json/; "{region}" is replaced for per-region files
    url: str  # where AWS publishes it
    description: str | None
    attrs: tuple[tuple[str, str], ...] = ()


PAGE_RULES: tuple[PageRule, ...] = (
    PageRule(
        "aws.endpoint_hourly",
        "vpc.json",
        f"{METERED}/vpc/USD/current/vpc.json",
        "Hourly charge for VPC Endpoints per Hrs",
    ),
    PageRule(
        "aws.endpoint_gb",
        "vpc.json",
        f"{METERED}/vpc/USD/current/vpc.json",
        "Charge for per GB data processed by VPC Endpoints per GB from 0 to 1048576",  # the first PB
    ),
    PageRule(
        "aws.s3_storage_gb_month",
        "s3.json",
        f"{METERED}/s3/USD/current/s3.json",
        "Standard Storage First 50 TB per GB Mo",
    ),
    PageRule("ecr.storage_gb_month", "ecr.json", f"{METERED}/ecr/USD/current/ecr.json", "EC2 Container Registry"),
    PageRule(
        "ecr.scan_first",
        "inspectorv2.json",
        f"{METERED}/inspectorv2/USD/current/inspectorv2.json",
        "Initial Scan on push to ECR Resource-assessment",
    ),
    PageRule(
        "ecr.scan_rescan",
        "inspectorv2.json",
        f"{METERED}/inspectorv2/USD/current/inspectorv2.json",
        "Automated re scan Resource-assessment",
    ),
    PageRule(
        "aws.ebs_gp3_gb_month",
        "ebs.json",
        f"{METERED}/ec2/USD/current/ebs.json",
        "Storage General Purpose gp3 GB Mo",
    ),
    PageRule(
        "aws.ec2_4vcpu_8gb_hourly",
        "ec2/{region}-ondemand.json",
        f"{METERED}/ec2/USD/current/ec2-ondemand-without-sec-sel/{{location}}/Linux/index.json",
        None,
        (
            ("Instance Type", "c6i.xlarge"),
            ("Operating System", "Linux"),
            ("Pre Installed S/W", "NA"),
            ("License Model", "No License required"),
        ),
    ),
)

# price-book key -> (section, entry) in sourced-prices.yaml, and a word its unit must contain
SOURCED_RULES: dict[str, tuple[str, str, str]] = {
    "aws.nat_hourly": ("aws", "nat_gateway_hour", "hour"),
    "aws.nat_gb": ("aws", "nat_gateway_per_gb", "GB"),
    "aws.internet_egress_tier1_gb": ("aws", "dto_internet_first_10tb", "GB"),
    "aws.internet_egress_tier2_gb": ("aws", "dto_internet_next_40tb", "GB"),
    "aws.internet_egress_tier3_gb": ("aws", "dto_internet_next_100tb", "GB"),
    "aws.internet_egress_tier4_gb": ("aws", "dto_internet_over_150tb", "GB"),
    "aws.inter_region_gb": ("aws", "inter_region_out_per_gb", "GB"),
    "aws.cross_az_gb": ("aws", "inter_az_per_gb", "GB"),
    "acr.internet_egress_gb": ("azure_nearest", "internet_egress_first_10tb_per_gb", "GB"),
    "gar.internet_egress_gb": ("gcp_nearest", "internet_egress_0_1tib_per_gib", "GiB"),
    "gar.internet_egress_tier2_gb": ("gcp_nearest", "internet_egress_1_10tib_per_gib", "GiB"),
    "gar.internet_egress_tier3_gb": ("gcp_nearest", "internet_egress_over_10tib_per_gib", "GiB"),
}
# `by:` entries priced per choice at one region: a region whose own figures were found for every
# choice (within the page's rounding) cites them; any other region stands in
SOURCED_CHOICES: dict[str, dict[str, tuple[str, str]]] = {
    "acr.tier_daily": {
        "basic": ("azure_nearest", "acr_basic_per_day"),
        "standard": ("azure_nearest", "acr_standard_per_day"),
        "premium": ("azure_nearest", "acr_premium_per_day"),
    },
}
CHOICE_ROUNDING = 0.0005  # the Azure page shows 0.167 where the Retail Prices API has 0.1666
# figures that depend on the region but that no input file carries: a new region always stands in
REGIONAL_ONLY = (
    "acr.extra_storage_gb_day",
    "acr.inter_region_gb",
    "acr.internet_egress_tier2_gb",
    "acr.internet_egress_tier3_gb",
    "acr.internet_egress_tier4_gb",
    "gar.inter_region_gb",
)


@dataclass(frozen=True)
class Figure:
    """One region's figure for one price-book entry, as read."""

    value: float
    source: str  # a URL, or "secondary: <URL>"
    as_of: str  # YYYY-MM-DD
    detail: str  # where exactly: file, location, description and rate code; or file, region and entry


# {price-book key: {region (or choice, for `by:` entries keyed by region then choice): Figure}}
Figures = dict[str, dict[str, Figure]]


def _date(text: object, where: str) -> str:
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", str(text))
    try:
        return _dt.date.fromisoformat(m.group(1)).isoformat() if m else _dt.date.fromisoformat(str(text)).isoformat()
    except ValueError:
        raise PriceListError(
            _("{where}: the as-of date must start YYYY-MM-DD, got {got!r}").format(where=where, got=str(text)[:60])
        ) from None


def _number(text: object, where: str) -> float:
    """A price as the offer-file reader takes one: text in plain ASCII decimals ("0.0120000000"),
    or a number the file's own syntax wrote (sourced-prices.yaml), finite and not negative.
    Whether it is plausible (positive, dated, close to the current book) is price_update.check_plausible's."""
    if isinstance(text, str) and pl.is_plain_decimal(text):
        return float(text)
    if isinstance(text, (int, float)) and not isinstance(text, bool) and math.isfinite(text) and text >= 0:
        return float(text)
    raise PriceListError(
        _("{where}: the price is not a plain decimal number: {got!r}").format(where=where, got=str(text)[:60])
    )


def load_page(path: Path) -> dict[str, Any]:
    """One pricing-page JSON file, checked for the layout: manifest with a publication date, regions."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise PriceListError(_("{path}: larger than {mb} MB; not a pricing-page file").format(path=path, mb=8))
        doc = pl.load_json(path.read_bytes(), MAX_BYTES)
    except FileNotFoundError:
        raise PriceListError(_("{path}: missing").format(path=path)) from None
    except bounded.BoundExceeded as e:
        raise PriceListError(_("{path}: {why}; not a pricing-page file").format(path=path, why=e)) from None
    except (OSError, ValueError) as e:
        raise PriceListError(_("{path}: not valid JSON or cut short ({why})").format(path=path, why=e)) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("regions"), dict):
        raise PriceListError(_("{path}: missing field 'regions' (is this AWS pricing-page JSON?)").format(path=path))
    published = (
        (doc.get("manifest") or {}).get("hawkFilePublicationDate") if isinstance(doc.get("manifest"), dict) else None
    )
    if not published:
        raise PriceListError(_("{path}: missing field 'manifest.hawkFilePublicationDate'").format(path=path))
    _date(published, str(path))
    return doc


def location(m: RegionMatch) -> str:
    """The pricing pages' name of a region: 'EU (Frankfurt)' where the console says 'Europe (Frankfurt)'."""
    return re.sub(r"^Europe \(", "EU (", m.name)


def read_pages(src: Path, regions: Mapping[str, RegionMatch]) -> Figures:
    """Every PAGE_RULES figure for every region asked, from DIR/aws-pricing-json."""
    found: Figures = {}
    cache: dict[Path, dict[str, Any]] = {}
    for rule in PAGE_RULES:
        for region, m in regions.items():
            path = src / PAGES / rule.file.format(region=region)
            doc = cache.get(path) or cache.setdefault(path, load_page(path))
            loc = location(m)
            entries = doc["regions"].get(loc)
            if not isinstance(entries, dict):
                raise PriceListError(
                    _("{path}: no location '{location}' ({region}) for {key}").format(
                        path=path, location=loc, region=region, key=rule.key
                    )
                )
            if rule.description is not None:
                hits = [(rule.description, entries.get(rule.description))] if rule.description in entries else []
            else:
                hits = [
                    (d, e)
                    for d, e in entries.items()
                    if isinstance(e, dict) and all(e.get(a) == v for a, v in rule.attrs)
                ]
            what = rule.description or ", ".join(f"{a} '{v}'" for a, v in rule.attrs)
            if len(hits) != 1:
                raise PriceListError(
                    _("{path}: {n} entries for {key} in '{location}' ({what}); the rule needs one").format(
                        path=path, n=len(hits), key=rule.key, location=loc, what=what
                    )
                )
            desc, entry = hits[0]
            where = f"{path}: '{loc}' / '{desc}'"
            if not isinstance(entry, dict):
                raise PriceListError(_("{where}: not an object").format(where=where))
            code = entry.get("rateCode")
            if not isinstance(code, str) or not RATE_CODE.match(code):
                raise PriceListError(
                    _("{where}: 'rateCode' is not SKU.TERM.RATE: {got!r}").format(where=where, got=str(code)[:60])
                )
            value = _number(entry.get("price"), where)
            as_of = _date(doc["manifest"]["hawkFilePublicationDate"], str(path))
            url = rule.url.format(location=loc.replace(" ", "%20"))
            detail = f"{PAGES}/{rule.file.format(region=region)}: '{loc}' / '{desc}' ({code})"
            found.setdefault(rule.key, {})[region] = Figure(value, url, as_of, detail)
    return found


def _source_url(text: str) -> str:
    """'github:owner/repo path @ commit (...)' -> a https://github.com URL; a URL stays itself."""
    m = re.match(r"^github:([\w.-]+/[\w.-]+)\s+(\S+)\s+@\s+([0-9a-f]{40})", text)
    if m:
        return f"https://github.com/{m.group(1)}/blob/{m.group(3)}/{m.group(2)}"
    m = re.match(r"^(https?://\S+)", text)
    if m:
        return m.group(1)
    raise PriceListError(_("cannot read a source address in {got!r}").format(got=text[:80]))


def load_sourced(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise PriceListError(
                _("{path}: larger than {mb} MB; not a file of sourced figures").format(path=path, mb=8)
            )
        # YAML 1.2 numbers, no duplicate keys (the last would win silently), nesting bounded first
        doc = safeyaml.load(path.read_text(encoding="utf-8"), max_tokens=MAX_SOURCED_TOKENS)
    except FileNotFoundError:
        raise PriceListError(_("{path}: missing").format(path=path)) from None
    except (OSError, yaml.YAMLError) as e:
        raise PriceListError(_("{path}: not readable YAML ({why})").format(path=path, why=e)) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("regions"), dict):
        raise PriceListError(_("{path}: missing field 'regions'").format(path=path))
    return doc


def _sourced_figure(entry: object, where: str, unit_word: str, detail: str) -> Figure | None:
    """A sourced entry as a Figure; None when the source gave none (value null) or sources disagree."""
    if not isinstance(entry, dict) or entry.get("value") is None:
        return None
    if entry.get("CAUTION") or entry.get("WARNING"):
        return None  # the sources disagree: not a figure to price with
    for f in ("unit", "source", "as_of"):
        if not entry.get(f):
            raise PriceListError(_("{where}: missing field '{field}'").format(where=where, field=f))
    if unit_word not in str(entry["unit"]):
        raise PriceListError(
            _("{where}: unit {unit!r} is not one per {word}").format(where=where, unit=entry["unit"], word=unit_word)
        )
    value = _number(entry["value"], where)
    try:
        url = _source_url(str(entry["source"]))
    except PriceListError:
        return None  # a figure whose source cannot be cited does not go in the book: it stands in
    quality = str(entry.get("source_quality", ""))
    secondary = quality.startswith(("secondary", "derived")) or urllib.parse.urlparse(url).netloc not in VENDOR_HOSTS
    return Figure(
        value,
        ("secondary: " if secondary else "") + url,
        _date(entry["as_of"], where),
        detail,
    )


# {price-book key: {region: {choice: Figure}}}: `by:` entries found for every choice in a region
ChoiceFigures = dict[str, dict[str, dict[str, Figure]]]


def read_sourced(src: Path, regions: Mapping[str, RegionMatch]) -> tuple[Figures, ChoiceFigures]:
    """Figures per region from DIR/sourced-prices.yaml; `by:` entries only where every choice was found."""
    path = src / SOURCED
    doc = load_sourced(path)
    found: Figures = {}
    choices: ChoiceFigures = {}
    for region in regions:
        r = doc["regions"].get(region)
        if not isinstance(r, dict):
            continue  # a region the file does not cover: its figures stand in
        for key, (section, name, word) in SOURCED_RULES.items():
            fig = _sourced_figure(
                (r.get(section) or {}).get(name),
                f"{path}: {region} {section}.{name}",
                word,
                f"{SOURCED}: {region} {section}.{name}",
            )
            if fig is not None:
                found.setdefault(key, {})[region] = fig
        for key, per in SOURCED_CHOICES.items():
            figs = {
                c: _sourced_figure(
                    (r.get(s) or {}).get(n), f"{path}: {region} {s}.{n}", "day", f"{SOURCED}: {region} {s}.{n}"
                )
                for c, (s, n) in per.items()
            }
            if all(figs.values()):
                choices.setdefault(key, {})[region] = {c: f for c, f in figs.items() if f is not None}
    return found, choices


def sourced_regions(src: Path) -> list[str]:
    """The regions DIR/sourced-prices.yaml covers, in its order."""
    return [str(r) for r in load_sourced(src / SOURCED)["regions"]]


def is_pages_dir(src: Path) -> bool:
    return (src / PAGES).is_dir()


# AWS figures a region needs from its own sources: a Frankfurt reader sees every AWS-side
# registry priced with Frankfurt's figures. Only inter-AZ transfer, which no source gives per
# region, may stand in.
AWS_REQUIRED = tuple(r.key for r in PAGE_RULES) + tuple(
    k for k, (section, _n, _w) in SOURCED_RULES.items() if section == "aws" and k != "aws.cross_az_gb"
)


@dataclass(frozen=True)
class Built:
    doc: dict[str, Any]
    added: tuple[str, ...]
    left_out: tuple[tuple[str, str], ...]  # (region, why)
    stand_ins: tuple[tuple[str, str, str], ...]  # (region, key, the region whose figure stands in)
    changed_old: tuple[tuple[str, str], ...]  # (key, old region) whose figure the files changed


def _record(fig: Figure) -> dict[str, str]:
    return {"source": fig.source, "as_of": fig.as_of}


def build(
    old_doc: dict[str, Any],
    old: Any,  # pricebook.PriceBook (not imported: pricebook imports nothing from here)
    figures: Figures,
    choices: ChoiceFigures,
    offered: list[str],
    region_map: Mapping[str, RegionMatch],
    version: str,
) -> Built:
    """The new book's document: new regions priced from the figures, stand-ins recorded as such."""
    left_out: list[tuple[str, str]] = []
    added: list[str] = []
    for r in offered:
        if r in old.regions:
            continue
        m = region_map.get(r)
        gaps = [k for k in AWS_REQUIRED if r not in figures.get(k, {})]
        if m is None or not m.stand_in or m.stand_in not in old.regions:
            left_out.append((r, "no stand-in region of the current book in data/region_map.yaml"))
        elif gaps:
            left_out.append((r, "no figure in the files for " + ", ".join(gaps)))
        else:
            added.append(r)
    final = list(old.regions) + added
    regional_keys = (
        {r.key for r in PAGE_RULES} | set(SOURCED_RULES) | set(SOURCED_CHOICES) | set(REGIONAL_ONLY) | set(figures)
    )
    reference = next(iter(old.regions))  # where `by:` entries (per tier, per plan) are read
    stand_ins: list[tuple[str, str, str]] = []
    changed_old: list[tuple[str, str]] = []
    prices: dict[str, Any] = {}
    for k, entry in old_doc["prices"].items():
        p = old.prices[k]
        if not (k in regional_keys or (p.by is None and isinstance(p.value, dict))):
            prices[k] = entry
            continue
        regional = {r: dict(x) for r, x in (entry.get("regional") or {}).items()}
        new = dict(entry)
        if p.by is None:
            values: dict[str, float] = {}
            for r in final:
                fig = figures.get(k, {}).get(r)
                if r in old.regions:
                    values[r] = p.resolve(r)
                    if fig is not None and abs(fig.value - values[r]) > 1e-12:
                        values[r] = round(fig.value, 10)
                        regional[r] = _record(fig)
                        changed_old.append((k, r))
                elif fig is not None:
                    values[r] = round(fig.value, 10)
                    regional[r] = _record(fig)
                else:
                    other = region_map[r].stand_in
                    assert other is not None  # checked above
                    values[r] = p.resolve(other)
                    regional[r] = {"source": _own_source(p, other), "as_of": p.as_of_in(other), "stand_in": other}
                    stand_ins.append((r, k, other))
            same = len({round(v, 12) for v in values.values()}) == 1
            new["value"] = next(iter(values.values())) if same and not isinstance(p.value, dict) else values
        else:
            for r in added:
                found = choices.get(k, {}).get(r)
                close = found is not None and all(
                    c in found and abs(found[c].value - float(v)) <= CHOICE_ROUNDING for c, v in p.value.items()
                )
                if close and found is not None:
                    regional[r] = _record(next(iter(found.values())))
                else:  # the figure priced everywhere is the reference region's
                    regional[r] = {
                        "source": _own_source(p, reference),
                        "as_of": p.as_of_in(reference),
                        "stand_in": reference,
                    }
                    stand_ins.append((r, k, reference))
        if regional:
            new.pop("regional", None)
            new["regional"] = {r: regional[r] for r in final if r in regional}  # in the book's region order
        prices[k] = new
    doc = dict(old_doc)
    doc["version"] = version
    doc["regions"] = {**old.regions, **{r: region_map[r].name for r in added}}
    doc["prices"] = prices
    return Built(doc, tuple(added), tuple(left_out), tuple(stand_ins), tuple(changed_old))


def _own_source(p: Any, region: str) -> str:
    """The source as the book writes it for `region`'s figure ("secondary: " kept)."""
    r = p.regional.get(region)
    return str(r.source) if r else str(p.source)
