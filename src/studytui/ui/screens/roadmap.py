"""The roadmap: areas and milestones with progress, the detail pane with notes, next up, pace.

Notes are the one thing typed here at length, so they are saved whenever the user leaves the
editor, switches milestone or screen, after a pause in typing, and (synchronously) on quit.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color, ColorParseError
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from studytui.clock import now_local
from studytui.domain.durations import format_hours
from studytui.domain.roadmap import STATUS_GLYPHS, STATUS_NAMES
from studytui.ui.screens.base import DataScreen
from studytui.ui.screens.roadmap_edit import RoadmapEditing
from studytui.ui.widgets.key_bar import KeyBar
from studytui.ui.widgets.milestone_detail import MilestoneDetailPane
from studytui.ui.widgets.next_up_section import NextUpData, load_next_up, next_up_text
from studytui.ui.widgets.text_table import TextTable
from studytui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from studytui.db.engine import Database
    from studytui.db.roadmap import MilestoneDetail, StatusChange
    from studytui.db.roadmap_view import RoadmapData

SCREEN_NEXT_UP = 5
# (label, width); the milestone column takes what the others leave (see _fit_columns).
COLUMNS = (("", 4), ("Milestone", 40), ("Est.", 5), ("Logged", 7), ("Progress", 14))
NOTES_IDLE_SECONDS = 2.0
STATUS_COLOURS = {"in_progress": "warning", "done": "success"}


@dataclass(frozen=True)
class RoadmapView:
    today: date
    roadmap: RoadmapData
    next_up: NextUpData
    detail: MilestoneDetail | None
    template: str


def _hours(minutes: int) -> str:
    return format_hours(minutes) if minutes else ""


def _bind(key: str, action: str, text: str, id: str, show: bool = True, **kw: Any) -> Binding:
    return Binding(key, action, text, show=show, id=f"roadmap-{id}", **kw)


class RoadmapScreen(RoadmapEditing, DataScreen[RoadmapView]):
    TITLE = "Roadmap"
    # Below 100 columns the list gets the room: next up is on the dashboard too.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]
    CSS_PATH = "roadmap.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        _bind("1", "set_status('todo')", "To do", "todo"),
        _bind("2", "set_status('in_progress')", "Doing", "doing"),
        _bind("3", "set_status('done')", "Done", "done"),
        _bind("4", "set_status('skipped')", "Skip", "skip"),
        _bind("u", "undo", "Undo", "undo"),
        _bind("o", "open_resource", "Open link", "open"),
        _bind("n", "add_milestone", "New milestone", "new"),
        _bind("N", "add_area", "New area", "new-area", False),
        _bind("e", "edit", "Edit", "edit"),
        _bind("delete", "delete", "Delete", "delete", key_display="del"),
        _bind("shift+up", "move(True)", "Move up", "up", False, key_display="shift+↑"),
        _bind("shift+down", "move(False)", "Move down", "down", False, key_display="shift+↓"),
        _bind("percent_sign", "shares", "Target shares", "shares", False, key_display="%"),
        _bind("t", "template", "Switch starting point", "template", False),
        _bind("j", "journal", "Export journal", "journal"),
        _bind("escape", "focus_table", "Back to the list", "back", False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._selected: str | None = None  # row key: "m:<milestone id>" or "a:<area id>"
        self._view: RoadmapView | None = None
        self._undo: list[StatusChange] = []
        self._notes_lock = threading.Lock()
        self._notes_timer: Timer | None = None
        self._quiet_resume = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="roadmap-body"):
            with Vertical(id="roadmap-left"):
                yield Static("…", id="roadmap-summary")
                yield TextTable(id="milestones", cursor_type="row")
                yield Static("", id="next-up")
            yield MilestoneDetailPane(id="milestone-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.table
        for label, width in COLUMNS:
            table.add_column(label, width=width, key=label)
        self.pane = self.query_one(MilestoneDetailPane)
        self.query_one("#next-up").border_title = "Next up"
        self.pane.border_title = "Detail"
        # DataScreen.on_mount (called next by Textual) loads the data.

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#milestones", DataTable)

    # --- loading -------------------------------------------------------------------------------

    def fetch(self, db: Database) -> RoadmapView:
        from studytui.db.engine import reading
        from studytui.db.reads import driver_connection
        from studytui.db.roadmap import milestone_detail
        from studytui.db.roadmap_view import load_roadmap
        from studytui.db.seed import TEMPLATE_SETTING
        from studytui.db.settings_store import load_settings, raw_settings

        selected = self._selected
        with reading(db) as session:
            settings = load_settings(session)
            today = self.study_app.store.today(settings)
            conn = driver_connection(session)
            roadmap = load_roadmap(conn)
            next_up = load_next_up(conn, today, settings, SCREEN_NEXT_UP)
            detail = None
            if selected is not None and selected.startswith("m:"):
                detail = milestone_detail(session, selected[2:])
            template = raw_settings(session).get(TEMPLATE_SETTING, "")
        return RoadmapView(today, roadmap, next_up, detail, template)

    def show(self, data: RoadmapView) -> None:
        self._view = data
        self._fill_table(data.roadmap)
        self._fit_columns()
        self.query_one("#roadmap-summary", Static).update(self._summary(data))
        self.query_one("#next-up", Static).update(next_up_text(data.next_up, with_pace=False))
        self._show_selected()

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        table = self.table
        others = sum(width for label, width in COLUMNS if label != "Milestone")
        padding = 2 * table.cell_padding * len(COLUMNS) + 2  # + the scrollbar
        title = table.columns.get(ColumnKey("Milestone"))
        if title is not None:
            title.width = max(20, self.query_one("#roadmap-left").size.width - others - padding)
            table.refresh(layout=True)

    def _summary(self, data: RoadmapView) -> Text:
        overall = data.roadmap.overall
        text = Text("Whole roadmap ", style="bold")
        text.append(f"{overall.bar()} {overall.percent}%")
        text.append(f"  ({overall.done_hours} of {overall.total_hours} h estimated done)")
        for line in data.next_up.report.lines()[1:]:  # pace, and the target when one is set
            text.append(f"\n{line}")
        total = sum(a.share for a in data.roadmap.areas)
        if data.roadmap.areas and total != 100:
            text.append(f"\nTarget shares add up to {total}%, not 100%: press % to fix them")
        return text

    def _fill_table(self, roadmap: RoadmapData) -> None:
        styles = self._status_styles()
        table = self.table
        previous_row = table.cursor_row
        table.clear()
        by_area = roadmap.by_area()
        for area in roadmap.areas:
            prog = by_area.get(area.id)
            items = [m for m in roadmap.milestones if m.area_id == area.id]
            table.add_row(
                "",
                Text(f"{area.name}  ({area.share}% of time)", style="bold"),
                f"{prog.total_hours if prog else 0} h",
                _hours(roadmap.area_minutes.get(area.id, 0)),
                f"{prog.bar(10)} {prog.percent}%" if prog else "no milestones",
                key=f"a:{area.id}",
            )
            for m in items:
                style = styles.get(m.status, "")
                table.add_row(
                    Text(f" {STATUS_GLYPHS[m.status]}", style=style),
                    Text(f"  {m.title}", style="dim" if m.status == "skipped" else ""),
                    f"{m.estimate_hours} h",
                    _hours(m.logged_minutes),
                    Text(STATUS_NAMES[m.status], style=style),
                    key=f"m:{m.id}",
                )
        keys = [row.key.value for row in table.ordered_rows]
        if self._selected not in keys:
            # Deleted (here or elsewhere): stay at the same place in the list.
            self._selected = keys[min(previous_row, len(keys) - 1)] if keys else None
        if self._selected is not None:
            table.move_cursor(row=keys.index(self._selected), animate=False)

    def _status_styles(self) -> dict[str, Style | str]:
        """Theme colours for the statuses (the glyphs carry the meaning; colour helps)."""
        variables = self.app.get_css_variables()
        styles: dict[str, Style | str] = {"skipped": "dim"}
        for status, name in STATUS_COLOURS.items():
            try:
                colour = Color.parse(variables[name]).rich_color
            except (KeyError, ColorParseError):
                continue
            styles[status] = Style(color=colour, bold=status == "in_progress")
        return styles

    def _show_selected(self) -> None:
        view, selected = self._view, self._selected
        if view is None or selected is None:
            return
        if selected.startswith("a:"):
            area = next((a for a in view.roadmap.areas if a.id == selected[2:]), None)
            if area is not None:
                from studytui.domain.roadmap import progress

                items = [m for m in view.roadmap.milestones if m.area_id == area.id]
                minutes = view.roadmap.area_minutes.get(area.id, 0)
                self.pane.show_area(area, progress(items), minutes, len(items))
        elif view.detail is not None and view.detail.id == selected[2:]:
            self.pane.show_milestone(view.detail)
        else:
            self._load_detail(selected[2:])

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # Rebuilding the table posts highlights for rows the cursor has already left.
        if event.cursor_row != self.table.cursor_row or event.row_key.value == self._selected:
            return
        self.flush_notes()
        self._selected = event.row_key.value
        self._show_selected()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if (event.row_key.value or "").startswith("m:"):
            self.pane.notes.focus()

    @work(thread=True, exclusive=True, group="detail")
    def _load_detail(self, milestone_id: str) -> None:
        from studytui.db.engine import reading
        from studytui.db.roadmap import milestone_detail

        with reading(self.study_app.store.db) as session:
            detail = milestone_detail(session, milestone_id)
        if detail is not None:
            self.app.call_from_thread(self._detail_loaded, detail)

    def _detail_loaded(self, detail: MilestoneDetail) -> None:
        if self._selected == f"m:{detail.id}":
            self.pane.show_milestone(detail)

    # --- notes ---------------------------------------------------------------------------------

    def on_text_area_changed(self, _event: Any) -> None:
        if self._notes_timer is not None:
            self._notes_timer.stop()
        self._notes_timer = self.set_timer(NOTES_IDLE_SECONDS, self.flush_notes)

    def on_milestone_detail_pane_notes_left(self, _event: MilestoneDetailPane.NotesLeft) -> None:
        self.flush_notes()

    def on_screen_suspend(self) -> None:
        # Its toasts offer `u` to undo here; on the next screen `u` means something else.
        self.app.clear_notifications()
        self.flush_notes()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self._quiet_resume:
            self._quiet_resume = False
            event.prevent_default()  # skips DataScreen's reload

    def flush_notes(self) -> None:
        pending = self.pane.pending_notes() if self.is_mounted else None
        if pending is not None:
            self._save_notes(*pending)

    @work(thread=True, group="notes")
    def _save_notes(self, milestone_id: str, text: str) -> None:
        if self._write_notes(milestone_id, text):
            self.app.call_from_thread(self.pane.mark_saved, milestone_id, text)

    def _write_notes(self, milestone_id: str, text: str) -> bool:
        from studytui.db.engine import writing
        from studytui.db.errors import StoreError
        from studytui.db.roadmap import save_notes
        from studytui.domain.errors import ValidationError

        try:
            with self._notes_lock, writing(self.study_app.store.db) as session:
                save_notes(session, milestone_id, text)
        except (ValidationError, StoreError) as exc:
            self.app.call_from_thread(self.notify, f"notes not saved: {exc}", severity="error")
            return False
        return True

    def on_unmount(self) -> None:
        # The app is closing: a worker might not get to run, so write here and now.
        pending = self.pane.pending_notes()
        if pending is not None:
            from studytui.db.engine import writing
            from studytui.db.roadmap import save_notes

            with self._notes_lock, writing(self.study_app.store.db) as session:
                save_notes(session, *pending)

    # --- small actions -------------------------------------------------------------------------

    def action_focus_table(self) -> None:
        self.table.focus()

    def action_open_resource(self) -> None:
        url = self.pane.selected_url()
        if url is None:
            self.notify("This has no links: select a milestone with resources.")
            return
        self.app.open_url(url)
        self.notify(f"Opening {url}")

    def selected_milestone(self) -> str | None:
        if self._selected is None or not self._selected.startswith("m:"):
            self.notify("Select a milestone first (this row is an area).", severity="warning")
            return None
        return self._selected[2:]

    def selected_area(self) -> str | None:
        """The area of the selected row (an area row, or a milestone's area)."""
        if self._selected is None or self._view is None:
            return None
        if self._selected.startswith("a:"):
            return self._selected[2:]
        milestone = next(
            (m for m in self._view.roadmap.milestones if m.id == self._selected[2:]), None
        )
        return milestone.area_id if milestone else None

    def select(self, key: str) -> None:
        self._selected = key

    def journal_default(self) -> Path:
        today = self._view.today if self._view else now_local().date()
        return self.study_app.store.path.parent / f"journal-{today.isoformat()}.md"
