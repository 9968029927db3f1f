"""Where a region's prices come from: AWS regions, and the nearest Azure and Google Cloud regions.

The price book is keyed by AWS region. Azure and Google Cloud figures for an AWS region are
read at the nearest region of that cloud (data/region_map.yaml), and the page says which.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import yaml

from ..core import i18n
from ..core.errors import PriceBookError
from . import pricebook

MAP_PATH = Path(__file__).resolve().parent.parent.parent / "data" / "region_map.yaml"


@dataclass(frozen=True)
class RegionMatch:
    """`name`, `azure_name`, `gcp_name`: the English names (data: the price book records them);
    `names` etc. hold every language's, and `shown_*` give the reader's."""

    aws: str
    name: str
    azure: str
    azure_name: str
    gcp: str
    gcp_name: str
    names: Mapping[str, str] = field(default_factory=dict, compare=False)
    azure_names: Mapping[str, str] = field(default_factory=dict, compare=False)
    gcp_names: Mapping[str, str] = field(default_factory=dict, compare=False)
    # the book region whose figure is used, flagged as a stand-in, where no source gives this region's
    stand_in: str | None = None

    @property
    def shown_name(self) -> str:
        """'Asia Pacific (Seoul)' / '아시아 태평양(서울)': the AWS console's name in the reader's language."""
        return i18n.text(self.names) if self.names else self.name

    @property
    def shown_azure_name(self) -> str:
        return i18n.text(self.azure_names) if self.azure_names else self.azure_name

    @property
    def shown_gcp_name(self) -> str:
        return i18n.text(self.gcp_names) if self.gcp_names else self.gcp_name


def _both(value: object) -> dict[str, str]:
    """A name as the map writes it, a plain string or {en: ..., ko: ...}, as {language: name}."""
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    return {"en": str(value)}


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
        if not _both(m["name"]).get("en"):
            raise PriceBookError(f"{path}: region '{region}' lacks an English name")
        name = MappingProxyType(_both(m["name"]))
        azure = MappingProxyType(_both(doc.get("azure_names", {}).get(m["azure"], m["azure"])))
        gcp = MappingProxyType(_both(doc.get("gcp_names", {}).get(m["gcp"], m["gcp"])))
        out[region] = RegionMatch(
            region,
            name["en"],
            m["azure"],
            azure.get("en", m["azure"]),
            m["gcp"],
            gcp.get("en", m["gcp"]),
            name,
            azure,
            gcp,
            str(m["stand_in"]) if m.get("stand_in") else None,
        )
    return MappingProxyType(out)  # read-only: the cache hands every caller the same map


def match(region: str) -> RegionMatch | None:
    return load().get(region)


def other_clouds_note(region: str) -> str:
    """One sentence for the page: which Azure and Google Cloud regions price this AWS region."""
    m = match(region)
    if m is None:
        return ""
    return i18n._(
        "Azure is priced at {azure_name} ({azure}) and Google Cloud at {gcp_name} ({gcp}), "
        "the nearest regions of those clouds to {name}."
    ).format(azure_name=m.shown_azure_name, azure=m.azure, gcp_name=m.shown_gcp_name, gcp=m.gcp, name=m.shown_name)


def name(region: str, default: str | None = None) -> str:
    """A region's name in the reader's language ('아시아 태평양(서울)'), else `default` or the code."""
    m = match(region)
    return m.shown_name if m else (region if default is None else default)


def book_regions(path: str | Path | None = None) -> tuple[str, ...]:
    """The regions users can pick: the current price book's, in its order. A book that cannot be
    read offers its first region only; the app shows the book's own error when it loads it."""
    try:
        return tuple(pricebook.load(path or pricebook.DEFAULT_PATH).regions)
    except PriceBookError:
        return ("us-east-1",)


def place(r: str) -> str:
    """A region as a place, from data/region_map.yaml: "Europe (Frankfurt)" -> "Frankfurt";
    "Canada (Central)" -> "Canada Central"; a region the map lacks stays its code."""
    m = match(r)
    if m is None:
        return r
    shown = m.shown_name  # the reader's language ("아시아 태평양(서울)" -> "서울"); the rule reads the English name
    inner = re.search(r"\(([^)]*)\)", shown)
    if inner and "(Central)" not in m.name:
        return inner.group(1)
    return re.sub(r"\s*\(([^)]*)\)", r" \1", shown)


def named(r: str) -> str:
    """ "Frankfurt (eu-central-1)": every region the price book may offer (issue 16), not two."""
    where = place(r)
    if where == r:
        return r
    # Korean sets a parenthesis against its word ("서울(ap-northeast-2)"), as AWS's Korean console does
    return f"{where}({r})" if i18n.lang() == "ko" else f"{where} ({r})"


def label(region: str) -> str:
    """'Seoul (ap-northeast-2)' for the sidebar's selectbox: the form every page uses, in every language. The box
    shows 172 px of its value: 'US East (N. Virginia) · us-east-1' (177 px) and 'Asia Pacific (Singapore) ·
    ap-southeast-1' (233 px) were cut (issue 28: sidebar selects cut at 1440 px)."""
    return named(region) if match(region) else region
