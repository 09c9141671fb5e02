"""A plan's page and its areas' pages exist from the data alone; a file in docs/ takes the place of one where the
editors want prose; and a page in docs/ for a plan or area the data lacks fails the data check as it fails the
build, saying what would be valid.

Each test builds the sample-plan scenario (tests/scenarios/README.md) and runs the data check on it, both in the
test's process; a test that needs a plan without pages adds the new-plan scenario's data (plan demo-2030) without
its pages. The commands themselves (`baltic-plans-check`, `mkdocs build`) are run once in test_bad_data.py."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import Project

NEW_PLAN = Path(__file__).parent / "scenarios" / "new-plan"  # demo-2030, laid on sample-plan


def add_plan_data_only(project: Project) -> None:
    """The new-plan scenario's data (its plan demo-2030 and its source text), none of its pages."""
    shutil.copytree(NEW_PLAN / "data", project.data, dirs_exist_ok=True)
    assert not (project.root / "docs" / "demo-2030").exists()


def test_a_new_plan_needs_no_page_in_docs(sample_project: Project):
    add_plan_data_only(sample_project)

    check = sample_project.check_here()
    build = sample_project.build_here()

    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("data ok: 2 plans, 15 activities")  # sample-2030's 12 and demo-2030's 3
    assert build.ok, build.log
    site = sample_project.root / "site"
    for prefix, area in (("", "Tīrs ūdens"), ("en/", "Clean water")):
        assert f">1. {area}</a>" in (site / prefix / "demo-2030" / "index.html").read_text(encoding="utf-8")
        water = (site / prefix / "demo-2030" / "water" / "index.html").read_text(encoding="utf-8")
        assert 'id="demo-water-monitoring"' in water and 'id="demo-water-campaign-2030-02"' in water


def test_a_page_in_docs_takes_the_place_of_the_made_one(sample_project: Project):
    add_plan_data_only(sample_project)
    folder = sample_project.root / "docs" / "demo-2030"
    folder.mkdir()
    for suffix, words in (("", "Ievads par ūdeni."), (".en", "About the water.")):
        (folder / f"water{suffix}.md").write_text(
            f"{{{{ area_title() }}}}\n\n{words}\n\n{{{{ task_table() }}}}\n", encoding="utf-8"
        )

    build = sample_project.build_here()

    assert build.ok, build.log
    site = sample_project.root / "site"
    for prefix, words in (("", "Ievads par ūdeni."), ("en/", "About the water.")):
        water = (site / prefix / "demo-2030" / "water" / "index.html").read_text(encoding="utf-8")
        assert words in water and 'id="demo-water-monitoring"' in water


def test_a_page_for_a_plan_or_area_the_data_lacks_fails_the_check_and_the_build_alike(sample_project: Project):
    folder = sample_project.root / "docs" / "demo-2030"
    folder.mkdir()
    (folder / "index.md").write_text("{{ plan_page() }}\n", encoding="utf-8")
    (sample_project.root / "docs" / "sample-2030" / "culture.md").write_text("{{ task_table() }}\n", encoding="utf-8")

    check = sample_project.check_here()
    build = sample_project.build_here()

    assert check.returncode == 1 and not build.ok
    for output in (check.stderr, build.log):
        assert (
            "docs/demo-2030/index.md: this page shows plan 'demo-2030', which data/plans/ does not have"
            " (plans: sample-2030); rename its folder, or add data/plans/demo-2030.yml"
        ) in output
        assert (
            "docs/sample-2030/culture.md: this page shows an area 'culture' that plan 'sample-2030' does not have"
            " (areas: water, mobility); rename the file, or add the area to data/plans/sample-2030.yml"
        ) in output
