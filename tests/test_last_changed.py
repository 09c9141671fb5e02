"""When the data last changed: each record's newest line in the data's Git history (last_changed.py), carried by the
open data and shown on the plan's page and in the task table. Every date below is a commit date the test sets."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from baltic_plans import last_changed as module
from baltic_plans.last_changed import last_changed
from conftest import FROZEN_DATA, ROOT, copy_project

TODAY = dt.date(2030, 1, 2)  # the build's day, for lines not committed yet
FIRST, SECOND, THIRD = "2024-03-05T12:00:00+00:00", "2025-06-30T23:30:00-02:00", "2025-09-10T08:00:00+03:00"
FIRST_DAY, SECOND_DAY, THIRD_DAY = dt.date(2024, 3, 5), dt.date(2025, 7, 1), dt.date(2025, 9, 10)  # in UTC

PLAN = """\
id: tiny-plan
title: {lv: "Mazs plāns", en: "A small plan"}
areas:
  - id: area-one
    tasks:
      - id: task-one
        activities:
          - id: act-one
            status: done
          # the next one waits for the second report
          - id: act-two
            status: planned
      - id: task-two
        activities:
          - id: act-three
            status: planned
reports:
  - id: rep-two
    changes:
      - activity: act-three
        status: ongoing
"""
ORGANISATIONS = """\
organisations:
  - id: org-a
    name: {lv: "A", en: "A"}
  - id: org-b
    name: {lv: "B", en: "B"}
"""


def git(repo: Path, *args: str, when: str | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    identity = ["-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false"]
    result = subprocess.run(["git", *identity, *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return result.stdout


def commit(repo: Path, when: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "data", when=when)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose data/ holds a small plan and two organisations, committed on FIRST_DAY."""
    (tmp_path / "data" / "plans").mkdir(parents=True)
    (tmp_path / "data" / "plans" / "tiny-plan.yml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "data" / "organisations.yml").write_text(ORGANISATIONS, encoding="utf-8")
    git(tmp_path, "init", "-q")
    commit(tmp_path, FIRST)
    return tmp_path


def test_every_record_of_a_file_committed_once_has_that_commit_s_day(repo: Path):
    found = last_changed(repo / "data", TODAY)
    records = ("tiny-plan", "area-one", "task-one", "act-one", "act-two", "task-two", "act-three", "rep-two")
    assert found == {record: FIRST_DAY for record in (*records, "org-a", "org-b")}


def test_a_changed_line_dates_its_record_and_the_records_that_hold_it_in_utc(repo: Path):
    act_two = "            status: {}\n      - id: task-two"  # act-two's status, the line before the next task
    edit(repo / "data" / "plans" / "tiny-plan.yml", act_two.format("planned"), act_two.format("ongoing"))
    commit(repo, SECOND)  # 30 June, 23:30 at UTC−2: 1 July in UTC
    found = last_changed(repo / "data", TODAY)
    assert [found[r] for r in ("act-two", "task-one", "area-one", "tiny-plan")] == [SECOND_DAY] * 4
    assert [found[r] for r in ("act-one", "task-two", "act-three", "rep-two", "org-a")] == [FIRST_DAY] * 5


def test_a_report_s_change_of_an_activity_dates_the_activity_and_its_task(repo: Path):
    edit(repo / "data" / "plans" / "tiny-plan.yml", "        status: ongoing\n", "        status: done\n")
    commit(repo, THIRD)
    found = last_changed(repo / "data", TODAY)
    assert [found[r] for r in ("act-three", "task-two", "area-one", "rep-two", "tiny-plan")] == [THIRD_DAY] * 5
    assert [found[r] for r in ("act-one", "act-two", "task-one")] == [FIRST_DAY] * 3


def test_a_comment_belongs_to_the_record_above_it_and_an_uncommitted_line_is_the_build_s_day(repo: Path):
    edit(repo / "data" / "plans" / "tiny-plan.yml", "# the next one waits", "# the next one still waits")
    found = last_changed(repo / "data", TODAY)
    assert [found[r] for r in ("act-one", "task-one", "area-one", "tiny-plan")] == [TODAY] * 4
    assert [found[r] for r in ("act-two", "task-two", "act-three")] == [FIRST_DAY] * 3


def test_a_file_git_does_not_track_yet_is_new_in_every_record(repo: Path):
    (repo / "data" / "places.yml").write_text("places:\n  - id: riga\n    kind: city\n", encoding="utf-8")
    found = last_changed(repo / "data", TODAY)
    assert found["riga"] == TODAY and found["org-a"] == FIRST_DAY


def test_outside_a_git_checkout_or_in_a_shallow_clone_no_record_has_a_date(repo: Path, tmp_path_factory):
    outside = tmp_path_factory.mktemp("no-git")
    (outside / "plans").mkdir()
    (outside / "plans" / "tiny-plan.yml").write_text(PLAN, encoding="utf-8")
    assert last_changed(outside, TODAY) == {}
    edit(repo / "data" / "organisations.yml", 'name: {lv: "B", en: "B"}', 'name: {lv: "Bē", en: "B"}')
    commit(repo, SECOND)
    clone = tmp_path_factory.mktemp("shallow") / "clone"
    git(repo, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    assert last_changed(clone / "data", TODAY) == {}  # its one commit would claim every older line


def test_one_git_blame_per_data_file_and_no_second_reading_of_what_the_check_read(repo: Path, monkeypatch, tmp_path):
    from baltic_plans.yaml_source import read_yaml

    monkeypatch.setenv("BALTIC_PLANS_CACHE", str(tmp_path))  # an empty build cache
    calls: list[list[str]] = []
    run = subprocess.run
    monkeypatch.setattr(module.subprocess, "run", lambda args, **kw: calls.append(args) or run(args, **kw))
    documents = [read_yaml(repo / "data" / "plans" / "tiny-plan.yml"), read_yaml(repo / "data" / "organisations.yml")]
    monkeypatch.setattr(module, "read_yaml", lambda path: pytest.fail(f"read again: {path}"))
    assert last_changed(repo / "data", TODAY, documents)["act-two"] == FIRST_DAY
    assert [args[1] for args in calls] == ["rev-parse", "rev-parse", "blame", "blame"]  # history, HEAD, 2 files

    calls.clear()  # the same commit and files again (a rebuild): the cache answers
    assert last_changed(repo / "data", TODAY, documents)["act-two"] == FIRST_DAY
    assert [args[1] for args in calls] == ["rev-parse", "rev-parse"]
    (repo / "data" / "plans" / "tiny-plan.yml").write_text(
        (repo / "data" / "plans" / "tiny-plan.yml").read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8"
    )  # a file changed, not committed: blamed again
    calls.clear()
    last_changed(repo / "data", TODAY, documents)
    assert [args[1] for args in calls] == ["rev-parse", "rev-parse", "blame"]


def test_blame_s_porcelain_gives_a_commit_s_time_once_and_zeros_for_a_line_not_committed():
    commit_hash, zeros = "a" * 40, "0" * 40
    output = "\n".join(
        [
            f"{commit_hash} 1 1 2", "author A", "committer-time 1709640000", "committer-tz +0000", "\tid: x",
            f"{commit_hash} 2 2", "\ttitle: y",
            f"{zeros} 3 3 1", "committer-time 1999999999", "\t  - id: z",
        ]
    )  # fmt: skip
    assert module.parse_porcelain(output, TODAY) == [FIRST_DAY, FIRST_DAY, TODAY]


# -- a build of a project in Git ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen data committed on FIRST_DAY, then one activity's English text changed on SECOND_DAY."""
    project = copy_project(tmp_path_factory.mktemp("git") / "project", data=FROZEN_DATA)
    git(project.root, "init", "-q")
    commit(project.root, FIRST)
    project.replace_in_plan(
        "took place in Riga; its final conclusions", "was held in Riga; its final conclusions"
    )  # cbss-edu-riga-conference-2007-09, of the task cbss-edu-academic-network
    commit(project.root, SECOND)
    build = project.build_here()
    assert build.ok, build.log
    return project.root / "site"


def rows(site: Path, folder: str, name: str) -> dict[str, str]:
    text = (site / folder / "data" / f"{name}.csv").read_text(encoding="utf-8-sig")
    return {row["id"]: row["last_changed"] for row in csv.DictReader(io.StringIO(text, newline=""))}


def test_the_csv_and_json_give_each_plan_task_and_activity_its_last_change(built: Path):
    for folder in ("", "en"):
        plans, tasks, activities = (rows(built, folder, name) for name in ("plans", "tasks", "activities"))
        assert plans == {"cbss-2008": "2025-07-01", "baltmet-2011": "2024-03-05"}
        assert tasks["cbss-edu-academic-network"] == "2025-07-01" and tasks["cbss-edu-bologna"] == "2024-03-05"
        assert activities["cbss-edu-riga-conference-2007-09"] == "2025-07-01"
        assert activities["cbss-edu-tallinn-round-table-2007-11"] == "2024-03-05"
        assert set(tasks.values()) | set(activities.values()) == {"2024-03-05", "2025-07-01"}
    document = json.loads((built / "en" / "data" / "plans" / "cbss-2008.json").read_text(encoding="utf-8"))
    plan = document["plans"][0]
    task = next(t for area in plan["areas"] for t in area["tasks"] if t["id"] == "cbss-edu-academic-network")
    assert (plan["last_changed"], task["last_changed"]) == ("2025-07-01", "2025-07-01")
    assert [a["last_changed"] for a in task["activities"]][:2] == ["2025-07-01", "2024-03-05"]


@pytest.mark.parametrize(
    ("folder", "changed", "unchanged"),
    [("", "2025. gada 1. jūlijs", "2024. gada 5. marts"), ("en", "1 July 2025", "5 March 2024")],
)
def test_the_plan_s_page_and_the_task_table_say_when_the_data_last_changed(built, folder, changed, unchanged):
    name = "Dati pēdējoreiz mainīti" if folder == "" else "Data last changed"
    plan = (built / folder / "cbss-2008" / "index.html").read_text(encoding="utf-8")
    assert f'<dt>{name}</dt><dd><time datetime="2025-07-01">{changed}</time></dd>' in plan
    other = (built / folder / "baltmet-2011" / "index.html").read_text(encoding="utf-8")
    assert f'<dt>{name}</dt><dd><time datetime="2024-03-05">{unchanged}</time></dd>' in other
    area = (built / folder / "cbss-2008" / "education" / "index.html").read_text(encoding="utf-8")
    lines = dict(
        re.findall(r'<div class="bp-task" id="([^"]+)">.*?<p class="bp-meta bp-changed">(.*?)</p>', area, re.S)
    )
    assert lines["cbss-edu-academic-network"] == f'{name}: <time datetime="2025-07-01">{changed}</time>'
    assert lines["cbss-edu-bologna"] == f'{name}: <time datetime="2024-03-05">{unchanged}</time>'


def test_the_site_is_built_from_the_whole_history():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    checkout = next(s for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # a shallow clone dates every older line to its one commit
