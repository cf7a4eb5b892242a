"""A log entry as a user gives it, and the rules every new or changed entry passes: from the
entry form, the shell, the timer and an import alike, so whatever one accepts the others do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from studytui.domain.days import check_entry
from studytui.domain.errors import ValidationError

# About ten pages: far beyond any note about a study session, and small enough that every
# screen and the export stay quick.
MAX_NOTE_CHARS = 20_000


@dataclass(frozen=True)
class EntryDraft:
    """An entry to write; `entry_id` is set when it replaces an existing one."""

    day: date
    minutes: int
    area_id: str
    milestone_id: str | None = None
    certificate_id: str | None = None
    activity_id: str | None = None
    note: str = ""
    entry_id: str | None = None


def draft_of(entry: object) -> EntryDraft:
    """A draft with the fields of an existing entry (a record, a row): for an edit, or to check
    that putting one back still passes the rules."""
    names = ("day", "minutes", "area_id", "milestone_id", "certificate_id", "activity_id", "note")
    return EntryDraft(**{name: getattr(entry, name) for name in names})


def check_note(note: str) -> str:
    """The note as it is stored (trimmed); too long a note is a ValidationError."""
    cleaned = note.strip()
    if len(cleaned) > MAX_NOTE_CHARS:
        raise ValidationError(
            f"a note can be at most {MAX_NOTE_CHARS:,} characters; this one has {len(cleaned):,}"
        )
    return cleaned


def check_new_entry(
    minutes: int, day: date, today: date, other_minutes_that_day: int, note: str
) -> str:
    """Every rule of an entry (see `days.check_entry`, `check_note`); returns the clean note."""
    check_entry(minutes, day, today, other_minutes_that_day)
    return check_note(note)
