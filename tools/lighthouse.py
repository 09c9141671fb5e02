"""Lighthouse (mobile) on the home page, an area page and the timeline of each language, served from site/ at
site_url's path on 127.0.0.1. Writes reports/lighthouse/summary.json and summary.md (kept in the repository)
and each page's full report (reports/lighthouse/full/, not kept); exits 1 when a score is under its target.

Each page is audited --runs times (5 by default) and Lighthouse's own `computeMedianRun` picks the run that
stands for it (the run nearest the median first paint and time to interactive): Lighthouse's documentation
on variability finds the median of 5 runs twice as stable as one run. Scores are the median run's; the summary
also gives every run's performance score.

Run with `make lighthouse` (it builds the site and installs npm's lighthouse into .lighthouse/ first). To compare
variants of a page, audit some pages only (printed, the summary is left as it is):
`python tools/lighthouse.py --pages area-lv area-en`, optionally of another build: `--site DIR`."""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from tempfile import TemporaryDirectory
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent

LIGHTHOUSE = ROOT / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
MEDIAN_RUN = ROOT / ".lighthouse" / "node_modules" / "lighthouse" / "core" / "lib" / "median-run.js"
PICK_MEDIAN = """import {computeMedianRun} from '%s';
import {readFileSync} from 'node:fs';
const runs = process.argv.slice(1).map(path => JSON.parse(readFileSync(path, 'utf8')));
console.log(runs.indexOf(computeMedianRun(runs)));"""
REPORTS = ROOT / "reports" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
PAGES = {
    "home-lv": "",
    "area-lv": "cbss-2008/education/",
    "timeline-lv": "timeline/",
    "home-en": "en/",
    "area-en": "en/cbss-2008/education/",
    "timeline-en": "en/timeline/",
}
TARGETS = {"accessibility": 100, "best-practices": 100, "seo": 95, "performance": 95}
# The timings behind the performance score, in milliseconds (cumulative-layout-shift has no unit).
METRICS = ["first-contentful-paint", "largest-contentful-paint", "speed-index", "total-blocking-time",
           "cumulative-layout-shift"]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=list(PAGES), help="audit these pages only")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--runs", type=int, default=5, help="audits per page; the median run counts (default: 5)")
    args = parser.parse_args()
    pages = args.pages
    site_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    path = urlparse(site_url).path.strip("/")
    (REPORTS / "full").mkdir(parents=True, exist_ok=True)
    summary = {}
    with TemporaryDirectory() as host:
        (Path(host) / path).symlink_to(args.site.resolve(), target_is_directory=True)
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=host))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        for name in pages:
            summary[name] = audit(name, f"{base}{path}/{PAGES[name]}", args.runs)
            page = summary[name]
            print(name, page["scores"], "performance runs:", page["performance_runs"], page["metrics"], flush=True)
        server.shutdown()
    if len(summary) < len(PAGES):
        return 0
    (REPORTS / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (REPORTS / "summary.md").write_text(table(summary), encoding="utf-8")
    below = [f"{name} {category} {score}" for name, page in summary.items()
             for category, score in page["scores"].items() if score < TARGETS[category]]  # fmt: skip
    print("\n".join(["under target:", *below]) if below else "all scores on target")
    return 1 if below else 0


def audit(name: str, url: str, runs: int) -> dict:
    """The page's median run (Lighthouse's computeMedianRun) of `runs` audits, with every run's performance."""
    reports = [audit_once(REPORTS / "full" / f"{name}-{run + 1}", url) for run in range(runs)]
    median = subprocess.run(
        ["node", "--input-type=module", "-e", PICK_MEDIAN % MEDIAN_RUN.as_uri(), "--", *map(str, reports)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    chosen = reports[int(median.stdout)]
    every_run = [read(report)["categories"]["performance"]["score"] for report in reports]
    return {
        **summarize(read(chosen), url),
        "median_run": chosen.name,
        "performance_runs": [round(100 * s) for s in every_run],
    }


def audit_once(output: Path, url: str) -> Path:
    subprocess.run(
        [str(LIGHTHOUSE), url, f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(TARGETS),
         "--output=json", "--output=html", f"--output-path={output}", "--quiet"],
        check=True, env={**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")},
    )  # fmt: skip
    return output.with_suffix(".report.json")


def read(report: Path) -> dict:
    return json.loads(report.read_text(encoding="utf-8"))


def summarize(report: dict, url: str) -> dict:
    return {
        "url": url.split("/", 3)[3],  # the path on the server, e.g. baltic-plans/en/timeline/
        "lighthouse": report["lighthouseVersion"],
        "fetched": report["fetchTime"],
        "scores": {key: round(category["score"] * 100) for key, category in report["categories"].items()},
        "metrics": {key: round(report["audits"][key]["numericValue"], 3) for key in METRICS},
        "failed_audits": sorted(
            audit_id
            for category in report["categories"].values()
            for ref in category["auditRefs"]
            if ref["weight"]
            and (audit_id := ref["id"])
            and (report["audits"][audit_id]["score"] or 0) < 1
            and report["audits"][audit_id]["scoreDisplayMode"] in ("binary", "numeric")
        ),
    }


def table(summary: dict) -> str:
    lines = ["| page | " + " | ".join(TARGETS) + " | performance, every run |", "|---" * (len(TARGETS) + 2) + "|"]
    lines += [f"| {name} (`{page['url']}`) | " + " | ".join(str(page["scores"][c]) for c in TARGETS)
              + f" | {', '.join(map(str, page['performance_runs']))} |" for name, page in summary.items()]  # fmt: skip
    first = next(iter(summary.values()))
    heading = (
        f"Lighthouse {first['lighthouse']}, mobile (simulated slow 4G, 4x CPU slowdown), {first['fetched'][:10]}; "
        f"each page's median run of {len(first['performance_runs'])} (Lighthouse's computeMedianRun)"
    )
    note = "Served from 127.0.0.1, gzip-compressed as GitHub Pages serves it (`make lighthouse`, tools/lighthouse.py)."
    failed = [f"- {name}: {', '.join(page['failed_audits'])}" for name, page in summary.items()]  # in the median run
    return "\n".join([heading, "", note, "", *lines, "", "Audits under full score:", "", *failed, ""])


class Quiet(SimpleHTTPRequestHandler):
    """Serves the site as its host does (GitHub Pages sends text gzip-compressed), without logging."""

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSED or not path.is_file():
            return super().do_GET()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


if __name__ == "__main__":
    sys.exit(main())
