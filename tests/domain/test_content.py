from __future__ import annotations

import copy
import datetime
from collections.abc import Callable
from typing import Any

import pytest

from studytui.domain.content import (
    ACTIVITY_KINDS,
    TRACKS,
    ActivityIdea,
    AreaSpec,
    CatalogueCertificate,
    MilestoneSpec,
    Resource,
    Template,
    parse_activity_ideas,
    parse_certificates,
    parse_template,
)
from studytui.domain.errors import ContentError

FILE = "templates/test.toml"

_TEMPLATE: dict[str, Any] = {
    "key": "software",
    "name": "From software development",
    "summary": "For developers.",
    "months": 6,
    "hours_per_week": 10,
    "areas": [
        {"key": "programming", "name": "Programming", "share": 60, "description": "Code."},
        {"key": "ml", "name": "Machine learning", "share": 40, "description": "Models."},
    ],
    "milestones": [
        {
            "key": "cs50",
            "area": "programming",
            "title": "CS50x",
            "why": "Foundations.",
            "hours": 100,
            "prerequisites": [],
            "resources": [{"title": "CS50x (Harvard)", "url": "https://cs50.harvard.edu/x/"}],
        },
        {
            "key": "ml-spec",
            "area": "ml",
            "title": "ML Specialization",
            "why": "Shallow models first.",
            "hours": 80,
            "prerequisites": ["cs50"],
            "resources": [],
        },
    ],
}

_CERTIFICATE: dict[str, Any] = {
    "key": "gcp-pmle",
    "name": "Google Cloud Professional Machine Learning Engineer",
    "code": "PMLE",
    "provider": "Google Cloud",
    "track": "ml",
    "status": "active",
    "validity_months": 24,
    "cost": 200,
    "currency": "USD",
    "url": "https://cloud.google.com/learn/certification/machine-learning-engineer",
    "why": "Covers ML on a cloud end to end.",
    "checked_on": datetime.date(2026, 11, 29),
    "source": "https://cloud.google.com/learn/certification/machine-learning-engineer",
}

_RETIRED: dict[str, Any] = {
    **_CERTIFICATE,
    "key": "aws-ml-specialty",
    "name": "AWS Certified Machine Learning - Specialty",
    "code": "MLS-C01",
    "status": "retired",
    "retired_on": datetime.date(2026, 3, 31),
    "successor": "gcp-pmle",
}

_IDEA: dict[str, Any] = {
    "key": "mooc-mentor",
    "kind": "teaching",
    "title": "Mentor learners on a MOOC",
    "takes": "About 10 hours a week",
    "brings": "Paid remote work.",
}


def template() -> dict[str, Any]:
    return copy.deepcopy(_TEMPLATE)


def milestone(data: dict[str, Any], index: int = 1) -> dict[str, Any]:
    return data["milestones"][index]


def error(parse: Callable[[dict[str, Any], str], object], data: dict[str, Any]) -> ContentError:
    with pytest.raises(ContentError) as caught:
        parse(data, FILE)
    return caught.value


def assert_names(err: ContentError, entry: str, *problem: str) -> None:
    assert err.file == FILE
    assert err.entry == entry
    for part in problem:
        assert part in err.problem
    assert str(err) == f"{FILE}, {entry}: {err.problem}"


# --- the happy path ---------------------------------------------------------------------------


def test_valid_minimal_template_parses_into_dataclasses() -> None:
    parsed = parse_template(template(), FILE)

    assert isinstance(parsed, Template)
    assert (parsed.key, parsed.name, parsed.months, parsed.hours_per_week) == (
        "software",
        "From software development",
        6,
        10,
    )
    assert parsed.areas == (
        AreaSpec("programming", "Programming", 60, "Code."),
        AreaSpec("ml", "Machine learning", 40, "Models."),
    )
    first, second = parsed.milestones
    assert first == MilestoneSpec(
        key="cs50",
        area="programming",
        title="CS50x",
        why="Foundations.",
        hours=100,
        prerequisites=(),
        resources=(Resource("CS50x (Harvard)", "https://cs50.harvard.edu/x/"),),
    )
    assert second.prerequisites == ("cs50",)
    assert second.resources == ()


def test_parsed_content_is_frozen() -> None:
    parsed = parse_template(template(), FILE)
    with pytest.raises(AttributeError):
        parsed.months = 3  # type: ignore[misc]


def test_prerequisites_and_resources_may_be_left_out() -> None:
    data = template()
    del milestone(data)["prerequisites"]
    del milestone(data)["resources"]
    parsed = parse_template(data, FILE)
    assert parsed.milestones[1].prerequisites == ()
    assert parsed.milestones[1].resources == ()


def test_valid_certificates_and_ideas_parse() -> None:
    certificates = parse_certificates({"certificates": [dict(_CERTIFICATE)]}, FILE)
    ideas = parse_activity_ideas({"ideas": [dict(_IDEA)]}, FILE)
    assert certificates == (CatalogueCertificate(**_CERTIFICATE),)
    assert certificates[0].label == "Google Cloud Professional Machine Learning Engineer (PMLE)"
    assert ideas == (ActivityIdea(**_IDEA),)
    assert "ml" in TRACKS and "teaching" in ACTIVITY_KINDS


# --- missing fields, wrong types, unknown fields ---------------------------------------------


def test_missing_top_level_field() -> None:
    data = template()
    del data["months"]
    assert_names(error(parse_template, data), "top level", 'missing field "months"')


def test_missing_milestone_field_names_the_milestone() -> None:
    data = template()
    del milestone(data)["why"]
    assert_names(error(parse_template, data), 'milestone "ml-spec"', 'missing field "why"')


def test_missing_key_names_the_record_by_index() -> None:
    data = template()
    del data["areas"][1]["key"]
    assert_names(error(parse_template, data), "areas[1]", 'missing field "key"')


@pytest.mark.parametrize(
    ("value", "found"),
    [("100", "a string"), (True, "a boolean"), (2.5, "a float"), ([1], "an array")],
)
def test_hours_must_be_an_integer(value: object, found: str) -> None:
    data = template()
    milestone(data)["hours"] = value
    err = error(parse_template, data)
    assert_names(err, 'milestone "ml-spec"', '"hours" must be an integer', found)


def test_bool_is_not_accepted_as_a_share() -> None:
    data = template()
    data["areas"][0]["share"] = True
    assert_names(error(parse_template, data), 'area "programming"', '"share" must be an integer')


def test_title_must_be_a_non_empty_string() -> None:
    data = template()
    milestone(data)["title"] = 42
    assert_names(error(parse_template, data), 'milestone "ml-spec"', '"title" must be a string')
    milestone(data)["title"] = "   "
    assert_names(error(parse_template, data), 'milestone "ml-spec"', '"title" must not be empty')


def test_areas_must_be_an_array_of_tables() -> None:
    data = template()
    data["areas"] = {"key": "ml"}
    assert_names(error(parse_template, data), "top level", '"areas" must be an array')
    data["areas"] = ["ml"]
    assert_names(error(parse_template, data), "areas[0]", "expected a table")


@pytest.mark.parametrize(
    ("where", "entry"),
    [
        (lambda d: d, "top level"),
        (lambda d: d["areas"][0], 'area "programming"'),
        (lambda d: d["milestones"][1], 'milestone "ml-spec"'),
        (lambda d: d["milestones"][0]["resources"][0], 'milestone "cs50", resources[0]'),
    ],
)
def test_unknown_fields_are_rejected(where: Callable[[dict], dict], entry: str) -> None:
    data = template()
    where(data)["hourz"] = 5
    assert_names(error(parse_template, data), entry, 'unknown field "hourz"')


def test_unknown_template_key() -> None:
    data = template()
    data["key"] = "manager"
    assert_names(error(parse_template, data), "top level", 'unknown key "manager"', "scratch")


def test_keys_must_be_slugs() -> None:
    data = template()
    milestone(data)["key"] = "ML Spec"
    assert_names(error(parse_template, data), "milestones[1]", 'key "ML Spec"')


# --- cross-record rules ----------------------------------------------------------------------


def test_duplicate_milestone_key() -> None:
    data = template()
    milestone(data)["key"] = "cs50"
    err = error(parse_template, data)
    assert_names(err, "milestones[1]", 'duplicate key "cs50"', "milestones[0]")


def test_duplicate_area_key() -> None:
    data = template()
    data["areas"][1]["key"] = "programming"
    assert_names(error(parse_template, data), "areas[1]", 'duplicate key "programming"')


def test_unknown_area() -> None:
    data = template()
    milestone(data)["area"] = "maths"
    err = error(parse_template, data)
    assert_names(err, 'milestone "ml-spec"', 'unknown area "maths"', "programming, ml")


def test_unknown_prerequisite() -> None:
    data = template()
    milestone(data)["prerequisites"] = ["cs500"]
    assert_names(error(parse_template, data), 'milestone "ml-spec"', 'unknown prerequisite "cs500"')


def test_prerequisite_defined_later_is_rejected() -> None:
    data = template()
    milestone(data, 0)["prerequisites"] = ["ml-spec"]
    milestone(data)["prerequisites"] = []
    err = error(parse_template, data)
    assert_names(err, 'milestone "cs50"', 'prerequisite "ml-spec" must be defined earlier')


def test_milestone_cannot_require_itself() -> None:
    data = template()
    milestone(data)["prerequisites"] = ["ml-spec"]
    err = error(parse_template, data)
    assert_names(err, 'milestone "ml-spec"', 'prerequisite "ml-spec" must be defined earlier')


def test_prerequisites_must_be_strings() -> None:
    data = template()
    milestone(data)["prerequisites"] = [1]
    err = error(parse_template, data)
    assert_names(err, 'milestone "ml-spec"', "prerequisites must be milestone keys")


def test_shares_must_sum_to_100_and_the_message_gives_the_sum() -> None:
    data = template()
    data["areas"][1]["share"] = 30
    err = error(parse_template, data)
    assert_names(err, "areas", "add up to 100", "add up to 90")


def test_a_template_needs_milestones() -> None:
    data = template()
    data["milestones"] = []
    assert_names(error(parse_template, data), "milestones", "at least one milestone")


# --- values out of range ---------------------------------------------------------------------


@pytest.mark.parametrize("hours", [0, -5])
def test_hours_must_be_positive(hours: int) -> None:
    data = template()
    milestone(data)["hours"] = hours
    err = error(parse_template, data)
    assert_names(err, 'milestone "ml-spec"', '"hours" must be at least 1', f"got {hours}")


def test_share_above_100_is_rejected() -> None:
    data = template()
    data["areas"][0]["share"] = 101
    assert_names(error(parse_template, data), 'area "programming"', "from 1 to 100", "got 101")


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/file",
        "cs50.harvard.edu/x/",
        "javascript:alert(1)",
        "https://",
        "https://a b",
    ],
)
def test_resource_url_must_be_http(url: str) -> None:
    data = template()
    milestone(data, 0)["resources"][0]["url"] = url
    err = error(parse_template, data)
    assert_names(err, 'milestone "cs50", resources[0]', "must be an http(s) URL")


def test_plain_http_url_is_accepted_by_the_validator() -> None:
    data = template()
    milestone(data, 0)["resources"][0]["url"] = "http://example.com/"
    assert parse_template(data, FILE).milestones[0].resources[0].url == "http://example.com/"


# --- certificates and activity ideas --------------------------------------------------------


def certificates(**changes: object) -> dict[str, Any]:
    return {"certificates": [{**_CERTIFICATE, **changes}]}


def test_unknown_track() -> None:
    err = error(parse_certificates, certificates(track="devops"))
    assert_names(err, 'certificate "gcp-pmle"', 'unknown track "devops"', "data_engineering")


def test_certificate_costs_and_validity_cannot_be_negative() -> None:
    err = error(parse_certificates, certificates(cost=-1))
    assert_names(err, 'certificate "gcp-pmle"', '"cost" must be at least 0')
    err = error(parse_certificates, certificates(validity_months=-12))
    assert_names(err, 'certificate "gcp-pmle"', '"validity_months" must be at least 0')


def test_certificate_cost_is_an_integer_not_a_bool() -> None:
    err = error(parse_certificates, certificates(cost=False))
    assert_names(err, 'certificate "gcp-pmle"', '"cost" must be an integer')


def test_certificate_currency_is_a_three_letter_code() -> None:
    err = error(parse_certificates, certificates(currency="dollars"))
    assert_names(err, 'certificate "gcp-pmle"', "three-letter code")


def test_certificate_url_must_be_http() -> None:
    err = error(parse_certificates, certificates(url="cloud.google.com"))
    assert_names(err, 'certificate "gcp-pmle"', "must be an http(s) URL")


def test_certificate_unknown_field() -> None:
    err = error(parse_certificates, certificates(price=200))
    assert_names(err, 'certificate "gcp-pmle"', 'unknown field "price"')


def test_duplicate_certificate_key() -> None:
    err = error(parse_certificates, {"certificates": [_CERTIFICATE, _CERTIFICATE]})
    assert_names(err, "certificates[1]", 'duplicate key "gcp-pmle"')


def test_certificate_file_needs_the_certificates_array() -> None:
    assert_names(error(parse_certificates, {}), "top level", 'missing field "certificates"')
    err = error(parse_certificates, {"certificate": []})
    assert_names(err, "top level", 'unknown field "certificate"')


def test_a_retired_certificate_names_its_last_day_and_successor() -> None:
    parsed = parse_certificates({"certificates": [_CERTIFICATE, _RETIRED]}, FILE)
    retired = parsed[1]
    assert (retired.status, retired.retired_on, retired.successor) == (
        "retired",
        datetime.date(2026, 3, 31),
        "gcp-pmle",
    )
    assert parsed[0].retired_on is None and parsed[0].successor is None


@pytest.mark.parametrize("missing", ["retired_on", "successor"])
def test_a_retired_certificate_needs_its_date_and_successor(missing: str) -> None:
    retired = {k: v for k, v in _RETIRED.items() if k != missing}
    err = error(parse_certificates, {"certificates": [_CERTIFICATE, retired]})
    assert_names(err, 'certificate "aws-ml-specialty"', f'missing field "{missing}"')


@pytest.mark.parametrize(
    ("field", "value"), [("retired_on", datetime.date(2026, 3, 31)), ("successor", "gcp-pmle")]
)
def test_an_active_certificate_has_no_retirement_fields(field: str, value: object) -> None:
    err = error(parse_certificates, certificates(**{field: value}))
    assert_names(err, 'certificate "gcp-pmle"', f'"{field}" is only for status "retired"')


def test_a_successor_key_must_exist_in_the_catalogue() -> None:
    err = error(parse_certificates, {"certificates": [{**_RETIRED, "successor": "gcp-pmel"}]})
    assert_names(err, 'certificate "aws-ml-specialty"', '"gcp-pmel" is not a key in this file')


def test_a_successor_outside_the_catalogue_is_given_by_name() -> None:
    named = {**_RETIRED, "successor": "Microsoft Certified: Example (AI-300)"}
    (parsed,) = parse_certificates({"certificates": [named]}, FILE)
    assert parsed.successor == "Microsoft Certified: Example (AI-300)"


def test_a_certificate_is_not_its_own_successor() -> None:
    err = error(
        parse_certificates, {"certificates": [{**_RETIRED, "successor": "aws-ml-specialty"}]}
    )
    assert_names(err, 'certificate "aws-ml-specialty"', "its own successor")


def test_unknown_certificate_status() -> None:
    err = error(parse_certificates, certificates(status="retiring"))
    assert_names(err, 'certificate "gcp-pmle"', 'unknown status "retiring"', "active, retired")


@pytest.mark.parametrize("field", ["checked_on", "retired_on"])
@pytest.mark.parametrize("value", ["2026-03-31", datetime.datetime(2026, 3, 31, 12, 0)])
def test_certificate_dates_are_toml_dates(field: str, value: object) -> None:
    data = {**_RETIRED, field: value}
    err = error(parse_certificates, {"certificates": [_CERTIFICATE, data]})
    assert_names(err, 'certificate "aws-ml-specialty"', f'"{field}" must be a TOML date')


@pytest.mark.parametrize("field", ["code", "status", "checked_on", "source"])
def test_certificate_provenance_fields_are_required(field: str) -> None:
    data = {k: v for k, v in _CERTIFICATE.items() if k != field}
    err = error(parse_certificates, {"certificates": [data]})
    assert_names(err, 'certificate "gcp-pmle"', f'missing field "{field}"')


@pytest.mark.parametrize("field", ["source", "url"])
def test_certificate_pages_must_be_https(field: str) -> None:
    err = error(parse_certificates, certificates(**{field: "http://cloud.google.com/x"}))
    assert_names(err, 'certificate "gcp-pmle"', f'"{field}" must be an https URL')


def test_see_also_pages_must_be_https() -> None:
    err = error(parse_certificates, certificates(see_also=["https://a.example/", "a.example"]))
    assert_names(err, 'certificate "gcp-pmle"', '"see_also" must be an http(s) URL')
    ok = parse_certificates(certificates(see_also=["https://a.example/"]), FILE)
    assert ok[0].see_also == ("https://a.example/",)


def test_an_unverified_price_is_left_out_only_with_a_note() -> None:
    data = {k: v for k, v in _CERTIFICATE.items() if k != "cost"}
    err = error(parse_certificates, {"certificates": [data]})
    assert_names(err, 'certificate "gcp-pmle"', '"cost" is missing', '"note"')
    (parsed,) = parse_certificates({"certificates": [{**data, "note": "Not verified."}]}, FILE)
    assert parsed.cost is None and parsed.note == "Not verified."


def test_an_empty_exam_code_needs_a_note() -> None:
    err = error(parse_certificates, certificates(code=""))
    assert_names(err, 'certificate "gcp-pmle"', '"code" is empty')
    (parsed,) = parse_certificates(certificates(code="", note="No codes at Google."), FILE)
    assert parsed.code == "" and parsed.label == parsed.name


def test_the_label_does_not_repeat_a_code_already_in_the_name() -> None:
    (parsed,) = parse_certificates(certificates(name="Certified X (CKA)", code="CKA"), FILE)
    assert parsed.label == "Certified X (CKA)"


def test_unknown_activity_kind() -> None:
    err = error(parse_activity_ideas, {"ideas": [{**_IDEA, "kind": "podcast"}]})
    assert_names(err, 'idea "mooc-mentor"', 'unknown kind "podcast"', "freelance")


def test_activity_missing_field() -> None:
    idea = dict(_IDEA)
    del idea["brings"]
    err = error(parse_activity_ideas, {"ideas": [idea]})
    assert_names(err, 'idea "mooc-mentor"', 'missing field "brings"')


def test_duplicate_activity_key() -> None:
    err = error(parse_activity_ideas, {"ideas": [_IDEA, _IDEA]})
    assert_names(err, "ideas[1]", 'duplicate key "mooc-mentor"')
