"""Amazon ECR pulls from CloudWatch's RepositoryPullCount (namespace AWS/ECR, dimension RepositoryName).

Two AWS CLI outputs, as the CLI prints them:
- `aws cloudwatch get-metric-statistics ... --statistics Sum --period 86400`: `Label` and
  `Datapoints[]` with `Timestamp`, `Sum`, `Unit`;
- `aws cloudwatch get-metric-data ...`: `MetricDataResults[]` with `Id`, `Label`, `Timestamps[]`,
  `Values[]`, `StatusCode` (`Complete` or `PartialData`), and `NextToken` when there are more pages.
Neither names the repository or the period: the period is the smallest step between timestamps, and
CloudWatch lists no datapoint for a period without pulls, so the span runs from the first datapoint
to the end of the last one.
"""

from __future__ import annotations

import math
from typing import Any

from ..core.i18n import _
from .checks import show, when
from .inventory import Inventory, PullSeries
from .limits import MAX_PROBLEMS, MAX_SERIES_POINTS
from .sources import Source


def _count(v: object, where: str, probs: list[str]) -> float | None:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0 or v > 1e15:
        probs.append(_("{where}: expected a count of pulls, got {got}").format(where=where, got=show(v)))
        return None
    return float(v)


def _series(src: Source, inv: Inventory, label: str, points: list[tuple[float, float]]) -> None:
    if not points:
        return
    times = sorted({t for t, _n in points})
    steps = [b - a for a, b in zip(times, times[1:], strict=False) if b > a]
    if not steps:
        inv.notes.append(
            _(
                "{file}: one datapoint, so the period it covers is not in the file: ask for several "
                "(--period 86400 over 30 days); its pulls are not counted"
            ).format(file=src.name)
        )
        return
    period = min(steps)
    inv.pulls.append(
        PullSeries(src.name, "cloudwatch", label, sum(n for _t, n in points), times[0], times[-1] + period)
    )


def parse_statistics(doc: dict[str, Any], src: Source, inv: Inventory, probs: list[str]) -> None:
    dps = doc.get("Datapoints")
    if not isinstance(dps, list) or len(dps) > MAX_SERIES_POINTS:
        probs.append(_("Datapoints: expected a list of datapoints, got {got}").format(got=show(dps)))
        return
    label = doc.get("Label") if isinstance(doc.get("Label"), str) else "RepositoryPullCount"
    points = []
    for i, d in enumerate(dps):
        if len(probs) >= MAX_PROBLEMS:
            return
        w = f"Datapoints[{i}]"
        if not isinstance(d, dict):
            probs.append(_("{where}: expected an object, got {got}").format(where=w, got=show(d)))
            continue
        if "Sum" not in d:
            probs.append(_("{where}: no Sum (ask for it with --statistics Sum: pulls add up)").format(where=f"{w}.Sum"))
            continue
        t = when(d.get("Timestamp"), f"{w}.Timestamp", probs)
        n = _count(d.get("Sum"), f"{w}.Sum", probs)
        if t is not None and n is not None:
            points.append((t, n))
    if not probs:
        _series(src, inv, str(label)[:80], points)


def _result_points(r: dict[str, Any], w: str, probs: list[str]) -> list[tuple[float, float]] | None:
    """One result's (time, pulls) points, the unreadable ones said in `probs`; None when the file's problems
    reach the limit (MAX_PROBLEMS: as many as are worth saying)."""
    points = []
    for j, (t0, n0) in enumerate(zip(r["Timestamps"], r["Values"], strict=True)):
        if len(probs) >= MAX_PROBLEMS:
            return None
        t = when(t0, f"{w}.Timestamps[{j}]", probs)
        n = _count(n0, f"{w}.Values[{j}]", probs)
        if t is not None and n is not None:
            points.append((t, n))
    return points


def _result_problem(r: object, w: str) -> str | None:
    """Why a result cannot be read (not an object; Timestamps and Values not lists of one length), or None."""
    if not isinstance(r, dict):
        return _("{where}: expected an object, got {got}").format(where=w, got=show(r))
    ts, vs = r.get("Timestamps"), r.get("Values")
    if not isinstance(ts, list) or not isinstance(vs, list) or len(ts) != len(vs) or len(ts) > MAX_SERIES_POINTS:
        return _("{where}: expected Timestamps and Values of the same length").format(where=w)
    return None


def _partial_note(src: Source, token: object) -> str:
    """What to run to read all the data, when CloudWatch returned part of it."""
    return _(
        "{file}: CloudWatch returned part of the data (StatusCode PartialData or a NextToken): run the "
        "same `aws cloudwatch get-metric-data` command without --max-items (the AWS CLI then reads every "
        "page){token}"
    ).format(
        file=src.name,
        token=_(", or continue with --starting-token {token}").format(token=token[:200])
        if isinstance(token, str) and token
        else "",
    )


def parse_metric_data(doc: dict[str, Any], src: Source, inv: Inventory, probs: list[str]) -> None:
    results = doc.get("MetricDataResults")
    if not isinstance(results, list):
        probs.append(_("MetricDataResults: expected a list of results, got {got}").format(got=show(results)))
        return
    partial = False
    for i, r in enumerate(results):
        w = f"MetricDataResults[{i}]"
        problem = _result_problem(r, w)
        if problem is not None:
            probs.append(problem)
            continue
        partial = partial or r.get("StatusCode") == "PartialData"
        points = _result_points(r, w, probs)
        if points is None:
            return  # enough said: nothing more is read from this file
        label = r.get("Label") if isinstance(r.get("Label"), str) else r.get("Id")
        if not probs:
            _series(src, inv, str(label or "RepositoryPullCount")[:80], points)
    token = doc.get("NextToken")
    if partial or (isinstance(token, str) and token):
        inv.partial.append(_partial_note(src, token))
