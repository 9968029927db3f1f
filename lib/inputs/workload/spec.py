"""What is written about one field, once: its Spec (kind, bounds, words, where its input sits, how an
analysis sweeps it), the sidebar's sections, and `field_spec`, which declares a dataclass field with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ...core.i18n import N_, _

Kind = Literal["float", "int", "choice", "bool", "set", "text"]

# The sidebar's sections, in the order drawn; a field names its own (Spec.section).
WORKLOAD_SECTION = N_("Workload")
NETWORK_SECTION = N_("Network and account")
PLANS_SECTION = N_("Plans and billing")
SELFHOSTED_SECTION = N_("Self-hosted and baseline")
SECTIONS = (WORKLOAD_SECTION, NETWORK_SECTION, PLANS_SECTION, SELFHOSTED_SECTION)


@dataclass(frozen=True)
class Sweep:
    """How the Break-even page varies a field: from lo to hi, on a log axis or not; `unit` is what the
    values count, in the words of the page's sentences ("above 12,000 pulls a month")."""

    lo: float
    hi: float
    log: bool
    unit_id: str  # English, the message id

    @property
    def unit(self) -> str:
        return _(self.unit_id)


@dataclass(frozen=True)
class Spec:
    """Everything about one field, written once: how it is typed, bounded and shown, where its
    input sits and how an analysis varies it. `max` is a sanity bound, not a price fact.

    Positions (`place`, `question`, `compare`) count from 1 and 0 means "not there": they are
    written beside the field so that adding a field is one edit, not one per table."""

    kind: Kind  # "set" is a subset of choices, "text" matches `pattern`
    default: object
    label_id: str  # the English words are message ids (N_); `label`, `help` and `unit` are the reader's language
    help_id: str = ""
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    unit_id: str = ""
    group: str = "workload"  # set from the group class the field is declared in (its GROUP)
    pattern: str = ""  # for text fields: a full-match regular expression
    discrete: bool = False  # a whole number that changes which components exist: grouped on, like a choice
    priced: bool = False  # a decision answer that also changes prices (where the consumers run)
    section: str = ""  # the sidebar section its input is in (SECTIONS); "" when a page draws it
    place: int = 0  # its position in that section
    question: int = 0  # its position among the situation questions (the Recommendation page)
    compare: int = 0  # its position among the inputs scenario B can change (the Compare page)
    percent: bool = False  # a 0..1 fraction, typed and read as a percentage (5 means 5 %)
    slider: bool = False  # a small range, drawn as a slider instead of a number box
    whole: bool = False  # a float typed and shown without decimals
    sweep: Sweep | None = None  # set when the Break-even page can vary it
    screen_help_id: str = ""  # the input's help on screen, where `help` (also the CLI's) speaks in file values

    # translated each time they are read, in the language of the run that reads them (never cached)
    @property
    def label(self) -> str:
        return _(self.label_id)

    @property
    def help(self) -> str:
        return _(self.help_id) if self.help_id else ""  # _("") would be the catalogue's header

    @property
    def unit(self) -> str:
        return _(self.unit_id) if self.unit_id else ""

    @property
    def input_help(self) -> str:
        """The help beside the field's input: its screen help, or its help."""
        return _(self.screen_help_id) if self.screen_help_id else self.help


def field_spec(
    kind: Kind,
    default: object,
    label: str,
    help: str = "",
    min: float | None = None,
    max: float | None = None,
    unit: str = "",
    screen_help: str = "",
    **more: Any,
) -> Any:
    """A dataclass field whose default and spec are written once (Any: the field's annotation says its type)."""
    return field(
        default=default,
        metadata={"spec": Spec(kind, default, label, help, min, max, unit_id=unit, screen_help_id=screen_help, **more)},
    )
