"""Material renders the navigation into every page; the pages of one folder outside it share one rendering
(baltic_plans.fragments, main.html's site_nav), and the site is the same as with one per page."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import DictLoader, Environment

from baltic_plans import fragments
from baltic_plans.fragments import render_once_per_key, shared_nav_key
from conftest import Project

# pages of the sample-plan scenario (tests/scenarios/sample-plan/data/) in folders outside the navigation, two or
# three to a folder: its organisations, places and years
SHARING = [
    "organisations/cbss", "organisations/cbss-cso", "organisations/ncm", "places/riga", "places/tallinn",
    "timeline/2029", "timeline/2030",
]  # fmt: skip


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


def test_the_site_is_the_same_as_with_a_navigation_rendered_for_each_page(sample_project: Project, monkeypatch):
    project = sample_project
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # both builds at one time: the pages show it
    shared = project.build_here(project.root / "shared")
    own: list[str] = []

    def every_page_its_own(page, nav) -> None:  # main.html renders the navigation anew for each page
        own.append(page.url)
        return None

    monkeypatch.setattr(fragments, "shared_nav_key", every_page_its_own)  # the plugin's, in this process
    each = project.build_here(project.root / "each")
    assert shared.ok, shared.log
    assert each.ok, each.log
    built = {p.relative_to(project.root / "shared"): p.read_bytes() for p in (project.root / "shared").rglob("*.html")}
    expected = {p.relative_to(project.root / "each"): p.read_bytes() for p in (project.root / "each").rglob("*.html")}
    assert sorted(built) == sorted(expected)
    pages = [name.parent.as_posix() + "/" for name in expected if name.name == "index.html"]
    assert sorted(own) == sorted("" if url == "./" else url for url in pages)  # each page rendered its own
    # the pages of the folders outside the navigation, which share one rendering in the site, are among them
    assert {Path(lang, page, "index.html") for lang in ("", "en") for page in SHARING} <= built.keys()
    assert [str(name) for name in expected if built[name] != expected[name]] == []
