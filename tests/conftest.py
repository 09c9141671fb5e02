"""Shared fixtures: a throwaway copy of the project (the real data, the frozen data, or a scenario site of
tests/scenarios/), built in this process or by the command; and the real site built once, as deployed."""

from __future__ import annotations

import functools
import io
import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import chdir, contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load as mkdocs_yaml_load

ROOT = Path(__file__).resolve().parent.parent
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # PyYAML's safe loader, in C where libyaml is built in
MKDOCS = [sys.executable, "-m", "mkdocs"]


FIRST = "test_browser_pages.py"  # the crawl of every page: the longest file by far


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The crawl's file first. `make test` runs two processes, each taking the next file in this order
    (`--dist loadfile --no-loadscope-reorder`): one starts on the crawl while the other takes the rest."""
    items.sort(key=lambda item: item.path.name != FIRST)  # a stable sort: the rest keep their order


@dataclass
class Project:
    """A copy of mkdocs.yml, docs/, data/ and the theme overrides that a test may change (the plugin is the
    installed package's)."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    def plan_text(self, name: str = "cbss-2008") -> str:
        return (self.data / "plans" / f"{name}.yml").read_text(encoding="utf-8")

    def write_plan(self, text: str, name: str = "cbss-2008") -> Path:
        path = self.data / "plans" / f"{name}.yml"
        path.write_text(text, encoding="utf-8")
        return path

    def replace_in_plan(self, old: str, new: str, name: str = "cbss-2008", count: int = 1) -> Path:
        text = self.plan_text(name)
        assert old in text, f"fixture text not found: {old!r}"
        return self.write_plan(text.replace(old, new, count), name)

    def check(self, *args: str) -> subprocess.CompletedProcess:
        """`baltic-plans-check` as an editor runs it, in the project folder."""
        return subprocess.run(
            [sys.executable, "-m", "baltic_plans.check", *args],
            cwd=self.root, capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    def check_here(self, *args: str) -> subprocess.CompletedProcess:
        """The same check in this process, as an editor runs it in the project folder outside CI: its exit status
        and output as `check` gives them."""
        from baltic_plans import check

        out, err = io.StringIO(), io.StringIO()
        with chdir(self.root), redirect_stdout(out), redirect_stderr(err):
            status = check.main(["data", "--no-github", *args])
        return subprocess.CompletedProcess(["baltic-plans-check", *args], status, out.getvalue(), err.getvalue())

    def build_here(self, site_dir: Path | None = None, **environment: str) -> InProcessBuild:
        """The same build in this process (build_in_process)."""
        return build_in_process(self.root, site_dir or self.root / "site", **environment)

    def build(self, site_dir: Path | None = None) -> subprocess.CompletedProcess:
        """`mkdocs build --strict` as a new process, for the tests of the command (test_architecture.py)."""
        site_dir = site_dir or self.root / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run(
            [*MKDOCS, "build", "--strict", "-d", str(site_dir)],
            cwd=self.root, capture_output=True, text=True, env=env, timeout=300,
        )  # fmt: skip


@dataclass(frozen=True)
class InProcessBuild:
    ok: bool
    log: str  # MkDocs' and the plugins' messages, one a line, as `mkdocs build` prints them


def build_in_process(root: Path, site_dir: Path, **environment: str) -> InProcessBuild:
    """A strict build of the project folder `root` in this process, as `mkdocs build` runs it but without a new
    process's start-up (a second or so): for what the plugin does with the data, not for the command line. The
    plugin keeps no state between builds, so each build here is a new one. `environment` is set for the build.

    MkDocs' startup and shutdown events, which the command runs, are left out: so the plugin builds the languages
    one after the other, as the i18n plugin orders them, rather than forking the test process (which runs
    pytest-xdist's and Playwright's threads) for the second; and it leaves the process's garbage collector as it
    is. The two orders make the same files (test_parallel_build.py)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    handler = _Messages()
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)  # as the command sets it: the plugin's data warnings are INFO lines
    try:
        with _environment(**environment), chdir(root):  # as run in its folder
            build(load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir)))
        ok = True
    except Abort:  # MkDocs has logged why
        ok = False
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return InProcessBuild(ok, "\n".join(handler.messages))


@contextmanager
def _environment(**variables: str) -> Iterator[None]:
    before = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value


class _Messages(logging.Handler):
    """The messages logged at INFO and above, as `mkdocs build` prints them."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname} - {record.getMessage()}")


def copy_project(destination: Path, data: Path = ROOT / "data") -> Project:
    """A copy of the project; with `data` (e.g. FROZEN_DATA), one whose data/ is a copy of that folder, without the
    pages in docs/ of plans and areas that folder lacks."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "CONTRIBUTING.md", ".pre-commit-config.yaml"):
        shutil.copy(ROOT / name, destination)
    shutil.copytree(ROOT / "docs", destination / "docs")
    shutil.copytree(data, destination / "data")
    shutil.copytree(ROOT / "hooks" / "overrides", destination / "hooks" / "overrides")
    if data.resolve() != (ROOT / "data").resolve():
        match_plan_pages(destination / "docs", destination / "data")
    return Project(destination)


# -- scenario sites ------------------------------------------------------------------------------------

SCENARIOS = Path(__file__).parent / "scenarios"  # small sites for the plugin's behaviour (scenarios/README.md)


def scenario_project(name: str, destination: Path) -> Project:
    """The scenario tests/scenarios/<name>/ as a site: its data/ and its docs/ (the pages of its plans) on the
    project's own configuration, theme and site pages (home, timeline, places, …)."""
    project = copy_project(destination, data=SCENARIOS / name / "data")
    if (SCENARIOS / name / "docs").is_dir():
        shutil.copytree(SCENARIOS / name / "docs", project.root / "docs", dirs_exist_ok=True)
    return project


@pytest.fixture
def sample_project(tmp_path: Path) -> Project:
    """The sample-plan scenario (one plan of two areas, its pages in docs/), to change and build in the test."""
    return scenario_project("sample-plan", tmp_path / "project")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample-plan scenario built once for the run in a test process, both languages."""
    return built_once(tmp_path_factory, "sample", lambda root: scenario_project("sample-plan", root).build_here())


# -- the frozen data ----------------------------------------------------------------------------------

# A copy of data/ as it was when the tests that need fixed data were written (exact texts, dates, counts, YAML
# snippets and their line numbers, search results). It never follows data/: editors change data/ freely, and these
# tests keep running on this copy. A test of the real data checks its shape and consistency instead.
FROZEN_DATA = Path(__file__).parent / "fixtures" / "frozen-data"
PROGRESS_DATA = Path(__file__).parent / "fixtures" / "progress" / "data"  # a plan with three progress reports


def progress_project(destination: Path) -> Project:
    """A copy of the project with the frozen data and, on top of it, the progress fixture's plan harbour-2033."""
    project = copy_project(destination, data=FROZEN_DATA)
    shutil.copytree(PROGRESS_DATA, project.data, dirs_exist_ok=True)
    return project


def match_plan_pages(docs: Path, data: Path) -> None:
    """Leave out the pages in docs/ of a plan or an area that `data` lacks (a plan's and an area's pages are made
    from the data where docs/ has none, and a page of one the data lacks fails the build)."""
    plans = {}
    for path in sorted((data / "plans").glob("*.yml")):
        plan = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
        plans[plan["id"]] = {area["id"] for area in plan.get("areas", [])}
    for page in sorted(docs.glob("*/*.md")):
        text = page.read_text(encoding="utf-8")
        plan_id, name = page.parent.name, page.name.split(".")[0]
        plan_lacking = "plan_page()" in text and plan_id not in plans
        area_lacking = "task_table()" in text and name not in plans.get(plan_id, ())
        if plan_lacking or area_lacking:
            page.unlink()


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return copy_project(tmp_path / "project")


@pytest.fixture
def frozen_project(tmp_path: Path) -> Project:
    """A copy of the project whose data/ is the frozen data: for a test that changes an exact snippet of it."""
    return copy_project(tmp_path / "project", data=FROZEN_DATA)


def built_once(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], object]) -> Path:
    """The site `build(root)` writes into root/site, built once for the test run: by the first of `make test`'s
    processes that asks for it, while the other waits for it (a lock in the run's temporary folder, which both
    share). `build` returns a build's result (InProcessBuild or CompletedProcess); a failed one fails the test."""
    from filelock import FileLock

    run = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # one of pytest-xdist's processes: its folder is in the run's
        run = run.parent
    root, built = run / f"built-{name}", run / f"built-{name}.done"
    with FileLock(run / f"built-{name}.lock"):
        if not built.exists():
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir(parents=True)
            result = build(root)
            ok = result.ok if isinstance(result, InProcessBuild) else result.returncode == 0
            assert ok, getattr(result, "log", None) or getattr(result, "stderr", "")
            built.touch()
    return root / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, both languages, built once for all tests that read it, by `mkdocs build` as deployed."""
    return built_once(tmp_path_factory, "real", lambda root: Project(ROOT).build(root / "site"))


@pytest.fixture(scope="session")
def real_site():
    from baltic_plans.load import load_site

    return load_site(ROOT / "data")


@pytest.fixture(scope="session")
def frozen_built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the frozen data, both languages, built once for the run in a test process: for tests that read
    exact texts, dates or counts."""
    return built_once(tmp_path_factory, "frozen", lambda root: copy_project(root, data=FROZEN_DATA).build_here())


@pytest.fixture(scope="session")
def progress_built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The progress project (progress_project) built once for the run in a test process, both languages."""
    return built_once(tmp_path_factory, "progress", lambda root: progress_project(root).build_here())


@pytest.fixture(scope="session")
def frozen_site():
    """The model of the frozen data."""
    from baltic_plans.load import load_site

    return load_site(FROZEN_DATA)


def load_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)


# -- a real browser ---------------------------------------------------------------------------------

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # the Makefile's CHROMIUM
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]  # fmt: skip


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (`make test` installs it when missing)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a built site on localhost; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):  # the browser went on before the answer ended
            return
        super().handle_error(request, client_address)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


# -- the site as published ----------------------------------------------------------------------------

SITE_URL = mkdocs_yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]  # as MkDocs reads it


@pytest.fixture(scope="session")
def published_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site served at site_url's path on 127.0.0.1 (as GitHub Pages serves it, so the 404 page's
    site-absolute links work too); yields its root URL, e.g. http://127.0.0.1:PORT/baltic-plans/."""
    host = tmp_path_factory.mktemp("host")
    (host / urlparse(SITE_URL).path.strip("/")).symlink_to(built_site, target_is_directory=True)
    with serve(host) as base:
        yield base + urlparse(SITE_URL).path.lstrip("/")


SEARCH_READY = (
    "() => !/^(Initiali[sz]ing|Inicializē|Notiek|Meklēšana tiek)/i"
    ".test(document.querySelector('.md-search-result__meta').textContent.trim())"
)


def search_for(page, query: str) -> None:
    """Type a query once the search worker has loaded its index (a query typed before is not run again)."""
    page.focus("input.md-search__input")
    page.wait_for_function(SEARCH_READY, timeout=30_000)
    page.keyboard.type(query, delay=20)  # key by key, as a reader types: Material runs the query on key events
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
