"""Filling a database from a roadmap template. Applying a template twice adds nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import Session, col, func, select

from studytui.db.constants import TEMPLATE_SETTING
from studytui.db.models import Area, Milestone, MilestonePrerequisite, MilestoneResource
from studytui.db.reads import is_seeded, sql_connection
from studytui.db.setting_rows import put_raw

if TYPE_CHECKING:  # every quick command imports this module; the content code only on first run
    from studytui.domain.content import Template


def apply_template(session: Session, template: Template) -> int:
    """Add the template's areas and milestones that are not there yet; returns how many
    milestones were added. Existing records, notes and log entries are never touched."""
    all_areas = list(session.exec(select(Area)))
    areas_by_key = {a.key: a for a in all_areas if a.key}
    # User-made areas count too, so a template never adds a second "Machine learning".
    areas_by_name = {a.name.casefold(): a for a in all_areas}
    next_area_pos = (session.exec(select(func.max(Area.position))).one() or 0) + 1
    for spec in template.areas:
        area = areas_by_key.get(spec.key) or areas_by_name.get(spec.name.casefold())
        if area is None:
            area = Area(
                key=spec.key,
                name=spec.name,
                share=spec.share,
                description=spec.description,
                position=next_area_pos,
            )
            next_area_pos += 1
            session.add(area)
        areas_by_key[spec.key] = area

    existing: dict[str, Milestone] = {}
    for m in session.exec(select(Milestone).where(col(Milestone.key).is_not(None))):
        # Templates share keys for the same step ("sql", "deep-learning"): a milestone already
        # on the roadmap, from any template, is not added again (its own template wins ties).
        if m.key and (m.key not in existing or m.template == template.key):
            existing[m.key] = m
    next_pos = (session.exec(select(func.max(Milestone.position))).one() or 0) + 1
    added = 0
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
        added += 1
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
    return added


def _record_content_version(session: Session) -> None:
    # A first roadmap is built from this release's content: it has nothing to catch up on.
    from studytui.builtin_content import load_certificate_catalogue
    from studytui.clock import now_utc
    from studytui.db.content_sync import record_first_roadmap

    record_first_roadmap(session, now=now_utc(), catalogue=load_certificate_catalogue())


def switch_template(session: Session, template: Template) -> int:
    """Adopt another starting point's template later: add its missing areas and milestones,
    take over its target shares (areas it does not name get 0%, so the total stays 100) and
    record it as the current template. Statuses, notes and log entries are never touched."""
    added = apply_template(session, template)
    session.flush()
    shares = {spec.key: spec.share for spec in template.areas}
    names = {spec.name.casefold(): spec.share for spec in template.areas}
    for area in session.exec(select(Area)):
        if area.key in shares:
            area.share = shares[area.key]
        else:
            area.share = names.get(area.name.casefold(), 0)
        session.add(area)
    put_raw(session, TEMPLATE_SETTING, template.key)
    return added
