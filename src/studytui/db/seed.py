"""Filling a database from a roadmap template. Applying a template twice adds nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlmodel import Session, col, func, select

from studytui.db.constants import TEMPLATE_SETTING
from studytui.db.models import (
    Area,
    LogEntry,
    Milestone,
    MilestonePrerequisite,
    MilestoneResource,
    RunningTimer,
)
from studytui.db.reads import is_seeded, settings_strings, sql_connection
from studytui.db.setting_rows import put_raw

if TYPE_CHECKING:  # every quick command imports this module; the content code only on first run
    from studytui.domain.content import Template


def apply_template(session: Session, template: Template) -> int:
    """Add the template's areas and milestones that are not there yet; returns how many
    milestones were added. Existing records, notes and log entries are never touched."""
    return len(_apply(session, template)[1])


def _found_areas(session: Session, template: Template) -> dict[str, Area]:
    """The template's areas already on the roadmap, by the template's area key."""
    all_areas = list(session.exec(select(Area)))
    by_key = {a.key: a for a in all_areas if a.key}
    # User-made areas count too, so a template never adds a second "Machine learning".
    by_name = {a.name.casefold(): a for a in all_areas}
    found = {}
    for spec in template.areas:
        area = by_key.get(spec.key) or by_name.get(spec.name.casefold())
        if area is not None:
            found[spec.key] = area
    return found


def _found_milestones(session: Session, template: Template) -> dict[str, Milestone]:
    """The milestones on the roadmap by key. Templates share keys for the same step ("sql",
    "deep-learning"): a milestone already there, from any template, is not added again (its
    own template wins ties)."""
    existing: dict[str, Milestone] = {}
    for m in session.exec(select(Milestone).where(col(Milestone.key).is_not(None))):
        if m.key and (m.key not in existing or m.template == template.key):
            existing[m.key] = m
    return existing


def missing(session: Session, template: Template) -> tuple[list[str], list[str]]:
    """What applying `template` would add: (area names, milestone titles)."""
    areas = _found_areas(session, template)
    milestones = _found_milestones(session, template)
    return (
        [spec.name for spec in template.areas if spec.key not in areas],
        [step.title for step in template.milestones if step.key not in milestones],
    )


def _apply(session: Session, template: Template) -> tuple[list[Area], list[Milestone]]:
    """`apply_template`, returning the areas and the milestones it added."""
    areas_by_key = _found_areas(session, template)
    next_area_pos = (session.exec(select(func.max(Area.position))).one() or 0) + 1
    added_areas: list[Area] = []
    for spec in template.areas:
        if spec.key in areas_by_key:
            continue
        area = Area(
            key=spec.key,
            name=spec.name,
            share=spec.share,
            description=spec.description,
            position=next_area_pos,
        )
        next_area_pos += 1
        session.add(area)
        added_areas.append(area)
        areas_by_key[spec.key] = area

    existing = _found_milestones(session, template)
    next_pos = (session.exec(select(func.max(Milestone.position))).one() or 0) + 1
    added: list[Milestone] = []
    by_key: dict[str, Milestone] = dict(existing)
    for step in template.milestones:
        if step.key in existing:
            continue
        milestone = Milestone(
            area_id=areas_by_key[step.area].id,
            key=step.key,
            template=template.key,
            title=step.title,
            why=step.why,
            estimate_hours=step.hours,
            position=next_pos,
        )
        next_pos += 1
        added.append(milestone)
        session.add(milestone)
        by_key[step.key] = milestone
        for index, resource in enumerate(step.resources):
            session.add(
                MilestoneResource(
                    milestone_id=milestone.id,
                    title=resource.title,
                    url=resource.url,
                    position=index,
                )
            )
        for prerequisite in step.prerequisites:
            session.add(
                MilestonePrerequisite(
                    milestone_id=milestone.id, requires_id=by_key[prerequisite].id
                )
            )
    if not is_seeded(sql_connection(session)):
        put_raw(session, TEMPLATE_SETTING, template.key)
        _record_content_version(session)
    return added_areas, added


def _record_content_version(session: Session) -> None:
    # A first roadmap is built from this release's content: it has nothing to catch up on.
    from studytui.builtin_content import load_certificate_catalogue
    from studytui.clock import now_utc
    from studytui.db.content_sync import record_first_roadmap

    record_first_roadmap(session, now=now_utc(), catalogue=load_certificate_catalogue())


@dataclass(frozen=True)
class Switch:
    """What switching to another starting point did, to say it and to undo it."""

    added: tuple[tuple[str, str, str, int], ...]  # milestones: (id, title, why, estimate)
    added_areas: tuple[str, ...]  # ids
    shares_before: tuple[tuple[str, int], ...]  # (area id, share)
    shares_after: tuple[tuple[str, int], ...]
    took_shares: bool  # the template's shares replaced the shipped ones the user had kept
    template_before: str


def _shares(session: Session) -> tuple[tuple[str, int], ...]:
    return tuple(sorted((a.id, a.share) for a in session.exec(select(Area))))


def takes_shares(session: Session, current: Template | None) -> bool:
    """Whether switching from `current` may set the target shares: only while they are still
    the ones it shipped with (`domain.roadmap.kept_shipped_shares`)."""
    from studytui.domain.roadmap import kept_shipped_shares

    if current is None:
        return False
    shipped = {spec.key: spec.share for spec in current.areas}
    stored = {a.key: a.share for a in session.exec(select(Area)) if a.key in shipped}
    return kept_shipped_shares(stored, shipped)


def switch_template(session: Session, template: Template, current: Template | None) -> Switch:
    """Adopt another starting point's template later: add its missing areas and milestones
    and record it as the current template. Statuses, notes and log entries are never touched.

    The target shares follow the new template only while they are still the ones `current`
    (the template followed until now) shipped with; shares the user set are kept, and the new
    areas start at 0% so they still add up to 100.
    """
    shares_before = _shares(session)
    take = takes_shares(session, current)
    template_before = settings_strings(sql_connection(session)).get(TEMPLATE_SETTING, "")
    added_areas, added = _apply(session, template)
    session.flush()
    shares = {spec.key: spec.share for spec in template.areas}
    names = {spec.name.casefold(): spec.share for spec in template.areas}
    new_ids = {a.id for a in added_areas}
    for area in session.exec(select(Area)):
        if take:
            area.share = shares.get(area.key or "", names.get(area.name.casefold(), 0))
        elif area.id in new_ids:
            area.share = 0
        session.add(area)
    put_raw(session, TEMPLATE_SETTING, template.key)
    session.flush()
    return Switch(
        added=tuple((m.id, m.title, m.why, m.estimate_hours) for m in added),
        added_areas=tuple(a.id for a in added_areas),
        shares_before=shares_before,
        shares_after=_shares(session),
        took_shares=take,
        template_before=template_before,
    )


@dataclass(frozen=True)
class SwitchUndone:
    """What undoing a switch kept, because the user has made it theirs since."""

    worked: int  # added milestones with a status, notes, time or an edit
    shared: tuple[tuple[str, int], ...]  # added areas given a share since: (name, share)


def undo_switch(session: Session, switch: Switch, template_key: str) -> SwitchUndone:
    """Remove what `switch` added and the user has not touched since (no status, notes,
    logged time or edit; an area left empty), and put back the shares and the template it
    replaced, unless they were changed since.

    Shares changed since stay as the user set them, so an added area the user gave a share
    stays too, with its milestones: removing it would leave shares that no longer add up to
    100, and the user chose to study it."""
    now = _shares(session)
    existing = {area_id for area_id, _ in now}
    restore_shares = now == tuple((a, v) for a, v in switch.shares_after if a in existing)
    held = (
        {}
        if restore_shares
        else {a: share for a, share in now if a in set(switch.added_areas) and share}
    )
    kept = 0
    linked = {
        milestone_id
        for milestone_id in session.exec(
            select(LogEntry.milestone_id).where(col(LogEntry.milestone_id).is_not(None))
        )
    }
    timer = session.get(RunningTimer, 1)
    for milestone_id, title, why, estimate in switch.added:
        m = session.get(Milestone, milestone_id)
        if m is None or m.area_id in held:
            continue
        untouched = (
            (m.status, m.notes, m.started_on, m.done_on) == ("todo", "", None, None)
            and (m.title, m.why, m.estimate_hours) == (title, why, estimate)
            and m.id not in linked
            and (timer is None or timer.milestone_id != m.id)
        )
        if untouched:
            session.delete(m)
        else:
            kept += 1
    session.flush()
    shared: list[tuple[str, int]] = []
    for area_id in switch.added_areas:
        area = session.get(Area, area_id)
        if area is None:
            continue
        if area_id in held:
            shared.append((area.name, area.share))
            continue
        used = (
            session.exec(
                select(func.count()).select_from(Milestone).where(Milestone.area_id == area_id)
            ).one()
            + session.exec(
                select(func.count()).select_from(LogEntry).where(LogEntry.area_id == area_id)
            ).one()
        )
        if not used and (timer is None or timer.area_id != area_id):
            session.delete(area)
    session.flush()
    if restore_shares:
        before = dict(switch.shares_before)
        for area in session.exec(select(Area)):
            area.share = before.get(area.id, 0)
            session.add(area)
    current = settings_strings(sql_connection(session)).get(TEMPLATE_SETTING, "")
    if current == template_key and switch.template_before:
        put_raw(session, TEMPLATE_SETTING, switch.template_before)
    return SwitchUndone(kept, tuple(shared))
