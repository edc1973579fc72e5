// What a failed htmx request tells the person who made it.
//
// Refused forms (400, 409, 422) come back as their panel re-rendered with the errors and
// are swapped like a 200 (responseHandling in base.html's htmx-config); this script
// moves the focus to the first field in error, or to the conflict box. Any other failure
// (another 4xx, a 5xx, no connection, a timeout) would otherwise do nothing at all: it
// gets an alert right after the form that sent it, and the form keeps what was typed.
(function () {
  "use strict";

  var SWAPPED = [400, 409, 422];

  function anchorOf(elt) {
    var anchor = elt && elt.closest ? elt.closest("form") || elt : null;
    return anchor && anchor.isConnected ? anchor : document.getElementById("main");
  }

  function clear(elt) {
    var anchor = anchorOf(elt);
    var next = anchor && anchor.nextElementSibling;
    if (next && next.classList.contains("request-error")) next.remove();
  }

  function show(elt, text) {
    var anchor = anchorOf(elt);
    if (!anchor) return;
    var box = anchor.nextElementSibling;
    if (!box || !box.classList.contains("request-error")) {
      box = document.createElement("div");
      box.className = "request-error";
      box.setAttribute("role", "alert");
      var message = document.createElement("p");
      var dismiss = document.createElement("button");
      dismiss.type = "button";
      dismiss.className = "small";
      dismiss.textContent = "Dismiss";
      dismiss.addEventListener("click", function () { box.remove(); });
      box.appendChild(message);
      box.appendChild(dismiss);
      if (anchor.id === "main") anchor.insertBefore(box, anchor.firstChild);
      else anchor.insertAdjacentElement("afterend", box);
    }
    box.firstChild.textContent = text;
  }

  function verbOf(detail) {
    var verb = detail.requestConfig && detail.requestConfig.verb;
    return verb && verb.toLowerCase() !== "get" ? "Not saved." : "Could not load.";
  }

  function explain(status) {
    if (status === 401 || status === 403) {
      return "You are not allowed to do this, or your session has ended: log in again in " +
        "another tab, then try again.";
    }
    if (status === 404) return "This record no longer exists (HTTP 404): reload the page.";
    if (status === 413) return "What you sent is too large (HTTP 413).";
    if (status === 429) return "Too many requests (HTTP 429): wait a moment and try again.";
    if (status >= 500) {
      return "The server failed (HTTP " + status + "). What you typed is still in the form: " +
        "try again, and reload the page if it keeps failing.";
    }
    return "The server refused the request (HTTP " + status + ").";
  }

  document.addEventListener("htmx:beforeRequest", function (event) { clear(event.detail.elt); });

  document.addEventListener("htmx:responseError", function (event) {
    var detail = event.detail;
    show(detail.elt, verbOf(detail) + " " + explain(detail.xhr.status));
  });

  document.addEventListener("htmx:sendError", function (event) {
    show(event.detail.elt, verbOf(event.detail) + " Could not reach the server: check your " +
      "connection and try again. What you typed is still in the form.");
  });

  document.addEventListener("htmx:timeout", function (event) {
    show(event.detail.elt, verbOf(event.detail) + " The server took too long to answer: try again.");
  });

  document.addEventListener("htmx:swapError", function (event) {
    show(event.detail.elt, "The answer could not be shown: reload the page.");
  });

  // After a refused form is swapped in, take the keyboard to what needs fixing.
  document.addEventListener("htmx:afterSettle", function (event) {
    var xhr = event.detail.xhr;
    if (!xhr || SWAPPED.indexOf(xhr.status) === -1 || xhr.errorFocused) return;
    var root = event.target && event.target.isConnected ? event.target : document;
    var first = root.querySelector("[data-conflict]") || root.querySelector("[aria-invalid=true]");
    if (first) {
      xhr.errorFocused = true;
      first.focus();
    }
  });
})();
