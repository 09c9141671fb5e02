"""Shared fixtures: a throwaway copy of the project, and the real site built once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


@dataclass
class Project:
    """A copy of mkdocs.yml, docs/, data/, the hooks file and the theme overrides that a test may change."""

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

    def build(self, site_dir: Path | None = None) -> subprocess.CompletedProcess:
        site_dir = site_dir or self.root / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run(
            [*MKDOCS, "build", "--strict", "-d", str(site_dir)],
            cwd=self.root, capture_output=True, text=True, env=env, timeout=300,
        )  # fmt: skip


def copy_project(destination: Path) -> Project:
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", destination)
    shutil.copytree(ROOT / "docs", destination / "docs")
    shutil.copytree(ROOT / "data", destination / "data")
    (destination / "hooks").mkdir()
    shutil.copy(ROOT / "hooks" / "site_hooks.py", destination / "hooks")
    shutil.copytree(ROOT / "hooks" / "overrides", destination / "hooks" / "overrides")
    return Project(destination)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, both languages, built once for all tests that read it."""
    site = tmp_path_factory.mktemp("site")
    result = Project(ROOT).build(site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def real_site():
    from baltic_plans.load import load_site

    return load_site(ROOT / "data")


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))
