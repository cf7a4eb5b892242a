"""Names the tables (`models.py`) and the plain-SQL reads (`reads.py`) share. Nothing is
imported here, so the quick read path can use them without loading SQLModel."""

from __future__ import annotations

TEMPLATE_SETTING = "template"  # set when a roadmap template was applied: the app is set up
BUSY_TIMEOUT_MS = 5000
# Tests shorten the wait for a locked database; users never need to.
BUSY_TIMEOUT_ENV_VAR = "STUDYTUI_BUSY_TIMEOUT_MS"
