"""A new plan is one data file, its source text and one-line Markdown pages: no Python, no mkdocs.yml change.

The new plan is the new-plan scenario's demo-2030 (its data and its pages), added to the sample-plan scenario
(tests/scenarios/README.md), whose organisations and places it names; the site is built in the test's process."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, Project

NEW_PLAN = Path(__file__).parent / "scenarios" / "new-plan"  # demo-2030, laid on sample-plan


def add_new_plan(project: Project, period: str | None = None) -> None:
    """demo-2030's data file, source text and pages; with `period`, the plan's period changed to it."""
    shutil.copytree(NEW_PLAN / "data", project.data, dirs_exist_ok=True)
    shutil.copytree(NEW_PLAN / "docs", project.root / "docs", dirs_exist_ok=True)
    if period is not None:
        project.replace_in_plan('period: "2029/2030"', f'period: "{period}"', name="demo-2030")


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


AREA_MACROS = "{{ area_title() }}\n\n{{ area_summary() }}\n\n{{ task_table() }}\n\n{{ area_timeline() }}"


def test_the_pages_of_a_new_plan_hold_only_its_macros():
    for path in (NEW_PLAN / "docs").rglob("*.md"):
        assert path.read_text(encoding="utf-8").strip() in ("{{ plan_page() }}", AREA_MACROS), path


# 2030's row on the timeline; its dated activities: sample-2030's 2 done, 1 ongoing and 3 planned, with demo-2030
# its 1 done and 2 planned
YEAR_2030 = re.compile(r'<a href="2030/">2030</a></th>(.*?)</tr>')
COUNT = re.compile(r">(\d+)</td>")


def test_a_new_plan_is_published_in_both_languages_without_touching_code_or_config(sample_project: Project):
    add_new_plan(sample_project)

    build = sample_project.build_here()

    assert build.ok, build.log
    assert (sample_project.root / "mkdocs.yml").read_bytes() == (ROOT / "mkdocs.yml").read_bytes()
    site = sample_project.root / "site"
    for prefix, title, area in (("", "Demo plāns 2030", "Tīrs ūdens"), ("en/", "Demo Plan 2030", "Clean water")):
        plan_page = page(site, f"{prefix}demo-2030")
        assert f">{title}<a" in plan_page  # its heading
        assert f">1. {area}</a>" in plan_page  # its areas, linked
        water = page(site, f"{prefix}demo-2030/water")
        assert 'id="demo-water-monitoring"' in water and 'id="demo-water-campaign-2030-02"' in water
        # the home page, the navigation of every page, the timeline, the organisations and the sources know it
        home = page(site, prefix.rstrip("/")) if prefix else (site / "index.html").read_text(encoding="utf-8")
        assert 'href="demo-2030/"' in home
        assert 'href="../demo-2030/"' in page(site, f"{prefix}places")  # the navigation of a page of the site
        year = YEAR_2030.search(page(site, f"{prefix}timeline"))  # its year's row, linking to the year's page
        assert year and COUNT.findall(year.group(1)) == ["3", "1", "5", "9"]  # done, ongoing, planned, all
        assert "demo-2030/water/#demo-water-campaign-2030-02" in page(site, f"{prefix}timeline/2030")
        assert "demo-2030/mobility/#demo-mobility-night-trains" in page(site, f"{prefix}organisations/cbss")
        assert "demo-2030/water/#demo-water-campaign-2030-02" in page(site, f"{prefix}places/riga")
        assert 'href="demo-2030/"' in page(site, f"{prefix}sources")  # a page for its source document
        assert 'id="demo-2030-L9"' in page(site, f"{prefix}sources/demo-2030")
    assert (site / "sources" / "demo-plan-2030.en.txt").is_file()
    # the Latvian text still to be written shows the English one, with a Latvian notice
    assert '<span lang="en">A joint report is planned for autumn 2030.</span>' in page(site, "demo-2030/water")
    assert '<span class="bp-pending">tulkojums gaidāms</span>' in page(site, "demo-2030/water")


PLAN = r'href="((?:demo|sample)-2030)/"'
NAV_LINKS = re.compile(r'<li class="md-nav__item[^"]*">\s*<a ' + PLAN)  # the plans in the navigation
CARD_LINKS = re.compile(r'<p class="bp-card-title"><a ' + PLAN)  # the home page's list of plans


@pytest.mark.parametrize(
    ("period", "order"),
    [
        ("2029/2030", ["demo-2030", "sample-2030"]),  # from January 2029: before sample-2030's July 2029
        ("2029-09/2030-12", ["sample-2030", "demo-2030"]),  # from September 2029: after it
    ],
    ids=["starts-earlier", "starts-later"],
)
def test_the_new_plan_comes_in_order_of_its_period(sample_project: Project, period: str, order: list[str]):
    """demo-2030 is added last, and its id (its file's name) sorts before sample-2030's: an order by addition would
    put it last in both cases, and one by id first in both; its period puts it first in one and last in the other."""
    add_new_plan(sample_project, period)

    build = sample_project.build_here()

    assert build.ok, build.log
    for home in (sample_project.root / "site" / "index.html", sample_project.root / "site" / "en" / "index.html"):
        text = home.read_text(encoding="utf-8")
        assert NAV_LINKS.findall(text) == order, home
        assert CARD_LINKS.findall(text) == order, home
        assert f'<link rel="next" href="{order[0]}/">' in text  # the page after the home page: the first plan
