"""Render functions of the organisations: the list (docs/organisations.md) and a page per organisation (made
by paging.py)."""

from __future__ import annotations

from itertools import groupby

from markupsafe import Markup

from . import addresses
from .involvement import Involved
from .model import Block, Task
from .render import Page, literal, parts_pager, titled
from .views import alphabetical, clean, label, shorten


def organisations_table(page: Page) -> str:
    """Every organisation: abbreviation, name, and how many tasks involve it, linking to its own page."""
    r = page.renderer
    found = page.site.index.involvement
    rows = []
    for org in sorted(page.site.organisations.values(), key=lambda o: alphabetical(r.body(o.id)[0], page.lang)):
        rows.append(
            {
                "org": org,
                "abbr": org.abbr(page.lang) if org.abbr else None,
                "href": r.links.to(addresses.organisation_page(org.id)),
                "count": len(found.get(org.id, ())),
            }
        )
    return page.render("organisations.html", rows=rows)


def organisation_page(page: Page) -> str:
    """An organisation's page (docs/organisations/<id>.md, and <id>/<part>.md for a long one; made by
    paging.py): the tasks and blocks that name it, by plan."""
    all_pages = page.site.index.organisation_pages
    this = all_pages.at(page.path)
    org = page.site.organisations[this.key]
    abbr = org.abbr(page.lang) if org.abbr else None
    title = f"{org.name(page.lang)} ({abbr})" if abbr and abbr != org.name(page.lang) else org.name(page.lang)
    if this.parts > 1:
        title += " " + label("part_of", page.lang, part=this.part, parts=this.parts)
    by_plan = [
        {
            "heading": Markup(literal(plan.short_title(page.lang))),
            "id": plan.id,
            "found": [involved_link(page, entry) for entry in entries],
        }
        for plan, entries in groupby(this.entries, key=lambda entry: entry.plan)
    ]
    return titled(
        title,
        page.render(
            "organisation.html",
            org=org,
            abbr=abbr,
            by_plan=by_plan,
            involved=this.total,
            parts=parts_pager(page, all_pages, this),
            index_href=page.renderer.links.to(addresses.ORGANISATIONS),
        ),
    )


def involved_link(page: Page, entry: Involved) -> tuple[str, str]:
    """(label, href) of a task or block that names an organisation: its area, number and shortened text."""
    owner, area = entry.owner, entry.area
    text = owner.title(page.lang) if isinstance(owner, Block) else owner.text(page.lang)
    prefix = f"{owner.number} " if isinstance(owner, Task) and owner.number else ""
    href = page.renderer.links.to(addresses.area_page(entry.plan.id, area.id), owner.id)
    return f"{area.title(page.lang)}: {prefix}{shorten(clean(text))}", href
