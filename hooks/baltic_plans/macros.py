"""mkdocs-macros entry point: each macro reads the page's language when it runs and renders."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from . import place_pages, printing, render, report, slots
from .edition import BUILT, Edition
from .load import checked_site
from .render import Page

MACROS = {
    "plan_page": render.plan_page,
    "area_page": render.area_page,
    "plan_title": render.plan_title,
    "plan_overview": render.plan_overview,
    "plan_section": render.plan_section,
    "area_title": render.area_title,
    "area_summary": render.area_summary,
    "task_table": render.task_table,
    "area_timeline": render.area_timeline,
    "home_overview": render.home_overview,
    "combined_timeline": render.combined_timeline,
    "timeline_year": render.timeline_year,
    "organisations_table": render.organisations_table,
    "organisation_page": render.organisation_page,
    "sources_page": render.sources_page,
    "source_document": render.source_document,
    "open_data_downloads": render.open_data_downloads,
    "open_data_columns": render.open_data_columns,
    "open_data_left_out": render.open_data_left_out,
    "open_data_citation": render.open_data_citation,
    "open_data_schemas": render.open_data_schemas,
    "full_report": report.full_report,
    "places_map": place_pages.places_overview,
    "place_page": place_pages.place_page,
}


def data_dir(config) -> Path:
    return _data_dir_beside(config["config_file_path"])


@cache
def _data_dir_beside(config_file: str) -> Path:
    """data/ beside mkdocs.yml, resolved once: every page asks for it several times."""
    return (Path(config_file).parent / "data").resolve()


def edition(config, lang: str) -> Edition:
    """The open data of one language, as this build publishes it."""
    return Edition(
        site=checked_site(data_dir(config)),
        lang=lang,
        built=config["extra"][BUILT],
        site_name=config["site_name"],
        site_url=config.get("site_url"),
        directory_urls=config["use_directory_urls"],
    )


def define_env(env) -> None:
    def current_page() -> Page:
        page = env.page
        lang = getattr(page.file, "locale", None) or env.conf["theme"]["language"]
        return Page(
            site=checked_site(data_dir(env.conf)),
            lang=lang,
            url=page.url,
            directory_urls=env.conf["use_directory_urls"],
            path=getattr(page.file, "norm_src_uri", None) or page.file.src_uri,
            edition=edition(env.conf, lang),
            pdfs=printing.published.get(lang, {}),
        )

    def bind(function):
        def macro(*args):
            return slots.hold(function(current_page(), *args))  # the HTML skips Markdown; see slots.py

        macro.__name__ = function.__name__
        macro.__doc__ = function.__doc__
        return macro

    for name, function in MACROS.items():
        env.macro(bind(function), name)
