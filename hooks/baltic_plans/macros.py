"""The macros the pages of docs/ call ("{{ task_table() }}"): each renders its part of the page being rendered,
in that page's language. The plugin registers them with mkdocs-macros (`macros_for`)."""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.structure.pages import Page as MkDocsPage

from . import (
    area_pages,
    open_data_page,
    organisation_pages,
    place_pages,
    plan_pages,
    progress_pages,
    source_pages,
    timeline_pages,
)
from .build import Build

MACROS: dict[str, Callable[..., str]] = {
    "plan_page": plan_pages.plan_page,
    "plan_title": plan_pages.plan_title,
    "plan_overview": plan_pages.plan_overview,
    "plan_section": plan_pages.plan_section,
    "plan_reports": progress_pages.plan_reports,
    "area_title": area_pages.area_title,
    "area_summary": area_pages.area_summary,
    "task_table": area_pages.task_table,
    "area_timeline": area_pages.area_timeline,
    "home_overview": plan_pages.home_overview,
    "combined_timeline": timeline_pages.combined_timeline,
    "organisations_table": organisation_pages.organisations_table,
    "sources_page": source_pages.sources_page,
    "open_data_downloads": open_data_page.open_data_downloads,
    "open_data_columns": open_data_page.open_data_columns,
    "open_data_left_out": open_data_page.open_data_left_out,
    "open_data_citation": open_data_page.open_data_citation,
    "open_data_schemas": open_data_page.open_data_schemas,
    "open_data_feeds": open_data_page.open_data_feeds,
    "places_map": place_pages.places_overview,
}


def macros_for(current: Callable[[], tuple[Build, MkDocsPage]]) -> dict[str, Callable[..., str]]:
    """Each macro, bound to the build and page that `current()` says are being rendered."""

    def bind(function: Callable[..., str]) -> Callable[..., str]:
        def macro(*args: object) -> str:
            build, page = current()
            return build.slots.hold(function(build.page(page), *args))  # the HTML skips Markdown; see slots.py

        macro.__name__ = function.__name__
        macro.__doc__ = function.__doc__
        return macro

    return {name: bind(function) for name, function in MACROS.items()}
