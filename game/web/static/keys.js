// Sincerity's one script, and the pages work without it. It adds:
// - number keys: 1-9 press the choice with that number (not while typing in a box);
// - the live region: what a choice changed, and any moment of watching, is read out by
//   screen readers;
// - the teacher's page: the list of students and the figures refresh every few seconds.
(function () {
  "use strict";
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    var t = e.target;
    if (t && (t.tagName === "TEXTAREA" || t.tagName === "INPUT" || t.isContentEditable)) return;
    var key = e.key;
    if (key === "ArrowRight" || key === "ArrowLeft") {
      var nav = document.querySelector('[data-key="' + (key === "ArrowRight" ? "next" : "prev") + '"]');
      if (nav) { nav.click(); e.preventDefault(); }
      return;
    }
    if (!/^[1-9]$/.test(key)) return;
    var button = document.querySelector('button[data-key="' + key + '"]');
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  });
  function announce() {
    var live = document.getElementById("live");
    var parts = ["happened", "moments"].map(function (id) { return document.getElementById(id); })
      .filter(function (el) { return el; });
    if (!live || !parts.length || live.getAttribute("role") !== "status") return;
    var text = parts.map(function (el) { return el.textContent; }).join(" ");
    setTimeout(function () { live.textContent = text.replace(/\s+/g, " ").trim(); }, 250);
  }
  function refresh() {
    var region = document.querySelector("[data-live]");
    if (!region) return;
    setInterval(function () {
      fetch(region.getAttribute("data-live"), {credentials: "same-origin"})
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null) region.innerHTML = html; })
        .catch(function () {});
    }, 4000);
  }
  document.addEventListener("DOMContentLoaded", function () { announce(); refresh(); });
})();
