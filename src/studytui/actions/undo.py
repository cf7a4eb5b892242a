"""Undo: every delete and status change a screen makes returns an `Undoable`, the snapshot
that puts it back; `undo` does that in one transaction.

What each kind takes is its feature's (`actions.log.EntryDeleted`,
`actions.roadmap.StatusChanged`, ...); the rows a delete takes with it are found and put back
by `db.undo`. An undo refuses, changing nothing, when what it would put back was changed since.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from studytui.actions.context import Tx, writing
from studytui.db import undo as store
from studytui.db.engine import Database
from studytui.db.undo import Removed


class Undoable:
    """What one change did, enough to put things back as they were."""

    @property
    def summary(self) -> str:
        """What was done, in the middle of a sentence: `deleted the milestone "SQL"`."""
        raise NotImplementedError

    def put_back(self, tx: Tx) -> str:
        """Put things back; returns what to add to the message ("" when it all came back)."""
        raise NotImplementedError


@dataclass(frozen=True)
class Deleted(Undoable):
    """A record deleted with what went with it (a milestone's links, an activity's payments)."""

    what: str  # "the milestone", "the certificate"...
    id: str
    name: str
    removed: Removed

    @property
    def summary(self) -> str:
        return f'deleted {self.what} "{self.name}"'

    def put_back(self, tx: Tx) -> str:
        store.put_back(tx.session, self.removed)
        return ""


def done_message(change: Undoable) -> str:
    """What every screen says after a change it can undo: the same words and key everywhere."""
    summary = change.summary
    return f"{summary[:1].upper()}{summary[1:]}. Press u to undo."


def undo(db: Database, change: Undoable, *, now: datetime) -> str:
    """Put back what `change` did, in one transaction; returns the message that says so."""
    with writing(db, now) as tx:
        extra = change.put_back(tx)
    return f"Undone: {change.summary}{extra}."
