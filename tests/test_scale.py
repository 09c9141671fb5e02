"""The site keeps its shape as the data grows: synthetic copies of the real plans (tests/benchmark.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import benchmark  # tests/benchmark.py: the synthetic data
import pytest
import yaml

from baltic_plans import paging
from baltic_plans.links import localized_files, plan_pages
from baltic_plans.load import check_data
from baltic_plans.mkdocs_hooks import NAV_PLANS_LISTED
from conftest import ROOT

SCALE = 5


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return benchmark.make_project(tmp_path_factory.mktemp("grown") / "project", SCALE)


def test_synthetic_data_is_valid_and_has_every_page(grown: Path):
    result = check_data(grown / "data")
    assert result.errors == []
    assert len(result.site.plans) == SCALE * len(check_data(ROOT / "data").site.plans)
    assert all((grown / "docs" / path).is_file() for path in plan_pages(result.site))


def test_the_empty_site_has_the_same_pages_without_macros_or_hooks(grown: Path, tmp_path: Path):
    empty = benchmark.make_empty_site(grown, tmp_path / "empty")
    config = yaml.safe_load((empty / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and not any("macros" in p for p in config["plugins"] if isinstance(p, dict))
    pages = {str(p.relative_to(empty / "docs")) for p in (empty / "docs").rglob("*.md")}
    written = {str(p.relative_to(grown / "docs")) for p in (grown / "docs").rglob("*.md")}
    made = paging.generated_pages(check_data(grown / "data").site)
    assert pages == written | {localized for path in made for localized in localized_files(path)}
    assert all("{{" not in (empty / "docs" / p).read_text(encoding="utf-8") for p in pages)
    built = benchmark.build(empty, tmp_path / "cache")  # the theme's overrides render without the site's hooks
    assert built.pages == len(pages)


def test_timeline_pages_hold_every_dated_activity_once_in_order_and_none_is_long(grown: Path, monkeypatch):
    monkeypatch.setattr(paging, "TIMELINE_PAGE_SIZE", 10)  # a long year at this scale
    site = check_data(grown / "data").site
    timeline = paging.timeline_pages(site)
    entries = [p.activity.id for page in timeline for p in page.entries]
    assert sorted(entries) == sorted(p.activity.id for p in site.activities() if p.activity.date)
    assert len(set(entries)) == len(entries)
    assert max(len(page.entries) for page in timeline) <= 10
    assert any(page.parts > 1 for page in timeline)  # this much data needs more than one page for some year
    starts = [p.activity.date.sort_key for page in timeline for p in page.entries]
    assert starts == sorted(starts)


def test_grown_site_builds_with_no_page_over_1_mb_and_a_nav_of_its_own_plan_and_a_link_to_all(grown: Path):
    site_dir = grown / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site_dir)],
        cwd=grown, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    sizes = {p: p.stat().st_size for p in site_dir.rglob("*.html")}
    assert max(sizes.values()) < 1_000_000, max(sizes, key=sizes.get)
    plans = check_data(grown / "data").site.plans
    assert len(plans) > NAV_PLANS_LISTED  # so every page's navigation stays the same size as plans are added
    html = (site_dir / "en" / "cbss-2008" / "education" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index("md-nav--primary") : html.index("md-sidebar--secondary")]
    own = next(plan for plan in plans if plan.id == "cbss-2008")
    assert all(f'href="../{area.id}/"' in nav for area in own.areas if area.id != "education")
    assert not any(f"{plan.id}/" in nav for plan in plans if plan is not own)
    assert re.search(
        rf'<a href="\.\./\.\./" class="md-nav__link">\s*<span class="md-ellipsis">\s*All plans \({len(plans)}\)', nav
    )
