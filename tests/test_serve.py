"""`mkdocs serve` (make serve) rebuilds when an editor saves a data file, says so in a line, shows the errors of a
rebuild that failed in the browser, and stops without a traceback and without leaving a process behind."""

from __future__ import annotations

import inspect
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlparse

import pytest

from conftest import MKDOCS, SITE_URL, Project

PLAN = "sample-2030"  # the sample-plan scenario's (tests/scenarios/)
REBUILT = re.compile(r"^INFO\s+-\s+Rebuilt in [\d.]+ s: data/plans/sample-2030\.yml$")
OPEN_PAGE = "en/sample-2030/water/"
HEADING = ">1. Clean water<"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    """The page's text, an error page's too (a missing page is a 404 with a body)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")


def wait_for(url: str, text: str, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        try:
            body = fetch(url)
            if text in body:
                return body
        except (urllib.error.URLError, ConnectionError, TimeoutError):  # TimeoutError: a rebuild still running
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {text!r} within {timeout} s; it showed:\n{body[:2000]}")


def until(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.2)
    raise AssertionError(f"not within {timeout} s: {what}")


class Serve:
    """`mkdocs serve` of a copy of the project, in a process group of its own (as a terminal runs `make serve`)."""

    def __init__(self, project: Project, output: Path) -> None:
        self.project = project
        self.port = free_port()
        self.output_file = output
        self.base = f"http://127.0.0.1:{self.port}{urlparse(SITE_URL).path}"  # serve mounts the site at that path
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "0"}
        with output.open("wb") as sink:
            self.process = subprocess.Popen(
                [*MKDOCS, "serve", "--strict", "--dev-addr", f"127.0.0.1:{self.port}"],
                cwd=project.root, env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip

    def lines(self) -> list[str]:
        return self.output_file.read_text(encoding="utf-8").splitlines()

    def processes(self) -> dict[int, str]:
        """Every process of this serve: its command line names the port, or it runs in the project's folder."""
        found = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                folder = os.readlink(entry / "cwd")
            except OSError:  # ended meanwhile
                continue
            if f":{self.port}" in command or Path(folder.removesuffix(" (deleted)")).is_relative_to(self.project.root):
                found[int(entry.name)] = command
        return found

    def end(self) -> None:
        """After the test: nothing of it is left running, whatever the test did."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for pid in self.processes():
            os.kill(pid, signal.SIGKILL)


@pytest.fixture
def serve(sample_project: Project, tmp_path: Path) -> Iterator[Serve]:
    """Serve started on the sample-plan scenario (a small site: its snippets below stay as they are), the English
    area page built."""
    server = Serve(sample_project, tmp_path / "serve.log")
    try:
        wait_for(server.base + OPEN_PAGE, HEADING)
        yield server
    finally:
        server.end()


def test_serve_rebuilds_both_languages_after_a_data_edit_and_says_so_in_a_line(serve: Serve):
    first_build = serve.lines()
    edited = len(first_build)
    serve.project.replace_in_plan('en: "Clean water"', 'en: "Clean water and coasts"', PLAN)
    serve.project.replace_in_plan('lv: "Tīrs ūdens"', 'lv: "Tīrs ūdens un krasti"', PLAN)
    wait_for(serve.base + OPEN_PAGE, ">1. Clean water and coasts<")
    wait_for(serve.base + "sample-2030/water/", ">1. Tīrs ūdens un krasti<")

    rebuilds = serve.lines()[edited:]
    assert rebuilds, "no line for the rebuild"
    assert all(REBUILT.match(line) for line in rebuilds), "\n".join(rebuilds)  # a line each, the file it was for
    assert len(rebuilds) <= 2  # the two saves, rebuilt once or twice
    assert len(first_build) <= 10, "\n".join(first_build)  # not the plugins' lines of each language's build
    assert any("Serving on http://127.0.0.1" in line for line in first_build)


def test_a_data_error_shows_on_the_pages_until_it_is_fixed(serve: Serve):
    before = len(serve.lines())
    serve.project.replace_in_plan("status: ongoing", 'status: "<b>ongoing</b>"', PLAN)

    page = wait_for(serve.base + OPEN_PAGE, "The site could not be rebuilt", timeout=30)  # the open page, reloaded
    assert "Vietni neizdevās pārbūvēt" in page
    assert re.search(r"data/plans/sample-2030\.yml:\d+:\d+: ", page)
    assert "&#x27;&lt;b&gt;ongoing&lt;/b&gt;&#x27;" in page and "<b>ongoing" not in page  # the data, as text
    assert "livereload(" in page  # the server's script: the page reloads when a rebuild succeeds
    output = serve.lines()[before:]
    assert "Traceback" not in "\n".join(output)
    assert len([line for line in output if not line.startswith(" ")]) <= 2, "\n".join(output)  # the errors, a line
    for other in ("", "en/", "no-such-page/"):  # any page, one the site lacks too (MkDocs logs that one's 404)
        assert "The site could not be rebuilt" in fetch(serve.base + other), other

    serve.project.replace_in_plan('status: "<b>ongoing</b>"', "status: ongoing", PLAN)
    wait_for(serve.base + OPEN_PAGE, HEADING, timeout=60)
    assert "could not be rebuilt" not in fetch(serve.base + "en/")
    assert REBUILT.match(serve.lines()[-1])


@pytest.mark.parametrize("stop", ["ctrl-c", "kill"])
def test_stopping_serve_leaves_no_process_and_frees_the_port(serve: Serve, stop: str):
    """Ctrl+C (SIGINT to the terminal's process group) or a kill (SIGTERM), while the PDF of a changed plan is being
    typeset in the background: serve ends at once without a traceback, and with it every process it started."""
    title = f"Clean water {time.time_ns()}"  # a new PDF to typeset
    serve.project.replace_in_plan('en: "Clean water"', f'en: "{title}"', PLAN)
    wait_for(serve.base + OPEN_PAGE, f">1. {title}<")
    until(lambda: len(serve.processes()) > 1, 10, "the PDF typesetter started")

    if stop == "ctrl-c":
        os.killpg(serve.process.pid, signal.SIGINT)
    else:
        serve.process.terminate()
    assert serve.process.wait(timeout=10) == 0
    output = "\n".join(serve.lines())
    assert "Traceback" not in output and "Exception ignored" not in output, output
    until(lambda: not serve.processes(), 5, f"every process of serve ended: {serve.processes()}")
    with socket.socket() as again:  # as the next `make serve` binds it
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", serve.port))
        again.listen()


def test_the_error_page_relies_on_mkdocs_1_6_1_serve():
    """serve_feedback.py replaces LiveReloadServer.builder: a failed rebuild must return for the server to let the
    requests it holds through (LiveReloadServer._build_loop, mkdocs/livereload/__init__.py). On another MkDocs,
    check that this still holds (test_a_data_error_shows_on_the_pages_until_it_is_fixed), then update the version."""
    from mkdocs.livereload import LiveReloadServer

    assert metadata.version("mkdocs") == "1.6.1", "check serve_feedback.py against this MkDocs' serve"
    assert "self.builder()" in inspect.getsource(LiveReloadServer._build_loop)
    assert "self.error_handler(code)" in inspect.getsource(LiveReloadServer.serve_request)


def test_a_fault_in_the_code_shows_its_traceback_and_a_good_rebuild_clears_the_error_page(tmp_path: Path, monkeypatch):
    """Not only the data check's errors: whatever a rebuild raises is on the page (the builder of a stand-in server)."""
    from baltic_plans.serve_feedback import ServeFeedback

    feedback = ServeFeedback()
    feedback.serving = True
    page = tmp_path / "en" / "index.html"
    page.parent.mkdir()
    page.write_text("<p>the site before</p>", encoding="utf-8")
    fault = [True]

    def build() -> None:
        if fault[0]:
            {}["<boom>"]

    server = SimpleNamespace(builder=build, error_handler=lambda code: None)
    config = SimpleNamespace(site_dir=str(tmp_path), docs_dir=str(tmp_path / "docs"), config_file_path=None, watch=[])
    feedback.serve(server, config)

    server.builder()  # returns: the server then lets the pages through
    shown = page.read_text(encoding="utf-8")
    assert "Traceback" in shown and "KeyError: &#x27;&lt;boom&gt;&#x27;" in shown
    assert server.error_handler(404) == page.read_bytes()  # a page the site lacks
    fault[0] = False
    server.builder()
    assert not page.exists()  # the build wrote no page there: the error page goes
    assert server.error_handler(404) is None
