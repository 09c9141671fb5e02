"""The pull request's preview: the site built with file names for links (`mkdocs build --no-directory-urls`, as the
workflow uploads it) opens from a downloaded folder, every link and asset of every page found as a file."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

from conftest import MKDOCS, ROOT

LINK = re.compile(r'(?:href|src)="([^"#?]+)')


def test_the_preview_opens_from_a_folder_every_link_leading_to_a_file(tmp_path: Path):
    site = tmp_path / "preview"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "--no-directory-urls", "-d", str(site)],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    pages = [page for page in site.rglob("*.html") if page.name != "404.html"]  # 404.html is served from the root
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file() and len(pages) > 100
    broken = [
        f"{page.relative_to(site)}: {href}"
        for page in pages
        for href in LINK.findall(page.read_text(encoding="utf-8"))
        if not re.match(r"^[a-z]+:|^//", href) and not (page.parent / unquote(href)).resolve().is_file()
    ]
    assert not broken, broken[:20]
