"""Each plan's full report as a PDF per language: the report page's own Markdown made into one HTML document and
typeset by WeasyPrint. PDFs are cached on disk by a hash of their input, so only a changed plan costs a render."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

import markdown

from . import addresses
from .build_cache import cache_root
from .render import Page, environment
from .report import full_report
from .slots import Slots

if TYPE_CHECKING:  # the processes are started where a PDF is typeset: a cached build never needs them
    import subprocess

STYLESHEET = "pdf.css"


@dataclass(frozen=True)
class Pdf:
    plan_id: str
    lang: str
    content: bytes

    @property
    def path(self) -> str:
        return addresses.plan_pdf(self.plan_id, self.lang)


def report_pdf(page: Page, base_url: str | None) -> Pdf:
    """The PDF of the report page `page` (docs/<plan-id>/report.md); links resolve against `base_url`."""
    return report_pdfs([(page, base_url)])[0]


def report_pdfs(reports: list[tuple[Page, str | None]]) -> list[Pdf]:
    """The PDFs of several report pages, as `mkdocs build` makes them (Printer)."""
    return Printer(wait=True).report_pdfs(reports)


class Printer:
    """Makes the plans' PDFs for the builds of one process (the plugin keeps one).

    Those missing from the cache are typeset side by side, one per core, so a cold build (a fresh machine) waits
    for the longest report rather than for all of them in turn. With wait=False (mkdocs serve) a changed report
    is typeset in another process while the build goes on, and the plan's previous PDF stands in until a later
    rebuild finds the new one in the cache."""

    def __init__(self, wait: bool) -> None:
        self.wait = wait
        self._latest: dict[tuple[str, str], bytes] = {}  # (plan id, language) → the PDF the last build published
        self._typesetter = _Typesetter()

    def report_pdfs(self, reports: list[tuple[Page, str | None]]) -> list[Pdf]:
        documents = [(page, base_url, document(page)) for page, base_url in reports]
        if self.wait:
            typeset_missing([(html, base_url) for _, base_url, html in documents])
        return [self._report_pdf(page, base_url, html) for page, base_url, html in documents]

    def _report_pdf(self, page: Page, base_url: str | None, html: str) -> Pdf:
        key = (page.own_plan(), page.lang)
        path = cache_path(html, base_url)
        if path.is_file():
            content = path.read_bytes()
        elif self.wait or key not in self._latest:
            content = typeset(html, base_url)
            keep(path, content)
        else:  # mkdocs serve: typeset into the cache, in the background; a later rebuild finds the PDF there
            self._typesetter.send(html, base_url, path, f"{key[0]}-{key[1]}.pdf")
            content = self._latest[key]
        self._latest[key] = content
        return Pdf(*key, content)

    def stop(self) -> None:
        """When serve stops: the background worker stops too, mid-document if need be."""
        self._typesetter.stop()


def typeset_missing(documents: list[tuple[str, str | None]]) -> None:
    """Typeset into the cache, in worker processes, every document that is not there yet (one is left to the
    caller: a worker would not be faster)."""
    missing = {cache_path(html, base_url): (html, base_url) for html, base_url in documents}
    missing = {path: document for path, document in missing.items() if not path.is_file()}
    if len(missing) < 2:
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import weasyprint  # noqa: F401  imported once, before the workers are forked from this process

    longest_first = sorted(missing.items(), key=lambda item: -len(item[1][0]))
    workers = min(len(missing), os.cpu_count() or 1)
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=fork, initializer=_end_with_parent) as pool:
        for typeset_one in [pool.submit(_typeset_into, html, base, path) for path, (html, base) in longest_first]:
            typeset_one.result()  # a failure stops the build, as it would have in this process


def document(page: Page) -> str:
    """The report as one HTML document in the page's language, its stylesheet inline."""
    plan = page.site.plan(page.own_plan())
    held = Slots()
    body = held.fill(markdown.markdown(held.hold(full_report(page)), extensions=["attr_list", "tables"]))
    return (
        environment()
        .get_template("pdf_document.html")
        .render(lang=page.lang, title=plan.title(page.lang), body=body, stylesheet=stylesheet())
    )


@cache
def stylesheet() -> str:
    return resources.files(__package__).joinpath(STYLESHEET).read_text("utf-8")


def typeset(html: str, base_url: str | None) -> bytes:
    import weasyprint  # here, not at the top: its import alone takes a second, and a cached build never needs it

    return weasyprint.HTML(string=html, base_url=base_url).write_pdf(**PDF_OPTIONS)


# A tagged PDF (PDF/UA-1): headings, lists and tables as structure, the document's language and title set, so
# that a screen reader gets the report as it gets the web page.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def cache_path(html: str, base_url: str | None) -> Path:
    """Where the PDF made from this input (by this WeasyPrint, with these options) is kept."""
    made_by = f"{metadata.version('weasyprint')}\0{sorted(PDF_OPTIONS.items())}"
    key = hashlib.sha256(f"{made_by}\0{base_url}\0{html}".encode()).hexdigest()
    return cache_dir() / f"{key}.pdf"


def keep(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")  # parallel builds never read half a file
    temporary.write_bytes(content)
    temporary.replace(path)


def _typeset_into(html: str, base_url: str | None, path: Path) -> None:
    keep(path, typeset(html, base_url))


def _end_with_parent() -> None:
    """In a worker of the build's pool: exit as soon as the build's process ends (stopped, killed or failed), rather
    than wait for jobs for ever (a forked worker holds its job queue's pipe open itself)."""
    import multiprocessing
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def exit_when_parent_ends() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=exit_when_parent_ends, daemon=True).start()


# -- mkdocs serve: a changed report is typeset in the background ----------------------------------------------------

TYPESETTER = "baltic-plans-typesetter"  # its name in `ps`


class _Typesetter:
    """One worker process, started for the first changed report, typesets the documents sent to it one after the
    other (on the other core: a rebuild stays as fast as before).

    It is a new interpreter, not a fork of serve: it holds neither serve's listening socket nor its other files, and,
    in a session of its own, the terminal's Ctrl+C does not reach it (serve stops it). Each job is a file in the cache
    folder, named on a line of the worker's input; at the end of that input (serve stopped or died) it exits at once,
    even mid-document, so it never outlives serve."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.sent: set[Path] = set()

    def send(self, html: str, base_url: str | None, path: Path, name: str) -> None:
        if self.process is None or self.process.poll() is not None:
            self.process, self.sent = self._start(), set()
        if path in self.sent:
            return
        job = path.with_suffix(f".{os.getpid()}.job")
        keep(job, json.dumps({"html": html, "base_url": base_url, "pdf": str(path), "name": name}).encode())
        assert self.process.stdin is not None  # started with stdin=PIPE
        try:
            self.process.stdin.write(f"{job}\n")
            self.process.stdin.flush()
        except OSError:  # it has just died: the next rebuild starts another
            job.unlink(missing_ok=True)
            return
        self.sent.add(path)

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        assert process.stdin is not None  # started with stdin=PIPE
        with suppress(OSError):
            process.stdin.close()  # it exits at the end of its input
        try:
            process.wait(timeout=5)
        except BaseException as stuck:  # or a second Ctrl+C: it goes now
            process.kill()
            process.wait()
            if isinstance(stuck, KeyboardInterrupt):
                raise
        for job in cache_dir().glob(f"*.{os.getpid()}.job"):  # sent, not yet read
            job.unlink(missing_ok=True)

    @staticmethod
    def _start() -> subprocess.Popen:
        import subprocess

        hooks = str(Path(__file__).resolve().parent.parent)  # this package's code, as serve imported it
        search_path = os.pathsep.join(filter(None, [hooks, os.environ.get("PYTHONPATH")]))
        return subprocess.Popen(
            [sys.executable, "-c", f"from {__name__} import typeset_jobs; typeset_jobs()", TYPESETTER],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, start_new_session=True,
            env={**os.environ, "PYTHONPATH": search_path},
        )  # fmt: skip


def typeset_jobs() -> None:
    """The background worker's loop (_Typesetter): typeset each job named on its input, until that input ends."""
    import queue
    import threading

    jobs: queue.SimpleQueue[Path] = queue.SimpleQueue()

    def read() -> None:
        for line in sys.stdin:
            jobs.put(Path(line.rstrip("\n")))
        os._exit(0)

    threading.Thread(target=read, daemon=True).start()
    while True:
        job_file = jobs.get()
        job = json.loads(job_file.read_text("utf-8"))
        job_file.unlink()
        try:
            _typeset_into(job["html"], job["base_url"], Path(job["pdf"]))
        except Exception as error:  # said; the next job goes on, and the site keeps the plan's previous PDF
            print(f"{job['name']} could not be typeset: {type(error).__name__}: {error}", file=sys.stderr, flush=True)


def cache_dir() -> Path:
    return cache_root() / "pdf"
