"""`mkdocs serve` (make serve) rebuilds when an editor saves a data file."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from urllib.parse import urlparse

from conftest import MKDOCS, SITE_URL, Project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, text: str, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if text in body:
                return body
        except (urllib.error.URLError, ConnectionError, TimeoutError):  # TimeoutError: a rebuild still running
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {text!r} within {timeout} s")


def test_serve_rebuilds_both_languages_after_a_data_edit(project: Project):
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [*MKDOCS, "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}{urlparse(SITE_URL).path}"  # serve mounts the site at site_url's path
        wait_for(base + "en/cbss-2008/education/", ">Education<")
        project.replace_in_plan('en: "Education"', 'en: "Education and research"')
        project.replace_in_plan('lv: "Izglītība"', 'lv: "Izglītība un pētniecība"')
        wait_for(base + "en/cbss-2008/education/", ">Education and research<")
        wait_for(base + "cbss-2008/education/", ">Izglītība un pētniecība<")
    finally:
        server.terminate()
        server.wait(timeout=30)
