// Draws the map of where meetings happen from the JSON the page embeds (#map-data): the
// Natural Earth country shapes (static TopoJSON, loaded once), one dot per place sized by
// its meetings (area proportional to the count), dashed for a country's centre. A click
// (or Enter) on a dot, or on a place in the table, sets the filter form's `at` and submits
// it: HTMX swaps #map-body with that place's meetings and pushes the URL, so back works.
(function () {
  "use strict";

  var world = null;  // the shapes, as a promise: fetched once per page

  function shapes() {
    if (!world) {
      var script = document.getElementById("map-script");
      world = fetch(script.getAttribute("data-world"))
        .then(function (response) { return response.json(); })
        .then(function (topology) { return topojson.feature(topology, topology.objects.countries); });
    }
    return world;
  }

  function form() { return document.getElementById("map-filters"); }

  function choose(key) {
    var filters = form();
    if (!filters) return false;
    filters.elements.at.value = key;
    filters.requestSubmit();
    return true;
  }

  function draw() {
    var data = document.getElementById("map-data");
    var container = document.getElementById("map");
    if (!data || !container || typeof d3 === "undefined" || typeof topojson === "undefined") return;
    var dots = JSON.parse(data.textContent).dots;
    shapes().then(function (countries) {
      container.textContent = "";
      var width = Math.max(container.clientWidth, 280);
      var height = Math.round(width * 0.52);
      var small = width < 600;
      var projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: "Sphere" });
      var path = d3.geoPath(projection);
      var svg = d3.select(container).append("svg")
        .attr("viewBox", "0 0 " + width + " " + height)
        .attr("width", width).attr("height", height)
        .attr("aria-hidden", "true");
      svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
      svg.append("g").selectAll("path").data(countries.features).join("path")
        .attr("class", "country").attr("d", path);
      var most = d3.max(dots, function (d) { return d.count; }) || 1;
      var radius = d3.scaleSqrt().domain([0, most]).range([0, small ? 16 : 28]);
      var chosen = form() ? form().elements.at.value : "";
      var drawn = svg.append("g").selectAll("circle")
        .data(dots.slice().sort(function (a, b) { return b.count - a.count; }))  // small on top
        .join("circle")
        .attr("class", function (d) { return "dot" + (d.fallback ? " fallback" : "") + (d.key === chosen ? " chosen" : ""); })
        .attr("cx", function (d) { return projection([d.lon, d.lat])[0]; })
        .attr("cy", function (d) { return projection([d.lon, d.lat])[1]; })
        .attr("r", function (d) { return Math.max(small ? 4 : 3, radius(d.count)); })
        .attr("data-key", function (d) { return d.key; })
        .attr("tabindex", 0).attr("role", "button")
        .attr("aria-label", function (d) { return d.label + ": " + d.count + " meetings"; })
        .on("click", function (event, d) { choose(d.key); })
        .on("keydown", function (event, d) {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose(d.key); }
        });
      drawn.append("title").text(function (d) { return d.label + ": " + d.count + (d.fallback ? " (country)" : ""); });
      svg.attr("aria-hidden", null);
      container.dataset.dots = String(dots.length);
    });
  }

  function focusChosen() {
    var section = document.getElementById("place-meetings");
    if (section && section.tagName === "SECTION") section.focus();
  }

  // The hidden `at` follows the URL: a page restored from history has the old one.
  function syncAt() {
    var filters = form();
    if (filters) filters.elements.at.value = new URLSearchParams(window.location.search).get("at") || "";
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-map-at]");
    if (link && choose(link.getAttribute("data-map-at"))) event.preventDefault();
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target && event.target.id === "map-body") { draw(); focusChosen(); }
  });
  document.addEventListener("htmx:historyRestore", function () { syncAt(); draw(); });
  // Empty fields stay out of the URL.
  document.addEventListener("htmx:configRequest", function (event) {
    if (event.detail.elt !== form() || !event.detail.formData) return;
    var data = event.detail.formData;
    Array.from(data.keys()).forEach(function (name) { if (data.get(name) === "") data.delete(name); });
  });
})();
