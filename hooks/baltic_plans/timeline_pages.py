"""Render functions of the combined timeline: its index page (docs/timeline.md) and a page per year (made by
paging.py)."""

from __future__ import annotations

from itertools import groupby

from . import addresses, paging
from .render import Page, titled
from .views import label


def combined_timeline(page: Page) -> str:
    """The timeline's front page: each year with its activities by status, linking to the year's page(s)."""
    r = page.renderer
    years = []
    for year, grouped in groupby(page.site.index.timeline_pages.all, key=lambda p: p.key):
        parts = list(grouped)
        years.append(
            {
                "year": int(year),
                "counts": r.counts([e for p in parts for e in p.entries], tasks=0),
                "parts": [{"number": p.part, "href": r.links.to(p.path)} for p in parts],
            }
        )
    return page.render("timeline_years.html", years=years, caption=label("timeline_years_caption", page.lang))


def timeline_year(page: Page) -> str:
    """A page of the combined timeline (docs/timeline/<year>[-<part>].md, made by paging.py): its months."""
    r = page.renderer
    all_pages = page.site.index.timeline_pages
    this = all_pages.at(page.path)
    title = label("timeline_year", page.lang, year=this.key)
    if this.parts > 1:
        title += " " + label("part_of", page.lang, part=this.part, parts=this.parts)

    def pager_link(other: paging.Part | None) -> dict | None:
        if other is None:
            return None
        text = other.key if other.parts == 1 else f"{other.key} ({other.part}/{other.parts})"
        return {"href": r.links.to(other.path), "text": text}

    previous, following = all_pages.neighbours(this)
    years, _ = r.timeline(this.entries)
    return titled(
        title,
        page.render(
            "timeline_year.html",
            years=years,
            undated=[],
            show_years=False,
            level=2,
            anchor_prefix="",
            previous=pager_link(previous),
            following=pager_link(following),
            index_href=r.links.to(addresses.TIMELINE),
        ),
    )
