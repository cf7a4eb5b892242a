"""The learning journal: plain records grouped by week and rendered as Markdown.

The journal is evidence for a transition plan or a performance review, so it lists what was
done in the user's own words (entry notes) next to what was finished.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from studytui.domain.days import week_start
from studytui.domain.durations import format_hours, format_minutes
from studytui.domain.text import one_line, printable


@dataclass(frozen=True)
class AreaMinutes:
    day: date
    area: str
    minutes: int


@dataclass(frozen=True)
class NoteLine:
    day: date
    area: str
    milestone: str | None
    minutes: int
    note: str


@dataclass(frozen=True)
class Event:
    """Something that happened on a day: a milestone started or finished, a certificate passed,
    a side activity done."""

    day: date
    title: str


@dataclass(frozen=True)
class JournalSource:
    first: date
    last: date
    area_minutes: tuple[AreaMinutes, ...] = ()
    notes: tuple[NoteLine, ...] = ()
    started: tuple[Event, ...] = ()
    finished: tuple[Event, ...] = ()
    certificates: tuple[Event, ...] = ()
    activities: tuple[Event, ...] = ()


@dataclass
class JournalWeek:
    start: date
    minutes_by_area: dict[str, int] = field(default_factory=dict)
    notes: list[NoteLine] = field(default_factory=list)
    started: list[Event] = field(default_factory=list)
    finished: list[Event] = field(default_factory=list)
    certificates: list[Event] = field(default_factory=list)
    activities: list[Event] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(self.minutes_by_area.values())


def group_weeks(source: JournalSource, week_starts_on: str) -> list[JournalWeek]:
    """Weeks that have anything in them, oldest first; empty weeks are left out."""
    weeks: dict[date, JournalWeek] = {}

    def week(day: date) -> JournalWeek:
        start = week_start(day, week_starts_on)
        return weeks.setdefault(start, JournalWeek(start))

    for row in source.area_minutes:
        totals = week(row.day).minutes_by_area
        totals[row.area] = totals.get(row.area, 0) + row.minutes
    for note in source.notes:
        week(note.day).notes.append(note)
    lists: Iterable[tuple[str, tuple[Event, ...]]] = (
        ("started", source.started),
        ("finished", source.finished),
        ("certificates", source.certificates),
        ("activities", source.activities),
    )
    for name, events in lists:
        for event in events:
            getattr(week(event.day), name).append(event)
    for item in weeks.values():
        for name in ("notes", "started", "finished", "certificates", "activities"):
            getattr(item, name).sort(key=lambda e: e.day)
    return [weeks[start] for start in sorted(weeks)]


def _events(title: str, events: list[Event]) -> list[str]:
    if not events:
        return []
    return ["", f"### {title}", ""] + [f"- {e.day.isoformat()}: {e.title}" for e in events]


def render_journal(source: JournalSource, week_starts_on: str = "monday") -> str:
    weeks = group_weeks(source, week_starts_on)
    total = sum(w.minutes for w in weeks)
    lines = [
        "# Learning journal",
        "",
        f"{source.first.isoformat()} to {source.last.isoformat()}: "
        f"{format_hours(total)} of study in {len(weeks)} week{'s' if len(weeks) != 1 else ''}.",
    ]
    if not weeks:
        lines += ["", "Nothing logged in this period."]
    for w in weeks:
        lines += ["", f"## Week of {w.start.isoformat()}", ""]
        lines.append(f"Studied {format_hours(w.minutes)}.")
        if w.minutes_by_area:
            lines += ["", "| Area | Hours |", "|---|---:|"]
            for area, minutes in sorted(w.minutes_by_area.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"| {area.replace('|', '/')} | {format_hours(minutes)} |")
        if w.notes:
            lines += ["", "### Notes", ""]
            for n in w.notes:
                what = n.area + (f" / {n.milestone}" if n.milestone else "")
                lines.append(
                    f"- {n.day.isoformat()}, {what}, {format_minutes(n.minutes)}: "
                    f"{one_line(n.note)}"
                )
        lines += _events("Milestones started", w.started)
        lines += _events("Milestones finished", w.finished)
        lines += _events("Certificates passed", w.certificates)
        lines += _events("Side activities done", w.activities)
    # Notes and names may hold escape sequences; the journal is read in terminals.
    return printable("\n".join(lines) + "\n")
