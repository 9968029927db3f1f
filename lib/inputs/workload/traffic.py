"""The fields of what is stored and pulled (Usage) and where the pulls come from (Origin)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ...core.i18n import N_
from .spec import WORKLOAD_SECTION, Sweep, field_spec


@dataclass(frozen=True)
class Usage:
    """What is stored and pulled."""

    GROUP: ClassVar[str] = "workload"
    image_size_mb: float = field_spec(
        "float",
        500.0,
        N_("Image size"),
        N_("Compressed size of one image version."),
        1,
        20_000,
        unit="MB",
        section=WORKLOAD_SECTION,
        place=1,
        compare=2,
        sweep=Sweep(10.0, 20_000.0, True, "MB"),
    )
    repositories: int = field_spec(
        "int", 1, N_("Repositories"), N_("Distinct images."), 1, 1_000_000, section=WORKLOAD_SECTION, place=3, compare=4
    )
    versions_kept: int = field_spec(
        "int",
        10,
        N_("Versions kept"),
        N_("Versions retained per image after lifecycle clean-up."),
        1,
        1_000,
        section=WORKLOAD_SECTION,
        place=2,
        compare=1,
        sweep=Sweep(1, 1000, True, N_("versions")),
    )
    shared_layer_fraction: float = field_spec(
        "float",
        0.0,
        N_("Shared layers"),
        N_("Share of an image's bytes in layers unchanged between versions (base OS, dependencies)."),
        0,
        1,
        section=WORKLOAD_SECTION,
        place=5,
        compare=5,
        percent=True,
        slider=True,
        screen_help=N_(
            "Share of an image's bytes in layers unchanged between versions (base OS, dependencies), in percent."
        ),
    )
    pulls_per_month: float = field_spec(
        "float",
        1000.0,
        N_("Pulls a month"),
        N_("Image pulls by all consumers."),
        0,
        1e12,
        section=WORKLOAD_SECTION,
        place=4,
        compare=3,
        whole=True,
        sweep=Sweep(10.0, 1e8, True, N_("pulls a month")),
    )
    layer_cache_hit: float = field_spec(
        "float",
        0.0,
        N_("Layer cache hit"),
        N_("Share of pulled bytes already on the pulling node."),
        0,
        1,
        section=WORKLOAD_SECTION,
        place=6,
        compare=6,
        percent=True,
        slider=True,
        screen_help=N_("Share of pulled bytes already on the pulling node, in percent."),
    )


@dataclass(frozen=True)
class Origin:
    """Where pulls come from: three shares that sum to 1 (the sidebar draws them as one pull mix)."""

    GROUP: ClassVar[str] = "origin"
    same_region_share: float = field_spec(
        "float",
        1.0,
        N_("Same-region pulls"),
        N_("Pulls by workloads in the chosen region (where the registry is assumed to be)."),
        0,
        1,
        percent=True,
    )
    cross_region_share: float = field_spec(
        "float",
        0.0,
        N_("Cross-region pulls"),
        N_("Pulls by workloads in another region of the same cloud."),
        0,
        1,
        percent=True,
        sweep=Sweep(0.0, 1.0, False, N_("cross-region share")),
    )
    internet_share: float = field_spec(
        "float",
        0.0,
        N_("Internet pulls"),
        N_("Pulls from outside the workloads' cloud (laptops, customers, other clouds)."),
        0,
        1,
        percent=True,
    )
