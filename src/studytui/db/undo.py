"""Deleting so that it can be undone: the rows a delete removes (the record itself and what
goes with it: a milestone's links and prerequisites, an activity's payments...), and the links
it clears in rows that stay (log entries keep their time but lose the milestone), taken before
the delete in the same transaction; and putting them back as they were, ids included.

Putting back refuses, changing nothing, when it would clash with what happened since: the
record is back already (for good), or another now has its name, or what it belongs to was
deleted since (`UndoBlocked`: the user can clear that and undo again). It quietly leaves out the
parts whose other end is gone (a prerequisite on a milestone deleted since). A running timer
deleted with its area comes back only while no other timer runs and nothing was logged since it
started: else its time could be logged twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, SQLModel, col, func, or_, select

from studytui.db.lookup import milestone_title_taken
from studytui.db.models import (
    Area,
    Certificate,
    LogEntry,
    Milestone,
    MilestonePrerequisite,
    MilestoneResource,
    Payment,
    RunningTimer,
    SideActivity,
)
from studytui.domain.errors import UndoBlocked, ValidationError

_MODELS: dict[str, type[SQLModel]] = {
    str(model.__tablename__): model
    for model in (
        Area,
        Milestone,
        MilestoneResource,
        MilestonePrerequisite,
        Certificate,
        SideActivity,
        Payment,
        RunningTimer,
    )
}


@dataclass(frozen=True)
class Link:
    """`table.column` of the row `row_id` held `value` before the delete set it to NULL.

    The running timer's row id is always 1, so a link on it also names the timer by when it
    started and its area: it is restored on that timer only, never on one started later."""

    table: str
    row_id: str | int
    column: str
    value: str
    timer: tuple[datetime, str] | None = None  # (started_at, area_id) of the running timer


@dataclass(frozen=True)
class Removed:
    """What one delete removed: rows as (table, columns), parents first, and cleared links."""

    rows: tuple[tuple[str, Mapping[str, Any]], ...]
    links: tuple[Link, ...] = ()


def _row(model: SQLModel) -> tuple[str, Mapping[str, Any]]:
    return model.__tablename__, model.model_dump()  # type: ignore[return-value]


def _links(session: Session, column: str, value: str) -> list[Link]:
    """The entries (and the running timer) whose `column` points at `value`."""
    found = [
        Link("log_entry", entry_id, column, value)
        for entry_id in session.exec(select(LogEntry.id).where(getattr(LogEntry, column) == value))
    ]
    if column == "milestone_id":
        timer = session.get(RunningTimer, 1)
        if timer is not None and timer.milestone_id == value:
            found.append(Link("running_timer", 1, column, value, (timer.started_at, timer.area_id)))
    return found


def _utc(moment: datetime) -> datetime:
    # SQLite hands back what it stored without its zone; it is stored in UTC.
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _same_timer(timer: RunningTimer | None, started_at: datetime, area_id: str) -> bool:
    return (
        timer is not None
        and timer.area_id == area_id
        and _utc(timer.started_at) == _utc(started_at)
    )


# --- taking the snapshot (call before deleting, in the same transaction) -------------------


def milestone_rows(session: Session, milestone: Milestone) -> list[tuple[str, Mapping[str, Any]]]:
    rows = [_row(milestone)]
    rows += [
        _row(resource)
        for resource in session.exec(
            select(MilestoneResource).where(MilestoneResource.milestone_id == milestone.id)
        )
    ]
    return rows


def prerequisite_rows(
    session: Session, milestone_ids: list[str]
) -> list[tuple[str, Mapping[str, Any]]]:
    """Both ways: what these milestones require, and who requires them."""
    query = select(MilestonePrerequisite).where(
        or_(
            col(MilestonePrerequisite.milestone_id).in_(milestone_ids),
            col(MilestonePrerequisite.requires_id).in_(milestone_ids),
        )
    )
    return [_row(p) for p in session.exec(query)]


def removing_milestone(session: Session, milestone: Milestone) -> Removed:
    return Removed(
        rows=(
            *milestone_rows(session, milestone),
            *prerequisite_rows(session, [milestone.id]),
        ),
        links=tuple(_links(session, "milestone_id", milestone.id)),
    )


def removing_area(session: Session, area: Area) -> Removed:
    milestones = list(session.exec(select(Milestone).where(Milestone.area_id == area.id)))
    rows = [_row(area)]
    links: list[Link] = []
    for milestone in milestones:
        rows += milestone_rows(session, milestone)
        links += _links(session, "milestone_id", milestone.id)
    rows += prerequisite_rows(session, [m.id for m in milestones])
    timer = session.get(RunningTimer, 1)
    if timer is not None and timer.area_id == area.id:
        rows.append(_row(timer))  # the timer goes with its area
        links = [link for link in links if link.table != "running_timer"]
    return Removed(tuple(rows), tuple(links))


def removing_certificate(session: Session, certificate: Certificate) -> Removed:
    return Removed(
        rows=(_row(certificate),),
        links=tuple(_links(session, "certificate_id", certificate.id)),
    )


def removing_activity(session: Session, activity: SideActivity) -> Removed:
    payments = session.exec(select(Payment).where(Payment.activity_id == activity.id))
    return Removed(
        rows=(_row(activity), *(_row(p) for p in payments)),
        links=tuple(_links(session, "activity_id", activity.id)),
    )


def removing_payment(payment: Payment) -> Removed:
    return Removed(rows=(_row(payment),))


# --- putting it back -----------------------------------------------------------------------


def put_fields_back(
    session: Session,
    row: SQLModel,
    fields: tuple[str, ...],
    values: tuple[Any, ...],
    *,
    unless_changed_from: tuple[Any, ...],
    name: str,
) -> None:
    """Undo a change of `fields` on `row` (a status and its dates, a certificate marked passed):
    put `values` back, unless the row changed since the change left it as `unless_changed_from`."""
    if tuple(getattr(row, field) for field in fields) != tuple(unless_changed_from):
        raise ValidationError(f'"{name}" was changed since; nothing undone')
    for field, value in zip(fields, values, strict=True):
        setattr(row, field, value)
    session.add(row)


def _exists(session: Session, model: type[SQLModel], key: Any) -> bool:
    return session.get(model, key) is not None


def _check_free(session: Session, table: str, columns: Mapping[str, Any]) -> None:
    """Refuse what cannot come back as it was; nothing has been written yet."""
    model = _MODELS[table]
    if table == "running_timer":
        # Its row id is always 1: the timer is the same only if it started when it did.
        if _same_timer(session.get(RunningTimer, 1), columns["started_at"], columns["area_id"]):
            raise ValidationError("that is back already; nothing to undo")
        return
    if _exists(session, model, columns["id"]):
        raise ValidationError("that is back already; nothing to undo")
    if table == "area":
        taken = session.exec(
            select(Area.name).where(func.lower(Area.name) == columns["name"].lower())
        ).first()
        if taken is not None:
            raise UndoBlocked(
                f'there is an area called "{taken}" now', "rename or delete that area"
            )
    elif table == "milestone":
        taken = milestone_title_taken(session, columns["title"])
        if taken is not None:
            raise UndoBlocked(
                f'there is a milestone called "{taken}" now', "rename or delete that milestone"
            )
    elif table == "certificate":
        taken = session.exec(
            select(Certificate.name).where(func.lower(Certificate.name) == columns["name"].lower())
        ).first()
        if taken is not None:
            raise UndoBlocked(
                f'a certificate named "{taken}" is in your list now',
                "rename or delete that certificate",
            )


def _timer_not_restarted(session: Session, columns: Mapping[str, Any]) -> str:
    """Why a deleted running timer must not run again; "" if it may.

    Restarted with its old start, it would count again time that another timer or an entry
    logged since may already hold (a timer discarded since leaves no trace, so this is as far
    as it can tell)."""
    if _exists(session, RunningTimer, 1):
        return "another timer is running"
    started = _utc(columns["started_at"])
    later = session.exec(
        select(func.count()).select_from(LogEntry).where(col(LogEntry.created_at) >= started)
    ).one()
    if later:
        return "time was logged since it started"
    return ""


def _parent_gone(session: Session, table: str, columns: Mapping[str, Any], back: set[str]) -> str:
    """Why this row cannot come back because a record it belongs to is gone; "" if it can."""
    parents: dict[str, tuple[str, type[SQLModel], str]] = {
        "milestone": ("area_id", Area, "study area"),
        "payment": ("activity_id", SideActivity, "side activity"),
    }
    if table not in parents:
        return ""
    column, model, what = parents[table]
    parent = columns[column]
    if parent in back or _exists(session, model, parent):
        return ""
    return f"its {what} was deleted since"


def put_back(session: Session, removed: Removed) -> str:
    """Insert the removed rows again and restore the links the delete cleared. Returns what
    did not come back, for the message ("" when it all did)."""
    back: set[str] = set()
    left_out = ""
    for table, columns in removed.rows:
        if table == "milestone_prerequisite":
            continue
        _check_free(session, table, columns)
        reason = _parent_gone(session, table, columns, back)
        if reason:
            raise UndoBlocked(reason, "undo that delete first")
        back.add(str(columns.get("id")))
    for table, columns in removed.rows:
        if table == "running_timer":
            why = _timer_not_restarted(session, columns)
            if why:
                left_out = f"its timer was not restarted: {why}"
                continue
        if table == "milestone_prerequisite":
            ends = (columns["milestone_id"], columns["requires_id"])
            if all(end in back or _exists(session, Milestone, end) for end in ends):
                key = (columns["milestone_id"], columns["requires_id"])
                if not _exists(session, MilestonePrerequisite, key):
                    session.add(MilestonePrerequisite(**columns))
            continue
        session.add(_MODELS[table](**columns))
        session.flush()  # parents before their children, whatever the unit of work's order
    for link in removed.links:
        model = LogEntry if link.table == "log_entry" else RunningTimer
        if link.timer is not None and not _same_timer(session.get(RunningTimer, 1), *link.timer):
            continue  # another timer runs now: the link was the one that ran then
        column = getattr(model, link.column)
        # Only where nothing else was linked meanwhile.
        session.execute(
            update(model)
            .where(col(model.id) == link.row_id, column.is_(None))
            .values({link.column: link.value})
        )
    return left_out
