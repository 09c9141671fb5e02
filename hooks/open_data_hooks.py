"""MkDocs hooks file (listed in mkdocs.yml): hands the open data and linked data to the baltic_plans package."""

from mkdocs.plugins import event_priority

from baltic_plans import open_data_hooks


def on_config(config):
    open_data_hooks.stamp_build(config)
    return config


@event_priority(-110)  # after the i18n plugin has sorted the files of the language being built
def on_files(files, config):
    return open_data_hooks.add_open_data(files, config)


def on_page_context(context, page, config, nav):
    open_data_hooks.linked_data(page, config)
    return context
