"""What to download (the vendors' addresses, per region where a file is too large for all of them), and
downloading it: each file streamed to a partial file, renamed when complete."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ...core.i18n import _
from .rules import AWS_OFFERS, AZURE_SERVICES
from .shared import PriceListError, Progress

AWS_BASE = "https://pricing.us-east-1.amazonaws.com"
AWS_INDEX = f"{AWS_BASE}/offers/v1.0/aws/index.json"
AZURE_API = "https://prices.azure.com/api/retail/prices"
AZURE_API_VERSION = "2023-01-01-preview"

MAX_AZURE_PAGES = 500  # a bound on following NextPageLink; the two services need a handful
REGIONAL_OFFERS = ("AmazonEC2",)  # read per region: the all-region file is too large to fetch
NON_COMMERCIAL = ("us-gov-", "cn-", "us-iso", "eusc-")


def offer_url(code: str, region: str | None = None) -> str:
    tail = f"{region}/index.json" if region else "index.json"
    return f"{AWS_BASE}/offers/v1.0/aws/{code}/current/{tail}"


def azure_url(service: str) -> str:
    flt = f"serviceName eq '{AZURE_SERVICES[service]}' and priceType eq 'Consumption'"
    return f"{AZURE_API}?" + urllib.parse.urlencode(
        {"api-version": AZURE_API_VERSION, "$filter": flt}, quote_via=urllib.parse.quote, safe="$'"
    )


def download_plan(regions: Iterable[str]) -> list[tuple[str, str]]:
    """(URL, path under DIR) for every file the update reads."""
    plan = [(AWS_INDEX, "aws/index.json")]
    for code in AWS_OFFERS:
        if code in REGIONAL_OFFERS:
            plan.append(
                (f"{AWS_BASE}/offers/v1.0/aws/{code}/current/region_index.json", f"aws/{code}/region_index.json")
            )
            plan += [(offer_url(code, r), f"aws/{code}/{r}.json") for r in regions]
        else:
            plan.append((offer_url(code), f"aws/{code}.json"))
    for service in AZURE_SERVICES:
        plan.append((azure_url(service), f"azure/{service}-1.json"))
    return plan


def fetch(dest: Path, regions: Iterable[str], timeout: float = 60.0, progress: Progress | None = None) -> None:
    """Download every file of the plan into DEST, following Azure's NextPageLink. Any failure
    raises PriceListError naming the URL; files land under a .partial name first."""
    dest = Path(dest)
    for url, rel in download_plan(regions):
        if rel.startswith("azure/"):
            service = rel.split("/")[1].rsplit("-", 1)[0]
            for old in (dest / "azure").glob(f"{service}-*.json"):
                old.unlink()
            n, next_url = 1, url
            while next_url:
                if n > MAX_AZURE_PAGES:
                    raise PriceListError(_("{url}: more than {n} pages; stopped").format(url=url, n=MAX_AZURE_PAGES))
                body = _get(next_url, timeout, progress)
                try:
                    next_url = json.loads(body).get("NextPageLink")
                except ValueError:
                    raise PriceListError(_("{url}: the answer is not JSON").format(url=next_url)) from None
                _save(dest / "azure" / f"{service}-{n}.json", [body])
                n += 1
        else:
            _save(dest / rel, _stream(url, timeout, progress))


def _open(url: str, timeout: float) -> Any:
    try:
        return urllib.request.urlopen(
            urllib.request.Request(url, headers={"User-Agent": "registry-dashboard"}), timeout=timeout
        )
    except OSError as e:  # URLError, HTTPError, timeouts
        reason = getattr(e, "reason", None) or e
        raise PriceListError(
            _(
                "cannot download {url}: {reason}. This machine may be offline or not allowed to reach "
                "the vendor; download the files `python -m lib prices urls` lists into DIR yourself "
                "and run `python -m lib prices update --from DIR` without --fetch"
            ).format(url=url, reason=reason)
        ) from None


def _get(url: str, timeout: float, progress: Progress | None) -> bytes:
    if progress:
        progress(_("downloading {url}").format(url=url))
    with _open(url, timeout) as r:
        return bytes(r.read())


def _stream(url: str, timeout: float, progress: Progress | None) -> Iterator[bytes]:
    if progress:
        progress(_("downloading {url}").format(url=url))
    with _open(url, timeout) as r:
        while True:
            chunk = r.read(1 << 20)
            if not chunk:
                return
            yield chunk


def _save(path: Path, chunks: Iterable[bytes]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".partial")
    try:
        with open(part, "wb") as f:
            for c in chunks:
                f.write(c)
    except BaseException:
        part.unlink(missing_ok=True)  # never leave half a file that looks like a download
        raise
    part.replace(path)
