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

from . import addresses
from .involvement import Involved
from .model import Placed, Site

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
class Series(Generic[Entry]):
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


def timeline_pages(site: Site) -> Series[Placed]:
    """Every dated activity of every plan, oldest first, in pages by year (made once: `site.index`)."""
    dated = sorted((p for p in site.activities() if p.activity.date), key=lambda p: p.known_when.sort_key)
    by_year = groupby(dated, key=lambda p: p.known_when.start.year)
    parts = [part for year, entries in by_year for part in split(str(year), tuple(entries), _timeline_path)]
    return Series("a page of the timeline", tuple(parts))


def _timeline_path(year: str, part: int) -> str:
    return addresses.timeline_page(int(year), part)


def organisation_pages(site: Site, found: dict[str, tuple[Involved, ...]]) -> Series[Involved]:
    """Every organisation, each with the tasks and blocks that name it in the site's order (`found`, from
    involvement.py); one with none has one page saying so (made once: `site.index`)."""
    page = addresses.organisation_page
    parts = [part for org_id in site.organisations for part in split(org_id, found.get(org_id, ()), page)]
    return Series("an organisation's page", tuple(parts))


def place_pages(site: Site, found: dict[str, list[Placed]]) -> Series[Placed]:
    """Every place some activity names (`found`, from places.py), with its activities: dated ones oldest first,
    then the undated in source order (made once: `site.index`)."""
    parts: list[Part[Placed]] = []
    for place_id, placed in found.items():
        dated = sorted((p for p in placed if p.activity.date), key=lambda p: p.known_when.sort_key)
        parts += split(place_id, [*dated, *(p for p in placed if not p.activity.date)], addresses.place_page)
    return Series("a place's page", tuple(parts))


# A plan's and an area's page when docs/ has no file for it: a new plan needs its data only. A file in docs/ with
# the same name (the real plans have them) takes its place, with prose around the same macros. These go through
# the macros plugin as a file of docs/ does; every other page made from the data is rendered from its record
# directly (`Generated.render`), with no Markdown source to parse as a template.
PLAN_PAGE = "{{ plan_page() }}\n"
AREA_PAGE = (
    "---\nhide:\n  - toc\n---\n\n"
    "{{ area_title() }}\n\n{{ area_summary() }}\n\n{{ task_table() }}\n\n{{ area_timeline() }}\n"
)


@dataclass(frozen=True)
class Generated:
    """A page made from the data: Markdown with macros, or the name of the render function that makes it."""

    markdown: str = ""
    render: str | None = None  # a key of site_files.RENDERERS: "timeline_year", "place_page", …


def generated_pages(site: Site) -> dict[str, Generated]:
    """docs/ path (without the language suffix) → each page made from the data."""
    index = site.index
    pages = {addresses.plan_page(plan.id): Generated(PLAN_PAGE) for plan in site.plans}
    pages |= {addresses.area_page(plan.id, area.id): Generated(AREA_PAGE) for plan in site.plans for area in plan.areas}
    pages |= {page.path: Generated(render="timeline_year") for page in index.timeline_pages.all}
    pages |= {addresses.source_page(plan.id): Generated(render="source_document") for plan in site.plans}
    pages |= {page.path: Generated(render="organisation_page") for page in index.organisation_pages.all}
    pages |= {addresses.report_page(plan.id): Generated(render="full_report") for plan in site.plans}
    pages |= {page.path: Generated(render="place_page") for page in index.place_pages.all}
    pages |= {
        addresses.changes_page(plan.id, changes.report.id): Generated(render="report_changes")
        for plan in site.plans
        for changes in site.changes.get(plan.id, ())
    }
    return pages
