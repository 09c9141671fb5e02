"""A new plan is one data file, its source text and one-line Markdown pages: no Python, no mkdocs.yml change."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, Project

FIXTURE = Path(__file__).parent / "fixtures" / "new-plan"


def add_fixture_plan(project: Project) -> None:
    shutil.copytree(FIXTURE / "data", project.data, dirs_exist_ok=True)
    shutil.copytree(FIXTURE / "docs", project.root / "docs", dirs_exist_ok=True)


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


AREA_MACROS = "{{ area_title() }}\n\n{{ area_summary() }}\n\n{{ task_table() }}\n\n{{ area_timeline() }}"


def test_the_pages_of_a_new_plan_hold_only_its_macros():
    for path in (FIXTURE / "docs").rglob("*.md"):
        assert path.read_text(encoding="utf-8").strip() in ("{{ plan_page() }}", AREA_MACROS), path


def test_a_new_plan_is_published_in_both_languages_without_touching_code_or_config(project: Project):
    add_fixture_plan(project)

    result = project.build()

    assert result.returncode == 0, result.stderr
    assert (project.root / "mkdocs.yml").read_bytes() == (ROOT / "mkdocs.yml").read_bytes()
    site = project.root / "site"
    for prefix, title, area in (("", "Demo plāns 2030", "Tīrs ūdens"), ("en/", "Demo Plan 2030", "Clean water")):
        plan_page = page(site, f"{prefix}demo-2030")
        assert f">{title}<a" in plan_page  # its heading
        assert f">1. {area}</a>" in plan_page  # its areas, linked
        water = page(site, f"{prefix}demo-2030/water")
        assert 'id="demo-water-monitoring"' in water and 'id="demo-water-campaign-2030-02"' in water
        # the home page, the navigation of every page, the timeline, the organisations and the sources know it
        home = page(site, prefix.rstrip("/")) if prefix else (site / "index.html").read_text(encoding="utf-8")
        assert 'href="demo-2030/"' in home
        assert 'href="2030/"' in page(site, f"{prefix}timeline")  # a page for its year
        assert "demo-2030/water/#demo-water-campaign-2030-02" in page(site, f"{prefix}timeline/2030")
        assert "demo-2030/mobility/#demo-mobility-night-trains" in page(site, f"{prefix}organisations/cbss")
        assert 'href="demo-2030/"' in page(site, f"{prefix}sources")  # a page for its source document
        assert 'id="demo-2030-L9"' in page(site, f"{prefix}sources/demo-2030")
    assert (site / "sources" / "demo-plan-2030.en.txt").is_file()
    # the Latvian text still to be written shows the English one, with a Latvian notice
    assert '<span lang="en">A joint report is planned for autumn 2030.</span>' in page(site, "demo-2030/water")
    assert '<span class="bp-pending">tulkojums gaidāms</span>' in page(site, "demo-2030/water")


def test_the_new_plan_comes_in_order_of_its_period(project: Project):
    add_fixture_plan(project)

    result = project.build()

    assert result.returncode == 0, result.stderr
    home = (project.root / "site" / "en" / "index.html").read_text(encoding="utf-8")
    positions = [home.index(f'href="{plan}/"') for plan in ("cbss-2008", "baltmet-2011", "demo-2030")]
    assert positions == sorted(positions)
