"""`docker save` tarballs in S3: the anti-pattern the source document warns about, kept as a
baseline. Every tar holds all its layers, so storage never de-duplicates."""

from ...core.i18n import N_
from ...inputs.workload import Workload
from ..components import Flag, Inputs, Line, Prices, Quantities, say
from ..consumers import private_aws_subnets
from ..shared_lines import aws_transfer, cross_region_nat, nat_path, replication
from .spec import ChartIdentity, Options, RegistrySpec, others


def lines(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    out = [
        Line(
            say(N_("Storage (full tarballs, no layer sharing)")),
            "storage",
            "GB-month",
            q.stored_gb_naive,
            "aws.s3_storage_gb_month",
        ),
        *aws_transfer(w, q, p),
        # cross-region replication copies whole tarballs: every push sends the full image
        *replication(
            w, p, "aws.s3_storage_gb_month", q.stored_gb_naive, q.pushed_gb_naive, N_("S3 cross-region replication")
        ),
    ]
    if private_aws_subnets(w):
        if w.network == "nat":
            out += nat_path(w, q, p)
        else:
            # the S3 gateway endpoint is free but regional: other regions' consumers come through their NAT
            out += [
                Line(say(N_("S3 gateway endpoint")), "network", "GB", q.same_gb, 0.0),
                cross_region_nat(q),
            ]
    out.append(
        Line(
            say(N_("Manual save / copy / load")),
            "operations",
            "engineer-hour",
            w.s3_manual_hours_per_month,
            w.engineer_hourly_rate,
        )
    )
    return out


def flags(w: Workload, q: Quantities, p: Prices) -> list[Flag]:
    return [
        Flag(
            "not_a_registry",
            "blocker",
            say(N_("Not a registry: no docker pull, no tags, no scanning, no layer de-duplication.")),
            wont_serve=True,
        )
    ]


# ---- identity: every registry table is derived from this (lib/pricing/registries/spec.py) -------------------


def setups(w: Workload) -> Options:
    """Private subnets reach S3 through NAT or the free S3 gateway endpoint."""
    if private_aws_subnets(w):
        return {"network": others(w, "network", w.network, skip=("public",))}
    return {}


SPEC = RegistrySpec(
    id="s3",
    name=N_("S3 + docker save (baseline)"),  # translated where shown: registries.name()
    vendor="Amazon S3",  # not in the price book: S3's prices are AWS's (aws.s3_storage_gb_month)
    matrix_name=N_("S3 baseline"),
    home_cloud="aws",
    self_hosted=False,
    clouds_own=False,  # AWS's, but not AWS's registry: the decision tree never counts it a cloud's own
    chart=ChartIdentity(colour="#999999", dash="dot", symbol="triangle-down", short=N_("S3 baseline")),  # grey
    setups=setups,
)
