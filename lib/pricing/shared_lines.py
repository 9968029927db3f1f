"""The lines several registries share, written once: transfer from a cloud region (same region, across
regions, internet egress in each cloud's volume tiers), the NAT and interface-endpoint paths out of
private subnets, replication to other regions, and the flag for a registry on another cloud than the
consumers."""

from __future__ import annotations

import math

import numpy as np

from ..core.i18n import N_
from .components import Amount, Category, Flag, Inputs, Label, Line, Prices, Quantities, positive, say
from .consumers import WHERE, ConsumersCloud, consumers_cloud, private_aws_subnets

# (size in GB, or None for the rest; the tier's name; its price key)
Tiers = tuple[tuple[float | None, str, str], ...]


def other_cloud_flags(w: Inputs, home: ConsumersCloud, provider: str) -> list[Flag]:
    """A registry on another cloud than the pulling workloads: every pull leaves `provider` as
    internet egress (through the consumers' NAT gateway when they sit in private AWS subnets)."""
    if consumers_cloud(w) == home:
        return []
    if w.network != "public" and consumers_cloud(w) == "aws":
        message = N_(
            "The workloads run outside {cloud}: every pull leaves {provider} as internet egress, "
            "through the consumers' NAT gateway."
        )
    else:
        message = N_("The workloads run outside {cloud}: every pull leaves {provider} as internet egress.")
    return [Flag("other_cloud", "info", say(message, cloud=say(WHERE[home]), provider=provider))]


def tiered(gb: Amount, p: Prices, tiers: Tiers, label: Label | str, category: Category = "transfer") -> list[Line]:
    """Volume tiers, one component per tier so each price is visible; tiers after the first
    are shown only when reached. `tiers`: (size in GB or None for the rest, name, price key)."""
    lines, start = [], 0.0
    for i, (size, name, key) in enumerate(tiers):
        in_tier = positive(gb - start)
        if size is not None:
            in_tier = np.minimum(in_tier, size)
            start += size
        lines.append(
            Line(
                say(N_("{label} ({tier})"), label=label, tier=say(name, **_tier_bounds(tiers, i))),
                category,
                "GB",
                in_tier,
                key,
                hide_if_zero=i > 0,
            )
        )
    return lines


# AWS and Azure count 1 TB = 1,024 GB in their tiers; Google's tiers are per GiB, counted the same way.
GB_PER_TB = 1_024.0
# A tier's name is made from its size ({size}), where it starts ({start}) and ends ({end}), in TB:
# the sizes are written once, here.
FIRST, NEXT, OVER = N_("first {size:g} TB"), N_("next {size:g} TB"), N_("over {start:g} TB")
AWS_TIERS = (
    (10_240.0, FIRST, "aws.internet_egress_tier1_gb"),
    (40_960.0, NEXT, "aws.internet_egress_tier2_gb"),
    (102_400.0, NEXT, "aws.internet_egress_tier3_gb"),
    (None, OVER, "aws.internet_egress_tier4_gb"),
)
GCP_TIERS = (
    (1_024.0, FIRST, "gar.internet_egress_gb"),
    # one style of tier name on every cloud, "first / next / over" (sixth Korean review: "1~10 TB 구간" beside
    # "첫 10 TB" and "다음 40 TB"): Google's 1 to 10 TB is its next 9 TB
    (9_216.0, NEXT, "gar.internet_egress_tier2_gb"),
    (None, OVER, "gar.internet_egress_tier3_gb"),
)
AZURE_TIERS = (
    (10_240.0, FIRST, "acr.internet_egress_gb"),
    (40_960.0, NEXT, "acr.internet_egress_tier2_gb"),
    (102_400.0, NEXT, "acr.internet_egress_tier3_gb"),
    (None, OVER, "acr.internet_egress_tier4_gb"),
)


def _tier_bounds(tiers: Tiers, i: int) -> dict[str, float]:
    """The i-th tier's size, start and end in TB, to fill its name ("next {size:g} TB": "next 40 TB")."""
    start = sum(size or 0.0 for size, _name, _key in tiers[:i])
    size = tiers[i][0]
    end = start + size if size is not None else math.inf
    return {"size": (size or 0.0) / GB_PER_TB, "start": start / GB_PER_TB, "end": end / GB_PER_TB}


# each cloud's internet egress tiers (a self-hosted registry's hosts pay their cloud's)
EGRESS_TIERS: dict[str, Tiers] = {"aws": AWS_TIERS, "gcp": GCP_TIERS, "azure": AZURE_TIERS}
# Azure's first 100 GB a month are free, account-wide: applied with the free-tier toggle like AWS's
# (the price book's acr.internet_egress_free_gb).


def aws_internet_egress(gb: Amount, p: Prices, free_tier: bool, label: Label | str) -> list[Line]:
    """AWS's tiered internet egress."""
    free = p("aws.internet_egress_free_gb") if free_tier else 0.0
    return tiered(positive(gb - free), p, AWS_TIERS, label)


def internet_egress(
    cloud: ConsumersCloud, gb: Amount, p: Prices, w: Inputs, label: Label | str = "Internet egress"
) -> list[Line]:
    """Internet egress billed by the cloud a registry (or a self-hosted one's hosts) sits in."""
    label = label if isinstance(label, Label) else say(label)  # the default: marked at INTERNET_EGRESS
    if cloud == "aws":
        return aws_internet_egress(gb, p, w.egress_free_tier, label)
    if cloud == "gcp":
        return tiered(gb, p, GCP_TIERS, label)
    if cloud == "azure":
        free = p("acr.internet_egress_free_gb") if w.egress_free_tier else 0.0
        return tiered(positive(gb - free), p, AZURE_TIERS, label)
    # on-premises hosts: the company's own internet connection, not priced here
    return [Line(say(N_("{label} (your own connection, not priced)"), label=label), "transfer", "GB", gb, 0.0)]


INTERNET_EGRESS = N_("Internet egress")  # internet_egress's default label, translated where it is used


def cloud_transfer(w: Inputs, q: Quantities, p: Prices, cloud: ConsumersCloud, inter_region_key: str) -> list[Line]:
    """Pulls served from a registry in `cloud`, relative to where the consumers run.

    Consumers in the same cloud: free in the region, the inter-region rate across regions,
    internet egress for internet pulls. Consumers anywhere else (another cloud, on-premises):
    every pulled byte leaves the registry's cloud as internet egress.
    """
    if consumers_cloud(w) == cloud:
        return [
            Line(say(N_("Same-region transfer")), "transfer", "GB", q.same_gb, 0.0),
            Line(say(N_("Cross-region transfer")), "transfer", "GB", q.cross_gb, inter_region_key),
            *internet_egress(cloud, q.internet_gb, p, w),
        ]
    where = say(WHERE[consumers_cloud(w)])
    return internet_egress(cloud, q.pulled_gb, p, w, label=say(N_("Internet egress to {where}"), where=where))


def aws_transfer(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    """Pulls served from an AWS region."""
    return cloud_transfer(w, q, p, "aws", "aws.inter_region_gb")


def nat_hours(w: Inputs, p: Prices) -> Line:
    return Line(say(N_("NAT gateway hours")), "network", "hour", w.nat_gateways * p.hours, "aws.nat_hourly")


NAT_PROCESSED = N_("NAT data processed")  # a line's key: Migration reads which paths pass the NAT from it
ENDPOINT_HOURS = N_("Interface endpoints (ecr.api + ecr.dkr) x AZs")


def nat_path(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    """Private subnets reaching a registry outside the VPC: a NAT gateway's hours and bytes."""
    return [
        nat_hours(w, p),
        Line(say(NAT_PROCESSED), "network", "GB", q.vpc_gb, "aws.nat_gb"),
    ]


ENDPOINTS_PER_AZ = 2  # ecr.api and ecr.dkr


def ecr_endpoint_path(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    """ECR from private subnets through interface endpoints, the way AWS bills it.

    ecr.api and ecr.dkr in every AZ bill per endpoint-hour; the interface endpoints' per-GB
    processing applies to what crosses them (authorization, manifests, API calls: a stated
    bytes-per-pull assumption), because image layers come from S3 through the free S3 gateway
    endpoint. Both kinds of endpoint are regional: consumers in another region reach this
    registry through their own NAT gateway (its per-GB processing is counted, its hours are not:
    that gateway serves the rest of their traffic).
    """
    same_pulls = w.pulls_per_month * w.same_region_share
    return [
        Line(
            say(ENDPOINT_HOURS),
            "network",
            "endpoint-hour",
            ENDPOINTS_PER_AZ * w.availability_zones * p.hours,
            "aws.endpoint_hourly",
        ),
        Line(
            say(N_("Endpoint data processed (manifests and API calls)")),
            "network",
            "GB",
            same_pulls * p("aws.ecr_endpoint_gb_per_pull"),
            "aws.endpoint_gb",
        ),
        Line(say(N_("Image layers through the S3 gateway endpoint (free)")), "network", "GB", q.same_gb, 0.0),
        cross_region_nat(q),
    ]


CROSS_REGION_NAT = N_("NAT data processed (cross-region pulls)")  # the line's key (its English name)


def cross_region_nat(q: Quantities, hide_if_zero: bool = False) -> Line:
    """Pulls from another region's private subnets reach a registry in this region through that region's
    NAT gateway: its per-GB processing, not its hours (it carries the rest of that region's traffic). The
    one rule for ECR behind endpoints, S3's gateway endpoint and the self-hosted installations."""
    return Line(
        say(CROSS_REGION_NAT),
        "network",
        "GB",
        q.cross_gb,
        "aws.nat_gb",
        hide_if_zero=hide_if_zero,
    )


def replication_transfer(w: Inputs, p: Prices, pushed_gb: Amount) -> Line:
    """Every push's new bytes sent to each replica region at the inter-region rate: the one rule for
    managed replication and for self-hosted installations replicating to each other."""
    return Line(
        say(N_("Replication transfer (pushed bytes x replicas)")),
        "transfer",
        "GB",
        pushed_gb * w.replica_regions,
        "aws.inter_region_gb",
    )


def replication(
    w: Inputs, p: Prices, storage_key: str, storage_gb: Amount, pushed_gb: Amount, label: str
) -> list[Line]:
    """Copies in other regions: their storage, and every push's bytes sent across regions."""
    if not w.replica_regions:  # a scalar in both paths: the engine groups on it
        return []
    return [
        Line(
            say(N_("Replica storage ({label}, {regions} region(s))"), label=say(label), regions=w.replica_regions),
            "storage",
            "GB-month",
            storage_gb * w.replica_regions,
            storage_key,
        ),
        replication_transfer(w, p, pushed_gb),
    ]


def external_network(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    """Registries outside the consumers' VPC: AWS private subnets (NAT or endpoints chosen)
    still pull them through the NAT gateway."""
    return nat_path(w, q, p) if private_aws_subnets(w) else []
