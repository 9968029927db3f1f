"""One YAML reader for every file a user gives us (uploaded scenarios, CLI scenario and price files).

PyYAML's SafeLoader alone is not safe against hostile input:
- its pure-Python scanner is quadratic in nesting depth (64 KB of `[` costs about a minute of CPU)
  and its composer recurses once per level (a RecursionError traceback); the C loader crashed on the
  same file. So a cheap pre-scan refuses deep nesting and too many tokens BEFORE PyYAML sees the text;
- it reads YAML 1.1: `1:20` is 80 (base 60), `0x10` is 16, `0b11` is 3, `010` is 8, `no` is False,
  and a duplicate key silently keeps the last value. Here numbers follow YAML 1.2's core schema and
  the YAML 1.1-only forms are refused with a message, as are duplicate keys and aliases.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Hashable
from typing import Any, NoReturn

import yaml

from .errors import DashboardError
from .i18n import _, quote

MAX_DEPTH = 32  # nesting levels (flow brackets, or block indentation); a scenario needs 2
MAX_TOKENS = 2_000  # about 0.05 s of PyYAML; a full scenario file has about 110


class Refused(DashboardError, yaml.YAMLError):
    """The text is refused before or while parsing; the message says why (and where, when known)."""

    def __init__(self, message: str, mark: yaml.Mark | None = None) -> None:
        if mark is not None:
            message = _("line {line}: {problem}").format(line=mark.line + 1, problem=message)
        super().__init__(message)


_FLOW = re.compile(r"[\[\]{}]")
# indicators that open a block collection on the same line: `- - - x`, `? ? x`
_LEADING = re.compile(r"[ \t]*((?:[-?:][ \t]+)*)")


def prescan(text: str, max_depth: int = MAX_DEPTH, max_tokens: int = MAX_TOKENS) -> None:
    """Refuse text whose nesting or size in tokens would make PyYAML slow or recurse deeply.

    Deliberately conservative (brackets inside quoted strings count too): a real scenario or
    price file is shallow, so over-counting refuses nothing real and is never fooled by quotes.
    Linear and mostly in C: a bomb is refused in milliseconds."""
    depth = 0
    for m in itertools.islice(_FLOW.finditer(text), max_tokens):  # bounded: the token check follows
        depth = depth + 1 if m.group() in "[{" else max(depth - 1, 0)
        if depth > max_depth:
            raise Refused(
                _("nested more than {depth} levels deep in brackets (at character {at:,})").format(
                    depth=max_depth, at=m.start() + 1
                )
            )
    lines = text.splitlines()  # every line break YAML knows (\n, \r, \x85, \u2028, \u2029)
    tokens = len(lines) + sum(text.count(c) for c in ",[]{}:")
    if tokens > max_tokens:
        raise Refused(
            _("too many values or lines ({count:,}; at most {limit:,})").format(count=tokens, limit=max_tokens)
        )
    indents: list[int] = []  # the open block levels' indentation, like Python's tokenizer
    for n, line in enumerate(lines, 1):
        body = line.lstrip(" ")
        if not body.strip() or body.lstrip().startswith("#"):
            continue
        width = len(line) - len(body)
        while indents and indents[-1] > width:
            indents.pop()
        if not indents or indents[-1] < width:
            indents.append(width)
        leading = _LEADING.match(body)  # matches every string: all of its parts are optional
        compact = len(re.findall(r"[-?:]", leading.group(1))) if leading else 0
        if len(indents) + compact > max_depth:
            raise Refused(_("line {line}: nested more than {depth} levels deep").format(line=n, depth=max_depth))


# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution), decimal only
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
# a float has a point or an exponent; bare digits with a leading zero stay text (an account ID
# such as 012345678901), as YAML 1.1 read them, unless YAML 1.1 read them as octal (refused below)
_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?\Z|[-+]?[0-9]+[eE][-+]?[0-9]+\Z"
    r"|[-+]?\.(?:inf|Inf|INF)\Z|\.(?:nan|NaN|NAN)\Z"
)
_BOOL = re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z")
# what YAML 1.1 reads as a number and YAML 1.2 does not (or reads differently): refused, never guessed
_YAML11_NUMBER = re.compile(
    r"""[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)\Z"""
)
_DROPPED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"}
AMBIGUOUS = "tag:registry-dashboard,2026:yaml11-number"


class Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema numbers and booleans, and no aliases or duplicate keys."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
            raise Refused(
                _("YAML aliases ({alias}) are not allowed").format(alias=quote("*" + event.anchor)), event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
            seen = set()
            for key_node, _value in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    duplicate = key in seen
                    seen.add(key)
                except TypeError:  # an unhashable key: the base class names it
                    continue
                if duplicate:
                    raise Refused(
                        _("{key} is given twice; give each field once").format(key=quote(key)), key_node.start_mark
                    )
        return super().construct_mapping(node, deep)

    def construct_core_int(self, node: yaml.ScalarNode) -> int | float:
        text = self.construct_scalar(node)
        # more digits than any bound allows: keep it a float (inf at worst) rather than hit
        # Python's 4,300-digit limit for int(); the field check then says it is too large
        return int(text) if len(text) <= 40 else float(text)

    def construct_yaml11_number(self, node: yaml.ScalarNode) -> NoReturn:
        text = self.construct_scalar(node)
        raise Refused(
            _(
                "{text} is not a plain decimal number (older YAML reads it as base 2, 8, 16 "
                "or 60); write the number in decimal digits, or quote it if it is text"
            ).format(text=quote(text)),
            node.start_mark,
        )


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(AMBIGUOUS, _YAML11_NUMBER, list("-+0123456789"))  # first: checked in order
Loader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
Loader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
Loader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+.0123456789"))
Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_core_int)
Loader.add_constructor(AMBIGUOUS, Loader.construct_yaml11_number)


def load(text: str, max_depth: int = MAX_DEPTH, max_tokens: int = MAX_TOKENS) -> Any:
    """Parse untrusted YAML text; raises Refused or another yaml.YAMLError."""
    prescan(text, max_depth, max_tokens)
    return yaml.load(text, Loader=Loader)


class Dumper(yaml.SafeDumper):
    """Quotes every string that Loader (or older YAML) would read as something else, e.g. `1e3`."""


for _first, _resolvers in Loader.yaml_implicit_resolvers.items():
    for _tag, _rx in _resolvers:
        Dumper.add_implicit_resolver(_tag, _rx, [_first])


def dump(data: object, **kwargs: Any) -> str:
    return str(yaml.dump(data, Dumper=Dumper, **kwargs))
