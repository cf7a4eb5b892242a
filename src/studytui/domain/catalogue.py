"""Reading the certificate catalogue: which exams can still be booked, and what replaced the
ones that cannot. The catalogue keeps retired exams so that certificates people already track
are still recognised; they are never offered as new."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol

from studytui.domain.certificates import CertificateDates, Reminder, reminders_for, sort_reminders
from studytui.domain.content import CatalogueCertificate


class Tracked(Protocol):
    """A certificate the user tracks, as far as retirement matters; a db row fits."""

    @property
    def name(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def catalogue_key(self) -> str | None: ...


class TrackedWithDates(Tracked, CertificateDates, Protocol):
    """A tracked certificate with the dates the other reminders need."""


def is_retired(item: CatalogueCertificate, today: date) -> bool:
    """True once a retired exam's last day has passed (an announced retirement still books)."""
    return item.status == "retired" and item.retired_on is not None and item.retired_on < today


def offered(catalogue: Iterable[CatalogueCertificate], today: date) -> list[CatalogueCertificate]:
    """The entries the catalogue picker offers: every exam that can still be taken."""
    return [item for item in catalogue if not is_retired(item, today)]


def successor_label(item: CatalogueCertificate, catalogue: Iterable[CatalogueCertificate]) -> str:
    """The successor's name and code when it is in the catalogue, else the name as written."""
    if item.successor is None:
        return ""
    for other in catalogue:
        if other.key == item.successor:
            return other.label
    return item.successor


def retirement_text(
    item: CatalogueCertificate, catalogue: Iterable[CatalogueCertificate], today: date
) -> str:
    """ "retired on 2026-03-31, successor …", "retires on …" ahead of the date, "" if active."""
    if item.status != "retired" or item.retired_on is None:
        return ""
    verb = "retired on" if item.retired_on < today else "retires on"
    successor = successor_label(item, catalogue)
    return f"{verb} {item.retired_on.isoformat()}" + (
        f", successor {successor}" if successor else ""
    )


def retired_entry(
    catalogue_key: str | None, catalogue: Sequence[CatalogueCertificate]
) -> CatalogueCertificate | None:
    """The catalogue entry behind a tracked certificate, if that exam is retired."""
    for item in catalogue:
        if item.key == catalogue_key and item.status == "retired":
            return item
    return None


def retirement_reminders(
    tracked: Iterable[Tracked], catalogue: Sequence[CatalogueCertificate]
) -> list[Reminder]:
    """A reminder for each certificate still to be passed whose exam is retired (or retiring).

    A passed certificate stays valid until it expires, so it gets no reminder.
    """
    found = []
    for cert in tracked:
        item = retired_entry(cert.catalogue_key, catalogue) if cert.status != "passed" else None
        if item is not None and item.retired_on is not None:
            successor = successor_label(item, catalogue)
            found.append(Reminder(cert.name, "retired", item.retired_on, successor))
    return found


def certificate_reminders(
    certs: Sequence[TrackedWithDates], catalogue: Sequence[CatalogueCertificate], today: date
) -> list[Reminder]:
    """Every reminder for these certificates: exams ahead, expiries, retired exams."""
    return sort_reminders([*reminders_for(certs, today), *retirement_reminders(certs, catalogue)])


def retirement_note(cert: Tracked, catalogue: Sequence[CatalogueCertificate], today: date) -> str:
    """What a certificate's row says about its retired exam, passed or not; "" if active."""
    item = retired_entry(cert.catalogue_key, catalogue)
    if item is None:
        return ""
    text = f"Exam {retirement_text(item, catalogue, today)}"
    if cert.status == "passed":
        text += "; your certificate stays valid until it expires"
    return text
