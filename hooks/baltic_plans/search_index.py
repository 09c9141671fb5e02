"""One language's search index: a document per page, per section of a written page, and per record (task,
action point, activity, block, organisation), each with the link to its anchor. The browser's search worker
(docs/javascripts/search/worker.js) indexes these documents with the language's stemmer."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from html.parser import HTMLParser

from . import addresses
from .date_text import format_plan_date
from .edition import plain
from .model import Activity, Lang, Plan, Site, Task
from .views import label, shorten

TITLE_LENGTH = 110  # a record's title is its text cut to this; the whole text is searched and shown as the teaser
LEAD_LENGTH = 400  # a page's own document holds the text before its first heading, cut to this
SECTION_LENGTH = 2000
FORMAT = 1  # bump when the document fields change: the worker checks it


@dataclass(frozen=True)
class Document:
    location: str  # from the site's root, as Material's search links it: "en/cbss-2008/education/#cbss-edu-bologna"
    title: str  # plain text; the worker escapes it
    text: str
    kind: str  # page, section, task, activity, block, place, organisation
    tags: tuple[str, ...] = ()  # shown under the result: kind, status, date
    keywords: str = ""  # searched, not shown: names and abbreviations of the bodies and places involved

    @property
    def page(self) -> str:
        return self.location.partition("#")[0]


@dataclass(frozen=True)
class WrittenPage:
    """A page as rendered: its title, and its text cut at the headings that have anchors."""

    location: str
    title: str
    sections: tuple[tuple[str, str, str], ...]  # (anchor, heading, text); the first has anchor "" (the lead)


def index_json(lang: Lang, documents: Iterable[Document]) -> bytes:
    """The file the worker loads: {format, lang, docs}. Compact, as it is downloaded on the first search."""
    docs = [{key: value for key, value in asdict(doc).items() if value or key == "location"} for doc in documents]
    body = {"format": FORMAT, "lang": lang, "docs": docs}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def documents(site: Site, lang: Lang, written: Iterable[WrittenPage], directory_urls: bool = True) -> list[Document]:
    """Every document of the language: the written pages and their sections, then the records from the model."""
    return [*page_documents(written), *record_documents(site, lang, directory_urls)]


def page_documents(written: Iterable[WrittenPage]) -> Iterator[Document]:
    for page in written:
        lead = next((text for anchor, _, text in page.sections if not anchor), "")
        yield Document(page.location, page.title, lead, "page")
        for anchor, heading, text in page.sections:
            if anchor and (heading or text):
                yield Document(f"{page.location}#{anchor}", heading, text, "section")


def record_documents(site: Site, lang: Lang, directory_urls: bool = True) -> Iterator[Document]:
    def url(docs_path: str, anchor: str | None = None) -> str:
        located = addresses.page_url(docs_path, lang, directory_urls)  # from the site's root, as Material links results
        return f"{located}#{anchor}" if anchor else located

    def names(body_ids: Iterable[str], place_ids: Iterable[str] = ()) -> str:
        bodies = [site.organisations[b] for b in body_ids]
        words = [word for org in bodies for word in (org.label(lang), plain(org.name, lang))]
        words += [plain(site.places[p].name, lang) for p in place_ids]
        return " ".join(dict.fromkeys(words))

    for plan in site.plans:
        for area in plan.areas:
            where = url(addresses.area_page(plan.id, area.id))
            for task in area.tasks:
                yield task_document(plan, task, lang, where, names(task.bodies, ()))
                for activity in task.activities:
                    yield activity_document(activity, lang, where, names(activity.bodies, activity.places))
            for block in area.blocks:
                title = plain(block.title, lang)
                yield Document(
                    f"{where}#{block.id}", title, title, "block", (label("block", lang),), names(block.bodies)
                )
                for activity in block.activities:
                    yield activity_document(activity, lang, where, names(activity.bodies, activity.places))
        if plan.background:
            where = url(addresses.plan_page(plan.id))
            for event in plan.background.events:
                yield activity_document(event, lang, where, names(event.bodies, event.places))
    for place_id, placed in site.index.activities_by_place.items():
        name = plain(site.places[place_id].name, lang)
        tags: tuple[str, ...] = (
            label("search_place", lang),
            label("search_activities_count", lang, count=str(len(placed))),
        )
        yield Document(url(addresses.place_page(place_id)), name, "", "place", tags)
    for org in site.organisations.values():
        name = plain(org.name, lang)
        abbreviation = org.abbr(lang) if org.abbr else None
        title = f"{name} ({abbreviation})" if abbreviation and abbreviation != name else name
        tags = (label("search_organisation", lang),)
        yield Document(url(addresses.organisation_page(org.id)), title, "", "organisation", tags, abbreviation or "")


def task_document(plan: Plan, task: Task, lang: Lang, where: str, keywords: str) -> Document:
    text = plain(task.text, lang)
    kind = label("search_action_point" if plan.kind == "action-plan" else "search_task", lang)
    title = f"{task.number} {text}" if task.number else text
    return Document(f"{where}#{task.id}", shorten(title, TITLE_LENGTH), text, "task", (kind,), keywords)


def activity_document(activity: Activity, lang: Lang, where: str, keywords: str) -> Document:
    text = plain(activity.text, lang)
    tags = [label("search_activity", lang), label(f"status_{activity.status}", lang)]
    if activity.when:
        tags.append(format_plan_date(activity.when, lang))
    return Document(f"{where}#{activity.id}", shorten(text, TITLE_LENGTH), text, "activity", tuple(tags), keywords)


# -- written pages --------------------------------------------------------------------------------------------


def written_page(location: str, title: str, html: str, with_sections: bool = True) -> WrittenPage:
    """Cut a page's HTML at its headings with ids (h2, h3), leaving out code, scripts and permalinks. A page made
    from the data (a plan's or area's) keeps only its lead: its records are documents of their own."""
    if not with_sections:  # only the lead is kept: its records' HTML need not be parsed
        html = html[: next((m.start() for m in _SECTION_HEADING.finditer(html)), len(html))]
    splitter = _Sections()
    splitter.feed(html)
    splitter.close()
    sections = [
        (anchor, heading, shorten(text, SECTION_LENGTH if anchor else LEAD_LENGTH))
        for anchor, heading, text in splitter.sections()
        if with_sections or not anchor
    ]
    return WrittenPage(location, title, tuple(sections))


_SECTION_HEADING = re.compile(r"<h[23]\s[^>]*\bid=")  # a section starts at a heading with an anchor


class _Sections(HTMLParser):
    HEADINGS = frozenset({"h2", "h3"})
    SKIPPED = frozenset({"h1", "script", "style", "pre", "template"})  # the h1 is the page's title
    INLINE = frozenset(
        [
            "a",
            "abbr",
            "b",
            "cite",
            "code",
            "em",
            "i",
            "kbd",
            "mark",
            "q",
            "small",
            "span",
            "strong",
            "sub",
            "sup",
            "time",
        ]
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[list] = [["", "", []]]  # anchor, heading, text pieces
        self._heading: list[str] | None = None
        self._skipped = 0  # depth inside skipped elements
        self._in_permalink = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self._break(tag)
        if tag in self.SKIPPED:
            self._skipped += 1
        elif tag in self.HEADINGS and attributes.get("id"):
            self._parts.append([attributes["id"], "", []])
            self._heading = []
        elif tag == "a" and "headerlink" in (attributes.get("class") or "").split():
            self._in_permalink = True  # the ¶ after a heading

    def handle_endtag(self, tag):
        self._break(tag)
        if tag in self.SKIPPED:
            self._skipped = max(0, self._skipped - 1)
        elif tag == "a":
            self._in_permalink = False
        elif tag in self.HEADINGS and self._heading is not None:
            self._parts[-1][1] = " ".join("".join(self._heading).split())
            self._heading = None

    def _break(self, tag) -> None:
        """Words on either side of a block element's tag are separate words."""
        if tag not in self.INLINE:
            self.handle_data(" ")

    def handle_data(self, data):
        if self._skipped or self._in_permalink:
            return
        (self._heading if self._heading is not None else self._parts[-1][2]).append(data)

    def sections(self) -> Iterator[tuple[str, str, str]]:
        for anchor, heading, pieces in self._parts:
            yield anchor, heading, " ".join("".join(pieces).split())
