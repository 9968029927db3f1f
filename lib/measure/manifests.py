"""Raw image manifests and indexes (OCI, Docker v2 schema 2) in a REPOSITORY/TAG.json tree."""

from __future__ import annotations

import hashlib
from typing import Any

from ..core.i18n import _
from .checks import byte_size, name_text, show, stem, when
from .inventory import Inventory, add
from .limits import (
    ATTESTATION,
    DIGEST_RE,
    IMAGE_CONFIG_TYPES,
    IMAGE_LAYER_PREFIXES,
    IN_TOTO,
    MAX_BYTES_VALUE,
    MAX_NAME,
    MAX_PROBLEMS,
    REFERRERS_TAG_RE,
)
from .sources import Source


def parse_manifest(doc: dict[str, Any], src: Source, inv: Inventory, probs: list[str], kind: str) -> None:
    repo = src.repo
    if repo is None:
        repo = "(manifests without a folder)"
        inv.unfoldered += 1
    content = "sha256:" + hashlib.sha256(src.data).hexdigest()
    referrers = kind == "index" and DIGEST_RE.match(stem(src.name)) is not None
    referrers = referrers and _referrers_list(doc, stem(src.name))
    if referrers:
        # `sha256-<hex>` is also the OCI referrers fallback tag: an index of the signatures, SBOMs and
        # attestations that refer to that digest, not that digest's own manifest
        inv.referrers += 1
    key = _known_as(src, inv, repo, content, by_name=not referrers)
    if referrers:
        return  # its entries are artifacts; their own files, if given, say so themselves
    if kind == "index":
        _record_index(doc, inv, probs, src.name, repo, {key, content})
    else:
        _record_manifest(doc, inv, probs, repo, key)


def _record_index(
    doc: dict[str, Any], inv: Inventory, probs: list[str], name: str, repo: str, digests: set[str]
) -> None:
    """An index: its platform manifests are the versions (their own files say what they are); an index of
    artifacts (a signature bundle) is counted as one. Both are known by `digests`."""
    if isinstance(doc.get("artifactType"), str):
        inv.artifacts += 1  # an index of artifacts (e.g. a signature bundle): not an image
        inv.index_digests.setdefault(repo, set()).update(digests)
        return
    kids = _platform_manifests(doc, probs)
    if kids is not None:
        inv.indexes.append((name, repo, kids))
        inv.index_digests.setdefault(repo, set()).update(digests)


def _record_manifest(doc: dict[str, Any], inv: Inventory, probs: list[str], repo: str, key: str) -> None:
    """A platform manifest: a version with its stored layers and push date, set aside when it is an
    attestation or an artifact rather than an image."""
    out = _stored_layers(doc, inv, probs)
    if out is None:
        return
    ann = doc["annotations"] if isinstance(doc.get("annotations"), dict) else {}
    created = ann.get("org.opencontainers.image.created")
    scratch: list[str] = []
    pushed = when(created, "annotations", scratch) if isinstance(created, str) else None
    v = inv.version(repo, key, "manifest")
    add(v, "manifest", layers=tuple(out), pushed=pushed)
    what = _not_an_image(doc, doc["layers"])
    if what and not v.skip:
        v.skip = True
        if what == "attestation":
            inv.attestations += 1
            inv.attested[repo] = inv.attested.get(repo, 0) + 1
        else:
            inv.artifacts += 1


def _known_as(src: Source, inv: Inventory, repo: str, content: str, by_name: bool) -> str:
    """The manifest's key, with every digest it may be referred to by recorded as its alias. A platform
    manifest saved under its digest (sha256:<hex>.json or sha256-<hex>.json) is known by that name even if
    it was re-indented; otherwise by the sha256 of its bytes, as a registry computes it."""
    m = DIGEST_RE.match(stem(src.name)) if by_name else None
    key = f"{m.group(1)}:{m.group(2)}" if m else content
    aliases = inv.aliases.setdefault(repo, {})
    aliases.setdefault(key, key)
    aliases.setdefault(content, key)
    if src.data.endswith((b"\n", b"\r")):  # saved with a newline the registry's bytes do not have
        aliases.setdefault("sha256:" + hashlib.sha256(src.data.rstrip(b"\r\n")).hexdigest(), key)
    return key


def _platform_manifests(doc: dict[str, Any], probs: list[str]) -> list[tuple[str, str, bool]] | None:
    """An index's platform manifests: (digest, platform words, whether it is an attestation); None when
    the index cannot be read (its problems are in `probs`)."""
    children = doc.get("manifests")
    if not isinstance(children, list):
        probs.append(_("manifests: expected a list of platform manifests, got {got}").format(got=show(children)))
        return None
    kids = []
    for i, c in enumerate(children):
        if len(probs) >= MAX_PROBLEMS:
            return None
        if not isinstance(c, dict):
            probs.append(
                _("{where}: expected a descriptor object, got {got}").format(where=f"manifests[{i}]", got=show(c))
            )
            continue
        dg = name_text(c.get("digest"), f"manifests[{i}].digest", probs)
        plat: dict[str, Any] = c["platform"] if isinstance(c.get("platform"), dict) else {}
        ann: dict[str, Any] = c["annotations"] if isinstance(c.get("annotations"), dict) else {}
        words = "/".join(str(plat.get(k))[:20] for k in ("os", "architecture", "variant") if plat.get(k))
        att = (
            ann.get("vnd.docker.reference.type") == ATTESTATION
            or plat.get("os") == "unknown"
            or isinstance(c.get("artifactType"), str)
        )
        if dg:
            kids.append((dg, words, att))
    return kids


def _stored_layers(doc: dict[str, Any], inv: Inventory, probs: list[str]) -> list[tuple[str, int]] | None:
    """The manifest's layers the registry stores: (digest, bytes); foreign layers are counted, not kept.
    None when the manifest cannot be read (its problems are in `probs`)."""
    layers = doc.get("layers")
    if not isinstance(layers, list):
        probs.append(_("layers: expected a list of layer descriptors, got {got}").format(got=show(layers)))
        return None
    out = []
    for i, layer in enumerate(layers):
        if len(probs) >= MAX_PROBLEMS:
            return None
        stored = _stored_layer(i, layer, inv, probs)
        if stored is not None:
            out.append(stored)
    return out


def _stored_layer(i: int, layer: object, inv: Inventory, probs: list[str]) -> tuple[str, int] | None:
    """layers[i] as (digest, bytes); None when it cannot be read (its problems are in `probs`) or when the
    registry does not store it (a foreign layer, counted)."""
    if not isinstance(layer, dict):
        probs.append(
            _("{where}: expected a descriptor object, got {got}").format(where=f"layers[{i}]", got=show(layer))
        )
        return None
    dg, size = layer.get("digest"), layer.get("size")
    if type(dg) is not str or not dg or len(dg) > MAX_NAME:  # the fast path: a plain digest is taken as it is
        dg = name_text(dg, f"layers[{i}].digest", probs)
    if type(size) is not int or not 0 <= size <= MAX_BYTES_VALUE:
        if size is None:
            probs.append(_("{where}: missing (a descriptor must give its size)").format(where=f"layers[{i}].size"))
        size = byte_size(size, f"layers[{i}].size", probs)
    if dg is None or size is None:
        return None
    lmt = layer.get("mediaType")
    if layer.get("urls") or (type(lmt) is str and ("foreign" in lmt or "nondistributable" in lmt)):
        inv.foreign_layers += 1  # pulled from elsewhere (e.g. Windows base layers): not stored by the registry
        return None
    return dg, size


def _not_an_image(doc: dict[str, Any], layers: list[Any]) -> str | None:
    """ "attestation" (buildx provenance / SBOM: in-toto layers), "artifact" (an artifactType, a config
    that is not an image's, or layers none of which is an image layer), or None for an image."""
    types = [layer.get("mediaType") for layer in layers if isinstance(layer, dict)]
    if types and all(t == IN_TOTO for t in types):
        return "attestation"
    if isinstance(doc.get("artifactType"), str):
        return "artifact"
    config = doc.get("config")
    cmt = config.get("mediaType") if isinstance(config, dict) else None
    if isinstance(cmt, str) and cmt not in IMAGE_CONFIG_TYPES:
        return "artifact"
    known = [t for t in types if isinstance(t, str)]
    if known and not any(t.startswith(IMAGE_LAYER_PREFIXES) for t in known):
        return "artifact"  # e.g. cosign's simplesigning layer under an image config
    return None


def _referrers_list(doc: dict[str, Any], name: str) -> bool:
    """An index saved under the OCI referrers fallback tag: every entry is an artifact (the referrers
    API gives each its artifactType) or none names a platform."""
    if not REFERRERS_TAG_RE.match(name):
        return False
    kids = doc.get("manifests")
    if not isinstance(kids, list):
        return False
    descs = [k for k in kids if isinstance(k, dict)]
    return all(isinstance(k.get("artifactType"), str) for k in descs) or not any(
        isinstance(k.get("platform"), dict) for k in descs
    )
