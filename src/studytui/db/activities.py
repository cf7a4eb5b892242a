"""Side activities and their payments: the one implementation the app and the CLI share.

Hours come from the log entries attributed to an activity and earnings from its payments, both
summed in SQL: the list costs three queries however many entries and payments there are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, timedelta

from sqlalchemy import delete, update
from sqlmodel import Session, col, func, select

from studytui.db.models import LogEntry, Payment, SideActivity
from studytui.db.undo import put_fields_back
from studytui.domain.activities import (
    ActivityInput,
    PaymentDraft,
    check_dates,
    check_payment,
    moved_status,
    parse_status,
    stamp_dates,
)
from studytui.domain.errors import ValidationError
from studytui.domain.export_records import ActivityRecord, PaymentRecord

_GONE = "that side activity no longer exists (deleted elsewhere?)"


@dataclass(frozen=True)
class ActivityRow(ActivityRecord):
    """An activity as stored, with its hours and earnings, as screens and the shell show it."""

    minutes: int = 0
    earnings: Mapping[str, int] = field(default_factory=dict)  # currency -> cents

    def as_input(self) -> ActivityInput:
        """What the edit form starts from."""
        return ActivityInput(
            kind=self.kind,
            title=self.title,
            status=self.status,
            description=self.description,
            link=self.link,
            start_date=self.start_date,
            end_date=self.end_date,
            outcome=self.outcome,
            idea_key=self.idea_key,
        )


_ACTIVITY_COLUMNS = [f.name for f in fields(ActivityRecord)]
_PAYMENT_COLUMNS = [f.name for f in fields(PaymentRecord)]


def activity_record(activity: SideActivity) -> ActivityRecord:
    return ActivityRecord(**{name: getattr(activity, name) for name in _ACTIVITY_COLUMNS})


def payment_record(payment: Payment) -> PaymentRecord:
    return PaymentRecord(**{name: getattr(payment, name) for name in _PAYMENT_COLUMNS})


def get_activity(session: Session, activity_id: str) -> SideActivity:
    activity = session.get(SideActivity, activity_id)
    if activity is None:
        raise ValidationError(_GONE)
    return activity


def add_activity(session: Session, *, data: ActivityInput, today: date) -> SideActivity:
    start, end = stamp_dates(None, data.status, data.start_date, data.end_date, today)
    check_dates(data.status, start, end, today)
    activity = SideActivity(
        idea_key=data.idea_key,
        kind=data.kind,
        title=data.title,
        description=data.description,
        status=data.status,
        link=data.link,
        start_date=start,
        end_date=end,
        outcome=data.outcome,
    )
    session.add(activity)
    session.flush()  # so the caller can use the id at once
    return activity


def update_activity(
    session: Session, activity_id: str, *, data: ActivityInput, today: date
) -> SideActivity:
    """Replace what the form edits; the idea it came from and its creation time stay."""
    activity = get_activity(session, activity_id)
    start, end = stamp_dates(activity.status, data.status, data.start_date, data.end_date, today)
    check_dates(data.status, start, end, today)
    activity.kind, activity.title, activity.status = data.kind, data.title, data.status
    activity.description, activity.link, activity.outcome = (
        data.description,
        data.link,
        data.outcome,
    )
    activity.start_date, activity.end_date = start, end
    session.add(activity)
    return activity


def set_status(session: Session, activity_id: str, *, status: str, today: date) -> SideActivity:
    activity = get_activity(session, activity_id)
    new = parse_status(status)
    start, end = stamp_dates(activity.status, new, activity.start_date, activity.end_date, today)
    check_dates(new, start, end, today)
    activity.status, activity.start_date, activity.end_date = new, start, end
    session.add(activity)
    return activity


_STATE = ("status", "start_date", "end_date")
ActivityState = tuple[str, date | None, date | None]  # the values of _STATE


def activity_state(activity: SideActivity | ActivityRecord) -> ActivityState:
    return activity.status, activity.start_date, activity.end_date


def restore_state(
    session: Session, activity_id: str, before: ActivityState, after: ActivityState
) -> None:
    """Undo a status move: put `before` back, unless the activity changed since `after`."""
    activity = get_activity(session, activity_id)
    put_fields_back(
        session, activity, _STATE, before, unless_changed_from=after, name=activity.title
    )


def move_status(session: Session, activity_id: str, *, step: int, today: date) -> SideActivity:
    """One status forward (step 1) or back (step -1), stamping dates on the way."""
    activity = get_activity(session, activity_id)
    return set_status(session, activity_id, status=moved_status(activity.status, step), today=today)


def delete_activity(session: Session, activity_id: str) -> ActivityRecord:
    """Delete an activity and its payments; its log entries stay, no longer attributed.

    Returns what it was, for the confirmation message.
    """
    activity = get_activity(session, activity_id)
    record = activity_record(activity)
    # The foreign keys would do both, but saying it here keeps the rule visible and does not
    # depend on the connection's foreign_keys pragma. Set-based, so no entry is loaded.
    session.execute(delete(Payment).where(col(Payment.activity_id) == activity_id))
    session.execute(
        update(LogEntry).where(col(LogEntry.activity_id) == activity_id).values(activity_id=None)
    )
    session.delete(activity)
    return record


def add_payment(
    session: Session, activity_id: str, draft: PaymentDraft, *, today: date
) -> PaymentRecord:
    get_activity(session, activity_id)
    check_payment(draft.money, draft.received_on, today)
    payment = Payment(
        activity_id=activity_id,
        amount_cents=draft.money.cents,
        currency=draft.money.currency,
        received_on=draft.received_on,
        note=draft.note.strip(),
    )
    session.add(payment)
    session.flush()
    return payment_record(payment)


def get_payment(session: Session, payment_id: str) -> Payment:
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise ValidationError("that payment no longer exists (deleted elsewhere?)")
    return payment


def delete_payment(session: Session, payment_id: str) -> PaymentRecord:
    payment = get_payment(session, payment_id)
    record = payment_record(payment)
    session.delete(payment)
    return record


def list_payments(session: Session, activity_id: str) -> list[PaymentRecord]:
    query = (
        select(Payment)
        .where(Payment.activity_id == activity_id)
        .order_by(col(Payment.received_on), col(Payment.id))
    )
    return [payment_record(p) for p in session.exec(query)]


def earnings_by_activity(session: Session) -> dict[str, dict[str, int]]:
    """activity id -> currency -> cents, summed in SQL."""
    query = select(Payment.activity_id, Payment.currency, func.sum(Payment.amount_cents)).group_by(
        col(Payment.activity_id), col(Payment.currency)
    )
    earnings: dict[str, dict[str, int]] = {}
    for activity_id, currency, cents in session.exec(query):
        earnings.setdefault(activity_id, {})[currency] = int(cents)
    return earnings


def list_activities(
    session: Session, *, statuses: Iterable[str] | None = None
) -> list[ActivityRow]:
    """Every activity (or those in `statuses`) with hours and earnings, by title."""
    minutes = (
        select(
            col(LogEntry.activity_id).label("activity_id"),
            func.sum(LogEntry.minutes).label("minutes"),
        )
        .where(col(LogEntry.activity_id).is_not(None))
        .group_by(col(LogEntry.activity_id))
        .subquery()
    )
    query = (
        select(SideActivity, func.coalesce(minutes.c.minutes, 0))
        .outerjoin(minutes, minutes.c.activity_id == col(SideActivity.id))
        .order_by(func.lower(SideActivity.title), col(SideActivity.created_at))
    )
    if statuses is not None:
        query = query.where(col(SideActivity.status).in_(list(statuses)))
    earnings = earnings_by_activity(session)
    return [
        ActivityRow(
            **{name: getattr(a, name) for name in _ACTIVITY_COLUMNS},
            minutes=int(total),
            earnings=earnings.get(a.id, {}),
        )
        for a, total in session.exec(query)
    ]


def used_idea_keys(session: Session) -> set[str]:
    """Built-in ideas the user has added, whatever became of them (dropped ones count too)."""
    query = select(SideActivity.idea_key).where(col(SideActivity.idea_key).is_not(None)).distinct()
    return {key for key in session.exec(query) if key}


def minutes_in_last_days(session: Session, *, today: date, days: int) -> int:
    """All study minutes logged in the `days` study days ending today."""
    query = select(func.coalesce(func.sum(LogEntry.minutes), 0)).where(
        LogEntry.day >= today - timedelta(days=days - 1), LogEntry.day <= today
    )
    return int(session.exec(query).one())
