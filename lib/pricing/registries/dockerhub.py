"""Docker Hub: plan and seats; pull rate limits for free use; NAT from private subnets."""

import numpy as np

from ...core.i18n import N_
from ...inputs.workload import Workload
from ..components import Amount, Flag, Inputs, Line, Prices, Quantities, say
from ..consumers import private_aws_subnets
from ..shared_lines import external_network
from .spec import ChartIdentity, Options, RegistrySpec, others

PER_USER = {"personal": False, "pro": False, "team": True, "business": True}


def plan_for(w: Inputs) -> str:
    if w.dockerhub_plan != "auto":
        return str(w.dockerhub_plan)
    if w.visibility == "public":
        return "personal"
    return "personal_or_paid"  # resolved per workload below: depends on seats and repositories


def auto_plan(team_seats: Amount, repositories: Amount) -> np.ndarray:
    """Docker Hub's auto choice for private images, the one place the rule lives: one user with one
    repository fits Personal; one user, Pro; more users, Team per seat. Numbers or numpy arrays."""
    return np.where(team_seats <= 1, np.where(repositories <= 1, "personal", "pro"), "team")


def lines(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    plan = plan_for(w)
    if plan == "personal_or_paid":
        chosen = auto_plan(w.team_seats, w.repositories)
        auto = ("personal", "pro", "team")
        seats = np.where(np.isin(chosen, [k for k in auto if PER_USER[k]]), w.team_seats, 1)
        out = [
            Line(
                say(N_("Plan (auto: Personal, Pro or Team per seat)")),
                "plan",
                "seat-month",
                seats,
                p.ref("dockerhub.plan_monthly", chosen, among=auto),
            )
        ]
    else:
        qty = w.team_seats if PER_USER[plan] else 1
        out = [
            Line(
                say(N_("Plan: {plan}"), plan=plan.title()),
                "plan",
                "seat-month" if PER_USER[plan] else "account-month",
                qty,
                p.ref("dockerhub.plan_monthly", plan),
            )
        ]
    out.append(Line(say(N_("Transfer (no egress charge)")), "transfer", "GB", q.pulled_gb, 0.0))
    return out + external_network(w, q, p)


def resolved_plan(w: Inputs) -> str:
    """The plan priced for one workload: the chosen one, or what auto_plan picks."""
    plan = plan_for(w)
    return str(auto_plan(w.team_seats, w.repositories)) if plan == "personal_or_paid" else plan


WINDOW_HOURS = 6.0  # Docker counts pulls per 6-hour window ("a 6-hour pull rate limit")


def busiest_window_pulls(pulls_per_month: Amount, hours_per_month: float, burst: float) -> Amount:
    """Pulls in the busiest 6 hours: the month's average 6-hour share times the burst assumed
    (dockerhub.pull_burst_factor in the price book). The one place the window is worked out."""
    return pulls_per_month / (hours_per_month / WINDOW_HOURS) * burst


def _limit_flags(w: Inputs, window: Amount, p: Prices) -> list[Flag]:
    """Docker Hub's 6-hour limits: anonymous per IP (each NAT gateway is one public IP), Personal per user."""
    out = []
    anon = p("dockerhub.pull_limit_per_6h", "anonymous")
    personal = p("dockerhub.pull_limit_per_6h", "personal")
    burst = p("dockerhub.pull_burst_factor")
    behind_nat = private_aws_subnets(w)
    ips = w.nat_gateways if behind_nat else 1
    if window / ips > anon:
        out.append(
            Flag(
                "rate_limit_anonymous",
                "warning",
                say(
                    N_(
                        "{window:,.0f} pulls in the busiest 6 hours ({burst:g} x the month's average, the burst "
                        "assumed) exceed the anonymous limit of {anon:g} per 6 hours per IP (behind {ips} NAT IP(s)): "
                        "authenticate pulls or buy a paid plan."
                    ),
                    window=window,
                    burst=burst,
                    anon=anon,
                    ips=ips,
                )
                if behind_nat
                else say(
                    N_(
                        "{window:,.0f} pulls in the busiest 6 hours ({burst:g} x the month's average, the burst "
                        "assumed) exceed the anonymous limit of {anon:g} per 6 hours per IP (from one IP): "
                        "authenticate pulls or buy a paid plan."
                    ),
                    window=window,
                    burst=burst,
                    anon=anon,
                ),
                wont_serve=True,  # anonymous pulls past the limit are refused until the window ends
            )
        )
    if window > personal:
        out.append(
            Flag(
                "rate_limit_personal",
                "blocker",
                say(
                    N_(
                        "{window:,.0f} pulls in the busiest 6 hours ({burst:g} x the month's average, the burst "
                        "assumed) exceed the Personal limit of {personal:g} per 6 hours: a paid plan is needed."
                    ),
                    window=window,
                    burst=burst,
                    personal=personal,
                ),
                wont_serve=True,
            )
        )
    return out


def flags(w: Workload, q: Quantities, p: Prices) -> list[Flag]:
    out = []
    if w.replica_regions:
        out.append(
            Flag(
                "global_service",
                "info",
                say(
                    N_(
                        "One global service: replica regions do not apply "
                        "(no regional copies to pay for, or to pull from nearby)."
                    )
                ),
            )
        )
    plan = resolved_plan(w)
    public_pulls = w.pulls_per_month * w.internet_share if w.visibility == "public" else 0.0
    if plan == "personal":
        # Docker Hub limits the puller, not the publisher: anonymous pulls per pulling IP, signed-in
        # ones per pulling account. The public's pulls of public images come from their own IPs and
        # accounts, so only the team's own pulls count against its IPs and its account (the public's
        # 200,000 a month were counted as one IP's and set Docker Hub aside for open-source projects)
        own = w.pulls_per_month - public_pulls
        window = busiest_window_pulls(own, p.hours, p("dockerhub.pull_burst_factor"))
        out += _limit_flags(w, window, p)
    if np.any(np.asarray(public_pulls) > 0):
        out.append(
            Flag(
                "public_pullers_limited",
                "info",
                say(
                    N_(
                        "The public's pulls count against their own limit, not this account's: {anon:g} per 6 hours "
                        "per IP when anonymous, so users pulling from shared CI addresses may be throttled."
                    ),
                    anon=p("dockerhub.pull_limit_per_6h", "anonymous"),
                ),
            )
        )
    if w.visibility == "private" and plan == "personal" and w.repositories > 1:
        out.append(
            Flag(
                "personal_private_repos", "blocker", say(N_("Personal allows one private repository.")), wont_serve=True
            )
        )
    if w.visibility == "private" and plan in ("personal", "pro") and w.team_seats > 1:
        out.append(
            Flag(
                "single_user_plan",
                "blocker",
                say(
                    N_("{plan} is a plan for one user: {seats} team seats need Team or Business."),
                    plan=plan.title(),
                    seats=w.team_seats,
                ),
                wont_serve=True,
            )
        )
    if w.scanning == "enhanced":
        out.append(
            Flag("scout_separate", "info", say(N_("Docker Scout scanning depends on the plan and is not priced here.")))
        )
    if private_aws_subnets(w):
        out.append(
            Flag(
                "no_private_endpoint",
                "warning",
                say(N_("No VPC endpoint: pulls from private subnets leave AWS through a NAT gateway.")),
            )
        )
    return out


# ---- identity: every registry table is derived from this (lib/pricing/registries/spec.py) -------------------


def setups(w: Workload) -> Options:
    """Another plan than the one priced (auto resolved first)."""
    return {"dockerhub_plan": others(w, "dockerhub_plan", resolved_plan(w))}


SPEC = RegistrySpec(
    id="dockerhub",
    name="Docker Hub",
    vendor="Docker Hub",
    matrix_name="Docker Hub",
    home_cloud=None,  # one global service: no egress billed by cloud
    self_hosted=False,
    clouds_own=False,
    chart=ChartIdentity(colour="#0072B2", dash="dot", symbol="diamond", short="Docker Hub"),  # blue
    setups=setups,
)
