"""With the keyboard alone, in a real browser, on a home, an area and a timeline page of each language: the first
Tab stop is the skip link and it leads to the content; Tab reaches every visible control, in turn, and each shows
where the focus is. The skip link of every page is checked in test_browser_pages.py."""

from __future__ import annotations

import pytest

PAGES = ["", "cbss-2008/education/", "timeline/", "en/", "en/cbss-2008/education/", "en/timeline/"]

# Every visible control a visitor can operate, each marked with its name; a group of radio buttons is one Tab
# stop (arrow keys move within the group), so its buttons share one name.
MARK_CONTROLS = """() => {
  const selector = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, '
    + 'summary, [tabindex]:not([tabindex="-1"])';
  const controls = [...document.querySelectorAll(selector)]
    .filter(el => el.tabIndex >= 0 && !el.closest('[hidden]') && el.checkVisibility({visibilityProperty: true}));
  const names = {};
  controls.forEach((el, i) => {
    el.dataset.bpControl = el.type === 'radio' ? 'radio:' + el.name : String(i);
    names[el.dataset.bpControl] = el.outerHTML.slice(0, 120);
  });
  return names;
}"""

# Controls every page has (the skip link, the search field, the language switch), so a page whose controls were
# not found fails rather than passes with none to reach
EVERY_PAGE_HAS = ('class="md-skip"', 'class="md-search__input"', "hreflang=")

# The focused control, and whether something shows it: an outline or a box shadow on it (on its label for
# Material's palette radios, which are invisible and show their focus on the label that follows)
FOCUSED = """() => {
  const el = document.activeElement;
  const again = el === document.body || el.dataset.bpSeen === 'yes';
  el.dataset.bpSeen = 'yes';
  const shown = el.matches('input.md-option') ? el.nextElementSibling : el;
  const style = getComputedStyle(shown);
  return {
    control: el.dataset.bpControl ?? null,
    again,
    html: el.outerHTML.slice(0, 120),
    visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
  };
}"""


@pytest.fixture(scope="module")
def keyboard_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_the_first_tab_stop_is_the_skip_link_and_it_leads_to_the_content(keyboard_page, published_site, path):
    page = keyboard_page
    page.goto(published_site + path)
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    skip.wait_for(state="visible")
    page.wait_for_function("() => getComputedStyle(document.querySelector('a.md-skip')).opacity === '1'")  # fades in
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
    assert page.locator(target).bounding_box()["y"] < 200  # scrolled to the content (below the fixed header)


@pytest.mark.parametrize("path", PAGES)
def test_tab_reaches_every_control_and_shows_the_focus(keyboard_page, published_site, path):
    page = keyboard_page
    page.goto(published_site + path)
    controls = page.evaluate(MARK_CONTROLS)
    marked = " ".join(controls.values())
    assert all(control in marked for control in EVERY_PAGE_HAS), f"controls not found: {marked[:500]}"
    reached, hidden_focus = set(), []
    for _ in range(len(controls) + 20):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["again"]:
            break  # past the last control (the browser's own UI) or round again
        reached.add(focused["control"])
        if not focused["visible"]:
            hidden_focus.append(focused["html"])
    assert [html for name, html in controls.items() if name not in reached] == []
    assert hidden_focus == []
