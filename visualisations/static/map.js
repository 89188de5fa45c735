"use strict";
// The map page's script: groups and their summary, focus, search, filters, projector mode,
// the date control (day.js: the network as it stood on a day), the "hangs on one person"
// panel, and labels placed after layout so that no two overlap. Text reaches the page only
// through textContent and the canvas, never as HTML.
(function () {
  const data = JSON.parse(document.getElementById("map-data").textContent);
  const container = document.getElementById("network");
  const status = document.getElementById("status");
  const tooltip = document.getElementById("tooltip");
  const colours = data.colours;
  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const big = data.edges.length > 3000;
  const network = new vis.Network(container, { nodes, edges }, {
    physics: { enabled: false, stabilization: false },
    layout: { improvedLayout: false, randomSeed: 7 },
    interaction: { hover: true, tooltipDelay: 100, hideEdgesOnDrag: big, hideEdgesOnZoom: big },
    edges: { smooth: false }, nodes: { font: { multi: false } } });
  const state = { drawnAt: null, groupBy: data.groupBy, expanded: new Set(), subset: null,
                  focused: null, present: false, labels: [], items: [], selected: new Set(),
                  view: data.on ? CouncilDay.on(data, data.on) : CouncilDay.all(data) };

  // Indexes: edges at each node, edges each person carries, each person's posts at a node,
  // the node of a person (if drawn). An edge's posts are its people's posts at its ends.
  const incident = data.nodes.map(() => []);
  const linksOf = data.people.map(() => []);
  const postsAt = new Map();
  data.links.forEach((l, i) => {
    linksOf[l.person].push(i);
    for (const node of l.at) {
      const k = l.person + "|" + node;
      if (!postsAt.has(k)) postsAt.set(k, []);
      postsAt.get(k).push(i);
    }
  });
  data.edges.forEach((e, i) => {
    incident[e.from].push(i); incident[e.to].push(i);
  });
  // An edge's posts: its people's posts at its two ends (on a day, the live ones).
  function edgeLinks(e) {
    const found = [], view = state.view;
    for (const p of e.people || []) for (const node of [e.from, e.to])
      for (const l of postsAt.get(p + "|" + node) || [])
        if (!found.includes(l) && (!view.links || view.links.has(l))) found.push(l);
    return found;
  }
  const liveEdge = i => state.view.edges[i] === 1;
  const liveNode = id => state.view.nodes[id] === 1;
  const nodeOfIri = new Map(data.nodes.map(n => [n.iri, n.id]));
  const personIndex = new Map(data.people.map((p, i) => [p.iri, i]));
  const personOfNode = data.nodes.map(n => (n.kind === "person" && personIndex.has(n.iri) ? personIndex.get(n.iri) : -1));
  const short = iri => iri.slice(iri.lastIndexOf("/") + 1);
  const setStatus = text => { status.textContent = text; };

  function carriersOf(i) { return new Set(state.view.carriers[i] || []); }
  function groupOf(n) { return state.groupBy === "none" ? null : n.groups[state.groupBy]; }
  function key(id) {
    if (!liveNode(id)) return null;
    if (state.subset) return state.subset.has(id) ? id : null;
    const g = groupOf(data.nodes[id]);
    return g === null || state.expanded.has(g) ? id : "group:" + g;
  }
  function place(n) { return state.groupBy === "type" ? n.at.type : state.groupBy === "region" ? n.at.region : [n.x, n.y]; }
  function groupsNow() {
    const found = new Map();
    if (state.groupBy === "none") return found;
    for (const n of data.nodes) {
      if (!liveNode(n.id)) continue;
      const g = n.groups[state.groupBy];
      if (!found.has(g)) found.set(g, { name: g, members: [], kinds: {} });
      const info = found.get(g);
      info.members.push(n.id); info.kinds[n.kind] = (info.kinds[n.kind] || 0) + 1;
    }
    return found;
  }

  // ---- what is drawn ------------------------------------------------------------------
  function fragileNode(n) { return personOfNode[n.id] >= 0 && state.view.articulation.has(personOfNode[n.id]); }
  function detailNode(n) {
    const [x, y] = place(n);
    const strong = state.present, fragile = fragileNode(n);
    const colour = fragile ? colours.fragile : (colours.kinds[n.kind] || "#555555");
    // a partnership a source says relies on individual relationships stands out: a large
    // star with a thick red rim
    const color = n.reliant ? { background: colour, border: colours.fragile } : colour;
    const shape = fragile ? "diamond" : n.reliant ? "star" : n.kind === "partnership" ? "square" : "dot";
    return { id: n.id, x, y, size: n.size * (strong ? 1.2 : 1) * (n.reliant ? 1.6 : 1), shape, color,
             borderWidth: n.reliant ? 5 : fragile ? 3 : (strong ? 2 : 1),
             shapeProperties: {}, font: { size: 0 } };
  }
  // The kinds of link behind an edge keep apart: a seat on one peer team is dotted (it
  // lasts while the team is on site), a partnership seat dash-dotted, a partnership's
  // member dashed; posts and commissions are solid.
  function dashesFor(i) {
    const e = data.edges[i];
    if (e.kind === "partnership") return [8, 6];
    const kinds = new Set(edgeLinks(e).map(l => data.links[l].kind));
    if (kinds.size && [...kinds].every(k => k === "team-seat")) return [2, 5];
    if (kinds.size && [...kinds].every(k => k === "partnership-seat")) return [12, 4, 2, 4];
    return false;
  }
  function detailEdge(i) {
    const e = data.edges[i], single = state.view.single.has(i);
    const people = carriersOf(i).size, reliant = data.nodes[e.from].reliant || data.nodes[e.to].reliant;
    // red is for a link that hangs on one person; a partnership a source says relies on
    // individuals has thick links in its own colour
    const width = single || reliant ? 4 : 1 + Math.min(people, 4);
    const plain = state.present ? "#4a4a4a" : colours.edge;
    return { id: i, from: e.from, to: e.to, width: state.present ? width * 2 : width,
             color: { color: single ? colours.fragile : reliant ? colours.kinds.partnership : plain },
             dashes: dashesFor(i), arrows: data.directed ? "to" : undefined };
  }
  function render() {
    const visNodes = [], visEdges = [], items = [];
    const groupInfo = groupsNow(), shownGroups = new Map(), merged = new Map();
    for (const n of data.nodes) {
      const k = key(n.id);
      if (k === null) continue;
      if (k === n.id) { visNodes.push(detailNode(n)); items.push({ id: n.id, text: n.label, size: n.size, rank: rank(n) }); }
      else if (!shownGroups.has(k)) shownGroups.set(k, groupInfo.get(k.slice(6)));
    }
    for (const [id, info] of shownGroups) {
      const at = info.members.map(m => place(data.nodes[m]));
      const x = at.reduce((s, p) => s + p[0], 0) / at.length, y = at.reduce((s, p) => s + p[1], 0) / at.length;
      // as large as a fair part of the members' own disc, so a group reads at any zoom
      const spread = Math.max(...at.map(p => Math.hypot(p[0] - x, p[1] - y)));
      const size = Math.max(16 + 5 * Math.sqrt(info.members.length), 0.3 * spread);
      visNodes.push({ id, x, y, size, shape: "hexagon", color: { background: "#34495e", border: "#1b2631" },
                      borderWidth: state.present ? 3 : 2, font: { size: 0 } });
      items.push({ id, text: groupLabel(info), size, rank: 1e9 + info.members.length });
    }
    data.edges.forEach((e, i) => {
      if (!liveEdge(i)) return;
      const a = key(e.from), b = key(e.to);
      if (a === null || b === null || a === b) return;
      if (typeof a === "number" && typeof b === "number") { visEdges.push(detailEdge(i)); return; }
      const [p, q] = data.directed || String(a) < String(b) ? [a, b] : [b, a];
      const id = "merged:" + p + "|" + q;
      if (!merged.has(id)) merged.set(id, { id, from: p, to: q, people: new Set(), edges: [] });
      const m = merged.get(id);
      m.edges.push(i); for (const person of carriersOf(i)) m.people.add(person);
    });
    for (const m of merged.values()) {
      const one = m.people.size === 1;
      // between two groups the summary is the point; from an opened member it is context
      const summary = typeof m.from === "string" && typeof m.to === "string";
      const width = Math.min((summary ? 2 : 1) + 2 * Math.log2(1 + m.people.size), summary ? 14 : 5) * (state.present ? 1.6 : 1);
      const grey = state.present ? "#4a4a4a" : (summary ? "#8a8a8a" : "rgba(120,120,120,0.35)");
      visEdges.push({ id: m.id, from: m.from, to: m.to, width, dashes: m.people.size === 0,
                      color: { color: one ? colours.fragile : grey },
                      arrows: data.directed ? "to" : undefined });
      if (typeof m.from === "string" && typeof m.to === "string" && m.people.size)
        items.push({ edge: m.id, text: peopleText(m.people), rank: 1e8 + m.people.size });
    }
    state.merged = merged; state.items = items;
    nodes.clear(); edges.clear(); nodes.add(visNodes); edges.add(visEdges);
    renderGroupsPanel(groupInfo);
    document.getElementById("counts").textContent = visNodes.length + " nodes, " + visEdges.length + " links drawn.";
  }
  function rank(n) { return (state.selected.has(n.id) ? 1e10 : 0) + (fragileNode(n) || n.reliant ? 1e7 : 0) + n.size * 1000 + (n.degree || 0); }
  function groupLabel(info) {
    const councils = info.kinds.council || 0, others = info.members.length - councils;
    return info.name + " · " + (councils ? councils + " councils" + (others ? " + " + others : "") : info.members.length);
  }
  function peopleText(people) {
    const names = [...people].map(p => data.people[p].name);
    return names.length <= 2 ? names.join(", ") : names.length + " people";
  }

  // ---- labels placed after layout: by priority, hidden where they would collide ------
  function drawLabels(ctx) {
    const canvas = container.querySelector("canvas");
    if (!canvas) return;
    const ratio = canvas.width / canvas.clientWidth || 1;
    const font = state.present ? 26 : 13, h = Math.round(font * 1.25), pad = 3;
    const scale = network.getScale(), width = canvas.clientWidth, height = canvas.clientHeight;
    ctx.save(); ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = (state.present ? "600 " : "") + font + "px system-ui, sans-serif";
    ctx.textBaseline = "top"; ctx.lineJoin = "round";
    const grid = new Map(), placed = [], cell = 96;
    const cells = b => { const out = [];
      for (let i = Math.floor(b.x / cell); i <= Math.floor((b.x + b.w) / cell); i++)
        for (let j = Math.floor(b.y / cell); j <= Math.floor((b.y + b.h) / cell); j++) out.push(i + "," + j);
      return out; };
    const free = b => b.x >= 0 && b.y >= 0 && b.x + b.w <= width && b.y + b.h <= height &&
      cells(b).every(c => (grid.get(c) || []).every(o => b.x >= o.x + o.w || o.x >= b.x + b.w || b.y >= o.y + o.h || o.y >= b.y + b.h));
    const positions = network.getPositions();
    const sorted = state.items.slice().sort((a, b) => b.rank - a.rank);
    for (const item of sorted) {
      let at, r = 0;
      if (item.edge !== undefined) {
        const e = edges.get(item.edge); if (!e) continue;
        const p = positions[e.from], q = positions[e.to]; if (!p || !q) continue;
        at = network.canvasToDOM({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 });
      } else {
        const p = positions[item.id]; if (!p) continue;
        at = network.canvasToDOM(p); r = item.size * scale;
      }
      if (at.x < -200 || at.y < -200 || at.x > width + 200 || at.y > height + 200) continue;
      const w = ctx.measureText(item.text).width + 2 * pad;
      const options = item.edge !== undefined ? [[at.x - w / 2, at.y - h / 2]] :
        [[at.x - w / 2, at.y + r + 2], [at.x - w / 2, at.y - r - 2 - h], [at.x + r + 4, at.y - h / 2], [at.x - r - 4 - w, at.y - h / 2]];
      for (const [x, y] of options) {
        const box = { x, y, w, h };
        if (!free(box)) continue;
        for (const c of cells(box)) { if (!grid.has(c)) grid.set(c, []); grid.get(c).push(box); }
        placed.push({ text: item.text, x, y, w, h, font, id: item.id, edge: item.edge });
        break;
      }
    }
    for (const b of placed) {
      ctx.lineWidth = state.present ? 6 : 3; ctx.strokeStyle = "rgba(255,255,255,0.95)";
      ctx.strokeText(b.text, b.x + pad, b.y + (h - font) / 2);
      ctx.fillStyle = b.edge !== undefined ? "#7b241c" : (state.present ? "#000" : "#1a1a1a");
      ctx.fillText(b.text, b.x + pad, b.y + (h - font) / 2);
    }
    ctx.restore();
    state.labels = placed;
  }
  network.on("afterDrawing", drawLabels);

  // ---- tooltips -------------------------------------------------------------------------
  function describeLink(l) {
    const link = data.links[l], who = data.people[link.person].name;
    const when = link.start || link.end || link.live ? " (" + heldText(link) + ")" : "";
    const from = (link.sources || []).map(s => short(data.sources[s][2])).join(", ") || "source not recorded";
    return who + ": " + (link.post || "member") + ", " + link.org + when + " [" + link.kind + "] — " + from;
  }
  function nodeLines(id) {
    if (typeof id === "string") {
      const info = groupsNow().get(id.slice(6));
      const outside = new Set();
      for (const m of info.members) for (const i of incident[m]) {
        const e = data.edges[i], other = e.from === m ? e.to : e.from;
        if (liveEdge(i) && data.nodes[other].groups[state.groupBy] !== info.name) for (const p of carriersOf(i)) outside.add(p);
      }
      const lines = [groupLabel(info), "click to open the group"];
      lines.push(outside.size + " people link it to other groups" + (outside.size ? ": " + [...outside].slice(0, 10).map(p => data.people[p].name).join(", ") + (outside.size > 10 ? " …" : "") : ""));
      return lines;
    }
    const n = data.nodes[id], lines = [n.label, "kind: " + n.kind];
    if (n.aliases) lines.push("also: " + n.aliases.join("; "));
    if (n.region || n.type) lines.push([n.region, n.type].filter(Boolean).join(", "));
    if (fragileNode(n)) lines.push("the network splits if this person leaves");
    if (n.reliant) lines.push("a source says this partnership relies on individual relationships");
    const shown = [];
    for (const i of incident[id]) if (liveEdge(i)) for (const l of edgeLinks(data.edges[i])) if (shown.length < 12 && !shown.includes(l)) shown.push(l);
    for (const l of shown) lines.push(describeLink(l));
    lines.push(data.sizeBy + ": " + (n[data.sizeBy] !== undefined ? n[data.sizeBy] : n.degree));
    return lines;
  }
  function edgeLines(id) {
    if (typeof id === "string") {
      const m = state.merged.get(id), lines = [label(m.from) + " — " + label(m.to)];
      lines.push("carried by " + m.people.size + " people" + (m.people.size ? ": " + [...m.people].slice(0, 15).map(p => data.people[p].name).join(", ") + (m.people.size > 15 ? " …" : "") : ""));
      lines.push(m.edges.length + " links between them");
      return lines;
    }
    const e = data.edges[id], lines = [label(e.from) + " — " + label(e.to)];
    lines.push("carried by " + carriersOf(id).size + " people" + (state.view.on ? " on " + state.view.on : ""));
    const one = state.view.single.get(id);
    if (one !== undefined && one !== null) lines.push("hangs on one person: " + data.people[one].name);
    for (const l of edgeLinks(e)) lines.push(describeLink(l));
    for (const s of e.sources || []) lines.push("source: " + short(data.sources[s][2]));
    return lines;
  }
  function label(id) { return typeof id === "string" ? id.slice(6) : data.nodes[id].label; }
  function showTooltip(lines, pointer) {
    tooltip.replaceChildren(...lines.map(line => { const d = document.createElement("div"); d.textContent = line; return d; }));
    tooltip.style.left = Math.min(pointer.x + 14, window.innerWidth - 460) + "px";
    tooltip.style.top = (pointer.y + 60) + "px";
    tooltip.style.display = "block";
  }
  network.on("hoverNode", p => showTooltip(nodeLines(p.node), p.pointer.DOM));
  network.on("hoverEdge", p => showTooltip(edgeLines(p.edge), p.pointer.DOM));
  network.on("blurNode", () => { tooltip.style.display = "none"; });
  network.on("blurEdge", () => { tooltip.style.display = "none"; });

  // ---- actions --------------------------------------------------------------------------
  const animate = { duration: 300, easingFunction: "easeInOutQuad" };
  // vis-network never zooms past 1 in fit() unless told: clicking a node did not zoom to it
  function fitTo(ids) { if (ids.length) network.fit({ nodes: ids, maxZoomLevel: 3, animation: animate }); }
  function neighbours(id) {
    return [...new Set(incident[id].filter(liveEdge).map(i => data.edges[i].from === id ? data.edges[i].to : data.edges[i].from))];
  }
  function focus(id) {
    const keep = new Set([id, ...neighbours(id)]);
    state.focused = id; state.subset = keep; state.selected = new Set([id]);
    render(); network.selectNodes([id]); fitTo([...keep]);
    setStatus("showing " + data.nodes[id].label + " and its " + (keep.size - 1) + " neighbours");
  }
  function back() {
    state.focused = null; state.subset = null; state.selected = new Set();
    render(); network.unselectAll(); network.fit({ animation: false }); setStatus("");
  }
  function reset() {
    for (const id of ["filter-organisation", "filter-council", "filter-area"]) document.getElementById(id).value = "";
    document.getElementById("search").value = "";
    back();
  }
  function expand(name) {
    state.expanded.add(name); state.subset = null; render();
    fitTo(groupsNow().get(name).members);
    setStatus("opened " + name);
  }
  function collapse(name) { state.expanded.delete(name); render(); setStatus("closed " + name); }
  function overview() { state.expanded.clear(); back(); }
  function showAll() { for (const g of groupsNow().keys()) state.expanded.add(g); back(); }
  function setGroupBy(mode) { state.groupBy = mode; state.expanded.clear(); document.getElementById("group-by").value = mode; back(); }
  function setPresent(on) {
    state.present = on; document.body.classList.toggle("present", on);
    document.getElementById("present").setAttribute("aria-pressed", String(on));
    render(); network.redraw();
  }
  function show(keep, message) {
    state.subset = keep; state.focused = null; render(); fitTo([...keep]); setStatus(message);
  }
  function filterBy() {
    const council = document.getElementById("filter-council").value;
    const area = document.getElementById("filter-area").value;
    if (!council && !area) { back(); return; }
    const keep = new Set();
    data.edges.forEach((e, i) => {
      if (!liveEdge(i)) return;
      const links = edgeLinks(e).map(l => data.links[l]);
      const councils = [e.from, e.to].filter(n => data.nodes[n].kind === "council").map(n => data.nodes[n].label);
      if ((!council || councils.includes(council)) && (!area || links.some(l => l.area === area))) { keep.add(e.from); keep.add(e.to); }
    });
    data.nodes.forEach(n => { if (council && n.kind === "council" && n.label === council && liveNode(n.id)) keep.add(n.id); });
    show(keep, keep.size + " nodes match");
  }
  function matches(needle, texts) { return texts.some(t => t && t.toLowerCase().includes(needle)); }
  function search(text) {
    const needle = text.trim().toLowerCase();
    if (!needle) { state.selected = new Set(); network.unselectAll(); setStatus(""); network.redraw(); return []; }
    const found = new Set();
    for (const n of data.nodes) if (liveNode(n.id) && matches(needle, [n.label, ...(n.aliases || [])])) found.add(n.id);
    data.people.forEach((p, i) => {
      if (!matches(needle, [p.name, ...(p.aliases || [])])) return;
      if (nodeOfIri.has(p.iri)) { if (liveNode(nodeOfIri.get(p.iri))) found.add(nodeOfIri.get(p.iri)); return; }
      // a person drawn as links: where their live posts are
      for (const l of linksOf[i]) if (!state.view.links || state.view.links.has(l))
        for (const n of data.links[l].at) if (liveNode(n)) found.add(n);
    });
    const ids = [...found];
    if (state.subset && ids.some(id => !state.subset.has(id))) state.subset = null;
    for (const id of ids) { const g = groupOf(data.nodes[id]); if (g !== null) state.expanded.add(g); }
    state.selected = found; render();
    network.selectNodes(ids); fitTo(ids);
    setStatus(ids.length + " found");
    return ids;
  }
  function byLabel(text) { const n = data.nodes.find(n => n.label === text); return n ? n.id : null; }

  // ---- panel of groups ------------------------------------------------------------------
  function renderGroupsPanel(groupInfo) {
    const list = document.getElementById("groups");
    if (!list) return;
    list.replaceChildren(...[...groupInfo.values()].sort((a, b) => a.name.localeCompare(b.name)).map(info => {
      const li = document.createElement("li"), button = document.createElement("button");
      const open = state.expanded.has(info.name);
      button.type = "button"; button.className = "group-toggle"; button.dataset.group = info.name;
      button.textContent = (open ? "▾ " : "▸ ") + groupLabel(info);
      button.setAttribute("aria-expanded", String(open));
      button.addEventListener("click", () => (open ? collapse : expand)(info.name));
      li.appendChild(button); return li;
    }));
    document.getElementById("groups-box").hidden = groupInfo.size === 0;
  }

  // ---- wiring ---------------------------------------------------------------------------
  network.on("click", p => {
    if (p.nodes.length) { const id = p.nodes[0]; if (typeof id === "string") expand(id.slice(6)); else focus(id); }
    else if (!p.edges.length && state.subset) back();
  });
  document.getElementById("search").addEventListener("input", ev => search(ev.target.value));
  document.getElementById("filter-organisation").addEventListener("change", ev => {
    const id = byLabel(ev.target.value);
    if (id === null) back();
    else if (!liveNode(id)) setStatus(ev.target.value + " has no live link on " + state.view.on);
    else focus(id); });
  for (const id of ["filter-council", "filter-area"]) document.getElementById(id).addEventListener("change", filterBy);
  document.getElementById("reset").addEventListener("click", reset);
  document.getElementById("overview").addEventListener("click", overview);
  document.getElementById("show-all").addEventListener("click", showAll);
  document.getElementById("group-by").addEventListener("change", ev => setGroupBy(ev.target.value));
  document.getElementById("present").addEventListener("click", () => setPresent(!state.present));
  document.getElementById("panel-toggle").addEventListener("click", () => {
    const hidden = document.body.classList.toggle("panel-hidden");
    document.getElementById("panel-toggle").setAttribute("aria-pressed", String(hidden));
    network.redraw(); network.fit({ animation: false }); });
  document.getElementById("physics").addEventListener("change", ev => network.setOptions({ physics: { enabled: ev.target.checked } }));
  document.addEventListener("keydown", ev => { if (ev.key === "Escape" && state.subset) back(); });
  function showCarrier(p) {
    const id = nodeOfIri.has(data.people[p].iri) ? nodeOfIri.get(data.people[p].iri) : null;
    if (id !== null && liveNode(id)) { focus(id); return; }
    const keep = new Set();  // a person drawn as links
    for (const [i, who] of state.view.single) if (who === p) { keep.add(data.edges[i].from); keep.add(data.edges[i].to); }
    if (keep.size) show(keep, data.people[p].name + " alone carries the links between " + keep.size + " organisations");
  }
  document.querySelectorAll("#flagged button").forEach(b => b.addEventListener("click", () => {
    const id = byLabel(b.dataset.label); if (id !== null && liveNode(id)) focus(id); }));
  function exportPng() {
    const url = container.querySelector("canvas").toDataURL("image/png");
    const a = document.createElement("a");
    a.href = url; a.download = (document.title || "map").replace(/[^\w.-]+/g, "_") + ".png";
    document.body.appendChild(a); a.click(); a.remove();
    return url;
  }
  document.getElementById("export").addEventListener("click", exportPng);
  function visibleLabels() { return nodes.getIds().map(label); }

  // ---- the date: the network as it stood on a day -------------------------------------
  // "Hangs on one person": each person who alone carries a link drawn now, with the live
  // links they carry at its ends, each with its kind and dates.
  // Held from and to, as known; where either is not, the days it counts as live (the
  // rule of /leads: from its statements, within the window).
  function heldText(link) {
    const held = (link.start || "?") + " to " + (link.end || "?");
    return link.live && !(link.start && link.end) ? held + ", counted " + link.live[0] + " to " + link.live[1] : held;
  }
  function renderCarriers() {
    const carrying = new Map();
    for (const [i, p] of state.view.single) {
      if (p === null || !liveEdge(i)) continue;
      const e = data.edges[i];
      if (!carrying.has(p)) carrying.set(p, new Set());
      for (const node of [e.from, e.to]) for (const l of postsAt.get(p + "|" + node) || [])
        if (!state.view.links || state.view.links.has(l)) carrying.get(p).add(l);
    }
    const list = document.getElementById("carriers");
    const people = [...carrying.keys()].sort((a, b) => data.people[a].name.localeCompare(data.people[b].name));
    list.replaceChildren(...people.map(p => {
      const li = document.createElement("li"), button = document.createElement("button"), links = document.createElement("ul");
      button.type = "button"; button.className = "person"; button.dataset.label = data.people[p].name;
      button.textContent = data.people[p].name;
      button.addEventListener("click", () => showCarrier(p));
      links.className = "carried";
      links.replaceChildren(...[...carrying.get(p)].map(l => {
        const item = document.createElement("li"), link = data.links[l];
        item.textContent = link.kind + ": " + (link.post || "member") + ", " + link.org + " (" + heldText(link) + ")";
        return item;
      }));
      li.append(button, links); return li;
    }));
    document.getElementById("no-carriers").hidden = people.length > 0;
    document.getElementById("carriers-when").textContent = (state.view.on ? "On " + state.view.on : "On any date") +
      ": the links only one person carries, live then, with the kind of each and its dates.";
  }
  function showEmpty() {
    const none = !state.view.nodes.some(v => v === 1);
    const box = document.getElementById("empty");
    box.hidden = !none;
    if (none) document.getElementById("empty-reason").textContent =
      (state.view.on === data.on && data.empty ? data.empty : (data.why || "nothing to draw") + (state.view.on ? " for " + state.view.on : "")) + ".";
  }
  const dateField = document.getElementById("on-date"), yearSlider = document.getElementById("on-year");
  function showDateControls() {
    const on = state.view.on;
    if (on) { dateField.value = on; yearSlider.value = on.slice(0, 4); }
    document.getElementById("on-year-label").textContent = on ? on.slice(0, 4) : "all";
    document.getElementById("on-any").setAttribute("aria-pressed", String(!on));
  }
  function setOn(day) {
    state.view = day ? CouncilDay.on(data, day) : CouncilDay.all(data);
    state.subset = null; state.focused = null; state.selected = new Set();
    render(); renderCarriers(); showEmpty(); showDateControls();
    network.unselectAll(); network.fit({ animation: false });
    setStatus(day ? "as it stood on " + day : "every date");
    return { nodes: nodes.length, edges: edges.length };
  }
  dateField.addEventListener("change", () => setOn(dateField.value || null));
  // The slider keeps the day of the year shown. A day takes up to a second to measure on
  // the largest maps, so while it moves only its label follows, and the map on a pause.
  let sliding = null;
  function slideTo() {
    clearTimeout(sliding); sliding = null;
    const mmdd = (state.view.on || data.on || "0000-07-01").slice(4);
    if (state.view.on !== yearSlider.value + mmdd) setOn(yearSlider.value + mmdd);
  }
  yearSlider.addEventListener("input", () => {
    document.getElementById("on-year-label").textContent = yearSlider.value;
    clearTimeout(sliding); sliding = setTimeout(slideTo, 200);
  });
  yearSlider.addEventListener("change", slideTo);
  document.getElementById("on-any").addEventListener("click", () => setOn(null));
  network.once("afterDrawing", () => { state.drawnAt = performance.now(); document.body.dataset.drawn = "1"; });
  document.getElementById("group-by").value = state.groupBy;
  if (data.present) setPresent(true); else render();
  renderCarriers(); showEmpty(); showDateControls();
  network.fit({ animation: false });
  if (!data.nodes.length) { state.drawnAt = performance.now(); document.body.dataset.drawn = "1"; }
  window.councilMap = { network, nodes, edges, data, state, focus, back, reset, search, filterBy,
                        expand, collapse, overview, showAll, setGroupBy, setPresent, exportPng,
                        visibleLabels, setOn, labels: () => state.labels };
})();
