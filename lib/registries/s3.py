"""`docker save` tarballs in S3: the anti-pattern the source document warns about, kept as a
baseline. Every tar holds all its layers, so storage never de-duplicates."""

from ..components import (
    Flag,
    Inputs,
    Line,
    Prices,
    Quantities,
    aws_transfer,
    nat_path,
    private_aws_subnets,
    replication,
    say,
)
from ..i18n import N_, _

ID, NAME = "s3", N_("S3 + docker save (baseline)")  # translated where shown: registries.name()


def lines(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    out = [
        Line(
            say(N_("Storage (full tarballs, no layer sharing)")),
            "storage",
            "GB-month",
            q.stored_gb_naive,
            p("aws.s3_storage_gb_month"),
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
                Line(
                    say(N_("NAT data processed (cross-region pulls)")),
                    "network",
                    "GB",
                    q.cross_gb,
                    p("aws.nat_gb"),
                    "aws.nat_gb",
                ),
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


def flags(w: Inputs, q: Quantities, p: Prices) -> list[Flag]:
    return [
        Flag(
            "not_a_registry",
            "blocker",
            _("Not a registry: no docker pull, no tags, no scanning, no layer de-duplication."),
            wont_serve=True,
        )
    ]
