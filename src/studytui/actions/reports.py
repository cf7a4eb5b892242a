"""Reports: how much was studied over a period, grouped the way the user asks."""

from __future__ import annotations

from datetime import date, datetime

from studytui.actions.context import Tx, reading
from studytui.db import choices, reads
from studytui.db.engine import Database
from studytui.domain.days import parse_period
from studytui.domain.matching import Choice
from studytui.domain.reports import (
    BY_TIME,
    NONE_ROW,
    Report,
    ReportRow,
    parse_by,
    period_bounds,
    time_rows,
)

__all__ = ["Report", "ReportRow"]


def report(
    db: Database,
    *,
    since: str | None = None,
    until: str | None = None,
    by: str = "area",
    now: datetime,
) -> Report:
    """`studytui report`: from `since` (default: the start of this week) to `until` (default:
    today), days as typed."""
    grouping = parse_by(by)
    with reading(db, now) as tx:
        first, last = parse_period(since, until, tx.today, tx.settings.week_starts_on)
        return _report(tx, first, last, grouping)


def period_report(
    db: Database, *, period: str, back: int = 0, by: str = "area", now: datetime
) -> Report:
    """The app's Reports screen: this week, month or year, or one `back` periods before."""
    grouping = parse_by(by)
    with reading(db, now) as tx:
        first, last = period_bounds(period, back, tx.today, tx.settings.week_starts_on)
        return _report(tx, first, last, grouping)


def _report(tx: Tx, first: date, last: date, by: str) -> Report:
    if by in BY_TIME:
        daily = reads.daily_totals(tx.sql, first, last)
        rows = time_rows(daily, first, last, by, tx.settings.week_starts_on)
        return Report(first, last, by, rows)
    minutes = reads.minutes_by_link(tx.sql, by, first, last)
    candidates: list[Choice[str]] = {
        "area": choices.area_choices,
        "milestone": choices.milestone_choices,
        "certificate": choices.certificate_choices,
        "activity": choices.activity_choices,
    }[by](tx.sql)
    # Roadmap order for areas and milestones, names for the rest (as the lookups give them).
    named = [ReportRow(c.name, minutes[c.value]) for c in candidates if minutes.get(c.value)]
    unattributed = minutes.get(None, 0)
    if unattributed:
        named.append(ReportRow(NONE_ROW, unattributed))
    return Report(first, last, by, tuple(named))
