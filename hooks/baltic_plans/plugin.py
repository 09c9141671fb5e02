"""The Baltic Plans plugin: the site's one entry point into MkDocs (mkdocs.yml lists it as `baltic-plans`, the
last of the plugins; pyproject.toml registers it). Its events read in the order MkDocs runs them, each handing
its work to the module that does it.

A plugin rather than a hooks file: its instance holds what lives as long as the process (the data check's cache,
the PDF typesetter, the processes of the languages, serve's feedback) and the state of the current build
(build.py), so no module keeps state of its own.

Where an event's order matters against the other plugins (the i18n plugin's handlers run at priority −100, its
page and context handlers at 50; the macros and search plugins', and MkDocs' own, at 0; at one priority, the
order of `plugins:` in mkdocs.yml):

- on_config, 100 (check the data): before every plugin, so bad data stops the build before anything is written.
- on_config, −1 (register the macros, fork the other language): after the macros plugin's (0) has made its
  environment; before the i18n plugin's (−100), which configures the build, in the child for its own language.
- on_files, 0 (the source texts and the pages made from the data): before the i18n plugin (−100) sorts the files.
- on_files, −99 (in the child, the default language's files) and −105 (in the child, leave the shared files to
  the parent): just before and just after the i18n plugin sorts the files for this build's language.
- on_files, −110 (the downloads and PDFs): after the i18n plugin has sorted the files of the language built.
- on_page_markdown, −10 (a page made from its record): after the macros plugin (0) has rendered the macros.
- on_post_template and on_post_page, −1000 (conforming markup, the content security policy): last, since the
  policy hashes the inline scripts as they are written.
- on_post_build, 50 (wait for the other language's process): before the search index is written (0) and the
  i18n plugin's on_post_build (−100), which would build the other language itself.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import cast

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext
from mkdocs_macros.plugin import MacrosPlugin

from . import build_cache, csp, feeds, fragments, jsonld, navigation, repository, search, site_files, theme_markup
from .build import Build, docs_path, page_language
from .docs_check import stray_pages
from .edition import build_time
from .errors import DataErrors
from .last_changed import last_changed
from .load import CheckedData
from .macros import macros_for
from .parallel_languages import LanguageProcesses
from .printing import Printer
from .serve_feedback import ServeFeedback

log = logging.getLogger("mkdocs.plugins.baltic_plans")


class BalticPlansPlugin(BasePlugin):
    def __init__(self) -> None:
        super().__init__()
        self.data = CheckedData()
        self.processes = LanguageProcesses()
        self.feedback = ServeFeedback()
        self.printer = Printer(wait=True)
        self.serving = False
        self.build: Build | None = None
        self._macros_plugin: MacrosPlugin | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.printer = Printer(wait=not self.serving)  # serve typesets a changed PDF in the background
        self.processes.start(command, dirty)
        self.processes.fewer_collections()
        self.feedback.start(command)

    @event_priority(100)
    def _check_data(self, config: MkDocsConfig) -> MkDocsConfig:
        """Stop on bad data; a new build (not the second language's on_config) starts here."""
        data_dir = (Path(config.config_file_path).parent / "data").resolve()
        result = self.data.check(data_dir)
        for warning in result.warnings:  # shown, but not fatal under --strict: the data may be right
            log.info(str(warning))
        errors = result.errors
        if result.site is not None:  # the data loaded: the pages in docs/ beside it
            errors = stray_pages(Path(config.docs_dir), result.site)
        if errors:
            raise PluginError(str(DataErrors(errors)))
        assert result.site is not None
        if self.build is None or self.build.config is not config:
            self.build = Build(config, result.site, data_dir, built=build_time(), serving=self.serving)
            self.build.last_changed = last_changed(data_dir, self.build.built.date(), [p.doc for p in result.documents])
        config.nav = navigation.with_plans(config.nav or [], result.site)  # a new plan needs no mkdocs.yml change
        repository.repository_base(config)  # fail now, not on the first page, if edit_uri cannot point at data/
        repository.say_if_placeholder_addresses(config)
        return config

    @event_priority(-1)
    def _macros_and_languages(self, config: MkDocsConfig) -> MkDocsConfig:
        macros_plugin = config.plugins["macros"]
        assert isinstance(macros_plugin, MacrosPlugin), "mkdocs.yml lists mkdocs-macros as `macros`"
        self._macros_plugin = macros_plugin
        macros_plugin.register_macros(macros_for(self._rendering))
        self.processes.fork_other_languages(config)
        return config

    on_config = CombinedEvent(_check_data, _macros_and_languages)

    def _add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        self.processes.site_folder_cleaned()
        files = site_files.add_source_files(files, config, self._build.data_dir)
        return site_files.add_generated_pages(files, config, self._build)

    @event_priority(-99)
    def _default_language_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.processes.sort_default_language_files(files, config)
        return files

    @event_priority(-105)
    def _leave_shared_files(self, files: Files, config: MkDocsConfig) -> Files:
        return self.processes.leave_shared_files(files)

    @event_priority(-110)
    def _add_downloads(self, files: Files, config: MkDocsConfig) -> Files:
        files = site_files.add_downloads(files, config, self._build)
        files = site_files.add_feeds(files, config, self._build)
        return site_files.add_pdfs(files, config, self._build, self.printer)

    on_files = CombinedEvent(_add_pages, _default_language_files, _leave_shared_files, _add_downloads)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        site_files.fill_generated_pages(files, self._build)
        navigation.name_sections(nav, self._build.site)
        return nav

    @event_priority(-10)
    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        theme_markup.headings_in_page_language(page, config)
        search.leave_to_worker(page)
        return site_files.rendered_page(markdown, page, self._build)

    def on_page_content(self, html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        html = self._build.slots.fill(html)
        search.collect(self._build, page, html)
        return html

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["bp_footer_links"] = navigation.footer_links
        env.bytecode_cache = build_cache.compiled_templates()  # Material's templates compiled once, not per build
        env.globals["bp_render_once"] = fragments.render_once_per_key()  # main.html
        return env

    def _sitemap(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return self.processes.written_by_last_language(output_content, template_name)

    @event_priority(-1000)
    def _finish_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        page = theme_markup.only_one_404_page(output_content, template_name, config)
        page = theme_markup.conforming_markup(page)
        return csp.with_policy(page) if template_name == "404.html" else page

    on_post_template = CombinedEvent(_sitemap, _finish_template)

    def on_page_context(
        self, context: TemplateContext, *, page: MkDocsPage, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        build = self._build
        navigation.relative_home_switcher(page, config)
        repository.edit_data_link(page, config, build.site)
        ours = cast(dict[str, object], context)  # a dict: MkDocs' TypedDict names only MkDocs' own keys
        ours["bp_in_nav"] = navigation.in_navigation(page, nav)
        ours["bp_nav_key"] = fragments.shared_nav_key(page, nav)  # main.html
        context["nav"] = navigation.page_nav(nav, build.site)
        page.meta["bp_feeds"] = feeds.head_links(build.edition(page_language(page)), docs_path(page), page.url)
        graph = jsonld.page_graph(build.edition(page_language(page)), docs_path(page))
        if graph:
            page.meta["bp_jsonld"] = Markup(jsonld.script_text(graph))  # escaped for <script> by script_text
        return context

    @event_priority(-1000)
    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        return csp.with_policy(theme_markup.name_search_dialog(theme_markup.conforming_markup(output), page))

    @event_priority(50)
    def _wait_for_other_languages(self, config: MkDocsConfig) -> None:
        self.processes.wait_for_other_languages(config)

    def _publish_search(self, config: MkDocsConfig) -> None:
        search.publish(self._build)

    on_post_build = CombinedEvent(_wait_for_other_languages, _publish_search)

    def on_build_error(self, *, error: Exception) -> None:
        self.processes.stop_other_languages(error)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        return self.feedback.serve(server, config)

    def on_shutdown(self) -> None:
        self.printer.stop()  # the process typesetting serve's changed PDFs
        self.processes.end_child()
        self.feedback.stop()
        self.processes.no_collection_at_exit()

    @property
    def _build(self) -> Build:
        assert self.build is not None, "the build starts in on_config"
        return self.build

    def _rendering(self) -> tuple[Build, MkDocsPage]:
        """The build and the page the macros plugin is rendering (for the macros)."""
        assert self._macros_plugin is not None
        return self._build, self._macros_plugin.page
