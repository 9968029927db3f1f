"""Read-only copies of parsed documents, for the loaders that cache them.

A cached loader hands every caller the same object: if one caller could change it, the next
caller would read the change. A frozen document cannot be changed: mappings become read-only
views of private copies, lists become tuples (all the way down).
"""
from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any


def freeze(value: Any) -> Any:
    """A deep read-only copy: dict -> MappingProxyType, list/tuple -> tuple, set -> frozenset."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    if isinstance(value, set | frozenset):
        return frozenset(freeze(v) for v in value)
    return value

