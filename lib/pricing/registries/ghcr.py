"""GitHub Container Registry: free today; or the Packages list price (storage per GB-day over the
plan's allowance, which Actions artifacts and caches share; optionally transfer, where downloads
by GitHub-hosted runners are free, with GITHUB_TOKEN or a personal access token).
GitHub never bills egress by cloud; pulls from AWS private subnets cross a NAT gateway."""

from ...core.i18n import N_
from ...inputs.workload import Workload
from ..components import Flag, Inputs, Line, Prices, Quantities, positive, say
from ..consumers import private_aws_subnets
from ..shared_lines import external_network
from .spec import ChartIdentity, RegistrySpec


def lines(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    billed = w.visibility == "private" and w.ghcr_billing != "free"
    if not billed:
        why = say(N_("public package")) if w.visibility == "public" else say(N_("free under GitHub's current policy"))
        out = [
            Line(say(N_("Storage ({why})"), why=why), "storage", "GB-month", q.stored_gb, 0.0),
            Line(say(N_("Transfer ({why})"), why=why), "transfer", "GB", q.pulled_gb, 0.0),
        ]
    else:
        plan = w.github_plan
        # GitHub counts GB-hours and divides by the hours of the month: $0.008 per GB per day times
        # the days of the month priced (p.days: the book's average month, or an actual one)
        out = [
            Line(
                say(
                    N_("Storage over {plan} plan's {gb:g} GB (shared with Actions artifacts and caches)"),
                    plan=plan,
                    gb=p("ghcr.free_storage_gb", plan),
                ),
                "storage",
                "GB-day",
                positive(q.stored_gb - p("ghcr.free_storage_gb", plan)) * p.days,
                "ghcr.storage_gb_day",
            )
        ]
        if w.ghcr_billing == "full":
            actions_gb = q.pulled_gb * w.github_actions_pull_share
            out += [
                Line(
                    say(N_("Transfer to GitHub-hosted runners (free with GITHUB_TOKEN or a personal access token)")),
                    "transfer",
                    "GB",
                    actions_gb,
                    0.0,
                ),
                Line(
                    say(N_("Transfer over {plan} plan's {gb:g} GB"), plan=plan, gb=p("ghcr.free_transfer_gb", plan)),
                    "transfer",
                    "GB",
                    positive(q.pulled_gb - actions_gb - p("ghcr.free_transfer_gb", plan)),
                    "ghcr.transfer_gb",
                ),
            ]
        else:
            out.append(Line(say(N_("Transfer (free)")), "transfer", "GB", q.pulled_gb, 0.0))
    return out + external_network(w, q, p)


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
    if w.visibility == "private" and w.ghcr_billing == "free":
        out.append(
            Flag(
                "ghcr_policy",
                "info",
                say(
                    N_(
                        "Private container storage and bandwidth are free today; "
                        "GitHub promises one month's notice before charging."
                    )
                ),
            )
        )
    if private_aws_subnets(w):
        out.append(
            Flag(
                "no_private_endpoint",
                "warning",
                say(N_("No VPC endpoint: pulls from private subnets leave AWS through a NAT gateway.")),
            )
        )
    if w.scanning != "none":
        out.append(
            Flag(
                "no_builtin_scanning",
                "warning",
                say(N_("No built-in vulnerability scanning: add a scanner (e.g. Trivy) to CI.")),
            )
        )
    return out


# ---- identity: every registry table is derived from this (lib/pricing/registries/spec.py) -------------------

SPEC = RegistrySpec(
    id="ghcr",
    name="GitHub Container Registry",
    vendor="GitHub (GHCR)",
    matrix_name="GHCR",
    home_cloud=None,  # GitHub never bills egress by cloud
    self_hosted=False,
    clouds_own=False,
    chart=ChartIdentity(colour="#000000", dash="dash", symbol="square", short="GHCR"),  # black
)
