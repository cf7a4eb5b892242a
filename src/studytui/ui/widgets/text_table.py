"""A DataTable that shows its cells as text, in columns that follow the terminal's width.

DataTable reads a plain `str` cell as Rich markup, and the cells of studytui's tables hold
notes, names and titles from the keyboard and from import files: a note such as
`[@click=app.quit]x[/]` would become a link that quits the app. Every str cell is wrapped in
a `Text` here, so no screen has to remember to.

DataTable sizes its columns once, to their content, and never again: a long note pushed the
columns after it off screen, and a width set at the first draw stayed after a resize. Here
every column is as wide as its content (its header included), and the columns named in `flex`
(names, titles, notes) share what is left of the table's width when that is too little for
them: each gets at least its minimum, cut text ends in "…", and the widths are worked out
again whenever the rows or the table's size change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text
from textual import events
from textual.coordinate import Coordinate
from textual.render import measure
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, Column, ColumnKey, RowKey


def _as_text(cell: Any) -> Any:
    if isinstance(cell, str):
        return Text(cell, overflow="ellipsis")
    if isinstance(cell, Text) and cell.overflow is None:
        cell.overflow = "ellipsis"
    return cell


def share_room(natural: Mapping[str, int], least: Mapping[str, int], room: int) -> dict[str, int]:
    """Widths for the flexible columns: each its natural width if they all fit in `room`;
    else every column is cut to the same width (the narrow ones keep theirs), the widest that
    fits, none below its least width (the table then scrolls sideways)."""

    def widths_at(level: int) -> dict[str, int]:
        return {key: min(natural[key], max(least[key], level)) for key in natural}

    low, high = 0, max(natural.values(), default=0)
    while low < high:  # the widest level whose widths fit in the room
        middle = (low + high + 1) // 2
        if sum(widths_at(middle).values()) <= room:
            low = middle
        else:
            high = middle - 1
    widths = widths_at(low)
    spare = room - sum(widths.values())
    for key in sorted(widths, key=natural.__getitem__, reverse=True):
        if spare <= 0:
            break
        if widths[key] < natural[key]:
            widths[key] += 1
            spare -= 1
    return widths


class TextTable(DataTable[Any]):
    def __init__(self, *args: Any, flex: Mapping[str, int] | None = None, **kwargs: Any) -> None:
        """`flex`: the columns (by key, or by header text) that give way when the table is
        too narrow, each with the least width it keeps."""
        super().__init__(*args, **kwargs)
        self.flex = dict(flex or {})
        self._fit_pending = False

    def add_row(
        self,
        *cells: CellType,
        height: int | None = 1,
        key: str | None = None,
        label: Text | str | None = None,
    ) -> RowKey:
        self._fit_soon()
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
        self._fit_soon()
        super().update_cell(row_key, column_key, _as_text(value), update_width=update_width)

    def update_cell_at(
        self, coordinate: Coordinate, value: CellType, *, update_width: bool = False
    ) -> None:
        self._fit_soon()
        super().update_cell_at(coordinate, _as_text(value), update_width=update_width)

    def on_resize(self, _event: events.Resize) -> None:
        self.fit_columns()

    def _fit_soon(self) -> None:
        # Once, after the screen has added all its rows.
        if not self._fit_pending:
            self._fit_pending = True
            self.call_next(self.fit_columns)

    def _flex_name(self, column: Column) -> str | None:
        for name in (column.key.value, column.label.plain):
            if name is not None and name in self.flex:
                return name
        return None

    def _natural_widths(self) -> dict[ColumnKey, int]:
        console = self.app.console
        widths = {key: column.label.cell_len for key, column in self.columns.items()}
        for row in self._data.values():
            for key, cell in row.items():
                if isinstance(cell, Text) and "\n" not in cell.plain:
                    width = cell.cell_len
                else:
                    width = measure(console, cell, 1) if cell is not None else 0
                if width > widths.get(key, 0):
                    widths[key] = width
        return widths

    def fit_columns(self) -> None:
        """Work the column widths out again for the table's current size and rows."""
        self._fit_pending = False
        if not self.is_mounted or not self.size.width or not self.columns:
            return
        natural = self._natural_widths()
        padding = 2 * self.cell_padding
        room = self.size.width
        if self.row_count + int(self.show_header) > self.size.height:
            room -= self.styles.scrollbar_size_vertical
        flexible: dict[str, ColumnKey] = {}
        for key, column in self.columns.items():
            name = self._flex_name(column)
            if name is None:
                room -= natural[key] + padding
            else:
                flexible[name] = key
                room -= padding
        shared = share_room(
            {name: natural[key] for name, key in flexible.items()},
            {name: min(self.flex[name], natural[key]) for name, key in flexible.items()},
            room,
        )
        widths = dict(natural)
        widths.update({flexible[name]: width for name, width in shared.items()})
        changed = False
        for key, column in self.columns.items():
            if column.auto_width or column.width != widths[key]:
                column.auto_width = False
                column.width = widths[key]
                changed = True
        if changed:
            # DataTable has no public way to resize a column: these are what its own
            # add_column and _on_resize touch to lay the rows out again.
            for row_key, row in self.rows.items():
                if row.auto_height:
                    row.height = 0
                    self._new_rows.add(row_key)
            self._update_count += 1
            self._clear_caches()
            self._require_update_dimensions = True
            self.check_idle()
            self.refresh(layout=True)
