"""The files a build adds to those of docs/: the source texts, the pages made from the data, each language's
downloads and PDFs. Everything is made in memory first, so a failure publishes none of it; MkDocs writes the
files with the pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from . import (
    addresses,
    feeds,
    organisation_pages,
    place_pages,
    progress_pages,
    render,
    report,
    source_pages,
    timeline_pages,
)
from .build import Build
from .load import SOURCES_DIR
from .paging import Generated, generated_pages
from .printing import Printer

GENERATED_BY = "baltic_plans"  # File.generated_by of the pages made from the data
# The page made from its record, without a Markdown source: the macros plugin leaves it alone
RENDERED_FROM_DATA = "---\nrender_macros: false\n---\n"
RENDER = "bp_render"  # our own attribute on MkDocs' File of a page made from the data: its key in RENDERERS
RENDERERS: dict[str, Callable[[render.Page], str]] = {
    "timeline_year": timeline_pages.timeline_year,
    "source_document": source_pages.source_document,
    "organisation_page": organisation_pages.organisation_page,
    "full_report": report.full_report,
    "place_page": place_pages.place_page,
    "report_changes": progress_pages.report_changes_page,
}


def add_source_files(files: Files, config: MkDocsConfig, data_dir: Path) -> Files:
    """Publish data/sources/*.txt once at sources/<name>, so the originals can be downloaded."""
    for path in sorted((data_dir / SOURCES_DIR).glob("*.txt")):
        uri = f"{SOURCES_DIR}/{path.name}"
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def add_generated_pages(files: Files, config: MkDocsConfig, build: Build) -> Files:
    """Add the pages made from the data (paging.py) in each language, as if they were files in docs/.

    mkdocs-static-i18n rebuilds every file of docs/ from its path (dropping in-memory content) to sort the
    languages, alternates and sitemap; so these are added as plain docs/ files and get their content back
    after it has run (fill_generated_pages, on_nav)."""
    for localized in _generated(build):
        if files.get_file_from_path(localized) is None:
            files.append(File(localized, config["docs_dir"], config["site_dir"], config["use_directory_urls"]))
    return files


def fill_generated_pages(files: Files, build: Build) -> None:
    generated = _generated(build)
    for file in files.documentation_pages():
        if file.src_uri in generated and not Path(file.abs_src_path or "").is_file():
            made = generated[file.src_uri]
            file.content_string = made.markdown if made.render is None else RENDERED_FROM_DATA
            file.generated_by = GENERATED_BY
            setattr(file, RENDER, made.render)
            if file.page is not None:
                file.page.edit_url = None  # there is no file in docs/ to edit; the data link remains


def rendered_page(markdown: str, page: MkDocsPage, build: Build) -> str:
    """A page made from its record (a year, a source, an organisation, a place, a plan's report): its Markdown,
    rendered here; every other page's, as it is."""
    kind = getattr(page.file, RENDER, None)
    if kind is None:
        return markdown
    return build.slots.hold(RENDERERS[kind](build.page(page))) + "\n"  # its HTML skips Markdown (slots.py)


def _generated(build: Build) -> dict[str, Generated]:
    """docs/ file (with the language suffix) → each generated page."""
    return {
        localized: made
        for path, made in generated_pages(build.site).items()
        for localized in addresses.localized_files(path)
    }


def add_downloads(files: Files, config: MkDocsConfig, build: Build) -> Files:
    """Publish the open data of the language being built under its data/ folder."""
    lang = build.language
    for download in build.edition(lang).downloads:
        files.append(File.generated(config, addresses.data_file(download.name, lang), content=download.content))
    return files


def add_feeds(files: Files, config: MkDocsConfig, build: Build) -> Files:
    """Publish the Atom feeds of the language being built: every plan's and each plan's (feeds.py)."""
    for path, content in feeds.feeds(build.edition(build.language)).items():
        files.append(File.generated(config, path, content=content))
    return files


def add_pdfs(files: Files, config: MkDocsConfig, build: Build, printer: Printer) -> Files:
    """Typeset (or take from the cache) every plan's PDF in the language being built; the plan pages show their
    sizes (build.pdfs)."""
    lang = build.language
    edition = build.edition(lang)
    reports = []
    for plan in build.site.plans:
        path = addresses.report_page(plan.id)
        page = build.page_at(path, lang, addresses.page_url(path, lang, config.use_directory_urls))
        reports.append((page, edition.page_url(path) if config.site_url else None))  # links to the site
    made = {}
    for pdf in printer.report_pdfs(reports):
        files.append(File.generated(config, pdf.path, content=pdf.content))
        made[pdf.plan_id] = (pdf.path, len(pdf.content))
    build.pdfs[lang] = made
    return files
