"""Status at a glance: per area, how many activities are done, ongoing and planned, laid out as a bar chart.

Pure geometry in viewBox units; templates/status_chart.html draws it as inline SVG at build time."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Plan
from .views import STATUSES, Counts, Renderer, clean, count, label

# Drawn for a phone first: the SVG scales to the column and extra.css caps it at 19rem (380 px), so its 13-unit text
# shows at 14-15 px on a 390 px phone (a 358 px column) and on a desktop, and never under 12 px there.
WIDTH = 320  # viewBox units
FONT = 13  # the text's size in viewBox units
CHAR = 0.62 * FONT  # a generous average width of a character (a bold one, or a wide letter), to wrap and place text
LINE = 16  # the height of a line of text
BAR = 18  # the height of a bar
GAP = 12  # between a bar and the next area's title
TOTAL_ROOM = 40  # right of the longest bar, for its total
MIN_LABELLED = 24  # a segment narrower than this shows no count inside (the total, <desc> and table still do)
SWATCH = 14  # the legend's square


@dataclass(frozen=True)
class Segment:
    status: str
    label: str
    count: int
    x: float
    width: float

    @property
    def labelled(self) -> bool:
        return self.width >= max(MIN_LABELLED, len(str(self.count)) * CHAR + 6)


@dataclass(frozen=True)
class Bar:
    title: str
    total: int
    y: float  # top of the row: its title on its first lines, the bar below
    segments: list[Segment]
    lines: tuple[str, ...] = ()  # the title as drawn, wrapped to the chart's width

    @property
    def end(self) -> float:
        return sum(s.width for s in self.segments)

    @property
    def bar_y(self) -> float:
        """The bar's top, from the row's top."""
        return LINE * len(self.lines) + 4

    @property
    def height(self) -> float:
        return self.bar_y + BAR + GAP


@dataclass(frozen=True)
class LegendItem:
    status: str
    label: str
    x: float
    y: float  # the top of its line


@dataclass(frozen=True)
class StatusChart:
    id: str  # unique on the page: the patterns' ids derive from it
    title: str
    description: str
    legend: list[LegendItem]
    bars: list[Bar]
    width: int = WIDTH
    font: int = FONT
    line: int = LINE
    bar: int = BAR
    swatch: int = SWATCH

    @property
    def legend_height(self) -> float:
        return max(item.y for item in self.legend) + LINE + 8

    @property
    def height(self) -> int:
        return round(self.bars[-1].y + self.bars[-1].height - GAP + 2)


def wrap(text: str, width: float = WIDTH) -> tuple[str, ...]:
    """The text in lines that fit the width (at words; a word longer than a line has a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and (len(lines[-1]) + 1 + len(word)) * CHAR <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return tuple(lines) or ("",)


def legend(r: Renderer) -> list[LegendItem]:
    """A swatch and its name per status, side by side, on a new line when the next would not fit."""
    items, x, y = [], 0.0, 0.0
    for status in STATUSES:
        name = status_label(status.value, r)
        width = SWATCH + 6 + len(name) * CHAR
        if x and x + width > WIDTH:
            x, y = 0.0, y + LINE + 4
        items.append(LegendItem(status.value, name, x, y))
        x += width + 18
    return items


def status_chart(r: Renderer, plan: Plan, chart_id: str) -> StatusChart | None:
    """The plan's areas with their activities by status; None if the plan reports no progress."""
    rows = [
        (
            clean(f"{area.number}. {area.title(r.lang)}" if area.number else area.title(r.lang)),
            r.area_counts(plan, area),
        )
        for area in plan.areas
    ]
    if not max(counts.activities for _, counts in rows):
        return None
    return chart(r, chart_id, label("chart_title", r.lang, plan=clean(plan.short_title(r.lang))), rows)


def progress_chart(r: Renderer, plan: Plan, rows: list[dict], chart_id: str) -> StatusChart:
    """The plan's activities by status at each of its progress reports (`rows`, progress_pages.report_row), a bar
    per report, oldest first."""
    title = label("progress_chart_title", r.lang, plan=clean(plan.short_title(r.lang)))
    return chart(r, chart_id, title, [(f"{row['label']}: {row['as_of']}", row["counts"]) for row in rows])


def chart(r: Renderer, chart_id: str, title: str, rows: list[tuple[str, Counts]]) -> StatusChart:
    """A titled bar per row, its activities by status in segments, every bar on one scale."""
    scale = (WIDTH - TOTAL_ROOM) / (max(counts.activities for _, counts in rows) or 1)
    key = legend(r)
    y = max(item.y for item in key) + LINE + 12
    bars = []
    for bar_title, counts in rows:
        x, segments = 0.0, []
        for status in STATUSES:
            found = counts.by_status[status.value]
            if found:
                segments.append(Segment(status.value, status_label(status.value, r), found, x, found * scale))
                x += found * scale
        bar = Bar(bar_title, counts.activities, y, segments, wrap(bar_title))
        bars.append(bar)
        y += bar.height
    return StatusChart(
        id=chart_id,
        title=title,
        description=" ".join(describe(bar, r) for bar in bars),
        legend=key,
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
