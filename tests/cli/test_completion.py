"""`studytui completion bash|zsh|fish`, and the completions a TAB gets: the commands, their
options, and the names of areas and milestones read from the database."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import run_cli

from studytui.cli.parser import build_parser
from studytui.db.engine import Database


@pytest.fixture
def location(db_path: Path) -> Path:
    """Completion reads the file with plain sqlite3 at every TAB, never a server database."""
    return db_path


AREAS = [
    "Programming\\ \\&\\ software\\ engineering",
    "Machine\\ learning",
    "Data\\ science\\ \\&\\ maths",
    "Data\\ engineering",
    "MLOps\\ \\&\\ cloud",
]


@pytest.mark.parametrize(
    ("shell", "registers"),
    [
        ("bash", "complete -o nospace -o default -o bashdefault -F _python_argcomplete studytui"),
        ("zsh", "compdef _python_argcomplete studytui"),
        ("fish", "complete --command studytui -f -a '(__fish_studytui_complete)'"),
    ],
)
def test_the_script_for_each_shell_is_printed(shell: str, registers: str) -> None:
    printed = run_cli("completion", shell)
    assert printed.returncode == 0, printed.stderr
    assert registers in printed.stdout
    assert printed.stderr == ""


def test_an_unknown_shell_is_refused_in_one_line() -> None:
    refused = run_cli("completion", "tcsh")
    assert refused.returncode == 2
    assert "invalid choice: 'tcsh'" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1


def _complete(line: str, tmp_path: Path, **env: str) -> list[str]:
    """Ask as bash's completion function does: the line and the cursor in the environment,
    the answers, separated by vertical tabs, in the file it names."""
    out = tmp_path / "completions"
    out.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "studytui"],
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **os.environ,
            "_ARGCOMPLETE": "1",
            "_ARGCOMPLETE_SHELL": "bash",
            "COMP_LINE": line,
            "COMP_POINT": str(len(line)),
            "COMP_TYPE": "9",
            "_ARGCOMPLETE_STDOUT_FILENAME": str(out),
            **env,
        },
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text()
    return [word.strip() for word in text.split("\v")] if text else []


def _commands() -> set[str]:
    parser = build_parser()
    (commands,) = (a for a in parser._actions if a.dest == "command")
    return set(commands.choices)  # type: ignore[arg-type]


def test_a_tab_after_the_command_offers_every_sub_command(tmp_path: Path) -> None:
    offered = set(_complete("studytui ", tmp_path))
    assert offered == _commands()  # options wait for a "-"
    assert {"log", "import", "completion"} <= offered
    assert sorted(_complete("studytui st", tmp_path)) == ["start", "status", "stop"]


def test_options_are_completed(tmp_path: Path) -> None:
    offered = set(_complete("studytui log 30m --", tmp_path))
    assert {"--area", "--milestone", "--note", "--date", "--cert", "--activity"} <= offered
    assert _complete("studytui import --from t", tmp_path) == ["timewarrior", "toggl"]


def test_area_names_come_from_the_database(db: Database, db_path: Path, tmp_path: Path) -> None:
    db.dispose()
    assert _complete("studytui log 30m --area ", tmp_path) == AREAS
    # Any case, as `--area` itself matches names; --db after the command is followed too.
    assert _complete("studytui log --area mach", tmp_path) == ["Machine\\ learning"]
    # Every command that takes an area offers them.
    for line in ("studytui start ", "studytui entries --area ", "studytui edit 1f --area "):
        assert _complete(line, tmp_path) == AREAS, line
    assert _complete("studytui import --from watson f --area ML", tmp_path) == [
        "MLOps\\ \\&\\ cloud"
    ]
    other = tmp_path / "elsewhere.db"
    shutil.copy(db_path, other)
    assert _complete(
        f"studytui start --db {other} ML", tmp_path, STUDYTUI_DB=str(tmp_path / "none.db")
    ) == ["MLOps\\ \\&\\ cloud"]


def test_milestone_titles_come_from_the_database(db: Database, tmp_path: Path) -> None:
    db.dispose()
    offered = _complete("studytui start ml --milestone Data\\ ", tmp_path)
    assert "Data\\ wrangling\\ with\\ pandas\\ and\\ NumPy" in offered
    assert all(o.startswith("Data\\ ") for o in offered)


def test_without_a_database_a_tab_offers_no_names_and_creates_nothing(
    db_path: Path, tmp_path: Path
) -> None:
    assert _complete("studytui log --area ", tmp_path) == []
    assert not db_path.exists()


def test_bash_itself_completes_with_the_printed_script(db: Database, tmp_path: Path) -> None:
    # The whole road: bash loads the script, and its function runs the installed command.
    db.dispose()
    command = Path(sys.executable).with_name("studytui")
    assert command.exists(), "pip install -e . puts the console script beside the interpreter"
    script = (
        'eval "$(studytui completion bash)"\n'
        'COMP_LINE="studytui log --area mach"; COMP_POINT=${#COMP_LINE}\n'
        "COMP_WORDS=(studytui log --area mach); COMP_CWORD=3\n"
        "_python_argcomplete studytui\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PATH": f"{command.parent}{os.pathsep}{os.environ['PATH']}"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["Machine\\ learning "]
