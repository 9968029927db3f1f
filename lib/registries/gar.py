"""Google Artifact Registry, priced for workloads running on GCP in the matching region
(Private Google Access makes private-subnet pulls free, so no NAT)."""
from ..components import Flag, Line, positive

ID, NAME = "gar", "Google Artifact Registry"


def lines(w, q, p):
    out = [
        Line("Storage (over 0.5 GB free)", "storage", "GB-month", positive(q.stored_gb - p("gar.free_storage_gb")),
             p("gar.storage_gb_month"), "gar.storage_gb_month"),
        Line("Same-region transfer", "transfer", "GB", q.same_gb, 0.0),
        Line("Cross-region transfer", "transfer", "GB", q.cross_gb, p("gar.inter_region_gb"), "gar.inter_region_gb"),
        Line("Internet egress", "transfer", "GB", q.internet_gb, p("gar.internet_egress_gb"), "gar.internet_egress_gb"),
    ]
    if w.scanning != "none":
        out.append(Line("Vulnerability scanning", "scanning", "image", w.pushes_per_month, p("gar.scan_per_image"), "gar.scan_per_image"))
    return out


def flags(w, q, p):
    out = [Flag("other_cloud", "info", "Priced as if the workloads ran on GCP; pulling from AWS adds internet egress and NAT.")]
    if w.replica_regions:
        out.append(Flag("gar_multi_region", "info", "Replicas are not modelled: Artifact Registry uses multi-region locations "
                                                    "(priced per location) instead of copies."))
    return out
