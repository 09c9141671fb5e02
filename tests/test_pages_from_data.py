"""A plan's page and its areas' pages exist from the data alone; a file in docs/ takes the place of one where the
editors want prose; and a page in docs/ for a plan or area the data lacks fails the data check as it fails the
build, saying what would be valid."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import Project

FIXTURE = Path(__file__).parent / "fixtures" / "new-plan"


def add_plan_data_only(project: Project) -> None:
    shutil.copytree(FIXTURE / "data", project.data, dirs_exist_ok=True)
    shutil.rmtree(project.root / "docs" / "demo-2030", ignore_errors=True)


def test_a_new_plan_needs_no_page_in_docs(project: Project):
    add_plan_data_only(project)
    assert project.check().returncode == 0
    result = project.build()
    assert result.returncode == 0, result.stderr
    site = project.root / "site"
    for prefix, area in (("", "Tīrs ūdens"), ("en/", "Clean water")):
        assert f">1. {area}</a>" in (site / prefix / "demo-2030" / "index.html").read_text(encoding="utf-8")
        water = (site / prefix / "demo-2030" / "water" / "index.html").read_text(encoding="utf-8")
        assert 'id="demo-water-monitoring"' in water and 'id="demo-water-campaign-2030-02"' in water


def test_a_page_in_docs_takes_the_place_of_the_made_one(project: Project):
    add_plan_data_only(project)
    folder = project.root / "docs" / "demo-2030"
    folder.mkdir()
    for suffix, words in (("", "Ievads par ūdeni."), (".en", "About the water.")):
        (folder / f"water{suffix}.md").write_text(
            f"{{{{ area_title() }}}}\n\n{words}\n\n{{{{ task_table() }}}}\n", encoding="utf-8"
        )
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert "About the water." in (project.root / "site" / "en" / "demo-2030" / "water" / "index.html").read_text()


def test_a_page_for_a_plan_or_area_the_data_lacks_fails_the_check_and_the_build_alike(project: Project):
    folder = project.root / "docs" / "demo-2030"
    folder.mkdir()
    (folder / "index.md").write_text("{{ plan_page() }}\n", encoding="utf-8")
    (project.root / "docs" / "cbss-2008" / "culture.md").write_text("{{ task_table() }}\n", encoding="utf-8")
    check, build = project.check(), project.build()
    assert check.returncode == 1 and build.returncode != 0
    for output in (check.stderr, build.stderr):
        assert "docs/demo-2030/index.md: this page shows plan 'demo-2030', which data/plans/ does not have" in output
        assert "docs/cbss-2008/culture.md: this page shows an area 'culture' that plan 'cbss-2008' does not have" in (
            output
        )
        assert re.search(r"\(areas: [a-z0-9-]+(, [a-z0-9-]+)+\); rename the file", output)  # what would be valid
