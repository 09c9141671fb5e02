"""Every count reads with the word form its number takes in the language (CLDR plural rules, through Babel)."""

import pytest
from babel import Locale

from baltic_plans.dates import BABEL_LOCALES
from baltic_plans.views import alphabetical, count, labels


@pytest.mark.parametrize(
    ("number", "lv", "en"),
    [
        (0, "0 aktivitātes", "0 activities"),
        (1, "1 aktivitāte", "1 activity"),
        (2, "2 aktivitātes", "2 activities"),
        (9, "9 aktivitātes", "9 activities"),
        (10, "10 aktivitātes", "10 activities"),
        (11, "11 aktivitātes", "11 activities"),
        (19, "19 aktivitātes", "19 activities"),
        (21, "21 aktivitāte", "21 activities"),
        (22, "22 aktivitātes", "22 activities"),
        (30, "30 aktivitātes", "30 activities"),
        (101, "101 aktivitāte", "101 activities"),
        (111, "111 aktivitātes", "111 activities"),
    ],
)
def test_latvian_counts_take_the_singular_after_1_21_101_and_the_plural_after_0_and_10_to_20(number, lv, en):
    # CLDR's "zero" category (0, 10–20, 30…) takes the nominative plural here, as an official writes it
    assert count(number, "count_activities", "lv") == lv
    assert count(number, "count_activities", "en") == en


@pytest.mark.parametrize(
    ("key", "one_lv", "zero_lv", "one_en"),
    [
        ("count_tasks", "1 uzdevums", "14 uzdevumi", "1 task"),
        ("count_action_points", "21 rīcības punkts", "12 rīcības punkti", "1 action point"),
        ("count_areas", "1 joma", "20 jomas", "1 area"),
        ("count_lines", "101 rinda", "217 rindas", "1 line"),
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


@pytest.mark.parametrize(
    ("lang", "names", "ordered"),
    [
        ("en", ["Civic Alliance", "Cēsis Municipality", "Centre"], ["Centre", "Cēsis Municipality", "Civic Alliance"]),
        ("lv", ["Čehija", "Cēsis", "Dānija", "Ceļš"], ["Ceļš", "Cēsis", "Čehija", "Dānija"]),
        (
            "lv",
            ["Šveice", "Somija", "Zviedrija", "Ēģipte", "Ezers"],
            ["Ēģipte", "Ezers", "Somija", "Šveice", "Zviedrija"],
        ),
    ],
)
def test_lists_follow_the_language_s_alphabet(lang, names, ordered):
    assert sorted(names, key=lambda name: alphabetical(name, lang)) == ordered
