"""Export everything: one JSON document (all records, stable ids) or the log as CSV.

Records are sorted by fields that survive an import unchanged, so exporting, importing into an
empty database and exporting again gives the same document but for `exported_at`.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

from sqlmodel import Session, col, select

from studytui.db.content_sync import content_version
from studytui.db.entries import join_entry_names
from studytui.db.models import (
    Area,
    Certificate,
    LogEntry,
    Milestone,
    MilestonePrerequisite,
    MilestoneResource,
    Payment,
    RunningTimer,
    Setting,
    SideActivity,
)
from studytui.domain.export_format import CSV_HEADER
from studytui.domain.export_records import (
    ActivityRecord,
    AreaRecord,
    CertificateRecord,
    EntryRecord,
    ExportDocument,
    MilestoneRecord,
    PaymentRecord,
    ResourceRecord,
    TimerRecord,
)
from studytui.domain.text import spreadsheet_cell

CSV_COLUMNS = CSV_HEADER


def _columns(row: object, record_type: type) -> dict[str, object]:
    names = record_type.__dataclass_fields__  # type: ignore[attr-defined]
    return {name: getattr(row, name) for name in names if hasattr(row, name)}


def export_document(session: Session, *, exported_at: datetime) -> ExportDocument:
    resources: dict[str, list[ResourceRecord]] = {}
    for r in session.exec(
        select(MilestoneResource).order_by(
            col(MilestoneResource.milestone_id),
            col(MilestoneResource.position),
            col(MilestoneResource.id),
        )
    ):
        resources.setdefault(r.milestone_id, []).append(
            ResourceRecord(**_columns(r, ResourceRecord))  # type: ignore[arg-type]
        )
    requires: dict[str, list[str]] = {}
    for p in session.exec(
        select(MilestonePrerequisite).order_by(
            col(MilestonePrerequisite.milestone_id), col(MilestonePrerequisite.requires_id)
        )
    ):
        requires.setdefault(p.milestone_id, []).append(p.requires_id)

    milestones = tuple(
        MilestoneRecord(
            **_columns(m, MilestoneRecord),  # type: ignore[arg-type]
            resources=tuple(resources.get(m.id, ())),
            prerequisites=tuple(requires.get(m.id, ())),
        )
        for m in session.exec(
            select(Milestone).order_by(col(Milestone.position), col(Milestone.id))
        )
    )
    timer = session.get(RunningTimer, 1)
    return ExportDocument(
        exported_at=exported_at,
        settings={s.key: s.value for s in session.exec(select(Setting))},
        areas=tuple(
            AreaRecord(**_columns(a, AreaRecord))  # type: ignore[arg-type]
            for a in session.exec(select(Area).order_by(col(Area.position), col(Area.id)))
        ),
        milestones=milestones,
        certificates=tuple(
            CertificateRecord(**_columns(c, CertificateRecord))  # type: ignore[arg-type]
            for c in session.exec(
                select(Certificate).order_by(col(Certificate.created_at), col(Certificate.id))
            )
        ),
        activities=tuple(
            ActivityRecord(**_columns(a, ActivityRecord))  # type: ignore[arg-type]
            for a in session.exec(
                select(SideActivity).order_by(col(SideActivity.created_at), col(SideActivity.id))
            )
        ),
        payments=tuple(
            PaymentRecord(**_columns(p, PaymentRecord))  # type: ignore[arg-type]
            for p in session.exec(
                select(Payment).order_by(col(Payment.received_on), col(Payment.id))
            )
        ),
        log_entries=tuple(
            EntryRecord(**_columns(e, EntryRecord))  # type: ignore[arg-type]
            for e in session.exec(
                select(LogEntry).order_by(
                    col(LogEntry.day), col(LogEntry.created_at), col(LogEntry.id)
                )
            )
        ),
        timer=None if timer is None else TimerRecord(**_columns(timer, TimerRecord)),  # type: ignore[arg-type]
        content_version=content_version(session),
    )


def export_csv(session: Session) -> str:
    """The log entries with names instead of ids, oldest first, for spreadsheets. Text cells
    are neutralised (see `spreadsheet_cell`): the JSON export is the faithful copy."""
    # SQLModel types select() for at most four columns; the query is plain SQLAlchemy.
    query = join_entry_names(
        select(  # type: ignore[call-overload]
            LogEntry.day,
            LogEntry.minutes,
            Area.name,
            Milestone.title,
            Certificate.name,
            SideActivity.title,
            LogEntry.note,
        )
    ).order_by(col(LogEntry.day), col(LogEntry.created_at), col(LogEntry.id))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for day, minutes, *texts in session.exec(query):  # type: ignore[call-overload]
        writer.writerow([day.isoformat(), minutes, *(spreadsheet_cell(t or "") for t in texts)])
    return out.getvalue()
