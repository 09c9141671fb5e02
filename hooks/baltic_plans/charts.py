"""Status at a glance: per area, how many activities are done, ongoing and planned, laid out as a bar chart.

Pure geometry in viewBox units; templates/status_chart.html draws it as inline SVG at build time."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Plan
from .views import STATUSES, Renderer, clean, count, label

WIDTH = 600  # viewBox units; the SVG scales to the column
ROW_HEIGHT = 44  # the area's title above its bar
LEGEND_HEIGHT = 26
TOTAL_ROOM = 48  # right of the longest bar, for its total
MIN_LABELLED = 22  # a segment narrower than this shows no count inside (the total, <desc> and table still do)


@dataclass(frozen=True)
class Segment:
    status: str
    label: str
    count: int
    x: float
    width: float

    @property
    def labelled(self) -> bool:
        return self.width >= MIN_LABELLED


@dataclass(frozen=True)
class Bar:
    title: str
    total: int
    y: float  # top of the row: title on its first line, bar below
    segments: list[Segment]

    @property
    def end(self) -> float:
        return sum(s.width for s in self.segments)


@dataclass(frozen=True)
class StatusChart:
    id: str  # unique on the page: the patterns' ids derive from it
    title: str
    description: str
    legend: list[tuple[str, str]]  # (status, label)
    bars: list[Bar]
    width: int = WIDTH

    @property
    def height(self) -> int:
        return LEGEND_HEIGHT + ROW_HEIGHT * len(self.bars)


def status_chart(r: Renderer, plan: Plan, chart_id: str) -> StatusChart | None:
    """The plan's areas with their activities by status; None if the plan reports no progress."""
    counts = [(area, r.area_counts(plan, area)) for area in plan.areas]
    longest = max(c.activities for _, c in counts)
    if not longest:
        return None
    scale = (WIDTH - TOTAL_ROOM) / longest
    bars = []
    for row, (area, c) in enumerate(counts):
        x, segments = 0.0, []
        for status in STATUSES:
            count = c.by_status[status.value]
            if count:
                segments.append(Segment(status.value, status_label(status.value, r), count, x, count * scale))
                x += count * scale
        title = clean(f"{area.number}. {area.title(r.lang)}" if area.number else area.title(r.lang))
        bars.append(Bar(title, c.activities, LEGEND_HEIGHT + row * ROW_HEIGHT, segments))
    return StatusChart(
        id=chart_id,
        title=label("chart_title", r.lang, plan=clean(plan.short_title(r.lang))),
        description=" ".join(describe(bar, r) for bar in bars),
        legend=[(s.value, status_label(s.value, r)) for s in STATUSES],
        bars=bars,
    )


def status_label(status: str, r: Renderer) -> str:
    return label(f"status_{status}", r.lang)


def describe(bar: Bar, r: Renderer) -> str:
    """One area in words, for screen readers: 'Education: 12 activities (done: 5, ongoing: 4, planned: 3).'"""
    counted = {s.status: s.count for s in bar.segments}  # a status with no activity is drawn as no segment
    parts = ", ".join(f"{status_label(status.value, r)}: {counted.get(status.value, 0)}" for status in STATUSES)
    return label(
        "chart_row", r.lang, area=bar.title, activities=count(bar.total, "count_activities", r.lang), parts=parts
    )
