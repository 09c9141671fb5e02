"""MkDocs hooks of the search: Material's search box stays, answered by the site's own worker
(docs/javascripts/search/worker.js) from an index per language, search/<lang>.json, made here.

Material's indexer is told to skip every page (it would parse each page's HTML again, for an index with both
languages mixed and no Latvian stemming); the written pages' text is taken as they are rendered, the records'
from the model."""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import write_file

from . import links as pages
from .load import checked_site
from .macros import data_dir
from .memo import PerBuild
from .search_index import WrittenPage, documents, index_json, written_page

INDEX_FOLDER = "search"
_written: dict[str, list[WrittenPage]] = {}  # language → the pages rendered so far in its build
_plan_pages: PerBuild[frozenset[str]] = PerBuild()  # every page asks whether it is one: not a list per page


def index_path(lang: str) -> str:
    """The index file of a language, from the site's root (the worker is told the language)."""
    return f"{INDEX_FOLDER}/{lang}.json"


def start(config) -> None:
    _written[_language(config)] = []


def leave_to_worker(page) -> None:
    """Material's search plugin skips a page whose meta says so."""
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}


def collect(page, html: str, config) -> None:
    """Keep a written page's text for the index; a plan's or area's page keeps only its lead (its records come
    from the model), and pages made from the data (timeline years, sources, organisations) none."""
    site = checked_site(data_dir(config))
    docs_path = getattr(page.file, "norm_src_uri", None) or page.file.src_uri
    made_from_data = docs_path in _plan_pages.get(site, None, lambda: frozenset(pages.plan_pages(site)))
    if getattr(page.file, "generated_by", None) == "baltic_plans" and not made_from_data:
        return
    title = page.title or config["site_name"]
    _written.setdefault(_language(config), []).append(
        written_page(page.url, title, html, with_sections=not made_from_data)
    )


def publish(config) -> None:
    """Write the language's index once its pages are rendered."""
    lang = _language(config)
    site = checked_site(data_dir(config))
    docs = documents(site, lang, _written.pop(lang, []), config["use_directory_urls"])
    write_file(index_json(lang, docs), str(Path(config["site_dir"]) / index_path(lang)))


def _language(config) -> str:
    return config["theme"]["language"]  # the i18n plugin sets it for each language's build
