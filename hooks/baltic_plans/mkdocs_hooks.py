"""MkDocs hooks: stop the build on bad data before anything is written; put the plans in the navigation;
publish the sources; give each page its "edit the data" link."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from . import links as pages
from .errors import DataErrors
from .load import SOURCES_DIR, check_data, load_site
from .macros import data_dir
from .views import label

log = logging.getLogger("mkdocs.plugins.baltic_plans")


def validate(config) -> None:
    """Raise PluginError with every data problem; called from on_config, before the site folder is touched.

    Then put every plan's pages into the navigation, so a new plan needs no change to mkdocs.yml."""
    result = check_data(data_dir(config))
    for warning in result.warnings:  # shown, but not fatal under --strict: the data may be right
        log.info(str(warning))
    if result.errors:
        raise PluginError(str(DataErrors(result.errors)))
    docs = Path(config["docs_dir"])
    missing = [
        f"docs/{localized}"
        for path in pages.plan_pages(result.site)
        for localized in pages.localized_files(path)
        if not (docs / localized).is_file()
    ]
    if missing:
        raise PluginError(
            f"every plan and area needs a page in each language; missing: {', '.join(missing)} "
            "(a plan's page holds {{ plan_page() }}, an area's page {{ area_page() }})"
        )
    config["nav"] = with_plans(config["nav"] or [], result.site)
    repository_base(config)  # fail now, not on the first page, if edit_uri cannot point at data/


def repository_base(config) -> str | None:
    """The repository URL up to the branch ('…/edit/main/'), from repo_url and edit_uri; None without them."""
    if not config.get("repo_url") or not config.get("edit_uri"):
        return None
    docs = Path(config["docs_dir"]).name + "/"
    edit_uri = config["edit_uri"]
    if not edit_uri.endswith(docs):
        raise PluginError(f"edit_uri '{edit_uri}' must end with '{docs}' (e.g. 'edit/main/{docs}')")
    return config["repo_url"].rstrip("/") + "/" + edit_uri.removesuffix(docs)


def edit_data_link(page, config) -> None:
    """Give the page an "edit the data" link to the data file it is made from (page.meta.bp_edit_data)."""
    base = repository_base(config)
    if base is None:
        return
    plan_ids = {plan.id for plan in load_site(data_dir(config)).plans}
    data = pages.data_behind(getattr(page.file, "norm_src_uri", None) or page.file.src_uri, plan_ids)
    if data is None:
        return
    href = base + data if not data.endswith("/") else base.replace("/edit/", "/tree/", 1) + data
    lang = getattr(page.file, "locale", None) or pages.DEFAULT_LANGUAGE
    page.meta["bp_edit_data"] = {"href": href, "path": data, "label": label("edit_data", lang)}


def with_plans(nav: list, site) -> list:
    """The configured navigation with each plan's page and its areas' pages after the home page."""
    return [*nav[:1], *pages.plan_pages(site), *nav[1:]]


def add_source_files(files: Files, config) -> Files:
    """Publish data/sources/*.txt once at sources/<name>, so the originals can be downloaded."""
    for path in sorted((data_dir(config) / SOURCES_DIR).glob("*.txt")):
        uri = f"{SOURCES_DIR}/{path.name}"
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def relative_home_switcher(page, config) -> None:
    """On the home pages the i18n plugin links the other language absolutely (site_url's path);
    make those links site-relative like on every other page, so the site works on any host or subpath."""
    if not page.file.src_uri.startswith("index."):  # index.md, index.en.md
        return
    for alternate in getattr(config.extra, "alternate", None) or []:
        lang = alternate["lang"]
        alternate["link"] = "." if lang == pages.DEFAULT_LANGUAGE else f"{lang}/"
