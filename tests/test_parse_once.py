"""The data is read and validated once per build, though the i18n plugin builds each language."""

from __future__ import annotations

from mkdocs.commands.build import build
from mkdocs.config import load_config

from baltic_plans import build_cache, load, render
from conftest import Project


def test_both_languages_share_one_validated_model(project: Project, monkeypatch):
    calls = []
    real_load = load._load
    monkeypatch.setattr(load, "_load", lambda data_dir: calls.append(data_dir) or real_load(data_dir))

    build(load_config(str(project.root / "mkdocs.yml"), site_dir=str(project.root / "site")))

    assert (project.root / "site" / "en" / "index.html").is_file()
    assert len(calls) == 1


def test_unchanged_data_is_the_same_site_and_a_changed_file_is_read_again(frozen_project: Project):
    project = frozen_project  # its title stays as it is
    data = load.CheckedData()
    first = data.check(project.data).site
    assert data.check(project.data).site is first  # its indexes are kept (a rebuild of mkdocs serve)
    project.replace_in_plan('short_title:\n  lv: "Latvijas', 'short_title:\n  lv: "Mainīts: Latvijas')

    second = data.check(project.data).site

    assert second is not first
    assert second.plan("cbss-2008").short_title.lv.startswith("Mainīts")


def forget_environments() -> None:
    build_cache.compiled_templates.cache_clear()
    render.environment.cache_clear()


def test_templates_and_page_sources_are_compiled_once_not_per_build_language_and_page(
    project: Project, monkeypatch, tmp_path, request
):
    from jinja2 import Environment

    for kept in ("pdf", "blame"):  # a new cache of templates; the PDFs and the history as the other builds keep them
        (build_cache.cache_root() / kept).mkdir(parents=True, exist_ok=True)
        (tmp_path / kept).symlink_to(build_cache.cache_root() / kept, target_is_directory=True)
    monkeypatch.setenv("BALTIC_PLANS_CACHE", str(tmp_path))
    request.addfinalizer(forget_environments)  # the later builds of this process use the usual cache again
    forget_environments()
    config = lambda: load_config(str(project.root / "mkdocs.yml"), site_dir=str(project.root / "site"))  # noqa: E731
    build(config())
    assert len(list((tmp_path / "jinja").glob("*.cache"))) > 50  # Material's templates and the site's own

    compiled = []
    real_compile = Environment._compile
    monkeypatch.setattr(Environment, "_compile", lambda env, *a: compiled.append(a[1]) or real_compile(env, *a))
    render.environment.cache_clear()
    build(config())

    assert (project.root / "site" / "en" / "index.html").is_file()
    pages = list((project.root / "site").rglob("index.html"))
    assert 0 < compiled.count("<template>") < len(pages) / 3  # a page's Markdown: once per distinct source
    theme_templates = [name for name in compiled if name and name.endswith(".html")]
    # Material's search plugin reads its labels (partials/language*.html) through an environment of its own
    assert [name for name in theme_templates if "/partials/language" not in name] == []
