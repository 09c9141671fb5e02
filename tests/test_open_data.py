"""Open data: every export of both languages parses with standard tools and holds exactly the model's records."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import replace
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import frictionless
import pytest
from icalendar import Calendar
from mkdocs.utils.yaml import yaml_load as mkdocs_yaml_load
from test_build import LANGUAGES, page, parse, timeline_years

from baltic_plans import ics, jsonld
from baltic_plans.addresses import area_pages, plan_page, record_page
from baltic_plans.dates import Precision
from baltic_plans.edition import Edition
from baltic_plans.model import Site
from baltic_plans.open_data import ALL_PLANS, DATA_PACKAGE
from baltic_plans.tables import TABLES
from baltic_plans.views import file_size, label
from conftest import MKDOCS, Project

# -- helpers ---------------------------------------------------------------------------------------


def data_dir(site: Path, lang: str) -> Path:
    return site / LANGUAGES[lang] / "data"


def table_rows(site: Path, lang: str, name: str) -> list[dict]:
    text = (data_dir(site, lang) / f"{name}.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def calendar(site: Path, lang: str, name: str = f"{ALL_PLANS}.ics") -> Calendar:
    return Calendar.from_ical((data_dir(site, lang) / name).read_bytes())


def events_by_uid(cal: Calendar) -> dict:
    return {str(event["UID"]): event for event in cal.walk("VEVENT")}


def model_ids(site: Site) -> dict[str, set]:
    """The ids each CSV file must hold, straight from the model."""
    tasks = {record.id for plan in site.plans for area in plan.areas for record in (*area.tasks, *area.blocks)}
    return {
        "plans": {plan.id for plan in site.plans},
        "areas": {f"{plan.id}/{area.id}" for plan in site.plans for area in plan.areas},
        "tasks": tasks,
        "activities": {placed.activity.id for placed in site.activities()},
        "organisations": set(site.organisations),
        "places": set(site.places),
    }


def row_key(name: str, row: dict) -> str:
    return f"{row['plan_id']}/{row['id']}" if name == "areas" else row["id"]


# -- CSV and the data package -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_csv_file_holds_exactly_the_models_records_once(built_site: Path, real_site: Site, lang: str):
    for name, expected in model_ids(real_site).items():
        keys = [row_key(name, row) for row in table_rows(built_site, lang, name)]
        assert len(keys) == len(set(keys)) == len(expected), name
        assert set(keys) == expected, name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_data_package_validates_with_frictionless(built_site: Path, lang: str):
    package = data_dir(built_site, lang) / DATA_PACKAGE
    report = frictionless.validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    assert [resource["path"] for resource in descriptor["resources"]] == [table.file_name for table in TABLES]
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert report.stats["tasks"] == len(TABLES)  # frictionless checked every table, keys included


@pytest.mark.parametrize("lang", LANGUAGES)
def test_csv_headers_are_the_column_definitions(built_site: Path, lang: str):
    for table in TABLES:
        with (data_dir(built_site, lang) / table.file_name).open(encoding="utf-8-sig", newline="") as file:
            assert next(csv.reader(file)) == [column.name for column in table.columns]


def test_activity_dates_keep_the_source_precision(built_site: Path, real_site: Site):
    rows = {row["id"]: row for row in table_rows(built_site, "en", "activities")}
    for placed in real_site.activities():
        row, date = rows[placed.activity.id], placed.activity.date
        if date is None:
            assert row["date"] == row["date_first_day"] == row["date_last_day"] == ""
            continue
        assert row["date"] == str(date)  # the EDTF string as in the data: never a made-up day
        assert row["date_precision"] == date.precision.value
        assert (row["date_first_day"], row["date_last_day"]) == (str(date.first_day), str(date.last_day))
    assert {row["date_precision"] for row in rows.values()} >= {"day", "month", "year"}


def test_the_languages_differ_only_in_texts_never_in_records(built_site: Path):
    for table in TABLES:
        lv, en = table_rows(built_site, "lv", table.name), table_rows(built_site, "en", table.name)
        assert len(lv) == len(en)
        for column in table.columns:
            lv_values, en_values = [r[column.name] for r in lv], [r[column.name] for r in en]
            if column.in_language:
                assert lv_values != en_values or not any(lv_values), (table.name, column.name)
            else:
                assert lv_values == en_values, (table.name, column.name)
    lv_events, en_events = events_by_uid(calendar(built_site, "lv")), events_by_uid(calendar(built_site, "en"))
    assert not lv_events.keys() & en_events.keys()  # subscribed to both, a reader keeps both
    assert {uid.replace(".lv@", "@") for uid in lv_events} == {uid.replace(".en@", "@") for uid in en_events}
    for uid, event in lv_events.items():
        for name in ("DTSTART", "DTEND", "STATUS", ics.PRECISION_PROPERTY):
            assert event.decoded(name) == en_events[uid.replace(".lv@", ".en@")].decoded(name), (uid, name)


# -- JSON -----------------------------------------------------------------------------------------------


def walk_ids(value) -> list[str]:
    if isinstance(value, dict):
        return [*([value["id"]] if "id" in value else []), *(i for v in value.values() for i in walk_ids(v))]
    if isinstance(value, list):
        return [i for v in value for i in walk_ids(v)]
    return []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_json_files_hold_the_whole_model_in_the_language(built_site: Path, real_site: Site, lang: str):
    whole = json.loads((data_dir(built_site, lang) / f"{ALL_PLANS}.json").read_text(encoding="utf-8"))
    assert whole["language"] == lang
    # a plan's reports in the JSON begin with its own (as_of) report, which the data does not list
    reports = {plan.id: [{"id": report.id} for report in real_site.reports[plan.id]] for plan in real_site.plans}
    model = [plan.model_dump(mode="json") | {"reports": reports[plan.id]} for plan in real_site.plans]
    assert walk_ids(whole["plans"]) == walk_ids(model)
    assert [o["id"] for o in whole["organisations"]] == list(real_site.organisations)
    for plan in real_site.plans:
        own = json.loads((data_dir(built_site, lang) / "plans" / f"{plan.id}.json").read_text(encoding="utf-8"))
        assert [p["id"] for p in own["plans"]] == [plan.id]
        assert own["plans"][0]["title"] == plan.title(lang)


# -- iCalendar -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_calendar_event_is_a_valid_all_day_event_of_a_dated_activity(
    built_site: Path, real_site: Site, lang: str
):
    for plan in (None, *real_site.plans):
        name = f"plans/{plan.id}.ics" if plan else f"{ALL_PLANS}.ics"
        if plan and not any(ics.in_calendar(p) for p in real_site.activities(plan)):
            assert not (data_dir(built_site, lang) / name).exists(), name  # no empty calendar
            continue
        events = calendar(built_site, lang, name).walk("VEVENT")
        expected = {ics.uid(p, lang): p for p in real_site.activities(plan) if ics.in_calendar(p)}
        uids = [str(event["UID"]) for event in events]
        assert len(uids) == len(set(uids)) and set(uids) == set(expected), name
        for event in events:
            assert {"UID", "DTSTAMP", "DTSTART", "DTEND"} <= set(event), event["UID"]
            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
            assert type(start) is dt.date and type(end) is dt.date  # all-day: VALUE=DATE, no time
            date = expected[str(event["UID"])].activity.when  # narrowed to "mid-March" where the source says so
            assert start == date.first_day
            assert end == date.last_day + dt.timedelta(days=1) > start  # RFC 5545: the end is exclusive


def test_a_month_or_season_date_spans_its_whole_period_with_its_precision_stated(built_site: Path, real_site: Site):
    events = events_by_uid(calendar(built_site, "en"))
    month = [p for p in real_site.activities() if p.activity.date and p.activity.date.precision is Precision.MONTH]
    assert month
    for placed in month:
        event = events[ics.uid(placed, "en")]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert str(event[ics.PRECISION_PROPERTY]) == "month"
        if placed.activity.within is None:  # the whole month, not a made-up day
            assert start.day == 1 and end.day == 1 and (end - start).days >= 28
            assert "month only" in str(event["DESCRIPTION"])
        else:  # early, mid or end: that third of the month (dates.py's order rule), said in words
            assert start.day in (1, 11, 21) and 8 <= (end - start).days <= 11
            assert "only approximately" in str(event["DESCRIPTION"])


def test_year_only_dates_are_left_out_of_the_calendars_and_counted_by_year_on_the_open_data_page(
    built_site: Path, real_site: Site
):
    left_out = ics.left_out(real_site.activities())
    assert left_out and all(p.activity.date.precision is Precision.YEAR for p in left_out)
    assert not {ics.uid(p, "en") for p in left_out} & events_by_uid(calendar(built_site, "en")).keys()
    html = page(built_site, "en/open-data")
    listed = html[html.index('class="bp-plain bp-left-out"') :]
    listed = listed[: listed.index("</ul>")]
    by_year = Counter(p.activity.date.start.year for p in left_out)
    assert re.findall(r'<a href="\.\./timeline/(\d{4})/">\1</a>: (\d+)', listed) == [
        (str(year), str(count)) for year, count in sorted(by_year.items())
    ]
    years = timeline_years(built_site, "en")
    for year in by_year:  # each is on its year's timeline page (or one of its parts), linking to its record
        timeline = "".join(page(built_site, url) for url in years[str(year)])
        assert all(p.activity.id in timeline for p in left_out if p.activity.date.start.year == year)


# -- the pages ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_open_data_page_lists_every_file_with_its_size(built_site: Path, lang: str):
    prefix = LANGUAGES[lang]
    html = page(built_site, f"{prefix}open-data")
    folder = data_dir(built_site, lang)
    published = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    listed = {href.removeprefix("../data/") for href, attrs in parse(html).links if "download" in attrs}
    assert listed == published
    for name in published:
        size = file_size((folder / name).stat().st_size, lang)
        assert re.search(
            rf"<code>{re.escape(name)}</code></a></th>.*?<td [^>]*class=\"bp-size\"[^>]*>{size}</td>", html
        ), name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_open_data_page_describes_each_csv_column_from_the_column_definitions(built_site: Path, lang: str):
    html = page(built_site, f"{LANGUAGES[lang]}open-data")
    for table in TABLES:
        section = unescape(html.split(f'id="columns-{table.name}"')[1].split("</table>")[0])
        assert re.findall(r'<th scope="row"[^>]*><code>([\w]+)</code></th>', section) == [c.name for c in table.columns]
        assert all(column.description(lang) in section for column in table.columns)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_plan_page_links_its_data_and_the_open_data_page(built_site: Path, real_site: Site, lang: str):
    prefix = LANGUAGES[lang]
    for plan in real_site.plans:
        hrefs = {href for href, _ in parse(page(built_site, f"{prefix}{plan.id}")).links}
        dated = any(ics.in_calendar(placed) for placed in real_site.activities(plan))
        for extension in ("json", "ics") if dated else ("json",):  # no empty calendar is offered
            href = f"../data/plans/{plan.id}.{extension}"
            assert href in hrefs and (built_site / prefix / plan.id / href).resolve().is_file()
        assert dated or f"../data/plans/{plan.id}.ics" not in hrefs
        assert "../open-data/" in hrefs


# -- JSON-LD --------------------------------------------------------------------------------------------

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_json_ld_block_is_valid_schema_org_and_each_dated_activity_is_one_event(
    built_site: Path, real_site: Site, lang: str
):
    nodes = []
    for path in (built_site / LANGUAGES[lang]).rglob("index.html"):
        if lang == "lv" and path.relative_to(built_site).parts[0] == "en":
            continue
        for block in LD_JSON.findall(path.read_text(encoding="utf-8")):
            graph = json.loads(block)
            assert graph["@context"] == "https://schema.org"
            assert all(node["@type"] for node in graph["@graph"])
            nodes += graph["@graph"]
    events = [node for node in nodes if node["@type"] == "Event"]
    dated = [p for p in real_site.activities() if p.activity.date]
    assert sorted(e["@id"].partition("#")[2] for e in events) == sorted(p.activity.id for p in dated)
    for event, placed in zip(
        sorted(events, key=lambda e: e["@id"].partition("#")[2]),
        sorted(dated, key=lambda p: p.activity.id),
        strict=True,
    ):
        assert event["startDate"] == placed.activity.date.start.iso  # "2008-03" for March 2008
    bodies = [node for node in nodes if node["@type"] != "Event"]
    assert sorted(node["@id"].partition("#")[2] for node in bodies) == sorted(real_site.organisations)
    assert {"GovernmentOrganization", "Organization"} <= {node["@type"] for node in bodies}


def test_json_ld_text_cannot_end_its_script_element():
    graph = {"name": "</script><script>alert(1)</script> & <!--"}
    text = jsonld.script_text(graph)
    assert "<" not in text and ">" not in text
    assert json.loads(text) == graph


# -- permalinks -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_task_block_and_activity_has_a_labelled_link_to_its_anchor(built_site: Path, real_site: Site, lang: str):
    for plan in real_site.plans:
        for area in plan.areas:
            html = page(built_site, f"{LANGUAGES[lang]}{plan.id}/{area.id}")
            links = {
                href: text
                for href, text in re.findall(r'<a class="bp-permalink" href="([^"]+)"[^>]*>([^<]+)</a>', html)
            }
            records = [
                *area.tasks,
                *area.blocks,
                *(a for owner in (*area.tasks, *area.blocks) for a in owner.activities),
            ]
            for record in records:
                assert links.get(f"#{record.id}") == label("permalink", lang), (lang, record.id)


def test_mkdocs_serve_publishes_the_downloads_of_both_languages(sample_project: Project):
    """On a small site (the sample-plan scenario): what is tested is serve's way of publishing them."""
    project = sample_project
    with socket.socket() as probe:  # a free port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    mount = urlsplit(mkdocs_yaml_load((project.root / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).path
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [*MKDOCS, "serve", "--strict", "--no-livereload", "-a", f"127.0.0.1:{port}"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    server = subprocess.Popen(command, cwd=project.root, env=env, **quiet)
    try:
        base = f"http://127.0.0.1:{port}{mount}"
        headers = {lang: fetch_when_up(f"{base}{prefix}data/tasks.csv") for lang, prefix in LANGUAGES.items()}
    finally:
        server.terminate()
        server.wait(timeout=30)
    header = (
        "id,plan_id,area_id,kind,number,text,organisations,coordinator,shares_cell_with,notes,source_file,"
        "source_lines,url,last_changed,translation_pending"
    )
    assert headers == {lang: header for lang in LANGUAGES}


def fetch_when_up(url: str, seconds: float = 120) -> str:
    """The first line of the file at `url`, once the server has built the site."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8-sig").splitlines()[0]
        except urllib.error.HTTPError:
            raise
        except (urllib.error.URLError, ConnectionError):  # not listening yet: the first build runs before
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_each_pages_linked_data_comes_from_one_index_of_the_site_not_a_scan_of_the_plans(real_site: Site, monkeypatch):
    made = []
    index = jsonld.activities_by_page
    monkeypatch.setattr(jsonld, "activities_by_page", lambda site: made.append(site) or index(site))
    site = replace(real_site)  # a site whose indexes are not made yet
    edition = Edition(site, "en", dt.datetime(2026, 1, 1, tzinfo=dt.UTC), "Baltic Plans")
    for plan in site.plans:
        for path in (plan_page(plan.id), *area_pages(plan)):
            graph = jsonld.page_graph(edition, path)
            events = {node["@id"].partition("#")[2] for node in graph["@graph"]} if graph else set()
            on_page = [p for p in site.activities(plan) if record_page(plan.id, p.area and p.area.id) == path]
            expected = {p.activity.id for p in on_page if p.activity.date}
            assert events == expected, path
    assert made == [site]
