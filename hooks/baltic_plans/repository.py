"""The published site's and the repository's addresses: "edit the data" links, and placeholders said or refused."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page as MkDocsPage

from . import addresses
from .build import docs_path, page_language
from .model import Site
from .views import label

log = logging.getLogger("mkdocs.plugins.baltic_plans")

PLACEHOLDER_HOSTS = ("example.github.io", "github.com/example/")


def say_if_placeholder_addresses(config: MkDocsConfig) -> None:
    """Canonical links, edit links, the CSV's url column and "how to cite" are made from site_url and repo_url:
    a build with mkdocs.yml's placeholders says so, and fails where the addresses must be real (the deploy, which
    sets them). The accessibility statement's contact e-mail is the publisher's to set: its placeholder is said."""
    urls = {key: config.get(key) or "" for key in ("site_url", "repo_url")}
    email = (config.get("extra") or {}).get("contact_email") or ""
    placeholders = [f"{key}={value}" for key, value in urls.items() if any(h in value for h in PLACEHOLDER_HOSTS)]
    if email.endswith("@example.org"):
        log.info(f"placeholder contact e-mail in mkdocs.yml ({email}): set CONTACT_EMAIL (a repository variable)")
    if not placeholders:
        return
    message = (
        f"placeholder address in mkdocs.yml ({', '.join(placeholders)}): links to the published site and to the "
        "repository will point there; set SITE_URL and REPO_URL, as the deploy workflow does"
    )
    if os.environ.get("REQUIRE_REAL_URLS") == "1":
        raise PluginError(message)
    log.info(message)


def repository_base(config: MkDocsConfig) -> str | None:
    """The repository URL up to the branch ('…/edit/main/'), from repo_url and edit_uri; None without them."""
    if not config.get("repo_url") or not config.get("edit_uri"):
        return None
    docs = Path(config["docs_dir"]).name + "/"
    edit_uri = config["edit_uri"]
    if not edit_uri.endswith(docs):
        raise PluginError(f"edit_uri '{edit_uri}' must end with '{docs}' (e.g. 'edit/main/{docs}')")
    return config["repo_url"].rstrip("/") + "/" + edit_uri.removesuffix(docs)


def edit_data_link(page: MkDocsPage, config: MkDocsConfig, site: Site) -> None:
    """Give the page an "edit the data" link to the data file it is made from (page.meta.bp_edit_data)."""
    base = repository_base(config)
    if base is None:
        return
    data = addresses.data_behind(docs_path(page), site.plans_by_id.keys())
    if data is None:
        return
    href = base + data if not data.endswith("/") else base.replace("/edit/", "/tree/", 1) + data
    page.meta["bp_edit_data"] = {"href": href, "path": data, "label": label("edit_data", page_language(page))}
