"""Migration planner: moving between two registries, with the commands filled in."""
import streamlit as st

from lib import migration
from lib.report import signed_money
from lib.errors import InputError
from lib.registries import NAMES
from ui import shell, workload_inputs

w, book = shell.start("Migration")
st.title("Migration planner")
c1, c2 = st.columns(2)
workload_inputs.field("migrate_from", c1)
workload_inputs.field("migrate_to", c2)
c1, c2, c3 = st.columns(3)
workload_inputs.field("aws_account", c1)
workload_inputs.field("owner", c2)
workload_inputs.field("repository_name", c3)

try:
    plan = migration.plan(w, book)
except InputError as e:
    st.warning(str(e))
    st.stop()

a, b, c, d = st.columns(4)
a.metric("Change in monthly cost", signed_money(plan.monthly_delta),
         help=f"{NAMES[plan.target]} ${plan.monthly_after:,.2f} − {NAMES[plan.source]} ${plan.monthly_before:,.2f}")
b.metric("One-time effort", f"{plan.effort_hours:g} h = ${plan.effort_cost:,.2f}",
         help=f"at ${w.engineer_hourly_rate:g}/h" + (f"; includes {plan.setup_hours:g} h to set up {NAMES[plan.target]}" if plan.setup_hours else ""))
c.metric("Transfer of stored images", f"${plan.transfer_cost:,.2f}", help=f"{plan.transfer_gb:,.2f} GB x ${plan.transfer_price}/GB")
d.metric("Pays back in", f"{plan.payback_months:,.1f} months" if plan.payback_months is not None else "never (on cost)")
if plan.payback_months is None:
    st.info(f"Moving to {NAMES[plan.target]} costs {signed_money(plan.monthly_delta)}/month more: the reasons to move are "
            "not cost (see the Recommendation page), as in the document's GHCR → ECR move for production.")

st.subheader(f"Steps: {NAMES[plan.source]} → {NAMES[plan.target]}")
st.caption(f"From: {plan.steps_source}")
for i, (title, command) in enumerate(plan.steps, 1):
    st.markdown(f"**{i}. {title}**")
    st.code(command, language="bash")
