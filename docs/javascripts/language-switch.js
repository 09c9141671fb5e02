// The language switch keeps the reader's place: a link to a record (#cbss-edu-bologna) or a section leads to
// the same anchor in the other language, whose page has the same record ids. Without JavaScript the switch
// still leads to the same page, at its top.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.md-select__link[hreflang]") : null;
    if (!link || !window.location.hash) return;
    link.href = link.href.split("#")[0] + window.location.hash;
  });
})();
