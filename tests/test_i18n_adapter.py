"""The one module that uses other packages' internals (hooks/baltic_plans/i18n_adapter.py) is pinned to the versions
it was written for: an upgrade fails here, loudly, until someone has read each use against the new code."""

from __future__ import annotations

import inspect
from importlib import metadata

from mkdocs import utils
from mkdocs_static_i18n.plugin import I18n as I18nPlugin

from baltic_plans import i18n_adapter
from baltic_plans.i18n_adapter import PINNED


def test_the_installed_versions_are_the_ones_the_adapter_was_written_for():
    installed = {name: metadata.version(name) for name in PINNED}
    assert installed == PINNED, "read hooks/baltic_plans/i18n_adapter.py against the new versions, then update PINNED"


def test_the_i18n_plugin_still_has_every_attribute_the_adapter_uses():
    source = inspect.getsource(inspect.getmodule(I18nPlugin))
    for name in ("building", "current_language", "default_language", "build_languages", "i18n_files_per_language"):
        assert f"self.{name}" in source, name
    assert callable(I18nPlugin.reconfigure_files)
    assert "utils.clean_directory = lambda x: x" in source  # its own stand-in, which a failed serve rebuild leaves


def test_mkdocs_cleans_the_site_folder_again_once_the_parallel_build_has_passed_its_clean_up():
    own = utils.clean_directory
    i18n_adapter.keep_site_folder()
    assert utils.clean_directory("folder") == "folder"  # kept: the other process writes into it
    i18n_adapter.clean_site_folder_again()
    assert utils.clean_directory is own


def test_a_failed_build_leaves_mkdocs_own_clean_up_in_place():
    own = utils.clean_directory
    try:
        with i18n_adapter.site_folder_cleaned_after_failure():
            utils.clean_directory = lambda folder: folder  # the i18n plugin's stand-in, then its build fails
            raise RuntimeError("the build failed")
    except RuntimeError:
        pass
    assert utils.clean_directory is own
