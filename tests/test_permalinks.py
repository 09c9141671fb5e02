"""Permalinks: each record's link survives a rebuild and a reordering of the data; in a browser, a click on it
copies the link and says so, and without JavaScript it is a plain link to the record."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from test_build import LANGUAGES, page
from test_open_data import calendar, events_by_uid, table_rows

from baltic_plans.model import Site
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


def permalinks(site: Path, real_site: Site) -> dict[str, list[str]]:
    """The records each area page links to itself, per language and page."""
    return {
        f"{prefix}{plan.id}/{area.id}": sorted(PERMALINK.findall(page(site, f"{prefix}{plan.id}/{area.id}")))
        for prefix in LANGUAGES.values()
        for plan in real_site.plans
        for area in plan.areas
    }


def test_record_links_survive_a_reordering_of_the_data(built_site: Path, real_site: Site, project: Project):
    for plan in real_site.plans:
        path = project.data / "plans" / f"{plan.id}.yml"
        data = reorder(yaml.safe_load(path.read_text(encoding="utf-8")))
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    result = project.build()
    assert result.returncode == 0, result.stderr
    rebuilt = project.root / "site"

    assert page(rebuilt, "cbss-2008/education") != page(built_site, "cbss-2008/education")  # the order changed
    assert permalinks(rebuilt, real_site) == permalinks(built_site, real_site)
    for lang in LANGUAGES:
        for table in ("tasks", "activities"):
            urls = {row["id"]: row["url"] for row in table_rows(built_site, lang, table)}
            assert {row["id"]: row["url"] for row in table_rows(rebuilt, lang, table)} == urls
        events = events_by_uid(calendar(built_site, lang))
        again = events_by_uid(calendar(rebuilt, lang))
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
