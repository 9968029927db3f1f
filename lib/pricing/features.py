"""The feature matrix (data/features.yaml): load, validate, filter by requirements.

`load()` is cached: it returns a frozen `Matrix` (frozen dataclasses, read-only mappings), so no
caller can change what the next one reads. Its words keep both languages (`{en: ..., ko: ...}`);
the functions here read them in the language of the run (`i18n.text`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pandas as pd
import yaml

from ..core.errors import DashboardError
from ..core.frozen import is_text
from ..core.i18n import N_, _, text
from ..inputs.workload import SPECS, Workload
from . import registries
from .consumers import consumers_cloud

DEFAULT_PATH = Path(__file__).resolve().parent.parent.parent / "data" / "features.yaml"
VALUES = ("yes", "partial", "no")
VALUE_WORDS = {"yes": N_("yes"), "partial": N_("partial"), "no": N_("no")}  # a cell's value, in words
RATINGS = ("provider", "cost", "aws_integration", "usage", "recommended_for")  # the comparison's own table


class FeatureMatrixError(DashboardError, ValueError):
    pass


Text = str | Mapping[str, str]  # one text in both languages ({en, ko}), or a plain string (a name)


def _text(value: Any, where: str) -> Text:
    """A text kept whole (both languages, read-only) or the plain string; anything else is an error."""
    if isinstance(value, str):
        return value
    if is_text(value) and all(v.strip() for v in value.values()):
        return MappingProxyType(dict(value))
    raise FeatureMatrixError(
        _("{where}: must be text, or text in both languages {{en: ..., ko: ...}}; got {value}").format(
            where=where, value=repr(value)
        )
    )


@dataclass(frozen=True)
class Cell:
    value: str  # one of VALUES: only "yes" meets a requirement
    note: Text
    source: str  # https URL


@dataclass(frozen=True)
class Rating:
    """A registry's row in the comparison's own table (ratings out of 5)."""

    provider: str  # a name
    cost: Text
    aws_integration: int
    usage: int
    recommended_for: Text


@dataclass(frozen=True)
class Matrix:
    features: Mapping[str, Text]  # feature id -> its name, in the file's order
    registries: Mapping[str, Mapping[str, Cell]]  # registry id -> feature id -> cell
    documents: Mapping[str, Rating]  # registry id -> the comparison's ratings


def _cell(cell: Any, where: str) -> Cell:
    if not isinstance(cell, dict):
        raise FeatureMatrixError(_("{where}: missing").format(where=where))
    # YAML 1.1 reads yes/no as booleans: accept them as the words
    raw = cell.get("value")
    v = {True: "yes", False: "no"}.get(raw, raw) if isinstance(raw, bool) else raw
    if v not in VALUES:
        raise FeatureMatrixError(
            _("{where}: value must be one of {choices}, got {value}").format(
                where=where, choices=", ".join(VALUES), value=repr(cell.get("value"))
            )
        )
    if not str(cell.get("source", "")).startswith("https://"):
        raise FeatureMatrixError(_("{where}: needs a source URL").format(where=where))
    return Cell(v, _text(cell.get("note", ""), f"{where}.note"), cell["source"])


def _rating(doc: Any, where: str) -> Rating:
    missing = [k for k in RATINGS if not isinstance(doc, dict) or k not in doc]
    if missing:
        raise FeatureMatrixError(_("{where}: missing {missing}").format(where=where, missing=", ".join(missing)))
    return Rating(
        str(doc["provider"]),
        _text(doc["cost"], f"{where}.cost"),
        doc["aws_integration"],
        doc["usage"],
        _text(doc["recommended_for"], f"{where}.recommended_for"),
    )


def parse(doc: Any, path: str = "feature matrix") -> Matrix:
    feats = doc.get("features", {}) if isinstance(doc, dict) else {}
    if not isinstance(feats, dict) or set(feats) != set(SPECS["required_features"].choices):
        raise FeatureMatrixError(
            _("{path}: 'features' must list exactly {features}").format(
                path=path, features=", ".join(SPECS["required_features"].choices)
            )
        )
    regs = doc.get("registries") or {}
    cells: dict[str, Mapping[str, Cell]] = {}
    for rid in registries.IDS:
        if not isinstance(regs.get(rid), dict):
            raise FeatureMatrixError(_("{path}: registry {registry} is missing").format(path=path, registry=repr(rid)))
        cells[rid] = MappingProxyType({f: _cell(regs[rid].get(f), f"{path}: {rid}.{f}") for f in feats})
    documents = {rid: _rating(regs[rid].get("document"), f"{path}: {rid}.document") for rid in registries.IDS}
    names = {f: _text(name, f"{path}: features.{f}") for f, name in feats.items()}
    return Matrix(MappingProxyType(names), MappingProxyType(cells), MappingProxyType(documents))


@lru_cache(maxsize=2)
def load(path: str | Path = DEFAULT_PATH) -> Matrix:
    return parse(yaml.safe_load(Path(path).read_text(encoding="utf-8")), str(path))


# A private network endpoint serves workloads inside the network it is made in: a cloud's registry offers one
# inside its own cloud (a Google Artifact Registry endpoint is a Google VPC's; from AWS its pulls go out to the
# internet all the same), a self-hosted registry runs in the workloads' own network (eighth Korean review:
# GAR counted as having the private endpoint an AWS workload required)
IN_OWN_CLOUD = frozenset({"private_endpoint"})


@dataclass(frozen=True)
class Unmet:
    """The required features a registry does not meet for a workload: none at all (lacking), only in part in
    the setup priced (partial), or only inside its own cloud, another than the workloads' (elsewhere)."""

    lacking: tuple[str, ...] = ()
    partial: tuple[str, ...] = ()
    elsewhere: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.lacking or self.partial or self.elsewhere)

    def features(self) -> tuple[str, ...]:
        return self.lacking + self.partial + self.elsewhere


def unmet(w: Workload, matrix: Matrix | None = None) -> dict[str, Unmet]:
    """Registry id -> the required features it does not meet for `w` (the decision's hard requirement)."""
    m = matrix or load()
    where = consumers_cloud(w)
    out: dict[str, Unmet] = {}
    for rid in registries.IDS:
        spec, full = registries.SPECS[rid], registries.SPECS[rid].in_full(w)
        lacking: list[str] = []
        partial: list[str] = []
        elsewhere: list[str] = []
        for f in w.required_features:
            value = m.registries[rid][f].value
            if value == "no":
                lacking.append(f)
            elif f in IN_OWN_CLOUD and spec.home_cloud is not None and spec.home_cloud != where:
                elsewhere.append(f)
            elif value == "partial" and f not in full:
                partial.append(f)
        out[rid] = Unmet(tuple(lacking), tuple(partial), tuple(elsewhere))
    return out


def unmet_names(w: Workload, matrix: Matrix | None = None) -> dict[str, list[str]]:
    """Registry id -> the required features it does not meet for `w`, named: what the charts mark ✗."""
    m = matrix or load()
    return {rid: [text(m.features[f]) for f in u.features()] for rid, u in unmet(w, m).items()}


def missing(required: Iterable[str], matrix: Matrix | None = None) -> dict[str, list[str]]:
    """Registry id -> the required features it lacks (only "yes" meets a requirement)."""
    m = matrix or load()
    required = list(required)
    return {
        rid: [text(m.features[f]) for f in required if m.registries[rid][f].value != "yes"] for rid in registries.IDS
    }


def document_table(matrix: Matrix | None = None) -> pd.DataFrame:
    m = matrix or load()
    rows = []
    for rid in registries.IDS:
        d = m.documents[rid]
        rows.append(
            {
                "registry": registries.name(rid),
                "provider": d.provider,
                "cost": text(d.cost),
                "aws_integration": d.aws_integration,
                "usage": d.usage,
                "recommended_for": text(d.recommended_for),
            }
        )
    return pd.DataFrame(rows)


def feature_table(matrix: Matrix | None = None) -> pd.DataFrame:
    """Registries x features, each cell 'yes: ...' / 'partial: ...' / 'no: ...' with its note
    (words, not symbols: they read the same with any font, in a screen reader and in a CSV)."""
    m = matrix or load()
    data = {
        text(name): [
            _("{value}: {note}").format(
                value=_(VALUE_WORDS[m.registries[r][f].value]), note=text(m.registries[r][f].note)
            )
            for r in registries.IDS
        ]
        for f, name in m.features.items()
    }
    return pd.DataFrame(data, index=[registries.name(r) for r in registries.IDS])


def label(feature_id: str) -> str:
    """A feature's name in the run's language (its id when the matrix has no such feature)."""
    return text(load().features.get(feature_id, feature_id))
