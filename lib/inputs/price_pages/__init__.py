"""Read AWS's pricing-page JSON and a file of sourced figures: the price book's regions beyond the
offer files' reach.

Two inputs under DIR (`python -m lib prices update --from DIR` picks this reader when DIR holds
`aws-pricing-json/`):

  * `aws-pricing-json/<service>.json`: the JSON AWS publishes for its pricing pages
    (b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/...): `manifest` with
    `hawkFilePublicationDate`, and `regions` -> "<location name>" -> "<description>" ->
    {rateCode: "SKU.TERM.RATE", price: "0.0120000000"}: the offer files' SKUs and rate codes in
    another layout. EC2 comes per region (`ec2/<region>-ondemand.json`), its entries carrying the
    instance's attributes.
  * `sourced-prices.yaml`: per region, figures read in a named source, each with value, unit,
    source, quote and as-of date: AWS's feeds as republished by others (NAT gateway, data
    transfer: secondary sources, recorded as such), Azure and Google Cloud figures. An entry that
    carries a CAUTION or WARNING (sources that disagree) is not used.

A figure no input gives for a region is never guessed: the update prices that region with the
figure of the region data/region_map.yaml names as its `stand_in`, and the book records it as a
stand-in, which every estimate that uses it flags.

Validation is the offer-file reader's: a missing file, a file that is not JSON, a location or
description that is absent, a price that is not a number, a rate code that is not SKU.TERM.RATE,
an as-of that is not a date: each is an error naming the file and the entry, and nothing is written.
Modules, each importing only those listed before it: rules (which entry of which file prices which
book entry), figures (a figure as read, its date and number checked), pages (the pricing-page JSON),
sourced (the file of sourced figures), book (the new book's document built from them).
"""

from .book import Built, build
from .pages import is_pages_dir, location, read_pages
from .rules import PAGE_RULES, PAGES, SOURCED, SOURCED_CHOICES, SOURCED_RULES
from .sourced import read_sourced, sourced_regions

__all__ = [
    "PAGES",
    "PAGE_RULES",
    "SOURCED",
    "SOURCED_CHOICES",
    "SOURCED_RULES",
    "Built",
    "build",
    "is_pages_dir",
    "location",
    "read_pages",
    "read_sourced",
    "sourced_regions",
]
