"""Certificates through the actions, on a real SQLite file: each use case's result, its rules,
and that a refused one leaves the database as it was."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from studytui.actions import certificates as certs
from studytui.actions import log
from studytui.actions.certificates import CertificateInput, PassedInput
from studytui.db.engine import Database
from studytui.domain.entries import EntryDraft
from studytui.domain.errors import ValidationError

TODAY = date(2026, 3, 11)
NOW = datetime(2026, 3, 11, 20, 30).astimezone()
CLOUD = "aws-cloud-practitioner"  # 36 months, 100 USD


def _table(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("select * from certificate order by name").fetchall()


def _add(db: Database, name: str = "Kubernetes Admin", **fields: object) -> str:
    draft = CertificateInput(name=name, **fields)  # type: ignore[arg-type]
    return certs.add_certificate(db, draft, now=NOW).id


def test_the_view_lists_what_matters_first_with_the_catalogue(db: Database) -> None:
    _add(db, "Someday")
    _add(db, "Booked", status="exam_booked", exam_date=date(2026, 4, 1))
    added = certs.add_from_catalogue(db, CLOUD, now=NOW)
    view = certs.certificates_view(db, now=NOW)
    assert view.today == TODAY
    assert [row.name for row in view.rows] == [
        "Booked",
        "AWS Certified Cloud Practitioner (CLF-C02)",
        "Someday",
    ]
    assert view.catalogue.taken == {CLOUD}
    assert CLOUD in {item.key for item in view.catalogue.items}
    assert view.catalogue.validity_months(CLOUD) == 36
    assert view.catalogue.validity_months(None) == 0
    assert view.catalogue.validity_months("not-in-the-catalogue") == 0
    cloud = next(row for row in view.rows if row.id == added.id)
    assert (cloud.provider, cloud.track, cloud.cost_cents, cloud.currency, cloud.minutes) == (
        "Amazon Web Services",
        "cloud",
        10000,
        "USD",
        0,
    )


def test_the_list_counts_the_time_logged_against_each(db: Database) -> None:
    cert_id = _add(db)
    choices = log.entry_choices(db, now=NOW)
    area = choices.areas[0].value
    log.save_entry(
        db, EntryDraft(day=TODAY, minutes=50, area_id=area, certificate_id=cert_id), now=NOW
    )
    (row,) = certs.list_certificates(db, now=NOW).rows
    assert (row.name, row.minutes) == ("Kubernetes Admin", 50)


def test_a_catalogue_certificate_is_added_once(db: Database, db_path: Path) -> None:
    record = certs.add_from_catalogue(db, CLOUD, now=NOW)
    assert (record.catalogue_key, record.name, record.status) == (
        CLOUD,
        "AWS Certified Cloud Practitioner (CLF-C02)",  # with its exam code
        "planned",
    )
    before = _table(db_path)
    with pytest.raises(
        ValidationError, match=r'"AWS Certified Cloud Practitioner \(CLF-C02\)" is already'
    ):
        certs.add_from_catalogue(db, CLOUD, now=NOW)
    with pytest.raises(ValidationError, match='there is no certificate "nope" in the catalogue'):
        certs.add_from_catalogue(db, "nope", now=NOW)
    assert _table(db_path) == before


def test_names_stay_unique_for_adds_and_edits(db: Database, db_path: Path) -> None:
    first = _add(db)
    other = _add(db, "Terraform Associate")
    before = _table(db_path)
    with pytest.raises(ValidationError, match='a certificate named "kubernetes admin" is already'):
        _add(db, "kubernetes admin")
    with pytest.raises(ValidationError, match="already in your list"):
        certs.update_certificate(db, other, CertificateInput(name="KUBERNETES ADMIN"), now=NOW)
    assert _table(db_path) == before
    renamed = certs.update_certificate(
        db, first, CertificateInput(name="CKA", provider="CNCF"), now=NOW
    )
    assert (renamed.id, renamed.name, renamed.provider) == (first, "CKA", "CNCF")


def test_the_date_rules_hold_whatever_front_end_built_the_draft(
    db: Database, db_path: Path
) -> None:
    with pytest.raises(ValidationError, match="passed date 2026-03-12 is in the future"):
        _add(db, status="passed", passed_date=date(2026, 3, 12))
    with pytest.raises(ValidationError, match="needs the day it was passed"):
        _add(db, status="passed")
    assert _table(db_path) == []


def test_mark_passed_from_the_dialog_and_again_as_a_renewal(db: Database) -> None:
    cert_id = _add(db, status="exam_booked", exam_date=date(2026, 3, 1), credential_id="OLD")
    done = certs.mark_passed(
        db, cert_id, PassedInput(date(2026, 3, 1), "LF-123", date(2029, 3, 1)), now=NOW
    )
    assert (done.name, done.passed, done.expiry, done.renewed_from) == (
        "Kubernetes Admin",
        date(2026, 3, 1),
        date(2029, 3, 1),
        None,
    )
    again = certs.mark_passed(db, cert_id, PassedInput(TODAY, "LF-456", None), now=NOW)
    assert (again.renewed_from, again.expiry) == (date(2026, 3, 1), None)
    (row,) = certs.list_certificates(db, now=NOW).rows
    assert (row.status, row.passed_date, row.expiry_date, row.credential_id) == (
        "passed",
        TODAY,
        None,
        "LF-456",
    )


def test_a_refused_pass_changes_nothing(db: Database, db_path: Path) -> None:
    cert_id = _add(db, status="exam_booked", exam_date=date(2026, 3, 1))
    before = _table(db_path)
    with pytest.raises(ValidationError, match="before the passed date"):
        certs.mark_passed(
            db, cert_id, PassedInput(date(2026, 3, 1), "X", date(2026, 2, 1)), now=NOW
        )
    with pytest.raises(ValidationError, match="in the future"):
        certs.mark_passed(db, cert_id, PassedInput(date(2026, 3, 12), "X", None), now=NOW)
    with pytest.raises(ValidationError, match="no longer exists"):
        certs.mark_passed(db, "gone", PassedInput(TODAY, "", None), now=NOW)
    assert _table(db_path) == before


def test_mark_passed_by_name_takes_the_catalogue_validity(db: Database) -> None:
    certs.add_from_catalogue(db, CLOUD, now=NOW)
    _add(db, status="exam_booked", expiry_date=date(2030, 1, 1))
    done = certs.mark_passed_named(db, "aws certified cloud", passed_on="2026-03-02", now=NOW)
    assert (done.passed, done.expiry) == (date(2026, 3, 2), date(2029, 3, 2))
    custom = certs.mark_passed_named(db, "kube", now=NOW)  # today; its own expiry stays
    assert (custom.passed, custom.expiry) == (TODAY, date(2030, 1, 1))
    assert certs.catalogue_expiry(None, TODAY, date(2027, 1, 1)) == date(2027, 1, 1)


def test_mark_failed_keeps_the_attempt_and_books_the_retake(db: Database, db_path: Path) -> None:
    cert_id = _add(db, status="exam_booked", exam_date=date(2026, 3, 5), notes="Plan")
    before = _table(db_path)
    with pytest.raises(ValidationError, match="the new exam date 2026-03-10 has already gone"):
        certs.mark_failed(db, cert_id, date(2026, 3, 10), now=NOW)
    assert _table(db_path) == before
    failed = certs.mark_failed(db, cert_id, date(2026, 4, 2), now=NOW)
    assert failed.summary == 'marked failed "Kubernetes Admin"'
    with sqlite3.connect(db_path) as conn:
        row = conn.execute("select status, exam_date, notes from certificate").fetchone()
    assert row == ("failed", "2026-04-02", "Plan\nFailed the exam on 2026-03-05.")
    passed = _add(db, "Done", status="passed", passed_date=date(2025, 1, 1))
    with pytest.raises(ValidationError, match='"Done" is marked passed'):
        certs.mark_failed(db, passed, None, now=NOW)


def test_delete_returns_what_it_was_and_keeps_the_logged_time(db: Database, db_path: Path) -> None:
    cert_id = _add(db)
    area = log.entry_choices(db, now=NOW).areas[0].value
    log.save_entry(
        db, EntryDraft(day=TODAY, minutes=30, area_id=area, certificate_id=cert_id), now=NOW
    )
    gone = certs.delete_certificate(db, cert_id, now=NOW)
    assert (gone.id, gone.name) == (cert_id, "Kubernetes Admin")
    assert _table(db_path) == []
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select minutes, certificate_id from log_entry").fetchall() == [
            (30, None)
        ]
    with pytest.raises(ValidationError, match="no longer exists"):
        certs.delete_certificate(db, cert_id, now=NOW)


def test_a_retired_exam_is_no_longer_offered_but_still_sets_an_expiry(db: Database) -> None:
    after = datetime(2026, 4, 2, 12, 0).astimezone()  # the ML Specialty retired on 2026-03-31
    before = certs.certificates_view(db, now=NOW).catalogue
    assert "aws-ml-specialty" in {item.key for item in before.offered}
    certs.add_from_catalogue(db, "aws-ml-specialty", now=NOW)  # still bookable on TODAY
    later = certs.certificates_view(db, now=after).catalogue
    assert "aws-ml-specialty" not in {item.key for item in later.offered}
    assert "aws-ml-specialty" in {item.key for item in later.items}
    assert later.validity_months("aws-ml-specialty") == 36
    certs.delete_certificate(db, certs.list_certificates(db, now=NOW).rows[0].id, now=NOW)
    with pytest.raises(ValidationError, match="can no longer be taken: retired on 2026-03-31"):
        certs.add_from_catalogue(db, "aws-ml-specialty", now=after)
    assert certs.list_certificates(db, now=after).rows == ()
