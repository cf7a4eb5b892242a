"""Errors the domain raises; their text is shown to users as is (CLI and UI alike)."""


class ValidationError(ValueError):
    """A value a user typed is not acceptable. The message says why, in one line."""


class ContentError(ValueError):
    """A built-in or user-edited content file is broken."""

    def __init__(self, file: str, entry: str, problem: str) -> None:
        self.file, self.entry, self.problem = file, entry, problem
        where = f"{file}, {entry}" if entry else file
        super().__init__(f"{where}: {problem}")
