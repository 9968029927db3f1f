"""The source document's VPC-endpoint argument, made concrete for one region.

Pulls from private subnets reach a registry outside the VPC through a NAT gateway (hourly plus
per GB); ECR can be reached through interface endpoints instead (ecr.api and ecr.dkr in each
AZ, hourly, plus per GB on manifests and API calls only: layers come through the free S3 gateway
endpoint). Public subnets pay neither. Endpoints pay for themselves above the traffic where the
two lines cross.

Every figure here comes from the estimate's own line builders (`shared_lines.nat_path` and
`shared_lines.ecr_endpoint_path`): this module only evaluates them, it holds no rule of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ..inputs.pricebook import PriceBook
from ..inputs.workload import DEFAULT, Workload
from .components import Amount, Component, Prices, quantities
from .shared_lines import CROSS_REGION_NAT as CROSS_REGION_NAT, ecr_endpoint_path, nat_path


@dataclass(frozen=True)
class PathCosts:
    region: str
    hours: float
    nat_fixed: float  # USD/month for the NAT gateways' hours
    nat_per_gb: float
    endpoint_fixed: float  # USD/month for the interface endpoints' hours
    endpoint_per_gb: float  # per GB of image pulled: the manifests' share, at the image size given
    # per GB pulled into the VPC: the other regions' share of it, processed by their NAT gateway whichever
    # path this region takes (endpoints are regional); in the endpoints' per-GB figure too
    public_per_gb: float = 0.0

    def nat(self, gb: Amount) -> np.ndarray:
        return self.nat_fixed + self.nat_per_gb * np.asarray(gb, dtype=float)

    def endpoints(self, gb: Amount) -> np.ndarray:
        return self.endpoint_fixed + self.endpoint_per_gb * np.asarray(gb, dtype=float)

    def public(self, gb: Amount) -> np.ndarray:
        return self.public_per_gb * np.asarray(gb, dtype=float)

    def break_even_gb(self) -> float:
        """Monthly GB above which endpoints cost less than NAT (0 when they always do)."""
        slope = self.nat_per_gb - self.endpoint_per_gb
        gap = self.endpoint_fixed - self.nat_fixed
        if gap <= 0:
            return 0.0
        return gap / slope if slope > 0 else float("inf")


def path_lines(book: PriceBook, w: Workload) -> dict[str, list[Component]]:
    """The estimate's network lines for this workload, priced: {"nat": [...], "endpoints": [...]}."""
    p, q = Prices(book, w.region), quantities(w)
    return {
        path: [p.component(x) for x in lines]
        for path, lines in (("nat", nat_path(w, q, p)), ("endpoints", ecr_endpoint_path(w, q, p)))
    }


def total(lines: Iterable[Component]) -> float:
    return float(sum(c.monthly_cost for c in lines))


def path_costs(
    book: PriceBook,
    region: str,
    availability_zones: int,
    nat_gateways: int = 1,
    image_size_mb: float = DEFAULT.image_size_mb,
    cross_share: float = 0.0,
) -> PathCosts:
    """Fixed and per-GB cost of each path, read off the line builders at no traffic and at a reference
    traffic (every path is linear in the pulls). `cross_share`: the part of the data pulled into the VPC that
    comes from other regions (cross_share_of_vpc): every path carries its NAT processing, as the page's three
    figures do (ninth Korean review: the chart's lines left it out, and disagreed with the figures above)."""
    base = DEFAULT.replace(
        region=region,
        availability_zones=availability_zones,
        nat_gateways=nat_gateways,
        image_size_mb=image_size_mb,
        same_region_share=1.0 - cross_share,
        cross_region_share=cross_share,
        internet_share=0.0,
        layer_cache_hit=0.0,
        pulls_per_month=0.0,
    )
    ref_pulls = 1000.0
    ref_gb = ref_pulls * image_size_mb / 1000.0
    idle, busy = path_lines(book, base), path_lines(book, base.replace(pulls_per_month=ref_pulls))
    nat_fixed, endpoint_fixed = total(idle["nat"]), total(idle["endpoints"])
    return PathCosts(
        region=region,
        hours=book.hours_per_month,
        nat_fixed=nat_fixed,
        nat_per_gb=(total(busy["nat"]) - nat_fixed) / ref_gb,
        endpoint_fixed=endpoint_fixed,
        endpoint_per_gb=(total(busy["endpoints"]) - endpoint_fixed) / ref_gb,
        public_per_gb=total(c for c in busy["endpoints"] if c.key == CROSS_REGION_NAT) / ref_gb,
    )


def cross_share_of_vpc(w: Workload) -> float:
    """The part of the data pulled into the VPC that comes from other regions' subnets."""
    vpc = w.same_region_share + w.cross_region_share
    return w.cross_region_share / vpc if vpc else 0.0
