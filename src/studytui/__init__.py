"""studytui: a terminal study tracker for career switchers into ML engineering."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Looked up on first use: importlib.metadata costs ~35 ms, which the app's first frame
    # would otherwise pay for a version number it does not show.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("studytui")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
