"""Raw image manifests and indexes (OCI, Docker v2 schema 2) in a REPOSITORY/TAG.json tree."""

from __future__ import annotations

import hashlib
from typing import Any

from ..i18n import _
from .checks import byte_size, name_text, show, stem, when
from .inventory import Inventory, add
from .limits import ATTESTATION, DIGEST_RE, MAX_BYTES_VALUE, MAX_NAME, MAX_PROBLEMS
from .sources import Source


def parse_manifest(doc: dict[str, Any], src: Source, inv: Inventory, probs: list[str], kind: str) -> None:
    repo = src.repo
    if repo is None:
        repo = "(manifests without a folder)"
        inv.unfoldered += 1
    # a platform manifest saved under its digest (sha256:<hex>.json or sha256-<hex>.json) is known by
    # that name even if it was re-indented; otherwise by the sha256 of its bytes, as a registry computes it
    m = DIGEST_RE.match(stem(src.name))
    content = "sha256:" + hashlib.sha256(src.data).hexdigest()
    key = f"{m.group(1)}:{m.group(2)}" if m else content
    aliases = inv.aliases.setdefault(repo, {})
    aliases.setdefault(key, key)
    aliases.setdefault(content, key)
    if src.data.endswith((b"\n", b"\r")):  # saved with a newline the registry's bytes do not have
        aliases.setdefault("sha256:" + hashlib.sha256(src.data.rstrip(b"\r\n")).hexdigest(), key)
    if kind == "index":
        children = doc.get("manifests")
        if not isinstance(children, list):
            probs.append(_("manifests: expected a list of platform manifests, got {got}").format(got=show(children)))
            return
        kids = []
        for i, c in enumerate(children):
            if len(probs) >= MAX_PROBLEMS:
                return
            if not isinstance(c, dict):
                probs.append(
                    _("{where}: expected a descriptor object, got {got}").format(where=f"manifests[{i}]", got=show(c))
                )
                continue
            dg = name_text(c.get("digest"), f"manifests[{i}].digest", probs)
            plat: dict[str, Any] = c["platform"] if isinstance(c.get("platform"), dict) else {}
            ann: dict[str, Any] = c["annotations"] if isinstance(c.get("annotations"), dict) else {}
            words = "/".join(str(plat.get(k))[:20] for k in ("os", "architecture", "variant") if plat.get(k)) or _(
                "a platform"
            )
            att = ann.get("vnd.docker.reference.type") == ATTESTATION or plat.get("os") == "unknown"
            if dg:
                kids.append((dg, words, att))
        inv.indexes.append((src.name, repo, kids))
        inv.index_digests.setdefault(repo, set()).update({key, content})
        return
    layers = doc.get("layers")
    if not isinstance(layers, list):
        probs.append(_("layers: expected a list of layer descriptors, got {got}").format(got=show(layers)))
        return
    out = []
    for i, layer in enumerate(layers):
        if len(probs) >= MAX_PROBLEMS:
            return
        if not isinstance(layer, dict):
            probs.append(
                _("{where}: expected a descriptor object, got {got}").format(where=f"layers[{i}]", got=show(layer))
            )
            continue
        dg, size = layer.get("digest"), layer.get("size")
        if type(dg) is not str or not dg or len(dg) > MAX_NAME:
            dg = name_text(dg, f"layers[{i}].digest", probs)
        if type(size) is not int or not 0 <= size <= MAX_BYTES_VALUE:
            if size is None:
                probs.append(_("{where}: missing (a descriptor must give its size)").format(where=f"layers[{i}].size"))
            size = byte_size(size, f"layers[{i}].size", probs)
        if dg is None or size is None:
            continue
        lmt = layer.get("mediaType")
        if layer.get("urls") or (type(lmt) is str and ("foreign" in lmt or "nondistributable" in lmt)):
            inv.foreign_layers += 1  # pulled from elsewhere (e.g. Windows base layers): not stored by the registry
            continue
        out.append((dg, size))
    ann = doc["annotations"] if isinstance(doc.get("annotations"), dict) else {}
    created = ann.get("org.opencontainers.image.created")
    scratch: list[str] = []
    pushed = when(created, "annotations", scratch) if isinstance(created, str) else None
    v = inv.version(repo, key, "manifest")
    add(v, "manifest", layers=tuple(out), pushed=pushed)
