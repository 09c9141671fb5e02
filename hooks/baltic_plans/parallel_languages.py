"""Build the second language while the default one builds, in a forked process, so a build uses two cores.

The i18n plugin builds the other language after the default one has finished, in the same process: it calls
MkDocs' `build()` again from its on_post_build. Here that build runs instead in a child process, forked in
on_config as soon as the data is checked and the site folder cleaned, before the i18n plugin configures the
default language: the child goes on with the same `build()` for its own language (the plugin configures it
next), builds it into en/, and exits when MkDocs shuts down; the default language's build waits for it before it
finishes, and fails if the child failed.

Each file is written by one process. The child leaves the theme's assets and the source texts, which both builds
would copy, to the default language's build; the sitemap, which lists both languages, is written by the last
language's build, as in the serial order. With three languages or more the plugin's own order stays.

Only `mkdocs build` and `mkdocs gh-deploy` fork: `mkdocs serve` rebuilds in a process with server threads. With
BALTIC_PLANS_SERIAL_BUILD=1 the i18n plugin builds in its own order; the files are the same (a test compares them).
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import sys

from click import ClickException
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError, PluginError
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs_static_i18n.utils import I18nLoggingFilter

from . import addresses, i18n_adapter
from .i18n_adapter import I18n

log = logging.getLogger("mkdocs.plugins.baltic_plans")

FORKING_COMMANDS = ("build", "gh-deploy")
SITEMAP = "sitemap.xml"


class LanguageProcesses:
    """The processes of one `mkdocs build` (the plugin keeps one): in the default language's process, the children
    building the other languages; in a child, the language it builds and how its build went."""

    def __init__(self) -> None:
        self.command: str | None = None
        self.dirty = False
        self.children: dict[str, int] = {}  # language → process id of the child building it (in the parent)
        self.child_language: str | None = None  # the language this process builds (in a child)
        self.child_built = False  # the child's build reached its end (on_post_build)
        self.child_failed = False

    def start(self, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    def fork_other_languages(self, config: MkDocsConfig) -> None:
        """In the default language's on_config, once the data is checked: fork a child for the other language
        (this site has two). The child goes on with the same build as that language, as the i18n plugin's inner
        build would; this process goes on with the default language."""
        i18n = I18n(config)
        if not self._may_fork() or not i18n.present or i18n.building:
            return
        if i18n.current_language not in (None, i18n.default_language):
            return
        others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
        if len(others) != 1:  # with more, each one's sitemap would lack the others: the plugin's own order then
            return
        (lang,) = others
        if not self.dirty:
            i18n_adapter.clean_site_folder(config.site_dir)  # once, before either process writes into it
        i18n_adapter.keep_site_folder()  # until on_files: the build's own clean-up comes before it
        _flush()
        gc.freeze()  # Python's advice before a fork: the collector then leaves the shared pages alone
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:
            _end_with(parent)
            self.children = {}
            self.child_language = lang
            i18n.current_language = lang  # its on_config, next, configures this build for `lang`
            i18n.building = True  # as in the plugin's loop: this build's own on_post_build builds nothing more
            logging.getLogger("mkdocs.commands.build").addFilter(_quiet_inner_build())
            return
        self.children[lang] = pid
        log.debug(f"The '{lang}' site builds in process {pid}, beside this one")

    def site_folder_cleaned(self) -> None:
        """In on_files: the build has passed its clean-up step; MkDocs' own clean-up is back for later builds."""
        if self.children or self.child_language is not None:
            i18n_adapter.clean_site_folder_again()

    def sort_default_language_files(self, files: Files, config: MkDocsConfig) -> None:
        """In a child, just before the i18n plugin sorts the files for its language: sort them for the default
        language too, as the plugin does in the default language's build. The sitemap, which this child writes,
        lists every language's pages with their URLs (the plugin's template); MkDocs makes those pages' URLs as it
        makes a page outside the navigation."""
        if self.child_language is None:
            return
        i18n = I18n(config)
        for file in i18n.sort_files_for(i18n.default_language, files, config):
            Page(None, file, config)

    def leave_shared_files(self, files: Files) -> Files:
        """In a child: the files outside its language's folder (the theme's assets, the source texts) are the
        default language's build's to write; they stay in `files`, so links to them resolve."""
        lang = self.child_language
        if lang is None:
            return files
        for file in files:
            if not file.is_documentation_page() and not addresses.in_language(file.dest_uri, lang):
                file.inclusion = InclusionLevel.EXCLUDED
        return files

    def written_by_last_language(self, output: str, template_name: str) -> str:
        """The sitemap lists every language's pages; while children build, the last language's build writes it."""
        if template_name == SITEMAP and self.children:
            return ""  # MkDocs writes no file for an empty output
        return output

    def wait_for_other_languages(self, config: MkDocsConfig) -> None:
        """In the default language's on_post_build, before the search index is written (as the child does): wait
        for the children, fail if any failed, and tell the i18n plugin its other languages are built."""
        if self.child_language is not None:
            self.child_built = True  # its pages are written (a later failure still fails it, in on_build_error)
        if not self.children:
            return
        failed = [lang for lang, pid in self.children.items() if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])]
        self.children.clear()
        if failed:
            raise PluginError(f"the build of the {', '.join(failed)} site failed; its messages are above")
        I18n(config).building = True  # its on_post_build then builds nothing; `mkdocs build` ends after it

    def fewer_collections(self) -> None:
        """For `mkdocs build`: Python's cyclic garbage collector runs after every 50,000 new container objects
        rather than 700, as mypy tunes it for its builds (200,000). A build makes many short-lived objects
        (Jinja's and Markdown's) that reference counting frees, and few cycles; a pass over them costs more than
        it frees."""
        if self.command in FORKING_COMMANDS:
            gc.set_threshold(50_000, *gc.get_threshold()[1:])

    def no_collection_at_exit(self) -> None:
        """At the end of `mkdocs build`: Python's last garbage collection, before the process ends, walks every
        object the build made; the system frees the process's memory at once."""
        if self.command in FORKING_COMMANDS:
            gc.freeze()

    def stop_other_languages(self, error: BaseException) -> None:
        """The build failed. In the default language's process: stop the children, so that no process writes to
        the site folder after `mkdocs build` has returned. In a child: say why, unless MkDocs says it next (a
        BuildError); it exits with 1."""
        i18n_adapter.clean_site_folder_again()
        for lang, pid in self.children.items():
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
            log.debug(f"Stopped the '{lang}' site's build (process {pid})")
        self.children.clear()
        if self.child_language is None:
            return
        self.child_failed = True
        if not isinstance(error, BuildError):
            message = getattr(error, "message", None) or str(error) or type(error).__name__
            log.error(f"{self.child_language}: {message}", exc_info=not isinstance(error, ClickException))

    def end_child(self) -> None:
        """In a child, when MkDocs shuts its build down: exit, with 0 if it built, without the parent's exit
        handlers and before `mkdocs gh-deploy` would deploy."""
        if self.child_language is None:
            return
        _flush()
        os._exit(0 if self.child_built and not self.child_failed else 1)

    def _may_fork(self) -> bool:
        serial = os.environ.get("BALTIC_PLANS_SERIAL_BUILD", "") not in ("", "0")
        return self.command in FORKING_COMMANDS and hasattr(os, "fork") and not serial


def _end_with(parent: int) -> None:
    """In a child: the system ends it when the build's process ends (stopped or killed), so that no build goes on
    writing to the site folder after it (Linux; elsewhere the child finishes its build and exits)."""
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL))
    if os.getppid() != parent:  # it ended before that
        os._exit(1)


def _quiet_inner_build() -> I18nLoggingFilter:
    """The i18n plugin's filter for its inner builds: no second "Documentation built in …" line (nor "Cleaning
    site directory": the default language's build has cleaned it)."""
    quiet = I18nLoggingFilter()
    quiet.filtered_prefixes.update({"Documentation built in", "Building documentation to directory", "Cleaning site"})
    return quiet


def _flush() -> None:
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
