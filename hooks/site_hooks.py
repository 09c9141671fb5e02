"""MkDocs hooks file (listed in mkdocs.yml): hands each event to the baltic_plans package."""

from mkdocs.plugins import event_priority

from baltic_plans import mkdocs_hooks


@event_priority(100)  # before the plugins: bad data must stop the build before anything runs
def on_config(config):
    mkdocs_hooks.validate(config)
    return config


@event_priority(-110)  # after the i18n plugin has sorted the files of the language being built
def on_files(files, config):
    files = mkdocs_hooks.add_source_files(files, config)
    return mkdocs_hooks.add_open_data(files, config)


def on_page_context(context, page, config, nav):
    mkdocs_hooks.relative_home_switcher(page, config)
    mkdocs_hooks.edit_data_link(page, config)
    mkdocs_hooks.linked_data(page, config)
    return context
