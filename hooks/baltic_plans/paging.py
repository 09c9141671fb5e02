"""Pages made from the data rather than written in docs/: the combined timeline a page per year, a page per
source document, per organisation, per place with activities, and each plan's full report. A year, an
organisation or a place with more than PAGE_SIZE entries is split into parts of even length, each a page, so
that no page grows with the data."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby
from typing import Generic, TypeVar

from . import links
from .involvement import Involved, involvement
from .memo import PerBuild
from .model import Placed, Site
from .places import activities_by_place

PAGE_SIZE = 50  # entries per page; the real plans' longest list (a year's timeline) has 27
Entry = TypeVar("Entry")


@dataclass(frozen=True)
class Part(Generic[Entry]):
    """One page of a year's, an organisation's or a place's entries."""

    key: str  # the year, organisation id or place id
    part: int  # 1-based
    parts: int
    entries: tuple[Entry, ...]
    total: int  # entries over all parts
    path: str  # the page in docs/, without the language suffix


def split(key: str, entries: Sequence[Entry], page: Callable[[str, int], str]) -> list[Part[Entry]]:
    """`entries` in parts of at most PAGE_SIZE whose lengths differ by one at most; one part if there are none.
    `page(key, part)` is a part's path."""
    parts = max(1, math.ceil(len(entries) / PAGE_SIZE))
    size, longer = divmod(len(entries), parts)  # the first `longer` parts hold one entry more
    bounds = [n * size + min(n, longer) for n in range(parts + 1)]
    return [
        Part(key, n + 1, parts, tuple(entries[bounds[n] : bounds[n + 1]]), len(entries), page(key, n + 1))
        for n in range(parts)
    ]


@dataclass(frozen=True)
class Pages(Generic[Entry]):
    """All the pages of one kind, in order, found by path and by year or record."""

    kind: str  # what a page is, for errors: "a page of the timeline"
    all: tuple[Part[Entry], ...]

    @cached_property
    def _by_path(self) -> dict[str, Part[Entry]]:
        return {page.path: page for page in self.all}

    @cached_property
    def _by_key(self) -> dict[str, list[Part[Entry]]]:
        return {key: list(parts) for key, parts in groupby(self.all, key=lambda page: page.key)}

    def at(self, path: str) -> Part[Entry]:
        """The part whose page is docs/`path`."""
        if path not in self._by_path:
            raise LookupError(f"docs/{path} is not {self.kind}: no such year, record or part in the data")
        return self._by_path[path]

    def parts_of(self, this: Part[Entry]) -> list[Part[Entry]]:
        """Every part of the year or record `this` is a part of, in order."""
        return self._by_key[this.key]

    def neighbours(self, this: Part[Entry]) -> tuple[Part[Entry] | None, Part[Entry] | None]:
        """The pages before and after `this`."""
        index = self._index[this.path]
        return (self.all[index - 1] if index else None), (self.all[index + 1] if index + 1 < len(self.all) else None)

    @cached_property
    def _index(self) -> dict[str, int]:
        return {page.path: index for index, page in enumerate(self.all)}


_made: PerBuild[Pages] = PerBuild()  # every page of a kind asks for all of them: split once per build


def _pages(site: Site, kind: str, make: Callable[[Site], list[Part]]) -> Pages:
    return _made.get(site, (kind, PAGE_SIZE), lambda: Pages(kind, tuple(make(site))))


def timeline_pages(site: Site) -> Pages[Placed]:
    """Every dated activity of every plan, oldest first, in pages by year."""
    return _pages(site, "a page of the timeline", _timeline_pages)


def _timeline_pages(site: Site) -> list[Part[Placed]]:
    dated = sorted((p for p in site.activities() if p.activity.date), key=lambda p: p.activity.when.sort_key)
    by_year = groupby(dated, key=lambda p: p.activity.date.start.year)
    return [part for year, entries in by_year for part in split(str(year), tuple(entries), _timeline_path)]


def _timeline_path(year: str, part: int) -> str:
    return links.timeline_page(int(year), part)


def organisation_pages(site: Site) -> Pages[Involved]:
    """Every organisation, each with the tasks and blocks that name it in the site's order; one with none has
    one page saying so."""
    return _pages(site, "an organisation's page", _organisation_pages)


def _organisation_pages(site: Site) -> list[Part[Involved]]:
    found = involvement(site)
    page = links.organisation_page
    return [part for org_id in site.organisations for part in split(org_id, found.get(org_id, ()), page)]


def place_pages(site: Site) -> Pages[Placed]:
    """Every place some activity names, with its activities: dated ones oldest first, then the undated in source
    order."""
    return _pages(site, "a place's page", _place_pages)


def _place_pages(site: Site) -> list[Part[Placed]]:
    result: list[Part[Placed]] = []
    for place_id, found in activities_by_place(site).items():
        dated = sorted((p for p in found if p.activity.date), key=lambda p: p.activity.when.sort_key)
        result += split(place_id, [*dated, *(p for p in found if not p.activity.date)], links.place_page)
    return result


# A plan's and an area's page when docs/ has no file for it: a new plan needs its data only. A file in docs/ with
# the same name (the real plans have them) takes its place, with prose around the same macro.
PLAN_PAGE = "{{ plan_page() }}\n"
AREA_PAGE = "---\nhide:\n  - toc\n---\n\n{{ area_page() }}\n"


def generated_pages(site: Site) -> dict[str, str]:
    """docs/ path (without the language suffix) → the Markdown of each page made from the data."""
    pages = {links.plan_page(plan.id): PLAN_PAGE for plan in site.plans}
    pages |= {links.area_page(plan.id, area.id): AREA_PAGE for plan in site.plans for area in plan.areas}
    pages |= {page.path: "{{ timeline_year() }}\n" for page in timeline_pages(site).all}
    pages |= {links.source_page(plan.id): "{{ source_document() }}\n" for plan in site.plans}
    pages |= {page.path: "{{ organisation_page() }}\n" for page in organisation_pages(site).all}
    pages |= {links.report_page(plan.id): "{{ full_report() }}\n" for plan in site.plans}
    pages |= {page.path: "{{ place_page() }}\n" for page in place_pages(site).all}
    return pages
