"""A reader on a phone (390 px wide, the yardstick of GOV.UK and europa.eu; 320 px, the narrowest WCAG's reflow
asks for), and on paper.

On a phone the task table reads top to bottom, a block per task with its accomplished/planned items under the
column's name, and stays a table for screen readers; the count tables fit 320 px as labelled lines; the map and
the status charts are legible (text of at least 12 px as rendered, labels that never overlap, tap targets of at
least 24 × 24 px); an area's timeline is an index of its task table, not a second copy; the content comes before
the editors' links, the editor's guide is in the footer, and the repository's badge is not in a reader's way. On
paper an area page prints compactly, without separators left by hidden links, each sheet naming the page's address
and the date of its data.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from test_build import LANGUAGES, page, parse

from baltic_plans.model import Site, area_activities
from conftest import SITE_URL

PHONE = {"width": 390, "height": 844}
NARROW = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}
AREAS = ("cbss-2008/education/", "cbss-2008/civil-security/")
LABEL = {"lv": "Paveiktais / ieplānotais", "en": "Accomplished / planned"}


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


# -- the task table --------------------------------------------------------------------------------------

TASK_ROWS = """() => [...document.querySelectorAll('.bp-tasks tbody tr')].map(tr => {
  const task = tr.querySelector('th').getBoundingClientRect();
  const cell = tr.querySelector('td.bp-progress');
  const items = cell.getBoundingClientRect();
  return {
    stacked: items.top >= task.bottom - 1 && Math.abs(items.left - task.left) < 2,
    side_by_side: items.left >= task.right - 1 && items.top < task.bottom,
    label: getComputedStyle(cell, '::before').content,
  };
})"""
REGION = """() => {
  const wrap = document.querySelector('.bp-tasks');
  return {scrolls: wrap.scrollWidth > wrap.clientWidth, right: wrap.getBoundingClientRect().right,
          width: window.innerWidth, head: wrap.querySelector('thead').getBoundingClientRect().height};
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("area", AREAS)
def test_on_a_phone_each_task_is_a_block_its_items_under_the_column_s_name(tab, published_site, lang, area):
    tab.set_viewport_size(PHONE)
    tab.goto(published_site + LANGUAGES[lang] + area)
    rows = tab.evaluate(TASK_ROWS)
    assert rows and all(row["stacked"] for row in rows)
    assert {row["label"] for row in rows} == {f'"{LABEL[lang]}" / ""'}  # shown, and not read twice
    region = tab.evaluate(REGION)
    assert not region["scrolls"] and region["right"] <= region["width"] and region["head"] <= 1
    # a screen reader still meets a table: its column headers, a row header per task and its cells
    tree = tab.locator(".bp-tasks table").aria_snapshot()
    assert tree.startswith("- 'table ") or tree.startswith('- table "')
    assert f'columnheader "{LABEL[lang]}"' in tree
    assert re.search(r"- '?rowheader\b", tree) and re.search(r"- '?cell\b", tree)
    assert LABEL[lang] not in tree.split(f'columnheader "{LABEL[lang]}"', 1)[1]  # cells are not named by the label


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_desktop_and_paper_keep_the_wide_table(tab, published_site, lang):
    tab.set_viewport_size(DESKTOP)
    tab.goto(published_site + LANGUAGES[lang] + AREAS[0])
    assert all(row["side_by_side"] for row in tab.evaluate(TASK_ROWS))
    tab.set_viewport_size(PHONE)
    tab.emulate_media(media="print")
    try:
        assert all(row["side_by_side"] for row in tab.evaluate(TASK_ROWS))
    finally:
        tab.emulate_media(media="screen")


# -- the count tables ------------------------------------------------------------------------------------

COUNTS = """() => [...document.querySelectorAll('.bp-counts table, .bp-years table')].map(table => ({
  right: table.getBoundingClientRect().right,
  width: window.innerWidth,
  headers: [...table.querySelectorAll('thead th')].map(th => th.textContent.trim()),
  labels: [...table.querySelectorAll('tbody tr')].map(tr => [...tr.querySelectorAll('td')]
    .map(td => getComputedStyle(td, '::before').content)),
  lines: [...table.querySelectorAll('tbody td')].every(td => td.getBoundingClientRect().width > table.clientWidth * .8),
}))"""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["", "cbss-2008/", "cbss-2008/education/", "timeline/"])
def test_count_tables_fit_a_320_px_phone_as_labelled_lines(tab, published_site, lang, path):
    tab.set_viewport_size(NARROW)
    tab.goto(published_site + LANGUAGES[lang] + path)
    tables = tab.evaluate(COUNTS)
    assert tables
    for table in tables:
        assert table["right"] <= table["width"] and table["lines"]
        columns = table["headers"][-4:]  # the tasks' (a plan's or an area's table) or the year's, then the counts
        for labels in table["labels"]:
            assert [label.removesuffix(' / ""').strip('"') for label in labels][-4:] == columns
    assert "columnheader" in tab.locator(".bp-counts table, .bp-years table").first.aria_snapshot()


# -- the map and the charts ------------------------------------------------------------------------------

# The rendered size of each text of the SVG drawings shown (its font size times the drawing's scale), and the
# boxes of labels, markers and links, in CSS px.
FIGURES = """selector => {
  const shown = [...document.querySelectorAll(selector)].filter(svg => svg.getClientRects().length > 0);
  const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  return shown.map(svg => ({
    texts: [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => ({
      text: t.textContent.trim(),
      px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
      box: box(t),
      label: t.matches('.bp-place-name'),
    })),
    markers: [...svg.querySelectorAll('a circle.bp-marker')].map(box),
    links: [...svg.querySelectorAll('a')].map(a => ({name: a.getAttribute('aria-label'), box: box(a)})),
    hits: [...svg.querySelectorAll('a .bp-hit')].map(box),
  }));
}"""


def overlapping(boxes: list[list[float]], tolerance: float = 0.5) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, a in enumerate(boxes)
        for j, b in enumerate(boxes[i + 1 :], start=i + 1)
        if min(a[2], b[2]) - max(a[0], b[0]) > tolerance and min(a[3], b[3]) - max(a[1], b[1]) > tolerance
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_map_s_names_are_12_px_or_more_never_overlap_and_each_place_is_a_24_px_target(
    tab, published_site, lang, viewport
):
    tab.set_viewport_size(viewport)
    tab.goto(published_site + LANGUAGES[lang] + "places/")
    (drawing,) = tab.evaluate(FIGURES, ".bp-map svg")  # one drawing shown: the phone's or the whole map
    labels = [t for t in drawing["texts"] if t["label"]]
    assert len(labels) == len(drawing["links"]) > 10
    assert min(t["px"] for t in drawing["texts"]) >= 12, [(t["text"], round(t["px"], 1)) for t in drawing["texts"]]
    assert overlapping([t["box"] for t in labels]) == []  # Rīga / Cēsis, Helsinki / Tallinn
    assert overlapping(drawing["hits"]) == []  # each place's tap area is its own
    for i, label in enumerate(labels):  # a name covers no other place's marker (one marker and name per link)
        assert all(overlapping([label["box"], marker]) == [] for j, marker in enumerate(drawing["markers"]) if j != i)
    for link in drawing["links"]:
        left, top, right, bottom = link["box"]
        assert right - left >= 24 and bottom - top >= 24, link["name"]
    for link, label in zip(drawing["links"], labels, strict=True):  # the visible name starts the accessible one
        assert link["name"].startswith(label["text"].split()[0])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["", "cbss-2008/"])
def test_the_status_chart_s_text_is_12_px_or_more_on_a_phone_and_never_overlaps(tab, published_site, lang, path):
    tab.set_viewport_size(PHONE)
    tab.goto(published_site + LANGUAGES[lang] + path)
    charts = tab.evaluate(FIGURES, ".bp-chart svg")
    assert charts
    for chart in charts:
        assert chart["texts"]  # the check saw the chart's words (a plan of two areas has ten)
        assert min(t["px"] for t in chart["texts"]) >= 12, [(t["text"], round(t["px"], 1)) for t in chart["texts"]]
        assert overlapping([t["box"] for t in chart["texts"]]) == []
        assert max(t["box"][2] for t in chart["texts"]) <= PHONE["width"]


# -- an area's timeline ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_area_s_timeline_is_a_dated_index_of_its_task_table_not_a_second_copy(
    built_site: Path, real_site: Site, lang: str
):
    plan = real_site.plan("cbss-2008")
    for area in plan.areas:
        html = page(built_site, f"{LANGUAGES[lang]}{plan.id}/{area.id}")
        heading = {"lv": '<h2 id="jomas-laika-grafiks"', "en": '<h2 id="timeline-for-this-area"'}[lang]
        table, timeline = html.split(heading)
        timeline = timeline[: timeline.index("</article>")]
        entries = re.findall(r'<li class="bp-activity[^"]*bp-brief">(.*?)</li>', timeline, re.S)
        assert len(entries) == len(list(area_activities(plan, area)))
        targets = re.findall(r'<a href="#([^"]+)">([^<]*)</a>', timeline)
        assert len(targets) == len(entries)
        assert {target for target, _ in targets} == {p.activity.id for p in area_activities(plan, area)}
        assert all(f'id="{target}"' in table for target, _ in targets)  # each leads to its record in the table
        assert all(len(text) <= 82 for _, text in targets)  # a short line, not the record again
        assert 'class="bp-meta"' not in timeline and "bp-permalink" not in timeline
        assert all('<time datetime="' in entry for entry in entries if "<time" in entry)


# -- a reader's path: content first, the editors' links after it -------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["", "cbss-2008/education/", "timeline/", "places/"])  # pages with a file in docs/
def test_the_edit_links_follow_the_content(built_site: Path, lang: str, path: str):
    html = page(built_site, LANGUAGES[lang] + path)
    article = html[html.index("<article") : html.index("</article>")]
    edit = article.index('<div class="bp-edit">')
    assert article.index("<h1") < edit
    after = re.sub(r"<[^>]+>|\s+", "", article[edit:])
    assert after.startswith(("Rediģēt", "Edit")) and "data/" in after  # nothing of the page's own after them


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_editor_s_guide_is_in_every_footer_not_in_the_navigation(built_site: Path, lang: str):
    prefix = LANGUAGES[lang]
    guide = {"lv": "Redaktora rokasgrāmata", "en": "Editor's guide"}[lang]
    assert (built_site / prefix / "editing" / "index.html").is_file()  # published where it was
    for path in ("", "cbss-2008/education/", "editing/"):
        html = page(built_site, prefix + path)
        footer = html[html.index('<ul class="bp-footer-links">') :]
        footer = footer[: footer.index("</ul>")]
        href = "./" if path == "editing/" else "[./]*editing/"
        assert re.search(f'<a href="{href}">' + re.escape(guide).replace("'", "(?:'|&#39;)") + "</a>", footer), path
        nav = html[html.index('<nav class="md-nav md-nav--primary"') : html.index("md-sidebar--secondary")]
        links = [href for href, _ in parse(nav).links]
        assert not any(href.rstrip("/").endswith("editing") for href in links), path


def test_the_repository_badge_is_not_in_a_phone_reader_s_way(tab, published_site):
    tab.set_viewport_size(PHONE)
    tab.goto(published_site + "cbss-2008/education/")
    assert not tab.locator(".md-header__source").is_visible()
    tab.locator("label.md-header__button[for='__drawer']").click()  # the navigation drawer
    assert not tab.locator(".md-nav__source").is_visible()
    first = tab.evaluate("document.querySelector('article h1').getBoundingClientRect().top")
    assert first < 150  # the title first: no link rows above it


# -- on paper ----------------------------------------------------------------------------------------------


def pdf_pages(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info)[1])
    return [
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True
        ).stdout
        for n in range(1, count + 1)
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_printed_area_page_is_compact_and_each_sheet_names_its_address_and_the_data_s_date(
    browser, published_site, tmp_path, lang
):
    sheets = {}
    tab = browser.new_page(viewport=DESKTOP)
    for area in AREAS:
        tab.goto(published_site + LANGUAGES[lang] + area)
        pdf = tmp_path / f"{area.replace('/', '-')}.pdf"
        tab.pdf(path=pdf, format="A4")
        sheets[area] = pdf_pages(pdf)
    tab.close()
    assert len(sheets["cbss-2008/education/"]) <= 8  # 12 (13 in English) before the task table's print layout
    assert len(sheets["cbss-2008/civil-security/"]) <= 5  # 8 before
    for area, pages in sheets.items():
        address = SITE_URL + LANGUAGES[lang] + area
        data_date = {"lv": "Datu versija", "en": "Data as of"}[lang]
        for number, text in enumerate(pages, start=1):
            words = " ".join(text.split())
            assert address in words and data_date in words, (area, number)
            assert re.search(rf"\b{number} ?/ ?{len(pages)}\b", words), (area, number)  # the sheet's number
        text = "\n".join(pages)
        # no separator left by a hidden link after a citation ("Avots: 13. rinda ·", "Source: line 13 ·")
        assert not re.search(r"(rinda|lines? [\d–]+) ·\s*$", text, re.M)
        assert not re.search(r"\s·\s*·", text)


def test_the_pdf_reports_leave_no_separator_of_a_hidden_link_and_date_every_page(built_site: Path):
    pdf = built_site / "cbss-2008" / "cbss-2008-lv.pdf"
    pages = pdf_pages(pdf)
    assert len(pages) > 2
    assert all("Ziņojuma datums: " in text for text in pages)
    assert not re.search(r"rinda ·\s*$", "\n".join(pages), re.M)
