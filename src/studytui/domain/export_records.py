"""The records of an export file, and how each field is read from JSON.

Pure: the readers raise ValueError with the problem; export_format adds where it happened.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from studytui.domain import activities, certificates, roadmap
from studytui.domain.content import TRACKS
from studytui.domain.days import EARLIEST_DAY
from studytui.domain.errors import ValidationError
from studytui.domain.money import parse_currency
from studytui.domain.web import parse_web_address

# Limits for values no real study record reaches, so a hostile or broken file cannot make the
# import allocate without bound or store something the screens cannot show.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_RECORDS = 500_000
LONG_TEXT = 100_000
MAX_CENTS = 10**12

ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class AreaRecord:
    id: str
    key: str | None
    name: str
    share: int
    position: int
    description: str


@dataclass(frozen=True)
class ResourceRecord:
    id: str
    title: str
    url: str
    position: int


@dataclass(frozen=True)
class MilestoneRecord:
    id: str
    area_id: str
    key: str | None
    template: str | None
    title: str
    why: str
    status: str
    estimate_hours: int
    position: int
    notes: str
    started_on: date | None
    done_on: date | None
    resources: tuple[ResourceRecord, ...]
    prerequisites: tuple[str, ...]  # ids of the milestones this one requires


@dataclass(frozen=True)
class CertificateRecord:
    id: str
    catalogue_key: str | None
    name: str
    provider: str
    track: str
    status: str
    exam_date: date | None
    passed_date: date | None
    expiry_date: date | None
    credential_id: str
    credential_url: str
    cost_cents: int
    currency: str
    notes: str
    created_at: datetime


@dataclass(frozen=True)
class ActivityRecord:
    id: str
    idea_key: str | None
    kind: str
    title: str
    description: str
    status: str
    link: str
    start_date: date | None
    end_date: date | None
    outcome: str
    created_at: datetime


@dataclass(frozen=True)
class PaymentRecord:
    id: str
    activity_id: str
    amount_cents: int
    currency: str
    received_on: date
    note: str


@dataclass(frozen=True)
class EntryRecord:
    id: str
    day: date
    minutes: int
    area_id: str
    milestone_id: str | None
    certificate_id: str | None
    activity_id: str | None
    note: str
    created_at: datetime


@dataclass(frozen=True)
class TimerRecord:
    area_id: str
    milestone_id: str | None
    started_at: datetime
    note: str


@dataclass(frozen=True)
class ExportDocument:
    exported_at: datetime
    settings: dict[str, str]
    areas: tuple[AreaRecord, ...]
    milestones: tuple[MilestoneRecord, ...]
    certificates: tuple[CertificateRecord, ...]
    activities: tuple[ActivityRecord, ...]
    payments: tuple[PaymentRecord, ...]
    log_entries: tuple[EntryRecord, ...]
    timer: TimerRecord | None
    # The built-in content version the roadmap was built from (db.content_sync); None in files
    # written before content versions, which were all studytui 0.1.0's content.
    content_version: int | None = None


# --- field specs: (reader from JSON, writer to JSON) per field --------------------------------

Reader = Callable[[Any], Any]  # raises ValueError with the problem; returns the typed value


def _text(limit: int, *, optional: bool = False) -> Reader:
    def read(value: Any) -> Any:
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise ValueError("must be text" + (" or null" if optional else ""))
        if len(value) > limit:
            raise ValueError(f"is {len(value)} characters long; at most {limit} fit")
        if not _is_unicode(value):
            raise ValueError("holds an escaped half of a character (\\ud800 to \\udfff)")
        return value

    return read


def _is_unicode(value: str) -> bool:
    """False for text with a lone surrogate, which JSON can spell but UTF-8 cannot store."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _int(low: int, high: int) -> Reader:
    def read(value: Any) -> Any:
        # bool is an int to Python but never a sensible count of minutes or cents.
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("must be a whole number")
        if not low <= value <= high:
            raise ValueError(f"must be from {low} to {high}, not {value}")
        return value

    return read


def _one_of(choices: tuple[str, ...]) -> Reader:
    """A value from a fixed list (a status, a kind, a track): the screens look each one up,
    so an unknown one would break them."""

    def read(value: Any) -> Any:
        if value not in choices:
            shown = repr(value)[:40]
            raise ValueError(f"must be one of {', '.join(choices)}, not {shown}")
        return value

    return read


def _typed(parse: Callable[[str], str], limit: int) -> Reader:
    """Text that must pass the rule the same field passes when typed (`parse`), unchanged."""
    as_text = _text(limit)

    def read(value: Any) -> Any:
        try:
            cleaned = parse(as_text(value))
        except ValidationError as exc:
            raise ValueError(f"is not accepted: {exc}") from None
        if cleaned != value:
            raise ValueError(f"is not accepted: {value!r} is not written as {cleaned!r}")
        return value

    return read


def _web(what: str) -> Reader:
    return _typed(lambda text: parse_web_address(text, what), 2000)


_CURRENCY = _typed(parse_currency, 8)


def read_id(value: Any) -> str:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise ValueError("must be an id of 1 to 32 letters, digits, - or _")
    return value


def _optional_id(value: Any) -> str | None:
    return None if value is None else read_id(value)


def _day(optional: bool = False) -> Reader:
    def read(value: Any) -> Any:
        if value is None and optional:
            return None
        if not isinstance(value, str) or not _DAY.match(value):
            raise ValueError("must be a date written YYYY-MM-DD")
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise ValueError(f'"{value}" is not a real date') from None
        if day < EARLIEST_DAY:  # the rule a typed date passes (domain.days.iso_day)
            raise ValueError(f'"{value}" is before {EARLIEST_DAY}, the earliest date')
        return day

    return read


def read_moment(value: Any) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError("must be a date and time such as 2026-03-11T20:30:00+00:00")
    try:
        parsed = datetime.fromisoformat(value)
        # The database keeps UTC without an offset; a naive time in a file means the same.
        moment = parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except (ValueError, OverflowError):  # year 1 with an offset is before the first moment
        raise ValueError(f'"{value}" is not a date and time') from None
    if moment.date() < EARLIEST_DAY:
        raise ValueError(f'"{value}" is before {EARLIEST_DAY}, the earliest date')
    return moment


def format_moment(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


_POSITION = _int(-(10**9), 10**9)

AREA_FIELDS: dict[str, Reader] = {
    "id": read_id,
    "key": _text(64, optional=True),
    "name": _text(200),
    "share": _int(0, 100),
    "position": _POSITION,
    "description": _text(2000),
}
RESOURCE_FIELDS: dict[str, Reader] = {
    "id": read_id,
    "title": _text(300),
    "url": _web("url"),
    "position": _POSITION,
}
MILESTONE_FIELDS: dict[str, Reader] = {
    "id": read_id,
    "area_id": read_id,
    "key": _text(64, optional=True),
    "template": _text(64, optional=True),
    "title": _text(300),
    "why": _text(2000),
    "status": _one_of(roadmap.STATUSES),
    "estimate_hours": _int(0, 100_000),
    "position": _POSITION,
    "notes": _text(LONG_TEXT),
    "started_on": _day(optional=True),
    "done_on": _day(optional=True),
}
CERTIFICATE_FIELDS: dict[str, Reader] = {
    "id": read_id,
    "catalogue_key": _text(64, optional=True),
    "name": _text(300),
    "provider": _text(200),
    "track": _one_of(TRACKS),
    "status": _one_of(certificates.STATUSES),
    "exam_date": _day(optional=True),
    "passed_date": _day(optional=True),
    "expiry_date": _day(optional=True),
    "credential_id": _text(300),
    "credential_url": _web("credential URL"),
    "cost_cents": _int(0, MAX_CENTS),
    "currency": _CURRENCY,
    "notes": _text(LONG_TEXT),
    "created_at": read_moment,
}
ACTIVITY_FIELDS: dict[str, Reader] = {
    "id": read_id,
    "idea_key": _text(64, optional=True),
    "kind": _one_of(activities.KINDS),
    "title": _text(300),
    "description": _text(LONG_TEXT),
    "status": _one_of(activities.STATUSES),
    "link": _web("link"),
    "start_date": _day(optional=True),
    "end_date": _day(optional=True),
    "outcome": _text(LONG_TEXT),
    "created_at": read_moment,
}
PAYMENT_FIELDS: dict[str, Reader] = {
    "id": read_id,
    "activity_id": read_id,
    "amount_cents": _int(-MAX_CENTS, MAX_CENTS),
    "currency": _CURRENCY,
    "received_on": _day(),
    "note": _text(2000),
}
ENTRY_FIELDS: dict[str, Reader] = {
    "id": read_id,
    "day": _day(),
    "minutes": _int(1, 24 * 60),
    "area_id": read_id,
    "milestone_id": _optional_id,
    "certificate_id": _optional_id,
    "activity_id": _optional_id,
    "note": _text(LONG_TEXT),
    "created_at": read_moment,
}
TIMER_FIELDS: dict[str, Reader] = {
    "area_id": read_id,
    "milestone_id": _optional_id,
    "started_at": read_moment,
    "note": _text(LONG_TEXT),
}
