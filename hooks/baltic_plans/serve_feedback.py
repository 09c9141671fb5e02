"""`mkdocs serve` as an editor sees it: a rebuild that fails shows its errors on every page in the browser until a
rebuild succeeds, each rebuild says what it did in a line, and SIGTERM stops serve as Ctrl+C does.

MkDocs 1.6's server (mkdocs/livereload/__init__.py, LiveReloadServer._build_loop) calls `server.builder()` for each
rebuild. When that raises, it prints the traceback and serves nothing until a rebuild succeeds: _serve_request holds
every request until the site it serves is the one that last started building, so the browser hangs on the old page.
Here `server.builder` (set from the server's constructor; mkdocs/commands/serve.py passes it to on_serve) is wrapped:
a failed rebuild writes an error page over every page of the served folder (serve's temporary site_dir) and returns,
so the server lets the requests through and reloads the open pages, which show the errors; the next good rebuild
writes the site again. A page the folder lacks gets the error page from `server.error_handler` (MkDocs' own hook for
404 pages). tests/test_serve.py pins this to the installed MkDocs: check it again when upgrading.

The output of serve leaves out the INFO lines each build repeats (MkDocs', the i18n and macros plugins'; --verbose
shows them all): a rebuild prints "Rebuilt in 9.1 s: data/plans/x.yml", or the errors; a message of this project's
hooks (a data warning, the placeholder addresses) is shown the first time it comes.
"""

from __future__ import annotations

import html
import logging
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path

from click import ClickException
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer

from . import i18n_adapter
from .errors import shown_path

log = logging.getLogger("mkdocs.plugins.baltic_plans.serve")

PROJECT_LOGGER = "mkdocs.plugins.baltic_plans"
CHANGED_FILES_SHOWN = 3
CAUSE_LOGGED = "Aborted with a BuildError!"  # mkdocs.commands.build: it has logged the error itself


class ServeFeedback:
    """The feedback of one `mkdocs serve` (the plugin keeps one): quiet output, the rebuilds it has done, and the
    error page while the last rebuild has failed."""

    def __init__(self) -> None:
        self.serving = False
        self.started = 0.0  # time.monotonic() at on_startup
        self.last_build = 0.0  # time.time() when the last build started: files changed since are the next one's cause
        self.rebuilds = 0
        self.quiet: _QuietOutput | None = None
        self.error_page: bytes | None = None  # while the last rebuild has failed
        self.overwritten: list[Path] = []  # the pages the error page was written over

    def start(self, command: str) -> None:
        """on_startup of `mkdocs serve`: quiet output, and SIGTERM (a killed serve) stops serve as Ctrl+C does
        (MkDocs then shuts the server down and runs on_shutdown, which stops the processes serve started)."""
        if command != "serve":
            return
        self.serving = True
        self.started = time.monotonic()
        self.last_build = time.time()
        mkdocs_logger = logging.getLogger("mkdocs")
        if mkdocs_logger.getEffectiveLevel() > logging.DEBUG:  # --verbose shows everything
            self.quiet = _QuietOutput(self)
            for handler in mkdocs_logger.handlers:
                handler.addFilter(self.quiet)
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _interrupt)

    def serve(self, server: LiveReloadServer, config: MkDocsConfig) -> LiveReloadServer:
        """on_serve, after the first build: rebuilds that fail show their errors in the browser, and say what they
        did."""
        if not self.serving:
            return server
        log.info(f"Built in {time.monotonic() - self.started:.1f} s")
        site = Path(config.site_dir)
        watched = [config.docs_dir, config.config_file_path, *config.watch]
        server.builder = self._showing_errors(server.builder, site, [Path(path) for path in watched if path])
        own_error_page = server.error_handler
        server.error_handler = lambda code: self.error_page or own_error_page(code)
        return server

    def stop(self) -> None:
        """on_shutdown: MkDocs' output as it was (serve is ending)."""
        if self.quiet is not None:
            for handler in logging.getLogger("mkdocs").handlers:
                handler.removeFilter(self.quiet)
            self.quiet = None

    def _showing_errors(self, build: Callable[[], None], site: Path, watched: list[Path]) -> Callable[[], None]:
        def rebuild() -> None:
            start = time.monotonic()
            changed = _changed_since(self.last_build, watched)
            self.last_build = time.time()
            self.rebuilds += 1
            logged = _Messages()
            logging.getLogger("mkdocs").addHandler(logged)
            try:
                with i18n_adapter.site_folder_cleaned_after_failure():
                    build()
            except (Exception, SystemExit) as error:  # not KeyboardInterrupt: Ctrl+C stops serve
                self._show_errors(site, [*logged.messages, *_unlogged(error)])
                log.error(f"Rebuild failed in {time.monotonic() - start:.1f} s: the pages show the errors until fixed")
                return
            finally:
                logging.getLogger("mkdocs").removeHandler(logged)
            self._clear_errors()
            log.info(f"Rebuilt in {time.monotonic() - start:.1f} s{_listed(changed)}")

        return rebuild

    def _show_errors(self, site: Path, messages: list[str]) -> None:
        """Every page of the served site becomes the error page (the server adds its live-reload script to each)."""
        page = error_page(messages or ["The build failed; the terminal running mkdocs serve says why."])
        self.error_page = page
        for path in site.rglob("*.html"):
            path.write_bytes(page)
            self.overwritten.append(path)

    def _clear_errors(self) -> None:
        """After a good rebuild: an error page the build has not written over (a page no longer made) goes."""
        if self.error_page is not None:
            for path in self.overwritten:
                if (
                    path.is_file()
                    and path.stat().st_size == len(self.error_page)
                    and path.read_bytes() == self.error_page
                ):
                    path.unlink()
        self.error_page = None
        self.overwritten = []


def _interrupt(signum, frame):
    raise KeyboardInterrupt  # mkdocs.commands.serve stops on it; click says "Aborted!" if it comes mid-first-build


def _unlogged(error: BaseException) -> list[str]:
    """The messages of a failed build that MkDocs has not logged (logged now, once, in the terminal too)."""
    if isinstance(error, Abort) and error.format_message() == CAUSE_LOGGED:
        return []
    if isinstance(error, ClickException):
        message = error.format_message()
    elif isinstance(error, SystemExit):
        message = str(error)
    else:  # a fault in the code, not in the data: where it happened
        message = "".join(traceback.format_exception(error)).rstrip()
    log.error(message)
    return [message]


class _Messages(logging.Handler):
    """The warnings and errors logged during a build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def error_page(messages: Iterable[str]) -> bytes:
    """A page in both languages listing the messages (file:line: … as the data check words them)."""
    listed = "\n".join(f"<pre>{html.escape(message)}</pre>" for message in messages)
    return f"""<!doctype html>
<html lang="lv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vietni neizdevās pārbūvēt · The site could not be rebuilt</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }}
h1 {{ font-size: 1.4rem; margin-bottom: 0; }}
p {{ margin-top: .25rem; }}
pre {{ background: #fdecea; border-left: .3rem solid #c62828; padding: .75rem 1rem; white-space: pre-wrap; }}
</style>
</head>
<body id="bp-serve-error">
<h1>Vietni neizdevās pārbūvēt</h1>
<p>Izlabojiet šīs kļūdas un saglabājiet failu: lapa atjaunosies pati.</p>
<div lang="en">
<h1>The site could not be rebuilt</h1>
<p>Fix these errors and save the file: this page reloads by itself.</p>
</div>
{listed}
</body>
</html>
""".encode()


def _changed_since(moment: float, watched: list[Path]) -> list[str]:
    """The watched files modified since `moment` (what a rebuild is for)."""
    changed = []
    for path in watched:
        files = [path] if path.is_file() else (Path(d) / f for d, _, names in os.walk(path) for f in names)
        for file in files:
            if file.suffix == ".pyc":
                continue
            try:
                if file.stat().st_mtime > moment:
                    changed.append(shown_path(file))
            except OSError:  # removed since
                continue
    return sorted(changed)


def _listed(changed: list[str]) -> str:
    if not changed:
        return ""
    more = len(changed) - CHANGED_FILES_SHOWN
    return ": " + ", ".join(changed[:CHANGED_FILES_SHOWN]) + (f" and {more} more" if more > 0 else "")


class _QuietOutput(logging.Filter):
    """On the handler of MkDocs' output during serve: warnings and errors, and of the INFO lines only those that
    do not repeat at each build."""

    def __init__(self, feedback: ServeFeedback) -> None:
        super().__init__()
        self.feedback = feedback
        self.shown: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.INFO or record.name == log.name:
            return True
        message = record.getMessage()
        if record.name == PROJECT_LOGGER or record.name.startswith(PROJECT_LOGGER + "."):
            new = message not in self.shown  # a data warning or the placeholder addresses: once each
            self.shown.add(message)
            return new
        if record.name == "mkdocs.livereload":  # not "Detected file changes", "Reloading browsers" nor each browser
            return "Serving on" in message or "Watching paths" in message
        if record.name == "mkdocs.commands.serve":
            return "Shutting down" in message or ("Building documentation" in message and not self.feedback.rebuilds)
        return False
