"""A part of a page's template rendered once per build and reused: `{% call bp_render_once(key) %}…{% endcall %}`.

Material renders the whole navigation into every page. A page outside the navigation marks none of its items as
current, and the navigation's links are relative to the page's folder, so the pages of one folder outside it
(organisations/…, places/…, timeline/…) would all render the same navigation: main.html renders it once for
them (`shared_nav_key`). The renderings are kept in the build's Jinja environment, which MkDocs makes anew for
each build and language."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Hashable


def render_once_per_key() -> Callable:
    """A function for a Jinja call block: its body rendered the first time a key is seen and reused after it;
    with None for the key, rendered every time."""
    rendered: dict[Hashable, str] = {}

    def render_once(key: Hashable | None, caller: Callable[[], str]) -> str:
        if key is None:
            return caller()
        if key not in rendered:
            rendered[key] = caller()
        return rendered[key]

    return render_once


def shared_nav_key(page, nav) -> str | None:
    """The key under which the page's navigation is shared with the other pages of its folder, or None if it is
    the page's own: a page in the navigation is marked in it, and one with navigation pages below its own URL
    links them relative to itself."""
    if page.url in _nav_urls_and_their_folders(nav):
        return None
    return "nav:" + posixpath.dirname(page.url.rstrip("/"))


def _nav_urls_and_their_folders(nav) -> frozenset[str]:
    """Every navigation page's URL and each folder above it ("a/b/" gives "a/b/" and "a/"), made once per build."""
    known = getattr(nav, "bp_urls_and_folders", None)
    if known is None:
        urls = set()
        for listed in nav.pages:
            parts = listed.url.rstrip("/").split("/")
            urls.add(listed.url)
            urls.update("/".join(parts[:depth]) + "/" for depth in range(1, len(parts)))
        known = nav.bp_urls_and_folders = frozenset(urls)
    return known
