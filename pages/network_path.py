"""Network path: NAT gateway against interface endpoints against public pulls."""
import streamlit as st

from lib import charts, network
from lib.components import quantities
from ui import chart, shell

w, book = shell.start("Network path", open_section="Network and account")
costs = network.path_costs(book, w.region, w.availability_zones, w.nat_gateways)
gb_now = quantities(w).vpc_gb
be = costs.break_even_gb()

st.title("Network path from private subnets")
st.caption(f"{book.regions[w.region]} · {w.availability_zones} availability zones · {w.nat_gateways} NAT gateway(s). "
           "Change them under *Network and account*.")

c1, c2, c3 = st.columns(3)
c1.metric("NAT gateway, this workload", f"${float(costs.nat(gb_now)):,.2f}/month",
          help=f"{w.nat_gateways} x {costs.hours:g} h x ${book.get('aws.nat_hourly', w.region)}/h + {gb_now:,.0f} GB x ${costs.nat_per_gb}/GB")
c2.metric("Interface endpoints, this workload", f"${float(costs.endpoints(gb_now)):,.2f}/month",
          help=f"{network.ENDPOINTS_PER_AZ} endpoints x {w.availability_zones} AZs x {costs.hours:g} h x "
               f"${book.get('aws.endpoint_hourly', w.region)}/h + {gb_now:,.0f} GB x ${costs.endpoint_per_gb}/GB")
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
endpoint, which is free. In production a NAT gateway per AZ is common: set *NAT gateways* accordingly.
""")
