"""Dashboard panel: exams within 30 days, certificates expiring within 90, and certificates
still to be passed whose exam has been retired."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text

from studytui.ui.widgets.section import DashboardSection

if TYPE_CHECKING:
    from collections.abc import Sequence

    from studytui.domain.certificates import Reminder


class RemindersSection(DashboardSection):
    TITLE: ClassVar[str] = "Reminders"

    def show(self, data: tuple[date, Sequence[Reminder]]) -> None:
        from studytui.domain.certificates import reminder_text

        today, reminders = data
        if not reminders:
            self.update(
                Text("No exams in the next 30 days and nothing expiring in the next 90.", "dim")
            )
            return
        icons = {"exam": "◆ ", "expiry": "⚠ ", "retired": "⊘ "}
        # Text, not markup: certificate names are typed by the user.
        self.update(
            Text("\n").join(Text(icons[r.kind] + reminder_text(r, today)) for r in reminders)
        )
