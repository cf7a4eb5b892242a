"""The tables studytui keeps. Durations are integer minutes; money is integer cents.

Every record that a user could export has a string UUID primary key, so an export can be
imported into another database (or the same one twice) without ids colliding. Timestamps are
aware UTC; study days are plain dates already shifted by the `day_starts_at` setting.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


def new_id() -> str:
    return uuid.uuid4().hex


def utc_now() -> datetime:
    return datetime.now(UTC)


class Setting(SQLModel, table=True):
    __tablename__ = "setting"

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=4000)


class Area(SQLModel, table=True):
    """A study area such as "Machine learning", with its target share of study time."""

    __tablename__ = "area"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    key: str | None = Field(default=None, max_length=64)  # template key, None when user-made
    name: str = Field(max_length=200, unique=True)
    share: int = Field(default=0)  # target percent of study time
    position: int = Field(default=0)
    description: str = Field(default="", max_length=2000)


class Milestone(SQLModel, table=True):
    __tablename__ = "milestone"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    area_id: str = Field(foreign_key="area.id", ondelete="CASCADE", index=True, max_length=32)
    key: str | None = Field(default=None, max_length=64)
    template: str | None = Field(default=None, max_length=64)
    title: str = Field(max_length=300)
    why: str = Field(default="", max_length=2000)
    status: str = Field(default="todo", max_length=16)  # todo | in_progress | done | skipped
    estimate_hours: int = Field(default=0)
    position: int = Field(default=0)
    notes: str = Field(default="")
    started_on: date | None = None
    done_on: date | None = None
    # Added by revision 0004, set by content updates (db.content_sync): the content version
    # that added this built-in milestone to an existing roadmap, until the user has seen it on
    # the Roadmap; and the version whose template no longer has it (kept: the user worked on it).
    new_in: int | None = None
    dropped_in: int | None = None


class MilestoneResource(SQLModel, table=True):
    __tablename__ = "milestone_resource"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    milestone_id: str = Field(
        foreign_key="milestone.id", ondelete="CASCADE", index=True, max_length=32
    )
    title: str = Field(max_length=300)
    url: str = Field(max_length=2000)
    position: int = Field(default=0)


class MilestonePrerequisite(SQLModel, table=True):
    __tablename__ = "milestone_prerequisite"

    milestone_id: str = Field(
        foreign_key="milestone.id", ondelete="CASCADE", primary_key=True, max_length=32
    )
    requires_id: str = Field(
        foreign_key="milestone.id", ondelete="CASCADE", primary_key=True, max_length=32
    )


class Certificate(SQLModel, table=True):
    __tablename__ = "certificate"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    catalogue_key: str | None = Field(default=None, max_length=64)
    name: str = Field(max_length=300)
    provider: str = Field(default="", max_length=200)
    track: str = Field(default="other", max_length=32)  # cloud | data_engineering | ml | other
    status: str = Field(default="planned", max_length=16)
    exam_date: date | None = None
    passed_date: date | None = None
    expiry_date: date | None = None
    credential_id: str = Field(default="", max_length=300)
    credential_url: str = Field(default="", max_length=2000)
    cost_cents: int = Field(default=0)
    currency: str = Field(default="USD", max_length=8)
    notes: str = Field(default="")
    created_at: datetime = Field(default_factory=utc_now)


class SideActivity(SQLModel, table=True):
    __tablename__ = "side_activity"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    idea_key: str | None = Field(default=None, max_length=64)
    kind: str = Field(max_length=16)  # teaching | writing | talk | competition | freelance
    title: str = Field(max_length=300)
    description: str = Field(default="")
    status: str = Field(default="idea", max_length=16)  # idea | planned | active | done | dropped
    link: str = Field(default="", max_length=2000)
    start_date: date | None = None
    end_date: date | None = None
    outcome: str = Field(default="")
    created_at: datetime = Field(default_factory=utc_now)


class LogEntry(SQLModel, table=True):
    __tablename__ = "log_entry"
    # Added by revision 0003: covering indexes for the roadmap's per-milestone and per-area sums,
    # which otherwise read every entry, and for "the area used last" in `studytui log`.
    __table_args__ = (
        Index("ix_log_entry_milestone_minutes", "milestone_id", "minutes"),
        Index("ix_log_entry_area_day_minutes", "area_id", "day", "minutes"),
        Index("ix_log_entry_created_at", "created_at"),
    )

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    day: date = Field(index=True)
    minutes: int
    area_id: str = Field(foreign_key="area.id", ondelete="RESTRICT", index=True, max_length=32)
    milestone_id: str | None = Field(
        default=None, foreign_key="milestone.id", ondelete="SET NULL", index=True, max_length=32
    )
    certificate_id: str | None = Field(
        default=None, foreign_key="certificate.id", ondelete="SET NULL", index=True, max_length=32
    )
    activity_id: str | None = Field(
        default=None,
        foreign_key="side_activity.id",
        ondelete="SET NULL",
        index=True,
        max_length=32,
    )
    note: str = Field(default="")
    created_at: datetime = Field(default_factory=utc_now)


# --- added by revision 0002 -------------------------------------------------------------------


class Payment(SQLModel, table=True):
    """One payment received for a side activity (an article fee, a freelance invoice)."""

    __tablename__ = "payment"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    activity_id: str = Field(
        foreign_key="side_activity.id", ondelete="CASCADE", index=True, max_length=32
    )
    amount_cents: int
    currency: str = Field(default="USD", max_length=8)
    received_on: date
    note: str = Field(default="", max_length=2000)


class RunningTimer(SQLModel, table=True):
    """The study timer. At most one row: a timer is running exactly when the row exists."""

    __tablename__ = "running_timer"

    id: int = Field(default=1, primary_key=True)
    area_id: str = Field(foreign_key="area.id", ondelete="CASCADE", max_length=32)
    milestone_id: str | None = Field(
        default=None, foreign_key="milestone.id", ondelete="SET NULL", max_length=32
    )
    started_at: datetime  # aware UTC
    note: str = Field(default="")


# --- added by revision 0004 -------------------------------------------------------------------


class ContentUpdate(SQLModel, table=True):
    """One version of the built-in content this database has received.

    The highest version is the database's content version. The row of a database's first
    roadmap has nothing to announce; an update's row keeps what it brought until the dashboard
    has told the user once (`studytui whats-new` lists it any time after).
    """

    __tablename__ = "content_update"

    version: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    applied_at: datetime  # aware UTC
    summary: str = Field(default="")  # what is new, one line per item
    announced: bool = Field(default=False)


class CatalogueExam(SQLModel, table=True):
    """The catalogue's exams as of the database's content version: what the hot reads
    (`studytui status`, the dashboard) need to say an exam was retired, without parsing the
    catalogue file. Written only by content updates; never the user's data."""

    __tablename__ = "catalogue_exam"

    key: str = Field(primary_key=True, max_length=64)
    label: str = Field(max_length=300)
    status: str = Field(max_length=16)  # active | retired
    retired_on: date | None = None
    successor: str = Field(default="", max_length=300)  # the successor's label
