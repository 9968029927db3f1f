"""Cost components and the quantities every registry prices.

A component is infracost-style: name, unit, quantity, unit price, and cost = quantity x price,
always, so the output can show its own arithmetic. Registry modules build their components
from the same code whether the workload fields are plain numbers (one workload) or numpy
arrays (many workloads at once): only element-wise numpy functions are used.
"""

from __future__ import annotations

import math
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
# (size in GB, or None for the rest; the tier's name; its price key)
Tiers = tuple[tuple[float | None, str, str], ...]


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


# ---- where the consumers run ---------------------------------------------------------

ConsumersCloud = Literal["aws", "gcp", "azure", "on_prem"]


def consumers_cloud(w: Inputs) -> ConsumersCloud:
    """The cloud the pulling workloads run in: aws, gcp, azure or on_prem.

    Multi-cloud is priced as AWS consumers in the chosen region (the dashboard's stated
    assumption): pulls from the other clouds belong in the internet share.
    """
    return "aws" if w.runs_on == "multi_cloud" else w.runs_on


def private_aws_subnets(w: Inputs) -> bool:
    """The network-path inputs (NAT gateways, interface endpoints) describe an AWS VPC."""
    return w.network in ("nat", "endpoints") and consumers_cloud(w) == "aws"


WHERE: dict[ConsumersCloud, str] = {"aws": "AWS", "gcp": "GCP", "azure": "Azure", "on_prem": N_("on-premises")}


# ---- pieces several registries share -------------------------------------------------


def other_cloud_flags(w: Inputs, home: ConsumersCloud, provider: str) -> list[Flag]:
    """A registry on another cloud than the pulling workloads: every pull leaves `provider` as
    internet egress (through the consumers' NAT gateway when they sit in private AWS subnets)."""
    if consumers_cloud(w) == home:
        return []
    if w.network != "public" and consumers_cloud(w) == "aws":
        message = N_(
            "The workloads run outside {cloud}: every pull leaves {provider} as internet egress, "
            "through the consumers' NAT gateway."
        )
    else:
        message = N_("The workloads run outside {cloud}: every pull leaves {provider} as internet egress.")
    return [Flag("other_cloud", "info", say(message, cloud=WHERE[home], provider=provider))]


def tiered(gb: Amount, p: Prices, tiers: Tiers, label: Label | str, category: Category = "transfer") -> list[Line]:
    """Volume tiers, one component per tier so each price is visible; tiers after the first
    are shown only when reached. `tiers`: (size in GB or None for the rest, name, price key)."""
    lines, start = [], 0.0
    for i, (size, name, key) in enumerate(tiers):
        in_tier = positive(gb - start)
        if size is not None:
            in_tier = np.minimum(in_tier, size)
            start += size
        lines.append(
            Line(
                say(N_("{label} ({tier})"), label=label, tier=say(name, **_tier_bounds(tiers, i))),
                category,
                "GB",
                in_tier,
                key,
                hide_if_zero=i > 0,
            )
        )
    return lines


# AWS and Azure count 1 TB = 1,024 GB in their tiers; Google's tiers are per GiB, counted the same way.
GB_PER_TB = 1_024.0
# A tier's name is made from its size ({size}), where it starts ({start}) and ends ({end}), in TB:
# the sizes are written once, here.
FIRST, NEXT, OVER = N_("first {size:g} TB"), N_("next {size:g} TB"), N_("over {start:g} TB")
AWS_TIERS = (
    (10_240.0, FIRST, "aws.internet_egress_tier1_gb"),
    (40_960.0, NEXT, "aws.internet_egress_tier2_gb"),
    (102_400.0, NEXT, "aws.internet_egress_tier3_gb"),
    (None, OVER, "aws.internet_egress_tier4_gb"),
)
GCP_TIERS = (
    (1_024.0, FIRST, "gar.internet_egress_gb"),
    (9_216.0, N_("{start:g} to {end:g} TB"), "gar.internet_egress_tier2_gb"),
    (None, OVER, "gar.internet_egress_tier3_gb"),
)
AZURE_TIERS = (
    (10_240.0, FIRST, "acr.internet_egress_gb"),
    (40_960.0, NEXT, "acr.internet_egress_tier2_gb"),
    (102_400.0, NEXT, "acr.internet_egress_tier3_gb"),
    (None, OVER, "acr.internet_egress_tier4_gb"),
)


def _tier_bounds(tiers: Tiers, i: int) -> dict[str, float]:
    """The i-th tier's size, start and end in TB, to fill its name ("next {size:g} TB": "next 40 TB")."""
    start = sum(size or 0.0 for size, _name, _key in tiers[:i])
    size = tiers[i][0]
    end = start + size if size is not None else math.inf
    return {"size": (size or 0.0) / GB_PER_TB, "start": start / GB_PER_TB, "end": end / GB_PER_TB}


# each cloud's internet egress tiers (a self-hosted registry's hosts pay their cloud's)
EGRESS_TIERS: dict[str, Tiers] = {"aws": AWS_TIERS, "gcp": GCP_TIERS, "azure": AZURE_TIERS}
# Azure's first 100 GB a month are free, account-wide: applied with the free-tier toggle like AWS's
# (the price book's acr.internet_egress_free_gb).


def aws_internet_egress(gb: Amount, p: Prices, free_tier: bool, label: Label | str) -> list[Line]:
    """AWS's tiered internet egress."""
    free = p("aws.internet_egress_free_gb") if free_tier else 0.0
    return tiered(positive(gb - free), p, AWS_TIERS, label)


def internet_egress(
    cloud: ConsumersCloud, gb: Amount, p: Prices, w: Inputs, label: Label | str = "Internet egress"
) -> list[Line]:
    """Internet egress billed by the cloud a registry (or a self-hosted one's hosts) sits in."""
    label = label if isinstance(label, Label) else say(label)  # the default: marked at INTERNET_EGRESS
    if cloud == "aws":
        return aws_internet_egress(gb, p, w.egress_free_tier, label)
    if cloud == "gcp":
        return tiered(gb, p, GCP_TIERS, label)
    if cloud == "azure":
        free = p("acr.internet_egress_free_gb") if w.egress_free_tier else 0.0
        return tiered(positive(gb - free), p, AZURE_TIERS, label)
    # on-premises hosts: the company's own internet connection, not priced here
    return [Line(say(N_("{label} (your own connection, not priced)"), label=label), "transfer", "GB", gb, 0.0)]


INTERNET_EGRESS = N_("Internet egress")  # internet_egress's default label, translated where it is used


def cloud_transfer(w: Inputs, q: Quantities, p: Prices, cloud: ConsumersCloud, inter_region_key: str) -> list[Line]:
    """Pulls served from a registry in `cloud`, relative to where the consumers run.

    Consumers in the same cloud: free in the region, the inter-region rate across regions,
    internet egress for internet pulls. Consumers anywhere else (another cloud, on-premises):
    every pulled byte leaves the registry's cloud as internet egress.
    """
    if consumers_cloud(w) == cloud:
        return [
            Line(say(N_("Same-region transfer")), "transfer", "GB", q.same_gb, 0.0),
            Line(say(N_("Cross-region transfer")), "transfer", "GB", q.cross_gb, inter_region_key),
            *internet_egress(cloud, q.internet_gb, p, w),
        ]
    where = say(WHERE[consumers_cloud(w)])
    return internet_egress(cloud, q.pulled_gb, p, w, label=say(N_("Internet egress to {where}"), where=where))


def aws_transfer(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    """Pulls served from an AWS region."""
    return cloud_transfer(w, q, p, "aws", "aws.inter_region_gb")


def nat_hours(w: Inputs, p: Prices) -> Line:
    return Line(say(N_("NAT gateway hours")), "network", "hour", w.nat_gateways * p.hours, "aws.nat_hourly")


def nat_path(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    """Private subnets reaching a registry outside the VPC: a NAT gateway's hours and bytes."""
    return [
        nat_hours(w, p),
        Line(say(N_("NAT data processed")), "network", "GB", q.vpc_gb, "aws.nat_gb"),
    ]


ENDPOINTS_PER_AZ = 2  # ecr.api and ecr.dkr


def ecr_endpoint_path(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    """ECR from private subnets through interface endpoints, the way AWS bills it.

    ecr.api and ecr.dkr in every AZ bill per endpoint-hour; the interface endpoints' per-GB
    processing applies to what crosses them (authorization, manifests, API calls: a stated
    bytes-per-pull assumption), because image layers come from S3 through the free S3 gateway
    endpoint. Both kinds of endpoint are regional: consumers in another region reach this
    registry through their own NAT gateway (its per-GB processing is counted, its hours are not:
    that gateway serves the rest of their traffic).
    """
    same_pulls = w.pulls_per_month * w.same_region_share
    return [
        Line(
            say(N_("Interface endpoints (ecr.api + ecr.dkr) x AZs")),
            "network",
            "endpoint-hour",
            ENDPOINTS_PER_AZ * w.availability_zones * p.hours,
            "aws.endpoint_hourly",
        ),
        Line(
            say(N_("Endpoint data processed (manifests and API calls)")),
            "network",
            "GB",
            same_pulls * p("aws.ecr_endpoint_gb_per_pull"),
            "aws.endpoint_gb",
        ),
        Line(say(N_("Image layers through the S3 gateway endpoint (free)")), "network", "GB", q.same_gb, 0.0),
        Line(
            say(N_("NAT data processed (cross-region pulls)")),
            "network",
            "GB",
            q.cross_gb,
            "aws.nat_gb",
        ),
    ]


def replication_transfer(w: Inputs, p: Prices, pushed_gb: Amount) -> Line:
    """Every push's new bytes sent to each replica region at the inter-region rate: the one rule for
    managed replication and for self-hosted installations replicating to each other."""
    return Line(
        say(N_("Replication transfer (pushed bytes x replicas)")),
        "transfer",
        "GB",
        pushed_gb * w.replica_regions,
        "aws.inter_region_gb",
    )


def replication(
    w: Inputs, p: Prices, storage_key: str, storage_gb: Amount, pushed_gb: Amount, label: str
) -> list[Line]:
    """Copies in other regions: their storage, and every push's bytes sent across regions."""
    if not w.replica_regions:  # a scalar in both paths: the engine groups on it
        return []
    return [
        Line(
            say(N_("Replica storage ({label}, {regions} region(s))"), label=say(label), regions=w.replica_regions),
            "storage",
            "GB-month",
            storage_gb * w.replica_regions,
            storage_key,
        ),
        replication_transfer(w, p, pushed_gb),
    ]


def external_network(w: Inputs, q: Quantities, p: Prices) -> list[Line]:
    """Registries outside the consumers' VPC: AWS private subnets (NAT or endpoints chosen)
    still pull them through the NAT gateway."""
    return nat_path(w, q, p) if private_aws_subnets(w) else []
