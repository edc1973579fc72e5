// Draws the who-met-whom graph from the JSON the page embeds (#network-data): a force
// layout (fcose when vendored beside cytoscape, else cytoscape's own cose), circles sized
// by meetings and coloured by region, lines as wide as the pair's meetings, labels for the
// biggest (the others on hover or focus). On /network/ a click on a leader asks for their
// ego network, and the year slider and "show more" set the filter form's fields and
// submit it (HTMX swaps #network-body and pushes the URL, so back works); on a leader's
// page a click opens the other leader's page.
(function () {
  "use strict";

  var registered = false;

  function register() {
    if (registered || typeof cytoscape === "undefined") return;
    if (typeof cytoscapeFcose !== "undefined") cytoscape.use(cytoscapeFcose);
    registered = true;
  }

  function layoutName() {
    return typeof cytoscapeFcose !== "undefined" ? "fcose" : "cose";
  }

  function form() { return document.getElementById("network-filters"); }

  function submit(changes) {
    var filters = form();
    if (!filters) return false;
    Object.keys(changes).forEach(function (name) {
      var input = filters.elements[name];
      if (input) input.value = changes[name];
    });
    filters.requestSubmit();
    return true;
  }

  function draw() {
    var data = document.getElementById("network-data");
    var container = document.getElementById("network-graph");
    if (!data || !container || typeof cytoscape === "undefined") return;
    register();
    // Cytoscape draws in a child without an id, which it styles inline: HTMX copies the
    // attributes of elements with an id from the old page to the new when it swaps (and
    // the Content Security Policy refuses a style attribute set that way).
    var canvas = document.createElement("div");
    canvas.className = "graph-canvas";
    container.replaceChildren(canvas);
    var graph = JSON.parse(data.textContent);
    var weights = graph.nodes.map(function (n) { return n.weight; });
    var maxWeight = Math.max.apply(null, [1].concat(weights));
    var maxEdge = Math.max.apply(null, [1].concat(graph.edges.map(function (e) { return e.weight; })));
    var small = container.clientWidth < 500;
    function size(n) { return (small ? 8 : 12) + (small ? 26 : 40) * Math.sqrt(n.data("weight") / maxWeight); }
    var cy = cytoscape({
      container: canvas,
      elements: {
        nodes: graph.nodes.map(function (n) { return { data: n }; }),
        edges: graph.edges.map(function (e) { return { data: e }; })
      },
      layout: {
        name: layoutName(), animate: false, randomize: true, quality: "default",
        nodeRepulsion: function () { return 9000; },
        idealEdgeLength: function () { return graph.nodes.length > 80 ? 90 : 120; },
        nodeSeparation: 90, packComponents: true, padding: 20
      },
      minZoom: 0.2, maxZoom: 4, wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          "background-color": "data(colour)", "border-width": 1, "border-color": "#fff",
          "width": size, "height": size, "label": "",
          "font-size": small ? 10 : 12, "color": "#1b1f24", "text-valign": "bottom", "text-margin-y": 3,
          "text-outline-color": "#fff", "text-outline-width": 2, "min-zoomed-font-size": 7
        } },
        { selector: "node[?labelled], node.hover", style: { "label": "data(label)", "z-index": 10 } },
        { selector: "node[?centre]", style: { "border-width": 3, "border-color": "#1b1f24", "font-weight": "bold" } },
        { selector: "edge", style: {
          "line-color": "#8c959f", "curve-style": "haystack", "opacity": 0.45,
          "width": function (e) { return 0.5 + 6 * Math.sqrt(e.data("weight") / maxEdge); }
        } },
        { selector: "edge.hover", style: { "line-color": "#1b1f24", "opacity": 0.9 } },
        { selector: "node.faded, edge.faded", style: { "opacity": 0.15 } }
      ]
    });
    cy.on("mouseover", "node", function (event) {
      var node = event.target;
      cy.elements().addClass("faded");
      node.closedNeighborhood().removeClass("faded");
      node.addClass("hover");
      node.connectedEdges().addClass("hover");
      container.title = node.data("label") + ": " + node.data("weight") + " meetings, met " + node.data("degree");
    });
    cy.on("mouseout", "node", function (event) {
      cy.elements().removeClass("faded hover");
      container.title = "";
    });
    cy.on("tap", "node", function (event) {
      var node = event.target;
      if (container.dataset.click === "ego" && !node.data("centre")) {
        if (submit({ ego: node.data("slug"), top: "" })) return;
      }
      window.location.href = node.data("url");
    });
    container.cy = cy;  // for the browser tests, which click on a leader where it was drawn
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
  }

  // --- the year slider: two range inputs that write whole years into From and To ------

  function years() {
    var from = document.getElementById("net-year-from");
    var to = document.getElementById("net-year-to");
    return from && to ? { from: from, to: to, shown: document.getElementById("net-years-shown") } : null;
  }

  function showYears(slider) {
    if (slider.shown) slider.shown.textContent = slider.from.value + "–" + slider.to.value;
  }

  // The slider follows the From and To fields (after a swap, or back in history).
  function syncYears() {
    var slider = years();
    var filters = form();
    if (!slider || !filters) return;
    var start = filters.elements.date_from.value;
    var end = filters.elements.date_to.value;
    slider.from.value = start ? start.slice(0, 4) : slider.from.min;
    slider.to.value = end ? end.slice(0, 4) : slider.to.max;
    showYears(slider);
  }

  // The hidden fields follow the URL: a page restored from history has the old ones.
  function syncHidden() {
    var filters = form();
    if (!filters) return;
    var query = new URLSearchParams(window.location.search);
    ["ego", "top", "date_from", "date_to", "country", "kind", "sort"].forEach(function (name) {
      var input = filters.elements[name];
      if (input) input.value = query.get(name) || (name === "sort" ? "count" : "");
    });
    syncYears();
  }

  function onSlide(event) {
    var slider = years();
    if (!slider || (event.target !== slider.from && event.target !== slider.to)) return;
    event.stopPropagation();  // not the form's own change: the dates are set first
    if (Number(slider.from.value) > Number(slider.to.value)) {
      if (event.target === slider.from) slider.to.value = slider.from.value;
      else slider.from.value = slider.to.value;
    }
    showYears(slider);
    if (event.type !== "change") return;
    var whole = slider.from.value === slider.from.min && slider.to.value === slider.to.max;
    submit({
      date_from: whole ? "" : slider.from.value + "-01-01",
      date_to: whole ? "" : slider.to.value + "-12-31",
      top: ""
    });
  }

  // "Show more" and "back to the whole network": the form's fields, then submit.
  function onClick(event) {
    var link = event.target.closest("[data-network-top], [data-network-ego]");
    if (!link || !form()) return;
    event.preventDefault();
    if (link.hasAttribute("data-network-ego")) submit({ ego: "", top: "" });
    else submit({ top: link.getAttribute("data-network-top") });
  }

  document.addEventListener("DOMContentLoaded", function () { syncYears(); draw(); });
  // On the document, in the capture phase: before the form's own listener (HTMX), and
  // still there after a page is restored from history with new elements.
  document.addEventListener("input", onSlide, true);
  document.addEventListener("change", onSlide, true);
  document.addEventListener("click", onClick);
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target && event.target.id === "network-body") { syncYears(); draw(); }
  });
  document.addEventListener("htmx:historyRestore", function () { syncHidden(); draw(); });
  // Empty fields and the default sort stay out of the URL.
  document.addEventListener("htmx:configRequest", function (event) {
    if (event.detail.elt !== form() || !event.detail.formData) return;
    var data = event.detail.formData;
    Array.from(data.keys()).forEach(function (name) {
      var value = data.get(name);
      if (value === "" || (name === "sort" && value === "count")) data.delete(name);
    });
  });
  // HTMX keeps a copy of the page for the back button: without the graph, whose elements
  // carry inline styles that the Content Security Policy would refuse when restored.
  document.addEventListener("htmx:beforeHistorySave", function () {
    var container = document.getElementById("network-graph");
    if (!container) return;
    if (container.cy) container.cy.destroy();
    container.textContent = "";
  });
})();
