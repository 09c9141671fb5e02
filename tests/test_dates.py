"""Dates keep the source's precision and read naturally in Latvian and British English."""

import pytest

from baltic_plans.dates import PlanDate, Precision, Within, format_plan_date


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
        ("2008-02-30", "not a valid date"),
        ("2008-13", "not a valid date"),
        ("13.09.2007", "not a valid date"),
        ("2008-03-11/2008-03-10", "ends before it starts"),
        ("2008-03~", "EDTF feature"),
    ],
)
def test_invalid_or_impossible_dates_are_rejected_with_the_valid_forms(value, message):
    with pytest.raises(ValueError, match=message) as error:
        PlanDate.parse(value)
    assert "YYYY" in str(error.value) or "ends before" in str(error.value)


@pytest.mark.parametrize(
    ("value", "within", "lv", "en"),
    [
        ("2007-09-13", None, "2007. gada 13. septembris", "13 September 2007"),
        ("2007-12-06/2007-12-07", None, "2007. gada 6.–7. decembris", "6–7 December 2007"),
        # CLDR puts thin spaces around the dash when the months differ
        (
            "2007-09-25/2007-10-02",
            None,
            "2007. gada 25. septembris\u2009–\u20092. oktobris",
            "25 September\u2009–\u20092 October 2007",
        ),
        ("2008-03", None, "2008. g. marts", "March 2008"),
        ("2008-03", Within.MID, "2008. gada marta vidū", "mid-March 2008"),
        ("2008-05", Within.END, "2008. gada maija beigās", "end of May 2008"),
        ("2008-04", Within.EARLY, "2008. gada aprīļa sākumā", "early April 2008"),
        ("2007", Within.END, "2007. gada beigās", "end of 2007"),
        ("2008-21", None, "2008. gada pavasaris", "spring 2008"),
        ("2005/2007", None, "2005–2007", "2005–2007"),
    ],
)
def test_dates_are_formatted_per_language(value, within, lv, en):
    date = PlanDate.parse(value)
    assert format_plan_date(date, "lv", within) == lv
    assert format_plan_date(date, "en", within) == en
