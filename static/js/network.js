// Draws the who-met-whom graph from the JSON that the page embeds (#network-data).
// Redrawn after every HTMX swap of the network body, so filters update it in place.
(function () {
  "use strict";

  function draw() {
    var data = document.getElementById("network-data");
    var container = document.getElementById("network-graph");
    if (!data || !container || typeof cytoscape === "undefined") return;
    var graph = JSON.parse(data.textContent);
    var maxWeight = Math.max.apply(null, [1].concat(graph.nodes.map(function (n) { return n.weight; })));
    var cy = cytoscape({
      container: container,
      elements: {
        nodes: graph.nodes.map(function (n) { return { data: n }; }),
        edges: graph.edges.map(function (e) { return { data: e }; })
      },
      // A leader's own graph puts them in the middle of their counterparts.
      layout: graph.nodes.some(function (n) { return n.centre; })
        ? { name: "concentric", animate: false, minNodeSpacing: 24,
            concentric: function (n) { return n.data("centre") ? 2 : 1; }, levelWidth: function () { return 1; } }
        : { name: graph.nodes.length > 60 ? "circle" : "cose", animate: false },
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          "label": "data(label)", "font-size": 11, "color": "#1b1f24",
          "background-color": "#0b5cad",
          "width": function (n) { return 10 + 30 * n.data("weight") / maxWeight; },
          "height": function (n) { return 10 + 30 * n.data("weight") / maxWeight; }
        } },
        { selector: "node[?centre]", style: { "background-color": "#b3261e" } },
        { selector: "edge", style: {
          "line-color": "#8c959f", "curve-style": "haystack",
          "width": function (e) { return Math.min(1 + e.data("weight"), 8); }
        } }
      ]
    });
    cy.on("tap", "node", function (event) { window.location.href = event.target.data("url"); });
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target && event.target.id === "network-body") draw();
  });
})();
