"""The schema revisions studytui knows, oldest first, in a module that imports nothing: the
quick reader checks the stored revision before SQLAlchemy is loaded."""

from __future__ import annotations

# A test checks these against the revisions shipped in db/migrations/versions.
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
HEAD = REVISIONS[-1]
