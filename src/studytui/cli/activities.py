"""`studytui activities`: side activities grouped by status, with hours, earnings and totals."""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Sequence

from studytui.actions.activities import ActivitiesView, activities_view
from studytui.cli.context import open_store
from studytui.clock import now
from studytui.domain.activities import KIND_LABELS, KINDS, format_earnings, format_span
from studytui.domain.content import ActivityIdea
from studytui.domain.durations import format_hours

EMPTY = "No side activities yet: open the app (`studytui`), press a, then n to add one."
IDEAS = "Built-in ideas to start from, by kind, with what each takes and brings:"
WRAP = 88


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


def idea_lines(ideas: Sequence[ActivityIdea]) -> list[str]:
    """The built-in ideas by kind, each with what it takes and what it brings."""
    lines: list[str] = []
    for kind in KINDS:
        of_kind = [idea for idea in ideas if idea.kind == kind]
        if not of_kind:
            continue
        lines += ["", KIND_LABELS[kind]]
        for idea in of_kind:
            lines.append(f"  {idea.title}")
            for label, text in (("Takes: ", idea.takes), ("Brings:", idea.brings)):
                lines += textwrap.wrap(
                    text,
                    WRAP,
                    initial_indent=f"    {label} ",
                    subsequent_indent=" " * 12,
                    break_on_hyphens=False,
                )
    return lines


def activity_lines(view: ActivitiesView) -> list[str]:
    if not view.rows:
        return [EMPTY, IDEAS, *idea_lines(view.ideas.ideas)]
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
