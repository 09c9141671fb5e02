"""The site's navigation: a "Plans" section made from the data, titled in each language, pruned to the page's
own plan when there are many, and the footer's links."""

from __future__ import annotations

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page as MkDocsPage

from . import addresses
from .build import page_language
from .model import Lang, Site
from .views import clean, label

PLANS_SECTION = "bp-plans"  # a placeholder title; name_sections() names it in each language
NAV_PLANS_LISTED = 8  # with more plans, a page's navigation holds its own plan and a link to all of them
# our own attributes on MkDocs' objects: the plans' section's language, the navigation's files (in_navigation)
PLANS_LANG = "bp_plans"
LISTED = "bp_listed"


def with_plans(nav: list, site: Site) -> list:
    """The configured navigation with a "Plans" section after the home page: a section per plan, holding the
    plan's page and its areas' pages. With Material's navigation.prune, a page's HTML lists the other plans
    as one link each, so the navigation on every page grows with the number of plans, not of all pages."""
    plans = [{plan.id: [addresses.plan_page(plan.id), *addresses.area_pages(plan)]} for plan in site.plans]
    configured = [item for item in nav if not (isinstance(item, dict) and PLANS_SECTION in item)]
    return [*configured[:1], {PLANS_SECTION: plans}, *configured[1:]]  # once: on_config runs for each language


def name_sections(nav: Navigation, site: Site) -> None:
    """Title the plans' sections in the language being built: "Plāni" / "Plans", and each plan's short title."""
    for item in nav.items:
        if isinstance(item, Section) and item.title == PLANS_SECTION:
            first_plan = item.children[0]
            assert isinstance(first_plan, Section)  # with_plans() made a section per plan, the plan's page first
            first_page = next(iter(first_plan.children))
            assert isinstance(first_page, MkDocsPage)
            lang = page_language(first_page)
            item.title = label("plans", lang)
            setattr(item, PLANS_LANG, lang)
            for plan_section in item.children:  # Material writes a title as HTML, as page titles (from headings) are
                assert isinstance(plan_section, Section)
                plan_section.title = str(escape(clean(site.plan(plan_section.title).short_title(lang))))


def page_nav(nav: Navigation, site: Site) -> Navigation:
    """The navigation the page being rendered shows. MkDocs renders the navigation into every page, so with many
    plans (more than NAV_PLANS_LISTED) listing each would make every page grow with the number of plans, and the
    build with its square: the "Plans" section then holds the page's own plan (its areas under it) and a link to
    all plans on the home page."""
    plans = next((item for item in nav.items if getattr(item, PLANS_LANG, None)), None)
    count = len(site.plans)
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


def in_navigation(page: MkDocsPage, nav: Navigation) -> bool:
    """Whether the page is one of the navigation's pages, for the table of contents' title (partials/toc.html).
    Material's template asks `page in nav.pages`, which compares the page with each page of the navigation, on
    every page: the build grew with pages times plans. The navigation's files are a set, made once per build."""
    listed = getattr(nav, LISTED, None)
    if listed is None:
        listed = frozenset(listed_page.file.src_uri for listed_page in nav.pages)
        setattr(nav, LISTED, listed)
    return page.file.src_uri in listed


def relative_home_switcher(page: MkDocsPage, config: MkDocsConfig) -> None:
    """On the home pages the i18n plugin links the other language absolutely (site_url's path);
    make those links site-relative like on every other page, so the site works on any host or subpath."""
    if not page.file.src_uri.startswith("index."):  # index.md, index.en.md
        return
    for alternate in getattr(config.extra, "alternate", None) or []:
        lang = alternate["lang"]
        alternate["link"] = addresses.page_url("index.md", lang, config.use_directory_urls) or "."


# The editor's guide is for editors, not readers: linked from every page's footer, not in the main navigation.
FOOTER_PAGES = (
    (addresses.ACCESSIBILITY, "accessibility_statement"),
    (addresses.PRIVACY, "privacy"),
    ("editing.md", "editors_guide"),
)


def footer_links(lang: Lang, directory_urls: bool = True) -> list[tuple[str, str]]:
    """The accessibility statement and the privacy page in `lang`: (URL from the site's root, link text).
    A Jinja global of the theme (on_env), for the footer of every page, the 404 page too."""
    return [(addresses.page_url(path, lang, directory_urls), label(key, lang)) for path, key in FOOTER_PAGES]
