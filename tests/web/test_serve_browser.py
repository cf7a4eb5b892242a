"""The app served to a real headless Chromium: the dashboard opens, keys typed in the page log
time through the entry form, and the entry is in the database the shell reads, next to one the
shell wrote during the session.

Chromium is Debian's (`apt-get install chromium`), driven by Playwright; no browser is ever
downloaded. Without Chromium the test skips, except in CI (the CI variable, which .ci/run sets),
where it fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from tests.conftest import run_cli
from tests.web.serving import wait_until

# The flags that work on a machine with no network and no display (and, in CI, as root).
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1200, "height": 760}  # about 120x40 cells, the wide size we design for
# Set to a folder to keep the screenshot there (the README's is made this way).
SCREENSHOT_DIR_ENV_VAR = "STUDYTUI_SCREENSHOT_DIR"
ESCAPES = re.compile(
    r"\x1b(\[[0-9;?<=>$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)"
)


def chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser test, but chromium is not installed")
        pytest.skip("needs Debian's chromium (apt-get install chromium); CI always runs it")
    return path


class Terminal:
    """What the app sent to the page, as text: xterm.js draws it on a canvas, where a test
    cannot read it, so read it off the websocket instead."""

    def __init__(self, page) -> None:
        self.page = page
        self.frames: list[str] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._received))

    def _received(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            payload = payload.decode("utf-8", "replace")
        self.frames.append(ESCAPES.sub("", payload))

    def mark(self) -> int:
        return len(self.frames)

    def wait_for(self, text: str, since: int = 0, timeout_ms: int = 30_000) -> None:
        for _ in range(timeout_ms // 50):
            if text in "".join(self.frames[since:]):
                return
            self.page.wait_for_timeout(50)  # lets Playwright deliver the next frames
        screen = "".join(self.frames[since:])[-2000:]
        raise AssertionError(f"{text!r} never appeared; the end of what came:\n{screen}")


def status(db_path: Path) -> dict:
    result = run_cli("--db", str(db_path), "status", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.usefixtures("frozen_now")  # Wednesday 2026-03-11, for the server, its apps, the shell
def test_time_logged_in_the_browser_reaches_the_database(
    serve, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from playwright.sync_api import sync_playwright

    executable = chromium()
    # --db names the database; the app processes must use it, not what $STUDYTUI_DB says.
    monkeypatch.setenv("STUDYTUI_DB", str(tmp_path / "not-this-one.db"))
    yesterday = run_cli("--db", str(db_path), "log", "50m", "-a", "ML", "-d", "yesterday")
    assert yesterday.returncode == 0, yesterday.stderr
    served = serve()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            terminal = Terminal(page)
            page.goto(served.url)
            # The roadmap's next milestones are drawn once the database is open.
            terminal.wait_for("[ ] ")
            assert len(served.apps) == 1
            page.locator(".xterm-helper-textarea").focus()  # where xterm.js takes the keys

            # The shell writes while the browser session is open...
            logged = run_cli("--db", str(db_path), "log", "20m", "-a", "Programming")
            assert logged.returncode == 0, logged.stderr
            # ...and so does the browser: n, a duration, enter. The form proposes the area used
            # last, which the shell's entry just made Programming: the app reads what it wrote.
            mark = terminal.mark()
            page.keyboard.press("n")
            terminal.wait_for("Log study time", since=mark)
            page.keyboard.type("45m")
            mark = terminal.mark()
            page.keyboard.press("Enter")
            terminal.wait_for("Logged 45m of Programming & software engineering", since=mark)

            wait_until(lambda: status(db_path)["today_minutes"] == 65, "both entries of today")
            terminal.wait_for("1h 5m of 1h", since=mark)  # the dashboard's Today card
            page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            shot = tmp_path / "serve.png"
            page.screenshot(path=shot)

            # q quits the app, as in a terminal: its process ends, and the page says so.
            page.keyboard.press("q")
            page.wait_for_selector("body.-closed")
            wait_until(lambda: not served.apps, "the app process to end")
        finally:
            browser.close()
    assert status(db_path)["current_streak_days"] == 2
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 20_000  # a drawn page, not a blank one
    if folder := os.environ.get(SCREENSHOT_DIR_ENV_VAR):
        shutil.copy(shot, Path(folder) / "serve.png")
