"""Published at a project subpath (https://ORG.github.io/REPO/), every link and asset of both languages works (the
sample-plan scenario, built in this process with SITE_URL set as the deploy workflow sets it)."""

from __future__ import annotations

import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlparse

from conftest import Project, serve

SITE_URL = "https://org.github.io/repo/"
# the pages made from the sample-plan scenario's data (tests/scenarios/sample-plan/data/): its plan's page, its areas'
# pages, its full report and its source text, the timeline's years of its dated activities, its organisations and
# its places
DATA_PAGES = [
    "sample-2030/", "sample-2030/water/", "sample-2030/mobility/", "sample-2030/report/", "sources/sample-2030/",
    "timeline/2029/", "timeline/2030/", "organisations/cbss/", "organisations/cbss-cso/", "organisations/ncm/",
    "places/riga/", "places/tallinn/",
]  # fmt: skip


class References(HTMLParser):
    """Every URL a page links to or loads: a/link href, script/img/source src."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = "href" if tag in ("a", "link") else "src" if tag in ("script", "img", "source", "iframe") else None
        if key and attrs.get(key):
            self.urls.append(attrs[key])


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return error.code, b"", ""


def test_the_site_works_under_a_project_subpath_in_both_languages(sample_project: Project):
    project = sample_project
    host = project.root / "host"
    result = project.build_here(host / "repo", SITE_URL=SITE_URL)  # as the deploy workflow sets it
    assert result.ok, result.log
    home = (host / "repo" / "en" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}en/">' in home  # the build took the subpath's site_url

    with serve(host) as base:
        root = base + "repo/"
        queue, seen, broken, pages = [root, root + "en/"], set(), [], set()
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            seen.add(url)
            status, body, kind = fetch(url)
            if status != 200:
                broken.append(url)
                continue
            if kind != "text/html":
                continue
            pages.add(url.removeprefix(root))
            parser = References()
            parser.feed(body.decode("utf-8"))
            for reference in parser.urls:
                target = urldefrag(urljoin(url, reference)).url
                if target.startswith(SITE_URL):  # canonical and hreflang links name the real host
                    target = root + target.removeprefix(SITE_URL)
                if urlparse(target).netloc != urlparse(base).netloc:
                    continue
                if not target.startswith(root):
                    broken.append(f"{url} → {reference} (outside the subpath)")
                    continue
                queue.append(target)

    assert broken == []
    site_pages = [page.name.removesuffix(".md") for page in (project.root / "docs").glob("*.md")]
    written = [""] + [f"{name}/" for name in site_pages if name != "index" and not name.endswith(".en")]
    written += DATA_PAGES
    built = [path.parent.relative_to(host / "repo").as_posix() + "/" for path in (host / "repo").rglob("index.html")]
    assert sorted(pages) == sorted(lang + page for lang in ("", "en/") for page in written)  # both languages' pages
    assert sorted(pages) == sorted("" if page == "./" else page for page in built)  # and every page built
