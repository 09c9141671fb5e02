"""Render functions of an area's page (docs/<plan-id>/<area-id>.md): its title, summary, task table and
timeline, each a macro, so that the page's Markdown shows what it holds and prose can go between them."""

from __future__ import annotations

from . import addresses
from .model import Plan, area_activities
from .render import Page, heading
from .views import label


def area_title(page: Page, plan_id: str | None = None, area_id: str | None = None) -> str:
    plan_id, area_id = page.area_ids(plan_id, area_id)
    area = page.site.plan(plan_id).area(area_id)
    number = f"{area.number}. " if area.number else ""
    return heading(number + area.title(page.lang))


def area_summary(page: Page, plan_id: str | None = None, area_id: str | None = None) -> str:
    plan_id, area_id = page.area_ids(plan_id, area_id)
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
        plan_href=r.links.to(addresses.plan_page(plan.id)),
        counts=r.area_counts(plan, area),
        caption=counts_caption(page, plan, area.title(page.lang)),
        task_kind=r.task_kind(plan),
    )


def task_table(page: Page, plan_id: str | None = None, area_id: str | None = None) -> str:
    plan_id, area_id = page.area_ids(plan_id, area_id)
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
        last_change=page.last_change,
    )


def area_timeline(page: Page, plan_id: str | None = None, area_id: str | None = None) -> str:
    """The area's records by date: an index of the task table above (date, status, first words, a link to the
    record), not a second copy of them."""
    plan_id, area_id = page.area_ids(plan_id, area_id)
    plan = page.site.plan(plan_id)
    area = plan.area(area_id)
    placed = list(area_activities(plan, area))
    if not placed:
        return ""
    years, undated = page.renderer.timeline(placed, anchor_prefix="tl-")
    body = page.render("timeline.html", years=years, undated=undated, level=3, anchor_prefix="tl-", compact=True)
    return heading(label("area_timeline", page.lang), 2) + "\n" + body


def counts_caption(page: Page, plan: Plan, title: str) -> str:
    key = "counts_caption_action_points" if page.renderer.task_kind(plan) == "action_points" else "counts_caption"
    return label(key, page.lang, plan=title)
