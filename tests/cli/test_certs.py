"""`studytui certs` and `studytui cert-done`: mostly in-process for speed, one real process."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.conftest import run_cli
from tests.postgres import stored_sql

from studytui.builtin_content import load_certificate_catalogue
from studytui.cli import main
from studytui.db.certificates import add_certificate, add_from_catalogue
from studytui.db.engine import Database, writing
from studytui.domain.certificates import CertificateInput

TODAY = date(2026, 3, 11)  # frozen_now


@pytest.fixture
def certs(db: Database, frozen_now: str) -> Database:
    catalogue = {item.key: item for item in load_certificate_catalogue()}
    with writing(db) as session:
        add_from_catalogue(session, item=catalogue["aws-cloud-practitioner"])
        add_from_catalogue(session, item=catalogue["aws-solutions-architect-associate"])
        add_certificate(
            session,
            data=CertificateInput(
                name="Kubernetes Admin", status="exam_booked", exam_date=date(2026, 3, 25)
            ),
            today=TODAY,
        )
        add_certificate(
            session,
            data=CertificateInput(
                name="Old Java",
                status="passed",
                passed_date=date(2024, 4, 1),
                expiry_date=date(2026, 4, 1),
            ),
            today=TODAY,
        )
    return db


def _row(db_path: Path, name: str) -> tuple:
    with stored_sql() as conn:
        return conn.execute("select * from certificate where name = ?", (name,)).fetchone()


def test_certs_lists_what_matters_first_with_reminders(certs, capsys) -> None:
    assert main(["certs"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["Certificate", "Status", "Date", "Expires", "Logged"]
    assert out[1].startswith("Kubernetes Admin") and "exam 2026-03-25" in out[1]
    assert out[2].startswith("Old Java") and "2026-04-01 (expires soon)" in out[2]
    assert "4 certificates; 1 passed in the last 24 months." in out
    assert "Reminder: Kubernetes Admin: exam in 14 days (2026-03-25)" in out
    assert "Reminder: Old Java: expires in 21 days (2026-04-01)" in out


def test_certs_on_an_empty_list(frozen_now: str, capsys) -> None:
    assert main(["certs"]) == 0
    assert "No certificates yet" in capsys.readouterr().out


def test_cert_done_marks_passed_and_proposes_the_catalogue_expiry(certs, db_path, capsys) -> None:
    assert main(["cert-done", "aws certified cloud", "--date", "2026-03-02"]) == 0
    out = capsys.readouterr().out
    assert "Marked AWS Certified Cloud Practitioner (CLF-C02) passed on 2026-03-02" in out
    with stored_sql() as conn:
        row = conn.execute(
            "select status, passed_date, expiry_date from certificate where catalogue_key = ?",
            ("aws-cloud-practitioner",),
        ).fetchone()
    assert row == ("passed", "2026-03-02", "2029-03-02")  # the catalogue says 36 months


def test_cert_done_defaults_to_today_and_keeps_a_custom_expiry(certs, db_path) -> None:
    assert main(["cert-done", "kube"]) == 0
    with stored_sql() as conn:
        row = conn.execute(
            "select status, passed_date, expiry_date from certificate where name = ?",
            ("Kubernetes Admin",),
        ).fetchone()
    assert row == ("passed", "2026-03-11", None)


def test_cert_done_leaves_no_stale_exam_date_showing(certs, capsys) -> None:
    """Kubernetes Admin had its exam booked for 2026-03-25 and was passed before it."""
    assert main(["cert-done", "kube", "--date", "2026-03-10"]) == 0
    with stored_sql() as conn:
        row = conn.execute(
            "select exam_date, passed_date from certificate where name = 'Kubernetes Admin'"
        ).fetchone()
    assert row == (None, "2026-03-10")
    capsys.readouterr()
    assert main(["certs"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("Kubernetes Admin"))
    assert "passed 2026-03-10" in line
    assert "2026-03-25" not in out  # neither in the table nor as an exam reminder


def test_cert_done_takes_the_day_words_log_takes(certs, capsys) -> None:
    assert main(["cert-done", "kube", "--date", "Yesterday"]) == 0
    assert "Marked Kubernetes Admin passed on 2026-03-10." in capsys.readouterr().out
    assert main(["log", "30m", "--area", "ml", "--date", "yesterday"]) == 0  # the same words


def test_cert_done_on_an_earlier_day_corrects_the_date_and_a_later_one_renews(
    certs, capsys
) -> None:
    """Old Java was passed on 2024-04-01."""
    assert main(["cert-done", "old java", "--date", "2024-03-01"]) == 0
    out = capsys.readouterr().out
    assert "passed on 2024-03-01" in out and "renewed" not in out
    assert "(the pass date was 2024-04-01)" in out
    assert main(["cert-done", "old java", "--date", "2026-03-01"]) == 0
    assert "(renewed; it was passed on 2024-03-01)" in capsys.readouterr().out
    assert main(["cert-done", "old java", "--date", "2026-03-01"]) == 0  # the same day again
    out = capsys.readouterr().out
    assert "renewed" not in out and "pass date was" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["cert-done", "aws"], '"aws" matches several certificates: AWS Certified Cloud'),
        (["cert-done", "azure"], 'no certificate matches "azure"; choose one of: AWS'),
        (["cert-done", "kube", "--date", "2026-03-12"], "in the future"),
        (
            ["cert-done", "kube", "--date", "someday"],
            'day "someday" not understood: use YYYY-MM-DD, today or yesterday',
        ),
    ],
)
def test_cert_done_rejections_change_nothing(certs, db_path, capsys, args, message) -> None:
    before = [_row(db_path, n) for n in ("AWS Certified Cloud Practitioner", "Kubernetes Admin")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1
    after = [_row(db_path, n) for n in ("AWS Certified Cloud Practitioner", "Kubernetes Admin")]
    assert after == before


def test_bad_name_in_a_real_process_exits_2_listing_candidates(certs, db_path) -> None:
    before = _row(db_path, "AWS Certified Solutions Architect - Associate")
    result = run_cli("cert-done", "aws certified")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "AWS Certified Cloud Practitioner" in result.stderr
    assert "AWS Certified Solutions Architect - Associate" in result.stderr
    assert _row(db_path, "AWS Certified Solutions Architect - Associate") == before
    with stored_sql() as conn:
        assert conn.execute(
            "select count(*) from certificate where status = 'passed'"
        ).fetchone() == (1,)


def test_status_shows_reminders_in_text_and_json(certs, capsys) -> None:
    import json

    assert main(["status", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reminders"] == [
        {"certificate": "Kubernetes Admin", "kind": "exam", "date": "2026-03-25"},
        {"certificate": "Old Java", "kind": "expiry", "date": "2026-04-01"},
    ]
    assert main(["status"]) == 0
    assert "Reminder: Kubernetes Admin: exam in 14 days (2026-03-25)" in capsys.readouterr().out


def test_cert_done_again_is_a_renewal_and_says_what_it_replaced(certs, capsys) -> None:
    assert main(["cert-done", "aws certified cloud", "--date", "2026-03-02"]) == 0
    capsys.readouterr()
    assert main(["cert-done", "aws certified cloud", "--date", "2026-03-10"]) == 0
    out = capsys.readouterr().out
    assert "passed on 2026-03-10" in out
    assert "renewed; it was passed on 2026-03-02" in out


@pytest.fixture
def retired(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    """Late 2026: a planned AWS ML Specialty and a passed Azure Data Scientist, both retired."""
    monkeypatch.setenv("STUDYTUI_NOW", "2026-11-29T20:30:00")
    catalogue = {item.key: item for item in load_certificate_catalogue()}
    with writing(db) as session:
        add_from_catalogue(session, item=catalogue["aws-ml-specialty"])
        scientist = add_from_catalogue(session, item=catalogue["azure-data-scientist"])
        scientist.status, scientist.passed_date = "passed", date(2025, 12, 1)
        scientist.expiry_date = date(2026, 12, 1)
    return db


MLS = "AWS Certified Machine Learning - Specialty (MLS-C01)"
MLA = "AWS Certified Machine Learning Engineer - Associate (MLA-C01)"


def test_certs_says_which_exams_are_retired_and_what_replaced_them(retired, capsys) -> None:
    assert main(["certs"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"Reminder: {MLS}: exam retired on 2026-03-31, successor {MLA}" in out
    # A passed one stays valid until it expires: a note, not a reminder.
    (note,) = [line for line in out if line.startswith("Note:")]
    assert note == (
        "Note: Microsoft Certified: Azure Data Scientist Associate (DP-100): Exam retired on"
        " 2026-06-01, successor Microsoft Certified: Machine Learning Operations Engineer"
        " Associate (AI-300); your certificate stays valid until it expires."
    )
    assert not any(line.startswith("Reminder: Microsoft") and "retired" in line for line in out)


def test_status_reminds_of_a_retired_exam_in_text_and_json(retired, capsys) -> None:
    import json

    assert main(["status"]) == 0
    assert f"Reminder: {MLS}: exam retired on 2026-03-31, successor {MLA}" in (
        capsys.readouterr().out.splitlines()
    )
    assert main(["status", "--json"]) == 0
    reminders = json.loads(capsys.readouterr().out)["reminders"]
    assert {"certificate": MLS, "kind": "retired", "date": "2026-03-31", "successor": MLA} in (
        reminders
    )
    assert all(
        r["kind"] != "retired" or "Data Scientist" not in r["certificate"] for r in reminders
    )


def test_status_in_a_real_process_reminds_of_a_retired_exam(retired) -> None:
    retired.dispose()
    for _ in range(2):  # the first command of the day also makes the daily backup
        result = run_cli("status")
        assert result.returncode == 0, result.stderr
        assert f"{MLS}: exam retired on 2026-03-31" in result.stdout
