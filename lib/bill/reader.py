"""Read bill files into the few lines that price a registry, in bounded memory.

Each row is looked at once and dropped: what stays is one running sum per (provider, component,
service, usage type, region, unit), at most MAX_GROUPS of them. A row's classification is cached
by its identifying cells (a month of CUR repeats a few hundred usage types a million times), so a
row that prices no registry costs a tuple and a dictionary look-up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from operator import itemgetter
from pathlib import Path

from ..core.errors import InputError
from ..core.i18n import _, quote
from . import cur, focus, github
from .cells import (
    CURRENCY,
    FORMULA_CHARS,
    Columns,
    amounts,
    cell,
    check_currency,
    check_formulas,
    full_row,
    number,
)
from .mapping import SHARE_GROUP, Found, Kind, unit
from .shape import Shape
from .stream import MAX_COLUMNS, Input, check_size, csv_rows, kind_of, parquet_rows

SHAPES: tuple[Shape, ...] = (focus.FOCUS, cur.CUR2, cur.LEGACY, github.NEW, github.OLD)
MAX_GROUPS = 20_000  # distinct (component, usage type, region, unit): a real month has a few hundred
MAX_CACHE = 200_000  # classifications remembered; past it rows are classified afresh (slower, still bounded)
MAX_IDS = 10_000  # NAT gateways / endpoints counted by resource id
# the unit a line is in when its export leaves the unit cell empty (CUR's pricing_unit may be blank)
DEFAULT_UNIT: dict[Kind, str] = {
    "storage": "GB-month",
    "nat_hours": "hour",
    "endpoint_hours": "hour",
    "plan": "day",
}


@dataclass(frozen=True)
class Group:
    """Bill lines summed: one component of one service, usage type, region and unit."""

    provider: str  # aws, azure, gcp, github
    kind: Kind
    shared: bool
    service: str
    usage: str
    region: str
    unit: str  # GB-month, GB-hour, GB-day, GB, hour, day; or the export's own words when not understood
    quantity: float
    cost: float
    free_quantity: float  # quantity on lines billed at zero (a free tier or allowance)
    lines: int

    @property
    def unit_known(self) -> bool:
        return unit(self.unit) is not None or self.unit in ("GB-month", "GB-hour", "GB-day", "GB", "hour", "day")


@dataclass(frozen=True)
class FileRead:
    name: str
    format: str  # the vendor's name of the format
    rows: int  # data rows read (the header not counted)
    kept: int  # rows that price a registry or its network
    other_types: int  # rows of tax, credits, refunds, fees: counted, not compared
    other_cost: float  # their total


@dataclass(frozen=True)
class Bill:
    files: tuple[FileRead, ...]
    groups: tuple[Group, ...]
    start: datetime | None
    end: datetime | None
    nat_gateways: int  # distinct NAT gateway resource ids on the hours lines
    endpoints: int
    currency: str = CURRENCY

    @property
    def hours(self) -> float | None:
        """The billing period's hours (744 for a 31-day month), when the file says its period."""
        if self.start is None or self.end is None or self.end <= self.start:
            return None
        return (self.end - self.start).total_seconds() / 3600

    @property
    def providers(self) -> list[str]:
        """Providers with registry lines, the costliest first."""
        costs: dict[str, float] = {}
        for g in self.groups:
            if g.kind != "related":
                costs[g.provider] = costs.get(g.provider, 0.0) + g.cost
        return sorted(costs, key=lambda p: (-costs[p], p))

    def rows(self) -> int:
        return sum(f.rows for f in self.files)

    def kept(self) -> int:
        return sum(f.kept for f in self.files)


@dataclass
class _Acc:
    groups: dict[tuple[str, ...], list[float]] = field(default_factory=dict)
    start: str = ""
    end: str = ""
    start_day_only: bool = False
    nat_ids: set[str] = field(default_factory=set)
    endpoint_ids: set[str] = field(default_factory=set)


def detect(header: Sequence[str], name: str) -> Shape:
    for s in SHAPES:
        if s.matches(header):
            return s
    if focus.older_version(header):
        raise InputError(
            _(
                "{path}: a FOCUS file of a version before 1.0 (it has UsageQuantity/ChargeType, not "
                "ConsumedQuantity/ChargeCategory); export FOCUS 1.0 or later"
            ).format(path=name)
        )
    if "BilledCost" in header and "ChargePeriodStart" in header:
        missing = [c for c in focus.REQUIRED if c not in header]
        raise InputError(
            _("{path}: a FOCUS file without the FOCUS 1.0 columns {columns}; export FOCUS 1.0 or later").format(
                path=name, columns=", ".join(missing)
            )
        )
    shown = ", ".join(header[:6]) + (", …" if len(header) > 6 else "")
    raise InputError(
        _(
            "{path}: not a bill export this dashboard reads (FOCUS 1.0 or later, AWS CUR 2.0 or legacy CUR, "
            "GitHub usage report); its first line has {columns}"
        ).format(path=name, columns=quote(shown, 120))
    )


def _classify(shape: Shape, cells: dict[str, str]) -> tuple[Found, str, str, str] | None:
    """A row's component, provider, service and usage label (the usage type, SKU or description)."""
    cells.setdefault("provider", shape.provider)
    for f in ("service", "usage", "description", "x_service", "x_usage"):
        cells.setdefault(f, "")
    found = shape.classify(cells)
    if found is None:
        return None
    provider = (focus.provider(cells["provider"]) or "other") if shape.key == "focus" else shape.provider
    usage = cells["x_usage"] or cells["usage"] or cells["description"]
    if shape.key == "focus" and not cells["x_usage"]:
        usage = cells["description"] or cells["usage"]  # an Azure or Google SKU id says nothing to a person
    return found, provider, (cells["x_service"] or cells["service"])[:120], usage[:120]


def _picker(idx: list[int]) -> Callable[[list[str]], tuple[str, ...]]:
    """The cells at idx as a tuple (itemgetter returns a bare value for one index)."""
    if len(idx) == 1:
        i = idx[0]
        return lambda row: (row[i],)
    return itemgetter(*idx)


def _slot(
    shape: Shape,
    hit: tuple[Found, str, str, str],
    skey: tuple[object, ...],
    cells: list[tuple[str, str]],
    acc: _Acc,
    name: str,
    line: int,
) -> tuple[list[float], float, set[str] | None]:
    """The running sum for rows of this kind, region and unit, and the factor to the comparison's unit."""
    check_formulas(cells, name, line)
    (kind, shared, region), provider, service, usage = hit
    raw_unit = str(skey[2]).strip()
    known = unit(raw_unit) if raw_unit else None
    u, factor = known if known else ((raw_unit or DEFAULT_UNIT.get(kind, "GB")), 1.0)
    if shape.key == "github_old" and kind == "storage" and u == "GB":
        u = "GB-day"  # the older report lists storage once a day, in GB, at the price per GB-day
    where = str(skey[1]) or region
    gkey = (provider, kind, "1" if shared else "", service, usage, where[:40], u[:40])
    g = acc.groups.get(gkey)
    if g is None:
        if len(acc.groups) >= MAX_GROUPS:
            raise InputError(
                _("{path}: more than {n:,} different registry lines; export one account and month at a time").format(
                    path=name, n=MAX_GROUPS
                )
            )
        g = acc.groups[gkey] = [0.0, 0.0, 0.0, 0.0]
    ids = acc.nat_ids if kind == "nat_hours" else acc.endpoint_ids if kind == "endpoint_hours" else None
    return g, factor, ids


def _add(g: list[float], q: float, cost: float) -> None:
    """A row into its running sum: quantity, cost, the quantity billed at zero, rows."""
    g[0] += q
    g[1] += cost
    if cost == 0 and q > 0:
        g[2] += q
    g[3] += 1


def _note_period(row: list[str], c: Columns, acc: _Acc) -> None:
    """The earliest start and the latest end the rows cover."""
    t = row[c.start]
    if t and (not acc.start or t < acc.start):
        acc.start = t
    t = row[c.end]
    if t > acc.end:
        acc.end = t


def _note_resource(row: list[str], c: Columns, ids: set[str] | None, header: list[str], name: str, line: int) -> None:
    """The resource cell checked for a formula; a NAT gateway's or endpoint's id counted."""
    res = row[c.resource]
    if res and res[0] in FORMULA_CHARS:
        check_formulas([(header[c.resource], res)], name, line)
    if ids is not None and res and len(ids) < MAX_IDS:
        ids.add(res[:200])


def _note_period_and_resource(
    row: list[str], c: Columns, acc: _Acc, ids: set[str] | None, header: list[str], name: str, line: int
) -> None:
    if c.start >= 0:
        _note_period(row, c, acc)
    if c.resource >= 0:
        _note_resource(row, c, ids, header, name, line)


def _read_rows(src: Input, rows: Iterator[list[str]], shape: Shape, header: list[str], acc: _Acc) -> FileRead:
    name = src.name
    c = Columns.of(shape, header)
    cache: dict[tuple[str, ...], tuple[Found, str, str, str] | None] = {}
    slots: dict[tuple[object, ...], tuple[list[float], float, set[str] | None]] = {}
    pick = _picker(list(c.key_idx))
    n = kept = other = 0
    other_cost = 0.0
    usage_types = shape.usage_line_types
    i_type = c.line_type if usage_types else -1  # only a shape that names usage line types reads the column
    # the columns in locals: this loop runs once per line of a bill of millions
    ncols, i_qty, i_cost, i_price, i_region, i_unit = len(header), c.qty, c.cost, c.price, c.region, c.unit
    from_price, noted = shape.cost_from_price, c.start >= 0 or c.resource >= 0
    for n, row in enumerate(rows, 1):  # noqa: B007 - n is the count read
        if len(row) != ncols and not full_row(row, header, name, n + 1):
            continue
        key = pick(row)
        hit = cache[key] if key in cache else _classify_into(cache, shape, c.key_fields, key)
        if hit is None:
            continue
        line = n + 1
        if i_type >= 0 and row[i_type] not in usage_types:
            other += 1
            other_cost += number(row[i_cost], name, line, header[i_cost]) if not from_price else 0.0
            continue
        # the sum this row adds to, found once per (line kind, region cell, unit cell): the cells that
        # name it are checked then, the row's own cells (amounts, resource, currency) on every row
        skey = (key, cell(row, i_region), cell(row, i_unit))
        slot = slots.get(skey) or _new_slot(slots, skey, shape, hit, header, row, c, acc, name, line)
        g, factor, ids = slot
        check_currency(row, c.currency, name, line)
        qty, cost = amounts(row, i_qty, i_cost, i_price, from_price, header, name, line)
        _add(g, qty * factor, cost)
        kept += 1
        if noted:
            _note_period_and_resource(row, c, acc, ids, header, name, line)
    if c.start >= 0 and c.start == c.end:
        acc.start_day_only = True  # GitHub: one date per row, the day it covers
    return FileRead(name, shape.name, n, kept, other, other_cost)


def _new_slot(
    slots: dict[tuple[object, ...], tuple[list[float], float, set[str] | None]],
    skey: tuple[object, ...],
    shape: Shape,
    hit: tuple[Found, str, str, str],
    header: list[str],
    row: list[str],
    c: Columns,
    acc: _Acc,
    name: str,
    line: int,
) -> tuple[list[float], float, set[str] | None]:
    """The slot of a (line kind, region cell, unit cell) met for the first time, its naming cells checked."""
    named = [(header[i], row[i]) for i in (*c.key_idx, c.region, c.unit) if i >= 0]
    slot = slots[skey] = _slot(shape, hit, skey, named, acc, name, line)
    return slot


def _classify_into(
    cache: dict[tuple[str, ...], tuple[Found, str, str, str] | None],
    shape: Shape,
    key_fields: tuple[str, ...],
    key: tuple[str, ...],
) -> tuple[Found, str, str, str] | None:
    """A row's classification (_classify), remembered for the next row with the same cells while the
    cache has room."""
    hit = _classify(shape, dict(zip(key_fields, key, strict=True)))
    if len(cache) < MAX_CACHE:
        cache[key] = hit
    return hit


def read_one(src: Input, acc: _Acc, size_limit: int | None = None) -> FileRead:
    check_size(src) if size_limit is None else check_size(src, size_limit)
    if kind_of(src) == "parquet":
        chosen: list[Shape] = []

        def wanted(header: Sequence[str]) -> list[str]:
            chosen.append(detect(list(header), src.name))
            return chosen[0].wanted(header)

        rows = parquet_rows(src, wanted)
        header = next(rows)
        return _read_rows(src, rows, chosen[0], list(header), acc)
    with csv_rows(src) as rows:
        first = next(rows, None)
        if first is None:
            raise InputError(_("{path}: the file is empty").format(path=src.name))
        header = [h.strip() for h in first]
        if len(header) > MAX_COLUMNS:
            raise InputError(
                _("{path}: {n:,} columns; a bill export has a few hundred at most").format(path=src.name, n=len(header))
            )
        return _read_rows(src, rows, detect(header, src.name), header, acc)


def _when(text: str) -> datetime | None:
    t = text.strip()
    if not t:
        return None
    for candidate in (t, t.replace(" ", "T", 1), t[:10]):
        try:
            d = datetime.fromisoformat(candidate.replace("Z", "+00:00"))
        except ValueError:
            continue
        return d if d.tzinfo else d.replace(tzinfo=UTC)
    return None


def read(sources: Iterable[Input], size_limit: int | None = None) -> Bill:
    """Every file read into one bill; an InputError names the first file that cannot be used."""
    acc = _Acc()
    files = tuple(read_one(s, acc, size_limit) for s in sources)
    if not files:
        raise InputError(_("no bill files given"))
    start, end = _when(acc.start), _when(acc.end)
    if acc.start_day_only and end is not None and len(acc.end.strip()) <= 10:
        end += timedelta(days=1)  # a date names a whole day
    groups = tuple(
        Group(k[0], k[1], bool(k[2]), k[3], k[4], k[5], k[6], v[0], v[1], v[2], int(v[3]))  # type: ignore[arg-type]
        for k, v in sorted(acc.groups.items(), key=lambda kv: kv[0])
    )
    return Bill(files, groups, start, end, len(acc.nat_ids), len(acc.endpoint_ids))


def inputs_from_paths(paths: Iterable[str | Path]) -> list[Input]:
    out = []
    for p in map(Path, paths):
        if not p.is_file():
            raise InputError(_("{path}: no such file").format(path=p))
        out.append(Input(str(p), path=p))
    return out


def shared_groups(bill: Bill) -> list[str]:
    """The share groups (nat, endpoints, transfer) the bill has shared lines in."""
    return sorted({SHARE_GROUP[g.kind] for g in bill.groups if g.shared and g.kind in SHARE_GROUP})
