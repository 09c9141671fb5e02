"""Bad data stops the build before the site folder is touched, with a message that points.

Each case changes one thing in a copy of the frozen data (tests/fixtures/frozen-data/, whose snippets, line numbers
and ids stay as they are while editors change data/) and states what the editor must see: the file, the line, the
record id, the field and what would be valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from baltic_plans import check
from baltic_plans.load import check_data
from conftest import Project


@pytest.fixture
def project(frozen_project: Project) -> Project:
    """A copy of the project whose data/ is the frozen data."""
    return frozen_project


ACTIVITY = 'id: "cbss-edu-nordplus-agreement-2007-10"'
DATE = 'date: "2007-10"'  # that activity's date, the line after its id


EN_TEXT = '              en: "At the Nordic Council of Ministers (NCM) 5+3'  # that activity's English text
END = '(for regional cooperation); published as written."\n'  # the end of the plan's last line


def report(change: str, as_of: str = "2008-06-30") -> str:
    """END, then a later progress report of the plan (its document: the plan's own) with one change: {line+1} is
    `reports:`, {line+3} the report's as_of and {line+6} the change's first line."""
    return (
        f'{END}reports:\n  - id: "cbss-2008-final"\n    as_of: "{as_of}"\n'
        "    source: {file: cbss-latvian-presidency-report-2008-02-05.lv.txt, language: lv}\n"
        f"    changes:\n      - {change}\n"
    )


LINE = re.compile(r"\{line([+-]\d+)?\}")


@dataclass(frozen=True)
class Case:
    """Replace `old` by `new` in `file` (or write `content` as its bytes); the editor must see `expected`.

    In `expected`, {line} is the line where `old` starts in the unchanged file, {line+1} the next one, and so on.
    """

    old: str = ""
    new: str = ""
    expected: tuple[str, ...] = ()
    file: str = "plans/cbss-2008.yml"
    content: bytes | None = None

    def apply(self, data: Path) -> tuple[str, ...]:
        """Make the change in the data folder; return the expected messages with their line numbers."""
        path = data / self.file
        if self.content is not None:
            path.write_bytes(self.content)
            return self.expected
        text = path.read_text(encoding="utf-8")
        assert self.old in text, f"fixture text not found: {self.old!r}"
        path.write_text(text.replace(self.old, self.new, 1), encoding="utf-8")
        line = text[: text.index(self.old)].count("\n") + 1
        return tuple(LINE.sub(lambda m: str(line + int(m.group(1) or 0)), e) for e in self.expected)


RECORD = "[cbss-edu-nordplus-agreement-2007-10]"
CASES = {
    # -- the file itself --------------------------------------------------------------------------------------
    "yaml syntax": Case(
        DATE, 'date: "2007-10', ("cbss-2008.yml:{line}", 'opens with " but does not close it', "(YAML: ")
    ),
    "broken indentation": Case(
        '            status: "done"\n            bodies: [ncm, nordplus]',
        '            status: "done"\n          bodies: [ncm, nordplus]',
        ("cbss-2008.yml:{line+1}", "is not indented like", "(YAML: "),
    ),
    "tab character": Case(
        DATE, '\tdate: "2007-10"', ("cbss-2008.yml:{line}", "TAB character", "indents with spaces only")
    ),
    "duplicate key": Case(
        DATE,
        f'{DATE}\n            date: "2007-11"',
        ("cbss-2008.yml:{line+1}", "duplicate key 'date'", "first defined on line {line}"),
    ),
    "not UTF-8": Case(
        file="places.yml",
        content=b'places:\n  - id: riga\n    name: {lv: "R\xeega", en: Riga}\n',
        expected=("places.yml:3", "byte 0xee is not valid UTF-8", "save the file as UTF-8"),
    ),
    "byte-order mark": Case(
        file="places.yml",
        content=b"\xef\xbb\xbfplaces: []\n",
        expected=("places.yml:1", "byte-order mark (BOM)", "save it as UTF-8 without BOM"),
    ),
    "empty file": Case(
        file="organisations.yml", content=b"\n  \n", expected=("organisations.yml", "the file is empty")
    ),
    "not a mapping": Case(
        file="places.yml", content=b"- riga\n- tallinn\n", expected=("places.yml:1", "must hold a YAML mapping")
    ),
    # -- fields -----------------------------------------------------------------------------------------------
    "unknown field": Case(
        DATE,
        f'{DATE}\n            colour: "red"',
        ("cbss-2008.yml:{line+1}", RECORD, "unknown field 'colour'", "valid fields: id, source"),
    ),
    "missing field": Case(
        '            status: "done"\n            bodies: [ncm, nordplus]',
        "            bodies: [ncm, nordplus]",
        (
            "cbss-2008.yml:{line-2}",
            "cbss-edu-nordplus-agreement-2007-10",
            "status",
            "required field 'status' is missing",
        ),
    ),
    "text not quoted as text": Case(
        '              lv: "2007.gada oktobrī',
        '              lv: 2007\n              xlv: "',
        ("cbss-2008.yml:{line}", f"{RECORD}.text.lv", "2007 is a number, not text", "put it in quotes"),
    ),
    "text without languages": Case(
        '            text:\n              lv: "2007.gada oktobrī',
        '            text: "Nordplus"\n            xtext:\n              lv: "2007.gada oktobrī',
        (
            "cbss-2008.yml:{line}",
            f"{RECORD}.text",
            "'Nordplus' is a single value",
            "expected the fields lv, en, pending",
        ),
    ),
    # -- texts and translations -------------------------------------------------------------------------------
    "translation missing, not marked pending": Case(
        EN_TEXT,
        "              # en: removed",
        ("cbss-2008.yml:{line-1}", f"{RECORD}.text", "the 'en' text is missing", "'pending: en'"),
    ),
    "misspelled language": Case(
        EN_TEXT,
        '              eng: "At the',
        ("cbss-2008.yml:{line}", "unknown field 'eng'", "valid fields: lv, en, pending"),
    ),
    "pending but translated": Case(
        EN_TEXT,
        f"              pending: en\n{EN_TEXT}",
        ("cbss-2008.yml:{line-1}", "'en' is marked pending but has a text", "remove 'pending: en'"),
    ),
    "empty text": Case(
        EN_TEXT,
        '              en: ""\n              x: "',
        ("cbss-2008.yml:{line}", f"{RECORD}.text.en", "the 'en' text is empty", "'pending: en'"),
    ),
    "whitespace-only text": Case(
        EN_TEXT,
        '              en: "   "\n              x: "',
        ("cbss-2008.yml:{line}", f"{RECORD}.text.en", "the 'en' text is empty"),
    ),
    # -- values -----------------------------------------------------------------------------------------------
    "unknown status": Case(
        'status: "done"',
        'status: "finished"',
        ("cbss-2008.yml:", ".status", "'finished' is not allowed", "'done', 'ongoing' or 'planned'"),
    ),
    "invalid date": Case(
        DATE,
        'date: "October 2007"',
        (
            "cbss-2008.yml:{line}",
            f"{RECORD}.date",
            "'October 2007' is not a valid date",
            "expected YYYY, YYYY-MM, YYYY-MM-DD",
        ),
    ),
    "30 February": Case(
        DATE, 'date: "2008-02-30"', ("cbss-2008.yml:{line}", "'2008-02-30' has no day 30: February 2008 has 29 days")
    ),
    "range ends before it starts": Case(
        DATE, 'date: "2007-10-12/2007-10-02"', ("cbss-2008.yml:{line}", ".date", "ends before it starts")
    ),
    "within with a day": Case(
        'date: "2008-02"\n            within: "early"',
        'date: "2008-02-04"\n            within: "early"',
        ("cbss-2008.yml:{line+1}", ".within", "'within' (early/mid/end) goes only with a single month or year date"),
    ),
    "id with spaces": Case(
        ACTIVITY,
        'id: "cbss edu nordplus"',
        ("cbss-2008.yml:{line}", "'cbss edu nordplus' is not a valid id", "lowercase"),
    ),
    "id with capitals": Case(
        ACTIVITY,
        'id: "CBSS-Edu-Nordplus"',
        ("cbss-2008.yml:{line}", "'CBSS-Edu-Nordplus' is not a valid id", "lowercase"),
    ),
    # -- references -------------------------------------------------------------------------------------------
    "duplicate id": Case(
        ACTIVITY,
        'id: "cbss-edu-reykjavik-protocol-talks"',
        ("cbss-2008.yml:{line}", "duplicate id 'cbss-edu-reykjavik-protocol-talks'"),
    ),
    "unknown organisation": Case(
        "bodies: [ncm, nordplus]",
        "bodies: [ncm, nordplush]",
        (
            "cbss-2008.yml:{line}",
            "bodies[1]",
            "unknown organisation 'nordplush'",
            "did you mean 'nordplus'",
            "data/organisations.yml",
        ),
    ),
    "unknown place": Case(
        "places: [riga]", "places: [rigaa]", ("cbss-2008.yml:{line}", "unknown place 'rigaa'", "'riga'")
    ),
    "unknown shared cell": Case(
        'shares_cell_with: "cbss-energy-package"',
        'shares_cell_with: "cbss-energy-nope"',
        ("cbss-2008.yml:{line}", "shares_cell_with", "'cbss-energy-nope' is not an earlier task of area 'energy'"),
    ),
    "reference into the other plan": Case(
        'shares_cell_with: "cbss-energy-package"',
        'shares_cell_with: "baltmet-1-1"',
        (
            "cbss-2008.yml:{line}",
            "[cbss-energy-infrastructure].shares_cell_with",
            "'baltmet-1-1' is a task of plan 'baltmet-2011', area 'innovation'",
            "only with an earlier task of its own area 'energy'",
        ),
    ),
    "citation past the end of the source": Case(
        'source: "16"', 'source: "999"', ("cbss-2008.yml:{line}", "line 999 is past the end of the source (217 lines)")
    ),
    "citation range backwards": Case(
        'source: "16"', 'source: "16-12"', ("cbss-2008.yml:{line}", "line range '16-12' ends before it starts")
    ),
    "unknown source file": Case(
        "file: cbss-latvian-presidency-report-2008-02-05.lv.txt",
        "file: cbss-report.lv.txt",
        ("cbss-2008.yml:{line}", "'cbss-report.lv.txt' is not in data/sources/", "available: baltmet-action-plan"),
    ),
    # -- dates against the report date -------------------------------------------------------------------------
    "done after the report date": Case(
        DATE,
        'date: "2008-03"',
        ("cbss-2008.yml:{line+1}", ".status", "'done' but the date 2008-03 is after the report date 2008-02-05"),
    ),
    # -- progress reports ----------------------------------------------------------------------------------------
    "report changes an unknown activity": Case(
        END,
        report('activity: "cbss-energy-basrec-2008-4"\n        status: "done"'),
        (
            "cbss-2008.yml:{line+6}:",
            "reports[cbss-2008-final].changes[0].activity",
            "no activity 'cbss-energy-basrec-2008-4' in this plan",
            "did you mean 'cbss-energy-basrec-2008-04'",
        ),
    ),
    "report dated before the previous one": Case(
        END,
        report('activity: "cbss-energy-basrec-2008-04"\n        status: "done"', as_of="2008-01-31"),
        (
            "cbss-2008.yml:{line+3}:",
            "reports[cbss-2008-final].as_of",
            "the report date 2008-01-31 must be after the previous report's, 2008-02-05",
        ),
    ),
    "status history written in the activity": Case(
        DATE,
        f'{DATE}\n            history:\n              - {{as_of: "2008-06-30", status: "done"}}',
        (
            "cbss-2008.yml:{line+1}:",
            f"{RECORD}.history",
            "'history' is not a field here",
            "a new status belongs to a progress report; add the report under the plan's reports:",
        ),
    ),
    "status change written in the activity": Case(
        DATE,
        f'{DATE}\n            changes:\n              - status: "done"',
        (
            "cbss-2008.yml:{line+1}:",
            f"{RECORD}.changes",
            "'changes' is not a field here",
            "write the change under its changes: (activity, status, date, note)",
        ),
    ),
    "report change with neither status nor date": Case(
        END,
        report('activity: "cbss-energy-basrec-2008-04"\n        note: {lv: "Pārcelta.", en: "Moved."}'),
        (
            "cbss-2008.yml:{line+6}:",
            "reports[cbss-2008-final].changes[0]",
            "this change of 'cbss-energy-basrec-2008-04' gives neither a status nor a date",
        ),
    ),
    "report changes one activity twice": Case(
        END,
        report(
            'activity: "cbss-energy-basrec-2008-04"\n        status: "ongoing"\n'
            '      - activity: "cbss-energy-basrec-2008-04"\n        status: "done"'
        ),
        (
            "cbss-2008.yml:{line+8}:",
            "reports[cbss-2008-final].changes[1].activity",
            "'cbss-energy-basrec-2008-04' is already changed by this report (changes[0])",
        ),
    ),
    "report marks done what its date puts after it": Case(
        END,
        report('activity: "cbss-energy-basrec-2008-04"\n        status: "done"\n        date: "2008-09"'),
        (
            "cbss-2008.yml:{line+7}:",
            "reports[cbss-2008-final].changes[0].status",
            "'done' but the date 2008-09 is after the report date 2008-06-30",
        ),
    ),
    "reported in an unknown report": Case(
        DATE,
        f'{DATE}\n            reported_in: "cbss-2008-final"',
        (
            "cbss-2008.yml:{line+1}:",
            f"{RECORD}.reported_in",
            "no report 'cbss-2008-final' among this plan's reports (none yet: add the report under reports:)",
        ),
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_data_is_reported_with_file_line_record_and_field(project: Project, case: Case):
    expected_messages = case.apply(project.data)

    result = check_data(project.data)

    messages = "\n".join(str(e) for e in result.errors)
    assert result.site is None
    for expected in expected_messages:
        assert expected in messages, f"{expected!r} not in:\n{messages}"


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_check_exits_non_zero_with_the_message(project: Project, case: Case, capsys, monkeypatch):
    *_, message = case.apply(project.data)
    monkeypatch.setenv("GITHUB_ACTIONS", "false")  # the check as an editor runs it, also inside CI

    status = check.main([str(project.data)])  # its work, in this process; the command itself: the test below

    assert status == 1
    assert message in capsys.readouterr().err


def test_the_check_command_exits_non_zero_with_the_message(project: Project):
    *_, message = CASES["30 February"].apply(project.data)

    result = project.check()

    assert result.returncode == 1
    assert message in result.stderr
    assert "error(s); the site would not build" in result.stderr


@pytest.mark.parametrize("kind", CASES)
def test_the_build_fails_and_leaves_the_published_site_as_it_was(project: Project, kind: str):
    site = project.root / "site"
    site.mkdir()
    (site / "index.html").write_text("the site as published before", encoding="utf-8")
    *_, message = CASES[kind].apply(project.data)

    result = project.build_here(site)  # the plugin's part; the command's exit status: the test below

    assert not result.ok
    assert message in result.log
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the site as published before"


def test_mkdocs_build_exits_non_zero_with_the_message_and_leaves_the_site_as_it_was(project: Project):
    site = project.root / "site"
    site.mkdir()
    (site / "index.html").write_text("the site as published before", encoding="utf-8")
    *_, message = CASES["30 February"].apply(project.data)

    result = project.build(site)

    assert result.returncode != 0
    assert message in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]


def test_all_errors_are_reported_at_once_structural_and_across_records(project: Project):
    cases = ("30 February", "unknown place", "duplicate id", "citation past the end of the source", "unknown status")
    expected = [CASES[case].apply(project.data)[-1] for case in cases]
    Case("id: ncm", "id: ncm\n    colour: red", file="organisations.yml").apply(project.data)

    errors = [str(e) for e in check_data(project.data).errors]

    assert len(errors) == 6, errors
    for message in expected:
        assert any(message in e for e in errors), message
    assert any("organisations.yml" in e and "unknown field 'colour'" in e for e in errors)


def test_a_planned_activity_long_before_the_report_date_is_a_warning_not_an_error(project: Project):
    stale = Case(
        'date: "2007-10"\n            status: "done"',
        'date: "2007-10"\n            status: "planned"',
        ("data/plans/cbss-2008.yml:{line+1}:21: warning: ",),
    )
    (where,) = stale.apply(project.data)
    expected = "'planned' but the date 2007-10 is long before the report date 2008-02-05 (is it 'done'?)"

    result = check_data(project.data)
    check = project.check_here()
    build = project.build_here()

    assert result.errors == [] and result.site is not None
    assert [w.record for w in result.warnings] == ["cbss-edu-nordplus-agreement-2007-10"]
    assert check.returncode == 0 and where in check.stderr and expected in check.stderr
    assert build.ok, build.log
    assert expected in build.log


def test_a_page_for_an_area_that_is_not_in_the_data_fails_the_build_naming_the_valid_areas(frozen_project: Project):
    plan = frozen_project.root / "docs" / "cbss-2008"
    (plan / "educaton.md").write_text("{{ area_title() }}\n\n{{ task_table() }}\n", encoding="utf-8")

    build = frozen_project.build_here()

    assert not build.ok
    assert "docs/cbss-2008/educaton.md: this page shows an area 'educaton' that plan 'cbss-2008' does not have" in (
        build.log
    )
    assert "(areas: education, energy, civil-security, other)" in build.log


def test_a_plan_or_area_without_a_page_in_docs_gets_the_page_made_from_its_data(sample_project: Project):
    (sample_project.root / "docs" / "sample-2030" / "mobility.en.md").unlink()
    (sample_project.root / "docs" / "sample-2030" / "index.md").unlink()

    build = sample_project.build_here()

    assert build.ok, build.log
    assert (sample_project.root / "site" / "en" / "sample-2030" / "mobility" / "index.html").is_file()
    assert (sample_project.root / "site" / "sample-2030" / "index.html").is_file()


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
