// The main menu on small screens: folded behind the Menu button, which opens and closes it.
// Without this script the button stays hidden and the menu shows in full (see app.css).
(function () {
  "use strict";
  function setUp() {
    var button = document.querySelector(".menu-toggle");
    var header = button && button.closest(".top");
    if (!header) return;
    header.classList.add("has-menu");
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        button.setAttribute("aria-expanded", "false");
        button.focus();
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
