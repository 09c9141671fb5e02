"""MkDocs hooks file (listed in mkdocs.yml): hands the PDFs of the plans' full reports to the baltic_plans package."""

from mkdocs.plugins import event_priority

from baltic_plans import print_hooks


def on_startup(command, dirty):
    print_hooks.started(command)


def on_shutdown():
    print_hooks.stopped()


@event_priority(-110)  # after the i18n plugin has sorted the files of the language being built
def on_files(files, config):
    return print_hooks.add_pdfs(files, config)
