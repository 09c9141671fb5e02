"""A Latvian page speaks Latvian everywhere a reader meets the site's own words (its title, the site's name, the
heading anchors, the colour switch, the year pager), an English page English; no title names the site twice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

LATVIAN = {
    "site": "Baltijas plāni",
    "anchor": 'title="Pastāvīgā saite uz šo sadaļu"',
    "toggle": 'title="Pārslēgt uz tumšo režīmu"',
    "footer": "Vietne veidota ar",
}
ENGLISH = {
    "site": "Baltic Plans",
    "anchor": 'title="Permanent link to this section"',
    "toggle": 'title="Switch to dark mode"',
    "footer": "Made with",
}
PAGES = ["", "cbss-2008/", "cbss-2008/education/", "timeline/", "organisations/", "open-data/"]


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize(("prefix", "words", "other"), [("", LATVIAN, ENGLISH), ("en/", ENGLISH, LATVIAN)])
def test_the_site_s_own_words_are_in_the_page_s_language(built_site: Path, path: str, prefix, words, other):
    page = html(built_site, prefix + path)
    title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert title == words["site"] or title.endswith(f" – {words['site']}"), title
    assert title.count(words["site"]) == 1 and other["site"] not in title
    for key in ("anchor", "toggle", "footer"):
        if key != "anchor" or 'class="headerlink"' in page:  # a page with sections
            assert words[key] in page and other[key] not in page, (key, prefix + path)


def test_a_year_page_names_the_previous_and_next_year_in_agreement():
    # "gads" is masculine: "Iepriekšējais gads", not the feminine "Iepriekšējā"
    from baltic_plans.views import label

    assert label("previous_year", "lv") == "Iepriekšējais gads" and label("next_year", "lv") == "Nākamais gads"
