"""Side activities: what is under way, with hours and earnings, and ideas for quiet weeks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from studytui.actions.context import Tx, reading
from studytui.db import activities as store
from studytui.db.activities import ActivityRow
from studytui.db.engine import Database
from studytui.domain.activities import QUIET_DAYS, suggest_idea
from studytui.domain.content import ActivityIdea

__all__ = ["ActivitiesPanel", "ActivityRow"]


def list_activities(db: Database, *, now: datetime) -> tuple[ActivityRow, ...]:
    """Every side activity with its hours and earnings, by title."""
    with reading(db, now) as tx:
        return tuple(store.list_activities(tx.session))


@dataclass(frozen=True)
class ActivitiesPanel:
    """The dashboard's panel: active activities and, in a quiet week, one idea."""

    active: tuple[ActivityRow, ...]
    suggestion: ActivityIdea | None
    last_7_days: int
    weekly_goal: int


def activities_panel(tx: Tx) -> ActivitiesPanel:
    from studytui.builtin_content import load_activity_ideas

    minutes = store.minutes_in_last_days(tx.session, today=tx.today, days=QUIET_DAYS)
    suggestion = suggest_idea(
        load_activity_ideas(),
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
