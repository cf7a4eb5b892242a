"""Reading the certificate catalogue: which exams can still be booked, and what replaced the
ones that cannot. The catalogue keeps retired exams so that certificates people already track
are still recognised; they are never offered as new."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from studytui.domain.content import CatalogueCertificate


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
