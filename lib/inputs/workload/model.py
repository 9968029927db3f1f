"""The Workload: one flat, frozen, validated object inheriting every field group, and the ways to build
one (from_dict for links and files, lenient for partly wrong input, Workload.replace)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, TypeVar

from ...core.errors import InputError
from ...core.i18n import _
from .analysis import Analysis, Migration
from .fields import SPECS
from .network import Network
from .plans import Plans
from .pricing_inputs import PricingInputs
from .selfhosted import SelfHosted
from .situation import Situation
from .traffic import Origin, Usage
from .validation import SHARE_FIELDS, check_shares, check_value, coerce_fields

G = TypeVar("G", Situation, Usage, Origin, Network, Plans, SelfHosted, Analysis, Migration)


def _plain(v: object) -> object:
    """Sets are tuples inside a Workload and lists in files and dicts."""
    return list(v) if isinstance(v, tuple) else v


# The fields are declared in groups (situation, traffic, network, plans, selfhosted, analysis). Workload
# inherits every group, so each field is an attribute of the one flat, frozen object that links, scenario
# files and every caller use (w.pulls_per_month), and type checkers see every field with its type. The
# groups are typed views for code that needs one part (Workload.part(Situation)).
# A dataclass collects inherited fields from the last base to the first, so the bases are listed
# in reverse for the fields to keep GROUPS' order.
@dataclass(frozen=True)
class Workload(Migration, Analysis, SelfHosted, Plans, Network, Origin, Usage, Situation):
    """A validated workload, however it is built: Workload(...), from_dict() (which also reads the
    strings of links and files), replace(). A value out of its bounds, an unknown choice or a pull mix
    that does not sum to 1 raises InputError naming every problem: no invalid scenario exists."""

    def __post_init__(self) -> None:
        problems = [p for name, spec in SPECS.items() if (p := check_value(name, getattr(self, name), spec))]
        if not problems:
            share_problem = check_shares({k: getattr(self, k) for k in SHARE_FIELDS})
            if share_problem:
                problems.append(share_problem)
        if problems:
            raise InputError(problems)

    def to_dict(self, only_changed: bool = False) -> dict[str, Any]:
        d = {k: _plain(v) for k, v in asdict(self).items()}
        if only_changed:
            d = {k: v for k, v in d.items() if v != _plain(SPECS[k].default)}
        return d

    def replace(self, **changes: Any) -> Workload:
        """from_dict({**asdict(self), **changes}), without reading the unchanged fields again: they
        were checked when self was made, and coercing a checked value gives it back. Only the changes
        are coerced (in field order, so the problems read as from_dict's), then the pull mix. The
        pricing builds a workload per setup and per swept value (a recommendation some fifteen, the
        Break-even page's decision sweep hundreds): asdict's deep copy and 52 coercions each were a
        third of a recommendation's time (issue 29). tests/test_properties.py holds it to from_dict."""
        ordered = {k: changes[k] for k in SPECS if k in changes}
        ordered.update((k, v) for k, v in changes.items() if k not in SPECS)  # unknown: a problem, as there
        good, problems = coerce_fields(ordered)
        if problems:
            raise InputError(problems)
        new = object.__new__(Workload)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(good)
        if any(k in good for k in SHARE_FIELDS):
            share_problem = check_shares(new.__dict__)
            if share_problem:
                raise InputError([share_problem])
        return new

    def part(self, group: type[G]) -> G:
        """One group of the fields as its own typed object: w.part(Situation)."""
        return group(**{f.name: getattr(self, f.name) for f in fields(group)})


def from_dict(data: dict[str, Any] | None) -> Workload:
    """Build a validated workload; a missing field takes its default, anything wrong raises
    InputError listing every problem found."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(_("a scenario must be a mapping of field: value, got {kind}").format(kind=type(data).__name__))
    good, problems = coerce_fields(data)
    values = {**{k: s.default for k, s in SPECS.items()}, **good}
    if not problems:
        share_problem = check_shares(values)
        if share_problem:
            problems.append(share_problem)
    if problems:
        raise InputError(problems)
    return Workload(**values)


def _fill_shares(values: dict[str, Any], given: set[str]) -> None:
    """Only some shares given (a hand-written link): the remainder goes to the first one missing."""
    missing = [k for k in SHARE_FIELDS if k not in given]
    if not missing or len(missing) == len(SHARE_FIELDS):
        return
    rest = 1.0 - sum(values[k] for k in SHARE_FIELDS if k in given)
    if 0.0 <= rest <= 1.0:
        for i, k in enumerate(missing):
            values[k] = rest if i == 0 else 0.0


def lenient(raw: dict[str, Any], base: Workload | None = None, label: str = "") -> tuple[Workload, list[str]]:
    """Apply what is valid in `raw` on top of `base`; name every problem instead of raising.

    For untrusted, partly wrong input (a hand-edited link, an uploaded file): one bad field
    must not lose the others. A pull mix that does not sum to 1 is dropped as a whole.
    """
    base = base or DEFAULT
    good, problems = coerce_fields(raw)
    problems = [f"{label}{p}" for p in problems]
    values = {**base.to_dict(), **good}
    _fill_shares(values, {k for k in good if k in SHARE_FIELDS})
    bad_mix = check_shares(values)
    if bad_mix:
        problems.append(label + _("{problem}; that pull mix was not used").format(problem=bad_mix))
        values.update({k: getattr(base, k) for k in SHARE_FIELDS})
    return from_dict(values), problems


DEFAULT = Workload()


def _priced_by(w: Workload) -> PricingInputs[float]:
    return w  # mypy: a Workload is pricing's input, with float numbers
