"""The roadmap: what the Roadmap screen shows, what to work on next with the pace, and every
change to it: statuses with undo, notes, milestones, areas, target shares and starting points.

Front ends name areas and milestones by id (the screen has them from `roadmap_view`); the
rules (titles, estimates, unique area names, shares adding up to 100) are the domain's and
are checked here, inside the write, for every caller alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from studytui.actions.context import Tx, reading, writing
from studytui.actions.undo import Deleted, Undoable
from studytui.db import roadmap as store
from studytui.db.constants import TEMPLATE_SETTING
from studytui.db.engine import Database
from studytui.db.reads import current_timer, settings_strings
from studytui.db.roadmap import MilestoneDetail, Resource, StatusChange
from studytui.db.roadmap_view import (
    AreaRow,
    NextUp,
    PaceReport,
    RoadmapData,
    load_roadmap,
    next_up_in,
)
from studytui.db.seed import Switch
from studytui.domain.content import Template
from studytui.domain.roadmap import STATUS_NAMES, MilestoneDraft, SharesDraft

__all__ = [
    "AreaRow",
    "Deleted",
    "Deletion",
    "MilestoneDetail",
    "MilestoneDraft",
    "NextUp",
    "PaceReport",
    "Resource",
    "RoadmapData",
    "RoadmapView",
    "Saved",
    "SharesDraft",
    "StatusChange",
    "StatusChanged",
    "SwitchPreview",
    "TemplateSwitched",
]

ROADMAP_NEXT_UP = 5  # the Roadmap's "Next up" box; `studytui next` asks for its own number


@dataclass(frozen=True)
class RoadmapView:
    """The Roadmap screen: areas and milestones, next up and pace, one milestone's detail."""

    today: date
    roadmap: RoadmapData
    next_up: NextUp
    detail: MilestoneDetail | None  # the milestone asked for, if it still exists
    template: str  # the key of the starting point followed, "" if none was recorded


@dataclass(frozen=True)
class Saved:
    """An area or a milestone as it was written (its name tidied)."""

    id: str
    name: str


@dataclass(frozen=True)
class TemplateSwitched(Undoable):
    """A switch to another starting point; undoing it removes what it added that is still
    untouched, and puts back the target shares and the starting point followed before."""

    key: str
    name: str
    switch: Switch

    @property
    def added(self) -> int:
        """Milestones added; what was there already is kept as it is."""
        return len(self.switch.added)

    @property
    def took_shares(self) -> bool:
        return self.switch.took_shares

    @property
    def summary(self) -> str:
        count = f"{self.added} milestone{'s' if self.added != 1 else ''}"
        return f"switched to {self.name} ({count} added)"

    def put_back(self, tx: Tx) -> str:
        from studytui.db.seed import undo_switch

        kept = undo_switch(tx.session, self.switch, self.key)
        extra = ""
        if kept.worked:
            extra += f"; {kept.worked} of its milestones kept: you have worked on them"
        for name, share in kept.shared:
            extra += f'; "{name}" kept with its milestones: you gave it a {share}% share'
        return extra


# --- reading -----------------------------------------------------------------------------------


def next_up(db: Database, *, now: datetime, limit: int | None = None) -> NextUp:
    with reading(db, now) as tx:
        return next_up_in(tx.sql, today=tx.today, target_date=tx.settings.target_date, limit=limit)


def roadmap_view(db: Database, *, now: datetime, milestone_id: str | None = None) -> RoadmapView:
    """Everything the Roadmap screen shows, read in one transaction; with the detail of
    `milestone_id` (the selected row) when one is given."""
    with reading(db, now) as tx:
        roadmap = load_roadmap(tx.sql)
        return RoadmapView(
            today=tx.today,
            roadmap=roadmap,
            next_up=next_up_in(
                tx.sql,
                today=tx.today,
                target_date=tx.settings.target_date,
                limit=ROADMAP_NEXT_UP,
                roadmap=roadmap,
            ),
            detail=store.milestone_detail(tx.session, milestone_id) if milestone_id else None,
            template=settings_strings(tx.sql).get(TEMPLATE_SETTING, ""),
        )


def milestone_detail(db: Database, milestone_id: str, *, now: datetime) -> MilestoneDetail | None:
    """One milestone: why, links, prerequisites, notes, hours logged; None if it was deleted."""
    with reading(db, now) as tx:
        return store.milestone_detail(tx.session, milestone_id)


# --- status and notes --------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusChanged(Undoable):
    """A milestone's status change; undoing it puts back the status and dates it replaced,
    unless the milestone was changed since."""

    change: StatusChange

    @property
    def milestone_id(self) -> str:
        return self.change.milestone_id

    @property
    def summary(self) -> str:
        return f'set "{self.change.title}" to {STATUS_NAMES[self.change.after[0]]}'

    def put_back(self, tx: Tx) -> str:
        store.undo_status(tx.session, self.change)
        # "Undone: set X to done" alone reads as if it were done now.
        return f"; it is {STATUS_NAMES[self.change.before[0]]} again"


def set_status(db: Database, milestone_id: str, status: str, *, now: datetime) -> StatusChanged:
    """Start and done dates are the study day's; the result undoes it (`actions.undo`)."""
    with writing(db, now) as tx:
        return StatusChanged(store.set_status(tx.session, milestone_id, status, today=tx.today))


def save_notes(db: Database, milestone_id: str, text: str, *, now: datetime) -> None:
    with writing(db, now) as tx:
        store.save_notes(tx.session, milestone_id, text)


# --- milestones --------------------------------------------------------------------------------


def add_milestone(db: Database, area_id: str, draft: MilestoneDraft, *, now: datetime) -> Saved:
    """At the end of the roadmap, in `area_id`."""
    with writing(db, now) as tx:
        milestone = store.add_milestone(tx.session, area_id=area_id, draft=draft)
        return Saved(milestone.id, milestone.title)


def edit_milestone(
    db: Database, milestone_id: str, draft: MilestoneDraft, *, now: datetime
) -> Saved:
    with writing(db, now) as tx:
        milestone = store.edit_milestone(tx.session, milestone_id, draft)
        return Saved(milestone.id, milestone.title)


def delete_milestone(db: Database, milestone_id: str, *, now: datetime) -> Deleted:
    """Delete it with its notes; the time logged for it stays in the log. The result puts it
    back, links and log entries' attribution included."""
    with writing(db, now) as tx:
        title, removed = store.delete_milestone(tx.session, milestone_id)
        return Deleted("the milestone", milestone_id, title, removed)


def move_milestone(db: Database, milestone_id: str, *, up: bool, now: datetime) -> bool:
    """Swap with its neighbour in the same area; False when it is already first (or last)."""
    with writing(db, now) as tx:
        return store.move_milestone(tx.session, milestone_id, up=up)


# --- areas and shares --------------------------------------------------------------------------


def add_area(db: Database, name: str, *, now: datetime) -> Saved:
    """A new area starts with a 0% share, so the shares still add up to 100."""
    with writing(db, now) as tx:
        area = store.add_area(tx.session, name=name)
        return Saved(area.id, area.name)


def rename_area(db: Database, area_id: str, name: str, *, now: datetime) -> Saved:
    with writing(db, now) as tx:
        area = store.rename_area(tx.session, area_id, name=name)
        return Saved(area.id, area.name)


@dataclass(frozen=True)
class Deletion:
    """What deleting an area or a milestone would touch, for the question before it."""

    milestones: int  # that go with an area; 0 for a milestone
    timer: bool  # the running timer is on it: an area's is discarded, a milestone's keeps going


def check_delete_area(db: Database, area_id: str, *, now: datetime) -> Deletion:
    """Refuse at once what `delete_area` would refuse, before anyone is asked to confirm;
    else what would go with it."""
    with reading(db, now) as tx:
        store.check_area_deletable(tx.session, area_id)
        timer = current_timer(tx.sql)
        milestones = store.area_usage(tx.session, area_id)[1]
        return Deletion(milestones, timer is not None and timer.area_id == area_id)


def check_delete_milestone(db: Database, milestone_id: str, *, now: datetime) -> Deletion:
    with reading(db, now) as tx:
        timer = current_timer(tx.sql)
        return Deletion(0, timer is not None and timer.milestone_id == milestone_id)


def delete_area(db: Database, area_id: str, *, now: datetime) -> Deleted:
    """Delete it with its milestones; refused while time is logged in it or it has a share.
    The result puts it back, milestones and notes included."""
    with writing(db, now) as tx:
        name, removed = store.delete_area(tx.session, area_id)
        return Deleted("the area", area_id, name, removed)


def move_area(db: Database, area_id: str, *, up: bool, now: datetime) -> bool:
    with writing(db, now) as tx:
        return store.move_area(tx.session, area_id, up=up)


def set_shares(db: Database, draft: SharesDraft, *, now: datetime) -> None:
    """Every area's share at once; refused unless they name every area and add up to 100."""
    with writing(db, now) as tx:
        store.set_shares(tx.session, dict(draft.shares))


# --- starting points ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SwitchPreview:
    """What switching to a starting point would do, for the user to confirm first."""

    key: str
    name: str
    areas: tuple[str, ...]  # names of the areas it would add
    milestones: int  # how many milestones it would add
    takes_shares: bool  # False: the user's own target shares stay


def _current_template(tx: Tx) -> Template | None:
    from studytui.builtin_content import load_templates

    return load_templates().get(settings_strings(tx.sql).get(TEMPLATE_SETTING, ""))


def preview_switch(db: Database, key: str, *, now: datetime) -> SwitchPreview:
    from studytui.builtin_content import load_template
    from studytui.db.seed import missing, takes_shares

    template = load_template(key)
    with reading(db, now) as tx:
        areas, milestones = missing(tx.session, template)
        take = takes_shares(tx.session, _current_template(tx))
        return SwitchPreview(template.key, template.name, tuple(areas), len(milestones), take)


def switch_template(db: Database, key: str, *, now: datetime) -> TemplateSwitched:
    """Follow another starting point: add its areas and milestones that are missing. The
    target shares become the new template's only if they were still those of the one followed
    so far; shares the user set are kept. Statuses, notes and logged time stay as they are."""
    from studytui.builtin_content import load_template
    from studytui.db.seed import switch_template as switch

    template = load_template(key)  # an unknown key is refused before anything is written
    with writing(db, now) as tx:
        done = switch(tx.session, template, _current_template(tx))
    return TemplateSwitched(template.key, template.name, done)
