"""Render functions of the open-data page (docs/open-data.md): the downloads, their columns, what they leave
out, how to cite them, and the schemas."""

from __future__ import annotations

from itertools import groupby

from . import addresses, feeds, ics
from .date_text import format_day
from .edition import plain
from .render import Page
from .schema import SCHEMAS
from .tables import TABLES
from .views import count, file_size, label


def open_data_downloads(page: Page) -> str:
    """The build date and every file of the page's language, with what it holds, its size and its records."""
    r = page.renderer
    rows = [
        {
            "download": d,
            "href": r.links.file(addresses.data_file(d.name, page.lang)),
            "size": file_size(len(d.content), page.lang),
        }
        for d in page.open_data.downloads
    ]
    return page.render_macro("open_data.html", "downloads", rows=rows, built=built_on(page))


def open_data_columns(page: Page) -> str:
    """Each CSV file's columns, from the same definitions the CSV writer and datapackage.json use."""
    return page.render_macro("open_data.html", "columns", tables=TABLES, level=3)


def open_data_left_out(page: Page) -> str:
    """How many dated activities no calendar holds (dated only to the year), linking to their years' timeline
    pages, where each is listed: the list itself would grow with the data (1 MB at 100x)."""
    left_out = sorted(ics.left_out(page.site.activities()), key=lambda p: p.known_when.sort_key)
    years = [
        (year, len(list(entries)), page.renderer.links.to(addresses.timeline_page(year)))
        for year, entries in groupby(left_out, key=lambda p: p.known_when.start.year)
    ]
    return page.render_macro("open_data.html", "left_out", years=years, total=len(left_out))


def open_data_citation(page: Page) -> str:
    edition = page.open_data
    return page.render_macro(
        "open_data.html",
        "citation",
        site_name=edition.site_name,
        built=edition.built.date().isoformat(),
        url=edition.page_url(addresses.OPEN_DATA),
    )


def open_data_schemas(page: Page) -> str:
    """The JSON Schemas of the data files, published once at the site root's schema/ folder."""
    schemas = [(name, page.renderer.links.file(f"schema/{name}")) for name in SCHEMAS]
    return page.render_macro("open_data.html", "schemas", schemas=schemas)


def open_data_feeds(page: Page) -> str:
    """The Atom feeds of the page's language: every plan's, then each plan's, with their entries."""
    edition = page.open_data
    rows = [
        {
            "name": plain(plan.short_title, page.lang) if plan else label("feed_all_plans", page.lang),
            "href": page.renderer.links.file(feed.path),
            "path": feed.path,
            "entries": count(len(feed.entries), "count_feed_entries", page.lang),
            "no_report": plan is not None and not edition.site.reports.get(plan.id),
        }
        for plan, feed in feeds.listed(edition)
    ]
    return page.render_macro("open_data.html", "feeds", rows=rows)


def built_on(page: Page) -> str:
    return format_day(page.open_data.built.date(), page.lang)
