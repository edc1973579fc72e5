// Keyboard review: j/k move through the queue and open the item, v verifies, x rejects.
(function () {
  "use strict";
  var current = -1;

  function items() { return Array.prototype.slice.call(document.querySelectorAll("[data-review-item] a")); }

  function select(index) {
    var links = items();
    if (!links.length) return;
    current = Math.max(0, Math.min(index, links.length - 1));
    links.forEach(function (a, i) { a.parentElement.classList.toggle("selected", i === current); });
    links[current].focus();
    links[current].click();
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.key === "j") { select(current + 1); event.preventDefault(); }
    else if (event.key === "k") { select(current - 1); event.preventDefault(); }
    else if (event.key === "v" || event.key === "x") {
      var button = document.querySelector("[data-panel] [data-key='" + event.key + "']");
      if (button) { button.click(); event.preventDefault(); }
    }
  });
})();
