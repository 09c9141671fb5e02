"""No output shows a programmer's word or unrendered markup: no "None", "null", "nan" or "undefined", no raw
Markdown (**, [text](url), ![image]) and no raw Jinja ({{ }}, {% %}), in any page, PDF, CSV, JSON or calendar,
and no label without its value. Such a word within a text of the data is the editors' own, shown as they wrote it
("None of the partners…")."""

from __future__ import annotations

import csv
import functools
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

# Whole words only ("nonentity" is fine); "**" quoted in an editor's note („**“, “**”) is the source's debris named.
LEAK = re.compile(r"\bNone\b|\bnull\b|\bNaN\b|\bnan\b|\bundefined\b|(?<![„“])\*\*(?![“”])|\]\(|!\[|\{\{|\}\}|\{%|%\}")
# Where text is shown as it is: code, the source documents' own lines (verbatim, with their debris), and scripts.
VERBATIM = {"script", "style", "code", "pre", "svg"}
VERBATIM_CLASSES = {"bp-lines"}


class VisibleText(HTMLParser):
    """The text a reader sees or hears, with where it stands, and every label with what follows it."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.stack: list[bool] = []  # per open element: is it verbatim?
        self.empty_values: list[str] = []
        self._dt: str | None = None
        self._dd: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if tag not in {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "path", "rect", "circle"}:
            self.stack.append(tag in VERBATIM or bool(classes & VERBATIM_CLASSES) or any(self.stack[-1:]))
        if not any(self.stack[-1:]):
            self.texts += [value for name, value in attrs if name in ("title", "aria-label", "alt") and value]
        if tag == "dd":
            self._dd = []

    def handle_endtag(self, tag: str) -> None:
        if self.stack and tag not in {"br", "img", "input", "meta", "link", "hr", "wbr"}:
            self.stack.pop()
        if tag == "dd" and self._dd is not None:
            if not "".join(self._dd).strip():
                self.empty_values.append(f"{self._dt}: (empty)")
            self._dd = None

    def handle_data(self, data: str) -> None:
        if self._dd is not None:
            self._dd.append(data)
        if not any(self.stack[-1:]):
            self.texts.append(data)
        self._dt = data.strip() or self._dt


def leaks(texts: list[str], editors_words: tuple[str, ...] = ()) -> list[str]:
    """Each match of LEAK in the texts, with some context; not one in a text the editors wrote as it stands."""
    return [
        repr(text[max(0, m.start() - 30) : m.end() + 30])
        for text in texts
        for m in LEAK.finditer(text)
        if not written_so(text, m, editors_words)
    ]


def written_so(text: str, match: re.Match, editors_words: tuple[str, ...]) -> bool:
    """The match with the rest of its text (or line) after it, or all of it before, is part of a text of the data:
    an editor's word ("Editor's note: None of the partners…", a quoted "{{"), shown as written. A match alone, or
    after the site's own words ("Status: None"), is never excused."""
    word = match.group().strip()
    sides = (text[match.start() :], text[: match.end()])
    shown = [" ".join(side.split()) for side in sides]
    return any(side != word and any(side in words for words in editors_words) for side in shown)


@functools.cache
def data_texts() -> tuple[str, ...]:
    """Every string of the data files (their texts as the editors wrote them), whitespace collapsed."""

    def strings_of(value) -> list[str]:
        if isinstance(value, dict):
            return [text for item in value.values() for text in strings_of(item)]
        if isinstance(value, list):
            return [text for item in value for text in strings_of(item)]
        return [" ".join(value.split())] if isinstance(value, str) else []

    files = [*sorted((ROOT / "data" / "plans").glob("*.yml")), ROOT / "data" / "organisations.yml"]
    files.append(ROOT / "data" / "places.yml")
    return tuple(text for path in files for text in strings_of(yaml.safe_load(path.read_text(encoding="utf-8"))))


def test_no_page_shows_a_programmer_s_word_raw_markup_or_an_empty_value(built_site: Path):
    found = []
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        parser = VisibleText()
        parser.feed(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(built_site)}: {leak}" for leak in leaks(parser.texts, data_texts())]
        found += [f"{path.relative_to(built_site)}: {empty}" for empty in parser.empty_values]
    assert not found, "\n".join(found)


def test_no_pdf_shows_a_programmer_s_word_or_raw_markup(built_site: Path):
    pdfs = sorted(built_site.rglob("*.pdf"))
    assert len(pdfs) >= 4  # each plan in each language
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout
        assert text.strip(), pdf
        assert not leaks(text.splitlines(), data_texts()), (pdf, leaks(text.splitlines(), data_texts()))


def test_no_download_holds_none_null_or_nan_as_text(built_site: Path):
    # the search index holds the editor's guide's code examples ({{ plan_page() }}) as text: words only there
    downloads = [p for p in built_site.rglob("*") if p.suffix in (".csv", ".json", ".ics") and "schema" not in p.parts]
    assert {p.suffix for p in downloads} == {".csv", ".json", ".ics"}
    word = re.compile(r"^(None|null|nan|NaN|undefined)$")
    for path in downloads:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".csv":
            values = [cell for row in csv.reader(text.splitlines()) for cell in row]
        elif path.suffix == ".json":
            values = list(strings(json.loads(text)))
        else:  # a calendar: each property's value, unfolded and unescaped (RFC 5545: \\, \; \, \n)
            values = [unescape_ics(line.partition(":")[2]) for line in text.replace("\r\n ", "").splitlines()]
        search_index = "search" in path.parts
        bad = [
            value
            for value in values
            if word.match(value.strip()) or (not search_index and leaks([value], data_texts()))
        ]
        assert not bad, (path.relative_to(built_site), bad[:5])


def unescape_ics(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: " " if m.group(1) in "nN" else m.group(1), value)


def strings(value) -> list[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@pytest.mark.parametrize(
    ("texts", "found"),
    [
        (["Saīsinājums: None"], 1),
        (["- **Status** is done"], 1),
        (["see [the guide](editing/)"], 1),
        (["{{ plan_page() }}"], 1),
        (["The “**” after the names is debris"], 0),
        (["Nonetheless, the nullification"], 0),
    ],
)
def test_the_leak_pattern_finds_leaks_and_only_leaks(texts, found):
    assert bool(leaks(texts)) is bool(found)


@pytest.mark.parametrize(
    ("texts", "found"),
    [
        (["None of the partners signed."], 0),  # an editor's words, shown as written
        (["None of the partners"], 0),  # part of them (a text node before an abbreviation)
        (["Editor’s note: None of the partners"], 0),  # after a label, on a PDF's line
        (["the partners signed. None"], 1),
        (["None"], 1),  # a word alone: a programmer's, whatever the editors wrote
        (["Status: None"], 1),  # beside the site's own words
        (["see {{ 7 * 7 }}"], 0),
        (["{{ plan_page() }}"], 1),
    ],
)
def test_a_leak_word_in_a_text_the_editors_wrote_is_theirs(texts, found):
    editors_words = ("None of the partners signed.", "The guide writes “**” and see {{ 7 * 7 }} as text.")
    assert bool(leaks(texts, editors_words)) is bool(found)
