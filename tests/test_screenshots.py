"""Screenshots of the pages a reader meets (home, a plan, an area and its task table, a year of the timeline, the
places and a full report), in each language, on a phone (390 px) and a desktop (1280 px), in the light and the
dark scheme, for a person to look at.

`make screenshots` builds the site and writes them to reports/screenshots/ (python tests/test_screenshots.py; the
two the README shows, home-en-desktop.png and area-lv-mobile.png, are kept in the repository). The test takes the
same screenshots into a temporary folder, so a test run never changes a tracked file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from browser_crawl import DESKTOP
from conftest import CHROMIUM, CHROMIUM_FLAGS, ROOT, serve

SCREENSHOTS = ROOT / "reports" / "screenshots"
PAGES = {
    "home": "",
    "plan": "cbss-2008/",
    "area": "cbss-2008/education/",
    "timeline": "timeline/2008/",
    "places": "places/",
    "report": "cbss-2008/report/",
}
SCROLLED = {"area-table": ("cbss-2008/education/", ".bp-tasks")}  # a second screenshot, from this element down
LANGUAGES = {"lv": "", "en": "en/"}
VIEWPORTS = {"mobile": {"width": 390, "height": 844}, "desktop": DESKTOP}
SCHEMES = {"light": "", "dark": "-dark"}  # the scheme → the file name's suffix


def take(browser, base: str, folder: Path, viewports=VIEWPORTS) -> list[Path]:
    """Every page × language × viewport × scheme as {page}-{lang}-{viewport}[-dark].png in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    shots = {**{name: (path, None) for name, path in PAGES.items()}, **SCROLLED}
    for viewport, size in viewports.items():
        for scheme, suffix in SCHEMES.items():
            context = browser.new_context(viewport=size, color_scheme=scheme)
            page = context.new_page()
            for lang, prefix in LANGUAGES.items():
                for name, (path, start) in shots.items():
                    response = page.goto(base + prefix + path)
                    assert response.ok and page.evaluate("document.documentElement.lang") == lang, path
                    if start:
                        page.evaluate(f"document.querySelector({start!r}).scrollIntoView()")
                    target = folder / f"{name}-{lang}-{viewport}{suffix}.png"
                    page.screenshot(path=target, animations="disabled")
                    written.append(target)
            context.close()
    return written


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_screenshots_of_the_pages_a_reader_meets_in_both_languages_and_schemes(
    browser, published_site, tmp_path, viewport
):
    written = take(browser, published_site, tmp_path, {viewport: VIEWPORTS[viewport]})
    assert all(path.stat().st_size > 10_000 for path in written)  # rendered pages, not blank ones
    light = [path for path in written if not path.stem.endswith("-dark")]
    for path in light:  # the dark scheme was applied
        assert path.read_bytes() != path.with_stem(path.stem + "-dark").read_bytes(), path.name


def main() -> None:
    """Write the screenshots of the built site (site/) to reports/screenshots/."""
    from playwright.sync_api import sync_playwright

    site = ROOT / "site"
    if not (site / "index.html").is_file():
        sys.exit("site/ has no built site: run `make build` first")
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        written = take(browser, base, SCREENSHOTS)
        browser.close()
    print(f"{len(written)} screenshots in {SCREENSHOTS.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
