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
from .rules import MAX_BYTES, PAGE_RULES, PAGES, RATE_CODE, PageRule


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
            desc, entry = _one_entry(path, _entries(doc, path, loc, region, rule), loc, rule)
            found.setdefault(rule.key, {})[region] = _figure(doc, path, region, loc, rule, desc, entry)
    return found


def _entries(doc: dict[str, Any], path: Path, loc: str, region: str, rule: PageRule) -> dict[str, Any]:
    """A page's entries at one location: a page without the location names it and the region asked."""
    entries = doc["regions"].get(loc)
    if not isinstance(entries, dict):
        raise PriceListError(
            _("{path}: no location '{location}' ({region}) for {key}").format(
                path=path, location=loc, region=region, key=rule.key
            )
        )
    return entries


def _one_entry(path: Path, entries: dict[str, Any], loc: str, rule: PageRule) -> tuple[str, object]:
    """(description, entry) of the one entry a rule means: by its description, or by its attributes; none or
    several is an error (the rule would read a price it cannot tell apart)."""
    if rule.description is not None:
        hits = [(rule.description, entries.get(rule.description))] if rule.description in entries else []
    else:
        hits = [(d, e) for d, e in entries.items() if isinstance(e, dict) and all(e.get(a) == v for a, v in rule.attrs)]
    if len(hits) != 1:
        what = rule.description or ", ".join(f"{a} '{v}'" for a, v in rule.attrs)
        raise PriceListError(
            _("{path}: {n} entries for {key} in '{location}' ({what}); the rule needs one").format(
                path=path, n=len(hits), key=rule.key, location=loc, what=what
            )
        )
    return hits[0]


def _figure(doc: dict[str, Any], path: Path, region: str, loc: str, rule: PageRule, desc: str, entry: object) -> Figure:
    """The figure an entry gives (its price, the page's date, the page's address), once the entry is an object
    with a rate code of the offer files' shape."""
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
    return Figure(value, url, as_of, detail)


def is_pages_dir(src: Path) -> bool:
    return (src / PAGES).is_dir()
