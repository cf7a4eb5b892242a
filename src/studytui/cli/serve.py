"""`studytui serve`: the app in a web browser."""

from __future__ import annotations

import argparse
import os

from studytui.cli.output import fail
from studytui.paths import DB_ENV_VAR, resolve_location
from studytui.web.gate import (
    TOKEN_ENV_VAR,
    Gate,
    checked_port,
    checked_session_limit,
    checked_token,
    needs_token,
    new_token,
)

INSTALL_HINT = "pip install 'studytui[web]'"


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        from studytui.web.server import serve
    except ModuleNotFoundError as exc:  # the web extra is optional: the terminal needs none of it
        return fail(f"`studytui serve` needs the web extra ({exc.name} is missing): {INSTALL_HINT}")

    port = checked_port(args.port)
    max_sessions = checked_session_limit(args.max_sessions)
    # Taken out of the environment so that the app processes never see it.
    from_env = os.environ.pop(TOKEN_ENV_VAR, None)
    given = args.token or from_env
    token = checked_token(given) if given else (new_token() if needs_token(args.host) else None)

    db_option = getattr(args, "db", None)
    path = resolve_location(db_option)
    # Opened once here, so that a wrong path or a read-only folder is one line now rather than
    # an error screen in every browser session.
    from studytui.actions.database import open_database

    open_database(path).dispose()
    if db_option:
        # The app processes inherit it, and resolve it exactly as this process did.
        os.environ[DB_ENV_VAR] = db_option
    return serve(
        db_path=path, host=args.host, port=port, gate=Gate(token), max_sessions=max_sessions
    )
