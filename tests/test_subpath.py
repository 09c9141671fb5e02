"""Published at a project subpath (https://ORG.github.io/REPO/), every link and asset of both languages works."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlparse

from baltic_plans.load import load_site
from baltic_plans.paging import generated_pages
from conftest import ROOT, Project, serve

SITE_URL = "https://org.github.io/repo/"


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


def test_the_site_works_under_a_project_subpath_in_both_languages(project: Project):
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"^site_url: .*$", f"site_url: {SITE_URL}", text, flags=re.M), encoding="utf-8")
    host = project.root / "host"
    result = project.build(host / "repo")
    assert result.returncode == 0, result.stderr

    with serve(host) as base:
        root = base + "repo/"
        queue, seen, broken, pages = [root, root + "en/"], set(), [], 0
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
            pages += 1
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
    site = load_site(ROOT / "data")
    site_pages = [p for p in (ROOT / "docs").glob("*.md") if not p.name.endswith(".en.md")]
    written = len(site_pages) + len(generated_pages(site))  # the plans' and areas' pages among them
    assert pages == len(list((host / "repo").rglob("index.html"))) == 2 * written  # every page of both languages
