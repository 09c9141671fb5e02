"""A Content-Security-Policy on every page, as a <meta http-equiv> (GitHub Pages sets no headers).

Scripts run only from the site itself and, inline, only those the page was built with: the SHA-256 of each inline
script (Material's few lines and the site's own) is in the page's policy, so no 'unsafe-inline' for scripts and a
script that data text might smuggle in would not run. Data blocks (JSON-LD, Material's configuration) are not
scripts that run, and need no hash. Styles allow inline style attributes: Material sets them from its scripts.
"""

from __future__ import annotations

import base64
import hashlib
import re

# a <script> without src whose type runs (none, or a JavaScript type); JSON data blocks are not run
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_DATA_TYPE = re.compile(r"""\btype=["']?application/(?:ld\+)?json""", re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)

POLICY = (
    "default-src 'self'",
    "script-src {scripts}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def inline_script_hashes(html: str) -> list[str]:
    """The CSP source of each inline script that runs: 'sha256-…' of its exact text."""
    found = []
    for script in _INLINE_SCRIPT.finditer(html):
        if _DATA_TYPE.search(script.group("attributes")):
            continue
        digest = hashlib.sha256(script.group("body").encode("utf-8")).digest()
        found.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(found))


def policy(html: str) -> str:
    scripts = " ".join(["'self'", *inline_script_hashes(html)])
    return "; ".join(POLICY).format(scripts=scripts)


def with_policy(html: str) -> str:
    """The page with its policy first in its <head>, before any script it governs."""
    head = _HEAD.search(html)
    if head is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html[: head.end()] + meta + html[head.end() :]
