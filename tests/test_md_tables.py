"""Tables written in Markdown get a caption from the text that introduces them and scoped header cells."""

from __future__ import annotations

import markdown

TABLE = "| What | File |\n|---|---|\n| a plan | `data/plans/x.yml` |\n"


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "baltic_plans.md_tables"])


def test_a_table_under_a_heading_is_captioned_with_the_heading():
    html = render("## Where things are\n\n" + TABLE)
    assert '<caption class="bp-visually-hidden">Where things are</caption>' in html
    assert html.count('<th scope="col">') == 2


def test_a_table_after_a_list_item_is_captioned_with_the_item_without_its_colon():
    html = render("- **Dates** are as precise as the source:\n\n  " + TABLE.replace("\n", "\n  "))
    assert '<caption class="bp-visually-hidden">Dates are as precise as the source</caption>' in html


def test_a_table_with_nothing_before_it_gets_no_caption_so_the_browser_test_names_it():
    assert "<caption" not in render(TABLE)
