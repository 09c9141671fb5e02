"""The GitHub Pages workflow: valid for GitHub, tests before it builds, deploys only from main, least privilege."""

from __future__ import annotations

import subprocess
import sys

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job: dict) -> list[str]:
    """Each step as the action it uses, or the command it runs (the last line of a script: its point)."""
    return [step.get("uses", "").split("@")[0] or step.get("run", "").strip().splitlines()[-1] for step in job["steps"]]


NEWEST = ROOT / ".github" / "workflows" / "newest-versions.yml"


def test_the_workflows_validate_under_the_github_workflow_schema():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         str(WORKFLOW), str(NEWEST)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_requests_and_main_are_tested_then_built_strictly_with_a_cached_install():
    flow = workflow()
    triggers = flow[True]  # YAML 1.1 reads the key `on` as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    build = flow["jobs"]["build"]
    order = steps(build)
    assert order.index("make test CHROMIUM=/usr/bin/google-chrome") < order.index("make build")
    python = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["cache"] == "pip" and python["with"]["cache-dependency-path"] == "requirements.lock"
    assert "mkdocs build --strict" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_the_build_cache_is_restored_before_the_tests_and_keyed_by_what_it_is_made_from():
    build = workflow()["jobs"]["build"]
    order = steps(build)
    cache = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/cache"))
    assert order.index("actions/cache") < order.index("make test CHROMIUM=/usr/bin/google-chrome")
    assert cache["with"]["path"] == "~/.cache/baltic-plans"  # build_cache.cache_root() on the runner
    assert all(source in cache["with"]["key"] for source in ("data/**", "hooks/**", "requirements.lock"))


def test_main_is_deployed_through_configure_upload_deploy_with_least_privilege():
    flow = workflow()
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    order = steps(build)
    # configure-pages first: its base_url is the published address the build writes into links (SITE_URL)
    assert (
        order.index("actions/configure-pages")
        < order.index("make build")
        < order.index("actions/upload-pages-artifact")
    )
    for name in ("actions/configure-pages", "actions/upload-pages-artifact"):
        assert build["steps"][order.index(name)]["if"] == "github.event_name != 'pull_request'"
    env = build["steps"][order.index("make build")]["env"]
    assert "steps.pages.outputs.base_url" in env["SITE_URL"] and "github.repository" in env["REPO_URL"]
    assert "'1'" in env["REQUIRE_REAL_URLS"]  # a deploy with mkdocs.yml's placeholder addresses fails
    assert steps(deploy) == ["actions/deploy-pages"]
    assert deploy["needs"] == "build" and "refs/heads/main" in deploy["if"]
    assert flow["permissions"] == {"contents": "read"}
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_a_weekly_run_tests_the_newest_versions_the_ranges_allow_without_the_lock():
    flow = yaml.safe_load(NEWEST.read_text(encoding="utf-8"))
    assert flow[True]["schedule"]  # YAML 1.1 reads the key `on` as True
    runs = "\n".join(step.get("run", "") for step in flow["jobs"]["newest"]["steps"])
    assert "pip install --upgrade -e '.[test]'" in runs and "requirements.lock" not in runs
    assert "make test" in runs


def test_a_pull_request_gets_its_data_checked_first_with_annotations_and_a_preview_to_download():
    flow = workflow()
    data, build = flow["jobs"]["data"], flow["jobs"]["build"]
    assert build["needs"] == "data"
    runs = "\n".join(steps(data))
    assert "baltic-plans-check --github" in runs and "baltic-plans-check --translations --github" in runs
    assert "make" not in runs  # not the whole suite's set-up: the package, pydantic and PyYAML
    order = steps(build)
    preview = build["steps"][order.index("make preview")]
    upload = build["steps"][order.index("actions/upload-artifact")]
    assert preview["if"] == upload["if"] == "github.event_name == 'pull_request'"
    assert upload["with"]["path"] == "preview" and "GITHUB_STEP_SUMMARY" in "\n".join(order)
