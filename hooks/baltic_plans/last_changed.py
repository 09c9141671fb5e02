"""When each record of the data last changed, from the data's Git history: one `git blame` per data file gives
each line's commit time, and a record's last change is the newest time over its lines.

A record is a mapping with an `id`: a plan (its whole file), an area, a task, a block, an activity, a report, an
organisation, a place. It spans from its `- id:` line to the line before its next sibling, or to the end of its
parent (so a comment after it is its own). A later report's change of an activity (`- activity: <id>` under
`changes:`) is a change of that activity too, and of the records that hold it. A line not committed yet counts
as changed on `today` (the build's day): changed now, not yet published. Outside a Git checkout, without git, or
in a shallow clone (whose oldest commit would claim every older line) there is no date at all: {}.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import subprocess
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

from .build_cache import cache_root
from .crosscheck import ORGANISATIONS_FILE, PLACES_FILE
from .errors import DataError, DataErrors
from .yaml_source import YamlDocument, read_yaml

log = logging.getLogger("mkdocs.plugins.baltic_plans")

BLAME_PROCESSES = 4
NOT_COMMITTED = "0" * 40  # blame's hash of a line changed in the working tree, or of a file Git does not track
_HEADER = re.compile(r"([0-9a-f]{40}) \d+ (\d+)(?: \d+)?")


def last_changed(data_dir: Path, today: dt.date, documents: Iterable[YamlDocument] = ()) -> dict[str, dt.date]:
    """Record id → the UTC day its lines last changed; {} outside a full Git checkout. `documents`, the data
    files as the data check read them, saves reading them again. An id that two records share (areas of different
    plans) takes the newer day."""
    files = data_files(data_dir)
    if not files or not in_full_history(data_dir):
        return {}
    read = {doc.path.resolve(): doc for doc in documents}
    with ThreadPoolExecutor(BLAME_PROCESSES) as pool:  # each blame is a process of its own: several at a time
        head = head_commit(data_dir)
        all_times = list(pool.map(lambda path: line_times(path, today, head), files))
    found: dict[str, dt.date] = {}
    for path, times in zip(files, all_times, strict=True):
        doc = read.get(path) or _read(path)
        if doc is None or doc.root is None or times is None:
            continue
        for record_id, day in record_days(doc.root, times).items():
            found[record_id] = max(day, found.get(record_id, day))
    return found


def data_files(data_dir: Path) -> list[Path]:
    data_dir = data_dir.resolve()
    named = [data_dir / ORGANISATIONS_FILE, data_dir / PLACES_FILE]
    return [path for path in named if path.is_file()] + sorted((data_dir / "plans").glob("*.yml"))


def _git(data_dir: Path, *args: str) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(["git", *args], cwd=data_dir, capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):  # no git on this machine
        return None


def in_full_history(data_dir: Path) -> bool:
    """Whether `data_dir` is in a Git work tree with its whole history (a shallow clone's first commit would be
    every older line's)."""
    result = _git(data_dir, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository")
    if result is None or result.returncode != 0:
        return False
    inside, shallow = result.stdout.decode().split()[:2]
    if shallow == "true":
        log.info("The data's Git history is shallow: no 'data last changed' dates (check out with fetch-depth: 0).")
    return inside == "true" and shallow == "false"


def head_commit(data_dir: Path) -> str | None:
    result = _git(data_dir, "rev-parse", "--verify", "--quiet", "HEAD")
    return result.stdout.decode().strip() if result is not None and result.returncode == 0 else None


def line_times(path: Path, today: dt.date, head: str | None = None) -> list[dt.date] | None:
    """The day each line of the file last changed (index 0 is line 1), from one `git blame --porcelain`. Kept in
    the build cache by what decides it (the commit checked out, the file's path and bytes, and today's date for
    lines not yet committed), so a rebuild of unchanged data runs no blame."""
    key = None
    if head is not None and path.is_file():
        made_of = f"{head}\0{path.resolve()}\0{today}\0".encode() + path.read_bytes()
        key = cache_root() / "blame" / f"{hashlib.sha256(made_of).hexdigest()}.json"
        if key.is_file():
            return [dt.date.fromisoformat(day) for day in json.loads(key.read_text(encoding="utf-8"))]
    times = _blame(path, today)
    if key is not None and times is not None:
        key.parent.mkdir(parents=True, exist_ok=True)
        temporary = key.with_suffix(f".{os.getpid()}.tmp")  # parallel builds never read half a file
        temporary.write_text(json.dumps([day.isoformat() for day in times]), encoding="utf-8")
        temporary.replace(key)
    return times


def _blame(path: Path, today: dt.date) -> list[dt.date] | None:
    result = _git(path.parent, "blame", "--porcelain", "--", path.name)
    if result is None:
        return None
    if result.returncode != 0:  # a file Git does not track yet: every line is new
        return [today] * len(path.read_text(encoding="utf-8").splitlines()) if path.is_file() else None
    return parse_porcelain(result.stdout.decode("utf-8", errors="replace"), today)


def parse_porcelain(output: str, today: dt.date) -> list[dt.date]:
    """Each final line's day: its commit's committer time as a UTC day, or `today` if it is not committed yet.
    --porcelain gives a commit's headers only at its first line, so the times are kept by hash."""
    days: dict[int, dt.date] = {}
    commits: dict[str, dt.date] = {NOT_COMMITTED: today}
    current: tuple[str, int] | None = None
    for line in output.split("\n"):
        if line.startswith("\t"):  # the line's content ends its entry
            current = None
        elif current is None and (header := _HEADER.fullmatch(line)):
            current = (header[1], int(header[2]))
            days[current[1]] = commits.get(current[0], today)
        elif current is not None and line.startswith("committer-time ") and current[0] != NOT_COMMITTED:
            commits[current[0]] = dt.datetime.fromtimestamp(int(line.split()[1]), dt.UTC).date()
            days[current[1]] = commits[current[0]]
    return [days[number] for number in sorted(days)]


# -- records and their lines ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """The lines [first, end) of a record, or of a report's change to one (0-based), and the records that hold it."""

    record: str
    first: int
    end: int
    holders: tuple[str, ...] = ()
    change: bool = False


def record_days(root: yaml.Node, times: list[dt.date]) -> dict[str, dt.date]:
    """Record id → the newest day over its lines, its changes' lines and those of the records it holds."""
    found: dict[str, dt.date] = {}
    every = list(spans(root, 0, len(times), ()))
    holders = {span.record: span.holders for span in every if not span.change}
    for span in every:
        lines = times[span.first : span.end]
        if not lines:
            continue
        newest = max(lines)
        for record in (span.record, *holders.get(span.record, ())):
            found[record] = max(newest, found.get(record, newest))
    return found


def spans(node: yaml.Node, first: int, end: int, holders: tuple[str, ...]) -> Iterator[Span]:
    """Every record (a mapping with an `id`) and every change (one with an `activity`) in `node`, which spans the
    lines [first, end); each child spans from its line to the next child's, the last to its parent's end."""
    if isinstance(node, yaml.MappingNode):
        keys = {key.value: value.value for key, value in node.value if isinstance(value, yaml.ScalarNode)}
        if "id" in keys:
            yield Span(keys["id"], first, end, holders)
            holders = (keys["id"], *holders)
        elif "activity" in keys:
            yield Span(keys["activity"], first, end, change=True)
        children = [(value, key.start_mark.line) for key, value in node.value]
    elif isinstance(node, yaml.SequenceNode):
        children = [(item, item.start_mark.line) for item in node.value]
    else:
        return
    for index, (child, start) in enumerate(children):
        child_end = children[index + 1][1] if index + 1 < len(children) else end
        yield from spans(child, start, child_end, holders)


def _read(path: Path) -> YamlDocument | None:
    try:
        return read_yaml(path)
    except (DataError, DataErrors):  # a file the data check rejects has no records to date
        return None
