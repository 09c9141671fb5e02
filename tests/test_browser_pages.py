"""Every page of both languages, in a real browser: accessible (axe-core, WCAG 2.0/2.1/2.2 A and AA, light and
dark scheme on a desktop, and on the narrowest phone), private (no request leaves 127.0.0.1), without console
errors or broken links, in the right language, with absolute alternates, captioned and scoped tables, timelines as
lists of dated items, and no sideways scrolling on a phone (375 and 320 px), a desktop, or a desktop at 400 % zoom;
a box that must scroll sideways (a code listing, a five-column table) is one a keyboard reaches and, unless it is
code, a labelled region.

The pages come from the built site's sitemap.xml (its entries and their alternates) plus the 404 page; one
crawl (browser_crawl.py) reads them all and each test below checks one property over the whole site.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urlparse

import pytest

from browser_crawl import PageReport, crawl, sitemap_alternates, sitemap_pages
from conftest import SITE_URL

LANGUAGES = {"en": "en/"}  # a page's language from its path; every other page is Latvian, the default
# Valid values of <time datetime>: a year, month, date, or a period of two of them (HTML's date and duration
# strings; a period is written start/end as in the data, so the ISO 8601 interval form)
DATETIME = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


@pytest.fixture(scope="module")
def pages(built_site, published_site) -> list[str]:
    return [*sitemap_pages(built_site / "sitemap.xml", SITE_URL, published_site), published_site + "404.html"]


@pytest.fixture(scope="module")
def reports(pages, published_site) -> dict[str, PageReport]:
    origin = "{0.scheme}://{0.netloc}".format(urlparse(published_site))
    return crawl(pages, origin)


def language(url: str, root: str) -> str:
    path = url.removeprefix(root)
    return next((lang for lang, prefix in LANGUAGES.items() if path.startswith(prefix)), "lv")


def test_the_sitemap_names_every_page_of_both_languages(built_site, pages, published_site):
    written = {published_site + str(p.parent.relative_to(built_site)) + "/" for p in built_site.rglob("index.html")}
    written = {url.replace("/./", "/") for url in written}
    assert set(pages) - {published_site + "404.html"} == written
    assert {language(url, published_site) for url in written} == {"lv", "en"}


def test_every_page_has_no_accessibility_violations_in_light_and_dark_scheme(reports):
    """On a desktop in both schemes and on a 320 px phone ("phone"), tags wcag2a to wcag22aa and the experimental
    label-content-name-mismatch (a link's name holds its visible text)."""
    assert all(set(report.violations) == {"light", "dark", "phone"} for report in reports.values())
    violations = {
        f"{url} [{scheme}]": found
        for url, report in reports.items()
        for scheme, found in report.violations.items()
        if found
    }
    assert violations == {}
    assert {scheme for report in reports.values() for scheme in report.scheme.values()} == {"default", "slate"}
    assert all(report.scheme == {"light": "default", "dark": "slate"} for report in reports.values())


@pytest.mark.parametrize("path", ["", "en/", "cbss-2008/education/", "en/timeline/2008/", "404.html"])
def test_a_first_visit_follows_the_visitor_s_colour_scheme(browser, published_site, path):
    """The crawl turns each page dark by the reader's toggle; the scheme of a first visit comes from Material's
    inline script in the head, the same on every page: checked on each kind of page (written, made from the data,
    the 404 page's own template), both languages."""
    for preference, scheme in (("dark", "slate"), ("light", "default")):
        context = browser.new_context(color_scheme=preference)
        page = context.new_page()
        page.goto(published_site + path)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme, preference
        context.close()


def test_no_request_leaves_the_local_server(reports):
    assert {url: report.requests for url, report in reports.items() if report.requests} == {}


def test_no_page_violates_its_content_security_policy(reports):
    """Both schemes, every page and the 404 page (the policy itself: tests/test_csp.py)."""
    assert all(set(report.policy_violations) == {"light", "dark"} for report in reports.values())
    found = {url: report.policy_violations for url, report in reports.items() if any(report.policy_violations.values())}
    assert found == {}


def test_no_page_logs_a_console_error(reports):
    assert {url: report.console_errors for url, report in reports.items() if report.console_errors} == {}


def test_every_internal_link_and_anchor_resolves(reports, published_site):
    """Navigation, language switcher, content, assets, canonical and alternates (mapped from site_url);
    a target outside the crawl (a download) must answer 200."""
    broken, fetched = [], {}
    origin = "{0.scheme}://{0.netloc}/".format(urlparse(published_site))
    assert all(report.status == 200 for report in reports.values())
    for url, report in reports.items():
        for reference in report.references:
            if reference.startswith(SITE_URL):  # canonical URLs name the real host
                reference = published_site + reference.removeprefix(SITE_URL)
            target, anchor = urldefrag(reference)
            if not target.startswith(origin):
                continue  # another host: not ours to check here (no request leaves 127.0.0.1)
            if not target.startswith(published_site):
                broken.append(f"{url} → {reference} (outside the site's path)")
            elif target in reports:
                if anchor and anchor not in reports[target].ids:
                    broken.append(f"{url} → {reference} (no such anchor)")
            elif (status := fetched.setdefault(target, status_of(target))) != 200:
                broken.append(f"{url} → {reference} ({status})")
    assert broken == []


def test_every_page_is_in_its_language(reports, published_site):
    """The site's one 404 page is Latvian first (it is served for any missing path)."""
    wrong = {url: report.lang for url, report in reports.items() if report.lang != language(url, published_site)}
    assert wrong == {}


def test_every_page_names_its_translations_with_absolute_urls(reports, built_site, published_site):
    """hreflang alternates are in sitemap.xml, absolute (main.html says why not in each page's head); each page's
    canonical URL is its own entry, and its language switcher leads to the same pages."""
    sitemap = sitemap_alternates(built_site / "sitemap.xml")
    assert len(sitemap) == len(reports) - 1  # every page but the 404 page
    for page, alternates in sitemap.items():
        local = {lang: published_site + href.removeprefix(SITE_URL) for lang, href in alternates.items()}
        report = reports[published_site + page.removeprefix(SITE_URL)]
        assert set(alternates) == {"lv", "en"}, page
        assert all(href.startswith(SITE_URL) for href in alternates.values()), page
        assert report.canonical == page == alternates[language(report.url, published_site)]
        assert report.switcher == local, page


def test_every_page_has_a_skip_link_to_its_content(reports):
    assert {url: r.skip_link for url, r in reports.items() if not r.skip_link or r.skip_link not in r.ids} == {}


def test_every_table_has_a_caption_and_scoped_headers(reports):
    bad = [
        (url, table)
        for url, report in reports.items()
        for table in report.tables
        if not table["caption"] or table["unscoped"]
    ]
    assert bad == []
    assert sum(len(report.tables) for report in reports.values()) > 50  # the check saw the site's tables


def test_a_link_s_underline_runs_below_a_code_name_so_its_underscores_show(reports, published_site):
    struck = {url: [link["name"] for link in r.code_links if link["struck"]] for url, r in reports.items()}
    assert {url: names for url, names in struck.items() if names} == {}
    assert "status_history.csv" in {link["name"] for link in reports[published_site + "open-data/"].code_links}


def test_timelines_are_lists_of_items_with_machine_readable_dates(reports, published_site):
    timelines = [t for report in reports.values() for t in report.timelines]
    assert len(timelines) > 20
    assert all(t["tag"] in ("ol", "ul") and t["items"] and not t["not_items"] for t in timelines)
    assert all(t["dates"] == len(t["times"]) for t in timelines)  # every written date has its <time>
    assert all(DATETIME.match(value) for t in timelines for value in t["times"]), [t["times"] for t in timelines]
    assert reports[published_site + "timeline/2008/"].timelines[0]["times"]


def test_no_page_scrolls_sideways_on_a_phone_at_320_px_a_desktop_or_a_desktop_at_400_percent_zoom(reports):
    assert all(set(report.overflow) == {"mobile", "narrow", "desktop", "zoom400"} for report in reports.values())
    assert {url: report.overflow for url, report in reports.items() if any(report.overflow.values())} == {}
    assert {url: r.unscrolled_tables for url, r in reports.items() if any(r.unscrolled_tables.values())} == {}


def test_a_box_that_scrolls_sideways_is_reached_by_keyboard_and_named(reports, published_site):
    """WCAG 1.4.10 and axe's scrollable-region-focusable: a region that must scroll (a wide table in its labelled
    region, a code listing, which Material makes focusable and whose role takes no name) is one a keyboard can
    scroll. And the pages a reader meets most, and the open-data page, scroll nowhere sideways at 320 px: their tables
    read top to bottom."""
    bad = {
        f"{url} [{viewport}]": box
        for url, report in reports.items()
        for viewport, boxes in report.scroll_boxes.items()
        for box in boxes
        if not box["focusable"] or not (box["named"] or box["code"])
    }
    assert bad == {}
    read_most = ("", "cbss-2008/", "cbss-2008/education/", "cbss-2008/civil-security/", "timeline/", "places/")
    for path in (*read_most, "open-data/"):
        for prefix in ("", "en/"):
            report = reports[published_site + prefix + path]
            assert report.scroll_boxes["narrow"] == report.scroll_boxes["zoom400"] == [], report.url


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
