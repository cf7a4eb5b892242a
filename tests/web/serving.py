"""A real `studytui serve` in a subprocess, and a look at the app processes it starts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT = 60.0  # seconds; the server answers in well under one, but CI machines are busy
PROCESS_TIMEOUT = 30.0


def wait_until(condition: Callable[[], bool], what: str, timeout: float = PROCESS_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _children_of() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # it ended meanwhile
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if state != "Z":  # an ended process not yet reaped runs nothing
            children.setdefault(int(ppid), []).append(int(entry.name))
    return children


def app_processes(pid: int) -> set[int]:
    """The studytui apps running under process `pid` (textual-serve starts each through a
    shell, which may or may not stay around)."""
    children = _children_of()
    found: set[int] = set()
    todo = list(children.get(pid, []))
    while todo:
        child = todo.pop()
        todo.extend(children.get(child, []))
        try:
            argv = (Path("/proc") / str(child) / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if argv[:3] == [sys.executable.encode(), b"-m", b"studytui"]:
            found.add(child)
    return found


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str  # as printed, with the token if there is one

    @property
    def apps(self) -> set[int]:
        return app_processes(self.process.pid)

    def stop(self) -> int:
        """Stop it as Ctrl+C would; its app processes must be gone by the time it is."""
        apps = self.apps
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=PROCESS_TIMEOUT)
        left = {pid for pid in apps if Path(f"/proc/{pid}").exists()}
        assert not left, f"app processes outlived the server: {left}"
        return code


def start_server(db_path: Path, *args: str, env: dict[str, str] | None = None) -> Served:
    process = subprocess.Popen(
        [sys.executable, "-m", "studytui", "--db", str(db_path), "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    assert process.stdout is not None
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout.readline() for _ in "12"))
    reader.start()
    reader.join(START_TIMEOUT)
    if len(lines) < 2 or not lines[1].startswith("http://"):
        process.kill()
        _, err = process.communicate()
        raise AssertionError(f"the server did not start: {lines!r} {err!r}")
    return Served(process, lines[1].strip())
