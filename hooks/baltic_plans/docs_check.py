"""Pages in docs/ that show a plan or an area the data does not have: the build would fail on them, so the data
check (`make check`) and the build report them the same way, before anything is built."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import DataError
from .messages import say
from .model import Site

PLAN_MACRO = re.compile(r"\{\{\s*plan_page\(\)")
AREA_MACRO = re.compile(r"\{\{\s*(area_title|area_summary|task_table|area_timeline)\(\)")  # the page's own area


def stray_pages(docs: Path, site: Site) -> list[DataError]:
    """Every docs/<plan-id>/… page whose plan or area is not in the data, with what would be valid."""
    if not docs.is_dir():
        return []
    problems = []
    for page in sorted(docs.glob("*/*.md")):
        text = page.read_text(encoding="utf-8")
        if not PLAN_MACRO.search(text) and not AREA_MACRO.search(text):
            continue
        plan_id, name = page.parent.name, page.name.split(".")[0]
        shown = Path("docs", plan_id, page.name)
        if plan_id not in site.plans_by_id:
            plans = ", ".join(site.plans_by_id)
            problems.append(DataError(shown, say("page_without_plan", plan=plan_id, plans=plans)))
        elif AREA_MACRO.search(text) and name not in {area.id for area in site.plans_by_id[plan_id].areas}:
            areas = ", ".join(area.id for area in site.plans_by_id[plan_id].areas)
            problems.append(DataError(shown, say("page_without_area", plan=plan_id, area=name, areas=areas)))
    return problems
