"""The content shipped with studytui: it loads, and it keeps the promises the app relies on."""

from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from studytui import builtin_content as content
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
CATALOGUE = load_certificate_catalogue()
BY_KEY = {certificate.key: certificate for certificate in CATALOGUE}
# The day the shipped facts were last checked against the providers' pages (assets/README.md).
LAST_CHECK = datetime.date(2026, 11, 29)


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
    pmle = BY_KEY["gcp-pmle"]
    assert pmle.name == "Google Cloud Professional Machine Learning Engineer"
    assert pmle.provider == "Google Cloud"
    assert pmle.track == "ml"


def test_catalogue_covers_each_role() -> None:
    assert 20 <= len(CATALOGUE) <= 40
    tracks = Counter(certificate.track for certificate in CATALOGUE)
    assert all(tracks[track] >= 3 for track in ("cloud", "data_engineering", "ml"))


def _well_formed_https(url: str) -> bool:
    parts = urlsplit(url)
    return (
        parts.scheme == "https"
        and "." in parts.netloc
        and not any(c.isspace() for c in url)
        and parts.netloc == parts.netloc.lower()
    )


@pytest.mark.parametrize("certificate", CATALOGUE, ids=lambda c: c.key)
def test_every_catalogue_url_is_well_formed_https(certificate) -> None:
    for url in (certificate.url, certificate.source, *certificate.see_also):
        assert _well_formed_https(url), url


@pytest.mark.parametrize("certificate", CATALOGUE, ids=lambda c: c.key)
def test_every_catalogue_entry_carries_its_provenance(certificate) -> None:
    # The code, price and validity a user plans with, and where and when they were checked.
    assert certificate.code or certificate.note, "a missing exam code needs a note"
    assert certificate.cost is not None or "not verified" in certificate.note.lower()
    assert certificate.validity_months in (0, 12, 24, 36)
    assert certificate.currency == "USD"
    assert datetime.date(2026, 1, 1) <= certificate.checked_on <= LAST_CHECK
    assert certificate.source.startswith("https://")


@pytest.mark.parametrize("certificate", CATALOGUE, ids=lambda c: c.key)
def test_retired_entries_name_their_last_day_and_a_successor(certificate) -> None:
    if certificate.status == "active":
        assert certificate.retired_on is None and certificate.successor is None
        return
    assert certificate.status == "retired"
    assert certificate.retired_on is not None and certificate.retired_on <= certificate.checked_on
    successor = certificate.successor
    assert successor, "a retired exam names what replaced it"
    if successor in BY_KEY:
        # Offering the successor must not lead to another dead end.
        assert BY_KEY[successor].status == "active"
    else:
        assert " " in successor, "a successor outside the catalogue is given by its full name"


def test_exam_codes_are_unique() -> None:
    codes = [certificate.code for certificate in CATALOGUE if certificate.code]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize(
    ("key", "code", "retired_on", "successor"),
    [
        ("aws-ml-specialty", "MLS-C01", datetime.date(2026, 3, 31), "aws-ml-engineer-associate"),
        ("azure-data-scientist", "DP-100", datetime.date(2026, 6, 1), "azure-mlops-engineer"),
        (
            "azure-ai-engineer",
            "AI-102",
            datetime.date(2026, 6, 30),
            "azure-ai-apps-agents-developer",
        ),
    ],
)
def test_the_2026_retirements(key: str, code: str, retired_on, successor: str) -> None:
    certificate = BY_KEY[key]
    assert (certificate.code, certificate.status) == (code, "retired")
    assert (certificate.retired_on, certificate.successor) == (retired_on, successor)


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("aws-genai-developer-professional", "AIP-C01"),
        ("nvidia-genai-llm-associate", "NCA-GENL"),
        ("azure-mlops-engineer", "AI-300"),
        ("azure-ai-apps-agents-developer", "AI-103"),
        ("aws-ml-engineer-associate", "MLA-C01"),
        ("azure-ai-fundamentals", "AI-901"),  # the AI-900 exam gave way; the credential stays
    ],
)
def test_the_current_exams_are_offered(key: str, code: str) -> None:
    assert (BY_KEY[key].code, BY_KEY[key].status) == (code, "active")


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
