"""`studytui certs` and `studytui cert-done NAME [--date DATE]`."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date

from studytui.cli.context import open_store, today_for
from studytui.db.certificates import CertificateRow, list_certificates, mark_passed
from studytui.db.engine import reading, writing
from studytui.db.lookup import find_certificate
from studytui.db.settings_store import load_settings
from studytui.domain.catalogue import certificate_reminders, retirement_note
from studytui.domain.certificates import (
    RECENT_PASS_MONTHS,
    STATUS_LABELS,
    has_exam_ahead,
    parse_date,
    passed_recently,
    proposed_expiry,
    reminder_text,
    validity_text,
)
from studytui.domain.content import CatalogueCertificate
from studytui.domain.durations import format_hours


def cert_lines(
    rows: list[CertificateRow], today: date, catalogue: Sequence[CatalogueCertificate] = ()
) -> list[str]:
    """The `certs` table: one line per certificate, what matters first, then reminders (with
    the retired exams among them, which the catalogue knows about)."""
    if not rows:
        return ["No certificates yet. Add some on the Certificates screen (key c) of the app."]
    table = [("Certificate", "Status", "Date", "Expires", "Logged")]
    for row in rows:
        table.append(
            (
                row.name,
                STATUS_LABELS.get(row.status, row.status),
                _date_cell(row, today),
                _expiry_cell(row, today),
                format_hours(row.minutes) if row.minutes else "",
            )
        )
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in table
    ]
    lines.append("")
    lines.append(
        f"{len(rows)} certificate{'s' if len(rows) != 1 else ''}; "
        f"{passed_recently(rows, today)} passed in the last {RECENT_PASS_MONTHS} months."
    )
    reminders = certificate_reminders(rows, catalogue, today)
    lines.extend(f"Reminder: {reminder_text(r, today)}" for r in reminders)
    # A passed certificate of a retired exam needs no reminder, but the fact is worth a line.
    lines.extend(
        f"Note: {row.name}: {retirement_note(row, catalogue, today)}."
        for row in rows
        if row.status == "passed" and retirement_note(row, catalogue, today)
    )
    return lines


def _date_cell(row: CertificateRow, today: date) -> str:
    if has_exam_ahead(row, today):
        return f"exam {row.exam_date}"
    if row.status == "passed" and row.passed_date:
        return f"passed {row.passed_date}"
    return f"exam {row.exam_date}" if row.exam_date else ""


def _expiry_cell(row: CertificateRow, today: date) -> str:
    if row.status != "passed":
        return ""
    if row.expiry_date is None:
        return "never"
    state = validity_text(row, today)
    return f"{row.expiry_date} ({state})" if state != "valid" else str(row.expiry_date)


def cmd_certs(args: argparse.Namespace) -> int:
    from studytui.content import load_certificate_catalogue

    db = open_store(args)
    with reading(db) as session:
        today = today_for(load_settings(session))
        rows = list_certificates(session, today=today)
    print("\n".join(cert_lines(rows, today, load_certificate_catalogue())))
    return 0


def cmd_cert_done(args: argparse.Namespace) -> int:
    db = open_store(args)
    with writing(db) as session:
        today = today_for(load_settings(session))
        passed = parse_date(args.date or "", today, "date", past_only=True) or today
        cert = find_certificate(session, args.name)
        # Passing again is a renewal (most certificates expire): say what it replaced.
        before = cert.passed_date if cert.status == "passed" else None
        # The catalogue knows how long its certificates last; a custom one keeps what was typed.
        expiry = _catalogue_expiry(cert.catalogue_key, passed, cert.expiry_date)
        mark_passed(session, cert.id, passed_date=passed, expiry_date=expiry, today=today)
        name = cert.name
    valid = f", valid until {expiry}" if expiry else ""
    renewed = f" (renewed; it was passed on {before})" if before and before != passed else ""
    print(f"Marked {name} passed on {passed}{valid}{renewed}.")
    return 0


def _catalogue_expiry(key: str | None, passed: date, current: date | None) -> date | None:
    if key is None:
        return current
    from studytui.content import load_certificate_catalogue

    for item in load_certificate_catalogue():
        if item.key == key:
            return proposed_expiry(passed, item.validity_months)
    return current
