/* Screen readers hear the number of search results as the reader types: Material's search box writes the count
 * ("3 atbilstoši dokumenti", "No matching documents") into its result meta line, which is made a polite live
 * region here. */
(function () {
  "use strict";
  var meta = document.querySelector(".md-search-result__meta");
  if (meta) {
    meta.setAttribute("role", "status");
    meta.setAttribute("aria-live", "polite");
    meta.setAttribute("aria-atomic", "true");
  }
})();
