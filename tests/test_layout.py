"""Texts of any length or content leave the layout as it was, on a phone and on a desktop (in Chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import scenario_project, serve

LONG_WORD = "https://example.org/" + "a" * 300  # an unbroken 320-character token, as a pasted URL would be
LONG_TEXT = ("Long text " * 470 + LONG_WORD)[:5000]
# the page and the task of the sample-plan scenario (tests/scenarios/sample-plan/) whose English text is made 5000
# characters long: the water area's second task
PLAN, PAGE, TASK = "sample-2030", "en/sample-2030/water/", "sample-water-data"
TASK_EN = '          en: "Share the monitoring data with the public."\n'
VIEWPORTS = {"phone": (375, 800), "desktop": (1280, 800)}

MEASURE = """() => {
  const wrap = document.querySelector('.bp-tasks');
  return {
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    table: Math.round(wrap.querySelector('table').getBoundingClientRect().width),
    rows: wrap.querySelectorAll('tbody > tr').length,
  };
}"""


@pytest.fixture(scope="module")
def long_text_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample-plan scenario with the task's English text 5000 characters long, built once in this process."""
    project = scenario_project("sample-plan", tmp_path_factory.mktemp("long-text") / "project")
    project.replace_in_plan(TASK_EN, f'          en: "{LONG_TEXT}"\n', name=PLAN)
    build = project.build_here()
    assert build.ok, build.log
    return project.root / "site"


def measure(browser, site: Path, viewport: tuple[int, int]) -> dict:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        page.goto(base + PAGE)
        found = page.evaluate(MEASURE)
        text = page.inner_text(f"#{TASK}")
        page.close()
    return {**found, "text": text}


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_a_5000_character_text_keeps_the_table_and_the_page_width(
    sample_site: Path, long_text_site: Path, browser, viewport
):
    before = measure(browser, sample_site, viewport)  # the scenario as it is
    after = measure(browser, long_text_site, viewport)

    assert LONG_TEXT in after["text"].replace("\n", "")  # shown whole
    assert after["page"] == before["page"] == 0  # the page itself never scrolls sideways
    assert after["table"] == before["table"]  # the table is as wide as before: the text wraps
    assert after["rows"] == before["rows"] == 2  # the water area's two tasks, each in a row of its own
