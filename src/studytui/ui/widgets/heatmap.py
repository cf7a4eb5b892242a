"""A calendar heatmap of study time: one column per week, one row per weekday."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from studytui.domain.days import week_start
from studytui.domain.progress import HEATMAP_WEEKS, heat_level

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Glyphs differ as well as colours, so the map reads without colour too.
LEVEL_GLYPHS = ("·", "░", "▒", "▓", "█")
REST_GLYPH = "-"
FROZEN_GLYPH = "*"
TODAY_GLYPH = "▣"


@dataclass(frozen=True)
class HeatmapData:
    today: date
    daily: dict[date, int] = field(default_factory=dict)
    daily_goal: int = 60
    rest_weekdays: frozenset[int] = frozenset()
    frozen_days: frozenset[date] = frozenset()
    week_starts_on: str = "monday"
    weeks: int = HEATMAP_WEEKS


class Heatmap(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "heatmap--label",
        "heatmap--l0",
        "heatmap--l1",
        "heatmap--l2",
        "heatmap--l3",
        "heatmap--l4",
        "heatmap--rest",
        "heatmap--frozen",
        "heatmap--today",
    }
    DEFAULT_CSS = """
    Heatmap { height: 9; width: auto; }
    Heatmap > .heatmap--label { color: $text-muted; }
    Heatmap > .heatmap--l0 { color: $text-disabled; }
    Heatmap > .heatmap--l1 { color: $success 40%; }
    Heatmap > .heatmap--l2 { color: $success 65%; }
    Heatmap > .heatmap--l3 { color: $success 85%; }
    Heatmap > .heatmap--l4 { color: $success; }
    Heatmap > .heatmap--rest { color: $text-muted; }
    Heatmap > .heatmap--frozen { color: $primary; }
    Heatmap > .heatmap--today { color: $accent; text-style: bold; }
    """

    data: reactive[HeatmapData | None] = reactive(None, layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        # The weekday label, then two columns a week; the same while loading, so the panel
        # does not change size when the data arrives.
        return 4 + 2 * (self.data.weeks if self.data is not None else HEATMAP_WEEKS)

    def render(self) -> Text:
        data = self.data
        if data is None:
            return Text("loading…", style=self.get_component_rich_style("heatmap--label"))
        first_day = week_start(data.today, data.week_starts_on) - timedelta(weeks=data.weeks - 1)
        label = self.get_component_rich_style("heatmap--label")
        text = Text()
        offset = 0 if data.week_starts_on == "monday" else 6
        for row in range(7):
            weekday = (row + offset) % 7
            text.append(f"{WEEKDAY_NAMES[weekday]} ", style=label)
            for week in range(data.weeks):
                day = first_day + timedelta(weeks=week, days=row)
                glyph, style = self._cell(data, day)
                text.append(glyph + " ", style=self.get_component_rich_style(style))
            text.append("\n")
        text.append("    less ", style=label)
        for level, glyph in enumerate(LEVEL_GLYPHS):
            text.append(glyph + " ", style=self.get_component_rich_style(f"heatmap--l{level}"))
        text.append("more  ", style=label)
        text.append(REST_GLYPH, style=self.get_component_rich_style("heatmap--rest"))
        text.append(" rest  ", style=label)
        text.append(FROZEN_GLYPH, style=self.get_component_rich_style("heatmap--frozen"))
        text.append(" freeze  ", style=label)
        text.append(TODAY_GLYPH, style=self.get_component_rich_style("heatmap--today"))
        text.append(" today", style=label)
        return text

    @staticmethod
    def _cell(data: HeatmapData, day: date) -> tuple[str, str]:
        if day > data.today:
            return " ", "heatmap--l0"
        minutes = data.daily.get(day, 0)
        if day == data.today:
            return TODAY_GLYPH, "heatmap--today"
        # A freeze covered the day, even one with a few minutes below the streak's minimum.
        if day in data.frozen_days:
            return FROZEN_GLYPH, "heatmap--frozen"
        # Rest days count from the first day studied: before it there was no streak to keep.
        started = min(data.daily, default=data.today)
        if minutes == 0 and day >= started and day.weekday() in data.rest_weekdays:
            return REST_GLYPH, "heatmap--rest"
        level = heat_level(minutes, data.daily_goal)
        return LEVEL_GLYPHS[level], f"heatmap--l{level}"
