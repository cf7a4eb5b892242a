"""The content shipped with studytui: it loads, and it keeps the promises the app relies on."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from studytui import content
from studytui.builtin_content import (
    assets_root,
    load_activity_ideas,
    load_certificate_catalogue,
    load_template,
    load_templates,
    read_toml,
)
from studytui.domain.content import ACTIVITY_KINDS, Template
from studytui.domain.errors import ContentError, ValidationError

TEMPLATES = list(load_templates().values())


def test_templates_load_in_a_stable_order() -> None:
    assert list(load_templates()) == ["scratch", "software", "data_science"]


def test_load_template_by_key() -> None:
    assert load_template("software") == load_templates()["software"]
    assert load_template("software").name == "From software development"


def test_load_template_rejects_an_unknown_key_with_a_readable_message() -> None:
    with pytest.raises(ValidationError, match=r'"manager".*scratch, software, data_science'):
        load_template("manager")


def test_callers_cannot_change_the_cached_templates() -> None:
    load_templates().clear()
    assert len(load_templates()) == 3


@pytest.mark.parametrize(
    ("key", "low", "high"), [("scratch", 15, 25), ("software", 12, 18), ("data_science", 8, 12)]
)
def test_milestone_counts(key: str, low: int, high: int) -> None:
    assert low <= len(load_template(key).milestones) <= high


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.key)
def test_shares_sum_to_100(template: Template) -> None:
    assert sum(area.share for area in template.areas) == 100


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.key)
def test_prerequisites_come_earlier_in_the_file(template: Template) -> None:
    seen: set[str] = set()
    for milestone in template.milestones:
        assert set(milestone.prerequisites) <= seen, milestone.key
        seen.add(milestone.key)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.key)
def test_every_milestone_has_an_https_resource(template: Template) -> None:
    for milestone in template.milestones:
        assert milestone.resources, milestone.key
        for resource in milestone.resources:
            assert resource.url.startswith("https://"), (milestone.key, resource.url)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.key)
def test_every_area_has_milestones(template: Template) -> None:
    used = {milestone.area for milestone in template.milestones}
    assert used == {area.key for area in template.areas}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.key)
def test_estimated_hours_fit_the_advertised_timeline(template: Template) -> None:
    # Keeps the summary's "about N months" honest when milestones are added or re-estimated.
    budget = template.months * 52 / 12 * template.hours_per_week
    total = sum(milestone.hours for milestone in template.milestones)
    assert 0.75 * budget <= total <= 1.25 * budget, (total, round(budget))


def test_software_template_uses_the_recommended_time_split() -> None:
    shares = {area.key: area.share for area in load_template("software").areas}
    assert shares == {
        "programming": 30,
        "ml": 20,
        "data_science": 20,
        "data_engineering": 15,
        "mlops": 15,
    }


def test_timelines_follow_the_starting_point() -> None:
    templates = load_templates()
    assert templates["scratch"].months == 18
    assert templates["software"].months == 6
    assert templates["data_science"].months < templates["software"].months


def test_catalogue_contains_the_google_cloud_ml_engineer() -> None:
    by_key = {certificate.key: certificate for certificate in load_certificate_catalogue()}
    pmle = by_key["gcp-pmle"]
    assert pmle.name == "Google Cloud Professional Machine Learning Engineer"
    assert pmle.provider == "Google Cloud"
    assert pmle.track == "ml"


def test_catalogue_covers_each_role_and_uses_https() -> None:
    catalogue = load_certificate_catalogue()
    assert 20 <= len(catalogue) <= 30
    tracks = Counter(certificate.track for certificate in catalogue)
    assert all(tracks[track] >= 3 for track in ("cloud", "data_engineering", "ml"))
    assert all(certificate.url.startswith("https://") for certificate in catalogue)


def test_every_activity_kind_has_at_least_two_ideas() -> None:
    kinds = Counter(idea.kind for idea in load_activity_ideas())
    assert all(kinds[kind] >= 2 for kind in ACTIVITY_KINDS), kinds


def test_activity_ideas_carry_the_numbers_people_plan_with() -> None:
    ideas = {idea.key: idea for idea in load_activity_ideas()}
    assert "10 hours a week" in ideas["mooc-mentor"].takes
    assert "year" in ideas["mooc-mentor"].takes
    assert "$500" in ideas["paid-articles"].brings


def test_assets_root_holds_the_content_files() -> None:
    root = assets_root()
    assert root.joinpath("templates", "from_software.toml").is_file()
    assert root.joinpath("certificates.toml").is_file()


def test_assets_root_prefers_the_packaged_copy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "assets").mkdir()
    monkeypatch.setattr(content, "files", lambda _package: tmp_path)
    assert assets_root.__wrapped__() == tmp_path / "assets"


def test_assets_root_falls_back_to_the_source_tree(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(content, "files", lambda _package: tmp_path)
    fallback = assets_root.__wrapped__()
    assert fallback == Path(content.__file__).resolve().parents[2] / "assets"


def test_broken_toml_is_reported_as_a_content_error(tmp_path: Path) -> None:
    broken = tmp_path / "activities.toml"
    broken.write_text('[[ideas]]\nkey = "mooc-mentor\n', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_toml(broken, "activities.toml")
    assert caught.value.file == "activities.toml"
    assert "not valid TOML" in caught.value.problem
    assert "line 2" in caught.value.problem


def test_missing_file_is_reported_as_a_content_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match=r"^nowhere\.toml: cannot be read"):
        read_toml(tmp_path / "nowhere.toml", "nowhere.toml")
