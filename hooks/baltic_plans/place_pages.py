"""Render functions of the places: the map page (docs/places.md) and a page per place (made by paging.py)."""

from __future__ import annotations

from babel import Locale

from . import addresses
from .dates import BABEL_LOCALES
from .geo import basemap
from .places import places_map
from .render import Page, parts_pager, titled
from .views import alphabetical, label


def places_overview(page: Page) -> str:
    """The map of every place some activity names, and the same places as a table (its text equivalent)."""
    drawn = places_map(page.renderer, basemap())
    rows = sorted([*drawn.markers, *drawn.off_map], key=lambda m: alphabetical(m.name, page.lang))
    return (
        page.render("places_map.html", map=drawn)
        + "\n"
        + page.render("places_list.html", rows=[(m, country(page, m.id)) for m in rows], off_map=drawn.off_map)
    )


def place_page(page: Page) -> str:
    """A place's page (docs/places/<id>.md, and <id>/<part>.md for a long one; made by paging.py): its
    activities, oldest first, each linking to its record."""
    all_pages = page.site.index.place_pages
    this = all_pages.at(page.path)
    place = page.site.places[this.key]
    name = place.name(page.lang)
    title = name if this.parts == 1 else f"{name} {label('part_of', page.lang, part=this.part, parts=this.parts)}"
    return titled(
        title,
        page.render(
            "place.html",
            entries=[page.renderer.activity(entry) for entry in this.entries],
            count=this.total,
            parts=parts_pager(page, all_pages, this),
            country=country(page, place.id),
            caption=label("place_caption", page.lang, place=name),
            index_href=page.renderer.links.to(addresses.PLACES),
        ),
    )


def country(page: Page, place_id: str) -> str:
    """The place's country in the page's language (CLDR's territory names)."""
    code = page.site.places[place_id].country
    return Locale.parse(BABEL_LOCALES[page.lang]).territories.get(code, code)
