/* The site's search engine, in the search worker that Material for MkDocs' search box talks to (its documented
 * way to bring your own search: the worker's URL in the page's config; see hooks/overrides/main.html).
 *
 * It loads the index of the page's language only (search/<lang>.json, made by the build from the data and the
 * written pages), indexes it with MiniSearch, and answers in Material's message format: one result per page,
 * with the page's matching records and sections as deep links to their anchors.
 *
 * Words are matched in any grammatical form: Latvian by a light stemmer (latvian.js), English by Porter's
 * (vendor/stemmer.js); diacritics are optional ("izglitiba" finds "izglītība"); the last word matches as a
 * prefix while it is being typed, and longer words tolerate a typo. */
"use strict";

const here = new URL(self.location.href);
const LANG = here.searchParams.get("lang") || "lv";
const VERSION = here.searchParams.get("v") || "";
const INDEX = new URL(`../../search/${LANG}.json${VERSION && "?v=" + encodeURIComponent(VERSION)}`, here);
const FORMAT = 1; // baltic_plans.search_index.FORMAT

importScripts("vendor/minisearch.js");
var module = { exports: {} }; // vendor/stemmer.js is a CommonJS module
importScripts("vendor/stemmer.js");
const englishStem = module.exports;
importScripts("latvian.js");

// Message types of Material's search worker protocol (integrations/search/worker/message)
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

const STOP_WORDS = {
  lv: new Set(("aiz ap ar arī bet bez caur dēļ gan gar ir iz ja jo kā ka kas kopš kur lai līdz ne no pa par " +
    "pār pēc pie pirms pret priekš starp tad tas tā tie to uz vai virs zem un").split(" ")),
  en: new Set(("a an and are as at be by for from has have in into is it its of on or that the their this to " +
    "was were will with").split(" ")),
};
const stem = LANG === "lv" ? latvianStem : englishStem;
const stopWords = STOP_WORDS[LANG] || new Set();

/** Strip diacritics: ā → a, š → s, ķ → k. */
function fold(word) {
  return word.normalize("NFD").replace(/\p{M}+/gu, "");
}

/** The index terms of a word: its stem, and the stem without diacritics; nothing for a stop word. */
function terms(word) {
  const lower = word.toLocaleLowerCase(LANG);
  if (stopWords.has(lower) || stopWords.has(fold(lower))) return null;
  const stemmed = stem(lower);
  const folded = fold(stemmed);
  return folded === stemmed ? stemmed : [stemmed, folded];
}

let index = null;
let docs = [];
const pages = new Map(); // location → the page's own document

async function setup() {
  const response = await fetch(INDEX);
  if (!response.ok) throw new Error(`${INDEX}: HTTP ${response.status}`);
  const body = await response.json();
  if (body.format !== FORMAT) throw new Error(`${INDEX}: format ${body.format}, expected ${FORMAT}`);
  docs = body.docs.map((doc, id) => ({ ...doc, id, page: doc.location.split("#")[0] }));
  for (const doc of docs) if (!doc.location.includes("#")) pages.set(doc.location, doc);
  index = new MiniSearch({
    fields: ["title", "text", "keywords", "tags"],
    processTerm: terms,
    searchOptions: {
      boost: { title: 3, keywords: 2, tags: 1.5, text: 1 },
      prefix: (term, i, all) => i === all.length - 1 && term.length >= 3,
      fuzzy: (term) => (term.length >= 6 ? 0.15 : false),
      combineWith: "AND",
    },
  });
  index.addAll(docs.map(({ id, title, text, keywords, tags }) => (
    { id, title, text: text || "", keywords: keywords || "", tags: (tags || []).join(" ") }
  )));
}

function escape(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** The text escaped, with every word whose index terms matched the query marked. */
function highlight(text, matched) {
  return text.split(/([\p{L}\p{N}]+)/u).map((piece, i) => {
    if (i % 2 === 0) return escape(piece);
    const forms = [].concat(terms(piece) || []);
    return forms.some((form) => matched.includes(form))
      ? `<mark>${escape(piece)}</mark>` : escape(piece);
  }).join("");
}

/** What the result shows under its title: the record's text after the part that is its title, or nothing. */
function rest(doc) {
  const text = doc.text || "";
  if (text === doc.title) return "";
  const shown = doc.title.endsWith(" …") ? doc.title.slice(0, -2) : null;
  return shown && text.startsWith(shown) ? "… " + text.slice(shown.length).trim() : text;
}

/** A window of the text around its first highlighted word, so long texts show where they match. */
function teaser(html, length = 320) {
  if (html.length <= length) return html;
  const first = html.indexOf("<mark>");
  const start = first > length / 2 ? first - 80 : 0;
  return (start > 0 ? "… " : "") + cut(html, start, length);
}

function cut(html, start, length) {
  // never cut inside a tag or an entity
  let from = start, to = Math.min(html.length, start + length);
  while (from > 0 && /[^\s>]/.test(html[from - 1])) from--;
  while (to < html.length && /[^\s<]/.test(html[to])) to++;
  const open = html.lastIndexOf("<mark>", to), close = html.lastIndexOf("</mark>", to);
  const piece = html.slice(from, to) + (open > close ? "</mark>" : "");
  return piece + (to < html.length ? " …" : "");
}

function search(query) {
  const words = query.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!index || !words.length) return { items: [] };
  let hits = index.search(query);
  if (!hits.length && words.length > 1) hits = index.search(query, { combineWith: "OR" });

  // Group by page, best page first; the page's own document heads its group
  const groups = new Map();
  for (const hit of hits) {
    const doc = docs[hit.id];
    if (!groups.has(doc.page)) groups.set(doc.page, []);
    groups.get(doc.page).push({ doc, hit });
  }
  const items = [];
  for (const [page, found] of groups) {
    const matched = [...new Set(found.flatMap(({ hit }) => hit.terms))];
    const item = ({ doc, hit }, score) => ({
      location: doc.location,
      title: highlight(doc.title, hit ? hit.terms : matched),
      text: rest(doc) && hit ? `<p>${teaser(highlight(rest(doc), hit.terms))}</p>` : "",
      tags: (doc.tags || []).map(escape),  // Material inserts tags as HTML, as it does titles and texts
      score: score ?? hit.score,
      terms: Object.fromEntries(words.map((word) => {
        const forms = [].concat(terms(word) || []);
        return [word, !hit || forms.some((form) => hit.queryTerms.includes(form))];
      })),
    });
    const own = found.find(({ doc }) => doc.location === page);
    const records = found.filter(({ doc }) => doc.location !== page).map((entry) => item(entry));
    // Material shows a group's records above the first one's score and folds the rest under "more":
    // give the page the score of its third best record, so up to three show.
    const shown = records.length ? records[Math.min(2, records.length - 1)].score : 0;
    const head = own ? item(own, Math.max(own.hit.score, shown))
      : item({ doc: pages.get(page) || { location: page, title: page, kind: "page" }, hit: null }, shown);
    items.push({ best: Math.max(head.score, records.length ? records[0].score : 0), group: [head, ...records] });
  }
  items.sort((a, b) => b.best - a.best);
  return { items: items.map(({ group }) => group) };
}

let ready = null;
addEventListener("message", async ({ data: message }) => {
  if (message.type === SETUP) {
    ready = ready || setup();
    await ready;
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    try {
      await ready;
      postMessage({ type: RESULT, data: search(message.data) });
    } catch (error) {
      console.warn(`Search: ${error.message}`);
      postMessage({ type: RESULT, data: { items: [] } });
    }
  }
});
