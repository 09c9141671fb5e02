"""Every use of another package's internals, in one place, for the versions in PINNED.

Two optimisations and one repair need what the packages do not offer as an API:

- building the second language in a forked process (parallel_languages.py) asks the i18n plugin which language
  it builds and tells it the other one is built (`building`, `current_language`, `build_languages`,
  `default_language`), sorts the files for a language (`reconfigure_files`, `i18n_files_per_language`), and keeps
  MkDocs from cleaning the site folder the other process writes into (`mkdocs.utils.clean_directory`, as the i18n
  plugin itself does for its languages), from the fork until the build's clean-up step has passed;
- a failed `mkdocs serve` rebuild leaves the i18n plugin's own stand-in for `clean_directory` in place (it restores
  it only after a good build), so the next rebuild would not clean the folder: serve_feedback.py restores it.

tests/test_i18n_adapter.py fails when an installed version differs from PINNED: read each use below against the
new version's code, then update PINNED.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

PINNED = {"mkdocs": "1.6.1", "mkdocs-static-i18n": "1.3.1", "mkdocs-macros-plugin": "1.5.0"}


class I18n:
    """The i18n plugin of a build, as parallel_languages.py needs it."""

    def __init__(self, config: MkDocsConfig) -> None:
        self._plugin: Any = config.plugins.get("i18n")

    @property
    def present(self) -> bool:
        return self._plugin is not None

    @property
    def default_language(self) -> str:
        return self._plugin.default_language

    @property
    def build_languages(self) -> list[str]:
        return list(self._plugin.build_languages)

    @property
    def current_language(self) -> str | None:
        """The language being built; None before the plugin's first on_config."""
        return self._plugin.current_language

    @current_language.setter
    def current_language(self, lang: str) -> None:
        self._plugin.current_language = lang

    @property
    def building(self) -> bool:
        """True while the plugin builds its other languages: its on_post_build then builds nothing more."""
        return self._plugin.building

    @building.setter
    def building(self, value: bool) -> None:
        self._plugin.building = value

    def sort_files_for(self, lang: str, files: Files, config: MkDocsConfig) -> list[File]:
        """The documentation pages of `files` as the plugin sorts them for `lang`, kept as that language's pages
        (the plugin's sitemap lists them), while the build goes on for its own language."""
        own = self._plugin.current_language
        self._plugin.current_language = lang
        try:
            pages = self._plugin.reconfigure_files(files, config).documentation_pages()
        finally:
            self._plugin.current_language = own
        self._plugin.i18n_files_per_language[lang] = pages
        return pages


_clean_directory = utils.clean_directory  # MkDocs' own


def clean_site_folder(folder: str) -> None:
    """MkDocs' own clean-up of the site folder, whatever stands in for it."""
    _clean_directory(folder)


def keep_site_folder() -> None:
    """MkDocs' build cleans the site folder after on_pre_build; while two processes build into it, neither may."""
    # returns the folder, as the i18n plugin's own stand-in (`lambda x: x`) does; MkDocs ignores the value
    utils.clean_directory = _keep  # type: ignore[assignment]


def clean_site_folder_again() -> None:
    """MkDocs' own clean-up back (called once the build has passed it, in on_files)."""
    utils.clean_directory = _clean_directory


def _keep(folder: str) -> str:
    return folder


@contextmanager
def site_folder_cleaned_after_failure() -> Iterator[None]:
    """A failed build leaves the i18n plugin's stand-in for MkDocs' clean-up in place: put MkDocs' own back."""
    try:
        yield
    except BaseException:
        utils.clean_directory = _clean_directory
        raise
