"""Bad data stops the build before the site folder is touched, with a message that points.

Each case changes one thing in a copy of the real data and states what the editor must see:
the file, the line, the record id, the field and what would be valid.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from baltic_plans.load import check_data
from conftest import Project

ACTIVITY = 'id: "cbss-edu-nordplus-agreement-2007-10"'  # line 52 of cbss-2008.yml
DATE = 'date: "2007-10"'  # line 53, that activity's date


@dataclass(frozen=True)
class Case:
    old: str
    new: str
    expected: tuple[str, ...]
    file: str = "plans/cbss-2008.yml"


CASES = {
    "yaml syntax": Case(DATE, 'date: "2007-10', ("cbss-2008.yml:", "YAML syntax")),
    "duplicate key": Case(
        DATE,
        f'{DATE}\n            date: "2007-11"',
        ("cbss-2008.yml:54", "duplicate key 'date'", "first defined on line 53"),
    ),
    "unknown field": Case(
        DATE,
        f'{DATE}\n            colour: "red"',
        (
            "cbss-2008.yml:54",
            "[cbss-edu-nordplus-agreement-2007-10]",
            "unknown field 'colour'",
            "valid fields: id, source",
        ),
    ),
    "missing field": Case(
        '            status: "done"\n            bodies: [ncm, nordplus]',
        "            bodies: [ncm, nordplus]",
        ("cbss-2008.yml:52", "cbss-edu-nordplus-agreement-2007-10", "status", "required field 'status' is missing"),
    ),
    "missing language": Case(
        '              en: "At the Nordic Council of Ministers (NCM) 5+3',
        '              xx: "At the',
        ("cbss-2008.yml:", "activities[cbss-edu-nordplus-agreement-2007-10].text", "the 'en' text is missing"),
    ),
    "invalid date": Case(
        DATE,
        'date: "October 2007"',
        (
            "cbss-2008.yml:53",
            "[cbss-edu-nordplus-agreement-2007-10].date",
            "'October 2007' is not a valid date",
            "expected YYYY, YYYY-MM, YYYY-MM-DD",
        ),
    ),
    "impossible date": Case(DATE, 'date: "2007-02-30"', ("cbss-2008.yml:53", "'2007-02-30' is not a valid date")),
    "range ends before it starts": Case(
        DATE, 'date: "2007-10-12/2007-10-02"', ("cbss-2008.yml:53", ".date", "ends before it starts")
    ),
    "unknown organisation": Case(
        "bodies: [ncm, nordplus]",
        "bodies: [ncm, nordplush]",
        (
            "cbss-2008.yml:55",
            "bodies[1]",
            "unknown organisation 'nordplush'",
            "did you mean 'nordplus'",
            "data/organisations.yml",
        ),
    ),
    "unknown place": Case("places: [riga]", "places: [rigaa]", ("cbss-2008.yml:70", "unknown place 'rigaa'", "'riga'")),
    "unknown shared cell": Case(
        'shares_cell_with: "cbss-energy-package"',
        'shares_cell_with: "cbss-energy-nope"',
        ("cbss-2008.yml:", "shares_cell_with", "'cbss-energy-nope' is not an earlier task of area 'energy'"),
    ),
    "duplicate id": Case(
        ACTIVITY,
        'id: "cbss-edu-reykjavik-protocol-talks"',
        ("cbss-2008.yml:52", "duplicate id 'cbss-edu-reykjavik-protocol-talks'"),
    ),
    "invalid status": Case(
        'status: "done"',
        'status: "finished"',
        ("cbss-2008.yml:", ".status", "'finished' is not allowed", "'done', 'ongoing' or 'planned'"),
    ),
    "done after the report date": Case(
        DATE,
        'date: "2008-03"',
        ("cbss-2008.yml:54", ".status", "'done' but the date 2008-03 is after the report date 2008-02-05"),
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_data_is_reported_with_file_line_record_and_field(project: Project, case: Case):
    path = project.data / case.file
    text = path.read_text(encoding="utf-8")
    assert case.old in text
    path.write_text(text.replace(case.old, case.new, 1), encoding="utf-8")

    result = check_data(project.data)

    messages = "\n".join(str(e) for e in result.errors)
    assert result.site is None
    for expected in case.expected:
        assert expected in messages, f"{expected!r} not in:\n{messages}"


@pytest.mark.parametrize("kind", CASES)
def test_the_build_fails_and_leaves_the_published_site_as_it_was(project: Project, kind: str):
    site = project.root / "site"
    site.mkdir()
    (site / "index.html").write_text("the site as published before", encoding="utf-8")
    case = CASES[kind]
    project.replace_in_plan(case.old, case.new)

    result = project.build(site)

    assert result.returncode != 0
    assert case.expected[-1] in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the site as published before"


def test_all_errors_are_reported_at_once(project: Project):
    text = project.plan_text().replace(DATE, 'date: "2007-02-30"').replace("places: [riga]", "places: [rigaa]", 1)
    project.write_plan(text)

    errors = check_data(project.data).errors

    assert len(errors) == 2


def test_an_unknown_area_in_a_page_fails_the_build_naming_the_valid_areas(project: Project):
    page = project.root / "docs" / "cbss-2008" / "education.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            'task_table("cbss-2008", "education")', 'task_table("cbss-2008", "educaton")'
        )
    )

    result = project.build()

    assert result.returncode != 0
    assert "no area 'educaton'" in result.stderr
    assert "valid: education, energy, civil-security, other" in result.stderr


def test_every_area_needs_a_page_in_each_language(project: Project):
    (project.root / "docs" / "cbss-2008" / "energy.en.md").unlink()

    result = project.build()

    assert result.returncode != 0
    assert "missing: docs/cbss-2008/energy.en.md" in result.stderr


def test_the_real_data_is_valid():
    from conftest import ROOT

    result = check_data(ROOT / "data")
    assert [str(e) for e in result.errors] == []
    assert [str(w) for w in result.warnings] == []


def test_a_source_text_that_is_not_utf8_is_named(project: Project):
    (project.data / "sources" / "baltmet-action-plan-2011-2012.en.txt").write_bytes(b"Baltic \xe9 Metropolises\n")

    errors = [str(e) for e in check_data(project.data).errors]

    assert len(errors) == 1
    assert "baltmet-action-plan-2011-2012.en.txt: not UTF-8 at byte 7" in errors[0]
