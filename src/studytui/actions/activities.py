"""Side activities: the list grouped with hours, earnings and totals, the built-in ideas,
adding and editing, moving the status, deleting, payments, and the dashboard's panel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from studytui.actions.context import Tx, reading, writing
from studytui.actions.undo import Deleted, Undoable
from studytui.db import activities as store
from studytui.db import undo as undo_store
from studytui.db.activities import ActivityRow, ActivityState, activity_record
from studytui.db.engine import Database
from studytui.domain.activities import (
    QUIET_DAYS,
    ActivityGroup,
    ActivityInput,
    KindTotal,
    PaymentDraft,
    grand_total,
    group_activities,
    suggest_idea,
    totals_by_kind,
)
from studytui.domain.content import ActivityIdea
from studytui.domain.errors import ValidationError
from studytui.domain.export_records import ActivityRecord, PaymentRecord
from studytui.domain.money import format_money, usual_currency

__all__ = [
    "ActivitiesPanel",
    "ActivitiesView",
    "ActivityGroup",
    "ActivityIdea",
    "ActivityInput",
    "ActivityRecord",
    "ActivityRow",
    "Deleted",
    "Ideas",
    "PaymentDeleted",
    "PaymentDraft",
    "PaymentRecord",
    "Payments",
    "StatusMoved",
]


@dataclass(frozen=True)
class Ideas:
    """The built-in ideas, and those the user has added (whatever became of them)."""

    ideas: tuple[ActivityIdea, ...]
    used: frozenset[str]

    def get(self, key: str) -> ActivityIdea | None:
        return next((idea for idea in self.ideas if idea.key == key), None)


@dataclass(frozen=True)
class ActivitiesView:
    """Every activity (by title), grouped both ways, with the totals per kind."""

    today: date
    rows: tuple[ActivityRow, ...]
    by_status: tuple[ActivityGroup[ActivityRow], ...]
    by_kind: tuple[ActivityGroup[ActivityRow], ...]
    totals: tuple[KindTotal, ...]  # per kind with at least one activity
    overall: KindTotal
    ideas: Ideas


@dataclass(frozen=True)
class Payments:
    """One activity's payments, for the payments dialog."""

    activity: ActivityRecord
    payments: tuple[PaymentRecord, ...]  # oldest first
    currency: str  # the one a new payment is in when it names none: the last one used
    today: date


def _ideas() -> tuple[ActivityIdea, ...]:
    from studytui.builtin_content import load_activity_ideas

    return load_activity_ideas()


def _ideas_in(tx: Tx) -> Ideas:
    return Ideas(_ideas(), frozenset(store.used_idea_keys(tx.session)))


def activities_view(db: Database, *, now: datetime) -> ActivitiesView:
    """The Side activities screen and `studytui activities`."""
    with reading(db, now) as tx:
        rows = tuple(store.list_activities(tx.session))
        totals = totals_by_kind(rows)
        return ActivitiesView(
            today=tx.today,
            rows=rows,
            by_status=group_activities(rows, "status"),
            by_kind=group_activities(rows, "kind"),
            totals=totals,
            overall=grand_total(totals),
            ideas=_ideas_in(tx),
        )


def _check_idea(draft: ActivityInput) -> None:
    if draft.idea_key is not None and not any(i.key == draft.idea_key for i in _ideas()):
        raise ValidationError(f'there is no built-in idea "{draft.idea_key}"')


def add_activity(db: Database, draft: ActivityInput, *, now: datetime) -> ActivityRecord:
    """Add one, from a built-in idea (`draft.idea_key`) or of the user's own."""
    _check_idea(draft)
    with writing(db, now) as tx:
        return activity_record(store.add_activity(tx.session, data=draft, today=tx.today))


def update_activity(
    db: Database, activity_id: str, draft: ActivityInput, *, now: datetime
) -> ActivityRecord:
    """Replace what the form edits; the idea it came from and its creation time stay."""
    with writing(db, now) as tx:
        activity = store.update_activity(tx.session, activity_id, data=draft, today=tx.today)
        return activity_record(activity)


@dataclass(frozen=True)
class StatusMoved(Undoable):
    """An activity moved to another status; undoing it puts back its status and dates,
    unless it was changed since."""

    activity: ActivityRecord  # as it is after the move
    before: ActivityState

    @property
    def id(self) -> str:
        return self.activity.id

    @property
    def title(self) -> str:
        return self.activity.title

    @property
    def status(self) -> str:
        return self.activity.status

    @property
    def summary(self) -> str:
        return f'moved "{self.activity.title}" to {self.activity.status}'

    def put_back(self, tx: Tx) -> str:
        after = store.activity_state(self.activity)
        store.restore_state(tx.session, self.activity.id, self.before, after)
        return f"; it is {self.before[0]} again"


@dataclass(frozen=True)
class PaymentDeleted(Deleted):
    @property
    def summary(self) -> str:
        return f"deleted the payment of {self.name}"


def move_status(db: Database, activity_id: str, step: int, *, now: datetime) -> StatusMoved:
    """One status forward (1) or back (-1), stamping the start and end dates on the way."""
    with writing(db, now) as tx:
        before = store.activity_state(store.get_activity(tx.session, activity_id))
        activity = store.move_status(tx.session, activity_id, step=step, today=tx.today)
        return StatusMoved(activity_record(activity), before)


def delete_activity(db: Database, activity_id: str, *, now: datetime) -> Deleted:
    """Delete it and its payments; time logged for it stays in the log, unattributed. The
    result puts it back, payments and attribution included."""
    with writing(db, now) as tx:
        removed = undo_store.removing_activity(
            tx.session, store.get_activity(tx.session, activity_id)
        )
        record = store.delete_activity(tx.session, activity_id)
        return Deleted("the side activity", record.id, record.title, removed)


def list_payments(db: Database, activity_id: str, *, now: datetime) -> Payments:
    with reading(db, now) as tx:
        activity = activity_record(store.get_activity(tx.session, activity_id))
        payments = tuple(store.list_payments(tx.session, activity_id))
        currency = usual_currency(payments[-1].currency if payments else None)
        return Payments(activity, payments, currency, tx.today)


def add_payment(
    db: Database, activity_id: str, draft: PaymentDraft, *, now: datetime
) -> PaymentRecord:
    with writing(db, now) as tx:
        return store.add_payment(tx.session, activity_id, draft, today=tx.today)


def delete_payment(db: Database, payment_id: str, *, now: datetime) -> PaymentDeleted:
    with writing(db, now) as tx:
        payment = store.get_payment(tx.session, payment_id)
        removed = undo_store.removing_payment(payment)
        record = store.delete_payment(tx.session, payment_id)
        received = (
            f"{format_money(record.amount_cents, record.currency)} received {record.received_on}"
        )
        return PaymentDeleted("the payment", record.id, received, removed)


@dataclass(frozen=True)
class ActivitiesPanel:
    """The dashboard's panel: active activities and, in a quiet week, one idea."""

    active: tuple[ActivityRow, ...]
    suggestion: ActivityIdea | None
    last_7_days: int
    weekly_goal: int


def activities_panel(tx: Tx) -> ActivitiesPanel:
    minutes = store.minutes_in_last_days(tx.session, today=tx.today, days=QUIET_DAYS)
    suggestion = suggest_idea(
        _ideas(),
        store.used_idea_keys(tx.session),
        last_7_days_minutes=minutes,
        weekly_goal=tx.settings.weekly_goal,
        today=tx.today,
    )
    return ActivitiesPanel(
        active=tuple(store.list_activities(tx.session, statuses=["active"])),
        suggestion=suggestion,
        last_7_days=minutes,
        weekly_goal=tx.settings.weekly_goal,
    )
