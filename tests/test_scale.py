"""The site keeps its shape as the data grows: synthetic copies of the real plans (tests/benchmark.py)."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path

import benchmark  # tests/benchmark.py: the synthetic data
import pytest
import yaml

from baltic_plans import paging
from baltic_plans.addresses import area_pages, localized_files, organisation_page, place_page, plan_page, plan_pages
from baltic_plans.build_cache import cache_root
from baltic_plans.involvement import involvement
from baltic_plans.load import check_data
from baltic_plans.navigation import NAV_PLANS_LISTED
from baltic_plans.places import activities_by_place
from baltic_plans.views import label
from conftest import ROOT

SCALE = 5


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return benchmark.make_project(tmp_path_factory.mktemp("grown") / "project", SCALE)


def test_synthetic_data_is_valid_and_has_every_page(grown: Path):
    result = check_data(grown / "data")
    assert result.errors == []
    assert len(result.site.plans) == SCALE * len(check_data(ROOT / "data").site.plans)
    for plan in result.site.plans:  # a copy has the pages in docs/ its plan has (the others are made from the data)
        copy = re.fullmatch(r"(.+)-x\d+", plan.id)
        original = copy.group(1) if copy else plan.id
        for path in (plan_page(plan.id), *area_pages(plan)):
            written = ROOT / "docs" / path.replace(plan.id, original, 1)
            assert (grown / "docs" / path).is_file() == written.is_file(), path
    assert any((grown / "docs" / path).is_file() for path in plan_pages(result.site))


def test_the_empty_site_has_the_same_pages_without_macros_or_hooks(grown: Path, tmp_path: Path):
    empty = benchmark.make_empty_site(grown, tmp_path / "empty")
    config = yaml.safe_load((empty / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and not any("macros" in p for p in config["plugins"] if isinstance(p, dict))
    pages = {str(p.relative_to(empty / "docs")) for p in (empty / "docs").rglob("*.md")}
    written = {str(p.relative_to(grown / "docs")) for p in (grown / "docs").rglob("*.md")}
    made = paging.generated_pages(check_data(grown / "data").site)
    assert pages == written | {localized for path in made for localized in localized_files(path)}
    assert all("{{" not in (empty / "docs" / p).read_text(encoding="utf-8") for p in pages)
    built = benchmark.build(empty, tmp_path / "cache")  # the theme's overrides render without the site's hooks
    assert built.pages == len(pages)


def test_timeline_pages_hold_every_dated_activity_once_in_order_and_none_is_long(grown: Path, monkeypatch):
    monkeypatch.setattr(paging, "PAGE_SIZE", 10)  # a long year at this scale
    site = check_data(grown / "data").site
    timeline = paging.timeline_pages(site).all
    entries = [p.activity.id for page in timeline for p in page.entries]
    assert sorted(entries) == sorted(p.activity.id for p in site.activities() if p.activity.date)
    assert len(set(entries)) == len(entries)
    assert max(len(page.entries) for page in timeline) <= 10
    assert any(page.parts > 1 for page in timeline)  # this much data needs more than one page for some year
    starts = [p.activity.when.sort_key for page in timeline for p in page.entries]
    assert starts == sorted(starts)


def test_a_long_organisations_list_is_split_in_even_parts_holding_every_task_once_in_order(grown: Path, monkeypatch):
    monkeypatch.setattr(paging, "PAGE_SIZE", 10)
    site = check_data(grown / "data").site
    pages = paging.organisation_pages(site, involvement(site)).all
    assert {page.key for page in pages} == set(site.organisations)  # one named by no task still has its page
    for org_id, found in involvement(site).items():
        parts = [page for page in pages if page.key == org_id]
        assert [entry for page in parts for entry in page.entries] == list(found), org_id
        assert [page.part for page in parts] == list(range(1, len(parts) + 1))
        assert all(page.parts == len(parts) and page.total == len(found) for page in parts)
        sizes = [len(page.entries) for page in parts]
        assert max(sizes) <= 10 and max(sizes) - min(sizes) <= 1, (org_id, sizes)
        assert [page.path for page in parts] == [organisation_page(org_id, n) for n in range(1, len(parts) + 1)]
    assert max(page.parts for page in pages) == math.ceil(max(len(found) for found in involvement(site).values()) / 10)


def test_a_long_places_list_is_split_in_parts_dated_oldest_first_then_undated(grown: Path, monkeypatch):
    monkeypatch.setattr(paging, "PAGE_SIZE", 10)
    site = check_data(grown / "data").site
    by_place = activities_by_place(site)
    pages = paging.place_pages(site, by_place).all
    for place_id, found in by_place.items():
        parts = [page for page in pages if page.key == place_id]
        listed = [entry for page in parts for entry in page.entries]
        assert sorted(id(p) for p in listed) == sorted(id(p) for p in found), place_id
        dated = [p.activity.date.sort_key for p in listed if p.activity.date]
        assert dated == sorted(dated)
        assert all(p.activity.date for p in listed[: len(dated)])  # the undated come last
        assert max(len(page.entries) for page in parts) <= 10
        assert [page.path for page in parts] == [place_page(place_id, n) for n in range(1, len(parts) + 1)]
    assert any(page.parts > 1 for page in pages)


@pytest.fixture(scope="module")
def grown_site(grown: Path) -> Path:
    site_dir = grown / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site_dir)],
        cwd=grown, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return site_dir


def test_grown_site_builds_with_no_page_over_1_mb_and_a_nav_of_its_own_plan_and_a_link_to_all(
    grown: Path, grown_site: Path
):
    site_dir = grown_site
    sizes = {p: p.stat().st_size for p in site_dir.rglob("*.html")}
    assert max(sizes.values()) < 1_000_000, max(sizes, key=sizes.get)
    plans = check_data(grown / "data").site.plans
    assert len(plans) > NAV_PLANS_LISTED  # so every page's navigation stays the same size as plans are added
    html = (site_dir / "en" / "cbss-2008" / "education" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index("md-nav--primary") : html.index("md-sidebar--secondary")]
    assert re.search(r'<a href="\.\./\.\./" title="[^"]+" class="md-header__button md-logo"', html)  # home: en/
    own = next(plan for plan in plans if plan.id == "cbss-2008")
    assert all(f'href="../{area.id}/"' in nav for area in own.areas if area.id != "education")
    assert not any(f"{plan.id}/" in nav for plan in plans if plan is not own)
    assert re.search(
        rf'<a href="\.\./\.\./" class="md-nav__link">\s*<span class="md-ellipsis">\s*All plans \({len(plans)}\)', nav
    )


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_a_long_organisations_page_is_published_in_parts_that_link_each_other_and_list_every_task(
    grown: Path, grown_site: Path, lang: str
):
    site = check_data(grown / "data").site
    long = [org_id for org_id, found in involvement(site).items() if len(found) > paging.PAGE_SIZE]
    assert long, "at this scale some organisation is named by more tasks than a page holds"
    root = grown_site / ("" if lang == "lv" else "en")
    for org_id in long:
        parts = math.ceil(len(involvement(site)[org_id]) / paging.PAGE_SIZE)
        urls = [f"organisations/{org_id}/"] + [f"organisations/{org_id}/{n}/" for n in range(2, parts + 1)]
        linked: list[str] = []
        for number, url in enumerate(urls, start=1):
            html = (root / url / "index.html").read_text(encoding="utf-8")
            assert label("part_of", lang, part=number, parts=parts) in html[html.index("<h1") : html.index("</h1>")]
            pager = re.findall(r'<nav class="bp-pager".*?</nav>', html, re.S)
            assert len(pager) == 2, url  # above and below the list
            current = re.findall(r'<a href="([^"]+)"[^>]*aria-current="page"', pager[0])
            assert current == ["./"], url
            assert len(re.findall(r"<a href=", pager[0])) == parts
            article = html[html.index("<article") : html.index("</article>")]
            linked += re.findall(r'href="(?:\.\./)+[^"]+/#([^"]+)"', article)
            nav = html[html.index("md-nav--primary") : html.index("md-sidebar--secondary")]
            assert "organisations/" + org_id not in nav  # the parts are outside the navigation, as part 1 is
        assert linked == [entry.owner.id for entry in involvement(site)[org_id]], org_id


def test_a_timed_copy_reports_each_pages_render_time_in_both_languages(tmp_path: Path):
    project = benchmark.make_project(tmp_path / "timed", 1, timed=True)
    built = benchmark.build(project, cache_root())  # the PDFs the other builds typeset
    assert built.pages == len(built.page_ms)
    assert {name for name in built.page_ms if name.endswith(".en.md")} and all(ms > 0 for ms in built.page_ms.values())
    assert "organisations/cbss.en.md" in built.page_ms and "organisations/cbss.md" in built.page_ms
    assert benchmark.versus(built, [built]) == ("+0%", f"+0% ({built.pages} pages)")  # each page's content found
