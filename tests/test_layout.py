"""Texts of any length or content leave the layout as it was, on a phone and on a desktop (in Chromium)."""

from __future__ import annotations

import pytest

from conftest import Project, serve

LONG_WORD = "https://example.org/" + "a" * 300  # an unbroken 320-character token, as a pasted URL would be
LONG_TEXT = ("Long text " * 470 + LONG_WORD)[:5000]
TASK_EN = '          en: "Promote the creation of a specialised data transmission infrastructure'
VIEWPORTS = {"phone": (375, 800), "desktop": (1280, 800)}

MEASURE = """() => {
  const wrap = document.querySelector('.bp-tasks');
  return {
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    table: Math.round(wrap.querySelector('table').getBoundingClientRect().width),
    rows: wrap.querySelectorAll('tbody > tr').length,
  };
}"""


def measure(browser, site, viewport: tuple[int, int]) -> dict:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        page.goto(base + "en/cbss-2008/education/")
        found = page.evaluate(MEASURE)
        text = page.inner_text("#cbss-edu-academic-network")
        page.close()
    return {**found, "text": text}


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_a_5000_character_text_keeps_the_table_and_the_page_width(frozen_project: Project, browser, viewport):
    project = frozen_project  # its task text stays as it is
    assert project.build(project.root / "before").returncode == 0
    project.replace_in_plan(TASK_EN, f'          en: "{LONG_TEXT}"\n          x: "')
    project.replace_in_plan('          x: "', "          #", count=1)
    assert project.build(project.root / "after").returncode == 0

    before = measure(browser, project.root / "before", viewport)
    after = measure(browser, project.root / "after", viewport)

    assert LONG_TEXT in after["text"].replace("\n", "")  # shown whole
    assert after["page"] == before["page"] == 0  # the page itself never scrolls sideways
    assert after["table"] == before["table"]  # the table is as wide as before: the text wraps
    assert after["rows"] == before["rows"]
