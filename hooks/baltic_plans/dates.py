"""Dates at the source's precision, written in EDTF (ISO 8601-2); `date_text` writes them for readers.

Accepted forms (EDTF level 0 and the season of level 1): YYYY, YYYY-MM, YYYY-MM-DD,
YYYY-21..24 (spring, summer, autumn, winter), and an interval A/B of those. A single month or year
may be narrowed to its early, middle or end part (an activity's `within`, the source's "marta vidū").
This subset is parsed here with a regular expression and `datetime` (the `edtf` package's
pyparsing grammar was most of the data check's time).

The order rule, the same on every page and in the calendars: a date stands for the period it names, and
dates sort by that period's first day, then by its last (so a day comes before the month it starts, a
month before its year). Early, mid and end are the first, middle and last third of a month (days 1–10,
11–20, 21 to the end) or of a year (January–April, May–August, September–December): "mid-March" comes
after 5 March, "end of May" after 13–15 May, "end of 2007" after February 2007.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import core_schema

from .messages import Localised, MessageError

_POINT = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
_OTHER_EDTF = re.compile(r"[~?%X]|\.\.|^-|[+-]\d{2}:?\d{2}$|T")
VALID_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, a season YYYY-21..24, or a range A/B of these"


class ValidForms(Localised):
    """The date forms the data allows, in the message's language."""

    def text(self, lang: str) -> str:
        return VALID_FORMS if lang == "en" else "GGGG, GGGG-MM, GGGG-MM-DD, gadalaiks GGGG-21..24 vai to periods A/B"


FORMS = ValidForms()
BABEL_LOCALES = {"lv": "lv", "en": "en_GB"}  # each language's CLDR locale


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


THIRDS = (Within.EARLY, Within.MID, Within.END)


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
    part: Within | None = None  # the early, middle or end third of a single month or year

    @classmethod
    def parse(cls, value: str) -> PlanDate:
        if not isinstance(value, str):
            raise MessageError("date_not_text", forms=FORMS)
        value = value.strip()
        start, slash, end = value.partition("/")
        first = _point(start, value)
        if not slash:
            return cls(first, None, value)
        last = _point(end, value)
        if last.last_day < first.first_day:
            raise MessageError("date_range_backwards", value=value)
        return cls(first, last, value)

    @property
    def is_range(self) -> bool:
        return self.end is not None

    def narrowed(self, part: Within | None) -> PlanDate:
        """The same date narrowed to its early, middle or end third ('mid-March 2008')."""
        if part is None:
            return self
        if self.is_range or self.precision not in (Precision.MONTH, Precision.YEAR):
            raise MessageError("date_not_narrowable", value=str(self), part=part.value)
        return replace(self, part=part)

    @property
    def first_day(self) -> dt.date:
        return self._third()[0] if self.part else self.start.first_day

    @property
    def last_day(self) -> dt.date:
        return self._third()[1] if self.part else (self.end or self.start).last_day

    def _third(self) -> tuple[dt.date, dt.date]:
        """The first and last day of the early, middle or end third of this month or year."""
        third = THIRDS.index(self.part)
        year, month = self.start.year, self.start.month
        if month:
            last = calendar.monthrange(year, month)[1] if third == 2 else 10 * third + 10
            return dt.date(year, month, 10 * third + 1), dt.date(year, month, last)
        last_month = 4 * third + 4
        return dt.date(year, 4 * third + 1, 1), dt.date(year, last_month, calendar.monthrange(year, last_month)[1])

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
        # only days the month has, so that the editor flags 2008-02-31 or 2008-04-31 as it is typed; 29 February
        # in any year (a pattern cannot tell leap years: the data check does)
        day = r"(0[1-9]|[12]\d)"  # 01-29, in every month
        month = rf"(0[13578]|1[02])(-({day}|3[01]))?|(0[469]|11)(-({day}|30))?|02(-{day})?"
        point = rf"\d{{4}}(-({month}|2[1-4]))?"  # a year, a month 01-12 (with a day) or a season 21-24
        return {
            "type": "string",
            "pattern": rf"^{point}(/{point})?$",
            "description": (
                f"EDTF date, in quotes: {VALID_FORMS} (21 spring, 22 summer, 23 autumn, 24 winter). "
                "29 February is accepted here in any year; the data check rejects it in a common year. — "
                "EDTF datums pēdiņās: GGGG, GGGG-MM, GGGG-MM-DD, gadalaiks GGGG-21..24 (21 – pavasaris, "
                "22 – vasara, 23 – rudens, 24 – ziema) vai šo formu intervāls A/B. 29. februāris šeit tiek pieņemts "
                "jebkurā gadā; datu pārbaude to noraida gadā, kas nav garais gads."
            ),
        }


def _point(text: str, value: str) -> Point:
    match = _POINT.fullmatch(text)
    if not match:
        if _OTHER_EDTF.search(value):
            raise MessageError("date_edtf_feature", value=value, forms=FORMS)
        raise MessageError("date_invalid", value=value, forms=FORMS)
    year = int(match["year"])
    month, day = (int(g) if g else None for g in match.group("month", "day"))
    if month and 21 <= month <= 24 and day is None:
        return Point(year, season=month)
    if month is not None and not 1 <= month <= 12:
        raise MessageError("date_no_such_month", value=value, month=f"{month:02d}")
    days = calendar.monthrange(year, month)[1] if month else 0
    if day is not None and not 1 <= day <= days:
        assert month is not None  # the pattern has a day only after a month
        raise MessageError("date_no_such_day", value=value, day=day, year=year, days=days, month_name=MonthName(month))
    return Point(year, month, day)


@dataclass(frozen=True)
class MonthName(Localised):
    """A month's name in the language a message is written in: 'February' / 'februārī'."""

    month: int

    def text(self, lang: str) -> str:
        return MONTH_NAMES[lang][self.month - 1]


MONTH_NAMES = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "lv": ("janvārī", "februārī", "martā", "aprīlī", "maijā", "jūnijā", "jūlijā", "augustā", "septembrī", "oktobrī",
           "novembrī", "decembrī"),
}  # fmt: skip
