"""The editor's tools: a fast check, the guide (tested against the real messages) and the pre-commit hook."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from baltic_plans import load
from conftest import ROOT, Project

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
LATVIAN_GUIDE = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")


def headings(markdown: str) -> list[str]:
    """The '## ' and '### ' levels of a guide, in order (outside code blocks)."""
    outside_code = re.sub(r"```.*?```", "", markdown, flags=re.S)
    return re.findall(r"^(#{2,3}) ", outside_code, flags=re.M)


def test_the_check_takes_well_under_half_a_second():
    times = []
    for _ in range(5):
        started = time.perf_counter()
        load.check_data(ROOT / "data")
        times.append(time.perf_counter() - started)
    assert statistics.median(times) < 0.5


def shape(example: str) -> re.Pattern:
    """A guide's sample output as a pattern of its shape: the data's own numbers (a line and column in a data file,
    how many texts there are) may be any number, every other word and number as the guide writes it."""
    pattern = re.escape(example)
    pattern = re.sub(r"(\\\.yml):\d+(?::\d+)?", r"\1:\\d+(?::\\d+)?", pattern)  # data/plans/x.yml:58:27
    pattern = re.sub(r"(?m)^\d+(\\ texts;)", r"\\d+\1", pattern)  # "258 texts; …"
    return re.compile(pattern)


def test_a_guide_example_is_compared_by_its_shape_not_by_the_data_s_numbers():
    report = shape("data/plans/x.yml:31: title: pending\n258 texts; 1 pending translation (lv: 0, en: 1)")
    assert report.fullmatch("data/plans/x.yml:40: title: pending\n259 texts; 1 pending translation (lv: 0, en: 1)")
    assert not report.fullmatch("data/plans/x.yml:40: title: pending\n259 texts; 2 pending translation (lv: 0, en: 2)")
    assert not report.fullmatch("data/plans/y.yml:31: title: pending\n258 texts; 1 pending translation (lv: 0, en: 1)")
    assert shape("data/plans/x.yml:58:27: bodies[1]").fullmatch("data/plans/x.yml:60:27: bodies[1]")


# The examples are run on the frozen data (tests/fixtures/frozen-data/): the records they change stay there.


def test_the_guide_shows_the_message_an_editor_really_gets(frozen_project: Project):
    frozen_project.replace_in_plan("bodies: [ncm, nordplus]", "bodies: [ncm, nordplsu]")

    result = frozen_project.check_here()

    example = re.search(r"```text\n(data/plans/cbss-2008\.yml:.*?)\n```", GUIDE, flags=re.S).group(1)
    assert shape(example).fullmatch(result.stderr.strip()), (
        f"the guide shows:\n{example}\nthe check says:\n{result.stderr}"
    )


def test_the_guide_shows_the_translation_report_an_editor_really_gets(frozen_project: Project):
    frozen_project.replace_in_plan('      en: "Education"\n', "      pending: en\n")

    result = frozen_project.check_here("--translations")

    example = re.search(r"```console\n\$ make check-translations\n(.*?)\n```", GUIDE, flags=re.S).group(1)
    assert result.returncode == 0
    assert shape(example).fullmatch(result.stdout.strip()), f"the guide shows:\n{example}\nthe report:\n{result.stdout}"


# The guides' progress report example, and the mistakes whose messages they show, each made on the example
REPORT_SECTION = {"en": "Add the next progress report", "lv": "Nākamā progresa ziņojuma pievienošana"}
BASREC = '- id: "cbss-energy-basrec-2008-04"\n'  # an activity the example's report changes
REPORT_MISTAKES = {
    "unknown activity": ("activity: cbss-energy-basrec-2008-04", "activity: cbss-energy-basrec-2008-4"),
    "dated before the previous report": ('as_of: "2008-06-30"', 'as_of: "2008-01-31"'),
    "history in the activity": (BASREC, f"{BASREC}            history: [{{status: done}}]\n"),
    "change of nothing": ('        status: done\n        date: "2008-05"\n', ""),
    "unknown reported_in": ("reported_in: cbss-2008-final", "reported_in: cbss-2008-fnal"),
}


def section(guide: str, title: str) -> str:
    return guide.split(f"\n### {title}\n", 1)[1].split("\n#", 1)[0]


def with_report_example(project: Project, example: str) -> str:
    """The plan with a guide's progress report example added: the report at the end, the activity it adds after
    the last activity of its task; the report's document written to data/sources/."""
    report, activity = (
        re.sub(f"(?m)^{indent}", "", block)
        for indent, block in re.findall(r"\n( *)```yaml\n(.*?\n)\1```\n", example, re.S)
    )  # each without the indent of its list item
    document = yaml.safe_load(report)["reports"][0]["source"]["file"]
    (project.data / "sources" / document).write_text("Title\nof the\nreport\n", encoding="utf-8")
    last = '            source: "98"\n'  # the last activity of task cbss-energy-package
    return project.plan_text().replace(last, last + activity, 1) + report


@pytest.mark.parametrize(("guide", "lang"), [(GUIDE, "en"), (LATVIAN_GUIDE, "lv")], ids=["en", "lv"])
def test_the_guide_s_progress_report_example_is_valid_and_its_mistakes_give_the_messages_shown(
    frozen_project: Project, monkeypatch: pytest.MonkeyPatch, guide: str, lang: str
):
    monkeypatch.setenv("BALTIC_PLANS_LANG", lang)
    example = section(guide, REPORT_SECTION[lang])
    plan = with_report_example(frozen_project, example)
    frozen_project.write_plan(plan)
    assert [str(e) for e in load.check_data(frozen_project.data).errors] == []

    printed = []
    for old, new in REPORT_MISTAKES.values():
        assert old in plan, old
        frozen_project.write_plan(plan.replace(old, new, 1))
        printed += [str(e) for e in load.check_data(frozen_project.data).errors]

    shown = re.findall(r"^- `…: (.*)`$", example, flags=re.M)
    assert len(shown) == len(REPORT_MISTAKES)
    for message in shown:
        assert any(line.endswith(message) for line in printed), f"the guide shows: {message}\nthe check says:\n" + (
            "\n".join(printed)
        )


def test_the_guide_is_on_the_site_in_both_languages(built_site: Path):
    english = (built_site / "en" / "editing" / "index.html").read_text(encoding="utf-8")
    latvian = (built_site / "editing" / "index.html").read_text(encoding="utf-8")
    assert "Editor&rsquo;s guide" in english or "Editor's guide" in english
    for page in (english, latvian):
        assert "{{ task_table() }}" in page  # an example, shown, not run
        assert "{{ plan_page() }}" in page
    guide_headings = headings(GUIDE)
    latvian_source = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")
    assert headings(latvian_source) == guide_headings, "the Latvian guide has the English guide's sections"
    assert len(re.findall(r"<h[23] ", latvian)) == len(re.findall(r"<h[23] ", english)) == len(guide_headings)


def pre_commit(repo: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=repo, capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip


def test_the_pre_commit_hook_stops_a_commit_of_bad_data(project: Project):
    repo = project.root
    shutil.copytree(ROOT / "docs" / "schema", repo / "docs" / "schema", dirs_exist_ok=True)
    (repo / ".venv").mkdir()
    (repo / ".venv" / "bin").symlink_to(Path(sys.executable).parent)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    assert pre_commit(repo).returncode == 0

    project.replace_in_plan('status: "done"', 'status: "finished"')
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    result = pre_commit(repo)

    assert result.returncode == 1
    assert "'finished' is not allowed (expected 'done', 'ongoing' or 'planned')" in result.stdout
    assert "'finished' is not one of ['done', 'ongoing', 'planned']" in result.stdout  # the schema hook
