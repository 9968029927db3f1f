"""The fields of the analysis pages (Analysis) and of the migration plan (Migration): settings that
do not change this month's costs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from ...core.i18n import N_
from .choices import CostView, DeployPlatform, Feature, MigrationTarget, RegistryId, SweepField
from .spec import field_spec


@dataclass(frozen=True)
class Analysis:
    """Settings of the analysis pages (they do not change this month's costs)."""

    GROUP: ClassVar[str] = "analysis"
    sweep_field: SweepField = field_spec(
        "choice",
        "pulls_per_month",
        N_("Input to sweep"),
        N_("The input the sensitivity chart varies."),
        # the fields with a Sweep, in the order the page offers them (a test checks they match)
    )
    horizon_months: int = field_spec(
        "int", 12, N_("Horizon"), N_("Months of cost over time."), 1, 60, unit=N_("months")
    )
    monthly_growth: float = field_spec(
        "float",
        0.0,
        N_("Monthly growth"),
        N_("Growth per month of pulls and stored versions (0.05 = 5 %)."),
        0,
        1,
        percent=True,
        screen_help=N_("Growth per month of pulls and stored versions, in percent: 5 means 5 % a month."),
    )
    view: CostView = field_spec(
        "choice",
        "best",
        N_("Costs shown"),
        N_("Every registry in its cheapest setup (what would be bought), or as set up now (what you pay today)."),
    )
    required_features: tuple[Feature, ...] = field_spec(
        "set",
        (),
        N_("Required features"),
        N_("Features a registry must have (feature matrix); registries without them are marked."),
    )

    @property
    def private_endpoint_required(self) -> bool:
        """Pricing reads this of the required features: ACR's tier "auto" is Premium where it is required."""
        return requires_endpoint(self.required_features)


def requires_endpoint(required_features: Iterable[str]) -> bool:
    """The one rule, for a Workload and for the engine's groups of workloads (their lists of features)."""
    return "private_endpoint" in required_features


@dataclass(frozen=True)
class Migration:
    """What the migration plan moves, and the names it fills into its commands (an analysis setting too)."""

    GROUP: ClassVar[str] = "analysis"
    migrate_from: RegistryId = field_spec(
        "choice",
        "ghcr",
        N_("Migrate from"),
        N_("The registry images are in today."),
    )
    migrate_to: MigrationTarget = field_spec(
        "choice",
        "recommended",
        N_("Migrate to"),
        N_("The registry to move to: the recommended one unless you choose another."),
    )
    deploy_platform: DeployPlatform = field_spec(
        "choice",
        "ec2",
        N_("Where the images are deployed"),
        N_("Sets the deployment steps of the migration plan."),
    )
    aws_account: str = field_spec(
        "text",
        "123456789012",
        N_("AWS account ID"),
        N_("Used to fill in the migration commands."),
        pattern=r"[0-9]{12}",
    )
    owner: str = field_spec(
        "text",
        "my-org",
        N_("Owner / organisation / project"),
        N_("GitHub owner, Docker Hub namespace, GCP project or Harbor project."),
        pattern=r"[A-Za-z0-9][A-Za-z0-9._-]{0,62}",
    )
    repository_name: str = field_spec(
        "text",
        "simple-api",
        N_("Repository name"),
        N_("The image repository to migrate."),
        pattern=r"[a-z0-9][a-z0-9._/-]{0,127}",
    )
