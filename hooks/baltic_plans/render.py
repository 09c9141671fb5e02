"""What every render function uses: the page being rendered (its site, language and URL), the site's Jinja
environment for the templates in templates/, and Markdown headings whose data text stays text. The pages' parts
are rendered by plan_pages, area_pages, timeline_pages, organisation_pages, place_pages, source_pages,
open_data_page and report."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from . import paging
from .addresses import Links
from .build_cache import compiled_templates
from .date_text import format_day
from .edition import Edition
from .model import Lang, Site
from .views import Renderer, clean, count, label


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("baltic_plans", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=compiled_templates(),
    )
    # data text in a Markdown heading of a template: escaped for HTML, then for Markdown ("![x](y)" stays text)
    env.filters["heading_text"] = lambda text: Markup(literal(text))
    return env


def tidy(markdown: str) -> str:
    """Drop blank lines inside HTML (they would end a raw HTML block); keep them around headings."""
    lines = markdown.strip().splitlines()
    kept: list[str] = []
    for index, line in enumerate(lines):
        if line.strip():
            kept.append(line)
            continue
        before = kept[-1] if kept else ""
        after = next((n for n in lines[index + 1 :] if n.strip()), "")
        if (before.startswith("#") or after.startswith("#")) and kept and kept[-1] != "":
            kept.append("")
    return "\n".join(kept) + "\n"


@dataclass(frozen=True)
class Page:
    """The page being rendered: its language, its URL and its file in docs/ (without the language suffix)."""

    site: Site
    lang: Lang
    url: str
    directory_urls: bool = True
    path: str = ""
    edition: Edition | None = None  # the open data the build publishes (for the open-data page and plan pages)
    pdfs: dict[str, tuple[str, int]] = field(default_factory=dict)  # plan id → its PDF's site path and size
    # what the pages of one build and language render alike, rendered once (the Build gives each page the same)
    shared: dict = field(default_factory=dict, compare=False, repr=False)
    last_changed: dict = field(default_factory=dict)  # record id → the day its data last changed (last_changed.py)

    def own_plan(self) -> str:
        """The plan a page in docs/<plan-id>/ is about."""
        folder, slash, _ = self.path.partition("/")
        if not slash:
            raise ValueError(f"docs/{self.path} is not in a plan's folder (docs/<plan-id>/); name the plan")
        return self.site.plan(folder).id

    def own_plan_of_source(self) -> str:
        """The plan whose source document a page docs/sources/<plan-id>.md shows."""
        folder, _, name = self.path.partition("/")
        if folder != "sources" or not name:
            raise ValueError(f"docs/{self.path} is not a source document's page (docs/sources/<plan-id>.md)")
        return self.site.plan(name.removesuffix(".md")).id

    def area_ids(self, plan_id: str | None, area_id: str | None) -> tuple[str, str]:
        """The plan and area an area macro names ("{{ task_table('cbss-2008', 'energy') }}"), else those of the
        page (docs/<plan-id>/<area-id>.md: "{{ task_table() }}")."""
        return plan_id or self.own_plan(), area_id or self.own_area()

    def own_area(self) -> str:
        """The area a page docs/<plan-id>/<area-id>.md is about."""
        name = self.path.partition("/")[2].removesuffix(".md")
        return self.site.plan(self.own_plan()).area(name).id

    def last_change(self, record_id: str) -> dict | None:
        """When the record's data last changed, for a <time> element: the day in ISO and in the page's language."""
        day = self.last_changed.get(record_id)
        return {"iso": day.isoformat(), "text": format_day(day, self.lang)} if day else None

    @property
    def open_data(self) -> Edition:
        """The open data the build publishes, which every page a build renders is given."""
        assert self.edition is not None, "a page rendered outside a build has no open data"
        return self.edition

    @cached_property  # one per page: its abbreviation table is built once
    def renderer(self) -> Renderer:
        return Renderer(self.site, self.lang, Links(self.lang, self.url, self.directory_urls))

    @property
    def template_globals(self) -> dict:
        return {
            "r": self.renderer,
            "t": lambda key, **v: label(key, self.lang, **v),
            "n": lambda number, key: count(number, key, self.lang),
            "lang": self.lang,
        }

    def render(self, template: str, **context) -> str:
        return tidy(environment().get_template(template).render(**self.template_globals, **context))

    def render_macro(self, template: str, name: str, **arguments) -> str:
        """One macro of a template file that holds several parts of a page."""
        module = environment().get_template(template).make_module(self.template_globals)
        return tidy(str(getattr(module, name)(**arguments)))


_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]])")


def literal(text: str) -> str:
    """Data text for a Markdown heading, shown literally: no HTML, emphasis, links or attribute lists."""
    return _MARKDOWN_SYNTAX.sub(r"\\\1", str(escape(clean(text))))


def heading(text: str, level: int = 1) -> str:
    return f"{'#' * level} {literal(text)}\n"


def titled(title: str, html: str) -> str:
    """A page's title, then its HTML after a blank line, as a block of its own that skips Markdown (slots.py)."""
    return f"{heading(title)}\n{html}"


def parts_pager(page: Page, all_pages: paging.Series, this: paging.Part) -> list[dict]:
    """The links to each part of a record's page that is split in parts; none if it is one page."""
    parts = all_pages.parts_of(this)
    if len(parts) == 1:
        return []
    return [{"number": p.part, "href": page.renderer.links.to(p.path), "current": p is this} for p in parts]
