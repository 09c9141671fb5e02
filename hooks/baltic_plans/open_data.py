"""Every download of one language's open data, made in memory from the one model: JSON, CSV, the data
package that describes the CSV files, and iCalendar. The hook publishes the whole set, or nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel

from . import addresses, ics
from .dates import PlanDate
from .edition import LICENCE, Edition, pending_fields, plain
from .model import Abbreviation, Activity, Block, Lang, Plan, Report, Task, Text
from .progress import ProgressReport, Step
from .tables import TABLES, Table, step_change
from .views import label

ALL_PLANS = "all-plans"
DATA_PACKAGE = "datapackage.json"


@dataclass(frozen=True)
class Download:
    name: str  # the path under the language's data/ folder
    format: str
    description: str
    content: bytes
    count: int | None = None  # rows of a table, events of a calendar
    table: Table | None = None


def downloads(edition: Edition) -> list[Download]:
    """Every download of the edition (made once per build and language: `Edition.downloads`; the calendars take
    the most time)."""
    lang, site, plans = edition.lang, edition.site, edition.site.plans

    def about(key: str, plan: Plan | None = None) -> str:
        return label(key, lang, plan=plain(plan.short_title, lang)) if plan else label(key, lang)

    calendars = ics.calendars(edition)
    return [
        Download(f"{ALL_PLANS}.json", "JSON", about("file_all_json"), model_json(edition)),
        *(Download(plan_file(p, "json"), "JSON", about("file_plan_json", p), model_json(edition, p)) for p in plans),
        *(Download(t.file_name, "CSV", about(f"file_{t.name}"), t.csv(edition), t.count(site), t) for t in TABLES),
        Download(DATA_PACKAGE, "JSON", about("file_datapackage"), data_package(edition)),
        calendar(edition, None, about("file_all_ics"), calendars[None]),
        *(calendar(edition, p, about("file_plan_ics", p), calendars[p.id]) for p in plans if p.id in calendars),
    ]


def plan_file(plan: Plan, extension: str) -> str:
    return f"plans/{plan.id}.{extension}"


def calendar(edition: Edition, plan: Plan | None, description: str, content: bytes) -> Download:
    name = plan_file(plan, "ics") if plan else f"{ALL_PLANS}.ics"
    events = sum(1 for placed in edition.site.activities(plan) if ics.in_calendar(placed))
    return Download(name, "iCalendar", description, content, events)


# -- JSON -----------------------------------------------------------------------------------------------


def model_json(edition: Edition, plan: Plan | None = None) -> bytes:
    """The whole model (one plan or all), every text in the edition's language, and the registers it refers to;
    with each plan's progress reports, each activity's status at each of them, and when each record last changed."""
    site = edition.site
    document = {
        "site": edition.site_name,
        "language": edition.lang,
        "built": edition.built.isoformat(),
        "licence": LICENCE,
        "plans": [localized(p, edition.lang, over_time(edition)) for p in ((plan,) if plan else site.plans)],
        "organisations": [localized(o, edition.lang) for o in site.organisations.values()],
        "places": [localized(p, edition.lang) for p in site.places.values()],
    }
    return dumps(document)


Additions = Callable[[BaseModel], dict[str, Any]]


def localized(value: Any, lang: Lang, more: Additions | None = None) -> Any:
    """A model value as JSON data, each text in `lang`; fields keep the model's names and order. `more` gives a
    record's values beyond its fields (a field it names is replaced in place)."""
    if isinstance(value, Text):
        return plain(value, lang)
    if isinstance(value, Abbreviation):
        return value(lang)
    if isinstance(value, BaseModel):
        data = {name: localized(getattr(value, name), lang, more) for name in type(value).model_fields}
        data |= more(value) if more else {}
        pending = pending_fields(value, lang)
        return data | {"translation_pending": pending} if pending else data
    if isinstance(value, list | tuple):
        return [localized(item, lang, more) for item in value]
    if isinstance(value, PlanDate):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


def over_time(edition: Edition) -> Additions:
    """A plan's reports (its first, as_of, report first), an activity's history (its status at each report from the
    one that first lists it), and the day a plan, task, block or activity last changed in the data (null if not
    known: outside a Git checkout)."""
    site, lang = edition.site, edition.lang

    def more(record: BaseModel) -> dict[str, Any]:
        found: dict[str, Any] = {}
        if isinstance(record, Plan):
            written = {report.id: report for report in record.reports}
            found["reports"] = [report_json(r, written.get(r.id), lang) for r in site.reports.get(record.id, ())]
        if isinstance(record, Activity):
            found["history"] = [step_json(s, i == 0, lang) for i, s in enumerate(site.history.get(record.id, ()))]
        if isinstance(record, Plan | Task | Block | Activity):
            day = edition.last_changed.get(record.id)
            found["last_changed"] = day.isoformat() if day else None
        return found

    return more


def report_json(report: ProgressReport, written: Report | None, lang: Lang) -> dict[str, Any]:
    """A progress report as the data writes it (the plan's first one, its as_of, has no entry there), and whether
    it is the plan's first."""
    own = {"id": report.id, "as_of": str(report.as_of), "title": None, "source": localized(report.source, lang)}
    data = localized(written, lang) if written else own | {"note": None, "changes": []}
    pending = data.pop("translation_pending", None)
    return data | {"first": report.first} | ({"translation_pending": pending} if pending else {})


def step_json(step: Step, first: bool, lang: Lang) -> dict[str, Any]:
    """An activity as of one report: its status and date, what the report did to it, and why (as the report says)."""
    data = {
        "report": step.report.id,
        "as_of": str(step.report.as_of),
        "status": step.status.value,
        "date": str(step.date) if step.date else None,
        "within": step.within.value if step.within else None,
        "change": step_change(step, first),
        "status_before": step.status_before.value if step.status_before else None,
        "date_before": str(step.date_before) if step.date_before else None,
        "note": plain(step.note, lang),
    }
    return data | {"translation_pending": ["note"]} if step.note and step.note.pending == lang else data


def dumps(document: Any) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# -- data package ----------------------------------------------------------------------------------------


def data_package(edition: Edition) -> bytes:
    """datapackage.json (Frictionless Data Package v1): the CSV files, their fields and keys, licence and sources."""
    lang = edition.lang
    return dumps(
        {
            "profile": "tabular-data-package",
            "name": "baltic-plans",
            "title": f"{edition.site_name}: {label('open_data', lang)}",
            "description": label("data_package_description", lang),
            "homepage": edition.page_url(addresses.OPEN_DATA),
            "created": edition.built.isoformat(),
            "licenses": [LICENCE],
            "sources": [
                {"title": plain(plan.title, lang), "path": edition.url(f"sources/{plan.source.file}")}
                for plan in edition.site.plans
            ],
            "resources": [table.resource(edition) for table in TABLES],
        }
    )
