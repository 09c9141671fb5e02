"""The language switch keeps the reader's place: from a record (#id) to the same record in the other language."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    ("start", "other", "hreflang"),
    [("cbss-2008/education/", "en/cbss-2008/education/", "en"), ("en/cbss-2008/energy/", "cbss-2008/energy/", "lv")],
)
def test_switching_language_at_a_record_lands_on_the_same_record(page, published_site, start, other, hreflang):
    page.goto(published_site + start)
    record = page.evaluate("document.querySelector('.bp-activity[id]').id")  # whichever record comes first
    page.goto(f"{published_site}{start}#{record}")
    with page.expect_navigation():
        page.evaluate(f"document.querySelector('a.md-select__link[hreflang={hreflang}]').click()")
    assert page.url == f"{published_site}{other}#{record}"
    assert page.evaluate(f"document.getElementById('{record}') !== null")


def test_switching_language_without_a_record_goes_to_the_page(page, published_site):
    page.goto(published_site + "cbss-2008/")
    with page.expect_navigation():
        page.evaluate("document.querySelector('a.md-select__link[hreflang=en]').click()")
    assert page.url == f"{published_site}en/cbss-2008/"
