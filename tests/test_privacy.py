"""What the privacy page says is true: no cookies, and the browser keeps only the settings it names. (That no
request leaves the site is checked on every page in test_browser_pages.py.)"""

from __future__ import annotations

from conftest import ROOT

DOCUMENTED = {"__palette"}  # docs/privacy.md, "What your browser keeps"

STORAGE_KEYS = "() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]"


def test_the_site_sets_no_cookie_and_keeps_only_the_documented_settings(browser, published_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(published_site)
    page.click("form[data-md-component=palette] label:not([hidden])")  # choose the dark scheme
    page.goto(published_site + "en/cbss-2008/education/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"  # the setting is kept
    keys, cookies = page.evaluate(STORAGE_KEYS), context.cookies()
    context.close()

    assert cookies == []
    names = {key.rsplit(".", 1)[-1] for key in keys}  # Material prefixes its keys with the site's path
    assert names == DOCUMENTED


def test_the_privacy_pages_name_the_settings_the_test_allows():
    for name in ("privacy.md", "privacy.en.md"):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert all(f"`{key}`" in text for key in DOCUMENTED), name
