"""One module per priced registry, each with ID, NAME, lines(w, q, p) and flags(w, q, p)."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from ..components import Flag, Line, Prices, Quantities
from ..i18n import _
from . import acr, dockerhub, ecr, gar, ghcr, harbor, nexus, s3


@runtime_checkable
class RegistryModule(Protocol):
    """What the engine needs of a registry module. `w` is a Workload, or in the vectorised path a
    namespace of the same fields with numpy arrays for the numbers."""

    ID: str
    NAME: str

    def lines(self, w: Any, q: Quantities, p: Prices) -> list[Line]: ...

    def flags(self, w: Any, q: Quantities, p: Prices) -> list[Flag]: ...


ALL: tuple[RegistryModule, ...] = (ecr, ghcr, dockerhub, harbor, gar, acr, nexus, s3)
BY_ID: dict[str, RegistryModule] = {m.ID: m for m in ALL}
IDS = tuple(BY_ID)
NAMES = {m.ID: m.NAME for m in ALL}  # English, the ids' stable names; shown through name()


def name(registry_id: str) -> str:
    """A registry's name in the reader's language ("Harbor (self-hosted)", "Harbor (자체 호스팅)")."""
    return _(NAMES[registry_id])
