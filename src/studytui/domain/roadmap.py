"""The roadmap's arithmetic: progress, what to do next, pace, finish date and target shares.

Plain dataclasses in, plain values out; `today` is always an argument.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from studytui.domain.durations import format_minutes
from studytui.domain.errors import ValidationError

STATUSES = ("todo", "in_progress", "done", "skipped")
OPEN_STATUSES = frozenset({"todo", "in_progress"})
# Text marks, so the status reads without colour (screen readers, monochrome terminals).
STATUS_GLYPHS = {"todo": "[ ]", "in_progress": "[~]", "done": "[x]", "skipped": "[-]"}
STATUS_NAMES = {"todo": "todo", "in_progress": "in progress", "done": "done", "skipped": "skipped"}
PACE_WINDOW_DAYS = 28
MAX_ESTIMATE_HOURS = 2000


@dataclass(frozen=True)
class MilestoneInfo:
    id: str
    area_id: str
    title: str
    status: str
    estimate_hours: int
    position: int
    logged_minutes: int = 0
    requires: tuple[str, ...] = ()  # ids of prerequisite milestones
    new: bool = False  # added by a content update, not yet seen on the Roadmap
    dropped: bool = False  # no longer in its template; kept because the user worked on it

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def remaining_hours(self) -> float:
        """Estimated hours still to go; time already logged against it counts as progress."""
        if not self.is_open:
            return 0.0
        return max(0.0, self.estimate_hours - self.logged_minutes / 60)


@dataclass(frozen=True)
class Progress:
    done_hours: int
    total_hours: int  # estimates of every milestone that is not skipped

    @property
    def fraction(self) -> float:
        return self.done_hours / self.total_hours if self.total_hours else 0.0

    @property
    def percent(self) -> int:
        return int(self.fraction * 100)

    def bar(self, width: int = 20) -> str:
        filled = round(self.fraction * width)
        return "█" * filled + "░" * (width - filled)


def progress(milestones: Iterable[MilestoneInfo]) -> Progress:
    """Share of the estimated hours that is done; skipped milestones drop out of the total."""
    done = total = 0
    for m in milestones:
        if m.status == "skipped":
            continue
        total += m.estimate_hours
        if m.status == "done":
            done += m.estimate_hours
    return Progress(done, total)


def progress_by_area(milestones: Iterable[MilestoneInfo]) -> dict[str, Progress]:
    grouped: dict[str, list[MilestoneInfo]] = {}
    for m in milestones:
        grouped.setdefault(m.area_id, []).append(m)
    return {area_id: progress(items) for area_id, items in grouped.items()}


def next_up(milestones: Sequence[MilestoneInfo], limit: int | None = None) -> list[MilestoneInfo]:
    """Milestones in progress first, then todo ones whose prerequisites are all resolved, each
    group in the order given, which is roadmap order (areas in turn, each area's milestones in
    theirs). A skipped prerequisite counts as resolved: the user chose to go without it, and
    it should not block the rest of the plan forever."""
    status = {m.id: m.status for m in milestones}
    ordered = list(milestones)
    doing = [m for m in ordered if m.status == "in_progress"]
    ready = [
        m
        for m in ordered
        if m.status == "todo"
        and all(status.get(req, "done") in ("done", "skipped") for req in m.requires)
    ]
    result = doing + ready
    return result if limit is None else result[:limit]


def stamp_dates(
    new_status: str, today: date, started_on: date | None, done_on: date | None
) -> tuple[date | None, date | None]:
    """The (started_on, done_on) a milestone gets when its status changes to `new_status`."""
    if new_status not in STATUSES:
        raise ValidationError(f'unknown status "{new_status}": use one of {", ".join(STATUSES)}')
    if new_status == "todo":
        return None, None
    if new_status == "in_progress":
        return started_on or today, None
    if new_status == "done":
        # Finishing without ever starting it still means it was worked on up to today.
        return started_on or today, done_on or today
    return started_on, None


def _one_decimal(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def format_rate(hours_per_week: float) -> str:
    return f"{_one_decimal(hours_per_week).normalize():f} h a week"


@dataclass(frozen=True)
class Pace:
    hours_per_week: float  # average over the last PACE_WINDOW_DAYS
    remaining_hours: float
    finish: date | None  # None when too little is logged recently, or nothing is left
    recent_minutes: int = 0  # logged in the last PACE_WINDOW_DAYS

    def line(self) -> str:
        if self.remaining_hours <= 0:
            return "nothing left open on the roadmap"
        if self.recent_minutes <= 0:
            return "no study logged in the last 4 weeks: log some time to project a finish date"
        if self.finish is None:
            return (
                f"only {format_minutes(self.recent_minutes)} logged in the last 4 weeks: "
                "too little to project a finish date"
            )
        return f"at {format_rate(self.hours_per_week)}: about {self.finish.isoformat()}"


# Below this in the last 4 weeks, a projection says more about the arithmetic than the plan
# (10 minutes a month would "finish" in the 22nd century).
MIN_PACE_MINUTES = 2 * 60


def pace(minutes_last_window: int, remaining_hours: float, today: date) -> Pace:
    """Project the finish date from the average weekly hours of the last 4 weeks."""
    recent = max(0, minutes_last_window)
    per_week = recent / 60 / (PACE_WINDOW_DAYS / 7)
    if remaining_hours <= 0 or recent < MIN_PACE_MINUTES:
        return Pace(per_week, max(0.0, remaining_hours), None, recent)
    days = math.ceil(remaining_hours / per_week * 7)
    return Pace(per_week, remaining_hours, today + timedelta(days=days), recent)


def remaining_hours(milestones: Iterable[MilestoneInfo]) -> float:
    return sum(m.remaining_hours for m in milestones)


@dataclass(frozen=True)
class TargetCheck:
    target: date
    on_track: bool
    hours_per_week_needed: float | None  # None once the target date has passed

    def line(self) -> str:
        if self.on_track:
            return f"on track for your target date {self.target.isoformat()}"
        if self.hours_per_week_needed is None:
            return f"your target date {self.target.isoformat()} has passed: set a new one"
        return (
            f"to finish by {self.target.isoformat()} you need "
            f"{format_rate(self.hours_per_week_needed)}"
        )


def check_target(current: Pace, target: date, today: date) -> TargetCheck:
    """Whether the projected finish meets the target, and the weekly hours it would take."""
    if current.remaining_hours <= 0:
        return TargetCheck(target, True, 0.0)
    if target <= today:
        return TargetCheck(target, False, None)
    needed = current.remaining_hours / ((target - today).days / 7)
    on_track = current.finish is not None and current.finish <= target
    return TargetCheck(target, on_track, needed)


# --- target shares -----------------------------------------------------------------------------


def parse_share(text: str, area: str = "") -> int:
    cleaned = text.strip().removesuffix("%").strip()
    where = f"{area}: " if area else ""
    if not re.fullmatch(r"[0-9]{1,3}", cleaned) or int(cleaned) > 100:
        raise ValidationError(f'{where}share "{text.strip()}" not accepted: use 0 to 100')
    return int(cleaned)


def check_shares(shares: Mapping[str, str | int]) -> dict[str, int]:
    """Parse every area's share (name -> typed text or number); they must add up to 100."""
    parsed = {
        name: value if isinstance(value, int) else parse_share(value, name)
        for name, value in shares.items()
    }
    for name, value in parsed.items():
        if not 0 <= value <= 100:
            raise ValidationError(f'{name}: share "{value}" not accepted: use 0 to 100')
    total = sum(parsed.values())
    if parsed and total != 100:
        raise ValidationError(f"shares must add up to 100%, but they add up to {total}%")
    return parsed


def kept_shipped_shares(stored: Mapping[str, int], shipped: Mapping[str, int]) -> bool:
    """Whether the target shares are still the ones a template shipped with: `stored` maps
    each built-in area's key to its share now, `shipped` the template's areas to theirs. Only
    then may a template (a new release, another starting point) set them: shares the user
    chose are theirs."""
    return dict(stored) == dict(shipped) and sum(stored.values()) == 100


# --- milestone fields ------------------------------------------------------------------------


MAX_TITLE = 300


def check_title(text: str, what: str = "title") -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValidationError(f"the {what} is empty: type a few words")
    if len(cleaned) > MAX_TITLE:
        raise ValidationError(f"the {what} is too long: at most {MAX_TITLE} characters")
    return cleaned


def _estimate_refused(shown: str) -> ValidationError:
    return ValidationError(
        f'estimate "{shown}" not accepted: use whole hours from 0 to {MAX_ESTIMATE_HOURS}'
    )


def parse_estimate(text: str) -> int:
    cleaned = text.strip().lower().removesuffix("h").strip()
    if not re.fullmatch(r"[0-9]+", cleaned) or not 0 <= int(cleaned) <= MAX_ESTIMATE_HOURS:
        raise _estimate_refused(text.strip())
    return int(cleaned)


@dataclass(frozen=True)
class MilestoneDraft:
    """A milestone as its form gives it: title, estimated hours, why it matters."""

    title: str
    estimate_hours: int = 10
    why: str = ""


def check_milestone(draft: MilestoneDraft) -> MilestoneDraft:
    """The draft as it is stored: title and why tidied, the estimate within range."""
    title = check_title(draft.title)
    if not 0 <= draft.estimate_hours <= MAX_ESTIMATE_HOURS:
        raise _estimate_refused(str(draft.estimate_hours))
    return MilestoneDraft(title, draft.estimate_hours, draft.why.strip())


@dataclass(frozen=True)
class SharesDraft:
    """Every area's target share, as (area id, percent), from the shares form."""

    shares: tuple[tuple[str, int], ...]
