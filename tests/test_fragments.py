"""Material renders the navigation into every page; the pages of one folder outside it share one rendering
(baltic_plans.fragments, main.html's site_nav), and the site is the same as with one per page."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from jinja2 import DictLoader, Environment

from baltic_plans.fragments import render_once_per_key, shared_nav_key
from conftest import Project

EVERY_PAGE_ITS_OWN_NAV = """
from mkdocs.plugins import event_priority


@event_priority(-100)
def on_page_context(context, page, config, nav):
    context["bp_nav_key"] = None
    return context
"""


def nav_of(*urls: str) -> SimpleNamespace:
    return SimpleNamespace(pages=[SimpleNamespace(url=url) for url in urls])


def page(url: str) -> SimpleNamespace:
    return SimpleNamespace(url=url)


def test_the_pages_of_a_folder_outside_the_navigation_share_its_rendering():
    nav = nav_of("", "timeline/", "organisations/", "cbss-2008/", "cbss-2008/education/")
    assert shared_nav_key(page("organisations/cbss/"), nav) == shared_nav_key(page("organisations/helcom/"), nav)
    assert shared_nav_key(page("timeline/2008/"), nav) == shared_nav_key(page("timeline/2011/"), nav)
    assert shared_nav_key(page("organisations/cbss/"), nav) != shared_nav_key(page("timeline/2008/"), nav)
    assert shared_nav_key(page("privacy/"), nav) == shared_nav_key(page("accessibility-statement/"), nav)
    assert shared_nav_key(page("cbss-2008/report/"), nav) is not None


@pytest.mark.parametrize("url", ["", "timeline/", "cbss-2008/education/"])
def test_a_page_in_the_navigation_renders_its_own(url: str):
    assert shared_nav_key(page(url), nav_of("", "timeline/", "cbss-2008/", "cbss-2008/education/")) is None


def test_a_page_with_navigation_pages_below_it_renders_its_own():
    assert shared_nav_key(page("guides/"), nav_of("", "guides/setup/")) is None  # it links them as "setup/"


def test_a_call_block_renders_its_body_once_per_key_and_always_without_one():
    template = Environment(loader=DictLoader({"t": "{% call once(key) %}{{ n }}{% endcall %}"})).get_template("t")
    once = render_once_per_key()
    rendered = [
        template.render(once=once, key=key, n=n) for key, n in (("a", 1), ("a", 2), ("b", 3), (None, 4), (None, 5))
    ]
    assert rendered == ["1", "1", "3", "4", "5"]
    assert Environment().from_string("{% call once('a') %}6{% endcall %}").render(once=render_once_per_key()) == "6"


def test_the_site_is_the_same_as_with_a_navigation_rendered_for_each_page(project: Project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    shared = project.build(project.root / "shared")
    (project.root / "hooks" / "every_nav.py").write_text(EVERY_PAGE_ITS_OWN_NAV, encoding="utf-8")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/every_nav.py\n"))
    each = project.build(project.root / "each")
    assert shared.returncode == 0, shared.stderr
    assert each.returncode == 0, each.stderr
    built = {p.relative_to(project.root / "shared"): p.read_bytes() for p in (project.root / "shared").rglob("*.html")}
    expected = {p.relative_to(project.root / "each"): p.read_bytes() for p in (project.root / "each").rglob("*.html")}
    assert len(built) > 150
    assert sorted(built) == sorted(expected)
    assert [str(name) for name in expected if built[name] != expected[name]] == []
