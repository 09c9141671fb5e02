"""The real site, built in both languages: every record appears where a reader looks for it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from baltic_plans.involvement import involvement
from baltic_plans.model import Site, area_activities
from conftest import ROOT

LANGUAGES = {"lv": "", "en": "en/"}


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


class Anchors(HTMLParser):
    """ids, and hrefs of <a> and <link>, of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag in ("a", "link") and attrs.get("href"):
            self.links.append((attrs["href"], attrs))


def parse(html: str) -> Anchors:
    parser = Anchors()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_task_and_activity_is_on_its_area_page(built_site: Path, real_site: Site, lang: str):
    for plan in real_site.plans:
        for area in plan.areas:
            ids = parse(page(built_site, f"{LANGUAGES[lang]}{plan.id}/{area.id}")).ids
            expected = {t.id for t in area.tasks} | {b.id for b in area.blocks}
            expected |= {p.activity.id for p in area_activities(plan, area)}
            assert expected - ids == set(), f"{lang} {plan.id}/{area.id}"


def timeline_years(site: Path, lang: str) -> dict[str, list[str]]:
    """Each year the timeline's front page lists → the URLs of its pages (a long year's parts too), in its order."""
    front = f"{LANGUAGES[lang]}timeline/"
    html = page(site, front)
    table = html[html.index('class="bp-table-wrap bp-years"') :]
    years = {}
    for row in re.findall(r'<th scope="row"[^>]*>(.*?)</th>', table[: table.index("</table>")], re.S):
        urls = list(dict.fromkeys(urljoin(front, href) for href in re.findall(r'<a href="([^"#]+)"', row)))
        years[urlparse(urls[0]).path.strip("/").split("/")[-1]] = urls
    return years


def timeline(site: Path, lang: str) -> tuple[list[str], str]:
    """The years the timeline's front page lists, and the HTML of their pages in the order it links them."""
    years = timeline_years(site, lang)
    return list(years), "".join(page(site, url) for urls in years.values() for url in urls)


def with_parts(site: Path, url: str) -> dict[str, str]:
    """A page's URL → its HTML, then its further parts' if its list is long (organisations/x/2/, …: each part
    links them all)."""
    first = page(site, url)
    pager = re.search(r'<nav class="bp-pager".*?</nav>', first, re.S)
    hrefs = re.findall(r'<a href="([^"]+)"', pager.group(0)) if pager else ["./"]
    urls = [urlparse(urljoin(f"http://site/{url}", href)).path.lstrip("/") for href in hrefs]
    return {part: page(site, part) for part in urls}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_dated_activity_is_on_the_timeline_linking_to_its_record(built_site: Path, real_site: Site, lang: str):
    _, html = timeline(built_site, lang)
    hrefs = {urlparse(href).fragment for href, _ in parse(html).links}
    dated = {p.activity.id for p in real_site.activities() if p.activity.date}
    assert dated - hrefs == set()
    assert len(re.findall(r'<li class="bp-activity', html)) == len(dated)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_timeline_is_chronological_a_page_per_year(built_site: Path, real_site: Site, lang: str):
    years, html = timeline(built_site, lang)
    assert years == sorted(years) and years == sorted(
        {str(p.activity.date.start.year) for p in real_site.activities() if p.activity.date}
    )
    # oldest first, month by month (within a month the order rule of dates.py, tested in test_dates.py, places
    # "mid-March" after 5 March, though both are written <time datetime="2008-03…">)
    # (a year-only date, or "end of 2007", is placed by that rule too, so only months and days are compared here)
    months = [s[:7] for s in re.findall(r'<time datetime="(\d{4}-\d\d[\d-]*)"', html)]
    assert len(months) > 20
    assert months == sorted(months)
    pages = [year for year, urls in timeline_years(built_site, lang).items() for _ in urls]  # a long year in parts
    assert re.findall(r"<h1[^>]*>[^<]*\b(\d{4})\b", html) == pages  # each page is titled with its year


@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeline_pages_link_to_their_neighbours(built_site: Path, lang: str):
    urls = [url for urls in timeline_years(built_site, lang).values() for url in urls]
    names = [url.strip("/").split("/")[-1] for url in urls[:2]]  # 2002, or 2008-2 for a long year's second part
    first, second = (page(built_site, url) for url in urls[:2])
    assert 'rel="prev"' not in first and f'rel="next" href="../{names[1]}/"' in first
    assert f'rel="prev" href="../{names[0]}/"' in second and 'href="../"' in second


def test_pages_read_in_their_own_language(frozen_built_site: Path):
    lv = page(frozen_built_site, "cbss-2008/education")  # the frozen data: its dates and texts stay as they are
    en = page(frozen_built_site, "en/cbss-2008/education")
    assert '<html lang="lv"' in lv and '<html lang="en"' in en
    assert "2007. gada 13. septembris" in lv and "13 September 2007" in en
    assert "Paveiktais" in lv and "Accomplished" in en
    assert "Sekmēt Eiropas Savienības" in lv and "Promote the European Union" in en


def test_abbreviations_show_their_expansion_in_the_page_language(frozen_built_site: Path):
    lv, en = (page(frozen_built_site, f"{prefix}cbss-2008/education") for prefix in LANGUAGES.values())
    assert '<abbr title="Baltijas jūras valstu padome">BJVP</abbr>' in lv
    assert '<abbr title="Council of the Baltic Sea States">CBSS</abbr>' in en


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html")


def test_every_switcher_link_leads_to_the_same_page_in_the_other_language(built_site: Path):
    checked = 0
    for path in html_pages(built_site):
        rel = path.relative_to(built_site).as_posix()
        is_en = rel.startswith("en/")
        counterpart = rel.removeprefix("en/") if is_en else f"en/{rel}"
        for href, attrs in parse(path.read_text(encoding="utf-8")).links:
            if "md-select__link" not in attrs.get("class", ""):
                continue
            target = urljoin(f"http://site/{rel}", href)
            resolved = urlparse(target).path.lstrip("/")
            resolved = resolved + "index.html" if resolved.endswith("/") or not resolved else resolved
            expected = rel if attrs["hreflang"] == ("en" if is_en else "lv") else counterpart
            assert resolved == expected, f"{rel}: switcher {attrs['hreflang']} → {href}"
            checked += 1
    assert checked == 2 * len(html_pages(built_site))


def test_every_internal_link_and_anchor_resolves(built_site: Path):
    pages = {p.relative_to(built_site).as_posix(): parse(p.read_text(encoding="utf-8")) for p in html_pages(built_site)}
    broken = []
    for rel, anchors in pages.items():
        for href, _ in anchors.links:
            url = urlparse(urljoin(f"http://site/{rel}", href))
            if url.netloc != "site":
                continue
            target = url.path.lstrip("/")
            target = target + "index.html" if target.endswith("/") or not target else target
            if not (built_site / target).exists():
                broken.append(f"{rel} → {href}")
            elif url.fragment and target in pages and url.fragment not in pages[target].ids:
                broken.append(f"{rel} → {href} (no anchor)")
    assert broken == []


def test_the_original_documents_are_published(built_site: Path, real_site: Site):
    sources = sorted((ROOT / "data" / "sources").glob("*.txt"))
    assert {path.name for path in sources} >= {plan.source.file for plan in real_site.plans}
    for path in sources:
        assert (built_site / "sources" / path.name).read_bytes() == path.read_bytes()


def test_no_third_party_request_at_page_load(built_site: Path):
    for path in html_pages(built_site):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
            src = re.search(r'(?:src|href)="(https?:)?//', tag)
            assert not src or 'rel="alternate"' in tag or 'rel="canonical"' in tag, f"{path}: {tag}"


def test_no_page_asks_the_github_api_for_repository_facts(built_site: Path):
    """Material does so from any element marked data-md-component="source"; ours is a plain link."""
    for path in html_pages(built_site):
        assert 'data-md-component="source"' not in path.read_text(encoding="utf-8"), path


EDIT = "https://github.com/example/baltic-plans/edit/main/"
TREE = "https://github.com/example/baltic-plans/tree/main/"


@pytest.mark.parametrize(
    ("url", "docs_file", "data_link"),
    [
        ("", "index", TREE + "data/plans/"),
        ("cbss-2008/", "cbss-2008/index", EDIT + "data/plans/cbss-2008.yml"),
        ("baltmet-2011/innovation/", "baltmet-2011/innovation", EDIT + "data/plans/baltmet-2011.yml"),
        ("timeline/", "timeline", TREE + "data/plans/"),
        ("organisations/", "organisations", EDIT + "data/organisations.yml"),
        ("sources/", "sources", TREE + "data/sources/"),
    ],
)
def test_every_page_links_to_its_markdown_and_its_data_on_the_git_host(built_site, url, docs_file, data_link):
    for lang, prefix in LANGUAGES.items():
        html = page(built_site, prefix + url)
        suffix = "" if lang == "lv" else f".{lang}"
        edit_links = re.findall(r'<a href="([^"]+)" class="bp-edit__link" rel="edit">', html)
        assert edit_links == [f"{EDIT}docs/{docs_file}{suffix}.md", data_link], (lang, url)
        assert ("Rediģēt šo lapu" if lang == "lv" else "Edit this page") in html
        assert ("Rediģēt datus" if lang == "lv" else "Edit the data") in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_organisation_has_a_page_listing_every_task_that_involves_it(built_site: Path, real_site: Site, lang: str):
    index = page(built_site, f"{LANGUAGES[lang]}organisations")
    for org_id in real_site.organisations:
        row = re.search(rf'<tr id="{org_id}">.*?<a href="{org_id}/">.*?<td>(\d+)</td>', index, re.S)
        assert row, org_id
        parts = with_parts(built_site, f"{LANGUAGES[lang]}organisations/{org_id}/")  # a long list in parts
        article = [link for html in parts.values() for link in parse(html[html.index("<article") :]).links]
        links = [href for href, _ in article if not href.startswith("#") and "#" in href]  # to records
        involved = [entry.owner.id for entry in involvement(real_site).get(org_id, ())]  # the rule: test_involvement
        assert [urlparse(h).fragment for h in links] == involved and len(links) == int(row.group(1)), org_id


def test_no_script_holds_up_the_first_paint(built_site: Path):
    # Material's bundle and ours run once the page is parsed (defer), as Lighthouse's performance target needs.
    for lang in LANGUAGES.values():
        scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", page(built_site, f"{lang}cbss-2008/education"))
        assert len(scripts) == 4, scripts
        assert all(" defer" in script for script in scripts), scripts


@pytest.mark.parametrize(
    ("page", "toggles"),
    [
        ("cbss-2008/energy/index.html", True),  # an area: in the navigation, its entry toggles the contents
        ("en/cbss-2008/energy/index.html", True),
        ("cbss-2008/index.html", False),  # a plan: its section's link (navigation.indexes), no toggle of its own
        ("organisations/cbss/index.html", False),  # outside the navigation
        ("en/timeline/2008/index.html", False),
    ],
)
def test_the_contents_title_toggles_only_on_pages_in_the_navigation(built_site: Path, page: str, toggles: bool):
    html = (built_site / page).read_text(encoding="utf-8")
    assert ('<label class="md-nav__title" for="__toc">' in html) is toggles
    assert ('<div class="md-nav__title">' in html) is not toggles
