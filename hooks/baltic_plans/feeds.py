"""Atom feeds (RFC 4287) of the plans' progress, per language: one of every plan and one per plan, all in the
site's root (addresses.feed_file). An entry is a progress report, or what a later report changed of one activity:
its status, its date, or that the report adds it.

Everything in a feed comes from the data, never from the build: an entry's id is a UUID made from the ids of its
plan, report and activity and the feed's language, and its `updated` is its report's date, so a reader's app shows
an entry once however often the site is built. A plan with no progress report still has its feed, with no entry,
so that its address never changes and a subscriber sees the first report; its `updated` (RFC 4287 requires one) is
the first day of the plan's period.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from . import addresses, render
from .addresses import Links
from .date_text import format_plan_date
from .edition import LICENCE, Edition, plain
from .model import Lang, Placed, Plan, Text
from .progress import ProgressReport, Step
from .views import label, shorten

# The namespace of every id in the feeds: never change it, or every reader shows every entry again
NAMESPACE = uuid.UUID("56cad6fa-eda3-43dc-af67-16a91993c2ee")
TITLE_LENGTH = 90  # an activity's text in an entry's title, cut at a word
STATUSES = ("done", "ongoing", "planned")
# What XML 1.0 cannot hold even as a character reference: C0 controls but tab and newline, surrogates, U+FFFE/F
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    link: str
    updated: str  # RFC 3339, the report's date at 00:00:00Z
    paragraphs: list[str]  # the content, one paragraph each


@dataclass(frozen=True)
class Feed:
    path: str  # from the site's root
    lang: Lang
    id: str
    title: str
    subtitle: str
    author: str
    home: str
    self_url: str
    alternate: str
    rights: str
    updated: str
    entries: list[Entry]


def feeds(edition: Edition) -> dict[str, bytes]:
    """Every feed of the edition's language, by its path from the site's root: every plan's, then each plan's."""
    return {feed.path: xml(feed) for _, feed in listed(edition)}


def xml(feed: Feed) -> bytes:
    """The feed's XML; the template escapes every text (autoescape), as XML needs it."""
    return render.environment().get_template("feed.xml").render(feed=feed).encode("utf-8")


def all_plans(edition: Edition) -> Feed:
    lang, site = edition.lang, edition.site
    entries = newest_first([entry for plan in site.plans for entry in plan_entries(edition, plan)])
    return Feed(
        path=addresses.feed_file(lang),
        lang=lang,
        id=_urn("feed", lang),
        title=feed_title(edition, None),
        subtitle=_safe(label("feed_subtitle", lang)),
        author=_safe(edition.site_name),
        home=edition.page_url("index.md"),
        self_url=edition.url(addresses.feed_file(lang)),
        alternate=edition.page_url("index.md"),
        rights=LICENCE["title"],
        updated=entries[0].updated if entries else max(_period_start(plan) for plan in site.plans),
        entries=entries,
    )


def plan_feed(edition: Edition, plan: Plan) -> Feed:
    lang = edition.lang
    entries = newest_first(plan_entries(edition, plan))
    return Feed(
        path=addresses.feed_file(lang, plan.id),
        lang=lang,
        id=_urn("feed", plan.id, lang),
        title=feed_title(edition, plan),
        subtitle=_safe(label("feed_plan_subtitle", lang, plan=plain(plan.title, lang))),
        author=_safe(edition.site_name),
        home=edition.page_url("index.md"),
        self_url=edition.url(addresses.feed_file(lang, plan.id)),
        alternate=edition.page_url(addresses.plan_page(plan.id)),
        rights=LICENCE["title"],
        updated=entries[0].updated if entries else _period_start(plan),
        entries=entries,
    )


def feed_title(edition: Edition, plan: Plan | None) -> str:
    if plan is None:
        return _safe(label("feed_title", edition.lang, site=edition.site_name))
    return _safe(label("feed_plan_title", edition.lang, plan=plain(plan.short_title, edition.lang)))


def newest_first(entries: list[Entry]) -> list[Entry]:
    """By date, the newest first; entries of one day keep their order (a report, then what it changed)."""
    return sorted(entries, key=lambda entry: entry.updated, reverse=True)  # a stable sort, even reversed


def plan_entries(edition: Edition, plan: Plan) -> list[Entry]:
    """Each of the plan's reports, each followed by what it changed, activity by activity in the plan's order."""
    site = edition.site
    placed = list(site.activities(plan))
    entries = []
    for report in site.reports.get(plan.id, ()):
        steps = [(p, _step(site.history.get(p.activity.id, ()), report)) for p in placed]
        changed = [(p, step) for p, step in steps if step and not report.first and _changed(step)]
        entries.append(report_entry(edition, plan, report, [step for _, step in steps if step]))
        entries += [change_entry(edition, plan, report, p, step) for p, step in changed]
    return entries


def report_entry(edition: Edition, plan: Plan, report: ProgressReport, steps: list[Step]) -> Entry:
    lang = edition.lang
    paragraphs = [_text(report.title, lang)]
    if report.note:
        paragraphs.append(f"{label('feed_report_note', lang)}: {_text(report.note, lang)}")
    if not report.first:
        paragraphs.append(
            label(
                "feed_report_changes",
                lang,
                changed=sum(step.changed for step in steps),
                moved=sum(step.moved for step in steps),
                added=sum(step.added for step in steps),
            )
        )
    counts = {status: sum(step.status.value == status for step in steps) for status in STATUSES}
    paragraphs.append(" ".join(f"{label(f'activities_{status}', lang)}: {counts[status]}." for status in STATUSES))
    link = addresses.plan_page(plan.id) if report.first else addresses.changes_page(plan.id, report.id)
    return Entry(
        id=_urn("report", plan.id, report.id, lang),
        title=report_title(edition, plan, report),
        link=edition.page_url(link),
        updated=_rfc3339(report.as_of.first_day),
        paragraphs=[paragraph for paragraph in paragraphs if paragraph],
    )


def report_title(edition: Edition, plan: Plan, report: ProgressReport) -> str:
    """'Progress report of 5 February 2008: CBSS Presidency 2008'."""
    lang = edition.lang
    date = format_plan_date(report.as_of, lang)
    return _safe(label("feed_report_title", lang, date=date, plan=plain(plan.short_title, lang)))


def change_entry(edition: Edition, plan: Plan, report: ProgressReport, placed: Placed, step: Step) -> Entry:
    """What one report changed of one activity: 'Planned → done: <its text>', linking to its record."""
    lang, activity = edition.lang, placed.activity
    text = _text(activity.text, lang)
    what = "; ".join(changes_in_words(step, lang))
    title = f"{what[:1].upper()}{what[1:]}: {shorten(text, TITLE_LENGTH)}"
    paragraphs = [text]
    if step.note:
        paragraphs.append(f"{label('feed_why', lang)}: {_text(step.note, lang)}")
    paragraphs.append(report_title(edition, plan, report))
    return Entry(
        id=_urn("change", plan.id, report.id, activity.id, lang),
        title=_safe(title),
        link=edition.record_url(plan, placed.area.id if placed.area else None, activity.id),
        updated=_rfc3339(report.as_of.first_day),
        paragraphs=paragraphs,
    )


def changes_in_words(step: Step, lang: Lang) -> list[str]:
    """What a report changed of an activity, in words: that it adds it, its status, its date."""
    words = []
    if step.added:
        words.append(label("feed_added", lang, status=label(f"status_{step.status.value}", lang)))
    if step.status_before is not None:
        before, after = (label(f"status_{status.value}", lang) for status in (step.status_before, step.status))
        words.append(f"{before} → {after}")
    if step.moved and step.date is not None:
        after = format_plan_date(step.date, lang)
        if step.date_before is None:
            words.append(label("feed_dated", lang, date=after))
        else:
            words.append(label("feed_moved", lang, before=format_plan_date(step.date_before, lang), after=after))
    return words


def head_links(edition: Edition, docs_path: str, page_url: str) -> list[dict[str, str]]:
    """The feeds a page names in its head, for a reader's app to find: every plan's, and on a plan's pages (its
    folder docs/<plan-id>/) that plan's. Relative to the page, as the site's other links are."""
    links = Links(edition.lang, page_url, edition.directory_urls)
    found = [{"title": feed_title(edition, None), "href": links.file(addresses.feed_file(edition.lang))}]
    folder, slash, _ = docs_path.partition("/")
    plan = edition.site.plans_by_id.get(folder) if slash else None
    if plan is not None:
        href = links.file(addresses.feed_file(edition.lang, plan.id))
        found.append({"title": feed_title(edition, plan), "href": href})
    return found


def listed(edition: Edition) -> list[tuple[Plan | None, Feed]]:
    """Every feed of the edition, for the open-data page: every plan's (None), then each plan's."""
    return [(None, all_plans(edition)), *((plan, plan_feed(edition, plan)) for plan in edition.site.plans)]


def _changed(step: Step) -> bool:
    return step.added or step.changed or step.moved


def _step(history: tuple[Step, ...], report: ProgressReport) -> Step | None:
    return next((step for step in history if step.report.id == report.id), None)


def _text(text: Text | None, lang: Lang) -> str:
    return _safe(plain(text, lang) or "")


def _safe(text: str) -> str:
    """A text XML can hold: without the characters it forbids."""
    return NOT_XML.sub("", text)


def _urn(*names: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, '/'.join(names))}"


def _rfc3339(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _period_start(plan: Plan) -> str:
    return _rfc3339(plan.period.first_day)
