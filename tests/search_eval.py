"""The search query set run through the site's search dialog in a real browser: recall@5 and time to results.

Used by tests/test_search.py, and on its own to compare engines on any built site:

    .venv/bin/python tests/search_eval.py site/

It types each query into the header's search box as a reader does (Material's dialog, whichever engine answers
it), reads the result links in the order shown, and counts a query as found when one of its expected pages or
records is among the first five.
"""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES = Path(__file__).parent / "search" / "queries.yml"
LANGUAGE_ROOTS = {"lv": "", "en": "en/"}
TOP = 5

# Types the query, then resolves with the result links once the list has settled, and the milliseconds from the
# last keystroke to the first rendered result (or the "no results" message).
RUN_QUERY = """
async (query) => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  const meta = document.querySelector(".md-search-result__meta");
  input.focus();
  input.value = "";
  input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
  await new Promise(r => setTimeout(r, 30));
  const before = meta.textContent;
  const started = performance.now();
  let first = null;
  const seen = new MutationObserver(() => { if (first === null) first = performance.now(); });
  seen.observe(meta, {childList: true, characterData: true, subtree: true});
  seen.observe(list, {childList: true});
  input.value = query;
  input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: query.slice(-1)}));
  const deadline = started + 3000;
  let stableSince = performance.now(), last = "";
  while (performance.now() < deadline) {
    await new Promise(r => setTimeout(r, 20));
    const now = meta.textContent + "|" + list.children.length;
    if (now !== last) { last = now; stableSince = performance.now(); }
    else if (first !== null && performance.now() - stableSince > 150) break;
  }
  seen.disconnect();
  const links = [...list.querySelectorAll("a.md-search-result__link")].map(a => {
    const url = new URL(a.getAttribute("href"), location.href);
    return url.pathname + url.hash;
  });
  return {links, ms: first === null ? null : first - started, meta: meta.textContent.trim()};
}
"""


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    expect: tuple[str, ...]  # URL paths under the language's root, with #anchor for a record


@dataclass(frozen=True)
class Answer:
    query: Query
    links: tuple[str, ...]  # under the language's root, in the order shown
    ms: float | None
    meta: str

    @property
    def found(self) -> bool:
        return any(link in self.query.expect for link in self.links[:TOP])

    @property
    def page_found(self) -> bool:
        """Found at least the right page (ignoring the record's anchor): how a page-level engine is judged."""
        pages = {expected.partition("#")[0] for expected in self.query.expect}
        return any(link.partition("#")[0] in pages for link in self.links[:TOP])


def load_queries(path: Path = QUERIES) -> list[Query]:
    sets = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Query(lang, item["query"], tuple([item["expect"]] if isinstance(item["expect"], str) else item["expect"]))
        for lang, items in sets.items()
        for item in items
    ]


def ask(page, base_url: str, queries: list[Query]) -> list[Answer]:
    """Run the queries on the site served at base_url (one page load per language)."""
    answers = []
    for lang in LANGUAGE_ROOTS:
        root = base_url + LANGUAGE_ROOTS[lang]
        page.goto(root)
        page.wait_for_selector("input.md-search__input", state="attached")
        page.focus("input.md-search__input")
        page.wait_for_function(
            "() => !/^(Initiali[sz]ing|Inicializē|Notiek|Meklēšana tiek)/i"
            ".test(document.querySelector('.md-search-result__meta').textContent.trim())",
            timeout=10_000,
        )
        prefix = "/" + "/".join(part for part in root.split("/", 3)[3:] if part)
        prefix = prefix.rstrip("/") + "/"
        for query in (q for q in queries if q.lang == lang):
            result = page.evaluate(RUN_QUERY, query.text)
            links = tuple(link.removeprefix(prefix) for link in result["links"])
            answers.append(Answer(query, links, result["ms"], result["meta"]))
    return answers


def recall(answers: list[Answer], lang: str, page_level: bool = False) -> float:
    mine = [a for a in answers if a.query.lang == lang]
    return sum(a.page_found if page_level else a.found for a in mine) / len(mine)


def report(answers: list[Answer]) -> str:
    lines = []
    for lang in LANGUAGE_ROOTS:
        mine = [a for a in answers if a.query.lang == lang]
        times = [a.ms for a in mine if a.ms is not None]
        lines.append(
            f"{lang}: recall@{TOP} {recall(answers, lang):.2f} (page level {recall(answers, lang, True):.2f}) "
            f"over {len(mine)} queries; time to results median {statistics.median(times):.1f} ms, "
            f"max {max(times):.1f} ms"
        )
        lines += [
            f"  missed {a.query.text!r}: expected {a.query.expect[0]}, got {list(a.links[:TOP])}"
            for a in mine
            if not a.found
        ]
    return "\n".join(lines)


def main(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_FLAGS, serve

    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        answers = ask(page, base_url, load_queries())
        browser.close()
    print(report(answers))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
