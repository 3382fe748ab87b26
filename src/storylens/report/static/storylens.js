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

  // Stories page: filter the table as one types; the form still works without script.
  var filter = document.querySelector("[data-filter-rows]");
  if (filter) {
    var rows = document.querySelectorAll(filter.getAttribute("data-filter-rows"));
    filter.addEventListener("input", function () {
      var q = filter.value.trim().toLowerCase();
      rows.forEach(function (row) {
        var hay = (row.getAttribute("data-search") || row.textContent).toLowerCase();
        row.hidden = q !== "" && hay.indexOf(q) === -1;
      });
    });
  }

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
