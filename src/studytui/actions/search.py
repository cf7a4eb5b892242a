"""Search: the records that hold a text, for the search dialog (`/` on any screen, and the
command palette), which then shows the one chosen on its own screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from studytui.actions.context import reading
from studytui.db import search as store
from studytui.db.engine import Database
from studytui.db.search import Hit

__all__ = ["Hit", "SearchResults"]

PER_KIND = 25  # enough to scroll through; a more precise word finds the rest
MAX_QUERY = 200


@dataclass(frozen=True)
class SearchResults:
    query: str  # what was searched for: the text typed, trimmed, and cut to MAX_QUERY
    hits: tuple[Hit, ...]  # milestones, certificates, activities, then entries (newest first)
    more: bool  # some kind had more hits than are listed
    cut: bool = False  # the text typed was longer than MAX_QUERY: only its start was searched


def search(db: Database, query: str, *, now: datetime) -> SearchResults:
    """Every milestone (title, why, notes), certificate (name, provider, notes, credential),
    side activity (title, description, outcome) and log entry (note) holding `query`, in any
    case; spaces inside it count as typed (two in a row find two in a row). A blank query
    finds nothing; of a longer one, the first MAX_QUERY characters are searched, and `cut`
    says so."""
    typed = query.strip()
    text, cut = typed[:MAX_QUERY], len(typed) > MAX_QUERY
    if not text:
        return SearchResults(text, (), False)
    hits: list[Hit] = []
    more = False
    with reading(db, now) as tx:
        for find in (
            store.search_milestones,
            store.search_certificates,
            store.search_activities,
            store.search_entries,
        ):
            found = find(tx.session, text, limit=PER_KIND + 1)
            more = more or len(found) > PER_KIND
            hits += found[:PER_KIND]
    return SearchResults(text, tuple(hits), more, cut)
