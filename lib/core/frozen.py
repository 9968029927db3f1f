"""Read-only copies of parsed documents, for the loaders that cache them.

A cached loader hands every caller the same object: if one caller could change it, the next
caller would read the change. A frozen document cannot be changed: mappings become read-only
views of private copies, lists become tuples (all the way down).

Data files carry their words in both languages (`{en: ..., ko: ...}`). A cache must not pick one
(the first reader's language would stick), so `freeze(doc, texts=True)` keeps both and picks on
every read: its mappings and sequences hand out the current language's text (`i18n.text`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, SupportsIndex, overload

from . import i18n


def is_text(value: Any) -> bool:
    """A text in both languages: a mapping of exactly `en` and `ko` to strings."""
    return isinstance(value, Mapping) and set(value) == {"en", "ko"} and all(isinstance(v, str) for v in value.values())


def _pick(value: Any) -> Any:
    return i18n.text(value) if isinstance(value, MappingProxyType) and is_text(value) else value


class TextDocument(Mapping[str, Any]):
    """A read-only mapping whose `{en, ko}` texts read in the current language (the rest as stored)."""

    __slots__ = ("_items",)

    def __init__(self, items: dict[str, Any]):
        self._items = items

    def __getitem__(self, key: str) -> Any:
        return _pick(self._items[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"TextDocument({self._items!r})"

    def both(self, key: str) -> Any:
        """The value as stored: a text keeps both languages."""
        return self._items[key]


class TextTuple(tuple[Any, ...]):
    """A tuple whose `{en, ko}` texts read in the current language (`for title, command in steps`)."""

    __slots__ = ()

    @overload
    def __getitem__(self, i: SupportsIndex, /) -> Any: ...
    @overload
    def __getitem__(self, i: slice, /) -> tuple[Any, ...]: ...

    def __getitem__(self, i: SupportsIndex | slice, /) -> Any:
        if isinstance(i, slice):
            return TextTuple(super().__getitem__(i))
        return _pick(super().__getitem__(i))

    def __iter__(self) -> Iterator[Any]:
        return (_pick(v) for v in super().__iter__())


def freeze(value: Any, texts: bool = False) -> Any:
    """A deep read-only copy: dict -> MappingProxyType, list/tuple -> tuple, set -> frozenset.
    With `texts`, every `{en, ko}` text stays whole and reads in the current language."""
    if isinstance(value, Mapping):
        if texts and is_text(value):
            return MappingProxyType(dict(value))
        items = {k: freeze(v, texts) for k, v in value.items()}
        return TextDocument(items) if texts else MappingProxyType(items)
    if isinstance(value, list | tuple):
        items_t = tuple(freeze(v, texts) for v in value)
        return TextTuple(items_t) if texts else items_t
    if isinstance(value, set | frozenset):
        return frozenset(freeze(v, texts) for v in value)
    return value
