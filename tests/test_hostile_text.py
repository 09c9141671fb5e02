"""A text in the data never becomes markup or script anywhere the site puts it. Every text field that reaches a
page gets every hostile payload, through the real data files, in one build; then each output is read as what it
is: every HTML page parsed as a browser parses it, each JSON-LD block, the search index, the JSON, CSV and calendar
downloads, and the search box driven in Chromium. The matrix is FIELDS × PAYLOADS (17 × 14 = 238 cases)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import html5lib
import pytest
import yaml
from icalendar import Calendar

from conftest import FROZEN_DATA, SITE_URL, copy_project, search_for, serve

PAYLOADS = (
    '</title><script>alert("title")</script>',
    '</script><script>alert("script")</script>',
    '</textarea><img src=x onerror=alert("textarea")>',
    '</style><img src=x onerror=alert("style")>',
    '<img src=x onerror=alert("img")>',
    'javascript:alert("url")',
    '" onmouseover="alert(1)" x="',
    "' onmouseover='alert(2)' x='",
    "{{ 7 * 7 }}",
    "{% if true %}jinja{% endif %}",
    '[a link](javascript:alert("md"))',
    "![an image](x.png)",
    "\u202eRLO",
    "zero\u200dwidth",
)


def hostile(field: str) -> str:
    return f"HOSTILE-{field} " + " ".join(PAYLOADS)


def text(value: str) -> dict:
    return {"lv": value, "en": value}


# Each field that reaches a page, and where it is in the data files: (file, a function that sets it).
def set_plan(doc: dict, key: str, value: str) -> None:
    doc[key] = text(value)


FIELDS = {
    "plan-title": ("plans/cbss-2008.yml", lambda d, v: set_plan(d, "title", v)),
    "plan-short-title": ("plans/cbss-2008.yml", lambda d, v: set_plan(d, "short_title", v)),
    "plan-summary": ("plans/cbss-2008.yml", lambda d, v: set_plan(d, "summary", v)),
    "plan-note": ("plans/cbss-2008.yml", lambda d, v: d["notes"].__setitem__(0, text(v))),
    "area-title": ("plans/cbss-2008.yml", lambda d, v: d["areas"][0].__setitem__("title", text(v))),
    "area-goal": ("plans/cbss-2008.yml", lambda d, v: d["areas"][0].__setitem__("goal", text(v))),
    "area-note": ("plans/cbss-2008.yml", lambda d, v: d["areas"][0].__setitem__("notes", [text(v)])),
    "task-text": ("plans/cbss-2008.yml", lambda d, v: d["areas"][0]["tasks"][0].__setitem__("text", text(v))),
    "task-note": ("plans/cbss-2008.yml", lambda d, v: d["areas"][0]["tasks"][0].__setitem__("notes", [text(v)])),
    "activity-text": (
        "plans/cbss-2008.yml",
        lambda d, v: d["areas"][0]["tasks"][0]["activities"][1].__setitem__("text", text(v)),
    ),
    "activity-note": (
        "plans/cbss-2008.yml",
        lambda d, v: d["areas"][0]["tasks"][0]["activities"][1].__setitem__("notes", [text(v)]),
    ),
    "activity-group": ("plans/cbss-2008.yml", lambda d, v: group_of_first_grouped(d).__setitem__("group", text(v))),
    "block-title": ("plans/cbss-2008.yml", lambda d, v: d["areas"][2]["blocks"][0].__setitem__("title", text(v))),
    "background-event": (
        "plans/baltmet-2011.yml",
        lambda d, v: d["background"]["events"][0].__setitem__("text", text(v)),
    ),
    "organisation-name": (
        "organisations.yml",
        lambda d, v: record(d, "organisations", "ncm").__setitem__("name", text(v)),
    ),
    "organisation-abbreviation": (
        "organisations.yml",
        lambda d, v: record(d, "organisations", "basrec").__setitem__("abbr", text(v)),
    ),
    "place-name": ("places.yml", lambda d, v: record(d, "places", "riga").__setitem__("name", text(v))),
}


def record(doc: dict, key: str, record_id: str) -> dict:
    return next(item for item in doc[key] if item["id"] == record_id)


def group_of_first_grouped(doc: dict) -> dict:
    return next(a for area in doc["areas"] for t in area["tasks"] for a in t.get("activities", []) if "group" in a)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """The frozen data with every field of FIELDS holding every payload, built in both languages."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project", data=FROZEN_DATA)
    files: dict[str, dict] = {}
    for field, (name, put) in FIELDS.items():
        doc = files.setdefault(name, yaml.safe_load((project.data / name).read_text(encoding="utf-8")))
        put(doc, hostile(field))
    for name, doc in files.items():
        (project.data / name).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert project.check_here().returncode == 0
    build = project.build_here()
    assert build.ok, build.log
    return project.root / "site"


def pages(site: Path) -> list[Path]:
    return [page for page in site.rglob("*.html") if "assets" not in page.parts]


def test_every_page_shows_the_payloads_only_as_text_never_as_an_element_or_a_handler(hostile_site: Path):
    shown_whole: set[str] = set()
    problems = []
    for path in pages(hostile_site):
        tree = html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)
        for element in tree.iter():
            where = f"{path.relative_to(hostile_site)} <{element.tag}>"
            if any(name.lower().startswith("on") for name in element.attrib):
                problems.append(f"{where}: an event handler {dict(element.attrib)}")
            if element.tag == "img" and element.get("src") == "x":
                problems.append(f"{where}: an image made from data")
            runs = element.get("type") in (None, "text/javascript", "module")  # JSON-LD holds the text as data
            if element.tag == "script" and runs and "alert(" in (element.text or ""):
                problems.append(f"{where}: a script made from data")
            if any(str(value).strip().lower().startswith("javascript:") for value in element.attrib.values()):
                problems.append(f"{where}: a javascript: URL {dict(element.attrib)}")
        visible = "".join(tree.itertext())
        shown_whole |= {field for field in FIELDS if hostile(field) in visible}
    assert problems == []
    # every field is somewhere on the site with all its payloads whole, as text (shortened lists aside)
    assert shown_whole == set(FIELDS)


def test_json_ld_parses_and_cannot_close_its_script(hostile_site: Path):
    blocks = 0
    for path in pages(hostile_site):
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', path.read_text(), re.S):
            assert "</" not in block.lower().replace("<\\/", ""), path  # no "</script" can end it early
            json.loads(block)
            blocks += 1
    assert blocks > 5


def test_the_search_index_and_every_download_parse_with_the_payloads_as_text(hostile_site: Path):
    for lang in ("lv", "en"):
        index = json.loads((hostile_site / "search" / f"{lang}.json").read_text(encoding="utf-8"))
        assert any(doc.get("text") == hostile("task-text") for doc in index["docs"])
        data = hostile_site / ("" if lang == "lv" else "en") / "data"
        model = json.loads((data / "all-plans.json").read_text(encoding="utf-8"))
        activities = [a for p in model["plans"] for ar in p["areas"] for t in ar["tasks"] for a in t["activities"]]
        assert any(activity["text"] == hostile("activity-text") for activity in activities)
        rows = list(csv.DictReader(io.StringIO((data / "activities.csv").read_text(encoding="utf-8-sig"))))
        assert any(row["text"] == hostile("activity-text") for row in rows)
        calendar = Calendar.from_ical((data / "all-plans.ics").read_bytes())
        assert any(hostile("activity-text") in str(event["DESCRIPTION"]) for event in calendar.walk("VEVENT"))


def test_the_search_box_shows_the_payloads_as_text(hostile_site: Path, tmp_path, browser):
    host = tmp_path / "host"
    host.mkdir()
    (host / urlparse(SITE_URL).path.strip("/")).symlink_to(hostile_site, target_is_directory=True)
    dialogs = []
    with serve(host) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for prefix in ("", "en/"):
            page.goto(base + urlparse(SITE_URL).path.lstrip("/") + prefix)
            search_for(page, "HOSTILE")
            page.wait_for_timeout(500)  # any image or handler would have fired by now
            results = page.locator(".md-search-result")
            assert results.locator("img[src=x]").count() == 0
            assert page.evaluate("[...document.querySelectorAll('.md-search-result *')].every(e => "
                                 "![...e.attributes].some(a => a.name.startsWith('on')))")  # fmt: skip
            assert "<img src=x" in results.inner_text()
        context.close()
    assert dialogs == []


def test_the_search_box_shows_hostile_tags_as_text(browser, published_site):
    """Nothing from the data reaches a search result's tags today; if it ever does, it stays text."""
    index = {
        "format": 1,
        "lang": "lv",
        "docs": [
            {
                "location": "cbss-2008/#x",
                "title": "Trojas zirgs",
                "text": "Trojas zirgs",
                "kind": "task",
                "tags": ['<img src=x onerror=alert("tag")>', "Uzdevums"],
                "keywords": "",
            }
        ],
    }
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    context.route("**/search/lv.json*", lambda route: route.fulfill(json=index))  # the worker fetches it
    page.goto(published_site)
    search_for(page, "Trojas")
    page.wait_for_timeout(500)
    assert page.locator(".md-search-result img").count() == 0
    assert '<img src=x onerror=alert("tag")>' in page.locator(".md-search-result").inner_text()
    context.close()
    assert dialogs == []


def test_links_that_open_elsewhere_carry_noopener(built_site: Path):
    for path in pages(built_site):
        for link in re.findall(r"<a\b[^>]*>", path.read_text(encoding="utf-8")):
            if 'target="_blank"' in link:
                assert re.search(r'rel="[^"]*\bnoopener\b', link), (path, link)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "http://www.example.org", "data:text/html,x", 'https://a.org/"onclick="x', "ftp://a"]
)
def test_the_data_check_refuses_a_web_address_that_is_not_https_or_mailto(frozen_project, url, monkeypatch):
    monkeypatch.setenv("BALTIC_PLANS_LANG", "en")
    path = frozen_project.data / "organisations.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('url: "https://cbss.org"', f"url: {json.dumps(url)}", 1), encoding="utf-8")
    result = frozen_project.check_here()
    assert result.returncode == 1
    assert "organisations[cbss].url" in result.stderr and "write it with https://" in result.stderr
