"""MkDocs hooks file (listed in mkdocs.yml): how the build's process runs. Each other language builds in a
forked process beside the default one, the garbage collector runs less often, and the process ends without a
last garbage collection. Under `mkdocs serve` a failed rebuild shows its errors in the browser, each rebuild
says what it did in a line, and SIGTERM stops serve as Ctrl+C does."""

from mkdocs.plugins import CombinedEvent, event_priority

from baltic_plans import parallel_languages, serve_feedback


def on_startup(command, dirty):
    parallel_languages.started(command, dirty)
    parallel_languages.fewer_collections()
    serve_feedback.started(command)


def on_serve(server, config, builder):
    return serve_feedback.serving(server, config)


# After the data check (site_hooks.py) and the build's time stamp (open_data_hooks.py); before the i18n plugin
# (-100) configures the build for its language.
@event_priority(-1)
def on_config(config):
    parallel_languages.fork_other_languages(config)
    return config


@event_priority(-99)  # just before the i18n plugin (-100) sorts the files for this build's language
def _default_language_files(files, config):
    parallel_languages.sort_default_language_files(files, config)
    return files


@event_priority(-105)  # after it has
def _leave_shared_files(files, config):
    return parallel_languages.leave_shared_files(files)


on_files = CombinedEvent(_default_language_files, _leave_shared_files)


def on_post_template(output_content, template_name, config):
    return parallel_languages.written_by_last_language(output_content, template_name)


@event_priority(50)  # before the search plugin writes its index, which the child writes too
def on_post_build(config):
    parallel_languages.wait_for_other_languages(config)
    parallel_languages.child_built()


def on_build_error(error):
    parallel_languages.stop_other_languages()
    parallel_languages.child_failed(error)


def on_shutdown():
    parallel_languages.end_child()
    serve_feedback.stopped()
    parallel_languages.no_collection_at_exit()
