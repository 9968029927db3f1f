"""AWS's pricing-page JSON under DIR/aws-pricing-json: each PAGE_RULES figure for each region asked."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ...core import bounded
from ...core.i18n import _
from .. import price_lists as pl
from ..price_lists import PriceListError
from ..regions import RegionMatch
from .figures import Figure, Figures, read_date, read_price
from .rules import MAX_BYTES, PAGE_RULES, PAGES, RATE_CODE


def load_page(path: Path) -> dict[str, Any]:
    """One pricing-page JSON file, checked for the layout: manifest with a publication date, regions."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise PriceListError(_("{path}: larger than {mb} MB; not a pricing-page file").format(path=path, mb=8))
        doc = pl.load_json(path.read_bytes(), MAX_BYTES)
    except FileNotFoundError:
        raise PriceListError(_("{path}: missing").format(path=path)) from None
    except bounded.BoundExceeded as e:
        raise PriceListError(_("{path}: {why}; not a pricing-page file").format(path=path, why=e)) from None
    except (OSError, ValueError) as e:
        raise PriceListError(_("{path}: not valid JSON or cut short ({why})").format(path=path, why=e)) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("regions"), dict):
        raise PriceListError(_("{path}: missing field 'regions' (is this AWS pricing-page JSON?)").format(path=path))
    published = (
        (doc.get("manifest") or {}).get("hawkFilePublicationDate") if isinstance(doc.get("manifest"), dict) else None
    )
    if not published:
        raise PriceListError(_("{path}: missing field 'manifest.hawkFilePublicationDate'").format(path=path))
    read_date(published, str(path))
    return doc


def location(m: RegionMatch) -> str:
    """The pricing pages' name of a region: 'EU (Frankfurt)' where the console says 'Europe (Frankfurt)'."""
    return re.sub(r"^Europe \(", "EU (", m.name)


def read_pages(src: Path, regions: Mapping[str, RegionMatch]) -> Figures:
    """Every PAGE_RULES figure for every region asked, from DIR/aws-pricing-json."""
    found: Figures = {}
    cache: dict[Path, dict[str, Any]] = {}
    for rule in PAGE_RULES:
        for region, m in regions.items():
            path = src / PAGES / rule.file.format(region=region)
            doc = cache.get(path) or cache.setdefault(path, load_page(path))
            loc = location(m)
            entries = doc["regions"].get(loc)
            if not isinstance(entries, dict):
                raise PriceListError(
                    _("{path}: no location '{location}' ({region}) for {key}").format(
                        path=path, location=loc, region=region, key=rule.key
                    )
                )
            if rule.description is not None:
                hits = [(rule.description, entries.get(rule.description))] if rule.description in entries else []
            else:
                hits = [
                    (d, e)
                    for d, e in entries.items()
                    if isinstance(e, dict) and all(e.get(a) == v for a, v in rule.attrs)
                ]
            what = rule.description or ", ".join(f"{a} '{v}'" for a, v in rule.attrs)
            if len(hits) != 1:
                raise PriceListError(
                    _("{path}: {n} entries for {key} in '{location}' ({what}); the rule needs one").format(
                        path=path, n=len(hits), key=rule.key, location=loc, what=what
                    )
                )
            desc, entry = hits[0]
            where = f"{path}: '{loc}' / '{desc}'"
            if not isinstance(entry, dict):
                raise PriceListError(_("{where}: not an object").format(where=where))
            code = entry.get("rateCode")
            if not isinstance(code, str) or not RATE_CODE.match(code):
                raise PriceListError(
                    _("{where}: 'rateCode' is not SKU.TERM.RATE: {got!r}").format(where=where, got=str(code)[:60])
                )
            value = read_price(entry.get("price"), where)
            as_of = read_date(doc["manifest"]["hawkFilePublicationDate"], str(path))
            url = rule.url.format(location=loc.replace(" ", "%20"))
            detail = f"{PAGES}/{rule.file.format(region=region)}: '{loc}' / '{desc}' ({code})"
            found.setdefault(rule.key, {})[region] = Figure(value, url, as_of, detail)
    return found


def is_pages_dir(src: Path) -> bool:
    return (src / PAGES).is_dir()
