"""Starting the app from the command line."""

from __future__ import annotations

import asyncio
import os
import sys
from typing import NoReturn

from studytui.paths import resolve_location

# Longest a quit waits for a write that is still running (they take milliseconds).
WRITE_GRACE_SECONDS = 10.0


def run_app(db_option: str | None) -> NoReturn:
    from studytui.actions.errors import StoreError

    try:  # an unsupported URL is one line, not an error screen
        location = resolve_location(db_option)
    except StoreError as exc:
        from studytui.cli.output import fail

        sys.exit(fail(str(exc)))
    from studytui.ui.app import make_app

    app = make_app(location)
    # Our own loop: `asyncio.run` would join the thread pool on the way out, so quitting would
    # wait for every loading worker (thread workers cannot be cancelled), e.g. the first
    # import of SQLModel, which is most of a second.
    loop = asyncio.new_event_loop()
    app.run(loop=loop)
    code = app.return_code or 0
    # Reads may still be running in worker threads: their results are no longer wanted, but a
    # write must reach the disk, so wait for writes only. Then leave at once: a normal exit
    # would join the threads and tear down every module (a third of a second), for nothing.
    app.store.wait_for_writes(WRITE_GRACE_SECONDS)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
