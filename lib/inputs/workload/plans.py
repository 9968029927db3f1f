"""The fields of the vendors' plans, tiers and billing options (Plans)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ...core.i18n import N_
from .choices import AcrTier, DockerhubPlan, GhcrBilling, GithubPlan, Scanning
from .spec import PLANS_SECTION, field_spec


@dataclass(frozen=True)
class Plans:
    """Plans, tiers and billing modes."""

    GROUP: ClassVar[str] = "plans"
    ghcr_billing: GhcrBilling = field_spec(
        "choice",
        "free",
        N_("GHCR billing"),
        N_(
            "free: GitHub's policy today; storage: storage billed at the Packages price "
            "(the document's assumption); full: storage and transfer at list price."
        ),
        section=PLANS_SECTION,
        place=1,
        compare=10,
        screen_help=N_(
            "GHCR does not bill container images today. Choose a billed mode to see what they would cost: "
            "storage at the Packages price (what the comparison assumes), or storage and transfer at list price."
        ),
    )
    github_plan: GithubPlan = field_spec(
        "choice",
        "free",
        N_("GitHub plan"),
        N_(
            "Sets GHCR's included storage and transfer when billed; the storage is shared with "
            "GitHub Actions artifacts and caches."
        ),
        section=PLANS_SECTION,
        place=2,
    )
    dockerhub_plan: DockerhubPlan = field_spec(
        "choice",
        "auto",
        N_("Docker Hub plan"),
        N_("auto: Personal for public images, Pro for one private user, Team per seat otherwise."),
        section=PLANS_SECTION,
        place=3,
        screen_help=N_(
            "Chosen for you: Personal for public images, Pro for one private user, Team per seat otherwise."
        ),
    )
    acr_tier: AcrTier = field_spec(
        "choice",
        "auto",
        N_("ACR tier"),
        N_("auto: Premium when a private endpoint is needed, else Basic."),
        section=PLANS_SECTION,
        place=4,
        screen_help=N_("Chosen for you: Premium when a private endpoint is needed, Basic otherwise."),
    )
    scanning: Scanning = field_spec(
        "choice",
        "none",
        N_("Vulnerability scanning"),
        N_("none, basic (free where offered) or enhanced (paid per image)."),
        section=PLANS_SECTION,
        place=5,
        screen_help=N_("None; basic (free where a registry offers it); or enhanced (paid per image scanned)."),
    )
    pushes_per_month: float = field_spec(
        "float",
        10.0,
        N_("Pushes a month"),
        N_("New image versions pushed (each is scanned once)."),
        0,
        1e9,
        section=PLANS_SECTION,
        place=6,
        whole=True,
    )
    rescans_per_month: float = field_spec(
        "float",
        0.0,
        N_("Rescans a month"),
        N_("Enhanced-scanning rescans of stored images."),
        0,
        1e9,
        section=PLANS_SECTION,
        place=7,
        whole=True,
    )
    replica_regions: int = field_spec(
        "int",
        0,
        N_("Replica regions"),
        N_("Extra regions every image is replicated to (ECR replication, ACR geo-replication, Harbor/Nexus replicas)."),
        0,
        10,
        discrete=True,
        section=PLANS_SECTION,
        place=8,
    )
    ecr_public_authenticated_share: float = field_spec(
        "float",
        0.0,
        N_("ECR Public: authenticated pulls"),
        N_(
            "Share of internet pulls from ECR Public made with AWS credentials (5 TB a month free, then billed); "
            "anonymous pulls are free up to 500 GB a month, then throttled."
        ),
        0,
        1,
        section=PLANS_SECTION,
        place=11,
        percent=True,
    )
    github_actions_pull_share: float = field_spec(
        "float",
        0.0,
        N_("GHCR: pulls by GitHub-hosted runners"),
        N_(
            "Share of pulls made by GitHub-hosted runners, with GITHUB_TOKEN or a personal access token: "
            "GitHub does not bill their transfer."
        ),
        0,
        1,
        section=PLANS_SECTION,
        place=12,
        percent=True,
    )
    ecr_free_tier: bool = field_spec(
        "bool",
        False,
        N_("ECR free tier"),
        N_(
            "500 MB-month of private storage for 12 months, for AWS accounts created before 2025-07-15; "
            "accounts created since get Free Plan credits ($200 for 6 months) instead."
        ),
        section=PLANS_SECTION,
        place=9,
    )
    egress_free_tier: bool = field_spec(
        "bool",
        False,
        N_("Egress free tier"),
        N_("First 100 GB a month of internet egress free (AWS, Azure; account-wide)."),
        section=PLANS_SECTION,
        place=10,
    )
