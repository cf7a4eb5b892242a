"""A studytui database on a PostgreSQL server: connecting, writing, and what its errors mean.

Imported only when the database is a server URL, so SQLite users never load psycopg.

Writes. studytui's rules that read before they write (a day holds at most 24 hours; one timer
runs at a time) were written for SQLite, where BEGIN IMMEDIATE lets one writer in at a time.
On the server every write transaction first takes one transaction-scoped advisory lock, so
writers from every machine queue exactly as they do on a file and the same rules hold
unchanged; readers are never blocked (PostgreSQL's snapshots). The isolation level stays READ
COMMITTED on purpose: each statement after the lock sees every write committed before it.
Writes are a few milliseconds each, so queueing costs nothing a person would notice.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, create_engine, event

from studytui.db.errors import (
    DISK_FULL,
    DatabaseLockedError,
    StoreError,
    WriteFailedError,
)
from studytui.db.location import ServerUrl

# One lock per database, the same number in every studytui ("studytui" in ASCII).
WRITE_LOCK_KEY = int.from_bytes(b"studytui", "big")
# libpq waits for an unanswering host forever unless told; the URL may say otherwise.
CONNECT_TIMEOUT_SECONDS = 10
SESSION_SETTINGS = "-c DateStyle=ISO,YMD -c TimeZone=UTC"
INSTALL_ADVICE = "install it with: pip install 'studytui[postgresql]'"
LOGIN_ADVICE = "check the user name and the password (in the URL, PGPASSWORD or ~/.pgpass)"


class DriverMissingError(StoreError):
    def __init__(self, url: ServerUrl) -> None:
        super().__init__(
            f"{url} is a PostgreSQL database, and PostgreSQL support (psycopg) is not "
            f"installed; {INSTALL_ADVICE}"
        )


class ServerUnreachableError(StoreError):
    def __init__(self, url: ServerUrl, detail: str) -> None:
        super().__init__(
            f"cannot reach the PostgreSQL server of {url} ({detail}); check that it is "
            "running and that the host and port are right"
        )


class ServerLoginError(StoreError):
    def __init__(self, url: ServerUrl, detail: str) -> None:
        super().__init__(
            f"the PostgreSQL server refused the login to {url} ({detail}); {LOGIN_ADVICE}"
        )


class ServerDatabaseMissingError(StoreError):
    def __init__(self, url: ServerUrl) -> None:
        name = url.dbname or "named in the URL"
        super().__init__(
            f"the database {name} does not exist on the server of {url}; create it first "
            f"(`createdb {url.dbname or 'NAME'}` or CREATE DATABASE), then try again"
        )


class ServerConnectionError(StoreError):
    def __init__(self, url: ServerUrl, detail: str) -> None:
        super().__init__(f"cannot connect to {url} ({detail}); nothing was read or saved")


class ConnectionLostError(StoreError):
    def __init__(self, url: ServerUrl, detail: str) -> None:
        super().__init__(
            f"the connection to {url} was lost ({detail}); nothing was saved — try again "
            "in a moment"
        )


def make_server_engines(url: ServerUrl) -> tuple[Engine, Engine]:
    """(engine, write engine) sharing one pool; the write engine takes the write lock."""
    try:
        import psycopg
    except ImportError as exc:
        raise DriverMissingError(url) from exc
    from studytui.db.reads import busy_timeout_ms

    options = psycopg.conninfo.conninfo_to_dict(url.conninfo)
    extra: dict[str, Any] = {
        "application_name": "studytui",
        # Dates and timestamps as the plain-SQL reads expect their text (see `db.portable`),
        # whatever the server's defaults; added to any options the URL sets itself.
        "options": f"{options.get('options') or ''} {SESSION_SETTINGS}".strip(),
    }
    if "connect_timeout" not in options:
        extra["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    conninfo = psycopg.conninfo.make_conninfo(url.conninfo, **extra)

    def connect() -> Any:
        return psycopg.connect(conninfo)

    # pre-ping: the app stays open for hours, and a server restart must not cost a write.
    engine = create_engine("postgresql+psycopg://", creator=connect, pool_pre_ping=True)
    lock_wait = f"{busy_timeout_ms()}ms"

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("studytui_write"):
            # Waiting for the lock as long as SQLite waits for a busy file, then giving up
            # with the same message (see `server_failure`).
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{lock_wait}'")
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")

    return engine, engine.execution_options(studytui_write=True)


# SQLSTATE classes and codes a user can act on.
_LOCK_TIMEOUT = "55P03"
_RETRY = {"40001", "40P01"}  # serialization failure, deadlock: another machine's write won
_DISK_FULL = "53100"
_READ_ONLY = "25006"
_NO_PERMISSION = "42501"
_GONE = re.compile(r"server closed the connection|terminating connection|connection.*(lost|closed)")


def server_failure(url: ServerUrl, orig: BaseException | None, text: str) -> StoreError:
    """What a driver error from the server at `url` means for the user."""
    state = getattr(orig, "sqlstate", None)
    if state == _LOCK_TIMEOUT:
        return DatabaseLockedError(url)
    if state in _RETRY:
        return WriteFailedError(url, "another write got there first; try again")
    if state == _DISK_FULL:
        return WriteFailedError(url, DISK_FULL)
    if state == _READ_ONLY:
        return WriteFailedError(url, "the server only allows reading (a standby?)")
    if state == _NO_PERMISSION:
        return WriteFailedError(url, f"the database user lacks a permission: {_first_line(text)}")
    if state is None:
        return connection_failure(url, text)
    if state.startswith(("57P", "08")):  # shut down, restarting, or the connection broke
        return ConnectionLostError(url, _first_line(text))
    return WriteFailedError(url, _first_line(text))


def connection_failure(url: ServerUrl, text: str) -> StoreError:
    """libpq's words for a failed connection, as one of the three things a user checks."""
    detail = _libpq_detail(text)
    lowered = detail.lower()
    if "does not exist" in lowered and "database" in lowered:
        return ServerDatabaseMissingError(url)
    if (
        "authentication failed" in lowered
        or "no password supplied" in lowered
        or "no pg_hba.conf entry" in lowered
        or ("role" in lowered and "does not exist" in lowered)
    ):
        return ServerLoginError(url, detail)
    if (
        "connection refused" in lowered
        or "resolve host" in lowered
        or "translate host name" in lowered
        or "timeout expired" in lowered
        or "no route to host" in lowered
        or "network is unreachable" in lowered
        or "no such file or directory" in lowered  # a Unix socket that is not there
    ):
        return ServerUnreachableError(url, detail)
    if _GONE.search(lowered):
        return ConnectionLostError(url, detail)
    return ServerConnectionError(url, detail)


def _libpq_detail(text: str) -> str:
    """The part of a libpq message that says what went wrong, without the connection
    preamble ('connection to server at "h", port 5432 failed: FATAL:  ...')."""
    line = _first_line(text)
    line = line.rsplit(" failed: ", 1)[-1]
    return re.sub(r"^(FATAL|ERROR):\s+", "", line).strip()


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "no details"
