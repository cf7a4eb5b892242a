from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from studytui.domain.catalogue import (
    certificate_reminders,
    is_retired,
    offered,
    retirement_note,
    retirement_reminders,
    retirement_text,
    successor_label,
)
from studytui.domain.certificates import Reminder
from studytui.domain.content import CatalogueCertificate

DAY = datetime.date

ACTIVE = CatalogueCertificate(
    key="aws-ml-engineer-associate",
    name="AWS Certified Machine Learning Engineer - Associate",
    code="MLA-C01",
    provider="Amazon Web Services",
    track="ml",
    status="active",
    validity_months=36,
    cost=150,
    currency="USD",
    url="https://aws.amazon.com/certification/certified-machine-learning-engineer-associate/",
    why="Models on AWS.",
    checked_on=DAY(2026, 11, 29),
    source="https://example.org/guide",
)
RETIRED = replace(
    ACTIVE,
    key="aws-ml-specialty",
    name="AWS Certified Machine Learning - Specialty",
    code="MLS-C01",
    status="retired",
    retired_on=DAY(2026, 3, 31),
    successor="aws-ml-engineer-associate",
)
CATALOGUE = (ACTIVE, RETIRED)


def test_an_exam_can_be_taken_up_to_its_last_day() -> None:
    assert not is_retired(RETIRED, DAY(2026, 3, 31))
    assert is_retired(RETIRED, DAY(2026, 4, 1))
    assert not is_retired(ACTIVE, DAY(2030, 1, 1))


def test_the_picker_offers_only_exams_that_can_still_be_taken() -> None:
    assert offered(CATALOGUE, DAY(2026, 11, 29)) == [ACTIVE]
    assert offered(CATALOGUE, DAY(2026, 3, 1)) == [ACTIVE, RETIRED]


def test_the_successor_is_named_with_its_exam_code() -> None:
    assert successor_label(RETIRED, CATALOGUE) == (
        "AWS Certified Machine Learning Engineer - Associate (MLA-C01)"
    )
    outside = replace(RETIRED, successor="Some Newer Exam (NX-1)")
    assert successor_label(outside, CATALOGUE) == "Some Newer Exam (NX-1)"
    assert successor_label(ACTIVE, CATALOGUE) == ""


def test_retirement_text_before_and_after_the_last_day() -> None:
    after = retirement_text(RETIRED, CATALOGUE, DAY(2026, 11, 29))
    assert after == (
        "retired on 2026-03-31, successor AWS Certified Machine Learning Engineer - Associate"
        " (MLA-C01)"
    )
    assert retirement_text(RETIRED, CATALOGUE, DAY(2026, 3, 1)).startswith("retires on 2026-03-31")
    assert retirement_text(ACTIVE, CATALOGUE, DAY(2026, 11, 29)) == ""


@dataclass(frozen=True)
class Cert:
    name: str
    status: str
    catalogue_key: str | None
    exam_date: datetime.date | None = None
    passed_date: datetime.date | None = None
    expiry_date: datetime.date | None = None


NOW = DAY(2026, 11, 29)


def test_a_retired_exam_is_reminded_while_the_certificate_is_still_to_be_passed() -> None:
    tracked = [
        Cert("MLS planned", "planned", "aws-ml-specialty"),
        Cert("MLS failed", "failed", "aws-ml-specialty"),
        Cert("MLS passed", "passed", "aws-ml-specialty", passed_date=DAY(2025, 1, 1)),
        Cert("MLA planned", "planned", "aws-ml-engineer-associate"),
        Cert("My own", "preparing", None),
    ]
    reminders = retirement_reminders(tracked, CATALOGUE)
    assert [r.certificate for r in reminders] == ["MLS planned", "MLS failed"]
    assert reminders[0] == Reminder(
        "MLS planned",
        "retired",
        DAY(2026, 3, 31),
        "AWS Certified Machine Learning Engineer - Associate (MLA-C01)",
    )


def test_retired_exams_come_with_the_other_reminders_soonest_first() -> None:
    tracked = [
        Cert("Exam soon", "exam_booked", None, exam_date=DAY(2026, 12, 5)),
        Cert("MLS planned", "planned", "aws-ml-specialty"),
    ]
    reminders = certificate_reminders(tracked, CATALOGUE, NOW)
    assert [(r.certificate, r.kind) for r in reminders] == [
        ("MLS planned", "retired"),
        ("Exam soon", "exam"),
    ]


def test_the_note_on_a_certificate_of_a_retired_exam() -> None:
    planned = Cert("MLS", "planned", "aws-ml-specialty")
    passed = Cert("MLS", "passed", "aws-ml-specialty")
    assert retirement_note(planned, CATALOGUE, NOW) == (
        "Exam retired on 2026-03-31, successor AWS Certified Machine Learning Engineer - Associate"
        " (MLA-C01)"
    )
    assert retirement_note(passed, CATALOGUE, NOW).endswith(
        "; your certificate stays valid until it expires"
    )
    assert (
        retirement_note(Cert("MLA", "planned", "aws-ml-engineer-associate"), CATALOGUE, NOW) == ""
    )
