"""Errors that carry a message meant for a person, naming what is wrong and where."""


class InputError(ValueError):
    """Bad user input: a scenario field, a link parameter, an uploaded file."""

    def __init__(self, problems):
        if isinstance(problems, str):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


class PriceBookError(ValueError):
    """A price file that cannot be used; the message names the file, the entry and the problem."""
