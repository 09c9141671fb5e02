// Permalinks: each record's "Link" (a.bp-permalink) leads to the record, as a plain link does without
// JavaScript; with it, a click also copies the link's absolute URL and says so in a live region.
(function () {
  "use strict";
  var live = document.createElement("div");
  live.className = "bp-live";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  document.body.appendChild(live);
  var timer = null;

  function announce(message) {
    live.textContent = message;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { live.textContent = ""; }, 3000);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.bp-permalink") : null;
    if (!link || !navigator.clipboard) return;
    navigator.clipboard.writeText(link.href).then(
      function () { announce(link.getAttribute("data-bp-copied")); },
      function () {}  // no clipboard access: the link still leads to the record
    );
  });
})();
