"""Checks across records and files: unique ids, references, shared cells, citations, dates vs the report date.

They read the parsed YAML, not the validated model, so that they run even on a file with structural errors:
an editor sees every problem of a change at once. Values of the wrong shape are skipped here; the model's
validation reports those.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import PlanDate
from .errors import DataError, Loc
from .messages import Message, say
from .model import ID_PATTERN, LINE_RANGE_PATTERN, Status
from .yaml_source import YamlDocument

ORGANISATIONS_FILE = "organisations.yml"
PLACES_FILE = "places.yml"
# a "planned" activity this long before the report date is probably a forgotten status change
STALE_PLANNED = dt.timedelta(days=31)
SECTIONS = ("purpose", "background", "framework")

_ID = re.compile(ID_PATTERN)
_LINES = re.compile(LINE_RANGE_PATTERN)


def entries(data: Any, key: str) -> Iterator[tuple[int, dict]]:
    """(index, item) of the mappings in the list `data[key]`, whatever else is malformed around them."""
    items = data.get(key) if isinstance(data, dict) else None
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield index, item


def ids(data: Any, key: str) -> list[str]:
    return [item["id"] for _, item in entries(data, key) if isinstance(item.get("id"), str)]


def record_id(data: Any, loc: Loc) -> str | None:
    """The id of the innermost record along `loc`."""
    found = data.get("id") if isinstance(data, dict) else None
    for key in loc:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            found = data["id"]
    return found


def field_path(data: Any, loc: Loc) -> str:
    """`areas[education].tasks[cbss-edu-bologna].text`: list items named by their id where they have one."""
    parts: list[str] = []
    for key in loc:
        if isinstance(key, int):
            item = data[key] if isinstance(data, list) and key < len(data) else None
            label = item.get("id") if isinstance(item, dict) else None
            parts[-1:] = [f"{parts[-1] if parts else ''}[{label or key}]"]
        else:
            parts.append(str(key))
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            data = None
    return ".".join(parts)


@dataclass
class TaskIndex:
    """Where every task id of every plan stands, to explain a reference that crosses plans."""

    owner: dict[str, tuple[str, str]] = field(default_factory=dict)  # task id → (plan id, area id)

    def add_plan(self, data: Any) -> None:
        plan_id = data.get("id") if isinstance(data, dict) else None
        for _, area in entries(data, "areas"):
            for task_id in ids(area, "tasks"):
                self.owner.setdefault(task_id, (str(plan_id), str(area.get("id"))))


class CrossCheck:
    def __init__(self, organisations: list[str], places: list[str], sources: dict[str, int], tasks: TaskIndex):
        self.organisations = set(organisations)
        self.places = set(places)
        self.sources = sources  # file name → number of lines
        self.tasks = tasks
        self.errors: list[DataError] = []
        self.warnings: list[DataError] = []
        self.seen_ids: dict[str, Path] = {}
        self.plan_activities: dict[str, Any] = {}  # the current plan's activities: id → (loc, reported_in, date)
        self.report_days: dict[str, dt.date | None] = {}  # the current plan's later reports: id → its date

    def fail(self, doc: YamlDocument, loc: Loc, message: Message, warning: bool = False) -> None:
        line, column = doc.position(loc)
        error = DataError(doc.path, message, line, column, record_id(doc.data, loc), field_path(doc.data, loc), warning)
        (self.warnings if warning else self.errors).append(error)

    # -- registers -------------------------------------------------------------------------------

    def check_register(self, doc: YamlDocument, key: str) -> None:
        for index, record in entries(doc.data, key):
            self._unique(doc, (key, index, "id"), record.get("id"))

    def _unique(self, doc: YamlDocument, loc: Loc, value: Any) -> None:
        if not isinstance(value, str):
            return
        if value in self.seen_ids:
            other = self.seen_ids[value]
            self.fail(doc, loc, say("duplicate_id", value=value, other=other.name))
        else:
            self.seen_ids[value] = doc.path

    # -- plans -----------------------------------------------------------------------------------

    def check_plan(self, doc: YamlDocument) -> None:
        plan = doc.data
        self._unique(doc, ("id",), plan.get("id"))
        self._ref(doc, ("issuer",), plan.get("issuer"), "organisation")
        self._ref(doc, ("place",), plan.get("place"), "place")
        length = self._source_length(doc, plan.get("source"))
        as_of = _day(plan.get("as_of"))
        self.plan_activities = {}
        self.report_days = {
            r["id"]: _day(r.get("as_of")) for _, r in entries(plan, "reports") if isinstance(r.get("id"), str)
        }
        for name in SECTIONS:
            section = plan.get(name)
            if isinstance(section, dict):
                self._cite(doc, (name, "source"), section.get("source"), length)
                for index, event in entries(section, "events"):
                    self._activity(doc, (name, "events", index), event, as_of, length)
        area_ids: set[str] = set()
        for a, area in entries(plan, "areas"):
            loc = ("areas", a)
            area_id = area.get("id")
            if isinstance(area_id, str):
                if area_id in area_ids:
                    self.fail(doc, (*loc, "id"), say("duplicate_area_id", area=area_id, plan=plan.get("id")))
                area_ids.add(area_id)
            self._record(doc, loc, area, length)
            self._tasks(doc, loc, area, as_of, length)
            for b, block in entries(area, "blocks"):
                bloc = (*loc, "blocks", b)
                self._unique(doc, (*bloc, "id"), block.get("id"))
                self._record(doc, bloc, block, length)
                for i, activity in entries(block, "activities"):
                    self._activity(doc, (*bloc, "activities", i), activity, as_of, length)
        self._reports(doc, plan, as_of)

    def _reports(self, doc: YamlDocument, plan: dict, as_of: dt.date | None) -> None:
        """Each later report: dated after the one before, changing activities of this plan that it already lists."""
        previous, order = as_of, list(self.report_days)
        for r, report in entries(plan, "reports"):
            loc = ("reports", r)
            self._unique(doc, (*loc, "id"), report.get("id"))
            length = self._source_length(doc, report.get("source"), (*loc, "source"))
            if isinstance(report.get("source"), dict):
                self._cite(doc, (*loc, "source", "lines"), report["source"].get("lines"), length)
            day = _day(report.get("as_of"))
            if day is not None and previous is not None and day <= previous:
                self.fail(doc, (*loc, "as_of"), say("report_not_after", as_of=day, previous=previous))
            previous = day or previous
            changed: dict[str, int] = {}
            for c, change in entries(report, "changes"):
                self._change(doc, (*loc, "changes", c), change, report.get("id"), order, day)
                activity_id = change.get("activity")
                if isinstance(activity_id, str) and activity_id in changed:
                    message = say("change_twice", activity=activity_id, first=changed[activity_id])
                    self.fail(doc, (*loc, "changes", c, "activity"), message)
                elif isinstance(activity_id, str):
                    changed[activity_id] = c
        for loc, reported_in, _ in self.plan_activities.values():
            if isinstance(reported_in, str) and reported_in not in self.report_days:
                valid = ", ".join(self.report_days) or say("no_later_reports")
                self.fail(doc, (*loc, "reported_in"), say("reported_in_unknown", report=reported_in, valid=valid))

    def _change(
        self, doc: YamlDocument, loc: Loc, change: dict, report_id: Any, order: list[str], day: dt.date | None
    ) -> None:
        activity_id = change.get("activity")
        if not isinstance(activity_id, str):
            return  # the model reports it
        if activity_id not in self.plan_activities:
            near = difflib.get_close_matches(activity_id, sorted(self.plan_activities), n=3, cutoff=0.6)
            hint = say("did_you_mean", near=", ".join(f"'{m}'" for m in near)) if near else ""
            self.fail(doc, (*loc, "activity"), say("report_unknown_activity", activity=activity_id, hint=hint))
            return
        added_in = self.plan_activities[activity_id][1]
        known = isinstance(added_in, str) and added_in in order and report_id in order
        if known and order.index(added_in) >= order.index(report_id):
            self.fail(doc, (*loc, "activity"), say("change_before_added", activity=activity_id, report=added_in))
        if change.get("status") is None and change.get("date") is None:
            self.fail(doc, loc, say("change_changes_nothing", activity=activity_id))
        date = _date(change.get("date")) or self.plan_activities[activity_id][2]
        if change.get("status") == Status.DONE and date is not None and day is not None and date.first_day > day:
            self.fail(doc, (*loc, "status"), say("done_after_report", date=date, as_of=day))

    def _record(self, doc: YamlDocument, loc: Loc, record: dict, length: int) -> None:
        self._cite(doc, (*loc, "source"), record.get("source"), length)
        self._refs(doc, (*loc, "bodies"), record.get("bodies"), "organisation")

    def _tasks(self, doc: YamlDocument, loc: Loc, area: dict, as_of: dt.date | None, length: int) -> None:
        earlier: dict[str, dict] = {}
        for t, task in entries(area, "tasks"):
            tloc = (*loc, "tasks", t)
            self._unique(doc, (*tloc, "id"), task.get("id"))
            self._record(doc, tloc, task, length)
            self._ref(doc, (*tloc, "coordinator"), task.get("coordinator"), "organisation")
            shared = task.get("shares_cell_with")
            if isinstance(shared, str):
                self._shared_cell(doc, (*tloc, "shares_cell_with"), shared, task, earlier, area)
            if isinstance(task.get("id"), str):
                earlier[task["id"]] = task
            for i, activity in entries(task, "activities"):
                self._activity(doc, (*tloc, "activities", i), activity, as_of, length)

    def _shared_cell(self, doc: YamlDocument, loc: Loc, target_id: str, task: dict, earlier: dict, area: dict):
        target = earlier.get(target_id)
        if target is None:
            valid = ", ".join(earlier) or "none"
            where = self.tasks.owner.get(target_id)
            if where and where != (str(doc.data.get("id")), str(area.get("id"))):
                message = say(
                    "shared_cell_other_area",
                    target=target_id,
                    plan=where[0],
                    area=where[1],
                    own=area.get("id"),
                    valid=valid,
                )
            else:
                message = say("shared_cell_not_earlier", target=target_id, area=area.get("id"), valid=valid)
            self.fail(doc, loc, message)
        elif isinstance(target.get("shares_cell_with"), str):
            self.fail(doc, loc, say("shared_cell_chain", target=target_id, first=target["shares_cell_with"]))
        if task.get("activities"):
            self.fail(doc, (*loc[:-1], "activities"), say("shared_cell_activities"))

    def _activity(self, doc: YamlDocument, loc: Loc, activity: dict, as_of: dt.date | None, length: int) -> None:
        self._unique(doc, (*loc, "id"), activity.get("id"))
        reported_in = activity.get("reported_in")
        if isinstance(activity.get("id"), str):
            self.plan_activities[activity["id"]] = (loc, reported_in, _date(activity.get("date")))
        if isinstance(reported_in, str):  # its status is as of the report that adds it (an unknown one: said below)
            as_of = self.report_days.get(reported_in)
        self._record(doc, loc, activity, length)
        self._refs(doc, (*loc, "places"), activity.get("places"), "place")
        date = _date(activity.get("date"))
        if activity.get("within") is not None and (
            date is None or date.is_range or date.start.day or date.start.season
        ):
            self.fail(doc, (*loc, "within"), say("within_only_month_or_year"))
        status = activity.get("status")
        if date is None or as_of is None or status not in (Status.DONE, Status.PLANNED):
            return
        if status == Status.DONE and date.first_day > as_of:
            self.fail(
                doc, (*loc, "status"),
                say("done_after_report", date=date, as_of=as_of),
            )  # fmt: skip
        if status == Status.PLANNED and date.last_day < as_of - STALE_PLANNED:
            self.fail(
                doc, (*loc, "status"),
                say("planned_long_before", date=date, as_of=as_of),
                warning=True,
            )  # fmt: skip

    # -- citations and references ----------------------------------------------------------------

    def _source_length(self, doc: YamlDocument, source: Any, loc: Loc = ("source",)) -> int:
        name = source.get("file") if isinstance(source, dict) else None
        if not isinstance(name, str):
            return 0
        if name not in self.sources:
            available = ", ".join(sorted(self.sources))
            self.fail(doc, (*loc, "file"), say("source_file_missing", name=name, available=available))
            return 0
        return self.sources[name]

    def _cite(self, doc: YamlDocument, loc: Loc, lines: Any, length: int) -> None:
        if not isinstance(lines, str) or not _LINES.match(lines):
            return
        first, _, last = lines.partition("-")
        first_n, last_n = int(first), int(last or first)
        if last_n < first_n:
            self.fail(doc, loc, say("line_range_backwards", lines=lines))
        elif length and last_n > length:
            self.fail(doc, loc, say("line_past_end", line=last_n, length=length))

    def _refs(self, doc: YamlDocument, loc: Loc, refs: Any, kind: str) -> None:
        if isinstance(refs, list):
            for index, ref in enumerate(refs):
                self._ref(doc, (*loc, index), ref, kind)

    def _ref(self, doc: YamlDocument, loc: Loc, ref: Any, kind: str) -> None:
        known = self.organisations if kind == "organisation" else self.places
        if not isinstance(ref, str) or not _ID.match(ref) or ref in known:
            return  # a malformed id is the model's to report
        file = ORGANISATIONS_FILE if kind == "organisation" else PLACES_FILE
        near = ", ".join(f"'{m}'" for m in difflib.get_close_matches(ref, sorted(known), n=3, cutoff=0.6))
        hint = say("did_you_mean", near=near) if near else ""
        self.fail(doc, loc, say(f"unknown_{kind}", ref=ref, hint=hint, file=file))


def _date(value: Any) -> PlanDate | None:
    try:
        return PlanDate.parse(value) if value is not None else None
    except ValueError:
        return None  # the model reports it


def _day(value: Any) -> dt.date | None:
    date = _date(value)
    return date.first_day if date and not date.is_range and date.start.day else None
