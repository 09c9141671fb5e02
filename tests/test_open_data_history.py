"""The open data follows progress over time: every report of a plan, each activity's status at each of them
(status_history.csv, the JSON's `reports` and `history`), and the calendars' word of it.

Built from the frozen data with the fixture plan harbour-2033 (tests/fixtures/progress): reports on 1 February
2032 (its as_of), 1 July 2032 (changes two statuses, moves a date and adds an activity) and 15 December 2032
(changes one status). Every expected value is read off that YAML by hand. The copy is not in Git, so no record
has a date of its last change."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import frictionless
import pytest
from icalendar import Calendar

FOLDERS = {"lv": "", "en": "en"}
FIRST, SECOND, THIRD = "harbour-2033-2032-02-01", "harbour-2033-second", "harbour-2033-third"
SURVEY, SCHEME, HANDBOOK = "harbour-waste-survey-2032-01", "harbour-waste-scheme-2032-spring", "harbour-waste-handbook"
EXERCISE, COURSE = "harbour-waste-exercise-2032-06", "harbour-staff-course-2032-05"
SCHEME_WHY = {
    "lv": "Savākšanas sistēma darbojas kopš 2032. gada jūnija.",
    "en": "The collection scheme started in June 2032.",
}
COURSE_WHY = "The course moves to September 2032."  # its Latvian translation is pending


@pytest.fixture(scope="module")
def site(progress_built_site: Path) -> Path:
    return progress_built_site


def data_file(site: Path, lang: str, name: str) -> Path:
    return site / FOLDERS[lang] / "data" / name


def table(site: Path, lang: str, name: str) -> list[dict[str, str]]:
    text = data_file(site, lang, f"{name}.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def expected_rows(lang: str) -> list[tuple[str, ...]]:
    """(report_id, report_as_of, activity_id, status, date, date_precision, within, change, status_before,
    date_before, note, translation_pending): an activity's reports together, in the plan's order."""
    scheme_why, pending = SCHEME_WHY[lang], "note" if lang == "lv" else ""  # the course's note waits for its lv
    return [
        (FIRST, "2032-02-01", SURVEY, "done", "2032-01", "month", "", "added", "", "", "", ""),
        (SECOND, "2032-07-01", SURVEY, "done", "2032-01", "month", "", "unchanged", "", "", "", ""),
        (THIRD, "2032-12-15", SURVEY, "done", "2032-01", "month", "", "unchanged", "", "", "", ""),
        (FIRST, "2032-02-01", SCHEME, "planned", "2032-21", "season", "", "added", "", "", "", ""),
        (SECOND, "2032-07-01", SCHEME, "ongoing", "2032-21", "season", "", "changed", "planned", "", scheme_why, ""),
        (THIRD, "2032-12-15", SCHEME, "ongoing", "2032-21", "season", "", "unchanged", "", "", "", ""),
        (FIRST, "2032-02-01", HANDBOOK, "ongoing", "", "", "", "added", "", "", "", ""),
        (SECOND, "2032-07-01", HANDBOOK, "done", "", "", "", "changed", "ongoing", "", "", ""),
        (THIRD, "2032-12-15", HANDBOOK, "done", "", "", "", "unchanged", "", "", "", ""),
        (SECOND, "2032-07-01", EXERCISE, "done", "2032-06", "month", "", "added", "", "", "", ""),
        (THIRD, "2032-12-15", EXERCISE, "done", "2032-06", "month", "", "unchanged", "", "", "", ""),
        (FIRST, "2032-02-01", COURSE, "planned", "2032-05", "month", "", "added", "", "", "", ""),
        (SECOND, "2032-07-01", COURSE, "planned", "2032-09", "month", "", "moved", "", "2032-05", COURSE_WHY, pending),
        (THIRD, "2032-12-15", COURSE, "done", "2032-09", "month", "", "changed", "planned", "", "", ""),
    ]  # fmt: skip


# -- status_history.csv ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", FOLDERS)
def test_status_history_has_each_activity_at_each_report_from_the_one_that_first_lists_it(site: Path, lang: str):
    rows = [row for row in table(site, lang, "status_history") if row["plan_id"] == "harbour-2033"]
    assert [tuple(row.values())[1:] for row in rows] == expected_rows(lang)


def test_a_plan_s_own_report_lists_each_activity_once_and_a_plan_with_no_report_has_no_rows(site: Path):
    rows = table(site, "en", "status_history")
    cbss = [row for row in rows if row["plan_id"] == "cbss-2008"]
    activities = [row["id"] for row in table(site, "en", "activities") if row["plan_id"] == "cbss-2008"]
    assert [row["activity_id"] for row in cbss] == activities
    assert {(row["report_id"], row["report_as_of"], row["change"]) for row in cbss} == {
        ("cbss-2008-2008-02-05", "2008-02-05", "added")
    }
    assert not [row for row in rows if row["plan_id"] == "baltmet-2011"]  # no as_of, no reports


@pytest.mark.parametrize("lang", FOLDERS)
def test_the_data_package_describes_the_status_history_and_validates(site: Path, lang: str):
    package = data_file(site, lang, "datapackage.json")
    report = frictionless.validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    resources = {r["name"]: r for r in json.loads(package.read_text(encoding="utf-8"))["resources"]}
    schema = resources["status_history"]["schema"]
    assert resources["status_history"]["path"] == "status_history.csv"
    assert schema["primaryKey"] == ["report_id", "activity_id"]
    assert {(tuple(k["fields"]), k["reference"]["resource"]) for k in schema["foreignKeys"]} == {
        (("plan_id",), "plans"),
        (("activity_id",), "activities"),
    }
    fields = {field["name"]: field for field in schema["fields"]}
    assert fields["change"]["constraints"]["enum"] == ["added", "changed", "moved", "unchanged"]
    assert fields["report_as_of"]["type"] == "date"


# -- JSON ---------------------------------------------------------------------------------------------------


def plan_json(site: Path, lang: str, name: str = "plans/harbour-2033.json") -> dict:
    document = json.loads(data_file(site, lang, name).read_text(encoding="utf-8"))
    return next(plan for plan in document["plans"] if plan["id"] == "harbour-2033")


def activities_json(plan: dict) -> dict[str, dict]:
    return {a["id"]: a for area in plan["areas"] for task in area["tasks"] for a in task["activities"]}


@pytest.mark.parametrize("lang", FOLDERS)
def test_the_json_lists_every_report_the_plan_s_own_first(site: Path, lang: str):
    for name in ("plans/harbour-2033.json", "all-plans.json"):
        reports = plan_json(site, lang, name)["reports"]
        assert [(r["id"], r["as_of"], r["first"]) for r in reports] == [
            (FIRST, "2032-02-01", True),
            (SECOND, "2032-07-01", False),
            (THIRD, "2032-12-15", False),
        ]
    reports = plan_json(site, lang)["reports"]
    titles = {"lv": [None, "Otrais progresa ziņojums", "Trešais progresa ziņojums"]}
    assert [r["title"] for r in reports] == titles.get(lang, [None, "Second progress report", "Third progress report"])
    assert [r["source"]["lines"] for r in reports] == ["1-2", "10-11", "15-16"]
    assert [[c["activity"] for c in r["changes"]] for r in reports] == [[], [SCHEME, HANDBOOK, COURSE], [COURSE]]


@pytest.mark.parametrize("lang", FOLDERS)
def test_each_activity_in_the_json_is_as_of_the_latest_report_with_its_history(site: Path, lang: str):
    activities = activities_json(plan_json(site, lang))
    course = activities[COURSE]
    assert (course["status"], course["date"]) == ("done", "2032-09")
    assert [(s["report"], s["as_of"], s["status"], s["date"], s["change"]) for s in course["history"]] == [
        (FIRST, "2032-02-01", "planned", "2032-05", "added"),
        (SECOND, "2032-07-01", "planned", "2032-09", "moved"),
        (THIRD, "2032-12-15", "done", "2032-09", "changed"),
    ]
    moved, changed = course["history"][1], course["history"][2]
    assert (moved["date_before"], moved["status_before"], moved["note"]) == ("2032-05", None, COURSE_WHY)
    assert moved.get("translation_pending") == (["note"] if lang == "lv" else None)
    assert (changed["status_before"], changed["note"]) == ("planned", None)
    assert [s["report"] for s in activities[EXERCISE]["history"]] == [SECOND, THIRD]  # the second report adds it
    assert [(s["status"], s["change"]) for s in activities[SCHEME]["history"]] == [
        ("planned", "added"),
        ("ongoing", "changed"),
        ("ongoing", "unchanged"),
    ]
    assert activities[SCHEME]["history"][1]["note"] == SCHEME_WHY[lang]


def test_outside_git_every_record_s_last_change_is_unknown(site: Path):
    plan = plan_json(site, "en")
    assert plan["last_changed"] is None
    assert {a["last_changed"] for a in activities_json(plan).values()} == {None}
    for name in ("plans", "tasks", "activities"):
        assert {row["last_changed"] for row in table(site, "en", name)} == {""}
    assert "bp-changed" not in (site / "en" / "harbour-2033" / "harbours" / "index.html").read_text("utf-8")
    assert "Data last changed" not in (site / "en" / "harbour-2033" / "index.html").read_text("utf-8")


# -- iCalendar ----------------------------------------------------------------------------------------------


def descriptions(site: Path, lang: str) -> dict[str, str]:
    calendar = Calendar.from_ical(data_file(site, lang, "plans/harbour-2033.ics").read_bytes())
    return {str(e["UID"]).split("/")[1].split(".")[0]: str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT")}


@pytest.mark.parametrize(
    ("lang", "course", "scheme"),
    [
        (
            "en",
            "Status by report: planned (1 February 2032) → planned (1 July 2032; new date: September 2032)"
            " → done (15 December 2032)",
            "Status by report: planned (1 February 2032) → ongoing (1 July 2032)",
        ),
        (
            "lv",
            "Statuss ziņojumos: plānots (2032. gada 1. februāris) → plānots (2032. gada 1. jūlijs; jauns datums: 2032. "
            "gada septembris) → paveikts (2032. gada 15. decembris)",
            "Statuss ziņojumos: plānots (2032. gada 1. februāris) → notiek (2032. gada 1. jūlijs)",
        ),
    ],
)
def test_a_calendar_event_tells_the_activity_s_status_at_each_report_that_changed_it(site, lang, course, scheme):
    found = descriptions(site, lang)
    assert set(found) == {SURVEY, SCHEME, EXERCISE, COURSE}  # the handbook has no date
    assert course in found[COURSE].split("\n\n")
    assert scheme in found[SCHEME].split("\n\n")
    history = "Status by report" if lang == "en" else "Statuss ziņojumos"
    assert history not in found[SURVEY] and history not in found[EXERCISE]  # never changed after it was listed
