"""Plan a move between two registries: steps with the user's names filled in, the one-time
effort and transfer cost, the change in monthly cost, and the months until it pays back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..core.errors import InputError
from ..core.frozen import freeze
from ..core.i18n import _
from ..decide.decision import recommend
from ..inputs.pricebook import PriceBook
from ..inputs.workload import Workload
from ..pricing import engine, registries
from ..pricing.components import Component, Prices, quantities
from ..pricing.consumers import consumers_cloud
from ..pricing.labels import number
from ..pricing.shared_lines import EGRESS_TIERS, ENDPOINT_HOURS, NAT_PROCESSED
from .timeline import onetime

DATA = Path(__file__).resolve().parent.parent.parent / "data" / "migrations.yaml"


@lru_cache(maxsize=2)
def data(path: str | Path = DATA) -> Mapping[str, Any]:
    """The migration commands, read-only (the cache hands every caller the same document); step
    titles are kept in both languages and read in the language of the run."""
    doc: Mapping[str, Any] = freeze(yaml.safe_load(Path(path).read_text(encoding="utf-8")), texts=True)
    return doc


@dataclass(frozen=True)
class Plan:
    source: str
    target: str
    steps: list[tuple[str, str]]
    steps_source: str
    effort_hours: float
    effort_cost: float
    transfer_gb: float
    setup_hours: float
    monthly_before: float
    monthly_after: float
    repositories: int = 1
    images: int = 1  # repositories x versions kept: every version moves
    copy_mb_per_second: float = 50.0
    # what each GB of the copy pays, leg by leg: (key, price per GB); egress_legs, then network_legs
    legs: tuple[tuple[str, float], ...] = ()

    @property
    def copy_hours(self) -> float:
        """Time to copy the stored bytes at the assumed speed (shared layers copied once)."""
        return self.transfer_gb * 1000.0 / self.copy_mb_per_second / 3600.0

    @property
    def transfer_price(self) -> float:
        """Per GB copied: every cloud the bytes leave, every NAT gateway or endpoint they pass."""
        return sum(price for _leg, price in self.legs)

    @property
    def transfer_cost(self) -> float:
        return self.transfer_gb * self.transfer_price

    @property
    def one_time_cost(self) -> float:
        return self.effort_cost + self.transfer_cost

    @property
    def monthly_delta(self) -> float:
        return self.monthly_after - self.monthly_before

    @property
    def payback_months(self) -> float | None:
        """Months until the saving repays the one-time cost; None when it never does."""
        if self.monthly_delta >= 0:
            return None
        return self.one_time_cost / -self.monthly_delta


def move_hours(w: Workload) -> float:
    """Engineer hours to move every repository to another registry (data/onetime.yaml: the document's
    one-hour move of one repository, a quarter of that for each further one); the one rule the
    Migration page and Over time's note both use."""
    ot = onetime()["migration"]
    return float(ot["base_hours"] + ot["per_extra_repository_hours"] * (w.repositories - 1))


def names(w: Workload) -> dict[str, Any]:
    d = data()
    return {
        "account": w.aws_account,
        "region": w.region,
        "owner": w.owner,
        "repository": w.repository_name,
        "tag": "latest",
        "gcp_location": d["gcp_location"].get(w.region, "us-east4"),
    }


def address(rid: str, w: Workload) -> str:
    return str(data()["addresses"][rid].format(**names(w)))


def _base(rid: str, w: Workload) -> str:
    """A registry's address up to the repository name ("ghcr.io/acme/")."""
    return str(data()["addresses"][rid].format(**{**names(w), "repository": ""}))


def batch_steps(source: str, target: str, w: Workload, endpoints_set_up: bool = False) -> list[tuple[str, str]]:
    """Every repository with every version: list, create, copy, check; then the deployment
    steps for the platform the images run on. `endpoints_set_up`: the plan's first steps create the
    target's endpoints, so a later step does not tell the reader to add them (seventh Korean review)."""
    d, n = data(), names(w)
    create = d["create"][target].format(**{**n, "repository": "$repo"})
    create_all = f"while read -r repo; do\n  {create}\ndone < repositories.txt" if "$repo" in create else create
    dst_base = _base(target, w)
    fill = {
        **n,
        "src_base": _base(source, w),
        "dst_base": dst_base,
        "dst_ns": dst_base.rstrip("/"),
        "dst_host": dst_base.split("/")[0],
        "repositories": w.repositories,
        "list": d["list_repositories"][source].format(**n),
        "create_all": create_all,
        "login_src": d["login"][source].format(**n),
        "login_dst": d["login"][target].format(**n),
        "endpoint_hint": "" if endpoints_set_up else d["endpoint_hint"].format(),
    }
    copy = d["copy"]["from_s3" if source == "s3" else "to_s3" if target == "s3" else "registry"]
    fill["copy_all"] = copy.format(**fill)
    out = [(t, c.format(**fill)) for t, c in d["batch"]]
    deploy = d["deploy"][w.deploy_platform]
    if isinstance(deploy, Mapping):
        deploy = deploy["to_ecr" if target == "ecr" else "other"]
    out += [(t, c.format(**fill)) for t, c in deploy]
    out += [(t, c.format(**fill)) for t, c in d["after"]]
    return out


def steps(source: str, target: str, w: Workload, endpoints_set_up: bool = False) -> tuple[list[tuple[str, str]], str]:
    d, n = data(), names(w)
    pair = d["pairs"].get(f"{source}->{target}")
    if pair and w.repositories == 1 and w.deploy_platform == "ec2":
        return [(t, c.format(**n)) for t, c in pair["steps"]], pair["source"]
    if w.repositories > 1 or w.deploy_platform != "ec2":
        return batch_steps(source, target, w, endpoints_set_up), _(
            "batch plan: all {n} repositories with every version, copied with skopeo, then the deployment steps "
            "for your platform"
        ).format(n=number(w.repositories))
    fill = {
        **n,
        "src": address(source, w),
        "dst": address(target, w),
        "create": d["create"][target].format(**n),
        "login_src": d["login"][source].format(**n),
        "login_dst": d["login"][target].format(**n),
    }
    out = [(t, c.format(**fill)) for t, c in d["generic"]]
    if "s3" in (source, target):
        s3 = address("s3", w)  # the comment in the reader's language, like the YAML's commands
        out.insert(
            3,
            (
                _("S3 holds tarballs, not images"),
                "docker save {}:{} | aws s3 cp - {}.tar   # {}".format(
                    address(source if source != "s3" else target, w),
                    n["tag"],
                    s3,
                    _("or: {command}").format(command=f"aws s3 cp {s3}.tar - | docker load"),
                ),
            ),
        )
    return out, _("generic plan (skopeo copies every layer and tag between registries)")


def egress_legs(w: Workload, book: PriceBook, source: str, target: str) -> tuple[tuple[str, float], ...]:
    """What the copy pays to clouds for its bytes, per GB. The copy runs in the team's network, where its
    images are pulled (consumers_cloud), so the bytes may leave two clouds: the source's, when it is not
    the team's ("leave_source"), and the team's, when the target is elsewhere ("leave_team"); each bills
    the first internet egress tier of that cloud. A global service (GitHub, Docker Hub) bills no egress,
    nor does the company's own data centre; a self-hosted registry runs where the consumers do, as the
    estimate prices it (Harbor on GCP pays Google's egress, not AWS's)."""
    team = consumers_cloud(w)
    p = Prices(book, w.region)
    legs: list[tuple[str, float]] = []
    for leg, leaves, arrives in (
        ("leave_source", registries.SPECS[source].origin(w), team),
        ("leave_team", team, registries.SPECS[target].origin(w)),
    ):
        if leaves in EGRESS_TIERS and leaves != arrives:
            legs.append((leg, p(EGRESS_TIERS[leaves][0][2])))
    return tuple(legs)


def network_legs(
    source_lines: Sequence[Component], target_lines: Sequence[Component], book: PriceBook, region: str
) -> tuple[tuple[str, float], ...]:
    """The copy runs where the team's images are pulled (its cluster's network), so its bytes take the
    paths the estimate prices for the pulls: pulling from the source as set up now, and pushing to the
    target in its new setup. A path through the team's NAT gateway (the estimate has a "NAT data processed"
    line) pays its per-GB processing on that leg; a push to ECR through its interface endpoints pays theirs
    (layers are uploaded through the ecr.dkr endpoint; only pulls fetch them from S3 through the free
    gateway endpoint). Inside the VPC (a self-hosted registry) or on a public network a leg is free."""
    p = Prices(book, region)
    legs: list[tuple[str, float]] = []
    if any(c.key == NAT_PROCESSED for c in source_lines):
        legs.append(("pull_nat", p("aws.nat_gb")))
    if any(c.key == NAT_PROCESSED for c in target_lines):
        legs.append(("push_nat", p("aws.nat_gb")))
    elif any(c.key == ENDPOINT_HOURS for c in target_lines):
        legs.append(("push_endpoint", p("aws.endpoint_gb")))
    return tuple(legs)


def setup_steps(target: str, changes: Mapping[str, Any], w: Workload) -> list[tuple[str, str]]:
    """The steps that put `target` in its best setup (`changes`, Analysis.best_setups): for ECR behind
    a NAT gateway, the interface endpoints, the S3 gateway endpoint, their security group and policy,
    with the security group of the platform the images run on (w.deploy_platform)."""
    if target != "ecr" or changes.get("network") != "endpoints":
        return []  # plans and tiers are chosen when the account is made: no command of their own
    d = data()
    pull = d["pull_security_group"].get(w.deploy_platform, d["pull_security_group"]["other"])
    fill = {**names(w), "pull_sg": pull[0], "pull_sg_note": pull[1]}
    return [(t, c.format(**fill)) for t, c in d["setup_changes"]["network_endpoints"]]


def plan(
    w: Workload,
    book: PriceBook,
    source: str | None = None,
    target: str | None = None,
    changes: Mapping[str, Any] | None = None,
) -> Plan:
    """`changes`: the target's best setup (Analysis.best_setups[target].changes): the target is priced
    in it and its setup steps come first; the source is what is paid today (as set up now).
    `target`: w.migrate_to when not given; "recommended" is the registry the recommendation names."""
    source, target = source or w.migrate_from, target or w.migrate_to
    if target == "recommended":  # a caller with the scenario's analysis passes its recommendation instead
        target = recommend(w, book).recommended
    changes = changes or {}
    if source == target:
        raise InputError(
            _("migration: from and to are the same registry ({registry})").format(registry=registries.name(source))
        )
    ot = onetime()["migration"]
    hours = move_hours(w)
    setup = onetime()["setup_hours"][target]["hours"] if registries.SPECS[target].self_hosted else 0.0
    q = quantities(w)
    now = engine.estimate(w, book, ids=(source, target))
    after = engine.estimate(w.replace(**changes), book, ids=(target,))[target] if changes else now[target]
    totals = {source: now[source].monthly_cost, target: after.monthly_cost}
    first = setup_steps(target, changes, w)
    step_list, step_source = steps(source, target, w, endpoints_set_up=bool(first))
    step_list = first + step_list
    return Plan(
        source,
        target,
        step_list,
        step_source,
        hours + setup,
        (hours + setup) * w.engineer_hourly_rate,
        float(q.stored_gb),
        setup,
        totals[source],
        totals[target],
        repositories=w.repositories,
        images=int(q.images_stored),
        copy_mb_per_second=float(ot.get("copy_mb_per_second", 50.0)),
        legs=egress_legs(w, book, source, target)
        + network_legs(now[source].components, after.components, book, w.region),
    )
