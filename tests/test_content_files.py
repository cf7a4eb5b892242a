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
from studytui.domain.content import ACTIVITY_KINDS, MilestoneSpec, Template
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
    ("key", "low", "high"), [("scratch", 30, 45), ("software", 22, 34), ("data_science", 18, 28)]
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
    # Keeps the summary's "about N months at H hours a week" honest when milestones change.
    budget = template.months * 52 / 12 * template.hours_per_week
    total = sum(milestone.hours for milestone in template.milestones)
    assert 0.85 * budget <= total <= 1.15 * budget, (total, round(budget))


def _hour_shares(template: Template) -> dict[str, float]:
    total = sum(milestone.hours for milestone in template.milestones)
    hours = {area.key: 0 for area in template.areas}
    for milestone in template.milestones:
        hours[milestone.area] += milestone.hours
    return {key: 100 * value / total for key, value in hours.items()}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.key)
def test_milestone_hours_match_the_target_shares(template: Template) -> None:
    # Working through the roadmap should land near the split the dashboard measures against.
    shares = _hour_shares(template)
    for area in template.areas:
        assert abs(shares[area.key] - area.share) <= 3, (area.key, round(shares[area.key], 1))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.key)
def test_a_changed_split_says_why_in_the_template(template: Template) -> None:
    text = (
        assets_root()
        .joinpath(*content.TEMPLATE_FILES[template.key].split("/"))
        .read_text(encoding="utf-8")
    )
    assert "# Target shares" in text, "explain the target shares in a comment above [[areas]]"


def test_the_article_split_is_the_software_templates_starting_point() -> None:
    # The 30/20/20/15/15 split of "How to become an ML engineer" is where the software shares
    # started; they moved to ML for the reason written in the file.
    text = assets_root().joinpath("templates", "from_software.toml").read_text(encoding="utf-8")
    assert "30% programming, 20% ML, 20% data science, 15% data" in text


def _milestones(key: str) -> dict[str, MilestoneSpec]:
    return {milestone.key: milestone for milestone in load_template(key).milestones}


def _prerequisites_of(template: Template, key: str) -> set[str]:
    """Every milestone `key` waits on, directly or through others."""
    by_key = {milestone.key: milestone for milestone in template.milestones}
    found: set[str] = set()
    todo = list(by_key[key].prerequisites)
    while todo:
        step = todo.pop()
        if step not in found:
            found.add(step)
            todo.extend(by_key[step].prerequisites)
    return found


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.key)
def test_deep_learning_is_budgeted_like_the_specialization(template: Template) -> None:
    # The Deep Learning Specialization takes about 100 hours.
    assert 100 <= _milestones(template.key)["deep-learning"].hours <= 130


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.key)
def test_every_template_covers_llm_engineering_mlops_tooling_and_the_job_search(
    template: Template,
) -> None:
    keys = set(_milestones(template.key))
    llm = {"llm-foundations", "rag", "llm-evaluation", "agents-tools", "fine-tuning"}
    mlops = {"experiment-tracking", "data-versioning", "monitoring-drift", "iac"}
    job_search = {"interview-prep", "portfolio-write-up", "cv-linkedin"}
    assert llm <= keys and mlops <= keys and job_search <= keys, keys


def test_from_scratch_gates_are_sane() -> None:
    scratch = load_template("scratch")
    # Deep learning needs linear algebra and calculus, not every maths milestone.
    assert not {"mml-book", "probability-statistics"} & _prerequisites_of(scratch, "deep-learning")
    # Docker needs Python and Git, not the 180 hours of Full Stack Open.
    assert "full-stack-open" not in _prerequisites_of(scratch, "docker-ci")


def test_from_scratch_gives_the_job_search_real_time() -> None:
    scratch = _milestones("scratch")
    job_search = ["networking", "internships", "interview-prep", "cv-linkedin"]
    assert sum(scratch[key].hours for key in job_search) >= 100


def test_the_current_helsinki_mooc_edition() -> None:
    (resource,) = _milestones("scratch")["helsinki-python"].resources
    assert resource.url == "https://programming-26.mooc.fi/"


def _all_text(key: str) -> str:
    template = load_template(key)
    return " ".join(f"{m.title} {m.why}" for m in template.milestones) + template.summary


@pytest.mark.parametrize(
    ("keys", "words"),
    [
        # The six phases of an ML project (neptune.ai).
        (("scratch", "software", "data_science"), ["six phases", "labelling", "deploying"]),
        # A one-year full-time master's as a route (technical project manager's story).
        (("scratch",), ["one-year full-time master"]),
        # Data teams are among the first cut in layoffs.
        (("scratch", "data_science"), ["layoffs"]),
        # The software engineer's habits, outside the software template too.
        (("scratch", "data_science"), ["earn trust", "mentor", "engineering blogs"]),
        (("data_science",), ["accept a less glamorous first project"]),
        # Reproducing papers.
        (("scratch", "data_science"), ["reproduc"]),
        # Not overrating certificates.
        (("scratch", "software", "data_science"), ["overrate", "certificate"]),
    ],
)
def test_the_seed_advice_is_in_the_content(keys: tuple[str, ...], words: list[str]) -> None:
    for key in keys:
        text = _all_text(key).lower()
        for word in words:
            assert word.lower() in text, (key, word)


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
