"""Load and validate the price book (data/prices.yaml).

An entry's value is a number, or a map keyed by region, or (with `by: FIELD`) a map keyed by a
choice such as a plan. Validation names the file, the entry and the field at fault, because a
price file is edited by hand and a typo must not surface later as a wrong total.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml

from . import i18n, safeyaml
from .errors import PriceBookError
from .frozen import is_text

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "prices.yaml"
HISTORY_DIR = DEFAULT_PATH.parent / "price_history"
REQUIRED = ("value", "unit", "source", "as_of")
# what a price book's version may look like (a date such as 2026-11-29, or a short name): it comes
# from links and uploaded files and names a file in HISTORY_DIR, so it is checked before any path is built
VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}", re.ASCII)
VERSION_RULE = "a date such as 2026-11-29, or up to 40 letters, digits, '.', '_' or '-'"
MAX_TOKENS = 20_000  # data/prices.yaml has about 620; a --prices file far larger is refused, not parsed for seconds


def valid_version(version: object) -> bool:
    return isinstance(version, str) and VERSION.fullmatch(version) is not None


@dataclass(frozen=True)
class Price:
    key: str
    value: float | dict[str, float]  # float, or dict of key -> float
    unit: str
    source: str
    as_of: str
    by: str | None = None  # None: scalar or keyed by region
    notes: str | Mapping[str, str] = ""  # the note as the file has it: plain, or {en, ko}

    @property
    def note(self) -> str:
        """The note in the language of the run (the book is cached: both languages are kept)."""
        return i18n.text(self.notes)

    def resolve(self, region: str, choice: str | None = None) -> float:
        v = self.value
        if not isinstance(v, dict):
            return float(v)  # checked to be a number when the book is read
        k = choice if self.by else region
        if k not in v:
            dim = self.by or "region"
            raise PriceBookError(f"price '{self.key}' has no value for {dim} '{k}' (has: {', '.join(v)})")
        return float(v[k])


@dataclass(frozen=True)
class PriceBook:
    version: str
    currency: str
    hours_per_month: float
    regions: dict[str, str]
    prices: dict[str, Price] = field(repr=False)
    path: str = ""

    @property
    def days_per_month(self) -> float:
        return self.hours_per_month / 24.0

    def price(self, key: str) -> Price:
        try:
            return self.prices[key]
        except KeyError:
            raise PriceBookError(f"{self.path or 'price book'}: no price '{key}'") from None

    def get(self, key: str, region: str, choice: str | None = None) -> float:
        return self.price(key).resolve(region, choice)

    def as_of_dates(self) -> list[str]:
        return sorted({p.as_of for p in self.prices.values()})


def _is_number(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def _check_date(text: object, where: str) -> None:
    try:
        _dt.date.fromisoformat(str(text))
    except ValueError:
        raise PriceBookError(f"{where}: 'as_of' must be a date YYYY-MM-DD, got {text!r}") from None


def parse(doc: object, path: str = "price book") -> PriceBook:
    if not isinstance(doc, dict):
        raise PriceBookError(f"{path}: expected a mapping at the top, got {type(doc).__name__}")
    for top in ("version", "regions", "prices", "hours_per_month"):
        if top not in doc:
            raise PriceBookError(f"{path}: missing top-level field '{top}'")
    regions = doc["regions"]
    if not isinstance(regions, dict) or not regions:
        raise PriceBookError(f"{path}: 'regions' must map region ids to names")
    hpm = doc["hours_per_month"]
    if not _is_number(hpm) or hpm <= 0:
        raise PriceBookError(f"{path}: 'hours_per_month' must be a positive number, got {hpm!r}")
    if not isinstance(doc["prices"], dict):
        raise PriceBookError(f"{path}: 'prices' must be a mapping of entries")
    prices = {}
    for key, entry in doc["prices"].items():
        where = f"{path}: price '{key}'"
        if not isinstance(entry, dict):
            raise PriceBookError(f"{where}: expected a mapping with {', '.join(REQUIRED)}")
        missing = [f for f in REQUIRED if f not in entry]
        if missing:
            raise PriceBookError(f"{where}: missing field(s) {', '.join(missing)}")
        unknown = set(entry) - set(REQUIRED) - {"by", "note"}
        if unknown:
            raise PriceBookError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        value, by = entry["value"], entry.get("by")
        if by is not None and not isinstance(value, dict):
            # a keyed price with one value would price every plan alike, and price updates expect a map
            raise PriceBookError(f"{where}: 'by: {by}' needs a 'value' map with a price per {by}, got {value!r}")
        if isinstance(value, dict):
            if not value:
                raise PriceBookError(f"{where}: 'value' map is empty")
            for k, v in value.items():
                if not _is_number(v) or v < 0:
                    raise PriceBookError(f"{where}: 'value' for '{k}' must be a number >= 0, got {v!r}")
            if by is None:
                missing_r = [r for r in regions if r not in value]
                if missing_r:
                    raise PriceBookError(f"{where}: 'value' has no price for region(s) {', '.join(missing_r)}")
        elif not _is_number(value) or value < 0:
            raise PriceBookError(f"{where}: 'value' must be a number >= 0, got {value!r}")
        source = str(entry["source"])
        if not source.startswith(("https://", "http://")):
            raise PriceBookError(f"{where}: 'source' must be a URL, got {source!r}")
        _check_date(entry["as_of"], where)
        note = entry.get("note", "")
        if isinstance(note, dict) and not is_text(note):
            raise PriceBookError(f"{where}: 'note' must be text, or text in both languages {{en: ..., ko: ...}}")
        prices[key] = Price(key=key, value=value, unit=str(entry["unit"]), source=source, as_of=str(entry["as_of"]),
                            by=by, notes=MappingProxyType(dict(note)) if isinstance(note, dict) else str(note))
    return PriceBook(version=str(doc["version"]), currency=str(doc.get("currency", "USD")),
                     hours_per_month=float(hpm), regions=dict(regions), prices=prices, path=path)


def load(path: str | Path = DEFAULT_PATH) -> PriceBook:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise PriceBookError(f"{path}: cannot read the price file ({e.strerror})") from None
    try:
        # the same reader as scenario files: a --prices file comes from a user too
        doc = safeyaml.load(text, max_tokens=MAX_TOKENS)
    except safeyaml.Refused as e:
        raise PriceBookError(f"{path}: {e}") from None
    except (RecursionError, MemoryError, ValueError) as e:
        raise PriceBookError(f"{path}: cannot be read ({type(e).__name__})") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise PriceBookError(f"{path}: not valid YAML{at}: {getattr(e, 'problem', e)}") from None
    return parse(doc, str(path))


def archived(version: str, history_dir: str | Path | None = None) -> PriceBook | None:
    """A superseded price book by its version, or None when it was not kept."""
    if not valid_version(version):
        return None  # a version comes from a link: never let it name another path, or a name too long
    path = Path(history_dir or HISTORY_DIR) / f"{version}.yaml"
    try:
        kept = path.is_file()
    except OSError:  # name too long, permissions, ...: for the user, that price book was not kept
        return None
    return load(path) if kept else None
