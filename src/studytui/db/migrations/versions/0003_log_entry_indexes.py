"""Covering indexes on log entries for the roadmap's sums and the last area used.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_log_entry_milestone_minutes", "log_entry", ["milestone_id", "minutes"])
    op.create_index("ix_log_entry_area_day_minutes", "log_entry", ["area_id", "day", "minutes"])
    op.create_index("ix_log_entry_created_at", "log_entry", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_log_entry_created_at", table_name="log_entry")
    op.drop_index("ix_log_entry_area_day_minutes", table_name="log_entry")
    op.drop_index("ix_log_entry_milestone_minutes", table_name="log_entry")
