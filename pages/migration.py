"""Migration planner: moving every repository and version between two registries, with the
commands filled in and the steps for the platform the images run on."""
import streamlit as st

from lib import labels, migration
from lib.errors import InputError
from lib.registries import NAMES
from ui import shell, workload_inputs

TITLE = "Migration"
ICON = ":material/move_up:"
ORDER = 70  # place in the menu

w, book = shell.page()
st.title("Migration planner")
st.caption("Moving the whole workload in the sidebar: every repository with every version kept.")
c1, c2, c3 = st.columns(3)
workload_inputs.field("migrate_from", c1)
workload_inputs.field("migrate_to", c2)
workload_inputs.field("deploy_platform", c3)
c1, c2, c3 = st.columns(3)
workload_inputs.field("aws_account", c1)
workload_inputs.field("owner", c2)
workload_inputs.field("repository_name", c3)

try:
    plan = migration.plan(w, book)
except InputError as e:
    st.warning(str(e), icon=":material/warning:")
    st.stop()

st.subheader("What moves")
a, b, c = st.columns(3)
a.metric("Data to copy", f"{labels.number(plan.transfer_gb)} GB",
         help=f"{plan.repositories:,} repositories x {w.versions_kept:,} versions = {plan.images:,} images of "
              f"{labels.data_size_mb(w.image_size_mb)}; layers shared between versions are copied once.")
hours = plan.copy_hours
b.metric("Copy time", f"about {hours:,.1f} hours" if hours >= 1 else f"about {max(1, round(hours * 60))} minutes",
         help=f"At {plan.copy_mb_per_second:g} MB/s, one copy at a time (an assumption). Copies run unattended: "
              "this is waiting time, not engineer time.")
c.metric("Transfer cost of the copy", labels.money(plan.transfer_cost),
         help=f"{labels.number(plan.transfer_gb, 1)} GB x {labels.unit_price(plan.transfer_price)} per GB leaving "
              f"{NAMES[plan.source]}" + (" (free: both stay inside AWS, or leaving is free)" if not plan.transfer_price else ""))

st.subheader("What it costs")
a, b, c = st.columns(3)
a.metric("Change in monthly cost", labels.signed_money(plan.monthly_delta),
         help=f"{NAMES[plan.target]} {labels.money(plan.monthly_after)} − {NAMES[plan.source]} {labels.money(plan.monthly_before)}")
b.metric("One-time effort", f"{labels.number(plan.effort_hours, 2)} hours = {labels.money(plan.effort_cost)}",
         help=f"At {labels.money(w.engineer_hourly_rate)} an hour"
              + (f"; includes {plan.setup_hours:g} hours to set up {NAMES[plan.target]}" if plan.setup_hours else ""))
c.metric("Pays back in", f"{plan.payback_months:,.1f} months" if plan.payback_months is not None else "never (on cost)")
if plan.payback_months is None:
    st.info(f"Moving to {NAMES[plan.target]} costs {labels.signed_money(plan.monthly_delta)} a month more: the reasons "
            "to move are not cost (see the Recommendation page), as in the comparison's GHCR to ECR move for production.",
            icon=":material/info:")

st.subheader(f"Steps: {NAMES[plan.source]} → {NAMES[plan.target]}")
st.caption(f"From: {labels.plain(plan.steps_source)}. Names in angle brackets are yours to fill in.")
for i, (title, command) in enumerate(plan.steps, 1):
    st.markdown(f"**{i}. {title}**")
    st.code(command, language="bash")
