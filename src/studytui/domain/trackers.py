"""Reading the files other time trackers write, for `studytui import --from TRACKER`.

Pure: each reader takes the file's bytes and returns the tracked spans in it, or raises a
ValidationError naming the file, the record and the problem, in one line. The formats, as their
own documentation describes them:

- Watson's `frames` file: a JSON list of frames `[start, stop, project, id, tags, updated_at]`,
  times in epoch seconds (older versions wrote no tags).
- `timew export`: a JSON list of intervals `{"id", "start", "end", "tags", "annotation"}`, times
  in UTC as `20160405T162205Z`; the interval being tracked has no end. Its `id` is only its
  current position (`@1` is the latest), so an interval is known by its start.
- A Toggl Track detailed report exported as CSV: UTF-8, comma-separated, with English headers
  (User, Email, Client, Project, Task, Description, Billable, Start date, Start time,
  End date, End time, Duration, Tags, ...). Dates are YYYY-MM-DD and times hh:mm:ss in the
  Toggl profile's time zone, without an offset: they are read as this computer's local time.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from studytui.domain.errors import ValidationError
from studytui.domain.export_records import MAX_RECORDS
from studytui.domain.matching import Choice, match_one

TRACKERS = {"watson": "Watson", "timewarrior": "Timewarrior", "toggl": "Toggl Track"}

# Names a tracked span can carry that no real project or tag reaches: longer ones are refused,
# so the refusal listing unmatched names stays one readable line.
_MAX_NAME = 200
_MAX_TEXT = 100_000
_LISTED = 12
# Fixed for good: the entry ids of everything ever imported are derived from it.
_ID_NAMESPACE = uuid.UUID("6f0d1f8e-2b4a-5c1e-9a57-3c2f4e7b9d10")


@dataclass(frozen=True)
class TrackedSpan:
    """One span of tracked time, as its tracker recorded it."""

    key: str  # what the tracker knows it by: a frame id, a start time
    where: str  # how to point a user at it: "frame 3f2a9c1", "line 7"
    start: datetime  # aware
    end: datetime | None  # aware; None while it is still being tracked
    project: str
    tags: tuple[str, ...]
    description: str

    @property
    def names(self) -> tuple[str, ...]:
        """What can pick its study area, the project first."""
        return tuple(n for n in (self.project, *self.tags) if n.strip())

    @property
    def seconds(self) -> int:
        return int((self.end - self.start).total_seconds()) if self.end is not None else 0


def tracker_label(tracker: str) -> str:
    return TRACKERS[tracker]


def entry_id(tracker: str, key: str) -> str:
    """The id an imported span is stored under: the same span always gets the same id, so
    importing a file twice adds nothing. 32 hex digits, like every other record's id."""
    return uuid.uuid5(_ID_NAMESPACE, f"{tracker}:{key}").hex


def tracked_note(span: TrackedSpan) -> str:
    """The entry's note: the description, then the project and tags it was tracked under."""
    labels = [f"project: {span.project}"] if span.project.strip() else []
    if span.tags:
        labels.append("tags: " + ", ".join(span.tags))
    return "\n".join(part for part in (span.description.strip(), "; ".join(labels)) if part)


def read_tracker_file(tracker: str, data: bytes, *, file: str) -> list[TrackedSpan]:
    """Every span in the file, checked whole; keys made unique within the file."""
    if tracker not in _READERS:
        raise ValidationError(f"unknown tracker {tracker!r}: use one of {', '.join(TRACKERS)}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"{file}: is not UTF-8 text; {_hint(tracker)}") from None
    spans = _READERS[tracker](text, file)
    if len(spans) > MAX_RECORDS:
        raise ValidationError(f"{file}: has {len(spans)} records; at most {MAX_RECORDS} fit")
    return _unique_keys(spans)


def _unique_keys(spans: list[TrackedSpan]) -> list[TrackedSpan]:
    # Two spans with one key (the same start twice in Toggl) stay two entries: the second and
    # later ones are numbered in file order, which the same file repeats exactly.
    seen: Counter[str] = Counter()
    out = []
    for span in spans:
        seen[span.key] += 1
        out.append(
            span if seen[span.key] == 1 else replace(span, key=f"{span.key}#{seen[span.key]}")
        )
    return out


def _hint(tracker: str) -> str:
    return {
        "watson": "give Watson's `frames` file",
        "timewarrior": "give what `timew export` prints",
        "toggl": "give a Toggl Track detailed report exported as CSV",
    }[tracker]


def _one_line(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# --- Watson --------------------------------------------------------------------------------------


def _read_watson(text: str, file: str) -> list[TrackedSpan]:
    rows = _json_list(text, file, "watson")
    spans = []
    for number, row in enumerate(rows, start=1):
        where = f"frame {number}"
        if not isinstance(row, list) or len(row) < 4:
            raise _bad(file, where, "is not a frame [start, stop, project, id, tags, updated_at]")
        start, stop, project, frame_id = row[:4]
        tags = row[4] if len(row) > 4 and row[4] is not None else []
        if not isinstance(frame_id, str) or not frame_id.strip() or len(frame_id) > 64:
            raise _bad(file, where, "has no id")
        where = f"frame {frame_id[:7]}"
        spans.append(
            TrackedSpan(
                key=frame_id,
                where=where,
                start=_epoch(start, file, where, "start"),
                end=None if stop is None else _epoch(stop, file, where, "stop"),
                project=_name(project, file, where, "project"),
                tags=_tags(tags, file, where),
                description="",
            )
        )
    return _checked(spans, file)


def _epoch(value: Any, file: str, where: str, what: str) -> datetime:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _bad(file, where, f"its {what} is not a time in seconds")
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError):
        raise _bad(file, where, f"its {what} {value} is not a real time") from None


# --- Timewarrior ---------------------------------------------------------------------------------

_TIMEW_MOMENT = re.compile(r"\d{8}T\d{6}Z")


def _read_timewarrior(text: str, file: str) -> list[TrackedSpan]:
    spans = []
    for number, item in enumerate(_json_list(text, file, "timewarrior"), start=1):
        where = f"interval {number}"
        if not isinstance(item, dict) or "start" not in item:
            raise _bad(file, where, 'is not an interval {"start", "end", "tags", ...}')
        start = _timew_moment(item["start"], file, where, "start")
        where = f"interval started {item['start']}"
        end = item.get("end")
        annotation = item.get("annotation", "")
        if not isinstance(annotation, str) or len(annotation) > _MAX_TEXT:
            raise _bad(file, where, "its annotation is not text")
        spans.append(
            TrackedSpan(
                key=item["start"],
                where=where,
                start=start,
                end=None if end is None else _timew_moment(end, file, where, "end"),
                project="",
                tags=_tags(item.get("tags", []), file, where),
                description=annotation,
            )
        )
    return _checked(spans, file)


def _timew_moment(value: Any, file: str, where: str, what: str) -> datetime:
    if not isinstance(value, str) or not _TIMEW_MOMENT.fullmatch(value):
        raise _bad(file, where, f"its {what} is not a time such as 20160405T162205Z")
    try:
        return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        raise _bad(file, where, f"its {what} {value} is not a real time") from None


# --- Toggl Track ---------------------------------------------------------------------------------

_TOGGL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TOGGL_TIME = re.compile(r"\d{1,2}:\d{2}(:\d{2})?")
_TOGGL_DURATION = re.compile(r"(\d+):(\d{2}):(\d{2})")


def _read_toggl(text: str, file: str) -> list[TrackedSpan]:
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise ValidationError(f"{file}: not readable as CSV ({exc}); {_hint('toggl')}") from None
    if not rows:
        raise ValidationError(f"{file}: is empty; {_hint('toggl')}")
    columns = {name.strip().casefold(): i for i, name in enumerate(rows[0])}
    missing = [c for c in ("start date", "start time") if c not in columns]
    has_end = "end date" in columns and "end time" in columns
    if missing or not (has_end or "duration" in columns):
        raise ValidationError(
            f"{file}: has no Start date, Start time and End date, End time (or Duration) "
            f"columns; {_hint('toggl')}"
        )

    def cell(row: list[str], name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    spans = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(value.strip() for value in row):
            continue
        where = f"line {line}"
        start = _toggl_moment(cell(row, "start date"), cell(row, "start time"), file, where)
        if has_end and cell(row, "end date"):
            end = _toggl_moment(cell(row, "end date"), cell(row, "end time"), file, where)
        else:
            end = start + _toggl_duration(cell(row, "duration"), file, where)
        description = cell(row, "description")
        if len(description) > _MAX_TEXT:
            raise _bad(file, where, "its description is too long")
        tags = [t.strip() for t in cell(row, "tags").split(",") if t.strip()]
        key = f"{cell(row, 'email')}|{cell(row, 'start date')}T{cell(row, 'start time')}"
        spans.append(
            TrackedSpan(
                key=key,
                where=where,
                start=start,
                end=end,
                project=_name(cell(row, "project"), file, where, "project"),
                tags=_tags(tags, file, where),
                description=description,
            )
        )
    return _checked(spans, file)


def _toggl_moment(day: str, clock: str, file: str, where: str) -> datetime:
    if not _TOGGL_DATE.fullmatch(day) or not _TOGGL_TIME.fullmatch(clock):
        raise _bad(
            file,
            where,
            f'its date and time "{_one_line(day)} {_one_line(clock)}" are not '
            "written 2026-03-01 and 19:30:00",
        )
    try:
        hour, minute, second = (int(part) for part in (clock + ":0").split(":")[:3])
        naive = datetime.combine(date.fromisoformat(day), time(hour, minute, second))
    except ValueError:
        raise _bad(file, where, f"{day} {clock} is not a real date and time") from None
    return naive.astimezone()  # Toggl writes the profile's local time: read as this machine's


def _toggl_duration(text: str, file: str, where: str) -> timedelta:
    match = _TOGGL_DURATION.fullmatch(text)
    if match is None:
        raise _bad(
            file,
            where,
            f'its duration "{_one_line(text)}" is not hh:mm:ss; set the duration '
            "format to Improved in Toggl's profile and export again",
        )
    hours, minutes, seconds = (int(g) for g in match.groups())
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


# --- shared checks -------------------------------------------------------------------------------


def _json_list(text: str, file: str, tracker: str) -> list[Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"{file}: not valid JSON at line {exc.lineno} column {exc.colno} ({exc.msg}); "
            f"{_hint(tracker)}"
        ) from None
    except (ValueError, RecursionError):
        raise ValidationError(f"{file}: holds a value too large or too deeply nested") from None
    if not isinstance(value, list):
        raise ValidationError(f"{file}: is not a JSON list; {_hint(tracker)}")
    return value


def _name(value: Any, file: str, where: str, what: str) -> str:
    if not isinstance(value, str) or len(value) > _MAX_NAME:
        raise _bad(file, where, f"its {what} is not a name of at most {_MAX_NAME} characters")
    return value.strip()


def _tags(value: Any, file: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _bad(file, where, "its tags are not a list")
    return tuple(n for n in (_name(tag, file, where, "tag") for tag in value) if n)


def _checked(spans: list[TrackedSpan], file: str) -> list[TrackedSpan]:
    for span in spans:
        if span.end is not None and span.end < span.start:
            raise _bad(file, span.where, "ends before it starts")
    return spans


def _bad(file: str, where: str, problem: str) -> ValidationError:
    return ValidationError(f"{file}: {where} {problem}; nothing was imported")


_READERS: dict[str, Callable[[str, str], list[TrackedSpan]]] = {
    "watson": _read_watson,
    "timewarrior": _read_timewarrior,
    "toggl": _read_toggl,
}


# --- study areas ---------------------------------------------------------------------------------


def assign_areas(
    spans: Sequence[TrackedSpan],
    choices: Iterable[Choice[str]],
    fallback: Choice[str] | None,
    *,
    file: str,
) -> list[str]:
    """The study area id of each span: the first of its names (project, then tags) that
    matches an area by the rule `--area` follows, else `fallback`. Without a fallback, spans
    none of whose names match refuse the whole import, listing those names."""
    options = list(choices)
    found: dict[str, str | None] = {}

    def area_of(name: str) -> str | None:
        key = name.casefold()
        if key not in found:
            try:
                found[key] = match_one(name, options, "study area").value
            except ValidationError:  # no area, or several: not one to log it under
                found[key] = None
        return found[key]

    ids: list[str] = []
    unmatched: dict[str, None] = {}  # ordered, first seen first
    for span in spans:
        area = next((a for a in map(area_of, span.names) if a is not None), None)
        if area is None and fallback is not None:
            area = fallback.value
        if area is None:
            unmatched.update(dict.fromkeys(span.names or ("(no project or tag)",)))
        else:
            ids.append(area)
    if unmatched:
        names = [f'"{_one_line(n, 40)}"' for n in unmatched]
        shown = ", ".join(names[:_LISTED])
        more = f" and {len(names) - _LISTED} more" if len(names) > _LISTED else ""
        raise ValidationError(
            f"{file}: no single study area matches {shown}{more}; add --area NAME to log "
            "these there, or rename them to an area's name; nothing was imported"
        )
    return ids
