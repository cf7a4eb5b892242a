"""`studytui next` and `studytui journal`."""

from __future__ import annotations

import argparse
from pathlib import Path

from studytui.cli.context import open_store, today_for
from studytui.db.engine import reading
from studytui.db.files import write_output
from studytui.db.journal import journal_markdown
from studytui.db.reads import driver_connection
from studytui.db.roadmap_view import load_roadmap, next_up_rows, pace_report
from studytui.db.settings_store import load_settings
from studytui.domain.days import parse_day
from studytui.domain.durations import format_hours
from studytui.domain.roadmap import STATUS_GLYPHS, MilestoneInfo

NEXT_LIMIT = 8


def next_line(milestone: MilestoneInfo, area: str) -> str:
    logged = (
        f", {format_hours(milestone.logged_minutes)} logged" if milestone.logged_minutes else ""
    )
    return (
        f"{STATUS_GLYPHS[milestone.status]} {milestone.title} "
        f"({area}; {milestone.estimate_hours} h estimated{logged})"
    )


def cmd_next(args: argparse.Namespace) -> int:
    db = open_store(args)
    with reading(db) as session:
        settings = load_settings(session)
        today = today_for(settings)
        conn = driver_connection(session)
        roadmap = load_roadmap(conn)
        rows = next_up_rows(conn, roadmap=roadmap)
        report = pace_report(conn, today=today, target_date=settings.target_date, roadmap=roadmap)
    if rows:
        print("Next up:")
        for milestone, area in rows[:NEXT_LIMIT]:
            print(f"  {next_line(milestone, area)}")
        if len(rows) > NEXT_LIMIT:
            print(f"  … and {len(rows) - NEXT_LIMIT} more ready to start")
    else:
        print("Nothing to start: every milestone is done, skipped or waiting on another.")
    print()
    print("\n".join(report.lines()))
    return 0


def cmd_journal(args: argparse.Namespace) -> int:
    db = open_store(args)
    with reading(db) as session:
        settings = load_settings(session)
        today = today_for(settings)
        until = parse_day(args.until, today) if args.until else today
        since = parse_day(args.since, today) if args.since else None
        text = journal_markdown(
            session, since=since, until=until, week_starts_on=settings.week_starts_on
        )
    if not args.output:
        print(text, end="")
        return 0
    path = Path(args.output).expanduser()
    write_output(path, text, database=db.location)
    print(f"Journal written to {path}")
    return 0
