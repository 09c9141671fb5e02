"""Markdown extension (mkdocs.yml `markdown_extensions`): tables written in Markdown get what the site's generated
tables have, a <caption> and header cells with scope="col".

The caption is the text that introduces the table: the heading or paragraph just before it (for example
"Where things are"), or the list item just before it (a table indented under an item by fewer than four spaces
follows the list); so the Markdown stays plain and reads the same on GitHub. It is visually hidden: sighted
readers see that text right above the table; a screen reader announces it with the table."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

INTRODUCTIONS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li"}


class TableCaptions(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(parent):
                if child.tag == "table":
                    caption_and_scope(child, introduction(parent, list(parent)[:index]))


def introduction(parent: ET.Element, before: list[ET.Element]) -> str:
    """The heading, paragraph or list item just before the table; in a list item, the item's text before it."""
    last = before[-1] if before else None
    if last is not None and last.tag in ("ul", "ol") and len(last):
        last = last[-1]
    if last is not None and last.tag in INTRODUCTIONS:
        text = "".join(last.itertext())
    elif parent.tag == "li":
        text = (parent.text or "") + "".join("".join(el.itertext()) + (el.tail or "") for el in before)
    else:
        return ""
    return re.sub(r"\s+", " ", text).strip().rstrip(":")


def caption_and_scope(table: ET.Element, text: str) -> None:
    for th in table.iter("th"):
        th.set("scope", "col")  # Markdown tables have header cells only in their first row
    if table.find("caption") is None and text:
        caption = ET.Element("caption", {"class": "bp-visually-hidden"})
        caption.text = text
        table.insert(0, caption)


class TableCaptionsExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(TableCaptions(md), "bp_table_captions", 10)  # after inline (20), before toc (5)


def makeExtension(**kwargs) -> TableCaptionsExtension:
    return TableCaptionsExtension(**kwargs)
