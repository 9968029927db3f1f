"""The sources slides: every price the analysis used, with its vendor page and as-of date, and the
assumptions behind the figures."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from ...analyses.analysis import Analysis
from ...core.i18n import N_, _
from ...inputs import regions
from ...inputs.pricebook import Price, PriceBook
from ...inputs.workload import SPECS, Workload
from ...presentation import wording
from ...pricing import labels

if TYPE_CHECKING:  # python-pptx's classes, for annotations only
    from pptx.presentation import Presentation as Pres
    from pptx.slide import Slide
    from pptx.text.text import TextFrame

from .layout import BODY_BOTTOM, CONTENT_W, MARGIN, SMALL_PT, Block, _box, _para, _runs, _slide, height_needed

# ---- sources ---------------------------------------------------------------------------

VENDORS = {
    "aws.amazon.com": "Amazon Web Services",
    "docs.aws.amazon.com": "Amazon Web Services",  # the ECR user guide and quotas (assumptions issue 11 sourced)
    "docs.github.com": "GitHub",
    "github.com": "GitHub",
    "www.docker.com": "Docker",
    "docs.docker.com": "Docker",
    "cloud.google.com": "Google Cloud",
    "azure.microsoft.com": "Microsoft Azure",
    "learn.microsoft.com": "Microsoft Azure",
    "goharbor.io": "Harbor (CNCF)",
    "help.sonatype.com": "Sonatype",
}


# the sections of vendors' pages the price book points at (after #), named in the reader's language
PAGE_SECTIONS = (N_("Data Transfer"), N_("Data Transfer within the same AWS Region"))


def page_words(url: str) -> str:
    """A source page as short text: host and path, the section after # in words."""
    u = urlparse(url)
    text = (u.netloc + u.path).rstrip("/")
    if len(text) > 60:
        text = u.netloc + "/…/" + u.path.rstrip("/").rsplit("/", 1)[-1]
    if u.fragment:
        section = u.fragment.replace("_", " ")
        text += f" ({_(section) if section in PAGE_SECTIONS else section})"
    return text


def _price_words(value: float, unit: str) -> str:
    if unit.startswith("USD/"):
        return f"${labels.number(value)}/{unit[4:]}"
    if unit.startswith("USD "):
        return f"${labels.number(value)} {unit[4:]}"
    return f"{labels.number(value)} {unit}"


# a source entry: (page text, url, as-of, [price in words...]); the pages of one vendor, in order
SourcePage = tuple[str, str, str, list[str]]
# url -> as-of -> the prices in words quoted from that page on that date
Pages = dict[str, dict[str, list[str]]]


def _prices_used(a: Analysis) -> dict[str, dict[str | None, float]]:
    """Every price-book entry any of the analysis's estimates looked up, with the value for each choice
    (None for a price that has no choices)."""
    used: dict[str, dict[str | None, float]] = {}
    for x in a.estimates:
        for key, by_choice in x.prices_used.items():
            used.setdefault(key, {}).update(by_choice)
    return used


def _component_names(a: Analysis) -> dict[str, list[str]]:
    """The names of the lines each price is charged on: the estimate's own lines first, then those of the
    setups priced besides it, but only for prices the estimate's lines do not already name."""
    e = a.estimate
    priced = [r for x in a.estimates for r in x.registries]
    names: dict[str, list[str]] = {}
    for r in e.registries:
        for c in r.components:
            if c.price_key and c.name not in names.setdefault(c.price_key, []):
                names[c.price_key].append(c.name)
    for r in priced[len(e.registries) :]:  # the setup's own lines name only prices not named above
        for c in r.components:
            if c.price_key and (c.price_key not in names or names[c.price_key] == []):
                names.setdefault(c.price_key, []).append(c.name)
    return names


def _regional_note(price: Price, region: str) -> str:
    """Said after a price whose figure for this region is not a primary source's own: "" otherwise."""
    here = price.regional.get(region)
    if here is not None and here.stand_in:  # no source gave this region's figure
        return " " + _("(a stand-in: {region} figure)").format(region=regions.name(here.stand_in))
    if here is not None and here.secondary:
        return " " + _("(secondary source)")
    return ""


def _price_item(price: Price, choice: str | None, value: float, names: list[str], region: str) -> str:
    """One price in words: what it is charged on (the lines' names, or the choice it is the price of),
    the figure with its unit, and a note when the region's figure is a stand-in or secondary."""
    unit = price.shown_unit  # the reader's language (English ones start "USD/" or "USD ", Korean ones too)
    # a line named as another plus a qualifier ("NAT data processed (cross-region pulls)") is the same item at
    # this price: named once (ninth Korean review: "NAT 데이터 처리, NAT 데이터 처리(리전 간 이미지 풀)")
    once = [n for n in names if not any(m != n and n.startswith(m) for m in names)]
    label = ", ".join(once[:3])
    if choice is not None:
        label = labels.choice(price.by, choice) if price.by in SPECS else str(choice).replace("_", " ").capitalize()
    words = _price_words(value, unit)
    item = f"{label}: {words}" if label else words
    return item + _regional_note(price, region)


def _priced_pages(a: Analysis) -> Pages:
    """Every price used, in words, under the page and date its figure comes from, each said once."""
    book, region = a.book, a.workload.region
    names = _component_names(a)
    used = _prices_used(a)
    pages: Pages = {}
    for key in sorted(used):
        price = book.price(key)
        for choice, v in used[key].items():
            item = _price_item(price, choice, v, names.get(key, []), region)
            url, as_of = price.source_in(region), price.as_of_in(region)
            pages.setdefault(url, {}).setdefault(as_of, [])
            if item not in pages[url][as_of]:
                pages[url][as_of].append(item)
    return pages


def _add_free_lines(a: Analysis, pages: Pages) -> None:
    """Prices of zero with no price-book entry (GHCR free today, free same-region pulls): their vendor's
    page is the source, so the vendor is not missing from the list."""
    book = a.book
    for r in (r for x in a.estimates for r in x.registries):
        home = next((k for k in book.prices if k.startswith(r.id + ".")), None)
        if home is None:
            continue
        price = book.price(home)
        for c in r.components:
            if not c.price_key and c.price == 0 and c.category in ("storage", "transfer", "network", "scanning"):
                items = pages.setdefault(price.source, {}).setdefault(price.as_of, [])
                if f"{c.name}: $0" not in items:
                    items.append(f"{c.name}: $0")


def _by_vendor(pages: Pages) -> list[tuple[str, list[SourcePage]]]:
    """The pages grouped by vendor (named from the page's host), vendors in VENDORS' order, any other
    host after them by name; a vendor's pages by address, then date."""
    by_vendor: dict[str, list[SourcePage]] = {}
    for url in sorted(pages):
        vendor = VENDORS.get(urlparse(url).netloc, urlparse(url).netloc)
        for as_of, items in sorted(pages[url].items()):
            by_vendor.setdefault(vendor, []).append((page_words(url), url, as_of, items))
    order = list(dict.fromkeys(VENDORS.values()))
    return sorted(by_vendor.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 99, kv[0]))


def sources(a: Analysis) -> list[tuple[str, list[tuple[str, str, str, list[str]]]]]:
    """[(vendor, [(page text, url, as-of, [price in words...])...])...] for every price the
    analysis used (flags and allowances included: the engine records every look-up), vendors and
    pages in a stable order. The recommended setup's prices are sourced too: its cost is the
    answer on slide 1, so its endpoint prices are quoted."""
    pages = _priced_pages(a)
    _add_free_lines(a, pages)
    return _by_vendor(pages)


def assumption_lines(w: Workload, book: PriceBook) -> list[str]:
    return [
        _(
            "{hours}-hour month; 1 GB = 1,000 MB; {currency} on-demand list prices before tax; "
            "region {region}; price book {version}."
        ).format(
            hours=f"{book.hours_per_month:g}",
            currency=book.currency,
            region=wording.region(w.region),
            version=book.version,
        ),
        _(
            "GitHub Container Registry billing: {billing}. Self-hosted: {nodes} node(s), "
            "{hours} engineer hours a month at {rate} an hour, "
            "and one-time setup hours per registry: assumptions, not prices."
        ).format(
            billing=wording.value("ghcr_billing", w.ghcr_billing),
            nodes=w.selfhosted_nodes,
            hours=f"{w.ops_hours_per_month:g}",
            rate=f"${w.engineer_hourly_rate:g}",
        ),
    ]


def _source_blocks(a: Analysis) -> list[Block]:
    """Paragraph blocks for the sources slides: (kind, text-or-runs, pt)."""
    blocks: list[Block] = [("assumption", x, SMALL_PT) for x in assumption_lines(a.workload, a.book)]
    for vendor, pages in sources(a):
        blocks.append(("vendor", vendor, 14))
        for text, url, as_of, items in pages:
            blocks.append(("page", (text, url, as_of, "; ".join(notes_once(items))), SMALL_PT))
    return blocks


def notes_once(items: list[str]) -> list[str]:
    """A page's prices with a note they share said once, after the last of them: Docker's three plans each
    ended "(Pro per account, Team and Business per user, billed annually)" and Sonatype's two limits
    "(Nexus Repository Community Edition limit)" (sixth Korean review: the same note many times). Prices in a
    row with the same note keep it on the last of them only; a note a price has alone stays with it."""
    notes = [_note(x) for x in items]
    out = []
    for i, (x, n) in enumerate(zip(items, notes, strict=True)):
        shared_with_next = bool(n) and i + 1 < len(items) and notes[i + 1] == n
        out.append(x[: -len(n)].rstrip() if shared_with_next else x)
    return out


def _note(item: str) -> str:
    """The parenthesised note an item ends with ("(…)"), or ""."""
    if not item.endswith(")"):
        return ""
    depth = 0
    for i in range(len(item) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(item[i], 0)
        if depth == 0:
            return item[i:]
    return ""


def _block_text(kind: str, content: Any) -> str:
    if kind == "page":
        text, _url, as_of, items = content
        return f"{text}{_(', as of {date}: ').format(date=as_of)}{items}"
    return str(content)


# the sources' text box: below the title, down to the footer
SOURCES_TOP = 1.3


def _block_heights(blocks: list[Block]) -> list[float]:
    """Each block's height in inches, as the deck measures text (less the paragraph's own spacing)."""
    return [
        max(height_needed([(_block_text(k, c), pt)], CONTENT_W, space_pt=2 if k == "vendor" else 4) - 0.15, 0.0)
        for k, c, pt in blocks
    ]


def _paginate(blocks: list[Block], room: float) -> list[list[Block]]:
    """The blocks cut into slides that fit `room`: a vendor's heading goes to the next slide with its first
    page, never alone at the bottom, and a vendor's list carried over is headed "(continued)"."""
    heights = _block_heights(blocks)
    pages: list[list[Block]] = []
    page: list[Block] = []
    used, vendor = 0.0, None
    for i, (kind, content, pt) in enumerate(blocks):
        # a vendor's heading goes to the next slide with its first page, never alone at the bottom
        need = heights[i] + (heights[i + 1] if kind == "vendor" and i + 1 < len(blocks) else 0.0)
        if page and used + need > room - 0.15:
            pages.append(page)
            page, used = [], 0.0
            if kind == "page" and vendor:  # the vendor's list goes on: say whose pages these are
                page.append(("vendor", _("{vendor} (continued)").format(vendor=vendor), 14))
                used += heights[i - 1] if blocks[i - 1][0] == "vendor" else 0.3
        if kind == "vendor":
            vendor = content
        page.append((kind, content, pt))
        used += heights[i]
    if page:
        pages.append(page)
    return pages


def _balanced(blocks: list[Block], room: float) -> list[list[Block]]:
    """As few slides as _paginate makes, filled evenly: the smallest room that still takes no more slides.
    Filled in order, the last slide held what was left, two lines on an empty slide (eighth Korean review)."""
    pages = _paginate(blocks, room)
    if len(pages) < 2:
        return pages
    fits, short = room, room / len(pages)  # `fits` takes len(pages) slides; `short` may take more
    for _step in range(24):  # halving the gap: bounded, and well under a hundredth of an inch after
        middle = (fits + short) / 2
        if len(_paginate(blocks, middle)) <= len(pages):
            fits = middle
        else:
            short = middle
    return _paginate(blocks, fits)


def _write_block(tf: TextFrame, j: int, kind: str, content: Any, pt: float) -> None:
    """One block into the slide's text: a vendor in bold, a page as its linked address, date and prices,
    an assumption as plain text."""
    if kind == "vendor":
        _para(tf, content, pt, bold=True, first=j == 0, space_after=2)
    elif kind == "page":
        text, url, as_of, items = content
        _runs(
            tf,
            [(text, False, url), (_(", as of {date}: ").format(date=as_of), False, ""), (items, False, "")],
            pt,
            first=j == 0,
            space_after=4,
        )
    else:
        _para(tf, content, pt, first=j == 0, space_after=4)


def source_slides(prs: Pres, a: Analysis, footer: Callable[[Slide], None]) -> int:
    """The assumptions and every source, on as many slides as they take ("(2 of 3)"); their number."""
    room = BODY_BOTTOM - SOURCES_TOP
    pages = _balanced(_source_blocks(a), room)
    for i, page in enumerate(pages, 1):
        title = (
            _("Assumptions and sources ({i} of {n})").format(i=i, n=len(pages))
            if len(pages) > 1
            else _("Assumptions and sources")
        )
        s = _slide(prs, title)
        tf = _box(s, MARGIN, SOURCES_TOP, CONTENT_W, room, "Sources").text_frame
        for j, (kind, content, pt) in enumerate(page):
            _write_block(tf, j, kind, content, pt)
        footer(s)
    return len(pages)
