"""MkDocs hooks file (listed in mkdocs.yml): hands the search events to the baltic_plans package."""

from baltic_plans import search_hooks


def on_pre_build(config):
    search_hooks.start(config)


def on_page_markdown(markdown, page, config, files):
    search_hooks.leave_to_worker(page)
    return markdown


def on_page_content(html, page, config, files):
    search_hooks.collect(page, html, config)
    return html


def on_post_build(config):
    search_hooks.publish(config)
