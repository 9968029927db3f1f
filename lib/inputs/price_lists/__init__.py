"""Read the vendors' machine-readable price lists and turn them into price-book figures.

Sources (what `python -m lib prices urls` prints, and where each file goes under DIR):
  * AWS Price List Bulk API offer files (JSON): `products` by SKU, each with `productFamily`
    and `attributes`; `terms` -> `OnDemand` -> SKU -> offer term -> `priceDimensions` ->
    rate code -> `unit`, `pricePerUnit.USD`, `beginRange`/`endRange`, `description`.
    AmazonEC2 is read per region (the all-region file is several GB).
  * Azure Retail Prices API pages (JSON): `Items[]` with `retailPrice`, `unitOfMeasure`,
    `armRegionName`, `meterName`, `productName`, `skuName`, `tierMinimumUnits`, and
    `NextPageLink` to the next page (null on the last).
Google Cloud publishes no price list without credentials that covers Artifact Registry, so its
entries stay hand-kept, like GitHub's, Docker Hub's, Nexus's caps and the assumptions.

Offer files are read with a streaming JSON parser (ijson): only the products a rule wants are
kept, so memory stays bounded by what is kept, not by the file (EC2's regional files are
hundreds of MB). A file that is truncated, not JSON, or lacks a field a rule needs is an error
naming the file, the SKU and the field; nothing is written then.

The package's modules: `shared` (the error, the JSON shapes, a figure found, plain decimals), `rules`
(which product in which file is which price-book entry), `units` (a file's unit as the book's),
`aws_offers` (reading AWS offer files), `azure_pages` (reading Azure Retail Prices pages) and
`download` (what to download, and downloading it). Every name callers use is re-exported here."""

from __future__ import annotations

from .aws_offers import MAX_OFFER_BYTES, MAX_OFFER_VALUES, Dimension, Offer, aws_files, dimensions, read_aws, scan_offer
from .azure_pages import AZURE_ITEM_FIELDS, AZURE_NUMBER_FIELDS, MAX_PAGE_BYTES, load_json, read_azure, read_azure_pages
from .download import (
    AWS_BASE,
    AWS_INDEX,
    AZURE_API,
    AZURE_API_VERSION,
    MAX_AZURE_PAGES,
    NON_COMMERCIAL,
    REGIONAL_OFFERS,
    azure_url,
    download_plan,
    fetch,
    offer_url,
)
from .rules import AWS_OFFERS, AWS_RULES, AZURE_RULES, AZURE_SERVICES, AwsRule, AzureRule
from .shared import MAX_DEPTH, Found, Founds, Json, PriceListError, Progress, is_plain_decimal
from .units import convert, unit_base

__all__ = [
    "AWS_BASE",
    "AWS_INDEX",
    "AWS_OFFERS",
    "AWS_RULES",
    "AZURE_API",
    "AZURE_API_VERSION",
    "AZURE_ITEM_FIELDS",
    "AZURE_NUMBER_FIELDS",
    "AZURE_RULES",
    "AZURE_SERVICES",
    "AwsRule",
    "AzureRule",
    "Dimension",
    "Found",
    "Founds",
    "Json",
    "MAX_AZURE_PAGES",
    "MAX_DEPTH",
    "MAX_OFFER_BYTES",
    "MAX_OFFER_VALUES",
    "MAX_PAGE_BYTES",
    "NON_COMMERCIAL",
    "Offer",
    "PriceListError",
    "Progress",
    "REGIONAL_OFFERS",
    "aws_files",
    "azure_url",
    "convert",
    "dimensions",
    "download_plan",
    "fetch",
    "is_plain_decimal",
    "load_json",
    "offer_url",
    "read_aws",
    "read_azure",
    "read_azure_pages",
    "scan_offer",
    "unit_base",
]
