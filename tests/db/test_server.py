"""A database on a real PostgreSQL server: logging in, what goes wrong and what it says, and
writers queueing as they do on a file."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import text

from studytui.db.engine import reading, writing
from studytui.db.errors import DatabaseLockedError, StoreError
from studytui.db.location import ServerUrl
from studytui.db.schema import HEAD, open_database, stored_revision
from studytui.db.server import (
    ServerConnectionError,
    ServerDatabaseMissingError,
    ServerLoginError,
    ServerUnreachableError,
)


def _replace(url: ServerUrl, *, password: str | None = "", netloc: str | None = None) -> ServerUrl:
    """The same URL with another password (None: none at all) or another host part."""
    parts = urlsplit(url.url)
    if netloc is None:
        user = parts.username or ""
        auth = user if password is None else f"{user}:{password}"
        netloc = f"{auth}@{parts.hostname}:{parts.port}"
    return ServerUrl(urlunsplit(parts._replace(netloc=netloc)))


def _password(url: ServerUrl) -> str:
    password = urlsplit(url.url).password
    assert password
    return password


def _revision(url: ServerUrl) -> str | None:
    db = open_database(url)
    try:
        with reading(db) as session:
            return stored_revision(session.connection())
    finally:
        db.dispose()


def test_a_new_server_database_is_set_up_at_the_current_schema(pg_database: ServerUrl) -> None:
    assert _revision(pg_database) == HEAD


def test_a_wrong_password_is_refused_with_the_url_masked(pg_database: ServerUrl) -> None:
    wrong = _replace(pg_database, password="not-the-password")
    with pytest.raises(ServerLoginError) as caught:
        open_database(wrong)
    message = str(caught.value)
    assert "password authentication failed" in message
    assert "PGPASSWORD or ~/.pgpass" in message
    assert wrong.masked in message
    assert "not-the-password" not in message
    assert _password(pg_database) not in message


def test_a_missing_database_is_named_with_how_to_create_it(pg_database: ServerUrl) -> None:
    parts = urlsplit(pg_database.url)
    missing = ServerUrl(urlunsplit(parts._replace(path="/no_such_studytui")))
    with pytest.raises(ServerDatabaseMissingError, match="no_such_studytui does not exist") as e:
        open_database(missing)
    assert "createdb no_such_studytui" in str(e.value)
    assert _password(pg_database) not in str(e.value)


def test_a_server_that_is_not_running_is_reported_as_unreachable(pg_database: ServerUrl) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    nowhere = _replace(pg_database, netloc=f"anna:s3cret@127.0.0.1:{port}")
    with pytest.raises(ServerUnreachableError, match="check that it is running") as caught:
        open_database(nowhere)
    assert "s3cret" not in str(caught.value)


def test_the_password_can_come_from_pgpassword(
    pg_database: ServerUrl, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", _password(pg_database))
    assert _revision(_replace(pg_database, password=None)) == HEAD


def test_the_password_can_come_from_the_pgpass_file(
    pg_database: ServerUrl, isolated_home: Path
) -> None:
    parts = urlsplit(pg_database.url)
    pgpass = isolated_home / ".pgpass"
    pgpass.write_text(f"{parts.hostname}:{parts.port}:*:{parts.username}:{parts.password}\n")
    pgpass.chmod(0o600)  # libpq ignores a file others can read
    assert _revision(_replace(pg_database, password=None)) == HEAD


def test_without_any_password_the_login_is_refused(pg_database: ServerUrl) -> None:
    with pytest.raises(ServerLoginError, match="no password supplied"):
        open_database(_replace(pg_database, password=None))


def test_tls_options_in_the_url_reach_the_driver(pg_database: ServerUrl) -> None:
    # The test server has no TLS: requiring it must fail, and saying no must work.
    with pytest.raises(ServerConnectionError, match="SSL was required") as caught:
        open_database(ServerUrl(pg_database.url + "?sslmode=require"))
    assert _password(pg_database) not in str(caught.value)
    assert _revision(ServerUrl(pg_database.url + "?sslmode=disable")) == HEAD


def test_a_second_writer_waits_for_the_first_then_gives_up_with_the_files_message(
    pg_database: ServerUrl, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STUDYTUI_BUSY_TIMEOUT_MS", "300")
    first, second = open_database(pg_database), open_database(pg_database)
    holding, release = threading.Event(), threading.Event()

    def hold_the_lock() -> None:
        with writing(first) as session:
            session.execute(text("SELECT 1"))
            holding.set()
            release.wait(10)

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    try:
        assert holding.wait(10)
        with pytest.raises(DatabaseLockedError, match="busy"), writing(second) as session:
            session.execute(text("SELECT 1"))
        with reading(second) as session:  # readers are never kept waiting
            assert session.execute(text("SELECT count(*) FROM area")).scalar() == 0
    finally:
        release.set()
        holder.join()
    with writing(second) as session:  # and once the first is done, the second gets in
        session.execute(text("SELECT 1"))
    first.dispose()
    second.dispose()


def test_a_dropped_connection_is_replaced_without_the_user_noticing(
    pg_database: ServerUrl, pg_admin
) -> None:
    # The app stays open for hours; a server restart in between must not cost a read or write.
    db = open_database(pg_database)
    with reading(db) as session:
        session.execute(text("SELECT 1"))
    pg_admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
        (pg_database.dbname,),
    )
    with writing(db) as session:
        session.execute(text("INSERT INTO setting (key, value) VALUES ('probe', 'ok')"))
    with reading(db) as session:
        assert session.execute(text("SELECT value FROM setting WHERE key = 'probe'")).scalar()
    db.dispose()


def test_without_psycopg_a_server_url_says_what_to_install(pg_database: ServerUrl) -> None:
    probe = (
        "import sys; sys.modules['psycopg'] = None\n"
        "from studytui.db.location import parse_location\n"
        "from studytui.db.schema import open_database\n"
        "from studytui.db.errors import StoreError\n"
        "try:\n"
        f"    open_database(parse_location({pg_database.url!r}))\n"
        "except StoreError as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "pip install 'studytui[postgresql]'" in out.stdout
    assert _password(pg_database) not in out.stdout


def test_a_write_cut_off_by_the_server_saves_nothing_and_says_so(
    pg_database: ServerUrl, pg_admin
) -> None:
    db = open_database(pg_database)
    with pytest.raises(StoreError, match="nothing was") as caught, writing(db) as session:
        session.execute(text("INSERT INTO setting (key, value) VALUES ('first', '1')"))
        pg_admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            (pg_database.dbname,),
        )
        session.execute(text("INSERT INTO setting (key, value) VALUES ('second', '2')"))
    assert pg_database.masked in str(caught.value)
    with reading(db) as session:
        assert session.execute(text("SELECT count(*) FROM setting")).scalar() == 0
    db.dispose()
