"""Render functions of the sources: the list (docs/sources.md) and each source document's page, line by line,
with the records that cite each line (made by paging.py)."""

from __future__ import annotations

from . import addresses
from .date_text import format_plan_date
from .model import Activity, Block, Lang, Plan, Task, area_activities
from .render import Page, titled
from .views import clean, label, shorten


def sources_page(page: Page) -> str:
    """The list of source documents, each linking to its own page."""
    documents = [
        {
            "plan": plan,
            "href": page.renderer.links.to(addresses.source_page(plan.id)),
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
            index_href=page.renderer.links.to(addresses.SOURCES),
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
            add(section.title(page.lang), "section", section.source, r.links.to(addresses.plan_page(plan.id), name))
            for event in section.events:
                add(
                    record_words(event, page.lang),
                    "activity",
                    event.source,
                    r.links.to(addresses.plan_page(plan.id), event.id),
                )
    for area in plan.areas:
        area_path = addresses.area_page(plan.id, area.id)
        add(area.title(page.lang), "area", area.source, r.links.to(area_path))
        owners: list[Task | Block] = [*area.tasks, *area.blocks]
        for owner in owners:
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
