"""Where studytui keeps its data. Pure look-ups: nothing here creates a directory or a file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studytui.db.location import Location

APP_NAME = "studytui"
DB_ENV_VAR = "STUDYTUI_DB"
DB_FILENAME = "studytui.db"


def default_data_dir() -> Path:
    # Imported here so that `import studytui.paths` stays free of platformdirs' own start-up cost.
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def resolve_location(cli_value: str | os.PathLike[str] | None = None) -> Location:
    """The database to use, in the same order: a path is an SQLite file, a postgresql:// URL
    a database on a server (see `studytui.db.location`)."""
    from studytui.db.location import parse_location

    text = cli_value or os.environ.get(DB_ENV_VAR)
    if text:
        return parse_location(text)
    return default_data_dir() / DB_FILENAME


def backup_dir(db_path: Path) -> Path:
    """Backups live beside the database they protect, so moving one moves both."""
    return db_path.parent / "backups"


def state_dir() -> Path:
    """Where studytui keeps what is this machine's alone, such as the shell's last change."""
    from platformdirs import user_state_path

    return user_state_path(APP_NAME, appauthor=False)
