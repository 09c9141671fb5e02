"""Translation coverage: a missing translation is either marked pending (shown with a notice) or an error.

The changes below are made to a copy of the frozen data (tests/fixtures/frozen-data/): its texts stay as they are.
"""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from baltic_plans.load import check_data
from baltic_plans.model import Text
from baltic_plans.translations import coverage
from conftest import ROOT, Project


@pytest.fixture
def project(frozen_project: Project) -> Project:
    """A copy of the project whose data/ is the frozen data."""
    return frozen_project


NORDPLUS_EN = '              en: "At the Nordic Council of Ministers (NCM) 5+3 meeting of education ministers'
NORDPLUS_LV = "2007.gada oktobrī notikušajā Ziemeļu ministru padomes (ZMP) 5+3 izglītības ministru sanāksmē"


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
    """The English text of one activity, and the English title of the education area, await translation.

    Returns the lines where the two texts start."""
    text = project.plan_text()
    lines = line_of(text, '      lv: "Izglītība"'), line_of(text, NORDPLUS_EN) - 1
    text = re.sub(re.escape(NORDPLUS_EN) + r"[^\n]*\n", "              pending: en\n", text, count=1)
    text = text.replace('      en: "Education"\n', "      pending: en\n", 1)
    project.write_plan(text)
    return lines


def test_every_text_of_the_real_data_is_translated_or_marked_pending(real_site):
    report = coverage(check_data(ROOT / "data"))

    assert report.unmarked == []  # a translation still to be written is allowed, marked (shown with a notice)
    texts = texts_of([*real_site.plans, *real_site.organisations.values(), *real_site.places.values()])
    assert report.texts == len(texts)
    assert sorted(gap.lang for gap in report.gaps) == sorted(text.pending for text in texts if text.pending)


def test_a_pending_translation_is_listed_and_allowed(project: Project):
    title_line, text_line = mark_pending(project)

    result = project.check("--translations")

    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert f"data/plans/cbss-2008.yml:{title_line}: areas[education].title: 'en' translation pending" in lines
    assert any(
        line.startswith(f"data/plans/cbss-2008.yml:{text_line}: areas[education].tasks[cbss-edu-bologna]")
        and line.endswith("activities[cbss-edu-nordplus-agreement-2007-10].text: 'en' translation pending")
        for line in lines
    ), lines
    assert "2 pending translation (lv: 0, en: 2); 0 unmarked gaps" in lines[-1]
    assert project.check().returncode == 0


def test_an_unmarked_gap_fails_the_translation_report_and_the_check(project: Project):
    project.replace_in_plan('      en: "Education"\n', "")

    report = project.check("--translations")
    check = project.check()

    assert report.returncode == 1
    assert "areas[education].title: 'en' missing and not marked 'pending' (an error)" in report.stdout
    assert check.returncode == 1
    assert "the 'en' text is missing (write it, or mark the gap with 'pending: en'" in check.stderr


def test_the_site_shows_the_other_language_with_a_notice_never_silently(project: Project):
    mark_pending(project)

    result = project.build()

    assert result.returncode == 0, result.stderr
    english = (project.root / "site" / "en" / "cbss-2008" / "education" / "index.html").read_text(encoding="utf-8")
    latvian = (project.root / "site" / "cbss-2008" / "education" / "index.html").read_text(encoding="utf-8")
    # the body text: in Latvian, marked as Latvian for screen readers, with an English notice
    assert re.search(
        r'<span lang="lv">'
        + re.escape(NORDPLUS_LV)
        + r'.*?</span> <span class="bp-pending">translation pending</span>',
        english,
    )
    # the heading and the page title: the Latvian title with the notice
    assert re.search(r"<h1[^>]*>Izglītība \[translation pending\]", english)
    assert "<title>Izglītība [translation pending]" in english
    # the Latvian page is as before
    assert "translation pending" not in latvian and "tulkojums gaidāms" not in latvian
