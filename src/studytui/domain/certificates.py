"""Certificates: statuses, the dates that matter, reminders, and the values a user types.

Expired, expiring soon and exam upcoming are derived from the stored dates and `today`, never
stored, so they can never go stale. A certificate is still valid on its expiry date.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal, Protocol, TypeVar

from studytui.domain.content import TRACKS
from studytui.domain.days import iso_day
from studytui.domain.errors import ValidationError
from studytui.domain.money import DEFAULT_CURRENCY, Money, parse_currency, parse_money
from studytui.domain.web import parse_web_address

STATUSES = ("planned", "preparing", "exam_booked", "passed", "failed")
STATUS_LABELS = {
    "planned": "planned",
    "preparing": "preparing",
    "exam_booked": "exam booked",
    "passed": "passed",
    "failed": "failed",
}
TRACK_LABELS = {
    "cloud": "cloud",
    "data_engineering": "data engineering",
    "ml": "ML",
    "other": "other",
}

EXPIRING_SOON_DAYS = 90
EXAM_UPCOMING_DAYS = 30
RECENT_PASS_MONTHS = 24
MAX_NAME = 300

ReminderKind = Literal["exam", "expiry", "retired"]


class CertificateDates(Protocol):
    """What the date rules need; a db row or any object with these attributes fits."""

    @property
    def name(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def exam_date(self) -> date | None: ...
    @property
    def passed_date(self) -> date | None: ...
    @property
    def expiry_date(self) -> date | None: ...


C = TypeVar("C", bound=CertificateDates)


@dataclass(frozen=True)
class Reminder:
    certificate: str
    kind: ReminderKind
    date: datetime.date  # the exam, the expiry, or the retired exam's last day
    successor: str = ""  # for "retired": what to take instead

    def days_left(self, today: datetime.date) -> int:
        return (self.date - today).days


# --- derived states ----------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months; the 31st becomes the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def is_expired(expiry: date | None, today: date) -> bool:
    return expiry is not None and expiry < today


def is_expiring_soon(expiry: date | None, today: date) -> bool:
    """Still valid, but not for more than EXPIRING_SOON_DAYS."""
    return expiry is not None and today <= expiry <= today + timedelta(days=EXPIRING_SOON_DAYS)


def has_exam_ahead(cert: CertificateDates, today: date) -> bool:
    """An exam on or after today that is still to be taken (any distance ahead)."""
    return cert.status != "passed" and cert.exam_date is not None and cert.exam_date >= today


def is_exam_upcoming(cert: CertificateDates, today: date) -> bool:
    """An exam still to be taken within EXAM_UPCOMING_DAYS."""
    exam = cert.exam_date
    if exam is None or not has_exam_ahead(cert, today):
        return False
    return exam <= today + timedelta(days=EXAM_UPCOMING_DAYS)


def validity_text(cert: CertificateDates, today: date) -> str:
    """ "expired", "expires soon", "valid" or "" for a certificate without an expiry date."""
    if cert.status != "passed" or cert.expiry_date is None:
        return ""
    if is_expired(cert.expiry_date, today):
        return "expired"
    if is_expiring_soon(cert.expiry_date, today):
        return "expires soon"
    return "valid"


def proposed_expiry(passed: date, validity_months: int) -> date | None:
    """The expiry date of a certificate that lasts `validity_months` (0: never expires).

    Providers date expiry from the exam day ("valid for 3 years"), so the same day N months on.
    """
    if validity_months <= 0:
        return None
    return add_months(passed, validity_months)


def sort_certificates(certs: Iterable[C], today: date) -> list[C]:
    """What matters first: exams coming up (soonest first), then preparing, then passed (most
    recent first), then the rest (planned, failed, booked exams whose date has gone)."""

    def key(cert: C) -> tuple[int, int, str]:
        name = cert.name.casefold()
        if has_exam_ahead(cert, today):
            return 0, cert.exam_date.toordinal(), name  # type: ignore[union-attr]
        if cert.status == "preparing":
            return 1, 0, name
        if cert.status == "passed":
            passed = cert.passed_date.toordinal() if cert.passed_date else 0
            return 2, -passed, name
        return 3, STATUSES.index(cert.status) if cert.status in STATUSES else 9, name

    return sorted(certs, key=key)


class ListedCertificate(CertificateDates, Protocol):
    """A row of the certificate list: the dates, and the time and money spent."""

    @property
    def minutes(self) -> int: ...
    @property
    def cost_cents(self) -> int: ...


def shown_date(cert: CertificateDates, today: date) -> date | None:
    """The one date that matters now: the exam ahead, else the pass, else a past exam."""
    if has_exam_ahead(cert, today):
        return cert.exam_date
    if cert.status == "passed" and cert.passed_date:
        return cert.passed_date
    return cert.exam_date


def sort_keys(today: date) -> dict[str, Callable[[ListedCertificate], Any]]:
    """How the list sorts by each of its columns (None: an empty cell, listed last)."""
    return {
        "name": lambda c: c.name.casefold(),
        "status": lambda c: STATUSES.index(c.status) if c.status in STATUSES else len(STATUSES),
        "date": lambda c: shown_date(c, today),
        "expires": lambda c: c.expiry_date,
        "logged": lambda c: c.minutes or None,
        "cost": lambda c: c.cost_cents or None,  # currencies are not converted
    }


def passed_recently(certs: Iterable[CertificateDates], today: date) -> int:
    """How many were passed in the last RECENT_PASS_MONTHS months, today included."""
    since = add_months(today, -RECENT_PASS_MONTHS)
    return sum(
        1
        for c in certs
        if c.status == "passed" and c.passed_date is not None and since < c.passed_date <= today
    )


def reminders_for(certs: Iterable[CertificateDates], today: date) -> list[Reminder]:
    """Exams within EXAM_UPCOMING_DAYS and expiries within EXPIRING_SOON_DAYS, soonest first."""
    found: list[Reminder] = []
    for cert in certs:
        if is_exam_upcoming(cert, today):
            found.append(Reminder(cert.name, "exam", cert.exam_date))  # type: ignore[arg-type]
        if cert.status == "passed" and is_expiring_soon(cert.expiry_date, today):
            found.append(Reminder(cert.name, "expiry", cert.expiry_date))  # type: ignore[arg-type]
    return sort_reminders(found)


def sort_reminders(reminders: Iterable[Reminder]) -> list[Reminder]:
    """Soonest first; a retired exam's last day has usually passed, so those lead."""
    return sorted(reminders, key=lambda r: (r.date, r.kind, r.certificate.casefold()))


def reminder_text(reminder: Reminder, today: date) -> str:
    if reminder.kind == "retired":
        verb = "retired on" if reminder.date < today else "retires on"
        successor = f", successor {reminder.successor}" if reminder.successor else ""
        return f"{reminder.certificate}: exam {verb} {reminder.date.isoformat()}{successor}"
    days = reminder.days_left(today)
    when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    what = "exam" if reminder.kind == "exam" else "expires"
    return f"{reminder.certificate}: {what} {when} ({reminder.date.isoformat()})"


# --- other values typed in a form --------------------------------------------------------------


def parse_date(text: str, today: date, what: str, *, past_only: bool = False) -> date | None:
    """A YYYY-MM-DD (or "today") date for the field `what`; blank means none."""
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    if cleaned == "today":
        return today
    day = iso_day(text, what, "use YYYY-MM-DD")
    if past_only and day > today:
        raise ValidationError(f"{what} {day} is in the future: today is {today}")
    return day


def parse_status(text: str) -> str:
    cleaned = text.strip().lower().replace(" ", "_")
    if cleaned not in STATUSES:
        raise ValidationError(
            f'status "{text.strip()}" not understood: use {", ".join(STATUS_LABELS.values())}'
        )
    return cleaned


def parse_track(text: str) -> str:
    cleaned = text.strip().lower().replace(" ", "_")
    if cleaned not in TRACKS:
        raise ValidationError(
            f'track "{text.strip()}" not understood: use {", ".join(TRACK_LABELS.values())}'
        )
    return cleaned


def parse_name(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValidationError("a certificate needs a name")
    if len(cleaned) > MAX_NAME:
        raise ValidationError(f"a certificate name can be at most {MAX_NAME} characters")
    return cleaned


def parse_cost(amount: str, currency: str) -> Money:
    """The form's cost and currency fields: a blank cost is nothing spent. A currency typed
    with the amount ("200 EUR") must agree with the currency field."""
    code = parse_currency(currency or DEFAULT_CURRENCY)
    if not amount.strip():
        return Money(0, code)
    cost = parse_money(amount, code)
    if cost.currency != code:
        raise ValidationError(
            f"the cost is in {cost.currency} but the currency is {code}: make them agree"
        )
    return cost


def parse_url(text: str) -> str:
    return parse_web_address(text, "credential URL")


@dataclass(frozen=True)
class CertificateInput:
    """A certificate as the add/edit form and the db layer exchange it: already validated."""

    name: str
    provider: str = ""
    track: str = "other"
    status: str = "planned"
    exam_date: date | None = None
    passed_date: date | None = None
    expiry_date: date | None = None
    credential_id: str = ""
    credential_url: str = ""
    cost_cents: int = 0
    currency: str = "USD"
    notes: str = ""


def check_dates(status: str, passed: date | None, expiry: date | None, today: date) -> None:
    if status == "passed" and passed is None:
        raise ValidationError("a passed certificate needs the day it was passed")
    if passed is not None and passed > today:
        raise ValidationError(f"passed date {passed} is in the future: today is {today}")
    if passed is not None and expiry is not None and expiry < passed:
        raise ValidationError(f"expiry date {expiry} is before the passed date {passed}")


def parse_certificate_form(fields: Mapping[str, str], today: date) -> CertificateInput:
    """The add/edit form's text fields in, a checked CertificateInput out."""

    def get(name: str) -> str:
        return fields.get(name, "")

    status = parse_status(get("status") or "planned")
    passed = parse_date(get("passed_date"), today, "passed date", past_only=True)
    expiry = parse_date(get("expiry_date"), today, "expiry date")
    check_dates(status, passed, expiry, today)
    cost = parse_cost(get("cost"), get("currency"))
    return CertificateInput(
        name=parse_name(get("name")),
        provider=" ".join(get("provider").split()),
        track=parse_track(get("track") or "other"),
        status=status,
        exam_date=parse_date(get("exam_date"), today, "exam date"),
        passed_date=passed,
        expiry_date=expiry,
        credential_id=get("credential_id").strip(),
        credential_url=parse_url(get("credential_url")),
        cost_cents=cost.cents,
        currency=cost.currency,
        notes=get("notes").strip(),
    )


@dataclass(frozen=True)
class PassedInput:
    passed_date: date
    credential_id: str
    expiry_date: date | None


def parse_passed_form(passed: str, credential_id: str, expiry: str, today: date) -> PassedInput:
    """The mark-passed dialog: the passed day (blank: today), credential ID and expiry."""
    passed_day = parse_date(passed, today, "passed date", past_only=True) or today
    expiry_day = parse_date(expiry, today, "expiry date")
    check_dates("passed", passed_day, expiry_day, today)
    return PassedInput(passed_day, credential_id.strip(), expiry_day)


def check_retake(day: date | None, today: date) -> None:
    """A retake booked after a failed attempt cannot be in the past (None: not booked yet)."""
    if day is not None and day < today:
        raise ValidationError(f"the new exam date {day} has already gone")


def parse_retake(text: str, today: date) -> date | None:
    """The mark-failed question: the retake's exam day, blank if it is not booked yet."""
    day = parse_date(text, today, "new exam date")
    check_retake(day, today)
    return day


def failed_note(exam_day: date) -> str:
    """The line kept in the notes when an attempt fails, so a retake does not erase it."""
    return f"Failed the exam on {exam_day.isoformat()}."
