"""`studytui activities`: side activities grouped by status, with hours, earnings and totals."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from studytui.actions.activities import ActivitiesView, activities_view
from studytui.cli.context import open_store
from studytui.clock import now
from studytui.domain.activities import KIND_LABELS, format_earnings, format_span
from studytui.domain.durations import format_hours

EMPTY = "No side activities yet. Open the app (`studytui`), press a, then n to pick an idea."


def _table(rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
    """Left-aligned text columns, except the hours column (index -2), which lines up right."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(widths[i]) if i == len(row) - 2 else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines


def activity_lines(view: ActivitiesView) -> list[str]:
    if not view.rows:
        return [EMPTY]
    groups = view.by_status
    # One table for every group, so the columns line up down the whole list.
    table = iter(
        _table(
            [
                (
                    r.title,
                    r.kind,
                    format_span(r.start_date, r.end_date),
                    format_hours(r.minutes),
                    format_earnings(r.earnings),
                )
                for group in groups
                for r in group.rows
            ]
        )
    )
    lines: list[str] = []
    for group in groups:
        lines.append(f"{group.label} ({len(group.rows)})")
        lines += [next(table) for _ in group.rows]
        lines.append("")
    lines.append("Totals per kind")
    lines += _table(
        [
            (
                KIND_LABELS.get(t.kind, "All kinds"),
                f"{t.count} activit{'y' if t.count == 1 else 'ies'}",
                format_hours(t.minutes),
                format_earnings(t.earnings) or "-",
            )
            for t in (*view.totals, view.overall)
        ]
    )
    return lines


def cmd_activities(args: argparse.Namespace) -> int:
    moment = now()
    view = activities_view(open_store(args, moment), now=moment)
    print("\n".join(activity_lines(view)))
    return 0
