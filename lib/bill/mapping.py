"""Which bill lines price a registry, and as which of the model's components.

A line is classified by what its vendor documents it to be:

- AWS usage types (CUR `line_item_usage_type` / `lineItem/UsageType`, FOCUS `x_UsageType`): a region
  prefix (`APN2-`, `USE1-`; none for some us-east-1 lines), then the usage: `NatGateway-Hours`,
  `NatGateway-Bytes`, `VpcEndpoint-Hours`, `VpcEndpoint-Bytes`, `TimedStorage-ByteHrs` (under the
  product code `AmazonECR` it is ECR storage; under `AmazonS3`, S3), `DataTransfer-Out-Bytes`
  (to the internet), `<FROM>-<TO>-AWS-Out-Bytes` (to another region), `DataTransfer-Regional-Bytes`
  (between zones of a region), `EBS:VolumeUsage*`, `BoxUsage*`.
- FOCUS lines without an AWS usage type (Azure, Google Cloud): `ServiceName` and `ChargeDescription`
  (Azure writes the meter, e.g. "Standard Registry Unit", "Data Stored"; Google the SKU description,
  e.g. "Artifact Registry Storage", "NAT Gateway: Data processing charge").
- GitHub's usage report: `product` / `sku` (`packages` / `packages_storage`, `packages_data_transfer`;
  the old format's "Shared Storage" counts Actions artifacts too, so it is shared).

A NAT gateway, an interface endpoint or EC2's own data transfer serve more than the registry: those
lines are `shared`, and only the share the user sets is counted against the model.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

Kind = Literal[
    "storage",  # GB-month stored in the registry
    "plan",  # a registry's fixed fee (ACR's daily registry unit)
    "internet_out",  # GB out to the internet
    "inter_region",  # GB to another region
    "regional",  # GB between availability zones (the model does not price it for a registry)
    "nat_hours",
    "nat_gb",
    "endpoint_hours",
    "endpoint_gb",
    "registry_other",  # a registry line the model has no component for (e.g. scanning)
    "related",  # S3, EBS, EC2: what a self-hosted registry or the baseline would bill; listed, not compared
]
KINDS: tuple[Kind, ...] = get_args(Kind)
COMPARED: tuple[Kind, ...] = (
    "storage",
    "plan",
    "internet_out",
    "inter_region",
    "regional",
    "nat_hours",
    "nat_gb",
    "endpoint_hours",
    "endpoint_gb",
    "registry_other",
)
# what can be shared with other traffic, grouped as the user sets a share for it
SHARE_GROUP: dict[Kind, str] = {
    "nat_hours": "nat",
    "nat_gb": "nat",
    "endpoint_hours": "endpoints",
    "endpoint_gb": "endpoints",
    "internet_out": "transfer",
    "inter_region": "transfer",
    "regional": "transfer",
    "storage": "storage",  # GitHub's older report: Actions artifacts and Packages in one storage line
}
SHARE_GROUPS = ("nat", "endpoints", "transfer", "storage")

# AWS's usage-type region prefixes (the "Region" column of the AWS Billing docs' usage type table)
AWS_PREFIX = {
    "USE1": "us-east-1",
    "USE2": "us-east-2",
    "USW1": "us-west-1",
    "USW2": "us-west-2",
    "CAN1": "ca-central-1",
    "SAE1": "sa-east-1",
    "EU": "eu-west-1",
    "EUW2": "eu-west-2",
    "EUW3": "eu-west-3",
    "EUC1": "eu-central-1",
    "EUC2": "eu-central-2",
    "EUN1": "eu-north-1",
    "EUS1": "eu-south-1",
    "APE1": "ap-east-1",
    "APN1": "ap-northeast-1",
    "APN2": "ap-northeast-2",
    "APN3": "ap-northeast-3",
    "APS1": "ap-southeast-1",
    "APS2": "ap-southeast-2",
    "APS3": "ap-south-1",
    "MES1": "me-south-1",
    "MEC1": "me-central-1",
    "AFS1": "af-south-1",
    "ILC1": "il-central-1",
}
REGISTRY_PRODUCTS = {"AmazonECR", "AmazonECRPublic"}
AWS_PRODUCTS = REGISTRY_PRODUCTS | {"AmazonEC2", "AmazonVPC", "AWSDataTransfer", "AmazonS3"}

Found = tuple[Kind, bool, str]  # (kind, shared, region code or "")


# usage types (after the region prefix) that name one line whoever bills them: the network's gateways and
# endpoints carry other traffic too, so they are shared
_SHARED_USAGE: dict[str, Kind] = {
    "NatGateway-Hours": "nat_hours",
    "NatGateway-Bytes": "nat_gb",
    "VpcEndpoint-Hours": "endpoint_hours",
    "VpcEndpoint-Bytes": "endpoint_gb",
}
# transfer: the registry's own when billed under its product code, shared (EC2's, say) under another
_TRANSFER_USAGE: dict[str, Kind] = {
    "DataTransfer-Out-Bytes": "internet_out",
    "DataTransfer-Regional-Bytes": "regional",
}


def aws_usage(product: str, usage: str) -> Found | None:
    """An AWS usage type under its product code, or None when it does not price a registry."""
    if product not in AWS_PRODUCTS:
        return None
    parts = usage.split("-")
    region = ""
    if parts[0] in AWS_PREFIX:
        region = AWS_PREFIX[parts[0]]
        parts = parts[1:]
    rest = "-".join(parts)
    own = product in REGISTRY_PRODUCTS  # transfer billed under the registry's own product code is its own
    if rest in _SHARED_USAGE:
        return (_SHARED_USAGE[rest], True, region)
    if rest == "TimedStorage-ByteHrs":
        return ("storage", False, region) if own else ("related", False, region)
    if rest in _TRANSFER_USAGE:
        return (_TRANSFER_USAGE[rest], not own, region)
    if len(parts) == 4 and parts[0] in AWS_PREFIX and rest.endswith("-AWS-Out-Bytes"):
        return ("inter_region", not own, region)  # USE1-EUC1-AWS-Out-Bytes: to another region
    return _other_usage(product, rest, own, region)


def _other_usage(product: str, rest: str, own: bool, region: str) -> Found | None:
    """A usage type none of the registry's lines is: free, related (compute, S3), or the registry's other."""
    if rest.endswith(("-In-Bytes",)):
        return None  # inbound transfer is free
    if rest.startswith(("EBS:VolumeUsage", "BoxUsage")) or product == "AmazonS3":
        return ("related", False, region)
    if own:
        return ("registry_other", False, region)
    return None


REGISTRY_SERVICES = re.compile(r"container registry|artifact registry|elastic container registry|\becr\b", re.I)
_NAT_HOURS = re.compile(r"nat gateway.*(hour|uptime)|gateway hour|nat gateway$", re.I)
_NAT_GB = re.compile(r"nat.*(data processed|data processing)", re.I)
_ENDPOINT_HOURS = re.compile(r"(vpc endpoint|private ?link|private endpoint).*hour", re.I)
_ENDPOINT_GB = re.compile(
    r"(vpc endpoint|private ?link|private endpoint).*(data processed|processing|ingress|egress)", re.I
)
_PLAN = re.compile(r"registry unit", re.I)
_STORAGE = re.compile(r"storage|data stored|gb-mo", re.I)
_INTER = re.compile(r"inter[- ]?region|inter continent|intra continent|between regions|data transfer to ", re.I)
_INTERNET = re.compile(r"internet|data transfer out|egress|transfer out", re.I)
_SERVICE_NAT = re.compile(r"nat gateway|cloud nat|\bnat\b", re.I)


def described(service: str, description: str) -> Found | None:
    """A FOCUS line by its ServiceName and ChargeDescription (Azure, Google Cloud, or AWS without x_UsageType)."""
    text = f"{service} {description}"
    registry = bool(REGISTRY_SERVICES.search(service))
    if _NAT_GB.search(text):
        return ("nat_gb", True, "")
    if _NAT_HOURS.search(text) or (_SERVICE_NAT.search(service) and re.search(r"hour|uptime", text, re.I)):
        return ("nat_hours", True, "")
    if _ENDPOINT_GB.search(text):
        return ("endpoint_gb", True, "")
    if _ENDPOINT_HOURS.search(text):
        return ("endpoint_hours", True, "")
    if registry and _PLAN.search(description):
        return ("plan", False, "")
    if _INTER.search(text):
        return ("inter_region", not registry, "")
    if _INTERNET.search(text):
        return ("internet_out", not registry, "")
    if registry and _STORAGE.search(description):
        return ("storage", False, "")
    if registry:
        return ("registry_other", False, "")
    return None


def github(product: str, sku: str) -> Found | None:
    """A GitHub usage report line: Packages storage and data transfer (Actions minutes are not a registry's)."""
    p, s = product.strip().lower(), sku.strip().lower()
    if p == "shared storage":
        return ("storage", True, "")  # Actions artifacts and Packages together (the old report)
    if "packages" not in p and "packages" not in s:
        return None
    if "storage" in s:
        return ("storage", False, "")
    if "transfer" in s:
        return ("internet_out", False, "")
    return ("registry_other", False, "")


# Units as the exports write them -> (the unit the comparison counts in, factor)
_UNITS: dict[str, tuple[str, float]] = {}
for _names, _unit, _factor in (
    (("gb-mo", "gb-month", "gb month", "gb/month", "1 gb/month", "gigabyte month", "gb-months"), "GB-month", 1.0),
    (("gibibyte month", "gib-month", "gib month", "gibibyte-month"), "GB-month", 1.073741824),
    (("gb-hours", "gb-hour", "gb-hr", "gb-hrs", "gigabytehours", "gigabyte hours", "gb hours"), "GB-hour", 1.0),
    (("gb-day", "gb-days", "gigabytedays", "gigabyte days", "gb/day"), "GB-day", 1.0),
    (("gb", "gigabytes", "gigabyte", "1 gb", "gbs"), "GB", 1.0),
    (("gib", "gibibyte", "gibibytes", "1 gib"), "GB", 1.073741824),
    (("tb", "1 tb", "terabytes"), "GB", 1000.0),
    (("hrs", "hour", "hours", "1 hour", "hr", "1/hour"), "hour", 1.0),
    (("day", "days", "1/day", "1 day"), "day", 1.0),
):
    for _n in _names:
        _UNITS[_n] = (_unit, _factor)


def unit(text: str) -> tuple[str, float] | None:
    """('GB-month', 1.0) for "GB-Mo"; None for a unit this comparison does not read."""
    return _UNITS.get(" ".join(text.strip().lower().split()))
