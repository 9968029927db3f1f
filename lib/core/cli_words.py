"""The words argparse prints around ours, and the language of a command line before it is parsed.

Shared by lib/cli.py and the `measure` subcommand that lib/__main__.py starts alone (without the pricing
engine): both print their --help in the language asked for."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from . import i18n
from .i18n import _


class Formatter(argparse.HelpFormatter):
    """argparse's own "usage: " in the reader's language (the catalogue's; English unchanged)."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


def words_of_argparse(ap: argparse.ArgumentParser) -> None:
    """The words argparse prints around ours (section titles, -h's help), in the reader's language,
    in the parser and every subcommand's, nested ones too (`prices urls`): `python -m lib recommend
    --lang ko --help` read half English."""
    parsers = [ap]
    for p in parsers:  # grows while it is walked: a subcommand's own subcommands are walked too
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                parsers += list(action.choices.values())
    for p in parsers:
        p.formatter_class = Formatter
        p._positionals.title = _("positional arguments")
        p._optionals.title = _("options")
        for action in p._actions:
            if action.option_strings == ["-h", "--help"]:
                action.help = _("show this help message and exit")


def asked_language(argv: Sequence[str]) -> str:
    """The --lang of a command line before it is parsed: --help prints while parsing."""
    for i, a in enumerate(argv):
        value = (
            argv[i + 1]
            if a == "--lang" and i + 1 < len(argv)
            else a.partition("=")[2]
            if a.startswith("--lang=")
            else ""
        )
        if value in i18n.LANGS:
            return value
    return i18n.DEFAULT


def add_lang(command: argparse.ArgumentParser) -> None:
    """--lang, as every command that prints words has it (lib/cli.py and lib/measure/cli.py)."""
    command.add_argument(
        "--lang",
        choices=tuple(i18n.LANGS),
        default=i18n.DEFAULT,
        help=_("the language of the text and the files: {langs}; default {default}").format(
            langs=", ".join(f"{k} ({v})" for k, v in i18n.LANGS.items()), default=i18n.DEFAULT
        ),
    )
