"""The first released schema: areas, milestones, log entries, certificates, side activities
and settings.

Revision ID: 0001
Revises: None
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "area",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("share", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=2000), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "certificate",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("catalogue_key", sa.String(length=64), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("track", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("exam_date", sa.Date(), nullable=True),
        sa.Column("passed_date", sa.Date(), nullable=True),
        sa.Column("expiry_date", sa.Date(), nullable=True),
        sa.Column("credential_id", sa.String(length=300), nullable=False),
        sa.Column("credential_url", sa.String(length=2000), nullable=False),
        sa.Column("cost_cents", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=8), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=4000), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "side_activity",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("idea_key", sa.String(length=64), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("link", sa.String(length=2000), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "milestone",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("area_id", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=True),
        sa.Column("template", sa.String(length=64), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("why", sa.String(length=2000), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("estimate_hours", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_milestone_area_id"), "milestone", ["area_id"], unique=False)
    op.create_table(
        "log_entry",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.String(length=32), nullable=False),
        sa.Column("milestone_id", sa.String(length=32), nullable=True),
        sa.Column("certificate_id", sa.String(length=32), nullable=True),
        sa.Column("activity_id", sa.String(length=32), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["side_activity.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["certificate_id"], ["certificate.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["milestone_id"], ["milestone.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_log_entry_activity_id"), "log_entry", ["activity_id"], unique=False)
    op.create_index(op.f("ix_log_entry_area_id"), "log_entry", ["area_id"], unique=False)
    op.create_index(
        op.f("ix_log_entry_certificate_id"), "log_entry", ["certificate_id"], unique=False
    )
    op.create_index(op.f("ix_log_entry_day"), "log_entry", ["day"], unique=False)
    op.create_index(op.f("ix_log_entry_milestone_id"), "log_entry", ["milestone_id"], unique=False)
    op.create_table(
        "milestone_prerequisite",
        sa.Column("milestone_id", sa.String(length=32), nullable=False),
        sa.Column("requires_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["milestone_id"], ["milestone.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["requires_id"], ["milestone.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("milestone_id", "requires_id"),
    )
    op.create_table(
        "milestone_resource",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("milestone_id", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["milestone_id"], ["milestone.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_milestone_resource_milestone_id"),
        "milestone_resource",
        ["milestone_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_table("milestone_resource")
    op.drop_table("milestone_prerequisite")
    op.drop_table("log_entry")
    op.drop_table("milestone")
    op.drop_table("side_activity")
    op.drop_table("setting")
    op.drop_table("certificate")
    op.drop_table("area")
