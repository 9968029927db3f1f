"""Cost components and the quantities every registry prices.

A component is infracost-style: name, unit, quantity, unit price, and cost = quantity x price,
always, so the output can show its own arithmetic. Registry modules build their components
from the same code whether the workload fields are plain numbers (one workload) or numpy
arrays (many workloads at once): only element-wise numpy functions are used.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np

GB_PER_GIB = 1.073741824

CATEGORIES = ("storage", "transfer", "network", "plan", "scanning", "compute", "operations")


@dataclass(frozen=True)
class Line:
    """A component as a registry module writes it; quantity and price may be arrays."""
    name: str
    category: str
    unit: str
    quantity: object
    price: object
    price_key: str = ""       # the price-book entry, so the UI can show its source
    hide_if_zero: bool = False  # e.g. higher egress tiers: only shown when reached

    @property
    def cost(self):
        return self.quantity * self.price


@dataclass(frozen=True)
class Component:
    """A component of one workload's bill, with plain floats."""
    name: str
    category: str
    unit: str
    quantity: float
    price: float
    monthly_cost: float
    price_key: str = ""

    def arithmetic(self) -> str:
        """"60,000 GB x $0.02 = $1,200.00": separators, never "6e+04"."""
        from .labels import quantity, unit_price
        return f"{quantity(self.quantity, self.unit)} x {unit_price(self.price)} = ${self.monthly_cost:,.2f}"


@dataclass(frozen=True)
class Flag:
    """Something that is not money but matters: a limit exceeded, a feature missing."""
    code: str
    severity: str  # "info", "warning", "blocker"
    message: str


def quantities(w) -> SimpleNamespace:
    """Section 2 of the cost model: stored and pulled gigabytes (1 GB = 1,000 MB)."""
    s = w.shared_layer_fraction
    stored_naive = w.repositories * w.versions_kept * w.image_size_mb / 1000.0
    stored = w.repositories * w.image_size_mb * (s + (1.0 - s) * w.versions_kept) / 1000.0
    pulled = w.pulls_per_month * w.image_size_mb * (1.0 - w.layer_cache_hit) / 1000.0
    return SimpleNamespace(
        stored_gb_naive=stored_naive,
        stored_gb=stored,
        pulled_gb=pulled,
        same_gb=pulled * w.same_region_share,
        cross_gb=pulled * w.cross_region_share,
        internet_gb=pulled * w.internet_share,
        # bytes pulled by our own cloud compute (what crosses a NAT gateway or endpoint)
        vpc_gb=pulled * (w.same_region_share + w.cross_region_share),
        images_stored=w.repositories * w.versions_kept,
        # bytes each push adds: only the layers that changed (shared layers are already there)
        pushed_gb=w.pushes_per_month * w.image_size_mb * (1.0 - s) / 1000.0,
    )


def positive(x):
    return np.maximum(x, 0.0)


class Prices:
    """Price look-ups for one region, remembering which entries were used."""

    def __init__(self, book, region: str):
        self.book, self.region = book, region
        self.hours = book.hours_per_month
        self.days = book.days_per_month

    def __call__(self, key: str, choice: str | None = None) -> float:
        return self.book.get(key, self.region, choice)


# ---- pieces several registries share -------------------------------------------------

def aws_internet_egress(gb, p: Prices, free_tier: bool, label="Internet egress"):
    """AWS's tiered internet egress, one component per tier so each price is visible."""
    free = p("aws.internet_egress_free_gb") if free_tier else 0.0
    billable = positive(gb - free)
    limits = [10_240.0, 40_960.0, 102_400.0]  # 10 TB, next 40 TB, next 100 TB (AWS counts 1 TB = 1,024 GB)
    names = ["first 10 TB", "next 40 TB", "next 100 TB", "over 150 TB"]
    lines, start = [], 0.0
    for i, name in enumerate(names):
        size = limits[i] if i < len(limits) else None
        in_tier = positive(billable - start)
        if size is not None:
            in_tier = np.minimum(in_tier, size)
            start += size
        key = f"aws.internet_egress_tier{i + 1}_gb"
        lines.append(Line(f"{label} ({name})", "transfer", "GB", in_tier, p(key), key, hide_if_zero=i > 0))
    return lines


def aws_transfer(w, q, p: Prices):
    """Pulls served from an AWS region: free inside it, priced across regions and to the internet."""
    return [
        Line("Same-region transfer", "transfer", "GB", q.same_gb, 0.0, ""),
        Line("Cross-region transfer", "transfer", "GB", q.cross_gb, p("aws.inter_region_gb"), "aws.inter_region_gb"),
        *aws_internet_egress(q.internet_gb, p, w.egress_free_tier),
    ]


def nat_path(w, q, p: Prices):
    """Private subnets reaching a registry outside the VPC: a NAT gateway's hours and bytes."""
    return [
        Line("NAT gateway hours", "network", "hour", w.nat_gateways * p.hours, p("aws.nat_hourly"), "aws.nat_hourly"),
        Line("NAT data processed", "network", "GB", q.vpc_gb, p("aws.nat_gb"), "aws.nat_gb"),
    ]


def replication(w, p: Prices, storage_key: str, storage_gb, pushed_gb, label: str):
    """Copies in other regions: their storage, and every push's bytes sent across regions."""
    if not w.replica_regions:  # a scalar in both paths: the engine groups on it
        return []
    return [
        Line(f"Replica storage ({label}, {w.replica_regions} region(s))", "storage", "GB-month",
             storage_gb * w.replica_regions, p(storage_key), storage_key),
        Line("Replication transfer (pushed bytes x replicas)", "transfer", "GB", pushed_gb * w.replica_regions,
             p("aws.inter_region_gb"), "aws.inter_region_gb"),
    ]


def external_network(w, q, p: Prices):
    """Registries outside AWS: any private-subnet setup still pulls through NAT."""
    return nat_path(w, q, p) if w.network in ("nat", "endpoints") else []
