"""scripts/roadmap_shares.py prints each template's estimate and its split across areas."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from studytui.builtin_content import load_templates

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "roadmap_shares.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("roadmap_shares", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_report_gives_every_template_its_budget_and_every_area_its_share() -> None:
    blocks = "\n".join(_load().report(load_templates().values())).strip().split("\n\n")
    templates = list(load_templates().values())
    assert len(blocks) == len(templates)
    for template, block in zip(templates, blocks, strict=True):
        first, _header, *rows = block.splitlines()
        total = sum(milestone.hours for milestone in template.milestones)
        assert first.startswith(f"{template.key}: {len(template.milestones)} milestones, {total} h")
        assert f"{template.months} months x {template.hours_per_week} h/week" in first
        assert [row.split()[0] for row in rows] == [area.key for area in template.areas]
        for area, row in zip(template.areas, rows, strict=True):
            assert row.split()[3] == f"{area.share}%"
            assert abs(float(row.split()[-1])) <= 3, row
