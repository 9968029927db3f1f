"""Azure Container Registry: a daily tier fee with included storage, extra storage per GB-day
(Microsoft's own example counts both in the same unit), pulls priced relative to where the
consumers run. Private endpoints and geo-replication need Premium."""

from ...core.i18n import N_
from ...inputs.workload import Workload
from ..components import Flag, Inputs, Line, Prices, Quantities, positive, say
from ..consumers import consumers_cloud
from ..shared_lines import cloud_transfer, external_network, other_cloud_flags
from .spec import ChartIdentity, Cloud, Options, RegistrySpec, others

HOME: Cloud = "azure"  # where it runs: pulls from elsewhere leave Azure as internet egress


def tier_for(w: Inputs) -> str:
    if w.acr_tier != "auto":
        return str(w.acr_tier)
    # a private endpoint is needed when the consumers sit in Azure private networks or the scenario requires one
    # (of use only inside Azure: workloads elsewhere could not reach it, so it buys them nothing)
    in_azure = consumers_cloud(w) == HOME
    endpoint = in_azure and (w.network != "public" or w.private_endpoint_required)
    return "premium" if endpoint or w.replica_regions else "basic"


def in_full(w: Workload) -> frozenset[str]:
    """The private endpoint (◐: Premium only) is had in full where ACR is priced on Premium."""
    return frozenset({"private_endpoint"}) if tier_for(w) == "premium" else frozenset()


def lines(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    tier = tier_for(w)
    included_gb = p("acr.included_storage_gb", tier)
    replicas = (
        [
            Line(
                say(N_("Geo-replicas: a Premium fee per region ({regions})"), regions=w.replica_regions),
                "plan",
                "day",
                p.days * w.replica_regions,
                p.ref("acr.tier_daily", "premium"),
            )
        ]
        if w.replica_regions
        else []
    )
    return (
        replicas
        + [
            Line(
                say(N_("{tier} tier"), tier=tier.title()),
                "plan",
                "day",
                p.days,
                p.ref("acr.tier_daily", tier),
            ),
            Line(
                say(N_("Storage over {gb:g} GB included"), gb=included_gb),
                "storage",
                "GB-day",
                positive(q.stored_gb - included_gb) * p.days,
                "acr.extra_storage_gb_day",
            ),
            *cloud_transfer(w, q, p, HOME, "acr.inter_region_gb"),
        ]
        + external_network(w, q, p)
    )


def flags(w: Workload, q: Quantities, p: Prices) -> list[Flag]:
    out = other_cloud_flags(w, HOME, "Azure")
    if w.network != "public" and consumers_cloud(w) == HOME and tier_for(w) != "premium":
        out.append(
            Flag("acr_private_link", "blocker", say(N_("Private endpoints need the Premium tier.")), wont_serve=True)
        )
    if w.replica_regions and tier_for(w) != "premium":
        out.append(
            Flag("acr_geo_replication", "blocker", say(N_("Geo-replication needs the Premium tier.")), wont_serve=True)
        )
    if w.scanning != "none":
        out.append(
            Flag(
                "defender_separate",
                "info",
                say(N_("Scanning is Microsoft Defender for Containers, billed separately and not priced here.")),
            )
        )
    return out


# ---- identity: every registry table is derived from this (lib/pricing/registries/spec.py) -------------------


def setups(w: Workload) -> Options:
    """Another tier than the one priced (auto resolved first)."""
    return {"acr_tier": others(w, "acr_tier", tier_for(w))}


SPEC = RegistrySpec(
    id="acr",
    name="Azure Container Registry",
    vendor="Azure Container Registry",
    matrix_name=N_("Azure CR"),  # "ACR" in Korean: the name every other Korean surface uses
    home_cloud=HOME,
    self_hosted=False,
    clouds_own=True,
    chart=ChartIdentity(colour="#CC79A7", dash="solid", symbol="cross", short="ACR"),  # reddish purple
    setups=setups,
    in_full=in_full,
)
