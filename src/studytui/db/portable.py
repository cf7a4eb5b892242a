"""The plain-SQL reads on PostgreSQL: the same SQL text, the same rows as stdlib `sqlite3`.

The hot reads in `db.reads` (and the modules built on them) are written once, as portable SQL
for a DB-API connection in sqlite3's style: `?` and `:name` parameters, dates and timestamps
coming back as ISO text. On a server they run through `ServerSql`, the one adapter between the
two drivers, which

- rewrites the parameters to psycopg's `%s` and `%(name)s` (and doubles any literal `%`);
- loads `date` and `timestamp` columns as their ISO text, as SQLite stores them. The server
  connection is opened with DateStyle ISO and TimeZone UTC (see `db.server`), so that text is
  '2026-03-11' and '2026-03-11 19:00:00+00' whatever the server's own defaults are.

SQL written for these reads must stay portable: no SQLite-only functions (`strftime`,
`julianday`, `ifnull`, `group_concat`...) and no PostgreSQL-only syntax (`::` casts). The
test suite runs every read on both engines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

# A quoted string (left alone), a `?`, a `:name` (not a `::` cast) or a literal `%`.
_TOKEN = re.compile(r"'(?:[^']|'')*'|\?|(?<!:):([A-Za-z_]\w*)|%")
_ISO_TEXT_TYPES = ("date", "timestamp", "timestamptz")


def to_psycopg(sql: str) -> str:
    """sqlite3's parameter style in `sql` rewritten to psycopg's."""

    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        if match.group(1) is not None:
            return f"%({match.group(1)})s"
        return token  # a string literal

    return _TOKEN.sub(swap, sql)


class ServerSql:
    """A psycopg connection that answers the reads as a sqlite3 connection would."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def execute(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] = ()) -> Any:
        from psycopg.types.string import TextLoader

        cursor = self._connection.cursor()
        for name in _ISO_TEXT_TYPES:  # on this cursor only: SQLAlchemy's keep their types
            cursor.adapters.register_loader(name, TextLoader)
        return cursor.execute(to_psycopg(sql), parameters or None)
