"""Certificates: the one implementation of adding, editing and marking them, for app and shell."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlmodel import Session, col, func, select

from studytui.db.models import Certificate, LogEntry
from studytui.db.undo import Removed, put_fields_back, removing_certificate
from studytui.domain.certificates import (
    CertificateInput,
    check_dates,
    check_retake,
    failed_note,
    sort_certificates,
)
from studytui.domain.content import CatalogueCertificate
from studytui.domain.errors import ValidationError
from studytui.domain.export_records import CertificateRecord


@dataclass(frozen=True)
class CertificateRow(CertificateRecord):
    """A certificate as stored, with the minutes logged against it."""

    minutes: int

    def as_input(self) -> CertificateInput:
        names = {f.name for f in fields(CertificateInput)}
        return CertificateInput(**{name: getattr(self, name) for name in names})


_COLUMNS = [f.name for f in fields(CertificateRecord)]


def certificate_record(cert: Certificate) -> CertificateRecord:
    return CertificateRecord(**{name: getattr(cert, name) for name in _COLUMNS})


def list_certificates(session: Session, *, today: date) -> list[CertificateRow]:
    """Every certificate with its logged minutes, what matters first (see sort_certificates)."""
    logged = (
        select(
            col(LogEntry.certificate_id).label("certificate_id"),
            func.sum(LogEntry.minutes).label("minutes"),
        )
        .where(col(LogEntry.certificate_id).is_not(None))
        .group_by(col(LogEntry.certificate_id))
        .subquery()
    )
    query = select(Certificate, func.coalesce(logged.c.minutes, 0)).outerjoin(
        logged, logged.c.certificate_id == col(Certificate.id)
    )
    rows = [
        CertificateRow(**{name: getattr(cert, name) for name in _COLUMNS}, minutes=int(minutes))
        for cert, minutes in session.exec(query)
    ]
    return sort_certificates(rows, today)


def get_certificate(session: Session, certificate_id: str) -> Certificate:
    cert = session.get(Certificate, certificate_id)
    if cert is None:
        raise ValidationError("that certificate no longer exists (deleted elsewhere?)")
    return cert


def _check_name_free(session: Session, name: str, *, excluding: str | None = None) -> None:
    # Names must stay unique: `studytui cert-done NAME` and `log --cert` find them by name.
    query = select(Certificate.id).where(func.lower(Certificate.name) == name.lower())
    if excluding is not None:
        query = query.where(Certificate.id != excluding)
    if session.exec(query).first() is not None:
        raise ValidationError(f'a certificate named "{name}" is already in your list')


def add_from_catalogue(session: Session, *, item: CatalogueCertificate) -> Certificate:
    """Add a catalogue certificate as planned, with its provider, track and list price."""
    taken = select(Certificate.id).where(Certificate.catalogue_key == item.key)
    if session.exec(taken).first() is not None:
        raise ValidationError(f'"{item.label}" is already in your list')
    # The label carries the exam code, which is how people type it in `studytui cert-done`.
    _check_name_free(session, item.label)
    cert = Certificate(
        catalogue_key=item.key,
        name=item.label,
        provider=item.provider,
        track=item.track,
        cost_cents=(item.cost or 0) * 100,
        currency=item.currency,
    )
    session.add(cert)
    return cert


def add_certificate(session: Session, *, data: CertificateInput, today: date) -> Certificate:
    check_dates(data.status, data.passed_date, data.expiry_date, today)
    _check_name_free(session, data.name)
    cert = Certificate(**{f.name: getattr(data, f.name) for f in fields(CertificateInput)})
    session.add(cert)
    return cert


def update_certificate(
    session: Session, certificate_id: str, *, data: CertificateInput, today: date
) -> Certificate:
    cert = get_certificate(session, certificate_id)
    check_dates(data.status, data.passed_date, data.expiry_date, today)
    _check_name_free(session, data.name, excluding=certificate_id)
    for f in fields(CertificateInput):
        setattr(cert, f.name, getattr(data, f.name))
    session.add(cert)
    return cert


def delete_certificate(session: Session, certificate_id: str) -> tuple[str, Removed]:
    """Delete it; log entries keep their time, unattributed. Returns its name and what puts
    it back, the entries' attribution included (`db.undo.put_back`)."""
    cert = get_certificate(session, certificate_id)
    name, removed = cert.name, removing_certificate(session, cert)
    session.delete(cert)  # the schema's ON DELETE SET NULL detaches the entries
    return name, removed


# What marking passed or failed changes, in this order: enough to undo it.
_STATE = ("status", "exam_date", "passed_date", "expiry_date", "credential_id", "notes")
CertificateState = tuple[object, ...]


def certificate_state(cert: Certificate) -> CertificateState:
    return tuple(getattr(cert, name) for name in _STATE)


def restore_state(
    session: Session, certificate_id: str, before: CertificateState, after: CertificateState
) -> None:
    """Undo a pass or a fail: put `before` back, unless it changed since `after`."""
    cert = get_certificate(session, certificate_id)
    put_fields_back(session, cert, _STATE, before, unless_changed_from=after, name=cert.name)


def mark_passed(
    session: Session,
    certificate_id: str,
    *,
    passed_date: date,
    expiry_date: date | None,
    today: date,
    credential_id: str | None = None,
) -> Certificate:
    """Passed on `passed_date`; a None credential_id keeps the one already stored. The exam
    booked before is behind it: its date goes, so no screen shows a stale exam day."""
    cert = get_certificate(session, certificate_id)
    check_dates("passed", passed_date, expiry_date, today)
    cert.status = "passed"
    cert.passed_date = passed_date
    cert.exam_date = None
    cert.expiry_date = expiry_date
    if credential_id is not None:
        cert.credential_id = credential_id.strip()
    session.add(cert)
    return cert


def mark_failed(
    session: Session, certificate_id: str, *, today: date, new_exam_date: date | None
) -> Certificate:
    """Record a failed attempt in the notes and set the retake's exam date (None: not booked).

    The attempt's day is the booked exam date when that has come, otherwise today.
    """
    cert = get_certificate(session, certificate_id)
    if cert.status == "passed":
        raise ValidationError(f'"{cert.name}" is marked passed; edit it to change its status')
    check_retake(new_exam_date, today)
    attempt = cert.exam_date if cert.exam_date is not None and cert.exam_date <= today else today
    cert.notes = "\n".join(line for line in (cert.notes.rstrip(), failed_note(attempt)) if line)
    cert.status = "failed"
    cert.exam_date = new_exam_date
    session.add(cert)
    return cert
