"""Build the second language while the default one builds, in a forked process, so a build uses two cores.

The i18n plugin builds the other language after the default one has finished, in the same process: it calls
MkDocs' `build()` again from its on_post_build. Here that build runs instead in a child process, forked once the
default language's build has cleaned the site folder and sorted its files. The child starts from the state the
serial build would have (the data checked and loaded once, the configuration), builds its language into en/, and
exits; the default language's build waits for it before it finishes, and fails if the child failed.

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
from typing import ClassVar

from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs_static_i18n.utils import I18nLoggingFilter

log = logging.getLogger("mkdocs.plugins.baltic_plans")

FORKING_COMMANDS = ("build", "gh-deploy")
SITEMAP = "sitemap.xml"


class _State:
    command: str | None = None
    children: ClassVar[dict[str, int]] = {}  # language → process id of the child building it (in the parent)
    child_language: str | None = None  # the language this process builds (in a child)


def started(command: str) -> None:
    _State.command = command


def fork_other_languages(config) -> None:
    """In the default language's on_files, once the i18n plugin has sorted them: fork a child for the other
    language (this site has two), which builds it and exits."""
    i18n = config.plugins.get("i18n")
    if not _may_fork() or i18n is None or i18n.building or not i18n.is_default_language_build:
        return
    others = [lang for lang in i18n.build_languages if lang != i18n.current_language]
    if len(others) != 1:  # with more, each one's sitemap would lack the others: the plugin's own order then
        return
    (lang,) = others
    _flush()
    gc.freeze()  # Python's advice before a fork: the collector then leaves the shared pages alone
    pid = os.fork()
    if pid == 0:
        _build_and_exit(config, i18n, lang)
    _State.children[lang] = pid
    log.debug(f"The '{lang}' site builds in process {pid}, beside this one")


def leave_shared_files(files: Files) -> Files:
    """In a child: the files outside its language's folder (the theme's assets, the source texts) are the
    default language's build's to write; they stay in `files`, so links to them resolve."""
    lang = _State.child_language
    if lang is None:
        return files
    for file in files:
        if not file.is_documentation_page() and not file.dest_uri.startswith(f"{lang}/"):
            file.inclusion = InclusionLevel.EXCLUDED
    return files


def written_by_last_language(output: str, template_name: str) -> str:
    """The sitemap lists every language's pages; while children build, the last language's build writes it."""
    if template_name == SITEMAP and _State.children:
        return ""  # MkDocs writes no file for an empty output
    return output


def wait_for_other_languages(config) -> None:
    """In the default language's on_post_build, before the search plugin writes its index (as the child does):
    wait for the children, fail if any failed, and tell the i18n plugin its other languages are built."""
    if not _State.children:
        return
    failed = [lang for lang, pid in _State.children.items() if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])]
    _State.children.clear()
    if failed:
        raise PluginError(f"the build of the {', '.join(failed)} site failed; its messages are above")
    config.plugins["i18n"].building = True  # its on_post_build then builds nothing; `mkdocs build` ends after it


def no_collection_at_exit() -> None:
    """At the end of `mkdocs build`: Python's last garbage collection, before the process ends, walks every object
    the build made (0.2 s with the real data); the system frees the process's memory at once."""
    if _State.command in FORKING_COMMANDS:
        gc.freeze()


def stop_other_languages() -> None:
    """The default language's build failed: stop the children, so that no process writes to the site folder after
    `mkdocs build` has returned."""
    for lang, pid in _State.children.items():
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        log.debug(f"Stopped the '{lang}' site's build (process {pid})")
    _State.children.clear()


def _may_fork() -> bool:
    serial = os.environ.get("BALTIC_PLANS_SERIAL_BUILD", "") not in ("", "0")
    return _State.command in FORKING_COMMANDS and hasattr(os, "fork") and not serial


def _build_and_exit(config, i18n, lang: str) -> None:
    """In the child: what the i18n plugin's on_post_build does for one language, then exit, with 0 if it built."""
    status = 1
    _State.children = {}
    _State.child_language = lang
    try:
        _pages_for_sitemap(i18n.i18n_files_per_language, config)
        i18n.building = True  # as in the plugin's loop: this build's own on_post_build builds nothing more
        i18n.current_language = lang
        utils.clean_directory = lambda folder: folder  # as in the plugin: the site folder holds every language
        logging.getLogger("mkdocs.commands.build").addFilter(_quiet_inner_build())
        build(config, dirty="--dirty" in sys.argv)
        status = 0
    except SystemExit as exit:
        status = exit.code if isinstance(exit.code, int) else 1
    except BaseException as error:  # any failure, told to the parent by the exit status
        log.error(f"{lang}: {getattr(error, 'message', None) or error or type(error).__name__}")
    finally:
        _flush()
        os._exit(status)  # not the parent's exit handlers


def _pages_for_sitemap(files_per_language: dict, config) -> None:
    """The sitemap lists every language's pages with their URLs (the i18n plugin's template); the serial build
    has made the default language's pages by then. Made here as MkDocs makes a page outside the navigation."""
    for files in files_per_language.values():
        for file in files:
            if file.page is None:
                Page(None, file, config)


def _quiet_inner_build() -> I18nLoggingFilter:
    """The i18n plugin's filter for its inner builds: no second "Documentation built in …" line."""
    quiet = I18nLoggingFilter()
    quiet.filtered_prefixes.update({"Documentation built in", "Building documentation to directory"})
    return quiet


def _flush() -> None:
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
