"""Shell completion with argcomplete: `studytui completion bash|zsh|fish` prints the script a
shell loads, and that script runs `studytui` with `_ARGCOMPLETE` set at every TAB.

argcomplete, and this module, are imported only in those two cases, so no other command pays
for them. The names of areas, milestones, certificates and side activities are offered for the
arguments that take them, read with plain SQL from the database the line names.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from studytui.cli.context import db_location

# Arguments that take a name, by their dest: what kind of name each takes.
NAME_ARGUMENTS = {
    "area": "area",
    "milestone": "milestone",
    "cert": "certificate",
    "activity": "activity",
}
# Positional names, by command and dest.
NAMED_POSITIONALS = {("start", "area"): "area", ("cert-done", "name"): "certificate"}


class NameCompleter:
    """Completes the names of one kind, from the database the command line names (`--db`,
    then $STUDYTUI_DB, then the default)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __call__(self, *, parsed_args: argparse.Namespace, **_: object) -> list[str]:
        from studytui.actions.completion import names_to_complete

        return names_to_complete(db_location(parsed_args), self.kind)


def add_name_completers(parser: argparse.ArgumentParser) -> None:
    """Give every argument that takes a name its completer (argcomplete reads `completer`)."""
    for group in parser._actions:
        if not isinstance(group, argparse._SubParsersAction):
            continue
        for command, sub in group.choices.items():
            for action in sub._actions:
                kind = NAMED_POSITIONALS.get((command, action.dest))
                if kind is None and action.option_strings:
                    kind = NAME_ARGUMENTS.get(action.dest)
                if kind is not None:
                    action.completer = NameCompleter(kind)


def _same_start(completion: str, prefix: str) -> bool:
    # `--area mach` finds "Machine learning", as the name rule itself ignores case.
    return completion.casefold().startswith(prefix.casefold())


def complete(parser: argparse.ArgumentParser) -> NoReturn:
    """Answer the shell's completion request and end the process (argcomplete's way)."""
    import argcomplete

    add_name_completers(parser)
    # Options once a "-" is typed, as most commands complete: a bare TAB lists what to type.
    argcomplete.autocomplete(parser, always_complete_options=False, validator=_same_start)
    raise SystemExit(1)  # only reached if argcomplete found no request after all


def cmd_completion(args: argparse.Namespace) -> int:
    import argcomplete

    print(argcomplete.shellcode(["studytui"], shell=args.shell), end="")
    return 0
