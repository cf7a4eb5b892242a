"""Starting the app from the command line."""

from __future__ import annotations

from studytui.paths import resolve_db_path


def run_app(db_option: str | None) -> int:
    from studytui.ui.app import make_app

    app = make_app(resolve_db_path(db_option))
    app.run()
    return app.return_code or 0
