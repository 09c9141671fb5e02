"""iCalendar (RFC 5545) files of the dated activities, one per plan and one of all plans.

Every event is all-day. A day or a range of days is given as it is, with the exclusive end RFC 5545 asks
for. A date known only to the month or the season becomes an event spanning the whole month or season,
its precision stated in the summary, the description and X-BALTIC-PLANS-PRECISION; a date known only to
the year is left out (a year-long event would fill a calendar), and the open-data page lists those.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Calendar, Event
from icalendar.enums import STATUS

from .date_text import format_plan_date
from .dates import Precision
from .edition import Edition, plain
from .model import Lang, Placed, Plan, Site, Status
from .progress import Step
from .views import label, lines_label, shorten

PRECISION_PROPERTY = "X-BALTIC-PLANS-PRECISION"
SUMMARY_LENGTH = 120


def in_calendar(placed: Placed) -> bool:
    date = placed.activity.date
    return date is not None and date.precision is not Precision.YEAR


def left_out(placed: Iterable[Placed]) -> list[Placed]:
    """Dated activities that no calendar holds: dated only to the year."""
    return [p for p in placed if p.activity.date and not in_calendar(p)]


def uid(placed: Placed, lang: str) -> str:
    """Stable across builds and reorderings, so calendar apps update an event rather than add it twice; one per
    language, so that a reader subscribed to both calendars keeps both (the same UID would overwrite the other)."""
    return f"{placed.plan.id}/{placed.activity.id}.{lang}@baltic-plans"


def has_events(site: Site, plan: Plan) -> bool:
    """Whether a plan has a dated activity a calendar can hold; one that has none gets no calendar (RFC 5545 wants
    at least one component in a calendar)."""
    return any(in_calendar(placed) for placed in site.activities(plan))


def calendars(edition: Edition) -> dict[str | None, bytes]:
    """Every calendar of the edition: one per plan with dated activities (by its id) and one of all plans (None).
    Each event is made and serialized once, by icalendar, and the all-plans calendar holds the plans' events in
    order."""
    events = {
        plan.id: [event(edition, placed).to_ical() for placed in edition.site.activities(plan) if in_calendar(placed)]
        for plan in edition.site.plans
    }
    every_event = [serialized for plan in edition.site.plans for serialized in events[plan.id]]
    return {
        **{plan.id: _calendar(edition, plan, events[plan.id]) for plan in edition.site.plans if events[plan.id]},
        None: _calendar(edition, None, every_event),
    }


_END = b"END:VCALENDAR\r\n"


def _calendar(edition: Edition, plan: Plan | None, events: list[bytes]) -> bytes:
    """The calendar with its serialized events: a VCALENDAR's components follow its properties (RFC 5545, 3.4)."""
    title = plain(plan.short_title, edition.lang) if plan else label("all_plans", edition.lang)
    cal = Calendar.new(
        uid=f"{plan.id if plan else 'all-plans'}.{edition.lang}@baltic-plans",  # one calendar per plan and language
        prodid=f"-//{edition.site_name}//{label('open_data', 'en')}//{edition.lang.upper()}",
        name=f"{edition.site_name}: {title}",  # also written as X-WR-CALNAME
        description=label("calendar_description", edition.lang),
    )
    empty = cal.to_ical()
    assert empty.endswith(_END), "icalendar ends a calendar with END:VCALENDAR"
    return empty.removesuffix(_END) + b"".join(events) + _END


def event(edition: Edition, placed: Placed) -> Event:
    activity, lang = placed.activity, edition.lang
    date = activity.when
    assert date is not None
    text = plain(activity.text, lang)
    when = format_plan_date(date, lang)
    exact = date.precision is Precision.DAY
    places = [edition.site.places[p] for p in activity.places]
    ev = Event.new(
        uid=uid(placed, lang),
        stamp=edition.built,
        start=date.first_day,
        end=date.last_day + dt.timedelta(days=1),  # DTEND of an all-day event is the day after (exclusive)
        summary=shorten(text if exact else f"({when}) {text}", SUMMARY_LENGTH),
        description="\n\n".join(description(edition, placed, when)),
        location=", ".join(plain(p.name, lang) for p in places) or None,
        url=edition.record_url(placed.plan, placed.area.id if placed.area else None, activity.id),
        categories=[label(f"status_{activity.status.value}", lang)],
        status=STATUS.TENTATIVE if activity.status is Status.PLANNED else STATUS.CONFIRMED,
    )
    if len(places) == 1:
        ev.add("geo", (places[0].lat, places[0].lon))
    ev.add(PRECISION_PROPERTY, date.precision.value)
    return ev


def description(edition: Edition, placed: Placed, when: str) -> list[str]:
    activity, lang = placed.activity, edition.lang
    assert activity.date is not None  # a calendar holds only dated activities
    parts = [plain(activity.text, lang)]
    if activity.within:
        parts.append(label("calendar_precision_part", lang, date=when))
    elif activity.date.precision is not Precision.DAY:
        parts.append(label(f"calendar_precision_{activity.date.precision.value}", lang, date=when))
    if activity.bodies:
        bodies = ", ".join(edition.site.organisations[b].label(lang) for b in activity.bodies)
        parts.append(f"{label('bodies', lang)}: {bodies}")
    parts.append(f"{label('status', lang)}: {label(f'status_{activity.status.value}', lang)}")
    history = history_text(edition.site.history.get(activity.id, ()), lang)
    if history:
        parts.append(history)
    parts.append(f"{label('source', lang)}: {placed.plan.source.file}, {lines_label(activity.source, lang)}")
    return parts


def history_text(steps: Iterable[Step], lang: Lang) -> str | None:
    """The activity's status at each report that changed it ("Status by report: planned (5 February 2008) → done
    (30 June 2008)"); None if no report after the first listing changed its status or date."""
    shown = [step for index, step in enumerate(steps) if index == 0 or step.changed or step.moved]
    if len(shown) < 2:
        return None
    words = [
        label(
            "calendar_history_moved" if step.moved and step.date else "calendar_history_step",
            lang,
            status=label(f"status_{step.status.value}", lang),
            as_of=format_plan_date(step.report.as_of, lang),
            date=format_plan_date(step.date, lang) if step.date else "",
        )
        for step in shown
    ]
    return label("calendar_history", lang, steps=" → ".join(words))
