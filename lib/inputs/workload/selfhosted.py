"""The fields of a self-hosted registry and of the tarball baseline (SelfHosted): nodes, disks and
the people's hours."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ...core.i18n import N_
from .spec import SELFHOSTED_SECTION, field_spec


@dataclass(frozen=True)
class SelfHosted:
    """Self-hosted registries (Harbor, Nexus) and the S3 baseline."""

    GROUP: ClassVar[str] = "selfhosted"
    selfhosted_nodes: int = field_spec(
        "int",
        1,
        N_("Self-hosted nodes"),
        N_("Instances of 4 vCPU / 8 GB (Harbor's recommended size)."),
        1,
        100,
        section=SELFHOSTED_SECTION,
        place=1,
    )
    node_disk_gb: float = field_spec(
        "float",
        160.0,
        N_("Node disk"),
        N_("Block storage per node (Harbor recommends 160 GB)."),
        0,
        100_000,
        unit="GB",
        section=SELFHOSTED_SECTION,
        place=2,
        whole=True,
    )
    ops_hours_per_month: float = field_spec(
        "float",
        4.0,
        N_("Operations hours a month"),
        N_("Upgrades, backups, certificates, on-call for a self-hosted registry."),
        0,
        100_000,
        section=SELFHOSTED_SECTION,
        place=3,
    )
    engineer_hourly_rate: float = field_spec(
        "float",
        75.0,
        N_("Engineer hourly rate"),
        N_("Loaded cost of an engineer hour (an assumption: set your own)."),
        0,
        10_000,
        unit=N_("USD/h"),
        section=SELFHOSTED_SECTION,
        place=4,
    )
    nexus_licence_monthly: float = field_spec(
        "float",
        0.0,
        N_("Nexus Pro licence"),
        N_("Your quoted Nexus Pro price a month; 0 means Community Edition."),
        0,
        10_000_000,
        unit=N_("USD/month"),
        section=SELFHOSTED_SECTION,
        place=5,
    )
    layers_per_image: int = field_spec(
        "int",
        10,
        N_("Layers per image"),
        N_(
            "Layers in one image: a pull asks the registry for the manifest, the config and each layer "
            "(Nexus Community Edition counts each as a request)."
        ),
        1,
        1_000,
        section=SELFHOSTED_SECTION,
        place=7,
    )
    s3_manual_hours_per_month: float = field_spec(
        "float",
        0.0,
        N_("S3 manual hours a month"),
        N_("docker save / aws s3 cp / docker load by hand."),
        0,
        100_000,
        section=SELFHOSTED_SECTION,
        place=6,
    )
