// The network view: actors and ties from /network.json (the same route as this page),
// drawn with Cytoscape.js. Every string from the data goes in as text, never as HTML.
(function () {
  "use strict";
  var box = document.getElementById("cy");
  var panel = document.getElementById("evidence");
  var count = document.getElementById("net-count");
  var typeBoxes = Array.prototype.slice.call(document.querySelectorAll("#tie-types input[type=checkbox]"));
  var minGrade = document.getElementById("min-grade");
  var cy = null;

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function path(prefix, id) { return prefix + encodeURIComponent(id); }

  function elements(data) {
    var nodes = data.nodes.map(function (n) {
      return { group: "nodes", data: { id: n.id, label: n.name, kind: n.kind || "", size: 18 + Math.min(30, 4 * Math.sqrt(n.documents || 1)) } };
    });
    var edges = data.edges.map(function (e) {
      return { group: "edges", data: { id: e.id, source: e.source, target: e.target, type: e.type, grade: e.grade,
        label: (e.negated ? "not " : "") + e.type, disputed: e.disputed ? "yes" : "no", negated: e.negated ? "yes" : "no" } };
    });
    return nodes.concat(edges);
  }

  var STYLE = [
    { selector: "node", style: { "label": "data(label)", "width": "data(size)", "height": "data(size)", "font-size": 10,
      "background-color": "#4a6fa5", "color": "#222", "text-valign": "bottom", "text-margin-y": 3,
      "text-wrap": "ellipsis", "text-max-width": 140 } },
    { selector: "node[kind = 'person']", style: { "background-color": "#c27c2c", "shape": "round-rectangle" } },
    { selector: "edge", style: { "curve-style": "bezier", "target-arrow-shape": "triangle", "width": 2,
      "line-color": "#8a8f98", "target-arrow-color": "#8a8f98", "label": "data(label)", "font-size": 8,
      "text-rotation": "autorotate", "color": "#555", "text-background-color": "#fff", "text-background-opacity": 0.8 } },
    { selector: "edge[type = 'fights'], edge[type = 'killed']", style: { "line-color": "#b33", "target-arrow-color": "#b33" } },
    { selector: "edge[type = 'allied_with'], edge[type = 'supports'], edge[type = 'trains']", style: { "line-color": "#2a8a4a", "target-arrow-color": "#2a8a4a" } },
    { selector: "edge[negated = 'yes']", style: { "line-style": "dotted" } },
    { selector: "edge[disputed = 'yes']", style: { "line-style": "dashed" } },
    { selector: "edge[grade <= 2]", style: { "width": 4 } },
    { selector: ":selected", style: { "overlay-opacity": 0.2, "overlay-color": "#f5b400" } }
  ];

  function applyFilters() {
    var types = {};
    typeBoxes.forEach(function (b) { types[b.value] = b.checked; });
    var worst = minGrade && minGrade.value ? Number(minGrade.value) : 6;
    cy.batch(function () {
      cy.edges().forEach(function (e) {
        var keep = types[e.data("type")] !== false && (e.data("grade") || 6) <= worst;
        e.style("display", keep ? "element" : "none");
      });
      cy.nodes().forEach(function (n) {
        var shown = n.connectedEdges().filter(function (e) { return e.style("display") !== "none"; });
        n.style("display", shown.length ? "element" : "none");
      });
    });
    var edges = cy.edges().filter(function (e) { return e.style("display") !== "none"; }).length;
    var nodes = cy.nodes().filter(function (n) { return n.style("display") !== "none"; }).length;
    count.textContent = nodes + " actors, " + edges + " ties shown";
    box.setAttribute("data-visible-edges", String(edges));
  }

  function showActor(node) {
    clear(panel);
    panel.appendChild(el("h2", node.data("label")));
    panel.appendChild(el("p", node.data("kind"), { "class": "muted" }));
    panel.appendChild(el("a", "Open the dossier", { href: path("/actors/", node.id()), id: "dossier-link" }));
  }

  function claimItem(c) {
    var li = el("li", null, { "class": "claim" });
    if (c.side === "against") li.appendChild(el("strong", "against: "));
    li.appendChild(el("span", c.source_text || "unnamed source", { "class": "source-phrase" }));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("span", c.source_kind, { "class": "tag" }));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("span", c.stance, { "class": "tag stance" }));
    li.appendChild(document.createTextNode(" in "));
    li.appendChild(el("a", c.doc_id, { href: path("/documents/", c.doc_id) + "?hl=" + c.span[0] + "-" + c.span[1], "class": "doc-link" }));
    li.appendChild(el("blockquote", c.text));
    return li;
  }

  function showTie(edge) {
    clear(panel);
    panel.appendChild(el("p", "Loading the evidence…", { "class": "muted" }));
    fetch(path("/relations/", edge.id()) + ".json", { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (tie) {
        clear(panel);
        panel.appendChild(el("h2", tie.source.name + " " + (tie.negated ? "NOT " : "") + tie.type + " " + tie.target.name));
        panel.appendChild(el("p", tie.admiralty + " (" + tie.label + "), " + tie.independent_sources +
          " independent source(s)" + (tie.disputed ? ", DISPUTED" : ""), { "class": "grade-line" }));
        var reasons = el("ul");
        tie.grade_reasons.forEach(function (r) { reasons.appendChild(el("li", r)); });
        panel.appendChild(reasons);
        panel.appendChild(el("h3", "Claims (" + tie.claims.length + ")"));
        var list = el("ul", null, { "class": "claims", id: "evidence-claims" });
        tie.claims.forEach(function (c) { list.appendChild(claimItem(c)); });
        panel.appendChild(list);
        panel.appendChild(el("a", "Evidence page", { href: path("/relations/", tie.id) }));
      })
      .catch(function (err) { clear(panel); panel.appendChild(el("p", "Could not load the evidence: " + err.message, { "class": "error" })); });
  }

  function draw(data) {
    cy = cytoscape({ container: box, elements: elements(data), style: STYLE,
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 90; } } });
    cy.on("tap", "edge", function (evt) { showTie(evt.target); });
    cy.on("tap", "node", function (evt) { showActor(evt.target); });
    typeBoxes.forEach(function (b) { b.addEventListener("change", applyFilters); });
    if (minGrade) minGrade.addEventListener("change", applyFilters);
    applyFilters();
    window.claimgraphNetwork = cy;
    box.setAttribute("data-ready", "1");
  }

  fetch("/network.json" + window.location.search, { headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(draw)
    .catch(function (err) { panel.appendChild(el("p", "Could not load the network: " + err.message, { "class": "error" })); });
})();
