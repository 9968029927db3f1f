"""The address a share link in an export (deck slide 1, the ADR, the JSON) is built from.

A reviewer opens the link from a slide on another machine, so it must be an address they can
reach: the setting REGISTRY_DASHBOARD_PUBLIC_URL (deploy/streamlit.env, a ConfigMap, `-e`), else
the host the request came to through the proxy (X-Forwarded-Host / Host), else none. A loopback
address (localhost, 127.0.0.1, ::1) is never used: without a public address the export says that
none is set and carries the scenario's query alone.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urljoin, urlsplit

ENV = "REGISTRY_DASHBOARD_PUBLIC_URL"
Source = Literal["setting", "request", "none"]


@dataclass(frozen=True)
class Address:
    base: str  # "https://registry.example.com/registry/" (ends with "/"), or "" when there is none
    source: Source
    problem: str = ""  # a setting that could not be used, in English (the log and the tests read it)


def is_loopback(host: str) -> bool:
    """localhost, 127.x.x.x, ::1 (with or without a port or brackets): only this machine reaches it."""
    name = host.strip().lower()
    if name.startswith("["):
        name = name[1 : name.find("]")] if "]" in name else name[1:]
    elif name.count(":") == 1:
        name = name.split(":")[0]
    if name in ("localhost", "") or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback or ipaddress.ip_address(name).is_unspecified
    except ValueError:
        return False


def _header(headers: Mapping[str, str], name: str) -> str:
    for k, v in headers.items():
        if k.lower() == name.lower():
            return str(v).split(",")[0].strip()  # a chain of proxies: the first is the client's
    return ""


def public_address(env: Mapping[str, str], headers: Mapping[str, str], page_url: str = "") -> Address:
    """The setting when it is a usable http(s) address; else the request's own host behind the
    proxy (with the path the app is served under, from `page_url`); else none."""
    setting = env.get(ENV, "").strip()
    problem = ""
    if setting:
        parts = urlsplit(setting)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            problem = f"{ENV}={setting!r} is not an http(s) address"
        elif is_loopback(parts.netloc):
            problem = f"{ENV}={setting!r} is a loopback address: reviewers cannot open it"
        else:
            path = parts.path if parts.path.endswith("/") else parts.path + "/"
            return Address(f"{parts.scheme}://{parts.netloc}{path}", "setting")
    host = _header(headers, "X-Forwarded-Host") or _header(headers, "Host")
    if host and not is_loopback(host):
        page = urlsplit(page_url)
        scheme = _header(headers, "X-Forwarded-Proto") or page.scheme or "https"
        path = urlsplit(urljoin(page_url, ".")).path if page_url else "/"
        return Address(f"{scheme}://{host}{path or '/'}", "request", problem)
    return Address("", "none", problem)


def share_link(address: Address, query: str) -> str:
    """The link an export carries: the public address with the scenario's query, or the query alone
    ("?image_size_mb=800...") when there is no public address."""
    q = f"?{query}" if query else ""
    return f"{address.base}{q}" if address.base else q


def has_address(link: str) -> bool:
    """Whether an export's link can be opened as it is (it names a host)."""
    return bool(urlsplit(link).netloc)
