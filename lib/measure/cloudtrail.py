"""Where ECR pulls come from, from a CloudTrail JSON export, and AWS's published address ranges.

CloudTrail (log files in S3, or the console's JSON download): `Records[]`, each with `eventSource`
(`ecr.amazonaws.com`), `eventName`, `eventTime`, `awsRegion` (the registry's region),
`sourceIPAddress` and, for calls through an interface VPC endpoint, `vpcEndpointId`. One
`BatchGetImage` is one image pull (the manifest); `GetDownloadUrlForLayer` is one per layer, so it is
not counted as a pull. A call through a VPC endpoint is in the registry's region; a public address is
told apart with AWS's `ip-ranges.json` (`prefixes[]` with `ip_prefix` and `region`, `ipv6_prefixes[]`
with `ipv6_prefix`): an address of the registry's region (a NAT gateway there), of another region,
or of neither (the internet). A caller named instead of an address (an AWS service) is AWS's own.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from ..core.i18n import _
from .checks import show, when
from .inventory import Inventory
from .limits import MAX_PROBLEMS, MAX_SERIES_POINTS
from .sources import Source

# the addresses a VPC has inside it (RFC 1918, IPv6 unique local): ipaddress's is_private also takes
# documentation and reserved ranges, which are not a VPC
PRIVATE = tuple(
    ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7")
)
PULL = "BatchGetImage"
LAYER = "GetDownloadUrlForLayer"


def parse_cloudtrail(doc: dict[str, Any], src: Source, inv: Inventory, probs: list[str]) -> None:
    records = doc.get("Records")
    if not isinstance(records, list) or len(records) > MAX_SERIES_POINTS:
        probs.append(_("Records: expected a list of CloudTrail events, got {got}").format(got=show(records)))
        return
    trail = inv.trail
    for i, r in enumerate(records):
        if len(probs) >= MAX_PROBLEMS:
            return
        if not isinstance(r, dict):
            probs.append(_("{where}: expected an event object, got {got}").format(where=f"Records[{i}]", got=show(r)))
            continue
        if r.get("eventSource") != "ecr.amazonaws.com" or r.get("eventName") != PULL:
            if r.get("eventName") == LAYER:
                trail["layers"] = trail.get("layers", 0) + 1
            continue
        if r.get("errorCode"):
            trail["failed"] = trail.get("failed", 0) + 1  # refused (no access, no such image): nothing pulled
            continue
        t = when(r.get("eventTime"), f"Records[{i}].eventTime", probs)
        if t is None:
            continue
        ip, region, vpce = r.get("sourceIPAddress"), r.get("awsRegion"), r.get("vpcEndpointId")
        try:
            addr = ipaddress.ip_address(ip) if isinstance(ip, str) else None
        except ValueError:
            addr = None
        if addr is None:
            trail["aws"] = trail.get("aws", 0) + 1  # "ecr.amazonaws.com", "AWS Internal": AWS's own calls
            continue
        inv.trail_times.append(t)
        if isinstance(vpce, str) and vpce:
            trail["endpoint"] = trail.get("endpoint", 0) + 1
        elif any(addr in net for net in PRIVATE):
            trail["private"] = trail.get("private", 0) + 1
        else:
            key = f"{addr} {region if isinstance(region, str) else ''}"
            trail["public"] = trail.get("public", 0) + 1
            inv.trail_ips[key] = inv.trail_ips.get(key, 0) + 1
    inv.trail_files.append(src.name)


def parse_ip_ranges(doc: dict[str, Any], src: Source, inv: Inventory, probs: list[str]) -> None:
    for key, field in (("prefixes", "ip_prefix"), ("ipv6_prefixes", "ipv6_prefix")):
        entries = doc.get(key, [])
        if not isinstance(entries, list) or len(entries) > MAX_SERIES_POINTS:
            probs.append(
                _("{where}: expected a list of address ranges, got {got}").format(where=key, got=show(entries))
            )
            return
        for i, e in enumerate(entries):
            if len(probs) >= MAX_PROBLEMS:
                return
            try:
                net = ipaddress.ip_network(e[field]) if isinstance(e, dict) and isinstance(e.get(field), str) else None
            except ValueError:
                net = None
            region = e.get("region") if isinstance(e, dict) else None
            if net is None or not isinstance(region, str):
                probs.append(
                    _("{where}: expected an address range and its region, got {got}").format(
                        where=f"{key}[{i}]", got=show(e)
                    )
                )
                continue
            inv.ip_ranges.setdefault((net.version, net.prefixlen), {})[int(net.network_address)] = region


def region_of(inv: Inventory, address: str) -> str | None:
    """The AWS region an address belongs to, by its longest published prefix; None if not AWS's."""
    addr = ipaddress.ip_address(address)
    bits = 32 if addr.version == 4 else 128
    for (version, length), nets in sorted(inv.ip_ranges.items(), key=lambda kv: -kv[0][1]):
        if version != addr.version:
            continue
        region = nets.get(int(addr) >> (bits - length) << (bits - length))
        if region is not None:
            return region
    return None
