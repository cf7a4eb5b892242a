"""Where a studytui database lives: an SQLite file (a path) or a PostgreSQL server (a URL).

`--db` and `STUDYTUI_DB` take either. A plain path is SQLite, as it always was; a URL
`postgresql://user@host:port/dbname` (or `postgres://`, or SQLAlchemy's
`postgresql+psycopg://`) is a database on a server, reached with psycopg 3 through libpq.
libpq reads the URL itself, so everything psql accepts works the same here: a password in the
URL, or from PGPASSWORD or ~/.pgpass; TLS options such as `?sslmode=verify-full`.

A URL may hold a password, so it is never shown as given: `str()` and `repr()` give the masked
form, and the full text is only handed to the driver.

Standard library only: every command resolves its database before anything heavy is imported.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from studytui.db.errors import StoreError

# The schemes libpq accepts, plus SQLAlchemy's spelling for the same driver.
SERVER_SCHEMES = frozenset({"postgresql", "postgres", "postgresql+psycopg"})
MASK = "***"

# Any `scheme://`: something meant as a URL, which must not become a file of that name.
_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_USERINFO_END = re.compile(r"[@/]")
_PASSWORD_PARAM = re.compile(r"(^|&)(password=)[^&]*", re.IGNORECASE)


class UnsupportedUrlError(StoreError):
    def __init__(self, scheme: str) -> None:
        super().__init__(
            f"studytui cannot use a {scheme}:// database; give a file path for SQLite or a "
            "postgresql://user@host:port/dbname URL for PostgreSQL (the driver is psycopg 3)"
        )


@dataclass(frozen=True)
class ServerUrl:
    """A PostgreSQL database named by URL. Prints masked; `conninfo` is for the driver only."""

    url: str = field(repr=False)

    @property
    def conninfo(self) -> str:
        """The URL as libpq reads it (SQLAlchemy's `+psycopg` suffix removed)."""
        scheme, rest = self.url.split("://", 1)
        return "postgresql://" + rest if scheme.lower() == "postgresql+psycopg" else self.url

    @property
    def masked(self) -> str:
        """The URL with any password replaced by ***, for messages, logs and `where`."""
        scheme, userinfo, rest = self._parts()
        if userinfo is not None:
            if ":" in userinfo:
                userinfo = f"{userinfo.split(':', 1)[0]}:{MASK}"
            rest = f"{userinfo}@{rest}"
        head, question, query = rest.partition("?")
        query = _PASSWORD_PARAM.sub(rf"\1\2{MASK}", query)
        return f"{scheme}://{head}{question}{query}"

    @property
    def dbname(self) -> str:
        """The database's name as written in the URL ('' when libpq is left to choose)."""
        _, _, rest = self._parts()
        _, slash, tail = rest.partition("/")
        return unquote(tail.partition("?")[0]) if slash else ""

    def _parts(self) -> tuple[str, str | None, str]:
        """(scheme, user part or None, the rest), the user part read as libpq reads it:
        everything before an '@' that comes before any '/'."""
        scheme, rest = self.url.split("://", 1)
        end = _USERINFO_END.search(rest)
        if end is None or end.group() != "@":
            return scheme, None, rest
        return scheme, rest[: end.start()], rest[end.end() :]

    def __str__(self) -> str:
        return self.masked

    def __repr__(self) -> str:
        return f"ServerUrl({self.masked!r})"


# A database location: an SQLite file, or a database on a PostgreSQL server.
Location = Path | ServerUrl


def is_server_url(text: str) -> bool:
    scheme, sep, _ = text.partition("://")
    return bool(sep) and scheme.lower() in SERVER_SCHEMES


def parse_location(value: str | os.PathLike[str]) -> Location:
    """A path stays a path (SQLite); a PostgreSQL URL names a server database.

    Any other `scheme://` is refused rather than taken for a file name.
    """
    text = os.fspath(value)
    if is_server_url(text):
        return ServerUrl(text)
    if _URL_LIKE.match(text):
        raise UnsupportedUrlError(text.split("://", 1)[0])
    return Path(text).expanduser()
