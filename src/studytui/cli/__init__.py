"""The `studytui` command. With no sub-command it opens the app.

Each sub-command's module is imported when it runs, so `studytui log` never pays for Textual
and the app never pays for the quick commands, nor, started without arguments, for argparse.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

# sub-command -> "module:function" under studytui.cli, imported on use.
HANDLERS = {
    "where": "info:cmd_where",
    "log": "log:cmd_log",
    "status": "status:cmd_status",
    "config": "daily:cmd_config",
    "start": "daily:cmd_start",
    "stop": "daily:cmd_stop",
    "next": "roadmap:cmd_next",
    "journal": "roadmap:cmd_journal",
    "report": "reports:cmd_report",
    "entries": "entries:cmd_entries",
    "edit": "entries:cmd_edit",
    "delete": "entries:cmd_delete",
    "undo": "entries:cmd_undo",
    "whats-new": "whats_new:cmd_whats_new",
    "certs": "certs:cmd_certs",
    "cert-done": "certs:cmd_cert_done",
    "activities": "activities:cmd_activities",
    "export": "data:cmd_export",
    "import": "data:cmd_import",
    "backup": "data:cmd_backup",
    "restore": "data:cmd_restore",
    "copy": "data:cmd_copy",
    "completion": "completion:cmd_completion",
    "serve": "serve:cmd_serve",
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Whatever it prints, a reader that closes the pipe early ends it
    quietly and a full disk under stdout is one line on stderr, never a traceback."""
    try:
        code = _run(argv)
    except SystemExit as exit_:  # argparse's --help, --version and usage errors
        failed = _flush()
        if failed is not None:
            return failed
        raise exit_ from None
    except OSError as exc:
        return _output_failed(exc)
    failed = _flush()  # a short output meets a closed pipe or a full disk only here
    return code if failed is None else failed


def _flush() -> int | None:
    try:
        sys.stdout.flush()
    except OSError as exc:
        return _output_failed(exc)
    return None


def _output_failed(exc: OSError) -> int:
    from studytui.actions.errors import os_error_detail
    from studytui.cli.output import EXIT_CLOSED_PIPE, drop_stdout, fail

    drop_stdout()
    if isinstance(exc, BrokenPipeError):
        return EXIT_CLOSED_PIPE
    where = f"cannot use {exc.filename}" if exc.filename else "could not write the output"
    return fail(f"{where}: {os_error_detail(exc)}")


def _run(argv: Sequence[str] | None) -> int:
    if argv is None and "_ARGCOMPLETE" in os.environ:
        # The shell asks for completions at a TAB (cli.completion); the command line to
        # complete is in the environment, so this comes before the app's no-argument start.
        from studytui.cli.completion import complete
        from studytui.cli.parser import build_parser

        complete(build_parser())
    if not (sys.argv[1:] if argv is None else argv):
        # Plain `studytui`, the daily case: there is nothing to parse.
        from studytui.ui.run import run_app

        return run_app(None)
    from studytui.cli.parser import build_parser, not_utf8

    given = list(sys.argv[1:] if argv is None else argv)
    bad = not_utf8(given)
    if bad is not None:
        from studytui.cli.output import fail

        return fail(bad)
    args = build_parser().parse_args(given)
    if args.command is None:
        from studytui.ui.run import run_app

        return run_app(args.db)
    module_name, func_name = HANDLERS[args.command].split(":")
    handler = getattr(importlib.import_module(f"studytui.cli.{module_name}"), func_name)

    from studytui.actions.errors import ACTION_ERRORS
    from studytui.cli.output import fail, guard_terminal

    guard_terminal()
    try:
        return int(handler(args))
    except ACTION_ERRORS as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
