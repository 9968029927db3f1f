"""Where a region's prices come from: AWS regions, and the nearest Azure and Google Cloud regions.

The price book is keyed by AWS region. Azure and Google Cloud figures for an AWS region are
read at the nearest region of that cloud (data/region_map.yaml), and the page says which.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import yaml

from .errors import PriceBookError

MAP_PATH = Path(__file__).resolve().parent.parent / "data" / "region_map.yaml"


@dataclass(frozen=True)
class RegionMatch:
    aws: str
    name: str
    azure: str
    azure_name: str
    gcp: str
    gcp_name: str


@lru_cache(maxsize=4)
def load(path: str | Path = MAP_PATH) -> Mapping[str, RegionMatch]:
    try:
        doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise PriceBookError(f"{path}: cannot read the region map ({e})") from None
    out: dict[str, RegionMatch] = {}
    for region, m in (doc or {}).get("aws", {}).items():
        missing = [f for f in ("name", "azure", "gcp") if not (isinstance(m, dict) and m.get(f))]
        if missing:
            raise PriceBookError(f"{path}: region '{region}' lacks {', '.join(missing)}")
        out[region] = RegionMatch(region, m["name"], m["azure"], doc.get("azure_names", {}).get(m["azure"], m["azure"]),
                                  m["gcp"], doc.get("gcp_names", {}).get(m["gcp"], m["gcp"]))
    return MappingProxyType(out)  # read-only: the cache hands every caller the same map


def match(region: str) -> RegionMatch | None:
    return load().get(region)


def other_clouds_note(region: str) -> str:
    """One sentence for the page: which Azure and Google Cloud regions price this AWS region."""
    m = match(region)
    if m is None:
        return ""
    return (f"Azure is priced at {m.azure_name} ({m.azure}) and Google Cloud at {m.gcp_name} ({m.gcp}), "
            f"the nearest regions of those clouds to {m.name}.")


def book_regions(path: str | Path | None = None) -> tuple[str, ...]:
    """The regions users can pick: the current price book's, in its order. A book that cannot be
    read offers its first region only; the app shows the book's own error when it loads it."""
    from . import pricebook
    try:
        return tuple(pricebook.load(path or pricebook.DEFAULT_PATH).regions)
    except PriceBookError:
        return ("us-east-1",)


def label(region: str) -> str:
    """'Asia Pacific (Seoul) · ap-northeast-2' for a selectbox."""
    m = match(region)
    return f"{m.name} · {region}" if m else region
