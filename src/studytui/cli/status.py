"""`studytui status [--json]`: today, this week, goals and streaks."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from studytui.actions.dashboard import Snapshot, StatusReport, quick_status, status_report
from studytui.cli.context import daily_backup, db_location, open_store
from studytui.clock import now
from studytui.domain.certificates import Reminder, reminder_text
from studytui.domain.durations import format_minutes

if TYPE_CHECKING:
    from studytui.actions.roadmap import PaceReport


def status_data(
    snapshot: Snapshot, *, reminders: Sequence[Reminder] = (), pace: PaceReport | None = None
) -> dict[str, Any]:
    """The JSON object of `status --json`; its keys are a public interface."""
    s = snapshot.settings
    data: dict[str, Any] = {
        "date": snapshot.today.isoformat(),
        "today_minutes": snapshot.today_minutes,
        "daily_goal_minutes": s.daily_goal,
        "week_start": snapshot.week_start.isoformat(),
        "week_minutes": snapshot.week_minutes,
        "weekly_goal_minutes": s.weekly_goal,
        "current_streak_days": snapshot.streak.current,
        "longest_streak_days": snapshot.streak.longest,
        "freezes_held": snapshot.streak.freezes_held,
        "logged_today": snapshot.logged_today,
        "timer": None,
        # Exams within 30 days, certificates expiring within 90, retired exams of certificates
        # still to be passed (kind "retired", with a "successor"); soonest first.
        "reminders": [_reminder_data(r) for r in reminders],
    }
    # Roadmap pace: null when nothing is logged lately (or nothing is left) / no target date.
    finish = pace.pace.finish if pace is not None else None
    needed = pace.target.hours_per_week_needed if pace and pace.target else None
    data["projected_finish"] = finish.isoformat() if finish else None
    data["hours_per_week_needed"] = round(needed, 1) if needed is not None else None
    if snapshot.timer is not None:
        data["timer"] = {
            "area": snapshot.timer.area,
            "milestone": snapshot.timer.milestone,
            "started_at": snapshot.timer.started_at.isoformat(),
        }
    return data


def _reminder_data(reminder: Reminder) -> dict[str, str]:
    data = {
        "certificate": reminder.certificate,
        "kind": reminder.kind,
        "date": reminder.date.isoformat(),
    }
    if reminder.kind == "retired":
        data["successor"] = reminder.successor
    return data


def status_lines(
    snapshot: Snapshot, *, reminders: Sequence[Reminder] = (), pace: PaceReport | None = None
) -> list[str]:
    s = snapshot.settings
    streak = snapshot.streak
    lines = [
        f"Today ({snapshot.today.isoformat()}): {format_minutes(snapshot.today_minutes)}"
        + (f" of {format_minutes(s.daily_goal)}" if s.daily_goal else ""),
        f"This week (from {snapshot.week_start.isoformat()}): "
        f"{format_minutes(snapshot.week_minutes)}"
        + (f" of {format_minutes(s.weekly_goal)}" if s.weekly_goal else ""),
        f"Streak: {_days(streak.current)} (longest {streak.longest}), "
        f"{streak.freezes_held} freeze{'s' if streak.freezes_held != 1 else ''} held",
    ]
    if not snapshot.logged_today and streak.current > 0:
        lines.append(f"Log today to keep your {streak.current}-day streak.")
    if snapshot.timer is not None:
        local = snapshot.timer.started_at.astimezone().strftime("%H:%M")
        lines.append(f"Timer running for {snapshot.timer.area} since {local}.")
    lines.extend(f"Reminder: {reminder_text(r, snapshot.today)}" for r in reminders)
    if pace is not None:
        lines.extend(pace.lines())
    return lines


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def cmd_status(args: argparse.Namespace) -> int:
    report = _report(args)
    if args.json:
        data = status_data(report.snapshot, reminders=report.reminders, pace=report.next_up.report)
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        lines = status_lines(
            report.snapshot, reminders=report.reminders, pace=report.next_up.report
        )
        print("\n".join(lines))
    return 0


def _report(args: argparse.Namespace) -> StatusReport:
    """Most days straight from the file, without loading SQLModel (see `actions.dashboard`);
    a new, older or damaged file is opened properly (created, upgraded or explained)."""
    moment = now()
    path = db_location(args)
    report = quick_status(path, now=moment)
    if report is not None:
        daily_backup(path, moment)
        return report
    return status_report(open_store(args, moment), now=moment)
