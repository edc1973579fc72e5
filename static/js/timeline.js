/* The timeline chart (templates/meetings/timeline_chart.html, meetings/timeline.py).

   A time axis (d3-scale, d3-axis) that zooms from centuries to days with the wheel, a
   drag or the buttons (d3-zoom). Each change of the window asks the server for that
   window only (data-src + start/end): a density band of meetings per year, month, week
   or day stacked by kind, or the meetings themselves as marks (links to their pages)
   when few enough are in view; with leaders selected, one lane per leader and each
   meeting between selected leaders drawn as a line across their lanes. The window lives
   in the URL (start, end): a zoom or pan ends with a new history entry, and Back
   restores the window before it. No inline script or style (the page's CSP): classes,
   data- attributes and SVG attributes only. */
(function () {
  "use strict";

  const DAY = 86400000;
  const MIN_SPAN = 2 * DAY;
  const MAX_SPAN = 400 * 365.25 * DAY;
  const EARLIEST = Date.UTC(1000, 0, 1);
  const LATEST = Date.UTC(2999, 11, 31);
  const BAND = 170; // height of the band without lanes
  const LANE = 74; // height of one lane
  const LABEL = 16; // a lane's name above its band
  const AXIS = 26;
  const KINDS = ["bilateral", "multilateral", "call", "visit"];
  const SVGNS = "http://www.w3.org/2000/svg";
  const live = [];

  const day = (text) => new Date(text + "T00:00:00Z");
  const iso = (date) => new Date(date).toISOString().slice(0, 10);
  const dayFormat = (date) =>
    new Date(date).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const number = (n) => n.toLocaleString("en-GB");
  const UNIT_LABEL = { year: "year", month: "month", week: "week", day: "day" };

  function bucketLabel(start, unit) {
    const date = day(start);
    if (unit === "year") return String(date.getUTCFullYear());
    if (unit === "month") return date.toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
    if (unit === "week") return "week of " + dayFormat(date);
    return dayFormat(date);
  }

  function listOf(names) {
    if (names.length < 2) return names.join("");
    return names.slice(0, -1).join(", ") + " and " + names[names.length - 1];
  }

  function init(section) {
    if (section.timeline) return;
    const frame = section.querySelector(".chart-frame");
    const summary = section.querySelector(".chart-summary");
    const range = section.querySelector(".chart-range");
    const tip = section.querySelector(".chart-tip");
    const form = document.querySelector("#timeline-view form.filters");
    const chart = { section, answer: null, controller: null, timer: null };
    section.timeline = chart;
    live.push(chart);
    if (section.dataset.invalid) return;
    section.querySelector(".chart-controls").hidden = false;

    const svg = d3.select(frame).append("svg").attr("class", "timeline-svg").attr("role", "group")
      .attr("aria-labelledby", "chart-title").attr("aria-describedby", "timeline-summary");
    summary.id = "timeline-summary";
    svg.append("title").text("Meetings over time");
    const plot = svg.append("g").attr("class", "plot");
    const axisGroup = svg.append("g").attr("class", "axis");
    let width = 0;
    let height = 0;
    let base = d3.scaleUtc(); // the scale at zoom identity
    let x = base;
    let restoring = false; // a window set from the URL: no new history entry
    let restoringAll = false; // the whole record asked for by Back: no new entry either

    const zoom = d3.zoom()
      .on("zoom", (event) => {
        x = event.transform.rescaleX(base);
        draw();
        schedule();
      })
      .on("end", () => {
        if (!restoring) remember();
      });

    function layout(lanes) {
      width = Math.max(280, frame.clientWidth);
      height = (lanes ? lanes * LANE : BAND) + AXIS;
      svg.attr("viewBox", `0 0 ${width} ${height}`).attr("width", width).attr("height", height);
      axisGroup.attr("transform", `translate(0,${height - AXIS})`);
      base.range([0, width]);
      x.range([0, width]);
      zoom.extent([[0, 0], [width, height]]);
    }

    function windowNow() {
      const [start, end] = x.domain();
      return [Math.max(EARLIEST, +start), Math.min(LATEST, +end)];
    }

    // The window as the base scale's domain and the zoom at identity: each later zoom is
    // relative to it, and its limits keep the span between two days and four centuries.
    function setBase(start, end) {
      base = d3.scaleUtc().domain([start, end]).range([0, width]);
      x = base;
      const span = end - start;
      zoom.scaleExtent([span / MAX_SPAN, span / MIN_SPAN]);
      restoring = true;
      svg.call(zoom.transform, d3.zoomIdentity);
      restoring = false;
    }

    function goTo(start, end, push) {
      const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, end - start));
      const middle = (start + end) / 2;
      start = Math.max(EARLIEST, middle - span / 2);
      end = Math.min(LATEST, start + span);
      const k = (base.range()[1] - base.range()[0]) / (base(end) - base(start));
      const transform = d3.zoomIdentity.scale(k).translate(-base(start), 0);
      restoring = !push;
      svg.call(zoom.transform, transform);
      restoring = false;
    }

    function remember() {
      const [first, last] = windowNow();
      const start = iso(first);
      const end = iso(last - 1);
      const params = new URLSearchParams(location.search);
      if (params.get("start") === start && params.get("end") === end) return;
      params.set("start", start);
      params.set("end", end);
      history.pushState({ timeline: true }, "", "?" + params.toString());
      keepInForm(start, end);
    }

    function keepInForm(start, end) {
      if (!form) return;
      for (const [name, value] of [["start", start], ["end", end]]) {
        const input = form.querySelector(`input[type=hidden][name=${name}]`);
        if (input) {
          input.value = value || "";
          input.disabled = !value;
        }
      }
    }

    function schedule() {
      clearTimeout(chart.timer);
      chart.timer = setTimeout(load, 180);
    }

    // how: "first" (the window the page was asked for, or the whole record), "all" (the
    // whole record, as a new history entry) or nothing (the window in view).
    async function load(how) {
      if (chart.controller) chart.controller.abort();
      const controller = new AbortController();
      chart.controller = controller;
      const src = section.dataset.src;
      const params = new URLSearchParams();
      if (how === "first") {
        if (section.dataset.start) params.set("start", section.dataset.start);
        if (section.dataset.end) params.set("end", section.dataset.end);
      } else if (how !== "all") {
        const [start, end] = windowNow();
        params.set("start", iso(start));
        params.set("end", iso(end - 1));
      }
      const url = src + (src.includes("?") ? "&" : "?") + params.toString();
      section.setAttribute("aria-busy", "true");
      try {
        const response = await fetch(url, { headers: { Accept: "application/json" }, signal: controller.signal });
        const answer = await response.json();
        if (!response.ok) throw new Error(answer.error || response.statusText);
        if (controller !== chart.controller) return;
        const lanesBefore = chart.answer ? chart.answer.lanes.length : -1;
        chart.answer = answer;
        const answered = [+day(answer.start), +day(answer.end) + DAY];
        if (how === "first") {
          layout(answer.lanes.length);
          setBase(answered[0], answered[1]);
        } else if (how === "all") {
          goTo(answered[0], answered[1], !restoringAll);
          restoringAll = false;
        } else if (lanesBefore !== answer.lanes.length) {
          layout(answer.lanes.length);
        }
        draw();
        describe();
        section.dataset.window = answer.start + "/" + answer.end;
        section.dataset.mode = answer.mode;
        section.dataset.unit = answer.unit;
        section.dataset.loaded = String(Number(section.dataset.loaded || 0) + 1);
      } catch (error) {
        if (error.name === "AbortError") return;
        summary.textContent = "The chart could not be loaded: " + error.message;
      } finally {
        if (controller === chart.controller) section.removeAttribute("aria-busy");
      }
    }

    function laneTop(index) {
      return index === null || index === undefined ? 0 : index * LANE;
    }

    function bandHeight() {
      return chart.answer && chart.answer.lanes.length ? LANE - LABEL - 6 : BAND - 10;
    }

    function draw() {
      const answer = chart.answer;
      axisGroup.call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))));
      const [start, end] = windowNow();
      range.textContent = dayFormat(start) + " – " + dayFormat(end - 1);
      if (!answer) return;
      const lanes = answer.lanes;
      plot.selectAll("g.lane").data(lanes.length ? lanes : [null]).join((enter) => {
        const g = enter.append("g").attr("class", "lane");
        g.append("line").attr("class", "lane-rule");
        g.append("text").attr("class", "lane-name");
        return g;
      })
        .attr("transform", (_, i) => `translate(0,${lanes.length ? i * LANE : 0})`)
        .call((g) => g.select("line.lane-rule").attr("x1", 0).attr("x2", width)
          .attr("y1", lanes.length ? LANE - 3 : BAND - 1).attr("y2", lanes.length ? LANE - 3 : BAND - 1))
        .call((g) => g.select("text.lane-name").attr("x", 4).attr("y", 12)
          .text((lane) => (lane ? lane.name : "")));
      drawBuckets(answer.mode === "density" ? answer.buckets : []);
      drawMarks(answer.mode === "marks" ? answer.marks : []);
      svg.attr("data-mode", answer.mode).attr("data-lanes", lanes.length);
    }

    function drawBuckets(buckets) {
      const tallest = new Map();
      for (const bucket of buckets) {
        const total = KINDS.reduce((sum, kind) => sum + (bucket.counts[kind] || 0), 0);
        bucket.total = total;
        tallest.set(bucket.lane, Math.max(tallest.get(bucket.lane) || 0, total));
      }
      const h = bandHeight();
      const lanes = chart.answer.lanes.length;
      plot.selectAll("g.bucket").data(buckets, (b) => `${b.lane}:${b.start}`).join((enter) => {
        const g = enter.append("g").attr("class", "bucket");
        g.append("title");
        for (const kind of KINDS) g.append("rect").attr("class", "bar k-" + kind).attr("data-kind", kind);
        return g;
      }).each(function (bucket) {
        const g = d3.select(this);
        const y = d3.scaleLinear().domain([0, tallest.get(bucket.lane) || 1]).range([0, h]);
        const bottom = laneTop(bucket.lane) + (lanes ? LANE - 4 : BAND - 1);
        const left = x(day(bucket.start));
        const w = Math.max(1, x(day(bucket.end)) - left - 1);
        let top = bottom;
        for (const kind of KINDS) {
          const size = y(bucket.counts[kind] || 0);
          top -= size;
          g.select("rect.k-" + kind).attr("x", left).attr("width", w).attr("y", top).attr("height", size);
        }
        const parts = KINDS.filter((k) => bucket.counts[k]).map((k) => `${bucket.counts[k]} ${k}`);
        const lane = bucket.lane === null ? "" : chart.answer.lanes[bucket.lane].name + ", ";
        g.select("title").text(`${lane}${bucketLabel(bucket.start, chart.answer.unit)}: ${number(bucket.total)} meetings (${parts.join(", ")})`);
      });
    }

    function drawMarks(marks) {
      const lanes = chart.answer.lanes.length;
      const sameDay = new Map();
      for (const mark of marks) {
        // Meetings on one day (and lane) stand in a column instead of on top of each other.
        const key = mark.date + ":" + (mark.lanes[0] ?? "");
        mark.row = sameDay.get(key) || 0;
        sameDay.set(key, mark.row + 1);
      }
      plot.selectAll("a.mark").data(marks, (m) => m.id).join((enter) => {
        const a = enter.append("a").attr("class", (m) => "mark k-" + m.kind).attr("href", (m) => m.url)
          .attr("data-id", (m) => m.id);
        a.append("title").text((m) => `${m.label}: ${m.participants.map((p) => p.name).join(", ")}, ${m.place}`);
        a.append("line").attr("class", "link");
        return a;
      }).each(function (mark) {
        const a = d3.select(this);
        const cx = x(day(mark.date)) + Math.max(2, (x(+day(mark.date) + DAY) - x(day(mark.date))) / 2);
        const ys = lanes
          ? mark.lanes.map((i) => laneTop(i) + LANE - 14 - Math.min(mark.row, 3) * 9)
          : [BAND - 12 - (mark.row % 15) * 10];
        a.select("line.link").attr("x1", cx).attr("x2", cx).attr("y1", d3.min(ys)).attr("y2", d3.max(ys))
          .attr("data-lanes", mark.lanes.length);
        a.classed("between", mark.lanes.length > 1);
        a.selectAll("circle").data(ys).join("circle").attr("cx", cx).attr("cy", (y) => y).attr("r", 5);
      })
        .on("mouseenter focus", (event, mark) => showTip(event.currentTarget, mark))
        .on("mouseleave blur", hideTip);
    }

    function showTip(target, mark) {
      tip.replaceChildren();
      const title = document.createElement("strong");
      title.textContent = mark.label;
      const who = document.createElement("div");
      who.className = "tip-who";
      who.textContent = mark.participants.map((p) => p.name).join(", ");
      const where = document.createElement("div");
      where.textContent = mark.place + (mark.occasion ? " · " + mark.occasion : "");
      const kind = document.createElement("div");
      kind.className = "muted";
      kind.textContent = mark.kind + (mark.status === "extracted" ? " · unreviewed" : "");
      tip.append(title, who, where, kind);
      tip.hidden = false;
      const box = target.getBoundingClientRect();
      const frameBox = section.getBoundingClientRect();
      // CSSOM, not a style attribute: allowed under the page's CSP.
      const left = Math.min(box.left - frameBox.left, frameBox.width - tip.offsetWidth - 4);
      tip.style.left = Math.max(0, left) + "px";
      tip.style.top = box.bottom - frameBox.top + 6 + "px";
    }

    function hideTip() {
      tip.hidden = true;
    }

    function describe() {
      const answer = chart.answer;
      const when = `between ${dayFormat(day(answer.start))} and ${dayFormat(day(answer.end))}`;
      const whose = answer.lanes.length ? ` of ${listOf(answer.lanes.map((l) => l.name))}` : "";
      let text;
      if (answer.mode === "marks") {
        const between = answer.marks.filter((m) => m.lanes.length > 1).length;
        text = `${number(answer.marks.length)} meetings${whose} ${when}, each drawn as a mark: hover or focus one to see who took part, select it to open it.`;
        if (answer.lanes.length > 1) text += ` ${number(between)} of them between the leaders selected, drawn across their lanes.`;
      } else {
        text = `${number(answer.total)} meetings${whose} in the ${UNIT_LABEL[answer.unit]}s shown (${when}), one bar per ${UNIT_LABEL[answer.unit]}, by kind. Zoom in to see the meetings themselves (at most ${number(answer.cap)} at once).`;
        let busiest = null;
        for (const bucket of answer.buckets) if (!busiest || bucket.total > busiest.total) busiest = bucket;
        if (busiest) text += ` Busiest: ${bucketLabel(busiest.start, answer.unit)}, ${number(busiest.total)}.`;
      }
      const undated = answer.undated.reduce((a, b) => a + b, 0);
      if (undated) {
        const per = answer.lanes.length > 1
          ? " (" + answer.lanes.map((l, i) => `${l.name} ${answer.undated[i]}`).join(", ") + ")" : "";
        text += ` ${number(undated)} undated meetings are not drawn${per}.`;
      }
      if (answer.unknown.length) text += ` No leader found for: ${answer.unknown.join(", ")}.`;
      summary.textContent = text;
    }

    section.querySelector(".chart-controls").addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (!button || !chart.answer) return;
      const [start, end] = windowNow();
      const span = end - start;
      const action = button.dataset.action;
      if (action === "zoom-in") goTo(start + span / 4, end - span / 4, true);
      else if (action === "zoom-out") goTo(start - span / 2, end + span / 2, true);
      else if (action === "earlier") goTo(start - span / 3, end - span / 3, true);
      else if (action === "later") goTo(start + span / 3, end + span / 3, true);
      else if (action === "all") load("all");
    });

    chart.restore = function () {
      const params = new URLSearchParams(location.search);
      const start = params.get("start");
      const end = params.get("end");
      if (start && end) goTo(+day(start), +day(end) + DAY, false);
      else {
        restoringAll = true;
        load("all");
      }
      keepInForm(start, end);
    };

    let resizeTimer = null;
    new ResizeObserver(() => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        if (!chart.answer || Math.abs(frame.clientWidth - width) < 2) return;
        const [start, end] = windowNow();
        layout(chart.answer.lanes.length);
        setBase(start, end);
        draw();
      }, 120);
    }).observe(frame);

    svg.call(zoom).on("dblclick.zoom", null);
    layout(0);
    base.domain([Date.UTC(2000, 0, 1), Date.UTC(2001, 0, 1)]);
    load("first");
  }

  function sameFilters(section) {
    // The window aside, does the address still ask for what this chart shows?
    const shown = new URLSearchParams(section.dataset.src.split("?")[1] || "");
    const asked = new URLSearchParams(location.search);
    for (const params of [shown, asked]) for (const name of ["start", "end", "view"]) params.delete(name);
    const clean = (params) => [...params].filter(([, v]) => v).map(([k, v]) => k + "=" + v).sort().join("&");
    return clean(shown) === clean(asked);
  }

  window.addEventListener("popstate", () => {
    if (history.state && history.state.htmx) return; // htmx restores its own entries
    for (const chart of live) {
      if (!chart.section.isConnected || !chart.restore) continue;
      if (!sameFilters(chart.section)) {
        location.reload();
        return;
      }
      chart.restore();
    }
  });

  function initAll() {
    document.querySelectorAll("section.timeline-chart").forEach(init);
  }
  document.addEventListener("DOMContentLoaded", initAll);
  document.addEventListener("htmx:load", initAll);
  document.addEventListener("htmx:historyRestore", initAll);
  if (document.readyState !== "loading") initAll();
})();
