"""The site's search: Material's search box stays, answered by the site's own worker
(docs/javascripts/search/worker.js) from an index per language, search/<lang>.json, made here.

Material's indexer is told to skip every page (it would parse each page's HTML again, for an index with both
languages mixed and no Latvian stemming); the written pages' text is taken as they are rendered, the records'
from the model (search_index.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import write_file

from .build import Build, docs_path
from .search_index import documents, index_json, written_page
from .site_files import GENERATED_BY

INDEX_FOLDER = "search"


def index_path(lang: str) -> str:
    """The index file of a language, from the site's root (the worker is told the language)."""
    return f"{INDEX_FOLDER}/{lang}.json"


def leave_to_worker(page: MkDocsPage) -> None:
    """Material's search plugin skips a page whose meta says so."""
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}


def collect(build: Build, page: MkDocsPage, html: str) -> None:
    """Keep a written page's text for the index; a plan's or area's page keeps only its lead (its records come
    from the model), and pages made from the data (timeline years, sources, organisations) none."""
    made_from_data = docs_path(page) in build.site.index.plan_pages
    if getattr(page.file, "generated_by", None) == GENERATED_BY and not made_from_data:
        return
    title = page.title or build.config.site_name
    build.written.setdefault(build.language, []).append(
        written_page(page.url, title, html, with_sections=not made_from_data)
    )


def publish(build: Build) -> None:
    """Write the language's index once its pages are rendered."""
    lang = build.language
    docs = documents(build.site, lang, build.written.pop(lang, []), build.config.use_directory_urls)
    write_file(index_json(lang, docs), str(Path(build.config.site_dir) / index_path(lang)))
