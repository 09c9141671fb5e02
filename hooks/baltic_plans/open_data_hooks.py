"""MkDocs hooks of the open data: publish each language's downloads, and give each page its schema.org JSON-LD."""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.structure.files import File, Files

from . import jsonld, open_data
from . import links as pages
from .edition import BUILT, build_time
from .macros import edition


def stamp_build(config) -> None:
    """Note when the build started, once for both languages (the i18n plugin reruns on_config on this config)."""
    config.extra.setdefault(BUILT, build_time())


def add_open_data(files: Files, config) -> Files:
    """Publish the open data of the language being built under its data/ folder. Every file is made in memory
    first, so an error publishes none of them; MkDocs writes them with the pages."""
    lang = config["theme"]["language"]  # the i18n plugin sets it for each language's build
    for download in open_data.downloads(edition(config, lang)):
        files.append(File.generated(config, pages.data_file(download.name, lang), content=download.content))
    return files


def linked_data(page, config) -> None:
    """Give the page its schema.org JSON-LD (page.meta.bp_jsonld), if its records have any."""
    lang = getattr(page.file, "locale", None) or config["theme"]["language"]
    docs_path = getattr(page.file, "norm_src_uri", None) or page.file.src_uri
    graph = jsonld.page_graph(edition(config, lang), docs_path)
    if graph:
        page.meta["bp_jsonld"] = Markup(jsonld.script_text(graph))  # escaped for <script> by script_text
