"""The setup that serves the workload: a step of the decision (issue 24, item 2).

A registry whose flags say it will not serve this workload as set up (`Flag.wont_serve`: ECR Public
throttling anonymous pulls beyond its quota, Docker Hub's Personal limit, a plan that cannot hold
the repositories) is compared in the cheapest setup that serves it (another plan, another tier,
another network path: setups.options), even when that costs more; when no setup serves, the
registry is set aside like one that fails a hard requirement, so it is neither the recommendation,
nor the runner-up, nor "the cheapest". The figures come from the same engine as every total.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..core.i18n import _
from ..inputs.pricebook import PriceBook
from ..inputs.workload import Workload
from ..pricing import engine, registries, setups
from ..pricing.components import Flag


def wont_serve(flags: Iterable[Flag]) -> tuple[Flag, ...]:
    """The flags that say the registry, as priced, will not serve the workload."""
    return tuple(f for f in flags if f.wont_serve)


@dataclass(frozen=True)
class Serving:
    """The outcome of the step, as data (the sentences are made from it when asked)."""

    setups: dict[str, setups.Setup | None]  # each registry's setup to compare (None: as set up now)
    moved: dict[str, tuple[Flag, ...]]  # registries moved to a setup that serves: the flags that moved them
    set_aside: dict[str, tuple[Flag, ...]]  # registries no priced setup serves: the flags of their best setup


def _serving_setup(w: Workload, book: PriceBook, rid: str, as_now: float) -> setups.Setup | None:
    """The cheapest other setup of `rid` with no won't-serve flag, or None when none is priced."""
    fields = setups.options(w, rid)
    best: tuple[dict[str, object], float] | None = None
    for values in itertools.product(*fields.values()):
        changes: dict[str, object] = dict(zip(fields, values, strict=True))
        r = engine.estimate(w.replace(**changes), book, (rid,))[rid]
        if not wont_serve(r.flags) and (best is None or r.monthly_cost < best[1]):
            best = (changes, r.monthly_cost)
    if best is None:
        return None
    changes, cost = best
    return setups.Setup(rid, changes, cost, as_now - cost, setups.describe(changes, rid))


def serving_setups(
    w: Workload,
    book: PriceBook,
    costs: Mapping[str, float],
    cheaper: Mapping[str, setups.Setup | None],
    estimate: engine.Estimate | None = None,
) -> Serving:
    """Each registry's setup to compare: its cheaper setup when that serves the workload, else the
    cheapest that does; registries no setup serves are set aside. `estimate`: the workload as set
    up now, when the caller has it (its flags are read, not priced again)."""
    e = estimate if estimate is not None else engine.estimate(w, book, tuple(costs))
    chosen: dict[str, setups.Setup | None] = {}
    moved: dict[str, tuple[Flag, ...]] = {}
    aside: dict[str, tuple[Flag, ...]] = {}
    for rid in costs:
        s = cheaper.get(rid)
        if s is None:
            flags = e[rid].flags
        elif s.flags is not None:  # priced by the search that found it
            flags = list(s.flags)
        else:
            flags = engine.estimate(w.replace(**s.changes), book, (rid,))[rid].flags
        bad = wont_serve(flags)
        if not bad:
            chosen[rid] = s
            continue
        serving = _serving_setup(w, book, rid, costs[rid])
        if serving is None:
            chosen[rid] = s
            aside[rid] = bad
        else:
            chosen[rid] = serving
            moved[rid] = bad
    return Serving(chosen, moved, aside)


# ---- in words ------------------------------------------------------------------------------------


def failure(flags: Iterable[Flag]) -> str:
    """A set-aside registry's reason, in the list of hard requirements it fails."""
    return _("serving this workload in any setup priced: {why}").format(why=" ".join(f.message for f in flags))


def note(rid: str, serving: Serving, chosen: str, leaf_registries: Iterable[str]) -> str:
    """One sentence when the step changed the answer: the registry the situation pointed to was set
    aside, or the recommendation is priced in a setup that serves it. "" when it changed nothing."""
    pointed = [r for r in leaf_registries if r in serving.set_aside]
    if pointed and chosen not in pointed:
        first = pointed[0]
        return _(
            "{registry} would not serve this workload in any setup priced, so the answer moves to {chosen}: {why}"
        ).format(
            registry=registries.name(first),
            why=" ".join(f.message for f in serving.set_aside[first]),
            chosen=registries.name(chosen),
        )
    if rid in serving.moved and (s := serving.setups.get(rid)):
        return _("As set up now {registry} would not serve this workload, so it is priced {setup}: {why}").format(
            registry=registries.name(rid),
            why=" ".join(f.message for f in serving.moved[rid]),
            setup=s.description,
        )
    return ""
