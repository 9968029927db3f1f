"""Where the recommendation changes as one input sweeps its range (issue 24, item 3).

The Break-even page's first answer: for a sweepable input (workload.Sweep), the values at which
the recommendation itself changes, what it changes to, and how far today's value is from the
nearest one. The oracle is decision.recommended, the answer of the call every page makes (recommend),
pricing only the registries that answer can be (issue 29), so whatever moves
the answer (costs in each registry's best setup, a quota that stops serving, the leaf's ranking)
moves it here; it is priced on a coarse grid and each change bracketed is found by bisection on
the recommendation (to 0.1 % of the value on a log range, a whole unit for whole numbers, a tenth
of a percentage point for a share). The pairwise cost crossings stay in lib/analyses/sensitivity.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..core import i18n
from ..core.i18n import _
from ..core.numbers import count_words
from ..decide import decision
from ..decide.decision_tree import Tree
from ..inputs.pricebook import PriceBook
from ..inputs.workload import PERCENT_FIELDS, Workload
from ..pricing import registries
from ..pricing.labels import number, percent
from . import sensitivity

GRID = 9  # coarse points across the range (today's value is added): where the answer is read first
MAX_STEPS = 40  # bisection steps per change, a bound (0.1 % of 7 decades needs about 14)


@dataclass(frozen=True)
class Change:
    """Below `x` the answer is `before`, from `x` on it is `after` (x found to the precision above)."""

    x: float
    before: str
    after: str


@dataclass(frozen=True)
class Answer:
    field: str
    lo: float
    hi: float
    today: float
    now: str  # today's recommendation
    changes: tuple[Change, ...]  # in the order of x
    evaluations: int  # recommendations priced: the work it took (bounded; tests budget it)

    def nearest(self) -> Change | None:
        """The change closest to today's value (by ratio on a log range, by difference otherwise)."""
        if not self.changes:
            return None
        return min(self.changes, key=lambda c: abs(_distance(self.field, self.today, c.x)))


def _distance(field: str, today: float, x: float) -> float:
    if sensitivity.RANGES[field][2]:
        return math.log(max(x, 1e-12) / max(today, 1e-12))
    return x - today


def _at(w: Workload, field: str, x: float) -> Workload:
    changes: dict[str, object] = {field: int(round(x)) if sensitivity.is_integer(field) else float(x)}
    if field == "cross_region_share":  # the pull mix keeps summing to 1, as the sweep keeps it
        changes["same_region_share"] = max(0.0, 1.0 - w.internet_share - float(x))
    return w.replace(**changes)


def _close(field: str, lo: float, hi: float) -> bool:
    if sensitivity.is_integer(field):
        return hi - lo <= 1.0
    if sensitivity.RANGES[field][2]:
        return hi <= lo * 1.001
    return hi - lo <= 0.001


def answer(
    w: Workload,
    book: PriceBook,
    field: str,
    tree: Tree | None = None,
    progress: Callable[[float], None] | None = None,
) -> Answer:
    """The recommendation across `field`'s range, the others as in `w`. `progress`: called with
    0..1 as the grid is priced (a page's progress bar)."""
    tree = tree or decision.load()
    lo, hi = sensitivity.bounds(w, field)
    today = float(getattr(w, field))
    xs = sorted({*sensitivity.grid(w, field, GRID).tolist(), min(max(today, lo), hi)})
    memo: dict[float, str] = {}

    def rec(x: float) -> str:
        x = float(round(x)) if sensitivity.is_integer(field) else x
        if x not in memo:
            memo[x] = decision.recommended(_at(w, field, x), book, tree)  # the answer only: the leaf's registries
        return memo[x]

    answers = []
    for i, x in enumerate(xs):
        answers.append(rec(x))
        if progress:
            progress((i + 1) / len(xs))
    changes = []
    for i in range(len(xs) - 1):
        (a, ra), (b, rb) = (xs[i], answers[i]), (xs[i + 1], answers[i + 1])
        if ra == rb:
            continue  # (two changes that cancel between grid points are not seen: the grid is the bound)
        left, right = a, b
        for _step in range(MAX_STEPS):
            if _close(field, left, right):
                break
            if sensitivity.RANGES[field][2]:
                mid = math.sqrt(left * right) if left > 0 else (left + right) / 2
            else:
                mid = (left + right) / 2
            if sensitivity.is_integer(field):
                mid = float(np.clip(math.floor(mid), left + 1, right))
            if rec(mid) == ra:
                left = mid
            else:
                right = mid
        changes.append(Change(right, ra, rec(right)))
    now = rec(today)
    return Answer(field, lo, hi, today, now, tuple(changes), len(memo))


# ---- in words ------------------------------------------------------------------------------------


def value(field: str, x: float) -> str:
    """A swept value as the page writes it: "50 %", "1,200,000 pulls a month"."""
    if field in PERCENT_FIELDS:
        return percent(x, 0 if abs(x * 100 - round(x * 100)) < 0.05 else 1)
    shown = _significant(x)
    words = count_words(shown) if i18n.lang() == "ko" and sensitivity.UNITS[field] in KOREAN_COUNTS else None
    if words:  # "월 1억 회", "1만 명": a unit after 만/억 stands apart, as after any Korean number word
        return sensitivity.with_unit(field, words + " ")
    return sensitivity.with_unit(field, number(shown))


# counts a Korean sentence says in 만 and 억 ("월 1억 회", "1만 명"); sizes keep their digits ("20,000 MB")
KOREAN_COUNTS = frozenset({"pulls a month", "seats", "versions"})


def value_range(field: str, lo: float, hi: float) -> tuple[str, str]:
    """The two ends of a swept range, as a Korean range writes them: what both ends share said once ("월 10회~1억
    회", "버전 1~1,000개", not "월 10회~월 1억 회", "버전 1개~버전 1,000개": ninth Korean review); English keeps
    both ends whole ("from 10 pulls a month to 100,000,000 pulls a month")."""
    a, b = value(field, lo), value(field, hi)
    if i18n.lang() != "ko":
        return a, b
    words = re.match(r"[^\d$₩]*\s", a)  # the words before the number ("월 ", "버전 ")
    if words and b.startswith(words.group()):
        b = b[len(words.group()) :]
    # the unit after the number, with its space if any: "개" / "개" and " MB" / " MB" are said once, "회" / " 회"
    # ("월 10회", "1억 회") stay on both ends
    tail_a, tail_b = re.search(r"\s?[^\d\s]*$", a), re.search(r"\s?[^\d\s]*$", b)
    if tail_a and tail_b and tail_a.group().strip() and tail_a.group() == tail_b.group():
        a = a[: -len(tail_a.group())]
    return a, b


def _significant(x: float, figures: int = 3) -> float:
    """x to `figures` significant figures, whole above 100 (a value found to 0.1 %: 1,000.4 is 1,000)."""
    if x == 0 or not math.isfinite(x):
        return x
    rounded = round(x, figures - 1 - math.floor(math.log10(abs(x))))
    return float(round(rounded)) if abs(rounded) >= 100 else rounded


def how_far(a: Answer, c: Change) -> str:
    """How far today's value is from a change: "12 x today's value", "+25 percentage points"."""
    if sensitivity.RANGES[a.field][2] and a.today > 0:
        ratio = c.x / a.today
        if ratio >= 1:
            return _("{times} x today's value").format(times=number(_significant(ratio, 2)))
        return _("1/{times} of today's value").format(times=number(_significant(1 / ratio, 2)))
    points = (c.x - a.today) * 100 if a.field in _percent_fields() else c.x - a.today
    if a.field in _percent_fields():
        return _("{points} percentage points from today's value").format(points=f"{points:+.1f}")
    return _("{difference} from today's value").format(difference=f"{points:+,.0f}")


def _percent_fields() -> frozenset[str]:
    return frozenset(PERCENT_FIELDS)


def sentence(a: Answer) -> str:
    """The answer line: what the recommendation is across the range, and where it changes."""
    name = registries.name
    if not a.changes:
        lo, hi = value_range(a.field, a.lo, a.hi)
        return _("The answer stays {registry} from {lo} to {hi}: no value in the range swept changes it.").format(
            registry=name(a.now), lo=lo, hi=hi
        )
    c = a.nearest()
    assert c is not None
    head = _("Today's answer is {registry}; it changes at {at} ({far}): {before} below it, {after} from it on.").format(
        registry=name(a.now),
        at=value(a.field, c.x),
        far=how_far(a, c),
        before=name(c.before),
        after=name(c.after),
    )
    others = len(a.changes) - 1
    if others:
        return (
            head + " " + _("The answer changes {n} more time(s) across the range (the table below).").format(n=others)
        )
    return head
