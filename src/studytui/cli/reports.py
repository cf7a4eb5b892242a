"""`studytui report`: study time over a period, grouped, with a bar per row."""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys

from studytui.actions.reports import Report, report
from studytui.cli.context import open_store
from studytui.clock import now
from studytui.domain.durations import format_minutes
from studytui.domain.reports import bar
from studytui.domain.text import spreadsheet_cell

NAME_WIDTH = 40
BAR_WIDTH = 40


def cmd_report(args: argparse.Namespace) -> int:
    moment = now()
    found = report(
        open_store(args, moment), since=args.since, until=args.until, by=args.by, now=moment
    )
    if args.json:
        print(json.dumps(report_data(found), indent=2, ensure_ascii=False))
    elif args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(("name", "minutes"))
        # Names are the user's: a spreadsheet must not run one as a formula.
        writer.writerows((spreadsheet_cell(row.name), row.minutes) for row in found.rows)
    else:
        print("\n".join(report_lines(found, shutil.get_terminal_size().columns)))
    return 0


def report_data(found: Report) -> dict[str, object]:
    """The JSON object of `report --json`; its keys are a public interface."""
    return {
        "from": found.first.isoformat(),
        "to": found.last.isoformat(),
        "by": found.by,
        "rows": [{"name": row.name, "minutes": row.minutes} for row in found.rows],
        "total_minutes": found.total_minutes,
    }


def report_lines(found: Report, columns: int) -> list[str]:
    heading = f"Study time by {found.by}, {found.first} to {found.last}"
    if not found.rows or not found.total_minutes:
        return [heading, "Nothing logged in this period."]
    names = [_cut(row.name) for row in found.rows]
    name_width = max(len(name) for name in [*names, "Total"])
    times = [format_minutes(row.minutes) for row in found.rows]
    total = format_minutes(found.total_minutes)
    time_width = max(len(t) for t in [*times, total])
    bar_width = max(5, min(BAR_WIDTH, columns - name_width - time_width - 4))
    most = max(row.minutes for row in found.rows)
    lines = [heading]
    for name, row, shown in zip(names, found.rows, times, strict=True):
        cells = f"{name:<{name_width}}  {bar(row.minutes, most, bar_width):<{bar_width}}"
        lines.append(f"{cells}  {shown:>{time_width}}")
    lines.append(f"{'Total':<{name_width}}  {'':<{bar_width}}  {total:>{time_width}}")
    return lines


def _cut(name: str) -> str:
    return name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"
