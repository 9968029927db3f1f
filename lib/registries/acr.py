"""Azure Container Registry: a daily tier fee with included storage, extra storage per GB-day
(Microsoft's own example counts both in the same unit), pulls priced relative to where the
consumers run. Private endpoints and geo-replication need Premium."""

from ..components import (
    Flag,
    Inputs,
    Line,
    Prices,
    Quantities,
    cloud_transfer,
    consumers_cloud,
    external_network,
    other_cloud_flags,
    positive,
    say,
)
from ..i18n import N_, _

ID, NAME = "acr", "Azure Container Registry"


def tier_for(w: Inputs) -> str:
    if w.acr_tier != "auto":
        return str(w.acr_tier)
    # a private endpoint is only needed when the consumers sit in Azure private networks
    return "premium" if ((w.network != "public" and consumers_cloud(w) == "azure") or w.replica_regions) else "basic"


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
                p("acr.tier_daily", "premium"),
                "acr.tier_daily",
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
                p("acr.tier_daily", tier),
                "acr.tier_daily",
            ),
            Line(
                say(N_("Storage over {gb:g} GB included"), gb=included_gb),
                "storage",
                "GB-day",
                positive(q.stored_gb - included_gb) * p.days,
                p("acr.extra_storage_gb_day"),
                "acr.extra_storage_gb_day",
            ),
            *cloud_transfer(w, q, p, "azure", "acr.inter_region_gb"),
        ]
        + external_network(w, q, p)
    )


def flags(w: Inputs, q: Quantities, p: Prices) -> list[Flag]:
    out = other_cloud_flags(w, "azure", "Azure")
    if w.network != "public" and consumers_cloud(w) == "azure" and tier_for(w) != "premium":
        out.append(Flag("acr_private_link", "blocker", _("Private endpoints need the Premium tier."), wont_serve=True))
    if w.replica_regions and tier_for(w) != "premium":
        out.append(
            Flag("acr_geo_replication", "blocker", _("Geo-replication needs the Premium tier."), wont_serve=True)
        )
    if w.scanning != "none":
        out.append(
            Flag(
                "defender_separate",
                "info",
                _("Scanning is Microsoft Defender for Containers, billed separately and not priced here."),
            )
        )
    return out
