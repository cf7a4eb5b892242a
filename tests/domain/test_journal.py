"""Grouping journal records by week and rendering them, with fixed dates."""

from __future__ import annotations

from datetime import date

from studytui.domain.journal import (
    AreaMinutes,
    Event,
    JournalSource,
    NoteLine,
    group_weeks,
    render_journal,
)

D = date.fromisoformat


def test_days_fold_into_weeks_by_the_week_start_and_empty_weeks_are_left_out() -> None:
    source = JournalSource(
        first=D("2026-03-01"),
        last=D("2026-03-31"),
        area_minutes=(
            AreaMinutes(D("2026-03-01"), "ML", 30),  # a Sunday
            AreaMinutes(D("2026-03-02"), "ML", 60),
            AreaMinutes(D("2026-03-03"), "SQL", 15),
            AreaMinutes(D("2026-03-23"), "ML", 10),
        ),
    )
    monday = group_weeks(source, "monday")
    assert [(w.start, w.minutes) for w in monday] == [
        (D("2026-02-23"), 30),
        (D("2026-03-02"), 75),
        (D("2026-03-23"), 10),
    ]
    sunday = group_weeks(source, "sunday")
    assert (sunday[0].start, sunday[0].minutes_by_area) == (
        D("2026-03-01"),
        {"ML": 90, "SQL": 15},
    )


def test_a_week_with_only_an_event_is_kept() -> None:
    source = JournalSource(
        D("2026-03-01"), D("2026-03-31"), certificates=(Event(D("2026-03-18"), "AWS CCP"),)
    )
    (week,) = group_weeks(source, "monday")
    assert week.start == D("2026-03-16") and week.minutes == 0
    text = render_journal(source)
    assert "### Certificates passed\n\n- 2026-03-18: AWS CCP" in text
    assert "| Area |" not in text  # no hours table without hours


def test_notes_stay_on_one_line_and_name_the_milestone() -> None:
    note = NoteLine(D("2026-03-02"), "ML", "Metrics", 90, "precision\nand recall ")
    text = render_journal(JournalSource(D("2026-03-02"), D("2026-03-08"), notes=(note,)))
    assert "- 2026-03-02, ML / Metrics, 1h 30m: precision and recall\n" in text


def test_an_empty_period_says_so() -> None:
    text = render_journal(JournalSource(D("2026-03-02"), D("2026-03-08")))
    assert text == (
        "# Learning journal\n\n2026-03-02 to 2026-03-08: 0.0 h of study in 0 weeks.\n\n"
        "Nothing logged in this period.\n"
    )


def test_areas_are_listed_by_hours_and_a_pipe_cannot_break_the_table() -> None:
    source = JournalSource(
        D("2026-03-02"),
        D("2026-03-08"),
        area_minutes=(
            AreaMinutes(D("2026-03-02"), "A|B", 30),
            AreaMinutes(D("2026-03-03"), "Z", 90),
        ),
    )
    lines = render_journal(source).splitlines()
    table = lines[lines.index("|---|---:|") + 1 :][:2]
    assert table == ["| Z | 1.5 h |", "| A/B | 0.5 h |"]
