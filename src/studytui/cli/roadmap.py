"""`studytui next` and `studytui journal`."""

from __future__ import annotations

import argparse
from pathlib import Path

from studytui.actions.journal import export_journal, journal
from studytui.actions.roadmap import next_up
from studytui.cli.context import open_store
from studytui.clock import now
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
    moment = now()
    found = next_up(open_store(args, moment), now=moment, limit=NEXT_LIMIT)
    if found.rows:
        print("Next up:")
        for milestone, area in found.rows:
            print(f"  {next_line(milestone, area)}")
        if found.more:
            print(f"  … and {found.more} more ready to start")
    else:
        print("Nothing to start: every milestone is done, skipped or waiting on another.")
    print()
    print("\n".join(found.report.lines()))
    return 0


def cmd_journal(args: argparse.Namespace) -> int:
    moment = now()
    db = open_store(args, moment)
    if not args.output:
        print(journal(db, since=args.since, until=args.until, now=moment), end="")
        return 0
    path = export_journal(
        db, Path(args.output).expanduser(), since=args.since, until=args.until, now=moment
    )
    print(f"Journal written to {path}")
    return 0
