"""GitHub Container Registry: free today; or the Packages list price (storage over the plan's
allowance, optionally transfer). Pulls from private subnets need a NAT gateway."""
from ..components import Flag, Line, external_network, positive

ID, NAME = "ghcr", "GitHub Container Registry"


def lines(w, q, p):
    billed = w.visibility == "private" and w.ghcr_billing != "free"
    if not billed:
        why = "public package" if w.visibility == "public" else "free under GitHub's current policy"
        out = [Line(f"Storage ({why})", "storage", "GB-month", q.stored_gb, 0.0),
               Line(f"Transfer ({why})", "transfer", "GB", q.pulled_gb, 0.0)]
    else:
        plan = w.github_plan
        out = [Line(f"Storage over {plan} plan's {p('ghcr.free_storage_gb', plan):g} GB", "storage", "GB-month",
                    positive(q.stored_gb - p("ghcr.free_storage_gb", plan)), p("ghcr.storage_gb_month"), "ghcr.storage_gb_month")]
        if w.ghcr_billing == "full":
            out.append(Line(f"Transfer over {plan} plan's {p('ghcr.free_transfer_gb', plan):g} GB", "transfer", "GB",
                            positive(q.pulled_gb - p("ghcr.free_transfer_gb", plan)), p("ghcr.transfer_gb"), "ghcr.transfer_gb"))
        else:
            out.append(Line("Transfer (free)", "transfer", "GB", q.pulled_gb, 0.0))
    return out + external_network(w, q, p)


def flags(w, q, p):
    out = []
    if w.replica_regions:
        out.append(Flag("global_service", "info", "One global service: replica regions do not apply (no regional copies to pay for, or to pull from nearby)."))
    if w.visibility == "private" and w.ghcr_billing == "free":
        out.append(Flag("ghcr_policy", "info", "Private container storage and bandwidth are free today; GitHub promises one month's notice before charging."))
    if w.network != "public":
        out.append(Flag("no_private_endpoint", "warning", "No VPC endpoint: pulls from private subnets leave AWS through a NAT gateway."))
    if w.scanning != "none":
        out.append(Flag("no_builtin_scanning", "warning", "No built-in vulnerability scanning: add a scanner (e.g. Trivy) to CI."))
    return out
