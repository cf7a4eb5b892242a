"""The dashboard's "Next up" panel, and the text it shares with the Roadmap screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text

from studytui.ui.widgets.section import DashboardSection

if TYPE_CHECKING:
    from studytui.actions.roadmap import NextUp


def next_up_text(data: NextUp, *, with_pace: bool = True) -> Text:
    from studytui.domain.roadmap import STATUS_GLYPHS

    text = Text()
    if not data.rows:
        text.append("Nothing to start: every milestone is done, skipped or waiting on another.\n")
    for milestone, area in data.rows:
        text.append(f"{STATUS_GLYPHS[milestone.status]} ", style="bold")
        text.append(milestone.title)
        text.append(f" · {area}\n", style="dim")
    if data.more:
        text.append(f"… and {data.more} more ready to start\n", style="dim")
    if with_pace:
        text.append("\n".join(data.report.lines()))
    text.rstrip()
    return text


class NextUpSection(DashboardSection):
    TITLE: ClassVar[str] = "Next up"

    def show(self, data: NextUp) -> None:
        self.update(next_up_text(data))
