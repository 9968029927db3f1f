"""The fields of the network path and the cloud account (Network)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ...core.i18n import N_
from ..regions import book_regions
from .choices import NetworkPath, Visibility
from .spec import NETWORK_SECTION, Sweep, field_spec


@dataclass(frozen=True)
class Network:
    """The network path and the account."""

    GROUP: ClassVar[str] = "network"
    visibility: Visibility = field_spec(
        "choice",
        "private",
        N_("Visibility"),
        N_("Public or private images."),
        question=3,
        compare=9,
    )
    network: NetworkPath = field_spec(
        "choice",
        "public",
        N_("Network path"),
        N_(
            "public: no NAT; nat: private subnets through a NAT gateway; "
            "endpoints: ECR through interface endpoints, external registries still through NAT."
        ),
        section=NETWORK_SECTION,
        place=3,
        compare=8,
        screen_help=N_(
            "How pulls reach the registry from your AWS workloads: public subnets need no NAT gateway; private "
            "subnets go through a NAT gateway; with ECR interface endpoints ECR traffic stays inside the VPC "
            "(registries outside AWS still go through the NAT gateway)."
        ),
    )
    availability_zones: int = field_spec(
        "int",
        2,
        N_("Availability zones"),
        N_("AZs that need an interface endpoint; also spreads in-VPC pulls across AZs."),
        1,
        6,
        section=NETWORK_SECTION,
        place=4,
        slider=True,
    )
    nat_gateways: int = field_spec(
        "int",
        1,
        N_("NAT gateways"),
        N_("NAT gateways on the pull path (the document counts one)."),
        1,
        6,
        section=NETWORK_SECTION,
        place=5,
        slider=True,
    )
    team_seats: int = field_spec(
        "int",
        10,
        N_("Team seats"),
        N_("Users needing registry accounts (per-seat plans)."),
        1,
        1_000_000,
        section=NETWORK_SECTION,
        place=6,
        compare=11,
        sweep=Sweep(1, 10_000, True, N_("seats")),
    )
    region: str = field_spec(
        "choice",
        "us-east-1",
        N_("Region"),
        N_("AWS region whose prices apply; Azure and Google Cloud use their nearest region."),
        choices=book_regions(),  # the price book's regions (data/prices.yaml)
        section=NETWORK_SECTION,
        place=2,
        compare=7,
    )
