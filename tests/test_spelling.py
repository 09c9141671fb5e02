"""The spell check: every text in its own language, with Hunspell and the reviewed word lists in data/spelling/."""

from __future__ import annotations

import re
import shutil
import textwrap
import warnings
from pathlib import Path

import pytest

from baltic_plans.model import LANGUAGES
from conftest import FROZEN_DATA
from spelling import (
    DICTIONARIES,
    HOW_TO_FIX,
    ROOT,
    WORD_LISTS,
    WordLists,
    check,
    hunspell_unknown,
    project_files,
    read_word_list,
    report,
    words,
)

HUNSPELL_DICTIONARIES = Path("/usr/share/hunspell")
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


@pytest.fixture(autouse=True, scope="module")
def hunspell():
    missing = [f"{name}.dic" for name in DICTIONARIES.values() if not (HUNSPELL_DICTIONARIES / f"{name}.dic").exists()]
    if not shutil.which("hunspell") or missing:
        pytest.fail(
            f"Hunspell or its dictionaries are missing ({', '.join(missing) or 'hunspell'}); `make test` installs "
            "them, or: apt-get install hunspell hunspell-lv hunspell-en-gb"
        )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def lists(folder: Path, **files: str) -> WordLists:
    """Word lists made of the given files (names="…", lv="…", source_lv="…"); the others empty."""
    folder.mkdir(exist_ok=True)
    names = {"names": "names.txt", "lv": "lv.txt", "en": "en.txt", "source_lv": "source-spellings.lv.txt"}
    for key, text in files.items():
        write(folder, names[key], text)
    return WordLists.read(folder)


def findings(path: Path, word_lists: WordLists) -> list[str]:
    """`file:line: [lang] word` of each unknown word, with the file's name only."""
    return [f"{u.path.name}:{u.line}: [{u.lang}] {u.word}" for u in check([path], word_lists)]


# -- the real data ---------------------------------------------------------------------------------


def test_every_text_of_the_data_and_the_labels_is_spelt_right_in_its_own_language():
    found = check(project_files())
    names = [unknown for unknown in found if unknown.is_name]
    if names:  # a new place or body is reported, never an error
        warnings.warn(f"spell check: {report(names)}", stacklevel=1)
    misspelt = [unknown for unknown in found if not unknown.is_name]
    assert not misspelt, report(misspelt)


def test_the_guide_shows_the_message_an_editor_really_gets(tmp_path):
    plan = (FROZEN_DATA / "plans" / "cbss-2008.yml").read_text(encoding="utf-8")  # its text stays as it is
    assert "under consideration" in plan
    path = write(tmp_path, "cbss-2008.yml", plan.replace("under consideration", "under considration", 1))
    example = re.search(r"`data/plans/(cbss-2008\.yml:\d+: \[en\] considration)`", GUIDE).group(1)
    (found,) = findings(path, WordLists.read(FROZEN_DATA / "spelling"))
    line = re.compile(r"(?<=\.yml:)\d+(?=:)")  # the line is the data's: the guide's may be any number
    assert line.sub("N", found) == line.sub("N", example), (found, example)


def test_every_word_kept_as_in_the_source_is_in_the_source_document():
    sources = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "data" / "sources").glob("*.lv.txt"))
    for word in read_word_list(WORD_LISTS / "source-spellings.lv.txt"):
        assert re.search(rf"(?<!\w){re.escape(word)}(?!\w)", sources), (
            f"source-spellings.lv.txt: '{word}' is not in any Latvian source document; only the source's own "
            "slips belong there (correct the site's text, or put a right word in lv.txt)"
        )


def test_every_listed_word_is_known_to_hunspell_with_its_list():
    """A `word/model` whose model the dictionary doesn't know adds nothing, silently."""
    word_lists = WordLists.read()
    for lang in LANGUAGES:
        entries = word_lists.dictionary(lang)
        unknown = hunspell_unknown([entry.split("/")[0] for entry in entries], lang, entries)
        assert not unknown, f"{sorted(unknown)}: each model word after '/' must be one the {lang} dictionary knows"


def test_every_word_list_holds_one_word_a_line():
    for path in sorted(WORD_LISTS.glob("*.txt")):
        for entry in read_word_list(path):
            assert re.fullmatch(r"[^\W\d_][\w'’-]*(/[^\W\d_][\w'’-]*)?", entry), f"{path.name}: {entry!r}"


# -- what the check does, on texts written here -------------------------------------------------------


def test_a_misspelt_lowercase_word_fails_with_its_file_and_line(tmp_path):
    path = write(
        tmp_path,
        "plan.yml",
        """
        title: {lv: "Sadarbības plāns", en: "Cooperation plan"}
        notes:
          - lv: "Sanāksme notiks Rīgā."
            en: "The meeting will take plaec in Riga."
        """,
    )
    found = check([path], lists(tmp_path / "spelling"))
    assert findings(path, lists(tmp_path / "spelling")) == ["plan.yml:4: [en] plaec"]
    assert not found[0].is_name
    assert f"{path}:4: [en] plaec" in report(found) and HOW_TO_FIX in report(found)


def test_a_word_on_a_later_line_of_a_long_text_is_reported_at_its_own_line(tmp_path):
    path = write(
        tmp_path,
        "plan.yml",
        """
        text:
          en: "The meeting
            will take plaec in Riga."
          lv: "Sanāksme notiks Rīgā."
        """,
    )
    assert findings(path, lists(tmp_path / "spelling")) == ["plan.yml:3: [en] plaec"]


def test_a_new_capitalised_place_name_is_reported_but_is_not_a_misspelling(tmp_path):
    path = write(
        tmp_path,
        "places.yml",
        """
        places:
          - id: glorpsund
            name: {lv: "Glorpsundas ostā notika tikšanās.", en: "A meeting was held in Glorpsund harbour."}
        """,
    )
    found = check([path], lists(tmp_path / "spelling"))
    assert [(unknown.line, unknown.lang, unknown.word, unknown.is_name) for unknown in found] == [
        (3, "lv", "Glorpsundas", True),
        (3, "en", "Glorpsund", True),
    ]
    assert "2 unknown name(s) (reported, not an error)" in report(found)
    assert "unknown word(s)" not in report(found)


def test_an_unknown_abbreviation_is_a_name_too(tmp_path):
    path = write(tmp_path, "labels.yml", 'body: {lv: "XQZB sanāksme", en: "The XQZB meeting"}\n')
    assert [unknown.is_name for unknown in check([path], lists(tmp_path / "spelling"))] == [True, True]


def test_a_word_in_the_lists_passes(tmp_path):
    path = write(
        tmp_path,
        "places.yml",
        """
        places:
          - id: glorpsund
            name: {lv: "Glorpsund un XQZB", en: "Glorpsund and XQZB: a glorptastic plan"}
        """,
    )
    assert findings(path, lists(tmp_path / "none")) == [
        "places.yml:3: [lv] Glorpsund", "places.yml:3: [lv] XQZB",
        "places.yml:3: [en] Glorpsund", "places.yml:3: [en] XQZB", "places.yml:3: [en] glorptastic",
    ]  # fmt: skip
    word_lists = lists(
        tmp_path / "spelling",
        names="# in both languages\nGlorpsund  # a village\nXQZB\n",
        en="glorptastic\n",
    )
    assert findings(path, word_lists) == []


def test_latvian_inflected_forms_pass(tmp_path):
    path = write(
        tmp_path,
        "plan.yml",
        """
        text:
          lv: "Izglītības ministru sanāksmē panākta vienošanās par Baltijas valstu iesaisti programmā; sadarbībā ar
            pašvaldībām un universitātēm tiks rīkotas konferences, semināri un tikšanās Rīgā, Tallinā un Viļņā."
          pending: en
        """,
    )
    assert findings(path, lists(tmp_path / "spelling")) == []


def test_a_listed_latvian_word_inflects_like_its_model_word(tmp_path):
    path = write(tmp_path, "plan.yml", 'text: {lv: "Dalībpilsētām un dalībpilsētu mēriem.", pending: en}\n')
    without = ["plan.yml:1: [lv] Dalībpilsētām", "plan.yml:1: [lv] dalībpilsētu"]
    assert findings(path, lists(tmp_path / "none")) == without
    assert findings(path, lists(tmp_path / "spelling", lv="dalībpilsēta/pilsēta\n")) == []


def test_a_slip_of_the_source_passes_only_in_the_source_s_own_words(tmp_path):
    path = write(
        tmp_path,
        "plan.yml",
        """
        source: {file: plan.lv.txt, language: lv}
        text:
          lv: "Projekts tādejādi novērš nošķirtību."
          en: "The project thereby prevents the divide."
        notes:
          - lv: "Avotā rakstīts tādejādi."
            en: "The source says “tādejādi” (thereby)."
        """,
    )
    assert findings(path, lists(tmp_path / "none")) == [
        "plan.yml:3: [lv] tādejādi", "plan.yml:6: [lv] tādejādi", "plan.yml:7: [en] tādejādi",
    ]  # fmt: skip
    word_lists = lists(tmp_path / "spelling", source_lv="tādejādi  # cbss-edu-riga-conference-2007-09, line 19\n")
    # the editors' own words are not the source's, unless they quote it
    assert findings(path, word_lists) == ["plan.yml:6: [lv] tādejādi"]


def test_a_quotation_in_the_other_language_passes(tmp_path):
    path = write(
        tmp_path,
        "plan.yml",
        """
        notes:
          - lv: "Jūras politika (maritime policy); Working Group on Democratic Institutions."
            en: "“Latvija prezidentūras” in the source is probably a slip."
        """,
    )
    assert findings(path, lists(tmp_path / "spelling")) == []


def test_urls_addresses_numbers_ids_placeholders_and_roman_numerals_are_not_words():
    text = (
        "See https://www.agora-tourism.net/x?y=1, www.norden.org, info@cbss.org, {area}, `cbss-edu-bologna`, "
        "cbss-2008, plans.csv, sources/, 5+3, 21..24, H2020, 3rd, INTERREG IIIB, Phase II, the Council’s plan"
    )
    assert [word.word for word in words(text, "en")] == [
        "See", "INTERREG", "IIIB", "Phase", "the", "Council", "plan",
    ]  # fmt: skip
    assert [word.word for word in words("2007.gada 13.septembrī ‘smadzeņu aizplūšanu’ t.sk.", "lv")] == [
        "gada", "septembrī", "smadzeņu", "aizplūšanu", "sk",
    ]  # fmt: skip
