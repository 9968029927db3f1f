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


def parse_dockerhub(results: list[Any], doc: dict[str, Any], src: Source, inv: Inventory, probs: list[str]) -> None:
    repo = _hub_repo(doc, src, results)
    count = doc.get("count")
    if type(count) is int and count >= 0:  # the tags the repository has, on every page
        page = inv.hub_pages.setdefault(repo, [0, 0])
        page[0] = max(page[0], count)
        page[1] += len(results)
    for i, t in enumerate(results):
        if len(probs) >= MAX_PROBLEMS:
            return
        w = f"results[{i}]"
        if not isinstance(t, dict):
            probs.append(_("{where}: expected a tag object, got {got}").format(where=w, got=show(t)))
            continue
        tag_time = when(t.get("tag_last_pushed") or t.get("last_updated"), f"{w}.last_updated", probs)
        images = t.get("images")
        if images is None:
            images = []
        if not isinstance(images, list):
            probs.append(_("{where}: expected a list, got {got}").format(where=f"{w}.images", got=show(images)))
            continue
        if not images:  # no per-platform detail: the tag itself, with its full size
            dg = t["digest"] if isinstance(t.get("digest"), str) and t["digest"] else f"tag:{t.get('name')}"
            v = inv.version(repo, dg, "dockerhub")
            add(v, "dockerhub", size=byte_size(t.get("full_size"), f"{w}.full_size", probs), pushed=tag_time)
            continue
        for j, im in enumerate(images):
            wi = f"{w}.images[{j}]"
            if not isinstance(im, dict):
                probs.append(_("{where}: expected an object, got {got}").format(where=wi, got=show(im)))
                continue
            if im.get("os") == "unknown" or im.get("architecture") == "unknown":
                inv.attestations += 1  # Docker Hub lists buildx attestation manifests as platform unknown/unknown
                continue
            dg = name_text(im.get("digest"), f"{wi}.digest", probs)
            size = byte_size(im.get("size"), f"{wi}.size", probs)
            pushed = when(im.get("last_pushed"), f"{wi}.last_pushed", probs) or tag_time
            if dg:
                add(inv.version(repo, dg, "dockerhub"), "dockerhub", size=size, pushed=pushed)
