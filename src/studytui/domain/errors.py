"""Errors the domain raises; their text is shown to users as is (CLI and UI alike)."""

from __future__ import annotations


class ValidationError(ValueError):
    """A value a user typed is not acceptable. The message says why, in one line."""


class ContentError(ValueError):
    """A built-in or user-edited content file is broken."""

    def __init__(self, file: str, entry: str, problem: str) -> None:
        self.file, self.entry, self.problem = file, entry, problem
        where = f"{file}, {entry}" if entry else file
        super().__init__(f"{where}: {problem}")


class UndoBlocked(ValidationError):
    """An undo that cannot be done yet, but can once the user removes what blocks it (another
    record took the name, the day filled up...). Unlike other refusals it stays undoable, so
    the message says what blocks it, how to clear it, and that undoing again then works."""

    def __init__(self, reason: str, fix: str, again: str = "undo again") -> None:
        self.reason, self.fix = reason, fix
        super().__init__(f"not undone yet: {reason}; {fix}, then {again}")

    def worded(self, again: str) -> UndoBlocked:
        """The same refusal, saying how to undo again in the front end's words."""
        return UndoBlocked(self.reason, self.fix, again)
