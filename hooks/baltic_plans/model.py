"""The typed model of the site's data: one plan per file, plus organisations and places."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from .dates import PlanDate, Within

LANGUAGES = ("lv", "en")
Lang = Literal["lv", "en"]
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LINE_RANGE_PATTERN = r"^[1-9]\d*(-[1-9]\d*)?$"
RecordId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
LineRange = Annotated[str, StringConstraints(pattern=LINE_RANGE_PATTERN)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# the notice shown, in the page's language, next to a text that is still waiting for its translation
PENDING_NOTICE = {"lv": "tulkojums gaidāms", "en": "translation pending"}


class Pending(str):
    """A text shown in the other language because its translation is pending: the text and a notice."""

    text: str
    lang: Lang
    notice: str

    def __new__(cls, text: str, lang: Lang, notice: str) -> Pending:
        shown = super().__new__(cls, f"{text} [{notice}]")
        shown.text, shown.lang, shown.notice = text, lang, notice
        return shown


class Text(Strict):
    """A human-readable text in both languages; one of them may be marked `pending: <lang>` until translated."""

    model_config = ConfigDict(
        json_schema_extra={  # the same rule as the validator below, for the editor's inline errors
            "anyOf": [{"required": ["lv", "en"]}, {"required": ["lv", "pending"]}, {"required": ["en", "pending"]}]
        }
    )

    lv: str | None = Field(None, min_length=1)
    en: str | None = Field(None, min_length=1)
    pending: Lang | None = Field(None, description="the language whose translation is still to be written")

    @model_validator(mode="after")
    def _both_languages_or_marked_pending(self) -> Text:
        for lang in LANGUAGES:
            written = getattr(self, lang) is not None
            if not written and self.pending != lang:
                raise ValueError(
                    f"the '{lang}' text is missing (write it, or mark the gap with 'pending: {lang}' "
                    "so the site shows the other language with a notice)"
                )
            if written and self.pending == lang:
                raise ValueError(f"'{lang}' is marked pending but has a text; remove 'pending: {lang}'")
        return self

    def __call__(self, lang: Lang) -> str:
        """The text in `lang`; while its translation is pending, the other language's text with a notice."""
        own = getattr(self, lang)
        if own is not None:
            return own
        other = next(other for other in LANGUAGES if other != lang)
        return Pending(getattr(self, other), other, PENDING_NOTICE[lang])


class Abbreviation(Strict):
    """An abbreviation as used in each language's text (a body may have one in only one language)."""

    lv: str | None = None
    en: str | None = None

    def __call__(self, lang: Lang) -> str | None:
        return getattr(self, lang)


class Status(StrEnum):
    DONE = "done"
    ONGOING = "ongoing"
    PLANNED = "planned"


class Record(Strict):
    """Anything with an anchor on the site, a citation and editor's notes."""

    id: RecordId
    source: LineRange = Field(description="line or line range in the plan's source file, e.g. '13' or '13-16'")
    notes: list[Text] = []

    @property
    def source_lines(self) -> tuple[int, int]:
        first, _, last = self.source.partition("-")
        return int(first), int(last or first)


class Activity(Record):
    """One item of an accomplished/planned cell, or one event of a background timeline."""

    date: PlanDate | None = None
    within: Within | None = None
    status: Status
    group: Text | None = None
    places: list[RecordId] = []
    bodies: list[RecordId] = []
    text: Text

    @property
    def when(self) -> PlanDate | None:
        """The date as shown and sorted: narrowed to the part of the month or year the source names."""
        return self.date.narrowed(self.within) if self.date else None


class Task(Record):
    """A task (CBSS) or action point (BaltMet), with its accomplished/planned cell."""

    number: str | None = None
    text: Text
    bodies: list[RecordId] = []
    coordinator: RecordId | None = None
    shares_cell_with: RecordId | None = None
    activities: list[Activity] = []


class Block(Record):
    """Activities under a heading of their own, with no task column (the WGNRS block)."""

    title: Text
    bodies: list[RecordId] = []
    activities: list[Activity] = Field(min_length=1)


class Area(Record):
    """A priority area (CBSS) or policy focus area (BaltMet)."""

    number: str | None = None
    title: Text
    subtitle: Text | None = None
    goal: Text | None = None
    introduction: Text | None = None
    bodies: list[RecordId] = []
    tasks: list[Task] = Field(min_length=1)
    blocks: list[Block] = []


class Section(Strict):
    """A prose section of a plan (purpose, background, framework), with optional dated events."""

    title: Text
    subtitle: Text | None = None
    source: LineRange
    notes: list[Text] = []
    paragraphs: list[Text] = []
    events: list[Activity] = []


class SourceDocument(Strict):
    file: str = Field(pattern=r"^[\w.-]+\.txt$", description="file name under data/sources/")
    language: Lang
    lines: LineRange | None = None


class PlanKind(StrEnum):
    PROGRESS_REPORT = "progress-report"
    ACTION_PLAN = "action-plan"


class Plan(Strict):
    model_config = ConfigDict(title="Plan", json_schema_extra={"description": "One plan of Baltic Plans"})

    id: RecordId
    kind: PlanKind
    title: Text
    short_title: Text
    summary: Text | None = Field(None, description="the editors' introduction under the title; not from the source")
    issuer: RecordId
    as_of: PlanDate | None = Field(None, description="the report date, a day (YYYY-MM-DD)")
    period: PlanDate
    place: RecordId | None = None
    source: SourceDocument
    notes: list[Text] = []
    purpose: Section | None = None
    background: Section | None = None
    framework: Section | None = None
    areas_title: Text | None = None
    areas: list[Area] = Field(min_length=1)

    @field_validator("as_of")
    @classmethod
    def _as_of_is_a_day(cls, value: PlanDate | None) -> PlanDate | None:
        if value is not None and (value.is_range or value.start.day is None):
            raise ValueError(f"'{value}' must be a single day YYYY-MM-DD")
        return value

    def area(self, area_id: str) -> Area:
        for area in self.areas:
            if area.id == area_id:
                return area
        valid = ", ".join(a.id for a in self.areas)
        raise LookupError(f"plan '{self.id}' has no area '{area_id}' (valid: {valid})")


class Organisation(Strict):
    id: RecordId
    abbr: Abbreviation | None = None
    name: Text
    kind: Literal[
        "intergovernmental", "working-group", "government", "network", "programme", "project",
        "ngo", "university", "foundation", "municipality", "presidency",
    ]  # fmt: skip
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None

    def label(self, lang: Lang) -> str:
        return (self.abbr and self.abbr(lang)) or self.name(lang)


class Place(Strict):
    id: RecordId
    name: Text
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    kind: Literal["city", "country"]
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class OrganisationsFile(Strict):
    organisations: list[Organisation] = Field(min_length=1)


class PlacesFile(Strict):
    places: list[Place] = Field(min_length=1)


# -- the whole site ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    """An activity with where it stands: its plan, area, and task or block (None for background)."""

    activity: Activity
    plan: Plan
    area: Area | None
    owner: Task | Block | None


@dataclass(frozen=True)
class Site:
    """Every plan, organisation and place, validated and cross-checked."""

    plans: tuple[Plan, ...]
    organisations: dict[str, Organisation]
    places: dict[str, Place]
    sources: dict[str, tuple[str, ...]]  # file name in data/sources/ → its lines

    @cached_property
    def plans_by_id(self) -> dict[str, Plan]:
        """Plan id → its plan, in the site's order (every page asks for its plan)."""
        return {plan.id: plan for plan in self.plans}

    def plan(self, plan_id: str) -> Plan:
        if plan_id not in self.plans_by_id:
            raise LookupError(f"no plan '{plan_id}' (valid: {', '.join(self.plans_by_id)})")
        return self.plans_by_id[plan_id]

    def activities(self, plan: Plan | None = None) -> Iterator[Placed]:
        """Every activity of one plan (or all plans), in source order, with its context."""
        for current in (plan,) if plan else self.plans:
            for area in current.areas:
                yield from area_activities(current, area)
            if current.background:
                for event in current.background.events:
                    yield Placed(event, current, None, None)


def area_activities(plan: Plan, area: Area) -> Iterator[Placed]:
    for task in area.tasks:
        for activity in task.activities:
            yield Placed(activity, plan, area, task)
    for block in area.blocks:
        for activity in block.activities:
            yield Placed(activity, plan, area, block)
