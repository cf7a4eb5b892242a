"""The time split per area against its target share, one bar per area."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from studytui.domain.progress import SplitRow

BAR_WIDTH = 20


class SplitBars(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"split--bar", "split--target", "split--label"}
    DEFAULT_CSS = """
    SplitBars { height: auto; width: auto; }
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
        width = min(28, max(len(row.area) for row in self.rows))
        text = Text()
        for row in self.rows:
            filled = round(min(row.actual_percent, 100) / 100 * BAR_WIDTH)
            target_at = min(BAR_WIDTH - 1, round(row.target_percent / 100 * BAR_WIDTH))
            text.append(f"{row.area[:width]:<{width}} ")
            for i in range(BAR_WIDTH):
                if i == target_at:
                    text.append("│", style=self.get_component_rich_style("split--target"))
                elif i < filled:
                    text.append("█", style=self.get_component_rich_style("split--bar"))
                else:
                    text.append("·", style=label)
            text.append(f" {row.actual_percent:>3.0f}% of time, target {row.target_percent}%\n")
        text.append(f"{'':<{width}} ", style=label)
        text.append("│", style=self.get_component_rich_style("split--target"))
        text.append(" marks the target share (last 4 weeks)", style=label)
        return text
