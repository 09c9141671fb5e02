"""A text still waiting for its translation is marked in the downloads too, as the pages mark it: the JSON names
the record's fields given in the other language, the CSV has a column naming them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from baltic_plans.edition import Edition
from baltic_plans.load import load_site
from baltic_plans.open_data import model_json
from baltic_plans.tables import ACTIVITIES, PLANS

FIXTURE = Path(__file__).parent / "scenarios" / "sample-plan" / "data"  # summary pending en, one activity pending lv


@pytest.fixture(scope="module")
def site():
    return load_site(FIXTURE)


def edition(site, lang: str) -> Edition:
    return Edition(site, lang, dt.datetime(2030, 3, 17, tzinfo=dt.UTC), "Baltic Plans")


def rows(table, site, lang: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(table.csv(edition(site, lang)).decode("utf-8-sig"))))


def test_the_csv_names_the_columns_given_in_the_other_language(site):
    activities = {row["id"]: row for row in rows(ACTIVITIES, site, "lv")}
    pending = [row for row in activities.values() if row["translation_pending"]]
    assert [row["translation_pending"] for row in pending] == ["text"]
    assert pending[0]["text"].startswith("A joint report")  # the English text, so marked
    assert all(not row["translation_pending"] for row in rows(ACTIVITIES, site, "en"))


def test_the_json_names_the_fields_given_in_the_other_language(site):
    plan = json.loads(model_json(edition(site, "en")))["plans"][0]
    assert plan["translation_pending"] == ["summary"]
    activities = [a for area in plan["areas"] for task in area["tasks"] for a in task["activities"]]
    assert not any("translation_pending" in activity for activity in activities)
    lv = json.loads(model_json(edition(site, "lv")))["plans"][0]
    assert "translation_pending" not in lv
    marked = [
        a for area in lv["areas"] for task in area["tasks"] for a in task["activities"] if "translation_pending" in a
    ]
    assert [a["translation_pending"] for a in marked] == [["text"]]


def test_the_plans_csv_marks_the_pending_summary_only_where_it_is_shown(site):
    # the summary is not a CSV column: the plans table names only its own columns' texts
    assert all(not row["translation_pending"] for row in rows(PLANS, site, "en"))


def test_a_csv_opens_in_excel_as_utf8_and_no_text_becomes_a_formula(site):
    import dataclasses

    from baltic_plans.model import Text

    raw = ACTIVITIES.csv(edition(site, "en"))
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    first = site.plans[0].areas[0].tasks[0].activities[0]
    # (a text cannot begin with a tab or carriage return: the model strips them; cell() defuses them all the same)
    hostile = {"=1+1": "'=1+1", "+cmd": "'+cmd", "-2": "'-2", "@SUM(A1)": "'@SUM(A1)", "plain": "plain"}
    for text, shown in hostile.items():
        changed = first.model_copy(update={"text": Text(lv=text, en=text)})
        area = site.plans[0].areas[0]
        task = area.tasks[0].model_copy(update={"activities": [changed]})
        plan = site.plans[0].model_copy(update={"areas": [area.model_copy(update={"tasks": [task]})]})
        one = dataclasses.replace(site, plans=(plan,))
        row = next(r for r in rows(ACTIVITIES, one, "en") if r["id"] == first.id)
        assert row["text"] == shown, text
