"""Finished HTML kept out of Markdown's way.

The macros produce Markdown headings (for the table of contents and anchors) around large blocks of finished
HTML. Markdown would re-parse every tag of those blocks with its HTML parser only to pass them through
unchanged, which was the largest part of the build time. Instead each block is held here and replaced by a
one-word paragraph; after Markdown has run, the page's HTML gets the blocks back.
"""

from __future__ import annotations

import itertools
import re

from markdown.util import BLOCK_LEVEL_ELEMENTS

_SLOT = re.compile(r"<p>(bpslot\d+x)</p>")
_BLOCK_TAG = re.compile(r"<([a-z][a-z0-9]*)[\s>/]")


def is_html_block(block: str) -> bool:
    """A block Markdown would pass through as raw HTML: it opens with a block-level tag."""
    tag = _BLOCK_TAG.match(block)
    return tag is not None and tag.group(1) in BLOCK_LEVEL_ELEMENTS


class Slots:
    """The blocks held while their pages go through Markdown: one per build (build.py), or one per document."""

    def __init__(self) -> None:
        self._held: dict[str, str] = {}
        self._numbers = itertools.count()

    def hold(self, markdown: str) -> str:
        """The Markdown with each raw HTML block (separated by blank lines) replaced by a placeholder."""
        blocks = markdown.split("\n\n")
        return "\n\n".join(self._hold_one(block) if is_html_block(block) else block for block in blocks)

    def _hold_one(self, html: str) -> str:
        key = f"bpslot{next(self._numbers)}x"
        self._held[key] = html.strip()
        return key

    def fill(self, html: str) -> str:
        """The page's HTML with the held blocks back in place of their placeholders."""
        return _SLOT.sub(lambda slot: self._held.pop(slot.group(1)), html)
