"""Dates keep the source's precision and read naturally in Latvian and British English."""

import datetime as dt

import pytest

from baltic_plans.date_text import format_day, format_month, format_plan_date
from baltic_plans.dates import PlanDate, Precision, Within


@pytest.mark.parametrize(
    ("value", "precision", "iso"),
    [
        ("2007-09-13", Precision.DAY, "2007-09-13"),
        ("2008-03", Precision.MONTH, "2008-03"),
        ("2008", Precision.YEAR, "2008"),
        ("2008-21", Precision.SEASON, "2008"),
    ],
)
def test_a_date_keeps_the_precision_it_was_given(value, precision, iso):
    date = PlanDate.parse(value)
    assert date.start.precision is precision
    assert date.start.iso == iso
    assert not date.is_range


def test_a_day_range_is_one_date_with_two_ends():
    date = PlanDate.parse("2007-12-06/2007-12-07")
    assert date.is_range
    assert (date.first_day.isoformat(), date.last_day.isoformat()) == ("2007-12-06", "2007-12-07")


def test_a_month_spans_its_whole_month_for_sorting():
    date = PlanDate.parse("2008-02")
    assert (date.first_day.isoformat(), date.last_day.isoformat()) == ("2008-02-01", "2008-02-29")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2008-02-30", "'2008-02-30' has no day 30: February 2008 has 29 days"),
        ("2007-02-29", "'2007-02-29' has no day 29: February 2007 has 28 days"),
        ("2008-04-31", "'2008-04-31' has no day 31: April 2008 has 30 days"),
        ("2008-13", "'2008-13' has no month 13: a year has months 01 to 12 (and seasons 21 to 24)"),
        ("2008-00", "'2008-00' has no month 00"),
        ("13.09.2007", "'13.09.2007' is not a valid date (expected YYYY, YYYY-MM, YYYY-MM-DD"),
        ("2008-03-11/2008-03-10", "the range '2008-03-11/2008-03-10' ends before it starts"),
        ("2008-03~", "'2008-03~' uses an EDTF feature this site does not show (expected YYYY"),
    ],
)
def test_impossible_dates_are_rejected_saying_what_is_wrong_with_them(value, message, monkeypatch):
    monkeypatch.setenv("BALTIC_PLANS_LANG", "en")
    with pytest.raises(ValueError) as error:
        PlanDate.parse(value)
    assert str(error.value).startswith(message)


def test_a_date_message_is_in_latvian_for_a_latvian_editor(monkeypatch):
    monkeypatch.setenv("BALTIC_PLANS_LANG", "lv")
    with pytest.raises(ValueError) as error:
        PlanDate.parse("2008-02-31")
    assert str(error.value) == "'2008-02-31': nav 31. datuma; 2008. gada februārī ir 29 dienas"


# What a native reader expects, per precision the data allows, written by hand (never copied from output).
DATE_TEXTS = [
    # a day
    ("2007-09-13", None, "2007. gada 13. septembris", "13 September 2007"),
    ("2008-05-01", None, "2008. gada 1. maijs", "1 May 2008"),
    # a month, with every month's name
    ("2007-10", None, "2007. gada oktobris", "October 2007"),
    ("2008-01", None, "2008. gada janvāris", "January 2008"),
    ("2008-02", None, "2008. gada februāris", "February 2008"),
    ("2008-03", None, "2008. gada marts", "March 2008"),
    ("2008-04", None, "2008. gada aprīlis", "April 2008"),
    ("2008-05", None, "2008. gada maijs", "May 2008"),
    ("2008-06", None, "2008. gada jūnijs", "June 2008"),
    ("2007-07", None, "2007. gada jūlijs", "July 2007"),
    ("2007-08", None, "2007. gada augusts", "August 2007"),
    ("2007-09", None, "2007. gada septembris", "September 2007"),
    ("2007-11", None, "2007. gada novembris", "November 2007"),
    ("2007-12", None, "2007. gada decembris", "December 2007"),
    # a year and a season
    ("2008", None, "2008. gads", "2008"),
    ("2008-21", None, "2008. gada pavasaris", "spring 2008"),
    ("2008-22", None, "2008. gada vasara", "summer 2008"),
    ("2030-23", None, "2030. gada rudens", "autumn 2030"),
    ("2030-24", None, "2030. gada ziema", "winter 2030"),
    # early, mid and end of a month or a year (the source's "marta vidū", "maija beigās")
    ("2008-04", Within.EARLY, "2008. gada aprīļa sākumā", "early April 2008"),
    ("2008-03", Within.MID, "2008. gada marta vidū", "mid-March 2008"),
    ("2008-05", Within.END, "2008. gada maija beigās", "end of May 2008"),
    ("2008-02", Within.EARLY, "2008. gada februāra sākumā", "early February 2008"),
    ("2008", Within.EARLY, "2008. gada sākumā", "early 2008"),
    ("2008", Within.MID, "2008. gada vidū", "mid-2008"),
    ("2007", Within.END, "2007. gada beigās", "end of 2007"),
    # ranges: within a month, across months, across years
    ("2007-12-06/2007-12-07", None, "2007. gada 6.–7. decembris", "6–7 December 2007"),
    ("2007-09-25/2007-10-02", None, "2007. gada 25. septembris – 2. oktobris", "25 September – 2 October 2007"),
    (
        "2007-12-30/2008-01-02",
        None,
        "2007. gada 30. decembris – 2008. gada 2. janvāris",
        "30 December 2007 – 2 January 2008",
    ),
    ("2008-01/2008-03", None, "2008. gada janvāris–marts", "January–March 2008"),
    ("2007-07/2008-06", None, "2007. gada jūlijs – 2008. gada jūnijs", "July 2007 – June 2008"),
    ("2005/2007", None, "2005.–2007. gads", "2005–2007"),
    ("2011/2012", None, "2011.–2012. gads", "2011–2012"),
    # ranges whose ends differ in precision keep each end's own words
    ("2008-03-05/2008-04", None, "2008. gada 5. marts – 2008. gada aprīlis", "5 March 2008 – April 2008"),
    ("2009/2010-22", None, "2009. gads – 2010. gada vasara", "2009 – summer 2010"),
]


@pytest.mark.parametrize(("value", "within", "lv", "en"), DATE_TEXTS)
def test_every_precision_reads_as_a_native_reader_writes_it(value, within, lv, en):
    date = PlanDate.parse(value).narrowed(within)
    assert format_plan_date(date, "lv") == lv
    assert format_plan_date(date, "en") == en


def test_month_headings_and_days_use_the_same_words():
    assert format_month(2007, 7, "lv") == "2007. gada jūlijs"
    assert format_month(2007, 7, "en") == "July 2007"
    assert format_day(dt.date(2008, 2, 5), "lv") == "2008. gada 5. februāris"
    assert format_day(dt.date(2008, 2, 5), "en") == "5 February 2008"


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        (("2008-03-05", None), ("2008-03", Within.MID)),  # mid-March after 5 March
        (("2008-05-13/2008-05-15", None), ("2008-05", Within.END)),  # end of May after 13–15 May
        (("2007-02-05", None), ("2007", Within.END)),  # end of 2007 after February 2007
        (("2008-03", Within.MID), ("2008-03-21", None)),  # mid-March before 21 March
        (("2008-03-01", None), ("2008-03", None)),  # a day before the month it starts
        (("2008-03", None), ("2008-03-05", None)),  # a month at its start, before its later days
        (("2008-01", None), ("2008", None)),  # a month before the year it starts
        (("2008", Within.EARLY), ("2008-04-30", None)),  # early 2008 is January to April
        (("2008-04-30", None), ("2008", Within.MID)),  # mid-2008 is May to August
        (("2008-02", Within.END), ("2008-03", Within.EARLY)),
    ],
)
def test_coarse_and_approximate_dates_take_their_place_among_precise_ones(earlier, later):
    first, second = (PlanDate.parse(value).narrowed(within) for value, within in (earlier, later))
    assert first.sort_key < second.sort_key


def test_early_mid_and_end_are_thirds_of_the_month_or_year():
    def days(value, within):
        date = PlanDate.parse(value).narrowed(within)
        return date.first_day.isoformat(), date.last_day.isoformat()

    assert days("2008-02", Within.EARLY) == ("2008-02-01", "2008-02-10")
    assert days("2008-02", Within.MID) == ("2008-02-11", "2008-02-20")
    assert days("2008-02", Within.END) == ("2008-02-21", "2008-02-29")
    assert days("2007", Within.END) == ("2007-09-01", "2007-12-31")


@pytest.mark.parametrize("value", ["2008-03-05", "2008-21", "2008-03/2008-04"])
def test_only_a_single_month_or_year_can_be_narrowed(value):
    with pytest.raises(ValueError, match="only a single month or year"):
        PlanDate.parse(value).narrowed(Within.MID)
