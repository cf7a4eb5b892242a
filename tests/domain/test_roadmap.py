"""Roadmap arithmetic with fixed dates: progress, next up, stamping, pace, target and shares."""

from __future__ import annotations

from datetime import date

import pytest

from studytui.domain.errors import ValidationError
from studytui.domain.roadmap import (
    MAX_ESTIMATE_HOURS,
    MIN_PACE_MINUTES,
    MilestoneDraft,
    MilestoneInfo,
    Progress,
    check_milestone,
    check_shares,
    check_target,
    format_rate,
    next_up,
    pace,
    parse_estimate,
    progress,
    progress_by_area,
    remaining_hours,
    stamp_dates,
)

TODAY = date(2026, 3, 11)


def m(
    mid: str,
    status: str = "todo",
    hours: int = 10,
    *,
    area: str = "a",
    position: int = 0,
    logged: int = 0,
    requires: tuple[str, ...] = (),
) -> MilestoneInfo:
    return MilestoneInfo(mid, area, mid.upper(), status, hours, position, logged, requires)


def test_progress_counts_done_hours_and_drops_skipped_from_the_total() -> None:
    items = [
        m("a", "done", 10),
        m("b", "todo", 20),
        m("c", "skipped", 70),
        m("d", "in_progress", 10),
    ]
    result = progress(items)
    assert result == Progress(done_hours=10, total_hours=40)
    assert result.percent == 25
    assert result.bar(8) == "██░░░░░░"


def test_progress_of_an_empty_or_all_skipped_area_is_zero_not_a_division_error() -> None:
    assert progress([]).fraction == 0.0
    assert progress([m("a", "skipped")]).percent == 0


def test_progress_by_area_groups_milestones() -> None:
    items = [m("a", "done", 5, area="x"), m("b", "todo", 5, area="x"), m("c", "done", 3, area="y")]
    by_area = progress_by_area(items)
    assert by_area["x"].percent == 50
    assert by_area["y"] == Progress(3, 3)


def test_next_up_lists_in_progress_first_then_ready_todos_in_roadmap_order() -> None:
    items = [
        m("basics", "done", position=1),
        m("sql", "todo", position=2, requires=("basics",)),
        m("ml", "todo", position=3, requires=("sql",)),
        m("docker", "in_progress", position=4),
        m("maths", "todo", position=5),
        m("old", "skipped", position=6),
        m("after-skip", "todo", position=7, requires=("old",)),
    ]
    assert [x.id for x in next_up(items)] == ["docker", "sql", "maths", "after-skip"]
    assert [x.id for x in next_up(items, limit=2)] == ["docker", "sql"]


def test_next_up_is_empty_when_everything_waits_or_is_finished() -> None:
    items = [m("a", "done", position=1), m("b", "skipped", position=2)]
    assert next_up(items) == []
    blocked = [
        m("a", "todo", position=2, requires=("b",)),
        m("b", "todo", position=1, requires=("a",)),
    ]
    assert next_up(blocked) == []


@pytest.mark.parametrize(
    ("status", "started", "done", "expected"),
    [
        ("in_progress", None, None, (TODAY, None)),
        ("in_progress", date(2026, 1, 2), None, (date(2026, 1, 2), None)),
        ("done", None, None, (TODAY, TODAY)),
        ("done", date(2026, 1, 2), None, (date(2026, 1, 2), TODAY)),
        ("done", date(2026, 1, 2), date(2026, 2, 1), (date(2026, 1, 2), date(2026, 2, 1))),
        ("todo", date(2026, 1, 2), date(2026, 2, 1), (None, None)),
        ("skipped", date(2026, 1, 2), date(2026, 2, 1), (date(2026, 1, 2), None)),
    ],
)
def test_stamp_dates(status: str, started: date | None, done: date | None, expected: tuple) -> None:
    assert stamp_dates(status, TODAY, started, done) == expected


def test_stamp_dates_rejects_an_unknown_status() -> None:
    with pytest.raises(ValidationError, match='unknown status "finished"'):
        stamp_dates("finished", TODAY, None, None)


def test_remaining_hours_subtracts_time_logged_on_open_milestones_only() -> None:
    items = [
        m("a", "in_progress", 10, logged=4 * 60),
        m("b", "todo", 5, logged=9 * 60),  # logged past its estimate: nothing left, never negative
        m("c", "done", 20, logged=60),
        m("d", "skipped", 50),
        m("e", "todo", 8),
    ]
    assert remaining_hours(items) == 14.0


def test_pace_projects_the_finish_date_from_the_last_four_weeks() -> None:
    # 38 h in 4 weeks = 9.5 h a week; 95 h open = 10 weeks = 70 days.
    result = pace(38 * 60, 95, TODAY)
    assert result.hours_per_week == 9.5
    assert result.finish == date(2026, 5, 20)
    assert result.line() == "at 9.5 h a week: about 2026-05-20"


def test_pace_rounds_partial_days_up() -> None:
    # 7 h a week = 1 h a day; 10.5 h open = 10.5 days, so day 11.
    assert pace(28 * 60, 10.5, TODAY).finish == date(2026, 3, 22)


def test_pace_with_no_recent_study_says_so_instead_of_dividing_by_zero() -> None:
    result = pace(0, 100, TODAY)
    assert result.finish is None
    assert "no study logged in the last 4 weeks" in result.line()


def test_pace_with_nothing_left_open() -> None:
    result = pace(600, 0, TODAY)
    assert result.finish is None
    assert result.line() == "nothing left open on the roadmap"


def test_format_rate_drops_a_trailing_zero() -> None:
    assert format_rate(10.0) == "10 h a week"
    assert format_rate(9.46) == "9.5 h a week"
    assert format_rate(0.25) == "0.3 h a week"


def test_target_on_track_when_the_projection_meets_it() -> None:
    current = pace(38 * 60, 95, TODAY)  # finish 2026-05-20
    check = check_target(current, date(2026, 6, 1), TODAY)
    assert check.on_track
    assert check.line() == "on track for your target date 2026-06-01"


def test_target_behind_says_how_many_hours_a_week_it_takes() -> None:
    current = pace(38 * 60, 95, TODAY)
    check = check_target(current, date(2026, 4, 8), TODAY)  # 4 weeks away
    assert not check.on_track
    assert check.hours_per_week_needed == pytest.approx(23.75)
    assert check.line() == "to finish by 2026-04-08 you need 23.8 h a week"


def test_target_with_no_recent_study_still_gives_the_hours_needed() -> None:
    check = check_target(pace(0, 70, TODAY), date(2026, 5, 20), TODAY)  # 10 weeks
    assert not check.on_track
    assert check.hours_per_week_needed == pytest.approx(7.0)


def test_a_passed_target_date_is_reported_without_a_rate() -> None:
    check = check_target(pace(600, 70, TODAY), date(2026, 3, 1), TODAY)
    assert check.hours_per_week_needed is None
    assert "has passed" in check.line()


def test_shares_must_add_up_to_one_hundred() -> None:
    assert check_shares({"ML": "60", "Maths": "40%"}) == {"ML": 60, "Maths": 40}
    with pytest.raises(ValidationError, match="add up to 90%"):
        check_shares({"ML": "50", "Maths": "40"})


@pytest.mark.parametrize("text", ["-5", "abc", "101", "1.5"])
def test_a_bad_share_names_the_area(text: str) -> None:
    with pytest.raises(ValidationError, match=f'Maths: share "{text}" not accepted'):
        check_shares({"ML": "50", "Maths": text})


def test_estimates_are_whole_hours() -> None:
    assert parse_estimate("12") == 12
    assert parse_estimate("12h") == 12
    with pytest.raises(ValidationError, match="whole hours"):
        parse_estimate("twelve")


def test_a_milestone_draft_is_tidied_or_refused_with_the_forms_words() -> None:
    draft = MilestoneDraft("  Read   a paper ", MAX_ESTIMATE_HOURS, "  depth ")
    assert check_milestone(draft) == MilestoneDraft("Read a paper", MAX_ESTIMATE_HOURS, "depth")
    with pytest.raises(ValidationError, match="title is empty"):
        check_milestone(MilestoneDraft(" ", -1))  # the title first, as the form checks it
    with pytest.raises(ValidationError, match=f'estimate "{MAX_ESTIMATE_HOURS + 1}" not accepted'):
        check_milestone(MilestoneDraft("Read a paper", MAX_ESTIMATE_HOURS + 1))


def test_the_roadmap_core_imports_neither_the_store_nor_the_ui() -> None:
    import subprocess
    import sys

    probe = (
        "import studytui.domain.roadmap, studytui.domain.journal, studytui.cli.roadmap, sys\n"
        "print('\\n'.join(sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert not any(name.split(".")[0] == "textual" for name in loaded)
    # The CLI needs the store; the domain must not.
    probe_domain = probe.replace(", studytui.cli.roadmap", "")
    out = subprocess.run(
        [sys.executable, "-c", probe_domain], capture_output=True, text=True, check=True
    )
    assert not any(
        n.startswith(("studytui.db", "sqlalchemy", "sqlmodel")) for n in out.stdout.split()
    )


def test_too_little_recent_study_projects_no_finish() -> None:
    # 10 minutes in four weeks would "finish" in the 22nd century: say so instead.
    result = pace(10, 100, TODAY)
    assert result.finish is None
    assert result.line() == (
        "only 10m logged in the last 4 weeks: too little to project a finish date"
    )
    assert pace(MIN_PACE_MINUTES, 100, TODAY).finish is not None
