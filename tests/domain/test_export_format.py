"""The export document, checked without a database: what is accepted, what is refused, and
that writing then reading gives back the same records."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime
from typing import Any

import pytest

from studytui.domain.errors import ValidationError
from studytui.domain.export_format import FORMAT_VERSION, document_to_json, parse_document

A, M1, M2, E = "a" * 32, "b" * 32, "c" * 32, "d" * 32


def _doc(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": "studytui-export",
        "version": FORMAT_VERSION,
        "exported_at": "2026-03-11T20:30:00+00:00",
        "settings": {"daily_goal": "1h", "template": "software"},
        "areas": [
            {"id": A, "key": "ml", "name": "ML", "share": 40, "position": 1, "description": ""}
        ],
        "milestones": [
            {
                "id": m,
                "area_id": A,
                "key": None,
                "template": None,
                "title": f"step {i}",
                "why": "",
                "status": "todo",
                "estimate_hours": 5,
                "position": i,
                "notes": "",
                "started_on": None,
                "done_on": None,
                "resources": [
                    {
                        "id": "r" * 31 + str(i),
                        "title": "t",
                        "url": "https://example.com/u",
                        "position": 0,
                    }
                ],
                "prerequisites": [M1] if m == M2 else [],
            }
            for i, m in enumerate((M1, M2))
        ],
        "certificates": [],
        "activities": [],
        "payments": [],
        "log_entries": [
            {
                "id": E,
                "day": "2026-03-10",
                "minutes": 90,
                "area_id": A,
                "milestone_id": M2,
                "certificate_id": None,
                "activity_id": None,
                "note": "autograd",
                "created_at": "2026-03-10T21:00:00+01:00",
            }
        ],
        "timer": None,
    }
    doc.update(changes)
    return doc


def _parse(doc: dict[str, Any]):
    return parse_document(json.dumps(doc).encode(), file="x.json")


def test_a_valid_document_reads_into_typed_records() -> None:
    doc = _parse(_doc())
    entry = doc.log_entries[0]
    assert entry.day == date(2026, 3, 10)
    assert entry.created_at == datetime(2026, 3, 10, 20, 0, tzinfo=UTC)  # kept in UTC
    assert doc.milestones[1].prerequisites == (M1,)
    assert doc.milestones[0].resources[0].title == "t"


def test_writing_then_reading_gives_the_same_records() -> None:
    doc = _parse(_doc())
    assert parse_document(document_to_json(doc).encode(), file="x.json") == doc


def test_the_content_version_is_kept_and_absent_in_older_files() -> None:
    assert _parse(_doc(content_version=2)).content_version == 2
    assert _parse(_doc()).content_version is None  # 0.1.0 wrote none
    doc = _parse(_doc(content_version=3))
    assert json.loads(document_to_json(doc))["content_version"] == 3


def test_sections_may_be_left_out_of_a_hand_written_file() -> None:
    doc = _doc()
    for name in ("certificates", "activities", "payments", "timer"):
        del doc[name]
    assert _parse(doc).certificates == ()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"log_entries": [{**_doc()["log_entries"][0], "minutes": 0}]},
            "x.json: log_entries[0] (id " + E + "): field minutes must be from 1 to 1440",
        ),
        (
            {"log_entries": [{**_doc()["log_entries"][0], "milestone_id": "z" * 32}]},
            "field milestone_id refers to milestone " + "z" * 32 + ", which is not in the file",
        ),
        ({"areas": [{"id": A}]}, "areas[0] (id " + A + '): field "key" is missing'),
        ({"areas": "none"}, "areas: must be a list"),
        ({"exported_at": "yesterday"}, "field exported_at"),
        ({"settings": {"daily_goal": 5}}, 'settings "daily_goal": must be text'),
        ({"version": True}, "format version True is not supported"),
        ({"content_version": "2"}, "field content_version: must be a whole number from 1"),
        ({"content_version": 0}, "field content_version: must be a whole number from 1"),
        ({"content_version": True}, "field content_version: must be a whole number from 1"),
    ],
)
def test_problems_name_the_file_the_record_and_the_field(
    change: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _parse(_doc(**change))
    assert message in str(caught.value)
    assert str(caught.value).startswith("x.json: ")
    assert "\n" not in str(caught.value)


def test_a_milestone_cannot_require_itself() -> None:
    doc = _doc()
    doc["milestones"][0]["prerequisites"] = [M1]
    with pytest.raises(ValidationError, match="cannot require itself"):
        _parse(doc)


def test_two_areas_with_one_name_are_refused() -> None:
    doc = _doc()
    doc["areas"].append({**doc["areas"][0], "id": "e" * 32})
    with pytest.raises(ValidationError, match='field name "ML" is used twice'):
        _parse(doc)


def test_the_export_format_stays_pure() -> None:
    probe = "import studytui.domain.export_format, sys; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = out.stdout.split()
    assert not any(
        n.startswith(("studytui.db", "sqlalchemy", "sqlmodel", "textual")) for n in loaded
    )
