"""Build-time benchmark: the real site at 1x, synthetic data at 10x and 100x, each beside an empty Material site.

    make benchmark                      # 1x, 10x, 100x
    .venv/bin/python tests/benchmark.py 1 10

For each scale it makes a copy of the project whose data holds that many copies of the real plans (new ids,
titles and years; the same texts, so pages are of realistic size), builds both languages with
`mkdocs build --strict` (first with cold caches, as on a fresh machine, then `--repeat` times), and builds an
*empty* site of the same pages: the same mkdocs.yml, theme, plugins and
navigation, each page holding only its title, without the macros and hooks. It prints wall time, peak memory,
pages, time per page, the largest page, and the ratio to the empty site. Not a test: timings depend on the
machine; compare the ratios of one run.

A grown site is compared with the real one built just before and just after it (this machine's speed drifts
between minutes), in two ways: its wall time per page, which also weighs the mix of pages and the work that grows
with the records rather than the pages (the open data, the PDFs), and the time of the real site's pages whose
content is the same in both (timed by tests/page_times_hook.py): what is left is what a page costs more because
the site is larger."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

import yaml
from mkdocs.utils.yaml import yaml_load as mkdocs_yaml_load

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from baltic_plans import addresses  # noqa: E402
from baltic_plans.load import check_data  # noqa: E402
from baltic_plans.navigation import with_plans  # noqa: E402
from baltic_plans.paging import generated_pages  # noqa: E402

DATED_KEYS = ("as_of", "period", "date")
YEAR = re.compile(r"\b(19|20)\d\d\b")
REFERENCE_KEYS = ("id", "shares_cell_with")  # record ids a copy renames; organisations and places stay shared
PAGE_TIMES_HOOK = "page_times_hook.py"


# -- synthetic data -------------------------------------------------------------------------------


def copy_of(record, copy: int):
    """A real plan's record as copy number `copy`: ids suffixed, titles numbered, dates moved on by 4·k years."""
    years = 4 * (copy % 6)  # a multiple of 4 keeps 29 February valid; plans overlap as real ones do
    if isinstance(record, list):
        return [copy_of(item, copy) for item in record]
    if not isinstance(record, dict):
        return record
    result = {}
    for key, value in record.items():
        if key in REFERENCE_KEYS and isinstance(value, str):
            value = f"{value}-x{copy}"
        elif key in DATED_KEYS and isinstance(value, str):
            value = YEAR.sub(lambda m: str(int(m.group()) + years), value)
        elif key in ("title", "short_title") and isinstance(value, dict):
            value = {lang: f"{text} ({copy + 1})" for lang, text in value.items()}
        else:
            value = copy_of(value, copy)
        result[key] = value
    return result


def areas_keep_ids(plan: dict, original: dict) -> dict:
    """Areas are named by their page (docs/<plan>/<area>.md), which is local to the plan: keep their ids."""
    for area, real in zip(plan["areas"], original["areas"], strict=True):
        area["id"] = real["id"]
    return plan


def make_project(destination: Path, scale: int, timed: bool = False) -> Path:
    """A copy of the project with `scale` copies of every real plan and their pages; `timed`, with the hook that
    times each page (tests/page_times_hook.py)."""
    destination.mkdir(parents=True)
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, destination)
    shutil.copytree(ROOT / "docs", destination / "docs")
    shutil.copytree(ROOT / "data", destination / "data")
    shutil.copytree(ROOT / "hooks", destination / "hooks", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    if timed:
        shutil.copy(ROOT / "tests" / PAGE_TIMES_HOOK, destination / "hooks")
        config = (destination / "mkdocs.yml").read_text(encoding="utf-8")
        config += f"\nhooks:\n  - hooks/{PAGE_TIMES_HOOK}\n"  # the project's own code is a plugin, not a hook
        (destination / "mkdocs.yml").write_text(config, encoding="utf-8")
    compile_hooks = [sys.executable, "-m", "compileall", "-q", str(destination / "hooks")]
    subprocess.run(compile_hooks, check=True)  # as `make build` does
    plans = destination / "data" / "plans"
    for path in sorted(plans.glob("*.yml")):
        original = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for copy in range(1, scale):
            plan = areas_keep_ids(copy_of(original, copy), original)
            text = yaml.dump(plan, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=10_000)
            (plans / f"{plan['id']}.yml").write_text(text, encoding="utf-8")
            if (destination / "docs" / original["id"]).is_dir():  # a plan's pages in docs/, if it has any
                shutil.copytree(destination / "docs" / original["id"], destination / "docs" / plan["id"])
    commit = (
        "git init -q && git add -A && git -c user.name=benchmark -c user.email=benchmark@example.org commit -qm copy"
    )
    subprocess.run(commit, shell=True, cwd=destination, check=True)  # a checkout, as deployed: "data last changed"
    return destination


def make_empty_site(project: Path, destination: Path) -> Path:
    """The same pages and navigation with only their titles: what MkDocs and Material cost on their own."""
    site = check_data(project / "data").site
    config = mkdocs_yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))  # with its !ENV tags
    shutil.copytree(project / "docs", destination / "docs")
    shutil.copytree(project / "hooks" / "overrides", destination / "hooks" / "overrides")
    for path in generated_pages(site):  # the pages the hook makes from the data, as files
        for localized in addresses.localized_files(path):
            (destination / "docs" / localized).parent.mkdir(parents=True, exist_ok=True)
            (destination / "docs" / localized).touch()
    for page in (destination / "docs").rglob("*.md"):
        lang = "en" if page.name.endswith(".en.md") else "lv"
        page.write_text(f"# {page_title(site, page.relative_to(destination / 'docs'), lang)}\n", encoding="utf-8")
    config.pop("hooks", None)
    config.pop("watch", None)
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "macros" in p)]
    config["plugins"] = [p for p in config["plugins"] if p != "baltic-plans"]
    config["nav"] = with_plans(config["nav"], site)
    (destination / "mkdocs.yml").write_text(yaml.dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return destination


def page_title(site, relative: Path, lang: str) -> str:
    plan_id, _, rest = str(relative).partition("/")
    if not rest or plan_id in ("timeline", "sources", "organisations", "places"):
        return relative.name.split(".")[0].capitalize()
    plan = site.plan(plan_id)
    area = rest.split(".")[0]
    if area == "report":
        return plan.title(lang)
    return plan.short_title(lang) if area == "index" else plan.area(area).title(lang)


# -- measuring ------------------------------------------------------------------------------------


@dataclass
class Build:
    seconds: float
    peak_mib: float
    pages: int
    largest: tuple[int, str]
    site: Path
    page_ms: dict[str, float] = field(default_factory=dict)  # docs/ file → render time, if the project is timed

    @property
    def per_page_ms(self) -> float:
        return 1000 * self.seconds / self.pages

    def time_of(self, files) -> float:
        """The time in ms these files' pages took to render in this build."""
        return sum(self.page_ms[name] for name in files)


def build(project: Path, cache: Path) -> Build:
    """`mkdocs build --strict` in a process of its own: its wall time and peak resident memory. The build cache
    (typeset PDFs, compiled templates) is `cache`, the scale's own, so the first build starts cold."""
    site = project / "site"
    times = project / "page-times"
    shutil.rmtree(times, ignore_errors=True)
    times.mkdir()
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "BALTIC_PLANS_CACHE": str(cache),
        "BALTIC_PLANS_PAGE_TIMES": str(times),
        "PYTHONPATH": str(project / "hooks"),  # the copy's hooks package, not the one installed from the project
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env=env, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    errors = process.stderr.read()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"build failed in {project}:\n{errors}")
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    largest = max((p.stat().st_size, str(p.relative_to(site))) for p in pages)
    page_ms = {name: ms for path in times.glob("*.json") for name, ms in json.loads(path.read_text()).items()}
    return Build(seconds, usage.ru_maxrss / 1024, len(pages), largest, site, page_ms)


def first_and_median_build(project: Path, cache: Path, repeat: int) -> tuple[Build, Build]:
    """The first build (cold caches, as on a fresh machine) and the median of `repeat` builds after it."""
    first = build(project, cache)
    return first, median_build([build(project, cache) for _ in range(repeat)])


def median_build(builds: list[Build]) -> Build:
    return sorted(builds, key=lambda b: b.seconds)[len(builds) // 2]


@dataclass
class Reference:
    """The real site, built beside each build of a grown one so that both meet the machine at the same speed."""

    project: Path
    cache: Path
    builds: list[Build] = field(default_factory=list)

    def around(self, project: Path, cache: Path) -> Build:
        """`project` built with the real site built just before and just after it."""
        self.builds.append(build(self.project, self.cache))
        result = build(project, cache)
        self.builds.append(build(self.project, self.cache))
        return result


def versus(grown: Build, real: list[Build]) -> tuple[str, str]:
    """Per page, a grown site against the real one built beside it: wall time per page of the whole build, and the
    time of the real site's pages whose content the grown site has unchanged (its plans', areas' and reports' pages,
    but not the lists that hold the copies too), so that what is left is what a page costs more in a larger site."""
    wall = grown.per_page_ms / median(b.per_page_ms for b in real) - 1
    unchanged = [name for name in real[0].page_ms if article(real[0].site, name) == article(grown.site, name)]
    same = grown.time_of(unchanged) / median(b.time_of(unchanged) for b in real) - 1
    return f"{wall:+.0%}", f"{same:+.0%} ({len(unchanged)} pages)"


def article(site: Path, file: str) -> str:
    """The content of the page made from docs/`file`: its <article>, without the navigation around it."""
    lang = "en" if file.endswith(".en.md") else "lv"
    html = (site / addresses.page_url(file.replace(".en.md", ".md"), lang) / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scales", nargs="*", type=int, default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=3, help="builds after the first, per scale below 100× (median)")
    options = parser.parse_args()
    print(
        "| data | pages | first build (cold caches) | build | empty site | ratio | per page | vs 1×, per page "
        "| vs 1×, unchanged pages | peak memory | largest page | data check |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="baltic-plans-bench-") as temporary:
        beside = Path(temporary) / "x1-beside"
        reference = Reference(make_project(beside, 1, timed=True), Path(temporary) / "x1-beside-cache")
        build(reference.project, reference.cache)  # its caches warm: it is only ever compared warm
        for scale in options.scales:
            project = make_project(Path(temporary) / f"x{scale}", scale, timed=True)
            start = time.perf_counter()
            check_data(project / "data")
            check = time.perf_counter() - start
            empty = make_empty_site(project, Path(temporary) / f"x{scale}-empty")
            repeat = options.repeat if scale < 100 else 1
            cache = Path(temporary) / f"x{scale}-cache"
            if scale == 1:
                first, real = first_and_median_build(project, cache, repeat)
                wall = same = "–"
            else:
                reference.builds.clear()
                first = build(project, cache)
                real = median_build([reference.around(project, cache) for _ in range(repeat)])
                wall, same = versus(real, reference.builds)
            bare = first_and_median_build(empty, cache, repeat)[1]
            size, name = real.largest
            print(
                f"| {scale}× | {real.pages} | {first.seconds:.2f} s | {real.seconds:.2f} s | {bare.seconds:.2f} s "
                f"| {real.seconds / bare.seconds:.2f}× | {real.per_page_ms:.1f} ms | {wall} | {same} "
                f"| {real.peak_mib:.0f} MiB | {size / 1024:.0f} KiB ({name}) | {check:.2f} s |",
                flush=True,
            )


if __name__ == "__main__":
    main()
