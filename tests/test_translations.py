"""Translation coverage: a missing translation is either marked pending (shown with a notice) or an error.

The real data's coverage is read from data/; each change below is made to the sample-plan scenario
(tests/scenarios/README.md), which is checked (`baltic-plans-check`'s work) and built in the test's process.
"""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from baltic_plans.load import check_data
from baltic_plans.model import Text
from baltic_plans.translations import coverage
from conftest import ROOT, Project

PLAN = "sample-2030"
MOBILITY_TITLE = 'title: {lv: "Mobilitāte", en: "Mobility"}'
CONFERENCE_LV = "Konference par nakts vilcieniem notika Rīgā 2030. gada 20. janvārī."  # an activity of that area
CONFERENCE_EN = '              en: "A conference on night trains took place in Riga on 20 January 2030."\n'


@pytest.fixture
def project(sample_project: Project) -> Project:
    """The sample-plan scenario: it has two texts marked pending already, its plan's English summary and the
    Latvian text of activity sample-water-report-2030-autumn."""
    return sample_project


def texts_of(value) -> list[Text]:
    """Every Text in a validated model, found independently of the coverage walk over the YAML."""
    if isinstance(value, Text):
        return [value]
    if isinstance(value, BaseModel):
        return [text for name in type(value).model_fields for text in texts_of(getattr(value, name))]
    if isinstance(value, list | tuple):
        return [text for item in value for text in texts_of(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts_of(item)]
    return []


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def mark_pending(project: Project) -> tuple[int, int]:
    """The English title of the mobility area, and the English text of one of its activities, await translation.

    Returns the lines where the two texts start."""
    text = project.plan_text(PLAN)
    lines = line_of(text, MOBILITY_TITLE), line_of(text, CONFERENCE_EN) - 1
    text = text.replace(CONFERENCE_EN, "              pending: en\n", 1)
    text = text.replace(MOBILITY_TITLE, 'title: {lv: "Mobilitāte", pending: en}', 1)
    project.write_plan(text, PLAN)
    return lines


def test_every_text_of_the_real_data_is_translated_or_marked_pending(real_site):
    report = coverage(check_data(ROOT / "data"))

    assert report.unmarked == []  # a translation still to be written is allowed, marked (shown with a notice)
    texts = texts_of([*real_site.plans, *real_site.organisations.values(), *real_site.places.values()])
    assert report.texts == len(texts)
    assert sorted(gap.lang for gap in report.gaps) == sorted(text.pending for text in texts if text.pending)


def test_a_pending_translation_is_listed_and_allowed(project: Project):
    title_line, text_line = mark_pending(project)

    report = project.check_here("--translations")

    assert report.returncode == 0, report.stdout
    lines = report.stdout.splitlines()
    assert f"data/plans/sample-2030.yml:{title_line}: areas[mobility].title: 'en' translation pending" in lines
    assert any(
        line.startswith(f"data/plans/sample-2030.yml:{text_line}: areas[mobility].tasks[sample-mobility-night-trains]")
        and line.endswith("activities[sample-mobility-conference-2030-01].text: 'en' translation pending")
        for line in lines
    ), lines
    # the two marked above and the scenario's own two
    assert "4 pending translation (lv: 1, en: 3); 0 unmarked gaps" in lines[-1]
    assert project.check_here().returncode == 0


def test_an_unmarked_gap_fails_the_translation_report_and_the_check(project: Project):
    project.replace_in_plan(MOBILITY_TITLE, 'title: {lv: "Mobilitāte"}', name=PLAN)

    report = project.check_here("--translations")
    check = project.check_here()

    assert report.returncode == 1
    assert "areas[mobility].title: 'en' missing and not marked 'pending' (an error)" in report.stdout
    assert check.returncode == 1
    assert "the 'en' text is missing (write it, or mark the gap with 'pending: en'" in check.stderr


def test_the_site_shows_the_other_language_with_a_notice_never_silently(project: Project):
    mark_pending(project)

    build = project.build_here()

    assert build.ok, build.log
    english = (project.root / "site" / "en" / PLAN / "mobility" / "index.html").read_text(encoding="utf-8")
    latvian = (project.root / "site" / PLAN / "mobility" / "index.html").read_text(encoding="utf-8")
    # the body text: in Latvian, marked as Latvian for screen readers, with an English notice, in each place the
    # page shows it: the task table and the area's timeline (the page's macros)
    shown = f'<span lang="lv">{CONFERENCE_LV}</span> <span class="bp-pending">translation pending</span>'
    assert english.count(shown) == 2
    # the heading and the page title: the area's number and Latvian title, with the notice
    assert re.search(r"<h1[^>]*>2\. Mobilitāte \[translation pending\]", english)
    assert "<title>2. Mobilitāte [translation pending]" in english
    # the Latvian page is as before
    assert "translation pending" not in latvian and "tulkojums gaidāms" not in latvian
