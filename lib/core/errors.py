"""Errors that carry a message meant for a person, naming what is wrong and where."""

from __future__ import annotations

from collections.abc import Iterable


class DashboardError(Exception):
    """Every error of this project with a message for a person; the CLI prints it as one line."""


class InputError(DashboardError, ValueError):
    """Bad user input: a scenario field, a link parameter, an uploaded file."""

    def __init__(self, problems: str | Iterable[str]) -> None:
        if isinstance(problems, str):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


class PriceBookError(DashboardError, ValueError):
    """A price file that cannot be used; the message names the file, the entry and the problem."""


class DataFileError(DashboardError, ValueError):
    """Another file under data/ (e.g. onetime.yaml) that cannot be used: names the file and the entry."""
