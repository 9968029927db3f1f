"""`python -m lib prices update --from DIR`: a new dated price book from the vendors' price lists.

Entries the lists price (AWS offer files, Azure Retail Prices pages) get new values, their
source URL and as-of date; every other entry (GitHub, Docker Hub, Google Cloud, Nexus caps,
assumptions, anything added by hand later) is carried forward unchanged. A region is offered
only when every region-keyed entry, sourced or hand-kept, has a price for it.

The new book is written to a temporary file, loaded back and validated, and only then renamed
over data/prices.yaml; the previous book is kept in data/price_history/<its version>.yaml so
old share links still explain what changed. Any error leaves the current book untouched.

Modules, each importing only those listed before it: changes (what differs between two books),
plausible (the rules every figure read passes), layout (YAML written in the book's own layout),
writing (the checked, atomic write and the history it keeps), from_pages (AWS's pricing-page JSON and
sourced figures), from_lists (the offer files and Azure's Retail Prices pages, and `update`, which
picks the reader), cli (`python -m lib prices urls|update`).
"""

from .changes import diff
from .from_lists import update
from .writing import Result

__all__ = ["Result", "diff", "update"]
