"""Certificate queries on a real SQLite file: add, edit, delete, pass, fail, hours, reminders."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from studytui.builtin_content import load_certificate_catalogue
from studytui.db.certificates import (
    add_certificate,
    add_from_catalogue,
    delete_certificate,
    list_certificates,
    mark_failed,
    mark_passed,
    update_certificate,
)
from studytui.db.engine import Database, reading, writing
from studytui.db.entries import add_entry
from studytui.db.export import export_document
from studytui.db.lookup import find_area
from studytui.db.models import Certificate, LogEntry
from studytui.db.reads import reminders, sql_connection
from studytui.domain.certificates import CertificateInput, Reminder
from studytui.domain.entries import EntryDraft
from studytui.domain.errors import ValidationError
from studytui.domain.export_records import CertificateRecord

TODAY = date(2026, 3, 11)


def _catalogue(key: str):
    return next(item for item in load_certificate_catalogue() if item.key == key)


def _add(db: Database, **fields) -> str:
    with writing(db) as session:
        return add_certificate(session, data=CertificateInput(**fields), today=TODAY).id


def test_add_from_catalogue_copies_provider_track_and_price(db: Database) -> None:
    item = _catalogue("aws-cloud-practitioner")
    with writing(db) as session:
        add_from_catalogue(session, item=item)
    with reading(db) as session:
        cert = session.exec(select(Certificate)).one()
    assert (cert.catalogue_key, cert.name, cert.provider, cert.track, cert.status) == (
        item.key,
        "AWS Certified Cloud Practitioner (CLF-C02)",  # the code is how people search for it
        item.provider,
        "cloud",
        "planned",
    )
    assert cert.cost_cents == 100 * 100
    with pytest.raises(ValidationError, match="already in your list"), writing(db) as session:
        add_from_catalogue(session, item=item)


def test_a_catalogue_entry_without_a_verified_price_is_added_at_no_cost(db: Database) -> None:
    item = _catalogue("cka")
    assert item.cost is None
    with writing(db) as session:
        add_from_catalogue(session, item=item)
    with reading(db) as session:
        assert session.exec(select(Certificate.cost_cents)).one() == 0


def test_names_stay_unique_ignoring_case(db: Database) -> None:
    first = _add(db, name="Kubernetes Admin")
    with pytest.raises(ValidationError, match="already in your list"):
        _add(db, name="kubernetes admin")
    other = _add(db, name="Terraform Associate")
    with pytest.raises(ValidationError, match="already"), writing(db) as session:
        update_certificate(
            session, other, data=CertificateInput(name="KUBERNETES ADMIN"), today=TODAY
        )
    with writing(db) as session:  # renaming to its own name (case change) is fine
        update_certificate(
            session, first, data=CertificateInput(name="KUBERNETES admin"), today=TODAY
        )
    with reading(db) as session:
        names = sorted(c.name for c in session.exec(select(Certificate)))
    assert names == ["KUBERNETES admin", "Terraform Associate"]


def test_list_sums_logged_minutes_per_certificate_and_sorts(db: Database) -> None:
    exam = _add(db, name="Exam soon", status="exam_booked", exam_date=date(2026, 3, 20))
    passed = _add(db, name="Done", status="passed", passed_date=date(2025, 6, 1))
    _add(db, name="Idle")
    with writing(db) as session:
        area = find_area(session, "machine")
        for minutes, cert in ((30, exam), (45, exam), (20, passed), (15, None)):
            add_entry(
                session,
                EntryDraft(day=TODAY, minutes=minutes, area_id=area.id, certificate_id=cert),
                today=TODAY,
            )
    with reading(db) as session:
        rows = list_certificates(session, today=TODAY)
    assert [(r.name, r.minutes) for r in rows] == [("Exam soon", 75), ("Done", 20), ("Idle", 0)]


def test_mark_passed_with_credential_and_expiry(db: Database) -> None:
    cert_id = _add(db, name="Cert", status="exam_booked", exam_date=date(2026, 3, 1))
    with writing(db) as session:
        mark_passed(
            session,
            cert_id,
            passed_date=date(2026, 3, 1),
            expiry_date=date(2029, 3, 1),
            credential_id="XYZ",
            today=TODAY,
        )
    with reading(db) as session:
        cert = session.get(Certificate, cert_id)
    assert (cert.status, cert.passed_date, cert.expiry_date, cert.credential_id) == (
        "passed",
        date(2026, 3, 1),
        date(2029, 3, 1),
        "XYZ",
    )
    with pytest.raises(ValidationError, match="before the passed date"), writing(db) as session:
        mark_passed(
            session,
            cert_id,
            passed_date=date(2026, 3, 1),
            expiry_date=date(2026, 2, 1),
            today=TODAY,
        )


def test_mark_failed_keeps_the_attempt_and_sets_the_retake(db: Database) -> None:
    cert_id = _add(db, name="Cert", status="exam_booked", exam_date=date(2026, 3, 5), notes="Plan")
    with writing(db) as session:
        mark_failed(session, cert_id, today=TODAY, new_exam_date=date(2026, 4, 2))
    with reading(db) as session:
        cert = session.get(Certificate, cert_id)
    assert cert.status == "failed"
    assert cert.exam_date == date(2026, 4, 2)
    assert cert.notes == "Plan\nFailed the exam on 2026-03-05."
    with writing(db) as session:  # a second failure adds a line, the first stays
        mark_failed(session, cert_id, today=date(2026, 4, 2), new_exam_date=None)
    with reading(db) as session:
        cert = session.get(Certificate, cert_id)
    assert cert.notes.splitlines()[1:] == [
        "Failed the exam on 2026-03-05.",
        "Failed the exam on 2026-04-02.",
    ]
    assert cert.exam_date is None


def test_delete_keeps_the_logged_time(db: Database) -> None:
    cert_id = _add(db, name="Cert")
    with writing(db) as session:
        area = find_area(session, "machine")
        add_entry(
            session,
            EntryDraft(day=TODAY, minutes=30, area_id=area.id, certificate_id=cert_id),
            today=TODAY,
        )
    with writing(db) as session:
        name, removed = delete_certificate(session, cert_id)
    assert name == "Cert"
    ((table, row),) = removed.rows  # what undo puts back
    assert (table, row["id"], row["name"], row["status"]) == (
        "certificate",
        cert_id,
        "Cert",
        "planned",
    )
    assert [(link.column, link.value) for link in removed.links] == [("certificate_id", cert_id)]
    with reading(db) as session:
        assert session.exec(select(Certificate)).all() == []
        entry = session.exec(select(LogEntry)).one()
    assert (entry.minutes, entry.certificate_id) == (30, None)


def test_reminders_query(db: Database) -> None:
    _add(db, name="Exam", status="exam_booked", exam_date=date(2026, 4, 10))
    _add(db, name="Too far", status="exam_booked", exam_date=date(2026, 4, 11))
    _add(
        db,
        name="Expiring",
        status="passed",
        passed_date=date(2023, 6, 9),
        expiry_date=date(2026, 6, 9),
    )
    _add(
        db,
        name="Expired",
        status="passed",
        passed_date=date(2023, 3, 1),
        expiry_date=date(2026, 3, 1),
    )
    with reading(db) as session:
        found = reminders(sql_connection(session), today=TODAY)
    assert found == [
        Reminder("Exam", "exam", date(2026, 4, 10)),
        Reminder("Expiring", "expiry", date(2026, 6, 9)),
    ]


def test_a_row_is_the_export_record_plus_its_minutes(db: Database) -> None:
    _add(db, name="Cert", provider="CNCF", status="exam_booked", exam_date=date(2026, 4, 1))
    with reading(db) as session:
        (row,) = list_certificates(session, today=TODAY)
        (exported,) = export_document(session, exported_at=datetime.now(UTC)).certificates
    assert isinstance(row, CertificateRecord)
    assert CertificateRecord(**{f.name: getattr(row, f.name) for f in fields(exported)}) == exported
    assert row.minutes == 0
