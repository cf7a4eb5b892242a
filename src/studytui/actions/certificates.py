"""Certificates: listing them with reminders, and marking one passed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from studytui.actions.context import reading, writing
from studytui.db import certificates as store
from studytui.db import lookup
from studytui.db.certificates import CertificateRow
from studytui.db.engine import Database
from studytui.domain.certificates import parse_date, proposed_expiry

__all__ = ["CertificateList", "CertificateRow", "Passed"]


@dataclass(frozen=True)
class CertificateList:
    rows: tuple[CertificateRow, ...]  # what matters first (see domain `sort_certificates`)
    today: date


@dataclass(frozen=True)
class Passed:
    name: str
    passed: date
    expiry: date | None
    renewed_from: date | None  # the earlier pass it renews, if it was passed before


def list_certificates(db: Database, *, now: datetime) -> CertificateList:
    with reading(db, now) as tx:
        return CertificateList(tuple(store.list_certificates(tx.session, today=tx.today)), tx.today)


def mark_passed_named(
    db: Database, name: str, *, passed_on: str | None = None, now: datetime
) -> Passed:
    """`studytui cert-done NAME [--date DAY]`: passed today unless a day is given. A catalogue
    certificate gets its catalogue's validity; a custom one keeps the expiry it has."""
    with writing(db, now) as tx:
        passed = parse_date(passed_on or "", tx.today, "date", past_only=True) or tx.today
        cert = lookup.find_certificate(tx.session, name)
        # Passing again is a renewal (most certificates expire): say what it replaced.
        before = cert.passed_date if cert.status == "passed" else None
        expiry = catalogue_expiry(cert.catalogue_key, passed, cert.expiry_date)
        store.mark_passed(
            tx.session, cert.id, passed_date=passed, expiry_date=expiry, today=tx.today
        )
        return Passed(cert.name, passed, expiry, before if before != passed else None)


def catalogue_expiry(key: str | None, passed: date, current: date | None) -> date | None:
    """When a pass on `passed` expires, by the catalogue's validity; `current` for a custom
    certificate, whose expiry is the user's to give."""
    if key is None:
        return current
    from studytui.builtin_content import load_certificate_catalogue

    for item in load_certificate_catalogue():
        if item.key == key:
            return proposed_expiry(passed, item.validity_months)
    return current
