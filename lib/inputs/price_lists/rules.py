"""The rules: which product in which vendor file is which price-book entry (AWS offer files and Azure
Retail Prices pages), with the vendor page a person reads to check it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from .shared import Json


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
