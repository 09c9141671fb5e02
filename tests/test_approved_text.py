"""The visible text of one page of each kind in each language, kept as approved text in tests/approved/.

The pages are built from a small scenario site (tests/scenarios/sample-plan/), not from the real data, so an
editor's change to data/ never changes them; a change to the labels, templates or code that changes what a
reader sees shows in review as a diff of tests/approved/*.txt. After reading the diff, accept the new text with
`make approve` (or `APPROVE=1 .venv/bin/python -m pytest tests/test_approved_text.py`).

Each file holds the page's <title>, then the text of its <article>, one line per block (a paragraph, list item,
heading, table row with its cells joined by " | ", term, definition or caption), whitespace collapsed. Scripts,
styles and the drawing inside an <svg> are left out; an <svg role="img">'s own <title> and <desc> are kept (as
"[image] …" and "[image description] …"), since that is what a screen reader says for the chart. The heading
anchors' "¶" is left out too (it only appears on hover). An ordered list's items start with their number, unless
the site's stylesheet hides it (the timeline's lists), as on the source text's lines. A PDF's size is written as
"N kB", since it depends on the fonts of the machine that built it.
"""

from __future__ import annotations

import difflib
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, scenario_project

APPROVED = Path(__file__).parent / "approved"
PLAN = "sample-2030"
SOURCE_DATE_EPOCH = "1900000000"  # 2030-03-17: the build's date on the pages, the same in every build
HINT = (
    "the text of {name} changed; read the diff above, and if it is right accept it with `make approve` "
    "(or `APPROVE=1 .venv/bin/python -m pytest tests/test_approved_text.py`)"
)

# kind → the page's path in the site, from the language's root
PAGES = {
    "home": "",
    "plan": f"{PLAN}/",
    "area": f"{PLAN}/water/",
    "report": f"{PLAN}/report/",
    "timeline-year": "timeline/2030/",
    "organisation": "organisations/cbss-cso/",
    "place": "places/riga/",
    "sources": f"sources/{PLAN}/",
}
LANGUAGES = {"lv": "", "en": "en/"}
STYLESHEET = "stylesheets/extra.css"  # the site's own: which lists show their numbers


# -- the fixture site --------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def approved_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample-plan scenario with a fixed build date, built once (both languages) in this process."""
    project = scenario_project("sample-plan", tmp_path_factory.mktemp("approved") / "project")
    build = project.build_here(SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    assert build.ok, build.log
    return project.root / "site"


# -- a page's text -------------------------------------------------------------------------------------------

BLOCKS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "caption", "figcaption", "div", "section",
    "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "figure", "blockquote", "pre", "details", "summary",
    "nav", "header", "footer", "aside", "form", "fieldset", "legend", "br", "hr",
}  # fmt: skip
CELLS = {"td", "th"}
SKIPPED = {"script", "style", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class PageText(HTMLParser):
    """The <title> and the <article>'s text, one line per block element (see the module's docstring).
    `unnumbered` are the classes of <ol> whose numbers the stylesheet hides (list-style: none)."""

    def __init__(self, unnumbered: frozenset[str] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.unnumbered = unnumbered
        self.prefix = ""  # written before the next line: a list item's number, a cell's "| "
        self.title: list[str] = []
        self.lines: list[str] = []
        self.line: list[str] = []
        self.stack: list[str] = []  # open elements inside the article (void ones are never pushed)
        self.in_title = False
        self.in_article = False
        self.skip = 0  # depth inside an element whose text is left out
        self.svg: list[str] | None = None  # inside an <svg>: the tags open in it
        self.svg_text: str | None = None  # the prefix of the svg <title>/<desc> being read
        self.cells = 0  # cells so far in the current table row
        self.lists: list[int | None] = []  # the open lists: an <ol>'s next number, None for a <ul>

    # the article's boundaries and the title

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and not self.in_article:
            self.in_title = True
            return
        if tag == "article":
            self.in_article = True
            return
        if not self.in_article:
            return
        if self.svg is not None:
            self.svg.append(tag)
            if len(self.svg) == 2 and tag in ("title", "desc"):  # the svg's own text equivalent
                self.flush()
                self.svg_text = "[image]" if tag == "title" else "[image description]"
                self.line.append(self.svg_text + " ")
            return
        if tag not in VOID:
            self.stack.append(tag)
        attributes = dict(attrs)
        if self.skip or tag in SKIPPED or "headerlink" in (attributes.get("class") or "").split():
            self.skip += tag not in VOID
            return
        if tag == "svg":
            self.stack.pop()
            self.svg = [tag]
            return
        if tag in BLOCKS:
            self.flush()
            if tag == "tr":
                self.line, self.cells, self.prefix = [], 0, ""
            elif tag in ("ol", "ul"):
                numbered = tag == "ol" and not self.unnumbered & set((attributes.get("class") or "").split())
                self.lists.append(int(attributes.get("start") or 1) if numbered else None)
            elif tag == "li" and self.lists and self.lists[-1] is not None:  # an ordered list's number shows
                self.prefix += f"{self.lists[-1]}. "
                self.lists[-1] += 1
        elif tag in CELLS:
            if self.cells:
                self.line.append(" | ")
            self.cells += 1
        elif tag == "img" and attributes.get("alt"):
            self.line.append(f"[image] {attributes['alt']}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.in_title:
            self.in_title = False
            return
        if tag == "article" and self.in_article and self.svg is None and not self.skip:
            self.flush()
            self.in_article = False
            return
        if not self.in_article:
            return
        if self.svg is not None:
            if self.svg and self.svg[-1] == tag:
                self.svg.pop()
                if self.svg_text and len(self.svg) == 1:
                    self.flush()
                    self.svg_text = None
            if not self.svg:
                self.svg = None
            return
        if tag not in self.stack:
            return  # a stray end tag
        while self.stack:
            closed = self.stack.pop()
            if self.skip:
                self.skip -= 1
            elif closed in BLOCKS:
                self.flush()
                if closed == "tr":
                    self.line, self.cells, self.prefix = [], 0, ""
                elif closed in ("ol", "ul"):
                    self.lists.pop()
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif self.in_article and not self.skip and (self.svg is None or self.svg_text):
            self.line.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.line).split())
        self.line = []
        carried = ""
        if text.endswith("|"):  # a cell that starts with a block: its first line starts with "| "
            text, carried = text.removesuffix("|").rstrip(), "| "
        if text:
            self.lines.append(self.prefix + text)
            self.prefix = ""
        self.prefix += carried

    def text(self) -> str:
        title = " ".join("".join(self.title).split())
        return "\n".join([f"title: {title}", *self.lines]) + "\n"


PDF_SIZE = re.compile(r"(PDF\b[^\n]*?\()\d+(?:[.,]\d+)?(\s?(?:B|kB|MB)\))")
CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def unnumbered_lists(css: str) -> frozenset[str]:
    """The classes of <ol> that a stylesheet shows without numbers (`ol.bp-timeline { list-style: none }`)."""
    return frozenset(
        name
        for selectors, body in CSS_RULE.findall(re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL))
        if re.search(r"list-style(-type)?\s*:\s*none", body)
        for name in re.findall(r"\bol\.([\w-]+)", selectors)
    )


def page_text(html: str, unnumbered: frozenset[str] = frozenset()) -> str:
    parser = PageText(unnumbered)
    parser.feed(html)
    parser.close()
    assert parser.lines, "no <article> text found"
    return PDF_SIZE.sub(r"\1N\2", parser.text())


# -- the test --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", PAGES)
def test_the_text_of_each_kind_of_page_is_the_approved_text(approved_site: Path, kind: str, lang: str):
    html = (approved_site / LANGUAGES[lang] / PAGES[kind] / "index.html").read_text(encoding="utf-8")
    built = page_text(html, unnumbered_lists((approved_site / STYLESHEET).read_text(encoding="utf-8")))
    approved = APPROVED / f"{kind}.{lang}.txt"
    if os.environ.get("APPROVE") == "1":
        APPROVED.mkdir(exist_ok=True)
        if not approved.is_file() or approved.read_text(encoding="utf-8") != built:
            approved.write_text(built, encoding="utf-8")
        return
    assert approved.is_file(), f"no approved text {approved.relative_to(ROOT)}; " + HINT.format(name="a new page")
    expected = approved.read_text(encoding="utf-8")
    if built != expected:
        name = str(approved.relative_to(ROOT))
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True), built.splitlines(keepends=True), f"{name} (approved)", f"{name} (built)"
        )
        pytest.fail("".join(diff) + "\n" + HINT.format(name=name), pytrace=False)


def test_the_text_is_one_line_per_block_with_cells_the_chart_s_name_and_no_scripts():
    html = """<html><head><title>Page - Site</title><script>var x;</script></head><body>
    <nav><p>Navigation</p></nav>
    <article><h1 id="a">Heading <a class="headerlink" href="#a">¶</a></h1>
    <p>One   <em>paragraph</em>,
    two lines.</p><script>hidden()</script><style>p {}</style>
    <ul><li>Item</li><li><p>Block</p><p>in an item</p></li></ul>
    <ol start="3"><li>Third</li><li><p>Fourth</p></li></ol><ol class="bp-x"><li>No number</li></ol>
    <table><caption>Caption</caption><tr><th>A</th><th>B</th></tr><tr><td>1</td><td><p>2</p></td></tr></table>
    <dl><dt>Term</dt><dd>Definition</dd></dl>
    <svg role="img"><title>Chart</title><desc>What it shows</desc><text>3</text><rect><title>Bar</title></rect></svg>
    </article><footer><p>Footer</p></footer></body></html>"""

    assert unnumbered_lists("/* a */ .md-typeset ol.bp-x, ul.bp-y { list-style: none; }") == {"bp-x"}
    assert page_text(html, frozenset({"bp-x"})).splitlines() == [
        "title: Page - Site",
        "Heading",
        "One paragraph, two lines.",
        "Item",
        "Block",
        "in an item",
        "3. Third",
        "4. Fourth",
        "No number",
        "Caption",
        "A | B",
        "1",
        "| 2",
        "Term",
        "Definition",
        "[image] Chart",
        "[image description] What it shows",
    ]
