"""Bringing a database's built-in content up to this release's content version.

The rules live in `domain.content_update`; this module reads what they need from the database,
carries out the plan and records the version, all inside the caller's transaction. A database
that has never had a roadmap has nothing to update: its first roadmap records the version.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from studytui.clock import now_local
from studytui.content_version import CONTENT_VERSION, FIRST_CONTENT_VERSION
from studytui.db.constants import TEMPLATE_SETTING
from studytui.db.models import (
    Area,
    CatalogueExam,
    Certificate,
    ContentUpdate,
    LogEntry,
    Milestone,
    MilestonePrerequisite,
    MilestoneResource,
    RunningTimer,
)
from studytui.db.reads import settings_strings, sql_connection
from studytui.domain.catalogue import successor_label
from studytui.domain.content import CatalogueCertificate, Resource
from studytui.domain.content_update import (
    NEW,
    ContentNews,
    Plan,
    Stored,
    StoredArea,
    StoredCertificate,
    StoredMilestone,
    plan_update,
)


def content_version(session: Session) -> int | None:
    """The content version of the database; None before its first roadmap or content update."""
    return session.exec(select(func.max(ContentUpdate.version))).one()


def is_current(session: Session) -> bool:
    """True when nothing is to be done: no roadmap yet, or content at (or past) this release."""
    if not _has_roadmap(session):
        return True
    version = content_version(session)
    return version is not None and version >= CONTENT_VERSION


def _has_roadmap(session: Session) -> bool:
    return TEMPLATE_SETTING in settings_strings(sql_connection(session))


def record_first_roadmap(
    session: Session, *, now: datetime, catalogue: Sequence[CatalogueCertificate]
) -> None:
    """A roadmap built from this release's content is current: nothing to announce."""
    if content_version(session) is None:
        sync_catalogue(session, catalogue)
        session.add(ContentUpdate(version=CONTENT_VERSION, applied_at=now, announced=True))


def adopt_imported_roadmap(session: Session, version: int | None, *, now: datetime) -> None:
    """A new database took an export's roadmap: it is at the export's content version (files
    without one came from 0.1.0) and, in the import's transaction, brought up to this one."""
    session.flush()  # the imported settings, for the plain-SQL read
    if content_version(session) is not None or not _has_roadmap(session):
        return
    session.add(
        ContentUpdate(version=version or FIRST_CONTENT_VERSION, applied_at=now, announced=True)
    )
    session.flush()
    if bring_up_to_date(session, now=now) is None:
        from studytui.builtin_content import load_certificate_catalogue

        sync_catalogue(session, load_certificate_catalogue())


def bring_up_to_date(session: Session, *, now: datetime) -> Plan | None:
    """Update the built-in content of an older roadmap; None when there was nothing to do."""
    if is_current(session):
        return None
    from studytui.builtin_content import load_certificate_catalogue, load_snapshot, load_templates

    catalogue = load_certificate_catalogue()
    old = load_snapshot(content_version(session) or FIRST_CONTENT_VERSION)
    plan = plan_update(
        old,
        load_templates(),
        catalogue,
        read_stored(session),
        version=CONTENT_VERSION,
        today=now_local().date(),
    )
    apply_plan(session, plan)
    sync_catalogue(session, catalogue)
    session.add(
        ContentUpdate(
            version=CONTENT_VERSION,
            applied_at=now,
            summary=json.dumps(list(plan.summary), ensure_ascii=False),
            announced=not plan.summary,
        )
    )
    return plan


# --- telling the user ----------------------------------------------------------------------------


def content_news(session: Session) -> tuple[ContentNews, ...]:
    """Every content update that brought something, newest first."""
    rows = session.exec(
        select(ContentUpdate)
        .where(ContentUpdate.summary != "")
        .order_by(col(ContentUpdate.version).desc())
    )
    return tuple(
        ContentNews(
            version=row.version,
            applied_at=as_utc(row.applied_at),
            lines=tuple(json.loads(row.summary)),
            announced=row.announced,
        )
        for row in rows
    )


def as_utc(moment: datetime) -> datetime:
    # SQLite hands back the naive UTC it stored; PostgreSQL an aware value.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def mark_announced(session: Session) -> int:
    """The user has been told what every update so far brought; how many were news to them."""
    untold = col(ContentUpdate.announced).is_(False)
    count = session.exec(select(func.count()).select_from(ContentUpdate).where(untold)).one()
    if count:
        session.execute(update(ContentUpdate).where(untold).values(announced=True))
    return count


def mark_milestones_seen(session: Session, milestone_ids: Sequence[str]) -> None:
    """New milestones the user has seen on the Roadmap are no longer marked new."""
    if milestone_ids:
        session.execute(
            update(Milestone).where(col(Milestone.id).in_(milestone_ids)).values(new_in=None)
        )


# --- reading what the rules need ---------------------------------------------------------------


def read_stored(session: Session) -> Stored:
    milestones = list(
        session.exec(select(Milestone).order_by(col(Milestone.position), col(Milestone.title)))
    )
    resources: dict[str, list[Resource]] = {}
    for link in session.exec(select(MilestoneResource).order_by(col(MilestoneResource.position))):
        resources.setdefault(link.milestone_id, []).append(Resource(link.title, link.url))
    requires: dict[str, set[str]] = {}
    for prerequisite in session.exec(select(MilestonePrerequisite)):
        requires.setdefault(prerequisite.milestone_id, set()).add(prerequisite.requires_id)
    logged = set(
        session.exec(
            select(LogEntry.milestone_id).where(col(LogEntry.milestone_id).is_not(None)).distinct()
        )
    )
    timer = session.exec(select(RunningTimer.milestone_id)).first()
    return Stored(
        template=settings_strings(sql_connection(session))[TEMPLATE_SETTING],
        areas=tuple(
            StoredArea(a.id, a.key, a.name, a.share, a.description)
            for a in session.exec(select(Area).order_by(col(Area.position)))
        ),
        milestones=tuple(
            StoredMilestone(
                id=m.id,
                key=m.key,
                template=m.template,
                area_id=m.area_id,
                title=m.title,
                why=m.why,
                hours=m.estimate_hours,
                resources=tuple(resources.get(m.id, ())),
                requires=frozenset(requires.get(m.id, ())),
                in_use=(
                    m.status != "todo" or bool(m.notes.strip()) or m.id in logged or m.id == timer
                ),
            )
            for m in milestones
        ),
        certificates=tuple(
            StoredCertificate(c.name, c.status, c.catalogue_key)
            for c in session.exec(select(Certificate))
        ),
    )


# --- carrying out a plan -----------------------------------------------------------------------


def apply_plan(session: Session, plan: Plan) -> None:
    ids: dict[str, str] = {}  # NEW + key -> the id given to what the plan adds
    last_area = session.exec(select(func.max(Area.position))).one() or 0
    for number, spec in enumerate(plan.add_areas, start=last_area + 1):
        area = Area(key=spec.key, name=spec.name, share=0, description=spec.description)
        area.position = number
        session.add(area)
        ids[NEW + spec.key] = area.id
    for add in plan.add:
        milestone = Milestone(
            area_id=ids.get(add.area, add.area),
            key=add.spec.key,
            template=add.template,
            title=add.spec.title,
            why=add.spec.why,
            estimate_hours=add.spec.hours,
            new_in=plan.version,
        )
        session.add(milestone)
        ids[NEW + add.spec.key] = milestone.id
    session.flush()  # the new rows exist before links point at them
    for add in plan.add:
        milestone_id = ids[NEW + add.spec.key]
        _set_resources(session, milestone_id, add.spec.resources)
        _set_requires(session, milestone_id, [ids.get(r, r) for r in add.requires])
    for change in plan.change:
        changed = session.get(Milestone, change.id)
        if changed is None:
            continue
        milestone = changed
        if change.title is not None:
            milestone.title = change.title
        if change.why is not None:
            milestone.why = change.why
        if change.hours is not None:
            milestone.estimate_hours = change.hours
        if change.area_id is not None:
            milestone.area_id = ids.get(change.area_id, change.area_id)
        session.add(milestone)
        if change.resources is not None:
            _set_resources(session, change.id, change.resources)
        if change.requires is not None:
            _set_requires(session, change.id, [ids.get(r, r) for r in change.requires])
    for change_area in plan.change_areas:
        found = session.get(Area, change_area.id)
        if found is None:
            continue
        area = found
        area.name = change_area.name if change_area.name is not None else area.name
        if change_area.description is not None:
            area.description = change_area.description
        if change_area.share is not None:
            area.share = change_area.share
        session.add(area)
    for milestone_id in plan.drop:
        dropped = session.get(Milestone, milestone_id)
        if dropped is not None:
            dropped.dropped_in = plan.version
            session.add(dropped)
    if plan.delete:
        # The schema's cascades take their links and resources along; nothing logged points here.
        session.execute(delete(Milestone).where(col(Milestone.id).in_(plan.delete)))
    session.flush()
    _renumber(session, [ids.get(ref, ref) for ref in plan.order])


def _set_resources(session: Session, milestone_id: str, resources: Sequence[Resource]) -> None:
    session.execute(
        delete(MilestoneResource).where(col(MilestoneResource.milestone_id) == milestone_id)
    )
    for position, resource in enumerate(resources):
        session.add(
            MilestoneResource(
                milestone_id=milestone_id,
                title=resource.title,
                url=resource.url,
                position=position,
            )
        )


def _set_requires(session: Session, milestone_id: str, requires: Sequence[str]) -> None:
    session.execute(
        delete(MilestonePrerequisite).where(col(MilestonePrerequisite.milestone_id) == milestone_id)
    )
    for requires_id in dict.fromkeys(requires):
        session.add(MilestonePrerequisite(milestone_id=milestone_id, requires_id=requires_id))


def _renumber(session: Session, order: Sequence[str]) -> None:
    """Positions follow the plan's study order; rows already in place are not written."""
    milestones = {m.id: m for m in session.exec(select(Milestone))}
    for position, milestone_id in enumerate(order, start=1):
        milestone = milestones.get(milestone_id)
        if milestone is not None and milestone.position != position:
            milestone.position = position
            session.add(milestone)


def sync_catalogue(session: Session, catalogue: Sequence[CatalogueCertificate]) -> None:
    """The catalogue's exams, as the quick reads need them, replaced by this release's."""
    session.execute(delete(CatalogueExam))
    for item in catalogue:
        session.add(
            CatalogueExam(
                key=item.key,
                label=item.label,
                status=item.status,
                retired_on=item.retired_on,
                successor=successor_label(item, catalogue),
            )
        )
