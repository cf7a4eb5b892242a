"""Finding the record a user named (`--area mach` finds "Machine learning"): the candidates
come from `db.choices`, the rule from `domain.matching`."""

from __future__ import annotations

from typing import TypeVar

from sqlmodel import Session, col, select

from studytui.db import choices
from studytui.db.models import Area, Certificate, Milestone, SideActivity
from studytui.db.reads import sql_connection
from studytui.domain.errors import ValidationError
from studytui.domain.matching import Choice, match_one, name_taken


def list_areas(session: Session) -> list[Area]:
    return list(session.exec(select(Area).order_by(col(Area.position), col(Area.name))))


M = TypeVar("M", Area, Milestone, Certificate, SideActivity)


def _found(session: Session, model: type[M], choice: Choice[str], what: str) -> M:
    row = session.get(model, choice.value)
    if row is None:  # only if deleted between the two queries of this transaction
        raise ValidationError(f"that {what} no longer exists; pick another")
    return row


def find_area(session: Session, query: str) -> Area:
    choice = match_one(query, choices.area_choices(sql_connection(session)), "study area")
    return _found(session, Area, choice, "study area")


def find_milestone(session: Session, query: str) -> Milestone:
    choice = match_one(query, choices.milestone_choices(sql_connection(session)), "milestone")
    return _found(session, Milestone, choice, "milestone")


def find_certificate(session: Session, query: str) -> Certificate:
    choice = match_one(query, choices.certificate_choices(sql_connection(session)), "certificate")
    return _found(session, Certificate, choice, "certificate")


def find_activity(session: Session, query: str) -> SideActivity:
    choice = match_one(query, choices.activity_choices(sql_connection(session)), "side activity")
    return _found(session, SideActivity, choice, "side activity")


def milestone_title_taken(
    session: Session, title: str, *, besides: str | None = None
) -> str | None:
    """The title of another milestone (not `besides`) that `title` could not be told apart
    from by `--milestone`, or None. Titles must stay unique so that each can be picked."""
    return name_taken(title, choices.milestone_choices(sql_connection(session)), besides=besides)
