"""Reading Watson, Timewarrior and Toggl Track files, and which study area each span goes to."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studytui.domain.errors import ValidationError
from studytui.domain.matching import Choice
from studytui.domain.trackers import (
    assign_areas,
    entry_id,
    read_tracker_file,
    tracked_note,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "trackers"

AREAS = [
    Choice("Programming & software engineering", "prog-id", "programming"),
    Choice("Machine learning", "ml-id", "ml"),
    Choice("Data science & maths", "ds-id", "data_science"),
    Choice("Data engineering", "de-id", "data_engineering"),
    Choice("MLOps & cloud", "ops-id", "mlops"),
]


def _read(tracker: str, name: str):
    return read_tracker_file(tracker, (FIXTURES / name).read_bytes(), file=name)


def test_watson_frames_keep_their_times_project_tags_and_id() -> None:
    first, second, third, short = _read("watson", "watson-frames.json")
    assert first.start == datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
    assert first.end == datetime(2026, 3, 2, 19, 30, tzinfo=UTC)
    assert (first.project, first.tags, first.seconds) == ("ml", ("book", "islr"), 90 * 60)
    assert first.key == "5e1f0c7a9b2d4e8f8a3c6b1d2e4f6a80"
    assert second.where == "frame 0b9d2c4"
    assert third.seconds == 30 * 60 - 1
    assert short.seconds == 20


def test_timewarrior_intervals_are_known_by_their_start_and_may_still_run() -> None:
    first, second, running = _read("timewarrior", "timew-export.json")
    assert first.key == "20260302T180000Z"
    assert first.start == datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
    assert first.tags == ("ml", "reading")
    assert first.description == "Read ISLR chapter 3"
    assert (first.project, second.description) == ("", "")
    assert running.end is None and running.tags == ("mlops",)


def test_toggl_rows_are_read_by_column_name_in_local_time() -> None:
    first, second, third = _read("toggl", "toggl-detailed.csv")  # begins with a byte-order mark
    assert first.start == datetime(2026, 3, 2, 19, 0).astimezone()
    assert first.seconds == 75 * 60
    assert first.project == "Machine learning"
    assert first.tags == ("notes", "maths")
    assert first.description == "Gradient descent, by hand"
    assert (second.project, second.tags) == ("", ("ml",))
    assert third.end == datetime(2026, 3, 9, 0, 30).astimezone()  # past midnight
    assert first.where == "line 2"


def test_a_toggl_export_without_end_columns_takes_the_duration() -> None:
    data = (
        b"Description,Project,Start date,Start time,Duration,Tags\n"
        b"Lecture,Machine learning,2026-03-02,19:00:00,01:30:00,\n"
    )
    (span,) = read_tracker_file("toggl", data, file="t.csv")
    assert span.end == datetime(2026, 3, 2, 20, 30).astimezone()


def test_the_same_start_twice_gives_two_entries_with_stable_ids() -> None:
    row = "sam@example.com,ml,2026-03-02,19:00:00,2026-03-02,19:30:00\n"
    data = ("Email,Project,Start date,Start time,End date,End time\n" + row + row).encode()
    first, second = read_tracker_file("toggl", data, file="t.csv")
    assert first.key != second.key
    again = read_tracker_file("toggl", data, file="t.csv")
    assert [s.key for s in again] == [first.key, second.key]


def test_entry_ids_are_stable_32_hex_digits_per_tracker_and_span() -> None:
    one = entry_id("watson", "abc")
    assert re.fullmatch(r"[0-9a-f]{32}", one)
    assert one == entry_id("watson", "abc")
    assert one != entry_id("timewarrior", "abc") != entry_id("watson", "abd")


def test_the_note_keeps_the_description_project_and_tags() -> None:
    first, *_ = _read("toggl", "toggl-detailed.csv")
    assert tracked_note(first) == (
        "Gradient descent, by hand\nproject: Machine learning; tags: notes, maths"
    )
    *_, running = _read("timewarrior", "timew-export.json")
    assert tracked_note(running) == "tags: mlops"


@pytest.mark.parametrize(
    ("tracker", "data", "problem"),
    [
        ("watson", b'{"frames": []}', "is not a JSON list"),
        ("watson", b"[[1772474400, 1772479800, ", "not valid JSON at line 1"),
        ("watson", b'[["9am", 1772479800, "ml", "abc", []]]', "its start is not a time"),
        ("watson", b'[[1772479800, 1772474400, "ml", "abc", []]]', "ends before it starts"),
        ("watson", b'[[1772474400, 1772479800, "ml", "abc", "tag"]]', "tags are not a list"),
        ("timewarrior", b'[{"start": "2026-03-02 18:00"}]', "not a time such as 2016"),
        ("timewarrior", b'[{"end": "20260302T180000Z"}]', "is not an interval"),
        ("toggl", b"Project,Description\nml,x\n", "has no Start date"),
        ("toggl", b"Start date,Start time,Duration\n03/02/2026,7:00 PM,1:00:00\n", "written 2026"),
        ("toggl", b"Start date,Start time,Duration\n2026-03-02,19:00,1.5\n", "Improved"),
        ("toggl", b"Start date,Start time,Duration\n2026-02-30,19:00,1:00:00\n", "not a real"),
        ("toggl", b"\xff\xfeS\x00", "is not UTF-8 text"),
    ],
)
def test_a_malformed_file_is_refused_in_one_line_naming_it(
    tracker: str, data: bytes, problem: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        read_tracker_file(tracker, data, file="in.file")
    message = str(refused.value)
    assert message.startswith("in.file: ") and problem in message, message
    assert "\n" not in message


def _spans(*names: tuple[str, tuple[str, ...]]):
    rows = ",".join(
        f'[1772474400, 1772479800, "{project}", "id{i}", {list(tags)!r}]'.replace("'", '"')
        for i, (project, tags) in enumerate(names)
    )
    return read_tracker_file("watson", f"[{rows}]".encode(), file="frames")


def test_a_built_in_key_wins_and_the_project_comes_before_the_tags() -> None:
    spans = _spans(("ml", ()), ("cooking", ("mlops",)), ("Data eng", ("ml",)))
    assert assign_areas(spans, AREAS, None, file="frames") == ["ml-id", "ops-id", "de-id"]


def test_names_matching_no_single_area_refuse_the_import_listing_them() -> None:
    # "data" starts two areas' names: like `--area data`, it picks neither.
    spans = _spans(("ml", ()), ("cooking", ("pasta",)), ("data", ()), ("cooking", ()))
    with pytest.raises(ValidationError) as refused:
        assign_areas(spans, AREAS, None, file="frames")
    message = str(refused.value)
    assert '"cooking", "pasta", "data";' in message
    assert "--area" in message


def test_with_a_fallback_the_unmatched_go_there_and_the_matched_stay() -> None:
    spans = _spans(("cooking", ()), ("ml", ()))
    fallback = AREAS[0]
    assert assign_areas(spans, AREAS, fallback, file="frames") == ["prog-id", "ml-id"]
