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


def _tally(counts: dict[str, int], key: str) -> None:
    """One more under `key`."""
    counts[key] = counts.get(key, 0) + 1


def _address(ip: object) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The caller's address, or None when the event names a caller instead ("ecr.amazonaws.com", "AWS
    Internal": AWS's own calls) or gives none."""
    try:
        return ipaddress.ip_address(ip) if isinstance(ip, str) else None
    except ValueError:
        return None


def _count_pull(r: dict[str, Any], t: float, inv: Inventory) -> None:
    """One pull where it came from: AWS itself, an interface endpoint, a private address, or a public one
    (kept with the registry's region, told apart later with AWS's address ranges)."""
    trail = inv.trail
    addr = _address(r.get("sourceIPAddress"))
    if addr is None:
        _tally(trail, "aws")
        return
    inv.trail_times.append(t)
    region, vpce = r.get("awsRegion"), r.get("vpcEndpointId")
    if isinstance(vpce, str) and vpce:
        _tally(trail, "endpoint")
    elif any(addr in net for net in PRIVATE):
        _tally(trail, "private")
    else:
        _tally(trail, "public")
        _tally(inv.trail_ips, f"{addr} {region if isinstance(region, str) else ''}")


def _read_event(r: object, i: int, inv: Inventory, probs: list[str]) -> None:
    """One CloudTrail event: a pull counted, a layer download or a refused pull tallied, anything else
    passed over."""
    if not isinstance(r, dict):
        probs.append(_("{where}: expected an event object, got {got}").format(where=f"Records[{i}]", got=show(r)))
        return
    if r.get("eventSource") != "ecr.amazonaws.com" or r.get("eventName") != PULL:
        if r.get("eventName") == LAYER:
            _tally(inv.trail, "layers")
        return
    if r.get("errorCode"):
        _tally(inv.trail, "failed")  # refused (no access, no such image): nothing pulled
        return
    t = when(r.get("eventTime"), f"Records[{i}].eventTime", probs)
    if t is not None:
        _count_pull(r, t, inv)


def parse_cloudtrail(doc: dict[str, Any], src: Source, inv: Inventory, probs: list[str]) -> None:
    records = doc.get("Records")
    if not isinstance(records, list) or len(records) > MAX_SERIES_POINTS:
        probs.append(_("Records: expected a list of CloudTrail events, got {got}").format(got=show(records)))
        return
    for i, r in enumerate(records):
        if len(probs) >= MAX_PROBLEMS:
            return  # enough problems to fix the file: reading stops here
        _read_event(r, i, inv, probs)
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
