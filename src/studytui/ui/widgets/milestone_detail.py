"""The roadmap's detail pane: why a milestone matters, its links, prerequisites and notes.

The pane never writes: it keeps the notes text and tells the screen (`NotesLeft`) when the user
leaves the editor; the screen saves. `pending_notes()` lets the screen save at any other moment
(switching milestone, leaving the screen, quitting).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from studytui.domain.durations import format_hours
from studytui.domain.roadmap import STATUS_GLYPHS, STATUS_NAMES, MilestoneDraft

if TYPE_CHECKING:
    from studytui.actions.roadmap import AreaRow, MilestoneDetail
    from studytui.domain.roadmap import Progress


class NotesArea(TextArea):
    """The notes editor; says when focus leaves it, so the text is saved right then."""

    @dataclass
    class Left(Message):
        area: NotesArea

    def on_blur(self, _event: events.Blur) -> None:
        self.post_message(self.Left(self))


class MilestoneDetailPane(Horizontal):
    """What the selected row is (scrolls when long) beside its notes; roadmap.tcss stacks the
    two, or shows the notes only while they are edited, on a narrow terminal."""

    @dataclass
    class NotesLeft(Message):
        milestone_id: str
        text: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.milestone_id: str | None = None
        self._saved_notes = ""
        self._urls: list[str] = []
        self._detail: MilestoneDetail | None = None
        # Held directly: on quit the editor is unmounted (and unqueryable) before the screen
        # gets to save what it holds.
        self._notes = NotesArea("", id="notes", tab_behavior="focus", soft_wrap=True)

    def compose(self) -> ComposeResult:
        # Not focusable itself: tab goes from the list to the links and the notes.
        with VerticalScroll(id="detail-info", can_focus=False):
            yield Static("", id="detail-head")
            yield Static("", id="detail-why")
            yield Static("", id="detail-prereqs")
            # `o` is said here rather than in the crowded key bar.
            yield Label("Resources · o opens one", classes="detail-label", id="resources-label")
            yield OptionList(id="resources")
        with Vertical(id="detail-notes"):
            yield Label("Notes: what you learned, links to your work", classes="detail-label")
            yield self._notes

    @property
    def notes(self) -> NotesArea:
        return self._notes

    def pending_notes(self) -> tuple[str, str] | None:
        """(milestone id, text) when the editor holds text not saved yet."""
        if self.milestone_id is None or self.notes.text == self._saved_notes:
            return None
        return self.milestone_id, self.notes.text

    def mark_saved(self, milestone_id: str, text: str) -> None:
        if milestone_id == self.milestone_id:
            self._saved_notes = text

    def current_fields(self, milestone_id: str) -> MilestoneDraft | None:
        """The milestone shown as its form starts, if it is `milestone_id`."""
        d = self._detail
        if d is None or d.id != milestone_id or self.milestone_id != milestone_id:
            return None
        return MilestoneDraft(d.title, d.estimate_hours, d.why)

    def selected_url(self) -> str | None:
        if not self._urls:
            return None
        index = self.query_one("#resources", OptionList).highlighted
        return self._urls[index if index is not None else 0]

    def on_notes_area_left(self, event: NotesArea.Left) -> None:
        event.stop()
        pending = self.pending_notes()
        if pending is not None:
            self.post_message(self.NotesLeft(*pending))

    def show_milestone(self, detail: MilestoneDetail) -> None:
        same = detail.id == self.milestone_id
        self._detail = detail
        head = Text()
        head.append(detail.title, style="bold")
        head.append(f"\n{STATUS_GLYPHS[detail.status]} {STATUS_NAMES[detail.status]}")
        head.append(f" · {detail.area} · {detail.estimate_hours} h estimated")
        head.append(f" · {format_hours(detail.logged_minutes)} logged")
        if detail.started_on:
            head.append(f"\nstarted {detail.started_on.isoformat()}")
        if detail.done_on:
            head.append(f" · done {detail.done_on.isoformat()}")
        if detail.dropped:
            head.append(
                "\nNo longer in the built-in roadmap; kept because you worked on it.",
                style="italic",
            )
        self.query_one("#detail-head", Static).update(head)
        self.query_one("#detail-why", Static).update(Text(detail.why or "(no why written)"))
        needed = [f"{STATUS_GLYPHS[status]} {title}" for title, status in detail.prerequisites]
        prereqs = "Needs first: " + "; ".join(needed) if needed else "No prerequisites."
        self.query_one("#detail-prereqs", Static).update(Text(prereqs))
        self._show_resources([(r.title, r.url) for r in detail.resources], keep=same)
        notes = self.notes
        notes.disabled = False
        if not same:
            self.milestone_id = detail.id
            self._saved_notes = detail.notes
            self._load_notes(detail.notes)
        elif notes.text == self._saved_notes and detail.notes != self._saved_notes:
            # Changed elsewhere (another window) and not being edited here: show the new text.
            self._saved_notes = detail.notes
            self._load_notes(detail.notes)

    def edit_notes(self) -> None:
        """Focus the notes with the cursor after what is there, so new text is added to the
        end of the notes rather than put in front of them."""
        self.notes.focus()
        self._cursor_to_end()

    def _load_notes(self, text: str) -> None:
        self.notes.load_text(text)  # puts the cursor at the start
        if self.notes.has_focus:  # the notes were opened before they had loaded
            self._cursor_to_end()

    def _cursor_to_end(self) -> None:
        self.notes.move_cursor(self.notes.document.end)

    def show_area(self, area: AreaRow, progress: Progress, minutes: int, milestones: int) -> None:
        self.milestone_id = None
        self._saved_notes = ""
        head = Text(area.name, style="bold")
        head.append(
            f"\n{milestones} milestones · {progress.percent}% done "
            f"({progress.done_hours} of {progress.total_hours} h) · target share {area.share}%"
            f" · {format_hours(minutes)} logged"
        )
        self.query_one("#detail-head", Static).update(head)
        self.query_one("#detail-why", Static).update(Text(area.description))
        self.query_one("#detail-prereqs", Static).update("")
        self._show_resources([], keep=False)
        self.notes.load_text("")
        self.notes.disabled = True

    def _show_resources(self, resources: list[tuple[str, str]], *, keep: bool) -> None:
        options = self.query_one("#resources", OptionList)
        highlighted = options.highlighted if keep else None
        self._urls = [url for _, url in resources]
        options.clear_options()
        options.add_options([Option(Text(f"{title}\n{url}")) for title, url in resources])
        options.display = bool(resources)
        self.query_one("#resources-label").display = bool(resources)
        if resources:
            options.highlighted = min(highlighted or 0, len(resources) - 1)
