// Timeline and map of /events.json (the same route as this page, same filters). Countries
// come from the bundled Natural Earth TopoJSON; no tiles, no network. Text goes in as text.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"];
  var status = document.getElementById("map-status");

  function svg(tag, attrs, parent) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }
  function titled(node, text) { svg("title", {}, node).textContent = text; return node; }
  function link(parent, id) { return svg("a", { href: "/events/" + encodeURIComponent(id) }, parent); }
  function day(e) { var s = e.date && e.date.start; return s ? Date.parse(s.slice(0, 10)) : NaN; }
  function deaths(e) { return (e.fatalities || []).reduce(function (m, v) { return Math.max(m, v.value || 0); }, 0); }
  function radius(e) { return 4 + 2.5 * Math.sqrt(deaths(e)); }
  function label(e) {
    var where = (e.place && e.place.name) || "unknown place";
    return ((e.date && e.date.start) || "undated") + " · " + e.subtype + " at " + where + " · " + deaths(e) + " killed · " + e.admiralty;
  }

  function timeline(events) {
    var box = document.getElementById("timeline");
    var dated = events.filter(function (e) { return !isNaN(day(e)); });
    if (!dated.length) { svg("text", { x: 10, y: 20 }, box).textContent = "No dated events."; return; }
    var t0 = Math.min.apply(null, dated.map(day)), t1 = Math.max.apply(null, dated.map(day));
    var span = Math.max(t1 - t0, 86400000), left = 170, right = 980;
    function x(t) { return left + (t - t0) / span * (right - left); }
    TYPES.forEach(function (type, i) {
      var y = 15 + i * 21;
      svg("text", { x: 4, y: y + 4, "class": "row-label" }, box).textContent = type;
      svg("line", { x1: left, x2: right, y1: y, y2: y, "class": "row" }, box);
    });
    for (var year = new Date(t0).getUTCFullYear() + 1; year <= new Date(t1).getUTCFullYear(); year++) {
      var tx = x(Date.UTC(year, 0, 1));
      svg("line", { x1: tx, x2: tx, y1: 5, y2: 135, "class": "tick" }, box);
      svg("text", { x: tx + 2, y: 146, "class": "tick-label" }, box).textContent = String(year);
    }
    dated.forEach(function (e) {
      var row = Math.max(0, TYPES.indexOf(e.type));
      var dot = svg("circle", { cx: x(day(e)), cy: 15 + row * 21, r: Math.min(radius(e), 10), "class": "pt g" + e.grade }, link(box, e.id));
      titled(dot, label(e));
    });
  }

  function ringPath(ring, project) {
    var d = "", prev = null;
    ring.forEach(function (p) {
      var xy = project(p[0], p[1]);
      d += (prev === null || Math.abs(p[0] - prev) > 180 ? "M" : "L") + xy[0].toFixed(1) + "," + xy[1].toFixed(1);
      prev = p[0];
    });
    return d + "Z";
  }

  function extent(placed) {
    if (!placed.length) return [-180, -60, 180, 85];
    var lons = placed.map(function (e) { return e.place.lon; }), lats = placed.map(function (e) { return e.place.lat; });
    var w = Math.min.apply(null, lons), e = Math.max.apply(null, lons), s = Math.min.apply(null, lats), n = Math.max.apply(null, lats);
    var padX = Math.max(8, (e - w) * 0.15), padY = Math.max(5, (n - s) * 0.15);
    return [Math.max(-180, w - padX), Math.max(-85, s - padY), Math.min(180, e + padX), Math.min(85, n + padY)];
  }

  function map(events, topology) {
    var box = document.getElementById("map");
    var placed = events.filter(function (e) { return e.place && typeof e.place.lat === "number" && typeof e.place.lon === "number"; });
    var b = extent(placed), W = 1000, H = 500;
    var k = Math.min(W / (b[2] - b[0]), H / (b[3] - b[1]));
    var ox = (W - k * (b[2] - b[0])) / 2, oy = (H - k * (b[3] - b[1])) / 2;
    function project(lon, lat) { return [ox + (lon - b[0]) * k, oy + (b[3] - lat) * k]; }
    svg("rect", { x: 0, y: 0, width: W, height: H, "class": "sea" }, box);
    var land = svg("g", { "class": "countries" }, box);
    topojson.feature(topology, topology.objects.countries).features.forEach(function (f) {
      if (!f.geometry) return;
      var polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      var d = polys.map(function (poly) { return poly.map(function (r) { return ringPath(r, project); }).join(""); }).join("");
      titled(svg("path", { d: d, "class": "country" }, land), (f.properties && f.properties.name) || "");
    });
    var dots = svg("g", { "class": "events" }, box);
    placed.sort(function (a, c) { return radius(c) - radius(a); }).forEach(function (e) {
      var xy = project(e.place.lon, e.place.lat);
      var dot = svg("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: radius(e).toFixed(1),
        "class": "ev precision-" + (e.place.precision || "country") }, link(dots, e.id));
      titled(dot, label(e) + " (" + (e.place.precision || "?") + " precision)");
    });
    status.textContent = placed.length + " of " + events.length + " events have a place on the map.";
    box.setAttribute("data-points", String(placed.length));
  }

  function json(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }

  Promise.all([json("/events.json" + window.location.search), json("/static/vendor/countries-50m.json")])
    .then(function (got) {
      timeline(got[0]);
      map(got[0], got[1]);
      document.body.setAttribute("data-drawn", "1");
    })
    .catch(function (err) { status.textContent = "Could not draw the map: " + err.message; });
})();
