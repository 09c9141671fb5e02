"""How each language writes a date at the source's precision: the one place a date becomes words.

The patterns are the site's own, written out below and checked case by case in tests/test_dates.py,
so that a new CLDR release (Babel 2.19 put spaces around the dash of "6–7 December 2007") cannot
change a page. Babel supplies only the month names, which CLDR does not change.
Latvian also needs the genitive month ("marta vidū"), which CLDR lacks: it is listed here.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel.dates import get_month_names

from .dates import BABEL_LOCALES, PlanDate, Point, Precision, Within

DASH = "–"  # between two numbers or two words of one unit: 6–7, janvāris–marts
SPACED_DASH = " – "  # between two dates that each carry their own words


def format_plan_date(date: PlanDate, lang: str) -> str:
    """The date as a reader of `lang` expects it, at the source's precision."""
    words = LATVIAN if lang == "lv" else ENGLISH
    if date.end is None or date.end == date.start:
        return words.part(date.start, date.part) if date.part else words.point(date.start)
    return words.range(date.start, date.end)


def format_day(day: dt.date, lang: str) -> str:
    """A calendar day, as on the page's 'data as of' line."""
    return format_plan_date(PlanDate(Point(day.year, day.month, day.day)), lang)


def format_month(year: int, month: int, lang: str) -> str:
    """A month heading of a timeline: '2007. gada jūlijs', 'July 2007'."""
    return format_plan_date(PlanDate(Point(year, month)), lang)


@cache
def month_names(lang: str) -> tuple[str, ...]:
    """The nominative month names from CLDR: 'janvāris' … / 'January' …"""
    names = get_month_names("wide", "stand-alone", locale=BABEL_LOCALES[lang])
    return tuple(names[month] for month in range(1, 13))


class Latvian:
    """2007. gada 13. septembris; 2007. gada 6.–7. decembris; 2008. gada marta vidū; 2005.–2007. gads."""

    lang = "lv"

    def point(self, p: Point) -> str:
        match p.precision:
            case Precision.DAY:
                return f"{p.year}. gada {p.day}. {self.month(p)}"
            case Precision.MONTH:
                return f"{p.year}. gada {self.month(p)}"
            case Precision.SEASON:
                assert p.season is not None
                return f"{p.year}. gada {LV_SEASONS[p.season]}"
            case _:
                return f"{p.year}. gads"

    def part(self, p: Point, part: Within) -> str:
        of_month = f" {LV_MONTHS_GENITIVE[p.month - 1]}" if p.month else ""
        return f"{p.year}. gada{of_month} {LV_PARTS[part]}"

    def range(self, a: Point, b: Point) -> str:
        same = _shared_unit(a, b)
        if same == "month":
            return f"{a.year}. gada {a.day}.{DASH}{b.day}. {self.month(b)}"
        if same == "year-days":
            return f"{a.year}. gada {a.day}. {self.month(a)}{SPACED_DASH}{b.day}. {self.month(b)}"
        if same == "year-months":
            return f"{a.year}. gada {self.month(a)}{DASH}{self.month(b)}"
        if same == "years":
            return f"{a.year}.{DASH}{b.year}. gads"
        return f"{self.point(a)}{SPACED_DASH}{self.point(b)}"

    def month(self, p: Point) -> str:
        assert p.month is not None  # called only for a point known to the month
        return month_names(self.lang)[p.month - 1]


class English:
    """13 September 2007; 6–7 December 2007; mid-March 2008; 2005–2007 (British English)."""

    lang = "en"

    def point(self, p: Point) -> str:
        match p.precision:
            case Precision.DAY:
                return f"{p.day} {self.month(p)} {p.year}"
            case Precision.MONTH:
                return f"{self.month(p)} {p.year}"
            case Precision.SEASON:
                assert p.season is not None
                return f"{EN_SEASONS[p.season]} {p.year}"
            case _:
                return str(p.year)

    def part(self, p: Point, part: Within) -> str:
        return EN_PARTS[part].format(when=f"{self.month(p)} {p.year}" if p.month else str(p.year))

    def range(self, a: Point, b: Point) -> str:
        same = _shared_unit(a, b)
        if same == "month":
            return f"{a.day}{DASH}{b.day} {self.month(b)} {b.year}"
        if same == "year-days":
            return f"{a.day} {self.month(a)}{SPACED_DASH}{b.day} {self.month(b)} {b.year}"
        if same == "year-months":
            return f"{self.month(a)}{DASH}{self.month(b)} {b.year}"
        if same == "years":
            return f"{a.year}{DASH}{b.year}"
        return f"{self.point(a)}{SPACED_DASH}{self.point(b)}"

    def month(self, p: Point) -> str:
        assert p.month is not None  # called only for a point known to the month
        return month_names(self.lang)[p.month - 1]


def _shared_unit(a: Point, b: Point) -> str | None:
    """What two ends of a range have in common, which the written range then says once."""
    both = {a.precision, b.precision}
    if both == {Precision.DAY}:
        if a.year == b.year:
            return "month" if a.month == b.month else "year-days"
    elif both == {Precision.MONTH} and a.year == b.year:
        return "year-months"
    elif both == {Precision.YEAR}:
        return "years"
    return None


LATVIAN, ENGLISH = Latvian(), English()

LV_SEASONS = {21: "pavasaris", 22: "vasara", 23: "rudens", 24: "ziema"}
EN_SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
LV_MONTHS_GENITIVE = (
    "janvāra", "februāra", "marta", "aprīļa", "maija", "jūnija",
    "jūlija", "augusta", "septembra", "oktobra", "novembra", "decembra",
)  # fmt: skip
LV_PARTS = {Within.EARLY: "sākumā", Within.MID: "vidū", Within.END: "beigās"}
EN_PARTS = {Within.EARLY: "early {when}", Within.MID: "mid-{when}", Within.END: "end of {when}"}
