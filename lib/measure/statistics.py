"""The five inventory fields worked out from the inventory, each with where it came from and how."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ..core.errors import InputError
from ..core.i18n import _, ngettext
from . import pulls
from .inventory import Inventory, Version
from .limits import DAYS_PER_MONTH, FORMAT_WORDS, MB, MEASURED_FIELDS, MIN_PUSH_SPAN_DAYS, PULL_FIELDS, PULL_FORMATS
from .read import read_inventory
from .result import Measured, Result, clamp, format_words, half_up, sources_words
from .sources import Source, sources_from_paths


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


def _stored_versions(inv: Inventory) -> dict[str, list[Version]]:
    """Each repository's images that count (not set aside), repositories left with none dropped."""
    repos = {r: [v for v in vs.values() if not v.skip] for r, vs in inv.repos.items()}
    return {r: vs for r, vs in repos.items() if vs}


def _pulls_given(inv: Inventory) -> bool:
    """Whether the files hold anything pulls are measured from (pull records, trails, a pull format)."""
    return bool(inv.pulls or inv.trail_files) or any(k in PULL_FORMATS for k in inv.files.values())


def _nothing_found(inv: Inventory) -> InputError:
    """The error for files with no images and no pulls. The notes say why when there was something (an
    index whose platform manifests are missing, images set aside): "empty" would send the user looking
    at the wrong thing."""
    why = (
        list(inv.missing) + inv.left_out
    )  # what was missing, kept apart from the other notes: never matched by its words
    return InputError(
        why or [_("{files}: no images in these files (empty listings)").format(files=", ".join(list(inv.files)[:3]))]
    )


def _say_what_is_missing(measured: list[Measured], not_measured: list[tuple[str, str]], pulls_given: bool) -> None:
    """Every field neither measured nor already explained is "not in these files"."""
    measured_names = {m.field for m in measured}
    for name in MEASURED_FIELDS + (PULL_FIELDS if pulls_given else ()):
        if name not in measured_names and name not in {f for f, _ in not_measured}:
            not_measured.append((name, _("not in these files")))


def _measure(sources: list[Source]) -> Result:
    inv = read_inventory(sources)
    notes = list(inv.notes)
    repos = _stored_versions(inv)
    measured: list[Measured] = []
    not_measured: list[tuple[str, str]] = []
    stats: dict[str, int] = {}
    pulls_given = _pulls_given(inv)
    if not repos and not pulls_given:
        raise _nothing_found(inv)
    if repos:
        _inventory(repos, inv, measured, not_measured, notes, stats)
    if pulls_given:
        pulls.measure_pulls(inv, measured, not_measured, notes)
    _say_what_is_missing(measured, not_measured, pulls_given)
    files = tuple((f, format_words(k) if k in FORMAT_WORDS else _("several formats")) for f, k in inv.files.items())
    return Result(tuple(measured), tuple(not_measured), tuple(notes), files, stats, tuple(inv.partial))


def _inventory(
    repos: dict[str, list[Version]],
    inv: Inventory,
    measured: list[Measured],
    not_measured: list[tuple[str, str]],
    notes: list[str],
    stats: dict[str, int],
) -> None:
    all_versions = [v for vs in repos.values() for v in vs]
    n, r = len(all_versions), len(repos)
    fmts_all = {f for v in all_versions for f in v.fmts}
    measured.append(
        Measured(
            "repositories",
            clamp("repositories", r, notes),
            sources_words(inv, fmts_all),
            ngettext(
                "{n:,} repository with at least one image", "{n:,} repositories with at least one image", r
            ).format(n=r),
        )
    )
    v_mean = n / r
    versions_kept = clamp("versions_kept", max(1, half_up(v_mean)), notes)
    measured.append(
        Measured(
            "versions_kept",
            versions_kept,
            sources_words(inv, fmts_all),
            _("{images} / {repositories} = {mean:,.2f}, rounded").format(
                images=ngettext("{n:,} stored image", "{n:,} stored images", n).format(n=n),
                repositories=ngettext("{n:,} repository", "{n:,} repositories", r).format(n=r),
                mean=v_mean,
            ),
        )
    )
    stats.update(versions=n, repositories=r)

    sized = [v for v in all_versions if v.size is not None]
    size_solve = None  # the image size the shared share is solved with
    if sized:
        total = sum(v.size or 0 for v in sized)  # all sized: "or 0" only tells the checker
        mean = total / len(sized) / MB
        size_mb = clamp("image_size_mb", round(mean, 2), notes)
        # the scenario's own rounded size, unless the calculator's floor moved it (an image under 1 MB):
        # then the measured mean, or the share would be solved for bytes no image has
        size_solve = size_mb if size_mb == round(mean, 2) and size_mb > 0 else mean
        measured.append(
            Measured(
                "image_size_mb",
                size_mb,
                sources_words(inv, {v.size_fmt for v in sized}),
                ngettext(
                    "{mb:,.1f} MB over {n:,} image (compressed; 1 MB = 1,000,000 bytes)",
                    "{mb:,.1f} MB over {n:,} images (compressed; 1 MB = 1,000,000 bytes)",
                    len(sized),
                ).format(mb=total / MB, n=len(sized)),
            )
        )
        if len(sized) < n:
            notes.append(
                _("Image size: {n:,} of {total:,} images have no size in these files ({why})").format(
                    n=n - len(sized), total=n, why=_unsized(all_versions)
                )
            )
        stats["total_bytes"] = total
    else:
        not_measured.append(("image_size_mb", _("no sizes in these files ({why})").format(why=_unsized(all_versions))))

    _shared(repos, all_versions, versions_kept, size_solve, r, inv, measured, not_measured, notes, stats)
    _pushes(all_versions, inv, measured, not_measured)


def _unsized(versions: list[Version]) -> str:
    """Why images have no size, by the format that listed them (never blaming one that was not read)."""
    fmts = {v.fmts[0] for v in versions if v.size is None}
    why = {
        "github": _("GitHub's API gives none: add their manifests"),
        "ecr": _("the ECR listing has no imageSizeInBytes for them"),
        "dockerhub": _("the Docker Hub page gives no size for them"),
    }
    return "; ".join(why[f] for f in sorted(fmts) if f in why) or _("no size given")


def _with_layers(repos: dict[str, list[Version]]) -> dict[str, list[Version]]:
    """Each repository's images that have layer lists, repositories with none dropped."""
    layered = {repo: [v for v in vs if v.layers is not None] for repo, vs in repos.items()}
    return {repo: vs for repo, vs in layered.items() if vs}


def _unique_layer_bytes(layered: dict[str, list[Version]]) -> tuple[int, int]:
    """Unique layer bytes within each repository, summed (a repository stores a layer once however many
    images use it; a layer in two repositories counts twice, as ECR bills each repository's storage), and
    unique layer bytes across all of them."""
    unique = 0
    everywhere: dict[str, int] = {}
    for vs in layered.values():
        seen: dict[str, int] = {}
        for v in vs:
            for dg, size in v.layers or ():  # all have layers: "or ()" only tells the checker
                seen[dg] = size
        unique += sum(seen.values())
        everywhere.update(seen)
    return unique, sum(everywhere.values())


def _solve_with(
    layered: dict[str, list[Version]],
    all_versions: list[Version],
    versions_kept: int,
    size_mb: float | None,
    r: int,
    notes: list[str],
) -> tuple[float, float, float, str]:
    """Repositories, image size (bytes) and versions per repository the share is solved with, and their
    basis in words: the scenario's own when every image has its layers, else the images that have them
    (a note says so)."""
    n_l = sum(len(vs) for vs in layered.values())
    r_l = len(layered)
    total_l = sum(v.size or 0 for vs in layered.values() for v in vs)  # sized: they have layers
    if n_l == len(all_versions) and size_mb is not None:
        # every image has its layers: solve with the scenario's own (rounded) inputs, so the
        # model's stored bytes equal the measured unique bytes exactly
        return r, size_mb * MB, versions_kept, _("this scenario's repositories, image size and versions kept")
    notes.append(
        _("Shared layers: measured on {n:,} of {total:,} images (those with manifests)").format(
            n=n_l, total=len(all_versions)
        )
    )
    return r_l, (total_l / n_l if n_l else 0.0), n_l / r_l, _("the {n:,} images that have layer lists").format(n=n_l)


def _unsolvable(S: float, V: float) -> str | None:
    """Why the share cannot be solved with these figures, or None."""
    if S <= 0:
        return _("the images with layer lists have no layers")
    if V <= 1:
        return _("one version per repository: nothing is shared between versions")
    return None


def _solved_share(unique: int, R: float, S: float, V: float, notes: list[str]) -> float:
    """stored = R * S * (s + (1 - s) * V)  =>  s = (V - k) / (V - 1), k = unique / (R * S); a solution
    outside 0..1 (versions kept rounded) is clamped, with a note."""
    k = unique / (R * S)
    s = (V - k) / (V - 1)
    if s < 0 or s > 1:
        notes.append(
            _(
                "Shared layers: the solution {s:.3f} is outside 0..1 (rounding of versions kept); {used:g} is used"
            ).format(s=s, used=min(max(s, 0.0), 1.0))
        )
        s = min(max(s, 0.0), 1.0)
    return round(s, 4)


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
    layered = _with_layers(repos)
    if not layered:
        not_measured.append(("shared_layer_fraction", _("needs layer lists: add image manifests")))
        return
    unique, unique_global = _unique_layer_bytes(layered)
    stats.update(unique_bytes=unique, unique_bytes_across_repositories=unique_global)
    R, S, V, basis = _solve_with(layered, all_versions, versions_kept, size_mb, r, notes)
    why = _unsolvable(S, V)
    if why is not None:
        not_measured.append(("shared_layer_fraction", why))
        return
    s = _solved_share(unique, R, S, V, notes)
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
    cross = unique - unique_global
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
    if span < MIN_PUSH_SPAN_DAYS * 86_400:
        not_measured.append(
            (
                "pushes_per_month",
                _(
                    "{n:,} images pushed within {days:,.1f} days: too short to tell a monthly rate "
                    "(at least {least} days needed)"
                ).format(n=len(times), days=span / 86_400, least=MIN_PUSH_SPAN_DAYS),
            )
        )
        return
    days = span / 86_400
    rate = len(times) / days * DAYS_PER_MONTH
    rate = clamp("pushes_per_month", round(rate, 2), [])
    first = datetime.fromtimestamp(min(times), UTC).date()
    last = datetime.fromtimestamp(max(times), UTC).date()
    measured.append(
        Measured(
            "pushes_per_month",
            rate,
            sources_words(inv, {v.pushed_fmt for v in all_versions if v.pushed is not None}),
            _(
                "{n:,} images pushed over {days:,.1f} days ({first} to {last}), per 30 days; deleted images "
                "are not listed, so this is a lower bound"
            ).format(n=len(times), days=days, first=first, last=last),
        )
    )


def measure_paths(paths: Iterable[str | Path]) -> Result:
    with _no_gc():
        return _measure(sources_from_paths(paths))
