"""Load and validate the price book (data/prices.yaml).

An entry's value is a number, or a map keyed by region, or (with `by: FIELD`) a map keyed by a
choice such as a plan. An entry may give some regions their own source and date (`regional:`), and
mark a region's figure as another region's standing in for one no source gave (`stand_in:`).
Validation names the file, the entry and the field at fault, because a price file is edited by
hand and a typo must not surface later as a wrong total.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TypeGuard

import yaml

from ..core import i18n, safeyaml
from ..core.errors import PriceBookError
from ..core.frozen import is_text
from ..core.i18n import _

DEFAULT_PATH = Path(__file__).resolve().parent.parent.parent / "data" / "prices.yaml"
HISTORY_DIR = DEFAULT_PATH.parent / "price_history"
REQUIRED = ("value", "unit", "source", "as_of")
# what a price book's version may look like (a date such as 2026-11-29, or a short name): it comes
# from links and uploaded files and names a file in HISTORY_DIR, so it is checked before any path is built
VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}", re.ASCII)
VERSION_RULE = "a date such as 2026-11-29, or up to 40 letters, digits, '.', '_' or '-'"
MAX_TOKENS = 20_000  # data/prices.yaml has about 620; a --prices file far larger is refused, not parsed for seconds


def valid_version(version: object) -> bool:
    return isinstance(version, str) and VERSION.fullmatch(version) is not None


SECONDARY = "secondary: "  # a source that republishes the vendor's feed, not the vendor itself


@dataclass(frozen=True)
class RegionalSource:
    """Where one region's figure of an entry comes from, when not from the entry's own source.

    `stand_in`: no source gave this region's figure; the value is that region's figure, shown as
    a stand-in wherever it is used."""

    source: str  # a URL, or "secondary: <URL>" for a source that republishes the vendor's feed
    as_of: str
    stand_in: str | None = None

    @property
    def url(self) -> str:
        return self.source.removeprefix(SECONDARY)

    @property
    def secondary(self) -> bool:
        return self.source.startswith(SECONDARY)


@dataclass(frozen=True)
class Price:
    key: str
    value: float | dict[str, float]  # float, or dict of key -> float
    unit: str  # English: what code, price-list matching and price updates compare and write
    source: str
    as_of: str
    by: str | None = None  # None: scalar or keyed by region
    notes: str | Mapping[str, str] = ""  # the note as the file has it: plain, or {en, ko}
    units: str | Mapping[str, str] = ""  # the unit as the file has it: plain, or {en, ko} ("" = `unit`)
    regional: Mapping[str, RegionalSource] = field(default_factory=dict)  # region -> its own source

    def source_in(self, region: str) -> str:
        """The URL the figure for `region` was read at (a stand-in's: the region it stands in for)."""
        r = self.regional.get(region)
        return r.url if r else self.source

    def as_of_in(self, region: str) -> str:
        r = self.regional.get(region)
        return r.as_of if r else self.as_of

    def stand_in(self, region: str) -> str | None:
        """The region whose figure stands in for `region`'s, when no source gave `region`'s."""
        r = self.regional.get(region)
        return r.stand_in if r else None

    @property
    def note(self) -> str:
        """The note in the language of the run (the book is cached: both languages are kept)."""
        return i18n.text(self.notes)

    @property
    def shown_unit(self) -> str:
        """The unit in the language of the run, for people (the About page, the deck's sources);
        `unit` stays English for code."""
        return i18n.text(self.units) if self.units else self.unit

    def resolve(self, region: str, choice: str | None = None) -> float:
        v = self.value
        if not isinstance(v, dict):
            return float(v)  # checked to be a number when the book is read
        k = choice if self.by else region
        if k not in v:
            dim = self.by or "region"
            raise PriceBookError(
                _("price '{key}' has no value for {dim} '{value}' (has: {has})").format(
                    key=self.key, dim=dim, value=k, has=", ".join(v)
                )
            )
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
            raise PriceBookError(
                _("{path}: no price '{key}'").format(path=self.path or _("price book"), key=key)
            ) from None

    def get(self, key: str, region: str, choice: str | None = None) -> float:
        return self.price(key).resolve(region, choice)

    def as_of_counts(self, region: str) -> list[tuple[str, int]]:
        """How many of one region's prices were checked on each date, most first (then newest first):
        a reader told "checked on 2025-03-27, 2026-11-29, 2026-12-07" could not tell that one price
        is old and the rest recent."""
        counts: dict[str, int] = {}
        for p in self.prices.values():
            d = p.as_of_in(region)
            counts[d] = counts.get(d, 0) + 1
        newest_first = sorted(counts.items(), reverse=True)
        return sorted(newest_first, key=lambda x: -x[1])  # stable: equal counts stay newest first

    def as_of_dates(self, region: str | None = None) -> list[str]:
        """The dates the figures were checked: for one region's figures, or the entries' own."""
        if region is None:
            return sorted({p.as_of for p in self.prices.values()})
        return sorted({p.as_of_in(region) for p in self.prices.values()})


def _is_number(x: object) -> TypeGuard[int | float]:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def _check_date(text: object, where: str) -> None:
    try:
        _dt.date.fromisoformat(str(text))
    except ValueError:
        raise PriceBookError(
            _("{where}: 'as_of' must be a date YYYY-MM-DD, got {got!r}").format(where=where, got=text)
        ) from None


def _regional(doc: object, where: str, regions: Mapping[str, object]) -> Mapping[str, RegionalSource]:
    """An entry's `regional:` map: region -> {source, as_of[, stand_in]}, each region one of the book's."""
    if not isinstance(doc, dict):
        raise PriceBookError(
            _("{where}: 'regional' must map regions to a source and an as_of date, got {got!r}").format(
                where=where, got=doc
            )
        )
    out = {}
    for region, r in doc.items():
        at = f"{where} regional {region}"
        if region not in regions:
            raise PriceBookError(
                _("{where}: '{region}' is not one of the book's regions").format(where=at, region=region)
            )
        if not isinstance(r, dict) or "source" not in r or "as_of" not in r or set(r) - {"source", "as_of", "stand_in"}:
            raise PriceBookError(
                _("{where}: expected source and as_of, and optionally stand_in, got {got!r}").format(where=at, got=r)
            )
        source = str(r["source"])
        if not source.removeprefix(SECONDARY).startswith(("https://", "http://")):
            raise PriceBookError(_("{where}: 'source' must be a URL, got {got!r}").format(where=at, got=source))
        _check_date(r["as_of"], at)
        stand_in = r.get("stand_in")
        if stand_in is not None and (
            stand_in not in regions or stand_in == region or (doc.get(stand_in) or {}).get("stand_in")
        ):
            raise PriceBookError(
                _(
                    "{where}: 'stand_in' must name another region of the book that has its own figure, got {got!r}"
                ).format(where=at, got=stand_in)
            )
        out[str(region)] = RegionalSource(source, str(r["as_of"]), None if stand_in is None else str(stand_in))
    return MappingProxyType(out)


def parse(doc: object, path: str = "price book") -> PriceBook:
    if not isinstance(doc, dict):
        raise PriceBookError(
            _("{path}: expected a mapping at the top, got {kind}").format(path=path, kind=type(doc).__name__)
        )
    for top in ("version", "regions", "prices", "hours_per_month"):
        if top not in doc:
            raise PriceBookError(_("{path}: missing top-level field '{field}'").format(path=path, field=top))
    regions = doc["regions"]
    if not isinstance(regions, dict) or not regions:
        raise PriceBookError(_("{path}: 'regions' must map region ids to names").format(path=path))
    hpm = doc["hours_per_month"]
    if not _is_number(hpm) or hpm <= 0:
        raise PriceBookError(
            _("{path}: 'hours_per_month' must be a positive number, got {got!r}").format(path=path, got=hpm)
        )
    if not isinstance(doc["prices"], dict):
        raise PriceBookError(_("{path}: 'prices' must be a mapping of entries").format(path=path))
    prices = {key: _price(key, entry, regions, path) for key, entry in doc["prices"].items()}
    return PriceBook(
        version=str(doc["version"]),
        currency=str(doc.get("currency", "USD")),
        hours_per_month=float(hpm),
        regions=dict(regions),
        prices=prices,
        path=path,
    )


def _price(key: str, entry: object, regions: Mapping[str, object], path: str) -> Price:
    """One entry of the book, checked: its fields, value, source URL, date, note, unit and regional sources."""
    where = _("{path}: price '{key}'").format(path=path, key=key)
    if not isinstance(entry, dict):
        raise PriceBookError(
            _("{where}: expected a mapping with {fields}").format(where=where, fields=", ".join(REQUIRED))
        )
    _check_fields(entry, where)
    value, by = entry["value"], entry.get("by")
    _check_value(value, by, regions, where)
    source = str(entry["source"])
    if not source.startswith(("https://", "http://")):
        raise PriceBookError(_("{where}: 'source' must be a URL, got {got!r}").format(where=where, got=source))
    _check_date(entry["as_of"], where)
    note, unit = entry.get("note", ""), entry["unit"]
    _check_note_and_unit(note, unit, where)
    return Price(
        key=key,
        value=value,
        unit=unit["en"] if isinstance(unit, dict) else str(unit),
        source=source,
        as_of=str(entry["as_of"]),
        by=by,
        notes=MappingProxyType(dict(note)) if isinstance(note, dict) else str(note),
        units=MappingProxyType(dict(unit)) if isinstance(unit, dict) else str(unit),
        regional=_regional(entry.get("regional", {}), where, regions),
    )


def _check_fields(entry: Mapping[str, object], where: str) -> None:
    """An entry has every REQUIRED field and no field this reader does not know."""
    missing = [f for f in REQUIRED if f not in entry]
    if missing:
        raise PriceBookError(_("{where}: missing field(s) {fields}").format(where=where, fields=", ".join(missing)))
    unknown = set(entry) - set(REQUIRED) - {"by", "note", "regional"}
    if unknown:
        raise PriceBookError(
            _("{where}: unknown field(s) {fields}").format(where=where, fields=", ".join(sorted(unknown)))
        )


def _check_note_and_unit(note: object, unit: object, where: str) -> None:
    """A note and a unit are text, or text in both languages (a unit in either language not blank)."""
    if isinstance(note, dict) and not is_text(note):
        raise PriceBookError(f"{where}: 'note' must be text, or text in both languages {{en: ..., ko: ...}}")
    if isinstance(unit, dict) and not (is_text(unit) and all(v.strip() for v in unit.values())):
        raise PriceBookError(f"{where}: 'unit' must be text, or text in both languages {{en: ..., ko: ...}}")


def _check_value(value: object, by: object, regions: Mapping[str, object], where: str) -> None:
    """A number >= 0, or a map of them: per choice of `by`, or per region of the book (every region priced)."""
    if by is not None and not isinstance(value, dict):
        # a keyed price with one value would price every plan alike, and price updates expect a map
        raise PriceBookError(f"{where}: 'by: {by}' needs a 'value' map with a price per {by}, got {value!r}")
    if not isinstance(value, dict):
        if not _is_number(value) or value < 0:
            raise PriceBookError(
                _("{where}: 'value' must be a number >= 0, got {got!r}").format(where=where, got=value)
            )
        return
    if not value:
        raise PriceBookError(_("{where}: 'value' map is empty").format(where=where))
    for k, v in value.items():
        if not _is_number(v) or v < 0:
            raise PriceBookError(
                _("{where}: 'value' for '{choice}' must be a number >= 0, got {got!r}").format(
                    where=where, choice=k, got=v
                )
            )
    if by is None:
        missing_r = [r for r in regions if r not in value]
        if missing_r:
            raise PriceBookError(
                _("{where}: 'value' has no price for region(s) {regions}").format(
                    where=where, regions=", ".join(missing_r)
                )
            )


def load(path: str | Path = DEFAULT_PATH) -> PriceBook:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise PriceBookError(
            _("{path}: cannot read the price file ({why})").format(path=path, why=e.strerror)
        ) from None
    try:
        # the same reader as scenario files: a --prices file comes from a user too
        doc = safeyaml.load(text, max_tokens=MAX_TOKENS)
    except safeyaml.Refused as e:
        raise PriceBookError(f"{path}: {e}") from None
    except (RecursionError, MemoryError, ValueError) as e:
        raise PriceBookError(_("{path}: cannot be read ({why})").format(path=path, why=type(e).__name__)) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", e)
        if mark:
            raise PriceBookError(
                _("{path}: not valid YAML at line {line}, column {column}: {problem}").format(
                    path=path, line=mark.line + 1, column=mark.column + 1, problem=problem
                )
            ) from None
        raise PriceBookError(_("{path}: not valid YAML: {problem}").format(path=path, problem=problem)) from None
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
