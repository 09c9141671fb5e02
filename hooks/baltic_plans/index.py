"""The site's indexes: what many pages ask of the whole data (who is involved in what, what happened where, the
pages made from the data), each made once from the checked site and kept with it (`Site.index`). They depend on
the data only, so a `mkdocs serve` rebuild with unchanged data, and the second language's build, reuse them."""

from __future__ import annotations

from functools import cached_property

from . import addresses, jsonld, paging
from .involvement import Involved, involvement
from .model import Placed, Site
from .places import activities_by_place


class SiteIndex:
    def __init__(self, site: Site) -> None:
        self.site = site

    @cached_property
    def involvement(self) -> dict[str, tuple[Involved, ...]]:
        """Organisation id → the tasks and blocks that name it (every organisation's page asks)."""
        return involvement(self.site)

    @cached_property
    def activities_by_place(self) -> dict[str, list[Placed]]:
        """Place id → its activities (the map, the search index and every place's page ask)."""
        return activities_by_place(self.site)

    @cached_property
    def activities_by_page(self) -> dict[str, list[Placed]]:
        """A plan's or area's page (docs/ path) → the activities anchored on it (every page's linked data asks)."""
        return jsonld.activities_by_page(self.site)

    @cached_property
    def timeline_pages(self) -> paging.Series[Placed]:
        return paging.timeline_pages(self.site)

    @cached_property
    def organisation_pages(self) -> paging.Series[Involved]:
        return paging.organisation_pages(self.site, self.involvement)

    @cached_property
    def place_pages(self) -> paging.Series[Placed]:
        return paging.place_pages(self.site, self.activities_by_place)

    @cached_property
    def plan_pages(self) -> frozenset[str]:
        """Every plan's and area's page and report (docs/ paths): their records come from the model."""
        return frozenset(addresses.plan_pages(self.site))
