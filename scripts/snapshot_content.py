"""Write the snapshot of the built-in content that a content version shipped.

    python scripts/snapshot_content.py VERSION [--git-rev REV]

Reads assets/ (or, with --git-rev, the assets/ of that commit) and writes
assets/history/content-vVERSION.json: every template as its TOML parses, and the catalogue's
keys, labels and statuses. When studytui opens a database whose content is at an older version,
it compares the database with that version's snapshot to tell what the user edited from what
they left as shipped. Snapshots are never edited once released; see assets/README.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

from studytui.builtin_content import CERTIFICATES_FILE, TEMPLATE_FILES, snapshot_name

ROOT = Path(__file__).resolve().parents[1]


def _read(name: str, git_rev: str | None) -> dict[str, Any]:
    if git_rev is None:
        text = (ROOT / "assets" / name).read_text(encoding="utf-8")
    else:
        text = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{git_rev}:assets/{name}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return tomllib.loads(text)


def _catalogue_entry(record: dict[str, Any]) -> dict[str, str]:
    # The first catalogue had neither exam codes nor statuses: its names carried any code.
    name, code = record["name"], record.get("code", "")
    label = f"{name} ({code})" if code and code not in name else name
    return {"key": record["key"], "label": label, "status": record.get("status", "active")}


def snapshot(version: int, git_rev: str | None = None) -> dict[str, Any]:
    return {
        "version": version,
        "templates": {key: _read(name, git_rev) for key, name in TEMPLATE_FILES.items()},
        "catalogue": [
            _catalogue_entry(record) for record in _read(CERTIFICATES_FILE, git_rev)["certificates"]
        ],
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("version", type=int, help="the content version these assets are")
    parser.add_argument("--git-rev", help="snapshot the assets of this commit instead")
    args = parser.parse_args(argv)
    target = ROOT / "assets" / snapshot_name(args.version)
    target.parent.mkdir(exist_ok=True)
    target.write_text(dumps(snapshot(args.version, args.git_rev)), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
