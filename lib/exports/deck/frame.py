"""What every slide step is given: the presentation being built, the scenario and its analysis."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...analyses.analysis import Analysis
from ...core.i18n import _
from ...inputs.pricebook import PriceBook
from ...inputs.workload import Workload
from ...pricing import labels

if TYPE_CHECKING:  # python-pptx's classes, for annotations only
    from pptx.presentation import Presentation as Pres
    from pptx.slide import Slide

from .layout import _footer

# ---- the deck --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Deck:
    """What every slide step needs: the presentation being built, the scenario and its analysis."""

    prs: Pres
    w: Workload
    book: PriceBook
    a: Analysis
    link: str
    today: dt.date

    def footer(self, slide: Slide) -> None:
        _footer(
            slide,
            " · ".join(
                [
                    _("Container registry decision"),
                    labels.date_text(self.today),
                    _("price book {version}").format(version=self.book.version),
                    str(len(self.prs.slides)),
                ]
            ),
        )
