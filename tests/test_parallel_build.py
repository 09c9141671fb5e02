"""`mkdocs build` builds the English site in a forked process beside the Latvian one (parallel_languages.py),
from the start of the build: the same files as the i18n plugin's own order, and a failure in either language
fails the build."""

from __future__ import annotations

import gc
import os
import subprocess
from pathlib import Path

from baltic_plans.parallel_languages import LanguageProcesses
from conftest import MKDOCS, ROOT, Project

FORKED = "site builds in process"  # parallel_languages' debug line


def build(root: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", **env}
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--verbose", "-d", str(site)],
        cwd=root, capture_output=True, text=True, env=environment, timeout=300,
    )  # fmt: skip


def files_of(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_side_by_side_builds_the_same_files_as_one_language_after_the_other(tmp_path: Path):
    parallel = build(ROOT, tmp_path / "parallel")
    serial = build(ROOT, tmp_path / "serial", BALTIC_PLANS_SERIAL_BUILD="1")
    assert parallel.returncode == 0, parallel.stderr
    assert serial.returncode == 0, serial.stderr
    assert f"The 'en' {FORKED}" in parallel.stderr
    assert FORKED not in serial.stderr
    # forked as soon as the data is checked, before the i18n plugin configures the Latvian build
    assert parallel.stderr.index(f"The 'en' {FORKED}") < parallel.stderr.index("Building 'lv' documentation")
    built, expected = files_of(tmp_path / "parallel"), files_of(tmp_path / "serial")
    assert sorted(built) == sorted(expected)
    assert [name for name in expected if built[name] != expected[name]] == []
    assert b'hreflang="en" href="https://example.github.io/baltic-plans/en/timeline/"' in built["sitemap.xml"]
    assert b"<loc>https://example.github.io/baltic-plans/timeline/</loc>" in built["sitemap.xml"]


def test_a_warning_in_the_english_site_alone_fails_the_whole_build(project: Project):
    home = project.root / "docs" / "index.en.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n[A page that is not there](no-such-page.md)\n")
    result = build(project.root, project.root / "site")
    assert result.returncode != 0
    assert "no-such-page.md" in result.stderr
    assert "the build of the en site failed; its messages are above" in result.stderr


def test_when_the_latvian_build_fails_the_english_one_is_stopped(project: Project):
    timeline = project.root / "docs" / "timeline.md"  # Latvian only: a snippet that is not there stops its build
    timeline.write_text(timeline.read_text(encoding="utf-8") + '\n--8<-- "no-such-file.md"\n')
    result = build(project.root, project.root / "site")
    assert result.returncode != 0
    assert "Snippet at path 'no-such-file.md' could not be found" in result.stderr
    assert "Stopped the 'en' site's build" in result.stderr


def test_mkdocs_build_runs_the_garbage_collector_less_often_and_serve_as_python_does():
    default = gc.get_threshold()
    try:
        for command, first_generation in (("serve", default[0]), ("build", 50_000), ("gh-deploy", 50_000)):
            gc.set_threshold(*default)
            processes = LanguageProcesses()
            processes.start(command, dirty=False)
            processes.fewer_collections()
            assert gc.get_threshold() == (first_generation, *default[1:]), command
    finally:
        gc.set_threshold(*default)
