"""What an action raises for the front ends to show as it is: `ValidationError` when what the
user gave is not acceptable, `StoreError` when the database file is the problem. Both messages
are one line, complete, and meant for the user."""

from __future__ import annotations

from studytui.db.errors import StoreError, os_error_detail
from studytui.domain.errors import ValidationError

ACTION_ERRORS = (ValidationError, StoreError)

# `os_error_detail` words a failed file operation; the shell uses it for its own output too.
__all__ = ["ACTION_ERRORS", "StoreError", "ValidationError", "os_error_detail"]
