"""Cost components and the quantities every registry prices: a line's words as data (Label), the
line a registry writes (Line), the component it prices to (Component), the flags beside it (Flag),
the quantities (Quantities) and the price look-ups (Prices). The lines several registries share
(transfer, egress tiers, NAT, endpoints, replication) are in lib/pricing/shared_lines.py.

A component is infracost-style: name, unit, quantity, unit price, and cost = quantity x price,
always, so the output can show its own arithmetic. Registry modules build their components
from the same code whether the workload fields are plain numbers (one workload) or numpy
arrays (many workloads at once): only element-wise numpy functions are used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, get_args

import numpy as np

from ..core.errors import DashboardError
from ..core.i18n import DEFAULT, N_, _, lang, using
from ..core.numbers import quantity, rounded, unit_price
from ..inputs.pricebook import PriceBook
from ..inputs.workload import PricingInputs

# The kinds of cost a component can be: every chart series, table and slide groups by these,
# so a line with any other category would silently drop out of them. Checked when a line is made.
Category = Literal["storage", "transfer", "network", "plan", "scanning", "compute", "operations"]
CATEGORIES: tuple[Category, ...] = get_args(Category)
Severity = Literal["info", "warning", "blocker"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
# One workload's figure (a float) or many workloads' (a numpy array): the same code prices both.
Amount = float | np.ndarray
# What pricing reads: a Workload (float numbers), or in the vectorised path the same fields with numpy
# arrays for the numbers (lib.inputs.workload.PricingInputs).
Inputs = PricingInputs[Amount]


@dataclass(frozen=True)
class Label:
    """A line's or a flag's words as data: its msgid (marked with N_ where it is written) and the
    values of its {placeholders}, some of them words themselves (Labels, `Shown`, `Joined`). Pricing
    makes no words: the English (`en`) is stable (`Line.key`: matched, de-duplicated, made a column,
    a JSON key), and the reader's words are made only when they are shown (`text`, in the language
    of that moment)."""

    msgid: str
    params: tuple[tuple[str, object], ...] = ()

    @property
    def en(self) -> str:
        if not self.params:
            return self.msgid
        return self.msgid.format(**{k: _en(v) for k, v in self.params})

    def text(self) -> str:
        """The words in the current language."""
        if lang() == DEFAULT:
            return self.en
        return _(self.msgid).format(**{k: _text(v) for k, v in self.params})

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True)
class Shown:
    """A placeholder's value whose words a function makes in the reader's language (a region's name,
    a price's name): `show(value)` is called when the words are read, never when they are priced."""

    show: Callable[[str], str]
    value: str

    @property
    def en(self) -> str:
        if lang() == DEFAULT:
            return self.show(self.value)
        with using(DEFAULT):
            return self.show(self.value)

    def text(self) -> str:
        return self.show(self.value)


@dataclass(frozen=True)
class Joined:
    """Several words as one placeholder's value ("a; b"), each made when read."""

    sep: str
    items: tuple[Label | Shown, ...]

    @property
    def en(self) -> str:
        return self.sep.join(i.en for i in self.items)

    def text(self) -> str:
        return self.sep.join(i.text() for i in self.items)


def _en(v: object) -> object:
    return v.en if isinstance(v, Label | Shown | Joined) else v


def _text(v: object) -> object:
    return v.text() if isinstance(v, Label | Shown | Joined) else v


def say(msgid: str, **values: object) -> Label:
    """A name as data: `msgid` (marked with N_ where it is written) and its {placeholders}' values."""
    return Label(msgid, tuple(values.items()))


def name_text(name: Label | str) -> str:
    return name.text() if isinstance(name, Label) else name


# The units lines are billed in: stable codes in the estimate (JSON, CSV, tests match them), words
# where a person reads them (`unit_text`).
UNITS = {
    "GB": N_("GB"),
    "GB-month": N_("GB-month"),
    "GB-day": N_("GB-day"),
    "hour": N_("hour"),
    "endpoint-hour": N_("endpoint-hour"),
    "instance-hour": N_("instance-hour"),
    "engineer-hour": N_("engineer-hour"),
    "image": N_("image"),
    "seat-month": N_("seat-month"),
    "account-month": N_("account-month"),
    "day": N_("day"),
    "month": N_("month"),
}


def unit_text(unit: str) -> str:
    """A unit as the reader's language writes it ("GB-month": "GB-월")."""
    return _(UNITS[unit]) if unit in UNITS else unit


class UnknownCategory(DashboardError, ValueError):
    """A registry module wrote a component with a category no chart or table knows (a code defect)."""


def check_category(category: str, name: str) -> None:
    if category not in CATEGORIES:
        raise UnknownCategory(
            f"cost component {name!r} has category {category!r}; it must be one of {', '.join(CATEGORIES)}"
        )


@dataclass(frozen=True)
class Ref:
    """A price-book entry a line is billed at, when the key alone does not say it: a per-choice
    price (`choice`: one value, or per workload an array of values picked from `among`), or a
    multiple of the entry (`times`: cross-AZ bytes pay the rate both ways)."""

    key: str
    choice: str | np.ndarray | None = None
    among: tuple[str, ...] = ()
    times: float = 1.0


# What a line is billed at: a price-book key (or a Ref) the engine resolves and records, or an
# amount that is not in the book (0.0 for free, a rate the user typed).
PriceRef = str | Ref


@dataclass(frozen=True)
class Line:
    """A component as a registry module writes it: what is bought, how much (a number or an
    array) and the price-book entry it is billed at, named once; the engine looks the price up."""

    name: Label | str
    category: Category
    unit: str
    quantity: Amount
    price: PriceRef | Amount
    hide_if_zero: bool = False  # e.g. higher egress tiers: only shown when reached
    key: str = ""  # the English name: the same in every language (set from the Label)

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", self.name.en if isinstance(self.name, Label) else self.name)
        check_category(self.category, self.key)

    @property
    def price_key(self) -> str:
        """The price-book entry, so the UI can show its source ("" for a price not in the book)."""
        if isinstance(self.price, str):
            return self.price
        return self.price.key if isinstance(self.price, Ref) else ""


@dataclass(frozen=True)
class Component:
    """A component of one workload's bill, with plain floats. Its name is data (`label`); `name`
    is its words in the language of the moment it is read."""

    label: Label | str
    category: Category
    unit: str
    quantity: float
    price: float
    monthly_cost: float
    price_key: str = ""
    key: str = ""  # the English name, the same in every language: match lines on this, never on `name`

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", self.label.en if isinstance(self.label, Label) else self.label)
        check_category(self.category, self.key)

    @property
    def name(self) -> str:
        """The component's name in the reader's language (made now, not when it was priced)."""
        return name_text(self.label)

    def arithmetic(self) -> str:
        """ "60,000 GB x $0.02 = $1,200.00": separators, never "6e+04"."""
        cost = rounded(self.monthly_cost)  # the one rounding every surface uses
        return f"{quantity(self.quantity, unit_text(self.unit))} x {unit_price(self.price)} = ${cost:,.2f}"


@dataclass(frozen=True)
class Flag:
    """Something that is not money but matters: a limit exceeded, a feature missing.

    `wont_serve` marks a flag that says the registry, as set up, will not serve this workload
    (pulls throttled beyond a quota, a plan that cannot hold it): the decision then compares the
    registry in a setup without it, or sets it aside (lib/decide/serving.py). Every blocker is one, and
    says so where it is written (checked here, so a new blocker cannot be forgotten). Its words are data
    (`label`), like a line's name: pricing in Korean and reading in English reads English."""

    code: str  # the stable key: the same in every language (JSON, tests and the decision match on it)
    severity: Severity
    label: Label  # its words as data, made in the reader's language when read (`message`)
    wont_serve: bool = False

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(
                f"flag {self.code!r} has severity {self.severity!r}; it must be one of {', '.join(SEVERITIES)}"
            )
        if self.severity == "blocker" and not self.wont_serve:
            raise ValueError(f"flag {self.code!r} is a blocker: mark it wont_serve=True")

    @property
    def message(self) -> str:
        """The flag's words in the reader's language (made now, not when it was priced)."""
        return self.label.text()


@dataclass(frozen=True)
class Quantities:
    """Section 2 of the cost model: what every registry prices, for one workload (floats) or
    many (numpy arrays of the same length)."""

    stored_gb_naive: Amount  # every version's full bytes: what tarballs store
    stored_gb: Amount  # shared layers stored once
    pulled_gb: Amount
    same_gb: Amount
    cross_gb: Amount
    internet_gb: Amount
    vpc_gb: Amount  # bytes pulled by our own cloud compute (what crosses a NAT gateway or endpoint)
    images_stored: Amount
    pushed_gb: Amount  # bytes each push adds: only the layers that changed
    pushed_gb_naive: Amount  # every push's full image: what copying tarballs sends


def quantities(w: Inputs) -> Quantities:
    """Stored, pulled and pushed gigabytes (1 GB = 1,000 MB)."""
    s = w.shared_layer_fraction
    stored_naive = w.repositories * w.versions_kept * w.image_size_mb / 1000.0
    stored = w.repositories * w.image_size_mb * (s + (1.0 - s) * w.versions_kept) / 1000.0
    pulled = w.pulls_per_month * w.image_size_mb * (1.0 - w.layer_cache_hit) / 1000.0
    return Quantities(
        stored_gb_naive=stored_naive,
        stored_gb=stored,
        pulled_gb=pulled,
        same_gb=pulled * w.same_region_share,
        cross_gb=pulled * w.cross_region_share,
        internet_gb=pulled * w.internet_share,
        vpc_gb=pulled * (w.same_region_share + w.cross_region_share),
        images_stored=w.repositories * w.versions_kept,
        pushed_gb=w.pushes_per_month * w.image_size_mb * (1.0 - s) / 1000.0,
        pushed_gb_naive=w.pushes_per_month * w.image_size_mb / 1000.0,
    )


def positive(x: Amount) -> Amount:
    return np.maximum(x, 0.0)


class Prices:
    """Price look-ups for one region; with `record`, remembering every entry used (lines, flags
    and allowances alike: the deck's sources list them) and its value for each choice."""

    def __init__(self, book: PriceBook, region: str, month_hours: float | None = None, record: bool = False) -> None:
        """`month_hours`: the hours of one actual month (months.hours_in(2026, 1) = 744) for a bill
        of that month; None: the price book's average month (730 hours)."""
        self.book, self.region = book, region
        self.hours = book.hours_per_month if month_hours is None else float(month_hours)
        self.days = self.hours / 24.0
        self.used: dict[str, dict[str | None, float]] | None = {} if record else None

    def __call__(self, key: str, choice: str | None = None) -> float:
        v = self.book.get(key, self.region, choice)
        if self.used is not None:
            self.used.setdefault(key, {})[choice] = v
        return v

    def ref(
        self, key: str, choice: str | np.ndarray | None = None, among: tuple[str, ...] = (), times: float = 1.0
    ) -> Ref:
        """A line's price when the key alone does not say it (see Ref)."""
        return Ref(key, choice, among, times)

    def resolve(self, price: PriceRef | Amount) -> Amount:
        """A line's price as an amount: a book entry looked up, an amount as it is."""
        if isinstance(price, str):
            return self(price)
        if not isinstance(price, Ref):
            return price
        if price.among:  # one choice per workload: each entry looked up, each workload's picked
            v: Amount = np.select([price.choice == k for k in price.among], [self(price.key, k) for k in price.among])
        else:
            v = self(price.key, None if price.choice is None else str(price.choice))
        return v * price.times if price.times != 1.0 else v

    def cost(self, line: Line) -> Amount:
        return line.quantity * self.resolve(line.price)

    def component(self, line: Line) -> Component:
        """One workload's line, priced (floats)."""
        qty, price = float(line.quantity), float(self.resolve(line.price))
        return Component(line.name, line.category, line.unit, qty, price, qty * price, line.price_key, line.key)
