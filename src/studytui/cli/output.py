"""How the command line talks: results on stdout, one-line errors on stderr with exit code 2."""

from __future__ import annotations

import sys

EXIT_USAGE = 2


def fail(message: str) -> int:
    print(f"studytui: error: {message}", file=sys.stderr)
    return EXIT_USAGE
