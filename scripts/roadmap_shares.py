"""Print each roadmap template's estimated hours and how they split across its areas.

    python scripts/roadmap_shares.py

For every template: the timeline's hour budget (months x weeks x hours a week), the milestone
hours, and per area the hours, their share and the area's target share. The content tests hold
the same numbers to account (tests/test_content_files.py); this script is for reading them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from studytui.builtin_content import load_templates
from studytui.domain.content import Template

WEEKS_PER_MONTH = 52 / 12


def budget_hours(template: Template) -> float:
    return template.months * WEEKS_PER_MONTH * template.hours_per_week


def hours_by_area(template: Template) -> dict[str, int]:
    totals = {area.key: 0 for area in template.areas}
    for milestone in template.milestones:
        totals[milestone.area] += milestone.hours
    return totals


def report(templates: Iterable[Template]) -> list[str]:
    lines: list[str] = []
    for template in templates:
        hours = hours_by_area(template)
        total = sum(hours.values())
        budget = budget_hours(template)
        lines.append(
            f"{template.key}: {len(template.milestones)} milestones, {total} h estimated; "
            f"{template.months} months x {template.hours_per_week} h/week = {budget:.0f} h "
            f"({total / budget:.0%} of the budget)"
        )
        lines.append(f"  {'area':<18} {'hours':>6} {'share':>6} {'target':>7} {'diff':>6}")
        for area in template.areas:
            share = 100 * hours[area.key] / total
            lines.append(
                f"  {area.key:<18} {hours[area.key]:>6} {share:>5.1f}% {area.share:>6}% "
                f"{share - area.share:>+5.1f}"
            )
        lines.append("")
    return lines


def main() -> int:
    print("\n".join(report(load_templates().values())).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
