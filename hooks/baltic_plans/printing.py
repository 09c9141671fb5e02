"""Each plan's full report as a PDF per language: the report page's own Markdown made into one HTML document and
typeset by WeasyPrint. PDFs are cached on disk by a hash of their input, so only a changed plan costs a render."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import markdown
import weasyprint

from . import links as pages
from . import slots
from .render import Page, environment
from .report import full_report

STYLESHEET = "pdf.css"
published: dict[str, dict[str, tuple[str, int]]] = {}  # language → plan id → the PDF's site path and size


@dataclass(frozen=True)
class Pdf:
    plan_id: str
    lang: str
    content: bytes

    @property
    def path(self) -> str:
        return pages.plan_pdf(self.plan_id, self.lang)


def report_pdf(page: Page, base_url: str | None) -> Pdf:
    """The PDF of the report page `page` (docs/<plan-id>/report.md); links resolve against `base_url`."""
    html = document(page)
    return Pdf(page.own_plan(), page.lang, cached(html, base_url, lambda: typeset(html, base_url)))


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
    return weasyprint.HTML(string=html, base_url=base_url).write_pdf()


def cached(html: str, base_url: str | None, make) -> bytes:
    """The PDF made from this input before (by this WeasyPrint), or a new one, kept for next time."""
    key = hashlib.sha256(f"{weasyprint.__version__}\0{base_url}\0{html}".encode()).hexdigest()
    path = cache_dir() / f"{key}.pdf"
    if path.is_file():
        return path.read_bytes()
    content = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")  # parallel builds never read half a file
    temporary.write_bytes(content)
    temporary.replace(path)
    return content


def cache_dir() -> Path:
    """BALTIC_PLANS_CACHE, else the user's cache folder: outside site/, shared by every checkout and test build."""
    configured = os.environ.get("BALTIC_PLANS_CACHE")
    if configured:
        return Path(configured) / "pdf"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "baltic-plans" / "pdf"
