"""Network path: NAT gateway against interface endpoints against public pulls."""
import streamlit as st

from lib import charts, network
from lib.components import quantities
from ui import chart, shell

TITLE = "Network path"
ICON = ":material/lan:"
ORDER = 50  # place in the menu
OPEN_SECTION = "Network and account"  # the sidebar section this page is about

w, book = shell.page()
costs = network.path_costs(book, w.region, w.availability_zones, w.nat_gateways, w.image_size_mb)
gb_now = quantities(w).vpc_gb
paths = network.path_lines(book, w)  # the estimate's own lines for this workload
be = costs.break_even_gb()

st.title("Network path from private subnets")
st.caption(f"{book.regions[w.region]} · {w.availability_zones} availability zones · {w.nat_gateways} NAT gateway(s). "
           "Change them under *Network and account*.")

c1, c2, c3 = st.columns(3)


def _arithmetic(lines) -> str:
    return " + ".join(f"{float(x.quantity):,.4g} {x.unit} x ${float(x.price):g}" for x in lines if float(x.quantity))


c1.metric("NAT gateway, this workload", f"${network.total(paths['nat']):,.2f}/month", help=_arithmetic(paths["nat"]))
c2.metric("Interface endpoints, this workload", f"${network.total(paths['endpoints']):,.2f}/month",
          help=_arithmetic(paths["endpoints"]) + ". Layers come through the free S3 gateway endpoint; "
               "other regions' pulls through their NAT gateway.")
c3.metric("Public subnets", "$0.00/month", help="Same-region pulls over the internet gateway: no NAT, no endpoint.")

if be == 0:
    st.success(f"Interface endpoints cost less than a NAT gateway at any traffic here: their fixed "
               f"${costs.endpoint_fixed:,.2f}/month is below the NAT's ${costs.nat_fixed:,.2f}/month.")
else:
    st.info(f"Interface endpoints pay for themselves above **{be:,.0f} GB a month** of pulls "
            f"(this workload pulls {gb_now:,.0f} GB into the VPC).")

fig = charts.network_paths(costs, gb_now, w.region)
chart.show(fig, "network_chart", "network path cost", charts.scenario_title(w))

st.markdown(f"""
The comparison's argument: from a private subnet GHCR needs a NAT gateway and the public internet
(${book.get('aws.nat_hourly', w.region)}/hour = **${costs.nat_fixed / w.nat_gateways:,.2f}/month** per gateway before any
traffic), while ECR is reached through VPC endpoints and never leaves AWS. Layers come through the S3 gateway
endpoint, which is free, so the interface endpoints' per-GB charge applies only to manifests and API calls
({book.get('aws.ecr_endpoint_gb_per_pull', w.region) * 1e6:,.0f} KB a pull assumed). In production a NAT gateway per AZ is common: set *NAT gateways* accordingly.
""")
