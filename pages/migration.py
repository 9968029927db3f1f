"""Migration planner: moving every repository and version between two registries, with the
commands filled in and the steps for the platform the images run on."""

import streamlit as st

from lib.analyses import migration, scenario_cache
from lib.core.errors import InputError
from lib.core.i18n import N_, _, ngettext
from lib.presentation import wording
from lib.pricing import labels, setups
from lib.pricing.registries import name as registry_name
from ui import shell, workload_inputs

TITLE = N_("Migration")
ICON = ":material/move_up:"
ORDER = 70  # place in the menu

w, book = shell.page()
st.title(_("Migration planner"))
st.caption(_("Moving the whole workload in the sidebar: every repository with every version kept."))
c1, c2, c3 = st.columns(3)
workload_inputs.field("migrate_from", c1)
workload_inputs.field("migrate_to", c2)
workload_inputs.field("deploy_platform", c3)
c1, c2, c3 = st.columns(3)
workload_inputs.field("aws_account", c1)
workload_inputs.field("owner", c2)
workload_inputs.field("repository_name", c3)

# the target (by default the recommended registry) in its best setup, the recommendation's when it is the
# recommended one, and the steps that set it up; the analysis is the Overview's (lib/scenario_cache)
scenario = scenario_cache.analysis(w, book)
target = scenario.recommendation.recommended if w.migrate_to == "recommended" else w.migrate_to
if w.migrate_to == "recommended" and target == w.migrate_from:
    st.info(
        _(
            "The recommended registry, {registry}, is where the images are today: there is nothing to move. "
            "Choose a registry under Migrate to for a plan to move to it."
        ).format(registry=registry_name(target)),
        icon=":material/info:",
    )
    st.stop()
best = scenario.best_setups.get(target)
try:
    plan = migration.plan(w, book, target=target, changes=best.changes if best else None)
except InputError as e:
    st.warning(str(e), icon=":material/warning:")
    st.stop()

st.subheader(_("What moves"))
a, b, c = st.columns(3)
a.metric(
    _("Data to copy"),
    _("{size} GB").format(size=labels.number(plan.transfer_gb)),
    help=_(
        "{repositories} repositories x {versions} versions = {images} images of {size}; layers shared "
        "between versions are copied once."
    ).format(
        repositories=labels.number(plan.repositories),
        versions=labels.number(w.versions_kept),
        images=labels.number(plan.images),
        size=labels.data_size_mb(w.image_size_mb),
    ),
)
hours = plan.copy_hours
b.metric(
    _("Copy time"),
    _("about {n} hours").format(n=labels.number(hours, 1))
    if hours >= 1
    else _("about {n} minutes").format(n=max(1, round(hours * 60))),
    help=_(
        "At {speed} MB/s, one copy at a time (an assumption). Copies run unattended: "
        "this is waiting time, not engineer time."
    ).format(speed=f"{plan.copy_mb_per_second:g}"),
)
c.metric(
    _("Transfer cost of the copy"),
    labels.money(plan.transfer_cost, prose=True),  # won in 만 and 억, as the Korean prose writes them
    help=wording.copy_cost(plan, w),
)

st.subheader(_("What it costs"))
a, b, c = st.columns(3)
a.metric(
    _("Change in monthly cost"),
    labels.signed_money(
        labels.shown_difference(plan.monthly_after, plan.monthly_before), prose=True
    ),  # the two figures in its help, subtracted
    # the two figures subtracted; Korean names the source 현재 레지스트리, the registry the images are in today,
    # apart from 입력한 구성 (the setup entered in the sidebar): one word for each (seventh Korean review)
    help=(
        _("{target} {setup} {after} − {source} {before}")
        if best and best.changes
        else _("{target} {after} − {source} {before}")
    ).format(
        target=registry_name(plan.target),
        setup=setups.describe(dict(best.changes), plan.target) if best else "",
        after=labels.money(plan.monthly_after),
        source=registry_name(plan.source),
        before=labels.money(plan.monthly_before),
    ),
)
b.metric(  # the hours in the label: "10.75 hours = $806.25" as the value was cut at 1440 px in Korean (issue 28)
    ngettext(
        "One-time effort ({hours} hour)", "One-time effort ({hours} hours)", 1 if plan.effort_hours == 1 else 2
    ).format(hours=labels.number(plan.effort_hours)),
    # won in 만 and 억 (sixth Korean review: "₩2,995,139" had too many digits to read at a glance)
    labels.money(plan.effort_cost, prose=True),
    help=(
        _("At {rate} an hour; includes {hours} hours to set up {registry}")
        if plan.setup_hours
        else _("At {rate} an hour")
    ).format(
        rate=labels.money(w.engineer_hourly_rate, prose=True),
        hours=f"{plan.setup_hours:g}",
        registry=registry_name(plan.target),
    ),
)
c.metric(
    _("Pays back in"),
    _("{n} months").format(n=labels.number(plan.payback_months, 1))
    if plan.payback_months is not None
    else _("never (on cost)"),
)
if plan.payback_months is None:
    st.info(
        _(
            "Moving to {registry} costs {change} a month more: the reasons to move are not cost (see the "
            "Recommendation page), as in the comparison's GHCR to ECR move for production."
        ).format(
            registry=registry_name(plan.target),
            # an amount in a sentence, as the rest of the prose writes it ("약 12만 원"); "more" says the sign
            change=labels.money(labels.shown_difference(plan.monthly_after, plan.monthly_before), prose=True),
        ),
        icon=":material/info:",
    )

st.subheader(
    _("Steps: {source} → {target}").format(source=registry_name(plan.source), target=registry_name(plan.target))
)
st.caption(
    _("From: {plan}. Names in angle brackets are yours to fill in.").format(plan=labels.plain(plan.steps_source))
)
for i, (title, command) in enumerate(plan.steps, 1):
    st.markdown(f"**{i}. {title}**")
    st.code(command, language="bash")
