"""Amazon ECR: storage per GB-month; pulls priced relative to where the consumers run (free in
the region, inter-region across regions, internet egress from anywhere else); NAT or interface
endpoints from AWS private subnets; Inspector enhanced scanning per region."""

from ...core.i18n import N_
from ...inputs.workload import Workload
from ..components import Flag, Inputs, Line, Prices, Quantities, positive, say
from ..consumers import consumers_cloud, private_aws_subnets
from ..shared_lines import (
    GB_PER_TB,
    aws_internet_egress,
    aws_transfer,
    ecr_endpoint_path,
    nat_path,
    other_cloud_flags,
    replication,
)
from .spec import ChartIdentity, Cloud, Options, RegistrySpec, others

HOME: Cloud = "aws"  # where it runs: pulls from elsewhere leave AWS as internet egress


# The ECR pricing page's own words on transfer between regions, quoted on the cross-region line's flag.
CROSS_REGION_WORDING = "charged at Internet Data Transfer rates on both sides of the transfer"


def authenticated_free_tb(p: Prices) -> float:
    """ECR Public's free internet transfer for authenticated pulls, in TB as AWS counts them (5)."""
    return p("ecr.public_free_internet_authenticated_gb") / GB_PER_TB


def _public(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    """ECR Public: 50 GB stored free; AWS compute pulls free; internet pulls: anonymous ones are
    free, each anonymous puller throttled beyond 500 GB a month (never billed), authenticated ones
    have 5 TB a month free, then the internet egress rate."""
    from_aws = consumers_cloud(w) == HOME
    outside_gb = q.internet_gb if from_aws else q.pulled_gb  # consumers elsewhere pull over the internet
    auth_gb = outside_gb * w.ecr_public_authenticated_share
    return [
        Line(
            say(N_("Storage (ECR Public, over {gb:g} GB free)"), gb=p("ecr.public_free_storage_gb")),
            "storage",
            "GB-month",
            positive(q.stored_gb - p("ecr.public_free_storage_gb")),
            "ecr.storage_gb_month",
        ),
        Line(
            say(N_("Pulls to AWS compute (free on ECR Public)")), "transfer", "GB", q.vpc_gb if from_aws else 0.0, 0.0
        ),
        Line(
            say(
                N_("Anonymous internet pulls (free; each puller throttled over {gb:g} GB a month)"),
                gb=p("ecr.public_free_internet_gb"),
            ),
            "transfer",
            "GB",
            outside_gb - auth_gb,
            0.0,
        ),
        *aws_internet_egress(
            positive(auth_gb - p("ecr.public_free_internet_authenticated_gb")),
            p,
            False,
            label=say(N_("Authenticated internet pulls over {tb:g} TB free"), tb=authenticated_free_tb(p)),
        ),
    ]


def lines(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    if w.visibility == "public":
        out = _public(w, q, p)
    else:
        free = p("ecr.free_storage_gb") if w.ecr_free_tier else 0.0
        label = say(N_("Storage")) if not w.ecr_free_tier else say(N_("Storage (over {gb:g} GB free tier)"), gb=free)
        out = [
            Line(
                label,
                "storage",
                "GB-month",
                positive(q.stored_gb - free),
                "ecr.storage_gb_month",
            ),
            *aws_transfer(w, q, p),
            *replication(w, p, "ecr.storage_gb_month", q.stored_gb, q.pushed_gb, N_("ECR replication")),
        ]
    if private_aws_subnets(w):
        # ECR Public has no interface endpoint: from private subnets it is reached through NAT
        if w.network == "endpoints" and w.visibility == "private":
            out += ecr_endpoint_path(w, q, p)
        else:
            out += nat_path(w, q, p)
    if w.scanning == "basic":
        out.append(Line(say(N_("Basic scanning (on push)")), "scanning", "image", w.pushes_per_month, 0.0))
    elif w.scanning == "enhanced":
        out += [
            Line(
                say(N_("Enhanced scanning, first scan")),
                "scanning",
                "image",
                w.pushes_per_month,
                "ecr.scan_first",
            ),
            Line(
                say(N_("Enhanced scanning, rescans")),
                "scanning",
                "image",
                w.rescans_per_month,
                "ecr.scan_rescan",
            ),
        ]
    return out


def _public_flags(w: Workload, q: Quantities, p: Prices, from_aws: bool) -> list[Flag]:
    """ECR Public's flags: one global registry, the team's own anonymous pulls throttled past one puller's
    free quota (the public's count against their own), no endpoint."""
    out = [Flag("ecr_public", "info", say(N_("Public images are priced as ECR Public (served from us-east-1).")))]
    if w.replica_regions:
        out.append(
            Flag(
                "ecr_public_global",
                "info",
                say(N_("ECR Public is one global registry: replica regions do not apply.")),
            )
        )
    # ECR Public's 500 GB is "for unauthenticated customers": the puller's quota, as Docker Hub's limits
    # are the puller's. The public's anonymous pulls (internet_share) come from their own addresses and
    # count against their own 500 GB; only the team's own anonymous pulls from outside AWS (its clusters
    # on another cloud or on premises) count against one quota. Pulls to AWS compute are not internet
    # transfer. Counting the world's 100,000 GB as one puller's set ECR aside for open-source projects.
    anonymous = 1 - w.ecr_public_authenticated_share
    own_gb = (0.0 if from_aws else q.vpc_gb) * anonymous
    public_gb = q.internet_gb * anonymous
    if own_gb > p("ecr.public_free_internet_gb"):
        out.append(
            Flag(
                "ecr_public_throttled",
                "warning",
                say(
                    N_(
                        "{anon_gb:,.0f} GB a month of anonymous internet pulls exceed ECR Public's "
                        "{free_gb:,.0f} GB: beyond it anonymous pulls are throttled, "
                        "not billed. Authenticate pulls ({free_tb:g} TB a month free, then billed)."
                    ),
                    anon_gb=own_gb,
                    free_gb=p("ecr.public_free_internet_gb"),
                    free_tb=authenticated_free_tb(p),
                ),
                wont_serve=True,  # throttled, not billed: the pulls past the quota are not served
            )
        )
    if public_gb > 0:
        out.append(
            Flag(
                "ecr_public_pullers_limited",
                "info",
                say(
                    N_(
                        "The public's anonymous pulls count against each puller's own {free_gb:,.0f} GB a month, "
                        "not this account's: a puller past it (a CI farm behind one address) is throttled "
                        "until it authenticates."
                    ),
                    free_gb=p("ecr.public_free_internet_gb"),
                ),
            )
        )
    if private_aws_subnets(w) and w.network == "endpoints":
        out.append(
            Flag(
                "ecr_public_no_endpoint",
                "info",
                say(N_("ECR Public has no interface endpoint: private subnets reach it through NAT.")),
            )
        )
    return out


def flags(w: Workload, q: Quantities, p: Prices) -> list[Flag]:
    out = []
    from_aws = consumers_cloud(w) == HOME
    if w.visibility == "public":
        out += _public_flags(w, q, p, from_aws)
    elif from_aws and w.cross_region_share > 0:
        out.append(
            Flag(
                "ecr_cross_region_rate",
                "warning",
                say(
                    N_(
                        "Cross-region pulls are priced at the inter-region rate (${rate:g}/GB); the ECR "
                        'pricing page says data transferred between regions is "{wording}": '
                        "check the figure with AWS (replicating the images into the other region avoids it)."
                    ),
                    rate=p("aws.inter_region_gb"),
                    wording=CROSS_REGION_WORDING,
                ),
            )
        )
    if w.visibility != "public" and private_aws_subnets(w) and w.network == "endpoints" and w.cross_region_share > 0:
        # the endpoint setup's largest line is often this one (EKS preset: $270.00 of $563.25); a
        # reader who sees "endpoints instead of NAT" must not plan to remove the other regions' NAT
        out.append(
            Flag(
                "endpoints_cross_region_nat",
                "info",
                say(
                    N_(
                        "The endpoints serve this region only: pulls from other regions ({gb:,.0f} GB a month) still "
                        "reach the registry through those regions' NAT gateways. Their per-GB processing is counted "
                        "here, their hourly charge is not (they carry the rest of those regions' traffic); replicating "
                        "the images into those regions avoids it."
                    ),
                    gb=q.cross_gb,
                ),
            )
        )
    out += other_cloud_flags(w, HOME, "AWS")
    if w.network == "public" and from_aws and w.cross_region_share == 0 and w.internet_share == 0:
        out.append(Flag("ecr_same_region", "info", say(N_("All pulls stay in the region: transfer is free."))))
    return out


# ---- identity: every registry table is derived from this (lib/pricing/registries/spec.py) -------------------


def setups(w: Workload) -> Options:
    """Private subnets reach ECR through NAT or interface endpoints (ECR Public has no endpoint)."""
    if private_aws_subnets(w) and w.visibility != "public":
        return {"network": others(w, "network", w.network, skip=("public",))}
    return {}


SPEC = RegistrySpec(
    id="ecr",
    name="Amazon ECR",
    vendor="Amazon ECR",
    matrix_name="Amazon ECR",
    home_cloud=HOME,
    self_hosted=False,
    clouds_own=True,
    chart=ChartIdentity(colour="#E69F00", dash="solid", symbol="circle", short="ECR"),  # orange
    setups=setups,
)
