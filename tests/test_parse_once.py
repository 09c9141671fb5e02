"""The data is read and validated once per build, though the i18n plugin builds each language."""

from __future__ import annotations

from mkdocs.commands.build import build
from mkdocs.config import load_config

from baltic_plans import load
from conftest import Project


def test_both_languages_share_one_validated_model(project: Project, monkeypatch):
    calls = []
    real_load = load._load
    monkeypatch.setattr(load, "_load", lambda data_dir: calls.append(data_dir) or real_load(data_dir))
    load._cache.clear()

    build(load_config(str(project.root / "mkdocs.yml"), site_dir=str(project.root / "site")))

    assert (project.root / "site" / "en" / "index.html").is_file()
    assert len(calls) == 1


def test_a_changed_data_file_is_read_again(project: Project):
    load._cache.clear()
    first = load.load_site(project.data)
    project.replace_in_plan('short_title:\n  lv: "Latvijas', 'short_title:\n  lv: "Mainīts: Latvijas')

    second = load.load_site(project.data)

    assert second is not first
    assert second.plan("cbss-2008").short_title.lv.startswith("Mainīts")
