"""The open data page describes the files as they are published: each file's size and number of records as the file
has them, each CSV file's columns as its header row names them. A calendar event keeps its UID when the data around
it changes, so a calendar app updates the event rather than adding it again.

The expected values are read from the published files themselves, or written here by hand; the frozen data's site
(tests/fixtures/frozen-data) keeps the sizes under a megabyte. The calendar's UIDs are compared on the sample-plan
scenario (tests/scenarios/sample-plan/) as it is and as changed, each built in this process."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from icalendar import Calendar

from conftest import Project

LANGUAGES = {"lv": "", "en": "en/"}
DECIMAL_MARK = {"lv": ",", "en": "."}  # "1,5 kB" in Latvian, "1.5 kB" in English
DOWNLOAD = re.compile(  # a row of the downloads table: the file, then its last two cells, records and size
    r'<tr><th scope="row"[^>]*><a href="\.\./data/([^"]+)" download>.*?'
    r'<td[^>]*>([^<]*)</td><td [^>]*class="bp-size"[^>]*>([^<]*)</td></tr>'
)


def open_data_page(site: Path, lang: str) -> str:
    return (site / LANGUAGES[lang] / "open-data" / "index.html").read_text(encoding="utf-8")


def published(site: Path, lang: str) -> dict[str, Path]:
    folder = site / LANGUAGES[lang] / "data"
    return {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*")) if path.is_file()}


def csv_file(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def bytes_stated(size: str, lang: str) -> tuple[float, float]:
    """The smallest and largest size in bytes that `size` ('709 B', '45,0 kB') can stand for."""
    if found := re.fullmatch(r"(\d{1,3}) B", size):
        return int(found[1]), int(found[1])
    found = re.fullmatch(rf"(\d+){re.escape(DECIMAL_MARK[lang])}(\d) kB", size)
    assert found, f"{size!r} is not 'N B' or 'N{DECIMAL_MARK[lang]}N kB'"
    kilobytes = int(found[1]) + int(found[2]) / 10  # a kilobyte is 1000 bytes, rounded to a tenth
    return kilobytes * 1000 - 50, kilobytes * 1000 + 50


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_open_data_page_gives_each_file_s_size_and_each_csv_file_s_records_as_the_file_has_them(
    frozen_built_site: Path, lang: str
):
    files = published(frozen_built_site, lang)
    listed = {
        name: (records, size) for name, records, size in DOWNLOAD.findall(open_data_page(frozen_built_site, lang))
    }
    assert listed.keys() == files.keys()
    for name, (records, size) in listed.items():
        smallest, largest = bytes_stated(size, lang)
        assert smallest <= files[name].stat().st_size <= largest, (name, size, files[name].stat().st_size)
        if name.endswith(".csv"):
            assert records == str(len(csv_file(files[name])) - 1), name  # the rows below the header
    assert {size.endswith(" B") for _, size in listed.values()} == {True, False}  # both forms are checked


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_open_data_page_describes_the_columns_each_csv_file_has(frozen_built_site: Path, lang: str):
    html = open_data_page(frozen_built_site, lang)
    tables = {name: path for name, path in published(frozen_built_site, lang).items() if name.endswith(".csv")}
    assert tables
    for name, path in tables.items():
        section = html.split(f'id="columns-{name.removesuffix(".csv")}"')[1].split("</table>")[0]
        rows = re.findall(
            r'<tr><th scope="row"[^>]*><code>(\w+)</code></th><td[^>]*>[^<]+</td><td[^>]*>(.+?)</td></tr>', section
        )
        assert [column for column, _ in rows] == csv_file(path)[0], name
        assert all(description.strip() for _, description in rows), name


# -- calendar UIDs ------------------------------------------------------------------------------------

PLAN = "sample-2030"  # the sample-plan scenario's plan (tests/scenarios/sample-plan/)
MOVED = "sample-water-portal-2029-11"  # its date moves a month on, and an activity is added before it
ADDED = "sample-water-added-meeting-2029-11"
ADDED_YAML = f"""\
          - id: {ADDED}
            date: "2029-11-20"
            status: done
            text:
              lv: "Portāla lietotāji tikās 2029. gada 20. novembrī."
              en: "The portal's users met on 20 November 2029."
            source: "13"
"""


def events(site: Path) -> dict[str, tuple[str, str]]:
    """Each Latvian event's UID → the record it is of (its link's #anchor) and its first day."""
    calendar = Calendar.from_ical((site / "data" / "all-plans.ics").read_bytes())
    return {
        str(event["UID"]): (urlsplit(str(event["URL"])).fragment, event.decoded("DTSTART").isoformat())
        for event in calendar.walk("VEVENT")
    }


def test_a_calendar_event_keeps_its_uid_when_its_date_changes_and_an_activity_is_added_before_it(
    sample_site: Path, sample_project: Project
):
    project = sample_project  # the scenario as sample_site has it, changed here
    moved_yaml = f'          - id: {MOVED}\n            date: "2029-'
    project.replace_in_plan(f'{moved_yaml}11"', f'{ADDED_YAML}{moved_yaml}12"', name=PLAN)
    build = project.build_here()
    assert build.ok, build.log
    before, after = events(sample_site), events(project.root / "site")
    (uid,) = (uid for uid, (record, _) in before.items() if record == MOVED)
    assert (before[uid], after.get(uid)) == ((MOVED, "2029-11-01"), (MOVED, "2029-12-01"))
    kept = {uid: record for uid, (record, _) in after.items() if uid in before}
    assert kept == {uid: record for uid, (record, _) in before.items()}  # each event: the same UID, the same record
    assert [record for uid, (record, _) in after.items() if uid not in before] == [ADDED]
