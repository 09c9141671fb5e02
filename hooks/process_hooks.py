"""MkDocs hooks file (listed in mkdocs.yml): how the build's process runs. Each other language builds in a
forked process beside the default one, and the process ends without a last garbage collection."""

from mkdocs.plugins import event_priority

from baltic_plans import parallel_languages


def on_startup(command, dirty):
    parallel_languages.started(command)


@event_priority(-105)  # after the i18n plugin (-100) has sorted the files; before the downloads and PDFs are made
def on_files(files, config):
    parallel_languages.fork_other_languages(config)
    return parallel_languages.leave_shared_files(files)


def on_post_template(output_content, template_name, config):
    return parallel_languages.written_by_last_language(output_content, template_name)


@event_priority(50)  # before the search plugin writes its index, which the child writes too
def on_post_build(config):
    parallel_languages.wait_for_other_languages(config)


def on_build_error(error):
    parallel_languages.stop_other_languages()


def on_shutdown():
    parallel_languages.no_collection_at_exit()
