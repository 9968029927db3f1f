"""Every file through its parser into one inventory; indexes followed to their platform manifests."""

from __future__ import annotations

from ..errors import InputError
from ..i18n import _, ngettext
from .detect import detect, foreign
from .dockerhub import parse_dockerhub
from .ecr import parse_ecr
from .github import parse_github
from .inventory import Inventory
from .jsondocs import FileProblems, json_docs
from .limits import MAX_LISTED, MAX_PROBLEMS
from .manifests import parse_manifest
from .sources import Source


def read_inventory(sources: list[Source]) -> Inventory:
    inv = Inventory()
    problems: list[str] = []
    for src in sources:
        probs: list[str] = []
        try:
            docs = json_docs(src)
        except FileProblems as e:
            problems += [f"{src.name}: {p}" for p in e.problems]
            continue
        kinds = set()
        for doc in docs:
            kind = detect(doc)
            if kind is None:
                probs.append(foreign(doc))
                break
            if kind == "schema1":
                probs.append(
                    _(
                        "a Docker v2 schema 1 manifest: it carries no layer sizes; save the manifest with "
                        "`crane manifest` or `skopeo inspect --raw` from a registry that serves schema 2 or OCI"
                    )
                )
                break
            kinds.add(kind)
            if kind == "ecr":
                parse_ecr(doc, src, inv, probs)
            elif kind in ("manifest", "index"):
                parse_manifest(doc, src, inv, probs, kind)
            elif kind == "dockerhub":
                parse_dockerhub(doc["results"], doc, src, inv, probs)
            elif kind == "dockerhub_list":
                parse_dockerhub(doc, {}, src, inv, probs)
            else:
                parse_github(doc, src, inv, probs)
            if len(probs) >= MAX_PROBLEMS:
                probs.append(_("(further problems in this file not listed)"))
                break
        if probs:
            problems += [f"{src.name}: {p}" for p in probs]
        else:
            fmt = kinds.pop() if len(kinds) == 1 else "mixed"
            inv.files[src.name] = {"index": "manifest", "dockerhub_list": "dockerhub"}.get(fmt, fmt)
    if problems:
        if len(problems) > MAX_LISTED:  # enough to see what is wrong; the rest counted, not listed
            rest = problems[MAX_LISTED:]
            files = len({p.split(": ", 1)[0] for p in rest} - {p.split(": ", 1)[0] for p in problems[:MAX_LISTED]})
            problems = problems[:MAX_LISTED] + [
                _("... and {problems} in {files}").format(
                    problems=ngettext("{n:,} more problem", "{n:,} more problems", len(rest)).format(n=len(rest)),
                    files=ngettext("{n:,} more file", "{n:,} more files", files).format(n=files),
                )
            ]
        raise InputError(problems)
    if not sources:
        raise InputError(_("no inputs: name at least one file or folder"))
    resolve(inv)
    return inv


def resolve(inv: Inventory) -> None:
    """Follow indexes to the platform manifests they list; set aside what is not an image."""
    missing = []
    for fname, repo, kids in inv.indexes:
        aliases = inv.aliases.get(repo, {})
        repo_versions = inv.repos.get(repo, {})
        for dg, words, att in kids:
            key = aliases.get(dg, dg)
            if att:  # provenance / SBOM attached by buildx: stored, but not an image version
                if key in repo_versions:
                    repo_versions[key].skip = True
                continue
            if key not in repo_versions and key not in inv.index_digests.get(repo, set()):
                missing.append(
                    _(
                        "{file}: the {platform} manifest ({digest}...) is not among the files, so that "
                        "platform is not counted"
                    ).format(file=fname, platform=words, digest=dg[:19])
                )
    if missing:
        more = (
            [_("... and {n} more platform manifests missing").format(n=len(missing) - 10)] if len(missing) > 10 else []
        )
        inv.missing = missing[:10] + more
        inv.notes += inv.missing
    # GitHub lists an index as a version of its own: drop it when its manifest is known to be an index
    dropped = 0
    for repo, digests in inv.index_digests.items():
        for d in digests:
            v = inv.repos.get(repo, {}).get(d)
            if v is not None and v.layers is None:
                v.skip = True
                dropped += 1
    # ECR lists an index as an image whose size is its largest child's: set it aside when the
    # children are there (they are listed as images of their own)
    set_aside = 0
    for versions in inv.repos.values():
        idx = [v for v in versions.values() if v.index_entry]
        if idx and len(idx) < len(versions):
            for v in idx:
                v.skip = True
            set_aside += len(idx)
    if set_aside:
        inv.notes.append(
            _(
                "{n} multi-platform image index(es) in the ECR listing were set aside: their "
                "platform images are listed (and counted) as images of their own"
            ).format(n=set_aside)
        )
    if dropped:
        inv.notes.append(
            _(
                "{n} GitHub version(s) are multi-platform indexes (their manifests say so); their "
                "platform manifests are counted instead"
            ).format(n=dropped)
        )
    if inv.foreign_layers:
        inv.notes.append(
            _("{n} foreign (non-distributable) layer(s) were left out: the registry does not store them").format(
                n=inv.foreign_layers
            )
        )
    if inv.unfoldered:
        inv.notes.append(
            _(
                "{n} manifest(s) came without a REPOSITORY folder and were counted as one "
                "repository (upload a zip of the REPOSITORY/TAG.json tree to keep repositories apart)"
            ).format(n=inv.unfoldered)
        )
