"""Every download of one language's open data, made in memory from the one model: JSON, CSV, the data
package that describes the CSV files, and iCalendar. The hook publishes the whole set, or nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel

from . import addresses, ics
from .dates import PlanDate
from .edition import LICENCE, Edition, pending_fields, plain
from .model import Abbreviation, Lang, Plan, Text
from .tables import TABLES, Table
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
    """The whole model (one plan or all), every text in the edition's language, and the registers it refers to."""
    site = edition.site
    document = {
        "site": edition.site_name,
        "language": edition.lang,
        "built": edition.built.isoformat(),
        "licence": LICENCE,
        "plans": [localized(p, edition.lang) for p in ((plan,) if plan else site.plans)],
        "organisations": [localized(o, edition.lang) for o in site.organisations.values()],
        "places": [localized(p, edition.lang) for p in site.places.values()],
    }
    return dumps(document)


def localized(value: Any, lang: Lang) -> Any:
    """A model value as JSON data, each text in `lang`; fields keep the model's names and order."""
    if isinstance(value, Text):
        return plain(value, lang)
    if isinstance(value, Abbreviation):
        return value(lang)
    if isinstance(value, BaseModel):
        data = {name: localized(getattr(value, name), lang) for name in type(value).model_fields}
        pending = pending_fields(value, lang)
        return data | {"translation_pending": pending} if pending else data
    if isinstance(value, list | tuple):
        return [localized(item, lang) for item in value]
    if isinstance(value, PlanDate):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


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
