"""`studytui activities`: the list grouped by status, with hours, earnings and totals per kind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.conftest import run_cli

from studytui.cli import main
from studytui.db.activities import add_activity, add_payment
from studytui.db.engine import Database, writing
from studytui.db.entries import add_entry
from studytui.db.lookup import list_areas
from studytui.domain.activities import KIND_LABELS, ActivityInput, PaymentDraft
from studytui.domain.entries import EntryDraft
from studytui.domain.money import Money

TODAY = date(2026, 3, 11)


def _fill(db: Database) -> None:
    with writing(db) as session:
        article = add_activity(
            session,
            data=ActivityInput(kind="writing", title="Paid article", status="active"),
            today=TODAY,
        )
        mentoring = add_activity(
            session,
            data=ActivityInput(
                kind="teaching", title="MOOC mentoring", status="done", start_date=date(2025, 3, 1)
            ),
            today=TODAY,
        )
        add_activity(session, data=ActivityInput(kind="talk", title="Meetup talk"), today=TODAY)
        add_payment(session, article.id, PaymentDraft(Money(50000, "USD"), TODAY), today=TODAY)
        add_payment(session, mentoring.id, PaymentDraft(Money(120000, "EUR"), TODAY), today=TODAY)
        area = list_areas(session)[0]
        add_entry(
            session,
            EntryDraft(day=TODAY, minutes=90, area_id=area.id, activity_id=article.id),
            today=TODAY,
        )
        add_entry(
            session,
            EntryDraft(day=TODAY, minutes=600, area_id=area.id, activity_id=mentoring.id),
            today=TODAY,
        )


def test_groups_by_status_with_hours_earnings_and_totals(
    db: Database, frozen_now: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(db)
    assert main(["activities"]) == 0
    lines = capsys.readouterr().out.splitlines()
    headings = [line for line in lines if line and not line.startswith(" ")]
    assert headings == ["Active (1)", "Ideas (1)", "Done (1)", "Totals per kind"]
    article = next(line for line in lines if "Paid article" in line)
    assert "1.5 h" in article and "500.00 USD" in article and "since 2026-03-11" in article
    mentoring = next(line for line in lines if "MOOC mentoring" in line)
    assert "10.0 h" in mentoring and "1,200.00 EUR" in mentoring
    assert "2025-03-01 → 2026-03-11" in mentoring
    totals = lines[lines.index("Totals per kind") + 1 :]
    assert [t.split()[0] for t in totals] == ["Teaching", "Writing", "Talks", "All"]
    assert totals[-1].split("  ")[-1] == "1,200.00 EUR + 500.00 USD"
    assert "11.5 h" in totals[-1]


def test_an_empty_list_says_how_to_start(
    db: Database, frozen_now: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["activities"]) == 0
    assert "No side activities yet" in capsys.readouterr().out


def test_an_empty_list_in_a_real_process_lists_the_ideas_by_kind(
    db: Database, frozen_now: str
) -> None:
    from studytui.builtin_content import load_activity_ideas

    result = run_cli("activities")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("No side activities yet")
    headings = [line for line in lines[2:] if line and not line.startswith(" ")]
    assert headings == ["Teaching", "Writing", "Talks", "Competitions", "Freelancing"]
    mentor = next(i for i in load_activity_ideas() if i.key == "mooc-mentor")
    at = lines.index(f"  {mentor.title}")
    assert lines[at + 1] == f"    Takes:  {mentor.takes}"
    assert lines[at + 2].startswith("    Brings: Paid, fully remote work")
    heading_of: dict[str, str] = {}
    heading = ""
    for line in lines[2:]:
        if line and not line.startswith(" "):
            heading = line
        elif line.startswith("  ") and not line.startswith("   "):
            heading_of[line.strip()] = heading
    assert heading_of == {
        idea.title: KIND_LABELS[idea.kind] for idea in load_activity_ideas()
    }  # every idea once, under its own kind


def test_the_real_command_prints_the_list(db: Database, db_path: Path, frozen_now: str) -> None:
    _fill(db)
    result = run_cli("activities")
    assert result.returncode == 0, result.stderr
    assert "Paid article" in result.stdout
    assert "All kinds" in result.stdout
