"""Bringing a roadmap built from an older release's content up to the current content.

Pure: the database's state comes in as values, a plan goes out, and `db.content_sync` carries it
out in one transaction. The rules, in the words the user is promised:

- the new milestones, resources and catalogue entries of the user's templates are added, each
  milestone in its place in the study order (not one the user deleted, nor one whose area the
  user deleted);
- the wording, links and estimates of built-in items the user has not edited are updated; an
  item counts as edited, field by field, when it differs from what the older release shipped
  (the snapshot of that content version);
- items dropped from a template are removed when untouched, and kept, marked as dropped, when
  they have a status, notes or logged time;
- the user's statuses, dates, notes, entries, own milestones and own certificates are never
  touched.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from studytui.domain.catalogue import retirement_note
from studytui.domain.content import (
    AreaSpec,
    CatalogueCertificate,
    MilestoneSpec,
    Resource,
    Template,
)
from studytui.domain.roadmap import kept_shipped_shares

NEW = "new:"  # prefix of a milestone in `Plan.order` that the update adds


@dataclass(frozen=True)
class CatalogueSnapshot:
    key: str
    label: str
    status: str


@dataclass(frozen=True)
class ContentSnapshot:
    """What one content version shipped: its templates and its catalogue's entries."""

    version: int
    templates: Mapping[str, Template]
    catalogue: tuple[CatalogueSnapshot, ...]


@dataclass(frozen=True)
class StoredArea:
    id: str
    key: str | None  # None for the user's own areas
    name: str
    share: int
    description: str


@dataclass(frozen=True)
class StoredMilestone:
    """A milestone as the database holds it, with what the rules need to know about it."""

    id: str
    key: str | None  # None for the user's own milestones
    template: str | None  # the template it came from
    area_id: str
    title: str
    why: str
    hours: int
    resources: tuple[Resource, ...]
    requires: frozenset[str]  # ids of the milestones it waits for
    in_use: bool  # a status other than to-do, notes, logged time, or the timer running on it


@dataclass(frozen=True)
class StoredCertificate:
    name: str
    status: str
    catalogue_key: str | None


@dataclass(frozen=True)
class Stored:
    """The database's state, as far as a content update is concerned."""

    template: str  # the current template (the `template` setting)
    areas: tuple[StoredArea, ...]
    milestones: tuple[StoredMilestone, ...]  # in study order (by position)
    certificates: tuple[StoredCertificate, ...]


@dataclass(frozen=True)
class AddMilestone:
    spec: MilestoneSpec
    template: str
    area: str  # an area id, or NEW + area key for an area this update adds
    requires: tuple[str, ...]  # milestone ids, or NEW + key for milestones this update adds


@dataclass(frozen=True)
class ChangeMilestone:
    id: str
    title: str | None = None  # None: leave as it is
    why: str | None = None
    hours: int | None = None
    area_id: str | None = None
    resources: tuple[Resource, ...] | None = None
    requires: tuple[str, ...] | None = None  # milestone ids, or NEW + key


@dataclass(frozen=True)
class ChangeArea:
    id: str
    name: str | None = None
    description: str | None = None
    share: int | None = None


@dataclass(frozen=True)
class Plan:
    version: int
    add_areas: tuple[AreaSpec, ...] = ()  # added with a 0% share
    add: tuple[AddMilestone, ...] = ()
    change: tuple[ChangeMilestone, ...] = ()
    change_areas: tuple[ChangeArea, ...] = ()
    drop: tuple[str, ...] = ()  # ids kept and marked dropped: the user worked on them
    delete: tuple[str, ...] = ()  # ids of untouched milestones no longer in their template
    order: tuple[str, ...] = ()  # every milestone id in its new study order (NEW + key: added)
    summary: tuple[str, ...] = field(default=())  # what is new, for the user

    @property
    def empty(self) -> bool:
        return not (
            self.add_areas
            or self.add
            or self.change
            or self.change_areas
            or self.drop
            or self.delete
        )


@dataclass(frozen=True)
class ContentNews:
    """What one content update brought to a database, as the user is told it."""

    version: int
    applied_at: datetime  # aware UTC
    lines: tuple[str, ...]
    announced: bool  # the user has been told (on the dashboard or by `studytui whats-new`)


def user_templates(stored: Stored) -> list[str]:
    """The templates the roadmap was built from: the current one and any adopted before."""
    found = [stored.template]
    for milestone in stored.milestones:
        if milestone.template and milestone.template not in found:
            found.append(milestone.template)
    return found


def plan_update(
    old: ContentSnapshot,
    new_templates: Mapping[str, Template],
    new_catalogue: Sequence[CatalogueCertificate],
    stored: Stored,
    *,
    version: int,
    today: date,
) -> Plan:
    """What to change so the roadmap in `stored`, built from `old`, carries the new content."""
    work = _Work(stored)
    for key in user_templates(stored):
        if key in old.templates and key in new_templates:
            work.template(old.templates[key], new_templates[key])
    work.shares(old.templates.get(stored.template), new_templates.get(stored.template))
    summary = [*work.summary(), *_catalogue_news(old, new_catalogue, stored, today)]
    return Plan(
        version=version,
        add_areas=tuple(work.add_areas),
        add=tuple(work.add),
        change=tuple(work.change.values()),
        change_areas=tuple(work.change_areas.values()),
        drop=tuple(work.drop),
        delete=tuple(work.delete),
        order=tuple(work.order),
        summary=tuple(summary),
    )


class _Work:
    """The plan being built, template by template."""

    def __init__(self, stored: Stored) -> None:
        self.stored = stored
        self.by_key = {m.key: m for m in stored.milestones if m.key}
        self.by_id = {m.id: m for m in stored.milestones}
        self.areas_by_key = {a.key: a for a in stored.areas if a.key}
        self.areas_by_name = {a.name.casefold(): a for a in stored.areas}
        self.order: list[str] = [m.id for m in stored.milestones]
        self.add_areas: list[AreaSpec] = []
        self.add: list[AddMilestone] = []
        self.change: dict[str, ChangeMilestone] = {}
        self.change_areas: dict[str, ChangeArea] = {}
        self.drop: list[str] = []
        self.delete: list[str] = []
        self.added_titles: list[str] = []
        self.updated = 0
        self.dropped_titles: list[str] = []
        self.share_changes: list[str] = []

    # --- milestones ----------------------------------------------------------------------

    def template(self, old: Template, new: Template) -> None:
        old_steps = {m.key: m for m in old.milestones}
        new_keys = {m.key for m in new.milestones}
        self._areas(old, new)
        for index, step in enumerate(new.milestones):
            if step.key in self.by_key or any(a.spec.key == step.key for a in self.add):
                current = self.by_key.get(step.key)
                if current is not None and current.template == new.key and step.key in old_steps:
                    self._update(current, old_steps[step.key], step, old, new)
                continue
            if step.key in old_steps:
                continue  # shipped before and deleted by the user since: not brought back
            if self._area_deleted(step.area, old, new):
                continue  # its area shipped before and the user deleted it: respected too
            self._insert(step, new, index)
        for key in old_steps:
            current = self.by_key.get(key)
            if key in new_keys or current is None or current.template != new.key:
                continue
            if current.in_use:
                self.drop.append(current.id)
                self.dropped_titles.append(current.title)
            else:
                self.delete.append(current.id)
                self.order.remove(current.id)

    def _insert(self, step: MilestoneSpec, new: Template, index: int) -> None:
        self.add.append(
            AddMilestone(
                spec=step,
                template=new.key,
                area=self._area_ref(step.area, new),
                requires=tuple(r for r in (self._ref(k) for k in step.prerequisites) if r),
            )
        )
        self.added_titles.append(step.title)
        ref = NEW + step.key
        earlier = [self._ref(m.key) for m in reversed(new.milestones[:index])]
        later = [self._ref(m.key) for m in new.milestones[index + 1 :]]
        anchor = next((r for r in earlier if r in self.order), None)
        if anchor is not None:
            self.order.insert(self.order.index(anchor) + 1, ref)
            return
        following = next((r for r in later if r in self.order), None)
        if following is not None:
            self.order.insert(self.order.index(following), ref)
        else:
            self.order.append(ref)

    def _ref(self, key: str) -> str | None:
        """How the plan names the milestone with this key: its id, or NEW + key if added."""
        if key in self.by_key:
            return self.by_key[key].id
        if any(a.spec.key == key for a in self.add):
            return NEW + key
        return None

    def _update(
        self,
        current: StoredMilestone,
        before: MilestoneSpec,
        after: MilestoneSpec,
        old: Template,
        new: Template,
    ) -> None:
        """Each field the user left as shipped takes the new release's value."""
        changes: dict[str, object] = {}
        for name, stored, was, now in (
            ("title", current.title, before.title, after.title),
            ("why", current.why, before.why, after.why),
            ("hours", current.hours, before.hours, after.hours),
            ("resources", current.resources, before.resources, after.resources),
        ):
            if stored == was and was != now:
                changes[name] = now
        old_area = self._area_ref(before.area, old, create=False)
        if current.area_id == old_area and before.area != after.area:
            changes["area_id"] = self._area_ref(after.area, new)
        # Gates cannot be edited in the app; they follow the release where they are as shipped.
        shipped = {self._ref(k) for k in before.prerequisites} - {None}
        if current.requires == shipped:
            wanted = tuple(r for r in (self._ref(k) for k in after.prerequisites) if r)
            if set(wanted) != set(current.requires):
                changes["requires"] = wanted
        if changes:
            self.change[current.id] = ChangeMilestone(current.id, **changes)  # type: ignore[arg-type]
            if set(changes) - {"requires"}:
                self.updated += 1

    # --- areas ---------------------------------------------------------------------------

    def _areas(self, old: Template, new: Template) -> None:
        old_areas = {a.key: a for a in old.areas}
        for spec in new.areas:
            area = self.areas_by_key.get(spec.key)
            before = old_areas.get(spec.key)
            if area is None or before is None:
                continue
            changes: dict[str, object] = {}
            unique = spec.name.casefold() not in self.areas_by_name  # names stay unique
            if area.name == before.name and before.name != spec.name and unique:
                changes["name"] = spec.name
            if area.description == before.description and before.description != spec.description:
                changes["description"] = spec.description
            if changes:
                merged = {**self._area_change(area.id).__dict__, **changes}
                self.change_areas[area.id] = ChangeArea(**merged)

    def _area_deleted(self, key: str, old: Template, new: Template) -> bool:
        if all(a.key != key for a in old.areas):
            return False
        spec = next(a for a in new.areas if a.key == key)
        return key not in self.areas_by_key and spec.name.casefold() not in self.areas_by_name

    def _area_change(self, area_id: str) -> ChangeArea:
        return self.change_areas.get(area_id, ChangeArea(area_id))

    def _area_ref(self, key: str, template: Template, *, create: bool = True) -> str:
        area = self.areas_by_key.get(key)
        if area is None:
            spec = next(a for a in template.areas if a.key == key)
            area = self.areas_by_name.get(spec.name.casefold())
        if area is not None:
            return area.id
        if create and all(a.key != key for a in self.add_areas):
            self.add_areas.append(next(a for a in template.areas if a.key == key))
        return NEW + key

    def shares(self, old: Template | None, new: Template | None) -> None:
        """The target shares follow the release when the user kept the shipped ones."""
        if old is None or new is None:
            return
        shipped = {a.key: a.share for a in old.areas}
        stored = {a.key: a.share for a in self.stored.areas if a.key in shipped}
        if not kept_shipped_shares(stored, shipped):
            return
        names = {a.key: a.name for a in self.stored.areas if a.key}
        for spec in new.areas:
            area = self.areas_by_key.get(spec.key)
            if area is not None and area.share != spec.share:
                merged = {**self._area_change(area.id).__dict__, "share": spec.share}
                self.change_areas[area.id] = ChangeArea(**merged)
                self.share_changes.append(f"{names[spec.key]} {area.share}% → {spec.share}%")

    # --- what the user is told -----------------------------------------------------------

    def summary(self) -> list[str]:
        lines = []
        if self.added_titles:
            count = len(self.added_titles)
            lines.append(f"{count} new milestone{'s' if count != 1 else ''} on your roadmap:")
            lines.extend(f"  + {title}" for title in self.added_titles)
        if self.updated:
            lines.append(
                f"Wording, links or estimates of {self.updated} milestone"
                f"{'s' if self.updated != 1 else ''} you had not edited were updated."
            )
        if self.share_changes:
            lines.append(
                "Target shares now match the revised hours: " + ", ".join(self.share_changes)
            )
        if self.dropped_titles:
            lines.append(
                "No longer in the roadmap, kept because you worked on them: "
                + "; ".join(self.dropped_titles)
            )
        if self.delete:
            count = len(self.delete)
            plural = "s" if count != 1 else ""
            lines.append(f"{count} milestone{plural} you had not started left the roadmap.")
        return lines


def _catalogue_news(
    old: ContentSnapshot,
    new: Sequence[CatalogueCertificate],
    stored: Stored,
    today: date,
) -> list[str]:
    before = {item.key: item for item in old.catalogue}
    lines = []
    added = [item.label for item in new if item.key not in before and item.status == "active"]
    if added:
        lines.append("New in the certificate catalogue: " + "; ".join(added) + ".")
    for cert in stored.certificates:
        was = before.get(cert.catalogue_key or "")
        if was is None or was.status == "retired":
            continue  # not from the catalogue, or nothing new to say
        note = retirement_note(cert, new, today)
        if note:
            lines.append(f"{cert.name}: {note[0].lower()}{note[1:]}.")
    return lines
