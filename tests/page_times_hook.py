"""Each page's render time, for tests/benchmark.py, which adds this hook to its copies of the project.

A page takes two steps in a MkDocs build: its Markdown becomes HTML (on_pre_page … on_page_content: the macros,
Markdown and its extensions), then the theme's template makes the whole page (on_page_context … on_post_page:
the navigation, the table of contents, the search plugin's indexing). Both are timed, outermost among the hooks,
and their sum is written in ms by docs/ file to $BALTIC_PLANS_PAGE_TIMES/<pid>.json when a language's build
ends (each process writes its own file: the English site builds in a process of its own)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from mkdocs.plugins import event_priority

_started: dict[str, float] = {}
_took: dict[str, float] = {}


def _start(page) -> None:
    _started[page.file.src_uri] = time.perf_counter()


def _stop(page) -> None:
    uri = page.file.src_uri
    _took[uri] = _took.get(uri, 0.0) + time.perf_counter() - _started.pop(uri)


@event_priority(10_000)
def on_pre_page(page, config, files):
    _took.pop(page.file.src_uri, None)  # `mkdocs serve` and the i18n plugin may build a page again
    _start(page)
    return page


@event_priority(-10_000)
def on_page_content(html, page, config, files):
    _stop(page)
    return html


@event_priority(10_000)
def on_page_context(context, page, config, nav):
    _start(page)
    return context


@event_priority(-10_000)
def on_post_page(output, page, config):
    _stop(page)
    return output


@event_priority(-10_000)
def on_post_build(config):
    folder = os.environ.get("BALTIC_PLANS_PAGE_TIMES")
    if not folder:
        return
    times = {uri: 1000 * seconds for uri, seconds in _took.items()}
    (Path(folder) / f"{os.getpid()}.json").write_text(json.dumps(times), encoding="utf-8")
