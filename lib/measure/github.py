"""GitHub's package versions API (`gh api .../packages/container/NAME/versions`)."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote

from ..core.i18n import _
from .checks import name_text, show, when
from .inventory import Inventory, add
from .limits import GH_OWNER_RE, GH_URL_RE, MAX_PROBLEMS
from .sources import Source


def _gh_repo(v: dict[str, Any], src: Source, inv: Inventory) -> str:
    """OWNER/NAME: an organisation and a user may both have a package of one name."""
    for k in ("url", "package_html_url", "html_url"):
        u = v.get(k)
        if isinstance(u, str):
            m = GH_OWNER_RE.search(u)
            if m and m.group(2) != "package":
                owner, name = unquote(m.group(1)), unquote(m.group(2))
                inv.gh_owners.setdefault(name, set()).add(owner)
                return f"{owner}/{name}"
    for k in ("url", "package_html_url", "html_url"):
        u = v.get(k)
        if isinstance(u, str):
            m = GH_URL_RE.search(u)
            if m and m.group(1) != "package":
                return unquote(m.group(1))
    return PurePosixPath(src.name).stem


def parse_github(doc: list[Any], src: Source, inv: Inventory, probs: list[str]) -> None:
    for i, v in enumerate(doc):
        if len(probs) >= MAX_PROBLEMS:
            return
        w = f"[{i}]"
        if not isinstance(v, dict):
            probs.append(_("{where}: expected a package version object, got {got}").format(where=w, got=show(v)))
            continue
        if v.get("deleted_at"):
            continue  # listed with ?state=deleted: no longer stored
        meta = v.get("metadata")
        if not isinstance(meta, dict) or meta.get("package_type") not in ("container", "docker"):
            probs.append(
                _("{where}: expected 'container', got {got}").format(
                    where=f"{w}.metadata.package_type",
                    got=show(meta.get("package_type") if isinstance(meta, dict) else meta),
                )
            )
            continue
        digest = name_text(v.get("name"), f"{w}.name", probs)
        created = when(v.get("created_at"), f"{w}.created_at", probs)
        if digest:
            add(inv.version(_gh_repo(v, src, inv), digest, "github"), "github", pushed=created)


def merge_owners(inv: Inventory) -> None:
    """OWNER/NAME is kept apart per owner; a package whose name only one owner has takes its sizes
    from a manifest tree's NAME folder (the tree does not say the owner)."""
    for name, owners in inv.gh_owners.items():
        if len(owners) > 1:
            inv.notes.append(
                _(
                    "GitHub packages named {name} under {n} owners ({owners}) are counted as separate repositories"
                ).format(name=name, n=len(owners), owners=", ".join(sorted(owners)))
            )
            continue
        gh = f"{next(iter(owners))}/{name}"
        if name not in inv.repos or gh not in inv.repos:
            continue
        aliases = inv.aliases.get(name, {})
        for dg, v in inv.repos.pop(gh).items():
            into = inv.version(name, aliases.get(dg, dg), "github")
            add(into, "github", pushed=v.pushed)
