"""The source document's VPC-endpoint argument, made concrete for one region.

Pulls from private subnets reach a registry outside the VPC through a NAT gateway (hourly plus
per GB); ECR can be reached through interface endpoints instead (ecr.api and ecr.dkr in each
AZ, hourly plus per GB; layers come through the free S3 gateway endpoint). Public subnets pay
neither. Endpoints pay for themselves above the traffic where the two lines cross.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .pricebook import PriceBook

ENDPOINTS_PER_AZ = 2  # ecr.api and ecr.dkr


@dataclass(frozen=True)
class PathCosts:
    region: str
    hours: float
    nat_fixed: float        # USD/month for the NAT gateways' hours
    nat_per_gb: float
    endpoint_fixed: float   # USD/month for the interface endpoints' hours
    endpoint_per_gb: float

    def nat(self, gb):
        return self.nat_fixed + self.nat_per_gb * np.asarray(gb, dtype=float)

    def endpoints(self, gb):
        return self.endpoint_fixed + self.endpoint_per_gb * np.asarray(gb, dtype=float)

    @staticmethod
    def public(gb):
        return np.zeros_like(np.asarray(gb, dtype=float))

    def break_even_gb(self) -> float:
        """Monthly GB above which endpoints cost less than NAT (0 when they always do)."""
        slope = self.nat_per_gb - self.endpoint_per_gb
        gap = self.endpoint_fixed - self.nat_fixed
        if gap <= 0:
            return 0.0
        return gap / slope if slope > 0 else float("inf")


def path_costs(book: PriceBook, region: str, availability_zones: int, nat_gateways: int = 1) -> PathCosts:
    h = book.hours_per_month
    return PathCosts(
        region=region, hours=h,
        nat_fixed=nat_gateways * h * book.get("aws.nat_hourly", region),
        nat_per_gb=book.get("aws.nat_gb", region),
        endpoint_fixed=ENDPOINTS_PER_AZ * availability_zones * h * book.get("aws.endpoint_hourly", region),
        endpoint_per_gb=book.get("aws.endpoint_gb", region),
    )
