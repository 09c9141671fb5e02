"""Render functions of the plans: a plan's page (docs/<plan-id>/index.md), its overview and sections, and the
home page's overview of every plan."""

from __future__ import annotations

from . import addresses, charts, ics, open_data
from .area_pages import counts_caption
from .date_text import format_plan_date
from .model import Placed, Plan
from .progress_pages import plan_reports
from .render import Page, heading
from .views import clean, file_size, label

SECTIONS = ("purpose", "background", "framework")


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
    overview = summary + plan_overview(page, plan_id)
    return "\n".join([plan_title(page, plan_id), overview, plan_reports(page, plan_id), *filter(None, sections)])


def plan_title(page: Page, plan_id: str) -> str:
    return heading(page.site.plan(plan_id).short_title(page.lang))


def plan_overview(page: Page, plan_id: str) -> str:
    r = page.renderer
    plan = page.site.plan(plan_id)
    areas = [
        {"area": a, "href": r.links.to(addresses.area_page(plan.id, a.id)), "counts": r.area_counts(plan, a)}
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
        open_data_href=r.links.to(addresses.OPEN_DATA),
        report_href=r.links.to(addresses.report_page(plan.id)),
        pdf=pdf_link(page, plan.id),
    )


def plan_facts(page: Page, plan: Plan) -> dict:
    """What a plan's page and its full report both state: as of when, the period, the source and the notes."""
    return {
        "as_of": format_plan_date(plan.as_of, page.lang) if plan.as_of else None,
        "last_changed": page.last_change(plan.id),  # read by _parts.html's plan_facts from the caller's context
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
    return [(name.rpartition("/")[2], page.renderer.links.file(addresses.data_file(name, page.lang))) for name in names]


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


def home_overview(page: Page) -> str:
    r = page.renderer
    plans = [
        {
            "plan": plan,
            "href": r.links.to(addresses.plan_page(plan.id)),
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
