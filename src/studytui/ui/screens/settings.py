"""Settings: goals, streak rules, the study day and week; export, import and backups."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from studytui.clock import now_local, now_utc
from studytui.domain.errors import ValidationError
from studytui.domain.settings import (
    SETTING_KEYS,
    USER_SETTING_KEYS,
    Settings,
    format_setting,
    parse_setting,
)
from studytui.ui.dialogs.prompt import PromptDialog
from studytui.ui.screens.base import DataScreen
from studytui.ui.widgets.key_bar import KeyBar
from studytui.ui.widgets.text_table import TextTable
from studytui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from studytui.db.engine import Database


class SettingsScreen(DataScreen[Settings]):
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
        yield TextTable(id="settings", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Setting", "Value", "What it does")
        self._settings: Settings | None = None
        super().on_mount()

    def fetch(self, db: Database) -> Settings:
        from studytui.db.engine import reading
        from studytui.db.settings_store import load_settings

        with reading(db) as session:
            return load_settings(session)

    def show(self, data: Settings) -> None:
        self._settings = data
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for key in USER_SETTING_KEYS:
            value = format_setting(key, getattr(data, key))
            table.add_row(key, value, SETTING_KEYS[key].description, key=key)
        table.move_cursor(row=row)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        table = self.query_one(DataTable)
        if self._settings is None or table.row_count == 0:
            return
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        current = format_setting(key, getattr(self._settings, key))
        self.app.push_screen(
            PromptDialog(
                f"{key}: {SETTING_KEYS[key].description}", current, partial(parse_setting, key)
            ),
            callback=partial(self._save, key),
        )

    def _save(self, key: str, text: str | None) -> None:
        if text is None:
            return

        def write(db: Database) -> str:
            from studytui.db.engine import writing
            from studytui.db.settings_store import set_setting

            with writing(db) as session:
                return set_setting(session, key, text)

        self.run_write(write, then=lambda value: self.notify(f"{key} = {value}"))

    # --- export, import, backup -----------------------------------------------------------------
    # The work runs in a worker (run_write); errors arrive as notifications naming the file.

    def action_export(self) -> None:
        default = Path("~") / f"studytui-export-{now_local():%Y-%m-%d}.json"
        self.app.push_screen(
            PromptDialog("Export all your data as JSON to:", str(default), _check_path),
            callback=self._export,
        )

    def _export(self, text: str | None) -> None:
        if text is None:
            return
        target = Path(text.strip()).expanduser()

        def write(db: Database) -> Path:
            from studytui.db.export import export_text
            from studytui.db.files import check_output, write_output

            check_output(target, database=db.location)
            text = export_text(db, as_csv=False, exported_at=now_utc())
            write_output(target, text, database=db.location)
            return target

        self.run_write(write, then=lambda path: self.notify(f"Exported to {path}"))

    def action_import(self) -> None:
        self.app.push_screen(
            PromptDialog(
                "Import the records of a studytui export (all or nothing) from:",
                "",
                _check_existing_file,
            ),
            callback=self._import,
        )

    def _import(self, text: str | None) -> None:
        if text is None:
            return
        source = Path(text.strip()).expanduser()

        def write(db: Database) -> str:
            from studytui.db.importer import import_file

            return import_file(db, source, now=now_local()).summary()

        self.run_write(write, then=lambda summary: self.notify(f"Imported: {summary}"))

    def action_backup(self) -> None:
        def write(db: Database) -> Path:
            from studytui.db.backups import make_backup

            return make_backup(db.path, now=now_local())

        self.run_write(write, then=lambda path: self.notify(f"Backed up to {path}"))


def _check_path(text: str) -> None:
    if not text.strip():
        raise ValidationError("give a file name")


def _check_existing_file(text: str) -> None:
    _check_path(text)
    if not Path(text.strip()).expanduser().is_file():
        raise ValidationError(f"{text.strip()} is not a file; check the name")
