"""The command line's grammar: every sub-command, its options and their help."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

# The trackers `import --from` reads (domain.trackers.TRACKERS, not imported here: parsing a
# command line must stay cheap).
TRACKER_CHOICES = ("watson", "timewarrior", "toggl")
SHELLS = ("bash", "zsh", "fish")  # what `studytui completion` writes scripts for


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse prints usage plus the message; one line is what the rest of the CLI does.
        from studytui.domain.text import printable

        # The message quotes what was typed: one line, its control characters shown.
        shown = printable(message, keep_breaks=False)
        self.exit(2, f"studytui: error: {shown} (see `studytui --help`)\n")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse ignores a failed write; `--help > /dev/full` then said nothing and exited 0.
        # Let it reach cli.main, which reports a full disk or a closed pipe like any output.
        if message:
            (file or sys.stderr).write(message)


class _VersionAction(argparse.Action):
    """`--version`, reading the version only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, **_: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        import studytui

        parser._print_message(f"studytui {studytui.__version__}\n", sys.stdout)
        parser.exit(0)


def not_utf8(argv: list[str]) -> str | None:
    """What is wrong with an argument that is not UTF-8 text, or None. Python hands bytes
    that are not UTF-8 over as lone surrogates, which no database can store."""
    for text in argv:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            shown = text.encode("utf-8", "replace").decode("utf-8")  # ? for the bad bytes
            return (
                f'"{shown}" is not UTF-8 text; studytui keeps notes and names as UTF-8 — '
                "check the terminal's character encoding"
            )
    return None


def _name(text: str) -> str:
    """A name or prefix to look up (`--area`, `--milestone`...): an empty one would match
    nothing, or silently fall back to a default, so it is refused where it is typed."""
    if not text.strip():
        raise argparse.ArgumentTypeError("is empty: give a name or the first letters of one")
    return text


def _db_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        default=default,
        help="database file, or postgresql://user@host:port/dbname URL, to use "
        "(default: $STUDYTUI_DB, then a file in the user data directory)",
    )


def _period_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="since", metavar="DAY", help="first day (default: the week's first)"
    )
    parser.add_argument("--to", dest="until", metavar="DAY", help="last day (default: today)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="studytui",
        description="Track your study towards machine-learning engineering. "
        "Without a command, opens the app.",
    )
    parser.add_argument("--version", action=_VersionAction)
    _db_option(parser, None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        # SUPPRESS: `studytui --db X log` and `studytui log --db X` both work.
        _db_option(sub, argparse.SUPPRESS)
        return sub

    command("where", "show where the database and backups live, and the schema version")

    log = command("log", "log study time, e.g. `studytui log 1h30m --area ml`")
    log.add_argument("duration", help="90, 90m, 1.5h, 1h30m or 1:30")
    log.add_argument(
        "--area",
        "-a",
        type=_name,
        help="study area: name or unique prefix (default: the last one used)",
    )
    log.add_argument("--milestone", "-m", type=_name, help="roadmap milestone it served")
    log.add_argument("--note", "-n", default="", help="what you learned")
    log.add_argument("--date", "-d", help="YYYY-MM-DD, today or yesterday (default: today)")
    log.add_argument(
        "--cert", "-c", type=_name, help="certificate it served: name or unique prefix"
    )
    log.add_argument(
        "--activity", type=_name, help="side activity it served: name or unique prefix"
    )

    status = command("status", "today, this week, goals and streaks")
    status.add_argument("--json", action="store_true", help="print one JSON object")

    config = command("config", "list settings, or set one: `studytui config daily_goal 45m`")
    config.add_argument("key", nargs="?")
    config.add_argument("value", nargs="?")

    start = command("start", "start the study timer for an area")
    start.add_argument("area", type=_name, help="study area: name or unique prefix")
    start.add_argument("--milestone", "-m", type=_name, help="roadmap milestone it serves")

    stop = command("stop", "stop the study timer and log the time")
    stop.add_argument("--note", "-n", default="", help="what you learned")
    stop.add_argument("--discard", action="store_true", help="stop without logging anything")

    command("next", "the roadmap milestones to work on next")

    journal = command("journal", "write your learning journal as Markdown")
    journal.add_argument("--since", help="first day, YYYY-MM-DD (default: the first entry)")
    journal.add_argument("--until", help="last day, YYYY-MM-DD (default: today)")
    journal.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")

    report = command("report", "study time over a period, by area, day, week, month, ...")
    report.add_argument(
        "--from", dest="since", metavar="DAY", help="first day (default: week start)"
    )
    report.add_argument("--to", dest="until", metavar="DAY", help="last day (default: today)")
    report.add_argument(
        "--by",
        default="area",
        metavar="GROUP",
        help="area, day, week, month, milestone, certificate or activity (default: area)",
    )
    report_format = report.add_mutually_exclusive_group()
    report_format.add_argument("--json", action="store_true", help="print one JSON object")
    report_format.add_argument("--csv", action="store_true", help="print CSV rows")

    entries = command("entries", "list log entries with their ids")
    entries.add_argument(
        "--from", dest="since", metavar="DAY", help="first day (default: week start)"
    )
    entries.add_argument("--to", dest="until", metavar="DAY", help="last day (default: today)")
    entries.add_argument("--area", "-a", help="only this study area")
    entries.add_argument("--json", action="store_true", help="print a JSON list")

    edit = command("edit", "change a log entry (`studytui undo` puts it back)")
    edit.add_argument("id", help="the entry's id or a unique start of it")
    edit.add_argument("--duration", help="90, 90m, 1.5h, 1h30m or 1:30")
    edit.add_argument("--date", "-d", help="YYYY-MM-DD, today or yesterday")
    edit.add_argument("--area", "-a", help="study area: name or unique prefix")
    edit.add_argument("--milestone", "-m", help='roadmap milestone ("" removes the link)')
    edit.add_argument("--cert", "-c", help='certificate ("" removes the link)')
    edit.add_argument("--activity", help='side activity ("" removes the link)')
    edit.add_argument("--note", "-n", help="what you learned")

    delete = command("delete", "delete a log entry (`studytui undo` brings it back)")
    delete.add_argument("id", help="the entry's id or a unique start of it")

    command("undo", "undo the last `edit` or `delete` made from the shell")

    command("whats-new", "what newer versions of studytui added to your roadmap")

    command("certs", "list your certificates")
    cert_done = command("cert-done", "mark a certificate passed")
    cert_done.add_argument("name", type=_name, help="certificate: name or unique prefix")
    cert_done.add_argument(
        "--date", "-d", help="day passed: YYYY-MM-DD, today or yesterday (default: today)"
    )

    command("activities", "list your side activities with hours and earnings")

    export = command("export", "write all your data as JSON (or the log as CSV)")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    export.add_argument("--csv", action="store_true", help="log entries as CSV")
    import_ = command(
        "import",
        "add the records of a JSON export, or the time tracked with Watson, Timewarrior or "
        "Toggl Track (all or nothing)",
    )
    import_.add_argument(
        "file",
        metavar="FILE",
        help="a file written by `studytui export`, or by the tracker named with --from",
    )
    import_.add_argument(
        "--from",
        dest="tracker",
        choices=TRACKER_CHOICES,
        help="the tracker that wrote FILE: Watson's frames file, `timew export` output, or a "
        "Toggl Track detailed report as CSV (default: a studytui export)",
    )
    import_.add_argument(
        "--area",
        "-a",
        help="study area for the time whose project and tags match no area "
        "(default: refuse, listing those names)",
    )
    backup = command("backup", "copy the database, safely even while the app is open")
    backup.add_argument("dir", nargs="?", help="folder for the copy (default: the backup folder)")
    restore = command("restore", "replace the database with a backup (the current one is kept)")
    restore.add_argument("file", help="a studytui database file")
    copy = command("copy", "copy the whole study record into another database (a file or a server)")
    copy.add_argument(
        "--to",
        dest="target",
        metavar="PATH|URL",
        required=True,
        help="the database to copy into: a file path, or a postgresql:// URL",
    )
    copy.add_argument(
        "--replace",
        action="store_true",
        help="replace what the target already holds (it is kept first: a file as a copy, "
        "a server database as a JSON export)",
    )
    completion = command(
        "completion", 'print the shell completion script: `eval "$(studytui completion bash)"`'
    )
    completion.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    _serve_command(command("serve", "open the app in a web browser (needs the web extra)"))
    return parser


def _serve_command(serve: argparse.ArgumentParser) -> None:
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only); "
        "any other address needs the token",
    )
    serve.add_argument("--port", type=int, default=8000, help="default: 8000; 0 picks a free one")
    serve.add_argument(
        "--token",
        help="the secret the address must carry (default: $STUDYTUI_SERVE_TOKEN, else a new one "
        "when --host is not this machine)",
    )
    serve.add_argument(
        "--max-sessions",
        type=int,
        default=4,
        metavar="N",
        help="browser sessions open at once, each one app process (default: 4)",
    )
