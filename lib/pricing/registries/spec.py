"""A registry's identity, written once in its own module: every table that used to list registries
(setups, colours, chart dashes and symbols, short names, the feature matrix's headers, the price
book's vendor names, migration facts, the decision tree's home clouds) is derived from these specs.

A spec is typed and frozen: a misspelt cloud, dash or marker fails `mypy --strict`, and no caller
can change a registry's identity at run time."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from ...inputs.workload import SPECS, RegistryId, Workload
from ..consumers import consumers_cloud

Cloud = Literal["aws", "gcp", "azure"]
# where a registry's bytes leave from, for one workload: a cloud, the company's own data centre,
# or nowhere billed (a global service that never bills egress by cloud)
Origin = Literal["aws", "gcp", "azure", "on_prem"] | None
Dash = Literal["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"]
Symbol = Literal["circle", "square", "diamond", "triangle-up", "triangle-down", "x", "cross", "star"]
# the fields that choose how a registry is run, and their values worth pricing for this workload
Options = Mapping[str, tuple[str, ...]]


def no_setups(w: Workload) -> Options:
    """A registry run one way only."""
    return {}


def nothing_in_full(w: Workload) -> frozenset[str]:
    """No feature rated ◐ (partial) that this registry's priced setup has in full."""
    return frozenset()


@dataclass(frozen=True)
class ChartIdentity:
    """How a registry looks in every picture: the app's charts, exported images, the deck's charts."""

    colour: str  # Okabe-Ito (safe for the common colour-vision deficiencies); grey for the S3 baseline
    dash: Dash  # line charts: dash and marker tell registries apart without colour
    symbol: Symbol
    short: str  # a line's end label; English message id where it is words ("S3 baseline"), else a product name


@dataclass(frozen=True)
class RegistrySpec:
    """Everything about a registry that is not a pricing rule."""

    id: RegistryId
    name: str  # English message id (or a product name): shown through registries.name()
    vendor: str  # the price book's vendor, naming its entries on the About page ("GitHub (GHCR): Storage")
    # the feature matrix's column header; differs from chart.short for ECR and ACR ("Amazon ECR" and
    # "Azure CR" there, "ECR" and "ACR" at a line's end): both are kept, as each surface showed them
    matrix_name: str
    home_cloud: Cloud | None  # the cloud it runs in and bills egress from; None: self-hosted or global
    self_hosted: bool  # runs on the consumers' own hosts (in their cloud), set up once (data/onetime.yaml)
    clouds_own: bool  # a cloud's own registry: no runner-up for workloads that run in another cloud
    chart: ChartIdentity
    setups: Callable[[Workload], Options] = no_setups  # the other ways to run it (lib/pricing/setups.py)
    # the features the matrix rates ◐ (a tier, an add-on) that the setup priced for `w` has in full: ACR's
    # private endpoint on Premium
    in_full: Callable[[Workload], frozenset[str]] = nothing_in_full

    def origin(self, w: Workload) -> Origin:
        """Where this registry's bytes leave from for workload `w`: its cloud; for a self-hosted one,
        the consumers' (hosted where they run, as its lines price it); None for a global service."""
        if self.home_cloud is not None:
            return self.home_cloud
        return consumers_cloud(w) if self.self_hosted else None


def others(w: Workload, field: str, current: str, skip: tuple[str, ...] = ("auto",)) -> tuple[str, ...]:
    """A choice field's values other than `current` (and than `skip`), in the order the field lists them."""
    return tuple(v for v in SPECS[field].choices if v != current and v not in skip)
