"""The export document: what `studytui export` writes and `studytui import` accepts.

Pure: text in, plain dataclasses out (or the reverse). The whole document is checked before
anything is written, and the first problem is reported naming the file, the record and the
field, so a user can open the file and fix it. One table of field specs drives both reading
and writing, so what is exported always reads back unchanged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import fields
from datetime import date, datetime
from typing import Any

from studytui.domain.activities import check_dates
from studytui.domain.errors import ValidationError
from studytui.domain.export_records import (
    ACTIVITY_FIELDS,
    AREA_FIELDS,
    CERTIFICATE_FIELDS,
    ENTRY_FIELDS,
    ID_PATTERN,
    MAX_FILE_BYTES,
    MAX_RECORDS,
    MILESTONE_FIELDS,
    PAYMENT_FIELDS,
    RESOURCE_FIELDS,
    TIMER_FIELDS,
    ActivityRecord,
    AreaRecord,
    CertificateRecord,
    EntryRecord,
    ExportDocument,
    MilestoneRecord,
    PaymentRecord,
    Reader,
    ResourceRecord,
    TimerRecord,
    format_moment,
    read_id,
    read_moment,
)
from studytui.domain.settings import SETTING_KEYS, parse_setting

FORMAT_NAME = "studytui-export"
CSV_HEADER = ("date", "minutes", "area", "milestone", "certificate", "activity", "note")
FORMAT_VERSION = 1

_C1 = re.compile(r"[\x7f-\x9f]")

_TOP_LEVEL = (
    "format",
    "version",
    "exported_at",
    "settings",
    "areas",
    "milestones",
    "certificates",
    "activities",
    "payments",
    "log_entries",
    "timer",
    "content_version",
)


# --- reading -----------------------------------------------------------------------------------


class _Problem(Exception):
    """Internal: carries where and what until `parse_document` adds the file name."""


def _fail(where: str, problem: str) -> _Problem:
    return _Problem(f"{where}: {problem}")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Problem(f'key "{key}" appears twice in one object')
        result[key] = value
    return result


def _record(raw: Any, where: str, spec: dict[str, Reader], extra: Iterable[str] = ()) -> dict:
    if not isinstance(raw, dict):
        raise _fail(where, "must be an object")
    rid = raw.get("id")
    if isinstance(rid, str) and ID_PATTERN.match(rid):
        where = f"{where} (id {rid})"
    allowed = set(spec) | set(extra)
    for name in raw:
        if name not in allowed:
            raise _fail(where, f'unknown field "{name}"')
    values: dict[str, Any] = {}
    for name, read in spec.items():
        if name not in raw:
            raise _fail(where, f'field "{name}" is missing')
        try:
            values[name] = read(raw[name])
        except ValueError as exc:
            raise _fail(where, f"field {name} {exc}") from None
    return values


def _list(top: dict[str, Any], name: str) -> list[Any]:
    value = top.get(name, [])
    if not isinstance(value, list):
        raise _fail(name, "must be a list")
    if len(value) > MAX_RECORDS:
        raise _fail(name, f"has {len(value)} records; at most {MAX_RECORDS} are accepted")
    return value


def _unique(kind: str, ids: Iterable[tuple[int, str]]) -> set[str]:
    seen: set[str] = set()
    for index, rid in ids:
        if rid in seen:
            raise _fail(f"{kind}[{index}] (id {rid})", "this id appears twice in the file")
        seen.add(rid)
    return seen


def _check_ref(where: str, field: str, value: str | None, known: set[str], kind: str) -> None:
    if value is not None and value not in known:
        raise _fail(where, f"field {field} refers to {kind} {value}, which is not in the file")


def _settings(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise _fail("settings", "must be an object of name: text")
    result: dict[str, str] = {}
    for key, value in raw.items():
        where = f'settings "{key[:64]}"'
        if len(key) > 64:
            raise _fail(where, "the name is longer than 64 characters")
        if not isinstance(value, str) or len(value) > 4000:
            raise _fail(where, "must be text of at most 4000 characters")
        if key in SETTING_KEYS:
            try:
                parse_setting(key, value, allow_internal=True)
            except ValidationError as exc:
                raise _fail(where, str(exc)) from None
        result[key] = value
    return result


def _read(top: Any) -> ExportDocument:
    if not isinstance(top, dict):
        raise _fail("the document", "must be a JSON object")
    if top.get("format") != FORMAT_NAME:
        raise _fail("field format", f'must be "{FORMAT_NAME}" (is this a studytui export?)')
    version = top.get("version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise _fail(
            "field version",
            f"format version {version!r} is not supported (this studytui reads version "
            f"{FORMAT_VERSION}); export again with a matching studytui",
        )
    for name in top:
        if name not in _TOP_LEVEL:
            raise _fail("the document", f'unknown field "{name}"')
    try:
        exported_at = read_moment(top.get("exported_at"))
    except ValueError as exc:
        raise _fail("field exported_at", str(exc)) from None

    areas = [
        AreaRecord(**_record(raw, f"areas[{i}]", AREA_FIELDS))
        for i, raw in enumerate(_list(top, "areas"))
    ]
    milestones = [_milestone(raw, i) for i, raw in enumerate(_list(top, "milestones"))]
    certificates = [
        CertificateRecord(**_record(raw, f"certificates[{i}]", CERTIFICATE_FIELDS))
        for i, raw in enumerate(_list(top, "certificates"))
    ]
    activities = [
        ActivityRecord(**_record(raw, f"activities[{i}]", ACTIVITY_FIELDS))
        for i, raw in enumerate(_list(top, "activities"))
    ]
    payments = [
        PaymentRecord(**_record(raw, f"payments[{i}]", PAYMENT_FIELDS))
        for i, raw in enumerate(_list(top, "payments"))
    ]
    entries = [
        EntryRecord(**_record(raw, f"log_entries[{i}]", ENTRY_FIELDS))
        for i, raw in enumerate(_list(top, "log_entries"))
    ]
    content_version = top.get("content_version")
    if content_version is not None and (
        not isinstance(content_version, int)
        or isinstance(content_version, bool)
        or not 1 <= content_version <= 1_000_000
    ):
        raise _fail("field content_version", "must be a whole number from 1, or null")
    raw_timer = top.get("timer")
    timer = None if raw_timer is None else TimerRecord(**_record(raw_timer, "timer", TIMER_FIELDS))

    doc = ExportDocument(
        exported_at=exported_at,
        settings=_settings(top.get("settings", {})),
        areas=tuple(areas),
        milestones=tuple(milestones),
        certificates=tuple(certificates),
        activities=tuple(activities),
        payments=tuple(payments),
        log_entries=tuple(entries),
        timer=timer,
        content_version=content_version,
    )
    _check_references(doc)
    return doc


def _milestone(raw: Any, index: int) -> MilestoneRecord:
    where = f"milestones[{index}]"
    values = _record(raw, where, MILESTONE_FIELDS, extra=("resources", "prerequisites"))
    where = f"{where} (id {values['id']})"
    resources = raw.get("resources", [])
    prerequisites = raw.get("prerequisites", [])
    if not isinstance(resources, list) or len(resources) > 1000:
        raise _fail(where, "field resources must be a list of at most 1000")
    if not isinstance(prerequisites, list) or len(prerequisites) > 1000:
        raise _fail(where, "field prerequisites must be a list of at most 1000 ids")
    try:
        required = tuple(read_id(p) for p in prerequisites)
    except ValueError as exc:
        raise _fail(where, f"field prerequisites: each {exc}") from None
    if len(set(required)) != len(required):
        raise _fail(where, "field prerequisites lists the same milestone twice")
    if values["id"] in required:
        raise _fail(where, "field prerequisites: a milestone cannot require itself")
    return MilestoneRecord(
        **values,
        resources=tuple(
            ResourceRecord(**_record(r, f"{where} resources[{j}]", RESOURCE_FIELDS))
            for j, r in enumerate(resources)
        ),
        prerequisites=required,
    )


def _check_references(doc: ExportDocument) -> None:
    area_ids = _unique("areas", enumerate(a.id for a in doc.areas))
    milestone_ids = _unique("milestones", enumerate(m.id for m in doc.milestones))
    cert_ids = _unique("certificates", enumerate(c.id for c in doc.certificates))
    activity_ids = _unique("activities", enumerate(a.id for a in doc.activities))
    _unique("payments", enumerate(p.id for p in doc.payments))
    _unique("log_entries", enumerate(e.id for e in doc.log_entries))
    _unique(
        "milestone resources",
        enumerate(r.id for m in doc.milestones for r in m.resources),
    )
    names: set[str] = set()
    keys: set[str] = set()
    for i, a in enumerate(doc.areas):
        # The database keeps area names unique, so the file must too; a short key picks one
        # area (`--area ml`), so it must be unique as well.
        if a.name in names:
            raise _fail(f"areas[{i}] (id {a.id})", f'field name "{a.name}" is used twice')
        if a.key is not None and a.key in keys:
            raise _fail(f"areas[{i}] (id {a.id})", f'field key "{a.key}" is used twice')
        names.add(a.name)
        keys.update([a.key] if a.key is not None else [])
    for i, activity in enumerate(doc.activities):
        try:  # the rule the activity form applies; no date is "in the future" in a file
            check_dates(activity.status, activity.start_date, activity.end_date, date.max)
        except ValidationError as exc:
            raise _fail(f"activities[{i}] (id {activity.id})", str(exc)) from None
    for i, m in enumerate(doc.milestones):
        where = f"milestones[{i}] (id {m.id})"
        _check_ref(where, "area_id", m.area_id, area_ids, "area")
        for required in m.prerequisites:
            _check_ref(where, "prerequisites", required, milestone_ids, "milestone")
    for i, p in enumerate(doc.payments):
        _check_ref(
            f"payments[{i}] (id {p.id})", "activity_id", p.activity_id, activity_ids, "activity"
        )
    for i, e in enumerate(doc.log_entries):
        where = f"log_entries[{i}] (id {e.id})"
        _check_ref(where, "area_id", e.area_id, area_ids, "area")
        _check_ref(where, "milestone_id", e.milestone_id, milestone_ids, "milestone")
        _check_ref(where, "certificate_id", e.certificate_id, cert_ids, "certificate")
        _check_ref(where, "activity_id", e.activity_id, activity_ids, "activity")
    if doc.timer is not None:
        _check_ref("timer", "area_id", doc.timer.area_id, area_ids, "area")
        _check_ref("timer", "milestone_id", doc.timer.milestone_id, milestone_ids, "milestone")


_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_NOT_AN_EXPORT = "import reads the JSON file written by `studytui export`"


def _export_text(data: bytes, file: str) -> str:
    """The file's text, or a ValidationError that says what the file is instead."""
    if data.startswith(_UTF16_BOMS):
        raise ValidationError(
            f"{file}: is UTF-16 text (saved by an editor or a spreadsheet), not a studytui "
            f"export, which is UTF-8; {_NOT_AN_EXPORT}"
        )
    # Some editors put a byte-order mark before UTF-8 text; the JSON after it is the same.
    data = data.removeprefix(_UTF8_BOM)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(
            f"{file}: is not UTF-8 text, so not a studytui export; {_NOT_AN_EXPORT}"
        ) from None
    start = text.lstrip()
    if not start:
        raise ValidationError(f"{file}: is empty; {_NOT_AN_EXPORT}")
    if not start.startswith(("{", "[")):  # JSON of another shape gets its own message
        first = start.splitlines()[0]
        if first.strip() == ",".join(CSV_HEADER):
            what = "the log as CSV (`studytui export --csv`), which is for spreadsheets"
        elif any(sep in first for sep in (",", ";", "\t")):
            what = "a CSV or spreadsheet file"
        else:
            what = 'not a studytui export (it does not start with "{")'
        raise ValidationError(f"{file}: is {what}; {_NOT_AN_EXPORT}")
    return text


def parse_document(data: bytes, *, file: str) -> ExportDocument:
    """Check a whole export file; raise ValidationError naming file, record and field."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(
            f"{file}: is {len(data) // (1024 * 1024)} MB; exports larger than "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB are refused"
        )
    text = _export_text(data, file)
    try:
        top = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        # Only an error at the very end means the file stops early; elsewhere it was edited.
        cause = (
            "the file may be cut short — export it again"
            if exc.pos >= len(text.rstrip())
            else "was it changed by hand? export it again"
        )
        raise ValidationError(
            f"{file}: not valid JSON at line {exc.lineno} column {exc.colno} ({exc.msg}); {cause}"
        ) from None
    except _Problem as exc:
        raise ValidationError(f"{file}: {exc}") from None
    except (ValueError, RecursionError):
        # Python refuses integers of thousands of digits and nesting thousands deep.
        raise ValidationError(f"{file}: holds a value too large or too deeply nested") from None
    try:
        return _read(top)
    except _Problem as exc:
        raise ValidationError(f"{file}: {exc}; nothing was imported") from None


# --- writing -----------------------------------------------------------------------------------


def _plain(record: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, datetime):
            value = format_moment(value)
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = [_plain(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
        out[f.name] = value
    return out


def document_to_json(doc: ExportDocument) -> str:
    """The export file's text; the caller decides the order of records (sorted, stable)."""
    top: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": format_moment(doc.exported_at),
        "settings": dict(sorted(doc.settings.items())),
        "areas": [_plain(r) for r in doc.areas],
        "milestones": [_plain(r) for r in doc.milestones],
        "certificates": [_plain(r) for r in doc.certificates],
        "activities": [_plain(r) for r in doc.activities],
        "payments": [_plain(r) for r in doc.payments],
        "log_entries": [_plain(r) for r in doc.log_entries],
        "timer": None if doc.timer is None else _plain(doc.timer),
        "content_version": doc.content_version,
    }
    text = json.dumps(top, indent=2, ensure_ascii=False) + "\n"
    # json escapes the C0 controls but writes DEL and the C1 controls as they are, and some
    # terminals run U+009B as an escape sequence. Outside strings JSON is ASCII, so escaping
    # them here keeps the file faithful and safe to print.
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def entry_to_plain(record: EntryRecord) -> dict[str, Any]:
    """One log entry as the export writes it (the shell's undo keeps the last change so)."""
    return _plain(record)


def entry_from_plain(raw: Any, *, where: str) -> EntryRecord:
    """One log entry read back as strictly as an export's; a ValidationError names `where`."""
    try:
        return EntryRecord(**_record(raw, where, ENTRY_FIELDS))
    except _Problem as exc:
        raise ValidationError(str(exc)) from None
