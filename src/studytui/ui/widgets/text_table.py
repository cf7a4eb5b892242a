"""A DataTable that shows its cells as text.

DataTable reads a plain `str` cell as Rich markup, and the cells of studytui's tables hold
notes, names and titles from the keyboard and from import files: a note such as
`[@click=app.quit]x[/]` would become a link that quits the app. Every str cell is wrapped in
a `Text` here, so no screen has to remember to.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, ColumnKey, RowKey


def _as_text(cell: Any) -> Any:
    return Text(cell) if isinstance(cell, str) else cell


class TextTable(DataTable[Any]):
    def add_row(
        self,
        *cells: CellType,
        height: int | None = 1,
        key: str | None = None,
        label: Text | str | None = None,
    ) -> RowKey:
        return super().add_row(
            *(_as_text(c) for c in cells), height=height, key=key, label=_as_text(label)
        )

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: CellType,
        *,
        update_width: bool = False,
    ) -> None:
        super().update_cell(row_key, column_key, _as_text(value), update_width=update_width)

    def update_cell_at(
        self, coordinate: Coordinate, value: CellType, *, update_width: bool = False
    ) -> None:
        super().update_cell_at(coordinate, _as_text(value), update_width=update_width)
