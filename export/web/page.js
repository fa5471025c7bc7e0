// kg's interactive page: draws the graph embedded in #kg-data with
// cytoscape.js; search, filters by type, kind and date, and a panel showing
// what a clicked entity is and the sentences behind its relations.
// A URL ending in #search=NAME searches for NAME and clicks the best match
// once drawn, and may set the filters (what the page's test in headless
// Chromium does).
(function () {
  "use strict";
  var errors = [];
  window.addEventListener("error", function (e) {
    errors.push(String(e.message));
    var box = document.getElementById("kg-errors");
    if (box) box.textContent = errors.join("\n");
  });

  var data = JSON.parse(document.getElementById("kg-data").textContent);

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }
  // Case and accents ignored, as kg query does.
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // ---- Page skeleton -------------------------------------------------------
  var types = Object.keys(data.types);
  var search = el("input", { type: "search", id: "kg-search", placeholder: "Search an entity…", "aria-label": "Search" });
  var typeBoxes = el("fieldset", { id: "kg-types" }, [el("legend", { text: "Types" })]);
  types.forEach(function (t) {
    var box = el("input", { type: "checkbox", value: t, checked: "" });
    typeBoxes.appendChild(el("label", {}, [box, el("span", { class: "kg-swatch", style: "background:" + data.types[t].color }),
                                            document.createTextNode(t)]));
  });
  var kindBoxes = el("fieldset", { id: "kg-kinds" }, [el("legend", { text: "Links" })]);
  ["relation", "cooccurrence"].forEach(function (k) {
    kindBoxes.appendChild(el("label", {}, [el("input", { type: "checkbox", value: k, checked: "" }), document.createTextNode(k)]));
  });
  var from = el("input", { type: "date", id: "kg-from", "aria-label": "From" });
  var to = el("input", { type: "date", id: "kg-to", "aria-label": "To" });
  var dates = el("fieldset", { id: "kg-dates" }, [el("legend", { text: "Dates" }), from, document.createTextNode("–"), to]);
  var shownNodes = data.nodes.length, shownEdges = data.edges.length;
  var note = "Showing " + shownNodes + " of " + data.total.nodes + " entities and " + shownEdges + " of " +
      data.total.edges + " links from " + data.total.documents + " documents";
  if (shownNodes < data.total.nodes || shownEdges < data.total.edges) {
    note += " — the most connected entities and their strongest links; " + (data.total.nodes - shownNodes) +
        " entities and " + (data.total.edges - shownEdges) + " links left out (kg query subgraph NAME -o page.html shows any part)";
  }
  note += ". Click an entity for its relations and evidence.";
  var header = el("header", {}, [el("h1", { text: "kg" }), search, typeBoxes, kindBoxes, dates,
                                 el("div", { id: "kg-note", text: note })]);
  var graphBox = el("div", { id: "kg-graph" });
  var panel = el("aside", { id: "kg-panel" }, [el("p", { class: "kg-meta", text: "Nothing selected." })]);
  var licence = document.getElementById("kg-licence").innerHTML;
  var footer = el("footer", {}, [
    el("span", { text: "Made by " + data.generator + ". Drawn with cytoscape.js (MIT licence), embedded in this page. " }),
    el("details", {}, [el("summary", { text: "cytoscape.js licence" }), el("pre", { text: licence.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&amp;/g, "&") })]),
    el("div", { id: "kg-errors" })]);
  document.body.appendChild(header);
  document.body.appendChild(el("main", {}, [graphBox, panel]));
  document.body.appendChild(footer);

  // ---- The graph -----------------------------------------------------------
  var dated = data.docs.some(function (d) { return d.date; });
  if (!dated) dates.style.display = "none";
  var maxDegree = data.nodes.reduce(function (m, n) { return Math.max(m, n.degree); }, 1);
  var elements = [];
  data.nodes.forEach(function (n, i) {
    elements.push({ group: "nodes", position: { x: n.x, y: n.y },
                    data: { id: "n" + i, index: i, label: n.label, type: n.type,
                                            size: 14 + 36 * Math.sqrt(n.degree / maxDegree),
                                            color: data.types[n.type].color, shape: data.types[n.type].shape } });
  });
  data.edges.forEach(function (e, i) {
    elements.push({ group: "edges", data: { id: "e" + i, index: i, source: "n" + e.source, target: "n" + e.target,
                                            label: e.kind === "relation" ? e.relation : "", kind: e.kind,
                                            width: 1 + Math.min(6, Math.log(1 + e.weight)) } });
  });
  var cy = cytoscape({
    container: graphBox,
    elements: elements,
    style: [
      { selector: "node", style: { "background-color": "data(color)", shape: "data(shape)", width: "data(size)",
                                   height: "data(size)", label: "data(label)", "font-size": 9, "text-valign": "bottom",
                                   "border-width": 1, "border-color": "#888" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "#9ab", "curve-style": "bezier", opacity: 0.7,
                                   "target-arrow-shape": "triangle", "target-arrow-color": "#9ab" } },
      // Co-occurrences, most of the links, as haystack edges: straight, no
      // arrow, the cheapest to draw.
      { selector: "edge[kind = 'cooccurrence']", style: { "curve-style": "haystack", "line-style": "dashed",
                                                          "line-color": "#ccc", "target-arrow-shape": "none" } },
      { selector: "edge:selected, edge.kg-near", style: { label: "data(label)", "font-size": 8, "line-color": "#d62",
                                                          "target-arrow-color": "#d62", opacity: 1 } },
      { selector: "node.kg-match", style: { "border-width": 4, "border-color": "#d62" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#222" } },
      { selector: ".kg-hidden", style: { display: "none" } }
    ],
    // Positions come with the data (a force-directed layout kg computed).
    layout: { name: "preset", fit: true, padding: 20 },
    pixelRatio: 1,
    hideEdgesOnViewport: data.edges.length > 1000,
    textureOnViewport: data.edges.length > 1000
  });

  // ---- Filters -------------------------------------------------------------
  function checked(box) {
    var on = {};
    box.querySelectorAll("input").forEach(function (i) { on[i.value] = i.checked; });
    return on;
  }
  function overlaps(first, last) {
    if (!first) return !from.value && !to.value;  // undated: shown only without a date filter
    return (!from.value || last >= from.value) && (!to.value || first <= to.value);
  }
  function applyFilters() {
    var typeOn = checked(typeBoxes), kindOn = checked(kindBoxes);
    cy.batch(function () {
      cy.nodes().forEach(function (node) {
        var n = data.nodes[node.data("index")];
        node.toggleClass("kg-hidden", !typeOn[n.type] || !overlaps(n.first, n.last));
      });
      cy.edges().forEach(function (edge) {
        var e = data.edges[edge.data("index")];
        edge.toggleClass("kg-hidden", !kindOn[e.kind] || !overlaps(e.first, e.last));
      });
    });
    document.body.setAttribute("data-kg-visible", cy.nodes().not(".kg-hidden").length + " " +
                                                   cy.edges().not(".kg-hidden").length);
  }
  [typeBoxes, kindBoxes, dates].forEach(function (box) { box.addEventListener("change", applyFilters); });

  // ---- The panel -----------------------------------------------------------
  function docLine(d) {
    var doc = data.docs[d];
    return doc.id + (doc.date ? " (" + doc.date + ")" : "") + (doc.title ? ": " + doc.title : "");
  }
  function show(i) {
    var n = data.nodes[i];
    var node = cy.getElementById("n" + i);
    cy.elements().unselect();
    cy.edges().removeClass("kg-near");
    node.select();
    node.connectedEdges().addClass("kg-near");
    panel.innerHTML = "";
    panel.appendChild(el("h2", { text: n.label }));
    panel.appendChild(el("p", { class: "kg-meta", text: n.type + " · " + n.mentions + " mentions · " + n.documents +
                                                         " documents" + (n.first ? " · " + n.first + " to " + n.last : "") }));
    if (n.aliases.length) {
      panel.appendChild(el("h3", { text: "Also written" }));
      panel.appendChild(el("p", { text: n.aliases.join(", ") }));
    }
    panel.appendChild(el("h3", { text: "Relations" }));
    var list = el("ul", { id: "kg-relations" });
    var mine = data.edges.map(function (e, k) { return k; }).filter(function (k) {
      return data.edges[k].source === i || data.edges[k].target === i;
    });
    mine.sort(function (a, b) {
      var ea = data.edges[a], eb = data.edges[b];
      if ((ea.kind === "relation") !== (eb.kind === "relation")) return ea.kind === "relation" ? -1 : 1;
      return eb.weight - ea.weight;
    });
    mine.forEach(function (k) {
      var e = data.edges[k];
      var other = data.nodes[e.source === i ? e.target : e.source];
      var arrow = e.kind === "cooccurrence" ? " — " : (e.source === i ? " → " : " ← ");
      var head = el("div", {}, [el("strong", { text: e.kind === "relation" ? e.relation : "mentioned with" }),
                                document.createTextNode(arrow + other.label),
                                el("span", { class: "kg-meta", text: "  ×" + e.weight + (e.first ? ", " + e.first + " to " + e.last : "") })]);
      var item = el("li", {}, [head]);
      e.evidence.forEach(function (ev) {
        item.appendChild(el("p", { class: "kg-evidence", text: "“" + ev[1] + "”" }));
        item.appendChild(el("div", { class: "kg-meta", text: docLine(ev[0]) }));
      });
      list.appendChild(item);
    });
    if (!mine.length) list.appendChild(el("li", { class: "kg-meta", text: "No link shown." }));
    panel.appendChild(list);
    panel.appendChild(el("h3", { text: "Documents" }));
    var docs = el("ul", {});
    n.docs.forEach(function (d) { docs.appendChild(el("li", { text: docLine(d) })); });
    if (n.documents > n.docs.length) docs.appendChild(el("li", { class: "kg-meta", text: "… and " + (n.documents - n.docs.length) + " more" }));
    panel.appendChild(docs);
  }
  cy.on("tap", "node", function (evt) { show(evt.target.data("index")); });

  // ---- Search --------------------------------------------------------------
  function find(text) {
    var q = fold(text.trim());
    cy.nodes().removeClass("kg-match");
    if (!q) return [];
    var exact = [], partial = [];
    data.nodes.forEach(function (n, i) {
      var names = [n.label].concat(n.aliases).map(fold);
      if (names.indexOf(q) >= 0) exact.push(i);
      else if (names.some(function (s) { return s.indexOf(q) >= 0; })) partial.push(i);
    });
    var found = exact.concat(partial);
    found.forEach(function (i) { cy.getElementById("n" + i).addClass("kg-match"); });
    return found;
  }
  // Searches, then clicks the best match (through the same tap event a
  // mouse gives) and centres it.
  function searchAndShow(text) {
    var found = find(text);
    if (found.length) {
      var node = cy.getElementById("n" + found[0]);
      node.emit("tap");
      cy.center(node);
    }
    return found;
  }
  search.addEventListener("input", function () { find(search.value); });
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") searchAndShow(search.value); });

  // The URL's fragment may set the controls: #search=NAME&types=ORG,PERSON
  // &kinds=relation&from=2019-01-01&to=2019-12-31.
  var params = {};
  (location.hash || "").replace(/^#/, "").split("&").forEach(function (kv) {
    var at = kv.indexOf("=");
    if (at > 0) params[kv.slice(0, at)] = decodeURIComponent(kv.slice(at + 1));
  });
  function tick(box, list) {
    var on = list.split(",");
    box.querySelectorAll("input").forEach(function (i) { i.checked = on.indexOf(i.value) >= 0; });
  }
  if (params.types) tick(typeBoxes, params.types);
  if (params.kinds) tick(kindBoxes, params.kinds);
  if (params.from) from.value = params.from;
  if (params.to) to.value = params.to;
  applyFilters();
  if (params.search) {
    search.value = params.search;
    var found = searchAndShow(search.value);
    document.body.setAttribute("data-kg-found", String(found.length));
  }
  document.body.setAttribute("data-kg-ready", "1");
  // When the page was drawn and ready, in ms from navigation (for benchmarks).
  document.body.setAttribute("data-kg-ready-ms", String(Math.round(performance.now())));
})();
