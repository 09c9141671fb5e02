"""MkDocs hooks file (listed in mkdocs.yml): hands each event to the baltic_plans package."""

from mkdocs.plugins import event_priority

from baltic_plans import mkdocs_hooks


@event_priority(100)  # before the plugins: bad data must stop the build before anything runs
def on_config(config):
    mkdocs_hooks.validate(config)
    return config


def on_files(files, config):
    return mkdocs_hooks.add_source_files(files, config)


def on_page_context(context, page, config, nav):
    mkdocs_hooks.relative_home_switcher(page, config)
    mkdocs_hooks.edit_data_link(page, config)
    return context
