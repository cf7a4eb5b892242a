"""The time split per area against its target share, one bar per area."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from studytui.domain.progress import SplitRow

BAR_WIDTHS = (10, 30)  # the bars shrink to the first, or grow to the second, with the room
FIGURES = " 100% of time, target 100%"


class SplitBars(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"split--bar", "split--target", "split--label"}
    DEFAULT_CSS = """
    SplitBars { height: auto; width: 100%; }
    SplitBars > .split--bar { color: $primary; }
    SplitBars > .split--target { color: $warning; }
    SplitBars > .split--label { color: $text-muted; }
    """

    rows: reactive[tuple[SplitRow, ...] | None] = reactive(None, layout=True)  # None: loading

    def render(self) -> Text:
        label = self.get_component_rich_style("split--label")
        if self.rows is None:
            return Text("loading…", style=label)
        if not self.rows:
            return Text("No study areas yet.", style=label)
        # Whole names first: the bars give way to them, down to their least width.
        room = (self.size.width or 80) - len(FIGURES) - 1
        least, most = BAR_WIDTHS
        width = min(max(len(row.area) for row in self.rows), room - least)
        bar_width = max(least, min(most, room - width))
        text = Text()
        for row in self.rows:
            filled = round(min(row.actual_percent, 100) / 100 * bar_width)
            target_at = min(bar_width - 1, round(row.target_percent / 100 * bar_width))
            name = row.area if len(row.area) <= width else row.area[: width - 1] + "…"
            text.append(f"{name:<{width}} ")
            for i in range(bar_width):
                if i == target_at:
                    text.append("│", style=self.get_component_rich_style("split--target"))
                elif i < filled:
                    text.append("█", style=self.get_component_rich_style("split--bar"))
                else:
                    text.append("·", style=label)
            text.append(f" {row.actual_percent:>3.0f}% of time, target {row.target_percent}%\n")
        text.rstrip()  # the panel's title says what │ marks
        return text
