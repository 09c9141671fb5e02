"""MkDocs hooks: stop the build on bad data before anything is written; put the plans in the navigation;
publish the sources; give each page its "edit the data" link."""

from __future__ import annotations

import logging
import os
from functools import cache
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section

from . import links as pages
from . import paging
from .docs_check import stray_pages
from .errors import DataErrors
from .load import SOURCES_DIR, check_data, checked_site
from .macros import data_dir
from .views import clean, label

log = logging.getLogger("mkdocs.plugins.baltic_plans")


def validate(config) -> None:
    """Raise PluginError with every data problem; called from on_config, before the site folder is touched.

    Then put every plan's pages into the navigation, so a new plan needs no change to mkdocs.yml."""
    result = check_data(data_dir(config))
    for warning in result.warnings:  # shown, but not fatal under --strict: the data may be right
        log.info(str(warning))
    errors = result.errors or stray_pages(Path(config["docs_dir"]), result.site)
    if errors:
        raise PluginError(str(DataErrors(errors)))
    config["nav"] = with_plans(config["nav"] or [], result.site)
    repository_base(config)  # fail now, not on the first page, if edit_uri cannot point at data/
    say_if_placeholder_addresses(config)


PLACEHOLDER_HOSTS = ("example.github.io", "github.com/example/")


def say_if_placeholder_addresses(config) -> None:
    """Canonical links, edit links, the CSV's url column and "how to cite" are made from site_url and repo_url:
    a build with mkdocs.yml's placeholders says so, and fails where the addresses must be real (the deploy, which
    sets them). The accessibility statement's contact e-mail is the publisher's to set: its placeholder is said."""
    urls = {key: config.get(key) or "" for key in ("site_url", "repo_url")}
    email = (config.get("extra") or {}).get("contact_email") or ""
    placeholders = [f"{key}={value}" for key, value in urls.items() if any(h in value for h in PLACEHOLDER_HOSTS)]
    if email.endswith("@example.org"):
        log.info(f"placeholder contact e-mail in mkdocs.yml ({email}): set CONTACT_EMAIL (a repository variable)")
    if not placeholders:
        return
    message = (
        f"placeholder address in mkdocs.yml ({', '.join(placeholders)}): links to the published site and to the "
        "repository will point there; set SITE_URL and REPO_URL, as the deploy workflow does"
    )
    if os.environ.get("REQUIRE_REAL_URLS") == "1":
        raise PluginError(message)
    log.info(message)


def compile_each_page_source_once(config) -> None:
    """mkdocs-macros compiles each page's Markdown as a template; the pages made from the data share a handful of
    sources ("{{ organisation_page() }}"), so each distinct source is compiled once per build and language."""
    jinja = config.plugins["macros"].env
    jinja.from_string = cache(jinja.from_string)


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
    plan_ids = checked_site(data_dir(config)).plans_by_id.keys()
    data = pages.data_behind(getattr(page.file, "norm_src_uri", None) or page.file.src_uri, plan_ids)
    if data is None:
        return
    href = base + data if not data.endswith("/") else base.replace("/edit/", "/tree/", 1) + data
    lang = getattr(page.file, "locale", None) or pages.DEFAULT_LANGUAGE
    page.meta["bp_edit_data"] = {"href": href, "path": data, "label": label("edit_data", lang)}


PLANS_SECTION = "bp-plans"  # a placeholder title; name_sections() names it in each language
NAV_PLANS_LISTED = 8  # with more plans, a page's navigation holds its own plan and a link to all of them


def with_plans(nav: list, site) -> list:
    """The configured navigation with a "Plans" section after the home page: a section per plan, holding the
    plan's page and its areas' pages. With Material's navigation.prune, a page's HTML lists the other plans
    as one link each, so the navigation on every page grows with the number of plans, not of all pages."""
    plans = [{plan.id: [pages.plan_page(plan.id), *pages.area_pages(plan)]} for plan in site.plans]
    configured = [item for item in nav if not (isinstance(item, dict) and PLANS_SECTION in item)]
    return [*configured[:1], {PLANS_SECTION: plans}, *configured[1:]]  # once: on_config runs for each language


def name_sections(nav, config) -> None:
    """Title the plans' sections in the language being built: "Plāni" / "Plans", and each plan's short title."""
    site = checked_site(data_dir(config))
    for item in nav.items:
        if isinstance(item, Section) and item.title == PLANS_SECTION:
            lang = _language(item)
            item.title = label("plans", lang)
            item.bp_plans = lang
            for plan_section in item.children:  # Material writes a title as HTML, as page titles (from headings) are
                plan_section.title = str(escape(clean(site.plan(plan_section.title).short_title(lang))))


def page_nav(nav: Navigation, config) -> Navigation:
    """The navigation the page being rendered shows. MkDocs renders the navigation into every page, so with many
    plans (more than NAV_PLANS_LISTED) listing each would make every page grow with the number of plans, and the
    build with its square: the "Plans" section then holds the page's own plan (its areas under it) and a link to
    all plans on the home page."""
    plans = next((item for item in nav.items if getattr(item, "bp_plans", None)), None)
    count = len(checked_site(data_dir(config)).plans)
    if plans is None or count <= NAV_PLANS_LISTED:
        return nav
    own_plan = [plan for plan in plans.children if plan.active]
    home = (nav.homepage.url if nav.homepage else "") or "./"  # "./": the site root, with its slash
    all_plans = Link(label("nav_all_plans", plans.bp_plans, count=str(count)), home)
    shown = Section(plans.title, [*own_plan, all_plans])
    shown.active = plans.active
    shown_nav = Navigation([shown if item is plans else item for item in nav.items], [])
    shown_nav.pages, shown_nav.homepage = nav.pages, nav.homepage  # as found once: MkDocs looks through every page
    return shown_nav


def in_navigation(page, nav: Navigation) -> bool:
    """Whether the page is one of the navigation's pages, for the table of contents' title (partials/toc.html).
    Material's template asks `page in nav.pages`, which compares the page with each page of the navigation, on
    every page: the build grew with pages times plans. The navigation's files are a set, made once per build."""
    listed = getattr(nav, "bp_listed", None)
    if listed is None:
        listed = nav.bp_listed = frozenset(listed_page.file.src_uri for listed_page in nav.pages)
    return page.file.src_uri in listed


def _language(section: Section) -> str:
    first_page = next(iter(section.children[0].children))
    return getattr(first_page.file, "locale", None) or pages.DEFAULT_LANGUAGE


def add_source_files(files: Files, config) -> Files:
    """Publish data/sources/*.txt once at sources/<name>, so the originals can be downloaded."""
    for path in sorted((data_dir(config) / SOURCES_DIR).glob("*.txt")):
        uri = f"{SOURCES_DIR}/{path.name}"
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def add_generated_pages(files: Files, config) -> Files:
    """Add the pages made from the data (paging.py) in each language, as if they were files in docs/.

    mkdocs-static-i18n rebuilds every file of docs/ from its path (dropping in-memory content) to sort the
    languages, alternates and sitemap; so these are added as plain docs/ files and get their Markdown back
    after it has run (fill_generated_pages, on_nav)."""
    for localized in _generated_markdown(config):
        if files.get_file_from_path(localized) is None:
            files.append(File(localized, config["docs_dir"], config["site_dir"], config["use_directory_urls"]))
    return files


def fill_generated_pages(files: Files, config) -> None:
    markdown = _generated_markdown(config)
    for file in files.documentation_pages():
        if file.src_uri in markdown and not Path(file.abs_src_path or "").is_file():
            file.content_string = markdown[file.src_uri]
            file.generated_by = "baltic_plans"
            if file.page is not None:
                file.page.edit_url = None  # there is no file in docs/ to edit; the data link remains


def _generated_markdown(config) -> dict[str, str]:
    """docs/ file (with the language suffix) → Markdown, for every generated page."""
    site = checked_site(data_dir(config))
    return {
        localized: markdown
        for path, markdown in paging.generated_pages(site).items()
        for localized in pages.localized_files(path)
    }


def relative_home_switcher(page, config) -> None:
    """On the home pages the i18n plugin links the other language absolutely (site_url's path);
    make those links site-relative like on every other page, so the site works on any host or subpath."""
    if not page.file.src_uri.startswith("index."):  # index.md, index.en.md
        return
    for alternate in getattr(config.extra, "alternate", None) or []:
        lang = alternate["lang"]
        alternate["link"] = pages.page_url("index.md", lang, config.use_directory_urls) or "."


def footer_links(lang: str, directory_urls: bool = True) -> list[tuple[str, str]]:
    """The accessibility statement and the privacy page in `lang`: (URL from the site's root, link text).
    A Jinja global of the theme (on_env), for the footer of every page, the 404 page too."""
    return [(pages.page_url(path, lang, directory_urls), label(key, lang)) for path, key in FOOTER_PAGES]


# The editor's guide is for editors, not readers: linked from every page's footer, not in the main navigation.
FOOTER_PAGES = (
    (pages.ACCESSIBILITY, "accessibility_statement"),
    (pages.PRIVACY, "privacy"),
    ("editing.md", "editors_guide"),
)


def only_one_404_page(output: str, template_name: str, config) -> str:
    """Hosts serve the site's root 404.html for any missing path, so there is one, in the default language (it
    says the same in English). The i18n plugin builds every language into the same folder, and the last one
    built would overwrite it with its language and the last page's language switcher; an empty output is not
    written."""
    if template_name == "404.html" and config.theme["language"] != pages.DEFAULT_LANGUAGE:
        return ""
    return output


# Material's markup that the HTML standard does not allow, each with what conforms and does the same
NONCONFORMING_MARKUP = (
    # "autocomplete" applies to text-like inputs, not checkboxes (Material sets it on its drawer and search
    # toggles so that Firefox does not restore them checked)
    (' type="checkbox" id="__drawer" autocomplete="off">', ' type="checkbox" id="__drawer">'),
    (' type="checkbox" id="__search" autocomplete="off">', ' type="checkbox" id="__search">'),
    # a section label of the navigation, not focusable, gets an empty tabindex; no attribute means the same
    (' tabindex="">', ">"),
)


def page_language(page) -> str:
    """The language of a page, as the i18n plugin set it on its file."""
    return getattr(page.file, "locale", None) or pages.DEFAULT_LANGUAGE


def headings_in_page_language(page, config) -> None:
    """The heading anchors' tooltip ("Permanent link") in the page's language: MkDocs makes each page's Markdown
    converter from the configuration when it renders the page, after this event."""
    toc = config["mdx_configs"].setdefault("toc", {})
    toc["permalink_title"] = label("heading_permalink", page_language(page))


def conforming_markup(html: str) -> str:
    """The page with Material's non-conforming attributes replaced (NONCONFORMING_MARKUP)."""
    for found, conforming in NONCONFORMING_MARKUP:
        html = html.replace(found, conforming)
    return html


SEARCH_DIALOG = 'data-md-component="search" role="dialog">'


def name_search_dialog(html: str, page) -> str:
    """Material's search is a dialog without a name (Lighthouse's aria-dialog-name); name it in the page's language."""
    lang = page_language(page)
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG.replace(">", f' aria-label="{label("search_dialog", lang)}">'))
