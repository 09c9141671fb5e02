"""Links to the published site and the repository are real: a build with mkdocs.yml's placeholders says so, and the
deploy (REQUIRE_REAL_URLS=1) refuses to build with them."""

import logging

import pytest
from mkdocs.exceptions import PluginError

from baltic_plans.repository import say_if_placeholder_addresses

PLACEHOLDERS = {
    "site_url": "https://example.github.io/baltic-plans/",
    "repo_url": "https://github.com/example/baltic-plans",
}
REAL = {"site_url": "https://acme.github.io/plans/", "repo_url": "https://github.com/acme/plans"}


def test_a_build_with_the_placeholders_says_so(caplog, monkeypatch):
    monkeypatch.delenv("REQUIRE_REAL_URLS", raising=False)
    with caplog.at_level(logging.INFO):
        say_if_placeholder_addresses(PLACEHOLDERS)
    assert "placeholder address in mkdocs.yml" in caplog.text and "SITE_URL" in caplog.text


def test_the_deploy_refuses_the_placeholders(monkeypatch):
    monkeypatch.setenv("REQUIRE_REAL_URLS", "1")
    with pytest.raises(PluginError, match=r"example\.github\.io"):
        say_if_placeholder_addresses(PLACEHOLDERS)
    with pytest.raises(PluginError, match=r"github\.com/example/"):
        say_if_placeholder_addresses({**REAL, "repo_url": PLACEHOLDERS["repo_url"]})


def test_real_addresses_pass_silently(caplog, monkeypatch):
    monkeypatch.setenv("REQUIRE_REAL_URLS", "1")
    with caplog.at_level(logging.INFO):
        say_if_placeholder_addresses(REAL)
    assert "placeholder" not in caplog.text
