"""Network path: NAT gateway against interface endpoints against public pulls."""

import streamlit as st

from lib.core.i18n import N_, _, ngettext
from lib.presentation import charts
from lib.pricing import labels, network
from lib.pricing.components import Component, quantities
from ui import chart, shell

TITLE = N_("Network path")
ICON = ":material/lan:"
ORDER = 50  # place in the menu
OPEN_SECTION = "Network and account"  # the sidebar section this page is about (its English name: the sidebar's key)

w, book = shell.page()
costs = network.path_costs(
    book, w.region, w.availability_zones, w.nat_gateways, w.image_size_mb, network.cross_share_of_vpc(w)
)
gb_now = float(quantities(w).vpc_gb)  # one workload: a number
paths = network.path_lines(book, w)  # the estimate's own lines for this workload
be = costs.break_even_gb()

st.title(_("Network path from private subnets"))
st.caption(
    ngettext(
        "{region} · {azs} availability zones · {nats} NAT gateway. Change them under *{section}*.",
        "{region} · {azs} availability zones · {nats} NAT gateways. Change them under *{section}*.",
        w.nat_gateways,
    ).format(
        region=labels.choice("region", w.region), azs=w.availability_zones, nats=w.nat_gateways, section=_(OPEN_SECTION)
    )
)

c1, c2, c3 = st.columns(3)


def _arithmetic(lines: list[Component]) -> str:
    return " + ".join(f"{x.quantity:,.4g} {_(x.unit)} x ${x.price:g}" for x in lines if x.quantity)


def _monthly(x: float) -> str:
    # won in 만 and 억, as Migration's metrics and every sentence write them ("월 약 377만 원"; seventh Korean
    # review: "월 ₩3,772,699"); English and dollars keep the exact figure
    return _("{amount}/month").format(amount=labels.money(x, prose=True))


c1.metric(_("NAT gateway, this workload"), _monthly(network.total(paths["nat"])), help=_arithmetic(paths["nat"]))
c2.metric(
    _("Interface endpoints, this workload"),
    _monthly(network.total(paths["endpoints"])),
    help=_(
        "{arithmetic}. Layers come through the free S3 gateway endpoint; other regions' pulls through "
        "their NAT gateway."
    ).format(arithmetic=_arithmetic(paths["endpoints"])),
)
ipv4 = book.get("aws.public_ipv4_hourly", w.region)
# the other regions' pulls reach this region through their NAT whatever this region's subnets are: the public
# figure carries them too, or it reads "$0" beside a note that says that part stays on every path
cross = next((c for c in paths["endpoints"] if c.key == network.CROSS_REGION_NAT), None)
other_regions = cross.monthly_cost if cross is not None else 0.0
c3.metric(
    _("Public subnets"),
    _monthly(other_regions),
    help=_(
        "Same-region pulls over the internet gateway: no NAT, no endpoint. Each instance there has a public IPv4 "
        "address, which AWS bills at {hourly} an hour ({monthly} a month) whatever it pulls: not counted here, as "
        "the number of instances is not an input."
    ).format(hourly=labels.unit_price(ipv4), monthly=labels.money(ipv4 * book.hours_per_month, prose=True)),
)
# endpoints are regional: the other regions' pulls cross their own NAT on either path, and that share can be
# most of the endpoint figure (the EKS preset: $270.00 of $299.25); say so beside the figures, not only in a tooltip
if cross is not None and cross.monthly_cost > 0:
    st.caption(
        _(
            "All three figures include {cost}/month of NAT processing for the {gb} GB a month pulled from other "
            "regions: endpoints serve their own region only, so that part stays whichever path this region takes."
        ).format(cost=labels.money(cross.monthly_cost, prose=True), gb=labels.number(round(cross.quantity)))
    )

if be == 0:
    st.success(
        _(
            "Interface endpoints cost less than a NAT gateway at any traffic here: their fixed "
            "{endpoints}/month is below the NAT's {nat}/month."
        ).format(
            endpoints=labels.money(costs.endpoint_fixed, prose=True), nat=labels.money(costs.nat_fixed, prose=True)
        )
    )
else:
    st.info(
        _(
            "Interface endpoints pay for themselves above **{gb} GB a month** of pulls "
            "(this workload pulls {now} GB into the VPC)."
        ).format(gb=labels.number(round(be)), now=labels.number(round(gb_now)))
    )

fig = charts.network_paths(costs, gb_now, w.region)
chart.show(fig, "network_chart", "network path cost", charts.scenario_title(w))

st.markdown(
    _(
        "The comparison's argument: from a private subnet GHCR needs a NAT gateway and the public internet "
        "({hourly}/hour = **{monthly}/month** per gateway before any traffic), while ECR is reached through VPC "
        "endpoints and never leaves AWS. Layers come through the S3 gateway endpoint, which is free, so the interface "
        "endpoints' per-GB charge applies only to manifests and API calls ({kb} KB a pull assumed). In production a "
        "NAT gateway per AZ is common: set *NAT gateways* accordingly."
    ).format(
        hourly=labels.unit_price(book.get("aws.nat_hourly", w.region)),
        monthly=labels.money(costs.nat_fixed / w.nat_gateways, prose=True),
        kb=labels.number(round(book.get("aws.ecr_endpoint_gb_per_pull", w.region) * 1e6)),
    )
)
