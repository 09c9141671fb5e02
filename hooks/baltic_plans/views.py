"""Pure functions from the model to what a page shows, in one language."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

import yaml
from babel import Locale
from babel.numbers import format_decimal
from markupsafe import Markup, escape

from . import addresses
from .addresses import Links
from .date_text import format_month, format_plan_date
from .dates import BABEL_LOCALES, PlanDate, Precision
from .model import Area, Block, Lang, Pending, Placed, Plan, PlanKind, Site, Status, Task, Text, area_activities

STATUSES = (Status.DONE, Status.ONGOING, Status.PLANNED)


@cache
def labels() -> dict[str, dict[str, str | dict[str, str]]]:
    """Key → language → the text, or a count's word in each CLDR plural category (labels.yml)."""
    text = resources.files(__package__).joinpath("labels.yml").read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml's, where PyYAML has it


def label(key: str, lang: Lang, **values: object) -> str:
    text = labels()[key][lang]
    assert isinstance(text, str), f"{key} is a count's words: count() writes them"
    return text.format(**values)


def count(number: int, key: str, lang: Lang) -> str:
    """'1 activity', '21 aktivitāte', '10 aktivitāšu': the word in the number's CLDR plural category."""
    forms = labels()[key][lang]
    assert isinstance(forms, dict), f"{key} is a label: label() writes it"
    category = Locale.parse(BABEL_LOCALES[lang]).plural_form(number)
    return f"{format_decimal(number, locale=BABEL_LOCALES[lang])} {forms[category]}"


def clean(text: str) -> str:
    """Data text on one line: a newline in a YAML block scalar must not end an HTML block."""
    if isinstance(text, Pending):
        return Pending(clean(text.text), text.lang, text.notice)
    return " ".join(text.split())


def alphabetical(text: str, lang: Lang) -> str:
    """A sort key in the language's alphabetical order: accents are ignored ("Cēsis" between "Centre" and "Civic"),
    but in Latvian č, ģ, ķ, ļ, ņ, š and ž are letters of their own, after c, g, k, l, n, s and z. Written here
    because Python's locale collation depends on the machine's installed locales, and PyICU is a C library."""
    key = []
    for char in text.casefold():
        if lang == "lv" and char in LV_OWN_LETTERS:
            key.append(unicodedata.normalize("NFD", char)[0] + "~")  # "~" sorts after every letter
        else:
            key.append("".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)))
    return "".join(key)


LV_OWN_LETTERS = set("čģķļņšž")


def lines_label(lines: str, lang: Lang) -> str:
    """A record's source lines in words: '13. rinda', '1.–5. rinda' / 'line 13', 'lines 1–5'."""
    first, _, last = lines.partition("-")
    return label("source_lines" if last else "source_line", lang, first=first, last=last)


def file_size(size: int, lang: Lang) -> str:
    if size < 1000:
        return f"{size} B"
    return f"{format_decimal(size / 1000, '#,##0.0', locale=BABEL_LOCALES[lang])} kB"


def shorten(text: str, limit: int = 90) -> str:
    """The text cut at a word boundary to at most `limit` characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 2].rsplit(" ", 1)[0] + " …"


# -- views ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    lines: str
    label: str
    href: str


@dataclass(frozen=True)
class HistoryItem:
    """An activity as of one progress report, for its history line."""

    status: str
    status_label: str
    as_of: str  # the report's date, in words
    datetime: str
    href: str  # the report's "what changed" page (its plan's page for a plan's first report)
    moved_to: str | None = None  # the new date, in words, where the report moved it


@dataclass(frozen=True)
class ActivityView:
    id: str
    status: str
    status_label: str
    date_text: str | None
    datetime: str | None
    text: str
    group: str | None
    places: list[str]
    bodies: list[tuple[str, str]]
    notes: list[str]
    citation: Citation
    href: str
    context: str
    history: list[HistoryItem] = field(default_factory=list)  # its status at each progress report, if several


@dataclass(frozen=True)
class TaskView:
    id: str
    number: str | None
    text: str
    bodies: list[tuple[str, str]]
    coordinator: tuple[str, str] | None
    notes: list[str]
    citation: Citation


@dataclass(frozen=True)
class TableRow:
    tasks: list[TaskView]
    activities: list[ActivityView]  # the source's one accomplished/planned cell, in its order


@dataclass(frozen=True)
class MonthGroup:
    label: str | None
    anchor: str
    entries: list[ActivityView]


@dataclass(frozen=True)
class YearGroup:
    year: int
    anchor: str
    months: list[MonthGroup]


@dataclass(frozen=True)
class Counts:
    tasks: int
    by_status: dict[str, int]

    @property
    def activities(self) -> int:
        return sum(self.by_status.values())


@dataclass
class Renderer:
    """Everything a page needs to turn the model into views in its language."""

    site: Site
    lang: Lang
    links: Links
    abbreviations: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.abbreviations = {
            abbr: org.name(self.lang)
            for org in self.site.organisations.values()
            if org.abbr and (abbr := org.abbr(self.lang))
        }

    # -- records ---------------------------------------------------------------------------

    def texts(self, texts: Iterable[Text]) -> list[str]:
        """Editor's notes or paragraphs, in this language, each on one line."""
        return [clean(text(self.lang)) for text in texts]

    def body(self, org_id: str) -> tuple[str, str]:
        org = self.site.organisations[org_id]
        return org.label(self.lang), org.name(self.lang)

    def citation(self, plan: Plan, lines: str) -> Citation:
        anchor = f"{plan.id}-L{lines.partition('-')[0]}"
        return Citation(lines, lines_label(lines, self.lang), self.links.to(addresses.source_page(plan.id), anchor))

    def activity(self, placed: Placed) -> ActivityView:
        a, plan = placed.activity, placed.plan
        return ActivityView(
            history=self.history(placed),
            id=a.id,
            status=a.status.value,
            status_label=label(f"status_{a.status.value}", self.lang),
            date_text=format_plan_date(a.when, self.lang) if a.when else None,
            datetime=a.date.start.iso if a.date else None,
            text=clean(a.text(self.lang)),
            group=clean(a.group(self.lang)) if a.group else None,
            places=[self.site.places[p].name(self.lang) for p in a.places],
            bodies=[self.body(b) for b in a.bodies],
            notes=self.texts(a.notes),
            citation=self.citation(plan, a.source),
            href=self.record_href(placed),
            context=self.context(placed),
        )

    def history(self, placed: Placed) -> list[HistoryItem]:
        """The activity's status at each progress report, where there is more than one to show."""
        steps = self.site.history.get(placed.activity.id, ())
        if len(steps) < 2:
            return []
        return [
            HistoryItem(
                status=step.status.value,
                status_label=label(f"status_{step.status.value}", self.lang),
                as_of=format_plan_date(step.report.as_of, self.lang),
                datetime=step.report.as_of.start.iso,
                href=self.links.to(
                    addresses.plan_page(placed.plan.id)
                    if step.report.first
                    else addresses.changes_page(placed.plan.id, step.report.id)
                ),
                moved_to=format_plan_date(step.date, self.lang) if step.moved and step.date else None,
            )
            for step in steps
        ]

    def record_href(self, placed: Placed) -> str:
        area_id = placed.area.id if placed.area else None
        return self.links.to(addresses.record_page(placed.plan.id, area_id), placed.activity.id)

    def context(self, placed: Placed) -> str:
        """Where a record stands, for wherever it is shown outside its task: plan · area · its task (or block), so
        that a record split from a sentence ("and it will conclude in Riga…") says what "it" is."""
        plan = placed.plan.short_title(self.lang)
        if placed.area is None:
            return f"{plan} · {label('background', self.lang)}"
        owner = placed.owner
        assert owner is not None  # a record in an area stands under a task or a block
        if isinstance(owner, Block):
            owner_text = clean(owner.title(self.lang))
        else:
            number = f"{owner.number} " if owner.number else ""
            owner_text = (
                f"{label('kind_task', self.lang).capitalize()} {number}“{shorten(clean(owner.text(self.lang)), 80)}”"
            )
        return f"{plan} · {placed.area.title(self.lang)} · {owner_text}"

    def task(self, plan: Plan, task: Task) -> TaskView:
        return TaskView(
            id=task.id,
            number=task.number,
            text=clean(task.text(self.lang)),
            bodies=[self.body(b) for b in task.bodies],
            coordinator=self.body(task.coordinator) if task.coordinator else None,
            notes=self.texts(task.notes),
            citation=self.citation(plan, task.source),
        )

    # -- tables and timelines ----------------------------------------------------------------

    def task_rows(self, plan: Plan, area: Area) -> list[TableRow]:
        """One row per accomplished/planned cell, as in the source: tasks sharing a cell share a row."""
        rows: list[TableRow] = []
        row_of: dict[str, TableRow] = {}
        for task in area.tasks:
            if task.shares_cell_with:
                row = row_of[task.shares_cell_with]
                row.tasks.append(self.task(plan, task))
                row_of[task.id] = row
                continue
            views = [self.activity(Placed(a, plan, area, task)) for a in task.activities]
            row = TableRow(
                tasks=[self.task(plan, task)],
                activities=views,
            )
            rows.append(row)
            row_of[task.id] = row
        return rows

    def block(self, plan: Plan, area: Area, block: Block) -> dict:
        return {
            "id": block.id,
            "title": clean(block.title(self.lang)),
            "bodies": [self.body(b) for b in block.bodies],
            "notes": self.texts(block.notes),
            "citation": self.citation(plan, block.source),
            "activities": [self.activity(Placed(a, plan, area, block)) for a in block.activities],
        }

    def timeline(self, placed: Iterable[Placed], anchor_prefix: str = "") -> tuple[list[YearGroup], list[ActivityView]]:
        """Dated activities by year and month, oldest first; the undated ones apart, in source order."""
        placed = list(placed)
        dated = sorted((p for p in placed if p.activity.date), key=lambda p: p.known_when.sort_key)
        undated = [self.activity(p) for p in placed if not p.activity.date]
        # a year's groups in the order of their first entries (dates.py's order rule): a month, a season, a part
        # of the year ("end of 2007") or the year alone
        years: dict[int, dict[str, tuple[str, list[ActivityView]]]] = {}
        for p in dated:
            key, heading = self.timeline_group(p.known_when)
            group = years.setdefault(p.known_when.start.year, {}).setdefault(key, (heading, []))
            group[1].append(self.activity(p))
        groups = [
            YearGroup(
                year,
                f"{anchor_prefix}y{year}",
                [
                    MonthGroup(heading, f"{anchor_prefix}y{year}-{key}", entries)
                    for key, (heading, entries) in found.items()
                ],
            )
            for year, found in sorted(years.items())
        ]
        return groups, undated

    def timeline_group(self, date: PlanDate) -> tuple[str, str]:
        """The anchor key and heading of a date's group on the timeline: its month ('03', '2008. gada marts'), its
        season ('23', EDTF's number), its part of the year ('end', '2007. gada beigās') or the year alone ('00')."""
        start = date.start
        if start.precision in (Precision.MONTH, Precision.DAY):
            assert start.month is not None
            return f"{start.month:02d}", format_month(start.year, start.month, self.lang)
        if start.season:
            return str(start.season), format_plan_date(PlanDate(start), self.lang)
        if date.part and not date.is_range:
            return date.part.value, format_plan_date(date, self.lang)
        return "00", label("year_only", self.lang, year=str(start.year))

    # -- counts ----------------------------------------------------------------------------------

    def counts(self, placed: Iterable[Placed], tasks: int) -> Counts:
        by_status = Counter(p.activity.status.value for p in placed)
        return Counts(tasks, {s.value: by_status.get(s.value, 0) for s in STATUSES})

    def area_counts(self, plan: Plan, area: Area) -> Counts:
        return self.counts(area_activities(plan, area), len(area.tasks))

    def plan_counts(self, plan: Plan) -> Counts:
        return self.counts(
            (p for a in plan.areas for p in area_activities(plan, a)), sum(len(a.tasks) for a in plan.areas)
        )

    def task_kind(self, plan: Plan) -> str:
        """What a plan's items are called: 'tasks' (a progress report's) or 'action_points' (an action plan's)."""
        return "action_points" if plan.kind is PlanKind.ACTION_PLAN else "tasks"

    # -- text ------------------------------------------------------------------------------------

    def abbreviate(self, text: str) -> Markup:
        """Escape the text, then give every known abbreviation its expansion as a tooltip."""
        return self._abbreviator(text)

    @cached_property
    def _abbreviator(self) -> Abbreviator:
        return Abbreviator(self.abbreviations)


def abbreviate(text: str, expansions: dict[str, str]) -> Markup:
    return Abbreviator(expansions)(text)


class Abbreviator:
    """Escapes a text and gives every known abbreviation in it its expansion as a tooltip; the pattern is made
    once per page, not once per text."""

    def __init__(self, expansions: dict[str, str]) -> None:
        self._titles = {str(escape(k)): v for k, v in expansions.items()}
        self._pattern = _abbreviation_pattern(tuple(sorted(self._titles, key=len, reverse=True)))

    def __call__(self, text: str) -> Markup:
        if isinstance(text, Pending):  # the other language's text, marked as such, and the notice
            return Markup('<span lang="{}">{}</span> <span class="bp-pending">{}</span>').format(
                text.lang, self(text.text), text.notice
            )
        escaped = str(escape(text))
        if not self._titles:
            return Markup(escaped)
        return Markup(self._pattern.sub(self._tooltip, escaped))

    def _tooltip(self, match: re.Match) -> str:
        return f'<abbr title="{escape(self._titles[match.group(0)])}">{match.group(0)}</abbr>'


@cache
def _abbreviation_pattern(keys: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])")
