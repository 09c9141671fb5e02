"""Where activities took place or are planned: each place's activities and the map's markers."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from . import links as pages
from .geo import Basemap
from .memo import PerBuild
from .model import Place, Placed, Site
from .views import Renderer, clean, label

SMALLEST, LARGEST = 4.0, 16.0  # marker radius for one activity and for the busiest place (viewBox units)
FONT = 11  # label size; a character is about 0.6 of it wide


_by_place: PerBuild[dict[str, list[Placed]]] = PerBuild()  # the map, the search index and every place's page ask


def activities_by_place(site: Site) -> dict[str, list[Placed]]:
    """Place id → the activities held there, in source order; only places some activity names."""
    return _by_place.get(site, None, lambda: _activities_by_place(site))


def _activities_by_place(site: Site) -> dict[str, list[Placed]]:
    found: dict[str, list[Placed]] = defaultdict(list)
    for placed in site.activities():
        for place_id in placed.activity.places:
            found[place_id].append(placed)
    return dict(found)


@dataclass(frozen=True)
class Marker:
    id: str
    name: str
    count: int
    href: str
    x: float
    y: float
    r: float
    label_x: float
    label_y: float
    anchor: str  # text-anchor of the label: "start" (right of the marker) or "end"


@dataclass(frozen=True)
class PlacesMap:
    width: int
    height: int
    land: str
    title: str
    description: str
    markers: list[Marker]  # the busiest first: drawn first, so smaller markers stay on top
    off_map: list[Marker]  # places beyond the map's extent: listed, not drawn
    legend: list[LegendItem]

    @property
    def legend_height(self) -> float:
        return 2 * self.legend[-1].r + 24

    @property
    def legend_width(self) -> float:
        return self.legend[-1].cx + self.legend[-1].r + 24


@dataclass(frozen=True)
class LegendItem:
    count: int
    r: float
    cx: float  # from the legend's left edge


def radius(count: int, busiest: int) -> float:
    """Marker area grows with the number of activities."""
    return SMALLEST + (LARGEST - SMALLEST) * math.sqrt((count - 1) / max(busiest - 1, 1))


def places_map(r: Renderer, basemap: Basemap) -> PlacesMap:
    by_place = activities_by_place(r.site)
    busiest = max((len(found) for found in by_place.values()), default=1)
    order = sorted(by_place, key=lambda p: (-len(by_place[p]), r.site.places[p].name(r.lang)))
    points = {p: (*point(basemap, r.site.places[p]), radius(len(by_place[p]), busiest)) for p in order}
    taken = [(x - size, y - size, x + size, y + size) for x, y, size in points.values()]  # labels avoid markers
    markers, off_map = [], []
    for place_id in order:
        (x, y, size), name = points[place_id], clean(r.site.places[place_id].name(r.lang))
        label_x, label_y, anchor = label_position(name, x, y, size, taken)
        href = r.links.to(pages.place_page(place_id))
        marker = Marker(place_id, name, len(by_place[place_id]), href, x, y, size, label_x, label_y, anchor)
        (markers if basemap.shows(x, y) else off_map).append(marker)
    legend, x = [], 8.0
    for count in sorted({1, (busiest + 1) // 2, busiest}):
        legend.append(LegendItem(count, radius(count, busiest), x + radius(count, busiest)))
        x += 2 * radius(count, busiest) + 24
    return PlacesMap(
        width=basemap.width,
        height=basemap.height,
        land=basemap.land,
        title=label("map_title", r.lang),
        description="; ".join(f"{m.name}: {m.count}" for m in markers) + ".",
        markers=markers,
        off_map=off_map,
        legend=legend,
    )


def point(basemap: Basemap, place: Place) -> tuple[float, float]:
    return basemap.project(place.lon, place.lat)


def label_position(name: str, x: float, y: float, r: float, taken: list) -> tuple[float, float, str]:
    """Right of the marker unless another label is there already, then left, above or below."""
    width, baseline = FONT * 0.6 * len(name), y + FONT * 0.35
    candidates = [
        (x + r + 3, baseline, "start", x + r + 3),
        (x - r - 3, baseline, "end", x - r - 3 - width),
        (x, y - r - 3, "middle", x - width / 2),
        (x, y + r + FONT, "middle", x - width / 2),
    ]
    for label_x, label_y, anchor, left in candidates:
        box = (left, label_y - FONT, left + width, label_y)
        if not any(_overlap(box, other) for other in taken):
            taken.append(box)
            return label_x, label_y, anchor
    return candidates[0][:3]


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
