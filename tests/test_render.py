"""Render functions: language picked at render time, source shape kept, data text escaped."""

from __future__ import annotations

import re

from baltic_plans import paging, slots
from baltic_plans.addresses import Links, page_url
from baltic_plans.area_pages import task_table
from baltic_plans.macros import MACROS
from baltic_plans.model import Placed, Site
from baltic_plans.render import Page, tidy
from baltic_plans.site_files import RENDERERS
from baltic_plans.views import Renderer, abbreviate
from conftest import Project


def renderer(site: Site, lang: str = "en", url: str = "cbss-2008/energy/") -> Renderer:
    return Renderer(site, lang, Links(lang, url))


def test_abbreviations_get_tooltips_and_the_text_is_escaped_first():
    html = abbreviate("CBSS <b> & CBSS-like CBSSX", {"CBSS": 'Council "of" <States>'})
    assert str(html) == (
        '<abbr title="Council &#34;of&#34; &lt;States&gt;">CBSS</abbr> &lt;b&gt; &amp; CBSS-like CBSSX'
    )


def test_tasks_sharing_a_cell_share_one_row_as_in_the_source(frozen_site: Site):
    plan = frozen_site.plan("cbss-2008")  # the frozen data: the energy area's four tasks share one cell
    rows = renderer(frozen_site).task_rows(plan, plan.area("energy"))
    assert len(rows) == 1
    assert [t.id for t in rows[0].tasks] == [
        "cbss-energy-package", "cbss-energy-infrastructure", "cbss-energy-renewables", "cbss-energy-ec-legislation",
    ]  # fmt: skip
    assert len(rows[0].activities) == len(plan.area("energy").tasks[0].activities)  # the shared cell, once


def test_a_row_keeps_its_cell_whole_in_the_source_s_order_each_item_with_its_status(real_site: Site):
    plan = real_site.plan("cbss-2008")
    task = plan.area("education").tasks[0]
    rows = renderer(real_site, "lv").task_rows(plan, plan.area("education"))
    (row,) = (row for row in rows if row.tasks[0].id == task.id)
    assert [v.id for v in row.activities] == [a.id for a in task.activities]
    labels = {"done": "paveikts", "ongoing": "notiek", "planned": "plānots"}
    assert all(v.status_label == labels[v.status] for v in row.activities)


def test_timeline_groups_by_year_then_month_and_keeps_undated_apart(frozen_site: Site):
    years, undated = renderer(frozen_site).timeline(frozen_site.activities())  # the frozen data's dates
    assert [y.year for y in years] == sorted(y.year for y in years)
    labels_2007 = [m.label for m in next(y for y in years if y.year == 2007).months]
    assert labels_2007[0] == "2007 (no month given)"  # dated to the year only: first, as its period starts first
    assert "September 2007" in labels_2007 and "December 2007" in labels_2007
    assert undated and all(v.date_text is None for v in undated)


def test_the_language_is_the_page_s_not_the_build_s(frozen_site: Site):
    lv = task_table(Page(frozen_site, "lv", "cbss-2008/energy/"), "cbss-2008", "energy")  # a date of the frozen data
    en = task_table(Page(frozen_site, "en", "en/cbss-2008/energy/"), "cbss-2008", "energy")
    assert "## Uzdevumi" in lv and "2007. gada 16. oktobris" in lv
    assert "## Tasks" in en and "16 October 2007" in en


def test_links_are_relative_to_the_current_page_in_its_language():
    assert page_url("cbss-2008/education.md", "en") == "en/cbss-2008/education/"
    assert page_url("index.md", "lv") == ""
    links = Links("en", "en/timeline/")
    assert links.to("cbss-2008/education.md", "cbss-edu-bologna") == "../cbss-2008/education/#cbss-edu-bologna"
    assert Links("lv", "").to("sources.md") == "sources/"


def test_blank_lines_inside_html_are_dropped_but_headings_keep_theirs():
    assert (
        tidy("<ul>\n\n<li>a</li>\n\n</ul>\n\n## Heading\n\n<p>x</p>")
        == "<ul>\n<li>a</li>\n</ul>\n\n## Heading\n\n<p>x</p>\n"
    )


def rows(html: str) -> int:
    table = re.search(r'<div class="bp-table-wrap bp-tasks".*?</table>', html, flags=re.S).group(0)
    return len(re.findall(r"<tr>", table))


def test_html_jinja_markdown_and_pipes_in_data_are_shown_literally(sample_project: Project):
    project = sample_project  # the sample-plan scenario: its water area's table has a header row and two tasks' rows
    project.replace_in_plan(
        'en: "The monitoring network met',  # an activity of the first task, on 14 October 2029
        'en: "<script>alert(1)</script> {{ 7 * 7 }} {% raw %} | a pipe | The monitoring network met',
        name="sample-2030",
    )
    project.replace_in_plan(
        'en: "Clean water"', 'en: "Clean water *not emphasis* [not](a-link) {: .not-a-class }"', name="sample-2030"
    )

    build = project.build_here()

    assert build.ok, build.log
    html = (project.root / "site" / "en" / "sample-2030" / "water" / "index.html").read_text(encoding="utf-8")
    table = re.search(r'<div class="bp-table-wrap bp-tasks".*?</table>', html, flags=re.S).group(0)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7 * 7 }} {% raw %} | a pipe | The monitoring network" in table
    assert "<script>alert(1)" not in html
    assert re.search(r"<h1[^>]*>1\. Clean water \*not emphasis\* \[not\]\(a-link\) \{: \.not-a-class \}<", html)
    assert rows(html) == 3  # the pipes did not split the table
    timeline = (project.root / "site" / "en" / "timeline" / "2029" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7 * 7 }}" in timeline


def test_the_html_of_every_page_made_from_the_data_skips_markdown(real_site: Site):
    # slots.hold keeps each raw HTML block (one that follows a blank line) out of Markdown's HTML parser; an HTML
    # block right under a heading would not be held, and Markdown would re-parse every tag of it.
    for path, made in paging.generated_pages(real_site).items():
        page = Page(real_site, "en", page_url(path, "en"), path=path)
        if made.render is not None:  # rendered from its record
            parts = [RENDERERS[made.render](page)]
        else:  # Markdown with macros, each rendered on its own
            parts = [MACROS[name](page) for name in re.findall(r"\{\{ (\w+)\(\) \}\}", made.markdown)]
        for part in parts:
            held = slots.Slots().hold(part)
            raw = [line for line in held.splitlines() if line.startswith("<")]
            assert raw == [], (path, raw[:3])


def test_a_record_shown_outside_its_task_names_its_plan_area_and_task(real_site: Site):
    plan = real_site.plan("cbss-2008")
    area = plan.areas[0]
    task = next(t for t in area.tasks if t.activities)
    view = renderer(real_site, "lv").activity(Placed(task.activities[0], plan, area, task))
    assert view.context.startswith(f"{plan.short_title('lv')} · {area.title('lv')} · Uzdevums ")
    assert task.text("lv")[:20] in view.context
