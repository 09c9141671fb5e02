"""Dates at the source's precision, written in EDTF (ISO 8601-2) and shown by Babel.

Accepted forms (EDTF level 0 and the season of level 1): YYYY, YYYY-MM, YYYY-MM-DD,
YYYY-21..24 (spring, summer, autumn, winter), and an interval A/B of those.
This subset is parsed here with a regular expression and `datetime`: the `edtf` package's
pyparsing grammar took 20 ms per date, over 95 % of the data check.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton, parse_pattern
from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import core_schema

_POINT = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
_OTHER_EDTF = re.compile(r"[~?%X]|\.\.|^-|[+-]\d{2}:?\d{2}$|T")
VALID_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, a season YYYY-21..24, or a range A/B of these"
BABEL_LOCALES = {"lv": "lv", "en": "en_GB"}


class Precision(StrEnum):
    YEAR = "year"
    SEASON = "season"
    MONTH = "month"
    DAY = "day"

    @property
    def coarseness(self) -> int:
        return COARSENESS.index(self)


COARSENESS = (Precision.DAY, Precision.MONTH, Precision.SEASON, Precision.YEAR)


class Within(StrEnum):
    """Part of a month or year the source names ('marta vidū' = mid-March)."""

    EARLY = "early"
    MID = "mid"
    END = "end"


@dataclass(frozen=True, order=True)
class Point:
    """One end of a date: a year, a season, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None
    season: int | None = None

    @property
    def precision(self) -> Precision:
        if self.season:
            return Precision.SEASON
        if self.day:
            return Precision.DAY
        return Precision.MONTH if self.month else Precision.YEAR

    @property
    def first_day(self) -> dt.date:
        if self.season:
            return dt.date(self.year, (self.season - 21) * 3 + 3, 1)
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day
        if self.season:
            month = (self.season - 21) * 3 + 5
            year = self.year + (month > 12)
            month = (month - 1) % 12 + 1
        else:
            year, month = self.year, self.month or 12
        return dt.date(year, month, calendar.monthrange(year, month)[1])

    @property
    def iso(self) -> str:
        """The value for an HTML <time datetime>; a season is given as its year."""
        if self.precision is Precision.DAY:
            return self.first_day.isoformat()
        if self.precision is Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@dataclass(frozen=True)
class PlanDate:
    """A date or date range exactly as precise as the source."""

    start: Point
    end: Point | None = None
    text: str = ""

    @classmethod
    def parse(cls, value: str) -> PlanDate:
        if not isinstance(value, str):
            raise ValueError(f"a date must be a quoted string ({VALID_FORMS})")
        value = value.strip()
        start, slash, end = value.partition("/")
        first = _point(start, value)
        if not slash:
            return cls(first, None, value)
        last = _point(end, value)
        if last.last_day < first.first_day:
            raise ValueError(f"the range '{value}' ends before it starts")
        return cls(first, last, value)

    @property
    def is_range(self) -> bool:
        return self.end is not None

    @property
    def first_day(self) -> dt.date:
        return self.start.first_day

    @property
    def last_day(self) -> dt.date:
        return (self.end or self.start).last_day

    @property
    def precision(self) -> Precision:
        """The coarser precision of its ends: a range from a day to a month is known to the month."""
        return max((self.start.precision, (self.end or self.start).precision), key=lambda p: p.coarseness)

    @property
    def sort_key(self) -> tuple[dt.date, dt.date]:
        return self.first_day, self.last_day

    def __str__(self) -> str:
        return self.text

    # pydantic integration: validated from a string, shown in JSON Schema as a string
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler):
        return core_schema.no_info_plain_validator_function(
            lambda v: v if isinstance(v, PlanDate) else cls.parse(v),
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema, handler: GetJsonSchemaHandler):
        point = r"\d{4}(-(0[1-9]|1[0-2]|2[1-4])(-(0[1-9]|[12]\d|3[01]))?)?"
        return {
            "type": "string",
            "pattern": rf"^{point}(/{point})?$",
            "description": f"EDTF date: {VALID_FORMS}",
        }


def _point(text: str, value: str) -> Point:
    match = _POINT.fullmatch(text)
    if not match:
        if _OTHER_EDTF.search(value):
            raise ValueError(f"'{value}' uses an EDTF feature this site does not show (expected {VALID_FORMS})")
        raise ValueError(f"'{value}' is not a valid date (expected {VALID_FORMS})")
    year, month, day = (int(g) if g else None for g in match.groups())
    if month and 21 <= month <= 24 and day is None:
        return Point(year, season=month)
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        raise ValueError(f"'{value}' is not a valid date (expected {VALID_FORMS})") from None
    return Point(year, month, day)


# -- formatting -----------------------------------------------------------------------------


def format_plan_date(date: PlanDate, lang: str, within: Within | None = None) -> str:
    """The date as a reader of `lang` expects it, at the source's precision."""
    locale = BABEL_LOCALES[lang]
    if date.end is None:
        text = _format_point(date.start, locale)
        return _qualify(text, date.start, within, lang, locale) if within else text
    return _format_range(date.start, date.end, locale)


def _format_point(point: Point, locale: str) -> str:
    match point.precision:
        case Precision.DAY:
            return format_date(point.first_day, "long", locale=locale)
        case Precision.MONTH:
            return format_skeleton("yMMMM", point.first_day, locale=locale)
        case Precision.SEASON:
            return SEASONS[locale][point.season].format(year=point.year)
        case _:
            return str(point.year)


def _format_range(start: Point, end: Point, locale: str) -> str:
    if start.precision is end.precision is Precision.DAY:
        return _day_interval(start.first_day, end.first_day, locale)
    if start.precision is end.precision is Precision.YEAR:
        return f"{start.year}–{end.year}"
    return f"{_format_point(start, locale)} – {_format_point(end, locale)}"


def _day_interval(start: dt.date, end: dt.date, locale: str) -> str:
    """CLDR's interval pattern for 'yMMMd' with the month written in full (CLDR has no 'yMMMMd')."""
    if start == end:
        return format_date(start, "long", locale=locale)
    diff = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    parts = Locale.parse(locale).interval_formats["yMMMd"][diff]
    full = [part.replace("MMM", "MMMM").replace("MMMMM", "MMMM") for part in parts]
    return "".join(parse_pattern(pattern).apply(day, locale) for pattern, day in zip(full, (start, end), strict=True))


def _qualify(text: str, point: Point, within: Within, lang: str, locale: str) -> str:
    if lang == "lv":
        # Latvian needs the genitive month ('marta vidū'); CLDR only has the nominative.
        period = f"{point.year}. gada" + (f" {LV_MONTHS_GENITIVE[point.month - 1]}" if point.month else "")
        return f"{period} {LV_WITHIN[within]}"
    return EN_WITHIN[within].format(when=text)


SEASONS = {
    "lv": {
        21: "{year}. gada pavasaris",
        22: "{year}. gada vasara",
        23: "{year}. gada rudens",
        24: "{year}. gada ziema",
    },
    "en_GB": {21: "spring {year}", 22: "summer {year}", 23: "autumn {year}", 24: "winter {year}"},
}
LV_MONTHS_GENITIVE = (
    "janvāra", "februāra", "marta", "aprīļa", "maija", "jūnija",
    "jūlija", "augusta", "septembra", "oktobra", "novembra", "decembra",
)  # fmt: skip
LV_WITHIN = {Within.EARLY: "sākumā", Within.MID: "vidū", Within.END: "beigās"}
EN_WITHIN = {Within.EARLY: "early {when}", Within.MID: "mid-{when}", Within.END: "end of {when}"}
