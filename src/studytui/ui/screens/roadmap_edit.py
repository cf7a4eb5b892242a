"""The Roadmap screen's writes: status with undo, add/edit/delete/reorder, shares, starting
points and the journal export. Each asks its question (a dialog), then runs one action of
`actions.roadmap` through the screen's `perform`, which reports errors and reloads.

A collaborator of the screen rather than a part of it, so the screen module stays about
showing things; it knows the screen only as a `DataScreen` and reads what is selected from the
`Selection` the screen keeps current.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from studytui.clock import now, now_local
from studytui.domain.errors import ValidationError
from studytui.domain.roadmap import check_title
from studytui.ui.dialogs.area_shares import AreaSharesDialog
from studytui.ui.dialogs.confirm import ConfirmDialog
from studytui.ui.dialogs.milestone_form import MilestoneFormDialog
from studytui.ui.dialogs.prompt import PromptDialog
from studytui.ui.dialogs.template_pick import TemplatePickDialog

if TYPE_CHECKING:
    from textual.screen import Screen

    from studytui.actions.roadmap import (
        Deleted,
        Deletion,
        MilestoneDraft,
        RoadmapView,
        Saved,
        SharesDraft,
        SwitchPreview,
    )
    from studytui.ui.screens.base import DataScreen
    from studytui.ui.widgets.milestone_detail import MilestoneDetailPane

T = TypeVar("T")


def _check_area_name(text: str) -> None:
    check_title(text, "area name")


def _check_path(text: str) -> None:
    if not text.strip():
        raise ValidationError("give a file name, e.g. journal.md")


@dataclass
class Selection:
    """The row selected on the Roadmap and what the screen showed last."""

    key: str | None = None  # the row key: "m:<milestone id>" or "a:<area id>"
    view: RoadmapView | None = None

    @property
    def milestone_id(self) -> str | None:
        if self.key is None or not self.key.startswith("m:"):
            return None
        return self.key[2:]

    @property
    def area_id(self) -> str | None:
        """The area of the selected row: an area row's own, or a milestone's area."""
        if self.key is None or self.view is None:
            return None
        if self.key.startswith("a:"):
            return self.key[2:]
        milestone = next((m for m in self.view.roadmap.milestones if m.id == self.key[2:]), None)
        return milestone.area_id if milestone else None

    def area_name(self, area_id: str) -> str:
        return self.view.roadmap.area_name(area_id) if self.view else ""


class RoadmapEditor:
    def __init__(
        self, screen: DataScreen[Any], selection: Selection, pane: MilestoneDetailPane
    ) -> None:
        self.screen = screen
        self.selection = selection
        self.pane = pane
        # Set while a dialog is up whose answer leads to a write; see `ask`.
        self.quiet_resume = False

    def ask(self, dialog: Screen[T], answered: Callable[[T | None], None]) -> None:
        """Push a dialog whose answer leads to a write: the write reloads the screen, so coming
        back from the dialog must not (a reload racing the write would show stale rows)."""
        self.quiet_resume = True
        self.screen.app.push_screen(dialog, answered)

    def notify(self, message: str) -> None:
        self.screen.notify(message)

    def _selected_milestone(self) -> str | None:
        milestone_id = self.selection.milestone_id
        if milestone_id is None:
            self.screen.notify(
                "Select a milestone first (this row is an area).", severity="warning"
            )
        return milestone_id

    # --- status (`u` undoes it: DataScreen.action_undo) --------------------------------------

    def set_status(self, status: str) -> None:
        milestone_id = self._selected_milestone()
        if milestone_id is None:
            return
        from studytui.actions.roadmap import set_status

        self.screen.perform(set_status, milestone_id, status, then=self.screen.changed)

    # --- add, edit, delete, move ---------------------------------------------------------------

    def add_milestone(self) -> None:
        area_id = self.selection.area_id
        if area_id is None:
            self.screen.notify("Add an area first (N).", severity="warning")
            return
        from studytui.actions.roadmap import add_milestone

        store = self.screen.store

        def save(draft: MilestoneDraft) -> Saved:
            return add_milestone(store.db, area_id, draft, now=now())

        heading = f"New milestone in {self.selection.area_name(area_id)}"
        self.ask(MilestoneFormDialog(heading, save), self._saved_milestone)

    def _saved_milestone(self, saved: Saved | None) -> None:
        if saved is not None:
            self.selection.key = f"m:{saved.id}"
            self.screen.reload()

    def _saved_area(self, saved: Saved | None) -> None:
        if saved is not None:
            self.selection.key = f"a:{saved.id}"
            self.screen.reload()

    def add_area(self) -> None:
        from studytui.actions.roadmap import add_area

        store = self.screen.store

        def save(name: str) -> Saved:
            return add_area(store.db, name, now=now())

        dialog = PromptDialog("Name of the new study area", check=_check_area_name, save=save)
        self.ask(dialog, self._saved_area)

    def edit(self) -> None:
        key = self.selection.key
        if key is None:
            return
        if key.startswith("a:"):
            self._rename_area(key[2:])
            return
        milestone_id = key[2:]
        current = self.pane.current_fields(milestone_id)
        if current is None:
            self.notify("Still loading that milestone: try again.")
            return
        from studytui.actions.roadmap import edit_milestone

        store = self.screen.store

        def save(draft: MilestoneDraft) -> Saved:
            return edit_milestone(store.db, milestone_id, draft, now=now())

        self.ask(MilestoneFormDialog("Edit milestone", save, current), self._saved_milestone)

    def _rename_area(self, area_id: str) -> None:
        from studytui.actions.roadmap import rename_area

        store = self.screen.store

        def save(name: str) -> Saved:
            return rename_area(store.db, area_id, name, now=now())

        name = self.selection.area_name(area_id)
        dialog = PromptDialog("New name for the area", name, _check_area_name, save=save)
        self.ask(dialog, self._saved_area)

    def delete(self) -> None:
        key, view = self.selection.key, self.selection.view
        if key is None or view is None:
            return
        item_id = key[2:]
        if key.startswith("a:"):
            from studytui.actions.roadmap import check_delete_area

            # Refused (time logged, a share) before anyone is asked to confirm.
            self.screen.perform(
                check_delete_area, item_id, then=lambda found: self._confirm_area(item_id, found)
            )
            return
        milestone = next((m for m in view.roadmap.milestones if m.id == item_id), None)
        if milestone is None:  # added a moment ago: the list is still being reloaded
            return
        from studytui.actions.roadmap import check_delete_milestone, delete_milestone

        question = f'Delete the milestone "{milestone.title}" and its notes?'
        if milestone.logged_minutes:
            question += " The time logged for it stays in the log."

        def ask(found: Deletion) -> None:
            timer = " The timer running on it keeps timing its area." if found.timer else ""
            self._confirm(question + timer, delete_milestone, item_id)

        self.screen.perform(check_delete_milestone, item_id, then=ask)

    def _confirm_area(self, area_id: str, found: Deletion) -> None:
        from studytui.actions.roadmap import delete_area

        name = self.selection.area_name(area_id)
        count = found.milestones
        what = f"its {count} milestone{'s' if count != 1 else ''}" if count else "no milestones"
        question = f'Delete the area "{name}" with {what}?'
        if found.timer:
            question += " The timer running on it is discarded, its time not logged."
        self._confirm(question, delete_area, area_id)

    def _confirm(self, question: str, action: Callable[..., Deleted], item_id: str) -> None:
        def confirmed(yes: bool | None) -> None:
            if yes:
                self.screen.perform(action, item_id, then=self.screen.changed)

        self.ask(ConfirmDialog(question), confirmed)

    def move(self, up: bool) -> None:
        key = self.selection.key
        if key is None:
            return
        from studytui.actions.roadmap import move_area, move_milestone

        move = move_milestone if key.startswith("m:") else move_area
        self.screen.perform(move, key[2:], up=up)

    # --- shares, starting points, journal ------------------------------------------------------

    def shares(self) -> None:
        view = self.selection.view
        if view is None or not view.roadmap.areas:
            return
        from studytui.actions.roadmap import set_shares

        def chosen(draft: SharesDraft | None) -> None:
            if draft is not None:
                self.screen.perform(
                    set_shares, draft, then=lambda _: self.notify("Target shares saved.")
                )

        areas = [(a.id, a.name, a.share) for a in view.roadmap.areas]
        self.ask(AreaSharesDialog(areas), chosen)

    def template(self) -> None:
        from studytui.actions.roadmap import preview_switch
        from studytui.builtin_content import load_templates

        def chosen(key: str | None) -> None:
            if key is not None:
                self.screen.perform(preview_switch, key, then=self._confirm_switch)

        options = [(t.key, t.name, t.summary) for t in load_templates().values()]
        current = self.selection.view.template if self.selection.view else ""
        self.ask(TemplatePickDialog(options, current), chosen)

    def _confirm_switch(self, preview: SwitchPreview) -> None:
        from studytui.actions.roadmap import switch_template

        if not preview.milestones and not preview.areas:
            self.notify(f"Your roadmap has everything of {preview.name} already.")
            return
        count = preview.milestones
        adds = f"{count} milestone{'s' if count != 1 else ''}"
        if preview.areas:
            adds += " and the area" + ("s " if len(preview.areas) > 1 else " ")
            adds += ", ".join(preview.areas)
        if preview.takes_shares:
            shares = "Target shares become its own (you had kept the shipped ones)."
        elif preview.areas:
            shares = "Your own target shares stay; new areas start at 0%."
        else:
            shares = "Your own target shares stay."
        question = (
            f"Switch to {preview.name}? It adds {adds}. Your statuses, notes and logged "
            f"time stay as they are. {shares} Press u afterwards to undo it."
        )

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.screen.perform(switch_template, preview.key, then=self.screen.changed)

        self.ask(ConfirmDialog(question, yes="Switch", no="Cancel"), confirmed)

    def journal_default(self) -> Path:
        """In the home folder, as the export's, named for the study day: where a person looks
        for a file they just wrote, not in the hidden data folder."""
        view = self.selection.view
        today = view.today if view else now_local().date()
        return Path("~") / f"studytui-journal-{today.isoformat()}.md"

    def journal(self) -> None:
        from studytui.actions.journal import export_journal

        store = self.screen.store

        def save(text: str) -> Path:
            return export_journal(store.db, Path(text.strip()).expanduser(), now=now())

        def written(path: Path | None) -> None:
            # Nothing on the Roadmap changed, so `ask`'s quiet return is right either way.
            if path is not None:
                self.notify(f"Journal written to {path}")

        question = "Write the learning journal (Markdown) to"
        self.ask(
            PromptDialog(question, str(self.journal_default()), _check_path, save=save), written
        )
