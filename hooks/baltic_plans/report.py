"""A plan's full report: the whole plan on one page in the source's layout (area → goal → task |
accomplished/planned), for reading through and printing; the same Markdown makes the plan's PDF (printing.py)."""

from __future__ import annotations

from . import addresses
from .area_pages import area_title, task_table_body
from .model import Area, Plan
from .plan_pages import SECTIONS, pdf_link, plan_facts, plan_section
from .render import Page, heading


def full_report(page: Page) -> str:
    """The page docs/<plan-id>/report.md (made by paging.py): the plan's sections and areas in source order."""
    plan = page.site.plan(page.own_plan())
    return "\n".join([heading(plan.title(page.lang)), report_intro(page, plan), report_body(page, plan)])


def report_body(page: Page, plan: Plan) -> str:
    """The plan's sections and areas in source order. The PDF (printing.py) and the report page render the same
    body, so it is rendered once per build and language (`page.shared`); only the introduction differs (the page
    links its PDF)."""
    key = ("report body", plan.id, page.url, page.directory_urls)
    if key not in page.shared:
        page.shared[key] = _body(page, plan)
    return page.shared[key]


def _body(page: Page, plan: Plan) -> str:
    parts = [(first_line(section.source), plan_section(page, plan.id, name)) for name, section in sections(plan)]
    parts += [(first_line(area.source), report_area(page, plan, area)) for area in plan.areas]
    return "\n".join(markdown for _, markdown in sorted(parts, key=lambda part: part[0]))


def first_line(source: str) -> int:
    return int(source.partition("-")[0])


def sections(plan: Plan):
    return [(name, getattr(plan, name)) for name in SECTIONS if getattr(plan, name)]


def report_intro(page: Page, plan: Plan) -> str:
    return page.render(
        "report_intro.html",
        plan=plan,
        **plan_facts(page, plan),
        plan_href=page.renderer.links.to(addresses.plan_page(plan.id)),
        pdf=pdf_link(page, plan.id),
    )


def report_area(page: Page, plan: Plan, area: Area) -> str:
    r = page.renderer
    title = area_title(page, plan.id, area.id).replace("# ", "## ", 1).rstrip() + f" {{ #{area.id} }}\n"
    summary = page.render(
        "report_area.html",
        area=area,
        bodies=[r.body(b) for b in area.bodies],
        notes=r.texts(area.notes),
        citation=r.citation(plan, area.source),
        area_href=r.links.to(addresses.area_page(plan.id, area.id)),
    )
    return "\n".join([title, summary, task_table_body(page, plan, area)])
