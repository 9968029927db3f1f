"""Preset scenarios: the scenario files in data/presets/. Their `name` and `description` carry
English and Korean ({en: ..., ko: ...}); the other fields are the scenario's, the same in both."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..core import i18n
from ..core.errors import InputError
from . import scenario
from .workload import Workload

PRESET_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "presets"
ORDER = ["worked-example", "doc-project", "startup-a", "midsize-b", "financial-c", "small", "medium", "large"]
SHOWN = ("name", "description")  # the informational fields a person reads: in the reader's language


@lru_cache(maxsize=1)
def _names() -> Mapping[str, object]:
    """id -> the file's name field as written (every language), in the document's order first
    (read-only: the cache shares it)."""
    ids = sorted((p.stem for p in PRESET_DIR.glob("*.yaml")), key=lambda i: (ORDER.index(i) if i in ORDER else 99, i))
    names = {
        i: scenario.parse_yaml(path.read_text(encoding="utf-8"), path.name).get("name", i)
        for i, path in ((i, PRESET_DIR / f"{i}.yaml") for i in ids)
    }
    return MappingProxyType({i: MappingProxyType(n) if isinstance(n, dict) else n for i, n in names.items()})


def available() -> dict[str, str]:
    """id -> display name in the reader's language, in the document's order first. (The cache holds
    every language's text and is read per call: a cached translation would leak across readers.)"""
    return {i: i18n.text(n) if isinstance(n, str | Mapping) else i for i, n in _names().items()}


def load(preset_id: str) -> tuple[Workload, dict[str, Any]]:
    """The preset's workload and its informational fields, name and description in the reader's language."""
    if preset_id not in _names():
        raise InputError(i18n._("no preset named {name!r}").format(name=preset_id))
    w, meta = scenario.load(PRESET_DIR / f"{preset_id}.yaml")
    return w, {k: i18n.text(v) if k in SHOWN and isinstance(v, (str, dict)) else v for k, v in meta.items()}
