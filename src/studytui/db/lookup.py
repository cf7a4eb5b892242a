"""Finding areas and milestones by what a user typed (`--area mach` finds "Machine learning")."""

from __future__ import annotations

from sqlmodel import Session, col, select

from studytui.db.models import Area, Certificate, LogEntry, Milestone, SideActivity
from studytui.domain.matching import match_one


def list_areas(session: Session) -> list[Area]:
    return list(session.exec(select(Area).order_by(col(Area.position), col(Area.name))))


def list_milestones(session: Session) -> list[Milestone]:
    return list(session.exec(select(Milestone).order_by(col(Milestone.position))))


def find_area(session: Session, query: str) -> Area:
    """By name or unique prefix; a built-in area's short key (`ml`, `mlops`, `maths`) also
    works, and wins, so `--area ml` is Machine learning, not "MLOps & cloud"."""
    areas = list_areas(session)
    wanted = query.strip().casefold()
    by_key = [a for a in areas if a.key and a.key.casefold() == wanted]
    if len(by_key) == 1:
        return by_key[0]
    return match_one(query, ((a.name, a) for a in areas), "study area")


def find_milestone(session: Session, query: str) -> Milestone:
    return match_one(query, ((m.title, m) for m in list_milestones(session)), "milestone")


def find_certificate(session: Session, query: str) -> Certificate:
    certificates = session.exec(select(Certificate).order_by(col(Certificate.name)))
    return match_one(query, ((c.name, c) for c in certificates), "certificate")


def find_activity(session: Session, query: str) -> SideActivity:
    activities = session.exec(select(SideActivity).order_by(col(SideActivity.title)))
    return match_one(query, ((a.title, a) for a in activities), "side activity")


def last_used_area(session: Session) -> Area | None:
    """The area of the most recently created entry: `studytui log 30m` repeats it."""
    query = (
        select(Area)
        .join(LogEntry, col(LogEntry.area_id) == col(Area.id))
        .order_by(col(LogEntry.created_at).desc())
        .limit(1)
    )
    return session.exec(query).first()
