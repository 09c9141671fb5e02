"""Render functions: (site, language, current page) → Markdown with HTML from Jinja templates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import groupby

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from . import charts, ics, open_data, paging
from . import links as pages
from .build_cache import compiled_templates
from .date_text import format_day, format_plan_date
from .edition import Edition
from .involvement import Involved, involvement
from .links import Links
from .model import Activity, Block, Lang, Placed, Plan, Site, Task, area_activities
from .schema import SCHEMAS
from .tables import TABLES
from .views import Renderer, alphabetical, clean, count, file_size, label, shorten

SECTIONS = ("purpose", "background", "framework")


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("baltic_plans", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=compiled_templates(),
    )
    # data text in a Markdown heading of a template: escaped for HTML, then for Markdown ("![x](y)" stays text)
    env.filters["heading_text"] = lambda text: Markup(literal(text))
    return env


def tidy(markdown: str) -> str:
    """Drop blank lines inside HTML (they would end a raw HTML block); keep them around headings."""
    lines = markdown.strip().splitlines()
    kept: list[str] = []
    for index, line in enumerate(lines):
        if line.strip():
            kept.append(line)
            continue
        before = kept[-1] if kept else ""
        after = next((n for n in lines[index + 1 :] if n.strip()), "")
        if (before.startswith("#") or after.startswith("#")) and kept and kept[-1] != "":
            kept.append("")
    return "\n".join(kept) + "\n"


@dataclass(frozen=True)
class Page:
    """The page being rendered: its language, its URL and its file in docs/ (without the language suffix)."""

    site: Site
    lang: Lang
    url: str
    directory_urls: bool = True
    path: str = ""
    edition: Edition | None = None  # the open data the build publishes (for the open-data page and plan pages)
    pdfs: dict[str, tuple[str, int]] = field(default_factory=dict)  # plan id → its PDF's site path and size

    def own_plan(self) -> str:
        """The plan a page in docs/<plan-id>/ is about."""
        folder, slash, _ = self.path.partition("/")
        if not slash:
            raise ValueError(f"docs/{self.path} is not in a plan's folder (docs/<plan-id>/); name the plan")
        return self.site.plan(folder).id

    def own_plan_of_source(self) -> str:
        """The plan whose source document a page docs/sources/<plan-id>.md shows."""
        folder, _, name = self.path.partition("/")
        if folder != "sources" or not name:
            raise ValueError(f"docs/{self.path} is not a source document's page (docs/sources/<plan-id>.md)")
        return self.site.plan(name.removesuffix(".md")).id

    def own_area(self) -> str:
        """The area a page docs/<plan-id>/<area-id>.md is about."""
        name = self.path.partition("/")[2].removesuffix(".md")
        return self.site.plan(self.own_plan()).area(name).id

    @cached_property  # one per page: its abbreviation table is built once
    def renderer(self) -> Renderer:
        return Renderer(self.site, self.lang, Links(self.lang, self.url, self.directory_urls))

    @property
    def template_globals(self) -> dict:
        return {
            "r": self.renderer,
            "t": lambda key, **v: label(key, self.lang, **v),
            "n": lambda number, key: count(number, key, self.lang),
            "lang": self.lang,
        }

    def render(self, template: str, **context) -> str:
        return tidy(environment().get_template(template).render(**self.template_globals, **context))

    def render_macro(self, template: str, name: str, **arguments) -> str:
        """One macro of a template file that holds several parts of a page."""
        module = environment().get_template(template).make_module(self.template_globals)
        return tidy(str(getattr(module, name)(**arguments)))


_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]])")


def literal(text: str) -> str:
    """Data text for a Markdown heading, shown literally: no HTML, emphasis, links or attribute lists."""
    return _MARKDOWN_SYNTAX.sub(r"\\\1", str(escape(clean(text))))


def heading(text: str, level: int = 1) -> str:
    return f"{'#' * level} {literal(text)}\n"


def titled(title: str, html: str) -> str:
    """A page's title, then its HTML after a blank line, as a block of its own that skips Markdown (slots.py)."""
    return f"{heading(title)}\n{html}"


# -- plan and area pages ------------------------------------------------------------------------


def plan_page(page: Page) -> str:
    """The whole page docs/<plan-id>/index.md: title, the editors' summary, overview and the plan's sections."""
    plan_id = page.own_plan()
    plan = page.site.plan(plan_id)
    # an HTML paragraph, so that Markdown leaves the data text alone ("![x](y)" stays text)
    summary = (
        f'<p class="bp-summary">{page.renderer.abbreviate(clean(plan.summary(page.lang)))}</p>\n\n'
        if plan.summary
        else ""
    )
    sections = [plan_section(page, plan_id, name) for name in SECTIONS]
    return "\n".join([plan_title(page, plan_id), summary + plan_overview(page, plan_id), *filter(None, sections)])


def area_page(page: Page) -> str:
    """The whole page docs/<plan-id>/<area-id>.md: title, summary, task table and timeline."""
    plan_id, area_id = page.own_plan(), page.own_area()
    parts = (area_title, area_summary, task_table, area_timeline)
    return "\n".join(filter(None, (part(page, plan_id, area_id) for part in parts)))


def plan_title(page: Page, plan_id: str) -> str:
    return heading(page.site.plan(plan_id).short_title(page.lang))


def area_title(page: Page, plan_id: str, area_id: str) -> str:
    area = page.site.plan(plan_id).area(area_id)
    number = f"{area.number}. " if area.number else ""
    return heading(number + area.title(page.lang))


def area_summary(page: Page, plan_id: str, area_id: str) -> str:
    r = page.renderer
    plan = page.site.plan(plan_id)
    area = plan.area(area_id)
    return page.render(
        "area_summary.html",
        plan=plan,
        area=area,
        bodies=[r.body(b) for b in area.bodies],
        notes=page.renderer.texts(area.notes),
        citation=r.citation(plan, area.source),
        plan_href=r.links.to(pages.plan_page(plan.id)),
        counts=r.area_counts(plan, area),
        caption=counts_caption(page, plan, area.title(page.lang)),
        task_kind=r.task_kind(plan),
    )


def task_table(page: Page, plan_id: str, area_id: str) -> str:
    plan = page.site.plan(plan_id)
    area = plan.area(area_id)
    title = label("tasks" if has_progress(area) else "action_points", page.lang)
    return heading(title, 2) + "\n" + task_table_body(page, plan, area)


def has_progress(area) -> bool:
    return any(t.activities for t in area.tasks)


def task_table_body(page: Page, plan: Plan, area) -> str:
    """The area's tasks in the source's shape (task | accomplished/planned, each item with its status), and its
    blocks."""
    r = page.renderer
    caption_key = "task_table_caption" if has_progress(area) else "action_table_caption"
    return page.render(
        "task_table.html",
        rows=r.task_rows(plan, area),
        blocks=[r.block(plan, area, b) for b in area.blocks],
        numbered=any(t.number for t in area.tasks),
        has_progress=has_progress(area),
        caption=label(caption_key, page.lang, area=area.title(page.lang)),
    )


def area_timeline(page: Page, plan_id: str, area_id: str) -> str:
    """The area's records by date: an index of the task table above (date, status, first words, a link to the
    record), not a second copy of them."""
    plan = page.site.plan(plan_id)
    area = plan.area(area_id)
    placed = list(area_activities(plan, area))
    if not placed:
        return ""
    years, undated = page.renderer.timeline(placed, anchor_prefix="tl-")
    body = page.render("timeline.html", years=years, undated=undated, level=3, anchor_prefix="tl-", compact=True)
    return heading(label("area_timeline", page.lang), 2) + "\n" + body


def plan_overview(page: Page, plan_id: str) -> str:
    r = page.renderer
    plan = page.site.plan(plan_id)
    areas = [
        {"area": a, "href": r.links.to(pages.area_page(plan.id, a.id)), "counts": r.area_counts(plan, a)}
        for a in plan.areas
    ]
    return page.render(
        "plan_overview.html",
        plan=plan,
        **plan_facts(page, plan),
        counts=r.plan_counts(plan),
        caption=counts_caption(page, plan, plan.short_title(page.lang)),
        task_kind=r.task_kind(plan),
        chart=charts.status_chart(r, plan, f"bp-chart-{plan.id}"),
        areas=areas,
        areas_title=((plan.areas_title or None) and plan.areas_title(page.lang)) or label("areas", page.lang),
        level=2,
        downloads=plan_downloads(page, plan),
        open_data_href=r.links.to(pages.OPEN_DATA),
        report_href=r.links.to(pages.report_page(plan.id)),
        pdf=pdf_link(page, plan.id),
    )


def counts_caption(page: Page, plan: Plan, title: str) -> str:
    key = "counts_caption_action_points" if page.renderer.task_kind(plan) == "action_points" else "counts_caption"
    return label(key, page.lang, plan=title)


def plan_facts(page: Page, plan: Plan) -> dict:
    """What a plan's page and its full report both state: as of when, the period, the source and the notes."""
    return {
        "as_of": format_plan_date(plan.as_of, page.lang) if plan.as_of else None,
        "period": format_plan_date(plan.period, page.lang),
        "citation": page.renderer.citation(plan, plan.source.lines or "1"),
        "notes": page.renderer.texts(plan.notes),
    }


def pdf_link(page: Page, plan_id: str) -> dict | None:
    """The plan's PDF in the page's language, if this build publishes it: href, file name and size."""
    if plan_id not in page.pdfs:
        return None
    path, size = page.pdfs[plan_id]
    return {"href": page.renderer.links.file(path), "name": path.rpartition("/")[2], "size": file_size(size, page.lang)}


def plan_downloads(page: Page, plan: Plan) -> list[tuple[str, str]]:
    """(file name, href) of the plan's own files in the page's language: its whole model and its calendar."""
    extensions = ("json", "ics") if ics.has_events(page.site, plan) else ("json",)
    names = [open_data.plan_file(plan, extension) for extension in extensions]
    return [(name.rpartition("/")[2], page.renderer.links.file(pages.data_file(name, page.lang))) for name in names]


def plan_section(page: Page, plan_id: str, name: str) -> str:
    """The plan's 'purpose', 'background' or 'framework' section; empty if the plan has none."""
    r = page.renderer
    plan = page.site.plan(plan_id)
    if name not in SECTIONS:
        raise ValueError(f"unknown section '{name}' (valid: purpose, background, framework)")
    section = getattr(plan, name)
    if section is None:
        return ""
    events = sorted(section.events, key=lambda e: e.when.sort_key if e.when else (plan.period.first_day,) * 2)
    return page.render(
        "plan_section.html",
        section=section,
        anchor=name,
        level=2,
        paragraphs=r.texts(section.paragraphs),
        events=[r.activity(Placed(e, plan, None, None)) for e in events],
        citation=r.citation(plan, section.source),
        notes=page.renderer.texts(section.notes),
    )


# -- site-wide pages ---------------------------------------------------------------------------


def home_overview(page: Page) -> str:
    r = page.renderer
    plans = [
        {
            "plan": plan,
            "href": r.links.to(pages.plan_page(plan.id)),
            "as_of": format_plan_date(plan.as_of, page.lang) if plan.as_of else None,
            "period": format_plan_date(plan.period, page.lang),
            "counts": r.plan_counts(plan),
            "task_kind": r.task_kind(plan),
            "caption": counts_caption(page, plan, plan.short_title(page.lang)),
            "chart": charts.status_chart(r, plan, f"bp-chart-{plan.id}"),
        }
        for plan in page.site.plans
    ]
    return page.render("home.html", plans=plans)


def combined_timeline(page: Page) -> str:
    """The timeline's front page: each year with its activities by status, linking to the year's page(s)."""
    r = page.renderer
    years = []
    for year, parts in groupby(paging.timeline_pages(page.site).all, key=lambda p: p.key):
        parts = list(parts)
        years.append(
            {
                "year": int(year),
                "counts": r.counts([e for p in parts for e in p.entries], tasks=0),
                "parts": [{"number": p.part, "href": r.links.to(p.path)} for p in parts],
            }
        )
    return page.render("timeline_years.html", years=years, caption=label("timeline_years_caption", page.lang))


def timeline_year(page: Page) -> str:
    """A page of the combined timeline (docs/timeline/<year>[-<part>].md, made by paging.py): its months."""
    r = page.renderer
    all_pages = paging.timeline_pages(page.site)
    this = all_pages.at(page.path)
    title = label("timeline_year", page.lang, year=this.key)
    if this.parts > 1:
        title += " " + label("part_of", page.lang, part=this.part, parts=this.parts)

    def pager_link(other: paging.Part | None) -> dict | None:
        if other is None:
            return None
        text = other.key if other.parts == 1 else f"{other.key} ({other.part}/{other.parts})"
        return {"href": r.links.to(other.path), "text": text}

    previous, following = all_pages.neighbours(this)
    years, _ = r.timeline(this.entries)
    return titled(
        title,
        page.render(
            "timeline_year.html",
            years=years,
            undated=[],
            show_years=False,
            level=2,
            anchor_prefix="",
            previous=pager_link(previous),
            following=pager_link(following),
            index_href=r.links.to(pages.TIMELINE),
        ),
    )


def parts_pager(page: Page, all_pages: paging.Pages, this: paging.Part) -> list[dict]:
    """The links to each part of a record's page that is split in parts; none if it is one page."""
    parts = all_pages.parts_of(this)
    if len(parts) == 1:
        return []
    return [{"number": p.part, "href": page.renderer.links.to(p.path), "current": p is this} for p in parts]


def organisations_table(page: Page) -> str:
    """Every organisation: abbreviation, name, and how many tasks involve it, linking to its own page."""
    r = page.renderer
    found = involvement(page.site)
    rows = []
    for org in sorted(page.site.organisations.values(), key=lambda o: alphabetical(r.body(o.id)[0], page.lang)):
        rows.append(
            {
                "org": org,
                "abbr": org.abbr(page.lang) if org.abbr else None,
                "href": r.links.to(pages.organisation_page(org.id)),
                "count": len(found.get(org.id, ())),
            }
        )
    return page.render("organisations.html", rows=rows)


def organisation_page(page: Page) -> str:
    """An organisation's page (docs/organisations/<id>.md, and <id>/<part>.md for a long one; made by
    paging.py): the tasks and blocks that name it, by plan."""
    all_pages = paging.organisation_pages(page.site)
    this = all_pages.at(page.path)
    org = page.site.organisations[this.key]
    abbr = org.abbr(page.lang) if org.abbr else None
    title = f"{org.name(page.lang)} ({abbr})" if abbr and abbr != org.name(page.lang) else org.name(page.lang)
    if this.parts > 1:
        title += " " + label("part_of", page.lang, part=this.part, parts=this.parts)
    by_plan = [
        {
            "heading": Markup(literal(plan.short_title(page.lang))),
            "id": plan.id,
            "found": [involved_link(page, entry) for entry in entries],
        }
        for plan, entries in groupby(this.entries, key=lambda entry: entry.plan)
    ]
    return titled(
        title,
        page.render(
            "organisation.html",
            org=org,
            abbr=abbr,
            by_plan=by_plan,
            involved=this.total,
            parts=parts_pager(page, all_pages, this),
            index_href=page.renderer.links.to(pages.ORGANISATIONS),
        ),
    )


def involved_link(page: Page, entry: Involved) -> tuple[str, str]:
    """(label, href) of a task or block that names an organisation: its area, number and shortened text."""
    owner, area = entry.owner, entry.area
    text = owner.title(page.lang) if isinstance(owner, Block) else owner.text(page.lang)
    prefix = f"{owner.number} " if getattr(owner, "number", None) else ""
    href = page.renderer.links.to(pages.area_page(entry.plan.id, area.id), owner.id)
    return f"{area.title(page.lang)}: {prefix}{shorten(clean(text))}", href


def sources_page(page: Page) -> str:
    """The list of source documents, each linking to its own page."""
    documents = [
        {
            "plan": plan,
            "href": page.renderer.links.to(pages.source_page(plan.id)),
            "download": download_href(page, plan.source.file),
            "lines": len(page.site.sources[plan.source.file]),
        }
        for plan in page.site.plans
    ]
    return page.render("sources.html", documents=documents)


def source_document(page: Page) -> str:
    """A source document's page (docs/sources/<plan-id>.md, made by paging.py): what cites it, and its text."""
    plan = page.site.plan(page.own_plan_of_source())
    title = label("source_of", page.lang, plan=plan.short_title(page.lang))
    return titled(
        title,
        page.render(
            "source_document.html",
            plan=plan,
            download=download_href(page, plan.source.file),
            caption=label("citations_caption", page.lang, plan=plan.short_title(page.lang)),
            citations=citations(page, plan),
            lines=[line.replace("\t", " ").strip() for line in page.site.sources[plan.source.file]],
            index_href=page.renderer.links.to(pages.SOURCES),
        ),
    )


def download_href(page: Page, file_name: str) -> str:
    """Source files are published once, at the site root's sources/ folder."""
    depth = page.url.count("/")
    return "../" * depth + f"sources/{file_name}"


def citations(page: Page, plan: Plan) -> list[dict]:
    r = page.renderer
    rows = []

    def add(record_label: str, kind: str, lines: str, href: str) -> None:
        first = lines.partition("-")[0]
        rows.append(
            {
                "label": record_label,
                "kind": label(f"kind_{kind}", page.lang),
                "lines": lines.replace("-", "–"),
                "first": first,
                "href": href,
            }
        )

    for name in ("purpose", "background", "framework"):
        section = getattr(plan, name)
        if section:
            add(section.title(page.lang), "section", section.source, r.links.to(pages.plan_page(plan.id), name))
            for event in section.events:
                add(
                    record_words(event, page.lang),
                    "activity",
                    event.source,
                    r.links.to(pages.plan_page(plan.id), event.id),
                )
    for area in plan.areas:
        area_path = pages.area_page(plan.id, area.id)
        add(area.title(page.lang), "area", area.source, r.links.to(area_path))
        for owner in [*area.tasks, *area.blocks]:
            kind, words = (
                ("block", owner.title(page.lang))
                if isinstance(owner, Block)
                else ("task", task_words(owner, page.lang))
            )
            add(words, kind, owner.source, r.links.to(area_path, owner.id))
        for placed in area_activities(plan, area):
            activity = placed.activity
            add(record_words(activity, page.lang), "activity", activity.source, r.links.to(area_path, activity.id))
    return rows


def task_words(task: Task, lang: Lang) -> str:
    """A task as a reader names it: its number and first words ('1.1 BaltMet will …')."""
    number = f"{task.number} " if task.number else ""
    return number + shorten(clean(task.text(lang)), 70)


def record_words(activity: Activity, lang: Lang) -> str:
    """An activity as a reader names it: its date and first words."""
    words = shorten(clean(activity.text(lang)), 70)
    return f"{format_plan_date(activity.when, lang)}: {words}" if activity.when else words


# -- open data ----------------------------------------------------------------------------------


def open_data_downloads(page: Page) -> str:
    """The build date and every file of the page's language, with what it holds, its size and its records."""
    r = page.renderer
    rows = [
        {
            "download": d,
            "href": r.links.file(pages.data_file(d.name, page.lang)),
            "size": file_size(len(d.content), page.lang),
        }
        for d in open_data.downloads(page.edition)
    ]
    return page.render_macro("open_data.html", "downloads", rows=rows, built=built_on(page))


def open_data_columns(page: Page) -> str:
    """Each CSV file's columns, from the same definitions the CSV writer and datapackage.json use."""
    return page.render_macro("open_data.html", "columns", tables=TABLES, level=3)


def open_data_left_out(page: Page) -> str:
    """How many dated activities no calendar holds (dated only to the year), linking to their years' timeline
    pages, where each is listed: the list itself would grow with the data (1 MB at 100x)."""
    left_out = sorted(ics.left_out(page.site.activities()), key=lambda p: p.activity.when.sort_key)
    years = [
        (year, len(list(entries)), page.renderer.links.to(pages.timeline_page(year)))
        for year, entries in groupby(left_out, key=lambda p: p.activity.date.start.year)
    ]
    return page.render_macro("open_data.html", "left_out", years=years, total=len(left_out))


def open_data_citation(page: Page) -> str:
    edition = page.edition
    return page.render_macro(
        "open_data.html",
        "citation",
        site_name=edition.site_name,
        built=edition.built.date().isoformat(),
        url=edition.page_url(pages.OPEN_DATA),
    )


def open_data_schemas(page: Page) -> str:
    """The JSON Schemas of the data files, published once at the site root's schema/ folder."""
    schemas = [(name, page.renderer.links.file(f"schema/{name}")) for name in SCHEMAS]
    return page.render_macro("open_data.html", "schemas", schemas=schemas)


def built_on(page: Page) -> str:
    return format_day(page.edition.built.date(), page.lang)
