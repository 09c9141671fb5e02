"""Material's own interface words, where the site words them better (the reader's formal "Izvēlieties", "vēl # šajā
lapā" for "# more on this page", British "Initialising"): our copies of Material's language files differ from
the installed Material's in these keys only, so an upgrade of Material that changes its files fails here."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from conftest import ROOT

OURS = ROOT / "hooks" / "overrides" / "partials" / "languages"
THEIRS = Path(material.__file__).parent / "templates" / "partials" / "languages"
WORDED = {
    "lv": {
        "search.result.initializer": "Meklēšana tiek sagatavota",
        "search.result.none": "Nav atbilstošu ierakstu",
        "search.result.one": "1 atbilstošs ieraksts",
        "search.result.other": "# atbilstoši ieraksti",
        "search.result.more.one": "vēl 1 šajā lapā",
        "search.result.more.other": "vēl # šajā lapā",
        "search.result.term.missing": "Trūkst",
        "select.language": "Izvēlieties valodu",
        "select.version": "Izvēlieties versiju",
    },
    "en": {"search.result.initializer": "Initialising search"},
}


def words(path: Path) -> dict[str, str]:
    return dict(re.findall(r'^  "([\w.]+)": "([^"]*)",?$', path.read_text(encoding="utf-8"), re.M))


@pytest.mark.parametrize("lang", WORDED)
def test_our_language_file_is_material_s_but_for_the_site_s_wording(lang):
    ours, theirs = words(OURS / f"{lang}.html"), words(THEIRS / f"{lang}.html")
    assert len(theirs) >= 40
    assert ours.keys() == theirs.keys(), "Material's keys changed: copy its file again and reapply WORDED"
    assert {key: value for key, value in ours.items() if value != theirs[key]} == WORDED[lang]


def test_latvian_pages_speak_to_the_reader_formally_and_count_records(built_site: Path):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Izvēlieties valodu"' in html and "Izvēlies valodu" not in html
