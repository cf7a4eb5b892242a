"""The roadmap: what the Roadmap screen shows, what to work on next with the pace, and every
change to it: statuses with undo, notes, milestones, areas, target shares and starting points.

Front ends name areas and milestones by id (the screen has them from `roadmap_view`); the
rules (titles, estimates, unique area names, shares adding up to 100) are the domain's and
are checked here, inside the write, for every caller alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from studytui.actions.context import reading, writing
from studytui.db import roadmap as store
from studytui.db.constants import TEMPLATE_SETTING
from studytui.db.engine import Database
from studytui.db.reads import settings_strings
from studytui.db.roadmap import MilestoneDetail, Resource, StatusChange
from studytui.db.roadmap_view import (
    AreaRow,
    NextUp,
    PaceReport,
    RoadmapData,
    load_roadmap,
    next_up_in,
)
from studytui.domain.roadmap import MilestoneDraft, SharesDraft

__all__ = [
    "AreaRow",
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
class TemplateSwitched:
    key: str
    name: str
    added: int  # milestones added; what was there already is kept as it is


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


def set_status(db: Database, milestone_id: str, status: str, *, now: datetime) -> StatusChange:
    """Start and done dates are the study day's; the result undoes it (`undo_status`)."""
    with writing(db, now) as tx:
        return store.set_status(tx.session, milestone_id, status, today=tx.today)


def undo_status(db: Database, change: StatusChange, *, now: datetime) -> None:
    """Put back what `change` replaced, unless the milestone was changed since."""
    with writing(db, now) as tx:
        store.undo_status(tx.session, change)


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


def delete_milestone(db: Database, milestone_id: str, *, now: datetime) -> str:
    """Delete it with its notes; the time logged for it stays in the log. Returns its title."""
    with writing(db, now) as tx:
        return store.delete_milestone(tx.session, milestone_id)


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


def delete_area(db: Database, area_id: str, *, now: datetime) -> str:
    """Refused while time is logged in it or it has a share; returns its name."""
    with writing(db, now) as tx:
        return store.delete_area(tx.session, area_id)


def move_area(db: Database, area_id: str, *, up: bool, now: datetime) -> bool:
    with writing(db, now) as tx:
        return store.move_area(tx.session, area_id, up=up)


def set_shares(db: Database, draft: SharesDraft, *, now: datetime) -> None:
    """Every area's share at once; refused unless they name every area and add up to 100."""
    with writing(db, now) as tx:
        store.set_shares(tx.session, dict(draft.shares))


# --- starting points ---------------------------------------------------------------------------


def switch_template(db: Database, key: str, *, now: datetime) -> TemplateSwitched:
    """Follow another starting point: add its areas and milestones that are missing and take
    over its target shares. Statuses, notes and logged time stay as they are."""
    from studytui.builtin_content import load_template
    from studytui.db.seed import switch_template as switch

    template = load_template(key)  # an unknown key is refused before anything is written
    with writing(db, now) as tx:
        added = switch(tx.session, template)
    return TemplateSwitched(template.key, template.name, added)
