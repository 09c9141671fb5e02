"""What the site counts, shows and publishes agrees with the data files read on their own (plain YAML, not the
site's model): every activity of a task, a block or a background is in the downloads, the charts and the counts;
every place of an activity counts for that place; each activity shows the word for its status; a calendar holds
every activity dated more closely than a year, tentative exactly when it is planned.

The expected values come from yaml.safe_load of the data files and from words written here by hand, never from the
code that builds the site, so a fault in that code cannot make its own expectation. The site is the frozen data's
(tests/fixtures/frozen-data), which keeps the cases that matter: a block, an activity at several places, each status,
dates known only to the year."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from icalendar import Calendar

from conftest import FROZEN_DATA

LANGUAGES = {"lv": "", "en": "en/"}
# The status words a reader sees, as a native reader writes them
STATUS_WORDS = {
    "lv": {"done": "paveikts", "ongoing": "notiek", "planned": "plānots"},
    "en": {"done": "done", "ongoing": "ongoing", "planned": "planned"},
}


@dataclass(frozen=True)
class Record:
    """An activity or a background event as the YAML holds it, with where it is."""

    plan: str
    area: str  # "" for a background event
    owner: str  # the task's or block's id; "" for a background event
    activity: dict

    @property
    def id(self) -> str:
        return self.activity["id"]


def plans() -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((FROZEN_DATA / "plans").glob("*.yml"))]


def raw_records() -> list[Record]:
    """Every activity and background event, as the YAML holds it."""
    found = []
    for plan in plans():
        for area in plan["areas"]:
            for owner in [*area.get("tasks", []), *area.get("blocks", [])]:
                found += [Record(plan["id"], area["id"], owner["id"], a) for a in owner.get("activities", [])]
        found += [Record(plan["id"], "", "", event) for event in (plan.get("background") or {}).get("events", [])]
    return found


def raw_activities() -> list[dict]:
    return [record.activity for record in raw_records()]


def raw_ids(file: str, key: str) -> set[str]:
    return {record["id"] for record in yaml.safe_load((FROZEN_DATA / file).read_text(encoding="utf-8"))[key]}


def csv_rows(site: Path, name: str, lang: str = "lv") -> list[dict]:
    text = (site / LANGUAGES[lang] / "data" / name).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def html_pages(site: Path, lang: str) -> list[Path]:
    pages = (site / LANGUAGES[lang]).rglob("index.html")
    return [p for p in pages if lang != "lv" or p.relative_to(site).parts[0] != "en"]


def calendar_events(site: Path, lang: str = "lv") -> list:
    return Calendar.from_ical((site / LANGUAGES[lang] / "data" / "all-plans.ics").read_bytes()).walk("VEVENT")


def event_record(event) -> str:
    """The id of the record an event is of: its link's #anchor."""
    return urlsplit(str(event["URL"])).fragment


@pytest.fixture
def site(frozen_built_site: Path) -> Path:
    """The frozen data's site, both languages."""
    return frozen_built_site


# -- the downloads ---------------------------------------------------------------------------------


def test_every_activity_of_tasks_blocks_and_backgrounds_is_in_the_downloads(site: Path):
    expected = Counter(activity["id"] for activity in raw_activities())
    assert any("blocks" in area for plan in plans() for area in plan["areas"])  # the case that matters
    assert Counter(row["id"] for row in csv_rows(site, "activities.csv")) == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_csv_file_holds_exactly_the_records_of_the_data_files(site: Path, lang: str):
    raw = plans()
    expected = {
        "plans.csv": Counter(plan["id"] for plan in raw),
        "areas.csv": Counter(f"{plan['id']}/{area['id']}" for plan in raw for area in plan["areas"]),
        "tasks.csv": Counter(
            f"{plan['id']}/{area['id']}/{kind}/{owner['id']}"
            for plan in raw
            for area in plan["areas"]
            for kind in ("task", "block")
            for owner in area.get(f"{kind}s", [])
        ),
        "activities.csv": Counter(f"{r.plan}/{r.area}/{r.owner}/{r.id}/{r.activity['status']}" for r in raw_records()),
        "organisations.csv": Counter(raw_ids("organisations.yml", "organisations")),
        "places.csv": Counter(raw_ids("places.yml", "places")),
    }
    published = {
        "plans.csv": "{id}",
        "areas.csv": "{plan_id}/{id}",
        "tasks.csv": "{plan_id}/{area_id}/{kind}/{id}",
        "activities.csv": "{plan_id}/{area_id}/{task_id}/{id}/{status}",
        "organisations.csv": "{id}",
        "places.csv": "{id}",
    }
    for name, key in published.items():
        assert Counter(key.format(**row) for row in csv_rows(site, name, lang)) == expected[name], name


# -- the pages ---------------------------------------------------------------------------------------

STATUS_BADGE = re.compile(  # an activity's id, then the class and the word of its status
    r'<li class="bp-activity[^"]*" id="([^"]+)">\s*'
    r'<p class="bp-head"><span class="bp-status bp-status--(\w+)">([^<]*)</span>'
)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_activity_shows_the_word_for_its_status_in_the_data(site: Path, lang: str):
    status = {record.id: record.activity["status"] for record in raw_records()}
    shown = set()
    for page in html_pages(site, lang):
        for record, css, word in STATUS_BADGE.findall(page.read_text(encoding="utf-8")):
            expected = status[record]
            assert (css, word) == (expected, STATUS_WORDS[lang][expected]), f"{page}: {record}"
            shown.add(record)
    assert shown == set(status)
    assert set(status.values()) == {"done", "ongoing", "planned"}  # every word is checked


def chart_rows(html: str, lang: str) -> list[tuple[int, int, int, int]]:
    """(activities, done, ongoing, planned) of each bar of the page's chart, from its text equivalent."""
    words = STATUS_WORDS[lang]
    desc = re.search(r'<figure class="bp-chart">.*?<desc[^>]*>(.*?)</desc>', html, re.S).group(1)
    row = rf"(\d+) \w+ \({words['done']}: (\d+), {words['ongoing']}: (\d+), {words['planned']}: (\d+)\)"
    return [tuple(int(n) for n in found) for found in re.findall(row, desc)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_plan_s_chart_counts_the_activities_of_its_tasks_and_blocks_by_status(site: Path, lang: str):
    charted = 0
    for plan in plans():
        html = (site / LANGUAGES[lang] / plan["id"] / "index.html").read_text(encoding="utf-8")
        expected = []
        for area in plan["areas"]:
            owners = [*area.get("tasks", []), *area.get("blocks", [])]
            statuses = Counter(a["status"] for owner in owners for a in owner.get("activities", []))
            expected.append((statuses.total(), statuses["done"], statuses["ongoing"], statuses["planned"]))
        if not any(total for total, *_ in expected):  # a plan that reports no progress has no chart
            assert '<figure class="bp-chart">' not in html, plan["id"]
            continue
        assert chart_rows(html, lang) == expected, plan["id"]
        charted += 1
    assert charted


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_place_of_an_activity_counts_for_that_place_on_the_map_and_in_its_table(site: Path, lang: str):
    expected = Counter(place for activity in raw_activities() for place in set(activity.get("places", [])))
    assert any(len(activity.get("places", [])) > 1 for activity in raw_activities())  # the case that matters
    html = (site / LANGUAGES[lang] / "places" / "index.html").read_text(encoding="utf-8")
    drawing, table = html.split("</figure>", 1)
    row = r'<tr><td><a href="([a-z0-9-]+)/">[^<]*</a></td><td>[^<]*</td><td>(\d+)</td></tr>'
    assert {place: int(n) for place, n in re.findall(row, table)} == expected
    markers = {place: int(n) for place, n in re.findall(r'<a href="([a-z0-9-]+)/" aria-label="[^"]*: (\d+) ', drawing)}
    assert markers and all(expected[place] == n for place, n in markers.items())


def test_every_place_of_an_activity_lists_it_on_that_place_s_page(site: Path):
    expected: dict[str, set[str]] = {}
    for activity in raw_activities():
        for place in activity.get("places", []):
            expected.setdefault(place, set()).add(activity["id"])
    assert any(len(activity.get("places", [])) > 1 for activity in raw_activities())  # the case that matters
    every_id = {activity["id"] for activity in raw_activities()}
    html = (site / "places" / "index.html").read_text(encoding="utf-8")
    for place, ids in expected.items():
        page = (site / "places" / place / "index.html").read_text(encoding="utf-8")
        article = page[page.index("<article") : page.index("</article>")]
        linked = {anchor for anchor in re.findall(r'href="[^"#]*#([a-z0-9-]+)"', article) if anchor in every_id}
        assert linked == ids, place
        assert f'href="{place}/"' in html, place


# -- the calendars -----------------------------------------------------------------------------------


def known_closer_than_a_year(activity: dict) -> bool:
    """A date whose every end gives at least a season or a month: '2008-03', not '2008' nor '2007-10/2008'."""
    ends = activity.get("date", "").split("/")
    return bool(ends[0]) and not any(re.fullmatch(r"\d{4}", end) for end in ends)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_calendar_holds_every_activity_dated_more_closely_than_a_year(site: Path, lang: str):
    expected = Counter(a["id"] for a in raw_activities() if known_closer_than_a_year(a))
    assert expected and any(not known_closer_than_a_year(a) and "date" in a for a in raw_activities())
    assert Counter(event_record(event) for event in calendar_events(site, lang)) == expected


def test_a_calendar_event_is_tentative_exactly_when_its_activity_is_planned(site: Path):
    status = {activity["id"]: activity["status"] for activity in raw_activities()}
    events = calendar_events(site)
    statuses = {status[event_record(event)] for event in events}
    assert "planned" in statuses and statuses != {"planned"}  # tentative and confirmed events are both checked
    for event in events:
        record = event_record(event)
        assert str(event["STATUS"]) == ("TENTATIVE" if status[record] == "planned" else "CONFIRMED"), record
