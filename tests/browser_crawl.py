"""One pass of a real browser over every page of the published site, both languages.

Each page is opened once, in the light scheme; axe-core runs there on a desktop and once more on the narrowest phone
(320 px, where tables turn into blocks and the map into its phone drawing); then the reader's palette toggle turns
the page to the dark scheme and axe runs its colour rules (the dark scheme changes colours and nothing else). What
the tests need is read from the page once: its language, alternates, links, ids, tables, timelines, requests,
console errors, and its widths and scroll boxes on a phone (375 and 320 px), on a desktop, and at 400 % zoom of a
1280 × 800 desktop (a 320 × 200 CSS px viewport). Pages are checked three at a time (asyncio, one browser): axe is
most of the time and runs in the renderers.
"""

from __future__ import annotations

import asyncio
import re
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from conftest import CHROMIUM, CHROMIUM_FLAGS

# axe-core as bundled by the PyPI package axe-playwright-python (pinned in requirements.lock with the rest).
AXE_SCRIPT = files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    # an experimental rule of WCAG 2.5.3 (a link's accessible name contains its visible text), off by default
    "rules": {"label-content-name-mismatch": {"enabled": True}},
    "resultTypes": ["violations"],
}
# The dark scheme changes the page's colours and nothing else (Material sets one attribute on <body>; the markup
# and layout are the light scheme's, which the full rule set has checked): axe runs the rules about colour there.
# The page reaches it as a reader does, by the palette toggle in its header, without a second load. (That a first
# visit follows the visitor's prefers-color-scheme is the same inline script on every page: test_browser_pages.)
AXE_COLOUR_OPTIONS = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
}
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 800}
NARROW = {"width": 320, "height": 640}  # the narrowest phone WCAG's reflow asks for (1.4.10)
ZOOM_400 = {"width": 320, "height": 200}  # a 1280 × 800 desktop at 400 % zoom, in CSS px
VIEWPORTS = {"mobile": MOBILE, "desktop": DESKTOP, "narrow": NARROW, "zoom400": ZOOM_400}
WORKERS = 3
PALETTE_TOGGLE = "form[data-md-component=palette] label:visible"  # the one the current scheme shows
SCHEME = "document.body.getAttribute('data-md-color-scheme')"

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@dataclass
class PageReport:
    url: str
    status: int = 0
    lang: str = ""
    scheme: dict[str, str] = field(default_factory=dict)  # "light"/"dark" → Material's data-md-color-scheme
    violations: dict[str, list[dict]] = field(default_factory=dict)  # "light"/"dark"/"phone" → axe violations
    switcher: dict[str, str] = field(default_factory=dict)  # hreflang → the language switcher's link, resolved
    canonical: str = ""
    skip_link: str = ""  # the skip link's target id ("" when there is none)
    references: list[str] = field(default_factory=list)  # every href/src, resolved
    ids: set[str] = field(default_factory=set)
    tables: list[dict] = field(default_factory=list)
    timelines: list[dict] = field(default_factory=list)
    code_links: list[dict] = field(default_factory=list)  # links whose text is a code name: name, struck
    overflow: dict[str, int] = field(default_factory=dict)  # viewport → scrollWidth minus innerWidth of the page
    unscrolled_tables: dict[str, list[str]] = field(default_factory=dict)  # viewport → tables wider than the page
    scroll_boxes: dict[str, list[dict]] = field(default_factory=dict)  # viewport → boxes that scroll sideways
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    policy_violations: dict[str, list[str]] = field(default_factory=dict)  # scheme → Content-Security-Policy ones


def sitemap_alternates(sitemap: Path) -> dict[str, dict[str, str]]:
    """Each page the sitemap names → its alternates (hreflang → URL), as written."""
    return {
        url.findtext("s:loc", namespaces=SITEMAP): {
            link.get("hreflang"): link.get("href") for link in url.iterfind("x:link", SITEMAP)
        }
        for url in ET.parse(sitemap).iterfind("s:url", SITEMAP)
    }


def sitemap_pages(sitemap: Path, site_url: str, root: str) -> list[str]:
    """Every page the sitemap names (its entries and their alternates), on the local server."""
    urls = {url for page, alternates in sitemap_alternates(sitemap).items() for url in (page, *alternates.values())}
    assert urls and all(url.startswith(site_url) for url in urls), "sitemap entries must be under site_url"
    return sorted({root + url.removeprefix(site_url) for url in urls})


READ_PAGE = """() => {
  const visible = el => el.getClientRects().length > 0;
  const scroller = el => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(node).overflowX)) return node;
    }
    return null;
  };
  return {
    lang: document.documentElement.getAttribute('lang') || '',
    switcher: Object.fromEntries([...document.querySelectorAll('a.md-select__link[hreflang]')]
      .map(a => [a.getAttribute('hreflang'), a.href])),
    canonical: document.querySelector('link[rel=canonical]')?.getAttribute('href') || '',
    skip_link: (document.querySelector('a.md-skip')?.getAttribute('href') || '').replace(/^#/, ''),
    references: [...document.querySelectorAll('a[href], link[href], script[src], img[src], source[src], iframe[src]')]
      .map(el => el.href?.baseVal !== undefined ? new URL(el.href.baseVal, document.baseURI).href  // SVG <a>
        : el.href || el.src),
    ids: [...document.querySelectorAll('[id]')].map(el => el.id)
      .concat([...document.querySelectorAll('a[name]')].map(el => el.name)),
    tables: [...document.querySelectorAll('article table')].map(t => ({
      caption: t.caption ? t.caption.textContent.trim() : '',
      unscoped: [...t.querySelectorAll('th')].filter(th => !th.getAttribute('scope')).map(th => th.textContent.trim()),
      scrolls_in: scroller(t)?.className || '',
    })),
    timelines: [...document.querySelectorAll('.bp-timeline')].map(list => ({
      tag: list.tagName.toLowerCase(),
      items: list.children.length,
      not_items: [...list.children].filter(c => c.tagName !== 'LI').length,
      dates: [...list.querySelectorAll('.bp-head')].filter(head => /\\d{4}/.test(head.textContent)).length,
      times: [...list.querySelectorAll('.bp-head time[datetime]')].map(t => t.getAttribute('datetime')),
    })),
    visible_tables: [...document.querySelectorAll('article table')].filter(visible).length,
    // each link in the text whose text is a code name (a file, a field), and whether its underline crosses the
    // name's box, which hides the underscores (status_history.csv read as "status history.csv")
    code_links: [...document.querySelectorAll('article a')].filter(visible)
      .filter(a => a.querySelector(':scope > code') && getComputedStyle(a).display === 'inline')
      .filter(a => getComputedStyle(a).textDecorationLine === 'underline')
      .map(a => {
        const probe = document.createElement('span');  // a box of no height sits on the link's baseline
        probe.style.cssText = 'display: inline-block; width: 0; height: 0';
        a.append(probe);
        const baseline = probe.getBoundingClientRect().bottom;
        probe.remove();
        const underline = baseline + parseFloat(getComputedStyle(a).textUnderlineOffset);
        const box = a.querySelector(':scope > code').getBoundingClientRect();
        return {name: a.textContent.trim(), struck: underline < box.bottom};
      }),
  };
}"""

MEASURE_WIDTH = """() => ({
  overflow: document.scrollingElement.scrollWidth - window.innerWidth,
  wide_tables: [...document.querySelectorAll('article table')]
    .filter(t => t.getBoundingClientRect().right > window.innerWidth + 1)
    .filter(t => {
      for (let node = t.parentElement; node && node !== document.body; node = node.parentElement) {
        const style = getComputedStyle(node).overflowX;
        const inside = node.getBoundingClientRect().right <= window.innerWidth + 1;
        if (['auto', 'scroll'].includes(style) && inside) return false;
      }
      return true;
    })
    .map(t => t.caption ? t.caption.textContent.trim() : t.outerHTML.slice(0, 80)),
  // every box that scrolls sideways (Material's search overlay aside, shown only when open), and whether a
  // keyboard can reach it (tabindex) and it has a name (a labelled region); code names none (its role has no name)
  scroll_boxes: [...document.querySelectorAll('body *')]
    .filter(el => !el.closest('.md-search') && el.getClientRects().length > 0)
    .filter(el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
    .map(el => ({
      box: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim()
        .split(/\\s+/).join('.') : ''),
      text: (el.querySelector('caption')?.textContent || el.textContent).trim().slice(0, 60),
      by: el.scrollWidth - el.clientWidth,
      focusable: el.tabIndex >= 0 && el.hasAttribute('tabindex'),
      named: Boolean(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')),
      code: el.matches('pre > code'),
    })),
})"""


# After a resize, the page as a visitor who opened it at that size would meet it: two frames (the resize observers
# have run and what they changed is laid out, e.g. Material's code blocks made focusable), then the end of the
# transitions the resize started (Material's navigation turning into a drawer fades its titles).
# Every Content-Security-Policy violation the page reports, from its first byte (an init script runs first).
LISTEN_FOR_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(
  `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""
# Transitions and animations end at once: the crawl measures and checks each viewport's settled page, which it would
# otherwise wait for (Material's navigation fades as it turns into a drawer). What is measured is the same.
NO_TRANSITIONS = """document.addEventListener("DOMContentLoaded", () => {
  const style = document.createElement("style");
  style.textContent = "*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important;"
    + " animation-duration: 0s !important; animation-delay: 0s !important; }";
  document.head.append(style);
});"""
SETTLED = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))
  .then(() => Promise.all(document.getAnimations()
    .filter(animation => animation.effect?.getTiming().iterations !== Infinity)
    .map(animation => animation.finished.catch(() => null))))"""


def crawl(pages: list[str], origin: str) -> dict[str, PageReport]:
    """Open every page in a real browser and report on it (see the module's docstring). The crawl runs its own
    event loop in a thread of its own: the test process may already run one (Playwright's synchronous API)."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, _crawl(pages, origin)).result()


async def _crawl(pages: list[str], origin: str) -> dict[str, PageReport]:
    from playwright.async_api import async_playwright

    reports = {url: PageReport(url) for url in pages}
    queue: asyncio.Queue[str] = asyncio.Queue()
    for url in pages:
        queue.put_nowait(url)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        await asyncio.gather(*(_worker(browser, queue, reports, origin) for _ in range(WORKERS)))
        await browser.close()
    return reports


async def _worker(browser, queue, reports, origin) -> None:
    # A context of its own: the palette toggle stores the reader's choice in the context's localStorage, which the
    # next page of the same context reads, so no other tab may toggle in between.
    context = await browser.new_context(viewport=DESKTOP, color_scheme="light")
    for script in (AXE_SCRIPT, NO_TRANSITIONS, LISTEN_FOR_VIOLATIONS):
        await context.add_init_script(script)
    tab = await context.new_page()
    current: list[PageReport] = []  # the report the tab's events belong to

    def on_request(request) -> None:
        if not _local(request.url, origin):
            current[-1].requests.append(request.url)

    def on_console(message) -> None:
        if message.type == "error":
            current[-1].console_errors.append(message.text)

    tab.on("request", on_request)
    tab.on("console", on_console)
    tab.on("pageerror", lambda error: current[-1].console_errors.append(str(error)))
    while not queue.empty():
        report = reports[queue.get_nowait()]
        current.append(report)
        await _check(report, tab)
    await context.close()


async def _check(report: PageReport, tab) -> None:
    response = await tab.goto(report.url, wait_until="load")
    report.status = response.status if response else 0
    report.scheme["light"] = await tab.evaluate(SCHEME)
    result = await tab.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    report.violations["light"] = [_summary(v) for v in result["violations"]]
    found = await tab.evaluate(READ_PAGE)
    report.lang, report.switcher, report.canonical = found["lang"], found["switcher"], found["canonical"]
    report.references, report.ids, report.skip_link = found["references"], set(found["ids"]), found["skip_link"]
    report.tables, report.timelines, report.code_links = found["tables"], found["timelines"], found["code_links"]
    for name, viewport in VIEWPORTS.items():
        await tab.set_viewport_size(viewport)
        await tab.evaluate(SETTLED)  # the page's own resize observers have run (Material's code blocks)
        width = await tab.evaluate(MEASURE_WIDTH)
        report.overflow[name] = width["overflow"]
        report.unscrolled_tables[name] = width["wide_tables"]
        report.scroll_boxes[name] = width["scroll_boxes"]
        if viewport is NARROW:  # the page as the narrowest phone shows it: axe once more
            result = await tab.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
            report.violations["phone"] = [_summary(v) for v in result["violations"]]
    await tab.set_viewport_size(DESKTOP)
    report.policy_violations["light"] = await tab.evaluate("window.__violations")
    await tab.locator(PALETTE_TOGGLE).click()
    await tab.wait_for_function(f"{SCHEME} === 'slate'")
    report.scheme["dark"] = await tab.evaluate(SCHEME)
    result = await tab.evaluate("options => axe.run(document, options)", AXE_COLOUR_OPTIONS)
    report.violations["dark"] = [_summary(v) for v in result["violations"]]
    seen = len(report.policy_violations["light"])
    report.policy_violations["dark"] = (await tab.evaluate("window.__violations"))[seen:]
    await tab.evaluate("localStorage.clear()")  # the toggle's choice forgotten: the next page is a first visit again


def _summary(violation: dict) -> dict:
    return {
        "rule": violation["id"],
        "help": violation["help"],
        "nodes": [" ".join(map(str, node["target"])) for node in violation["nodes"]][:5],
        "detail": re.sub(r"\s+", " ", violation["nodes"][0].get("failureSummary", ""))[:300],
    }


def _local(url: str, origin: str) -> bool:
    return url.startswith(origin) or url.startswith(("data:", "blob:", "about:"))
