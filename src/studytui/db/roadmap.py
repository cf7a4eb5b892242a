"""Changing the roadmap: status changes with undo, notes, and editing areas and milestones;
and one milestone's detail. Reading the whole roadmap is `db.roadmap_view`; the arithmetic
lives in `domain.roadmap`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, func, select

from studytui.db.lookup import milestone_title_taken
from studytui.db.models import Area, LogEntry, Milestone, MilestonePrerequisite, MilestoneResource
from studytui.db.undo import Removed, put_fields_back, removing_area, removing_milestone
from studytui.domain.errors import ValidationError
from studytui.domain.matching import same_name
from studytui.domain.roadmap import (
    MilestoneDraft,
    check_milestone,
    check_shares,
    check_title,
    stamp_dates,
)


@dataclass(frozen=True)
class Resource:
    title: str
    url: str


@dataclass(frozen=True)
class MilestoneDetail:
    id: str
    title: str
    area: str
    why: str
    status: str
    estimate_hours: int
    logged_minutes: int
    started_on: date | None
    done_on: date | None
    notes: str
    resources: tuple[Resource, ...]
    prerequisites: tuple[tuple[str, str], ...]  # (title, status)
    dropped: bool = False  # no longer in its template; kept because the user worked on it


@dataclass(frozen=True)
class StatusChange:
    """What a status change did, so it can be undone exactly."""

    milestone_id: str
    title: str
    before: tuple[str, date | None, date | None]  # status, started_on, done_on
    after: tuple[str, date | None, date | None]


# --- reading -----------------------------------------------------------------------------------


def milestone_detail(session: Session, milestone_id: str) -> MilestoneDetail | None:
    m = session.get(Milestone, milestone_id)
    if m is None:
        return None
    area = session.get(Area, m.area_id)
    logged = session.exec(
        select(func.coalesce(func.sum(LogEntry.minutes), 0)).where(
            LogEntry.milestone_id == milestone_id
        )
    ).one()
    resources = session.exec(
        select(MilestoneResource.title, MilestoneResource.url)
        .where(MilestoneResource.milestone_id == milestone_id)
        .order_by(col(MilestoneResource.position))
    )
    prerequisites = session.exec(
        select(Milestone.title, Milestone.status)
        .join(MilestonePrerequisite, col(MilestonePrerequisite.requires_id) == col(Milestone.id))
        .where(MilestonePrerequisite.milestone_id == milestone_id)
        .order_by(col(Milestone.position))
    )
    return MilestoneDetail(
        id=m.id,
        title=m.title,
        area=area.name if area else "?",
        why=m.why,
        status=m.status,
        estimate_hours=m.estimate_hours,
        logged_minutes=int(logged),
        started_on=m.started_on,
        done_on=m.done_on,
        notes=m.notes,
        resources=tuple(Resource(t, u) for t, u in resources),
        prerequisites=tuple((t, s) for t, s in prerequisites),
        dropped=m.dropped_in is not None,
    )


# --- status and notes --------------------------------------------------------------------------


def _milestone(session: Session, milestone_id: str) -> Milestone:
    m = session.get(Milestone, milestone_id)
    if m is None:
        raise ValidationError("that milestone no longer exists (deleted elsewhere?)")
    return m


def set_status(session: Session, milestone_id: str, status: str, *, today: date) -> StatusChange:
    m = _milestone(session, milestone_id)
    before = (m.status, m.started_on, m.done_on)
    started, done = stamp_dates(status, today, m.started_on, m.done_on)
    m.status, m.started_on, m.done_on = status, started, done
    session.add(m)
    return StatusChange(m.id, m.title, before, (status, started, done))


def undo_status(session: Session, change: StatusChange) -> None:
    m = _milestone(session, change.milestone_id)
    fields = ("status", "started_on", "done_on")
    put_fields_back(
        session, m, fields, change.before, unless_changed_from=change.after, name=m.title
    )


def save_notes(session: Session, milestone_id: str, notes: str) -> None:
    m = _milestone(session, milestone_id)
    if m.notes != notes:
        m.notes = notes
        session.add(m)


# --- editing milestones ------------------------------------------------------------------------


def add_milestone(session: Session, *, area_id: str, draft: MilestoneDraft) -> Milestone:
    if session.get(Area, area_id) is None:
        raise ValidationError("that study area no longer exists; pick another")
    checked = check_milestone(draft)
    _check_title_free(session, checked.title)
    last = session.exec(select(func.max(Milestone.position))).one()
    milestone = Milestone(
        area_id=area_id,
        title=checked.title,
        why=checked.why,
        estimate_hours=checked.estimate_hours,
        position=(last or 0) + 1,
    )
    session.add(milestone)
    return milestone


def edit_milestone(session: Session, milestone_id: str, draft: MilestoneDraft) -> Milestone:
    m = _milestone(session, milestone_id)
    checked = check_milestone(draft)
    if not same_name(checked.title, m.title):
        # Kept as it is, a title shared since before titles had to be unique stays editable.
        _check_title_free(session, checked.title, besides=milestone_id)
    m.title, m.estimate_hours, m.why = checked.title, checked.estimate_hours, checked.why
    session.add(m)
    return m


def _check_title_free(session: Session, title: str, *, besides: str | None = None) -> None:
    # Titles stay unique: `studytui log --milestone` and `start --milestone` pick by title.
    taken = milestone_title_taken(session, title, besides=besides)
    if taken is not None:
        raise ValidationError(f'there is already a milestone called "{taken}"')


def delete_milestone(session: Session, milestone_id: str) -> tuple[str, Removed]:
    """Delete a milestone; its log entries stay (they keep their area, lose the link).
    Returns its title and what puts it back (`db.undo.put_back`)."""
    m = _milestone(session, milestone_id)
    title, removed = m.title, removing_milestone(session, m)
    session.delete(m)
    return title, removed


def _swap_neighbour(
    session: Session, items: list[Milestone] | list[Area], index: int, up: bool
) -> bool:
    other = index - 1 if up else index + 1
    if not 0 <= other < len(items):
        return False
    if len({item.position for item in items}) != len(items):
        # Equal positions cannot be swapped meaningfully: number them in their shown order.
        for number, item in enumerate(items):
            item.position = number
    a, b = items[index], items[other]
    a.position, b.position = b.position, a.position
    session.add(a)
    session.add(b)
    return True


def move_milestone(session: Session, milestone_id: str, *, up: bool) -> bool:
    """Swap with the neighbour in the same area; False when already first (or last)."""
    m = _milestone(session, milestone_id)
    siblings = list(
        session.exec(
            select(Milestone)
            .where(Milestone.area_id == m.area_id)
            .order_by(col(Milestone.position), col(Milestone.title))
        )
    )
    if len({s.position for s in siblings}) != len(siblings):
        everyone = list(
            session.exec(select(Milestone).order_by(col(Milestone.position), col(Milestone.title)))
        )
        for number, item in enumerate(everyone):
            item.position = number
            session.add(item)
    index = [s.id for s in siblings].index(m.id)
    return _swap_neighbour(session, siblings, index, up)


# --- editing areas -----------------------------------------------------------------------------


def _area(session: Session, area_id: str) -> Area:
    area = session.get(Area, area_id)
    if area is None:
        raise ValidationError("that study area no longer exists (deleted elsewhere?)")
    return area


def _check_area_name(session: Session, name: str, except_id: str | None = None) -> str:
    cleaned = check_title(name, "area name")
    for other in session.exec(select(Area)):
        if other.id != except_id and other.name.casefold() == cleaned.casefold():
            raise ValidationError(f'there is already an area called "{other.name}"')
    return cleaned


def add_area(session: Session, *, name: str) -> Area:
    """A new area starts with a 0% share, so the shares still add up to 100."""
    last = session.exec(select(func.max(Area.position))).one()
    area = Area(name=_check_area_name(session, name), share=0, position=(last or 0) + 1)
    session.add(area)
    return area


def rename_area(session: Session, area_id: str, *, name: str) -> Area:
    area = _area(session, area_id)
    area.name = _check_area_name(session, name, except_id=area_id)
    session.add(area)
    return area


def area_usage(session: Session, area_id: str) -> tuple[int, int]:
    """(log entries, milestones) in an area: what deleting it would touch."""
    entries = session.exec(select(func.count()).where(LogEntry.area_id == area_id)).one()
    milestones = session.exec(select(func.count()).where(Milestone.area_id == area_id)).one()
    return int(entries), int(milestones)


def check_area_deletable(session: Session, area_id: str) -> Area:
    """The area, if it may be deleted; else the reason, before anyone is asked to confirm."""
    area = _area(session, area_id)
    entries, _ = area_usage(session, area_id)
    if entries:
        # Deleting would lose logged history, which the roadmap must never do.
        raise ValidationError(
            f'"{area.name}" has {entries} log entr{"y" if entries == 1 else "ies"}: '
            "it cannot be deleted without losing history"
        )
    if area.share:
        raise ValidationError(
            f'"{area.name}" has a {area.share}% target share: set it to 0 first (key %)'
        )
    return area


def delete_area(session: Session, area_id: str) -> tuple[str, Removed]:
    """Delete an area with its milestones; refused while it holds logged time or a share.
    Returns its name and what puts it back."""
    area = check_area_deletable(session, area_id)
    name, removed = area.name, removing_area(session, area)
    session.delete(area)
    return name, removed


def move_area(session: Session, area_id: str, *, up: bool) -> bool:
    _area(session, area_id)
    areas = list(session.exec(select(Area).order_by(col(Area.position), col(Area.name))))
    index = [a.id for a in areas].index(area_id)
    return _swap_neighbour(session, areas, index, up)


def set_shares(session: Session, shares: Mapping[str, str | int]) -> dict[str, int]:
    """Set every area's target share at once (area id -> typed text); they must add up to 100."""
    areas = {a.id: a for a in session.exec(select(Area))}
    if set(shares) != set(areas):
        raise ValidationError("the areas changed meanwhile: open the shares again")
    parsed = check_shares({areas[aid].name: value for aid, value in shares.items()})
    for area in areas.values():
        area.share = parsed[area.name]
        session.add(area)
    return parsed
