"""The Atom feeds: one of every plan and one per plan, in each language, read by a real feed parser (feedparser).

The site is the frozen data with the progress fixture (tests/fixtures/progress: the plan harbour-2033 and its three
reports) on top, and one hostile note; it is built twice, at two build times. Every expected title, date and count
below is written by hand from the fixture's YAML."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import html5lib
import pytest

from conftest import SITE_URL, Project, progress_project

LANGUAGES = {"lv": "", "en": "en/"}
ATOM = "{http://www.w3.org/2005/Atom}"
PAYLOAD = '</title><script>alert("feed")</script> ]]> <![CDATA[x]]> & "quoted" \'single\''
THIRD_CHANGE = "      - activity: harbour-staff-course-2032-05\n        status: done\n"

HARBOUR = {  # the plan's feed, newest first: each report, then what it changed in the plan's order
    "en": [
        "Progress report of 15 December 2032: Harbour Plan 2033",
        "Planned → done: A training course is planned for May 2032.",
        "Progress report of 1 July 2032: Harbour Plan 2033",
        "Planned → ongoing: A common collection scheme is planned for spring 2032.",
        "Ongoing → done: A handbook for harbour masters is being written.",
        "New activity (status: done): A joint exercise of the harbours was held in June 2032.",
        "Date May 2032 → September 2032: A training course is planned for May 2032.",
        "Progress report of 1 February 2032: Harbour Plan 2033",
    ],
    "lv": [
        "Ostu plāns 2033: progresa ziņojums (2032. gada 15. decembris)",
        "Plānots → paveikts: Mācību kurss plānots 2032. gada maijā.",
        "Ostu plāns 2033: progresa ziņojums (2032. gada 1. jūlijs)",
        "Plānots → notiek: Kopīga savākšanas sistēma plānota 2032. gada pavasarī.",
        "Notiek → paveikts: Top rokasgrāmata ostu kapteiņiem.",
        "Jauna aktivitāte (statuss: paveikts): 2032. gada jūnijā notika ostu kopīgas mācības.",
        "Datums 2032. gada maijs → 2032. gada septembris: Mācību kurss plānots 2032. gada maijā.",
        "Ostu plāns 2033: progresa ziņojums (2032. gada 1. februāris)",
    ],
}
HARBOUR_UPDATED = [
    "2032-12-15T00:00:00Z",
    "2032-12-15T00:00:00Z",
    *["2032-07-01T00:00:00Z"] * 5,
    "2032-02-01T00:00:00Z",
]
CBSS_REPORT = {
    "en": "Progress report of 5 February 2008: Latvian CBSS Presidency 2007–2008",
    "lv": "Latvijas prezidentūra BJVP 2007–2008: progresa ziņojums (2008. gada 5. februāris)",
}
FEED_TITLES = {
    "en": {
        "feed.xml": "Baltic Plans: progress reports and changes",
        "harbour-2033/feed.xml": "Harbour Plan 2033: progress reports and changes",
    },
    "lv": {
        "feed.xml": "Baltijas plāni: progresa ziņojumi un izmaiņas",
        "harbour-2033/feed.xml": "Ostu plāns 2033: progresa ziņojumi un izmaiņas",
    },
}
OPEN_DATA_LIST = {  # the open-data page's list: each feed's address → its item's text
    "en": {
        "feed.en.xml": "All plans (feed.en.xml): 9 entries",
        "feed.cbss-2008.en.xml": "Latvian CBSS Presidency 2007–2008 (feed.cbss-2008.en.xml): 1 entry",
        "feed.baltmet-2011.en.xml": "BaltMet Action Plan 2011–2012 (feed.baltmet-2011.en.xml): 0 entries; no "
        "progress report yet; entries will appear with the first report",
        "feed.harbour-2033.en.xml": "Harbour Plan 2033 (feed.harbour-2033.en.xml): 8 entries",
    },
    "lv": {
        "feed.xml": "Visi plāni (feed.xml): 9 ieraksti",
        "feed.cbss-2008.xml": "Latvijas prezidentūra BJVP 2007–2008 (feed.cbss-2008.xml): 1 ieraksts",
        "feed.baltmet-2011.xml": "BaltMet rīcības plāns 2011–2012 (feed.baltmet-2011.xml): 0 ieraksti; progresa "
        "ziņojuma vēl nav – ieraksti parādīsies līdz ar pirmo ziņojumu",
        "feed.harbour-2033.xml": "Ostu plāns 2033 (feed.harbour-2033.xml): 8 ieraksti",
    },
}
PLAN_TITLES = {  # each plan's short title, from the data
    "en": {
        "cbss-2008": "Latvian CBSS Presidency 2007–2008",
        "baltmet-2011": "BaltMet Action Plan 2011–2012",
        "harbour-2033": "Harbour Plan 2033",
    },
    "lv": {
        "cbss-2008": "Latvijas prezidentūra BJVP 2007–2008",
        "baltmet-2011": "BaltMet rīcības plāns 2011–2012",
        "harbour-2033": "Ostu plāns 2033",
    },
}
FEED_SUFFIX = {"en": ": progress reports and changes", "lv": ": progresa ziņojumi un izmaiņas"}
FEEDS = ("feed.xml", "cbss-2008/feed.xml", "baltmet-2011/feed.xml", "harbour-2033/feed.xml")


def hostile_progress_project(root: Path) -> Project:
    """The frozen data with the progress fixture on top; the third report's change carries a hostile note."""
    project = progress_project(root)
    note = json.dumps(PAYLOAD)  # a JSON string is a YAML double-quoted scalar
    project.replace_in_plan(THIRD_CHANGE, f"{THIRD_CHANGE}        note: {{lv: {note}, en: {note}}}\n", "harbour-2033")
    return project


def build(project: Project, site: Path, epoch: str) -> Path:
    built = project.build_here(site, SOURCE_DATE_EPOCH=epoch)
    assert built.ok, built.log
    return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same data built at two build times, a year apart."""
    project = hostile_progress_project(tmp_path_factory.mktemp("feeds") / "project")
    first = build(project, project.root / "site-a", "1764900000")
    second = build(project, project.root / "site-b", "1796436000")
    return first, second


@pytest.fixture(scope="module")
def site(sites: tuple[Path, Path]) -> Path:
    return sites[0]


def published(lang: str, name: str) -> str:
    """Where a feed is published, from the site's root: `name` is "feed.xml" (every plan's) or
    "<plan-id>/feed.xml" (one plan's); every feed is in the root, English ones with ".en" before ".xml"."""
    plan = name.removesuffix("/feed.xml") if "/" in name else None
    return f"feed{'.' + plan if plan else ''}{'.en' if lang == 'en' else ''}.xml"


def feed_path(site: Path, lang: str, name: str) -> Path:
    return site / published(lang, name)


def parsed(site: Path, lang: str, name: str) -> feedparser.FeedParserDict:
    return feedparser.parse(feed_path(site, lang, name).read_bytes())


def built_file(site: Path, url: str) -> tuple[Path, str]:
    """The file of the built site a published URL names, and its fragment."""
    assert url.startswith(SITE_URL), url
    path, _, fragment = url.removeprefix(SITE_URL).partition("#")
    return (site / path / "index.html" if path.endswith("/") or not path else site / path), fragment


# -- the feeds as a reader's app reads them ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_feed_is_well_formed_atom_that_a_feed_parser_reads_without_complaint(site: Path, lang: str):
    for name in FEEDS:
        feed = parsed(site, lang, name)
        assert feed.bozo == 0, (name, feed.get("bozo_exception"))
        assert feed.version == "atom10", name
        assert feed.feed.language == lang, name
        assert feed.feed.author == {"lv": "Baltijas plāni", "en": "Baltic Plans"}[lang], name
        assert feed.feed.updated, name
        links = {link.rel: link.href for link in feed.feed.links}
        assert links["self"] == SITE_URL + published(lang, name)
        home = "" if name == "feed.xml" else name.removesuffix("feed.xml")
        assert links["alternate"] == SITE_URL + LANGUAGES[lang] + home
    for name, title in FEED_TITLES[lang].items():
        assert parsed(site, lang, name).feed.title == title


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_plan_s_feed_has_an_entry_per_report_and_per_changed_activity_newest_first(site: Path, lang: str):
    feed = parsed(site, lang, "harbour-2033/feed.xml")
    assert [entry.title for entry in feed.entries] == HARBOUR[lang]
    assert [entry.updated for entry in feed.entries] == HARBOUR_UPDATED
    assert feed.feed.updated == "2032-12-15T00:00:00Z"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_feed_of_all_plans_holds_every_plan_s_entries_newest_first(site: Path, lang: str):
    feed = parsed(site, lang, "feed.xml")
    assert [entry.title for entry in feed.entries] == [*HARBOUR[lang], CBSS_REPORT[lang]]
    assert feed.entries[-1].updated == "2008-02-05T00:00:00Z"
    assert feed.feed.updated == "2032-12-15T00:00:00Z"
    assert [entry.title for entry in parsed(site, lang, "cbss-2008/feed.xml").entries] == [CBSS_REPORT[lang]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_plan_with_no_report_has_a_valid_feed_with_no_entries_dated_by_its_period(site: Path, lang: str):
    feed = parsed(site, lang, "baltmet-2011/feed.xml")
    assert feed.bozo == 0
    assert feed.entries == []
    assert feed.feed.updated == "2011-01-01T00:00:00Z"  # the plan's period: "2011/2012"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_report_links_to_its_plan_or_its_changes_and_a_change_to_the_activity_s_record(site: Path, lang: str):
    base = SITE_URL + LANGUAGES[lang]
    links = [entry.link for entry in parsed(site, lang, "harbour-2033/feed.xml").entries]
    assert links == [
        f"{base}harbour-2033/reports/harbour-2033-third/",
        f"{base}harbour-2033/harbours/#harbour-staff-course-2032-05",
        f"{base}harbour-2033/reports/harbour-2033-second/",
        f"{base}harbour-2033/harbours/#harbour-waste-scheme-2032-spring",
        f"{base}harbour-2033/harbours/#harbour-waste-handbook",
        f"{base}harbour-2033/harbours/#harbour-waste-exercise-2032-06",
        f"{base}harbour-2033/harbours/#harbour-staff-course-2032-05",
        f"{base}harbour-2033/",
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_link_leads_to_a_built_page_and_anchor(site: Path, lang: str):
    for name in FEEDS:
        for entry in parsed(site, lang, name).entries:
            path, anchor = built_file(site, entry.link)
            assert path.is_file(), entry.link
            if anchor:
                assert f'id="{anchor}"' in path.read_text(encoding="utf-8"), entry.link


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_change_entry_gives_the_activity_the_note_and_its_report(site: Path, lang: str):
    entry = parsed(site, lang, "harbour-2033/feed.xml").entries[3]  # planned → ongoing, with a note
    text = "".join(html5lib.parse(entry.content[0].value, namespaceHTMLElements=False).itertext())
    expected = {
        "en": (
            "A common collection scheme is planned for spring 2032.",
            "Why: The collection scheme started in June 2032.",
            "Progress report of 1 July 2032: Harbour Plan 2033",
        ),
        "lv": (
            "Kopīga savākšanas sistēma plānota 2032. gada pavasarī.",
            "Iemesls: Savākšanas sistēma darbojas kopš 2032. gada jūnija.",
            "Ostu plāns 2033: progresa ziņojums (2032. gada 1. jūlijs)",
        ),
    }[lang]
    assert text == "".join(expected)


def test_a_note_waiting_for_its_translation_shows_the_other_language_s_text(site: Path):
    entry = parsed(site, "lv", "harbour-2033/feed.xml").entries[6]  # the course moved, its note pending in Latvian
    assert "Iemesls: The course moves to September 2032." in entry.content[0].value


# -- stable across builds ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ids_and_dates_come_from_the_data_never_from_the_build_time(sites: tuple[Path, Path], lang: str):
    first, second = sites
    for name in FEEDS:
        assert feed_path(first, lang, name).read_bytes() == feed_path(second, lang, name).read_bytes(), name
    ids = [entry.id for entry in parsed(first, lang, "feed.xml").entries]
    assert len(set(ids)) == len(ids) == 9
    assert all(entry_id.startswith("urn:uuid:") for entry_id in ids)
    plan_ids = [entry.id for entry in parsed(first, lang, "harbour-2033/feed.xml").entries]
    assert plan_ids == ids[:8]  # an entry has one id in every feed that holds it


def test_the_languages_entries_have_ids_of_their_own(site: Path):
    ids = {lang: {entry.id for entry in parsed(site, lang, "feed.xml").entries} for lang in LANGUAGES}
    assert not ids["lv"] & ids["en"]


# -- hostile text -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_markup_in_a_note_stays_text_in_the_feed(site: Path, lang: str):
    raw = feed_path(site, lang, "harbour-2033/feed.xml").read_bytes()
    tree = ET.fromstring(raw)  # well-formed XML: the payload's "]]>" and "<" did not end or open anything
    contents = [element.text or "" for element in tree.iter(f"{ATOM}content")]
    hostile = next(content for content in contents if "alert" in content)
    html = html5lib.parse(hostile, namespaceHTMLElements=False)
    assert not [element for element in html.iter() if element.tag in ("script", "title")]
    assert PAYLOAD in "".join(html.itertext())
    assert b"<script" not in raw
    entry = parsed(site, lang, "harbour-2033/feed.xml").entries[1]
    assert PAYLOAD in "".join(html5lib.parse(entry.content[0].value, namespaceHTMLElements=False).itertext())


# -- where a reader finds them ----------------------------------------------------------------------


def pages(site: Path) -> list[Path]:
    return [page for page in site.rglob("*.html") if "assets" not in page.parts and page.name != "404.html"]


def feed_links(page: Path) -> dict[str, str]:
    """The Atom feeds a page's head names: href → title."""
    head = html5lib.parse(page.read_text(encoding="utf-8"), namespaceHTMLElements=False).find("head")
    return {
        link.get("href"): link.get("title")
        for link in head.iter("link")
        if link.get("rel") == "alternate" and link.get("type") == "application/atom+xml"
    }


def test_every_page_names_its_language_s_feed_and_a_plan_s_pages_their_plan_s(site: Path):
    checked = 0
    for page in pages(site):
        relative = page.relative_to(site).as_posix()
        lang = "en" if relative.startswith("en/") else "lv"
        found = {
            (urljoin(relative, href), title) for href, title in feed_links(page).items()
        }  # the hrefs are relative to the page
        expected = {(published(lang, "feed.xml"), FEED_TITLES[lang]["feed.xml"])}
        folder = relative.removeprefix("en/").partition("/")[0]
        if folder in PLAN_TITLES[lang]:  # a plan's page, an area's, its report and its reports' changes
            expected.add((published(lang, f"{folder}/feed.xml"), PLAN_TITLES[lang][folder] + FEED_SUFFIX[lang]))
        assert found == expected, relative
        assert all((site / path).is_file() for path, _ in found)
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_open_data_page_lists_every_feed_with_its_entries(site: Path, lang: str):
    page = site / LANGUAGES[lang] / "open-data" / "index.html"
    tree = html5lib.parse(page.read_text(encoding="utf-8"), namespaceHTMLElements=False)
    items = [item for item in tree.iter("li") if item.find("a") is not None and item.find("a").get("type")]
    listed = {
        urljoin(f"{LANGUAGES[lang]}open-data/", item.find("a").get("href")): "".join(item.itertext()) for item in items
    }
    assert listed == OPEN_DATA_LIST[lang]
    assert all((site / path).is_file() for path in listed)


# -- the real data ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_real_site_publishes_a_valid_feed_of_all_plans_and_one_per_plan(built_site: Path, real_site, lang: str):
    names = ["feed.xml", *(f"{plan.id}/feed.xml" for plan in real_site.plans)]
    for name in names:
        feed = parsed(built_site, lang, name)
        assert feed.bozo == 0, (name, feed.get("bozo_exception"))
        for entry in feed.entries:
            path, _ = built_file(built_site, entry.link)
            assert path.is_file(), entry.link
    reports = sum(len(real_site.reports.get(plan.id, ())) for plan in real_site.plans)
    assert len(parsed(built_site, lang, "feed.xml").entries) >= reports
