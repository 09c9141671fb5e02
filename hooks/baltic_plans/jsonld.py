"""schema.org linked data (JSON-LD) for the pages: an Event per dated activity on the page that anchors it,
a GovernmentOrganization (or other Organization) per body on the organisations page."""

from __future__ import annotations

import json
from collections.abc import Iterable

from . import addresses
from .edition import Edition, plain
from .model import Organisation, Placed, Site, area_activities
from .views import shorten

CONTEXT = "https://schema.org"


def page_graph(edition: Edition, docs_path: str) -> dict | None:
    """The JSON-LD of the page at `docs_path` (without the language suffix); None if it describes no records."""
    site = edition.site
    if docs_path == addresses.ORGANISATIONS:
        nodes = [organisation(edition, org) for org in site.organisations.values()]
    else:
        nodes = [event(edition, placed) for placed in page_activities(edition, docs_path) if placed.activity.date]
    return {"@context": CONTEXT, "@graph": nodes} if nodes else None


def page_activities(edition: Edition, docs_path: str) -> Iterable[Placed]:
    """The activities anchored on a plan's page (its background events) or an area's page."""
    return edition.site.index.activities_by_page.get(docs_path, ())


def activities_by_page(site: Site) -> dict[str, list[Placed]]:
    """Each plan's and area's page (docs/ path) → the activities anchored on it (made once: `site.index`)."""
    found: dict[str, list[Placed]] = {}
    for plan in site.plans:
        found[addresses.plan_page(plan.id)] = [p for p in site.activities(plan) if p.area is None]
        for area in plan.areas:
            found[addresses.area_page(plan.id, area.id)] = list(area_activities(plan, area))
    return found


def event(edition: Edition, placed: Placed) -> dict:
    activity, lang = placed.activity, edition.lang
    date = activity.date
    assert date is not None  # an event only for a dated activity
    text = plain(activity.text, lang)
    url = edition.record_url(placed.plan, placed.area.id if placed.area else None, activity.id)
    node: dict[str, object] = {
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": shorten(text, 120),
        "description": text,
        "inLanguage": lang,
        "startDate": date.start.iso,  # at the source's precision: "2008-03" for March 2008, never a made-up day
    }
    if date.end:
        node["endDate"] = date.end.iso
    if activity.places:
        node["location"] = [place(edition, place_id) for place_id in activity.places]
    if activity.bodies:
        node["organizer"] = [organisation(edition, edition.site.organisations[b], brief=True) for b in activity.bodies]
    return node


def place(edition: Edition, place_id: str) -> dict:
    found = edition.site.places[place_id]
    return {
        "@type": "Place",
        "name": plain(found.name, edition.lang),
        "address": {"@type": "PostalAddress", "addressCountry": found.country},
        "geo": {"@type": "GeoCoordinates", "latitude": found.lat, "longitude": found.lon},
    }


def organisation(edition: Edition, org: Organisation, brief: bool = False) -> dict:
    node = {
        "@type": ORGANISATION_TYPES.get(org.kind, "Organization"),
        "@id": edition.page_url(addresses.ORGANISATIONS, org.id),
        "name": plain(org.name, edition.lang),
    }
    if brief:
        return node
    abbreviation = org.abbr(edition.lang) if org.abbr else None
    if abbreviation:
        node["alternateName"] = abbreviation
    if org.url:
        node["sameAs"] = org.url
    return node


def script_text(graph: dict) -> str:
    """JSON for a <script> element: '<', '>' and '&' escaped as JSON unicode escapes, so no data text can end
    the script (`</script>`) or open a comment; JSON parsers read the same text."""
    text = json.dumps(graph, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


ORGANISATION_TYPES = {
    "intergovernmental": "GovernmentOrganization",
    "government": "GovernmentOrganization",
    "working-group": "GovernmentOrganization",
    "presidency": "GovernmentOrganization",
    "municipality": "GovernmentOrganization",
    "ngo": "NGO",
    "university": "CollegeOrUniversity",
}
