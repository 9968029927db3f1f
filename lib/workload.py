"""The workload a user describes: field names, defaults, bounds and validation.

Field names are a contract: scenario files and share links use them as they are. Defaults are
the source document's scenario (one 500 MB image, 10 versions, 1,000 pulls a month).
"""
from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field, make_dataclass
from typing import TYPE_CHECKING, Any

from .errors import (
    InputError,
    quote,  # every user value in a problem goes through it
)
from .regions import book_regions

SHARE_FIELDS = ("same_region_share", "cross_region_share", "internet_share")
SHARE_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Spec:
    """How one field is typed, bounded and shown. `max` is a sanity bound, not a price fact."""
    kind: str  # "float", "int", "choice", "bool", "set" (a subset of choices), "text" (matches pattern)
    default: object
    label: str
    help: str = ""
    min: float | None = None
    max: float | None = None
    choices: tuple = ()
    unit: str = ""
    group: str = "workload"
    pattern: str = ""  # for text fields: a full-match regular expression
    discrete: bool = False  # a whole number that changes which components exist: grouped on, like a choice
    priced: bool = False  # a decision answer that also changes prices (where the consumers run)


SPECS: dict[str, Spec] = {
    # ---- the situation: answers to the decision tree's questions (they do not change costs)
    "runs_on": Spec("choice", "aws", "Where workloads run", "The platform the consumers of the images run on, in the chosen region. "
                    "A registry on another cloud bills internet egress for every pull; multi-cloud is priced as AWS consumers "
                    "(count pulls from your other clouds as internet pulls).",
                    choices=("aws", "gcp", "azure", "on_prem", "multi_cloud"), group="decision", priced=True),
    "ci": Spec("choice", "github_actions", "CI system", "What builds and pushes the images.",
               choices=("github_actions", "gitlab", "jenkins", "other"), group="decision"),
    "lifetime": Spec("choice", "production", "How long it lives", "demo: a few days; production: long-term.",
                     choices=("demo", "production"), group="decision"),
    "priority": Spec("choice", "auto", "What comes first", "cost: lowest cost and fastest setup; integration: cloud integration and security; auto: cost for a demo, integration in production.",
                     choices=("auto", "cost", "integration"), group="decision"),
    "private_network_only": Spec("bool", False, "Access only from a private network", "Images may be pulled only from inside the VPC / private network.", group="decision"),
    "aws_only": Spec("bool", False, "AWS-only environment", "Builds, deploys and consumers all stay inside AWS.", group="decision"),
    "avoid_cloud_iam": Spec("bool", False, "Avoid cloud IAM setup", "Speed of setup first: no IAM roles or policies to write.", group="decision"),
    "compliance": Spec("set", (), "Compliance needs", "What policy makes mandatory.",
                       choices=("audit_logs", "signing", "scanning", "no_external_services", "team_isolation"), group="decision"),
    # ---- what is stored and pulled
    "image_size_mb": Spec("float", 500.0, "Image size", "Compressed size of one image version.", 1, 20_000, unit="MB"),
    "repositories": Spec("int", 1, "Repositories", "Distinct images.", 1, 1_000_000),
    "versions_kept": Spec("int", 10, "Versions kept", "Versions retained per image after lifecycle clean-up.", 1, 1_000),
    "shared_layer_fraction": Spec("float", 0.0, "Shared layers", "Share of an image's bytes in layers unchanged between versions (base OS, dependencies).", 0, 1),
    "pulls_per_month": Spec("float", 1000.0, "Pulls a month", "Image pulls by all consumers.", 0, 1e12),
    "layer_cache_hit": Spec("float", 0.0, "Layer cache hit", "Share of pulled bytes already on the pulling node.", 0, 1),
    # ---- where pulls come from (sum to 1)
    "same_region_share": Spec("float", 1.0, "Same-region pulls", "Pulls by workloads in the chosen region (where the registry is assumed to be).", 0, 1, group="origin"),
    "cross_region_share": Spec("float", 0.0, "Cross-region pulls", "Pulls by workloads in another region of the same cloud.", 0, 1, group="origin"),
    "internet_share": Spec("float", 0.0, "Internet pulls", "Pulls from outside the workloads' cloud (laptops, customers, other clouds).", 0, 1, group="origin"),
    # ---- network and account
    "visibility": Spec("choice", "private", "Visibility", "Public or private images.", choices=("private", "public"), group="network"),
    "network": Spec("choice", "public", "Network path", "public: no NAT; nat: private subnets through a NAT gateway; endpoints: ECR through interface endpoints, external registries still through NAT.", choices=("public", "nat", "endpoints"), group="network"),
    "availability_zones": Spec("int", 2, "Availability zones", "AZs that need an interface endpoint; also spreads in-VPC pulls across AZs.", 1, 6, group="network"),
    "nat_gateways": Spec("int", 1, "NAT gateways", "NAT gateways on the pull path (the document counts one).", 1, 6, group="network"),
    "team_seats": Spec("int", 10, "Team seats", "Users needing registry accounts (per-seat plans).", 1, 1_000_000, group="network"),
    "region": Spec("choice", "us-east-1", "Region", "AWS region whose prices apply; Azure and Google Cloud use their nearest region.",
                   choices=book_regions(), group="network"),  # the price book's regions (data/prices.yaml)
    # ---- plans and billing modes
    "ghcr_billing": Spec("choice", "free", "GHCR billing", "free: GitHub's policy today; storage: storage billed at the Packages price (the document's assumption); full: storage and transfer at list price.", choices=("free", "storage", "full"), group="plans"),
    "github_plan": Spec("choice", "free", "GitHub plan", "Sets GHCR's included storage and transfer when billed.", choices=("free", "pro", "team", "enterprise"), group="plans"),
    "dockerhub_plan": Spec("choice", "auto", "Docker Hub plan", "auto: Personal for public images, Pro for one private user, Team per seat otherwise.", choices=("auto", "personal", "pro", "team", "business"), group="plans"),
    "acr_tier": Spec("choice", "auto", "ACR tier", "auto: Premium when a private endpoint is needed, else Basic.", choices=("auto", "basic", "standard", "premium"), group="plans"),
    "scanning": Spec("choice", "none", "Vulnerability scanning", "none, basic (free where offered) or enhanced (paid per image).", choices=("none", "basic", "enhanced"), group="plans"),
    "pushes_per_month": Spec("float", 10.0, "Pushes a month", "New image versions pushed (each is scanned once).", 0, 1e9, group="plans"),
    "rescans_per_month": Spec("float", 0.0, "Rescans a month", "Enhanced-scanning rescans of stored images.", 0, 1e9, group="plans"),
    "replica_regions": Spec("int", 0, "Replica regions", "Extra regions every image is replicated to (ECR replication, ACR geo-replication, Harbor/Nexus replicas).", 0, 10, group="plans", discrete=True),
    "ecr_public_authenticated_share": Spec("float", 0.0, "ECR Public: authenticated pulls", "Share of internet pulls from ECR Public made with AWS credentials (5 TB a month free, then billed); anonymous pulls are free up to 500 GB a month, then throttled.", 0, 1, group="plans"),
    "github_actions_pull_share": Spec("float", 0.0, "GHCR: pulls by GitHub Actions", "Share of pulls made by GitHub Actions with GITHUB_TOKEN: GitHub does not bill their transfer.", 0, 1, group="plans"),
    "ecr_free_tier": Spec("bool", False, "ECR free tier", "500 MB-month of private storage for new accounts.", group="plans"),
    "egress_free_tier": Spec("bool", False, "Egress free tier", "First 100 GB a month of internet egress free (AWS, Azure; account-wide).", group="plans"),
    # ---- self-hosted (Harbor, Nexus) and the S3 baseline
    "selfhosted_nodes": Spec("int", 1, "Self-hosted nodes", "Instances of 4 vCPU / 8 GB (Harbor's recommended size).", 1, 100, group="selfhosted"),
    "node_disk_gb": Spec("float", 160.0, "Node disk", "Block storage per node (Harbor recommends 160 GB).", 0, 100_000, unit="GB", group="selfhosted"),
    "ops_hours_per_month": Spec("float", 4.0, "Operations hours a month", "Upgrades, backups, certificates, on-call for a self-hosted registry.", 0, 100_000, group="selfhosted"),
    "engineer_hourly_rate": Spec("float", 75.0, "Engineer hourly rate", "Loaded cost of an engineer hour (an assumption: set your own).", 0, 10_000, unit="USD/h", group="selfhosted"),
    "nexus_licence_monthly": Spec("float", 0.0, "Nexus Pro licence", "Your quoted Nexus Pro price a month; 0 means Community Edition.", 0, 10_000_000, unit="USD/month", group="selfhosted"),
    "s3_manual_hours_per_month": Spec("float", 0.0, "S3 manual hours a month", "docker save / aws s3 cp / docker load by hand.", 0, 100_000, group="selfhosted"),
    # ---- analysis pages (they do not change this month's costs)
    "sweep_field": Spec("choice", "pulls_per_month", "Input to sweep", "The input the sensitivity chart varies.",
                        choices=("pulls_per_month", "image_size_mb", "versions_kept", "team_seats", "cross_region_share"), group="analysis"),
    "horizon_months": Spec("int", 12, "Horizon", "Months of cost over time.", 1, 60, unit="months", group="analysis"),
    "monthly_growth": Spec("float", 0.0, "Monthly growth", "Growth per month of pulls and stored versions (0.05 = 5 %).", 0, 1, group="analysis"),
    "required_features": Spec("set", (), "Required features", "Features a registry must have (feature matrix); registries without them are marked.",
                              choices=("iam_oidc", "private_endpoint", "scanning", "signing", "lifecycle", "replication", "rbac",
                                       "audit_logs", "pull_through_cache", "no_pull_rate_limit", "oci_artifacts"), group="analysis"),
    "migrate_from": Spec("choice", "ghcr", "Migrate from", "The registry images are in today.",
                         choices=("ecr", "ghcr", "dockerhub", "harbor", "gar", "acr", "nexus", "s3"), group="analysis"),
    "migrate_to": Spec("choice", "ecr", "Migrate to", "The registry to move to.",
                       choices=("ecr", "ghcr", "dockerhub", "harbor", "gar", "acr", "nexus", "s3"), group="analysis"),
    "deploy_platform": Spec("choice", "ec2", "Where the images are deployed", "Sets the deployment steps of the migration plan.",
                            choices=("ec2", "ecs", "eks", "kubernetes", "other"), group="analysis"),
    "aws_account": Spec("text", "123456789012", "AWS account ID", "Used to fill in the migration commands.", group="analysis", pattern=r"[0-9]{12}"),
    "owner": Spec("text", "my-org", "Owner / organisation / project", "GitHub owner, Docker Hub namespace, GCP project or Harbor project.",
                  group="analysis", pattern=r"[A-Za-z0-9][A-Za-z0-9._-]{0,62}"),
    "repository_name": Spec("text", "simple-api", "Repository name", "The image repository to migrate.",
                            group="analysis", pattern=r"[a-z0-9][a-z0-9._/-]{0,127}"),
}

NUMERIC = tuple(k for k, s in SPECS.items() if s.kind in ("float", "int") and s.group != "analysis" and not s.discrete)
# categorical fields that change a price; decision answers (but where the consumers run) and analysis
# settings do not, so sweeps ignore them
CATEGORICAL = tuple(k for k, s in SPECS.items()
                    if (s.kind in ("choice", "bool") or s.discrete) and (s.priced or s.group not in ("decision", "analysis")))


_PY_TYPES = {"float": float, "int": int, "choice": str, "bool": bool, "set": tuple, "text": str}


def _plain(v):
    """Sets are tuples inside a Workload and lists in files and dicts."""
    return list(v) if isinstance(v, tuple) else v


def _to_dict(self, only_changed: bool = False) -> dict:
    d = {k: _plain(v) for k, v in asdict(self).items()}
    if only_changed:
        d = {k: v for k, v in d.items() if v != _plain(SPECS[k].default)}
    return d


def _replace(self, **changes):
    return from_dict({**asdict(self), **changes})


# Generated from SPECS so a field's name, type and default are written once.
if TYPE_CHECKING:
    class Workload:
        """What type checkers see until the fields are written out as typed groups (issue 19): the
        fields come from SPECS, so each is Any to a checker; the methods are the real ones."""
        def __init__(self, **fields: Any) -> None: ...
        def __getattr__(self, name: str) -> Any: ...
        def to_dict(self, only_changed: bool = False) -> dict[str, Any]: ...
        def replace(self, **changes: Any) -> Workload: ...
else:
    Workload = make_dataclass(
        "Workload",
        [(name, _PY_TYPES[s.kind], field(default=s.default)) for name, s in SPECS.items()],
        frozen=True,
        namespace={"to_dict": _to_dict, "replace": _replace,
                   "__doc__": "A validated workload; build it with from_dict()."},
    )


# a number as a person writes it in a link or file: ASCII digits only (float() would also take
# "１２３" and "٣"), an optional point and exponent, `_` between digits as in `1_000_000`
_DECIMAL = re.compile(r"[-+]?(?:[0-9]+(?:_[0-9]+)*(?:\.(?:[0-9]+(?:_[0-9]+)*)?)?|\.[0-9]+(?:_[0-9]+)*)(?:[eE][-+]?[0-9]+)?")


def _range(spec: Spec) -> str:
    unit = f" {spec.unit}" if spec.unit else ""
    return f"from {spec.min:g} to {spec.max:g}{unit}"


def _coerce(name: str, value: Any, spec: Spec) -> tuple[Any, str | None]:
    """Return (value, problem). Accepts what YAML gives; strings are for link parameters.
    A user's value is repeated in a problem only through quote(): as text, truncated."""
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value, None
        if isinstance(value, str) and value.lower() in ("true", "false", "1", "0", "yes", "no"):
            return value.lower() in ("true", "1", "yes"), None
        return None, f"{name}: must be true or false, got {quote(value)}"
    if spec.kind == "text":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # YAML reads an account ID as a number
        if not isinstance(value, str) or not re.fullmatch(spec.pattern, value):
            return None, f"{name}: {quote(value)} is not a valid {spec.label.lower()} (expected {quote(spec.pattern)})"
        return value, None
    if spec.kind == "set":
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)):
            return None, f"{name}: must be a list of {', '.join(spec.choices)}, got {quote(value)}"
        items = [i.strip() if isinstance(i, str) else i for i in items if i != ""]
        bad = [i for i in items if i not in spec.choices]
        if bad:
            return None, f"{name}: unknown item(s) {', '.join(quote(b, 30) for b in bad[:5])} (choose from {', '.join(spec.choices)})"
        return tuple(c for c in spec.choices if c in items), None
    if spec.kind == "choice":
        if isinstance(value, str) and value in spec.choices:
            return value, None
        return None, f"{name}: must be one of {', '.join(spec.choices)}, got {quote(value)}"
    # numbers
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None, f"{name}: must be a number, got {quote(value)}"
    if isinstance(value, str):
        if not _DECIMAL.fullmatch(value.strip()):
            return None, f"{name}: must be a number written in digits 0-9, got {quote(value)}"
        value = float(value.strip())  # inf when too large for a float: named as too large below
    if isinstance(value, int) and not -1e300 < value < 1e300:
        value = math.inf if value > 0 else -math.inf  # float() would raise OverflowError on an int this big
    value = float(value)
    if math.isnan(value):
        return None, f"{name}: must be a number, got {quote(value)}"
    if math.isinf(value):
        return None, f"{name}: the number is too {'large' if value > 0 else 'small'} (must be {_range(spec)})"
    if spec.kind == "int":
        if value != int(value):
            return None, f"{name}: must be a whole number, got {quote(value)}"
        value = int(value)
    if spec.min is not None and value < spec.min:
        what = "negative" if value < 0 else "too small"
        return None, f"{name}: {value:g} is {what} (must be at least {spec.min:g}{' ' + spec.unit if spec.unit else ''})"
    if spec.max is not None and value > spec.max:
        return None, f"{name}: {value:g} is too large (at most {spec.max:g}{' ' + spec.unit if spec.unit else ''})"
    return value, None


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
                problems.append(f"{quote(name)}: unknown field (known fields: see `python -m lib fields`)")
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
        return f"pull mix: {parts} = {total:g}; the three shares must sum to 1"
    return None


def from_dict(data: dict[str, Any] | None) -> Workload:
    """Build a validated workload; a missing field takes its default, anything wrong raises
    InputError listing every problem found."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"a scenario must be a mapping of field: value, got {type(data).__name__}")
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
        problems.append(f"{label}{bad_mix}; that pull mix was not used")
        values.update({k: getattr(base, k) for k in SHARE_FIELDS})
    return from_dict(values), problems


DEFAULT = Workload()
