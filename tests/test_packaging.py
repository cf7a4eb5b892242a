"""The wheel carries the built-in content, and the installed package reads it from there."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from studytui.content_version import CONTENT_VERSION

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_assets_and_works_outside_the_checkout(tmp_path: Path) -> None:
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheel_dir.glob("studytui-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for asset in (
        "templates/from_scratch.toml",
        "templates/from_software.toml",
        "templates/from_data_science.toml",
        "certificates.toml",
        "activities.toml",
        *(f"history/content-v{v}.json" for v in range(1, CONTENT_VERSION + 1)),
    ):
        assert f"studytui/assets/{asset}" in names
    assert "studytui/db/migrations/versions/0001_initial.py" in names
    assert "studytui/ui/app.tcss" in names

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "import studytui.builtin_content as c; "
        "print(c.__file__); print(c.assets_root()); print(len(c.load_templates())); "
        "print(len(c.load_snapshot(1).templates))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(target)},
    )
    module_file, assets, count, old_count = out.stdout.split("\n")[:4]
    assert module_file.startswith(str(target))
    assert assets.startswith(str(target))
    assert count == "3"
    assert old_count == "3"  # an older release's content, to update its databases from
