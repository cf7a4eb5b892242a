"""The dashboard's side-activities panel: what is under way and, in a quiet week, one idea."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.markup import escape

from studytui.domain.durations import format_hours, format_minutes
from studytui.ui.widgets.section import DashboardSection

if TYPE_CHECKING:
    from studytui.actions.activities import ActivitiesPanel


class SideActivitiesSection(DashboardSection):
    TITLE: ClassVar[str] = "Side activities"

    def show(self, data: ActivitiesPanel) -> None:
        from studytui.domain.activities import KIND_LABELS, QUIET_DAYS, format_earnings

        lines = []
        for row in data.active:
            money = format_earnings(row.earnings)
            lines.append(
                f"• {escape(row.title)} [dim]({KIND_LABELS.get(row.kind, row.kind)})[/dim] · "
                f"{format_hours(row.minutes)}" + (f" · {escape(money)}" if money else "")
            )
        if not data.active:
            lines.append("[dim]None active.[/dim]")
        idea = data.suggestion
        if idea is not None:
            lines.append(
                f"\n[b]Quiet week[/b] ({format_minutes(data.last_7_days)} in the last "
                f"{QUIET_DAYS} days, goal {format_minutes(data.weekly_goal)}). "
                f"An idea: [b]{escape(idea.title)}[/b]\n"
                f"  Takes: {escape(idea.takes)}\n  Brings: {escape(idea.brings)}\n"
                "  [dim]Press a, then n, to add it.[/dim]"
            )
        self.update("\n".join(lines))
