/* storylens: the little behaviour shared by the web UI and the HTML report.
 * No framework and no innerHTML: every string shown comes from the server-rendered, escaped page. */
(function () {
  "use strict";

  function closeAll(except) {
    document.querySelectorAll("button.cite[aria-expanded='true']").forEach(function (b) {
      if (b !== except) { toggle(b, false); }
    });
  }

  function toggle(button, open) {
    var box = document.getElementById(button.getAttribute("aria-controls"));
    if (!box) { return; }
    button.setAttribute("aria-expanded", open ? "true" : "false");
    box.classList.toggle("open", open);
  }

  // Citations: a click (or Enter/Space, which buttons turn into clicks) shows the quoted words.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.cite") : null;
    if (button) {
      var open = button.getAttribute("aria-expanded") !== "true";
      closeAll(button);
      toggle(button, open);
      return;
    }
    if (!(event.target.closest && event.target.closest(".cite-quote"))) { closeAll(null); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { closeAll(null); }
  });

  // A link to a quoted span inside a folded source (the report) unfolds it first.
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    if (target) { target.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", reveal);
  if (window.location.hash) { reveal(); }

  // Printing: folded sections (evidence, removed text) are part of the record, so unfold them.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.setAttribute("open", "");
      d.setAttribute("data-print-opened", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-print-opened]").forEach(function (d) {
      d.removeAttribute("open");
      d.removeAttribute("data-print-opened");
    });
  });
})();
