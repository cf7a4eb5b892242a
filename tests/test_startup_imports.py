"""What each entry point imports, checked in a fresh interpreter: start-up cost is mostly
imports, so these guard the fast paths without timing anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import run_cli


def _modules_after(code: str, tmp_path: Path) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    return set(out.stdout.split())


def _has(modules: set[str], package: str) -> bool:
    return any(name == package or name.startswith(package + ".") for name in modules)


def test_the_app_module_imports_no_database_code(tmp_path: Path) -> None:
    # The first frame must not wait for SQLModel: the store imports it in a worker.
    loaded = _modules_after("import studytui.ui.app", tmp_path)
    assert "studytui.ui.app" in loaded
    for package in ("sqlmodel", "sqlalchemy", "pydantic", "studytui.db"):
        assert not _has(loaded, package), package


def test_starting_the_app_without_arguments_skips_argparse(tmp_path: Path) -> None:
    # `studytui` alone goes from main() to the app: building every sub-command is wasted there.
    code = (
        "import studytui.ui.run as run\n"
        "run.run_app = lambda db: 7  # stands in for the app itself\n"
        "from studytui.cli import main\n"
        "assert main([]) == 7\n"
    )
    loaded = _modules_after(code, tmp_path)
    assert "studytui.cli.parser" not in loaded
    assert "argparse" not in loaded


def test_the_app_module_imports_only_the_screen_it_opens_on(tmp_path: Path) -> None:
    from studytui.ui.screens.registry import SCREEN_CLASSES

    loaded = _modules_after("import studytui.ui.app", tmp_path)
    screens = {name for name in loaded if name.startswith("studytui.ui.screens.")}
    # The registry and the screens' base class are light; no screen module is imported.
    assert screens == {"studytui.ui.screens.registry", "studytui.ui.screens.base"}
    assert SCREEN_CLASSES
    assert "studytui.ui.commands" not in loaded


def test_the_dashboards_early_numbers_need_no_sqlalchemy(tmp_path: Path, db, db_path: Path) -> None:
    # They are on screen while SQLModel is still importing: they must not import it too.
    db.dispose()
    code = (
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from studytui.db.reads import open_quick_reader\n"
        "from studytui.db.stats import load_snapshot\n"
        f"conn = open_quick_reader(Path({str(db_path)!r}))\n"
        "assert load_snapshot(conn, date(2026, 3, 11)).week_minutes == 0\n"
    )
    loaded = _modules_after(code, tmp_path)
    assert "studytui.db.stats" in loaded
    for package in ("sqlmodel", "sqlalchemy", "pydantic", "textual"):
        assert not _has(loaded, package), package


def test_status_on_a_set_up_database_needs_no_sqlalchemy(tmp_path: Path, db, db_path: Path) -> None:
    db.dispose()
    # The first command of the day makes the daily backup, which does load it.
    assert run_cli("--db", str(db_path), "status").returncode == 0
    code = (
        "import contextlib, io\n"
        "from studytui.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    assert main(['--db', {str(db_path)!r}, 'status']) == 0\n"
        "assert out.getvalue().startswith('Today')\n"
    )
    loaded = _modules_after(code, tmp_path)
    assert "studytui.db.roadmap_view" in loaded
    for package in ("sqlmodel", "sqlalchemy", "pydantic", "textual"):
        assert not _has(loaded, package), package


def test_log_on_a_set_up_database_needs_no_sqlalchemy(tmp_path: Path, db, db_path: Path) -> None:
    db.dispose()
    # The first command of the day makes the daily backup, which does load it.
    assert run_cli("--db", str(db_path), "status").returncode == 0
    code = (
        "import contextlib, io\n"
        "from studytui.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    assert main(['--db', {str(db_path)!r}, 'log', '25m', '--area', 'ml']) == 0\n"
        "assert out.getvalue().startswith('Logged 25m of Machine learning')\n"
    )
    loaded = _modules_after(code, tmp_path)
    assert "studytui.db.quick_write" in loaded
    for package in ("sqlmodel", "sqlalchemy", "pydantic", "textual"):
        assert not _has(loaded, package), package


def test_the_other_screens_are_imported_once_the_dashboard_has_its_data(
    tmp_path: Path, db, db_path: Path
) -> None:
    # So that opening one later costs its layout, not its imports.
    db.dispose()
    code = (
        "import asyncio\n"
        "from pathlib import Path\n"
        "from studytui.ui.app import make_app\n"
        "async def main():\n"
        f"    app = make_app(Path({str(db_path)!r}))\n"
        "    async with app.run_test() as pilot:\n"
        "        for _ in range(3):\n"
        "            await app.workers.wait_for_complete()\n"
        "            await pilot.pause()\n"
        "        assert type(app.screen).__name__ == 'DashboardScreen', app.screen\n"
        "asyncio.run(main())\n"
    )
    loaded = _modules_after(code, tmp_path)
    from studytui.ui.screens.registry import SCREEN_CLASSES

    for module, _name in SCREEN_CLASSES.values():
        assert f"studytui.ui.screens.{module}" in loaded, module


def test_log_and_status_import_neither_textual_nor_alembic(tmp_path: Path, db_path: Path) -> None:
    code = (
        "import contextlib, io\n"
        "from studytui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['--db', {str(db_path)!r}, 'log', '25m', '--area', 'Prog']) == 0\n"
        f"    assert main(['--db', {str(db_path)!r}, 'status']) == 0\n"
    )
    loaded = _modules_after(code, tmp_path)
    assert "studytui.cli.log" in loaded
    assert "studytui.cli.status" in loaded
    # argcomplete is for a TAB and for printing the completion script, nothing else.
    for package in ("textual", "alembic", "argcomplete"):
        assert not _has(loaded, package), package


def test_a_daily_log_reads_the_schema_version_without_the_inspector(
    tmp_path: Path, db, db_path: Path
) -> None:
    # On an up-to-date file, opening reads the version row and nothing more.
    db.dispose()
    code = (
        "from pathlib import Path\n"
        "import sqlalchemy\n"
        "calls = []\n"
        "real = sqlalchemy.inspect\n"
        "import studytui.db.schema as schema\n"
        "schema.inspect = lambda *a: calls.append(a) or real(*a)\n"
        f"schema.open_database(Path({str(db_path)!r})).dispose()\n"
        "assert calls == [], calls\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)


def test_an_sqlite_database_never_loads_the_postgresql_driver(
    tmp_path: Path, db_path: Path
) -> None:
    # PostgreSQL support is optional: opening and using a file must not even look for it.
    code = (
        "import contextlib, io\n"
        "from studytui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['--db', {str(db_path)!r}, 'log', '25m', '--area', 'Prog']) == 0\n"
        f"    assert main(['--db', {str(db_path)!r}, 'status']) == 0\n"
        f"    assert main(['--db', {str(db_path)!r}, 'where']) == 0\n"
    )
    loaded = _modules_after(code, tmp_path)
    assert "studytui.db.engine" in loaded
    for module in ("psycopg", "studytui.db.server"):
        assert not _has(loaded, module), module


def test_a_completion_request_reads_names_without_sqlmodel(
    tmp_path: Path, db, db_path: Path
) -> None:
    # It runs at every TAB: the names come from plain SQL, and argcomplete exits the process
    # itself, so what it imported is read from Python's own import log.
    db.dispose()
    out = tmp_path / "completions"
    line = "studytui log --area "
    env = {
        **os.environ,
        "STUDYTUI_DB": str(db_path),
        "_ARGCOMPLETE": "1",
        "_ARGCOMPLETE_SHELL": "bash",
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
        "_ARGCOMPLETE_STDOUT_FILENAME": str(out),
    }
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "studytui"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Machine\\ learning" in out.read_text().split("\v")
    imported = {row.split("|")[-1].strip() for row in done.stderr.splitlines()}
    assert "argcomplete" in imported
    for package in ("sqlmodel", "sqlalchemy", "pydantic", "textual", "alembic"):
        assert not _has(imported, package), package


def test_the_app_and_the_quick_commands_never_load_the_web_server(
    tmp_path: Path, db_path: Path
) -> None:
    # aiohttp and textual-serve are a fifth of a second of imports: `studytui serve` alone pays.
    code = (
        "import contextlib, io\n"
        "import studytui.ui.run as run\n"
        "run.run_app = lambda db: 7  # stands in for the app itself\n"
        "from studytui.cli import main\n"
        "assert main([]) == 7\n"
        "import studytui.ui.app\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['--db', {str(db_path)!r}, 'log', '25m', '--area', 'Prog']) == 0\n"
        f"    assert main(['--db', {str(db_path)!r}, 'status']) == 0\n"
    )
    loaded = _modules_after(code, tmp_path)
    assert "studytui.ui.app" in loaded
    assert "studytui.cli.log" in loaded
    for package in ("studytui.web", "textual_serve", "aiohttp", "jinja2"):
        assert not _has(loaded, package), package


def test_status_reminding_of_a_retired_exam_still_needs_no_sqlalchemy(
    tmp_path: Path, db, db_path: Path
) -> None:
    # The retired exams are kept in the database by content updates: the catalogue file is not
    # parsed on this road.
    from studytui.builtin_content import load_certificate_catalogue
    from studytui.db.certificates import add_from_catalogue
    from studytui.db.engine import writing

    (mls,) = [item for item in load_certificate_catalogue() if item.key == "aws-ml-specialty"]
    with writing(db) as session:
        add_from_catalogue(session, item=mls)
    db.dispose()
    assert run_cli("--db", str(db_path), "status").returncode == 0  # the daily backup
    code = (
        "import contextlib, io\n"
        "from studytui.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    assert main(['--db', {str(db_path)!r}, 'status']) == 0\n"
        "assert 'MLS-C01' in out.getvalue()\n"
    )
    loaded = _modules_after(code, tmp_path)
    for package in ("sqlmodel", "sqlalchemy", "pydantic", "textual", "studytui.builtin_content"):
        assert not _has(loaded, package), package
