"""Sorting a table by one of its columns: which column and which way, and the sort itself.

A screen keeps a `SortOrder` while the app runs; `o` steps through the columns (and back to
the screen's own order) and a click on a header sorts by it, a second click the other way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class SortOrder:
    column: str | None = None  # None: the screen's own order ("what matters first")
    descending: bool = False

    def next_column(self, columns: Sequence[str]) -> SortOrder:
        """The next column along, ascending; after the last, the screen's own order again."""
        if self.column not in columns:
            return SortOrder(columns[0]) if columns else SortOrder()
        index = columns.index(self.column) + 1
        return SortOrder(columns[index]) if index < len(columns) else SortOrder()

    def clicked(self, column: str) -> SortOrder:
        """A click on `column`'s header: sort by it, or turn the order round if it already is."""
        if column == self.column:
            return SortOrder(column, not self.descending)
        return SortOrder(column)

    def arrow(self, column: str) -> str:
        """What the header of `column` shows after its label."""
        if column != self.column:
            return ""
        return " ▼" if self.descending else " ▲"


def sort_rows(rows: Iterable[T], key: Callable[[T], Any], *, descending: bool = False) -> list[T]:
    """`rows` by `key`; rows whose key is None (no date, nothing logged) come last either way.
    The sort is stable, so rows that tie keep the screen's own order."""
    rows = list(rows)
    present = [r for r in rows if key(r) is not None]
    missing = [r for r in rows if key(r) is None]
    return sorted(present, key=key, reverse=descending) + missing
