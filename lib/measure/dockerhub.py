"""Docker Hub's tags API pages."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote

from ..core.i18n import _
from .checks import byte_size, name_text, show, when
from .inventory import Inventory, add
from .limits import HUB_URL_RE, MAX_PROBLEMS
from .sources import Source


def _hub_repo(doc: dict[str, Any], src: Source, results: list[Any]) -> str:
    for k in ("next", "previous"):
        u = doc.get(k)
        if isinstance(u, str):
            m = HUB_URL_RE.search(u)
            if m:
                return f"{unquote(m.group(1) or m.group(2))}/{unquote(m.group(3))}"
    ids = {t.get("repository") for t in results if isinstance(t, dict)}
    ids.discard(None)
    if len(ids) == 1:
        rid = ids.pop()
        if isinstance(rid, int) and not isinstance(rid, bool):
            return f"Docker Hub repository {rid}"
    return PurePosixPath(src.name).stem


def _count_pages(inv: Inventory, repo: str, doc: dict[str, Any], results: list[Any]) -> None:
    """The tags the repository has (the page's `count`, on every page) against the tags read so far, so a
    listing cut short can be told."""
    count = doc.get("count")
    if type(count) is int and count >= 0:  # the tags the repository has, on every page
        page = inv.hub_pages.setdefault(repo, [0, 0])
        page[0] = max(page[0], count)
        page[1] += len(results)


def _add_platform_image(
    im: object, wi: str, repo: str, tag_time: float | None, inv: Inventory, probs: list[str]
) -> None:
    """One platform's image of a tag, pushed when it says or else when the tag was."""
    if not isinstance(im, dict):
        probs.append(_("{where}: expected an object, got {got}").format(where=wi, got=show(im)))
        return
    if im.get("os") == "unknown" or im.get("architecture") == "unknown":
        inv.attestations += 1  # Docker Hub lists buildx attestation manifests as platform unknown/unknown
        return
    dg = name_text(im.get("digest"), f"{wi}.digest", probs)
    size = byte_size(im.get("size"), f"{wi}.size", probs)
    pushed = when(im.get("last_pushed"), f"{wi}.last_pushed", probs) or tag_time
    if dg:
        add(inv.version(repo, dg, "dockerhub"), "dockerhub", size=size, pushed=pushed)


def _add_tag(t: object, w: str, repo: str, inv: Inventory, probs: list[str]) -> None:
    """One tag of the page: its platforms' images, or the tag itself with its full size when the page
    gives no per-platform detail."""
    if not isinstance(t, dict):
        probs.append(_("{where}: expected a tag object, got {got}").format(where=w, got=show(t)))
        return
    tag_time = when(t.get("tag_last_pushed") or t.get("last_updated"), f"{w}.last_updated", probs)
    images = t.get("images")
    if images is None:
        images = []
    if not isinstance(images, list):
        probs.append(_("{where}: expected a list, got {got}").format(where=f"{w}.images", got=show(images)))
        return
    if not images:  # no per-platform detail: the tag itself, with its full size
        dg = t["digest"] if isinstance(t.get("digest"), str) and t["digest"] else f"tag:{t.get('name')}"
        v = inv.version(repo, dg, "dockerhub")
        add(v, "dockerhub", size=byte_size(t.get("full_size"), f"{w}.full_size", probs), pushed=tag_time)
        return
    for j, im in enumerate(images):
        _add_platform_image(im, f"{w}.images[{j}]", repo, tag_time, inv, probs)


def parse_dockerhub(results: list[Any], doc: dict[str, Any], src: Source, inv: Inventory, probs: list[str]) -> None:
    repo = _hub_repo(doc, src, results)
    _count_pages(inv, repo, doc, results)
    for i, t in enumerate(results):
        if len(probs) >= MAX_PROBLEMS:
            return
        _add_tag(t, f"results[{i}]", repo, inv, probs)
