"""Certificates: the list with its reminders, the built-in catalogue, adding (from the
catalogue or your own), editing, marking passed or failed, and deleting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from studytui.actions.context import Tx, reading, writing
from studytui.actions.undo import Deleted, Undoable
from studytui.db import certificates as store
from studytui.db import lookup
from studytui.db.certificates import CertificateRow, CertificateState, certificate_record
from studytui.db.engine import Database
from studytui.db.models import Certificate
from studytui.domain import catalogue
from studytui.domain.certificates import (
    CertificateInput,
    PassedInput,
    proposed_expiry,
)
from studytui.domain.content import CatalogueCertificate
from studytui.domain.days import parse_day
from studytui.domain.errors import ValidationError
from studytui.domain.export_records import CertificateRecord

__all__ = [
    "Catalogue",
    "CatalogueCertificate",
    "CertificateInput",
    "CertificateList",
    "CertificateRecord",
    "CertificateRow",
    "CertificatesView",
    "Deleted",
    "Passed",
    "PassedInput",
    "StateChanged",
]


@dataclass(frozen=True)
class CertificateList:
    rows: tuple[CertificateRow, ...]  # what matters first (see domain `sort_certificates`)
    today: date
    catalogue: tuple[CatalogueCertificate, ...]  # to say which tracked exams were retired


@dataclass(frozen=True)
class Catalogue:
    """The built-in catalogue, and which of its certificates are in the user's list already."""

    items: tuple[CatalogueCertificate, ...]  # retired exams too: they still set an expiry
    offered: tuple[CatalogueCertificate, ...]  # what can be added: exams still to be taken
    taken: frozenset[str]  # catalogue keys

    def validity_months(self, key: str | None) -> int:
        """How long a pass of `key` lasts; 0 when it does not expire or is not in it."""
        item = _find(self.items, key)
        return item.validity_months if item is not None else 0


@dataclass(frozen=True)
class CertificatesView:
    """The Certificates screen: the list and the catalogue to add from."""

    rows: tuple[CertificateRow, ...]
    today: date
    catalogue: Catalogue


@dataclass(frozen=True)
class StateChanged(Undoable):
    """A certificate marked passed or failed; undoing it puts back its status, dates,
    credential and notes as they were, unless it was changed since."""

    id: str
    name: str
    verb: str  # "marked passed"
    before: CertificateState
    after: CertificateState

    @property
    def summary(self) -> str:
        return f'{self.verb} "{self.name}"'

    def put_back(self, tx: Tx) -> str:
        store.restore_state(tx.session, self.id, self.before, self.after)
        return ""


@dataclass(frozen=True)
class Passed(StateChanged):
    passed: date = date.min
    expiry: date | None = None
    renewed_from: date | None = None  # the earlier pass it renews, if it was passed before
    moved_from: date | None = None  # the later pass date it replaced: a correction, no renewal


def _catalogue() -> tuple[CatalogueCertificate, ...]:
    from studytui.builtin_content import load_certificate_catalogue

    return load_certificate_catalogue()


def _find(items: tuple[CatalogueCertificate, ...], key: str | None) -> CatalogueCertificate | None:
    return next((item for item in items if item.key == key), None) if key else None


def _taken(rows: tuple[CertificateRow, ...]) -> frozenset[str]:
    return frozenset(row.catalogue_key for row in rows if row.catalogue_key)


def _rows(tx: Tx) -> tuple[CertificateRow, ...]:
    return tuple(store.list_certificates(tx.session, today=tx.today))


def list_certificates(db: Database, *, now: datetime) -> CertificateList:
    """`studytui certs`."""
    with reading(db, now) as tx:
        return CertificateList(_rows(tx), tx.today, _catalogue())


def certificates_view(db: Database, *, now: datetime) -> CertificatesView:
    with reading(db, now) as tx:
        rows = _rows(tx)
        items = _catalogue()
        offered = tuple(catalogue.offered(items, tx.today))
        return CertificatesView(rows, tx.today, Catalogue(items, offered, _taken(rows)))


def add_from_catalogue(db: Database, key: str, *, now: datetime) -> CertificateRecord:
    """Add the catalogue's certificate `key` as planned, with its provider, track and price."""
    item = _find(_catalogue(), key)
    if item is None:
        raise ValidationError(f'there is no certificate "{key}" in the catalogue')
    with writing(db, now) as tx:
        # Retired exams stay in the catalogue only to recognise certificates already tracked.
        if catalogue.is_retired(item, tx.today):
            retired = catalogue.retirement_text(item, _catalogue(), tx.today)
            raise ValidationError(f'"{item.label}" can no longer be taken: {retired}')
        return certificate_record(store.add_from_catalogue(tx.session, item=item))


def add_certificate(db: Database, draft: CertificateInput, *, now: datetime) -> CertificateRecord:
    with writing(db, now) as tx:
        return certificate_record(store.add_certificate(tx.session, data=draft, today=tx.today))


def update_certificate(
    db: Database, certificate_id: str, draft: CertificateInput, *, now: datetime
) -> CertificateRecord:
    with writing(db, now) as tx:
        cert = store.update_certificate(tx.session, certificate_id, data=draft, today=tx.today)
        return certificate_record(cert)


def mark_passed(db: Database, certificate_id: str, draft: PassedInput, *, now: datetime) -> Passed:
    """The mark-passed dialog: the day, credential ID and expiry as the user confirmed them."""
    with writing(db, now) as tx:
        cert = store.get_certificate(tx.session, certificate_id)
        return _pass(tx, cert, draft.passed_date, draft.expiry_date, draft.credential_id)


def mark_passed_named(
    db: Database, name: str, *, passed_on: str | None = None, now: datetime
) -> Passed:
    """`studytui cert-done NAME [--date DAY]`: passed today unless a day is given, in the words
    `log --date` takes (`yesterday`). A catalogue certificate gets its catalogue's validity; a
    custom one keeps the expiry it has."""
    with writing(db, now) as tx:
        passed = parse_day(passed_on, tx.today) if passed_on is not None else tx.today
        cert = lookup.find_certificate(tx.session, name)
        expiry = catalogue_expiry(cert.catalogue_key, passed, cert.expiry_date)
        return _pass(tx, cert, passed, expiry, None)


def _pass(
    tx: Tx, cert: Certificate, passed: date, expiry: date | None, credential_id: str | None
) -> Passed:
    # Passing again later is a renewal (most certificates expire): say what it replaced. An
    # earlier day corrects the pass date instead.
    before = cert.passed_date if cert.status == "passed" else None
    state = store.certificate_state(cert)
    store.mark_passed(
        tx.session,
        cert.id,
        passed_date=passed,
        expiry_date=expiry,
        credential_id=credential_id,
        today=tx.today,
    )
    return Passed(
        id=cert.id,
        name=cert.name,
        verb="marked passed",
        before=state,
        after=store.certificate_state(cert),
        passed=passed,
        expiry=expiry,
        renewed_from=before if before is not None and before < passed else None,
        moved_from=before if before is not None and before > passed else None,
    )


def mark_failed(
    db: Database, certificate_id: str, retake: date | None, *, now: datetime
) -> StateChanged:
    """A failed attempt: kept in the notes; `retake` is the new exam day (None: not booked)."""
    with writing(db, now) as tx:
        state = store.certificate_state(store.get_certificate(tx.session, certificate_id))
        cert = store.mark_failed(tx.session, certificate_id, today=tx.today, new_exam_date=retake)
        after = store.certificate_state(cert)
        return StateChanged(cert.id, cert.name, "marked failed", state, after)


def delete_certificate(db: Database, certificate_id: str, *, now: datetime) -> Deleted:
    """Delete it; time logged against it stays in the log, no longer attributed. The result
    puts it back, attribution included."""
    with writing(db, now) as tx:
        name, removed = store.delete_certificate(tx.session, certificate_id)
        return Deleted("the certificate", certificate_id, name, removed)


def catalogue_expiry(key: str | None, passed: date, current: date | None) -> date | None:
    """When a pass on `passed` expires, by the catalogue's validity; `current` for a custom
    certificate, whose expiry is the user's to give."""
    item = _find(_catalogue(), key)
    return current if item is None else proposed_expiry(passed, item.validity_months)
