"""Loads the built-in content (roadmap templates, certificate catalogue, side-activity ideas).

The files are read once per process: they ship with the package and never change while it runs.
"""

from __future__ import annotations

import functools
import json
import tomllib
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from studytui.domain.content import (
    ActivityIdea,
    CatalogueCertificate,
    Template,
    parse_activity_ideas,
    parse_certificates,
    parse_template,
)
from studytui.domain.content_update import CatalogueSnapshot, ContentSnapshot
from studytui.domain.errors import ContentError, ValidationError

# Template key -> file under assets/; the order is the order templates are offered in.
TEMPLATE_FILES = {
    "scratch": "templates/from_scratch.toml",
    "software": "templates/from_software.toml",
    "data_science": "templates/from_data_science.toml",
}
CERTIFICATES_FILE = "certificates.toml"
ACTIVITIES_FILE = "activities.toml"


@functools.cache
def assets_root() -> Traversable:
    packaged = files("studytui") / "assets"
    if packaged.is_dir():
        return packaged
    # An editable install maps only src/ onto the path, so the assets stay at the repo's top level.
    return Path(__file__).resolve().parents[2] / "assets"


def read_toml(resource: Traversable, name: str) -> dict[str, Any]:
    """Parse one content file; `name` is how errors refer to it."""
    try:
        return tomllib.loads(resource.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(name, "", f"not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(name, "", f"cannot be read: {exc}") from exc


def _read(name: str) -> dict[str, Any]:
    return read_toml(assets_root().joinpath(*name.split("/")), name)


@functools.cache
def _templates() -> tuple[Template, ...]:
    templates = []
    for key, name in TEMPLATE_FILES.items():
        template = parse_template(_read(name), name)
        if template.key != key:
            raise ContentError(name, "top level", f'key must be "{key}" in this file')
        templates.append(template)
    return tuple(templates)


def load_templates() -> dict[str, Template]:
    # A fresh dict each call, so a caller that edits it cannot change what others see.
    return {template.key: template for template in _templates()}


def load_template(key: str) -> Template:
    """The template with this key; ValidationError (a user-facing message) when there is none."""
    templates = load_templates()
    if key not in templates:
        known = ", ".join(templates)
        raise ValidationError(f'unknown roadmap template "{key}": use one of {known}')
    return templates[key]


@functools.cache
def load_certificate_catalogue() -> tuple[CatalogueCertificate, ...]:
    return parse_certificates(_read(CERTIFICATES_FILE), CERTIFICATES_FILE)


@functools.cache
def load_activity_ideas() -> tuple[ActivityIdea, ...]:
    return parse_activity_ideas(_read(ACTIVITIES_FILE), ACTIVITIES_FILE)


def snapshot_name(version: int) -> str:
    return f"history/content-v{version}.json"


@functools.cache
def load_snapshot(version: int) -> ContentSnapshot:
    """What content `version` shipped (assets/history/), to compare an older database with."""
    name = snapshot_name(version)
    resource = assets_root().joinpath(*name.split("/"))
    try:
        data = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ContentError(name, "", f"cannot be read: {exc}") from exc
    return ContentSnapshot(
        version=data["version"],
        templates={
            key: parse_template(raw, f"{name}, template {key}")
            for key, raw in data["templates"].items()
        },
        catalogue=tuple(
            CatalogueSnapshot(item["key"], item["label"], item["status"])
            for item in data["catalogue"]
        ),
    )
