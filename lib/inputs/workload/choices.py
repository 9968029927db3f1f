"""Every choice a scenario offers, as a Literal type: a misspelt value fails `mypy --strict`, and each
field's Spec.choices are read from its annotation (written once)."""

from __future__ import annotations

from typing import Literal, get_args

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
