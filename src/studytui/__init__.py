"""studytui: a terminal study tracker for career switchers into ML engineering."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("studytui")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
