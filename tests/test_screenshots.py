"""Screenshots of the home page and an area page, in each language, on a desktop and a phone, for the README and
for a person to look at (reports/screenshots/; the two the README shows are kept in the repository)."""

from __future__ import annotations

import pytest

from browser_crawl import DESKTOP, MOBILE
from conftest import ROOT

SCREENSHOTS = ROOT / "reports" / "screenshots"
PAGES = {"home": "", "area": "cbss-2008/education/"}
LANGUAGES = {"lv": "", "en": "en/"}
VIEWPORTS = {"desktop": DESKTOP, "mobile": MOBILE}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_screenshots_of_the_home_and_an_area_page_in_both_languages(browser, published_site, viewport):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme="light")
    page = context.new_page()
    for lang, prefix in LANGUAGES.items():
        for name, path in PAGES.items():
            page.goto(published_site + prefix + path)
            assert page.evaluate("document.documentElement.lang") == lang
            target = SCREENSHOTS / f"{name}-{lang}-{viewport}.png"
            page.screenshot(path=target, animations="disabled")
            assert target.stat().st_size > 10_000  # a rendered page, not a blank one
    context.close()
