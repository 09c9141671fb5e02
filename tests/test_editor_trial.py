"""The editor's trial: valid additions to the data pass the data check, the schemas and the strict build, and show
on the site, with no change to code, configuration or tests.

A copy of the project (its data/ the frozen data, so that the ids the trial adds are free whatever data/ holds
now) gets, all valid: a new plan with its source text and an editor's note, and no page in docs/ (its pages are
made from its data); a new activity at the end of an existing task of cbss-2008; a new organisation named by that
activity; and a new place where it took place.

The whole suite must pass after such a change to data/ too: `python tests/test_editor_trial.py FOLDER` makes the
same additions in any project folder, e.g. a scratch clone of the repository to run `pytest` in.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from test_schema import check_jsonschema, declared_schema

from conftest import FROZEN_DATA, Project, copy_project

TRIAL = Path(__file__).parent / "fixtures" / "editor-trial"  # the new plan's file and its source text
NEW_PLAN = "coast-2031"
TASK = "cbss-edu-academic-network"  # the existing task of data/plans/cbss-2008.yml that gets a new activity
ACTIVITY = "cbss-edu-visby-seminar-2008-01"
ORGANISATION = "gotland-university"
PLACE = "visby"

NEW_ACTIVITY = f"""\
          - id: "{ACTIVITY}"
            date: "2008-01-24"
            status: "done"
            places: [{PLACE}]
            bodies: [{ORGANISATION}]
            text:
              lv: "2008. gada 24. janvārī Visbijā notika seminārs par Baltijas akadēmisko tīklu un zinātni."
              en: "On 24 January 2008 a seminar on the Baltic academic network and science took place in Visby."
            source: "20"
"""
NEW_ORGANISATION = f"""\
  - id: {ORGANISATION}
    name: {{lv: "Gotlandes Universitāte", en: "Gotland University"}}
    kind: university
"""
NEW_PLACE = f"""\
  - id: {PLACE}
    name: {{lv: "Visbija", en: "Visby"}}
    country: SE
    kind: city
    lat: 57.6348
    lon: 18.2948
"""


def append_activity(plan: str, task_id: str, activity: str) -> str:
    """`plan` with `activity` (YAML at an activity's indentation) after the last line of the task `task_id`."""
    lines = plan.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() in (f'- id: "{task_id}"', f"- id: {task_id}"))
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    assert "activities:" in "".join(lines[start:end]), f"{task_id} has no list of activities to append to"
    return "".join([*lines[:end], activity, *lines[end:]])


def append_to_list(text: str, item: str) -> str:
    """A data file whose one list is its last key (organisations:, places:) with `item` at its end."""
    return text.rstrip("\n") + "\n" + item


def add_editors_changes(root: Path) -> None:
    """An editor's valid additions, in the data/ of the project folder `root`."""
    data = root / "data"
    shutil.copytree(TRIAL / "data", data, dirs_exist_ok=True)  # no page in docs/: a plan's pages come from its data
    plan = data / "plans" / "cbss-2008.yml"
    plan.write_text(append_activity(plan.read_text(encoding="utf-8"), TASK, NEW_ACTIVITY), encoding="utf-8")
    for name, item in (("organisations.yml", NEW_ORGANISATION), ("places.yml", NEW_PLACE)):
        path = data / name
        path.write_text(append_to_list(path.read_text(encoding="utf-8"), item), encoding="utf-8")


HIT = re.compile(r'<rect class="bp-hit" x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/>')


def overlapping_tap_areas(svg: str) -> list[tuple[int, int]]:
    """The pairs of places whose links' tap areas (in the drawing's units) overlap."""
    boxes = [(x, y, x + w, y + h) for x, y, w, h in (map(float, hit) for hit in HIT.findall(svg))]
    return [
        (i, j)
        for i, a in enumerate(boxes)
        for j, b in enumerate(boxes[i + 1 :], start=i + 1)
        if min(a[2], b[2]) - max(a[0], b[0]) > 0.15 and min(a[3], b[3]) - max(a[1], b[1]) > 0.15
    ]


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_an_editors_new_plan_activity_organisation_and_place_pass_the_check_and_the_strict_build(tmp_path: Path):
    project: Project = copy_project(tmp_path / "project", data=FROZEN_DATA)  # the data as it was: the ids are free
    add_editors_changes(project.root)

    check = project.check()
    translations = project.check("--translations")
    schemas = {
        path.name: check_jsonschema(declared_schema(path), path)
        for path in (project.data / "plans" / f"{NEW_PLAN}.yml", project.data / "plans" / "cbss-2008.yml",
                     project.data / "organisations.yml", project.data / "places.yml")
    }  # fmt: skip
    build = project.build()

    assert check.returncode == 0, check.stderr
    assert "warning" not in check.stderr, check.stderr
    assert translations.returncode == 0, translations.stdout  # the new plan's text awaiting its translation: allowed
    assert {name: result.returncode for name, result in schemas.items()} == dict.fromkeys(schemas, 0), schemas
    assert build.returncode == 0, build.stderr
    site = project.root / "site"
    for prefix, place, body in (("", "Visbija", "Gotlandes Universitāte"), ("en/", "Visby", "Gotland University")):
        assert f'id="{ACTIVITY}"' in page(site, f"{prefix}cbss-2008/education")  # in its task's cell
        assert f"cbss-2008/education/#{ACTIVITY}" in page(site, f"{prefix}timeline/2008")
        assert f"#{ACTIVITY}" in page(site, f"{prefix}places/{PLACE}") and place in page(site, f"{prefix}places")
        assert f"#{TASK}" in page(site, f"{prefix}organisations/{ORGANISATION}")  # the task it involves
        assert body in page(site, f"{prefix}organisations")
        assert f'href="{NEW_PLAN}/"' in (site / prefix / "index.html").read_text(encoding="utf-8")  # the new plan
        assert 'id="coast-water-campaign-2031-02"' in page(site, f"{prefix}{NEW_PLAN}/water")  # its pages, made
        assert f"{NEW_PLAN}/water/#coast-water-campaign-2031-02" in page(site, f"{prefix}timeline/2031")
        for drawing in re.findall(r"<svg.*?</svg>", page(site, f"{prefix}places"), re.S):  # whole map, phone's map
            assert overlapping_tap_areas(drawing) == [], place  # Visby is 26 px from Stockholm on the whole map


def test_the_trial_adds_to_the_data_and_changes_nothing_else(tmp_path: Path):
    project: Project = copy_project(tmp_path / "project", data=FROZEN_DATA)
    before = project.plan_text()

    add_editors_changes(project.root)

    after = project.plan_text()
    assert after.count("\n") == before.count("\n") + NEW_ACTIVITY.count("\n")
    assert after.replace(NEW_ACTIVITY, "", 1) == before  # one activity inserted, nothing else touched
    assert after.index(NEW_ACTIVITY) > after.index(f'"{TASK}"')


if __name__ == "__main__":  # python tests/test_editor_trial.py FOLDER: make the trial's changes in a project copy
    add_editors_changes(Path(sys.argv[1]))
