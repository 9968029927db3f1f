"""Harbor, self-hosted on AWS: compute, disks, S3 storage, in-VPC transfer and operations time.
Trivy scanning and Notary/cosign signing are built in."""

from ...core.i18n import N_
from ...inputs.workload import Workload
from ..components import Flag, Inputs, Line, Prices, Quantities, say
from ..consumers import consumers_cloud
from ..shared_lines import internet_egress
from ._selfhosted import infrastructure, operations
from .spec import ChartIdentity, RegistrySpec


def lines(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    out = infrastructure(w, q, p, "Harbor")
    # hosted where the consumers run: internet pulls pay that cloud's egress
    out += internet_egress(consumers_cloud(w), q.internet_gb, p, w)
    if w.scanning != "none":
        out.append(Line(say(N_("Scanning (Trivy, built in)")), "scanning", "image", w.pushes_per_month, 0.0))
    return out + operations(w)


def flags(w: Workload, q: Quantities, p: Prices) -> list[Flag]:
    out = []
    if w.selfhosted_nodes < 2:
        out.append(
            Flag(
                "single_node",
                "info",
                say(N_("One node: no high availability (HA needs more nodes, HA Postgres/Redis, shared storage).")),
            )
        )
    return out


# ---- identity: every registry table is derived from this (lib/pricing/registries/spec.py) -------------------

SPEC = RegistrySpec(
    id="harbor",
    name=N_("Harbor (self-hosted)"),  # translated where shown: registries.name()
    vendor="Harbor",
    matrix_name="Harbor",
    home_cloud=None,  # hosted where the consumers run
    self_hosted=True,
    clouds_own=False,
    chart=ChartIdentity(colour="#009E73", dash="dashdot", symbol="triangle-up", short="Harbor"),  # bluish green
)
