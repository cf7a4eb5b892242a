"""The dashboard's "Next up" panel, and the text it shares with the Roadmap screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text

from studytui.ui.widgets.section import DashboardSection

if TYPE_CHECKING:
    import sqlite3

    from sqlmodel import Session

    from studytui.db.roadmap_view import PaceReport
    from studytui.domain.roadmap import MilestoneInfo
    from studytui.domain.settings import Settings

DASHBOARD_LIMIT = 5


@dataclass(frozen=True)
class NextUpData:
    rows: tuple[tuple[MilestoneInfo, str], ...]  # (milestone, area name)
    more: int  # how many more are ready beyond the rows shown
    report: PaceReport


def next_up_text(data: NextUpData, *, with_pace: bool = True) -> Text:
    from studytui.domain.roadmap import STATUS_GLYPHS

    text = Text()
    if not data.rows:
        text.append("Nothing to start: every milestone is done, skipped or waiting on another.\n")
    for milestone, area in data.rows:
        text.append(f"{STATUS_GLYPHS[milestone.status]} ", style="bold")
        text.append(milestone.title)
        text.append(f" · {area}\n", style="dim")
    if data.more:
        text.append(f"… and {data.more} more ready to start\n", style="dim")
    if with_pace:
        text.append("\n".join(data.report.lines()))
    text.rstrip()
    return text


def load_next_up(
    conn: sqlite3.Connection, today: date, settings: Settings, limit: int
) -> NextUpData:
    from studytui.db.roadmap_view import load_roadmap, next_up_rows, pace_report

    roadmap = load_roadmap(conn)
    rows = next_up_rows(conn, roadmap=roadmap)
    report = pace_report(conn, today=today, target_date=settings.target_date, roadmap=roadmap)
    return NextUpData(tuple(rows[:limit]), max(0, len(rows) - limit), report)


class NextUpSection(DashboardSection):
    TITLE: ClassVar[str] = "Next up"

    def fetch(self, session: Session, today: date, settings: Settings) -> NextUpData:
        from studytui.db.reads import driver_connection

        return load_next_up(driver_connection(session), today, settings, DASHBOARD_LIMIT)

    def show(self, data: NextUpData) -> None:
        self.update(next_up_text(data))
