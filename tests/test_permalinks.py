"""Permalinks: each record's link survives a rebuild and a reordering of the data; in a browser, a click on it
copies the link and says so, and without JavaScript it is a plain link to the record."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from test_build import LANGUAGES, page
from test_open_data import calendar, events_by_uid, table_rows

from baltic_plans.views import label
from conftest import Project, serve

PERMALINK = re.compile(r'<a class="bp-permalink" href="#([^"]+)"')


def reorder(plan: dict) -> dict:
    """Every list of records in reverse order, except tasks that must follow the task whose cell they share."""
    plan["areas"].reverse()
    for area in plan["areas"]:
        if not any("shares_cell_with" in task for task in area["tasks"]):
            area["tasks"].reverse()
        for owner in (*area["tasks"], *area.get("blocks", [])):
            owner.get("activities", []).reverse()
    return plan


AREA_PAGES = ("sample-2030/water", "sample-2030/mobility")  # the sample-plan scenario's
TASKS = {"sample-water-monitoring", "sample-water-data", "sample-mobility-night-trains"}
ACTIVITIES = {
    "sample-water-campaign-2030-02", "sample-water-network-2029-10", "sample-water-methods-2029-summer",
    "sample-water-stations", "sample-water-campaign-2030-06", "sample-water-report-2030-autumn",
    "sample-water-portal-2029-11", "sample-water-portal-2030-03", "sample-water-agreement-2030",
    "sample-water-agencies", "sample-mobility-talks", "sample-mobility-conference-2030-01",
}  # fmt: skip


def permalinks(site: Path) -> dict[str, list[str]]:
    """The records each area page links to itself, in the page's order, per language and page."""
    return {
        f"{prefix}{area}": PERMALINK.findall(page(site, f"{prefix}{area}"))
        for prefix in LANGUAGES.values()
        for area in AREA_PAGES
    }


def test_record_links_survive_a_reordering_of_the_data(sample_site: Path, sample_project: Project):
    """The sample-plan scenario as built once (sample_site), and a copy of it with its records in reverse order,
    both built in this process."""
    path = sample_project.data / "plans" / "sample-2030.yml"
    data = reorder(yaml.safe_load(path.read_text(encoding="utf-8")))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    build = sample_project.build_here()
    assert build.ok, build.log
    rebuilt = sample_project.root / "site"

    before, after = permalinks(sample_site), permalinks(rebuilt)
    assert {link for links in before.values() for link in links} == TASKS | ACTIVITIES
    assert after != before  # the records are shown in another order
    assert {area: sorted(links) for area, links in after.items()} == {
        area: sorted(links) for area, links in before.items()
    }  # but each keeps its link
    for lang in LANGUAGES:
        for table, ids in (("tasks", TASKS), ("activities", ACTIVITIES)):
            urls = {row["id"]: row["url"] for row in table_rows(sample_site, lang, table)}
            assert set(urls) == ids
            assert {row["id"]: row["url"] for row in table_rows(rebuilt, lang, table)} == urls
        events = events_by_uid(calendar(sample_site, lang))
        again = events_by_uid(calendar(rebuilt, lang))
        assert events
        assert {uid: e.decoded("DTSTART") for uid, e in again.items()} == {
            uid: e.decoded("DTSTART") for uid, e in events.items()
        }


def test_a_click_on_a_record_link_copies_its_url_and_announces_it(built_site: Path, browser):
    with serve(built_site) as base:
        for lang, prefix in LANGUAGES.items():
            context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
            tab = context.new_page()
            tab.goto(f"{base}{prefix}cbss-2008/education/")
            link = tab.locator("a.bp-permalink").nth(3)
            record = link.get_attribute("href").removeprefix("#")
            assert link.inner_text() == label("permalink", lang)

            link.click()

            url = f"{base}{prefix}cbss-2008/education/#{record}"
            tab.wait_for_function("() => document.querySelector('.bp-live').textContent !== ''")
            assert tab.evaluate("navigator.clipboard.readText()") == url
            assert tab.locator(".bp-live[role=status]").inner_text() == label("link_copied", lang)
            assert tab.url == url
            context.close()


def test_without_javascript_a_record_link_leads_to_its_record(built_site: Path, browser):
    with serve(built_site) as base:
        context = browser.new_context(java_script_enabled=False)
        tab = context.new_page()
        tab.goto(f"{base}en/cbss-2008/energy/")
        link = tab.locator("a.bp-permalink").first
        record = link.get_attribute("href").removeprefix("#")

        link.click()

        assert tab.url.endswith(f"/en/cbss-2008/energy/#{record}")
        assert tab.locator(f"#{record}").count() == 1
        context.close()
