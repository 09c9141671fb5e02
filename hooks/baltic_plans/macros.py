"""mkdocs-macros entry point: each macro reads the page's language when it runs and renders."""

from __future__ import annotations

from pathlib import Path

from . import render, slots
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
}


def data_dir(config) -> Path:
    return Path(config["config_file_path"]).parent / "data"


def define_env(env) -> None:
    def current_page() -> Page:
        page = env.page
        return Page(
            site=checked_site(data_dir(env.conf)),
            lang=getattr(page.file, "locale", None) or env.conf["theme"]["language"],
            url=page.url,
            directory_urls=env.conf["use_directory_urls"],
            path=getattr(page.file, "norm_src_uri", None) or page.file.src_uri,
        )

    def bind(function):
        def macro(*args):
            return slots.hold(function(current_page(), *args))  # the HTML skips Markdown; see slots.py

        macro.__name__ = function.__name__
        macro.__doc__ = function.__doc__
        return macro

    for name, function in MACROS.items():
        env.macro(bind(function), name)
