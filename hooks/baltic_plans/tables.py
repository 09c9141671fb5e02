"""The CSV tables of the open data: one definition per column, used by the CSV writer, the data package
(datapackage.json) and the open-data page alike."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple, get_args

from . import addresses
from .dates import COARSENESS
from .edition import Edition, pending_fields, plain
from .model import Area, Block, Lang, Organisation, Place, Placed, Plan, PlanKind, Record, Site, Status, Task
from .progress import Step
from .views import label

LIST_SEPARATOR = ";"  # between ids in one cell: "riga;tallinn"
IN_LANGUAGE = frozenset(
    {
        "title", "short_title", "goal", "text", "group", "notes", "note", "abbreviation", "name", "url",
        "translation_pending",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, number, date
    value: Callable[[Any, Edition], Any]
    enum: tuple[str, ...] = ()

    def description(self, lang: Lang) -> str:
        return label(f"column_{self.name}", lang)

    @property
    def in_language(self) -> bool:
        """Whether the value depends on the file's language (texts and links); all others are the same in both."""
        return self.name in IN_LANGUAGE

    def field(self, lang: Lang, required: bool) -> dict:
        """The column as a Table Schema field (datapackage.json)."""
        constraints: dict[str, object] = {"required": True} if required else {}
        if self.enum:
            constraints["enum"] = list(self.enum)
        return {"name": self.name, "type": self.type, "description": self.description(lang)} | (
            {"constraints": constraints} if constraints else {}
        )


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    table: str
    reference: tuple[str, ...] = ("id",)


@dataclass(frozen=True)
class Table:
    name: str
    rows: Callable[[Site], Iterable]
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ("id",)
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    def count(self, site: Site) -> int:
        return sum(1 for _ in self.rows(site))

    def records(self, edition: Edition) -> Iterator[list]:
        for row in self.rows(edition.site):
            yield [column.value(row, edition) for column in self.columns]

    def csv(self, edition: Edition) -> bytes:
        """RFC 4180 CSV, a header line first; an empty cell where a record has no value. UTF-8 with a byte-order
        mark, so that Excel on Windows opens it as UTF-8 when double-clicked (Python's csv with utf-8-sig, and
        frictionless, read it as well); a text that a spreadsheet would take for a formula is defused."""
        out = io.StringIO(newline="")
        writer = csv.writer(out)
        writer.writerow(column.name for column in self.columns)
        for record in self.records(edition):
            writer.writerow(cell(value, column) for value, column in zip(record, self.columns, strict=True))
        return out.getvalue().encode("utf-8-sig")

    def foreign_key(self, key: ForeignKey) -> dict:
        resource = "" if key.table == self.name else key.table  # "" refers to the table itself (Table Schema)
        return {"fields": list(key.fields), "reference": {"resource": resource, "fields": list(key.reference)}}

    def resource(self, edition: Edition) -> dict:
        """The table as a Tabular Data Resource of the data package."""
        schema = {
            "fields": [column.field(edition.lang, column.name in self.primary_key) for column in self.columns],
            "primaryKey": list(self.primary_key),
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [self.foreign_key(key) for key in self.foreign_keys]
        return {
            "name": self.name,
            "path": self.file_name,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig",
            "description": label(f"file_{self.name}", edition.lang),
            "schema": schema,
        }


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any, column: Column) -> Any:
    """A CSV cell. A text that begins as a formula would (=, +, -, @, tab, carriage return) gets an apostrophe in
    front, as OWASP advises for CSV downloads, so a spreadsheet shows it as text and never runs it."""
    if value is None:
        return ""
    if column.type == "string" and isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# -- rows --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Owned:
    """A task or block with its plan and area."""

    plan: Plan
    area: Area
    record: Task | Block


class PlanArea(NamedTuple):
    plan: Plan
    area: Area


def plan_areas(site: Site) -> Iterator[PlanArea]:
    for plan in site.plans:
        for area in plan.areas:
            yield PlanArea(plan, area)


def owned(site: Site) -> Iterator[Owned]:
    for plan, area in plan_areas(site):
        records: tuple[Task | Block, ...] = (*area.tasks, *area.blocks)
        for record in records:
            yield Owned(plan, area, record)


CHANGES = ("added", "changed", "moved", "unchanged")


class Reported(NamedTuple):
    """An activity as of one of its plan's progress reports."""

    placed: Placed
    step: Step
    change: str  # one of CHANGES


def step_change(step: Step, first: bool) -> str:
    """What the report did to the activity: changed its status, moved its date, first listed it (the plan's first
    report, or the later one that adds it), or nothing."""
    if step.changed:
        return "changed"
    if step.moved:
        return "moved"
    return "added" if step.added or first else "unchanged"


def reported(site: Site) -> Iterator[Reported]:
    """Each activity at each report from the one that first lists it, an activity's reports together, oldest first."""
    for placed in site.activities():
        for index, step in enumerate(site.history.get(placed.activity.id, ())):
            yield Reported(placed, step, step_change(step, index == 0))


# -- values --------------------------------------------------------------------------------------------


def ids(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(values)


def notes(record: Record, edition: Edition) -> str:
    return "\n".join(plain(note, edition.lang) for note in record.notes)


def placed_date(attribute: str) -> Callable[[Placed, Edition], Any]:
    def value(placed: Placed, _: Edition):
        date = placed.activity.date
        return getattr(date, attribute) if date else None

    return value


def last_changed(record_id: Callable[[Any], str]) -> Column:
    """The day the record's data last changed (a commit of data/, last_changed.py); empty outside a Git checkout."""

    def value(row, edition: Edition) -> str | None:
        day = edition.last_changed.get(record_id(row))
        return day.isoformat() if day else None

    return Column("last_changed", "date", value)


def translation_pending(record: Callable[[Any], Any], *columns: str, **renamed: str) -> Column:
    """The row's columns whose text is in the other language while its translation is pending, ;-separated.
    `columns` are the table's text columns named as the model's fields; `renamed`, those named otherwise."""
    shown = {name: name for name in columns} | renamed

    def value(row, edition: Edition) -> str | None:
        fields = pending_fields(record(row), edition.lang)
        return ids(shown[name] for name in fields if name in shown) or None

    return Column("translation_pending", "string", value)


def cited(file: Callable[[Any], str], lines: Callable[[Any], str]) -> tuple[Column, Column]:
    """The two citation columns: the source file (published under sources/) and the line or lines."""
    return (
        Column("source_file", "string", lambda row, _: file(row)),
        Column("source_lines", "string", lambda row, _: lines(row)),
    )


STATUSES = tuple(status.value for status in Status)
PRECISIONS = tuple(precision.value for precision in COARSENESS)
ORGANISATION_KINDS = get_args(Organisation.model_fields["kind"].annotation)
PLACE_KINDS = get_args(Place.model_fields["kind"].annotation)

# -- the tables ------------------------------------------------------------------------------------------

PLANS = Table(
    "plans",
    lambda site: site.plans,
    (
        Column("id", "string", lambda plan, _: plan.id),
        Column("kind", "string", lambda plan, _: plan.kind.value, enum=tuple(k.value for k in PlanKind)),
        Column("title", "string", lambda plan, e: plain(plan.title, e.lang)),
        Column("short_title", "string", lambda plan, e: plain(plan.short_title, e.lang)),
        Column("issuer", "string", lambda plan, _: plan.issuer),
        Column("as_of", "date", lambda plan, _: str(plan.as_of) if plan.as_of else None),
        Column("period", "string", lambda plan, _: str(plan.period)),
        Column("place", "string", lambda plan, _: plan.place),
        Column("source_language", "string", lambda plan, _: plan.source.language),
        *cited(lambda plan: plan.source.file, lambda plan: plan.source.lines),
        Column("url", "string", lambda plan, e: e.record_url(plan, None)),
        last_changed(lambda plan: plan.id),
        translation_pending(lambda plan: plan, "title", "short_title"),
    ),
    foreign_keys=(ForeignKey(("issuer",), "organisations"), ForeignKey(("place",), "places")),
)

AREAS = Table(
    "areas",
    plan_areas,
    (
        Column("plan_id", "string", lambda pa, _: pa.plan.id),
        Column("id", "string", lambda pa, _: pa.area.id),
        Column("number", "string", lambda pa, _: pa.area.number),
        Column("title", "string", lambda pa, e: plain(pa.area.title, e.lang)),
        Column("goal", "string", lambda pa, e: plain(pa.area.goal, e.lang)),
        Column("organisations", "string", lambda pa, _: ids(pa.area.bodies)),
        Column("notes", "string", lambda pa, e: notes(pa.area, e)),
        *cited(lambda pa: pa.plan.source.file, lambda pa: pa.area.source),
        Column("url", "string", lambda pa, e: e.record_url(pa.plan, pa.area.id)),
        translation_pending(lambda pa: pa.area, "title", "goal", "notes"),
    ),
    primary_key=("plan_id", "id"),
    foreign_keys=(ForeignKey(("plan_id",), "plans"),),
)

TASKS = Table(
    "tasks",
    owned,
    (
        Column("id", "string", lambda o, _: o.record.id),
        Column("plan_id", "string", lambda o, _: o.plan.id),
        Column("area_id", "string", lambda o, _: o.area.id),
        Column("kind", "string", lambda o, _: "block" if isinstance(o.record, Block) else "task", ("task", "block")),
        Column("number", "string", lambda o, _: getattr(o.record, "number", None)),
        Column(
            "text",
            "string",
            lambda o, e: plain(o.record.title if isinstance(o.record, Block) else o.record.text, e.lang),
        ),
        Column("organisations", "string", lambda o, _: ids(o.record.bodies)),
        Column("coordinator", "string", lambda o, _: getattr(o.record, "coordinator", None)),
        Column("shares_cell_with", "string", lambda o, _: getattr(o.record, "shares_cell_with", None)),
        Column("notes", "string", lambda o, e: notes(o.record, e)),
        *cited(lambda o: o.plan.source.file, lambda o: o.record.source),
        Column("url", "string", lambda o, e: e.record_url(o.plan, o.area.id, o.record.id)),
        last_changed(lambda o: o.record.id),
        translation_pending(lambda o: o.record, "text", "notes", title="text"),  # a block's title is its text here
    ),
    foreign_keys=(
        ForeignKey(("plan_id", "area_id"), "areas", ("plan_id", "id")),
        ForeignKey(("coordinator",), "organisations"),
        ForeignKey(("shares_cell_with",), "tasks"),
    ),
)

ACTIVITIES = Table(
    "activities",
    lambda site: site.activities(),
    (
        Column("id", "string", lambda p, _: p.activity.id),
        Column("plan_id", "string", lambda p, _: p.plan.id),
        Column("area_id", "string", lambda p, _: p.area.id if p.area else None),
        Column("task_id", "string", lambda p, _: p.owner.id if p.owner else None),
        Column("status", "string", lambda p, _: p.activity.status.value, STATUSES),
        Column("date", "string", placed_date("text")),
        Column("date_precision", "string", placed_date("precision"), PRECISIONS),
        Column("within", "string", lambda p, _: p.activity.within.value if p.activity.within else None),
        Column("date_first_day", "date", placed_date("first_day")),
        Column("date_last_day", "date", placed_date("last_day")),
        Column("text", "string", lambda p, e: plain(p.activity.text, e.lang)),
        Column("group", "string", lambda p, e: plain(p.activity.group, e.lang)),
        Column("places", "string", lambda p, _: ids(p.activity.places)),
        Column("organisations", "string", lambda p, _: ids(p.activity.bodies)),
        Column("notes", "string", lambda p, e: notes(p.activity, e)),
        *cited(lambda p: p.plan.source.file, lambda p: p.activity.source),
        Column("url", "string", lambda p, e: e.record_url(p.plan, p.area.id if p.area else None, p.activity.id)),
        last_changed(lambda p: p.activity.id),
        translation_pending(lambda p: p.activity, "text", "group", "notes"),
    ),
    # no key to areas: a background event has a plan but no area, and a partly empty key fails validation
    foreign_keys=(ForeignKey(("plan_id",), "plans"), ForeignKey(("task_id",), "tasks")),
)

STATUS_HISTORY = Table(
    "status_history",
    reported,
    (
        Column("plan_id", "string", lambda r, _: r.placed.plan.id),
        Column("report_id", "string", lambda r, _: r.step.report.id),
        Column("report_as_of", "date", lambda r, _: str(r.step.report.as_of)),
        Column("activity_id", "string", lambda r, _: r.placed.activity.id),
        Column("status", "string", lambda r, _: r.step.status.value, STATUSES),
        Column("date", "string", lambda r, _: r.step.date.text if r.step.date else None),
        Column(
            "date_precision", "string", lambda r, _: r.step.date.precision.value if r.step.date else None, PRECISIONS
        ),
        Column("within", "string", lambda r, _: r.step.within.value if r.step.within else None),
        Column("change", "string", lambda r, _: r.change, CHANGES),
        Column("status_before", "string", lambda r, _: r.step.status_before and r.step.status_before.value, STATUSES),
        Column("date_before", "string", lambda r, _: r.step.date_before.text if r.step.date_before else None),
        Column("note", "string", lambda r, e: plain(r.step.note, e.lang)),
        Column(
            "translation_pending",
            "string",
            lambda r, e: "note" if r.step.note and r.step.note.pending == e.lang else None,
        ),
    ),
    primary_key=("report_id", "activity_id"),
    foreign_keys=(ForeignKey(("plan_id",), "plans"), ForeignKey(("activity_id",), "activities")),
)

ORGANISATIONS = Table(
    "organisations",
    lambda site: site.organisations.values(),
    (
        Column("id", "string", lambda org, _: org.id),
        Column("abbreviation", "string", lambda org, e: org.abbr(e.lang) if org.abbr else None),
        Column("name", "string", lambda org, e: plain(org.name, e.lang)),
        Column("kind", "string", lambda org, _: org.kind, ORGANISATION_KINDS),
        Column("website", "string", lambda org, _: org.url),
        Column("url", "string", lambda org, e: e.page_url(addresses.ORGANISATIONS, org.id)),
        translation_pending(lambda org: org, "name"),
    ),
)

PLACES = Table(
    "places",
    lambda site: site.places.values(),
    (
        Column("id", "string", lambda place, _: place.id),
        Column("name", "string", lambda place, e: plain(place.name, e.lang)),
        Column("country", "string", lambda place, _: place.country),
        Column("kind", "string", lambda place, _: place.kind, PLACE_KINDS),
        Column("lat", "number", lambda place, _: place.lat),
        Column("lon", "number", lambda place, _: place.lon),
        translation_pending(lambda place: place, "name"),
    ),
)

TABLES = (PLANS, AREAS, TASKS, ACTIVITIES, STATUS_HISTORY, ORGANISATIONS, PLACES)
