"""A database is named by a path (SQLite) or a PostgreSQL URL, whose password is never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from studytui.db.location import ServerUrl, UnsupportedUrlError, parse_location


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://anna@db.example:5432/study",
        "postgres://anna@db.example/study",
        "postgresql+psycopg://anna@db.example/study",
        "POSTGRESQL://anna@db.example/study",
        "postgresql:///study?host=/var/run/postgresql",
    ],
)
def test_a_postgresql_url_names_a_server_database(text: str) -> None:
    location = parse_location(text)
    assert isinstance(location, ServerUrl)
    assert location.dbname == "study"


@pytest.mark.parametrize("text", ["studytui.db", "/data/study.db", "C:\\Users\\anna\\study.db"])
def test_a_path_stays_an_sqlite_file(text: str) -> None:
    assert parse_location(text) == Path(text)


def test_a_path_starting_with_the_home_folder_is_expanded(isolated_home: Path) -> None:
    assert parse_location("~/study.db") == isolated_home / "study.db"


@pytest.mark.parametrize("text", ["mysql://anna@db/study", "postgresql+psycopg2://anna@db/s"])
def test_another_kind_of_url_is_refused_rather_than_taken_for_a_file(text: str) -> None:
    with pytest.raises(UnsupportedUrlError, match="postgresql://user@host:port/dbname"):
        parse_location(text)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        (
            "postgresql://anna:s3cret@db.example:5432/study?sslmode=verify-full",
            "postgresql://anna:***@db.example:5432/study?sslmode=verify-full",
        ),
        ("postgresql://anna:p%40ss%2Fw@db/study", "postgresql://anna:***@db/study"),
        # libpq reads everything before the '@' as the user part, '?' included.
        ("postgresql://anna:pa?ss@db/study", "postgresql://anna:***@db/study"),
        (
            "postgresql://db/study?sslmode=require&password=s3cret&application_name=x",
            "postgresql://db/study?sslmode=require&password=***&application_name=x",
        ),
        ("postgresql://anna@db/study", "postgresql://anna@db/study"),
        ("postgresql://db1:5432,db2:5433/study", "postgresql://db1:5432,db2:5433/study"),
    ],
)
def test_the_password_is_masked_wherever_it_is_written(text: str, masked: str) -> None:
    location = parse_location(text)
    assert isinstance(location, ServerUrl)
    assert location.masked == masked
    assert str(location) == masked
    assert masked in repr(location)
    assert f"{location}" == masked


def test_the_driver_gets_the_url_with_its_password_and_options() -> None:
    location = ServerUrl("postgresql+psycopg://anna:s3cret@db/study?sslmode=verify-full")
    assert location.conninfo == "postgresql://anna:s3cret@db/study?sslmode=verify-full"


def test_db_option_and_environment_variable_take_a_url_or_a_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from studytui.paths import resolve_location

    monkeypatch.setenv("STUDYTUI_DB", "postgresql://anna:s3cret@db/study")
    assert resolve_location() == ServerUrl("postgresql://anna:s3cret@db/study")
    assert resolve_location(str(tmp_path / "x.db")) == tmp_path / "x.db"  # --db wins
    monkeypatch.setenv("STUDYTUI_DB", str(tmp_path / "env.db"))
    assert resolve_location() == tmp_path / "env.db"
    assert resolve_location("postgres://db/other") == ServerUrl("postgres://db/other")
