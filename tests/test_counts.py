"""Every count reads with the word form its number takes in the language (CLDR plural rules, through Babel)."""

import pytest
from babel import Locale

from baltic_plans.dates import BABEL_LOCALES
from baltic_plans.views import count, labels


@pytest.mark.parametrize(
    ("number", "lv", "en"),
    [
        (0, "0 aktivitāšu", "0 activities"),
        (1, "1 aktivitāte", "1 activity"),
        (2, "2 aktivitātes", "2 activities"),
        (9, "9 aktivitātes", "9 activities"),
        (10, "10 aktivitāšu", "10 activities"),
        (11, "11 aktivitāšu", "11 activities"),
        (19, "19 aktivitāšu", "19 activities"),
        (21, "21 aktivitāte", "21 activities"),
        (22, "22 aktivitātes", "22 activities"),
        (30, "30 aktivitāšu", "30 activities"),
        (101, "101 aktivitāte", "101 activities"),
        (111, "111 aktivitāšu", "111 activities"),
    ],
)
def test_latvian_counts_take_the_zero_one_or_other_form(number, lv, en):
    assert count(number, "count_activities", "lv") == lv
    assert count(number, "count_activities", "en") == en


@pytest.mark.parametrize(
    ("key", "one_lv", "zero_lv", "one_en"),
    [
        ("count_tasks", "1 uzdevums", "10 uzdevumu", "1 task"),
        ("count_action_points", "1 rīcības punkts", "12 rīcības punktu", "1 action point"),
        ("count_areas", "1 joma", "20 jomu", "1 area"),
        ("count_lines", "1 rinda", "10 rindu", "1 line"),
    ],
)
def test_every_counted_word_has_its_forms(key, one_lv, zero_lv, one_en):
    number_one, number_zero = (int(text.split()[0]) for text in (one_lv, zero_lv))
    assert count(number_one, key, "lv") == one_lv
    assert count(number_zero, key, "lv") == zero_lv
    assert count(1, key, "en") == one_en


def test_a_counted_label_gives_every_plural_category_of_its_language():
    counted = {key: forms for key, forms in labels().items() if isinstance(forms["lv"], dict)}
    assert {"count_activities", "count_tasks", "count_action_points", "count_areas", "count_lines"} <= set(counted)
    for key, forms in counted.items():
        for lang, words in forms.items():
            categories = Locale.parse(BABEL_LOCALES[lang]).plural_form.tags | {"other"}
            assert set(words) == categories, f"labels.yml: {key}.{lang} needs exactly the forms {sorted(categories)}"
