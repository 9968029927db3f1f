"""DIR/sourced-prices.yaml: figures per region read in a named source; an entry whose sources disagree
or whose source cannot be cited is not used."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from ...core import safeyaml
from ...core.i18n import _
from ..price_lists import PriceListError
from ..regions import RegionMatch
from .figures import ChoiceFigures, Figure, Figures, read_date, read_price
from .rules import MAX_BYTES, MAX_SOURCED_TOKENS, SOURCED, SOURCED_CHOICES, SOURCED_RULES, VENDOR_HOSTS


def _source_url(text: str) -> str:
    """'github:owner/repo path @ commit (...)' -> a https://github.com URL; a URL stays itself."""
    m = re.match(r"^github:([\w.-]+/[\w.-]+)\s+(\S+)\s+@\s+([0-9a-f]{40})", text)
    if m:
        return f"https://github.com/{m.group(1)}/blob/{m.group(3)}/{m.group(2)}"
    m = re.match(r"^(https?://\S+)", text)
    if m:
        return m.group(1)
    raise PriceListError(_("cannot read a source address in {got!r}").format(got=text[:80]))


def load_sourced(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise PriceListError(
                _("{path}: larger than {mb} MB; not a file of sourced figures").format(path=path, mb=8)
            )
        # YAML 1.2 numbers, no duplicate keys (the last would win silently), nesting bounded first
        doc = safeyaml.load(path.read_text(encoding="utf-8"), max_tokens=MAX_SOURCED_TOKENS)
    except FileNotFoundError:
        raise PriceListError(_("{path}: missing").format(path=path)) from None
    except (OSError, yaml.YAMLError) as e:
        raise PriceListError(_("{path}: not readable YAML ({why})").format(path=path, why=e)) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("regions"), dict):
        raise PriceListError(_("{path}: missing field 'regions'").format(path=path))
    return doc


def _sourced_figure(entry: object, where: str, unit_word: str, detail: str) -> Figure | None:
    """A sourced entry as a Figure; None when the source gave none (value null) or sources disagree."""
    if not isinstance(entry, dict) or entry.get("value") is None:
        return None
    if entry.get("CAUTION") or entry.get("WARNING"):
        return None  # the sources disagree: not a figure to price with
    for f in ("unit", "source", "as_of"):
        if not entry.get(f):
            raise PriceListError(_("{where}: missing field '{field}'").format(where=where, field=f))
    if unit_word not in str(entry["unit"]):
        raise PriceListError(
            _("{where}: unit {unit!r} is not one per {word}").format(where=where, unit=entry["unit"], word=unit_word)
        )
    value = read_price(entry["value"], where)
    try:
        url = _source_url(str(entry["source"]))
    except PriceListError:
        return None  # a figure whose source cannot be cited does not go in the book: it stands in
    quality = str(entry.get("source_quality", ""))
    secondary = quality.startswith(("secondary", "derived")) or urllib.parse.urlparse(url).netloc not in VENDOR_HOSTS
    return Figure(
        value,
        ("secondary: " if secondary else "") + url,
        read_date(entry["as_of"], where),
        detail,
    )


def read_sourced(src: Path, regions: Mapping[str, RegionMatch]) -> tuple[Figures, ChoiceFigures]:
    """Figures per region from DIR/sourced-prices.yaml; `by:` entries only where every choice was found."""
    path = src / SOURCED
    doc = load_sourced(path)
    found: Figures = {}
    choices: ChoiceFigures = {}
    for region in regions:
        r = doc["regions"].get(region)
        if not isinstance(r, dict):
            continue  # a region the file does not cover: its figures stand in
        for key, (section, name, word) in SOURCED_RULES.items():
            fig = _sourced_figure(
                (r.get(section) or {}).get(name),
                f"{path}: {region} {section}.{name}",
                word,
                f"{SOURCED}: {region} {section}.{name}",
            )
            if fig is not None:
                found.setdefault(key, {})[region] = fig
        for key, per in SOURCED_CHOICES.items():
            figs = {
                c: _sourced_figure(
                    (r.get(s) or {}).get(n), f"{path}: {region} {s}.{n}", "day", f"{SOURCED}: {region} {s}.{n}"
                )
                for c, (s, n) in per.items()
            }
            if all(figs.values()):
                choices.setdefault(key, {})[region] = {c: f for c, f in figs.items() if f is not None}
    return found, choices


def sourced_regions(src: Path) -> list[str]:
    """The regions DIR/sourced-prices.yaml covers, in its order."""
    return [str(r) for r in load_sourced(src / SOURCED)["regions"]]
