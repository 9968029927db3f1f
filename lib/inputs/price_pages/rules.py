"""Which entry of which input file prices which price-book entry: the pricing-page rules, the sourced
figures' sections and entries, and the figures a new region needs from its own sources."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


# AWS figures a region needs from its own sources: a Frankfurt reader sees every AWS-side
# registry priced with Frankfurt's figures. Only inter-AZ transfer, which no source gives per
# region, may stand in.
AWS_REQUIRED = tuple(r.key for r in PAGE_RULES) + tuple(
    k for k, (section, _n, _w) in SOURCED_RULES.items() if section == "aws" and k != "aws.cross_az_gb"
)
