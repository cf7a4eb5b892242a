"""Validation of the built-in content: TOML-parsed dicts in, frozen dataclasses out.

No I/O here so the same rules apply to shipped files and to files a user edits, and so every rule
can be tested on small inline dicts. Every problem raises ContentError naming the file, the record
and what is wrong, because the message is shown to the person who has to fix the file.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlsplit

from studytui.domain.errors import ContentError

TEMPLATE_KEYS = ("scratch", "software", "data_science")
TRACKS = ("cloud", "data_engineering", "ml", "other")
CATALOGUE_STATUSES = ("active", "retired")
ACTIVITY_KINDS = ("teaching", "writing", "talk", "competition", "freelance")

TOP = "top level"  # entry name for fields outside any [[table]]
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
_CURRENCY = re.compile(r"[A-Z]{3}")
_TOML_TYPES = {bool: "a boolean", int: "an integer", float: "a float", str: "a string"}


@dataclass(frozen=True)
class Resource:
    title: str
    url: str


@dataclass(frozen=True)
class AreaSpec:
    key: str
    name: str
    share: int  # target percent of study time
    description: str


@dataclass(frozen=True)
class MilestoneSpec:
    key: str
    area: str
    title: str
    why: str
    hours: int
    prerequisites: tuple[str, ...]
    resources: tuple[Resource, ...]


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    summary: str
    months: int
    hours_per_week: int
    areas: tuple[AreaSpec, ...]
    milestones: tuple[MilestoneSpec, ...]


@dataclass(frozen=True)
class CatalogueCertificate:
    """One exam of the catalogue, with where and when its facts were checked."""

    key: str
    name: str
    code: str  # the exam code people search for ("MLA-C01"); "" when the provider has none
    provider: str
    track: str
    status: str  # "active" | "retired"
    validity_months: int  # 0 = does not expire
    cost: int | None  # in `currency`; 0 = free; None = not verified (the note says why)
    currency: str
    url: str
    why: str
    checked_on: datetime.date
    source: str  # the page the facts were checked against
    retired_on: datetime.date | None = None  # retired entries only
    successor: str | None = None  # retired only: a catalogue key, or the successor's name
    see_also: tuple[str, ...] = ()  # further pages used for the facts
    note: str = ""  # what could not be verified, and anything else a reader should know

    @property
    def label(self) -> str:
        """The name with its exam code, as lists show it and people search for it."""
        if not self.code or self.code in self.name:
            return self.name
        return f"{self.name} ({self.code})"


@dataclass(frozen=True)
class ActivityIdea:
    key: str
    kind: str
    title: str
    takes: str
    brings: str


@dataclass(frozen=True)
class _At:
    """Where a value sits, so each helper can build a precise error."""

    file: str
    entry: str

    def error(self, problem: str) -> ContentError:
        return ContentError(self.file, self.entry, problem)


def _names(cls: type) -> tuple[str, ...]:
    # The dataclasses double as the schema, so the files and the code cannot drift apart.
    return tuple(field.name for field in fields(cls))


def _type_name(value: object) -> str:
    if isinstance(value, list | dict):
        return "an array" if isinstance(value, list) else "a table"
    return _TOML_TYPES.get(type(value), "a date or time")


def _table(data: object, at: _At, allowed: Collection[str] | None = None) -> Mapping[str, Any]:
    if not isinstance(data, dict):
        raise at.error(f"expected a table, got {_type_name(data)}")
    unknown = [name for name in data if allowed is not None and name not in allowed]
    if unknown:
        # Usually a typo, which would otherwise silently drop the value.
        raise at.error(f'unknown field "{unknown[0]}" (allowed: {", ".join(allowed or ())})')
    return data


def _get(data: Mapping[str, Any], name: str, at: _At) -> Any:
    if name not in data:
        raise at.error(f'missing field "{name}"')
    return data[name]


def _str(data: Mapping[str, Any], name: str, at: _At) -> str:
    value = _get(data, name, at)
    if not isinstance(value, str):
        raise at.error(f'"{name}" must be a string, not {_type_name(value)}')
    if not value.strip():
        raise at.error(f'"{name}" must not be empty')
    return value.strip()


def _int(data: Mapping[str, Any], name: str, at: _At, low: int, high: int | None = None) -> int:
    value = _get(data, name, at)
    # bool is a subclass of int in Python, but `true` is never a sensible count.
    if isinstance(value, bool) or not isinstance(value, int):
        raise at.error(f'"{name}" must be an integer, not {_type_name(value)}')
    if value < low or (high is not None and value > high):
        limit = f"from {low} to {high}" if high is not None else f"at least {low}"
        raise at.error(f'"{name}" must be {limit}, got {value}')
    return value


def _choice(data: Mapping[str, Any], name: str, choices: Collection[str], at: _At) -> str:
    value = _str(data, name, at)
    if value not in choices:
        raise at.error(f'unknown {name} "{value}" (use one of: {", ".join(choices)})')
    return value


def _url(data: Mapping[str, Any], name: str, at: _At) -> str:
    value = _str(data, name, at)
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise at.error(f'"{name}" must be an http(s) URL, got "{value}"')
    return value


def _https(data: Mapping[str, Any], name: str, at: _At) -> str:
    value = _url(data, name, at)
    if not value.startswith("https://"):
        raise at.error(f'"{name}" must be an https URL, got "{value}"')
    return value


def _date(data: Mapping[str, Any], name: str, at: _At) -> datetime.date:
    value = _get(data, name, at)
    # TOML dates parse to date; a datetime (which is also a date) carries a time nobody meant.
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise at.error(f'"{name}" must be a TOML date like 2026-03-31, not {_type_name(value)}')
    return value


def _list(data: Mapping[str, Any], name: str, at: _At, *, required: bool = True) -> list[Any]:
    if not required and name not in data:
        return []
    value = _get(data, name, at)
    if not isinstance(value, list):
        raise at.error(f'"{name}" must be an array, not {_type_name(value)}')
    return value


def _records(
    data: Mapping[str, Any], name: str, singular: str, allowed: Collection[str], at: _At
) -> list[tuple[str, _At, Mapping[str, Any]]]:
    """Each [[name]] record with its slug key, checked for shape and duplicate keys."""
    records: list[tuple[str, _At, Mapping[str, Any]]] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(_list(data, name, at)):
        indexed = _At(at.file, f"{name}[{index}]")
        record = _table(raw, indexed)
        key = _str(record, "key", indexed)
        if not _SLUG.fullmatch(key):
            raise indexed.error(f'key "{key}" must be lowercase letters, digits, "-" or "_"')
        if key in seen:
            raise indexed.error(f'duplicate key "{key}" (already used by {name}[{seen[key]}])')
        seen[key] = index
        keyed = _At(at.file, f'{singular} "{key}"')
        records.append((key, keyed, _table(record, keyed, allowed)))
    return records


def _resources(data: Mapping[str, Any], at: _At) -> tuple[Resource, ...]:
    resources = []
    for index, raw in enumerate(_list(data, "resources", at, required=False)):
        where = _At(at.file, f"{at.entry}, resources[{index}]")
        record = _table(raw, where, _names(Resource))
        resources.append(Resource(_str(record, "title", where), _url(record, "url", where)))
    return tuple(resources)


def _prerequisites(
    data: Mapping[str, Any], earlier: Collection[str], later: Collection[str], at: _At
) -> tuple[str, ...]:
    keys: list[str] = []
    for value in _list(data, "prerequisites", at, required=False):
        if not isinstance(value, str):
            raise at.error(f"prerequisites must be milestone keys, not {_type_name(value)}")
        if value in later:
            # Requiring file order keeps the list a valid study order and rules out cycles.
            raise at.error(f'prerequisite "{value}" must be defined earlier in the file')
        if value not in earlier:
            raise at.error(f'unknown prerequisite "{value}"')
        if value in keys:
            raise at.error(f'prerequisite "{value}" is listed twice')
        keys.append(value)
    return tuple(keys)


def parse_template(data: dict[str, Any], file: str) -> Template:
    top = _At(file, TOP)
    _table(data, top, _names(Template))
    key = _choice(data, "key", TEMPLATE_KEYS, top)
    name, summary = _str(data, "name", top), _str(data, "summary", top)
    months = _int(data, "months", top, 1, 120)
    hours_per_week = _int(data, "hours_per_week", top, 1, 100)
    areas = _areas(data, top)
    milestones = _milestones(data, tuple(area.key for area in areas), top)
    return Template(key, name, summary, months, hours_per_week, areas, milestones)


def _areas(data: Mapping[str, Any], top: _At) -> tuple[AreaSpec, ...]:
    areas = tuple(
        AreaSpec(
            key=key,
            name=_str(record, "name", at),
            share=_int(record, "share", at, 1, 100),
            description=_str(record, "description", at),
        )
        for key, at, record in _records(data, "areas", "area", _names(AreaSpec), top)
    )
    total = sum(area.share for area in areas)
    if total != 100:
        raise _At(top.file, "areas").error(f"shares must add up to 100, but they add up to {total}")
    return areas


def _milestones(
    data: Mapping[str, Any], area_keys: tuple[str, ...], top: _At
) -> tuple[MilestoneSpec, ...]:
    records = _records(data, "milestones", "milestone", _names(MilestoneSpec), top)
    if not records:
        raise _At(top.file, "milestones").error("a template needs at least one milestone")
    remaining = [key for key, _, _ in records]
    milestones: list[MilestoneSpec] = []
    for key, at, record in records:
        area = _str(record, "area", at)
        if area not in area_keys:
            raise at.error(f'unknown area "{area}" (areas in this file: {", ".join(area_keys)})')
        earlier = [m.key for m in milestones]
        milestones.append(
            MilestoneSpec(
                key=key,
                area=area,
                title=_str(record, "title", at),
                why=_str(record, "why", at),
                hours=_int(record, "hours", at, 1),
                prerequisites=_prerequisites(record, earlier, remaining, at),
                resources=_resources(record, at),
            )
        )
        remaining.remove(key)
    return tuple(milestones)


def parse_certificates(data: dict[str, Any], file: str) -> tuple[CatalogueCertificate, ...]:
    top = _At(file, TOP)
    _table(data, top, ("certificates",))
    records = _records(data, "certificates", "certificate", _names(CatalogueCertificate), top)
    certificates = [_certificate(key, at, record) for key, at, record in records]
    keys = {certificate.key for certificate in certificates}
    for certificate, (_, at, _) in zip(certificates, records, strict=True):
        _check_successor(certificate, keys, at)
    return tuple(certificates)


def _certificate(key: str, at: _At, record: Mapping[str, Any]) -> CatalogueCertificate:
    currency = _str(record, "currency", at)
    if not _CURRENCY.fullmatch(currency):
        raise at.error(f'"currency" must be a three-letter code like "USD", got "{currency}"')
    status = _choice(record, "status", CATALOGUE_STATUSES, at)
    note = _str(record, "note", at) if "note" in record else ""
    code = _get(record, "code", at)
    if not isinstance(code, str):
        raise at.error(f'"code" must be a string, not {_type_name(code)}')
    # An unverified or missing fact is allowed only when the entry says why.
    if not code.strip() and not note:
        raise at.error('"code" is empty: say in "note" why the exam has no code')
    if "cost" not in record and not note:
        raise at.error('"cost" is missing: say in "note" why the price is not given')
    retired_on = successor = None
    if status == "retired":
        retired_on = _date(record, "retired_on", at)
        successor = _str(record, "successor", at)
    else:
        for name in ("retired_on", "successor"):
            if name in record:
                raise at.error(f'"{name}" is only for status "retired"')
    return CatalogueCertificate(
        key=key,
        name=_str(record, "name", at),
        code=code.strip(),
        provider=_str(record, "provider", at),
        track=_choice(record, "track", TRACKS, at),
        status=status,
        validity_months=_int(record, "validity_months", at, 0),
        cost=_int(record, "cost", at, 0) if "cost" in record else None,
        currency=currency,
        url=_https(record, "url", at),
        why=_str(record, "why", at),
        checked_on=_date(record, "checked_on", at),
        source=_https(record, "source", at),
        retired_on=retired_on,
        successor=successor,
        see_also=tuple(
            _https({"see_also": url}, "see_also", at)
            for url in _list(record, "see_also", at, required=False)
        ),
        note=note,
    )


def _check_successor(certificate: CatalogueCertificate, keys: Collection[str], at: _At) -> None:
    successor = certificate.successor
    if successor is None:
        return
    if successor == certificate.key:
        raise at.error("a certificate cannot be its own successor")
    # A slug must name an entry (a typo would otherwise pass as a name); anything else is the
    # successor's name, for one the catalogue does not carry.
    if _SLUG.fullmatch(successor) and successor not in keys:
        raise at.error(f'successor "{successor}" is not a key in this file')


def parse_activity_ideas(data: dict[str, Any], file: str) -> tuple[ActivityIdea, ...]:
    top = _At(file, TOP)
    _table(data, top, ("ideas",))
    return tuple(
        ActivityIdea(
            key=key,
            kind=_choice(record, "kind", ACTIVITY_KINDS, at),
            title=_str(record, "title", at),
            takes=_str(record, "takes", at),
            brings=_str(record, "brings", at),
        )
        for key, at, record in _records(data, "ideas", "idea", _names(ActivityIdea), top)
    )
