"""The version of the built-in content (roadmap templates and certificate catalogue) this
release ships, in a module that imports nothing: the quick reader compares it with the
database's before anything heavy is loaded.

Bump it with every change to assets/ that existing databases should receive, and write that
version's snapshot (assets/history/, see assets/README.md): a database whose content is older is
brought up to date when this release opens it.
"""

from __future__ import annotations

CONTENT_VERSION = 2
# The content of studytui 0.1.0. A database from before content versions were recorded (no row
# in `content_update`) was built from it.
FIRST_CONTENT_VERSION = 1
