"""Undo: every delete and status change a screen makes returns an `Undoable`, the snapshot
that puts it back; `undo` does that in one transaction.

What each kind takes is its feature's (`actions.log.EntryDeleted`,
`actions.roadmap.StatusChanged`, ...); the rows a delete takes with it are found and put back
by `db.undo`. An undo refuses, changing nothing, when what it would put back was changed since.
A refusal the user can clear (`UndoBlocked`: a name taken since, a day full since...) leaves the
change undoable; the others (it is back already, it was changed since) end it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from studytui.actions.context import Tx, writing
from studytui.db import undo as store
from studytui.db.engine import Database
from studytui.db.undo import Removed
from studytui.domain.errors import UndoBlocked

AGAIN = "press u again"  # how the screens undo; the shell words its own (`actions.entries`)


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
        left_out = store.put_back(tx.session, self.removed)
        return f"; {left_out}" if left_out else ""


def done_message(change: Undoable) -> str:
    """What every screen says after a change it can undo: the same words and key everywhere."""
    summary = change.summary
    return f"{summary[:1].upper()}{summary[1:]}. Press u to undo."


def undo(db: Database, change: Undoable, *, now: datetime) -> str:
    """Put back what `change` did, in one transaction; returns the message that says so."""
    try:
        with writing(db, now) as tx:
            extra = change.put_back(tx)
    except UndoBlocked as exc:
        raise exc.worded(AGAIN) from None
    return f"Undone: {change.summary}{extra}."


def still_undoable(refusal: Exception) -> bool:
    """Whether a change whose undo raised `refusal` may be undone later: when the user can
    clear what blocks it, or the database was out of reach for a moment. Else the change is
    spent (back already, changed since) and the undo before it comes next."""
    from studytui.db.errors import StoreError

    return isinstance(refusal, UndoBlocked | StoreError)
