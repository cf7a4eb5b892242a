"""The roadmap as screens and `status` read it: areas and milestones with the hours logged, the
overall progress, the pace and next-up. Plain SQL on the driver's connection (see `db.reads`),
so `studytui status` can answer without loading SQLModel. Changing the roadmap is `db.roadmap`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from studytui.domain.roadmap import (
    PACE_WINDOW_DAYS,
    MilestoneInfo,
    Pace,
    Progress,
    TargetCheck,
    check_target,
    next_up,
    pace,
    progress,
    progress_by_area,
    remaining_hours,
)


@dataclass(frozen=True)
class AreaRow:
    id: str
    name: str
    share: int
    position: int
    description: str


@dataclass(frozen=True)
class RoadmapData:
    areas: tuple[AreaRow, ...]  # in roadmap order
    milestones: tuple[MilestoneInfo, ...]  # in roadmap order
    area_minutes: Mapping[str, int] = field(default_factory=dict)  # all time logged, by area id

    @property
    def overall(self) -> Progress:
        return progress(self.milestones)

    def by_area(self) -> dict[str, Progress]:
        return progress_by_area(self.milestones)

    def area_name(self, area_id: str) -> str:
        return next((a.name for a in self.areas if a.id == area_id), "?")


@dataclass(frozen=True)
class PaceReport:
    overall: Progress
    pace: Pace
    target: TargetCheck | None

    def lines(self) -> list[str]:
        o = self.overall
        lines = [
            f"Roadmap: {o.percent}% done ({o.done_hours} of {o.total_hours} h estimated)",
            f"Pace: {self.pace.line()}",
        ]
        if self.target is not None:
            lines.append(f"Target: {self.target.line()}")
        return lines


def logged_minutes_by_milestone(conn: sqlite3.Connection) -> dict[str, int]:
    rows = conn.execute(
        "SELECT milestone_id, sum(minutes) FROM log_entry"
        " WHERE milestone_id IS NOT NULL GROUP BY milestone_id"
    )
    return {mid: int(total) for mid, total in rows}


def minutes_between(conn: sqlite3.Connection, first: date, last: date) -> int:
    (total,) = conn.execute(
        "SELECT coalesce(sum(minutes), 0) FROM log_entry WHERE day >= ? AND day <= ?",
        (first.isoformat(), last.isoformat()),
    ).fetchone()
    return int(total)


def load_roadmap(conn: sqlite3.Connection) -> RoadmapData:
    areas = tuple(
        AreaRow(*row)
        for row in conn.execute(
            "SELECT id, name, share, position, description FROM area ORDER BY position, name"
        )
    )
    logged = logged_minutes_by_milestone(conn)
    requires: dict[str, list[str]] = {}
    for mid, rid in conn.execute("SELECT milestone_id, requires_id FROM milestone_prerequisite"):
        requires.setdefault(mid, []).append(rid)
    area_order = {a.id: i for i, a in enumerate(areas)}
    rows = conn.execute(
        "SELECT id, area_id, title, status, estimate_hours, position,"
        " new_in IS NOT NULL, dropped_in IS NOT NULL FROM milestone ORDER BY position, title"
    )
    # Roadmap order: the areas in turn, each area's milestones in theirs.
    milestones = sorted(
        (
            MilestoneInfo(
                id=mid,
                area_id=area_id,
                title=title,
                status=status,
                estimate_hours=hours,
                position=position,
                logged_minutes=logged.get(mid, 0),
                requires=tuple(requires.get(mid, ())),
                new=bool(new),
                dropped=bool(dropped),
            )
            for mid, area_id, title, status, hours, position, new, dropped in rows
            if area_id in area_order
        ),
        key=lambda m: area_order[m.area_id],  # stable: position order within an area
    )
    area_minutes = conn.execute("SELECT area_id, sum(minutes) FROM log_entry GROUP BY area_id")
    return RoadmapData(areas, tuple(milestones), {aid: int(t) for aid, t in area_minutes})


def pace_report(
    conn: sqlite3.Connection,
    *,
    today: date,
    target_date: date | None,
    roadmap: RoadmapData | None = None,
) -> PaceReport:
    data = roadmap if roadmap is not None else load_roadmap(conn)
    recent = minutes_between(conn, today - timedelta(days=PACE_WINDOW_DAYS - 1), today)
    current = pace(recent, remaining_hours(data.milestones), today)
    target = check_target(current, target_date, today) if target_date is not None else None
    return PaceReport(data.overall, current, target)


@dataclass(frozen=True)
class NextUp:
    """What to work on next, with the pace: the dashboard's panel and the Roadmap's."""

    rows: tuple[tuple[MilestoneInfo, str], ...]  # (milestone, area name)
    more: int  # how many more are ready beyond the rows shown
    report: PaceReport


def next_up_in(
    conn: sqlite3.Connection,
    *,
    today: date,
    target_date: date | None,
    limit: int | None,
    roadmap: RoadmapData | None = None,
) -> NextUp:
    """`roadmap`: the one already read in this transaction, so it is not read twice."""
    if roadmap is None:
        roadmap = load_roadmap(conn)
    rows = next_up_rows(conn, roadmap=roadmap)
    report = pace_report(conn, today=today, target_date=target_date, roadmap=roadmap)
    shown = rows if limit is None else rows[:limit]
    return NextUp(tuple(shown), len(rows) - len(shown), report)


def next_up_rows(
    conn: sqlite3.Connection, *, limit: int | None = None, roadmap: RoadmapData | None = None
) -> list[tuple[MilestoneInfo, str]]:
    """Next-up milestones with their area names."""
    data = roadmap if roadmap is not None else load_roadmap(conn)
    return [(m, data.area_name(m.area_id)) for m in next_up(data.milestones, limit)]
