"""Alembic environment: studytui runs migrations itself on an open connection (see schema.py);
there is no alembic.ini to point at a URL."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import studytui.db.models  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite can only ALTER through table copies
)
with context.begin_transaction():
    context.run_migrations()
