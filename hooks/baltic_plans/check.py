"""`baltic-plans-check`: validate data/ without building the site; exit 1 on any error.

`--translations` lists every text with a language missing: marked `pending` (allowed, shown with a
notice on the site) or unmarked (an error).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .load import check_data
from .messages import say
from .translations import coverage


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the YAML data of Baltic Plans.")
    parser.add_argument("data_dir", nargs="?", default="data", type=Path, help="the data folder (default: data)")
    parser.add_argument(
        "--translations", action="store_true", help="list every text whose translation is missing or pending"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = check_data(args.data_dir)
    if args.translations:
        return _report_translations(result)
    for problem in [*result.errors, *result.warnings]:
        print(problem, file=sys.stderr)
    elapsed = time.perf_counter() - started
    if result.errors:
        print(say("would_not_build", count=len(result.errors)), file=sys.stderr)
        return 1
    site = result.site
    activities = sum(1 for _ in site.activities())
    print(say("data_ok", plans=len(site.plans), activities=activities, seconds=f"{elapsed:.2f}"))
    return 0


def _report_translations(result) -> int:
    report = coverage(result)
    for gap in report.gaps:
        print(gap)
    print(report.summary())
    return 1 if report.unmarked else 0


if __name__ == "__main__":
    sys.exit(main())
