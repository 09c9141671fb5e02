"""Status at a glance and the map: drawn at build time as inline SVG, with a text equivalent in the page's
language, and every mark true to the model."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from test_build import LANGUAGES, page, parse, with_parts

from baltic_plans import geo
from baltic_plans.addresses import Links
from baltic_plans.charts import status_chart
from baltic_plans.model import Site, area_activities
from baltic_plans.places import activities_by_place, places_map
from baltic_plans.views import Renderer

CHART = re.compile(r'<figure class="bp-chart">.*?</figure>', re.S)


def renderer(site: Site, lang: str) -> Renderer:
    return Renderer(site, lang, Links(lang, "cbss-2008/"))


# -- status charts ------------------------------------------------------------------------------------


def test_a_chart_has_a_bar_per_area_whose_segments_are_the_areas_activities_by_status(real_site: Site):
    plan = real_site.plan("cbss-2008")
    chart = status_chart(renderer(real_site, "en"), plan, "c")
    assert [bar.title for bar in chart.bars] == [area.title("en") for area in plan.areas]
    for bar, area in zip(chart.bars, plan.areas, strict=True):
        statuses = [p.activity.status.value for p in area_activities(plan, area)]
        assert {s.status: s.count for s in bar.segments} == {s: statuses.count(s) for s in set(statuses)}
        assert bar.total == len(statuses)
    lengths = {bar.total: bar.end for bar in chart.bars}
    assert all(lengths[a] / a == pytest.approx(lengths[b] / b) for a in lengths for b in lengths)  # one scale


def test_a_plan_without_reported_progress_has_no_chart(real_site: Site):
    assert status_chart(renderer(real_site, "en"), real_site.plan("baltmet-2011"), "c") is None


@pytest.mark.parametrize(
    ("lang", "words"), [("lv", ("paveikts:", "notiek:", "plānots:", "aktivitātes")), ("en", ("done:", "activities"))]
)
@pytest.mark.parametrize("url", ["", "cbss-2008"])
def test_home_and_plan_pages_show_the_chart_with_a_text_equivalent_in_their_language(
    built_site: Path, real_site: Site, lang: str, words: tuple, url: str
):
    html = page(built_site, LANGUAGES[lang] + url)
    chart = next(c for c in CHART.findall(html) if "bp-chart-cbss-2008-" in c)  # the home page has one per plan
    assert 'role="img"' in chart and 'aria-labelledby="bp-chart-cbss-2008-title bp-chart-cbss-2008-desc"' in chart
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", chart).group(1)
    assert all(word in desc for word in words)
    plan = real_site.plan("cbss-2008")
    for area in plan.areas:  # every area's total and count by status, in words
        statuses = [p.activity.status.value for p in area_activities(plan, area)]
        assert f"{area.title(lang)}: " in desc and f" {len(statuses)} " in desc
    assert "<script" not in chart and "fill: #" not in chart  # no chart library; colours come from the scheme
    for status in ("done", "ongoing", "planned"):  # a pattern per status: colour is not the only cue
        assert f'<pattern id="bp-chart-cbss-2008-{status}"' in chart


# -- the map ---------------------------------------------------------------------------------------


def test_the_build_projects_places_exactly_where_the_coastline_script_did():
    basemap = geo.basemap()
    for lon, lat, x, y in geo.checkpoints():
        assert basemap.project(lon, lat) == pytest.approx((x, y), abs=1e-6)


def test_the_coastline_file_stays_small():
    assert (Path(geo.__file__).parent / geo.COASTLINE).stat().st_size < 60_000


def test_every_place_with_activities_is_on_the_map_sized_by_its_count(real_site: Site):
    drawn = places_map(renderer(real_site, "en"), geo.basemap())
    counts = {place: len(found) for place, found in activities_by_place(real_site).items()}
    assert {m.id: m.count for m in (*drawn.markers, *drawn.off_map)} == counts  # drawn, or listed beyond the map
    assert not {m.id for m in drawn.markers} & {m.id for m in drawn.off_map}
    by_count = sorted(drawn.markers, key=lambda m: m.count)
    assert [m.r for m in by_count] == sorted(m.r for m in by_count)
    assert all(0 < m.x < drawn.width and 0 < m.y < drawn.height for m in drawn.markers)
    assert all(not (0 < m.x < drawn.width and 0 < m.y < drawn.height) for m in drawn.off_map)


def test_the_map_s_extent_holds_every_place_of_the_plans_from_reykjavik_to_ukraine(frozen_site: Site):
    drawn = places_map(renderer(frozen_site, "en"), geo.basemap())  # the frozen data's places
    assert drawn.off_map == [] and len(drawn.markers) == len(activities_by_place(frozen_site))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_marker_and_list_entry_links_to_a_page_that_links_every_activity_there(
    built_site: Path, real_site: Site, lang: str
):
    prefix = LANGUAGES[lang]
    html = page(built_site, f"{prefix}places")
    svg = html[html.index('<figure class="bp-map">') : html.index("</figure>")]
    table = html[html.index("</figure>") :]
    on_map = {marker.id for marker in places_map(renderer(real_site, lang), geo.basemap()).markers}
    for place_id, found in activities_by_place(real_site).items():
        name = real_site.places[place_id].name(lang)
        assert (f'<a href="{place_id}/" aria-label="{name}: {len(found)} ' in svg) is (place_id in on_map)
        assert f'<a href="{place_id}/">{name}</a>' in table  # the text equivalent
        place_url = f"{prefix}places/{place_id}/"
        parts = with_parts(built_site, place_url)  # a long list in parts; each links its records the same way
        links = {urlparse(urljoin(url, href)) for url, html in parts.items() for href, _ in parse(html).links}
        for placed in found:
            record = next(u for u in links if u.fragment == placed.activity.id)
            target = built_site / record.path.lstrip("/") / "index.html"
            assert f'id="{placed.activity.id}"' in target.read_text(encoding="utf-8")


def test_the_map_credits_natural_earth_and_loads_nothing_from_elsewhere(built_site: Path):
    html = page(built_site, "en/places")
    assert "Natural Earth" in html
    figure = html[html.index('<figure class="bp-map">') : html.index("</figure>")]
    assert not re.search(r'(src|href)="https?://', figure)
