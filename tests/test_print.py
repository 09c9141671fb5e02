"""On paper: each plan's full report page mirrors the source's layout, each plan has a PDF per language with
selectable text in that language, and Print on any page gives the content alone."""

from __future__ import annotations

import multiprocessing
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from test_build import LANGUAGES, page, parse

from baltic_plans import printing
from baltic_plans.model import Site
from conftest import ROOT, serve

LATVIAN_LETTERS = "āēīūšžķļņčģ"


def pdf_file(site: Path, plan_id: str, lang: str) -> Path:
    return site / LANGUAGES[lang] / plan_id / f"{plan_id}-{lang}.pdf"


# -- the full report page ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_full_report_is_area_then_goal_then_task_accomplished_planned(built_site: Path, real_site: Site, lang: str):
    plan = real_site.plan("cbss-2008")
    html = page(built_site, f"{LANGUAGES[lang]}{plan.id}/report")
    assert re.search(r"<h1[^>]*>" + re.escape(plan.title(lang)[:40]), html)
    positions = [html.index(f'<h2 id="{area.id}"') for area in plan.areas]
    assert positions == sorted(positions)  # the areas in the source's order
    for area, start, end in zip(plan.areas, positions, [*positions[1:], len(html)], strict=True):
        section = html[start:end]
        if area.goal:
            assert section.index('class="bp-goal"') < section.index("<table")  # the goal, then the table
        header = re.search(r"<thead>(.*?)</thead>", section, re.S).group(1)
        assert re.findall(r"<th[^>]*>([^<]+)</th>", header)[-2:] == {
            "lv": ["Uzdevumi", "Paveiktais / ieplānotais"], "en": ["Tasks", "Accomplished / planned"]
        }[lang]  # fmt: skip
        assert {t.id for t in area.tasks} <= parse(section).ids


def test_every_plan_page_links_its_full_report_and_its_pdf_with_the_size(built_site: Path, real_site: Site):
    for lang, prefix in LANGUAGES.items():
        for plan in real_site.plans:
            html = page(built_site, f"{prefix}{plan.id}")
            assert 'href="report/"' in html
            size = pdf_file(built_site, plan.id, lang).stat().st_size
            link = re.search(rf'<a href="{plan.id}-{lang}.pdf" download="{plan.id}-{lang}.pdf">(.*?)</a>', html).group(
                1
            )
            assert f"({size / 1000:.1f}".replace(".", "," if lang == "lv" else ".") in link


# -- the PDFs ------------------------------------------------------------------------------------------


def pdf_text(path: Path, *pages: str) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_plan_has_a_pdf_per_language_whose_first_page_renders(
    built_site: Path, real_site: Site, lang: str, tmp_path
):
    for plan in real_site.plans:
        pdf = pdf_file(built_site, plan.id, lang)
        assert pdf.read_bytes().startswith(b"%PDF-")
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / plan.id)], check=True
        )
        (png,) = tmp_path.glob(f"{plan.id}*.png")
        assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 5_000  # a page with text on it
        first = pdf_text(pdf, "-f", "1", "-l", "1")
        assert " ".join(plan.title(lang).split()[:4]) in " ".join(first.split())


def test_the_latvian_pdf_keeps_every_latvian_letter_as_text(built_site: Path, real_site: Site):
    text = pdf_text(pdf_file(built_site, "cbss-2008", "lv"))
    assert set(LATVIAN_LETTERS) <= set(text)
    words = " ".join(text.split())
    assert "Paveiktais / ieplānotais" in text and all(a.title("lv") in words for a in real_site.plan("cbss-2008").areas)
    assert "Accomplished" not in text


def test_the_english_pdf_is_in_english(built_site: Path):
    text = pdf_text(pdf_file(built_site, "cbss-2008", "en"))
    assert "Accomplished / planned" in text and "Paveiktais" not in text


def test_every_pdf_page_is_numbered_in_its_footer(built_site: Path):
    pdf = pdf_file(built_site, "cbss-2008", "lv")
    pages = int(
        re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout)[1]
    )
    assert pages > 1
    for number in (1, pages):
        assert f"{number} / {pages}" in pdf_text(pdf, "-f", str(number), "-l", str(number))


def pdf_objects(path: Path) -> bytes:
    """The PDF's bytes with its compressed streams (and object streams) inflated."""
    raw = path.read_bytes()
    streams = re.findall(rb"stream\r?\n(.*?)endstream", raw, re.S)
    return raw + b"".join(zlib.decompress(s) for s in streams if s[:1] == b"x")


def test_a_pdf_states_its_language_and_links_to_the_published_site(built_site: Path):
    raw = pdf_objects(pdf_file(built_site, "cbss-2008", "lv"))
    assert b"/Lang (lv)" in raw
    assert b"https://example.github.io/baltic-plans/cbss-2008/" in raw  # relative links made absolute


def test_an_unchanged_report_is_not_typeset_again(real_site: Site, monkeypatch, tmp_path):
    from baltic_plans.render import Page

    monkeypatch.setenv("BALTIC_PLANS_CACHE", str(tmp_path))
    report = Page(real_site, "en", "en/baltmet-2011/report/", path="baltmet-2011/report.md")
    first = printing.report_pdf(report, None)
    monkeypatch.setattr(printing, "typeset", lambda html, base: pytest.fail("typeset again"))
    assert printing.report_pdf(report, None).content == first.content
    assert len(list((tmp_path / "pdf").glob("*.pdf"))) == 1


def test_the_pdf_and_the_report_page_render_the_plans_body_once_per_build(real_site: Site, monkeypatch):
    from dataclasses import replace

    from baltic_plans import report
    from baltic_plans.render import Page

    rendered: list[str] = []
    render_area = report.report_area
    monkeypatch.setattr(
        report, "report_area", lambda page, plan, area: rendered.append(area.id) or render_area(page, plan, area)
    )
    plan = real_site.plan("cbss-2008")
    shared: dict = {}  # what one build's pages of a language render alike
    pdf_page = Page(real_site, "lv", "cbss-2008/report/", path="cbss-2008/report.md", shared=shared)
    shown = Page(
        real_site, "lv", "cbss-2008/report/", path="cbss-2008/report.md", pdfs={plan.id: ("x/x-lv.pdf", 2048)},
        shared=shared,
    )  # fmt: skip

    printing.document(pdf_page)
    page_markdown = report.full_report(shown)

    assert rendered == [area.id for area in plan.areas]
    assert "x-lv.pdf" in page_markdown  # the page's own introduction, with its PDF
    report.full_report(replace(shown, shared={}))  # another build (mkdocs serve)
    assert rendered == [area.id for area in plan.areas] * 2


def test_with_every_pdf_in_the_cache_neither_weasyprint_nor_a_process_pool_is_imported(tmp_path):
    """Their imports alone would cost every build time, and a cached build typesets nothing."""
    script = """
import sys
from pathlib import Path
from baltic_plans import load, plugin, printing  # noqa: F401  the plugin's imports too
from baltic_plans.render import Page
site = load.load_site(Path(sys.argv[1]))
pages = [Page(site, lang, p.id + "/report/", path=p.id + "/report.md") for p in site.plans for lang in ("lv", "en")]
reports = [(page, None) for page in pages]
for page, base in reports:
    printing.keep(printing.cache_path(printing.document(page), base), b"%PDF- cached")
assert all(pdf.content == b"%PDF- cached" for pdf in printing.report_pdfs(reports))
print(sorted(m for m in ("weasyprint", "multiprocessing", "concurrent.futures.process") if m in sys.modules))
"""
    environment = {**os.environ, "BALTIC_PLANS_CACHE": str(tmp_path), "PYTHONPATH": str(ROOT / "hooks")}
    run = subprocess.run(
        [sys.executable, "-c", script, str(ROOT / "data")], capture_output=True, text=True, env=environment
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


# -- print on any page ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["cbss-2008/education/", "en/open-data/"])
def test_printing_a_page_leaves_the_content_alone_and_shows_where_external_links_lead(
    built_site: Path, browser, url: str
):
    with serve(built_site) as base:
        tab = browser.new_page()
        tab.goto(base + url)
        tab.emulate_media(media="print")
        for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".bp-edit"):
            assert not tab.locator(chrome).first.is_visible(), chrome
        assert tab.locator("article h1").is_visible()
        shown_after = tab.evaluate(
            """() => [...document.querySelectorAll('article a[href^="http"]')]
                     .map(a => getComputedStyle(a, '::after').content)"""
        )
        assert shown_after and all("http" in content for content in shown_after)
        rows = tab.evaluate("getComputedStyle(document.querySelector('article tr')).breakInside")
        assert rows == "avoid"
        tab.close()


def test_reports_missing_from_the_cache_are_typeset_side_by_side_in_worker_processes(
    real_site: Site, monkeypatch, tmp_path
):
    from baltic_plans.render import Page

    monkeypatch.setenv("BALTIC_PLANS_CACHE", str(tmp_path))

    # Each report waits until the other is being typeset too: they are typeset at the same time or not at all (a
    # broken barrier fails the test), and no worker can take both.
    together = multiprocessing.get_context("fork").Barrier(min(2, os.cpu_count() or 1))

    def typeset(html: str, base_url: str | None) -> bytes:  # the workers are forked: they run this too
        together.wait(timeout=60)
        return f"%PDF- typeset by {os.getpid()}".encode()

    monkeypatch.setattr(printing, "typeset", typeset)
    reports = [(Page(real_site, "lv", f"{p.id}/report/", path=f"{p.id}/report.md"), None) for p in real_site.plans]

    pdfs = printing.report_pdfs(reports)

    typeset_by = {int(pdf.content.rsplit(b" ", 1)[1]) for pdf in pdfs}
    assert os.getpid() not in typeset_by
    assert len(typeset_by) == min(len(reports), os.cpu_count())
    assert [pdf.plan_id for pdf in pdfs] == [p.id for p in real_site.plans]


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_each_pdf_is_tagged_with_its_headings_lists_and_tables_as_structure(built_site: Path, lang: str):
    pdf = pdf_file(built_site, "cbss-2008", lang)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    structure = subprocess.run(["pdfinfo", "-struct", str(pdf)], capture_output=True, text=True, check=True).stdout
    elements = {line.split()[0].rstrip(":") for line in structure.splitlines() if line.strip()}
    assert {"Document", "H1", "H2", "Table", "TR", "TH", "TD", "L", "LI", "P"} <= elements
    assert f"/Lang ({lang})".encode() in pdf_objects(pdf)
