"""Settings are key/value strings in the `setting` table; `domain.settings` gives them types."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from studytui.db.models import Setting
from studytui.domain.settings import (
    check_for_today,
    format_setting,
    parse_setting,
)


def put_raw(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)


def set_setting(session: Session, key: str, text: str, *, today: date) -> str:
    """Validate and store one setting typed by the user; returns its canonical text."""
    value = parse_setting(key, text)
    check_for_today(key, value, today)
    canonical = format_setting(key, value)
    put_raw(session, key, canonical)
    return canonical
