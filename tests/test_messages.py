"""The data check speaks an editor's words, in English or Latvian: what is probably wrong and how to fix it."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from baltic_plans.errors import DataError, DataErrors
from baltic_plans.messages import catalogue, editor_language
from baltic_plans.yaml_source import read_yaml

GOOD = """id: demo
title:
  lv: "Teksts"
  en: "Text"
tasks:
  - id: one
    text: "First"
  - id: two
    text: "Second"
"""


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_says_the_same_things_in_both_languages():
    for key, texts in catalogue().items():
        assert set(texts) == {"en", "lv"}, key
        assert fields(texts["en"]) == fields(texts["lv"]), key


@pytest.mark.parametrize(
    ("environment", "language"),
    [
        ({"BALTIC_PLANS_LANG": "lv"}, "lv"),
        ({"BALTIC_PLANS_LANG": "en", "LANG": "lv_LV.UTF-8"}, "en"),
        ({"LANG": "lv_LV.UTF-8"}, "lv"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "lv_LV.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_editor_chooses_the_language_by_a_setting_or_their_locale(monkeypatch, environment, language):
    for name in ("BALTIC_PLANS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert editor_language() == language


def problem(tmp_path: Path, text: str) -> DataError:
    path = tmp_path / "plan.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        read_yaml(path)
    return error.value


@pytest.mark.parametrize(
    ("broken", "line", "says"),
    [
        (
            GOOD.replace("  en: ", " en: "),
            4,
            "not indented like the lines of the block it belongs to (the block starts",
        ),
        (
            GOOD.replace('"Text"', "Text: and more"),
            4,
            "a colon followed by a space inside a text that is not in quotes",
        ),
        (GOOD.replace('"Text"', '"Text "and" more"'), 4, "a double quote inside a text in double quotes"),
        (GOOD.replace('"Text"', '"Text'), 4, 'the text on line 4 opens with " but does not close it'),
        (GOOD.replace('"Text"', "@Text"), 4, "a text starts with a character YAML reserves ('@')"),
        (
            GOOD.replace("  - id: two", "   - id: two"),
            8,
            "not indented like its neighbours in the list that starts on line",
        ),
    ],
)
def test_a_yaml_mistake_is_explained_in_an_editor_s_words(tmp_path, monkeypatch, broken, line, says):
    monkeypatch.setenv("BALTIC_PLANS_LANG", "en")
    error = problem(tmp_path, broken)
    assert error.line == line and says in str(error), str(error)
    assert "(YAML: " in str(error)  # and PyYAML's own words, for whoever searches them


def test_every_tab_is_reported_with_its_line(tmp_path, monkeypatch):
    monkeypatch.setenv("BALTIC_PLANS_LANG", "en")
    path = tmp_path / "plan.yml"
    path.write_text(GOOD.replace("  lv:", "\tlv:").replace("    text:", "\t\ttext:"), encoding="utf-8")
    with pytest.raises(DataErrors) as found:
        read_yaml(path)
    assert [(e.line, e.column) for e in found.value.errors] == [(3, 1), (7, 1), (7, 2), (9, 1), (9, 2)]
    assert all("a TAB character at column" in str(e) for e in found.value.errors)


def test_a_yaml_mistake_is_explained_in_latvian_too(tmp_path, monkeypatch):
    monkeypatch.setenv("BALTIC_PLANS_LANG", "lv")
    error = problem(tmp_path, GOOD.replace('"Text"', "Text: and more"))
    assert "tekstā, kas nav pēdiņās, ir kols ar atstarpi" in str(error)


def test_in_github_actions_each_problem_is_an_annotation_on_its_file_and_line(tmp_path, monkeypatch):
    from baltic_plans.check import annotation

    monkeypatch.setenv("BALTIC_PLANS_LANG", "en")
    monkeypatch.chdir(tmp_path)
    problem = DataError(
        tmp_path / "data" / "plans" / "x.yml", "bad: 50%\nsecond line", line=7, column=3, field="areas[a].title"
    )
    assert annotation(problem) == (
        "::error file=data/plans/x.yml,line=7,col=3,title=areas[a].title::bad: 50%25%0Asecond line"
    )
    warning = DataError(tmp_path / "y.yml", "late, maybe", line=2, field="a:b,c", warning=True)
    assert annotation(warning) == "::warning file=y.yml,line=2,title=a%3Ab%2Cc::late, maybe"
