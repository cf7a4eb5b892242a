"""`studytui certs` and `studytui cert-done NAME [--date DATE]`."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date

from studytui.actions.certificates import CertificateRow, list_certificates, mark_passed_named
from studytui.cli.context import open_store
from studytui.clock import now
from studytui.domain.catalogue import certificate_reminders, retirement_note
from studytui.domain.certificates import (
    RECENT_PASS_MONTHS,
    STATUS_LABELS,
    has_exam_ahead,
    passed_recently,
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
    moment = now()
    found = list_certificates(open_store(args, moment), now=moment)
    print("\n".join(cert_lines(list(found.rows), found.today, found.catalogue)))
    return 0


def cmd_cert_done(args: argparse.Namespace) -> int:
    moment = now()
    done = mark_passed_named(open_store(args, moment), args.name, passed_on=args.date, now=moment)
    valid = f", valid until {done.expiry}" if done.expiry else ""
    renewed = f" (renewed; it was passed on {done.renewed_from})" if done.renewed_from else ""
    if done.moved_from:
        renewed = f" (the pass date was {done.moved_from})"
    print(f"Marked {done.name} passed on {done.passed}{valid}{renewed}.")
    return 0
