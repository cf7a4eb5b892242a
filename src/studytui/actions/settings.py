"""Reading and changing the user's settings, for `studytui config` and the Settings screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from studytui.actions.context import reading, writing
from studytui.db import setting_rows
from studytui.db.engine import Database
from studytui.domain.settings import (
    SETTING_KEYS,
    USER_SETTING_KEYS,
    Settings,
    check_user_key,
    format_setting,
)


@dataclass(frozen=True)
class SettingLine:
    key: str
    value: str  # as `config` prints it and reads it back
    description: str


def setting_lines(settings: Settings) -> tuple[SettingLine, ...]:
    return tuple(
        SettingLine(key, format_setting(key, getattr(settings, key)), SETTING_KEYS[key].description)
        for key in USER_SETTING_KEYS
    )


def read_settings(db: Database, *, now: datetime) -> Settings:
    with reading(db, now) as tx:
        return tx.settings


def list_settings(db: Database, *, now: datetime) -> tuple[SettingLine, ...]:
    return setting_lines(read_settings(db, now=now))


def get_setting(db: Database, key: str, *, now: datetime) -> SettingLine:
    check_user_key(key)
    return next(line for line in list_settings(db, now=now) if line.key == key)


def change_setting(db: Database, key: str, text: str, *, now: datetime) -> str:
    """Validate and store what the user typed; returns its canonical text."""
    with writing(db, now) as tx:
        return setting_rows.set_setting(tx.session, key, text, today=tx.today)
