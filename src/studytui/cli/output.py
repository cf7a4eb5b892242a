"""How the command line talks: results on stdout, one-line errors on stderr with exit code 2.

What a command prints may hold a user's notes and names, from the keyboard or an import
file: on a terminal, control characters in them are shown as symbols, never run.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TextIO

from studytui.domain.text import elide_quotes, printable

EXIT_USAGE = 2
# What a shell reports for a command stopped by SIGPIPE: a reader that closed the pipe early
# (`studytui journal | head`) is the reader's choice, not an error worth a message.
EXIT_CLOSED_PIPE = 128 + 13


def fail(message: str) -> int:
    shown = elide_quotes(printable(message, keep_breaks=False))
    print(f"studytui: error: {shown}", file=sys.stderr)
    return EXIT_USAGE


class TerminalText:
    """A text stream to a terminal that shows control characters as symbols."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(printable(text))

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def guard_terminal() -> None:
    """Wrap stdout when it is a terminal; a file or a pipe gets the bytes as they are."""
    with contextlib.suppress(ValueError, OSError):
        if sys.stdout.isatty() and not isinstance(sys.stdout, TerminalText):
            sys.stdout = TerminalText(sys.stdout)


def drop_stdout() -> None:
    """After stdout failed (closed pipe, full disk), send what is still buffered nowhere, so
    that the interpreter's last flush on the way out fails no more."""
    if sys.stdout is not sys.__stdout__ or sys.__stdout__ is None:
        return  # redirected in-process (tests): leave the real descriptor alone
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())
        os.close(devnull)
