"""Azure Container Registry: a daily tier fee with included storage, extra storage per GB-day,
Azure bandwidth for cross-region and internet pulls. Private endpoints need Premium."""
from ..components import GB_PER_GIB, Flag, Line, positive

ID, NAME = "acr", "Azure Container Registry"


def tier_for(w) -> str:
    if w.acr_tier != "auto":
        return w.acr_tier
    return "premium" if (w.network != "public" or w.replica_regions) else "basic"


def lines(w, q, p):
    tier = tier_for(w)
    included_gb = p("acr.included_storage_gb", tier) * GB_PER_GIB
    internet_free = 100.0 if w.egress_free_tier else 0.0
    replicas = ([Line(f"Geo-replicas: a Premium fee per region ({w.replica_regions})", "plan", "day",
                      p.days * w.replica_regions, p("acr.tier_daily", "premium"), "acr.tier_daily")]
                if w.replica_regions else [])
    return replicas + [
        Line(f"{tier.title()} tier", "plan", "day", p.days, p("acr.tier_daily", tier), "acr.tier_daily"),
        Line(f"Storage over {p('acr.included_storage_gb', tier):g} GiB included", "storage", "GB-day",
             positive(q.stored_gb - included_gb) * p.days, p("acr.extra_storage_gb_day"), "acr.extra_storage_gb_day"),
        Line("Same-region transfer", "transfer", "GB", q.same_gb, 0.0),
        Line("Cross-region transfer", "transfer", "GB", q.cross_gb, p("acr.inter_region_gb"), "acr.inter_region_gb"),
        Line("Internet egress", "transfer", "GB", positive(q.internet_gb - internet_free), p("acr.internet_egress_gb"), "acr.internet_egress_gb"),
    ]


def flags(w, q, p):
    out = [Flag("other_cloud", "info", "Priced as if the workloads ran on Azure; pulling from AWS adds internet egress and NAT.")]
    if w.network != "public" and tier_for(w) != "premium":
        out.append(Flag("acr_private_link", "blocker", "Private endpoints need the Premium tier."))
    if w.replica_regions and tier_for(w) != "premium":
        out.append(Flag("acr_geo_replication", "blocker", "Geo-replication needs the Premium tier."))
    if w.scanning != "none":
        out.append(Flag("defender_separate", "info", "Scanning is Microsoft Defender for Containers, billed separately and not priced here."))
    return out
