"""The workload a user describes: field names, defaults, bounds and validation.

Field names are a contract: scenario files and share links use them as they are. Defaults are
the source document's scenario (one 500 MB image, 10 versions, 1,000 pulls a month).

Each field is declared once, in its group's frozen dataclass, with its Spec: label, help and unit
(English message ids, read in the run's language), bounds, where its input sits and how an analysis
sweeps it. SPECS and the pages' tables (sections, sliders, sweep ranges, the Compare page's inputs)
are views of those specs.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, ClassVar, Literal, Protocol, TypeVar, get_args, get_origin, get_type_hints

from ...core.errors import InputError
from ...core.i18n import N_, _, quote  # quote: every user value in a problem goes through it
from ..regions import book_regions

# The registries' ids: a scenario's migration fields name them, and lib/pricing/registries/ has one module
# (with its RegistrySpec) per id, in this order (a test holds the two together).
RegistryId = Literal["ecr", "ghcr", "dockerhub", "harbor", "gar", "acr", "nexus", "s3"]
REGISTRY_IDS: tuple[RegistryId, ...] = get_args(RegistryId)
# where the migration plan moves to: a registry, or the one the recommendation names (the default)
MigrationTarget = Literal["ecr", "ghcr", "dockerhub", "harbor", "gar", "acr", "nexus", "s3", "recommended"]

# Every choice a scenario offers, as a type: a misspelt value (w.visibility == "pubic") fails
# `mypy --strict`, and each field's Spec.choices are read from its annotation (written once).
RunsOn = Literal["aws", "gcp", "azure", "on_prem", "multi_cloud"]
Ci = Literal["github_actions", "gitlab", "jenkins", "other"]
Lifetime = Literal["demo", "production"]
Priority = Literal["auto", "cost", "integration"]
ComplianceNeed = Literal["audit_logs", "signing", "scanning", "no_external_services", "team_isolation"]
Visibility = Literal["private", "public"]
NetworkPath = Literal["public", "nat", "endpoints"]
GhcrBilling = Literal["free", "storage", "full"]
GithubPlan = Literal["free", "pro", "team", "enterprise"]
DockerhubPlan = Literal["auto", "personal", "pro", "team", "business"]
AcrTier = Literal["auto", "basic", "standard", "premium"]
Scanning = Literal["none", "basic", "enhanced"]
# the fields with a Sweep, in the order the page offers them (a test checks they match)
# which setup the costs are shown in: each registry's cheapest (what would be bought) or as set up now
CostView = Literal["best", "as_set_up"]
SweepField = Literal["pulls_per_month", "image_size_mb", "versions_kept", "team_seats", "cross_region_share"]
Feature = Literal[
    "iam_oidc",
    "private_endpoint",
    "scanning",
    "signing",
    "lifecycle",
    "replication",
    "rbac",
    "audit_logs",
    "pull_through_cache",
    "no_pull_rate_limit",
    "oci_artifacts",
]
DeployPlatform = Literal["ec2", "ecs", "eks", "kubernetes", "other"]

SHARE_FIELDS = ("same_region_share", "cross_region_share", "internet_share")
SHARE_TOLERANCE = 1e-6


Kind = Literal["float", "int", "choice", "bool", "set", "text"]

# The sidebar's sections, in the order drawn; a field names its own (Spec.section).
WORKLOAD_SECTION = N_("Workload")
NETWORK_SECTION = N_("Network and account")
PLANS_SECTION = N_("Plans and billing")
SELFHOSTED_SECTION = N_("Self-hosted and baseline")
SECTIONS = (WORKLOAD_SECTION, NETWORK_SECTION, PLANS_SECTION, SELFHOSTED_SECTION)


@dataclass(frozen=True)
class Sweep:
    """How the Break-even page varies a field: from lo to hi, on a log axis or not; `unit` is what the
    values count, in the words of the page's sentences ("above 12,000 pulls a month")."""

    lo: float
    hi: float
    log: bool
    unit_id: str  # English, the message id

    @property
    def unit(self) -> str:
        return _(self.unit_id)


@dataclass(frozen=True)
class Spec:
    """Everything about one field, written once: how it is typed, bounded and shown, where its
    input sits and how an analysis varies it. `max` is a sanity bound, not a price fact.

    Positions (`place`, `question`, `compare`) count from 1 and 0 means "not there": they are
    written beside the field so that adding a field is one edit, not one per table."""

    kind: Kind  # "set" is a subset of choices, "text" matches `pattern`
    default: object
    label_id: str  # the English words are message ids (N_); `label`, `help` and `unit` are the reader's language
    help_id: str = ""
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    unit_id: str = ""
    group: str = "workload"  # set from the group class the field is declared in (its GROUP)
    pattern: str = ""  # for text fields: a full-match regular expression
    discrete: bool = False  # a whole number that changes which components exist: grouped on, like a choice
    priced: bool = False  # a decision answer that also changes prices (where the consumers run)
    section: str = ""  # the sidebar section its input is in (SECTIONS); "" when a page draws it
    place: int = 0  # its position in that section
    question: int = 0  # its position among the situation questions (the Recommendation page)
    compare: int = 0  # its position among the inputs scenario B can change (the Compare page)
    percent: bool = False  # a 0..1 fraction, typed and read as a percentage (5 means 5 %)
    slider: bool = False  # a small range, drawn as a slider instead of a number box
    whole: bool = False  # a float typed and shown without decimals
    sweep: Sweep | None = None  # set when the Break-even page can vary it
    screen_help_id: str = ""  # the input's help on screen, where `help` (also the CLI's) speaks in file values

    # translated each time they are read, in the language of the run that reads them (never cached)
    @property
    def label(self) -> str:
        return _(self.label_id)

    @property
    def help(self) -> str:
        return _(self.help_id) if self.help_id else ""  # _("") would be the catalogue's header

    @property
    def unit(self) -> str:
        return _(self.unit_id) if self.unit_id else ""

    @property
    def input_help(self) -> str:
        """The help beside the field's input: its screen help, or its help."""
        return _(self.screen_help_id) if self.screen_help_id else self.help


def _spec(
    kind: Kind,
    default: object,
    label: str,
    help: str = "",
    min: float | None = None,
    max: float | None = None,
    unit: str = "",
    screen_help: str = "",
    **more: Any,
) -> Any:
    """A dataclass field whose default and spec are written once (Any: the field's annotation says its type)."""
    return field(
        default=default,
        metadata={"spec": Spec(kind, default, label, help, min, max, unit_id=unit, screen_help_id=screen_help, **more)},
    )


# The fields, in groups. Workload below inherits every group, so each field is an attribute of the one
# flat, frozen object that links, scenario files and every caller use (w.pulls_per_month), and type
# checkers see every field with its type. The groups are typed views for code that needs one part
# (Workload.part(Situation)).


@dataclass(frozen=True)
class Situation:
    """The answers to the decision tree's questions (they do not change costs, but where consumers run)."""

    GROUP: ClassVar[str] = "decision"
    runs_on: RunsOn = _spec(
        "choice",
        "aws",
        N_("Where workloads run"),
        N_(
            "The platform the consumers of the images run on, in the chosen region. "
            "A registry on another cloud bills internet egress for every pull; multi-cloud is priced as AWS consumers "
            "(count pulls from your other clouds as internet pulls)."
        ),
        priced=True,
        section=NETWORK_SECTION,
        place=1,
        question=1,
    )
    ci: Ci = _spec(
        "choice",
        "github_actions",
        N_("CI system"),
        N_("What builds and pushes the images."),
        question=2,
    )
    lifetime: Lifetime = _spec(
        "choice",
        "production",
        N_("How long it lives"),
        N_("demo: a few days; production: long-term."),
        question=4,
        screen_help=N_("A demo runs for a few days; production runs long-term."),
    )
    priority: Priority = _spec(
        "choice",
        "auto",
        N_("What comes first"),
        N_(
            "cost: lowest cost and fastest setup; integration: cloud integration and security; "
            "auto: cost for a demo, integration in production."
        ),
        question=5,
        screen_help=N_(
            "Lowest cost and fastest setup, or cloud integration and security. Left to how long it lives: "
            "cost first for a demo, integration first in production."
        ),
    )
    private_network_only: bool = _spec(
        "bool",
        False,
        N_("Access only from a private network"),
        N_("Images may be pulled only from inside the VPC / private network."),
        question=6,
    )
    aws_only: bool = _spec(
        "bool", False, N_("AWS-only environment"), N_("Builds, deploys and consumers all stay inside AWS."), question=7
    )
    avoid_cloud_iam: bool = _spec(
        "bool",
        False,
        N_("Avoid cloud IAM setup"),
        N_("Speed of setup first: no IAM roles or policies to write."),
        question=8,
    )
    compliance: tuple[ComplianceNeed, ...] = _spec(
        "set",
        (),
        N_("Compliance needs"),
        N_("What policy makes mandatory."),
        question=9,
    )


@dataclass(frozen=True)
class Usage:
    """What is stored and pulled."""

    GROUP: ClassVar[str] = "workload"
    image_size_mb: float = _spec(
        "float",
        500.0,
        N_("Image size"),
        N_("Compressed size of one image version."),
        1,
        20_000,
        unit="MB",
        section=WORKLOAD_SECTION,
        place=1,
        compare=2,
        sweep=Sweep(10.0, 20_000.0, True, "MB"),
    )
    repositories: int = _spec(
        "int", 1, N_("Repositories"), N_("Distinct images."), 1, 1_000_000, section=WORKLOAD_SECTION, place=3, compare=4
    )
    versions_kept: int = _spec(
        "int",
        10,
        N_("Versions kept"),
        N_("Versions retained per image after lifecycle clean-up."),
        1,
        1_000,
        section=WORKLOAD_SECTION,
        place=2,
        compare=1,
        sweep=Sweep(1, 1000, True, N_("versions")),
    )
    shared_layer_fraction: float = _spec(
        "float",
        0.0,
        N_("Shared layers"),
        N_("Share of an image's bytes in layers unchanged between versions (base OS, dependencies)."),
        0,
        1,
        section=WORKLOAD_SECTION,
        place=5,
        compare=5,
        percent=True,
        slider=True,
        screen_help=N_(
            "Share of an image's bytes in layers unchanged between versions (base OS, dependencies), in percent."
        ),
    )
    pulls_per_month: float = _spec(
        "float",
        1000.0,
        N_("Pulls a month"),
        N_("Image pulls by all consumers."),
        0,
        1e12,
        section=WORKLOAD_SECTION,
        place=4,
        compare=3,
        whole=True,
        sweep=Sweep(10.0, 1e8, True, N_("pulls a month")),
    )
    layer_cache_hit: float = _spec(
        "float",
        0.0,
        N_("Layer cache hit"),
        N_("Share of pulled bytes already on the pulling node."),
        0,
        1,
        section=WORKLOAD_SECTION,
        place=6,
        compare=6,
        percent=True,
        slider=True,
        screen_help=N_("Share of pulled bytes already on the pulling node, in percent."),
    )


@dataclass(frozen=True)
class Origin:
    """Where pulls come from: three shares that sum to 1 (the sidebar draws them as one pull mix)."""

    GROUP: ClassVar[str] = "origin"
    same_region_share: float = _spec(
        "float",
        1.0,
        N_("Same-region pulls"),
        N_("Pulls by workloads in the chosen region (where the registry is assumed to be)."),
        0,
        1,
        percent=True,
    )
    cross_region_share: float = _spec(
        "float",
        0.0,
        N_("Cross-region pulls"),
        N_("Pulls by workloads in another region of the same cloud."),
        0,
        1,
        percent=True,
        sweep=Sweep(0.0, 1.0, False, N_("cross-region share")),
    )
    internet_share: float = _spec(
        "float",
        0.0,
        N_("Internet pulls"),
        N_("Pulls from outside the workloads' cloud (laptops, customers, other clouds)."),
        0,
        1,
        percent=True,
    )


@dataclass(frozen=True)
class Network:
    """The network path and the account."""

    GROUP: ClassVar[str] = "network"
    visibility: Visibility = _spec(
        "choice",
        "private",
        N_("Visibility"),
        N_("Public or private images."),
        question=3,
        compare=9,
    )
    network: NetworkPath = _spec(
        "choice",
        "public",
        N_("Network path"),
        N_(
            "public: no NAT; nat: private subnets through a NAT gateway; "
            "endpoints: ECR through interface endpoints, external registries still through NAT."
        ),
        section=NETWORK_SECTION,
        place=3,
        compare=8,
        screen_help=N_(
            "How pulls reach the registry from your AWS workloads: public subnets need no NAT gateway; private "
            "subnets go through a NAT gateway; with ECR interface endpoints ECR traffic stays inside the VPC "
            "(registries outside AWS still go through the NAT gateway)."
        ),
    )
    availability_zones: int = _spec(
        "int",
        2,
        N_("Availability zones"),
        N_("AZs that need an interface endpoint; also spreads in-VPC pulls across AZs."),
        1,
        6,
        section=NETWORK_SECTION,
        place=4,
        slider=True,
    )
    nat_gateways: int = _spec(
        "int",
        1,
        N_("NAT gateways"),
        N_("NAT gateways on the pull path (the document counts one)."),
        1,
        6,
        section=NETWORK_SECTION,
        place=5,
        slider=True,
    )
    team_seats: int = _spec(
        "int",
        10,
        N_("Team seats"),
        N_("Users needing registry accounts (per-seat plans)."),
        1,
        1_000_000,
        section=NETWORK_SECTION,
        place=6,
        compare=11,
        sweep=Sweep(1, 10_000, True, N_("seats")),
    )
    region: str = _spec(
        "choice",
        "us-east-1",
        N_("Region"),
        N_("AWS region whose prices apply; Azure and Google Cloud use their nearest region."),
        choices=book_regions(),  # the price book's regions (data/prices.yaml)
        section=NETWORK_SECTION,
        place=2,
        compare=7,
    )


@dataclass(frozen=True)
class Plans:
    """Plans, tiers and billing modes."""

    GROUP: ClassVar[str] = "plans"
    ghcr_billing: GhcrBilling = _spec(
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
    github_plan: GithubPlan = _spec(
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
    dockerhub_plan: DockerhubPlan = _spec(
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
    acr_tier: AcrTier = _spec(
        "choice",
        "auto",
        N_("ACR tier"),
        N_("auto: Premium when a private endpoint is needed, else Basic."),
        section=PLANS_SECTION,
        place=4,
        screen_help=N_("Chosen for you: Premium when a private endpoint is needed, Basic otherwise."),
    )
    scanning: Scanning = _spec(
        "choice",
        "none",
        N_("Vulnerability scanning"),
        N_("none, basic (free where offered) or enhanced (paid per image)."),
        section=PLANS_SECTION,
        place=5,
        screen_help=N_("None; basic (free where a registry offers it); or enhanced (paid per image scanned)."),
    )
    pushes_per_month: float = _spec(
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
    rescans_per_month: float = _spec(
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
    replica_regions: int = _spec(
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
    ecr_public_authenticated_share: float = _spec(
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
    github_actions_pull_share: float = _spec(
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
    ecr_free_tier: bool = _spec(
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
    egress_free_tier: bool = _spec(
        "bool",
        False,
        N_("Egress free tier"),
        N_("First 100 GB a month of internet egress free (AWS, Azure; account-wide)."),
        section=PLANS_SECTION,
        place=10,
    )


@dataclass(frozen=True)
class SelfHosted:
    """Self-hosted registries (Harbor, Nexus) and the S3 baseline."""

    GROUP: ClassVar[str] = "selfhosted"
    selfhosted_nodes: int = _spec(
        "int",
        1,
        N_("Self-hosted nodes"),
        N_("Instances of 4 vCPU / 8 GB (Harbor's recommended size)."),
        1,
        100,
        section=SELFHOSTED_SECTION,
        place=1,
    )
    node_disk_gb: float = _spec(
        "float",
        160.0,
        N_("Node disk"),
        N_("Block storage per node (Harbor recommends 160 GB)."),
        0,
        100_000,
        unit="GB",
        section=SELFHOSTED_SECTION,
        place=2,
        whole=True,
    )
    ops_hours_per_month: float = _spec(
        "float",
        4.0,
        N_("Operations hours a month"),
        N_("Upgrades, backups, certificates, on-call for a self-hosted registry."),
        0,
        100_000,
        section=SELFHOSTED_SECTION,
        place=3,
    )
    engineer_hourly_rate: float = _spec(
        "float",
        75.0,
        N_("Engineer hourly rate"),
        N_("Loaded cost of an engineer hour (an assumption: set your own)."),
        0,
        10_000,
        unit=N_("USD/h"),
        section=SELFHOSTED_SECTION,
        place=4,
    )
    nexus_licence_monthly: float = _spec(
        "float",
        0.0,
        N_("Nexus Pro licence"),
        N_("Your quoted Nexus Pro price a month; 0 means Community Edition."),
        0,
        10_000_000,
        unit=N_("USD/month"),
        section=SELFHOSTED_SECTION,
        place=5,
    )
    layers_per_image: int = _spec(
        "int",
        10,
        N_("Layers per image"),
        N_(
            "Layers in one image: a pull asks the registry for the manifest, the config and each layer "
            "(Nexus Community Edition counts each as a request)."
        ),
        1,
        1_000,
        section=SELFHOSTED_SECTION,
        place=7,
    )
    s3_manual_hours_per_month: float = _spec(
        "float",
        0.0,
        N_("S3 manual hours a month"),
        N_("docker save / aws s3 cp / docker load by hand."),
        0,
        100_000,
        section=SELFHOSTED_SECTION,
        place=6,
    )


@dataclass(frozen=True)
class Analysis:
    """Settings of the analysis pages (they do not change this month's costs)."""

    GROUP: ClassVar[str] = "analysis"
    sweep_field: SweepField = _spec(
        "choice",
        "pulls_per_month",
        N_("Input to sweep"),
        N_("The input the sensitivity chart varies."),
        # the fields with a Sweep, in the order the page offers them (a test checks they match)
    )
    horizon_months: int = _spec("int", 12, N_("Horizon"), N_("Months of cost over time."), 1, 60, unit=N_("months"))
    monthly_growth: float = _spec(
        "float",
        0.0,
        N_("Monthly growth"),
        N_("Growth per month of pulls and stored versions (0.05 = 5 %)."),
        0,
        1,
        percent=True,
        screen_help=N_("Growth per month of pulls and stored versions, in percent: 5 means 5 % a month."),
    )
    view: CostView = _spec(
        "choice",
        "best",
        N_("Costs shown"),
        N_("Every registry in its cheapest setup (what would be bought), or as set up now (what you pay today)."),
    )
    required_features: tuple[Feature, ...] = _spec(
        "set",
        (),
        N_("Required features"),
        N_("Features a registry must have (feature matrix); registries without them are marked."),
    )


@dataclass(frozen=True)
class Migration:
    """What the migration plan moves, and the names it fills into its commands (an analysis setting too)."""

    GROUP: ClassVar[str] = "analysis"
    migrate_from: RegistryId = _spec(
        "choice",
        "ghcr",
        N_("Migrate from"),
        N_("The registry images are in today."),
    )
    migrate_to: MigrationTarget = _spec(
        "choice",
        "recommended",
        N_("Migrate to"),
        N_("The registry to move to: the recommended one unless you choose another."),
    )
    deploy_platform: DeployPlatform = _spec(
        "choice",
        "ec2",
        N_("Where the images are deployed"),
        N_("Sets the deployment steps of the migration plan."),
    )
    aws_account: str = _spec(
        "text",
        "123456789012",
        N_("AWS account ID"),
        N_("Used to fill in the migration commands."),
        pattern=r"[0-9]{12}",
    )
    owner: str = _spec(
        "text",
        "my-org",
        N_("Owner / organisation / project"),
        N_("GitHub owner, Docker Hub namespace, GCP project or Harbor project."),
        pattern=r"[A-Za-z0-9][A-Za-z0-9._-]{0,62}",
    )
    repository_name: str = _spec(
        "text",
        "simple-api",
        N_("Repository name"),
        N_("The image repository to migrate."),
        pattern=r"[a-z0-9][a-z0-9._/-]{0,127}",
    )


N_co = TypeVar("N_co", covariant=True)


class PricingInputs(Protocol[N_co]):
    """What pricing reads of a scenario: the fields a registry's lines and the shared quantities use.
    Numbers are N_co: floats for one Workload (which has every member: mypy checks it), numpy arrays
    in the engine's vectorised path, where the workloads of one group share every choice.
    A misspelt member or choice value here fails `mypy --strict`."""

    @property
    def runs_on(self) -> RunsOn: ...
    @property
    def visibility(self) -> Visibility: ...
    @property
    def network(self) -> NetworkPath: ...
    @property
    def region(self) -> str: ...
    @property
    def ghcr_billing(self) -> GhcrBilling: ...
    @property
    def github_plan(self) -> GithubPlan: ...
    @property
    def dockerhub_plan(self) -> DockerhubPlan: ...
    @property
    def acr_tier(self) -> AcrTier: ...
    @property
    def scanning(self) -> Scanning: ...
    @property
    def ecr_free_tier(self) -> bool: ...
    @property
    def egress_free_tier(self) -> bool: ...
    @property
    def replica_regions(self) -> int: ...  # discrete: one value per group in the vectorised path
    @property
    def image_size_mb(self) -> N_co: ...
    @property
    def repositories(self) -> N_co: ...
    @property
    def versions_kept(self) -> N_co: ...
    @property
    def shared_layer_fraction(self) -> N_co: ...
    @property
    def pulls_per_month(self) -> N_co: ...
    @property
    def layer_cache_hit(self) -> N_co: ...
    @property
    def same_region_share(self) -> N_co: ...
    @property
    def cross_region_share(self) -> N_co: ...
    @property
    def internet_share(self) -> N_co: ...
    @property
    def availability_zones(self) -> N_co: ...
    @property
    def nat_gateways(self) -> N_co: ...
    @property
    def team_seats(self) -> N_co: ...
    @property
    def pushes_per_month(self) -> N_co: ...
    @property
    def rescans_per_month(self) -> N_co: ...
    @property
    def ecr_public_authenticated_share(self) -> N_co: ...
    @property
    def github_actions_pull_share(self) -> N_co: ...
    @property
    def selfhosted_nodes(self) -> N_co: ...
    @property
    def node_disk_gb(self) -> N_co: ...
    @property
    def ops_hours_per_month(self) -> N_co: ...
    @property
    def engineer_hourly_rate(self) -> N_co: ...
    @property
    def nexus_licence_monthly(self) -> N_co: ...
    @property
    def s3_manual_hours_per_month(self) -> N_co: ...


# in field order: links, scenario files and the CLI list fields in this order
GROUPS: tuple[type, ...] = (Situation, Usage, Origin, Network, Plans, SelfHosted, Analysis, Migration)
G = TypeVar("G", Situation, Usage, Origin, Network, Plans, SelfHosted, Analysis, Migration)


def _plain(v: object) -> object:
    """Sets are tuples inside a Workload and lists in files and dicts."""
    return list(v) if isinstance(v, tuple) else v


# A dataclass collects inherited fields from the last base to the first, so the bases are listed
# in reverse for the fields to keep GROUPS' order.
@dataclass(frozen=True)
class Workload(Migration, Analysis, SelfHosted, Plans, Network, Origin, Usage, Situation):
    """A validated workload, however it is built: Workload(...), from_dict() (which also reads the
    strings of links and files), replace(). A value out of its bounds, an unknown choice or a pull mix
    that does not sum to 1 raises InputError naming every problem: no invalid scenario exists."""

    def __post_init__(self) -> None:
        problems = [p for name, spec in SPECS.items() if (p := _check(name, getattr(self, name), spec))]
        if not problems:
            share_problem = check_shares({k: getattr(self, k) for k in SHARE_FIELDS})
            if share_problem:
                problems.append(share_problem)
        if problems:
            raise InputError(problems)

    def to_dict(self, only_changed: bool = False) -> dict[str, Any]:
        d = {k: _plain(v) for k, v in asdict(self).items()}
        if only_changed:
            d = {k: v for k, v in d.items() if v != _plain(SPECS[k].default)}
        return d

    def replace(self, **changes: Any) -> Workload:
        """from_dict({**asdict(self), **changes}), without reading the unchanged fields again: they
        were checked when self was made, and coercing a checked value gives it back. Only the changes
        are coerced (in field order, so the problems read as from_dict's), then the pull mix. The
        pricing builds a workload per setup and per swept value (a recommendation some fifteen, the
        Break-even page's decision sweep hundreds): asdict's deep copy and 52 coercions each were a
        third of a recommendation's time (issue 29). tests/test_properties.py holds it to from_dict."""
        ordered = {k: changes[k] for k in SPECS if k in changes}
        ordered.update((k, v) for k, v in changes.items() if k not in SPECS)  # unknown: a problem, as there
        good, problems = coerce_fields(ordered)
        if problems:
            raise InputError(problems)
        new = object.__new__(Workload)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(good)
        if any(k in good for k in SHARE_FIELDS):
            share_problem = check_shares(new.__dict__)
            if share_problem:
                raise InputError([share_problem])
        return new

    def part(self, group: type[G]) -> G:
        """One group of the fields as its own typed object: w.part(Situation)."""
        return group(**{f.name: getattr(self, f.name) for f in fields(group)})


def _literal_choices(hint: object) -> tuple[str, ...]:
    """The values a Literal annotation allows (for a set field, tuple[Literal[...], ...]: its items')."""
    if get_origin(hint) is tuple:
        hint = get_args(hint)[0]
    return get_args(hint) if get_origin(hint) is Literal else ()


def _group_specs() -> dict[str, Spec]:
    out = {}
    for group in GROUPS:
        hints = get_type_hints(group)
        for f in fields(group):
            spec: Spec = f.metadata["spec"]
            choices = spec.choices or _literal_choices(hints[f.name])  # the region's come from the price book
            out[f.name] = replace(spec, group=group.GROUP, choices=choices)  # type: ignore[attr-defined]
    return out


SPECS: dict[str, Spec] = _group_specs()

NUMERIC = tuple(k for k, s in SPECS.items() if s.kind in ("float", "int") and s.group != "analysis" and not s.discrete)
# categorical fields that change a price; decision answers (but where the consumers run) and analysis
# settings do not, so sweeps ignore them
CATEGORICAL = tuple(
    k
    for k, s in SPECS.items()
    if (s.kind in ("choice", "bool") or s.discrete) and (s.priced or s.group not in ("decision", "analysis"))
)
PERCENT_FIELDS = tuple(k for k, s in SPECS.items() if s.percent)
SWEEPS: dict[str, Sweep] = {k: s.sweep for k, s in SPECS.items() if s.sweep is not None}


def in_section(section: str) -> list[str]:
    """The fields whose inputs a sidebar section draws, in order."""
    return sorted((k for k, s in SPECS.items() if s.section == section), key=lambda k: SPECS[k].place)


QUESTIONS = sorted((k for k, s in SPECS.items() if s.question), key=lambda k: SPECS[k].question)
COMPARED = sorted((k for k, s in SPECS.items() if s.compare), key=lambda k: SPECS[k].compare)


# a number as a person writes it in a link or file: ASCII digits only (float() would also take
# "１２３" and "٣"), an optional point and exponent, `_` between digits as in `1_000_000`
_DECIMAL = re.compile(
    r"[-+]?(?:[0-9]+(?:_[0-9]+)*(?:\.(?:[0-9]+(?:_[0-9]+)*)?)?|\.[0-9]+(?:_[0-9]+)*)(?:[eE][-+]?[0-9]+)?"
)


def _unit(spec: Spec) -> str:
    """ " MB" after a bound, or nothing."""
    return f" {spec.unit}" if spec.unit else ""


def _coerce(name: str, value: Any, spec: Spec) -> tuple[Any, str | None]:
    """Return (value, problem). Accepts what YAML gives; strings are for link parameters.
    A user's value is repeated in a problem only through quote(): as text, truncated."""
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value, None
        if isinstance(value, str) and value.lower() in ("true", "false", "1", "0", "yes", "no"):
            return value.lower() in ("true", "1", "yes"), None
        return None, _("{name}: must be true or false, got {value}").format(name=name, value=quote(value))
    if spec.kind == "text":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # YAML reads an account ID as a number
        if not isinstance(value, str) or not re.fullmatch(spec.pattern, value):
            return None, _("{name}: {value} is not a valid {label} (expected {pattern})").format(
                name=name, value=quote(value), label=spec.label.lower(), pattern=quote(spec.pattern)
            )
        return value, None
    if spec.kind == "set":
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)):
            return None, _("{name}: must be a list of {choices}, got {value}").format(
                name=name, choices=", ".join(spec.choices), value=quote(value)
            )
        items = [i.strip() if isinstance(i, str) else i for i in items if i != ""]
        bad = [i for i in items if i not in spec.choices]
        if bad:
            return None, _("{name}: unknown item(s) {items} (choose from {choices})").format(
                name=name, items=", ".join(quote(b, 30) for b in bad[:5]), choices=", ".join(spec.choices)
            )
        return tuple(c for c in spec.choices if c in items), None
    if spec.kind == "choice":
        if isinstance(value, str) and value in spec.choices:
            return value, None
        return None, _("{name}: must be one of {choices}, got {value}").format(
            name=name, choices=", ".join(spec.choices), value=quote(value)
        )
    # numbers
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None, _("{name}: must be a number, got {value}").format(name=name, value=quote(value))
    if isinstance(value, str):
        if not _DECIMAL.fullmatch(value.strip()):
            return None, _("{name}: must be a number written in digits 0-9, got {value}").format(
                name=name, value=quote(value)
            )
        value = float(value.strip())  # inf when too large for a float: named as too large below
    if isinstance(value, int) and not -1e300 < value < 1e300:
        value = math.inf if value > 0 else -math.inf  # float() would raise OverflowError on an int this big
    value = float(value)
    if math.isnan(value):
        return None, _("{name}: must be a number, got {value}").format(name=name, value=quote(value))
    if math.isinf(value):
        message = (
            _("{name}: the number is too large (must be from {min:g} to {max:g}{unit})")
            if value > 0
            else _("{name}: the number is too small (must be from {min:g} to {max:g}{unit})")
        )
        return None, message.format(name=name, min=spec.min, max=spec.max, unit=_unit(spec))
    if spec.kind == "int":
        if value != int(value):
            return None, _("{name}: must be a whole number, got {value}").format(name=name, value=quote(value))
        value = int(value)
    if spec.min is not None and value < spec.min:
        message = (
            _("{name}: {value:g} is negative (must be at least {min:g}{unit})")
            if value < 0
            else _("{name}: {value:g} is too small (must be at least {min:g}{unit})")
        )
        return None, message.format(name=name, value=value, min=spec.min, unit=_unit(spec))
    if spec.max is not None and value > spec.max:
        return None, _("{name}: {value:g} is too large (at most {max:g}{unit})").format(
            name=name, value=value, max=spec.max, unit=_unit(spec)
        )
    return value, None


def _check(name: str, value: object, spec: Spec) -> str | None:
    """A typed value's problem, or None: as _coerce, but a string is no number or truth value here
    (only links and files are read from text, by from_dict)."""
    kind = spec.kind
    if kind == "choice":  # the fast paths first: every Workload built (sweeps build thousands) checks every field
        if value in spec.choices:
            return None
    elif kind == "float" or kind == "int":
        if isinstance(value, (str, bool)) or not isinstance(value, (int, float)):
            return _("{name}: must be a number, got {value}").format(name=name, value=quote(value))
        if (
            (spec.min is None or value >= spec.min)
            and (spec.max is None or value <= spec.max)
            and (kind == "float" or value == int(value))
        ):
            return None
    elif kind == "bool":
        if isinstance(value, bool):
            return None
        return _("{name}: must be true or false, got {value}").format(name=name, value=quote(value))
    if spec.kind == "set" and not isinstance(value, (list, tuple)):
        return _("{name}: must be a list of {choices}, got {value}").format(
            name=name, choices=", ".join(spec.choices), value=quote(value)
        )
    return _coerce(name, value, spec)[1]


def coerce_fields(data: dict[str, Any], *, strict: bool = True) -> tuple[dict[str, Any], list[str]]:
    """Check each field on its own. Returns (good values, problems); never raises.

    Unknown fields are problems when strict. Callers that must keep every valid input (a link
    with one bad parameter) use the good values and show the problems.
    """
    good, problems = {}, []
    for name, value in data.items():
        spec = SPECS.get(name)
        if spec is None:
            if strict:
                problems.append(
                    _("{field}: unknown field (known fields: see `python -m lib fields`)").format(field=quote(name))
                )
            continue
        v, problem = _coerce(name, value, spec)
        if problem:
            problems.append(problem)
        else:
            good[name] = v
    return good, problems


def check_shares(values: dict[str, Any]) -> str | None:
    shares = [values[k] for k in SHARE_FIELDS]
    total = sum(shares)
    if abs(total - 1.0) > SHARE_TOLERANCE:
        parts = " + ".join(f"{k} {values[k]:g}" for k in SHARE_FIELDS)
        return _("pull mix: {parts} = {total:g}; the three shares must sum to 1").format(parts=parts, total=total)
    return None


def from_dict(data: dict[str, Any] | None) -> Workload:
    """Build a validated workload; a missing field takes its default, anything wrong raises
    InputError listing every problem found."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(_("a scenario must be a mapping of field: value, got {kind}").format(kind=type(data).__name__))
    good, problems = coerce_fields(data)
    values = {**{k: s.default for k, s in SPECS.items()}, **good}
    if not problems:
        share_problem = check_shares(values)
        if share_problem:
            problems.append(share_problem)
    if problems:
        raise InputError(problems)
    return Workload(**values)


def _fill_shares(values: dict[str, Any], given: set[str]) -> None:
    """Only some shares given (a hand-written link): the remainder goes to the first one missing."""
    missing = [k for k in SHARE_FIELDS if k not in given]
    if not missing or len(missing) == len(SHARE_FIELDS):
        return
    rest = 1.0 - sum(values[k] for k in SHARE_FIELDS if k in given)
    if 0.0 <= rest <= 1.0:
        for i, k in enumerate(missing):
            values[k] = rest if i == 0 else 0.0


def lenient(raw: dict[str, Any], base: Workload | None = None, label: str = "") -> tuple[Workload, list[str]]:
    """Apply what is valid in `raw` on top of `base`; name every problem instead of raising.

    For untrusted, partly wrong input (a hand-edited link, an uploaded file): one bad field
    must not lose the others. A pull mix that does not sum to 1 is dropped as a whole.
    """
    base = base or DEFAULT
    good, problems = coerce_fields(raw)
    problems = [f"{label}{p}" for p in problems]
    values = {**base.to_dict(), **good}
    _fill_shares(values, {k for k in good if k in SHARE_FIELDS})
    bad_mix = check_shares(values)
    if bad_mix:
        problems.append(label + _("{problem}; that pull mix was not used").format(problem=bad_mix))
        values.update({k: getattr(base, k) for k in SHARE_FIELDS})
    return from_dict(values), problems


DEFAULT = Workload()


def _priced_by(w: Workload) -> PricingInputs[float]:
    return w  # mypy: a Workload is pricing's input, with float numbers
