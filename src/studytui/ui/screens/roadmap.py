"""The roadmap: areas and milestones with progress, the detail pane with notes, next up, pace.

Notes are the one thing typed here at length, so they are saved whenever the user leaves the
editor, switches milestone or screen, after a pause in typing, and (synchronously) on quit.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color, ColorParseError
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import DataTable, Static

from studytui.clock import now
from studytui.domain.durations import format_hours
from studytui.domain.matching import Choice
from studytui.domain.roadmap import STATUS_GLYPHS, STATUS_NAMES
from studytui.ui.screens.base import DataScreen
from studytui.ui.screens.logging import open_entry_form, toggle_timer
from studytui.ui.screens.roadmap_edit import RoadmapEditor, Selection
from studytui.ui.store import Store
from studytui.ui.widgets.key_bar import KeyBar
from studytui.ui.widgets.milestone_detail import MilestoneDetailPane
from studytui.ui.widgets.next_up_section import next_up_text
from studytui.ui.widgets.text_table import TextTable
from studytui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from datetime import datetime

    from studytui.actions.database import Database
    from studytui.actions.roadmap import MilestoneDetail, RoadmapData, RoadmapView
    from studytui.actions.search import Hit
    from studytui.actions.undo import Undoable

COLUMNS = ("", "Milestone", "Est.", "Logged", "Progress")
NOTES_IDLE_SECONDS = 2.0
NEW_MARK = "✦"  # added by a content update; shown until the user leaves the Roadmap
DROPPED_MARK = "⊘"  # no longer in its template, kept because the user worked on it
STATUS_COLOURS = {"in_progress": "warning", "done": "success"}


def _hours(minutes: int) -> str:
    return format_hours(minutes) if minutes else ""


def _bind(key: str, action: str, text: str, id: str, show: bool = True, **kw: Any) -> Binding:
    return Binding(key, action, text, show=show, id=f"roadmap-{id}", **kw)


class RoadmapScreen(DataScreen["RoadmapView"]):
    TITLE = "Roadmap"
    # roadmap.tcss: below 100 columns the notes show only while they are edited; next up (on
    # the dashboard too) only on a tall terminal.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 (declared by Screen)
    VERTICAL_BREAKPOINTS = [(0, "-regular"), (50, "-tall")]  # noqa: RUF012 (declared by Screen)
    CSS_PATH = "roadmap.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        _bind("1", "set_status('todo')", "To do", "todo"),
        _bind("2", "set_status('in_progress')", "Doing", "doing"),
        _bind("3", "set_status('done')", "Done", "done"),
        _bind("4", "set_status('skipped')", "Skip", "skip"),
        _bind("u", "undo", "Undo", "undo"),
        # Not n (new milestone) nor l (the Daily log, from every screen).
        _bind("L", "log_time", "Log time", "log"),
        _bind("space", "timer", "Timer", "timer", key_display="space"),
        _bind("o", "open_resource", "Open link", "open", False),  # said by the Resources list
        _bind("n", "add_milestone", "New milestone", "new"),
        _bind("N", "add_area", "New area", "new-area", False),
        _bind("e", "edit", "Edit", "edit"),
        _bind("delete", "delete", "Delete", "delete", key_display="del"),
        _bind("shift+up", "move(True)", "Move up", "up", False, key_display="shift+↑"),
        _bind("shift+down", "move(False)", "Move down", "down", False, key_display="shift+↓"),
        _bind("percent_sign", "shares", "Target shares", "shares", False, key_display="%"),
        _bind("t", "template", "Switch starting point", "template", False),
        _bind("j", "journal", "Export journal", "journal", False),  # also `studytui journal`
        _bind("escape", "focus_table", "Back to the list", "back", key_display="esc"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.selection = Selection()
        self.pane = MilestoneDetailPane(id="milestone-detail")
        self.editor = RoadmapEditor(self, self.selection, self.pane)
        # Notes are written from workers and, on quit, from on_unmount: one write at a time.
        self._notes_lock = threading.Lock()
        self._notes_timer: Timer | None = None
        self._new_here: set[str] = set()  # new milestones marked during this visit

    def compose(self) -> ComposeResult:
        yield TitleBar()
        # The list over the whole width, so that titles fit; the detail pane below it.
        with Vertical(id="roadmap-body"):
            yield Static("…", id="roadmap-summary")
            yield TextTable(id="milestones", cursor_type="row", flex={"Milestone": 24})
            yield self.pane
            yield Static("", id="next-up")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.table
        for label in COLUMNS:
            table.add_column(label, key=label)
        self.query_one("#next-up").border_title = "Next up"
        self.pane.border_title = "Detail"
        # DataScreen.on_mount (called next by Textual) loads the data.

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#milestones", DataTable)

    # --- loading -------------------------------------------------------------------------------

    def fetch(self, db: Database, now: datetime) -> RoadmapView:
        from studytui.actions.roadmap import roadmap_view

        return roadmap_view(db, now=now, milestone_id=self.selection.milestone_id)

    def show(self, data: RoadmapView) -> None:
        self._see_new(data.roadmap)
        self.selection.view = data
        self._fill_table(data.roadmap)
        self.query_one("#roadmap-summary", Static).update(self._summary(data))
        self.query_one("#next-up", Static).update(next_up_text(data.next_up, with_pace=False))
        self._show_selected()

    def _see_new(self, roadmap: RoadmapData) -> None:
        """Milestones a content update added stay marked new while the Roadmap is on screen;
        they count as seen once shown, so the next visit shows them plain."""
        unseen = [m.id for m in roadmap.milestones if m.new and m.id not in self._new_here]
        if unseen:
            from studytui.actions.content_updates import milestones_seen

            self._new_here.update(unseen)
            self.perform(milestones_seen, unseen)

    def _summary(self, data: RoadmapView) -> Text:
        overall = data.roadmap.overall
        text = Text("Whole roadmap ", style="bold")
        text.append(f"{overall.bar()} {overall.percent}%")
        text.append(f"  ({overall.done_hours} of {overall.total_hours} h estimated done)")
        for line in data.next_up.report.lines()[1:]:  # pace, and the target when one is set
            text.append(f"\n{line}")
        if self._new_here:
            count = len(self._new_here)
            text.append(f"\n{NEW_MARK} {count} new in this version (marked until you leave)")
        dropped = sum(1 for m in data.roadmap.milestones if m.dropped)
        if dropped:
            text.append(f"\n{DROPPED_MARK} {dropped} no longer in the built-in roadmap, kept")
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
                # A mark before the title: at 80 columns the end of a long title is cut off.
                mark = NEW_MARK if m.id in self._new_here else DROPPED_MARK if m.dropped else ""
                dim = "dim" if m.status == "skipped" else ""
                title = Text.assemble((f"{mark} ", "bold"), (m.title, dim)) if mark else None
                table.add_row(
                    Text(STATUS_GLYPHS[m.status], style=style),
                    title or Text(f"  {m.title}", style=dim),
                    f"{m.estimate_hours} h",
                    _hours(m.logged_minutes),
                    Text(STATUS_NAMES[m.status], style=style),
                    key=f"m:{m.id}",
                )
        keys = [row.key.value for row in table.ordered_rows]
        selection = self.selection
        if selection.key not in keys:
            # Deleted (here or elsewhere): stay at the same place in the list.
            selection.key = keys[min(previous_row, len(keys) - 1)] if keys else None
        if selection.key is not None:
            table.move_cursor(row=keys.index(selection.key), animate=False)

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
        view, selected = self.selection.view, self.selection.key
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
        if event.cursor_row != self.table.cursor_row or event.row_key.value == self.selection.key:
            return
        self.flush_notes()
        self.selection.key = event.row_key.value
        self._show_selected()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if (event.row_key.value or "").startswith("m:"):
            # On a narrow terminal the notes take the list's place while they are edited.
            self.add_class("-editing")
            self.pane.edit_notes()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # escape is shown (and works) only away from the list.
        return action != "focus_table" or self.focused is not self.table

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if self.pane not in event.widget.ancestors_with_self:
            self.remove_class("-editing")

    @work(thread=True, exclusive=True, group="detail")
    def _load_detail(self, milestone_id: str) -> None:
        from studytui.actions.errors import StoreError
        from studytui.actions.roadmap import milestone_detail
        from studytui.ui.store import StoreNotReady

        try:
            detail = milestone_detail(self.store.db, milestone_id, now=now())
        except StoreNotReady:
            return
        except StoreError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        if detail is not None:
            self.app.call_from_thread(self._detail_loaded, detail)

    def _detail_loaded(self, detail: MilestoneDetail) -> None:
        if self.selection.key == f"m:{detail.id}":
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
        if self._new_here:  # seen: the next visit shows them plain
            self._new_here.clear()
            self.forget_shown()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self.editor.quiet_resume:
            self.editor.quiet_resume = False
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
        from studytui.actions.errors import ACTION_ERRORS
        from studytui.actions.roadmap import save_notes

        try:
            with self._notes_lock:
                save_notes(self.store.db, milestone_id, text, now=now())
        except ACTION_ERRORS as exc:
            self.app.call_from_thread(self.notify, f"notes not saved: {exc}", severity="error")
            return False
        return True

    def on_unmount(self) -> None:
        # The app is closing: a worker might not get to run, so write here and now.
        pending = self.pane.pending_notes()
        if pending is not None:
            from studytui.actions.roadmap import save_notes

            with self._notes_lock:
                save_notes(self.store.db, *pending, now=now())

    # --- keys ----------------------------------------------------------------------------------
    # Writes are the editor's (roadmap_edit.py); these only route the keys to it.

    def action_focus_table(self) -> None:
        self.table.focus()

    def action_open_resource(self) -> None:
        url = self.pane.selected_url()
        if url is None:
            self.notify("This has no links: select a milestone with resources.")
            return
        if self.app.is_web:
            # Served to a browser (`studytui serve`): that browser opens it, in a new tab.
            self.app.open_url(url)
            self.notify(f"Opening {url}")
        else:
            self._open_locally(url)

    @work(thread=True, group="open-link")
    def _open_locally(self, url: str) -> None:
        # What App.open_url does in a terminal, but keeping webbrowser's answer: False when no
        # browser could be started (no display and no console browser, say).
        import webbrowser

        opened = webbrowser.open(url)
        self.app.call_from_thread(self._link_opened, url, opened)

    def _link_opened(self, url: str, opened: bool) -> None:
        if opened:
            self.notify(f"Opening {url}")
            return
        from studytui.ui.dialogs.prompt import PromptDialog

        # In a field rather than a toast: whole on one line (a toast breaks it mid-word) and
        # selected, so that ctrl+c copies it.
        dialog = PromptDialog(
            "No browser found; the address is:", url, hint="ctrl+c copies it · escape closes"
        )
        dialog.guards_changes = False
        self.app.push_screen(dialog)

    def action_set_status(self, status: str) -> None:
        self.editor.set_status(status)

    def show_undone(self, change: Undoable) -> None:
        from studytui.actions.roadmap import Deleted, StatusChanged

        if isinstance(change, StatusChanged):
            self.selection.key = f"m:{change.milestone_id}"
        elif isinstance(change, Deleted):
            self.selection.key = f"{'a' if change.what == 'the area' else 'm'}:{change.id}"

    def reveal(self, hit: Hit) -> None:
        """The milestone a search found, selected with its detail and notes."""
        if hit.kind == "milestone":
            self.flush_notes()
            self.selection.key = f"m:{hit.id}"
            self.table.focus()
            self.reload_and_show()

    def _selected_choices(self) -> tuple[Choice[str] | None, Choice[str] | None]:
        """The selected row's area and milestone (None on an area row), as the entry form
        and the timer take them."""
        view, area_id = self.selection.view, self.selection.area_id
        if view is None or area_id is None:
            return None, None
        area = Choice(view.roadmap.area_name(area_id), area_id)
        milestone_id = self.selection.milestone_id
        milestone = next((m for m in view.roadmap.milestones if m.id == milestone_id), None)
        return area, Choice(milestone.title, milestone.id) if milestone else None

    def action_log_time(self) -> None:
        """Log time for the selected milestone (or area): the form comes with both filled in."""
        area, milestone = self._selected_choices()
        if area is None:
            self.notify("Add an area first (N).", severity="warning")
            return
        open_entry_form(self, area=area, milestone=milestone)

    def action_timer(self) -> None:
        """Start the timer for the selected milestone, or stop the one running."""
        area, milestone = self._selected_choices()
        toggle_timer(self, area=area, milestone=milestone)

    def action_add_milestone(self) -> None:
        self.editor.add_milestone()

    def action_add_area(self) -> None:
        self.editor.add_area()

    def action_edit(self) -> None:
        self.editor.edit()

    def action_delete(self) -> None:
        self.editor.delete()

    def action_move(self, up: bool) -> None:
        self.editor.move(up)

    def action_shares(self) -> None:
        self.editor.shares()

    def action_template(self) -> None:
        self.editor.template()

    def action_journal(self) -> None:
        self.editor.journal()
