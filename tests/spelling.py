"""Spell check of every text in its own language, with Hunspell and the reviewed word lists in data/spelling/.

The texts are the data's (data/plans/*.yml, organisations.yml, places.yml) and the site's labels: every mapping
of `lv`/`en` strings. Each language's words go to one Hunspell process with Debian's dictionary (lv_LV, en_GB)
and the word lists as its personal dictionary. For the full report: `.venv/bin/python tests/spelling.py`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from baltic_plans.model import LANGUAGES
from baltic_plans.yaml_source import read_yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
LABELS = ROOT / "hooks" / "baltic_plans" / "labels.yml"
WORD_LISTS = DATA / "spelling"
DICTIONARIES = {"lv": "lv_LV", "en": "en_GB"}  # Debian's hunspell-lv and hunspell-en-gb
OTHER = {"lv": "en", "en": "lv"}
EDITORS_FIELDS = {"notes", "summary"}  # the editors' own words in a plan, never the source's

# Not words: taken out before a text is split into words.
NOT_WORDS = re.compile(
    r"https?://\S+|www\.\S+"  # URLs
    r"|\S+@\S+\.\w+"  # e-mail addresses
    r"|\{[^{}]*\}"  # the labels' {placeholders}
    r"|`[^`]*`"  # `code` and ids
    r"|\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d[a-z0-9-]*"  # ids with a number: cbss-2008, cbss-edu-nordplus-2007-10
    r"|[\w.-]+\.(?:csv|json|ics|txt|ya?ml|md|pdf|html?|org|com|net|eu|int|lv)\b"  # file names and domains
    r"|[\w.-]+/(?!\w)"  # folders: sources/
)
WORD = re.compile(r"[\w'’]+")
ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
# A quotation or a gloss in brackets, where a word of the other language is in its place.
QUOTED = re.compile(r"\([^()]*\)|“[^“”]*”|„[^“”„]*[“”]|\"[^\"]*\"|‘[^‘’]*’(?!\w)|«[^«»]*»")


@dataclass(frozen=True)
class Text:
    """One text in one language, and where its value stands in its file."""

    path: Path
    line: int  # the first line of the value
    lang: str
    value: str
    verbatim: bool = False  # the source document's own words (a plan's text in its source's language)
    lines: tuple[str, ...] = ()  # the file's lines the value is written on (a value may span several)


@dataclass(frozen=True)
class Word:
    word: str
    quoted: bool  # in quotation marks or brackets, or among the capitalised words of a name: may be foreign

    @property
    def is_name(self) -> bool:
        """Capitalised words and abbreviations (Cēsis, BaltMet, BASREC) are names."""
        return any(letter.isupper() for letter in self.word)


@dataclass(frozen=True)
class Unknown:
    """A word that neither the dictionary nor the word lists know, at the line of its first use in a text."""

    path: Path
    line: int
    lang: str
    word: str

    @property
    def is_name(self) -> bool:
        return Word(self.word, False).is_name

    def __str__(self) -> str:
        path = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        return f"{path}:{self.line}: [{self.lang}] {self.word}"


# -- the texts -----------------------------------------------------------------------------------


def project_files(data_dir: Path = DATA, labels: Path = LABELS) -> list[Path]:
    """Every file with texts: the plans, the registers of organisations and places, and the site's labels."""
    registers = [data_dir / "organisations.yml", data_dir / "places.yml"]
    return [*sorted((data_dir / "plans").glob("*.yml")), *registers, labels]


def texts(paths: Iterable[Path]) -> Iterator[Text]:
    """Every text of the files: each `lv` and `en` string of a mapping that holds only those (and `pending`)."""
    for path in paths:
        doc = read_yaml(path)
        source = doc.data.get("source") if isinstance(doc.data, dict) else None
        source_lang = source.get("language") if isinstance(source, dict) else None
        file_lines = path.read_text(encoding="utf-8").splitlines()
        for loc, mapping in _mappings(doc.data):
            for lang in LANGUAGES:
                if isinstance(mapping.get(lang), str):
                    node = doc.node_at((*loc, lang))
                    first, last = node.start_mark.line, node.end_mark.line
                    verbatim = lang == source_lang and not EDITORS_FIELDS.intersection(map(str, loc))
                    yield Text(path, first + 1, lang, mapping[lang], verbatim, tuple(file_lines[first : last + 1]))


def _mappings(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, dict]]:
    if isinstance(data, dict):
        if data and set(data) <= {*LANGUAGES, "pending"} and any(isinstance(data.get(k), str) for k in LANGUAGES):
            yield loc, data
            return
        for key, value in data.items():
            yield from _mappings(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _mappings(value, (*loc, index))


def words(text: str, lang: str) -> list[Word]:
    """The words to look up: no numbers, ids, URLs, placeholders, single letters or roman numerals.

    Hyphens split words (each part is looked up); in English, a possessive 's is dropped (the Council’s)."""
    text = NOT_WORDS.sub(lambda match: " " * len(match.group()), text)
    quoted = [match.span() for match in QUOTED.finditer(text)]
    found: list[tuple[str, int]] = []
    for match in WORD.finditer(text):
        token = match.group()
        if any(char.isdigit() or char == "_" for char in token):
            continue
        # English: don't, the Council’s (→ Council); Latvian: ‘quoted’
        parts = [re.sub(r"['’]s$", "", token).strip("'’")] if lang == "en" else re.split(r"['’]", token)
        found += [(part, match.start()) for part in parts if len(part) > 1 and not ROMAN.fullmatch(part)]
    result = []
    for index, (word, start) in enumerate(found):
        in_quotes = any(first <= start < last for first, last in quoted)
        # a lowercase word between two capitalised ones is part of a name: Working Group on Democratic Institutions
        in_name = 0 < index < len(found) - 1 and found[index - 1][0][0].isupper() and found[index + 1][0][0].isupper()
        result.append(Word(word, in_quotes or in_name))
    return result


def line_of(text: Text, word: str) -> int:
    """The line of the word's first use in the text's value, as written in the file."""
    for offset, line in enumerate(text.lines):
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", line):
            return text.line + offset
    return text.line


# -- the word lists ------------------------------------------------------------------------------


def read_word_list(path: Path) -> list[str]:
    """One word a line, `#` starts a comment; `word/model` inflects the word as the dictionary's model word."""
    if not path.exists():
        return []
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


@dataclass(frozen=True)
class WordLists:
    """data/spelling/: names.txt in both languages; lv.txt and en.txt in one; source-spellings.<lang>.txt
    only in the source document's own words (a plan's texts in its source's language, not the editors' notes)
    or in a quotation."""

    names: list[str]
    own: dict[str, list[str]]
    source: dict[str, set[str]]

    @classmethod
    def read(cls, folder: Path = WORD_LISTS) -> WordLists:
        return cls(
            read_word_list(folder / "names.txt"),
            {lang: read_word_list(folder / f"{lang}.txt") for lang in LANGUAGES},
            {lang: set(read_word_list(folder / f"source-spellings.{lang}.txt")) for lang in LANGUAGES},
        )

    def dictionary(self, lang: str) -> list[str]:
        return [*self.names, *self.own[lang]]

    def as_in_source(self, word: Word, text: Text) -> bool:
        """A slip of the source passes in the source's own words, and quoted anywhere (a note quoting it)."""
        langs = LANGUAGES if word.quoted else (text.lang,) if text.verbatim else ()
        forms = {word.word, word.word[:1].lower() + word.word[1:]}
        return any(forms & self.source[lang] for lang in langs)


# -- Hunspell ------------------------------------------------------------------------------------


def hunspell_unknown(words: Iterable[str], lang: str, personal: list[str]) -> set[str]:
    """The words that the language's dictionary and the personal word list don't know: one Hunspell process."""
    unique = sorted(set(words))
    if not unique:
        return set()
    with tempfile.TemporaryDirectory() as folder:
        personal_file = Path(folder, f"{lang}.dic")  # also keeps any ~/.hunspell_* out of the check
        personal_file.write_text("".join(f"{entry}\n" for entry in personal), encoding="utf-8")
        result = subprocess.run(
            ["hunspell", "-d", DICTIONARIES[lang], "-p", str(personal_file), "-i", "utf-8", "-l"],
            input="\n".join(unique) + "\n", capture_output=True, text=True, encoding="utf-8",
            env={**os.environ, "LC_ALL": "C.UTF-8"}, check=True,
        )  # fmt: skip
    return set(result.stdout.split())


def check(paths: Iterable[Path], lists: WordLists | None = None) -> list[Unknown]:
    """Every unknown word of the files' texts, once per file, line, language and word.

    A word unknown in its text's language passes if it is a word of the other language and is a name, or in a
    quotation, in brackets or inside a name: “Latvija prezidentūras” in an English note, (maritime policy)."""
    lists = lists or WordLists.read()
    all_texts = [(text, words(text.value, text.lang)) for text in texts(paths)]
    everything = {word.word for _, found in all_texts for word in found}  # both languages: for quotations
    unknown = {lang: hunspell_unknown(everything, lang, lists.dictionary(lang)) for lang in LANGUAGES}
    found: dict[tuple, Unknown] = {}
    for text, text_words in all_texts:
        for word in text_words:
            if word.word not in unknown[text.lang] or lists.as_in_source(word, text):
                continue
            if (word.is_name or word.quoted) and word.word not in unknown[OTHER[text.lang]]:
                continue
            line = line_of(text, word.word)
            found.setdefault((text.path, line, text.lang, word.word), Unknown(text.path, line, text.lang, word.word))
    return list(found.values())


HOW_TO_FIX = """\
Correct the word in its file. If it is right, add it to a list in data/spelling/, one word a line:
  names.txt   names and abbreviations used in both languages (BaltMet, BASREC)
  lv.txt      Latvian only; 'word/model' inflects it like a word the dictionary knows (dalībpilsēta/pilsēta)
  en.txt      English only
A slip that the source document itself has, kept as written in the plan's text, goes to
data/spelling/source-spellings.<lang>.txt, with the record's id as a comment."""


def report(found: list[Unknown]) -> str:
    misspelt = [unknown for unknown in found if not unknown.is_name]
    names = [unknown for unknown in found if unknown.is_name]
    parts = []
    if misspelt:
        parts.append(f"{len(misspelt)} unknown word(s):\n" + "\n".join(map(str, misspelt)))
    if names:
        parts.append(f"{len(names)} unknown name(s) (reported, not an error):\n" + "\n".join(map(str, names)))
    return "\n\n".join([*parts, HOW_TO_FIX]) if parts else "spelling ok"


if __name__ == "__main__":
    findings = check(project_files())
    print(report(findings))
    sys.exit(1 if any(not unknown.is_name for unknown in findings) else 0)
