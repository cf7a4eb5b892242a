"""`studytui serve` from the shell: refusals are one line on stderr with exit code 2, and
nothing is served."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import run_cli

# Stands in for an installation without the web extra: importing textual-serve fails.
WITHOUT_TEXTUAL_SERVE = """
import sys
class NoTextualServe:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "textual_serve":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, NoTextualServe())
from studytui.cli import main
sys.exit(main(["serve"]))
"""


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr


def test_without_the_web_extra_it_says_how_to_install_it() -> None:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_TEXTUAL_SERVE], capture_output=True, text=True, timeout=60
    )
    error = one_line_error(result)
    assert "pip install 'studytui[web]'" in error
    assert "textual_serve is missing" in error


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--token", "too-short"], "16 to 256 characters"),
        (["--port", "70000"], "not a port number"),
        (["--port", "http"], "invalid int value"),
        (["--max-sessions", "0"], "at least 1"),
    ],
)
def test_bad_options_are_refused(db_path: Path, args: list[str], message: str) -> None:
    error = one_line_error(run_cli("--db", str(db_path), "serve", *args))
    assert message in error


def test_a_port_in_use_is_refused(db_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        error = one_line_error(run_cli("--db", str(db_path), "serve", "--port", str(port)))
    assert f"cannot serve on 127.0.0.1 port {port}" in error


def test_a_database_in_a_missing_folder_is_refused_before_serving(tmp_path: Path) -> None:
    error = one_line_error(run_cli("--db", str(tmp_path / "nowhere" / "s.db"), "serve"))
    assert "does not exist" in error


def test_the_help_lists_serve() -> None:
    result = run_cli("serve", "--help")
    assert result.returncode == 0
    for option in ("--host", "--port", "--token", "--max-sessions"):
        assert option in result.stdout
