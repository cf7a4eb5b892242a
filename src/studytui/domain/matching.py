"""Finding one record by what a user typed: an exact name or a unique prefix, any case."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from studytui.domain.errors import ValidationError

T = TypeVar("T")

_MAX_LISTED = 8


def match_one(query: str, candidates: Iterable[tuple[str, T]], what: str) -> T:
    """Pick the candidate whose name is `query` or, failing that, uniquely starts with it.

    `candidates` are (name, value) pairs. A name that merely contains the query counts only
    when no name starts with it, so "learning" still finds "Machine learning".
    """
    wanted = query.strip().casefold()
    pairs = list(candidates)
    if not wanted:
        raise ValidationError(f"no {what} given; choose one of: {_names(pairs)}")
    exact = [value for name, value in pairs if name.casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    prefixed = [(name, value) for name, value in pairs if name.casefold().startswith(wanted)]
    if not prefixed:
        prefixed = [(name, value) for name, value in pairs if wanted in name.casefold()]
    if len(prefixed) == 1:
        return prefixed[0][1]
    if not prefixed:
        raise ValidationError(f'no {what} matches "{query}"; choose one of: {_names(pairs)}')
    raise ValidationError(f'"{query}" matches several {what}s: {_names(prefixed)}')


def _names(pairs: list[tuple[str, T]]) -> str:
    names = [name for name, _ in pairs]
    if not names:
        return "(none yet)"
    shown = ", ".join(names[:_MAX_LISTED])
    return shown + (f" and {len(names) - _MAX_LISTED} more" if len(names) > _MAX_LISTED else "")
