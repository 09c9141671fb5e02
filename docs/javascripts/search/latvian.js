/* Latvian light stemmer: the algorithm of Lucene's LatvianStemmer (Apache Lucene, after Kārlis Kreslins'
 * "A stemming algorithm for Latvian"). It strips one inflectional ending of a noun or adjective, keeping at
 * least three letters and more vowels than the ending needs, and undoes the consonant change (palatalization)
 * of declensions II, V and VI: "izglītības", "izglītību", "izglītība" → "izglītīb"; "sanāksmes" → "sanāksm".
 * No maintained JavaScript package implements it, so it is written here; tests/test_search.py checks it. */
(function (root) {
  "use strict";

  // [ending, vowels the word must have more of, whether removing it may reveal a palatalized consonant]
  const ENDINGS = [
    ["ajiem", 3, false], ["ajai", 3, false], ["ajam", 2, false], ["ajām", 2, false], ["ajos", 2, false],
    ["ajās", 2, false], ["iem", 2, true], ["ajā", 2, false], ["ais", 2, false], ["ai", 2, false],
    ["ei", 2, false], ["ām", 1, false], ["am", 1, false], ["ēm", 1, false], ["īm", 1, false],
    ["im", 1, false], ["um", 1, false], ["us", 1, true], ["as", 1, false], ["ās", 1, false],
    ["es", 1, false], ["os", 1, true], ["ij", 1, false], ["īs", 1, false], ["ēs", 1, false],
    ["is", 1, false], ["ie", 1, false], ["u", 1, true], ["a", 1, true], ["i", 1, true],
    ["e", 1, false], ["ā", 1, false], ["ē", 1, false], ["ī", 1, false], ["ū", 1, false],
    ["o", 1, false], ["s", 0, false], ["š", 0, false],
  ];
  const VOWELS = new Set("aeiouāīēū");

  // After "-u" (genitive plural): kš → kst, ņņ → nn; after any palatalizing ending the rest below.
  const AFTER_U = [["kš", "kst"], ["ņņ", "nn"]];
  const UNPALATALIZE = [
    ["pj", "p"], ["bj", "b"], ["mj", "m"], ["vj", "v"],
    ["šņ", "sn"], ["žņ", "zn"], ["šļ", "sl"], ["žļ", "zl"], ["ļņ", "ln"], ["ļļ", "ll"],
    ["č", "c"], ["ļ", "l"], ["ņ", "n"],
  ];

  function unpalatalize(stem, removed) {
    if (removed.startsWith("u")) {  // "-u", "-us": genitive plural and the like
      for (const [from, to] of AFTER_U) if (stem.endsWith(from)) return stem.slice(0, -from.length) + to;
    }
    for (const [from, to] of UNPALATALIZE) if (stem.endsWith(from)) return stem.slice(0, -from.length) + to;
    return stem;
  }

  function latvianStem(word) {
    const letters = [...word];
    const vowels = letters.filter((letter) => VOWELS.has(letter)).length;
    for (const [ending, needed, palatalizes] of ENDINGS) {
      const length = [...ending].length;
      if (vowels > needed && letters.length >= length + 3 && word.endsWith(ending)) {
        const stem = letters.slice(0, letters.length - length).join("");
        return palatalizes ? unpalatalize(stem, ending) : stem;
      }
    }
    return word;
  }

  root.latvianStem = latvianStem;
})(typeof self !== "undefined" ? self : globalThis);
