"""Hours per week as vertical bars, newest on the right."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from studytui.domain.progress import CHART_WEEKS

BLOCKS = " ▁▂▃▄▅▆▇█"
BAR_ROWS = 5
COLUMN = 6


class WeekChart(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"week-chart--bar", "week-chart--label"}
    DEFAULT_CSS = """
    WeekChart { height: 8; width: auto; }
    WeekChart > .week-chart--bar { color: $primary; }
    WeekChart > .week-chart--label { color: $text-muted; }
    """

    weeks: reactive[tuple[tuple[date, int], ...]] = reactive((), layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        # The same while loading, so the panel does not change size when the data arrives.
        return COLUMN * (len(self.weeks) or CHART_WEEKS)

    def render(self) -> Text:
        label = self.get_component_rich_style("week-chart--label")
        bar = self.get_component_rich_style("week-chart--bar")
        if not self.weeks:
            return Text("loading…", style=label)
        peak = max(minutes for _, minutes in self.weeks) or 1
        text = Text()
        text.append(
            "".join(f"{minutes / 60:>{COLUMN - 1}.1f} " for _, minutes in self.weeks) + "\n",
            style=label,
        )
        eighths = [round(minutes / peak * BAR_ROWS * 8) for _, minutes in self.weeks]
        for row in range(BAR_ROWS - 1, -1, -1):
            line = ""
            for amount in eighths:
                fill = min(8, max(0, amount - row * 8))
                line += " " + BLOCKS[fill] * (COLUMN - 2) + " "
            text.append(line + "\n", style=bar)
        # The weeks' first days as the rest of the app writes dates: the oldest under the left
        # column, the newest under the right one (ten characters do not fit under each).
        first, last = self.weeks[0][0].isoformat(), self.weeks[-1][0].isoformat()
        width = COLUMN * len(self.weeks)
        middle = "← week starting →".center(width - len(first) - len(last) - 2)
        text.append(f" {first}{middle}{last} ", style=label)
        return text
