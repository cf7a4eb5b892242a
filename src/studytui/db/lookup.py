"""What a user can pick by name, and finding the one they typed (`--area mach` finds "Machine
learning"). The candidates come from here, the rule from `domain.matching`, for the entry
form's suggestions and every shell command alike."""

from __future__ import annotations

from typing import TypeVar

from sqlmodel import Session, col, select

from studytui.db.models import Area, Certificate, LogEntry, Milestone, SideActivity
from studytui.domain.errors import ValidationError
from studytui.domain.matching import Choice, match_one


def area_choices(session: Session) -> list[Choice[str]]:
    """Areas in roadmap order, each with its id and built-in short key."""
    rows = session.exec(
        select(Area.name, Area.id, Area.key).order_by(col(Area.position), col(Area.name))
    )
    return [Choice(name, id_, key) for name, id_, key in rows]


def milestone_choices(session: Session) -> list[Choice[str]]:
    rows = session.exec(
        select(Milestone.title, Milestone.id).order_by(
            col(Milestone.position), col(Milestone.title)
        )
    )
    return [Choice(title, id_) for title, id_ in rows]


def certificate_choices(session: Session) -> list[Choice[str]]:
    rows = session.exec(select(Certificate.name, Certificate.id).order_by(col(Certificate.name)))
    return [Choice(name, id_) for name, id_ in rows]


def activity_choices(session: Session) -> list[Choice[str]]:
    rows = session.exec(
        select(SideActivity.title, SideActivity.id).order_by(col(SideActivity.title))
    )
    return [Choice(title, id_) for title, id_ in rows]


def list_areas(session: Session) -> list[Area]:
    return list(session.exec(select(Area).order_by(col(Area.position), col(Area.name))))


M = TypeVar("M", Area, Milestone, Certificate, SideActivity)


def _found(session: Session, model: type[M], choice: Choice[str], what: str) -> M:
    row = session.get(model, choice.value)
    if row is None:  # only if deleted between the two queries of this transaction
        raise ValidationError(f"that {what} no longer exists; pick another")
    return row


def find_area(session: Session, query: str) -> Area:
    choice = match_one(query, area_choices(session), "study area")
    return _found(session, Area, choice, "study area")


def find_milestone(session: Session, query: str) -> Milestone:
    choice = match_one(query, milestone_choices(session), "milestone")
    return _found(session, Milestone, choice, "milestone")


def find_certificate(session: Session, query: str) -> Certificate:
    choice = match_one(query, certificate_choices(session), "certificate")
    return _found(session, Certificate, choice, "certificate")


def find_activity(session: Session, query: str) -> SideActivity:
    choice = match_one(query, activity_choices(session), "side activity")
    return _found(session, SideActivity, choice, "side activity")


def last_used_area(session: Session) -> Area | None:
    """The area of the most recently created entry: `studytui log 30m` repeats it."""
    query = (
        select(Area)
        .join(LogEntry, col(LogEntry.area_id) == col(Area.id))
        .order_by(col(LogEntry.created_at).desc())
        .limit(1)
    )
    return session.exec(query).first()
