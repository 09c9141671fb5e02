"""Render functions of progress over time: a plan's progress reports on its page (each with its status counts,
and a chart of them over time), and the page of what each later report changed (docs path
`<plan-id>/reports/<report-id>.md`, made by paging.py)."""

from __future__ import annotations

from collections import Counter

from . import addresses, charts
from .date_text import format_plan_date
from .edition import plain
from .model import Placed, Plan, SourceDocument, Status
from .progress import ProgressReport, Step
from .render import Page, titled
from .source_pages import download_href
from .views import STATUSES, Counts, label, shorten


def plan_reports(page: Page, plan_id: str | None = None) -> str:
    """The plan's progress reports: a table of their dates, sources and status counts, and the counts over time as
    a chart; a plain sentence for a plan with none."""
    plan = page.site.plan(plan_id or page.own_plan())
    reports = page.site.reports.get(plan.id, ())
    rows = [report_row(page, plan, report) for report in reports]
    chart = charts.progress_chart(page.renderer, plan, rows, f"bp-progress-{plan.id}") if len(rows) > 1 else None
    caption = label("progress_reports_caption", page.lang, plan=plain(plan.short_title, page.lang))
    return page.render_macro("progress.html", "reports", rows=rows, chart=chart, caption=caption, level=2)


def report_row(page: Page, plan: Plan, report: ProgressReport) -> dict:
    statuses = Counter(
        step.status.value
        for placed in page.site.activities(plan)
        for step in page.site.history.get(placed.activity.id, ())
        if step.report.id == report.id
    )
    counts = Counts(0, {status.value: statuses.get(status.value, 0) for status in STATUSES})
    href = page.renderer.links.to(addresses.changes_page(plan.id, report.id)) if not report.first else None
    return {
        "report": report,
        "label": label("report_number", page.lang, number=report.number),
        "title": plain(report.title, page.lang) if report.title else None,
        "as_of": format_plan_date(report.as_of, page.lang),
        "counts": counts,
        "source": source_link(page, plan, report.source),
        "changes_href": href,
    }


def source_link(page: Page, plan: Plan, source: SourceDocument) -> dict:
    """A report's document: its lines on the plan's source page, or the file itself if it is another document."""
    lines = source.lines or "1"
    if source.file == plan.source.file:
        citation = page.renderer.citation(plan, lines)
        return {"href": citation.href, "text": citation.label}
    return {"href": download_href(page, source.file), "text": source.file}


def report_changes_page(page: Page) -> str:
    """The page of what a progress report changed against the plan's previous report."""
    plan_id, _, rest = page.path.partition("/reports/")
    plan = page.site.plan(plan_id)
    report_id = rest.removesuffix(".md")
    found = [c for c in page.site.changes.get(plan.id, ()) if c.report.id == report_id]
    if not found:
        raise LookupError(f"docs/{page.path}: plan '{plan.id}' has no later report '{report_id}'")
    changes = found[0]
    reports = page.site.reports[plan.id]
    previous = next((r for r in reversed(reports) if r.number < changes.report.number), None)
    placed = {p.activity.id: p for p in page.site.activities(plan)}
    as_of = format_plan_date(changes.report.as_of, page.lang)
    title = label(
        "changes_title", page.lang, plan=plain(plan.short_title, page.lang), number=changes.report.number, date=as_of
    )
    html = page.render_macro(
        "progress.html",
        "changes",
        changes=changes,
        row=report_row(page, plan, changes.report),
        previous=report_row(page, plan, previous) if previous else None,
        plan_href=page.renderer.links.to(addresses.plan_page(plan.id)),
        added=[entry(page, placed[a], step) for a, step in changes.added],
        changed=[
            (status_word(page, before), status_word(page, after), [entry(page, placed[a], step) for a, step in items])
            for (before, after), items in changes.changed.items()
        ],
        moved=[entry(page, placed[a], step) for a, step in changes.moved],
        unchanged=changes.unchanged,
        note=plain(changes.report.note, page.lang) if changes.report.note else None,
    )
    return titled(title, html)


def entry(page: Page, placed: Placed, step: Step) -> dict:
    """One activity on a "what changed" page: its status and date as of the report, and why."""
    r = page.renderer
    view = r.activity(placed)
    return {
        "view": view,
        "status": step.status.value,
        "status_label": status_word(page, step.status),
        "text": shorten(view.text, 160),
        "date": format_plan_date(step.date, page.lang) if step.date else None,
        "before": format_plan_date(step.date_before, page.lang) if step.date_before else None,
        "note": r.texts([step.note])[0] if step.note else None,
    }


def status_word(page: Page, status: Status) -> str:
    return label(f"status_{status.value}", page.lang)
