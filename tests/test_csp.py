"""Every page carries a strict Content-Security-Policy, and nothing the site does breaks under it: Chromium reports
no violation on any page of either language, and search, the colour switch, the permalink copy, the map and the
charts work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from baltic_plans.csp import inline_script_hashes, policy
from conftest import search_for

# Collects every violation the page reports, from its first byte (an init script runs before the page's own).
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(
  `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    context.add_init_script(LISTEN)
    yield context.new_page()
    context.close()


def test_the_policy_allows_only_the_site_and_the_page_s_own_inline_scripts():
    html = '<head><script>a()</script><script type="application/ld+json">{}</script><script src="x.js"></script>'
    rules = dict(rule.split(" ", 1) for rule in policy(html).split("; "))
    assert rules["script-src"] == "'self' 'sha256-" + inline_script_hashes(html)[0].removeprefix("'sha256-")
    assert len(inline_script_hashes(html)) == 1  # the JSON-LD block does not run and needs no hash
    assert rules["default-src"] == "'self'" and rules["object-src"] == "'none'" and rules["base-uri"] == "'self'"
    assert (
        rules["form-action"] == "'self'" and rules["img-src"] == "'self' data:" and rules["font-src"] == "'self' data:"
    )
    assert "unsafe-inline" not in rules["script-src"] and "unsafe-eval" not in policy(html)


def test_every_page_carries_the_policy_before_any_script(built_site: Path):
    pages = [p for p in built_site.rglob("*.html") if "assets" not in p.parts]
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
        assert meta, path
        assert meta.start() < (head.find("<script") if "<script" in head else len(head)), path
        assert meta.group(1) == policy(html), path  # the hashes of this page's own inline scripts


def test_search_the_colour_switch_the_permalink_map_and_charts_work_under_the_policy(page, published_site: str):
    page.goto(published_site + "cbss-2008/education/")
    search_for(page, "Nordplus")
    page.keyboard.press("Escape")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") != scheme
    page.locator("a.bp-permalink").first.click()
    page.wait_for_function("document.querySelector('.bp-live').textContent.length > 0")
    page.goto(published_site + "places/")
    assert page.locator("figure.bp-map svg a").count() > 5
    page.goto(published_site)
    assert page.locator("figure svg[role=img]").count() >= 1
    assert page.evaluate("window.__violations") == []
