"""The 404 page works wherever the site is published: at a host's root and under a project's subpath (as GitHub
Pages serves a project site), for a missing page in either language, every link and asset on it found."""

from __future__ import annotations

import functools
import re
import threading
import urllib.error
import urllib.request
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import QuietServer, scenario_project


class PagesHandler(SimpleHTTPRequestHandler):
    """Like GitHub Pages: a missing path gets the site's 404.html with the status 404."""

    site_root: Path

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.site_root / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module", params=["https://example.org/", "https://example.org/plans/"], ids=["root", "subpath"])
def published(request, tmp_path_factory):
    """The sample-plan scenario (tests/scenarios/) built for that address in this process and served at its path;
    yields the site's base URL."""
    host = tmp_path_factory.mktemp("host")
    path = request.param.removeprefix("https://example.org/")
    site = host / path if path else host / "site"
    project = scenario_project("sample-plan", tmp_path_factory.mktemp("not-found") / "project")
    build = project.build_here(site, SITE_URL=request.param)
    assert build.ok, build.log
    handler = type("Handler", (PagesHandler,), {"site_root": site})
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site if not path else host)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{path}"
    server.shutdown()
    server.server_close()


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


@pytest.mark.parametrize("missing", ["no-such-page/", "en/no-such-page/", "sample-2030/no/such/page"])
def test_a_missing_page_gets_the_404_page_in_both_languages_with_every_link_working(published, missing):
    status, html = fetch(published + missing)
    assert status == 404
    assert "404 – lapa nav atrasta" in html and "Page not found" in html
    links = set(re.findall(r'(?:href|src)="([^"#]+)"', html)) - {""}
    local = [link for link in links if not re.match(r"^[a-z]+:", link)]
    assert len(local) > 10
    broken = [link for link in local if fetch(urljoin(published + missing, link))[0] != 200]
    assert not broken, broken
    assert 'href="//' not in html  # a protocol-relative link would name another host
