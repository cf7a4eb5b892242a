"""Content updates: which content version a database has, new and dropped built-in milestones,
and the catalogue's exams for the quick reads.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable columns: SQLite adds them in place, without copying the table.
    op.add_column("milestone", sa.Column("new_in", sa.Integer(), nullable=True))
    op.add_column("milestone", sa.Column("dropped_in", sa.Integer(), nullable=True))
    op.create_table(
        "content_update",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("summary", sa.String(), nullable=False),
        sa.Column("announced", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("version"),
    )
    op.create_table(
        "catalogue_exam",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("retired_on", sa.Date(), nullable=True),
        sa.Column("successor", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("catalogue_exam")
    op.drop_table("content_update")
    with op.batch_alter_table("milestone") as batch:
        batch.drop_column("dropped_in")
        batch.drop_column("new_in")
