"""The five inventory fields worked out from the inventory, each with where it came from and how."""

from __future__ import annotations

import gc
import math
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from ..errors import InputError
from ..i18n import _, ngettext
from ..workload import DEFAULT, SPECS, Workload, from_dict
from .checks import stem
from .inventory import Inventory, Version
from .limits import DAYS_PER_MONTH, FIELD_WORDS, FORMAT_WORDS, MB, MEASURED_FIELDS
from .read import read_inventory
from .sources import Source, sources_from_paths

_Number = TypeVar("_Number", int, float)


@dataclass(frozen=True)
class Measured:
    field: str
    value: float
    source: str  # which inputs, in words
    how: str  # how it was worked out, in words


@dataclass(frozen=True)
class Result:
    measured: tuple[Measured, ...]
    not_measured: tuple[tuple[str, str], ...]  # (field, why)
    notes: tuple[str, ...]
    files: tuple[tuple[str, str], ...]  # (file, format in words)
    stats: dict[str, int] = field(default_factory=dict)

    def values(self) -> dict[str, float]:
        return {m.field: m.value for m in self.measured}

    def workload(self, base: Workload = DEFAULT) -> Workload:
        return from_dict({**base.to_dict(), **self.values()})

    def description(self) -> str:
        fmts = sorted({f for _, f in self.files})
        n = len(self.files)
        return ngettext(
            "Measured from {n} file ({formats}) by python -m lib measure",
            "Measured from {n} files ({formats}) by python -m lib measure",
            n,
        ).format(n=n, formats=", ".join(fmts))


def format_value(name: str, v: float) -> str:
    if name == "image_size_mb":
        return f"{v:,.2f} MB"
    if name == "shared_layer_fraction":
        return f"{v:.1%}"
    if name == "pushes_per_month":
        return f"{v:,.1f}"
    return f"{v:,}"


def format_words(fmt: str) -> str:
    """An inventory format in the reader's words ("image manifests")."""
    return _(FORMAT_WORDS[fmt])


def field_words(name: str) -> str:
    """A measured field in the reader's words ("Shared layers"): what the upload page's table shows."""
    return _(FIELD_WORDS[name])


def half_up(x: float) -> int:
    """Rounding as people do it (2.5 -> 3), not Python's round-half-to-even."""
    return int(math.floor(x + 0.5))


def _sources(inv: Inventory, fmts: AbstractSet[str | None]) -> str:
    files = [f for f, k in inv.files.items() if k in fmts or (k == "mixed")]
    words = ", ".join(format_words(f) for f in sorted(f for f in fmts if f is not None) if f in FORMAT_WORDS)
    if not files:
        return words
    return (
        f"{words} ({stem(files[0].replace(':', '/'))}.json)"
        if len(files) == 1
        else _("{formats} ({n:,} files)").format(formats=words, n=len(files))
    )


def _clamp(name: str, value: _Number, notes: list[str]) -> _Number:
    s = SPECS[name]
    if s.min is not None and value < s.min:
        notes.append(
            _("{field}: measured {value:g}, below the smallest value the calculator takes; {used:g} is used").format(
                field=field_words(name), value=value, used=s.min
            )
        )
        return type(value)(s.min)
    if s.max is not None and value > s.max:
        notes.append(
            _("{field}: measured {value:g}, above the largest value the calculator takes; {used:g} is used").format(
                field=field_words(name), value=value, used=s.max
            )
        )
        return type(value)(s.max)
    return value


@contextmanager
def _no_gc() -> Iterator[None]:
    """Parsing creates millions of small objects and no cycles: the cyclic collector would walk
    them again and again (a third of the time at 100,000 images). Restored afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def measure(sources: list[Source]) -> Result:
    """Read the inputs and measure the five inventory fields; raises InputError naming every bad file."""
    with _no_gc():
        return _measure(sources)


def _measure(sources: list[Source]) -> Result:
    inv = read_inventory(sources)
    notes = list(inv.notes)
    repos = {r: [v for v in vs.values() if not v.skip] for r, vs in inv.repos.items()}
    repos = {r: vs for r, vs in repos.items() if vs}
    measured: list[Measured] = []
    not_measured: list[tuple[str, str]] = []
    stats: dict[str, int] = {}
    if not repos:
        # the notes say why when there was something (an index whose platform manifests are
        # missing, images set aside): "empty" would send the user looking at the wrong thing
        why = list(inv.missing)  # what was missing, kept apart from the other notes: never matched by its words
        raise InputError(
            why
            or [_("{files}: no images in these files (empty listings)").format(files=", ".join(list(inv.files)[:3]))]
        )

    all_versions = [v for vs in repos.values() for v in vs]
    n, r = len(all_versions), len(repos)
    fmts_all = {f for v in all_versions for f in v.fmts}
    measured.append(
        Measured(
            "repositories",
            _clamp("repositories", r, notes),
            _sources(inv, fmts_all),
            ngettext(
                "{n:,} repository with at least one image", "{n:,} repositories with at least one image", r
            ).format(n=r),
        )
    )
    v_mean = n / r
    versions_kept = _clamp("versions_kept", max(1, half_up(v_mean)), notes)
    measured.append(
        Measured(
            "versions_kept",
            versions_kept,
            _sources(inv, fmts_all),
            _("{images} / {repositories} = {mean:,.2f}, rounded").format(
                images=ngettext("{n:,} stored image", "{n:,} stored images", n).format(n=n),
                repositories=ngettext("{n:,} repository", "{n:,} repositories", r).format(n=r),
                mean=v_mean,
            ),
        )
    )
    stats.update(versions=n, repositories=r)

    sized = [v for v in all_versions if v.size is not None]
    size_mb = None
    if sized:
        total = sum(v.size or 0 for v in sized)  # all sized: "or 0" only tells the checker
        mean = total / len(sized) / MB
        size_mb = _clamp("image_size_mb", round(mean, 2), notes)
        measured.append(
            Measured(
                "image_size_mb",
                size_mb,
                _sources(inv, {v.size_fmt for v in sized}),
                ngettext(
                    "{mb:,.1f} MB over {n:,} image (compressed; 1 MB = 1,000,000 bytes)",
                    "{mb:,.1f} MB over {n:,} images (compressed; 1 MB = 1,000,000 bytes)",
                    len(sized),
                ).format(mb=total / MB, n=len(sized)),
            )
        )
        if len(sized) < n:
            notes.append(
                _(
                    "Image size: {n:,} of {total:,} images have no size in these files "
                    "(GitHub's API gives none: add their manifests)"
                ).format(n=n - len(sized), total=n)
            )
        stats["total_bytes"] = total
    else:
        not_measured.append(("image_size_mb", _("no sizes in these files (GitHub's API gives none: add manifests)")))

    _shared(repos, all_versions, versions_kept, size_mb, r, inv, measured, not_measured, notes, stats)
    _pushes(all_versions, inv, measured, not_measured)

    measured_names = {m.field for m in measured}
    for name in MEASURED_FIELDS:
        if name not in measured_names and name not in {f for f, _ in not_measured}:
            not_measured.append((name, _("not in these files")))
    files = tuple((f, format_words(k) if k in FORMAT_WORDS else _("several formats")) for f, k in inv.files.items())
    return Result(tuple(measured), tuple(not_measured), tuple(notes), files, stats)


def _shared(
    repos: dict[str, list[Version]],
    all_versions: list[Version],
    versions_kept: int,
    size_mb: float | None,
    r: int,
    inv: Inventory,
    measured: list[Measured],
    not_measured: list[tuple[str, str]],
    notes: list[str],
    stats: dict[str, int],
) -> None:
    layered = {repo: [v for v in vs if v.layers is not None] for repo, vs in repos.items()}
    layered = {repo: vs for repo, vs in layered.items() if vs}
    if not layered:
        not_measured.append(("shared_layer_fraction", _("needs layer lists: add image manifests")))
        return
    # unique layer bytes within each repository (a repository stores a layer once however many
    # images use it); a layer in two repositories counts twice, as ECR bills each repository's storage
    unique = 0
    everywhere: dict[str, int] = {}
    for vs in layered.values():
        seen: dict[str, int] = {}
        for v in vs:
            for dg, size in v.layers or ():  # all have layers: "or ()" only tells the checker
                seen[dg] = size
        unique += sum(seen.values())
        everywhere.update(seen)
    unique_global = sum(everywhere.values())
    n_l = sum(len(vs) for vs in layered.values())
    r_l = len(layered)
    total_l = sum(v.size or 0 for vs in layered.values() for v in vs)  # sized: they have layers
    stats.update(unique_bytes=unique, unique_bytes_across_repositories=unique_global)
    V: float  # versions per repository: the scenario's whole number, or the measured mean
    if n_l == len(all_versions) and size_mb is not None:
        # every image has its layers: solve with the scenario's own (rounded) inputs, so the
        # model's stored bytes equal the measured unique bytes exactly
        R, S, V = r, size_mb * MB, versions_kept
        basis = _("this scenario's repositories, image size and versions kept")
    else:
        R, S, V = r_l, (total_l / n_l if n_l else 0.0), n_l / r_l
        basis = _("the {n:,} images that have layer lists").format(n=n_l)
        notes.append(
            _("Shared layers: measured on {n:,} of {total:,} images (those with manifests)").format(
                n=n_l, total=len(all_versions)
            )
        )
    if S <= 0:
        not_measured.append(("shared_layer_fraction", _("the images with layer lists have no layers")))
        return
    if V <= 1:
        not_measured.append(
            ("shared_layer_fraction", _("one version per repository: nothing is shared between versions"))
        )
        return
    # stored = R * S * (s + (1 - s) * V)  =>  s = (V - k) / (V - 1), k = unique / (R * S)
    k = unique / (R * S)
    s = (V - k) / (V - 1)
    if s < 0 or s > 1:
        notes.append(
            _(
                "Shared layers: the solution {s:.3f} is outside 0..1 (rounding of versions kept); {used:g} is used"
            ).format(s=s, used=min(max(s, 0.0), 1.0))
        )
        s = min(max(s, 0.0), 1.0)
    s = round(s, 4)
    cross = unique - unique_global
    measured.append(
        Measured(
            "shared_layer_fraction",
            s,
            format_words("manifest")
            + " ("
            + ngettext("{n:,} repository", "{n:,} repositories", len(layered)).format(n=len(layered))
            + ")",
            _(
                "unique layer bytes per repository {mb:,.1f} MB, solved so the model stores exactly that "
                "(from {basis}); layers shared across repositories are counted once per repository"
            ).format(mb=unique / MB, basis=basis),
        )
    )
    if cross > 0:
        notes.append(
            _(
                "Layers shared across repositories: {cross:,.1f} MB is counted in each repository that "
                "uses it (ECR bills storage per repository); a registry that de-duplicates across "
                "repositories would store {once:,.1f} MB instead of {each:,.1f} MB"
            ).format(cross=cross / MB, once=unique_global / MB, each=unique / MB)
        )


def _pushes(
    all_versions: list[Version], inv: Inventory, measured: list[Measured], not_measured: list[tuple[str, str]]
) -> None:
    times = [v.pushed for v in all_versions if v.pushed is not None]
    if len(times) < 2:
        not_measured.append(("pushes_per_month", _("needs push or creation times of at least two images")))
        return
    span = max(times) - min(times)
    if span < 86_400:
        not_measured.append(
            ("pushes_per_month", _("the images were all pushed within one day: too short to tell a monthly rate"))
        )
        return
    days = span / 86_400
    rate = len(times) / days * DAYS_PER_MONTH
    rate = _clamp("pushes_per_month", round(rate, 2), [])
    first = datetime.fromtimestamp(min(times), UTC).date()
    last = datetime.fromtimestamp(max(times), UTC).date()
    measured.append(
        Measured(
            "pushes_per_month",
            rate,
            _sources(inv, {v.pushed_fmt for v in all_versions if v.pushed is not None}),
            _(
                "{n:,} images pushed over {days:,.1f} days ({first} to {last}), per 30 days; deleted images "
                "are not listed, so this is a lower bound"
            ).format(n=len(times), days=days, first=first, last=last),
        )
    )


def measure_paths(paths: Iterable[str | Path]) -> Result:
    with _no_gc():
        return _measure(sources_from_paths(paths))
