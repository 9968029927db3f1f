"""GitHub Container Registry: free today; or the Packages list price (storage per GB-day over the
plan's allowance, optionally transfer, where pulls by GitHub Actions with GITHUB_TOKEN are free).
GitHub never bills egress by cloud; pulls from AWS private subnets cross a NAT gateway."""

from ..components import Flag, Inputs, Line, Prices, Quantities, external_network, positive, private_aws_subnets, say
from ..i18n import N_, _

ID, NAME = "ghcr", "GitHub Container Registry"


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
        # GitHub bills $0.008 per GB per day: the daily rate times the days in our month
        out = [
            Line(
                say(N_("Storage over {plan} plan's {gb:g} GB"), plan=plan, gb=p("ghcr.free_storage_gb", plan)),
                "storage",
                "GB-day",
                positive(q.stored_gb - p("ghcr.free_storage_gb", plan)) * p.days,
                "ghcr.storage_gb_day",
            )
        ]
        if w.ghcr_billing == "full":
            actions_gb = q.pulled_gb * w.github_actions_pull_share
            out += [
                Line(say(N_("Transfer by GitHub Actions with GITHUB_TOKEN (free)")), "transfer", "GB", actions_gb, 0.0),
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


def flags(w: Inputs, q: Quantities, p: Prices) -> list[Flag]:
    out = []
    if w.replica_regions:
        out.append(
            Flag(
                "global_service",
                "info",
                _(
                    "One global service: replica regions do not apply "
                    "(no regional copies to pay for, or to pull from nearby)."
                ),
            )
        )
    if w.visibility == "private" and w.ghcr_billing == "free":
        out.append(
            Flag(
                "ghcr_policy",
                "info",
                _(
                    "Private container storage and bandwidth are free today; "
                    "GitHub promises one month's notice before charging."
                ),
            )
        )
    if private_aws_subnets(w):
        out.append(
            Flag(
                "no_private_endpoint",
                "warning",
                _("No VPC endpoint: pulls from private subnets leave AWS through a NAT gateway."),
            )
        )
    if w.scanning != "none":
        out.append(
            Flag(
                "no_builtin_scanning",
                "warning",
                _("No built-in vulnerability scanning: add a scanner (e.g. Trivy) to CI."),
            )
        )
    return out
