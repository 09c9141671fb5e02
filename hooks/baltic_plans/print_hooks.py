"""MkDocs hooks of print: publish each plan's full report as a PDF in the language being built."""

from __future__ import annotations

from mkdocs.structure.files import File, Files

from . import links as pages
from . import printing
from .load import checked_site
from .macros import data_dir, edition
from .render import Page

_serving: list[bool] = [False]


def started(command: str) -> None:
    """Note whether this is `mkdocs serve`: its rebuilds do not wait for a changed PDF (printing.report_pdf)."""
    _serving[0] = command == "serve"


def stopped() -> None:
    """When serve stops: so does the process typesetting its changed PDFs."""
    printing.stop_typesetting()


def add_pdfs(files: Files, config) -> Files:
    """Typeset (or take from the cache) every plan's PDF in the language being built; MkDocs writes them with the
    pages, and the plan pages show their sizes (printing.published)."""
    lang = config["theme"]["language"]  # the i18n plugin sets it for each language's build
    site = checked_site(data_dir(config))
    reports = [report_page(config, site, lang, plan.id) for plan in site.plans]
    with_links = [(r, r.edition.page_url(r.path) if config.get("site_url") else None) for r in reports]  # to the site
    made = {}
    for pdf in printing.report_pdfs(with_links, wait=not _serving[0]):
        files.append(File.generated(config, pdf.path, content=pdf.content))
        made[pdf.plan_id] = (pdf.path, len(pdf.content))
    printing.published[lang] = made
    return files


def report_page(config, site, lang: str, plan_id: str) -> Page:
    path = pages.report_page(plan_id)
    directory_urls = config["use_directory_urls"]
    return Page(site, lang, pages.page_url(path, lang, directory_urls), directory_urls, path, edition(config, lang))
