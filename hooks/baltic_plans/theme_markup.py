"""Material's pages as this site publishes them: conforming markup, the search dialog named, the heading anchors'
tooltip in the page's language, and one 404 page."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page as MkDocsPage

from . import addresses
from .build import building_language, page_language
from .views import label

# Material's markup that the HTML standard does not allow, each with what conforms and does the same
NONCONFORMING_MARKUP = (
    # "autocomplete" applies to text-like inputs, not checkboxes (Material sets it on its drawer and search
    # toggles so that Firefox does not restore them checked)
    (' type="checkbox" id="__drawer" autocomplete="off">', ' type="checkbox" id="__drawer">'),
    (' type="checkbox" id="__search" autocomplete="off">', ' type="checkbox" id="__search">'),
    # a section label of the navigation, not focusable, gets an empty tabindex; no attribute means the same
    (' tabindex="">', ">"),
)
SEARCH_DIALOG = 'data-md-component="search" role="dialog">'


def conforming_markup(html: str) -> str:
    """The page with Material's non-conforming attributes replaced (NONCONFORMING_MARKUP)."""
    for found, conforming in NONCONFORMING_MARKUP:
        html = html.replace(found, conforming)
    return html


def name_search_dialog(html: str, page: MkDocsPage) -> str:
    """Material's search is a dialog without a name (Lighthouse's aria-dialog-name); name it in the page's language."""
    name = label("search_dialog", page_language(page))
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG.replace(">", f' aria-label="{name}">'))


def only_one_404_page(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Hosts serve the site's root 404.html for any missing path, so there is one, in the default language (it
    says the same in English). The i18n plugin builds every language into the same folder, and the last one
    built would overwrite it with its language and the last page's language switcher; an empty output is not
    written."""
    if template_name == "404.html" and building_language(config) != addresses.DEFAULT_LANGUAGE:
        return ""
    return output


def headings_in_page_language(page: MkDocsPage, config: MkDocsConfig) -> None:
    """The heading anchors' tooltip ("Permanent link") in the page's language: MkDocs makes each page's Markdown
    converter from the configuration when it renders the page, after this event."""
    toc = config["mdx_configs"].setdefault("toc", {})
    toc["permalink_title"] = label("heading_permalink", page_language(page))
