"""Sonatype Nexus Repository, self-hosted: infrastructure like Harbor; Community Edition is free
within its caps, Pro is priced by quote (a user input, never an invented number)."""

from ...core.i18n import N_
from ...inputs.workload import Workload
from ..components import Amount, Flag, Inputs, Line, Prices, Quantities, say
from ..consumers import consumers_cloud
from ..shared_lines import internet_egress
from ._selfhosted import infrastructure, operations
from .spec import ChartIdentity, RegistrySpec


def lines(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    out = infrastructure(w, q, p, "Nexus")
    # hosted where the consumers run: internet pulls pay that cloud's egress
    out += internet_egress(consumers_cloud(w), q.internet_gb, p, w)
    out.append(
        Line(
            say(N_("Nexus Pro licence (your quote; 0 = Community Edition)")),
            "plan",
            "month",
            1,
            w.nexus_licence_monthly,
        )
    )
    return out + operations(w)


def requests_per_pull(layers: Amount) -> Amount:
    """One pull is the manifest, the config blob and every layer: 2 + layers requests (the assumption
    stated on screen; a pull that finds layers on the node asks for fewer)."""
    return 2 + layers


def requests_per_day(pulls_per_month: Amount, layers: Amount, days_per_month: float) -> Amount:
    """Requests a day to Nexus from the month's pulls: what Community Edition's daily cap counts."""
    return pulls_per_month / days_per_month * requests_per_pull(layers)


def flags(w: Workload, q: Quantities, p: Prices) -> list[Flag]:
    out = []
    if w.nexus_licence_monthly == 0 and w.replica_regions:
        out.append(Flag("nexus_ce_replication", "blocker", say(N_("Replication needs Nexus Pro.")), wont_serve=True))
    if w.nexus_licence_monthly == 0:
        per_day = requests_per_day(w.pulls_per_month, w.layers_per_image, p.days)
        cap = p("nexus.ce_requests_per_day")
        if per_day > cap:
            out.append(
                Flag(
                    "nexus_ce_requests",
                    "blocker",
                    say(
                        N_(
                            "{per_day:,.0f} requests/day ({pulls:,.0f} pulls x {per_pull:,.0f} requests: the manifest, "
                            "the config and each of {layers:,.0f} layers) exceed Community Edition's "
                            "{cap:,.0f} requests/day."
                        ),
                        per_day=per_day,
                        pulls=w.pulls_per_month / p.days,
                        per_pull=requests_per_pull(w.layers_per_image),
                        layers=w.layers_per_image,
                        cap=cap,
                    ),
                    wont_serve=True,
                )
            )
        if q.images_stored > p("nexus.ce_components"):
            out.append(
                Flag(
                    "nexus_ce_components",
                    "blocker",
                    say(
                        N_("{images:,.0f} stored images exceed Community Edition's {cap:,.0f} components."),
                        images=q.images_stored,
                        cap=p("nexus.ce_components"),
                    ),
                    wont_serve=True,
                )
            )
        if w.scanning != "none":
            out.append(
                Flag("nexus_ce_scanning", "warning", say(N_("Community Edition has no vulnerability scanning.")))
            )
    return out


# ---- identity: every registry table is derived from this (lib/pricing/registries/spec.py) -------------------

SPEC = RegistrySpec(
    id="nexus",
    name=N_("Sonatype Nexus (self-hosted)"),  # translated where shown: registries.name()
    vendor="Nexus",
    matrix_name="Nexus",
    home_cloud=None,  # hosted where the consumers run
    self_hosted=True,
    clouds_own=False,
    chart=ChartIdentity(colour="#D55E00", dash="longdashdot", symbol="star", short="Nexus"),  # vermillion
)
