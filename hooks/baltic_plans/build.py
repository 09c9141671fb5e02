"""One build's state, made when the build starts (the plugin's on_config, once for both languages) and passed to
what needs it: the checked site, when the build started, whether `mkdocs serve` runs it, each language's open
data, the PDFs it published, the pages it has written (for the search index), and the HTML blocks held out of
Markdown's way. The indexes that depend on the data alone are the site's (`Site.index`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page as MkDocsPage

from .addresses import DEFAULT_LANGUAGE
from .edition import BUILT, Edition
from .model import Lang, Site
from .render import Page
from .search_index import WrittenPage
from .slots import Slots


def page_language(page: MkDocsPage) -> Lang:
    """The language of a page: the i18n plugin sets it on every page's file (docs/x.md is Latvian, docs/x.en.md
    English); a build without the plugin is in the default language."""
    return getattr(page.file, "locale", None) or DEFAULT_LANGUAGE


def building_language(config: MkDocsConfig) -> Lang:
    """The language being built: the i18n plugin sets the theme's language for each language's build."""
    return config.theme["language"]


def docs_path(page: MkDocsPage) -> str:
    """The page's file in docs/ without its language suffix: index.md for index.md and index.en.md."""
    return getattr(page.file, "norm_src_uri", None) or page.file.src_uri


@dataclass
class Build:
    config: MkDocsConfig
    site: Site
    data_dir: Path
    built: dt.datetime  # when the build started, the same in both languages (the open data's date)
    serving: bool  # mkdocs serve: a changed PDF is typeset in the background
    slots: Slots = field(default_factory=Slots)
    editions: dict[str, Edition] = field(default_factory=dict)
    pdfs: dict[str, dict[str, tuple[str, int]]] = field(default_factory=dict)  # language → plan id → path, size
    written: dict[str, list[WrittenPage]] = field(default_factory=dict)  # language → pages rendered so far
    shared: dict[str, dict] = field(default_factory=dict)  # language → what its pages render alike (render.Page)
    last_changed: dict[str, dt.date] = field(default_factory=dict)  # record id → its last change (last_changed.py)

    def __post_init__(self) -> None:
        self.config.extra[BUILT] = self.built  # the templates print it (main.html)

    @property
    def language(self) -> Lang:
        return building_language(self.config)

    def edition(self, lang: Lang) -> Edition:
        """The open data of one language, made once in that language's build (its site name is the language's)."""
        if lang not in self.editions:
            self.editions[lang] = Edition(
                site=self.site,
                lang=lang,
                built=self.built,
                site_name=self.config.site_name,
                site_url=self.config.site_url,
                directory_urls=self.config.use_directory_urls,
                last_changed=self.last_changed,
            )
        return self.editions[lang]

    def page(self, page: MkDocsPage) -> Page:
        """What the render functions know of the page being rendered."""
        return self.page_at(docs_path(page), page_language(page), page.url)

    def page_at(self, path: str, lang: Lang, url: str) -> Page:
        return Page(
            site=self.site,
            lang=lang,
            url=url,
            directory_urls=self.config.use_directory_urls,
            path=path,
            edition=self.edition(lang),
            pdfs=self.pdfs.get(lang, {}),
            shared=self.shared.setdefault(lang, {}),
            last_changed=self.last_changed,
        )
