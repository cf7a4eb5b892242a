"""The Roadmap screen's writes: status with undo, add/edit/delete/reorder, shares, templates,
and the journal export. A mixin so the screen module stays about showing things."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work

from studytui.domain.errors import ValidationError
from studytui.domain.roadmap import STATUS_NAMES, check_title
from studytui.ui.dialogs.area_shares import AreaSharesDialog
from studytui.ui.dialogs.confirm import ConfirmDialog
from studytui.ui.dialogs.milestone_form import MilestoneFields, MilestoneFormDialog
from studytui.ui.dialogs.prompt import PromptDialog
from studytui.ui.dialogs.template_pick import TemplatePickDialog

if TYPE_CHECKING:
    from sqlmodel import Session

    from studytui.db.engine import Database
    from studytui.db.roadmap import StatusChange
    from studytui.ui.screens.roadmap import RoadmapScreen

    _Base = RoadmapScreen
else:
    _Base = object


def _write(fn: Any) -> Any:
    """Wrap `fn(session)` into a `write(db)` for run_write: one transaction per write."""

    def write(db: Database) -> Any:
        from studytui.db.engine import writing

        with writing(db) as session:
            return fn(session)

    return write


def _today(session: Session) -> Any:
    from studytui.db.settings_store import load_settings
    from studytui.ui.store import Store

    return Store.today(load_settings(session))


def _check_path(text: str) -> None:
    if not text.strip():
        raise ValidationError("give a file name, e.g. journal.md")


class RoadmapEditing(_Base):
    def ask(self, dialog: Any, callback: Any) -> None:
        """Push a dialog whose answer leads to a write: the write reloads the screen, so coming
        back from the dialog must not (a reload racing the write would show stale rows)."""
        self._quiet_resume = True
        self.app.push_screen(dialog, callback)

    # --- status and undo -----------------------------------------------------------------------

    def action_set_status(self, status: str) -> None:
        milestone_id = self.selected_milestone()
        if milestone_id is None:
            return
        from studytui.db.roadmap import set_status

        self.run_write(
            _write(lambda s: set_status(s, milestone_id, status, today=_today(s))),
            then=self._status_changed,
        )

    def _status_changed(self, change: StatusChange) -> None:
        self._undo.append(change)
        self.notify(f"{change.title}: {STATUS_NAMES[change.after[0]]} (u to undo)")

    def action_undo(self) -> None:
        if not self._undo:
            self.notify("Nothing to undo.")
            return
        from studytui.db.roadmap import undo_status

        change = self._undo.pop()
        self.select(f"m:{change.milestone_id}")
        self.run_write(
            _write(lambda s: undo_status(s, change)),
            then=lambda _: self.notify(f"{change.title}: back to {STATUS_NAMES[change.before[0]]}"),
        )

    # --- add, edit, delete ---------------------------------------------------------------------

    def action_add_milestone(self) -> None:
        area_id = self.selected_area()
        if area_id is None:
            self.notify("Add an area first (N).", severity="warning")
            return
        from studytui.db.roadmap import add_milestone

        def added(fields: MilestoneFields | None) -> None:
            if fields is None:
                return
            self.run_write(
                _write(
                    lambda s: add_milestone(
                        s,
                        area_id=area_id,
                        title=fields.title,
                        estimate_hours=fields.estimate_hours,
                        why=fields.why,
                    )
                ),
                then=lambda m: self.select(f"m:{m.id}"),
            )

        name = self._view.roadmap.area_name(area_id) if self._view else ""
        self.ask(MilestoneFormDialog(f"New milestone in {name}"), added)

    def action_add_area(self) -> None:
        from studytui.db.roadmap import add_area

        def added(name: str | None) -> None:
            if name is not None:
                self.run_write(
                    _write(lambda s: add_area(s, name=name)),
                    then=lambda a: self.select(f"a:{a.id}"),
                )

        check = lambda text: check_title(text, "area name")  # noqa: E731
        self.ask(PromptDialog("Name of the new study area", check=check), added)

    def action_edit(self) -> None:
        if self._selected is None:
            return
        if self._selected.startswith("a:"):
            self._rename_area(self._selected[2:])
            return
        milestone_id = self._selected[2:]
        current = self.pane.current_fields(milestone_id)
        if current is None:
            self.notify("Still loading that milestone: try again.")
            return
        from studytui.db.roadmap import edit_milestone

        def edited(fields: MilestoneFields | None) -> None:
            if fields is not None:
                self.run_write(
                    _write(
                        lambda s: edit_milestone(
                            s,
                            milestone_id,
                            title=fields.title,
                            estimate_hours=fields.estimate_hours,
                            why=fields.why,
                        )
                    )
                )

        initial = MilestoneFields(*current)
        self.ask(MilestoneFormDialog("Edit milestone", initial), edited)

    def _rename_area(self, area_id: str) -> None:
        from studytui.db.roadmap import rename_area

        def renamed(name: str | None) -> None:
            if name is not None:
                self.run_write(_write(lambda s: rename_area(s, area_id, name=name)))

        name = self._view.roadmap.area_name(area_id) if self._view else ""
        check = lambda text: check_title(text, "area name")  # noqa: E731
        self.ask(PromptDialog("New name for the area", name, check), renamed)

    def action_delete(self) -> None:
        if self._selected is None or self._view is None:
            return
        kind, item_id = self._selected[0], self._selected[2:]
        from studytui.db.roadmap import delete_area, delete_milestone

        if kind == "m":
            milestone = next(m for m in self._view.roadmap.milestones if m.id == item_id)
            question = f'Delete the milestone "{milestone.title}" and its notes?'
            if milestone.logged_minutes:
                question += " The time logged for it stays in the log."
            write = _write(lambda s: delete_milestone(s, item_id))
        else:
            count = sum(1 for m in self._view.roadmap.milestones if m.area_id == item_id)
            name = self._view.roadmap.area_name(item_id)
            question = f'Delete the area "{name}" and its {count} milestones?'
            write = _write(lambda s: delete_area(s, item_id))

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.run_write(write, then=lambda title: self.notify(f"Deleted {title}."))

        self.ask(ConfirmDialog(question), confirmed)

    def action_move(self, up: bool) -> None:
        if self._selected is None:
            return
        from studytui.db.roadmap import move_area, move_milestone

        kind, item_id = self._selected[0], self._selected[2:]
        move = move_milestone if kind == "m" else move_area
        self.run_write(_write(lambda s: move(s, item_id, up=up)))

    # --- shares, templates, journal ------------------------------------------------------------

    def action_shares(self) -> None:
        if self._view is None or not self._view.roadmap.areas:
            return
        from studytui.db.roadmap import set_shares

        def chosen(shares: dict[str, str] | None) -> None:
            if shares is not None:
                self.run_write(
                    _write(lambda s: set_shares(s, shares)),
                    then=lambda _: self.notify("Target shares saved."),
                )

        areas = [(a.id, a.name, a.share) for a in self._view.roadmap.areas]
        self.ask(AreaSharesDialog(areas), chosen)

    def action_template(self) -> None:
        from studytui.content import load_template, load_templates
        from studytui.db.seed import switch_template

        templates = load_templates()

        def chosen(key: str | None) -> None:
            if key is None:
                return
            template = load_template(key)
            self.run_write(
                _write(lambda s: switch_template(s, template)),
                then=lambda added: self.notify(
                    f"Now following {template.name}: {added} milestones added, "
                    "your history and notes kept."
                ),
            )

        options = [(t.key, t.name, t.summary) for t in templates.values()]
        current = self._view.template if self._view else ""
        self.ask(TemplatePickDialog(options, current), chosen)

    def action_journal(self) -> None:
        def chosen(text: str | None) -> None:
            if text is not None:
                self._write_journal(Path(text.strip()).expanduser())

        question = "Write the learning journal (Markdown) to"
        default = str(self.journal_default())
        self.ask(PromptDialog(question, default, _check_path), chosen)

    @work(thread=True, group="journal")
    def _write_journal(self, path: Path) -> None:
        from studytui.db.engine import reading
        from studytui.db.errors import StoreError
        from studytui.db.files import write_output
        from studytui.db.journal import journal_markdown
        from studytui.db.settings_store import load_settings

        try:
            db = self.study_app.store.db
            with reading(db) as session:
                settings = load_settings(session)
                text = journal_markdown(
                    session,
                    since=None,
                    until=self.study_app.store.today(settings),
                    week_starts_on=settings.week_starts_on,
                )
            write_output(path, text, database=db.location)
        except (ValidationError, StoreError) as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self.notify, f"Journal written to {path}")
