"""Certificate rules with fixed dates: expiry, upcoming exams, ordering, counts and the form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from studytui.domain.certificates import (
    STATUSES,
    TRACK_LABELS,
    Reminder,
    add_months,
    is_exam_upcoming,
    is_expired,
    is_expiring_soon,
    parse_certificate_form,
    parse_cost,
    parse_passed_form,
    parse_retake,
    passed_recently,
    proposed_expiry,
    reminder_text,
    reminders_for,
    sort_certificates,
    validity_text,
)
from studytui.domain.content import TRACKS
from studytui.domain.errors import ValidationError

TODAY = date(2026, 3, 11)


@dataclass(frozen=True)
class Cert:
    name: str
    status: str = "planned"
    exam_date: date | None = None
    passed_date: date | None = None
    expiry_date: date | None = None


def test_tracks_are_the_catalogue_tracks() -> None:
    assert tuple(TRACK_LABELS) == TRACKS
    assert STATUSES == ("planned", "preparing", "exam_booked", "passed", "failed")


@pytest.mark.parametrize(
    ("expiry", "expired", "soon"),
    [
        (None, False, False),
        (date(2026, 3, 10), True, False),  # yesterday
        (date(2026, 3, 11), False, True),  # still valid on its expiry date
        (date(2026, 6, 9), False, True),  # 90 days on
        (date(2026, 6, 10), False, False),  # 91 days on
        (date(2030, 1, 1), False, False),
    ],
)
def test_expired_and_expiring_soon(expiry: date | None, expired: bool, soon: bool) -> None:
    assert is_expired(expiry, TODAY) is expired
    assert is_expiring_soon(expiry, TODAY) is soon


def test_validity_text_only_for_passed_certificates() -> None:
    passed = Cert("A", "passed", passed_date=date(2024, 1, 1), expiry_date=date(2026, 4, 1))
    assert validity_text(passed, TODAY) == "expires soon"
    assert validity_text(Cert("B", "passed", expiry_date=date(2026, 1, 1)), TODAY) == "expired"
    assert validity_text(Cert("C", "passed", expiry_date=date(2028, 1, 1)), TODAY) == "valid"
    assert validity_text(Cert("D", "passed"), TODAY) == ""
    assert validity_text(Cert("E", "planned", expiry_date=date(2026, 1, 1)), TODAY) == ""


@pytest.mark.parametrize(
    ("cert", "upcoming"),
    [
        (Cert("today", "exam_booked", exam_date=TODAY), True),
        (Cert("in 30 days", "exam_booked", exam_date=date(2026, 4, 10)), True),
        (Cert("in 31 days", "exam_booked", exam_date=date(2026, 4, 11)), False),
        (Cert("yesterday", "exam_booked", exam_date=date(2026, 3, 10)), False),
        (Cert("retake", "failed", exam_date=date(2026, 3, 20)), True),
        (Cert("already passed", "passed", exam_date=date(2026, 3, 20)), False),
        (Cert("no date", "exam_booked"), False),
    ],
)
def test_exam_upcoming_within_30_days(cert: Cert, upcoming: bool) -> None:
    assert is_exam_upcoming(cert, TODAY) is upcoming


def test_sort_order_exams_then_preparing_then_passed_then_the_rest() -> None:
    certs = [
        Cert("planned", "planned"),
        Cert("old pass", "passed", passed_date=date(2024, 5, 1)),
        Cert("far exam", "exam_booked", exam_date=date(2026, 9, 1)),
        Cert("failed", "failed"),
        Cert("prep", "preparing"),
        Cert("new pass", "passed", passed_date=date(2026, 2, 1)),
        Cert("soon exam", "preparing", exam_date=date(2026, 3, 15)),
        Cert("stale booking", "exam_booked", exam_date=date(2026, 1, 1)),
    ]
    names = [c.name for c in sort_certificates(certs, TODAY)]
    assert names == [
        "soon exam",
        "far exam",
        "prep",
        "new pass",
        "old pass",
        "planned",
        "stale booking",
        "failed",
    ]


def test_passed_in_the_last_24_months() -> None:
    certs = [
        Cert("a", "passed", passed_date=date(2026, 3, 11)),
        Cert("b", "passed", passed_date=date(2024, 3, 12)),  # 24 months minus a day ago
        Cert("c", "passed", passed_date=date(2024, 3, 11)),  # exactly 24 months: out
        Cert("d", "passed"),  # no date: not counted
        Cert("e", "failed", passed_date=date(2025, 1, 1)),
    ]
    assert passed_recently(certs, TODAY) == 2


def test_reminders_list_exams_and_expiries_soonest_first() -> None:
    certs = [
        Cert("Exam", "exam_booked", exam_date=date(2026, 3, 20)),
        Cert("Late exam", "exam_booked", exam_date=date(2026, 5, 1)),
        Cert("Expiring", "passed", passed_date=date(2023, 3, 1), expiry_date=date(2026, 3, 12)),
        Cert("Expired", "passed", passed_date=date(2023, 3, 1), expiry_date=date(2026, 3, 1)),
        Cert("Fine", "passed", passed_date=date(2025, 3, 1), expiry_date=date(2028, 3, 1)),
    ]
    reminders = reminders_for(certs, TODAY)
    assert reminders == [
        Reminder("Expiring", "expiry", date(2026, 3, 12)),
        Reminder("Exam", "exam", date(2026, 3, 20)),
    ]
    assert reminder_text(reminders[0], TODAY) == "Expiring: expires tomorrow (2026-03-12)"
    assert reminder_text(reminders[1], TODAY) == "Exam: exam in 9 days (2026-03-20)"


@pytest.mark.parametrize(
    ("passed", "months", "expected"),
    [
        (date(2026, 3, 11), 36, date(2029, 3, 11)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # no 29 February next year
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 3, 11), 0, None),  # never expires
    ],
)
def test_proposed_expiry(passed: date, months: int, expected: date | None) -> None:
    assert proposed_expiry(passed, months) == expected


def test_add_months_goes_backwards_across_years() -> None:
    assert add_months(date(2026, 3, 11), -24) == date(2024, 3, 11)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 15)


def test_form_parses_every_field() -> None:
    data = parse_certificate_form(
        {
            "name": "  Kubernetes   Admin ",
            "provider": "CNCF",
            "track": "cloud",
            "status": "exam booked",
            "exam_date": "2026-04-01",
            "cost": "445",
            "currency": "usd",
            "credential_url": "https://example.org/c/1",
        },
        TODAY,
    )
    assert data.name == "Kubernetes Admin"
    assert data.status == "exam_booked"
    assert data.exam_date == date(2026, 4, 1)
    assert data.cost_cents == 44500
    assert data.currency == "USD"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": " "}, "needs a name"),
        ({"name": "X", "status": "done"}, 'status "done" not understood'),
        ({"name": "X", "track": "biology"}, 'track "biology" not understood'),
        ({"name": "X", "exam_date": "soon"}, 'exam date "soon" not understood'),
        ({"name": "X", "exam_date": "2026-02-30"}, "not a real date"),
        ({"name": "X", "status": "passed"}, "needs the day it was passed"),
        ({"name": "X", "passed_date": "2026-03-12"}, "in the future"),
        (
            {
                "name": "X",
                "status": "passed",
                "passed_date": "2026-01-01",
                "expiry_date": "2025-1-1",
            },
            'expiry date "2025-1-1" not understood',
        ),
        (
            {
                "name": "X",
                "status": "passed",
                "passed_date": "2026-01-01",
                "expiry_date": "2025-12-31",
            },
            "before the passed date",
        ),
        ({"name": "X", "credential_url": "example.org"}, "http"),
        ({"name": "X", "cost": "lots"}, "amount"),
    ],
)
def test_form_rejections(fields: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_certificate_form(fields, TODAY)


def test_passed_form_defaults_to_today() -> None:
    result = parse_passed_form("", " ABC-123 ", "2029-03-11", TODAY)
    assert result.passed_date == TODAY
    assert result.credential_id == "ABC-123"
    assert result.expiry_date == date(2029, 3, 11)
    with pytest.raises(ValidationError, match="future"):
        parse_passed_form("2026-03-12", "", "", TODAY)


@pytest.mark.parametrize(
    ("amount", "currency", "cents", "code"),
    [
        ("", "", 0, "USD"),  # nothing typed: nothing spent, in the default currency
        ("  ", "eur", 0, "EUR"),
        ("445", "usd", 44500, "USD"),
        ("1,200.5", "EUR", 120050, "EUR"),
        ("200 EUR", "eur", 20000, "EUR"),
        ("$200", "USD", 20000, "USD"),
        ("0", "USD", 0, "USD"),  # a free exam
    ],
)
def test_cost_and_currency(amount: str, currency: str, cents: int, code: str) -> None:
    cost = parse_cost(amount, currency)
    assert (cost.cents, cost.currency) == (cents, code)


@pytest.mark.parametrize(
    ("amount", "currency", "message"),
    [
        ("€200", "USD", "the cost is in EUR but the currency is USD"),
        ("200 GBP", "", "the cost is in GBP but the currency is USD"),
        ("lots", "USD", 'amount "lots" not understood'),
        ("-5", "USD", "negative"),
        ("1.999", "USD", "more than two decimals"),
        ("99999999999", "USD", "implausibly large"),
        ("200", "euro", "three-letter"),
    ],
)
def test_cost_rejections(amount: str, currency: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_cost(amount, currency)


def test_retake_date_is_blank_or_not_in_the_past() -> None:
    assert parse_retake("", TODAY) is None
    assert parse_retake("today", TODAY) == TODAY
    assert parse_retake("2026-04-20", TODAY) == date(2026, 4, 20)
    with pytest.raises(ValidationError, match="the new exam date 2026-03-10 has already gone"):
        parse_retake("2026-03-10", TODAY)
    with pytest.raises(ValidationError, match='new exam date "soon" not understood'):
        parse_retake("soon", TODAY)


def test_reminder_text_of_a_retired_exam() -> None:
    retired = Reminder("MLS", "retired", date(2026, 3, 31), "MLA (MLA-C01)")
    assert reminder_text(retired, date(2026, 11, 29)) == (
        "MLS: exam retired on 2026-03-31, successor MLA (MLA-C01)"
    )
    assert reminder_text(retired, date(2026, 3, 1)) == (
        "MLS: exam retires on 2026-03-31, successor MLA (MLA-C01)"
    )
    no_successor = Reminder("Old", "retired", date(2026, 3, 31))
    assert reminder_text(no_successor, date(2026, 11, 29)) == "Old: exam retired on 2026-03-31"
