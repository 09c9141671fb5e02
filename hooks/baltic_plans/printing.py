"""Each plan's full report as a PDF per language: the report page's own Markdown made into one HTML document and
typeset by WeasyPrint. PDFs are cached on disk by a hash of their input, so only a changed plan costs a render."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

import markdown

from . import links as pages
from . import slots
from .build_cache import cache_root
from .render import Page, environment
from .report import full_report

if TYPE_CHECKING:  # the process pools are imported where a PDF is typeset: a cached build never needs them
    from concurrent.futures import Future, ProcessPoolExecutor

STYLESHEET = "pdf.css"
published: dict[str, dict[str, tuple[str, int]]] = {}  # language → plan id → the PDF's site path and size
_latest: dict[tuple[str, str], bytes] = {}  # (plan id, language) → the PDF the last build published
_pending: dict[Path, Future] = {}


@dataclass(frozen=True)
class Pdf:
    plan_id: str
    lang: str
    content: bytes

    @property
    def path(self) -> str:
        return pages.plan_pdf(self.plan_id, self.lang)


def report_pdf(page: Page, base_url: str | None, wait: bool = True) -> Pdf:
    """The PDF of the report page `page` (docs/<plan-id>/report.md); links resolve against `base_url`."""
    return report_pdfs([(page, base_url)], wait)[0]


def report_pdfs(reports: list[tuple[Page, str | None]], wait: bool = True) -> list[Pdf]:
    """The PDFs of several report pages. Those missing from the cache are typeset side by side, one per core, so
    a cold build (a fresh machine) waits for the longest report rather than for all of them in turn.

    With wait=False (mkdocs serve) a changed report is typeset in another process while the build goes on, and
    the plan's previous PDF stands in until a later rebuild finds the new one in the cache."""
    documents = [(page, base_url, document(page)) for page, base_url in reports]
    if wait:
        typeset_missing([(html, base_url) for _, base_url, html in documents])
    return [_report_pdf(page, base_url, html, wait) for page, base_url, html in documents]


def _report_pdf(page: Page, base_url: str | None, html: str, wait: bool) -> Pdf:
    key = (page.own_plan(), page.lang)
    path = cache_path(html, base_url)
    if path.is_file():
        content = path.read_bytes()
    elif wait or key not in _latest:
        content = typeset(html, base_url)
        keep(path, content)
    else:
        typeset_later(html, base_url, path)
        content = _latest[key]
    _latest[key] = content
    return Pdf(*key, content)


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
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        for typeset_one in [pool.submit(_typeset_into, html, base, path) for path, (html, base) in longest_first]:
            typeset_one.result()  # a failure stops the build, as it would have in this process


def document(page: Page) -> str:
    """The report as one HTML document in the page's language, its stylesheet inline."""
    plan = page.site.plan(page.own_plan())
    body = slots.fill(markdown.markdown(slots.hold(full_report(page)), extensions=["attr_list", "tables"]))
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

    return weasyprint.HTML(string=html, base_url=base_url).write_pdf()


def cache_path(html: str, base_url: str | None) -> Path:
    """Where the PDF made from this input (by this WeasyPrint) is kept."""
    key = hashlib.sha256(f"{metadata.version('weasyprint')}\0{base_url}\0{html}".encode()).hexdigest()
    return cache_dir() / f"{key}.pdf"


def keep(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")  # parallel builds never read half a file
    temporary.write_bytes(content)
    temporary.replace(path)


def typeset_later(html: str, base_url: str | None, path: Path) -> None:
    if path not in _pending or _pending[path].done():
        _pending[path] = _background().submit(_typeset_into, html, base_url, path)


def _typeset_into(html: str, base_url: str | None, path: Path) -> None:
    keep(path, typeset(html, base_url))


@cache
def _background() -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=1)  # the other core: the rebuild itself stays as fast as before


def cache_dir() -> Path:
    return cache_root() / "pdf"
