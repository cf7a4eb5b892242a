from __future__ import annotations

import datetime
from dataclasses import replace

from studytui.domain.catalogue import is_retired, offered, retirement_text, successor_label
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
