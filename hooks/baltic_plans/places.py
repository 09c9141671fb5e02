"""Where activities took place or are planned: each place's activities and the map's markers.

The map is drawn twice: whole (Reykjavik to Ukraine) for a wide column, and the Baltic Sea and its shores for a
phone's column, larger, where a whole map's names could not be read (extra.css shows one of the two). Each drawing
is sized in CSS px at the narrowest column it is shown in: names and counts of at least 12 px, each place's link a
tap target of at least 24 × 24 px, and labels placed so that no two overlap (leader lines when a label must move
away from its marker)."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from . import addresses
from .geo import Basemap
from .model import Place, Placed, Site
from .views import Renderer, clean, label

SMALLEST, LARGEST = 4.0, 16.0  # the wide map's marker radius for one activity and for the busiest place (units)
CHAR = 0.62  # a generous average width of a character, in font sizes (for placing labels, never too little)
TARGET = 24  # CSS px: the smallest tap target (WCAG 2.5.8)


@dataclass(frozen=True)
class Scale:
    """How a drawing is sized: the CSS px of one viewBox unit in the narrowest column that shows it, and the sizes
    of its text and markers in CSS px there."""

    px: float
    label_px: float  # a place's name
    count_px: float  # a marker's count
    smallest_px: float  # a marker's radius for one activity …
    largest_px: float  # … and for the busiest place

    def units(self, size_px: float) -> float:
        return size_px / self.px

    @property
    def font(self) -> float:
        return round(self.units(self.label_px), 2)

    @property
    def count_font(self) -> float:
        return round(self.units(self.count_px), 2)


# The whole map (640 units wide) is shown in a column of at least 640 px (extra.css: from 45em, 720 px, up): 1 unit
# is 1 px or more.
WIDE = Scale(px=1.0, label_px=12.5, count_px=12, smallest_px=SMALLEST, largest_px=LARGEST)
# A phone's map: the Baltic Sea and its shores, Oslo to St Petersburg and Helsinki to Berlin and Ukraine, in the
# basemap's units (x, y, width, height); places beyond it are named under it. Sized for a 390 px phone's 358 px column.
NARROW_VIEW = (340.0, 118.0, 262.0, 212.0)
NARROW_COLUMN = 358
NARROW = Scale(px=NARROW_COLUMN / NARROW_VIEW[2], label_px=12.5, count_px=12.5, smallest_px=4.5, largest_px=10)


def activities_by_place(site: Site) -> dict[str, list[Placed]]:
    """Place id → the activities held there, in source order; only places some activity names. Made once per
    site: `site.index.activities_by_place`."""
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
    anchor: str  # text-anchor of the label: "start" (right of the marker), "end" (left) or "middle"
    line: tuple[float, float, float, float] | None = None  # a leader line from the marker to a label moved away
    hit: tuple[float, float, float, float] = (0, 0, 0, 0)  # x, y, width, height of the link's tap area


@dataclass(frozen=True)
class LegendItem:
    count: int
    r: float
    cx: float  # from the legend's left edge


@dataclass(frozen=True)
class Drawing:
    """The phone's drawing of the map: its part of the basemap, its markers and its legend (a strip below)."""

    view: tuple[float, float, float, float]
    markers: list[Marker]
    beyond: list[Marker]  # places outside its view: named under it
    legend: list[LegendItem]
    font: float
    legend_height: float

    @property
    def height(self) -> float:
        return self.view[3] + self.legend_height


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
    font: float = WIDE.font
    count_font: float = WIDE.count_font
    narrow: Drawing | None = None

    @property
    def legend_height(self) -> float:
        return 2 * self.legend[-1].r + self.font + 14

    @property
    def legend_width(self) -> float:
        return self.legend[-1].cx + self.legend[-1].r + 8 + self.font * CHAR * len(str(self.legend[-1].count))


def radius(count: int, busiest: int, scale: Scale = WIDE) -> float:
    """Marker area grows with the number of activities."""
    smallest, largest = scale.units(scale.smallest_px), scale.units(scale.largest_px)
    return smallest + (largest - smallest) * math.sqrt((count - 1) / max(busiest - 1, 1))


def places_map(r: Renderer, basemap: Basemap) -> PlacesMap:
    by_place = r.site.index.activities_by_place
    busiest = max((len(found) for found in by_place.values()), default=1)
    order = sorted(by_place, key=lambda p: (-len(by_place[p]), r.site.places[p].name(r.lang)))
    names = {p: clean(r.site.places[p].name(r.lang)) for p in order}
    hrefs = {p: r.links.to(addresses.place_page(p)) for p in order}
    points = {p: point(basemap, r.site.places[p]) for p in order}
    counts = {p: len(by_place[p]) for p in order}

    def draw(view: tuple[float, float, float, float], scale: Scale, with_count: bool) -> tuple[list, list]:
        inside = [p for p in order if _within(points[p], view)]
        sizes = {p: radius(counts[p], busiest, scale) for p in inside}
        texts = {p: f"{names[p]} {counts[p]}" if with_count else names[p] for p in inside}
        placed = place_labels([(p, texts[p], *points[p], sizes[p]) for p in inside], view, scale)
        markers = {
            p: Marker(p, names[p], counts[p], hrefs[p], *points[p], sizes[p], *placed[p]) for p in inside
        }  # fmt: skip
        beyond = [
            Marker(p, names[p], counts[p], hrefs[p], *points[p], radius(counts[p], busiest, scale), *points[p], "start")
            for p in order
            if p not in markers
        ]
        return [markers[p] for p in inside], beyond

    markers, off_map = draw((0.0, 0.0, float(basemap.width), float(basemap.height)), WIDE, with_count=False)
    narrow_markers, beyond = draw(NARROW_VIEW, NARROW, with_count=True)
    return PlacesMap(
        width=basemap.width,
        height=basemap.height,
        land=basemap.land,
        title=label("map_title", r.lang),
        description="; ".join(f"{m.name}: {m.count}" for m in markers) + ".",
        markers=markers,
        off_map=off_map,
        legend=legend(busiest, WIDE, start=8.0),
        narrow=Drawing(
            view=NARROW_VIEW,
            markers=narrow_markers,
            beyond=beyond,
            legend=legend(busiest, NARROW, start=NARROW.font * CHAR * len(label("map_legend", r.lang)) + 12),
            font=NARROW.font,
            legend_height=2 * radius(busiest, busiest, NARROW) + 12,
        ),
    )


def legend(busiest: int, scale: Scale, start: float) -> list[LegendItem]:
    """Circles for one activity, the middle and the busiest place, each followed by its count."""
    items, x = [], start
    for count in sorted({1, (busiest + 1) // 2, busiest}):
        size = radius(count, busiest, scale)
        items.append(LegendItem(count, size, x + size))
        x += 2 * size + scale.font * CHAR * len(str(count)) + 14
    return items


def point(basemap: Basemap, place: Place) -> tuple[float, float]:
    return basemap.project(place.lon, place.lat)


def _within(xy: tuple[float, float], view: tuple[float, float, float, float]) -> bool:
    x, y = xy
    return view[0] <= x <= view[0] + view[2] and view[1] <= y <= view[1] + view[3]


# Where a label may go, tried in this order at each distance from its marker: right, left, the four corners, above,
# below (dx, dy of the direction; the label's box hangs off the point in that direction).
DIRECTIONS = ((1, 0), (-1, 0), (1, -1), (1, 1), (-1, -1), (-1, 1), (0, -1), (0, 1))
STEPS = 16  # distances tried: next to the marker, then further out with a leader line (crowded places go further)


def place_labels(items: list[tuple], view: tuple[float, float, float, float], scale: Scale) -> dict[str, tuple]:
    """Each item (id, text, x, y, r), busiest first → (label x, label y, text-anchor, leader line, tap area).

    A label's tap area (its box, at least TARGET px high and wide) overlaps no other label's, no other marker and
    stays inside the view; the first such place in DIRECTIONS × STEPS wins, else the one that overlaps least."""
    font = scale.font
    gap, step, target = scale.units(3), font, scale.units(TARGET)
    left, top, right, bottom = view[0], view[1], view[0] + view[2], view[1] + view[3]
    circles = {i: (x - size, y - size, x + size, y + size) for i, _, x, y, size in items}
    taken: list[tuple[str, tuple]] = [(i, box) for i, box in circles.items()]
    placed = {}
    for item_id, text, x, y, size in items:
        width = len(text) * CHAR * font
        best = None
        for k in range(STEPS):
            for dx, dy in DIRECTIONS:
                norm = math.hypot(dx, dy)
                reach = size + gap + k * step
                px, py = x + dx / norm * reach, y + dy / norm * reach
                box = _label_box(px, py, dx, dy, width, font)
                hit = _grow(box, target)
                if hit[0] < left or hit[2] > right or hit[1] < top or hit[3] > bottom:
                    continue
                overlap = sum(_overlap_area(hit, other) for owner, other in taken if owner != item_id)
                if best is None or overlap < best[0]:
                    line = (x + dx / norm * size, y + dy / norm * size, px, py) if k else None
                    best = (overlap, box, hit, line, dx)
                if overlap == 0:
                    break
            if best is not None and best[0] == 0:
                break
        if best is None:  # nowhere inside the view: right of the marker
            box = _label_box(x + size + gap, y, 1, 0, width, font)
            best = (0, box, _grow(box, target), None, 1)
        _, box, hit, line, dx = best
        taken.append((item_id, hit))
        if dx:
            anchor, label_x = ("start", box[0]) if dx > 0 else ("end", box[2])
        else:
            anchor, label_x = "middle", (box[0] + box[2]) / 2
        baseline = box[3] - 0.22 * font
        placed[item_id] = (label_x, baseline, anchor, line, (hit[0], hit[1], hit[2] - hit[0], hit[3] - hit[1]))
    return placed


def _label_box(px: float, py: float, dx: int, dy: int, width: float, font: float) -> tuple:
    """The box (left, top, right, bottom) of a label one font size high, hanging off (px, py) towards (dx, dy)."""
    x0 = px if dx > 0 else px - width if dx < 0 else px - width / 2
    y0 = py - font / 2 if dy == 0 else py - font if dy < 0 else py
    return (x0, y0, x0 + width, y0 + font)


def _grow(box: tuple, size: float) -> tuple:
    """The box grown to at least `size` wide and high about its centre, with a little room at its ends."""
    x0, y0, x1, y1 = box[0] - 2, box[1], box[2] + 2, box[3]
    grow_x, grow_y = max(0.0, size - (x1 - x0)) / 2, max(0.0, size - (y1 - y0)) / 2
    return (x0 - grow_x, y0 - grow_y, x1 + grow_x, y1 + grow_y)


def _overlap_area(a: tuple, b: tuple) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
