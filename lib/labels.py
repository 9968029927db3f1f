"""Human words for what the code calls by name: every choice value, every field, and one
number format. Pages show these, never a field name or a raw choice value, so a person can
use the app without reading the code. Field names stay the contract for files and links.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Collection
from functools import cache

from . import i18n
from .workload import SPECS


def region_name(code: str, default: str | None = None) -> str:
    """'Asia Pacific (Seoul)' for ap-northeast-2: from the region map (data/region_map.yaml) that the
    sidebar, the slides and the charts all read, so a region added to the price book has its name."""
    from .regions import match
    m = match(code)
    return m.name if m else (code if default is None else default)

# (field, value) -> what a person reads. Registry ids and feature ids have their own tables
# (lib.registries.NAMES, data/features.yaml); choice() falls back to them.
CHOICES: dict[tuple[str, str], str] = {
    ("runs_on", "aws"): "AWS",
    ("runs_on", "gcp"): "Google Cloud",
    ("runs_on", "azure"): "Microsoft Azure",
    ("runs_on", "on_prem"): "Our own data centre",
    ("runs_on", "multi_cloud"): "Several clouds",
    ("ci", "github_actions"): "GitHub Actions",
    ("ci", "gitlab"): "GitLab CI",
    ("ci", "jenkins"): "Jenkins",
    ("ci", "other"): "Another CI system",
    ("lifetime", "demo"): "A few days' demo",
    ("lifetime", "production"): "Long-term production",
    ("priority", "auto"): "Decide from how long it lives",
    ("priority", "cost"): "Lowest cost and fastest setup",
    ("priority", "integration"): "Cloud integration and security",
    ("compliance", "audit_logs"): "Audit logs",
    ("compliance", "signing"): "Image signing",
    ("compliance", "scanning"): "Vulnerability scanning",
    ("compliance", "no_external_services"): "No external services",
    ("compliance", "team_isolation"): "Isolation between teams",
    ("visibility", "private"): "Private images",
    ("visibility", "public"): "Public images",
    ("network", "public"): "Public subnets (no NAT gateway)",
    ("network", "nat"): "Private subnets behind a NAT gateway",
    ("network", "endpoints"): "Private subnets with ECR interface endpoints",
    ("ghcr_billing", "free"): "Free (GitHub's policy today)",
    ("ghcr_billing", "storage"): "Storage billed at the Packages price",
    ("ghcr_billing", "full"): "Storage and transfer at list price",
    ("github_plan", "free"): "Free",
    ("github_plan", "pro"): "Pro",
    ("github_plan", "team"): "Team",
    ("github_plan", "enterprise"): "Enterprise",
    ("dockerhub_plan", "auto"): "Chosen for you (by visibility and seats)",
    ("dockerhub_plan", "personal"): "Personal",
    ("dockerhub_plan", "pro"): "Pro",
    ("dockerhub_plan", "team"): "Team",
    ("dockerhub_plan", "business"): "Business",
    ("acr_tier", "auto"): "Chosen for you (Premium if a private endpoint is needed)",
    ("acr_tier", "basic"): "Basic",
    ("acr_tier", "standard"): "Standard",
    ("acr_tier", "premium"): "Premium",
    ("scanning", "none"): "None",
    ("scanning", "basic"): "Basic (free where offered)",
    ("scanning", "enhanced"): "Enhanced (paid per image)",
    ("deploy_platform", "ec2"): "EC2 instances (launch template)",
    ("deploy_platform", "ecs"): "Amazon ECS",
    ("deploy_platform", "eks"): "Amazon EKS (Kubernetes)",
    ("deploy_platform", "kubernetes"): "Another Kubernetes cluster",
    ("deploy_platform", "other"): "Something else",
}
# cost component kinds, in the words of every table, legend, slide and series name
CATEGORIES = {"storage": "Storage", "transfer": "Transfer and egress", "network": "Network path (NAT, endpoints)",
              "plan": "Plan or tier", "scanning": "Scanning", "compute": "Servers (self-hosted)",
              "operations": "Engineer time"}
SEVERITIES = {"blocker": "Blocker", "warning": "Warning", "info": "Note"}
REJECTIONS = {"constraint": "Fails a requirement", "cost": "Costs more", "path": "Not on this path"}

# Fractions the workload keeps as 0..1 and people read and type as percentages.
PERCENT_FIELDS = ("shared_layer_fraction", "layer_cache_hit", "monthly_growth", "cross_region_share",
                  "same_region_share", "internet_share", "ecr_public_authenticated_share", "github_actions_pull_share")
# Units for the axes and inputs where the field's own unit is empty.
UNITS = {"pulls_per_month": "pulls a month", "versions_kept": "versions", "team_seats": "seats",
         "repositories": "repositories", "cross_region_share": "%"}


def field(name: str) -> str:
    """A field's name as a person reads it ("Pulls a month")."""
    return SPECS[name].label


def choice(name: str, value: str) -> str:
    """A choice value as a person reads it; every choice the app offers has one."""
    from .registries import NAMES
    if (name, value) in CHOICES:
        return CHOICES[(name, value)]
    if value in NAMES and name in ("migrate_from", "migrate_to"):
        return NAMES[value]
    if name == "sweep_field":
        return field(value)
    if name == "region":
        return f"{region_name(value)}, {value}"
    if name == "required_features":
        from .features import label
        return label(value)
    raise KeyError(f"no display name for {name} = {value!r}")


def choices(name: str, values: Collection[str]) -> str:
    return ", ".join(choice(name, v) for v in values) if values else "none"


# Fields whose values are names (plans, tiers, registries): they keep their capital mid-sentence.
_NAMED = ("github_plan", "dockerhub_plan", "acr_tier", "migrate_from", "migrate_to", "region")
# First words that are names wherever they stand ("Google Cloud", "Microsoft Azure", "Jenkins").
_PROPER = ("Google", "Microsoft", "Amazon", "Jenkins", "GitHub", "GitLab", "Docker", "Harbor", "Nexus")


def in_sentence(text: str) -> str:
    """A display name as it reads inside a sentence: the first letter lower-case unless the first
    word is a name ("AWS", "GitHub Actions", "Docker Hub plan", "EC2 instances")."""
    first = text.split(" ", 1)[0]
    if not text or first in _PROPER or (len(first) > 1 and not first[1:].islower()):
        return text
    return text[0].lower() + text[1:]


def choice_in_sentence(name: str, value: str) -> str:
    """choice() as it reads inside a sentence: "private subnets behind a NAT gateway", "several clouds";
    names keep their capital ("AWS", "Google Cloud", "Pro"). The slides, the ADR and the chart subtitles
    use this, so they say what the app's inputs say, in the same words."""
    text = choice(name, value)
    return text if name in _NAMED and value != "auto" else in_sentence(text)


def choices_in_sentence(name: str, values: Collection[str]) -> str:
    return ", ".join(choice_in_sentence(name, v) for v in values) if values else "none"


def axis_title(name: str) -> str:
    """An axis name with its unit: "Image size (MB)", "Pulls a month", "Cross-region pulls (%)"."""
    unit = "%" if name in PERCENT_FIELDS else SPECS[name].unit
    return f"{field(name)} ({unit})" if unit else field(name)


# ---- one number format -------------------------------------------------------------------
# Digits are rounded by Python's own formatting (the figures the tests work out by hand); the
# separators, the percent sign's place and the dates follow the current language's locale (Babel's
# CLDR data). Amounts are US dollars, or won at the user's rate when `i18n.krw()` is set.

MINUS = "−"  # U+2212: a real minus sign, as wide as the plus
# Two monthly amounts closer than half a cent print the same: no saving, no gap, "costs the same".
# Every comparison of money in lib/ (recommendation, cheaper setups, deck) uses this one figure.
SAME_MONEY = 0.005


@cache
def _symbols(loc: str) -> tuple[str, str]:
    from babel.numbers import get_decimal_symbol, get_group_symbol
    return get_decimal_symbol(loc), get_group_symbol(loc)


def _local(digits: str) -> str:
    """'1,234.5' written with the current locale's group and decimal signs."""
    dec, grp = _symbols(i18n.locale())
    if (dec, grp) == (".", ","):
        return digits
    return digits.replace(",", "\0").replace(".", dec).replace("\0", grp)


def currency_symbol() -> str:
    """'$', or '₩' when amounts are shown in won: the prefix of every amount and money axis."""
    return "₩" if i18n.krw() else "$"


def amount(x: float) -> float:
    """A US-dollar amount in the display currency (won at the user's rate, or dollars)."""
    k = i18n.krw()
    return x * k.rate if k else x


def money(x: float, cents: bool = True) -> str:
    """$2,996.85 (or $2,997 without cents); −$3.20 for a negative amount; ₩4,135,653 in won (no
    fractions of a won)."""
    if i18n.krw():
        x, cents = amount(x), False
    s = currency_symbol() + _local(f"{abs(x):,.2f}" if cents else f"{abs(x):,.0f}")
    return (MINUS + s) if x < 0 and round(abs(x), 2 if cents else 0) else s


def signed_money(x: float) -> str:
    """+$10.50 / −$2,103.65: a change in cost, sign first."""
    if i18n.krw():
        y = amount(x)
        return ("+" if y >= 0 or not round(abs(y)) else MINUS) + currency_symbol() + _local(f"{abs(y):,.0f}")
    return ("+" if x >= 0 or not round(abs(x), 2) else MINUS) + "$" + _local(f"{abs(x):,.2f}")


def percent(fraction: float, digits: int = 0) -> str:
    """0.05 -> "5 %" in English (a space before the sign), "5%" in Korean."""
    return _local(f"{fraction * 100:,.{digits}f}") + (" %" if i18n.lang() == "en" else "%")


def signed_percent(fraction: float, digits: int = 1) -> str:
    return ("+" if fraction >= 0 else MINUS) + percent(abs(fraction), digits)


def number(x: float, digits: int = 0) -> str:
    """Thousands separators, never scientific notation: 60,000 / 0.25 / 1,234.5."""
    if not math.isfinite(x):
        return str(x)
    if digits == 0 and x != round(x):
        # fractional quantities keep what they have: up to 4 decimals below 100 (0.5 GB-month), 2 above
        return _local(f"{x:,.{4 if abs(x) < 100 else 2}f}".rstrip("0").rstrip("."))
    return _local(f"{x:,.{digits}f}")


def quantity(x: float, unit: str = "") -> str:
    """A measured amount with its unit: "60,000 GB", "0.5 GB-month", "730 hours"."""
    return f"{number(x)} {unit}".strip()


def data_size_mb(mb: float) -> str:
    """500 MB, 1.2 GB, 60,000 GB: MB below a gigabyte, GB (1 GB = 1,000 MB) from there."""
    return f"{number(mb)} MB" if mb < 1000 else f"{number(mb / 1000, 0 if mb % 1000 == 0 else 1)} GB"


def date_text(day: _dt.date) -> str:
    """29 November 2026 / 2026년 11월 29일: a date as the reader's language writes it."""
    if i18n.lang() == "en":
        return f"{day:%d %B %Y}"  # what the slides have always said; Babel's en_US would say "November 29, 2026"
    from babel.dates import format_date
    return format_date(day, format="long", locale=i18n.locale())


# ---- the price book's entries, as the About page lists them ---------------------------------

VENDORS = {"aws": "AWS", "ecr": "Amazon ECR", "ghcr": "GitHub (GHCR)", "dockerhub": "Docker Hub",
           "gar": "Google Artifact Registry", "acr": "Azure Container Registry", "harbor": "Harbor", "nexus": "Nexus"}
PRICES = {
    "aws.inter_region_gb": "Transfer between AWS regions",
    "aws.cross_az_gb": "Transfer between availability zones",
    "aws.internet_egress_free_gb": "Free internet egress a month (free tier)",
    "aws.internet_egress_tier1_gb": "Internet egress, first 10 TB a month",
    "aws.internet_egress_tier2_gb": "Internet egress, next 40 TB a month",
    "aws.internet_egress_tier3_gb": "Internet egress, next 100 TB a month",
    "aws.internet_egress_tier4_gb": "Internet egress, over 150 TB a month",
    "aws.nat_hourly": "NAT gateway, per hour",
    "aws.nat_gb": "NAT gateway, per GB processed",
    "aws.endpoint_hourly": "Interface endpoint, per hour and AZ",
    "aws.endpoint_gb": "Interface endpoint, per GB processed",
    "aws.s3_storage_gb_month": "S3 Standard storage",
    "aws.ebs_gp3_gb_month": "Block storage (EBS gp3) for self-hosted nodes",
    "aws.ec2_4vcpu_8gb_hourly": "Server with 4 vCPU / 8 GB, per hour",
    "ecr.storage_gb_month": "Storage",
    "ecr.free_storage_gb": "Free storage for new accounts",
    "ecr.public_free_storage_gb": "Free storage, public repositories",
    "ecr.public_free_internet_gb": "Free internet transfer, public repositories",
    "ecr.scan_first": "Enhanced scanning, first scan of an image",
    "ecr.scan_rescan": "Enhanced scanning, rescan",
    "ghcr.storage_gb_month": "Storage (Packages list price)",
    "ghcr.transfer_gb": "Transfer (Packages list price)",
    "ghcr.free_storage_gb": "Storage included in the GitHub plan",
    "ghcr.free_transfer_gb": "Transfer included in the GitHub plan",
    "dockerhub.plan_monthly": "Subscription",
    "dockerhub.pull_limit_per_hour": "Pull limit",
    "gar.storage_gb_month": "Storage",
    "gar.free_storage_gb": "Free storage",
    "gar.inter_region_gb": "Transfer between regions",
    "gar.internet_egress_gb": "Internet egress",
    "gar.scan_per_image": "Vulnerability scanning, per image",
    "acr.tier_daily": "Registry tier, per day",
    "acr.included_storage_gb": "Storage included in the tier",
    "acr.extra_storage_gb_day": "Storage above the tier's included amount",
    "acr.inter_region_gb": "Transfer between regions",
    "acr.internet_egress_gb": "Internet egress",
    "harbor.licence_monthly": "Licence",
    "nexus.ce_requests_per_day": "Community Edition request cap",
    "nexus.ce_components": "Community Edition component cap",
}
KEYED_BY = {"github_plan": "GitHub plan", "dockerhub_plan": "Docker Hub plan", "acr_tier": "ACR tier",
            "dockerhub_user": "kind of user"}


def price_name(key: str) -> str:
    """"Amazon ECR: Storage"; an entry without a name keeps a readable form of its key."""
    vendor, _, rest = key.partition(".")
    return f"{VENDORS.get(vendor, vendor)}: {PRICES.get(key, rest.replace('_', ' '))}"


def price_value(value: object, by: str | None, regions: dict[str, str]) -> str:
    """A price book value as text: 0.1, or "US East (N. Virginia) 0.09 · Asia Pacific (Seoul) 0.126"."""
    if not isinstance(value, dict):
        return f"{value:,g}"
    if by is None:
        return " · ".join(f"{region_name(k, regions.get(k, k))} {v:,g}" for k, v in value.items())
    spec_name = by if by in SPECS else None

    def name(k: str) -> str:
        try:
            return choice(spec_name, k) if spec_name else str(k).replace("_", " ").capitalize()
        except KeyError:
            return str(k).capitalize()
    return " · ".join(f"{name(k)} {v:,g}" for k, v in value.items())


def plain(text: str) -> str:
    """Data files name their provenance for developers ("the source document"); on screen the
    app speaks of "the comparison", which its About page describes."""
    for old, new in (("cost-model.md", "the cost model the app started from"), ("registry-comparison.md", "the comparison"),
                     ("The source document's", "The comparison's"), ("the source document's", "the comparison's"),
                     ("The source document", "The comparison"), ("the source document", "the comparison"),
                     ("source document", "comparison"), ("The document's", "The comparison's"),
                     ("the document's", "the comparison's"), ("the document", "the comparison")):
        text = text.replace(old, new)
    # the comparison rates each situation's fit out of 3: say what the number means
    return re.sub(r"\(?strength ([123]) of 3\)?", lambda m: f"({STRENGTH[m.group(1)]}, rated {m.group(1)} of 3)", text)


STRENGTH = {"3": "a clear fit", "2": "a good fit", "1": "a sensible default"}

# Help texts for the inputs, where the field's own help (also used by the command line) names
# choice values as the files spell them.
HELP = {
    "network": "How pulls reach the registry from your AWS workloads: public subnets need no NAT gateway; private "
               "subnets go through a NAT gateway; with ECR interface endpoints ECR traffic stays inside the VPC "
               "(registries outside AWS still go through the NAT gateway).",
    "ghcr_billing": "GHCR does not bill container images today. Choose a billed mode to see what they would cost: "
                    "storage at the Packages price (what the comparison assumes), or storage and transfer at list price.",
    "dockerhub_plan": "Chosen for you: Personal for public images, Pro for one private user, Team per seat otherwise.",
    "acr_tier": "Chosen for you: Premium when a private endpoint is needed, Basic otherwise.",
    "scanning": "None; basic (free where a registry offers it); or enhanced (paid per image scanned).",
    "priority": "Lowest cost and fastest setup, or cloud integration and security. Left to how long it lives: "
                "cost first for a demo, integration first in production.",
    "lifetime": "A demo runs for a few days; production runs long-term.",
    "monthly_growth": "Growth per month of pulls and stored versions, in percent: 5 means 5 % a month.",
    "shared_layer_fraction": "Share of an image's bytes in layers unchanged between versions (base OS, dependencies), in percent.",
    "layer_cache_hit": "Share of pulled bytes already on the pulling node, in percent.",
}


def unit_price(p: float) -> str:
    """$0.10, $0.0274, $15.00: cents always, more digits only when the price has them."""
    s = f"{abs(p):,.6f}".rstrip("0")
    whole, _, frac = s.partition(".")
    return ("−" if p < 0 else "") + "$" + _local(f"{whole}.{frac.ljust(2, '0')}")  # the price book is in dollars
