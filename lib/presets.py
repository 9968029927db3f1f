"""Preset scenarios: the scenario files in data/presets/."""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import scenario
from .workload import Workload

PRESET_DIR = Path(__file__).resolve().parent.parent / "data" / "presets"
ORDER = ["worked-example", "doc-project", "startup-a", "midsize-b", "financial-c", "small", "medium", "large"]


@lru_cache(maxsize=1)
def available() -> Mapping[str, str]:
    """id -> display name, in the document's order first (read-only: the cache shares it)."""
    ids = sorted((p.stem for p in PRESET_DIR.glob("*.yaml")), key=lambda i: (ORDER.index(i) if i in ORDER else 99, i))
    return MappingProxyType({i: scenario.parse_yaml(path.read_text(), path.name).get("name", i)
                             for i, path in ((i, PRESET_DIR / f"{i}.yaml") for i in ids)})


def load(preset_id: str) -> tuple[Workload, dict[str, Any]]:
    if preset_id not in available():
        from .errors import InputError
        raise InputError(f"no preset named {preset_id!r}")
    return scenario.load(PRESET_DIR / f"{preset_id}.yaml")
