"""Settings: goals, streak rules, the study day and week; export, import and backups."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from studytui.clock import now, now_local
from studytui.domain.errors import ValidationError
from studytui.domain.settings import SETTING_KEYS, parse_setting
from studytui.ui.dialogs.prompt import PromptDialog
from studytui.ui.screens.base import DataScreen
from studytui.ui.widgets.key_bar import KeyBar
from studytui.ui.widgets.text_table import TextTable
from studytui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from datetime import datetime

    from studytui.actions.data import ImportResult
    from studytui.actions.database import Database
    from studytui.actions.settings import SettingLine


class SettingsScreen(DataScreen[tuple["SettingLine", ...]]):
    TITLE = "Settings"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,e", "edit", "Edit", id="settings-edit"),
        Binding("x", "export", "Export data", id="settings-export"),
        Binding("i", "import", "Import data", id="settings-import"),
        Binding("b", "backup", "Back up now", id="settings-backup"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("Select a setting and press enter to change it.", id="settings-hint")
        yield TextTable(
            id="settings", cursor_type="row", zebra_stripes=True, flex={"What it does": 24}
        )
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Setting", "Value", "What it does")
        self._lines: dict[str, SettingLine] = {}
        super().on_mount()

    def fetch(self, db: Database, now: datetime) -> tuple[SettingLine, ...]:
        from studytui.actions.settings import list_settings

        return list_settings(db, now=now)

    def show(self, data: tuple[SettingLine, ...]) -> None:
        self._lines = {line.key: line for line in data}
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for line in data:
            # height None: a description too long for the terminal wraps instead of being cut.
            table.add_row(line.key, line.value, line.description, key=line.key, height=None)
        table.move_cursor(row=row)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        table = self.query_one(DataTable)
        if not self._lines or table.row_count == 0:
            return
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        current = self._lines[key].value
        self.app.push_screen(
            PromptDialog(
                f"{key}: {SETTING_KEYS[key].description}", current, partial(parse_setting, key)
            ),
            callback=partial(self._save, key),
        )

    def _save(self, key: str, text: str | None) -> None:
        if text is None:
            return

        from studytui.actions.settings import change_setting

        self.perform(change_setting, key, text, then=lambda value: self.notify(f"{key} = {value}"))

    # --- export, import, backup -----------------------------------------------------------------
    # Export and import write in the dialog's worker (PromptDialog's `save`): a refusal (a
    # folder that does not exist, a broken file) shows under the field and keeps the path typed.

    def action_export(self) -> None:
        from studytui.actions.data import export_to_file

        store = self.store

        def save(text: str) -> Path:
            path = Path(text.strip()).expanduser()
            return export_to_file(store.db, path, as_csv=False, now=now())

        default = Path("~") / f"studytui-export-{now_local():%Y-%m-%d}.json"
        self.app.push_screen(
            PromptDialog("Export all your data as JSON to:", str(default), _check_path, save=save),
            callback=self._exported,
        )

    def _exported(self, path: Path | None) -> None:
        if path is not None:
            self.notify(f"Exported to {path}")

    def action_import(self) -> None:
        from studytui.actions.data import import_file

        store = self.store

        def save(text: str) -> ImportResult:
            return import_file(store.db, Path(text.strip()).expanduser(), now=now())

        self.app.push_screen(
            PromptDialog(
                "Import the records of a studytui export (all or nothing) from:",
                "",
                _check_existing_file,
                save=save,
                hint="enter imports · escape to cancel",
            ),
            callback=self._imported,
        )

    def _imported(self, result: ImportResult | None) -> None:
        if result is not None:
            self.notify(f"Imported: {result.summary()}")

    def action_backup(self) -> None:
        from studytui.actions.data import backup_database

        self.perform(backup_database, then=lambda path: self.notify(f"Backed up to {path}"))


def _check_path(text: str) -> None:
    if not text.strip():
        raise ValidationError("give a file name")


def _check_existing_file(text: str) -> None:
    _check_path(text)
    if not Path(text.strip()).expanduser().is_file():
        raise ValidationError(f"{text.strip()} is not a file; check the name")
