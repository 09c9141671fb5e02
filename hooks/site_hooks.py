"""MkDocs hooks file (listed in mkdocs.yml): hands each event to the baltic_plans package."""

from mkdocs.plugins import event_priority

from baltic_plans import build_cache, csp, fragments, mkdocs_hooks, slots


@event_priority(100)  # before the plugins: bad data must stop the build before anything runs
def on_config(config):
    mkdocs_hooks.validate(config)
    return config


def on_pre_build(config):
    mkdocs_hooks.compile_each_page_source_once(config)


def on_files(files, config):
    files = mkdocs_hooks.add_source_files(files, config)
    return mkdocs_hooks.add_generated_pages(files, config)


def on_nav(nav, config, files):
    mkdocs_hooks.fill_generated_pages(files, config)
    mkdocs_hooks.name_sections(nav, config)
    return nav


def on_page_markdown(markdown, page, config, files):
    mkdocs_hooks.headings_in_page_language(page, config)
    return markdown


def on_page_content(html, page, config, files):
    return slots.fill(html)


def on_page_context(context, page, config, nav):
    mkdocs_hooks.relative_home_switcher(page, config)
    mkdocs_hooks.edit_data_link(page, config)
    context["bp_in_nav"] = mkdocs_hooks.in_navigation(page, nav)
    context["bp_nav_key"] = fragments.shared_nav_key(page, nav)  # main.html
    context["nav"] = mkdocs_hooks.page_nav(nav, config)
    return context


def on_env(env, config, files):
    env.globals["bp_footer_links"] = mkdocs_hooks.footer_links
    env.bytecode_cache = build_cache.compiled_templates()  # Material's templates compiled once, not per build
    env.globals["bp_render_once"] = fragments.render_once_per_key()  # main.html
    return env


@event_priority(-1000)  # last: the policy hashes the page's inline scripts as they are written
def on_post_template(output_content, template_name, config):
    page = mkdocs_hooks.conforming_markup(mkdocs_hooks.only_one_404_page(output_content, template_name, config))
    return csp.with_policy(page) if template_name == "404.html" else page


@event_priority(-1000)  # last: the policy hashes the page's inline scripts as they are written
def on_post_page(output, page, config):
    return csp.with_policy(mkdocs_hooks.name_search_dialog(mkdocs_hooks.conforming_markup(output), page))
