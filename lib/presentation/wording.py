"""Human words for the deck and the exported charts: a scenario's cost drivers, a setup given as
field changes, what scenario B changes against A, and decision-tree reasons without arrows.

Slides and chart pictures leave the app and are read by people who never saw a field name, so
nothing here returns one. Field labels come from Spec.label and choice values from the app's one
table (labels.CHOICES, mid-sentence case); numbers from labels' formats. What stays here is phrasing
that only reads right in its place: a setup after a registry's name, B's change against A.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..analyses.migration import Plan
from ..core import i18n
from ..core.i18n import N_, _, ngettext
from ..inputs import regions
from ..inputs.workload import SHARE_FIELDS, SPECS, Workload
from ..pricing import labels, registries
from ..pricing.consumers import consumers_cloud
from ..pricing.registries import name as registry_name

# how a setup change reads after the registry's name ("Amazon ECR with VPC interface endpoints and the S3
# gateway endpoint")
_SETUP: dict[tuple[str, object], str] = {
    # both endpoints: the S3 gateway endpoint carries the image layers; a deck naming the interface
    # endpoints alone reads as "the layers still go through NAT" (issue 28's review: ~$2,430 a month)
    ("network", "endpoints"): N_("with VPC interface endpoints and the S3 gateway endpoint"),
    ("network", "nat"): N_("through a NAT gateway"),
    ("network", "public"): N_("from public subnets"),
    ("scanning", "basic"): N_("with basic scanning"),
    ("scanning", "enhanced"): N_("with enhanced scanning"),
    ("scanning", "none"): N_("without scanning"),
}
# a plan or tier after the registry's name, by the last word of its field's name (labels.KEYED_BY)
_ON_THE = {"plan": N_("on the {name} plan"), "tier": N_("on the {name} tier")}

# how scenario B's change reads against A ("interface endpoints instead of NAT")
_SHORT: dict[str, dict[str, str]] = {
    "network": {"public": N_("public subnets"), "nat": N_("NAT"), "endpoints": N_("interface endpoints")},
}


def region(r: str) -> str:
    """ "Frankfurt (eu-central-1)": every region the price book may offer (issue 16), not two."""
    return regions.named(r)


def value(field: str, v: Any) -> str:
    """One field's value in words, with its unit."""
    spec = SPECS[field]
    if field == "region":
        return region(v)
    if spec.kind == "choice":
        return labels.choice_in_sentence(field, v)
    if spec.kind == "bool":
        return _("yes") if v else _("no")
    if spec.kind == "set":
        return labels.choices_in_sentence(field, v)
    if spec.kind == "float" and spec.max == 1 and spec.min == 0:
        return labels.percent(v)
    return labels.quantity(v, spec.unit)


def setup(changes: dict[str, Any]) -> str:
    """A recommended setup, given as field changes, in words: {} -> "as described",
    {"network": "endpoints"} -> "with VPC interface endpoints and the S3 gateway endpoint"."""
    if not changes:
        return _("as described")
    parts = []
    for field, v in changes.items():
        words = _(_SETUP[(field, v)]) if (field, v) in _SETUP else None
        if words is None and field in labels.KEYED_BY and v != "auto":  # a plan or tier: "on the Team plan"
            words = _(_ON_THE[labels.KEYED_BY[field].rsplit(" ", 1)[-1]]).format(name=labels.choice(field, v))
        if words is None and field in SPECS:
            kind = SPECS[field].kind
            words = (
                _("with {value}").format(value=value(field, v))
                if kind == "choice"
                else _("with {field} at {value}").format(
                    field=labels.in_sentence(labels.field(field)), value=value(field, v)
                )
            )
        elif words is None:
            words = _("with {value}").format(value=v)
        parts.append(words)
    return ", ".join(parts)


def change(field: str, a: Any, b: Any) -> str:
    """One field changed from A to B: "interface endpoints instead of NAT", "30 versions kept
    instead of 10"."""
    if field == "region":
        return _("{b} region instead of {a}").format(b=regions.place(b), a=regions.place(a))
    short = _SHORT.get(field)
    if short:
        return _("{b} instead of {a}").format(
            b=_(short[b]) if b in short else value(field, b), a=_(short[a]) if a in short else value(field, a)
        )
    label = labels.in_sentence(labels.field(field))
    if SPECS[field].kind in ("int", "float") and not (SPECS[field].max == 1 and SPECS[field].min == 0):
        return _("{field} {b} instead of {a}").format(field=label, b=value(field, b), a=value(field, a))
    return _("{field}: {b} instead of {a}").format(field=label, b=value(field, b), a=value(field, a))


def changes(a: Workload, b: Workload) -> str:
    """Everything B changes against A, in words ("" when nothing differs)."""
    da, db = a.to_dict(), b.to_dict()
    fields = [k for k in SPECS if da[k] != db[k] and SPECS[k].group != "analysis"]
    parts = [change(k, da[k], db[k]) for k in fields if k not in SHARE_FIELDS]
    if any(k in SHARE_FIELDS for k in fields):  # the three shares move together: one change
        parts.insert(0, _("pull mix {b} instead of {a}").format(b=pull_mix(b), a=pull_mix(a)))
    return "; ".join(parts)


# where pulls come from: (all of them from there, a share of them from there)
_MIX = {
    "same": (N_("all from the same region"), N_("{share} same region")),
    "cross": (N_("all from other regions"), N_("{share} other regions")),
    "internet": (N_("all from the internet"), N_("{share} the internet")),
}


def pull_mix(w: Workload) -> str:
    shares = [(w.same_region_share, "same"), (w.cross_region_share, "cross"), (w.internet_share, "internet")]
    present = [(s, n) for s, n in shares if s > 0]
    if len(present) == 1:
        return _(_MIX[present[0][1]][0])
    return ", ".join(_(_MIX[n][1]).format(share=labels.percent(s)) for s, n in present)


def workload(w: Workload) -> str:
    """What is stored and pulled, in words."""
    # the count is of repositories, each holding images of this size (issue 28: "40 images of 1,200 MB"
    # read as forty images when the scenario has forty repositories)
    repositories = ngettext("{n} repository", "{n} repositories", int(w.repositories)).format(n=f"{w.repositories:,}")
    mix = pull_mix(w)
    if w.layer_cache_hit:
        mix = _("{mix}, {share} of layers cached").format(mix=mix, share=labels.percent(w.layer_cache_hit))
    return _("{repositories} of {size} images, {versions} versions kept, {pulls} pulls a month ({mix})").format(
        repositories=repositories,
        size=labels.data_size_mb(w.image_size_mb),
        versions=labels.number(w.versions_kept),
        pulls=labels.number(w.pulls_per_month),
        mix=mix,
    )


def drivers(w: Workload) -> str:
    """A chart subtitle naming what drives the cost: size and pulls, the pull mix, the network
    path and the region."""
    return f"{workload(w)} · {value('network', w.network)} · {region(w.region)}"


def one_bracket(text: str) -> str:
    """A name with a bracket of its own and a setup in brackets after it, as Korean writes it: one bracket,
    "S3 + docker save(기준선, NAT 대신 S3 게이트웨이 엔드포인트 구성)", not "(기준선)(…)" (seventh Korean
    review, the ADR). English sets the setup apart in words ("… (baseline) with …"): unchanged."""
    return text.replace(")(", ", ") if i18n.lang() == "ko" else text


def reason(text: str) -> str:
    """A decision-tree reason as plain words: "AWS production -> ECR (strength 3 of 3): IAM roles,
    ..." becomes "AWS production: IAM roles, ..."."""
    text = labels.strength_words(text.replace("→", "->"))  # the Korean data writes the arrow as Korean prose does
    if "->" not in text:
        return text
    head, tail = (s.strip() for s in text.split("->", 1))
    rest = tail.split(":", 1)[1].strip() if ":" in tail else tail
    rest = re.sub(r"\s*->\s*", ": ", rest)
    return f"{head}: {rest}" if rest else head


# cost component categories as legends and series names show them: one map for app and deck
CATEGORY_LABELS: dict[str, str] = labels.CATEGORIES


def category(cat: str) -> str:
    """A cost category's name in the current language (labels.category: the one table)."""
    return labels.category(cat)


def lacking_bars(failing: Mapping[str, Sequence[str]]) -> str:
    """The line under a bar chart whose faded bars are marked ✗, naming them (Overview, Compare); the
    Recommendation page says why each fails, in a list of its own."""
    return _("Faded bars marked ✗ ({registries}) fail a hard requirement; the Recommendation page says why.").format(
        registries=", ".join(registry_name(r) for r, v in failing.items() if v)
    )


def other_view(as_set_up: bool) -> str:
    """The name of the figure beside each shown total: the view the reader did not choose."""
    return _("In its cheapest setup") if as_set_up else _("As set up now")


def shown_view(as_set_up: bool) -> str:
    """A line under a chart or table saying which setup its figures are in."""
    return (
        _("Each registry as set up now (what you pay today); the marks show its cheapest setup.")
        if as_set_up
        else _("Each registry in its cheapest setup (what would be bought); the marks show it as set up now.")
    )


def sweep_view(as_set_up: bool) -> str:
    """A line under a sweep (Break-even) saying which setup its lines are in."""
    return (
        _("Each registry as set up now (what you pay today), across the range.")
        if as_set_up
        else _(
            "Each registry in its cheapest setup for today's values (the recommended one as recommended), "
            "kept across the range."
        )
    )


# ---- the Migration page: what each GB of the copy pays, leg by leg (migration.Plan.legs) ------------

_COPY_LEG = {
    "leave_source": N_("{price} leaving {cloud}"),
    "leave_team": N_("{price} leaving {cloud}"),
    "pull_nat": N_("{price} through your NAT gateway, pulling from {registry}"),
    "push_nat": N_("{price} through your NAT gateway, pushing to {registry}"),
    "push_endpoint": N_("{price} through the ECR interface endpoints, pushing to {registry}"),
}


def copy_cost(plan: Plan, w: Workload) -> str:
    """The copy's transfer cost as arithmetic: "1,440 GB x $0.055 per GB, copied where your images are
    pulled: $0.045 through your NAT gateway, pulling from GitHub Container Registry; $0.01 through ...",
    or why it is free."""
    size = labels.number(plan.transfer_gb, 1)
    if not plan.legs:
        return _(
            "{size} GB, copied where your images are pulled: free (no cloud the bytes leave bills them, "
            "and no NAT gateway is on their way)"
        ).format(size=size)
    clouds = {
        "leave_source": registries.SPECS[plan.source].origin(w),
        "leave_team": consumers_cloud(w),
    }
    parts = []
    for leg, price in plan.legs:
        cloud = clouds.get(leg)
        parts.append(
            _(_COPY_LEG[leg]).format(
                price=labels.unit_price(price),
                cloud=labels.choice("runs_on", cloud) if cloud else "",
                registry=registry_name(plan.source if leg == "pull_nat" else plan.target),
            )
        )
    return _("{size} GB x {price} per GB, copied where your images are pulled: {legs}").format(
        size=size, price=labels.unit_price(plan.transfer_price), legs="; ".join(parts)
    )
