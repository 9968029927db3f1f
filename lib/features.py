"""The feature matrix (data/features.yaml): load, validate, filter by requirements."""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import pandas as pd
import yaml

from . import registries
from .errors import DashboardError
from .workload import SPECS

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "features.yaml"
VALUES = ("yes", "partial", "no")


class FeatureMatrixError(DashboardError, ValueError):
    pass


def parse(doc: Any, path: str = "feature matrix") -> dict[str, Any]:
    feats = doc.get("features", {}) if isinstance(doc, dict) else {}
    if set(feats) != set(SPECS["required_features"].choices):
        raise FeatureMatrixError(f"{path}: 'features' must list exactly {', '.join(SPECS['required_features'].choices)}")
    regs = doc.get("registries", {})
    for rid in registries.IDS:
        if rid not in regs:
            raise FeatureMatrixError(f"{path}: registry {rid!r} is missing")
        for f in feats:
            cell = regs[rid].get(f)
            where = f"{path}: {rid}.{f}"
            if not isinstance(cell, dict):
                raise FeatureMatrixError(f"{where}: missing")
            # YAML 1.1 reads yes/no as booleans: accept them as the words
            raw = cell.get("value")
            v = {True: "yes", False: "no"}.get(raw, raw) if isinstance(raw, bool) else raw
            if v not in VALUES:
                raise FeatureMatrixError(f"{where}: value must be one of {', '.join(VALUES)}, got {cell.get('value')!r}")
            cell["value"] = v
            if not str(cell.get("source", "")).startswith("https://"):
                raise FeatureMatrixError(f"{where}: needs a source URL")
    return cast(dict[str, Any], doc)


@lru_cache(maxsize=2)
def load(path: str | Path = DEFAULT_PATH) -> dict[str, Any]:
    return parse(yaml.safe_load(Path(path).read_text(encoding="utf-8")), str(path))


def missing(required: Iterable[str], matrix: dict[str, Any] | None = None) -> dict[str, list[str]]:
    """Registry id -> the required features it lacks (only "yes" meets a requirement)."""
    m = matrix or load()
    return {rid: [m["features"][f] for f in required if m["registries"][rid][f]["value"] != "yes"]
            for rid in registries.IDS}


def document_table(matrix: dict[str, Any] | None = None) -> pd.DataFrame:
    m = matrix or load()
    rows = []
    for rid in registries.IDS:
        d = m["registries"][rid]["document"]
        rows.append({"registry": registries.NAMES[rid], "provider": d["provider"], "cost": d["cost"],
                     "aws_integration": d["aws_integration"], "usage": d["usage"], "recommended_for": d["recommended_for"]})
    return pd.DataFrame(rows)


def feature_table(matrix: dict[str, Any] | None = None) -> pd.DataFrame:
    """Registries x features, each cell 'yes: ...' / 'partial: ...' / 'no: ...' with its note
    (words, not symbols: they read the same with any font, in a screen reader and in a CSV)."""
    m = matrix or load()
    data = {m["features"][f]: [f"{m['registries'][r][f]['value']}: {m['registries'][r][f]['note']}"
                               for r in registries.IDS] for f in m["features"]}
    return pd.DataFrame(data, index=[registries.NAMES[r] for r in registries.IDS])


def label(feature_id: str) -> str:
    return str(load()["features"].get(feature_id, feature_id))
