"""Google Artifact Registry, in the GCP location matching the region. Pulls are priced relative
to where the consumers run: from GCP, free in the location (Private Google Access, no NAT) and
priced across regions; from anywhere else every byte is GCP internet egress, plus the consumers'
NAT gateway when they sit in AWS private subnets."""

from ...core.i18n import N_
from ...inputs.workload import Workload
from ..components import Flag, Inputs, Line, Prices, Quantities, positive, say
from ..shared_lines import cloud_transfer, external_network, other_cloud_flags
from .spec import ChartIdentity, Cloud, RegistrySpec

HOME: Cloud = "gcp"  # where it runs: pulls from elsewhere leave Google Cloud as internet egress


def lines(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    out = [
        Line(
            say(N_("Storage (over {gb:g} GB free)"), gb=p("gar.free_storage_gb")),
            "storage",
            "GB-month",
            positive(q.stored_gb - p("gar.free_storage_gb")),
            "gar.storage_gb_month",
        ),
        *cloud_transfer(w, q, p, HOME, "gar.inter_region_gb"),
    ]
    if w.scanning != "none":
        out.append(
            Line(
                say(N_("Vulnerability scanning")),
                "scanning",
                "image",
                w.pushes_per_month,
                "gar.scan_per_image",
            )
        )
    return out + external_network(w, q, p)


def flags(w: Workload, q: Quantities, p: Prices) -> list[Flag]:
    out = other_cloud_flags(w, HOME, "Google Cloud")
    if w.replica_regions:
        out.append(
            Flag(
                "gar_multi_region",
                "info",
                say(
                    N_(
                        "Replicas are not modelled: Artifact Registry uses multi-region locations "
                        "(priced per location) instead of copies."
                    )
                ),
            )
        )
    return out


# ---- identity: every registry table is derived from this (lib/pricing/registries/spec.py) -------------------

SPEC = RegistrySpec(
    id="gar",
    name="Google Artifact Registry",
    vendor="Google Artifact Registry",
    matrix_name="Artifact Registry",
    home_cloud=HOME,
    self_hosted=False,
    clouds_own=True,
    chart=ChartIdentity(colour="#56B4E9", dash="longdash", symbol="x", short="Artifact Registry"),  # sky blue
)
