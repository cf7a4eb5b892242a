"""Side activities in the pure core: statuses, dates, money, totals and the quiet week."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest

from studytui.builtin_content import load_activity_ideas
from studytui.domain.activities import (
    STATUSES,
    ActivityInput,
    PaymentDraft,
    check_dates,
    check_payment,
    format_earnings,
    format_span,
    from_idea,
    grand_total,
    group_activities,
    is_quiet_week,
    moved_status,
    parse_activity,
    parse_kind,
    parse_payment,
    quiet_window,
    stamp_dates,
    suggest_idea,
    totals_by_kind,
)
from studytui.domain.content import ActivityIdea
from studytui.domain.errors import ValidationError
from studytui.domain.money import Money

TODAY = date(2026, 3, 11)  # a Wednesday
GOAL = 360  # six hours a week


@dataclass(frozen=True)
class Figures:
    kind: str
    minutes: int
    earnings: dict[str, int] = field(default_factory=dict)


def _idea(key: str, kind: str = "writing") -> ActivityIdea:
    return ActivityIdea(key, kind, key.title(), "some hours", "something good")


IDEAS = tuple(_idea(k) for k in ("alpha", "beta", "gamma", "delta"))


# --- statuses ----------------------------------------------------------------------------------


def test_next_walks_every_status_in_order() -> None:
    status, seen = "idea", ["idea"]
    for _ in range(len(STATUSES) - 1):
        status = moved_status(status, 1)
        seen.append(status)
    assert seen == ["idea", "planned", "active", "done", "dropped"]


def test_previous_walks_back() -> None:
    assert moved_status("done", -1) == "active"
    assert moved_status("planned", -1) == "idea"


@pytest.mark.parametrize(
    ("status", "step", "word"), [("idea", -1, "first"), ("dropped", 1, "last")]
)
def test_moving_past_either_end_is_refused_not_wrapped(status: str, step: int, word: str) -> None:
    with pytest.raises(ValidationError, match=word):
        moved_status(status, step)


def test_becoming_active_stamps_today_as_the_start() -> None:
    assert stamp_dates("planned", "active", None, None, TODAY) == (TODAY, None)


def test_becoming_active_keeps_a_past_start_but_not_a_future_one() -> None:
    past, future = TODAY - timedelta(days=30), TODAY + timedelta(days=5)
    assert stamp_dates("planned", "active", past, None, TODAY) == (past, None)
    assert stamp_dates("planned", "active", future, None, TODAY) == (TODAY, None)


@pytest.mark.parametrize("ended", ["done", "dropped"])
def test_ending_stamps_today_as_the_end_and_keeps_the_start(ended: str) -> None:
    start = TODAY - timedelta(days=20)
    assert stamp_dates("active", ended, start, None, TODAY) == (start, TODAY)


def test_done_to_dropped_keeps_the_day_it_ended() -> None:
    ended = TODAY - timedelta(days=3)
    assert stamp_dates("done", "dropped", None, ended, TODAY) == (None, ended)


def test_reopening_clears_the_end() -> None:
    start = TODAY - timedelta(days=20)
    assert stamp_dates("done", "active", start, TODAY, TODAY) == (start, None)


def test_an_unchanged_status_leaves_typed_dates_alone() -> None:
    start = TODAY + timedelta(days=10)
    assert stamp_dates("planned", "planned", start, None, TODAY) == (start, None)


@pytest.mark.parametrize(
    ("status", "start", "end", "message"),
    [
        ("active", None, TODAY, "only a done or dropped"),
        ("done", TODAY, TODAY - timedelta(days=1), "before the start"),
        ("done", None, TODAY + timedelta(days=1), "in the future"),
        ("active", TODAY + timedelta(days=1), None, "in the future"),
    ],
)
def test_impossible_dates_are_refused(
    status: str, start: date | None, end: date | None, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        check_dates(status, start, end, TODAY)


def test_a_planned_activity_may_start_in_the_future() -> None:
    check_dates("planned", TODAY + timedelta(days=30), None, TODAY)


# --- parsing a form ------------------------------------------------------------------------------


def test_parse_activity_cleans_every_field() -> None:
    data = parse_activity(
        kind="Talks",
        title="  Meetup   talk ",
        status="planned",
        link="https://example.org/cfp",
        start="2026-04-01",
        outcome=" slides ",
    )
    assert data == ActivityInput(
        kind="talk",
        title="Meetup talk",
        status="planned",
        link="https://example.org/cfp",
        start_date=date(2026, 4, 1),
        outcome="slides",
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "  "}, "needs a title"),
        ({"kind": "podcast"}, 'unknown kind "podcast"'),
        ({"status": "paused"}, 'unknown status "paused"'),
        ({"link": "example.org"}, "must be a web address"),
        ({"start": "April"}, 'start date "April" not understood'),
        ({"end": "2026-02-30"}, "not a real date"),
    ],
)
def test_parse_activity_names_the_problem(changes: dict[str, str], message: str) -> None:
    fields = {"kind": "writing", "title": "An article"} | changes
    with pytest.raises(ValidationError, match=message):
        parse_activity(**fields)


def test_kind_accepts_a_unique_prefix() -> None:
    assert parse_kind("teach") == "teaching"
    assert parse_kind("Freelancing") == "freelance"


def test_from_idea_carries_the_key_and_what_it_takes_and_brings() -> None:
    idea = load_activity_ideas()[0]
    data = from_idea(idea)
    assert (data.kind, data.title, data.idea_key) == (idea.kind, idea.title, idea.key)
    assert idea.takes in data.description and idea.brings in data.description


# --- money -------------------------------------------------------------------------------------


def test_a_payment_from_the_form() -> None:
    draft = parse_payment("1,250.50 EUR", "2026-03-01", "  invoice 7 ", today=TODAY)
    assert draft == PaymentDraft(Money(125050, "EUR"), date(2026, 3, 1), "invoice 7")
    assert parse_payment("12", "today", "", today=TODAY, currency="GBP") == PaymentDraft(
        Money(1200, "GBP"), TODAY
    )


@pytest.mark.parametrize(
    ("amount", "day", "message"),
    [
        ("", "today", "empty"),
        ("0", "today", "a payment must be more than zero: enter what you received"),
        ("0.00 EUR", "today", "more than zero"),
        ("-5", "today", "negative"),
        ("ten", "today", "not understood"),
        ("5", "2026-03-12", "in the future"),
        ("5", "someday", "not understood"),
    ],
)
def test_a_payment_is_refused_with_a_reason(amount: str, day: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_payment(amount, day, "", today=TODAY)


def test_check_payment_is_the_rule_for_any_payment() -> None:
    check_payment(Money(1, "USD"), TODAY, TODAY)
    with pytest.raises(ValidationError, match="more than zero"):
        check_payment(Money(0, "USD"), TODAY, TODAY)
    with pytest.raises(ValidationError, match="payment date 2026-03-12 is in the future"):
        check_payment(Money(100, "USD"), TODAY + timedelta(days=1), TODAY)


def test_earnings_are_never_added_across_currencies() -> None:
    assert format_earnings({"USD": 50000, "EUR": 12000}) == "120.00 EUR + 500.00 USD"
    assert format_earnings({}) == ""


def test_format_span_says_how_far_an_activity_got() -> None:
    start, end = date(2026, 1, 5), TODAY
    assert format_span(start, end) == "2026-01-05 → 2026-03-11"
    assert format_span(start, None) == "since 2026-01-05"
    assert format_span(None, end) == "ended 2026-03-11"
    assert format_span(None, None) == ""


# --- groups ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    title: str
    kind: str
    status: str


def test_groups_by_status_put_what_is_under_way_first() -> None:
    rows = [
        Item("a", "writing", "idea"),
        Item("b", "talk", "done"),
        Item("c", "writing", "active"),
        Item("d", "teaching", "idea"),
    ]
    groups = group_activities(rows, "status")
    assert [(g.key, g.label, [r.title for r in g.rows]) for g in groups] == [
        ("active", "Active", ["c"]),
        ("idea", "Ideas", ["a", "d"]),
        ("done", "Done", ["b"]),
    ]
    by_kind = group_activities(rows, "kind")
    assert [(g.label, [r.title for r in g.rows]) for g in by_kind] == [
        ("Teaching", ["d"]),
        ("Writing", ["a", "c"]),
        ("Talks", ["b"]),
    ]
    assert group_activities([], "status") == ()


# --- totals ------------------------------------------------------------------------------------


def test_totals_per_kind_sum_minutes_and_each_currency_apart() -> None:
    totals = totals_by_kind(
        [
            Figures("writing", 120, {"USD": 50000}),
            Figures("teaching", 600),
            Figures("writing", 30, {"USD": 25000, "EUR": 10000}),
            Figures("writing", 0),
        ]
    )
    assert [(t.kind, t.count, t.minutes, dict(t.earnings)) for t in totals] == [
        ("teaching", 1, 600, {}),
        ("writing", 3, 150, {"USD": 75000, "EUR": 10000}),
    ]
    overall = grand_total(totals)
    assert (overall.count, overall.minutes, dict(overall.earnings)) == (
        4,
        750,
        {"USD": 75000, "EUR": 10000},
    )


def test_no_activities_no_totals() -> None:
    assert totals_by_kind([]) == ()
    assert grand_total(()).minutes == 0


# --- the quiet week ----------------------------------------------------------------------------


def test_the_window_is_the_last_seven_days_including_today() -> None:
    assert quiet_window(TODAY) == (date(2026, 3, 5), TODAY)


@pytest.mark.parametrize(("minutes", "quiet"), [(0, True), (179, True), (180, False), (400, False)])
def test_quiet_means_under_half_the_weekly_goal(minutes: int, quiet: bool) -> None:
    assert is_quiet_week(minutes, GOAL) is quiet


def test_without_a_weekly_goal_no_week_is_quiet() -> None:
    assert is_quiet_week(0, 0) is False


def test_a_quiet_week_suggests_an_unused_idea() -> None:
    idea = suggest_idea(IDEAS, {"alpha"}, last_7_days_minutes=60, weekly_goal=GOAL, today=TODAY)
    assert idea is not None
    assert idea.key in {"beta", "gamma", "delta"}


def test_a_busy_week_suggests_nothing() -> None:
    idea = suggest_idea(IDEAS, set(), last_7_days_minutes=300, weekly_goal=GOAL, today=TODAY)
    assert idea is None


def test_an_idea_already_taken_is_never_suggested_on_any_day() -> None:
    used = {"alpha", "gamma", None}
    for offset in range(60):
        day = TODAY + timedelta(days=offset)
        idea = suggest_idea(IDEAS, used, last_7_days_minutes=0, weekly_goal=GOAL, today=day)
        assert idea is not None and idea.key in {"beta", "delta"}


def test_nothing_left_to_suggest_when_every_idea_is_taken() -> None:
    used = {idea.key for idea in IDEAS}
    assert suggest_idea(IDEAS, used, last_7_days_minutes=0, weekly_goal=GOAL, today=TODAY) is None


def test_the_suggestion_is_stable_for_a_date_and_changes_across_days() -> None:
    def pick(day: date) -> str:
        idea = suggest_idea(IDEAS, (), last_7_days_minutes=0, weekly_goal=GOAL, today=day)
        assert idea is not None
        return idea.key

    assert {pick(TODAY) for _ in range(5)} == {pick(TODAY)}
    assert len({pick(TODAY + timedelta(days=d)) for d in range(len(IDEAS))}) == len(IDEAS)


def test_the_built_in_ideas_cover_every_kind() -> None:
    from studytui.domain.activities import KINDS

    assert {idea.kind for idea in load_activity_ideas()} == set(KINDS)
