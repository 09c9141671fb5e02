"""Where each page of the site lives, per language, as a URL relative to the current page."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Final

from mkdocs.utils import get_relative_url

DEFAULT_LANGUAGE: Final = "lv"
LANGUAGE_SUFFIXES = {"lv": "", "en": ".en"}  # docs/<page>.md is Latvian, docs/<page>.en.md English

SOURCES = "sources.md"
TIMELINE = "timeline.md"
ORGANISATIONS = "organisations.md"
OPEN_DATA = "open-data.md"
PLACES = "places.md"
ACCESSIBILITY = "accessibility-statement.md"  # not accessibility.md: a plan has an area "accessibility"
PRIVACY = "privacy.md"
DATA_FOLDER = "data"  # the downloads, under each language's root: data/… (Latvian), en/data/… (English)


def plan_page(plan_id: str) -> str:
    return f"{plan_id}/index.md"


def area_page(plan_id: str, area_id: str) -> str:
    return f"{plan_id}/{area_id}.md"


def timeline_page(year: int, part: int = 1) -> str:
    """The combined timeline's page of a year (generated; see paging.py); a long year has parts 2, 3, …"""
    return f"timeline/{year}.md" if part == 1 else f"timeline/{year}-{part}.md"


def source_page(plan_id: str) -> str:
    """The page of a plan's source document: its text, line by line, and what cites it (generated)."""
    return f"sources/{plan_id}.md"


def organisation_page(org_id: str, part: int = 1) -> str:
    """An organisation's page: what it is and every task that involves it (generated; see paging.py); a long one
    has parts 2, 3, … in a folder of its own."""
    return f"organisations/{org_id}.md" if part == 1 else f"organisations/{org_id}/{part}.md"


def place_page(place_id: str, part: int = 1) -> str:
    """A place's page: the activities held or planned there (generated; see paging.py); a long one has parts 2,
    3, … in a folder of its own."""
    return f"places/{place_id}.md" if part == 1 else f"places/{place_id}/{part}.md"


def report_page(plan_id: str) -> str:
    """A plan's full report: every area's tasks in the source's layout, for reading through and printing
    (generated)."""
    return f"{plan_id}/report.md"


def changes_page(plan_id: str, report_id: str) -> str:
    """What a progress report changed against the plan's previous report (generated; see paging.py)."""
    return f"{plan_id}/reports/{report_id}.md"


def feed_file(lang: str, plan_id: str | None = None) -> str:
    """The Atom feed of every plan, or of one plan, in a language: feed.xml, feed.en.xml, feed.<plan-id>.xml,
    feed.<plan-id>.en.xml. All are in the site's root: Material's script fetches sitemap.xml beside every
    `<link rel="alternate">` of a page (the feeds' autodiscovery links too), and the root is where it is."""
    suffix = LANGUAGE_SUFFIXES[lang]
    return f"feed.{plan_id}{suffix}.xml" if plan_id else f"feed{suffix}.xml"


def in_language(site_path: str, lang: str) -> bool:
    """Whether a published file belongs to the site of one language other than the default alone: a file in its
    folder, or one of its feeds (feed_file). The default language's site holds the files they share."""
    if lang == DEFAULT_LANGUAGE:
        return False
    return site_path.startswith(f"{lang}/") or (site_path.startswith("feed.") and site_path.endswith(f".{lang}.xml"))


def plan_pdf(plan_id: str, lang: str) -> str:
    """Where the PDF of a plan's full report in a language is published, from the site's root."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return f"{prefix}{plan_id}/{plan_id}-{lang}.pdf"


def area_pages(plan) -> list[str]:
    return [area_page(plan.id, area.id) for area in plan.areas]


def record_page(plan_id: str, area_id: str | None) -> str:
    """The page a record is anchored on: its area's page, or its plan's page for a plan's background event."""
    return area_page(plan_id, area_id) if area_id else plan_page(plan_id)


def plan_pages(site) -> list[str]:
    """Every plan's page, each followed by its areas' pages, in the site's order."""
    return [path for plan in site.plans for path in (plan_page(plan.id), *area_pages(plan))]


def localized_files(docs_path: str) -> list[str]:
    """The file of a page in each language."""
    stem = docs_path.removesuffix(".md")
    return [f"{stem}{suffix}.md" for suffix in LANGUAGE_SUFFIXES.values()]


def data_behind(docs_path: str, plan_ids: Collection[str]) -> str | None:
    """The data file (or folder, ending in /) a page is made from, for its "edit the data" link."""
    folder, slash, _ = docs_path.partition("/")
    if slash and folder in plan_ids:
        return f"data/plans/{folder}.yml"
    generated = {
        "timeline": "data/plans/",
        "sources": "data/sources/",
        "organisations": "data/organisations.yml",
        "places": "data/places.yml",
    }
    if slash and folder in generated:
        return generated[folder]
    return {
        "index.md": "data/plans/",
        "timeline.md": "data/plans/",
        ORGANISATIONS: "data/organisations.yml",
        OPEN_DATA: "data/",
        SOURCES: "data/sources/",
        PLACES: "data/places.yml",
    }.get(docs_path)


def page_url(docs_path: str, lang: str, directory_urls: bool = True) -> str:
    """The site URL MkDocs (with the i18n 'suffix' structure) gives the page at `docs_path`."""
    stem = docs_path.removesuffix(".md")
    if directory_urls:
        stem = stem.removesuffix("index").rstrip("/")
        url = f"{stem}/" if stem else ""
    else:
        url = f"{stem}.html"
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return prefix + url


def data_file(name: str, lang: str) -> str:
    """Where a download of the language's export is published, from the site's root."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return f"{prefix}{DATA_FOLDER}/{name}"


@dataclass(frozen=True)
class Links:
    """Relative hrefs from the page being rendered, in that page's language."""

    lang: str
    current_url: str
    directory_urls: bool = True

    def to(self, docs_path: str, anchor: str | None = None) -> str:
        target = page_url(docs_path, self.lang, self.directory_urls)
        href = get_relative_url(target or ".", self.current_url or ".")
        if href in ("", "."):
            href = "./"
        elif self.directory_urls and not href.endswith("/") and not href.endswith(".html"):
            href += "/"
        return f"{href}#{anchor}" if anchor else href

    def file(self, site_path: str) -> str:
        """A file (not a page) at `site_path` from the site's root, e.g. data/tasks.csv."""
        return get_relative_url(site_path, self.current_url or ".")
