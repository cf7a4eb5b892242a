"""The dashboard's side-activities panel: what is under way and, in a quiet week, one idea."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text

from studytui.domain.durations import format_hours, format_minutes
from studytui.ui.widgets.section import DashboardSection

if TYPE_CHECKING:
    from studytui.actions.activities import ActivitiesPanel


class SideActivitiesSection(DashboardSection):
    TITLE: ClassVar[str] = "Side activities"

    def show(self, data: ActivitiesPanel) -> None:
        from studytui.domain.activities import KIND_LABELS, QUIET_DAYS, format_earnings

        # Text, not markup: titles and currencies come from the keyboard and import files.
        text = Text()
        for row in data.active:
            money = format_earnings(row.earnings)
            text.append(f"• {row.title} ")
            text.append(f"({KIND_LABELS.get(row.kind, row.kind)})", style="dim")
            text.append(f" · {format_hours(row.minutes)}" + (f" · {money}" if money else "") + "\n")
        if not data.active:
            text.append("None active.\n", style="dim")
        idea = data.suggestion
        if idea is not None:
            text.append("\n")
            text.append("Quiet week", style="bold")
            text.append(
                f" ({format_minutes(data.last_7_days)} in the last {QUIET_DAYS} days, goal "
                f"{format_minutes(data.weekly_goal)}). An idea: "
            )
            text.append(idea.title, style="bold")
            text.append(f"\n  Takes: {idea.takes}\n  Brings: {idea.brings}\n")
            text.append("  Press a, then n, to add it.", style="dim")
        text.rstrip()
        self.update(text)
