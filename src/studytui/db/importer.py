"""Import an export: check the whole file, then add its records in one transaction.

A record whose id is already in the database is skipped, so importing the same file twice adds
nothing. Areas and template milestones are also recognised by what makes them the same thing
(an area's unique name; a milestone's template and key), so an export from another computer
merges into a database seeded from the same roadmap instead of clashing with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from sqlmodel import Session, select

from studytui.db.content_sync import adopt_imported_roadmap
from studytui.db.entries import day_total
from studytui.db.files import read_input
from studytui.db.models import (
    Area,
    Certificate,
    LogEntry,
    Milestone,
    MilestonePrerequisite,
    MilestoneResource,
    Payment,
    RunningTimer,
    Setting,
    SideActivity,
)
from studytui.domain.entries import check_new_entry
from studytui.domain.errors import ValidationError
from studytui.domain.export_format import parse_document
from studytui.domain.export_records import MAX_FILE_BYTES, EntryRecord, ExportDocument
from studytui.domain.matching import Choice, name_taken
from studytui.domain.roadmap import MAX_TITLE


@dataclass
class ImportResult:
    added: dict[str, int] = field(default_factory=dict)
    skipped: int = 0
    renamed: list[tuple[str, str]] = field(default_factory=list)  # milestone titles: (was, is)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    def summary(self) -> str:
        parts = [_count(n, kind) for kind, n in self.added.items() if n]
        added = ", ".join(parts) if parts else "nothing new"
        skipped = f"; {self.skipped} already present, skipped" if self.skipped else ""
        return f"added {added}{skipped}{self._renames()}"

    def _renames(self) -> str:
        if not self.renamed:
            return ""
        count = len(self.renamed)
        shown = ", ".join(f'"{was}" is "{now}"' for was, now in self.renamed[:3])
        more = f" and {count - 3} more" if count > 3 else ""
        whose = "its title was" if count == 1 else "their titles were"
        return f"; {_count(count, 'milestones')} renamed, {whose} taken: {shown}{more}"


# The kinds are counted in the plural; one of each reads in the singular.
_SINGULAR = {
    "settings": "setting",
    "areas": "area",
    "milestones": "milestone",
    "resources": "resource",
    "prerequisites": "prerequisite",
    "certificates": "certificate",
    "activities": "activity",
    "payments": "payment",
    "log entries": "log entry",
}


def _count(n: int, kind: str) -> str:
    return f"{n} {_SINGULAR.get(kind, kind) if n == 1 else kind}"


def read_export_file(path: Path) -> ExportDocument:
    """Read and check an export file; every problem is a ValidationError naming the file.
    A device, a pipe or a huge file is refused before a byte of it is read."""
    data = read_input(path, max_bytes=MAX_FILE_BYTES, what="the export file")
    return parse_document(data, file=str(path))


def _ids(session: Session, model: type) -> set[str]:
    return set(session.exec(select(model.id)))  # type: ignore[attr-defined]


def apply_document(
    session: Session, doc: ExportDocument, *, today: date, now: datetime
) -> ImportResult:
    """Add the document's records that are not in the database yet. Never commits.

    A log entry is held to the rules of one logged by hand (`domain.entries`), on `today`: a
    file that breaks one is refused whole, naming the entry and the rule.
    """
    result = ImportResult()

    def count(kind: str, added: bool) -> None:
        result.added.setdefault(kind, 0)
        if added:
            result.added[kind] += 1
        else:
            result.skipped += 1

    # A database already in use keeps every setting as it is, stored or left at its default:
    # an import adds records, never changes how the app behaves. A new database takes the
    # file's settings, so that importing is also how a set-up moves to another computer.
    fresh = session.exec(select(Setting)).first() is None
    for key, value in sorted(doc.settings.items()):
        if fresh:
            session.add(Setting(key=key, value=value))
        count("settings", fresh)

    # Imported id -> id in this database, for records recognised under another id.
    area_map: dict[str, str] = {}
    existing = list(session.exec(select(Area)))
    existing_areas = {a.id: a.name for a in existing}
    by_name = {a.name: a.id for a in existing}
    taken_keys = {a.key for a in existing if a.key is not None}
    for a in doc.areas:
        known = a.id if a.id in existing_areas else by_name.get(a.name)
        area_map[a.id] = known or a.id
        if known is None:
            values = asdict(a)
            if a.key in taken_keys:
                # The short key picks one area (`--area ml`); a second area with it would
                # take the first one's entries. The new area keeps its name, not the key.
                values["key"] = None
            session.add(Area(**values))
        count("areas", known is None)
    session.flush()

    milestone_map: dict[str, str] = {}
    stored = list(session.exec(select(Milestone)))
    existing_milestones = {m.id: (m.template, m.key) for m in stored}
    titles = [Choice(m.title, m.id) for m in stored]
    by_template_key = {tk: mid for mid, tk in existing_milestones.items() if tk[0] and tk[1]}
    for m in doc.milestones:
        known = m.id if m.id in existing_milestones else None
        if known is None and m.template and m.key:
            known = by_template_key.get((m.template, m.key))
        milestone_map[m.id] = known or m.id
        if known is None:
            values = asdict(m)
            del values["resources"], values["prerequisites"]
            values["area_id"] = area_map[m.area_id]
            values["title"] = _free_title(m.title, titles)
            if values["title"] != m.title:
                result.renamed.append((m.title, values["title"]))
            titles.append(Choice(values["title"], m.id))
            session.add(Milestone(**values))
        count("milestones", known is None)
    session.flush()

    resources = list(session.exec(select(MilestoneResource)))
    resource_ids = {r.id for r in resources}
    # A milestone recognised by its template and key already has its template's links, under
    # other ids: a link is the same when it points to the same address.
    links = {(r.milestone_id, r.url) for r in resources}
    pairs = {(p.milestone_id, p.requires_id) for p in session.exec(select(MilestonePrerequisite))}
    for m in doc.milestones:
        for r in m.resources:
            link = (milestone_map[m.id], r.url)
            new = r.id not in resource_ids and link not in links
            if new:
                links.add(link)
                session.add(MilestoneResource(milestone_id=milestone_map[m.id], **asdict(r)))
            count("resources", new)
        for required in m.prerequisites:
            pair = (milestone_map[m.id], milestone_map[required])
            new = pair not in pairs
            if new:
                pairs.add(pair)
                session.add(MilestonePrerequisite(milestone_id=pair[0], requires_id=pair[1]))
            count("prerequisites", new)

    for kind, model, records in (
        ("certificates", Certificate, doc.certificates),
        ("activities", SideActivity, doc.activities),
    ):
        present = _ids(session, model)
        for record in records:
            if record.id not in present:
                session.add(model(**asdict(record)))
            count(kind, record.id not in present)
    session.flush()

    present = _ids(session, Payment)
    for p in doc.payments:
        if p.id not in present:
            session.add(Payment(**asdict(p)))
        count("payments", p.id not in present)

    entries = [
        replace(
            e,
            area_id=area_map[e.area_id],
            milestone_id=milestone_map[e.milestone_id] if e.milestone_id is not None else None,
        )
        for e in doc.log_entries
    ]
    added, skipped = add_log_entries(session, entries, today=today)
    result.added["log entries"] = added
    result.skipped += skipped

    if doc.timer is not None:
        # One timer at most: a timer already running here wins over the imported one.
        running = session.get(RunningTimer, 1) is not None
        if not running:
            values = asdict(doc.timer)
            values["area_id"] = area_map[doc.timer.area_id]
            if doc.timer.milestone_id is not None:
                values["milestone_id"] = milestone_map[doc.timer.milestone_id]
            session.add(RunningTimer(id=1, **values))
        count("timer", not running)
    session.flush()
    if fresh:
        # A new database took the file's roadmap, built from the content version the file
        # names: it gets this version's content now, in the same transaction.
        adopt_imported_roadmap(session, doc.content_version, now=now)
    return result


def _free_title(title: str, titles: list[Choice[str]]) -> str:
    """`title`, or if a milestone has it (in any case) `title (2)`, `(3)`...: two milestones of
    one title could not be picked by `--milestone`. A file from before titles had to be unique
    still loads whole, each record under its id; only the title says it was a second one."""
    candidate, number = title, 1
    while name_taken(candidate, titles) is not None:
        number += 1
        suffix = f" ({number})"
        candidate = title[: MAX_TITLE - len(suffix)] + suffix
    return candidate


def _entry_label(entry: EntryRecord) -> str:
    return f"log entry {entry.id} of {entry.day}"


def add_log_entries(
    session: Session,
    entries: Iterable[EntryRecord],
    *,
    today: date,
    label: Callable[[EntryRecord], str] = _entry_label,
    before_first: Callable[[], object] | None = None,
) -> tuple[int, int]:
    """Add the entries whose id is not in the database yet; returns (added, skipped).

    Each is held to the rules of one logged by hand (`domain.entries`), on `today`, counting
    what its day holds already: one that breaks a rule refuses the whole import, named by
    `label` with the rule. `before_first` runs once, before the first entry is added (not at
    all when every entry is present already). Never commits.
    """
    present = _ids(session, LogEntry)
    day_totals: dict[date, int] = {}
    added = skipped = 0
    for e in entries:
        if e.id in present:
            skipped += 1
            continue
        if e.day not in day_totals:
            day_totals[e.day] = day_total(session, e.day)
        try:
            check_new_entry(e.minutes, e.day, today, day_totals[e.day], e.note)
        except ValidationError as exc:
            raise ValidationError(f"{label(e)}: {exc}") from None
        if added == 0 and before_first is not None:
            before_first()
        day_totals[e.day] += e.minutes
        present.add(e.id)
        session.add(LogEntry(**asdict(e)))
        added += 1
    return added, skipped
