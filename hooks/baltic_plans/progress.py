"""Progress over time: a plan's progress reports, each activity's status and date at each of them, and what each
report changed.

A plan's first report is the one its own `as_of` dates: the activities' status and date in their tasks are as of
it. Each later report (`reports:`) changes some activities' status or date (`changes:`), and may add activities
(written in their tasks, with `reported_in:`). A plan without `as_of` has no first report: its activities are as
the plan sets them, and its first entry in `reports:` is its first progress report.

The site shows each activity as of the plan's latest report (`latest`); its history, report by report, is here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .dates import PlanDate, Within
from .model import Activity, Plan, SourceDocument, Status, StatusChange, Text


@dataclass(frozen=True)
class ProgressReport:
    """One progress report of a plan."""

    plan_id: str
    id: str
    as_of: PlanDate
    source: SourceDocument
    number: int  # 1 for the plan's first report
    title: Text | None = None
    note: Text | None = None
    first: bool = False  # the report the activities' own statuses are as of (the plan's as_of)


@dataclass(frozen=True)
class Step:
    """An activity as of one report: its status and date, and how the report changed them."""

    report: ProgressReport
    status: Status
    date: PlanDate | None
    within: Within | None
    note: Text | None = None  # why, as the report says
    added: bool = False  # the report adds the activity (or is the first that lists it)
    status_before: Status | None = None  # the previous report's status, where this one changed it
    date_before: PlanDate | None = None  # the previous report's date, where this one moved it
    moved: bool = False

    @property
    def changed(self) -> bool:
        return self.status_before is not None


@dataclass(frozen=True)
class Changes:
    """What a report changed against the plan's previous report (or the plan itself, for its first report)."""

    report: ProgressReport
    added: list[tuple[str, Step]] = field(default_factory=list)
    changed: dict[tuple[Status, Status], list[tuple[str, Step]]] = field(default_factory=dict)  # (from, to) → …
    moved: list[tuple[str, Step]] = field(default_factory=list)
    unchanged: int = 0


def plan_reports(plan: Plan) -> list[ProgressReport]:
    """The plan's progress reports, oldest first: the one its as_of dates, then its reports."""
    found = []
    if plan.as_of is not None:
        found.append(ProgressReport(plan.id, f"{plan.id}-{plan.as_of}", plan.as_of, plan.source, 1, first=True))
    for report in plan.reports:
        found.append(
            ProgressReport(plan.id, report.id, report.as_of, report.source, len(found) + 1, report.title, report.note)
        )
    return found


def activities(plan: Plan) -> Iterator[Activity]:
    for area in plan.areas:
        for task in area.tasks:
            yield from task.activities
        for block in area.blocks:
            yield from block.activities
    if plan.background:
        yield from plan.background.events


def histories(plan: Plan, reports: list[ProgressReport]) -> dict[str, list[Step]]:
    """Activity id → its steps, one per report (`plan_reports`) from the one that first lists it; no steps in a plan
    with no report."""
    changes = {report.id: {change.activity: change for change in report.changes} for report in plan.reports}
    found: dict[str, list[Step]] = {}
    for activity in activities(plan):
        own = (activity.status, activity.date, activity.within)
        before: tuple | None = own if activity.reported_in is None else None  # as the plan sets it
        steps: list[Step] = []
        for report in reports:
            if before is None and report.id != activity.reported_in:
                continue  # a later report adds it
            if before is None:
                step = Step(report, *own, added=True)
            elif report.first:
                step = Step(report, *own)
            else:
                step = _as_of(report, before, changes[report.id].get(activity.id))
            steps.append(step)
            before = (step.status, step.date, step.within)
        found[activity.id] = steps
    return found


def _as_of(report: ProgressReport, before: tuple, change: StatusChange | None) -> Step:
    """An activity as of `report`, from its status, date and part of the month or year (`before`) as of the
    previous report, and the report's change to it."""
    status, date, within = before
    if change is None:
        return Step(report, status, date, within)
    moved = change.date is not None and change.date != date
    new_status = change.status or status
    return Step(
        report,
        new_status,
        change.date if moved else date,
        None if moved else within,
        note=change.note,
        status_before=status if new_status != status else None,
        date_before=date if moved else None,
        moved=moved,
    )


def report_changes(reports: list[ProgressReport], steps: dict[str, list[Step]]) -> list[Changes]:
    """What each report changed, for every report but a plan's first (as_of) one, oldest first."""
    found = []
    for report in reports:
        if report.first:
            continue
        added: list[tuple[str, Step]] = []
        changed: dict[tuple[Status, Status], list[tuple[str, Step]]] = {}
        moved: list[tuple[str, Step]] = []
        unchanged = 0
        for activity_id, history in steps.items():
            step = next((s for s in history if s.report.id == report.id), None)
            if step is None:
                continue
            if step.added:
                added.append((activity_id, step))
            if step.status_before is not None:
                changed.setdefault((step.status_before, step.status), []).append((activity_id, step))
            if step.moved:
                moved.append((activity_id, step))
            unchanged += not (step.added or step.changed or step.moved)
        found.append(Changes(report, added, changed, moved, unchanged))
    return found


def latest(plan: Plan, steps: dict[str, list[Step]]) -> Plan:
    """The plan with each activity as of its latest report."""
    if not plan.reports:
        return plan

    def now(activity: Activity) -> Activity:
        history = steps.get(activity.id)
        if not history:
            return activity
        last = history[-1]
        return activity.model_copy(update={"status": last.status, "date": last.date, "within": last.within})

    areas = [
        area.model_copy(
            update={
                "tasks": [t.model_copy(update={"activities": [now(a) for a in t.activities]}) for t in area.tasks],
                "blocks": [b.model_copy(update={"activities": [now(a) for a in b.activities]}) for b in area.blocks],
            }
        )
        for area in plan.areas
    ]
    background = plan.background
    if background is not None:
        background = background.model_copy(update={"events": [now(e) for e in background.events]})
    return plan.model_copy(update={"areas": areas, "background": background})
