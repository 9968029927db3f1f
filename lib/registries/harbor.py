"""Harbor, self-hosted on AWS: compute, disks, S3 storage, in-VPC transfer and operations time.
Trivy scanning and Notary/cosign signing are built in."""

from ..components import Flag, Inputs, Line, Prices, Quantities, consumers_cloud, internet_egress, say
from ..i18n import N_, _
from ._selfhosted import infrastructure, operations

ID, NAME = "harbor", N_("Harbor (self-hosted)")  # translated where shown: registries.name()


def lines(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    out = infrastructure(w, q, p, "Harbor")
    # hosted where the consumers run: internet pulls pay that cloud's egress
    out += internet_egress(consumers_cloud(w), q.internet_gb, p, w)
    if w.scanning != "none":
        out.append(Line(say(N_("Scanning (Trivy, built in)")), "scanning", "image", w.pushes_per_month, 0.0))
    return out + operations(w)


def flags(w: Inputs, q: Quantities, p: Prices) -> list[Flag]:
    out = []
    if w.selfhosted_nodes < 2:
        out.append(
            Flag(
                "single_node",
                "info",
                _("One node: no high availability (HA needs more nodes, HA Postgres/Redis, shared storage)."),
            )
        )
    return out
