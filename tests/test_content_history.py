"""assets/history/ keeps what each content version shipped: the current one matches assets/,
released ones never change (an older database is compared with them to tell the user's edits
from what was shipped)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from studytui.builtin_content import load_snapshot, load_templates
from studytui.content_version import CONTENT_VERSION, FIRST_CONTENT_VERSION

ROOT = Path(__file__).resolve().parents[1]
HISTORY = ROOT / "assets" / "history"
# Released content versions and the sha256 of their snapshot: studytui 0.1.0 shipped version 1.
RELEASED = {1: "e1d20c87aac9f703c9704232c900725ab6ded1addd19df54ddb5c4a52d88abb3"}


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "snapshot_content", ROOT / "scripts" / "snapshot_content.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_content_version_has_its_snapshot_and_no_more() -> None:
    names = sorted(p.name for p in HISTORY.glob("*.json"))
    expected = range(FIRST_CONTENT_VERSION, CONTENT_VERSION + 1)
    assert names == sorted(f"content-v{v}.json" for v in expected)
    for version in expected:
        assert load_snapshot(version).version == version


def test_released_snapshots_are_never_edited() -> None:
    for version, digest in RELEASED.items():
        data = (HISTORY / f"content-v{version}.json").read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, version


def test_the_current_snapshot_is_the_assets_as_they_are() -> None:
    """Changed assets/ without a new snapshot? Bump CONTENT_VERSION and run
    `python scripts/snapshot_content.py N` (see assets/README.md)."""
    script = _script()
    written = (HISTORY / f"content-v{CONTENT_VERSION}.json").read_text(encoding="utf-8")
    assert written == script.dumps(script.snapshot(CONTENT_VERSION))
    assert dict(load_snapshot(CONTENT_VERSION).templates) == load_templates()


def test_the_snapshot_of_the_first_version_is_0_1_0s_content() -> None:
    data = json.loads((HISTORY / "content-v1.json").read_text(encoding="utf-8"))
    assert set(data["templates"]) == {"scratch", "software", "data_science"}
    # 0.1.0's catalogue knew no retired exams.
    assert {item["status"] for item in data["catalogue"]} == {"active"}
    assert len(load_snapshot(1).templates["software"].milestones) == 18
