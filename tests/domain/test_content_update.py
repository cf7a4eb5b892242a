"""The rules that bring a roadmap built from older content up to the current content, on small
made-up templates so each rule is visible."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.domain.test_catalogue import CATALOGUE

from studytui.domain.content import AreaSpec, MilestoneSpec, Resource, Template
from studytui.domain.content_update import (
    NEW,
    CatalogueSnapshot,
    ContentSnapshot,
    Plan,
    Stored,
    StoredArea,
    StoredCertificate,
    StoredMilestone,
    plan_update,
    user_templates,
)

TODAY = date(2026, 11, 29)
AREAS = (
    AreaSpec("code", "Programming", 60, "Write code."),
    AreaSpec("ml", "Machine learning", 40, "Learn models."),
)


def step(key: str, area: str = "code", *requires: str, hours: int = 10) -> MilestoneSpec:
    return MilestoneSpec(
        key=key,
        area=area,
        title=f"Title {key}",
        why=f"Why {key}",
        hours=hours,
        prerequisites=requires,
        resources=(Resource(f"Link {key}", f"https://example.org/{key}"),),
    )


def template(*steps: MilestoneSpec, areas: tuple[AreaSpec, ...] = AREAS) -> Template:
    return Template("t", "Test", "A test roadmap.", 6, 10, areas, steps)


def snapshot(tpl: Template) -> ContentSnapshot:
    return ContentSnapshot(version=1, templates={tpl.key: tpl}, catalogue=())


def stored_from(
    tpl: Template,
    *,
    in_use: frozenset[str] = frozenset(),
    without: frozenset[str] = frozenset(),
    own: tuple[StoredMilestone, ...] = (),
    shares: dict[str, int] | None = None,
) -> Stored:
    """The database as seeding `tpl` leaves it (ids: "id-" + key), with the user's changes."""
    areas = tuple(
        StoredArea(
            f"area-{a.key}", a.key, a.name, (shares or {}).get(a.key, a.share), a.description
        )
        for a in tpl.areas
    )
    milestones = tuple(
        StoredMilestone(
            id=f"id-{m.key}",
            key=m.key,
            template=tpl.key,
            area_id=f"area-{m.area}",
            title=m.title,
            why=m.why,
            hours=m.hours,
            resources=m.resources,
            requires=frozenset(f"id-{r}" for r in m.prerequisites if r not in without),
            in_use=m.key in in_use,
        )
        for m in tpl.milestones
        if m.key not in without
    )
    return Stored(tpl.key, areas, milestones + own, ())


def plan(old: Template, new: Template, stored: Stored) -> Plan:
    return plan_update(snapshot(old), {new.key: new}, (), stored, version=2, today=TODAY)


OLD = template(step("a"), step("b", "code", "a"), step("c", "ml", "b"))


def test_nothing_changed_in_the_release_means_an_empty_plan() -> None:
    result = plan(OLD, OLD, stored_from(OLD))
    assert result.empty
    assert result.summary == ()
    assert result.order == ("id-a", "id-b", "id-c")


def test_a_new_milestone_is_added_in_its_place_with_its_gates() -> None:
    new = template(step("a"), step("b", "code", "a"), step("x", "ml", "a"), step("c", "ml", "x"))
    result = plan(OLD, new, stored_from(OLD))
    (added,) = result.add
    assert added.spec.key == "x"
    assert added.area == "area-ml"
    assert added.requires == ("id-a",)
    assert result.order == ("id-a", "id-b", NEW + "x", "id-c")
    # c was gated on b as shipped; it now waits for the new milestone, as the release says.
    (change,) = result.change
    assert change.id == "id-c" and change.requires == (NEW + "x",)
    assert result.summary[:2] == ("1 new milestone on your roadmap:", "  + Title x")


def test_a_new_first_milestone_goes_before_the_rest() -> None:
    new = template(step("z"), *OLD.milestones)
    assert plan(OLD, new, stored_from(OLD)).order[0] == NEW + "z"


def test_new_milestones_go_after_the_users_own_milestone_that_follows_their_predecessor() -> None:
    own = StoredMilestone("mine", None, None, "area-code", "Mine", "", 5, (), frozenset(), True)
    stored = stored_from(OLD)
    stored = replace(stored, milestones=(*stored.milestones[:2], own, stored.milestones[2]))
    new = template(*OLD.milestones[:2], step("x"), OLD.milestones[2])
    # The user's own milestone keeps its place right after b; x goes right after b, too.
    assert plan(OLD, new, stored).order == ("id-a", "id-b", NEW + "x", "mine", "id-c")


def test_fields_left_as_shipped_take_the_new_wording_links_and_estimates() -> None:
    changed = replace(
        OLD.milestones[0],
        title="New title",
        why="New why",
        hours=25,
        resources=(Resource("New link", "https://example.org/new"),),
    )
    new = template(changed, *OLD.milestones[1:])
    (change,) = plan(OLD, new, stored_from(OLD)).change
    assert change.title == "New title"
    assert change.why == "New why"
    assert change.hours == 25
    assert change.resources == changed.resources


def test_fields_the_user_edited_are_kept_field_by_field() -> None:
    stored = stored_from(OLD)
    edited = replace(stored.milestones[0], title="My own title", hours=3)
    stored = replace(stored, milestones=(edited, *stored.milestones[1:]))
    new = template(replace(OLD.milestones[0], title="New title", hours=25, why="New why"))
    new = template(new.milestones[0], *OLD.milestones[1:])
    (change,) = plan(OLD, new, stored).change
    assert change.title is None and change.hours is None  # the user's
    assert change.why == "New why"  # still as shipped: follows the release


def test_an_untouched_milestone_dropped_from_the_template_is_deleted() -> None:
    new = template(step("a"), step("c", "ml", "a"))
    result = plan(OLD, new, stored_from(OLD))
    assert result.delete == ("id-b",)
    assert result.drop == ()
    assert "id-b" not in result.order
    assert "1 milestone you had not started left the roadmap." in result.summary


def test_a_dropped_milestone_the_user_worked_on_is_kept_and_marked() -> None:
    new = template(step("a"), step("c", "ml", "a"))
    result = plan(OLD, new, stored_from(OLD, in_use=frozenset({"b"})))
    assert result.drop == ("id-b",)
    assert result.delete == ()
    assert "id-b" in result.order
    assert any("kept because you worked on them: Title b" in line for line in result.summary)


def test_a_milestone_the_user_deleted_is_not_brought_back() -> None:
    result = plan(OLD, OLD, stored_from(OLD, without=frozenset({"b"})))
    assert result.add == ()
    assert result.empty


def test_the_users_own_milestones_are_never_changed_or_dropped() -> None:
    own = StoredMilestone("mine", None, None, "area-code", "Mine", "", 5, (), frozenset(), False)
    stored = stored_from(OLD)
    stored = replace(stored, milestones=(*stored.milestones, own))
    result = plan(OLD, template(step("q")), stored)
    assert "mine" not in result.delete + result.drop
    assert all(change.id != "mine" for change in result.change)
    assert "mine" in result.order


def test_milestones_of_another_template_are_left_to_that_template() -> None:
    stored = stored_from(OLD)
    stored = replace(
        stored, milestones=tuple(replace(m, template="other") for m in stored.milestones)
    )
    result = plan(OLD, template(step("q")), stored)
    assert result.delete == () and result.drop == () and result.change == ()


def test_shares_follow_the_release_only_when_the_user_kept_the_shipped_ones() -> None:
    new = template(
        *OLD.milestones,
        areas=(replace(AREAS[0], share=50), replace(AREAS[1], share=50)),
    )
    result = plan(OLD, new, stored_from(OLD))
    assert {c.id: c.share for c in result.change_areas} == {"area-code": 50, "area-ml": 50}
    assert "Programming 60% → 50%" in result.summary[-1]
    edited = stored_from(OLD, shares={"code": 70, "ml": 30})
    assert plan(OLD, new, edited).change_areas == ()


def test_an_area_new_in_the_release_is_created_with_no_share() -> None:
    areas = (*AREAS, AreaSpec("ops", "MLOps", 0, "Ship it."))
    new = template(*OLD.milestones, step("deploy", "ops"), areas=areas)
    result = plan(OLD, new, stored_from(OLD))
    assert [a.key for a in result.add_areas] == ["ops"]
    assert result.add[0].area == NEW + "ops"


def test_no_milestone_is_added_to_an_area_the_user_deleted() -> None:
    stored = stored_from(OLD)
    stored = replace(
        stored,
        areas=stored.areas[:1],
        milestones=tuple(m for m in stored.milestones if m.area_id != "area-ml"),
    )
    new = template(*OLD.milestones, step("x", "ml"), step("y", "code"))
    result = plan(OLD, new, stored)
    assert [a.spec.key for a in result.add] == ["y"]
    assert result.add_areas == ()


def test_catalogue_news_names_new_exams_and_newly_retired_tracked_ones() -> None:
    mla, mls = CATALOGUE
    old = ContentSnapshot(1, {"t": OLD}, (CatalogueSnapshot(mls.key, mls.name, "active"),))
    stored = replace(
        stored_from(OLD),
        certificates=(
            StoredCertificate("AWS ML Specialty", "preparing", mls.key),
            StoredCertificate("Passed ML Specialty", "passed", mls.key),
            StoredCertificate("My own", "planned", None),
        ),
    )
    result = plan_update(old, {"t": OLD}, CATALOGUE, stored, version=2, today=TODAY)
    assert result.summary == (
        f"New in the certificate catalogue: {mla.label}.",
        f"AWS ML Specialty: exam retired on 2026-03-31, successor {mla.label}.",
        f"Passed ML Specialty: exam retired on 2026-03-31, successor {mla.label};"
        " your certificate stays valid until it expires.",
    )
    # Already retired in the older content: nothing new to say about it.
    before = ContentSnapshot(
        1,
        {"t": OLD},
        (
            CatalogueSnapshot(mls.key, mls.name, "retired"),
            CatalogueSnapshot(mla.key, mla.label, "active"),
        ),
    )
    assert plan_update(before, {"t": OLD}, CATALOGUE, stored, version=2, today=TODAY).summary == ()


def test_user_templates_are_the_current_one_and_those_adopted_before() -> None:
    stored = stored_from(OLD)
    switched = replace(stored, template="other")
    assert user_templates(switched) == ["other", "t"]
