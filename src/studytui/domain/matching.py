"""Finding one record by what a user typed: a built-in short key, an exact name or a unique
prefix, in any case. The entry form's suggestions and every shell command use this one rule."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from studytui.domain.errors import ValidationError

T = TypeVar("T")

_MAX_LISTED = 8


@dataclass(frozen=True)
class Choice(Generic[T]):
    """Something a user can pick by name: an area, a milestone, a certificate, an activity."""

    name: str
    value: T
    key: str | None = None  # a built-in short key (`ml`, `mlops`), which wins over names


def match_one(query: str, choices: Iterable[Choice[T]], what: str) -> Choice[T]:
    """Pick the choice whose short key or name is `query` or, failing that, whose name
    uniquely starts with it; a name that merely contains the query counts only when no name
    starts with it, so "learning" still finds "Machine learning". The key comes first, so
    `ml` is Machine learning, not "MLOps & cloud".
    """
    typed = query.strip()
    wanted = _folded(typed)
    pairs = list(choices)
    if not wanted:
        raise ValidationError(f"no {what} given; choose one of: {_names(pairs)}")
    by_key = [c for c in pairs if c.key and c.key.casefold() == wanted]
    if len(by_key) == 1:
        return by_key[0]
    exact = [c for c in pairs if _folded(c.name) == wanted]
    if len(exact) == 1:
        return exact[0]
    if exact:
        # Only a database from before names had to be unique (or an old import) holds these.
        raise ValidationError(
            f'{len(exact)} {what}s are called "{exact[0].name}": rename one so it can be picked'
        )
    prefixed = [c for c in pairs if c.name.casefold().startswith(wanted)]
    if not prefixed:
        prefixed = [c for c in pairs if wanted in c.name.casefold()]
    if len(prefixed) == 1:
        return prefixed[0]
    if not prefixed:
        raise ValidationError(f'no {what} matches "{typed}"; choose one of: {_names(pairs)}')
    raise ValidationError(f'"{typed}" matches several {what}s: {_names(prefixed)}')


def same_name(a: str, b: str) -> bool:
    """Whether `match_one` could not tell the two names apart: the same in any case, once
    the spaces around them are trimmed."""
    return _folded(a) == _folded(b)


def name_taken(name: str, choices: Iterable[Choice[T]], *, besides: T | None = None) -> str | None:
    """The name of a choice (other than the one whose value is `besides`) that `name` could
    not be told apart from, or None: names that must stay unique are checked with this."""
    for choice in choices:
        if choice.value != besides and same_name(choice.name, name):
            return choice.name
    return None


def _folded(name: str) -> str:
    return name.strip().casefold()


def _names(choices: list[Choice[T]]) -> str:
    names = [c.name for c in choices]
    if not names:
        return "(none yet)"
    shown = ", ".join(names[:_MAX_LISTED])
    return shown + (f" and {len(names) - _MAX_LISTED} more" if len(names) > _MAX_LISTED else "")
