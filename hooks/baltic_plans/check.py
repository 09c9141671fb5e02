"""`baltic-plans-check`: validate data/ without building the site; exit 1 on any error.

`--translations` lists every text with a language missing: marked `pending` (allowed, shown with a
notice on the site) or unmarked (an error).

`--github` (the default inside GitHub Actions) also writes each problem as a workflow command, so the pull
request shows it on the changed line of "Files changed".
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .docs_check import stray_pages
from .errors import DataError, shown_path
from .load import check_data
from .messages import say
from .translations import coverage


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the YAML data of Baltic Plans.")
    parser.add_argument("data_dir", nargs="?", default="data", type=Path, help="the data folder (default: data)")
    parser.add_argument(
        "--translations", action="store_true", help="list every text whose translation is missing or pending"
    )
    parser.add_argument(
        "--github",
        action=argparse.BooleanOptionalAction,
        default=os.environ.get("GITHUB_ACTIONS") == "true",
        help="also write each problem as a GitHub annotation on its file and line (default: inside GitHub Actions)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = check_data(args.data_dir)
    if args.translations:
        return _report_translations(result, args.github)
    errors = result.errors
    if result.site is not None:  # the pages in docs/ beside the data, as the build checks them
        errors = stray_pages(args.data_dir.parent / "docs", result.site)
    for problem in [*errors, *result.warnings]:
        print(problem, file=sys.stderr)
        if args.github:
            print(annotation(problem))
    elapsed = time.perf_counter() - started
    if errors:
        print(say("would_not_build", count=len(errors)), file=sys.stderr)
        return 1
    site = result.site
    assert site is not None  # no errors: the data loaded
    activities = sum(1 for _ in site.activities())
    print(say("data_ok", plans=len(site.plans), activities=activities, seconds=f"{elapsed:.2f}"))
    return 0


def annotation(problem: DataError) -> str:
    """The problem as a GitHub workflow command: `::error file=…,line=…,col=…,title=…::message`."""
    properties = {"file": shown_path(problem.file), "line": problem.line, "col": problem.column}
    where = ",".join(f"{name}={_escape(str(value), True)}" for name, value in properties.items() if value is not None)
    what = problem.field or problem.record or ""
    title = f",title={_escape(what, True)}" if what else ""
    return f"::{'warning' if problem.warning else 'error'} {where}{title}::{_escape(str(problem.message))}"


def _escape(text: str, in_property: bool = False) -> str:
    """Workflow-command escaping: % and line breaks always, and , and : inside a property's value."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def _report_translations(result, github: bool) -> int:
    report = coverage(result)
    for gap in report.gaps:
        print(gap)
        if github and not gap.marked:  # a marked gap is allowed: only the unmarked ones fail the check
            print(annotation(gap.as_problem()))
    print(report.summary())
    return 1 if report.unmarked else 0


if __name__ == "__main__":
    sys.exit(main())
