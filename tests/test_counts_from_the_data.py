"""What the site counts and publishes agrees with the data files read on their own (plain YAML, not the site's
model): every activity of a task, a block or a background is in the downloads, every place of an activity counts
for that place, and a calendar event is tentative exactly when its activity is planned."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

import yaml
from icalendar import Calendar

from conftest import ROOT


def raw_activities() -> list[dict]:
    """Every activity and background event, as the YAML holds it."""
    found = []
    for path in sorted((ROOT / "data" / "plans").glob("*.yml")):
        plan = yaml.safe_load(path.read_text(encoding="utf-8"))
        for area in plan["areas"]:
            for owner in [*area.get("tasks", []), *area.get("blocks", [])]:
                found += owner.get("activities", [])
        found += (plan.get("background") or {}).get("events", [])
    return found


def csv_rows(site: Path, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO((site / "data" / name).read_text(encoding="utf-8-sig"))))


def test_every_activity_of_tasks_blocks_and_backgrounds_is_in_the_downloads(built_site: Path):
    expected = Counter(activity["id"] for activity in raw_activities())
    assert any("blocks" in area for area in yaml.safe_load((ROOT / "data/plans/cbss-2008.yml").read_text())["areas"])
    assert Counter(row["id"] for row in csv_rows(built_site, "activities.csv")) == expected


def test_every_place_of_an_activity_lists_it_on_that_place_s_page(built_site: Path):
    expected: dict[str, set[str]] = {}
    for activity in raw_activities():
        for place in activity.get("places", []):
            expected.setdefault(place, set()).add(activity["id"])
    assert any(len(activity.get("places", [])) > 1 for activity in raw_activities())  # the case that matters
    every_id = {activity["id"] for activity in raw_activities()}
    html = (built_site / "places" / "index.html").read_text(encoding="utf-8")
    for place, ids in expected.items():
        page = (built_site / "places" / place / "index.html").read_text(encoding="utf-8")
        article = page[page.index("<article") : page.index("</article>")]
        linked = {anchor for anchor in re.findall(r'href="[^"#]*#([a-z0-9-]+)"', article) if anchor in every_id}
        assert linked == ids, place
        assert f'href="{place}/"' in html, place


def test_a_calendar_event_is_tentative_exactly_when_its_activity_is_planned(built_site: Path):
    status = {activity["id"]: activity["status"] for activity in raw_activities()}
    calendar = Calendar.from_ical((built_site / "data" / "all-plans.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert events
    for event in events:
        record = str(event["UID"]).split("/", 1)[1].rsplit(".", 1)[0]
        assert str(event["STATUS"]) == ("TENTATIVE" if status[record] == "planned" else "CONFIRMED"), record
