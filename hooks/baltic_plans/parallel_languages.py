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
from typing import ClassVar

from click import ClickException
from mkdocs import utils
from mkdocs.exceptions import BuildError, PluginError
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs_static_i18n.utils import I18nLoggingFilter

log = logging.getLogger("mkdocs.plugins.baltic_plans")

FORKING_COMMANDS = ("build", "gh-deploy")
SITEMAP = "sitemap.xml"


class _State:
    command: str | None = None
    dirty = False
    children: ClassVar[dict[str, int]] = {}  # language → process id of the child building it (in the parent)
    child_language: str | None = None  # the language this process builds (in a child)
    child_built = False  # the child's build reached its end (on_post_build)
    child_failed = False


def started(command: str, dirty: bool) -> None:
    _State.command = command
    _State.dirty = dirty


def fork_other_languages(config) -> None:
    """In the default language's on_config, once the data is checked: fork a child for the other language (this
    site has two). The child goes on with the same build as that language, as the i18n plugin's inner build would;
    this process goes on with the default language."""
    i18n = config.plugins.get("i18n")
    if not _may_fork() or i18n is None or i18n.building or i18n.current_language not in (None, i18n.default_language):
        return
    others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
    if len(others) != 1:  # with more, each one's sitemap would lack the others: the plugin's own order then
        return
    (lang,) = others
    if not _State.dirty:
        utils.clean_directory(config.site_dir)  # once, before either process writes into it
    utils.clean_directory = lambda folder: folder  # as the i18n plugin does: the folder holds every language
    _flush()
    gc.freeze()  # Python's advice before a fork: the collector then leaves the shared pages alone
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        _end_with(parent)
        _State.children = {}
        _State.child_language = lang
        i18n.current_language = lang  # its on_config, next, configures this build for `lang`
        i18n.building = True  # as in the plugin's loop: this build's own on_post_build builds nothing more
        logging.getLogger("mkdocs.commands.build").addFilter(_quiet_inner_build())
        return
    _State.children[lang] = pid
    log.debug(f"The '{lang}' site builds in process {pid}, beside this one")


def sort_default_language_files(files: Files, config) -> None:
    """In a child, just before the i18n plugin sorts the files for its language: sort them for the default
    language too, as the plugin does in the default language's build. The sitemap, which this child writes,
    lists every language's pages with their URLs (the plugin's template); MkDocs makes those pages' URLs as it
    makes a page outside the navigation."""
    if _State.child_language is None:
        return
    i18n = config.plugins["i18n"]
    i18n.current_language = i18n.default_language
    try:
        pages = i18n.reconfigure_files(files, config).documentation_pages()
    finally:
        i18n.current_language = _State.child_language
    for file in pages:
        Page(None, file, config)
    i18n.i18n_files_per_language[i18n.default_language] = pages


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


def fewer_collections() -> None:
    """For `mkdocs build`: Python's cyclic garbage collector runs after every 50,000 new container objects rather
    than 700, as mypy tunes it for its builds (200,000). A build makes many short-lived objects (Jinja's and
    Markdown's) that reference counting frees, and few cycles; the collector's passes over them took 0.07 s of
    each language's process with the real data, and 0.015 s after."""
    if _State.command in FORKING_COMMANDS:
        gc.set_threshold(50_000, *gc.get_threshold()[1:])


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


def child_built() -> None:
    """In a child's on_post_build: its pages are written (a later failure still fails it, in on_build_error)."""
    _State.child_built = True


def child_failed(error: BaseException) -> None:
    """In a child whose build failed: say why, unless MkDocs says it next (a BuildError); it exits with 1."""
    if _State.child_language is None:
        return
    _State.child_failed = True
    if not isinstance(error, BuildError):
        message = getattr(error, "message", None) or str(error) or type(error).__name__
        log.error(f"{_State.child_language}: {message}", exc_info=not isinstance(error, ClickException))


def end_child() -> None:
    """In a child, when MkDocs shuts its build down: exit, with 0 if it built, without the parent's exit
    handlers and before `mkdocs gh-deploy` would deploy."""
    if _State.child_language is None:
        return
    _flush()
    os._exit(0 if _State.child_built and not _State.child_failed else 1)


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
