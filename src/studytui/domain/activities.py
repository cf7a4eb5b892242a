"""Side activities: statuses and how an activity moves through them, money, totals per kind,
and the quiet-week suggestion. Pure: `today` is always an argument."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Generic, Protocol, TypeVar

from studytui.domain.content import ACTIVITY_KINDS, ActivityIdea
from studytui.domain.days import iso_day, parse_day
from studytui.domain.errors import ValidationError
from studytui.domain.money import DEFAULT_CURRENCY, Money, format_money, parse_money
from studytui.domain.web import parse_web_address

KINDS = ACTIVITY_KINDS
KIND_LABELS = {
    "teaching": "Teaching",
    "writing": "Writing",
    "talk": "Talks",
    "competition": "Competitions",
    "freelance": "Freelancing",
}
# The life of an activity, in the order the next/previous keys walk it.
STATUSES = ("idea", "planned", "active", "done", "dropped")
# The order groups are listed in: what is under way first, what is over last.
STATUS_DISPLAY_ORDER = ("active", "planned", "idea", "done", "dropped")
STATUS_LABELS = {
    "idea": "Ideas",
    "planned": "Planned",
    "active": "Active",
    "done": "Done",
    "dropped": "Dropped",
}
ENDED = frozenset({"done", "dropped"})

TITLE_MAX = 300

# A week is quiet when the last 7 days hold less than this share of the weekly goal: under half
# the usual time means a project is waiting on something, not that the week was merely light.
QUIET_NUMERATOR, QUIET_DENOMINATOR = 1, 2
QUIET_DAYS = 7

_DATE_HINT = "use YYYY-MM-DD, or leave it empty"


# --- kinds and statuses ----------------------------------------------------------------------


def parse_kind(text: str) -> str:
    """A kind by its name or label, any case, or a unique prefix ("teach", "talks")."""
    cleaned = text.strip().casefold()
    for kind in KINDS:
        if cleaned in (kind, KIND_LABELS[kind].casefold()):
            return kind
    prefixed = [k for k in KINDS if cleaned and k.startswith(cleaned)]
    if len(prefixed) == 1:
        return prefixed[0]
    raise ValidationError(f'unknown kind "{text.strip()}": use one of {", ".join(KINDS)}')


def parse_status(text: str) -> str:
    cleaned = text.strip().casefold()
    if cleaned in STATUSES:
        return cleaned
    raise ValidationError(f'unknown status "{text.strip()}": use one of {", ".join(STATUSES)}')


def moved_status(status: str, step: int) -> str:
    """The status `step` places along STATUSES (1 = next, -1 = previous).

    Raises at either end rather than wrapping: "dropped" turning back into "idea" on one more key
    press would be a surprise, not a feature.
    """
    index = STATUSES.index(parse_status(status)) + step
    if index < 0:
        raise ValidationError(f'"{status}" is the first status; there is none before it')
    if index >= len(STATUSES):
        raise ValidationError(f'"{status}" is the last status; there is none after it')
    return STATUSES[index]


def stamp_dates(
    old: str | None, new: str, start: date | None, end: date | None, today: date
) -> tuple[date | None, date | None]:
    """Start and end dates after a change of status from `old` (None for a new activity).

    Becoming active stamps the start (keeping one already in the past); ending stamps the end
    (keeping one already set); going back to idea, planned or active clears the end, since the
    activity is not over any more. A status that does not change leaves the dates alone.
    An end before the start, or an end given to a new activity that has not ended, is refused.
    """
    # What was typed is refused rather than quietly dropped: an end before the start, or an
    # end for a new activity that has not ended.
    if start is not None and end is not None and end < start:
        raise ValidationError(f"end date {end} is before the start date {start}")
    if old is None and end is not None and new not in ENDED:
        raise ValidationError(
            f"only a done or dropped activity has an end date (this is {new}): "
            "clear the end date, or choose done or dropped"
        )
    if old == new:
        return start, end
    if new == "active":
        return (start if start is not None and start <= today else today), None
    if new in ENDED:
        return start, (end if end is not None else today)
    return start, None


def check_dates(status: str, start: date | None, end: date | None, today: date) -> None:
    if end is not None and status not in ENDED:
        raise ValidationError(f"only a done or dropped activity has an end date (this is {status})")
    if end is not None and end > today:
        raise ValidationError(f"end date {end} is in the future: today is {today}")
    if start is not None and end is not None and end < start:
        raise ValidationError(f"end date {end} is before the start date {start}")
    if start is not None and status in ("active", *ENDED) and start > today:
        raise ValidationError(f"start date {start} is in the future for a {status} activity")


# --- what a form or a command line gives us ----------------------------------------------------


@dataclass(frozen=True)
class ActivityInput:
    """A checked activity as the user described it, before any dates are stamped."""

    kind: str
    title: str
    status: str = "idea"
    description: str = ""
    link: str = ""
    start_date: date | None = None
    end_date: date | None = None
    outcome: str = ""
    idea_key: str | None = None


def parse_optional_date(text: str, what: str) -> date | None:
    return iso_day(text, what, _DATE_HINT) if text.strip() else None


def parse_link(text: str) -> str:
    return parse_web_address(text, "link")


def parse_title(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValidationError("an activity needs a title")
    if len(cleaned) > TITLE_MAX:
        raise ValidationError(f"title is too long: at most {TITLE_MAX} characters")
    return cleaned


def parse_activity(
    *,
    kind: str,
    title: str,
    status: str = "idea",
    description: str = "",
    link: str = "",
    start: str = "",
    end: str = "",
    outcome: str = "",
    idea_key: str | None = None,
) -> ActivityInput:
    """An ActivityInput from typed text; the first problem found raises ValidationError."""
    return ActivityInput(
        kind=parse_kind(kind),
        title=parse_title(title),
        status=parse_status(status),
        description=description.strip(),
        link=parse_link(link),
        start_date=parse_optional_date(start, "start date"),
        end_date=parse_optional_date(end, "end date"),
        outcome=outcome.strip(),
        idea_key=idea_key,
    )


def from_idea(idea: ActivityIdea) -> ActivityInput:
    """A new activity prefilled from a built-in idea; the user edits it before saving."""
    return ActivityInput(
        kind=idea.kind,
        title=idea.title,
        description=f"Takes: {idea.takes}\nBrings: {idea.brings}",
        idea_key=idea.key,
    )


# --- payments and what they show ------------------------------------------------------------


@dataclass(frozen=True)
class PaymentDraft:
    """A payment as the payment form gives it: already checked."""

    money: Money
    received_on: date
    note: str = ""


def check_payment(money: Money, received_on: date, today: date) -> None:
    if money.cents <= 0:
        raise ValidationError("a payment must be more than zero: enter what you received")
    if received_on > today:
        raise ValidationError(f"payment date {received_on} is in the future: today is {today}")


def parse_payment(
    amount: str, received_on: str, note: str, *, today: date, currency: str = DEFAULT_CURRENCY
) -> PaymentDraft:
    """The payment form's fields; `currency` is the one meant when the amount names none."""
    money = parse_money(amount, currency)
    day = parse_day(received_on, today)
    check_payment(money, day, today)
    return PaymentDraft(money, day, note.strip())


class ListedActivity(Protocol):
    """A row of the activity list, as its columns sort it."""

    @property
    def title(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def minutes(self) -> int: ...
    @property
    def earnings(self) -> Mapping[str, int]: ...
    @property
    def start_date(self) -> date | None: ...


def _position(value: str, order: Sequence[str]) -> int:
    return order.index(value) if value in order else len(order)


SORT_KEYS: dict[str, Callable[[ListedActivity], Any]] = {
    "status": lambda a: _position(a.status, STATUS_DISPLAY_ORDER),
    "kind": lambda a: _position(a.kind, KINDS),
    "title": lambda a: a.title.casefold(),
    "hours": lambda a: a.minutes or None,
    "earnings": lambda a: sum(a.earnings.values()) or None,  # currencies are not converted
    "dates": lambda a: a.start_date,
}


def format_span(start: date | None, end: date | None) -> str:
    """`2026-01-05 → 2026-03-11`, `since 2026-01-05`, `ended 2026-03-11` or empty."""
    if start and end:
        return f"{start} → {end}"
    if start:
        return f"since {start}"
    return f"ended {end}" if end else ""


def format_earnings(earnings: Mapping[str, int]) -> str:
    """Sums per currency, e.g. `500.00 USD + 120.00 EUR`; empty when nothing was paid."""
    return " + ".join(format_money(earnings[c], c) for c in sorted(earnings) if earnings[c])


# --- groups ------------------------------------------------------------------------------------


class Grouped(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def status(self) -> str: ...


G = TypeVar("G", bound=Grouped)
GROUPINGS = ("status", "kind")


@dataclass(frozen=True)
class ActivityGroup(Generic[G]):
    key: str  # the status or kind the group holds
    label: str
    rows: tuple[G, ...]


def group_activities(rows: Iterable[G], by: str) -> tuple[ActivityGroup[G], ...]:
    """Non-empty groups by "status" (what is under way first) or by "kind" (in KINDS order),
    each keeping the order of `rows`."""
    items = list(rows)
    if by == "kind":
        keys, labels = KINDS, KIND_LABELS
        groups = [(k, tuple(r for r in items if r.kind == k)) for k in keys]
    else:
        keys, labels = STATUS_DISPLAY_ORDER, STATUS_LABELS
        groups = [(k, tuple(r for r in items if r.status == k)) for k in keys]
    return tuple(ActivityGroup(k, labels[k], group) for k, group in groups if group)


# --- totals per kind ---------------------------------------------------------------------------


class HasFigures(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def minutes(self) -> int: ...
    @property
    def earnings(self) -> Mapping[str, int]: ...


@dataclass(frozen=True)
class KindTotal:
    kind: str
    count: int
    minutes: int
    earnings: Mapping[str, int]  # currency -> cents; never added across currencies


def totals_by_kind(activities: Iterable[HasFigures]) -> tuple[KindTotal, ...]:
    """Per kind with at least one activity, in KINDS order: count, minutes, earnings."""
    counts: dict[str, int] = {}
    minutes: dict[str, int] = {}
    money: dict[str, dict[str, int]] = {}
    for activity in activities:
        counts[activity.kind] = counts.get(activity.kind, 0) + 1
        minutes[activity.kind] = minutes.get(activity.kind, 0) + activity.minutes
        per_currency = money.setdefault(activity.kind, {})
        for currency, cents in activity.earnings.items():
            per_currency[currency] = per_currency.get(currency, 0) + cents
    order = [k for k in KINDS if k in counts] + sorted(k for k in counts if k not in KINDS)
    return tuple(KindTotal(k, counts[k], minutes[k], dict(money[k])) for k in order)


def grand_total(totals: Iterable[KindTotal]) -> KindTotal:
    """All kinds together; `kind` is "all"."""
    items = list(totals)
    earnings: dict[str, int] = {}
    for item in items:
        for currency, cents in item.earnings.items():
            earnings[currency] = earnings.get(currency, 0) + cents
    return KindTotal("all", sum(i.count for i in items), sum(i.minutes for i in items), earnings)


# --- the quiet week ----------------------------------------------------------------------------


def quiet_window(today: date) -> tuple[date, date]:
    """The last 7 study days, today included."""
    return today - timedelta(days=QUIET_DAYS - 1), today


def is_quiet_week(last_7_days_minutes: int, weekly_goal: int) -> bool:
    """Under half the weekly goal in the last 7 days. With no goal there is nothing to be
    under, so no week is quiet."""
    if weekly_goal <= 0:
        return False
    return last_7_days_minutes * QUIET_DENOMINATOR < weekly_goal * QUIET_NUMERATOR


def suggest_idea(
    ideas: Sequence[ActivityIdea],
    used_keys: Iterable[str | None],
    *,
    last_7_days_minutes: int,
    weekly_goal: int,
    today: date,
) -> ActivityIdea | None:
    """One built-in idea the user has never added, in a quiet week; else None.

    The pick depends only on the date and the unused ideas, so the dashboard shows the same
    idea all day (no flicker on refresh) and a different one tomorrow.
    """
    if not is_quiet_week(last_7_days_minutes, weekly_goal):
        return None
    used = {key for key in used_keys if key}
    unused = [idea for idea in ideas if idea.key not in used]
    if not unused:
        return None
    return unused[today.toordinal() % len(unused)]
