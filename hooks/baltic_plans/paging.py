"""Pages made from the data rather than written in docs/: the combined timeline a page per year (split further
when a year is long), a page per source document, per organisation, per place with activities, and each plan's
full report. Their number follows the data, so
no page grows with it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import groupby

from . import links
from .model import Placed, Site
from .places import activities_by_place

TIMELINE_PAGE_SIZE = 150  # entries per page, ≈1.5 KB of HTML each: a timeline page stays far below 1 MB


@dataclass(frozen=True)
class TimelinePage:
    year: int
    part: int  # 1-based; a year with more than TIMELINE_PAGE_SIZE entries has several parts
    parts: int
    entries: tuple[Placed, ...]

    @property
    def path(self) -> str:
        return links.timeline_page(self.year, self.part)


_last: list[tuple[Site, int, list[TimelinePage]]] = []  # every timeline page of a build asks: sort once per site


def timeline_pages(site: Site) -> list[TimelinePage]:
    """Every dated activity of every plan, oldest first, in pages by year."""
    if _last and _last[0][0] is site and _last[0][1] == TIMELINE_PAGE_SIZE:
        return _last[0][2]
    result = _timeline_pages(site)
    _last[:] = [(site, TIMELINE_PAGE_SIZE, result)]
    return result


def _timeline_pages(site: Site) -> list[TimelinePage]:
    dated = sorted((p for p in site.activities() if p.activity.date), key=lambda p: p.activity.date.sort_key)
    result: list[TimelinePage] = []
    for year, entries in groupby(dated, key=lambda p: p.activity.date.start.year):
        entries = tuple(entries)
        parts = math.ceil(len(entries) / TIMELINE_PAGE_SIZE)
        size = math.ceil(len(entries) / parts)  # parts of even length
        for part in range(parts):
            result.append(TimelinePage(year, part + 1, parts, entries[part * size : (part + 1) * size]))
    return result


def timeline_page(site: Site, path: str) -> TimelinePage:
    for page in timeline_pages(site):
        if page.path == path:
            return page
    raise LookupError(f"docs/{path} is not a page of the timeline (no dated activity in that year or part)")


def generated_pages(site: Site) -> dict[str, str]:
    """docs/ path (without the language suffix) → the Markdown of each page made from the data."""
    pages = {page.path: "{{ timeline_year() }}\n" for page in timeline_pages(site)}
    pages |= {links.source_page(plan.id): "{{ source_document() }}\n" for plan in site.plans}
    pages |= {links.organisation_page(org_id): "{{ organisation_page() }}\n" for org_id in site.organisations}
    pages |= {links.report_page(plan.id): "{{ full_report() }}\n" for plan in site.plans}
    pages |= {links.place_page(place_id): "{{ place_page() }}\n" for place_id in activities_by_place(site)}
    return pages
