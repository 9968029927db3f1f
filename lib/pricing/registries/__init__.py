"""One module per priced registry, each with SPEC (its identity: lib/pricing/registries/spec.py) and the
pricing rules lines(w, q, p) and flags(w, q, p). Every table about registries is derived here."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ...core.i18n import _
from ...inputs.workload import REGISTRY_IDS, Workload
from ..components import Flag, Inputs, Line, Prices, Quantities
from . import acr, dockerhub, ecr, gar, ghcr, harbor, nexus, s3
from .spec import Cloud, RegistrySpec


@runtime_checkable
class RegistryModule(Protocol):
    """What the engine needs of a registry module: its identity, and its pricing rules. Lines are
    priced for one Workload, or in the vectorised path for many (numbers as numpy arrays); flags
    always for one Workload."""

    SPEC: RegistrySpec

    def lines(self, w: Inputs, q: Quantities, p: Prices) -> list[Line]: ...

    def flags(self, w: Workload, q: Quantities, p: Prices) -> list[Flag]: ...


ALL: tuple[RegistryModule, ...] = (ecr, ghcr, dockerhub, harbor, gar, acr, nexus, s3)
BY_ID: dict[str, RegistryModule] = {m.SPEC.id: m for m in ALL}
IDS: tuple[str, ...] = tuple(m.SPEC.id for m in ALL)
if IDS != REGISTRY_IDS:  # the scenario's migration fields name the same registries, in the same order
    raise ImportError(f"lib/registries has {IDS}, lib/workload.RegistryId {REGISTRY_IDS}")
SPECS: dict[str, RegistrySpec] = {m.SPEC.id: m.SPEC for m in ALL}
NAMES = {rid: s.name for rid, s in SPECS.items()}  # English, the ids' stable names; shown through name()
# a cloud's own registry -> that cloud (the decision tree: no runner-up for workloads in another cloud)
HOME_CLOUD: dict[str, Cloud] = {rid: s.home_cloud for rid, s in SPECS.items() if s.clouds_own and s.home_cloud}


def name(registry_id: str) -> str:
    """A registry's name in the reader's language ("Harbor (self-hosted)", "Harbor (자체 호스팅)")."""
    return _(NAMES[registry_id])
